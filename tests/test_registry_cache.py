"""The rule entry points are read from a cache while the environment stays the same."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reportlint import registry


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(sys, "path", [*sys.path, str(folder)])
    return folder


def test_a_second_run_reads_the_cache_not_the_metadata(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = registry.rule_entry_points()
    assert ("truncation", "reportlint.rules.truncation:RULES") in first

    def no_scan() -> list[tuple[str, str]]:
        raise AssertionError("the installed metadata was read again")

    monkeypatch.setattr(registry, "_scan_entry_points", no_scan)
    assert registry.rule_entry_points() == first


def test_installing_a_distribution_on_the_path_is_seen(site: Path) -> None:
    before = registry.rule_entry_points()
    dist = site / "reportlint_cache_demo-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: reportlint-cache-demo\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[reportlint.rules]\ncachedemo = reportlint_cache_demo:RULES\n")
    after = registry.rule_entry_points()
    assert ("cachedemo", "reportlint_cache_demo:RULES") in after and ("cachedemo", "reportlint_cache_demo:RULES") not in before


def test_a_folder_without_distributions_may_change_freely(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    registry.rule_entry_points()
    (site / "notes.txt").write_text("a file that is no distribution")
    monkeypatch.setattr(registry, "_scan_entry_points", lambda: pytest.fail("scanned again"))
    registry.rule_entry_points()


def test_an_unwritable_cache_folder_still_finds_the_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(blocker / "below-a-file"))
    assert ("typo", "reportlint.rules.typo:RULES") in registry.rule_entry_points()
