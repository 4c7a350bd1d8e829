"""Reading PDF, DOCX, ODT and HTML documents: text, places, errors, and the CLI around them.

The documents are in tests/data/documents/ (made by make_documents.py there) or built here.
Each format's tests skip when its extra is not installed.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

from reportlint.read import ReadError, read_document

from conftest import DATA, run_cli

DOCS = DATA / "documents"


def needs(module: str):  # type: ignore[no-untyped-def]
    return pytest.importorskip(module)


def read(name: str, fmt: str):  # type: ignore[no-untyped-def]
    return read_document((DOCS / name).read_bytes(), fmt)


def lint_json(path: Path | str, *extra: str) -> dict:  # type: ignore[type-arg]
    proc = run_cli(str(path), "--output-format", "json", "--isolated", "-j", "1", *extra)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return json.loads(proc.stdout)


# -- PDF -----------------------------------------------------------------------------------------

def test_pdf_sentence_across_a_page_break_is_joined_and_the_furniture_kept_apart() -> None:
    needs("pypdfium2")
    st = read("cross_page.pdf", "pdf")
    assert "unless the council found new funds." in st.text  # page 1 ended at "the council"
    assert "Council minutes" not in st.text and "\n1\n" not in st.text
    assert [(r.page, r.role) for r in st.map.removed] == [(1, "header"), (1, "page-number"), (2, "header"), (2, "page-number")]
    (brk,) = st.map.page_breaks
    assert brk.joined and brk.full_line
    start = st.text.index("new funds")
    assert st.map.label(start) == "p.2 ¶1" and st.map.label(st.text.index("The treasurer")) == "p.1 ¶2"
    assert lint_json(DOCS / "cross_page.pdf")["diagnostics"] == []


def test_pdf_page_that_ends_mid_sentence_with_the_rest_lost_is_a_lost_ending_on_that_page() -> None:
    needs("pypdfium2")
    st = read("lost_ending.pdf", "pdf")
    assert "unless the council\n\nThe council asked" in st.text
    assert not st.map.page_breaks[0].joined
    (d,) = lint_json(DOCS / "lost_ending.pdf")["diagnostics"]
    assert d["code"] == "TRN002"
    assert d["start"]["source"] == {"format": "pdf", "page": 1, "paragraph": 2}


def test_chinese_pdf_joins_across_pages_and_finds_the_cut_paragraph() -> None:
    needs("pypdfium2")
    st = read("chinese.pdf", "pdf")
    assert "基本公共服务水平进一步提高，群众的获得感" in st.text  # page 1 -> 2, no space between Han
    assert "某市人民政府工作报告" not in st.text and "第1页" not in st.text
    assert {r.text for r in st.map.removed} >= {"某市人民政府工作报告", "第1页", "第3页"}
    assert st.text.split("\n\n")[3] == "二、今后五年的主要任务"  # a centred heading is its own paragraph
    (d,) = lint_json(DOCS / "chinese.pdf")["diagnostics"]
    assert d["code"] == "TRN002" and d["start"]["source"]["page"] == 2


@pytest.mark.parametrize(("name", "message"), [
    ("encrypted.pdf", "the PDF is encrypted: it needs a password to open"),
    ("image_only.pdf", "no text layer: page 1 of 1 is an image"),
])
def test_unreadable_pdf_is_one_line_and_exit_2(name: str, message: str) -> None:
    needs("pypdfium2")
    proc = run_cli(str(DOCS / name), "--isolated")
    err = proc.stderr.decode()
    assert proc.returncode == 2 and message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_damaged_pdf_and_docx_are_one_line_each_and_the_other_files_still_linted(tmp_path: Path) -> None:
    needs("pypdfium2")
    needs("docx")
    (tmp_path / "cut.pdf").write_bytes((DOCS / "seed.pdf").read_bytes()[:2000])
    (tmp_path / "fake.docx").write_text("not a word file", encoding="utf-8")
    proc = run_cli(str(tmp_path / "cut.pdf"), str(tmp_path / "fake.docx"), str(DOCS / "lost_ending.pdf"),
                   "--isolated", "-j", "1", "--output-format", "concise")
    err = proc.stderr.decode().strip().splitlines()
    assert proc.returncode == 2 and "Traceback" not in proc.stderr.decode()
    assert any("cut.pdf: the PDF is damaged" in e for e in err) and any("fake.docx: the DOCX file is damaged" in e for e in err)
    assert "lost_ending.pdf:" in proc.stdout.decode() and "TRN002" in proc.stdout.decode()


# -- DOCX ----------------------------------------------------------------------------------------

def test_docx_keeps_tracked_insertions_drops_deletions_reads_tables_and_page_breaks() -> None:
    needs("docx")
    st = read("tracked.docx", "docx")
    paras = st.text.rstrip("\n").split("\n\n")
    assert paras[0] == "全年地区生产总值增长6.5%，经济运行稳中有进。"  # w:ins kept, w:del (百分之五) dropped
    assert "百分之五" not in st.text
    assert paras[1:3] == ["| 指标 | 数值 |", "| 地区生产总值增长 | 6.5% |"]
    assert paras[4] == "第三段在新的一页开始，说明明年的工作安排。"
    (brk,) = st.map.page_breaks
    assert st.text[:brk.offset].rstrip().endswith("下一页写的是今后的任务。")
    assert st.map.label(st.text.index("第三段")) == "¶5"


def test_docx_made_here_with_a_deletion_that_would_otherwise_read_as_a_stutter(tmp_path: Path) -> None:
    docx = needs("docx")
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("我们要进一步")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    p._p.append(docx.oxml.parse_xml(f'<w:del xmlns:w="{w}" w:id="7" w:author="a"><w:r><w:delText>加强加强</w:delText></w:r></w:del>'))
    p._p.append(docx.oxml.parse_xml(f'<w:ins xmlns:w="{w}" w:id="8" w:author="a"><w:r><w:t>加强</w:t></w:r></w:ins>'))
    p.add_run("基层治理。")
    out = tmp_path / "edit.docx"
    d.save(str(out))
    assert read_document(out.read_bytes(), "docx").text == "我们要进一步加强基层治理。\n"
    assert docx.Document(str(out)).paragraphs[0].text != "我们要进一步加强基层治理。"  # what python-docx alone gives


# -- ODT -----------------------------------------------------------------------------------------

def test_odt_paragraphs_lists_tables_spaces_and_tracked_deletions(tmp_path: Path) -> None:
    odfdo = needs("odfdo")
    doc = odfdo.Document("text")
    body = doc.body
    body.clear()
    body.append(odfdo.Header(1, "一、总体情况"))
    body.append(odfdo.Paragraph("全年经济运行稳中有进。"))
    body.append(odfdo.List(["第一项任务已经完成。", "第二项任务正在推进。"]))
    table = odfdo.Table("t", width=2, height=1)
    table.set_values([["指标", "6.5%"]])
    body.append(table)
    body.append(odfdo.Paragraph("Two  spaces\tand a tab."))
    out = tmp_path / "r.odt"
    doc.save(str(out))
    raw = out.read_bytes()
    # A tracked deletion, as an editor records it: the deleted text lives in text:tracked-changes.
    with zipfile.ZipFile(io.BytesIO(raw)) as zin:
        content = zin.read("content.xml").decode("utf-8")
        tracked = ('<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info>'
                   '<dc:creator>a</dc:creator></office:change-info><text:p>删去的旧句子。</text:p></text:deletion>'
                   '</text:changed-region></text:tracked-changes>')
        content = content.replace("<office:text>", "<office:text>" + tracked, 1)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zout:
            for item in zin.infolist():
                data = content.encode("utf-8") if item.filename == "content.xml" else zin.read(item.filename)
                zout.writestr(item, data)
    st = read_document(buf.getvalue(), "odt")
    assert st.text.rstrip("\n").split("\n\n") == ["一、总体情况", "全年经济运行稳中有进。", "第一项任务已经完成。",
                                                "第二项任务正在推进。", "| 指标 | 6.5% |", "Two  spaces\tand a tab."]
    assert st.map.label(st.text.index("第二项")) == "¶4"


# -- HTML ----------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>不是正文</title><style>p { color: red }</style></head>
<body>
<h2>一、总体情况</h2>
<p>全年地区生产总值增长6.5%，<br>
经济运行&ldquo;稳中有进&rdquo;。</p>
<p>网页上残留的实体 &amp;ldquo; 是一处错误。</p>
<script>var x = "不是正文";</script>
<p>我们要
继续推进改革。</p>
</body></html>
"""


