"""Typos a typist leaves behind: stuttered characters and doubled words.

A doubled Han character (很很底气, 争先先进位) or a doubled pair (增强增强) is the most common
slip in reports typed or edited in a hurry; in English it is "the the". The hard part is
everything that looks the same and is right, and the decision rests on a model of words:
the lexicon of jieba (common words and the less common words and names, shipped as package
data) and the words the report itself uses.

* Grammar first: reduplication patterns (AABB 实实在在, ABAB, 一座座, a verb doubled before its
  object from the curated list 喝喝水, the curated AA words 牢牢 and 人人, doublings in parallel
  南南段、北北段, two transport modes 水水中转). Numbers and short quoted names are no words of
  the lexicon: the report's own spelling decides them (“十二二五” beside “十二五”).
* Two words meeting on the doubled character: a word ends on the first copy and another
  starts on the second, neither cut out of a neighbour's word (法规|规定, 导向|向|提质).
* Then segmentation. The text around the doubling is segmented with both copies inside words
  (or one copy standing alone as a particle, conjunction or affix: 目的|的, 文化|和|和谐) and
  with one copy removed. When the first reading strands no more characters than the second,
  two words meet on a shared character (石化|化工, 纪委|监委|监督, 博士|博士后) and nothing is
  doubled; when it strands more, or needs a rare word where the text without the copy forms a
  longer one (水源|源地 beside 水源地), the copy is a slip.
* A copy may form a name the lexicon lacks with a neighbour no word claims (江铜|铜箔,
  壮医|医院); a doubled character that leaves no common word either way opens a name (博博会,
  宜荆荆都市圈), not a slip."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from reportlint.diagnostic import Diagnostic, Edit, Fix, Severity
from reportlint.rule import Rule
from reportlint.rules._data import data_lines
from reportlint.rules.lexicon import MEASURE_WORDS, WordList, common_words, predicative_chars, zh_words
from reportlint.text.blocks import BlockKind
from reportlint.text.occurrences import OccurrenceIndex
from reportlint.text.scripts import HAN_CLASS, is_han

if TYPE_CHECKING:
    from reportlint.document import Document
    from reportlint.text.blocks import Block

# Numerals double legitimately in dates and set phrases (二〇〇〇, 一一对应, 千千万万).
_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")
# Monosyllabic nouns and measure words whose reduplication means "every" (校校通, 周周有活动,
# 店店美容, 村村通, 会会硕果累累).
_DISTRIBUTIVE = MEASURE_WORDS | frozenset("人事家户村镇乡县区园校班店街会队盏年月周季日天时处样门级环节段线网楼厂站屯")
# Administrative units: the prefix 市 meets a word starting with 市 (市|市场监管局, 省|省会城市).
_ADMIN = frozenset("省市县区镇乡村")
# Characters that open both halves of a four-character ABAC formation (一企一策, 先行先试,
# 专病专防, 不折不扣, 有进有退, 大起大落, 边学边改, 自产自销, 同城同价).
_ABAC_HEADS = frozenset("一先专不无有多大小边自同")
# Units that close a date or a count after digits (2019年, 12月, 3日).
_DATE_UNITS = frozenset("年月日号")
# Monosyllabic adjectives that head compound nouns (高标准, 大数据, 新动能, 长周期, 深加工).
_ATTRIBUTIVE = frozenset("高低大小新老长短深浅")
_CLAUSE_ENDS = "，。；：、！？,.;:!?）)"
_OPEN_QUOTES = "“‘「『《〈\"'"
_CLOSE_QUOTES = "”’」』》〉\"'"
# English words that legitimately repeat ("had had", "bye bye", place names like Bora Bora).
_EN_DOUBLES_OK = frozenset(
    "had bye ha hee tsk tut boo chop knock yada blah la cha pooh dum aye hush night no tom can cous dik "
    "ylang tse walla bora pago wagga mahi sing".split()
)
# "that that is why", "knows that that approach works": a conjunction, then a demonstrative.
# Only before another determiner or a pronoun ("agreed that that these ...") is one a slip.
_THAT_SLIP = re.compile(r"\s*(?:the|a|an|these|those|this|that|we|they|it|he|she|i|you|our|their|his|her|its|there)\b",
                        re.IGNORECASE)
_EN_DOUBLE = re.compile(r"(?<![A-Za-z'’-])([A-Za-z]+)([ \t]+|[ \t]*\n[ \t]*)(\1)(?![A-Za-z'’-])", re.IGNORECASE)


@cache
def reduplications() -> frozenset[str]:
    """Curated reduplicated forms (AA, AABB, ABB) that are correct Chinese."""
    return frozenset(w for line in data_lines("zh_reduplications.txt") for w in line.split())


# Characters that stand alone as words all the time; a single one of them is no sign of a slip.
_FUNCTION_CHARS = frozenset("的地得和与及或在是了着过等对为以将把被从向由于而并也都又就还更最其之所这那此各每有无不没已再才很曾要会未仅只便即个")
# Route and infrastructure names are built from one-character place abbreviations, so a
# doubled character before them is a name (汕汕铁路, 广汕汕高铁), not a slip.
_ROUTE_WORDS = ("高铁", "铁路", "城际", "高速", "公路", "大桥", "通道", "隧道", "航线", "运河", "快线", "干线")
# Conjunctions and prepositions: a word may well start with the same character right after one.
_CONJ_PREP = frozenset("和与及或并而在对为以从向由于把被将跟同")
# Characters that productively start (全口径, 新引擎, 超临界) or end (情况下, 承包权, 石化) words, so
# a word list never has all their compounds; a boundary on them is not a slip.
_PREFIXES = frozenset("全新超总老小大副非反多单双高低次准泛微")
_SUFFIXES = frozenset("上下中内外前后里间性化型式者员院所厂站港园馆局厅部委办区市县省镇乡村权数率量")
# Locatives close a phrase of their own (思想上, 工作中), like a function word.
_LOCATIVES = frozenset("上下中内外前后里间")
# A Han character followed by itself, and a Han unit of 2-4 characters followed by itself.
# 〇〇 is a numeral, not a stutter (二〇〇八年).
_DOUBLE_CHAR = re.compile(f"(?!〇)([{HAN_CLASS}])\\1")
_DOUBLE_UNIT = re.compile(f"([{HAN_CLASS}]{{2,4}})\\1")
_LATIN_GAP = re.compile(r"[A-Za-z][ \t\n]+[A-Za-z]")


class _Evidence:
    """What the report itself says about words, computed on demand and cached."""

    def __init__(self, text: str, occurrences: OccurrenceIndex | None = None) -> None:
        self.text = text
        self.occurrences = occurrences if occurrences is not None else OccurrenceIndex(text)
        self._closed: dict[tuple[str, str, bool], bool] = {}
        self._recurring: dict[str, bool] = {}

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
        for pos in islice(self.occurrences.positions(w), 64):
            end = pos + len(w)
            glued = text.startswith(unit, end) if left else text[max(0, pos - len(unit)):pos] == unit
            before = text[pos - 1] if pos else ""
            after = text[end] if end < len(text) else ""
            if not glued and before + w[0] not in words and w[-1] + after not in words:
                return True
        return False

    def recurring_name(self, doubled: str) -> bool:
        """The doubled form recurs in varied contexts (南南铝, 成成中学): a name, not a slip.

        A slip repeated by a copied paragraph recurs in the same context, so it still counts.
        """
        if doubled in self._recurring:
            return self._recurring[doubled]
        text = self.text
        contexts = set()
        count = 0
        words = zh_words()
        half = len(doubled) // 2
        for pos in self.occurrences.positions(doubled):
            if count >= 64:
                break
            # 市委|委员 elsewhere is two words meeting, no use of a name 委委.
            if half > 1 or not (_word_ends(text, pos, words) and _word_starts(text, pos + 1, words)):
                count += 1
                contexts.add((text[pos - 1:pos], text[pos + len(doubled):pos + len(doubled) + 1]))
        self._recurring[doubled] = found = count >= 2 and len(contexts) >= 2
        return found

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
    # A short name or slogan (“老老人”, “五五建绿”): a longer quotation is read like any text.
    return end >= 0 and end - start <= 6


def _list_item_name(s: str, i: int, n: int) -> bool:
    """A doubled unit that is a whole list item (老干妈、好彩头、盼盼等) is a name."""
    before = s[i - 1] if i else ""
    after = s[i + 2 * n:i + 2 * n + 1]
    return (not before or before in "、，,：:（(") and (not after or after in "、，,）)等" or after == "和")


def _pattern_ok(s: str, i: int, n: int) -> bool:
    """Reduplication patterns that are grammar, not slips."""
    unit = s[i:i + n]
    if _list_item_name(s, i, n):
        return True
    if s[i + 2 * n:i + 2 * n + 1] in ("再", "又", "还", "更") and s[i + 2 * n + 1:i + 3 * n + 1] == unit:
        return True  # 实干实干再实干: rhetorical repetition
    if n == 2 and i and all(w in zh_words() for w in (s[i - 1:i + 1], s[i + 1:i + 3], s[i + 3:i + 5])):
        return True  # 电网|同网|同价, 切实|办实|办好: words tile the span shifted by one
    if n == 1 and _single_pattern_ok(s, i):
        return True
    # Reduplications of the curated list (牢牢, 人人) are weighed by the segmentation, as one word.
    return s[i + 2 * n:].startswith(_ROUTE_WORDS) or _mode_pair(s, i, n)


# Modes of transport (water, rail, road, sea, air, river): two of them name a transfer or a
# combined carriage (水水中转, 海铁联运, 江海直达, 空空中转), the same mode twice included.
_MODES = frozenset("水铁公海空陆江河")
_TRANSFERS = ("中转", "联运", "转运", "直达", "换乘", "联程")


def _mode_pair(s: str, i: int, n: int) -> bool:
    """A doubled transport mode before a transfer word (水水中转: water to water), not a slip."""
    return n == 1 and s[i] in _MODES and s[i + 2:].startswith(_TRANSFERS)


def _single_pattern_ok(s: str, i: int) -> bool:
    """Patterns of one doubled character that are grammar: AABB, 一座座, 红红的, dates, "every"."""
    unit = s[i]
    if s[i + 2:i + 3] in ("地", "的") and _free(unit):
        return True  # 端端地坐, 红红的: an adjective reduplicated before 地/的
    if s[i:i + 2] in reduplications() and (s[i + 2:i + 3] or "。") in _CLAUSE_ENDS:
        return True  # 过高等等，: a reduplicated word closing the clause is read whole
    # AABB / AABB-final (实实在在, 扎扎实实) and 一 + measure word (一座座).
    if i + 3 < len(s) and s[i + 2] == s[i + 3] and s[i + 2] != unit:
        return True
    if i >= 2 and s[i - 2] == s[i - 1] and s[i - 1] != unit:
        return True
    if i >= 1 and s[i - 1] == "一" and unit in MEASURE_WORDS:
        return True
    if _parallel_doubling(s, i):
        return True
    if i >= 1 and s[i - 1].isdigit() and unit in _DATE_UNITS:
        return True  # 2019年|年均: the first copy closes a date
    return _heads_every_or_admin(s, i)


def _heads_every_or_admin(s: str, i: int) -> bool:
    """At the head of a phrase, a doubled noun meaning "every" (校校通, 赢得块块奖牌; not 各部|部门)
    or an administrative prefix before a word starting with it (（市|市场监管局）)."""
    if not (i == 0 or not is_han(s[i - 1]) or s[i - 1] in _FUNCTION_CHARS):
        return False
    unit, after = s[i], s[i + 1:i + 3]
    return (unit in _DISTRIBUTIVE and after not in common_words()) or (unit in _ADMIN and after in common_words())


def _in_number(s: str, i: int, n: int) -> bool:
    """A doubled numeral inside a number or date (二〇二二年, 千千万万, 十一一): not decided by words."""
    if n >= 2 and s[i] == "一":
        return True  # 一个一个, 一步一步: one by one
    if not any(c in _NUMERALS for c in s[i:i + n]):
        return False
    if all(c in _NUMERALS for c in s[i:i + n]) and n > 1:
        return True  # 二〇二〇年: a number spelt in numerals repeats its digits
    return (i > 0 and s[i - 1] in _NUMERALS) or s[i + 2 * n:i + 2 * n + 1] in _NUMERALS or s[i:i + 2 * n] in reduplications()


def _attested_words(s: str, i: int, n: int, ev: _Evidence, words: WordList) -> frozenset[str]:
    """Words around the doubling, missing or rare in the lexicon, that the report uses on their own elsewhere.

    A word ending on the first copy (中海油 in 中海油油田) or starting on the second; a phrase
    of two known words (规划建设) or with a function word (城市的) says nothing of where words end.
    """
    unit = s[i:i + n]
    lefts = [w for w in (s[j:i + n] for j in range(max(0, i - 5), i)) if all(map(is_han, w))]
    rights = [w for w in (s[i + n:k] for k in range(i + 2 * n + 1, min(len(s), i + n + 4) + 1)) if all(map(is_han, w))]
    common = common_words()
    found = {w for w in lefts if w not in common and len(w) > n and ev.closed_word(w, unit, True)}
    found |= {w for w in rights if w not in common and len(w) > n and ev.closed_word(w, unit, False)}
    return frozenset(w for w in found if not _phrase_like(w, words))


def _phrase(w: str, words: WordList) -> bool:
    """Is ``w`` two known words side by side (规划建设, 融资租赁) rather than a name the list lacks?

    Such a phrase recurs in any report, so its use elsewhere says nothing about where a
    word ends: 规划建设建设 is still a doubled 建设. Only a word after it makes a join
    (新兴产业|产业链).
    """
    return any(w[:k] in words and w[k:] in words for k in range(2, len(w) - 1))


def _phrase_like(w: str, words: WordList) -> bool:
    """Is ``w``, attested by the report only, a phrase (坚强领导, 城市的) rather than a name?"""
    if w in words:
        return False
    return _phrase(w, words) or (w[:-1] in words and w[-1] in _PHRASE_CLOSERS) or (w[0] in _FUNCTION_CHARS and w[1:] in words)


# Function characters that close a phrase (城市的, 工作中了, 企业等): a word before one of them is a
# phrase. The others (会, 要, 再, 各) stand before what they govern, so 世园会 or 市政府各 ends on
# no closer: 世园会 is a name ending on the noun 会 (fair, meeting), not 世园 + a modal.
_PHRASE_CLOSERS = frozenset("的地得了着过等们")


def is_stutter(s: str, i: int, n: int, ev: _Evidence | None = None) -> bool:
    """Decide whether ``s[i:i+n] == s[i+n:i+2n]`` (both Han) is a slip rather than Chinese.

    Grammar first (reduplication patterns, names in quotes and lists, numerals); then the
    words: when some segmentation of the surrounding text puts both copies inside words
    (lexicon words, words the report itself uses) and strands no more characters than the
    text with one copy removed, two words meet on a shared character (石化|化工, 纪委|监委|监督,
    博士|博士后) and nothing is doubled. Otherwise the copy is a slip if the text reads on
    without it (提|提高 -> 提高, 增强增强 -> 增强); a doubled character that leaves no
    word either way opens a name the lexicon lacks (博博会, 宜荆荆).
    """
    ev = ev or _Evidence("")
    unit = s[i:i + n]
    words, redup = zh_words(), reduplications()
    if _in_number(s, i, n) or _in_short_quote(s, i, n):
        # A number or a short quoted name is no word of the lexicon: the report's own spelling decides.
        return _spelt_without_copy(s, i, n, ev)
    if _pattern_ok(s, i, n) or _covered(s, i, n, words, redup) or ev.recurring_name(unit * 2):
        return False
    if n == 2 and _coordinated_pairs(s, i, words):
        return False
    extra = _attested_words(s, i, n, ev, words)
    if n == 1 and _words_meet(s, i, words, extra, ev):
        return False
    # A doubled pair must sit in common words or words the report uses elsewhere: a rare
    # two-character word (出城, 市城) reads almost any doubled pair as two words meeting.
    r = _readings(s, i, n, words, extra, common_words() if n > 1 else None)
    if r.doubled is None:
        if n > 1:
            return True  # 增强增强: only the word typed twice reads it
        # A slip strands its copy and the rest reads on (产业业集聚区 -> 产业集聚区); a doubled
        # character that opens a name leaves an orphan either way (宜荆荆都市圈, 博博会).
        return r.kept_in_word or unit in _FUNCTION_CHARS or ev.undoubled_elsewhere(s, i, n)
    if r.doubled[0] > r.undoubled[0]:
        return True  # the text strands less without the copy: 提升养养殖 -> 提升养殖
    if n > 1 or r.undoubled[1] >= r.doubled[1] or not r.long_seam_word:
        return False  # two words meet on a shared character: 石化|化工, 纪委|监委|监督, 江门市|市长
    # Without the copy a common word of three or more forms across the seam (水源源地 -> 水源地, 省政政府
    # -> 省政府): the two-words reading stands only on common words (生产|产业), not on rare ones
    # or names (水源|源地, 省政).
    common = _readings(s, i, n, words, extra, common_words(), with_names=False,
                       reduplication=_heads_reduplication(s, i)).doubled
    return common is None or common[0] > r.undoubled[0]


def _coordinated_pairs(s: str, i: int, words: WordList) -> bool:
    """A doubled pair that is two coordinated compounds of one head: 退税|缓税|缓费, 切实|办实|办好.

    In X A B A B C the word XA takes the first A and B A, B C are two compounds opening on the
    same character (an ABAC coordination like 分区分步), not a pair typed twice.
    """
    if not (i >= 1 and i + 4 < len(s) and s[i - 1:i + 1] in words and is_han(s[i + 4]) and s[i + 4] != s[i]):
        return False
    # Both compounds words (分区|分步), or neither but opening on a verb (缓|税, 缓|费), or a parallel
    # that goes on; one word and one fragment (成功|应功|应对) is a pair typed twice.
    first, second = s[i + 1:i + 3] in words, s[i + 3:i + 5] in words
    if s[i + 1] in _ABAC_HEADS:
        return True  # 一校一策, 先行先试, 专病专防: a four-character ABAC formation
    if s[i + 5:i + 6] in (s[i], s[i + 1]):
        return True  # the parallel goes on: 构建|共建|共治|共享, 谋事|干事|干成事
    return (first and second) or (not first and not second and s[i + 1] in predicative_chars())


def _window(s: str, i: int, n: int) -> tuple[int, int]:
    """The run of Han characters around the doubling, at most eight on each side."""
    lo, hi = i, i + 2 * n
    while lo > 0 and i - lo < 8 and is_han(s[lo - 1]):
        lo -= 1
    while hi < len(s) and hi - i - 2 * n < 8 and is_han(s[hi]):
        hi += 1
    return lo, hi


def _stranding(w: str, words: WordList, extra: frozenset[str], inside: range = range(0),
               banned: frozenset[tuple[int, int]] = frozenset(),
               abbreviations: frozenset[tuple[int, int]] = frozenset(),
               copy_words: WordList | None = None) -> tuple[int, int] | None:
    """(stranded characters, tokens) of the best segmentation of ``w`` (None: there is none).

    A token is a word (lexicon or ``extra``) or one character; a lone Han character that
    cannot stand alone (no function word, verb or adjective: 铜 in 江铜箔) is stranded. Positions in ``inside`` must lie inside a word of two or
    more characters, and no token may take a span in ``banned``. A span in ``abbreviations``
    may be read as a name the lexicon lacks (江铜, 壮医, 关史馆).
    With ``copy_words``, a two-character word over a position in ``inside`` must be one of them
    (or in ``extra``): rare short words (源地, 上紧) are where a slip hides.
    """
    size = len(w)
    best: list[tuple[int, int] | None] = [(0, 0)] + [None] * size
    for k in range(1, size + 1):
        cands = []
        prev = best[k - 1]
        if prev is not None and k - 1 not in inside:
            ch = w[k - 1]
            cands.append((prev[0] + (0 if not is_han(ch) or _free(ch) or ch in _LOCATIVES or ch in _SUFFIXES else 1),
                          prev[1] + 1))
        for j in range(max(0, k - 8), k - 1):
            at = best[j]
            if at is None or (j, k) in banned:
                continue
            t = w[j:k]
            if t in extra or (t in words and (copy_words is None or k <= inside.start or j >= inside.stop
                                              or len(t) > 2 or t in copy_words)) or (j, k) in abbreviations:
                cands.append((at[0], at[1] + 1))
        best[k] = min(cands) if cands else None
    return best[size]


Reading = tuple[int, int]  # (stranded characters, tokens) of a segmentation


def _crossed(w: str, lo: int, hi: int, words: WordList) -> frozenset[tuple[int, int]]:
    """Words over the copies ``w[lo:hi]`` that a common word outside them runs across.

    共建工工程 read as 共|建工|工程 cuts 共建 in two, 世界文化化名城 read as 文化|化名|城 cuts 名城:
    such a reading of the doubled text is no reading at all.
    """
    common = common_words()
    out = set()
    for j in range(max(0, lo - 7), hi):
        for k in range(max(j + 2, lo + 1), min(len(w), j + 8) + 1):
            if k <= lo or j >= hi or ((j, k) != (lo, hi) and w[j:k] not in words):
                continue  # (the doubled unit itself may be read as a reduplication: 软件|件件 is cut)
            if (j, k) != (lo, hi) and w[j:k] in common:
                continue  # a common word stands against a crossing one (工作|作为|重点 beside 为重)
            # The crossing word must be free to take its outer character (深入|学习 is no crossing by 入学).
            if _crosses(w, j, k, lo, hi, words, common):
                out.add((j, k))
    return frozenset(out)


# Function words and locatives are not taken by a crossing word: they stand on their own.
_BOUND_OUTSIDE = _FUNCTION_CHARS | _LOCATIVES


def _crosses(w: str, j: int, k: int, lo: int, hi: int, words: WordList, common: WordList) -> bool:
    """Does a common two-character word take the character just outside ``w[j:k]``, which no
    other word claims (深入|学习 is no crossing by 入学; 市区|内 none by 区内, nor 要求|和 by 求和)?"""
    if 0 < j <= lo and w[j - 1:j + 1] in common and w[j - 1] not in _BOUND_OUTSIDE:
        if not (j >= 2 and w[j - 2:j] in words):
            return True
    if hi <= k < len(w) and w[k - 1:k + 1] in common and w[k] not in _BOUND_OUTSIDE:
        return w[k:k + 2] not in words
    return False


@dataclass(frozen=True, slots=True)
class _Readings:
    """How the text around a doubling segments, with and without the second copy."""

    doubled: Reading | None  # both copies inside words (or one standing as a function word or affix)
    loose: Reading  # the doubled text, copies read any way
    undoubled: Reading  # the text with one copy removed
    kept_in_word: bool  # without the copy, the kept copy lies inside a common or long word
    long_seam_word: bool  # without the copy, a common word of three or more runs across the seam


def _readings(s: str, i: int, n: int, words: WordList, extra: frozenset[str],
              copy_words: WordList | None = None, with_names: bool = True, reduplication: bool = True) -> _Readings:
    """Segment the Han run around ``s[i:i + 2n]`` the ways :func:`is_stutter` weighs.

    The two-words reading may not read the doubled unit as one word (源源) nor both copies as
    the unit itself twice (增强|增强): that is the stutter, not a reading of it. One copy may
    stand alone when it is a function word or an affix on the side where affixes go (目的|的|方式,
    健全|全|口径, 情况下|下降), as long as the other copy is inside a word.
    """
    lo, hi = _window(s, i, n)
    w, a = s[lo:hi], i - lo
    # A reduplication, curated (牢牢, 人人) or a common word (齐齐, 漫漫), may read as one word.
    doubled_unit = s[i:i + 2 * n]
    curated = reduplication and n == 1 and (doubled_unit in reduplications() or doubled_unit in common_words())
    # ... but not an adjective whose one copy opens a word of three or more with what follows
    # (高高标准 -> 高标准, 高高质量 -> 高质量): reduplicated, it takes 的 before a noun (高高的楼).
    curated = curated and not (s[i] in _ATTRIBUTIVE and any(s[i + 1:k] in words for k in range(i + 4, min(len(s), i + 6) + 1)))
    whole = frozenset() if curated else frozenset({(a, a + 2 * n)})
    extra = extra | {doubled_unit} if curated else extra
    names = _name_spans(w, a, n, words) if with_names and n == 1 else frozenset()
    whole = whole | _crossed(w, a, a + 2 * n, words)
    if n > 1:
        # 城市|城市规划 and 政治协商|协商: a word made of the unit and another word, beside the
        # unit, is the unit typed twice (博士|博士后 ends on a suffix, no word).
        whole = whole | {(a + n, k) for k in range(a + 2 * n + 2, min(len(w), a + n + 8) + 1)
                         if w[a + 2 * n:k] in words}
        whole = whole | {(j, a + n) for j in range(max(0, a - 6), a - 1) if w[j:a] in words}
    bans = [whole | {copy} for copy in ((a, a + n), (a + n, a + 2 * n))]
    insides = [range(a, a + 2 * n)] + (_lone_copy_readings(w, a, words) if n == 1 else [])
    found = [_stranding(w, words, extra, inside, ban, names, copy_words) for inside in insides for ban in bans]
    feasible = [d for d in found if d is not None]
    u = w[:a + n] + w[a + 2 * n:]
    kept, seam = _words_at_seam(u, a + n, words)
    return _Readings(min(feasible) if feasible else None, _stranding(w, words, extra) or (0, 0),
                     _stranding(u, words, extra) or (0, 0), kept, seam)


def _words_at_seam(u: str, k: int, words: WordList) -> tuple[bool, bool]:
    """In the text without the copy (``u[k - 1]`` the kept copy): is the kept copy inside a common
    or long word, and does a common word of three or more run across the seam?"""
    common = common_words()
    kept = any((e - j > 2 and u[j:e] in words) or u[j:e] in common
               for j in range(max(0, k - 7), k) for e in range(max(k, j + 2), min(len(u), j + 8) + 1))
    seam = any(u[j:e] in common for j in range(max(0, k - 7), k) for e in range(max(k + 1, j + 3), min(len(u), j + 8) + 1))
    return kept, seam


# Characters that stand alone beside a word sharing them: particles anywhere (目的|的|方式); a
# locative closing the frame 在……下 (情况|下|下降); a conjunction or preposition after a word and
# before one starting with it (文化|和|和谐); a prefix heading the word after (健全|全|口径); a
# suffix closing a name of three or more where the phrase ends (张家港|港、).
_PARTICLES = frozenset("的地得")


def _lone_copy_readings(w: str, a: int, words: WordList) -> list[range]:
    """Which copy of a doubled character ``w[a]`` may stand alone: ranges that must still be in words."""
    ch, end = w[a], a + 2 >= len(w) or not is_han(w[a + 2])
    if ch in _PARTICLES:
        return [range(a + 1, a + 2), range(a, a + 1)]
    out = []
    if ch in _LOCATIVES and "在" in w[max(0, a - 12):a]:
        out.append(range(a + 1, a + 2))  # 在……情况|下|下降: the first copy closes the frame 在……下
    if ch in _CONJ_PREP and _word_ends(w, a - 1, words):
        out.append(range(a + 1, a + 2))  # 文化|和|和谐: after a word, the second copy opens one
    if (ch in _PREFIXES or ch in _ADMIN) and _word_starts(w, a + 2, words):
        out.append(range(a, a + 1))  # 健全|全|口径, 行政村|村|集体: the second copy heads the next word
    if ch in _SUFFIXES and end and any(w[j:a + 1] in words for j in range(max(0, a - 6), a - 1)):
        out.append(range(a, a + 1))  # 张家港|港、: a name of three or more, then its suffix
    if (ch in _SUFFIXES or ch in _ADMIN) and _word_ends(w, a - 1, words):
        out.append(range(a + 1, a + 2))  # 试点|村|村庄: the first copy closes the word before
    return out


def _heads_reduplication(s: str, i: int) -> bool:
    """Is a reduplication at ``i`` read as one (要|紧紧围绕, 观念上|紧紧团结, 项目|紧紧抓, ，|人人参与)?

    It opens a phrase or goes on with a verb of its own; after a content character and before
    one that joins the second copy (紧密|团团结, 抓|好好物流) the copies belong to the words around.
    """
    after = s[i + 2:i + 3]
    return i == 0 or not is_han(s[i - 1]) or s[i - 1] in _BOUND_OUTSIDE or not after or _free(after)


def _name_spans(w: str, a: int, n: int, words: WordList) -> frozenset[tuple[int, int]]:
    """Spans where a copy may form a name the lexicon lacks with the character beside it.

    Only with a character no word of the text claims (、江铜铜箔, 国际壮医医院; not
    东北亚地区经经济, where 地区 claims 区) and no function word.
    """
    common = common_words()
    out = []
    for j, k in ((a - 1, a + n), (a + n, a + 2 * n + 1)):
        if j < 0 or k > len(w) or w[j] in _FUNCTION_CHARS or w[k - 1] in _FUNCTION_CHARS:
            continue
        if (w[j] in _LOCATIVES or w[k - 1] in _LOCATIVES) and (k >= len(w) or not is_han(w[k])):
            continue  # 领导|导下，: a locative closing the phrase takes no name (but 火车站|站前广场)
        if (j < a and _word_ends(w, a - 1, words)) or (j >= a + n and _word_starts(w, a + 2 * n, words)):
            continue
        if not _crosses(w, j, k, a, a + 2 * n, words, common):
            out.append((j, k))
    return frozenset(out)


def _free(ch: str) -> bool:
    """Can ``ch`` stand alone as a word (很, 再, 越; 援 or 跑 governing what follows)?"""
    return ch in _FUNCTION_CHARS or ch in predicative_chars()


def _word_ends(s: str, k: int, words: WordList) -> bool:
    """Does a word of two or more characters end at ``s[k]`` (inclusive)?"""
    return any(s[j:k + 1] in words for j in range(max(0, k - 3), k))


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
character (江门市|市长, 石化|化工, 博士|博士后) are not reported: the text is segmented
against a lexicon, and a doubling is a slip only when no reading puts both copies in words.
The fix (remove the copy) is never safe: 再再升起 may be 冉冉升起 mistyped. The rule is in
preview: on real reports most doublings are deliberate.

Wrong:  成功争先先进位；湾区江门再再升起；a project in the the table
Right:  成功争先进位；湾区江门冉冉升起；a project in the table
"""
    options = {"english": True, "chinese": True}
    # Measured on the 886 city reports (20 findings drawn at random, read one by one, see
    # docs/rule-precision.md): far below 90%. Real reports double characters on purpose far
    # more often than by a slip, mostly where a name the lexicon lacks ends on the character
    # the next word starts with (深远海|海上, 龙子湖|湖心岛, 中电科|科技), so the rule stays in
    # preview until it earns 90%.
    preview = True

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        ev = _Evidence(doc.text, doc.occurrences)
        for block in doc.blocks:
            if options.get("chinese", True):
                yield from self._chinese(block, ev)
            if options.get("english", True):
                yield from self._english(block)

    def _chinese(self, block: Block, ev: _Evidence) -> Iterator[Diagnostic]:
        text = block.text
        for off, length in han_stutters(text, ev):
            if block.in_code(off):
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
        if block.kind in (BlockKind.HEADING, BlockKind.TABLE_ROW) or not _LATIN_GAP.search(text):
            return  # column headers repeat on purpose (From | From, 2023 | 2023)
        for m in _EN_DOUBLE.finditer(text):
            first, second = m.group(1), m.group(3)
            word = first.lower()
            if word in _EN_DOUBLES_OK or block.in_code(m.start()):
                continue
            if len(word) == 1 and word not in ("a", "i"):
                continue
            if word == "that" and not _THAT_SLIP.match(text, m.end()):
                continue
            if first[0].isupper() and second[0].isupper():
                continue  # Title-case cells of a header row flattened into text: "Rate From From To"
            s = block.start + m.start(2)
            e = block.start + m.end(3)
            yield self.report(
                block.start + m.start(3), e,
                f"`{second}` is repeated (`{first} {second}`)",
                fix=Fix("unsafe", f"remove the repeated `{second}`", (Edit(s, e, ""),)),
                fingerprint_text=m.group(0),
            )


