"""Shared fixtures: paths to test data and a helper that runs the CLI in-process or as a process."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
# The entry points found are cached per environment; the tests make many environments
# (a plugin on PYTHONPATH each): keep their cache files out of the home folder.
os.environ.setdefault("REPORTLINT_CACHE_DIR", tempfile.mkdtemp(prefix="reportlint-test-cache-"))
SEED = DATA / "seed.txt"


@pytest.fixture
def data_dir() -> Path:
    return DATA


def run_cli(*args: str, input: bytes | None = None, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m reportlint`` as a whole process, as users do."""
    return subprocess.run([sys.executable, "-m", "reportlint", *args], input=input, capture_output=True,
                          cwd=cwd, env=env, timeout=120)
