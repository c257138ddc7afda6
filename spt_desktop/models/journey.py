"""The candidate journey: phase moves, plans of approach, activities, training,
handovers and dropout."""

# No ``from __future__ import annotations``: see models/base.py.

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from spt_common.enums import (
    ActionStatus,
    ActivityKind,
    ActivityOutcome,
    DropoutReason,
    FundingKind,
    HandoverStatus,
    Phase,
    PlanStatus,
    Role,
    TrainingFund,
    TrainingStatus,
)
from spt_desktop.models.base import Base, Code, Synced


def candidate_fk() -> Mapped[str]:
    return mapped_column(sa.ForeignKey("candidate.id", ondelete="CASCADE"), index=True)


class JourneyEvent(Synced, Base):
    """One move between phases, forward or back, with its reason. Append-only."""

    __tablename__ = "journey_event"
    __sync_entity__ = "journey_event"
    __append_only__ = True

    candidate_id: Mapped[str] = candidate_fk()
    from_phase: Mapped[Phase | None] = mapped_column(Code(Phase))
    to_phase: Mapped[Phase] = mapped_column(Code(Phase))
    occurred_on: Mapped[date] = mapped_column(sa.Date)
    coach_id: Mapped[str] = mapped_column(sa.ForeignKey("coach.id"))
    reason: Mapped[str] = mapped_column(sa.Text)


class Plan(Synced, Base):
    """One version of a plan of approach. An agreed version is never edited again:
    changing it starts a new draft version."""

    __tablename__ = "plan"
    __sync_entity__ = "plan"

    candidate_id: Mapped[str] = candidate_fk()
    version: Mapped[int] = mapped_column(sa.Integer)
    status: Mapped[PlanStatus] = mapped_column(Code(PlanStatus))
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    reviewed_on: Mapped[date | None] = mapped_column(sa.Date)
    agreed_on: Mapped[date | None] = mapped_column(sa.Date)
    agreed_by: Mapped[str | None] = mapped_column(sa.ForeignKey("coach.id"))


class Goal(Synced, Base):
    __tablename__ = "goal"
    __sync_entity__ = "goal"

    candidate_id: Mapped[str] = candidate_fk()
    plan_id: Mapped[str] = mapped_column(sa.ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(sa.Integer)
    description: Mapped[str] = mapped_column(sa.Text)


class Action(Synced, Base):
    __tablename__ = "action"
    __sync_entity__ = "action"

    candidate_id: Mapped[str] = candidate_fk()
    goal_id: Mapped[str] = mapped_column(sa.ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(sa.Integer)
    description: Mapped[str] = mapped_column(sa.Text)
    owner: Mapped[str] = mapped_column(sa.String(200))
    due_on: Mapped[date | None] = mapped_column(sa.Date)
    status: Mapped[ActionStatus] = mapped_column(Code(ActionStatus))


class Activity(Synced, Base):
    """An orientation or matching activity (Techcourt, meet & match, ...) and its outcome."""

    __tablename__ = "activity"
    __sync_entity__ = "activity"

    candidate_id: Mapped[str] = candidate_fk()
    kind: Mapped[ActivityKind] = mapped_column(Code(ActivityKind))
    held_on: Mapped[date] = mapped_column(sa.Date)
    location: Mapped[str] = mapped_column(sa.String(200), default="")
    outcome: Mapped[ActivityOutcome] = mapped_column(Code(ActivityOutcome))
    notes: Mapped[str] = mapped_column(sa.Text, default="")


class Training(Synced, Base):
    """A vocational training (scholing) and how it is paid for."""

    __tablename__ = "training"
    __sync_entity__ = "training"

    candidate_id: Mapped[str] = candidate_fk()
    provider: Mapped[str] = mapped_column(sa.String(200))
    programme: Mapped[str] = mapped_column(sa.String(200))
    publicly_funded: Mapped[bool] = mapped_column(sa.Boolean)  # rijksbekostigd
    funding: Mapped[FundingKind] = mapped_column(Code(FundingKind))
    fund: Mapped[TrainingFund | None] = mapped_column(Code(TrainingFund))
    starts_on: Mapped[date | None] = mapped_column(sa.Date)
    ends_on: Mapped[date | None] = mapped_column(sa.Date)
    status: Mapped[TrainingStatus] = mapped_column(Code(TrainingStatus))
    certificate: Mapped[str | None] = mapped_column(sa.String(200))
    # Gives a recognised certificate / certificeerbare eenheden (whitepaper leak).
    certifiable: Mapped[bool] = mapped_column(sa.Boolean, default=False, server_default="0")


class Handover(Synced, Base):
    """A warm handover from one coach and role to another; the receiver accepts it."""

    __tablename__ = "handover"
    __sync_entity__ = "handover"

    candidate_id: Mapped[str] = candidate_fk()
    from_coach_id: Mapped[str] = mapped_column(sa.ForeignKey("coach.id"))
    from_role: Mapped[Role] = mapped_column(Code(Role))
    to_coach_id: Mapped[str] = mapped_column(sa.ForeignKey("coach.id"), index=True)
    to_role: Mapped[Role] = mapped_column(Code(Role))
    summary: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[HandoverStatus] = mapped_column(Code(HandoverStatus))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(sa.DateTime)


class Dropout(Synced, Base):
    """A candidate leaving the pipeline: in which phase, and through which leak."""

    __tablename__ = "dropout"
    __sync_entity__ = "dropout"

    candidate_id: Mapped[str] = candidate_fk()
    phase: Mapped[Phase] = mapped_column(Code(Phase))
    reason: Mapped[DropoutReason] = mapped_column(Code(DropoutReason))
    occurred_on: Mapped[date] = mapped_column(sa.Date)
    coach_id: Mapped[str] = mapped_column(sa.ForeignKey("coach.id"))
    explanation: Mapped[str] = mapped_column(sa.Text, default="")
