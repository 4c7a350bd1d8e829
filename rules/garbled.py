"""Garbled text: what decoding errors, PDF extractors and page layout leave in the words.

A report that went through a PDF extractor, a web scraper or a wrong code page carries
characters that look like text but are not what the author wrote:

* Kangxi radicals (U+2F00–U+2FD5) and CJK radical supplements (U+2E80–U+2EF3) in
  place of the ordinary ideographs (⻓ for 长, ⽣ for 生): they look the same and
  break search. Unicode compatibility decomposition (NFKC) maps most of them back.
* Placeholders for characters that could not be decoded or mapped: U+FFFD, ``?``
  between Chinese characters beside rare ones (a lossy GBK round trip),
  ``(cid:123)`` for a glyph without a Unicode map, private-use characters, and the
  classic byte patterns 锟斤拷 (U+FFFD read as GBK) and 烫烫烫/屯屯屯 (uninitialised
  memory printed as GBK).
* Mojibake: UTF-8 bytes read as GBK (鏀垮簻 for 政府) or as Latin-1/cp1252
  (æ”¿åºœ), found by re-encoding a run and decoding it again as UTF-8: only real
  mojibake survives that round trip as Chinese text.
* Residue of the tools that made the page: template placeholders (``$1.$2`` from a
  regular-expression replacement, ``{{name}}``), a newspaper jump line (（下转第二版）),
  a page number or running footer left in the middle of a sentence (— 3 —,
  政府工作报告 第 3 页).

Each finding says what the characters are; a fix is offered only where the original
is certain (a radical with a compatibility decomposition, mojibake whose round trip
decodes).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.diagnostic import Diagnostic, Edit, Fix, Severity
from reportlint.rule import Rule
from reportlint.text.blocks import Block, BlockKind, ends_sentence
from reportlint.text.scripts import HAN_CLASS, is_han

if TYPE_CHECKING:
    from reportlint.document import Document

CATEGORY = "garbled"


def _text_blocks(doc: Document) -> Iterator[Block]:
    """Blocks that carry text a reader reads (tables too: their cells are text)."""
    return iter(doc.blocks)


def _prose_matches(doc: Document, b: Block, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` in block ``b`` outside its inline code (`$1.$2` quoted is no damage)."""
    return (m for m in pattern.finditer(doc.text, b.start, b.end) if not b.in_code(m.start()))


# -- radicals ---------------------------------------------------------------------

_RADICAL = re.compile("[\u2e80-\u2ef3\u2f00-\u2fd5]+")


def radical_fix(ch: str) -> str | None:
    """The ordinary ideograph a radical stands for, when Unicode says so (NFKC)."""
    mapped = unicodedata.normalize("NFKC", ch)
    return mapped if len(mapped) == 1 and is_han(mapped) else None


def _han_context(text: str, s: int, e: int) -> bool:
    """Is the run at ``text[s:e]`` set among Chinese characters (not a radical table)?"""
    left = text[max(0, s - 3):s]
    right = text[e:e + 3]
    return any(is_han(c) for c in left + right)


