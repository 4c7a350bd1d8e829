"""Numeric contradictions: one figure stated two ways, and arithmetic that cannot hold.

Built on the facts of :mod:`.facts` (extracted by :mod:`.extract`): every number
with its unit family, the interval of values its wording allows, and a typed metric
key (subject, aspect, qualifier, unit family, period, scope). Two mentions are compared
only when their keys are equal, so every uncertainty about what a number measures
makes the rule quieter, never noisier.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.diagnostic import Diagnostic, Related, Severity
from reportlint.rule import Rule

from .facts import EnumKey, Fact, Key, Scope
from .memo import claims_of, copied_blocks, facts_of

if TYPE_CHECKING:
    from reportlint.document import Document

_KEY_HELP = """\
How keys are formed. Each number becomes a quantity with an interval: the precision
of the written number widens it (4千亿元 allows 3500亿-4500亿, 4022.25亿元 allows
4022.245亿-4022.255亿); 超, 超过, 突破, 以上, 多, 余, more than, over give a lower bound
(from the value up to one step of its last non-zero digit), 近, 接近, nearly an upper
bound just below the value, 以内, 控制在, 不到, 低于, under a ceiling (any value below
it), 约, 左右, about a twentieth of an amount or half a point of a rate. Units convert within a family (元/万元/亿元,
亩/万亩, 公里/km) and never across (% is not 个百分点).
The key of a quantity joins: the subject phrase before its verb, with lead-ins such
as 全年, 全市, 力争 dropped (a lead-in clause of its own, 数据显示，, is no part of it) and scope words kept (农村居民 is not
居民, 规上工业 is not 工业); a clause without a subject borrows the previous subject
of its sentence; a zone named in the sentence, in a short topic sentence or in the
sub-heading (滇中新区, 县域, 自贸试验区) is put in front of the subject; the kind
(增长/下降 -> growth, 达/为 -> level, 排/居 第N -> rank with its scope, 占…比重 -> share);
the unit family; and the period: actual or target (from headings such as
2023年工作回顾 / 2024年工作安排, a plan paragraph opening with 今年, words such as
力争, 预期, 目标是, expect, and 过去一年 told inside the plan), the year, and the
sub-period (一季度, 上半年, 前三季度, 过去五年, 十三五). A span of years ends in a year
(过去五年: the year before the report; 十三五: 2020), and a level reached over it (五年
来…里程达到318公里) is compared as that year's level; annual averages (年均) and
cumulative changes (累计) are compared as figures of the span whatever it is called;
sums (新增, 新建) and changes told of a span keep it. Values after 分别 are matched to
their subjects in order; when the counts differ they are compared only with the same
enumeration. A sentence whose figure has no subject of its own, after nothing but
short lead-in clauses (数据显示，比年初增长2.7%), and that does not go on from the
sentence before (a topic sentence, a level whose change it could be) is compared with
the one clause of the document that says the same words (…存款余额3120.6亿元，比年初
增长6.3%), never when two clauses with other values end with those words. In English the key is the last three content words of the clause
before the number and the word that ties them to it (rose/grew/increased are one
verb, lead words such as also, the, overall are dropped); the clause must be long
enough to be specific. No key at all for a subject that is a pronoun, too
generic (增长, 总量, 年均 alone), relative to something said elsewhere (税收, 总投资,
全长, 办结率 of which park, project or road?), a threshold (1亿元以上项目) or a title
(8个项目：). Two mentions of one key are still not compared when they stand in the same
paragraph (a paragraph listing 竣工290个 … 竣工65个 is about different things), when
their values are more than max_ratio apart (a five-year total vs one year, a zone vs
the city), or when they are growth rates of levels that far apart.
`reportlint --show-facts FILE` lists every quantity with its key, interval and period.
"""


def _line(doc: Document, offset: int) -> int:
    return doc.position(offset)[0]


def _span_start(q: Fact) -> int:
    if 0 <= q.subject_start <= q.start and q.start - q.subject_start <= 40:
        return q.subject_start
    return q.start


def _comparable(a: Fact, b: Fact) -> bool:
    """Two mentions of one key that could be a restatement of one figure.

    Not: two values in one paragraph (a paragraph that lists 竣工290个 … 竣工65个 is
    about different things); values more than ``max_ratio`` apart (a five-year total
    vs a year's, a zone vs the city); two bounds in different words (控制在3%以内 and
    低于4% can both hold).
    """
    if a.block == b.block and a.block >= 0:
        return False
    if a.approx and b.approx and a.approx != b.approx and a.approx != "range" and b.approx != "range":
        if _direction(a.approx) == _direction(b.approx) != "tol":
            return False
    return _suffix_compatible(a, b)


_COUNTS = ("household", "person")


def _levels_by_sentence(qs: Iterable[Fact]) -> dict[tuple[int, str], Fact]:
    """The level stated in a sentence for a subject (地区生产总值7856.56亿元、增长7.4%)."""
    out: dict[tuple[int, str], Fact] = {}
    for q in qs:
        if q.kind == "level" and q.subject and q.sentence >= 0:
            out.setdefault((q.sentence, q.subject), q)
    return out


def _other_entity(a: Fact, b: Fact, levels: Mapping[tuple[int, str], Fact], max_ratio: float) -> bool:
    """Two growth rates whose sentences give levels far apart measure different things."""
    la, lb = levels.get((a.sentence, a.subject or "")), levels.get((b.sentence, b.subject or ""))
    if la is None or lb is None:
        return False
    same_family = la.family == lb.family or all(x.family.startswith("count") or x.family in _COUNTS for x in (la, lb))
    return same_family and _far_apart(la, lb, max_ratio)


def _same_enumeration(a: Fact, b: Fact) -> bool:
    """Two lists with the same last item are one enumeration when they list the same items,
    or when one of them is a lone item left before 分别 (据统计，净利润分别增长25.3%)."""
    if a.enum_items == b.enum_items:
        return True
    return any("、" not in x.enum_items and x.enum_size == 1 for x in (a, b))


def _direction(word: str) -> str:
    from .extract import bound_direction  # the extractor loads when a numeric rule first runs

    return bound_direction(word)


def _far_apart(a: Fact, b: Fact, max_ratio: float) -> bool:
    x, y = abs(a.value), abs(b.value)
    if x == 0 or y == 0 or (a.value > 0) != (b.value > 0):
        return False
    return max(x, y) / min(x, y) > max_ratio


def _suffix_compatible(a: Fact, b: Fact) -> bool:
    """English restatements may drop what follows the number, but not change it."""
    if a.lang != "en" or not a.suffix or not b.suffix:
        return True
    return a.suffix.split()[0] == b.suffix.split()[0]


_WORDING_MIN, _WORDING_MAX = 4, 16


def _orphan_pairs(qs: Iterable[Fact]) -> Iterator[tuple[Fact, Fact]]:
    """(orphan, the clause it restates): a sentence that is only a subjectless clause
    (数据显示，比年初增长2.7%) restates the clause elsewhere that says the same words
    (…储蓄存款余额5806.94亿元，比年初增长3.7%), when that clause is the only figure of
    the document whose words end that way: a second one (存款余额…比年初增长12%, 贷款
    余额…比年初增长9%) leaves the orphan's subject open. Clauses that say exactly the
    orphan's words (五年年均增长) are its candidates first; without one, a span named in
    the words does not tell apart the clauses that end like it (…，年均增长8%)."""
    from .extract import frame_core, frame_words  # the extractor loads when a numeric rule first runs

    qs = list(qs)
    orphans = [q for q in qs if q.orphan is not None and q.period.known]
    if not orphans:
        return
    # the words each orphan looks for, and their lengths: only those tails are indexed
    lookups: list[tuple[Fact, str]] = []
    for q in orphans:
        core = frame_core(q.orphan or "") if q.lang == "zh" else ""
        lookups.append((q, core if len(core) >= _WORDING_MIN else (q.orphan or "")))
    wanted = {(w, q.kind, q.family) for q, w in lookups}
    lengths = {len(w) for _, w in lookups}
    index: dict[tuple[object, ...], list[Fact]] = defaultdict(list)
    framed: dict[int, str] = {}
    for q in qs:
        if q.wording is None:
            continue
        if q.lang != "zh":  # English words are matched whole (they have been cut from)
            framed[id(q)] = q.wording
            if (q.wording, q.kind, q.family) in wanted:
                index[(q.wording, q.kind, q.family)].append(q)
            continue
        words = framed[id(q)] = frame_words(q.wording)
        tails = {w[-n:] for w in (words, frame_core(words)) for n in lengths if n <= len(w)}
        for tail in tails:
            if (tail, q.kind, q.family) in wanted:
                index[(tail, q.kind, q.family)].append(q)
    for q, lookup in lookups:
        found = [p for p in index.get((lookup, q.kind, q.family), []) if p.block != q.block]
        same = [p for p in found if framed[id(p)] == q.orphan]
        found = same or found  # the clauses that say exactly its words, else all that end like it
        if found and all((p.low, p.high) == (found[0].low, found[0].high) for p in found) \
                and (found[0].orphan is None or found[0].start < q.start):  # two orphans: the later one is told
            yield q, found[0]


def _other_range(a: Fact, b: Fact) -> bool:
    """Two ranges (3 to 4 million, 3 to 5 million) claim both their ends: restated with
    another end they disagree, although they overlap."""
    if a.approx != "range" or b.approx != "range":
        return False
    tol = 1e-6 * max(abs(a.low), abs(a.high), abs(b.low), abs(b.high), 1.0)
    return abs(a.low - b.low) > tol or abs(a.high - b.high) > tol


def _another_figure(q: Fact, conflicts: list[Fact], levels: Mapping[tuple[int, str], Fact], max_ratio: float) -> bool:
    """Values too far apart to be one figure misstated (a different scope), or growth
    rates of levels that far apart (the growth of 1000亿 is not the growth of 7856亿)."""
    if any(_far_apart(p, q, max_ratio) for p in conflicts):
        return True
    return q.kind == "growth" and any(_other_entity(p, q, levels, max_ratio) for p in conflicts)


def _conflicts(members: list[Fact], is_enum: bool, levels: Mapping[tuple[int, str], Fact],
               max_ratio: float) -> Iterator[tuple[Fact, list[Fact]]]:
    """(mention, earlier mentions it cannot agree with) among the mentions of one key.

    A figure restated many times must not make the pool, and so the comparisons, grow
    with every copy: two mentions (from two paragraphs, so one is always comparable) of
    each distinct value are kept."""
    pool: list[Fact] = []
    kept: dict[tuple[float, float, str, str], list[int]] = defaultdict(list)
    for q in members:
        comparable = [p for p in pool if p.end <= q.start and _comparable(p, q)
                      and (not is_enum or _same_enumeration(p, q))]
        conflicts = [p for p in comparable if not p.overlaps(q) or _other_range(p, q)]
        if conflicts and _another_figure(q, conflicts, levels, max_ratio):
            continue
        if conflicts and len(conflicts) == len(comparable):
            yield q, conflicts
            continue
        blocks = kept[(q.low, q.high, q.approx or "", q.text)]
        if len(blocks) < 2 and q.block not in blocks:
            blocks.append(q.block)
            pool.append(q)


def _add_parts(facts: Iterable[Fact], keys: Mapping[int, Key], groups: dict[Key | EnumKey, list[Fact]]) -> None:
    """A part (其中，民营工业增长10.6%) whose sentence does not name its whole is the part of
    the one whole the document gives it (规上工业增加值…，其中民营工业增长8.3%): compared
    under that key too, when there is exactly one."""
    wholes: dict[Key, list[Key]] = defaultdict(list)
    for key in groups:
        if isinstance(key, Key) and key.scope.zone:
            wholes[key._replace(scope=Scope())].append(key)
    if not wholes:
        return
    for q in facts:
        key = keys.get(id(q))
        if q.part and key is not None and not key.scope.zone and len(wholes.get(key, ())) == 1:
            members = groups[wholes[key][0]]
            members.append(q)
            members.sort(key=lambda f: f.start)


class NumericContradiction(Rule):
    code = "NUM001"
    name = "numeric-contradiction"
    category = "numeric"
    severity = Severity.ERROR
    summary = "the same figure is stated with two values that cannot both be true"
    explanation = (
        """\