RULES = [Stutter]


def _words_meet(s: str, i: int, words: WordList, extra: frozenset[str], ev: _Evidence) -> bool:
    """Do two words meet on the doubled character ``s[i]`` (公路|路网, 法规|规定, 导向|向|提质)?

    A word must end on the first copy and another start on the second, and neither may be
    cut out of a word its neighbour forms (全社会|生态 is no 会生|生态: 社会 takes 会; 实现|现居|民
    is none: 居民 takes 居). A preposition may stand alone as the second copy after a word
    ending on the first (由增产导向|向|提质导向, 以……行为|为|重点). Then each copy belongs to a
    word and nothing is doubled.

    A word the common list lacks is trusted where the report uses it on its own elsewhere,
    or where the two words do not merge into one without the copy: 工作队|队长 (工作队长 is no
    word) stands, 水源|源地 does not (源地 never stands alone, and 水源地 is the word typed).
    """
    unit = s[i]
    firsts = _words_ending_on(s, i, words, extra, ev)
    if not firsts:
        return False
    after = s[i + 2:i + 4]
    if unit in _PREPOSITIONS and all(map(is_han, after)) and (after in words or ev.closed_word(after, unit, False)):
        return True
    common = common_words()
    for k in range(i + 3, min(len(s), i + 7) + 1):
        w = s[i + 1:k]
        if not (all(map(is_han, w)) and w in words and _right_free(s, k, words)):
            continue
        trusted = w in common or ev.closed_word(w, unit, False)
        for j, first_trusted in firsts:
            if (trusted and first_trusted) or s[j:i + 1] + s[i + 2:k] not in words:
                return True
    return False


