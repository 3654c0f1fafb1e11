"""How many threads numpy's BLAS may use: one, for the pipeline's products, unless told otherwise.

The pipeline's matrix products are small (a sentence encoder's 384 tokens, a story window's term vectors). A second
OpenBLAS thread makes them at most a third faster on an idle machine, and several times slower when the other core
is busy (the model worker, another job): OpenBLAS threads spin and wait for each other at every product. So an
ingest run keeps numpy's BLAS on one thread (:func:`blas_threads`), and so does the model worker's process.

numpy's wheels bundle OpenBLAS in ``numpy.libs``; its thread count is read and set through the library's own
functions (``threadpoolctl`` does the same, and is not a dependency). With another BLAS, this changes nothing.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np


@contextmanager
def blas_threads(threads: int) -> Iterator[None]:
    """numpy's BLAS uses at most ``threads`` threads inside the block (a no-op where numpy's BLAS is not the
    OpenBLAS its wheels bundle, whose thread count can be read and set)."""
    control = openblas_threads()
    before = control.get() if control is not None else threads
    if control is None or before == threads:
        yield
        return
    control.set(threads)
    try:
        yield
    finally:
        control.set(before)


@dataclass(frozen=True)
class ThreadControl:
    """Read and set the thread count of one BLAS library."""

    get: Callable[[], int]
    set: Callable[[int], None]


@lru_cache(maxsize=1)
def openblas_threads() -> ThreadControl | None:
    """The thread-count getter and setter of the OpenBLAS in numpy's wheel (``numpy.libs``), or ``None``."""
    libraries = Path(np.__file__).resolve().parent.parent / "numpy.libs"
    for path in sorted(libraries.glob("lib*openblas*.so*")):
        try:
            library = ctypes.CDLL(str(path))  # already loaded by numpy: this finds the same copy
        except OSError:
            continue
        for prefix in ("scipy_openblas", "openblas"):
            for suffix in ("64_", "", "_64"):
                get = getattr(library, f"{prefix}_get_num_threads{suffix}", None)
                set_ = getattr(library, f"{prefix}_set_num_threads{suffix}", None)
                if get is not None and set_ is not None:
                    get.restype, get.argtypes = ctypes.c_int, []
                    set_.restype, set_.argtypes = None, [ctypes.c_int]
                    return ThreadControl(get, set_)
    return None
