"""Structure: announced lists that are not delivered, heading numbers that skip.

A report says how many items follow (重点抓好以下九个方面工作：, "three priorities")
and numbers its headings (一、 二、 三、; （一） （二）). When extraction or editing
loses part of the text, the count and the numbering stop adding up; these rules
compare what the text announces with what it delivers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.diagnostic import Diagnostic, Edit, Fix, Severity
from reportlint.rule import Rule
from reportlint.text.blocks import Block, BlockKind, numbering_of

if TYPE_CHECKING:
    from reportlint.document import Document

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "一二三四五六七八九十两〇零"
_EN_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                "ninth": 9, "tenth": 10, "firstly": 1, "secondly": 2, "thirdly": 3, "fourthly": 4, "fifthly": 5}

_NOUNS = "方面|领域|重点|任务|工作|举措|措施|目标|要求|原则|事情|事"
# 重点抓好以下九个方面工作： at the end of a paragraph; the count is group 1.
_ZH_ANNOUNCE = re.compile(
    rf"(?:以下|如下|下列|下面|这)([{_CN_NUM}]{{1,3}})"
    rf"(?:(?:个|项|件|条|点|大)(?:{_NOUNS})?|(?:{_NOUNS}))"
    rf"[^，。；：！？]{{0,8}}[：:]\s*$"
)
# "I will focus on three priorities:" at the end of a paragraph.
_EN_ANNOUNCE = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z-]+\s+){0,2}"
    r"(?:priorities|areas|things|ways|goals|objectives|pillars|steps|strategies|measures|points|thrusts|themes|reasons|parts)"
    r"\b[^.!?]{0,40}[:.]\s*$"
)
# 一是……二是……: items inside a paragraph.
_ZH_INLINE = re.compile(rf"(?:^|[：:；;。，])\s*(?:\*\*)?(?:([{_CN_NUM}]{{1,3}})是|第([{_CN_NUM}]{{1,3}})[，、,])")
_ZH_LEAD = re.compile(rf"^\s*(?:\*\*)?(?:([{_CN_NUM}]{{1,3}})是|第([{_CN_NUM}]{{1,3}})[，、,])")
# An ordinal that introduces an item at the start of a sentence, perhaps after a
# conjunction or a determiner: "First, …", "And fourth, …", "The third component …".
_EN_ITEM_ORDINAL = re.compile(
    r"(?:^|[.;:!?]\s+|\n)[\"“(*_\s]*(?:(?:And|But|Now|The|A|My|Our|Its|This|Their|Our)\s+){0,2}"
    r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|firstly|secondly|thirdly|fourthly|fifthly)\b",
    re.I)
# A later ordinal inside a sentence: "…, and the second has to do with …".
_EN_INNER_ORDINAL = re.compile(
    r"\b(?:and|the)\s+(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|secondly|thirdly|fourthly|fifthly)\b",
    re.I)
# Words that introduce one more item without its number (Next, …; Another …; Finally, …;
# The final reason …).
_EN_SEQUENCER = re.compile(
    r"(?:^|[.;:!?]\s+|\n)[\"“*_\s]*(?:And\s+)?(?:Next|Another|Then|Finally|Lastly|Last|The\s+(?:final|last|next))\b")
_EN_LAST_ITEM = re.compile(r"(?:^|[.;:!?]\s+|\n)[\"“*_\s]*(?:And\s+)?(?:Finally|Lastly)\b")
# Item labels: (a) a) (iii) iii. (2) 2) at the start of a line or after a space or a colon.
_EN_LABEL = re.compile(r"(?:^|(?<=[\s:;,]))(\(?)([0-9]{1,2}|[a-z]|[ivx]{1,4})([.)])(?=\s)", re.M)
# Capital letters label headings only at the start of a line (A. Housing and Transport).
_EN_CAPITAL_LABEL = re.compile(r"^[*_\s]*(\(?)([A-J])([.)])\s", re.M)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_NUM_VALUE = re.compile(rf"[{_CN_NUM}]+|[0-9]+|[①-⑳]")


def cn_number(text: str) -> int | None:
    """Value of a Chinese numeral up to 99 (九, 十二, 二十, 三十五), or None."""
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    t = _CN_DIGITS.get(tens) if tens else 1
    o = _CN_DIGITS.get(ones) if ones else 0
    if t is None or o is None:
        return None
    return t * 10 + o


def numbering_value(numbering: str) -> int | None:
    """The number in a heading mark: 三、 -> 3, （十二） -> 12, 4. -> 4, ③ -> 3."""
    m = _NUM_VALUE.search(numbering)
    if not m:
        return None
    v = m.group(0)
    if "①" <= v <= "⑳":
        return ord(v) - ord("①") + 1
    if v.isascii() and v.isdigit():
        return int(v)
    return cn_number(v)


def cn_render(value: int) -> str:
    """九 for 9, 十二 for 12, 二十 for 20 (1..99)."""
    digits = "〇一二三四五六七八九"
    if value < 10:
        return digits[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def render(style: str, value: int) -> str:
    """The mark of ``value`` in ``style`` (the inverse of numbering_style/numbering_value)."""
    if style.startswith("cn"):
        num, shape = cn_render(value), style[2:]
    elif style.startswith("circled"):
        num, shape = chr(ord("①") + value - 1), style[7:]
    else:
        num, shape = str(value), style[6:]
    return shape.replace("#", num)


def numbering_style(numbering: str) -> str:
    """A key that tells 一、 from （一） from 1. from (1): same style, same list."""
    m = _NUM_VALUE.search(numbering)
    if not m:
        return numbering
    kind = "cn" if m.group(0)[0] in _CN_NUM else "circled" if "①" <= m.group(0)[0] <= "⑳" else "arabic"
    shape = numbering[:m.start()] + "#" + numbering[m.end():]
    shape = re.sub(r"\s+", "", shape).replace("(", "（").replace(")", "）").replace("．", ".")
    return kind + shape


def _rank(block: Block) -> int:
    return block.level or 9


class MissingItems(Rule):
    code = "STR001"
    name = "missing-items"
    category = "structure"
    severity = Severity.WARNING
    summary = "a list announces more items than the text delivers"
    explanation = """\
