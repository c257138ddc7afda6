"""drafts: the candidate a form's draft is about, in a column of its own

A draft (a ``setting`` row keyed ``draft:<form id>``) was taken to be about the candidate
whose id was the last ``:`` segment of its form id. That holds only as long as every
form id keeps that shape: a form id that ends with another record's id (an employer's, a
checkpoint's) was taken for a candidate that is not there, and ``save_draft`` dropped the
draft as "about someone who left the vault"; a form id with the candidate elsewhere was
never found by a purge or the access export. Now the form says whom its draft is about
and ``setting.candidate_id`` keeps it (NULL: a draft about no one, or any other setting).

The drafts already kept get the candidate their form id names: the segment of the id
(split at ``:`` and ``.``) that is the id of a candidate in this vault, the last such one.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"

# Frozen here (migrations never import code that changes later).
DRAFT_PREFIX = "draft:"
_SEGMENTS = re.compile(r"[:.]")


def _has_column(table: str, column: str) -> bool:
    rows = op.get_bind().exec_driver_sql(f"PRAGMA table_info({table})").fetchall()
    return any(row[1] == column for row in rows)


def upgrade() -> None:
    # Only where it is missing: a vault stamped back by a test already has it.
    if not _has_column("setting", "candidate_id"):
        # Plain ADD COLUMN (nullable, no default): SQLite keeps the rows in place.
        op.add_column("setting", sa.Column("candidate_id", sa.String(36), nullable=True))
        op.create_index("ix_setting_candidate_id", "setting", ["candidate_id"], unique=False)
    conn = op.get_bind()
    candidates = {row[0] for row in conn.exec_driver_sql("SELECT id FROM candidate")}
    drafts = conn.exec_driver_sql(
        "SELECT key FROM setting WHERE key >= ? AND key < ?",
        (DRAFT_PREFIX, DRAFT_PREFIX[:-1] + ";"),
    ).fetchall()
    for (key,) in drafts:
        segments = _SEGMENTS.split(key.removeprefix(DRAFT_PREFIX))
        about = next((s for s in reversed(segments) if s in candidates), None)
        if about is not None:
            conn.exec_driver_sql("UPDATE setting SET candidate_id = ? WHERE key = ?", (about, key))


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
