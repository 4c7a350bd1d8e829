"""Duplicated text: repeated paragraphs, near copies, copies hidden by page breaks, spliced spans.

Reports are assembled by copy and paste. What goes wrong leaves text that occurs
twice: a paragraph pasted again (word for word or with a few characters edited), a
paragraph pasted whole whose first copy a page break split in two, a long run of
one paragraph pasted onto the cut-off end of another, a sentence repeated.

One analysis per document finds all of it (see :mod:`reportlint.text.shingles` for
how it stays linear): exact copies by hashing folded logical paragraphs and their
page-break fragments, then near copies and shared runs from an anchor index,
confirmed by direct comparison. Each region is reported once, by the strongest
finding (paragraph before span before sentence), and always points at the first
occurrence, so a paragraph repeated N times gives N-1 findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from reportlint.diagnostic import Diagnostic, Edit, Fix, Related, Severity
from reportlint.rule import Rule
from reportlint.text.occurrences import OccurrenceIndex
from reportlint.text.shingles import (
    SharedRun,
    exact_key,
    fold,
    inside_quotes,
    link_units,
    quoted_spans,
    sentence_spans,
    shared_runs,
)

if TYPE_CHECKING:
    from reportlint.document import Document
    from reportlint.text.joins import LogicalParagraph

EXACT, NEAR, SPLIT, SPLICE, SENTENCE = "exact", "near", "split", "splice", "sentence"
# A paragraph counts as a quotation when this share of it lies inside quotation marks.
_QUOTATION_SHARE = 0.9
# Folded forms: full-width ，；：！？ have become , ; : ! ?
_TERMINALS = frozenset("。!?;…”’\"')）」』")
_CLAUSE_ENDS = _TERMINALS | frozenset(",:、 \n")
_WORD_END = re.compile(r"[A-Za-z0-9]+$")
_WORD_START = re.compile(r"^[A-Za-z0-9]+")
# Characters either side of a joint searched for the same text (see _Evidence).
_EVIDENCE_WINDOW = 60_000
# How many of the best-linked earlier paragraphs are compared in full for a near copy.
_NEAR_CANDIDATES = 3


@dataclass(frozen=True, slots=True)
class DupOptions:
    """Knobs of the shared analysis (each rule exposes its own)."""

    min_paragraph_chars: int = 50
    near_similarity: float = 95.0
    min_span_chars: int = 80
    min_sentence_chars: int = 40


@dataclass(slots=True)
class Finding:
    """One duplicated region of the document and where its first occurrence is."""

    kind: str
    start: int
    end: int
    rel_start: int
    rel_end: int
    similarity: float = 100.0
    length: int = 0
    fix: tuple[int, int] | None = None  # span to delete for a later exact copy
    note: str = ""


@dataclass(slots=True, eq=False)
class _Unit:
    """A logical paragraph prepared for comparison."""

    index: int
    lp: LogicalParagraph
    folded: str
    key: str = ""  # exact_key(folded)
    covered: list[tuple[int, int]] = field(default_factory=list)  # unit-relative, already reported

    def fragment(self, offset: int) -> tuple[int, int]:
        """Unit-relative span of the page-break fragment holding ``offset``."""
        lo, hi = 0, len(self.folded)
        for k, piece in enumerate(self.lp.piece_starts):
            if piece <= offset:
                lo, hi = piece, piece + len(self.lp.blocks[k].text)
        return lo, hi

    def is_covered(self, start: int, end: int) -> bool:
        """Is ``[start, end)`` (nearly) all inside regions already reported?"""
        return sum(e - s for s, e in self.uncovered(start, end)) <= 2

    def uncovered(self, start: int, end: int) -> list[tuple[int, int]]:
        """Parts of ``[start, end)`` not yet reported."""
        pieces = [(start, end)]
        for s, e in sorted(self.covered):
            nxt = []
            for ps, pe in pieces:
                if e <= ps or pe <= s:
                    nxt.append((ps, pe))
                    continue
                if ps < s:
                    nxt.append((ps, s))
                if e < pe:
                    nxt.append((e, pe))
            pieces = nxt
        return pieces


def _deletion(doc: Document, start: int, end: int, line_start: int) -> tuple[int, int]:
    """The span that removes a paragraph together with the blank line before it."""
    text = doc.text
    s = line_start
    while s > 0 and text[s - 1] in " \t\u3000\r\n":
        s -= 1
    if s > 0:
        return s, end
    e = end
    while e < len(text) and text[e] in " \t\u3000\r\n":
        e += 1
    return 0, e


def _where(unit: _Unit, start: int, end: int) -> str:
    """Which part of its page-break fragment a run is: the end, the start, all of it, or inside."""
    text = unit.folded
    lo, hi = unit.fragment(start)[0], unit.fragment(max(start, end - 1))[1]
    at_start = not text[lo:start].strip()
    at_end = not text[end:hi].strip()
    if at_start and at_end:
        return "all"
    return "end" if at_end else "start" if at_start else "middle"


def _lines(doc: Document, start: int, end: int) -> str:
    """``line 7`` or ``lines 7-9``: where a span lies, for messages."""
    first, last = doc.position(start)[0], doc.position(max(start, end - 1))[0]
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _is_quotation(folded: str) -> bool:
    """A paragraph that is (almost) all quotation is repeated on purpose."""
    inside = sum(e - s for s, e in quoted_spans(folded))
    return inside >= _QUOTATION_SHARE * len(folded.strip())


class _Evidence:
    """The document's own text, searched for the text across a joint.

    Later exact copies are left out (a copy repeats the joint it copies). In a
    very long document only a window around the joint is searched: a report's
    worth of text is evidence enough, and the cost per joint stays bounded.
    """

    def __init__(self, texts: list[str], skip: set[int]) -> None:
        self.offsets: dict[int, int] = {}
        parts: list[str] = []
        pos = 0
        for k, text in enumerate(texts):
            if k in skip:
                continue
            self.offsets[k] = pos
            parts.append(text)
            pos += len(text) + 1
        self.text = "\n".join(parts)

    @cached_property
    def occurrences(self) -> OccurrenceIndex:
        return OccurrenceIndex(self.text)

    @cached_property
    def lower(self) -> OccurrenceIndex:
        return OccurrenceIndex(self.text.lower())

    def seen(self, probe: str, unit: int, *, word_left: bool = False, word_right: bool = False) -> bool:
        """Does ``probe`` occur at least twice near ``unit`` (as a whole word when asked)?"""
        centre = self.offsets.get(unit, 0)
        lo, hi = max(0, centre - _EVIDENCE_WINDOW), min(len(self.text), centre + _EVIDENCE_WINDOW)
        latin = word_left or word_right
        index, probe = (self.lower, probe.lower()) if latin else (self.occurrences, probe)
        text = index.text
        found = 0
        for i in index.within(probe, lo, hi):
            j = i + len(probe)
            if (not word_left or i == 0 or not _is_word_char(text[i - 1])) and (
                    not word_right or j >= len(text) or not _is_word_char(text[j])):
                found += 1
                if found >= 2:
                    return True
        return False


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class _Analysis:
    """Every duplicated region of one document, strongest finding first."""

    def __init__(self, doc: Document, opts: DupOptions) -> None:
        self.doc = doc
        self.opts = opts
        self.units = []
        for k, lp in enumerate(doc.logical_paragraphs):
            folded = fold(lp.text)
            self.units.append(_Unit(k, lp, folded, exact_key(folded)))
        self.findings: list[Finding] = []
        self.copies: set[int] = set()

    def run(self) -> list[Finding]:
        self._exact_paragraphs()
        self._exact_fragments()
        self._near_and_spliced()
        return self.findings

    # -- whole logical paragraphs -----------------------------------------
    def _exact_paragraphs(self) -> None:
        """Whole logical paragraphs repeated, and a paragraph repeated as two (or two as one).

        A page break that falls right after a full stop leaves two paragraphs that
        no joiner would join; a copy of the whole is then the two run together. So
        each pair of neighbouring paragraphs is hashed too (as a hash: the pair's
        text is not kept).
        """
        first: dict[str, int] = {}
        first_pair: dict[int, int] = {}  # hash of two neighbours' keys -> index of the first of them
        minimum = self.opts.min_paragraph_chars
        for b, unit in enumerate(self.units):
            key = unit.key
            prev = self.units[b - 1] if b else None
            if len(key) >= minimum:
                a = first.setdefault(key, b)
                if a != b:
                    self._whole_copy(b, b, a, a)
                elif (pair := first_pair.get(hash(key))) is not None and pair + 1 < b and \
                        self.units[pair].key + self.units[pair + 1].key == key:
                    self._whole_copy(b, b, pair, pair + 1, joined=True)
            if prev is not None and b - 1 not in self.copies and b not in self.copies:
                both = prev.key + key
                if len(both) >= minimum and (a := first.get(both)) is not None and a < b - 1:
                    self._whole_copy(b - 1, b, a, a, joined=True)
                first_pair.setdefault(hash(both), b - 1)

    def _whole_copy(self, b0: int, b1: int, a0: int, a1: int, *, joined: bool = False) -> None:
        """Report paragraphs b0..b1 as a copy of a0..a1 (both inclusive)."""
        unit_b = self.units[b1]
        if _is_quotation(self.units[b0].folded + unit_b.folded if b0 != b1 else unit_b.folded):
            return
        start, end = self.units[b0].lp.start, unit_b.lp.end
        rel_start, rel_end = self.units[a0].lp.start, self.units[a1].lp.end
        if joined or a0 != a1 or b0 != b1:
            kind = SPLIT
        else:
            kind = EXACT if self._fragments(a0) == self._fragments(b0) else SPLIT
        fix = _deletion(self.doc, start, end, self.units[b0].lp.blocks[0].line_start)
        length = sum(len(self.units[k].key) for k in range(b0, b1 + 1))
        self.findings.append(Finding(kind, start, end, rel_start, rel_end, length=length, fix=fix))
        for k in range(b0, b1 + 1):
            self.units[k].covered.append((0, len(self.units[k].folded)))
            self.copies.add(k)

    def _fragments(self, u: int) -> list[str]:
        """Exact keys of the page-break fragments of a unit (one for an unsplit paragraph)."""
        unit = self.units[u]
        return [exact_key(unit.folded[lo:lo + len(blk.text)]) for lo, blk in zip(unit.lp.piece_starts, unit.lp.blocks)]

    def _exact_fragments(self) -> None:
        """A page-break fragment repeated as (or inside) another fragment or paragraph."""
        first: dict[str, tuple[int, int]] = {}
        for b, unit in enumerate(self.units):
            lp = unit.lp
            for k, block in enumerate(lp.blocks):
                lo = lp.piece_starts[k]
                folded = unit.folded[lo:lo + len(block.text)]
                key = exact_key(folded)
                if len(key) < self.opts.min_paragraph_chars:
                    continue
                a, ka = first.setdefault(key, (b, k))
                if (a, ka) == (b, k) or b in self.copies or _is_quotation(folded):
                    continue
                if not lp.is_split and not self.units[a].lp.is_split:
                    continue  # whole paragraphs: settled above
                src = self.units[a].lp.blocks[ka]
                fix = _deletion(self.doc, block.start, block.end, block.line_start)
                self.findings.append(Finding(EXACT, block.start, block.end, src.start, src.end,
                                             length=len(key), fix=fix, note="fragment"))
                unit.covered.append((lo, lo + len(block.text)))

    # -- near copies and shared runs --------------------------------------
    def _near_and_spliced(self) -> None:
        texts = [u.folded for u in self.units]
        anchor_counts: dict[int, int] = {}
        for links in link_units(texts, skip=self.copies):
            b = links.unit
            anchor_counts[b] = links.anchor_count
            unit = self.units[b]
            if not links.diagonals:
                continue
            per_unit = links.per_unit
            if not unit.covered and self._near(b, per_unit, anchor_counts):
                continue  # the whole paragraph is a near copy
            runs = shared_runs(texts, links, min(self.opts.min_span_chars, self.opts.min_sentence_chars))
            for run in runs:
                if run.length >= self.opts.min_span_chars:
                    self._spliced(run)
            if runs:
                self._sentences(b, runs)

    def _near(self, b: int, per_unit: Mapping[int, int], anchor_counts: Mapping[int, int]) -> bool:
        """Is unit ``b`` (or, in a joined paragraph, one of its fragments) a near copy of an earlier one?

        Only the best-linked earlier units are compared in full. A fragment is
        tried as well because a copy pasted right after a page-break fragment is
        joined to it.
        """
        unit = self.units[b]
        own = anchor_counts[b]
        ranked = sorted(((n, -a) for a, n in per_unit.items() if a != b), reverse=True)[:_NEAR_CANDIDATES]
        sources = [-neg_a for n, neg_a in ranked if 4 * n >= own or (n >= 2 and unit.lp.is_split)]
        if not sources:
            return False  # shares too few anchors (a quarter is enough: the source may be a splice)
        pieces = [(0, len(unit.folded))]
        if unit.lp.is_split:
            pieces += [(lo, lo + len(blk.text)) for lo, blk in zip(unit.lp.piece_starts, unit.lp.blocks)]
        for lo, hi in pieces:
            found = self._best_source(exact_key(unit.folded[lo:hi]), sources)
            if found is None or _is_quotation(unit.folded[lo:hi]):
                continue
            score, a = found
            lp_a = self.units[a].lp
            start, end = unit.lp.to_doc_span(lo, hi)
            self.findings.append(Finding(NEAR, start, end, lp_a.start, lp_a.end, similarity=score,
                                         length=len(exact_key(unit.folded[lo:hi]))))
            unit.covered.append((lo, hi))
            if (lo, hi) == (0, len(unit.folded)):
                return True
        return False

    def _best_source(self, key_b: str, sources: list[int]) -> tuple[float, int] | None:
        """The most similar (then earliest) source at or above the threshold, with its similarity."""
        if len(key_b) < self.opts.min_paragraph_chars:
            return None
        best: tuple[float, int] | None = None
        for a in sources:
            key_a = self.units[a].key
            if abs(len(key_a) - len(key_b)) > (100 - self.opts.near_similarity) / 50 * max(len(key_a), len(key_b)):
                continue
            from rapidfuzz.fuzz import ratio  # only once a candidate gets this far

            score = ratio(key_a, key_b, score_cutoff=self.opts.near_similarity)
            if score and (best is None or score > best[0] or (score == best[0] and a < best[1])):
                best = (score, a)
        return best

    def _spliced(self, run: SharedRun) -> None:
        """Report the parts of a shared run not yet reported, when they look pasted in."""
        unit_b, unit_a = self.units[run.b], self.units[run.a]
        for s, e in unit_b.uncovered(run.b_start, run.b_end):
            length = len(unit_b.folded[s:e].strip())  # characters as written (English counts its spaces)
            if length < self.opts.min_span_chars:
                continue
            a_s, a_e = run.a_start + (s - run.b_start), run.a_start + (e - run.b_start)
            if not self._spliced_in(unit_b, s, e, unit_a, a_s, a_e):
                continue
            if inside_quotes(quoted_spans(unit_b.folded), s, e) and inside_quotes(quoted_spans(unit_a.folded), a_s, a_e):
                continue
            start, end = unit_b.lp.to_doc_span(s, e)
            rel_start, rel_end = unit_a.lp.to_doc_span(a_s, a_e)
            self.findings.append(Finding(SPLICE, start, end, rel_start, rel_end, length=length,
                                         note=_where(unit_a, a_s, a_e)))
            unit_b.covered.append((s, e))

    def _spliced_in(self, unit_b: _Unit, start: int, end: int, unit_a: _Unit, a_start: int, a_end: int) -> bool:
        """Was ``[start, end)`` pasted over the cut-off end of its paragraph?

        The pattern of a splice: the run is the end of its source paragraph (or
        page-break fragment) and the end of the paragraph it was pasted into, and
        where it starts the sentence breaks: the text on the two sides of the
        joint (a character pair, or in English the word the joint cuts) occurs
        nowhere else in the document. A formula the report repeats on purpose (the
        guiding principles, a target restated in an annex) starts at a natural
        joint or carries on differently, and is not reported.
        """
        text_b, text_a = unit_b.folded, unit_a.folded
        lo_b = unit_b.fragment(start)[0]
        if text_b[end:unit_b.fragment(end - 1)[1]].strip() or text_a[a_end:unit_a.fragment(a_end - 1)[1]].strip():
            return False
        if not text_b[lo_b:start].strip():
            return True  # the whole fragment repeats the end of another
        if _ITEM_LEAD.match(text_b[lo_b:start].strip()) and _clause_boundary_near(text_b, start) \
                and _clause_boundary_near(text_a, a_start):
            return False  # a numbered item names its task, then restates a target clause for clause
        return not self._natural_joint(unit_b.index, text_b[lo_b:start], text_b[start:end])

    def _natural_joint(self, unit: int, left: str, right: str) -> bool:
        """Does the text across a joint occur elsewhere in the document too?

        Chinese: the character pair on the two sides. Latin script: the word the
        joint runs through (``Dig|nhanced``), or the two words on either side of a
        space (``four| indicators``), matched as whole words.
        """
        head_text, tail_text = left.rstrip(), right.lstrip()
        if not head_text or not tail_text:
            return True
        spaced = len(head_text) != len(left) or len(tail_text) != len(right)
        m_head, m_tail = _WORD_END.search(head_text), _WORD_START.match(tail_text)
        head = m_head.group(0) if m_head else head_text[-1]
        tail = m_tail.group(0) if m_tail else tail_text[0]
        probe = head + (" " if spaced else "") + tail
        seen = self.evidence.seen
        if not (m_head or m_tail):
            if not (head.isalnum() and tail.isalnum()):
                return seen(probe, unit)  # at punctuation: a clause boundary, unless unheard of
            # Between two characters: the pair, seen again with a neighbour on either side.
            wider = (head_text[-2:] + tail, head + tail_text[:2])
            return seen(probe, unit) and any(seen(w, unit) for w in wider if len(w) == 3)
        return seen(probe, unit, word_left=bool(m_head), word_right=bool(m_tail))

    @cached_property
    def evidence(self) -> _Evidence:
        return _Evidence([u.folded for u in self.units], self.copies)

    # -- sentences --------------------------------------------------------
    def _sentences(self, b: int, runs: list[SharedRun]) -> None:
        """Long sentences of unit ``b`` that lie inside a run shared with an earlier unit.

        A repeated sentence is a shared run, so only units the anchor index links
        are looked at, and only their long sentences inside the runs. The first
        occurrence is the earliest unit whose run holds the sentence.
        """
        unit = self.units[b]
        folded = unit.folded
        quotes: list[tuple[int, int]] | None = None
        for s, e in sentence_spans(folded, self.opts.min_sentence_chars):
            holders = [r for r in runs if r.b_start <= s and e <= r.b_end]
            if not holders or folded[e - 1] not in _TERMINALS or unit.is_covered(s, e):
                continue  # a label line (责任单位：…) is no sentence
            length = len(exact_key(folded[s:e]))
            if length < self.opts.min_sentence_chars:
                continue
            run = min(holders, key=lambda r: (r.a, r.a_start))
            a_s, a_e = run.a_start + s - run.b_start, run.a_start + e - run.b_start
            source = self.units[run.a].folded
            if a_s > 0 and source[a_s - 1] not in _CLAUSE_ENDS:
                continue  # the same words inside a longer sentence: a shared phrase
            quotes = quoted_spans(folded) if quotes is None else quotes
            if inside_quotes(quotes, s, e) and inside_quotes(quoted_spans(self.units[run.a].folded), a_s, a_e):
                continue
            start, end = unit.lp.to_doc_span(s, e)
            rel_start, rel_end = self.units[run.a].lp.to_doc_span(a_s, a_e)
            self.findings.append(Finding(SENTENCE, start, end, rel_start, rel_end, length=length))
            unit.covered.append((s, e))


def analyse(doc: Document, options: Mapping[str, Any]) -> list[Finding]:
    """The duplication findings of ``doc`` (cached: every rule of the family shares one run)."""
    known = {k: options[k] for k in DupOptions.__dataclass_fields__ if k in options}
    opts = DupOptions(**known)
    key = ("duplication", opts)
    cached = doc.cache.get(key)
    if cached is None:
        cached = doc.cache[key] = _Analysis(doc, opts).run()
    return cached


def _merged(options: Mapping[str, Any]) -> dict[str, Any]:
    """Defaults of every rule of the family, overridden by the calling rule's options."""
    merged: dict[str, Any] = {}
    for rule in RULES:
        merged.update(rule.options)
    merged.update(options)
    return merged


