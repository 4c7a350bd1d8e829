"""The rule API: what a rule declares and how it reports.

A rule is a class with metadata (code, kebab-case name, category, default severity,
summary, explanation with a wrong/right example, options with defaults) and a
``check(document, options)`` generator. Rules never read files or print; they
yield :class:`~reportlint.diagnostic.Diagnostic` objects, built with
:meth:`Rule.report` so the metadata is filled in the same way everywhere.

Fix safety is the engine's call: every rule's ``check`` (built-in or plugin) is wrapped
when its class is defined, so each fix it yields passes :meth:`Fix.checked` against the
document's text, and a "safe" fix that changes letters of words without the rule's
explicit ``proven`` claim reaches the fixer as unsafe.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .diagnostic import CATEGORIES, Diagnostic, Fix, Related, Severity

if TYPE_CHECKING:
    from .document import Document

_CODE = re.compile(r"^[A-Z]{1,4}[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class Rule:
    """Base class of every rule, built-in or from a plugin."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = ""
    explanation: ClassVar[str] = ""
    options: ClassVar[Mapping[str, Any]] = {}
    enabled_by_default: ClassVar[bool] = True
    # A preview rule has not yet earned its place: its measured precision on real
    # reports is below 90%, so it runs only when preview is asked for.
    preview: ClassVar[bool] = False
    # Languages the rule applies to; None means any.
    languages: ClassVar[frozenset[str] | None] = None

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Diagnostic]:
        raise NotImplementedError

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("check")
        if own is not None and not getattr(own, "_fixes_checked", False):
            cls.check = _checking_fixes(own)  # type: ignore[method-assign,assignment]

    # -- helpers for subclasses -------------------------------------------
    def report(
        self,
        start: int,
        end: int,
        message: str,
        *,
        related: Iterable[Related] = (),
        fix: Fix | None = None,
        severity: Severity | None = None,
        fingerprint_text: str = "",
    ) -> Diagnostic:
        return Diagnostic(
            code=self.code,
            rule=self.name,
            category=self.category,
            severity=severity or self.severity,
            message=message,
            start=start,
            end=max(end, start),
            related=tuple(related),
            fix=fix,
            fingerprint_text=fingerprint_text,
        )

    @classmethod
    def validate(cls) -> None:
        """Raise ``ValueError`` when the metadata breaks the rule contract."""
        problems = []
        if not _CODE.match(getattr(cls, "code", "")):
            problems.append(f"code {getattr(cls, 'code', None)!r} is not like ABC123")
        if not _NAME.match(getattr(cls, "name", "")):
            problems.append(f"name {getattr(cls, 'name', None)!r} is not kebab-case")
        if getattr(cls, "category", None) not in CATEGORIES:
            problems.append(f"category {getattr(cls, 'category', None)!r} is not one of {', '.join(CATEGORIES)}")
        if not isinstance(cls.severity, Severity):
            problems.append("severity must be a Severity")
        if not cls.summary:
            problems.append("summary is empty")
        if problems:
            raise ValueError(f"rule {cls.__name__}: " + "; ".join(problems))


CheckMethod = Callable[[Any, "Document", Mapping[str, Any]], Iterable[Diagnostic]]


def _checking_fixes(check: CheckMethod) -> CheckMethod:
    """``check`` with every fix it yields passed through :meth:`Fix.checked` against the document."""

    @functools.wraps(check)
    def checked(self: Rule, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for diag in check(self, doc, options):
            if diag.fix is not None:
                diag.fix = diag.fix.checked(doc.text)
            yield diag

    checked._fixes_checked = True  # type: ignore[attr-defined]
    return checked


def iter_rule_classes(obj: Any) -> Iterator[type[Rule]]:
    """Accept what an entry point may name: a Rule class, an instance, or a list of them."""
    if isinstance(obj, type) and issubclass(obj, Rule):
        yield obj
    elif isinstance(obj, Rule):
        yield type(obj)
    elif isinstance(obj, Iterable) and not isinstance(obj, (str, bytes)):
        for item in obj:
            yield from iter_rule_classes(item)
    else:
        raise TypeError(f"not a rule: {obj!r}")
