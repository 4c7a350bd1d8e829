"""DOCX reader (python-docx opens the package; the body's XML is walked here).

python-docx's ``Paragraph.text`` drops the runs inside ``w:ins``: a tracked insertion is part of
what the document now says, so the walk keeps it, and drops ``w:del`` and ``w:moveFrom`` (text
the author took out). Paragraphs and tables come in body order; a table row becomes one line
``| cell | cell |``, which the block parser knows as a table row (not prose). A hard page break is
a paragraph boundary and is recorded as a page break. Findings are placed by paragraph number:
Word's own pages depend on the printer and fonts, so no page number is claimed.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from . import ReadError
from .sourcemap import PageBreak, Place, SourceText, TextBuilder

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text is not in the document as it now reads: deleted and moved-away text, the
# instructions of fields (their results are runs of their own), the fallback copy of a drawing.
_SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delInstrText", MC_FALLBACK, W + "pPr", W + "rPr"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def _open(data: bytes) -> Any:
    import docx

    if data.startswith(_OLE_MAGIC):
        raise ReadError("not a DOCX file: an encrypted Word file or the old binary .doc format")
    try:
        return docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises several kinds on a broken package
        raise ReadError("the DOCX file is damaged: it is not a Word document package") from None


def _pieces(el: Any) -> Iterator[str]:
    """The text of a paragraph's XML in order; ``"\\f"`` marks a hard page break."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            yield child.text or ""
        elif tag == W + "tab":
            yield "\t"
        elif tag in (W + "br", W + "cr"):
            yield "\f" if child.get(W + "type") == "page" else "\n"
        elif tag == W + "noBreakHyphen":
            yield "-"
        else:
            yield from _pieces(child)


def _paragraph(el: Any) -> tuple[str, bool]:
    """The paragraph's text (hard line breaks kept as newlines) and whether it holds a hard page break."""
    raw = "".join(_pieces(el))
    return raw.replace("\f", "\n").strip(), "\f" in raw


def _section_page_breaks(body: Any) -> set[Any]:
    """The paragraphs that end a section followed by one that starts on a new page.

    The last paragraph of a section carries the section's properties (``w:sectPr``; the last
    section's are the body's own), and a section's ``w:type`` says how *it* starts: on a new
    page unless ``continuous``. So the break after section k is decided by section k + 1.
    """
    sects = list(body.iter(f"{W}sectPr"))
    new_page = [s.find(f"{W}type[@{W}val='continuous']") is None for s in sects]
    return {s.getparent().getparent() for s, nxt in zip(sects, new_page[1:])
            if nxt and s.getparent() is not None and s.getparent().tag == f"{W}pPr"}


def _row(tr: Any) -> str:
    cells = []
    for tc in tr.iterchildren(W + "tc"):
        parts = [_paragraph(p)[0] for p in tc.iter(W + "p")]
        cells.append(" ".join(p.replace("\n", " ") for p in parts if p).replace("|", "\\|"))
    return "| " + " | ".join(cells) + " |" if any(cells) else ""


def read(data: bytes) -> SourceText:
    document = _open(data)
    out = TextBuilder("docx")
    n = 0
    body = document.element.body
    section_ends = _section_page_breaks(body)
    for el in body.iterchildren():
        if el.tag == W + "p":
            text, page_break = _paragraph(el)
            page_break = page_break or el in section_ends
            if text:
                n += 1
                out.paragraph(text, Place(paragraph=n))
            if page_break:
                out.map.page_breaks.append(PageBreak(out.length, len(out.map.page_breaks) + 1, False, False))
        elif el.tag == W + "tbl":
            for tr in el.iter(W + "tr"):
                row = _row(tr)
                if row:
                    n += 1
                    out.paragraph(row, Place(paragraph=n))
    return out.build()
