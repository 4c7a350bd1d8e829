"""Inline suppression comments, usable in Markdown and plain-text reports alike.

    <!-- reportlint-disable DUP001 -->  ...  <!-- reportlint-enable DUP001 -->
    <!-- reportlint-disable-next-line TRN001 -->
    <!-- reportlint-disable-file -->            (all rules)

Codes may be full codes, prefixes, rule names or categories, separated by spaces
or commas; no code means every rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .diagnostic import Diagnostic
from .text.lines import LineIndex

# Only the head is a regex; the body (up to the first ``>``, which must close ``-->``) is
# found with str.find, once per ``>``, so an unclosed comment followed by a long run of
# spaces costs one scan, not one scan per character (the lazy body + ``\s*`` did).
_HEAD = re.compile(r"<!--\s*+reportlint-(disable-next-line|disable-file|disable|enable)\b")
_SELECTOR_SEP = re.compile(r"[\s,]+")


def _directives(text: str) -> Iterator[tuple[str, str, int, int]]:
    """``(kind, body, start, end)`` of every well-formed directive comment, in text order."""
    close = -1  # position of the first ``>`` at or after the current head
    last_open = -1  # the last ``<!--`` before ``close``: only that comment can end there
    for m in _HEAD.finditer(text):
        if close < m.end():
            close = text.find(">", m.end())
            if close == -1:
                return
            last_open = text.rfind("<!--", 0, close)
        if m.start() != last_open or close - 2 < m.end() or text[close - 2:close] != "--":
            continue
        yield m.group(1), text[m.end():close - 2], m.start(), close + 1


@dataclass(frozen=True, slots=True)
class _Region:
    selectors: tuple[str, ...]  # empty: every rule
    start: int
    end: int


def _matches(selectors: tuple[str, ...], diag: Diagnostic) -> bool:
    if not selectors:
        return True
    return any(diag.code.startswith(sel.upper()) or sel == diag.rule or sel == diag.category for sel in selectors)


class Suppressions:
    def __init__(self, regions: list[_Region]) -> None:
        self.regions = regions

    @classmethod
    def parse(cls, text: str, lines: LineIndex | None = None) -> Suppressions:
        if "reportlint-" not in text:
            return cls([])
        lines = lines or LineIndex(text)
        regions: list[_Region] = []
        open_: dict[tuple[str, ...], int] = {}
        for kind, body, m_start, m_end in _directives(text):
            sels = tuple(s for s in _SELECTOR_SEP.split(body.strip()) if s)
            if kind == "disable-file":
                regions.append(_Region(sels, 0, len(text) + 1))
            elif kind == "disable":
                open_.setdefault(sels, m_end)
            elif kind == "enable":
                # "enable X" closes "disable X"; a bare enable closes everything open.
                keys = [k for k in open_ if not sels or k == sels]
                for k in keys:
                    regions.append(_Region(k, open_.pop(k), m_start))
            else:  # disable-next-line: the next line with content after the comment
                line = lines.line_of(m_end)
                nxt = line + 1
                while nxt < lines.count and not lines.line_text(nxt).strip():
                    nxt += 1
                if nxt < lines.count:
                    s, e = lines.line_span(nxt)
                    regions.append(_Region(sels, s, e + 1))
        for k, start in open_.items():
            regions.append(_Region(k, start, len(text) + 1))
        return cls(regions)

    def suppresses(self, diag: Diagnostic) -> bool:
        return any(r.start <= diag.start < r.end and _matches(r.selectors, diag) for r in self.regions)
