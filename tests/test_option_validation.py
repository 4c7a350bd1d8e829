"""Rule options are validated fully: element types, ranges, NaN and infinities."""

from __future__ import annotations

import math

import pytest

from reportlint.config import ConfigError, validate_options
from reportlint.rule import Rule


class _Opts(Rule):
    code = "TST901"
    name = "option-holder"
    category = "typo"
    summary = "holds options for the tests"
    options = {"allow": [], "window": 60, "near_similarity": 95.0, "max_ratio": 2.0, "codes": ["A"], "strict": False}


@pytest.mark.parametrize("given, fragment", [
    ({"allow": [1, 2]}, "str elements"),
    ({"allow": ["ok", None]}, "element 1"),
    ({"codes": [3]}, "str elements"),
    ({"window": -5}, "not be negative"),
    ({"near-similarity": math.nan}, "finite"),
    ({"near-similarity": math.inf}, "finite"),
    ({"near-similarity": 101.0}, "0 to 100"),
    ({"max-ratio": -0.5}, "not be negative"),
    ({"window": True}, "must be int"),
    ({"strict": 1}, "must be bool"),
])
def test_bad_values_are_refused(given: dict, fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment):
        validate_options(_Opts, given, "cfg")


def test_good_values_pass_unchanged() -> None:
    good = {"allow": ["Citywalk"], "window": 0, "near-similarity": 90, "max-ratio": 1.5, "strict": True}
    assert validate_options(_Opts, good, "cfg") == {"allow": ["Citywalk"], "window": 0, "near_similarity": 90,
                                                    "max_ratio": 1.5, "strict": True}


def test_cli_reports_a_bad_option_in_one_line(tmp_path) -> None:
    from conftest import run_cli

    (tmp_path / "r.md").write_text("正文。\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.reportlint.rules.DUP002]\nnear-similarity = nan\n', encoding="utf-8")
    proc = run_cli("r.md", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1 and b"finite" in proc.stderr


def test_a_deeply_nested_configuration_is_one_line(tmp_path) -> None:
    from conftest import run_cli

    (tmp_path / "r.md").write_text("正文。\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.reportlint]\nselect = " + "[" * 100_000 + "]" * 100_000 + "\n",
                                             encoding="utf-8")
    proc = run_cli("r.md", cwd=tmp_path)
    assert proc.returncode == 2 and b"nested too deeply" in proc.stderr and b"Traceback" not in proc.stderr
