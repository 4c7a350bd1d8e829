"""Turn the bytes of a report into text, or refuse with one clear reason.

Choice: UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. A file
that is not valid UTF-8 but decodes strictly as GB18030 *and* reads as Chinese
(most of its non-ASCII characters are Han) is accepted with a notice, because
GB18030/GBK files are common among Chinese documents. Anything else — a binary
file, or bytes that are neither — is refused.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


class DecodeError(ValueError):
    """The bytes are not a text report we can read."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gb18030"
    notice: str | None = None


def _looks_chinese(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return False
    han = sum(1 for c in non_ascii if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return han / len(non_ascii) >= 0.8


def decode_bytes(data: bytes) -> Decoded:
    """Decode a report's bytes; raise :class:`DecodeError` with a one-line reason."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-8 at byte {exc.start + 3}") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            raise DecodeError("invalid UTF-16") from None
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_chinese(text):
        return Decoded(text, "gb18030", "not UTF-8; decoded as GB18030")
    raise DecodeError(f"not UTF-8 text (invalid byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start})")


def encode_text(text: str, encoding: str) -> bytes:
    """Encode fixed text back the way it was read (used only by ``--fix``)."""
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    return text.encode(encoding)
