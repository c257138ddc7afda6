"""token families: refresh tokens in their own table, rotated in families per login

Each device's live refresh token (and the previous one) moves from the device row to
``refresh_token``, in a family of its own, so coaches stay logged in across the upgrade.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 10:00:00
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "refresh_token",
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("family_id", sa.String(length=36), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("rotated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["device_id"], ["device.id"], name=op.f("fk_refresh_token_device_id_device")
        ),
        sa.PrimaryKeyConstraint("hash", name=op.f("pk_refresh_token")),
    )
    with op.batch_alter_table("refresh_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refresh_token_device_id"), ["device_id"], unique=False)
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.add_column(sa.Column("family_id", sa.String(length=36), nullable=True))

    # A device's tokens so far form one family, named after the device.
    now = datetime.now(UTC).replace(tzinfo=None)
    conn = op.get_bind()
    for column, rotated in (("refresh_hash", None), ("previous_hash", now)):
        conn.execute(
            sa.text(
                "INSERT INTO refresh_token (hash, device_id, family_id, issued_at, rotated_at) "
                f"SELECT {column}, id, id, :now, :rotated FROM device "
                f"WHERE {column} IS NOT NULL AND revoked_at IS NULL"
            ),
            {"now": now, "rotated": rotated},
        )
    conn.execute(
        sa.text(
            "UPDATE device SET family_id = id WHERE refresh_hash IS NOT NULL AND revoked_at IS NULL"
        )
    )

    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_device_refresh_hash"))
        batch_op.drop_index(batch_op.f("ix_device_previous_hash"))
        batch_op.drop_column("previous_hash")
        batch_op.drop_column("refresh_hash")


def downgrade() -> None:
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.add_column(sa.Column("refresh_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("previous_hash", sa.String(length=64), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_device_previous_hash"), ["previous_hash"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_device_refresh_hash"), ["refresh_hash"], unique=False)
    op.get_bind().execute(
        sa.text(
            "UPDATE device SET refresh_hash = (SELECT t.hash FROM refresh_token t "
            "WHERE t.device_id = device.id AND t.family_id = device.family_id "
            "AND t.rotated_at IS NULL)"
        )
    )
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.drop_column("family_id")
    with op.batch_alter_table("refresh_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refresh_token_device_id"))
    op.drop_table("refresh_token")
