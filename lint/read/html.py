"""HTML reader (BeautifulSoup on the standard ``html.parser``, which keeps source line numbers).

Block elements (paragraphs, headings, list items, quotations, preformatted text, divisions holding
text) each become a paragraph of the text; a table row becomes one line ``| cell | cell |``;
``<br>`` is a line break inside its paragraph. Entities are decoded: ``&ldquo;`` in HTML *is* a
quotation mark (an entity left in the text of a page, ``&amp;ldquo;``, is still found as residue).
White space collapses as a browser collapses it, and a source line break between two CJK
characters vanishes, as it does on screen. Each piece of text keeps the source line it came from.
"""

from __future__ import annotations

import re
from typing import Any

from . import ReadError
from .layout import _wide
from .sourcemap import Place, SourceText, TextBuilder

# Elements that open and close a paragraph of their own.
_BLOCKS = {"p", "div", "li", "dt", "dd", "blockquote", "pre", "section", "article", "aside", "header",
           "footer", "main", "nav", "figure", "figcaption", "caption", "address", "center", "details",
           "summary", "form", "fieldset", "legend", "ul", "ol", "dl", "body", "html", "hr", "table",
           "thead", "tbody", "tfoot"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Not page text: code, styles, templates, embedded graphics, the document head.
_HIDDEN = {"script", "style", "template", "noscript", "head", "svg", "math", "iframe", "object", "canvas", "select"}
_SPACE = re.compile(r"[ \t\r\n\f]+")
_BR = "\u2029"  # a <br> while white space collapses; a newline once the paragraph is closed


class _Walker:
    def __init__(self) -> None:
        self.out = TextBuilder("html")
        self.buffer: list[tuple[str, int]] = []  # (text, source line) of the paragraph in progress
        self.pre = 0

    def flush(self) -> None:
        """Close the paragraph in progress: white space collapsed, ends trimmed."""
        pieces = self._collapsed()
        self.buffer = []
        self.out.start_paragraph()
        for text, line in pieces:
            self.out.add(text, Place(line=line))
        self.out.start_paragraph()

    def _collapsed(self) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []
        prev = ""
        for text, line in self.buffer:
            if not self.pre:
                text = _SPACE.sub(" ", text)
            if not prev or prev.endswith(_BR):
                text = text.lstrip(" ")
            if text.startswith(" ") and prev.endswith(" "):
                text = text[1:]
            if not text:
                continue
            out.append((text, line))
            prev = text
        # Trim the paragraph's ends, and a space around a <br>.
        cleaned = [(t.replace(" " + _BR, _BR).replace(_BR + " ", _BR).replace(_BR, "\n"), ln) for t, ln in out]
        while cleaned and not cleaned[-1][0].strip():
            cleaned.pop()
        if cleaned:
            cleaned[-1] = (cleaned[-1][0].rstrip(), cleaned[-1][1])
        return [(t, ln) for t, ln in cleaned if t]

    def text(self, s: str, line: int) -> None:
        """A text node starting on source ``line``, split at source line breaks so that each
        piece keeps its own line (a break between two CJK characters is dropped)."""
        parts = s.split("\n")
        for i, part in enumerate(parts):
            if i and not self.pre:
                before = self.buffer[-1][0].rstrip(" \t\r") if self.buffer else ""
                after = part.lstrip(" \t\r")
                part = after if before and after and _wide(before[-1]) and _wide(after[0]) else " " + part
            elif i:
                part = "\n" + part
            if part:
                self.buffer.append((part, line + i))


def _walk(node: Any, w: _Walker, line: int) -> int:
    """Visit ``node``'s children in order; returns the source line reached."""
    from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

    for child in node.children:
        if isinstance(child, (Comment, Doctype, Declaration, ProcessingInstruction)):
            continue
        if isinstance(child, NavigableString):
            w.text(str(child), line)
            line += str(child).count("\n")
            continue
        if not isinstance(child, Tag):
            continue
        line = child.sourceline or line
        line = _tag(child, w, line)
    return line


def _tag(tag: Any, w: _Walker, line: int) -> int:
    name = tag.name.lower()
    if name in _HIDDEN:
        return line
    if name == "br":
        w.buffer.append((_BR, line))
        return line
    if name == "tr":
        w.flush()
        cells = [" ".join(c.get_text(" ").split()).replace("|", "\\|") for c in tag.find_all(["td", "th"])]
        if any(cells):
            w.out.paragraph("| " + " | ".join(cells) + " |", Place(line=line))
        return line
    if name in _HEADINGS:
        w.flush()
        w.buffer.append(("#" * _HEADINGS[name] + " ", line))
        line = _walk(tag, w, line)
        w.flush()
        return line
    if name in _BLOCKS:
        w.flush()
        w.pre += name == "pre"
        line = _walk(tag, w, line)
        w.flush()
        w.pre -= name == "pre"
        return line
    return _walk(tag, w, line)


def read(data: bytes) -> SourceText:
    from bs4 import BeautifulSoup

    from ..text.decode import DecodeError, decode_bytes

    try:
        text = decode_bytes(data).text
    except DecodeError as exc:
        raise ReadError(str(exc)) from None
    soup = BeautifulSoup(text, "html.parser")
    w = _Walker()
    _walk(soup, w, 1)
    w.flush()
    return w.out.build()
