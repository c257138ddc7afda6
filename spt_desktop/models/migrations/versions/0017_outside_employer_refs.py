"""outside employer references: a visit, match or placement names its employer and
vacancy by id, not by foreign key

The server sends a coach her candidates whole but only her own SPT's employers and
vacancies (DESIGN.md, sync). A candidate's match, placement or visit may name another
SPT's employer or vacancy, which this device never receives. Pulled rows are written with
foreign keys off, but a local write enforces them: logging a visit for a candidate placed
at another SPT's employer failed with "FOREIGN KEY constraint failed". The server is the
authority on these references (as for ``loket_question.outcome_id``, 0014).

Dropped: ``visit.employer_id``, ``match.employer_id``/``vacancy_id`` and
``placement.employer_id``/``vacancy_id`` → employer/vacancy. Every other constraint,
column, index, trigger and row stays as it is.

How: SQLite's documented way to remove a FOREIGN KEY constraint (lang_altertable.html,
"making other kinds of table schema changes") is to edit the table's text in
``sqlite_schema`` under ``writable_schema`` and bump ``schema_version``: the rows on disk
do not change. A rebuild (new table, copy, drop, rename) would do harm here, as the
migration runs in one transaction with ``foreign_keys = ON`` (which cannot be switched
off inside it): dropping ``placement`` cascades into ``retention_checkpoint`` and fails on
``visit.placement_id``; a copy renumbers the rowids the search index keys on
(``visit_fts_*``: ``rowid * 8 + 3``); and it drops the table's triggers (search, owner,
scrub, monitor).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05
"""

from __future__ import annotations

import re

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"

# table -> the columns whose foreign key to employer/vacancy goes.
DROPPED: dict[str, tuple[str, ...]] = {
    "visit": ("employer_id",),
    "match": ("employer_id", "vacancy_id"),
    "placement": ("employer_id", "vacancy_id"),
}
PARENT = {"employer_id": "employer", "vacancy_id": "vacancy"}


def _fk_clause(column: str) -> re.Pattern[str]:
    """The table-constraint clause (with its leading comma) of ``column``'s foreign key."""
    parent = PARENT[column]
    return re.compile(
        rf',\s*(?:CONSTRAINT\s+"?\w+"?\s+)?FOREIGN\s+KEY\s*\(\s*"?{column}"?\s*\)\s*'
        rf'REFERENCES\s+"?{parent}"?\s*\(\s*"?id"?\s*\)',
        re.IGNORECASE,
    )


def without_fks(table: str, sql: str) -> str:
    """``sql`` (a CREATE TABLE) without the foreign keys of ``DROPPED[table]``; raises when
    one is not there exactly once (a schema this migration does not know)."""
    for column in DROPPED[table]:
        sql, n = _fk_clause(column).subn("", sql)
        if n != 1:
            raise RuntimeError(f"0017: {table}.{column} has {n} foreign keys, expected 1")
    return sql


def upgrade() -> None:
    conn = op.get_bind()
    tables = {
        name: sql
        for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN "
            "('visit', 'match', 'placement')"
        )
    }
    if set(tables) != set(DROPPED):
        raise RuntimeError("0017: visit, match or placement is missing")
    edited = {name: without_fks(name, sql) for name, sql in tables.items()}
    version = int(conn.exec_driver_sql("PRAGMA schema_version").scalar() or 0)
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        for name, sql in edited.items():
            conn.exec_driver_sql(
                "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                (sql, name),
            )
        # Makes every connection read the schema again.
        conn.exec_driver_sql(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.exec_driver_sql("PRAGMA writable_schema = OFF")
    # The edited text must parse and match the pages: refuse (and roll back) otherwise.
    problems = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check") if r[0] != "ok"]
    if problems:
        raise RuntimeError("0017: " + "; ".join(problems))


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
