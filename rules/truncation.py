"""Truncated and broken sentences: page-break splits, lost beginnings and endings, cut pairs.

Text pulled out of PDFs and web pages breaks where the page broke. A paragraph
that ends without closing its sentence is either the first half of a sentence a
page break cut in two (the next paragraph carries on: ``完成年度`` / ``投资77亿元``)
or a paragraph whose end was lost. Which of the two it is is decided from evidence
inside the document, never from a word list of one report:

* does the next paragraph open with something no sentence opens with (a comma, a
  closing bracket, a lowercase English word, a digit after a digit)?
* do the characters on both sides of the break form a pair that occurs elsewhere
  in the same document (``水`` + ``土`` -> ``水土`` elsewhere), or, in English, a
  word that occurs elsewhere (``bec`` + ``ome`` -> ``become``)?
* does the next paragraph open with a character that, everywhere else in the
  document, never opens a clause, or with one that attaches to what precedes it
  (的, 和, 等)?

A paragraph that *starts* mid-sentence opens with what only continues a sentence
(是：, 为最大的政治，, a comma, a lowercase English word, a first clause of one
character: 在，我代表……), or with the tail of a word the document uses by itself:

* its first two characters occur elsewhere only after one and the same character,
  and that character with the first forms a word used apart from this phrase
  (快兰州新区…… where 加快 is meant; not 党的…… after 落实, since 实党 is no word);
* its first character is elsewhere almost only the second of one word and opens no
  clause (府向大会作工作报告 where 政府 is meant);
* its first sentence is, everywhere else, the tail of one longer phrase
  (石化产业高地。 where 世界级绿色石化产业高地 is used);
* it opens with a year that lost its first digits (014年是……);
* after a finished sentence, its first characters occur elsewhere only after one
  character that forms a lexicon word with the first (位代表…… where 各位代表 is used);
* after a finished sentence, its first character starts no lexicon word there, opens
  (almost) no clause of the document, ends a word in most of its other uses and is
  not followed by a function word (化农村各项改革…… where 深化 is meant);
* after a finished sentence, its first character starts no word, stands before a word
  of its own, and is seldom a word by itself in the lexicon or almost always ends a
  word in the document (强养老服务…… where 加强 is meant);
* after a finished sentence, its first two characters occur elsewhere only inside a
  longer word and never open a clause (年来，…… where 近年来 is meant).

A line that stops on a number before a paragraph that opens with its unit is one
figure the page cut (常务委员会第 44 / 号公告……), even on a label line.

A bold topic line is a heading and is judged on the plain signs only.

A line read as a heading may still be half a sentence (the page broke a few
characters in) when the next paragraph starts mid-sentence, or when the line stops
on a character no clause of the document ends with, and the pair across the break
is a word of the document; it lost its end when its last two characters run on into
more text everywhere else (……并请市政协委员和其他列席). A paragraph that stops on
a comma before one that opens afresh (a short topic sentence, a bold lead, 一是)
lost its end: the two are not joined.

Headings, titles, bylines, datelines, salutations, labels with their values and
lead-ins before lists end without punctuation on purpose: they are recognised by
the block parser or here, and a short paragraph with no sentence inside it is
treated as a heading unless the next block carries on from it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlint.diagnostic import Diagnostic, Edit, Fix, Severity
from reportlint.rule import Rule
from reportlint.text.blocks import SENTENCE_INSIDE, Block, BlockKind, ends_sentence
from reportlint.text.joins import (
    NON_OPENING,
    Evidence,
    opens_with_attached_word,
    continuation_reason,
    core,
    head,
    heading_like,
    joiner,
    meant_open,
    plain_continuation,
)
from reportlint.text.scripts import HAN_CLASS, is_han, is_latin
from reportlint.rules.lexicon import PURE_MEASURE_WORDS, common_words, predicative_chars, single_word_shares, zh_words

from .complete_endings import complete_at_boundary
from .line_roles import open_on_purpose

if TYPE_CHECKING:
    from reportlint.document import Document

# 为…的…, : the object of a sentence begun before (……作为最大的政治，).
_WEI_DE = re.compile(r"^为[^\s，。；：、这此那]{1,3}的[^\s，。；：、的]{1,4}[，；。]")
# A short opening sentence with no comma, like a bold topic line: 加快兰州新区产业集聚发展。
_TOPIC_SENTENCE = re.compile(r"^[^，、：。；！？*\s]{3,25}(?:\*\*)?[。；！？]")
_DATE_START = re.compile(r"^[（(]?[0-9０-９〇零一二三四五六七八九]{4}年")
_LOST_BRACKET_NUMBER = re.compile(r"^[一二三四五六七八九十0-9]{1,3}[）)]")
# 争力。开展…… / 表，2007年……: a first clause of one character, or a first sentence of
# two or three, is the tail of a sentence whose beginning was lost.
_STUB_SENTENCE = re.compile(rf"^(?:[{HAN_CLASS}][，,]|[{HAN_CLASS}]{{1,3}}[。；])\S")
# The first sentence of a paragraph when it is a short phrase with no comma.
_FIRST_PHRASE = re.compile(rf"^([{HAN_CLASS}]{{4,14}})(?:\*\*)?[。；]")
# 6年，面对…… / 23年是……: a year with its first digits lost.
_SHORT_YEAR = re.compile(r"^(0[0-9]|[0-9]{3})年(?![来间内后前里底初中末度份])")
_FIRST_CLAUSE = re.compile(r"^[^，、。；：！？,;:!?（(“《\s*]+")
_NUMERALS = frozenset("一二三四五六七八九十两百千万零〇")
# Characters after which a word starts (的同时, 和市委, 是始终, 使今后).
_BOUND_BEFORE = frozenset("的了和与及或是在要使把将对向从以为被让给跟同比于等也都就还又并而且其之去")
# 'm the first one / ’s time to act: the word before the apostrophe was lost.
_CONTRACTION_TAIL = re.compile(r"^['’](?:s|m|re|ve|ll|d|t)\b")
# A heading, a byline or a name never ends on these (a name may end on 为, 以, 和 not).
_NEVER_ENDS_HEADING = frozenset("的与及或")
_SALUTATION = re.compile(r"^[^，。；：！？\s]{1,10}[：:]")
_LOWER_OK = re.compile(r"^(?:i[A-Z]|e[A-Z-]|e\.g\.|i\.e\.|vs\.|etc\.|p\.m\.|a\.m\.|[a-z]+\.(?:com|org|gov|net)\b)")


@dataclass(frozen=True, slots=True)
class Break:
    """A place where a paragraph ends before its sentence does."""

    kind: str  # "split" (the next paragraph continues it), "lost-ending", "document-end"
    a: Block
    b: Block | None
    joiner: str = ""
    reason: str = ""


def _evidence(doc: Document) -> Evidence:
    return doc.evidence


def _can_continue(b: Block, doc: Document) -> bool:
    """Could ``b`` carry on a sentence? Numbered items and Markdown headings cannot."""
    if b.numbering is not None:
        return False
    if b.kind is BlockKind.PARAGRAPH:
        return True
    if b.kind is BlockKind.HEADING:
        return doc.text[b.line_start:b.start].strip() == ""  # a short fragment, not a '#' heading
    return False


def find_breaks(doc: Document) -> list[Break]:
    """Every paragraph that ends mid-sentence, classified (cached per document)."""
    cached = doc.cache.get("truncation.breaks")
    if cached is not None:
        return cached
    ev = _evidence(doc)
    blocks = doc.blocks
    out: list[Break] = []
    last_prose = max((i for i, b in enumerate(blocks) if b.kind is not BlockKind.TABLE_ROW), default=-1)
    series = _heading_series(blocks)
    for i, a in enumerate(blocks):
        if a.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING) or ends_sentence(a.text):
            continue
        if a.kind is BlockKind.HEADING and doc.text[a.line_start:a.start].strip():
            continue  # a Markdown heading (# …) is never half a sentence
        b = blocks[i + 1] if i + 1 < len(blocks) else None
        if _meant_to_stay_open(blocks, i, b):
            continue
        nxt = b if b is not None and _can_continue(b, doc) else None
        if a.kind is BlockKind.HEADING and not _ends_in_cut_word(a, ev) and not _ends_in_comma(a):
            br = _heading_break(a, nxt, ev)
        else:
            br = _paragraph_break(a, nxt, ev, last=i == last_prose, series=series)
        br = _unless_meant(br, blocks, i, ev)
        if br is None and a.kind is BlockKind.PARAGRAPH and a.end in doc.page_cuts:
            br = Break("lost-ending", a, b)  # the page ran full to its end and the next opened anew
        if br is not None and br.kind == "lost-ending":
            br = Break("lost-ending", a, b)  # the block that follows, whatever it is
        if br is not None:
            out.append(br)
    doc.cache["truncation.breaks"] = out
    return out


def _unless_meant(br: Break | None, blocks: list[Block], i: int, ev: Evidence) -> Break | None:
    """Drop an open ending that is no loss: an English heading, caption, list item, table
    row, formula or byline; a Chinese sentence at the end of a part short of its mark."""
    if br is None or br.kind == "split":
        return br
    return None if open_on_purpose(blocks, i, ev) or complete_at_boundary(blocks, i, ev) else br


def _meant_to_stay_open(blocks: list[Block], i: int, b: Block | None) -> bool:
    """A label with its value, a paragraph with a heading glued on, a lead-in before a
    table or list, or the last item of a numbered list."""
    a = blocks[i]
    if b is not None and _number_cut_by_page(a, b):
        return False  # a label's value may stay open, not a figure cut from its unit (……第 44 / 号公告)
    if a.kind is BlockKind.PARAGRAPH and meant_open(a):
        return True
    if b is not None and _introduces(a, b):
        return True
    return (b is None and a.numbering is not None and i > 0 and blocks[i - 1].numbering is not None
            and not _has_sentence(a))


def _heading_break(a: Block, b: Block | None, ev: Evidence) -> Break | None:
    """A line the parser took for a heading is half a sentence only on plain proof (the
    next block opens with a comma or a lowercase word, a figure is cut in two), or, when
    it reads like prose (a comma in it), on the document's statistics."""
    if b is None or a.numbering is not None:
        return None
    if _number_cut_by_page(a, b):
        return Break("split", a, b, _join(a, b, ev), "a number is cut from its unit by a page break")
    why = continuation_reason(a, b, ev, statistics=False)
    left = core(a.text)
    figure = (left[-1:].isdigit() or left[-1:] in "%‰") and "，" in left  # prose, not a label like 附件1
    # No heading ends on 的 or 和 (在看到成绩的 / 同时，……), nor is a bare number (2001 / 年以来，……)
    open_end = (left[-1:] in _NEVER_ENDS_HEADING or left.isdigit()) and b.kind is BlockKind.PARAGRAPH \
        and not _SALUTATION.match(head(b.text))
    if why and (plain_continuation(b) or figure or open_end or left[-1:] in "，、,"):
        return Break("split", a, b, _join(a, b, ev), why)
    if b.kind is BlockKind.PARAGRAPH and _prose_fragment(a, b):
        why = continuation_reason(a, b, ev)
        if why:
            return Break("split", a, b, _join(a, b, ev), why)
    why = _cut_opening_carries_on(a, b, ev)
    return Break("split", a, b, _join(a, b, ev), why) if why else None


