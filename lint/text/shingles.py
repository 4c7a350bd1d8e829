"""Finding repeated text in linear time: folded comparison copies, anchors, shared runs.

Copy-paste damage shows up as text that occurs twice: a whole paragraph, a paragraph
whose first copy a page break split, or a long run spliced into another paragraph.
Comparing every paragraph with every other is quadratic, so this module works from
*anchors* instead:

* every unit (a paragraph) is first *folded* into a comparison copy of the same
  length (NFKC per character, so full- and half-width forms agree; any whitespace
  becomes one space), so offsets in the copy are offsets in the original;
* anchors are content-defined positions: the start of every clause (Chinese) or
  word (English), found by one regular expression. Both copies of a repeated run
  choose the same anchors because the choice depends only on the text around them;
* the key of an anchor is the next :data:`ANCHOR_LEN` characters. Each later
  occurrence of a key is linked to the key's *first* occurrence, so a run repeated
  N times gives N-1 links, never N² pairs;
* links between two units on one diagonal (same offset difference) are candidate
  shared runs; each is confirmed and measured by direct comparison of the texts.

The caller decides what a run means (whole paragraph, near copy, spliced span).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from collections import Counter
from itertools import accumulate
from operator import sub

# Characters of a key after each anchor: long enough that a key rarely repeats by
# chance, short enough that a run of 80 characters holds several whole keys.
ANCHOR_LEN = 8
# Anchors sit after clause punctuation or whitespace (after the comparison fold, so
# full-width ，；：！？ have become , ; : ! ?).
_BOUNDARY = re.compile(r"([\s,.;:!?。、“”‘’\"'()《》【】「」『』…—·]+)")
# A sentence: up to and including its terminal(s) and closing quotes, or to the end.
_SENTENCE = re.compile(r"(?:[^。!?;….]|\.(?! |$))+(?:(?:[。!?;…]+|\.(?= |$))[”’\"')）」』]*|$)")
_QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』"}
_QUOTE_MARK = re.compile("[“”「」『』]")
_UNIT_BITS = 32

class _FoldTable(dict):  # type: ignore[type-arg]
    """Code point -> comparison character, filled in as characters are first met."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch.isspace():
            folded = " "
        else:
            folded = unicodedata.normalize("NFKC", ch)
            if len(folded) != 1:
                folded = ch  # keep offsets: a character that expands stays as it is
        self[code] = folded
        return folded


_FOLD = _FoldTable()


# Characters the fold leaves as they are, and that make up most of a report: CJK
# unified ideographs, printable ASCII other than space, and the CJK punctuation that
# NFKC keeps (、。《》「」『』【】 and curly quotes). Only the other characters (full-width
# punctuation and digits, spaces, rarer symbols; about one in ten of a Chinese report)
# go through the per-character table, found by one regular expression, which is several
# times faster than looking every character up. tests/test_text_blocks.py checks that
# every character of this class folds to itself.
STABLE_CLASS = "\u4e00-\u9fff\x21-\x7e\u3001\u3002\u300a-\u3011\u2018\u2019\u201c\u201d"
_UNSTABLE = re.compile(f"[^{STABLE_CLASS}]")


def _fold_match(m: re.Match[str]) -> str:
    return _FOLD[ord(m.group())]  # type: ignore[no-any-return]


def fold(text: str) -> str:
    """The comparison copy of ``text``: same length, width forms and spaces unified."""
    return _UNSTABLE.sub(_fold_match, text)


def exact_key(folded: str) -> str:
    """What two exact copies share: the folded text without any whitespace."""
    return folded.replace(" ", "")


def anchor_positions(folded: str, key_length: int = ANCHOR_LEN) -> list[int]:
    """Anchor positions of a folded unit that have ``key_length`` characters after them."""
    parts = _BOUNDARY.split(folded)
    # parts alternate token, separator, token, ...; token k starts at ends[2k-1].
    ends = list(accumulate(map(len, parts)))
    limit = len(folded) - key_length
    return [p for p in [0, *ends[1::2]] if p <= limit]


def anchors(folded: str) -> tuple[list[int], list[str]]:
    """Anchor positions of a folded unit and their keys (keys shorter than ANCHOR_LEN dropped)."""
    starts = anchor_positions(folded)
    keys = list(map(folded.__getitem__, map(slice, starts, [p + ANCHOR_LEN for p in starts])))
    return starts, keys


