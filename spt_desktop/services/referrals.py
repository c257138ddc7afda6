"""Referrals (aanmeldingen, the warm handover into the SPT) and the terugkoppeling to the
referrer (issue 16 §1).

A referral comes in at the loket or through a coach, waits in the coordinator's Toewijzen
view until a loopbaancoach has it, and becomes a candidate when she accepts it: the
candidate form opens with everything the referral knows (``prefill``), and ``accept``
registers her and keeps the link. At intake, placement, uitval and closing the coach can
print a short letter for the referrer, only with the candidate's consent to share with
referrers (``share_referrer_funder``); each letter printed is kept (``ReferralLetter``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common.enums import (
    ConsentPurpose,
    LetterMoment,
    ReferralNotStarted,
    ReferralSource,
    ReferralStatus,
)
from spt_desktop.errors import Code, FieldError, Problem, Thing
from spt_desktop.models import (
    Candidate,
    Coach,
    Dropout,
    Employer,
    Intake,
    Note,
    Placement,
    Referral,
    ReferralLetter,
)
from spt_desktop.models.referrals import PERSONAL, drop_referral_drafts
from spt_desktop.models.regions import canonical_municipality
from spt_desktop.print.data import Letterhead
from spt_desktop.print.letter_data import ReferralLetterData
from spt_desktop.services.base import Service, load
from spt_desktop.services.dto import CandidateDTO, from_row
from spt_desktop.services.errors import RuleViolation, ValidationError
from spt_desktop.services.validation import Checker

# What a referral form may hold (``record``); status, SPT and links are the service's.
RECORD_FIELDS = {
    "referred_on", "referrer_kind", "referrer_region", "campaign", "referrer_organisation",
    "referrer_person", "referrer_contact", "first_name", "last_name", "email", "phone",
    "municipality", "question", "known", "consent_spt", "consent_report_back", "coach_id",
}  # fmt: skip
__all__ = ["ReferralDTO", "ReferralLetterDTO", "ReferralLetterData", "ReferralService"]
OPEN = (ReferralStatus.RECEIVED, ReferralStatus.INTAKE_PLANNED)
LONG_TEXT = 4000


@dataclass(frozen=True)
class ReferralDTO:
    """One referral as the coach, the loket and the coordinator see it."""

    id: str
    spt: str
    referred_on: date
    referrer_kind: ReferralSource
    referrer_region: str | None
    campaign: str | None
    referrer_organisation: str
    referrer_person: str
    referrer_contact: str
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    municipality: str
    question: str
    known: str
    consent_spt: bool
    consent_report_back: bool
    status: ReferralStatus
    intake_on: date | None
    not_started_reason: ReferralNotStarted | None
    not_started_note: str | None
    coach_id: str | None
    candidate_id: str | None
    recorded_by: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def referrer(self) -> str:
        """Who referred, in one line: "Werkcentrum Zaanstad (Zaanstreek-Waterland)",
        "Campagne: Techniek doe je zo", "UWV: UWV Werkbedrijf"."""
        label = self.referrer_kind.label
        if self.referrer_kind is ReferralSource.CAMPAIGN and self.campaign:
            return f"{label}: {self.campaign}"
        org = self.referrer_organisation
        name = label if not org else org if label.lower() in org.lower() else f"{label}: {org}"
        return f"{name} ({self.referrer_region})" if self.referrer_region else name


@dataclass(frozen=True)
class ReferralLetterDTO:
    """A terugkoppeling that was printed: which moment, when, to whom, by whom."""

    id: str
    candidate_id: str
    referral_id: str | None
    moment: LetterMoment
    sent_on: date
    coach_id: str
    recipient: str


def _dto(row: Referral) -> ReferralDTO:
    return from_row(ReferralDTO, row)


def check_referral(values: Mapping[str, Any], today: date) -> dict[str, Any]:
    """The validated fields of a new referral; ``ValidationError`` (field → ``Problem``)
    on bad input."""
    c = Checker()
    for name in sorted(set(values) - RECORD_FIELDS):
        c.fail(name, Problem.UNKNOWN_FIELD)
    out: dict[str, Any] = {}
    kind = c.code("referrer_kind", ReferralSource, values.get("referrer_kind"))
    out["referrer_kind"] = kind
    out["referred_on"] = c.day("referred_on", values.get("referred_on")) or today
    if out["referred_on"] > today:
        c.fail("referred_on", Problem.IN_FUTURE)
    out["referrer_region"] = c.optional_text(
        "referrer_region", values.get("referrer_region"), max_len=100
    )
    out["campaign"] = c.optional_text("campaign", values.get("campaign"))
    if kind is ReferralSource.CAMPAIGN and not out["campaign"]:
        c.fail("campaign", Problem.REQUIRED)  # which campaign brought her
    out["referrer_organisation"] = c.text(
        "referrer_organisation", values.get("referrer_organisation")
    )
    out["referrer_person"] = c.text("referrer_person", values.get("referrer_person"))
    out["referrer_contact"] = c.text(
        "referrer_contact", values.get("referrer_contact"), max_len=320
    )
    out["first_name"] = c.text("first_name", values.get("first_name"), required=True, max_len=100)
    out["last_name"] = c.text("last_name", values.get("last_name"), required=True, max_len=150)
    out["email"] = c.email("email", values.get("email"))
    out["phone"] = c.phone("phone", values.get("phone"))
    town = c.text("municipality", values.get("municipality"), max_len=100)
    out["municipality"] = (canonical_municipality(town) or town) if town else ""
    out["question"] = c.text("question", values.get("question"), max_len=LONG_TEXT)
    out["known"] = c.text("known", values.get("known"), max_len=LONG_TEXT)
    out["consent_spt"] = bool(values.get("consent_spt"))
    if not out["consent_spt"]:
        c.fail("consent_spt", Problem.REFERRAL_CONSENT_NEEDED)
    out["consent_report_back"] = bool(values.get("consent_report_back"))
    out["coach_id"] = c.ref("coach_id", values.get("coach_id")) or None
    c.done()
    return out


class ReferralService(Service):
    """Referrals in, and the terugkoppeling out."""

    # --- recording and reading -------------------------------------------------------

    def record(self, values: Mapping[str, Any]) -> ReferralDTO:
        """Record a referral (``RECORD_FIELDS``). Without ``coach_id`` it waits for the
        coordinator's Toewijzen; a coach who records one for herself names her own id.
        Status ontvangen; the SPT is the recording coach's."""
        fields = check_referral(values, self.ctx.today())
        with self.ctx.tx() as s:
            me = load(s, Coach, self.ctx.actor_id, Thing.COACH_PROFILE)
            if fields["coach_id"] is not None:
                load(s, Coach, fields["coach_id"], Thing.COLLEAGUE)
            row = Referral(**fields, spt=me.spt, status=ReferralStatus.RECEIVED, recorded_by=me.id)
            s.add(row)
            s.flush()
            return _dto(row)

    def get(self, referral_id: str) -> ReferralDTO:
        with self.ctx.tx() as s:
            return _dto(load(s, Referral, referral_id, Thing.REFERRAL))

    def mine(self) -> list[ReferralDTO]:
        """The coach's referrals still to take up (ontvangen, intake gepland), oldest
        first: what her Aanmeldingen list shows."""
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Referral)
                .where(
                    ~Referral.deleted,
                    Referral.coach_id == self.ctx.actor_id,
                    Referral.candidate_id.is_(None),
                    Referral.status.in_(OPEN),
                )
                .order_by(Referral.referred_on, Referral.last_name, Referral.id)
            )
            return [_dto(r) for r in rows]

    def at_desk(self) -> bool:
        """Is the vault's owner the loket, a coordinator or an administrator (sees every
        referral of the SPT, ``protocol.REFERRAL_DESK_ROLES``)?"""
        from spt_common.protocol import REFERRAL_DESK_ROLES

        with self.ctx.tx() as s:
            me = load(s, Coach, self.ctx.actor_id, Thing.COACH_PROFILE)
            return bool(set(me.roles.split(",")) & REFERRAL_DESK_ROLES)

    def waiting(self) -> list[ReferralDTO]:
        """What the Aanmeldingen page lists: the coach's own open referrals; at the desk
        (loket, coordinator) every open referral not taken up yet, oldest first."""
        if not self.at_desk():
            return self.mine()
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Referral)
                .where(
                    ~Referral.deleted,
                    Referral.candidate_id.is_(None),
                    Referral.status.in_(OPEN),
                )
                .order_by(Referral.referred_on, Referral.last_name, Referral.id)
            )
            return [_dto(r) for r in rows]

    def every(self) -> list[ReferralDTO]:
        """Every referral in the vault, newest first (the loket's and coordinator's vaults
        hold all of their SPT's; a coach's, hers)."""
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Referral)
                .where(~Referral.deleted)
                .order_by(Referral.referred_on.desc(), Referral.last_name, Referral.id)
            )
            return [_dto(r) for r in rows]

    def for_candidate(self, candidate_id: str) -> ReferralDTO | None:
        """The referral a candidate came in with, if any."""
        with self.ctx.tx() as s:
            row = _of_candidate(s, candidate_id)
            return _dto(row) if row is not None else None

    # --- taking it up ----------------------------------------------------------------

    def prefill(self, referral_id: str) -> dict[str, Any]:
        """The candidate form's values from the referral: nothing known is typed again."""
        r = self.get(referral_id)
        return {
            "first_name": r.first_name,
            "last_name": r.last_name,
            "email": r.email or "",
            "phone": r.phone or "",
            "municipality": r.municipality,
            "referral_source": r.referrer_kind.value,
            "consent": r.consent_spt,
            "share_referrer_funder": r.consent_report_back,
        }

    def plan_intake(self, referral_id: str, on: date) -> ReferralDTO:
        """Ontvangen → intake gepland, on ``on``."""
        c = Checker()
        day = c.day("intake_on", on, required=True)
        c.done()
        with self.ctx.tx() as s:
            row = self._open_one(s, referral_id)
            row.intake_on, row.status = day, ReferralStatus.INTAKE_PLANNED
            s.flush()
            return _dto(row)

    def not_started(self, referral_id: str, reason: ReferralNotStarted | str) -> ReferralDTO:
        """The referral did not become a journey, and why: the reason's code only. No
        note: a done referral keeps none (``PERSONAL``; DESIGN.md), so none is asked."""
        c = Checker()
        why = c.code("not_started_reason", ReferralNotStarted, reason)
        c.done()
        with self.ctx.tx() as s:
            row = self._open_one(s, referral_id)
            row.status, row.not_started_reason = ReferralStatus.NOT_STARTED, why
            _forget(s, row)
            return _dto(row)

    def accept(
        self,
        referral_id: str,
        profile: Mapping[str, Any],
        consents: Mapping[ConsentPurpose, bool],
    ) -> CandidateDTO:
        """Register the candidate of the referral (``profile`` and ``consents`` as the
        candidate form gives them, started from ``prefill``), keep the link, note the
        referral's question and what was known in her dossier: in begeleiding. One
        transaction: a refused registration leaves the referral as it was."""
        from spt_desktop.services.candidates import CandidateService

        with self.ctx.tx() as s:
            row = self._open_one(s, referral_id)
            if row.coach_id not in (None, self.ctx.actor_id):
                raise RuleViolation(Code.REFERRAL_NOT_YOURS)
            cand = CandidateService(self.ctx).register(profile, consents)
            row.candidate_id, row.coach_id = cand.id, self.ctx.actor_id
            row.status = ReferralStatus.IN_GUIDANCE
            text = _note_text(_dto(row))
            if text:
                s.add(
                    Note(
                        candidate_id=cand.id,
                        author_id=self.ctx.actor_id,
                        written_at=self.ctx.now(),
                        text=text,
                    )
                )
            _forget(s, row)
            return cand

    def _open_one(self, s: Session, referral_id: str) -> Referral:
        row = load(s, Referral, referral_id, Thing.REFERRAL)
        if row.candidate_id is not None:
            raise RuleViolation(Code.REFERRAL_ACCEPTED)
        return row

    # --- terugkoppeling ----------------------------------------------------------------

    def letters(self, candidate_id: str) -> list[ReferralLetterDTO]:
        """The letters sent to the referrer about her, oldest first."""
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(ReferralLetter)
                .where(~ReferralLetter.deleted, ReferralLetter.candidate_id == candidate_id)
                .order_by(ReferralLetter.sent_on, ReferralLetter.modified_at)
            )
            return [from_row(ReferralLetterDTO, r) for r in rows]

    def letter(self, candidate_id: str, moment: LetterMoment | str) -> ReferralLetterData:
        """What the letter for ``moment`` says. Only with the candidate's consent to share
        with referrers: without it ``RuleViolation(REFERRER_CONSENT_MISSING)``."""
        from spt_desktop.services.documents import has_consent

        c = Checker()
        when = c.code("moment", LetterMoment, moment)
        c.done()
        assert when is not None
        today = self.ctx.today()
        with self.ctx.tx() as s:
            cand = load(s, Candidate, candidate_id, Thing.CANDIDATE)
            if not has_consent(s, cand.id, ConsentPurpose.SHARE_REFERRER_FUNDER):
                raise RuleViolation(Code.REFERRER_CONSENT_MISSING)
            facts = _facts(s, cand, when)
            if facts is None:  # the step it reports is not in the dossier (yet)
                raise ValidationError({"moment": FieldError(NOT_RECORDED[when])})
            ref = _of_candidate(s, cand.id)
            me = s.get(Coach, self.ctx.actor_id)
            return ReferralLetterData(
                letterhead=Letterhead(cand.spt, cand.labour_market_region, today),
                moment=when,
                recipient_organisation=_organisation(ref, cand),
                recipient_person=ref.referrer_person if ref else "",
                candidate_name=f"{cand.first_name} {cand.last_name}",
                referred_on=ref.referred_on if ref else None,
                facts=facts,
                coach_name=me.name if me else "",
            )

    def send_letter(self, candidate_id: str, moment: LetterMoment | str) -> ReferralLetterData:
        """``letter``, and keep that it was sent today (the dossier lists it). Refused,
        like ``letter``, without consent: then nothing is kept."""
        data = self.letter(candidate_id, moment)
        with self.ctx.tx() as s:
            ref = _of_candidate(s, candidate_id)
            recipient = ", ".join(
                x for x in (data.recipient_organisation, data.recipient_person) if x
            )
            s.add(
                ReferralLetter(
                    candidate_id=candidate_id,
                    referral_id=ref.id if ref else None,
                    moment=data.moment,
                    sent_on=self.ctx.today(),
                    coach_id=self.ctx.actor_id,
                    recipient=recipient[:300],
                )
            )
            s.flush()
        return data


