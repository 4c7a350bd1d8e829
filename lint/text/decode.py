"""Turn the bytes of a report into text, or refuse with one clear reason.

Choice: UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. A file
that is not valid UTF-8 but decodes strictly as GB18030 *and* reads as Chinese is
accepted with a notice, because GB18030/GBK files are common among Chinese documents.
"Reads as Chinese" means two things: most of its non-ASCII characters are Han, and
those Han characters are the common ones. The second test is what tells GB18030 from
EUC-KR and Shift-JIS, whose bytes also decode as GB18030, but into a scatter of rare or
unrelated Han characters (Korean syllables land on arbitrary GB2312 characters, kana on
rare GBK extension ones); such a file is refused, naming the encoding it looks like.
Anything else — a binary file, or bytes that are neither — is refused.

The encoding recorded is exact enough to write the text back byte for byte:
``utf-8``, ``utf-8-sig`` (with BOM), ``utf-16-le`` / ``utf-16-be`` (each with its BOM),
``gb18030``. :func:`encode_text` is the inverse of :func:`decode_bytes`.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .scripts import is_han


class DecodeError(ValueError):
    """The bytes are not a text report we can read."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "gb18030"
    notice: str | None = None


_BOMS = {"utf-8-sig": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
COMMON_SHARE = 0.5  # share of Han characters that must be common ones (Chinese ~0.75-0.99; EUC-KR ~0.2, Shift-JIS ~0)


@cache
def _common_han() -> frozenset[str]:
    raw = resources.files("reportlint").joinpath("data", "zh_common_chars.txt").read_text(encoding="utf-8")
    return frozenset(c for line in raw.splitlines() if not line.startswith("#") for c in line.strip())


def _looks_chinese(text: str) -> bool:
    """Mostly Han among the non-ASCII characters, and mostly common Han characters."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return False
    han = [c for c in non_ascii if is_han(c)]
    cjk = len(han) + sum(1 for c in non_ascii if "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    if cjk / len(non_ascii) < 0.8:
        return False
    if not han:
        return True
    common = _common_han()
    return sum(1 for c in han if c in common) / len(han) >= COMMON_SHARE


# Encodings a non-UTF-8 file often is instead, with the script that shows it.
_LOOKALIKES = (
    ("EUC-KR (Korean)", "cp949", lambda c: "\uac00" <= c <= "\ud7a3"),
    ("Shift-JIS (Japanese)", "cp932", lambda c: "\u3040" <= c <= "\u30ff"),
    ("EUC-JP (Japanese)", "euc_jp", lambda c: "\u3040" <= c <= "\u30ff"),
    ("Big5 (traditional Chinese)", "big5", is_han),
)


def looks_like(data: bytes) -> str | None:
    """The legacy CJK encoding ``data`` decodes as most plausibly, or None."""
    best, best_share = None, 0.3
    for name, codec, in_script in _LOOKALIKES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        non_ascii = [c for c in text if ord(c) > 127]
        if not non_ascii:
            continue
        share = sum(1 for c in non_ascii if in_script(c)) / len(non_ascii)
        if codec == "big5" and not _looks_chinese(text):
            continue
        if share > best_share:
            best, best_share = name, share
    return best


def decode_bytes(data: bytes) -> Decoded:
    """Decode a report's bytes; raise :class:`DecodeError` with a one-line reason."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-8 at byte {exc.start + 3}") from None
    for name in ("utf-16-le", "utf-16-be"):
        if data.startswith(_BOMS[name]):
            try:
                return Decoded(data[2:].decode(name), name)
            except UnicodeDecodeError:
                raise DecodeError(f"invalid {name.upper()}") from None
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
    reason = f"not UTF-8 text (invalid byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start})"
    other = looks_like(data)
    if other:
        reason += f"; it looks like {other}: convert it to UTF-8"
    raise DecodeError(reason)


def encode_text(text: str, encoding: str) -> bytes:
    """Encode text back the way it was read: the inverse of :func:`decode_bytes` (BOM included)."""
    if encoding in _BOMS:
        return _BOMS[encoding] + text.encode("utf-8" if encoding == "utf-8-sig" else encoding)
    return text.encode(encoding)
