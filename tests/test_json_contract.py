"""The JSON output follows design/json-output.md to the letter."""

from __future__ import annotations

import json

import jsonschema

from conftest import DATA, SEED, run_cli

SCHEMA = json.loads((DATA / "json-output.schema.json").read_text(encoding="utf-8"))


def test_seed_json_validates_against_the_contract() -> None:
    proc = run_cli("--output-format", "json", str(SEED))
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["summary"]["diagnostics"] == len(data["diagnostics"]) > 0
    assert data["files"] == [{"path": str(SEED), "language": "zh", "diagnostics": len(data["diagnostics"])}]
    counts = {k: sum(1 for d in data["diagnostics"] if d["severity"] == k) for k in ("error", "warning", "info")}
    assert {k: data["summary"][k] for k in counts} == counts


def test_offsets_lines_and_columns_agree_with_the_decoded_text() -> None:
    text = SEED.read_text(encoding="utf-8")
    data = json.loads(run_cli("--output-format", "json", str(SEED)).stdout)
    lines = text.split("\n")
    for d in data["diagnostics"]:
        for pos in [d["start"], d["end"]] + [p for r in d["related"] for p in (r["start"], r["end"])]:
            off = pos["offset"]
            before = text[:off]
            assert pos["line"] == before.count("\n") + 1
            assert pos["column"] == off - (before.rfind("\n") + 1) + 1
            assert pos["column"] <= len(lines[pos["line"] - 1]) + 1
        assert d["start"]["offset"] <= d["end"]["offset"]
        if d["fix"]:
            for e in d["fix"]["edits"]:
                assert 0 <= e["start"] <= e["end"] <= len(text)


def test_clean_report_gives_empty_list_and_exit_zero(tmp_path) -> None:
    report = tmp_path / "clean.md"
    report.write_text("# 标题\n\n这是一个完整的句子。\n", encoding="utf-8")
    proc = run_cli("--output-format", "json", str(report))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["diagnostics"] == []
    assert data["summary"] == {"files": 1, "diagnostics": 0, "error": 0, "warning": 0, "info": 0}


def test_bom_is_removed_before_offsets_are_counted(tmp_path) -> None:
    report = tmp_path / "bom.txt"
    report.write_bytes("\ufeff这里有<br>标签。\n".encode("utf-8"))
    data = json.loads(run_cli("--output-format", "json", "--select", "MKP001", str(report)).stdout)
    (d,) = data["diagnostics"]
    assert d["start"] == {"line": 1, "column": 4, "offset": 3}
    assert d["end"]["offset"] == 7
