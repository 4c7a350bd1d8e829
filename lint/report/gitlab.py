"""``--output-format gitlab``: a GitLab Code Quality report (a JSON array of issues).

GitLab shows these in merge requests when the job saves the output as a
``codequality`` report artifact. Each issue needs a fingerprint unique in the report;
it comes from the file, the rule, the normalised text of the finding and its
occurrence index, so it survives lines being added above the finding and GitLab can
tell new issues from fixed ones between branches.

Locations are line-based (``lines.begin``/``lines.end``, 1-based, the end being the
line of the last character): the Code Climate format allows lines or positions, not
both, and GitLab draws whole lines.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..baseline import fingerprint, keyed
from ..runner import RunResult
from .common import repo_relative, with_source

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
# Code Climate's fixed categories, nearest to each of ours.
CATEGORY = {"duplication": "Duplication", "numeric": "Bug Risk", "truncation": "Bug Risk", "structure": "Clarity",
            "stray-token": "Clarity", "typo": "Style", "markup": "Style", "style": "Style"}


def build(run: RunResult) -> list[dict[str, Any]]:
    issues = []
    for f, d, key, occurrence in keyed(run):
        sl = f.lines.line_of(d.start) + 1
        el = f.lines.line_of(max(d.start, d.end - 1)) + 1  # the line of the last character
        issues.append({
            "type": "issue",
            "check_name": d.code,
            "description": f"{d.code} {d.rule}: {with_source(f, d.start, d.message)}",
            "categories": [CATEGORY.get(d.category, "Style")],
            "severity": SEVERITY[d.severity.value],
            "fingerprint": fingerprint(key, occurrence),
            "location": {
                "path": _path(d.path),
                "lines": {"begin": sl, "end": el},
            },
        })
    return issues


def _path(path: str) -> str:
    p = repo_relative(path)
    return p[2:] if p.startswith("./") else p


def render(run: RunResult, out: TextIO, *, color: bool = False) -> None:
    json.dump(build(run), out, ensure_ascii=False, indent=2)
    out.write("\n")