# Labels a heading ends its number with on purpose: 附件2, 表3, 图1-2, 专栏4.
_NUMBERED_LABEL = re.compile(r"(?:附件|附表|附图|图表|表|图|专栏|章|节|Table|Figure|Annex|Chart)\s*[0-9０-９]+(?:[-－.．][0-9０-９]+)*$")
# What a figure is measured in, as it opens the paragraph after the break (号公告,
# 项重点工程, 万人次): a measure word or unit that nothing but a number precedes.
_MEASURE_START = re.compile(r"^(?:[万亿千百]|[%‰％]|[号项个家所套台座条件名户次倍元吨亩辆艘架宗批届期]|平方|公[里顷斤]|千[米克瓦]|立方)")


def _number_cut_by_page(a: Block, b: Block) -> bool:
    """A short line that stops on a number, then a paragraph that opens with its unit
    (常务委员会第 44 / 号公告……, 全省 24 / 项重点工程……): the page broke inside the
    figure. A line read as a heading never ends on a bare count that the next
    paragraph measures, except a label (附件2, 表3)."""
    left, right = core(a.text), head(b.text)
    if b.kind is not BlockKind.PARAGRAPH or b.numbering is not None or a.lang != "zh":
        return False
    if not left[-1:].isdigit() or len(left) < 3 or _NUMBERED_LABEL.search(left) or a.text.lstrip().startswith(("**", "__")):
        return False
    digits = len(left) - len(left.rstrip("0123456789０１２３４５６７８９.．"))
    before = left[:-digits].rstrip()
    return bool(before) and (is_han(before[-1]) or before[-1] in "，、") and bool(_MEASURE_START.match(right))


