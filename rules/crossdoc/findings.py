"""Confirmed shared spans as diagnostics: one per stretch of a report, the other reports related.

A span shared by a pair is reported in both reports, each pointing at the other; a
stretch of one report that several others share is one finding, with the other
reports (the closest copies first) as related locations. Reports of the same series
get XDC002 (series reuse), the others XDC001 (copied text), so the two can be
selected, ignored and baselined apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportlint.corpus import CorpusInput
from reportlint.diagnostic import Diagnostic, Related

from .match import Match
from .signature import Signature

# Related locations listed per finding; the message counts the rest.
MAX_RELATED = 5


@dataclass(frozen=True, slots=True, order=True)
class Side:
    """One document's side of a match, with the partner's side."""

    start: int
    end: int
    other: int
    other_start: int
    other_end: int
    similarity: int


def sides(matches: Sequence[Match], n_docs: int) -> list[list[Side]]:
    """Each document's sides of the matches, in position order."""
    out: list[list[Side]] = [[] for _ in range(n_docs)]
    for m in matches:
        out[m.a].append(Side(m.a_start, m.a_end, m.b, m.b_start, m.b_end, m.similarity))
        out[m.b].append(Side(m.b_start, m.b_end, m.a, m.a_start, m.a_end, m.similarity))
    for s in out:
        s.sort()
    return out


def regions(doc_sides: Sequence[Side]) -> list[list[Side]]:
    """Sides grouped into stretches of the document: overlapping sides are one stretch."""
    groups: list[list[Side]] = []
    reach = -1
    for s in doc_sides:
        if groups and s.start < reach:
            groups[-1].append(s)
            reach = max(reach, s.end)
        else:
            groups.append([s])
            reach = s.end
    return groups


def _best_per_partner(group: Sequence[Side]) -> list[Side]:
    """The longest side for each partner, longest first (then by partner)."""
    best: dict[int, Side] = {}
    for s in group:
        cur = best.get(s.other)
        if cur is None or (s.end - s.start, s.similarity) > (cur.end - cur.start, cur.similarity):
            best[s.other] = s
    return sorted(best.values(), key=lambda s: (-(s.end - s.start), s.other))


def diagnostics(docs: Sequence[CorpusInput], sigs: Sequence[Signature], matches: Sequence[Match],
                series: Sequence[str], options: Mapping[str, Any]) -> list[list[Diagnostic]]:
    """The findings of every document, in position order."""
    from . import CopiedText, SeriesReuse

    rules = {False: CopiedText(), True: SeriesReuse()}
    out: list[list[Diagnostic]] = [[] for _ in docs]
    for doc, doc_sides in enumerate(sides(matches, len(docs))):
        for same in (False, True):
            mine = [s for s in doc_sides if (series[s.other] == series[doc]) is same]
            for group in regions(mine):
                out[doc].append(_finding(rules[same], doc, group, docs, sigs, same))
        out[doc].sort(key=Diagnostic.sort_key)
        for d in out[doc]:
            d.path = docs[doc].path
    return out


def _finding(rule: Any, doc: int, group: Sequence[Side], docs: Sequence[CorpusInput], sigs: Sequence[Signature],
             same: bool) -> Diagnostic:
    start = min(s.start for s in group)
    end = max(s.end for s in group)
    partners = _best_per_partner(group)
    top = partners[0]
    kind = "the same text" if top.similarity >= 1000 else f"nearly the same text ({top.similarity / 10:.0f}% alike)"
    where = "another report of this series" if same else "a report of another series"
    other_start = sigs[top.other].original(top.other_start)
    line = docs[top.other].text.count("\n", 0, other_start) + 1
    message = f"{end - start} characters: {kind} as {where}, {docs[top.other].path}:{line}"
    if len(partners) > 1:
        message += f", and {len(partners) - 1} more report{'s' if len(partners) > 2 else ''}"
    related = []
    for s in partners[:MAX_RELATED]:
        other = sigs[s.other]
        related.append(Related(other.original(s.other_start), other.original(s.other_end, end=True),
                               f"{s.end - s.start} characters shared", path=docs[s.other].path))
    sig = sigs[doc]
    return rule.report(sig.original(start), sig.original(end, end=True), message, related=related)
