"""The loket register (issue 16 §2; whitepaper lesson 1 and role 6): the questions that
reach the SPT's independent loket from employers, job seekers, workers, intermediaries
and schools, what was answered or to which coach a question was passed on, its
follow-up date (on Vandaag), and what it became.

Who: the loket and the operationeel coördinator keep the register (record, change,
close every question of the SPT); a coach sees the questions passed on to her, and may
answer and close them. The server holds the same rule (spt_server.store).

Minimal personal data: the asker's name and a way to reach her are kept only while the
question is open. Closing clears them here (and the vault's own trigger, migration 0014,
on every other write path; the server clears them too), and drops the unsaved form about
the question, so nothing of the person stays behind on the laptop."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common.enums import (
    COACH_ROLES,
    LOKET_ROLES,
    LoketAsker,
    LoketChannel,
    LoketOutcome,
    LoketStatus,
    Role,
    VacancyStatus,
)
from spt_desktop.errors import Code, FieldError, Problem, Thing
from spt_desktop.models import (
    Candidate,
    Coach,
    Employer,
    EmployerContact,
    LoketQuestion,
    Referral,
    Vacancy,
)
from spt_desktop.models.loket import drop_question_drafts
from spt_desktop.services.base import Service, load
from spt_desktop.services.errors import NotFound, RuleViolation, ValidationError
from spt_desktop.services.validation import Checker

# What a form may set; ``status`` and ``closed_on`` only through ``close`` / ``reopen``.
QUESTION_FIELDS = frozenset({
    "received_on", "channel", "asker", "topic", "answer", "to_coach_id", "follow_up_on",
    "outcome", "outcome_id", "name", "contact",
})  # fmt: skip
CLOSING_FIELDS = frozenset({"answer", "outcome", "outcome_id"})
PERSONAL = ("name", "contact")


@dataclass(frozen=True)
class LoketQuestionDTO:
    id: str
    received_on: date
    channel: LoketChannel
    asker: LoketAsker
    topic: str
    answer: str
    to_coach_id: str | None
    to_coach_name: str
    follow_up_on: date | None
    status: LoketStatus
    closed_on: date | None
    outcome: LoketOutcome | None
    outcome_id: str | None
    name: str | None
    contact: str | None

    @property
    def open(self) -> bool:
        return self.status is LoketStatus.OPEN


@dataclass(frozen=True)
class LoketLink:
    """A record a question can become and link to: a vacancy or an employer contact."""

    id: str
    kind: LoketOutcome
    label: str


# How far back the employer contacts offered as a link go (the question's own weeks).
LINK_DAYS = 90


@dataclass(frozen=True)
class LoketColleague:
    """A coach a question can be passed on to."""

    id: str
    name: str
    roles: str  # their coach roles, as labels


def _check(values: Mapping[str, Any], today: date, partial: bool) -> dict[str, Any]:
    c = Checker()
    unknown = set(values) - QUESTION_FIELDS
    for name in sorted(unknown):
        c.fail(name, Problem.UNKNOWN_FIELD)
    out: dict[str, Any] = {}

    def want(name: str) -> bool:
        return not partial or name in values

    if want("received_on"):
        out["received_on"] = c.day("received_on", values.get("received_on"), required=True)
        if out["received_on"] is not None and out["received_on"] > today:
            c.fail("received_on", Problem.IN_FUTURE)
    if want("channel"):
        out["channel"] = c.code("channel", LoketChannel, values.get("channel"))
    if want("asker"):
        out["asker"] = c.code("asker", LoketAsker, values.get("asker"))
    if want("topic"):
        out["topic"] = c.text("topic", values.get("topic"), required=True, max_len=200)
    if want("answer"):
        out["answer"] = c.text("answer", values.get("answer"), max_len=4000)
    if want("to_coach_id"):
        out["to_coach_id"] = c.ref("to_coach_id", values.get("to_coach_id")) or None
    if want("follow_up_on"):
        out["follow_up_on"] = c.day("follow_up_on", values.get("follow_up_on"))
    if want("outcome"):
        out["outcome"] = c.code("outcome", LoketOutcome, values.get("outcome"), required=False)
    if want("outcome_id"):
        out["outcome_id"] = c.ref("outcome_id", values.get("outcome_id")) or None
    if want("name"):
        out["name"] = c.optional_text("name", values.get("name"), max_len=200)
    if want("contact"):
        out["contact"] = _contact(c, values.get("contact"))
    received, follow = out.get("received_on"), out.get("follow_up_on")
    if received is not None and follow is not None and follow < received:
        c.fail("follow_up_on", Problem.FOLLOW_UP_BEFORE_QUESTION)
    c.done()
    return out


def _contact(c: Checker, value: Any) -> str | None:
    """An e-mail address or a phone number: one way to reach the asker."""
    text = "" if value is None else str(value).strip()
    if "@" in text:
        return c.email("contact", text)
    if text:
        return c.phone("contact", text)
    return c.optional_text("contact", text, max_len=320)


class LoketService(Service):
    """The loket register of the owner's SPT (see the module's docstring)."""

    def today(self) -> date:
        """The day a new question is received on, by default."""
        return self.ctx.today()

    def keeps_register(self) -> bool:
        """Does the acting coach keep the register (loket or coordinator)?"""
        with self.ctx.tx() as s:
            return self._keeps(s)

    def _keeps(self, s: Session) -> bool:
        me = s.get(Coach, self.ctx.actor_id)
        return me is not None and bool(me.role_set() & LOKET_ROLES)

    def register(self, values: Mapping[str, Any]) -> LoketQuestionDTO:
        """Record a question (the loket or a coordinator), open."""
        fields = _check(values, self.ctx.today(), partial=False)
        with self.ctx.tx() as s:
            if not self._keeps(s):
                raise RuleViolation(Code.LOKET_NOT_YOURS)
            me = load(s, Coach, self.ctx.actor_id, Thing.COACH_PROFILE)
            self._check_colleague(s, fields.get("to_coach_id"))
            row = LoketQuestion(spt=me.spt, status=LoketStatus.OPEN, recorded_by=me.id, **fields)
            s.add(row)
            s.flush()
            return self._dto(s, row)

    def update(self, question_id: str, values: Mapping[str, Any]) -> LoketQuestionDTO:
        """Change a question: the register's keepers any field, the coach it was passed
        on to her answer, follow-up and outcome. A closed one takes no name or contact."""
        fields = _check(values, self.ctx.today(), partial=True)
        with self.ctx.tx() as s:
            row = self._mine(s, question_id)
            if not self._keeps(s):
                fields.pop("to_coach_id", None)  # passing it on again is the loket's
            if "to_coach_id" in fields:
                self._check_colleague(s, fields["to_coach_id"])
            if row.status is LoketStatus.CLOSED:
                for name in PERSONAL:
                    fields.pop(name, None)
            for k, v in fields.items():
                setattr(row, k, v)
            self._check_link(s, row)
            if row.follow_up_on is not None and row.follow_up_on < row.received_on:
                raise ValidationError(
                    {"follow_up_on": FieldError(Problem.FOLLOW_UP_BEFORE_QUESTION)}
                )
            s.flush()
            return self._dto(s, row)

    def close(self, question_id: str, values: Mapping[str, Any] | None = None) -> LoketQuestionDTO:
        """Close a question with what was answered and what it became: its name and
        contact are cleared (and the unsaved form about it dropped)."""
        given = dict(values or {})
        fields = _check({k: v for k, v in given.items() if k in CLOSING_FIELDS},
                        self.ctx.today(), partial=True)  # fmt: skip
        with self.ctx.tx() as s:
            row = self._mine(s, question_id)
            for k, v in fields.items():
                setattr(row, k, v)
            self._check_link(s, row)
            row.status = LoketStatus.CLOSED
            row.closed_on = row.closed_on or self.ctx.today()
            row.follow_up_on = None
            row.name = row.contact = None
            s.flush()
            drop_question_drafts(s.connection(), [row.id])
            return self._dto(s, row)

    def link(self, question_id: str, outcome: LoketOutcome, record_id: str) -> LoketQuestionDTO:
        """What the question became, with the record it became (kept open: closing is
        the coach's or the loket's next step)."""
        with self.ctx.tx() as s:
            row = self._mine(s, question_id)
            row.outcome, row.outcome_id = outcome, record_id
            s.flush()
            return self._dto(s, row)

    def referral_prefill(self, question_id: str) -> dict[str, Any]:
        """The referral form's values from a question (``refer``): the asker's name split
        in first and last name, her contact as e-mail or phone, the topic as the
        question, what was answered as what is known. Nothing is typed again."""
        q = self.get(question_id)
        first, _, last = (q.name or "").strip().partition(" ")
        contact = q.contact or ""
        return {
            "first_name": first,
            "last_name": last,
            "email": contact if "@" in contact else "",
            "phone": "" if "@" in contact else contact,
            "referrer_kind": "self",
            "referred_on": q.received_on,
            "question": q.topic,
            "known": q.answer,
        }

    def refer(self, question_id: str, values: Mapping[str, Any]) -> LoketQuestionDTO:
        """ "Doorzetten als aanmelding": the question becomes a referral (``values``: the
        referral form, see ``referral_prefill``), which waits for the coordinator's
        Toewijzen. The question records the link and is closed: the person's data now
        live in the referral, so the question's name and contact are cleared. One
        transaction: both or neither."""
        from spt_desktop.services.referrals import ReferralService

        with self.ctx.tx() as s:
            row = self._mine(s, question_id)
            if not self._keeps(s) or row.status is not LoketStatus.OPEN:
                raise RuleViolation(Code.LOKET_NOT_YOURS)
            given = {**values, "coach_id": None}
            given["referred_on"] = values.get("referred_on") or row.received_on
            referral = ReferralService(self.ctx).record(given)
            link = {"outcome": LoketOutcome.REFERRAL.value, "outcome_id": referral.id}
            return self.close(question_id, link)

    def link_targets(self) -> list[LoketLink]:
        """What a closed question can link to: the SPT's vacancies (open first) and the
        employer contacts of the last ``LINK_DAYS`` days, newest first."""
        since = self.ctx.today() - timedelta(days=LINK_DAYS)
        with self.ctx.tx() as s:
            vacancies = s.execute(
                sa.select(Vacancy.id, Vacancy.title, Employer.name)
                .join(Employer, Employer.id == Vacancy.employer_id)
                .where(~Vacancy.deleted, ~Employer.deleted)
                .order_by(Vacancy.status != VacancyStatus.OPEN, Employer.name, Vacancy.title)
            )
            contacts = s.execute(
                sa.select(EmployerContact.id, EmployerContact.held_on, Employer.name)
                .join(Employer, Employer.id == EmployerContact.employer_id)
                .where(~EmployerContact.deleted, EmployerContact.held_on >= since)
                .order_by(EmployerContact.held_on.desc(), Employer.name)
            )
            return [
                *(LoketLink(str(i), LoketOutcome.VACANCY, f"Vacature: {t} — {e}")
                  for i, t, e in vacancies),
                *(LoketLink(str(i), LoketOutcome.EMPLOYER_CONTACT,
                            f"Werkgeverscontact {d:%d-%m-%Y}: {e}") for i, d, e in contacts),
            ]  # fmt: skip

    @staticmethod
    def _check_link(s: Session, row: LoketQuestion) -> None:
        """The linked record exists here and is what the question became."""
        if row.outcome_id is None:
            return
        kinds = (
            (Vacancy, LoketOutcome.VACANCY),
            (EmployerContact, LoketOutcome.EMPLOYER_CONTACT),
            (Referral, LoketOutcome.REFERRAL),
            (Candidate, LoketOutcome.REFERRAL),
        )
        found = next((kind for model, kind in kinds if s.get(model, row.outcome_id)), None)
        if found is None:
            raise ValidationError({"outcome_id": FieldError(Problem.LINK_UNKNOWN)})
        if row.outcome is None:
            row.outcome = found
        elif row.outcome is not found:
            raise ValidationError({"outcome_id": FieldError(Problem.LINK_MISMATCH)})

    def get(self, question_id: str) -> LoketQuestionDTO:
        with self.ctx.tx() as s:
            return self._dto(s, self._mine(s, question_id))

    def questions(self, *, open_only: bool = False) -> list[LoketQuestionDTO]:
        """The register as the acting coach sees it (the keepers: the SPT's; a coach:
        those passed on to her), newest first; open ones first."""
        with self.ctx.tx() as s:
            q = sa.select(LoketQuestion).where(~LoketQuestion.deleted)
            if not self._keeps(s):
                q = q.where(LoketQuestion.to_coach_id == self.ctx.actor_id)
            if open_only:
                q = q.where(LoketQuestion.status == LoketStatus.OPEN)
            q = q.order_by(
                (LoketQuestion.status == LoketStatus.CLOSED),
                LoketQuestion.received_on.desc(),
                LoketQuestion.id,
            )
            names = self._names(s)
            return [self._dto(s, r, names) for r in s.scalars(q)]

    def colleagues(self) -> list[LoketColleague]:
        """The coaches of the SPT a question can be passed on to, by name."""
        with self.ctx.tx() as s:
            out = []
            for coach in s.scalars(sa.select(Coach).where(~Coach.deleted).order_by(Coach.name)):
                held = [r for r in COACH_ROLES if r in coach.role_set()]
                if held:
                    out.append(LoketColleague(coach.id, coach.name,
                                              ", ".join(r.label for r in held)))  # fmt: skip
            return out

    def _mine(self, s: Session, question_id: str) -> LoketQuestion:
        row = load(s, LoketQuestion, question_id, Thing.LOKET_QUESTION)
        if not self._keeps(s) and row.to_coach_id != self.ctx.actor_id:
            raise NotFound(Thing.LOKET_QUESTION)
        return row

    @staticmethod
    def _check_colleague(s: Session, coach_id: str | None) -> None:
        if coach_id is None:
            return
        coach = s.get(Coach, coach_id)
        if coach is None or coach.deleted:
            raise ValidationError({"to_coach_id": FieldError(Problem.CHOOSE_A_COLLEAGUE)})
        if not coach.role_set() & set(COACH_ROLES):
            raise RuleViolation(Code.ROLE_NOT_HELD, role=Role.LOOPBAANCOACH.value)

    @staticmethod
    def _names(s: Session) -> dict[str, str]:
        return {str(i): str(n) for i, n in s.execute(sa.select(Coach.id, Coach.name))}

    def _dto(
        self, s: Session, row: LoketQuestion, names: dict[str, str] | None = None
    ) -> LoketQuestionDTO:
        if names is None:
            names = self._names(s)
        return LoketQuestionDTO(
            id=row.id, received_on=row.received_on, channel=row.channel, asker=row.asker,
            topic=row.topic, answer=row.answer, to_coach_id=row.to_coach_id,
            to_coach_name=names.get(row.to_coach_id or "", ""), follow_up_on=row.follow_up_on,
            status=row.status, closed_on=row.closed_on, outcome=row.outcome,
            outcome_id=row.outcome_id, name=row.name, contact=row.contact,
        )  # fmt: skip


def loket_follow_ups(s: Session, me: str, keeps: bool, day: date) -> list[LoketQuestion]:
    """Open questions whose follow-up is due on ``day``: those passed on to ``me``, and
    for the register's keepers those not passed on to anyone."""
    whose = LoketQuestion.to_coach_id == me
    if keeps:
        whose = sa.or_(whose, LoketQuestion.to_coach_id.is_(None))
    q = (
        sa.select(LoketQuestion)
        .where(~LoketQuestion.deleted, LoketQuestion.status == LoketStatus.OPEN,
               LoketQuestion.follow_up_on <= day, whose)
        .order_by(LoketQuestion.follow_up_on)
    )  # fmt: skip
    return list(s.scalars(q))
