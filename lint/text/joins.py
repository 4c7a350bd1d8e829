"""Logical paragraphs: blocks re-joined where a page break split a sentence.

A paragraph that ends without closing its sentence, followed by a paragraph, is
one paragraph the page (or a copy-paste) cut in two. Rules that compare what the
author wrote (duplicates, numbers) work on these; the truncation rules report the
breaks themselves.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .blocks import Block, BlockKind, ends_sentence
from .scripts import is_han


def continues(a: Block, b: Block) -> bool:
    """Could ``b`` be the rest of the sentence ``a`` leaves open?"""
    if a.kind is not BlockKind.PARAGRAPH or b.kind not in (BlockKind.PARAGRAPH,):
        return False
    if ends_sentence(a.text):
        return False
    if b.numbering is not None:
        return False
    return True


def joiner(left: str, right: str) -> str:
    """What joins two pieces: nothing between Han (or a word cut mid-way), else a space."""
    if not left or not right:
        return ""
    a, b = left[-1], right[0]
    if is_han(a) or is_han(b) or not a.isalnum() and not a in ",;:" or not b.isalnum() and b not in "(\"'“":
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


def logical_paragraphs(blocks: list[Block]) -> list[LogicalParagraph]:
    out: list[LogicalParagraph] = []
    group: list[Block] = []

    def flush() -> None:
        if not group:
            return
        parts: list[str] = []
        starts: list[int] = []
        pos = 0
        for k, blk in enumerate(group):
            if k:
                sep = joiner(parts[-1], blk.text)
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
        if group and not continues(group[-1], blk):
            flush()
        group.append(blk)
    flush()
    return out