class _DuplicationRule(Rule):
    """Shared reporting for the family: each rule reports one kind of finding."""

    category = "duplication"
    kind = ""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        repeat = document_repeat(doc)
        # The copies of a repeated document are one finding (DUP006), not hundreds of pieces.
        stop = repeat.starts[1] if repeat is not None else len(doc.text) + 1
        for f in analyse(doc, _merged(options)):
            if f.kind == self.kind and f.start < stop:
                yield self._diagnostic(doc, f)

    def _diagnostic(self, doc: Document, f: Finding) -> Diagnostic:
        line = doc.position(f.rel_start)[0]
        fix = None
        if f.fix is not None:
            fix = Fix("unsafe", "delete the repeated text", (Edit(f.fix[0], f.fix[1], ""),))
        return self.report(f.start, f.end, self.message(f, line, doc),
                           related=[Related(f.rel_start, f.rel_end, "first occurrence")], fix=fix,
                           fingerprint_text=doc.text[f.start:f.start + 40])

    def message(self, f: Finding, line: int, doc: Document) -> str:
        raise NotImplementedError


class DuplicateParagraph(_DuplicationRule):
    code = "DUP001"
    name = "duplicate-paragraph"
    severity = Severity.ERROR
    kind = EXACT
    summary = "paragraph repeats an earlier one word for word"
    explanation = """\
A paragraph pasted twice. The comparison ignores whitespace and full/half-width
forms (，/, ２/2), so a copy that only differs in those is still a copy. A
page-break fragment repeated elsewhere is reported too. The unsafe fix deletes
the later copy and the blank line before it.

Wrong:  这一年，我们聚焦铸作风，全力加强政府自身建设……  (line 37)
        ……
        这一年，我们聚焦铸作风，全力加强政府自身建设……  (line 47, again)
Right:  keep the paragraph once.
"""
    options = {"min_paragraph_chars": 50}

    def message(self, f: Finding, line: int, doc: Document) -> str:
        what = "text" if f.note == "fragment" else "paragraph"
        return f"{what} repeats the one at {_lines(doc, f.rel_start, f.rel_end)} word for word ({f.length} characters)"


