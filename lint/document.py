"""The document model: one per file, built once, shared by every rule.

Every analysis is a lazily computed, cached property, so a rule pays only for what
it uses and no analysis runs twice. Every position is a code-point offset into
``Document.text`` (decoded, BOM removed, line endings kept).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .text.blocks import Block, BlockKind, parse_blocks
from .text.joins import Evidence, LogicalParagraph, logical_paragraphs
from .text.lines import LineIndex
from .text.occurrences import OccurrenceIndex
from .text.scripts import han_ratio, script_runs
from .text.sentences import clause_spans, sentence_spans

if TYPE_CHECKING:
    from collections.abc import Iterator


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the blocks under it, up to the next heading of its level or above."""

    heading: Block | None
    parent: int | None  # index into Document.sections
    start: int
    end: int


class Document:
    """A decoded report and the analyses rules need."""

    def __init__(self, text: str, path: str = "-", *, encoding: str = "utf-8",
                 page_cuts: frozenset[int] = frozenset()) -> None:
        self.text = text
        self.path = path
        self.encoding = encoding
        # Offsets where a page of the source document (a PDF) ended a paragraph on a line that ran
        # to the right margin, and the next page opened a new paragraph: the layout's evidence
        # that the text was cut there, which the text alone cannot give. Empty for text reports.
        self.page_cuts = page_cuts
        # Cross-rule scratch space for analyses added by plugins (keyed by their name).
        self.cache: dict[str, Any] = {}

    # -- positions ---------------------------------------------------------
    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column in code points) of ``offset``."""
        return self.lines.position(offset)

    # -- structure ---------------------------------------------------------
    @cached_property
    def _parsed(self) -> tuple[list[Block], list[tuple[int, int]]]:
        return parse_blocks(self.text)

    @cached_property
    def blocks(self) -> list[Block]:
        """Headings, paragraphs, list items and table rows, in order."""
        return self._parsed[0]

    @cached_property
    def masked(self) -> list[tuple[int, int]]:
        """Spans that are not prose: front matter, code blocks, HTML comments."""
        return self._parsed[1]

    @cached_property
    def paragraphs(self) -> list[Block]:
        """Prose blocks (paragraphs and list items)."""
        return [b for b in self.blocks if b.is_prose]

    @cached_property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.HEADING]

    @cached_property
    def occurrences(self) -> OccurrenceIndex:
        """Where else a string occurs in the text: one index, shared by every rule that asks."""
        return OccurrenceIndex(self.text)

    @cached_property
    def evidence(self) -> Evidence:
        """Document-internal statistics (character pairs, clause openers, Latin words)
        that tell a page-break split from a lost ending; memoised, shared by rules."""
        return Evidence(self.text, self.occurrences)

    @cached_property
    def logical_paragraphs(self) -> list[LogicalParagraph]:
        """Paragraphs re-joined across page-break splits."""
        return logical_paragraphs(self.blocks, self.evidence)

    @cached_property
    def language(self) -> str:
        """``zh`` when Han makes up a real share of the letters, else ``en``."""
        sample = "".join(b.text for b in self.paragraphs[:200]) or self.text[:20000]
        return "zh" if han_ratio(sample) >= 0.3 else "en"

    @cached_property
    def sections(self) -> list[Section]:
        """The heading tree, flattened; see :meth:`section_of`."""
        out: list[Section] = [Section(None, None, 0, len(self.text))]
        stack: list[tuple[int, int]] = [(0, 0)]  # (level, section index)
        for blk in self.headings:
            level = blk.level or 9  # unnumbered titles nest below everything numbered
            while len(stack) > 1 and stack[-1][0] >= level:
                stack.pop()
            out.append(Section(blk, stack[-1][1], blk.start, len(self.text)))
            stack.append((level, len(out) - 1))
        # Close each section where the next heading of its level or above starts.
        closed = list(out)
        for i in range(1, len(out)):
            lvl_i = out[i].heading.level or 9  # type: ignore[union-attr]
            for j in range(i + 1, len(out)):
                lvl_j = out[j].heading.level or 9  # type: ignore[union-attr]
                if lvl_j <= lvl_i:
                    closed[i] = Section(out[i].heading, out[i].parent, out[i].start, out[j].start)
                    break
        return closed

    def section_path(self, offset: int) -> list[Section]:
        """Sections enclosing ``offset``, outermost first."""
        innermost = 0
        for i, sec in enumerate(self.sections):
            if sec.start <= offset < sec.end and i:
                innermost = i
        path: list[Section] = []
        idx: int | None = innermost
        while idx is not None:
            path.append(self.sections[idx])
            idx = self.sections[idx].parent
        return list(reversed(path))

    # -- sentences ---------------------------------------------------------
    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans of every prose block, in order."""
        out: list[tuple[int, int]] = []
        for b in self.paragraphs:
            out.extend(sentence_spans(b.text, b.start))
        return out

    def sentences_of(self, block: Block) -> list[tuple[int, int]]:
        return sentence_spans(block.text, block.start)

    def clauses_of(self, block: Block) -> list[tuple[int, int]]:
        return clause_spans(block.text, block.start)

    def script_runs(self, block: Block) -> Iterator[tuple[str, int, int]]:
        """``(script, start, end)`` runs of a block, absolute offsets."""
        for kind, s, e in script_runs(block.text):
            yield kind, block.start + s, block.start + e

    def is_masked(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        return any(s < end and start < e for s, e in self.masked)
