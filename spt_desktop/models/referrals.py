"""Referrals (aanmeldingen): the warm handover into the SPT, and the feedback letters
(terugkoppeling) sent back to the referrer (issue 16 §1)."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from spt_common.enums import (
    LetterMoment,
    ReferralNotStarted,
    ReferralSource,
    ReferralStatus,
    Spt,
)
from spt_desktop.models.base import Base, Code, Synced


class Referral(Synced, Base):
    """A person referred to the SPT by a Werkcentrum, UWV, a gemeente, a campaign, ...

    ``coach_id`` and ``candidate_id`` are plain ids, not foreign keys: the loket and the
    coordinator receive referrals whose coach or candidate their vault may never hold."""

    __tablename__ = "referral"
    __sync_entity__ = "referral"

    spt: Mapped[Spt] = mapped_column(Code(Spt))
    referred_on: Mapped[date] = mapped_column(sa.Date)
    referrer_kind: Mapped[ReferralSource] = mapped_column(Code(ReferralSource))
    referrer_region: Mapped[str | None] = mapped_column(sa.String(100))  # a werkcentrum's
    campaign: Mapped[str | None] = mapped_column(sa.String(200))  # a campaign's name
    referrer_organisation: Mapped[str] = mapped_column(sa.String(200), default="")
    referrer_person: Mapped[str] = mapped_column(sa.String(200), default="")
    referrer_contact: Mapped[str] = mapped_column(sa.String(320), default="")
    first_name: Mapped[str] = mapped_column(sa.String(100))
    last_name: Mapped[str] = mapped_column(sa.String(150))
    email: Mapped[str | None] = mapped_column(sa.String(320))
    phone: Mapped[str | None] = mapped_column(sa.String(40))
    municipality: Mapped[str] = mapped_column(sa.String(100), default="")
    question: Mapped[str] = mapped_column(sa.Text, default="")
    known: Mapped[str] = mapped_column(sa.Text, default="")  # what is already known
    consent_spt: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    consent_report_back: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    status: Mapped[ReferralStatus] = mapped_column(Code(ReferralStatus))
    intake_on: Mapped[date | None] = mapped_column(sa.Date)
    not_started_reason: Mapped[ReferralNotStarted | None] = mapped_column(Code(ReferralNotStarted))
    not_started_note: Mapped[str | None] = mapped_column(sa.Text)
    coach_id: Mapped[str | None] = mapped_column(sa.String(36), index=True)
    candidate_id: Mapped[str | None] = mapped_column(sa.String(36), index=True)
    recorded_by: Mapped[str] = mapped_column(sa.String(36))


class ReferralLetter(Synced, Base):
    """A terugkoppeling printed for the referrer: which moment, when, to whom. Written
    once (the dossier shows what was sent when); the letter itself is not kept."""

    __tablename__ = "referral_letter"
    __sync_entity__ = "referral_letter"
    __append_only__ = True

    candidate_id: Mapped[str] = mapped_column(
        sa.ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    referral_id: Mapped[str | None] = mapped_column(sa.String(36))
    moment: Mapped[LetterMoment] = mapped_column(Code(LetterMoment))
    sent_on: Mapped[date] = mapped_column(sa.Date)
    coach_id: Mapped[str] = mapped_column(sa.ForeignKey("coach.id"))
    recipient: Mapped[str] = mapped_column(sa.String(300), default="")
