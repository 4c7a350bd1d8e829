"""Make the documents the reader tests read, once; the outputs are committed beside this script.

    python tests/data/documents/make_documents.py

Needs, at generation time only: reportlab (PDF; its STSong-Light is one of the CJK fonts every
PDF viewer and pdfium know without embedding, so the Chinese PDFs stay a few kilobytes and need
no font installed), python-docx (DOCX) and odfdo (ODT). The tests need none of these but the
readers' own libraries.

The seed report is converted paragraph by paragraph with its text unchanged (Markdown marks and
all), the way a report typed into Word carries them: the findings on each document must be the
findings on the text file.
"""

from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "seed.txt"  # the seed report of seeds/, as the tests keep it


def seed_paragraphs() -> list[str]:
    return [ln for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]


# -- PDF -----------------------------------------------------------------------------------------

def _cjk_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def make_seed_pdf(path: Path) -> None:
    """The seed typeset on A4 over several pages: a running title at the top of each page, the
    page number at the bottom, paragraphs with a two-character first-line indent and no gap."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = _cjk_font()
    body = ParagraphStyle("body", fontName=font, fontSize=12, leading=20, firstLineIndent=24, wordWrap="CJK")
    title = ParagraphStyle("title", fontName=font, fontSize=18, leading=28, alignment=TA_CENTER, spaceAfter=12)

    def furniture(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, "江门市人民政府 政府工作报告")
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")
        canvas.restoreState()

    paras = seed_paragraphs()
    story = [Paragraph(html.escape(paras[0], quote=False), title)]
    story += [Paragraph(html.escape(p, quote=False), body) for p in paras[1:]]
    doc = SimpleDocTemplate(str(path), pagesize=A4, title="seed", invariant=True)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)


def _lines_pdf(path: Path, pages: list[list[tuple[float, str]]], font: str, size: float = 12,
               furniture: str | None = None, numbers: str = "{n}") -> None:
    """A PDF drawn line by line: each page a list of (x indent, text); for layouts a test needs exactly."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdfcanvas

    c = pdfcanvas.Canvas(str(path), pagesize=A4, invariant=True)
    for n, lines in enumerate(pages, start=1):
        if furniture:
            c.setFont(font, 9)
            c.drawString(72, A4[1] - 40, furniture)
        c.setFont(font, size)
        y = A4[1] - 80
        for indent, text in lines:
            c.drawString(72 + indent, y, text)
            y -= size * 1.6
        c.setFont(font, 9)
        c.drawCentredString(A4[0] / 2, 30, numbers.format(n=n))
        c.showPage()
    c.save()


def _wrap(text: str, width: float, font: str, size: float, indent: float = 0) -> list[tuple[float, str]]:
    """Break ``text`` into lines of at most ``width`` points (at spaces for Latin, anywhere for CJK)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    cjk = any("\u4e00" <= ch <= "\u9fff" for ch in text)
    units = list(text) if cjk else text.split(" ")
    sep = "" if cjk else " "
    out: list[tuple[float, str]] = []
    cur = ""
    for u in units:
        trial = cur + (sep if cur else "") + u
        room = width - (indent if not out else 0)
        if cur and stringWidth(trial, font, size) > room:
            out.append((indent if not out else 0, cur))
            cur = u
        else:
            cur = trial
    if cur:
        out.append((indent if not out else 0, cur))
    return out


def make_latin_pdfs(folder: Path) -> None:
    font, size, width = "Helvetica", 12, 451
    p1 = ("The council met in March to review the budget for the coming year. Members agreed that the "
          "roads programme should be finished before the schools programme starts, and asked the "
          "treasurer to report on the cost of both.")
    cross = ("The treasurer reported that the cost of the roads programme had risen by a fifth since the "
             "last estimate, mostly because of the price of asphalt, and that the schools programme would "
             "therefore have to wait until the following spring unless the council found new funds.")
    after = "The council asked for a revised plan by June."
    lines1 = _wrap(p1, width, font, size, 24)
    lines2 = _wrap(cross, width, font, size, 24)
    # The long paragraph starts near the bottom of page 1 and carries on at the top of page 2.
    page1 = lines1 + lines2[:3]
    page2 = lines2[3:] + _wrap(after, width, font, size, 24)
    _lines_pdf(folder / "cross_page.pdf", [page1, page2], font, size, furniture="Council minutes, March")
    # The same, but the rest of the sentence was lost: page 2 opens a new paragraph.
    _lines_pdf(folder / "lost_ending.pdf", [page1, _wrap(after, width, font, size, 24)], font, size,
               furniture="Council minutes, March")


def make_chinese_pdf(path: Path) -> None:
    font = _cjk_font()
    size, width = 12, 451
    a = "今年以来，全市上下认真贯彻落实各项决策部署，经济运行总体平稳，发展质量稳步提升，人民生活持续改善。"
    b = ("全年新建改建农村公路三百公里，新增城镇就业岗位两万个，城乡居民收入增长与经济增长基本同步，"
         "基本公共服务水平进一步提高，群众的获得感、幸福感、安全感不断增强。")
    # A paragraph whose page ends on a full line, the rest of it lost: page 3 opens a new one.
    cut = ("我们把扩大有效投资作为稳增长的关键举措，全年实施省市重点项目一百二十个，完成投资八百亿元，"
           "新开工项目数量和投资额均创历史新高，为全市经济持续健康发展提供了有力支撑。")
    c = "二、今后五年的主要任务"
    d = "今后五年，我们将坚持稳中求进工作总基调，推动高质量发展取得新成效。"
    la, lb, lc = (_wrap(t, width, font, size, 24) for t in (a, b, cut))
    page1 = la + lb[:2]
    page2 = lb[2:] + lc[:2]  # the last two lines of page 2: the first two of a paragraph, both full
    page3 = [(width / 2 - 66, c), *_wrap(d, width, font, size, 24)]
    _lines_pdf(path, [page1, page2, page3], font, size, furniture="某市人民政府工作报告",
               numbers="第{n}页")


def make_image_pdf(path: Path) -> None:
    """One page holding only a picture: no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas as pdfcanvas

    import struct
    import zlib

    def png(w: int, h: int) -> bytes:
        raw = b"".join(b"\x00" + b"\x80" * w for _ in range(h))
        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

    c = pdfcanvas.Canvas(str(path), pagesize=A4, invariant=True)
    c.drawImage(ImageReader(io.BytesIO(png(8, 8))), 72, 500, 200, 200)
    c.showPage()
    c.save()


