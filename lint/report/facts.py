"""``--show-facts``: what rules extracted from each file, so a user can see why two
figures were or were not compared. A rule's ``facts(doc, options)`` yields rows (column
name -> text); this module prints them as one table per file, or as JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TextIO

from ..runner import RunResult


def render_facts(run: RunResult, out: TextIO, *, as_json: bool = False, color: bool = False) -> None:
    if as_json:
        doc = {"version": 1, "files": [{"path": f.path, "facts": [dict(r) for r in f.facts]} for f in run.files]}
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, force_terminal=color, no_color=not color, highlight=False, soft_wrap=False,
                      width=200)
    for f in run.files:
        rows: list[Mapping[str, str]] = f.facts
        if not rows:
            continue
        columns = list(dict.fromkeys(k for r in rows for k in r))
        table = Table(title=f.path, title_justify="left")
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(str(r.get(c, "")) for c in columns))
        console.print(table)
