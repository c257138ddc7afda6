"""A serving process settles its heap (``app.settle_heap``, issue 18): what it made to
start is frozen out of the cyclic collector's reach, and the youngest generation is
collected at ``GC_YOUNG``, not CPython's 700 (at 200 devices the default collected ~23
times a second, holding the GIL each time: bench/SERVER.md, round 9)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from spt_server import app


@pytest.fixture
def gc_state() -> Iterator[None]:
    threshold = gc.get_threshold()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


@pytest.mark.usefixtures("gc_state")
def test_settle_heap_freezes_the_start_and_collects_the_young_less_often() -> None:
    before = gc.get_threshold()
    app.settle_heap()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == (app.GC_YOUNG, *before[1:])
    assert app.GC_YOUNG > 700  # CPython's default
