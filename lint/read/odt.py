"""ODT reader (odfdo opens the package; the body's XML is walked here).

Headings and paragraphs in order, lists item by item, a table row as one line
``| cell | cell |``. OpenDocument keeps tracked deletions apart, in ``text:tracked-changes``, and
leaves insertions inline, so skipping that region gives the text as it now reads. Spaces
(``text:s``), tabs and line breaks are expanded; notes and annotations are not body text.
Findings are placed by paragraph number (pages depend on the renderer).
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

from . import ReadError
from .sourcemap import Place, SourceText, TextBuilder

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
# Not the body's running text: deleted text of tracked changes, notes, comments, the marks of
# change regions, the generated text of a table of contents.
_SKIP = {TEXT + "tracked-changes", TEXT + "note", OFFICE + "annotation", TEXT + "change",
         TEXT + "change-start", TEXT + "change-end", TEXT + "bookmark-ref", TEXT + "sequence-decls",
         OFFICE + "forms"}


def _content(data: bytes) -> Any:
    from odfdo import Document

    try:
        document = Document(io.BytesIO(data))
        raw = document.container.get_part("content.xml") if document.container is not None else None
        if not isinstance(raw, bytes):
            raise ValueError("no content.xml")
        return ET.fromstring(raw)
    except Exception:  # odfdo and the XML parser raise several kinds on a broken package
        raise ReadError("the ODT file is damaged: it is not an OpenDocument text package") from None


def _inline(el: Any) -> Iterator[str]:
    """The text of a paragraph element in order, spaces and breaks expanded."""
    if el.text:
        yield el.text
    for child in el:
        tag = child.tag
        if tag == TEXT + "s":
            yield " " * int(child.get(TEXT + "c", "1"))
        elif tag == TEXT + "tab":
            yield "\t"
        elif tag == TEXT + "line-break":
            yield "\n"
        elif tag not in _SKIP:
            yield from _inline(child)
        if child.tail:
            yield child.tail


def _blocks(el: Any) -> Iterator[str]:
    """Paragraph texts and table rows of a container element, in document order."""
    for child in el:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag in (TEXT + "p", TEXT + "h"):
            yield "".join(_inline(child)).strip()
        elif tag == TABLE + "table-row":
            cells = [" ".join(" ".join(_blocks(cell)).split()) for cell in child.iter(TABLE + "table-cell")]
            if any(cells):
                yield "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
        else:
            yield from _blocks(child)


def read(data: bytes) -> SourceText:
    root = _content(data)
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    out = TextBuilder("odt")
    n = 0
    for text in _blocks(body if body is not None else root):
        if text:
            n += 1
            out.paragraph(text, Place(paragraph=n))
    return out.build()