A report that gives one figure two values loses its readers' trust. The rule keys
every number by what it measures and reports a later mention whose value cannot
agree with an earlier one of the same key; the earlier mention is related.

Wrong:  地区生产总值增长6.5%…… 数据显示，地区生产总值增长6.8%。
Right:  地区生产总值增长6.5%…… 数据显示，地区生产总值增长6.5%。

Not reported (they agree): 4022.25亿元 and 迈上4千亿元; 近300亿 and 297亿;
增长18%以上 and 增长18%. Not compared (different keys): 居民 vs 农村居民人均可支配
收入; a 2023 result vs the 2024 target; GDP rank by total vs rank by growth; 一季度
vs 上半年 growth.

"""
        + _KEY_HELP
    )
    options: Mapping[str, Any] = {"max_related": 3, "max_ratio": 2.0}

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        max_related = int(options.get("max_related", 3))
        max_ratio = float(options.get("max_ratio", 2.0))
        facts = claims_of(doc)
        groups: dict[Key | EnumKey, list[Fact]] = defaultdict(list)
        keys: dict[int, Key] = {}  # computed once: a key is built from the fact's period and measure
        for q in facts:
            key = q.key
            if key is not None:
                keys[id(q)] = key
                groups[key].append(q)
            enum_key = q.enum_key
            if enum_key is not None:
                groups[enum_key].append(q)
        _add_parts(facts, keys, groups)
        findings: dict[tuple[int, int], tuple[Fact, list[Fact]]] = {}
        levels = _levels_by_sentence(facts)
        for key, members in groups.items():
            if len(members) >= 2:
                for q, conflicts in _conflicts(members, isinstance(key, EnumKey), levels, max_ratio):
                    findings.setdefault((q.start, q.end), (q, conflicts))
        for q, p in _orphan_pairs(facts):
            if _comparable(p, q) and not p.overlaps(q) and not _far_apart(p, q, max_ratio):
                findings.setdefault((q.start, q.end), (q, [p]))
        for (_, end), (q, conflicts) in sorted(findings.items()):
            first = conflicts[0]
            subject = (q.subject or "").strip("·") or "this figure"
            message = (f"{subject}: {q.text.strip()} here, but {first.text.strip()} at line {_line(doc, first.start)} "
                       f"({q.kind}, {str(q.period).replace(':', ' ').strip()})")
            related = [Related(_span_start(p), p.end, f"the other value: {p.text.strip()}") for p in conflicts[:max_related]]
            yield self.report(_span_start(q), end, message, related=related,
                              fingerprint_text=f"{subject}|{q.text}|{first.text}")

    @staticmethod
    def facts(doc: Document, options: Mapping[str, Any]) -> Iterable[dict[str, str]]:
        """One row per fact: where, what is written, the interval it allows, and the key it
        is compared under (or why it is compared with nothing)."""
        claims = {id(q) for q in claims_of(doc)}
        for q in facts_of(doc):
            line, col = doc.position(q.start)
            key = q.key
            yield {
                "at": f"{line}:{col}",
                "text": q.text.strip(),
                "interval": q.describe(),
                "aspect": str(q.kind),
                "subject": key.subject if key else (q.subject or ""),
                "scope": str(key.scope) if key else "",
                "period": str(q.period),
                "compared": _why_not(q) if id(q) in claims else "no: repeats an earlier sentence",
                "key": str(key) if key else (f"enum={q.enum_key}" if q.enum_key else ""),
            }


def _why_not(q: Fact) -> str:
    if q.key is not None or q.enum_key is not None:
        return "yes" if q.key is not None else "only within its value list"
    if not q.period.known:
        return "no: period unknown"
    return "no: ambiguous value list" if q.ambiguous else "no: subject unknown"


class ShareOverWhole(Rule):
    code = "NUM002"
    name = "share-over-whole"
    category = "numeric"
    severity = Severity.ERROR
    summary = "a proportion (占…比重, 普及率, 覆盖率) larger than 100%"
    explanation = """\
