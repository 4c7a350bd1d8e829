"""Command-line options that ``check`` and ``corpus`` share, declared once.

Both commands choose rules and configuration and print findings the same way; a user
who learns ``--select`` or ``--exit-zero`` on one finds it spelt and explained alike on
the other.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def _apply(f: F, decorators: list[Callable[[F], F]]) -> F:
    for decorate in reversed(decorators):  # the first listed is the first shown in --help
        f = decorate(f)
    return f


def rule_selection_options(f: F) -> F:
    """--select, --extend-select, --ignore, --config, --isolated."""
    return _apply(f, [
        click.option("--select", multiple=True,
                     help="Rule codes, prefixes, names or categories to enable (replaces the default set)."),
        click.option("--extend-select", multiple=True, help="Rules to enable in addition."),
        click.option("--ignore", multiple=True, help="Rules to disable."),
        click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
                     help="Use this configuration file for every path."),
        click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
    ])


def printing_options(f: F) -> F:
    """--exit-zero, --statistics, --quiet, --color."""
    return _apply(f, [
        click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings."),
        click.option("--statistics", is_flag=True, help="Print counts per rule instead of the findings."),
        click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary."),
        click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True),
    ])
