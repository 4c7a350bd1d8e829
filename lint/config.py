"""Configuration: ``[tool.reportlint]`` in pyproject.toml, ``.reportlint.toml`` or ``reportlint.toml``.

The file closest to a linted file wins (searched upward from its folder), unless
``--config`` names one or ``--isolated`` ignores them all. Unknown keys and
unknown rule codes are errors, reported in one line.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .registry import Registry
from .rule import Rule

CONFIG_NAMES = (".reportlint.toml", "reportlint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt")
_KEYS = {
    "select", "ignore", "extend-select", "extend-ignore", "per-file-ignores", "include", "exclude",
    "rules", "output-format", "preview",
}


class ConfigError(ValueError):
    """A configuration file or option is wrong; the message is one line."""


@dataclass
class Settings:
    """Resolved settings for the files under one configuration file."""

    source: Path | None = None
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)  # by rule code
    output_format: str | None = None
    preview: bool = False  # run preview rules too (`preview = true`)

    def base_dir(self) -> Path:
        return self.source.parent if self.source else Path.cwd()


def _str_list(value: Any, key: str, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: `{key}` must be a list of strings")
    return list(value)


def _preview_flag(data: Mapping[str, Any], where: str) -> bool:
    """``preview = true``: run preview rules too (off when absent)."""
    value = data.get("preview", False)
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: `preview` must be true or false")
    return value


def parse_settings(data: Mapping[str, Any], registry: Registry, where: str, source: Path | None) -> Settings:
    """Validate a ``[tool.reportlint]`` table against the known keys and rules."""
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key `{unknown[0]}` (known: {', '.join(sorted(_KEYS))})")
    s = Settings(source=source)
    if "select" in data:
        s.select = _str_list(data["select"], "select", where)
    s.extend_select = _str_list(data.get("extend-select", []), "extend-select", where)
    s.ignore = _str_list(data.get("ignore", []), "ignore", where) + _str_list(data.get("extend-ignore", []), "extend-ignore", where)
    if "include" in data:
        s.include = _str_list(data["include"], "include", where)
    s.exclude = _str_list(data.get("exclude", []), "exclude", where)
    if "output-format" in data:
        if not isinstance(data["output-format"], str):
            raise ConfigError(f"{where}: `output-format` must be a string")
        s.output_format = data["output-format"]
    s.preview = _preview_flag(data, where)
    pfi = data.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(f"{where}: `per-file-ignores` must be a table of glob = [codes]")
    for pattern, codes in pfi.items():
        s.per_file_ignores[pattern] = _str_list(codes, f"per-file-ignores.{pattern}", where)
    for selector in [*(s.select or []), *s.extend_select, *s.ignore, *(c for v in s.per_file_ignores.values() for c in v)]:
        if not registry.resolve(selector):
            raise ConfigError(f"{where}: unknown rule code or selector `{selector}`")
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise ConfigError(f"{where}: `rules` must be a table of rule tables")
    by_code, by_name = registry.by_code(), registry.by_name()
    for key, opts in rules.items():
        rule = by_code.get(key.upper()) or by_name.get(key)
        if rule is None:
            raise ConfigError(f"{where}: unknown rule `{key}` in [rules]")
        if not isinstance(opts, dict):
            raise ConfigError(f"{where}: `rules.{key}` must be a table of options")
        s.rule_options[rule.code] = validate_options(rule, opts, f"{where}: rules.{key}")
    return s


def option_key(name: str) -> str:
    """Options are spelled in kebab-case in configuration (``min-span-chars``), whatever
    spelling a rule declares them in (``min_span_chars``)."""
    return name.strip().lower().replace("_", "-")


def validate_options(rule: type[Rule], opts: Mapping[str, Any], where: str) -> dict[str, Any]:
    declared = {option_key(k): k for k in rule.options}
    out: dict[str, Any] = {}
    for given, value in opts.items():
        name = declared.get(option_key(given))
        if name is None:
            known = ", ".join(declared) or "none"
            raise ConfigError(f"{where}: unknown option `{given}` for {rule.code} (known: {known})")
        default = rule.options[name]
        if default is not None and not _same_type(default, value):
            raise ConfigError(f"{where}: option `{name}` must be {type(default).__name__}, got {type(value).__name__}")
        problem = _value_problem(name, default, value)
        if problem:
            raise ConfigError(f"{where}: option `{name}` {problem}")
        out[name] = value
    return out


def _value_problem(name: str, default: Any, value: Any) -> str | None:
    """What is wrong with a well-typed option value, or None.

    Every numeric option of a rule is a size, a count, a window or a threshold, so it
    must be finite and not negative; a ``*similarity`` is a 0-100 score. A list holds
    elements of the type of the default's elements (strings when the default is empty).
    """
    if isinstance(value, bool) or default is None:
        return None
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            return f"must be a finite number, got {value}"
        if value < 0:
            return f"must not be negative, got {value}"
        if name.endswith("similarity") and value > 100:
            return f"is a score from 0 to 100, got {value}"
        return None
    if isinstance(value, list) and isinstance(default, (list, tuple)):
        sample = default[0] if default else ""
        for i, element in enumerate(value):
            if not _same_type(sample, element):
                return f"must hold {type(sample).__name__} elements; element {i} is {type(element).__name__}"
    return None


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, int):  # a bool is an int to Python, not to a configuration
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(default, (list, tuple)):
        return isinstance(value, list)
    return isinstance(value, type(default))


def read_config_file(path: Path, registry: Registry) -> Settings | None:
    """Settings from one file; ``None`` for a pyproject.toml without our table."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror or exc})") from None
    import tomllib  # only when a configuration file is read

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML (nested too deeply)") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("reportlint")
        if table is None:
            return None
        return parse_settings(table, registry, f"{path} [tool.reportlint]", path)
    if "tool" in data and "reportlint" in data.get("tool", {}):
        data = data["tool"]["reportlint"]
    return parse_settings(data, registry, str(path), path)


