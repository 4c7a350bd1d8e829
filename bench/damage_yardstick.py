"""Synthetic yardstick for extraction damage: damage real reports at random and count.

Takes undamaged Chinese reports (the clean bases of devset-large by default), puts one
defect of one kind into a copy at a random place, lints the copy, and counts the defect
as found when a finding of the expected rule lies within a few characters of it. Kinds:

  lost-1 / lost-2   a paragraph after a finished one lost its first one or two characters,
                    inside its first word (lost-1-any / lost-2-any: anywhere, for
                    information: a cut between words leaves a sentence that reads whole)
  number-split      a page break cuts a figure from its unit (……全省 24 / 项重点工程……)
  run-in-heading    a numbered heading is run into the end of the paragraph before it
  mojibake          a span of Chinese encoded as UTF-8 and decoded as GBK or Latin-1
  radicals          a span of characters replaced by the Kangxi radicals that look alike
  page-number       a page number, alone or with a running title, inside a sentence
  running-header    the document's title, without a page number, on a line of its own
                    inside a sentence
  repeat            the whole document held two to six times, as paragraphs or merged

False alarms: findings of the expected rules on the undamaged reports, per 100,000
characters (with what they are under -v); those read and judged real damage of the
published report (bench/damage-base-judgments.jsonl) are counted apart; and findings of those rules on a damaged
copy that are neither near the defect nor on the undamaged report.

    python bench/damage_yardstick.py --bases ../shared/devset-large/clean --trials 3 [-v]
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from reportlint.document import Document
from reportlint.registry import load_registry
from reportlint.runner import lint_text
from reportlint.text.blocks import BlockKind, ends_sentence
from reportlint.rules.lexicon import zh_words
from reportlint.text.scripts import is_han

WINDOW = 8
EXPECT = {
    "lost-1": {"TRN003"},
    "lost-2": {"TRN003"},
    "lost-1-any": {"TRN003"},
    "lost-2-any": {"TRN003"},
    "number-split": {"TRN001"},
    "run-in-heading": {"STR003"},
    "mojibake": {"GRB002", "GRB003"},
    "radicals": {"GRB001"},
    "page-number": {"GRB006"},
    "running-header": {"GRB006"},
    "repeat": {"DUP006"},
}
KINDS = tuple(EXPECT)
CODES = set().union(*EXPECT.values())
_UNIT = re.compile(r"(?<=[\u4e00-\u9fff，、 ])([0-9]{1,4})(?=[万亿项个家亩人名次倍元吨座条户套台所])")
_TO_RADICAL = {unicodedata.normalize("NFKC", chr(c)): chr(c) for c in range(0x2F00, 0x2FD6)}
_TITLES = ("政府工作报告", "{year}年政府工作报告", "{city}人民政府工作报告")


def _rules(codes: set[str] = CODES):
    return [(r, dict(r.options)) for r in load_registry().rules if r.code in codes]


def _prose(doc: Document) -> list[int]:
    return [i for i, b in enumerate(doc.blocks)
            if b.kind is BlockKind.PARAGRAPH and b.lang == "zh" and b.numbering is None and len(b.text) >= 40
            and "\n" not in b.text and not b.text.lstrip().startswith(("**", "__"))]


def _first_word(t: str) -> int:
    words = zh_words()
    return next((k for k in (5, 4, 3, 2) if t[:k] in words), 1)


def _inside_word(t: str, n: int) -> bool:
    """Does a cut after ``t[:n]`` fall inside a word? It does when the first word is
    longer than the cut, unless the lexicon's word is a compound of two words the cut
    parts (大力发展 -> 发展…, 全面落实 -> 落实…: what is left opens with a whole word)."""
    words = zh_words()
    if _first_word(t) <= n:
        return False
    return not (n >= 2 and t[:n] in words and _first_word(t[n:]) >= 2)


def _lost(doc: Document, rng: random.Random, n: int, inside_word: bool = True):
    """Cut the first n characters; with ``inside_word`` only where the cut falls inside
    the paragraph's first word (a cut at a word boundary leaves a sentence that reads
    as complete, which no evidence from the language can tell from an intact one)."""
    cand = [i for i in _prose(doc) if i > 0 and ends_sentence(doc.blocks[i - 1].text)
            and all(is_han(c) for c in doc.blocks[i].text[:n + 2])
            and (not inside_word or _inside_word(doc.blocks[i].text, n))]
    if not cand:
        return None
    b = doc.blocks[rng.choice(cand)]
    return b.start, b.start + n, "", b.start


def _number_split(doc: Document, rng: random.Random):
    spots = [(b, m) for i in _prose(doc) for b in [doc.blocks[i]] for m in _UNIT.finditer(b.text)
             if m.end() > 10 and m.end() < len(b.text) - 5]
    if not spots:
        return None
    b, m = rng.choice(spots)
    at = b.start + m.end()
    return at, at, "\n\n", at


def _run_in_heading(doc: Document, rng: random.Random):
    cand = [i for i, h in enumerate(doc.blocks) if i > 0 and h.numbering is not None and h.lang == "zh"
            and doc.blocks[i - 1].kind is BlockKind.PARAGRAPH and doc.blocks[i - 1].numbering is None
            and doc.text[doc.blocks[i - 1].end - 1:doc.blocks[i - 1].end] in "。！？"
            and not re.search(r"[。！？；]", h.text.strip("*_ 。"))]
    if not cand:
        return None
    i = rng.choice(cand)
    a, h = doc.blocks[i - 1], doc.blocks[i]
    heading = h.text.strip().strip("*_").strip()
    return a.end, h.end, heading, a.end


def _mojibake(doc: Document, rng: random.Random):
    spots = []
    for i in _prose(doc):
        b = doc.blocks[i]
        for m in re.finditer(r"[\u4e00-\u9fff]{4,}", b.text):
            spots.append((b.start + m.start(), m.group(0)))
    if not spots:
        return None
    at, run = rng.choice(spots)
    k = rng.randint(3, min(8, len(run)))
    s = at + rng.randint(0, len(run) - k)
    piece = doc.text[s:s + k]
    raw = piece.encode("utf-8")
    how = rng.choice(("gbk", "gbk-lossy", "latin-1", "cp1252"))
    if how == "gbk":
        bad = raw.decode("gbk", errors="replace")
    elif how == "gbk-lossy":
        bad = raw.decode("gbk", errors="replace").replace("\ufffd", "?")
    else:
        bad = raw.decode(how, errors="replace")
    return s, s + k, bad, s


def _radicals(doc: Document, rng: random.Random):
    spots = []
    for i in _prose(doc):
        b = doc.blocks[i]
        hits = [k for k, c in enumerate(b.text) if c in _TO_RADICAL]
        if hits:
            spots.append((b, hits))
    if not spots:
        return None
    b, hits = rng.choice(spots)
    k0 = rng.choice(hits)
    span = b.text[k0:k0 + rng.randint(1, 60)]
    new = "".join(_TO_RADICAL.get(c, c) for c in span)
    return b.start + k0, b.start + k0 + len(span), new, b.start + k0


def _han_gaps(doc: Document) -> list[int]:
    """Offsets between two Han characters inside prose, away from the paragraph's ends."""
    spots = []
    for i in _prose(doc):
        b = doc.blocks[i]
        spots += [b.start + k for k in range(8, len(b.text) - 8) if is_han(b.text[k - 1]) and is_han(b.text[k])]
    return spots