A part cannot be more than its whole: a share, or a rate that counts the part of a
whole that has something (普及率, 覆盖率, 达标率, 处理率), stated as more than 100% is
a typo or a mislabelled figure.

Wrong:  高新技术产品产值占规上工业比重达112.5%;  农村自来水普及率达103%
Right:  高新技术产品产值占规上工业比重达52.5%;  农村自来水普及率达93%

Not reported: shares of a plan or budget (完成年度计划的112%), growth rates, ratios
that may pass 1, and rates that may (毛入学率 counts pupils of any age against one age
group; 使用率 of beds and 完成率 of a plan can pass 100%). See NUM001 for how the
extractor reads numbers.
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for q in claims_of(doc):
            if q.family != "pct" or q.low <= 100.0 or q.lang != "zh" or q.kind not in ("share", "level"):
                continue
            if (q.kind == "share" and not _PLAN_WHOLE.search(q.qualifier)) or _is_bounded_rate(doc.text, q.start):
                yield self.report(_span_start(q), q.end, f"a proportion of {q.text.strip()} is more than the whole",
                                  fingerprint_text=q.text)


# Rates that count the part of a whole that has something, so cannot pass 100%: coverage
# and penetration (普及率, 覆盖率, 入网率), compliance and quality (达标率, 合格率, 优良率),
# treatment and collection (处理率, 收集率, 回收率), enrolment in insurance or a service
# (参保率, 签约率, 接种率), employment of a cohort (就业率), reach of a network (通达率,
# 硬化率, 亮灯率) and the share of cases closed (办结率, 结案率, 办复率). Not: 毛入学率 (gross
# enrolment may pass 100%), 使用率 (beds), 完成率 and 到位率 (a plan may be exceeded).
_BOUNDED_RATE = re.compile(
    r"(?:普及率|覆盖率|入网率|达标率|合格率|优良率|处理率|收集率|回收率|参保率|签约率|接种率|就业率|通达率|"
    r"通畅率|硬化率|亮灯率|绿化率|办结率|结案率|办复率|知晓率|满意率)"
    r"(?:均|分别|已|已经)?(?:稳定在|保持在|提高到|提升到|提高至|提升至|上升到|上升至|达到|达|为|是)?\s*$"
)


