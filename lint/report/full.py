"""``--output-format full``: colour-coded findings with excerpts, for people.

    error[DUP001] duplicate-paragraph: paragraph repeats the one at line 21
      --> seeds/report.txt:25:1
       |
    25 | 这一年，我们聚焦县镇村，全力推动“百县千镇万村高质量发展工程”…
       | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^…
       = first occurrence at 21:1
"""

from __future__ import annotations

from typing import TextIO

from ..diagnostic import Diagnostic
from ..runner import FileResult, RunResult
from .common import CATEGORY_COLORS, UNKNOWN_COLOR, category_counts, fixable_count, severity_counts, source_label
from .escape import escape_controls, picture_controls
from .excerpt import excerpt

REPEAT_LINES = 10  # line numbers listed for collapsed copies of a finding
STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, force_terminal=color, no_color=not color, color_system="standard" if color else None,
                      highlight=False, soft_wrap=True, emoji=False, markup=False, width=200)
    for f in run.files:
        for d, repeats in collapse(f):
            _render_one(console, Text, f, d, repeats)
    diags = run.diagnostics
    if not diags:
        console.print(Text("All checks passed!", style="bold green"))
        return
    sev = severity_counts(diags)
    parts = [f"{n} {k}{'s' if n != 1 and k != 'info' else ''}" for k, n in sev.items() if n]
    cats = ", ".join(f"{c} {n}" for c, n in category_counts(diags))
    summary = Text(f"Found {len(diags)} problem{'s' if len(diags) != 1 else ''} ", style="bold")
    summary.append(f"({', '.join(parts)}) in {sum(1 for f in run.files if f.diagnostics)} of {len(run.files)} "
                   f"file{'s' if len(run.files) != 1 else ''}; by category: {cats}.")
    console.print(summary)
    safe, unsafe = fixable_count(run)
    if safe or unsafe:
        hint = f"[*] {safe} fixable with --fix" if safe else ""
        if unsafe:
            hint += ("; " if hint else "") + f"{unsafe} more with --unsafe-fixes"
        console.print(Text(hint, style="dim"))


def collapse(f: FileResult) -> list[tuple[Diagnostic, list[Diagnostic]]]:
    """Findings of one file, each with the later findings identical to it.

    A block repeated a hundred times gives a hundred identical findings (same rule,
    same normalised text); people need to see one and the count, not a hundred
    excerpts. The first keeps its place; its copies are listed by line only.
    """
    from ..baseline import finding_text

    groups: dict[tuple[str, str], tuple[Diagnostic, list[Diagnostic]]] = {}
    order: list[tuple[Diagnostic, list[Diagnostic]]] = []
    for d in f.diagnostics:
        key = (d.code, finding_text(f, d))
        if key[1] and key in groups:
            groups[key][1].append(d)
            continue
        entry: tuple[Diagnostic, list[Diagnostic]] = (d, [])
        groups[key] = entry
        order.append(entry)
    return order


def _render_one(console, Text, f: FileResult, d: Diagnostic, repeats: list[Diagnostic]) -> None:  # type: ignore[no-untyped-def]
    style = STYLE[d.severity.value]
    line_no, col = f.lines.position(d.start)
    head = Text()
    head.append(f"{d.severity.value}[{d.code}]", style=style)
    head.append(f" {d.rule}", style="bold")
    head.append(f": {escape_controls(d.message)}")
    console.print(head)
    loc = Text("  --> ", style="blue")
    place = source_label(f, d.start)
    # A document read by a reader is named by its own places (page, paragraph); the text position follows.
    loc.append(f"{escape_controls(d.path)} {place} (text {line_no}:{col})" if place else
               f"{escape_controls(d.path)}:{line_no}:{col}")
    loc.append(f"  [{d.category}]", style=CATEGORY_COLORS.get(d.category, UNKNOWN_COLOR)[0])
    console.print(loc)
    gutter = len(str(line_no)) + 1
    line_idx = line_no - 1
    ls, le = f.lines.line_span(line_idx)
    line_text = f.text[ls:le]
    ex = excerpt(line_text, d.start - ls, d.end - ls)
    bar = Text(" " * gutter + "|", style="blue")
    console.print(bar)
    row = Text(f"{line_no:>{gutter - 1}} | ", style="blue")
    row.append(picture_controls(ex.text))  # one visible symbol per control character: carets stay aligned
    console.print(row)
    carets = Text(" " * gutter + "| ", style="blue")
    carets.append(" " * ex.caret_pad + "^" * ex.caret_len, style=style)
    console.print(carets)
    for r in d.related:
        rl, rc = f.related_lines(r).position(r.start)
        where = f"{escape_controls(r.path)}:{rl}:{rc}" if r.path and r.path != d.path else (source_label(f, r.start) or f"{rl}:{rc}")
        note = Text(" " * gutter + "= ", style="blue")
        note.append(f"{escape_controls(r.message)} at {where}")
        console.print(note)
    if d.fix is not None:
        note = Text(" " * gutter + "= ", style="blue")
        note.append(f"{'fix' if d.fix.applicability == 'safe' else 'unsafe fix'}: {escape_controls(d.fix.message)}",
                    style="green")
        console.print(note)
    if repeats:
        lines = [source_label(f, r.start) or str(f.lines.position(r.start)[0]) for r in repeats]
        shown = ", ".join(lines[:REPEAT_LINES]) + (", …" if len(lines) > REPEAT_LINES else "")
        note = Text(" " * gutter + "= ", style="blue")
        where = "at" if f.source is not None else f"line{'s' if len(lines) != 1 else ''}"
        note.append(f"and {len(repeats)} more like this ({where} {shown})", style="bold")
        console.print(note)
    console.print()