def _page_number(doc: Document, rng: random.Random):
    spots = _han_gaps(doc)
    if not spots:
        return None
    at = rng.choice(spots)
    n = rng.randint(2, 60)
    title = rng.choice(_TITLES).format(year=rng.randint(2000, 2024), city=rng.choice(("本市", "全市")))
    form = rng.choice((f"— {n} —", f"- {n} -", f"—{n}—", f"第 {n} 页", f"第{n}页 共{n + 20}页",
                       f"{title} — {n} —", f"{title} 第 {n} 页", f"{title}  {n}"))
    sep = rng.choice(("", " ", "\n"))
    return at, at, f"{sep}{form}{sep}", at


def _running_header(doc: Document, rng: random.Random):
    first = next((ln.strip().strip("#*_ ") for ln in doc.text.splitlines() if ln.strip()), "")
    if not re.fullmatch(r"(?:(?:19|20)[0-9]{2}年)?[\u4e00-\u9fff]{0,8}(?:报告|公报|讲话|纲要|规划)", first):
        return None
    spots = _han_gaps(doc)
    if not spots:
        return None
    at = rng.choice(spots)
    sep = rng.choice(("\n", "\n\n"))
    return at, at, f"{sep}{first}{sep}", at


def _repeat(doc: Document, rng: random.Random):
    body_start = doc.blocks[0].start if doc.blocks else 0
    body = doc.text[body_start:].rstrip()
    k = rng.randint(2, 6)
    if rng.random() < 0.5:
        body = re.sub(r"\n\s*\n", "", body)
    end = len(doc.text)
    return end, end, "\n\n" + "\n\n".join([body] * (k - 1)) + "\n", end + 2


DAMAGE = {"lost-1": lambda d, r: _lost(d, r, 1), "lost-2": lambda d, r: _lost(d, r, 2),
          "lost-1-any": lambda d, r: _lost(d, r, 1, False), "lost-2-any": lambda d, r: _lost(d, r, 2, False),
          "number-split": _number_split, "run-in-heading": _run_in_heading, "mojibake": _mojibake,
          "radicals": _radicals, "page-number": _page_number, "running-header": _running_header,
          "repeat": _repeat}


