"""Paragraphs rebuilt from the lines of typeset pages, running headers and footers taken out.

A PDF has no paragraphs, only lines placed on pages. Three facts of layout tell where a
paragraph ends, and they hold for Chinese and Latin typesetting alike:

- a first-line indent, or a vertical gap wider than the line spacing, opens a new paragraph;
- a line that stops short of the right margin by more than the width of the next line's first
  word ended on purpose: the typesetter would have pulled that word up if the paragraph went on
  (for Chinese text every character is a word, so "short" means a character's width or more);
- neither holds → the next line carries the same paragraph on, also across a page break.

Lines repeated at the top or bottom of most pages (a running title, a date line) and page
numbers (``12``, ``- 12 -``, ``第12页``, ``Page 12 of 40``) are furniture, not prose: they are
taken out of the flow and returned so the caller can keep them.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

# Page-number furniture: a bare number, dashed or dotted (- 12 -, ·12·), 第12页 / 第 12 页 共 40 页,
# 12/40, "Page 12", "Page 12 of 40", roman numerals of front matter (iv).
_PAGE_NUMBER = re.compile(
    r"(?:[-–—·•.\s]*\d{1,4}[-–—·•.\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?"
    r"|(?i:[ivxlc]{1,6}))"
)
_DIGITS = re.compile(r"\d+")
# Characters that may not start a line in CJK typesetting (closing punctuation): they travel
# with the character before them, so they count in the width of a line's first "word".
_NO_LINE_START = set("，。、；：！？）》」』”’】〕…—%,.;:!?)]")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text on a page: its text and box in PDF units (y grows upwards)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 0.1)

    def char_width(self) -> float:
        """The mean advance of the line's characters (a CJK character counts twice a Latin one)."""
        units = len(self.text) + len(_WIDE.findall(self.text)) or 1
        return 2 * (self.x1 - self.x0) / units


# Full-width characters: CJK ideographs and their punctuation, kana, hangul, full-width forms.
_WIDE = re.compile("[\u2e80-\u303f\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
                   "\U00020000-\U0003ffff“”‘’…—·]")


def _wide(ch: str) -> bool:
    """A character set on a full em: lines join around it without a space."""
    return _WIDE.match(ch) is not None


def is_page_number(text: str) -> bool:
    return bool(text.strip()) and _PAGE_NUMBER.fullmatch(text.strip()) is not None


@dataclass(frozen=True, slots=True)
class Furniture:
    page: int  # 0-based
    text: str
    role: str  # "header", "footer", "page-number"


def strip_furniture(pages: list[list[Line]]) -> tuple[list[list[Line]], list[Furniture]]:
    """Take page numbers and running headers/footers out of each page's lines.

    Furniture stands apart from the text block: one of the first two or last two lines of a
    page, set off from the line next to it by more than the body's line spacing. It is a page
    number by its form, or a running line when its text, digits masked, stands at the same end
    of at least two pages and of two fifths of them. A short line repeated at the end of every
    page's text (谢谢！) is not set off, so it stays.
    """
    spacing = measure(pages).spacing
    ends: Counter[tuple[str, str]] = Counter()
    for lines in pages:
        seen = {("top", _DIGITS.sub("#", ln.text.strip())) for ln in lines[:2]}
        seen |= {("bottom", _DIGITS.sub("#", ln.text.strip())) for ln in lines[-2:]}
        ends.update(seen)
    need = max(2, round(0.4 * len(pages)))
    kept: list[list[Line]] = []
    removed: list[Furniture] = []
    for p, lines in enumerate(pages):
        body = list(lines)
        for where in ("top", "bottom"):
            for _ in range(2):
                if len(body) < 2:
                    break
                ln, neighbour = (body[0], body[1]) if where == "top" else (body[-1], body[-2])
                text = ln.text.strip()
                if abs(ln.top - neighbour.top) <= 1.3 * spacing:
                    break
                if is_page_number(text):
                    role = "page-number"
                elif ends[(where, _DIGITS.sub("#", text))] >= need and len(pages) >= 2:
                    role = "header" if where == "top" else "footer"
                else:
                    break
                removed.append(Furniture(p, text, role))
                body.pop(0 if where == "top" else -1)
        kept.append(body)
    return kept, removed


@dataclass(frozen=True, slots=True)
class Metrics:
    """The text block of the document: its margins, line height and line spacing."""

    left: float
    right: float
    height: float
    spacing: float


def measure(pages: list[list[Line]]) -> Metrics:
    lines = [ln for page in pages for ln in page]
    if not lines:
        return Metrics(0.0, 0.0, 1.0, 1.0)
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    rights = sorted(ln.x1 for ln in lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    height = median(ln.height for ln in lines)
    gaps = [a.top - b.top for page in pages for a, b in itertools.pairwise(page) if a.top - b.top > 0.5 * height]
    # The body's line spacing is the most common gap (a median would drift towards the wide gaps
    # around headings and furniture on pages with few lines).
    spacing = Counter(round(g) for g in gaps).most_common(1)[0][0] if gaps else 1.2 * height
    return Metrics(float(left), right, height, spacing)


def _first_word(text: str) -> str:
    """The part of a line the line before would have had to take to carry on: the first Latin
    word, or the first CJK character with the closing punctuation that must follow it."""
    text = text.lstrip()
    if not text:
        return ""
    if _wide(text[0]):
        i = 1
        while i < len(text) and text[i] in _NO_LINE_START:
            i += 1
        return text[:i]
    word = text.split(" ", 1)[0]
    return word


def _room_for(prev: Line, nxt: Line, m: Metrics) -> bool:
    """Would the first word of ``nxt`` have fitted at the end of ``prev``?"""
    word = _first_word(nxt.text)
    unit = nxt.char_width() / 2
    need = sum(2 * unit if _wide(c) else unit for c in word) + (0 if _wide(word[:1] or "x") else unit)
    return (m.right - prev.x1) > need + 0.25 * unit


def indented(line: Line, m: Metrics) -> bool:
    return line.x0 - m.left > 0.6 * m.height


def continues(prev: Line, line: Line, m: Metrics, *, same_page: bool) -> bool:
    """Does ``line`` carry on the paragraph that ``prev`` is in?"""
    if indented(line, m) or _room_for(prev, line, m):
        return False
    if abs(line.height - prev.height) > 0.25 * m.height:  # a heading in a bigger size, a footnote in a smaller
        return False
    if same_page:
        gap = prev.top - line.top
        if gap <= 0 or gap > 1.45 * m.spacing:
            return False
    return True


def full_line(line: Line, m: Metrics) -> bool:
    """Did ``line`` run to the right margin (no room left for even one more character)?"""
    return m.right - line.x1 < 1.5 * line.char_width()


def joiner(before: str, after: str) -> str:
    """What goes between two lines joined into one paragraph: nothing around CJK text, nothing
    after a hyphen that ends a Latin line, a space between Latin words."""
    if not before or not after:
        return ""
    a, b = before[-1], after[0]
    if _wide(a) or _wide(b):
        return ""
    if a == "-" and len(before) > 1 and before[-2].isalpha():
        return ""
    return " "