def _cut_opening_carries_on(a: Block, b: Block, ev: Evidence) -> str:
    """A short open line read as a heading, then a paragraph that starts mid-sentence,
    with the characters on both sides of the break forming a pair the document uses
    (强化政治引 / 领，锤炼……: 引领): one sentence the page cut a few characters in."""
    if b.kind is not BlockKind.PARAGRAPH or a.numbering is not None or a.lang != "zh":
        return ""
    left, right = core(a.text), head(b.text)
    if not left or not right or a.text.lstrip().startswith(("**", "__")):
        return ""
    pair = left[-1] + right[0]
    if not (is_han(pair[0]) and is_han(pair[1])) or not ev.occurs(pair):
        return ""
    if lost_beginning(b, ev):
        return f"the next paragraph starts mid-sentence and `{pair}` occurs elsewhere in the document"
    succ = ev.successors(left[-1], skip=a.start + len(left) - 1)
    byline = " " in left or "\u3000" in left or _SALUTATION.match(right)  # 市长 韩正 / 各位代表：
    if sum(succ.values()) >= 5 and "#" not in succ and not byline:
        # 新时代对政府自 / 身建设……: 自 closes no clause anywhere in the document
        return f"`{left[-1]}` never ends a clause elsewhere and `{pair}` occurs elsewhere in the document"
    return ""


def _paragraph_break(a: Block, b: Block | None, ev: Evidence, *, last: bool, series: set[str]) -> Break | None:
    """An open paragraph: split when the next one carries on, else a lost ending, unless
    it is a heading written as a paragraph (then only a split is possible)."""
    in_series = _opening(a) in series
    heading = heading_like(a, last=last, evidence=ev) or in_series
    # A lone heading-like line with commas in it may still be half a sentence; the
    # statistics may say so, but its end alone is never taken for a lost ending.
    stats = not heading or (not in_series and b is not None and b.kind is BlockKind.PARAGRAPH
                            and "，" in a.text and _prose_fragment(a, b))
    why = continuation_reason(a, b, ev, statistics=stats) if b is not None else ""
    if not why and heading and not in_series and b is not None:
        why = _cut_opening_carries_on(a, b, ev)
    if why and b is not None:
        return Break("split", a, b, _join(a, b, ev), why)
    if heading and (in_series or last or not _ends_inside_word(a, ev)):
        return None
    if last:
        return Break("document-end", a, None)
    return Break("lost-ending", a, b)


def _ends_inside_word(a: Block, ev: Evidence, *, minimum: int = 2) -> bool:
    """Does a line read as a heading stop on two characters that, everywhere else in the
    document, run on into more text (……并请市政协委员和其他列席, ……加大改革力度，打造)?
    A heading ends on a word that also closes clauses elsewhere (……迈上新台阶)."""
    if a.numbering is not None or a.lang != "zh" or a.text.lstrip().startswith(("**", "__")):
        return False
    t = core(a.text)
    if len(t) < 12 or "，" not in t or not (is_han(t[-1]) and is_han(t[-2])):
        return False
    at = a.start + len(t)
    succ = ev.successors(t[-2:], skip=at - 2)
    if sum(succ.values()) >= minimum and "#" not in succ:
        return True
    # 报告工 / 政协委: a character common in the document that never closes a clause
    succ = ev.successors(t[-1], skip=at - 1)
    return sum(succ.values()) >= 5 and "#" not in succ


def _prose_fragment(a: Block, b: Block) -> bool:
    """Does a short line the parser took for a heading read like the start of a sentence
    cut by a page break? It carries a comma or runs long, is no dateline (——…会议上),
    no number that lost its bracket (五）财政改革……), and the next block is no bold
    topic line or lead-in of its own."""
    t = core(a.text)
    if a.numbering is not None or a.lang != "zh" or not ("，" in t or len(t) > 20):
        return False
    if t.startswith(("—", "―", "─", "-", "◇", "◆", "●", "■", "*")) or _LOST_BRACKET_NUMBER.match(t) or _DATE_START.match(t):
        return False  # a dateline, a heading whose number lost its bracket
    nxt = head(b.text)
    return not (b.text.lstrip().startswith(("**", "__")) or (core(nxt).endswith(("：", ":")) and len(nxt) <= 20))


def _opening(block: Block) -> str:
    return head(block.text)[:3]


def _heading_series(blocks: list[Block]) -> set[str]:
    """Openings shared by two or more open lines with no sentence inside: a series of
    headings written as clauses (五年来，我们……，综合实力迈上新台阶 / 五年来，我们……)."""
    seen: Counter[str] = Counter()
    for b in blocks:
        if b.kind is BlockKind.PARAGRAPH and not ends_sentence(b.text) and not _has_sentence(b) and len(b) <= 100:
            seen[_opening(b)] += 1
    return {k for k, n in seen.items() if n >= 2 and len(k) == 3}


def _has_sentence(block: Block) -> bool:
    """Does the block hold a sentence end before its last character (its number aside)?"""
    text = head(block.text)
    if block.numbering and text.startswith(block.numbering):
        text = text[len(block.numbering):]
    return bool(SENTENCE_INSIDE.search(core(text)))


def _introduces(a: Block, b: Block) -> bool:
    """``a`` is a lead-in or an item of a list that ``b`` carries on: a line before a
    table or a bullet list (主要指标如下), or a numbered item with no sentence in it
    before the next one (a numbered paragraph of prose must still end its sentence)."""
    if b.kind in (BlockKind.TABLE_ROW, BlockKind.LIST_ITEM):
        return True
    return a.numbering is not None and b.numbering is not None and not _has_sentence(a)


def _ends_in_comma(block: Block) -> bool:
    """A short line the parser took for a heading, but that stops on a comma: no heading
    does, so it is judged as a paragraph (split or lost ending)."""
    return block.numbering is None and core(block.text)[-1:] in "，、" and not block.text.lstrip().startswith(("**", "__"))


def _ends_in_cut_word(block: Block, ev: Evidence) -> bool:
    """A short English line the parser took for a heading, but whose last word is a
    lowercase fragment found nowhere else in the document (``expected to fade quic``)."""
    if block.lang != "en" or block.numbering is not None:
        return False
    words = core(block.text).split()
    last = words[-1] if words else ""
    return len(words) >= 6 and last.isalpha() and last.islower() and ev.vocab[last] <= 1


