"""The one way a slot starts work, typed as Anki's ``QueryOp``/``CollectionOp`` are:
``Ops.read(fn)`` takes ``fn: Callable[[Services], T]`` and gives an ``Op[T]`` whose
success callback gets that ``T`` (a DTO of services.dto), on the UI thread.

    ops.write(lambda svc: svc.visits.log(cid, values))
       .success(self._saved).failure(self._form.show_validation).run()

Every vault call runs on ONE worker thread (SQLCipher pays key derivation per new
connection, and one thread keeps the order of writes obvious). Work that does not touch
the vault (PDF rendering, CSV files, the requests of a sync) runs on a second pool
(``Ops.work``), so printing or a slow server never holds up a search, nor a search them.

No widget is touched inside an op. Every exception goes to one error presenter unless a
``failure`` callback says it handled it (forms show ValidationError at the fields).
A write says what it changed (the use case's ``Changes``, read from what it wrote):
``Ops.changed`` tells the pages, which refresh themselves.

``Op.newest(key)``: of the ops with that key, only the newest counts. One runs at a
time; one started meanwhile waits and replaces any other waiting, an op made stale
before it started is skipped on the worker, and the result of a stale one is dropped.
Search-as-you-type and period pickers use it instead of a debounce.
"""

from __future__ import annotations

import gc
import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from spt_desktop.errors import Code, SptError, code_of
from spt_desktop.gc_pause import gc_paused, not_the_vault_thread
from spt_desktop.services import Services
from spt_desktop.services.changes import EVERYTHING, Changed, Changes
from spt_desktop.services.desk import save_form
from spt_desktop.services.session import VaultSession
from spt_desktop.ui import messages

log = logging.getLogger(__name__)

T = TypeVar("T")
# How many threads work without the vault: a CSV file need not wait for a PDF.
FREE_THREADS = 2


class _Stale:
    """What a job returns when a newer op of its key made it moot before it ran."""


STALE = _Stale()


class _Relay(QObject):
    """Lives on the UI thread; the worker emits, Qt queues the call back to the UI."""

    finished = Signal(int, bool, object)  # op id, ok, result or exception


class _Job(QRunnable):
    def __init__(self, op_id: int, fn: Callable[[], object], relay: _Relay) -> None:
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


class Op(Generic[T]):
    """One piece of background work; build it, add callbacks, ``run()`` it."""

    def __init__(
        self,
        ops: Ops,
        fn: Callable[[], T | Changed[T]],
        *,
        vault: bool = True,
        changes: Changes | None = None,
    ) -> None:
        self._ops, self._fn, self._vault, self._changes = ops, fn, vault, changes
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], bool] | None = None
        self._owner: QObject | None = None
        self._key: str | None = None
        self._generation = 0
        self._confirmation = ""

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], bool]) -> Op[T]:
        """``callback`` returns True when it showed the error itself."""
        self._on_failure = callback
        return self

    def owned_by(self, owner: QObject) -> Op[T]:
        """Skip the callbacks when ``owner`` is gone by the time the result arrives."""
        self._owner = owner
        return self

    def confirm(self, text: str) -> Op[T]:
        """On success, confirm ``text`` to the coach ("Bezoek vastgelegd."): a short line
        that fades, shown even when the dialog that asked has closed meanwhile."""
        self._confirmation = text
        return self

    def newest(self, key: str) -> Op[T]:
        """Newest query wins: of the ops with ``key``, only the last one run counts."""
        self._key = key
        return self

    def run(self) -> None:
        self._ops._start(self)


