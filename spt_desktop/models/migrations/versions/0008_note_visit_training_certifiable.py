"""dossier: a note can be an aanvulling on a signed-off visit; a training says whether
it leads to certificeerbare eenheden

- ``note.visit_id``: a signed-off visit report is append-only (DESIGN.md §2); what the
  jobcoach adds later is an aanvulling, a note that points at the visit it completes
  (null for an ordinary gespreksverslag). A plain reference without a foreign-key
  constraint: SQLite cannot add one to an existing table without rebuilding it, and the
  note table feeds the full-text index through triggers a rebuild would drop.
- ``training.certifiable``: whether the training gives a recognised certificate or
  certificeerbare eenheden (whitepaper, leak "Geen certificeerbare eenheden, weinig
  modulair": without recognition hardly any funding is found). Existing trainings:
  false, the coach says otherwise.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None
# One-way: nothing downgrades a vault; an upgrade runs in one transaction, after an
# encrypted .bak copy of the vault (models/migrate.py), and that copy is the way back.
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"


def _has_column(table: str, column: str) -> bool:
    rows = op.get_bind().exec_driver_sql(f"PRAGMA table_info({table})").fetchall()
    return any(row[1] == column for row in rows)


def upgrade() -> None:
    # Each step only where it is missing: a vault stamped back to an older revision by a
    # test (to rerun an earlier migration) already has these columns.
    if not _has_column("note", "visit_id"):
        op.execute("ALTER TABLE note ADD COLUMN visit_id VARCHAR(36)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_note_visit_id ON note (visit_id)")
    if not _has_column("training", "certifiable"):
        op.execute("ALTER TABLE training ADD COLUMN certifiable BOOLEAN NOT NULL DEFAULT 0")


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