def _forget(s: Session, row: Referral) -> None:
    """A done referral keeps no personal data of its candidate (``PERSONAL``; the vault's
    trigger does the same on every other write path), nor a draft of a form about it."""
    for name, empty in PERSONAL.items():
        setattr(row, name, empty)
    s.flush()
    drop_referral_drafts(s.connection(), row.id)


def _of_candidate(s: Session, candidate_id: str) -> Referral | None:
    return s.scalars(
        sa.select(Referral)
        .where(~Referral.deleted, Referral.candidate_id == candidate_id)
        .order_by(Referral.referred_on.desc())
    ).first()


def _organisation(ref: Referral | None, cand: Candidate) -> str:
    if ref is None:
        return cand.referral_source.label
    if ref.referrer_organisation:
        return ref.referrer_organisation
    if ref.referrer_kind is ReferralSource.CAMPAIGN and ref.campaign:
        return ref.campaign
    region = f" {ref.referrer_region}" if ref.referrer_region else ""
    return f"{ref.referrer_kind.label}{region}"


def _note_text(r: ReferralDTO) -> str:
    parts = [f"Aangemeld door {r.referrer} op {r.referred_on.strftime('%d-%m-%Y')}."]
    if r.referrer_person or r.referrer_contact:
        parts.append(
            "Verwijzer: " + ", ".join(x for x in (r.referrer_person, r.referrer_contact) if x)
        )
    if r.question:
        parts.append(f"Vraag: {r.question}")
    if r.known:
        parts.append(f"Al bekend: {r.known}")
    return "\n".join(parts)


