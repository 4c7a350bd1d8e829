"""The HTML report of a 3 MB report: how long it takes to make, and to open in a browser.

The benchmark file is distinct city government work reports of 2015 or later (at most
70, spread evenly over the corpus), whole, concatenated until 3 MB of UTF-8: a long
document with many findings, the page's worst case. Prints

- the size of the file, its findings, and the size of the page;
- the time to render the page from a finished run (median of 5, in this process);
- the time headless Chromium takes to open the page from disk and render it: from the
  start of navigation until the load event and two animation frames after it (layout
  and first paint done), median of 5, each in a fresh browser context;
- the time from the key that selects the last finding (from the top of the page) until
  it is scrolled to and painted: the text between is laid out lazily, not skipped.

Bar: under 2 s to open and render in headless Chromium.

``--screenshot PATH`` also saves a picture of the seed report's page with one finding
selected (the one in docs/ and the README is made this way).

Needs the ``html`` and ``browser`` extras and Debian's chromium (.ci/browser.sh).
Usage: python bench/bench_html_report.py [--corpus DIR] [--size 3000000] [--runs 5] [--screenshot docs/html-report.png]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import shutil
import statistics
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlint.runner import RunResult

ROOT = Path(__file__).resolve().parents[1]
TARBALL = "gov-reports-major-cities.tar.xz"
CORPORA = [Path("/tmp/corpus/政府工作报告-主要城市"), ROOT.parent / "shared" / "corpus" / TARBALL,
           Path("/work/shared/corpus") / TARBALL]
SEED = ROOT / "seeds" / "000_f351bb1443225084.txt"
REPORTS, FIRST_YEAR, SIZE = 70, 2015, 3_000_000


def corpus_folder(given: Path | None, tmp: Path) -> Path:
    """An unpacked corpus: the folder given, the unpacked copy in /tmp, or the shared tarball unpacked."""
    for c in ([given] if given else CORPORA):
        if c is not None and c.is_dir():
            return c
        if c is not None and c.is_file():
            with tarfile.open(c) as tar:
                tar.extractall(tmp, filter="data")
            return tmp
    sys.exit("bench_html_report: no corpus found; give --corpus DIR")


def build_big_file(corpus: Path, dest: Path, size: int) -> tuple[Path, int]:
    """Distinct reports of 2015 or later, 70 spread evenly over the sorted list, joined until ``size`` bytes."""
    found = sorted(p for p in corpus.rglob("*.md") if re.fullmatch(r"20\d\d", p.stem) and int(p.stem) >= FIRST_YEAR)
    seen: set[str] = set()
    distinct = []
    for p in found:
        digest = hashlib.sha1(p.read_bytes()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            distinct.append(p)
    if len(distinct) < REPORTS:
        sys.exit(f"bench_html_report: only {len(distinct)} distinct reports of {FIRST_YEAR} or later")
    step = len(distinct) / REPORTS
    parts: list[str] = []
    total = 0
    for p in (distinct[int(i * step)] for i in range(REPORTS)):
        if total >= size:
            break
        parts.append(p.read_text(encoding="utf-8").strip("\n"))
        total += len(parts[-1].encode("utf-8")) + 2
    dest.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return dest, len(parts)


def lint(path: Path) -> RunResult:
    from reportlint.config import ConfigResolver, Overrides, enabled_rules, options_for
    from reportlint.registry import load_registry
    from reportlint.report.escape import path_for_display
    from reportlint.runner import lint_paths

    registry = load_registry()
    resolver = ConfigResolver(registry, isolated=True)
    settings = resolver.for_path(path)
    rules = [(r, options_for(r, settings)) for r in enabled_rules(settings, registry, Overrides(), path)]
    return lint_paths([(path_for_display(path.name), path, None, rules)], n_jobs=1)


def render_times(run: RunResult, runs: int) -> tuple[float, str]:
    from reportlint.report import get_reporter

    render = get_reporter("html")
    times, page = [], ""
    for _ in range(runs):
        out = io.StringIO()
        t0 = time.perf_counter()
        render(run, out, color=False)
        times.append(time.perf_counter() - t0)
        page = out.getvalue()
    return statistics.median(times), page


OPENED = """() => new Promise(done => {
  const finish = () => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())));
  if (document.readyState === "complete") finish(); else addEventListener("load", finish);
})"""


JUMP = """() => new Promise(done => {
  const t0 = performance.now();
  document.dispatchEvent(new KeyboardEvent("keydown", {key: "k", bubbles: true}));
  requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
})"""


def browser_times(page_file: Path, runs: int, chromium: str) -> tuple[list[float], list[float]]:
    """Seconds to open and render the page, and to jump from the top to the last finding."""
    from playwright.sync_api import sync_playwright

    times, jumps = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            page.goto(page_file.resolve().as_uri(), wait_until="commit")
            painted = page.evaluate(OPENED)  # milliseconds since navigation start
            marks = page.evaluate("() => document.querySelectorAll('mark.f[id]').length")
            times.append(painted / 1000)
            jumps.append(page.evaluate(JUMP) / 1000)  # "k" from no selection: the last finding
            context.close()
        browser.close()
    print(f"  marks on the page: {marks}")
    return times, jumps


def screenshot(dest: Path, chromium: str) -> None:
    """The seed report's page, a finding with a fix selected, as a person sees it."""
    from playwright.sync_api import sync_playwright

    run = lint(SEED)
    _, html = render_times(run, 1)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        page_file = Path(tmp) / "seed.html"
        page_file.write_text(html, encoding="utf-8")
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1500})
        page.goto(page_file.as_uri())
        target = next(i for i, d in enumerate(run.diagnostics) if d.fix is not None)
        page.evaluate("(id) => { const el = document.getElementById('f' + id); el.scrollIntoView({block: 'center'});"
                      " el.click(); }", target)
        page.evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=str(dest))
        browser.close()
    print(f"screenshot of the seed's page: {dest}")


