"""Apply the fixes rules attach to their findings: ``--fix``, ``--unsafe-fixes``, ``--diff``.

Safe fixes keep the meaning of the text and are applied by ``--fix``; unsafe ones
(deleting a repeated paragraph) also need ``--unsafe-fixes``. In one pass the chosen
fixes never overlap: a fix whose edits touch an edit already chosen waits for the next
pass, where the file is linted again and its finding is reported afresh against the
new text. Edits are applied from the end of the text backwards, so earlier offsets
stay valid. Passes repeat until nothing applicable is left (at most ``MAX_PASSES``).

Nothing here writes a file; the CLI writes only with ``--fix`` and only changed files.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .diagnostic import Diagnostic, Edit, Fix
from .runner import FileResult, LintError, RuleSet, lint_text
import itertools

MAX_PASSES = 5


@dataclass
class FixOutcome:
    """What fixing one file did: the final text, each pass's edits, and the findings left."""

    original: str
    text: str
    result: FileResult  # the final text, linted again
    passes: list[list[Edit]] = field(default_factory=list)  # edits of each pass, against that pass's input
    fixed: int = 0  # findings whose fix was applied

    @property
    def changed(self) -> bool:
        return self.text != self.original


def applicable(d: Diagnostic, unsafe: bool) -> bool:
    """Whether ``d`` has a fix the current mode may apply."""
    return d.fix is not None and bool(d.fix.edits) and (d.fix.applicability == "safe" or unsafe)


def _valid(fix: Fix, length: int) -> bool:
    """Edits inside the text, in no particular order, not overlapping one another."""
    spans = sorted((e.start, e.end) for e in fix.edits)
    if any(s < 0 or e < s or e > length for s, e in spans):
        return False
    return all(not _conflict(a, b) for a, b in itertools.pairwise(spans))


def _conflict(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two edits conflict when their spans overlap or they start at the same place.

    Two insertions at one offset (or an insertion where a replacement starts) have no
    defined order, so only one of them may go in a pass.
    """
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]


def select_fixes(diags: Iterable[Diagnostic], text_length: int, unsafe: bool) -> list[Fix]:
    """Fixes to apply in one pass: applicable, well-formed, and not overlapping each other.

    Candidates are taken in text order (then safe before unsafe), so the outcome does
    not depend on the order rules reported them.
    """
    candidates = [d.fix for d in diags if d.fix is not None and applicable(d, unsafe) and _valid(d.fix, text_length)]
    candidates.sort(key=lambda f: (min(e.start for e in f.edits), f.applicability != "safe",
                                   max(e.end for e in f.edits)))
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []
    for fix in candidates:
        spans = [(e.start, e.end) for e in fix.edits]
        if any(_conflict(s, t) for s in spans for t in taken):
            continue
        chosen.append(fix)
        taken.extend(spans)
    return chosen


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits, from the last to the first, and return the new text."""
    out = text
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        out = out[:e.start] + e.content + out[e.end:]
    return out


def fix_text(text: str, path: str, rules: RuleSet, *, unsafe: bool = False, encoding: str = "utf-8",
             first: FileResult | None = None, max_passes: int = MAX_PASSES) -> FixOutcome:
    """Fix ``text`` until no applicable fix is left or ``max_passes`` passes ran.

    ``first`` is the result of linting ``text`` already, to save one pass of the rules.
    """
    current = text
    result = first if first is not None and first.text == text else lint_text(text, path, rules, encoding=encoding)
    outcome = FixOutcome(text, text, result)
    for _ in range(max_passes):
        fixes = select_fixes(result.diagnostics, len(current), unsafe)
        if not fixes:
            break
        edits = [e for f in fixes for e in f.edits]
        new = apply_edits(current, edits)
        if new == current:  # fixes that change nothing would loop forever
            break
        outcome.passes.append(edits)
        outcome.fixed += len(fixes)
        current = new
        result = lint_text(current, path, rules, encoding=encoding)
    outcome.text = current
    outcome.result = result
    return outcome


FixJob = tuple[str, str, RuleSet, str, FileResult]  # text, display path, rules, encoding, first result


def _fix_one(job: FixJob, unsafe: bool) -> FixOutcome:
    text, path, rules, encoding, first = job
    return fix_text(text, path, rules, unsafe=unsafe, encoding=encoding, first=first)


def fix_many(jobs: Sequence[FixJob], *, unsafe: bool, n_jobs: int | None = 1) -> list[FixOutcome]:
    """:func:`fix_text` over many files, in a process pool when ``n_jobs`` allows; results in job order."""
    from .runner import default_jobs

    workers = min(default_jobs() if n_jobs is None else max(1, n_jobs), len(jobs))
    if workers <= 1:
        return [_fix_one(job, unsafe) for job in jobs]
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    from functools import partial

    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(partial(_fix_one, unsafe=unsafe), jobs, chunksize=4))
    except BrokenProcessPool:
        raise LintError("a worker process died (out of memory?); try --jobs 1") from None


def diff_lines(text: str) -> list[str]:
    """``text`` cut into lines the way ``git apply`` and ``patch`` cut them: after each ``\n`` only.

    ``str.splitlines`` also breaks at form feeds (pdftotext puts one between pages), lone
    CRs, U+2028/2029, ``\x0b``, ``\x1c``-``\x1e`` and ``\x85``; a diff cut there has lines
    the tools do not see, and they reject it. A CR before the LF stays part of its line.
    """
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def unified_diff(outcome: FixOutcome, path: str) -> str:
    """The change as a unified diff, the way ``git diff`` shows it, that ``git apply`` and ``patch`` accept."""
    lines = difflib.unified_diff(
        diff_lines(outcome.original), diff_lines(outcome.text),
        fromfile=f"a/{path.lstrip('/')}", tofile=f"b/{path.lstrip('/')}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
