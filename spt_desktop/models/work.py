"""The employer side: employers, contact persons, vacancies and future needs, matches,
placements with their retention checkpoints, and the jobcoach's visits."""

# No ``from __future__ import annotations``: see models/base.py.

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from spt_common.enums import (
    BranchOrganisation,
    CheckpointOutcome,
    ContractKind,
    EmployerContactKind,
    LanguageLevel,
    MatchParty,
    MatchStatus,
    Sector,
    Spt,
    TrainingFund,
    TransitionReadiness,
    VacancyKind,
    VacancySource,
    VacancyStatus,
    VisitMode,
    WorkLevel,
    WorkPattern,
)
from spt_desktop.models.base import Base, Code, Synced


class Employer(Synced, Base):
    """An employer in the SPT's shared registry, with its in-company guidance capacity."""

    __tablename__ = "employer"
    __sync_entity__ = "employer"

    name: Mapped[str] = mapped_column(sa.String(200), index=True)
    sector: Mapped[Sector] = mapped_column(Code(Sector))
    municipality: Mapped[str] = mapped_column(sa.String(100))
    spt: Mapped[Spt] = mapped_column(Code(Spt))
    address: Mapped[str] = mapped_column(sa.String(300), default="")
    praktijkopleiders: Mapped[int] = mapped_column(sa.Integer, default=0)
    middenkader: Mapped[int] = mapped_column(sa.Integer, default=0)
    guidance_notes: Mapped[str] = mapped_column(sa.Text, default="")
    # Vault 0009: the branch, its training fund, and the transitiebereidheid (lesson 8).
    branch: Mapped[BranchOrganisation | None] = mapped_column(Code(BranchOrganisation))
    training_fund: Mapped[TrainingFund | None] = mapped_column(Code(TrainingFund))
    transition_readiness: Mapped[TransitionReadiness | None] = mapped_column(
        Code(TransitionReadiness)
    )
    transition_notes: Mapped[str | None] = mapped_column(sa.Text)


