"""The candidate journey: moves between phases (forward and back), dropout, closure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common.enums import (
    EXIT_OUTCOMES,
    RETENTION_MONTHS,
    CandidateStatus,
    CheckpointOutcome,
    ClosingOutcome,
    DropoutReason,
    Phase,
)
from spt_desktop.errors import Code, Problem, Thing
from spt_desktop.models import (
    Candidate,
    Dropout,
    Employer,
    JourneyEvent,
    Placement,
    RetentionCheckpoint,
)
from spt_desktop.services.base import Service, load
from spt_desktop.services.dto import (
    CandidateDTO,
    CheckpointDTO,
    DropoutDTO,
    JourneyEventDTO,
    from_row,
)
from spt_desktop.services.errors import RuleViolation
from spt_desktop.services.validation import Checker

OPEN_STATUSES = (CandidateStatus.ACTIVE, CandidateStatus.PLACED, CandidateStatus.RETAINED)


@dataclass(frozen=True)
class CheckpointInfo:
    """A retention checkpoint with what its dialog names: candidate, employer, job."""

    checkpoint: CheckpointDTO
    candidate_id: str
    candidate_name: str
    employer: str | None  # None: another SPT's employer, not on this device (0017)
    job_title: str
    starts_on: date


def not_in_future(c: Checker, field: str, day: date | None, today: date) -> None:
    if day is not None and day > today:
        c.fail(field, Problem.IN_FUTURE)


def _drop(
    s: Session,
    cand: Candidate,
    phase: Phase,
    leak: DropoutReason,
    text: str,
    day: date,
    coach_id: str,
) -> Dropout:
    """Write the uitval; a placement still running ends that day."""
    dropout = Dropout(
        candidate_id=cand.id,
        phase=phase,
        reason=leak,
        occurred_on=day,
        coach_id=coach_id,
        explanation=text,
    )
    for placement in s.scalars(
        sa.select(Placement).where(
            Placement.candidate_id == cand.id, ~Placement.deleted, Placement.ended_on.is_(None)
        )
    ):
        placement.ended_on = max(day, placement.starts_on)
    cand.status = CandidateStatus.DROPPED_OUT
    cand.next_follow_up = None
    s.add(dropout)
    return dropout


def record_move(
    s: Session, cand: Candidate, to_phase: Phase, reason: str, on: date, coach_id: str
) -> JourneyEvent:
    """Move ``cand`` to ``to_phase`` and write the event (used by other use cases too)."""
    event = JourneyEvent(
        candidate_id=cand.id,
        from_phase=cand.phase,
        to_phase=to_phase,
        occurred_on=on,
        coach_id=coach_id,
        reason=reason,
    )
    cand.phase = to_phase
    s.add(event)
    return event


class JourneyService(Service):
    """Phase moves with reasons, so the timeline can go back and forth and the pipeline
    can be measured."""

    def move(
        self, candidate_id: str, to_phase: Phase, reason: str, on: date | None = None
    ) -> JourneyEventDTO:
        """Move a candidate to any phase, forward or back; the reason is required."""
        c = Checker()
        phase = c.code("to_phase", Phase, to_phase)
        why = c.text("reason", reason, required=True, max_len=1000)
        day = c.day("occurred_on", on) or self.ctx.today()
        c.done()
        assert phase is not None
        with self.ctx.tx() as s:
            cand = load(s, Candidate, candidate_id, Thing.CANDIDATE)
            if cand.status not in OPEN_STATUSES:
                raise RuleViolation(
                    Code.CANDIDATE_NOT_IN_JOURNEY, candidate_status=cand.status.value
                )
            if cand.phase == phase:
                raise RuleViolation(Code.ALREADY_IN_PHASE, phase=phase.value)
            event = record_move(s, cand, phase, why, day, self.ctx.actor_id)
            s.flush()
            return from_row(JourneyEventDTO, event)

    def timeline(self, candidate_id: str) -> list[JourneyEventDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(JourneyEvent)
                .where(JourneyEvent.candidate_id == candidate_id, ~JourneyEvent.deleted)
                .order_by(JourneyEvent.occurred_on, JourneyEvent.modified_at)
            )
            return [from_row(JourneyEventDTO, e) for e in rows]

    def drop_out(
        self,
        candidate_id: str,
        reason: DropoutReason,
        explanation: str = "",
        on: date | None = None,
        phase: Phase | None = None,
    ) -> DropoutDTO:
        """Record that the candidate left the pipeline: in which phase (default: the one
        she is in) and through which of the whitepaper's leaks. A placement still running
        ends that day."""
        c = Checker()
        leak = c.code("reason", DropoutReason, reason)
        text = c.text("explanation", explanation, max_len=2000)
        if leak == DropoutReason.OTHER and not text:
            c.fail("explanation", Problem.EXPLAIN_OTHER)
        where = c.code("phase", Phase, phase, required=False)
        day = c.day("occurred_on", on) or self.ctx.today()
        c.done()
        assert leak is not None
        with self.ctx.tx() as s:
            cand = load(s, Candidate, candidate_id, Thing.CANDIDATE)
            if cand.status == CandidateStatus.DROPPED_OUT:
                raise RuleViolation(Code.ALREADY_DROPPED_OUT)
            if cand.status == CandidateStatus.CLOSED:
                raise RuleViolation(
                    Code.CANDIDATE_NOT_IN_JOURNEY, candidate_status=cand.status.value
                )
            dropout = _drop(s, cand, where or cand.phase, leak, text, day, self.ctx.actor_id)
            s.flush()
            return from_row(DropoutDTO, dropout)

    def reactivate(
        self, candidate_id: str, reason: str, phase: Phase | None = None
    ) -> JourneyEventDTO:
        """Take a dropped-out or closed candidate back into the journey, in any phase;
        a journey event says so (a closing's day and outcome are cleared)."""
        c = Checker()
        why = c.text("reason", reason, required=True, max_len=1000)
        target_phase = c.code("phase", Phase, phase, required=False)
        c.done()
        with self.ctx.tx() as s:
            cand = load(s, Candidate, candidate_id, Thing.CANDIDATE)
            if cand.status in OPEN_STATUSES:
                raise RuleViolation(Code.ALREADY_TAKING_PART)
            cand.status = CandidateStatus.ACTIVE
            cand.closed_on = None
            cand.closing_outcome = None
            target = target_phase or cand.phase
            event = JourneyEvent(
                candidate_id=cand.id,
                from_phase=cand.phase,
                to_phase=target,
                occurred_on=self.ctx.today(),
                coach_id=self.ctx.actor_id,
                reason=f"Opnieuw aangemeld: {why}",
            )
            cand.phase = target
            s.add(event)
            s.flush()
            return from_row(JourneyEventDTO, event)

    def close(
        self,
        candidate_id: str,
        outcome: ClosingOutcome | str | None = None,
        on: date | None = None,
        reason: DropoutReason | str | None = None,
        explanation: str = "",
    ) -> CandidateDTO:
        """Close the dossier with its outcome and closing date (retention periods count
        from it). Closing a candidate still in the journey as gestopt, verhuisd, elders
        aan het werk, ... is an uitval too: it is recorded with its leak (``reason``;
        "elders aan het werk" defaults to the leak "elders werk gevonden")."""
        c = Checker()
        result = c.code("closing_outcome", ClosingOutcome, outcome)
        day = c.day("closed_on", on, required=True)
        not_in_future(c, "closed_on", day, self.ctx.today())
        leak = c.code("reason", DropoutReason, reason, required=False)
        text = c.text("explanation", explanation, max_len=2000)
        c.done()
        assert result is not None and day is not None
        with self.ctx.tx() as s:
            cand = load(s, Candidate, candidate_id, Thing.CANDIDATE)
            if cand.status == CandidateStatus.CLOSED:
                raise RuleViolation(
                    Code.CANDIDATE_NOT_IN_JOURNEY, candidate_status=cand.status.value
                )
            if day < cand.registered_on:
                c.fail("closed_on", Problem.BEFORE_REGISTRATION)
            in_journey = cand.status in OPEN_STATUSES and result in EXIT_OUTCOMES
            if in_journey and leak is None:
                if result == ClosingOutcome.WORKING_ELSEWHERE:
                    leak = DropoutReason.FOUND_WORK_ELSEWHERE
                else:
                    c.fail("reason", Problem.CHOOSE_DROPOUT_CAUSE)
            if in_journey and leak == DropoutReason.OTHER and not text:
                c.fail("explanation", Problem.EXPLAIN_OTHER)
            c.done()
            if in_journey:
                assert leak is not None
                _drop(s, cand, cand.phase, leak, text, day, self.ctx.actor_id)
            cand.status = CandidateStatus.CLOSED
            cand.closed_on = day
            cand.closing_outcome = result
            cand.next_follow_up = None
            s.flush()
            return from_row(CandidateDTO, cand)

    def checkpoint(
        self,
        checkpoint_id: str,
        in_service: bool,
        note: str = "",
        on: date | None = None,
    ) -> CheckpointDTO:
        """Record a retention checkpoint: still in service or not, with a note. Still in
        service at the last one (12 months) makes the placement durable (status
        'duurzaam geplaatst'); no longer in service ends the placement and puts the
        candidate back in the journey as active — the uitval is recorded next, with its
        leak (``drop_out``)."""
        c = Checker()
        text = c.text("note", note, max_len=4000)
        day = c.day("done_on", on) or self.ctx.today()
        not_in_future(c, "done_on", day, self.ctx.today())
        c.done()
        with self.ctx.tx() as s:
            point = load(s, RetentionCheckpoint, checkpoint_id, Thing.CHECKPOINT)
            placement = load(s, Placement, point.placement_id, Thing.PLACEMENT)
            cand = load(s, Candidate, placement.candidate_id, Thing.CANDIDATE)
            if point.done_on is not None:
                raise RuleViolation(Code.CHECKPOINT_DONE)
            if placement.ended_on is not None:
                raise RuleViolation(Code.PLACEMENT_ENDED)
            if day < placement.starts_on:
                c.fail("done_on", Problem.BEFORE_PLACEMENT_START)
                c.done()
            point.done_on, point.note = day, text or None
            point.outcome = CheckpointOutcome.RETAINED if in_service else CheckpointOutcome.LEFT
            if not in_service:
                placement.ended_on = day
                cand.status = CandidateStatus.ACTIVE
            elif point.months == max(RETENTION_MONTHS):
                cand.status = CandidateStatus.RETAINED
            s.flush()
            return from_row(CheckpointDTO, point)

    def checkpoint_info(self, checkpoint_id: str) -> CheckpointInfo:
        """What the checkpoint dialog shows: whose checkpoint, at which employer, when."""
        with self.ctx.tx() as s:
            point = load(s, RetentionCheckpoint, checkpoint_id, Thing.CHECKPOINT)
            placement = load(s, Placement, point.placement_id, Thing.PLACEMENT)
            cand = load(s, Candidate, placement.candidate_id, Thing.CANDIDATE)
            employer = s.get(Employer, placement.employer_id)
            return CheckpointInfo(
                checkpoint=from_row(CheckpointDTO, point),
                candidate_id=cand.id,
                candidate_name=cand.full_name,
                employer=employer.name if employer is not None else None,
                job_title=placement.job_title,
                starts_on=placement.starts_on,
            )

    def dropouts(self, candidate_id: str) -> list[DropoutDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Dropout)
                .where(Dropout.candidate_id == candidate_id, ~Dropout.deleted)
                .order_by(Dropout.occurred_on)
            )
            return [from_row(DropoutDTO, d) for d in rows]
