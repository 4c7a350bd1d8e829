"""Command line: ``reportlint [check] PATHS...``, ``reportlint rules``, ``reportlint explain CODE``.

Exit codes: 0 clean, 1 findings, 2 error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

import click

from . import __version__
from .cli_options import printing_options, rule_selection_options
from .report import FORMATS
import contextlib

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
COMMANDS = ("check", "rules", "explain", "corpus")


def error_line(message: str) -> None:
    """Print one error line on stderr, control characters from file names escaped."""
    from .report.escape import escape_controls

    click.echo(f"reportlint: error: {escape_controls(message)}", err=True)


def fail(message: str) -> NoReturn:
    """Print one line on stderr and exit 2."""
    error_line(message)
    sys.exit(EXIT_ERROR)


def use_color(choice: str, stream: Any) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


class _Commands(click.Group):
    """The command group; commands that live in modules of their own (corpus) are imported
    only when they are run or listed, so the plain check does not pay for them at start-up."""

    _elsewhere = {"corpus": "reportlint.corpus.cli"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._elsewhere})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = self._elsewhere.get(cmd_name)
        if module is not None and cmd_name not in self.commands:
            import importlib

            self.add_command(getattr(importlib.import_module(module), cmd_name))
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="reportlint", message="%(prog)s %(version)s")
def cli() -> None:
    """A consistency linter for prose reports.

    Finds duplicated paragraphs, truncated sentences, stray tokens, numeric
    contradictions, stutters and markup residue. `reportlint PATHS` is short for
    `reportlint check PATHS`.
    """


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--output-format", "output_format", type=click.Choice(list(FORMATS)), default=None,
              help="How to print findings (default: full). sarif, github, gitlab, rdjson, rdjsonl and junit are for CI; "
                   "html is one page with the findings marked in each report's text.")
@click.option("-o", "--output-file", "output_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file instead of standard output.")
@rule_selection_options
@click.option("--stdin-filename", default=None, help="Name of the report read from '-'.")
@printing_options
@click.option("--show-facts", is_flag=True, help="Print what rules extracted (every numeric fact with its key) instead of the findings.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--fix-outside-roots", "fix_outside_roots", is_flag=True,
              help="With --fix, also write files whose real location (symlinks resolved) is outside the linted paths.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Report only findings that this baseline file does not know.")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Record the current findings in this file and exit 0.")
@click.option("--preview/--no-preview", "preview", default=None,
              help="Also run preview rules (not yet proven precise on real reports); overrides `preview` in the configuration.")
@click.option("-j", "--jobs", "n_jobs", type=click.IntRange(min=1), default=None,
              help="Processes to lint with (default: one per core; 1: in this process).")
def check(paths: tuple[str, ...], output_format: str | None, select: tuple[str, ...], extend_select: tuple[str, ...],
          ignore: tuple[str, ...], config_file: Path | None, isolated: bool, stdin_filename: str | None,
          exit_zero: bool, statistics: bool, quiet: bool, color: str, show_facts: bool, fix: bool,
          unsafe_fixes: bool, fix_outside_roots: bool, diff: bool, baseline_file: Path | None, write_baseline: Path | None,
          preview: bool | None, n_jobs: int | None, output_file: Path | None) -> None:
    """Lint report files and folders (Markdown and plain text)."""
    from .config import ConfigError, ConfigResolver, Overrides
    from .registry import RegistryError, load_registry
    from .runner import LintError, lint_paths
    from .sources import SourceError, lint_roots
    from .writing import Snapshot

    try:
        registry = load_registry()
    except RegistryError as exc:
        fail(str(exc))
    overrides = Overrides(select=_split(select) or None, extend_select=_split(extend_select), ignore=_split(ignore),
                          preview=preview)
    for sel in [*(overrides.select or []), *overrides.extend_select, *overrides.ignore]:
        if not registry.resolve(sel):
            fail(f"unknown rule code or selector `{sel}` (see `reportlint rules`)")
    try:
        resolver = ConfigResolver(registry, config_file=config_file, isolated=isolated)
        if not paths:
            paths = (".",)
        jobs, missing = _collect_jobs(paths, resolver, registry, overrides, stdin_filename)
        _warn_preview_selections(resolver, registry, overrides, jobs)
        output_format = output_format or _configured_format(resolver, jobs)
        if not (show_facts or statistics):
            _require_format(output_format)
        if output_file is not None:
            _check_output_file(output_file, jobs)
        baseline = _read_baseline(baseline_file) if baseline_file is not None else None
        # Size and mtime before the read: --fix writes only files still in this state.
        snapshots = [Snapshot.take(j[1]) if j[1] is not None else None for j in jobs] if fix else [None] * len(jobs)
        run = lint_paths(jobs, show_facts=show_facts, n_jobs=n_jobs)
        failed = _drop_unreadable(jobs, snapshots, run, missing)
        if fix or diff:
            roots = None if fix_outside_roots else lint_roots(paths)
            failed += _fix_or_diff(jobs, run, snapshots, roots, diff=diff, unsafe=unsafe_fixes, n_jobs=n_jobs,
                                   failed=failed, exit_zero=exit_zero)
    except (ConfigError, SourceError, LintError) as exc:
        fail(str(exc))

    if write_baseline is not None:
        if failed:
            fail(f"baseline not written: {failed} file{'s' if failed != 1 else ''} could not be linted")
        _write_baseline(write_baseline, run)
        sys.exit(EXIT_CLEAN)
    if baseline is not None:
        baseline.filter(run)

    # With --fix on stdin the fixed text owns stdout; the report goes to stderr.
    out = sys.stderr if fix and any(j[1] is None for j in jobs) else sys.stdout
    if output_file is not None:
        _render_to_file(output_file, run, output_format, show_facts=show_facts, statistics=statistics, quiet=quiet)
    else:
        _render(run, out, output_format, use_color(color, out), show_facts=show_facts, statistics=statistics,
                quiet=quiet)
    sys.exit(_exit_code(failed, bool(run.diagnostics), exit_zero))


Job = tuple[str, "Path | None", "bytes | None", list[Any]]


def _collect_jobs(paths: Sequence[str], resolver: Any, registry: Any, overrides: Any,
                  stdin_filename: str | None) -> tuple[list[Job], int]:
    """One job per report (display name, path or None for stdin, bytes for stdin, rules with
    options), and the number of named paths that cannot be linted: those are reported one
    by one on stderr while the others still run."""
    from .config import enabled_rules, options_for
    from .report.escape import path_for_display
    from .sources import SourceError, discover

    jobs: list[Job] = []
    missing = 0
    for p in paths:
        if p == "-":
            name = stdin_filename or "-"
            settings = resolver.for_path(Path(stdin_filename) if stdin_filename else Path.cwd() / "stdin")
            rules = [(r, options_for(r, settings)) for r in enabled_rules(settings, registry, overrides, Path(name))]
            jobs.append((path_for_display(name), None, sys.stdin.buffer.read(), rules))
            continue
        try:
            files = discover([p], lambda folder: (resolver.for_path(folder).include, resolver.for_path(folder).exclude))
        except SourceError as exc:
            error_line(str(exc))
            missing += 1
            continue
        for f in files:
            settings = resolver.for_path(f)
            rules = [(r, options_for(r, settings)) for r in enabled_rules(settings, registry, overrides, f)]
            jobs.append((path_for_display(str(f)), f, None, rules))
    return jobs, missing


def _configured_format(resolver: Any, jobs: Sequence[Job]) -> str:
    """The output format the configuration of the first configured file names, else ``full``."""
    chosen = next((resolver.for_path(j[1]).output_format for j in jobs
                   if j[1] is not None and resolver.for_path(j[1]).output_format), None) or "full"
    if chosen not in FORMATS:
        fail(f"unknown output-format `{chosen}` in configuration")
    return str(chosen)


def _require_format(name: str) -> None:
    """Fail before linting when the format cannot be produced (an optional extra is missing)."""
    from .report import ReportError, get_reporter

    try:
        get_reporter(name)
    except ReportError as exc:
        fail(str(exc))


def _check_output_file(path: Path, jobs: Sequence[Job]) -> None:
    """``-o`` never names one of the reports being linted: that would replace the report with its findings."""
    for j in jobs:
        with contextlib.suppress(OSError):
            if j[1] is not None and path.exists() and os.path.samefile(j[1], path):
                fail(f"{path}: is one of the linted files; the report is not written over it")


def _render_to_file(path: Path, run: Any, output_format: str, **kinds: bool) -> None:
    """``-o FILE``: the report rendered whole, then written in one step (UTF-8, no colour)."""
    import io

    from .writing import WriteError, write_atomic

    buf = io.StringIO()
    _render(run, buf, output_format, False, **kinds)
    try:
        write_atomic(path, buf.getvalue().encode("utf-8", "replace"))
    except WriteError as exc:
        fail(f"{path}: {exc}")


def _render(run: Any, out: TextIO, output_format: str, colored: bool, *, show_facts: bool, statistics: bool,
            quiet: bool) -> None:
    """Print the run: the fact table (--show-facts), the statistics, or the findings in their format."""
    if show_facts:  # the facts instead of the findings: a view of what the rules read
        from .report.facts import render_facts

        render_facts(run, out, as_json=output_format == "json", color=colored)
    elif statistics:
        _print_statistics(run, out, colored)
    elif quiet and output_format == "full":
        from .report.concise import render as concise

        concise(run, out, color=colored)
    else:
        from .report import get_reporter

        get_reporter(output_format)(run, out, color=colored)
    out.flush()


def _exit_code(failed: int, findings: bool, exit_zero: bool) -> int:
    """2 when a file could not be read, linted or written (the run is incomplete), else 1 for findings."""
    if failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if findings and not exit_zero else EXIT_CLEAN


def _fix_or_diff(jobs: list[Any], run: Any, snapshots: list[Any], roots: list[Path] | None, *, diff: bool,
                 unsafe: bool, n_jobs: int | None, failed: int, exit_zero: bool) -> int:
    """Apply the fixes (``--fix``) or print them (``--diff``, which then exits); returns the files not written."""
    changed, write_failures = _apply_fixes(jobs, run, unsafe=unsafe, write=not diff, n_jobs=n_jobs,
                                           snapshots=snapshots, roots=roots)
    if diff:
        sys.exit(_exit_code(failed + write_failures, changed, exit_zero))
    return write_failures


def _warn_preview_selections(resolver: Any, registry: Any, overrides: Any, jobs: list[Any]) -> None:
    """One line on stderr for each selection of a preview rule that has no effect
    because preview is off (as ruff does); the exit code is not changed."""
    from .config import ignored_preview_selections

    seen: set[str] = set()
    sources = {id(s): s for s in (resolver.for_path(j[1] if j[1] is not None else Path.cwd() / "stdin") for j in jobs)}
    for settings in sources.values() or [None]:
        if settings is None:
            continue
        for sel in ignored_preview_selections(settings, registry, overrides):
            if sel not in seen:
                seen.add(sel)
                click.echo(f"reportlint: warning: selection `{sel}` has no effect because preview is not enabled "
                           "(use --preview)", err=True)


def _read_baseline(path: Path) -> Any:
    from .baseline import Baseline, BaselineError

    try:
        return Baseline.read(path)
    except BaselineError as exc:
        fail(str(exc))


def _write_baseline(path: Path, run: Any) -> None:
    from .baseline import Baseline, BaselineError

    base = Baseline.from_run(run)
    try:
        base.write(path, run)
    except BaselineError as exc:
        fail(str(exc))
    total = sum(base.counts.values())
    click.echo(f"reportlint: wrote {total} finding{'s' if total != 1 else ''} to baseline {path}", err=True)


def _drop_unreadable(jobs: list[Any], snapshots: list[Any], run: Any, missing: int) -> int:
    """Report each file that could not be read or linted (one error line each) and drop it
    from the run, so the other files are still reported; returns how many files failed,
    the ``missing`` named paths included. Exits 2 when no file at all could be linted."""
    keep = [i for i, res in enumerate(run.files) if res.error is None]
    for res in run.files:
        if res.error is not None:
            error_line(res.error)
    dropped = len(run.files) - len(keep)
    if dropped:
        jobs[:] = [jobs[i] for i in keep]
        snapshots[:] = [snapshots[i] for i in keep]
        run.files = [run.files[i] for i in keep]
    if (dropped or missing) and not run.files:  # nothing was linted: no report, only the errors
        sys.exit(EXIT_ERROR)
    return dropped + missing


def _apply_fixes(jobs: list[Any], run: Any, *, unsafe: bool, write: bool, n_jobs: int | None,
                 snapshots: list[Any], roots: list[Path] | None) -> tuple[bool, int]:
    """Fix every file that has applicable fixes; write them (``write``) or print a diff.

    The run's results are replaced by the re-linted fixed text, so the report that
    follows shows what is left. A file that cannot be written safely is reported on
    stderr and keeps its original findings; the others are still fixed. Returns whether
    any file would change and how many could not be written.
    """
    from .fix import applicable, fix_many

    todo = [i for i, res in enumerate(run.files) if any(applicable(d, unsafe) for d in res.diagnostics)]
    refused = _refuse_documents(run, todo) if write else 0
    todo = [i for i in todo if not (write and run.files[i].source is not None)]
    outcomes = dict(zip(todo, fix_many([(run.files[i].text, jobs[i][0], jobs[i][3], run.files[i].encoding,
                                          run.files[i]) for i in todo], unsafe=unsafe, n_jobs=n_jobs)))
    fixed = files = 0
    failures = refused
    for i, (job, res) in enumerate(zip(jobs, run.files)):
        display, path, _data, _rules = job
        outcome = outcomes.get(i)
        if outcome is None or not outcome.changed:
            if write and path is None:  # stdin is echoed to stdout, fixed or not, in its own encoding
                _write_stdout_bytes(res.text, res.encoding)
            continue
        if not write:
            _write_diff(outcome, display, res.encoding)
        elif path is None:
            _write_stdout_bytes(outcome.text, res.encoding)
        elif not _write_fixed(display, path, res, outcome.text, snapshots[i], roots):
            failures += 1
            continue
        fixed += outcome.fixed
        files += 1
        outcome.result.notice = res.notice
        outcome.result.facts = res.facts
        run.files[i] = outcome.result
    verb = "Fixed" if write else "Would fix"
    if fixed or not write:
        click.echo(f"reportlint: {verb} {fixed} finding{'s' if fixed != 1 else ''} in {files} "
                   f"file{'s' if files != 1 else ''}.", err=True)
    return files > 0, failures


def _refuse_documents(run: Any, todo: list[int]) -> int:
    """--fix writes text files only: a PDF, DOCX, ODT or HTML document with fixable findings gets
    one line saying so (its findings are still reported); returns how many were refused."""
    refused = 0
    for i in todo:
        res = run.files[i]
        if res.source is not None:
            error_line(f"{res.path}: --fix does not write {res.source.format.upper()} documents; "
                       "correct the source document (--diff shows the changes)")
            refused += 1
    return refused


def _write_fixed(display: str, path: Path, res: Any, text: str, snapshot: Any, roots: list[Path] | None) -> bool:
    """Write one fixed file safely (see :mod:`reportlint.writing`); on refusal print why and return False."""
    from .text.decode import encode_text
    from .writing import WriteError, check_unchanged, inside, real_target, write_atomic

    try:
        target = real_target(path)
        if roots is not None and not inside(target, roots):
            raise WriteError(f"it is a link to {target}, outside the linted paths; not written "
                             "(--fix-outside-roots allows it)")
        check_unchanged(target, snapshot, encode_text(res.text, res.encoding))
        write_atomic(target, encode_text(text, res.encoding))
    except (WriteError, UnicodeEncodeError) as exc:
        error_line(f"{display}: {exc}")
        return False
    return True


def _write_stdout_bytes(text: str, encoding: str) -> None:
    """Fixed stdin goes back in the encoding it came in (BOM included)."""
    from .text.decode import encode_text

    sys.stdout.flush()
    sys.stdout.buffer.write(encode_text(text, encoding))
    sys.stdout.buffer.flush()


def _write_diff(outcome: Any, display: str, encoding: str) -> None:
    """The diff in the file's own byte encoding when it is ASCII-compatible, so ``patch`` applies it."""
    from .fix import unified_diff

    from dataclasses import replace

    if encoding == "utf-8-sig":  # the BOM is part of the file's first line, so of its context
        outcome = replace(outcome, original="\ufeff" + outcome.original, text="\ufeff" + outcome.text)
    enc = encoding if encoding in ("utf-8", "gb18030") else "utf-8"
    sys.stdout.flush()
    sys.stdout.buffer.write(unified_diff(outcome, display).encode(enc, "replace"))
    sys.stdout.buffer.flush()


