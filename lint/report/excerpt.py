"""Excerpts of long lines around a span, measured in display columns.

Chinese paragraphs are often one line of a thousand characters; a finding shows a
window around its span, and the carets line up because every width is measured
in terminal columns (wide CJK characters take two).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text.width import char_width, display_width

# ASCII on purpose: "…" is East Asian *ambiguous* width, one column in most terminals
# but two in CJK locales, which would shift every caret after it.
ELLIPSIS = "..."


@dataclass(frozen=True, slots=True)
class Excerpt:
    text: str  # what to print (may start/end with an ellipsis)
    caret_pad: int  # display columns before the first caret
    caret_len: int  # display columns of carets (at least 1)


def excerpt(line: str, start: int, end: int, *, width: int = 76, before: int = 24) -> Excerpt:
    """Window of ``line`` showing ``line[start:end]`` (code-point indices within the line)."""
    start = max(0, min(start, len(line)))
    end = max(start, min(end, len(line)))
    # Walk left from start until `before` columns are used.
    left = start
    used = 0
    while left > 0 and used + char_width(line[left - 1]) <= before:
        left -= 1
        used += char_width(line[left])
    # Walk right from left until `width` columns are used.
    right = left
    used = 0
    while right < len(line) and used + char_width(line[right]) <= width:
        used += char_width(line[right])
        right += 1
    prefix = ELLIPSIS if left > 0 else ""
    suffix = ELLIPSIS if right < len(line) else ""
    shown = line[left:right]
    pad = display_width(prefix) + display_width(line[left:start])
    span_end = min(end, right)
    caret = display_width(line[start:span_end]) if span_end > start else 1
    if end > right:
        caret += display_width(suffix)
    return Excerpt(prefix + shown.replace("\t", " ") + suffix, pad, max(1, caret))
