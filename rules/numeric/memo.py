"""The facts of a document, extracted once and shared by every numeric rule."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from reportlint.text.shingles import exact_key, fold

from .extract import extract_facts

if TYPE_CHECKING:
    from reportlint.document import Document

    from .facts import Fact

_CACHE_KEY = "reportlint.rules.numeric.facts"
_CLAIMS_KEY = "reportlint.rules.numeric.claims"
# A paragraph shorter than this (a heading-like line, 全年增长5%。) may well be said twice
# on purpose; only longer ones count as pasted copies.
_MIN_COPY = 20


def facts_of(doc: Document) -> list[Fact]:
    """Every numeric fact of ``doc``, memoised in the document's scratch space."""
    facts = doc.cache.get(_CACHE_KEY)
    if facts is None:
        facts = doc.cache[_CACHE_KEY] = extract_facts(doc)
    return facts


def copied_blocks(doc: Document) -> set[int]:
    """Indexes of prose blocks that repeat an earlier block word for word (after the
    engine's width and space folding): a pasted copy states no new figure."""
    seen: set[str] = set()
    out: set[int] = set()
    for block in doc.blocks:
        if not block.is_prose or len(block.text) < _MIN_COPY:
            continue
        key = exact_key(fold(block.text))
        if key in seen:
            out.add(block.index)
        else:
            seen.add(key)
    return out


def copied_sentences(doc: Document) -> list[tuple[int, int]]:
    """Spans of sentences that repeat an earlier sentence word for word: what a pasted
    copy of a paragraph, of part of one or of two run together, is made of."""
    seen: set[str] = set()
    out: list[tuple[int, int]] = []
    text = doc.text
    for start, end in doc.sentences:
        if end - start < _MIN_COPY:
            continue
        key = exact_key(fold(text[start:end]))
        if key in seen:
            out.append((start, end))
        else:
            seen.add(key)
    return out


def claims_of(doc: Document) -> list[Fact]:
    """The facts the rules judge: every fact except those of a sentence that repeats an
    earlier one (its figures were judged where they first stood)."""
    claims = doc.cache.get(_CLAIMS_KEY)
    if claims is None:
        copies = copied_sentences(doc)
        facts = facts_of(doc)
        if copies:
            starts = [s for s, _ in copies]
            facts = [f for f in facts if not _inside(copies, starts, f.start)]
        claims = doc.cache[_CLAIMS_KEY] = facts
    return claims


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
