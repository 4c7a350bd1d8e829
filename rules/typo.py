"""Typos a typist leaves behind: stuttered characters and doubled words.

A doubled Han character (很很底气, 争先先进位) or a doubled pair (跑出地出地) is the most
common slip in reports typed or edited in a hurry; in English it is "the the". The
hard part is everything that looks the same and is right:

* reduplication is grammar in Chinese: 节节胜利, 牢牢把握, 实实在在, 欣欣向荣, 妈妈,
  一座座 — a curated list, AABB/ABB patterns and the dictionary's own AA words;
* two words meet on a shared character: 江门市|市长, 地表水|水质, 税收|收入. When a word
  ends on the first copy and another word starts on the second, nothing is doubled.

The decision uses a compact word list (derived from jieba's dictionary, loaded once
from package data) and document-internal evidence: if the text with one copy removed
occurs elsewhere in the same report (妇女儿儿童 against 妇女儿童), the doubled form is a
slip even where both halves happen to be words — unless both are known words, whose
contraction (中小学|学位 beside 中小学位) is as good Chinese as the join.

Names the word list lacks are the other trap (组建|建发集团, 推动|南南铝, 壮医|医院): a slip
leaves text that reads cleanly once the copy is gone, so a doubled character is reported
only when the seam it leaves is a word, a function word, or a pair of characters the
report uses elsewhere (大力|提振 by 着力提高).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from reportlint.diagnostic import Diagnostic, Edit, Fix, Severity
from reportlint.rule import Rule
from reportlint.rules._data import data_lines, data_text
from reportlint.text.scripts import is_han

if TYPE_CHECKING:
    from reportlint.document import Document
    from reportlint.text.blocks import Block

# Numerals double legitimately in dates and set phrases (二〇〇〇, 一一对应, 千千万万).
_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")
# Measure words that reduplicate after 一 (一座座, 一项项, 一个个).
_MEASURES = frozenset("个座项件批片道条张次位名家所栋幢排层串颗棵株朵把根笔幅首部场台辆艘架块处支队群户代轮份幕抹声滴缕阵曲桩")
# Monosyllabic nouns and measure words whose reduplication means "every" (校校通, 周周有活动,
# 店店美容, 村村通, 会会硕果累累).
_DISTRIBUTIVE = _MEASURES | frozenset("人事家户村镇乡县区园校班店街会队盏年月周季日天时处样门级环节段线网楼厂站屯")
# Administrative units: the prefix 市 meets a word starting with 市 (市|市场监管局, 省|省会城市).
_ADMIN = frozenset("省市县区镇乡村")
_OPEN_QUOTES = "“‘「『《〈\"'"
_CLOSE_QUOTES = "”’」』》〉\"'"
# English words that legitimately repeat ("had had", "bye bye", place names like Bora Bora).
_EN_DOUBLES_OK = frozenset(
    "had bye ha hee tsk tut boo chop knock yada blah la cha pooh dum aye hush night no tom can cous dik "
    "ylang tse walla bora pago wagga mahi sing".split()
)
_EN_DOUBLE = re.compile(r"(?<![A-Za-z'’-])([A-Za-z]+)([ \t]+|[ \t]*\n[ \t]*)(\1)(?![A-Za-z'’-])", re.IGNORECASE)


class WordList:
    """A set of Chinese words, stored as one ``|rest|rest|`` string per first character.

    Loading 120,000 words as a Python set costs ~70 ms per process; this layout loads
    in a few milliseconds and still answers a membership test in about a microsecond.
    """

    __slots__ = ("_by_first",)

    def __init__(self, lines: list[str]) -> None:
        self._by_first = {line[0]: line[1:] for line in lines if line and line[0] != "#"}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or len(word) < 2:
            return False
        rest = self._by_first.get(word[0])
        return rest is not None and f"|{word[1:]}|" in rest


@cache
def zh_words() -> WordList:
    """Common Chinese words of 2-6 characters, read once per process."""
    text = data_text("zh_words.txt")
    return WordList(text.split("\n"))


@cache
def predicative_chars() -> frozenset[str]:
    """Single characters used as verbs, adjectives or adverbs (援, 跑, 深): they start phrases, not names."""
    return frozenset("".join(data_lines("zh_predicative_chars.txt")))


@cache
def reduplications() -> frozenset[str]:
    """Curated reduplicated forms (AA, AABB, ABB) that are correct Chinese."""
    return frozenset(w for line in data_lines("zh_reduplications.txt") for w in line.split())


# Characters that stand alone as words all the time; a single one of them is no sign of a slip.
_FUNCTION_CHARS = frozenset("的地得和与及或在是了着过等对为以将把被从向由于而并也都又就还更最其之所这那此各每有无不没已再才很曾要会未仅只便即个")
# Route and infrastructure names are built from one-character place abbreviations, so a
# doubled character before them is a name (汕汕铁路, 广汕汕高铁), not a slip.
_ROUTE_WORDS = ("高铁", "铁路", "城际", "高速", "公路", "大桥", "通道", "隧道", "航线", "运河", "快线", "干线")
_WINDOW = 5
# Conjunctions and prepositions: a word may well start with the same character right after one.
_CONJ_PREP = frozenset("和与及或并而在对为以从向由于把被将跟同")
# Characters that productively start (全口径, 新引擎, 超临界) or end (情况下, 承包权, 石化) words, so
# a word list never has all their compounds; a boundary on them is not a slip.
_PREFIXES = frozenset("全新超总老小大副非反多单双高低次准泛微")
_SUFFIXES = frozenset("上下中内外前后里间性化型式者员院所厂站港园馆局厅部委办区市县省镇乡村权")
# Locatives close a phrase of their own (思想上, 工作中), like a function word.
_LOCATIVES = frozenset("上下中内外前后里间")
_HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A Han character followed by itself, and a Han unit of 2-4 characters followed by itself.
_DOUBLE_CHAR = re.compile(f"([{_HAN_CLASS}])\\1")
_DOUBLE_UNIT = re.compile(f"([{_HAN_CLASS}]{{2,4}})\\1")
_LATIN_GAP = re.compile(r"[A-Za-z][ \t\n]+[A-Za-z]")


class _Evidence:
    """What the report itself says about words, computed on demand and cached."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._closed: dict[tuple[str, str, bool], bool] = {}
        self._seams: dict[str, bool] = {}

    def closed_word(self, w: str, unit: str, left: bool) -> bool:
        """Does ``w`` occur elsewhere as a unit of its own (中海油 in 中海油惠州, 习近平 in 贯彻习近平)?

        Occurrences glued to the doubled unit do not count, nor those where a neighbour
        forms a word with ``w``'s edge (促进农 in 促进农业 is no word).
        """
        key = (w, unit, left)
        if key not in self._closed:
            self._closed[key] = self._find_closed(w, unit, left)
        return self._closed[key]

    def _find_closed(self, w: str, unit: str, left: bool) -> bool:
        text, words = self.text, zh_words()
        pos, seen = text.find(w), 0
        while pos >= 0 and seen < 64:
            seen += 1
            end = pos + len(w)
            glued = text.startswith(unit, end) if left else text[max(0, pos - len(unit)):pos] == unit
            before = text[pos - 1] if pos else ""
            after = text[end] if end < len(text) else ""
            if not glued and before + w[0] not in words and w[-1] + after not in words:
                return True
            pos = text.find(w, pos + 1)
        return False

    def seam_attested(self, pair: str) -> bool:
        """Do the two characters meet elsewhere, not right after a copy of the first (大力提振 by 着力提高)?

        A slip leaves a seam the report uses again and again; a name doubling a character
        (组建|建发集团) leaves one that occurs nowhere else.
        """
        if pair not in self._seams:
            text, pos, found = self.text, self.text.find(pair), False
            while pos >= 0 and not found:
                found = pos == 0 or text[pos - 1] != pair[0]
                pos = text.find(pair, pos + 1)
            self._seams[pair] = found
        return self._seams[pair]

    def recurring_name(self, doubled: str) -> bool:
        """The doubled form recurs in varied contexts (南南铝, 成成中学): a name, not a slip.

        A slip repeated by a copied paragraph recurs in the same context, so it still counts.
        """
        text = self.text
        contexts = set()
        pos = text.find(doubled)
        count = 0
        words = zh_words()
        half = len(doubled) // 2
        while pos >= 0 and count < 64:
            # 市委|委员 elsewhere is two words meeting, no use of a name 委委.
            if half > 1 or not (_word_ends(text, pos, words) and _word_starts(text, pos + 1, words)):
                count += 1
                contexts.add((text[pos - 1:pos], text[pos + len(doubled):pos + len(doubled) + 1]))
            pos = text.find(doubled, pos + 1)
        return count >= 2 and len(contexts) >= 2

    def undoubled_elsewhere(self, s: str, i: int, n: int) -> bool:
        """Does the text with one copy removed occur elsewhere (妇女儿儿童 against 妇女儿童)?

        The occurrence must stand on its own: 全面推行政务 does not confirm 推行|行政 as 推行政.
        """
        left, unit, right = s[:i], s[i:i + n], s[i + 2 * n:]
        for a, b in ((2, 1), (1, 2), (2, 2)):
            if a <= len(left) and b <= len(right):
                cand = left[-a:] + unit + right[:b]
                if all(map(is_han, cand)) and self.closed_word(cand, "\0", True):
                    return True
        return False


