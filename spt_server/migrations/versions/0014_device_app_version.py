"""device: the app version the laptop runs

The server did not know which version of SPT Desktop each laptop runs: an administrator
who raises the minimum client version (``serve --min-client-version``) could not see
which laptops it would stop. ``app_version`` is what the laptop's last login or token
refresh named in its version header (``X-SPT-Client-Version``); NULL: not known yet
(no login or refresh since this migration, or a client that does not say).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 20:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("device", sa.Column("app_version", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.drop_column("app_version")