def _print_statistics(run: Any, out: Any, colored: bool) -> None:
    from collections import Counter

    counts = Counter((d.code, d.rule) for d in run.diagnostics)
    fixable = {d.code for d in run.diagnostics if d.fix and d.fix.applicability == "safe"}
    width = max((len(str(n)) for n in counts.values()), default=1)
    for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = "[*]" if code in fixable else "   "
        out.write(f"{n:>{width}}\t{code}\t{mark} {name}\n")


@cli.command("rules")
@click.option("--output-format", "output_format", type=click.Choice(["table", "json"]), default="table")
def rules_cmd(output_format: str) -> None:
    """List every rule: code, name, category, default severity, enabled by default, preview or stable."""
    from .registry import RegistryError, load_registry

    try:
        registry = load_registry()
    except RegistryError as exc:
        fail(str(exc))
    if output_format == "json":
        import json

        click.echo(json.dumps([{
            "code": r.code, "name": r.name, "category": r.category, "severity": r.severity.value,
            "enabled": r.enabled_by_default, "preview": r.preview, "summary": r.summary, "options": dict(r.options),
        } for r in registry.rules], ensure_ascii=False, indent=2))
        return
    import shutil

    width = shutil.get_terminal_size((80, 24)).columns
    for line in rule_listing(registry.rules, width):
        click.echo(line)


