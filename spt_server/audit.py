"""The server's audit log of administration: who revoked, deactivated, erased, assigned.

One row per act, written in the same transaction as the act itself, so the log and what
happened cannot disagree. Rows hold ids and action codes only: an audit log that repeated
a candidate's name would itself need erasing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_server.db import AdminAudit, utcnow

TargetKind = Literal["account", "device", "candidate", "spt", "key", "referral"]


@dataclass(frozen=True)
class AuditRow:
    """One act as the log shows it."""

    at: datetime
    actor_id: str | None  # None: the server's operator, on the command line
    action: str
    target_kind: str
    target_id: str

    def as_dict(self) -> dict[str, str | None]:
        return {
            "at": self.at.isoformat(timespec="seconds"),
            "actor_id": self.actor_id,
            "action": self.action,
            "target_kind": self.target_kind,
            "target_id": self.target_id,
        }


def log(
    s: Session, action: str, target_kind: TargetKind, target_id: str, *, actor: str | None
) -> None:
    """Record one act in the session's transaction (it commits or rolls back with it)."""
    s.add(
        AdminAudit(
            at=utcnow(),
            actor_id=actor,
            action=action,
            target_kind=target_kind,
            target_id=target_id,
        )
    )


def entries(s: Session, *, since: datetime | None = None, limit: int = 1000) -> list[AuditRow]:
    """The newest ``limit`` acts (since ``since``), oldest first."""
    q = sa.select(AdminAudit).order_by(AdminAudit.id.desc()).limit(limit)
    if since is not None:
        q = q.where(AdminAudit.at >= since)
    rows = list(s.scalars(q))
    rows.reverse()
    return [AuditRow(r.at, r.actor_id, r.action, r.target_kind, r.target_id) for r in rows]
