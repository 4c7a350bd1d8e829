"""The pre-commit hook, run by the real pre-commit against a throw-away repository of reports.

``pre-commit try-repo`` installs the hook repository into its own virtualenv (pip
fetches click, rich, rapidfuzz and regex), exactly as a user's ``pre-commit run``
would. The hook repository is a committed copy of this working tree, so the test
sees the files as they are, committed or not, and pre-commit can cache the install
between the two runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}

pytestmark = pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                                reason="pre-commit needs git, and the hook repository is this git work tree")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def _copy_project(dest: Path) -> Path:
    """The working tree's files (tracked and new, ignored ones left out), committed in a fresh repo."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            check=True, capture_output=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        src = ROOT / rel
        if not src.is_file():  # deleted but still in the index
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "--no-gpg-sign", "-m", "snapshot")
    return dest


def _package_index_reachable() -> bool:
    """pre-commit installs the hook with pip: without a reachable package index it cannot."""
    try:
        proc = subprocess.run([sys.executable, "-m", "pip", "index", "versions", "click"],
                              capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0


@pytest.fixture(scope="module")
def sample_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    if not _package_index_reachable():
        pytest.skip("the package index cannot be reached: pre-commit cannot install the hook")
    base = tmp_path_factory.mktemp("precommit")
    hook_repo = _copy_project(base / "hook-repo")
    reports = base / "reports"
    reports.mkdir()
    (reports / "bad.md").write_text("# 工作报告\n\n今年全市经济<br>运行总体平稳。\n", encoding="utf-8")
    (reports / "good.md").write_text("# 工作报告\n\n今年全市经济运行总体平稳，就业形势保持稳定。\n", encoding="utf-8")
    # The markup family is settled; the others may evolve without changing what this test means.
    (reports / ".reportlint.toml").write_text('select = ["markup"]\n', encoding="utf-8")
    _git(reports, "init", "-q")
    _git(reports, "add", "-A")
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(base / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)
    return hook_repo, reports, env


def _try_repo(hook_repo: Path, reports: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "reportlint", "--verbose", "--files", *files],
        cwd=reports, env=env, capture_output=True, text=True, timeout=900,
    )


def test_hook_fails_on_a_defective_report(sample_repo: tuple[Path, Path, dict[str, str]]) -> None:
    hook_repo, reports, env = sample_repo
    proc = _try_repo(hook_repo, reports, env, "bad.md")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "reportlint" in output and "Failed" in output, output
    assert "MKP001" in output and "bad.md" in output, output


def test_hook_passes_on_a_clean_report(sample_repo: tuple[Path, Path, dict[str, str]]) -> None:
    hook_repo, reports, env = sample_repo
    proc = _try_repo(hook_repo, reports, env, "good.md")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert "Passed" in output, output
    assert "MKP001" not in output


def test_manifest_declares_the_hook() -> None:
    """The manifest is what pre-commit reads; check the contract the issue asks for."""
    from pre_commit.clientlib import load_manifest

    hooks = {h["id"]: h for h in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}
    hook = hooks["reportlint"]
    assert hook["entry"] == "reportlint"
    assert hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "plain-text", "rst"}
    assert hook["require_serial"] is True


def test_action_reports_annotations_and_optional_sarif() -> None:
    """The composite action installs the checkout it ships in and runs the github and sarif formats."""
    import yaml

    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    scripts = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "--output-format github" in scripts and "--output-format sarif" in scripts
    assert '"$ACTION_PATH"' in scripts  # installs the action's own checkout
    assert "${{" not in scripts  # inputs reach the shell through env, never spliced into the script
    assert {"paths", "args", "sarif-file"} <= set(action["inputs"])
