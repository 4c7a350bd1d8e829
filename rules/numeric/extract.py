"""Quantities: numbers with unit, interval, metric key and period.

A report states a figure as a number with a unit (``4022.25亿元``, ``6.5%``,
``$1.4 billion``), often hedged (``超``, ``近``, ``约``, ``以上``, ``more than``)
and always *about* something: a metric (``地区生产总值``), measured one way
(level, growth, rank, share), for one period (last year's review, this year's
targets, a quarter). Two mentions can only contradict each other when all of that
is the same, so this module turns every number into a :class:`Fact` carrying:

- ``low``/``high``: the interval of values the text allows, in the base unit of
  its family. The precision of the written number widens it (``4千亿`` allows
  3500亿-4500亿), lower-bound words (超, 超过, 突破, 以上, 多, 余, more than)
  give ``[v, v + one step of the last written digit)``, near-upper words (近,
  接近, nearly) ``(v - step, v]``, ceilings (以内, 控制在, 不到, 低于, under) any
  value up to ``v``, and ``约``/``左右``/``about`` a twentieth of an amount, half a point of a rate.
- ``family``: the unit family; conversion happens inside a family (元/万元/亿元),
  never across (``%`` and ``个百分点`` are different families).
- ``key``: what is measured. In Chinese, the subject phrase of the clause with its
  scope words kept (农村居民 ≠ 居民, 规上工业 ≠ 工业) and lead-ins dropped
  (全年, 全市, 力争 ...; a lead-in clause such as 数据显示， is a clause of its own), plus the kind from the verb (增长 →
  growth, 达/为 → level, 排/居 第N → rank with its scope, 占…比重 → share). A clause
  with no subject of its own (``…1455.2亿元，增长6.8%``) inherits the previous
  quantity's subject in the same sentence; a clause whose subject is a pronoun, too
  generic (增长, 总量, 年均 alone) or missing gets no key and is never compared.
  In English, the words of the clause before the number (``spending on machinery
  and equipment grew by``), which must be long enough to be specific.
- ``period``: ``actual`` or ``target`` (from the section heading — 2023年工作回顾
  vs 2024年工作安排 — and from target words like 力争, 预期, 目标, expect, aim),
  the explicit year (``2021年``, ``到2025年``, ``FY2016``), and the sub-period
  (一季度, 上半年, 前三季度, 过去五年, first quarter).

Enumerations (``A、B、C分别增长1%、2%、3%``) give each value its subject when the
counts match; a value list that cannot be matched to its subjects keeps only an
*enumeration key* (the item before 分别 plus the value's position), compared only
with the same enumeration.

Extraction is one pass per paragraph with module-level compiled regexes.
"""

from __future__ import annotations

import bisect
import math
import os
import re
from dataclasses import dataclass, field
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reportlint.text.scripts import HAN_CLASS

from .facts import Aspect, Fact, Measure, Period, Status

if TYPE_CHECKING:
    from reportlint.document import Document
    from reportlint.text.blocks import Block

# ----------------------------------------------------------------------------------------
# numbers
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_PLACE = {"十": 10, "百": 100, "千": 1000}
_MULT = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 1e4, "亿": 1e8, "万亿": 1e12}

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CNNUM = r"[零〇一二两三四五六七八九十百千]{1,16}(?:点[零〇一二三四五六七八九]+)?"

# unit -> (family, factor to the family's base)
_UNITS: dict[str, tuple[str, float]] = {
    "个百分点": ("pp", 1), "百分点": ("pp", 1), "%": ("pct", 1), "％": ("pct", 1), "‰": ("permille", 1),
    "成": ("pct", 10),
    "倍": ("times", 1),
    "元": ("CNY", 1), "元人民币": ("CNY", 1), "美元": ("USD", 1), "港元": ("HKD", 1), "港币": ("HKD", 1),
    "欧元": ("EUR", 1), "日元": ("JPY", 1),
    "平方公里": ("area", 1e6), "平方千米": ("area", 1e6), "平方米": ("area", 1), "㎡": ("area", 1),
    "公里": ("length", 1000), "千米": ("length", 1000), "km": ("length", 1000), "米": ("length", 1),
    "公顷": ("mu", 15), "亩": ("mu", 1),
    "吨标准煤": ("tce", 1), "吨": ("ton", 1), "公斤": ("ton", 0.001), "千克": ("ton", 0.001),
    "标箱": ("teu", 1), "TEU": ("teu", 1),
    "千瓦时": ("kwh", 1), "千瓦": ("kw", 1),
    "立方米": ("m3", 1),
    "人次": ("person-time", 1), "人": ("person", 1), "名": ("person", 1), "户": ("household", 1),
}
_CLASSIFIERS = "个家项座所条辆套间张台架艘件批宗部支只处片栋幢类种场次头株棵对"
for _c in _CLASSIFIERS:
    _UNITS.setdefault(_c, ("count:" + _c, 1))
# units whose quantities are times and dates, never compared
_SKIP_UNITS = ("个月", "年", "月", "天", "日", "小时", "分钟", "秒", "周", "岁", "届", "期", "号", "时", "度", "级", "星")

_UNIT_RE = "|".join(re.escape(u) for u in sorted(list(_UNITS) + list(_SKIP_UNITS), key=len, reverse=True))

_ZH_QTY = re.compile(
    # the leading class lets the regex engine skip to candidate characters quickly
    rf"(?=[\d百翻第零〇一二两三四五六七八九十千])(?:"
    rf"(?P<pct>百分之(?P<pnum>{_ARABIC}|{_CNNUM}))"
    rf"|(?P<fan>翻(?P<fann>一|两|二|三|四)?番)"
    rf"|(?P<rank>第(?P<rnum>\d{{1,3}}|[一二三四五六七八九十]{{1,3}})(?P<rsuf>位|名)?)"
    rf"|(?<![A-Za-z0-9.+_/])(?<![A-Za-z]-)(?P<num>{_ARABIC}|{_CNNUM}(?=[多余]?(?:[十百千]?[万亿]|{_UNIT_RE})))"
    rf"(?:[:：∶](?P<num2>{_ARABIC}))?"
    rf"(?P<fz1>多|余)?(?P<mult>万亿|[十百千]?(?:万|亿)|[十百千](?=万|亿))?(?P<fz2>多|余)?"
    rf"(?P<unit>{_UNIT_RE})?)"
)
_NOT_AFTER_NUM = re.compile(r"[A-Za-z0-9+]|\.\d")
_RANK_BLOCKER = re.compile(r"[个批次届家项条年季度章节部分篇号期轮支种类步道]")
_RANK_CONTEXT = re.compile(r"(排|居|位|列|名|升|跃|稳|保持|进入|全国|全省|全市|全球|世界|国内|省内|城市|之首)")
_CHENG_BLOCKER = re.compile(r"[为功果员立绩长本熟效都市交]")
_POST_APPROX = re.compile(r"(以上|以下|以内|左右|上下|多|余|强|出头)")
_PRE_APPROX = re.compile(
    r"(不超过|不低于|不少于|不到|不足|超过|超出|超|突破|逾|迈上|跨越|跃上|站上|迈入|接近|将近|近|低于|少于|小于|高于|大于|"
    r"大约|约为|约|大概|控制在|保持在|稳定在)$"
)
_LOWER_WORDS = frozenset("不低于 不少于 超过 超出 超 突破 逾 迈上 跨越 跃上 站上 迈入 高于 大于 以上 多 余 强 出头".split())
_UPPER_WORDS = frozenset("不超过 不到 不足 接近 将近 近 低于 少于 小于 以下 以内 控制在".split())
_CEILING_WORDS = frozenset("不超过 不到 不足 低于 少于 小于 以下 以内 控制在".split())
_TOL_WORDS = frozenset("大约 约为 约 大概 左右 上下".split())
# Verbs of holding a value (保持在, 稳定在): with a bound after the number they keep a floor or a ceiling.
_HOLD_WORDS = frozenset("保持在 稳定在".split())
_PP_LIST = re.compile(r"(?:和|、|及|与)\d+(?:\.\d+)?个?百分点")
_FULLWIDTH_RE = re.compile("[０-９．％]")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_ENTITY = re.compile(
    rf"[{HAN_CLASS}]{{1,8}}?(?:新区|园区|开发区|高新区|经开区|自贸区|自贸试验区|片区|综保区|保税区|港区|经济区|示范区|"
    rf"试验区|实验区|产业园|合作区|县|市辖区|城区|工业区|工业园|(?:科学城|科技城|新城)(?![市镇乡])|板块)(?=[{HAN_CLASS}“（(，])|县域|郊区|农村地区|开发区"
)
# The last characters of every zone word _ENTITY knows (新区, 产业园, 县, 县域, 科技城, 板块).
_ZONE_HINT = re.compile("[区园县域城块]")
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+)")
_COUNTY_GROUP = re.compile(r"(?<![一二两三四五六七八九十])[一二两三四五六七八九十]+县")  # 四县（市）: the counties together, not the city
_RANGE_OPEN = frozenset((None, "控制在", "约", "大约", "保持在"))
_RANGE_CLOSE = frozenset((None, "左右", "以内", "之间"))
_RANGE_SEP = re.compile(r"^\s*(?:到|至|~|～|-|—|－|–)\s*$")


def cn_number(s: str) -> tuple[float, float]:
    """Value and step (the place of the last written digit) of a Chinese numeral."""
    if "点" in s:
        whole, frac = s.split("点", 1)
        w, _ = cn_number(whole) if whole else (0.0, 1.0)
        digits = "".join(str(_CN_DIGIT.get(c, 0)) for c in frac)
        return w + float("0." + digits), 10.0 ** -len(digits)
    total, num, step = 0, 0, 1.0
    for ch in s:
        if ch in _CN_DIGIT:
            num = _CN_DIGIT[ch]
            step = 1.0
        elif ch in _CN_PLACE:
            total += (num or 1) * _CN_PLACE[ch]
            step = float(_CN_PLACE[ch])
            num = 0
    if num:
        step = 1.0
    return float(total + num), step


def arabic_number(s: str) -> tuple[float, float]:
    """Value and step (the place of the last written digit) of an Arabic numeral."""
    s = s.replace(",", "")
    if "." in s:
        return float(s), 10.0 ** -len(s.split(".", 1)[1])
    return float(s), 1.0


def last_place(s: str) -> float:
    """The place of the last non-zero digit of an integer (300 -> 100, 20 -> 10, 15 -> 1)."""
    s = s.replace(",", "")
    if "." in s or not s.isdigit():
        return 1.0
    stripped = s.rstrip("0")
    return 10.0 ** (len(s) - len(stripped)) if stripped else 1.0


_RANGE_NEXT = re.compile(r"(?<!\s)\s*(?:到|至|~|～|-|—|－|–)\s*\d")  # starts after a number, never mid-run


def is_range_start(text: str, end: int) -> bool:
    """Is the bare number ending at ``end`` the start of a range (1~2个)?"""
    return bool(_RANGE_NEXT.match(text, end))


def bound_direction(word: str | None) -> str:
    """``lower``, ``upper`` or ``tol`` (also for no word): which way an approximator bounds."""
    if word in _LOWER_WORDS:
        return "lower"
    if word in _UPPER_WORDS or word in _CEILING_WORDS:
        return "upper"
    return "tol"


def make_interval(value: float, step: float, approx: str | None, family: str = "") -> tuple[float, float]:
    """The values a number written with ``step`` precision and an approximator allows.

    约/左右/about allow a twentieth of an amount either way (two approximations of one
    figure stay close), and half a point either
    way of a rate (``6%左右`` is 5.5%-6.5%: a rate of 7% is another figure)."""
    if approx in _LOWER_WORDS:
        return value, value + step
    if approx in _CEILING_WORDS:
        return -math.inf, value  # 控制在4%以内: any value below the ceiling
    if approx in _UPPER_WORDS:
        return value - step, value
    if approx in _TOL_WORDS:
        tol = max(step / 2, 0.5) if family in _RATE_FAMILIES else max(step, abs(value) * 0.05)
        return value - tol, value + tol
    return value - step / 2, value + step / 2


