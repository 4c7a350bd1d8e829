"""reportlint: a consistency linter for prose reports.

The package is imported as ``reportlint``; its source lives in ``lint/``. Heavy
modules (rich, rapidfuzz, regex tables) are imported where they are used, so that
``import reportlint`` and a pre-commit run on a small file stay fast.
"""

__version__ = "0.1.0"
