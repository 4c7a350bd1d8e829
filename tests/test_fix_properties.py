"""Property tests of fixing: over random reports and random sets of fixes, applying the
chosen fixes changes nothing outside the edited spans, and the unified diff, applied to
the original by a strict patcher, gives exactly the fixed text."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.diagnostic import Diagnostic, Edit, Fix, Severity
from reportlint.fix import FixOutcome, apply_edits, diff_lines, select_fixes, unified_diff
from reportlint.runner import FileResult
import itertools

# Han, ASCII, full-width punctuation and every line terminator str.splitlines knows.
ALPHABET = st.sampled_from([*list("甲乙丙丁。，ab *<>-+ @\\"), "\n", "\r", "\r\n", "\x0c", "\x0b", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
TEXT = st.lists(ALPHABET, max_size=60).map("".join)


@st.composite
def report_and_fixes(draw: st.DrawFn) -> tuple[str, list[Diagnostic]]:
    text = draw(TEXT)
    n = len(text)
    diags = []
    for _ in range(draw(st.integers(0, 6))):
        edits = []
        for _ in range(draw(st.integers(1, 3))):
            a = draw(st.integers(0, n))
            b = draw(st.integers(a, n))
            edits.append(Edit(a, b, draw(TEXT)))
        applicability = draw(st.sampled_from(["safe", "unsafe"]))
        diags.append(Diagnostic("TST001", "test", "typo", Severity.WARNING, "m", edits[0].start, edits[0].end,
                                fix=Fix(applicability, "f", tuple(edits))))
    return text, diags


def _outside_kept(text: str, edits: list[Edit], fixed: str) -> bool:
    """``fixed`` is the original with exactly the edited spans replaced, nothing else touched."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos:e.start])
        out.append(e.content)
        pos = e.end
    out.append(text[pos:])
    return "".join(out) == fixed


_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def strict_patch(original: str, diff: str) -> str:
    """Apply a unified diff the way ``patch`` does, failing on any context mismatch."""
    old = diff_lines(original)
    lines = diff.split("\n")[:-1]
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ ")
    out: list[str] = []
    pos = 0
    i = 2
    while i < len(lines):
        m = _HUNK.fullmatch(lines[i])
        assert m, lines[i]
        start = int(m.group(1)) - (0 if m.group(2) == "0" else 1)
        out.extend(old[pos:start])
        pos = start
        i += 1
        while i < len(lines) and not lines[i].startswith("@@"):
            tag, body = lines[i][:1], lines[i][1:] + "\n"
            if i + 1 < len(lines) and lines[i + 1] == "\\ No newline at end of file":
                body = body[:-1]
                i += 1
            if tag in " -":
                assert old[pos] == body, (old[pos], body)
                pos += 1
            if tag in " +":
                out.append(body)
            i += 1
    out.extend(old[pos:])
    return "".join(out)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_and_fixes(), st.booleans())
def test_fixes_touch_only_their_spans_and_the_diff_reproduces_them(case, unsafe: bool) -> None:
    text, diags = case
    chosen = select_fixes(diags, len(text), unsafe)
    edits = [e for f in chosen for e in f.edits]
    spans = sorted((e.start, e.end) for e in edits)
    assert all(a[1] <= b[0] and a[0] != b[0] for a, b in itertools.pairwise(spans))  # never overlapping
    assert all(f.applicability == "safe" or unsafe for f in chosen)
    fixed = apply_edits(text, edits)
    assert _outside_kept(text, edits, fixed)
    outcome = FixOutcome(text, fixed, FileResult("r.md", fixed, "zh", []))
    diff = unified_diff(outcome, "r.md")
    if fixed == text:
        assert diff == ""
    else:
        assert strict_patch(text, diff) == fixed


@given(TEXT)
def test_diff_lines_cut_only_after_line_feeds(text: str) -> None:
    lines = diff_lines(text)
    assert "".join(lines) == text
    assert all(line.endswith("\n") for line in lines[:-1]) and all("\n" not in line[:-1] for line in lines)