def _is_bounded_rate(text: str, start: int) -> bool:
    """Is the number at ``start`` the value of a rate named just before it?"""
    return _BOUNDED_RATE.search(text, max(0, start - 24), start) is not None


_PLAN_WHOLE = re.compile(r"计划|任务|目标|下达|预算")
_QIZHONG = re.compile(r"其中")
_JUST_PUNCT = re.compile(r"^[，,；;\s]*$")
_AVERAGE = re.compile(r"人均|平均|均价|标准|率")
_STOP = re.compile(r"[。；！？]")
_ABSOLUTE = ("CNY", "USD", "person", "household", "mu", "area", "length", "ton", "teu", "person-time", "kw", "kwh")


class PartExceedsTotal(Rule):
    code = "NUM003"
    name = "part-exceeds-total"
    category = "numeric"
    severity = Severity.ERROR
    summary = "a part introduced by 其中 is larger than the total before it"
    explanation = """\
After a total, 其中 introduces a part of it; the part cannot be larger.

Wrong:  新增城镇就业5.2万人，其中高校毕业生6.1万人
Right:  新增城镇就业5.2万人，其中高校毕业生2.1万人

Only amounts of one unit family (money, people, area, length, weight ...) stated as
levels, the total directly before ``，其中``, are compared; never rates, averages
(人均, 平均: a district's average may exceed the city's) or thresholds (过百亿元的企业);
see NUM001 for how numbers and their intervals are read.
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        text = doc.text
        qs = [q for q in claims_of(doc) if q.lang == "zh" and q.kind == "level" and q.family in _ABSOLUTE]
        for i, q in enumerate(qs):
            if i == 0:
                continue
            # the nearest earlier amount of the same family in the same sentence, with 其中 in between
            for j in range(i - 1, max(-1, i - 6), -1):
                p = qs[j]
                if p.end > q.start or _STOP.search(text, p.end, q.start):
                    break
                if p.family != q.family:
                    continue
                between = text[p.end:q.start]
                m = _QIZHONG.search(between)
                if (m and _JUST_PUNCT.match(between[: m.start()]) and "，" not in between[m.end():]
                        and q.low > p.high and p.approx is None and p.subject and q.subject
                        and not _AVERAGE.search(p.subject)):
                    yield self.report(_span_start(q), q.end,
                                      f"the part {q.text.strip()} is larger than the total {p.text.strip()} before 其中",
                                      related=[Related(_span_start(p), p.end, "the total")],
                                      fingerprint_text=f"{p.text}|{q.text}")
                break


_FROM_TO = re.compile(
    r"(?:从|由)(?P<a>[0-9.,]+(?:万亿|亿|万|千)?[^\d，。；、到至]{0,4}?)(?:增长|增加|提高|提升|上升|扩大|增)?(?:到|至)"
    r"(?P<b>[0-9.,]+(?:万亿|亿|万|千)?[^\d，。；、]{0,4}?)[，,、]?(?:同比|年均)?(?P<verb>增长|增加|提高|提升|上升|扩大|增)了?"
    r"(?P<c>[0-9.]+)(?P<cu>%|％|倍|个百分点)(?P<more>多|以上)?"
)


# growth of these is stated at comparable prices, their levels at current prices
_REAL_TERMS = re.compile(r"增加值|生产总值|GDP|产值|总值|经济总量|可比价")


class GrowthMismatch(Rule):
    code = "NUM004"
    name = "growth-mismatch"
    category = "numeric"
    severity = Severity.ERROR
    summary = "从A增长到B，增长C%: the stated growth does not follow from the two levels"
    explanation = """\
