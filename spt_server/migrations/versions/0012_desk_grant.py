"""account: the revision at which the SPT's desk records became hers

Issue 16, left over: someone given the loket or coordinator role later received only the
loket questions and referrals written after it; her devices' cursors were past the older
ones. ``desk_granted_rev`` is the revision of that grant: her next pull brings the desk's
records up to it at that revision, as a handover brings a whole dossier (spt_server.pull).
NULL: she had the role from the start (or never).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("account", sa.Column("desk_granted_rev", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("account") as batch:
        batch.drop_column("desk_granted_rev")
