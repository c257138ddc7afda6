"""Employers, their contact persons, vacancies and future needs (lesson 10: match on
potential, not only on open vacancies), in-company guidance capacity, the branch, fund
and transitiebereidheid (lesson 8), and the employer approach's contact log (lesson 7)
with the arbeidsmarktcoach's agenda for Vandaag."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common.enums import (
    BranchOrganisation,
    EmployerContactKind,
    LanguageLevel,
    MatchStatus,
    Sector,
    Spt,
    TrainingFund,
    TransitionReadiness,
    VacancyKind,
    VacancySource,
    VacancyStatus,
    WorkLevel,
    WorkPattern,
)
from spt_desktop.errors import FieldError, Problem, Thing
from spt_desktop.models import Candidate, Coach, ContactPerson, Employer, EmployerContact, Vacancy
from spt_desktop.models.regions import MUNICIPALITIES, canonical_municipality
from spt_desktop.models.work import Match
from spt_desktop.services.base import Service, load
from spt_desktop.services.dto import (
    AgendaItem,
    ContactPersonDTO,
    EmployerAgenda,
    EmployerContactDTO,
    EmployerDTO,
    EmployerRow,
    VacancyDTO,
    from_row,
)
from spt_desktop.services.errors import ValidationError
from spt_desktop.services.validation import Checker

# A match is open (waiting for an answer or a decision) in these steps.
OPEN_MATCH = (MatchStatus.PROPOSED, MatchStatus.INTRODUCED, MatchStatus.TRIAL)
# Vandaag shows a future need this many days before its expected date.
FUTURE_NEED_NOTICE_DAYS = 30

EMPLOYER_FIELDS = {
    "name", "sector", "municipality", "address", "praktijkopleiders", "middenkader",
    "guidance_notes", "branch", "training_fund", "transition_readiness", "transition_notes",
}  # fmt: skip
VACANCY_FIELDS = {
    "kind", "title", "description", "hours_per_week", "positions", "expected_on", "status",
    "work_pattern", "salary_min", "salary_max", "language_level", "work_level",
    "bbl_possible", "source",
}  # fmt: skip
CONTACT_LOG_FIELDS = {"contact_person_id", "held_on", "kind", "agreements", "follow_up_on"}


class DuplicateEmployer(ValidationError):
    """An employer of this name is already in this gemeente. ``existing`` is that one
    (the form names it when it asks whether a second one is meant)."""

    def __init__(self, existing: EmployerDTO) -> None:
        # The field message; a form asks the coach to confirm before it saves a second
        # one with ``allow_duplicate``.
        super().__init__({"name": FieldError(Problem.EMPLOYER_EXISTS)})
        self.existing = existing


def _unknown(c: Checker, values: Mapping[str, Any], known: set[str]) -> None:
    for name in sorted(set(values) - known):
        c.fail(name, Problem.UNKNOWN_FIELD)


def _check_employer(values: Mapping[str, Any], partial: bool) -> dict[str, Any]:
    c = Checker()
    _unknown(c, values, EMPLOYER_FIELDS)
    out: dict[str, Any] = {}

    def want(name: str) -> bool:
        return not partial or name in values

    if want("name"):
        out["name"] = c.text("name", values.get("name"), required=True)
    if want("sector"):
        out["sector"] = c.code("sector", Sector, values.get("sector"))
    if want("municipality"):
        name = c.text("municipality", values.get("municipality"), required=True, max_len=100)
        official = canonical_municipality(name) if name else None
        if name and official is None:
            c.fail("municipality", Problem.MUNICIPALITY_OUTSIDE_AREA)
        elif official is not None:
            out["municipality"], out["spt"] = official, MUNICIPALITIES[official].spt
    if want("address"):
        out["address"] = c.text("address", values.get("address"), max_len=300)
    for name in ("praktijkopleiders", "middenkader"):
        if want(name):
            out[name] = c.number(name, values.get(name) or 0, low=0, high=500)
    if want("guidance_notes"):
        out["guidance_notes"] = c.text("guidance_notes", values.get("guidance_notes"), max_len=4000)
    for name, enum in (
        ("branch", BranchOrganisation),
        ("training_fund", TrainingFund),
        ("transition_readiness", TransitionReadiness),
    ):
        if want(name):
            out[name] = c.code(name, enum, values.get(name), required=False)
    if want("transition_notes"):
        out["transition_notes"] = c.optional_text(
            "transition_notes", values.get("transition_notes"), max_len=4000
        )
    c.done()
    return out


def _check_contact(values: Mapping[str, Any], partial: bool) -> dict[str, Any]:
    c = Checker()
    _unknown(c, values, {"name", "function", "email", "phone"})
    out: dict[str, Any] = {}
    if not partial or "name" in values:
        out["name"] = c.text("name", values.get("name"), required=True)
    if not partial or "function" in values:
        out["function"] = c.text("function", values.get("function"))
    if not partial or "email" in values:
        out["email"] = c.email("email", values.get("email"))
    if not partial or "phone" in values:
        out["phone"] = c.phone("phone", values.get("phone"))
    c.done()
    return out


def _check_vacancy(values: Mapping[str, Any], partial: bool) -> dict[str, Any]:
    c = Checker()
    _unknown(c, values, VACANCY_FIELDS)
    out: dict[str, Any] = {}

    def want(name: str) -> bool:
        return not partial or name in values

    if want("kind"):
        out["kind"] = c.code("kind", VacancyKind, values.get("kind") or VacancyKind.OPEN)
    if want("title"):
        out["title"] = c.text("title", values.get("title"), required=True)
    if want("description"):
        out["description"] = c.text("description", values.get("description"), max_len=4000)
    if want("hours_per_week"):
        out["hours_per_week"] = c.number(
            "hours_per_week", values.get("hours_per_week"), low=1, high=60
        )
    if want("positions"):
        out["positions"] = c.number("positions", values.get("positions") or 1, low=1, high=500)
    if want("expected_on"):
        out["expected_on"] = c.day("expected_on", values.get("expected_on"))
    if want("status"):
        out["status"] = c.code("status", VacancyStatus, values.get("status") or VacancyStatus.OPEN)
    for name, enum in (
        ("work_pattern", WorkPattern),
        ("language_level", LanguageLevel),
        ("work_level", WorkLevel),
        ("source", VacancySource),
    ):
        if want(name):
            out[name] = c.code(name, enum, values.get(name), required=False)
    for name in ("salary_min", "salary_max"):
        if want(name):
            out[name] = c.number(name, values.get(name), low=500, high=20000)
    if want("bbl_possible"):
        out["bbl_possible"] = bool(values.get("bbl_possible"))
    low, high = out.get("salary_min"), out.get("salary_max")
    if low is not None and high is not None and high < low:
        c.fail("salary_max", Problem.MAX_BELOW_MIN)
    if out.get("kind") == VacancyKind.FUTURE_NEED and not out.get("expected_on"):
        c.fail("expected_on", Problem.SAY_WHEN_NEEDED)
    c.done()
    return out


def _check_contact_log(values: Mapping[str, Any], today: date, partial: bool) -> dict[str, Any]:
    c = Checker()
    _unknown(c, values, CONTACT_LOG_FIELDS)
    out: dict[str, Any] = {}

    def want(name: str) -> bool:
        return not partial or name in values

    if want("held_on"):
        out["held_on"] = c.day("held_on", values.get("held_on"), required=True)
        if out["held_on"] is not None and out["held_on"] > today:
            c.fail("held_on", Problem.CONTACT_IN_FUTURE)
    if want("kind"):
        out["kind"] = c.code("kind", EmployerContactKind, values.get("kind"))
    if want("agreements"):
        out["agreements"] = c.text("agreements", values.get("agreements"), max_len=4000)
    if want("follow_up_on"):
        out["follow_up_on"] = c.day("follow_up_on", values.get("follow_up_on"))
    if want("contact_person_id"):
        out["contact_person_id"] = values.get("contact_person_id") or None
    held, follow = out.get("held_on"), out.get("follow_up_on")
    if held is not None and follow is not None and follow < held:
        c.fail("follow_up_on", Problem.FOLLOW_UP_BEFORE_CONTACT)
    c.done()
    return out


class EmployerService(Service):
    """The arbeidsmarktcoach's employers, contact persons, vacancies and contact log."""

    # --- employers -------------------------------------------------------------------

    def create(self, values: Mapping[str, Any], *, allow_duplicate: bool = False) -> EmployerDTO:
        """A new employer. One of the same name in the same gemeente raises
        ``DuplicateEmployer`` unless ``allow_duplicate`` (the coach confirmed it)."""
        fields = _check_employer(values, partial=False)
        with self.ctx.tx() as s:
            if not allow_duplicate:
                self._refuse_twin(s, fields["name"], fields["municipality"], None)
            row = Employer(**fields)
            s.add(row)
            s.flush()
            return from_row(EmployerDTO, row)

    def update(
        self, employer_id: str, values: Mapping[str, Any], *, allow_duplicate: bool = False
    ) -> EmployerDTO:
        fields = _check_employer(values, partial=True)
        with self.ctx.tx() as s:
            row = load(s, Employer, employer_id, Thing.EMPLOYER)
            name = fields.get("name", row.name)
            place = fields.get("municipality", row.municipality)
            renamed = (name.casefold(), place) != (row.name.casefold(), row.municipality)
            if renamed and not allow_duplicate:
                self._refuse_twin(s, name, place, employer_id)
            for k, v in fields.items():
                setattr(row, k, v)
            s.flush()
            return from_row(EmployerDTO, row)

    def duplicates(
        self, name: str, municipality: str, exclude_id: str | None = None
    ) -> list[EmployerDTO]:
        """The employers of ``name`` (any case) in ``municipality``, but ``exclude_id``."""
        place = canonical_municipality(municipality) or municipality
        with self.ctx.tx() as s:
            return [from_row(EmployerDTO, r) for r in self._twins(s, name, place, exclude_id)]

    @staticmethod
    def _twins(s: Session, name: str, place: str, exclude_id: str | None) -> list[Employer]:
        q = sa.select(Employer).where(
            ~Employer.deleted,
            sa.func.lower(sa.func.trim(Employer.name)) == name.strip().lower(),
            Employer.municipality == place,
        )
        if exclude_id is not None:
            q = q.where(Employer.id != exclude_id)
        return list(s.scalars(q))

    def _refuse_twin(self, s: Session, name: str, place: str, exclude_id: str | None) -> None:
        twins = self._twins(s, name, place, exclude_id)
        if twins:
            raise DuplicateEmployer(from_row(EmployerDTO, twins[0]))

    def get(self, employer_id: str) -> EmployerDTO:
        with self.ctx.tx() as s:
            return from_row(EmployerDTO, load(s, Employer, employer_id, Thing.EMPLOYER))

    def find(
        self, text: str = "", sector: Sector | None = None, spt: Spt | None = None
    ) -> list[EmployerDTO]:
        q = sa.select(Employer).where(~Employer.deleted).order_by(Employer.name)
        if text.strip():
            q = q.where(Employer.name.ilike(f"%{text.strip()}%"))
        if sector is not None:
            q = q.where(Employer.sector == sector)
        if spt is not None:
            q = q.where(Employer.spt == spt)
        with self.ctx.tx() as s:
            return [from_row(EmployerDTO, r) for r in s.scalars(q)]

    def overview(
        self,
        text: str = "",
        sector: Sector | None = None,
        municipality: str | None = None,
        open_only: bool = False,
    ) -> list[EmployerRow]:
        """The Werkgevers list: ``text`` found in the name, the gemeente or the sector;
        ``open_only``: only employers with an open vacancy or future need."""
        open_rows = (
            sa.select(
                Vacancy.employer_id.label("eid"),
                sa.func.sum(sa.case((Vacancy.kind == VacancyKind.OPEN, 1), else_=0)).label("v"),
                sa.func.sum(sa.case((Vacancy.kind == VacancyKind.FUTURE_NEED, 1), else_=0)).label(
                    "f"
                ),
            )
            .where(~Vacancy.deleted, Vacancy.status == VacancyStatus.OPEN)
            .group_by(Vacancy.employer_id)
            .subquery()
        )
        q = (
            sa.select(Employer, open_rows.c.v, open_rows.c.f)
            .outerjoin(open_rows, open_rows.c.eid == Employer.id)
            .where(~Employer.deleted)
            .order_by(Employer.name, Employer.municipality)
        )
        words = text.strip()
        if words:
            like = f"%{words}%"
            sectors = [m for m in Sector if words.casefold() in m.label.casefold()]
            q = q.where(
                sa.or_(
                    Employer.name.ilike(like),
                    Employer.municipality.ilike(like),
                    Employer.sector.in_(sectors) if sectors else sa.false(),
                )
            )
        if sector is not None:
            q = q.where(Employer.sector == sector)
        if municipality:
            q = q.where(Employer.municipality == municipality)
        if open_only:
            q = q.where(open_rows.c.eid.is_not(None))
        with self.ctx.tx() as s:
            return [
                EmployerRow(from_row(EmployerDTO, e), int(v or 0), int(f or 0))
                for e, v, f in s.execute(q)
            ]

    def municipalities(self) -> list[str]:
        """The gemeenten the employers are in (for the list's filter)."""
        with self.ctx.tx() as s:
            return list(
                s.scalars(
                    sa.select(Employer.municipality)
                    .where(~Employer.deleted)
                    .distinct()
                    .order_by(Employer.municipality)
                )
            )

    # --- contact persons -------------------------------------------------------------

    def add_contact(self, employer_id: str, values: Mapping[str, Any]) -> ContactPersonDTO:
        fields = _check_contact(values, partial=False)
        with self.ctx.tx() as s:
            load(s, Employer, employer_id, Thing.EMPLOYER)
            row = ContactPerson(employer_id=employer_id, **fields)
            s.add(row)
            s.flush()
            return from_row(ContactPersonDTO, row)

    def update_contact(self, contact_id: str, values: Mapping[str, Any]) -> ContactPersonDTO:
        fields = _check_contact(values, partial=True)
        with self.ctx.tx() as s:
            row = load(s, ContactPerson, contact_id, Thing.CONTACT)
            for k, v in fields.items():
                setattr(row, k, v)
            s.flush()
            return from_row(ContactPersonDTO, row)

    def mark_contact_left(
        self, contact_id: str, left: bool = True, on: date | None = None
    ) -> ContactPersonDTO:
        """The contact person no longer works there (kept: the contact log names them);
        ``left=False`` undoes it."""
        with self.ctx.tx() as s:
            row = load(s, ContactPerson, contact_id, Thing.CONTACT)
            row.left_on = (on or self.ctx.today()) if left else None
            s.flush()
            return from_row(ContactPersonDTO, row)

    def contact_person(self, contact_id: str) -> ContactPersonDTO:
        with self.ctx.tx() as s:
            return from_row(ContactPersonDTO, load(s, ContactPerson, contact_id, Thing.CONTACT))

    def contacts(self, employer_id: str, include_left: bool = True) -> list[ContactPersonDTO]:
        """The employer's contact persons: those still there first, by name."""
        q = sa.select(ContactPerson).where(
            ContactPerson.employer_id == employer_id, ~ContactPerson.deleted
        )
        if not include_left:
            q = q.where(ContactPerson.left_on.is_(None))
        q = q.order_by(ContactPerson.left_on.is_not(None), ContactPerson.name)
        with self.ctx.tx() as s:
            return [from_row(ContactPersonDTO, r) for r in s.scalars(q)]

    # --- vacancies and future needs --------------------------------------------------

    def add_vacancy(self, employer_id: str, values: Mapping[str, Any]) -> VacancyDTO:
        fields = _check_vacancy(values, partial=False)
        with self.ctx.tx() as s:
            load(s, Employer, employer_id, Thing.EMPLOYER)
            row = Vacancy(employer_id=employer_id, **fields)
            s.add(row)
            s.flush()
            return from_row(VacancyDTO, row)

    def update_vacancy(self, vacancy_id: str, values: Mapping[str, Any]) -> VacancyDTO:
        fields = _check_vacancy(values, partial=True)
        with self.ctx.tx() as s:
            row = load(s, Vacancy, vacancy_id, Thing.VACANCY)
            for k, v in fields.items():
                setattr(row, k, v)
            if row.kind == VacancyKind.FUTURE_NEED and row.expected_on is None:
                raise ValidationError({"expected_on": FieldError(Problem.SAY_WHEN_NEEDED)})
            low, high = row.salary_min, row.salary_max
            if low is not None and high is not None and high < low:
                raise ValidationError({"salary_max": FieldError(Problem.MAX_BELOW_MIN)})
            s.flush()
            return from_row(VacancyDTO, row)

    def set_vacancy_status(self, vacancy_id: str, status: VacancyStatus) -> VacancyDTO:
        """Fill (``FILLED``), close (``CLOSED``) or reopen (``OPEN``) a vacancy or need."""
        return self.update_vacancy(vacancy_id, {"status": VacancyStatus(status)})

    def vacancy(self, vacancy_id: str) -> VacancyDTO:
        with self.ctx.tx() as s:
            return from_row(VacancyDTO, load(s, Vacancy, vacancy_id, Thing.VACANCY))

    def vacancies(
        self,
        employer_id: str | None = None,
        kind: VacancyKind | None = None,
        status: VacancyStatus | None = VacancyStatus.OPEN,
    ) -> list[VacancyDTO]:
        q = sa.select(Vacancy).where(~Vacancy.deleted).order_by(Vacancy.title)
        if employer_id is not None:
            q = q.where(Vacancy.employer_id == employer_id)
        if kind is not None:
            q = q.where(Vacancy.kind == kind)
        if status is not None:
            q = q.where(Vacancy.status == status)
        with self.ctx.tx() as s:
            return [from_row(VacancyDTO, r) for r in s.scalars(q)]

    # --- the contact log (lesson 7) --------------------------------------------------

    def log_contact(self, employer_id: str, values: Mapping[str, Any]) -> EmployerContactDTO:
        """Log a contact with the employer by the acting coach. Her open follow-ups with
        this employer due on or before it are done by it (it is the follow-up)."""
        fields = _check_contact_log(values, self.ctx.today(), partial=False)
        with self.ctx.tx() as s:
            load(s, Employer, employer_id, Thing.EMPLOYER)
            self._check_person(s, employer_id, fields.get("contact_person_id"))
            for earlier in s.scalars(
                sa.select(EmployerContact).where(
                    EmployerContact.employer_id == employer_id,
                    EmployerContact.coach_id == self.ctx.actor_id,
                    ~EmployerContact.deleted,
                    EmployerContact.follow_up_done_on.is_(None),
                    EmployerContact.follow_up_on <= fields["held_on"],
                )
            ):
                earlier.follow_up_done_on = fields["held_on"]
            row = EmployerContact(employer_id=employer_id, coach_id=self.ctx.actor_id, **fields)
            s.add(row)
            s.flush()
            return self._contact_dto(s, row)

    def update_logged_contact(
        self, contact_id: str, values: Mapping[str, Any]
    ) -> EmployerContactDTO:
        fields = _check_contact_log(values, self.ctx.today(), partial=True)
        with self.ctx.tx() as s:
            row = load(s, EmployerContact, contact_id, Thing.EMPLOYER_CONTACT)
            if "contact_person_id" in fields:
                self._check_person(s, row.employer_id, fields["contact_person_id"])
            for k, v in fields.items():
                setattr(row, k, v)
            if row.follow_up_on is not None and row.follow_up_on < row.held_on:
                raise ValidationError(
                    {"follow_up_on": FieldError(Problem.FOLLOW_UP_BEFORE_CONTACT)}
                )
            s.flush()
            return self._contact_dto(s, row)

    def complete_follow_up(self, contact_id: str, on: date | None = None) -> EmployerContactDTO:
        """The follow-up of a logged contact is done (without a new contact to log)."""
        with self.ctx.tx() as s:
            row = load(s, EmployerContact, contact_id, Thing.EMPLOYER_CONTACT)
            row.follow_up_done_on = on or self.ctx.today()
            s.flush()
            return self._contact_dto(s, row)

    def logged_contact(self, contact_id: str) -> EmployerContactDTO:
        with self.ctx.tx() as s:
            return self._contact_dto(
                s, load(s, EmployerContact, contact_id, Thing.EMPLOYER_CONTACT)
            )

    def contact_log(self, employer_id: str) -> list[EmployerContactDTO]:
        """The employer's contacts, newest first, with whom and by whom."""
        with self.ctx.tx() as s:
            rows = s.execute(
                sa.select(EmployerContact, ContactPerson.name, Coach.name)
                .outerjoin(ContactPerson, ContactPerson.id == EmployerContact.contact_person_id)
                .outerjoin(Coach, Coach.id == EmployerContact.coach_id)
                .where(EmployerContact.employer_id == employer_id, ~EmployerContact.deleted)
                .order_by(EmployerContact.held_on.desc(), EmployerContact.modified_at.desc())
            )
            return [
                from_row(EmployerContactDTO, r, contact_person_name=p or "", coach_name=c or "")
                for r, p, c in rows
            ]

    @staticmethod
    def _check_person(s: Session, employer_id: str, person_id: str | None) -> None:
        if person_id is None:
            return
        person = s.get(ContactPerson, person_id)
        if person is None or person.deleted or person.employer_id != employer_id:
            raise ValidationError(
                {"contact_person_id": FieldError(Problem.NOT_A_CONTACT_OF_EMPLOYER)}
            )

    @staticmethod
    def _contact_dto(s: Session, row: EmployerContact) -> EmployerContactDTO:
        person = s.get(ContactPerson, row.contact_person_id) if row.contact_person_id else None
        coach = s.get(Coach, row.coach_id)
        return from_row(
            EmployerContactDTO,
            row,
            contact_person_name=person.name if person else "",
            coach_name=coach.name if coach else "",
        )

    # --- the arbeidsmarktcoach's Vandaag ---------------------------------------------

    def today(self) -> date:
        """The day the use cases run on: a new contact's default date."""
        return self.ctx.today()

    def agenda(self, on: date | None = None) -> EmployerAgenda:
        """What needs the acting arbeidsmarktcoach: her employer follow-ups due on or
        before ``on`` (default today), her open matches (proposed, kennismaking,
        proefplaatsing: waiting for an answer), and the SPT's open future needs expected
        within ``FUTURE_NEED_NOTICE_DAYS`` (or overdue). Each group oldest first."""
        day = on or self.ctx.today()
        me = self.ctx.actor_id
        with self.ctx.tx() as s:
            return EmployerAgenda(
                on=day,
                follow_ups=self.follow_ups_due(s, me, day),
                open_matches=self._open_matches(s, me),
                future_needs=self._future_needs(s, day),
            )

    @staticmethod
    def follow_ups_due(s: Session, me: str, day: date) -> tuple[AgendaItem, ...]:
        """Coach ``me``'s employer follow-ups due on or before ``day`` (Vandaag reads
        them too, in the transaction of its other groups)."""
        rows = s.execute(
            sa.select(EmployerContact, Employer.name)
            .join(Employer, Employer.id == EmployerContact.employer_id)
            .where(
                EmployerContact.coach_id == me,
                ~EmployerContact.deleted,
                ~Employer.deleted,
                EmployerContact.follow_up_done_on.is_(None),
                EmployerContact.follow_up_on <= day,
            )
            .order_by(EmployerContact.follow_up_on, Employer.name)
        )
        return tuple(
            AgendaItem(
                "employer_follow_up",
                c.follow_up_on or day,
                c.id,
                c.employer_id,
                name,
                c.kind.label,
                c.agreements,
            )
            for c, name in rows
        )

    @staticmethod
    def _open_matches(s: Session, me: str) -> tuple[AgendaItem, ...]:
        rows = s.execute(
            sa.select(Match, Employer.name, Vacancy.title, Candidate.first_name,
                      Candidate.last_name)
            # Outer: her candidate's match may be at another SPT's employer (not here).
            .outerjoin(Employer, Employer.id == Match.employer_id)
            .join(Candidate, Candidate.id == Match.candidate_id)
            .outerjoin(Vacancy, Vacancy.id == Match.vacancy_id)
            .where(Match.coach_id == me, ~Match.deleted, ~Candidate.deleted,
                   Match.status.in_(OPEN_MATCH))
            .order_by(Match.proposed_on, Employer.name)
        )  # fmt: skip
        return tuple(
            AgendaItem(
                "open_match",
                m.proposed_on,
                m.id,
                m.employer_id,
                employer or "",
                title or "",
                m.status.label,
                m.candidate_id,
                f"{first} {last}",
            )
            for m, employer, title, first, last in rows
        )

    @staticmethod
    def _future_needs(s: Session, day: date) -> tuple[AgendaItem, ...]:
        until = day + timedelta(days=FUTURE_NEED_NOTICE_DAYS)
        rows = s.execute(
            sa.select(Vacancy, Employer.name)
            .join(Employer, Employer.id == Vacancy.employer_id)
            .where(
                ~Vacancy.deleted,
                ~Employer.deleted,
                Vacancy.kind == VacancyKind.FUTURE_NEED,
                Vacancy.status == VacancyStatus.OPEN,
                Vacancy.expected_on <= until,
            )
            .order_by(Vacancy.expected_on, Employer.name)
        )
        return tuple(
            AgendaItem(
                "future_need",
                v.expected_on or day,
                v.id,
                v.employer_id,
                name,
                v.title,
                v.description,
            )
            for v, name in rows
        )