class NearDuplicateParagraph(_DuplicationRule):
    code = "DUP002"
    name = "near-duplicate-paragraph"
    severity = Severity.WARNING
    kind = NEAR
    summary = "paragraph is a near copy of an earlier one"
    explanation = """\
A paragraph pasted again and then edited in a few places (or mistyped in one
copy). The message gives the similarity; decide which copy is right and delete
the other.

Wrong:  打造高水平人才高地。深入实施人才强市战略……
        ……
        打造高水平人才高并。深入实施人在强市战略……   (98.8% similar)
Right:  keep one copy, with the right wording.
"""
    options = {"near_similarity": 95.0}

    def message(self, f: Finding, line: int, doc: Document) -> str:
        return f"paragraph is a near copy ({f.similarity:.1f}% similar) of the one at line {line}"


class SplitDuplicateParagraph(_DuplicationRule):
    code = "DUP003"
    name = "split-duplicate-paragraph"
    severity = Severity.ERROR
    kind = SPLIT
    summary = "paragraph repeats an earlier one that a page break splits (or is split itself)"
    explanation = """\
The same paragraph occurs twice, but one copy is cut in two by a page break, so
no line-by-line comparison sees the repeat. Paragraphs are compared as the
author wrote them, with the fragments joined again.

Wrong:  这一年，我们聚焦铸作风……从严从实抓好省委巡视      (line 37)
        反馈问题整改，持续做好巡视“后半篇文章”……          (line 39)
        ……
        这一年，我们聚焦铸作风……从严从实抓好省委巡视反馈问题整改……  (line 47)
Right:  keep the paragraph once (and join the page-break split).
"""
    options: Mapping[str, Any] = {}

    def message(self, f: Finding, line: int, doc: Document) -> str:
        here = (doc.position(f.start)[0], doc.position(max(f.start, f.end - 1))[0])
        where = _lines(doc, f.rel_start, f.rel_end)
        split = "split by a page break here" if here[0] != here[1] else "which a page break splits"
        if here[0] != here[1]:
            return f"paragraph ({split}) repeats the one at {where}"
        return f"paragraph repeats the one at {where}, {split}"


