"""Corpus mode: the engine parts of comparing many reports with each other.

``reportlint corpus PATHS`` reads every report, then hands them all at once to the
*corpus passes* of the rules that declare one (a rule class attribute
``corpus_pass = "module:function"``; the cross-document family's is
:func:`reportlint.rules.crossdoc.corpus.run`). The engine supplies what every such
pass needs and nothing rule-specific:

* an :class:`~reportlint.corpus.executor.Executor` that maps a function over items,
  in this process, in worker processes, or on a Dask cluster, with results in input
  order whatever ran them (so every engine gives the same output);
* a :class:`~reportlint.corpus.cache.Cache` of per-document results keyed by content
  hash, so a re-run costs only the reports that changed.

The pass returns diagnostics per document, which then go through the same filters
(select/ignore, suppression comments, baseline) and reporters as ``check``'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..diagnostic import Diagnostic


@dataclass(frozen=True, slots=True)
class CorpusInput:
    """One report as a corpus pass sees it."""

    path: str  # as displayed and reported
    text: str


@dataclass
class CorpusOutcome:
    """What a corpus pass found: diagnostics per input (same order) and its summary."""

    diagnostics: list[list[Diagnostic]]
    summary: Mapping[str, Any] = field(default_factory=dict)
    # Renders the summary as "text", "json", "html" or "svg" (None: the pass has none).
    render_summary: Any = None
    # Seconds spent in each step, for benchmarks (not part of any output).
    timings: dict[str, float] = field(default_factory=dict)


class CorpusPass(Protocol):
    def __call__(self, docs: Sequence[CorpusInput], options: Mapping[str, Any], executor: Any,
                 cache: Any) -> CorpusOutcome: ...
