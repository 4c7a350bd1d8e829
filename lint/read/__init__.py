"""Readers: published documents (PDF, DOCX, ODT, HTML) turned into text a rule can lint.

Every reader has one job and one interface: bytes in, a :class:`~reportlint.read.sourcemap.SourceText`
out — the document's text (paragraphs separated by blank lines, as in a text report) and a
source map that says, for each span of that text, where it stands in the document (page and
paragraph, or source line). Rules never know which reader ran; reporters use the map to name
the place a person can find in the document they are looking at.

A reader is chosen by the file's extension, or by its first bytes when the extension says
nothing (a PDF saved without one, a DOCX named ``.txt``). Each format's library is an optional
extra, imported only when a file of that format is linted, so the base install and the start-up
of a run on text files are unchanged.
"""

from __future__ import annotations

import importlib
from pathlib import PurePath

from .sourcemap import SourceText

__all__ = ["FORMATS", "ReadError", "SourceText", "format_of", "read_document"]


class ReadError(ValueError):
    """A document cannot be read; the message is one line (without the file name)."""


# format -> (module under reportlint.read, the extra that brings its library, the library's import name)
FORMATS: dict[str, tuple[str, str, str]] = {
    "pdf": ("pdf", "pdf", "pypdfium2"),
    "docx": ("docx", "docx", "docx"),
    "odt": ("odt", "odt", "odfdo"),
    "html": ("html", "html", "bs4"),
}

_EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".odt": "odt",
               ".html": "html", ".htm": "html", ".xhtml": "html"}


def format_of(name: str, head: bytes = b"") -> str | None:
    """The document format of a file named ``name`` whose content starts with ``head``, or None
    for a text report.

    The content wins over the name for the binary formats: a PDF is a PDF whatever it is called,
    and a ZIP container says in its own entries whether it is Word or OpenDocument. HTML is known
    by its name only: a text report pasted from a web page keeps its tags, and reporting them is
    the linter's job.
    """
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/vnd.oasis.opendocument.text" in head[:200]:
            return "odt"
        if b"word/" in head or b"[Content_Types].xml" in head:
            return "docx"
    # Named as a document but not one: the reader says it is damaged.
    return _EXTENSIONS.get(PurePath(name).suffix.lower())


def read_document(data: bytes, fmt: str) -> SourceText:
    """The text and source map of a document of format ``fmt``; ReadError on failure (one line)."""
    module_name, extra, library = FORMATS[fmt]
    try:
        importlib.import_module(library)
    except ImportError:
        raise ReadError(f"reading {fmt.upper()} needs the `{extra}` extra: "
                        f"pip install 'reportlint[{extra}]'") from None
    module = importlib.import_module(f"{__name__}.{module_name}")
    result: SourceText = module.read(data)
    return result
