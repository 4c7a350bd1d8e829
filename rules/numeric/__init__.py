"""Numeric checks: figures stated two ways, proportions past the whole, arithmetic that
cannot hold (:mod:`.arithmetic`). :mod:`.facts` is the typed model, :mod:`.extract` reads it from the text,
:mod:`.checks` holds the rules."""

from __future__ import annotations

from reportlint.rule import Rule

from .arithmetic import DoublingMismatch, SumMismatch
from .checks import GrowthMismatch, NumericContradiction, PartExceedsTotal, ShareOverWhole

RULES: list[type[Rule]] = [NumericContradiction, ShareOverWhole, PartExceedsTotal, GrowthMismatch, DoublingMismatch,
                           SumMismatch]

__all__ = ["RULES", "DoublingMismatch", "GrowthMismatch", "NumericContradiction", "PartExceedsTotal", "ShareOverWhole", "SumMismatch"]