The text announces a number of items and delivers fewer: the rest was lost when
the report was extracted or cut.

Wrong:  重点抓好以下九个方面工作：
        （一）围绕“一点两地”新定位……
        (and no （二） to （九）)
Right:  all nine items, or the right count in the announcement.

Wrong:  This Budget focuses on three priorities: … First, … Second, …  (no third)
"""
    options = {"window": 60}

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        blocks = doc.blocks
        window = int(options.get("window", 60))
        for i, blk in enumerate(blocks):
            if not blk.is_prose and blk.kind is not BlockKind.HEADING:
                continue
            full = blk.text.rstrip().rstrip("*_ ")
            cut = max(0, len(full) - 80)  # the lead-in ends the paragraph: read its tail only
            text = full[cut:]
            m = _ZH_ANNOUNCE.search(text)
            if m:
                announced = cn_number(m.group(1))
                delivered = _count_zh(blocks, i, window)
            else:
                m = _EN_ANNOUNCE.search(text)
                if not m:
                    continue
                announced = _EN_NUMBERS[m.group(1).lower()]
                delivered = _count_en(blocks, i, text[m.end():], min(window, 12))
            if announced is None or delivered is None or delivered >= announced:
                continue
            s, e = blk.start + cut + m.start(1), blk.start + cut + m.end(1)
            yield self.report(s, e, f"announces {announced} items but {delivered} {'follows' if delivered == 1 else 'follow'}",
                              fingerprint_text=m.group(0))


def _count_zh(blocks: list[Block], i: int, window: int) -> int | None:
    """Items after block ``i``: numbered blocks of the first numbering style, or 一是/二是 inside."""
    style: str | None = None
    rank = 0
    values: set[int] = set()
    if i + 1 >= len(blocks):
        return 0
    if blocks[i + 1].numbering is None:
        # No numbered item right after the lead-in: count 一是……二是…… instead.
        return _count_inline(blocks, i + 1, window) if blocks[i + 1].kind is not BlockKind.TABLE_ROW else None
    for blk in blocks[i + 1:i + 1 + window * 4]:
        if blk.numbering is None:
            continue
        st = numbering_style(blk.numbering)
        if style is None:
            style, rank = st, _rank(blk)
            if numbering_value(blk.numbering) != 1:
                return None  # the list does not start right after the lead-in
        elif st != style:
            if _rank(blk) < rank:
                break  # a higher-level heading: the list is over
            continue
        v = numbering_value(blk.numbering)
        if v is not None:
            if v in values:
                break  # a second list of the same style
            values.add(v)
    return len(values) if style is not None else None


def _count_inline(blocks: list[Block], k: int, window: int) -> int | None:
    """Items written 一是……二是…… (or 第一，……第二，……): inside the paragraph after the
    lead-in, or one per paragraph, each perhaps followed by paragraphs of its own."""
    first = _ZH_INLINE.search(blocks[k].text)
    if first is None:
        return None
    values = {cn_number(x or y) for x, y in _ZH_INLINE.findall(blocks[k].text)}
    values.discard(None)
    if len(values) > 1 or _lead_ordinal(blocks[k].text) is None:
        # The items run inside one paragraph.
        return len(values) if 1 in values else None
    seen: set[int] = set()
    for blk in blocks[k:k + window]:
        if blk.numbering is not None:
            break  # a numbered heading: the items are over
        v = _lead_ordinal(blk.text)
        if v is None:
            continue  # a paragraph that belongs to the item above
        if v in seen:
            break  # a second list starts
        seen.add(v)
    return len(seen) if 1 in seen else None


def _lead_ordinal(text: str) -> int | None:
    m = _ZH_LEAD.match(text)
    return cn_number(m.group(1) or m.group(2)) if m else None


def _count_en(blocks: list[Block], i: int, rest: str, window: int) -> int | None:
    """Items after an English announcement, however they are introduced: a bullet or
    numbered list right after it, labels in the text ((a) (b), i. ii. iii., 1) 2)),
    ordinals (First, …; And fourth, …; The third component …) and sequencers (Next, …;
    Another …; Finally, …). Each way of counting gives a figure; the largest is what was
    delivered, so an item introduced in an unexpected way is never taken for a lost one.
    None when nothing says where the items begin."""
    counts: list[int] = []
    if i + 1 < len(blocks) and (blocks[i + 1].kind is BlockKind.LIST_ITEM or blocks[i + 1].numbering):
        counts.append(_list_run(blocks, i + 1))
    texts = [rest] + [b.text for b in blocks[i + 1:i + 1 + window] if b.is_prose or b.kind is BlockKind.HEADING]
    ordinals: set[int] = set()
    sequencers = 0
    labels: dict[str, set[int]] = {}
    for text in texts:
        for m in _EN_ITEM_ORDINAL.finditer(text):
            ordinals.add(_EN_ORDINALS[m.group(1).lower()])
        if ordinals:  # the first item opens a sentence; later ones may come inside one
            ordinals.update(_EN_ORDINALS[m.group(1).lower()] for m in _EN_INNER_ORDINAL.finditer(text))
        sequencers += len(_EN_SEQUENCER.findall(text))
        for style, value in _en_labels(text):
            labels.setdefault(style, set()).add(value)
        if _EN_LAST_ITEM.search(text) and (ordinals or sequencers):
            break
    if 1 in ordinals:
        counts += [max(ordinals), len(ordinals) + sequencers]
    counts += [_run_from_one(values) for values in labels.values() if 1 in values]
    return max(counts) if counts else None


def _list_run(blocks: list[Block], k: int) -> int:
    """Consecutive blocks of the kind and numbering style of ``blocks[k]``."""
    kind, style = blocks[k].kind, blocks[k].numbering and numbering_style(blocks[k].numbering)
    n = 0
    for blk in blocks[k:]:
        if not (blk.kind is kind and (style is None or (blk.numbering and numbering_style(blk.numbering) == style))):
            break
        n += 1
    return n


def _en_labels(text: str) -> Iterator[tuple[str, int]]:
    """Item labels in English text, with their style and value: (b) -> ("(a)", 2),
    iii. -> ("i.", 3), 2) -> ("1)", 2)."""
    for m in _EN_LABEL.finditer(text):
        open_, body, close = m.group(1), m.group(2), m.group(3)
        if body.isdigit():
            yield f"{open_}1{close}", int(body)
        elif body in _ROMAN:
            yield f"{open_}i{close}", _ROMAN[body]
            if len(body) == 1 and body in "ivx":
                yield f"{open_}a{close}", ord(body) - ord("a") + 1  # (i) may be the ninth letter too
        elif len(body) == 1:
            yield f"{open_}a{close}", ord(body) - ord("a") + 1
    for m in _EN_CAPITAL_LABEL.finditer(text):  # A. Housing / (B) Transport: lettered headings
        yield f"{m.group(1)}A{m.group(3)}", ord(m.group(2)) - ord("A") + 1


def _run_from_one(values: set[int]) -> int:
    """How many labels run 1, 2, 3, … without a gap."""
    n = 0
    while n + 1 in values:
        n += 1
    return n


class NumberingGap(Rule):
    code = "STR002"
    name = "numbering-gap"
    category = "structure"
    severity = Severity.WARNING
    summary = "heading or list numbers skip one (一、 then 三、)"
    explanation = """\