# Families whose values are rates: their approximators are read in points, not as a share of the value.
_RATE_FAMILIES = frozenset(("pct", "pp", "permille"))


# ----------------------------------------------------------------------------------------
# Chinese subjects, verbs, periods

_SENT_END = re.compile(r"[。！？!?]+[”’」』]?")
_PART_SEP = re.compile(r"[；;]")
_CLAUSE_SEP = re.compile(r"[，,：:]")
_QUOTE = re.compile(r"“[^“”]{0,20}”|\"[^\"]{0,20}\"|《[^《》]{0,60}》|「[^「」]{0,20}」")
_YEAR = re.compile(r"(?:到|至|截至)?((?:19|20)\d{2})年(?:底|末|上半年|前三季度)?")
_SUBPERIOD = re.compile(
    r"(第?[一二三四1-4]季度|上半年|下半年|前三季度|前\d{1,2}个?月|\d{1,2}[-—－~～至到]\d{1,2}月|全年|过去五年|五年来|五年间|"
    r"五年累计|五年|“?(?:十[一二三四五]|[六七八九十])五”?(?:期间|时期|末期|末)?|近[三五3-5]年|[两二三四六七八九十]年(?:来|间|累计)|"
    r"^[两二三四六七八九十]年|今年以来|年初以来)"
)
def _normal_sub(marker: str) -> str:
    """一季度 for 第一季度, 十一五 for “十一五”时期, 过去五年 for 五年来 ..."""
    m = marker.strip("“”")
    m = _SUB_NORMAL.get(m, m)
    return re.sub(r"”?(?:期间|时期|末期|末)$", "", m).strip("“”")


_SUB_NORMAL = {"第一季度": "一季度", "1季度": "一季度", "五年来": "过去五年", "五年间": "过去五年", "这五年": "过去五年",
               "全年": ""}
# What a clause may open with that does not change what it says of its figure:
# conjunctions, the year told as a whole (全年, 今年), the whole jurisdiction (全市), 其中.
_FRAME_LEAD = re.compile(r"^(?:[、，,\s*“”和及与并且而但也还又]|全年|今年|去年|上年|当年|全市|我市|本市|全区|全县|其中)+")


def frame_words(seg: str) -> str:
    """The words of a clause before its value, as a restatement repeats them: years and
    what opens a clause without meaning dropped (全年比去年增长 -> 比去年增长)."""
    words = _FRAME_LEAD.sub("", _YEAR.sub("", seg).replace("*", "").replace("“", "").replace("”", "")).strip()
    for a, b in _ALIASES:
        words = words.replace(a, b)
    return words


# Nouns that name the mark a level passed (突破5000亿元大关, 迈上千亿台阶): not what is counted.
_MILESTONES = ("大关", "关口", "台阶", "门槛", "量级")
# Words of a ratio to a population (每万人拥有, 人均, 户均): such a count may have decimals.
_PER_HEAD = re.compile(r"万人|每万|千人|每千|百人|每百|人均|户均|拥有量")
# A topic sentence (自贸试验区建设提速增效。) is short; the sentences after it tell of its topic.
_TOPIC_MAX = 20
def _may_go_on(last: tuple[str, str], this: tuple[str, str]) -> bool:
    """Could a subjectless figure of aspect and family ``this`` go on telling the subject
    of a figure ``last`` (aspect, family)? A level goes on with its change (亿元 then
    增长6.8%, a rate then 提高2个百分点), a change with a comparison in points, a level
    with a level of its kind, anything with a rank."""
    (last_kind, last_family), (kind, family) = last, this
    if kind == "rank":
        return True
    if kind == "growth" and family == "pct":
        return last_kind in ("level", "share") and last_family not in _RATE_FAMILIES
    if kind == "growth":
        return last_family == "pct"
    return last_kind in ("level", "share") and last_family == family


def frame_core(words: str) -> str:
    """The words of a clause without the span they name (五年年均增长 -> 年均增长)."""
    return _SUBPERIOD.sub("", words)


# A discourse lead-in (数据显示，, 其中，, 与此同时，) is a short clause without a figure.
_LEAD_IN_MAX = 6
# A restricted noun phrase standing as a clause (…以下的老区村, 年收入不足万元的农户): a topic.
# Phrases opened by a preposition or a verb of effort are adverbials, not topics.
_TOPIC_NP = re.compile(
    r"[\s*“]*(?!在|经|通过|随着|对|为|按|从|由|以|把|将|针对|围绕|根据|按照|坚持|加快|推进|实施|加强)"
    r"([^，。；：、“”！？]{1,24}的[^，。；：、“”！？的]{1,6})"
)
# The perfective: a level already reached (已达, 已经超过, 已有).
_PERFECTIVE = re.compile(r"已经?[^，。；、！？\d]{0,4}$")
# Words of a sentence that looks ahead, so cannot report what was measured or reached.
# An estimate (预计) of a figure: what was measured, not yet final, never a plan's aim.
_ESTIMATE = re.compile(r"预计")
_AHEAD_WORDS = re.compile(r"将|力争|争取|确保|预期|目标|今后|未来|到20\d\d年|明年|今年")
_PAST = re.compile(r"[\s*“]{0,3}(?:过去一年|过去的一年|一年来|去年|上年)(?!同期)")  # at the start of a sentence
_YTD = re.compile(r"(?:比|较)(?:去年|上年)同期")
_PLAN_WORDS = re.compile(r"今年|明年|力争|争取|确保|预期")
# Wording of a target: will and aim (要, 力争, 确保), the plan itself (目标, 计划) and a
# commitment floor or ceiling (不低于, 不少于, 控制在).
# 计划 as a verb (计划投资, 计划新建), not as the name of a programme (实施…行动计划，).
_TARGET = re.compile(r"(今年.{0,4}要|全年要|年内要|要完成|要确保|要达到|力求|力争|争取|确保|预期|目标是|目标为|目标值|计划(?![，。；、”》）)\s的])|控制在|不低于|不少于)")
_REVIEW_HEAD = re.compile(
    r"(回顾|回首|回眸|过去(?:一|五|的|十)?年|一年来|五年来|工作总结|完成情况|主要成绩|成绩|成就|体会|启示|"
    r"(?:19|20|一九|二〇|二零)\S{2}年.{0,6}工作(?:情况|成效))"
)
_PLAN_HEAD = re.compile(
    r"(安排|工作重点|重点工作|主要任务|目标|任务|建议|意见|思路|部署|今后|未来|总体要求|展望|打算|着眼|愿景|"
    r"(?:19|20|一九|二〇|二零)\S{2}年.{0,8}(?:工作|目标|任务))"
)
_HEAD_YEAR = re.compile(r"((?:19|20)\d{2}|[一二][九〇零][〇零一二三四五六七八九]{2})年")

# What may open a subject phrase without being part of the metric: joins, time words of
# the year, the whole jurisdiction, statistical qualifiers (初步核算), verbs of aim and effort.
_LEADIN = re.compile(
    r"^(?:[和及并且而但也还又再、，,\s*]|其中|同时|此外|另外|总体看|总的看|全年|今年|去年|上年|当年|目前|现在|截至目前|年末|年底|期末|"
    r"初步统计|初步核算|经初步核算|预计|力争|争取|确保|努力|计划|预期|目标是|目标为|目标|推动|促进|"
    r"实现|带动|拉动|使|让|将|要|全市|我市|本市|全区|我区|全县|全省|我省|全国|共有|共|一年来|这一年|过去一年|同比|比上年|"
    r"较上年|比去年|较去年|成功|顺利|达到|达)"
)
# What may end a subject phrase before its verb without being part of the metric: joins,
# comparisons, quantifying adverbs (分别, 均, 共), aspect and manner adverbs (已, 继续, 大幅).
_TRAIL = re.compile(
    r"(?:[和及与、]|的|实际|同比|比上年|较上年|比去年|较去年|分别|(?<![年平人])均|各|都|总计|合计|共计|共|也|仍|还|已|已经|将|了|"
    r"再|继续|持续|进一步|大幅|明显|显著|稳步|快速|较快|大幅度)$"
)
_UP = "增长|增加(?!值)|递增|提高|提升|上升|上涨|增幅|增速|扩大|多增|增"
_DOWN = "下降|递减|减少|降低|回落|下滑|下跌|压减|缩减|缩小|降|减"
_TO = (
    "增至|增长到|增长至|增加到|增加至|提高到|提高至|提升到|提升至|上升到|上升至|升至|降至|降到|下降到|下降至|降低到|降低至|"
    "减至|减少到|减少至|缩小到|缩小至|扩大到|扩大至|达到|达至|达|为|是|实现|迈上|跃升至|跃升到|保持|保持在|稳定在|控制在|"
    "提至|增加至|压减至|压缩至|压降至|压缩到|缩短至|缩短到|延长至|延长到|拓展至|拓展到|降低至|下降为|提升为|提高为"
)
_RANKV = "排名|排在|排|居于|居|位居|位列|名列|列|跃居|稳居|升至|上升至|进入|跻身"
_VERB_TAIL = re.compile(
    rf"(?P<verb>{_TO}|{_UP}|{_DOWN}|{_RANKV})(?P<qual>了|到|至)?$"
)
_RANK_TAIL = re.compile(rf"(?P<verb>{_RANKV}|{_TO})(?P<qual>[^，。；、]{{0,10}}?)$")
_SHARE = re.compile(
    r"(?:占(?P<whole>[^，。；、]{0,15}?)(?:的)?(?:比重|比例|份额)|占(?P<whole2>[^，。；、比]{1,10}?)的?|占比|比重|比例|覆盖率)"
    r"(?:提高到|提升至|提高至|达到|达|为|超过|超|约为|约)?$"
)
_UP_SET = frozenset(_UP.replace("(?!值)", "").split("|"))
_DOWN_SET = frozenset(_DOWN.split("|"))
_PRONOUN = re.compile(r"^(?:其|这|该|此|它|上述|以上|前者|后者|二者|两者|本|行业|全行业)")
_GENERIC = frozenset(
    "总量 总额 规模 数量 增速 比重 占比 年均 五年年均 年均增速 累计 总计 合计 同比 指标 分别 均 共 总数 人数 个数 增幅 "
    "总量规模 规模总量 总体 整体 平均 人均 经济 收入 产值 增加值 投资 其中 全年 合计达 同期 达 为 企业 项目 五年 可比 "
    "按可比价格计算 按可比价计算 同口径 实际 名义 "
    "平均每年 每年 年均递 平均增长".split()
)
# metric heads that name no entity: 税收 of which park, 总投资 of which projects
_RELATIVE_HEADS = frozenset(
    "税收 税收收入 营收 营业收入 营业总收入 产值 总产值 新增产值 工业产值 总投资 投资 完成投资 投资额 减免税款 利润 净利润 "
    "利润总额 收入 货值 销售额 交易额 交易量 产量 营业额 进出口额 进出口 出口 进口 资产总额 增加值 实际投资 实际利用外资 "
    "合同外资 规模 项目 企业 用地 面积 客流 游客 人次 就业 首创 新增 市场主体 签约项目 签约金额 外资 投入 资金 "
    "受益居民 受益群众 受益人口 受益 规划面积 规划总面积 总面积 面积 全长 总长 长度 占地 占地面积 建筑面积 总建筑面积 设计车速 办结率 办复率 满意率 办理率 完成率 回复率 按期办结率 "
    "惠及群众 惠及 年度计划投资 计划投资 总投资额 投资总额 计划总投资 年度投资 完成年度投资 工业总产值 规上工业总产值 工业增加值 主营业务收入 营业收入 税收总额 经营收入 销售收入".split()
)
_FIVE_YEAR_PARA = re.compile(r"今年以来|年初以来|过去五年|五年来|这五年|本届政府|过去的五年|五年间|过去的?[两二三四六七八九十]年|[两二三四六七八九十]年来|“十[一二三四]五”(?:期间|时期)|十[一二三四]五期间")
_NEXT_FIVE_PARA = re.compile(r"今后五年|未来五年|“十[四五六]五”(?:期间|时期|规划)|到20\d\d年")
_ALIASES = (("规模以上", "规上"), ("GDP", "地区生产总值"), ("生产总值", "地区生产总值"), ("地区地区", "地区"))
_SPLIT_ITEMS = re.compile(r"[、]")
_SPLIT_ITEMS2 = re.compile(r"[、和与及]")
_LIST_GLUE = re.compile(r"^[、和及与\s]*$")
_ENUM_WORD = re.compile(r"分别")
_SUFFIX_STOP = re.compile(
    r"^(?:以上|以下|以内|左右|上下|多|余|[，。；、：,;:\s（(）)]|$|增|提|降|减|达|为|是|占|居|排|比|同比|较|分别|均|实现|完成|从|由|到|至|"
    r"和|及|与|或|的比|，)"
)


