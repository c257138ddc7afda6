"""Persistence: SQLAlchemy entities, the SQLCipher vault, migrations. No Qt, no HTTP."""

from spt_desktop.models import tracking  # noqa: F401  (registers the outbox/audit hook)
from spt_desktop.models.base import Base, Synced
from spt_desktop.models.bookkeeping import AuditEntry, OutboxEntry, Setting
from spt_desktop.models.journey import (
    Action,
    Activity,
    Dropout,
    Goal,
    Handover,
    JourneyEvent,
    Plan,
    Training,
)
from spt_desktop.models.loket import LoketQuestion
from spt_desktop.models.monitorcache import MonitorDirty, MonitorSnapshot
from spt_desktop.models.people import Assignment, Candidate, Coach, Consent, Intake, Note
from spt_desktop.models.referrals import Referral, ReferralLetter
from spt_desktop.models.syncstate import HeldChange, SyncConflict
from spt_desktop.models.work import (
    ContactPerson,
    Employer,
    EmployerContact,
    Match,
    Placement,
    RetentionCheckpoint,
    Vacancy,
    Visit,
)

SYNCED_ENTITIES: dict[str, type[Synced]] = {
    cls.__sync_entity__: cls
    for cls in (
        Coach,
        Candidate,
        Consent,
        Assignment,
        Intake,
        Note,
        JourneyEvent,
        Plan,
        Goal,
        Action,
        Activity,
        Training,
        Handover,
        Dropout,
        Employer,
        ContactPerson,
        Vacancy,
        EmployerContact,
        Match,
        Placement,
        RetentionCheckpoint,
        Visit,
        Referral,
        ReferralLetter,
        LoketQuestion,
        AuditEntry,
    )
}

__all__ = [
    "SYNCED_ENTITIES",
    "Action",
    "Activity",
    "Assignment",
    "AuditEntry",
    "Base",
    "Candidate",
    "Coach",
    "Consent",
    "ContactPerson",
    "Dropout",
    "Employer",
    "EmployerContact",
    "Goal",
    "Handover",
    "HeldChange",
    "Intake",
    "JourneyEvent",
    "LoketQuestion",
    "Match",
    "MonitorDirty",
    "MonitorSnapshot",
    "Note",
    "OutboxEntry",
    "Placement",
    "Plan",
    "Referral",
    "ReferralLetter",
    "RetentionCheckpoint",
    "Setting",
    "SyncConflict",
    "Synced",
    "Training",
    "Vacancy",
    "Visit",
]
