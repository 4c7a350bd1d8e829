"""Which files to lint: explicit files, folders walked for report files, or stdin.

Inside a git work tree, files that git ignores are skipped when a folder is walked
(an explicitly named file is always linted).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable
from pathlib import Path


class SourceError(ValueError):
    """A path cannot be linted; the message is one line."""


def _resolved(path: Path) -> Path:
    """``path`` with symlinks resolved; a symlink loop or an unreadable link keeps its absolute
    spelling (the read reports the problem for that file alone)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return path.absolute()


def lint_roots(paths: Iterable[str]) -> list[Path]:
    """The real folders ``--fix`` may write into: each folder named, and the folder holding
    each file named (so a link named on the command line to a file elsewhere is not followed)."""
    roots = []
    for raw in paths:
        if raw == "-":
            continue
        p = Path(raw)
        roots.append(_resolved(p) if p.is_dir() else _resolved(p.absolute().parent))
    return roots


def _git_root(folder: Path) -> Path | None:
    for parent in [folder, *folder.parents]:
        if (parent / ".git").exists():
            return parent
    return None


def _git_ignored(root: Path, files: list[Path]) -> set[Path]:
    if not files:
        return set()
    import subprocess  # only for a folder: a file named on the command line is linted as asked

    try:
        proc = subprocess.run(
            ["git", "-C", str(root), "check-ignore", "--stdin", "-z"],
            input="\0".join(str(_resolved(f)) for f in files) + "\0",
            capture_output=True, text=True, timeout=60, errors="surrogateescape",
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if proc.returncode not in (0, 1):
        return set()
    return {Path(p) for p in proc.stdout.split("\0") if p}


def discover(
    paths: Iterable[str],
    include_for: Callable[[Path], tuple[list[str], list[str]]],
) -> list[Path]:
    """Expand ``paths`` into report files, in a stable (sorted) order.

    ``include_for(folder)`` gives the include and exclude globs that apply there.
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise SourceError(f"{raw}: no such file or directory")
        if p.is_file():
            key = _resolved(p)
            if key not in seen:
                seen.add(key)
                out.append(p)
            continue
        if not p.is_dir():
            raise SourceError(f"{raw}: not a regular file or directory")
        include, exclude = include_for(p)
        found: list[Path] = []
        for dirpath, dirnames, filenames in os.walk(p):
            dirnames[:] = sorted(d for d in dirnames if d not in (".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv")
                                 and not any(fnmatch.fnmatch(d, x) for x in exclude))
            for name in sorted(filenames):
                if any(fnmatch.fnmatch(name, g) for g in include) and not any(fnmatch.fnmatch(name, x) for x in exclude):
                    found.append(Path(dirpath) / name)
        root = _git_root(_resolved(p))
        if root is not None:
            ignored = _git_ignored(root, found)
            found = [f for f in found if _resolved(f) not in ignored]
        if not found:
            raise SourceError(f"{raw}: no report files found (looked for {', '.join(include)})")
        for f in found:
            key = _resolved(f)
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out
