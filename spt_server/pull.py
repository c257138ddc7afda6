"""Pull: what a coach's device receives, past its cursor, in the server's order.

The other half of the sync protocol (push and scope: ``spt_server.store``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session

from spt_common import protocol as p
from spt_server.db import Account, Counter, Record, RevLease, Scope, Watermark
from spt_server.store import (
    LOKET,
    REV,
    Caller,
    as_record,
    at_referral_desk,
    can_read,
    desk_entities,
    keeps_loket,
    marks_of,
    roles_of,
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


# The columns a pull reads of a record: plain rows, not ORM objects (a first pull reads
# tens of thousands; the ORM's identity map cost more than the query).
_COLUMNS = (
    Record.id, Record.entity, Record.rev, Record.deleted, Record.data,
    Record.candidate_id, Record.synced_device,
)  # fmt: skip
Row = Any  # a row of _COLUMNS (attributes named as Record's)
Query = sa.Select[str, str, int, bool, str, str | None, str | None]  # of _COLUMNS


@dataclass
class Page:
    """A page as read: its records as rows (``data`` still the stored JSON text)."""

    rows: list[Row]
    purge: list[str]
    cursor: str
    more: bool


def pull(session: Session, caller: Caller, cursor: str | None, limit: int) -> p.PullPage:
    """Everything in scope past ``cursor``, ordered by the server's sequence (see
    ``read_page``)."""
    page = read_page(session, caller, cursor, limit)
    return p.PullPage(
        records=[as_record(r) for r in page.rows],
        purge=page.purge,
        cursor=page.cursor,
        more=page.more,
    )


def pull_json(
    session: Session, caller: Caller, cursor: str | None, limit: int, mark: int | None = None
) -> bytes:
    """``pull`` as the JSON of a ``PullPage``, written straight from the stored records:
    their data is stored as the JSON the wire carries, so it is not parsed and written
    again (a first pull's pages are most of the server's work)."""
    page = read_page(session, caller, cursor, limit, mark)
    return page_json(page)


def page_json(page: Page) -> bytes:
    """A ``PullPage``'s JSON (the same fields in the same order as pydantic writes)."""
    dumps = json.dumps
    records = ",".join(
        f'{{"entity":{dumps(r.entity)},"id":{dumps(r.id)},"rev":{int(r.rev)},'
        f'"deleted":{"true" if r.deleted else "false"},"data":{r.data}}}'
        for r in page.rows
    )
    return (
        f'{{"records":[{records}],"purge":{dumps(page.purge)},'
        f'"cursor":{dumps(page.cursor)},"more":{"true" if page.more else "false"}}}'
    ).encode()