def bench(corpus: Path | None, size: int, runs: int, chromium: str) -> None:
    with tempfile.TemporaryDirectory(prefix="reportlint-html-") as tmp_name:
        tmp = Path(tmp_name)
        big, count = build_big_file(corpus_folder(corpus, tmp / "corpus"), tmp / "bench-3mb.md", size)
        size = big.stat().st_size
        t0 = time.perf_counter()
        run = lint(big)
        lint_s = time.perf_counter() - t0
        print(f"file: {count} reports concatenated, {size / 1e6:.2f} MB, {len(run.files[0].text):,} characters, "
              f"{len(run.diagnostics)} findings (lint {lint_s:.1f} s)")
        render_s, html = render_times(run, runs)
        page_file = tmp / "page.html"
        page_file.write_text(html, encoding="utf-8")
        print(f"page: {page_file.stat().st_size / 1e6:.2f} MB; render from the run: median {render_s:.2f} s "
              f"of {runs}")
        times, jumps = browser_times(page_file, runs, chromium)
        print(f"headless Chromium, open and render: median {statistics.median(times):.2f} s of {runs} "
              f"(min {min(times):.2f}, max {max(times):.2f}); bar: < 2 s")
        print(f"headless Chromium, key to the last finding (scrolled and painted): median "
              f"{statistics.median(jumps):.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None, help="an unpacked corpus folder")
    ap.add_argument("--runs", type=int, default=5, help="runs of each timing (0: only the screenshot)")
    ap.add_argument("--size", type=int, default=SIZE, help="bytes of report text to join (default: 3 MB)")
    ap.add_argument("--screenshot", type=Path, default=None, help="also save a picture of the seed report's page")
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("bench_html_report: no chromium (bash .ci/browser.sh installs it)")
    if args.runs > 0:
        bench(args.corpus, args.size, args.runs, chromium)
    if args.screenshot is not None:
        screenshot(args.screenshot, chromium)


if __name__ == "__main__":
    main()
