"""``--output-format html``: the report's text with every finding marked where it is.

Two layers. Without a browser: the marks nest properly and carry exactly each span's
text, report text is escaped (markup, ampersands, quotes, carriage returns, bidi
overrides), fixes show before and after, several files get an index. In headless
Chromium (skipped when Playwright or the browser is missing; CI installs both): the
seed's page marks every finding at its text, every mark can be clicked, the keys walk
the findings, filters hide them, and a report holding a script runs nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.diagnostic import Diagnostic, Edit, Fix, Related, Severity
from reportlint.report import get_reporter
from reportlint.report.html_spans import FINDING, RELATED, Span, nest
from reportlint.runner import FileResult, RunResult

from conftest import SEED, run_cli

pytest.importorskip("jinja2")


# -- a small HTML reader: the document's text and the text of each mark --------------------
class _Page(HTMLParser):
    """Collects, for the first ``.doc`` element, its whole text and the text under every
    ``mark.f`` (by data-f) and ``.r`` (by data-r), pieces joined in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside .doc (0: outside)
        self.open: list[tuple[str, str] | None] = []
        self.docs: list[str] = []
        self.marks: dict[str, str] = {}
        self.related: dict[str, str] = {}
        self.ids: set[str] = set()
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if self.depth:
            self.depth += 1
            key = ("f", str(a["data-f"])) if "data-f" in a and tag == "mark" else \
                  ("r", str(a["data-r"])) if "data-r" in a else None
            if key is not None:
                (self.marks if key[0] == "f" else self.related).setdefault(key[1], "")
            self.open.append(key)
        elif "doc" in (a.get("class") or "").split():
            self.depth = 1
            self.docs.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False
        if self.depth:
            self.depth -= 1
            if self.depth:
                self.open.pop()

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        if not self.depth:
            return
        self.docs[-1] += data
        for key in self.open:
            if key is not None:
                target = self.marks if key[0] == "f" else self.related
                target[key[1]] += data


def _read(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _render(run: RunResult) -> str:
    import io

    out = io.StringIO()
    get_reporter("html")(run, out, color=False)
    return out.getvalue()


def _diag(text: str, needle: str, *, code: str = "MKP001", category: str = "markup", nth: int = 0,
          fix: Fix | None = None, related: tuple[Related, ...] = (), path: str = "r.md",
          message: str = "a finding") -> Diagnostic:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Diagnostic(code=code, rule="some-rule", category=category, severity=Severity.WARNING, message=message,
                      start=start, end=start + len(needle), related=related, fix=fix, path=path)


# -- span nesting --------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="甲乙\n𠮷a<&", max_size=40),
       st.lists(st.tuples(st.integers(-3, 45), st.integers(0, 20), st.booleans()), max_size=8))
def test_nested_pieces_carry_exactly_each_span(text: str, raw: list[tuple[int, int, bool]]) -> None:
    spans = [Span(a, a + n, FINDING if f else RELATED, i) for i, (a, n, f) in enumerate(raw)]
    stack: list[Span] = []
    got: dict[Span, str] = {}
    whole = ""
    for tok in nest(text, spans):
        if tok.op == "text":
            whole += tok.text
            for s in stack:
                got[s] += tok.text
        elif tok.op == "open":
            assert tok.span is not None
            stack.append(tok.span)
            got.setdefault(tok.span, "")
        else:
            assert stack.pop() is tok.span  # properly nested: the innermost closes first
    assert whole == text and not stack
    n = len(text)
    for s in spans:
        a, b = min(max(s.start, 0), n), min(max(s.end, s.start, 0), n)
        assert got[Span(a, b, s.kind, s.ref, s.sub)] == text[a:b]


def test_a_span_that_crosses_another_is_cut_and_reopened() -> None:
    text = "0123456789"
    toks = list(nest(text, [Span(0, 6, FINDING, 0), Span(3, 9, FINDING, 1)]))
    opens = [(t.span.ref, t.first) for t in toks if t.op == "open" and t.span is not None]
    assert opens == [(0, True), (1, True), (1, False)]
    assert "".join(t.text for t in toks) == text


