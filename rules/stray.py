"""Stray tokens: English words and traditional characters that do not belong in Chinese prose.

Two slips that machine translation, copy-paste and input methods leave behind:

* an English word between Han characters, either a function word that slipped in
  (数字化转and型, 全国比 of 重) or an ordinary word where its Chinese belongs
  (政府购买service支出, 民营economy发展). Chinese reports are full of Latin that is
  right — GDP, PM2.5, 5G, IPv6, R&D, OPPO, vivo, Citywalk, an English expansion in
  brackets — so only an all-lowercase common English word (or a capitalised function
  word) standing alone between Han text is reported. Word boundaries come from script
  classes, since ``\\b`` does not separate Han from Latin.
* a traditional character in simplified text (北門, 行動), from OpenCC's
  traditional-to-simplified table, keeping only characters that are never simplified
  themselves; a quoted traditional idiom (“未雨綢繆”) and characters whose simplified form
  is rare and absent from the report (a place name such as 鰜鱼洲) are left alone.

Tables are package data, read once per process on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from reportlint.diagnostic import Diagnostic, Edit, Fix, Severity
from reportlint.rule import Rule
from reportlint.rules._data import data_lines
from reportlint.text.scripts import HAN_CLASS, is_han

if TYPE_CHECKING:
    from reportlint.document import Document
    from reportlint.text.blocks import Block
    from reportlint.text.occurrences import OccurrenceIndex

# A run of Latin words separated by spaces; what touches it decides whether it is a word or a code.
_LATIN_RUN = re.compile(r"[A-Za-z]+(?:[’'][a-z]+)?(?: {1,2}[A-Za-z]+(?:[’'][a-z]+)?)*")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_CODE_GLUE = set("0123456789０１２３４５６７８９&.+_/-@#%·")
_SPACES = " \u3000\u00a0"
_CJK_PUNCT = set("，。、；：！？,;:!?")
_QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "\"": "\""}
# Words that introduce or follow a gloss: 英文名称为chemical oxygen demand, 即transport community的缩写.
_GLOSS_BEFORE = re.compile(r"(?:英文|英语|全称|简称|缩写|又称|称为|名为|译为|意为|直译|源自|源于|即|是)[：:“\"（( \u3000]*$")
_GLOSS_AFTER = re.compile(r"^[”\"）) \u3000]*(?:的缩写|的简称|缩写|简写|的英文|一词|的意思)")
_FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with", "without", "into", "onto", "upon", "about", "as", "is", "are", "was", "were", "be", "been", "being", "am", "that", "which", "who", "whom", "whose", "what", "this", "these", "those", "however", "therefore", "moreover", "furthermore", "thus", "also", "not", "no", "if", "than", "then", "so", "such", "very", "will", "would", "can", "could", "shall", "should", "may", "might", "must", "has", "have", "had", "do", "does", "did", "its", "our", "their", "we", "they", "you", "he", "she", "his", "her", "there", "here", "where", "when", "while", "although", "though", "because", "since", "order"]
)
# Lowercase Latin that Chinese text uses as such: brands and loanwords.
_LOANWORDS = frozenset(
    ["app", "apps", "wifi", "vivo", "smart", "show", "logo", "mall", "mini", "plus", "pro", "max", "live", "style", "outlets", "vlog", "blog", "fans", "cosplay", "ok", "pk", "diy", "cool", "high", "hold", "fashion", "cafe", "walk", "citywalk"]
)
# Variant characters that the 2013 Table of General Standard Chinese Characters keeps for
# names, so they appear in simplified text on purpose (华为昇腾, 清濛园区).
_NAME_VARIANTS = frozenset("甦昇陞濛祕蒐喆堃淼犇仝邨氹")
# What the slip most likely replaced, for the message and the (unsafe) fix.
_EMPTY = ""


@cache
def english_words() -> frozenset[str]:
    """Common English words (lowercase)."""
    return frozenset(data_lines("en_words.txt"))


@cache
def translations() -> dict[str, str]:
    """English word -> the Chinese a report would use there ('' means: just delete it)."""
    out: dict[str, str] = {}
    for line in data_lines("en_zh.tsv"):
        en, _, zh = line.partition("\t")
        out[en.strip()] = zh.strip()
    return out


@cache
def traditional_map() -> dict[str, str]:
    """Traditional character -> simplified form, for characters that are never simplified themselves."""
    out: dict[str, str] = {}
    for line in data_lines("ts_chars.tsv"):
        t, _, s = line.partition("\t")
        if t and s:
            out[t] = s
    return out


@cache
def simplified_only() -> frozenset[str]:
    """Simplified forms that differ from their traditional character (门, 动, 们 ...)."""
    table = traditional_map()
    return frozenset(s for s in table.values() if s not in table)


def _is_common_simplified(ch: str) -> bool:
    """Is ``ch`` among GB 2312's 3,755 level-1 (most common) characters?"""
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xB0 <= b[0] <= 0xD7


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _quoted_span(text: str, pos: int, limit: int = 40) -> tuple[int, int] | None:
    """The quoted span ``(open, close)`` around ``pos`` within ``limit`` characters, if any."""
    for k in range(pos - 1, max(-1, pos - limit), -1):
        ch = text[k]
        if ch in "”’」』\n":
            return None
        if ch in _QUOTE_PAIRS:
            close = text.find(_QUOTE_PAIRS[ch], pos)
            if 0 <= close - k <= limit:
                return k, close
            return None
    return None