def _normalise_subject(s: str) -> str:
    s = s.replace("*", "").replace("“", "").replace("”", "").strip()
    for _ in range(4):
        m = _LEADIN.match(s)
        if not m or not m.group(0):
            break
        s = s[m.end():]
    for _ in range(3):
        m = _TRAIL.search(s)
        if not m or not m.group(0):
            break
        s = s[: m.start()]
    for a, b in _ALIASES:
        s = s.replace(a, b)
    cap = 40 if "、" in s else 16  # an enumeration is kept whole for its items
    if len(s) > cap:
        s = s[-cap:]
    return s.strip()


_HAN = re.compile(f"[{HAN_CLASS}]")


def _han_count(s: str) -> int:
    return len(_HAN.findall(s))


_FROM = re.compile(r"(?:分别)?(?:从|由)(?:[^，。；从由增提降减达为]{0,6})$")
# a metric of "the park", "the industry": which one is said elsewhere
_RELATIVE_START = re.compile(r"^(?:园区|集群|行业|全行业|项目|该)")
# Verbs that open a metric without naming it: accomplishing (实现, 完成) and allotting
# funds (安排, 筹集, 拨付 资金: for what, the text says after the number).
_LEAD_VERB = re.compile(r"^(?:预计实现|预计完成|累计完成|实现|完成|安排|筹集|筹措|拨付|下达|落实|争取)")
_COMPARISON = re.compile(r"^(?:增速|增幅)?(?:分别)?(?:比|较|高于|低于|快于|慢于|超过|超出|多于|少于)")
# Verbs of distribution and of building (新增, 新建, 新改扩建, 建成): a list's later items share them.
_DIST_VERB = re.compile(r"^(?:新增|新改扩建|新改建|改扩建|新建改造|新建|新开工|新引进|累计|引进|培育|建成|改造|新认定)")
_LIGHT_VERB = re.compile(r"(?:完成|实现|达到|新增)$")


_MODIFIERS = re.compile(r"(?:累计|年均|平均|每年|同比|五年|分别|实际|名义|新增|总数|数量|总量|规模|增量|完成|实现)+")


def _is_generic(s: str) -> bool:
    """A bare modifier (总量, 累计, 年均, 其中) that needs the subject it modifies."""
    return (s in _GENERIC or _LIGHT_VERB.sub("", s) in _GENERIC or s.startswith("其中")
            or _MODIFIERS.fullmatch(s) is not None)


def _item_ok(s: str) -> bool:
    return (_good_subject(s) and not _is_generic(s) and not _RELATIVE_START.match(s)
            and _LEAD_VERB.sub("", s) not in _RELATIVE_HEADS)


def _good_subject(s: str) -> bool:
    return _han_count(s) >= 2 and s not in _GENERIC and not _PRONOUN.match(s)


@dataclass(slots=True)
class _Period:
    """The period a section or a list announces: result or target, and its year."""

    mode: Status
    year: str  # "" when unknown


def _head_year(text: str) -> str:
    """The last year a heading names, as digits (一九九九年 -> 1999)."""
    years = _HEAD_YEAR.findall(text)
    if not years:
        return ""
    y = years[-1]
    return y if y.isdigit() else "".join(str(_CN_DIGIT[c]) for c in y)


_DOC_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?=\s*\d{1,2}\s*月)")
_DATELINE = re.compile(r"\d\s*月\s*\d{1,2}\s*日|会议上|人民代表大会|人大")
_STRONG_PLAN = re.compile(r"安排|工作重点|重点工作|主要任务|目标任务|建议|意见|今后|未来|展望|打算|着眼|总体要求|今年")
_HEAD_SUB = re.compile(r"“?(?:十[一二三四五]|[六七八九十])五”?|过去五年|五年来|今后五年|未来五年")


def _doc_year(doc: Document) -> int:
    """The year the report plans for, from its dateline (——2013年1月30日在…); a report
    given in November or December plans for the next year."""
    m = _DOC_YEAR.search(doc.text[:600].translate(_FULLWIDTH))
    if not m:
        return 0
    month = re.match(r"\s*(\d{1,2})", doc.text[:600].translate(_FULLWIDTH)[m.end():])
    return int(m.group(1)) + (1 if month and int(month.group(1)) >= 11 else 0)


def _classify_heading(text: str, doc_year: int, first_part: bool, current: str) -> _Period | None:
    if _DATELINE.search(text):
        return None
    if _REVIEW_HEAD.search(text):
        return _Period(Status.RESULT, "" if "五年" in text else _head_year(text))
    year = _head_year(text)
    if year and doc_year:
        return _Period(Status.RESULT if int(year) < doc_year else Status.TARGET, year)
    if _STRONG_PLAN.search(text):
        return _Period(Status.TARGET, year)
    if first_part and text.startswith("一、"):
        return _Period(Status.RESULT, "")  # reports open with the review of the past year
    if _PLAN_HEAD.search(text):
        return _Period(Status.TARGET, year)
    if current == "actual" and text.startswith("二、"):
        return _Period(Status.TARGET, "")  # and go on with the plan
    return None


_TOP_NUMBER = re.compile(r"^[一二三四五六七八九]、")
_NEXT_TOP = {"二、": ("一、",), "三、": ("二、",), "四、": ("三、",)}


def _top_lines(doc: Document) -> list:
    """Headings, and paragraphs that open with a part number (二、) and run on past it."""
    return [b for b in doc.blocks if b.kind.value == "heading"
            or (b.kind.value == "paragraph" and len(b.text) > 40 and _TOP_NUMBER.match(b.text))]


def _section_periods(doc: Document) -> list[tuple[int, _Period]]:
    """(offset, period) changes at top-level headings that announce a review or a plan.

    Only the top two heading levels (一、, unnumbered titles) switch: a sub-heading such
    as （三）加强城乡规划建设管理 inside a review is still the review. A heading naming a
    year before the report's own (一、2012年，全市…取得丰硕成果) is a review; the first
    part 一、 is the review unless it says otherwise. A report whose only headings are
    （一）… runs: the first run is the review, a restart is the plan.
    """
    out: list[tuple[int, _Period]] = []
    doc_year = _doc_year(doc)
    opened_by = ""  # the heading that opened the review: 一、 lets 二、 open the plan
    for h in _top_lines(doc):
        text = h.text.strip().strip("*#").strip()
        if h.kind.value != "heading":
            # a heading run into its paragraph (二、…做好2004年各项工作今年将…): the part that
            # follows 一、 decides by the year it names in its first words
            year = _head_year(text[:32])
            if not (doc_year and year and opened_by[:2] in _NEXT_TOP.get(text[:2], ())):
                continue
            text = text[:32]
        elif len(text) > 60 or h.level > 1 or text.startswith(("——", "—", "－－", "--", "──")):
            continue
        current = out[-1][1].mode if out and opened_by.startswith("一、") else ""
        period = _classify_heading(text, doc_year, not out, current)
        if period is not None:
            out.append((h.start, period))
            opened_by = text
    if not out and doc.language == "zh":
        out = _restarting_runs(doc, doc_year)
    return out


def _restarting_runs(doc: Document, doc_year: int) -> list[tuple[int, _Period]]:
    """A report whose only headings are （一）… runs: the first run is the review, the
    restart is the plan."""
    runs = [h for h in doc.headings if h.level == 2 and (h.numbering or "").strip("（()）") == "一"]
    if len(runs) < 2:
        return []
    return [(runs[0].start, _Period(Status.RESULT, str(doc_year - 1) if doc_year else "")),
            (runs[1].start, _Period(Status.TARGET, str(doc_year) if doc_year else ""))]


_ENTITY_VERB = re.compile(
    r"^(?:培育|发展|建设|推进|加快|打造|支持|做强|做优|做大|提升|优化|完善|创建|争创|高标准|高质量|深化|聚焦|围绕|依托|实施|"
    r"推动|促进|加强|强化|壮大|引导|鼓励|规范|整合|统筹|全力|大力|积极|着力|扎实)+"
)


def _entity_name(text: str) -> str:
    """The zone's own name (滇中新区), without the verb before it (培育园区 is no name)."""
    name = _ENTITY_VERB.sub("", _ORDINAL.sub("", _normalise_subject(text)))
    return name if not _RELATIVE_START.match(name) else ""


def _is_entity(name: str) -> bool:
    """Long enough to be a zone's name, or a zone word that names one by itself; never a
    coordination (企业配套和特色园区: two things, no name)."""
    if _COORDINATION.search(name):
        return False
    return _han_count(name) >= 3 or name in ("县域", "郊区") or _COUNTY_GROUP.fullmatch(name) is not None


# Words that join two noun phrases: a span holding one is a list, not a single name.
_COORDINATION = re.compile(r"[和及与、]")


def _heading_entities(doc: Document) -> list[tuple[int, int, str]]:
    """(level, offset, zone) of headings naming a zone: （二）加快滨海新区开发开放."""
    out = []
    for h in doc.headings:
        zones = list(_ENTITY.finditer(h.text))
        name = _entity_name(zones[-1].group(0)) if zones else ""
        out.append((h.level or 9, h.start, name if _is_entity(name) else ""))
    return out


def _heading_subs(doc: Document) -> list[tuple[int, int, str]]:
    """(level, offset, sub-period) of headings naming a span of years (“十一五”时期 …)."""
    out = []
    for h in doc.headings:
        m = _HEAD_SUB.search(h.text)
        # 2020年和“十三五”工作回顾 covers both; 做好“十五五”开局工作 is this year's work
        single_year = _HEAD_YEAR.search(h.text) is not None or "开局" in h.text
        out.append((h.level or 9, h.start, _normal_sub(m.group(0)) if m and not single_year else ""))
    return out


def _classify_verb(verb: str | None) -> tuple[str, int]:
    if not verb:
        return "level", 1
    if verb in _UP_SET:
        return "growth", 1
    if verb in _DOWN_SET:
        return "growth", -1
    return "level", 1