def _segment(s: str, lo: int, hi: int, words: WordList, extra: frozenset[str]) -> tuple[int, int, int]:
    """(tokens, stranded copies, other stranded) of the best reading of ``s``.

    The best reading has the fewest tokens, then the fewest stranded characters. A token
    is a known word or one character; a single-character token is stranded unless it is a
    function word, and the copies under test (``s[lo:hi]``) are always counted apart. A
    stutter strands its extra copy, so the text reads better without it (提升|养|养殖 ->
    提升|养殖, 争先|先进|位 -> 争先|进位); two words sharing a character do not
    (江门市|市长 -> 江门|市长).
    """
    size = len(s)
    worst = (size + 1, size + 1, size + 1)
    best: list[tuple[int, int, int]] = [(0, 0, 0)] + [worst] * size
    for k in range(1, size + 1):
        ch = s[k - 1]
        t, x, o = best[k - 1]
        if lo <= k - 1 < hi:
            cand = (t + 1, x + 1, o)
        elif is_han(ch) and ch not in _FUNCTION_CHARS:
            cand = (t + 1, x, o + 1)
        else:
            cand = (t + 1, x, o)
        for j in range(max(0, k - 5), k - 1):
            w = s[j:k]
            if w in words or w in extra:
                t, x, o = best[j]
                if (t + 1, x + o) < (cand[0], cand[1] + cand[2]):
                    cand = (t + 1, x, o)
        best[k] = cand
    return best[size]


