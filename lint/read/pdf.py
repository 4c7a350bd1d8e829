"""PDF reader (pypdfium2): lines with their boxes, rebuilt into paragraphs page by page.

pdfium gives each page's text with its own line breaks; the box of a line's first and last
character places it. :mod:`reportlint.read.layout` decides which lines are furniture and where
paragraphs end. A paragraph that runs over a page break is joined in the text, so rules read the
sentence whole; where a page ends a paragraph instead, the map records the page break.
"""

from __future__ import annotations

from typing import Any

from . import ReadError
from .layout import Line, Metrics, continues, full_line, joiner, measure, strip_furniture
from .sourcemap import PageBreak, Place, Removed, SourceText, TextBuilder


def _open(data: bytes) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ReadError("the PDF is encrypted: it needs a password to open") from None
        raise ReadError("the PDF is damaged: pdfium cannot open it") from None


def _page_lines(page: Any) -> tuple[list[Line], bool]:
    """The text lines of one page, top to bottom, and whether the page has no text but an image."""
    textpage = page.get_textpage()
    try:
        n = textpage.count_chars()
        text = textpage.get_text_range(0, n) if n > 0 else ""
        lines: list[Line] = []
        pos = 0
        for raw in text.split("\r\n"):
            start, end = pos, pos + len(raw)
            pos = end + 2
            stripped = raw.strip()
            if not stripped or len(text) != n:
                if stripped and len(text) != n:  # index drift (expanded ligatures): place by the page
                    lines.append(Line(stripped, 0.0, 0.0, 0.0, 0.0))
                continue
            first = start + (len(raw) - len(raw.lstrip()))
            last = end - 1 - (len(raw) - len(raw.rstrip()))
            l0, b0, _r0, t0 = textpage.get_charbox(first, loose=True)
            _l1, _b1, r1, _t1 = textpage.get_charbox(last, loose=True)
            lines.append(Line(stripped, l0, r1, t0, b0))
    finally:
        textpage.close()
    image_only = not lines and _has_image(page)
    return lines, image_only


def _has_image(page: Any) -> bool:
    import pypdfium2.raw as pdfium_c

    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


# Below this many pages a document is read in one process: starting workers costs more
# than it saves. Above it the pages are shared out in contiguous runs, because pdfium spends
# most of a long document's time loading each page and its text, one page at a time.
PARALLEL_PAGES = 24
_MAX_WORKERS = 4


def _read_pages(data: bytes, start: int, stop: int) -> list[tuple[list[Line], bool]]:
    """Lines and image-only flag of pages ``start`` to ``stop`` (a worker opens its own copy:
    pdfium documents cannot be shared between processes)."""
    pdf = _open(data)
    try:
        out = []
        for i in range(start, stop):
            page = pdf[i]
            try:
                out.append(_page_lines(page))
            finally:
                page.close()
        return out
    finally:
        pdf.close()


def _page_count(data: bytes) -> int:
    pdf = _open(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def _all_pages(data: bytes, workers: int | None = None) -> list[tuple[list[Line], bool]]:
    """Every page's lines, in page order; long documents over several processes (forked, where
    the platform forks, so nothing is imported again) when more than one core is there."""
    import os

    total = _page_count(data)
    if workers is None:
        workers = min(os.cpu_count() or 1, _MAX_WORKERS)
    if workers < 2 or total < PARALLEL_PAGES:
        return _read_pages(data, 0, total)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods() or multiprocessing.current_process().daemon:
        return _read_pages(data, 0, total)  # no fork, or already a worker that may not have children
    step = -(-total // workers)
    runs = [(a, min(a + step, total)) for a in range(0, total, step)]
    with ProcessPoolExecutor(len(runs), mp_context=multiprocessing.get_context("fork")) as pool:
        parts = list(pool.map(_read_pages, [data] * len(runs), *zip(*runs)))
    return [page for part in parts for page in part]


def read(data: bytes, workers: int | None = None) -> SourceText:
    """The document's text with its source map; ``workers`` caps the processes that load
    pages (default: one per core, up to four, for documents of PARALLEL_PAGES pages or more)."""
    pages: list[list[Line]] = []
    images: list[int] = []
    for i, (lines, image_only) in enumerate(_all_pages(data, workers)):
        pages.append(lines)
        if image_only:
            images.append(i + 1)
    total = len(pages)
    if not any(pages):
        if images:
            which = "page 1 of 1 is an image" if total == 1 else f"all {total} pages are images"
            raise ReadError(f"no text layer: {which} (scanned?); run OCR first")
        raise ReadError("no text: the PDF has no text on any page")
    notice = None
    if images:
        shown = ", ".join(map(str, images[:5])) + (", …" if len(images) > 5 else "")
        notice = (f"no text layer: page{'s' if len(images) > 1 else ''} {shown} of {total} "
                  f"{'are images' if len(images) > 1 else 'is an image'}; not linted")
    body, furniture = strip_furniture(pages)
    built = assemble(body, measure(body))
    built.map.pages = total
    built.map.removed = [Removed(f.text, f.page + 1, f.role) for f in furniture]
    built.notice = notice
    return built


def assemble(pages: list[list[Line]], m: Metrics) -> SourceText:
    """The text of the pages' lines, paragraphs rebuilt, with page and paragraph of each piece."""
    out = TextBuilder("pdf")
    prev: Line | None = None
    prev_text = ""
    for p, lines in enumerate(pages, start=1):
        para = 0
        for k, line in enumerate(lines):
            carry = prev is not None and continues(prev, line, m, same_page=k > 0)
            if k == 0 and prev is not None:  # the previous page ended here
                out.map.page_breaks.append(PageBreak(out.length, p - 1, carry, full_line(prev, m)))
            if not carry:
                out.start_paragraph()
                para += 1
                piece = line.text
            else:
                piece = joiner(prev_text, line.text) + line.text
            para = max(para, 1)
            out.add(piece, Place(page=p, paragraph=para))
            prev, prev_text = line, line.text
    return out.build()
