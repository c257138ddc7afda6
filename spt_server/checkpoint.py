"""A SQLite server's WAL checkpointed by a thread of its own, not by the requests.

A checkpoint copies the WAL's pages into the database file and waits for two fdatasyncs
(the WAL, then the database). Run by SQLite's autocheckpoint it runs in the request whose
commit took the WAL past ``db.SQLITE_WAL_PAGES``, after that commit and before its answer:
a 10k first push's five such commits took 0.08-0.19 s each, the others 0.02-0.03 s, while
the laptop waited for the answer (issue 13, round 17, helper "ckpt17"; bench/SYNC.md).
Here a thread of the process, woken after requests, runs ``PRAGMA
wal_checkpoint(PASSIVE)`` on a connection of its own while the requests go on (the
sqlite3 module releases the GIL while it runs): it never blocks a writer or a reader, it
copies the frames that no reader still needs.

The bound stays SQLite's own: the request connections keep ``wal_autocheckpoint`` at
``SQLITE_WAL_PAGES``. The WAL starts again from its beginning only when a write begins
with every frame checkpointed; while commits follow each other a checkpoint running
beside them may seldom finish between two, and the WAL would grow. Past the bound the
committing request's autocheckpoint then copies what this thread had not copied yet (a
commit or two) and the next write starts the WAL again, as before. So the WAL is bounded
whether this thread runs or not (the command line's engines, a thread that failed), and
several server processes on one file are safe: SQLite runs one checkpoint at a time, the
other's PASSIVE returns busy and copies nothing.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import struct
import threading
import time

log = logging.getLogger(__name__)

# The WAL's frames from its beginning at which the thread starts to checkpoint it. Each
# time a checkpoint has copied every frame between two commits, the next commit starts
# the WAL again from its beginning and syncs its header first: one fdatasync more in
# that request (3-8 ms on the bench machine, as much as a commit's own). Checkpointed
# after every commit, a 10k first push's WAL started again ~100 times; from this many
# frames on, once per this many at most.
START_AT = 4000

# Seconds between two wakes of the thread at least. A wake costs the process ~30 us of
# CPU (the thread woken, the GIL handed over and back: a loop of pokes, each after the
# thread went back to its wait, 17 -> 47 us a round): an eighth of a SQLite idle sync's
# (~0.24 ms, bench/SERVER.md) if every request woke it; a first push commits every
# ~45 ms. A poke inside this time is dropped: the next one reads the WAL as it is then.
PACE = 0.02

# Seconds without a request after which the thread ends (its connection closed); the
# next request starts it again. A server at rest holds no thread and no file for it.
IDLE = 30.0


class Checkpointer:
    """The checkpoint thread of one SQLite database file in this process."""

    def __init__(
        self,
        path: str,
        bound: int,
        synchronous: str,
        *,
        start_at: int | None = None,
        idle: float = IDLE,
    ) -> None:
        self.path = path
        # As the requests' connections: a checkpoint syncs the database before the WAL
        # may start again over the frames it copied (OFF would skip that sync).
        self.synchronous = synchronous
        # The requests' autocheckpoint (``wal_autocheckpoint``): past it this thread
        # starts none, so that the committing request's is never turned away busy by
        # one of this thread's (it would be, again and again, if these took longer than
        # a request) and the WAL starts again from its beginning at the next write.
        self.bound = bound
        self.start_at = min(START_AT if start_at is None else start_at, bound)
        self.idle = idle
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._halt = threading.Event()
        self._thread: threading.Thread | None = None
        self._next = 0.0  # monotonic: no wake before
        # What the last checkpoint said: (busy, frames in the WAL, frames checkpointed).
        self.last: tuple[int, int, int] | None = None
        self.runs = 0  # checkpoints run
        self.started = 0  # threads started
        self.wakes = 0  # pokes not dropped

    def poke(self) -> None:
        """After a request's transaction: a checkpoint soon (the thread started if it
        is not running). Cheap: a clock read, at most every PACE an event set."""
        now = time.monotonic()
        if now < self._next:
            return
        self._next = now + PACE
        self.wakes += 1
        self._wake.set()
        thread = self._thread
        if thread is None or not thread.is_alive():  # not alive: a process forked after
            self._start()

    def _start(self) -> None:
        with self._lock:
            thread = self._thread
            if (thread is not None and thread.is_alive()) or self._halt.is_set():
                return
            thread = threading.Thread(target=self._run, name="spt-checkpoint", daemon=True)
            self._thread = thread
            self.started += 1
            thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """End the thread (its running checkpoint first: it is never cut off) and close
        its connection; a later ``poke`` starts it again."""
        with self._lock:
            thread = self._thread
            self._halt.set()
            self._wake.set()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        with self._lock:
            self._halt.clear()
            self._wake.clear()

    @property
    def running(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive()

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        shm = -1
        try:
            conn = self.connect()
            conn.execute("PRAGMA schema_version").fetchone()  # a read: the WAL index open
            shm = os.open(self.path + "-shm", os.O_RDONLY)
            while True:
                woken = self._wake.wait(self.idle)
                with self._lock:
                    if self._halt.is_set() or not (woken or self._wake.is_set()):
                        self._thread = None
                        return
                    self._wake.clear()
                frames, done = _wal_state(shm)
                if self.start_at <= frames < self.bound and done < frames:
                    self._checkpoint(conn)
        except (sqlite3.Error, OSError) as e:
            # No SQL, no values in it: SQLite's error class and code only.
            log.warning("WAL-checkpointthread gestopt: %s", type(e).__name__)
        finally:
            if shm >= 0:
                os.close(shm)
            if conn is not None:
                conn.close()
            with self._lock:
                if self._thread is threading.current_thread():
                    self._thread = None

    def connect(self) -> sqlite3.Connection:
        """The thread's connection: no busy wait (PASSIVE never waits; a busy one is
        tried again at the next poke), commits never (it writes nothing)."""
        conn = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        conn.execute(f"PRAGMA synchronous = {self.synchronous}")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        return conn

    def _checkpoint(self, conn: sqlite3.Connection) -> None:
        try:
            row = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.OperationalError:  # busy or locked: the next poke tries again
            return
        self.last = (int(row[0]), int(row[1]), int(row[2]))
        self.runs += 1


# The WAL index (the ``-shm`` file; sqlite.org/walformat.html): its header's frame count
# (``mxFrame``, the frames of the WAL from its beginning) at byte 16, the checkpoint's
# ``nBackfill`` (the frames of those copied into the database) at byte 96, both 32-bit
# integers in the machine's order. Read without SQLite's locks: a value a commit is
# changing at that moment only moves one checkpoint by a commit.
_MX_FRAME = struct.Struct("=I")


def _wal_state(shm: int) -> tuple[int, int]:
    """(frames in the WAL, frames of them checkpointed)."""
    head = os.pread(shm, 100, 0)
    if len(head) < 100:
        return 0, 0
    return _MX_FRAME.unpack_from(head, 16)[0], _MX_FRAME.unpack_from(head, 96)[0]
