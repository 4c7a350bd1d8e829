"""``--jobs``: many files over a process pool, with output that never depends on the pool."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reportlint.rules.markup import HtmlResidue
from reportlint.runner import default_jobs, lint_paths

SEED = Path(__file__).parent / "data" / "seed.txt"


def _tree(root: Path, n: int = 12) -> None:
    seed = SEED.read_text(encoding="utf-8")
    for i in range(n):
        sub = root / f"d{i % 3}"
        sub.mkdir(exist_ok=True)
        # Files of very different sizes, so a pool finishes them out of order.
        body = seed * (1 + (i * 7) % 3) if i % 2 else f"第{i}段<br>内容。\n"
        (sub / f"r{i:02d}.md").write_text(body + f"\n尾注{i}<span>。\n", encoding="utf-8")


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "reportlint", *args, str(root)], capture_output=True, timeout=300)


@pytest.mark.parametrize("fmt", ["json", "concise", "sarif", "full"])
def test_output_is_the_same_whatever_the_number_of_jobs(tmp_path: Path, fmt: str) -> None:
    _tree(tmp_path)
    outputs = {n: _run(tmp_path, "--output-format", fmt, "--jobs", str(n)) for n in (1, 2, 3)}
    assert {p.returncode for p in outputs.values()} == {1}
    assert outputs[1].stdout == outputs[2].stdout == outputs[3].stdout
    assert outputs[1].stdout  # not trivially equal


def test_files_come_out_in_path_order(tmp_path: Path) -> None:
    _tree(tmp_path, 9)
    out = _run(tmp_path, "--output-format", "concise", "--select", "MKP001", "--jobs", "2").stdout.decode()
    paths = [line.split(":")[0] for line in out.splitlines()]
    order = list(dict.fromkeys(paths))
    assert order == sorted(order) and len(order) == 9


def test_in_process_and_pool_agree() -> None:
    rules = [(HtmlResidue, dict(HtmlResidue.options))]
    jobs = [(f"f{i}.md", None, f"甲{i}<br>乙\n".encode() * (i + 1), rules) for i in range(6)]
    one = lint_paths(jobs, n_jobs=1)
    two = lint_paths(jobs, n_jobs=2)
    assert [f.path for f in two.files] == [f"f{i}.md" for i in range(6)]
    assert [(d.path, d.start) for d in one.diagnostics] == [(d.path, d.start) for d in two.diagnostics]
    assert len(two.diagnostics) == sum(range(1, 7))


def test_an_error_in_a_worker_is_one_line(tmp_path: Path) -> None:
    rules = [(HtmlResidue, dict(HtmlResidue.options))]
    jobs = [("ok.md", None, "好<br>。\n".encode(), rules), ("bad.md", None, b"\xff\xfe\x00\x00bin\x00ary", rules),
            ("ok2.md", None, "好。\n".encode(), rules)]
    run = lint_paths(jobs, n_jobs=2)  # the bad file carries its one-line error; the others are linted
    assert [bool(f.error) for f in run.files] == [False, True, False]
    assert "bad.md" in run.files[1].error and "\n" not in run.files[1].error
    assert [d.code for d in run.files[0].diagnostics] == ["MKP001"]


def test_jobs_option_is_validated(tmp_path: Path) -> None:
    (tmp_path / "r.md").write_text("好。\n", encoding="utf-8")
    proc = _run(tmp_path, "--jobs", "0")
    assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1
    assert default_jobs() >= 1


def test_fixing_in_a_pool_writes_the_same_files(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for d in (one, two):
        d.mkdir()
        _tree(d, 8)
    _run(one, "--fix", "--unsafe-fixes", "--output-format", "concise", "--jobs", "1")
    _run(two, "--fix", "--unsafe-fixes", "--output-format", "concise", "--jobs", "2")
    files = sorted(p.relative_to(one) for p in one.rglob("*.md"))
    assert files and all((one / f).read_bytes() == (two / f).read_bytes() for f in files)
    assert any("<span>" not in (one / f).read_text(encoding="utf-8") for f in files)
