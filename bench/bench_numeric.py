"""Time the numeric rules on one 3 MB report built from ~60-70 distinct real reports.

Joins whole reports from the unpacked corpus (every ``--step``-th file in sorted
order, until ``--size`` bytes of UTF-8) into one text, writes it to a
temporary file and times ``reportlint --select NUM`` on it ``--repeat`` times in a
fresh process (the best run is printed, with the number of findings). The text is
the same for every version of reportlint, so to compare with an older version run
the script with that version first on ``PYTHONPATH`` (a copy of its ``lint/`` as
``reportlint/`` with ``rules/`` inside) and compare the figures.
Bar: no slower than the version before the typed fact model.

Usage: python bench/bench_numeric.py [--corpus DIR] [--size 3000000] [--step 12] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_startup import reportlint_cmd  # the same command for every benchmark

DEFAULT_CORPUS = Path("/tmp/corpus/政府工作报告-主要城市")


def build_text(corpus: Path, size: int, step: int) -> tuple[str, int]:
    """Whole reports, every ``step``-th in sorted order, joined until ``size`` bytes of UTF-8."""
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".md", ".txt"))[::step]
    parts: list[str] = []
    total = 0
    for p in files:
        if total >= size:
            break
        t = p.read_text(encoding="utf-8", errors="replace")
        parts.append(t)
        total += len(t.encode("utf-8"))
    return "\n\n".join(parts), len(parts)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--size", type=int, default=3_000_000)
    ap.add_argument("--step", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    if not a.corpus.is_dir():
        print(f"no corpus at {a.corpus} (unpack shared/corpus/gov-reports-major-cities.tar.xz)", file=sys.stderr)
        return 2
    text, n = build_text(a.corpus, a.size, a.step)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "joined.md"
        path.write_text(text, encoding="utf-8")
        best = float("inf")
        findings = 0
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            proc = subprocess.run([*reportlint_cmd(), "--select", "NUM", "--output-format", "json", "--exit-zero",
                                   "-j", "1", str(path)], capture_output=True, text=True)
            best = min(best, time.perf_counter() - t0)
            if proc.returncode != 0:
                print(proc.stderr.strip(), file=sys.stderr)
                return 2
            findings = len(json.loads(proc.stdout)["diagnostics"])
    print(f"{n} reports, {len(text.encode()) / 1e6:.1f} MB, {len(text):,} chars: --select NUM best of {a.repeat}: {best:.2f} s "
          f"({len(text) / best / 1e6:.2f} M chars/s), {findings} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
