"""record: two partial indexes, of the records no device holds as stored and of assignments

No table changes. Each holds a small share of the records (a first push of 10,000
candidates: 8,000 and 14,000 of 391,000), and a record a push inserts outside them is
checked against a plain comparison only:

- ``ix_record_unsynced_rev`` (rev) ``WHERE synced_device IS NULL``: the records whose
  stored state no device pushed as it is (made, merged or corrected by the server).
  The page of a device whose own pushes wrote every revision past its cursor
  (``pull.read_page``'s ``own``) can hold only these of her candidates' changes (the
  echo rule skips the rest): it walks this index, not every record the device pushed.
- ``ix_record_assignment_candidate`` (candidate_id) ``WHERE entity = 'assignment'``:
  a candidate's assignments, which a push reads for the candidates its assignments and
  handovers name (``store._Bulk._know_assigned``) and for the new candidates it
  registers; by the candidate index it read every record of each.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 23:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# Copied, not imported: a migration stays as it was written.
INDEXES = (
    ("ix_record_unsynced_rev", ["rev"], "synced_device IS NULL"),
    ("ix_record_assignment_candidate", ["candidate_id"], "entity = 'assignment'"),
)


def upgrade() -> None:
    for name, cols, where in INDEXES:
        condition = sa.text(where)
        op.create_index(
            name, "record", cols, unique=False, postgresql_where=condition, sqlite_where=condition
        )


def downgrade() -> None:
    for name, _cols, _where in INDEXES:
        op.drop_index(name, table_name="record")
