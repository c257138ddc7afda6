"""The cyclic garbage collector paused around work that makes many objects and no
cycles (standard library only: the core and the window both use it).

A collection that starts in the middle of such work walks every object made so far,
holding the GIL for tens of ms; the objects are freed by reference counting anyway.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic collection inside the block (as it was after it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