class RadicalCharacter(Rule):
    code = "GRB001"
    name = "radical-character"
    category = CATEGORY
    severity = Severity.WARNING
    summary = "a Kangxi radical or radical supplement stands in for an ordinary Chinese character"
    explanation = """\
PDF extractors often emit the Kangxi radical (U+2F00–U+2FD5) or a CJK radical
supplement (U+2E80–U+2EF3) where the page shows an ordinary character. It looks
the same but is another character: search, counting and copy-paste break. When
Unicode's compatibility decomposition maps the radical to an ideograph, the fix
replaces it (safe); otherwise the finding names the radical only.

Wrong:  推动经济⾼质量发展，提⾼⼈民⽣活⽔平
Right:  推动经济高质量发展，提高人民生活水平
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        text = doc.text
        for b in _text_blocks(doc):
            runs = [m for m in _RADICAL.finditer(text, b.start, b.end)
                    if _han_context(text, m.start(), m.end()) and not b.in_code(m.start())]
            if not runs:
                continue
            chars = "".join(m.group(0) for m in runs)
            edits = []
            for m in runs:
                for k, ch in enumerate(m.group(0)):
                    to = radical_fix(ch)
                    if to is not None:
                        edits.append(Edit(m.start() + k, m.start() + k + 1, to))
            # Proven: a radical's compatibility decomposition names exactly one ideograph.
            fix = Fix("safe", "replace the radicals by the ideographs they decompose to", tuple(edits), proven=True) \
                if len(edits) == len(chars) else None
            shown = "".join(dict.fromkeys(chars))[:8]
            n = len(chars)
            yield self.report(runs[0].start(), runs[-1].end(),
                              f"{n} radical character{'s' if n > 1 else ''} (`{shown}`) in place of ordinary "
                              "Chinese characters, as PDF extraction leaves them", fix=fix,
                              fingerprint_text=shown)


# -- placeholders ----------------------------------------------------------------

# U+FFFD and its own mojibake (锟斤拷: EF BF BD EF BF BD read as GBK); 烫/屯 runs are
# the fill bytes CC/CD of uninitialised memory printed as GBK.
_PLACEHOLDER = re.compile(r"\ufffd+|(?:锟斤拷)+|烫{3,}|屯{3,}|(?:\(cid:\d+\))+|[\ue000-\uf8ff]+")
# An ASCII ? next to a Chinese character or digit inside a paragraph of Chinese.
_LOSSY_QUESTION = re.compile(rf"(?<=[{HAN_CLASS}0-9０-９])\?|\?(?=[{HAN_CLASS}])")


def _rare(ch: str) -> bool:
    """Outside GB 2312's level 1 (the 3,755 characters that make up ordinary prose)."""
    if not is_han(ch):
        return False
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return not (len(b) == 2 and 0xB0 <= b[0] <= 0xD7)


def _lossy_round_trip(text: str, s: int, e: int) -> bool:
    """``?`` marks in ``text[s:e]`` are bytes a lossy code-page conversion could not map
    when the Chinese characters around them are rare ones (保低蛉耍: mojibake), not words."""
    window = text[max(0, s - 6):e + 6]
    return sum(_rare(c) for c in window) >= 2


def _placeholder_name(s: str) -> str:
    if s[0] == "\ufffd":
        return "replacement character U+FFFD: bytes that could not be decoded"
    if s.startswith("锟斤拷"):
        return "`锟斤拷`: replacement characters decoded a second time as GBK"
    if s[0] in "烫屯":
        return f"`{s[:6]}`: uninitialised memory printed as text"
    if s.startswith("(cid:"):
        return f"`{s[:12]}`: a glyph the PDF extractor could not map to a character"
    return "private-use character: a glyph with no standard character"