def _join(a: Block, b: Block, ev: Evidence) -> str:
    return joiner(core(a.text), head(b.text), ev.vocab)


def lost_beginning(b: Block, ev: Evidence) -> str:
    """Why ``b`` opens in the middle of a sentence, or ''."""
    t = head(b.text)
    if not t or b.numbering is not None:
        return ""
    y = t[0]
    if y in NON_OPENING:
        return f"opens with `{y}`"
    if b.lang == "en" or is_latin(y):
        if "a" <= y <= "z" and not _LOWER_OK.match(t):
            return "opens with a lowercase word"
        if _CONTRACTION_TAIL.match(t):
            return "opens with the tail of a contraction (I'm, it's)"
        return ""
    if y.isdigit():
        return _cut_year(t, ev)
    if not is_han(y):
        return ""
    if y == "是" and not t.startswith(("是否", "是非")):
        return "opens with `是`, the verb of a sentence begun before"
    if opens_with_attached_word(t):
        return f"opens with `{y}`, which attaches to what precedes it"
    if _WEI_DE.match(t):
        return "opens with `为…的`, the object of a sentence begun before"
    if _STUB_SENTENCE.match(t):
        return "opens with a clause of one or a few characters, the tail of a sentence begun before"
    at = b.start + (len(b.text) - len(t))
    bold = b.text.lstrip().startswith(("**", "__"))
    if bold:
        # **集聚创新要素。**, **细化城市各层次规划。**: a bold topic line is a heading, and a
        # heading's verb may be one the document uses elsewhere inside a longer word
        return ""
    return _lost_first_characters(t, at, ev) or _second_of_a_word(t, at, ev) or _tail_of_phrase(t, at, ev)


def _lost_first_characters(t: str, at: int, ev: Evidence, *, minimum: int = 3) -> str:
    """The first two characters occur elsewhere in the document only as the tail of
    one three-character sequence (快兰州新区…… where 加快 is meant, 济社会发展…… where
    经济 is meant): the paragraph's first character or characters were lost."""
    if len(t) < 2 or not (is_han(t[0]) and is_han(t[1])):
        return ""
    if not _TOPIC_SENTENCE.match(t) and not _word_tail_opening(t, ev):
        return ""
    preds = ev.predecessors(t[:2], skip=at)
    if sum(preds.values()) < minimum or len(preds) != 1 or "#" in preds:
        return ""
    c = next(iter(preds))
    if ev.count(c + t[0]) - ev.count(c + t[:2]) < 2 or (c in _BOUND_BEFORE and not _TOPIC_SENTENCE.match(t)):
        # A cut leaves the tail of a word the document uses by itself (社会 in 社会保障);
        # 落实党的, 实施民心工程: 实党 and 施民 are no words of their own. 的同时, 和市委:
        # a word after a particle.
        return ""
    return f"`{t[:2]}` occurs elsewhere only as `{c}{t[:2]}`"


def _word_tail_opening(t: str, ev: Evidence) -> bool:
    """An opening that may be the tail of a word: its first clause runs on (现在， 同时，
    一年来， are words that open paragraphs) and it is no numeral."""
    first = _FIRST_CLAUSE.match(t)
    return first is not None and len(first.group(0)) >= 5 and t[0] not in _NUMERALS


def _second_of_a_word(t: str, at: int, ev: Evidence, *, minimum: int = 8, share: float = 0.9) -> str:
    """The first character is, almost everywhere else in the document, the second of one
    word, and opens no clause anywhere else (府向大会作工作报告 where 政府 is meant)."""
    y = t[0]
    if ev.initials[y] > 1:
        return ""
    preds = ev.predecessors(y, skip=at)
    total = sum(preds.values())
    if total < minimum:
        return ""
    c, n = preds.most_common(1)[0]
    if c == "#" or n < share * total:
        return ""
    # and the opening pair too follows that character wherever else it occurs (织密, 筑牢,
    # 聚焦 open sentences as words of their own: 组织, 建筑, 集聚 say nothing of them)
    pair = ev.predecessors(t[:2], skip=at)
    if not pair or set(pair) != {c}:
        return ""
    return f"`{y}` occurs elsewhere almost only as `{c}{y}`, and `{t[:2]}` only as `{c}{t[:2]}`"


def _tail_of_phrase(t: str, at: int, ev: Evidence, *, minimum: int = 2) -> str:
    """An opening sentence that is, everywhere else in the document, the tail of one
    longer phrase (石化产业高地。 where 世界级绿色石化产业高地 is used twice elsewhere)."""
    m = _FIRST_PHRASE.match(t)
    if not m or "**" in m.group(0) or ev.initials[t[0]] > 4:
        # 推进乡村全面振兴。: a verb that opens clauses all through the document. (A bold
        # topic line, **防范化解重大风险。**, is a heading, which may shorten a phrase.)
        return ""
    phrase = m.group(1)
    preds = ev.predecessors(phrase, skip=at)
    if sum(preds.values()) < minimum or len(preds) != 1 or "#" in preds:
        return ""
    c = next(iter(preds))
    return f"`{phrase}` occurs elsewhere only as `…{c}{phrase}`"


def _closes_sentence(block: Block) -> bool:
    """The block before ends a sentence (or is a heading): a paragraph after it starts afresh."""
    return block.kind is BlockKind.HEADING or core(block.text)[-1:] in "。！？!?；;：:”’）)"