def _status(rule: Any) -> str:
    """on / off by default, or preview (on only with --preview, whatever the selection)."""
    return "off" if not rule.enabled_by_default else "preview" if rule.preview else "on"


def rule_listing(rules: Sequence[Any], width: int) -> list[str]:
    """``reportlint rules`` as lines that fit ``width`` columns, one rule a line.

    Code, name, category, severity and status (on, off, or preview), then as much of the
    summary as the width leaves room for (none below 20 columns: ``explain`` has it in
    full). A table whose summary column shrinks to a word a line is unreadable in an
    80-column terminal or a pipe.
    """
    name_w = max((len(r.name) for r in rules), default=4)
    cat_w = max((len(r.category) for r in rules), default=8)
    lines = []
    for r in rules:
        line = f"{r.code:<7} {r.name:<{name_w}}  {r.category:<{cat_w}}  {r.severity.value:<7}  {_status(r):<7}"
        room = width - 1 - len(line) - 2
        if room >= 20:
            summary = r.summary if len(r.summary) <= room else r.summary[:room - 3].rstrip() + "..."
            line += "  " + summary
        lines.append(line.rstrip())
    return lines


@cli.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain a rule: what it finds, why, an example, and its options."""
    from .registry import RegistryError, load_registry

    try:
        registry = load_registry()
    except RegistryError as exc:
        fail(str(exc))
    rule = registry.by_code().get(code.upper()) or registry.by_name().get(code)
    if rule is None:
        fail(f"unknown rule `{code}` (see `reportlint rules`)")
    click.echo(f"{rule.code} ({rule.name})")
    click.echo(f"category: {rule.category}; default severity: {rule.severity.value}; "
               f"{'enabled' if rule.enabled_by_default else 'disabled'} by default")
    if rule.preview:
        click.echo("status: preview (its precision on real reports is not yet proven; "
                   "runs only with --preview or `preview = true`)")
    else:
        click.echo("status: stable")
    click.echo("")
    click.echo(rule.summary)
    if rule.explanation:
        click.echo("")
        click.echo(rule.explanation.rstrip())
    if rule.options:
        click.echo("")
        click.echo("Options (set in [tool.reportlint.rules." + rule.code + "]):")
        from .config import option_key

        for k, v in rule.options.items():
            click.echo(f"  {option_key(k)} = {_toml_value(v)}")


def _toml_value(value: Any) -> str:
    """A default as it would be written in the configuration file."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return repr(value)


