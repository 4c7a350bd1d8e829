"""``--output-format rdjson`` / ``rdjsonl``: reviewdog's Diagnostic Format.

``rdjson`` is one DiagnosticResult document; ``rdjsonl`` is one Diagnostic per line,
for ``reviewdog -f=rdjsonl``. Columns are 1-based UTF-8 byte offsets within the line,
which is what reviewdog's format specifies, so a Han character counts 3 and 𠮷
counts 4. Fixes become ``suggestions`` that reviewdog can post as suggested changes.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..diagnostic import Diagnostic
from ..runner import FileResult, RunResult
from ..text.lines import LineIndex
from .common import repo_relative, utf8_column, with_source

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "reportlint"}


def _range(f: FileResult, start: int, end: int, lines: LineIndex | None = None) -> dict[str, Any]:
    lines = lines or f.lines
    sl, sc = utf8_column(lines, start)
    el, ec = utf8_column(lines, end)
    return {"start": {"line": sl, "column": sc}, "end": {"line": el, "column": ec}}


def diagnostic(f: FileResult, d: Diagnostic) -> dict[str, Any]:
    out: dict[str, Any] = {
        "message": with_source(f, d.start, d.message),
        "location": {"path": repo_relative(d.path), "range": _range(f, d.start, d.end)},
        "severity": SEVERITY[d.severity.value],
        "source": SOURCE,
        "code": {"value": d.code},
    }
    if d.fix is not None and d.fix.edits:
        out["suggestions"] = [{"range": _range(f, e.start, e.end), "text": e.content}
                              for e in sorted(d.fix.edits, key=lambda e: (e.start, e.end))]
    related = [{"message": r.message, "location": {"path": repo_relative(r.path or d.path),
                                                   "range": _range(f, r.start, r.end, f.related_lines(r))}}
               for r in d.related if not r.path or r.path == d.path or r.path in f.peers]
    if related:
        out["related_locations"] = related
    return out


def build(run: RunResult) -> dict[str, Any]:
    return {"source": SOURCE, "diagnostics": [diagnostic(f, d) for f in run.files for d in f.diagnostics]}


def render_rdjson(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    json.dump(build(run), out, ensure_ascii=False, indent=2)
    out.write("\n")


def render_rdjsonl(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    for f in run.files:
        for d in f.diagnostics:
            out.write(json.dumps(diagnostic(f, d), ensure_ascii=False) + "\n")


render = render_rdjson
