"""The candidate journey: moves between phases (forward and back), dropout, closure."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common.enums import CandidateStatus, DropoutReason, Phase
from spt_desktop.errors import Code, Thing
from spt_desktop.models import Candidate, Dropout, JourneyEvent
from spt_desktop.services.base import Service, load
from spt_desktop.services.dto import DropoutDTO, JourneyEventDTO, from_row
from spt_desktop.services.errors import RuleViolation
from spt_desktop.services.validation import Checker

OPEN_STATUSES = (CandidateStatus.ACTIVE, CandidateStatus.PLACED, CandidateStatus.RETAINED)


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
    ) -> DropoutDTO:
        """Record that the candidate left the pipeline: in which phase and through which
        of the whitepaper's leaks."""
        c = Checker()
        leak = c.code("reason", DropoutReason, reason)
        text = c.text("explanation", explanation, max_len=2000)
        if leak == DropoutReason.OTHER and not text:
            c.fail("explanation", "licht 'anders' kort toe")
        day = c.day("occurred_on", on) or self.ctx.today()
        c.done()
        assert leak is not None
        with self.ctx.tx() as s:
            cand = load(s, Candidate, candidate_id, Thing.CANDIDATE)
            if cand.status == CandidateStatus.DROPPED_OUT:
                raise RuleViolation(Code.ALREADY_DROPPED_OUT)
            dropout = Dropout(
                candidate_id=cand.id,
                phase=cand.phase,
                reason=leak,
                occurred_on=day,
                coach_id=self.ctx.actor_id,
                explanation=text,
            )
            cand.status = CandidateStatus.DROPPED_OUT
            cand.next_follow_up = None
            s.add(dropout)
            s.flush()
            return from_row(DropoutDTO, dropout)

    def reactivate(
        self, candidate_id: str, reason: str, phase: Phase | None = None
    ) -> JourneyEventDTO:
        """Take a dropped-out or closed candidate back into the journey."""
        c = Checker()
        why = c.text("reason", reason, required=True, max_len=1000)
        c.done()
        with self.ctx.tx() as s:
            cand = load(s, Candidate, candidate_id, Thing.CANDIDATE)
            if cand.status in OPEN_STATUSES:
                raise RuleViolation(Code.ALREADY_TAKING_PART)
            cand.status = CandidateStatus.ACTIVE
            target = phase or cand.phase
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

    def close(self, candidate_id: str) -> None:
        """Close the dossier (for instance after the last retention checkpoint)."""
        with self.ctx.tx() as s:
            cand = load(s, Candidate, candidate_id, Thing.CANDIDATE)
            cand.status = CandidateStatus.CLOSED
            cand.next_follow_up = None

    def dropouts(self, candidate_id: str) -> list[DropoutDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Dropout)
                .where(Dropout.candidate_id == candidate_id, ~Dropout.deleted)
                .order_by(Dropout.occurred_on)
            )
            return [from_row(DropoutDTO, d) for d in rows]