class StrayLatinWord(Rule):
    code = "TOK001"
    name = "stray-latin-word"
    category = "stray-token"
    severity = Severity.WARNING
    summary = "an English word between Chinese characters"
    explanation = """\
A lowercase English word standing alone in Chinese prose is left over from machine
translation or an edit: a function word that slipped in, or a word where its Chinese
belongs. Acronyms (GDP, RCEP, REITs), codes (5G, PM2.5, G98), brands and names (OPPO,
vivo, Citywalk) and an English expansion in brackets are fine. Add words your
reports use on purpose to the `allow` option.

Wrong:  推进数字化、智能化、绿色化转and型步伐；分档分类压减政府购买service支出
Right:  推进数字化、智能化、绿色化转型步伐；分档分类压减政府购买服务支出
"""
    options = {"allow": []}

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        allow = frozenset(str(w).lower() for w in options.get("allow", []) or [])
        for block in doc.blocks:
            if block.lang != "zh" or not _ASCII_LETTER.search(block.text):
                continue
            yield from self._block(block, allow)

    def _block(self, block: Block, allow: frozenset[str]) -> Iterator[Diagnostic]:
        text = block.text
        for m in _LATIN_RUN.finditer(text):
            s, e = m.start(), m.end()
            if block.in_code(s):
                continue
            whole = (s, e) if _stands_between_han(text, s, e) else None
            if whole is None or not _is_stray(text[s:e].split(), allow):
                # GDP and 增长: the code is fine, the function word next to it is not.
                whole = _function_word_at_edge(text, s, e)
            if whole is None:
                continue
            s, e = whole
            words = text[s:e].split()
            if not _is_stray(words, allow) or _is_gloss(text, s, e):
                continue
            q = _quoted_span(text, s)
            if q and q[1] - q[0] <= 20 and len(words) == 1 and len(words[0]) <= 3:
                continue  # a playful word in a quoted slogan: “有票就go了”
            yield self._diagnostic(block, text, s, e, words)

    def _diagnostic(self, block: Block, text: str, s: int, e: int, words: list[str]) -> Diagnostic:
        phrase = " ".join(words)
        zh = translations().get(phrase.lower())
        # The edit takes the spaces that set the word off, so the Chinese closes up.
        es, ee = s, e
        while es > 0 and text[es - 1] in _SPACES:
            es -= 1
        while ee < len(text) and text[ee] in _SPACES:
            ee += 1
        start, end = block.start + s, block.start + e
        if zh is None:
            return self.report(start, end, f"English `{phrase}` in Chinese text", fingerprint_text=phrase)
        if zh == _EMPTY:
            hint, fix = "delete it", Fix("unsafe", f"delete `{phrase}`", (Edit(block.start + es, block.start + ee, ""),))
        else:
            hint = f"did you mean `{zh}`?"
            fix = Fix("unsafe", f"replace `{phrase}` with `{zh}`", (Edit(block.start + es, block.start + ee, zh),))
        return self.report(start, end, f"English `{phrase}` in Chinese text; {hint}", fix=fix, fingerprint_text=phrase)


