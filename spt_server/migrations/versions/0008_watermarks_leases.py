"""watermarks per pull scope, revision leases, the authentication epoch

- ``watermark``: revisions that changed something in one pull scope (a coach, an SPT's
  registries, the staff directory), rows only added: a sync with nothing new in its
  scope is answered from three index lookups. Started with ``*`` at the current revision, so every
  device pulls once (as before) and is then answered from its marks.
- ``rev_lease``: revisions handed to pushes in flight on PostgreSQL (the pull's safe
  bound), so pushes of different coaches no longer wait on the counter row.
- ``scope.granted_rev`` indexed: a write finds whose scope it changed.
- counter ``auth``: moved by every revocation (device, account, session); servers cache
  a device's check and trust it only while the epoch stays.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 14:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watermark",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("rev", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("key", "rev", name=op.f("pk_watermark")),
    )
    op.create_table(
        "rev_lease",
        sa.Column("first", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("last", sa.BigInteger(), nullable=False),
        sa.Column("xid", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("first", name=op.f("pk_rev_lease")),
    )
    with op.batch_alter_table("rev_lease", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rev_lease_xid"), ["xid"], unique=False)
    with op.batch_alter_table("scope", schema=None) as batch_op:
        batch_op.create_index("ix_scope_granted_rev", ["granted_rev"], unique=False)
    op.execute("INSERT INTO watermark (key, rev) SELECT '*', value FROM counter WHERE name = 'rev'")
    op.execute("INSERT INTO counter (name, value) VALUES ('auth', 0)")


def downgrade() -> None:
    op.execute("DELETE FROM counter WHERE name = 'auth'")
    with op.batch_alter_table("scope", schema=None) as batch_op:
        batch_op.drop_index("ix_scope_granted_rev")
    with op.batch_alter_table("rev_lease", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rev_lease_xid"))
    op.drop_table("rev_lease")
    op.drop_table("watermark")
