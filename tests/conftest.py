"""Shared fixtures: paths to test data and a helper that runs the CLI in-process or as a process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed.txt"


@pytest.fixture
def data_dir() -> Path:
    return DATA


def run_cli(*args: str, input: bytes | None = None, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m reportlint`` as a whole process, as users do."""
    return subprocess.run([sys.executable, "-m", "reportlint", *args], input=input, capture_output=True,
                          cwd=cwd, env=env, timeout=120)