# Prepositions and the copula of 以……为: after a word that ends on the same character, one
# opens the next phrase on its own.
_PREPOSITIONS = frozenset("向为以对从于")


def _words_ending_on(s: str, i: int, words: WordList, extra: frozenset[str],
                     ev: _Evidence) -> list[tuple[int, bool]]:
    """Starts of the words ending on ``s[i]`` that cut no word before them, each with whether
    it is trusted (common, or used by the report on its own: 世园会)."""
    common = common_words()
    out = []
    for j in range(max(0, i - 5), i):
        w = s[j:i + 1]
        if not all(map(is_han, w)) or (w not in words and w not in extra):
            continue
        if j > 0 and is_han(s[j - 1]) and s[j - 1] not in _BOUND_OUTSIDE:
            if any(s[a:b] in common for a in range(max(0, j - 3), j) for b in range(j + 1, i + 1) if b - a >= 3):
                continue  # 千方百计|提 is no 计提
            if s[j - 1:j + 1] in common and not (j >= 2 and s[j - 2:j] in words):
                continue  # 全社会|生 is no 会生
        out.append((j, w in common or w in extra or ev.closed_word(w, s[i], True)))
    return out


def _right_free(s: str, k: int, words: WordList) -> bool:
    """May a word end before ``s[k]`` (居民 takes 居 from 现居: 实现|现居|民 strands 民)?"""
    if k >= len(s) or not is_han(s[k]) or s[k] in _BOUND_OUTSIDE:
        return True
    return not (s[k - 1:k + 1] in common_words() and s[k:k + 2] not in words)


