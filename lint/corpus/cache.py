"""A folder of per-document results keyed by content hash, like ruff's cache.

``.reportlint-cache/`` in the working folder (``--cache-dir`` elsewhere, ``--no-cache``
none). Each entry is one file named by a digest of the document's text and of what
produced the entry (the pass's name and version and its settings), so a changed report
or changed settings simply miss. Writes go through a temporary file and a rename, so a
run that is interrupted, or two runs at once, never leave half an entry; an unreadable
entry is a miss. The folder holds a ``CACHEDIR.TAG`` (backup tools skip it) and a
``.gitignore`` of ``*``.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

DEFAULT_DIR = ".reportlint-cache"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by reportlint.\n"


class Cache:
    """Entries under ``root/<namespace>/``; every failure to read or write is a miss, never an error."""

    def __init__(self, root: Path, namespace: str) -> None:
        self.root = root
        self.folder = root / namespace
        self.hits = 0
        self.misses = 0
        self._ready = False

    def _path(self, key: str) -> Path:
        digest = hashlib.blake2b(key.encode(), digest_size=16).hexdigest()
        return self.folder / digest[:2] / digest[2:]

    def get(self, key: str) -> bytes | None:
        try:
            data = self._path(key).read_bytes()
        except OSError:
            self.misses += 1
            return None
        self.hits += 1
        return data

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        try:
            if not self._ready:
                self._prepare()
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError:
            return

    def _prepare(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        for name, content in (("CACHEDIR.TAG", _TAG), (".gitignore", "*\n")):
            marker = self.root / name
            if not marker.exists():
                marker.write_text(content, encoding="utf-8")
        self._ready = True
