"""Run the selected rules over documents and filter what they find.

read -> Document -> rules -> diagnostics -> filters (suppressions) -> FileResult.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .diagnostic import Diagnostic
from .document import Document
from .rule import Rule
from .suppression import Suppressions
from .text.decode import DecodeError, decode_bytes
from .text.lines import LineIndex


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
    facts: list[str] = field(default_factory=list)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)


@dataclass
class RunResult:
    files: list[FileResult]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    def file(self, path: str) -> FileResult | None:
        for f in self.files:
            if f.path == path:
                return f
        return None


RuleSet = Sequence[tuple[type[Rule], dict[str, Any]]]


def lint_document(doc: Document, rules: RuleSet) -> list[Diagnostic]:
    """Every diagnostic of every rule, suppressions applied, sorted by position."""
    found: list[Diagnostic] = []
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
              show_facts: bool = False) -> FileResult:
    doc = Document(text, path, encoding=encoding)
    diags = lint_document(doc, rules)
    facts: list[str] = []
    if show_facts:
        for rule_cls, options in rules:
            view = getattr(rule_cls, "facts", None)
            if view is not None:
                facts.extend(view(doc, options))
    return FileResult(path, text, doc.language if text.strip() else "und", diags, encoding, notice, facts)


def read_report(path: Path | None, display: str, data: bytes | None = None) -> tuple[str, str, str | None]:
    """Decode a file (or given bytes): ``(text, encoding, notice)``; LintError on failure."""
    if data is None:
        assert path is not None
        try:
            data = path.read_bytes()
        except IsADirectoryError:
            raise LintError(f"{display}: is a directory") from None
        except OSError as exc:
            raise LintError(f"{display}: cannot read ({exc.strerror or exc})") from None
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        raise LintError(f"{display}: {exc}") from None
    return decoded.text, decoded.encoding, decoded.notice


def lint_paths(jobs: Iterable[tuple[str, Path | None, bytes | None, RuleSet]], *, show_facts: bool = False) -> RunResult:
    """Lint each ``(display path, path, stdin bytes, rules)`` in turn."""
    results = []
    for display, path, data, rules in jobs:
        text, encoding, notice = read_report(path, display, data)
        if notice:
            print(f"reportlint: {display}: {notice}", file=sys.stderr)
        results.append(lint_text(text, display, rules, encoding=encoding, notice=notice, show_facts=show_facts))
    return RunResult(results)
