"""erasure and retention: closing dates, retention per SPT, anonymous monitor facts;
tombstones and stored batch results without content

- ``candidate_closure``: the day a dossier was closed (retention counts from it);
  filled for dossiers already closed with the day their record last changed.
- ``retention_setting``: months an SPT keeps a closed dossier (default in code).
- ``anonymous_fact``: what the monitor needs of an erased candidate, nothing more.
- ``record.spt`` now holds a candidate's SPT too (the erase endpoint checks it).
- Existing tombstones lose their content (data and field revisions emptied) and their
  conflict rows; stored batch results lose record contents and conflicting values.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 10:00:00
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

CHUNK = 500


def upgrade() -> None:
    op.create_table(
        "candidate_closure",
        sa.Column("candidate_id", sa.String(length=36), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("candidate_id", name=op.f("pk_candidate_closure")),
    )
    with op.batch_alter_table("candidate_closure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_candidate_closure_closed_on"), ["closed_on"], unique=False
        )
    op.create_table(
        "retention_setting",
        sa.Column("spt", sa.String(length=40), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("spt", name=op.f("pk_retention_setting")),
    )
    op.create_table(
        "anonymous_fact",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("spt", sa.String(length=40), nullable=False),
        sa.Column("persona", sa.String(length=40), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("referral_source", sa.String(length=40), nullable=False),
        sa.Column("registered", sa.String(length=7), nullable=False),
        sa.Column("moves", sa.Text(), nullable=False),
        sa.Column("dropouts", sa.Text(), nullable=False),
        sa.Column("placements", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_anonymous_fact")),
    )
    with op.batch_alter_table("anonymous_fact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_anonymous_fact_spt"), ["spt"], unique=False)
    conn = op.get_bind()
    _candidates(conn)
    _tombstones(conn)
    _batches(conn)


def _candidates(conn: sa.Connection) -> None:
    """record.spt of every live candidate; closing days of the closed ones."""
    rows = conn.execute(
        sa.text(
            "SELECT id, data, updated_at FROM record WHERE entity = 'candidate' AND NOT deleted"
        )
    ).all()
    spts, closed = [], []
    for rid, raw, updated in rows:
        data = json.loads(raw)
        spts.append({"id": rid, "spt": data.get("spt")})
        if data.get("status") == "closed":
            day = updated.date() if hasattr(updated, "date") else str(updated)[:10]
            closed.append({"c": rid, "d": day})
    if spts:
        conn.execute(sa.text("UPDATE record SET spt = :spt WHERE id = :id"), spts)
    if closed:
        conn.execute(
            sa.text("INSERT INTO candidate_closure (candidate_id, closed_on) VALUES (:c, :d)"),
            closed,
        )


def _tombstones(conn: sa.Connection) -> None:
    conn.execute(
        sa.text("DELETE FROM conflict WHERE record_id IN (SELECT id FROM record WHERE deleted)")
    )
    conn.execute(sa.text("UPDATE record SET data = '{}', field_revs = '{}' WHERE deleted"))


def _batches(conn: sa.Connection) -> None:
    """Stored results as store._without_content keeps them: no record contents, no
    conflicting values (a replay fills them in from the records and conflict rows)."""
    last = ""
    while True:
        rows = conn.execute(
            sa.text("SELECT id, result FROM batch WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": CHUNK},
        ).all()
        if not rows:
            return
        changed = []
        for bid, raw in rows:
            stripped = _strip(json.loads(raw))
            if stripped is not None:
                changed.append({"id": bid, "r": json.dumps(stripped)})
        if changed:
            conn.execute(sa.text("UPDATE batch SET result = :r WHERE id = :id"), changed)
        last = rows[-1][0]


def _strip(result: dict[str, Any]) -> dict[str, Any] | None:
    touched = False
    for r in result.get("results", []):
        record = r.get("record")
        if isinstance(record, dict) and record.get("data"):
            record["data"] = {}
            touched = True
        for c in r.get("conflicts") or []:
            if c.get("yours") is not None or c.get("theirs") is not None:
                c["yours"] = c["theirs"] = None
                touched = True
    return result if touched else None


def downgrade() -> None:
    # The content that was dropped does not come back.
    with op.batch_alter_table("anonymous_fact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_anonymous_fact_spt"))
    op.drop_table("anonymous_fact")
    op.drop_table("retention_setting")
    with op.batch_alter_table("candidate_closure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidate_closure_closed_on"))
    op.drop_table("candidate_closure")