JUDGED = Path(__file__).with_name("damage-base-judgments.jsonl")


@functools.cache
def _judged_real() -> frozenset[tuple[str, str, str]]:
    """Findings on the undamaged reports that were read and found to be real damage the
    published report carries (a report that lost paragraph heads throughout): they are
    no false alarms. One JSON line each: file, code, fingerprint, verdict ("T")."""
    if not JUDGED.exists():
        return frozenset()
    rows = [json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return frozenset((r["file"], r["code"], r["fingerprint"]) for r in rows if r["verdict"] == "T")


def run_one(path: Path, seed: int, trials: int, verbose: bool, kinds: tuple[str, ...] = KINDS) -> dict:
    text = path.read_text(encoding="utf-8")
    rules = _rules(set().union(*(EXPECT[k] for k in kinds)))
    base = lint_text(text, str(path), rules).diagnostics
    real = _judged_real()
    res = {"chars": len(text), "base": Counter(d.code for d in base),
           "false": Counter(d.code for d in base if (path.name, d.code, d.fingerprint_text) not in real),
           "total": Counter(), "hit": Counter(),
           "other": Counter(), "log": [f"BASE{'*' if (path.name, d.code, d.fingerprint_text) in real else ''} {d.code} {path.name} "
                                       f"{d.fingerprint_text!r}: {text[max(0, d.start - 12):d.end + 12]!r}"
                                       for d in base] if verbose else []}
    base_keys = Counter((d.code, d.fingerprint_text) for d in base)
    doc = Document(text, str(path))
    for kind in kinds:
        for t in range(trials):
            rng = random.Random(f"{seed}-{kind}-{t}")
            damage = DAMAGE[kind](doc, rng)
            if damage is None:
                continue
            s, e, new, at = damage
            bad = text[:s] + new + text[e:]
            diags = lint_text(bad, str(path), rules).diagnostics
            res["total"][kind] += 1
            near = [d for d in diags if d.code in EXPECT[kind] and d.start - WINDOW <= at <= d.end + WINDOW]
            if near:
                res["hit"][kind] += 1
            elif verbose:
                res["log"].append(f"MISS {kind} {path.name}: {bad[max(0, at - 15):at]!r}|{bad[at:at + 25]!r}")
            keys = base_keys.copy()
            for d in diags:
                if d in near or (d.start - WINDOW <= at + len(new) and d.end + WINDOW >= at):
                    continue
                if keys[(d.code, d.fingerprint_text)] > 0:
                    keys[(d.code, d.fingerprint_text)] -= 1
                    continue
                res["other"][kind] += 1
                if verbose:
                    res["log"].append(f"OTHER {kind} {d.code} {path.name}: {bad[max(0, d.start - 12):d.end + 12]!r}")
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bases", default="/work/shared/devset-large/clean")
    ap.add_argument("--sample", type=int, default=0, help="how many bases (0: all Chinese ones)")
    ap.add_argument("--trials", type=int, default=3, help="defects of each kind per base")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated kinds to run")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    files = [p for p in sorted(Path(a.bases).glob("*.txt")) if Document(p.read_text(encoding="utf-8")).language == "zh"]
    if a.sample:
        files = random.Random(a.seed).sample(files, min(a.sample, len(files)))
    kinds = tuple(k for k in a.kinds.split(",") if k in EXPECT)
    results = [run_one(p, a.seed * 1000 + n, a.trials, a.v, kinds) for n, p in enumerate(files)]
    chars = sum(r["chars"] for r in results)
    base: Counter[str] = sum((r["base"] for r in results), Counter())
    print(f"{len(files)} undamaged Chinese reports, {chars} characters")
    false: Counter[str] = sum((r["false"] for r in results), Counter())
    print(f"{'kind':16}{'n':>5}{'recall':>8}{'codes':>16}{'alarms/100k':>13}{'false/100k':>12}{'other on copies':>17}")
    for kind in kinds:
        n = sum(r["total"][kind] for r in results)
        hit = sum(r["hit"][kind] for r in results)
        other = sum(r["other"][kind] for r in results)
        alarms = sum(base[c] for c in EXPECT[kind]) / chars * 1e5
        wrong = sum(false[c] for c in EXPECT[kind]) / chars * 1e5
        print(f"{kind:16}{n:5d}{hit / max(n, 1):8.3f}{'/'.join(sorted(EXPECT[kind])):>16}{alarms:13.2f}{wrong:12.2f}{other:17d}")
    print("findings on the undamaged reports: " + ", ".join(f"{c} {n}" for c, n in sorted(base.items())))
    if a.v:
        for r in results:
            for line in r["log"]:  # BASE lines marked * are judged real damage
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
