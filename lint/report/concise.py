"""``--output-format concise``: one line per finding, ``path:line:col: CODE message``."""

from __future__ import annotations

from typing import TextIO

from ..runner import RunResult
from .common import with_source
from .escape import escape_controls

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[34m"}


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    for f in run.files:
        for d in f.diagnostics:
            line, col = f.lines.position(d.start)
            path, message = escape_controls(d.path), escape_controls(with_source(f, d.start, d.message))
            fixable = " [*]" if d.fix and d.fix.applicability == "safe" else ""
            if color:
                code = f"{_COLORS[d.severity.value]}\x1b[1m{d.code}\x1b[0m"
                out.write(f"\x1b[1m{path}\x1b[0m:{line}:{col}: {code}{fixable} {message}\n")
            else:
                out.write(f"{path}:{line}:{col}: {d.code}{fixable} {message}\n")