def _tolerant_console() -> None:
    """Never fail on the console's encoding (a GBK Windows console, an ASCII locale): what it
    cannot encode is replaced."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "strict") == "strict":
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def main(argv: list[str] | None = None) -> None:
    """Entry point: route bare paths to ``check`` and keep every error to one line.

    Run as the command (no ``argv``), the process ends without tearing the interpreter
    down: freeing every object of a large document one by one costs time that the
    operating system saves by dropping the process whole.
    """
    try:
        _main(argv)
    except SystemExit as done:
        if argv is None and isinstance(done.code, int | None):
            _exit_now(done.code or 0)
        raise


def _exit_now(code: int) -> None:
    """Flush what was printed and leave at once (back to a normal exit if flushing fails)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # a closed or broken stream: the interpreter's own exit reports it as before
    os._exit(code)


def _main(argv: list[str] | None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    _tolerant_console()
    if not args or (args[0] not in COMMANDS and args[0] not in ("-h", "--help", "-V", "--version")):
        args.insert(0, "check")
    try:
        cli.main(args=args, prog_name="reportlint", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help() if exc.ctx else str(exc))
        sys.exit(EXIT_CLEAN)
    except click.ClickException as exc:
        fail(exc.format_message().replace("\n", " "))
    except click.exceptions.Abort:
        fail("aborted")
    except KeyboardInterrupt:
        fail("interrupted")
    except BrokenPipeError:
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # the last resort (out of memory, a bug): still one line and exit 2
        if os.environ.get("REPORTLINT_TRACEBACK"):
            raise
        fail(f"{type(exc).__name__}: {exc} (set REPORTLINT_TRACEBACK=1 to see where)".replace("\n", " "))
    sys.exit(EXIT_CLEAN)