# -- the page without a browser -------------------------------------------------------------
def test_every_finding_is_marked_at_its_text_with_overlaps_and_astral_characters() -> None:
    text = "# 标题\n\n𠮷野家<br>开业了。第一段重复了。\n\n第一段重复了。结尾\r\n最后一行\r旧式换行\n"
    outer = _diag(text, "第一段重复了。\n\n第一段", code="DUP001", category="duplication",
                  related=(Related(text.index("第一段"), text.index("第一段") + 7, "first occurrence"),))
    inner = _diag(text, "<br>")
    crossing = _diag(text, "。结尾\r\n最后", code="TRN001", category="truncation")
    page = _read(_render(RunResult([FileResult("r.md", text, "zh", [inner, outer, crossing])])))
    assert page.docs == [text]
    for i, d in enumerate([inner, outer, crossing]):
        assert page.marks[str(i)] == text[d.start:d.end]
    assert page.related == {"1": "第一段重复了。"}
    assert {"f0", "f1", "f2", "r1-0", "d0", "d1", "d2"} <= page.ids


def test_report_text_is_shown_never_run() -> None:
    text = ('正文<script>alert(1)</script>后文 & "引号" \'单引号\' </div><img src=x onerror=alert(2)>'
            "\u202e倒序\u202c 以及 {{ 7*7 }} 结束。\n")
    d = _diag(text, "<script>", message="HTML tag `<script>` in prose")
    html = _render(RunResult([FileResult("<b>evil</b>.md", text, "zh", [d])]))
    page = _read(html)
    assert page.docs == [text]  # the text, character for character
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>evil" not in html
    assert "{{ 7*7 }}" in html  # template syntax in a report is text too
    assert len(page.scripts) == 1  # only the page's own script
    assert "&lt;script&gt;" in html and 'data-u="U+202E"' in html  # the override is shown, isolated


def test_the_policy_lets_only_the_page_script_run() -> None:
    html = _render(RunResult([FileResult("r.md", "甲<br>乙\n", "zh", [_diag("甲<br>乙\n", "<br>")])]))
    script = _read(html).scripts[0]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy is not None
    assert "default-src 'none'" in policy.group(1) and f"'sha256-{digest}'" in policy.group(1)
    # self-contained: nothing is loaded from anywhere
    assert not re.search(r'(src|href)="(?!#)', html) and "@import" not in html and "url(" not in html


def test_a_fix_is_shown_before_and_after() -> None:
    text = "今年完成投资625\n\n亿元，同比增长。\n"
    cut = text.index("\n\n")
    fix = Fix("safe", "join the two paragraphs", (Edit(cut, cut + 2, ""),))
    d = _diag(text, "625\n\n亿元", code="TRN001", category="truncation", fix=fix)
    html = _render(RunResult([FileResult("r.md", text, "zh", [d])]))
    detail = html[html.index('id="d0"'):]
    before = re.search(r'class="before">.*?</div>', detail, re.S)
    after = re.search(r'class="after">.*?</div>', detail, re.S)
    assert before is not None and after is not None
    assert "<del>\u23ce\u23ce</del>亿元" in before.group(0) and "<ins></ins>亿元" in after.group(0)
    assert "join the two paragraphs" in detail


def test_a_long_deletion_is_shown_by_its_ends_and_length() -> None:
    para = "重复的段落内容" * 40 + "。"
    text = f"{para}\n\n{para}\n"
    start = len(para) + 2
    fix = Fix("unsafe", "delete the repeated paragraph", (Edit(start, start + len(para) + 1, ""),))
    d = Diagnostic("DUP001", "duplicate-paragraph", "duplication", Severity.ERROR, "repeats", start,
                   start + len(para), fix=fix, path="r.md")
    html = _render(RunResult([FileResult("r.md", text, "zh", [d])]))
    assert f"… {len(para) + 1 - 120} characters …" in html and "Unsafe fix" in html


def test_several_files_get_an_index_and_related_places_across_files() -> None:
    a_text, b_text, c_text = "甲<br>乙。\n", "同一段落。\n\n丙<hr>丁<p>。\n", "干净的报告。\n"
    rel = Related(0, 5, "first occurrence", path="b.md")
    a = FileResult("a.md", a_text, "zh", [_diag(a_text, "<br>", path="a.md", related=(rel,))])
    b = FileResult("b.md", b_text, "zh", [_diag(b_text, "<hr>", path="b.md"),
                                          _diag(b_text, "同一", code="DUP001", category="duplication", path="b.md")])
    html = _render(RunResult([a, b, FileResult("c.md", c_text, "zh", [])]))
    index = html[html.index("<tbody>"):html.index("</tbody>")]
    rows = re.findall(r"<tr>.*?</tr>", index, re.S)
    assert len(rows) == 3
    assert [re.findall(r'class="num">(\w*)<', r) for r in rows] == [["1", "", "1"], ["2", "1", "1"], ["clean", "", ""]]
    page = _read(html)
    assert page.related == {"0": "同一段落。"}  # marked in b.md's text
    assert 'href="#r0-0"' in html and "b.md:1:1" in html
    assert len(page.docs) == 2  # a clean file is listed, its text not repeated
    assert 'id="file-2"' not in html and "1 file with no findings" in html