def common_forward(a: str, i: int, b: str, j: int) -> int:
    """Length of the longest common prefix of ``a[i:]`` and ``b[j:]``.

    Galloping then binary search on slice comparisons: most candidate runs are
    short, so a few small C-level comparisons settle them.
    """
    limit = min(len(a) - i, len(b) - j)
    lo, step = 0, 16
    while lo < limit:
        hi = min(lo + step, limit)
        if a[i + lo:i + hi] != b[j + lo:j + hi]:
            break
        lo, step = hi, step * 2
    else:
        return limit
    hi = min(lo + step, limit) - 1  # the first difference lies in a[i+lo:i+lo+step]
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[i + lo:i + mid] == b[j + lo:j + mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_backward(a: str, i: int, b: str, j: int) -> int:
    """Length of the longest common suffix of ``a[:i]`` and ``b[:j]``."""
    limit = min(i, j)
    lo, step = 0, 16
    while lo < limit:
        hi = min(lo + step, limit)
        if a[i - hi:i - lo] != b[j - hi:j - lo]:
            break
        lo, step = hi, step * 2
    else:
        return limit
    hi = min(lo + step, limit) - 1
    # Binary search for the largest n in [lo, hi] with a[i-n:i] == b[j-n:j].
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[i - mid:i - lo] == b[j - mid:j - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


@dataclass(frozen=True, slots=True)
class SharedRun:
    """``units[b][b_start:b_start+length]`` equals ``units[a][a_start:a_start+length]`` (a < b or a == b, earlier)."""

    a: int
    a_start: int
    b: int
    b_start: int
    length: int

    @property
    def a_end(self) -> int:
        return self.a_start + self.length

    @property
    def b_end(self) -> int:
        return self.b_start + self.length


_HALF = 1 << (_UNIT_BITS - 1)


@dataclass(slots=True)
class UnitLinks:
    """What the anchors of one unit point at.

    Each link is coded as one integer ``d = packed(a, a_pos) - packed(b, pos)``:
    for a fixed unit b it names the earlier unit a and the diagonal
    ``a_pos - pos`` at once, so counting links per diagonal is one C-level Counter.
    """

    unit: int
    anchor_count: int
    diagonals: dict[int, int]  # coded diagonal -> number of anchors on it
    links: list[tuple[int, int]]  # (coded diagonal, position in this unit), in position order

    @property
    def per_unit(self) -> dict[int, int]:
        """Anchors shared with each earlier unit (on any diagonal)."""
        out: dict[int, int] = {}
        for d, n in self.diagonals.items():
            a = self.unit + ((d + _HALF) >> _UNIT_BITS)
            out[a] = out.get(a, 0) + n
        return out

    def positions(self, min_hits: int) -> dict[tuple[int, int], list[int]]:
        """``(a, a_pos - pos) -> positions`` for diagonals with at least ``min_hits`` anchors."""
        wanted = {d for d, n in self.diagonals.items() if n >= min_hits}
        out: dict[tuple[int, int], list[int]] = {}
        for d, pos in self.links:
            if d in wanted:
                shift = (d + _HALF) >> _UNIT_BITS
                out.setdefault((self.unit + shift, d - (shift << _UNIT_BITS)), []).append(pos)
        return out


def link_units(units: Sequence[str], skip: Iterable[int] = ()) -> Iterator[UnitLinks]:
    """For each unit in order, link its anchors to the first occurrence of their keys.

    Units in ``skip`` (later exact copies, say) are neither linked nor indexed: the
    first copy already holds every key they would add. Cost is linear in the total
    number of anchors, and the per-anchor work is done by C-level map/Counter.
    """
    skipped = set(skip)
    first: dict[int, int] = {}  # hash of key -> packed (unit, position) of its first occurrence
    shift = _UNIT_BITS
    for b, text in enumerate(units):
        if b in skipped:
            continue
        positions, keys = anchors(text)
        mine = b << shift
        packed = [mine | p for p in positions]
        # One pass registers every key; a repeat comes back as its first occurrence.
        firsts = map(first.setdefault, map(hash, keys), packed)
        # d < 0: an earlier unit, or earlier in this one; d == 0: the key is new.
        coded = [(d, p) for d, p in zip(map(sub, firsts, packed), positions) if d < 0]
        diagonals = Counter(d for d, _ in coded) if coded else {}
        yield UnitLinks(b, len(positions), dict(diagonals), coded)


def shared_runs(units: Sequence[str], links: UnitLinks, min_length: int, min_hits: int = 2) -> list[SharedRun]:
    """Maximal exact runs the unit shares with earlier units, at least ``min_length`` long.

    A diagonal needs ``min_hits`` anchors before it is compared at all, so chance
    agreement on one common phrase costs nothing.
    """
    b = links.unit
    text_b = units[b]
    runs: list[SharedRun] = []
    for (a, diag), positions in links.positions(min_hits).items():
        text_a = units[a]
        covered_to = -1
        for pos in positions:
            if pos < covered_to:
                continue
            a_pos = pos + diag
            back = common_backward(text_a, a_pos, text_b, pos)
            fwd = common_forward(text_a, a_pos, text_b, pos)
            start_b = pos - back
            length = back + fwd
            covered_to = start_b + length
            if a == b and a_pos - back < start_b + length and start_b < a_pos - back + length:
                continue  # a run overlapping itself inside one unit is a pattern, not a copy
            if length >= min_length:
                runs.append(SharedRun(a, a_pos - back, b, start_b, length))
    runs.sort(key=lambda r: (r.b_start, -r.length))
    return _drop_nested(runs)


def _drop_nested(runs: list[SharedRun]) -> list[SharedRun]:
    """Keep the longest run for each stretch of the unit; drop runs inside a kept one."""
    kept: list[SharedRun] = []
    for run in runs:
        if kept and run.b_end <= kept[-1].b_end:
            continue
        kept.append(run)
    return kept


def sentence_spans(folded: str, min_length: int = 0) -> list[tuple[int, int]]:
    """Sentences of a folded unit at least ``min_length`` long, as (start, end), leading spaces skipped.

    One regular expression (C speed); shorter sentences are dropped before any
    Python-level work is done on them.
    """
    spans = [m.span() for m in _SENTENCE.finditer(folded) if m.end() - m.start() >= max(min_length, 1)]
    out = []
    for s, e in spans:
        while s < e and folded[s] == " ":
            s += 1
        while e > s and folded[e - 1] == " ":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside paired quotation marks (“…”, 「…」, 『…』), outermost only."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for m in _QUOTE_MARK.finditer(text):
        ch, i = m.group(), m.start()
        if ch in _QUOTE_PAIRS:
            stack.append((_QUOTE_PAIRS[ch], i))
        elif stack and ch == stack[-1][0]:
            _, s = stack.pop()
            if not stack:
                spans.append((s, i + 1))
    return spans


def inside_quotes(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``[start, end)`` lie within one quoted span (quotation marks may be left out)?"""
    return any(s <= start + 1 and end - 1 <= e for s, e in spans)
