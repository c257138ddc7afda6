"""login_limit replaces login_failure: the rate limit per address, account and pair

The old table counted failed logins per e-mail address only, checked them before the
password in a way concurrent requests slipped past, locked the owner out and kept every
row for ever. ``login_limit`` holds one row per key (hashed address, account or pair) with
its failures, its last attempt and when it may be removed (``spt_server.ratelimit``).
The old rows are dropped: they only ever held a 15-minute window.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 09:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("login_failure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_login_failure_email"))
        batch_op.drop_index(batch_op.f("ix_login_failure_at"))
    op.drop_table("login_failure")
    op.create_table(
        "login_limit",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_at", sa.BigInteger(), nullable=False),
        sa.Column("expires_at", sa.BigInteger(), nullable=False),
        sa.Column("known", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_limit")),
    )
    with op.batch_alter_table("login_limit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_login_limit_expires_at"), ["expires_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("login_limit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_login_limit_expires_at"))
    op.drop_table("login_limit")
    op.create_table(
        "login_failure",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failure")),
    )
    with op.batch_alter_table("login_failure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_login_failure_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_login_failure_email"), ["email"], unique=False)
