"""The corpus-wide step: join the documents' keys into candidate pairs, then confirm each.

1. *Document frequency.* Every clause key and anchor key is counted once per document.
   A clause found in more than ``cap`` documents is boilerplate (the formulas every
   report of a kind repeats): it is never a reason to report a copy. An anchor key in
   more than ``cap`` documents is not followed either: it would only lead to
   boilerplate, and following it would make the join quadratic in the corpus.
2. *Candidates.* Each remaining anchor key links the documents that hold it; a pair of
   documents with at least ``min_hits`` links is a candidate (one shared key is chance).
3. *Confirmation.* For a candidate pair the shared runs are measured on the comparison
   texts themselves, starting from each linked anchor (exact extension both ways). Runs
   on nearly the same diagonal, separated by short edits, are chained into one span; a
   span is kept when it is at least ``min_length`` characters long on both sides, an
   alignment of its two sides (rapidfuzz's Indel distance) finds them at least
   ``min_similarity`` alike, and boilerplate clauses do not make up all but less than
   ``min_length`` of it.

Everything here is deterministic and independent of how the work is split: a pair's
spans depend only on the two documents, and the results are sorted before they leave.
"""

from __future__ import annotations

from itertools import pairwise

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlint.text.shingles import common_backward, common_forward

from .signature import Signature

# Runs of one chain may be this far apart on either side: the characters a light edit
# changed (a figure, a place name, an inserted word) or a page number left in the text.
MAX_GAP = 20
# Runs of one chain may drift this far from each other's diagonal (insertions and
# deletions of unequal length).
MAX_DRIFT = 12
MIN_HITS = 2
# The exact runs of a chain miss the characters a gap still shares (百 of 三百四十 and
# 二百九十), so a chain may grow while its runs cover this much less than the similarity
# asked for; the alignment of the whole span decides.
CHAIN_SLACK = 0.15


@dataclass(frozen=True, slots=True, order=True)
class Match:
    """``comp(a)[a_start:a_end]`` and ``comp(b)[b_start:b_end]`` are (nearly) the same text; ``a < b``."""

    a: int
    a_start: int
    a_end: int
    b: int
    b_start: int
    b_end: int
    similarity: int  # per mille, from the alignment of the two sides
    shared: int  # characters in exact runs


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Clause keys found in more than ``cap`` documents, and how many documents hold each."""

    cap: int
    counts: dict[int, int]


def document_frequency(keys: Iterable[Iterable[int]]) -> Counter[int]:
    """How many of the documents hold each key (a key repeated inside one counts once)."""
    df: Counter[int] = Counter()
    for doc_keys in keys:
        df.update(set(doc_keys))
    return df


def boilerplate(sigs: Sequence[Signature], cap: int) -> Boilerplate:
    df = document_frequency(s.clause_key for s in sigs)
    return Boilerplate(cap, {k: n for k, n in df.items() if n > cap})


def candidate_pairs(keys: Sequence[tuple[Sequence[int], Sequence[int]]], cap: int, min_hits: int = MIN_HITS, *,
                    part: int = 0, parts: int = 1) -> dict[tuple[int, int], list[int]]:
    """``(a, b) -> [pos_a, pos_b, pos_a, pos_b, ...]`` for the pairs of documents that share keys.

    ``keys`` holds each document's anchor keys and positions. Only the keys with
    ``key % parts == part`` are joined: the parts split the work without sharing any
    key, and their results together are the whole join. With one part, pairs with
    fewer than ``min_hits`` shared keys are left out; with several, the caller does
    that once the parts are merged (a pair may have one hit in each part).
    """
    df: Counter[int] = Counter()
    for doc_keys, _pos in keys:
        df.update(set(doc_keys))
    seeds = {k for k, n in df.items() if 2 <= n <= cap and (parts == 1 or k % parts == part)}
    postings: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for doc, (doc_keys, doc_pos) in enumerate(keys):
        shared = seeds.intersection(doc_keys)
        if shared:
            for key, pos in zip(doc_keys, doc_pos):
                if key in shared:
                    postings[key].append((doc, pos))
    hits: dict[tuple[int, int], list[int]] = defaultdict(list)
    for plist in postings.values():
        for i, (a, pa) in enumerate(plist):
            for b, pb in plist[i + 1:]:
                if b != a:
                    hits[(a, b)].extend((pa, pb))
    if parts > 1:
        return dict(hits)
    return {pair: h for pair, h in hits.items() if len(h) >= 2 * min_hits}


def _runs(text_a: str, text_b: str, hits: Sequence[int]) -> list[tuple[int, int, int]]:
    """Maximal exact runs ``(a_start, b_start, length)`` through the linked positions."""
    seeds = sorted(zip(hits[::2], hits[1::2]), key=lambda h: (h[0] - h[1], h[0]))
    runs: list[tuple[int, int, int]] = []
    covered_diag, covered_to = None, -1
    for pa, pb in seeds:
        diag = pa - pb
        if diag == covered_diag and pa < covered_to:
            continue
        back = common_backward(text_a, pa, text_b, pb)
        fwd = common_forward(text_a, pa, text_b, pb)
        if back + fwd == 0:
            continue
        runs.append((pa - back, pb - back, back + fwd))
        covered_diag, covered_to = diag, pa + fwd
    runs.sort()
    return runs


def _chains(runs: list[tuple[int, int, int]], min_similarity: float) -> list[list[tuple[int, int, int]]]:
    """Runs grouped into chains: each run follows the previous one on both sides, close and on a
    near diagonal, and the chain's exact runs still cover nearly ``min_similarity`` of its span."""
    chains: list[list[tuple[int, int, int]]] = []
    open_chains: list[tuple[list[tuple[int, int, int]], list[int]]] = []  # chain, [matched characters]
    for run in runs:
        a0, b0, n = run
        placed = False
        for chain, matched in open_chains:
            la, lb, ln = chain[-1]
            gap_a, gap_b = a0 - (la + ln), b0 - (lb + ln)
            if not (-ln < gap_a <= MAX_GAP and -ln < gap_b <= MAX_GAP and abs((a0 - b0) - (la - lb)) <= MAX_DRIFT
                    and a0 + n > la + ln and b0 + n > lb + ln):
                continue
            grown = matched[0] + a0 + n - max(a0, la + ln)
            if grown < (min_similarity - CHAIN_SLACK) * (a0 + n - chain[0][0]):
                continue
            chain.append(run)
            matched[0] = grown
            placed = True
            break
        if not placed:
            chain = [run]
            chains.append(chain)
            open_chains.append((chain, [n]))
        # A chain whose end lies more than MAX_GAP behind cannot grow any more.
        open_chains = [(c, m) for c, m in open_chains if c[-1][0] + c[-1][2] + MAX_GAP >= a0]
    return chains


