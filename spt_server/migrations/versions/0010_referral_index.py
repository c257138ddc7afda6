"""record: a partial index for the referrals of an SPT

Issue 16: the loket and the coordinator receive every referral of their SPT; their pull
walks this index (by spt, in revision order) like the registries' stream. A coach's own
referrals come by the addressee index. No table changes: a referral is a record.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 15:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Copied, not imported: a migration stays as it was written.
NAME, COLS, WHERE = "ix_record_referral_spt_rev", ["spt", "rev"], "entity = 'referral'"


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
