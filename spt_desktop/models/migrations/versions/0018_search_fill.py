"""search index: rows a transaction adds past a mark are indexed once, at its end

A first pull brings a whole caseload (10k candidates: 380k records, some 90k of them
documents of the search index). Its rows went into the index one by one through the
full-text and owner triggers (0001, 0004): a fifth of the pull's CPU. The table
``search_fill`` holds, per table that feeds the index, a mark (a rowid) for the length
of one transaction: the triggers leave rows past the mark alone, and before the
transaction commits ``sync.searchindex.fill`` puts the rows past the mark into the index
in one statement per table and deletes the marks. Rows at or below the mark (all rows
when the table holds no mark, as always outside such a transaction) go through the
triggers as before: secure-delete, owners and the rest unchanged.

How: each of the 24 triggers that write ``search_fts`` or ``search_owner`` is made again
from its own text in ``sqlite_master`` with a WHEN clause added; its body is unchanged.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05
"""

from __future__ import annotations

import re

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"

_HEAD = re.compile(
    r"^(CREATE TRIGGER \w+ AFTER (INSERT|DELETE|UPDATE)(?: OF [\w, ]+)? ON (\w+)) BEGIN ",
    re.IGNORECASE,
)


def upgrade() -> None:
    conn = op.get_bind()
    op.execute("CREATE TABLE search_fill (tbl VARCHAR(40) PRIMARY KEY, mark INTEGER NOT NULL)")
    triggers = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND (sql LIKE '%search_fts%' OR sql LIKE '%search_owner%') ORDER BY name"
    ).all()
    for name, sql in triggers:
        head = _HEAD.match(sql)
        if head is None:
            raise RuntimeError(f"trigger {name} has an unexpected shape")
        row = "new" if head.group(2).upper() == "INSERT" else "old"
        when = (
            f" WHEN NOT EXISTS (SELECT 1 FROM search_fill "
            f"WHERE tbl = '{head.group(3)}' AND {row}.rowid > mark)"
        )
        op.execute(f"DROP TRIGGER {name}")
        op.execute(head.group(1) + when + sql[len(head.group(1)) :])


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
