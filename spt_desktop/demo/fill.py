"""``fill_vault``: a generated caseload bulk-loaded into a real vault."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from spt_common.enums import Spt
from spt_desktop.demo.generator import generate
from spt_desktop.demo.state import Row

if TYPE_CHECKING:
    from spt_desktop.models.vault import Vault


def fill_vault(
    vault: Vault,
    n_candidates: int,
    seed: int,
    today: date,
    *,
    visits_per_placement: float = 10.0,
    n_visits: int | None = None,
) -> dict[str, int]:
    """Generate a caseload for the vault's owner and bulk-load it (one transaction, with
    outbox entries). Returns the number of records per table."""
    import sqlalchemy as sa

    from spt_desktop.models import bulk
    from spt_desktop.models.people import Candidate, Coach

    owner_id = vault.owner_id
    if owner_id is None:
        raise ValueError("de kluis heeft geen eigenaar")
    with vault.transaction() as s:
        owner = s.get(Coach, owner_id)
        existing = s.scalar(sa.select(sa.func.count()).select_from(Candidate)) or 0
        known = {name: cid for name, cid in s.execute(sa.select(Coach.name, Coach.id))}
        roles = tuple(sorted(owner.role_set())) if owner is not None else ()
        spt = owner.spt if owner is not None else Spt.NOORD_HOLLAND
    data = generate(
        n_candidates,
        seed,
        today,
        owner_id,
        owner_roles=roles,
        owner_spt=spt,
        visits_per_placement=visits_per_placement,
        n_visits=n_visits,
        # A second fill of the same vault must not reuse the first fill's ids.
        id_salt=str(existing) if existing else "",
    )
    return bulk.load(vault, reuse_colleagues(data.rows, known))


# Columns that point at a coach, per table (for reusing colleagues already in a vault).
COACH_COLUMNS = {
    "consent": ("recorded_by",),
    "assignment": ("coach_id",),
    "intake": ("coach_id",),
    "note": ("author_id",),
    "journey_event": ("coach_id",),
    "plan": ("agreed_by",),
    "employer_contact": ("coach_id",),
    "match": ("coach_id",),
    "placement": ("jobcoach_id",),
    "visit": ("coach_id",),
    "handover": ("from_coach_id", "to_coach_id"),
    "dropout": ("coach_id",),
    "referral_letter": ("coach_id",),
    "loket_question": ("to_coach_id", "recorded_by"),
}


def reuse_colleagues(rows: dict[str, list[Row]], known: dict[str, str]) -> dict[str, list[Row]]:
    """``rows`` with generated colleagues that a vault already has (by name) left out and
    every reference to them pointed at the existing coach: filling twice adds no twins."""
    same = {c["id"]: known[c["name"]] for c in rows["coach"] if c["name"] in known}
    if not same:
        return rows
    out = dict(rows)
    out["coach"] = [c for c in rows["coach"] if c["id"] not in same]
    for table, columns in COACH_COLUMNS.items():
        for row in out[table]:
            for col in columns:
                if row[col] in same:
                    row[col] = same[row[col]]
    return out
