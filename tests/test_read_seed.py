"""The seed report as a PDF, a DOCX, an ODT and an HTML page gives the findings of the text file.

Same rule, same text span, nothing more and nothing less; each finding is placed on the page
(PDF), paragraph (DOCX, ODT) or source line (HTML) where its text really stands. The documents
were made from tests/data/seed.txt by tests/data/documents/make_documents.py.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path

import pytest

from reportlint.read import read_document

from conftest import DATA, SEED, run_cli

DOCS = DATA / "documents"
LIBRARY = {"pdf": "pypdfium2", "docx": "docx", "odt": "odfdo", "html": "bs4"}


def findings(path: Path) -> tuple[str, list[dict]]:  # type: ignore[type-arg]
    proc = run_cli(str(path), "--output-format", "json", "--isolated", "-j", "1")
    assert proc.returncode == 1, proc.stderr.decode()
    return path.name, json.loads(proc.stdout)["diagnostics"]


def spans(text: str, diags: list[dict]) -> Counter[tuple[str, str]]:  # type: ignore[type-arg]
    return Counter((d["code"], text[d["start"]["offset"]:d["end"]["offset"]]) for d in diags)


@pytest.fixture(scope="module")
def expected() -> Counter[tuple[str, str]]:
    _, diags = findings(SEED)
    assert len(diags) >= 15  # the seed is full of defects: the comparison means something
    return spans(SEED.read_text(encoding="utf-8"), diags)


def paragraphs() -> list[str]:
    return [ln for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]


def head(text: str) -> str:
    """The first characters of a finding's text, up to the end of its paragraph: they must stand
    where the finding is placed."""
    return "".join(text.strip().split("\n")[0].split())[:6]


@pytest.mark.parametrize("fmt", ["pdf", "docx", "odt", "html"])
def test_same_findings_as_the_text_file(fmt: str, expected: Counter[tuple[str, str]]) -> None:
    pytest.importorskip(LIBRARY[fmt])
    path = DOCS / f"seed.{fmt}"
    _, diags = findings(path)
    text = read_document(path.read_bytes(), fmt).text
    assert spans(text, diags) == expected
    assert all(d["start"]["source"]["format"] == fmt for d in diags)


def test_pdf_findings_are_on_the_page_they_name() -> None:
    pdfium = pytest.importorskip("pypdfium2")
    path = DOCS / "seed.pdf"
    pdf = pdfium.PdfDocument(str(path))
    pages = ["".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    _, diags = findings(path)
    text = read_document(path.read_bytes(), "pdf").text
    assert len({d["start"]["source"]["page"] for d in diags}) >= 5  # spread over the document
    for d in diags:
        page = d["start"]["source"]["page"]
        probe = head(text[d["start"]["offset"]:d["end"]["offset"]] or text[d["start"]["offset"]:][:6])
        at = (pages[page - 1] + (pages[page] if page < len(pages) else "")).find(probe)
        assert 0 <= at < len(pages[page - 1]), (d["code"], page, probe)


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_word_processor_findings_name_the_paragraph(fmt: str) -> None:
    pytest.importorskip(LIBRARY[fmt])
    path = DOCS / f"seed.{fmt}"
    _, diags = findings(path)
    text = read_document(path.read_bytes(), fmt).text
    paras = paragraphs()
    for d in diags:
        probe = head(text[d["start"]["offset"]:d["end"]["offset"]])
        assert probe in "".join(paras[d["start"]["source"]["paragraph"] - 1].split()), (d["code"], probe)


def test_html_findings_name_the_source_line() -> None:
    pytest.importorskip("bs4")
    path = DOCS / "seed.html"
    lines = path.read_text(encoding="utf-8").splitlines()
    _, diags = findings(path)
    text = read_document(path.read_bytes(), "html").text
    for d in diags:
        probe = head(text[d["start"]["offset"]:d["end"]["offset"]])
        assert probe in "".join(html.unescape(lines[d["start"]["source"]["line"] - 1]).split()), (d["code"], probe)
