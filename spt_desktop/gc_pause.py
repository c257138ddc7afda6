"""The cyclic garbage collector paused around work that makes many objects and no
cycles (standard library only: the core and the window both use it).

A collection that starts in the middle of such work walks every object made so far,
holding the GIL for tens of ms; the objects are freed by reference counting anyway.

The collector is one switch for the whole process: a pause is only sound while one
thread at a time uses it. In the window that is the one vault thread (ui.ops); work that
does not touch the vault runs on other threads inside ``not_the_vault_thread()``, where a
pause is refused. Both rules are asserted, not hoped for.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holder: int | None = None  # the thread inside gc_paused(), if any
_local = threading.local()


@contextmanager
def not_the_vault_thread() -> Iterator[None]:
    """Marks work on a thread that must not pause the collector (the window's pool for
    work without the vault: PDF rendering, CSV files, the network)."""
    _local.refuse = True
    try:
        yield
    finally:
        _local.refuse = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic collection inside the block (as it was after it)."""
    global _holder
    me = threading.get_ident()
    assert not getattr(_local, "refuse", False), "gc_paused() off the vault thread"
    with _lock:
        assert _holder in (None, me), "gc_paused() on two threads at once"
        outer, _holder = _holder, me
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        with _lock:
            _holder = outer


@contextmanager
def paused_if_free() -> Iterator[bool]:
    """``gc_paused()`` when it may be had: on a thread that may pause, with no other
    thread inside a pause; otherwise the block runs as it is (the window's vault thread
    already pauses around its long jobs, and a pause is one per process). Yields whether
    this block paused. Taken under the lock, so two threads never both pause."""
    global _holder
    me = threading.get_ident()
    with _lock:
        free = _holder in (None, me) and not getattr(_local, "refuse", False)
        if free:
            outer, _holder = _holder, me
    if not free:
        yield False
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield True
    finally:
        if was_enabled:
            gc.enable()
        with _lock:
            _holder = outer
