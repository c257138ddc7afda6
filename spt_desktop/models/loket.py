"""The loket register (issue 16 §2): questions that reach the SPT's independent desk from
employers, job seekers, workers, intermediaries and schools, and what became of them.

Minimal personal data: ``name`` and ``contact`` are kept only while a question is open.
Closing clears them, whichever path writes the row (a use case, a pulled record):
vault migration 0014's trigger does it in the database itself."""

# No ``from __future__ import annotations``: see models/base.py.

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from spt_common.enums import LoketAsker, LoketChannel, LoketOutcome, LoketStatus, Spt
from spt_desktop.models.base import Base, Code, Synced


class LoketQuestion(Synced, Base):
    """One question to the loket: when and how it came in, from whom, about what, what
    was answered or to which coach it was passed on, and what it became."""

    __tablename__ = "loket_question"
    __sync_entity__ = "loket_question"

    spt: Mapped[Spt] = mapped_column(Code(Spt))
    received_on: Mapped[date] = mapped_column(sa.Date, index=True)
    channel: Mapped[LoketChannel] = mapped_column(Code(LoketChannel))
    asker: Mapped[LoketAsker] = mapped_column(Code(LoketAsker))
    topic: Mapped[str] = mapped_column(sa.String(200))
    answer: Mapped[str] = mapped_column(sa.Text, default="")
    to_coach_id: Mapped[str | None] = mapped_column(sa.ForeignKey("coach.id"), index=True)
    follow_up_on: Mapped[date | None] = mapped_column(sa.Date, index=True)
    status: Mapped[LoketStatus] = mapped_column(Code(LoketStatus))
    closed_on: Mapped[date | None] = mapped_column(sa.Date)
    outcome: Mapped[LoketOutcome | None] = mapped_column(Code(LoketOutcome))
    # The record it became (a referral or candidate, an employer contact, a vacancy): an
    # id, not a foreign key, as that record may be outside this device's scope.
    outcome_id: Mapped[str | None] = mapped_column(sa.String(36))
    name: Mapped[str | None] = mapped_column(sa.String(200))
    contact: Mapped[str | None] = mapped_column(sa.String(320))
    recorded_by: Mapped[str] = mapped_column(sa.ForeignKey("coach.id"))


# The forms about one question (their ids: "<kind>:<question id>"): the question's edit,
# closing and referral forms. Their drafts go when the question closes or leaves the
# device; a draft about a question names no candidate (``setting.candidate_id`` NULL).
QUESTION_FORMS = ("loket", "loket-close", "loket-refer")


def drop_question_drafts(conn: sa.Connection, question_ids: list[str]) -> int:
    """Delete the drafts of the forms about ``question_ids``; returns how many."""
    from spt_desktop.models.bookkeeping import Setting
    from spt_desktop.models.drafts import draft_key

    keys = [draft_key(f"{kind}:{qid}") for qid in question_ids for kind in QUESTION_FORMS]
    removed = 0
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        removed += int(conn.execute(sa.delete(Setting).where(Setting.key.in_(chunk))).rowcount)
    return removed