# The field problem of a letter whose step the dossier does not hold (``_facts`` None).
NOT_RECORDED: dict[LetterMoment, Problem] = {
    LetterMoment.INTAKE: Problem.INTAKE_NOT_RECORDED,
    LetterMoment.PLACEMENT: Problem.PLACEMENT_NOT_RECORDED,
    LetterMoment.DROPOUT: Problem.DROPOUT_NOT_RECORDED,
    LetterMoment.CLOSING: Problem.CLOSING_NOT_RECORDED,
}


def _facts(
    s: Session, cand: Candidate, moment: LetterMoment
) -> tuple[tuple[str, str | date], ...] | None:
    """The step the letter reports and its date: no notes, no reasons, no dossier text.
    None when the dossier does not hold that step: a letter saying the intake took place
    (or she was placed, stopped, closed) is not written before it is recorded."""
    if moment is LetterMoment.INTAKE:
        held = s.scalar(
            sa.select(sa.func.max(Intake.held_on)).where(
                Intake.candidate_id == cand.id, ~Intake.deleted
            )
        )
        if held is None:
            return None
        return (("Intake gehouden op", held), ("Fase", cand.phase.label))
    if moment is LetterMoment.PLACEMENT:
        row = s.execute(
            sa.select(Placement, Employer.name)
            # Outer: the placement may be at another SPT's employer, not on this device.
            .outerjoin(Employer, Employer.id == Placement.employer_id)
            .where(Placement.candidate_id == cand.id, ~Placement.deleted)
            .order_by(Placement.starts_on.desc())
        ).first()
        if row is None:
            return None
        placement, employer = row
        # Another SPT's employer's name is not here: the letter leaves that line out.
        named = (("Werkgever", employer),) if employer is not None else ()
        return (
            *named,
            ("Functie", placement.job_title),
            ("Contract", placement.contract.label),
            ("Gestart op", placement.starts_on),
        )
    if moment is LetterMoment.DROPOUT:
        day = s.scalar(
            sa.select(sa.func.max(Dropout.occurred_on)).where(
                Dropout.candidate_id == cand.id, ~Dropout.deleted
            )
        )
        return None if day is None else (("Gestopt op", day),)
    if cand.closed_on is None:
        return None
    outcome = cand.closing_outcome.label if cand.closing_outcome else "–"
    return (("Afgesloten op", cand.closed_on), ("Uitkomst", outcome))
