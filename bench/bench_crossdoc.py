"""Corpus mode at growing corpus sizes: time and memory per report should stay flat.

Runs the cross-document pass (``reportlint corpus``'s work, in this process plus
``--jobs`` worker processes, no cache) over the 886 real reports, then over the same
reports with synthetic copies added, up to ``--grow`` times as many. Copy number j of a
report has every Han character remapped by a permutation of its own and ~1% of its
characters replaced at random: it keeps the report's length, clause structure and the
way it shares text with the other copies of number j, but shares nothing with the real
reports or with other copies. So the text a corpus of k copies holds in common grows
k-fold, like the corpus, and any growth of cost per report beyond that is the engine's.

Prints, per size: reports, million characters, wall seconds of each step and in all,
seconds per 1,000 reports, CPU seconds (this process and its workers: on a shared
machine the wall time is noisy) in all and per 1,000 reports, the peak resident memory of this process and of the
largest worker, and the findings. The per-report costs are what docs/corpus.md's
estimate for 100,000 reports on a cluster is computed from.

Usage: python bench/bench_crossdoc.py [--corpus DIR] [--grow 1 2 5 10] [--jobs 2]
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from pathlib import Path

from reportlint.corpus import CorpusInput
from reportlint.corpus.executor import ProcessExecutor
from reportlint.rules.crossdoc import CopiedText
from reportlint.rules.crossdoc import corpus as crossdoc
from reportlint.runner import read_report

DEFAULT_CORPUS = Path("/tmp/corpus/政府工作报告-主要城市")


def load(folder: Path) -> list[CorpusInput]:
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".txt"))
    return [CorpusInput(str(p.relative_to(folder)), read_report(p, str(p))[0]) for p in files]


def synthetic_copy(doc: CorpusInput, number: int, han: list[str]) -> CorpusInput:
    """Copy ``number`` of ``doc``: Han characters remapped by the copy's own permutation, 1% replaced."""
    rng = random.Random(number)
    shuffled = han[:]
    rng.shuffle(shuffled)
    table = {ord(a): b for a, b in zip(han, shuffled)}
    text = doc.text.translate(table)
    noise = random.Random(f"{number}:{doc.path}")
    chars = list(text)
    for i in noise.sample(range(len(chars)), len(chars) // 100):
        if "\u4e00" <= chars[i] <= "\u9fff":
            chars[i] = noise.choice(han)
    return CorpusInput(f"copy{number}/{doc.path}", "".join(chars))


def cpu_seconds() -> float:
    """CPU time of this process and its finished workers (the machine may be shared: wall time is noisy)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def peak_mb() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--grow", type=int, nargs="+", default=[1, 2, 5, 10])
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    real = load(args.corpus)
    han = sorted({ch for d in real for ch in d.text if "\u4e00" <= ch <= "\u9fff"})
    options = {"XDC001": dict(CopiedText.options)}
    print(f"{'reports':>8} {'Mchars':>7} {'sig s':>7} {'cand s':>7} {'conf s':>7} {'rest s':>7} {'total s':>8} "
          f"{'s/1k rep':>9} {'cpu s':>7} {'cpu s/1k':>8} {'main MB':>8} {'worker MB':>9} {'findings':>9}")
    for k in args.grow:
        docs = list(real) + [synthetic_copy(d, j, han) for j in range(1, k) for d in real]
        start, cpu = time.perf_counter(), cpu_seconds()
        outcome = crossdoc.run(docs, options, ProcessExecutor(args.jobs), None)
        total = time.perf_counter() - start
        cpu = cpu_seconds() - cpu
        t = outcome.timings
        me, kids = peak_mb()
        chars = sum(len(d.text) for d in docs) / 1e6
        found = sum(len(x) for x in outcome.diagnostics)
        print(f"{len(docs):>8} {chars:>7.1f} {t['signatures']:>7.1f} {t['candidates']:>7.1f} {t['confirmation']:>7.1f} "
              f"{t['findings and summary']:>7.1f} {total:>8.1f} {1000 * total / len(docs):>9.2f} {cpu:>7.1f} "
              f"{1000 * cpu / len(docs):>8.2f} {me:>8.0f} "
              f"{kids:>9.0f} {found:>9}", flush=True)


if __name__ == "__main__":
    main()