class UndecodedCharacter(Rule):
    code = "GRB002"
    name = "undecoded-character"
    category = CATEGORY
    severity = Severity.WARNING
    summary = "a placeholder stands where a character could not be decoded or mapped"
    explanation = """\
Text that went through a failed decoding or a PDF extractor carries placeholders
instead of characters: U+FFFD (�), `?` among rare characters after a lossy code
page conversion, `(cid:123)` for glyphs without a Unicode map, private-use
characters, and the byte patterns 锟斤拷 and 烫烫烫. The lost characters cannot be
recovered from the text: no fix.

Wrong:  新建农村公路120公里，惠及群众3?万保蛉耍?完成改厕工程
Right:  新建农村公路120公里，惠及群众3万人，完成改厕工程
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        text = doc.text
        for b in _text_blocks(doc):
            for m in _prose_matches(doc, b, _PLACEHOLDER):
                yield self.report(m.start(), m.end(), _placeholder_name(m.group(0)),
                                  fingerprint_text=m.group(0)[:8])
            if b.lang != "zh":
                continue
            yield from self._lossy(text, b)

    def _lossy(self, text: str, b: Block) -> Iterator[Diagnostic]:
        """Clusters of ``?`` (each within 12 characters of the next) among rare characters."""
        marks = [m.start() for m in _LOSSY_QUESTION.finditer(text, b.start, b.end)]
        clusters: list[list[int]] = []
        for i in marks:
            if clusters and i - clusters[-1][-1] <= 12:
                clusters[-1].append(i)
            else:
                clusters.append([i])
        for cl in clusters:
            s, e = cl[0], cl[-1] + 1
            if not _lossy_round_trip(text, s, e):
                continue
            yield self.report(s, e, f"`?` among rare characters (`{text[max(b.start, s - 4):e + 2]}`): "
                              "characters lost in a lossy code-page conversion", fingerprint_text=text[s:e][:12])


# -- mojibake --------------------------------------------------------------------

# Three-byte UTF-8 sequences, three or more in a row (the Han block is E4–E9 xx xx).
# Ordinary GBK text almost never holds them: their lead bytes E0–EF belong to the rare
# level-2 characters, and their trail bytes 80–BF rarely follow.
_UTF8_RUN = re.compile(rb"(?:[\xe0-\xef][\x80-\xbf][\x80-\xbf]){3,}")
# Runs of Latin-1/cp1252 characters beyond ASCII, possibly with ASCII between them.
_LATIN1_RUN = re.compile(r"[\u00c0-\u00ff][\ufffd\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                         r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}"
                         r"(?:[\ufffd\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
                         r"\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\x20-\x7e]*"
                         r"[\ufffd\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
                         r"\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122])?")


def _readable_chinese(s: str) -> bool:
    """Does a decoded run read as Chinese: mostly Han, and mostly common characters?"""
    han = [c for c in s if is_han(c)]
    return len(han) >= 2 and len(han) >= 0.5 * len(s.strip()) and sum(_rare(c) for c in han) <= len(han) // 4


def _utf8_from(run: str, codec: str) -> str | None:
    try:
        return run.encode(codec).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def gbk_mojibake(text: str) -> Iterator[tuple[int, int, str | None]]:
    """Spans of ``text`` that are UTF-8 read as GBK, with their repair when the span
    starts and ends on whole characters (a cut through a multi-byte character leaves
    a stray half at either end, which is reported but not repaired)."""
    raw = text.encode("gbk", errors="replace")  # fast path: almost every text has no match
    if not _UTF8_RUN.search(raw):
        return
    offsets = [0]
    chunks = []
    for c in text:
        try:
            chunk = c.encode("gbk")
        except UnicodeEncodeError:
            chunk = b"\0"
        chunks.append(chunk)
        offsets.append(offsets[-1] + len(chunk))
    raw = b"".join(chunks)
    at = {o: i for i, o in enumerate(offsets)}
    for m in _UTF8_RUN.finditer(raw):
        bs, be = m.start(), m.end()
        if bs not in at:
            bs += 3  # the first sequence starts inside a character
        if be not in at:
            be -= 3
        if be - bs < 9 or bs not in at or be not in at:
            continue
        fixed = raw[bs:be].decode("utf-8")
        if not _readable_chinese(fixed):
            continue
        s, e = at[bs], at[be]
        # the characters holding the cut halves belong to the damage too
        ws = next(i for i in range(len(offsets)) if offsets[i + 1] > m.start())
        we = next(i for i in range(len(offsets)) if offsets[i] >= m.end())
        yield ws, we, fixed if (ws, we) == (s, e) else None


def latin_mojibake(run: str) -> str | None:
    """The repair of UTF-8 read as Latin-1 or cp1252, by ftfy's encoding repair when it
    is installed (it knows the variants), else by the plain round trip. '' when the run
    is mojibake but lost bytes (U+FFFD) make a repair impossible."""
    if "\ufffd" in run:
        raw = run.replace("\ufffd", "?").encode("cp1252", errors="replace")
        return "" if _readable_chinese(raw.decode("utf-8", errors="replace")) else None
    fixed = None
    try:
        import ftfy  # optional extra: reportlint[garbled]
    except ImportError:
        ftfy = None
    if ftfy is not None:
        fixed = ftfy.fix_encoding(run)  # never fix_text: it rewrites the full-width colon
        if fixed == run:
            fixed = None
    if fixed is None:
        fixed = _utf8_from(run, "cp1252") or _utf8_from(run, "latin-1")
    return fixed if fixed is not None and _readable_chinese(fixed) else None


class Mojibake(Rule):
    code = "GRB003"
    name = "mojibake"
    category = CATEGORY
    severity = Severity.ERROR
    summary = "text encoded as UTF-8 was decoded with another code page (GBK, Latin-1)"
    explanation = """\
