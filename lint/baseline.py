"""Baselines: accept the findings a repository already has, fail only on new ones.

A finding is keyed by its file, its rule code and the normalised text it is about
(``Diagnostic.fingerprint_text`` when the rule set it, else the text of its span),
never by line numbers, so editing the report above a known finding does not turn it
into a new one. Keys carry counts: a baseline that knows two copies of a stutter lets
two through and reports the third.

The same key gives the stable fingerprints of the SARIF and GitLab formats and the
grouping of identical findings in the ``full`` output.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:
    from .diagnostic import Diagnostic
    from .runner import FileResult, RunResult

BASELINE_VERSION = 1
_SPACE = re.compile(r"\s+")
_PREVIEW = 60


class BaselineError(ValueError):
    """A baseline file cannot be read or written; the message is one line."""


def finding_text(f: FileResult, d: Diagnostic) -> str:
    """What a finding is about, whitespace-normalised (line breaks and indentation do not count)."""
    raw = d.fingerprint_text or f.text[d.start:d.end]
    return _SPACE.sub(" ", raw).strip()


def finding_hash(code: str, text: str) -> str:
    """A short stable digest of ``(code, normalised text)``."""
    return hashlib.sha256(f"{code}\x00{text}".encode()).hexdigest()[:20]


def normalise_path(path: str) -> str:
    """The path as it is keyed: POSIX separators, no leading ``./``."""
    p = PurePosixPath(path.replace("\\", "/")).as_posix()
    return p[2:] if p.startswith("./") else p


def keyed(run: RunResult) -> Iterator[tuple[FileResult, Diagnostic, tuple[str, str, str], int]]:
    """Every finding with its key ``(path, code, hash)`` and its occurrence index among equal keys.

    The occurrence index makes fingerprints unique inside a file while staying free of
    line numbers (the third copy of a stutter stays the third copy).
    """
    for f in run.files:
        seen: Counter[tuple[str, str, str]] = Counter()
        for d in f.diagnostics:
            key = (normalise_path(d.path), d.code, finding_hash(d.code, finding_text(f, d)))
            yield f, d, key, seen[key]
            seen[key] += 1


def fingerprint(key: tuple[str, str, str], occurrence: int) -> str:
    """A stable, unique identity for one finding: its key plus its occurrence index."""
    path, code, digest = key
    return hashlib.sha256(f"{path}\x00{code}\x00{digest}\x00{occurrence}".encode()).hexdigest()[:32]


@dataclass
class Baseline:
    """Known findings: ``(path, code, hash) -> count``."""

    counts: Counter[tuple[str, str, str]]

    @classmethod
    def from_run(cls, run: RunResult) -> Baseline:
        return cls(Counter(key for _, _, key, _ in keyed(run)))

    def filter(self, run: RunResult) -> int:
        """Drop findings the baseline knows (up to its count per key); return how many were dropped."""
        left = Counter(self.counts)
        dropped = 0
        keep: dict[int, list[Diagnostic]] = {id(f): [] for f in run.files}
        for f, d, key, _ in keyed(run):
            if left[key] > 0:
                left[key] -= 1
                dropped += 1
            else:
                keep[id(f)].append(d)
        for f in run.files:
            f.diagnostics = keep[id(f)]
        return dropped

    # -- files -------------------------------------------------------------
    def dump(self, run: RunResult | None = None) -> dict[str, Any]:
        previews: dict[tuple[str, str, str], str] = {}
        if run is not None:
            for f, d, key, _ in keyed(run):
                previews.setdefault(key, finding_text(f, d)[:_PREVIEW])
        entries = [
            {"path": path, "code": code, "hash": digest, "count": n, "text": previews.get((path, code, digest), "")}
            for (path, code, digest), n in sorted(self.counts.items())
        ]
        return {"version": BASELINE_VERSION, "tool": {"name": "reportlint", "version": __version__}, "findings": entries}

    def write(self, path: Path, run: RunResult | None = None) -> None:
        data = json.dumps(self.dump(run), ensure_ascii=False, indent=2) + "\n"
        from .writing import WriteError, write_atomic

        try:
            write_atomic(path, data.encode("utf-8"))
        except WriteError as exc:
            raise BaselineError(f"{path}: cannot write baseline ({exc})") from None

    @classmethod
    def read(cls, path: Path) -> Baseline:
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise BaselineError(f"{path}: baseline file not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise BaselineError(f"{path}: cannot read baseline ({exc})") from None
        try:
            data = json.loads(raw, parse_constant=_no_constant)
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{path}: not a baseline (invalid JSON: {exc.msg} at line {exc.lineno})") from None
        except RecursionError:
            raise BaselineError(f"{path}: not a baseline (JSON nested too deeply)") from None
        except ValueError as exc:  # NaN/Infinity, or an integer too long to convert
            raise BaselineError(f"{path}: not a baseline ({exc})") from None
        counts: Counter[tuple[str, str, str]] = Counter()
        for key, n in _entries(data, path):
            counts[key] += n
        return cls(counts)


def _no_constant(name: str) -> Any:
    raise ValueError(f"`{name}` is not a number a baseline can hold")


MAX_COUNT = 10**9  # more copies of one finding than any report holds: the file is damaged


def _entries(data: Any, path: Path) -> Iterable[tuple[tuple[str, str, str], int]]:
    """Validated ``(key, count)`` entries: strings for path, code and hash, a positive integer count."""
    version = data.get("version") if isinstance(data, dict) else None
    if type(version) is not int or version != BASELINE_VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a reportlint baseline (version {BASELINE_VERSION})")
    for i, e in enumerate(data["findings"]):
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in ("path", "code", "hash")):
            raise BaselineError(f"{path}: finding {i} lacks path, code or hash (strings)")
        count = e.get("count", 1)
        if type(count) is not int or not 1 <= count <= MAX_COUNT:
            raise BaselineError(f"{path}: finding {i} has count {str(count)[:40]}; it must be a whole number "
                                f"from 1 to {MAX_COUNT}")
        yield (normalise_path(e["path"]), e["code"], e["hash"]), count