class _ZhParser:
    """Walks one paragraph, sentence by sentence, clause by clause."""

    def __init__(self, text: str, base: int, period: _Period, head_sub: str = "", head_entity: str = "",
                 doc_year: int = 0) -> None:
        self.doc_year = doc_year
        self.year_override = ""  # the year of a figure told as done inside the plan
        self.keyed_end = -1  # where the last sentence with a keyed figure ends
        self.keyed_last = ("", "")  # the aspect and unit family of its last keyed figure
        if _FULLWIDTH_RE.search(text):
            text = text.translate(_FULLWIDTH)  # ２００７ -> 2007, same length
        self.text = text
        text = self.text
        self.base = base
        self.period = period
        self.out: list[Fact] = []
        self.quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
        self.sent_end = 0
        self.quote_starts = [qs for qs, _ in self.quoted]
        self._place = 0.0
        self._scale = 1.0
        self.para_year = ""
        self.para_past = False
        self.para_entity = head_entity
        self.head_entity = head_entity
        lead_end = text.find("。", 0, 32)
        if text.startswith("**"):  # **（四）全力建设郑州航空港经济综合实验区，…。**: a run-in heading
            lead_end = max(lead_end, text.find("**", 2, 120))
        if lead_end > 0:
            self.sent_start = 0
            self.para_entity = self._entity(lead_end) or head_entity
        past_span = _FIVE_YEAR_PARA.search(text, 0, 80)
        self.para_sub = ("今后五年" if _NEXT_FIVE_PARA.search(text, 0, 80) else
                         _normal_sub(past_span.group(0)) if past_span else head_sub)

    def run(self) -> list[Fact]:
        """One scan for numbers; only sentences that hold one are parsed further."""
        self.all = self._numbers(0, len(self.text))
        if not self.all:
            return self.out
        self.starts = [q.num_start for q in self.all]
        pos = 0
        self.prev_len = 0  # how long the sentence before the current one is
        for m in _SENT_END.finditer(self.text):
            if self._has_numbers(pos, m.end()):
                self._sentence(pos, m.end())
            else:
                for ym in _period_years(self.text, pos, m.end()):
                    self.para_year = ym.group(1)
                if _PLAN_WORDS.search(self.text, pos, m.end()):
                    self.para_past = False
                elif _PAST.match(self.text, pos):
                    self.para_past = True
                if m.end() - pos <= 16 and pos > 0:  # 自贸试验区建设提速增效。: a topic sentence
                    self.para_past = self.para_past and bool(_PAST.match(self.text, pos))
                    self.sent_start = pos
                    self.para_entity = self._entity(m.end()) or self.head_entity
            self.prev_len = m.end() - pos
            pos = m.end()
        if pos < len(self.text) and self._has_numbers(pos, len(self.text)):
            self._sentence(pos, len(self.text))
        return self.out

    def _has_numbers(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, s)
        return i < len(self.starts) and self.starts[i] < e  # type: ignore[operator]

    def _numbers_in(self, s: int, e: int) -> list[Fact]:
        i = bisect.bisect_left(self.starts, s)
        j = bisect.bisect_left(self.starts, e)
        return self.all[i:j]

    # -- numbers -----------------------------------------------------------
    def _in_quote(self, i: int) -> bool:
        k = bisect.bisect_left(self.quote_starts, i) - 1  # quoted spans do not nest
        return k >= 0 and self.quoted[k][0] < i < self.quoted[k][1]

    def _numbers(self, s: int, e: int) -> list[Fact]:
        """Quantities of text[s:e] with value, interval and family (no key yet)."""
        text = self.text
        found: list[Fact] = []
        for m in _ZH_QTY.finditer(text, s, e):
            if m.end() == m.start() or self._in_quote(m.start()):
                continue
            q = self._number(m, e)
            if q is not None:
                found.append(q)
        return self._merge_ranges(found)

    def _number(self, m: re.Match[str], limit: int) -> Fact | None:
        """The fact of one number match (percent, 翻番, rank, amount), or None when it is no
        statistic."""
        if m.group("pct"):
            raw = m.group("pnum")
            v, step = arabic_number(raw) if raw[0].isdigit() else cn_number(raw)
            return self._qty(m.start(), m.end(), v, step, "pct", limit)
        if m.group("fan"):
            times = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, None: 1}[m.group("fann")]
            return self._qty(m.start(), m.end(), (2 ** times - 1) * 100, 1, "pct", limit, kind="growth")
        if m.group("rank"):
            return self._rank(m, limit)
        return self._amount(m, limit)

    def _rank(self, m: re.Match[str], limit: int) -> Fact | None:
        text = self.text
        nxt = text[m.end(): m.end() + 1]
        before = text[max(0, m.start() - 10): m.start()]
        if (not m.group("rsuf") and nxt and _RANK_BLOCKER.match(nxt)) or not _RANK_CONTEXT.search(before):
            return None
        raw = m.group("rnum")
        v = float(raw) if raw.isdigit() else cn_number(raw)[0]
        return self._qty(m.start(), m.end(), v, 1, "rank", limit, kind="rank", exact=True)

    def _amount(self, m: re.Match[str], limit: int) -> Fact | None:
        text = self.text
        raw, unit, mult = m.group("num"), m.group("unit"), m.group("mult")
        if unit in _SKIP_UNITS:
            return None
        if not unit and not mult and not m.group("num2"):
            if not is_range_start(text, m.end()) or not raw[0].isdigit():
                return None
            v, step = arabic_number(raw)
            q = self._qty(m.start(), m.end(), v, step, "num", limit)
            q.bare = True  # kept only if it opens a range
            return q
        if self._not_a_statistic(m, raw, unit, mult):
            return None
        is_cn = not raw[0].isdigit()
        v, step = cn_number(raw) if is_cn else arabic_number(raw)
        if m.group("num2"):
            return self._ratio(m, v, step, limit)
        factor = 1.0
        if mult:
            factor = _MULT[mult] if mult in _MULT else _MULT[mult[0]] * _MULT[mult[1:]]
        family, ufactor = _UNITS[unit] if unit else ("num", 1.0)
        if unit == "个" and _PP_LIST.match(text, m.end()):
            family, ufactor = "pp", 1.0  # 分别低于全国、全省1.47个和0.1个百分点
        elif family.startswith("count") and "." in raw and not mult \
                and not _PER_HEAD.search(text, max(0, m.start() - 16), m.start()):
            return None  # 2.5个 is no count, but 每万人拥有15.7件 is a ratio
        fuzzy = m.group("fz1") or m.group("fz2")
        scale = factor * ufactor
        self._scale = scale
        if not is_cn:
            step = self._rounding(raw, family, fuzzy, step, scale)
        return self._qty(m.start(), m.end(), v * scale, step * scale, family, limit, fuzzy=fuzzy)

    def _ratio(self, m: re.Match[str], v: float, step: float, limit: int) -> Fact | None:
        """城乡居民收入比缩小至1.83:1 -- only after 比, never a time of day."""
        before = self.text[max(0, m.start() - 8): m.start()]
        v2, _ = arabic_number(m.group("num2"))
        if "比" not in before or v2 == 0:
            return None
        return self._qty(m.start(), m.end(), v / v2, step / v2, "ratio", limit)

    def _not_a_statistic(self, m: re.Match[str], raw: str, unit: str | None, mult: str | None) -> bool:
        """Numbers that run on into letters or digits, 成 of 成为/成果, and one-digit Chinese
        numerals of idiom and enumeration (一个, 两家, 三项)."""
        nxt = self.text[m.end(): m.end() + 2]
        if _NOT_AFTER_NUM.match(nxt) and not unit:
            return True
        if unit and unit.isascii() and unit.isalpha() and nxt[:1].isalpha() and nxt[:1].isascii():
            return True
        if unit == "成" and nxt[:1] and _CHENG_BLOCKER.match(nxt[:1]):
            return True
        if raw[0].isdigit():
            return False
        if len(raw) == 1 and raw in "一二两三四五六七八九十" and not mult and unit not in ("成", "%", "倍"):
            return True
        return raw in ("千", "百", "十") and not mult

    def _rounding(self, raw: str, family: str, fuzzy: str | None, step: float, scale: float) -> float:
        """The step a written Arabic number allows, and the place a bound word counts from."""
        place = last_place(raw)
        if fuzzy:
            return max(step, place)  # 300多, 1000余: up to the next step of the last digit
        if place >= 100 and family not in ("pct", "pp", "permille", "rank"):
            self._place = place * scale  # 突破5000亿 counts up to the next thousand
            # and a round 4000 may be a rounding within a fifth of its last digit (3800-4200):
            # 312 may be told as 300, 225 not as 200
            return max(step, place * 2 / 5)
        if family not in ("pct", "pp", "permille", "rank") or (family == "pct" and place >= 100):
            # an approximator (超50亿, 超100%) counts from the last non-zero digit; below
            # 100% a rate's bound (增长20%以上) counts one point: 27% is another figure
            self._place = place * scale
        return step

    def _qty(self, s: int, e: int, v: float, step: float, family: str, limit: int, *, kind: str | None = None,
             fuzzy: str | None = None, exact: bool = False) -> Fact:
        text = self.text
        approx = fuzzy
        pm = _POST_APPROX.match(text, e, limit)
        if pm and not exact:
            approx = pm.group(1)
            e = pm.end()
        pre = _PRE_APPROX.search(text, max(0, s - 4), s) if not exact else None
        start = s
        if pre and pre.end() == s:
            approx = approx if approx in _LOWER_WORDS | _UPPER_WORDS and pre.group(1) in _TOL_WORDS else pre.group(1)
            start = pre.start()
        place = self._place
        if approx in _LOWER_WORDS or approx in _UPPER_WORDS:
            step = max(step, place)
        self._place = 0.0
        low, high = make_interval(v, step, approx, family)
        if pre and pre.end() == s and pre.group(1) in _HOLD_WORDS and pm and not exact:
            # 保持在95%以上, 稳定在3%以下: a floor or a ceiling kept, any value past it agrees
            approx = pm.group(1)
            low, high = (v, math.inf) if approx in _LOWER_WORDS else (-math.inf, v) if approx in _UPPER_WORDS \
                else (low, high)
        q = Fact(start, e, text[start:e], v, low, high, family, "zh", approx=approx)
        q.num_start = s
        q.step = step
        q.place = place
        q.scale = self._scale
        self._scale = 1.0
        if kind:
            q.kind = Aspect(kind)
        return q

    def _merge_ranges(self, qs: list[Fact]) -> list[Fact]:
        out: list[Fact] = []
        for q in qs:
            if out:
                p = out[-1]
                between = self.text[p.end: q.num_start]
                if _RANGE_SEP.match(between) and p.family in (q.family, "num") and p.approx in _RANGE_OPEN \
                        and q.approx in _RANGE_CLOSE:
                    lo, lo_low = p.value, (p.low if p.approx is None else p.value)
                    if p.family == "num" and q.family != "num":
                        # 1~2个, 3-5万人: the unit (and the multiplier) come at the end
                        scale = q.scale
                        lo, lo_low = p.value * scale, (p.value - 0.5 * (p.high - p.low)) * scale
                    out[-1] = Fact(p.start, q.end, self.text[p.start:q.end], (lo + q.value) / 2,
                                       min(lo_low, q.low), max(q.high, lo), q.family, "zh", approx="range")
                    out[-1].num_start = p.num_start
                    continue
            out.append(q)
        return [q for q in out if not q.bare]

    # -- structure ---------------------------------------------------------
    def _sentence(self, s: int, e: int) -> None:
        """One sentence (to 。！？): a colon's lead-in decides the period of the list after it."""
        text = self.text
        colon = -1
        for c in ("：", ":"):
            k = text.find(c, s, e)
            if k >= 0 and (colon < 0 or k < colon):
                colon = k
        list_target = False
        unknown = False
        if colon >= 0:
            lead = text[s:colon]
            if _TARGET.search(lead) or "目标" in lead or "任务" in lead:
                list_target = True
            elif s == 0 and len(lead.strip("*#— ")) <= 3:
                unknown = True  # the list's lead-in is missing: we cannot tell what it lists
        if not self.para_sub and _YTD.search(text, s, e):
            self.para_sub = "今年以来"  # 比去年同期增长: figures of this year so far, not of a whole year
        if _PLAN_WORDS.search(text, s, e):
            self.para_past = False  # 去年我市基本完成…，今年要…: the sentence is about this year
        elif _PAST.match(text, s):
            self.para_past = True
        state = _PartState(year=self.para_year)  # 1997年，全市…。…增长17.7%: the year holds for the paragraph
        state.topic = None
        # 全年…, 去年…: a sentence that says it tells one year is not told of the paragraph's span
        state.year_here = _ONE_YEAR_SENTENCE.match(text, s) is not None
        self.sent_start = s
        self.sent_end = e
        # where the sentence first looks ahead or estimates: found once, not per figure
        ahead = _AHEAD_WORDS.search(text, s, e)
        self.ahead_at = ahead.start() if ahead else e
        estimate = _ESTIMATE.search(text, s, e)
        self.estimate_at = estimate.start() if estimate else e
        pos = s
        for pm in _PART_SEP.finditer(text, s, e):
            self._part(pos, pm.start(), colon, list_target, unknown, state)
            state.prev = None
            pos = pm.end()
        self._part(pos, e, colon, list_target, unknown, state)
        self.para_year = state.year

    def _groups(self, qs: list[Fact]) -> list[list[Fact]]:
        """Quantities joined only by 、和及与 form one value list."""
        groups: list[list[Fact]] = []
        for q in qs:
            if groups and groups[-1][-1].end <= q.start and _LIST_GLUE.match(self.text[groups[-1][-1].end:q.start]):
                groups[-1].append(q)
            else:
                groups.append([q])
        return groups

    def _part(self, s: int, e: int, colon: int, list_target: bool, unknown: bool, state: _PartState) -> None:
        """One part of a sentence (to ；): each value group with the clause before it."""
        text = self.text
        qs = self._numbers_in(s, e)
        if not qs:
            for ym in _period_years(text, s, e):
                state.year = ym.group(1)
            return
        cur = _Cursor([s] + [m.end() for m in _CLAUSE_SEP.finditer(text, s, e)], colon, list_target, unknown, e, s, s)
        extra: list[Fact] = []
        for g in self._groups(qs):
            extra.extend(self._group(g, cur, state))
        self._emit(qs + extra)

    def _group(self, g: list[Fact], cur: _Cursor, state: _PartState) -> list[Fact]:
        """Key one value group (a value, or values joined by 、和及与) by the clause before it."""
        text = self.text
        first = g[0]
        _spread_bound(g)
        cstart = max(b for b in cur.bounds if b <= first.start)
        seg_start = max(cstart, cur.prev_end)
        seg = text[seg_start:first.start]
        cur.prev_end = g[-1].end
        sub_m = self._advance_marks(first, g[-1].end, cur, state)
        mode = self._mode(first, cstart, cur, state)
        core = _SUBPERIOD.sub("", _YEAR.sub("", seg))
        residual, kind, qual, sign, flags = self._subject(core, first)
        residual = _carry_list_modifiers(seg, residual, cur)
        subject, _ = self._choose_subject(residual, seg, flags, first, state)
        if subject and ">" not in subject and (topic := self._topic_clause(cur, cstart)):
            subject = topic + ">" + subject
        if subject and ">" not in subject and state.topic is None and "其中" in seg:
            for q in g:
                q.part = True  # …。其中，X: a part of a whole its sentence does not name
        suffix = self._suffix(g[-1].end, cur.end)
        if suffix:
            cur.prev_end = self._suffix_stop  # 1万套廉租房、1.7万套公租房: 廉租房 is not the next subject
        subject = self._after_value(g, suffix, core, subject, flags, state)
        if sub_m:
            state.sub = _normal_sub(sub_m.group(1))
        sub = state.sub or ("" if state.year_here else self.para_sub)
        year = self.year_override or state.year
        self.year_override = ""
        period = Period(Status(mode), year or self.period.year, sub)
        sub_off = self.base + seg_start + (len(seg) - len(seg.lstrip("、，,和及与 ")))
        if residual and (at := seg.rfind(residual[:2])) >= 0:
            sub_off = self.base + seg_start + at  # the span starts at the subject, not at 据统计/力争
        aspect = Aspect(kind)
        measure = _measure_of(seg, core, residual, first.approx, kind == "growth")
        period = _span_end(period, self.doc_year, bool(year), measure, first.family, aspect)
        _stamp(g, aspect, qual, sign, period, sub_off, suffix)
        for q in g:
            q.measure = measure
        if not suffix:
            self._mark_wording(first, seg, seg_start, residual)
        if subject:
            self.keyed_end, self.keyed_last = self.sent_end, (kind, first.family)
        extra = self._assign(g, subject, flags)
        _hand_on(subject, residual, flags, state)
        return extra

    def _advance_marks(self, first: Fact, group_end: int, cur: _Cursor, state: _PartState) -> re.Match[str] | None:
        """Years and sub-period markers written since the last group (一季度，全市…增长3.5%:
        the marker may stand in an earlier clause)."""
        for ym in _period_years(self.text, cur.year_pos, first.start):
            state.year = ym.group(1)
            state.year_here = True
        sub_m = None
        for sm in _SUBPERIOD.finditer(self.text, cur.year_pos, first.start):
            sub_m = sm
        cur.year_pos = group_end
        return sub_m

    def _mode(self, first: Fact, cstart: int, cur: _Cursor, state: _PartState) -> str:
        """Result, target or unknown for a group: target words in its clause, a list after a
        target lead-in, last year told inside the plan, else the section's."""
        if _TARGET.search(self.text, cstart, first.end):  # 不低于1.5万套: the bound word is a commitment
            cur.target_seen = True
        after_colon = 0 <= cur.colon < first.start
        if cur.unknown and after_colon:
            return "?"
        if cur.target_seen or (after_colon and cur.list_target):
            return "target"
        if self.period.mode == "target" and self.para_past:
            if self.period.year and not state.year:
                state.year = str(int(self.period.year) - 1)
            return "actual"  # 过去一年，…。全市地区生产总值增长6.9%: last year, told in the plan
        if self._told_as_done(first):
            if self.period.mode == "target" and self.period.year and not state.year:
                self.year_override = str(int(self.period.year) - 1)
            return "actual"
        return self.period.mode

    def _topic_clause(self, cur: _Cursor, cstart: int) -> str:
        """A clause that is nothing but a restricted noun phrase (人均收入千元以下的老区村，)
        is the topic of the clause after it: that clause's figure is the group's, not the
        city's. A phrase opened by a preposition (在…的支持下, 通过…的) sets no topic."""
        if cstart in cur.topics:
            return cur.topics[cstart]
        i = bisect.bisect_left(cur.bounds, cstart)
        m = None
        if 0 < i < len(cur.bounds) and cur.bounds[i] == cstart:
            # (a figure inside it is a threshold of the group: 收入低于五千元的山村)
            m = _TOPIC_NP.fullmatch(self.text, cur.bounds[i - 1], cstart - 1)
        cur.topics[cstart] = m.group(1) if m else ""
        return cur.topics[cstart]

    def _told_as_done(self, first: Fact) -> bool:
        """A figure the sentence gives as already reached or estimated, whatever section it
        stands in: a verb in the perfective (已达, 已经超过), an estimate (预计). Not when the
        words before it look ahead (到2025年将…, 力争…, 预计今年)."""
        if self.ahead_at < first.end:
            return False
        if self.estimate_at < first.start:
            return True
        return self.estimate_at >= first.end \
            and _PERFECTIVE.search(self.text, max(self.sent_start, first.start - 8), first.start) is not None

    def _choose_subject(self, residual: str, seg: str, flags: str, first: Fact,
                        state: _PartState) -> tuple[str | None, bool]:
        """(subject, inherited): the clause's own subject, or the previous one for a clause
        without its own (…1455.2亿元，增长6.8%)."""
        if "of" in flags:
            return None, False  # 为年度计划的110%, 是“十五”时期的1.7倍: a ratio to something else
        if "from" in flags:
            if _good_subject(residual) and not _is_generic(residual):
                state.prev = residual  # 从A增至B: B inherits the subject; A is an earlier value
            return None, False
        if residual and _good_subject(residual) and not _is_generic(residual) and not _COMPARISON.match(residual):
            return self._own_subject(residual, seg, flags, first, state), False
        if state.prev is not None and not _PRONOUN.match(residual) and (not residual or _is_generic(residual)) \
                and "其中" not in seg:
            return state.prev + ("·" + residual if residual else ""), True
        if _COMPARISON.match(residual):
            # 增速分别高于全国、全省0.7个百分点, 比五年前提高7个百分点: a gap, owned by the previous subject
            return (state.prev + "·" + residual if state.prev is not None else None), False
        return None, False

    def _own_subject(self, residual: str, seg: str, flags: str, first: Fact, state: _PartState) -> str | None:
        """A clause's own subject with its scope: the total it is part of (…，其中X) or the
        zone the sentence is about (滇中新区经济运行稳中向好，地区生产总值增长8.5%)."""
        relative = _LEAD_VERB.sub("", residual) in _RELATIVE_HEADS or residual.endswith("项目")
        if state.topic is not None and "其中" in seg:
            subject = state.topic + ">" + residual
        elif relative and "enum" not in flags:
            return None  # 营收, 总投资, 投入 of what park or project: said elsewhere
        else:
            subject = residual
        if not _WHOLE_PLACE.search(seg):
            entity = self._entity(first.start)
            if entity and not subject.startswith(entity) and entity not in subject \
                    and len(os.path.commonprefix([entity, subject])) < 3:  # noqa: RUF071 (shared leading characters of two names)
                # a zone named after the metric's own field (跨境电商综合试验区 and 跨境电商
                # 进出口额) is a programme of the city, not the place the figure is about
                subject = entity + ">" + subject
        return subject

    def _after_value(self, g: list[Fact], suffix: str, core: str, subject: str | None, flags: str,
                     state: _PartState) -> str | None:
        """What follows the value may undo the subject: a list title (8个项目：), a modifier
        (超5000万元的楼宇), a threshold (1亿元以上项目); a count names what it counts."""
        if suffix == "：":
            return None
        if self.text.startswith("的", g[-1].end) and "from" not in flags:
            state.prev = None
            return None  # 超5000万元的(楼宇), 2409亿元的(项目): a modifier, not a measurement
        if not suffix or len(g) != 1 or "from" in flags or suffix.startswith(_MILESTONES):
            return subject  # 突破5000亿元大关: the mark a level passed
        if not g[0].family.startswith("count"):
            return None  # 1亿元以上项目, 90%以上企业: a threshold, not a measurement
        verb_obj = _normalise_subject(core)
        n = _han_count(verb_obj)
        if n == 1 or _han_count(suffix) < 3 or (not n and suffix.startswith(("项目", "企业"))):
            return None  # 20个省级、…; 467个项目完成投资: too little to say what is counted
        return (verb_obj if n >= 2 else "") + "·" + suffix

    def _emit(self, facts: list[Fact]) -> None:
        """Move the part's facts to document offsets, once each."""
        for q in facts:
            if q.done:
                continue
            q.done = True
            q.start += self.base
            q.end += self.base
            q.sentence = self.base + self.sent_start
            q.sentence_end = self.base + self.sent_end
            self.out.append(q)

    def _mark_wording(self, q: Fact, seg: str, seg_start: int, residual: str) -> None:
        """Keep the words that tie a value to its subject (…，比年初增长3.7%: 比年初增长) and
        mark a sentence that is nothing but such words (比年初增长2.7%。) as an orphan: a
        restatement without its own subject, which the rule matches with the one clause
        of the document that says the same words.

        An orphan's metric noun phrase is missing, not hidden behind a lead-in: the
        clauses before it in its sentence are discourse lead-ins (short and without a
        figure: 数据显示，其中，), and the paragraph gave it no subject to go on with: it
        is not the paragraph's first sentence (which goes on from the heading), nor does
        it follow a topic sentence (第三产业增创新优势。实现增加值872亿元) or a sentence
        whose last keyed figure it could go on with (…1455.2亿元。比上年增长6.8%。; not
        …占比36.1%，提高0.3个百分点。比年初增长2.7%。: a change in percent of a change
        in points)."""
        q.wording = seg  # framed (frame_words) only when the document has an orphan to match
        s = self.sent_start
        if self.prev_len <= _TOPIC_MAX or self._numbers_in(s, q.num_start):
            return  # the first sentence, or one after a topic sentence; not its sentence's first figure
        # a rate of what was named before (办复率 of the proposals handled) still needs its
        # subject; an amount (营收, 实际利用外资) is told of the sentence's own topic
        relative_rate = residual.endswith("率") and _LEAD_VERB.sub("", residual) in _RELATIVE_HEADS
        if residual and not _is_generic(residual) and not _COMPARISON.match(residual) and not relative_rate:
            return  # a subject of its own
        if self.keyed_end == s and _may_go_on(self.keyed_last, (q.kind.value, q.family)):
            return  # it goes on with the figure before
        wording = frame_words(seg)
        if _han_count(wording) >= 4 and all(_han_count(c) <= _LEAD_IN_MAX for c in _CLAUSE_SEP.split(self.text[s:seg_start])):
            q.orphan = wording

    def _entity(self, pos: int) -> str:
        """A zone or district named earlier in the sentence, in the paragraph's short lead
        (县域经济发展迅速。) or in the sub-heading: its figures are not the city's."""
        found = self.para_entity
        hint = _ZONE_HINT.search(self.text, self.sent_start, pos)
        if hint is None:
            return found  # no zone word ends before pos: nothing for the slower pattern to find
        # a name is at most 8 characters before a zone word of at most 5: the leftmost match
        # cannot start earlier than that before the first zone character
        for m in _ENTITY.finditer(self.text, max(self.sent_start, hint.start() - 14), pos):
            name = _entity_name(m.group(0))
            if _is_entity(name) and not _RELATIVE_START.match(name):
                found = name
        return found

    def _suffix(self, end: int, limit: int) -> str:
        """The noun after a counted number (建设9座**污水处理厂**)."""
        text = self.text
        self._suffix_stop = end
        if _SUFFIX_STOP.match(text, end):
            return ""
        stop = end
        out = []
        while stop < limit and len(out) < 12 and text[stop] not in "，。；、：,;:“”" and not text[stop].isdigit():
            if text[stop] in "（(":  # 县（市、区）入选…: skip the bracket, keep the noun phrase
                close = text.find("）" if text[stop] == "（" else ")", stop, limit)
                if close < 0:
                    break
                stop = close + 1
                continue
            out.append(text[stop])
            stop += 1
        self._suffix_stop = stop
        if text.startswith("：", stop) or text.startswith("**：", stop):
            return "："  # 8个城际轨道项目：… — a count in a list title
        return "".join(out).lstrip("的")

    def _subject(self, seg: str, q: Fact) -> tuple[str, str, str, int, str]:
        """(residual subject phrase, kind, qualifier, sign, flags) of the text before a value."""
        seg = seg.rstrip()
        of = seg.endswith("的")
        seg = seg.removesuffix("的")
        pre = _PRE_APPROX.search(seg)
        if pre:
            seg = seg[: pre.start()]
        kind, qual, sign = "level", "", 1
        if q.family == "rank":
            kind = "rank"
            rm = _RANK_TAIL.search(seg)
            if rm:
                qual = re.sub(r"^(了|到|至)", "", rm.group("qual"))
                seg = seg[: rm.start()]
            elif seg.endswith(("全国", "全省", "全市")):
                qual, seg = seg[-2:], seg[:-2]
        else:
            sm = _SHARE.search(seg) if q.family in ("pct", "pp") else None
            if sm:
                kind = "share"
                qual = (sm.group("whole") or sm.group("whole2") or "").strip()
                seg = seg[: sm.start()]
            else:
                vm = _VERB_TAIL.search(seg)
                if vm:
                    kind, sign = _classify_verb(vm.group("verb"))
                    seg = seg[: vm.start()]
        flags = "of" if of and kind != "share" else ""
        fm = _FROM.search(seg)
        if fm:
            flags += "from"
            seg = seg[: fm.start()]
        if _ENUM_WORD.search(seg):
            flags += "enum"
        if seg.endswith(("均", "都")):
            flags += "each"
        return _normalise_subject(seg), kind, qual, sign, flags

    def _assign(self, g: list[Fact], subject: str | None, flags: str) -> list[Fact]:
        """Give each value of a group its subject; returns copies made for 'A、B均…'."""
        if subject is None:
            return []
        scope, _, subject = subject.rpartition(">")
        if scope:
            scope += ">"  # 县域经济…，一般公共预算收入、…分别增长: every item is the zone's
        items = _list_items(subject, len(g), flags)
        if len(g) == 1 and "enum" not in flags:
            return _assign_one(g[0], scope, subject, items, flags)
        _assign_list(g, scope, subject, items, flags)
        return []


