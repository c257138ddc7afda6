"""The threads that run the syncs' blocking work for the event loop (``app.Server``'s
``threads``; issue 18)."""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from typing import Any


def _settle(fut: asyncio.Future[Any], result: Any, exc: BaseException | None) -> None:
    if fut.done():  # cancelled meanwhile (the client left)
        return
    if exc is None:
        fut.set_result(result)
    else:
        fut.set_exception(exc)


class Workers:
    """At most ``n`` threads (started as work comes) that run the syncs' blocking work
    for the event loop: a queue of calls, each answered on the loop by one
    ``call_soon_threadsafe``. ``run_in_executor`` on a ThreadPoolExecutor made a
    ``concurrent.futures.Future`` per call (a Condition), chained it to an asyncio
    future through callbacks on both sides, and took the executor's semaphore: about a
    twentieth of a worker's GIL time at 200 devices (py-spy; issue 18)."""

    def __init__(self, n: int, name: str) -> None:
        self.n = n
        self.name = name
        self.calls: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.threads: list[threading.Thread] = []
        self.idle = 0
        self.lock = threading.Lock()
        self.closed = False

    def run(self, fn: Any, *args: Any) -> asyncio.Future[Any]:
        """``fn(*args)`` in one of the threads: its result (or its exception) awaited on
        the running loop."""
        if self.closed:
            raise RuntimeError("workers shut down")
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        self.calls.put((loop, fut, fn, args))
        if self.idle == 0 and len(self.threads) < self.n:
            with self.lock:  # one more thread while none waits for work, up to n
                if self.idle == 0 and len(self.threads) < self.n:
                    t = threading.Thread(
                        target=self._work, name=f"{self.name}_{len(self.threads)}", daemon=True
                    )
                    self.threads.append(t)
                    t.start()
        return fut

    def _work(self) -> None:
        while True:
            with self.lock:
                self.idle += 1
            call = self.calls.get()
            with self.lock:
                self.idle -= 1
            if call is None:
                return
            loop, fut, fn, args = call
            try:
                result, exc = fn(*args), None
            except BaseException as e:  # handed to the awaiting request, as an executor does
                result, exc = None, e
            with contextlib.suppress(RuntimeError):  # the loop closed: nobody waits
                loop.call_soon_threadsafe(_settle, fut, result, exc)

    def shutdown(self, wait: bool = False) -> None:
        """The threads end once the calls queued before are done (``wait``: joined)."""
        self.closed = True
        for _ in self.threads:
            self.calls.put(None)
        if wait:
            for t in self.threads:
                t.join()
