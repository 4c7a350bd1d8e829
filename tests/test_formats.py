"""Output formats for CI: SARIF, GitHub annotations, GitLab Code Quality, reviewdog, JUnit.

The astral-plane line is the trap: 𠮷 (U+20BB7) is one code point, two UTF-16 code
units and four UTF-8 bytes, so a finding after it sits at a different column in each
format's unit. On ``𠮷野家<br>开业了`` the tag starts at code point 4, UTF-16 unit 5
and UTF-8 byte 11.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from reportlint.diagnostic import Diagnostic, Edit, Fix, Related, Severity
from reportlint.report import FORMATS, get_reporter
from reportlint.runner import FileResult, RunResult

DATA = Path(__file__).parent / "data"
SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
ASTRAL = "# 标题\n𠮷野家<br>开业了。\n"
TAG = ASTRAL.index("<br>")  # 8: code points before the tag
SEED = DATA / "seed.txt"


def _diag(start: int, end: int, message: str = "HTML tag `<br>` in prose", *, path: str = "r.md",
          code: str = "MKP001", fix: Fix | None = None, related: tuple[Related, ...] = (),
          severity: Severity = Severity.WARNING) -> Diagnostic:
    return Diagnostic(code=code, rule="html-residue", category="markup", severity=severity, message=message,
                      start=start, end=end, related=related, fix=fix, path=path)


def _run(text: str, *diags: Diagnostic, path: str = "r.md") -> RunResult:
    return RunResult([FileResult(path, text, "zh", list(diags))])


def _render(fmt: str, run: RunResult) -> str:
    out = io.StringIO()
    get_reporter(fmt)(run, out, color=False)
    return out.getvalue()


def _astral_run() -> RunResult:
    fix = Fix("unsafe", "remove the tag", (Edit(TAG, TAG + 4, ""),))
    return _run(ASTRAL, _diag(TAG, TAG + 4, fix=fix, related=(Related(2, 4, "heading"),)))


def test_every_format_is_registered() -> None:
    assert {"full", "concise", "json", "sarif", "github", "gitlab", "rdjson", "rdjsonl", "junit"} <= set(FORMATS)


# -- SARIF ---------------------------------------------------------------------
def test_sarif_validates_and_counts_utf16_columns() -> None:
    doc = json.loads(_render("sarif", _astral_run()))
    jsonschema.Draft7Validator(SCHEMA).validate(doc)
    run = doc["runs"][0]
    assert doc["version"] == "2.1.0" and run["columnKind"] == "utf16CodeUnits"
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 9}
    deleted = run["results"][0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]
    assert (deleted["startColumn"], deleted["endColumn"]) == (5, 9)
    related = run["results"][0]["relatedLocations"][0]
    assert related["physicalLocation"]["region"]["startLine"] == 1 and related["message"]["text"] == "heading"


def test_sarif_rule_metadata_comes_from_the_registry() -> None:
    doc = json.loads(_render("sarif", _astral_run()))
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["MKP001"]
    assert rules[0]["name"] == "html-residue"
    assert rules[0]["shortDescription"]["text"] == "HTML tag or entity left in the prose"
    assert "Wrong:" in rules[0]["help"]["text"]
    assert rules[0]["defaultConfiguration"]["level"] == "warning"
    assert doc["runs"][0]["results"][0]["ruleIndex"] == 0


def test_sarif_fingerprints_are_stable_and_unique() -> None:
    text = "甲<br>乙\n丙<br>丁\n"
    a, b = text.index("<br>"), text.rindex("<br>")
    before = json.loads(_render("sarif", _run(text, _diag(a, a + 4), _diag(b, b + 4))))["runs"][0]["results"]
    shifted_text = "新增一行。\n\n" + text
    s = len("新增一行。\n\n")
    after = json.loads(_render("sarif", _run(shifted_text, _diag(a + s, a + s + 4), _diag(b + s, b + s + 4))))
    after_results = after["runs"][0]["results"]
    fps = [r["partialFingerprints"] for r in before]
    assert fps[0] != fps[1]  # two identical findings, two identities
    assert fps == [r["partialFingerprints"] for r in after_results]  # lines moved, identities kept
    assert before[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert after_results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3


def test_sarif_of_a_real_run_validates(tmp_path: Path) -> None:
    f = tmp_path / "报告 one,two.md"
    f.write_text(SEED.read_text(encoding="utf-8") + "\n𠮷野家<br>开业了。\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "reportlint", "--output-format", "sarif", f.name], cwd=tmp_path,
                          capture_output=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    jsonschema.Draft7Validator(SCHEMA).validate(doc)
    results = doc["runs"][0]["results"]
    assert results and all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
                           "%E6%8A%A5%E5%91%8A%20one%2Ctwo.md" for r in results)
    ids = {r["id"] for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in results} == ids
    fps = [json.dumps(r["partialFingerprints"]) for r in results]
    assert len(fps) == len(set(fps))


def test_sarif_with_no_findings_validates() -> None:
    doc = json.loads(_render("sarif", _run("干净的文本。\n")))
    jsonschema.Draft7Validator(SCHEMA).validate(doc)
    assert doc["runs"][0]["results"] == [] and doc["runs"][0]["tool"]["driver"]["rules"] == []


# -- GitHub annotations ----------------------------------------------------------
def test_github_annotation_line_and_utf16_columns() -> None:
    lines = _render("github", _astral_run()).splitlines()
    assert lines[0] == ("::warning file=r.md,line=2,col=5,endLine=2,endColumn=9,title=MKP001 html-residue"
                        "::HTML tag `<br>` in prose")
    assert lines[-1] == "reportlint: 1 problem (1 warning) in 1 of 1 file"


def test_github_escapes_data_and_properties() -> None:
    text = "100% 完成\n"
    d = _diag(0, 4, "50% done\r\nnext: a, b", path="dir,x/a:b%.md", severity=Severity.ERROR)
    line = _render("github", _run(text, d, path="dir,x/a:b%.md")).splitlines()[0]
    assert line.startswith("::error file=dir%2Cx/a%3Ab%25.md,line=1,col=1,endLine=1,endColumn=5,")
    assert line.endswith("::50%25 done%0D%0Anext: a, b")  # ':' and ',' stay literal in the message
    assert "title=MKP001 html-residue::" in line


def test_github_escaping_functions() -> None:
    from reportlint.report.github import escape_data, escape_property

    assert escape_data("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f"
    assert escape_property("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf"
    assert escape_property("%3A") == "%253A"  # escaped once, the percent first


def test_github_summary_line_always() -> None:
    assert _render("github", _run("干净。\n")).splitlines() == ["reportlint: no problems found in 1 file"]


def test_github_info_is_a_notice() -> None:
    out = _render("github", _run(ASTRAL, _diag(TAG, TAG + 4, severity=Severity.INFO)))
    assert out.startswith("::notice file=r.md,")


# -- GitLab Code Quality ---------------------------------------------------------
def test_gitlab_code_quality_lines_and_unique_fingerprints() -> None:
    text = "𠮷<br>甲<br>\n乙\n丙<br>\n"
    offs = [i for i in range(len(text)) if text.startswith("<br>", i)]
    issues = json.loads(_render("gitlab", _run(text, *(_diag(o, o + 4) for o in offs))))
    assert [i["location"]["lines"]["begin"] for i in issues] == [1, 1, 3]
    assert all(i["location"]["path"] == "r.md" and i["severity"] == "minor" and i["check_name"] == "MKP001"
               for i in issues)
    assert len({i["fingerprint"] for i in issues}) == 3
    assert all(isinstance(i["description"], str) and i["description"] for i in issues)


def test_gitlab_multiline_span_ends_on_its_last_line() -> None:
    text = "甲乙\n丙丁\n"
    issue = json.loads(_render("gitlab", _run(text, _diag(0, 6))))[0]  # through the second newline
    assert issue["location"]["lines"] == {"begin": 1, "end": 2}


# -- reviewdog -----------------------------------------------------------------
def test_rdjson_counts_utf8_bytes() -> None:
    doc = json.loads(_render("rdjson", _astral_run()))
    d = doc["diagnostics"][0]
    assert doc["source"]["name"] == "reportlint"
    assert d["location"]["range"] == {"start": {"line": 2, "column": 11}, "end": {"line": 2, "column": 15}}
    assert d["severity"] == "WARNING" and d["code"]["value"] == "MKP001"
    assert d["suggestions"] == [{"range": d["location"]["range"], "text": ""}]


def test_rdjsonl_is_one_diagnostic_per_line() -> None:
    text = "𠮷<br>\n<br>\n"
    out = _render("rdjsonl", _run(text, _diag(1, 5), _diag(6, 10)))
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["location"]["range"]["start"] for r in rows] == [{"line": 1, "column": 5}, {"line": 2, "column": 1}]


# -- JUnit ---------------------------------------------------------------------
def test_junit_parses_and_uses_code_point_columns() -> None:
    root = ET.fromstring(_render("junit", _astral_run()))
    assert root.tag == "testsuites" and root.get("failures") == "1"
    case = root.find("testsuite/testcase")
    assert case is not None and case.get("name") == "MKP001 html-residue at 2:4"
    failure = case.find("failure")
    assert failure is not None and failure.get("message") == "HTML tag `<br>` in prose"


def test_junit_clean_file_passes_and_control_characters_are_replaced() -> None:
    run = RunResult([FileResult("ok.md", "好。\n", "zh", []),
                     FileResult("bad.md", "a\x01b\n", "zh", [_diag(1, 2, "control \x01 char", path="bad.md")])])
    root = ET.fromstring(_render("junit", run))
    suites = root.findall("testsuite")
    assert [s.get("failures") for s in suites] == ["0", "1"]
    assert suites[0].find("testcase/failure") is None
    assert suites[1].find("testcase/failure").get("message") == "control \ufffd char"


# -- people's formats on the same line -------------------------------------------
def test_concise_and_json_count_code_points() -> None:
    assert _render("concise", _astral_run()).startswith("r.md:2:4: MKP001 ")
    doc = json.loads(_render("json", _astral_run()))
    assert doc["diagnostics"][0]["start"] == {"line": 2, "column": 4, "offset": TAG}
    assert doc["diagnostics"][0]["end"] == {"line": 2, "column": 8, "offset": TAG + 4}


def test_full_collapses_identical_findings() -> None:
    text = "".join("甲<br>乙。\n\n" for _ in range(100))
    offs = [i for i in range(len(text)) if text.startswith("<br>", i)]
    out = _render("full", _run(text, *(_diag(o, o + 4) for o in offs)))
    assert out.count("warning[MKP001]") == 1
    assert "and 99 more like this (lines 3, 5, 7," in out
    assert "Found 100 problems" in out


def test_full_keeps_different_findings_apart() -> None:
    text = "甲<br>乙。\n\n丙<hr>丁。\n"
    out = _render("full", _run(text, _diag(1, 5), _diag(text.index("<hr>"), text.index("<hr>") + 4)))
    assert out.count("warning[MKP001]") == 2 and "more like this" not in out


@pytest.mark.parametrize("fmt", ["sarif", "github", "gitlab", "rdjson", "rdjsonl", "junit"])
def test_cli_accepts_every_ci_format(tmp_path: Path, fmt: str) -> None:
    f = tmp_path / "r.md"
    f.write_text(ASTRAL, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "reportlint", "--select", "MKP001", "--output-format", fmt, str(f)],
                          capture_output=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.strip()


def test_absolute_paths_under_the_working_folder_become_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    inside = str(tmp_path / "sub" / "r.md")
    run = _run(ASTRAL, _diag(TAG, TAG + 4, path=inside), path=inside)
    assert "::warning file=sub/r.md," in _render("github", run)
    uri = json.loads(_render("sarif", run))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert uri["artifactLocation"]["uri"] == "sub/r.md"
    assert json.loads(_render("gitlab", run))[0]["location"]["path"] == "sub/r.md"
    assert json.loads(_render("rdjson", run))["diagnostics"][0]["location"]["path"] == "sub/r.md"
    outside = "/elsewhere/报告.md"
    run = _run(ASTRAL, _diag(TAG, TAG + 4, path=outside), path=outside)
    loc = json.loads(_render("sarif", run))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "file:///elsewhere/%E6%8A%A5%E5%91%8A.md"


def test_github_multiline_annotation_has_no_columns() -> None:
    """The runner rejects col/endColumn when line and endLine differ, dropping the annotation."""
    text = "甲乙丙\n丁戊己\n"
    line = _render("github", _run(text, _diag(1, 6))).splitlines()[0]
    assert line.startswith("::warning file=r.md,line=1,endLine=2,title=MKP001 html-residue::")
    assert "col=" not in line and "endColumn=" not in line


def test_github_span_with_its_newline_stays_on_its_line() -> None:
    text = "甲乙丙\n丁\n"
    line = _render("github", _run(text, _diag(0, 4))).splitlines()[0]
    assert line.startswith("::warning file=r.md,line=1,col=1,endLine=1,endColumn=4,")