def lost_word_head(b: Block, ev: Evidence) -> str:
    """The paragraph opens with the tail of a word whose head was lost (位代表 for 各位代表,
    持把投资 for 坚持把投资, 快推进 for 加快推进): its first characters occur elsewhere in
    the document, always right after one and the same character, and that character
    with the first one forms a word of the lexicon that the document does not use
    apart from this phrase as a clause opener. A real opening (推进, 坚持) opens clauses
    elsewhere or follows different characters."""
    t = head(b.text)
    if len(t) < 4 or b.numbering is not None or b.lang != "zh" or b.text.lstrip().startswith(("**", "__")):
        return ""
    if not all(is_han(c) for c in t[:2]) or t[0] in _NUMERALS:
        return ""
    at = b.start + (len(b.text) - len(t))
    bound = _bound_opening(t, at, ev)
    if bound:
        return bound
    for k in (3, 2):
        if not all(is_han(c) for c in t[:k]):
            continue
        preds = ev.predecessors(t[:k], skip=at)
        total = sum(preds.values())
        if total < (2 if k == 3 else 3) or len(preds) != 1 or "#" in preds:
            continue
        c = next(iter(preds))
        opens_clauses = ev.initials[t[0]] > _WORD_INITIAL and not (k == 3 and c + t[0] in common_words())
        if c + t[0] not in _lexicon() or t[:2] in _lexicon() or opens_clauses:
            continue  # 落实 + 党的: no word; 现在 (体现在 elsewhere) is a word by itself; 市 opens clauses
            # (three characters bound to one head that forms a common word, 去一年 after 过, may still)
        return f"`{t[:k]}` occurs elsewhere only as `{c}{t[:k]}`: the paragraph lost `{c}`"
    if _VERSE_OPENING.match(t):
        return ""  # 事非经过不知难，成如容易却艰辛。: a couplet quoted whole
    return _stranded_tail(t, at, ev) or _bound_pair(t, at, ev)


# Two lines of verse of five or seven characters each, quoted as a paragraph's first
# sentence (青山不墨千秋画，绿水无弦万古琴。): a quotation, written whole.
_VERSE_OPENING = re.compile(rf"^(?:[{HAN_CLASS}]{{5}}，[{HAN_CLASS}]{{5}}|[{HAN_CLASS}]{{7}}，[{HAN_CLASS}]{{7}})[。；！]")
# A first clause that names a term before its colon (国考断面：指……, 主要目标：): a
# glossary entry or a label, which may open with any abbreviation.
_TERM_OPENING = re.compile(r"^[^，。；：！？]{2,12}[：:]")
# What follows a word of one character when it counts (十六届, 第十四: an ordinal after an
# abbreviation like 市 is no cut).
_ORDINAL_CHARS = frozenset("一二三四五六七八九十两第0123456789０１２３４５６７８９")
# A character that is a word by itself in more than this share of the lexicon's uses may
# open a sentence alone (在, 这, 去, 好); below it, it opens one only with a word around it.
_ALONE_SHARE = 0.3
# How often a character must occur in the document for its uses to count as evidence.
_TAIL_EVIDENCE = 10


def _stranded_tail(t: str, at: int, ev: Evidence) -> str:
    """The paragraph opens with a character that starts no word here, stranded before a
    word of its own (强 in 强环境保护, 型 in 型经济稳步发展): the character is seldom a
    word by itself in the lexicon, or in this document it almost always ends a word
    with the character before it (加强, 外向型); and no other clause of the document
    opens with it as a word of one character. A verb with its complement that the
    lexicon lacks (织密, 聚力, 厚植) is followed by no word of its own and is left
    alone, as are classical phrases with 之 (民之所望) and a term before its colon."""
    y = t[0]
    n = ev.count(y)
    if n < _TAIL_EVIDENCE or _first_word_length(t) > 1:
        return ""
    if _first_word_length(t[1:]) < 2 and t[1] not in _BOUND_BEFORE:
        return ""  # 织密扎牢, 聚力突破: a compound the lexicon lacks, not a stranded tail
    if "之" in t[1:4] or _TERM_OPENING.match(t) or t[1] in _ORDINAL_CHARS or _parallel_modifiers(t):
        return ""
    free = _free_openers(ev)[y] - 1  # this opening aside
    if free > max(1, 0.03 * n) or "#" in ev.predecessors(t[:2], skip=at):
        return ""  # 抓项目, 强产业: the document opens clauses with this word of one character
    words = _lexicon()
    ended = sum(k for x, k in ev.predecessors(y, skip=at).items() if x != "#" and x + y in words)
    if not (ended >= 0.8 * n and free <= 1):
        share = single_word_shares().get(y, 1.0)
        if share >= _ALONE_SHARE or _tail_share(y, ev) < 0.2:
            return ""
        return (f"`{y}` starts no word before `{t[1:3]}` and is seldom a word by itself: "
                "the start of its word was lost")
    return f"`{y}` starts no word here and ends a word in {ended} of its {n} uses elsewhere: the start of its word was lost"


def _parallel_modifiers(t: str) -> bool:
    """The first clause pairs one word under two modifiers of one character (快发展、大发展,
    大保护、大开放): the first is a word of its own there, as the second is."""
    first, _, rest = t.partition("、")
    return 2 <= len(first) <= 4 and rest[:len(first)][1:] == first[1:]


# From this many other uses of a pair, one in ten may stand outside a longer word (a
# pair used two or three times must always stand inside one).
_PAIR_EVIDENCE = 4


def _bound_pair(t: str, at: int, ev: Evidence) -> str:
    """The first two characters occur elsewhere in the document, never at the start of a
    clause and (almost) always inside a word that begins one or two characters earlier
    (年来 in 五年来 近年来, 以赴 in 全力以赴): they are the tail of a word whose head was
    lost."""
    if _TERM_OPENING.match(t) or t[1] in _ORDINAL_CHARS or t[:2] in common_words():
        return ""  # 现在，我代表……: a common word opens the sentence, whatever 体现在 does elsewhere
    pair, text, words = t[:2], ev.text, _lexicon()
    uses = inside = 0
    i = text.find(pair)
    while i != -1:
        if i != at:
            uses += 1
            if i == 0 or not is_han(text[i - 1]):
                return ""  # the pair opens a clause elsewhere
            if any(text[i - j:i + m] in words for j in (1, 2) for m in (1, 2) if i >= j):
                inside += 1
        i = text.find(pair, i + 1)
    if uses < 2 or inside < (0.9 * uses if uses >= _PAIR_EVIDENCE else uses):
        return ""
    return f"`{pair}` occurs {uses} times elsewhere, never opening a clause, always inside a longer word"


def lone_measure_word(b: Block) -> str:
    """The paragraph opens with a measure word standing alone before a word (位代表 for
    各位代表, 个方面 for 三个方面): the numeral or determiner before it was lost. A measure
    word that begins a word of the lexicon (个人, 项目, 位于, 部分) is no evidence."""
    t = head(b.text)
    if b.lang != "zh" or len(t) < 3 or t[0] not in PURE_MEASURE_WORDS or b.numbering is not None:
        return ""
    words = _lexicon()
    if any(t[:n] in words for n in (2, 3, 4)):
        return ""
    if not any(t[1:1 + n] in words for n in (2, 3, 4)):
        return ""
    return f"`{t[0]}` is a measure word, which needs a number or a word like 各 or 这 before it"


