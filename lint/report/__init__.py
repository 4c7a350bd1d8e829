"""Reporters: they only format. Each converts code-point offsets to its own columns.

Formats are looked up by name and imported on demand, so a run that prints JSON
never imports rich, and importing this package (the CLI does, for the list of
names) costs nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from ..runner import RunResult

# name -> module under reportlint.report
FORMATS: dict[str, str] = {
    "full": "full",
    "concise": "concise",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "rdjson": "rdjson",
    "rdjsonl": "rdjson",
    "junit": "junit",
    "html": "html",
}


class ReportError(RuntimeError):
    """A format cannot be produced here (its optional extra is missing); the message is one line."""


class Reporter(Protocol):
    def __call__(self, run: RunResult, out: TextIO, *, color: bool) -> None: ...


def get_reporter(name: str) -> Reporter:
    """The render function of format ``name``; :class:`ReportError` when it cannot be produced."""
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    # A module may serve several names (rdjson and rdjsonl): it then has render_<name>.
    render: Reporter = getattr(module, f"render_{name}", None) or module.render
    return render
