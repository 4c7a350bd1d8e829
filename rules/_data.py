"""Package data of the built-in rules (word lists, character tables), read once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def data_text(name: str) -> str:
    """The whole text of ``rules/data/NAME``."""
    return resources.files("reportlint.rules").joinpath("data", name).read_text(encoding="utf-8")


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment (``#``) lines of ``rules/data/NAME``."""
    return tuple(line for line in data_text(name).splitlines() if line and not line.startswith("#"))
