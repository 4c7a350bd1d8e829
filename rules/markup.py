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

from reportlint.diagnostic import Diagnostic, Edit, Fix, Severity
from reportlint.rule import Rule

if TYPE_CHECKING:
    from reportlint.document import Document
    from reportlint.text.blocks import Block

_TAGS = (
    "a abbr b big blockquote br center cite code dd del div dl dt em font h1 h2 h3 h4 h5 h6 hr i img ins "
    "kbd li mark nobr ol p pre q s small span strike strong style script sub sup table tbody td tfoot th "
    "thead tr tt u ul wbr section article header footer nav iframe o:p"
).split()
_TAG = re.compile(r"</?(?:" + "|".join(re.escape(t) for t in sorted(_TAGS, key=len, reverse=True)) + r")\b(?:\s[^<>\n]{0,200})?/?>", re.I)
_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,9}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_DELIM = re.compile(r"\*\*|__")


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
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for block in doc.blocks:
            text = block.text
            for m in _TAG.finditer(text):
                s = block.start + m.start()
                if _inside(block.ignored, s):
                    continue
                yield self.report(s, block.start + m.end(), f"HTML tag `{m.group(0)[:40]}` in prose",
                                  fix=Fix("unsafe", "remove the tag", (Edit(s, block.start + m.end(), ""),)),
                                  fingerprint_text=m.group(0))
            for m in _ENTITY.finditer(text):
                s = block.start + m.start()
                if _inside(block.ignored, s):
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
deleted, or a marker was pasted in. It prints as literal asterisks.

Wrong:  market conditions in these **sectors had spread
Right:  market conditions in these sectors had spread
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for block in doc.blocks:
            for kind, positions in _delimiters(block).items():
                if len(positions) % 2:
                    s = block.start + positions[-1]
                    yield self.report(s, s + 2, f"`{kind}` has no closing partner in this paragraph",
                                      fix=Fix("unsafe", f"remove the lone `{kind}`", (Edit(s, s + 2, ""),)),
                                      fingerprint_text=block.text[max(0, positions[-1] - 8):positions[-1] + 10])


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
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for block in doc.blocks:
            text = block.text
            for kind, positions in _delimiters(block).items():
                for k in range(0, len(positions) - 1, 2):
                    o, c = positions[k], positions[k + 1]
                    before_o = text[o - 1] if o else ""
                    after_o = text[o + 2] if o + 2 < len(text) else ""
                    before_c = text[c - 1] if c else ""
                    after_c = text[c + 2] if c + 2 < len(text) else ""
                    opens = left_flanking(before_o, after_o)
                    closes = right_flanking(before_c, after_c)
                    if opens and closes:
                        continue
                    fix = None
                    if not closes and _is_punct(before_c):
                        # Move the trailing punctuation out of the emphasis: **标题，**X -> **标题**，X
                        p = c
                        while p > o + 2 and _is_punct(text[p - 1]) and text[p - 1] not in "*_":
                            p -= 1
                        punct = text[p:c]
                        if p > o + 2:
                            fix = Fix("safe", f"move `{punct}` after the closing `{kind}`",
                                      (Edit(block.start + p, block.start + c + 2, kind + punct),))
                    where = "closing" if not closes else "opening"
                    yield self.report(
                        block.start + o, block.start + c + 2,
                        f"{where} `{kind}` {'follows punctuation and precedes' if not closes else 'precedes punctuation after'} "
                        f"`{(after_c if not closes else before_o) or ' '}`: CommonMark will not render this emphasis",
                        fix=fix, fingerprint_text=text[o:c + 2],
                    )


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(s <= offset < e for s, e in spans)


def _delimiters(block: Block) -> dict[str, list[int]]:
    """Positions (within the block) of ``**`` and ``__`` runs outside inline code, by kind."""
    text = block.text
    out: dict[str, list[int]] = {}
    for m in _DELIM.finditer(text):
        if _inside(block.ignored, block.start + m.start()):
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
