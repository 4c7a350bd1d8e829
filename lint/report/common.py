"""Small helpers shared by reporters: summaries and position conversions."""

from __future__ import annotations

from collections import Counter

from ..diagnostic import Diagnostic
from ..runner import FileResult, RunResult
from ..text.lines import LineIndex

# One colour per category, shared by the terminal (the ``[category]`` tag of ``full``) and the
# HTML page (highlights, bars): a 16-colour terminal name and the hex shade drawn for it.
CATEGORY_COLORS: dict[str, tuple[str, str]] = {
    "duplication": ("magenta", "#b5179e"),
    "truncation": ("yellow", "#c08400"),
    "stray-token": ("cyan", "#0b8fa8"),
    "numeric": ("red", "#d62828"),
    "typo": ("green", "#2b9348"),
    "markup": ("blue", "#1f5fd1"),
    "structure": ("bright_blue", "#6a5acd"),
    "style": ("bright_cyan", "#138a7e"),
    "garbled": ("bright_red", "#e4572e"),
}
UNKNOWN_COLOR = ("white", "#6c757d")


def severity_counts(diags: list[Diagnostic]) -> dict[str, int]:
    c = Counter(d.severity.value for d in diags)
    return {"error": c["error"], "warning": c["warning"], "info": c["info"]}


def category_counts(diags: list[Diagnostic]) -> list[tuple[str, int]]:
    return sorted(Counter(d.category for d in diags).items(), key=lambda kv: (-kv[1], kv[0]))


def utf16_column(lines: LineIndex, offset: int) -> tuple[int, int]:
    """1-based line and 1-based UTF-16 code-unit column of ``offset``."""
    line = lines.line_of(offset)
    prefix = lines.text[lines.starts[line]:offset]
    return line + 1, len(prefix.encode("utf-16-le")) // 2 + 1


def utf8_column(lines: LineIndex, offset: int) -> tuple[int, int]:
    """1-based line and 1-based UTF-8 byte column of ``offset``."""
    line = lines.line_of(offset)
    prefix = lines.text[lines.starts[line]:offset]
    return line + 1, len(prefix.encode("utf-8")) + 1


def source_label(f: RunResult | FileResult, offset: int) -> str:
    """Where ``offset`` stands in the document a reader read (``p.12 ¶3``, ``¶45``, ``line 212``);
    empty for a text report, whose line and column already say it."""
    source = getattr(f, "source", None)
    return source.label(offset) if source is not None else ""


def with_source(f: FileResult, offset: int, message: str) -> str:
    """``message`` followed by the place in the document, for formats that have no field for it."""
    label = source_label(f, offset)
    return f"{message} ({label})" if label else message


def fixable_count(run: RunResult) -> tuple[int, int]:
    diags = run.diagnostics
    safe = sum(1 for d in diags if d.fix and d.fix.applicability == "safe")
    unsafe = sum(1 for d in diags if d.fix and d.fix.applicability == "unsafe")
    return safe, unsafe


def repo_relative(path: str) -> str:
    """An absolute path under the working folder made relative to it (CI tools resolve paths from the checkout).

    Other paths are returned as given.
    """
    import os

    if not os.path.isabs(path):
        return path
    try:
        rel = os.path.relpath(path, os.getcwd())
    except ValueError:  # another drive
        return path
    return path if rel.startswith("..") else rel.replace(os.sep, "/")
