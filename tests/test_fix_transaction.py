"""--fix as a transaction, and every hostile input of the robustness issue as a test.

Writes are atomic and checked; encodings round-trip; diffs apply with the real tools;
one bad file never hides the others; every error is one line on stderr with exit 2.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint.text.decode import DecodeError, decode_bytes, encode_text

BAD = "标题<br>内容。\n\n**全面提升政策效能，**加强调度。\n"
FIXED = "标题<br>内容。\n\n**全面提升政策效能**，加强调度。\n"  # the safe fix only (the tag removal is unsafe)


def _cli(*args: str, cwd: Path | None = None, input: bytes | None = None,
         env: dict | None = None, preexec=None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "reportlint", "--select", "markup", *args], cwd=cwd,
                          capture_output=True, input=input, timeout=120, env=env, preexec_fn=preexec)


def _error_lines(proc: subprocess.CompletedProcess[bytes]) -> list[str]:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err
    return [line for line in err.splitlines() if line.startswith("reportlint: error: ")]


# -- writing ----------------------------------------------------------------

def test_a_failed_write_leaves_the_original_whole(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    body = BAD + "正文段落，内容完整。\n" * 3000  # about 90 kB: more than the 20 kB file-size limit below
    big.write_text(body, encoding="utf-8")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (20 * 1024, 20 * 1024))

    small = tmp_path / "small.md"
    small.write_text(BAD, encoding="utf-8")
    proc = _cli("--fix", "--output-format", "concise", str(big), str(small), preexec=limit)
    assert proc.returncode == 2
    [line] = _error_lines(proc)
    assert "big.md" in line and "original is unchanged" in line
    assert big.read_text(encoding="utf-8") == body
    assert small.read_text(encoding="utf-8") == FIXED  # the failure on one file does not stop the others
    assert "big.md" in proc.stdout.decode()  # and the unwritten file's findings are still reported
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.md", "small.md"]  # no temporary file left


def test_one_unwritable_file_does_not_stop_the_others(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    locked, free = tmp_path / "locked", tmp_path / "free"
    locked.mkdir(), free.mkdir()
    (locked / "a.md").write_text(BAD, encoding="utf-8")
    (free / "b.md").write_text(BAD, encoding="utf-8")
    locked.chmod(0o555)
    try:
        proc = _cli("--fix", "--output-format", "concise", str(locked), str(free))
    finally:
        locked.chmod(0o755)
    assert proc.returncode == 2
    assert (free / "b.md").read_text(encoding="utf-8") == FIXED
    assert (locked / "a.md").read_text(encoding="utf-8") == BAD
    assert len(_error_lines(proc)) == 1
    assert "a.md" in proc.stdout.decode()  # its findings are still reported


def test_mode_is_kept(tmp_path: Path) -> None:
    f = tmp_path / "r.md"
    f.write_text(BAD, encoding="utf-8")
    f.chmod(0o640)
    assert _cli("--fix", str(f)).returncode == 1
    assert f.read_text(encoding="utf-8") == FIXED and (f.stat().st_mode & 0o777) == 0o640


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    from reportlint.writing import Snapshot, WriteError, check_unchanged

    f = tmp_path / "r.md"
    f.write_bytes(BAD.encode())
    before = Snapshot.take(f)
    check_unchanged(f, before, BAD.encode())  # unchanged: no error
    f.write_bytes(BAD.encode() + "编辑。\n".encode())
    with pytest.raises(WriteError, match="changed since it was read"):
        check_unchanged(f, before, BAD.encode())
    os.utime(f, ns=(before.mtime_ns, before.mtime_ns))
    f.write_bytes(BAD.replace("标题", "题目").encode())  # same size, mtime put back: the content still tells
    os.utime(f, ns=(before.mtime_ns, before.mtime_ns))
    with pytest.raises(WriteError, match="bytes differ"):
        check_unchanged(f, before, BAD.encode())
    f.unlink()
    with pytest.raises(WriteError, match="vanished"):
        check_unchanged(f, before, BAD.encode())
    assert not f.exists()


def test_symlink_out_of_the_tree_is_not_written_unless_asked(tmp_path: Path) -> None:
    tree, outside = tmp_path / "tree", tmp_path / "outside"
    tree.mkdir(), outside.mkdir()
    target = outside / "t.md"
    target.write_text(BAD, encoding="utf-8")
    (tree / "link.md").symlink_to(target)
    (tree / "own.md").write_text(BAD, encoding="utf-8")
    proc = _cli("--fix", str(tree))
    assert proc.returncode == 2
    [line] = _error_lines(proc)
    assert "link.md" in line and "--fix-outside-roots" in line
    assert target.read_text(encoding="utf-8") == BAD
    assert (tree / "own.md").read_text(encoding="utf-8") == FIXED
    assert _cli("--fix", "--fix-outside-roots", str(tree)).returncode == 1
    assert target.read_text(encoding="utf-8") == FIXED and (tree / "link.md").is_symlink()


def test_symlink_inside_the_tree_writes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "alias.md").symlink_to(tmp_path / "real.txt")
    assert _cli("--fix", str(tmp_path / "alias.md")).returncode == 1
    assert (tmp_path / "alias.md").is_symlink() and (tmp_path / "real.txt").read_text(encoding="utf-8") == FIXED


# -- encodings ----------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "gb18030"])
def test_every_encoding_round_trips_exactly(encoding: str, tmp_path: Path) -> None:
    raw = encode_text(BAD.replace("\n", "\r\n"), encoding)
    decoded = decode_bytes(raw)
    assert decoded.encoding == encoding and encode_text(decoded.text, decoded.encoding) == raw
    f = tmp_path / "r.md"
    f.write_bytes(raw)
    _cli("--fix", str(f))
    assert f.read_bytes() == encode_text(FIXED.replace("\n", "\r\n"), encoding)


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-16-le", "gb18030", "utf-8-sig"])
def test_fix_on_stdin_answers_in_the_input_encoding(encoding: str) -> None:
    proc = _cli("--fix", "-", "--stdin-filename", "r.md", input=encode_text(BAD, encoding))
    assert proc.stdout == encode_text(FIXED, encoding)


def test_gb18030_fallback_refuses_korean_and_japanese_and_names_them() -> None:
    korean = "오늘은 날씨가 좋아서 친구와 함께 공원에 산책을 갔습니다. 저녁에는 작은 식당에서 밥을 먹었습니다."
    japanese = "昨日の午後、友達と一緒に公園を散歩しました。天気がとても良くて、子供たちが遊んでいました。"
    with pytest.raises(DecodeError, match="EUC-KR"):
        decode_bytes(korean.encode("euc-kr"))
    with pytest.raises(DecodeError, match="Shift-JIS"):
        decode_bytes(japanese.encode("shift_jis"))
    chinese = "昨天下午我和朋友去公园散步，天气很好，很多孩子在草地上玩。晚上我们在小饭馆吃了饭。"
    assert decode_bytes(chinese.encode("gb18030")).encoding == "gb18030"


# -- diffs ------------------------------------------------------------------------

TERMINATORS = ["\x0c", "\r", "\u2028", "\u2029", "\x0b", "\x1c", "\x1d", "\x1e", "\x85", "\r\n"]


@pytest.mark.parametrize("sep", TERMINATORS, ids=[repr(t) for t in TERMINATORS])
def test_diff_applies_with_git_and_patch(sep: str, tmp_path: Path) -> None:
    text = f"第一页的正文。{sep}**全面提升政策效能，**加强调度。{sep}第二页。\n\n末段**推进改革，**见成效。"
    (tmp_path / "r.md").write_bytes(text.encode())
    diff = _cli("--diff", "r.md", cwd=tmp_path).stdout
    assert diff.startswith(b"--- a/r.md\n+++ b/r.md\n@@ ")
    (tmp_path / "r.diff").write_bytes(diff)
    if shutil.which("git"):
        assert subprocess.run(["git", "apply", "--check", "r.diff"], cwd=tmp_path, capture_output=True).returncode == 0
    if shutil.which("patch"):
        assert subprocess.run(["patch", "--dry-run", "-p1", "-i", "r.diff"], cwd=tmp_path,
                              capture_output=True).returncode == 0
    fixed = tmp_path / "fixed"
    fixed.mkdir()
    (fixed / "r.md").write_bytes(text.encode())
    _cli("--fix", "r.md", cwd=fixed)
    if shutil.which("git"):
        subprocess.run(["git", "apply", "r.diff"], cwd=tmp_path, check=True, capture_output=True)
        assert (tmp_path / "r.md").read_bytes() == (fixed / "r.md").read_bytes()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_diff_applies_to_files_with_a_bom_or_in_gb18030(encoding: str, tmp_path: Path) -> None:
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    raw = encode_text(BAD, encoding)
    (tmp_path / "r.md").write_bytes(raw)
    (tmp_path / "r.diff").write_bytes(_cli("--diff", "r.md", cwd=tmp_path).stdout)
    subprocess.run(["git", "apply", "r.diff"], cwd=tmp_path, check=True, capture_output=True)
    assert (tmp_path / "r.md").read_bytes() == encode_text(FIXED, encoding)


# -- errors: one line, exit 2, the other files still linted --------------------------

def test_undecodable_and_dangling_files_do_not_hide_the_others(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    proc = _cli("--output-format", "concise", str(tmp_path))
    assert proc.returncode == 2
    errors = _error_lines(proc)
    assert len(errors) == 3 and all(any(n in e for e in errors) for n in ("binary.md", "dangling.md", "loop.md"))
    assert "good.md" in proc.stdout.decode() and "MKP" in proc.stdout.decode()


def test_non_utf8_file_name_under_every_format(tmp_path: Path) -> None:
    name = os.fsencode(str(tmp_path)) + b"/r\xff\xfe.md"
    with open(name, "wb") as fh:
        fh.write(BAD.encode())
    from reportlint.report import FORMATS

    import importlib.util

    for fmt in FORMATS:
        if fmt == "html" and importlib.util.find_spec("jinja2") is None:
            continue  # the html format needs its extra (tests/test_html_report.py covers the page)
        proc = _cli("--output-format", fmt, str(tmp_path))
        assert proc.returncode == 1, (fmt, proc.stderr)
        out = proc.stdout.decode("utf-8")  # valid UTF-8 everywhere
        assert "xff" in out and "xfe.md" in out, fmt  # the bytes written as \xff escapes
        if fmt in ("json", "gitlab", "rdjson"):  # (sarif percent-encodes its URIs)
            assert any("r\\xff\\xfe.md" in str(v) for v in _strings(json.loads(out))), fmt


def _strings(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, str):
        yield value


def test_terminal_escapes_in_names_and_text_are_escaped(tmp_path: Path) -> None:
    evil = tmp_path / "a\x1b]0;owned\x07.md"
    evil.write_text("正文\x1b[2J<br>内容。\n", encoding="utf-8")
    for fmt in ("full", "concise"):
        proc = _cli("--output-format", fmt, "--color", "never", str(evil))
        assert proc.returncode == 1
        assert b"\x1b" not in proc.stdout and b"\x07" not in proc.stdout, fmt
        assert "a\\x1b]0;owned\\x07.md" in proc.stdout.decode()
    assert b"\x1b" not in _cli("--output-format", "concise", str(tmp_path / "missing\x1b.md")).stderr


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_output_never_fails_on_the_console_encoding(encoding: str, tmp_path: Path) -> None:
    f = tmp_path / "r.md"
    f.write_text("标题<br>内容\u23ce。\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    for fmt in ("full", "concise", "json"):
        proc = _cli("--output-format", fmt, str(f), env=env)
        assert proc.returncode == 1, (fmt, proc.stderr)
        assert b"Traceback" not in proc.stderr


@pytest.mark.parametrize("content", [
    '{"version": 1, "findings": [{"path": "r.md", "code": "MKP001", "hash": "h", "count": 1e400}]}',
    '{"version": 1, "findings": [{"path": "r.md", "code": "MKP001", "hash": "h", "count": -2}]}',
    '{"version": 1, "findings": [{"path": "r.md", "code": "MKP001", "hash": "h", "count": 1.5}]}',
    '{"version": 1, "findings": [{"path": "r.md", "code": "MKP001", "hash": "h", "count": NaN}]}',
    '{"version": 1, "findings": [{"path": 7, "code": "MKP001", "hash": "h"}]}',
    '{"version": true, "findings": []}',
    "[" * 100_000 + "]" * 100_000,
], ids=["1e400", "negative", "float", "nan", "path-not-string", "version-true", "nested"])
def test_bad_baselines_are_one_line_errors(content: str, tmp_path: Path) -> None:
    (tmp_path / "r.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.json").write_text(content, encoding="utf-8")
    proc = _cli("--baseline", "b.json", "r.md", cwd=tmp_path)
    assert proc.returncode == 2 and len(_error_lines(proc)) == 1
    assert proc.stderr.decode().count("\n") == 1


def test_cr_only_line_endings_give_line_numbers(tmp_path: Path) -> None:
    f = tmp_path / "r.md"
    f.write_bytes("第一行。\r第二行。\r\r标题<br>内容。\r".encode())
    out = _cli("--output-format", "concise", str(f)).stdout.decode()
    assert ":4:3: MKP001" in out


def test_a_fifo_in_a_folder_is_an_error_not_a_hang(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "good.md").write_text(BAD, encoding="utf-8")
    proc = _cli("--output-format", "concise", str(tmp_path))
    assert proc.returncode == 2
    [line] = _error_lines(proc)
    assert "pipe.md" in line and "not a regular file" in line
    assert "good.md" in proc.stdout.decode()


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root may write read-only files")
    f = tmp_path / "r.md"
    f.write_text(BAD, encoding="utf-8")
    f.chmod(0o444)
    proc = _cli("--fix", str(f))
    assert proc.returncode == 2 and "read-only" in _error_lines(proc)[0]
    assert f.read_text(encoding="utf-8") == BAD


def test_a_missing_named_file_does_not_hide_the_others(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    proc = _cli("--output-format", "concise", "dangling.md", "good.md", cwd=tmp_path)
    assert proc.returncode == 2
    [line] = _error_lines(proc)
    assert "dangling.md" in line and "good.md:" in proc.stdout.decode()
    alone = _cli("--output-format", "concise", "dangling.md", cwd=tmp_path)
    assert alone.returncode == 2 and alone.stdout == b"" and len(_error_lines(alone)) == 1
