"""Coaches, candidates and what belongs to the person: consent, assignment, intake, notes."""

# No ``from __future__ import annotations``: see models/base.py.

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from spt_common.enums import (
    BenefitStatus,
    CandidateStatus,
    ClosingOutcome,
    ConsentPurpose,
    LanguageLevel,
    Persona,
    Phase,
    ReferralSource,
    Role,
    Spt,
)
from spt_common.names import TUSSENVOEGSELS
from spt_desktop.models.base import Base, Code, Synced


def sort_name_sql(last: str = "last_name", first: str = "first_name") -> str:
    """SQL of a candidate's caseload sort key, as ``spt_common.names.sort_name``: the
    last name lower-cased without its tussenvoegsel, then the first name. Computed by
    SQLite (a generated column), so every writer — ORM, bulk loader, sync — keeps it
    right, and an index serves the caseload's first page without sorting 20,000 rows."""
    low = f"lower({last})"
    cases = " ".join(
        f"WHEN substr({low}, 1, {len(p)}) = '{p.replace(chr(39), chr(39) * 2)}' "
        f"THEN substr({low}, {len(p) + 1})"
        for p in TUSSENVOEGSELS
    )
    return f"(CASE {cases} ELSE {low} END) || char(1) || lower({first})"


class Coach(Synced, Base):
    """A colleague known to this vault: the owner, and everyone she hands over to."""

    __tablename__ = "coach"
    __sync_entity__ = "coach"

    name: Mapped[str] = mapped_column(sa.String(200))
    email: Mapped[str] = mapped_column(sa.String(320), index=True)
    # Comma-separated role codes: roles can be combined in one person (whitepaper §3.1).
    roles: Mapped[str] = mapped_column(sa.String(200))
    spt: Mapped[Spt] = mapped_column(Code(Spt))

    def role_set(self) -> frozenset[Role]:
        return frozenset(Role(r) for r in self.roles.split(",") if r)


class Candidate(Synced, Base):
    """A zij-instromer guided by the SPT. No BSN: the SPT has no legal basis for it."""

    __tablename__ = "candidate"
    __sync_entity__ = "candidate"
    # The caseload walks this index in name order; it holds the filter columns so the walk
    # reads no table row to filter (migration 0004).
    __table_args__ = (
        sa.Index(
            "ix_candidate_sort_name", "sort_name", "id", "deleted", "phase", "persona", "status"
        ),
    )

    first_name: Mapped[str] = mapped_column(sa.String(100))
    last_name: Mapped[str] = mapped_column(sa.String(150))
    birth_date: Mapped[date | None] = mapped_column(sa.Date)
    email: Mapped[str | None] = mapped_column(sa.String(320))
    phone: Mapped[str | None] = mapped_column(sa.String(40))
    municipality: Mapped[str] = mapped_column(sa.String(100))
    spt: Mapped[Spt] = mapped_column(Code(Spt))
    labour_market_region: Mapped[str] = mapped_column(sa.String(100))
    referral_source: Mapped[ReferralSource] = mapped_column(Code(ReferralSource))
    persona: Mapped[Persona] = mapped_column(Code(Persona), index=True)
    benefit_status: Mapped[BenefitStatus] = mapped_column(Code(BenefitStatus))
    language_level: Mapped[LanguageLevel | None] = mapped_column(Code(LanguageLevel))
    hours_per_week: Mapped[int | None] = mapped_column(sa.Integer)
    availability: Mapped[str | None] = mapped_column(sa.Text)
    salary_expectation: Mapped[int | None] = mapped_column(sa.Integer)  # euro per month, gross
    skills: Mapped[str | None] = mapped_column(sa.Text)
    interests: Mapped[str | None] = mapped_column(sa.Text)
    motivation: Mapped[str | None] = mapped_column(sa.Text)
    notes: Mapped[str | None] = mapped_column(sa.Text)
    phase: Mapped[Phase] = mapped_column(Code(Phase), index=True)
    status: Mapped[CandidateStatus] = mapped_column(Code(CandidateStatus), index=True)
    registered_on: Mapped[date] = mapped_column(sa.Date)
    next_follow_up: Mapped[date | None] = mapped_column(sa.Date, index=True)
    # The dossier's end (status closed): its outcome and the day, from which the SPT's
    # retention period counts (migration 0009). Both None while the dossier is open.
    closed_on: Mapped[date | None] = mapped_column(sa.Date)
    closing_outcome: Mapped[ClosingOutcome | None] = mapped_column(Code(ClosingOutcome))
    # Never written by Python: SQLite computes it (see sort_name_sql); not synced or exported.
    sort_name: Mapped[str] = mapped_column(
        sa.Text, sa.Computed(sort_name_sql(), persisted=False), deferred=True
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Consent(Synced, Base):
    """Consent for one purpose (AVG). Withdrawing it is a change like any other."""

    __tablename__ = "consent"
    __sync_entity__ = "consent"

    candidate_id: Mapped[str] = mapped_column(
        sa.ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[ConsentPurpose] = mapped_column(Code(ConsentPurpose))
    granted: Mapped[bool] = mapped_column(sa.Boolean)
    recorded_on: Mapped[date] = mapped_column(sa.Date)
    recorded_by: Mapped[str] = mapped_column(sa.ForeignKey("coach.id"))
    withdrawn_on: Mapped[date | None] = mapped_column(sa.Date)


class Assignment(Synced, Base):
    """Which coach guides a candidate in which role."""

    __tablename__ = "assignment"
    __sync_entity__ = "assignment"

    candidate_id: Mapped[str] = mapped_column(
        sa.ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    coach_id: Mapped[str] = mapped_column(sa.ForeignKey("coach.id"), index=True)
    role: Mapped[Role] = mapped_column(Code(Role))
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)


class Intake(Synced, Base):
    """The intake conversation and the profile drawn from it."""

    __tablename__ = "intake"
    __sync_entity__ = "intake"

    candidate_id: Mapped[str] = mapped_column(
        sa.ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date] = mapped_column(sa.Date)
    coach_id: Mapped[str] = mapped_column(sa.ForeignKey("coach.id"))
    background: Mapped[str] = mapped_column(sa.Text, default="")
    motivation: Mapped[str] = mapped_column(sa.Text, default="")
    wishes: Mapped[str] = mapped_column(sa.Text, default="")
    obstacles: Mapped[str] = mapped_column(sa.Text, default="")
    persona_rationale: Mapped[str] = mapped_column(sa.Text, default="")


class Note(Synced, Base):
    """A dated note in the dossier. Append-only: corrections are new notes."""

    __tablename__ = "note"
    __sync_entity__ = "note"
    __append_only__ = True

    candidate_id: Mapped[str] = mapped_column(
        sa.ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[str] = mapped_column(sa.ForeignKey("coach.id"))
    written_at: Mapped[datetime] = mapped_column(sa.DateTime)
    text: Mapped[str] = mapped_column(sa.Text)
    # An aanvulling on a signed-off visit points at it (migration 0008: a plain
    # reference, no constraint); an ordinary gespreksverslag has none.
    visit_id: Mapped[str | None] = mapped_column(sa.String(36), index=True)
