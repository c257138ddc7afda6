"""Every change to a synced row leaves an outbox entry and an audit entry, written in the
same flush — and so the same transaction — as the change itself.

This lives at the persistence layer on purpose: a service cannot forget it, and a crash
can never leave a change without its outbox entry or the other way round.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, UOWTransaction

from spt_desktop.models.base import SYNC_COLUMNS, Synced, new_id, utcnow
from spt_desktop.models.bookkeeping import AuditEntry, OutboxEntry
from spt_desktop.models.people import Candidate

# session.info keys
ACTOR = "actor_id"
APPLYING_REMOTE = "applying_remote"  # set while applying server changes: no outbox, no audit


def changed_fields(obj: Synced) -> list[str]:
    """Names of the content columns of ``obj`` changed in this flush."""
    state = sa.inspect(obj)
    return [
        attr.key
        for attr in state.mapper.column_attrs
        if attr.key not in SYNC_COLUMNS and state.attrs[attr.key].history.has_changes()
    ]


def _candidate_of(obj: Synced) -> str | None:
    if isinstance(obj, Candidate):
        return obj.id
    return getattr(obj, "candidate_id", None)


def _record(obj: Synced, op: str, fields: list[str] | None) -> tuple[dict[str, Any], ...]:
    now = utcnow()
    outbox = {
        "entity": obj.__sync_entity__,
        "record_id": obj.id,
        "op": op,
        "fields": None if fields is None else json.dumps(fields),
        "base_rev": obj.server_rev,
        "created_at": now,
    }
    if isinstance(obj, AuditEntry):
        return (outbox,)
    audit = {
        "id": new_id(),
        "at": now,
        "action": {"insert": "create"}.get(op, op),
        "entity": obj.__sync_entity__,
        "record_id": obj.id,
        "candidate_id": _candidate_of(obj),
        "fields": ",".join(fields or []),
    }
    return outbox, audit


@event.listens_for(Session, "after_flush")
def _write_outbox_and_audit(session: Session, _ctx: UOWTransaction) -> None:
    if session.info.get(APPLYING_REMOTE):
        return
    outbox: list[dict[str, Any]] = []
    audits: list[dict[str, Any]] = []
    for obj in session.new:
        if isinstance(obj, Synced):
            _collect(_record(obj, "insert", None), outbox, audits)
    for obj in session.dirty:
        if not isinstance(obj, Synced):
            continue
        fields = changed_fields(obj)
        deleted_now = sa.inspect(obj).attrs["deleted"].history.added == [True]
        if deleted_now:
            _collect(_record(obj, "delete", []), outbox, audits)
        elif fields:
            _collect(_record(obj, "update", fields), outbox, audits)
    for obj in session.deleted:
        if isinstance(obj, Synced):
            _collect(_record(obj, "delete", []), outbox, audits)
    if not outbox:
        return
    conn = session.connection()
    actor = session.info.get(ACTOR)
    if audits:
        for a in audits:
            a["actor_id"] = actor
            a["modified_at"] = a["at"]
            a["deleted"] = False
        conn.execute(sa.insert(AuditEntry), audits)
        now = utcnow()
        outbox.extend(
            {
                "entity": AuditEntry.__sync_entity__,
                "record_id": a["id"],
                "op": "insert",
                "fields": None,
                "base_rev": None,
                "created_at": now,
            }
            for a in audits
        )
    conn.execute(sa.insert(OutboxEntry), outbox)


def _collect(rows: tuple[dict[str, Any], ...], outbox: list[Any], audits: list[Any]) -> None:
    outbox.append(rows[0])
    if len(rows) > 1:
        audits.append(rows[1])
