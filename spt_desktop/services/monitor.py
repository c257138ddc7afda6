"""The leaky-pipeline monitor over the coach's own vault (figures: monitor_figures)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_desktop.models import (
    Assignment,
    Candidate,
    Coach,
    Dropout,
    JourneyEvent,
    Placement,
    RetentionCheckpoint,
)
from spt_desktop.models.enums import COACH_ROLES
from spt_desktop.services.base import Context, Service
from spt_desktop.services.documents import save_export
from spt_desktop.services.monitor_figures import (
    CandidateFact,
    DropoutFact,
    Facts,
    MoveFact,
    Period,
    PlacementFact,
    Prepared,
    Report,
    compute,
    prepare,
)


class MonitorService(Service):
    """The figures over the vault. The facts read for one report are kept for the next
    while the vault has not changed: choosing another period or split then costs only
    the figures, not a re-read of every journey event (see bench/MONITOR.md)."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._kept: _Kept | None = None

    def report(self, start: date, end: date, by: str | None = None) -> Report:
        """Every monitor figure over the vault for [start, end], split by ``by``
        (persona, spt, region, coach, referral_source) or not."""
        return compute(self.prepared(with_coaches=by == "coach"), Period(start, end), by)

    def facts(self, with_coaches: bool = False) -> Facts:
        """The facts, read again only when the vault changed since they were read."""
        return self.prepared(with_coaches).facts

    def prepared(self, with_coaches: bool = False) -> Prepared:
        """The facts arranged for the figures (monitor_figures.prepare), kept likewise."""
        with self.ctx.tx() as s:
            conn = s.connection()
            stamp = _Stamp.of(conn)
            kept = self._kept
            if kept is not None and kept.stamp == stamp and (kept.coaches or not with_coaches):
                return kept.ready
            facts = load_facts(s, with_coaches)
        ready = prepare(facts)
        self._kept = _Kept(stamp, with_coaches, ready)
        return ready


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
    coaches: bool
    ready: Prepared


def save_csv(path: str | Path, text: str) -> None:
    """Write an exported table exactly where the coach chose, atomically (temp file in
    the same folder → fsync → rename): a crash leaves the old file or the new one. UTF-8
    with a byte-order mark, so spreadsheet programs read the diacritics right."""
    save_export(path, text.encode("utf-8-sig"))


def _raw(column: Any) -> Any:
    """The stored text of a column: the figures take codes and ISO dates as they are,
    without an enum or a date object made per cell (a quarter of a million on 20k
    candidates; that conversion cost more than the figures themselves)."""
    return sa.type_coerce(column, sa.String)


def _rows(conn: sa.Connection, stmt: sa.Select[Any]) -> list[Any]:
    """All rows of ``stmt`` as the driver's plain tuples, on the session's connection and
    inside its transaction. Skipping SQLAlchemy's Row objects halves the read of the
    78,000 journey moves of a 20,000-candidate vault (bench/MONITOR.md)."""
    compiled = stmt.compile(dialect=conn.dialect)
    params = [compiled.params[k] for k in compiled.positiontup or ()]
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def load_facts(s: Session, with_coaches: bool = True) -> Facts:
    """The plain facts the figures need, in a handful of column queries on the
    connection (no ORM rows). Coach names only when the split asks for them."""
    conn = s.connection()
    coach_of = _coach_names(conn) if with_coaches else {}
    day = date.fromisoformat
    candidates = [
        CandidateFact(cid, persona, spt, region, referral, coach_of.get(cid, "Onbekend"), day(reg))
        for cid, persona, spt, region, referral, reg in _rows(
            conn,
            sa.select(
                Candidate.id,
                _raw(Candidate.persona),
                _raw(Candidate.spt),
                Candidate.labour_market_region,
                _raw(Candidate.referral_source),
                _raw(Candidate.registered_on),
            ).where(~Candidate.deleted),
        )
    ]
    moves = [
        MoveFact(cid, frm, to, day(on))
        for cid, frm, to, on in _rows(
            conn,
            sa.select(
                JourneyEvent.candidate_id,
                _raw(JourneyEvent.from_phase),
                _raw(JourneyEvent.to_phase),
                _raw(JourneyEvent.occurred_on),
            ).where(~JourneyEvent.deleted),
        )
    ]
    dropouts = [
        DropoutFact(cid, phase, reason, day(on))
        for cid, phase, reason, on in _rows(
            conn,
            sa.select(
                Dropout.candidate_id,
                _raw(Dropout.phase),
                _raw(Dropout.reason),
                _raw(Dropout.occurred_on),
            ).where(~Dropout.deleted),
        )
    ]
    points: dict[str, list[tuple[int, str]]] = defaultdict(list)
    checkpoints = (
        sa.select(RetentionCheckpoint.placement_id, RetentionCheckpoint.months,
                  _raw(RetentionCheckpoint.outcome))
        .where(~RetentionCheckpoint.deleted, RetentionCheckpoint.outcome.is_not(None))
    )  # fmt: skip
    for pid, months, outcome in _rows(conn, checkpoints):
        points[pid].append((months, outcome))
    placements = [
        PlacementFact(cid, day(start), tuple(sorted(points.get(pid, []))))
        for pid, cid, start in _rows(
            conn,
            sa.select(Placement.id, Placement.candidate_id, _raw(Placement.starts_on)).where(
                ~Placement.deleted
            ),
        )
    ]
    return Facts(candidates, moves, dropouts, placements)


def _coach_names(conn: sa.Connection) -> dict[str, str]:
    """Each candidate's coach for the 'by coach' split: the active assignment in the
    earliest role of the journey (loopbaancoach before arbeidsmarktcoach before jobcoach)."""
    rank = {r.value: i for i, r in enumerate(COACH_ROLES)}
    best: dict[str, tuple[int, str]] = {}
    active = (
        sa.select(Assignment.candidate_id, _raw(Assignment.role), Coach.name)
        .join(Coach, Coach.id == Assignment.coach_id)
        .where(Assignment.active, ~Assignment.deleted)
    )  # fmt: skip
    for cid, role, name in _rows(conn, active):
        r = rank.get(role, len(rank))
        if cid not in best or r < best[cid][0]:
            best[cid] = (r, name)
    return {cid: name for cid, (_, name) in best.items()}
