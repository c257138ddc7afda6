"""loket register: the questions that reach the SPT's loket, and what became of them

Issue 16 §2 (whitepaper lesson 1, "een onafhankelijk loket is essentieel"; role 6,
"registratie en opvolging van vragen en verzoeken"): ``loket_question`` is new.

Minimal personal data: a question keeps the asker's name and a way to reach her only
while it is open. The trigger ``loket_question_closed_*`` clears both in the database
when a question is written closed, whatever wrote it (a use case, a pulled record), so
no closed question holds them; ``secure_delete`` (vault.py) zeroes the freed bytes.
The conflict store keeps none of them for a closed question either. A deleted question
keeps no content (0007's scrub triggers, for the new table).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"

CODE = sa.String(length=40)
TABLE = "loket_question"
# Frozen here, as in 0007 (spt_desktop.sync.apply's TOMBSTONE_SCRUB is kept equal to
# 0007's SCRUB updated by the later ones', by tests/services/test_privacy_vault.py).
SCRUB: dict[str, dict[str, str | None]] = {
    TABLE: {
        "topic": "", "answer": "", "follow_up_on": None, "closed_on": None, "outcome": None,
        "name": None, "contact": None,
    },
}  # fmt: skip
# What a closed question may not keep (the retention rule of issue 16 §2).
PERSONAL = ("name", "contact")


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


def _closed_triggers() -> None:
    """A closed question keeps no name or contact, on every write path; nor does the
    conflict store keep them for it (a conflict about them, or a refused whole record)."""
    clear = f"UPDATE {TABLE} SET " + ", ".join(f"{c} = NULL" for c in PERSONAL)
    holds = " OR ".join(f"new.{c} IS NOT NULL" for c in PERSONAL)
    when = f"WHEN new.status = 'closed' AND ({holds})"
    op.execute(
        f"CREATE TRIGGER {TABLE}_closed_ai AFTER INSERT ON {TABLE} {when} "
        f"BEGIN {clear} WHERE id = new.id; END"
    )
    op.execute(
        f"CREATE TRIGGER {TABLE}_closed_au AFTER UPDATE OF status, {', '.join(PERSONAL)} "
        f"ON {TABLE} {when} BEGIN {clear} WHERE id = new.id; END"
    )
    listed = ", ".join(f"'{c}'" for c in PERSONAL)
    forget = (
        f"DELETE FROM sync_conflict WHERE record_id = new.id "
        f"AND (field IN ({listed}) OR field IS NULL)"
    )
    for event, name in (("INSERT", "ai"), ("UPDATE OF status", "au")):
        op.execute(
            f"CREATE TRIGGER {TABLE}_closed_conflicts_{name} AFTER {event} ON {TABLE} "
            f"WHEN new.status = 'closed' BEGIN {forget}; END"
        )


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("spt", CODE, nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("channel", CODE, nullable=False),
        sa.Column("asker", CODE, nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("to_coach_id", sa.String(length=36), nullable=True),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("status", CODE, nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("outcome", CODE, nullable=True),
        sa.Column("outcome_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("contact", sa.String(length=320), nullable=True),
        sa.Column("recorded_by", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("server_rev", sa.BigInteger(), nullable=True),
        sa.Column("modified_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["to_coach_id"], ["coach.id"], name=op.f("fk_loket_question_to_coach_id_coach")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["coach.id"], name=op.f("fk_loket_question_recorded_by_coach")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loket_question")),
    )
    for name in ("received_on", "to_coach_id", "follow_up_on"):
        op.create_index(op.f(f"ix_{TABLE}_{name}"), TABLE, [name], unique=False)
    for table, cols in SCRUB.items():
        _scrub_triggers(table, cols)
    _closed_triggers()


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
