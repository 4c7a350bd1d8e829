"""Where else does this string occur? One index per document, shared by every rule that asks.

Rules weigh a candidate defect against the rest of the report: is this character pair
seen elsewhere, what precedes this opening in other sentences, does this doubled name
recur. Asked by scanning the whole text, each question costs the document's length,
and a long document asks more questions: quadratic. This index answers from a table of
the positions of every character pair, so a question costs about its answer.

The table costs about a microsecond per character to build, which a short report never
earns back: until the whole-text scans have cost about as much as building it would
(``_SCANS_BEFORE_INDEX``), questions are answered by scanning, and the table is built
only after. Either way the answers are the same.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence
from operator import add

# A scan of the whole text runs at C speed, about a thousandth of the cost per character
# of building the pair table: after this many scans the table has paid for itself.
_SCANS_BEFORE_INDEX = 400


class OccurrenceIndex:
    """Start positions of any string in one text (overlapping occurrences included)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._scans = 0
        self._pairs: dict[str, array[int]] | None = None
        self._by_first: dict[str, list[str]] | None = None
        self._positions: dict[str, Sequence[int]] = {}

    def positions(self, s: str) -> Sequence[int]:
        """Every start of ``s`` in the text, in order, overlapping ones included."""
        found = self._positions.get(s)
        if found is None:
            found = self._positions[s] = self._lookup(s) if self._indexed() else self._scan(s)
        return found

    def count(self, s: str) -> int:
        """Occurrences of ``s`` that do not overlap, counted from the left (as ``str.count``)."""
        if len(s) == 1 or not s:
            return len(self.positions(s)) if s else len(self.text) + 1
        n, free_from = 0, 0
        for i in self.positions(s):
            if i >= free_from:
                n += 1
                free_from = i + len(s)
        return n

    def occurs(self, s: str) -> bool:
        """Does ``s`` occur at all? Before the table exists this stops at the first hit."""
        if s in self._positions or self._indexed():
            return bool(self.positions(s))
        self._scans += 1
        return s in self.text

    def within(self, s: str, lo: int, hi: int) -> Sequence[int]:
        """Starts of the occurrences of ``s`` lying wholly inside ``text[lo:hi]``."""
        found = self.positions(s)
        a, b = bisect_left(found, lo), bisect_left(found, hi - len(s) + 1)
        return found[a:b]

    # -- how --------------------------------------------------------------
    def _indexed(self) -> bool:
        if self._pairs is None and self._scans >= _SCANS_BEFORE_INDEX:
            self._pairs = _pair_table(self.text)
        return self._pairs is not None

    def _scan(self, s: str) -> Sequence[int]:
        self._scans += 1
        text, out = self.text, []
        i = text.find(s)
        while i != -1:
            out.append(i)
            i = text.find(s, i + 1)
        return out

    def _lookup(self, s: str) -> Sequence[int]:
        pairs = self._pairs
        assert pairs is not None
        if len(s) == 2:
            return pairs.get(s, ())
        if len(s) > 2:
            # Checked at the starts of its rarest pair: the cost is that pair's count.
            empty: array[int] = array("i")
            at = min(range(len(s) - 1), key=lambda j: len(pairs.get(s[j:j + 2], empty)))
            text = self.text
            return [i - at for i in pairs.get(s[at:at + 2], empty) if i >= at and text.startswith(s, i - at)]
        if not s:
            return range(len(self.text) + 1)
        # One character: the starts of the pairs it opens, and the very end of the text.
        if self._by_first is None:
            by_first: dict[str, list[str]] = {}
            for pair in pairs:
                by_first.setdefault(pair[0], []).append(pair)
            self._by_first = by_first
        out: list[int] = []
        for pair in self._by_first.get(s, ()):
            out.extend(pairs[pair])
        if self.text.endswith(s):
            out.append(len(self.text) - 1)
        out.sort()
        return out


def _pair_table(text: str) -> dict[str, array[int]]:
    """The start positions of every pair of adjacent characters, in one pass."""
    table: dict[str, array[int]] = {}
    get = table.get
    code = "i" if len(text) < 2**31 else "q"  # 4 bytes a position, unless the text is longer
    for i, pair in enumerate(map(add, text, text[1:])):
        starts = get(pair)
        if starts is None:
            table[pair] = array(code, (i,))
        else:
            starts.append(i)
    return table