def confirm_pair(a: int, b: int, text_a: str, text_b: str, hits: Sequence[int], min_length: int,
                 min_similarity: float) -> list[Match]:
    """The shared spans of one candidate pair (see the module docstring, step 3)."""
    from rapidfuzz.distance import Indel

    out: list[Match] = []
    if not near_hits(hits, min_length):
        return out
    for chain in _chains(_runs(text_a, text_b, hits), min_similarity):
        a_start, b_start = chain[0][0], chain[0][1]
        a_end = max(r[0] + r[2] for r in chain)
        b_end = max(r[1] + r[2] for r in chain)
        # A span starts with a word: the punctuation that closed the sentence before
        # it in both texts is not part of what was copied.
        while a_start < a_end and b_start < b_end and not text_a[a_start].isalnum():
            a_start += 1
            b_start += 1
        if min(a_end - a_start, b_end - b_start) < min_length:
            continue
        shared = _covered(chain)
        sim = Indel.normalized_similarity(text_a[a_start:a_end], text_b[b_start:b_end])
        if sim >= min_similarity:
            out.append(Match(a, a_start, a_end, b, b_start, b_end, round(sim * 1000), shared))
    return out


def near_hits(hits: Sequence[int], min_length: int) -> bool:
    """Do two links lie on nearly one diagonal, close enough to be one span?

    Most candidate pairs share only a few stock phrases, scattered over both texts: this
    test, on the positions alone, spares them the comparison of texts.
    """
    seeds = sorted(zip(hits[::2], hits[1::2]), key=lambda h: (h[0] - h[1], h[0]))
    for (pa, pb), (qa, qb) in pairwise(seeds):
        if abs((qa - qb) - (pa - pb)) <= MAX_DRIFT and abs(qa - pa) <= min_length + MAX_GAP:
            return True
    return False


def _covered(chain: list[tuple[int, int, int]]) -> int:
    """Characters of side a inside the chain's exact runs (overlaps counted once)."""
    total, reach = 0, -1
    for a0, _b0, n in chain:
        start = max(a0, reach)
        if a0 + n > start:
            total += a0 + n - start
            reach = a0 + n
    return total


def boilerplate_spans(sig: Signature, plate: Boilerplate) -> list[tuple[int, int]]:
    """The document's boilerplate clauses as sorted (start, end) comparison spans."""
    pos = sig.clause_pos
    return [(pos[2 * i], pos[2 * i + 1]) for i, key in enumerate(sig.clause_key) if key in plate.counts]


def covered_by(spans: Sequence[tuple[int, int]], start: int, end: int) -> int:
    """Characters of ``[start, end)`` inside the sorted, disjoint ``spans``."""
    import bisect

    total = 0
    i = max(0, bisect.bisect_right(spans, (start, start)) - 1)
    while i < len(spans) and spans[i][0] < end:
        s, e = spans[i]
        if e > start:
            total += min(e, end) - max(s, start)
        i += 1
    return total


def drop_boilerplate(matches: Sequence[Match], sigs: Sequence[Signature], plate: Boilerplate,
                     min_length: int) -> tuple[list[Match], list[Match]]:
    """Matches that hold at least ``min_length`` characters outside boilerplate clauses, and the others."""
    spans: dict[int, list[tuple[int, int]]] = {}

    def own(doc: int, start: int, end: int) -> int:
        if doc not in spans:
            spans[doc] = boilerplate_spans(sigs[doc], plate)
        return end - start - covered_by(spans[doc], start, end)

    kept: list[Match] = []
    dropped: list[Match] = []
    for m in matches:
        mine = min(own(m.a, m.a_start, m.a_end), own(m.b, m.b_start, m.b_end))
        (kept if mine >= min_length else dropped).append(m)
    return kept, dropped
