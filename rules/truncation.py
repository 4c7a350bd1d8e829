"""Rules of the truncation family (being built; registers no rule yet)."""

from __future__ import annotations

from reportlint.rule import Rule

RULES: list[type[Rule]] = []