# A clause opening, anywhere in the text (the clause-initial pattern of the evidence index).
_CLAUSE_START = re.compile(rf"(?:^|[，、。；：！？,;:!?（(“《—])\s*(?=[{HAN_CLASS}])", re.M)


def _first_word_length(t: str) -> int:
    """Length of the longest lexicon word ``t`` opens with (1: none)."""
    words = _lexicon()
    return next((n for n in (5, 4, 3, 2) if t[:n] in words), 1)


def _free_openers(ev: Evidence) -> Counter[str]:
    """Characters that open a clause of the document as a word of one character (在, 对,
    抓 before a noun): the count per character, computed once per document."""
    cached = getattr(ev, "_free_openers", None)
    if cached is None:
        cached = Counter()
        text = ev.text
        for m in _CLAUSE_START.finditer(text):
            i = m.end()
            if _first_word_length(text[i:i + 5]) == 1:
                cached[text[i]] += 1
        ev._free_openers = cached  # type: ignore[attr-defined]
    return cached


# How often a one-character verb must occur in the document for its absence from
# clause openings to count.
_VERB_EVIDENCE = 10
# How many clauses of the document may open with a character (inside a longer word:
# 市委, 化解) before it counts as a character that opens clauses, not a word's tail.
_WORD_INITIAL = 4


def _bound_opening(t: str, at: int, ev: Evidence) -> str:
    """The paragraph opens with a character that starts no word of the lexicon here, is
    no verb or adjective of one character, and opens no clause elsewhere as a word of
    its own (态建设…… for 生态建设……, 据党的…… for 根据党的……): the head of its first
    word was lost."""
    if _first_word_length(t) > 1 or ev.initials[t[0]] > _WORD_INITIAL:
        return ""  # 市 of 市委, 市政府: a character that opens many clauses of the document
    if t[0] in _BOUND_BEFORE or t[1] in _BOUND_BEFORE:
        return ""  # 要实现, 为实现; 总的, 站在, 水和: a word of one character before a function word
    verbs = predicative_chars()
    if t[0] in verbs and t[1] in verbs:
        return ""  # 建强, 增创, 扎牢: a compound of two verbs the lexicon lacks, not a word's tail
    preds = ev.predecessors(t[:2], skip=at)
    if "#" in preds or len(preds) > 1 or (preds and next(iter(preds)) + t[0] not in _lexicon()):
        return ""  # this pair opens other clauses, or follows various characters: a word
    free = _free_openers(ev)[t[0]] - 1  # this opening aside
    n = ev.count(t[0])
    # A verb of one character (抓, 守) may open a topic sentence; a character that
    # opens other clauses by itself is a word. Only a character the document uses
    # often and (almost) never as an opener of its own is a word's tail (the lexicon
    # misses a few openers: 善后, 善作善成).
    if free > 0.05 * n or (free > 0 and n < _VERB_EVIDENCE * 2) or (t[0] in predicative_chars() and n < _VERB_EVIDENCE):
        return ""
    share = _tail_share(t[0], ev)
    if share < _TAIL_SHARE:
        return ""  # 中 of 中机物流, 产 of 产城融合: a character that starts words as often as it ends them
    return (f"`{t[0]}` starts no word here, opens no clause elsewhere and ends a word in {share:.0%} "
            "of its other uses: the start of its word was lost")


# Share of a character's uses in the document, as the last of a word, from which an
# opening with it reads as a word's tail (化 of 优化 深化, 施 of 实施 措施, 升 of 提升).
_TAIL_SHARE = 0.7


def _tail_share(y: str, ev: Evidence) -> float:
    """How often ``y`` is, elsewhere in the document, the second character of a two-
    character word of the lexicon and starts no word there."""
    words = _lexicon()
    text = ev.text
    tail = total = 0
    i = text.find(y)
    while i != -1 and total < 400:
        total += 1
        if i and text[i - 1:i + 1] in words and text[i:i + 2] not in words and text[i:i + 3] not in words:
            tail += 1
        i = text.find(y, i + 1)
    return tail / total if total else 0.0


def _lexicon():
    return zh_words()


def _cut_year(t: str, ev: Evidence) -> str:
    """A year that lost its first digits (6年，面对…… where 2016年 is meant) and that
    the document writes in full elsewhere."""
    m = _SHORT_YEAR.match(t)
    if not m:
        return ""
    digits = m.group(1)
    full = re.compile(rf"(?<![0-9])[12][0-9]{{{4 - len(digits) - 1}}}{digits}年")
    short = re.compile(rf"(?<![0-9]){digits}年")
    if not full.search(ev.text) or len(short.findall(ev.text)) > 1:
        return ""  # 二、05年的任务 / 05年，我们……: the document's own short form
    return f"`{digits}年` is a year that lost its first digits"


def _span_around(a: Block, b: Block, width: int) -> tuple[int, int]:
    return max(a.start, a.end - width), min(b.end, b.start + width)


def _join_applicability(br: Break, doc: Document) -> str:
    """A join is safe only on plain proof (a comma ends the first paragraph, the next opens
    with punctuation, a number is cut in two); one that rests on how often characters
    meet elsewhere may be a heading joined to its text, so it waits for ``--unsafe-fixes``."""
    plain = br.b is not None and continuation_reason(br.a, br.b, doc.evidence, statistics=False)
    return "safe" if plain else "unsafe"


class SplitSentence(Rule):
    code = "TRN001"
    name = "split-sentence"
    category = "truncation"
    severity = Severity.WARNING
    summary = "a sentence is cut in two by a paragraph break (page break)"
    explanation = """\
A page break in the source PDF became a paragraph break: the paragraph stops
mid-sentence (often mid-word) and the next one carries on. The fix joins them,
with no space between Chinese characters or inside a cut word, and one space
between English words.

Wrong:  ……美丽圩镇建设入库项目625个，完成年度

        投资77亿元。新建城镇污水管网129.7公里……
Right:  ……美丽圩镇建设入库项目625个，完成年度投资77亿元。新建城镇污水管网129.7公里……

Wrong:  With increased digitalisation, data will bec

        ome an important asset for firms
Right:  With increased digitalisation, data will become an important asset for firms
"""
    options = {"context": 4}

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        width = int(options.get("context", 4))
        for br in find_breaks(doc):
            if br.kind != "split" or br.b is None:
                continue
            s, e = _span_around(br.a, br.b, width)
            left, right = core(br.a.text), head(br.b.text)
            cut_end = br.a.start + len(left)
            cut_start = br.b.start + (len(br.b.text) - len(br.b.text.lstrip()))
            if doc.text[br.b.start:cut_start + 2].startswith(("**", "__")):
                cut_start = br.b.start  # keep emphasis markers as they are
            shown = f"{left[-6:]}⏎{right[:6]}"
            yield self.report(
                s, e,
                f"sentence split across paragraphs at `{shown}`: {br.reason}",
                fix=Fix(_join_applicability(br, doc), "join the two paragraphs", (Edit(cut_end, cut_start, br.joiner),)),
                fingerprint_text=shown,
            )


