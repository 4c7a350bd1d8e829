"""Report text as HTML that shows it exactly, character for character.

Escaping ``<``, ``&`` and quotes is not enough for the page's text to equal the file's:
the HTML parser turns a carriage return into a line feed, and bidirectional overrides
would reorder what follows them on screen. A carriage return is written as a character
reference (which the parser keeps), and every control character is wrapped in an
isolating element that names it, so it is visible and its effect ends there — while the
element's text is still the character itself (what the page's text content reports).
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional embeddings,
# overrides, isolates and marks; the line and paragraph separators (a CR before an LF is
# matched as one, a plain line end).
_CONTROL = re.compile(r"\r\n|[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _control(m: re.Match[str]) -> str:
    c = m.group(0)
    if c == "\r\n":  # a Windows line end: kept as it is, not worth a mark
        return "&#13;\n"
    shown = "&#13;" if c == "\r" else "\ufffd" if c == "\x00" else c
    return f'<span class="ctl" data-u="U+{ord(c):04X}">{shown}</span>'


def doc_text(text: str) -> Markup:
    """``text`` escaped for an element's content, control characters made visible and inert."""
    escaped = str(escape(text))
    if _CONTROL.search(escaped) is None:
        return Markup(escaped)
    return Markup(_CONTROL.sub(_control, escaped))


def fix_text(text: str) -> Markup:
    """A piece of text quoted outside the document (a fix's before and after, a finding's
    words): line breaks drawn as ⏎, so that a joined line shows what was taken out."""
    return doc_text(text.replace("\r\n", "\n").replace("\n", "\u23ce"))
