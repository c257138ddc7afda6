"""The leaky-pipeline monitor over the coach's own vault (figures: monitor_figures)."""

from __future__ import annotations

import functools
import json
import logging
import marshal
import sys
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

from spt_common.enums import COACH_ROLES
from spt_common.monitor_figures import (
    MoveRow,
    Period,
    Prepared,
    Report,
    compute,
    in_day_order,
)
from spt_desktop.gc_pause import gc_paused
from spt_desktop.models import (
    Assignment,
    Candidate,
    Coach,
    Dropout,
    JourneyEvent,
    MonitorDirty,
    MonitorSnapshot,
    Placement,
    RetentionCheckpoint,
)
from spt_desktop.models.idsets import json_values
from spt_desktop.services.base import Context, Service
from spt_desktop.services.documents import save_export

log = logging.getLogger(__name__)


class MonitorService(Service):
    """The figures over the vault. The prepared facts are kept twice: in memory for the
    next report while the vault has not changed (another period or split costs only the
    figures), and in the vault itself (``monitor_snapshot``) with the list of candidates
    changed since (``monitor_dirty``, kept by triggers), so a first view after unlock
    re-reads only those candidates, not every journey event (bench/MONITOR.md)."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._kept: _Kept | None = None
        self._unusable = False  # the last view found a snapshot it could not use

    def report(self, start: date, end: date, by: str | None = None) -> Report:
        """Every monitor figure over the vault for [start, end], split by ``by``
        (persona, spt, region, coach, referral_source) or not."""
        return compute(self.prepared(), Period(start, end), by)

    def prepared(self) -> Prepared:
        """The facts arranged for the figures, read again only as far as the vault
        changed since they were read. Never writes: a view does not wait for the
        snapshot to be written (``keep_current`` does that, on the app's worker)."""
        with self.ctx.tx() as s:
            conn = s.connection()
            stamp = _Stamp.of(conn)
            kept = self._kept
            if kept is not None and kept.stamp == stamp:
                return kept.ready
            _begin(conn)  # one consistent view of dirty list, snapshot and facts
            ready, self._unusable = _snapshot_and_changes(conn, _dirty(conn))
        self._kept = _Kept(stamp, ready)
        return ready

    def keep_current(self) -> bool:
        """Write the snapshot anew when a view would otherwise pay for what it lacks:
        there is none (a new or upgraded vault, or a purge dropped it), or at least
        ``REWRITE_AT`` candidates changed since. The app runs this on its worker after
        unlock, after a sync and after each Monitor view. Returns whether it wrote."""
        with self.ctx.tx() as s:
            conn = s.connection()
            _begin(conn)  # what is written is what this transaction read
            dirty = _dirty(conn)
            current = conn.execute(sa.select(MonitorSnapshot.format)).scalar() == SNAPSHOT_FORMAT
            if current and not self._unusable and len(dirty) < REWRITE_AT:
                return False
            kept, stamp = self._kept, _Stamp.of(conn)
            if kept is not None and kept.stamp == stamp:
                ready = kept.ready  # what the last view read is what the vault holds
            else:
                ready, _ = _snapshot_and_changes(conn, dirty)
            written = _store_snapshot(conn, ready)
            self._unusable = self._unusable and not written
            stamp = _Stamp.of(conn)  # after our own write
        self._kept = _Kept(stamp, ready)
        return written


# A view re-reads the candidates changed since the snapshot was written, ~0.2 ms each
# (their rows lie on pages of their own); past this many, the worker writes it anew
# after the view (~0.1 s for 3 MB encrypted, off the view's path). bench/MONITOR.md.
REWRITE_AT = 50
SNAPSHOT_FORMAT = (
    f"monitor-2 py{sys.version_info.major}.{sys.version_info.minor} marshal{marshal.version}"
)


def _dirty(conn: sa.Connection) -> list[str]:
    """The candidates changed since the snapshot. Read before it: a change committed
    after this read stays listed for the next view."""
    return list(conn.execute(sa.select(MonitorDirty.candidate_id)).scalars())


def _snapshot_and_changes(conn: sa.Connection, dirty: list[str]) -> tuple[Prepared, bool]:
    """The kept snapshot with the changed candidates read again; the whole vault read
    when there is no usable snapshot. Also: whether there was one that was not usable."""
    base = _load_snapshot(conn)
    if base is None:
        return read_prepared(conn), _has_snapshot(conn)
    return (base.replaced(dirty, read_prepared(conn, dirty)) if dirty else base), False


def _has_snapshot(conn: sa.Connection) -> bool:
    return conn.execute(sa.select(sa.func.count()).select_from(MonitorSnapshot)).scalar() == 1


def _load_snapshot(conn: sa.Connection) -> Prepared | None:
    row = conn.execute(
        sa.select(MonitorSnapshot.format, MonitorSnapshot.data).where(MonitorSnapshot.id == 1)
    ).first()
    if row is None or row[0] != SNAPSHOT_FORMAT:
        return None
    try:
        with gc_paused():  # a collection in the middle would walk ~200,000 new tuples
            candidates, moves, dropouts, placements, closures = marshal.loads(row[1])
    except (EOFError, ValueError, TypeError):
        log.warning("monitor: de bewaarde cijfers zijn onleesbaar; alles wordt opnieuw gelezen")
        return None
    return Prepared(candidates, moves, dropouts, placements, closures)


def _store_snapshot(conn: sa.Connection, ready: Prepared) -> bool:
    """Write ``ready`` — the facts as this transaction sees the vault — as the snapshot,
    and empty the dirty list. Another connection that wrote meanwhile makes this fail
    (SQLite refuses to write from an outdated view): then nothing is written this time,
    and the dirty list keeps every change. Returns whether it wrote."""
    data = marshal.dumps(_shared(ready))
    try:
        conn.execute(sa.delete(MonitorSnapshot))
        conn.execute(sa.insert(MonitorSnapshot), {"id": 1, "format": SNAPSHOT_FORMAT, "data": data})
        conn.execute(sa.delete(MonitorDirty))
    except sa.exc.OperationalError:
        log.info("monitor: bewaren van de cijfers overgeslagen (de kluis veranderde net)")
        return False
    return True


def _shared(ready: Prepared) -> tuple[Any, ...]:
    """The prepared facts with each distinct string one object: marshal writes a string
    met again as a reference, so a phase code or a candidate id is stored once, not at
    each of its ~100,000 uses (the snapshot shrinks to less than half, and loads faster)."""
    pool: dict[Any, Any] = {}
    one = pool.setdefault
    candidates = {
        one(cid, cid): (one(a, a), one(b, b), one(c, c), one(d, d), one(e, e), day)
        for cid, (a, b, c, d, e, day) in ready.candidates.items()
    }
    moves = {
        one(cid, cid): [(one(f, f), one(t, t), day) for f, t, day in lst]
        for cid, lst in ready.moves.items()
    }
    dropouts = [(one(c, c), one(p, p), one(r, r), day) for c, p, r, day in ready.dropouts]
    placements = [
        (one(c, c), day, tuple((m, one(o, o)) for m, o in points))
        for c, day, points in ready.placements
    ]
    closures = [(one(c, c), one(o, o), day) for c, o, day in ready.closures]
    return candidates, moves, dropouts, placements, closures


def _begin(conn: sa.Connection) -> None:
    """Open SQLite's transaction now: the driver would open it only at the first write,
    leaving the reads before it each in their own view of the file."""
    raw = conn.connection.dbapi_connection
    if raw is not None and not raw.in_transaction:
        conn.exec_driver_sql("BEGIN")


@dataclass(frozen=True)
class _Stamp:
    """Whether the vault changed: every write of the app goes through its one vault
    connection, whose ``total_changes()`` counts every row it inserted, updated or
    deleted; ``data_version`` moves when another connection committed. ``token`` names
    the connection (kept in its pool info, which lives exactly as long as it), so a new
    connection, whose counters start afresh, never matches."""

    token: str
    total_changes: int
    data_version: int

    @classmethod
    def of(cls, conn: sa.Connection) -> _Stamp:
        token = conn.connection.info.setdefault("monitor_token", uuid.uuid4().hex)
        total = conn.exec_driver_sql("SELECT total_changes()").scalar_one()
        version = conn.exec_driver_sql("PRAGMA data_version").scalar_one()
        return cls(token, int(total), int(version))


@dataclass(frozen=True)
class _Kept:
    stamp: _Stamp
    ready: Prepared


def save_csv(path: str | Path, text: str) -> None:
    """Write an exported table exactly where the coach chose, atomically (temp file in
    the same folder → fsync → rename): a crash leaves the old file or the new one. UTF-8
    with a byte-order mark, so spreadsheet programs read the diacritics right."""
    save_export(path, text.encode("utf-8-sig"))


def _raw(column: Any) -> Any:
    """The stored text of a column: the figures take codes as they are, without an enum
    made per cell (a quarter of a million on 20k candidates; that conversion cost more
    than the figures themselves)."""
    return sa.type_coerce(column, sa.String)


def _day(column: Any) -> Any:
    """A stored date as its day number (``date.toordinal()``), computed by SQLite: no
    date object is made in Python for any of the ~130,000 dates of a large vault."""
    return sa.cast(sa.func.julianday(column) - _JULIAN_DAY_ZERO, sa.Integer)


_JULIAN_DAY_ZERO = 1721424.5  # julianday('0001-01-01') - 1: day number 1 is 1 Jan of year 1


def read_prepared(conn: sa.Connection, ids: list[str] | None = None) -> Prepared:
    """The prepared facts of the candidates ``ids`` (all when None) read from the
    vault, in a handful of column queries (no ORM rows): the driver's tuples are the
    prepared rows, with days numbered by SQLite."""
    return _read(conn, ids)


def _read(conn: sa.Connection, ids: list[str] | None) -> Prepared:
    """The prepared facts of the candidates ``ids`` (every candidate when None)."""
    sql = _queries(ids is not None)
    chosen = json.dumps(ids)
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]

    def rows(name: str) -> list[Any]:
        # The driver's plain tuples: SQLAlchemy's Row objects doubled the read of the
        # 78,000 journey moves of a 20,000-candidate vault (bench/MONITOR.md).
        text, params = sql[name]
        cursor.execute(text, [chosen if p is None else p for p in params])
        return list(cursor.fetchall())

    try:
        return _prepared_from(rows)
    finally:
        cursor.close()


