"""record: a partial index for the referrals addressed to a coach

A coach's pull reads the referrals given to her (``pull.shared_streams``) in revision
order past her cursor. Without this index the database found them by the addressee
index, through every record addressed to her (each of her assignments: tens of
thousands for a big caseload), and sorted what it found: every sync's pull cost grew
with her caseload (115 ms at 10,000 candidates on SQLite). No table changes.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 17:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# Copied, not imported: a migration stays as it was written.
NAME, COLS, WHERE = "ix_record_referral_addressee_rev", ["addressee", "rev"], "entity = 'referral'"


def upgrade() -> None:
    op.create_index(
        NAME,
        "record",
        COLS,
        unique=False,
        postgresql_where=sa.text(WHERE),
        sqlite_where=sa.text(WHERE),
    )


def downgrade() -> None:
    op.drop_index(NAME, table_name="record")