class ConfigResolver:
    """Finds the settings that apply to a file, caching per folder."""

    def __init__(self, registry: Registry, *, config_file: Path | None = None, isolated: bool = False) -> None:
        self.registry = registry
        self.isolated = isolated
        self._fixed: Settings | None = None
        if config_file is not None:
            if not config_file.is_file():
                raise ConfigError(f"{config_file}: config file not found")
            self._fixed = read_config_file(config_file, registry) or Settings(source=config_file)
        self._by_dir: dict[Path, Settings] = {}

    def for_path(self, path: Path) -> Settings:
        if self._fixed is not None:
            return self._fixed
        if self.isolated:
            return self._by_dir.setdefault(Path("/"), Settings())
        folder = (path if path.is_dir() else path.parent).resolve()
        return self._lookup(folder)

    def _lookup(self, folder: Path) -> Settings:
        if folder in self._by_dir:
            return self._by_dir[folder]
        found: Settings | None = None
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                found = read_config_file(candidate, self.registry)
                if found is not None:
                    break
        if found is None:
            found = Settings() if folder.parent == folder else self._lookup(folder.parent)
        self._by_dir[folder] = found
        return found


@dataclass(frozen=True)
class Overrides:
    """Rule selection given on the command line; it beats the files."""

    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    preview: bool | None = None  # --preview / --no-preview; None: as the configuration says


def preview_on(settings: Settings, overrides: Overrides) -> bool:
    """Whether preview rules run: the command line beats the configuration file."""
    return overrides.preview if overrides.preview is not None else settings.preview


def exact_rule(selector: str, registry: Registry) -> type[Rule] | None:
    """The rule a selector names exactly (its full code or its name), else None."""
    sel = selector.strip()
    return registry.by_code().get(sel.upper()) or registry.by_name().get(sel)


def ignored_preview_selections(settings: Settings, registry: Registry, overrides: Overrides) -> list[str]:
    """Selectors that name a preview rule exactly while preview is off: like ruff, the
    selection has no effect (the caller warns), because a rule below the precision bar
    should be tried on purpose, with ``--preview``, not slip in through an old config."""
    if preview_on(settings, overrides):
        return []
    select = overrides.select if overrides.select is not None else settings.select or []
    chosen = [*select, *settings.extend_select, *overrides.extend_select]
    return [sel for sel in chosen if (rule := exact_rule(sel, registry)) is not None and rule.preview]


def enabled_rules(settings: Settings, registry: Registry, overrides: Overrides, path: Path | None = None) -> list[type[Rule]]:
    """Which rules run on ``path``: defaults or select, plus extend-select, minus ignores;
    preview rules only when preview is on (however they were selected)."""
    select = overrides.select if overrides.select is not None else settings.select
    if select is None:
        chosen = {r.code: r for r in registry.rules if r.enabled_by_default}
    else:
        chosen = {r.code: r for sel in select for r in registry.resolve(sel)}
    for sel in [*settings.extend_select, *overrides.extend_select]:
        chosen.update({r.code: r for r in registry.resolve(sel)})
    ignored = [*settings.ignore, *overrides.ignore]
    if path is not None and settings.per_file_ignores:
        rel = _relative(path, settings.base_dir())
        for pattern, codes in settings.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(path.name, pattern):
                ignored.extend(codes)
    for sel in ignored:
        for r in registry.resolve(sel):
            chosen.pop(r.code, None)
    preview = preview_on(settings, overrides)
    return [chosen[c] for c in sorted(chosen) if preview or not chosen[c].preview]


def options_for(rule: type[Rule], settings: Settings) -> dict[str, Any]:
    opts = dict(rule.options)
    opts.update(settings.rule_options.get(rule.code, {}))
    return opts


def _relative(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
