"""``--fix``, ``--unsafe-fixes`` and ``--diff``: what is applied, what is written, and that no text is lost.

The property tests check, for every pass of the fixer over generated and real reports:
the new text is the old one with exactly the chosen edits applied (checked against an
independent forward rebuild and by counting characters), and re-linting it no longer
reports the findings that were fixed.
"""

from __future__ import annotations

import codecs
import subprocess
import sys
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.baseline import finding_text
from reportlint.diagnostic import Diagnostic, Edit, Fix, Severity
from reportlint.fix import MAX_PASSES, apply_edits, applicable, fix_text, select_fixes
from reportlint.registry import load_registry
from reportlint.runner import FileResult, lint_text
from reportlint.rules.markup import CjkEmphasisNotRendered, HtmlResidue, UnpairedEmphasis

DATA = Path(__file__).parent / "data"
SEED = (DATA / "seed.txt").read_text(encoding="utf-8")
MARKUP = [(r, dict(r.options)) for r in (HtmlResidue, UnpairedEmphasis, CjkEmphasisNotRendered)]


def default_rules() -> list:
    return [(r, dict(r.options)) for r in load_registry().rules if r.enabled_by_default]


def _d(start: int, end: int, fix: Fix | None) -> Diagnostic:
    return Diagnostic("MKP001", "html-residue", "markup", Severity.WARNING, "m", start, end, fix=fix)


# -- the pieces ----------------------------------------------------------------
def test_apply_edits_from_the_end() -> None:
    text = "0123456789"
    assert apply_edits(text, [Edit(1, 2, "AB"), Edit(5, 7, ""), Edit(9, 9, "!")]) == "0AB23478!9"


def test_select_skips_overlapping_and_malformed_fixes() -> None:
    a = Fix("safe", "a", (Edit(0, 4, "x"),))
    b = Fix("safe", "b", (Edit(2, 6, "y"),))  # overlaps a
    c = Fix("safe", "c", (Edit(6, 8, ""),))  # touches b's end only
    d = Fix("safe", "d", (Edit(9, 20, ""),))  # beyond the text
    e = Fix("safe", "e", (Edit(8, 8, "1"),))
    f = Fix("safe", "f", (Edit(8, 8, "2"),))  # two insertions at one place: one per pass
    chosen = select_fixes([_d(0, 1, x) for x in (b, a, c, d, e, f)], 10, unsafe=False)
    assert [x.message for x in chosen] == ["a", "c", "e"]


def test_safe_only_unless_unsafe() -> None:
    safe = Fix("safe", "s", (Edit(0, 1, ""),))
    unsafe = Fix("unsafe", "u", (Edit(2, 3, ""),))
    diags = [_d(0, 1, safe), _d(2, 3, unsafe), _d(4, 5, None)]
    assert [f.message for f in select_fixes(diags, 10, unsafe=False)] == ["s"]
    assert [f.message for f in select_fixes(diags, 10, unsafe=True)] == ["s", "u"]
    assert [applicable(d, False) for d in diags] == [True, False, False]


def test_fix_text_iterates_until_stable() -> None:
    text = "标题<br>内容<span>文字</span>。\n\n**全面提升政策效能，**加强调度。\n"
    safe = fix_text(text, "t.md", MARKUP)
    assert safe.text == "标题<br>内容<span>文字</span>。\n\n**全面提升政策效能**，加强调度。\n"
    everything = fix_text(text, "t.md", MARKUP, unsafe=True)
    assert everything.text == "标题内容文字。\n\n**全面提升政策效能**，加强调度。\n"
    assert everything.fixed == 4 and not everything.result.diagnostics


def test_fix_text_stops_after_max_passes() -> None:
    class Grow(HtmlResidue):
        """A broken rule whose fix never converges: it always finds something to insert."""

        code = "MKP901"
        name = "grow"

        def check(self, doc, options):  # type: ignore[no-untyped-def]
            yield self.report(0, 0, "grow", fix=Fix("safe", "grow", (Edit(0, 0, "x"),), proven=True))

    outcome = fix_text("a\n", "t.md", [(Grow, {})])
    assert len(outcome.passes) == MAX_PASSES and outcome.text == "x" * MAX_PASSES + "a\n"


