"""search index without prefix indexes: ``search_fts`` made again without
``prefix = '2 3 4'``, from the documents it holds

The search index kept three extra indexes, of every word's first two, three and four
letters, for search-as-you-type. Measured at 20,000 candidates and 200,000 visits
(bench/bench_search_prefix.py, bench/SYNC.md round 7): the CPU of a search per keystroke is
the same with them and without them (FTS5 reads a prefix query's range of the word index
itself); they were half of what the index costs to fill (10k first pull: ~0.6 s of the
client's ~8 s) and most of its size (24,398 blocks against 6,784).

What the index answers stays: the same documents (rowid, candidate, text), the same
tokenizer, prefix queries (``"bak"*``) match the same documents, FTS5's secure-delete
stays on. Every other table, trigger and index stays as it is; the triggers name
``search_fts`` by name and write into the new table. The old index's pages are freed in
this transaction (the vault overwrites freed pages: ``secure_delete``).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"

CREATE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(candidate_id UNINDEXED, body, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)


def upgrade() -> None:
    op.execute(
        "CREATE TEMP TABLE search_fts_kept AS "
        "SELECT rowid AS doc, candidate_id, body FROM search_fts"
    )
    op.execute("DROP TABLE search_fts")
    op.execute(CREATE)
    op.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('secure-delete', 1)")
    op.execute(
        "INSERT INTO search_fts(rowid, candidate_id, body) "
        "SELECT doc, candidate_id, body FROM temp.search_fts_kept ORDER BY doc"
    )
    op.execute("DROP TABLE temp.search_fts_kept")


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
