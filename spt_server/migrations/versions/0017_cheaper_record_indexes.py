"""record: indexes that cost a push less per record

No table changes. Every record a push inserts is checked against each partial index's
condition, and goes into every full index:

- ``ix_record_registry_spt_rev``'s condition becomes four equalities joined by OR
  instead of ``entity IN (...)`` of four values: SQLite builds a small table for an
  ``IN`` of more than two values each time it evaluates one, for every row inserted (2 us
  of a pushed record's ~12 in a bare SQLite replay of a first push). The registry stream
  (``pull.shared_streams``) writes its condition the same way, so it still walks this
  index (SQLite matches a partial index's condition as written).
- ``ix_record_addressee`` holds only the records addressed to someone (``WHERE
  addressee IS NOT NULL``): most have no addressee, and each was a B-tree insert for
  nothing (1 us a record in the same replay). Every query that reads it asks for
  ``addressee = ...``, which both databases know implies the condition.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 04:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# Copied, not imported: a migration stays as it was written.
REGISTRY = "ix_record_registry_spt_rev"
REGISTRY_COLS = ["spt", "rev"]
REGISTRY_BEFORE = "entity IN ('contact_person', 'employer', 'employer_contact', 'vacancy')"
REGISTRY_AFTER = (
    "entity = 'contact_person' OR entity = 'employer' OR entity = 'employer_contact'"
    " OR entity = 'vacancy'"
)
ADDRESSEE = "ix_record_addressee"
ADDRESSEE_AFTER = "addressee IS NOT NULL"


def _index(name: str, cols: list[str], where: str | None) -> None:
    condition = None if where is None else sa.text(where)
    op.create_index(
        name, "record", cols, unique=False, postgresql_where=condition, sqlite_where=condition
    )


def upgrade() -> None:
    op.drop_index(REGISTRY, table_name="record")
    _index(REGISTRY, REGISTRY_COLS, REGISTRY_AFTER)
    op.drop_index(ADDRESSEE, table_name="record")
    _index(ADDRESSEE, ["addressee"], ADDRESSEE_AFTER)


def downgrade() -> None:
    op.drop_index(REGISTRY, table_name="record")
    _index(REGISTRY, REGISTRY_COLS, REGISTRY_BEFORE)
    op.drop_index(ADDRESSEE, table_name="record")
    _index(ADDRESSEE, ["addressee"], None)
