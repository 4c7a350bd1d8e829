"""What the HTML page shows, computed from the run: the template only lays it out.

Every position is resolved here, in code points (line and column as the terminal shows
them, text cut into marks by :mod:`.html_spans`), so the page's script never counts
characters. Related places in another linted file are marked in that file's text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from .. import __version__
from ..diagnostic import CATEGORIES, Diagnostic, Related
from ..runner import FileResult, RunResult
from .common import CATEGORY_COLORS, UNKNOWN_COLOR
from .escape import escape_controls
from .html_spans import FINDING, RELATED, Span, Token, nest

SEVERITIES = ("error", "warning", "info")
CONTEXT = 24  # characters of unchanged text shown on each side of a fix's edit
LONG = 160  # text longer than this is shown as its head and tail around a count
KEEP = 60  # characters kept at each end of a long text
MAX_EDITS = 5  # edits of one fix shown before/after; the rest are counted
# The text is cut into blocks of about this many characters, at line ends, that the browser
# lays out only when they come into view: a 3 MB report then opens as fast as a short one.
BLOCK = 2000
# A block's height before it is laid out, guessed from its lines: a line of the page holds
# about LINE_CHARS characters and is LINE_PX pixels high.
LINE_CHARS, LINE_PX = 45, 30


@dataclass(frozen=True, slots=True)
class Shortened:
    """A text that may be too long to show whole: ``head``, then ``elided`` characters left
    out, then ``tail`` (``elided == 0``: ``head`` is the whole text)."""

    head: str
    elided: int = 0
    tail: str = ""


@dataclass(frozen=True, slots=True)
class EditView:
    before: str
    old: Shortened
    new: Shortened
    after: str


@dataclass(frozen=True, slots=True)
class FixView:
    safe: bool
    message: str
    edits: list[EditView]
    more: int


@dataclass(frozen=True, slots=True)
class RelatedView:
    anchor: str | None  # id of the marked place, None when its file is not on the page
    message: str
    where: str


@dataclass(slots=True)
class FindingView:
    id: int
    code: str
    rule: str
    category: str
    severity: str
    message: str
    line: int
    column: int
    text: Shortened
    related: list[RelatedView] = field(default_factory=list)
    fix: FixView | None = None


@dataclass(slots=True)
class FileView:
    index: int
    path: str
    language: str
    text: str
    findings: list[FindingView] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    notice: str | None = None

    @property
    def anchor(self) -> str:
        return f"file-{self.index}"

    def tokens(self) -> Iterator[Token]:
        return nest(self.text, self.spans, self.blocks)

    @property
    def blocks(self) -> list[int]:
        """Where the text's blocks start after the first: at the line end reached after
        every :data:`BLOCK` characters."""
        cuts: list[int] = []
        at = 0
        while True:
            end = self.text.find("\n", at + BLOCK)
            if end < 0 or end + 1 >= len(self.text):
                return cuts
            at = end + 1
            cuts.append(at)

    def block_height(self, start: int) -> int:
        """Guessed height in pixels of the block that starts at ``start``."""
        end = self.text.find("\n", start + BLOCK)
        block = self.text[start:len(self.text) if end < 0 else end + 1]
        return LINE_PX * sum(1 + len(line) // LINE_CHARS for line in block.split("\n"))

    def count(self, category: str) -> int:
        return sum(1 for f in self.findings if f.category == category)


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    title: str
    category: str
    count: int
    percent: float  # of the longest bar


@dataclass(slots=True)
class PageView:
    version: str
    files: list[FileView]
    findings: dict[int, FindingView]
    categories: list[Bar]
    rules: list[Bar]
    severities: list[tuple[str, int]]
    colors: dict[str, str]
    explanations: dict[str, tuple[str, str]]  # rule code -> summary, explanation (rules on the page)

    @property
    def total(self) -> int:
        return len(self.findings)


def build_page(run: RunResult) -> PageView:
    explain = _explanations()
    files = [FileView(i, escape_controls(f.path), f.language, f.text, notice=f.notice) for i, f in enumerate(run.files)]
    by_path = {f.path: (view, f) for view, f in zip(files, run.files)}
    findings: dict[int, FindingView] = {}
    for view, f in zip(files, run.files):
        for d in f.diagnostics:
            finding = _finding(len(findings), f, d)
            findings[finding.id] = finding
            view.findings.append(finding)
            view.spans.append(Span(d.start, d.end, FINDING, finding.id))
            for k, r in enumerate(d.related):
                finding.related.append(_related(finding.id, k, r, d.path, by_path))
    diags = run.diagnostics
    return PageView(__version__, files, findings, _category_bars(diags), _rule_bars(diags),
                    [(s, sum(1 for d in diags if d.severity.value == s)) for s in SEVERITIES],
                    {c: CATEGORY_COLORS.get(c, UNKNOWN_COLOR)[1] for c in CATEGORIES},
                    {code: explain[code] for code in sorted({d.code for d in diags}) if code in explain})


def _related(fid: int, k: int, r: Related, path: str, by_path: dict[str, tuple[FileView, FileResult]]) -> RelatedView:
    """The ``k``-th related place of finding ``fid`` (in file ``path``): marked in the text of
    its file when that file is on the page."""
    where = r.path or path
    target = by_path.get(where)
    if target is None:
        return RelatedView(None, r.message, escape_controls(where))
    view, f = target
    view.spans.append(Span(r.start, r.end, RELATED, fid, k))
    line, col = f.lines.position(r.start)
    prefix = "" if where == path else f"{escape_controls(where)}:"
    return RelatedView(f"r{fid}-{k}", r.message, f"{prefix}{line}:{col}")


def _finding(fid: int, f: FileResult, d: Diagnostic) -> FindingView:
    line, col = f.lines.position(d.start)
    view = FindingView(fid, d.code, d.rule, d.category, d.severity.value, d.message, line, col,
                       shorten(f.text[d.start:d.end]))
    if d.fix is not None:
        edits = sorted(d.fix.edits, key=lambda e: (e.start, e.end))
        view.fix = FixView(d.fix.applicability == "safe", d.fix.message,
                           [_edit(f.text, e.start, e.end, e.content) for e in edits[:MAX_EDITS]],
                           max(0, len(edits) - MAX_EDITS))
    return view


def _edit(text: str, start: int, end: int, content: str) -> EditView:
    """One edit with the unchanged text around it, kept to its line."""
    before = text[max(0, start - CONTEXT):start]
    after = text[end:end + CONTEXT]
    before = before[before.rfind("\n") + 1:]
    after = after.split("\n", 1)[0]
    return EditView(before, shorten(text[start:end]), shorten(content), after)


def shorten(text: str) -> Shortened:
    if len(text) <= LONG:
        return Shortened(text)
    return Shortened(text[:KEEP], len(text) - 2 * KEEP, text[-KEEP:])


def _category_bars(diags: list[Diagnostic]) -> list[Bar]:
    counts = Counter(d.category for d in diags)
    top = max(counts.values(), default=1)
    order = [c for c in CATEGORIES if counts[c]] + sorted(c for c in counts if c not in CATEGORIES)
    return [Bar(c, c, c, counts[c], 100 * counts[c] / top) for c in order]


def _rule_bars(diags: list[Diagnostic]) -> list[Bar]:
    counts = Counter((d.code, d.rule, d.category) for d in diags)
    top = max(counts.values(), default=1)
    return [Bar(code, rule, cat, n, 100 * n / top)
            for (code, rule, cat), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _explanations() -> dict[str, tuple[str, str]]:
    """Each rule's summary and explanation, by code (empty when the rules cannot be loaded)."""
    from ..registry import RegistryError, load_registry

    try:
        return {r.code: (r.summary, r.explanation) for r in load_registry().rules}
    except RegistryError:
        return {}
