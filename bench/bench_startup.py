"""Start-up and whole-process timings: what a pre-commit run on one small file costs.

Prints, for each case, the best and median wall time of several runs as a whole
process (interpreter start, imports, registry, lint, report), and its ratio to
``python -c pass`` measured in the same run, so figures from a busy machine still
compare. Cases:

- ``python -c pass``: the interpreter alone
- ``reportlint`` on an empty file (bar: under 0.25 s)
- ``reportlint`` on the seed report, 31 KB (bar: under 0.3 s)
- ``reportlint`` on a 3 MB file: the seed repeated 100 times

It then lists the slowest imports of a JSON run (``python -X importtime``) and says
whether rich was imported (it must not be for json or concise output).

Usage: python bench/bench_startup.py [--repeat N] [--format json]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_f351bb1443225084.txt"


def reportlint_cmd() -> list[str]:
    """The console script when it is installed next to this interpreter, else ``python -m``."""
    script = Path(sys.executable).with_name("reportlint")
    if script.exists():
        return [str(script)]
    found = shutil.which("reportlint")
    return [found] if found else [sys.executable, "-m", "reportlint"]


# Installed packages have their bytecode cached; a development shell that forbids writing
# it (PYTHONDONTWRITEBYTECODE) would time the compiler instead, so the runs here allow it.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str], repeat: int) -> list[float]:
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)  # warm caches
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
        out.append(time.perf_counter() - t0)
    return out


def slowest_imports(cmd: list[str], n: int = 12) -> tuple[list[tuple[int, str]], bool]:
    """Cumulative import times (µs) of one run, slowest first, and whether rich was imported."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "reportlint", *cmd], capture_output=True, text=True,
                          env=ENV)
    rows = []
    rich = False
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line.split("|")
        try:
            cumulative = int(parts[1])
        except ValueError:
            continue
        name = parts[2].strip()
        rich = rich or name == "rich" or name.startswith("rich.")
        if parts[2].startswith(" ") and not parts[2].startswith("  "):  # top-level imports only
            rows.append((cumulative, name))
    rows.sort(reverse=True)
    return rows[:n], rich


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--format", default="json", help="output format for the reportlint runs (default: json)")
    args = ap.parse_args()
    tool = reportlint_cmd()
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.txt"
        empty.write_bytes(b"")
        big = Path(tmp) / "big.txt"
        big.write_text(SEED.read_text(encoding="utf-8") * 100, encoding="utf-8")
        fmt = ["--output-format", args.format, "--exit-zero"]
        cases = [
            ("python -c pass", [sys.executable, "-c", "pass"], None),
            ("reportlint empty file", [*tool, *fmt, str(empty)], 0.25),
            (f"reportlint seed ({SEED.stat().st_size // 1024} KB)", [*tool, *fmt, str(SEED)], 0.30),
            (f"reportlint 3 MB (seed x100, {big.stat().st_size / 1e6:.1f} MB)", [*tool, *fmt, str(big)], None),
        ]
        print(f"machine: {os.cpu_count()} cores; {args.repeat} runs per case; command: {' '.join(tool)}")
        print(f"{'case':<44} {'best s':>8} {'median s':>9} {'x pass':>7}  bar")
        base = None
        for name, cmd, bar in cases:
            runs = timed(cmd, args.repeat if "3 MB" not in name else max(2, args.repeat // 3))
            best, med = min(runs), statistics.median(runs)
            base = base or best
            verdict = "" if bar is None else (f"< {bar:.2f} s: {'ok' if best < bar else 'OVER'}")
            print(f"{name:<44} {best:8.3f} {med:9.3f} {best / base:7.1f}  {verdict}")
        for out_fmt in ("json", "concise"):
            rows, rich = slowest_imports(["--output-format", out_fmt, "--exit-zero", str(empty)])
            print(f"\nslowest top-level imports, {out_fmt} output on an empty file (cumulative ms); "
                  f"rich imported: {'YES' if rich else 'no'}")
            for us, name in rows:
                print(f"  {us / 1000:7.1f}  {name}")


if __name__ == "__main__":
    main()
