"""Removing text from the vault's full-text index so that none of it stays behind.

The index (``search_fts``, FTS5, migrations 0001/0004) runs with FTS5's
``secure-delete`` since vault migration 0007: a document deleted or rewritten leaves
the index's pages at once. Without it the words stayed in older segments as entries
and delete markers; FTS5's ``optimize`` was found to keep such markers (words of
deleted text) in some sequences, so it is no way to clean up. Secure-delete costs a
rewrite of index pages per word: ~20-45 ms a document (80,000 documents: 20 removals
0.9 s; without it 0.04 s). Fine for a coach's edit or delete; too much for a pulled
page that rewrites thousands, or a purge of many dossiers. Those run as a bulk removal:
secure-delete off, the removals, then ``rebuild``, which makes the index anew from the
text still held (~0.6 ms a document held: 80,000 in ~49 s, a caseload's few thousand
in a second or two), then secure-delete on again, in one transaction. The cheaper way
is chosen by the number of documents removed against the number held.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

# A bulk removal pays when the removals outnumber this share of the documents held
# (secure-delete ~30 ms a removal against rebuild ~0.6 ms a document held), and never
# below BULK_REMOVAL removals.
BULK_REMOVAL = 50
REBUILD_PER_REMOVAL = 50


def feeds_search(conn: sa.Connection, table: str) -> bool:
    """Whether the vault's full-text triggers index ``table``'s rows: asked of the
    schema itself, which the migrations made (no second list to keep)."""
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
        "AND sql LIKE '%INSERT INTO search_fts%' LIMIT 1",
        (table,),
    ).first()
    return found is not None


def _has_index(conn: sa.Connection) -> bool:
    return bool(conn.dialect.has_table(conn, "search_fts"))


@contextmanager
def bulk_removal(conn: sa.Connection) -> Iterator[None]:
    """Run the body's removals from the index without secure-delete, then make the
    index anew from the text still held (see the module's description). Inside
    ``conn``'s transaction: a rollback undoes all of it."""
    if not _has_index(conn):
        yield
        return
    conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES ('secure-delete', 0)")
    yield
    conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
    conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES ('secure-delete', 1)")


def _documents(conn: sa.Connection) -> int:
    """How many documents the index holds (search_owner: one small row each)."""
    if not conn.dialect.has_table(conn, "search_owner"):
        return 0
    return int(conn.exec_driver_sql("SELECT count(*) FROM search_owner").scalar() or 0)


@contextmanager
def removing(conn: sa.Connection, documents: int) -> Iterator[None]:
    """The body removes about ``documents`` from the index: as a bulk removal when that
    is the cheaper way, one by one with secure-delete otherwise."""
    if documents > BULK_REMOVAL and documents * REBUILD_PER_REMOVAL > _documents(conn):
        with bulk_removal(conn):
            yield
    else:
        yield
