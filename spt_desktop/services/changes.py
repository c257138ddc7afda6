"""What a use case changed, so that only the pages showing it refresh (Anki's
``OpChanges``). No Qt: the window turns a ``Changes`` into page refreshes.

The changes are not declared by the caller: they are read from the transactions the use
case ran. While a ``ChangeRecorder`` is attached to the context, every row the ORM
inserts, updates or deletes is noted by its table, and each table maps to the flags of
the pages that show it (``TABLE_CHANGES``). So a use case cannot forget to say what it
changed, and a caller cannot claim more or less than it did.

    changed = services.changing(lambda svc: svc.visits.log(cid, values))
    changed.value    # the VisitDTO
    changed.changes  # Changes(candidates=True, visits=True)
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Generic, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Which kinds of data a write changed."""

    candidates: bool = False  # the caseload's rows and counts
    dossier: bool = False  # intake, plan, journey, activities, matches of a candidate
    visits: bool = False
    handovers: bool = False
    employers: bool = False
    sync: bool = False  # outbox, conflicts, last sync
    settings: bool = False
    loket: bool = False  # the loket register (issue 16 §2)

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name)
                          for f in fields(self)})  # fmt: skip

    @property
    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


NOTHING = Changes()
EVERYTHING = Changes(**{f.name: True for f in fields(Changes)})

_DOSSIER = Changes(candidates=True, dossier=True)
_DOSSIER_TABLES = (
    "candidate", "consent", "assignment", "intake", "note", "journey_event", "plan", "goal",
    "action", "activity", "training", "dropout", "match", "placement", "retention_checkpoint",
    "referral_letter",
)  # fmt: skip
# Which pages show a table's rows. A table not listed changes nothing a page shows:
# bookkeeping (outbox, audit), the monitor's kept figures, settings and drafts.
TABLE_CHANGES: dict[str, Changes] = {
    **dict.fromkeys(_DOSSIER_TABLES, _DOSSIER),
    "visit": Changes(candidates=True, dossier=True, visits=True),
    "handover": Changes(candidates=True, dossier=True, handovers=True),
    **dict.fromkeys(
        ("employer", "contact_person", "vacancy", "employer_contact"), Changes(employers=True)
    ),
    # Vandaag lists a coach's new referrals beside her handovers; a dossier shows its own.
    "referral": Changes(candidates=True, dossier=True, handovers=True),
    "coach": Changes(candidates=True),
    "loket_question": Changes(loket=True),
    "sync_conflict": Changes(sync=True),
}


@dataclass(frozen=True)
class Changed(Generic[T]):
    """A use case's result and what it changed (Anki's ``OpChangesWith...``)."""

    value: T
    changes: Changes


@dataclass
class ChangeRecorder:
    """Notes the tables written by the sessions it watches (on one thread)."""

    tables: set[str] = field(default_factory=set)

    def watch(self, session: Session) -> None:
        event.listen(session, "before_flush", self._flushing)
        event.listen(session, "do_orm_execute", self._executing)

    def _flushing(self, session: Session, _context: Any, _instances: Any) -> None:
        for obj in (*session.new, *session.dirty, *session.deleted):
            table = getattr(obj, "__tablename__", None)
            if table is not None:
                self.tables.add(table)

    def _executing(self, state: ORMExecuteState) -> None:
        # Bulk ORM statements (insert(Model), update(Model)) bypass the flush.
        if (state.is_insert or state.is_update or state.is_delete) and state.bind_mapper:
            self.tables.add(state.bind_mapper.local_table.name)  # type: ignore[attr-defined]

    @property
    def changes(self) -> Changes:
        result = NOTHING
        for table in self.tables:
            result |= TABLE_CHANGES.get(table, NOTHING)
        return result


__all__ = ["EVERYTHING", "NOTHING", "TABLE_CHANGES", "ChangeRecorder", "Changed", "Changes"]
