"""What a rule reports: a diagnostic with its span, related places and optional fix.

Positions are code-point offsets into the decoded text of one document; reporters
turn them into whatever column unit their format needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Literal

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
    """

    applicability: Applicability
    message: str
    edits: tuple[Edit, ...]


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
