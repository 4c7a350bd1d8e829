"""What reading a document costs beyond linting its text, and whether the findings survive it.

1. Cost. A 100-page PDF is assembled from the committed seed PDF (10 pages of typeset Chinese
   with running titles and page numbers, imported ten times). Timed as whole processes, alternating,
   median of ``--repeat`` runs:
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


def big_pdf(pages: int, out: Path) -> None:
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(DOCS / "seed.pdf"))
    dst = pdfium.PdfDocument.new()
    while len(dst) < pages:
        dst.import_pages(src, list(range(min(len(src), pages - len(dst)))))
    dst.save(str(out))


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
        big_pdf(pages, pdf)
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
        print(f"{pages}-page PDF ({len(data) // 1024} KB, {len(source.text)} characters of text, "
              f"{len(source.map.removed)} furniture lines taken out)")
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
