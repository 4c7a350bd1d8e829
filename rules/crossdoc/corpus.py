"""The cross-document family's corpus pass: signatures, candidates, confirmation, findings.

Called by the engine (``reportlint corpus``) with every report at once; see
:mod:`reportlint.corpus`. The steps and where they run:

1. one :func:`~.signature.signature` per report, on the executor, cached by content hash;
2. the candidate search, split by key (each part holds every occurrence of its keys,
   so the parts are independent), on the executor;
3. the confirmation of candidate pairs, in batches, on the executor, with the
   comparison texts sent to each worker once;
4. boilerplate, findings and the summary, here.

Each step's result is a function of its input alone and is put in a fixed order before
the next step, so this process, worker processes and a Dask cluster give the same
findings, byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from reportlint.corpus import CorpusInput, CorpusOutcome

from . import findings, match
from .signature import KEY_LEN, SIGNATURE_VERSION, Signature, signature_and_text

# A boilerplate formula is in more than this many reports however small the corpus:
# a handful of reports sharing a span is copying, not a formula.
MIN_BOILERPLATE_DOCS = 4
# An anchor key in more reports than this leads to stock phrases, not copies (the span
# is still found through its rarer keys); following it would make the join quadratic.
MAX_SEED_DOCS = 64
# Candidate pairs confirmed per call.
BATCH = 400


def series_of(pattern: str) -> Any:
    """The series key function of a ``series-key`` pattern (see ``docs/corpus.md``)."""
    rx = re.compile(pattern)

    def key(path: str) -> str:
        path = path.replace("\\", "/")
        if rx.groups:
            m = rx.search(path)
            return "".join(g or "" for g in m.groups()) if m else path
        return rx.sub("", path)

    return key


def _prepare(_shared: Any, text: str) -> tuple[bytes, str]:
    """Per-document work (runs on the executor)."""
    sig, comp = signature_and_text(text)
    return sig.to_bytes(), comp


def _unpack(raw: bytes | None) -> tuple[bytes, str] | None:
    """A cached (signature, comparison text), or None for a missing or damaged entry."""
    if raw is None or len(raw) < 8:
        return None
    n = int.from_bytes(raw[:8], "little")
    try:
        return raw[8:8 + n], raw[8 + n:].decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None


def _signatures(docs: Sequence[CorpusInput], executor: Any, cache: Any) -> tuple[list[Signature], list[str]]:
    """Signatures and comparison texts of every document, from the cache where it has them."""
    keys = [f"crossdoc-{SIGNATURE_VERSION}-{KEY_LEN}\0{d.text}" for d in docs]
    products: list[tuple[bytes, str] | None] = [None] * len(docs)
    if cache is not None:
        for i, key in enumerate(keys):
            products[i] = _unpack(cache.get(key))
    todo = [i for i, p in enumerate(products) if p is None or Signature.from_bytes(p[0]) is None]
    for i, made in zip(todo, executor.map(_prepare, [docs[i].text for i in todo])):
        products[i] = made
        if cache is not None:
            cache.put(keys[i], len(made[0]).to_bytes(8, "little") + made[0] + made[1].encode("utf-8", "surrogatepass"))
    sigs: list[Signature] = []
    comps: list[str] = []
    for p in products:
        assert p is not None
        sig = Signature.from_bytes(p[0])
        assert sig is not None
        sigs.append(sig)
        comps.append(p[1])
    return sigs, comps


def _candidate_part(shared: tuple[list[tuple[Any, Any]], int, int], part: int) -> dict[tuple[int, int], list[int]]:
    keys, parts, cap = shared
    return match.candidate_pairs(keys, cap, part=part, parts=parts)


def _confirm_batch(shared: tuple[list[str], int, float], batch: list[tuple[int, int, list[int]]]) -> list[match.Match]:
    comps, min_length, min_similarity = shared
    out: list[match.Match] = []
    for a, b, hits in batch:
        out.extend(match.confirm_pair(a, b, comps[a], comps[b], hits, min_length, min_similarity))
    return out


def run(docs: Sequence[CorpusInput], options: Mapping[str, Mapping[str, Any]], executor: Any,
        cache: Any) -> CorpusOutcome:
    """Every span shared between two of ``docs`` (see the module docstring)."""
    opts = options.get("XDC001", {})
    min_length = int(opts.get("min_length", 50))
    min_similarity = float(opts.get("min_similarity", 0.85))
    share = float(opts.get("boilerplate_share", 0.02))
    series = series_of(str(opts.get("series_key", "")))
    clock = _Clock()
    sigs, comps = _signatures(docs, executor, cache)
    clock.lap("signatures")
    cap = max(int(share * len(docs)), MIN_BOILERPLATE_DOCS)
    # On a cluster the join is split by key over the workers. On one machine it runs here:
    # every part reads every document's keys, which costs more than the split saves.
    parts = max(1, executor.workers) if executor.name != "local" else 1
    keys = [(s.anchor_key, s.anchor_pos) for s in sigs]
    hits: dict[tuple[int, int], list[int]] = {}
    for part in executor.map(_candidate_part, list(range(parts)), shared=(keys, parts, min(cap, MAX_SEED_DOCS))):
        for pair, h in part.items():
            hits.setdefault(pair, []).extend(h)
    pairs = sorted(pair for pair, h in hits.items() if len(h) >= 2 * match.MIN_HITS and match.near_hits(h, min_length))
    clock.lap("candidates")
    batches = [[(a, b, hits[(a, b)]) for a, b in pairs[i:i + BATCH]] for i in range(0, len(pairs), BATCH)]
    matches = sorted(m for found in executor.map(_confirm_batch, batches, shared=(comps, min_length, min_similarity))
                     for m in found)
    clock.lap("confirmation")
    plate = match.boilerplate(sigs, cap)
    kept, dropped = match.drop_boilerplate(matches, sigs, plate, min_length)
    series_keys = [series(d.path) for d in docs]
    diags = findings.diagnostics(docs, sigs, kept, series_keys, options)
    from . import summary

    summ = summary.build(docs, sigs, comps, kept, dropped, plate, series_keys,
                         {"min_length": min_length, "min_similarity": min_similarity, "boilerplate_share": share,
                          "boilerplate_documents": cap, "engine": executor.name})
    clock.lap("findings and summary")
    return CorpusOutcome(diags, summ, summary.render, clock.laps)


class _Clock:
    def __init__(self) -> None:
        import time

        self._now = time.perf_counter
        self._last = self._now()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = self._now()
        self.laps[name] = round(now - self._last, 3)
        self._last = now
