"""Run the selected rules over documents and filter what they find.

read -> Document -> rules -> diagnostics -> filters (suppressions) -> FileResult.
"""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .diagnostic import Diagnostic, Related
from .document import Document
from .report.escape import escape_controls
from .rule import Rule
from .suppression import Suppressions
from .text.decode import DecodeError, decode_bytes
from .text.lines import LineIndex

if TYPE_CHECKING:
    from .read.sourcemap import SourceMap


class LintError(RuntimeError):
    """A file could not be linted; the message is one line."""


@dataclass
class FileResult:
    path: str
    text: str
    language: str
    diagnostics: list[Diagnostic]
    encoding: str = "utf-8"
    notice: str | None = None
    facts: list[Mapping[str, str]] = field(default_factory=list)  # rows of --show-facts
    error: str | None = None  # the file could not be read or linted (one line); then it has no findings
    source: SourceMap | None = None  # a PDF, DOCX, ODT or HTML document: where each span of the text stands in it
    # The other files of the run by path, for related locations in another document
    # (corpus mode); positions there are offsets into that document's text.
    peers: Mapping[str, FileResult] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def related_lines(self, r: Related) -> LineIndex:
        """The line index that ``r``'s offsets refer to: this file's, or the other file's it names."""
        if r.path is None or r.path == self.path:
            return self.lines
        other = self.peers.get(r.path)
        return other.lines if other is not None else self.lines

    def related_text(self, r: Related) -> str:
        """The text that ``r``'s offsets refer to."""
        return self.related_lines(r).text


@dataclass
class RunResult:
    files: list[FileResult]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]


RuleSet = Sequence[tuple[type[Rule], dict[str, Any]]]


def lint_document(doc: Document, rules: RuleSet) -> list[Diagnostic]:
    """Every diagnostic of every rule, suppressions applied, sorted by position.

    A document with no prose (empty, or only front matter and comments) has nothing
    for a rule to look at: skipping them keeps a pre-commit run on it cheap.
    """
    found: list[Diagnostic] = []
    if not doc.blocks:
        return found
    for rule_cls, options in rules:
        if rule_cls.languages is not None and doc.language not in rule_cls.languages:
            continue
        rule = rule_cls()
        try:
            for diag in rule.check(doc, options):
                diag.path = doc.path
                found.append(diag)
        except Exception as exc:  # one line, naming the rule, instead of a traceback
            raise LintError(f"{doc.path}: internal error in rule {rule_cls.code} ({rule_cls.name}): "
                            f"{type(exc).__name__}: {exc}") from exc
    suppressions = Suppressions.parse(doc.text, doc.lines)
    if suppressions.regions:
        found = [d for d in found if not suppressions.suppresses(d)]
    found.sort(key=Diagnostic.sort_key)
    return found


def lint_text(text: str, path: str, rules: RuleSet, *, encoding: str = "utf-8", notice: str | None = None,
              show_facts: bool = False, page_cuts: frozenset[int] = frozenset()) -> FileResult:
    doc = Document(text, path, encoding=encoding, page_cuts=page_cuts)
    diags = lint_document(doc, rules)
    facts: list[Mapping[str, str]] = []
    if show_facts:
        for rule_cls, options in rules:
            view = getattr(rule_cls, "facts", None)
            if view is not None:
                facts.extend(view(doc, options))
    return FileResult(path, text, doc.language if text.strip() else "und", diags, encoding, notice, facts)


def read_report(path: Path | None, display: str, data: bytes | None = None) -> tuple[str, str, str | None]:
    """Decode a file (or given bytes): ``(text, encoding, notice)``; LintError on failure."""
    data = _read_bytes(path, display, data)
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        raise LintError(f"{display}: {exc}") from None
    return decoded.text, decoded.encoding, decoded.notice


def _read_bytes(path: Path | None, display: str, data: bytes | None) -> bytes:
    if data is None:
        assert path is not None
        try:
            if not path.is_dir() and not stat.S_ISREG(path.stat().st_mode):  # a FIFO would block the read forever
                raise LintError(f"{display}: not a regular file")
            data = path.read_bytes()
        except IsADirectoryError:
            raise LintError(f"{display}: is a directory") from None
        except OSError as exc:
            raise LintError(f"{display}: cannot read ({exc.strerror or exc})") from None
    return data


