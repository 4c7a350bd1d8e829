"""Split a report into blocks: headings, paragraphs, list items, table rows.

Markdown-aware, because reports pasted from web pages carry Markdown even in a
``.txt`` file: front matter, fenced code and HTML comments are not prose (they are
*masked*), ``#`` lines and whole-bold lines are headings, ``|`` lines are table rows.
Plain-text conventions of Chinese reports are recognised too: numbered headings
(一、 （一） 第一章), short title lines, bylines and datelines.

Within a group of consecutive non-blank lines, Chinese lines that end a sentence
start a new block (plain-text reports often put one paragraph per line), while
other lines are joined as Markdown joins a hard-wrapped paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from .scripts import CJK_TERMINALS, CLOSERS, INTRODUCERS, han_ratio


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    TABLE_ROW = "table-row"


@dataclass(slots=True)
class Block:
    """One block of the report. ``start``/``end`` span its content (markers excluded)."""

    index: int
    kind: BlockKind
    start: int
    end: int
    text: str
    line_start: int  # offset where the block's first line starts (markers included)
    numbering: str | None = None  # "一、", "（一）", "1." ... when the block opens with one
    level: int = 0  # heading level: 1 for 一、 or #, 2 for （一） or ##, ...
    lang: str = "zh"
    ignored: list[tuple[int, int]] = field(default_factory=list)  # inline code inside the block

    @property
    def is_prose(self) -> bool:
        return self.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)

    def in_code(self, offset: int) -> bool:
        """Is ``offset`` (absolute) inside inline code of this block? Code is quoted literally."""
        return any(s <= offset < e for s, e in self.ignored)

    def __len__(self) -> int:
        return self.end - self.start


_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+")
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
_THEMATIC = re.compile(r"^[ \t]{0,3}((\*[ \t]*){3,}|(-[ \t]*){3,}|(_[ \t]*){3,})$")
_BULLET = re.compile(r"^[ \t]{0,3}([-*+])[ \t]+")
_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
_INDENT = re.compile(r"^[ \t\u3000]+")
_CN_NUM = "一二三四五六七八九十百零〇"
_NUMBERING = re.compile(
    rf"^(?:"
    rf"(?P<l1>[{_CN_NUM}]+、)"
    rf"|(?P<l2>[（(][ \t]?[{_CN_NUM}]+[ \t]?[）)])"
    rf"|(?P<l0>第[{_CN_NUM}0-9]+[章节部分篇])"
    rf"|(?P<l3>[0-9]{{1,2}}[、.．](?![0-9]))"
    rf"|(?P<l4>[（(][0-9]{{1,2}}[）)])"
    rf"|(?P<l5>[①-⑳])"
    rf")"
)
_EMPHASIS_WRAP = re.compile(r"^(\*\*|__)(.+?)\1$")
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")  # whole backtick runs only: linear on long runs
# A sentence end inside a line: such a line is prose, not a title.
SENTENCE_INSIDE = re.compile(r"[。！？；!?;]|[.](\s|$)")


def numbering_of(text: str) -> tuple[str | None, int]:
    """The heading/list number that opens ``text`` and its level, or ``(None, 0)``."""
    m = _NUMBERING.match(text)
    if not m:
        return None, 0
    level = {"l0": 1, "l1": 1, "l2": 2, "l3": 3, "l4": 4, "l5": 5}[m.lastgroup or "l3"]
    return m.group(0), level


def ends_sentence(text: str) -> bool:
    """Does ``text`` end where a sentence may end (terminal, colon or closing mark)?"""
    t = text.rstrip()
    while t.endswith(("**", "__")):
        t = t[:-2].rstrip()
    if not t:
        return True
    last = t[-1]
    if last in CJK_TERMINALS or last in ".!?;" or last in INTRODUCERS or last in "—…":
        return True
    if last in CLOSERS:
        body = t.rstrip(CLOSERS)
        if not body:
            return True
        if body[-1] in CJK_TERMINALS or body[-1] in ".!?;:：—…":
            return True
        # A note in brackets after a finished sentence: ……5000套以上。（市住建局）
        opener = _opening_bracket(t)
        if opener > 0 and ends_sentence(t[:opener]):
            return True
        # A wholly bracketed or quoted paragraph, e.g. （注：数据已更新）
        return t[0] in "（(“\"'‘《【[" and len(t) < 200
    return False


_BRACKETS = {"）": "（(", ")": "（(", "】": "【[", "]": "【[", "〕": "〔"}


def _opening_bracket(text: str) -> int:
    """Offset of the bracket that the final ``）`` of ``text`` closes, or -1."""
    close = text[-1]
    if close not in _BRACKETS:
        return -1
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if ch in _BRACKETS and _BRACKETS[ch] == _BRACKETS[close]:
            depth += 1
        elif ch in _BRACKETS[close]:
            depth -= 1
            if depth == 0:
                return i
    return -1


def looks_like_title(text: str, lang: str) -> bool:
    """A short line with no sentence inside it: a title, byline, dateline or heading."""
    t = text.strip()
    m = _EMPHASIS_WRAP.match(t)
    if m:
        t = m.group(2).strip()
    if not t:
        return False
    if (t.startswith(("——", "――", "──", "--", "◇", "◆", "●", "■")) and len(t) <= 80 and not ends_sentence(t[:-1] or t)
            and not SENTENCE_INSIDE.search(t)):
        return True
    if ends_sentence(t):
        return False
    if lang == "zh":
        if len(t) <= 30 and not SENTENCE_INSIDE.search(t) and t.count("，") <= 1:
            return True
        num, _ = numbering_of(t)
        return num is not None and len(t) <= 60
    words = t.split()
    if len(words) <= 10 and (t[0].isupper() or t[0].isdigit()) and not SENTENCE_INSIDE.search(t):
        # ... but not a sentence cut short: "It will cost about $280 million a", "Confidently, we must"
        return words[-1].lower() not in _EN_FUNCTION_WORDS and not _EN_CLAUSE_COMMA.search(t)
    return False


# An English title does not end on these, nor carry a comma other than a date's (June 4, 2025).
_EN_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for with from and or but as that which who our your their its is are "
    "was were be been will would can could must should may might has have had than".split())
_EN_CLAUSE_COMMA = re.compile(r",(?!\s*\d)")


def _mask_spans(text: str) -> list[tuple[int, int]]:
    """Front matter, fenced code blocks and HTML comments: not prose."""
    spans: list[tuple[int, int]] = []
    # Front matter: --- ... --- (YAML) or +++ ... +++ (TOML) at the very top.
    for fence in ("---", "+++"):
        if text.startswith(fence + "\n") or text.startswith(fence + "\r\n"):
            close = re.search(rf"^{re.escape(fence)}[ \t]*$", text[len(fence) + 1:], re.M)
            if close:
                spans.append((0, len(fence) + 1 + close.end()))
            break
    # HTML comments anywhere.
    for m in re.finditer(r"<!--.*?(-->|\Z)", text, re.S):
        spans.append((m.start(), m.end()))
    # Fenced code blocks.
    pos = 0
    lines = text.splitlines(keepends=True)
    open_fence: tuple[str, int] | None = None
    for line in lines:
        marker = _FENCE.match(line)
        if open_fence is None and marker:
            open_fence = (marker.group(1)[0] * len(marker.group(1)), pos)
        elif open_fence is not None and marker and marker.group(1).startswith(open_fence[0]) and not line.strip().strip(open_fence[0][0]):
            spans.append((open_fence[1], pos + len(line.rstrip("\r\n"))))
            open_fence = None
        pos += len(line)
    if open_fence is not None:
        spans.append((open_fence[1], len(text)))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _blank_out(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace masked spans by spaces, keeping newlines, so offsets stay valid."""
    if not spans:
        return text
    parts = []
    last = 0
    for s, e in spans:
        parts.append(text[last:s])
        parts.append("".join("\n" if c == "\n" else " " for c in text[s:e]))
        last = e
    parts.append(text[last:])
    return "".join(parts)


