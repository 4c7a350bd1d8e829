"""Where corpus work runs: this process, worker processes, or a Dask cluster.

All three have one method, :meth:`Executor.map`: call ``fn(shared, item)`` for each
item and return the results in the order of the items. ``shared`` is data every call
needs (the texts of the corpus, say); it is sent to each worker once, not with every
item. Results never depend on which executor ran them: a corpus pass must make each
call's result a function of its arguments alone.

Dask is imported only when a scheduler is named (``--scheduler`` or the standard
``DASK_SCHEDULER_ADDRESS`` environment variable), from the ``reportlint[dask]`` extra.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Data shared with the calls of the current map, in a worker process (set by the
# pool's initializer, once per worker).
_SHARED: list[Any] = [None]


class ExecutorError(RuntimeError):
    """The work could not be run (no cluster at that address, a worker died); one line."""


class Executor:
    """Runs calls in this process, one after the other."""

    name = "local"

    @property
    def workers(self) -> int:
        return 1

    def map(self, fn: Callable[[Any, T], R], items: Sequence[T], shared: Any = None) -> list[R]:
        return [fn(shared, item) for item in items]

    def close(self) -> None:
        """Release workers; the executor can no longer be used."""


def _init_worker(shared: Any) -> None:
    _SHARED[0] = shared


def _call(fn: Callable[[Any, Any], Any], item: Any) -> Any:
    return fn(_SHARED[0], item)


class ProcessExecutor(Executor):
    """Runs calls in a pool of worker processes (a new pool per map, seeded with ``shared``)."""

    name = "local"

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)

    @property
    def workers(self) -> int:
        return self.jobs

    def map(self, fn: Callable[[Any, T], R], items: Sequence[T], shared: Any = None) -> list[R]:
        if self.jobs <= 1 or len(items) <= 1:
            return super().map(fn, items, shared)
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        try:
            with ProcessPoolExecutor(max_workers=min(self.jobs, len(items)), initializer=_init_worker,
                                     initargs=(shared,)) as pool:
                # A few chunks per worker: fewer round trips, the cores still busy to the end.
                chunk = max(1, len(items) // (4 * self.jobs))
                return list(pool.map(_call, [fn] * len(items), items, chunksize=chunk))
        except BrokenProcessPool:
            raise ExecutorError("a worker process died (out of memory?); try --jobs 1") from None


class DaskExecutor(Executor):
    """Runs calls on the Dask cluster whose scheduler is at ``address``."""

    name = "dask"

    def __init__(self, address: str) -> None:
        import importlib

        try:
            distributed: Any = importlib.import_module("distributed")
        except ImportError:
            raise ExecutorError('a Dask scheduler was named but Dask is not installed '
                                '(pip install "reportlint[dask]")') from None
        try:
            self.client: Any = distributed.Client(address, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise ExecutorError(f"cannot reach the Dask scheduler at {address} ({exc})") from None

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def map(self, fn: Callable[[Any, T], R], items: Sequence[T], shared: Any = None) -> list[R]:
        if not items:
            return []
        handle = self.client.scatter(shared, broadcast=True, hash=False) if shared is not None else None
        futures = self.client.map(_dask_call, [fn] * len(items), items, shared=handle, pure=False)
        try:
            return list(self.client.gather(futures))
        finally:
            self.client.cancel([*futures, *([handle] if handle is not None else [])])

    def close(self) -> None:
        self.client.close()


def _dask_call(fn: Callable[[Any, Any], Any], item: Any, shared: Any = None) -> Any:
    return fn(shared, item)


def make_executor(scheduler: str | None, jobs: int | None) -> Executor:
    """The executor a command line asks for: Dask when a scheduler is named (or set in
    ``DASK_SCHEDULER_ADDRESS``), else worker processes (``jobs``; None: one per core)."""
    address = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS")
    if address:
        return DaskExecutor(address)
    if jobs is None:
        from ..runner import default_jobs

        jobs = default_jobs()
    return ProcessExecutor(jobs)