When a sentence gives both levels and the growth between them, the three must
agree (within the precision they are written with).

Wrong:  研发投入从120亿元增长到150亿元，增长35%
Right:  研发投入从120亿元增长到150亿元，增长25%

倍 is read either way (增长1倍 as +100% or as x1); 个百分点 compares the difference of
two percentages; 年均 growth is not checked, nor value added and output (增加值,
生产总值, 产值), whose growth is stated at comparable prices and levels at current
ones. See NUM001 for how numbers are read.
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        from .extract import parse_amount  # the extractor loads when a numeric rule first runs

        for block in doc.paragraphs:
            if block.lang != "zh" or ("到" not in block.text and "至" not in block.text):
                continue
            for m in _FROM_TO.finditer(block.text):
                if block.index in copied_blocks(doc):
                    break  # a pasted copy states nothing new
                if "年均" in m.group(0) or _REAL_TERMS.search(block.text, max(0, m.start() - 12), m.start()):
                    continue
                a, b = parse_amount(m.group("a")), parse_amount(m.group("b"))
                c = parse_amount(m.group("c") + m.group("cu"))
                if not a or not b or not c or a[2] != b[2] or a[0] <= 0:
                    continue
                if m.group("more"):
                    c = (c[0] + c[1] / 2, c[1], c[2])  # 1.5倍多: from 1.5 up to the next step
                if not self._consistent(a, b, c, m.group("cu")):
                    s = block.start + m.start()
                    yield self.report(s, block.start + m.end(),
                                      f"from {m.group('a')} to {m.group('b')} is not a growth of {m.group('c')}{m.group('cu')}",
                                      fingerprint_text=m.group(0))

    @staticmethod
    def _consistent(a: tuple[float, float, str], b: tuple[float, float, str], c: tuple[float, float, str], unit: str) -> bool:
        a_lo, a_hi = a[0] - a[1] / 2, a[0] + a[1] / 2
        b_lo, b_hi = b[0] - b[1] / 2, b[0] + b[1] / 2
        c_lo, c_hi = c[0] - c[1] / 2, c[0] + c[1] / 2
        if unit == "个百分点":
            if a[2] != "pct":
                return True
            return b_lo - a_hi <= c_hi + 1e-9 and c_lo - 1e-9 <= b_hi - a_lo
        g_lo = (b_lo / a_hi - 1) * 100
        g_hi = (b_hi / max(a_lo, 1e-12) - 1) * 100
        if unit == "倍":
            times_ok = g_lo / 100 <= c_hi and c_lo <= g_hi / 100
            ratio_ok = g_lo / 100 + 1 <= c_hi and c_lo <= g_hi / 100 + 1
            return times_ok or ratio_ok
        if a[2] == "pct" and unit in ("%", "％"):
            # 从8%提高到10%，提高2%: a loose way of saying percentage points
            if b_lo - a_hi <= c_hi and c_lo <= b_hi - a_lo:
                return True
        return g_lo <= c_hi + 1e-9 and c_lo - 1e-9 <= g_hi

