"""Offsets <-> line/column, the one conversion every reporter needs."""

from __future__ import annotations

import bisect
import re

_LONE_CR = re.compile(r"\r(?!\n)")


class LineIndex:
    """Line starts of a text; columns are 1-based code-point counts."""

    __slots__ = ("starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        if "\r" in text:  # a lone CR (old Mac files) ends a line too, as editors count it
            starts = sorted([*starts, *(m.end() for m in _LONE_CR.finditer(text))])
        self.starts = starts

    def line_of(self, offset: int) -> int:
        """0-based line number holding ``offset``."""
        return bisect.bisect_right(self.starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``, column in code points."""
        line = self.line_of(offset)
        return line + 1, offset - self.starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end (without the newline) of 0-based ``line``."""
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    def line_text(self, line: int) -> str:
        s, e = self.line_span(line)
        return self.text[s:e]

    @property
    def count(self) -> int:
        return len(self.starts)
