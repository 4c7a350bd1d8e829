"""Markup residue: HTML and Markdown that leaked into the prose.

Text copied from web pages and editors carries tags (``<br>``, ``</span>``),
entities (``&ldquo;``, ``&#12288;``) and emphasis markers that will not render.
The subtle case is CJK bold: CommonMark lets ``**`` close only when it is
*right-flanking*, so ``**全面提升政策效能，**加强`` (closing ``**`` after a comma
and before a Han character) prints the asterisks instead of bold text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.diagnostic import Diagnostic, Edit, Fix, Related, Severity
from reportlint.rule import Rule
from reportlint.text.blocks import BlockKind

if TYPE_CHECKING:
    from reportlint.document import Document
    from reportlint.text.blocks import Block

_TAGS = ["a", "abbr", "b", "big", "blockquote", "br", "center", "cite", "code", "dd", "del", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "nobr", "ol", "p", "pre", "q", "s", "small", "span", "strike", "strong", "style", "script", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "wbr", "section", "article", "header", "footer", "nav", "iframe", "o:p"]
_TAG = re.compile(r"</?(?:" + "|".join(re.escape(t) for t in sorted(_TAGS, key=len, reverse=True)) + r")\b(?:\s[^<>\n]{0,200})?/?>", re.I)
_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,9}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_DELIM = re.compile(r"\*\*|__")
# <br>, <br/>, <br />: in a pipe-table cell the only way to break a line (a cell is one line).
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
# Runs of two or three emphasis characters: ** (bold), *** (bold and italic), and __ alike.
_RUN = re.compile(r"\*{2,3}|_{2,3}")
_THEMATIC_LINE = re.compile(r"^\s*(?:(?:\*\s*){3,}|(?:_\s*){3,})$")


def _is_punct(ch: str) -> bool:
    """CommonMark's 'Unicode punctuation': general category P* or S*."""
    return bool(ch) and unicodedata.category(ch)[0] in "PS"


def _is_space(ch: str) -> bool:
    return not ch or ch.isspace()


def left_flanking(before: str, after: str) -> bool:
    if _is_space(after):
        return False
    return not _is_punct(after) or _is_space(before) or _is_punct(before)


def right_flanking(before: str, after: str) -> bool:
    if _is_space(before):
        return False
    return not _is_punct(before) or _is_space(after) or _is_punct(after)


class HtmlResidue(Rule):
    code = "MKP001"
    name = "html-residue"
    category = "markup"
    severity = Severity.WARNING
    summary = "HTML tag or entity left in the prose"
    explanation = """\
Copying from a web page or a word processor leaves tags and character entities
in the text. They print literally in a plain-text or PDF report.

Wrong:  加大力度打造新时代卓越工程师<br>队伍
Right:  加大力度打造新时代卓越工程师队伍

Wrong:  在落实&ldquo;三高四新&rdquo;战略中
Right:  在落实“三高四新”战略中

A `<br>` inside a Markdown table cell is not residue: a cell is one line, and
`<br>` is the standard way to break a line in it.
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for block in doc.blocks:
            text = block.text
            in_cell = block.kind is BlockKind.TABLE_ROW
            for m in _TAG.finditer(text):
                s = block.start + m.start()
                if block.in_code(s) or (in_cell and _LINE_BREAK_TAG.fullmatch(m.group(0))):
                    continue
                yield self.report(s, block.start + m.end(), f"HTML tag `{m.group(0)[:40]}` in prose",
                                  fix=Fix("unsafe", "remove the tag", (Edit(s, block.start + m.end(), ""),)),
                                  fingerprint_text=m.group(0))
            for m in _ENTITY.finditer(text):
                s = block.start + m.start()
                if block.in_code(s):
                    continue
                yield self.report(s, block.start + m.end(), f"HTML entity `{m.group(0)}` in prose",
                                  fingerprint_text=m.group(0))


class UnpairedEmphasis(Rule):
    code = "MKP002"
    name = "unpaired-emphasis"
    category = "markup"
    severity = Severity.WARNING
    summary = "`**` or `__` without a partner in the paragraph"
    explanation = """\
A lone emphasis marker is left over from an edit: half of a bold phrase was
deleted, or a marker was pasted in. It prints as literal asterisks. Markers pair
within a Markdown paragraph (lines up to a blank line), as CommonMark pairs them.

Wrong:  market conditions in these **sectors had spread
Right:  market conditions in these sectors had spread

Two other faults are named for what they are:

Wrong:  ***政府工作报告**          (one `*` too many: it prints before the bold title)
Right:  **政府工作报告**

Wrong:  **——在第三次会议上       (bold cannot run over a blank line: both
                                  `**` print literally)
        市长 某某**
