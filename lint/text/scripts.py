"""Character classes and script runs (Han, Latin, digits, punctuation, space).

Word boundaries between Han and Latin text do not exist for ``\\b``; rules that
care about "a Latin word between Han characters" work from these runs instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

HAN = "han"
LATIN = "latin"
DIGIT = "digit"
PUNCT = "punct"
SPACE = "space"

# Sentence-final punctuation, CJK and Latin.
CJK_TERMINALS = "。！？；…"
# Punctuation that may close a sentence after a terminal (”。 is wrong, 。” is right).
CLOSERS = "”’」』）)》】〕］]\"'"
# A line ending in one of these introduces what follows (a list, a quote).
INTRODUCERS = "：:"


# The one definition of a Han character: the unified ideographs, extension A, the
# compatibility ideographs, 〇, and the supplementary planes' extensions (B to H).
# HAN_CLASS is the same set as the body of a regex character class (every pattern that
# means "a Chinese character" writes [{HAN_CLASS}]); is_han tests the same ranges on code
# points, faster per character than a regex match (a test checks the two agree everywhere).
_HAN_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF), (0x3007, 0x3007), (0x20000, 0x3134F))
HAN_CLASS = "".join(f"\\U{lo:08x}-\\U{hi:08x}" if lo != hi else f"\\U{lo:08x}" for lo, hi in _HAN_RANGES)


def is_han(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x3134F or o == 0x3007)


def is_latin(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z") or (ch.isalpha() and 0xC0 <= ord(ch) <= 0x24F) or (
        "ａ" <= ch <= "ｚ") or ("Ａ" <= ch <= "Ｚ")


def is_digit(ch: str) -> bool:
    return ("0" <= ch <= "9") or ("０" <= ch <= "９")


def script_of(ch: str) -> str:
    if is_han(ch):
        return HAN
    if is_latin(ch):
        return LATIN
    if is_digit(ch):
        return DIGIT
    if ch.isspace():
        return SPACE
    return PUNCT


def script_runs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int]]:
    """Yield ``(script, start, end)`` for maximal runs of one script in ``text[start:end]``."""
    end = len(text) if end is None else end
    i = start
    while i < end:
        kind = script_of(text[i])
        j = i + 1
        while j < end and script_of(text[j]) == kind:
            j += 1
        yield kind, i, j
        i = j


# The same classes as is_han / is_latin, as patterns, so counting runs at C speed:
# every block's language is decided from this ratio.
_HAN_RUN = re.compile(f"[{HAN_CLASS}]+")
_LATIN_RUN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\uff21-\uff3a\uff41-\uff5a]+")


def han_ratio(text: str) -> float:
    """Share of Han among the letters (Han + Latin) of ``text``; 0.0 with no letters."""
    han = sum(map(len, _HAN_RUN.findall(text)))
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    total = han + latin
    return han / total if total else 0.0