def _list_items(subject: str, n_values: int, flags: str) -> list[str]:
    """The items of a subject that lists several (A、B和C), split the way that matches the
    number of values."""
    items = [_normalise_subject(i) for i in _SPLIT_ITEMS.split(subject) if i.strip()]
    if len(items) != n_values or ("enum" in flags and len(items) < 2):
        alt = [_normalise_subject(i) for i in _SPLIT_ITEMS2.split(subject) if i.strip()]
        if len(alt) == n_values or len(items) < 2:
            items = alt
    return items


def _assign_one(q: Fact, scope: str, subject: str, items: list[str], flags: str) -> list[Fact]:
    """One value: its subject, or, after 均/都 (A、B均增长10%), one fact per item."""
    if "each" not in flags or len(items) < 2:
        q.subject = scope + subject if not _RELATIVE_START.match(subject) else None
        if q.subject and q.family in _RATE_FAMILIES and "、" in subject and _item_ok(items[-1]):
            # 国有化、固定化率达到100%, 大数据、云计算产业营业收入增长20%: a rate told once for
            # items that share their head holds for each; the last item carries the head
            return [Fact(q.start, q.end, q.text, q.value, q.low, q.high, q.family, q.lang, q.kind, scope + items[-1],
                         q.subject_start, q.qualifier, q.period, None, False, q.suffix, q.approx, q.measure)]
        return []
    q.subject = scope + items[-1] if _item_ok(items[-1]) else None
    return [Fact(q.start, q.end, q.text, q.value, q.low, q.high, q.family, q.lang, q.kind, scope + it,
                 q.subject_start, q.qualifier, q.period, None, False, q.suffix, q.approx, q.measure)
            for it in items[:-1] if _item_ok(it)]