_CLAUSE_MARKS = frozenset("，、；：。！？,;:")
# A numbered item with a short name before its text (2．促进城乡, （三）稳定): how an annex
# of tasks lists the targets the report states in its body.
_ITEM_LEAD = re.compile(r"^(?:[0-9]{1,2}[.．、]|[（(][0-9一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)\s*\S{0,10}$")


def _clause_boundary_near(text: str, start: int, reach: int = 3) -> bool:
    """Does a shared run begin just before a clause boundary (……灵活就业，确保 /
    ……城乡就业，确保: the run starts at 就业 only because both clauses end on it)?
    Then the copies share whole clauses from that boundary on."""
    return any(ch in _CLAUSE_MARKS for ch in text[start:start + reach])


class SplicedSpan(_DuplicationRule):
    code = "DUP004"
    name = "spliced-span"
    severity = Severity.ERROR
    kind = SPLICE
    summary = "the end of another paragraph pasted over this paragraph's cut-off end"
    explanation = """\
A long run of text (80+ characters by default) shared with another paragraph,
where the paste shows: the run is the end of its source and the end of this
paragraph, and where it starts the sentence breaks (the characters, or the
word, on the two sides of the joint occur nowhere else in the report). The span
in the later paragraph is reported with its length; `related` points at the
source. A formula a report repeats on purpose (the guiding principles, a target
restated in an annex) joins its sentence naturally and is not reported.

Wrong:  这一年，我们聚焦县镇村，全力推动……江门“大型产业集聚区”……完成年度
        (736 characters from 新增债券投向… on are the end of the paragraph at line 17)
Right:  restore the paragraph's own ending.
"""
    options = {"min_span_chars": 80}

    def message(self, f: Finding, line: int, doc: Document) -> str:
        part = {"end": "the end of", "start": "the start of", "all": "all of", "middle": "a passage of"}[f.note]
        return f"{f.length} characters repeat {part} the paragraph at line {line}"


