"""caseload speed: search owner table; the sort index covers the caseload's filters

Search-as-you-type read each match's candidate id from the FTS5 content table, whose
rows carry the whole document text: one page decrypted per match, seconds for a short
prefix on a 20,000-candidate vault. This small table maps an FTS rowid to its candidate
id; the same triggers' shape keeps it right on every write path (services, bulk loads,
sync) and lets the bulk loader fill it set-based. Both tables' update triggers fire
only when indexed text, the candidate or deletion changes.

Sorting by the generated sort_name costs ~0.3 ms a row when SQLite computes it (4,000
rows of one phase: 1.2 s), so every caseload query walks the sort index instead; the
index now holds the filter columns too, so the walk reads no table row to filter.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None
# One-way: nothing downgrades a vault; an upgrade runs in one transaction, after an
# encrypted .bak copy of the vault (models/migrate.py), and that copy is the way back.
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"

# Frozen copy of migration 0001's sources: table -> (k, candidate id column, text columns).
SOURCES = {
    "candidate": (
        1,
        "id",
        ("first_name", "last_name", "municipality", "skills", "interests", "motivation", "notes"),
    ),
    "note": (2, "candidate_id", ("text",)),
    "visit": (3, "candidate_id", ("topics", "agreements", "notes")),
    "intake": (4, "candidate_id", ("background", "motivation", "wishes", "obstacles")),
}


def upgrade() -> None:
    op.execute("DROP INDEX ix_candidate_sort_name")
    op.execute(
        "CREATE INDEX ix_candidate_sort_name "
        "ON candidate (sort_name, id, deleted, phase, persona, status)"
    )
    op.execute(
        "CREATE TABLE search_owner (doc INTEGER PRIMARY KEY, candidate_id VARCHAR(36) NOT NULL)"
    )
    op.execute(
        "INSERT INTO search_owner (doc, candidate_id) SELECT rowid, candidate_id FROM search_fts"
    )
    for table, (k, cand, cols) in SOURCES.items():
        insert = (
            f"INSERT INTO search_owner(doc, candidate_id) "
            f"SELECT new.rowid * 8 + {k}, new.{cand} WHERE NOT new.deleted;"
        )
        delete = f"DELETE FROM search_owner WHERE doc = old.rowid * 8 + {k};"
        owner_cols = f"deleted, {cand}"
        op.execute(f"CREATE TRIGGER {table}_owner_ai AFTER INSERT ON {table} BEGIN {insert} END")
        op.execute(f"CREATE TRIGGER {table}_owner_ad AFTER DELETE ON {table} BEGIN {delete} END")
        op.execute(
            f"CREATE TRIGGER {table}_owner_au AFTER UPDATE OF {owner_cols} ON {table} "
            f"BEGIN {delete} {insert} END"
        )
        # 0001's full-text trigger fired on every update, re-indexing a row whose server
        # revision or modified time changed: now only when indexed text or deletion does.
        body = " || ' ' || ".join(f"coalesce(new.{c}, '')" for c in cols)
        fts_insert = (
            f"INSERT INTO search_fts(rowid, candidate_id, body) "
            f"SELECT new.rowid * 8 + {k}, new.{cand}, {body} WHERE NOT new.deleted;"
        )
        fts_delete = f"DELETE FROM search_fts WHERE rowid = old.rowid * 8 + {k};"
        op.execute(f"DROP TRIGGER {table}_fts_au")
        op.execute(
            f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF {', '.join(cols)}, {owner_cols} "
            f"ON {table} BEGIN {fts_delete} {fts_insert} END"
        )


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
