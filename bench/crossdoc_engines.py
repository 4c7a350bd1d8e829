"""The Dask engine and the local engine give the same JSON on a corpus, byte for byte.

Starts a ``dask.distributed.LocalCluster`` (``--workers`` worker processes), runs
``reportlint corpus --output-format json --no-cache`` on the corpus once with
``--scheduler`` pointing at it and once locally (``--jobs``), and compares the two
outputs. Prints both wall times, the number of findings and whether they are identical
(exit 1 if not). Needs ``pip install "reportlint[dask]"``.

Usage: python bench/crossdoc_engines.py [--corpus DIR] [--workers 2] [--jobs 2]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

from bench_crossdoc import DEFAULT_CORPUS


def run(corpus: Path, *extra: str) -> tuple[bytes, float]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "reportlint", "corpus", str(corpus), "--output-format", "json",
                           "--no-cache", *extra], capture_output=True, check=False)
    if proc.returncode not in (0, 1):
        sys.exit(f"reportlint failed: {proc.stderr.decode()}")
    return proc.stdout, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--summary", default=None, help="also write the local run's corpus summary here")
    ap.add_argument("--save", default=None, help="also write the local run's JSON here")
    args = ap.parse_args()
    from distributed import LocalCluster

    local, t_local = run(args.corpus, "--jobs", str(args.jobs), *(("--summary", args.summary) if args.summary else ()))
    if args.save:
        Path(args.save).write_bytes(local)
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, dashboard_address=None) as cluster:
        remote, t_dask = run(args.corpus, "--scheduler", cluster.scheduler_address)
    n = len(json.loads(local)["diagnostics"])
    same = local == remote
    print(f"local: {t_local:.1f} s, dask ({args.workers} workers): {t_dask:.1f} s, findings: {n}, "
          f"identical JSON: {same} (sha256 {hashlib.sha256(local).hexdigest()[:16]}"
          f"{'' if same else ' vs ' + hashlib.sha256(remote).hexdigest()[:16]})")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
