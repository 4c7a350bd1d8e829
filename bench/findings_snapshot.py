"""Record the findings of every rule on a fixed set of reports, or compare against a record.

A speed-up must not change what the linter finds. ``record DIR`` lints the seed report,
the development sets, a sample of real reports and one long concatenation of real
reports (where the document-wide statistics differ most from a single report's) with
every rule enabled (``--preview``) and writes one JSON file per input; ``compare DIR``
lints the same inputs again and prints every input whose findings differ, exiting 1
if any does. Record before the change, compare after it.

Usage: python bench/findings_snapshot.py record|compare DIR [--corpus DIR] [--sample N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from bench_startup import reportlint_cmd

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = Path("/tmp/corpus")


def inputs(corpus: Path, sample: int, work: Path) -> list[Path]:
    """The seed, the development sets (labelled and clean), every ``sample``-th real
    report, and all real reports of one city concatenated (a long document)."""
    files = sorted((ROOT / "seeds").glob("*.txt"))
    for folder in ("devset-large", "devset-large/clean", "devset", "corpus/clean"):
        base = SHARED / folder
        files += sorted(p for p in base.glob("*") if p.suffix in (".txt", ".md"))
    real = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md")) if corpus.is_dir() else []
    files += real[::sample] if sample else []
    if real:
        long = work / "long-concatenation.md"
        if not long.exists():
            long.write_text("\n\n".join(p.read_text(encoding="utf-8", errors="replace") for p in real[:60]),
                            encoding="utf-8")
        files.append(long)
    return files


def lint(path: Path) -> list[dict[str, object]]:
    cmd = [*reportlint_cmd(), "--output-format", "json", "--preview", "--jobs", "1", "--isolated", str(path)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"findings_snapshot: {path}: exit {out.returncode}: {out.stderr.strip()[-400:]}")
    diagnostics: list[dict[str, object]] = json.loads(out.stdout)["diagnostics"]
    return diagnostics


def key(path: Path) -> str:
    return "__".join(path.parts[-3:]).replace("/", "_")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("record", "compare"))
    ap.add_argument("dir", type=Path)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--sample", type=int, default=40, help="every Nth real report (0: none)")
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    differ = 0
    files = inputs(args.corpus, args.sample, args.dir)
    for path in files:
        found = lint(path)
        target = args.dir / f"{key(path)}.json"
        if args.mode == "record":
            target.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
            continue
        before = json.loads(target.read_text(encoding="utf-8"))
        if before != found:
            differ += 1
            gone = [d for d in before if d not in found]
            new = [d for d in found if d not in before]
            print(f"DIFFERS {path}: {len(gone)} gone, {len(new)} new")
            for d in (gone + new)[:6]:
                print("   ", "-" if d in gone else "+", d["code"], d["start"], d["message"])
    print(f"{len(files)} inputs, {differ} differ" if args.mode == "compare" else f"recorded {len(files)} inputs")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
