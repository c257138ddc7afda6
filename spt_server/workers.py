"""The threads that run the syncs' blocking work for the event loop (``app.Server``'s
``threads``; issue 18)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any


def _settle(fut: asyncio.Future[Any], result: Any, exc: BaseException | None) -> None:
    if fut.done():  # cancelled meanwhile (the client left)
        return
    if exc is None:
        fut.set_result(result)
    else:
        fut.set_exception(exc)


def _called(done: Callable[[Any, BaseException | None], None], result: Any, exc: Any) -> None:
    done(result, exc)


# A queued call: when it was queued, the loop that awaits it, how its end is told there
# (``_settle`` a future, ``_called`` a callback) and to what, the function and its args.
_Call = tuple[float, Any, Any, Any, Any, tuple[Any, ...]]


class Workers:
    """At most ``n`` threads (started as work comes) that run the syncs' blocking work
    for the event loop: queues of calls, each answered on the loop by one
    ``call_soon_threadsafe``. ``run_in_executor`` on a ThreadPoolExecutor made a
    ``concurrent.futures.Future`` per call (a Condition), chained it to an asyncio
    future through callbacks on both sides, and took the executor's semaphore: about a
    twentieth of a worker's GIL time at 200 devices (py-spy; issue 18).

    Two lanes. ``run`` is the short lane (a sync with nothing to send: a few ms in a
    thread), ``run_long`` the long one (a push: it holds its thread ~20 times longer,
    mostly waiting for its statements). A free thread takes the call that has waited
    longest, a short call counted as if it had come ``credit`` seconds earlier than it
    did: a short call goes before the long calls that came less than ``credit`` before
    it, so it no longer waits in line behind a tenth of the syncs that hold the threads
    for most of their time; a long call waits at most ``credit`` longer than in one
    line (it is not starved: no short call that came ``credit`` after it goes first).
    ``credit`` 0 is one line (first come, first served). At most ``long_max`` long
    calls run at once (the rest of the threads are the short lane's alone)."""

    def __init__(
        self, n: int, name: str, *, credit: float = 0.0, long_max: int | None = None
    ) -> None:
        self.n = n
        self.name = name
        self.credit = credit
        self.long_max = n if long_max is None else max(1, min(n, long_max))
        # (when queued, loop, settle, future or callback, fn, args), first come first
        self.short: deque[_Call] = deque()
        self.long: deque[_Call] = deque()
        self.threads: list[threading.Thread] = []
        self.lock = threading.Lock()
        # A waiting thread sleeps in the C of ``SimpleQueue.get`` until a call puts a
        # token for it: a ``threading.Condition`` (Python: a new lock a wait, a list of
        # waiters) cost ~30 us more a call when the threads wait for work (10 devices:
        # a tenth of an idle sync's CPU; round 10, lead).
        self.wake: queue.SimpleQueue[None] = queue.SimpleQueue()
        self.idle = 0  # threads waiting for a call (not yet woken for one)
        self.running_long = 0
        self.closed = False
        self.clock = time.monotonic  # when a call is queued (a test sets its own)

    def run(self, fn: Any, *args: Any) -> asyncio.Future[Any]:
        """``fn(*args)`` in one of the threads, in the short lane: its result (or its
        exception) awaited on the running loop."""
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        self._queue(self.short, loop, _settle, fut, fn, args)
        return fut

    def run_long(self, fn: Any, *args: Any) -> asyncio.Future[Any]:
        """As ``run``, in the long lane (a call that holds its thread long)."""
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        self._queue(self.long, loop, _settle, fut, fn, args)
        return fut

    def call(
        self,
        loop: asyncio.AbstractEventLoop,
        long: bool,
        done: Callable[[Any, BaseException | None], None],
        fn: Any,
        *args: Any,
    ) -> None:
        """``fn(*args)`` in one of the threads (the long lane if ``long``), then
        ``done(result, None)`` or ``done(None, exception)`` called on ``loop``: a call
        without a future to await (the HTTP protocol's own sync path, ``onewrite``)."""
        self._queue(self.long if long else self.short, loop, _called, done, fn, args)

    def _queue(
        self,
        lane: deque[_Call],
        loop: Any,
        settle: Any,
        target: Any,
        fn: Any,
        args: tuple[Any, ...],
    ) -> None:
        if self.closed:
            raise RuntimeError("workers shut down")
        with self.lock:
            lane.append((self.clock(), loop, settle, target, fn, args))
            if self.idle:
                self.idle -= 1  # woken for this call (a second call wakes another)
                self.wake.put(None)
            elif len(self.threads) < self.n:  # one more thread while none waits, up to n
                t = threading.Thread(
                    target=self._work, name=f"{self.name}_{len(self.threads)}", daemon=True
                )
                self.threads.append(t)
                t.start()

    def _next(self) -> tuple[bool, _Call] | None:
        """The call a free thread takes (under the lock), and whether it is a long one."""
        long, short = self.long, self.short
        if (
            long
            and self.running_long < self.long_max
            and (not short or long[0][0] <= short[0][0] - self.credit)
        ):
            self.running_long += 1
            return True, long.popleft()
        if short:
            return False, short.popleft()
        return None

    def _work(self) -> None:
        with self.lock:
            while True:
                picked = self._next()
                if picked is None:
                    if self.closed:
                        return
                    self.idle += 1
                    self.lock.release()
                    try:
                        self.wake.get()
                    finally:
                        self.lock.acquire()
                    continue
                is_long, (_when, loop, settle, target, fn, args) = picked
                self.lock.release()
                try:
                    try:
                        result, exc = fn(*args), None
                    except BaseException as e:  # to the awaiting request, as an executor does
                        result, exc = None, e
                    with contextlib.suppress(RuntimeError):  # the loop closed: nobody waits
                        loop.call_soon_threadsafe(settle, target, result, exc)
                    del result, exc, target, fn, args, picked
                finally:
                    self.lock.acquire()
                if is_long:
                    self.running_long -= 1

    def shutdown(self, wait: bool = False) -> None:
        """The threads end once the calls queued before are done (``wait``: joined)."""
        with self.lock:
            self.closed = True
            for _ in range(self.idle):
                self.wake.put(None)
            self.idle = 0
        if wait:
            for t in self.threads:
                t.join()


# The sync threads' lanes (``Workers``), from the environment for a deployment's own
# measurements: how many seconds earlier a short call (a sync with nothing to send) is
# counted as having come, and how many threads at most run long calls (pushes) at once
# (default: all). bench/SERVER.md, round 10.
CREDIT_ENV = "SPT_SYNC_SHORT_CREDIT_MS"
LONG_MAX_ENV = "SPT_SYNC_PUSH_THREADS"
CREDIT = 0.2  # seconds


def lanes_from_env(n: int) -> tuple[float, int | None]:
    """(credit in seconds, long_max) for ``n`` threads: the environment's, else the
    defaults (CREDIT; no cap)."""
    credit, long_max = CREDIT, None
    with contextlib.suppress(ValueError):
        credit = max(0.0, float(os.environ.get(CREDIT_ENV, CREDIT * 1000)) / 1000)
    with contextlib.suppress(ValueError):
        if os.environ.get(LONG_MAX_ENV):
            long_max = max(1, min(n, int(os.environ[LONG_MAX_ENV])))
    return credit, long_max