A span of nonsense characters that, encoded back to the code page it was wrongly
decoded with and read as UTF-8, gives Chinese text: 鏀垮簻宸ヤ綔鎶ュ憡 is
政府工作报告 read as GBK, æ”¿åºœ is 政府 read as cp1252. The round trip proves
the repair, so the fix is safe. (With the optional extra `reportlint[garbled]`,
ftfy's encoding repair handles the Latin-1/cp1252 variants.)

Wrong:  现在，我代表市人民政府向大会报告工作。鏀垮簻宸ヤ綔鎶ュ憡
Right:  现在，我代表市人民政府向大会报告工作。政府工作报告
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        text = doc.text
        for b in _text_blocks(doc):
            for s, e, fixed in gbk_mojibake(text[b.start:b.end]):
                yield self._found(text, b.start + s, b.start + e, fixed, "GBK")
            for m in _LATIN1_RUN.finditer(text, b.start, b.end):
                fixed = latin_mojibake(m.group(0))
                if fixed is not None:
                    yield self._found(text, m.start(), m.end(), fixed or None, "Latin-1")

    def _found(self, text: str, s: int, e: int, fixed: str | None, codec: str) -> Diagnostic:
        if fixed is None:
            return self.report(s, e, f"`{text[s:e][:12]}` is UTF-8 read as {codec}, with bytes lost: no repair",
                               fingerprint_text=text[s:e][:12])
        return self.report(s, e, f"`{text[s:e][:12]}` is UTF-8 read as {codec}: it reads `{fixed[:12]}`",
                           fix=Fix("safe", f"decode as UTF-8: `{fixed[:20]}`", (Edit(s, e, fixed),)),
                           fingerprint_text=text[s:e][:12])


# -- residue of tools and layout ------------------------------------------------

# $1.$2 (regular-expression back-references never substituted; one alone only right
# after a digit, where no currency sign stands), ${name}, {{name}}.
_TEMPLATE = re.compile(r"\$[1-9](?:[.．]?\$[1-9])+|(?<=[0-9０-９])\$[1-9]|\$\{[A-Za-z_]\w*\}|\{\{\s*[A-Za-z_][\w.]*\s*\}\}")
# （下转第二版） 上接第一版 转第3版: the jump lines of a newspaper page.
_JUMP = re.compile(r"[（(]?\s*(?:下转|上接|接上|转接)第?\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版\s*[）)]?(?:\s*[）)])?")
# — 3 — / - 12 - / －3－: a page number as a footer prints it.
_DASHED_PAGE = re.compile(r"(?<![0-9A-Za-z\-－—–])[—–－-]{1,2}[ \u3000]*[0-9]{1,3}[ \u3000]*[—–－-]{1,2}(?![0-9A-Za-z\-－—–])")
# 第 3 页 / 第3页 共45页 / 政府工作报告 第 3 页: a page label.
_PAGE_LABEL = re.compile(r"第[ \u3000]*[0-9]{1,3}[ \u3000]*页(?:[ \u3000]*[，,/]?[ \u3000]*共[ \u3000]*[0-9]{1,3}[ \u3000]*页)?")
# A running title and a bare page number set off by spaces (政府工作报告  35).
_TITLED_NUMBER = re.compile(rf"[{HAN_CLASS}0-9]{{0,20}}(?:报告|公报|讲话|纲要|规划)(?:[ \u3000]{{1,4}}[0-9]{{1,3}}(?=[ \u3000\n])"
                            r"|[ \u3000]{2,4}[0-9]{1,3}(?![0-9.．%％]))")
# A running header before the page number: a title that ends like a title does.
_RUNNING_TITLE = re.compile(rf"(?:(?:19|20)[0-9]{{2}}年)?[{HAN_CLASS}]{{0,8}}(?:报告|公报|讲话|纲要|规划)[ \u3000]*$")


class ToolResidue(Rule):
    code = "GRB004"
    name = "template-residue"
    category = CATEGORY
    severity = Severity.WARNING
    summary = "a placeholder of a template or a replacement pattern was left in the text"
    explanation = """\
A publishing tool filled the text from a template or rewrote it with a regular
expression and left its placeholder: `$1.$2` where a number belonged (the
back-reference was never substituted), `{{name}}`, `${name}`. The value is lost.

Wrong:  实现地区生产总值５$1.$2亿元，增长$1.$2％
Right:  实现地区生产总值５６８.３亿元，增长７.５％
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for b in _text_blocks(doc):
            for m in _prose_matches(doc, b, _TEMPLATE):
                yield self.report(m.start(), m.end(), f"template placeholder `{m.group(0)}` left in the text",
                                  fingerprint_text=m.group(0))


class JumpLine(Rule):
    code = "GRB005"
    name = "jump-line"
    category = CATEGORY
    severity = Severity.WARNING
    summary = "a newspaper jump line (下转第二版, 上接第一版) was pasted into the text"
    explanation = """\
A report copied from a newspaper page keeps the lines that send the reader to
another page (（下转第二版）, （上接第一版）). They are no part of the report and
usually sit in the middle of a sentence.

Wrong:  新建污水管网80公里，（下转第三版）（上接第一版）完成老旧小区改造120个。
Right:  新建污水管网80公里，完成老旧小区改造120个。
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        text = doc.text
        for b in _text_blocks(doc):
            if b.lang != "zh":
                continue
            for m in _JUMP.finditer(text, b.start, b.end):
                s = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                yield self.report(s, m.end(), f"newspaper jump line `{m.group(0).strip()}` in the text",
                                  fingerprint_text=m.group(0).strip())


def _inside_sentence(text: str, s: int, e: int, b: Block, open_before: bool = False) -> bool:
    """Text of the paragraph runs on either side of ``text[s:e]`` with no sentence end
    just before or just after it: the page number interrupts a sentence."""
    before = text[b.start:s].rstrip(" \u3000\n")
    after = text[e:b.end].lstrip(" \u3000\n")
    if not before:  # the page number opens the block: the block before must stop open
        return open_before and bool(after) and after[0] not in "。！？；!?;"
    if not after:  # the page number closes the block after an unfinished sentence
        return is_han(before[-1]) or before[-1] in "，、"
    return before[-1] not in "。！？；：:!?;" and after[0] not in "。！？；!?;"


def page_furniture(text: str, b: Block, open_before: bool = False) -> Iterator[tuple[int, int, str]]:
    """Page numbers and running headers or footers inside the sentences of ``b``."""
    for m in _DASHED_PAGE.finditer(text, b.start, b.end):
        spaced = " " in m.group(0) or "\u3000" in m.group(0) or "—" in m.group(0) or "\n" in text[m.start() - 1:m.end() + 1]
        if spaced:
            yield from _furniture(text, m.start(), m.end(), b, titled=False, open_before=open_before)
    for m in _PAGE_LABEL.finditer(text, b.start, b.end):
        yield from _furniture(text, m.start(), m.end(), b, titled=" " in m.group(0) or "共" in m.group(0),
                              open_before=open_before)
    for m in _TITLED_NUMBER.finditer(text, b.start, b.end):
        if not _PAGE_LABEL.match(text, m.end()):
            yield from _furniture(text, m.start(), m.end(), b, titled=True, open_before=open_before)


def _furniture(text: str, s: int, e: int, b: Block, *, titled: bool,
               open_before: bool = False) -> Iterator[tuple[int, int, str]]:
    """The page number at ``text[s:e]``, widened to the running title printed just before
    it (……报告 — 3 —), when it interrupts a sentence. A bare 第3页 counts only with its
    title, spaces or page total (a sentence may refer to a page)."""
    t = _RUNNING_TITLE.search(text, max(b.start, s - 30), s)
    if t and t.start() < s and _inside_sentence(text, t.start(), e, b, open_before):
        yield t.start(), e, text[t.start():e]
    elif (titled or not text[s:e].startswith("第") or "\n" in text[s - 1:e + 1]) and _inside_sentence(
            text, s, e, b, open_before):
        yield s, e, text[s:e]


_PAGE_LINE = re.compile(rf"(?:[{HAN_CLASS}0-9]{{0,20}}(?:报告|公报|讲话|纲要|规划)[ \u3000]*)?"
                        r"(?:[—–－-]{1,2}[ \u3000]*[0-9]{1,3}[ \u3000]*[—–－-]{1,2}|第[ \u3000]*[0-9]{1,3}[ \u3000]*页"
                        r"(?:[ \u3000]*[，,/]?[ \u3000]*共[ \u3000]*[0-9]{1,3}[ \u3000]*页)?|[0-9]{1,3})")


def running_titles(doc: Document) -> frozenset[str]:
    """The lines a page header may repeat: the document's title (its first line) when it
    reads like one (……政府工作报告), and any title-like line that stands alone twice or
    more (cached per document)."""
    cached = doc.cache.get("garbled.titles")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    lines = [ln.strip().strip("#*_ \u3000") for ln in doc.text.splitlines()]
    lines = [ln for ln in lines if ln]
    seen: dict[str, int] = {}
    for ln in lines:
        if len(ln) <= 24 and _RUNNING_TITLE.fullmatch(ln):
            seen[ln] = seen.get(ln, 0) + 1
    titles = {ln for ln, n in seen.items() if n >= 2}
    first = next((ln for ln in lines if not ln.startswith(("---", "source:", "title:"))), "")
    if first in seen:
        titles.add(first)
    out = frozenset(titles)
    doc.cache["garbled.titles"] = out
    return out


def _open_zh(before: Block) -> bool:
    left = before.text.rstrip()
    return before.lang == "zh" and bool(left) and not ends_sentence(left) and (is_han(left[-1]) or left[-1] in "，、")


def _title_line(doc: Document, b: Block, before: Block, after: Block, titles: frozenset[str]) -> bool:
    """A line of its own that repeats the running title, without a page number, between a
    paragraph that stops mid-sentence and one that carries on (……城镇登记 / 政府工作报告 /
    失业率……)."""
    line = doc.text[b.line_start:b.end].strip()
    if line not in titles or after.kind is not BlockKind.PARAGRAPH or after.numbering is not None:
        return False
    right = after.text.lstrip()
    return _open_zh(before) and bool(right) and (is_han(right[0]) or right[0] in "，、")


def _title_lines_inside(text: str, b: Block, titles: frozenset[str], *, open_before: bool,
                        carried_on: bool) -> Iterator[tuple[int, int]]:
    """The running title on a line of its own inside a paragraph, between the two halves
    of a sentence (……城镇登记⏎政府工作报告⏎失业率……); at the paragraph's end or start,
    the neighbouring paragraph holds the other half."""
    body = text[b.start:b.end]
    for title in titles:
        at = body.find(title)
        while at != -1:
            s, e = b.start + at, b.start + at + len(title)
            left, right = text[b.start:s], text[e:b.end]
            own_line = (not left or left.endswith("\n")) and (not right or right.startswith("\n")) and (left or right)
            left, right = left.rstrip(), right.lstrip()
            left_open = (is_han(left[-1]) or left[-1] in "，、") if left else open_before
            right_on = (is_han(right[0]) or right[0] in "，、") if right else carried_on
            if own_line and left_open and right_on:
                yield s, e
            at = body.find(title, at + len(title))


def _page_line(doc: Document, b: Block, before: Block, after: Block) -> bool:
    """A line of its own that is only a page number (with its running title) between a
    paragraph that stops mid-sentence and one that carries on."""
    line = doc.text[b.line_start:b.end].strip()
    if not _PAGE_LINE.fullmatch(line) or (line.isdigit() and not before.is_prose):
        return False
    if before.lang != "zh" or after.kind is not BlockKind.PARAGRAPH:
        return False
    left = before.text.rstrip()
    return bool(left) and not ends_sentence(left) and (is_han(left[-1]) or left[-1] in "，、")


class PageFurniture(Rule):
    code = "GRB006"
    name = "page-number-in-text"
    category = CATEGORY
    severity = Severity.WARNING
    summary = "a page number or running header/footer is left inside a sentence"
    explanation = """\
Text extracted from a paginated document keeps what the page printed around it:
a page number (— 3 —, - 12 -, 第 3 页 共 20 页), often with the running title
(政府工作报告 第 3 页), in the middle of the sentence the page break cut.

Wrong:  全年新增城镇就业5.2万人，城镇登记— 3 —失业率控制在3%以内。
Right:  全年新增城镇就业5.2万人，城镇登记失业率控制在3%以内。
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        text = doc.text
        blocks = doc.blocks
        titles = running_titles(doc)
        for i, b in enumerate(blocks):
            if i and 0 < i + 1 < len(blocks) and (_page_line(doc, b, blocks[i - 1], blocks[i + 1])
                                                  or _title_line(doc, b, blocks[i - 1], blocks[i + 1], titles)):
                shown = text[b.line_start:b.end].strip()
                yield self.report(b.line_start, b.end, f"page number or running header `{shown}` between the "
                                  "two halves of a sentence", fingerprint_text=shown)
                continue
            if b.lang != "zh" or not b.is_prose:
                continue
            open_before = i > 0 and not ends_sentence(blocks[i - 1].text) and blocks[i - 1].lang == "zh"
            for s, e, shown in page_furniture(text, b, open_before):
                yield self.report(s, e, f"page number or running header `{shown.strip()}` inside a sentence",
                                  fingerprint_text=shown.strip())
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            carried_on = nxt is not None and nxt.kind is BlockKind.PARAGRAPH and nxt.lang == "zh" and bool(
                nxt.text.strip()) and is_han(nxt.text.lstrip()[0])
            for s, e in _title_lines_inside(text, b, titles, open_before=open_before, carried_on=carried_on):
                shown = text[s:e]
                yield self.report(s, e, f"running header `{shown}` on a line of its own inside a sentence",
                                  fingerprint_text=shown)


# -- a stray Latin letter ----------------------------------------------------------

# One lowercase Latin letter between Chinese characters, or after Chinese punctuation and
# before a character (冠山海o欢乐海岸, 、l个 for 、1个): a key struck by mistake or a digit
# misread (l for 1, o for 0).
_LONE_LETTER = re.compile(rf"(?<=[{HAN_CLASS}，、；：。（“])[a-z](?=[{HAN_CLASS}])")
# Letters Chinese names use as a prefix of their own: e for electronic or online (e政务,
# e站通), i for the internet or "I love" (i深圳).
_PREFIX_LETTERS = frozenset("ei")
# Chinese numerals: a letter after one grades a standard (国六b, 三a级).
_HAN_NUMERALS = frozenset("一二三四五六七八九十〇零")


class StrayLetter(Rule):
    code = "GRB007"
    name = "stray-latin-letter"
    category = CATEGORY
    severity = Severity.WARNING
    summary = "a single Latin letter stands between Chinese characters"
    explanation = """A lowercase Latin letter alone between two Chinese characters is a key struck by
mistake while typing or correcting the text, or a digit an OCR read as a letter
(l for 1, o for 0). Names that use a letter as a prefix (e政务, i深圳) and a grade
after a numeral (国六b) are left alone, as is a letter the document uses the same
way more than once (a brand name).

Wrong:  建成滨海步道、冠山海o欢乐海岸等一批项目。
Right:  建成滨海步道、冠山海欢乐海岸等一批项目。
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        text = doc.text
        for b in _text_blocks(doc):
            if b.lang != "zh":
                continue
            for m in _prose_matches(doc, b, _LONE_LETTER):
                i = m.start()
                if m.group(0) in _PREFIX_LETTERS or text[i - 1] in _HAN_NUMERALS:
                    continue
                if text.count(text[i - 1:i + 2]) > 1 or text.count(text[i:i + 3]) > 1:
                    continue  # used the same way again: a name that holds a letter
                shown = text[i - 2:i + 3]
                yield self.report(i, i + 1, f"stray Latin letter `{m.group(0)}` between Chinese characters in `{shown}`",
                                  fingerprint_text=shown)


RULES: list[type[Rule]] = [RadicalCharacter, UndecodedCharacter, Mojibake, ToolResidue, JumpLine, PageFurniture,
                           StrayLetter]
