"""Baselines: known findings stop failing, new ones still fail, line shifts do not matter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reportlint.baseline import Baseline, finding_text, normalise_path
from reportlint.diagnostic import Diagnostic, Severity
from reportlint.runner import FileResult, RunResult

OLD = "# 报告\n\n经济<br>运行平稳。\n\n就业<br>稳定。\n"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reportlint", "--select", "markup", "--output-format", "concise", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=120)


def test_known_findings_pass_and_new_ones_fail(tmp_path: Path) -> None:
    (tmp_path / "r.md").write_text(OLD, encoding="utf-8")
    proc = _cli("--write-baseline", "base.json", "r.md", cwd=tmp_path)
    assert proc.returncode == 0 and "wrote 2 findings" in proc.stderr
    data = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(e["path"], e["code"], e["count"], e["text"]) for e in data["findings"]] == [("r.md", "MKP001", 2, "<br>")]

    assert _cli("--baseline", "base.json", "r.md", cwd=tmp_path).returncode == 0
    # Lines added above the known findings: still known.
    (tmp_path / "r.md").write_text("# 报告\n\n新的一段。\n\n" + OLD.split("\n", 2)[2], encoding="utf-8")
    assert _cli("--baseline", "base.json", "r.md", cwd=tmp_path).returncode == 0
    # A third tag: the count is exceeded, so exactly one finding is new.
    (tmp_path / "r.md").write_text(OLD + "\n社会<br>和谐。\n", encoding="utf-8")
    proc = _cli("--baseline", "base.json", "r.md", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout.count("MKP001") == 1
    # A different finding: new.
    (tmp_path / "r.md").write_text(OLD + "\n社会</span>和谐。\n", encoding="utf-8")
    proc = _cli("--baseline", "base.json", "r.md", cwd=tmp_path)
    assert proc.returncode == 1 and "</span>" in proc.stdout and "<br>" not in proc.stdout


def test_baseline_is_per_file(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "b.md").write_text("干净。\n", encoding="utf-8")
    _cli("--write-baseline", "base.json", "a.md", "b.md", cwd=tmp_path)
    (tmp_path / "b.md").write_text(OLD, encoding="utf-8")  # the same findings, in another file
    proc = _cli("--baseline", "base.json", "a.md", "./b.md", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout.count("b.md:") == 2 and "a.md:" not in proc.stdout


def test_bad_baseline_is_one_line_and_exit_two(tmp_path: Path) -> None:
    (tmp_path / "r.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "other.json").write_text('{"version": 7}', encoding="utf-8")
    for name in ("bad.json", "other.json", "missing.json"):
        proc = _cli("--baseline", name, "r.md", cwd=tmp_path)
        assert proc.returncode == 2, name
        assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("reportlint: error:") and name in proc.stderr


def _diag(start: int, end: int, fp: str = "") -> Diagnostic:
    return Diagnostic("TYP001", "stutter", "typo", Severity.WARNING, "m", start, end, path="r.md", fingerprint_text=fp)


def test_key_uses_fingerprint_text_else_span_and_ignores_whitespace() -> None:
    text = "甲  乙\n丙"
    f = FileResult("r.md", text, "zh", [])
    assert finding_text(f, _diag(0, 6)) == "甲 乙 丙"  # span text, whitespace runs collapsed
    assert finding_text(f, _diag(0, 1, fp="  keyed\ntext ")) == "keyed text"


def test_filter_drops_up_to_the_count_in_document_order() -> None:
    text = "的的 的的 的的"
    diags = [_diag(0, 2), _diag(3, 5), _diag(6, 8)]
    base = Baseline.from_run(RunResult([FileResult("r.md", text, "zh", diags[:2])]))
    run = RunResult([FileResult("r.md", text, "zh", list(diags))])
    assert base.filter(run) == 2
    assert [d.start for d in run.files[0].diagnostics] == [6]


def test_round_trip(tmp_path: Path) -> None:
    text = "的的 的的"
    run = RunResult([FileResult("./r.md", text, "zh", [_diag(0, 2), _diag(3, 5)])])
    Baseline.from_run(run).write(tmp_path / "b.json", run)
    again = Baseline.read(tmp_path / "b.json")
    assert again.counts == Baseline.from_run(run).counts
    assert normalise_path("./dir\\r.md") == "dir/r.md"