Numbered headings and items count up one at a time. A jump means an item was lost
(or the numbers were edited by hand and not renumbered).

Wrong:  一、2023年工作回顾 …… 三、2024年工作安排
Right:  一、2023年工作回顾 …… 二、2024年工作安排
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        # Per numbering style, the last number seen. A list that restarts at 1 is a new
        # list; numbers that carry on across parts (（五） under 二、 after （四） under 一、) are fine.
        last: dict[str, int] = {}
        last_at: dict[str, int] = {}
        for blk in doc.blocks:
            if blk.numbering is None or blk.kind is BlockKind.TABLE_ROW:
                continue
            style = numbering_style(blk.numbering)
            value = numbering_value(blk.numbering)
            if value is None:
                continue
            prev = last.get(style)
            if prev is not None and value > prev + 1 and value != 1 and not _present(
                    doc.text, last_at[style], blk.start, style, range(prev + 1, value)):
                start = blk.start + len(blk.text) - len(blk.text.lstrip("*_ "))
                yield self.report(start, start + len(blk.numbering),
                                  f"numbering jumps from {prev} to {value}: "
                                  f"{'item' if value - prev == 2 else 'items'} {', '.join(str(k) for k in range(prev + 1, value))} missing",
                                  fingerprint_text=blk.text[:20])
            if prev is None or value > prev or value == 1:
                last[style] = value
                last_at[style] = blk.start


