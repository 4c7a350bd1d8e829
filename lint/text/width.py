"""Terminal display width, so carets line up under Chinese text."""

from __future__ import annotations

import unicodedata


def char_width(ch: str) -> int:
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospace terminal (wide CJK = 2)."""
    if text.isascii():
        return len(text)
    return sum(char_width(c) for c in text)
