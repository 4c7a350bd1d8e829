"""Cut a document's text into properly nested marks, one per highlighted span.

Findings overlap: a repeated paragraph holds a split sentence, a spliced span runs
into the next finding. HTML elements must nest, so a span that starts inside another
and ends after it is cut where the outer one closes and reopened right after: each
span becomes one or more *pieces*, and the text of its pieces, in order, is exactly
its span. Offsets are code points of the Python string; the slicing is done here,
never in the page's script, whose strings count UTF-16 units.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# Kinds of span; at the same start and end a finding encloses a related place.
FINDING, RELATED = "f", "r"
_KIND_ORDER = {FINDING: 0, RELATED: 1}


@dataclass(frozen=True, slots=True)
class Span:
    """A highlighted range ``[start, end)``: a finding (``ref`` its id) or the ``sub``-th related
    place of finding ``ref``."""

    start: int
    end: int
    kind: str
    ref: int
    sub: int = 0


@dataclass(frozen=True, slots=True)
class Token:
    """One step of the marked-up text: ``text`` to show, or the opening (``first``: the span's
    first piece, which carries its anchor) or closing of ``span``."""

    op: str  # "text", "open", "close", or "break" (every open span closed and reopened around it)
    text: str = ""
    span: Span | None = None
    first: bool = False
    at: int = 0  # where a break is


def nest(text: str, spans: Iterable[Span], breaks: Iterable[int] = ()) -> Iterator[Token]:
    """The tokens of ``text`` with every span opened and closed, properly nested.

    Spans are clipped to the text. An empty span gives an opening and a closing with no
    text between (the page draws it as a caret). The stack of open spans is innermost
    last; when the span that ends first is not the innermost, the spans above it are
    closed and reopened as new pieces. At each of ``breaks`` (offsets) all open spans are
    closed, a ``break`` token is given and they are reopened: the page is cut there into
    blocks that the browser lays out only when they are scrolled to.
    """
    n = len(text)
    todo = sorted((Span(min(max(s.start, 0), n), min(max(s.end, s.start, 0), n), s.kind, s.ref, s.sub) for s in spans),
                  key=lambda s: (s.start, -s.end, _KIND_ORDER.get(s.kind, 2), s.ref, s.sub))
    cuts = sorted(b for b in set(breaks) if 0 < b < n)
    w = _Writer(text)
    k = 0
    for span in todo:
        while k < len(cuts) and cuts[k] <= span.start:  # a cut where a span starts comes first
            yield from w.cut(cuts[k])
            k += 1
        yield from w.close_until(span.start)
        yield from w.text_to(span.start)
        w.stack.append(span)
        yield Token("open", span=span, first=True)
    for cut in cuts[k:]:
        yield from w.cut(cut)
    yield from w.close_until(n)
    yield from w.text_to(n)


class _Writer:
    """The text written so far (``cursor``) and the spans open there (innermost last)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cursor = 0
        self.stack: list[Span] = []

    def text_to(self, pos: int) -> Iterator[Token]:
        if pos > self.cursor:
            yield Token("text", self.text[self.cursor:pos])
            self.cursor = pos

    def close_until(self, limit: int) -> Iterator[Token]:
        """Close, in order of their ends, the open spans that end at or before ``limit``;
        reopen as new pieces those that were inside one of them and go on past its end."""
        stack = self.stack
        while stack:
            end = min(s.end for s in stack)
            if end > limit:
                return
            yield from self.text_to(end)
            low = next(i for i, s in enumerate(stack) if s.end == end)
            above = stack[low + 1:]
            for s in reversed(stack[low:]):
                yield Token("close", span=s)
            del stack[low:]
            for s in above:
                if s.end > end:
                    stack.append(s)
                    yield Token("open", span=s)

    def cut(self, pos: int) -> Iterator[Token]:
        yield from self.close_until(pos)
        yield from self.text_to(pos)
        for s in reversed(self.stack):
            yield Token("close", span=s)
        yield Token("break", at=pos)
        for s in self.stack:
            yield Token("open", span=s)
