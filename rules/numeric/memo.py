"""The facts of a document, extracted once and shared by every numeric rule."""

from __future__ import annotations

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


def claims_of(doc: Document) -> list[Fact]:
    """The facts the rules judge: every fact except those of a pasted copy of an earlier
    paragraph (its figures were judged where they first stood)."""
    claims = doc.cache.get(_CLAIMS_KEY)
    if claims is None:
        copies = copied_blocks(doc)
        claims = [f for f in facts_of(doc) if f.block not in copies] if copies else facts_of(doc)
        doc.cache[_CLAIMS_KEY] = claims
    return claims
