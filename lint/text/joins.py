"""Logical paragraphs: blocks re-joined where a page break split a sentence.

A paragraph that ends without closing its sentence, followed by a paragraph, is
one paragraph the page (or a copy-paste) cut in two. Rules that compare what the
author wrote (duplicates, numbers) work on these; the truncation rules report the
breaks themselves.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from .blocks import Block, BlockKind, ends_sentence
from .occurrences import OccurrenceIndex
from .scripts import is_han, is_latin

# Punctuation that never opens a sentence or a paragraph.
NON_OPENING = "，、。；：！？）》】〕」』”’%‰,.;:!?)]}"
# Han characters that leave a phrase open when they end it (prepositions, conjunctions, 的).
OPEN_END_HAN = frozenset("的和与及或把将对在向从以为被让使给跟同比于等")
# Han function characters that attach to what precedes them: a paragraph cannot open with one.
NON_INITIAL_HAN = frozenset("的了着们和及或等之而且并于吗呢吧")
# ... except in these words, which may open a sentence.
INITIAL_WORDS = (
    "和谐", "和平", "和美", "及时", "及早", "或许", "等级", "而今", "并购", "并联",
    "于是", "之前", "之后", "之所以", "了解", "着力", "着眼", "着重", "着手",
)
_CLAUSE_INITIAL = re.compile(r"(?:^|[，、。；：！？,;:!?（(“《—])\s{0,40}(\w)", re.M)  # bounded: linear on long blank runs
_LATIN_WORD = re.compile(r"[A-Za-z]+")
# What a figure is counted or measured in (号公告, 项工程, 平方公里): a paragraph opening
# with it after one that stops on a digit carries on the figure.
_UNIT_START = re.compile(r"^(?:[0-9０-９%‰％.．万亿千百元个家所项人套台座条件名户年月日天次倍号吨亩辆艘架宗批届期]"
                         r"|平方|公[里顷斤]|立方)")
# （1990年不变价），增长12%: a short aside in brackets, then the sentence goes on.
_BRACKET_ASIDE = re.compile(r"^[（(][^（()）\n]{1,16}[）)][，、,]")
# What qualifies a figure: 35% | 左右, 100 | 多个.
_QUALIFIER_START = re.compile(r"^(?:左右|以上|以下|以内|多[万亿个家项人名]|余[万亿个家项人名])")
# A first sentence of a few characters holding a figure (投资77亿元。) completes the one before.
_SHORT_NUMBER_SENTENCE = re.compile(r"^[^，。；：！？\s]{0,6}[0-9０-９][^，。；：！？\s]{0,6}[。；]")
# The tail of a paragraph that is a heading glued on by the extraction: ……提出意见。一、2003年工作的回顾
_GLUED_HEADING = re.compile(
    r"(?:^|[。！？；])\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[章节部分])"
    r"[^。！？；，]{2,30}$")
# 责任单位：各县（市）区政府，市级各相关部门: a label and its value, not a sentence
# (a definition, 韧性城市：指……, is a sentence).
_FIELD_LINE = re.compile(r"^[^，。；：,;:]{2,10}[：:](?![指是即])[^。；！？;!?]{1,90}$")
# A heading does not end on these, nor carry a comma that is not a date's (June 4, 2025).
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for with from and or but as that which who our your their its is are "
    "was were be been will would can could must should may might has have had than".split())
_CLAUSE_COMMA = re.compile(r",(?!\s*\d)")
# 加强生态文明建设。: a topic sentence that opens a paragraph; 二是深化改革: an ordinal lead.
_TOPIC_OPENING = re.compile(r"^[^，、：。；！？,;:!?\s0-9]{4,20}[。！]")
_ORDINAL_OPENING = re.compile(r"^(?:[一二三四五六七八九十]{1,2}是|第[一二三四五六七八九十]{1,2}[，、])")
_TERMINAL_INSIDE = re.compile(r"[。！？；!?;]|[.](?:\s|$)")


class Evidence:
    """Document-internal statistics that tell a page-break split from a lost ending.

    Built from the document's own text, lazily, on the document's occurrence index:
    counting a pair of characters costs about its count, the clause-initial table and
    the word list are made once.
    """

    def __init__(self, text: str, occurrences: OccurrenceIndex | None = None) -> None:
        self.text = text
        self.occurrences = occurrences if occurrences is not None else OccurrenceIndex(text)
        self._initials: Counter[str] | None = None
        self._vocab: Counter[str] | None = None
        # Memoised: a report repeats its candidate breaks (copies of one paragraph).
        self._preds: dict[str, Counter[str]] = {}
        self._succs: dict[str, Counter[str]] = {}

    def count(self, s: str) -> int:
        """How often ``s`` occurs in the document (as ``str.count``: without overlaps)."""
        return self.occurrences.count(s)

    def occurs(self, s: str) -> bool:
        """Does ``s`` occur in the document at all?"""
        return self.occurrences.occurs(s)

    @property
    def initials(self) -> Counter[str]:
        """How often each character opens a clause, over the whole document."""
        if self._initials is None:
            self._initials = Counter(_CLAUSE_INITIAL.findall(self.text))  # one group: findall gives it
        return self._initials

    @property
    def vocab(self) -> Counter[str]:
        """Latin words of the document, lowercased, with their counts."""
        if self._vocab is None:
            self._vocab = Counter(map(str.lower, _LATIN_WORD.findall(self.text)))
        return self._vocab

    def predecessors(self, s: str, *, skip: int = -1) -> Counter[str]:
        """What comes right before each occurrence of ``s`` (other than the one at
        ``skip``): a Han character, or ``#`` for punctuation, space and the text start."""
        out = self._preds.get(s)
        if out is None:
            out = self._preds[s] = Counter(map(self._pred_class, self.occurrences.positions(s)))
        if skip >= 0 and self.text.startswith(s, skip):
            out = out.copy()
            out[self._pred_class(skip)] -= 1
            out += Counter()  # drop zero counts
        return out

    def successors(self, s: str, *, skip: int = -1) -> Counter[str]:
        """What comes right after each occurrence of ``s`` (other than the one at
        ``skip``): a Han character, or ``#`` for punctuation, space and the text end."""
        out = self._succs.get(s)
        if out is None:
            ends = [i + len(s) for i in self.occurrences.positions(s)]
            out = self._succs[s] = Counter(map(self._succ_class, ends))
        if skip >= 0 and self.text.startswith(s, skip):
            out = out.copy()
            out[self._succ_class(skip + len(s))] -= 1
            out += Counter()  # drop zero counts
        return out

    def _succ_class(self, j: int) -> str:
        c = self.text[j] if j < len(self.text) else "\n"
        return c if is_han(c) else "#"

    def _pred_class(self, i: int) -> str:
        c = self.text[i - 1] if i else "\n"
        return c if is_han(c) else "#"

    def never_opens(self, ch: str, *, minimum: int = 3) -> bool:
        """``ch`` is common in the document, yet no clause anywhere else opens with it."""
        if not is_han(ch):
            return False
        # One clause-initial use may be the paragraph under test itself.
        return self.initials[ch] <= 1 and self.count(ch) >= minimum


