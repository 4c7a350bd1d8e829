"""The facts of a document, extracted once and shared by every numeric rule."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from reportlint.text.shingles import exact_key, fold

from .extract import extract_facts

if TYPE_CHECKING:
    from reportlint.document import Document
    from reportlint.text.blocks import Block

    from .facts import Fact

_CACHE_KEY = "reportlint.rules.numeric.facts"
_CLAIMS_KEY = "reportlint.rules.numeric.claims"
_COPIES_KEY = "reportlint.rules.numeric.copied-blocks"
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
    out: set[int] | None = doc.cache.get(_COPIES_KEY)
    if out is not None:
        return out
    # Folding keeps the length and drops only whitespace: blocks can be copies of each
    # other only when their non-space lengths agree, so only those are folded.
    by_length: dict[int, list[Block]] = defaultdict(list)
    for block in doc.blocks:
        if block.is_prose and len(block.text) >= _MIN_COPY:
            by_length[len("".join(block.text.split()))].append(block)
    out = set()
    for blocks in by_length.values():
        if len(blocks) < 2:
            continue
        seen: set[str] = set()
        for block in blocks:
            key = exact_key(fold(block.text))
            if key in seen:
                out.add(block.index)
            else:
                seen.add(key)
    doc.cache[_COPIES_KEY] = out
    return out


def copied_facts(doc: Document) -> set[int]:
    """Ids of facts whose sentence repeats an earlier sentence word for word (after the
    engine's width and space folding): what a pasted copy of a paragraph, of part of
    one or of two run together, is made of. Only sentences that hold a fact are read."""
    seen: dict[str, int] = {}  # folded sentence -> where it first stood
    out: set[int] = set()
    text = doc.text
    spans: dict[tuple[int, int], bool] = {}
    for f in facts_of(doc):
        span = (f.sentence, f.sentence_end)
        if span not in spans:
            copy = False
            if f.sentence >= 0 and span[1] - span[0] >= _MIN_COPY:
                key = exact_key(fold(text[span[0]:span[1]]))
                copy = seen.setdefault(key, span[0]) != span[0]
            spans[span] = copy
        if spans[span]:
            out.add(id(f))
    return out


def claims_of(doc: Document) -> list[Fact]:
    """The facts the rules judge: every fact except those of a sentence that repeats an
    earlier one (its figures were judged where they first stood)."""
    claims = doc.cache.get(_CLAIMS_KEY)
    if claims is None:
        copies = copied_facts(doc)
        claims = doc.cache[_CLAIMS_KEY] = [f for f in facts_of(doc) if id(f) not in copies]
    return claims
