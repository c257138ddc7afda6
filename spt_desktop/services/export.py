"""The AVG access request: everything the vault holds about one or all candidates —
her records, the drafts of forms about her not yet saved, and the values of sync
conflicts about her — and nothing of what was deleted (a tombstone holds no content)."""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_desktop.errors import Thing
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
from spt_desktop.models.drafts import drafts_about
from spt_desktop.models.syncstate import SyncConflict
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
        ``first_name``, ``last_name``, all profile fields, every section that hangs
        off it, the ``drafts`` of unsaved forms about her and the ``conflicts`` (both
        values of every sync conflict about her this device keeps). Deleted
        (tombstoned) records are not personal data held any more."""
        with self.ctx.tx() as s:
            if candidate_id is not None:
                cands = [load(s, Candidate, candidate_id, Thing.CANDIDATE)]
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

    def as_json(self, candidate_id: str | None = None) -> bytes:
        """The export as a UTF-8 JSON file's bytes (what the coach hands over)."""
        text = json.dumps(self.export(candidate_id), ensure_ascii=False, indent=2)
        return (text + "\n").encode("utf-8")

    @staticmethod
    def _one(s: Session, cand: Candidate) -> dict[str, Any]:
        doc = row_dict(cand)
        for name, model in SECTIONS:
            col = model.candidate_id  # type: ignore[attr-defined]
            q = sa.select(model).where(col == cand.id)
            if model is not AuditEntry:
                q = q.where(~model.deleted)
            doc[name] = [row_dict(r) for r in s.scalars(q)]
        doc["drafts"] = _drafts(s, cand.id)
        doc["conflicts"] = _conflicts(s, cand.id)
        return doc


def _drafts(s: Session, candidate_id: str) -> list[dict[str, Any]]:
    """The unsaved forms about her: which form, and what was typed."""
    held = drafts_about(s.connection(), [candidate_id])
    return [
        {"form": form_id.partition(":")[0], "values": json.loads(value)}
        for form_id, value in sorted(held.items())
    ]


def _conflicts(s: Session, candidate_id: str) -> list[dict[str, Any]]:
    """Every conflict row about her: this device's value and the server's."""
    rows = s.scalars(
        sa.select(SyncConflict)
        .where(SyncConflict.candidate_id == candidate_id)
        .order_by(SyncConflict.detected_at)
    )
    return [
        {
            "entity": c.entity,
            "record_id": c.record_id,
            "kind": c.kind,
            "field": c.field,
            "mine": json.loads(c.local_value),
            "theirs": json.loads(c.server_value),
            "detected_at": plain(c.detected_at),
            "resolved_at": plain(c.resolved_at),
            "resolution": c.resolution,
        }
        for c in rows
    ]
