"""monitor: the prepared facts kept in the vault, and which candidates changed since

Opening the Monitor read every journey event, dropout and placement of the vault and
made Python values of them: ~0.5 s on 20,000 candidates at every first view (issue 5
asks 200 ms). The monitor now keeps its prepared facts in ``monitor_snapshot`` and
re-reads only the candidates listed in ``monitor_dirty``, which these triggers keep
in the same transaction as every write path (services, sync, bulk loads). They fire only
when a column the monitor reads changes. A hard delete of a candidate (a purge) drops the
snapshot: no fact of a purged candidate may stay in the vault.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None
# One-way: nothing downgrades a vault; an upgrade runs in one transaction, after an
# encrypted .bak copy of the vault (models/migrate.py), and that copy is the way back.
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"

# Frozen here (migrations never import code that changes later): table -> (the
# candidate id of a row as SQL over ROW, the columns the monitor reads).
WATCHED = {
    "candidate": (
        "ROW.id",
        ("persona", "spt", "labour_market_region", "referral_source", "registered_on",
         "deleted"),
    ),
    "journey_event": (
        "ROW.candidate_id", ("candidate_id", "from_phase", "to_phase", "occurred_on", "deleted")
    ),
    "dropout": ("ROW.candidate_id", ("candidate_id", "phase", "reason", "occurred_on", "deleted")),
    "placement": ("ROW.candidate_id", ("candidate_id", "starts_on", "deleted")),
    "retention_checkpoint": (
        "ROW.candidate_id", ("candidate_id", "placement_id", "months", "outcome", "deleted")
    ),
    "assignment": ("ROW.candidate_id", ("candidate_id", "coach_id", "role", "active", "deleted")),
}  # fmt: skip


def _mark(who: str, row: str) -> str:
    # NOT EXISTS, not INSERT OR IGNORE: an outer statement's conflict clause (an UPSERT,
    # INSERT OR REPLACE) overrides the one inside a trigger, and a candidate listed twice
    # would then fail the whole statement.
    cid = who.replace("ROW", row)
    return (
        f"INSERT INTO monitor_dirty (candidate_id) SELECT {cid} WHERE {cid} IS NOT NULL "
        f"AND NOT EXISTS (SELECT 1 FROM monitor_dirty WHERE candidate_id = {cid});"
    )


def upgrade() -> None:
    op.create_table(
        "monitor_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=60), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitor_snapshot")),
    )
    op.create_table(
        "monitor_dirty",
        sa.Column("candidate_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("candidate_id", name=op.f("pk_monitor_dirty")),
        sqlite_with_rowid=False,
    )
    for table, (who, columns) in WATCHED.items():
        op.execute(
            f"CREATE TRIGGER monitor_{table}_ins AFTER INSERT ON {table} "
            f"BEGIN {_mark(who, 'NEW')} END"
        )
        op.execute(
            f"CREATE TRIGGER monitor_{table}_upd AFTER UPDATE OF {', '.join(columns)} "
            f"ON {table} BEGIN {_mark(who, 'OLD')} {_mark(who, 'NEW')} END"
        )
        purge = "DELETE FROM monitor_snapshot;" if table == "candidate" else ""
        op.execute(
            f"CREATE TRIGGER monitor_{table}_del AFTER DELETE ON {table} "
            f"BEGIN {_mark(who, 'OLD')} {purge} END"
        )
    # The coach split shows coach names: a renamed coach changes her candidates' facts.
    op.execute(
        "CREATE TRIGGER monitor_coach_name AFTER UPDATE OF name ON coach BEGIN "
        "INSERT INTO monitor_dirty (candidate_id) SELECT DISTINCT a.candidate_id "
        "FROM assignment AS a WHERE a.coach_id = NEW.id AND NOT EXISTS "
        "(SELECT 1 FROM monitor_dirty AS d WHERE d.candidate_id = a.candidate_id); END"
    )


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
