"""What a rule reports: a diagnostic with its span, related places and optional fix.

Positions are code-point offsets into the decoded text of one document; reporters
turn them into whatever column unit their format needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Literal

from .text.scripts import is_digit, is_han, is_latin

CATEGORIES: tuple[str, ...] = (
    "duplication",
    "truncation",
    "stray-token",
    "numeric",
    "typo",
    "markup",
    "structure",
    "style",
    "garbled",
)


class Severity(str, Enum):
    """How serious a finding is. Ordered: error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


Applicability = Literal["safe", "unsafe"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``content``."""

    start: int
    end: int
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of edits that resolves a diagnostic.

    ``safe`` fixes keep the meaning of the text and are applied by ``--fix``;
    ``unsafe`` ones (deleting a repeated paragraph, say) need ``--unsafe-fixes``.

    Safety is decided by the engine, not only by the rule: a fix whose edits delete,
    insert or change letters of words (Han characters, Latin letters, digits) can change
    what the text says, so :meth:`checked` downgrades it to ``unsafe`` — unless the rule
    sets ``proven``, its explicit claim that the result is the intended text (a
    traditional character replaced by its only simplified form). Claim it sparingly:
    a doubled 化 in 石化化工 or 再 in 再再升起 looks like a slip and is not one, or not
    that one. Edits of whitespace and punctuation alone (a comma moved out of bold, a
    split line joined) keep the rule's word.
    """

    applicability: Applicability
    message: str
    edits: tuple[Edit, ...]
    proven: bool = False

    def checked(self, text: str) -> Fix:
        """This fix as the engine lets it stand against ``text``: unsafe if it touches words unproven."""
        if self.applicability != "safe" or self.proven or not changes_letters(text, self.edits):
            return self
        return replace(self, applicability="unsafe")


def is_letter(ch: str) -> bool:
    """A character that belongs to a word: Han, Latin letter or digit (not space or punctuation)."""
    return is_han(ch) or is_latin(ch) or is_digit(ch)


def changes_letters(text: str, edits: Sequence[Edit]) -> bool:
    """Do ``edits`` delete, insert or change any letter of ``text``?

    Each edit is compared on its own: the letters of the replaced span must be exactly
    the letters of the new content, in order. An edit outside the text counts as a change.
    """
    for e in edits:
        if not 0 <= e.start <= e.end <= len(text):
            return True
        old = [c for c in text[e.start:e.end] if is_letter(c)]
        new = [c for c in e.content if is_letter(c)]
        if old != new:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a finding (the first copy, the other value)."""

    start: int
    end: int
    message: str
    path: str | None = None  # None: the same document


@dataclass(slots=True)
class Diagnostic:
    """One finding of one rule in one document."""

    code: str
    rule: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    path: str = "-"
    # Text the finding is about, used to key baselines and collapse repeats.
    fingerprint_text: str = field(default="", compare=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.start, self.end, self.code)


def replaced_offsets(length: int, passes: Sequence[Sequence[Edit]]) -> list[int]:
    """Offsets of an original text of ``length`` code points that successive passes of edits replaced.

    Each pass's edits are against the text the pass before left (as ``--fix`` applies them);
    the offsets returned are into the original, so a check can ask whether every character a
    fix took away lies inside a known defect.
    """
    origin: list[int | None] = list(range(length))
    gone: list[int] = []
    for edits in passes:
        for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
            gone.extend(o for o in origin[e.start:e.end] if o is not None)
            origin[e.start:e.end] = [None] * len(e.content)
    return sorted(gone)