class ContactPerson(Synced, Base):
    __tablename__ = "contact_person"
    __sync_entity__ = "contact_person"

    employer_id: Mapped[str] = mapped_column(
        sa.ForeignKey("employer.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(200))
    function: Mapped[str] = mapped_column(sa.String(200), default="")
    email: Mapped[str | None] = mapped_column(sa.String(320))
    phone: Mapped[str | None] = mapped_column(sa.String(40))
    left_on: Mapped[date | None] = mapped_column(sa.Date)  # no longer with the employer


class Vacancy(Synced, Base):
    """An open vacancy, or a future need talked through with the employer (lesson 10)."""

    __tablename__ = "vacancy"
    __sync_entity__ = "vacancy"

    employer_id: Mapped[str] = mapped_column(
        sa.ForeignKey("employer.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[VacancyKind] = mapped_column(Code(VacancyKind))
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    hours_per_week: Mapped[int | None] = mapped_column(sa.Integer)
    positions: Mapped[int] = mapped_column(sa.Integer, default=1)
    expected_on: Mapped[date | None] = mapped_column(sa.Date)  # when a future need arises
    status: Mapped[VacancyStatus] = mapped_column(Code(VacancyStatus))
    # Vault 0009: what shows the whitepaper's gaps beside a candidate (hours above).
    work_pattern: Mapped[WorkPattern | None] = mapped_column(Code(WorkPattern))
    salary_min: Mapped[int | None] = mapped_column(sa.Integer)  # gross euro a month
    salary_max: Mapped[int | None] = mapped_column(sa.Integer)
    language_level: Mapped[LanguageLevel | None] = mapped_column(Code(LanguageLevel))
    work_level: Mapped[WorkLevel | None] = mapped_column(Code(WorkLevel))
    bbl_possible: Mapped[bool | None] = mapped_column(sa.Boolean)  # BBL / leerwerkplek
    source: Mapped[VacancySource | None] = mapped_column(Code(VacancySource))


class EmployerContact(Synced, Base):
    """One contact of the employer approach (lesson 7): a visit, a call, a matchtafel, a
    session or a banenmarkt, what was agreed, and when to follow up. SPT-wide, like the
    employer; its follow-up is the coach's who logged it."""

    __tablename__ = "employer_contact"
    __sync_entity__ = "employer_contact"

    employer_id: Mapped[str] = mapped_column(
        sa.ForeignKey("employer.id", ondelete="CASCADE"), index=True
    )
    contact_person_id: Mapped[str | None] = mapped_column(sa.ForeignKey("contact_person.id"))
    coach_id: Mapped[str] = mapped_column(sa.ForeignKey("coach.id"), index=True)
    held_on: Mapped[date] = mapped_column(sa.Date)
    kind: Mapped[EmployerContactKind] = mapped_column(Code(EmployerContactKind))
    agreements: Mapped[str] = mapped_column(sa.Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(sa.Date, index=True)
    follow_up_done_on: Mapped[date | None] = mapped_column(sa.Date)


class Match(Synced, Base):
    """A candidate matched to an employer (and maybe a vacancy), with the coach's 'klik'.
    Each step keeps its date; a 'no' keeps who said it and why (migration 0011)."""

    __tablename__ = "match"
    __sync_entity__ = "match"

    candidate_id: Mapped[str] = mapped_column(
        sa.ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    # An id, not a foreign key (migration 0017): the employer and vacancy may be another
    # SPT's, which this device never receives (a coach gets her own SPT's registries).
    employer_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    vacancy_id: Mapped[str | None] = mapped_column(sa.String(36))
    coach_id: Mapped[str] = mapped_column(sa.ForeignKey("coach.id"))
    status: Mapped[MatchStatus] = mapped_column(Code(MatchStatus))
    klik: Mapped[int | None] = mapped_column(sa.Integer)  # 1..5, the coach's judgement
    proposed_on: Mapped[date] = mapped_column(sa.Date)
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    introduced_on: Mapped[date | None] = mapped_column(sa.Date)  # kennismaking
    trial_on: Mapped[date | None] = mapped_column(sa.Date)  # proefplaatsing
    hired_on: Mapped[date | None] = mapped_column(sa.Date)  # aangenomen
    declined_on: Mapped[date | None] = mapped_column(sa.Date)
    declined_by: Mapped[MatchParty | None] = mapped_column(Code(MatchParty))
    declined_reason: Mapped[str | None] = mapped_column(sa.Text)


class Placement(Synced, Base):
    """A candidate at work; retention checkpoints measure the duurzame plaatsing."""

    __tablename__ = "placement"
    __sync_entity__ = "placement"

    candidate_id: Mapped[str] = mapped_column(
        sa.ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    # An id, not a foreign key (migration 0017): the employer and vacancy may be another
    # SPT's, which this device never receives (a coach gets her own SPT's registries).
    employer_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    vacancy_id: Mapped[str | None] = mapped_column(sa.String(36))
    match_id: Mapped[str | None] = mapped_column(sa.ForeignKey("match.id"))
    jobcoach_id: Mapped[str | None] = mapped_column(sa.ForeignKey("coach.id"))
    job_title: Mapped[str] = mapped_column(sa.String(200))
    contract: Mapped[ContractKind] = mapped_column(Code(ContractKind))
    starts_on: Mapped[date] = mapped_column(sa.Date)
    ended_on: Mapped[date | None] = mapped_column(sa.Date)
    hours_per_week: Mapped[int | None] = mapped_column(sa.Integer)
    # The employer's opleidingsfonds that pays training once the candidate is in work.
    fund: Mapped[TrainingFund | None] = mapped_column(Code(TrainingFund))


class RetentionCheckpoint(Synced, Base):
    """A retention checkpoint (1, 3, 6, 12 months after the start): still in service or
    not (``outcome``), and what the coach heard (``note``, migration 0009)."""

    __tablename__ = "retention_checkpoint"
    __sync_entity__ = "retention_checkpoint"

    candidate_id: Mapped[str] = mapped_column(
        sa.ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    placement_id: Mapped[str] = mapped_column(
        sa.ForeignKey("placement.id", ondelete="CASCADE"), index=True
    )
    months: Mapped[int] = mapped_column(sa.Integer)
    due_on: Mapped[date] = mapped_column(sa.Date, index=True)
    done_on: Mapped[date | None] = mapped_column(sa.Date)
    outcome: Mapped[CheckpointOutcome | None] = mapped_column(Code(CheckpointOutcome))
    note: Mapped[str | None] = mapped_column(sa.Text)


class Visit(Synced, Base):
    """A jobcoach check-in at the workplace. Editable until signed off, then append-only."""

    __tablename__ = "visit"
    __sync_entity__ = "visit"
    # Vandaag's "latest visit per candidate" reads this index alone (migration 0005).
    __table_args__ = (
        sa.Index("ix_visit_latest", "candidate_id", "visited_at", "deleted", "follow_up_on"),
    )

    candidate_id: Mapped[str] = mapped_column(
        sa.ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    placement_id: Mapped[str | None] = mapped_column(sa.ForeignKey("placement.id"))
    # An id, not a foreign key (migration 0017): another SPT's employer is not on this
    # device.
    employer_id: Mapped[str | None] = mapped_column(sa.String(36))
    coach_id: Mapped[str] = mapped_column(sa.ForeignKey("coach.id"))
    visited_at: Mapped[datetime] = mapped_column(sa.DateTime, index=True)
    site: Mapped[str] = mapped_column(sa.String(200), default="")
    mode: Mapped[VisitMode] = mapped_column(Code(VisitMode))
    attendees: Mapped[str] = mapped_column(sa.Text, default="")
    topics: Mapped[str] = mapped_column(sa.Text, default="")
    progress_score: Mapped[int | None] = mapped_column(sa.Integer)  # 1..5
    wellbeing_score: Mapped[int | None] = mapped_column(sa.Integer)  # 1..5
    agreements: Mapped[str] = mapped_column(sa.Text, default="")
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(sa.Date, index=True)
    dropout_risk: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    signed_off_at: Mapped[datetime | None] = mapped_column(sa.DateTime)
