"""``--output-format github``: GitHub Actions workflow commands, shown as annotations on the diff.

    ::error file=report.md,line=3,col=5,endLine=3,endColumn=9,title=MKP001 html-residue::HTML tag `<br>` in prose

Escaping follows the runner's rules: in the message (the data) ``%``, CR and LF become
``%25``, ``%0D`` and ``%0A``; in a property value ``:`` and ``,`` also become ``%3A``
and ``%2C``, or a path with a comma would end the ``file`` property early. Columns are
UTF-16 code units, the unit of the browser that draws the annotation. A finding that
spans several lines gets ``line`` and ``endLine`` only: the runner drops an annotation
whose columns are given for different lines.

GitHub shows only the first few annotations of a step, so a plain summary line with
the full count always ends the output, findings or not.
"""

from __future__ import annotations

from typing import TextIO

from ..runner import RunResult
from .common import repo_relative, severity_counts, utf16_column, with_source

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    for f in run.files:
        for d in f.diagnostics:
            line, col = utf16_column(f.lines, d.start)
            end = d.end
            if end > d.start and f.text[end - 1] == "\n":  # a span that takes its newline ends on its own line
                end -= 1
            end_line, end_col = utf16_column(f.lines, end)
            props = [("file", repo_relative(d.path)), ("line", str(line))]
            if end_line == line:
                props += [("col", str(col)), ("endLine", str(end_line)), ("endColumn", str(max(end_col, col)))]
            else:  # the runner rejects the whole annotation when a multi-line one has columns
                props += [("endLine", str(end_line))]
            props.append(("title", f"{d.code} {d.rule}"))
            joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
            out.write(f"::{COMMAND[d.severity.value]} {joined}::{escape_data(with_source(f, d.start, d.message))}\n")
    out.write(summary_line(run) + "\n")


def summary_line(run: RunResult) -> str:
    """One plain line with the totals (not a workflow command, so it never counts as an annotation)."""
    diags = run.diagnostics
    files = len(run.files)
    if not diags:
        return f"reportlint: no problems found in {files} file{'s' if files != 1 else ''}"
    sev = severity_counts(diags)
    parts = ", ".join(f"{n} {k}{'s' if n != 1 and k != 'info' else ''}" for k, n in sev.items() if n)
    with_findings = sum(1 for f in run.files if f.diagnostics)
    return (f"reportlint: {len(diags)} problem{'s' if len(diags) != 1 else ''} ({parts}) in {with_findings} "
            f"of {files} file{'s' if files != 1 else ''}")
