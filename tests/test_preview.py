"""Preview rules: off unless --preview or `preview = true`, like ruff's.

A plugin declares one stable and one preview rule, so the tests do not depend on
which built-in rules are preview at the moment.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest
from conftest import run_cli

from reportlint.config import ConfigError, ConfigResolver, Overrides, Settings, enabled_rules, ignored_preview_selections
from reportlint.diagnostic import Severity
from reportlint.registry import Registry
from reportlint.rule import Rule

_PLUGIN = '''
from reportlint.diagnostic import Severity
from reportlint.rule import Rule

class _Word(Rule):
    category = "style"
    severity = Severity.INFO
    explanation = "Wrong: 待定 Right: a decision."
    word = ""

    def check(self, doc, options):
        at = doc.text.find(self.word)
        if at != -1:
            yield self.report(at, at + len(self.word), f"`{self.word}` left in the text")

class Stable(_Word):
    code = "PVW001"
    name = "stable-word"
    summary = "a stable rule"
    word = "待定"

class Trial(_Word):
    code = "PVW002"
    name = "trial-word"
    summary = "a rule still on trial"
    preview = True
    word = "暂缺"

RULES = [Stable, Trial]
'''


@pytest.fixture
def plugin_env(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "reportlint_preview_plugin.py").write_text(textwrap.dedent(_PLUGIN))
    dist = site / "reportlint_preview_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: reportlint-preview-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[reportlint.rules]\npvw = reportlint_preview_plugin:RULES\n")
    return dict(os.environ, PYTHONPATH=str(site))


def _codes(proc) -> list[str]:
    return sorted({d["code"] for d in json.loads(proc.stdout)["diagnostics"] if d["code"].startswith("PVW")})


def _report(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir(exist_ok=True)
    f = folder / "r.md"
    f.write_text("预算数字待定，数据暂缺。\n", encoding="utf-8")
    return f


def test_preview_rule_runs_only_with_preview(tmp_path: Path, plugin_env: dict[str, str]) -> None:
    f = _report(tmp_path)
    assert _codes(run_cli(str(f), "--output-format", "json", env=plugin_env)) == ["PVW001"]
    assert _codes(run_cli(str(f), "--output-format", "json", "--preview", env=plugin_env)) == ["PVW001", "PVW002"]
    # a prefix or ALL does not bring a preview rule in either
    assert _codes(run_cli(str(f), "--output-format", "json", "--select", "ALL", env=plugin_env)) == ["PVW001"]
    assert _codes(run_cli(str(f), "--output-format", "json", "--select", "PVW", env=plugin_env)) == ["PVW001"]


def test_preview_from_configuration_and_no_preview_beats_it(tmp_path: Path, plugin_env: dict[str, str]) -> None:
    f = _report(tmp_path)
    (f.parent / "reportlint.toml").write_text("preview = true\n")
    assert _codes(run_cli(str(f), "--output-format", "json", env=plugin_env)) == ["PVW001", "PVW002"]
    assert _codes(run_cli(str(f), "--output-format", "json", "--no-preview", env=plugin_env)) == ["PVW001"]


def test_selecting_a_preview_rule_by_code_without_preview_warns_and_has_no_effect(
        tmp_path: Path, plugin_env: dict[str, str]) -> None:
    f = _report(tmp_path)
    for selector in ("PVW002", "trial-word"):
        proc = run_cli(str(f), "--output-format", "json", "--select", selector, env=plugin_env)
        assert proc.returncode == 0, proc.stderr  # nothing ran, nothing found
        assert _codes(proc) == []
        err = proc.stderr.decode()
        assert f"selection `{selector}` has no effect because preview is not enabled" in err
        assert len(err.strip().splitlines()) == 1
    proc = run_cli(str(f), "--output-format", "json", "--select", "PVW002", "--preview", env=plugin_env)
    assert _codes(proc) == ["PVW002"] and "no effect" not in proc.stderr.decode()
    # a stable rule selected by code gives no warning
    proc = run_cli(str(f), "--output-format", "json", "--select", "PVW001", env=plugin_env)
    assert _codes(proc) == ["PVW001"] and proc.stderr.decode() == ""


def test_rules_and_explain_show_the_status(plugin_env: dict[str, str]) -> None:
    listed = json.loads(run_cli("rules", "--output-format", "json", env=plugin_env).stdout)
    status = {r["code"]: r["preview"] for r in listed if r["code"].startswith("PVW")}
    assert status == {"PVW001": False, "PVW002": True}
    table = run_cli("rules", env=plugin_env).stdout.decode()
    row = next(line for line in table.splitlines() if "PVW002" in line)
    assert "preview" in row
    assert "preview" not in next(line for line in table.splitlines() if "PVW001" in line)
    assert "status: preview" in run_cli("explain", "PVW002", env=plugin_env).stdout.decode()
    assert "status: stable" in run_cli("explain", "stable-word", env=plugin_env).stdout.decode()


class _Stable(Rule):
    code = "TST101"
    name = "stable-thing"
    category = "style"
    severity = Severity.INFO
    summary = "stable"


class _Trial(_Stable):
    code = "TST102"
    name = "trial-thing"
    summary = "trial"
    preview = True


def test_enabled_rules_filters_preview_unless_asked() -> None:
    registry = Registry((_Stable, _Trial))
    assert [r.code for r in enabled_rules(Settings(), registry, Overrides())] == ["TST101"]
    assert [r.code for r in enabled_rules(Settings(preview=True), registry, Overrides())] == ["TST101", "TST102"]
    assert [r.code for r in enabled_rules(Settings(preview=True), registry, Overrides(preview=False))] == ["TST101"]
    assert [r.code for r in enabled_rules(Settings(), registry, Overrides(preview=True, select=["TST102"]))] == ["TST102"]
    assert ignored_preview_selections(Settings(select=["TST102", "TST"]), registry, Overrides()) == ["TST102"]
    assert ignored_preview_selections(Settings(), registry, Overrides(extend_select=["trial-thing"])) == ["trial-thing"]
    assert ignored_preview_selections(Settings(select=["TST102"]), registry, Overrides(preview=True)) == []


def test_preview_key_must_be_a_boolean(tmp_path: Path) -> None:
    (tmp_path / "reportlint.toml").write_text('preview = "yes"\n')
    with pytest.raises(ConfigError, match="`preview` must be true or false"):
        ConfigResolver(Registry((_Stable, _Trial))).for_path(tmp_path / "r.md")
    (tmp_path / "reportlint.toml").write_text("preview = true\n")
    assert ConfigResolver(Registry((_Stable, _Trial))).for_path(tmp_path / "r.md").preview is True
