"""Make text from the input safe to print on a terminal.

File names and report text may hold control characters: an escape sequence in a file
name can retitle or clear the terminal, a carriage return can overwrite what was
printed, bidirectional overrides can reorder what is shown. Terminal formats (``full``,
``concise``, the one-line errors on stderr) print them escaped; machine formats (JSON,
SARIF...) keep them, escaped by their own syntax.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional embeddings,
# overrides and isolates (they reorder the text around them).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_WITH_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    c = m.group(0)
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"


def escape_controls(text: str, *, breaks: bool = True) -> str:
    """``text`` with control characters written as ``\\x1b`` / ``\\u202e`` escapes.

    ``breaks``: escape line breaks and tabs too (for one-line output such as a path).
    """
    return (_CONTROL_WITH_BREAKS if breaks else _CONTROL).sub(_escape, text)


def _picture(m: re.Match[str]) -> str:
    c = ord(m.group(0))
    if c < 0x20:
        return chr(0x2400 + c)  # the Unicode control pictures: ␛ for ESC
    if c == 0x7F:
        return "\u2421"
    return "\ufffd"


def picture_controls(text: str) -> str:
    """``text`` with each control character shown as one visible symbol (keeps columns aligned)."""
    return _CONTROL_WITH_BREAKS.sub(_picture, text)


def path_for_display(path: str) -> str:
    """A path that any output can carry: bytes that are not UTF-8 (kept by the OS as lone
    surrogates) written as ``\\xff``, so JSON, SARIF and XML stay valid UTF-8."""
    if not any("\udc80" <= c <= "\udcff" for c in path):
        return path
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