def _covered(s: str, i: int, n: int, words: WordList, redup: frozenset[str]) -> bool:
    """Is the doubled span ``s[i:i + 2n]`` inside one longer word (节节胜利, 绿油油, 研究研究)?"""
    for j in range(max(0, i - 3), i + 1):
        for k in range(i + 2 * n, min(len(s), j + 6) + 1):
            if k - j >= 3 and (s[j:k] in words or s[j:k] in redup):
                return True
    return False


def _in_short_quote(s: str, i: int, n: int) -> bool:
    """A doubled unit inside a short quoted name or title (“陈展展”, “老老人”, 《呦呦青蒿》) is meant."""
    lo = max(0, i - 12)
    opens = [k for k in range(i - 1, lo - 1, -1) if s[k] in _OPEN_QUOTES or s[k] in _CLOSE_QUOTES]
    if not opens or s[opens[0]] not in _OPEN_QUOTES:
        return False
    start = opens[0]
    close = _CLOSE_QUOTES[_OPEN_QUOTES.index(s[start])]
    end = s.find(close, i + 2 * n, start + 14)
    # A short title or name (“老老人”, 《呦呦青蒿》), or one that opens with the doubled unit (“鸣鸣果园·沃柑号”).
    return end >= 0 and (end - start <= 6 or i == start + 1)


def _list_item_name(s: str, i: int, n: int) -> bool:
    """A doubled unit that is a whole list item (老干妈、好彩头、盼盼等) is a name."""
    before = s[i - 1] if i else ""
    after = s[i + 2 * n:i + 2 * n + 1]
    return (not before or before in "、，,：:（(") and (not after or after in "、，,）)等" or after == "和")


