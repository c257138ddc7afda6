"""Matches (on potential and 'klik', lessons 10–11) and placements with their retention
checkpoints at 1, 3, 6 and 12 months: the measure of a duurzame plaatsing (lesson 12)."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common.enums import (
    RETENTION_MONTHS,
    CandidateStatus,
    CheckpointOutcome,
    ContractKind,
    MatchParty,
    MatchStatus,
    Phase,
    Role,
    TrainingFund,
)
from spt_desktop.errors import Code, FieldError, Problem, Thing
from spt_desktop.models import (
    Candidate,
    Coach,
    Employer,
    Match,
    Placement,
    RetentionCheckpoint,
    Vacancy,
)
from spt_desktop.services.base import Service, load
from spt_desktop.services.candidates import assign_coach, candidate_dto
from spt_desktop.services.dto import (
    CheckpointDTO,
    EmployerDTO,
    MatchDTO,
    PlacementDTO,
    VacancyDTO,
    from_row,
)
from spt_desktop.services.errors import RuleViolation, ValidationError
from spt_desktop.services.journey import record_move
from spt_desktop.services.match_gaps import SideBySide, gaps
from spt_desktop.services.validation import Checker

# Where a match may go next, in the order of the whitepaper's matching: voorgesteld,
# kennismaking (then the klik), proefplaatsing, aangenomen; afgewezen at any step, and a
# declined match may be proposed again. Placing goes through ``place``.
NEXT_STATUS = {
    MatchStatus.PROPOSED: {MatchStatus.INTRODUCED, MatchStatus.DECLINED},
    MatchStatus.INTRODUCED: {MatchStatus.TRIAL, MatchStatus.HIRED, MatchStatus.DECLINED},
    MatchStatus.TRIAL: {MatchStatus.HIRED, MatchStatus.DECLINED},
    MatchStatus.HIRED: {MatchStatus.DECLINED},
    MatchStatus.PLACED: set(),
    MatchStatus.DECLINED: {MatchStatus.PROPOSED},
}
# The column that keeps the date of each step.
STEP_DATE = {
    MatchStatus.INTRODUCED: "introduced_on",
    MatchStatus.TRIAL: "trial_on",
    MatchStatus.HIRED: "hired_on",
    MatchStatus.DECLINED: "declined_on",
}
# The klik is the coach's judgement after the kennismaking (lesson 11).
KLIK_AFTER = frozenset({MatchStatus.INTRODUCED, MatchStatus.TRIAL, MatchStatus.HIRED})


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months, clamped to the end of a shorter month."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def placement_dto(s: Session, p: Placement) -> PlacementDTO:
    points = s.scalars(
        sa.select(RetentionCheckpoint)
        .where(RetentionCheckpoint.placement_id == p.id, ~RetentionCheckpoint.deleted)
        .order_by(RetentionCheckpoint.months)
    )
    return from_row(PlacementDTO, p, checkpoints=tuple(from_row(CheckpointDTO, c) for c in points))


class MatchingService(Service):
    def propose(
        self,
        candidate_id: str,
        employer_id: str,
        vacancy_id: str | None = None,
        klik: int | None = None,
        notes: str = "",
    ) -> MatchDTO:
        """Propose a candidate to an employer — for an open vacancy, a future need, or on
        potential with no vacancy at all."""
        c = Checker()
        c.ref("candidate_id", candidate_id, required=True)
        c.ref("employer_id", employer_id, required=True)
        score = c.number("klik", klik, low=1, high=5)
        text = c.text("notes", notes, max_len=4000)
        c.done()
        vacancy_id = vacancy_id or None  # a match on potential: no vacancy
        with self.ctx.tx() as s:
            load(s, Candidate, candidate_id, Thing.CANDIDATE)
            load(s, Employer, employer_id, Thing.EMPLOYER)
            if vacancy_id is not None:
                vac = load(s, Vacancy, vacancy_id, Thing.VACANCY)
                if vac.employer_id != employer_id:
                    raise RuleViolation(Code.VACANCY_OF_OTHER_EMPLOYER)
            match = Match(
                candidate_id=candidate_id,
                employer_id=employer_id,
                vacancy_id=vacancy_id,
                coach_id=self.ctx.actor_id,
                status=MatchStatus.PROPOSED,
                klik=score,
                proposed_on=self.ctx.today(),
                notes=text,
            )
            s.add(match)
            s.flush()
            return from_row(MatchDTO, match)

    def advance(
        self,
        match_id: str,
        status: MatchStatus,
        klik: int | None = None,
        *,
        on: date | None = None,
        by: MatchParty | None = None,
        reason: str = "",
    ) -> MatchDTO:
        """The match's next step on ``on`` (default today). A klik (1–5) goes with the
        kennismaking or a later step; a 'no' (afgewezen) says by whom and why. A step
        out of order, or dated before the step it follows, is an error at its field."""
        c = Checker()
        new = c.code("status", MatchStatus, status)
        score = c.number("klik", klik, low=1, high=5)
        day = c.day("on", on)
        party = c.code("by", MatchParty, by, required=new == MatchStatus.DECLINED)
        why = c.text("reason", reason, required=new == MatchStatus.DECLINED, max_len=4000)
        c.done()
        assert new is not None
        with self.ctx.tx() as s:
            match = load(s, Match, match_id, Thing.MATCH)
            if new not in NEXT_STATUS[match.status]:
                # The dialog shows this at its step field (ui/dialogs/match.py).
                raise RuleViolation(
                    Code.MATCH_STEP_NOT_ALLOWED,
                    match_status=match.status.value,
                    to_status=new.value,
                )
            met = new in KLIK_AFTER or (new == MatchStatus.DECLINED and bool(match.introduced_on))
            if score is not None and not met:
                raise ValidationError({"klik": FieldError(Problem.KLIK_AFTER_INTRODUCTION)})
            when = day or self.ctx.today()
            last = _last_step(match)
            if when < last:
                previous = last.isoformat()
                raise ValidationError(
                    {"on": FieldError(Problem.BEFORE_PREVIOUS_STEP, day=previous)}
                )
            match.status = new
            if new in STEP_DATE:
                setattr(match, STEP_DATE[new], when)
            if new == MatchStatus.DECLINED:
                match.declined_by, match.declined_reason = party, why
            elif new == MatchStatus.PROPOSED:  # proposed again: a fresh start
                match.proposed_on = when
                for column in STEP_DATE.values():
                    setattr(match, column, None)
                match.declined_by = match.declined_reason = None
            if score is not None:
                match.klik = score
            s.flush()
            return from_row(MatchDTO, match)

    def side_by_side(
        self, candidate_id: str, employer_id: str, vacancy_id: str | None = None
    ) -> SideBySide:
        """The candidate next to the employer and vacancy, with the gaps between them.
        The employer (and its vacancy) may be another SPT's, named by a colleague's match
        and never on this device (vault migration 0017): then ``employer`` (``vacancy``)
        is None and ``elsewhere`` says so; the gaps that need them read as unknown."""
        with self.ctx.tx() as s:
            cand = candidate_dto(s, load(s, Candidate, candidate_id, Thing.CANDIDATE))
            held = s.get(Employer, employer_id)
            emp = from_row(EmployerDTO, held) if held is not None else None
            found = s.get(Vacancy, vacancy_id) if vacancy_id else None
            vac = from_row(VacancyDTO, found) if found is not None else None
            return SideBySide(cand, emp, vac, gaps(cand, emp, vac), elsewhere=held is None)

    def for_candidate(self, candidate_id: str) -> list[MatchDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Match)
                .where(Match.candidate_id == candidate_id, ~Match.deleted)
                .order_by(Match.proposed_on)
            )
            return [from_row(MatchDTO, m) for m in rows]

    def place(self, match_id: str, values: Mapping[str, Any]) -> PlacementDTO:
        """Place the candidate through a match: the placement gets retention checkpoints
        at 1, 3, 6 and 12 months, the candidate moves to 'Begeleiding en behoud', and the
        job coach (if given) is assigned."""
        c = Checker()
        title = c.text("job_title", values.get("job_title"), required=True)
        contract = c.code("contract", ContractKind, values.get("contract"))
        start = c.day("starts_on", values.get("starts_on"), required=True)
        week = c.number("hours_per_week", values.get("hours_per_week"), low=1, high=60)
        fund = c.code("fund", TrainingFund, values.get("fund"), required=False)
        jobcoach = values.get("jobcoach_id") or None
        c.done()
        assert start is not None and contract is not None
        with self.ctx.tx() as s:
            match = load(s, Match, match_id, Thing.MATCH)
            if match.status in (MatchStatus.PLACED, MatchStatus.DECLINED):
                raise RuleViolation(Code.MATCH_CANNOT_BE_PLACED, match_status=match.status.value)
            cand = load(s, Candidate, match.candidate_id, Thing.CANDIDATE)
            if jobcoach is not None:
                load(s, Coach, jobcoach, Thing.JOBCOACH)
            placement = Placement(
                candidate_id=cand.id,
                employer_id=match.employer_id,
                vacancy_id=match.vacancy_id,
                match_id=match.id,
                jobcoach_id=jobcoach,
                job_title=title,
                contract=contract,
                starts_on=start,
                hours_per_week=week,
                fund=fund,
            )
            s.add(placement)
            s.flush()
            for months in RETENTION_MONTHS:
                s.add(
                    RetentionCheckpoint(
                        candidate_id=cand.id,
                        placement_id=placement.id,
                        months=months,
                        due_on=add_months(start, months),
                    )
                )
            match.status = MatchStatus.PLACED
            match.hired_on = match.hired_on or min(start, self.ctx.today())
            cand.status = CandidateStatus.PLACED
            if cand.phase != Phase.RETENTION:
                record_move(s, cand, Phase.RETENTION, "Geplaatst", start, self.ctx.actor_id)
            if jobcoach is not None:
                assign_coach(s, cand.id, jobcoach, Role.JOBCOACH)
            s.flush()
            return placement_dto(s, placement)

    def placements(self, candidate_id: str) -> list[PlacementDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Placement)
                .where(Placement.candidate_id == candidate_id, ~Placement.deleted)
                .order_by(Placement.starts_on)
            ).all()
            return [placement_dto(s, p) for p in rows]

    def record_checkpoint(
        self, checkpoint_id: str, outcome: CheckpointOutcome, on: date | None = None
    ) -> PlacementDTO:
        """Record a retention checkpoint by its outcome; the rule is the journey's one
        (``JourneyService.checkpoint``: still in service at 12 months makes the
        placement durable, having left ends it). Returns the placement as it is now."""
        from spt_desktop.services.journey import JourneyService

        c = Checker()
        result = c.code("outcome", CheckpointOutcome, outcome)
        c.done()
        JourneyService(self.ctx).checkpoint(
            checkpoint_id, in_service=result == CheckpointOutcome.RETAINED, on=on
        )
        with self.ctx.tx() as s:
            point = load(s, RetentionCheckpoint, checkpoint_id, Thing.CHECKPOINT)
            return placement_dto(s, load(s, Placement, point.placement_id, Thing.PLACEMENT))


def _last_step(match: Match) -> date:
    """The date of the match's latest step so far."""
    days: list[date | None] = [match.proposed_on]
    days += [getattr(match, c) for c in STEP_DATE.values()]
    return max(d for d in days if d is not None)