def read_page(
    session: Session, caller: Caller, cursor: str | None, limit: int, mark: int | None = None
) -> Page:
    """Everything in scope past ``cursor``, ordered by the server's sequence; ``mark``:
    the caller's ``watermark`` if already read (in the same transaction).

    Three streams merged by (effective revision, id): records changed past the cursor in
    the coach's candidates after they came into her scope; the records of a candidate
    granted to her past the cursor that have not changed since the grant (at the grant's
    revision, so a handover brings the whole dossier; the rest follows in the first
    stream); the shared registries, coaches and records addressed to her. A record's
    revision is in one of the first two streams only.

    No stream sends this device its own records: those whose stored state is exactly
    what it pushed (``Record.synced_device``; a merge or a correction clears it). It
    holds them already: a first push got its whole dossier back with every batch's
    answer (issue 13). Except after a revoke, which may have purged them
    (``own_purged``).
    """
    cur_rev, cur_id = parse_cursor(cursor)
    if not cur_id and (mark if mark is not None else watermark(session, caller)) <= cur_rev:
        # Nothing in her scopes changed past the cursor (store.mark_scopes): no record,
        # grant or purge can be new. The common case, a sync with nothing to do, costs
        # one read of three primary keys, whatever other coaches write meanwhile.
        return Page(rows=[], purge=[], cursor=str(cur_rev), more=False)
    # Every revision up to this bound is complete (see safe_upto): look no further.
    upto = safe_upto(session)
    if cur_rev >= upto and not cur_id:
        return Page(rows=[], purge=[], cursor=str(cur_rev), more=False)
    # Each stream stops where limit + 1 rows of the streams before it already end: what
    # lies beyond cannot be on this page (without the bound each stream read a page's
    # worth of rows for nothing).
    rows = _changed_in_scope(session, caller, cur_rev, upto, limit)
    rows += _shared(session, caller, cur_rev, _bound(rows, limit, upto), limit)
    rows += _granted(session, caller, cur_rev, cur_id, _bound(rows, limit, upto), limit)
    rows += desk_granted(session, caller, cur_rev, cur_id, _bound(rows, limit, upto), limit)
    rows.sort(key=lambda r: (r[0], r[1].id))
    more = len(rows) > limit
    page = rows[:limit]
    seen: set[str] = set()
    records: list[Row] = []
    for _eff, rec in page:
        if rec.id not in seen:
            seen.add(rec.id)
            records.append(rec)
    end_rev, end_id = (page[-1][0], page[-1][1].id) if page else (cur_rev, cur_id)
    if not more:
        end_rev, end_id = max(end_rev, upto), ""
    purge = _purged(session, caller, cur_rev, end_rev)
    records += _gone(session, purge, seen)
    new_cursor = f"{end_rev}:{end_id}" if end_id else str(end_rev)
    return Page(rows=records, purge=purge, cursor=new_cursor, more=more)


def _bound(rows: list[tuple[int, Row]], limit: int, upto: int) -> int:
    """The last effective revision a page of ``limit`` can reach, given ``rows``."""
    if len(rows) <= limit:
        return upto
    return sorted(eff for eff, _rec in rows)[limit]


def watermark(session: Session, caller: Caller) -> int:
    """The last revision that changed anything ``caller`` can pull (0: nothing yet)."""
    return int(session.execute(sa.select(watermark_query(caller))).scalar_one())


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
        return int(session.execute(sa.select(counter)).scalar_one())
    status = sa.func.pg_xact_status(sa.cast(sa.cast(RevLease.xid, sa.Text), XID8))
    oldest = (
        sa.select(sa.func.min(RevLease.first))
        .where(status.in_(("in progress", "committed")))
        .scalar_subquery()
    )
    top, first = session.execute(sa.select(counter, oldest)).one()
    return int(top) if first is None else min(int(top), int(first) - 1)


class XID8(sa.types.UserDefinedType[int]):
    """PostgreSQL's 64-bit transaction id type (for a cast only)."""

    cache_ok = True

    def get_col_spec(self, **_kw: Any) -> str:
        return "xid8"


def _changed_in_scope(
    session: Session, caller: Caller, cur_rev: int, upto: int, limit: int
) -> list[tuple[int, Row]]:
    return _others_changes(session, caller, cur_rev, upto, limit, in_scope_clause(caller))


def in_scope_clause(caller: Caller) -> sa.ColumnElement[bool]:
    """A record of a candidate in her scope that changed since it came into it."""
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