def core(text: str) -> str:
    """The text without trailing spaces and emphasis markers."""
    t = text.rstrip()
    while t.endswith(("**", "__")):
        t = t[:-2].rstrip()
    return t


def head(text: str) -> str:
    """The text without leading spaces and emphasis markers."""
    t = text.lstrip()
    while t.startswith(("**", "__")):
        t = t[2:].lstrip()
    return t


def heading_like(block: Block, *, last: bool = False, evidence: Evidence | None = None) -> bool:
    """A short paragraph with no sentence inside: a heading line that carries commas
    (五年来，我们……，综合实力迈上新台阶), an English heading, a dateline.

    A report does not end on a heading, so the last paragraph must look like a
    signature or a dateline (short, no comma) to count. With ``evidence``, an
    English line whose last word occurs nowhere else in the document ends in a cut
    word (``fade quic``), not a heading.
    """
    t = core(block.text)
    if block.numbering and head(t).startswith(block.numbering):
        t = head(t)[len(block.numbering):].lstrip()
    if not t or t[-1] in "，、,":
        return False
    if _TERMINAL_INSIDE.search(t):
        return False
    if block.numbering is not None and len(t) <= 150:
        return True  # （六）坚持……，全面推进……，治理能力明显提升: a long numbered heading
    if block.lang == "zh":
        if "：" in t[:-1] or ":" in t[:-1]:
            return False  # a glossary line or a lead-in: 韧性城市：指……
        if last:
            return len(t) <= 40 and "，" not in t
        return len(t) <= 50 and t[-1] not in OPEN_END_HAN
    words = t.split()
    if not (len(words) <= 14 and (t[0].isupper() or t[0].isdigit())):
        return False
    if words[-1].lower() in _FUNCTION_WORDS or _CLAUSE_COMMA.search(t):
        return False  # "… about $280 million a", "Confidently, we must grow": a sentence, cut
    tail = _LATIN_WORD.findall(words[-1])
    return not (evidence is not None and tail and words[-1].isalpha() and evidence.vocab[tail[-1].lower()] <= 1)