def _pattern_ok(s: str, i: int, n: int) -> bool:
    """Reduplication patterns that are grammar, not slips."""
    unit = s[i:i + n]
    if any(c in _NUMERALS for c in unit) or _in_short_quote(s, i, n) or _list_item_name(s, i, n):
        return True
    if s[i + 2 * n:i + 2 * n + 1] in ("再", "又", "还", "更") and s[i + 2 * n + 1:i + 3 * n + 1] == unit:
        return True  # 实干实干再实干: rhetorical repetition
    if n == 2 and i and all(w in zh_words() for w in (s[i - 1:i + 1], s[i + 1:i + 3], s[i + 3:i + 5])):
        return True  # 电网|同网|同价, 切实|办实|办好: words tile the span shifted by one
    if n == 1:
        if s[i + 2:i + 3] in ("地", "的") and _free(unit):
            return True  # 端端地坐, 红红的: an adjective reduplicated before 地/的
        # AABB / AABB-final (实实在在, 扎扎实实) and 一 + measure word (一座座).
        if i + 3 < len(s) and s[i + 2] == s[i + 3] and s[i + 2] != unit:
            return True
        if i >= 2 and s[i - 2] == s[i - 1] and s[i - 1] != unit:
            return True
        if i >= 1 and s[i - 1] == "一" and unit in _MEASURES:
            return True
        if unit in _DISTRIBUTIVE and (i == 0 or not is_han(s[i - 1]) or s[i - 1] in _FUNCTION_CHARS):
            return True  # 校校通, 店店美容, 赢得块块奖牌: "every" at the head of a phrase
        if unit in _ADMIN and s[i + 1:i + 3] in zh_words():
            return True
    if unit * 2 in reduplications() and not (n == 1 and _strands_after_reduplication(s, i)):
        return n > 1 or _heads_phrase(s, i)
    return s[i + 2 * n:].startswith(_ROUTE_WORDS)


def _strands_after_reduplication(s: str, i: int) -> bool:
    """Would reading ``AA`` as a reduplication strand the next character, which joins the copy instead?

    紧紧|围绕 and 人人|参与 go on with a word or a verb; in 团团结在, 重重点领域 the character after
    团团, 重重 starts no word but makes one with the second copy (团结, 重点): a slip.
    """
    k = i + 2
    if k >= len(s) or not is_han(s[k]) or _free(s[k]):
        return False  # 紧紧|抓, 频频|出圈: a verb of its own goes on from the reduplication
    words = zh_words()
    return s[i + 1:k + 1] in words and not _word_starts(s, k, words)


def _heads_phrase(s: str, i: int) -> bool:
    """Does a reduplication at ``i`` start a phrase (要|紧紧围绕, 实事|件件落实)?

    Not when a word ends on its first character and what comes before that is no
    complete word: 万人|人有效, 强大|大工作 are slips, not 人人 and 大大.
    """
    if i == 0 or not is_han(s[i - 1]) or s[i - 1] in _FUNCTION_CHARS or s[i] in _FUNCTION_CHARS:
        return True
    words = zh_words()
    # 隆重|重温, 周年|年会: two words meet, so the reduplication reading is not needed either.
    return not _word_ends(s, i, words) or _word_ends(s, i - 1, words) or _word_starts(s, i + 1, words)


@dataclass(frozen=True, slots=True)
class _Join:
    """The words around a doubled unit: ending on the first copy, starting on the second."""

    left_words: list[str]
    has_right: bool
    extra: frozenset[str]  # words the report attests that the word list lacks
    left_phrase: bool = False  # two known words end on the first copy (新兴产业|产业链)

    @property
    def has_left(self) -> bool:
        return bool(self.left_words)


def _join(s: str, i: int, n: int, ev: _Evidence, words: WordList) -> _Join:
    unit = s[i:i + n]
    lefts = [w for w in (s[j:i + n] for j in range(max(0, i - 5), i)) if all(map(is_han, w))]
    rights = [w for w in (s[i + n:k] for k in range(i + 2 * n + 1, min(len(s), i + n + 4) + 1)) if all(map(is_han, w))]
    extra = frozenset(w for w in lefts if w not in words and len(w) > n and ev.closed_word(w, unit, True)) | frozenset(
        w for w in rights if w not in words and len(w) > n and ev.closed_word(w, unit, False))
    phrases = frozenset(w for w in extra if n > 1 and _phrase(w, words))
    extra -= phrases
    return _Join([w for w in lefts if w in words or w in extra], any(w in words or w in extra for w in rights), extra,
                 any(w in phrases for w in lefts))


def _phrase(w: str, words: WordList) -> bool:
    """Is ``w`` two known words side by side (规划建设, 融资租赁) rather than a name the list lacks?

    Such a phrase recurs in any report, so its use elsewhere says nothing about where a
    word ends: 规划建设建设 is still a doubled 建设. Only a word after it makes a join
    (新兴产业|产业链).
    """
    return any(w[:k] in words and w[k:] in words for k in range(2, len(w) - 1))


