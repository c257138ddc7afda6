"""record: the shared streams' partial indexes test their column for NULL first

No table changes. SQLite evaluates every partial index's condition for every row a
push inserts; the four indexes of the shared streams that read by ``spt = ...`` or
``addressee = ...`` compared ``entity`` once to four times each for every record
(~230 instructions a comparison; ~95 % of the records have no SPT, ~94 % no
addressee). Their conditions now begin with ``spt IS NOT NULL`` / ``addressee IS NOT
NULL`` (one test, false for most records, the comparisons behind it skipped): -1,150
instructions of SQLite's ~18,500 a pushed record (issue 13, round 18). The streams'
equalities imply the new test on both databases, so they walk the same indexes, which
hold the same records as far as those streams can find them.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 08:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

# Copied, not imported: a migration stays as it was written. (name, columns, before, after)
INDEXES = (
    (
        "ix_record_registry_spt_rev",
        ["spt", "rev"],
        "entity = 'contact_person' OR entity = 'employer' OR entity = 'employer_contact'"
        " OR entity = 'vacancy'",
        "spt IS NOT NULL AND (entity = 'contact_person' OR entity = 'employer'"
        " OR entity = 'employer_contact' OR entity = 'vacancy')",
    ),
    (
        "ix_record_addressed_rev",
        ["addressee", "rev"],
        "entity IN ('audit_entry', 'handover')",
        "addressee IS NOT NULL AND entity IN ('audit_entry', 'handover')",
    ),
    (
        "ix_record_referral_spt_rev",
        ["spt", "rev"],
        "entity = 'referral'",
        "spt IS NOT NULL AND entity = 'referral'",
    ),
    (
        "ix_record_referral_addressee_rev",
        ["addressee", "rev"],
        "entity = 'referral'",
        "addressee IS NOT NULL AND entity = 'referral'",
    ),
)


def _index(name: str, cols: list[str], where: str) -> None:
    condition = sa.text(where)
    op.drop_index(name, table_name="record")
    op.create_index(
        name, "record", cols, unique=False, postgresql_where=condition, sqlite_where=condition
    )


def upgrade() -> None:
    for name, cols, _before, after in INDEXES:
        _index(name, cols, after)


def downgrade() -> None:
    for name, cols, before, _after in INDEXES:
        _index(name, cols, before)
