"""What one document contributes to a corpus comparison: its comparison text and its keys.

Computed once per document (in a worker process or on a cluster, and cached by the
document's content hash), so that the corpus-wide step only joins keys.

* The *comparison text* is the document folded (:func:`reportlint.text.shingles.fold`:
  width forms and spaces unified) with every whitespace character removed, so that a
  line break, a hard wrap or a page break inside a copied span does not cut it. An
  offset map takes positions in it back to code points of the original text.
* *Anchors* are content-defined positions (the start of each clause, after the shared
  anchor rule of :func:`reportlint.text.shingles.anchors`), each keyed by a hash of the
  next characters. Two copies of a span choose the same anchors, whatever text
  surrounds them, so a shared key is a candidate shared span; this is winnowing with
  the text's own punctuation as the window.
* *Clause hashes* (the whole text from one anchor to the next) measure how many
  documents of the corpus use a clause: the formulas every report repeats are told
  apart from copying by that count, not by a phrase list.

Hashes are 64-bit BLAKE2 digests, the same in every process and on every machine
(Python's own ``hash`` of a string changes from one process to the next).
"""

from __future__ import annotations

from itertools import pairwise

import bisect
import hashlib
import re
from array import array
from dataclasses import dataclass

from reportlint.text.blocks import prose_view
from reportlint.text.shingles import anchor_positions, fold

SIGNATURE_VERSION = 2
# Characters of the key after each anchor. Longer than the single-document anchors
# (ANCHOR_LEN): across hundreds of documents an 8-character stock phrase recurs by
# chance far more often than inside one; a span of 50 characters still holds two or
# three whole keys.
KEY_LEN = 12
# Clauses shorter than this are too common to say anything about a document
# (一是, 同时, 全年): they are not counted for boilerplate.
MIN_CLAUSE = 6
_SPACE = re.compile(r"\s+")


# Keys are the code points of a stretch of text read as one big number (UTF-32, big
# endian) and reduced modulo the Mersenne prime 2**61 - 1, which is what Python's
# ``hash`` of an integer computes, in C: a polynomial hash that is the same in every
# process and on every machine (``hash`` of a *string* changes from one process to the
# next), computed without a Python-level loop over characters.


def key_hash(key: str) -> int:
    """The stable 61-bit hash of a stretch of text (fits ``array('q')``)."""
    return hash(int.from_bytes(key.encode("utf-32-be")))


def _span_hashes(wide: bytes, starts: list[int], ends: list[int]) -> array[int]:
    """:func:`key_hash` of ``comp[s:e]`` for each span, from ``comp`` encoded as UTF-32 (big endian)."""
    chunks = map(wide.__getitem__, map(slice, [4 * s for s in starts], [4 * e for e in ends]))
    return array("q", map(hash, map(int.from_bytes, chunks)))


def comparison_text(text: str) -> tuple[str, array[int], array[int]]:
    """``text`` folded, without whitespace, and the map back: ``(comp, cuts, removed)``.

    ``cuts[i]`` is the comparison offset where the i-th whitespace run was taken out and
    ``removed[i]`` how many characters had been taken out up to and including it; the
    original offset of comparison offset ``p`` is ``p + removed[k]`` with ``k`` the last
    cut at or before ``p``.
    """
    folded = fold(text)
    cuts: array[int] = array("q")
    removed: array[int] = array("q")
    parts: list[str] = []
    last = 0
    gone = 0
    for m in _SPACE.finditer(folded):
        parts.append(folded[last:m.start()])
        gone += m.end() - m.start()
        cuts.append(m.start() - (gone - (m.end() - m.start())))
        removed.append(gone)
        last = m.end()
    parts.append(folded[last:])
    return "".join(parts), cuts, removed


def to_original(cuts: array[int], removed: array[int], pos: int, *, end: bool = False) -> int:
    """Original offset of comparison offset ``pos`` (``end``: of a span end, before the removed run)."""
    k = bisect.bisect_right(cuts, pos - 1 if end else pos) - 1
    return pos + (removed[k] if k >= 0 else 0)


@dataclass(frozen=True, slots=True)
class Signature:
    """Keys of one document, in arrays (small to cache and to ship to a cluster)."""

    digest: str  # content hash of the decoded text
    length: int  # characters of the comparison text
    anchor_pos: array[int]  # comparison offsets of the anchors, ascending
    anchor_key: array[int]  # their key hashes
    clause_key: array[int]  # hash of each clause of at least MIN_CLAUSE characters
    clause_pos: array[int]  # (start, end) pairs of those clauses, flattened
    cuts: array[int]  # the map back to original offsets (see comparison_text)
    removed: array[int]

    def original(self, pos: int, *, end: bool = False) -> int:
        """Original offset of comparison offset ``pos``."""
        return to_original(self.cuts, self.removed, pos, end=end)

    def to_bytes(self) -> bytes:
        head = (f"{SIGNATURE_VERSION}\t{self.digest}\t{self.length}\t{len(self.anchor_pos)}\t{len(self.clause_key)}"
                f"\t{len(self.cuts)}\n")
        return head.encode() + b"".join(a.tobytes() for a in (self.anchor_pos, self.anchor_key, self.clause_key,
                                                               self.clause_pos, self.cuts, self.removed))

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature | None:
        """The signature stored by :meth:`to_bytes`, or None when it is of another version or damaged."""
        nl = data.find(b"\n")
        try:
            version, digest, length, n_anchor, n_clause, n_cut = data[:nl].decode().split("\t")
            if int(version) != SIGNATURE_VERSION:
                return None
            arrays = []
            offset = nl + 1
            for n in (int(n_anchor), int(n_anchor), int(n_clause), 2 * int(n_clause), int(n_cut), int(n_cut)):
                a: array[int] = array("q")
                a.frombytes(data[offset:offset + 8 * n])
                if len(a) != n:
                    return None
                arrays.append(a)
                offset += 8 * n
        except (ValueError, UnicodeDecodeError):
            return None
        if offset != len(data):
            return None
        return cls(digest, int(length), *arrays)


def text_digest(text: str) -> str:
    """The content hash a signature is cached under."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def signature(text: str) -> Signature:
    """The keys of ``text`` (see the module docstring)."""
    return signature_and_text(text)[0]


def signature_and_text(text: str) -> tuple[Signature, str]:
    """The keys of ``text`` and its comparison text."""
    # Front matter, code and HTML comments are not what a report says: a source URL or
    # a photo caption in a comment shared by a city's reports is not copied text.
    comp, cuts, removed = comparison_text(prose_view(text))
    positions = anchor_positions(comp, KEY_LEN)
    wide = comp.encode("utf-32-be", "surrogatepass")
    anchor_key = _span_hashes(wide, positions, [p + KEY_LEN for p in positions])
    # Clauses run from one anchor to the next (anchors sit right after punctuation),
    # closing punctuation included.
    bounds = [*positions, len(comp)]
    spans = [(s, e) for s, e in pairwise(bounds) if e - s > MIN_CLAUSE]
    clause_key = _span_hashes(wide, [s for s, _ in spans], [e for _, e in spans])
    clause_pos = array("q", [p for span in spans for p in span])
    sig = Signature(text_digest(text), len(comp), array("q", positions), anchor_key, clause_key, clause_pos,
                    cuts, removed)
    return sig, comp


__all__ = ["Signature", "comparison_text", "key_hash", "signature", "signature_and_text", "text_digest", "to_original"]
