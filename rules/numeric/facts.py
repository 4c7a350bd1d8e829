"""The numeric fact model: what one stated figure claims, as typed values.

A report states a figure as a number with a unit, often hedged, and always *about*
something: a metric, measured one way (its :class:`Aspect`), for one :class:`Period`
(last year's result, this year's target, a quarter, the past five years), in one
:class:`Scope` (the city, a named zone, a part of a total just given). Two facts can
only contradict each other when their :class:`Key` -- all of that together -- is
equal, so every uncertainty about what a number measures leaves the fact without a
key and the rules quieter, never noisier. Keys, periods and scopes are named tuples:
typed, immutable, and hashed at C speed, since every comparison goes through them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class Aspect(StrEnum):
    """How a number measures its metric (the verb or construction that ties them)."""

    LEVEL = "level"  # 达/为/完成, reached, was
    GROWTH = "growth"  # 增长/下降, rose/fell: a change (percent, points or amount)
    RANK = "rank"  # 排/居 第N
    SHARE = "share"  # 占…比重, 占比, share of


class Measure(StrEnum):
    """How a figure relates to the time it covers: what decides whether a figure told of a
    span of years and one told of its last year can be the same figure."""

    POINT = "point"  # a level at the end of its period, or the change over one period
    FLOW = "flow"  # an amount accrued over its period (新增, 新建, 引进): a span's sum is not a year's
    AVERAGE = "annual-average"  # 年均, average annual: over a span of years by meaning
    CUMULATIVE = "cumulative"  # 累计, in total: summed over its span


class Status(StrEnum):
    """Whether a figure reports what happened or what is planned."""

    RESULT = "actual"
    TARGET = "target"
    UNKNOWN = "?"  # a list item whose period the text does not settle: never compared


class Period(NamedTuple):
    """When a figure holds: result or target, the calendar year and a sub-period or span
    of years (一季度, 上半年, 过去五年, 今后五年, first quarter). ``year`` is "" when the text
    does not say and the report's own year cannot be inferred. (A named tuple: periods
    are keys of every comparison, and hash at C speed.)"""

    status: Status = Status.RESULT
    year: str = ""
    span: str = ""

    @property
    def known(self) -> bool:
        return self.status is not Status.UNKNOWN

    @property
    def multi_year(self) -> bool:
        """A span of years (过去五年, 十三五, 今后五年), not a part of one (一季度, 今年以来)."""
        return bool(self.span) and _SUB_YEAR.search(self.span) is None

    def compared(self, aspect: Aspect, measure: Measure) -> Period:
        """The period under which a figure is compared with others.

        A level told of a span of years is the level at the span's end: 五年来…城镇化率
        达到67.8% and 2021年城镇化率达到67.8% state one figure when the span ends in
        2021 (the year is known), so the span is dropped. An annual average (年均) and a
        cumulative change (累计下降) are by meaning figures of the span, whichever name it
        is given (过去五年, 十三五, or none in a review of five years): they are compared
        as one multi-year period of their status ending in their year. Flows (新增, 新建)
        and plain changes keep their span: a span's sum or total change is another figure
        than a year's, and need not be far from it in size."""
        if measure is Measure.AVERAGE or (measure is Measure.CUMULATIVE
                                          and (aspect is Aspect.GROWTH or self.multi_year)):
            return Period(self.status, self.year, MULTI_YEAR)
        if self.multi_year and self.year and measure is Measure.POINT and aspect is not Aspect.GROWTH \
                and not (self.status is Status.RESULT and _AHEAD.search(self.span)):
            return Period(self.status, self.year, "")
        return self

    def __str__(self) -> str:
        return ":".join(x for x in (self.status.value, self.year, self.span) if x) if self.span or self.year \
            else self.status.value


# A span that is part of one year: quarters, halves, months, the year so far.
_SUB_YEAR = re.compile(r"季度|半年|月|以来")
# The span of an annual average or a cumulative change, whatever the text calls it.
MULTI_YEAR = "多年"
# A span that looks ahead (今后五年, 未来五年): a result told of it is mislabelled, never moved to a year.
_AHEAD = re.compile(r"今后|未来")


class Scope(NamedTuple):
    """Where a figure holds, beyond the report's own place: a named zone or district
    (滇中新区, 县域), or the total a part belongs to (…，其中X: X within that total)."""

    zone: str = ""

    def __str__(self) -> str:
        return self.zone


