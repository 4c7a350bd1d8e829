"""Planted copies between real reports: how many corpus mode finds, and how precisely.

Copies ``--plants`` random spans of the real reports into other reports of another
series, in three kinds (a third each):

* exact: a span of 60-240 characters, starting and ending at clause punctuation;
* edited: the same, with about 3% of its Han characters replaced (at least one): a
  figure or a name changed;
* split: the same, with a page break (a blank line, a page number, a blank line)
  inserted at a random point inside it.

A span is left out when its opening 20 characters occur in more than the boilerplate
share of the reports (boilerplate is not copying, by definition). The pass runs on the
corpus before and after planting; a plant is *found* when a new XDC001 finding in the
receiving report overlaps the planted span and names the source report as related.
Precision: of the findings new after planting, the share that lies on a plant (in the
receiving report, or at the copied span in the source report).

Bar: recall >= 0.95 at precision >= 0.95.
Usage: python bench/crossdoc_yardstick.py [--corpus DIR] [--plants 200] [--seed 1] [--jobs 2]
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass

from bench_crossdoc import DEFAULT_CORPUS, load

from reportlint.corpus import CorpusInput
from reportlint.corpus.executor import ProcessExecutor
from reportlint.rules.crossdoc import CopiedText
from reportlint.rules.crossdoc import corpus as crossdoc

_CLAUSE_END = re.compile(r"[，。；！？]")
PAGE_BREAK = "\n\n- {n} -\n\n"


@dataclass
class Plant:
    kind: str
    source: int
    src_start: int
    src_end: int
    target: int
    start: int = 0  # planted span in the receiving report (after planting)
    end: int = 0


def pick_span(rng: random.Random, text: str) -> tuple[int, int] | None:
    ends = [m.end() for m in _CLAUSE_END.finditer(text)]
    if len(ends) < 10:
        return None
    for _ in range(20):
        i = rng.randrange(len(ends) - 1)
        length = rng.randint(60, 240)
        j = next((k for k in range(i + 1, len(ends)) if ends[k] - ends[i] >= length), None)
        if j is None:
            continue
        s, e = ends[i], ends[j]
        if "\n" in text[s:e] or ends[j] - ends[i] > 400:
            continue
        return s, e
    return None


def edit(rng: random.Random, span: str, han: list[str]) -> str:
    chars = list(span)
    spots = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for i in rng.sample(spots, max(1, len(spots) * 3 // 100)):
        chars[i] = rng.choice(han)
    return "".join(chars)


def plant(docs: list[CorpusInput], n: int, seed: int, series: list[str], cap: int) -> tuple[list[CorpusInput], list[Plant]]:
    rng = random.Random(seed)
    han = sorted({ch for d in docs[:50] for ch in d.text if "\u4e00" <= ch <= "\u9fff"})
    texts = [d.text for d in docs]
    plants: list[Plant] = []
    used_targets: set[int] = set()
    while len(plants) < n:
        src, tgt = rng.randrange(len(docs)), rng.randrange(len(docs))
        if series[src] == series[tgt] or tgt in used_targets or src in used_targets:
            continue
        span = pick_span(rng, docs[src].text)
        if span is None:
            continue
        s, e = span
        head = docs[src].text[s:s + 20]
        if sum(head in t for t in texts) > cap:
            continue
        kind = ("exact", "edited", "split")[len(plants) % 3]
        copied = docs[src].text[s:e]
        if kind == "edited":
            copied = edit(rng, copied, han)
        elif kind == "split":
            cut = rng.randrange(10, len(copied) - 10)
            copied = copied[:cut] + PAGE_BREAK.format(n=rng.randint(2, 40)) + copied[cut:]
        target = texts[tgt]
        breaks = [m.end() for m in re.finditer(r"\n\n", target)]
        at = rng.choice(breaks) if breaks else len(target)
        texts[tgt] = target[:at] + copied + "\n\n" + target[at:]
        plants.append(Plant(kind, src, s, e, tgt, at, at + len(copied)))
        used_targets.update((tgt, src))
    return [CorpusInput(d.path, t) for d, t in zip(docs, texts)], plants


def keyed(outcome, docs: list[CorpusInput]) -> set[tuple[str, str, str]]:
    out = set()
    for doc, diags in zip(docs, outcome.diagnostics):
        for d in diags:
            out.add((doc.path, d.code, re.sub(r"\s+", "", doc.text[d.start:d.end])))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--plants", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    from pathlib import Path

    docs = load(Path(args.corpus))
    options = {"XDC001": dict(CopiedText.options)}
    series_key = crossdoc.series_of(options["XDC001"]["series_key"])
    series = [series_key(d.path) for d in docs]
    cap = max(int(options["XDC001"]["boilerplate_share"] * len(docs)), crossdoc.MIN_BOILERPLATE_DOCS)
    planted, plants = plant(docs, args.plants, args.seed, series, cap)
    before = keyed(crossdoc.run(docs, options, ProcessExecutor(args.jobs), None), docs)
    outcome = crossdoc.run(planted, options, ProcessExecutor(args.jobs), None)
    found: dict[str, list[int]] = {"exact": [0, 0], "edited": [0, 0], "split": [0, 0]}
    on_plant = 0
    new = 0
    for p in plants:
        hit = any(d.code == "XDC001" and d.start < p.end and p.start < d.end
                  and any(r.path == planted[p.source].path for r in d.related)
                  for d in outcome.diagnostics[p.target])
        found[p.kind][0] += hit
        found[p.kind][1] += 1
        if not hit and args.verbose:
            print("missed", p.kind, planted[p.target].path, "<-", planted[p.source].path,
                  repr(planted[p.target].text[p.start:p.end][:80]))
    for i, (doc, diags) in enumerate(zip(planted, outcome.diagnostics)):
        for d in diags:
            if (doc.path, d.code, re.sub(r"\s+", "", doc.text[d.start:d.end])) in before:
                continue
            new += 1
            mine = [p for p in plants if (p.target == i and d.start < p.end and p.start < d.end)
                    or (p.source == i and d.start < p.src_end and p.src_start < d.end)]
            on_plant += bool(mine)
            if not mine and args.verbose:
                print("false alarm", doc.path, d.code, d.message, repr(doc.text[d.start:d.end][:80]))
    total = sum(f for f, _ in found.values())
    print(f"plants: {len(plants)}  found: {total} ({total / len(plants):.3f})  "
          + "  ".join(f"{k}: {f}/{n}" for k, (f, n) in found.items()))
    print(f"new findings: {new}  on a plant: {on_plant}  precision: {on_plant / max(1, new):.3f}")


if __name__ == "__main__":
    main()
