"""Registering candidates, their profile, consent (AVG), coaches and notes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common.enums import (
    COACH_ROLES,
    BenefitStatus,
    CandidateStatus,
    ConsentPurpose,
    LanguageLevel,
    Persona,
    Phase,
    ReferralSource,
    Role,
    Spt,
)
from spt_desktop.errors import Code, Problem, Thing
from spt_desktop.models import Assignment, Candidate, Coach, Consent, JourneyEvent, Note
from spt_desktop.models.regions import MUNICIPALITIES, canonical_municipality
from spt_desktop.services.base import Service, load
from spt_desktop.services.dto import (
    AssignmentDTO,
    CandidateDTO,
    CoachDTO,
    ConsentDTO,
    NoteDTO,
    from_row,
)
from spt_desktop.services.errors import RuleViolation
from spt_desktop.services.validation import Checker

# Fields a coach edits on the profile. Phase and status change only through the journey.
PROFILE_FIELDS = (
    "first_name", "last_name", "birth_date", "email", "phone", "municipality",
    "referral_source", "persona", "benefit_status", "language_level", "hours_per_week",
    "availability", "salary_expectation", "skills", "interests", "motivation", "notes",
    "next_follow_up",
)  # fmt: skip
LONG_TEXT = 4000


def check_profile(c: Checker, values: Mapping[str, Any], *, partial: bool) -> dict[str, Any]:
    """The validated profile fields present in ``values`` (all required ones unless
    ``partial``), with the SPT and labour-market region derived from the municipality."""
    unknown = set(values) - set(PROFILE_FIELDS)
    for name in sorted(unknown):
        c.fail(name, Problem.FIELD_CHANGED_ELSEWHERE)
    out: dict[str, Any] = {}

    def want(name: str) -> bool:
        return not partial or name in values

    v = values.get
    if want("first_name"):
        out["first_name"] = c.text("first_name", v("first_name"), required=True, max_len=100)
    if want("last_name"):
        out["last_name"] = c.text("last_name", v("last_name"), required=True, max_len=150)
    if want("birth_date"):
        out["birth_date"] = c.day("birth_date", v("birth_date"))
    if want("email"):
        out["email"] = c.email("email", v("email"))
    if want("phone"):
        out["phone"] = c.phone("phone", v("phone"))
    if want("municipality"):
        name = c.text("municipality", v("municipality"), required=True, max_len=100)
        official = canonical_municipality(name) if name else None
        if name and official is None:
            c.fail("municipality", Problem.MUNICIPALITY_OUTSIDE_AREA)
        elif official is not None:
            out["municipality"] = official
            out["spt"], out["labour_market_region"] = MUNICIPALITIES[official]
    for name, enum in (
        ("referral_source", ReferralSource),
        ("persona", Persona),
        ("benefit_status", BenefitStatus),
    ):
        if want(name):
            out[name] = c.code(name, enum, v(name))
    if want("language_level"):
        out["language_level"] = c.code(
            "language_level", LanguageLevel, v("language_level"), required=False
        )
    if want("hours_per_week"):
        out["hours_per_week"] = c.number("hours_per_week", v("hours_per_week"), low=1, high=60)
    if want("salary_expectation"):
        out["salary_expectation"] = c.number(
            "salary_expectation", v("salary_expectation"), low=0, high=20000
        )
    for name in ("availability", "skills", "interests", "motivation", "notes"):
        if want(name):
            out[name] = c.optional_text(name, v(name), max_len=LONG_TEXT)
    if want("next_follow_up"):
        out["next_follow_up"] = c.day("next_follow_up", v("next_follow_up"))
    birth = out.get("birth_date")
    if birth is not None and not (1940 <= birth.year <= 2012):
        c.fail("birth_date", Problem.BIRTH_DATE_UNLIKELY)
    return out


def candidate_dto(session: Session, cand: Candidate) -> CandidateDTO:
    consents = session.scalars(
        sa.select(Consent)
        .where(Consent.candidate_id == cand.id, ~Consent.deleted)
        .order_by(Consent.recorded_on)
    )
    assignments = session.scalars(
        sa.select(Assignment).where(Assignment.candidate_id == cand.id, ~Assignment.deleted)
    )
    return from_row(
        CandidateDTO,
        cand,
        consents=tuple(from_row(ConsentDTO, c) for c in consents),
        assignments=tuple(from_row(AssignmentDTO, a) for a in assignments),
    )


class CandidateService(Service):
    """Register a candidate and keep the profile, consent and assignments."""

    def register(
        self,
        profile: Mapping[str, Any],
        consents: Mapping[ConsentPurpose, bool],
        *,
        role: Role | None = None,
    ) -> CandidateDTO:
        """Register a candidate. Consent for processing must be given and is recorded
        with today's date and scope, one row per purpose. The registering coach is
        assigned (in ``role``, else her first coaching role) and the journey starts in
        the first orientation."""
        c = Checker()
        fields = check_profile(c, profile, partial=False)
        if not consents.get(ConsentPurpose.PROCESSING):
            c.fail("consent", Problem.CONSENT_NEEDED)
        c.done()
        today = self.ctx.today()
        with self.ctx.tx() as s:
            owner = load(s, Coach, self.ctx.actor_id, Thing.COACH_PROFILE)
            cand = Candidate(
                **fields,
                phase=Phase.ORIENTATION,
                status=CandidateStatus.ACTIVE,
                registered_on=today,
            )
            s.add(cand)
            s.flush()
            for purpose, granted in consents.items():
                s.add(
                    Consent(
                        candidate_id=cand.id,
                        purpose=ConsentPurpose(purpose),
                        granted=bool(granted),
                        recorded_on=today,
                        recorded_by=owner.id,
                    )
                )
            s.add(
                Assignment(
                    candidate_id=cand.id,
                    coach_id=owner.id,
                    role=role or _first_coach_role(owner),
                    active=True,
                )
            )
            s.add(
                JourneyEvent(
                    candidate_id=cand.id,
                    from_phase=None,
                    to_phase=Phase.ORIENTATION,
                    occurred_on=today,
                    coach_id=owner.id,
                    reason="Aangemeld bij het SPT",
                )
            )
            s.flush()
            return candidate_dto(s, cand)

    def get(self, candidate_id: str) -> CandidateDTO:
        with self.ctx.tx() as s:
            return candidate_dto(s, load(s, Candidate, candidate_id, Thing.CANDIDATE))

    def update(self, candidate_id: str, changes: Mapping[str, Any]) -> CandidateDTO:
        """Change profile fields; only the fields given are touched."""
        c = Checker()
        fields = check_profile(c, changes, partial=True)
        c.done()
        with self.ctx.tx() as s:
            cand = load(s, Candidate, candidate_id, Thing.CANDIDATE)
            for name, value in fields.items():
                if getattr(cand, name) != value:
                    setattr(cand, name, value)
            s.flush()
            return candidate_dto(s, cand)

    def set_consent(
        self, candidate_id: str, purpose: ConsentPurpose, granted: bool
    ) -> CandidateDTO:
        """Give or withdraw consent for one purpose. Withdrawing keeps the record of the
        earlier consent (with its date) and notes the date it was withdrawn."""
        today = self.ctx.today()
        with self.ctx.tx() as s:
            cand = load(s, Candidate, candidate_id, Thing.CANDIDATE)
            current = s.scalars(
                sa.select(Consent).where(
                    Consent.candidate_id == cand.id,
                    Consent.purpose == purpose,
                    ~Consent.deleted,
                    Consent.withdrawn_on.is_(None),
                )
            ).first()
            if purpose == ConsentPurpose.PROCESSING and not granted:
                raise RuleViolation(Code.PROCESSING_CONSENT_WITHDRAWN)
            if current is not None and current.granted == granted:
                return candidate_dto(s, cand)
            if current is not None:
                current.withdrawn_on = today
            if granted:
                s.add(
                    Consent(
                        candidate_id=cand.id,
                        purpose=purpose,
                        granted=True,
                        recorded_on=today,
                        recorded_by=self.ctx.actor_id,
                    )
                )
            s.flush()
            return candidate_dto(s, cand)

    def assign(self, candidate_id: str, coach_id: str, role: Role) -> CandidateDTO:
        with self.ctx.tx() as s:
            cand = load(s, Candidate, candidate_id, Thing.CANDIDATE)
            load(s, Coach, coach_id, Thing.COACH)
            assign_coach(s, cand.id, coach_id, role)
            s.flush()
            return candidate_dto(s, cand)

    def add_note(self, candidate_id: str, text: str, written_at: datetime | None = None) -> NoteDTO:
        """A gespreksverslag or note in the dossier, at ``written_at`` (the conversation's
        time as the coach reads the clock; now when not given). Stored as UTC like every
        bookkeeping time. Append-only: a correction is a new note."""
        c = Checker()
        body = c.text("text", text, required=True, max_len=LONG_TEXT)
        if written_at is not None and written_at > self.ctx.local_now() + timedelta(days=1):
            c.fail("written_at", Problem.TIME_IN_FUTURE)
        c.done()
        with self.ctx.tx() as s:
            load(s, Candidate, candidate_id, Thing.CANDIDATE)
            note = Note(
                candidate_id=candidate_id,
                author_id=self.ctx.actor_id,
                written_at=self.ctx.now() if written_at is None else as_utc(written_at),
                text=body,
            )
            s.add(note)
            s.flush()
            return from_row(NoteDTO, note)

    def notes(self, candidate_id: str) -> list[NoteDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Note)
                .where(Note.candidate_id == candidate_id, ~Note.deleted)
                .order_by(Note.written_at)
            )
            return [from_row(NoteDTO, n) for n in rows]


def as_utc(local: datetime) -> datetime:
    """A wall-clock time of this computer as naive UTC (how the vault keeps times)."""
    return local.astimezone(UTC).replace(tzinfo=None)


def assign_coach(s: Session, candidate_id: str, coach_id: str, role: Role) -> None:
    """Make ``coach_id`` the active coach of the candidate in ``role`` (idempotent)."""
    existing = s.scalars(
        sa.select(Assignment).where(
            Assignment.candidate_id == candidate_id,
            Assignment.coach_id == coach_id,
            Assignment.role == role,
            ~Assignment.deleted,
        )
    ).first()
    if existing is None:
        s.add(Assignment(candidate_id=candidate_id, coach_id=coach_id, role=role, active=True))
    elif not existing.active:
        existing.active = True


def _first_coach_role(coach: Coach) -> Role:
    roles = coach.role_set()
    return next((r for r in COACH_ROLES if r in roles), Role.LOOPBAANCOACH)


class CoachService(Service):
    """The colleagues this vault knows (filled by sync; added by hand when offline)."""

    def me(self) -> CoachDTO:
        with self.ctx.tx() as s:
            return from_row(CoachDTO, load(s, Coach, self.ctx.actor_id, Thing.COACH_PROFILE))

    def all(self) -> list[CoachDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(sa.select(Coach).where(~Coach.deleted).order_by(Coach.name))
            return [from_row(CoachDTO, r) for r in rows]

    def add(self, name: str, email: str, roles: list[Role], spt: Spt) -> CoachDTO:
        c = Checker()
        name = c.text("name", name, required=True)
        mail = c.email("email", email)
        if not mail:
            c.fail("email", Problem.REQUIRED)
        if not roles:
            c.fail("roles", Problem.CHOOSE_A_ROLE)
        c.done()
        with self.ctx.tx() as s:
            coach = Coach(
                name=name, email=mail or "", roles=",".join(Role(r).value for r in roles), spt=spt
            )
            s.add(coach)
            s.flush()
            return from_row(CoachDTO, coach)

    def update_me(self, name: str | None = None, email: str | None = None) -> CoachDTO:
        c = Checker()
        changes: dict[str, Any] = {}
        if name is not None:
            changes["name"] = c.text("name", name, required=True)
        if email is not None:
            changes["email"] = c.email("email", email) or ""
        c.done()
        with self.ctx.tx() as s:
            me = load(s, Coach, self.ctx.actor_id, Thing.COACH_PROFILE)
            for k, v in changes.items():
                setattr(me, k, v)
            s.flush()
            return from_row(CoachDTO, me)