def _prepared_from(rows: Callable[[str], list[Any]]) -> Prepared:
    coach_of = _coach_names(rows("coaches"))
    candidates = {
        cid: (persona, spt, region, referral, coach_of.get(cid, "Onbekend"), registered)
        for cid, persona, spt, region, referral, registered in rows("candidates")
    }
    moves: dict[str, list[MoveRow]] = defaultdict(list)
    for cid, frm, to, on in rows("moves"):
        if cid in candidates:
            moves[cid].append((frm, to, on))
    dropouts = [d for d in rows("dropouts") if d[0] in candidates]
    points: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for pid, months, outcome in rows("checkpoints"):
        points[pid].append((months, outcome))
    placements = [
        (cid, start, tuple(sorted(points.get(pid, []))))
        for pid, cid, start in rows("placements")
        if cid in candidates
    ]
    closures = [c for c in rows("closures") if c[0] in candidates]
    return Prepared(candidates, in_day_order(moves), dropouts, placements, closures)


@functools.lru_cache(maxsize=2)
def _queries(some: bool) -> dict[str, tuple[str, list[Any]]]:
    """The monitor's queries as SQL for the driver, over the candidates of a JSON array
    parameter (``some``) or all, with their parameters (None: that array). Compiled once:
    compiling costs about as much as running them for a few candidates."""
    ids = sa.bindparam("ids", type_=sa.String)

    def which(column: Any) -> Any:
        return column.in_(sa.select(json_values(ids))) if some else sa.true()

    statements: dict[str, sa.Select[Any]] = {
        "coaches": sa.select(Assignment.candidate_id, _raw(Assignment.role), Coach.name)
        .join(Coach, Coach.id == Assignment.coach_id)
        .where(Assignment.active, ~Assignment.deleted, which(Assignment.candidate_id)),
        "candidates": sa.select(
            Candidate.id,
            _raw(Candidate.persona),
            _raw(Candidate.spt),
            Candidate.labour_market_region,
            _raw(Candidate.referral_source),
            _day(Candidate.registered_on),
        ).where(~Candidate.deleted, which(Candidate.id)),
        "moves": sa.select(
            JourneyEvent.candidate_id,
            _raw(JourneyEvent.from_phase),
            _raw(JourneyEvent.to_phase),
            _day(JourneyEvent.occurred_on),
        ).where(~JourneyEvent.deleted, which(JourneyEvent.candidate_id)),
        "dropouts": sa.select(
            Dropout.candidate_id,
            _raw(Dropout.phase),
            _raw(Dropout.reason),
            _day(Dropout.occurred_on),
        ).where(~Dropout.deleted, which(Dropout.candidate_id)),
        "checkpoints": sa.select(
            RetentionCheckpoint.placement_id,
            RetentionCheckpoint.months,
            _raw(RetentionCheckpoint.outcome),
        ).where(
            ~RetentionCheckpoint.deleted,
            RetentionCheckpoint.outcome.is_not(None),
            which(RetentionCheckpoint.candidate_id),
        ),
        "placements": sa.select(
            Placement.id, Placement.candidate_id, _day(Placement.starts_on)
        ).where(~Placement.deleted, which(Placement.candidate_id)),
        "closures": sa.select(
            Candidate.id, _raw(Candidate.closing_outcome), _day(Candidate.closed_on)
        ).where(
            ~Candidate.deleted,
            Candidate.closed_on.is_not(None),
            Candidate.closing_outcome.is_not(None),
            which(Candidate.id),
        ),
    }
    dialect = sqlite_dialect()
    out: dict[str, tuple[str, list[Any]]] = {}
    for name, stmt in statements.items():
        compiled = stmt.compile(dialect=dialect)
        params = [None if k == "ids" else compiled.params[k] for k in compiled.positiontup or ()]
        out[name] = (str(compiled), params)
    return out


def _coach_names(active: list[Any]) -> dict[str, str]:
    """Each candidate's coach for the 'by coach' split: the active assignment in the
    earliest role of the journey (loopbaancoach before arbeidsmarktcoach before jobcoach)."""
    rank = {r.value: i for i, r in enumerate(COACH_ROLES)}
    best: dict[str, tuple[int, str]] = {}
    for cid, role, name in active:
        r = rank.get(role, len(rank))
        if cid not in best or r < best[cid][0]:
            best[cid] = (r, name)
    return {cid: name for cid, (_, name) in best.items()}
