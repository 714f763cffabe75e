"""Worker processes for parsing and formatting, which never outlive the run that started them."""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

__all__ = ["parallel_map", "serial_or_parallel"]

T = TypeVar("T")
R = TypeVar("R")
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Linux: have the kernel send SIGTERM to this worker when the generator process dies."""
    name = ctypes.util.find_library("c")
    if name is not None:
        try:
            ctypes.CDLL(name, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def parallel_map(function: Callable[[T], R], items: list[T], jobs: int) -> Iterator[R]:
    """``map`` over worker processes, results in order."""
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    chunksize = max(1, len(items) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_die_with_parent) as pool:
        try:
            yield from pool.map(function, items, chunksize=chunksize)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
            raise


def serial_or_parallel(
    function: Callable[[T], R], items: Iterable[T], jobs: int, threshold: int
) -> Iterator[R]:
    """Run in this process below ``threshold`` items (starting workers costs more), else in workers."""
    items = list(items)
    if jobs <= 1 or len(items) < threshold:
        return map(function, items)
    return parallel_map(function, items, jobs)