def test_html_breaks_entities_and_source_lines(tmp_path: Path) -> None:
    needs("bs4")
    st = read_document(PAGE.encode("utf-8"), "html")
    paras = st.text.rstrip("\n").split("\n\n")
    assert paras[0] == "## 一、总体情况"
    assert paras[1] == "全年地区生产总值增长6.5%，\n经济运行“稳中有进”。"  # <br> a line break, entities decoded
    assert paras[3] == "我们要继续推进改革。"  # a source line break between Han characters vanishes
    assert "不是正文" not in st.text
    assert st.map.label(st.text.index("经济运行")) == "line 6"
    page = tmp_path / "report.html"
    page.write_text(PAGE, encoding="utf-8")
    diags = lint_json(page)["diagnostics"]
    # A <br> in mid-sentence breaks the sentence on the page as a page break does in print.
    assert [(d["code"], d["start"]["source"]) for d in diags] == [("TRN001", {"format": "html", "line": 5}),
                                                                 ("MKP001", {"format": "html", "line": 7})]


# -- CLI -----------------------------------------------------------------------------------------

def test_fix_refuses_documents_and_diff_still_shows_the_changes(tmp_path: Path) -> None:
    needs("pypdfium2")
    pdf = tmp_path / "seed.pdf"
    pdf.write_bytes((DOCS / "seed.pdf").read_bytes())
    before = pdf.read_bytes()
    proc = run_cli(str(pdf), "--fix", "--isolated", "-j", "1", "-q")
    assert proc.returncode == 2 and pdf.read_bytes() == before
    assert "--fix does not write PDF documents" in proc.stderr.decode()
    assert "TRN001" in proc.stdout.decode()  # the findings are still reported
    proc = run_cli(str(pdf), "--diff", "--isolated", "-j", "1")
    assert proc.returncode == 1 and proc.stdout.decode().startswith("---") and pdf.read_bytes() == before