def _compound_of_unit(join: _Join, unit: str, words: WordList) -> bool:
    """Do the words ending on the first copy all put a word of two or more characters before it?

    中小企业|企业 and 电子商务|商务 are the word and then a copy of its head; 东南亚|南亚 and
    高新区|新区 put one character before the unit and name another place.
    """
    return unit in words and all(len(w) - len(unit) >= 2 and w[:-len(unit)] in words for w in join.left_words)


def _phrase_like(w: str, words: WordList) -> bool:
    """Is ``w``, attested by the report only, a phrase (坚强领导, 城市的) rather than a name?"""
    if w in words:
        return False
    return _phrase(w, words) or (w[:-1] in words and w[-1] in _FUNCTION_CHARS) or (w[0] in _FUNCTION_CHARS and w[1:] in words)


def _left_word_aligned(s: str, i: int, n: int, join: _Join, words: WordList) -> bool:
    """Does a word ending on the first copy start where the text before it ends a word?

    中小学|学位 after 新增 is a true join of two words, and so is its contracted form
    中小学位 elsewhere; 女儿|儿童 after 妇女 starts inside 妇女, so 女儿 is no reading of
    the text and the copy is a slip (妇女儿儿童).
    """
    if not any(s[i + n:k] in words for k in range(i + 2 * n + 1, min(len(s), i + n + 4) + 1)):
        return False  # the word after is known only from the report: no evidence of a contraction
    return _left_words_aligned(s, i, n, join, words)


def _left_words_aligned(s: str, i: int, n: int, join: _Join, words: WordList) -> bool:
    """Does some known word ending on the first copy start where no other word is still running?"""
    for w in join.left_words:
        if w not in words:
            continue
        start = i + n - len(w)
        # A word that begins before ``start`` and ends inside ``w`` crosses its start.
        if not any(s[a:b] in words for b in range(start + 1, i + 1) for a in range(max(0, b - 4), start) if b - a >= 2):
            return True
    return False


def is_stutter(s: str, i: int, n: int, ev: _Evidence | None = None) -> bool:
    """Decide whether ``s[i:i+n] == s[i+n:i+2n]`` (both Han) is a slip rather than Chinese."""
    ev = ev or _Evidence("")
    unit = s[i:i + n]
    words, redup = zh_words(), reduplications()
    if _pattern_ok(s, i, n) or _covered(s, i, n, words, redup) or ev.recurring_name(unit * 2):
        return False
    if n == 2 and unit not in words and unit[::-1] in words:
        return False  # 退税缓税缓费: overlapping parallel words, not a doubled pair
    join = _join(s, i, n, ev, words)
    if _word_boundary(s, i, n, join, words):
        return False
    return _reads_better_without(s, i, n, join, ev, words) and (n > 1 or _seam_reads(s, i, join, ev, words))


def _seam_reads(s: str, i: int, join: _Join, ev: _Evidence, words: WordList) -> bool:
    """With the copy removed, do both sides of the seam read as Chinese?

    A slip leaves text that reads cleanly once the copy is gone (提升养|养殖 -> 提升|养殖). A
    doubled character opening a name the word list does not know leaves an orphan either
    way (推动南|南铝加工 -> 推动|南|铝, 宜荆|荆都市圈), so the copy is no evidence of a slip.
    """
    u = s[:i + 1] + s[i + 2:]
    k = i + 1

    def covered(p: int) -> bool:
        return any(u[a:b] in words or u[a:b] in join.extra
                   for a in range(max(0, p - 4), p + 1) for b in range(max(a + 2, p + 1), min(len(u), a + 5) + 1))

    ends_word = covered(k - 1)
    after_ok = (k >= len(u) or not is_han(u[k]) or u[k] in _FUNCTION_CHARS or u[k] in _PREFIXES or u[k] in _LOCATIVES
                or covered(k) or ev.seam_attested(u[k - 1:k + 1])
                # 援企|企稳岗: the copy is governed by a verb before it and governs nothing itself
                or (not ends_word and _free(u[k]) and k >= 2 and u[k - 2] in predicative_chars()))
    # 援|企 (援企稳岗): a lone verb governs the copy; after a whole word (推动|朴朴电商) it heads a name.
    governed = k >= 2 and _free(u[k - 2]) and not _word_ends(u, k - 2, words)
    return after_ok and (ends_word or _free(u[k - 1]) or governed)