class Key(NamedTuple):
    """What a figure measures. Two facts are compared only when their keys are equal."""

    subject: str
    aspect: Aspect
    qualifier: str  # the rank's scope (全省), the share's whole (规上工业)
    family: str  # the unit family: values convert inside a family, never across
    period: Period
    scope: Scope = Scope()

    def __str__(self) -> str:
        subject = f"{self.scope}>{self.subject}" if self.scope.zone else self.subject
        return "|".join((subject, self.aspect.value, self.qualifier, self.family, str(self.period)))


class EnumKey(NamedTuple):
    """A value of a list (A、B、C分别增长1%、2%、3%) whose items could not be matched to the
    values: comparable only with the same position of the same enumeration."""

    tail: str  # the item written just before 分别
    position: int
    aspect: Aspect
    qualifier: str
    family: str
    period: Period

    def __str__(self) -> str:
        return "|".join(("enum:" + self.tail, self.aspect.value, self.qualifier, self.family, str(self.period),
                         str(self.position)))


@dataclass(slots=True)
class Fact:
    """One number in the text and what it claims.

    ``low``/``high`` is the interval of values the wording allows, in the base unit of
    its ``family``: the precision of the written digits widens it, bound words (超,
    以上, more than; 近, nearly; 以内, under) open it on one side, 约/左右/about give a
    tolerance. ``subject`` is the normalised metric phrase; a zone it belongs to is
    written before it as ``zone>subject`` while the text is parsed and split off into
    :class:`Scope` by :attr:`key`.
    """

    start: int  # span of the number with its unit and approximators
    end: int
    text: str
    value: float  # nominal value in the family's base unit (negative for 下降 …)
    low: float
    high: float
    family: str
    lang: str
    kind: Aspect = Aspect.LEVEL
    subject: str | None = None  # None: what is measured is uncertain
    subject_start: int = -1
    qualifier: str = ""
    period: Period = field(default_factory=Period)
    enum: tuple[str, int] | None = None  # (item before 分别, position) for value lists
    ambiguous: bool = False  # only the enumeration key may be compared
    suffix: str = ""
    approx: str | None = None
    measure: Measure = Measure.POINT
    block: int = -1  # index of the paragraph in Document.blocks
    enum_items: str = ""  # the whole list of an enumeration, 、-joined
    enum_size: int = 0  # how many values the list gives
    sentence: int = -1  # offsets where the fact's sentence starts and ends
    sentence_end: int = -1
    # The words that tie the value to its subject (…，比年初增长3.7%: 比年初增长), and the
    # same words of a sentence that is nothing but them (an orphan restatement): the
    # contradiction rule matches the two.
    wording: str | None = None
    orphan: str | None = None
    part: bool = False  # a part (其中X) of a whole its sentence does not name
    # Scratch state of the parser (where the digits start, their step and scale).
    num_start: int = -1
    step: float = 0.0
    place: float = 0.0
    scale: float = 1.0
    bare: bool = False
    done: bool = False

    @property
    def key(self) -> Key | None:
        """The metric key, or None when what is measured or when it holds is uncertain."""
        if self.subject is None or self.ambiguous or not self.period.known:
            return None
        zone, _, subject = self.subject.rpartition(">")
        return Key(subject, self.kind, self.qualifier, self.family, self.period.compared(self.kind, self.measure),
                   Scope(zone))

    @property
    def enum_key(self) -> EnumKey | None:
        if self.enum is None or not self.period.known:
            return None
        tail, idx = self.enum
        return EnumKey(tail, idx, self.kind, self.qualifier, self.family, self.period.compared(self.kind, self.measure))

    def overlaps(self, other: Fact) -> bool:
        """Do the two intervals share a value? Intervals that only touch (6% is [5.5, 6.5],
        7% is [6.5, 7.5]) do not."""
        eps = 1e-9 * max(1.0, abs(self.value), abs(other.value))
        if self.low == self.high or other.low == other.high:
            return self.low <= other.high + eps and other.low <= self.high + eps
        return self.low < other.high - eps and other.low < self.high - eps

    def describe(self) -> str:
        return f"[{_fmt(self.low)}, {_fmt(self.high)}] {self.family}"


def _fmt(x: float) -> str:
    if x == 0 or not math.isfinite(x):
        return str(x)
    if abs(x) >= 1e8:
        return f"{x / 1e8:.6g}e8"
    if abs(x) >= 1e4:
        return f"{x / 1e4:.6g}e4"
    return f"{x:.6g}"
