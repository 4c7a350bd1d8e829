"""Patterns that once backtracked super-linearly, each fed an input long enough that
quadratic matching would not finish within the test run; the assertions are on results."""

from __future__ import annotations

from reportlint.suppression import Suppressions
from reportlint.rules.numeric import extract as quantities
from reportlint.text import blocks, joins

N = 300_000


def test_unclosed_disable_comment_followed_by_spaces_is_no_directive() -> None:
    text = "正文。\n<!-- reportlint-disable" + " " * N
    assert Suppressions.parse(text).regions == []


def test_many_unclosed_heads_are_no_directives() -> None:
    assert Suppressions.parse("<!--reportlint-disable" * (N // 20)).regions == []


def test_directive_after_long_garbage_still_parses() -> None:
    text = "<!-- reportlint-disable" + " " * N + "<!-- reportlint-disable TYP001 -->\n正文\n"
    regions = Suppressions.parse(text).regions
    assert [r.selectors for r in regions] == [("TYP001",)]


def test_many_heads_before_one_close_only_the_last_counts() -> None:
    regions = Suppressions.parse("<!--reportlint-disable" * (N // 20) + " TYP001 -->正文").regions
    assert [r.selectors for r in regions] == [("TYP001",)]


def test_directive_body_must_end_at_first_angle_bracket() -> None:
    assert Suppressions.parse("<!-- reportlint-disable a > b -->").regions == []
    assert len(Suppressions.parse("<!-- reportlint-disable-file-->").regions) == 1


def test_inline_code_on_a_long_backtick_run() -> None:
    assert blocks._INLINE_CODE.search("`" * N) is None
    m = blocks._INLINE_CODE.search("`" * N + " ``code`` ")
    assert m is not None and m.group(2) == "code"


def test_inline_code_needs_a_closing_run_of_the_same_length() -> None:
    assert blocks._INLINE_CODE.search("``a`") is None
    assert blocks._INLINE_CODE.search("`a`").group(2) == "a"


def test_clause_initials_on_long_blank_runs() -> None:
    text = "，" + "\n" * N + "。"
    assert joins._CLAUSE_INITIAL.findall(text) == []
    assert joins._CLAUSE_INITIAL.findall("甲，  乙") == ["甲", "乙"]


def test_chinese_numeral_run_without_unit() -> None:
    assert [m.group(0) for m in quantities._ZH_QTY.finditer("一" * N) if m.group("num")] == []
    found = [m.group(0) for m in quantities._ZH_QTY.finditer("增加三千二百万元")]
    assert "三千二百万元" in found
