"""account: the revision at which a desk role she had was taken away

``spt-server set-roles`` taking the loket or coordinator role from a coach took nothing
off her laptop: the SPT's loket register and every referral of her SPT stayed there,
names and questions included. ``desk_revoked_rev`` is the revision of that change: her
devices' next pull names the desk records she no longer sees in its purge list, as it
does for a dossier handed over (spt_server.pull.desk_revoked_ids); a role given back
later sends them again, her device's own too. NULL: never taken away.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 19:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("account", sa.Column("desk_revoked_rev", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("account") as batch:
        batch.drop_column("desk_revoked_rev")