def _assign_list(g: list[Fact], scope: str, subject: str, items: list[str], flags: str) -> None:
    """A value list: each value its item when the counts match (A、B分别增长1%、2%), else
    the enumeration key only."""
    tail = scope + (items[-1] if items else subject)
    matched = len(items) == len(g) and len(g) >= 2
    if items and items[-1].endswith(("年均", "累计")):
        mark = "年均" if items[-1].endswith("年均") else "累计"  # 城镇和农村居民…年均分别增长: all of them
        items = [it if it.endswith(mark) else it + mark for it in items]
    longest = max((len(it) for it in items), default=0)
    # 市属企业资产总额、营业总收入、净利润: the later items share the first one's scope
    scoped = bool(items) and _item_ok(items[0])
    for i, q in enumerate(g):
        q.enum = (tail, i)
        q.enum_items = "、".join(items)
        q.enum_size = len(g)
        if matched and _item_subject(items, i, longest, scoped):
            q.subject = scope + items[i]
        else:
            q.subject = scope + subject
            q.ambiguous = True
    if "enum" not in flags and not matched:
        g[0].ambiguous = False  # a bare value list: the first value is the subject's


def _item_subject(items: list[str], i: int, longest: int, scoped: bool) -> bool:
    """Can item ``i`` stand as a subject by itself? Not a fragment that shares its head
    with a longer item (城镇和农村居民…: 城镇)."""
    if len(items) > i and _han_count(items[i]) <= 2 and longest >= 5:
        return False
    return _item_ok(items[i]) or (scoped and _good_subject(items[i]) and not _is_generic(items[i]))


@dataclass(slots=True)
class _Cursor:
    """What carries from one value group of a sentence part to the next."""

    bounds: list[int]  # where the part's clauses start
    colon: int
    list_target: bool
    unknown: bool
    end: int
    prev_end: int
    year_pos: int
    target_seen: bool = False
    dist_verb: str = ""  # 新增 of 新增上市企业17家、新三板挂牌企业192家
    topics: dict[int, str] = field(default_factory=dict)  # the topic clause before a clause start
    place_scope: str = ""  # 市区 of 市区新建公园200个、新增绿地500万平方米


def _spread_bound(g: list[Fact]) -> None:
    """分别突破200亿元、150亿元: the word before a value list bounds every value of it."""
    first = g[0]
    if len(g) < 2 or not first.approx or first.approx == "range":
        return
    for q in g[1:]:
        if q.approx is None and q.step > 0:
            step = q.step
            if first.approx in _LOWER_WORDS or first.approx in _UPPER_WORDS:
                step = max(step, q.place)
            q.approx = first.approx
            q.low, q.high = make_interval(q.value, step, q.approx, q.family)


def _carry_list_modifiers(seg: str, residual: str, cur: _Cursor) -> str:
    """An item after 、 keeps the verb of distribution (新增) and the place (市区) of the
    item before it; any other clause sets them anew."""
    listed = seg.lstrip().startswith("、")
    lead = _DIST_VERB.match(residual)
    if listed and residual and not lead and cur.dist_verb:
        residual = cur.dist_verb + residual
    elif not listed:
        cur.dist_verb = lead.group(0) if lead else ""
    if listed and residual and cur.place_scope and not residual.startswith(cur.place_scope):
        residual = cur.place_scope + residual
    elif not listed:
        pm = _PLACE_SCOPE.match(residual[lead.end():] if lead else residual)
        cur.place_scope = pm.group(1) if pm else ""
    return residual


def _hand_on(subject: str | None, residual: str, flags: str, state: _PartState) -> None:
    """The subject later clauses without their own inherit: this clause's when it named
    one, none after a clause that named something unkeyed."""
    if subject and residual and _good_subject(residual) and not _is_generic(residual):
        state.prev = subject
        if state.topic is None:
            state.topic = subject
    elif subject is None and residual and not _is_generic(residual) and "from" not in flags:
        state.prev = None


def _stamp(g: list[Fact], kind: Aspect, qual: str, sign: int, period: Period, sub_off: int, suffix: str) -> None:
    """Give every value of a group the aspect, qualifier, period and sign of its clause."""
    for q in g:
        if q.kind not in ("rank", "growth"):
            q.kind = kind
        q.qualifier = qual if q.kind == "rank" or kind == q.kind else ""
        q.period = period
        if sign < 0 and q.kind == "growth":
            q.value, q.low, q.high = -q.value, -q.high, -q.low
        q.subject_start = sub_off
        q.suffix = suffix


# Names of a five-year plan (十三五, “十三五”): the nth plan ends in 1955 + 5n.
_PLAN_SPAN = re.compile(r"^(十[一二三四五六七八九]?|[六七八九])五$")
# Spans of years named from the present: past ones (过去五年, 五年来, 本届政府, 三年来,
# 近三年) end with the year before the report, future ones (今后五年) do not say when.
_NEXT_SPAN = re.compile(r"今后|未来")