class Ops(QObject):
    """The background-op helper of one window."""

    changed = Signal(object)  # Changes
    busy_changed = Signal(bool)
    error = Signal(str)  # a Dutch message for the window's message bar
    confirmed = Signal(str)  # a short confirmation of what was done (fades)

    def __init__(self, session: VaultSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the one thread: same thread, same connection
        self._free = QThreadPool(self)  # work that never touches the vault
        self._free.setMaxThreadCount(FREE_THREADS)
        self._vault_thread: int | None = None
        self._relay = _Relay()
        self._relay.finished.connect(self._finished)
        self._ids = itertools.count(1)
        self.started = 0  # ops handed to a worker so far (newest-wins leaves some out)
        self._running: dict[int, Op[Any]] = {}
        self._generations: dict[str, int] = {}  # newest generation by key
        self._flying: set[str] = set()  # keys with an op on a worker
        self._waiting: dict[str, Op[Any]] = {}  # the newest op waiting, by key

    # --- building ops --------------------------------------------------------------

    def read(self, fn: Callable[[Services], T]) -> Op[T]:
        """A query: ``fn(services)``."""
        return Op(self, lambda: fn(self.session.services))

    def write(self, fn: Callable[[Services], T], *, drop_draft: str | None = None) -> Op[T]:
        """A use case that changes data: ``fn(services)``; announces what it changed.
        With ``drop_draft``, the form's kept draft is dropped once it is saved."""
        if drop_draft is not None:
            form_id = drop_draft
            return Op(self, lambda: save_form(self.session, form_id, fn))
        return Op(self, lambda: self.session.services.changing(fn))

    def vault(self, fn: Callable[[VaultSession], T], changes: Changes | None = None) -> Op[T]:
        """Life-cycle work on the session itself (unlock, lock, drafts, settings, sync),
        which says what it changed with ``changes``."""
        return Op(self, lambda: fn(self.session), changes=changes)

    def work(self, fn: Callable[[], T]) -> Op[T]:
        """Work without the vault (render a PDF, write a file): on the second pool, so it
        neither waits for the vault worker nor holds it up. ``fn`` must not use the
        services or the session."""
        return Op(self, fn, vault=False)

    @property
    def pending(self) -> int:
        return len(self._running)

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Block until the workers are idle (shutdown and benchmarks only)."""
        return self._pool.waitForDone(msecs) and self._free.waitForDone(msecs)

    # --- running -------------------------------------------------------------------

    def _start(self, op: Op[T]) -> None:
        key = op._key
        if key is not None:
            op._generation = self._generations[key] = self._generations.get(key, 0) + 1
            if key in self._flying:
                self._waiting[key] = op
                return
            self._flying.add(key)
        op_id = next(self._ids)
        self.started += 1
        self._running[op_id] = op
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        if op._vault:
            self._pool.start(_Job(op_id, lambda: self._on_vault_thread(op), self._relay))
        else:
            self._free.start(_Job(op_id, lambda: self._off_vault_thread(op), self._relay))

    def _stale(self, op: Op[T]) -> bool:
        return op._key is not None and self._generations.get(op._key) != op._generation

    def _on_vault_thread(self, op: Op[T]) -> object:
        me = threading.get_ident()
        if self._vault_thread is None:
            self._vault_thread = me
        assert me == self._vault_thread, "the vault is used from one thread only"
        return STALE if self._stale(op) else op._fn()

    def _off_vault_thread(self, op: Op[T]) -> object:
        with not_the_vault_thread():
            return STALE if self._stale(op) else op._fn()

    def _finished(self, op_id: int, ok: bool, payload: object) -> None:
        op = self._running.pop(op_id)
        if op._key is not None:
            self._flying.discard(op._key)
            waiting = self._waiting.pop(op._key, None)
            if waiting is not None:
                self._start(waiting)
        if not self._running:
            self.busy_changed.emit(False)
        changes = op._changes
        if ok and isinstance(payload, Changed):
            changes, payload = payload.changes, payload.value
        if ok and changes is not None and changes.any:
            self.changed.emit(changes)
        if payload is STALE or self._stale(op):
            return  # a newer op of its key is what the page waits for
        alive = op._owner is None or shiboken6.isValid(op._owner)
        if ok:
            if op._confirmation:
                self.confirmed.emit(op._confirmation)
            if alive and op._on_success is not None:
                op._on_success(payload)
            return
        exc = payload if isinstance(payload, BaseException) else RuntimeError(str(payload))
        if alive and op._on_failure is not None and op._on_failure(exc):
            return
        self.present(exc)

    def present(self, exc: BaseException) -> None:
        """The one error presenter: a sentence for the message bar."""
        if code_of(exc) is Code.VAULT_LOCKED:
            return  # a result that arrived after locking: nothing to say
        self.error.emit(describe(exc))


def without_gc_pauses(fn: Callable[[], T]) -> T:
    """Run ``fn`` (on the vault worker) with the cyclic garbage collector paused, then
    collect the young generation once. A long job such as a sync allocates enough to
    trigger full collections, each holding the GIL for tens of ms while walking every
    object: the window stalls meanwhile. Its garbage is freed by reference counting
    anyway; the few cycles it leaves are collected right after, when they are few."""
    try:
        with gc_paused():
            return fn()
    finally:
        gc.collect(0)


def describe(exc: BaseException) -> str:
    """What to tell the coach: our own errors carry a code the UI's presenter words
    (``ui/messages.py``, in the UI's language); anything else is a bug, logged without
    its message (it might quote personal data)."""
    if isinstance(exc, SptError):
        return messages.text(exc)
    log.error(
        "onverwachte fout %s\n%s",
        type(exc).__name__,
        "".join(traceback.format_tb(exc.__traceback__)),
    )
    return messages.unexpected()


__all__ = ["EVERYTHING", "STALE", "Changes", "Op", "Ops", "describe", "without_gc_pauses"]
