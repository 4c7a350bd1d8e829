"""Synthetic yardstick for the stutter rule: double characters at random and count.

Takes a sample of real reports (Markdown with front matter) and the clean reports,
doubles a single character or a pair of characters at random places inside Chinese
prose paragraphs, lints the result with TYP001 alone, and prints the recall of the
inserted stutters (one and two characters apart) and how many findings fall
elsewhere, on the altered reports and on the untouched ones.

Numerals are never doubled: 一一, 十十 or 二〇〇〇 cannot be told from a slip without
knowing the number, and the rule leaves them alone on purpose.

    python bench/typo_yardstick.py --corpus /tmp/corpus/政府工作报告-主要城市 \
        --clean ../shared/corpus/clean --sample 200 --per-doc 8 --trials 2
"""

from __future__ import annotations

import argparse
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from reportlint.document import Document
from reportlint.rules.typo import _NUMERALS, Stutter
from reportlint.runner import lint_text
from reportlint.text.blocks import BlockKind
from reportlint.text.scripts import is_han

GAP = 40  # characters between two insertions, so each is judged on its own


def _ok(text: str, p: int, n: int) -> bool:
    """Can ``text[p:p+n]`` be doubled without meeting a double that is already there?"""
    unit = text[p:p + n]
    if len(unit) < n or not all(map(is_han, unit)) or any(c in _NUMERALS for c in unit):
        return False
    return text[p - n:p] != unit and text[p + n:p + 2 * n] != unit and (n == 1 or unit[0] != unit[1])


def _positions(doc: Document) -> list[int]:
    """Offsets inside Chinese prose paragraphs, away from the paragraph edges."""
    out: list[int] = []
    for b in doc.blocks:
        if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) and b.lang == "zh" and len(b.text) >= 20:
            out.extend(range(b.start + 2, b.end - 3))
    return out


def _insert(text: str, rng: random.Random, per_doc: int) -> tuple[str, list[tuple[int, int]]]:
    """Text with stutters put in, and ``(offset, n)`` of each doubled span in the new text."""
    cands = _positions(Document(text))
    rng.shuffle(cands)
    chosen: list[tuple[int, int]] = []
    for p in cands:
        if len(chosen) >= per_doc:
            break
        n = 1 if len(chosen) % 2 == 0 else 2
        if _ok(text, p, n) and all(abs(p - q) > GAP for q, _ in chosen):
            chosen.append((p, n))
    chosen.sort()
    out, spans, last, shift = [], [], 0, 0
    for p, n in chosen:
        out.append(text[last:p + n])
        out.append(text[p:p + n])
        last = p + n
        spans.append((p + shift, n))
        shift += n
    out.append(text[last:])
    return "".join(out), spans


def _lint(text: str) -> list[tuple[int, int]]:
    res = lint_text(text, "r.md", [(Stutter, dict(Stutter.options))])
    return [(d.start, d.end) for d in res.diagnostics]


def _one(job: tuple[str, int, int]) -> tuple[dict[int, list[int]], int, int, list[str]]:
    path, seed, per_doc = job
    text = Path(path).read_text(encoding="utf-8")
    base = len(_lint(text))
    new, spans = _insert(text, random.Random(f"{seed}:{path}"), per_doc)
    found = _lint(new)
    hits: dict[int, list[int]] = {1: [0, 0], 2: [0, 0]}
    used = set()
    misses = []
    for q, n in spans:
        hits[n][1] += 1
        match = [f for f in found if f[0] < q + 2 * n and f[1] > q]
        if match:
            hits[n][0] += 1
            used.update(match)
        else:
            misses.append(f"{Path(path).parent.name}/{Path(path).name}: {new[q - 8:q]}[{new[q:q + 2 * n]}]{new[q + 2 * n:q + 2 * n + 8]}")
    others = [f for f in found if f not in used]
    return hits, base, len(others), misses


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/corpus/政府工作报告-主要城市"))
    ap.add_argument("--clean", type=Path, default=Path("/work/shared/corpus/clean"))
    ap.add_argument("--sample", type=int, default=200)
    ap.add_argument("--per-doc", type=int, default=8)
    ap.add_argument("--trials", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show-misses", type=int, default=0)
    args = ap.parse_args()
    real = sorted(str(p) for p in args.corpus.rglob("*.md"))
    real = random.Random(args.seed).sample(real, min(args.sample, len(real)))
    files = sorted(str(p) for p in args.clean.glob("*.txt")) + real
    jobs = [(f, args.seed + t, args.per_doc) for t in range(args.trials) for f in files]
    tot = {1: [0, 0], 2: [0, 0]}
    base = others = 0
    misses: list[str] = []
    with ProcessPoolExecutor(args.jobs) as ex:
        for hits, b, o, m in ex.map(_one, jobs, chunksize=4):
            for n in (1, 2):
                tot[n][0] += hits[n][0]
                tot[n][1] += hits[n][1]
            base += b
            others += o
            misses.extend(m)
    for n in (1, 2):
        found, total = tot[n]
        print(f"{n}-char stutters: {found}/{total} found, recall {found / max(1, total):.3f}")
    allf = tot[1][0] + tot[2][0]
    allt = tot[1][1] + tot[2][1]
    print(f"all: {allf}/{allt} recall {allf / max(1, allt):.3f}")
    print(f"other findings on altered reports: {others}; findings on the untouched reports: {base} "
          f"({len(files)} reports x {args.trials} trials)")
    for line in misses[:args.show_misses]:
        print("  miss", line)


if __name__ == "__main__":
    main()