def _present(text: str, start: int, end: int, style: str, values: range) -> bool:
    """Are the 'missing' marks there after all, in a form the parser did not take for a
    numbered item? At the start of a line with a number right after the dot
    (``15.10大产业项目``); mangled by the extraction — the opening bracket lost
    (``五）突出……``), emphasis markers inside it (``**（**五）``); or run into the end of
    the paragraph before (``……工作。（六）加强……``)."""
    span = text[start:end]
    return any(re.search(_mark_pattern(render(style, v)), span) for v in values)


_BRACKET_CLASS = {"（": "[（(]", "(": "[（(]", "）": "[）)]", ")": "[）)]", ".": "[.．]", "．": "[.．]"}


def _mark_pattern(mark: str) -> str:
    """A pattern for a heading mark as extraction leaves it: emphasis markers between its
    characters, an opening bracket that may be lost, at the start of a line or after the
    end of a sentence."""
    parts = []
    for k, ch in enumerate(mark):
        piece = _BRACKET_CLASS.get(ch, re.escape(ch))
        if k == 0 and ch in "（(":
            piece += "?"  # 五）: the opening bracket lost
        parts.append(piece)
    body = r"[*_]*".join(parts)
    line_start = r"(?m:^)[ \t*_>#-]*"
    run_in = r"(?<=[。！？；!?])[ \t*_]*"
    # after a sentence, the mark must not be the start of a figure (。3.5亿元)
    return rf"(?:{line_start}{body}|{run_in}{body}(?![0-9]))"



