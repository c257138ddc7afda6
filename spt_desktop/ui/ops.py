"""The one way a slot starts work: every vault, network and PDF call runs on ONE worker
thread (SQLCipher pays key derivation per new connection, and one thread keeps the order
of writes obvious); results come back to the UI thread through a signal.

    ops.write(lambda svc: svc.visits.log(cid, values), Changes(visits=True))
       .success(self._saved).failure(self._form.show_validation).run()

No widget is touched inside an op. Every exception goes to one error presenter unless a
``failure`` callback says it handled it (forms show ValidationError at the fields).
Writes announce what they changed (``Ops.changed``) and pages refresh themselves.
"""

from __future__ import annotations

import gc
import itertools
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from spt_desktop.gc_pause import gc_paused
from spt_desktop.services.errors import ValidationError
from spt_desktop.services.session import VaultSession

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Changes:
    """What a write changed, so only the pages that show it refresh (Anki's OpChanges)."""

    candidates: bool = False
    dossier: bool = False  # intake, plan, journey, activities, matches of a candidate
    visits: bool = False
    handovers: bool = False
    employers: bool = False
    sync: bool = False  # outbox, conflicts, last sync
    settings: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name)
                          for f in fields(self)})  # fmt: skip

    @property
    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


EVERYTHING = Changes(**{f.name: True for f in fields(Changes)})


class _Relay(QObject):
    """Lives on the UI thread; the worker emits, Qt queues the call back to the UI."""

    finished = Signal(int, bool, object)  # op id, ok, result or exception


class _Job(QRunnable):
    def __init__(self, op_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.op_id, self.fn, self.relay = op_id, fn, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # every failure must reach the UI, not a log line
            self.relay.finished.emit(self.op_id, False, exc)
        else:
            self.relay.finished.emit(self.op_id, True, result)


class Op:
    """One piece of background work; build it, add callbacks, ``run()`` it."""

    def __init__(self, ops: Ops, fn: Callable[[], Any], changes: Changes | None) -> None:
        self._ops, self._fn, self._changes = ops, fn, changes
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], bool] | None = None
        self._owner: QObject | None = None

    def success(self, callback: Callable[[Any], None]) -> Op:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], bool]) -> Op:
        """``callback`` returns True when it showed the error itself."""
        self._on_failure = callback
        return self

    def owned_by(self, owner: QObject) -> Op:
        """Skip the callbacks when ``owner`` is gone by the time the result arrives."""
        self._owner = owner
        return self

    def run(self) -> None:
        self._ops._start(self)


class Ops(QObject):
    """The background-op helper of one window."""

    changed = Signal(object)  # Changes
    busy_changed = Signal(bool)
    error = Signal(str)  # a Dutch message for the window's message bar

    def __init__(self, session: VaultSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the one thread: same thread, same connection
        self._relay = _Relay()
        self._relay.finished.connect(self._finished)
        self._ids = itertools.count(1)
        self._running: dict[int, Op] = {}

    # --- building ops --------------------------------------------------------------

    def read(self, fn: Callable[[Any], Any]) -> Op:
        """A query: ``fn(services)``."""
        return Op(self, lambda: fn(self.session.services), None)

    def write(self, fn: Callable[[Any], Any], changes: Changes) -> Op:
        """A use case that changes data: ``fn(services)``; announces ``changes``."""
        return Op(self, lambda: fn(self.session.services), changes)

    def vault(self, fn: Callable[[VaultSession], Any], changes: Changes | None = None) -> Op:
        """Life-cycle work on the session itself (unlock, lock, drafts, sync)."""
        return Op(self, lambda: fn(self.session), changes)

    @property
    def pending(self) -> int:
        return len(self._running)

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Block until the worker is idle (shutdown and benchmarks only)."""
        return self._pool.waitForDone(msecs)

    # --- running -------------------------------------------------------------------

    def _start(self, op: Op) -> None:
        op_id = next(self._ids)
        self._running[op_id] = op
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(op_id, op._fn, self._relay))

    def _finished(self, op_id: int, ok: bool, payload: object) -> None:
        op = self._running.pop(op_id)
        if not self._running:
            self.busy_changed.emit(False)
        alive = op._owner is None or shiboken6.isValid(op._owner)
        if ok:
            if op._changes is not None and op._changes.any:
                self.changed.emit(op._changes)
            if alive and op._on_success is not None:
                op._on_success(payload)
            return
        exc = payload if isinstance(payload, BaseException) else RuntimeError(str(payload))
        if alive and op._on_failure is not None and op._on_failure(exc):
            return
        self.present(exc)

    def present(self, exc: BaseException) -> None:
        """The one error presenter: a Dutch sentence for the message bar."""
        if type(exc).__name__ == "VaultLocked":
            return  # a result that arrived after locking: nothing to say
        self.error.emit(describe(exc))


def without_gc_pauses(fn: Callable[[], Any]) -> Any:
    """Run ``fn`` (on the worker) with the cyclic garbage collector paused, then collect
    the young generation once. A long job such as a sync allocates enough to trigger
    full collections, each holding the GIL for tens of ms while walking every object:
    the window stalls meanwhile. Its garbage is freed by reference counting anyway; the
    few cycles it leaves are collected right after, when they are few."""
    try:
        with gc_paused():
            return fn()
    finally:
        gc.collect(0)


def describe(exc: BaseException) -> str:
    """What to tell the coach. Our own errors carry a Dutch message; anything else is a
    bug, logged without its message (it might quote personal data)."""
    message = getattr(exc, "message", None)
    if isinstance(exc, ValidationError):
        return message or "Controleer de invoer."
    if isinstance(message, str) and message:
        return message
    log.error(
        "onverwachte fout %s\n%s",
        type(exc).__name__,
        "".join(traceback.format_tb(exc.__traceback__)),
    )
    return (
        "Er ging iets onverwachts mis. Uw ingevoerde gegevens zijn bewaard; probeer het "
        "opnieuw of start de app opnieuw. Blijft het gebeuren, meld het bij de beheerder."
    )
