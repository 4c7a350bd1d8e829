"""Lint the 886 city government work reports as a whole process: speed and memory per --jobs.

Prints, for each ``--jobs`` value, the wall time of ``reportlint --output-format json``
over the whole corpus, files/s, MB/s, the peak resident memory of the process tree
(summed over the pool's workers, sampled every 20 ms from /proc) and of its largest
single process, and the number of findings (which must not depend on --jobs).
Bar: under 60 s with ``--jobs 2`` on a 2-core machine.

The corpus is the tarball ``shared/corpus/gov-reports-major-cities.tar.xz`` (looked
for beside the repository and under /work/shared), unpacked into a temporary folder
outside the repository; ``--corpus DIR`` uses an unpacked copy instead.

Usage: python bench/bench_corpus.py [--jobs 1 2] [--corpus DIR] [--select ...]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

from bench_startup import reportlint_cmd  # the same command for every benchmark

ROOT = Path(__file__).resolve().parents[1]
TARBALL = "gov-reports-major-cities.tar.xz"
CANDIDATES = [ROOT.parent / "shared" / "corpus" / TARBALL, Path("/work/shared/corpus") / TARBALL]
REPORT_SUFFIXES = (".md", ".markdown", ".txt")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def find_tarball() -> Path:
    for c in CANDIDATES:
        if c.is_file():
            return c
    sys.exit(f"bench_corpus: {TARBALL} not found (looked in {', '.join(str(c.parent) for c in CANDIDATES)}); "
             "give --corpus DIR")


def unpack(tarball: Path, dest: Path) -> Path:
    with tarfile.open(tarball) as tar:
        tar.extractall(dest, filter="data")
    return dest


def reports_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += _rss_kb(p)
        stack.extend(_children(p))
    return total


def run_once(cmd: list[str]) -> tuple[float, int, bytes, int]:
    """Wall time, peak tree RSS (KiB), stdout, exit code of one run."""
    peak = 0
    done = threading.Event()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV)

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_kb(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    return wall, peak, out, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--corpus", type=Path, default=None, help="an unpacked corpus folder (default: unpack the tarball)")
    ap.add_argument("--select", default=None, help="rule selection (default: the default rules)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="reportlint-corpus-") as tmp:
        if args.corpus is not None:
            folder = args.corpus
        else:
            tarball = find_tarball()
            t0 = time.perf_counter()
            folder = unpack(tarball, Path(tmp))
            print(f"unpacked {tarball.name} in {time.perf_counter() - t0:.1f} s")
        files = reports_in(folder)
        size = sum(f.stat().st_size for f in files)
        print(f"corpus: {len(files)} reports, {size / 1e6:.1f} MB, in {folder}")
        print(f"machine: {os.cpu_count()} cores")
        base = [*reportlint_cmd(), "--output-format", "json", "--exit-zero", "--isolated"]
        if args.select:
            base += ["--select", args.select]
        print(f"{'jobs':>4} {'wall s':>8} {'cpu s':>7} {'files/s':>8} {'MB/s':>6} {'peak MB (tree)':>15} "
              f"{'peak MB (1 proc)':>17} {'findings':>9}  exit")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        for n in args.jobs:
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall, peak_kb, out, code = run_once([*base, "--jobs", str(n), str(folder)])
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
            single = r1.ru_maxrss
            try:
                found = json.loads(out)["summary"]["diagnostics"]
            except (ValueError, KeyError):
                found = -1
            print(f"{n:>4} {wall:8.2f} {cpu:7.1f} {len(files) / wall:8.1f} {size / 1e6 / wall:6.2f} "
                  f"{peak_kb / 1024:15.0f} {max(single, before) / 1024:17.0f} {found:>9}  {code}")
        print("cpu s: user+system time of the process and its workers (less sensitive than wall time to a busy "
              "machine); peak MB (1 proc): the largest single process so far, from getrusage")


if __name__ == "__main__":
    main()
