"""The jobcoach's workplace visits. A visit is editable until signed off; after that it
is append-only: what comes later is an aanvulling (a note that points at the visit)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common.enums import VisitMode
from spt_desktop.errors import Code, Problem, Thing
from spt_desktop.models import Candidate, Employer, Note, Placement, Visit
from spt_desktop.services.base import Service, load
from spt_desktop.services.dto import NoteDTO, VisitDTO, from_row
from spt_desktop.services.errors import RuleViolation
from spt_desktop.services.refusals import Refused
from spt_desktop.services.validation import Checker

VISIT_FIELDS = (
    "placement_id", "visited_at", "site", "mode", "attendees", "topics", "progress_score",
    "wellbeing_score", "agreements", "notes", "follow_up_on", "dropout_risk",
)  # fmt: skip


@dataclass(frozen=True)
class VisitDefaults:
    """What the quick visit log starts with, so a visit is logged in seconds."""

    candidate_id: str
    visited_at: datetime
    placement_id: str | None
    employer_id: str | None
    site: str
    mode: VisitMode


def _check(values: Mapping[str, Any], partial: bool) -> dict[str, Any]:
    c = Checker()
    for name in sorted(set(values) - set(VISIT_FIELDS)):
        c.fail(name, Problem.UNKNOWN_FIELD)
    out: dict[str, Any] = {}

    def want(name: str) -> bool:
        return not partial or name in values

    if "placement_id" in values:
        out["placement_id"] = values["placement_id"] or None
    if "visited_at" in values:
        when = values["visited_at"]
        if isinstance(when, str):
            try:
                when = datetime.fromisoformat(when)
            except ValueError:
                c.fail("visited_at", Problem.BAD_TIME)
        if isinstance(when, datetime):
            out["visited_at"] = when
    if want("mode"):
        out["mode"] = c.code("mode", VisitMode, values.get("mode") or VisitMode.ON_SITE)
    if want("site"):
        out["site"] = c.text("site", values.get("site"))
    for name in ("attendees", "topics", "agreements", "notes"):
        if want(name):
            out[name] = c.text(name, values.get(name), max_len=4000)
    for name in ("progress_score", "wellbeing_score"):
        if want(name):
            out[name] = c.number(name, values.get(name), low=1, high=5)
    if want("follow_up_on"):
        out["follow_up_on"] = c.day("follow_up_on", values.get("follow_up_on"))
    if want("dropout_risk"):
        out["dropout_risk"] = bool(values.get("dropout_risk", False))
    if not partial and not (out.get("topics") or out.get("agreements") or out.get("notes")):
        c.fail("topics", Problem.VISIT_EMPTY)
    c.done()
    return out


def _current_placement(s: Session, candidate_id: str) -> Placement | None:
    return s.scalars(
        sa.select(Placement)
        .where(
            Placement.candidate_id == candidate_id,
            ~Placement.deleted,
            Placement.ended_on.is_(None),
        )
        .order_by(Placement.starts_on.desc())
        .limit(1)
    ).first()


class VisitService(Service):
    def defaults(self, candidate_id: str) -> VisitDefaults:
        """Now, at the current placement's employer, on site."""
        with self.ctx.tx() as s:
            load(s, Candidate, candidate_id, Thing.CANDIDATE)
            placement = _current_placement(s, candidate_id)
            employer = s.get(Employer, placement.employer_id) if placement is not None else None
            return VisitDefaults(
                candidate_id=candidate_id,
                visited_at=self.ctx.local_now().replace(second=0, microsecond=0),
                placement_id=placement.id if placement else None,
                # Her placement's employer even when this laptop does not hold it (another
                # SPT's: vault 0017); the site is then for the jobcoach to fill in.
                employer_id=placement.employer_id if placement is not None else None,
                site=f"{employer.name}, {employer.municipality}" if employer else "",
                mode=VisitMode.ON_SITE,
            )

    def log(self, candidate_id: str, values: Mapping[str, Any]) -> VisitDTO:
        """Log a visit. Without a placement given, the current placement (and its
        employer) is used; without a time, now."""
        fields = _check(values, partial=False)
        with self.ctx.tx() as s:
            load(s, Candidate, candidate_id, Thing.CANDIDATE)
            placement_id = fields.pop("placement_id", None)
            placement = (
                load(s, Placement, placement_id, Thing.PLACEMENT)
                if placement_id
                else _current_placement(s, candidate_id)
            )
            if placement is not None and placement.candidate_id != candidate_id:
                raise RuleViolation(Code.PLACEMENT_OF_OTHER_CANDIDATE)
            visit = Visit(
                candidate_id=candidate_id,
                placement_id=placement.id if placement else None,
                employer_id=placement.employer_id if placement else None,
                coach_id=self.ctx.actor_id,
                **{"visited_at": self.ctx.local_now().replace(microsecond=0), **fields},
            )
            s.add(visit)
            s.flush()
            return from_row(VisitDTO, visit)

    def update(self, visit_id: str, values: Mapping[str, Any]) -> VisitDTO:
        fields = _check(values, partial=True)
        fields.pop("placement_id", None)
        with self.ctx.tx() as s:
            visit = self._editable(s, visit_id)
            for k, v in fields.items():
                setattr(visit, k, v)
            s.flush()
            return from_row(VisitDTO, visit)

    def sign_off(self, visit_id: str) -> VisitDTO:
        with self.ctx.tx() as s:
            visit = self._editable(s, visit_id)
            visit.signed_off_at = self.ctx.now()
            s.flush()
            return from_row(VisitDTO, visit)

    def amend(self, visit_id: str, text: str) -> NoteDTO:
        """An aanvulling on a signed-off visit report: a note of now that points at
        the visit (the report itself stays as signed). An unsigned visit is edited."""
        c = Checker()
        body = c.text("text", text, required=True, max_len=4000)
        c.done()
        with self.ctx.tx() as s:
            visit = load(s, Visit, visit_id, Thing.VISIT)
            if visit.signed_off_at is None:
                raise Refused(Code.VISIT_NOT_SIGNED, field="text")
            note = Note(
                candidate_id=visit.candidate_id,
                author_id=self.ctx.actor_id,
                written_at=self.ctx.now(),
                text=body,
                visit_id=visit.id,
            )
            s.add(note)
            s.flush()
            return from_row(NoteDTO, note)

    def delete(self, visit_id: str) -> None:
        with self.ctx.tx() as s:
            self._editable(s, visit_id).deleted = True

    def for_candidate(self, candidate_id: str) -> list[VisitDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Visit)
                .where(Visit.candidate_id == candidate_id, ~Visit.deleted)
                .order_by(Visit.visited_at.desc())
            )
            return [from_row(VisitDTO, v) for v in rows]

    def get(self, visit_id: str) -> VisitDTO:
        with self.ctx.tx() as s:
            return from_row(VisitDTO, load(s, Visit, visit_id, Thing.VISIT))

    @staticmethod
    def _editable(s: Session, visit_id: str) -> Visit:
        visit = load(s, Visit, visit_id, Thing.VISIT)
        if visit.signed_off_at is not None:
            raise RuleViolation(Code.VISIT_SIGNED_OFF)
        return visit
