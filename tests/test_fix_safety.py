"""Fix safety is a rule of the engine: a fix that changes letters of words is never applied by ``--fix``
unless the rule proves the result is the intended text."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from reportlint.diagnostic import Diagnostic, Edit, Fix, changes_letters, is_letter, replaced_offsets
from reportlint.document import Document
from reportlint.fix import apply_edits, fix_text
from reportlint.registry import load_registry
from reportlint.rule import Rule
from reportlint.rules.truncation import SplitSentence
from reportlint.runner import lint_text

DATA = Path(__file__).parent / "data"


def default_rules() -> list:
    return [(r, dict(r.options)) for r in load_registry().rules if r.enabled_by_default and not r.preview]


# -- which edits touch words ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "edit", "touches"),
    [
        ("石化化工产业", Edit(2, 3, ""), True),  # a Han character deleted
        ("推进行動计划", Edit(3, 4, "动"), True),  # a character replaced
        ("in the the table", Edit(6, 10, ""), True),  # a Latin word deleted
        ("增长5.2%", Edit(2, 3, ""), True),  # a digit deleted
        ("完成年度\n\n投资", Edit(4, 6, ""), False),  # a page break joined
        ("data will\n\nprovide", Edit(9, 11, " "), False),  # a break replaced by a space
        ("**标题，**正文", Edit(4, 5, ""), False),  # a comma taken out of bold
        ("a,b", Edit(1, 2, "，"), False),  # punctuation changed
        ("abc", Edit(2, 9, ""), True),  # outside the text: never trusted
    ],
)
def test_changes_letters(text: str, edit: Edit, touches: bool) -> None:
    assert changes_letters(text, [edit]) is touches


def test_checked_downgrades_only_unproven_safe_fixes_that_touch_words() -> None:
    text = "石化化工产业"
    delete = (Edit(2, 3, ""),)
    assert Fix("safe", "m", delete).checked(text).applicability == "unsafe"
    assert Fix("safe", "m", delete, proven=True).checked(text).applicability == "safe"
    assert Fix("unsafe", "m", delete).checked(text).applicability == "unsafe"
    assert Fix("safe", "m", (Edit(6, 6, "。"),)).checked(text).applicability == "safe"


class _Careless(Rule):
    """A plugin-like rule that calls every fix safe, deleting words and moving commas alike."""

    code = "XTS901"
    name = "careless"
    category = "style"
    summary = "test rule"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        k = doc.text.find("化化")
        if k >= 0:
            yield self.report(k, k + 1, "delete", fix=Fix("safe", "delete", (Edit(k, k + 1, ""),)))
        c = doc.text.find("，**")
        if c >= 0:
            yield self.report(c, c + 3, "move", fix=Fix("safe", "move", (Edit(c, c + 3, "**，"),)))


def test_engine_downgrades_any_rule_and_fix_leaves_words_alone() -> None:
    text = "**石化化工，**产业链延伸。\n"
    res = lint_text(text, "r.md", [(_Careless, {})])
    kinds = {d.message: d.fix.applicability for d in res.diagnostics if d.fix}
    assert kinds == {"delete": "unsafe", "move": "safe"}
    assert fix_text(text, "r.md", [(_Careless, {})]).text == "**石化化工**，产业链延伸。\n"
    assert fix_text(text, "r.md", [(_Careless, {})], unsafe=True).text == "**石化工**，产业链延伸。\n"


# -- page-break joins -------------------------------------------------------------
def _join_fix(text: str) -> Fix:
    (d,) = [d for d in lint_text(text, "r.md", [(SplitSentence, dict(SplitSentence.options))]).diagnostics]
    assert d.fix is not None
    return d.fix


def test_join_after_a_comma_is_safe() -> None:
    fix = _join_fix("我们要牢记嘱托。坚持系统观念，加强统筹协调，\n\n当好改革开放先锋。\n")
    assert fix.applicability == "safe"


def test_join_resting_on_statistics_is_unsafe() -> None:
    # 水土 occurs elsewhere: likely the same word cut by a page break, but not certain.
    text = ("全省水土保持工作扎实推进。\n\n生态环境持续改善。近岸海域水质位列第1，全省水\n\n"
            "土保持目标责任评估考核获评优秀。\n")
    fix = _join_fix(text)
    assert fix.applicability == "unsafe"
    assert "全省水土保持目标" in apply_edits(text, fix.edits)


# -- whole reports ------------------------------------------------------------------
@pytest.mark.parametrize("name", ["clean_zh.md", "clean_en.md"])
def test_fix_changes_nothing_on_clean_reports(name: str) -> None:
    text = (DATA / "fix" / name).read_text(encoding="utf-8")
    outcome = fix_text(text, name, default_rules())
    assert not outcome.changed, outcome.passes


def test_safe_fixes_remove_no_letter_outside_the_defects() -> None:
    # Defects put in a clean text: a page break inside a sentence (after a comma), a stutter,
    # a traditional character whose simplified word the report also writes, and text in bold
    # with its comma inside.
    text = ((DATA / "fix" / "clean_zh.md").read_text(encoding="utf-8")
            + "\n推进行動方案落地，落实行动计划，\n\n加快项目建设，很很有底气。**重点任务，**全面完成。\n")
    defects = [(text.index("行動") + 1, text.index("行動") + 2)]
    outcome = fix_text(text, "r.md", default_rules())
    assert outcome.changed
    for o in replaced_offsets(len(text), outcome.passes):
        assert not is_letter(text[o]) or any(s <= o < e for s, e in defects), (o, text[o - 5:o + 5])
    assert "很很" in outcome.text  # the stutter waits for --unsafe-fixes
    assert "落实行动计划，加快项目建设" in outcome.text


def test_replaced_offsets_follow_the_passes() -> None:
    # Pass 1 deletes "b" (offset 1); pass 2, against "acd", replaces "d" (offset 3 of the original).
    assert replaced_offsets(4, [[Edit(1, 2, "")], [Edit(2, 3, "x")]]) == [1, 3]
    assert replaced_offsets(3, [[Edit(0, 0, "zz")], [Edit(0, 2, "")]]) == []
