"""Reporters: they only format. Each converts code-point offsets to its own columns.

Formats are looked up by name and imported on demand, so a run that prints JSON
never imports rich.
"""

from __future__ import annotations

import importlib
from typing import Protocol, TextIO

from ..runner import RunResult

# name -> module under reportlint.report
FORMATS: dict[str, str] = {
    "full": "full",
    "concise": "concise",
    "json": "json_format",
}


class Reporter(Protocol):
    def __call__(self, run: RunResult, out: TextIO, *, color: bool) -> None: ...


def get_reporter(name: str) -> Reporter:
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    return module.render
