"""behoud and uitval: a dossier's closing date and outcome, a retention checkpoint's note

- ``candidate.closed_on`` and ``candidate.closing_outcome``: a dossier ends with an
  outcome (duurzaam geplaatst, elders aan het werk, gestopt, verhuisd, ...) on a day; the
  monitor counts closings and the SPT's retention period counts from that day (issue 12
  §3). Both NULL while the dossier is open, and for every dossier closed before this
  version (their day was never recorded: nothing is made up).
- ``retention_checkpoint.note``: what the coach heard at the checkpoint.

Triggers that name columns are made again with the new ones:
- the monitor's (0006): a closing changes a candidate's facts, so it marks her dirty;
- the tombstone scrub (0007): a deleted row keeps no closing day, outcome or note.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None
# One-way: nothing downgrades a vault; an upgrade runs in one transaction, after an
# encrypted .bak copy of the vault (models/migrate.py), and that copy is the way back.
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"

# Frozen here (migrations never import code that changes later). The whole scrub of the
# two tables whose triggers are made again: 0007's columns and the new ones.
# tests/services/test_privacy_vault.py keeps 0007's SCRUB updated by later ones equal to
# spt_desktop.sync.apply's TOMBSTONE_SCRUB.
SCRUB: dict[str, dict[str, str | None]] = {
    "candidate": {
        "first_name": "", "last_name": "", "birth_date": None, "email": None, "phone": None,
        "municipality": "", "labour_market_region": "", "language_level": None,
        "hours_per_week": None, "availability": None, "salary_expectation": None,
        "skills": None, "interests": None, "motivation": None, "notes": None,
        "next_follow_up": None, "closed_on": None, "closing_outcome": None,
    },
    "retention_checkpoint": {"done_on": None, "outcome": None, "note": None},
}  # fmt: skip
# The candidate columns the monitor reads (0006's list and the closing).
MONITOR_CANDIDATE = (
    "persona", "spt", "labour_market_region", "referral_source", "registered_on", "deleted",
    "closed_on", "closing_outcome",
)  # fmt: skip


def _sql(value: str | None) -> str:
    return "NULL" if value is None else "''"


def _set(cols: dict[str, str | None]) -> str:
    return ", ".join(f'"{c}" = {_sql(v)}' for c, v in cols.items())


def _holds_content(cols: dict[str, str | None], row: str) -> str:
    return " OR ".join(f'{row}."{c}" IS NOT {_sql(v)}' for c, v in cols.items())


def _mark(row: str) -> str:
    # As 0006's: NOT EXISTS, so an outer conflict clause cannot fail the statement.
    return (
        f"INSERT INTO monitor_dirty (candidate_id) SELECT {row}.id WHERE {row}.id IS NOT NULL "
        f"AND NOT EXISTS (SELECT 1 FROM monitor_dirty WHERE candidate_id = {row}.id);"
    )


def upgrade() -> None:
    with op.batch_alter_table("candidate") as batch:
        batch.add_column(sa.Column("closed_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("closing_outcome", sa.String(length=40), nullable=True))
    with op.batch_alter_table("retention_checkpoint") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))
    for table, cols in SCRUB.items():
        op.execute(f"DROP TRIGGER IF EXISTS {table}_scrub_ai")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_scrub_au")
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
    op.execute("DROP TRIGGER IF EXISTS monitor_candidate_upd")
    op.execute(
        f"CREATE TRIGGER monitor_candidate_upd AFTER UPDATE OF {', '.join(MONITOR_CANDIDATE)} "
        f"ON candidate BEGIN {_mark('OLD')} {_mark('NEW')} END"
    )


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