def _neighbour(text: str, pos: int, step: int) -> str:
    """The character next to ``pos`` in direction ``step``, looking past one space."""
    k = pos if step > 0 else pos - 1
    if 0 <= k < len(text) and text[k] in _SPACES:
        k += step
    return text[k] if 0 <= k < len(text) else ""


def _stands_between_han(text: str, s: int, e: int) -> bool:
    """Han on one side and Han or a clause mark on the other, nothing code-like touching it."""
    if (s and text[s - 1] in _CODE_GLUE) or (e < len(text) and text[e] in _CODE_GLUE):
        return False
    left, right = _neighbour(text, s, -1), _neighbour(text, e, 1)
    left_han, right_han = bool(left) and is_han(left), bool(right) and is_han(right)
    if left_han and right_han:
        return True
    # A clause mark or the edge of the paragraph may stand on the other side.
    return (left_han and (right in _CJK_PUNCT or not right)) or (right_han and (left in _CJK_PUNCT or not left))


def _function_word_at_edge(text: str, s: int, e: int) -> tuple[int, int] | None:
    """A lowercase function word between a code or acronym and Han text (5G and 数字, 增长 of GDP)."""
    words = list(re.finditer(r"\S+", text[s:e]))
    if len(words) < 2:
        return None
    last, first = words[-1], words[0]
    if last.group(0) in _FUNCTION_WORDS and not words[-2].group(0).islower():
        ls, le = s + last.start(), s + last.end()
        if _stands_between_han(text, ls, le) or (is_han(_neighbour(text, le, 1) or "a") and text[ls - 1] == " "):
            return ls, le
    if first.group(0) in _FUNCTION_WORDS and not words[1].group(0).islower():
        fs, fe = s + first.start(), s + first.end()
        if is_han(_neighbour(text, fs, -1) or "a") and text[fe] == " ":
            return fs, fe
    return None


def _is_stray(words: list[str], allow: frozenset[str]) -> bool:
    """Lowercase common English (or a capitalised function word); never codes, acronyms or names."""
    common = english_words()
    lowered = [w.lower() for w in words]
    if any(w in allow for w in lowered) or " ".join(lowered) in allow:
        return False
    if len(words) == 1 and lowered[0] in _LOANWORDS:
        return False  # a loanword or brand on its own (vivo, app); 'smart city' is still English
    for w in words:
        if w.islower():
            continue
        if w[0].isupper() and w[1:].islower() and w.lower() in _FUNCTION_WORDS and len(words) == 1:
            continue  # "And" alone between Han characters
        return False  # a name, an acronym or a mixed-case brand
    if len(words) == 1:
        w = lowered[0]
        if len(w) < 2:
            return False
        return w in _FUNCTION_WORDS or (w in common and len(w) > 2)
    return all(w in common or w in _FUNCTION_WORDS for w in lowered)


def _is_gloss(text: str, s: int, e: int) -> bool:
    """An English name given on purpose: 英文名称为chemical oxygen demand, 即transport community的缩写."""
    return bool(_GLOSS_BEFORE.search(text[max(0, s - 12):s]) or _GLOSS_AFTER.match(text[e:e + 8]))


