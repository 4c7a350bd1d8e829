"""Write fixed reports without ever losing a byte.

``--fix`` treats each file as a small transaction:

* the file must be unchanged since it was read — same size, same modification time
  (both taken before the read) and the same content (its bytes now must be exactly the
  bytes the linted text encodes to, which also proves the decoding round-trips) — or it
  is skipped with a message (an edit saved meanwhile is never overwritten, a deleted
  file is never recreated);
* symlinks are resolved and the real file is written (the link stays a link); a real
  file outside the linted roots is written only when asked (``--fix-outside-roots``);
* the new content goes to a temporary file in the same folder, is flushed and
  fsynced, gets the original's permission bits, and replaces the original with
  ``os.replace`` — atomic on POSIX and Windows, so a full disk, a file-size limit or a
  kill leaves either the old file or the new one, never a truncated one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path


class WriteError(OSError):
    """A fixed file was not written; the message is one line and says why."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a file looked like before it was read."""

    size: int
    mtime_ns: int

    @classmethod
    def take(cls, path: Path) -> Snapshot | None:
        try:
            st = path.stat()
        except OSError:
            return None
        return cls(st.st_size, st.st_mtime_ns)


def real_target(path: Path) -> Path:
    """The file a write to ``path`` must change: symlinks resolved (loops raise WriteError)."""
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # RuntimeError: symlink loop on Python < 3.13
        raise WriteError(f"cannot resolve the path ({_reason(exc)})") from None


def inside(target: Path, roots: list[Path]) -> bool:
    """Is ``target`` (resolved) one of ``roots`` or below one of them?"""
    return any(target == root or root in target.parents for root in roots)


def check_unchanged(target: Path, before: Snapshot | None, expected: bytes) -> None:
    """Raise WriteError unless ``target`` still holds exactly ``expected`` and its stat is ``before``."""
    now = Snapshot.take(target)
    if now is None:
        raise WriteError("the file vanished since it was read; not recreated")
    if before is None or now != before:
        raise WriteError("the file changed since it was read; not overwritten")
    try:
        current = target.read_bytes()
    except OSError as exc:
        raise WriteError(f"cannot read it again ({_reason(exc)})") from None
    import hashlib  # only when fixes are written

    if hashlib.sha256(current).digest() != hashlib.sha256(expected).digest():
        raise WriteError("its bytes differ from the text that was linted (changed meanwhile, or an encoding "
                         "that does not round-trip); not overwritten")


def write_atomic(target: Path, data: bytes) -> None:
    """Replace ``target``'s content with ``data`` atomically, keeping its permission bits."""
    folder = target.parent
    owner = None
    try:
        st = target.stat()
        mode, owner = stat.S_IMODE(st.st_mode), (st.st_uid, st.st_gid)
    except OSError:
        mode = 0o644
    else:  # the rename would succeed on a read-only file in a writable folder: respect the file's mode
        if not os.access(target, os.W_OK):
            raise WriteError("the file is read-only; not written")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".reportlint-tmp")
    except OSError as exc:
        raise WriteError(f"cannot create a temporary file next to it ({_reason(exc)})") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if owner is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # keeps the owner when run by root; others cannot give files away
                os.chown(tmp, *owner)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise WriteError(f"cannot write the fixed file ({_reason(exc)}); the original is unchanged") from None
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows (best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