class LostEnding(Rule):
    code = "TRN002"
    name = "lost-ending"
    category = "truncation"
    severity = Severity.WARNING
    summary = "a paragraph or the document ends in the middle of a sentence"
    explanation = """\
The paragraph stops without finishing its sentence and the next paragraph does not
carry on: the end of the sentence was lost in extraction or editing.

Wrong:  ……加大基本养老保险、基本医疗保险保障力度。坚持“房住不炒”，促进房地产业

        建设高质量教育体系。……
Right:  ……坚持“房住不炒”，促进房地产业良性循环和健康发展。
"""
    options = {"context": 6}

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        width = int(options.get("context", 6))
        for br in find_breaks(doc):
            if br.kind == "split":
                continue
            a = br.a
            end = a.start + len(core(a.text))
            tail = doc.text[max(a.start, end - width):end]
            where = "the document ends" if br.kind == "document-end" else "paragraph ends"
            yield self.report(max(a.start, end - width), end, f"{where} mid-sentence after `{tail}`",
                              fingerprint_text=tail)


class LostBeginning(Rule):
    code = "TRN003"
    name = "lost-beginning"
    category = "truncation"
    severity = Severity.WARNING
    summary = "a paragraph starts in the middle of a sentence"
    explanation = """\
The paragraph opens with what can only continue a sentence: a verb with no
subject (是：), an object (为最大的政治，), a closing bracket or quote, a lowercase
English word. Its beginning was lost.

Wrong:  是：地区生产总值增长6.5%以上；……
Right:  今年经济社会发展的主要预期目标是：地区生产总值增长6.5%以上；……

Wrong:  nesses had risen since the beginning of the year.
Right:  Costs for businesses had risen since the beginning of the year.

After a finished paragraph, an opening that is the tail of a word is reported too:
its first characters follow one and the same character everywhere else in the
document (位代表 / 各位代表), or its first character starts no word of the lexicon
there and mostly ends words elsewhere (化农村各项改革 where 深化 is meant), or
stands before a word of its own while it is seldom a word by itself (强养老服务体系
where 加强 is meant), or its first two characters occur elsewhere only inside longer
words (年来， where 近年来 is meant). A cut between two words leaves a sentence that
reads whole and cannot be seen.
"""
    options = {"context": 6}

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        width = int(options.get("context", 6))
        ev = _evidence(doc)
        continued = {id(br.b) for br in find_breaks(doc) if br.kind == "split"}
        prev: Block | None = None
        for b in doc.blocks:
            before, prev = prev, b
            if b.kind is not BlockKind.PARAGRAPH or id(b) in continued:
                continue
            if before is not None and core(before.text)[-1:] in "：:" and b.lang == "en":
                continue  # a lead-in may go on in the next paragraph: "The options are:" / "raise rates, or hold."
            why = lost_beginning(b, ev) or lone_measure_word(b)
            if not why and before is not None and _closes_sentence(before):
                why = lost_word_head(b, ev)
            if why:
                head = doc.text[b.start:min(b.end, b.start + width)]
                yield self.report(b.start, min(b.end, b.start + width),
                                  f"paragraph starts mid-sentence at `{head}`: {why}", fingerprint_text=head)


_OPEN_KIND = {"“": "“", "《": "《", "（": "（", "(": "（", "【": "【", "[": "【", "‘": "‘"}
_CLOSE_KIND = {"”": "“", "》": "《", "）": "（", ")": "（", "】": "【", "]": "【", "’": "‘"}
_MARK = re.compile(r"[“”《》（）()【】\[\]‘’]")
_ASCII_QUOTE = re.compile(r'"')
_ENTITY_CHAR = {"&ldquo;": "“", "&rdquo;": "”", "&lsquo;": "‘", "&rsquo;": "’",
                "&#8220;": "“", "&#8221;": "”", "&#8216;": "‘", "&#8217;": "’"}
_ENTITY_QUOTE = re.compile("|".join(_ENTITY_CHAR), re.I)
_QUOTE_LIKE = re.compile(r'[“”″"〃]|&rdquo;|&#8221;')
# 1） a） 一）: a number closed by a bracket is a list marker, not half of a pair.
_BRACKET_NUMBER = re.compile(r"^[\s*_]*[一二三四五六七八九十0-9A-Za-z]{1,3}[）)]")


def unbalanced(text: str) -> list[tuple[int, str]]:
    """Offsets of brackets and quotes that have no partner in ``text``.

    Full-width and ASCII brackets pair with each other (``(鱼珠-象颈岭段）``);
    a list marker like ``1）`` and an apostrophe are not halves of a pair; an
    opening quote at the very start is how a quotation running over several
    paragraphs is written.
    """
    # Entities left by a web page stand for their characters (the same offsets kept). An
    # entity with no partner is residue, which MKP001 reports; it is no sign of a cut.
    entities = {m.start() for m in _ENTITY_QUOTE.finditer(text)}
    text = _ENTITY_QUOTE.sub(lambda e: _ENTITY_CHAR[e.group(0).lower()] + "\0" * (len(e.group(0)) - 1), text)
    stack: list[tuple[int, str]] = []
    bad: list[tuple[int, str]] = []
    m = _BRACKET_NUMBER.match(text)
    skip = m.end() - 1 if m else -1
    for mark in _MARK.finditer(text):
        i, ch = mark.start(), mark.group(0)
        if ch in _OPEN_KIND:
            stack.append((i, ch))
        elif ch in _CLOSE_KIND and i != skip:
            kind = _CLOSE_KIND[ch]
            k = len(stack) - 1
            while k >= 0 and _OPEN_KIND[stack[k][1]] != kind:
                k -= 1
            if k < 0:
                if ch == "’" and _apostrophe(text, i):
                    continue
                bad.append((i, ch))
            else:
                del stack[k:]  # openers left inside were never closed; judged with the outer pair
    bad.extend(p for p in stack if not (p[0] == len(text) - len(text.lstrip()) and p[1] in "“‘"))
    quotes = [m.start() for m in _ASCII_QUOTE.finditer(text)]
    if len(quotes) % 2 and quotes[0] != len(text) - len(text.lstrip()):
        bad.append((quotes[-1], '"'))
    bad = _without(bad, entities)
    unpaired = {i for i, _ in bad}
    return [(i, ch) for i, ch in bad if not _misdirected(text, i, ch, unpaired)]


