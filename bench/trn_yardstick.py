"""Synthetic yardstick for the truncation rules: cut real reports at random and count.

Takes a sample of real reports (Markdown with front matter) and clean reports, puts
page-break splits, lost endings and lost beginnings into prose paragraphs at random,
lints the result with the truncation and structure rules, and prints recall per kind
and how many findings fall elsewhere (on the cut reports and on the untouched ones).

    python bench/trn_yardstick.py --corpus /tmp/corpus/政府工作报告-主要城市 \
        --clean ../shared/corpus/clean --sample 60 --trials 3
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from reportlint.document import Document
from reportlint.registry import load_registry
from reportlint.runner import lint_text
from reportlint.text.blocks import BlockKind, ends_sentence

WINDOW = 12
_SENT_END = "。！？；.!?;"


def _rules():
    return [(r, dict(r.options)) for r in load_registry().rules if r.category in ("truncation", "structure")]


def _eligible(doc: Document) -> list[int]:
    out = []
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        if b.kind is not BlockKind.PARAGRAPH or b.numbering is not None or not ends_sentence(b.text):
            continue
        if len(b.text) < (40 if b.lang == "zh" else 80) or "**" in b.text[:4] or "\n" in b.text:
            continue
        if i == 0 or i + 1 >= len(blocks):
            continue
        out.append(i)
    return out


def _cut_point(text: str, rng: random.Random, lang: str, lo: int, hi: int) -> int:
    k = rng.randint(lo, hi)
    if lang == "en" and rng.random() < 0.5:  # between words
        spaces = [i for i in range(lo, hi + 1) if text[i - 1:i] == " "]
        if spaces:
            k = rng.choice(spaces)
    return k


def corrupt(text: str, seed: int, per_doc: int = 4) -> tuple[str, list[tuple[str, int, int]]]:
    """Return the cut text and its defects: (kind, position, first-part length)."""
    rng = random.Random(seed)
    doc = Document(text, "t.md")
    cand = _eligible(doc)
    rng.shuffle(cand)
    chosen: list[int] = []
    for i in cand:
        if all(abs(i - j) > 2 for j in chosen):
            chosen.append(i)
        if len(chosen) == per_doc:
            break
    edits = []  # (start, end, replacement, kind, extra)
    for i in chosen:
        b = doc.blocks[i]
        t = b.text
        kind = rng.choice(("split", "lost-ending", "lost-beginning"))
        if kind == "split":
            k = _cut_point(t, rng, b.lang, 2, len(t) - 3)
            left, right = t[:k].rstrip(), t[k:].lstrip()
            if not left or not right or left[-1] in _SENT_END:
                continue
            edits.append((b.start, b.end, left + "\n\n" + right, kind, len(left)))
        elif kind == "lost-ending":
            n = rng.randint(3, min(40, len(t) - 10))
            left = t[:-n].rstrip()
            if not left or left[-1] in _SENT_END:
                continue
            edits.append((b.start, b.end, left, kind, 0))
        else:
            n = rng.randint(2, 15)
            right = t[n:].lstrip()
            if not right or t[n - 1] in _SENT_END:
                continue  # a whole sentence removed: nothing left to see
            edits.append((b.start, b.end, right, kind, 0))
    edits.sort()
    out, pos, shift, defects = [], 0, 0, []
    for s, e, rep, kind, extra in edits:
        out.append(text[pos:s])
        new_start = s + shift
        if kind == "split":
            defects.append((kind, new_start + extra, extra))
        elif kind == "lost-ending":
            defects.append((kind, new_start + len(rep), 0))
        else:
            defects.append((kind, new_start, 0))
        out.append(rep)
        shift += len(rep) - (e - s)
        pos = e
    out.append(text[pos:])
    return "".join(out), defects


def run_one(args: tuple[str, int, int]) -> dict:
    path, seed, trials = args
    text = Path(path).read_text(encoding="utf-8")
    rules = _rules()
    base = lint_text(text, path, rules).diagnostics
    res = {"base": len(base), "hits": Counter(), "right": Counter(), "total": Counter(), "other": 0,
           "lang": Document(text, path).language, "misses": [], "others": []}
    expect = {"split": "TRN001", "lost-ending": "TRN002", "lost-beginning": "TRN003"}
    for t in range(trials):
        base_keys = Counter((d.code, d.fingerprint_text) for d in base)
        cut, defects = corrupt(text, seed * 100 + t)
        diags = lint_text(cut, path, rules).diagnostics
        used = set()
        for kind, p, first in defects:
            key = kind if kind != "split" else ("split<30" if first < 30 else "split")
            res["total"][key] += 1
            near = [k for k, d in enumerate(diags) if d.start - WINDOW <= p <= d.end + WINDOW]
            used.update(near)
            if near:
                res["hits"][key] += 1
                if any(diags[k].code == expect[kind] for k in near):
                    res["right"][key] += 1
                else:
                    codes = ",".join(diags[k].code for k in near)
                    res["misses"].append(f"WRONG {key} as {codes}: {cut[max(0, p - 15):p]!r}|{cut[p:p + 15]!r}")
            else:
                res["misses"].append(f"{key}: {cut[max(0, p - 15):p]!r}|{cut[p:p + 15]!r}")
        for k, d in enumerate(diags):
            if k in used:
                continue
            if base_keys[(d.code, d.fingerprint_text)] > 0:
                base_keys[(d.code, d.fingerprint_text)] -= 1
                continue
            res["other"] += 1
            res["others"].append(f"{d.code} {cut[max(0, d.start - 10):d.end + 10]!r}")
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/tmp/corpus/政府工作报告-主要城市")
    ap.add_argument("--clean", default="/work/shared/corpus/clean")
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--trials", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    files = sorted(str(p) for p in Path(a.corpus).rglob("*.md"))
    sample = rng.sample(files, min(a.sample, len(files)))
    clean = sorted(str(p) for p in Path(a.clean).glob("*.txt"))
    jobs = [(p, n, a.trials) for n, p in enumerate(sample)]
    # English is scarce: the clean English reports get more trials.
    jobs += [(p, 1000 + n, a.trials * 6 if n >= 7 else a.trials * 2) for n, p in enumerate(clean)]
    with ProcessPoolExecutor(2) as ex:
        results = list(ex.map(run_one, jobs))
    for lang in ("zh", "en"):
        tot, hit, right, other = Counter(), Counter(), Counter(), 0
        for r in results:
            if r["lang"] != lang:
                continue
            tot += r["total"]
            hit += r["hits"]
            right += r["right"]
            other += r["other"]
        print(f"[{lang}]")
        for k in sorted(tot):
            print(f"  {k:15s} n={tot[k]:4d} recall={hit[k] / tot[k]:.3f} right-code={right[k] / tot[k]:.3f}")
        print(f"  other findings on cut reports: {other}")
    base = sum(r["base"] for r in results[: len(sample)])
    cbase = sum(r["base"] for r in results[len(sample):])
    print(f"findings on untouched sample: {base}; on clean: {cbase}")
    if a.v:
        for r in results:
            for m in r["misses"]:
                print("MISS", m)
            for o in r["others"]:
                print("OTHER", o)


if __name__ == "__main__":
    sys.exit(main())
