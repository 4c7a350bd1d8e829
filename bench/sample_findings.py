"""Draw a fixed random sample of findings per rule from a run over real reports, show
each in its context for judging, and tally the judgments into a precision table.

    reportlint --output-format json --exit-zero /tmp/corpus/政府工作报告-主要城市 > /tmp/corpus.json
    python bench/sample_findings.py show /tmp/corpus.json > /tmp/sample.txt       # read and judge
    python bench/sample_findings.py tally /tmp/corpus.json bench/precision-judgments.jsonl

The sample is ``random.Random(SEED).sample`` of each rule's findings sorted by path and
offset, so the same run always gives the same sample. A judgment line is
``{"code", "path", "offset", "verdict": "T"|"F", "note"}`` (path relative to the corpus
folder); ``tally`` prints rule, findings, sample, true, false, precision, and the
sampled findings that no judgment covers yet.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

SEED = 11
PER_RULE = 20
CORPUS_MARK = "政府工作报告-主要城市/"


def relative(path: str) -> str:
    return path[path.index(CORPUS_MARK):] if CORPUS_MARK in path else path


def sample(run: dict, per_rule: int = PER_RULE, seed: int = SEED) -> dict[str, list[dict]]:
    by_code: dict[str, list[dict]] = defaultdict(list)
    for d in run["diagnostics"]:
        by_code[d["code"]].append(d)
    out = {}
    for code in sorted(by_code):
        items = sorted(by_code[code], key=lambda d: (d["path"], d["start"]["offset"]))
        rng = random.Random(f"{seed}:{code}")  # one stream per rule: adding a rule changes no other sample
        out[code] = items if len(items) <= per_rule else rng.sample(items, per_rule)
    return out


def context(d: dict, width: int) -> str:
    text = Path(d["path"]).read_text(encoding="utf-8-sig")
    s, e = d["start"]["offset"], d["end"]["offset"]
    return (text[max(0, s - width):s] + "⟦" + text[s:e] + "⟧" + text[e:e + width]).replace("\n", "⏎")


def show(run: dict, width: int) -> None:
    for code, items in sample(run).items():
        total = sum(1 for d in run["diagnostics"] if d["code"] == code)
        print(f"===== {code}: {len(items)} of {total}")
        for d in items:
            print(f"--- {code} {relative(d['path'])} offset={d['start']['offset']} line={d['start']['line']}")
            print(f"    {d['message']}")
            for r in d.get("related", [])[:3]:
                print(f"    related line {r['start']['line']}: {r.get('message', '')}")
            print("    " + context(d, width))


def tally(run: dict, judgments: Path) -> None:
    judged = {}
    for line in judgments.read_text(encoding="utf-8").splitlines():
        if line.strip():
            j = json.loads(line)
            judged[j["code"], j["path"], j["offset"]] = j["verdict"]
    print("rule\tfindings\tsample\ttrue\tfalse\tprecision")
    missing = []
    for code, items in sample(run).items():
        total = sum(1 for d in run["diagnostics"] if d["code"] == code)
        verdicts = []
        for d in items:
            v = judged.get((code, relative(d["path"]), d["start"]["offset"]))
            if v is None:
                missing.append(f"{code} {relative(d['path'])} {d['start']['offset']}")
            else:
                verdicts.append(v)
        t, f = verdicts.count("T"), verdicts.count("F")
        prec = f"{t / (t + f):.0%}" if t + f else "-"
        print(f"{code}\t{total}\t{len(items)}\t{t}\t{f}\t{prec}")
    for m in missing:
        print(f"not judged: {m}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=["show", "tally"])
    ap.add_argument("run", type=Path, help="reportlint --output-format json output over the real reports")
    ap.add_argument("judgments", type=Path, nargs="?", help="JSON lines of verdicts (for tally)")
    ap.add_argument("--width", type=int, default=60, help="characters of context on each side")
    a = ap.parse_args()
    run = json.loads(a.run.read_text(encoding="utf-8"))
    if a.action == "show":
        show(run, a.width)
    else:
        if a.judgments is None:
            ap.error("tally needs the judgments file")
        tally(run, a.judgments)


if __name__ == "__main__":
    main()
