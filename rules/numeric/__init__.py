"""Numeric checks: figures stated two ways, proportions past the whole, arithmetic that
cannot hold. :mod:`.facts` is the typed model, :mod:`.extract` reads it from the text,
:mod:`.checks` holds the rules."""

from __future__ import annotations

from reportlint.rule import Rule

from .checks import GrowthMismatch, NumericContradiction, PartExceedsTotal, ShareOverWhole

RULES: list[type[Rule]] = [NumericContradiction, ShareOverWhole, PartExceedsTotal, GrowthMismatch]

__all__ = ["RULES", "GrowthMismatch", "NumericContradiction", "PartExceedsTotal", "ShareOverWhole"]
