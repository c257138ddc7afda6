"""record: the candidate index ordered by revision, (candidate_id, rev)

Replaces ``ix_record_candidate_id`` (candidate_id): every read by candidate still finds
them by the first column, and a candidate's records past a revision are now one index
range, in revision order. A first pull on PostgreSQL that reads her candidates' records
per candidate (``pull.changed_query``'s long span: a coach among many, her records a
small share of the table) read every record of each on every page and sorted them; it
now reads, per candidate, only those of the page's window. One index replaces the other:
a push inserts into as many indexes as before.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 09:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# Copied, not imported: a migration stays as it was written.
BEFORE = ("ix_record_candidate_id", ["candidate_id"])
AFTER = ("ix_record_candidate_id_rev", ["candidate_id", "rev"])


def upgrade() -> None:
    op.create_index(AFTER[0], "record", AFTER[1], unique=False)
    op.drop_index(BEFORE[0], table_name="record")


def downgrade() -> None:
    op.create_index(BEFORE[0], "record", BEFORE[1], unique=False)
    op.drop_index(AFTER[0], table_name="record")
