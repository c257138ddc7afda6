"""Push and scope: the server side of the sync protocol (pull: ``spt_server.pull``).

Every write takes its revisions from the server's sequence (``Sequence``): on SQLite and
for the rare writers that locks the counter row until commit (writers serialised,
revisions committed in order); a push on PostgreSQL leases a block of revisions and locks
only the candidates it touches, and a pull reads no further than below every lease in
flight. Either way a pull cursor (a revision) never skips a change that commits later.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import operator
import os
import re
import threading
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import chain, compress, filterfalse, groupby, repeat
from typing import Any, NamedTuple

import msgspec
import sqlalchemy as sa
from pydantic_core import from_json, to_json
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from spt_common import protocol as p
from spt_common.ids import uuid7
from spt_server import raw
from spt_server.db import (
    WROTE,
    Account,
    Base,
    Batch,
    CandidateClosure,
    Conflict,
    Counter,
    Device,
    Record,
    RevLease,
    Scope,
    Watermark,
    ping_when_idle,
    utcnow,
)
from spt_server.wire import WireChange, many_digits

REV = "rev"
AUTH = "auth"  # the counter moved by every revocation (see app._authenticate)
# Within a push, session.info holds the batch's new candidates whose registering device
# sends its own assignment for them (OWN), and those of them not assigned yet (DEFERRED):
# the server adds no second assignment beside the device's (see _effects).
OWN = "spt.own_assignments"
DEFERRED = "spt.deferred_assignments"
CANDIDATE_STATUS_CLOSED = "closed"


@dataclass(frozen=True)
class Caller:
    """Who is asking: the account, its SPT and the device."""

    account_id: str
    spt: str
    device_id: str


class Sequence:
    """Revisions for one transaction, and the watermarks of what it wrote.

    Exclusive (the default, and every writer on SQLite): the first call takes the writers'
    lock (PostgreSQL: an advisory lock that waits for the pushes in flight) and the
    counter row until commit: revisions commit in order, as they always did. For the
    rare writers (administration, erasure, coordination).

    Shared (``shared=True``: a push on PostgreSQL): revisions come in blocks leased from
    the counter in a short transaction of their own (``Leases``), so pushes of different
    coaches run side by side; a push locks only the candidates (and registry records) it
    touches (``lock_keys``). A block stays leased until the push commits (its release is
    in the push's transaction): a pull reads no further than below the oldest lease in
    flight (``pull.safe_upto``), so it never passes a revision that commits later.

    ``flush`` (at the end of every writer) writes the counter (exclusive), releases the
    leases (shared) and moves the watermarks of every scope the transaction changed.
    """

    def __init__(self, session: Session, *, shared: bool = False, block: int = 64) -> None:
        self.session = session
        self.postgres = session.get_bind().dialect.name == "postgresql"
        self.shared = shared and self.postgres
        self.block = max(8, block)
        self.last: int | None = None  # exclusive: the last revision taken
        self.first: int | None = None  # exclusive: the counter when locked
        self.blocks: list[tuple[int, int]] = []  # shared: leased (first, last)
        self.xid: int | None = None  # shared: the transaction's id, for its leases
        self.leased: list[tuple[int, int]] = []  # shared: every block leased
        # Revisions whose records' watermark facts are known (see mark_scopes).
        self.covered: set[int] = set()
        self.noted: set[MarkFacts] = set()
        # SQLite: who held each candidate's scope (not revoked) when the push read it,
        # after the writers' lock (_Bulk._know_holders): mark_scopes reads no scope again
        # for these (a candidate absent: not read).
        self.holders: dict[str, tuple[str, ...]] = {}

    def lock(self) -> None:
        if self.shared or self.last is not None:
            return
        self.session.info[WROTE] = True  # its watermarks move (marks.Marks)
        if not self.postgres:
            # The counter's row as a fixed statement on the sqlite3 connection (through
            # the ORM's bulk update it cost a third of a millisecond a push); what the
            # session holds is written first, as the ORM's statement autoflushed.
            self.session.flush()
            self.last = self.first = raw.lite(self.session.connection(), _LOCK_LITE, (REV,))[0][0]
            return
        self.session.execute(sa.select(sa.func.pg_advisory_xact_lock(*WRITERS)))
        self.last = self.session.execute(
            sa.update(Counter)
            .where(Counter.name == REV)
            .values(value=Counter.value + 0)
            .returning(Counter.value)
        ).scalar_one()
        self.first = self.last

    def share(self, noted: tuple[str, datetime] | None = None) -> int | None:
        """Shared mode: wait for no exclusive writer (PostgreSQL's advisory lock). The
        same statement reads the transaction's id (its leases are filed under it), has
        every later statement planned for its own values (see ``push``) and reads the
        auth epoch (the caller's check, see ``push_answer``): four round trips were one
        each. ``noted`` (device, time): the same statement notes the sync's time on the
        device (``coordination.note_sync``), in the push's transaction. Returns the
        epoch (None: not shared)."""
        if not self.shared:
            return None
        generic = generic_push_plans()
        if noted is None:
            row = pg_rows(self.session, _SHARES[generic])[0]
        else:
            device, now = noted
            row = pg_rows(self.session, _SHARES_NOTED[generic], {"now": now, "device": device})[0]
        _lock, xid, _mode, epoch = row
        self.xid = int(xid)
        return int(epoch)

    def lock_keys(self, keys: set[str]) -> None:
        """Shared mode: lock these candidates / records for the transaction, in one order
        for every push (no deadlock); exclusive writers hold everything already."""
        if not self.shared or not keys:
            return
        pg_rows(self.session, _LOCK_KEYS, (sorted(keys),))

    def next(self) -> int:
        if self.shared:
            if not self.blocks or self.blocks[-1][0] > self.blocks[-1][1]:
                self._lease()
            first, last = self.blocks[-1]
            self.blocks[-1] = (first + 1, last)
            return first
        if self.last is None:
            self.lock()
            assert self.last is not None
        self.last += 1
        return self.last

    def take(self, n: int) -> Iterable[int]:
        """The next ``n`` revisions, as ``n`` calls of ``next()`` give them."""
        if self.shared or self.last is None:
            return [self.next() for _ in range(n)]
        first = self.last + 1
        self.last += n
        return range(first, self.last + 1)

    def _lease(self) -> None:
        # Its watermarks move: the statements that write them say which (``_marked``).
        self.session.info.setdefault(WROTE, [])
        if self.xid is None:
            self.xid = int(pg_rows(self.session, "SELECT pg_current_xact_id()::text")[0][0])
        first, last = leases_for(self.session).take(self.block, self.xid)
        self.blocks.append((first, last))
        self.leased.append((first, last))

    def note(self, rev: int, facts: MarkFacts | None = None) -> None:
        """The record written at ``rev`` has these watermark ``facts`` (None: no record
        was written at it): ``flush`` need not read it back (see mark_scopes)."""
        self.covered.add(rev)
        if facts is not None:
            self.noted.add(facts)

    def ranges(self) -> list[tuple[int, int]]:
        """The revisions this transaction may have used: (first, last) pairs."""
        if self.shared:
            return list(self.leased)
        if self.first is None or self.last is None or self.last == self.first:
            return []
        return [(self.first + 1, self.last)]

    def flush(self) -> None:
        self.session.flush()
        ranges = self.ranges()
        if ranges:
            mark_scopes(self.session, ranges, self.covered, self.noted, self.holders)
        if self.shared and self.leased:
            self.session.execute(sa.delete(RevLease).where(RevLease.xid == self.xid))
        elif self.last is not None and not self.postgres:
            raw.lite(self.session.connection(), _MOVE_LITE, (self.last, REV))
            if self.last // PRUNE_EVERY != (self.first or 0) // PRUNE_EVERY:
                # SQLite: every writer is alone; now and then it prunes (PostgreSQL: Leases).
                prune_marks(self.session.connection())
        elif self.last is not None:
            self.session.execute(
                sa.update(Counter).where(Counter.name == REV).values(value=self.last)
            )
            if not self.postgres and self.last // PRUNE_EVERY != (self.first or 0) // PRUNE_EVERY:
                # SQLite: every writer is alone; now and then it prunes (PostgreSQL: Leases).
                prune_marks(self.session.connection())


# SQLite: the counter taken (its row locked: every writer is alone) and moved.
_LOCK_LITE = "UPDATE counter SET value = value + 0 WHERE name = ? RETURNING value"
_MOVE_LITE = "UPDATE counter SET value = ? WHERE name = ?"


# PostgreSQL advisory lock (two int4 keys: apart from the one-bigint keys of lock_keys)
# that exclusive writers take exclusively and pushes shared.
WRITERS = (18, 0)
# Sequence.share: the lock, the transaction's id, and the plans of the statements after
# it: here (``SPT_PUSH_PLANS=custom``) each planned for its own ids; by default
# ``_SHARE_GENERIC`` below. psycopg prepares a statement after its fifth run, and
# PostgreSQL may then keep one generic plan; planned on the statistics of a table that
# was nearly empty (a new server's first pushes, before autovacuum's analyse), with
# sequential scans allowed, that plan is a sequential scan of `record` for
# `id = ANY($1)`: 0.4 s a batch, 13 s of PostgreSQL's CPU in a 1k first push.
# The auth epoch (app._checked) read after the lock: a push from a device this process
# checked needs no statement of its own for it.
_SHARE = (
    f"SELECT pg_advisory_xact_lock_shared({WRITERS[0]}, {WRITERS[1]}), "
    "pg_current_xact_id()::text, set_config('plan_cache_mode', 'force_custom_plan', true), "
    f"(SELECT value FROM counter WHERE name = '{AUTH}')"
)
# _SHARE and the sync's time noted on the pushing device (PostgreSQL): in the push's own
# transaction, as SQLite notes it (``note_sync_lite``), where the page after the push
# noted it in an autocommitted statement of its own: a second commit a push. The UPDATE
# takes the writers' lock itself first (its condition's InitPlan, before any row is
# locked; the SELECT's call then holds it once more, as PostgreSQL counts a lock taken
# twice): the device row after the lock, as a revocation takes them
# (``exclude_pushes``, then the device), whatever order PostgreSQL runs a WITH's parts
# in. A push refused later rolls it back.
_SHARE_NOTED = (
    "WITH noted AS (UPDATE device SET last_sync = %(now)s WHERE id = %(device)s AND "
    f"(SELECT pg_advisory_xact_lock_shared({WRITERS[0]}, {WRITERS[1]})) IS NOT NULL) " + _SHARE
)

# How the statements of a push on PostgreSQL are planned (``SPT_PUSH_PLANS``):
#   generic (the default since round 12 of issue 18): each prepared statement keeps its
#     one generic plan (``force_generic_plan``), made with sequential scans priced out
#     (``enable_seqscan`` off for the push's transaction): a plan made on a near-empty
#     table's statistics walks an index all the same, where there is one (every table a
#     push reads has one for what it asks; tests/server/test_store_bulk.py checks the
#     plans on a new server). Planning was a quarter of PostgreSQL's CPU of a push; with
#     one plan a statement a push costs PostgreSQL ~30 % less (bench/SERVER.md, round 10,
#     pgcpu18). Every push statement's generic plan walks the index its custom plan
#     walks, on the load seed and on a skewed world (one coach with 5,000 candidates
#     beside coaches with 100, one SPT's employer registry of 20,000; round 12, push18):
#     no parameter of a push picks its index.
#   custom: every statement planned for its own values at every run
#     (``force_custom_plan``, above; ``test_a_push_on_postgresql_plans_its_statements_
#     for_their_own_ids`` checks it).
PUSH_PLANS_ENV = "SPT_PUSH_PLANS"
PUSH_PLANS = ("custom", "generic")
_GENERIC_PUSH_PLANS: bool | None = None  # from the environment, at the first push


def generic_push_plans() -> bool:
    """Whether a push's statements keep generic plans (``SPT_PUSH_PLANS``: ``generic``,
    the default, or ``custom``)."""
    global _GENERIC_PUSH_PLANS
    if _GENERIC_PUSH_PLANS is None:
        _GENERIC_PUSH_PLANS = os.environ.get(PUSH_PLANS_ENV, "generic").strip() != "custom"
    return _GENERIC_PUSH_PLANS


_SHARE_GENERIC = _SHARE.replace(
    "set_config('plan_cache_mode', 'force_custom_plan', true)",
    "set_config('plan_cache_mode', 'force_generic_plan', true)"
    " || set_config('enable_seqscan', 'off', true)",
)
assert _SHARE_GENERIC != _SHARE
_SHARES = {False: _SHARE, True: _SHARE_GENERIC}
_SHARES_NOTED = {
    False: _SHARE_NOTED,
    True: _SHARE_NOTED.replace(_SHARE, _SHARE_GENERIC),
}

# The advisory locks of keys (candidates, records: Sequence.lock_keys), each key's lock
# id its ``hashtextextended`` (``_lock_id``), taken in the order of the ids: one order for
# every push. Computed by the database (``_CLAIM_PG`` locks in the claim's statement).
_LOCKED = (
    "(SELECT count(pg_advisory_xact_lock(k)) FROM unnest(ARRAY(SELECT DISTINCT "
    "hashtextextended(x, 0) FROM unnest({keys}) x ORDER BY 1)) k)"
)
_LOCK_KEYS = "SELECT " + _LOCKED.format(keys="CAST(%s AS text[])")


def pg_rows(session: Session, sql: str, params: Any = None, *, rows: bool = True) -> list[Any]:
    """The rows of ``sql`` (psycopg's placeholders) run on the session's own psycopg
    connection, in its transaction, as a prepared statement (PostgreSQL only;
    ``raw.run``: a push's fixed statements without SQLAlchemy's execution layer)."""
    return raw.run(session.connection(), sql, params, rows=rows)


def _lock_id(key: str) -> sa.ColumnElement[int]:
    """The advisory lock id of a key as ``lock_keys`` takes it (an expression: the
    database computes it)."""
    return sa.func.hashtextextended(sa.cast(key, sa.Text), 0)


class Leases:
    """Blocks of revisions for pushes on PostgreSQL, from the counter, each with its
    lease row, in one autocommitted statement on a connection of its own (one per
    process, one block at a time: microseconds on the counter row, never a push's
    whole transaction). Its own connection: taken from the pool it could wait for a
    connection held by a push that waits for it."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = sa.create_engine(
            engine.url,
            pool_size=1,
            max_overflow=0,
            isolation_level="AUTOCOMMIT",
            hide_parameters=True,
            # Not waited for on disk: a push that uses a block commits after it, and its
            # commit flushes the log up to and past the block's.
            connect_args={"options": "-c synchronous_commit=off"},
        )
        ping_when_idle(self.engine)
        self.mutex = threading.Lock()
        self.taken = 0
        self.due = False  # housekeeping due (``housekeep``)
        sa.event.listen(engine, "engine_disposed", dispose_leases)

    def take(self, n: int, xid: int) -> tuple[int, int]:
        # The pooled connection as psycopg has it (``raw.On``): a SQLAlchemy Connection
        # set up and closed around the one statement was a tenth of a push's Python.
        with self.mutex:
            self.taken += 1
            if self.taken % PRUNE_EVERY == 0:
                # Not here, inside the mutex (every push of the process would wait for
                # it): by the push's thread once it committed (``housekeep``).
                self.due = True
            pooled = self.engine.raw_connection()
            try:
                driver: Any = pooled.driver_connection
                if not driver.autocommit:  # the engine's AUTOCOMMIT, as Connection sets it
                    driver.autocommit = True
                first = raw.run(raw.On(driver, self.engine), _TAKE, {"n": n, "xid": xid})[0][0]
            except Exception:
                pooled.invalidate()  # whatever went wrong, the next lease opens a new one
                raise
            finally:
                pooled.close()
            return int(first), int(first) + n - 1

    def dispose(self) -> None:
        self.engine.dispose()


_TAKE = (
    "WITH c AS (UPDATE counter SET value = value + %(n)s WHERE name = 'rev' "
    "RETURNING value) INSERT INTO rev_lease (first, last, xid) "
    "SELECT value - %(n)s + 1, value, %(xid)s FROM c RETURNING first"
)


def housekeep(engine: sa.Engine) -> None:
    """The leases' housekeeping, if due (every PRUNE_EVERY leases of this process): the
    leases of pushes that rolled back or died (no pull waits for them: safe_upto skips
    them, but they need not stay) and the watermark rows below their key's newest.
    Called by a push's thread after its transaction, holding no other connection: on a
    pooled connection in autocommit, outside the lease mutex (inside it, every push of
    the process waited for it)."""
    with _LEASES_LOCK:
        leases = _LEASES.get(engine)
        if leases is None or not leases.due:
            return
        leases.due = False
    with engine.connect() as c:
        c = c.execution_options(isolation_level="AUTOCOMMIT")
        c.execute(sa.text(
            "DELETE FROM rev_lease WHERE pg_xact_status(CAST(CAST(xid AS text) AS xid8))"
            " IS DISTINCT FROM 'in progress' AND pg_xact_status(CAST(CAST(xid AS text)"
            " AS xid8)) IS DISTINCT FROM 'committed'"
        ))  # fmt: skip
        prune_marks(c)


_LEASES: weakref.WeakKeyDictionary[sa.Engine, Leases] = weakref.WeakKeyDictionary()
_LEASES_LOCK = threading.Lock()


def leases_for(session: Session) -> Leases:
    engine = session.get_bind()
    assert isinstance(engine, sa.Engine)
    with _LEASES_LOCK:
        if engine not in _LEASES:
            _LEASES[engine] = Leases(engine)
        return _LEASES[engine]


def dispose_leases(engine: sa.Engine) -> None:
    """Close the lease connection of ``engine`` (with the engine: a server that stops)."""
    with _LEASES_LOCK:
        leases = _LEASES.pop(engine, None)
    if leases is not None:
        leases.dispose()


# --- watermarks ----------------------------------------------------------------------

# Records the SPT's loket and coordinator pull by SPT (pull.desk_streams).
DESK_ENTITIES = frozenset({"referral", "loket_question"})

# The pull scopes a watermark is kept for (see db.Watermark).
EVERYONE = "*"


def account_mark(account_id: str) -> str:
    return "a:" + account_id


def spt_mark(spt: str) -> str:
    return "s:" + spt


def marks_of(caller: Caller) -> list[str]:
    """The watermarks that cover everything a pull of ``caller`` can receive."""
    return [EVERYONE, account_mark(caller.account_id), spt_mark(caller.spt)]


# What a record means for the watermarks: (entity, candidate, SPT, addressee).
MarkFacts = tuple[str, str | None, str | None, str | None]
# More stretches of revisions not noted than this: read the whole range back at once.
MAX_STRETCHES = 16


def mark_scopes(
    session: Session,
    ranges: list[tuple[int, int]],
    covered: set[int] | frozenset[int] = frozenset(),
    noted: Iterable[MarkFacts] = (),
    holders: dict[str, tuple[str, ...]] | None = None,
) -> None:
    """Move the watermark of every scope that the revisions in ``ranges`` (this
    transaction's) changed to the last of them: the records written (the coaches whose
    scope holds their candidate, the addressee, the SPT of a registry, everyone for the
    staff directory) and the scopes granted or revoked.

    ``covered``: revisions whose records are ``noted`` already (the facts of the records
    written at them; a push's bulk path knows what it inserted) or that wrote no record
    (a scope grant): the records are read back only at the other revisions (reading a
    batch's thousands of new rows back was a twentieth of a first push). PostgreSQL
    finds the keys itself, in one statement a range (``_MARK_SCOPES_PG``), and needs
    neither.

    ``holders`` (SQLite): the accounts whose scope of a candidate was not revoked when
    this transaction read it after taking the writers' lock (``Sequence.holders``). At
    the end those are the accounts whose scope is not revoked or was revoked by this
    transaction (at ``low`` or later), but for one granted since, which the granted
    revisions mark: what the read of ``scope`` finds for that candidate. Only the
    candidates not in it are read (a table-ordered first push names ~2,000 a batch)."""
    top = max(last for _first, last in ranges)
    low = min(first for first, _last in ranges)
    if session.get_bind().dialect.name == "postgresql":
        # The same keys, found and inserted by the database in one statement a range:
        # built in Python these were four or five, a sixth of a push's CPU (issue 18).
        for first, last in ranges:  # one, but for a large push
            _marked(session, top, pg_rows(
                session,
                _MARK_SCOPES_PG,
                {"first": first, "last": last, "low": low,
                 "top": top},
            ))  # fmt: skip
        return
    accounts: set[str | None] = set()
    keys: set[str] = set()
    read: list[MarkFacts] = []
    conn = session.connection()
    for first, last in ranges:
        for lo, hi in _stretches(first, last, covered):
            read += raw.lite(conn, _WRITTEN_LITE, (lo, hi))
        accounts.update(map(_FIRST, raw.lite(conn, _SCOPED_LITE, (first, last, first, last))))
    # The facts' columns taken apart in C (a first push notes ~2,000 distinct facts a
    # batch, and a loop in Python over them cost more than the statements here): only
    # their few (entity, SPT) pairs go through the rules of keys by entity.
    facts = [*noted, *read]  # read three times below
    for entity, spt in set(map(_ENTITY_SPT, facts)):
        if entity == "coach":
            keys.add(EVERYONE)
        elif (entity in p.REGISTRIES or entity in DESK_ENTITIES) and spt is not None:
            # The SPT's desk (referrals, the loket register) pulls these by SPT too.
            keys.add(spt_mark(spt))
        elif entity == "referral" and spt is not None:
            keys.add(spt_mark(spt))  # the SPT's loket and coordinators see it
    accounts.update(map(_FOURTH, facts))  # the addressees
    candidates = set(map(_SECOND, facts))
    candidates.discard(None)
    known = holders or {}
    # The candidates' holders as the push read them; the others' read here.
    accounts.update(chain.from_iterable(filter(None, map(known.get, candidates))))
    unread = list(filterfalse(known.__contains__, candidates))
    if unread:
        accounts.update(map(_FIRST, raw.lite(conn, _HOLDERS_LITE, (_json_ids(unread), low))))
    accounts.discard(None)
    keys.update(map(account_mark, accounts))  # type: ignore[arg-type]
    if not keys:
        return
    # Rows are only added: two pushes never wait on one watermark row. (A key already at
    # ``top``: this transaction marked it before, in an earlier flush.)
    conn.exec_driver_sql(
        "INSERT INTO watermark (key, rev) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(k, top) for k in sorted(keys)],
    )


# mark_scopes on SQLite: the facts of the records written in a stretch, the accounts of
# the scopes granted or revoked in a range, those holding candidates' scope.
_WRITTEN_LITE = (
    "SELECT DISTINCT entity, candidate_id, spt, addressee FROM record WHERE rev >= ? AND rev <= ?"
)
_SCOPED_LITE = (
    "SELECT account_id FROM scope WHERE granted_rev >= ? AND granted_rev <= ? UNION "
    "SELECT account_id FROM scope WHERE revoked_rev >= ? AND revoked_rev <= ?"
)
_HOLDERS_LITE = (
    "SELECT DISTINCT account_id FROM scope WHERE candidate_id IN (SELECT value FROM "
    "json_each(?)) AND (revoked_rev IS NULL OR revoked_rev >= ?)"
)


# mark_scopes on PostgreSQL: the rows written in the ranges, the keys of their scopes
# (as the Python of mark_scopes finds them), the rows inserted.
_SPT_MARKED = sorted(p.REGISTRIES | DESK_ENTITIES)
# Written into the statement (fixed names: no parameter to dump and send each time).
assert all(re.fullmatch("[a-z_]+", e) for e in _SPT_MARKED)
_SPT_MARKED_SQL = "ARRAY[" + ", ".join(f"'{e}'" for e in _SPT_MARKED) + "]"
_MARK_SCOPES_CTES = """
r AS (SELECT entity, candidate_id, spt, addressee FROM record
      WHERE rev >= %(first)s AND rev <= %(last)s),
keys AS (
  SELECT unnest(ARRAY[
    CASE WHEN entity = 'coach' THEN '*' END,
    CASE WHEN entity <> 'coach' AND entity = ANY(CAST({spt} AS text[]))
         THEN 's:' || spt END,
    'a:' || addressee]) AS key FROM r
  UNION ALL SELECT 'a:' || account_id FROM scope WHERE granted_rev >= %(first)s
    AND granted_rev <= %(last)s
  UNION ALL SELECT 'a:' || account_id FROM scope WHERE revoked_rev >= %(first)s
    AND revoked_rev <= %(last)s
  UNION ALL SELECT 'a:' || account_id FROM scope
    WHERE candidate_id = ANY(ARRAY(SELECT candidate_id FROM r WHERE candidate_id IS NOT NULL))
    AND (revoked_rev IS NULL OR revoked_rev >= %(low)s)
)
INSERT INTO watermark (key, rev) SELECT DISTINCT key, CAST(%(top)s AS bigint) FROM keys
WHERE key IS NOT NULL ORDER BY key ON CONFLICT DO NOTHING RETURNING key
""".replace("{spt}", _SPT_MARKED_SQL)
_MARK_SCOPES_PG = "WITH " + _MARK_SCOPES_CTES


def _marked(session: Session, top: int, rows: list[Any]) -> None:
    """The keys of the watermark rows a statement of ``_MARK_SCOPES_CTES`` inserted at
    ``top``, kept with the session (``db.WROTE``) for this process's caches of them
    (``marks.Marks``), which take them at the commit. (A key already at ``top``: this
    transaction inserted it before, and kept it then.) A transaction that wrote
    watermarks otherwise (``WROTE`` true: an exclusive writer) has the caches read
    them again instead."""
    known = session.info.get(WROTE)
    if isinstance(known, list):
        known.extend((key, top) for (key,) in rows)


# A push's end (_finish_pg): its result, its lease released, mark_scopes of its block.
_FINISH_PG = (
    "WITH b AS (UPDATE batch SET result = %(result)s WHERE id = %(batch)s),\n"
    "l AS (DELETE FROM rev_lease WHERE xid = %(xid)s),\n" + _MARK_SCOPES_CTES
)


# _FINISH_PG with a small push's new records and updates (``_Bulk.folded``) written by
# it too: ``i`` (its rows as VALUES) and one ``u<n>`` an update, each row's values as
# parameters of their own (``i<n>_<column>``, ``u<n>_<column>``: as arrays psycopg
# dumped them at twice the cost of the two statements they save). One text per shape
# (so many new rows, so many updates, each at most FOLD_MAX), made once. Their rows are
# not in the statement's snapshot: ``r`` (what the range wrote, for the watermarks)
# takes them from their RETURNING, the rest of the range from the table.
FOLD_MAX = 4
_RETURNED = "RETURNING entity, candidate_id, spt, addressee"


def _finish_folded(inserts: int, updates: int) -> str:
    sql = _FINISH_FOLDED.get((inserts, updates))
    if sql is not None:
        return sql
    ctes = ["b AS (UPDATE batch SET result = %(result)s WHERE id = %(batch)s)",
            "l AS (DELETE FROM rev_lease WHERE xid = %(xid)s)"]  # fmt: skip
    parts = ["SELECT entity, candidate_id, spt, addressee FROM record "
             "WHERE rev >= %(first)s AND rev <= %(last)s"]  # fmt: skip
    if inserts:
        rows = ", ".join(
            "(" + ", ".join(f"%(i{n}_{k})s" for k in RECORD_KEYS) + ")" for n in range(inserts)
        )
        columns = ", ".join(RECORD_KEYS)
        ctes.append(f"i AS (INSERT INTO record ({columns}) VALUES {rows} {_RETURNED})")
        parts.append("SELECT * FROM i")
    for n in range(updates):
        sets = ", ".join(f"{k} = %(u{n}_{k})s" for k in _UPDATE_KEYS[1:])
        ctes.append(f"u{n} AS (UPDATE record SET {sets} WHERE id = %(u{n}_id)s {_RETURNED})")
        parts.append(f"SELECT * FROM u{n}")
    scopes = _MARK_SCOPES_CTES.replace(
        "r AS (SELECT entity, candidate_id, spt, addressee FROM record\n"
        "      WHERE rev >= %(first)s AND rev <= %(last)s),",
        "r AS (" + " UNION ALL ".join(parts) + "),",
    )
    assert scopes != _MARK_SCOPES_CTES
    sql = _FINISH_FOLDED[(inserts, updates)] = "WITH " + ",\n".join(ctes) + "," + scopes
    return sql


_FINISH_FOLDED: dict[tuple[int, int], str] = {}
# The columns of a record _Bulk._fast_update writes (``update_many``'s keys).
_UPDATE_KEYS = ("id", "rev", "data", "field_revs", "synced_device", "updated_by", "updated_at")


@dataclass
class _Folded:
    """A small push's last new records (``record_values`` rows) and updates (dicts of
    ``_UPDATE_KEYS``), for ``_finish_pg`` to write (``_Bulk.folded``)."""

    rows: list[list[Any]]
    updates: list[dict[str, Any]]

    def sql(self) -> str:
        return _finish_folded(len(self.rows), len(self.updates))

    def params(self) -> dict[str, Any]:
        """The values of ``_finish_folded``'s statement, by name."""
        out: dict[str, Any] = {}
        for n, row in enumerate(self.rows):
            out.update(zip(_I_NAMES[n], row, strict=True))
        for n, update in enumerate(self.updates):
            out.update((f"u{n}_{k}", v) for k, v in update.items())
        return out

    def write(self, conn: sa.Connection) -> None:
        """As ``_Bulk.write`` would have (the finishing statement could not take them)."""
        if self.rows:
            insert_values(conn, RECORD, RECORD_KEYS, self.rows)
        if self.updates:
            update_many(conn, RECORD, self.updates)


def _stretches(first: int, last: int, covered: set[int] | frozenset[int]) -> list[tuple[int, int]]:
    """The stretches of revisions from ``first`` to ``last`` not in ``covered`` (all of
    them as one when there would be more than MAX_STRETCHES)."""
    if not covered:
        return [(first, last)]
    # The revisions not covered found by ``filterfalse`` (a first push's bulk path covers
    # every one of a batch's ~2,000); only those are walked here. Its calls of
    # ``covered.__contains__`` are ~1 M instructions a batch (callgrind, bench/SYNC.md
    # round 16): no cheaper than the loop in Python was; a set difference cost more.
    missing = list(filterfalse(covered.__contains__, range(first, last + 1)))
    if not missing:
        return []
    out: list[tuple[int, int]] = []
    start = end = missing[0]
    for rev in missing[1:]:
        if rev != end + 1:
            out.append((start, end))
            if len(out) == MAX_STRETCHES:
                return [(first, last)]
            start = rev
        end = rev
    out.append((start, end))
    return out if len(out) <= MAX_STRETCHES else [(first, last)]


PRUNE_EVERY = 256  # writes between prunings of the watermark table (per process)


def prune_marks(conn: sa.Connection) -> None:
    """Drop every watermark row below its key's newest: the newest is all a pull reads.
    Outside the pushes' transactions (their rows are never locked by one another).
    SQLite: a fixed statement (``raw.lite``): built, compiled and looked up by
    SQLAlchemy it cost as much as running it, and a push of more than PRUNE_EVERY
    revisions (every batch of a first push) prunes."""
    if conn.dialect.name == "sqlite":
        raw.lite(conn, _PRUNE_LITE)
        return
    newer = sa.select(sa.func.max(_W2.c.rev)).where(_W2.c.key == Watermark.key).scalar_subquery()
    conn.execute(sa.delete(Watermark).where(Watermark.rev < newer))


# prune_marks on SQLite, as its SQLAlchemy form (the same statement).
_PRUNE_LITE = (
    "DELETE FROM watermark WHERE watermark.rev < (SELECT max(newer.rev) AS max_1 "
    'FROM watermark AS newer WHERE newer."key" = watermark."key")'
)


_W2 = Watermark.__table__.alias("newer")


# --- scope -------------------------------------------------------------------------


# Within one transaction the answers of in_scope are kept in session.info: a push asks
# about the same candidate for each of her ~40 records. refresh_scope, the only writer of
# Scope rows, forgets the pair it touches.
SCOPE_CACHE = "spt.scope"


def in_scope(session: Session, account_id: str, candidate_id: str | None) -> bool:
    if candidate_id is None:
        return False
    cache: dict[tuple[str, str], bool] = session.info.setdefault(SCOPE_CACHE, {})
    key = (account_id, candidate_id)
    if key not in cache:
        cache[key] = (
            session.execute(
                sa.select(Scope.granted_rev).where(
                    Scope.account_id == account_id,
                    Scope.candidate_id == candidate_id,
                    Scope.revoked_rev.is_(None),
                )
            ).first()
            is not None
        )
    return cache[key]


# --- the loket register (issue 16 §2) ------------------------------------------------
#
# A loket question is the SPT's: its loket and coordinators see and keep all of them
# (``keeps_loket``). A coach sees those passed on to her: the question is its own unit of
# scope (its record's ``candidate_id`` is its own id, as a candidate's is), granted to the
# coach it is passed on to and revoked when it goes to another, so her device purges it
# then (the pull's purge list). Closed, it keeps no name or contact (``LOKET_PERSONAL``).

LOKET = "loket_question"
LOKET_ROLES = frozenset({"loket", "coordinator"})
LOKET_PERSONAL = ("name", "contact")
LOKET_CLOSED = "closed"
_ROLES_CACHE = "spt.roles"


def roles_of(session: Session, account_id: str) -> frozenset[str]:
    """The account's roles (kept for the transaction: a push asks per record)."""
    cache: dict[str, frozenset[str]] = session.info.setdefault(_ROLES_CACHE, {})
    if account_id not in cache:
        account = session.get(Account, account_id)
        cache[account_id] = frozenset(r for r in (account.roles if account else "").split(",") if r)
    return cache[account_id]


def keeps_loket(session: Session, account_id: str) -> bool:
    """Does the account keep the SPT's loket register (loket or coordinator)?"""
    return bool(roles_of(session, account_id) & LOKET_ROLES)


def desk_entities(roles: frozenset[str]) -> frozenset[str]:
    """The SPT-wide desk records these roles see: the loket register, every referral."""
    out = {LOKET} if roles & LOKET_ROLES else set()
    if roles & p.REFERRAL_DESK_ROLES:
        out.add("referral")
    return frozenset(out)


def _loket_readable(session: Session, caller: Caller, rec: Record) -> bool:
    if rec.spt != caller.spt:
        return False
    return keeps_loket(session, caller.account_id) or in_scope(
        session, caller.account_id, rec.candidate_id
    )


def without_personal_when_closed(data: dict[str, Any]) -> dict[str, Any]:
    """The fields a closed question must not keep, as None (empty when it is open)."""
    if data.get("status") != LOKET_CLOSED:
        return {}
    return {f: None for f in LOKET_PERSONAL if data.get(f) is not None}


def _forget_personal_conflicts(
    session: Session, record_id: str, fields: Iterable[str] = LOKET_PERSONAL
) -> None:
    """A closed question's (a done referral's) conflict rows keep no personal data either."""
    session.execute(
        sa.delete(Conflict).where(Conflict.record_id == record_id, Conflict.field.in_(fields))
    )


# A referral keeps its candidate's personal data only while it waits: set to "niet
# gestart", or accepted (the candidate's record holds them then), it is stored without
# them, whatever a device sends (the vault's migration 0015 does the same on the laptop).
# What it is cleared to: '' for the texts (old clients read and send that), null for the
# rest. Who referred, dates, status and reason stay for the monitor and the stuurgroep;
# her municipality and the coach's note on why she did not start go too (vault 0016: no
# figure reads them, and a small town with a date and a referrer points at one person).
REFERRAL_PERSONAL: dict[str, str | None] = {
    "first_name": "", "last_name": "", "email": None, "phone": None,
    "question": "", "known": "", "municipality": "", "not_started_note": None,
}  # fmt: skip


def referral_done(data: dict[str, Any]) -> bool:
    """Is the referral written as ``data`` done (niet gestart, or a candidate)?"""
    return data.get("status") == "not_started" or data.get("candidate_id") is not None


def without_personal_when_done(data: dict[str, Any]) -> dict[str, Any]:
    """The personal fields a done referral must not keep, cleared (empty when it waits)."""
    if not referral_done(data):
        return {}
    return {f: v for f, v in REFERRAL_PERSONAL.items() if data.get(f) != v}


def referral_moved(
    session: Session,
    seq: Sequence,
    rid: str,
    old_coach: str | None,
    new_coach: str | None,
    candidate_id: str | None,
) -> None:
    """A referral given to another coach (or to no one) leaves the old coach's devices.

    Before it is linked, she holds it only as its addressee: her device would keep it,
    name and question included, since her pull no longer selects it. A revoked scope row
    under the referral's own id (as a loket question's, ``_rescope_loket``) puts it in her
    next pull's purge list. Not when she still sees it otherwise: at the SPT's desk, or
    through the candidate it is linked to. Given back to a coach, her pending purge goes:
    the record's new revision brings it again."""
    cache = session.info.get(SCOPE_CACHE, {})
    if new_coach is not None:
        back = session.get(Scope, (new_coach, rid))
        if back is not None:
            session.delete(back)
            cache.pop((new_coach, rid), None)
    if old_coach is None or old_coach == new_coach:
        session.flush()
        return
    if at_referral_desk(session, old_coach) or in_scope(session, old_coach, candidate_id):
        session.flush()
        return
    scope = session.get(Scope, (old_coach, rid))
    if scope is None:
        scope = Scope(account_id=old_coach, candidate_id=rid, granted_rev=0)
        session.add(scope)
    scope.revoked_rev = seq.next()
    cache.pop((old_coach, rid), None)
    session.flush()


def _rescope_loket(session: Session, seq: Sequence, rid: str, to_coach: str | None) -> None:
    """Scope of a loket question: the coach it is passed on to, and no one else.

    One who keeps the register (loket, coordinator) still sees it when it goes on to
    another: her scope row goes without a revoke, which would put it in her next pull's
    purge list (as ``referral_moved`` leaves the desk's referrals alone)."""
    rows = session.scalars(
        sa.select(Scope).where(Scope.candidate_id == rid, Scope.revoked_rev.is_(None))
    ).all()
    for scope in rows:
        if scope.account_id != to_coach:
            if keeps_loket(session, scope.account_id):
                session.delete(scope)
            else:
                scope.revoked_rev = seq.next()
            session.info.get(SCOPE_CACHE, {}).pop((scope.account_id, rid), None)
    if to_coach is not None and not any(r.account_id == to_coach for r in rows):
        session.flush()
        grant_scope(session, seq, to_coach, rid)
    session.flush()


def can_read(session: Session, caller: Caller, rec: Record) -> bool:
    """May ``caller`` see ``rec``? The one rule for pull, push and look-ups."""
    if rec.entity == "coach":
        return True
    if rec.entity == LOKET:
        return _loket_readable(session, caller, rec)
    if rec.entity in p.REGISTRIES:
        return rec.spt == caller.spt
    if in_scope(session, caller.account_id, rec.candidate_id):
        return True
    if rec.entity == "referral":
        # Her own (assigned to her), or any of her SPT for the loket and the coordinator.
        return rec.addressee == caller.account_id or (
            rec.spt == caller.spt and at_referral_desk(session, caller.account_id)
        )
    # A handover addressed to her, before she accepts it; audit entries about no candidate.
    return rec.addressee == caller.account_id and rec.entity in ("handover", "audit_entry")


DESK_CACHE = "spt.referral_desk"


def at_referral_desk(session: Session, account_id: str) -> bool:
    """Has the account a role that sees every referral of its SPT (``REFERRAL_DESK_ROLES``:
    the loket, the coordinator, the administrator)? Kept for the transaction."""
    cache: dict[str, bool] = session.info.setdefault(DESK_CACHE, {})
    if account_id not in cache:
        account = session.get(Account, account_id)
        roles = set((account.roles if account else "").split(","))
        cache[account_id] = bool(roles & p.REFERRAL_DESK_ROLES)
    return cache[account_id]


def _referral_owner(
    session: Session, caller: Caller, data: dict[str, Any]
) -> tuple[bool, str | None, str | None, str | None]:
    """``_owner_of_new`` of a referral: one of the caller's SPT, made by the loket or the
    coordinator (for anyone or no one yet) or by a coach for herself; linked, if at all,
    to a candidate in the caller's scope. Its addressee is its coach."""
    coach, cand = data.get("coach_id"), data.get("candidate_id")
    ok = data.get("spt") == caller.spt and (
        coach == caller.account_id or at_referral_desk(session, caller.account_id)
    )
    if cand is not None and not in_scope(session, caller.account_id, cand):
        ok = False
    return ok, cand, caller.spt, coach


def _referral_change_allowed(
    session: Session, caller: Caller, rec: Record, changed: dict[str, Any]
) -> bool:
    """An update of a referral: its SPT never changes; its coach only by the loket or the
    coordinator; its candidate is set once, to one in the caller's scope."""
    if "spt" in changed:
        return False
    if "coach_id" in changed and not at_referral_desk(session, caller.account_id):
        return False
    if "candidate_id" in changed:
        cand = changed["candidate_id"]
        if rec.candidate_id is not None or cand is None:
            return False
        return in_scope(session, caller.account_id, cand)
    return True


def refresh_scope(session: Session, seq: Sequence, account_id: str, candidate_id: str) -> None:
    """Bring the scope row of (coach, candidate) in line with her active assignments."""
    session.info.get(SCOPE_CACHE, {}).pop((account_id, candidate_id), None)
    rows = session.execute(
        sa.select(Record.data).where(
            Record.entity == "assignment",
            Record.candidate_id == candidate_id,
            Record.addressee == account_id,
            Record.deleted.is_(False),
        )
    ).scalars()
    active = any(json.loads(d).get("active") for d in rows)
    scope = session.get(Scope, (account_id, candidate_id))
    if active and (scope is None or scope.revoked_rev is not None):
        if scope is None:
            scope = Scope(account_id=account_id, candidate_id=candidate_id, granted_rev=0)
            session.add(scope)
        regrant(scope, seq.next())
    elif not active and scope is not None and scope.revoked_rev is None:
        scope.revoked_rev = seq.next()
    session.flush()


def set_assignment(
    session: Session,
    seq: Sequence,
    candidate_id: str,
    account_id: str,
    role: str,
    *,
    active: bool,
    by: str | None,
) -> None:
    """Make (or switch) the assignment records of a coach to a candidate, then rescope.

    A deleted or erased candidate is no one's to receive again: ``CandidateGone``.
    An exclusive ``seq`` is locked before the assignments are read (a push's shared one
    holds the candidate's lock already)."""
    seq.lock()
    if active:
        cand = session.get(Record, candidate_id)
        if cand is not None and cand.entity == "candidate" and cand.deleted:
            raise CandidateGone()
    rows = session.execute(
        sa.select(Record).where(
            Record.entity == "assignment",
            Record.candidate_id == candidate_id,
            Record.addressee == account_id,
            Record.deleted.is_(False),
        )
    ).scalars()
    found = False
    for rec in rows:
        data = json.loads(rec.data)
        # Only this role's assignment switches: ending one role leaves her others (and
        # so her scope, if one of them stays active).
        if data.get("role") == role:
            found = True
            if bool(data.get("active")) != active:
                _write_fields(rec, {"active": active}, seq.next(), by, None)
    if active and not found:
        _new_record(
            session,
            "assignment",
            uuid7(),
            {"candidate_id": candidate_id, "coach_id": account_id, "role": role, "active": True},
            seq.next(),
            by,
            None,
            candidate_id=candidate_id,
            addressee=account_id,
        )
    session.flush()
    refresh_scope(session, seq, account_id, candidate_id)


# --- push --------------------------------------------------------------------------


def push(session: Session, caller: Caller, batch: p.AnyBatch, *, bulk: bool = True) -> p.PushResult:
    """Apply ``batch`` once; a replay answers with the stored results.

    ``bulk``: new records whose side effects are known in advance (none, or a new
    candidate's own assignment and scope) are written together with one executemany
    (see ``_Bulk``); everything else takes the careful path, record by record. False:
    every change takes the careful path (the tests compare both).
    """
    return push_answer(session, caller, batch, bulk=bulk).result()


# What became of one change: its ChangeResult, or (id, revision) for a change applied
# as sent (``Pushed``).
Outcome = p.ChangeResult | tuple[str, int | None]


@dataclass(frozen=True)
class Pushed:
    """A push's results. A change applied as sent (nearly every change of a first push)
    is kept as its (id, revision), not as a ``ChangeResult``: making 2,000 models a
    batch, validating them into the ``PushResult`` and writing them out twice (the
    answer, the stored result) cost more than a tenth of a first push's server CPU.
    ``json`` is the ``PushResult``'s JSON as pydantic writes it, ``result()`` the model."""

    batch_id: str
    results: list[Outcome]
    json: str
    replayed: bool = False
    # SQLite: the revisions the push wrote, (first, last]: the counter at its lock and as
    # it left it (``app.note_own``); None: not known (PostgreSQL, a batch answered again).
    span: tuple[int, int] | None = None

    def result(self) -> p.PushResult:
        return p.PushResult(
            batch_id=self.batch_id,
            results=[r if isinstance(r, p.ChangeResult) else _applied(*r) for r in self.results],
            replayed=self.replayed,
        )


def _applied(rid: str, rev: int | None) -> p.ChangeResult:
    return p.ChangeResult(id=rid, status="applied", rev=rev)


def results_json(
    batch_id: str, results: list[Outcome], replayed: bool = False, runs: bool = False
) -> str:
    """``PushResult(batch_id, results, replayed).model_dump_json(exclude_defaults=True)``,
    a change applied as sent written from its (id, revision): the same text
    (tests/server/test_push_answer). A field at its default is left out (the protocol:
    an absent field is its default; ``"conflicts":[],"reason":null,"record":null`` on
    every result was a third of a first push's answer, 239 -> 153 KB a batch of 2,000).
    Such an id is a change's, which passed ``p.Uuid``'s pattern (hex digits and dashes:
    nothing to escape).

    A batch of changes all applied as sent (nearly every batch of a first push) is
    written without a look at each result's type (``isinstance`` of a model class asks
    its ABC); a refused change without a record or conflicts (a first push's rejected
    and forbidden ones) is written here too (``_result_json``), not by its model
    (bench/SYNC.md, round 14).

    ``runs``: the compact form (``p.HEADER_PUSH_ANSWER``), ``results`` being the batch's
    in its order: the changes applied as sent with a revision as runs of positions
    (``p.PushResult.applied``), the others as above (``_runs``)."""
    if runs:
        results, applied = _runs(results)
        tail = f',"replayed":true,"applied":{applied}}}' if replayed else f',"applied":{applied}}}'
    else:
        tail = ',"replayed":true}' if replayed else "}"
    if set(map(type, results)) == _JUST_TUPLES:  # no isinstance a result
        parts = [
            f'{{"id":"{rid}","status":"applied","rev":{rev}}}'
            if rev is not None
            else f'{{"id":"{rid}","status":"applied"}}'
            for rid, rev in results
        ]
    else:
        parts = [
            (
                f'{{"id":"{r[0]}","status":"applied","rev":{r[1]}}}'
                if r[1] is not None
                else f'{{"id":"{r[0]}","status":"applied"}}'
            )
            if isinstance(r, tuple)
            else _result_json(r)
            for r in results
        ]
    return f'{{"batch_id":{_json_str(batch_id)},"results":[{",".join(parts)}]{tail}'


def _runs(results: list[Outcome]) -> tuple[list[Outcome], str]:
    """The results a compact answer lists (those not applied as sent with a revision:
    a (id, revision), or a ``ChangeResult`` that says no more), and the JSON of the runs
    of the others (``p.PushResult.applied``: position, first revision, count),
    ``results`` being the batch's in its order. A first push's batch
    is applied as sent at consecutive revisions in its order (``_Bulk._add_columns``
    takes them by ``Sequence.take``), so nearly every batch is one run, found by C
    loops (a list of revisions against a range); any other batch by a Python step a
    result. A revision another push took between two of a batch's writes (PostgreSQL:
    leased blocks), or a result between, begins a new run."""
    n = len(results)
    if n and set(map(type, results)) == _JUST_TUPLES:
        revs = list(map(_SECOND_ITEM, results))  # type: ignore[arg-type]
        first = revs[0]
        if first.__class__ is int and revs == list(range(first, first + n)):
            return [], f"[0,{first},{n}]"
    others: list[Outcome] = []
    applied: list[int] = []
    at = rev = count = 0  # the run being made: its position, first revision, count
    for i, r in enumerate(results):
        if r.__class__ is tuple:
            now = r[1]
        else:  # a ChangeResult that says no more than (id, revision) is one too
            d = r.__dict__
            plain = d["status"] == "applied" and d["reason"] is None and d["record"] is None
            now = d["rev"] if plain and not d["conflicts"] else None
        if now is not None:
            if count and now == rev + count and i == at + count:
                count += 1
                continue
            if count:
                applied += (at, rev, count)
            at, rev, count = i, now, 1
        else:
            others.append(r)
    if count:
        applied += (at, rev, count)
    return others, f"[{','.join(map(str, applied))}]"


_SECOND_ITEM = operator.itemgetter(1)
_JUST_TUPLES = {tuple}
_STATUSES = frozenset(("applied", "conflict", "gone", "rejected", "forbidden"))


def _result_json(r: p.ChangeResult) -> str:
    """``r.model_dump_json(exclude_defaults=True)``: written here when it has no record
    and no conflicts (its id and reason as pydantic writes them). Its values read from
    its ``__dict__`` (each attribute of a model cost ~0.5 k instructions)."""
    values = r.__dict__
    rev, status, reason = values["rev"], values["status"], values["reason"]
    if values["record"] is not None or values["conflicts"] or status not in _STATUSES:
        return r.model_dump_json(exclude_defaults=True)
    text = f'{{"id":{_json_str(values["id"])},"status":"{status}"'
    if rev is not None:
        if rev.__class__ is not int:  # pragma: no cover - a revision is an int
            return r.model_dump_json(exclude_defaults=True)
        text = f'{text},"rev":{rev}'
    return text + "}" if reason is None else f'{text},"reason":{_json_str(reason)}}}'


def _json_str(text: str) -> str:
    """A JSON string as pydantic writes it: a text of printable ASCII without a quote or
    a backslash (a record id, a refusal's reason) as it is."""
    if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return to_json(text).decode()


class StaleCheck(Exception):
    """The auth epoch moved since the process checked the caller (``push_answer``'s
    ``epoch``): nothing was written; check her again and push again."""


def push_answer(
    session: Session,
    caller: Caller,
    batch: p.AnyBatch,
    *,
    bulk: bool = True,
    epoch: int | None = None,
    noted: datetime | None = None,
    runs: bool = False,
) -> Pushed:
    """``push``, its results as ``Pushed`` (the answer's JSON written once; ``runs``: in
    the compact form, ``p.HEADER_PUSH_ANSWER``, and kept so, see ``_kept_json``).

    ``epoch`` (PostgreSQL): the auth epoch at which this process checked ``caller``; read
    by the push's first statement, and ``StaleCheck`` raised if it moved (the caller
    then needs the database's check, ``app._checked``, which a sync from a device the
    process checked otherwise spends a statement on). ``noted`` (PostgreSQL): the
    sync's time, noted on the caller's device by the push's first statement (in its
    transaction: a replay notes it too, a refused push not)."""
    # Shared on PostgreSQL (pushes run side by side, each locking what it touches),
    # exclusive on SQLite (one writer at a time anyway): see Sequence.
    seq = Sequence(session, shared=True, block=2 * len(batch.changes) + 8)
    seq.lock()
    # Shared: the writers' lock, and every statement from here on planned for its own
    # values (_SHARE), the claim's too.
    current = seq.share(None if noted is None else (caller.device_id, noted))
    if epoch is not None and current is not None and current != epoch:
        raise StaleCheck()
    ids = [ch.id for ch in batch.changes]
    stored_candidates: set[str] = set()
    keys: set[str] = set()
    if seq.shared:
        # The claim, the admission, the stored records' candidates and the locks of
        # them and of what the batch names, in one statement: four round trips were
        # one each.
        keys = _named_keys(batch.changes)
        claimed, admit, stored_candidates = _claim_pg(session, caller, batch.batch_id, ids, keys)
        keys |= stored_candidates
    else:
        claimed, admit = _claim(session, caller, batch.batch_id), None
    # The batch is claimed first: a concurrent duplicate waits here for the first to
    # commit, then answers from its results.
    if not claimed:
        seen = session.get(Batch, batch.batch_id)
        assert seen is not None
        if seen.account_id != caller.account_id:
            raise BatchIdInUse()
        again = _rehydrated(session, caller, _kept_result(seen.result, ids))
        outcomes: list[Outcome] = list(again.results)
        if runs and [r.id for r in again.results] != ids:
            # Kept long, for other changes under this id: each result in full, by its id.
            json_ = results_json(again.batch_id, outcomes, True)[:-1] + ',"applied":[]}'
        else:
            json_ = results_json(again.batch_id, outcomes, True, runs)
        return Pushed(again.batch_id, outcomes, json_, True)
    # After the shared lock: a deactivation or revocation (exclude_pushes) that
    # committed after the caller's check, while this push waited, is seen here.
    if not (admitted(session, caller) if admit is None else admit):
        raise DeviceRevoked()
    # The batch's records in one query; records it creates join them (see _apply). The
    # bulk path reads them as plain rows (no ORM object per record: _Bulk._fast_update).
    known: dict[str, Any] = {}
    if seq.shared and bulk:
        known = _known_pg(session, caller, ids, batch.changes)
    elif bulk and not seq.postgres:
        known = _known_lite(session, ids)
    for chunk in () if bulk and (seq.shared or not seq.postgres) else _chunks(ids):
        if bulk:
            stmt = sa.select(*_STORED).where(among(session, RECORD.c.id, chunk))
            known.update((r.id, r) for r in session.execute(stmt).all())  # fetchall: not row by row
            continue
        known.update(
            (r.id, r)
            for r in session.scalars(sa.select(Record).where(among(session, Record.id, chunk)))
        )
    if seq.shared:
        # Read after the locks: a record another push created while this one waited for
        # its lock (a partial update names no candidate) has a candidate this push did
        # not know to lock. Locked now, before anything is decided about it. (Out of
        # the one order at worst: a cycle is then PostgreSQL's deadlock error for one
        # of the two, and its device sends the batch again.)
        late = {c for r in known.values() if (c := r.candidate_id)} - keys
        seq.lock_keys(late)
        cache = session.info.get(SCOPE_CACHE, {})
        for cid in late:  # its scope read before its lock (_known_pg): read again
            cache.pop((caller.account_id, cid), None)
    session.info[OWN] = _own_assignments(caller, batch.changes)
    session.info[DEFERRED] = set()
    fold: _Folded | None = None
    try:
        if bulk:
            fast = _Bulk(session, seq, caller, known, batch.changes)
            results = fast.run(batch.changes)
            if seq.shared and not session.info[DEFERRED]:
                # Nothing after this reads records: a small push's new rows and updates
                # are written by its finishing statement (_finish_pg).
                fold = fast.folded()
            if fold is None:
                fast.write()
        else:
            results = [_apply(session, seq, caller, ch, known) for ch in batch.changes]
        _assign_the_unassigned(session, seq, caller, session.info[DEFERRED])
    finally:
        session.info.pop(OWN, None)
        session.info.pop(DEFERRED, None)
    answer = results_json(batch.batch_id, results, runs=runs)
    kept = _without_content(results)
    kept_json = answer if kept is results else results_json(batch.batch_id, kept, runs=runs)
    if runs:
        kept_json = _kept_json(kept_json, ids)
    if not seq.postgres:
        raw.lite(session.connection(), _RESULT_LITE, (kept_json, batch.batch_id))
        seq.flush()
    elif not (seq.shared and _finish_pg(session, seq, batch.batch_id, kept_json, fold)):
        if fold is not None:
            fold.write(session.connection())
        session.execute(sa.update(Batch).where(Batch.id == batch.batch_id).values(result=kept_json))
        seq.flush()
    session.flush()
    span = None if seq.postgres or seq.first is None else (seq.first, seq.last or seq.first)
    return Pushed(batch.batch_id, results, answer, span=span)


class DeviceRevoked(Exception):
    """The pushing device was revoked, or its account deactivated, after its check."""


def admitted(session: Session, caller: Caller) -> bool:
    """The caller's account is active and her device not revoked (a device the server
    does not know, as in some tests, is not revoked)."""
    if session.get_bind().dialect.name != "postgresql":
        rows = raw.lite(session.connection(), _ADMITTED_LITE, (caller.device_id, caller.account_id))
        return bool(rows[0][0])
    revoked = (
        sa.select(Device.id)
        .where(Device.id == caller.device_id, Device.revoked_at.is_not(None))
        .exists()
    )
    active = sa.select(Account.active).where(Account.id == caller.account_id).scalar_subquery()
    return bool(session.execute(sa.select(sa.and_(~revoked, active.is_(True)))).scalar())


def exclude_pushes(session: Session) -> None:
    """For a deactivation or a revocation: wait for the pushes in flight, and keep new
    ones waiting until this transaction ends (PostgreSQL: the writers' lock, exclusive;
    SQLite has one writer at a time anyway). A push that waited then sees the change
    (``admitted``): nothing of a device is accepted after it was revoked."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.select(sa.func.pg_advisory_xact_lock(*WRITERS)))


def note_sync_lite(session: Session, device_id: str) -> None:
    """``coordination.note_sync`` on SQLite, in the push's transaction, as a fixed
    statement (``raw.lite``; its time bound by the column's own processor, as
    SQLAlchemy binds it): through the ORM's bulk update it cost a third of a
    millisecond a push (1 % of a first push's server CPU)."""
    conn = session.connection()
    raw.lite(conn, _NOTE_SYNC_LITE, (_last_sync_bind(conn.dialect)(utcnow()), device_id))


def _last_sync_bind(dialect: sa.Dialect) -> Callable[[Any], Any]:
    bind = _LAST_SYNC_BINDS.get(dialect.name)
    if bind is None:
        column = Device.__table__.c.last_sync
        bind = column.type.dialect_impl(dialect).bind_processor(dialect) or (lambda v: v)
        _LAST_SYNC_BINDS[dialect.name] = bind
    return bind


_LAST_SYNC_BINDS: dict[str, Callable[[Any], Any]] = {}


# SQLite: a push's fixed statements (raw.lite), as their SQLAlchemy forms (through the
# ORM's bulk insert and update, each cost a third of a millisecond a push).
_NOTE_SYNC_LITE = "UPDATE device SET last_sync = ? WHERE device.id = ?"
_RESULT_LITE = "UPDATE batch SET result = ? WHERE id = ?"
_ADMITTED_LITE = (
    "SELECT NOT EXISTS (SELECT 1 FROM device WHERE id = ? AND revoked_at IS NOT NULL) "
    "AND coalesce((SELECT active FROM account WHERE id = ?), 0) IS 1"
)
_CLAIM_KEYS = ("id", "account_id", "device_id", "result", "created_at")


def _claim(session: Session, caller: Caller, batch_id: str) -> bool:
    """Insert the batch's row (its result follows at the end); False when it is there
    already. On PostgreSQL an uncommitted claim of the same id makes this wait for its
    transaction: then the row is there (committed) or free (rolled back)."""
    if session.get_bind().dialect.name != "postgresql":
        conn = session.connection()
        plan = _insert_plan(conn.dialect, BATCH, _CLAIM_KEYS)
        row = (batch_id, caller.account_id, caller.device_id, "", utcnow())
        values = dict(zip(_CLAIM_KEYS, row, strict=True))
        params = tuple(
            values[k] if bind is None else bind(values[k])
            for k, bind in zip(plan.keys, plan.binds, strict=True)
        )
        return bool(raw.lite(conn, plan.sql + " ON CONFLICT (id) DO NOTHING RETURNING id", params))
    insert = (pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert)(
        Batch
    )
    done = session.execute(
        insert.values(
            id=batch_id,
            account_id=caller.account_id,
            device_id=caller.device_id,
            result="",
            created_at=utcnow(),
        )
        .on_conflict_do_nothing(index_elements=[Batch.id])
        .returning(Batch.id)
    )
    # RETURNING, not rowcount: psycopg reports -1 for an INSERT ... ON CONFLICT.
    return done.first() is not None


def _named_keys(changes: p.AnyChanges) -> set[str]:
    """What a push locks (shared mode): every candidate its changes are about (a record's
    own candidate as stored: ``_claim_pg`` reads those; the one a new record names, a
    candidate itself) and the records that hang off none (registries). Scope,
    assignments and handovers all follow one candidate: two pushes about the same
    candidate run one after the other, pushes about different ones side by side."""
    keys = {ch.id for ch in changes}
    keys |= {c for ch in changes if isinstance(c := ch.fields.get("candidate_id"), str)}
    return keys


def _claim_pg(
    session: Session, caller: Caller, batch_id: str, ids: list[str], named: set[str]
) -> tuple[bool, bool, set[str]]:
    """PostgreSQL, after the writers' lock: ``_claim``, ``admitted``, the candidates the
    batch's stored records hang off, and when the batch is claimed and the caller
    admitted, the locks (``Sequence.lock_keys``) of those and of ``named`` (what the
    batch names, ``_named_keys``), in one statement. Its snapshot is taken after the
    writers' lock, as ``admitted``'s was. An uncommitted claim of the same id makes it
    wait for that transaction (as ``_claim``), before it takes any key's lock (the
    condition of the locks reads the claim): a replay waiting for the first push of
    its batch holds none that push waits for. A replay and a refused push lock
    nothing."""
    claimed, admit, candidates, _locked = pg_rows(
        session,
        _CLAIM_PG,
        {"id": batch_id, "account": caller.account_id, "device": caller.device_id,
         "at": utcnow(), "ids": ids, "named": sorted(named)},
    )[0]  # fmt: skip
    return bool(claimed), bool(admit), set(candidates)


_CLAIM_PG = (
    """
WITH claim AS (
  INSERT INTO batch (id, account_id, device_id, result, created_at)
  VALUES (%(id)s, %(account)s, %(device)s, '', %(at)s)
  ON CONFLICT (id) DO NOTHING RETURNING id),
f AS MATERIALIZED (SELECT EXISTS (SELECT FROM claim) AS claimed,
  NOT EXISTS (SELECT FROM device WHERE id = %(device)s AND revoked_at IS NOT NULL)
    AND coalesce((SELECT active FROM account WHERE id = %(account)s), false) AS admitted,
  ARRAY(SELECT candidate_id FROM record
        WHERE id = ANY(CAST(%(ids)s AS text[])) AND candidate_id IS NOT NULL) AS stored)
SELECT claimed, admitted, stored,
  CASE WHEN claimed AND admitted THEN """
    + _LOCKED.format(keys="CAST(%(named)s AS text[]) || stored")
    + """ END
FROM f
"""
)


def _known_lite(session: Session, ids: list[str]) -> dict[str, Any]:
    """SQLite: the batch's stored records (``_STORED``'s columns) in one read of plain
    rows (``raw.lite``)."""
    rows = raw.lite(session.connection(), _KNOWN_LITE, (_json_ids(ids),))
    return {r[0]: StoredRow((*r[:6], bool(r[6]), *r[7:])) for r in rows}


def _json_ids(ids: Iterable[Any]) -> str:
    """A list of ids as one JSON parameter (SQLite's ``json_each``; text: a blob would be
    read as SQLite's binary JSON). By msgspec: half pydantic-core's ``to_json``."""
    return _encode(ids if isinstance(ids, list) else list(ids)).decode()


_encode = msgspec.json.Encoder().encode


# SQLite: a push's reads of a batch's ids, each one fixed text with the ids as one JSON
# parameter (``raw.lite``: ``among``'s statement built, compiled and looked up anew per
# 500 ids, and each row wrapped, was more than the reads themselves). The busy ones walk
# the ids and seek each in the table's index (``_EACH``, a join in that order): ``IN``
# a subquery first copies the ids into a sorted temporary index of their own, then
# seeks (a first push's 2,000 misses of the id index a batch: 13.5 -> 5.2 M
# instructions, bench/SYNC.md round 14). A join gives a row per id sent: these are
# given distinct ids, or read into a dict or set.
_IDS = "(SELECT value FROM json_each(?))"
_EACH = "json_each(?) AS j CROSS JOIN"
_KNOWN_LITE = (
    "SELECT record.id, entity, candidate_id, spt, addressee, rev, deleted, data, field_revs "
    f"FROM {_EACH} record ON record.id = j.value"
)
_FACTS_LITE = f"SELECT record.id, entity, deleted, spt FROM {_EACH} record ON record.id = j.value"
_SCOPES_LITE = (
    f"SELECT account_id, candidate_id, revoked_rev FROM {_EACH} scope "
    "ON scope.candidate_id = j.value"
)
_ASSIGNED_LITE = (
    "SELECT addressee, candidate_id, data, record.id, synced_device, updated_by FROM "
    f"{_EACH} record ON record.candidate_id = j.value "
    "WHERE entity = 'assignment' AND deleted = 0"
)
_ANY_ASSIGNED_LITE = (
    f"SELECT DISTINCT candidate_id FROM record WHERE candidate_id IN {_IDS} "
    "AND entity = 'assignment'"
)
_CLOSURES_LITE = f"SELECT candidate_id FROM candidate_closure WHERE candidate_id IN {_IDS}"
_ACCOUNTS_LITE = f"SELECT account.id, active, roles FROM {_EACH} account ON account.id = j.value"
_OWN_ASSIGNED_LITE = (
    f"SELECT candidate_id, data FROM record WHERE entity = 'assignment' AND candidate_id IN {_IDS} "
    "AND addressee = ? AND deleted = 0"
)


class StoredRow(tuple[Any, ...]):
    """A stored record as the bulk path reads it (``_STORED``'s columns by name)."""

    __slots__ = ()
    id = property(operator.itemgetter(0))
    entity = property(operator.itemgetter(1))
    candidate_id = property(operator.itemgetter(2))
    spt = property(operator.itemgetter(3))
    addressee = property(operator.itemgetter(4))
    rev = property(operator.itemgetter(5))
    deleted = property(operator.itemgetter(6))
    data = property(operator.itemgetter(7))
    field_revs = property(operator.itemgetter(8))


def _known_pg(
    session: Session, caller: Caller, ids: list[str], changes: p.AnyChanges
) -> dict[str, Any]:
    """PostgreSQL, after the candidates' locks: the batch's stored records (``_STORED``)
    and the caller's scope of every candidate the batch names or its records hang off,
    in one statement; the scopes go into ``in_scope``'s cache (``_Bulk`` then reads
    none: two statements were one each)."""
    account_id = caller.account_id
    named = {c.id if c.entity == "candidate" else c.fields.get("candidate_id") for c in changes}
    asked = {c for c in named if isinstance(c, str)}
    rows = pg_rows(session, _KNOWN_PG, {"ids": ids, "account": account_id,
                                        "named": sorted(asked)})  # fmt: skip
    known: dict[str, Any] = {}
    found: dict[str, bool] = {}
    for row in rows:
        if row[9]:
            found[row[0]] = row[10] is None
        else:
            known[row[0]] = StoredRow(row[:9])
            if row[2] is not None:
                asked.add(row[2])
    cache: dict[tuple[str, str], bool] = session.info.setdefault(SCOPE_CACHE, {})
    for cid in asked:
        cache[(account_id, cid)] = found.get(cid, False)
    return known


_KNOWN_PG = """
WITH k AS (SELECT id, entity, candidate_id, spt, addressee, rev, deleted, data, field_revs
           FROM record WHERE id = ANY(CAST(%(ids)s AS text[])))
SELECT k.*, false, CAST(NULL AS bigint) FROM k
UNION ALL
SELECT candidate_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, true, revoked_rev
FROM scope WHERE account_id = %(account)s AND candidate_id = ANY(
  CAST(ARRAY(SELECT candidate_id FROM k WHERE candidate_id IS NOT NULL) AS text[])
  || CAST(%(named)s AS text[]))
"""


def _finish_pg(
    session: Session, seq: Sequence, batch_id: str, stored: str, fold: _Folded | None = None
) -> bool:
    """PostgreSQL (shared): the batch's result, the watermarks of what it wrote
    (``mark_scopes``) and the release of its lease in one statement, after the session's
    pending writes: three were one each. ``fold``: the bulk path's last new rows and
    updates of records (``_Bulk.folded``), written by the same statement (two more).
    False (nothing done) for a push that leased more than one block (``Sequence.flush``
    then, after ``fold`` is written)."""
    session.flush()
    ranges = seq.ranges()
    if len(ranges) > 1:
        return False
    if fold is not None and ranges:
        first, last = ranges[0]
        _marked(session, last, pg_rows(session, fold.sql(), {
            "result": stored, "batch": batch_id, "xid": seq.xid, "first": first,
            "last": last, "low": first, "top": last,
            **fold.params()}))  # fmt: skip
        return True
    if fold is not None:
        fold.write(session.connection())
    if not ranges:
        pg_rows(session, "UPDATE batch SET result = %s WHERE id = %s", (stored, batch_id),
                rows=False)  # fmt: skip
        return True
    first, last = ranges[0]
    _marked(session, last, pg_rows(session, _FINISH_PG, {
        "result": stored, "batch": batch_id, "xid": seq.xid, "first": first, "last": last,
        "low": first, "top": last}))  # fmt: skip
    return True


def _own_assignments(caller: Caller, changes: p.AnyChanges) -> set[str]:
    """Candidates the batch assigns to the pushing coach herself (active): the desktop
    registers a candidate together with her registrar's assignment."""
    return {
        str(ch.fields.get("candidate_id"))
        for ch in changes
        if ch.entity == "assignment"
        and ch.op == "upsert"
        and ch.fields.get("coach_id") == caller.account_id
        and ch.fields.get("active") is True
    }


def _assign_the_unassigned(
    session: Session, seq: Sequence, caller: Caller, deferred: set[str]
) -> None:
    """The server's own assignment for the batch's new candidates whose registering
    device named one that did not make it in (refused, say): scope needs an assignment."""
    if not deferred:
        return
    session.flush()
    assigned: set[str] = set()
    lite = session.get_bind().dialect.name != "postgresql"
    if lite:  # one fixed read (raw.lite)
        found = raw.lite(session.connection(), _OWN_ASSIGNED_LITE,
                         (_json_ids(deferred), caller.account_id))  # fmt: skip
        assigned = {str(c) for c, d in found if json.loads(d).get("active")}
    for chunk in () if lite else _chunks(sorted(deferred)):
        rows = session.execute(
            sa.select(Record.candidate_id, Record.data).where(
                Record.entity == "assignment",
                Record.candidate_id.in_(chunk),
                Record.addressee == caller.account_id,
                Record.deleted.is_(False),
            )
        ).all()
        assigned |= {str(c) for c, d in rows if json.loads(d).get("active")}
    role = _first_role(session, caller.account_id)
    for cand in sorted(deferred - assigned):
        set_assignment(session, seq, cand, caller.account_id, role, active=True, by=None)


def _without_content(results: list[Outcome]) -> list[Outcome]:
    """Results as the server keeps them for a replay: ids, statuses, revisions and
    reasons (field names, never values). No record content and no conflicting values:
    a stored result must not outlive a deletion or an erasure with someone's text in it.
    A refused change keeps a content-free stub of its record (the sign that one was
    sent); ``_rehydrated`` fills both in again from the records and conflict rows.
    Results with neither (nearly all) are kept as they are, and when every one is, the
    list itself comes back (its JSON is the answer's): a batch applied as sent is known
    by its results' types alone (no ``isinstance`` each, see ``results_json``)."""
    if set(map(type, results)) == _JUST_TUPLES or all(
        isinstance(r, tuple) or (r.record is None and not r.conflicts) for r in results
    ):
        return results
    return [
        r if isinstance(r, tuple) or (r.record is None and not r.conflicts) else r.model_copy(
            update={
                "record": None
                if r.record is None
                else p.Record.model_construct(
                    entity=r.record.entity, id=r.record.id, rev=r.record.rev,
                    deleted=r.record.deleted, data={},
                ),
                "conflicts": [p.FieldConflict(field=c.field) for c in r.conflicts],
            }
        )
        for r in results
    ]  # fmt: skip


# A push's results as kept for a replay (``batch.result``) in the compact form (a push
# that asked for it, ``push_answer``'s ``runs``): its answer's JSON with the digest of its
# batch's change ids (``_ids_digest``), which its runs' positions stand for. A 10k first
# push kept 32.5 MB of long results (written to the WAL, synced, copied by the
# checkpoint: 6 % of the bytes the server wrote), nearly all ids the client had sent.
class _Kept(p.PushResult):
    ids: str | None = None


def _kept_json(answer: str, ids: list[str]) -> str:
    """The compact ``answer`` (not replayed: it ends with its runs) as kept: with the
    digest of ``ids`` (``_Kept``)."""
    return f'{answer[:-1]},"ids":"{_ids_digest(ids)}"}}'


def _ids_digest(ids: list[str]) -> str:
    """The digest of a batch's change ids in order (each a ``p.Uuid``: no newline), its
    first 128 bits. SHA-256 by OpenSSL: ~50 us a batch of 2,000 ids here with the CPU's
    SHA instructions (10 ms of a 10k first push), where Python's own BLAKE2b took ~90 us.
    (Under valgrind, whose CPU has none, OpenSSL's generic code counts ~2 M instructions
    a batch.)"""
    return hashlib.sha256("\n".join(ids).encode()).hexdigest()[:32]


def _kept_result(kept: str, ids: list[str]) -> p.PushResult:
    """A batch's kept results (``batch.result``: either form, or as an older server kept
    them) in the long form, for its replay with the change ids ``ids``. Kept compact,
    their runs stand for positions of the batch as first sent: a batch sent again with
    other changes under its id is refused as a reuse of the id (``BatchIdInUse``), as
    nothing can say which of its changes those were. (Kept long, the results name their
    ids, as before.)"""
    stored = _Kept.model_validate_json(kept)
    if stored.applied is not None:
        if stored.ids != _ids_digest(ids):
            raise BatchIdInUse()
        return p.expanded(stored, ids)
    return p.PushResult(batch_id=stored.batch_id, results=stored.results, replayed=stored.replayed)


def _rehydrated(session: Session, caller: Caller, stored: p.PushResult) -> p.PushResult:
    """A stored (content-free) result as the first answer was: the refused records as
    the server holds them now, the conflicting values from the conflict rows (a conflict
    whose record was deleted since is left out: nothing to choose between)."""
    results = []
    for r in stored.results:
        update: dict[str, Any] = {}
        if r.record is not None:
            rec = session.get(Record, r.id)
            update["record"] = as_record(rec) if rec is not None else r.record
        if r.conflicts:
            update["conflicts"] = [
                c for c in (_conflict(session, caller, r.id, c.field) for c in r.conflicts) if c
            ]
        results.append(r.model_copy(update=update) if update else r)
    return stored.model_copy(update={"results": results})


def _conflict(
    session: Session, caller: Caller, record_id: str, field: str
) -> p.FieldConflict | None:
    row = session.execute(
        sa.select(Conflict.kept, Conflict.other)
        .where(
            Conflict.record_id == record_id,
            Conflict.field == field,
            Conflict.device_id == caller.device_id,
        )
        .order_by(Conflict.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return p.FieldConflict(field=field, yours=json.loads(row[1]), theirs=json.loads(row[0]))


def _chunks(ids: list[str], size: int = 500) -> list[list[str]]:
    """``ids`` in slices small enough for one ``IN (...)`` on every database."""
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def among(session: Session, column: Any, ids: list[str]) -> sa.ColumnElement[bool]:
    """``column IN ids`` with the ids as one parameter, so the statement's text is the
    same for every batch: on PostgreSQL ``column = ANY(array)`` (psycopg converted a
    500-parameter IN list anew for each: a tenth of a first push's server time), on
    SQLite ``column IN (SELECT value FROM json_each(:json))`` (SQLAlchemy rendered the
    500 parameters anew for each statement; SQLite searches the column's index per id,
    as for a list, and the query is a third cheaper). The list's JSON by pydantic-core
    (``json.dumps`` of 500 ids, a dozen times a batch, was 2 % of a first push)."""
    if session.get_bind().dialect.name == "postgresql":
        return column == sa.any_(sa.bindparam(None, list(ids), type_=PG_TEXTS))  # type: ignore[no-any-return]
    listed = sa.func.json_each(sa.bindparam(None, to_json(list(ids)).decode(), type_=sa.Text))
    return column.in_(sa.select(listed.table_valued("value").c.value))  # type: ignore[no-any-return]


PG_TEXTS = postgresql.ARRAY(sa.Text)


class BatchIdInUse(Exception):
    pass


NO_RECEIVER = "de collega heeft geen actief account op de SPT-server"


def can_receive(session: Session, account_id: str) -> bool:
    """May a dossier be handed or assigned to this account? Only to a coach with an
    active account: to anyone else it would leave the sender's scope for nobody's (a
    deactivated coach's laptops are revoked and never receive it)."""
    account = session.get(Account, account_id)
    return account is not None and account.active


class CandidateGone(Exception):
    """The candidate was deleted or erased: she cannot be assigned again."""


def _forbidden(ch: p.AnyChange) -> p.ChangeResult:
    return _refusal(ch.id, "forbidden", None, _FORBIDDEN_SET)


def _refusal(
    rid: Any, status: p.ChangeStatus, reason: str | None, named: frozenset[str]
) -> p.ChangeResult:
    """``p.ChangeResult(id=rid, status=status, ...)`` of a refusal without a record, the
    fields ``named`` given (``_forbidden``'s two, ``_rejected``'s five), made as
    pydantic's ``model_construct`` makes a model (its ``__dict__``, the fields set, no
    extra, no private attributes) without the validation of each: an id and a reason
    that are texts and one of the statuses pass it as they are, and the defaults are
    the model's. A first push refuses thousands (1,951 of the 1k push's changes, ~17 k
    instructions each; issue 13, round 15). The same model, equal, written the same
    (tests/server/test_refusals.py)."""
    if rid.__class__ is not str or not (reason is None or reason.__class__ is str):
        values: dict[str, Any] = {
            "id": rid, "status": status, "reason": reason, "rev": None, "record": None
        }  # fmt: skip
        return p.ChangeResult(**{k: v for k, v in values.items() if k in named})
    result = _NEW_RESULT(p.ChangeResult)
    _SET_ATTR(result, "__dict__", {"id": rid, "status": status, "rev": None, "conflicts": [],
                                   "reason": reason, "record": None})  # fmt: skip
    _SET_ATTR(result, "__pydantic_fields_set__", set(named))
    _SET_ATTR(result, "__pydantic_extra__", None)
    _SET_ATTR(result, "__pydantic_private__", None)
    return result


_NEW_RESULT, _SET_ATTR = object.__new__, object.__setattr__
_FORBIDDEN_SET = frozenset(("id", "status"))
_REJECTED_SET = frozenset(("id", "status", "reason", "rev", "record"))


def as_record(rec: Any) -> p.Record:
    """A stored record (an ORM ``Record`` or a row with its columns) as sent."""
    # Not validated again: what the server stored was validated when it came in (a pull
    # page builds up to 1,000 of these).
    return p.Record.model_construct(
        entity=rec.entity,
        id=rec.id,
        rev=rec.rev,
        deleted=rec.deleted,
        data=json.loads(rec.data),
    )


def _apply(
    session: Session, seq: Sequence, caller: Caller, ch: p.AnyChange, known: dict[str, Record]
) -> p.ChangeResult:
    if ch.entity in p.SERVER_OWNED:
        return _forbidden(ch)
    rec = known.get(ch.id)
    if rec is None:
        if ch.op == "delete":
            # Made and deleted before it ever reached the server: nothing to keep.
            return p.ChangeResult(id=ch.id, status="applied")
        result, made = _insert(session, seq, caller, ch)
        if made is not None:
            known[ch.id] = made
        return result
    if rec.entity != ch.entity or not can_read(session, caller, rec):
        return _forbidden(ch)
    if rec.deleted:
        # A tombstone is final: an old device never brings a record back.
        return p.ChangeResult(id=ch.id, status="gone", rev=rec.rev, record=as_record(rec))
    if not _may_write(session, caller, rec, ch):
        return _forbidden(ch)
    if ch.op == "delete":
        return _delete(session, seq, caller, rec, ch)
    return _update(session, seq, caller, rec, ch)


def _valid(ch: p.AnyChange, *, full: bool, own: bool = False) -> dict[str, Any]:
    """``ch``'s fields checked and normalised (``p.validate_fields``); a change whose
    fields the pass over the body checked (``p.ParsedChange``: ``p.CheckedChange``,
    ``wire.WireChange``), any but a ``p.Change``, has only its required fields and BSN
    left to check. ``own``: such a change's fields may come back as they are (the
    caller changes nothing in them)."""
    checked = _CHECKED.get(ch.__class__)
    if checked is None:  # ``isinstance`` of a model class asks its ABC: once a class
        checked = _CHECKED[ch.__class__] = not isinstance(ch, p.Change)
    return p.validate_fields(ch.entity, ch.fields, full=full, checked=checked, own=own)


# Per class of change: are its fields checked by the pass over the body (see _valid)?
_CHECKED: dict[type, bool] = {}


# New records whose fields the server may correct in place (_file_under_own_spt,
# _clear_done_referral, _clear_closed_question): validated into a copy.
_CORRECTED = frozenset({"candidate", "referral", LOKET})


def _rejected(ch: p.AnyChange, reason: str, rec: Record | None = None) -> p.ChangeResult:
    if rec is None:
        return _refusal(ch.id, "rejected", reason, _REJECTED_SET)
    return p.ChangeResult(
        id=ch.id,
        status="rejected",
        reason=reason,
        rev=rec.rev if rec else None,
        record=as_record(rec) if rec else None,
    )


# What a new contact person, vacancy or employer contact needs to know of its employer:
# (entity, deleted, spt).
RecordFacts = tuple[str, bool, str | None]


def _stored_facts(session: Session, rid: Any) -> RecordFacts | None:
    rec = session.get(Record, rid)
    return None if rec is None else (rec.entity, rec.deleted, rec.spt)


def _owner_of_new(
    session: Session,
    caller: Caller,
    entity: str,
    data: dict[str, Any],
    rid: str,
    facts: Callable[[Any], RecordFacts | None] | None = None,
) -> tuple[bool, str | None, str | None, str | None]:
    """(allowed, candidate_id, spt, addressee) of a record about to be created.

    ``facts`` looks up an employer (default: the session; the bulk path also knows the
    records it has not written yet)."""
    if entity == "candidate":
        return True, rid, caller.spt, None
    if entity == "employer":
        return data.get("spt") == caller.spt, None, caller.spt, None
    if entity == LOKET:
        # Recorded by the SPT's loket or a coordinator; its own unit of scope.
        return keeps_loket(session, caller.account_id), rid, caller.spt, data.get("to_coach_id")
    if entity in p.REGISTRIES:  # an employer's contact persons, vacancies, contacts
        employer = (facts or (lambda i: _stored_facts(session, i)))(data.get("employer_id"))
        ok = employer is not None and employer == ("employer", False, caller.spt)
        return ok, None, caller.spt, None
    if entity == "referral":
        return _referral_owner(session, caller, data)
    cand = data.get("candidate_id")
    if entity == "audit_entry" and cand is None:
        return True, None, None, caller.account_id
    if not in_scope(session, caller.account_id, cand):
        return False, None, None, None
    addressee = _ADDRESSED_BY.get(entity)
    return True, cand, None, data.get(addressee) if addressee else None


# The field that names a new record's addressee, per entity that has one.
_ADDRESSED_BY = {"handover": "to_coach_id", "assignment": "coach_id"}
# The fields of a batch's changes that may name an addressee (_Bulk._know_accounts):
# _ADDRESSED_BY's and a loket question's receiver.
_ADDRESSEE_FIELDS = (*_ADDRESSED_BY.items(), (LOKET, "to_coach_id"))


def _insert(
    session: Session, seq: Sequence, caller: Caller, ch: p.AnyChange
) -> tuple[p.ChangeResult, Record | None]:
    try:
        data = _valid(ch, full=True)
    except p.InvalidFields as exc:
        return _rejected(ch, str(exc)), None
    # Normalised by the protocol (a date sent as a timestamp): the device holds what it
    # sent, so it gets the stored form back, as for the corrections below.
    corrected = data != ch.fields
    corrected |= _file_under_own_spt(caller, ch.entity, data)
    corrected |= _clear_done_referral(ch.entity, data)
    corrected |= _clear_closed_question(ch.entity, data)
    allowed, cand, spt, addressee = _owner_of_new(session, caller, ch.entity, data, ch.id)
    if not allowed:
        return _forbidden(ch), None
    if addressee is not None and not can_receive(session, addressee):
        return _rejected(ch, NO_RECEIVER), None
    rev = seq.next()
    rec = _new_record(
        session,
        ch.entity,
        ch.id,
        data,
        rev,
        caller.account_id,
        None if corrected else caller.device_id,
        candidate_id=cand,
        spt=spt,
        addressee=addressee,
    )
    # No flush per record: the next query autoflushes, and records without effects are
    # written together (one multi-row INSERT) when the batch ends.
    _effects(session, seq, caller, ch.entity, ch.id, data, set(data), created=True)
    return p.ChangeResult(id=ch.id, status="applied", rev=rev), rec


def _clear_done_referral(entity: str, data: dict[str, Any]) -> bool:
    """A new referral written done keeps no personal data: ``data`` is cleared in place;
    True when it was, so the device gets the cleared version back in its next pull (an
    old client, without the vault's own clearing, then loses them too)."""
    cleared = without_personal_when_done(data) if entity == "referral" else {}
    data.update(cleared)
    return bool(cleared)


def _clear_closed_question(entity: str, data: dict[str, Any]) -> bool:
    """A new loket question written closed keeps no name or contact: ``data`` is cleared
    in place; True when it was, so the device that sent them gets the cleared version
    back in its next pull (as ``_clear_done_referral``)."""
    cleared = without_personal_when_closed(data) if entity == LOKET else {}
    data.update(cleared)
    return bool(cleared)


def _file_under_own_spt(caller: Caller, entity: str, data: dict[str, Any]) -> bool:
    """A new candidate counts for the SPT of the coach who registers her, whatever her
    device says (a coach of one SPT filed candidates under another's figures): ``data``
    is corrected in place; True when it was, so the device gets the server's version
    back in its next pull (the record is not marked as equal to the device's copy).

    Corrected rather than refused: a refused candidate would leave her whole dossier
    (consents, assignment, notes) refused on the coach's laptop; her SPT is not the
    coach's to choose. Changing the SPT later is refused (``_keys_unchanged``)."""
    if entity not in ("candidate", LOKET) or data.get("spt") == caller.spt:
        return False
    data["spt"] = caller.spt
    return True


def _new_record(
    session: Session,
    entity: str,
    rid: str,
    data: dict[str, Any],
    rev: int,
    by: str | None,
    device: str | None,
    *,
    candidate_id: str | None = None,
    spt: str | None = None,
    addressee: str | None = None,
) -> Record:
    rec = Record(**record_row(entity, rid, data, rev, by, device, candidate_id, spt, addressee))
    session.add(rec)
    return rec


def record_row(
    entity: str,
    rid: str,
    data: dict[str, Any],
    rev: int,
    by: str | None,
    device: str | None,
    candidate_id: str | None,
    spt: str | None,
    addressee: str | None,
    at: datetime | None = None,
) -> dict[str, Any]:
    """The columns of a new record (the careful path makes an ORM object of them).
    ``at``: the time written (default: now). The bulk path keeps them as a list
    (``record_values``)."""
    values = record_values(entity, rid, data, rev, by, device, candidate_id, spt, addressee, at)
    return dict(zip(RECORD_KEYS, values, strict=True))


# A new record's columns in the table's order (``record_values``), and where each is.
RECORD_KEYS = (
    "id", "entity", "candidate_id", "spt", "addressee", "rev", "deleted", "data",
    "field_revs", "synced_device", "updated_by", "updated_at",
)  # fmt: skip
R_REV, R_DATA, R_FIELD_REVS = 5, 7, 8
_R_INDEX = {k: i for i, k in enumerate(RECORD_KEYS)}
# A folded new row's parameters (_Folded.params).
_I_NAMES = [tuple(f"i{n}_{k}" for k in RECORD_KEYS) for n in range(FOLD_MAX)]


def record_values(
    entity: str,
    rid: str,
    data: dict[str, Any],
    rev: int,
    by: str | None,
    device: str | None,
    candidate_id: str | None,
    spt: str | None,
    addressee: str | None,
    at: datetime | None = None,
) -> list[Any]:
    """``record_row``'s values in ``RECORD_KEYS`` order: the bulk path's row, inserted as
    it is (``insert_values``; a dict per row, then a tuple of it bound column by column,
    was 1.3 us of each record a first push inserts)."""
    return [
        rid, entity, candidate_id, spt, addressee, rev, False, data_json(data),
        IMPLIED_REVS,  # every field at ``rev`` (see stored_revs)
        device, by, at or utcnow(),
    ]  # fmt: skip


def data_json(data: dict[str, Any]) -> str:
    """A record's ``data`` column: its JSON, written by msgspec (a sixth of what
    ``json.dumps`` cost with pydantic-core's ``to_json``, and msgspec's four fifths of
    that: a first push writes hundreds of thousands). Compact and in UTF-8 rather than
    ``json.dumps``'s spaces and escapes: the same JSON to every reader (the pull splices
    it into its page as it is), the same text as ``to_json``'s (tests/server/
    test_wire_body.py). A string neither can write (a lone surrogate) goes through
    ``json.dumps`` as before."""
    try:
        return _write_json(data).decode()
    except (ValueError, UnicodeError):
        return json.dumps(data)


_write_json = msgspec.json.Encoder().encode


def data_jsons(shapes: list[Any], fields: list[dict[str, Any]]) -> list[str]:
    """``data_json`` of each of ``fields``, written of ``shapes``: ``fields`` itself, or
    the msgspec structs their changes' fields were read into (``wire.WireChange.shape``:
    the fields sent, in the entity's order, those not sent left out, as the dicts have
    them; msgspec writes a struct a fifth cheaper than a dict). The same text either way
    (tests/server/test_wire_body.py); a text msgspec cannot write (a lone surrogate)
    sends them all through ``data_json``."""
    try:
        return list(map(bytes.decode, map(_write_json, shapes)))
    except (ValueError, UnicodeError):
        return list(map(data_json, fields))


# A record's ``field_revs`` as ``record_row`` writes it: every field at the record's
# revision, the one it has until its first update writes them out (``stored_revs``).
# Written out, they were a quarter of a new row's bytes and a JSON text made per record.
IMPLIED_REVS = ""


def stored_revs(revs: str, data: dict[str, Any], rev: int) -> dict[str, Any]:
    """The revision of each field of a stored record: its ``field_revs`` column (``revs``)
    read, or when that is ``IMPLIED_REVS`` (as created: every change since wrote it
    out), each field of its ``data`` at its revision ``rev``."""
    return from_json(revs) if revs else dict.fromkeys(data, rev)


# --- push: the bulk path ----------------------------------------------------------


# Plain Core inserts (executemany): no ORM bookkeeping for rows no one holds as objects.
RECORD = sa.Table("record", Base.metadata)
ACCOUNT = sa.Table("account", Base.metadata)
SCOPE = sa.Table("scope", Base.metadata)
CLOSURE = sa.Table("candidate_closure", Base.metadata)
CONFLICT = sa.Table("conflict", Base.metadata)
BATCH = sa.Table("batch", Base.metadata)
# What the bulk path reads of a push's stored records (push, _Bulk._fast_update).
_STORED = tuple(
    RECORD.c[k]
    for k in ("id", "entity", "candidate_id", "spt", "addressee", "rev", "deleted", "data",
              "field_revs")
)  # fmt: skip


@dataclass(frozen=True)
class _Insert:
    """An INSERT of some columns of a table, compiled for one dialect: its SQL, the
    columns in the order the driver takes them, and each column's bind processor."""

    sql: str
    keys: tuple[str, ...]
    binds: tuple[Any, ...]
    named: bool  # the driver takes a dict per row (else a tuple in ``keys`` order)


_INSERTS: dict[tuple[str, str, tuple[str, ...]], _Insert] = {}


def insert_many(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """``INSERT`` ``rows`` (dicts with the same keys) as one executemany of the driver,
    each value bound by its column's own type processor, as SQLAlchemy binds it.

    The same statement as ``conn.execute(sa.insert(table), rows)``, without SQLAlchemy
    building each row's parameters anew (``construct_params``: 28 % of a first push's
    server time, more than validating and storing the records)."""
    keys = tuple(rows[0])
    get = operator.itemgetter(*keys)  # in C
    one = len(keys) == 1  # itemgetter of one key gives the value, not a tuple
    insert_values(conn, table, keys, [(get(row),) if one else get(row) for row in rows])


def _insert_plan(dialect: sa.Dialect, table: sa.Table, keys: tuple[str, ...]) -> _Insert:
    key = (dialect.name, table.name, keys)
    plan = _INSERTS.get(key)
    if plan is None:
        compiled = sa.insert(table).compile(dialect=dialect, column_keys=list(keys))
        order = tuple(compiled.positiontup or ()) if compiled.positional else keys
        binds = tuple(table.c[k].type.dialect_impl(dialect).bind_processor(dialect) for k in order)
        plan = _INSERTS[key] = _Insert(compiled.string, order, binds, not compiled.positional)
    return plan


def insert_values(
    conn: sa.Connection, table: sa.Table, keys: tuple[str, ...], rows: list[Any]
) -> None:
    """``insert_many`` of ``rows`` given as sequences of values in ``keys`` order. The
    few columns with a bind processor are converted column by column, each value once
    (``_memo``: one or two values a batch), the rows taken apart and put together again
    by ``zip`` (in C), not row by row in Python."""
    dialect = conn.dialect
    plan = _insert_plan(dialect, table, keys)
    bound = [(i, b) for i, b in enumerate(plan.binds) if b is not None]
    if plan.keys != keys:  # the statement takes its columns in another order
        at = [keys.index(k) for k in plan.keys]
        rows = [[row[i] for i in at] for row in rows]
    if bound:
        columns = list(zip(*rows, strict=True))
        for i, bind in bound:
            columns[i] = _bound_column(bind, columns[i])
        params: list[Any] = list(zip(*columns, strict=True))
    else:
        params = rows if all(type(r) is tuple for r in rows) else [tuple(r) for r in rows]
    if dialect.name == "postgresql" and len(params) >= COPY_FROM:
        _copy(conn, table, plan.keys, params)
        return
    if plan.named:
        params = [dict(zip(plan.keys, values, strict=True)) for values in params]
    elif dialect.name == "sqlite" and len(params) >= LITE_ROWS:
        _write_rows_lite(conn, plan, params)
        return
    _write_many(conn, plan.sql, params)


# SQLite: new rows go in by multi-row ``INSERT ... VALUES`` of this many rows each (the
# rest, fewer, by one executemany). An executemany runs its statement once per row: each
# run opens a cursor on the table and on every index (the record table has eight), ends
# the statement (``sqlite3VdbeHalt``) and closes them again, 12,500 instructions of each
# record a first push inserts (issue 13, round 13: callgrind of the 10k first push's rows
# replayed bare, 46.6k -> 34.0k instructions a row at 64 or 128, 35k at 16 and 2,000).
# Two texts a table (this size and the single row), prepared once each and kept in the
# driver's statement cache.
LITE_ROWS = 128

# The multi-row statements resolve a constraint error by ROLLBACK, not SQLite's default
# ABORT. A statement that writes several rows and may abort halfway needs a statement
# journal to undo its own rows and keep the transaction's: SQLite copies into it each
# page the statement changes first (its content before), and past 64 KiB spills it to a
# temp file. Every 128-row statement journalled again the index and table leaves the
# statements before it had dirtied: a 10k first push wrote 52,734 pages (864 MB) to
# /var/tmp besides its 658 MB of WAL, records' content in a temp file, ~0.6 s of the
# kernel's CPU (those writes alone: 0.62-0.64 s of system time) and 380 instructions a
# row of SQLite's (bench_lite_write.py: 1,722 -> 851 MB written; issue 13, round 16,
# helper "lite16"). With ROLLBACK a constraint error ends the whole transaction, as an
# error of the push does anyway (every row or none): no statement journal is kept.
LITE_CONFLICT = "INSERT OR ROLLBACK INTO "


def _write_rows_lite(conn: sa.Connection, plan: _Insert, params: list[Any]) -> None:
    """``params`` (tuples in ``plan.keys`` order, at least ``LITE_ROWS``) inserted on
    SQLite by statements of ``LITE_ROWS`` rows each (``raw.lite``: seen by SQLAlchemy's
    statement events; an error raised as SQLAlchemy's, its parameters hidden), the rest
    by one executemany. Every row or none, as the executemany: the transaction is the
    push's (a constraint error rolls it back, ``LITE_CONFLICT``).

    A column that holds one value in all of a statement's rows (``_lite_shape``) is
    bound once for them, or written as ``NULL`` when that value is None: a first push's
    new records share their batch's time, author, device, ``deleted`` and
    ``field_revs``, and most leave the SPT or the addressee empty. Six or seven of a
    row's twelve parameters were bound anew per row, each ~650 instructions in the
    driver and SQLite (its mutex, a copy of the text; a null through its adapter) and a
    Python call for ``updated_at``'s and ``deleted``'s processors (bench/SYNC.md, round
    17)."""
    full = len(params) - len(params) % LITE_ROWS
    for start in range(0, full, LITE_ROWS):
        columns = list(zip(*params[start : start + LITE_ROWS], strict=True))
        shape, sql = _lite_statement(plan.sql, tuple(map(_lite_shape, columns)))
        values = [c[0] for c, kind in zip(columns, shape, strict=True) if kind == _ONE]
        values += chain.from_iterable(zip(*compress(columns, map(_ROW.__eq__, shape)), strict=True))
        raw.lite(conn, sql, values)
    if full < len(params):
        _write_many(conn, plan.sql, params[full:])


# How a column of a multi-row INSERT is written (_lite_shape): a parameter per row, one
# parameter for every row, or NULL.
_ROW, _ONE, _NULL = "row", "one", "null"


def _lite_shape(column: tuple[Any, ...]) -> str:
    """``_NULL`` when every value of ``column`` is None, ``_ONE`` when all are equal and
    of one type (1, 1.0 and True are equal, but bound as an INTEGER, a REAL, an
    INTEGER: each kept as sent; a text equals only texts), else ``_ROW``. A column of
    a value per row is told by its last value first (a count of 128 compared ~22 k
    instructions a column)."""
    first = column[0]
    if column[-1] != first or column.count(first) != len(column):  # C: identity first
        return _ROW
    if first is None:
        return _NULL
    if first.__class__ is str or len(set(map(type, column))) == 1:
        return _ONE
    return _ROW


# Shapes made per single row's INSERT, at most: a 128-row statement costs ~5.5 M
# instructions to prepare (SQLite's parser), what ~8,000 parameters bound cost. A shape
# not made yet is made when it shares at least two columns more than the best made one
# that fits it (one that binds per row what this one shares); else that one is used.
LITE_SHAPES = 4


def _lite_statement(sql: str, shape: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """The shape to write a statement's rows of ``shape`` by, and its text (made and
    kept the first time)."""
    text = _LITE_MANY.get((sql, shape))
    if text is not None:
        return shape, text
    made = _LITE_SHAPES.setdefault(sql, [])
    fits = [m for m in made if all(k in (_ROW, s) for k, s in zip(m, shape, strict=True))]
    best = max(fits, key=_shared, default=None)
    if best is not None and (_shared(best) + 2 > _shared(shape) or len(made) >= LITE_SHAPES):
        return best, _LITE_MANY[(sql, best)]
    if best is None and len(made) >= LITE_SHAPES:
        shape = (_ROW,) * len(shape)  # every column per row: always fits
        if shape in made:
            return shape, _LITE_MANY[(sql, shape)]
    made.append(shape)
    text = _LITE_MANY[(sql, shape)] = _lite_many_sql(sql, shape)
    return shape, text


def _shared(shape: tuple[str, ...]) -> int:
    return len(shape) - shape.count(_ROW)


def _lite_many_sql(sql: str, shape: tuple[str, ...]) -> str:
    """``sql`` (one row's INSERT) as an INSERT of ``LITE_ROWS`` rows whose columns are
    written as ``shape`` says: the parameters numbered, the shared ones first (in
    column order), then each row's own (row after row), as ``_write_rows_lite`` binds
    them."""
    head, _values, _row = sql.rpartition(" VALUES ")
    head = LITE_CONFLICT + head.removeprefix("INSERT INTO ")
    shared = {j: f"?{n}" for n, j in enumerate((j for j, k in enumerate(shape) if k == _ONE), 1)}
    number = len(shared)
    rows = []
    for _ in range(LITE_ROWS):
        items = []
        for j, kind in enumerate(shape):
            if kind == _ROW:
                number += 1
                items.append(f"?{number}")
            else:
                items.append(shared[j] if kind == _ONE else "NULL")
        rows.append(f"({', '.join(items)})")
    return f"{head} VALUES {', '.join(rows)}"


# (a single row's INSERT, its columns' shape) -> its LITE_ROWS rows' text; the shapes made
# per single row's INSERT, in the order made (at most LITE_SHAPES and the plain one).
_LITE_MANY: dict[tuple[str, tuple[str, ...]], str] = {}
_LITE_SHAPES: dict[str, list[tuple[str, ...]]] = {}


def _write_many(conn: sa.Connection, sql: str, params: list[Any]) -> None:
    """``sql`` once per row of ``params``: on PostgreSQL a small push's one or two rows
    as a prepared statement on psycopg's connection (``pg_rows``: through SQLAlchemy
    each was an execution context set up anew), else one executemany."""
    if len(params) == 1 and conn.dialect.name == "postgresql":
        raw.run(conn, sql, params[0], rows=False)
        return
    conn.exec_driver_sql(sql, params)


# From this many rows PostgreSQL gets them by COPY (one stream, no statement per row).
COPY_FROM = 64


def _copy(conn: sa.Connection, table: sa.Table, keys: tuple[str, ...], rows: list[Any]) -> None:
    """``rows`` (tuples in ``keys`` order) into ``table`` by ``COPY ... FROM STDIN`` on
    the transaction's own psycopg connection: PostgreSQL parses and plans no statement
    per row, psycopg writes the rows in C. SQLAlchemy's statement events see it as one
    statement (``COPY``), and a database error is raised as SQLAlchemy's, as for an
    INSERT."""
    sql = f"COPY {table.name} ({', '.join(keys)}) FROM STDIN"
    driver = conn.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor:
        conn.dispatch.before_cursor_execute(conn, cursor, sql, rows, None, True)
        try:
            with cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
        except Exception as exc:
            if isinstance(exc, conn.dialect.loaded_dbapi.Error):
                raise sa.exc.DBAPIError.instance(
                    sql, None, exc, conn.dialect.loaded_dbapi.Error
                ) from exc
            raise
        conn.dispatch.after_cursor_execute(conn, cursor, sql, rows, None, True)


def _bound_column(bind: Callable[[Any], Any], column: tuple[Any, ...]) -> tuple[Any, ...]:
    """``column``'s values through ``bind`` as ``_memo(bind)`` gives them (each distinct
    value converted once, None kept), looked up by ``map`` in C: a Python call per value
    was ~75,000 a 1k first push (its records' ``updated_at`` and ``deleted``)."""
    try:
        distinct = set(column)
    except TypeError:  # unhashable
        return tuple(map(_memo(bind), column))
    distinct.discard(None)
    seen = {value: bind(value) for value in distinct}
    seen[None] = None
    return tuple(map(seen.__getitem__, column))


def _memo(bind: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``bind`` once per value of one executemany (None stays None, as SQLAlchemy binds
    it): the columns that have a processor (SQLite's ``updated_at`` and ``deleted``,
    PostgreSQL's ``deleted``) hold one or two values a batch, each converted anew per
    row before."""
    seen: dict[Any, Any] = {None: None}

    def bound(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            out = seen[value] = bind(value)
            return out
        except TypeError:  # unhashable
            return bind(value)

    return bound


_UPDATES: dict[tuple[str, str, tuple[str, ...]], _Insert] = {}


def update_many(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """``UPDATE`` the rows of ``table`` named by each dict's ``"id"`` with its other
    values (dicts with the same keys), as one executemany of the driver, each value
    bound by its column's own type processor (as ``insert_many``: no parameters built
    anew per row by SQLAlchemy)."""
    keys = tuple(k for k in rows[0] if k != "id")
    dialect = conn.dialect
    key = (dialect.name, table.name, keys)
    plan = _UPDATES.get(key)
    if plan is None:
        statement = sa.update(table).where(table.c.id == sa.bindparam("b_id"))
        compiled = statement.compile(dialect=dialect, column_keys=list(keys))
        order = tuple(compiled.positiontup or ()) if compiled.positional else (*keys, "b_id")
        binds = tuple(
            compiled.binds[n].type.dialect_impl(dialect).bind_processor(dialect) for n in order
        )
        plan = _UPDATES[key] = _Insert(compiled.string, order, binds, not compiled.positional)
    pairs = tuple(
        zip(("id" if k == "b_id" else k for k in plan.keys),
            (b and _memo(b) for b in plan.binds), strict=True)
    )  # fmt: skip
    params: list[Any] = [
        tuple([row[k] if b is None or row[k] is None else b(row[k]) for k, b in pairs])
        for row in rows
    ]
    if plan.named:
        params = [dict(zip(plan.keys, values, strict=True)) for values in params]
    _write_many(conn, plan.sql, params)


def _nothing() -> None:
    """The side effect of most new records."""


class Assigned(NamedTuple):
    """A live assignment as the bulk path keeps it for a candidate. (A named tuple: a
    frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, ~9 k
    instructions an assignment read; bench/SYNC.md, round 15.)"""

    coach: str
    role: str
    active: bool
    rid: str
    server_made: bool  # made by the server itself (``server_made``)


_FACT_KINDS = sorted(p.REGISTRIES | {"handover"})  # what _know_facts asks about


class _RoleActive(msgspec.Struct):
    """What ``_Bulk._know_assigned`` reads of an assignment's data (a stored JSON object;
    a key it lacks is None, as ``dict.get`` gave)."""

    role: Any = None
    active: Any = None


# A stored assignment's role and active flag: msgspec skips its other fields (json.loads
# made a dict of all of them, ~20 k instructions an assignment read; round 15).
_role_active = msgspec.json.Decoder(_RoleActive).decode


class _Bulk:
    """One push batch's new records, written together with one executemany.

    A change takes this path when it creates a record whose side effects (``_effects``)
    are known from what the batch read up front: none (most records); a new candidate's
    assignment to the coach who registers her and its scope grant (``set_assignment`` for
    a candidate with no assignment or scope yet); an assignment that leaves its coach's
    scope as it is (``refresh_scope`` would change nothing), also when it repeats the
    server's own live one, which it then replaces (``_drop_server_duplicates``: the
    tombstones are written together too); an accepted handover that adds the
    receiver's assignment or switches her one inactive assignment of that role on (no
    scope to grant or revoke, the candidate not deleted). The same checks as ``_insert``,
    the same revisions in the same order; only the writing is batched.

    Updates of stored records take it too when they have no side effects (any entity
    but assignments, handovers, loket questions and referrals; a candidate's closing
    fields go careful): the checks of ``_apply`` and ``_update`` on the row read up
    front, the fields merged here, conflicts kept as rows, and the batch's updates
    written with one executemany (``_fast_update``). Everything else (deletes, a stored
    record the server corrects, a record the batch names twice, effects that change
    scope) writes what is pending first, then takes the careful path (``_apply``, on an
    ORM copy read then), so it sees every record before it.
    """

    def __init__(
        self,
        session: Session,
        seq: Sequence,
        caller: Caller,
        known: dict[str, Any],
        changes: p.AnyChanges,
    ) -> None:
        # known: the batch's stored records as plain rows (push reads them); the careful
        # path gets ORM copies (``orm``): read up front for the changes sure to need one,
        # else when it comes to them.
        self.session, self.seq, self.caller, self.known = session, seq, caller, known
        self.orm: dict[str, Record] = {}
        self.updates: list[dict[str, Any]] = []  # stored records' new columns (by id)
        self.conflict_rows: list[dict[str, Any]] = []
        self.updated: set[str] = set()  # stored records this path changed (or answered)
        self.rows: list[Any] = []  # new records' ``record_values`` (lists or tuples)
        self.row_of: dict[str, list[Any]] = {}  # this batch's new rows by id
        self.scopes: list[dict[str, Any]] = []
        self.tombstones: list[dict[str, Any]] = []  # server-made duplicates (see below)
        self.switched: dict[str, int] = {}  # stored assignments switched on: id -> rev
        self.pending: dict[str, RecordFacts] = {}  # written by the next write()
        self.written: set[str] = set()  # by this path, in this batch
        # Per candidate, her live assignments as (coach, role, active, id, server-made):
        # what set_assignment, refresh_scope and _drop_server_duplicates would read. Read
        # for the batch, kept up to date by this path; a careful change may change
        # assignments, so each one clears it (read again, per candidate, when needed).
        self.assigned: dict[str, list[Assigned]] = {}
        self.accounts: dict[str, bool] = {}
        self.role: str | None = None
        # One time for the batch's new rows (the careful path stamps its own).
        self.now = utcnow()
        # Employers the batch's registry records name, as stored (see _facts).
        self.stored: dict[Any, RecordFacts | None] = {}
        # SQLite: the candidates the batch names, read whole from ``scope`` at once
        # (_know_holders); those with any scope row (revoked or not).
        self.lite = not seq.postgres
        self.scoped: set[str] = set()
        # The batch's changes by entity, and the candidates they name (a candidate's own
        # id, any other change's candidate_id): a loop over the batch's 2,000 changes in
        # each read cost more than most reads (bench/SYNC.md, round 14); here each run of
        # one entity (an outbox sends them in table order) is taken whole and its
        # candidates by ``map`` (a loop in Python was ~1.5 k instructions a change).
        by_entity: defaultdict[str, list[Any]] = defaultdict(list)
        for entity, run in groupby(changes, _ENTITY):
            by_entity[entity] += run
        self.by_entity = by_entity
        named: set[Any] = set(map(_ID, by_entity["candidate"]))
        for entity, same in by_entity.items():
            if entity != "candidate":
                named.update(map(_get, map(_FIELDS, same), repeat("candidate_id")))
        candidates = by_entity["candidate"]
        coaching = by_entity["assignment"] + by_entity["handover"]
        if self.lite:
            self._know_holders(named, coaching)
        self.fresh = self._fresh_candidates(candidates)
        # New candidates registered closed, and the closing date each keeps (written by
        # write(), as _track_closure would): ids with a closing date already stored
        # (none should have one) take the careful path.
        self.closures: list[dict[str, Any]] = []
        self.closed_before = self._stored_closures(candidates)
        if not self.lite:
            self._know_scopes(changes)
        self._know_facts([c for kind in _FACT_KINDS for c in by_entity.get(kind, ())])
        self._know_assigned([c.fields.get("candidate_id") for c in coaching])
        self._know_stored(changes)

    def _know_stored(self, changes: p.AnyChanges) -> None:
        """For the batch's updates: the scope of the candidates its stored records hang
        off (an edit names only the fields it changes), and ORM copies of the stored
        records the careful path will take (deletes, updates with side effects), one
        query per 500 each."""
        account_id = self.caller.account_id
        cache: dict[tuple[str, str], bool] = self.session.info.setdefault(SCOPE_CACHE, {})
        named = {r.candidate_id for r in self.known.values()}
        ids = sorted(c for c in named if isinstance(c, str) and (account_id, c) not in cache)
        for chunk in _chunks(ids):
            rows = self.session.execute(
                sa.select(Scope.candidate_id, Scope.revoked_rev).where(
                    Scope.account_id == account_id, among(self.session, Scope.candidate_id, chunk)
                )
            ).all()
            found = {cid: revoked is None for cid, revoked in rows}
            for cid in chunk:
                cache[(account_id, cid)] = found.get(cid, False)
        known = self.known
        if not known:  # a first push's batch: every record new
            return
        careful = sorted({c.id for c in changes if c.id in known and _update_goes_careful(c)})
        for chunk in _chunks(careful):
            found_orm = self.session.scalars(
                sa.select(Record).where(among(self.session, Record.id, chunk))
            )
            self.orm.update((r.id, r) for r in found_orm)

    def _know_holders(self, named: set[Any], coaching: list[Any]) -> None:
        """SQLite: every scope row of the candidates the batch names or its stored
        records hang off, in one read: the caller's scope of each (into in_scope's
        cache), the other coaches' that an accepted handover asks about, whether a new
        candidate has any (``_fresh_candidates``), and who holds each (``Sequence.
        holders``: the watermarks need them at the end, and read them no more). What
        ``_know_scopes`` and ``_know_stored`` read as the caller's, and ``mark_scopes``
        again as everyone's, per 500 candidates each: an outbox in table order names
        ~2,000 candidates a batch. ``named``: the candidates the batch's changes name
        (this adds its stored records'); ``coaching``: its assignments and handovers."""
        named.update(map(_CANDIDATE_ID, self.known.values()))
        ids = list(filter(_is_str, named))
        if not ids:
            return
        held: dict[str, tuple[str, ...]] = dict.fromkeys(ids, ())
        # Its rows (account, candidate, revoked) taken apart in C (a loop in Python cost
        # more than the read): the candidates with any row; the live ones' accounts, each
        # candidate's as a 1-tuple (nearly always her one coach), and a candidate whose
        # scope more than one account holds gathered one by one.
        rows = self._lite(_SCOPES_LITE, ids)
        self.scoped.update(map(_SECOND, rows))
        live = list(compress(rows, map(operator.is_, map(_THIRD, rows), repeat(None))))
        cids = list(map(_SECOND, live))
        if len(set(cids)) == len(cids):
            held.update(zip(cids, zip(map(_FIRST, live), strict=True), strict=True))
        else:
            for account, cid, _revoked in live:
                held[cid] += (account,)
        holders = self.seq.holders
        holders.update(held)
        cache: dict[tuple[str, str], bool] = self.session.info.setdefault(SCOPE_CACHE, {})
        account_id = self.caller.account_id
        # Her own answers, without overwriting one this transaction knows already.
        mine = dict(zip(zip(repeat(account_id), held, strict=False),
                        map(operator.contains, held.values(), repeat(account_id)),
                        strict=True))  # fmt: skip
        if cache:
            mine.update(cache)
        cache.update(mine)
        # The other coaches an accepted handover names (_handover_effect asks about both)
        # and an assignment's coach (_assignment_effect).
        for c in coaching:
            if c.entity == "assignment":
                coaches: tuple[Any, ...] = (c.fields.get("coach_id"),)
            elif c.fields.get("status") == "accepted":  # a handover
                coaches = (c.fields.get("from_coach_id"), c.fields.get("to_coach_id"))
            else:
                continue
            cid = c.fields.get("candidate_id")
            if isinstance(cid, str):
                for coach in coaches:
                    if isinstance(coach, str):
                        cache.setdefault((coach, cid), coach in holders[cid])

    def _lite(self, sql: str, ids: Iterable[Any]) -> list[Any]:
        """SQLite: the rows of one of the fixed reads of ids (``raw.lite``), after what
        the session holds is flushed."""
        self.session.flush()
        return raw.lite(self.session.connection(), sql, (_json_ids(ids),))

    def _know_scopes(self, changes: p.AnyChanges) -> None:
        """The coach's scope for every candidate the batch names, in one query per 500
        (into in_scope's cache): an outbox in table order names each candidate in nearly
        every batch, one record at a time."""
        account_id = self.caller.account_id
        cache: dict[tuple[str, str], bool] = self.session.info.setdefault(SCOPE_CACHE, {})
        named = {c.id if c.entity == "candidate" else c.fields.get("candidate_id") for c in changes}
        ids = sorted(c for c in named if isinstance(c, str) and (account_id, c) not in cache)
        for chunk in _chunks(ids):
            rows = self._read(
                sa.select(SCOPE.c.candidate_id, SCOPE.c.revoked_rev).where(
                    SCOPE.c.account_id == account_id,
                    among(self.session, SCOPE.c.candidate_id, chunk),
                )
            )
            found = {cid: revoked is None for cid, revoked in rows}
            for cid in chunk:
                cache[(account_id, cid)] = found.get(cid, False)
        # The other coaches an accepted handover names (_handover_effect asks about both).
        pairs = {
            (coach, c.fields.get("candidate_id"))
            for c in changes
            if c.entity == "handover" and c.op == "upsert" and c.fields.get("status") == "accepted"
            for coach in (c.fields.get("from_coach_id"), c.fields.get("to_coach_id"))
        }
        asked = sorted(
            (a, c) for a, c in pairs if isinstance(a, str) and isinstance(c, str)
            and (a, c) not in cache
        )  # fmt: skip
        for start in range(0, len(asked), 500):
            part = asked[start : start + 500]
            scopes = self._read(
                sa.select(SCOPE.c.account_id, SCOPE.c.candidate_id, SCOPE.c.revoked_rev).where(
                    among(self.session, SCOPE.c.candidate_id, sorted({c for _a, c in part}))
                )
            )
            held = {(a, c) for a, c, revoked in scopes if revoked is None}
            for pair in part:
                cache[pair] = pair in held

    def _know_facts(self, changes: p.AnyChanges) -> None:
        """What ``_facts`` asks of stored records, for the whole batch in one query per
        500: the employers its registry records name (a query each, one by one, was a
        twentieth of a first push) and the candidates of its accepted handovers."""
        named = {
            c.fields.get("employer_id")
            if c.entity in p.REGISTRIES
            else c.fields.get("candidate_id")
            for c in changes
            if c.op == "upsert" and (c.entity in p.REGISTRIES or c.entity == "handover")
        }
        ids = sorted(i for i in named if isinstance(i, str) and i not in self.stored)
        if self.lite and ids:
            found_lite = {r[0]: (r[1], bool(r[2]), r[3]) for r in self._lite(_FACTS_LITE, ids)}
            for rid in ids:
                self.stored[rid] = found_lite.get(rid)
            return
        for chunk in _chunks(ids):
            rows = self._read(
                sa.select(RECORD.c.id, RECORD.c.entity, RECORD.c.deleted, RECORD.c.spt).where(
                    among(self.session, RECORD.c.id, chunk)
                )
            )
            found = {rid: (entity, deleted, spt) for rid, entity, deleted, spt in rows}
            for rid in chunk:
                self.stored[rid] = found.get(rid)

    def _know_assigned(self, named: list[Any]) -> None:
        """The live assignments of the ``named`` candidates, one query per 500."""
        ids = sorted({c for c in named if isinstance(c, str) and c not in self.assigned})
        for chunk in [ids] if self.lite and ids else _chunks(ids):
            for cid in chunk:
                self.assigned[cid] = []
            rows = self._lite(_ASSIGNED_LITE, chunk) if self.lite else self._read(
                sa.select(
                    RECORD.c.addressee, RECORD.c.candidate_id, RECORD.c.data, RECORD.c.id,
                    RECORD.c.synced_device, RECORD.c.updated_by,
                ).where(
                    RECORD.c.entity == "assignment",
                    among(self.session, RECORD.c.candidate_id, chunk),
                    RECORD.c.deleted.is_(False),
                )
            )  # fmt: skip
            for coach, cand, wire, rid, device, by in rows:
                data = _role_active(wire)  # two fields of the JSON, not a dict of all
                self.assigned[str(cand)].append(
                    Assigned(str(coach), str(data.role), bool(data.active), str(rid),
                             device is None and by is None)
                )  # fmt: skip

    def _read(self, statement: sa.Select[Any]) -> list[Any]:
        """The rows of a Core ``statement`` on the push's connection, after what the
        session holds is flushed: no ORM row processing for thousands of rows a batch
        (a sixth of what reading the batch's facts cost)."""
        self.session.flush()
        return list(self.session.connection().execute(statement))

    def _assignments(self, candidate_id: str) -> list[Assigned]:
        if candidate_id not in self.assigned:
            self.write()  # the query must see this batch's assignments
            self._know_assigned([candidate_id])
        return self.assigned[candidate_id]

    def _fresh_candidates(self, changes: p.AnyChanges) -> set[str]:
        """New candidates of the batch without assignments or scope rows yet (always, as
        both need the candidate; checked anyway, one query per 500)."""
        new = [c.id for c in changes if c.entity == "candidate" and c.id not in self.known]
        used: set[str] = set()
        if self.lite:
            if new:  # their scope rows were read (_know_holders)
                used = self.scoped.intersection(new)
                used.update(cid for (cid,) in self._lite(_ANY_ASSIGNED_LITE, new))
            return set(new) - used
        for chunk in _chunks(new):
            used.update(
                self.session.scalars(
                    sa.select(Scope.candidate_id).where(
                        among(self.session, Scope.candidate_id, chunk)
                    )
                )
            )
            used.update(
                self.session.scalars(
                    sa.select(Record.candidate_id).where(
                        among(self.session, Record.candidate_id, chunk),
                        Record.entity == "assignment",
                    )
                )
            )
        return set(new) - used

    def _stored_closures(self, changes: p.AnyChanges) -> set[str]:
        """The batch's new closed candidates with a closing date stored already, one
        query per 500."""
        closed = [
            c.id
            for c in changes
            if c.entity == "candidate"
            and c.id in self.fresh
            and c.fields.get("status") == CANDIDATE_STATUS_CLOSED
        ]
        found: set[str] = set()
        if self.lite:
            return {cid for (cid,) in self._lite(_CLOSURES_LITE, closed)} if closed else found
        for chunk in _chunks(closed):
            found.update(
                self.session.scalars(
                    sa.select(CandidateClosure.candidate_id).where(
                        among(self.session, CandidateClosure.candidate_id, chunk)
                    )
                )
            )
        return found

    def apply(self, ch: p.AnyChange) -> Outcome:
        result = self._fast(ch)
        if result is not None:
            return result
        return self.careful(ch)

    def run(self, changes: p.AnyChanges) -> list[Outcome]:
        """Every change of the batch, in order: each run of new records of one entity
        without corrections or effects (``_PLAIN_NEW``: nearly all of a first push) by
        columns (``_columns``), each run of candidates, assignments and handovers
        (``_COACHING``: an outbox in table order sends a candidate, then her one to
        three assignments) by ``_coaching``, every other change by ``apply``."""
        if not BY_COLUMNS:
            return list(map(self.apply, changes))
        results: list[Outcome] = []
        coaching: list[p.AnyChange] = []
        for entity, group in groupby(changes, _ENTITY):
            if entity in _COACHING:
                coaching += group
                continue
            if coaching:
                results += self._coaching(coaching)
                coaching = []
            same = list(group)
            if len(same) >= COLUMNS_MIN and entity in _PLAIN_NEW:
                results += self._columns(entity, same)
            else:
                results += map(self.apply, same)
        if coaching:
            results += self._coaching(coaching)
        return results

    def _not_new(self, ids: list[str], changes: p.AnyChanges) -> set[int]:
        """The indexes of ``changes`` (``ids`` their ids) that are no new record, which
        ``_fast`` sends elsewhere before it looks at their fields: stored, read, pending,
        written or updated in this batch, named a second time, or deletes."""
        odd: set[int] = set()
        # Each of those asked by one ``isdisjoint`` of the run's ids as a set, a C loop
        # over the smaller of the two (nothing when it is empty, as all but ``pending``
        # are in a first push): ``any(map(taken.__contains__, ids))`` went over every id
        # five times, 83 M instructions of a 1k push.
        named = set(ids)
        for taken in (
            self.known.keys(),
            self.orm.keys(),
            self.pending.keys(),
            self.written,
            self.updated,
        ):
            if not taken.isdisjoint(named):
                odd.update(i for i, rid in enumerate(ids) if rid in taken)
        if len(named) != len(ids):  # named twice: the second is no new record
            first = {rid: i for i, rid in reversed(list(enumerate(ids)))}
            odd.update(i for i, rid in enumerate(ids) if first[rid] != i)
        if "delete" in set(map(_OP, changes)):
            odd.update(i for i, ch in enumerate(changes) if ch.op == "delete")
        return odd

    def _columns(self, entity: str, changes: list[p.AnyChange]) -> list[Outcome]:
        """``apply`` of each of ``changes`` (of one entity of ``_PLAIN_NEW``), the new records
        among them checked and written column by column: the same checks as ``_fast``
        in the same order, the same rows, revisions and results (tests/server/
        test_push_columns.py), without a Python call per change.

        ``_fast`` of a new record of such an entity checks its fields (the required
        ones, the BSN), who may write it (the scope of its candidate; an employer's SPT;
        a contact person's, vacancy's or employer contact's employer), and writes it
        with every field as sent, by the caller's device, with no effect. Here each
        check is asked of the batch's values at once (``p.refused_new``, the scope of
        each distinct candidate once, the employers' facts once), and the rows and
        results are made by ``zip`` and ``map``. A change any check would not pass, or
        that is not new (a stored record, one this batch wrote or named before, a
        delete), goes through ``apply`` in its place: nothing any of them does changes
        what the checks of the others found (no effect on scope, and an employer is
        none of these entities' records), and the revisions stay in the batch's order."""
        kinds = set(map(type, changes))
        if any(issubclass(k, p.Change) for k in kinds):  # fields not checked yet
            return list(map(self.apply, changes))
        fields: list[dict[str, Any]] = list(map(_FIELDS, changes))
        if set(map(type, fields)) != {dict}:
            return list(map(self.apply, changes))
        ids: list[str] = list(map(_ID, changes))
        n = len(changes)
        # What _fast sends elsewhere before it looks at the fields: by index.
        odd = self._not_new(ids, changes)
        odd.update(p.refused_new(entity, fields, many_digits))
        caller = self.caller
        # Who may write each (_owner_of_new), asked once per distinct candidate or
        # employer of those left; the indices of those refused only looked for when
        # there are some.
        ok = [i for i in range(n) if i not in odd] if odd else range(n)
        cands: Any = repeat(None)
        spt: str | None = caller.spt
        if entity == "employer":
            spts = list(map(dict.get, fields, repeat("spt")))
            if spts.count(caller.spt) != n:
                odd.update(i for i in ok if spts[i] != caller.spt)
        elif entity in p.REGISTRIES:
            named = list(map(dict.get, fields, repeat("employer_id")))
            own = ("employer", False, caller.spt)
            asked = {named[i] for i in ok} if odd else set(named)
            fine = {e for e in asked if self._facts(e) == own}
            if len(fine) != len(asked):
                odd.update(i for i in ok if named[i] not in fine)
        else:
            spt = None
            cands = list(map(dict.get, fields, repeat("candidate_id")))
            session, account_id = self.session, caller.account_id
            wanted: list[Any] = list({cands[i] for i in ok} if odd else set(cands))
            # in_scope of each, from its cache (_know_holders read the batch's) by one
            # ``map`` over the keys: a call of in_scope per candidate and run was ~12,000
            # Python calls a 1k first push. One not read yet is read by in_scope.
            cache: dict[tuple[str, str], bool] = session.info.setdefault(SCOPE_CACHE, {})
            held: list[bool | None] = list(map(cache.get, zip(repeat(account_id), wanted)))
            if None in held:
                held = [
                    in_scope(session, account_id, c) if h is None else h
                    for c, h in zip(wanted, held, strict=True)
                ]
            mine = set(compress(wanted, held))
            if len(mine) != len(wanted):
                odd.update(i for i in ok if cands[i] not in mine)
        # Their data columns' JSON from the structs the body was read into (``shape``:
        # msgspec's, spt_server.wire), else from the dicts.
        shaped = all(issubclass(k, WireChange) for k in kinds)
        shapes = list(map(_SHAPE, changes)) if shaped else fields
        if not odd:
            return self._add_columns(entity, ids, fields, cands, spt, shapes)
        results: list[Outcome] = []
        start = 0
        for i in [*sorted(odd), n]:  # n: the run's end, after the last one apart
            if i > start:
                part = cands[start:i] if isinstance(cands, list) else cands
                results += self._add_columns(
                    entity, ids[start:i], fields[start:i], part, spt, shapes[start:i]
                )
            if i < n:
                results.append(self.apply(changes[i]))
            start = i + 1
        return results

    def _add_columns(
        self,
        entity: str,
        ids: list[str],
        fields: list[dict[str, Any]],
        cands: Iterable[str | None],
        spt: str | None,
        shapes: list[Any],
    ) -> list[Outcome]:
        """``_add`` of new records of ``entity`` that passed ``_fast``'s checks, as
        ``_fast`` makes their rows (``record_values``: every field as sent, by the
        caller's device), their revisions taken in order; their results. ``shapes``:
        what their data columns are written of (``data_jsons``)."""
        revs = self.seq.take(len(ids))
        datas = data_jsons(shapes, fields)
        caller = self.caller
        rows = list(
            zip(
                ids, repeat(entity), cands, repeat(spt), repeat(None), revs, repeat(False),
                datas, repeat(IMPLIED_REVS), repeat(caller.device_id),
                repeat(caller.account_id), repeat(self.now),
            )
        )  # fmt: skip
        self.rows += rows
        self.pending.update(zip(ids, repeat((entity, False, spt))))
        seq = self.seq
        seq.covered.update(revs)
        distinct = set(cands) if isinstance(cands, list) else {None}
        seq.noted.update(zip(repeat(entity), distinct, repeat(spt), repeat(None)))
        return list(zip(ids, revs, strict=True))

    def _coaching(self, changes: list[p.AnyChange]) -> list[Outcome]:
        """``apply`` of each of ``changes`` (candidates, assignments and handovers), the
        new records among them as ``_fast`` takes them, in one loop: the same checks in
        the same order, the same effects (``_register``, ``_assignment_effect``,
        ``_handover_effect``), rows, revisions and results (tests/server/
        test_push_columns.py), without ``_fast``'s calls per change (``_valid`` and
        ``validate_fields``, ``_owner_of_new``, ``_known_effect``, ``record_values``).

        What does not depend on the changes before it is asked of the run at once: the
        fields (``p.refused_new`` per entity), whether a change is new (the batch's
        stored, written and pending ids, an id named twice, a delete), the data columns'
        JSON (``data_jsons``). A change any of those would not pass, and a candidate the
        server corrects (another SPT's) or whose registration is not known here (not
        fresh; closed with a closing date stored), goes through ``apply`` in its place;
        an effect not known here (``_assignment_effect`` or ``_handover_effect`` gives
        None) through ``careful``, as ``apply`` would. Scope and addressees are asked in
        the loop, in order: a candidate registered before grants the scope her
        assignments need."""
        kinds = set(map(type, changes))
        fields: list[dict[str, Any]] = list(map(_FIELDS, changes))
        if (
            len(changes) < COLUMNS_MIN
            or any(issubclass(k, p.Change) for k in kinds)  # fields not checked yet
            or set(map(type, fields)) != {dict}
        ):
            return list(map(self.apply, changes))
        ids: list[str] = list(map(_ID, changes))
        entities: list[str] = list(map(_ENTITY, changes))
        # What _fast sends elsewhere before it looks at the fields, and the fields any
        # validate_fields would refuse (the reason made by apply): by index.
        odd = self._not_new(ids, changes)
        for entity in set(entities):
            at = [i for i, e in enumerate(entities) if e == entity]
            odd.update(
                map(at.__getitem__, p.refused_new(entity, [fields[i] for i in at], many_digits))
            )
        shaped = all(issubclass(k, WireChange) for k in kinds)
        datas = data_jsons(list(map(_SHAPE, changes)) if shaped else fields, fields)
        caller, seq, session, now = self.caller, self.seq, self.session, self.now
        account, device, own_spt = caller.account_id, caller.device_id, caller.spt
        cache: dict[tuple[str, str], bool] = session.info.setdefault(SCOPE_CACHE, {})
        accounts, fresh, closed_before = self.accounts, self.fresh, self.closed_before
        results: list[Outcome] = []
        for i, ch in enumerate(changes):
            if i in odd:
                results.append(self.apply(ch))
                continue
            entity, f, rid = entities[i], fields[i], ids[i]
            if entity == "candidate":
                closed = f.get("status") == CANDIDATE_STATUS_CLOSED
                if rid not in fresh or (closed and rid in closed_before):
                    results.append(self.apply(ch))  # _known_effect leaves her: careful
                    continue
                data, json_data = f, datas[i]
                by_device: str | None = device
                if f.get("spt") != own_spt:
                    # Filed under the caller's SPT (_file_under_own_spt): a copy, written
                    # as corrected (no device); the demo files half its candidates so.
                    data = dict(f)
                    data["spt"] = own_spt
                    by_device, json_data = None, data_json(data)
                rev = seq.next()
                self._add([rid, entity, rid, own_spt, None, rev, False, json_data,
                           IMPLIED_REVS, by_device, account, now])  # fmt: skip
                if closed:
                    self._register_closed(rid, data)
                else:
                    self._register(rid)
                results.append((rid, rev))
                continue
            # An assignment or a handover: _owner_of_new (her candidate in the caller's
            # scope; the addressee its coach), then the addressee's account.
            cand: Any = f.get("candidate_id")
            scoped = cache.get((account, cand)) if cand.__class__ is str else None
            if scoped is None:
                scoped = in_scope(session, account, cand)
            if not scoped:
                results.append(_forbidden(ch))
                continue
            addressee: Any = f.get("coach_id" if entity == "assignment" else "to_coach_id")
            if addressee is not None:
                known = accounts.get(addressee)
                if known is None:
                    known = self._has_account(addressee)
                if not known:
                    results.append(_rejected(ch, NO_RECEIVER))
                    continue
            if entity == "assignment":
                rows = self.assigned.get(cand) if cand.__class__ is str else None
                if rows is not None and not rows and addressee.__class__ is str:
                    # _assignment_effect of a candidate with no live assignment (a new
                    # one's, registered above: her first): no duplicate to replace; her
                    # coach's scope as it is when it agrees with this one's active flag.
                    new_active = bool(f.get("active"))
                    held = cache.get((addressee, cand))
                    if held is None:
                        held = in_scope(session, addressee, cand)
                    if new_active == held:
                        rows.append(Assigned(addressee, str(f.get("role")), new_active, rid,
                                             False))  # fmt: skip
                        rev = seq.next()
                        self._add([rid, entity, cand, None, addressee, rev, False, datas[i],
                                   IMPLIED_REVS, device, account, now])  # fmt: skip
                        results.append((rid, rev))
                        continue
                effect = self._assignment_effect(f, rid)
            elif f.get("status") == "accepted":
                effect = self._handover_effect(f)
            else:
                effect = _nothing
            if effect is None:
                results.append(self.careful(ch))
                continue
            rev = seq.next()
            self._add([rid, entity, cand, None, addressee, rev, False, datas[i],
                       IMPLIED_REVS, device, account, now])  # fmt: skip
            effect()
            results.append((rid, rev))
        return results

    def careful(self, ch: p.AnyChange) -> Outcome:
        """``ch`` by the careful path (``_fast`` left it), after what is pending."""
        self.write()
        self.assigned.clear()
        self.stored.clear()
        if ch.id not in self.orm and (ch.id in self.written or ch.id in self.known):
            rec = self.session.get(Record, ch.id)
            if rec is not None:
                self.orm[ch.id] = rec
        return _apply(self.session, self.seq, self.caller, ch, self.orm)

    def folded(self) -> _Folded | None:
        """PostgreSQL (shared), at the push's end: the pending new rows and updates of
        records, taken out of ``write()`` for the push's finishing statement to write
        (``_finish_pg``: two statements less for a small push), when they are all that
        is pending and few (at most FOLD_MAX each); else None (``write()`` then).
        The bookkeeping ``write()`` does is done here."""
        if self.scopes or self.closures or self.conflict_rows or self.switched:
            return None
        if self.tombstones or not (self.rows or self.updates):
            return None
        if len(self.rows) > FOLD_MAX or len(self.updates) > FOLD_MAX:
            return None
        keys = tuple(self.updates[0]) if self.updates else _UPDATE_KEYS
        if keys != _UPDATE_KEYS or any(tuple(u) != keys for u in self.updates):
            return None
        # What the careful path left pending is written first, as _write_updates does;
        # a copy the session holds of an updated record is expired (none, mostly).
        self.session.flush()
        ids = {row["id"] for row in self.updates}
        if ids:
            held = self.session.identity_map
            for key in list(held.keys()):
                if key[0] is Record and key[1][0] in ids:
                    self.session.expire(held[key])
        fold = _Folded(self.rows, self.updates)
        self.rows, self.updates = [], []
        self.written.update(self.pending)
        self.stored.update(self.pending)
        self.pending, self.row_of = {}, {}
        return fold

    def write(self) -> None:
        """Everything pending into the database (before any query that must see it)."""
        if self.rows:
            insert_values(self.session.connection(), RECORD, RECORD_KEYS, self.rows)
            self.rows = []
        if self.scopes:
            insert_many(self.session.connection(), SCOPE, self.scopes)
            self.scopes = []
        if self.closures:
            insert_many(self.session.connection(), CLOSURE, self.closures)
            self.closures = []
        if self.updates or self.conflict_rows:
            self._write_updates()
        if self.switched:
            self.session.flush()  # a careful path's pending update must not come after
            self._write_switched()
        if self.tombstones:
            self.session.flush()  # a careful path's pending update must not come after
            self._write_tombstones()
        self.written.update(self.pending)
        self.stored.update(self.pending)  # stored now (its facts read up front: none)
        self.pending, self.row_of = {}, {}

    def _write_updates(self) -> None:
        """The stored records ``_fast_update`` changed, in one executemany, and their
        conflict rows in another; a copy the session holds (an effect read it) expired."""
        # What the careful path left pending first: its conflict rows come before these
        # (ids in the batch's order), and no held copy with changes is expired unwritten.
        self.session.flush()
        conn = self.session.connection()
        if self.updates:
            update_many(conn, RECORD, self.updates)
            # The few objects the session holds (by their identity keys: reading an
            # expired one's id would load it), not a look-up per updated row.
            ids = {row["id"] for row in self.updates}
            held = self.session.identity_map
            for key in list(held.keys()):  # (class, primary key, token)
                if key[0] is Record and key[1][0] in ids:
                    self.session.expire(held[key])
            self.updates = []
        if self.conflict_rows:
            insert_many(conn, CONFLICT, self.conflict_rows)
            self.conflict_rows = []

    def _write_switched(self) -> None:
        """``_switch_on`` for stored assignments: read in one query per 500, written in
        one executemany; a copy the session holds is expired."""
        conn = self.session.connection()
        ids = sorted(self.switched)
        params = []
        for chunk in _chunks(ids):
            for rid, data, revs, was in conn.execute(
                sa.select(RECORD.c.id, RECORD.c.data, RECORD.c.field_revs, RECORD.c.rev).where(
                    RECORD.c.id.in_(chunk)
                )
            ):
                switched = _switched_on(data, revs, was, self.switched[rid])
                params.append({"rid": rid, **switched})
        conn.execute(
            sa.update(RECORD)
            .where(RECORD.c.id == sa.bindparam("rid"))
            .values(
                rev=sa.bindparam("rev"), data=sa.bindparam("data"),
                field_revs=sa.bindparam("field_revs"), synced_device=None, updated_by=None,
                updated_at=sa.bindparam("updated_at"),
            ),
            params,
        )  # fmt: skip
        for rid in ids:
            held = self.session.identity_map.get(sa.orm.util.identity_key(Record, rid))
            if held is not None:
                self.session.expire(held)
        self.switched = {}

    def _write_tombstones(self) -> None:
        """``tombstone()`` for the server-made duplicates this batch replaced: one
        executemany, their conflict rows gone; a copy the session holds is expired."""
        conn = self.session.connection()
        conn.execute(
            sa.update(RECORD)
            .where(RECORD.c.id == sa.bindparam("rid"))
            .values(
                deleted=True, rev=sa.bindparam("rev"), data="{}", field_revs="{}",
                synced_device=None, updated_by=None, updated_at=sa.bindparam("at"),
            ),
            self.tombstones,
        )  # fmt: skip
        ids = [t["rid"] for t in self.tombstones]
        for chunk in _chunks(ids):
            conn.execute(sa.delete(Conflict).where(Conflict.record_id.in_(chunk)))
        for rid in ids:
            held = self.session.identity_map.get(sa.orm.util.identity_key(Record, rid))
            if held is not None:
                self.session.expire(held)
        self.tombstones = []

    def _fast(self, ch: p.AnyChange) -> Outcome | None:
        """The result of a change this path can take, or None for the careful path."""
        rid, entity = ch.id, ch.entity
        if entity in p.SERVER_OWNED or rid in self.orm or rid in self.pending:
            return None
        if rid in self.written or rid in self.updated:
            return None
        row = self.known.get(rid)
        if row is not None:
            return self._fast_update(ch, row)
        if ch.op == "delete":
            # Made and deleted before it ever reached the server: nothing to keep.
            return (rid, None)
        try:
            # Most records' fields as they came (no copy): nothing here changes them.
            data = _valid(ch, full=True, own=entity not in _CORRECTED)
        except p.InvalidFields as exc:
            return _rejected(ch, str(exc))
        corrected = data is not ch.fields and data != ch.fields  # normalised (see _insert)
        if entity in _CORRECTED:
            corrected |= _file_under_own_spt(self.caller, entity, data)
            corrected |= _clear_done_referral(entity, data)
        allowed, cand, spt, addressee = _owner_of_new(
            self.session, self.caller, entity, data, rid, self._facts
        )
        if not allowed:
            return _forbidden(ch)
        if addressee is not None and not self._has_account(addressee):
            return _rejected(ch, NO_RECEIVER)
        effect = self._known_effect(ch, data)
        if effect is None:
            return None
        rev = self.seq.next()
        device = None if corrected else self.caller.device_id
        self._add(record_values(ch.entity, ch.id, data, rev, self.caller.account_id,
                                device, cand, spt, addressee, self.now))  # fmt: skip
        effect()
        return (ch.id, rev)

    def _fast_update(self, ch: p.AnyChange, row: Any) -> p.ChangeResult | None:
        """``_apply`` and ``_update`` of a change to a stored record (``row``, as read up
        front) that has no side effects: the same checks in the same order, the same
        merge of fields and conflicts, the same revision; the row's new columns and its
        conflict rows written by ``write()``. None for the careful path: a delete, an
        entity whose updates have effects or rules of their own, a change the server
        corrects (its record then goes back to the device), a closing of a candidate."""
        if _update_goes_careful(ch):
            return None
        session, caller = self.session, self.caller
        if row.entity != ch.entity or not can_read(session, caller, row):
            return _forbidden(ch)
        if row.deleted:
            # A tombstone is final: an old device never brings a record back.
            return p.ChangeResult(id=ch.id, status="gone", rev=row.rev, record=as_record(row))
        if not _may_write(session, caller, row, ch):
            return _forbidden(ch)
        try:
            incoming = _valid(ch, full=False)
        except p.InvalidFields as exc:
            return _rejected(ch, str(exc), row)
        # pydantic-core reads and writes the JSON (a third of json's time: the columns of a
        # candidate are 1 KiB); the same values, written compact as new records are.
        data = from_json(row.data)
        differing = {f: v for f, v in incoming.items() if data.get(f) != v}
        if incoming != ch.fields or (ch.entity == "candidate" and "spt" in differing):
            return None  # corrected (see _update): written even when nothing differs
        if not differing:
            return p.ChangeResult(id=ch.id, status="applied", rev=row.rev)
        if _may_have_effects(row.entity, differing):
            return None
        if _is_frozen(row, data):
            return _rejected(ch, "dit gegeven kan niet meer worden gewijzigd", row)
        if not _keys_unchanged(row, differing, caller):
            return _rejected(ch, "een record kan niet naar een ander dossier of SPT", row)
        addressed_only = row.addressee == caller.account_id and not in_scope(
            session, caller.account_id, row.candidate_id
        )
        if addressed_only and not set(differing) <= {"status", "accepted_at"}:
            return _forbidden(ch)
        revs = stored_revs(row.field_revs, data, row.rev)
        base = ch.base_rev or 0
        changed, conflicts = _merge_fields(revs, base, differing, data)
        for c in conflicts:
            self.conflict_rows.append(
                {
                    "record_id": row.id, "entity": row.entity, "field": c.field,
                    "kept": json.dumps(c.theirs), "other": json.dumps(c.yours),
                    "account_id": caller.account_id, "device_id": caller.device_id,
                    "at": self.now,
                }
            )  # fmt: skip
        self.updated.add(ch.id)
        rev = row.rev
        if changed:
            rev = self.seq.next()
            synced = caller.device_id if base == row.rev and not conflicts else None
            data.update(changed)
            revs.update(dict.fromkeys(changed, rev))
            self.updates.append(
                {
                    "id": row.id, "rev": rev, "data": data_json(data),
                    "field_revs": to_json(revs).decode(), "synced_device": synced,
                    "updated_by": caller.account_id, "updated_at": self.now,
                }
            )  # fmt: skip
        status: p.ChangeStatus = "conflict" if conflicts else "applied"
        return p.ChangeResult(id=ch.id, status=status, rev=rev, conflicts=conflicts)

    def _known_effect(self, ch: p.AnyChange, data: dict[str, Any]) -> Callable[[], None] | None:
        """What ``_effects`` does after this new record, done without it; None when that
        is not known here (the careful path does it)."""
        if ch.entity == LOKET:
            return None  # its scope follows whom it is passed on to (careful path)
        if ch.entity == "candidate":
            if ch.id not in self.fresh:
                return None
            if data.get("status") == CANDIDATE_STATUS_CLOSED:
                if ch.id in self.closed_before:
                    return None  # a closing date kept already: _track_closure decides
                return lambda: self._register_closed(ch.id, data)
            return lambda: self._register(ch.id)
        if ch.entity == "assignment":
            return self._assignment_effect(data, ch.id)
        if ch.entity == "handover" and data.get("status") == "accepted":
            return self._handover_effect(data)
        return _nothing

    def _assignment_effect(self, data: dict[str, Any], rid: str) -> Callable[[], None] | None:
        coach, cand = data["coach_id"], data["candidate_id"]
        rows = self._assignments(cand)
        role, new_active = str(data.get("role")), bool(data.get("active"))
        # A device's active assignment that repeats the server's own live one (the server
        # assigned her registrar when the device's assignment was in a later batch):
        # _drop_server_duplicates tombstones the server's, here as in the careful path.
        dups = [a for a in rows if new_active and a.coach == coach and a.role == role and a.active]
        drop = [a for a in dups if a.server_made]
        if len(drop) != len(dups):
            return None  # a second live one the device made: the careful path settles it
        remaining = [a for a in rows if a not in drop]
        active = new_active or any(a.active for a in remaining if a.coach == coach)
        # refresh_scope grants when active and not in scope, revokes when in scope and
        # not active: when both agree it changes nothing.
        if active != in_scope(self.session, coach, cand):
            return None
        rows[:] = [*remaining, Assigned(coach, role, new_active, rid, False)]
        if not drop:
            return _nothing

        def tombstone_duplicates() -> None:
            for a in drop:
                self.tombstones.append({"rid": a.rid, "rev": self.seq.next(), "at": utcnow()})

        return tombstone_duplicates

    def _handover_effect(self, data: dict[str, Any]) -> Callable[[], None] | None:
        """set_assignment(receiver, active) that switches nothing on and grants nothing
        (she has the dossier already), and set_assignment(sender, inactive) that switches
        nothing off and revokes nothing: at most one new assignment for the receiver."""
        cand, to, role = data["candidate_id"], data["to_coach_id"], data["to_role"]
        frm = data["from_coach_id"]
        rows = self._assignments(cand)
        if not in_scope(self.session, to, cand):
            return None  # her scope would be granted
        if frm != to and (
            any(a.coach == frm and a.active for a in rows) or in_scope(self.session, frm, cand)
        ):
            return None  # the sender's assignments would be switched off, scope revoked
        facts = self._facts(cand)
        if facts is None or facts[1]:
            return None  # deleted (or not there): set_assignment assigns no one
        same = [a for a in rows if a.coach == to and a.role == role]
        if len(same) == 1 and not same[0].active:
            # Her inactive assignment of that role is switched on (a dossier handed back
            # to a coach who had it before: the demo has one in six).
            return lambda: self._switch_on(cand, same[0])
        if any(not a.active for a in same):
            return None  # several of that role, one inactive: the careful path settles it
        if same:
            return _nothing

        def assign() -> None:
            values = {"candidate_id": cand, "coach_id": to, "role": role, "active": True}
            new_id = uuid7()
            self._add(record_values("assignment", new_id, values, self.seq.next(),
                                    None, None, cand, None, to))  # fmt: skip
            rows.append(Assigned(to, role, True, new_id, True))

        return assign

    def _switch_on(self, candidate_id: str, old: Assigned) -> None:
        """``set_assignment(active=True)`` of an inactive assignment: ``_write_fields``
        with ``{"active": True}`` at the next revision, by the server (no device, no
        author), on the row still pending in this batch or on the stored record."""
        rev = self.seq.next()
        row = self.row_of.get(old.rid)
        if row is not None and old.rid in self.pending:
            switched = _switched_on(row[R_DATA], row[R_FIELD_REVS], row[R_REV], rev)
            for k, v in switched.items():
                row[_R_INDEX[k]] = v
        else:
            self.switched[old.rid] = rev  # a stored one: written by write(), together
        rows = self.assigned[candidate_id]
        rows[rows.index(old)] = Assigned(old.coach, old.role, True, old.rid, True)

    def _register_closed(self, candidate_id: str, data: dict[str, Any]) -> None:
        """A new candidate registered closed: her closing date (``_track_closure`` for a
        candidate with none stored), then ``_register``."""
        day = closing_day(data, utcnow().date())
        self.closures.append({"candidate_id": candidate_id, "closed_on": day})
        self._register(candidate_id)

    def _register(self, candidate_id: str) -> None:
        """``set_assignment`` for a new candidate: her registrar's assignment, then scope."""
        account_id = self.caller.account_id
        if candidate_id in self.session.info.get(OWN, ()):
            # Her device sends its own assignment in this batch (see _effects).
            self.session.info[DEFERRED].add(candidate_id)
            self.assigned[candidate_id] = []
        else:
            role = self._first_role()
            data = {"candidate_id": candidate_id, "coach_id": account_id, "role": role,
                    "active": True}  # fmt: skip
            rev = self.seq.next()
            new_id = uuid7()
            self._add(record_values("assignment", new_id, data, rev, None, None,
                                    candidate_id, None, account_id))  # fmt: skip
            self.assigned[candidate_id] = [Assigned(account_id, role, True, new_id, True)]
        granted = self.seq.next()
        self.seq.note(granted)  # no record: the grant's own watermark is read (Scope)
        self.scopes.append(
            {
                "account_id": account_id,
                "candidate_id": candidate_id,
                "granted_rev": granted,
                "revoked_rev": None,
            }
        )
        self.session.info.setdefault(SCOPE_CACHE, {})[(account_id, candidate_id)] = True

    def _add(self, row: list[Any]) -> None:
        """A new record's row (``record_values``), written at the next ``write()``."""
        self.rows.append(row)
        rid, entity, cand, spt, addressee, rev = row[:6]
        self.row_of[rid] = row
        self.pending[rid] = (entity, False, spt)
        # Its watermarks are known (a row switched on before it is written moves to a
        # later revision, which is read back): Sequence.note.
        seq = self.seq
        seq.covered.add(rev)
        seq.noted.add((entity, cand, spt, addressee))

    def _facts(self, rid: Any) -> RecordFacts | None:
        if isinstance(rid, str) and rid in self.pending:
            return self.pending[rid]
        # An employer's contact persons, vacancies and contacts name her one by one (a
        # query each); kept for the batch, forgotten when a careful change runs (it may
        # delete her).
        if rid not in self.stored:
            self.stored[rid] = _stored_facts(self.session, rid)
        return self.stored[rid]

    def _has_account(self, account_id: str) -> bool:
        """``can_receive``: read with the batch's other addressees (``_know_accounts``)."""
        accounts = self.accounts
        if account_id not in accounts:
            self._know_accounts(account_id)
        return accounts[account_id]

    def _first_role(self) -> str:
        """``_first_role`` of the caller: read with the batch's addressees."""
        if self.role is None:
            self._know_accounts(None)
            assert self.role is not None
        return self.role

    def _know_accounts(self, asked: str | None) -> None:
        """At the batch's first question of either, in one read of ``account``: whether
        each account the batch may address (its assignments' coaches, its handovers' and
        loket questions' receivers, and ``asked``) can receive a dossier
        (``can_receive``: exists and is active; anything but a text cannot), and the
        caller's first role (``_first_role``). One by one these were an ORM
        ``session.get`` each (~0.1 M instructions, ~2 a batch of a first push, and one
        per addressee of a batch that hands many over)."""
        known = self.accounts
        by = self.by_entity
        wanted: set[Any] = {self.caller.account_id, asked}
        for entity, field in _ADDRESSEE_FIELDS:
            wanted.update(map(_get, map(_FIELDS, by.get(entity, ())), repeat(field)))
        ids = sorted(i for i in wanted if isinstance(i, str) and i not in known)
        if self.lite:
            rows = self._lite(_ACCOUNTS_LITE, ids) if ids else []
        else:
            rows = []
            for chunk in _chunks(ids):
                rows += self._read(
                    sa.select(ACCOUNT.c.id, ACCOUNT.c.active, ACCOUNT.c.roles).where(
                        among(self.session, ACCOUNT.c.id, chunk)
                    )
                )
        found = {rid: (bool(active), roles) for rid, active, roles in rows}
        for rid in ids:
            known[rid] = found.get(rid, (False, None))[0]
        if asked is not None and asked not in known:  # not a text: no account's id
            known[asked] = False
        if self.role is None:
            mine = found.get(self.caller.account_id)
            self.role = str(mine[1]).split(",")[0] if mine else "loopbaancoach"


# New records of these entities are checked and written column by column (_Bulk._columns)
# when a batch has at least COLUMNS_MIN of them in a row: no correction (``_CORRECTED``),
# no effect (``_known_effect``), no addressee (``_ADDRESSED_BY``; an audit entry without
# a candidate is addressed to its author). BY_COLUMNS False: every change by
# ``_Bulk.apply`` (the tests compare both).
_PLAIN_NEW = frozenset(p.ENTITY_FIELDS) - p.SERVER_OWNED - _CORRECTED - {
    "assignment", "handover", "audit_entry"
}  # fmt: skip
# Runs of these go by ``_Bulk._coaching``: new candidates with their registration,
# assignments and handovers with their effects.
_COACHING = frozenset({"candidate", "assignment", "handover"})
BY_COLUMNS = True
COLUMNS_MIN = 4
_ENTITY, _ID = operator.attrgetter("entity"), operator.attrgetter("id")
_OP, _FIELDS = operator.attrgetter("op"), operator.attrgetter("fields")
_SHAPE = operator.attrgetter("shape")
_get = dict.get
_FIRST, _SECOND, _THIRD = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(2)
_FOURTH, _ENTITY_SPT = operator.itemgetter(3), operator.itemgetter(0, 2)
_CANDIDATE_ID = operator.attrgetter("candidate_id")
_is_str = str.__instancecheck__  # isinstance(value, str), as a function for filter()


# Entities whose updates always take the careful path: effects on scope and assignments
# (_effects), or rules of their own (_referral_change_allowed, a closed loket question).
_CAREFUL_UPDATES = frozenset({"assignment", "handover", LOKET, "referral"}) | p.SERVER_OWNED


def _update_goes_careful(ch: p.AnyChange) -> bool:
    """A change of a stored record that the bulk path leaves to the careful one,
    whatever the record holds: a delete, an entity of ``_CAREFUL_UPDATES``, a candidate's
    status or closing date (``_track_closure``)."""
    return (
        ch.op == "delete"
        or ch.entity in _CAREFUL_UPDATES
        or (ch.entity == "candidate" and bool(CLOSURE_FIELDS & ch.fields.keys()))
    )


def _switched_on(data: str, field_revs: str, was: int, rev: int) -> dict[str, Any]:
    """The columns of an assignment (its ``data``, ``field_revs`` and revision ``was``
    as stored) that ``_write_fields`` switches on at ``rev`` for the server (no device,
    no author)."""
    values = json.loads(data)
    revs = stored_revs(field_revs, values, was)
    values["active"], revs["active"] = True, rev
    return {
        "rev": rev, "data": json.dumps(values), "field_revs": json.dumps(revs),
        "synced_device": None, "updated_by": None, "updated_at": utcnow(),
    }  # fmt: skip


def _may_write(session: Session, caller: Caller, rec: Record, ch: p.AnyChange) -> bool:
    """The addressee of a handover outside her scope may only accept it (see _update)."""
    if rec.entity == LOKET:
        return _loket_readable(session, caller, rec)
    if rec.entity in p.SERVER_OWNED or rec.entity in p.REGISTRIES:
        return rec.entity not in p.SERVER_OWNED
    if rec.entity == "referral":
        # Read means write (can_read checked it); deleting is the desk's: a coach marks
        # a referral "niet gestart" instead.
        return ch.op == "upsert" or at_referral_desk(session, caller.account_id)
    if in_scope(session, caller.account_id, rec.candidate_id):
        return True
    return rec.addressee == caller.account_id and ch.op == "upsert"


def _is_frozen(rec: Record, data: dict[str, Any]) -> bool:
    return rec.entity in p.APPEND_ONLY or (
        rec.entity == "visit" and data.get("signed_off_at") is not None
    )


def _delete(
    session: Session, seq: Sequence, caller: Caller, rec: Record, ch: p.AnyChange
) -> p.ChangeResult:
    data = json.loads(rec.data)
    if _is_frozen(rec, data):
        return _rejected(ch, "dit gegeven kan niet meer worden gewijzigd", rec)
    prev = rec.rev
    tombstone(session, rec, seq.next(), by=caller.account_id)
    rec.synced_device = caller.device_id if ch.base_rev == prev else None
    if rec.entity == "candidate":
        _track_closure(session, rec.id, {})
    session.flush()
    _effects(session, seq, caller, rec.entity, rec.id, data, {"deleted"}, created=False)
    return p.ChangeResult(id=ch.id, status="applied", rev=rec.rev)


def _update(
    session: Session, seq: Sequence, caller: Caller, rec: Record, ch: p.AnyChange
) -> p.ChangeResult:
    try:
        incoming = _valid(ch, full=False)
    except p.InvalidFields as exc:
        return _rejected(ch, str(exc), rec)
    data = json.loads(rec.data)
    differing = {f: v for f, v in incoming.items() if data.get(f) != v}
    # A candidate's SPT is her registrar's (_file_under_own_spt) and stays: the desktop
    # derives one from her municipality again when that changes. The rest of the change
    # goes in; the record goes back to the device (not marked as equal to its copy).
    resend = rec.entity == "candidate" and differing.pop("spt", None) is not None
    # Normalised by the protocol: her device holds what it sent (see _insert).
    resend |= incoming != ch.fields
    if not differing:
        if resend:
            _write_fields(rec, {}, seq.next(), caller.account_id, None)
        return p.ChangeResult(id=ch.id, status="applied", rev=rec.rev)
    if _is_frozen(rec, data):
        return _rejected(ch, "dit gegeven kan niet meer worden gewijzigd", rec)
    if rec.entity == "referral":
        if not _referral_change_allowed(session, caller, rec, differing):
            return _rejected(ch, "een record kan niet naar een ander dossier of SPT", rec)
    elif not _keys_unchanged(rec, differing, caller):
        return _rejected(ch, "een record kan niet naar een ander dossier of SPT", rec)
    addressed_only = (
        rec.entity != "referral"
        and rec.addressee == caller.account_id
        and not in_scope(session, caller.account_id, rec.candidate_id)
    )
    if addressed_only and not set(differing) <= {"status", "accepted_at"}:
        return _forbidden(ch)
    revs = stored_revs(rec.field_revs, data, rec.rev)
    base = ch.base_rev or 0
    changed, conflicts = _merge_fields(revs, base, differing, data)
    if rec.entity == LOKET:
        receiver = changed.get("to_coach_id")
        if receiver is not None and not can_receive(session, receiver):
            return _rejected(ch, NO_RECEIVER, rec)
        if (data | changed).get("status") == LOKET_CLOSED:
            # Closed, it keeps no name or contact: not the device's, not a conflicting
            # one, not the stored one.
            conflicts = [c for c in conflicts if c.field not in LOKET_PERSONAL]
            changed = {k: v for k, v in changed.items() if k not in LOKET_PERSONAL}
            changed |= without_personal_when_closed(data | changed)
            _forget_personal_conflicts(session, rec.id)
            # A device that still holds them (it sent them, or closed it without
            # clearing them) gets the cleared record back in its next pull.
            resend = resend or any(v is not None for v in _personal(data | incoming))
            if resend and not changed and not conflicts:
                _write_fields(rec, {}, seq.next(), caller.account_id, None)
    elif rec.entity == "referral" and referral_done(data | changed):
        # Done, it keeps no personal data of its candidate: not the device's, not a
        # conflicting one, not the stored one.
        conflicts = [c for c in conflicts if c.field not in REFERRAL_PERSONAL]
        changed = {k: v for k, v in changed.items() if k not in REFERRAL_PERSONAL}
        changed |= without_personal_when_done(data | changed)
        _forget_personal_conflicts(session, rec.id, REFERRAL_PERSONAL)
        # A device that still holds them (an old client, without the vault's own
        # clearing) gets the cleared record back in its next pull.
        theirs = data | incoming
        resend = resend or any(theirs.get(f) != v for f, v in REFERRAL_PERSONAL.items())
        if resend and not changed and not conflicts:
            _write_fields(rec, {}, seq.next(), caller.account_id, None)
    for c in conflicts:
        session.add(
            Conflict(
                record_id=rec.id,
                entity=rec.entity,
                field=c.field,
                kept=json.dumps(c.theirs),
                other=json.dumps(c.yours),
                account_id=caller.account_id,
                device_id=caller.device_id,
            )
        )
    if changed:
        prev = rec.rev
        synced = caller.device_id if base == prev and not conflicts and not resend else None
        _write_fields(rec, changed, seq.next(), caller.account_id, synced)
        if rec.entity == "referral" and "coach_id" in changed:
            referral_moved(
                session, seq, rec.id, data.get("coach_id"), changed["coach_id"], rec.candidate_id
            )
        if _may_have_effects(rec.entity, changed):
            session.flush()
            _effects(session, seq, caller, rec.entity, rec.id, data | changed, set(changed), False)
        # Else the row is written with the batch's other updates at the next flush (the
        # ORM sends updates of the same columns as one executemany), not one by one.
    status: p.ChangeStatus = "conflict" if conflicts else "applied"
    return p.ChangeResult(id=ch.id, status=status, rev=rec.rev, conflicts=conflicts)


def _merge_fields(
    revs: dict[str, int], base: int, differing: dict[str, Any], data: dict[str, Any]
) -> tuple[dict[str, Any], list[p.FieldConflict]]:
    """The fields of ``differing`` that the change may write, and its conflicts: a field
    changed on the server since this device's copy (its revision past the change's base)
    to another value keeps the first write; the device gets both values to choose from."""
    conflicts: list[p.FieldConflict] = []
    changed: dict[str, Any] = {}
    for name, value in differing.items():
        if revs.get(name, 0) > base:
            conflicts.append(p.FieldConflict(field=name, yours=value, theirs=data.get(name)))
        else:
            changed[name] = value
    return changed, conflicts


def _personal(data: dict[str, Any]) -> list[Any]:
    """A loket question's name and contact as ``data`` holds them."""
    return [data.get(f) for f in LOKET_PERSONAL]


def _may_have_effects(entity: str, changed: dict[str, Any]) -> bool:
    """Whether ``_effects`` may act on an update of these fields (scope, assignments,
    a candidate's closing date)."""
    return entity in ("assignment", "handover", LOKET) or (
        entity == "candidate" and bool(CLOSURE_FIELDS & changed.keys())
    )


def _keys_unchanged(rec: Record, changed: dict[str, Any], caller: Caller) -> bool:
    """Records never move to another candidate, employer or SPT: that would move scope."""
    return not ({"candidate_id", "employer_id", "spt"} & set(changed)) and (
        rec.entity != "assignment" or "coach_id" not in changed
    )


def _write_fields(
    rec: Record, changed: dict[str, Any], rev: int, by: str | None, device: str | None
) -> None:
    data = json.loads(rec.data)
    revs = stored_revs(rec.field_revs, data, rec.rev)
    data.update(changed)
    revs.update(dict.fromkeys(changed, rev))
    rec.data, rec.field_revs, rec.rev = json.dumps(data), json.dumps(revs), rev
    if rec.entity in ("handover", LOKET):
        rec.addressee = data.get("to_coach_id")
    elif rec.entity == "referral":
        # Its coach receives it; once accepted, the candidate's coaches see it too.
        rec.addressee, rec.candidate_id = data.get("coach_id"), data.get("candidate_id")
    rec.synced_device, rec.updated_by, rec.updated_at = device, by, utcnow()


def _effects(
    session: Session,
    seq: Sequence,
    caller: Caller,
    entity: str,
    rid: str,
    data: dict[str, Any],
    changed: set[str],
    created: bool,
) -> None:
    """Scope follows registrations, assignments and accepted handovers; a candidate's
    closing date follows her status.

    A new candidate is assigned to the coach who registers her, once: when her device
    sends its own assignment in the same batch (the desktop always does), the server
    grants the scope now and adds no second assignment (1,500 candidates had 3,000);
    ``push`` adds one at the end if the device's did not make it in. A device's
    assignment that repeats one the server made earlier (a batch boundary fell between
    the candidate and her assignment) replaces it."""
    if entity == "candidate" and changed & CLOSURE_FIELDS:
        _track_closure(session, rid, data)
    if entity == LOKET and (created or "to_coach_id" in changed):
        _rescope_loket(session, seq, rid, data.get("to_coach_id"))
    if entity == "candidate" and created:
        if rid in session.info.get(OWN, ()):
            session.info[DEFERRED].add(rid)
            grant_scope(session, seq, caller.account_id, rid)
        else:
            role = _first_role(session, caller.account_id)
            set_assignment(session, seq, rid, caller.account_id, role, active=True, by=None)
    elif entity == "assignment":
        if created and data.get("active"):
            _drop_server_duplicates(session, seq, rid, data)
        refresh_scope(session, seq, data["coach_id"], data["candidate_id"])
    elif entity == "handover" and data.get("status") == "accepted" and "status" in changed:
        cand = data["candidate_id"]
        # Deleted after the handover was sent: her acceptance is stored and assigns no
        # one (CandidateGone raised out of the push before: a 500 on every retry).
        with contextlib.suppress(CandidateGone):
            set_assignment(
                session, seq, cand, data["to_coach_id"], data["to_role"], active=True, by=None
            )
        if data["from_coach_id"] != data["to_coach_id"]:
            set_assignment(
                session, seq, cand, data["from_coach_id"], data["from_role"], active=False, by=None
            )


def grant_scope(session: Session, seq: Sequence, account_id: str, candidate_id: str) -> None:
    """Scope for a candidate just registered by ``account_id``."""
    scope = session.get(Scope, (account_id, candidate_id))
    if scope is None:
        scope = Scope(account_id=account_id, candidate_id=candidate_id, granted_rev=0)
        session.add(scope)
    regrant(scope, seq.next())
    session.info.setdefault(SCOPE_CACHE, {})[(account_id, candidate_id)] = True
    session.flush()


def regrant(scope: Scope, rev: int) -> None:
    """Grant ``scope`` at ``rev``; a revoke it had is kept as ``last_revoked_rev`` (her
    devices may have purged the dossier, so the pull sends their own records again)."""
    if scope.revoked_rev is not None:
        scope.last_revoked_rev = scope.revoked_rev
    scope.granted_rev, scope.revoked_rev = rev, None


def server_made(rec: Record) -> bool:
    """An assignment the server made itself (registration, handover, administration),
    not one a device pushed."""
    return rec.synced_device is None and rec.updated_by is None


def _drop_server_duplicates(
    session: Session, seq: Sequence, rid: str, data: dict[str, Any]
) -> None:
    """Tombstone the server's own live assignments that repeat this device's new one
    exactly (candidate, coach, role, active): one assignment per role remains."""
    rows = session.execute(
        sa.select(Record).where(
            Record.entity == "assignment",
            Record.candidate_id == data["candidate_id"],
            Record.addressee == data["coach_id"],
            Record.deleted.is_(False),
            Record.id != rid,
        )
    ).scalars()
    for rec in rows:
        other = json.loads(rec.data)
        if other.get("role") == data.get("role") and other.get("active") and server_made(rec):
            tombstone(session, rec, seq.next(), by=None)


def tombstone(session: Session, rec: Record, rev: int, *, by: str | None) -> None:
    """Make ``rec`` a tombstone without content: deleted, its data and field revisions
    emptied (a pull sends ``{}``: devices need only the id, the kind and the flag), its
    conflict rows gone. The row stays so every device learns of the deletion."""
    rec.deleted = True
    rec.rev = rev
    rec.data = "{}"
    rec.field_revs = "{}"
    rec.synced_device = None
    rec.updated_by, rec.updated_at = by, utcnow()
    session.execute(sa.delete(Conflict).where(Conflict.record_id == rec.id))


# How far back a device may date a closing (the coach closes a dossier she finished last
# month): the retention period counts from the day, so a typo of years would erase a
# dossier at once; an earlier day counts from this far back, a later one from today.
CLOSING_BACKDATE_DAYS = 92
# A candidate's fields that move her closing date (``_track_closure``): an update of one
# of them is never written without ``_effects`` (``_may_have_effects`` reads this too).
CLOSURE_FIELDS = frozenset({"status", "closed_on"})


def closing_day(data: dict[str, Any], today: date) -> date:
    """The day a dossier closed: the device's ``closed_on`` (vault 0009) within
    [today - CLOSING_BACKDATE_DAYS, today]; today when it sends none (older versions)."""
    try:
        sent = date.fromisoformat(str(data["closed_on"]))
    except (KeyError, TypeError, ValueError):
        return today
    return min(max(sent, today - timedelta(days=CLOSING_BACKDATE_DAYS)), today)


def _track_closure(session: Session, candidate_id: str, data: dict[str, Any]) -> None:
    """Keep the day a candidate's dossier was closed: the closing date the device sent
    (``closing_day``), else the day the server learnt it; the retention period counts
    from it (``spt_server.privacy``). Reopened: forgotten."""
    row = session.get(CandidateClosure, candidate_id)
    if data.get("status") == CANDIDATE_STATUS_CLOSED:
        day = closing_day(data, utcnow().date())
        if row is None:
            session.add(CandidateClosure(candidate_id=candidate_id, closed_on=day))
        elif data.get("closed_on") is not None:
            row.closed_on = day  # a corrected closing date
    elif row is not None:
        session.delete(row)


def _first_role(session: Session, account_id: str) -> str:
    from spt_server.db import Account

    account = session.get(Account, account_id)
    return account.roles.split(",")[0] if account else "loopbaancoach"


def dedupe_assignments(session: Session) -> int:
    """Tombstone exact duplicates among live assignments: several active ones of the
    same (candidate, coach, role). One stays, the one a device pushed if there is one
    (else the oldest); the server made the others beside it at registration. Scope does
    not change (an active one remains). Returns how many were removed."""
    seq = Sequence(session)
    seq.lock()  # before reading: no push switches an assignment read here meanwhile
    groups: dict[tuple[str, str, str], list[Record]] = {}
    for rec in session.scalars(
        sa.select(Record)
        .where(Record.entity == "assignment", Record.deleted.is_(False))
        .order_by(Record.rev)
    ):
        data = json.loads(rec.data)
        if data.get("active"):
            key = (str(rec.candidate_id), str(rec.addressee), str(data.get("role")))
            groups.setdefault(key, []).append(rec)
    removed = 0
    for recs in groups.values():
        if len(recs) < 2:
            continue
        keep = next((r for r in recs if not server_made(r)), recs[0])
        for rec in recs:
            if rec is not keep:
                tombstone(session, rec, seq.next(), by=None)
                removed += 1
    seq.flush()
    session.flush()
    return removed