# A heading mark right after a sentence end inside a paragraph (……新机制。（四）切实……).
_RUN_IN_MARK = re.compile(r"(?<=[。！？!?])[ \u3000]*(?:\*\*|__)?(?=[（(]?[一二三四五六七八九十0-9]{1,3}[、）)]|第[一二三四五六七八九十]{1,3}[章节部分篇])")
# The heading text itself: no sentence end, up to 50 characters (a heading may hold a
# comma: 着力深化改革扩大开放，争创高质量发展新优势).
_HEADING_TEXT = re.compile(r"[^。！？；!?;\n]{2,50}")


def _heading_numbers(doc: Document) -> dict[str, list[tuple[int, int]]]:
    """Per numbering style, (position, value) of every numbered block: the series the
    document's headings form."""
    series: dict[str, list[tuple[int, int]]] = {}
    for blk in doc.blocks:
        if blk.numbering is None or blk.kind is BlockKind.TABLE_ROW:
            continue
        value = numbering_value(blk.numbering)
        if value is not None:
            series.setdefault(numbering_style(blk.numbering), []).append((blk.start, value))
    return series


def run_in_headings(doc: Document, blk: Block, series: dict[str, list[tuple[int, int]]]) -> Iterator[tuple[int, str]]:
    """Numbered headings run into the end of a paragraph: a heading mark after a sentence
    end whose number is the one the document's series of such headings is missing
    there (the one before is value - 1, the one after value + 1, or the heading ends the
    paragraph with no sentence end of its own)."""
    text = doc.text
    for m in _RUN_IN_MARK.finditer(text, blk.start, blk.end):
        at = m.end()
        numbering, _ = numbering_of(text[at:blk.end])
        value = numbering_value(numbering) if numbering else None
        if numbering is None or value is None:
            continue
        rest = text[at + len(numbering):blk.end]
        title = _HEADING_TEXT.match(rest)
        if title is None:
            continue
        tail = rest[title.end():].strip().strip("*_").strip()
        at_end = tail == ""
        titled_sentence = (tail[:1] in ("。", "！") and tail[1:].strip() == "") or tail.startswith(("。", "！"))
        marks = series.get(numbering_style(numbering), [])
        before = [v for p, v in marks if p < at]
        after = [v for p, v in marks if p > at]
        fits_before = (before[-1] == value - 1) if before else value == 1
        fits_after = bool(after) and after[0] == value + 1
        if fits_before and (at_end or (fits_after and titled_sentence) or (fits_after and not before)):
            yield at, numbering + title.group(0)


class RunInHeading(Rule):
    code = "STR003"
    name = "run-in-heading"
    category = "structure"
    severity = Severity.WARNING
    summary = "a numbered heading is run into the end of the previous paragraph"
    explanation = """The line break before a heading was lost (in extraction or pasting), so the
heading sits at the end of the paragraph before it. It is recognised by its
number: the one the document's own series of headings lacks at that place.
The fix puts the heading back on its own line (unsafe: it changes the layout).

Wrong:  ……建立了长效机制。（三）着力扩大有效投资

Right:  ……建立了长效机制。

        （三）着力扩大有效投资
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        series = _heading_numbers(doc)
        for blk in doc.blocks:
            if blk.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING) or blk.lang != "zh":
                continue
            for at, heading in list(run_in_headings(doc, blk, series)):
                # a run-in heading belongs to the series the next one is judged by
                # (……解决。二、今后五年…… then ……力量！三、2003年……)
                numbering, _ = numbering_of(heading)
                if numbering is not None and (value := numbering_value(numbering)) is not None:
                    marks = series.setdefault(numbering_style(numbering), [])
                    marks.append((at, value))
                    marks.sort()
                cut = at
                while cut > blk.start and doc.text[cut - 1] in " \u3000":
                    cut -= 1
                yield self.report(at, at + len(heading), f"heading `{heading[:20]}` is run into the previous paragraph",
                                  fix=Fix("unsafe", "start a new paragraph at the heading", (Edit(cut, at, "\n\n"),)),
                                  fingerprint_text=heading[:20])


RULES: list[type[Rule]] = [MissingItems, NumberingGap, RunInHeading]
