"""numpy's BLAS thread count: bounded inside the block, restored after it."""

from __future__ import annotations

from storyline.blas import blas_threads, openblas_threads


def test_blas_threads_holds_inside_the_block_and_restores_after() -> None:
    control = openblas_threads()
    if control is None:  # numpy built against another BLAS: nothing to bound
        with blas_threads(1):
            return
    before = control.get()
    with blas_threads(1):
        assert control.get() == 1
        with blas_threads(2):
            assert control.get() == 2
        assert control.get() == 1
    assert control.get() == before
