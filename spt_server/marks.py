"""The watermarks and the auth epoch in memory (PostgreSQL; issue 18, round 11).

An idle sync of a device this process checked (``app._idle_answer``: nothing to send,
not due to be noted) asked PostgreSQL for two numbers at every request: the auth epoch
(the device check holds while it stays) and the newest of her three watermarks
(``store.marks_of``); "nothing new past your cursor" when the watermark is at or below
it. ``Marks`` keeps both for the whole process, fed by a poll (``poll``): every
watermark row past the previous poll's safe bound and the epoch, in one statement. An
idle sync is then answered from memory, without a statement, while the poll is fresh
(``FRESH``); the first sync to find it older polls, on the connection it would have used
for its own probe (one statement, in place of that probe), and the others go on
answering from the poll before meanwhile, up to ``LIVE`` old. No thread, no listener:
a process that receives no syncs polls nothing, and a poll that fails or stalls only
makes the syncs read the database as before.

Safe when stale: a cached watermark is never above the true one (only committed rows
are read), so a stale cache can only answer "nothing new" a little early, with the
device's cursor where it was: her next sync after the poll that sees the change
receives it. Rows are read past ``since``, the poll's bound of the pull
(``pull.safe_upto``, read in the same snapshot): every revision at or below it had
committed or never will, and a watermark row is written in the transaction that used
its revision, so every row at or below the bound was in that poll (a push that commits
later with lower revisions held a lease below the bound then). Pruned rows
(``store.prune_marks``) are below their key's newest: nothing is lost.

Revocation holds within ``FRESH`` (``LIVE`` at the worst, while another thread's poll
stalls): it moves the epoch, and a cache whose epoch is not the one the device was
checked at answers nothing. This process's own writes reach its caches at their commit
(``_committed``): a push's watermark rows as its statements returned them; any other
write that takes a revision or moves the epoch (an administrator's, a revocation:
``db.WROTE``) makes every cache of the database in this process poll again at the next
idle sync. What a device reads after a request of this process answered is never older
than that request."""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable, Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_server.db import WROTE
from spt_server.raw import On, Raw, numbered, run

# Seconds a poll answers idle syncs without another (a change of another process, or a
# revocation there, reaches this process's idle syncs within it).
FRESH = 0.05
# Seconds a poll still answers while another thread polls again (one poll at a time; the
# others do not wait for it). Older than this: read from the database as before.
LIVE = 1.0

# The epoch, the pull's safe bound (pull.safe_upto's statement) and every watermark row
# past the last bound, in one snapshot. A sequential scan of ``watermark`` (no index on
# ``rev`` alone): a row a key and its scope, pruned now and then (store.housekeep).
_POLL: Raw = numbered(
    "SELECT (SELECT value FROM counter WHERE name = 'auth') AS epoch, "
    "least((SELECT value FROM counter WHERE name = 'rev'), "
    "(SELECT min(first) FROM rev_lease WHERE pg_xact_status(CAST(CAST(xid AS text) AS xid8)) "
    "IN ('in progress', 'committed')) - 1) AS upto, w.keys, w.revs "
    "FROM (SELECT array_agg(key) AS keys, array_agg(rev) AS revs FROM watermark "
    "WHERE rev > %(since)s) w",
    {},
    prepare=True,
)


class Marks:
    """One process's watermarks (key -> newest revision) and auth epoch, as of its last
    poll (``poll``), for one database (``engine``'s)."""

    def __init__(self, engine: sa.Engine, clock: Callable[[], float] = time.monotonic) -> None:
        self.engine = engine
        self.clock = clock
        self.marks: dict[str, int] = {}
        self.epoch: int | None = None
        self.since = 0  # the last poll's bound: every row at or below it is in ``marks``
        self.fed = float("-inf")  # ``clock`` when the last good poll was sent
        self.writes = 0  # this process's writes committed (``wrote``)
        self._state = threading.Lock()
        self._polling = threading.Lock()
        with _ALL_LOCK:
            _ALL.add(self)

    def seen(
        self, keys: Iterable[str], epoch: int, cur_rev: int, within: float | None = None
    ) -> bool | None:
        """Whether a device checked at ``epoch`` with these watermark ``keys`` has nothing
        past ``cur_rev`` by the last poll: True (nothing new, the epoch where it was),
        False (her watermark is past it, or the epoch moved: the database answers), None
        (no poll in the last ``within`` seconds, ``FRESH`` by default: unknown; or
        ``LIVE`` while another thread polls: the caller is not to take a connection to
        wait for it)."""
        within = FRESH if within is None else within
        age = self.clock() - self.fed
        if age >= within and (age >= LIVE or not self._polling.locked()):
            return None
        return self.answer(self.epoch, keys, epoch, cur_rev)

    def answer(self, now: int | None, keys: Iterable[str], epoch: int, cur_rev: int) -> bool:
        """``seen``'s answer with the epoch ``now`` (a poll's)."""
        if now != epoch:
            return False
        marks = self.marks
        return max(marks.get(k, 0) for k in keys) <= cur_rev

    def poll(self, conn: On) -> int | None:
        """Read what changed since the last poll on ``conn`` (a pooled psycopg connection
        in autocommit), unless another thread is polling (None: not waited for); the
        epoch it read. The sync that polled may answer by it (``answer``) even if a write
        of this process committed meanwhile (the two were at once: either order is
        right); the cache then stays stale for the syncs after it."""
        if not self._polling.acquire(blocking=False):
            return None
        try:
            with self._state:
                writes = self.writes
            sent = self.clock()
            [row] = run(conn, _POLL, {"since": self.since})
            self._merge(row.keys, row.revs)
            self.since = int(row.upto)
            epoch = int(row.epoch)
            with self._state:
                # A write of this process committed while the poll was under way: its
                # snapshot may be older than the write (the next sync polls again).
                if writes == self.writes:
                    self.epoch = epoch
                    self.fed = sent
            return epoch
        finally:
            self._polling.release()

    def _merge(self, keys: Iterable[str] | None, revs: Iterable[int]) -> None:
        marks = self.marks
        if keys is not None:
            for key, rev in zip(keys, revs, strict=True):
                if rev > marks.get(key, 0):
                    marks[key] = rev

    def learn(self, written: list[tuple[str, int]]) -> None:
        """A push of this process committed these watermark rows (key, revision): its
        colleagues' next syncs see them, with no poll."""
        if written:
            self._merge(*zip(*written, strict=True))

    def wrote(self) -> None:
        """A write of this process committed, its watermarks not known (an administrator's,
        a revocation): the next idle sync polls first."""
        with self._state:
            self.writes += 1
            self.fed = float("-inf")


_ALL: weakref.WeakSet[Marks] = weakref.WeakSet()
_ALL_LOCK = threading.Lock()


@sa.event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    """A transaction that wrote watermarks or moved the auth epoch (``db.WROTE``, set by
    ``store.Sequence`` and ``db.bump_auth_epoch``) committed: every cache of its
    database in this process (another engine on the same database, an
    administrator's, included) takes the rows it wrote, or polls again before it
    answers if they are not known."""
    written = session.info.pop(WROTE, None)
    if written is None or written == []:
        return
    bind: Any = session.get_bind()
    url = bind.engine.url
    with _ALL_LOCK:
        caches = [m for m in _ALL if m.engine.url == url]
    for cache in caches:
        if written is True:
            cache.wrote()
        else:
            cache.learn(written)


@sa.event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(WROTE, None)
