"""record: partial indexes for the pull's shared streams

The staff directory (coach), an SPT's registries (by spt) and what is addressed to a
coach (handovers, audit entries, by addressee), each in revision order: a pull walks the
one it needs instead of every record past its cursor (a first pull read the whole record
table for every page). Conditions as in ``db.SHARED_INDEXES``.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 14:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Copied, not imported: a migration stays as it was written.
INDEXES = (
    ("ix_record_coach_rev", ["rev"], "entity = 'coach'"),
    (
        "ix_record_registry_spt_rev",
        ["spt", "rev"],
        "entity IN ('contact_person', 'employer', 'employer_contact', 'vacancy')",
    ),
    ("ix_record_addressed_rev", ["addressee", "rev"], "entity IN ('audit_entry', 'handover')"),
)


def upgrade() -> None:
    for name, cols, where in INDEXES:
        op.create_index(
            name,
            "record",
            cols,
            unique=False,
            postgresql_where=sa.text(where),
            sqlite_where=sa.text(where),
        )


def downgrade() -> None:
    for name, _cols, _where in INDEXES:
        op.drop_index(name, table_name="record")
