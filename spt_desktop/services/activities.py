"""Orientation and matching activities, and training (scholing) with its funding."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from spt_common.enums import (
    ActivityKind,
    ActivityOutcome,
    FundingKind,
    TrainingFund,
    TrainingStatus,
)
from spt_desktop.errors import Thing
from spt_desktop.models import Activity, Candidate, Training
from spt_desktop.services.base import Service, load
from spt_desktop.services.dto import ActivityDTO, TrainingDTO, from_row
from spt_desktop.services.validation import Checker


def _check_activity(values: Mapping[str, Any], partial: bool) -> dict[str, Any]:
    c = Checker()
    for name in sorted(set(values) - {"kind", "held_on", "location", "outcome", "notes"}):
        c.fail(name, "dit veld bestaat niet")
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
        "ends_on", "status", "certificate",
    }  # fmt: skip
    for name in sorted(set(values) - known):
        c.fail(name, "dit veld bestaat niet")
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
    if out.get("funding") == FundingKind.FUND and not out.get("fund") and want("fund"):
        c.fail("fund", "kies het opleidingsfonds")
    if out.get("fund") and out.get("funding") not in (None, FundingKind.FUND):
        c.fail("fund", "een fonds hoort alleen bij financiering door een opleidingsfonds")
    start, end = out.get("starts_on"), out.get("ends_on")
    if start and end and end < start:
        c.fail("ends_on", "de einddatum ligt voor de begindatum")
    c.done()
    return out


class ActivityService(Service):
    def add(self, candidate_id: str, values: Mapping[str, Any]) -> ActivityDTO:
        fields = _check_activity(values, partial=False)
        with self.ctx.tx() as s:
            load(s, Candidate, candidate_id, Thing.CANDIDATE)
            row = Activity(candidate_id=candidate_id, **fields)
            s.add(row)
            s.flush()
            return from_row(ActivityDTO, row)

    def update(self, activity_id: str, values: Mapping[str, Any]) -> ActivityDTO:
        fields = _check_activity(values, partial=True)
        with self.ctx.tx() as s:
            row = load(s, Activity, activity_id, Thing.ACTIVITY)
            for k, v in fields.items():
                setattr(row, k, v)
            s.flush()
            return from_row(ActivityDTO, row)

    def for_candidate(self, candidate_id: str) -> list[ActivityDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Activity)
                .where(Activity.candidate_id == candidate_id, ~Activity.deleted)
                .order_by(Activity.held_on)
            )
            return [from_row(ActivityDTO, r) for r in rows]


class TrainingService(Service):
    def add(self, candidate_id: str, values: Mapping[str, Any]) -> TrainingDTO:
        fields = _check_training(values, partial=False)
        with self.ctx.tx() as s:
            load(s, Candidate, candidate_id, Thing.CANDIDATE)
            row = Training(candidate_id=candidate_id, **fields)
            s.add(row)
            s.flush()
            return from_row(TrainingDTO, row)

    def update(self, training_id: str, values: Mapping[str, Any]) -> TrainingDTO:
        fields = _check_training(values, partial=True)
        with self.ctx.tx() as s:
            row = load(s, Training, training_id, Thing.TRAINING)
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
