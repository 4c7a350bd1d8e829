"""Find rules through the ``reportlint.rules`` entry-point group.

Built-in rules and third-party plugins are found the same way: a package declares
``[project.entry-points."reportlint.rules"] name = "module:RULES"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import entry_points

from .rule import Rule, iter_rule_classes

GROUP = "reportlint.rules"


class RegistryError(RuntimeError):
    """A plugin could not be loaded or declares a bad rule."""


@dataclass(frozen=True)
class Registry:
    rules: tuple[type[Rule], ...]

    def by_code(self) -> dict[str, type[Rule]]:
        return {r.code: r for r in self.rules}

    def by_name(self) -> dict[str, type[Rule]]:
        return {r.name: r for r in self.rules}

    def resolve(self, selector: str) -> list[type[Rule]]:
        """Rules matching a code (``DUP001``), a code prefix (``DUP``), a name, a category, or ``ALL``."""
        sel = selector.strip()
        if sel.upper() == "ALL":
            return list(self.rules)
        upper = sel.upper()
        hits = [r for r in self.rules if r.code.startswith(upper)]
        if not hits:
            hits = [r for r in self.rules if r.name == sel or r.category == sel]
        return hits


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    found: dict[str, type[Rule]] = {}
    eps = sorted(entry_points(group=GROUP), key=lambda ep: ep.name)
    for ep in eps:
        try:
            obj = ep.load()
            classes = list(iter_rule_classes(obj))
        except Exception as exc:  # a broken plugin must say which one
            raise RegistryError(f"cannot load rules from entry point {ep.name!r} ({ep.value}): {exc}") from exc
        for cls in classes:
            try:
                cls.validate()
            except ValueError as exc:
                raise RegistryError(str(exc)) from exc
            other = found.get(cls.code)
            if other is not None and other is not cls:
                raise RegistryError(f"rule code {cls.code} is declared twice ({other.__module__}, {cls.__module__})")
            found[cls.code] = cls
    return Registry(tuple(sorted(found.values(), key=lambda r: r.code)))
