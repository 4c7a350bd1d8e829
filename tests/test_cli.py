"""The command line: exit codes, one-line errors, options, never writing files."""

from __future__ import annotations

import os

from conftest import SEED, run_cli

import reportlint


def _one_line_error(proc) -> str:
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    err = proc.stderr.decode() if isinstance(proc.stderr, bytes) else proc.stderr
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("reportlint: error: ")
    return lines[0]


def test_version() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.decode().strip() == f"reportlint {reportlint.__version__}"


def test_findings_exit_one_and_exit_zero_flag() -> None:
    assert run_cli(str(SEED), "--output-format", "concise").returncode == 1
    assert run_cli(str(SEED), "--exit-zero", "--output-format", "concise").returncode == 0


def test_check_subcommand_is_the_default() -> None:
    a = run_cli("check", str(SEED), "--output-format", "concise")
    b = run_cli(str(SEED), "--output-format", "concise")
    assert a.stdout == b.stdout and a.returncode == b.returncode == 1


def test_concise_format_is_path_line_col_code(tmp_path) -> None:
    f = tmp_path / "r.txt"
    f.write_text("第一段。\n\n这里<br>有标签。\n", encoding="utf-8")
    out = run_cli(str(f), "--output-format", "concise", "--select", "MKP001").stdout.decode()
    assert out == f"{f}:3:3: MKP001 HTML tag `<br>` in prose\n"


def test_missing_path() -> None:
    assert "no such file" in _one_line_error(run_cli("does/not/exist.md"))


def test_directory_without_reports(tmp_path) -> None:
    (tmp_path / "x.py").write_text("print(1)\n")
    assert "no report files" in _one_line_error(run_cli(str(tmp_path)))


def test_undecodable_bytes(tmp_path) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(b"abc \xff\xfe\xfa def")
    assert "not UTF-8" in _one_line_error(run_cli(str(f)))


def test_binary_file(tmp_path) -> None:
    f = tmp_path / "bin.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary" in _one_line_error(run_cli(str(f)))


def test_gb18030_is_decoded_with_a_notice(tmp_path) -> None:
    f = tmp_path / "gbk.txt"
    f.write_bytes("各位代表：\n\n这是一份用国标编码保存的报告<br>内容。\n".encode("gb18030"))
    proc = run_cli(str(f), "--output-format", "concise", "--select", "MKP001")
    assert proc.returncode == 1
    assert "GB18030" in proc.stderr.decode()
    assert ":3:15: MKP001" in proc.stdout.decode()


def test_empty_file_is_clean(tmp_path) -> None:
    f = tmp_path / "empty.md"
    f.write_bytes(b"")
    proc = run_cli(str(f))
    assert proc.returncode == 0, proc.stderr


def test_unknown_option_and_unknown_rule() -> None:
    assert "--frobnicate" in _one_line_error(run_cli(str(SEED), "--frobnicate"))
    assert "XYZ999" in _one_line_error(run_cli(str(SEED), "--select", "XYZ999"))
    assert "XYZ999" in _one_line_error(run_cli("explain", "XYZ999"))


def test_broken_config(tmp_path) -> None:
    (tmp_path / ".reportlint.toml").write_text("select = [\n", encoding="utf-8")
    (tmp_path / "r.md").write_text("正文。\n", encoding="utf-8")
    assert "invalid TOML" in _one_line_error(run_cli(str(tmp_path / "r.md")))


def test_stdin_with_filename() -> None:
    proc = run_cli("-", "--stdin-filename", "pasted.md", "--output-format", "concise", input="这里<br>有标签。\n".encode())
    assert proc.returncode == 1
    assert proc.stdout.decode().startswith("pasted.md:1:3: MKP001")


def test_statistics_counts_per_rule() -> None:
    proc = run_cli(str(SEED), "--statistics", "--select", "MKP")
    lines = proc.stdout.decode().splitlines()
    assert proc.returncode == 1
    assert any("MKP003" in l and "[*]" in l for l in lines)
    assert all(l.split("\t")[0].strip().isdigit() for l in lines)


def test_quiet_prints_no_summary() -> None:
    out = run_cli(str(SEED), "--quiet", "--select", "MKP").stdout.decode()
    assert "Found" not in out and "MKP003" in out


def test_color_follows_no_color_and_force_color() -> None:
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env["FORCE_COLOR"] = "1"
    colored = run_cli(str(SEED), "--select", "MKP", env=env).stdout.decode()
    assert "\x1b[" in colored
    env["NO_COLOR"] = "1"
    plain = run_cli(str(SEED), "--select", "MKP", env=env).stdout.decode()
    assert "\x1b[" not in plain
    assert "\x1b[" in run_cli(str(SEED), "--select", "MKP", "--color", "always", env=env).stdout.decode()


def test_full_output_has_excerpt_carets_and_summary() -> None:
    out = run_cli(str(SEED), "--select", "MKP", "--color", "never").stdout.decode()
    assert "warning[MKP003] cjk-emphasis-not-rendered" in out
    assert "--> " in out and "^" in out
    assert out.rstrip().splitlines()[-2].startswith("Found ")


def test_rules_table_and_explain() -> None:
    out = run_cli("rules").stdout.decode()
    for code in ("MKP001", "MKP002", "MKP003"):
        assert code in out
    exp = run_cli("explain", "MKP003")
    assert exp.returncode == 0
    text = exp.stdout.decode()
    assert "Wrong:" in text and "Right:" in text and "markup" in text


def test_never_writes_the_users_file(tmp_path) -> None:
    f = tmp_path / "r.md"
    original = "**全面提升政策效能，**加强经济运行调度。\n".encode()
    f.write_bytes(original)
    before = f.stat().st_mtime_ns
    run_cli(str(f))
    run_cli(str(f), "--output-format", "json")
    assert f.read_bytes() == original and f.stat().st_mtime_ns == before


def test_directory_walk_skips_git_ignored_files(tmp_path) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("ignored.md\n")
    (tmp_path / "kept.md").write_text("这里<br>有标签。\n", encoding="utf-8")
    (tmp_path / "ignored.md").write_text("这里<br>有标签。\n", encoding="utf-8")
    (tmp_path / "notes.rst").write_text("这里<br>有标签。\n", encoding="utf-8")
    out = run_cli(str(tmp_path), "--output-format", "concise", "--select", "MKP001").stdout.decode()
    assert "kept.md" in out and "ignored.md" not in out and "notes.rst" not in out


def test_rules_listing_fits_eighty_columns_one_rule_a_line() -> None:
    from reportlint.cli import rule_listing
    from reportlint.registry import load_registry

    rules = load_registry().rules
    narrow = rule_listing(rules, 80)
    assert len(narrow) == len(rules)
    assert all(len(line) < 80 for line in narrow)
    assert [line.split()[0] for line in narrow] == [r.code for r in rules]
    wide = rule_listing(rules, 200)
    assert any(r.summary in line for r in rules for line in wide)
    preview = [r for r in rules if r.preview]
    for r in preview:
        assert narrow[rules.index(r)].split()[4] == "preview"


def test_rules_command_output_is_the_listing() -> None:
    proc = run_cli("rules")
    assert proc.returncode == 0
    first = proc.stdout.decode().splitlines()[0].split()
    assert first[0] == "DUP001" and first[1] == "duplicate-paragraph"