def _spelt_without_copy(s: str, i: int, n: int, ev: _Evidence) -> bool:
    """Does the report spell the passage without the copy elsewhere, and never with it?

    “沈沈阳故事” beside “沈阳故事”, 两区一一城 beside 两区一城: a name in quotes or a number is
    no word of the lexicon, but the report's own spelling of it is evidence. The passage is
    the doubling with two characters either side, or up to the quote marks around it.
    """
    lo = i
    while lo > 0 and i - lo < 2 and (is_han(s[lo - 1]) or s[lo - 1] in _OPEN_QUOTES):
        lo -= 1
        if s[lo] in _OPEN_QUOTES:
            break
    hi = i + 2 * n
    while hi < len(s) and hi - i - 2 * n < 2 and (is_han(s[hi]) or s[hi] in _CLOSE_QUOTES):
        hi += 1
        if s[hi - 1] in _CLOSE_QUOTES:
            break
    quoted = s[lo] in _OPEN_QUOTES and s[hi - 1] in _CLOSE_QUOTES
    if not quoted and (i - lo) + (hi - i - 2 * n) < 3:
        return False
    single = s[lo:i + n] + s[i + 2 * n:hi]
    return single in ev.text and ev.text.count(s[lo:hi]) == 1


def _parallel_doubling(s: str, i: int) -> bool:
    """Another doubled character before the same word in the same list (南南段、北北段,
    东东区、西西区): doublings in parallel are a pattern of the text, not two slips."""
    unit, follow = s[i], s[i + 2:i + 3]
    if not follow or not is_han(follow):
        return False
    for j in range(max(0, i - 8), min(len(s) - 2, i + 9)):
        if j != i and s[j] == s[j + 1] != unit and is_han(s[j]) and s[j + 2:j + 3] == follow:
            between = s[min(i, j) + 3:max(i, j)]
            if between and all(c in "、，和与及或" for c in between):
                return True
    return False
