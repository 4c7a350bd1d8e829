"""Inline suppression comments work in .txt and .md reports alike."""

from __future__ import annotations

from reportlint.rules.markup import HtmlResidue
from reportlint.runner import lint_text

RULES = [(HtmlResidue, dict(HtmlResidue.options))]


def _lines(text: str) -> list[int]:
    res = lint_text(text, "r.txt", RULES)
    return [res.lines.position(d.start)[0] for d in res.diagnostics]


def test_disable_enable_region() -> None:
    text = "a<br>。\n<!-- reportlint-disable MKP001 -->\nb<br>。\n<!-- reportlint-enable MKP001 -->\nc<br>。\n"
    assert _lines(text) == [1, 5]


def test_disable_by_name_and_category_and_bare() -> None:
    for sel in ("html-residue", "markup", "MKP", ""):
        text = f"<!-- reportlint-disable {sel} -->\nb<br>。\n"
        assert _lines(text) == [], sel


def test_other_codes_are_not_suppressed() -> None:
    assert _lines("<!-- reportlint-disable DUP001 -->\nb<br>。\n") == [2]


def test_disable_next_line_skips_blank_lines() -> None:
    text = "<!-- reportlint-disable-next-line MKP001 -->\n\nb<br>。\n\nc<br>。\n"
    assert _lines(text) == [5]


def test_disable_file() -> None:
    assert _lines("a<br>。\n\n<!-- reportlint-disable-file -->\n\nb<br>。\n") == []


def test_comment_text_itself_is_not_prose() -> None:
    # The tag inside the comment is masked from the rules.
    assert _lines("<!-- a <br> here -->\n正文。\n") == []