def test_full_format_names_page_and_paragraph_and_sarif_carries_a_logical_location() -> None:
    needs("pypdfium2")
    proc = run_cli(str(DOCS / "lost_ending.pdf"), "--isolated", "-j", "1", "--color", "never")
    assert "lost_ending.pdf p.1 ¶2 (text 3:" in proc.stdout.decode()
    proc = run_cli(str(DOCS / "lost_ending.pdf"), "--isolated", "-j", "1", "--output-format", "sarif")
    (result,) = json.loads(proc.stdout)["runs"][0]["results"]
    assert result["locations"][0]["logicalLocations"][0]["name"] == "p.1 ¶2"
    for fmt in ("github", "gitlab", "rdjson", "junit", "concise"):
        out = run_cli(str(DOCS / "lost_ending.pdf"), "--isolated", "-j", "1", "--output-format", fmt).stdout.decode()
        assert "p.1 ¶2" in out, fmt


def test_json_source_object_validates_against_the_contract() -> None:
    needs("pypdfium2")
    import jsonschema

    schema = json.loads((DATA / "json-output.schema.json").read_text(encoding="utf-8"))
    data = lint_json(DOCS / "seed.pdf")
    jsonschema.validate(data, schema)
    assert data["files"][0]["source"] == {"format": "pdf", "pages": 10}
    assert all("source" in d["start"] and "source" in d["end"] for d in data["diagnostics"])
    txt = lint_json(DATA / "seed.txt")
    assert all("source" not in d["start"] for d in txt["diagnostics"]) and "source" not in txt["files"][0]