def _word_boundary(s: str, i: int, n: int, join: _Join, words: WordList) -> bool:
    """Is the doubled unit two words meeting, or a name the word list does not know?"""
    unit, has_left, has_right = s[i:i + n], join.has_left, join.has_right
    if n > 1 and ((has_left and (has_right or not _compound_of_unit(join, unit, words)))
                  or (join.left_phrase and has_right)):
        return True  # 东南亚|南亚, 高新区|新区建设: a longer word ends on the first copy
    if unit == "的" and any(w in words for w in join.left_words):
        return True  # 目的|的: a word ends on the particle's character (城市的 elsewhere is a phrase, no word)
    if n == 1 and unit in _CONJ_PREP and has_right:
        return True  # 文化和|和谐社会: a conjunction before a word that starts with it
    if n == 1 and not has_left and _stranded_before(s, i, words, strict=has_right) and not _crossing_word(s, i, words):
        return True  # 中铝|铝箔, 江铜|铜箔: an abbreviation or name the word list does not know
    if n == 1 and has_left and not has_right and unit in _PREFIXES:
        return True  # 健全|全口径, 创新|新引擎: a productive prefix starts the next word
    if n == 1 and has_right and not has_left and unit in _SUFFIXES:
        return True  # 情况下|下降, 货运站|站点: a productive suffix ends the word before
    if has_left and not has_right:
        # 产业链|链长制 and 火车站|站前 end a long word; 把问题 is a phrase, not a word.
        long_left = any(len(w) >= n + 2 and w[0] not in _FUNCTION_CHARS and not _phrase_like(w, words)
                        for w in join.left_words)
        k = i + 2 * n
        # 综合体体。: a lone copy before punctuation starts no word (张家港|港、 is a port: a suffix).
        ends_clause = (k >= len(s) or not is_han(s[k])) and unit not in _SUFFIXES
        follows = ends_clause or (_word_starts(s, k, words) if long_left else _reads_on(s, k, words))
        if not follows:
            return True  # 海关|关际一体, 产业链|链长制: what follows the copies is no word either
    # 爽爽贵阳, 成成中学: a bound character doubled in a name, with no verb before it.
    return n == 1 and not has_left and not has_right and not (_free(unit) or (i > 0 and _free(s[i - 1])))


def _reads_better_without(s: str, i: int, n: int, join: _Join, ev: _Evidence, words: WordList) -> bool:
    """Does the text read in fewer tokens, stranding less, with one copy removed?"""
    lo, hi = max(0, i - _WINDOW), min(len(s), i + 2 * n + _WINDOW)
    tok_d, x_d, o_d = _segment(s[lo:hi], i - lo, i + 2 * n - lo, words, join.extra)
    tok_u, x_u, o_u = _segment(s[lo:i + n] + s[i + 2 * n:hi], i - lo, i + n - lo, words, join.extra)
    if join.has_left and join.has_right:
        # Two words meet on a shared character (江门市|市长) unless removing the copy lets a
        # stranded neighbour join a word (争先|先进|位 -> 争先|进位) or the report has the text without it.
        return (tok_u < tok_d and o_u < o_d) or (
            not _left_word_aligned(s, i, n, join, words) and ev.undoubled_elsewhere(s, i, n))
    if n > 1:
        # A doubled word strands nothing, it only adds a token (平台平台 -> 平台).
        return tok_u < tok_d and x_u + o_u <= x_d + o_d
    return tok_u < tok_d and x_u + o_u < x_d + o_d


def _free(ch: str) -> bool:
    """Can ``ch`` stand alone as a word (很, 再, 越; 援 or 跑 governing what follows)?"""
    return ch in _FUNCTION_CHARS or ch in predicative_chars()


def _stranded_before(s: str, i: int, words: WordList, strict: bool = False) -> bool:
    """Is the character before ``i`` a noun-like character that no word ends on (中 in 中铝, 江 in 江铜)?"""
    if i == 0 or not is_han(s[i - 1]) or s[i - 1] in _FUNCTION_CHARS or s[i - 1] in _MEASURES:
        return False
    # A verb or adjective governs what follows (援企|企稳岗, 跑出|出地): no name. But before a known
    # word (``strict``: 壮医|医院, 慢病|病种) it forms a compound with the first copy as readily,
    # unless it is a prefix that heads the word after it (高|技能, 全|覆盖).
    if _free(s[i - 1]) and (not strict or s[i - 1] in _PREFIXES):
        return False
    return not any(s[j:i] in words for j in range(max(0, i - 4), i - 1))


