"""``--output-format sarif``: SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps).

Columns are UTF-16 code units (``columnKind: utf16CodeUnits``, what GitHub expects), so
a character outside the Basic Multilingual Plane (𠮷) counts twice. Every rule that
produced a finding is described in ``tool.driver.rules`` (summary, explanation,
default level, category). ``partialFingerprints`` are built from the rule, the
normalised text of the finding and its occurrence index, never from line numbers, so a
finding keeps its identity when lines are added above it.
"""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..baseline import fingerprint, keyed
from ..diagnostic import Diagnostic
from ..runner import FileResult, RunResult
from ..text.lines import LineIndex
from .common import repo_relative, source_label, utf16_column

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "reportlintFinding/v1"


def _uri(path: str) -> str:
    """A relative URI reference for a displayed path (POSIX separators, percent-encoded)."""
    p = repo_relative(path).replace("\\", "/")
    if p.startswith("/"):  # absolute: a file URI
        return "file://" + quote(p, safe="/:@")
    if p.startswith("./"):
        p = p[2:]
    return quote(p, safe="/:@")


def region(f: FileResult, start: int, end: int, lines: LineIndex | None = None) -> dict[str, int]:
    """A SARIF region with UTF-16 columns; ``endColumn`` is the column after the last character.

    ``lines``: the index of another document the offsets refer to (a related location there).
    """
    lines = lines or f.lines
    sl, sc = utf16_column(lines, start)
    el, ec = utf16_column(lines, end)
    return {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec}


def _location(f: FileResult, path: str, start: int, end: int, message: str | None = None,
              loc_id: int | None = None, lines: LineIndex | None = None) -> dict[str, Any]:
    loc: dict[str, Any] = {}
    if loc_id is not None:
        loc["id"] = loc_id
    loc["physicalLocation"] = {"artifactLocation": {"uri": _uri(path)}, "region": region(f, start, end, lines)}
    label = source_label(f, start) if lines is None else None  # not for a place in another document
    if label:  # the place in the document a reader read: page and paragraph, or source line
        loc["logicalLocations"] = [{"name": label, "fullyQualifiedName": f"{repo_relative(path)} {label}",
                                    "kind": "page" if "p." in label else "paragraph" if "¶" in label else "line"}]
    if message:
        loc["message"] = {"text": message}
    return loc


def _rules(run: RunResult) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Descriptors of every rule that produced a finding, in code order, and their indexes."""
    codes = sorted({d.code for d in run.diagnostics})
    known: dict[str, Any] = {}
    try:
        from ..registry import load_registry

        known = load_registry().by_code()
    except Exception:  # a broken plugin must not stop the report; metadata falls back to the findings
        known = {}
    first: dict[str, Diagnostic] = {}
    for d in run.diagnostics:
        first.setdefault(d.code, d)
    out = []
    for code in codes:
        d = first[code]
        rule = known.get(code)
        summary = getattr(rule, "summary", "") or d.rule
        desc: dict[str, Any] = {
            "id": code,
            "name": d.rule,
            "shortDescription": {"text": summary},
            "defaultConfiguration": {"level": LEVEL[(rule.severity.value if rule else d.severity.value)]},
            "properties": {"category": d.category, "tags": [d.category]},
        }
        explanation = (getattr(rule, "explanation", "") or "").strip()
        if explanation:
            desc["fullDescription"] = {"text": explanation.split("\n\n")[0].replace("\n", " ")}
            desc["help"] = {"text": explanation}
        out.append(desc)
    return out, {code: i for i, code in enumerate(codes)}


def _fix(f: FileResult, d: Diagnostic) -> list[dict[str, Any]]:
    if d.fix is None or not d.fix.edits:
        return []
    return [{
        "description": {"text": d.fix.message},
        "artifactChanges": [{
            "artifactLocation": {"uri": _uri(d.path)},
            "replacements": [
                {"deletedRegion": region(f, e.start, e.end), "insertedContent": {"text": e.content}}
                for e in sorted(d.fix.edits, key=lambda e: (e.start, e.end))
            ],
        }],
        "properties": {"applicability": d.fix.applicability},
    }]


def build(run: RunResult) -> dict[str, Any]:
    rules, index = _rules(run)
    results = []
    for f, d, key, occurrence in keyed(run):
        result: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": LEVEL[d.severity.value],
            "message": {"text": d.message},
            "locations": [_location(f, d.path, d.start, d.end)],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint(key, occurrence)},
            "properties": {"category": d.category, "rule": d.rule},
        }
        related = [_location(f, r.path or d.path, r.start, r.end, r.message, i, f.related_lines(r))
                   for i, r in enumerate(d.related, start=1) if not r.path or r.path == d.path or r.path in f.peers]
        if related:
            result["relatedLocations"] = related
        fixes = _fix(f, d)
        if fixes:
            result["fixes"] = fixes
        results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "reportlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }},
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    }


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    json.dump(build(run), out, ensure_ascii=False, indent=2)
    out.write("\n")