def test_a_missing_extra_is_one_line_naming_it(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # as if the extra were not installed
    with pytest.raises(ReadError, match=r"needs the `pdf` extra: pip install 'reportlint\[pdf\]'"):
        read_document(b"%PDF-1.4\n", "pdf")
    from reportlint.cli import main

    with pytest.raises(SystemExit) as exc:
        main([str(DOCS / "chinese.pdf"), "--isolated", "-j", "1"])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"reportlint: error: {DOCS / 'chinese.pdf'}: reading PDF needs the `pdf` extra: pip install 'reportlint[pdf]'"]


def test_linting_text_reports_never_imports_the_readers() -> None:
    import subprocess

    code = ("import sys\nfrom reportlint.cli import main\ntry:\n    main([sys.argv[1], '--isolated', '-j', '1', '-q'])\n"
            "except SystemExit:\n    pass\nprint('reportlint.read' in sys.modules, 'bs4' in sys.modules, 'pypdfium2' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(DATA / "seed.txt")], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == "False False False"


def test_a_page_cut_on_a_full_line_is_a_lost_ending_the_text_alone_cannot_show() -> None:
    from reportlint.rules.truncation import LostEnding
    from reportlint.runner import lint_text

    text = "一、总体情况\n\n今年全市经济运行稳中有进，地区生产总值增长百分之六，工业投资\n\n二、主要任务\n\n我们将继续推进改革。\n"
    cut = text.index("\n\n二、")
    rules = [(LostEnding, {})]
    assert lint_text(text, "r.txt", rules).diagnostics == []  # a part may end short of its mark
    (d,) = lint_text(text, "r.pdf", rules, page_cuts=frozenset({cut})).diagnostics
    assert d.code == "TRN002" and text[d.start:d.end] == "六，工业投资"  # the last six characters
    # A page that ended after a finished sentence is no cut, whatever the layout.
    done = text.replace("工业投资", "工业投资增长较快。")
    assert lint_text(done, "r.pdf", rules, page_cuts=frozenset({done.index("\n\n二、")})).diagnostics == []


def test_docx_section_break_to_a_new_page_is_a_page_break_and_a_continuous_one_is_not(tmp_path: Path) -> None:
    docx = needs("docx")
    from docx.enum.section import WD_SECTION

    d = docx.Document()
    d.add_paragraph("第一节的内容到此结束。")
    d.add_section(WD_SECTION.NEW_PAGE)
    d.add_paragraph("第二节在新的一页。")
    d.add_section(WD_SECTION.CONTINUOUS)
    d.add_paragraph("第三节接着排。")
    out = tmp_path / "sections.docx"
    d.save(str(out))
    st = read_document(out.read_bytes(), "docx")
    assert st.text == "第一节的内容到此结束。\n\n第二节在新的一页。\n\n第三节接着排。\n"
    assert [st.text[:b.offset].rstrip()[-4:] for b in st.map.page_breaks] == ["此结束。"]


def test_pdf_pages_read_in_several_processes_give_the_same_text_and_places(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long PDF's pages are shared out over processes; the text, page breaks and furniture
    must come out exactly as when one process reads them in order."""
    needs("pypdfium2")
    from reportlint.read import pdf

    data = (DOCS / "seed.pdf").read_bytes()
    alone = pdf.read(data, workers=1)
    monkeypatch.setattr(pdf, "PARALLEL_PAGES", 2)
    shared = pdf.read(data, workers=3)
    assert shared.text == alone.text
    assert shared.map.pages == alone.map.pages > 2
    assert shared.map.removed == alone.map.removed
    assert [shared.map.locate(i) for i in range(0, len(alone.text), 97)] == \
        [alone.map.locate(i) for i in range(0, len(alone.text), 97)]
