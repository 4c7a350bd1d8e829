"""Where each span of a document's text stands in the document: page, paragraph, source line.

A reader builds the text paragraph by paragraph with :class:`TextBuilder`; each piece it adds
carries its place in the source. Reporters ask :meth:`SourceMap.locate` for the place of a
finding's offset and print it the way a reader of the document looks for it (``p.12 ¶3`` in a
PDF, ``¶45`` in a Word file, ``line 212`` of an HTML page).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

PARAGRAPH_SEPARATOR = "\n\n"  # between paragraphs, as in a text report: the block parser splits there


@dataclass(frozen=True, slots=True)
class Place:
    """A place in the source document. ``paragraph`` counts from 1 on its page when there are
    pages, else from the start of the document; ``line`` is a source line (HTML)."""

    page: int | None = None
    paragraph: int | None = None
    line: int | None = None

    def label(self) -> str:
        """``p.12 ¶3``, ``¶45`` or ``line 212``: the place as a person looks for it."""
        parts = []
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if self.paragraph is not None:
            parts.append(f"¶{self.paragraph}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        return " ".join(parts)

    def as_json(self) -> dict[str, int]:
        return {k: v for k, v in (("page", self.page), ("paragraph", self.paragraph), ("line", self.line))
                if v is not None}


@dataclass(frozen=True, slots=True)
class Removed:
    """Text a reader took out of the flow (a running header, a footer, a page number), kept so
    that it can be shown or checked, never linted as prose."""

    text: str
    page: int
    role: str  # "header", "footer", "page-number"


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Where a page ended in the text. ``joined``: the next page carried the paragraph on (the text
    runs through); otherwise the text has a paragraph break here. ``full_line``: the page's last
    line ran to the right margin, so the paragraph did not end there by layout."""

    offset: int
    page: int  # the page that ends here
    joined: bool
    full_line: bool


@dataclass(slots=True)
class SourceMap:
    """Sorted, non-overlapping spans of the text, each with its place."""

    format: str
    starts: list[int] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    pages: int | None = None
    removed: list[Removed] = field(default_factory=list)
    page_breaks: list[PageBreak] = field(default_factory=list)

    def locate(self, offset: int) -> Place | None:
        """The place of the span holding ``offset`` (a separator belongs to the span before it)."""
        i = bisect_right(self.starts, offset) - 1
        return self.places[i] if i >= 0 else (self.places[0] if self.places else None)

    def label(self, offset: int) -> str:
        place = self.locate(offset)
        return place.label() if place is not None else ""

    def as_json(self, offset: int) -> dict[str, Any] | None:
        place = self.locate(offset)
        if place is None:
            return None
        return {"format": self.format, **place.as_json()}


@dataclass(slots=True)
class SourceText:
    """What a reader returns: the text to lint and its map back to the document."""

    text: str
    map: SourceMap
    notice: str | None = None


class TextBuilder:
    """Builds a document's text paragraph by paragraph, recording each piece's place.

    A paragraph may be made of pieces from different places (a paragraph that runs over a page
    break); pieces are concatenated as given, paragraphs are separated by a blank line.
    """

    def __init__(self, fmt: str) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._open = False
        self.map = SourceMap(fmt)

    @property
    def length(self) -> int:
        return self._length

    def _write(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def start_paragraph(self) -> None:
        """End the paragraph in progress (if any); the next piece opens a new one."""
        self._open = False

    def add(self, text: str, place: Place) -> None:
        """Append ``text`` from ``place`` to the paragraph in progress, or open a new one."""
        if not text:
            return
        if not self._open and self._length:
            self._write(PARAGRAPH_SEPARATOR)
        self._open = True
        if not self.map.places or self.map.places[-1] != place:
            self.map.starts.append(self._length)
            self.map.places.append(place)
        self._write(text)

    def paragraph(self, text: str, place: Place) -> None:
        """Add a whole paragraph."""
        self.start_paragraph()
        self.add(text, place)
        self.start_paragraph()

    def build(self, notice: str | None = None) -> SourceText:
        text = "".join(self._parts)
        if text and not text.endswith("\n"):
            text += "\n"
        return SourceText(text, self.map, notice)
