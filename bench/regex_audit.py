"""Audit every compiled pattern of the engine and the rules for super-linear matching.

For each module-level or class-level pattern, runs ``finditer`` over inputs built from
runs of one or two characters (the shapes that make backtracking blow up: long runs
of spaces, digits, letters, Han characters, punctuation, the pattern's own literal
characters) at two lengths and prints the patterns whose time grows clearly faster
than the input. Usage: ``python bench/regex_audit.py [--size N]``.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import time
from collections.abc import Iterator
from typing import Any

try:
    import regex as _regex
    _PATTERN_TYPES: tuple[type, ...] = (re.Pattern, _regex.Pattern)
except ImportError:  # pragma: no cover
    _PATTERN_TYPES = (re.Pattern,)

BASE_PIECES = [" ", "\n", "\t", "0", "1,", "1.", "a", "A", "a ", "中", "中 ", "，", "。", "、", "（", "(", "*", "-",
               "<", "<!--", "&", "#", ".", "1", "%", "第", "一", "年", "亿元", "增长", "\u3000", "…", "——", "·", "\u200b"]


def patterns() -> Iterator[tuple[str, Any]]:
    """(qualified name, pattern) of every pattern bound in a reportlint or reportlint.rules module."""
    import reportlint
    import reportlint.rules

    seen: set[int] = set()
    for pkg in (reportlint, reportlint.rules):
        for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            mod = importlib.import_module(info.name)
            for name, value in vars(mod).items():
                yield from _found(f"{info.name}.{name}", value, seen)
                if isinstance(value, type) and value.__module__ == mod.__name__:
                    for attr, inner in vars(value).items():
                        yield from _found(f"{info.name}.{name}.{attr}", inner, seen)


def _found(name: str, value: Any, seen: set[int]) -> Iterator[tuple[str, Any]]:
    values = value if isinstance(value, (list, tuple)) else [value]
    for i, v in enumerate(values):
        if isinstance(v, _PATTERN_TYPES) and id(v) not in seen:
            seen.add(id(v))
            yield (name if len(values) == 1 else f"{name}[{i}]"), v


def pieces(pattern: Any) -> list[str]:
    """The base pieces plus every literal character of the pattern and pairs of them."""
    literal = sorted({c for c in pattern.pattern if not c.isspace() and c not in "\\^$|?*+()[]{}"})[:40]
    out = list(BASE_PIECES)
    out += literal
    out += [a + b for a in literal[:12] for b in (" ", "中", "1")]
    return list(dict.fromkeys(out))


def cost(pattern: Any, text: str) -> float:
    t = time.perf_counter()
    for _ in pattern.finditer(text):
        pass
    return time.perf_counter() - t


def audit(size: int) -> list[tuple[str, str, float, float]]:
    """Patterns whose time on a 4x longer input grows more than 8x (quadratic gives 16x)."""
    slow = []
    for name, pat in patterns():
        for piece in pieces(pat):
            for prefix in ("", pat.pattern[:1] if pat.pattern[:1].isalnum() else ""):
                small = prefix + piece * (size // len(piece))
                t1 = cost(pat, small)
                if t1 < 0.002:
                    continue
                t2 = cost(pat, prefix + piece * (4 * size // len(piece)))
                if t2 > 8 * t1:
                    slow.append((name, piece, t1, t2))
    return slow


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=4000)
    args = ap.parse_args()
    n = sum(1 for _ in patterns())
    slow = audit(args.size)
    print(f"patterns audited: {n}; input sizes {args.size} and {4 * args.size} characters")
    for name, piece, t1, t2 in slow:
        print(f"SUPER-LINEAR {name} on runs of {piece!r}: {t1 * 1000:.1f} ms -> {t2 * 1000:.1f} ms")
    if not slow:
        print("no pattern grew faster than linear")


if __name__ == "__main__":
    main()