def prose_view(text: str) -> str:
    """``text`` with its non-prose spans (front matter, fenced code, HTML comments) blanked
    out, newlines kept: same length, so offsets into it are offsets into ``text``."""
    return _blank_out(text, _mask_spans(text))


@dataclass(slots=True)
class _Line:
    start: int  # offset of the line's first character
    content_start: int  # after indentation and block markers
    end: int  # before the newline
    kind: str  # "text", "atx", "bullet", "table", "setext", "thematic", "blank"
    level: int = 0


def _scan_lines(view: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    n = len(view)
    while pos <= n:
        nl = view.find("\n", pos)
        end = n if nl == -1 else nl
        raw_end = end - 1 if end > pos and view[end - 1] == "\r" else end
        line = view[pos:raw_end]
        stripped = line.strip()
        if not stripped:
            out.append(_Line(pos, raw_end, raw_end, "blank"))
        elif _THEMATIC.match(line):
            out.append(_Line(pos, raw_end, raw_end, "thematic"))
        elif m := _ATX.match(line):
            content_end = raw_end
            tail = re.search(r"[ \t]+#+[ \t]*$", line)
            if tail:
                content_end = pos + tail.start()
            out.append(_Line(pos, pos + m.end(), content_end, "atx", len(m.group(1))))
        elif _SETEXT.match(line) and stripped[0] in "=-":
            out.append(_Line(pos, raw_end, raw_end, "setext", 1 if stripped[0] == "=" else 2))
        elif stripped.startswith("|"):
            out.append(_Line(pos, pos + (len(line) - len(line.lstrip())), raw_end, "table"))
        else:
            cs = pos
            m = _BLOCKQUOTE.match(line)
            if m:
                cs = pos + m.end()
                line = line[m.end():]
            m = _BULLET.match(line)
            if m:
                out.append(_Line(pos, cs + m.end(), raw_end, "bullet"))
            else:
                m = _INDENT.match(line)
                out.append(_Line(pos, cs + (m.end() if m else 0), raw_end, "text"))
        if nl == -1:
            break
        pos = nl + 1
    return out


def _ends_cjk_sentence(text: str) -> bool:
    t = text.rstrip()
    while t.endswith(("**", "__")):
        t = t[:-2].rstrip()
    if not t:
        return False
    t = t.rstrip(CLOSERS) or t
    if t[-1] in CJK_TERMINALS or t[-1] == "：":
        return True
    # An ASCII colon ends a Chinese line (one paragraph a line), but a hard-wrapped
    # English line that stops on "per finding:" goes on in the next one.
    return t[-1] == ":" and han_ratio(t) > 0.5


def _starts_new_paragraph(view: str, prev: _Line, ln: _Line) -> bool:
    """Whether text line ``ln`` opens a paragraph instead of continuing ``prev``.

    Chinese reports put one paragraph on a line; a full-width indent, a numbered
    head, a finished sentence or a title-like line before it all end a paragraph.
    """
    prev_text = view[prev.content_start:prev.end]
    this_text = view[ln.content_start:ln.end]
    return (
        (ln.content_start - ln.start > 0 and view[ln.start] in "\u3000")  # full-width indent
        or numbering_of(this_text.lstrip("*_"))[0] is not None
        or _ends_cjk_sentence(prev_text)
        or (han_ratio(prev_text) > 0.5 and looks_like_title(prev_text, "zh"))
    )


def _group_lines(view: str, lines: list[_Line]) -> list[list[_Line]]:
    """Gather scanned lines into the line groups that become blocks."""
    groups: list[list[_Line]] = []
    current: list[_Line] = []

    def flush() -> None:
        nonlocal current
        if current:
            groups.append(current)
            current = []

    for ln in lines:
        if ln.kind in ("blank", "thematic"):
            flush()
        elif ln.kind == "setext" and current and current[-1].kind == "text":
            # The text before it is a setext heading.
            head = current.pop()
            flush()
            groups.append([_Line(head.start, head.content_start, head.end, "atx", ln.level)])
        elif ln.kind in ("atx", "table", "setext"):
            flush()
            groups.append([ln])
        elif ln.kind == "bullet":
            # A list item opens a group of its own; the lines after it without a blank
            # line between are its lazy continuation (CommonMark), not new paragraphs.
            flush()
            current.append(ln)
        else:
            if current and _starts_new_paragraph(view, current[-1], ln):
                flush()
            current.append(ln)
    flush()
    return groups


def _kind_of(group: list[_Line], content: str, lang: str, level: int) -> tuple[BlockKind, int]:
    """The block kind (and heading level) of a line group with ``content``."""
    first = group[0]
    if first.kind == "atx":
        return BlockKind.HEADING, first.level
    if first.kind == "table":
        return BlockKind.TABLE_ROW, level
    if first.kind == "bullet":
        return BlockKind.LIST_ITEM, level
    if len(group) == 1 and (
        looks_like_title(content, lang)
        or (_EMPHASIS_WRAP.match(content.strip()) and not ends_sentence(content))
    ):
        return BlockKind.HEADING, level
    return BlockKind.PARAGRAPH, level


def parse_blocks(text: str) -> tuple[list[Block], list[tuple[int, int]]]:
    """Blocks of ``text`` and the masked (non-prose) spans."""
    masked = _mask_spans(text)
    view = _blank_out(text, masked)
    blocks: list[Block] = []
    for group in _group_lines(view, _scan_lines(view)):
        first, last = group[0], group[-1]
        start, end = first.content_start, last.end
        # Trim trailing whitespace of the block.
        while end > start and view[end - 1] in " \t\u3000\r":
            end -= 1
        if end <= start:
            continue
        content = text[start:end]
        lang = "zh" if han_ratio(content) >= 0.3 else "en"
        num, level = numbering_of(content.lstrip("*_"))
        kind, level = _kind_of(group, content, lang, level)
        ignored = [(start + m.start(), start + m.end()) for m in _INLINE_CODE.finditer(content)]
        blocks.append(Block(len(blocks), kind, start, end, content, first.start, num, level, lang, ignored))
    return blocks, masked