Right:  **——在第三次会议上**

        **市长 某某**
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        paragraphs = [_runs(doc, group) for group in markdown_paragraphs(doc)]
        for kind in ("*", "_"):
            runs = [[r for r in para if r[2] == kind] for para in paragraphs]
            yield from self._check_kind(doc, runs)

    def _check_kind(self, doc: Document, paragraphs: list[list[tuple[int, int, str]]]) -> Iterator[Diagnostic]:
        split = _split_across_blank_lines(doc, paragraphs)
        for k, runs in enumerate(paragraphs):
            lone = split.get(k)
            if lone is None and len(runs) % 2:
                lone = (len(runs) - 1, None, "")
            rest = [r for i, r in enumerate(runs) if lone is None or i != lone[0]]
            for o, c in zip(rest[0::2], rest[1::2]):
                if o[1] != c[1]:
                    yield self._one_too_many(doc, o, c)
            if lone is None:
                continue
            at, length, kind = runs[lone[0]]
            mark = kind * length
            if lone[1] is not None:
                yield self.report(at, at + length, lone[2], related=(lone[1],),
                                  fingerprint_text=doc.text[max(0, at - 8):at + 10])
            else:
                yield self.report(at, at + length, f"`{mark}` has no closing partner in this paragraph",
                                  fix=Fix("unsafe", f"remove the lone `{mark}`", (Edit(at, at + length, ""),)),
                                  fingerprint_text=doc.text[max(0, at - 8):at + 10])

    def _one_too_many(self, doc: Document, o: tuple[int, int, str], c: tuple[int, int, str]) -> Diagnostic:
        """``***标题**``: the runs pair as bold and one ``*`` of the longer run is left
        over and prints; it is the outer one (the first of an opener, the last of a closer)."""
        longer, shorter = (o, c) if o[1] > c[1] else (c, o)
        extra = longer[0] if longer is o else longer[0] + longer[1] - 1
        ch = longer[2]
        return self.report(
            extra, extra + 1,
            f"`{ch * longer[1]}` is paired with `{ch * shorter[1]}`: one `{ch}` too many, and it prints literally",
            related=(Related(shorter[0], shorter[0] + shorter[1], f"the `{ch * shorter[1]}` it pairs with"),),
            fix=Fix("unsafe", f"remove the extra `{ch}`", (Edit(extra, extra + 1, ""),)),
            fingerprint_text=doc.text[o[0]:c[0] + c[1]][:30],
        )


def _split_across_blank_lines(doc: Document, paragraphs: list[list[tuple[int, int, str]]],
                              reach: int = 3) -> dict[int, tuple[int, Related, str]]:
    """Bold opened in one paragraph and closed in a later one (a blank line between,
    only paragraphs without a lone marker in between): CommonMark pairs emphasis only
    inside a paragraph, so both markers print. Maps paragraph index -> (index of the
    lone run, the place at the other end, message)."""
    out: dict[int, tuple[int, Related, str]] = {}
    text = doc.text
    pending: tuple[int, int] | None = None  # paragraph index, position of its last run
    for k, runs in enumerate(paragraphs):
        if len(runs) % 2 == 0 or k in out:
            continue
        first = runs[0]
        if pending is not None and k - pending[0] <= reach and _closes(text, first) and first[1] == paragraphs[pending[0]][-1][1]:
            o = paragraphs[pending[0]][-1]
            line_o, line_c = doc.position(o[0])[0], doc.position(first[0])[0]
            out[pending[0]] = (len(paragraphs[pending[0]]) - 1, Related(first[0], first[0] + first[1], "where it closes"),
                               f"`{o[2] * o[1]}` opens emphasis that closes only after a blank line (line {line_c}): "
                               "emphasis cannot span paragraphs, both markers print")
            out[k] = (0, Related(o[0], o[0] + o[1], "where it opens"),
                      f"`{first[2] * first[1]}` closes emphasis opened before a blank line (line {line_o}): "
                      "emphasis cannot span paragraphs, both markers print")
            pending = None
            continue
        last = runs[-1]
        pending = (k, last[0]) if _opens(text, last) else None
    return out


def _opens(text: str, run: tuple[int, int, str]) -> bool:
    at, n, _ = run
    return left_flanking(text[at - 1] if at else "", text[at + n] if at + n < len(text) else "")


def _closes(text: str, run: tuple[int, int, str]) -> bool:
    at, n, _ = run
    return right_flanking(text[at - 1] if at else "", text[at + n] if at + n < len(text) else "")


def markdown_paragraphs(doc: Document) -> list[list[Block]]:
    """Blocks grouped as CommonMark groups lines into paragraphs: consecutive lines of
    text up to a blank line. Reports put one paragraph per line, so the block parser
    makes each line a block; emphasis, though, pairs across the lines of a Markdown
    paragraph. Tables, lists and ``#`` headings stand alone."""
    groups: list[list[Block]] = []
    prev: Block | None = None
    for block in doc.blocks:
        joinable = block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) and not doc.text[block.line_start:block.start].strip()
        if (joinable and prev is not None and groups
                and doc.text.count("\n", prev.end, block.line_start) <= 1
                and not doc.text[prev.end:block.line_start].strip()):
            groups[-1].append(block)
        else:
            groups.append([block])
        prev = block if joinable else None
    return groups


