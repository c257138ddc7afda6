"""coordination: the server's own time of each device's last successful sync, and yearly
targets per SPT

- ``device.last_sync``: set by the server at the end of every sync it answered (never
  taken from the client), so the coordinator sees which laptop has not synced.
- ``spt_target``: per SPT and year, the targets its coordinator set (instroom,
  plaatsingen, duurzame plaatsingen, uitval as a percentage); empty is "no target".

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 12:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_sync", sa.DateTime(), nullable=True))
    op.create_table(
        "spt_target",
        sa.Column("spt", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("instroom", sa.Integer(), nullable=True),
        sa.Column("placements", sa.Integer(), nullable=True),
        sa.Column("sustained", sa.Integer(), nullable=True),
        sa.Column("dropout_rate", sa.Integer(), nullable=True),
        sa.Column("set_by", sa.String(length=36), nullable=True),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("spt", "year", name=op.f("pk_spt_target")),
    )


def downgrade() -> None:
    op.drop_table("spt_target")
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.drop_column("last_sync")
