"""The facts of a document, extracted once and shared by every numeric rule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .extract import extract_facts

if TYPE_CHECKING:
    from reportlint.document import Document

    from .facts import Fact

_CACHE_KEY = "reportlint.rules.numeric.facts"


def facts_of(doc: Document) -> list[Fact]:
    """Every numeric fact of ``doc``, memoised in the document's scratch space."""
    facts = doc.cache.get(_CACHE_KEY)
    if facts is None:
        facts = doc.cache[_CACHE_KEY] = extract_facts(doc)
    return facts
