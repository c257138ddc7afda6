"""held changes: pulled changes this version of the app cannot store yet

A colleague on a newer version of SPT Desktop may store a code this version does not
know (a new sector, a new dropout reason): the server takes it (it is upgraded first),
and before this table one such record refused its whole pulled page, so the pull of
every laptop still on the older version stopped for good. Such a change is now held
here as it came, the rest of its page applies and the cursor moves on; a newer version
of the app tries it again, and a newer change of the same record replaces it
(spt_desktop/sync/apply.py). A purge of the candidate deletes it (``candidate_id``).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"


def upgrade() -> None:
    op.create_table(
        "held_change",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("candidate_id", sa.String(length=36), nullable=True),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("app_version", sa.String(length=40), nullable=False),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_held_change")),
    )
    op.create_index(
        op.f("ix_held_change_candidate_id"), "held_change", ["candidate_id"], unique=False
    )


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