# -- the property: nothing is lost but what the edits replace ---------------------
def _rebuild_forward(text: str, edits: list[Edit]) -> str:
    """An independent oracle: walk the text forwards and splice each edit in."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        assert e.start >= pos, "edits of one pass overlap"
        out.append(text[pos:e.start])
        out.append(e.content)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def _check_fix_property(text: str, rules: list, unsafe: bool) -> None:
    current = text
    result = lint_text(current, "t.md", rules)
    converged = False
    for _ in range(MAX_PASSES):
        fixes = select_fixes(result.diagnostics, len(current), unsafe)
        if not fixes:
            converged = True
            break
        edits = [e for f in fixes for e in f.edits]
        new = apply_edits(current, edits)
        # 1. exactly the edits changed: the same as the forward rebuild, and the characters add up
        assert new == _rebuild_forward(current, edits)
        removed = Counter("".join(current[e.start:e.end] for e in edits))
        inserted = Counter("".join(e.content for e in edits))
        assert Counter(new) + removed == Counter(current) + inserted
        # 2. re-linting the new text finds no more of any kind of finding that was fixed. Not
        # necessarily none: fixing the stutters of "the the the the" pairwise leaves "the the",
        # a new, shorter stutter that the next pass fixes; point 3 checks the end state.
        chosen = {id(f) for f in fixes}
        before = Counter((d.code, finding_text(result, d)) for d in result.diagnostics)
        fixed = Counter((d.code, finding_text(result, d)) for d in result.diagnostics if id(d.fix) in chosen)
        after_result = lint_text(new, "t.md", rules)
        after = Counter((d.code, finding_text(after_result, d)) for d in after_result.diagnostics)
        for key, n in fixed.items():
            assert after[key] <= before[key], (key, before[key], n, after[key])
        current, result = new, after_result
    # 3. the fixer itself agrees with the step-by-step run (it stops at the same pass limit)
    assert fix_text(text, "t.md", rules, unsafe=unsafe).text == current
    # 4. once converged nothing applicable is left, so none of the fixed findings is either; a
    # fix left over here would be one the fixer refused as malformed (edits out of range or overlapping)
    if converged:
        assert not [d for d in result.diagnostics if applicable(d, unsafe)]


FRAGMENTS = [
    "今年全市经济运行总体平稳。", "就业形势保持稳定，", "居民收入稳步增长", "<br>", "</span>", "<p>", "&nbsp;",
    "**", "**全面提升政策效能，**", "加强经济运行调度", "的的", "我们们", "the the ", "growth ", "\n", "\n\n",
    "一、", "（一）", "2023年", "增长5.2%", "。", "，", "# 标题\n\n", "- 列表项\n",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40), st.booleans())
def test_fix_property_on_generated_reports(parts: list[str], unsafe: bool) -> None:
    _check_fix_property("".join(parts), default_rules(), unsafe)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=len(SEED)), st.sampled_from(["<br>", "</span>", "的的"])),
                max_size=6), st.booleans())
def test_fix_property_on_the_real_report_with_defects_put_in(inserts: list[tuple[int, str]], unsafe: bool) -> None:
    text = SEED
    for pos, frag in sorted(inserts, reverse=True):
        text = text[:pos] + frag + text[pos:]
    _check_fix_property(text, default_rules(), unsafe)


# -- the command line ------------------------------------------------------------
def _cli(*args: str, cwd: Path | None = None, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "reportlint", "--select", "markup", *args], cwd=cwd,
                          capture_output=True, input=input, timeout=120)


BAD = "标题<br>内容。\n\n**全面提升政策效能，**加强调度。\n"


def test_fix_writes_safe_fixes_only(tmp_path: Path) -> None:
    f = tmp_path / "r.md"
    f.write_text(BAD, encoding="utf-8")
    proc = _cli("--fix", "--output-format", "concise", str(f))
    assert f.read_text(encoding="utf-8") == "标题<br>内容。\n\n**全面提升政策效能**，加强调度。\n"
    assert proc.returncode == 1  # the tag is left: its fix is unsafe
    assert b"MKP001" in proc.stdout and b"MKP003" not in proc.stdout
    assert b"Fixed 1 finding in 1 file" in proc.stderr


def test_unsafe_fixes_and_clean_exit(tmp_path: Path) -> None:
    f = tmp_path / "r.md"
    f.write_text(BAD, encoding="utf-8")
    proc = _cli("--fix", "--unsafe-fixes", "--output-format", "concise", str(f))
    assert f.read_text(encoding="utf-8") == "标题内容。\n\n**全面提升政策效能**，加强调度。\n"
    assert proc.returncode == 0 and proc.stdout == b""


def test_diff_shows_and_never_writes(tmp_path: Path) -> None:
    f = tmp_path / "r.md"
    f.write_text(BAD, encoding="utf-8")
    proc = _cli("--diff", "--unsafe-fixes", str(f))
    assert f.read_text(encoding="utf-8") == BAD
    out = proc.stdout.decode()
    assert proc.returncode == 1
    assert f"--- a/{str(f).lstrip('/')}" in out and "-标题<br>内容。" in out and "+标题内容。" in out
    assert "+**全面提升政策效能**，加强调度。" in out


def test_without_fix_nothing_is_written(tmp_path: Path) -> None:
    f = tmp_path / "r.md"
    f.write_text(BAD, encoding="utf-8")
    before = f.stat().st_mtime_ns
    _cli("--unsafe-fixes", str(f))
    assert f.read_text(encoding="utf-8") == BAD and f.stat().st_mtime_ns == before


def test_fix_keeps_the_original_encoding(tmp_path: Path) -> None:
    gb = tmp_path / "gb.txt"
    gb.write_bytes("全面提升<br>政策效能。\n".encode("gb18030"))
    bom = tmp_path / "bom.md"
    bom.write_bytes(codecs.BOM_UTF8 + "全面提升<br>政策效能。\r\n".encode())
    u16 = tmp_path / "u16.md"
    u16.write_bytes("全面提升<br>政策效能。\n".encode("utf-16"))
    _cli("--fix", "--unsafe-fixes", str(gb), str(bom), str(u16))
    assert gb.read_bytes() == "全面提升政策效能。\n".encode("gb18030")
    assert bom.read_bytes() == codecs.BOM_UTF8 + "全面提升政策效能。\r\n".encode()
    assert u16.read_bytes().decode("utf-16") == "全面提升政策效能。\n"
    assert u16.read_bytes()[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def test_fix_on_stdin_prints_the_fixed_text(tmp_path: Path) -> None:
    proc = _cli("--fix", "--unsafe-fixes", "-", "--stdin-filename", "r.md", input=BAD.encode())
    assert proc.stdout.decode() == "标题内容。\n\n**全面提升政策效能**，加强调度。\n"
    assert proc.returncode == 0


def test_fix_result_is_linted_again() -> None:
    res = lint_text(BAD, "t.md", MARKUP)
    outcome = fix_text(BAD, "t.md", MARKUP, first=res)
    assert isinstance(outcome.result, FileResult)
    assert [d.code for d in outcome.result.diagnostics] == ["MKP001"]
    assert outcome.changed and len(outcome.passes) == 1