def document_format(name: str, data: bytes) -> str | None:
    """The document format (pdf, docx, odt, html) of a file named ``name`` holding ``data``, or
    None for a text report; the readers' package is imported only when it may be a document."""
    if not data.startswith((b"%PDF-", b"PK\x03\x04")) and not name.lower().endswith(_DOCUMENT_SUFFIXES):
        return None
    from .read import format_of

    return format_of(name, data[:512])


_DOCUMENT_SUFFIXES = (".pdf", ".docx", ".docm", ".odt", ".html", ".htm", ".xhtml")


def lint_source(raw: bytes, display: str, fmt: str, rules: RuleSet, show_facts: bool) -> FileResult:
    """Read a document with its reader and lint its text; the result keeps the source map."""
    from .read import ReadError, read_document

    try:
        source = read_document(raw, fmt)
    except ReadError as exc:
        raise LintError(f"{display}: {exc}") from None
    except Exception as exc:  # a library failing on a malformed file: one line, not a traceback
        raise LintError(f"{display}: the {fmt.upper()} file is damaged ({type(exc).__name__}: {exc})") from None
    cuts = frozenset(b.offset for b in source.map.page_breaks if not b.joined and b.full_line)
    result = lint_text(source.text, display, rules, notice=source.notice, show_facts=show_facts, page_cuts=cuts)
    result.source = source.map
    return result


Job = tuple[str, "Path | None", "bytes | None", RuleSet]


def default_jobs() -> int:
    """How many worker processes to use when ``--jobs`` is not given: the usable cores."""
    import os

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not every platform has affinity
        return max(1, os.cpu_count() or 1)


def _lint_one(job: Job, show_facts: bool) -> FileResult:
    """Lint one job; a file that cannot be read or linted becomes a result carrying ``error``,
    so one bad file never hides the findings of the others."""
    display, path, data, rules = job
    try:
        raw = _read_bytes(path, display, data)
        fmt = document_format(str(path) if path is not None else display, raw)
        if fmt is not None:
            return lint_source(raw, display, fmt, rules, show_facts)
        text, encoding, notice = read_report(path, display, raw)
        return lint_text(text, display, rules, encoding=encoding, notice=notice, show_facts=show_facts)
    except LintError as exc:
        return FileResult(display, "", "und", [], error=str(exc))


def _lint_chunk(jobs: list[Job], show_facts: bool) -> list[FileResult]:
    """Worker entry point: lint a few files, so each round trip carries more than one report."""
    return [_lint_one(job, show_facts) for job in jobs]


def lint_paths(jobs: Iterable[Job], *, show_facts: bool = False, n_jobs: int | None = 1) -> RunResult:
    """Lint each ``(display path, path, stdin bytes, rules)``; results keep the order of ``jobs``.

    ``n_jobs`` > 1 spreads the files over a process pool (``None``: one per core). The
    output order never depends on it: results are collected in submission order.
    """
    jobs = list(jobs)
    workers = default_jobs() if n_jobs is None else max(1, n_jobs)
    workers = min(workers, len(jobs))
    if workers <= 1:
        results = [_lint_one(job, show_facts) for job in jobs]
    else:
        results = _lint_parallel(jobs, show_facts, workers)
    for r in results:
        if r.notice:
            print(f"reportlint: {escape_controls(r.path)}: {r.notice}", file=sys.stderr)
    return RunResult(results)


def _lint_parallel(jobs: list[Job], show_facts: bool, workers: int) -> list[FileResult]:
    """Process pool over chunks of files, largest-first scheduling, results put back in order."""
    from concurrent.futures import ProcessPoolExecutor

    # Small chunks keep the cores busy to the end; sizes are known from the file system.
    sizes = [_size(job) for job in jobs]
    order = sorted(range(len(jobs)), key=lambda i: -sizes[i])
    chunk = max(1, min(8, len(jobs) // (workers * 8) or 1))
    batches = [order[i:i + chunk] for i in range(0, len(order), chunk)]
    from concurrent.futures.process import BrokenProcessPool

    out: list[FileResult | None] = [None] * len(jobs)
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [(batch, pool.submit(_lint_chunk, [jobs[i] for i in batch], show_facts)) for batch in batches]
            for batch, fut in futures:
                for i, res in zip(batch, fut.result()):
                    out[i] = res
    except BrokenProcessPool:
        raise LintError("a worker process died (out of memory?); try --jobs 1") from None
    return [r for r in out if r is not None]


def _size(job: Job) -> int:
    _display, path, data, _ = job
    if data is not None:
        return len(data)
    try:
        return path.stat().st_size if path is not None else 0
    except OSError:
        return 0
