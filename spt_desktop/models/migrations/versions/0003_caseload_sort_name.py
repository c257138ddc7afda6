"""caseload sort key: a generated column and its index

Sorting 20,000 candidates by a CASE expression at every unlock cost seconds; SQLite
computes the key instead (VIRTUAL generated column) and an index serves the first page.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None
# One-way: nothing downgrades a vault; an upgrade runs in one transaction, after an
# encrypted .bak copy of the vault (models/migrate.py), and that copy is the way back.
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"

# Frozen copy of spt_desktop.models.people.sort_name_sql() as of this revision.
TUSSENVOEGSELS = (
    "van der ", "van den ", "van de ", "van het ", "van 't ", "in 't ", "op de ", "uit de ",
    "van ", "de ", "den ", "der ", "ter ", "ten ", "te ", "het ", "'t ", "d'",
)  # fmt: skip


def _sort_name_sql() -> str:
    low = "lower(last_name)"
    cases = " ".join(
        f"WHEN substr({low}, 1, {len(p)}) = '{p.replace(chr(39), chr(39) * 2)}' "
        f"THEN substr({low}, {len(p) + 1})"
        for p in TUSSENVOEGSELS
    )
    return f"(CASE {cases} ELSE {low} END) || char(1) || lower(first_name)"


def upgrade() -> None:
    # ADD COLUMN accepts a VIRTUAL generated column (not a STORED one): no table rebuild.
    op.execute(
        f"ALTER TABLE candidate ADD COLUMN sort_name TEXT "
        f"GENERATED ALWAYS AS ({_sort_name_sql()}) VIRTUAL"
    )
    op.execute("CREATE INDEX ix_candidate_sort_name ON candidate (sort_name, id)")


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
