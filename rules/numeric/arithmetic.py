"""Arithmetic a reader can check when the text states every term: a level that doubled
(从A增加到B，翻了一番) and parts that are said to add up to a total (分别…，合计T)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.diagnostic import Diagnostic, Severity
from reportlint.rule import Rule

from .memo import copied_blocks

if TYPE_CHECKING:
    from reportlint.document import Document

# An amount as the extractor reads it: digits, a multiplier and a short unit.
_AMOUNT = r"[0-9][0-9.,]*(?:万亿|亿|万|千)?[^\d，。；、到至和及与]{0,4}?"
_FROM_TO_DOUBLED = re.compile(
    rf"(?:从|由)(?P<a>{_AMOUNT})(?:增长|增加|提高|提升|上升|扩大|增)?(?:到|至)(?P<b>{_AMOUNT})[，,、]?"
    r"(?:[^\d，。；]{0,6}?)翻了?(?P<n>一|两|二|三)番(?P<more>多|以上|有余)?"
)
_TIMES = {"一": 1, "两": 2, "二": 2, "三": 3}
_PARTS_TOTAL = re.compile(
    rf"分别[^\d，。；]{{0,6}}?(?P<parts>{_AMOUNT}(?:[、和及与]{_AMOUNT})+)[，,]?(?:合计|共计|总计|累计共)[为达是有]?(?P<total>{_AMOUNT})"
    r"(?=[，。；,;）)]|$)"
)
_PART_SEP = re.compile(r"[、和及与]")
_RATES = frozenset(("pct", "pp", "permille"))


def _interval(amount: tuple[float, float, str]) -> tuple[float, float]:
    value, step, _ = amount
    return value - step / 2, value + step / 2


def _zh_blocks(doc: Document, needle: str) -> Iterator[Any]:
    """Chinese prose blocks that hold ``needle`` and are not pasted copies."""
    for block in doc.paragraphs:
        if block.lang == "zh" and needle in block.text and block.index not in copied_blocks(doc):
            yield block


class DoublingMismatch(Rule):
    code = "NUM005"
    name = "doubling-mismatch"
    category = "numeric"
    severity = Severity.ERROR
    summary = "从A到B，翻了一番: B is not twice A"
    explanation = """\
翻一番 says a level doubled (翻两番: four times). When the sentence also gives the two
levels, they must agree with it, within the precision they are written with; 翻一番多
and 翻一番以上 allow more than double but not less, a bare 翻一番 a little less
or up to a quarter more.

Wrong:  研发投入从60亿元增加到90亿元，翻了一番
Right:  研发投入从45亿元增加到90亿元，翻了一番

Only sentences that state both levels in one unit family are checked; see NUM001
for how numbers and the precision they are written with are read.
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        from .extract import parse_amount  # the extractor loads when a numeric rule first runs

        for block in _zh_blocks(doc, "番"):
            for m in _FROM_TO_DOUBLED.finditer(block.text):
                a, b = parse_amount(m.group("a")), parse_amount(m.group("b"))
                if not a or not b or a[2] != b[2] or a[0] <= 0:
                    continue
                factor = 2 ** _TIMES[m.group("n")]
                (a_lo, a_hi), (b_lo, b_hi) = _interval(a), _interval(b)
                low, high = b_lo / a_hi, b_hi / max(a_lo, 1e-12)
                # 翻一番多/以上 is more than double; a bare 翻一番 is said of a little less or
                # rather more than double (2.2 times is still 翻了一番 in a report)
                ok = high >= factor if m.group("more") else low <= factor * 1.25 and high >= factor * 0.95
                if not ok:
                    yield self.report(block.start + m.start(), block.start + m.end(),
                                      f"from {m.group('a')} to {m.group('b')} is not {factor} times",
                                      fingerprint_text=m.group(0))


class SumMismatch(Rule):
    code = "NUM006"
    name = "sum-mismatch"
    category = "numeric"
    severity = Severity.ERROR
    summary = "parts listed with 分别 do not add up to the 合计 stated after them"
    explanation = """\
When a sentence lists parts and states what they add up to (分别…，合计/共计/总计), the
parts must sum to the total, within the precision they are written with.

Wrong:  三个园区产值分别为120亿元、80亿元和50亿元，合计270亿元
Right:  三个园区产值分别为120亿元、80亿元和50亿元，合计250亿元

Only lists whose parts and total are all amounts of one unit family are checked; a
share of a total (其中…) is not a sum and is not checked here (see NUM003). See NUM001
for how numbers and the precision they are written with are read.
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        from .extract import parse_amount  # the extractor loads when a numeric rule first runs

        for block in _zh_blocks(doc, "分别"):
            for m in _PARTS_TOTAL.finditer(block.text):
                parts = [parse_amount(p) for p in _PART_SEP.split(m.group("parts")) if p.strip()]
                total = parse_amount(m.group("total"))
                if not total or not all(parts) or len({p[2] for p in parts} | {total[2]}) != 1:  # type: ignore[index]
                    continue
                if total[2] in _RATES:
                    continue  # growth rates and percentages of different wholes do not add up
                low = sum(_interval(p)[0] for p in parts)  # type: ignore[arg-type]
                high = sum(_interval(p)[1] for p in parts)  # type: ignore[arg-type]
                t_lo, t_hi = _interval(total)
                if high < t_lo or low > t_hi:
                    yield self.report(block.start + m.start("parts"), block.start + m.end(),
                                      f"the parts {m.group('parts')} do not add up to {m.group('total')}",
                                      fingerprint_text=m.group(0))
