"""What reading a document costs beyond linting its text, and whether the findings survive it.

1. Cost. A 100-page PDF of Chinese prose is assembled from ten-odd typeset pages of the seed
   report. Published PDFs embed (a subset of) their CJK font, so when fpdf2 and a CJK font of the
   system (Noto CJK, WenQuanYi) are there, the pages are typeset with that font embedded; otherwise
   the committed seed PDF is used, whose font is not embedded (pdfium then substitutes a system
   font on every page, which costs more than an embedded font). Timed as whole processes,
   alternating, median of ``--repeat`` runs:
   - ``reportlint big.pdf`` (read + lint), and
   - ``reportlint big.txt``, the very text the PDF reader produced, as a text file (lint only).
   The difference is the reader's cost (bar: under 2 s for 100 pages). The reader alone
   (``read_document`` in this process) is timed too.
2. Findings. For the seed as PDF, DOCX, ODT and HTML (tests/data/documents/), the findings as
   (rule, text span) pairs compared with the text file's: same, missing, extra; and the pages
   the PDF findings are placed on.

Needs the extras: pip install -e ".[all]".

Usage: python bench/bench_readers.py [--repeat 5] [--pages 100]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "tests" / "data" / "documents"
SEED = ROOT / "tests" / "data" / "seed.txt"
CMD = [sys.executable, "-m", "reportlint", "--isolated", "-j", "1", "--output-format", "json"]


def cjk_font() -> Path | None:
    for pattern in ("NotoSerifCJK-Regular.tt*", "NotoSansCJK-Regular.tt*", "wqy-microhei.tt*", "wqy-zenhei.tt*"):
        found = sorted(Path("/usr/share/fonts").rglob(pattern))
        if found:
            return found[0]
    return None


def embedded_seed(out: Path, pages: int) -> bool:
    """The seed typeset over at least ``pages`` pages with a system CJK font embedded (fpdf2, one
    font subset for the whole document, a running title and page numbers); False when fpdf2 or
    the font is missing."""
    font = cjk_font()
    try:
        from fpdf import FPDF
    except ImportError:
        return False
    if font is None:
        return False
    pdf = FPDF(format="A4")
    pdf.add_font("cjk", fname=str(font), **({"collection_font_number": 2} if font.suffix == ".ttc" else {}))
    pdf.set_auto_page_break(True, margin=25)

    def header() -> None:
        pdf.set_font("cjk", size=9)
        pdf.cell(0, 8, "江门市人民政府 政府工作报告", align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.set_font("cjk", size=12)

    def footer() -> None:
        pdf.set_y(-15)
        pdf.set_font("cjk", size=9)
        pdf.cell(0, 8, f"- {pdf.page_no()} -", align="C")
        pdf.set_font("cjk", size=12)

    pdf.header = header  # type: ignore[method-assign]
    pdf.footer = footer  # type: ignore[method-assign]
    pdf.add_page()
    paras = [ln for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    while pdf.page_no() < pages:
        for para in paras:
            pdf.multi_cell(0, 8, "\u3000\u3000" + para, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(out))
    return True


def big_pdf(pages: int, out: Path) -> str:
    import pypdfium2 as pdfium

    base = out.with_name("base.pdf")
    kind = "embedded CJK font" if embedded_seed(base, pages) else "seed.pdf, font not embedded"
    src = pdfium.PdfDocument(str(base) if base.exists() else str(DOCS / "seed.pdf"))
    dst = pdfium.PdfDocument.new()
    while len(dst) < pages:  # one import when the typeset base is long enough: its font stays shared
        dst.import_pages(src, list(range(min(len(src), pages - len(dst)))))
    dst.save(str(out))
    dst.close()
    src.close()
    return kind


def timed(args: list[str]) -> float:
    t = time.perf_counter()
    proc = subprocess.run(args, capture_output=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr.decode())
    return time.perf_counter() - t


def cost(pages: int, repeat: int) -> None:
    from reportlint.read import read_document

    with tempfile.TemporaryDirectory() as tmp:
        pdf, txt = Path(tmp) / "big.pdf", Path(tmp) / "big.txt"
        kind = big_pdf(pages, pdf)
        data = pdf.read_bytes()
        source = read_document(data, "pdf")
        txt.write_text(source.text, encoding="utf-8")
        reads = []
        for _ in range(repeat):
            t = time.perf_counter()
            read_document(data, "pdf")
            reads.append(time.perf_counter() - t)
        t_pdf, t_txt = [], []
        for _ in range(repeat):  # alternating, so that load on the machine hits both alike
            t_pdf.append(timed([*CMD, str(pdf)]))
            t_txt.append(timed([*CMD, str(txt)]))
        mp, mt = statistics.median(t_pdf), statistics.median(t_txt)
        print(f"{pages}-page PDF ({kind}; {len(data) // 1024} KB, {len(source.text)} characters of text, "
              f"{len(source.map.removed)} furniture lines taken out)")
        print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"  read_document alone        median {statistics.median(reads):.3f} s  (best {min(reads):.3f})")
        print(f"  reportlint big.pdf         median {mp:.3f} s")
        print(f"  reportlint big.txt         median {mt:.3f} s  (the same text, lint only)")
        print(f"  reading costs              {mp - mt:+.3f} s beyond the text lint (bar: < 2 s)")


def spans(path: Path, text: str) -> tuple[Counter[tuple[str, str]], list[dict]]:  # type: ignore[type-arg]
    diags = json.loads(subprocess.run([*CMD, str(path)], capture_output=True).stdout)["diagnostics"]
    return Counter((d["code"], text[d["start"]["offset"]:d["end"]["offset"]]) for d in diags), diags


def findings() -> None:
    from reportlint.read import read_document

    want, _ = spans(SEED, SEED.read_text(encoding="utf-8"))
    print(f"\nseed report: {sum(want.values())} findings in the .txt")
    print(f"  {'format':<6} {'same':>5} {'missing':>8} {'extra':>6}  places")
    for fmt in ("pdf", "docx", "odt", "html"):
        path = DOCS / f"seed.{fmt}"
        got, diags = spans(path, read_document(path.read_bytes(), fmt).text)
        same = sum((got & want).values())
        places = sorted({d["start"]["source"].get("page", d["start"]["source"].get("paragraph",
                         d["start"]["source"].get("line"))) for d in diags})
        kind = {"pdf": "pages", "html": "lines"}.get(fmt, "paragraphs")
        print(f"  {fmt:<6} {same:>5} {sum((want - got).values()):>8} {sum((got - want).values()):>6}  "
              f"{kind} {', '.join(map(str, places))}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pages", type=int, default=100)
    args = ap.parse_args()
    cost(args.pages, args.repeat)
    findings()


if __name__ == "__main__":
    main()
