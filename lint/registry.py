"""Find rules through the ``reportlint.rules`` entry-point group.

Built-in rules and third-party plugins are found the same way: a package declares
``[project.entry-points."reportlint.rules"] name = "module:RULES"``.

Reading every installed distribution's metadata costs more than linting a short
report, and pre-commit runs the linter once per commit; so the entry points found are
kept in a small cache file, keyed by the interpreter, its import path and the
modification times of the path's folders that hold distributions (installing or
removing one changes its folder), and read from there while that key holds.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import __version__
from .rule import Rule, iter_rule_classes

GROUP = "reportlint.rules"
# Folders of installed distributions' metadata, entry points included.
_METADATA = (".dist-info", ".egg-info")


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


def _environment() -> tuple[str, Path | None]:
    """This environment's key, and the file where its entry points are kept (None: nowhere)."""
    key = [sys.executable, __version__]
    for entry in sys.path:
        try:
            # A folder holding no distribution (the script's, the working one) changes
            # for other reasons: only its getting one counts.
            held = os.path.isfile(entry) or any(n.endswith(_METADATA) for n in os.listdir(entry or "."))
            key.append(f"{entry}\t{os.stat(entry or '.').st_mtime_ns if held else '-'}")
        except OSError:
            key.append(entry)
    joined = "\n".join(key)
    folder = os.environ.get("REPORTLINT_CACHE_DIR")
    if not folder:
        xdg = os.environ.get("XDG_CACHE_HOME")
        try:
            folder = str(Path(xdg) if xdg else Path.home() / ".cache") + "/reportlint"
        except RuntimeError:  # no home folder
            return joined, None
    name = f"entry-points-{zlib.crc32(joined.encode('utf-8', 'surrogatepass')):08x}.json"
    return joined, Path(folder) / name


def _scan_entry_points() -> list[tuple[str, str]]:
    """(name, "module:attribute") of every rule entry point installed, by name."""
    from importlib.metadata import entry_points  # slow to import: only when the cache misses

    return [(ep.name, ep.value) for ep in sorted(entry_points(group=GROUP), key=lambda ep: ep.name)]


def rule_entry_points(*, cached: bool = True) -> list[tuple[str, str]]:
    """The installed rule entry points, from the cache while the environment is unchanged."""
    key, cache = _environment()
    if cache is not None and cached:
        try:
            stored = json.loads(cache.read_text(encoding="utf-8"))
            if stored["key"] == key:  # the file name is a checksum: the key itself decides
                return [(str(n), str(v)) for n, v in stored["entry_points"]]
        except (OSError, ValueError, TypeError, KeyError):
            pass
    found = _scan_entry_points()
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"key": key, "entry_points": found}), encoding="utf-8")
            os.replace(tmp, cache)  # whole or not at all: parallel runs may write it too
        except OSError:
            pass  # a read-only cache folder: scan every run
    return found


def _load(value: str) -> object:
    """The object an entry point names, ``module:attr.attr`` (as ``EntryPoint.load``)."""
    module, _, attrs = value.partition(":")
    obj: object = importlib.import_module(module.strip())
    for attr in filter(None, attrs.strip().split(".")):
        obj = getattr(obj, attr)
    return obj


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    try:
        return _registry(rule_entry_points())
    except RegistryError:  # perhaps a stale cache (a plugin removed in place): look again
        return _registry(rule_entry_points(cached=False))


def _registry(entry_points: list[tuple[str, str]]) -> Registry:
    found: dict[str, type[Rule]] = {}
    for name, value in entry_points:
        try:
            obj = _load(value)
            classes = list(iter_rule_classes(obj))
        except Exception as exc:  # a broken plugin must say which one
            raise RegistryError(f"cannot load rules from entry point {name!r} ({value}): {exc}") from exc
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