class TraditionalCharacter(Rule):
    code = "TOK002"
    name = "traditional-character"
    category = "stray-token"
    severity = Severity.WARNING
    summary = "a traditional character in simplified Chinese text"
    explanation = """\
A traditional character in a report written in simplified Chinese, usually left by
an input method or text pasted from elsewhere. Characters that are correct in
simplified text (滘, 祐, 筼筜, 圫, 潖) are not in the table; a quoted traditional idiom
(“未雨綢繆”) and a rare character whose simplified form the report never uses (a
place name) are left alone. The simplified form comes from OpenCC.

Wrong:  开展桥下环境整治行動；区域性國际消费中心
Right:  开展桥下环境整治行动；区域性国际消费中心
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        table = traditional_map()
        text = doc.text
        present = set(text)
        found = present.intersection(table)  # set arithmetic in C: most reports have none
        if not found:
            return
        blocks = [b for b in doc.blocks if b.lang == "zh"]
        hits = [(b, k) for b in blocks if not found.isdisjoint(b.text) for k, ch in enumerate(b.text) if ch in found]
        if not hits or _traditional_document(blocks, len(hits)):
            return
        for block, k in hits:
            ch = block.text[k]
            simple = table[ch]
            attested = _simplified_attested(doc.occurrences, block.text, k, simple)
            # No word of the report spells it the simplified way: trust a common simplified
            # form (or one the report uses), unless the character is a variant kept in names.
            if not attested and (ch in _NAME_VARIANTS or not (
                    _is_common_simplified(simple) or (simple in present and _in_gb2312(simple)))):
                continue  # 鰜鱼洲, 华为昇腾, 清濛园区: names in their own form
            if _quoted_traditional(block.text, k, table) or _in_organisation_name(block.text, k):
                continue
            start = block.start + k
            yield self.report(
                start, start + 1,
                f"traditional `{ch}` in simplified text; simplified form is `{simple}`",
                # The report spells this very word the simplified way: the fix is proven to give
                # the intended text. Otherwise the engine leaves the replacement unsafe.
                fix=Fix("safe", f"replace `{ch}` with `{simple}`", (Edit(start, start + 1, simple),), proven=attested),
                fingerprint_text=block.text[max(0, k - 6):k + 6],
            )


def _simplified_attested(occurrences: OccurrenceIndex, block_text: str, k: int, simple: str) -> bool:
    """Does the report write this word with the simplified character elsewhere (行動 -> 行动)?"""
    before = block_text[k - 1] if k else ""
    after = block_text[k + 1] if k + 1 < len(block_text) else ""
    return (bool(before) and is_han(before) and occurrences.occurs(before + simple)) or (
        bool(after) and is_han(after) and occurrences.occurs(simple + after))


def _traditional_document(blocks: list[Block], traditional: int) -> bool:
    """Is the text itself traditional Chinese (then nothing is a stray)?"""
    if traditional < 3:
        return False  # one or two: strays, whatever the length
    simple = simplified_only()
    simplified = sum(1 for b in blocks for ch in b.text if ch in simple)
    return traditional > simplified * 0.25


def _quoted_traditional(text: str, k: int, table: Mapping[str, str]) -> bool:
    """A quotation kept in traditional characters on purpose (“未雨綢繆”, 《東坡志林》)."""
    span = _quoted_span(text, k) or _book_title(text, k)
    if not span:
        return False
    inner = text[span[0] + 1:span[1]]
    trad = sum(1 for ch in inner if ch in table)
    simple = simplified_only()
    return trad >= 2 and not any(ch in simple for ch in inner)


# Heads of company, bank, hotel and shopping-centre names: a name keeps its registered
# characters (中環万象城, 銅鑼灣廣場集团), traditional or not.
_ORGANISATION_HEADS = re.compile(
    rf"[{HAN_CLASS}]{{0,4}}?(?:公司|集团|有限|股份|控股|银行|酒店|商场|百货|置地|地产|购物中心|广场|万象城|大悦城|天街)")


def _in_organisation_name(text: str, k: int) -> bool:
    """Is the character at ``k`` inside the name of a company, bank, hotel or mall?

    The name runs on, without punctuation, to a head such as 公司 or 万象城 a few characters
    later; a report in simplified Chinese still writes such a name as it is registered.
    """
    return bool(_ORGANISATION_HEADS.match(text, k + 1))


def _book_title(text: str, k: int) -> tuple[int, int] | None:
    o = text.rfind("《", max(0, k - 40), k)
    if o < 0 or "》" in text[o:k]:
        return None
    c = text.find("》", k, k + 40)
    return (o, c) if c >= 0 else None


RULES = [StrayLatinWord, TraditionalCharacter]