def _without(marks: list[tuple[int, str]], offsets: set[int]) -> list[tuple[int, str]]:
    """``marks`` sorted, except those at ``offsets``."""
    return sorted(m for m in marks if m[0] not in offsets)


def _apostrophe(text: str, i: int) -> bool:
    """A ``’`` that is an apostrophe, not a closing quote: after a letter or a digit
    (Singapore’s, 2005’), before a digit (’99), or ``’s`` closing a word of its own after
    a bracketed short form or a quotation (the Ministry of Health (MOH)’s plan)."""
    if (i and text[i - 1].isalnum()) or text[i + 1:i + 2].isdigit():
        return True
    return text[i + 1:i + 2] in ("s", "S") and not text[i + 2:i + 3].isalpha()


def _misdirected(text: str, i: int, ch: str, unpaired: set[int]) -> bool:
    """A quote typed the wrong way round or with a look-alike (“双拥“, ”普九“, “五五″,
    “双减&rdquo;): a typo for another family, not a sign of a cut. Such a mark has a
    neighbouring quote within a few characters that does not pair with it properly."""
    if ch not in "“”":
        return False
    marks = [(m.start(), m.group(0)) for m in _QUOTE_LIKE.finditer(text, max(0, i - 20), i + 21)]
    k = next((n for n, (pos, _) in enumerate(marks) if pos == i), None)
    if k is None:
        return False
    prev, prev_at = (marks[k - 1][1], marks[k - 1][0]) if k else ("", -1)
    nxt, nxt_at = (marks[k + 1][1], marks[k + 1][0]) if k + 1 < len(marks) else ("", -1)
    if ch == "“":
        # “双拥“ / “五五″ (the next quote is no proper closer), the second of “…“, or ”普九“
        return nxt not in ("", "”") or prev == "“" or (prev == "”" and prev_at in unpaired)
    # ”普九“ (reversed), or the second of ”…”
    return (nxt == "“" and nxt_at in unpaired) or prev == "”"


class UnbalancedPair(Rule):
    code = "TRN004"
    name = "unbalanced-pair"
    category = "truncation"
    severity = Severity.INFO
    summary = "a quote or bracket in the paragraph has no partner"
    explanation = """\
An opening quote or bracket without its closing partner (or the reverse) inside
one paragraph is a sign that text was cut out or spliced in. A mark that is
unpaired in many paragraphs of the same document is a habit of its source, not a
cut, and is left alone.

Wrong:  坚持和发展新时代“枫桥经验，加强社会矛盾纠纷多元化解。
Right:  坚持和发展新时代“枫桥经验”，加强社会矛盾纠纷多元化解。
"""
    options = {"systematic": 3}

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        breaks = find_breaks(doc)
        broken = {id(br.a) for br in breaks} | {id(br.b) for br in breaks if br.b is not None}
        found: list[tuple[Any, int, str]] = []
        per_mark: Counter[str] = Counter()
        for para in doc.logical_paragraphs:
            if any(id(blk) in broken for blk in para.blocks):
                continue  # the cut is reported at the break already
            if para.blocks[0].kind is not BlockKind.PARAGRAPH:
                continue
            marks = unbalanced(para.text)
            if not marks or len(marks) > 2:
                continue  # many unpaired marks: a style of the source, not a cut
            off, ch = marks[0]
            per_mark[ch] += 1
            found.append((para, off, ch))
        limit = int(options.get("systematic", 3))
        passages = _bracketed_passages(found) | _reopened_passages(found, doc.logical_paragraphs)
        for para, off, ch in found:
            if per_mark[ch] >= limit or (id(para), off) in passages:
                continue
            s = para.to_doc(off)
            yield self.report(s, s + 1, f"`{ch}` has no partner in this paragraph",
                              fingerprint_text=para.text[off:off + 8])


def _bracketed_passages(found: list[tuple[Any, int, str]], reach: int = 3) -> set[tuple[int, int]]:
    """A passage in brackets over several paragraphs (an interpolation, an aside): the
    bracket opens a paragraph and its partner closes a later one, with nothing unpaired
    in between. Neither half is a cut. Returns (id(paragraph), offset) of both halves."""
    out: set[tuple[int, int]] = set()
    for k, (para, off, ch) in enumerate(found):
        if ch not in _OPEN_KIND or ch in "“‘" or off != len(para.text) - len(para.text.lstrip()):
            continue
        for other, o_off, o_ch in found[k + 1:k + 1 + reach]:
            if _CLOSE_KIND.get(o_ch) == _OPEN_KIND[ch] and not other.text[o_off + 1:].strip(" \t\n*_。.!?！？"):
                out |= {(id(para), off), (id(other), o_off)}
            break  # only the next unpaired mark may close it
    return out


def _reopened_passages(found: list[tuple[Any, int, str]], paragraphs: list[Any], reach: int = 3) -> set[tuple[int, int]]:
    """The convention of quotations over several paragraphs, kept with brackets too: each
    paragraph of the passage opens with the mark and only the last closes it
    ([I repeat, … / [In any event, … ]). An opener at the start of a paragraph is no
    cut when a paragraph soon after opens with the same mark and ends with its partner."""
    where = {id(p): k for k, p in enumerate(paragraphs)}
    out: set[tuple[int, int]] = set()
    for para, off, ch in found:
        if ch not in _OPEN_KIND or off != len(para.text) - len(para.text.lstrip()) or id(para) not in where:
            continue
        k = where[id(para)]
        for later in paragraphs[k + 1:k + 1 + reach]:
            t = later.text.strip(" \t\n*_")
            if t.startswith(ch) and _CLOSE_KIND.get(t.rstrip("。.!?！？")[-1:]) == _OPEN_KIND[ch]:
                out.add((id(para), off))
                break
    return out


RULES: list[type[Rule]] = [SplitSentence, LostEnding, LostBeginning, UnbalancedPair]
