"""The leaky-pipeline monitor over the coach's own vault (figures: monitor_figures)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

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
from spt_desktop.services.base import Service
from spt_desktop.services.documents import save_export
from spt_desktop.services.monitor_figures import (
    CandidateFact,
    DropoutFact,
    Facts,
    MoveFact,
    Period,
    PlacementFact,
    Report,
    compute,
)


class MonitorService(Service):
    def report(self, start: date, end: date, by: str | None = None) -> Report:
        """Every monitor figure over the vault for [start, end], split by ``by``
        (persona, spt, region, coach, referral_source) or not."""
        with self.ctx.tx() as s:
            facts = load_facts(s)
        return compute(facts, Period(start, end), by)


def save_csv(path: str | Path, text: str) -> None:
    """Write an exported table exactly where the coach chose, atomically (temp file in
    the same folder → fsync → rename): a crash leaves the old file or the new one. UTF-8
    with a byte-order mark, so spreadsheet programs read the diacritics right."""
    save_export(path, text.encode("utf-8-sig"))


def load_facts(s: Session) -> Facts:
    """The plain facts the figures need, in a handful of column queries."""
    coach_of = _coach_names(s)
    candidates = [
        CandidateFact(cid, persona, spt, region, referral, coach_of.get(cid, "Onbekend"), reg)
        for cid, persona, spt, region, referral, reg in s.execute(
            sa.select(
                Candidate.id,
                Candidate.persona,
                Candidate.spt,
                Candidate.labour_market_region,
                Candidate.referral_source,
                Candidate.registered_on,
            ).where(~Candidate.deleted)
        )
    ]
    moves = [
        MoveFact(*row)
        for row in s.execute(
            sa.select(
                JourneyEvent.candidate_id,
                JourneyEvent.from_phase,
                JourneyEvent.to_phase,
                JourneyEvent.occurred_on,
            ).where(~JourneyEvent.deleted)
        )
    ]
    dropouts = [
        DropoutFact(*row)
        for row in s.execute(
            sa.select(
                Dropout.candidate_id, Dropout.phase, Dropout.reason, Dropout.occurred_on
            ).where(~Dropout.deleted)
        )
    ]
    points: dict[str, list[tuple[int, object]]] = defaultdict(list)
    for pid, months, outcome in s.execute(
        sa.select(RetentionCheckpoint.placement_id, RetentionCheckpoint.months,
                  RetentionCheckpoint.outcome)
        .where(~RetentionCheckpoint.deleted, RetentionCheckpoint.outcome.is_not(None))
    ):  # fmt: skip
        points[pid].append((months, outcome))
    placements = [
        PlacementFact(cid, start, tuple(sorted(points.get(pid, []))))  # type: ignore[arg-type]
        for pid, cid, start in s.execute(
            sa.select(Placement.id, Placement.candidate_id, Placement.starts_on).where(
                ~Placement.deleted
            )
        )
    ]
    return Facts(candidates, moves, dropouts, placements)


def _coach_names(s: Session) -> dict[str, str]:
    """Each candidate's coach for the 'by coach' split: the active assignment in the
    earliest role of the journey (loopbaancoach before arbeidsmarktcoach before jobcoach)."""
    rank = {r: i for i, r in enumerate(COACH_ROLES)}
    best: dict[str, tuple[int, str]] = {}
    for cid, role, name in s.execute(
        sa.select(Assignment.candidate_id, Assignment.role, Coach.name)
        .join(Coach, Coach.id == Assignment.coach_id)
        .where(Assignment.active, ~Assignment.deleted)
    ):  # fmt: skip
        r = rank.get(role, len(rank))
        if cid not in best or r < best[cid][0]:
            best[cid] = (r, name)
    return {cid: name for cid, (_, name) in best.items()}