def _granted(
    session: Session, caller: Caller, cur_rev: int, cur_id: str, upto: int, limit: int
) -> list[tuple[int, Row]]:
    """Records of candidates granted past the cursor, ordered by (grant, id).

    Scopes in grant order (each grant has its own revision), their dossiers from the
    candidate index, a few at a time, until the page is full: one sorted query over every
    record in scope would cost a first pull of a big caseload a full sort for every page,
    and one query per dossier a round trip for every two records of a small one."""
    # A plain cursor "rev" has everything up to rev, a grant at rev included; "rev:id" is
    # inside the dossier granted at rev.
    after = cur_rev if cur_id else cur_rev + 1
    scopes = [
        (int(g), c, None if lr is None else int(lr))
        for g, c, lr in session.execute(granted_scopes(caller.account_id, after, upto))
    ]
    out: list[tuple[int, Row]] = []
    start, per = 0, 1  # dossiers per query: grows as the page's need and their size allow
    while start < len(scopes) and len(out) <= limit:
        group = {c: g for g, c, _lr in scopes[start : start + per]}
        purged = {c: lr for _g, c, lr in scopes[start : start + per] if lr is not None}
        start += per
        # What has not changed since the grant (what has is in the changed stream), but
        # not this device's own, unless a revoke may have purged them.
        found = list(
            session.execute(
                granted_records_query(caller, list(group), max(group.values()), list(purged))
            )
        )
        rows = [
            (group[r.candidate_id], r)
            for r in found
            if r.candidate_id is not None
            and r.rev <= group[r.candidate_id]
            and (r.synced_device != caller.device_id or own_purged(r, purged))
            and (group[r.candidate_id] != cur_rev or r.id > cur_id)
        ]
        out += sorted(rows, key=lambda row: (row[0], row[1].id))
        size = max(1, len(found) // len(group))
        per = max(1, min(200, (limit + 1 - len(out)) // size))
    return out[: limit + 1]


def own_purged(rec: Row, purged: dict[str, int]) -> bool:
    """Whether the device may have purged its own record ``rec``: written up to the
    latest revoke of its candidate's scope (``purged``: ``Scope.last_revoked_rev`` by
    candidate).

    Its own records written since were written from a copy that had the dossier, and no
    revoke has come since (the scope is granted): it still holds them."""
    last = purged.get(rec.candidate_id)
    return last is not None and int(rec.rev) <= last


def granted_records_query(
    caller: Caller, candidates: list[str], upto: int, purged: list[str] | None = None
) -> Query:
    """The records of these candidates up to ``upto``, but this device's own only of the
    ``purged`` ones (revoked once: it may have purged them)."""
    others = sa.or_(
        Record.synced_device.is_(None),
        Record.synced_device != caller.device_id,
        *([Record.candidate_id.in_(purged)] if purged else []),
    )
    return sa.select(*_COLUMNS).where(
        Record.candidate_id.in_(candidates), Record.rev <= upto, others
    )


def _shared(
    session: Session, caller: Caller, cur_rev: int, upto: int, limit: int
) -> list[tuple[int, Row]]:
    """The staff directory, the SPT's registries and what is addressed to her: three
    streams, each walking its own partial index in revision order (one condition over
    all three made the database walk every record past the cursor: a first pull read the
    whole table for every page). Each stops at limit + 1; the page takes the first."""
    rows: list[tuple[int, Row]] = []
    desk = at_referral_desk(session, caller.account_id)
    since = _desk_grant(session, caller) or 0  # older desk records: desk_granted's
    for which in shared_streams(caller, desk=desk, since=since) + loket_streams(
        session, caller, since
    ):
        rows += _others_changes(session, caller, cur_rev, upto, limit, which)
    rows.sort(key=lambda r: r[0])
    return rows[: limit + 1]


def _is(value: str) -> sa.ColumnElement[bool]:
    # A literal in the SQL, not a parameter: the database matches the condition to the
    # partial index's (SQLite only ever does so for literals).
    return Record.entity == sa.literal(value, literal_execute=True)


def _is_one_of(values: frozenset[str] | tuple[str, ...]) -> sa.ColumnElement[bool]:
    return Record.entity.in_([sa.literal(v, literal_execute=True) for v in sorted(values)])


# The partial indexes the shared streams walk (db.Record, migration 0009): their
# conditions, written as the queries write them.
REGISTRY_ENTITIES = tuple(sorted(p.REGISTRIES))
ADDRESSED_ENTITIES = ("audit_entry", "handover")


def loket_streams(session: Session, caller: Caller, since: int = 0) -> list[sa.ColumnElement[bool]]:
    """The SPT's loket register for its keepers (the loket, the coordinator); a coach gets
    the questions passed on to her through her scope (store._rescope_loket). The SPT's
    watermark covers it (store.mark_scopes, DESK_ENTITIES). ``since``: the revision her
    role came at; what is older comes with the grant (``desk_granted``)."""
    if not keeps_loket(session, caller.account_id):
        return []
    return [sa.and_(_is(LOKET), Record.spt == caller.spt, Record.rev > since)]


def shared_streams(
    caller: Caller, *, desk: bool = False, since: int = 0
) -> list[sa.ColumnElement[bool]]:
    """The shared streams of ``caller``; ``desk``: she is the loket or a coordinator (or
    an administrator), who sees every referral of her SPT (``REFERRAL_DESK_ROLES``);
    ``since``: the revision that role came at (``desk_granted`` brings the older)."""
    streams = [
        _is("coach"),
        sa.and_(_is_one_of(REGISTRY_ENTITIES), Record.spt == caller.spt),
        sa.and_(_is_one_of(ADDRESSED_ENTITIES), Record.addressee == caller.account_id),
        # A referral given to her, before a candidate links it to her scope (issue 16):
        # few per coach, found by the addressee index.
        sa.and_(_is("referral"), Record.addressee == caller.account_id),
    ]
    if desk:
        streams.append(sa.and_(_is("referral"), Record.spt == caller.spt, Record.rev > since))
    return streams


def _desk_grant(session: Session, caller: Caller) -> int | None:
    """The revision at which a role given later made the SPT's desk records hers."""
    account = session.get(Account, caller.account_id)
    return None if account is None else account.desk_granted_rev


def desk_granted(
    session: Session, caller: Caller, cur_rev: int, cur_id: str, upto: int, limit: int
) -> list[tuple[int, Row]]:
    """The SPT's desk records (loket questions, referrals) older than the role that
    made them hers, at that grant's revision, by id (a cursor ``"rev:id"`` inside it):
    a handover's granted stream, for a role. Newer ones come by the shared streams."""
    grant = _desk_grant(session, caller)
    if grant is None or grant > upto or grant < cur_rev or (grant == cur_rev and not cur_id):
        return []
    entities = desk_entities(roles_of(session, caller.account_id))
    if not entities:
        return []
    q = (
        sa.select(*_COLUMNS)
        .where(
            _is_one_of(tuple(entities)),
            Record.spt == caller.spt,
            Record.rev <= grant,
            Record.deleted.is_(False),
            # Not this device's own: it holds them as it pushed them (as the other streams).
            sa.or_(Record.synced_device.is_(None), Record.synced_device != caller.device_id),
            Record.id > (cur_id if grant == cur_rev else ""),
        )
        .order_by(Record.id)
        .limit(limit + 1)
    )
    return [(grant, r) for r in session.execute(q)]


def _others_changes(
    session: Session,
    caller: Caller,
    cur_rev: int,
    upto: int,
    limit: int,
    which: sa.ColumnElement[bool],
) -> list[tuple[int, Row]]:
    """Up to ``limit`` + 1 records ``which`` selects, changed in (cur_rev, upto] by anyone
    but this device, in revision order (the extra one tells the page there is more)."""
    q = _others_changes_query(caller, cur_rev, upto, limit, which)
    return [(r.rev, r) for r in session.execute(q)]


def _others_changes_query(
    caller: Caller, cur_rev: int, upto: int, limit: int, which: sa.ColumnElement[bool]
) -> Query:
    return (
        sa.select(*_COLUMNS)
        .where(Record.rev > cur_rev, Record.rev <= upto, which)
        .where(sa.or_(Record.synced_device.is_(None), Record.synced_device != caller.device_id))
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
    return sorted(session.execute(revoked_scopes(caller.account_id, after, upto)).scalars())


def _gone(session: Session, purge: list[str], seen: set[str]) -> list[Row]:
    """The content-free tombstones of purged candidates that no longer exist (erased or
    deleted), beside the purge: the device then knows she is gone for everyone, not
    handed over, and drops even its coach's refused writing about her. A device of an
    older version applies the tombstone and purges as before."""
    found: list[Row] = []
    for start in range(0, len(purge), 500):  # bounded statements for long purge lists
        found += (
            rec
            for rec in session.execute(
                sa.select(*_COLUMNS).where(
                    Record.id.in_(purge[start : start + 500]),
                    Record.entity == "candidate",
                    Record.deleted.is_(True),
                )
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
