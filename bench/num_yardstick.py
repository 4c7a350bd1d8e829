"""Synthetic yardstick for NUM001: restate figures of real reports and count.

Takes a sample of real reports (Markdown with front matter) and the clean reports,
picks clauses that state a metric with a value (``进出口总额增长18%``, ``spending on
machinery and equipment grew by 13%``), and restates each one later in the same
section, appended to another paragraph (with or without a lead-in such as 数据显示,
sometimes as a sub-clause of that paragraph's last sentence): once with a changed
value (a contradiction, which must be found) and once with the same or an agreeing
approximate value (a consistent restatement, which must not be). Prints recall per
kind of restatement, false alarms on the consistent restatements, and findings that
appear elsewhere once the text is changed.

Kinds: ``zh-explicit`` (the clause names its subject), ``zh-implied`` (the subject
came earlier in the sentence: ``五年年均增长13%``), ``en-verbatim``, ``en-reworded``
(the front of the clause dropped or its verb changed).

    python bench/num_yardstick.py --corpus /tmp/corpus/政府工作报告-主要城市 \
        --clean ../shared/corpus/clean --sample 200 --trials 3 [--seed 7] [-v] [--debug]

``--debug`` prints the keys of the restated figure and of its source for every miss
and false alarm. To measure an older version, put a copy of its ``lint/`` (as
``reportlint/``, with ``rules/`` inside it) first on ``PYTHONPATH``: the insertions
depend only on the seed, so the two runs restate the same figures.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from reportlint.document import Document
from reportlint.rules.numeric import NumericContradiction

try:
    from reportlint.rules.numeric.memo import facts_of
except ImportError:  # a version before the typed fact model: its facts hang on the document
    def facts_of(doc: Document) -> list:  # type: ignore[misc]
        return doc.quantities  # type: ignore[attr-defined]
from reportlint.runner import lint_text

RULES = [(NumericContradiction, dict(NumericContradiction.options))]

_ZH_CLAUSE = re.compile(
    r"^(?P<pre>[^\d，。；：]*?)(?P<num>\d+(?:\.\d+)?)(?P<unit>%|亿元|万元|万人|万吨|公里|万平方米|亿美元|个百分点|万户|万亩|万辆)"
    r"(?P<post>以上|左右)?$"
)
_ZH_VERB = re.compile(r"(增长|下降|达到|达|为|突破|超过|提高|降低|完成|实现|增加|减少)$")
_ZH_LEADS = ("数据显示，", "据统计，", "全年", "", "总体看，", "其中，")
_EN_CLAUSE = re.compile(
    r"(?<![\w'’])(?P<pre>(?:[A-Za-z][\w'-]*\s+){3,14}?)(?P<approx>(?:about|around|more than|nearly)\s+)?(?P<cur>\$)?(?P<num>\d+(?:\.\d+)?)"
    r"(?P<unit>%| per cent| percent| billion| million)(?P<unit2> billion| million)?"
)
_EN_LEADS = ("As noted above, ", "To recap, ", "Overall, ", "", "In short, ")
_EN_SYNONYMS = {"grew": "rose", "rose": "increased", "increased": "grew", "fell": "declined", "declined": "fell",
                "dropped": "fell", "was": "stood at", "reached": "hit"}


def _decimals(num: str) -> int:
    return len(num.split(".", 1)[1]) if "." in num else 0


def _fmt(v: float, d: int) -> str:
    return f"{v:.{d}f}"


def _changed(num: str, post: str, rng: random.Random) -> str:
    """A value that cannot agree with ``num`` (and its approximator), within a factor of 2."""
    v, d = float(num), _decimals(num)
    step = 10.0 ** -d
    for _ in range(20):
        r = rng.uniform(0.15, 0.45)  # a misstated figure, not another scope (the rule skips values 2x apart)
        down = post == "以上" or (post != "左右" and rng.random() < 0.5)
        new = v * (1 - r) if down else v * (1 + r)
        new = round(new, d)
        if new <= 0 or abs(new - v) < max(3 * step, 0.12 * v):
            continue
        return _fmt(new, d)
    return _fmt(v * 1.5 + 1, d)


def _agreeing_zh(num: str, unit: str, post: str, rng: random.Random) -> str:
    """The same value, or an approximation of it that agrees (超13%, 近3000亿元, 约13%)."""
    if post or rng.random() < 0.4:
        return num + unit + post
    v = float(num)
    if v < 10:
        return num + unit
    place = 10 ** (len(str(int(v))) - 1) if v >= 100 else 1
    low, high = int(v // place) * place, int(-(-v // place)) * place
    choice = rng.choice(("超", "近", "约", "左右"))
    if choice == "超" and low > 0:
        return f"超{low}{unit}"
    if choice == "近" and high != low:
        return f"近{high}{unit}"
    if choice == "约":
        return f"约{round(v)}{unit}"
    return f"{round(v)}{unit}左右"


def _sections(doc: Document) -> list[list[int]]:
    """Runs of prose paragraphs between headings (block indexes)."""
    runs: list[list[int]] = [[]]
    for i, b in enumerate(doc.blocks):
        if b.kind.value == "heading":
            runs.append([])
        elif b.kind.value == "paragraph" and b.text.rstrip().endswith(("。", ".")) and "\n" not in b.text.strip():
            runs[-1].append(i)
    return [r for r in runs if len(r) >= 2]


def _zh_sources(doc: Document, para: int) -> list[tuple[str, str, str]]:
    """(kind, clause, restated clause with a hole for the value) of one paragraph."""
    text = doc.blocks[para].text
    out = []
    for sent in re.split(r"(?<=[。；])", text):
        clauses = re.split(r"[，]", sent.rstrip("。；"))
        for ci, c in enumerate(clauses):
            c = c.strip().strip("*")
            m = _ZH_CLAUSE.match(c)
            if not m:
                continue
            pre = m.group("pre")
            head = _ZH_VERB.sub("", pre)
            han = len(re.findall(r"[\u4e00-\u9fff]", head))
            if re.search(r"[其该这此]|分别|(?<![年平])均", pre) or "、" in pre or re.search(r"\d", c[:m.start("num")]):
                continue
            if ci > 0 and not _ZH_VERB.search(pre):
                continue
            if (han >= 4 and ci == 0) or (han >= 4 and ci > 0 and not re.match(r"^(年均|五年|累计|同比)", head)):
                out.append(("zh-explicit", c, m))
            elif ci > 0 and 2 <= han <= 4 and re.match(r"^(?:五年)?(?:年均|累计|平均)", head):
                out.append(("zh-implied", c, m))
    return out  # type: ignore[return-value]


def _en_sources(doc: Document, para: int) -> list[tuple[str, str, re.Match[str]]]:
    text = doc.blocks[para].text
    out = []
    for sent in re.split(r"(?<=[.;])\s+", text):
        for m in _EN_CLAUSE.finditer(sent):
            pre = m.group("pre")
            if re.search(r"\d|,", pre) or len(pre.split()) < 4:
                continue
            out.append(("en", m.group(0), m))
    return out


def _restate(kind: str, m: re.Match[str], value: str | None, rng: random.Random, consistent: bool) -> tuple[str, str]:
    """The restated clause and its kind."""
    if kind.startswith("zh"):
        num, unit, post = m.group("num"), m.group("unit"), m.group("post") or ""
        amount = _agreeing_zh(num, unit, post, rng) if consistent else _changed(num, post, rng) + unit + post
        pre = m.group("pre")
        return pre + amount, kind
    pre = m.group("pre")
    words = pre.split()
    reworded = rng.random() < 0.5
    if reworded:  # the verb changed, or the front of the clause (an article, a conjunction) dropped or added
        swap = [i for i, w in enumerate(words) if w.lower() in _EN_SYNONYMS]
        if swap:
            i = swap[-1]
            words[i] = _EN_SYNONYMS[words[i].lower()]
        elif words[0].lower() in ("the", "this", "and", "but", "which", "that", "our", "its", "so"):
            words = words[1:]
        else:
            words = ["the" if rng.random() < 0.5 else "also", *words]
    num = m.group("num")
    approx = m.group("approx") or ""
    value = num if consistent else _changed(num, "以上" if approx.startswith("more") else "", rng)
    tail = (m.group("cur") or "") + value + m.group("unit") + (m.group("unit2") or "")
    return " ".join(words) + " " + approx + tail, "en-reworded" if reworded else "en-verbatim"


def _candidates(doc: Document, rng: random.Random) -> list:
    """(run, position, paragraph, source) of every restatable clause, shuffled, one kind
    of source first so that every kind is restated equally often."""
    cands = []
    for run in _sections(doc):
        for k, para in enumerate(run[:-1]):
            b = doc.blocks[para]
            srcs = _zh_sources(doc, para) if b.lang == "zh" else _en_sources(doc, para)
            for s in srcs:
                cands.append((run, k, para, s))
    rng.shuffle(cands)
    by_kind: dict[str, list] = {}
    for c in cands:
        by_kind.setdefault(c[3][0], []).append(c)
    if by_kind:  # every kind of source equally often, then the rest as fallback
        first = by_kind[rng.choice(sorted(by_kind))]
        cands = first + [c for c in cands if c not in first]
    return cands


def _insertion(kind: str, restated: str, rkind: str, body: str, start: int,
               rng: random.Random) -> tuple[str, int, int, str]:
    """(text to insert, where, offset of the restatement in it, kind): appended to the
    paragraph with a lead-in, or as a sub-clause of its last sentence."""
    end = start + len(body)
    if kind.startswith("zh"):
        lead = rng.choice(_ZH_LEADS)
        if rng.random() < 0.3 and body.endswith("。"):
            return "，" + restated + "。", end - 1, 1, rkind + "/sub"  # a sub-clause of the last sentence
        return lead + restated + "。", end, len(lead), rkind
    lead = rng.choice(_EN_LEADS)
    r = restated[0].upper() + restated[1:] if not lead else restated
    return " " + lead + r + ".", end, 1 + len(lead), rkind


def corrupt(text: str, seed: int) -> tuple[str, list[tuple[str, str, int, int, int, int]]]:
    """Insert one contradiction and one consistent restatement; returns the text and
    (kind, label, start, end, source start, source end) of each insertion."""
    rng = random.Random(seed)
    doc = Document(text, "t.md")
    cands = _candidates(doc, rng)
    inserts: list[tuple[int, str, str, str, int, int]] = []  # (target offset, insertion, kind, label, src span)
    used_paras: set[int] = set()
    used_clauses: set[str] = set()  # the two restatements never restate one figure
    for label in ("contradiction", "consistent"):
        for run, k, para, (kind, clause, m) in cands:
            later = [p for p in run[k + 1: k + 9] if p not in used_paras and p != para]
            if not later or para in used_paras or clause in used_clauses:
                continue
            target = rng.choice(later)
            tb = doc.blocks[target]
            if tb.lang != doc.blocks[para].lang:
                continue
            restated, rkind = _restate(kind, m, None, rng, label == "consistent")
            ins, at, s_off, rkind = _insertion(kind, restated, rkind, tb.text.rstrip(), tb.start, rng)
            src = doc.blocks[para].start
            inserts.append((at, ins, rkind, label, s_off, src))
            used_paras.update({para, target})
            used_clauses.add(clause)
            break
    inserts.sort()
    out, pos, shift, found = [], 0, 0, []
    for at, ins, rkind, label, s_off, src in inserts:
        out.append(text[pos:at])
        out.append(ins)
        pos = at
        found.append((rkind, label, at + shift + s_off, at + shift + len(ins) - 1, src, shift))
        shift += len(ins)
    out.append(text[pos:])
    return "".join(out), [(k, lab, s, e, src, sh) for k, lab, s, e, src, sh in found]


def _spans(d) -> list[tuple[int, int]]:
    return [(d.start, d.end)] + [(r.start, r.end) for r in d.related]


def _hit(d, s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in _spans(d))


DEBUG = False


def _keys(text: str, path: str, s: int, e: int, src: int) -> list[str]:
    """Keys of the restated quantity and of the source paragraph's quantities with its kind and family."""
    doc = Document(text, path)
    qs = [q for q in facts_of(doc) if q.start < e and s < q.end]
    out = [f"    new {q.text!r} key={q.key} enum={q.enum_key}" for q in qs]
    fam = {q.family for q in qs}
    for q in facts_of(doc):
        if q.block >= 0 and doc.blocks[q.block].start == src and q.family in fam:
            out.append(f"    src {q.text!r} key={q.key}")
    return out


