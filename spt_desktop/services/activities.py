"""Orientation and matching activities, and training (scholing) with its funding.

An activity is planned (outcome "gepland"), then gets its outcome once held, or is
cancelled. A training's money from an opleidingsfonds is only for someone in work
(whitepaper: "Middelen van de fondsen (alleen voor werkenden)"): a current placement,
or a candidate who already works in the techniek."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common.enums import (
    ActivityKind,
    ActivityOutcome,
    FundingKind,
    Persona,
    TrainingFund,
    TrainingStatus,
)
from spt_desktop.errors import Code, FieldError, Problem, Thing
from spt_desktop.models import Activity, Candidate, Placement, Training
from spt_desktop.services.base import Service, load
from spt_desktop.services.dto import ActivityDTO, TrainingDTO, from_row
from spt_desktop.services.errors import ValidationError
from spt_desktop.services.refusals import Refused
from spt_desktop.services.validation import Checker


def _check_activity(values: Mapping[str, Any], partial: bool) -> dict[str, Any]:
    c = Checker()
    for name in sorted(set(values) - {"kind", "held_on", "location", "outcome", "notes"}):
        c.fail(name, Problem.UNKNOWN_FIELD)
    out: dict[str, Any] = {}
    if not partial or "kind" in values:
        out["kind"] = c.code("kind", ActivityKind, values.get("kind"))
    if not partial or "held_on" in values:
        out["held_on"] = c.day("held_on", values.get("held_on"), required=True)
    if not partial or "outcome" in values:
        out["outcome"] = c.code(
            "outcome", ActivityOutcome, values.get("outcome") or ActivityOutcome.PLANNED
        )
    if not partial or "location" in values:
        out["location"] = c.text("location", values.get("location"))
    if not partial or "notes" in values:
        out["notes"] = c.text("notes", values.get("notes"), max_len=4000)
    c.done()
    return out


def _check_training(values: Mapping[str, Any], partial: bool) -> dict[str, Any]:
    c = Checker()
    known = {
        "provider", "programme", "publicly_funded", "funding", "fund", "starts_on",
        "ends_on", "status", "certificate", "certifiable",
    }  # fmt: skip
    for name in sorted(set(values) - known):
        c.fail(name, Problem.UNKNOWN_FIELD)
    out: dict[str, Any] = {}

    def want(name: str) -> bool:
        return not partial or name in values

    if want("provider"):
        out["provider"] = c.text("provider", values.get("provider"), required=True)
    if want("programme"):
        out["programme"] = c.text("programme", values.get("programme"), required=True)
    if want("publicly_funded"):
        out["publicly_funded"] = bool(values.get("publicly_funded", False))
    if want("funding"):
        out["funding"] = c.code("funding", FundingKind, values.get("funding") or FundingKind.NONE)
    if want("fund"):
        out["fund"] = c.code("fund", TrainingFund, values.get("fund"), required=False)
    if want("status"):
        out["status"] = c.code(
            "status", TrainingStatus, values.get("status") or TrainingStatus.PLANNED
        )
    if want("starts_on"):
        out["starts_on"] = c.day("starts_on", values.get("starts_on"))
    if want("ends_on"):
        out["ends_on"] = c.day("ends_on", values.get("ends_on"))
    if want("certificate"):
        out["certificate"] = c.optional_text("certificate", values.get("certificate"))
    if want("certifiable"):
        out["certifiable"] = bool(values.get("certifiable", False))
    if out.get("funding") == FundingKind.FUND and not out.get("fund") and want("fund"):
        c.fail("fund", Problem.CHOOSE_FUND)
    if out.get("fund") and out.get("funding") not in (None, FundingKind.FUND):
        c.fail("fund", Problem.FUND_WITHOUT_FUND_FUNDING)
    start, end = out.get("starts_on"), out.get("ends_on")
    if start and end and end < start:
        c.fail("ends_on", Problem.ENDS_BEFORE_START)
    c.done()
    return out


# Outcomes that say the activity took place (or did not, by the candidate's absence).
HELD = frozenset(
    {
        ActivityOutcome.POSITIVE,
        ActivityOutcome.NEUTRAL,
        ActivityOutcome.NEGATIVE,
        ActivityOutcome.NO_SHOW,
    }
)


class ActivityService(Service):
    """Plan an activity, record its outcome, edit or cancel it."""

    def add(self, candidate_id: str, values: Mapping[str, Any]) -> ActivityDTO:
        fields = _check_activity(values, partial=False)
        self._not_ahead(fields["outcome"], fields["held_on"])
        with self.ctx.tx() as s:
            load(s, Candidate, candidate_id, Thing.CANDIDATE)
            row = Activity(candidate_id=candidate_id, **fields)
            s.add(row)
            s.flush()
            return from_row(ActivityDTO, row)

    def update(self, activity_id: str, values: Mapping[str, Any]) -> ActivityDTO:
        """Change what was planned, or record the outcome (and how it went)."""
        fields = _check_activity(values, partial=True)
        with self.ctx.tx() as s:
            row = load(s, Activity, activity_id, Thing.ACTIVITY)
            self._not_ahead(fields.get("outcome", row.outcome), fields.get("held_on", row.held_on))
            for k, v in fields.items():
                setattr(row, k, v)
            s.flush()
            return from_row(ActivityDTO, row)

    def cancel(self, activity_id: str) -> ActivityDTO:
        """The activity does not take place: kept, as cancelled (the pipeline counts it)."""
        return self.update(activity_id, {"outcome": ActivityOutcome.CANCELLED})

    def _not_ahead(self, outcome: ActivityOutcome | None, held_on: date | None) -> None:
        """How it went can only be said once it was held."""
        if outcome in HELD and held_on is not None and held_on > self.ctx.today():
            raise Refused(Code.ACTIVITY_NOT_HELD_YET, field="outcome")

    def for_candidate(self, candidate_id: str) -> list[ActivityDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Activity)
                .where(Activity.candidate_id == candidate_id, ~Activity.deleted)
                .order_by(Activity.held_on)
            )
            return [from_row(ActivityDTO, r) for r in rows]


def in_work(s: Session, candidate: Candidate) -> bool:
    """Whether the candidate works, as a fund asks: a current placement, or already at
    work in the techniek (persona)."""
    if candidate.persona == Persona.EMPLOYED_IN_TECH:
        return True
    placed = s.scalar(
        sa.select(Placement.id)
        .where(
            Placement.candidate_id == candidate.id,
            ~Placement.deleted,
            Placement.ended_on.is_(None),
        )
        .limit(1)
    )
    return placed is not None


def _fund_only_for_work(s: Session, candidate: Candidate, funding: FundingKind | None) -> None:
    if funding == FundingKind.FUND and not in_work(s, candidate):
        raise Refused(Code.FUND_NEEDS_WORK, field="funding")


class TrainingService(Service):
    """Scholing: provider, programme, rijksbekostigd or not, dates, funding, certificate."""

    def add(self, candidate_id: str, values: Mapping[str, Any]) -> TrainingDTO:
        fields = _check_training(values, partial=False)
        with self.ctx.tx() as s:
            cand = load(s, Candidate, candidate_id, Thing.CANDIDATE)
            _fund_only_for_work(s, cand, fields.get("funding"))
            row = Training(candidate_id=candidate_id, **fields)
            s.add(row)
            s.flush()
            return from_row(TrainingDTO, row)

    def update(self, training_id: str, values: Mapping[str, Any]) -> TrainingDTO:
        fields = _check_training(values, partial=True)
        with self.ctx.tx() as s:
            row = load(s, Training, training_id, Thing.TRAINING)
            start = fields.get("starts_on", row.starts_on)
            end = fields.get("ends_on", row.ends_on)
            if start and end and end < start:
                raise ValidationError({"ends_on": FieldError(Problem.ENDS_BEFORE_START)})
            if "funding" in fields and fields["funding"] != row.funding:
                cand = load(s, Candidate, row.candidate_id, Thing.CANDIDATE)
                _fund_only_for_work(s, cand, fields["funding"])
            for k, v in fields.items():
                setattr(row, k, v)
            if row.funding != FundingKind.FUND and row.fund is not None:
                row.fund = None
            s.flush()
            return from_row(TrainingDTO, row)

    def for_candidate(self, candidate_id: str) -> list[TrainingDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Training)
                .where(Training.candidate_id == candidate_id, ~Training.deleted)
                .order_by(Training.starts_on)
            )
            return [from_row(TrainingDTO, r) for r in rows]
