"""Pull: what a coach's device receives, past its cursor, in the server's order.

The other half of the sync protocol (push and scope: ``spt_server.store``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, cast

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session

from spt_common import protocol as p
from spt_server.db import Account, Counter, Record, RevLease, Scope, Watermark
from spt_server.raw import On, Raw, compile_raw, lite, numbered, pyformat, run
from spt_server.store import (
    DESK_ENTITIES,
    LOKET,
    LOKET_ROLES,
    REV,
    Caller,
    as_record,
    can_read,
    desk_entities,
    marks_of,
)


class BadCursor(Exception):
    pass


_CURSOR = re.compile(p.CURSOR_PATTERN)


def parse_cursor(cursor: str | None) -> tuple[int, str]:
    """``"rev"`` or ``"rev:id"`` (inside a newly granted candidate's records).

    The protocol's pattern, checked again here: at most 18 ASCII digits keep the revision
    inside a 64-bit integer (PostgreSQL's bigint; ``int()`` would take any size, signs,
    underscores and other scripts' digits), and the id part is UUID characters only
    (it is compared in SQL)."""
    if not cursor:
        return 0, ""
    if _CURSOR.fullmatch(cursor) is None:
        raise BadCursor()
    rev, _, rid = cursor.partition(":")
    return int(rev), rid


class json_text(sa.sql.functions.FunctionElement[str]):
    """A text value as a JSON string (quoted and escaped), written by the database."""

    type = sa.Text()
    inherit_cache = True
    name = "json_text"


@compiles(json_text, "postgresql")
def _pg_json_text(element: json_text, compiler: Any, **kw: Any) -> str:
    return f"to_json({compiler.process(element.clauses, **kw)})::text"


@compiles(json_text, "sqlite")
def _sqlite_json_text(element: json_text, compiler: Any, **kw: Any) -> str:
    return f"json_quote({compiler.process(element.clauses, **kw)})"


def _sql_text(value: str) -> sa.ColumnElement[str]:
    # Written into the SQL (a constant of this module: no quotes to escape), not a
    # parameter per row.
    assert "'" not in value
    return sa.literal_column(f"'{value}'", sa.Text)


# A record as the wire carries it (p.Record's JSON: its fields in its order), assembled by
# the database from the stored JSON of its data: a first pull sends ~3,700 records a
# coach, and writing each in Python (two json.dumps and a format per record) was a third
# of the server's work in the burst of first pulls.
def _wire(rec: Any) -> sa.ColumnElement[str]:
    """The wire JSON of the record ``rec`` (``Record`` or an alias's columns)."""
    return cast(
        sa.ColumnElement[str],
        _sql_text('{"entity":')
        + json_text(rec.entity)
        + _sql_text(',"id":')
        + json_text(rec.id)
        + _sql_text(',"rev":')
        + sa.cast(rec.rev, sa.Text)
        + _sql_text(',"deleted":')
        + sa.case((rec.deleted, _sql_text("true")), else_=_sql_text("false"))
        + _sql_text(',"data":')
        + rec.data
        + _sql_text("}"),
    )


WIRE = _wire(Record).label("wire")

# The columns a pull reads of a record: plain rows through the Core, not ORM objects or
# the ORM's result layer (a first pull reads tens of thousands): what the page needs to
# merge its streams, and the record's JSON.
_COLUMNS = (Record.id, Record.rev, Record.candidate_id, Record.synced_device, WIRE)
Rows = sa.Select[*tuple[Any, ...]]  # a query of a page's rows
Row = Any  # a row of _COLUMNS (attributes: id, rev, candidate_id, synced_device, wire)


def _rows(
    session: Session, q: sa.Executable, params: dict[str, Any] | None = None
) -> sa.CursorResult[Any]:
    """``q`` run on the session's connection by the Core (the ORM's execute adds its
    own layer per statement and per row, for rows that are plain columns)."""
    return session.connection().execute(q, params)


@dataclass
class Page:
    """A page as read: its records as rows (``wire``: the record's JSON)."""

    rows: list[Row]
    purge: list[str]
    cursor: str
    more: bool


def pull(session: Session, caller: Caller, cursor: str | None, limit: int) -> p.PullPage:
    """Everything in scope past ``cursor``, ordered by the server's sequence (see
    ``read_page``)."""
    page = read_page(session, caller, cursor, limit)
    return p.PullPage(
        records=[p.Record.model_construct(**json.loads(r.wire)) for r in page.rows],
        purge=page.purge,
        cursor=page.cursor,
        more=page.more,
    )


def pull_json(
    session: Session,
    caller: Caller,
    cursor: str | None,
    limit: int,
    mark: int | None = None,
    *,
    stamp: datetime | None = None,
    own: tuple[int, int] | None = None,
) -> bytes:
    """``pull`` as the JSON of a ``PullPage``, written straight from the stored records:
    their data is stored as the JSON the wire carries, so it is not parsed and written
    again (a first pull's pages are most of the server's work). ``stamp``, ``own``: see
    ``read_page``."""
    page = read_page(session, caller, cursor, limit, mark, stamp=stamp, own=own)
    return page_json(page)


def page_json(page: Page) -> bytes:
    """A ``PullPage``'s JSON (the same fields in the same order as pydantic writes)."""
    records = ",".join(r.wire for r in page.rows)
    return (
        f'{{"records":[{records}],"purge":{json.dumps(page.purge)},'
        f'"cursor":{json.dumps(page.cursor)},"more":{"true" if page.more else "false"}}}'
    ).encode()


def read_page(
    session: Session,
    caller: Caller,
    cursor: str | None,
    limit: int,
    mark: int | None = None,
    *,
    stamp: datetime | None = None,
    own: tuple[int, int] | None = None,
) -> Page:
    """Everything in scope past ``cursor``, ordered by the server's sequence; ``mark``:
    the caller's ``watermark`` if already read (in the same transaction). ``stamp``
    (PostgreSQL, ``limit`` > 0, the session in autocommit): the sync's time, noted on the
    caller's device by the page's first statement (``prelude``), not waited for on disk.
    ``own`` (SQLite): revisions (lo, hi] that this device's own pushes wrote, every one
    of them, if known (``app.note_own``): a page up to ``hi`` at the latest reads her
    candidates' changes past ``lo`` from the records no device holds as stored
    (``changed_query``'s ``own``).

    Three streams merged by (effective revision, id): records changed past the cursor in
    the coach's candidates after they came into her scope; the records of a candidate
    granted to her past the cursor that have not changed since the grant (at the grant's
    revision, so a handover brings the whole dossier; the rest follows in the first
    stream); the shared registries, coaches and records addressed to her. A record's
    revision is in one of the first two streams only.

    No stream sends this device its own records: those whose stored state is exactly
    what it pushed (``Record.synced_device``; a merge or a correction clears it). It
    holds them already: a first push got its whole dossier back with every batch's
    answer (issue 13). Except after a revoke, which may have purged them (see
    ``granted_query``).
    """
    cur_rev, cur_id = parse_cursor(cursor)
    if limit == 0:
        # No page asked (a push whose answer's page the client would drop: it has a
        # batch on the wire behind this one). Nothing is read: past the cursor lies
        # everything the device pushed meanwhile, which the streams skip row by row, so
        # a page of one record cost a walk over the whole push so far (issue 13).
        return Page(rows=[], purge=[], cursor=cursor or str(cur_rev), more=True)
    before: Prelude | None = None
    if session.get_bind().dialect.name == "postgresql":
        # What the page needs besides its rows, in one statement (was three or four).
        before = prelude(session, caller, cur_rev, with_mark=mark is None, stamp=stamp)
        mark = before.mark if mark is None else mark
    if not cur_id and (mark if mark is not None else watermark(session, caller)) <= cur_rev:
        # Nothing in her scopes changed past the cursor (store.mark_scopes): no record,
        # grant or purge can be new. The common case, a sync with nothing to do, costs
        # one read of three primary keys, whatever other coaches write meanwhile.
        return Page(rows=[], purge=[], cursor=str(cur_rev), more=False)
    # Every revision up to this bound is complete (see safe_upto): look no further.
    upto = before.upto if before is not None else safe_upto(session)
    if cur_rev >= upto and not cur_id:
        return Page(rows=[], purge=[], cursor=str(cur_rev), more=False)
    # One statement: the streams merged by the database, the page's rows and no more
    # (merged in Python, each stream sent up to a page of rows that the page then cut).
    desk = before.desk if before is not None else desk_state(session, caller)
    dialect = session.get_bind().dialect
    bound = upto
    if dialect.name == "postgresql":
        rows, bound = _page_rows(
            session.connection(), dialect, caller, cur_rev, cur_id, upto, limit, desk,
            before.scope if before is not None else None,
        )  # fmt: skip
    else:
        mine = None if own is None or upto > own[1] else max(cur_rev, own[0])
        shape, params = page_shape(session, caller, cur_rev, cur_id, upto, limit, desk, mine)
        rows = _sqlite_rows(session.connection(), shape, params)
    records, seen, end_rev, end_id, more = _cut(rows, limit, cur_rev, cur_id, bound)
    more = more or bound < upto
    if before is not None:
        purge = sorted(c for rev, c in before.revoked if rev <= end_rev)
    else:
        purge = _purged(session, caller, cur_rev, end_rev)
    lost = desk_revoked_ids(session, caller, desk, cur_rev, end_rev)
    if lost:
        purge = sorted(set(purge) | set(lost))
    records += _gone(session, purge, seen)
    new_cursor = f"{end_rev}:{end_id}" if end_id else str(end_rev)
    return Page(rows=records, purge=purge, cursor=new_cursor, more=more)


def _cut(
    rows: list[Any], limit: int, cur_rev: int, cur_id: str, upto: int
) -> tuple[list[Row], set[str], int, str, bool]:
    """A page of ``rows`` (up to ``limit`` + 1, in order): its records (each once), their
    ids, where it ends (revision, id: the cursor) and whether there is more."""
    more = len(rows) > limit
    page = rows[:limit]
    seen: set[str] = set()
    records: list[Row] = []
    for rec in page:
        if rec.id not in seen:
            seen.add(rec.id)
            records.append(rec)
    end_rev, end_id = (int(page[-1].eff), page[-1].id) if page else (cur_rev, cur_id)
    if not more:
        end_rev, end_id = max(end_rev, upto), ""
    return records, seen, end_rev, end_id, more


def quick_page(conn: On, caller: Caller, cur_rev: int, limit: int,
               before: Prelude) -> Page | None:  # fmt: skip
    """``read_page`` past the plain cursor ``cur_rev`` (``limit`` > 0) on a pooled psycopg
    connection, with its ``Prelude`` read already (``probe``): one statement, the
    page's rows. None when the page would need more than its rows (a scope of hers
    revoked past the cursor, a desk role taken away: purges), which ``read_page`` reads."""
    upto = before.upto
    if _purges(before, cur_rev):
        return None
    if cur_rev >= upto:
        return Page(rows=[], purge=[], cursor=str(cur_rev), more=False)
    rows, bound = _page_rows(
        conn, conn.engine.dialect, caller, cur_rev, "", upto, limit, before.desk, before.scope
    )
    records, _seen, end_rev, end_id, more = _cut(rows, limit, cur_rev, "", bound)
    more = more or bound < upto
    new_cursor = f"{end_rev}:{end_id}" if end_id else str(end_rev)
    return Page(rows=records, purge=[], cursor=new_cursor, more=more)


def _purges(before: Prelude, cur_rev: int) -> bool:
    """The page past ``cur_rev`` purges (a scope of hers revoked past the cursor, a desk
    role taken away): ``read_page`` reads it, not its rows alone."""
    revoke = before.desk.revoke
    return bool(before.revoked) or (revoke is not None and cur_rev < revoke <= before.upto)


class Prelude(NamedTuple):
    """What a page on PostgreSQL reads before its rows, in one statement (``prelude``)."""

    upto: int  # safe_upto
    desk: DeskState  # desk_state
    revoked: list[tuple[int, str]]  # her scopes revoked in (cursor, upto]: (rev, candidate)
    mark: int | None  # her watermark, if asked for
    # Her candidates, counted when the span to ``upto`` is long (``_dense``), else None.
    scope: int | None = None


# Her candidates counted, on a long span only (``_dense``): an index range of the scope
# table, evaluated by PostgreSQL only when the CASE takes that branch.
_SCOPE_COUNT = """CASE WHEN bound.upto - {cur_rev} > {long_span} THEN (SELECT count(*)
  FROM scope sc WHERE sc.account_id = {account} AND sc.revoked_rev IS NULL) END"""


# safe_upto, desk_state, the scopes revoked past the cursor (_purged, cut at the page's
# end in Python) and, if asked, the watermark: one snapshot, one round trip. Before,
# each was a statement of its own, built by SQLAlchemy per request: a third of the CPU
# of a sync that receives a colleague's two records (issue 18).
_PRELUDE = """
WITH {noted}bound AS (SELECT least((SELECT value FROM counter WHERE name = 'rev'),
  (SELECT min(first) FROM rev_lease WHERE pg_xact_status(CAST(CAST(xid AS text) AS xid8))
   IN ('in progress', 'committed')) - 1) AS upto)
SELECT bound.upto, a.id, a.roles, a.desk_granted_rev, a.desk_revoked_rev,
  ARRAY(SELECT s.revoked_rev || ' ' || s.candidate_id FROM scope s
        WHERE s.account_id = :account AND s.revoked_rev > :cur_rev
        AND s.revoked_rev <= bound.upto) AS revoked, {mark} AS mark,
  {scope} AS her_scope{noted_count}
FROM bound LEFT JOIN account a ON a.id = :account
"""
_SCOPE_SQL = _SCOPE_COUNT.format(cur_rev=":cur_rev", long_span=":long_span", account=":account")


def _marks(placeholder: str) -> str:
    """The newest of her three watermarks (``k1``..``k3``), each ``placeholder``
    formatted with its parameter's name."""
    one = "coalesce((SELECT max(rev) FROM watermark WHERE key = {}), 0)"
    return f"greatest({', '.join(one.format(placeholder.format(k)) for k in ('k1', 'k2', 'k3'))})"


_MARK_SQL = _marks(":{}")
# The sync's time (coordination.note_sync), as app._PROBE_STAMP notes it: in the same
# statement, its commit not waited for on disk.
_NOTED = "noted AS (UPDATE device SET last_sync = :now WHERE id = :device RETURNING id), "
_NOTED_COUNT = ", (SELECT count(*) FROM noted), set_config('synchronous_commit', 'off', true)"
_PRELUDES = {
    (with_mark, stamped): sa.text(
        _PRELUDE.format(
            mark=_MARK_SQL if with_mark else "NULL",
            noted=_NOTED if stamped else "",
            noted_count=_NOTED_COUNT if stamped else "",
            scope=_SCOPE_SQL,
        )
    )
    for with_mark in (False, True)
    for stamped in (False, True)
}

_RAW_PRELUDES: dict[tuple[bool, bool], Raw] = {}


def prelude(
    session: Session,
    caller: Caller,
    cur_rev: int,
    *,
    with_mark: bool,
    stamp: datetime | None = None,
) -> Prelude:
    """``Prelude`` of a page of ``caller`` past ``cur_rev`` (PostgreSQL); ``stamp``: the
    sync's time, noted on her device in the same statement (autocommit only)."""
    params: dict[str, Any] = {
        "account": caller.account_id,
        "cur_rev": cur_rev,
        "long_span": LONG_SPAN,
    }
    if with_mark:
        k1, k2, k3 = marks_of(caller)
        params |= {"k1": k1, "k2": k2, "k3": k3}
    if stamp is not None:
        params |= {"now": stamp, "device": caller.device_id}
    key = (with_mark, stamp is not None)
    raw = _RAW_PRELUDES.get(key)
    if raw is None:
        raw = _RAW_PRELUDES[key] = compile_raw(
            _PRELUDES[key], session.get_bind().dialect, params, prepare=True
        )
    [row] = run(session.connection(), raw, params)
    return _prelude_of(row[:7], row.her_scope)


def _prelude_of(row: Any, scope: int | None) -> Prelude:
    upto, account, roles, grant, revoke, revoked, mark = row
    desk = (
        DeskState(set(), None, None)
        if account is None
        else DeskState(
            set((roles or "").split(",")),
            None if grant is None else int(grant),
            None if revoke is None else int(revoke),
        )
    )
    pairs = [(int(r), c) for r, c in (x.split(" ", 1) for x in revoked)]
    mark = None if mark is None else int(mark)
    return Prelude(int(upto), desk, pairs, mark, None if scope is None else int(scope))


# The first statement of a sync whose device this process checked (app._idle_answer): the
# auth epoch, her watermark, the sync's time noted (if the epoch is the one checked; not
# waited for on disk) and, only when the watermark is past the cursor, the page's
# prelude. An idle sync reads no more than before; a sync that receives something
# makes one round trip less (it was a third of such a sync's CPU, issue 18).
_EPOCH = "(SELECT value FROM counter WHERE name = 'auth')"
_PROBE = f"""
WITH noted AS (UPDATE device SET last_sync = :now WHERE id = :device AND {_EPOCH} = :epoch
  RETURNING id),
head AS MATERIALIZED (SELECT {_EPOCH} AS epoch, {_MARK_SQL} AS mark)
SELECT head.epoch, head.mark, (SELECT count(*) FROM noted) AS stamped,
  set_config('synchronous_commit', 'off', true) AS unsynced,
  pre.upto, pre.id, pre.roles, pre.desk_granted_rev, pre.desk_revoked_rev, pre.revoked,
  pre.her_scope
FROM head LEFT JOIN LATERAL (
  SELECT bound.upto, a.id, a.roles, a.desk_granted_rev, a.desk_revoked_rev,
    ARRAY(SELECT s.revoked_rev || ' ' || s.candidate_id FROM scope s
          WHERE s.account_id = :account AND s.revoked_rev > :cur_rev
          AND s.revoked_rev <= bound.upto) AS revoked,
    {_SCOPE_SQL} AS her_scope
  FROM (SELECT least((SELECT value FROM counter WHERE name = 'rev'),
    (SELECT min(first) FROM rev_lease
     WHERE pg_xact_status(CAST(CAST(xid AS text) AS xid8)) IN ('in progress', 'committed'))
    - 1) AS upto) bound
  LEFT JOIN account a ON a.id = :account
  WHERE head.mark > :cur_rev
  OFFSET 0
) pre ON true
"""
_RAW_PROBES: dict[bool, Raw] = {}


def _unstamped(text: str) -> str:
    """``text`` (``_PROBE``, ``_PROBE_PAGE``) without the sync's time: nothing written,
    ``stamped`` true, the columns where they were (app._note_due: a device noted less
    than half a minute ago)."""
    start = text.index("WITH noted AS (")
    end = text.index("head AS MATERIALIZED")
    out = text[: start + len("WITH ")] + text[end:]
    out = out.replace("(SELECT count(*) FROM noted)", "1")
    out = out.replace("set_config('synchronous_commit', 'off', true)", "NULL")
    assert "noted" not in out and "UPDATE" not in out
    return out


class Probe(NamedTuple):
    """What ``probe`` read: the auth epoch, the caller's watermark, whether the sync was
    noted (true when it was not to be), and the page's prelude when the watermark is
    past the cursor."""

    epoch: int
    mark: int
    stamped: bool
    before: Prelude | None


# An idle sync with nothing to note (``probe``): the epoch and her watermark alone.
# PostgreSQL sets up every node of a statement's plan at each run, those it never runs
# too: ``_PROBE``'s prelude (nine scans and joins behind its one-time filter) was a
# quarter of an idle sync's CPU in PostgreSQL (issue 18, round 10).
_HEAD = f"SELECT {_EPOCH} AS epoch, {_MARK_SQL} AS mark"
_RAW_HEAD: list[Raw] = []


def probe(conn: On, caller: Caller, epoch: int, cur_rev: int, now: datetime | None) -> Probe:
    """The first statement of a sync of a checked device (``_PROBE``), on ``conn``, a
    pooled psycopg connection in autocommit (PostgreSQL). ``now``: the sync's time to
    note, None: noted recently, nothing written: then the epoch and her watermark are
    read first (``_HEAD``), and ``_PROBE`` only when her watermark is past the cursor."""
    k1, k2, k3 = marks_of(caller)
    if now is None:
        marks = {"k1": k1, "k2": k2, "k3": k3}
        if not _RAW_HEAD:
            _RAW_HEAD.append(compile_raw(sa.text(_HEAD), conn.engine.dialect, marks, prepare=True))
        [head] = run(conn, _RAW_HEAD[0], marks)
        if head.mark <= cur_rev:
            return Probe(int(head.epoch), int(head.mark), True, None)
    params = {"k1": k1, "k2": k2, "k3": k3, "epoch": epoch, "account": caller.account_id,
              "cur_rev": cur_rev, "long_span": LONG_SPAN}  # fmt: skip
    if now is not None:
        params |= {"device": caller.device_id, "now": now}
    raw = _RAW_PROBES.get(now is not None)
    if raw is None:
        text = _PROBE if now is not None else _unstamped(_PROBE)
        raw = _RAW_PROBES[now is not None] = compile_raw(
            sa.text(text), conn.engine.dialect, params, prepare=True
        )
    [row] = run(conn, raw, params)
    before = None
    if row.upto is not None:
        before = _prelude_of((*row[4:10], row.mark), row.her_scope)
        note_mark(caller.account_id, before.mark or 0)
    return Probe(int(row.epoch), int(row.mark), bool(row.stamped), before)


# The probe with the page (``probe_page``): ``_PROBE`` and, when the prelude lets the
# page need nothing but its rows, the page's rows, in one statement. A sync that receives
# a colleague's records was two round trips (the probe, then the page), each a wake-up,
# a snapshot and a portal on both sides: its cost more than the page's own work (issue
# 18). The page is the statement of the shape guessed from her last desk state, with
# the prelude's bound for ``upto``; it runs only when ``go`` (behind a one-time filter:
# an idle sync's probe never starts it), and its rows count only when the shape the
# prelude then gives is the one guessed (else ``quick_page`` reads it, one round trip
# more, as before). ``go``: a page past the cursor, a short span (the long one has
# another shape), no scope of hers revoked and no desk role taken past the cursor
# (purges: ``read_page``).
_PROBE_PAGE = """
WITH noted AS (UPDATE device SET last_sync = %(now)s WHERE id = %(device)s
  AND {epoch} = %(epoch)s RETURNING id),
head AS MATERIALIZED (SELECT {epoch} AS epoch, {mark} AS mark)
SELECT head.epoch, head.mark, (SELECT count(*) FROM noted) AS stamped,
  set_config('synchronous_commit', 'off', true) AS unsynced,
  pre.upto, pre.account, pre.roles, pre.desk_granted_rev, pre.desk_revoked_rev, pre.revoked,
  pre.go, pre.her_scope,
  page.eff, page.id, page.rev, page.candidate_id, page.synced_device, page.wire
FROM head LEFT JOIN LATERAL (
  SELECT bound.upto, a.id AS account, a.roles, a.desk_granted_rev, a.desk_revoked_rev,
    revoked, bound.upto > %(cur_rev)s AND bound.upto - %(cur_rev)s <= {long_span}
      AND cardinality(revoked) = 0
      AND NOT coalesce(a.desk_revoked_rev > %(cur_rev)s
                       AND a.desk_revoked_rev <= bound.upto, false) AS go,
    {scope} AS her_scope
  FROM (SELECT least((SELECT value FROM counter WHERE name = 'rev'),
    (SELECT min(first) FROM rev_lease
     WHERE pg_xact_status(CAST(CAST(xid AS text) AS xid8)) IN ('in progress', 'committed'))
    - 1) AS upto) bound
  LEFT JOIN account a ON a.id = %(account)s
  CROSS JOIN LATERAL (SELECT ARRAY(SELECT s.revoked_rev || ' ' || s.candidate_id FROM scope s
          WHERE s.account_id = %(account)s AND s.revoked_rev > %(cur_rev)s
          AND s.revoked_rev <= bound.upto) AS revoked) r
  WHERE head.mark > %(cur_rev)s
  OFFSET 0
) pre ON true
LEFT JOIN LATERAL (SELECT * FROM ({page}) rows WHERE pre.go OFFSET 0) page ON true
ORDER BY page.eff, page.id COLLATE "C"
"""
# By the page's statement (its identity: they live in _SHAPES as long as the process)
# and whether it notes the sync.
_RAW_PROBE_PAGES: dict[tuple[int, bool], Raw] = {}
# What this process last saw of each account (bounded; a guess either way, never an
# answer): the desk state her last prelude showed (the page's shape to guess) and the
# newest revision it knows changed something of hers (a probe's watermark, her push).
_DESKS: dict[str, DeskState] = {}
_MARKS: dict[str, int] = {}


def note_mark(account_id: str, rev: int) -> None:
    """``rev`` changed something ``account_id`` pulls (her push, her watermark seen)."""
    if rev > _MARKS.get(account_id, 0):
        if len(_MARKS) > 100_000:
            _MARKS.clear()
        _MARKS[account_id] = rev


def expects_page(account_id: str, cur_rev: int) -> bool:
    """Whether a sync of ``account_id`` past ``cur_rev`` likely receives something, by
    what this process saw (``note_mark``): then ``probe_page`` is worth its larger
    statement. An idle sync's probe with the page in it costs PostgreSQL its plan's
    start (the page's nine scans, never run) for nothing: ~0.05-0.09 ms, a third of the
    probe's own (issue 18)."""
    return _MARKS.get(account_id, 0) > cur_rev


class Probed(NamedTuple):
    """What ``probe_page`` read: the probe's, and the page when its rows sufficed (None:
    ``quick_page`` or ``read_page`` reads it, with ``probe.before``)."""

    probe: Probe
    page: Page | None


def probe_page(conn: On, caller: Caller, epoch: int, cur_rev: int, now: datetime | None,
               limit: int) -> Probed:  # fmt: skip
    """``probe`` and, in the same statement, the page past the plain cursor ``cur_rev``
    (``limit`` > 0) when its rows are all it needs (``_PROBE_PAGE``), on ``conn``, a
    pooled psycopg connection in autocommit (PostgreSQL). ``now``: as ``probe``'s."""
    guess = _DESKS.get(caller.account_id) or DeskState(set(), None, None)
    dialect = conn.engine.dialect
    # upto = cur_rev: a short span, and no desk grant the page reaches unless at the
    # cursor itself (the statement uses the prelude's bound, not this value).
    shape, params = _shape(dialect.name, caller, cur_rev, "", cur_rev, limit, guess)
    k1, k2, k3 = marks_of(caller)
    params |= {"k1": k1, "k2": k2, "k3": k3, "epoch": epoch}
    if now is not None:
        params["now"] = now
    key = (id(shape), now is not None)
    raw = _RAW_PROBE_PAGES.get(key)
    if raw is None:
        page_sql, consts = pyformat(shape, dialect, params)
        page_sql = page_sql.replace("%(upto)s", "pre.upto")
        assert "%(upto)s" not in page_sql
        scope = _SCOPE_COUNT.format(
            cur_rev="%(cur_rev)s", long_span=LONG_SPAN, account="%(account)s"
        )
        text = _PROBE_PAGE.format(
            epoch=_EPOCH, mark=_marks("%({})s"), long_span=LONG_SPAN, page=page_sql, scope=scope
        )
        if now is None:
            text = _unstamped(text)
        raw = _RAW_PROBE_PAGES[key] = numbered(text, consts, prepare=True)
    rows = run(conn, raw, params)
    head = rows[0]
    found = Probe(int(head.epoch), int(head.mark), bool(head.stamped), None)
    if head.upto is None:  # her watermark is at or below the cursor: the prelude was not read
        return Probed(found, None)
    before = _prelude_of((*head[4:10], head.mark), head.her_scope)
    found = found._replace(before=before)
    note_mark(caller.account_id, found.mark)
    if len(_DESKS) > 100_000:
        _DESKS.clear()
    _DESKS[caller.account_id] = before.desk
    if not head.go or _purges(before, cur_rev):  # (the statement's go says the same)
        return Probed(found, None)
    real, real_params = _shape(dialect.name, caller, cur_rev, "", before.upto, limit, before.desk)
    if real is not shape or any(real_params[n] != params[n] for n in raw.names if n in real_params):
        return Probed(found, None)  # another shape than guessed: quick_page reads it
    page_rows = [r for r in rows if r.eff is not None]
    records, _seen, end_rev, end_id, more = _cut(page_rows, limit, cur_rev, "", before.upto)
    new_cursor = f"{end_rev}:{end_id}" if end_id else str(end_rev)
    return Probed(found, Page(rows=records, purge=[], cursor=new_cursor, more=more))


def watermark(session: Session, caller: Caller) -> int:
    """The last revision that changed anything ``caller`` can pull (0: nothing yet)."""
    return int(_rows(session, sa.select(watermark_query(caller))).scalar_one())


def watermark_query(caller: Caller) -> sa.ColumnElement[int]:
    """The newest of the caller's watermarks: one backward index step per key."""
    newest = [
        sa.func.coalesce(
            sa.select(sa.func.max(Watermark.rev)).where(Watermark.key == key).scalar_subquery(),
            0,
        )
        for key in marks_of(caller)
    ]
    return Greatest(*newest)


class Greatest(sa.sql.functions.GenericFunction[int]):
    """GREATEST(...) on PostgreSQL, the scalar MAX(...) on SQLite."""

    type = sa.BigInteger()
    inherit_cache = True
    name = "greatest"


@compiles(Greatest, "sqlite")
def _sqlite_greatest(element: Greatest, compiler: Any, **kw: Any) -> str:
    return f"max({compiler.process(element.clauses, **kw)})"


def safe_upto(session: Session) -> int:
    """The last revision a pull may read up to: every revision at or below it has
    committed (or never will).

    SQLite and exclusive writers commit the counter with their records. Pushes on
    PostgreSQL take blocks of revisions from the counter under a lease and commit in
    any order: the bound stops below the oldest lease whose push has not finished (one
    that committed is gone from this statement's view only once its records are in it;
    one that aborted is ignored). Counter and leases are read in one statement: one
    snapshot."""
    counter = sa.select(Counter.value).where(Counter.name == REV).scalar_subquery()
    if session.get_bind().dialect.name != "postgresql":
        return int(_rows(session, sa.select(counter)).scalar_one())
    status = sa.func.pg_xact_status(sa.cast(sa.cast(RevLease.xid, sa.Text), XID8))
    oldest = (
        sa.select(sa.func.min(RevLease.first))
        .where(status.in_(("in progress", "committed")))
        .scalar_subquery()
    )
    top, first = cast(tuple[int, Any], tuple(_rows(session, sa.select(counter, oldest)).one()))
    return int(top) if first is None else min(int(top), int(first) - 1)


class XID8(sa.types.UserDefinedType[int]):
    """PostgreSQL's 64-bit transaction id type (for a cast only)."""

    cache_ok = True

    def get_col_spec(self, **_kw: Any) -> str:
        return "xid8"


def page_query(
    session: Session, caller: Caller, cur_rev: int, cur_id: str, upto: int, limit: int
) -> Rows:
    """A page's rows in one statement: every stream (``streams_of``) up to ``limit`` + 1
    rows in its own index order, merged by (effective revision, id), the first ``limit``
    + 1 (the extra one tells the page there is more). Columns: ``eff`` and _COLUMNS."""
    shape, params = page_shape(session, caller, cur_rev, cur_id, upto, limit)
    return shape.params(params)


def _page_rows(
    conn: sa.Connection | On,
    dialect: sa.Dialect,
    caller: Caller,
    cur_rev: int,
    cur_id: str,
    upto: int,
    limit: int,
    desk: DeskState,
    scope: int | None = None,
) -> tuple[list[Any], int]:
    """The rows of ``page_query`` on PostgreSQL, sent on ``conn``'s psycopg connection
    (``raw.run``), prepared; and the revision the page reads up to: ``upto``, or on a
    sparse long span its window's end (``windowed``: the page then ends there at the
    latest, and there is more). ``scope``: her candidates (``Prelude.scope``), if
    counted: a long span where they are dense is walked as a short one (``_dense``)."""
    long_span = upto - cur_rev > LONG_SPAN and not (
        scope is not None and _dense(scope, upto - cur_rev, limit)
    )
    shape, params = _shape(
        dialect.name, caller, cur_rev, cur_id, upto, limit, desk, long_span=long_span
    )
    raw = _RAW_SHAPES.get(id(shape))
    if raw is None:
        raw = _RAW_SHAPES[id(shape)] = (
            windowed(shape, dialect, params)
            if long_span
            else compile_raw(shape, dialect, params, prepare=True)
        )
    rows = run(conn, raw, params)
    if not long_span:
        return rows, upto
    return [r for r in rows if r.eff is not None], int(rows[0].bound)


# Where a page of a sparse long span may stop reading (``windowed``): the revision of
# the (limit + 1)-th record of her candidates changed past the cursor since it came
# into her scope (any device's), or ``upto`` if there are fewer: per candidate, the
# first limit + 1 past the cursor from the index on (candidate_id, rev), revisions only
# (migration 0018).
_WINDOW = """
SELECT w.rev FROM scope sc CROSS JOIN LATERAL (
  SELECT r.rev FROM record r WHERE r.candidate_id = sc.candidate_id
    AND r.rev > greatest(%(cur_rev)s, sc.granted_rev) AND r.rev <= %(upto)s
  ORDER BY r.rev LIMIT %(limit)s + 1) w
WHERE sc.account_id = %(account)s AND sc.revoked_rev IS NULL
ORDER BY w.rev OFFSET %(limit)s LIMIT 1
"""
# The page read up to the window's end (``bound``: one row with the rest NULL when the
# page is empty).
_WINDOWED = """
WITH win AS MATERIALIZED (SELECT coalesce(({window}), %(upto)s) AS upto)
SELECT win.upto AS bound, page.* FROM win LEFT JOIN LATERAL ({page}) page ON true
ORDER BY page.eff, page.id COLLATE "C"
"""


def windowed(shape: Rows, dialect: sa.Dialect, params: dict[str, Any]) -> Raw:
    """The statement of a page of a sparse long span: ``shape`` (the page's streams)
    read up to the window's end instead of ``upto``, and that end (``bound``), in one
    statement. Every stream read up to it holds at most ``limit`` + 1 of her
    candidates' changes, so the per-candidate read (``changed_query``'s long span)
    takes from each candidate only its records in (cursor, window] (one range of the
    index on (candidate_id, rev)) and sorts no more than the page, instead of every
    record of hers past the cursor on every page (a coach with 1,000 candidates among
    150 coaches: 37,000 records a page; issue 13). The page then ends at the window's
    end at the latest, with more to come; ``upto`` is only the bound every revision up
    to which has committed: any lower one is as safe. Not prepared: a first pull's plan
    depends on its values, and its planning is a small part of its cost."""
    page, consts = pyformat(shape, dialect, params)
    assert "%(upto)s" in page
    text = _WINDOWED.format(window=_WINDOW, page=page.replace("%(upto)s", "win.upto"))
    return numbered(text, consts, prepare=False)


# Records a candidate has, about (the demo's 38; a coach's first pull: ~3,700 for 100).
RECORDS_A_CANDIDATE = 37


def _dense(scope: int, span: int, limit: int) -> bool:
    """Whether her candidates' records are dense enough in a long ``span`` of revisions
    that the revision index walked from the cursor (her candidates as a hashed set) finds
    a page sooner than her candidates' records read per candidate (``changed_query``'s
    long span). The walk costs ~1.5 us a revision, ``limit`` of hers among every
    coach's; the per-candidate read ~40 us a candidate, all of hers, on every page (a
    first pull of a coach with 10,000 candidates read 375,000 records a page: 1.4 s of
    PostgreSQL's CPU, 192 times; issue 13). ``scope``: her candidates (the prelude counts
    them on a long span); her records are taken as spread evenly over the span."""
    walked = 1.5 * limit * span / max(1, scope * RECORDS_A_CANDIDATE)
    return walked < 40 * scope


# page_shape's statements as raw.run runs them, by the statement's identity (they live
# as long as the process, in _SHAPES).
_RAW_SHAPES: dict[int, Raw] = {}


class PageRow(NamedTuple):
    """A page's row as SQLite gives it (``_sqlite_rows``): ``eff`` and _COLUMNS."""

    eff: int
    id: str
    rev: int
    candidate_id: str | None
    synced_device: str | None
    wire: str


# page_shape's statements on SQLite, by the statement's identity: the text, its
# parameters' names in order, the values SQLAlchemy gave its own.
_SQLITE_SHAPES: dict[int, tuple[str, tuple[str, ...], dict[str, Any]]] = {}


def _sqlite_rows(conn: sa.Connection, shape: Rows, params: dict[str, Any]) -> list[PageRow]:
    """The rows of a page's statement on SQLite, run on the sqlite3 connection itself (as
    ``raw.run`` does on PostgreSQL): SQLAlchemy's execution and result layers, and its
    rows' attribute lookups in ``_cut`` and ``page_json``, cost a first pull's page
    more than a tenth of its CPU (issue 13). SQLAlchemy's statement events see it; an
    error is raised as SQLAlchemy's, its parameters hidden."""
    compiled = _SQLITE_SHAPES.get(id(shape))
    if compiled is None:
        state = shape.compile(dialect=conn.dialect).construct_expanded_state(params)
        compiled = (state.statement, tuple(state.positiontup or ()), dict(state.parameters))
        _SQLITE_SHAPES[id(shape)] = compiled
    sql, names, consts = compiled
    values = [params[n] if n in params else consts[n] for n in names]
    return lite(conn, sql, values, row_factory=_page_row)


def _page_row(_cursor: Any, row: tuple[Any, ...]) -> PageRow:
    return _MAKE_ROW(row)


_MAKE_ROW = PageRow._make


# A page's statement by its shape: (dialect, desk, loket keeper, long span, inside a
# grant). Built once per shape with parameters for the values: building the statement
# anew (nine selects, their subqueries) was a tenth of the server's work in a burst of
# first pulls.
_SHAPES: dict[tuple[str, bool, bool, bool, bool, bool, bool], Rows] = {}


def page_shape(
    session: Session,
    caller: Caller,
    cur_rev: int,
    cur_id: str,
    upto: int,
    limit: int,
    state: DeskState | None = None,
    own: int | None = None,
) -> tuple[Rows, dict[str, Any]]:
    """``page_query`` as its (cached) statement and the values of its parameters;
    ``state``: the caller's ``desk_state``, if already read; ``own``: every revision in
    (own, upto] was written by this device's own pushes (``app.note_own``)."""
    state = state or desk_state(session, caller)
    dialect = session.get_bind().dialect.name
    return _shape(dialect, caller, cur_rev, cur_id, upto, limit, state, own=own)


def _shape(
    dialect: str,
    caller: Caller,
    cur_rev: int,
    cur_id: str,
    upto: int,
    limit: int,
    state: DeskState,
    *,
    long_span: bool | None = None,
    own: int | None = None,
) -> tuple[Rows, dict[str, Any]]:
    """``page_shape``'s; ``long_span``: the span's shape if decided (``_page_rows``)."""
    roles, grant, revoke = state
    desk, loket = bool(roles & p.REFERRAL_DESK_ROLES), bool(roles & LOKET_ROLES)
    if long_span is None:
        long_span = upto - cur_rev > LONG_SPAN
    long_span = dialect == "postgresql" and long_span
    # A desk role given later (``Account.desk_granted_rev``): its older records come at
    # the grant, while the page can still reach it.
    granted = grant is not None and (desk or loket) and cur_rev <= grant <= upto
    key = (dialect, desk, loket, long_span, bool(cur_id), granted, own is not None)
    shape = _SHAPES.get(key)
    if shape is None:
        shape = _SHAPES[key] = _page_statement(dialect, *key[1:])
    # A role taken away before this grant: her devices purged the desk records then, their
    # own too, so the grant sends those written up to it again (as a candidate's regrant).
    purged_upto = revoke if revoke is not None and grant is not None and revoke < grant else 0
    params = {
        "account": caller.account_id, "spt": caller.spt, "device": caller.device_id,
        "cur_rev": cur_rev, "cur_id": cur_id, "upto": upto, "limit": limit,
        "since": grant or 0, "grant": grant or 0, "purged_upto": purged_upto,
    }  # fmt: skip
    if own is not None:
        params["own"] = own
    return shape, params


def _page_statement(
    session: Session | str,
    desk: bool,
    loket: bool,
    long_span: bool,
    inside: bool,
    granted: bool,
    own: bool = False,
) -> Rows:
    # The stream builders take values; here they get parameters in their place.
    caller = Caller(*(cast(str, sa.bindparam(k, type_=sa.String)) for k in _WHO))
    cur_rev, upto, since, grant, purged_upto = (
        cast(int, sa.bindparam(k, type_=sa.BigInteger))
        for k in ("cur_rev", "upto", "since", "grant", "purged_upto")
    )
    cur_id = cast(str, sa.bindparam("cur_id", type_=sa.String)) if inside else ""
    limit = cast(int, sa.bindparam("limit", type_=sa.Integer))
    streams = streams_of(
        session, caller, cur_rev, cur_id, upto, limit, desk, loket, long_span,
        since=since, grant=grant if granted else None, purged_upto=purged_upto,
        own=cast(int, sa.bindparam("own", type_=sa.BigInteger)) if own else None,
    )  # fmt: skip
    dialect = _dialect_name(session)
    if dialect == "sqlite" or long_span:
        # PostgreSQL's short span keeps the JSON in its merge: its page found by primary
        # key again cost more than it saved (a dense walk's page: 31 against 42 ms).
        return _late_wire(dialect, streams, limit)
    union = sa.union_all(*(q.subquery().select() for q in streams)).subquery("stream")
    return sa.select(union).order_by(union.c.eff, _binary(session, union.c.id)).limit(limit + 1)


# A record's row number in SQLite's table (its rowid): how a page finds its rows again.
_ROWID = sa.literal_column("record.rowid", sa.Integer).label("wire")


def _late_wire(dialect: str, streams: list[Rows], limit: int | sa.BindParameter[int]) -> Rows:
    """The page's statement: the streams merged and cut to the page by their short
    columns, each row's ``wire`` then written for the page's rows only, found again by
    rowid (SQLite) or primary key (PostgreSQL). Carried through the merge, the record's
    JSON (~400 bytes) was copied by each level of SQLite's merge of the streams and by
    their sorts, a third of a first pull's page (issue 13); PostgreSQL's long span wrote
    it for every record of her candidates, on every page, and sorted them with it."""
    sqlite = dialect == "sqlite"
    short = [
        q.with_only_columns(
            *(c for c in q.selected_columns if c.name != "wire"), *((_ROWID,) if sqlite else ())
        )
        for q in streams
    ]
    union = sa.union_all(*(q.subquery().select() for q in short)).subquery("stream")
    page = (
        sa.select(union)
        .order_by(union.c.eff, _binary(dialect, union.c.id))
        .limit(limit + 1)
        .subquery("page")
    )
    rec = sa.table(
        "record", *(sa.column(n) for n in ("rowid", "entity", "id", "rev", "deleted", "data"))
    ).alias("r")
    columns = (*(page.c[n] for n in ("eff", "id", "rev", "candidate_id", "synced_device")),)
    return (
        sa.select(*columns, _wire(rec.c).label("wire"))
        .join_from(page, rec, rec.c.rowid == page.c.wire if sqlite else rec.c.id == page.c.id)
        .order_by(page.c.eff, _binary(dialect, page.c.id))
    )


_WHO = ("account", "spt", "device")  # Caller's fields, in order


def _dialect_name(session: Session | str) -> str:
    return session if isinstance(session, str) else session.get_bind().dialect.name


def _binary(session: Session | str, column: Any) -> Any:
    """``column`` ordered by its bytes, as Python orders strings and SQLite always does
    (PostgreSQL's default ordering follows the database's locale). ``session``: or the
    name of its dialect."""
    name = _dialect_name(session)
    if name == "postgresql":
        return column.collate("C")
    return column


def streams_of(
    session: Session | str,
    caller: Caller,
    cur_rev: int,
    cur_id: str,
    upto: int,
    limit: int,
    desk: bool,
    loket: bool,
    long_span: bool,
    *,
    since: int = 0,
    grant: int | None = None,
    purged_upto: int = 0,
    own: int | None = None,
) -> list[Rows]:
    """The streams of a page, each its own query: records changed past the cursor in the
    coach's candidates after they came into her scope, except this device's own; the
    records of a candidate granted to her past the cursor that have not changed since
    the grant (at the grant's revision, so a handover brings the whole dossier; the rest
    follows in the first stream; not this device's own unless a revoke came between);
    the shared registries, coaches and records addressed to her (one stream each, each
    walking its own partial index in revision order: one condition over all of them made
    the database walk every record past the cursor). A record's revision is in one of
    the first two streams only.
    ``desk``: she sees every referral of her SPT; ``loket``: she keeps its loket register;
    ``long_span``: see ``changed_query``. ``since``: the revision a desk role given
    later came at (the SPT-wide desk streams start after it); ``grant``: that revision
    when the page may reach it, and the desk's older records come with it
    (``desk_granted_query``); ``purged_upto``: a desk role taken away before that grant
    (0: none), whose purge took this device's own desk records too. ``own`` (at or past
    ``cur_rev``): every revision in (own, upto] was written by this device's own pushes
    (``app.note_own``): the first stream is then two, up to ``own`` as always, and past
    it the records no device holds as stored (``changed_query``'s ``own``)."""
    shared = shared_streams(caller, desk=desk, since=since)
    if loket:
        shared += loket_streams(caller, since)
    changed = (
        [changed_query(session, caller, cur_rev, upto, limit, long_span)]
        if own is None
        else [
            changed_query(session, caller, cur_rev, own, limit, long_span),
            changed_query(session, caller, own, upto, limit, long_span, own=True),
        ]
    )
    streams = [
        *changed,
        *(_others_changes_query(caller, cur_rev, upto, limit, which) for which in shared),
        granted_query(session, caller, cur_rev, cur_id, upto, limit),
    ]
    # The SPT-wide desk records she sees (as ``store.desk_entities`` of her roles).
    entities = frozenset(({LOKET} if loket else set()) | ({"referral"} if desk else set()))
    if grant is not None and entities:
        streams.append(
            desk_granted_query(
                session, caller, cur_rev, cur_id, upto, limit, entities, grant, purged_upto
            )
        )
    return streams


# Past this many revisions, a pull reads her candidates' records rather than walk the
# revision index from the cursor (measured: 1.5 µs a revision walked against ~40 µs a
# candidate of 37 records).
LONG_SPAN = 5_000


def changed_query(
    session: Session | str,
    caller: Caller,
    cur_rev: int,
    upto: int,
    limit: int,
    long_span: bool,
    *,
    own: bool = False,
) -> Rows:
    """Up to ``limit`` + 1 records of her candidates changed in (cur_rev, upto] since
    they came into her scope, by anyone but this device, in revision order.

    A short span past the cursor (a sync of a device that keeps up): the revision
    index from the cursor. A long one (a first pull) on PostgreSQL: her candidates'
    records, per candidate in scope (LATERAL), each one range of the index on
    (candidate_id, rev), up to the page's window (``windowed``). Left to itself,
    PostgreSQL walked the revision index from a first pull's second page on through
    everyone's records (its estimate for that walk is low: the table is in revision
    order), 30 times the cost of reading her candidates' records. SQLite has no LATERAL;
    its planner takes the candidate index for the EXISTS. ``long_span``: more than
    LONG_SPAN revisions from the cursor to ``upto``, on PostgreSQL.

    ``own`` (a short span): every revision in (cur_rev, upto] was written by this
    device's own pushes (``app.note_own``), so each record there is either as this
    device pushed it (``synced_device``) or as no device holds it (NULL: made, merged
    or corrected by the server): those not hers are the latter, read by their own index
    (migration 0019), not every record she pushed walked and skipped (the pages after a
    first push of 10,000 candidates each walked its 390,000 records)."""
    if not long_span:
        # Her candidates as one hashed set on PostgreSQL; SQLite would build that set and
        # then scan every record of them past the cursor (a first pull's page: 0.14 s at
        # 10k candidates), so there each record walked keeps its own EXISTS probe.
        hashed = _dialect_name(session) == "postgresql"
        scope = in_scope_clause(caller, cur_rev if hashed else None)
        return _others_changes_query(caller, cur_rev, upto, limit, scope, unsynced=own)
    per_candidate = (
        sa.select(Record.rev.label("eff"), *_COLUMNS)
        .where(
            Record.candidate_id == Scope.candidate_id,
            # One range of the index on (candidate_id, rev) (migration 0018): past the
            # cursor, and changed since the candidate came into scope (unchanged, it
            # comes with the grant).
            Record.rev > Greatest(cur_rev, Scope.granted_rev),
            Record.rev <= upto,
            _not_from(caller),
        )
        .order_by(Record.rev)
        .limit(limit + 1)
        .lateral("changed")
    )
    return (
        sa.select(*per_candidate.c)
        .select_from(Scope)
        .join(per_candidate, sa.true())
        .where(Scope.account_id == caller.account_id, Scope.revoked_rev.is_(None))
        .order_by(per_candidate.c.eff)
        .limit(limit + 1)
    )


def _not_from(caller: Caller) -> sa.ColumnElement[bool]:
    """Not this device's own revisions (it has them)."""
    return sa.or_(Record.synced_device.is_(None), Record.synced_device != caller.device_id)


def in_scope_clause(caller: Caller, cur_rev: int | None = None) -> sa.ColumnElement[bool]:
    """A record of a candidate in her scope that changed since it came into it.

    ``cur_rev``: of a record changed past this revision. Her candidates granted up to it
    are read once, as a set (PostgreSQL hashes it), and each record walked is looked up
    there: a change past the cursor of a candidate granted by then changed since the
    grant. Only a candidate granted past the cursor (rare) is checked against its grant
    by an index probe. Every record walked was such a probe (its scope row by the
    candidate index, 3-4 buffers), and a sync walks every coach's revisions since its
    cursor: at 200 devices ~85 a page, ~390 buffers, the most of a pulled sync's
    PostgreSQL CPU (issue 18)."""
    exact = _granted_before(caller)
    if cur_rev is None:
        return exact

    def hers(*since: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
        return Record.candidate_id.in_(
            sa.select(Scope.candidate_id).where(
                Scope.account_id == caller.account_id, Scope.revoked_rev.is_(None), *since
            )
        )

    return sa.or_(
        hers(Scope.granted_rev <= cur_rev),
        sa.and_(hers(Scope.granted_rev > cur_rev), exact),
    )


def _granted_before(caller: Caller) -> sa.ColumnElement[bool]:
    # EXISTS rather than a join: the database walks the revision index from the cursor
    # (cost follows the changes) instead of every record of every candidate in scope.
    return (
        sa.select(Scope.candidate_id)
        .where(
            Scope.account_id == caller.account_id,
            Scope.candidate_id == Record.candidate_id,
            Scope.revoked_rev.is_(None),
            # Unchanged since the candidate came into scope: it comes with the grant (the
            # granted stream), so a dossier is sent once, not once per stream.
            Scope.granted_rev < Record.rev,
        )
        .exists()
    )


def granted_query(
    session: Session | str, caller: Caller, cur_rev: int, cur_id: str, upto: int, limit: int
) -> Rows:
    """Records of candidates granted past the cursor, ordered by (grant, id): the
    coach's scopes in grant order (its index on (account_id, granted_rev)), each
    dossier from the candidate index; what has not changed since the grant (what has is
    in the changed stream), but not this device's own unless a revoke of the scope may
    have purged them (written up to ``Scope.last_revoked_rev``; written since, from a copy
    that had the dossier with no revoke after, it still holds them). A
    plain cursor "rev" has everything up to rev, a grant at rev included; "rev:id" is
    inside the dossier granted at rev."""
    inside = (
        Scope.granted_rev > cur_rev
        if isinstance(cur_id, str) and not cur_id  # (a parameter in page_shape's statement)
        else sa.or_(Scope.granted_rev > cur_rev, _binary(session, Record.id) > cur_id)
    )
    return (
        sa.select(Scope.granted_rev.label("eff"), *_COLUMNS)
        .join(Record, Record.candidate_id == Scope.candidate_id)
        .where(
            Scope.account_id == caller.account_id,
            Scope.revoked_rev.is_(None),
            Scope.granted_rev >= cur_rev,
            Scope.granted_rev <= upto,
            inside,
            Record.rev <= Scope.granted_rev,
            sa.or_(
                _not_from(caller),
                sa.and_(Scope.last_revoked_rev.is_not(None), Record.rev <= Scope.last_revoked_rev),
            ),
        )
        .order_by(Scope.granted_rev, _binary(session, Record.id))
        .limit(limit + 1)
    )


def _is(value: str) -> sa.ColumnElement[bool]:
    # A literal in the SQL, not a parameter: the database matches the condition to the
    # partial index's (SQLite only ever does so for literals).
    return Record.entity == sa.literal(value, literal_execute=True)


def _is_one_of(values: frozenset[str] | tuple[str, ...]) -> sa.ColumnElement[bool]:
    return Record.entity.in_([sa.literal(v, literal_execute=True) for v in sorted(values)])


def _is_any_of(values: tuple[str, ...]) -> sa.ColumnElement[bool]:
    """``entity = a OR entity = b ...``: the registries' index condition as written
    (migration 0017: SQLite evaluated an ``IN`` of more than two values for every row
    a push inserts, 2 us a row)."""
    return sa.or_(*(_is(v) for v in values))


# The partial indexes the shared streams walk (db.Record, migration 0009): their
# conditions, written as the queries write them.
REGISTRY_ENTITIES = tuple(sorted(p.REGISTRIES))
ADDRESSED_ENTITIES = ("audit_entry", "handover")


class DeskState(NamedTuple):
    """What a page needs of the caller's account: her roles; the revision at which a
    role given later made the SPT's desk records hers (``Account.desk_granted_rev``);
    the revision at which one was taken away (``Account.desk_revoked_rev``)."""

    roles: set[str]
    grant: int | None
    revoke: int | None


def desk_state(session: Session, caller: Caller) -> DeskState:
    """The caller's ``DeskState``: one indexed read for the page."""
    found = _rows(
        session,
        sa.select(Account.roles, Account.desk_granted_rev, Account.desk_revoked_rev).where(
            Account.id == caller.account_id
        ),
    ).first()
    if found is None:
        return DeskState(set(), None, None)
    grant, revoke = found.desk_granted_rev, found.desk_revoked_rev
    return DeskState(
        set((found.roles or "").split(",")),
        None if grant is None else int(grant),
        None if revoke is None else int(revoke),
    )


def desk_revoked_ids(
    session: Session, caller: Caller, state: DeskState, after: int, upto: int
) -> list[str]:
    """The SPT's desk records (loket questions, referrals) a device of ``caller`` must
    purge, on the page that passes the revision at which a role was taken from her
    (``state.revoke`` in (after, upto]): those of the kinds her roles no longer see,
    but not those she still sees another way (a question passed on to her, a referral
    given to her or linked to a candidate in her scope: her scope, or addressed to her).

    Read by her roles now, so a role given back meanwhile purges nothing (its grant
    sends them). A first pull (``after`` 0) holds nothing to purge."""
    if state.revoke is None or after <= 0 or not after < state.revoke <= upto:
        return []
    lost = DESK_ENTITIES - desk_entities(frozenset(state.roles))
    if not lost:
        return []
    hers = (
        sa.select(Scope.candidate_id)
        .where(
            Scope.account_id == caller.account_id,
            Scope.candidate_id == Record.candidate_id,
            Scope.revoked_rev.is_(None),
        )
        .exists()
    )
    q = sa.select(Record.id).where(
        _is_one_of(tuple(sorted(lost))),
        Record.spt == caller.spt,
        Record.deleted.is_(False),
        sa.or_(Record.addressee.is_(None), Record.addressee != caller.account_id),
        ~hers,
    )
    return sorted(_rows(session, q).scalars())


def loket_streams(caller: Caller, since: int = 0) -> list[sa.ColumnElement[bool]]:
    """The SPT's loket register, for its keepers (the loket, the coordinator: LOKET_ROLES);
    a coach gets the questions passed on to her through her scope
    (store._rescope_loket). The SPT's watermark covers it (store.mark_scopes,
    DESK_ENTITIES). ``since``: the revision her role came at; what is older comes with
    that grant (``desk_granted_query``)."""
    return [sa.and_(_is(LOKET), Record.spt == caller.spt, Record.rev > since)]


def shared_streams(
    caller: Caller, *, desk: bool = False, since: int = 0
) -> list[sa.ColumnElement[bool]]:
    """The shared streams of ``caller``; ``desk``: she is the loket or a coordinator (or
    an administrator), who sees every referral of her SPT (``REFERRAL_DESK_ROLES``);
    ``since``: the revision that role came at (``desk_granted`` brings the older)."""
    streams = [
        _is("coach"),
        sa.and_(_is_any_of(REGISTRY_ENTITIES), Record.spt == caller.spt),
        sa.and_(_is_one_of(ADDRESSED_ENTITIES), Record.addressee == caller.account_id),
        # A referral given to her, before a candidate links it to her scope (issue 16):
        # few per coach, found by the addressee index.
        sa.and_(_is("referral"), Record.addressee == caller.account_id),
    ]
    if desk:
        streams.append(sa.and_(_is("referral"), Record.spt == caller.spt, Record.rev > since))
    return streams


def desk_granted_query(
    session: Session | str,
    caller: Caller,
    cur_rev: int,
    cur_id: str,
    upto: int,
    limit: int,
    entities: frozenset[str],
    grant: int | sa.ColumnElement[int],
    purged_upto: int | sa.ColumnElement[int] = 0,
) -> Rows:
    """The SPT's desk records (``entities``: loket questions, referrals) older than the
    role that made them hers, at that grant's revision ``grant``, by id (a cursor
    ``"rev:id"`` inside it): a handover's granted stream, for a role. Newer ones come
    by the shared streams (their ``since``). Not this device's own, except those
    written up to ``purged_upto``: a role taken away before the grant purged them
    (``desk_revoked_ids``)."""
    grant = grant if isinstance(grant, sa.ColumnElement) else sa.literal(grant, sa.BigInteger)
    inside = (
        grant > cur_rev
        if isinstance(cur_id, str) and not cur_id  # (a parameter in page_shape's statement)
        else sa.or_(grant > cur_rev, _binary(session, Record.id) > cur_id)
    )
    return (
        sa.select(grant.label("eff"), *_COLUMNS)
        .where(
            _is_one_of(tuple(sorted(entities))),
            Record.spt == caller.spt,
            Record.rev <= grant,
            Record.deleted.is_(False),
            # It holds them as it pushed them (as the other streams), unless purged since.
            sa.or_(_not_from(caller), Record.rev <= purged_upto),
            grant >= cur_rev,
            grant <= upto,
            inside,
        )
        .order_by(_binary(session, Record.id))
        .limit(limit + 1)
    )


def _others_changes_query(
    caller: Caller,
    cur_rev: int,
    upto: int,
    limit: int,
    which: sa.ColumnElement[bool],
    *,
    unsynced: bool = False,
) -> Rows:
    """Up to ``limit`` + 1 records ``which`` selects, changed in (cur_rev, upto] by anyone
    but this device, in revision order (the extra one tells the page there is more).
    ``unsynced``: the span holds no other device's records (``changed_query``'s ``own``):
    those no device holds as stored, by their own index."""
    return (
        sa.select(Record.rev.label("eff"), *_COLUMNS)
        .where(Record.rev > cur_rev, Record.rev <= upto, which)
        .where(Record.synced_device.is_(None) if unsynced else _not_from(caller))
        .order_by(Record.rev)
        .limit(limit + 1)
    )


def granted_scopes(account_id: str, cur_rev: int, upto: int) -> sa.Select[int, str, int | None]:
    """A coach's candidates granted in [cur_rev, upto], in grant order, with their last
    revoke: walks the index on (account_id, granted_rev), not every scope row of the
    coach."""
    return (
        sa.select(Scope.granted_rev, Scope.candidate_id, Scope.last_revoked_rev)
        .where(
            Scope.account_id == account_id,
            Scope.revoked_rev.is_(None),
            Scope.granted_rev >= cur_rev,
            Scope.granted_rev <= upto,
        )
        .order_by(Scope.granted_rev, Scope.candidate_id)
    )


def revoked_scopes(account_id: str, after: int, upto: int) -> sa.Select[str]:
    """A coach's candidates revoked in (after, upto]: walks the index on (account_id,
    revoked_rev)."""
    return sa.select(Scope.candidate_id).where(
        Scope.account_id == account_id,
        Scope.revoked_rev > after,
        Scope.revoked_rev <= upto,
    )


def _purged(session: Session, caller: Caller, after: int, upto: int) -> list[str]:
    return sorted(_rows(session, revoked_scopes(caller.account_id, after, upto)).scalars())


def _gone(session: Session, purge: list[str], seen: set[str]) -> list[Row]:
    """The content-free tombstones of purged candidates that no longer exist (erased or
    deleted), beside the purge: the device then knows she is gone for everyone, not
    handed over, and drops even its coach's refused writing about her. A device of an
    older version applies the tombstone and purges as before."""
    found: list[Row] = []
    for start in range(0, len(purge), 500):  # bounded statements for long purge lists
        found += (
            rec
            for rec in _rows(
                session,
                sa.select(*_COLUMNS).where(
                    Record.id.in_(purge[start : start + 500]),
                    Record.entity == "candidate",
                    Record.deleted.is_(True),
                ),
            )
            if rec.id not in seen
        )
    return found


def get_record(session: Session, caller: Caller, entity: str, rid: str) -> p.Record | None:
    """One record, if ``caller`` may see it: same answer for 'absent' and 'not yours'."""
    rec = session.get(Record, rid)
    if rec is None or rec.entity != entity or not can_read(session, caller, rec):
        return None
    return as_record(rec)