def meant_open(block: Block) -> bool:
    """Lines that end without punctuation on purpose: a label with its value
    (责任单位：……), or a paragraph with a heading glued to its end."""
    t = core(block.text)
    return bool(_GLUED_HEADING.search(t) or _FIELD_LINE.match(t))


def continuation_reason(a: Block, b: Block, evidence: Evidence, *, statistics: bool = True) -> str:
    """Why ``b`` carries on the sentence ``a`` leaves open, or '' when nothing says so.

    With ``statistics=False`` only what the two paragraphs show by themselves counts
    (a comma opening the next one, a number cut in two), not how often a pair of
    characters occurs elsewhere.
    """
    left, right = core(a.text), head(b.text)
    if not left or not right:
        return ""
    x, y = left[-1], right[0]
    if y in NON_OPENING:
        return "the next paragraph opens with punctuation"
    if opens_with_attached_word(right):
        return f"the next paragraph opens with `{y}`, which attaches to what precedes it"
    if _BRACKET_ASIDE.match(right):
        return "the next paragraph opens with an aside in brackets that the sentence carries on from"
    if "a" <= y <= "z" and (is_latin(x) or a.lang == "en"):
        return "the next paragraph opens with a lowercase word"
    if is_latin(x) or (x in ",;" and a.lang == "en"):
        if y == "-" and right[1:2].isalpha():
            return "the next paragraph opens with the rest of a hyphenated word"
        return _latin_statistics(left, right, evidence) if statistics else ""
    if x.isdigit() and _UNIT_START.match(right):
        return "a number is cut in two"
    if (x.isdigit() or x in "%‰") and _QUALIFIER_START.match(right):
        return "a figure is cut from its qualifier"
    if not (is_han(x) or x.isdigit() or x in "，、”’）)"):
        return ""
    if x in "，、":
        if fresh_start(b.text):
            return ""  # ……完善优抚、 / 健全基本医疗卫生保障体系。……: the end was lost
        return "the paragraph stops after a comma"
    if x in OPEN_END_HAN and (is_han(y) or y.isdigit()):
        return f"the paragraph stops after `{x}`"
    if _SHORT_NUMBER_SENTENCE.match(right):
        return "the next paragraph opens with a fragment that completes a figure"
    if not statistics:
        return ""
    if (is_han(x) or x.isdigit()) and is_han(y) and evidence.occurs(x + y):
        return f"`{x}{y}` occurs elsewhere in the document"
    if evidence.never_opens(y):
        return f"no clause in the document opens with `{y}`"
    return ""


def _latin_statistics(left: str, right: str, evidence: Evidence) -> str:
    """A cut English word (``Gover`` + ``nment``) or a word pair (``Income Tax`` + ``Rebate``)
    that the document uses elsewhere."""
    m1 = re.search(r"[A-Za-z]+$", left)
    m2 = re.match(r"[A-Za-z]+", right)
    if m1 and not m2:
        token = re.match(r"[0-9.]+", right)  # PM | 2.5
        if token and evidence.occurs(m1.group(0) + token.group(0).rstrip(".")):
            return f"`{m1.group(0)}{token.group(0).rstrip('.')}` occurs elsewhere in the document"
    if not m1 or not m2:
        return ""
    lw, rw = m1.group(0), m2.group(0)
    if evidence.vocab[(lw + rw).lower()] > 0 and evidence.vocab[lw.lower()] <= 1:
        return f"`{lw}{rw}` is a word of the document"
    if evidence.occurs(f"{lw} {rw}"):
        return f"`{lw} {rw}` occurs elsewhere in the document"
    return ""


def fresh_start(text: str) -> bool:
    """Does ``text`` open the way a paragraph of a report opens: a bold lead, a short
    topic sentence followed by more (加强生态文明建设。深入实施……), or 一是 / 二是?"""
    if text.lstrip().startswith(("**", "__")):
        return True
    t = head(text)
    m = _TOPIC_OPENING.match(t)
    return bool(m and len(t) > m.end() + 10) or bool(_ORDINAL_OPENING.match(t))


def opens_with_attached_word(text: str) -> bool:
    """Does ``text`` open with a character that attaches to what precedes it (的, 和, 等…)?"""
    t = head(text)
    return bool(t) and t[0] in NON_INITIAL_HAN and not t.startswith(INITIAL_WORDS)