def _span_end(period: Period, doc_year: int, stated: bool, measure: Measure, family: str, aspect: Aspect) -> Period:
    """The year a span of years ends in, when the text leaves it to the reader (the year
    of the section around it is not that year): a review of the past five years ends
    the year before the report, the 十三五 plan in 2020, 今后五年 with the fifth year
    counted from the report's own. An annual average told without a span is told of the span its
    section looks back on or ahead to."""
    spanned = period.multi_year or (measure in (Measure.AVERAGE, Measure.CUMULATIVE) and not period.span)
    ahead = _NEXT_SPAN.search(period.span) is not None
    if not spanned or stated or (period.status is Status.RESULT and ahead):
        return period
    if measure is Measure.POINT and family in _RATE_FAMILIES and aspect is not Aspect.GROWTH:
        # a rate told of a span (就业率, 优良率 of five years) may be its average: which
        # year it holds for, the text does not say
        return Period(period.status, "", period.span)
    plan = _PLAN_SPAN.match(period.span)
    end = 1955 + 5 * int(cn_number(plan.group(1))[0]) if plan else doc_year + 4 if ahead and doc_year else 0
    if period.status is Status.RESULT and doc_year:
        end = min(end, doc_year - 1) if end else doc_year - 1
    elif period.status is Status.RESULT and not end:
        return period  # the report's year is unknown: the section's year is the best guess
    elif period.status is not Status.TARGET or not end:
        return Period(period.status, "", period.span)
    return Period(period.status, str(end), period.span)


# What a figure sums over its period, from the words of its clause: an annual average
# (年均, 年平均, 平均每年), a running total (累计, 累积), and the verbs that count what was
# added (新增, 新建, 引进 …: flows, whose span's sum is not a year's).
_AVERAGE_WORDS = re.compile(r"年均|年平均|平均每年|每年平均")
_CUMULATIVE_WORDS = re.compile(r"累计|累积")
_FLOW_VERB = re.compile(r"^(?:新增|新建|新开工|新引进|新认定|新培育|引进|培育|建成|改造|完成|实施|开工|签约|净增|招引|吸引)")


# Verbs and bound words of a level reached (达到, 提高到, 突破): over a span of years such a
# level is the one at its end. A level told without one (四年实际利用内资300亿元) is the
# span's amount, and one kept (保持在95%以上) holds for every year of it.
_REACHED = re.compile(
    r"(?:达到|达|增至|增长到|增长至|增加到|增加至|提高到|提高至|提升到|提升至|上升到|上升至|升至|降至|降到|下降到|下降至|"
    r"降低到|降低至|减少到|减少至|缩小到|缩小至|扩大到|扩大至|跃升至|跃升到|跃居)了?$"
)
_REACHED_BOUND = frozenset("突破 超过 超 迈上 跨越 跃上 站上 迈入".split())


def _measure_of(seg: str, core: str, residual: str, approx: str | None, growth: bool) -> Measure:
    """What a figure sums over its period, from the words of its clause."""
    if _AVERAGE_WORDS.search(seg):
        return Measure.AVERAGE
    if _CUMULATIVE_WORDS.search(seg):
        return Measure.CUMULATIVE  # also 五年累计, which the subject drops
    if _SUBPERIOD.search(seg):
        return Measure.FLOW  # a span named in the clause itself (五年新建…, 四年实际利用…, 五年增长40%)
    if growth:
        # a change told of a span may be the span's total, and that need not be far from a
        # year's (死亡人数五年下降13.6%, 去年下降13.9%): it keeps its span
        return Measure.FLOW
    if _FLOW_VERB.match(residual):
        return Measure.FLOW  # 新增…
    stem = _PRE_APPROX.sub("", core.rstrip().removesuffix("的"))
    return Measure.POINT if approx in _REACHED_BOUND or _REACHED.search(stem) else Measure.FLOW


@dataclass(slots=True)
class _PartState:
    year: str
    year_here: bool = False  # the year was written in this sentence
    sub: str = ""
    prev: str | None = None
    topic: str | None = None


# ----------------------------------------------------------------------------------------
# English

_EN_NUMWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|a|one hundred|a hundred)(?![\w'])"  # not the "a" of "and", "above"
)
_EN_QTY = re.compile(
    r"(?<![\w.$])(?P<cur>US\$|S\$|C\$|\$|£|€)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + _EN_NUMWORD + r")"
    r"(?:\s*(?:-|to|–)\s*(?P<num2>\d+(?:\.\d+)?))?"
    r"(?P<unit>\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b|basis\s+points?\b))?"
    r"(?:\s*(?:-|to|–)\s*(?P<num3>\d+(?:\.\d+)?)(?P<unit3>\s*(?:%|percent\b|per\s+cent\b)))?"
    r"(?P<scale>\s+(?:thousand|million|billion|trillion)\b)?",
    re.I,
)
_EN_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen".split())}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_PRE = re.compile(
    r"(?:(?P<lower>more than|over|above|at least|upwards of|in excess of|well over|just over|exceeding)"
    r"|(?P<upper>nearly|almost|close to|under|less than|fewer than|up to|as much as|as many as|as high as|just under|below)"
    r"|(?P<tol>about|around|roughly|approximately|some|an estimated|approx\.))\s*$",
    re.I,
)
_EN_TARGET = re.compile(r"\b(expect|expected|expects|projected|forecast|target|targets|aim|aims|will|plan|plans|budgeted|estimated)\b", re.I)
_EN_YEAR = re.compile(r"\b(?:FY\s?)?((?:19|20)\d{2})\b")
_EN_QUARTER = re.compile(r"\b(first|second|third|fourth)\s+quarter\b|\bQ([1-4])\b", re.I)
_EN_CLAUSE = re.compile(r"[,;:()]")
# A clause that opens with a participle (totaling, bringing, reaching, up) is the tail of
# the clause before it.
_EN_PARTICIPLE = re.compile(r"\s*(?:[a-z]+ing|up|down)\b")
_EN_WORD = re.compile(r"[A-Za-z]+|#")
_EN_STOP = frozenset(
    "a an the of to in on at by for with and or but so it its this that these those we our us you your they their he she "
    "his her is are was were be been being will would can could should may might has have had do does did not no as than "
    "more over above about around some up down from into out also just very all any each per".split()
)


# words a restatement adds or drops in front of a clause without changing what it measures
_EN_LEAD_WORDS = frozenset("also and but so then overall thus the in short recap to sum up total all as noted above".split())
# verbs a restatement may swap for one another
_EN_VERB_CANON = {
    "rose": "rise", "rises": "rise", "risen": "rise", "grew": "rise", "grows": "rise", "grown": "rise", "grow": "rise",
    "increased": "rise", "increases": "rise", "increase": "rise", "climbed": "rise", "climbs": "rise",
    "fell": "fall", "falls": "fall", "fallen": "fall", "declined": "fall", "declines": "fall", "decline": "fall",
    "dropped": "fall", "drops": "fall", "drop": "fall", "decreased": "fall", "decreases": "fall", "decrease": "fall",
    "reached": "reach", "reaches": "reach", "hit": "reach", "hits": "reach", "totalled": "reach", "totaled": "reach",
    "stood": "stand", "stands": "stand",
}


def _en_key_words(seg: str) -> list[str]:
    """The last words of a clause before its number, as a metric key: lead-in words
    (also, the, overall) dropped from its front and verbs of one direction made one
    (rose, grew, increased), so that a restatement in other words keeps its key."""
    words = [w.lower() for w in _EN_WORD.findall(_EN_QTY.sub(" # ", seg)) if len(w) > 1 or w in "#a"]
    words = [_EN_VERB_CANON.get(w, w) for w in words[-8:]]
    while words and words[0] in _EN_LEAD_WORDS:
        words.pop(0)
    return words


def _en_number(raw: str) -> tuple[float, float] | None:
    r = raw.lower().replace(",", "")
    if r[0].isdigit():
        return arabic_number(r)
    if r in ("a", "a hundred", "one hundred"):
        return (1.0, 1.0) if r == "a" else (100.0, 1.0)
    parts = re.split(r"[- ]", r)
    total = 0.0
    for p in parts:
        if p in _EN_TENS:
            total += _EN_TENS[p]
        elif p in _EN_WORDS:
            total += _EN_WORDS[p]
        else:
            return None
    return total, 1.0


def _en_paragraph(text: str, base: int, sentences: list[tuple[int, int]], period: _Period) -> list[Fact]:
    """The facts of an English paragraph, sentence by sentence."""
    out: list[Fact] = []
    for ss, se in sentences:
        sent = text[ss - base:se - base]
        prev_end = 0
        for m in _EN_QTY.finditer(sent):
            q = _en_fact(sent, m, prev_end, period)
            if q is None:
                continue
            q.start, q.end = q.start + ss, q.end + ss
            if q.subject_start >= 0:
                q.subject_start += ss
            q.sentence, q.sentence_end = ss, se
            out.append(q)
            prev_end = m.end()
    return out


def _en_value(m: re.Match[str]) -> tuple[float, float, str] | None:
    """(value, step, family) of an English number match, or None when it is no statistic."""
    cur, unit, scale = m.group("cur"), m.group("unit"), m.group("scale")
    raw = m.group("num")
    if not (cur or unit or scale) or (not raw[0].isdigit() and not (scale or unit)):
        return None
    parsed = _en_number(raw)
    if parsed is None:
        return None
    factor = _EN_SCALE[scale.strip().lower()] if scale else 1.0
    if unit:
        u = unit.strip().lower()
        family = "pp" if u.startswith("percentage") else "bps" if u.startswith("basis") else "pct"
    else:
        family = "money" if cur else "count"
    return parsed[0] * factor, parsed[1] * factor, family


def _en_fact(sent: str, m: re.Match[str], prev_end: int, period: _Period) -> Fact | None:
    """One English number with its interval, key words and period (offsets in ``sent``)."""
    found = _en_value(m)
    if found is None:
        return None
    v, step, family = found
    factor = _EN_SCALE[m.group("scale").strip().lower()] if m.group("scale") else 1.0
    # prefix: the clause before the number, cut at the previous quantity; a participle
    # after a comma (…151 programs, totaling $18 billion) continues the clause before it
    starts = [0] + [cm.end() for cm in _EN_CLAUSE.finditer(sent, 0, m.start())]
    cstart = starts[-1]
    if len(starts) > 1 and _EN_PARTICIPLE.match(sent, cstart):
        cstart = starts[-2]
    seg_start = max(cstart, prev_end)
    seg = sent[seg_start: m.start()]
    approx = None
    pm = _EN_PRE.search(seg)
    if pm:
        approx = "超" if pm.group("lower") else "近" if pm.group("upper") else "约"
        seg = seg[: pm.start()]
    if m.group("num2") or m.group("num3"):
        v2 = float(m.group("num2") or m.group("num3")) * factor
        low, high = min(v, v2), max(v, v2)
        approx = approx or "range"
    else:
        if approx in ("超", "近"):
            step = max(step, (last_place(m.group("num")) if m.group("num")[0].isdigit() else 1.0) * factor)
        low, high = make_interval(v, step, approx, family)
    qs = seg_start + pm.start() if pm else m.start()
    q = Fact(qs, m.end(), sent[qs:m.end()], v, low, high, family, "en", approx=approx)
    _en_key(q, seg, seg_start)
    before = sent[: m.start()]
    years = _EN_YEAR.findall(before)
    quarter = _EN_QUARTER.search(before)
    mode = "target" if _EN_TARGET.search(before) or period.mode == "target" else "actual"
    q.period = Period(Status(mode), years[-1] if years else period.year, quarter.group(0).lower() if quarter else "")
    after = sent[m.end(): m.end() + 40]
    q.suffix = " ".join(w.lower() for w in _EN_WORD.findall(re.split(r"[,;:.()]", after, maxsplit=1)[0])[:3])
    return q


