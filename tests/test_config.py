"""Configuration files, selection and per-rule options."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from reportlint.config import ConfigError, ConfigResolver, Overrides, enabled_rules, options_for
from reportlint.registry import Registry, load_registry
from reportlint.rule import Rule

REPORT = "这里<br>有标签&nbsp;。\n\n**全面提升政策效能，**加强调度。\n"


def _codes(tmp_path: Path, *args: str) -> list[str]:
    out = run_cli(*args, "--output-format", "concise", cwd=tmp_path).stdout.decode()
    return [line.split(": ")[1].split()[0] for line in out.splitlines()]


def test_pyproject_table_selects(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname="x"\n[tool.reportlint]\nselect = ["MKP003"]\n')
    (tmp_path / "r.md").write_text(REPORT, encoding="utf-8")
    assert _codes(tmp_path, "r.md") == ["MKP003"]


def test_closest_config_wins(tmp_path: Path) -> None:
    (tmp_path / ".reportlint.toml").write_text('select = ["MKP001"]\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "reportlint.toml").write_text('select = ["MKP003"]\n')
    (tmp_path / "a.md").write_text(REPORT, encoding="utf-8")
    (sub / "b.md").write_text(REPORT, encoding="utf-8")
    out = run_cli(".", "--output-format", "concise", cwd=tmp_path).stdout.decode()
    a = [l for l in out.splitlines() if l.startswith("a.md")]
    b = [l for l in out.splitlines() if "b.md" in l]
    assert a and all("MKP001" in l for l in a)
    assert b and all("MKP003" in l for l in b)


def test_ignore_extend_select_and_cli_override(tmp_path: Path) -> None:
    (tmp_path / ".reportlint.toml").write_text('select = ["MKP001"]\nextend-select = ["MKP003"]\n')
    (tmp_path / "r.md").write_text(REPORT, encoding="utf-8")
    assert sorted(set(_codes(tmp_path, "r.md"))) == ["MKP001", "MKP003"]
    assert sorted(set(_codes(tmp_path, "r.md", "--ignore", "MKP001"))) == ["MKP003"]
    assert sorted(set(_codes(tmp_path, "r.md", "--select", "MKP002"))) == ["MKP003"]  # extend-select still applies
    assert _codes(tmp_path, "r.md", "--isolated", "--select", "MKP001") == ["MKP001", "MKP001"]


def test_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / ".reportlint.toml").write_text('[per-file-ignores]\n"drafts/*.md" = ["markup"]\n')
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.md").write_text(REPORT, encoding="utf-8")
    (tmp_path / "final.md").write_text(REPORT, encoding="utf-8")
    out = run_cli(".", "--output-format", "concise", "--select", "MKP", cwd=tmp_path).stdout.decode()
    assert "final.md" in out and "d.md" not in out


def test_config_flag_and_isolated(tmp_path: Path) -> None:
    (tmp_path / ".reportlint.toml").write_text('select = ["MKP001"]\n')
    other = tmp_path / "other.toml"
    other.write_text('select = ["MKP003"]\n')
    (tmp_path / "r.md").write_text(REPORT, encoding="utf-8")
    assert set(_codes(tmp_path, "r.md", "--config", str(other))) == {"MKP003"}
    assert {"MKP001", "MKP003"} <= set(_codes(tmp_path, "r.md", "--isolated"))


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ('selct = ["MKP001"]\n', "unknown key `selct`"),
        ('select = ["NOPE123"]\n', "NOPE123"),
        ('[rules.MKP001]\nfoo = 1\n', "unknown option `foo`"),
        ('[rules.ZZZ999]\n', "unknown rule `ZZZ999`"),
        ('select = "MKP001"\nignore = 3\n', "ignore"),
    ],
)
def test_config_errors_are_one_line(tmp_path: Path, content: str, needle: str) -> None:
    (tmp_path / ".reportlint.toml").write_text(content)
    (tmp_path / "r.md").write_text(REPORT, encoding="utf-8")
    proc = run_cli("r.md", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and needle in err and len(err.strip().splitlines()) == 1


class _Tunable(Rule):
    code = "TST001"
    name = "tunable"
    category = "style"
    summary = "a rule with options, for configuration tests"
    options = {"min-length": 40, "ratio": 0.9, "allow": ["GDP"], "strict": False}

    def check(self, doc, options):  # pragma: no cover - never run
        return iter(())


def test_rule_options_merge_defaults(tmp_path: Path) -> None:
    registry = Registry((_Tunable,))
    (tmp_path / "reportlint.toml").write_text('[rules.tunable]\nmin-length = 80\nratio = 1\nallow = ["GDP", "5G"]\n')
    settings = ConfigResolver(registry).for_path(tmp_path / "r.md")
    assert options_for(_Tunable, settings) == {"min-length": 80, "ratio": 1, "allow": ["GDP", "5G"], "strict": False}


@pytest.mark.parametrize("line", ['min-length = "many"', "strict = 1", 'allow = "GDP"', "ratio = true"])
def test_wrong_option_type_is_an_error(tmp_path: Path, line: str) -> None:
    (tmp_path / "reportlint.toml").write_text(f"[rules.TST001]\n{line}\n")
    with pytest.raises(ConfigError, match="must be"):
        ConfigResolver(Registry((_Tunable,))).for_path(tmp_path / "r.md")


def test_default_selection_uses_enabled_by_default() -> None:
    registry = load_registry()
    from reportlint.config import Settings

    chosen = enabled_rules(Settings(), registry, Overrides())
    assert {r.code for r in chosen} == {r.code for r in registry.rules if r.enabled_by_default and not r.preview}
    assert [r.code for r in enabled_rules(Settings(), registry, Overrides(select=["markup"]))] == ["MKP001", "MKP002", "MKP003"]


def test_option_names_are_kebab_case_in_configuration(tmp_path: Path) -> None:
    class Snake(_Tunable):
        code = "TST002"
        name = "snake"
        options = {"min_span_chars": 80}

    (tmp_path / "reportlint.toml").write_text("[rules.snake]\nmin-span-chars = 120\n")
    settings = ConfigResolver(Registry((Snake,))).for_path(tmp_path / "r.md")
    assert options_for(Snake, settings) == {"min_span_chars": 120}
    (tmp_path / "reportlint.toml").write_text("[rules.snake]\nmin-span = 120\n")
    with pytest.raises(ConfigError, match="known: min-span-chars"):
        ConfigResolver(Registry((Snake,))).for_path(tmp_path / "r.md")


def test_explain_prints_options_as_configuration_keys() -> None:
    out = run_cli("explain", "DUP004").stdout.decode()
    assert "min-span-chars = 80" in out
