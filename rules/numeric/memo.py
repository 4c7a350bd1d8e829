"""The facts of a document, extracted once and shared by every numeric rule."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from reportlint.text.shingles import exact_key, fold


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
        from .extract import extract_facts  # compiled patterns: loaded when a numeric rule first runs

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
    one or of two run together, is made of. Only sentences that hold a fact are read,
    and only those whose non-space length another one shares are folded."""
    text = doc.text
    spans = list(dict.fromkeys((f.sentence, f.sentence_end) for f in facts_of(doc)
                               if f.sentence >= 0 and f.sentence_end - f.sentence >= _MIN_COPY))
    by_length: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        by_length[len("".join(text[span[0]:span[1]].split()))].append(span)
    copies: set[tuple[int, int]] = set()
    for group in by_length.values():
        seen: set[str] = set()
        for span in group if len(group) > 1 else ():
            key = exact_key(fold(text[span[0]:span[1]]))
            if key in seen:
                copies.add(span)
            seen.add(key)
    return {id(f) for f in facts_of(doc) if (f.sentence, f.sentence_end) in copies}


def claims_of(doc: Document) -> list[Fact]:
    """The facts the rules judge: every fact except those of a sentence that repeats an
    earlier one (its figures were judged where they first stood)."""
    claims = doc.cache.get(_CLAIMS_KEY)
    if claims is None:
        copies = copied_facts(doc)
        claims = doc.cache[_CLAIMS_KEY] = [f for f in facts_of(doc) if id(f) not in copies]
    return claims
