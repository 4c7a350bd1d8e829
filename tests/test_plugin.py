"""A third-party rule registered through the entry-point group is found and run."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

from conftest import run_cli


def _install_plugin(site: Path) -> None:
    (site / "reportlint_demo_plugin.py").write_text(textwrap.dedent('''
        from reportlint.diagnostic import Severity
        from reportlint.rule import Rule

        class NoTodo(Rule):
            code = "DEMO001"
            name = "no-todo"
            category = "style"
            severity = Severity.INFO
            summary = "TODO left in a report"
            explanation = "Wrong: TODO 补充数据。 Right: 补充后的数据。"
            options = {"word": "TODO"}

            def check(self, doc, options):
                word = options["word"]
                start = doc.text.find(word)
                while start != -1:
                    yield self.report(start, start + len(word), f"`{word}` left in the text")
                    start = doc.text.find(word, start + 1)

        RULES = [NoTodo]
    '''))
    dist = site / "reportlint_demo_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: reportlint-demo-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[reportlint.rules]\ndemo = reportlint_demo_plugin:RULES\n")


def test_plugin_rule_is_listed_configured_and_run(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _install_plugin(site)
    env = dict(os.environ, PYTHONPATH=str(site))
    report = tmp_path / "r.md"
    report.write_text("正文。TODO 补充数据。\n", encoding="utf-8")

    listed = run_cli("rules", env=env).stdout.decode()
    assert "DEMO001" in listed and "no-todo" in listed

    proc = run_cli(str(report), "--output-format", "json", env=env)
    assert proc.returncode == 1, proc.stderr
    diags = [d for d in json.loads(proc.stdout)["diagnostics"] if d["code"] == "DEMO001"]
    assert [(d["start"]["offset"], d["category"], d["severity"]) for d in diags] == [(3, "style", "info")]

    (tmp_path / "reportlint.toml").write_text('[rules.no-todo]\nword = "补充"\n')
    proc = run_cli(str(report), "--output-format", "json", "--select", "DEMO001", env=env)
    diags = json.loads(proc.stdout)["diagnostics"]
    assert [d["start"]["offset"] for d in diags] == [8]


def test_broken_plugin_is_one_line_error(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    dist = site / "broken-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[reportlint.rules]\nbroken = no_such_module:RULES\n")
    report = tmp_path / "r.md"
    report.write_text("正文。\n", encoding="utf-8")
    proc = run_cli(str(report), env=dict(os.environ, PYTHONPATH=str(site)))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "broken" in err and len(err.strip().splitlines()) == 1