def make_encrypted_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdfcanvas

    c = pdfcanvas.Canvas(str(path), pagesize=A4, invariant=True, encrypt="secret")
    c.drawString(72, 700, "A page nobody may read without the password.")
    c.showPage()
    c.save()


# -- DOCX ----------------------------------------------------------------------------------------

def _fixed_dates(d) -> None:  # type: ignore[no-untyped-def]
    """Dates fixed, so that running the script again gives the same files."""
    import datetime

    when = datetime.datetime(2024, 1, 2, tzinfo=datetime.UTC)
    d.core_properties.created = d.core_properties.modified = when


def make_seed_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    for p in seed_paragraphs():
        d.add_paragraph(p)
    _fixed_dates(d)
    d.save(str(path))


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_tracked_docx(path: Path) -> None:
    """Tracked changes (an insertion kept, a deletion dropped), a table and a hard page break."""
    import docx

    d = docx.Document()
    d.add_paragraph("PLACEHOLDER-1")
    table = d.add_table(rows=2, cols=2)
    for r, row in enumerate([("指标", "数值"), ("地区生产总值增长", "6.5%")]):
        for c, val in enumerate(row):
            table.cell(r, c).text = val
    d.add_paragraph("PLACEHOLDER-2")
    d.add_paragraph("第三段在新的一页开始，说明明年的工作安排。")
    body = d.element.body
    xml = docx.oxml.parse_xml  # type: ignore[attr-defined]
    ns = f'xmlns:w="{W}"'
    tracked = xml(
        f'<w:p {ns}><w:r><w:t xml:space="preserve">全年地区生产总值增长</w:t></w:r>'
        f'<w:del w:id="1" w:author="editor" w:date="2024-01-02T00:00:00Z"><w:r><w:delText>百分之五</w:delText></w:r></w:del>'
        f'<w:ins w:id="2" w:author="editor" w:date="2024-01-02T00:00:00Z"><w:r><w:t>6.5%</w:t></w:r></w:ins>'
        f'<w:r><w:t>，经济运行稳中有进。</w:t></w:r></w:p>')
    broken = xml(
        f'<w:p {ns}><w:r><w:t>下一页写的是今后的任务。</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>')
    first = body[0]
    body.replace(first, tracked)
    second = [el for el in body if el.tag == f"{{{W}}}p"][1]
    body.replace(second, broken)
    _fixed_dates(d)
    d.save(str(path))


# -- ODT -----------------------------------------------------------------------------------------

def make_odt(path: Path, paragraphs: list[str], heading: str | None = None) -> None:
    from odfdo import Document, Header, Paragraph

    doc = Document("text")
    body = doc.body
    body.clear()
    if heading:
        body.append(Header(1, heading))
    for p in paragraphs:
        body.append(Paragraph(p))
    doc.save(str(path))


# -- HTML ----------------------------------------------------------------------------------------

def make_seed_html(path: Path) -> None:
    paras = seed_paragraphs()
    rows = [f"<h1>{html.escape(paras[0])}</h1>"] + [f"<p>{html.escape(p)}</p>" for p in paras[1:]]
    path.write_text("<!DOCTYPE html>\n<html lang=\"zh\">\n<head><meta charset=\"utf-8\"><title>seed</title></head>\n"
                    "<body>\n" + "\n".join(rows) + "\n</body>\n</html>\n", encoding="utf-8")


def main() -> None:
    make_seed_pdf(HERE / "seed.pdf")
    make_latin_pdfs(HERE)
    make_chinese_pdf(HERE / "chinese.pdf")
    make_image_pdf(HERE / "image_only.pdf")
    make_encrypted_pdf(HERE / "encrypted.pdf")
    make_seed_docx(HERE / "seed.docx")
    make_tracked_docx(HERE / "tracked.docx")
    make_odt(HERE / "seed.odt", seed_paragraphs()[1:], heading=seed_paragraphs()[0])
    make_seed_html(HERE / "seed.html")
    _ = zipfile  # the DOCX and ODT writers are the libraries'; zipfile is used by the tests to damage them


if __name__ == "__main__":
    main()