def _runs(doc: Document, blocks: list[Block]) -> list[tuple[int, int, str]]:
    """Emphasis runs of two or three characters in a paragraph: (offset, length, char)."""
    out = []
    for block in blocks:
        text = block.text
        for m in _RUN.finditer(text):
            s, e = m.start(), m.end()
            ch = text[s]
            if block.in_code(block.start + s):
                continue
            if (s and text[s - 1] == ch) or (e < len(text) and text[e] == ch):
                continue  # **** and longer: a rule or decoration, not emphasis
            if ch == "_" and s and text[s - 1].isalnum() and e < len(text) and text[e].isalnum() and text[s - 1].isascii():
                continue  # snake__case
            if _THEMATIC_LINE.match(text):
                continue
            out.append((block.start + s, e - s, ch))
    return out


class CjkEmphasisNotRendered(Rule):
    code = "MKP003"
    name = "cjk-emphasis-not-rendered"
    category = "markup"
    severity = Severity.WARNING
    summary = "bold next to CJK punctuation that CommonMark will not render"
    explanation = """\
CommonMark closes `**` only when the delimiter is right-flanking: it may follow
punctuation only if whitespace or punctuation comes after it. Chinese text has no
spaces, so `**标题，**正文` shows literal asterisks. Put the punctuation outside.

Wrong:  **全面提升政策效能，**加强经济运行调度
Right:  **全面提升政策效能**，加强经济运行调度

A file is reported once, at the first such place, with the count in the message and
every other place as a related location; the fix moves the punctuation out of all.
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        # One finding per file: a report converted by one tool repeats the pattern in
        # every bold lead (hundreds of places), and one finding with every place as a
        # related location says it without burying the other findings. Its fix still
        # moves the punctuation out of every place that can be fixed.
        places = [p for block in doc.blocks for p in _unrendered(block)]
        if not places:
            return
        (s, e, message, _), rest = places[0], places[1:]
        edits = tuple(edit for *_, edit in places if edit is not None)
        fix = Fix("safe", f"move the punctuation out of the emphasis in {len(edits)} "
                  f"place{'s' if len(edits) != 1 else ''}", edits) if edits else None
        if rest:
            first = message.removesuffix(_NOT_RENDERED)
            message = f"{len(places)} emphasized spans that CommonMark will not render (each listed); the first: {first}"
        yield self.report(s, e, message, related=tuple(Related(rs, re_, m) for rs, re_, m, _ in rest),
                          fix=fix, fingerprint_text="".join(doc.text[ps:pe] for ps, pe, _, _ in places))


_NOT_RENDERED = ": CommonMark will not render this emphasis"


def _unrendered(block: Block) -> Iterator[tuple[int, int, str, Edit | None]]:
    """Each emphasis pair in the block that CommonMark will not render: its span, what is
    wrong, and the edit that moves trailing punctuation out (**标题，**X -> **标题**，X)."""
    text = block.text
    for kind, positions in _delimiters(block).items():
        for k in range(0, len(positions) - 1, 2):
            o, c = positions[k], positions[k + 1]
            before_o = text[o - 1] if o else ""
            after_o = text[o + 2] if o + 2 < len(text) else ""
            before_c = text[c - 1] if c else ""
            after_c = text[c + 2] if c + 2 < len(text) else ""
            closes = right_flanking(before_c, after_c)
            if left_flanking(before_o, after_o) and closes:
                continue
            edit = None
            if not closes and _is_punct(before_c):
                p = c
                while p > o + 2 and _is_punct(text[p - 1]) and text[p - 1] not in "*_":
                    p -= 1
                if p > o + 2:
                    edit = Edit(block.start + p, block.start + c + 2, kind + text[p:c])
            where = "closing" if not closes else "opening"
            message = (f"{where} `{kind}` {'follows punctuation and precedes' if not closes else 'precedes punctuation after'} "
                       f"`{(after_c if not closes else before_o) or ' '}`{_NOT_RENDERED}")
            yield block.start + o, block.start + c + 2, message, edit


def _delimiters(block: Block) -> dict[str, list[int]]:
    """Positions (within the block) of ``**`` and ``__`` runs outside inline code, by kind."""
    text = block.text
    out: dict[str, list[int]] = {}
    for m in _DELIM.finditer(text):
        if block.in_code(block.start + m.start()):
            continue
        # Skip ___ or **** runs and snake_case__names: only exact double runs count.
        s, e = m.start(), m.end()
        ch = text[s]
        if (s and text[s - 1] == ch) or (e < len(text) and text[e] == ch):
            continue
        if ch == "_" and s and text[s - 1].isalnum() and e < len(text) and text[e].isalnum() and text[s - 1].isascii():
            continue
        out.setdefault(m.group(0), []).append(s)
    return out


RULES = [HtmlResidue, UnpairedEmphasis, CjkEmphasisNotRendered]