def _en_key(q: Fact, seg: str, seg_start: int) -> None:
    """The last three content words of the clause before the number and the word that
    ties them to it (rate rise to, rate at): a restatement may drop a time phrase in
    front. Too few words to be specific give no subject."""
    words = _en_key_words(seg)
    content = [w for w in words if w not in _EN_STOP and w != "#"]
    q.wording = " ".join(words)
    if len(words) >= 4 and (len(content) >= 2 or len(words) >= 6):
        tail = content[-3:] + ([words[-1]] if words[-1] in _EN_STOP else [])
        q.subject = " ".join(tail) if len(content) >= 3 else " ".join(words)
        q.subject_start = seg_start + len(seg) - len(seg.lstrip())
    elif len(words) >= 4 or (len(words) >= 3 and len(content) >= 2):
        # a clause whose subject is a pronoun or too short (they have been cut from, rescue
        # checks to): a restatement repeats its words, which the rule matches
        q.orphan = q.wording


# ----------------------------------------------------------------------------------------


def extract_facts(doc: Document) -> list[Fact]:
    """Every numeric fact of the document's prose, in text order."""
    ctx = _Context(doc)
    out: list[Fact] = []
    for block in doc.blocks:
        ctx.advance(block.start)
        if not block.is_prose and block.kind.value != "table-row":
            continue
        found = ctx.read(block)
        for q in found:
            q.block = block.index
        out.extend(found)
    return out


class _HeadingStack:
    """What the enclosing headings announce (a span of years, a zone), innermost last."""

    def __init__(self, items: list[tuple[int, int, str]]) -> None:
        self.items = items  # (level, offset, value) of every heading
        self.i = 0
        self.stack: list[tuple[int, str]] = []

    def advance(self, offset: int) -> None:
        while self.i < len(self.items) and self.items[self.i][1] <= offset:
            level, _, value = self.items[self.i]
            while self.stack and self.stack[-1][0] >= level:
                self.stack.pop()
            self.stack.append((level, value))
            self.i += 1

    def innermost(self, min_level: int = 0) -> str:
        return next((v for lv, v in reversed(self.stack) if v and lv >= min_level), "")


class _Context:
    """The period, span of years and zone a paragraph is told in, as the reading goes on."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.changes = _section_periods(doc)
        self.ci = 0
        self.period = _Period(Status.RESULT, "")
        self.list_period: _Period | None = None
        self.subs = _HeadingStack(_heading_subs(doc))
        self.ents = _HeadingStack(_heading_entities(doc))
        self.doc_year = _doc_year(doc)
        self.span_sub = ""  # a span of years announced by an earlier paragraph of the section
        self.head_sub = ""
        self.head_entity = ""

    def advance(self, offset: int) -> None:
        while self.ci < len(self.changes) and self.changes[self.ci][0] <= offset:
            self.period = self.changes[self.ci][1]
            self.list_period = None
            self.ci += 1
        self.subs.advance(offset)
        self.head_sub = self.subs.innermost()
        self.ents.advance(offset)
        self.head_entity = self.ents.innermost(2)

    def read(self, block: Block) -> list[Fact]:
        if block.lang != "zh":
            return _en_paragraph(block.text, block.start, self.doc.sentences_of(block), self.period)
        if self.period.mode == "actual" and _opens_plan(block.text, self.doc_year):
            self.period = _Period(Status.TARGET, str(self.doc_year) if self.doc_year else "")  # 今年…的主要预期目标是
        if block.kind.value == "heading":
            self.span_sub = ""
        self.span_sub = _span_sub(block.text, self.span_sub)
        found = _ZhParser(block.text, block.start, self.list_period or self.period,
                          self.span_sub.lstrip("—") or self.head_sub, self.head_entity, self.doc_year).run()
        self.span_sub = _span_after(block.text, self.span_sub)
        self.list_period = _list_period(block.text, self.list_period, self.period)
        _scope_by_topic(block.text, found)
        return found


# A paragraph that opens with a short topic sentence (做大现代服务业。) is about that topic.
_TOPIC_LEAD = re.compile(r"^[\s*]*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.、]|[一二三四五六七八九十]+是)?([^。！？\d，：]{2,16})[。！？]")


# Verbs that close a topic sentence (推动商贸流通加快发展。): the topic is the noun before them.
_TOPIC_TAIL = re.compile(r"(?:加快|全面|持续|稳步|不断|深入|进一步)?(?:发展|建设|提升|推进|改革|开放|创新|保护|治理|改善|升级|转型|振兴|融合|壮大|增长)+$")


def _topic_of(text: str) -> str:
    """The topic noun phrase of a paragraph's short lead sentence, without the verb of
    effort in front of it (做大, 加快发展): 现代服务业."""
    m = _TOPIC_LEAD.match(text)
    return _TOPIC_TAIL.sub("", _ENTITY_VERB.sub("", m.group(1))) if m else ""


def _scope_by_topic(text: str, facts: list[Fact]) -> None:
    """A figure listed among figures of the paragraph's topic is the topic's figure:
    in 做大现代服务业。……服务业增加值增长10.5%，固定资产投资增长16%, the investment is
    the service sector's, not the city's. The figure takes the topic word as its scope
    when an earlier figure of its sentence names that word and it does not."""
    if len(facts) < 2:
        return
    topic = _topic_of(text)
    if _han_count(topic) < 2:
        return
    heads = [topic[i:] for i in range(len(topic) - 1)]  # every tail of two characters or more
    named: dict[int, str] = {}  # sentence -> the topic word an earlier figure of it named
    for q in facts:
        if not q.subject:
            continue
        head = next((h for h in heads if h in q.subject), "")
        if head:
            named.setdefault(q.sentence, head)
        elif q.sentence in named and ">" not in q.subject:
            q.subject = named[q.sentence] + ">" + q.subject


# A base (比2015年), a change's start (由2015年的…增至) or a range of years (2021—2035年):
# none of them dates what is said.
_BASE_YEAR_BEFORE = re.compile(r"(?:比|较|与|同|是|相比|相较|由|从|(?:19|20)\d\d年?\s*[—\-－~～至到])\s*$")
_BASE_YEAR_AFTER = re.compile(r"(?:年末|年底|年)?(?:以来|来|相比)")


def _period_years(text: str, s: int, e: int) -> Iterator[re.Match[str]]:
    """Years of text[s:e] that date what is said; not a comparison's base (比2015年增长,
    是2004年的2倍) nor the start of a span (2015年以来)."""
    for ym in _YEAR.finditer(text, s, e):
        if _BASE_YEAR_BEFORE.search(text, max(0, ym.start() - 8), ym.start()) or _BASE_YEAR_AFTER.match(text, ym.end()):
            continue
        if text.startswith("的", ym.end()) and text.endswith("为", 0, ym.start()):
            continue  # 经济总量为2020年的4.7倍: a base
        yield ym


# The whole jurisdiction named as the subject (全市技术合同成交额): not the zone of an earlier clause.
_WHOLE_PLACE = re.compile(r"全(?:市|区|县|省|州|盟)(?!场|面|力|员|链|程|民|年)")
# Openings of a sentence that tells one year (not 今年以来, a part of one).
_ONE_YEAR_SENTENCE = re.compile(r"[\s*“]{0,3}(?:全年|去年|上年|过去一年|过去的一年|一年来)(?!以来)")
# Parts of the territory a figure may be told of (市区, 中心城区) and the urban or rural
# tier of a work (农村公路, 市政管网): a list's later items share them.
_PLACE_SCOPE = re.compile(
    r"^(?:[一二三四五六七八九十]+是)?((?:主城区|中心城区|老城区|城市建成区|市区|城区|建成区|市本级|农村|乡村|城镇|城市|市政|县域)+内?)"
)
_DASH_ITEM = re.compile(r"^[\s*]*(?:——|—|－－)")
_ADDRESS = re.compile(r"^[\s*]*各位代表[！!，,：:]")
_ONE_YEAR_OPEN = re.compile(r"^[\s*“]*(?:过去一年|过去的一年|一年来|去年|上年|(?:19|20)\d\d年(?!来|以来|[-—至到]))")


def _span_sub(text: str, current: str) -> str:
    """The span of years that holds for this paragraph from earlier ones: a dash item
    (——) after a paragraph that announced 今后五年, and after a turn such as 各位代表，
    刚刚过去的2015年，是“十二五”收官之年。五年来，… the paragraphs that go on telling
    the five years (they give 年均 and 累计 figures) until one does not."""
    if current.startswith("—"):
        return current if _DASH_ITEM.match(text) else ""
    if current and (_ONE_YEAR_OPEN.match(text) or not _MULTI_YEAR.search(text)):
        return ""
    return current


def _span_after(text: str, current: str) -> str:
    """The span a paragraph hands on to the next ones (see :func:`_span_sub`)."""
    head = text[:80]
    nxt = _NEXT_FIVE_LEAD.search(head)
    past = _PAST_FIVE_LEAD.search(head)
    if _ADDRESS.match(text) and past and not nxt and _HEAD_YEAR.search(head, 0, past.start()):
        return _normal_sub(past.group(0))
    if not _DASH_ITEM.match(text) and (nxt or past):
        return "—" + ("今后五年" if nxt else _normal_sub(past.group(0)))  # type: ignore[union-attr]
    if current.startswith("—") and not _DASH_ITEM.match(text):
        return ""
    return current


_NEXT_FIVE_LEAD = re.compile(r"今后五年|未来五年")
_PAST_FIVE_LEAD = re.compile(r"过去五年|过去的五年|五年来|这五年")
_MULTI_YEAR = re.compile(r"年均|累计|五年|翻番|“十[一二三四五]五”")
_YTD_SPAN = re.compile(r"今年以来|年初以来")
_PLAN_PARA = re.compile(r"预期目标|主要目标|目标是|目标为|工作安排|总体要求|主要任务|计划指标")


def _opens_plan(text: str, doc_year: int) -> bool:
    """A paragraph that opens this year's plan: 今年是…, 2024年全市经济社会发展的主要预期目标是."""
    t = text.lstrip("*# \u3000")
    if _REVIEW_HEAD.search(t[:24]) or not _PLAN_PARA.search(t):
        return False  # **一、2011年工作回顾** 2011年是…; 今年是…极不寻常的一年 (a December report)
    if t.startswith("今年"):
        return True
    return bool(doc_year) and t.startswith(f"{doc_year}年") and not t.startswith(f"{doc_year}年1月")


_LIST_LEAD = re.compile(r"[：:]\s*$")


def _list_period(text: str, current: _Period | None, period: _Period) -> _Period | None:
    """A paragraph ending in a colon opens a list in the next paragraphs: 2004年主要预期目标是：."""
    stripped = text.strip().strip("*")
    if _LIST_LEAD.search(stripped):
        # only the sentence that ends in the colon announces the list: …较好地完成了目标任务。
        # 主要做了以下工作： lists results
        lead = re.split(r"[。！？]", stripped)[-1]
        if _TARGET.search(lead) or "目标" in lead or "任务" in lead:
            return _Period(Status.TARGET, (_HEAD_YEAR.findall(lead) or [period.year])[-1])
        return None
    if current is not None and not stripped.endswith(("。", "！")):
        return current  # the list goes on (its items end in ；)
    return None


def parse_amount(text: str) -> tuple[float, float, str] | None:
    """Value, step and family of one written amount (``4022.25亿元``, ``6.5%``), or None."""
    parser = _ZhParser(text, 0, _Period(Status.RESULT, ""))
    qs = parser._numbers(0, len(text))
    if len(qs) != 1:
        return None
    q = qs[0]
    return q.value, q.high - q.low, q.family
