"""``--output-format json``: the public contract (design/json-output.md)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from .. import __version__
from ..diagnostic import Diagnostic
from ..runner import FileResult, RunResult
from ..text.lines import LineIndex
from .common import severity_counts


def _pos(f: FileResult, offset: int) -> dict[str, Any]:
    pos: dict[str, Any] = _at(f.lines, offset)
    if f.source is not None:  # a document read by a reader: its own place (page, paragraph, source line)
        place = f.source.as_json(offset)
        if place is not None:
            pos["source"] = place
    return pos


def _at(lines: LineIndex, offset: int) -> dict[str, Any]:
    line, col = lines.position(offset)
    return {"line": line, "column": col, "offset": offset}


def diagnostic_json(f: FileResult, d: Diagnostic) -> dict[str, Any]:
    return {
        "path": d.path,
        "code": d.code,
        "rule": d.rule,
        "category": d.category,
        "severity": d.severity.value,
        "message": d.message,
        "start": _pos(f, d.start),
        "end": _pos(f, d.end),
        "related": [
            {"path": r.path or d.path, "message": r.message, "start": _at(f.related_lines(r), r.start),
             "end": _at(f.related_lines(r), r.end)}
            for r in d.related
        ],
        "fix": None if d.fix is None else {
            "applicability": d.fix.applicability,
            "message": d.fix.message,
            "edits": [{"start": e.start, "end": e.end, "content": e.content} for e in d.fix.edits],
        },
    }


def _file_json(f: FileResult) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": f.path, "language": f.language, "diagnostics": len(f.diagnostics)}
    if f.source is not None:
        entry["source"] = {"format": f.source.format, **({"pages": f.source.pages} if f.source.pages else {})}
    return entry


def build(run: RunResult) -> dict[str, Any]:
    diags = [diagnostic_json(f, d) for f in run.files for d in f.diagnostics]
    counts = severity_counts(run.diagnostics)
    return {
        "version": 1,
        "tool": {"name": "reportlint", "version": __version__},
        "files": [_file_json(f) for f in run.files],
        "diagnostics": diags,
        "summary": {"files": len(run.files), "diagnostics": len(diags), **counts},
    }


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    json.dump(build(run), out, ensure_ascii=False, indent=2)
    out.write("\n")