def _reads_on(s: str, k: int, words: WordList) -> bool:
    """Does the text after ``k`` read on as Chinese: a word, a function word, an affix or punctuation?"""
    if k >= len(s) or not is_han(s[k]):
        return True
    return _word_starts(s, k, words) or _free(s[k]) or s[k] in _SUFFIXES


def _word_ends(s: str, k: int, words: WordList) -> bool:
    """Does a word of two or more characters end at ``s[k]`` (inclusive)?"""
    return any(s[j:k + 1] in words for j in range(max(0, k - 3), k))


def _crossing_word(s: str, i: int, words: WordList) -> bool:
    """With the second copy removed, does a word of 3+ characters run across the join (省政|政府 -> 省政府)?"""
    u = s[:i + 1] + s[i + 2:]
    return any(u[j:k] in words for j in range(max(0, i - 2), i) for k in range(i + 2, min(len(u), j + 5) + 1) if k - j >= 3)


def _word_starts(s: str, k: int, words: WordList) -> bool:
    """Does a word of two or more characters start at ``k``?"""
    return any(s[k:e] in words for e in range(k + 2, min(len(s), k + 4) + 1))


def han_stutters(text: str, ev: _Evidence | None = None) -> Iterator[tuple[int, int]]:
    """``(offset, length)`` of the second copy of each stuttered unit in ``text``."""
    ev = ev or _Evidence(text)
    cands = sorted([(m.start(), 1) for m in _DOUBLE_CHAR.finditer(text)]
                   + [(m.start(), len(m.group(1))) for m in _DOUBLE_UNIT.finditer(text)])
    taken = -1
    for pos, n in cands:
        if pos < taken:
            continue
        if n > 1 and len(set(text[pos:pos + n])) == 1:
            continue  # AAAA is two AA checks, not an ABAB
        if is_stutter(text, pos, n, ev):
            yield pos + n, n
            taken = pos + 2 * n


class Stutter(Rule):
    code = "TYP001"
    name = "stutter"
    category = "typo"
    severity = Severity.WARNING
    summary = "a character or word typed twice"
    explanation = """\
A character, pair of characters or word repeated by a slip of the keyboard. Correct
reduplication (节节胜利, 牢牢把握, 实实在在, 一座座) and two words meeting on a shared
character (江门市|市长, 税收|收入) are not reported.

Wrong:  成功争先先进位；湾区江门再再升起；a project in the the table
Right:  成功争先进位；湾区江门冉冉升起；a project in the table
"""
    options = {"english": True, "chinese": True}

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        ev = _Evidence(doc.text)
        for block in doc.blocks:
            if options.get("chinese", True):
                yield from self._chinese(block, ev)
            if options.get("english", True):
                yield from self._english(block)

    def _chinese(self, block: Block, ev: _Evidence) -> Iterator[Diagnostic]:
        text = block.text
        for off, length in han_stutters(text, ev):
            if any(s <= off < e for s, e in block.ignored):
                continue
            start = block.start + off
            unit = text[off:off + length]
            yield self.report(
                start, start + length,
                f"`{unit}` is typed twice (`{unit}{unit}`)",
                fix=Fix("unsafe", f"remove the repeated `{unit}`", (Edit(start, start + length, ""),)),
                fingerprint_text=text[max(0, off - 6):off + length + 6],
            )

    def _english(self, block: Block) -> Iterator[Diagnostic]:
        text = block.text
        if not _LATIN_GAP.search(text):
            return
        for m in _EN_DOUBLE.finditer(text):
            first, second = m.group(1), m.group(3)
            word = first.lower()
            if word in _EN_DOUBLES_OK or any(s <= m.start() < e for s, e in block.ignored):
                continue
            if len(word) == 1 and word not in ("a", "i"):
                continue
            s = block.start + m.start(2)
            e = block.start + m.end(3)
            yield self.report(
                block.start + m.start(3), e,
                f"`{second}` is repeated (`{first} {second}`)",
                fix=Fix("unsafe", f"remove the repeated `{second}`", (Edit(s, e, ""),)),
                fingerprint_text=m.group(0),
            )


RULES = [Stutter]