class DuplicateSentence(_DuplicationRule):
    code = "DUP005"
    name = "duplicate-sentence"
    severity = Severity.INFO
    kind = SENTENCE
    summary = "a long sentence occurs twice"
    explanation = """\
A long sentence repeated word for word elsewhere in the report. Sometimes a
deliberate restatement, often a paste left behind. Sentences inside a repeated
paragraph or span are not reported again. Quotations are ignored.

Wrong:  ……全年新增城镇就业5.2万人，城镇调查失业率控制在5.5%以内。…… (twice)
Right:  state it once, or vary the restatement.
"""
    options = {"min_sentence_chars": 40}

    def message(self, f: Finding, line: int, doc: Document) -> str:
        return f"sentence ({f.length} characters) repeats one at line {line}"


# -- the whole document repeated ------------------------------------------------

_PROBES = 24
_PROBE_CHARS = 24
# Share of probes that must occur more than once for the text to count as repeated.
_REPEATED_SHARE = 0.8
_SKIPPED = re.compile(r"[\s*_#>|]+")


@dataclass(frozen=True, slots=True)
class Repeat:
    """A document whose text is held ``copies`` times over; ``starts`` are the offsets
    where each copy begins (the first is where the text begins)."""

    copies: int
    starts: tuple[int, ...]


