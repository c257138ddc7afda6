"""The AVG access request: everything the vault holds about one or all candidates."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_desktop.models import (
    Action,
    Activity,
    Assignment,
    AuditEntry,
    Candidate,
    Consent,
    Dropout,
    Goal,
    Handover,
    Intake,
    JourneyEvent,
    Match,
    Note,
    Placement,
    Plan,
    RetentionCheckpoint,
    Training,
    Visit,
)
from spt_desktop.models.base import Synced
from spt_desktop.services.base import Service, load

FORMAT = "spt-avg-export/1"
# section name -> entity; every row has a candidate_id. Order is the dossier's order.
SECTIONS: tuple[tuple[str, type[Synced]], ...] = (
    ("consents", Consent),
    ("assignments", Assignment),
    ("intakes", Intake),
    ("notes", Note),
    ("plans", Plan),
    ("goals", Goal),
    ("actions", Action),
    ("journey", JourneyEvent),
    ("activities", Activity),
    ("trainings", Training),
    ("matches", Match),
    ("placements", Placement),
    ("retention_checkpoints", RetentionCheckpoint),
    ("visits", Visit),
    ("handovers", Handover),
    ("dropouts", Dropout),
    ("history", AuditEntry),
)
INTERNAL = {"server_rev", "modified_at", "deleted", "sort_name"}  # bookkeeping, not data held


def plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def row_dict(row: Any) -> dict[str, Any]:
    return {
        col.key: plain(getattr(row, col.key))
        for col in sa.inspect(row).mapper.column_attrs
        if col.key not in INTERNAL
    }


class ExportService(Service):
    def export(self, candidate_id: str | None = None) -> dict[str, Any]:
        """An object with a ``candidates`` list; each candidate has its ``id``,
        ``first_name``, ``last_name``, all profile fields and every section that hangs
        off it. Deleted (tombstoned) records are not personal data held any more."""
        with self.ctx.tx() as s:
            if candidate_id is not None:
                cands = [load(s, Candidate, candidate_id, "Deze kandidaat")]
            else:
                cands = list(
                    s.scalars(
                        sa.select(Candidate)
                        .where(~Candidate.deleted)
                        .order_by(Candidate.last_name, Candidate.id)
                    )
                )
            return {
                "format": FORMAT,
                "exported_at": plain(self.ctx.now()),
                "candidates": [self._one(s, c) for c in cands],
            }

    @staticmethod
    def _one(s: Session, cand: Candidate) -> dict[str, Any]:
        doc = row_dict(cand)
        for name, model in SECTIONS:
            col = model.candidate_id  # type: ignore[attr-defined]
            q = sa.select(model).where(col == cand.id)
            if model is not AuditEntry:
                q = q.where(~model.deleted)
            doc[name] = [row_dict(r) for r in s.scalars(q)]
        return doc
