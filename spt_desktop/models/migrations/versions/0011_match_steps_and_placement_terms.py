"""matching: each step of a match keeps its date and a 'no' who said it and why; a
placement keeps its hours and the employer's opleidingsfonds

Issue 12 §2: a match goes voorgesteld → kennismaking → proefplaatsing → aangenomen, or is
afgewezen by the kandidaat, the werkgever or the SPT, with a reason. A placement's
contract may now be a proefplaatsing too (a code, no schema change); it gets the hours a
week and the fund that pays training once the candidate is in work.

All new columns may be null, so a record from a device of the previous version still
validates on the server and in this vault.

The tombstone triggers of 0007 list the content columns of their table: those of
``match`` and ``placement`` are made again with the new columns, so a deleted match or
placement keeps no reason, date or fund either.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"

NEW_COLUMNS: dict[str, tuple[tuple[str, sa.types.TypeEngine[Any]], ...]] = {
    "match": (
        ("introduced_on", sa.Date()),
        ("trial_on", sa.Date()),
        ("hired_on", sa.Date()),
        ("declined_on", sa.Date()),
        ("declined_by", sa.String(40)),
        ("declined_reason", sa.Text()),
    ),
    "placement": (("hours_per_week", sa.Integer()), ("fund", sa.String(40))),
}

# Frozen here, as in 0007: what a deleted row of these tables holds from now on
# (spt_desktop.sync.apply's TOMBSTONE_SCRUB is kept equal to 0007's SCRUB updated by this
# one's, by tests/services/test_privacy_vault.py).
SCRUB: dict[str, dict[str, str | None]] = {
    "match": {
        "klik": None, "notes": "", "introduced_on": None, "trial_on": None, "hired_on": None,
        "declined_on": None, "declined_by": None, "declined_reason": None,
    },
    "placement": {"job_title": "", "ended_on": None, "hours_per_week": None, "fund": None},
}  # fmt: skip


def _sql(value: str | None) -> str:
    return "NULL" if value is None else "''"


def _set(cols: dict[str, str | None]) -> str:
    return ", ".join(f'"{c}" = {_sql(v)}' for c, v in cols.items())


def _holds_content(cols: dict[str, str | None], row: str) -> str:
    return " OR ".join(f'{row}."{c}" IS NOT {_sql(v)}' for c, v in cols.items())


def _has_column(table: str, column: str) -> bool:
    rows = op.get_bind().exec_driver_sql(f"PRAGMA table_info({table})").fetchall()
    return any(row[1] == column for row in rows)


def upgrade() -> None:
    # Each step only where it is missing: a vault stamped back to an older revision by a
    # test (to rerun an earlier migration) already has these columns.
    for table, columns in NEW_COLUMNS.items():
        for name, kind in columns:
            if not _has_column(table, name):
                # Plain ADD COLUMN (nullable, no default): SQLite keeps the rows in place.
                op.add_column(table, sa.Column(name, kind, nullable=True))
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


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