def document_repeat(doc: Document) -> Repeat | None:
    """Is the whole text several copies of one text (a file that holds a speech five
    times over, as separate paragraphs or merged into a few huge ones)?

    Probes spread evenly over the text, whitespace and Markdown markers removed so
    that merged paragraphs still match: when most of them occur the same number of
    times k >= 2, the text is k copies; the copies start where the first probe recurs."""
    cached = doc.cache.get("duplication.repeat", False)
    if cached is not False:
        return cached
    result = _find_repeat(doc)
    doc.cache["duplication.repeat"] = result
    return result


def _find_repeat(doc: Document) -> Repeat | None:
    text = doc.text
    pos = doc.blocks[0].start if doc.blocks else 0
    kept: list[str] = []
    pieces: list[int] = []  # offset in the folded text where each kept piece starts
    where: list[int] = []  # offset in the document where each kept piece starts
    size = 0
    for m in _SKIPPED.finditer(text + " ", pos):
        if m.start() > pos:
            kept.append(text[pos:m.start()])
            pieces.append(size)
            where.append(pos)
            size += m.start() - pos
        pos = m.end()
    folded = "".join(kept)
    n = len(folded)
    if n < 20 * _PROBES:
        return None
    counts = []
    for i in range(_PROBES):
        at = (n * i) // _PROBES
        counts.append(folded.count(folded[at:at + _PROBE_CHARS]))
    repeated = sorted(c for c in counts if c >= 2)
    if len(repeated) < _REPEATED_SHARE * _PROBES:
        return None
    k = repeated[len(repeated) // 2]
    # The earliest probe held k times; the copies start where its occurrences, read
    # backwards, stop agreeing (a title printed once before the copies is no copy).
    first = next((n * i) // _PROBES for i, c in enumerate(counts) if c == k)
    probe = folded[first:first + _PROBE_CHARS]
    occ, i = [], folded.find(probe)
    while i != -1:
        occ.append(i)
        i = folded.find(probe, i + 1)
    if len(occ) != k:
        return None
    back = 0
    while back < occ[0] and folded[occ[0] - back - 1] == folded[occ[1] - back - 1]:
        back += 1
    starts_f = [o - back for o in occ]

    def to_doc(f: int) -> int:
        lo, hi = 0, len(pieces) - 1
        while lo < hi:  # the last piece that starts at or before f
            mid = (lo + hi + 1) // 2
            if pieces[mid] <= f:
                lo = mid
            else:
                hi = mid - 1
        return where[lo] + (f - pieces[lo])

    return Repeat(k, tuple(to_doc(f) for f in starts_f))


class RepeatedDocument(Rule):
    code = "DUP006"
    name = "repeated-document"
    category = "duplication"
    severity = Severity.ERROR
    summary = "the whole document is repeated: the file holds its text several times over"
    explanation = """A file that holds the whole report two or more times, one copy after the other,
either as paragraphs or merged into a few very long paragraphs (as scraping a page
that repeats its content produces). It is reported once, at the second copy; the
pieces of the later copies are not reported one by one. The unsafe fix keeps the
first copy.

Wrong:  各位代表：现在，我代表……（the whole report）各位代表：现在，我代表……（again）
Right:  the report once.
"""

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        repeat = document_repeat(doc)
        if repeat is None:
            return
        s = repeat.starts[1]
        lines = ", ".join(str(doc.position(x)[0]) for x in repeat.starts)
        yield self.report(s, min(len(doc.text), s + 40),
                          f"the whole document is repeated: {repeat.copies} copies, starting at lines {lines}",
                          related=[Related(repeat.starts[0], min(len(doc.text), repeat.starts[0] + 40), "first copy")],
                          fix=Fix("unsafe", "keep the first copy", (Edit(s, len(doc.text.rstrip()), ""),)),
                          fingerprint_text=doc.text[s:s + 40])


RULES: list[type[Rule]] = [
    RepeatedDocument,
    DuplicateParagraph,
    NearDuplicateParagraph,
    SplitDuplicateParagraph,
    SplicedSpan,
    DuplicateSentence,
]
