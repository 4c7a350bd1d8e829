"""reportlint beside other prose and Markdown linters, and how its cost grows with size.

Builds its inputs from the real reports (the corpus unpacked at /tmp/corpus, or
``--corpus DIR``), all of them distinct text, never a repeated file:

- the seed report (31 KB);
- 3 MB: 70 reports of 2015 or later, concatenated;
- 1 MB and 8 MB: whole reports in path order until the size is reached;
- 73,000 distinct paragraphs: the corpus's lines, first occurrence of each, in one file.

Then it prints, for the seed and the 3 MB file, the median wall time of 5 runs of each
tool, the runs alternated between tools so load on the machine falls on all alike, and
each tool's time divided into reportlint's (ratio < 1: reportlint is faster); then
reportlint's seconds per MB at 1 and 8 MB (bar: 8 MB within 1.3x of 1 MB), the time and
peak memory of the 73,000-paragraph file (bars: 60 s, 1 GB), and start-up on an empty
file (bar: 0.06 s).

The other tools are looked for outside the project: ``--tools DIR`` (default
/tmp/benchtools) holding ``venv/bin/proselint`` and ``npm/node_modules/.bin/``
(``markdownlint-cli2``, ``autocorrect`` from autocorrect-node); a missing one is skipped.
``--reportlint CMD`` times another installation; ``--before CMD`` adds a column for an
installation of an older commit, timed in the same alternation (before/after ratios).

Usage: python bench/bench_versus.py [--repeat 5] [--skip-big] [--reportlint PATH]
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_startup import reportlint_cmd

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_f351bb1443225084.txt"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
MB = 1_000_000


def corpus_reports(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in (".md", ".txt"))


def _year(p: Path) -> int:
    m = re.match(r"(\d{4})", p.stem)
    return int(m.group(1)) if m else 0


def _read(p: Path) -> str:
    return p.read_text(encoding="utf-8", errors="replace")


def concatenate(paths: list[Path]) -> str:
    return "\n\n".join(_read(p).strip() for p in paths) + "\n"


def until_size(paths: list[Path], size: int) -> str:
    """Whole reports in order until the UTF-8 text holds ``size`` bytes."""
    chosen, total = [], 0
    for p in paths:
        if total >= size:
            break
        chosen.append(p)
        total += len(_read(p).encode())
    return concatenate(chosen)


def distinct_paragraphs(paths: list[Path], n: int) -> str:
    seen: dict[str, None] = {}
    for p in paths:
        for line in _read(p).splitlines():
            line = line.strip()
            if line and line not in seen:
                seen[line] = None
                if len(seen) >= n:
                    return "\n\n".join(seen) + "\n"
    return "\n\n".join(seen) + "\n"


def build_inputs(corpus: Path, work: Path) -> dict[str, Path]:
    reports = corpus_reports(corpus)
    if not reports:
        sys.exit(f"bench_versus: no reports under {corpus}")
    texts = {
        "seed": _read(SEED),
        "3mb": concatenate([p for p in reports if _year(p) >= 2015][:70]),
        "1mb": until_size(reports, 1 * MB),
        "8mb": until_size(reports, 8 * MB),
        "73k": distinct_paragraphs(reports, 73_000),
        "empty": "",
    }
    out = {}
    for name, text in texts.items():
        path = work / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out


def tools(tools_dir: Path, reportlint: list[str], before: list[str] | None) -> dict[str, list[str]]:
    found = {"reportlint": [*reportlint, "--output-format", "json", "--jobs", "1", "--isolated"]}
    if before:
        found["reportlint (before)"] = [*before, "--output-format", "json", "--jobs", "1", "--isolated"]
    bin_ = tools_dir / "npm" / "node_modules" / ".bin"
    candidates = {
        "autocorrect": [str(bin_ / "autocorrect"), "--lint"],
        "markdownlint-cli2": [str(bin_ / "markdownlint-cli2")],
        "proselint": [str(tools_dir / "venv" / "bin" / "proselint"), "check"],
    }
    for name, cmd in candidates.items():
        if Path(cmd[0]).exists():
            found[name] = cmd
        else:
            print(f"(skipping {name}: {cmd[0]} not found)")
    return found


def run(cmd: list[str], path: Path) -> tuple[float, int]:
    """Wall time and peak resident memory (KiB) of one whole process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([*cmd, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=ENV, cwd=path.parent)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - t0, usage.ru_maxrss


def side_by_side(cmds: dict[str, list[str]], path: Path, repeat: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for cmd in cmds.values():  # one warm-up each: disk caches, bytecode
        run(cmd, path)
    for _ in range(repeat):
        for name, cmd in cmds.items():
            times[name].append(run(cmd, path)[0])
    return {name: statistics.median(ts) for name, ts in times.items()}


def table(rows: dict[str, dict[str, float]], names: list[str]) -> None:
    print("| input | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 1) + "|")
    for label, medians in rows.items():
        cells = []
        for name in names:
            t = medians.get(name)
            if t is None:
                cells.append("–")
            elif name == "reportlint":
                cells.append(f"{t:.3f} s")
            else:
                cells.append(f"{t:.3f} s (ratio {medians['reportlint'] / t:.2f})")
        print(f"| {label} | " + " | ".join(cells) + " |")


def linearity(label: str, cmd: list[str], inputs: dict[str, Path], repeat: int) -> None:
    """Seconds per MB at 1 and 8 MB of distinct text, and the peak memory at 8 MB."""
    print(f"\nLinearity ({label}, median of {repeat} alternated runs):")
    samples: dict[str, list[float]] = {"1mb": [], "8mb": []}
    peak = 0
    for _ in range(repeat):
        for name in samples:
            t, rss = run(cmd, inputs[name])
            samples[name].append(t)
            peak = max(peak, rss)
    per_mb = {}
    for name, times in samples.items():
        size = inputs[name].stat().st_size / MB
        median = statistics.median(times)
        per_mb[name] = median / size
        print(f"  {name}: {size:.2f} MB in {median:.2f} s = {per_mb[name]:.3f} s/MB")
    print(f"  8 MB / 1 MB cost per MB: {per_mb['8mb'] / per_mb['1mb']:.2f}x (bar 1.3x); "
          f"peak memory at 8 MB {peak / 1024:.0f} MB")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/corpus"))
    ap.add_argument("--tools", type=Path, default=Path("/tmp/benchtools"))
    ap.add_argument("--reportlint", help="command to time instead of this checkout's reportlint")
    ap.add_argument("--before", help="command of an older build to time beside this one")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--skip-big", action="store_true", help="leave out the 73,000-paragraph file")
    args = ap.parse_args()
    reportlint = shlex.split(args.reportlint) if args.reportlint else reportlint_cmd()
    with tempfile.TemporaryDirectory(prefix="bench-versus-") as tmp:
        inputs = build_inputs(args.corpus, Path(tmp))
        cmds = tools(args.tools, reportlint, shlex.split(args.before) if args.before else None)
        rows = {}
        for name, label in (("seed", "seed report"), ("3mb", "3 MB, 70 distinct reports")):
            size = inputs[name].stat().st_size
            rows[f"{label} ({size / 1000:.0f} KB)"] = side_by_side(cmds, inputs[name], args.repeat)
        print("\nWall time, median of", args.repeat, "alternated runs (ratio = reportlint / tool):\n")
        table(rows, list(cmds))

        rl = cmds["reportlint"]
        for label in [n for n in cmds if n.startswith("reportlint")]:
            linearity(label, cmds[label], inputs, args.repeat)

        if not args.skip_big:
            size = inputs["73k"].stat().st_size / MB
            t, rss = run(rl, inputs["73k"])
            print(f"\n73,000 distinct paragraphs ({size:.1f} MB): {t:.1f} s (bar 60 s), "
                  f"peak memory {rss / 1024:.0f} MB (bar 1024 MB)")

        python = [sys.executable, "-c", "pass"]
        starts = side_by_side({"python -c pass": python} | {n: c for n, c in cmds.items() if n.startswith("reportlint")},
                              inputs["empty"], max(args.repeat, 5) * 2)
        print("\nStart-up on an empty file (bar 0.06 s): " + ", ".join(f"{n} {t:.3f} s" for n, t in starts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
