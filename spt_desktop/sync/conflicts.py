"""The conflict store: concurrent edits the coach decides on.

The record holds the value the server kept; the conflict holds the device's own. Choosing
"mine" writes the device's value back as an ordinary edit (outbox, audit, pushed with the
current base revision, so it wins cleanly); choosing "theirs" just closes the conflict.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.orm.attributes import flag_modified

from spt_desktop.models import SYNCED_ENTITIES
from spt_desktop.models.base import utcnow
from spt_desktop.models.people import Coach
from spt_desktop.models.syncstate import SyncConflict
from spt_desktop.models.vault import Vault

# A whole record of hers the server would not take: "forbidden" (not her dossier or her
# SPT's registry, or no longer), "rejected" (a rule: a colleague without an account, a
# record that may not change). Kept and listed with the conflicts, so nothing disappears
# unseen, but not counted as one: nobody else changed anything. "deleted" (she edited
# what a colleague deleted) and "field" (both changed one field) are conflicts.
REFUSED_KINDS = frozenset({"forbidden", "rejected"})

# What a refusal was, from what the push result says per change: its status (forbidden:
# outside her scope, nothing more said; rejected: a rule, with the record the server
# kept if it had one) and the entity of the change. The server sends no finer code (a
# new field in its ChangeResult would break the desktops out there: extra="forbid").
REGISTER = frozenset({"employer", "contact_person", "vacancy", "employer_contact"})
Refusal = Literal["register", "loket", "referral", "spt_referral", "colleague", "dossier", "rule"]


def refusal_of(
    entity: str, kind: str, mine: Any, theirs: Any, own_spt: str | None = None
) -> Refusal | None:
    """Why the server would not take her record, as one of the words of Conflicten:
    another SPT's employer register; a loket question without the loket role; a referral
    of another SPT than hers (``own_spt``), or of hers that only the loket or the
    coordinator records; a handover or assignment to a colleague without an account
    there (refused before anything was stored: nothing of the server's comes back); a
    dossier no longer hers; another rule (a signed-off visit, say). None: not a
    refusal."""
    if kind not in REFUSED_KINDS:
        return None
    if entity in REGISTER and kind == "forbidden":
        return "register"
    if entity == "loket_question":
        to_colleague = isinstance(mine, dict) and mine.get("to_coach_id")
        if kind == "rejected" and to_colleague:
            return "colleague"
        return "loket" if kind == "forbidden" else "rule"
    if entity == "referral":
        spt = mine.get("spt") if isinstance(mine, dict) else None
        return "spt_referral" if spt and own_spt and spt != own_spt else "referral"
    if entity in ("handover", "assignment") and kind == "rejected" and theirs is None:
        return "colleague"
    return "dossier" if kind == "forbidden" else "rule"


@dataclass(frozen=True)
class ConflictView:
    id: str
    entity: str
    record_id: str
    candidate_id: str | None
    kind: str
    field: str | None
    mine: Any
    theirs: Any
    detected_at: datetime
    refusal: Refusal | None = None


def open_conflicts(vault: Vault, candidate_id: str | None = None) -> list[ConflictView]:
    """Unresolved conflicts, oldest first (of one candidate, if given)."""
    q = sa.select(SyncConflict).where(SyncConflict.resolved_at.is_(None))
    if candidate_id is not None:
        q = q.where(SyncConflict.candidate_id == candidate_id)
    with vault.transaction() as s:
        rows = s.execute(q.order_by(SyncConflict.detected_at)).scalars().all()
        owner = s.get(Coach, vault.owner_id) if vault.owner_id else None
        own_spt = owner.spt if owner is not None else None
        return [
            ConflictView(
                r.id,
                r.entity,
                r.record_id,
                r.candidate_id,
                r.kind,
                r.field,
                mine_ := json.loads(r.local_value),
                theirs_ := json.loads(r.server_value),
                r.detected_at,
                refusal_of(
                    r.entity,
                    r.kind,
                    mine_,
                    theirs_,
                    own_spt,
                ),
            )
            for r in rows
        ]


def resolve(vault: Vault, conflict_id: str, choice: Literal["mine", "theirs"]) -> None:
    """Close a conflict; with "mine" the device's value becomes the record's again."""
    from spt_desktop.sync.apply import from_wire

    with vault.transaction() as s:
        c = s.get(SyncConflict, conflict_id)
        if c is None or c.resolved_at is not None:
            return
        if choice == "mine" and c.kind == "field" and c.field:
            obj = s.get(SYNCED_ENTITIES[c.entity], c.record_id)
            if obj is not None and not obj.deleted:
                value = from_wire(c.entity, {c.field: json.loads(c.local_value)})[c.field]
                setattr(obj, c.field, value)
                # Sent even when the row holds her value already: the server's was one
                # this version could not store (``sync.held``), so it was never written
                # here, and only an edit of hers makes the server take hers.
                flag_modified(obj, c.field)
        c.resolved_at, c.resolution = utcnow(), choice