def run_one(args: tuple[str, str, int]) -> tuple[Counter, list[str]]:
    path, text, seed = args
    counts: Counter = Counter()
    notes: list[str] = []
    base = lint_text(text, path, RULES).diagnostics
    base_msgs = Counter(re.sub(r"line \d+", "", d.message) for d in base)
    new, inserts = corrupt(text, seed)
    if not inserts:
        return counts, notes
    diags = lint_text(new, path, RULES).diagnostics
    claimed = set()
    for kind, label, s, e, _src, _sh in inserts:
        hits = [d for d in diags if _hit(d, s, e)]
        claimed.update(id(d) for d in hits)
        counts[(kind, label, "n")] += 1
        if hits:
            counts[(kind, label, "flagged")] += 1
        if (label == "contradiction") != bool(hits):
            notes.append(f"{'MISS' if label == 'contradiction' else 'FP'} {kind} {path}: {new[max(0, s - 30):e + 1]!r}")
            if DEBUG:
                notes.extend(_keys(new, path, s, e, _src))
    after = Counter(re.sub(r"line \d+", "", d.message) for d in diags if id(d) not in claimed)
    counts[("elsewhere", "new", "n")] += sum((after - base_msgs).values())
    return counts, notes


def _set_debug(flag: bool) -> None:
    global DEBUG
    DEBUG = flag


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/corpus/政府工作报告-主要城市"))
    ap.add_argument("--clean", type=Path, default=Path("/work/shared/corpus/clean"))
    ap.add_argument("--sample", type=int, default=80)
    ap.add_argument("--trials", type=int, default=3)
    ap.add_argument("--en-trials", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--debug", action="store_true", help="print the keys of every miss and false alarm")
    a = ap.parse_args()
    global DEBUG
    DEBUG = a.debug
    rng = random.Random(a.seed)
    real = sorted(a.corpus.rglob("*.md")) if a.corpus.is_dir() else []
    picked = rng.sample(real, min(a.sample, len(real))) if real else []
    jobs = []
    for p in picked + sorted(a.clean.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        lang = Document(text, str(p)).language
        n = a.en_trials if lang == "en" else a.trials
        jobs.extend((str(p), text, a.seed * 1000 + t) for t in range(n))
    total: Counter = Counter()
    notes: list[str] = []
    with ProcessPoolExecutor(2, initializer=_set_debug, initargs=(a.debug,)) as ex:
        for c, nt in ex.map(run_one, jobs, chunksize=4):
            total.update(c)
            notes.extend(nt)
    kinds = sorted({k for k, lab, _ in total if k != "elsewhere"})
    print(f"{'kind':22} {'contradictions':>15} {'recall':>7} {'consistent':>11} {'false alarms':>13}")
    for k in kinds:
        cn, cf = total[(k, "contradiction", "n")], total[(k, "contradiction", "flagged")]
        sn, sf = total[(k, "consistent", "n")], total[(k, "consistent", "flagged")]
        print(f"{k:22} {cn:>15} {cf / cn if cn else 0:>7.2f} {sn:>11} {sf:>13}")
    cn = sum(total[(k, "contradiction", "n")] for k in kinds)
    cf = sum(total[(k, "contradiction", "flagged")] for k in kinds)
    sn = sum(total[(k, "consistent", "n")] for k in kinds)
    sf = sum(total[(k, "consistent", "flagged")] for k in kinds)
    print(f"{'all':22} {cn:>15} {cf / cn if cn else 0:>7.2f} {sn:>11} {sf:>13}")
    print(f"new findings elsewhere in the changed texts: {total[('elsewhere', 'new', 'n')]}")
    if a.v:
        print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