def test_cli_writes_the_page_to_a_file_and_never_over_a_report(tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    report.write_text("标题<br>内容。\n", encoding="utf-8")
    out = tmp_path / "out" / "page.html"
    out.parent.mkdir()
    proc = run_cli("--select", "MKP001", "--output-format", "html", "-o", str(out), str(report))
    assert proc.returncode == 1 and proc.stdout == b""
    assert _read(out.read_text(encoding="utf-8")).marks == {"0": "<br>"}
    proc = run_cli("--output-format", "html", "-o", str(report), str(report))
    assert proc.returncode == 2 and report.read_text(encoding="utf-8") == "标题<br>内容。\n"
    assert len(proc.stderr.decode().strip().splitlines()) == 1
    proc = run_cli("--output-format", "json", "-o", str(tmp_path / "missing" / "x.json"), str(report))
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr


def test_without_jinja2_the_format_is_one_line_naming_the_extra(tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    report.write_text("标题<br>内容。\n", encoding="utf-8")
    code = ("import sys; sys.modules['jinja2'] = None; from reportlint.cli import main; "
            f"main(['--output-format', 'html', {str(report)!r}])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    lines = proc.stderr.decode().strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1 and "reportlint[html]" in lines[0], lines


def test_other_formats_do_not_import_jinja2(tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    report.write_text("标题<br>内容。\n", encoding="utf-8")
    code = ("import sys\nfrom reportlint.cli import main\ntry:\n"
            f"    main(['--output-format', 'json', {str(report)!r}])\n"
            "except SystemExit:\n    pass\nprint('jinja2' in sys.modules, 'playwright' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert proc.stdout.decode().strip().splitlines()[-1] == "False False"


# -- in a real browser ----------------------------------------------------------------------
def _chromium() -> str | None:
    return os.environ.get("REPORTLINT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Any:
    sync_api = pytest.importorskip("playwright.sync_api")
    path = _chromium()
    if path is None:
        pytest.skip("no chromium on this machine (.ci/browser.sh installs it)")
    with sync_api.sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=path, args=["--no-sandbox"])
        except Exception as exc:  # a browser that cannot start is no browser
            pytest.skip(f"chromium does not start: {exc}")
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Any:
    p = browser.new_page(viewport={"width": 1400, "height": 1000})
    p.dialogs = []  # type: ignore[attr-defined]
    p.errors = []  # type: ignore[attr-defined]
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    yield p
    p.close()


def _open(page: Any, tmp_path: Path, *args: str) -> dict[str, Any]:
    """Lint with the CLI to JSON and to HTML; open the page; return the JSON."""
    out = tmp_path / "page.html"
    proc = run_cli("--output-format", "html", "-o", str(out), *args)
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(run_cli("--output-format", "json", *args).stdout)
    page.goto(out.resolve().as_uri())
    return data


# Text under every piece of each finding and related place, as the browser sees it.
_MARKED_TEXT = """() => {
  const f = {}, r = {};
  for (const el of document.querySelectorAll("mark.f")) f[el.dataset.f] = (f[el.dataset.f] || "") + el.textContent;
  for (const el of document.querySelectorAll(".r")) r[el.dataset.r] = (r[el.dataset.r] || "") + el.textContent;
  return [f, r];
}"""

# A point inside finding `id`'s own text (not inside a finding nested in it), or its caret.
_POINT = """(id) => {
  for (const el of document.querySelectorAll(`mark.f[data-f="${id}"]`)) {
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.data.trim()) continue;
      const i = node.data.search(/\\S/);
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (box) return [box.x + box.width / 2, box.y + box.height / 2];
    }
  }
  const el = document.getElementById("f" + id);
  const box = el.getBoundingClientRect();
  return [box.x + box.width / 2, box.y + box.height / 2];
}"""


def _click(page: Any, fid: int) -> None:
    page.evaluate("(id) => document.getElementById('f' + id).scrollIntoView({block: 'center'})", fid)
    x, y = page.evaluate(_POINT, fid)
    page.mouse.click(x, y)


def test_seed_page_marks_every_finding_at_its_text_and_each_can_be_clicked(page: Any, tmp_path: Path) -> None:
    data = _open(page, tmp_path, str(SEED))
    text = SEED.read_text(encoding="utf-8")
    diags = data["diagnostics"]
    assert len(diags) >= 10
    marked, related = page.evaluate(_MARKED_TEXT)
    assert len(marked) == len(diags)
    for i, d in enumerate(diags):
        assert marked[str(i)] == text[d["start"]["offset"]:d["end"]["offset"]], d["code"]
        for k, r in enumerate(d["related"]):
            one = page.evaluate("(id) => document.getElementById(id).textContent", f"r{i}-{k}")
            assert text[r["start"]["offset"]:r["end"]["offset"]].startswith(one)
        if d["related"]:
            assert related[str(i)]
    shots = Path(os.environ.get("REPORTLINT_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "seed-report.png"))
    for i, d in enumerate(diags):
        _click(page, i)
        assert page.locator(f'mark.f.sel[data-f="{i}"]').count() >= 1, d["code"]
        assert page.locator("#panel-body .msg").inner_text() == d["message"]
        assert page.locator("#panel-body code").first.inner_text() == d["code"]
    page.screenshot(path=str(shots / "seed-report-selected.png"))
    assert (shots / "seed-report.png").stat().st_size > 10_000
    assert page.errors == []


def test_keys_walk_the_findings_and_filters_hide_them(page: Any, tmp_path: Path) -> None:
    data = _open(page, tmp_path, str(SEED))
    codes = [d["code"] for d in data["diagnostics"]]
    cats = [d["category"] for d in data["diagnostics"]]
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.locator("#panel-body code").first.inner_text() == codes[1]
    page.keyboard.press("k")
    assert page.locator("#panel-body code").first.inner_text() == codes[0]
    hidden = cats[1]
    page.locator(f'input[data-hide="c-{hidden}"]').uncheck()
    page.keyboard.press("Escape")
    visible = [i for i, cat in enumerate(cats) if cat != hidden]
    seen = []
    for _ in range(len(visible) + 1):
        page.keyboard.press("n")
        seen.append(int(page.evaluate("() => document.querySelector('mark.f.sel').dataset.f")))
    assert seen == [*visible, visible[0]]  # in text order, the hidden category skipped, then round again
    page.keyboard.press("Escape")
    assert page.locator("mark.f.sel").count() == 0


def test_a_report_holding_a_script_runs_nothing(page: Any, tmp_path: Path) -> None:
    report = tmp_path / "evil.md"
    report.write_text("# 标题\n\n正文<script>alert(1)</script>后文。\n\n段落<img src=x onerror=alert(2)>结束。"
                      "\n\n引号\"与'和&amp;。<script>document.title='pwned'</script>\n", encoding="utf-8")
    data = _open(page, tmp_path, "--select", "MKP001", str(report))
    assert data["diagnostics"]
    page.wait_for_timeout(300)
    assert page.dialogs == [] and page.title() != "pwned"
    shown = page.locator(".doc").inner_text()
    assert "<script>alert(1)</script>" in shown and "<img src=x onerror=alert(2)>" in shown and "&amp;" in shown
    _click(page, 0)
    assert page.locator("#panel-body .msg").inner_text() == data["diagnostics"][0]["message"]
    assert page.dialogs == [] and page.errors == []


def test_hovering_a_duplicate_lights_up_its_first_occurrence(page: Any, tmp_path: Path) -> None:
    data = _open(page, tmp_path, str(SEED))
    fid = next(i for i, d in enumerate(data["diagnostics"]) if d["code"] == "DUP001" and d["related"])
    page.evaluate("(id) => document.getElementById('f' + id).scrollIntoView({block: 'center'})", fid)
    x, y = page.evaluate(_POINT, fid)
    page.mouse.move(x, y)
    assert page.locator(f'.r.hot[data-r="{fid}"]').count() >= 1
    page.mouse.click(x, y)
    page.locator("#panel-body [data-jump]").first.click()
    assert page.locator(f'.r.sel[data-r="{fid}"]').count() >= 1


def test_in_the_browser_marks_hold_their_spans_past_astral_characters_and_carriage_returns(
        page: Any, tmp_path: Path) -> None:
    text = "𠮷野家𠮷<br>开业了。\r\n第二行\u202e反向\u202c文字&amp;\r第三行<hr>结束。\n"
    diags = [_diag(text, "<br>"), _diag(text, "\r\n第二行"), _diag(text, "\u202e反向\u202c"),
             _diag(text, "\r第三行<hr>"), _diag(text, "<hr>")]
    out = tmp_path / "page.html"
    out.write_text(_render(RunResult([FileResult("r.md", text, "zh", diags)])), encoding="utf-8")
    page.goto(out.resolve().as_uri())
    marked, _ = page.evaluate(_MARKED_TEXT)
    assert marked == {str(i): text[d.start:d.end] for i, d in enumerate(diags)}
    assert page.evaluate("() => document.querySelector('.doc').textContent") == text
