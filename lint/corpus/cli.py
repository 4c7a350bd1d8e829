"""``reportlint corpus PATHS``: findings that need every report at once (text copied between reports).

The files are found, configured and filtered exactly as by ``check`` (select/ignore,
per-file ignores, suppression comments, baselines, every output format); what differs
is that the rules with a corpus pass see all the reports together. See ``docs/corpus.md``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..cli_options import printing_options, rule_selection_options
from ..report import FORMATS

SUMMARY_KINDS = {".json": "json", ".html": "html", ".htm": "html", ".svg": "svg"}


@click.command("corpus")
@click.argument("paths", nargs=-1)
@click.option("--output-format", "output_format", type=click.Choice(list(FORMATS)), default=None,
              help="How to print findings (default: full).")
@rule_selection_options
@printing_options
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Report only findings that this baseline file does not know.")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Record the current findings in this file and exit 0.")
@click.option("--summary", "summary_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the corpus summary (pairs ranked by shared text, shared spans, boilerplate) to this file: "
                   ".html (with a share matrix), .svg (the matrix), .json, or text.")
@click.option("--min-length", type=click.IntRange(min=10), default=None,
              help="Shortest shared span reported, in characters (XDC001 min-length; default 50).")
@click.option("--boilerplate-share", type=click.FloatRange(min=0.0, max=1.0), default=None,
              help="Text in more than this share of the reports is boilerplate (default 0.02).")
@click.option("--series-key", default=None,
              help="Regular expression over the path that names a report's series (default: the path without its year).")
@click.option("--scheduler", default=None,
              help="Run on the Dask cluster at this address (default: $DASK_SCHEDULER_ADDRESS, else locally).")
@click.option("-j", "--jobs", "n_jobs", type=click.IntRange(min=1), default=None,
              help="Local worker processes (default: one per core; 1: in this process).")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Cache folder for per-report signatures (default: .reportlint-cache).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
def corpus(paths: tuple[str, ...], output_format: str | None, select: tuple[str, ...], extend_select: tuple[str, ...],
           ignore: tuple[str, ...], config_file: Path | None, isolated: bool, exit_zero: bool, statistics: bool,
           quiet: bool, color: str, baseline_file: Path | None, write_baseline: Path | None, summary_file: Path | None,
           min_length: int | None, boilerplate_share: float | None, series_key: str | None, scheduler: str | None,
           n_jobs: int | None, cache_dir: Path | None, no_cache: bool) -> None:
    """Compare reports with each other: text one report shares with another (XDC rules)."""
    from ..cli import _collect_jobs, _configured_format, _exit_code, _read_baseline, _render, _split, _write_baseline, fail
    from ..cli import use_color
    from ..config import ConfigError, ConfigResolver, Overrides
    from ..registry import RegistryError, load_registry
    from ..runner import LintError
    from .executor import ExecutorError

    if "-" in paths:
        fail("corpus mode reads files and folders, not standard input")
    try:
        registry = load_registry()
    except RegistryError as exc:
        fail(str(exc))
    overrides = Overrides(select=_split(select) or None, extend_select=_split(extend_select), ignore=_split(ignore))
    for sel in [*(overrides.select or []), *overrides.extend_select, *overrides.ignore]:
        if not registry.resolve(sel):
            fail(f"unknown rule code or selector `{sel}` (see `reportlint rules`)")
    cli_options = {k: v for k, v in (("min_length", min_length), ("boilerplate_share", boilerplate_share),
                                     ("series_key", series_key)) if v is not None}
    if series_key is not None:
        _check_pattern(series_key)
    try:
        resolver = ConfigResolver(registry, config_file=config_file, isolated=isolated)
        jobs, missing = _collect_jobs(paths or (".",), resolver, registry, overrides, None)
        output_format = output_format or _configured_format(resolver, jobs)
        baseline = _read_baseline(baseline_file) if baseline_file is not None else None
        run, failed = _run(jobs, resolver, registry, cli_options, scheduler=scheduler, n_jobs=n_jobs,
                           cache_dir=None if no_cache else (cache_dir or Path(".reportlint-cache")),
                           summary_file=summary_file)
    except (ConfigError, ExecutorError, LintError) as exc:
        fail(str(exc))
    failed += missing
    if failed and not run.files:  # nothing could be read: only the errors, no report
        sys.exit(2)
    if write_baseline is not None:
        if failed:
            fail(f"baseline not written: {failed} file{'s' if failed != 1 else ''} could not be read")
        _write_baseline(write_baseline, run)
        sys.exit(0)
    if baseline is not None:
        baseline.filter(run)
    _render(run, sys.stdout, output_format, use_color(color, sys.stdout), show_facts=False, statistics=statistics,
            quiet=quiet)
    sys.exit(_exit_code(failed, bool(run.diagnostics), exit_zero))


def _check_pattern(pattern: str) -> None:
    import re

    from ..cli import fail

    try:
        re.compile(pattern)
    except re.error as exc:
        fail(f"--series-key is not a valid regular expression: {exc}")


def _run(jobs: list[Any], resolver: Any, registry: Any, cli_options: dict[str, Any], *, scheduler: str | None,
         n_jobs: int | None, cache_dir: Path | None, summary_file: Path | None) -> tuple[Any, int]:
    """Read every report, run each corpus pass once over all of them, filter and collect the results."""
    import importlib

    from ..cli import error_line
    from ..config import options_for
    from ..runner import FileResult, LintError, RunResult, read_report
    from ..suppression import Suppressions
    from ..text.scripts import han_ratio
    from . import CorpusInput, CorpusOutcome
    from .cache import Cache
    from .executor import make_executor

    docs: list[CorpusInput] = []
    kept: list[Any] = []
    encodings: list[tuple[str, str | None]] = []
    failed = 0
    for job in jobs:
        display, path, _data, _rules = job
        try:
            text, encoding, notice = read_report(path, display)
        except LintError as exc:
            error_line(str(exc))
            failed += 1
            continue
        docs.append(CorpusInput(display, text))
        kept.append(job)
        encodings.append((encoding, notice))
    passes: dict[str, list[Any]] = {}
    for rule in registry.rules:
        name = getattr(rule, "corpus_pass", None)
        if name:
            passes.setdefault(name, []).append(rule)
    enabled = [{r.code for r, _opts in job[3]} for job in kept]
    found: list[list[Any]] = [[] for _ in docs]
    executor = make_executor(scheduler, n_jobs)
    try:
        for name, rules in passes.items():
            if not docs or not any(r.code in codes for r in rules for codes in enabled):
                continue
            settings = resolver.for_path(kept[0][1])
            options = {r.code: options_for(r, settings) for r in rules}
            options[rules[0].code].update(cli_options)
            module, _, func = name.partition(":")
            outcome: CorpusOutcome = getattr(importlib.import_module(module), func)(
                docs, options, executor, Cache(cache_dir, "corpus") if cache_dir is not None else None)
            for i, diags in enumerate(outcome.diagnostics):
                found[i].extend(d for d in diags if d.code in enabled[i])
            if summary_file is not None and outcome.render_summary is not None:
                kind = SUMMARY_KINDS.get(summary_file.suffix.lower(), "text")
                try:
                    summary_file.write_text(outcome.render_summary(outcome.summary, kind), encoding="utf-8")
                except OSError as exc:
                    raise LintError(f"{summary_file}: cannot write the summary ({exc.strerror or exc})") from None
                click.echo(f"reportlint: wrote the corpus summary ({kind}) to {summary_file}", err=True)
    finally:
        executor.close()
    files = []
    for doc, diags, (encoding, notice) in zip(docs, found, encodings):
        suppressions = Suppressions.parse(doc.text)
        if suppressions.regions:
            diags = [d for d in diags if not suppressions.suppresses(d)]
        diags.sort(key=lambda d: d.sort_key())
        language = "zh" if han_ratio(doc.text[:20000]) >= 0.3 else "en"
        files.append(FileResult(doc.path, doc.text, language, diags, encoding, notice))
    peers = {f.path: f for f in files}
    for f in files:
        f.peers = peers
    return RunResult(files), failed
