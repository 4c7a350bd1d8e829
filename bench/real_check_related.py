"""The hand-judged real findings, matched on a finding's main span *or* its related
locations: a rule that folds many places into one finding per file (MKP003) lists the
other places as related, and the plain check, which looks at main spans only, cannot
see them.

    python bench/real_check_related.py [--judged ../shared/corpus/real-findings-judged.jsonl]
        [--root /tmp/reportlint-real-check]

Run ``python ../shared/eval/real_check.py`` once first: it unpacks the judged reports
under ``--root``. Prints the same line as that check, counted both ways.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--judged", type=Path, default=Path("../shared/corpus/real-findings-judged.jsonl"))
    ap.add_argument("--root", type=Path, default=Path(tempfile.gettempdir()) / "reportlint-real-check")
    a = ap.parse_args()
    rows = [json.loads(line) for line in a.judged.read_text(encoding="utf-8").splitlines() if line.strip()]
    files = sorted({r["path"] for r in rows})
    out = subprocess.run([sys.executable, "-m", "reportlint", "--output-format", "json", "--exit-zero",
                          *[str(a.root / f) for f in files]], capture_output=True, text=True, check=True)
    found = collections.defaultdict(list)
    for d in json.loads(out.stdout)["diagnostics"]:
        found[str(Path(d["path"]).resolve())].append(d)

    def near(s: int, e: int, r: dict) -> bool:
        return s < r["end"] + 20 and r["start"] - 20 < e

    for label, with_related in (("main spans only", False), ("main spans and related locations", True)):
        tally = collections.Counter()
        for r in rows:
            hit = False
            for d in found[str((a.root / r["path"]).resolve())]:
                if d["category"] != r["category"]:
                    continue
                spans = [(d["start"]["offset"], d["end"]["offset"])]
                if with_related:
                    spans += [(x["start"]["offset"], x["end"]["offset"]) for x in d.get("related", [])]
                if any(near(s, e, r) for s, e in spans):
                    hit = True
                    break
            tally[r["verdict"], hit] += 1
        t = tally["T", True] + tally["T", False]
        f = tally["F", True] + tally["F", False]
        print(f"{label}: true defects still found: {tally['T', True]}/{t}; false alarms still reported: {tally['F', True]}/{f}")


if __name__ == "__main__":
    main()
