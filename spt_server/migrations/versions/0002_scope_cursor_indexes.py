"""scope: indexes on (account_id, granted_rev) and (account_id, revoked_rev)

Every pull asks for a coach's scopes granted past her cursor (the granted stream) and
revoked past it (purges); without these indexes both read every scope row of the coach
on every pull, so the cost of a sync grew with her caseload.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 11:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scope", schema=None) as batch_op:
        batch_op.create_index(
            "ix_scope_account_id_granted_rev", ["account_id", "granted_rev"], unique=False
        )
        batch_op.create_index(
            "ix_scope_account_id_revoked_rev", ["account_id", "revoked_rev"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("scope", schema=None) as batch_op:
        batch_op.drop_index("ix_scope_account_id_revoked_rev")
        batch_op.drop_index("ix_scope_account_id_granted_rev")