def plain_continuation(b: Block) -> bool:
    """``b`` opens with what only continues a sentence: punctuation or a lowercase word."""
    y = head(b.text)[:1]
    return bool(y) and (y in NON_OPENING or "a" <= y <= "z")


def continues(a: Block, b: Block, evidence: Evidence | None = None) -> bool:
    """Could ``b`` be the rest of the sentence ``a`` leaves open?

    Without ``evidence`` every open paragraph is taken to continue into the next;
    with it, the break must show that it cut a sentence (see
    :func:`continuation_reason`), and a heading-like line needs proof that does
    not rest on statistics.
    """
    if a.kind is not BlockKind.PARAGRAPH or b.kind not in (BlockKind.PARAGRAPH,):
        return False
    if ends_sentence(a.text) or b.numbering is not None or meant_open(a):
        return False
    if evidence is None:
        return not heading_like(a) or plain_continuation(b)
    return bool(continuation_reason(a, b, evidence, statistics=not heading_like(a, evidence=evidence)))


def latin_joiner(left: str, right: str, vocab: Counter[str]) -> str:
    """'' when the break cut a word in two (``bec`` + ``ome`` is a word of the
    document, ``bec`` is not), else one space."""
    m1 = re.search(r"[A-Za-z]+$", left)
    m2 = re.match(r"[A-Za-z]+", right)
    if not m1 or not m2:
        return " " if left[-1:].isalnum() or left[-1:] in ",;:" else ""
    lw, rw = m1.group(0).lower(), m2.group(0).lower()
    whole = vocab[lw + rw] > 0
    if whole and (vocab[lw] <= 1 or vocab[rw] <= 1):
        return ""
    if vocab[lw] > 1 and vocab[rw] > 1:
        return " "
    return "" if whole or vocab[lw] <= 1 or vocab[rw] <= 1 else " "


def joiner(left: str, right: str, vocab: Counter[str] | None = None) -> str:
    """What joins two pieces: nothing between Han, inside a cut number or a cut word
    (when ``vocab`` tells), else a space."""
    if not left or not right:
        return ""
    a, b = left[-1], right[0]
    if is_han(a) or is_han(b) or b in NON_OPENING or a in "，、":
        return ""
    if vocab is not None and is_latin(a) and is_latin(b):
        return latin_joiner(left, right, vocab)
    if a.isdigit() and (b.isdigit() or b in "%."):
        return ""
    if (not a.isalnum() and a not in ",;:") or (not b.isalnum() and b not in "(\"'“"):
        return ""
    return " "


@dataclass(slots=True)
class LogicalParagraph:
    """Blocks joined into the paragraph the author wrote."""

    index: int
    blocks: list[Block]
    text: str
    # piece_starts[k]: offset in ``text`` where block k begins
    piece_starts: list[int]

    @property
    def start(self) -> int:
        return self.blocks[0].start

    @property
    def end(self) -> int:
        return self.blocks[-1].end

    @property
    def is_split(self) -> bool:
        return len(self.blocks) > 1

    def to_doc(self, offset: int) -> int:
        """Map an offset in the joined text to the document's text."""
        k = bisect.bisect_right(self.piece_starts, offset) - 1
        k = max(0, k)
        block = self.blocks[k]
        return min(block.start + offset - self.piece_starts[k], block.end)

    def to_doc_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.to_doc(start)
            return s, s
        return self.to_doc(start), self.to_doc(end - 1) + 1


def logical_paragraphs(blocks: list[Block], evidence: Evidence | None = None) -> list[LogicalParagraph]:
    """Prose blocks grouped where a break cut a sentence, judged with the statistics
    of the document's own text (``Document.evidence``, shared with the rules)."""
    out: list[LogicalParagraph] = []
    group: list[Block] = []
    if evidence is None:
        evidence = Evidence("\n".join(b.text for b in blocks))

    def flush() -> None:
        if not group:
            return
        parts: list[str] = []
        starts: list[int] = []
        pos = 0
        for k, blk in enumerate(group):
            if k:
                sep = joiner(core(parts[-1]), head(blk.text), evidence.vocab)
                parts.append(sep)
                pos += len(sep)
            starts.append(pos)
            parts.append(blk.text)
            pos += len(blk.text)
        out.append(LogicalParagraph(len(out), list(group), "".join(parts), starts))
        group.clear()

    for blk in blocks:
        if not blk.is_prose:
            flush()
            continue
        if group and not continues(group[-1], blk, evidence):
            flush()
        group.append(blk)
    flush()
    return out
