"""employer approach: branch, fund and transitiebereidheid; vacancy gaps; contact log

Issue 12 §1 (whitepaper lessons 7, 8 and 10):

- ``employer`` gets its branch organisation, its training fund and its
  transitiebereidheid (a code on a scale, and a note);
- ``contact_person`` gets ``left_on``: a contact who left is kept (the contact log names
  them) but marked;
- ``vacancy`` gets what shows the whitepaper's gaps beside a candidate: working-time
  pattern, salary range, required Dutch level, level of the work, BBL/leerwerkplek
  possible, and where it came from;
- ``employer_contact`` is new: the contact log of the employer approach, with its
  follow-up date.

Every new column may be null (no value in the rows of before, and a record from a device
of before still syncs). A deleted row keeps no content (0007): the scrub triggers of the
three changed tables are made anew with their new columns, and the new table gets its
own.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None
# One-way: nothing downgrades a vault; an upgrade runs in one transaction, after an
# encrypted .bak copy of the vault (models/migrate.py), and that copy is the way back.
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"

CODE = sa.String(length=40)
NEW_COLUMNS: dict[str, tuple[sa.Column[object], ...]] = {
    "employer": (
        sa.Column("branch", CODE, nullable=True),
        sa.Column("training_fund", CODE, nullable=True),
        sa.Column("transition_readiness", CODE, nullable=True),
        sa.Column("transition_notes", sa.Text(), nullable=True),
    ),
    "contact_person": (sa.Column("left_on", sa.Date(), nullable=True),),
    "vacancy": (
        sa.Column("work_pattern", CODE, nullable=True),
        sa.Column("salary_min", sa.Integer(), nullable=True),
        sa.Column("salary_max", sa.Integer(), nullable=True),
        sa.Column("language_level", CODE, nullable=True),
        sa.Column("work_level", CODE, nullable=True),
        sa.Column("bbl_possible", sa.Boolean(), nullable=True),
        sa.Column("source", CODE, nullable=True),
    ),
}

# Frozen here, as in 0007 (spt_desktop.sync.apply's TOMBSTONE_SCRUB is kept equal to
# 0007's SCRUB updated by the later ones', table by table, by tests/services/test_privacy_vault.py):
# the whole list of each table whose scrub this revision makes anew.
SCRUB: dict[str, dict[str, str | None]] = {
    "employer": {
        "name": "", "municipality": "", "address": "", "guidance_notes": "", "branch": None,
        "training_fund": None, "transition_readiness": None, "transition_notes": None,
    },
    "contact_person": {
        "name": "", "function": "", "email": None, "phone": None, "left_on": None,
    },
    "vacancy": {
        "title": "", "description": "", "hours_per_week": None, "expected_on": None,
        "work_pattern": None, "salary_min": None, "salary_max": None, "language_level": None,
        "work_level": None, "bbl_possible": None, "source": None,
    },
    "employer_contact": {"agreements": "", "follow_up_on": None, "follow_up_done_on": None},
}  # fmt: skip


def _sql(value: str | None) -> str:
    return "NULL" if value is None else "''"


def _set(cols: dict[str, str | None]) -> str:
    return ", ".join(f'"{c}" = {_sql(v)}' for c, v in cols.items())


def _holds_content(cols: dict[str, str | None], row: str) -> str:
    return " OR ".join(f'{row}."{c}" IS NOT {_sql(v)}' for c, v in cols.items())


def _scrub_triggers(table: str, cols: dict[str, str | None]) -> None:
    """0007's two triggers, for ``table`` with ``cols``."""
    clear = f'UPDATE "{table}" SET {_set(cols)}'
    op.execute(
        f"CREATE TRIGGER {table}_scrub_ai AFTER INSERT ON {table} WHEN new.deleted "
        f"BEGIN {clear} WHERE id = new.id; END"
    )
    listed = ", ".join(f'"{c}"' for c in cols)
    op.execute(
        f"CREATE TRIGGER {table}_scrub_au AFTER UPDATE OF deleted, {listed} ON {table} "
        f"WHEN new.deleted AND ({_holds_content(cols, 'new')}) "
        f"BEGIN {clear} WHERE id = new.id; END"
    )


def upgrade() -> None:
    for table, columns in NEW_COLUMNS.items():
        op.execute(f"DROP TRIGGER {table}_scrub_ai")
        op.execute(f"DROP TRIGGER {table}_scrub_au")
        for column in columns:
            # ADD COLUMN of a nullable column without a default: no table rebuild.
            op.add_column(table, column)
    op.create_table(
        "employer_contact",
        sa.Column("employer_id", sa.String(length=36), nullable=False),
        sa.Column("contact_person_id", sa.String(length=36), nullable=True),
        sa.Column("coach_id", sa.String(length=36), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("kind", CODE, nullable=False),
        sa.Column("agreements", sa.Text(), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("follow_up_done_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("server_rev", sa.BigInteger(), nullable=True),
        sa.Column("modified_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["coach_id"], ["coach.id"], name=op.f("fk_employer_contact_coach_id_coach")
        ),
        sa.ForeignKeyConstraint(
            ["contact_person_id"],
            ["contact_person.id"],
            name=op.f("fk_employer_contact_contact_person_id_contact_person"),
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employer.id"],
            name=op.f("fk_employer_contact_employer_id_employer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employer_contact")),
    )
    for name in ("coach_id", "employer_id", "follow_up_on"):
        op.create_index(
            op.f(f"ix_employer_contact_{name}"), "employer_contact", [name], unique=False
        )
    for table, cols in SCRUB.items():
        _scrub_triggers(table, cols)


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
