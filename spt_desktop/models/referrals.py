"""Referrals (aanmeldingen): the warm handover into the SPT, and the feedback letters
(terugkoppeling) sent back to the referrer (issue 16 §1)."""

# No ``from __future__ import annotations``: see models/base.py.

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


# What a referral keeps only while it waits, and what it is cleared to once it is done
# (niet gestart, or accepted: the candidate holds them then). Migration 0016's triggers
# (0015's, with her municipality and the note on why she did not start) clear them on
# every write path; kept equal to its frozen copy by the tests.
PERSONAL: dict[str, str | None] = {
    "first_name": "", "last_name": "", "email": None, "phone": None,
    "question": "", "known": "", "municipality": "", "not_started_note": None,
}  # fmt: skip
# The forms about one referral (their ids: "<kind>:<referral id>"), which hold its data.
REFERRAL_FORMS = ("accept_referral", "referral_intake", "referral_not_started")


def is_done(status: ReferralStatus, candidate_id: str | None) -> bool:
    """Does a referral with ``status`` and ``candidate_id`` keep no personal data?"""
    return status is ReferralStatus.NOT_STARTED or candidate_id is not None


def drop_referral_drafts(conn: sa.Connection, referral_id: str) -> int:
    """Delete the drafts of the forms about ``referral_id``; returns how many."""
    from spt_desktop.models.bookkeeping import Setting
    from spt_desktop.models.drafts import draft_key

    keys = [draft_key(f"{kind}:{referral_id}") for kind in REFERRAL_FORMS]
    return int(conn.execute(sa.delete(Setting).where(Setting.key.in_(keys))).rowcount)


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
