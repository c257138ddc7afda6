"""Employers, their contact persons, vacancies and future needs (lesson 10: match on
potential, not only on open vacancies), and in-company guidance capacity."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from spt_common.enums import Sector, Spt, VacancyKind, VacancyStatus
from spt_desktop.errors import Thing
from spt_desktop.models import ContactPerson, Employer, Vacancy
from spt_desktop.models.regions import MUNICIPALITIES, canonical_municipality
from spt_desktop.services.base import Service, load
from spt_desktop.services.dto import ContactPersonDTO, EmployerDTO, VacancyDTO, from_row
from spt_desktop.services.errors import ValidationError
from spt_desktop.services.validation import Checker


def _unknown(c: Checker, values: Mapping[str, Any], known: set[str]) -> None:
    for name in sorted(set(values) - known):
        c.fail(name, "dit veld bestaat niet")


def _check_employer(values: Mapping[str, Any], partial: bool) -> dict[str, Any]:
    c = Checker()
    _unknown(
        c,
        values,
        {"name", "sector", "municipality", "address", "praktijkopleiders", "middenkader",
         "guidance_notes"},
    )  # fmt: skip
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
            c.fail("municipality", "geen gemeente in het werkgebied van de SPT's")
        elif official is not None:
            out["municipality"], out["spt"] = official, MUNICIPALITIES[official].spt
    if want("address"):
        out["address"] = c.text("address", values.get("address"), max_len=300)
    for name in ("praktijkopleiders", "middenkader"):
        if want(name):
            out[name] = c.number(name, values.get(name) or 0, low=0, high=500)
    if want("guidance_notes"):
        out["guidance_notes"] = c.text("guidance_notes", values.get("guidance_notes"), max_len=4000)
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
    _unknown(
        c,
        values,
        {"kind", "title", "description", "hours_per_week", "positions", "expected_on", "status"},
    )
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
    if out.get("kind") == VacancyKind.FUTURE_NEED and not out.get("expected_on"):
        c.fail("expected_on", "geef aan wanneer de toekomstige behoefte ontstaat")
    c.done()
    return out


class EmployerService(Service):
    def create(self, values: Mapping[str, Any]) -> EmployerDTO:
        fields = _check_employer(values, partial=False)
        with self.ctx.tx() as s:
            row = Employer(**fields)
            s.add(row)
            s.flush()
            return from_row(EmployerDTO, row)

    def update(self, employer_id: str, values: Mapping[str, Any]) -> EmployerDTO:
        fields = _check_employer(values, partial=True)
        with self.ctx.tx() as s:
            row = load(s, Employer, employer_id, Thing.EMPLOYER)
            for k, v in fields.items():
                setattr(row, k, v)
            s.flush()
            return from_row(EmployerDTO, row)

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

    def contacts(self, employer_id: str) -> list[ContactPersonDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(ContactPerson)
                .where(ContactPerson.employer_id == employer_id, ~ContactPerson.deleted)
                .order_by(ContactPerson.name)
            )
            return [from_row(ContactPersonDTO, r) for r in rows]

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
                raise ValidationError(
                    {"expected_on": "geef aan wanneer de toekomstige behoefte ontstaat"}
                )
            s.flush()
            return from_row(VacancyDTO, row)

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
