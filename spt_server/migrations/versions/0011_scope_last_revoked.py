"""scope: the latest revoke, kept when a coach is granted a candidate again

Issue 13: a pull no longer sends a device its own records (those whose stored state is
exactly what it pushed), not even with a new grant: a first push got its whole dossier
back. A device may have purged a dossier it was revoked from, its own records included,
so a grant after a revoke must still send them: ``last_revoked_rev`` keeps that revoke
(``revoked_rev`` is cleared by the new grant).

Scopes granted before this migration may have been revoked and granted again without a
trace: their grant counts as their last revoke, so their devices get their own records
up to it, as before.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 17:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scope", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_revoked_rev", sa.BigInteger(), nullable=True))
    op.execute("UPDATE scope SET last_revoked_rev = granted_rev")


def downgrade() -> None:
    with op.batch_alter_table("scope", schema=None) as batch_op:
        batch_op.drop_column("last_revoked_rev")
