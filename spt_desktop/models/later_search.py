"""The search index filled once after a big pull instead of row by row during it.

A first pull brings some 73,000 documents of a 10k caseload (candidates, notes, visits,
intakes) into the search index (``search_fts``, FTS5, and ``search_owner``: vault
migrations 0001/0004/0018), each through its table's AFTER INSERT triggers. FTS5 writes
what a statement indexed as a new segment of its index and merges segments as they
pile up, and every commit of the pull wrote (and SQLCipher encrypted) the merged pages
again. Filled at the end, by one INSERT ... SELECT a table in rowid order, each
document goes in once (bench/SYNC.md, issue 13, "pullcli").

The pull (``sync.apply.apply_page`` with ``bulk``) drops a table's two index triggers
(``{table}_fts_ai``, ``{table}_owner_ai``) in the transaction of the page that begins
to fill the table (``drop_for_pull``), and that transaction records the table under
``LATER``: its rows may lack their documents. ``build_later`` puts in the document (and
owner) of every row of it that is not deleted and has none, makes the triggers again
and removes the record, in one transaction. So every commit in between holds the
record of exactly where the index may lack documents. Nothing is lost when a pull is cut off (the
process killed between pages, the vault locked): the rows are there; their documents are
put in at the latest by the next unlock (``later_indexes.repair``), the end of the next
sync, or before a wipe, all through ``later_indexes.build_later``. Until then a search
does not find the rows inserted since the drop: a search while a big first pull runs
finds what the vault held before it.

Only the INSERT triggers wait: an UPDATE or DELETE of a row still runs the table's other
triggers, which take the row's document out (none: nothing happens) and put it in again
as the row now reads. So a row inserted since may have its document already (a later
page of the pull that updates it; the app's edit meanwhile): ``build_later`` fills only
the rows that have none, in each of the two tables. It asks every row of the table, not
only those past a rowid: SQLite gives a new row the highest rowid plus one, so after a
purge has deleted the last rows a new one can take a rowid the table had before.

A trigger is dropped only when the vault's text of it is exactly the one this module
makes (``trigger_sql``): what is made again is what was there.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlalchemy as sa

# The setting that holds the tables whose documents may wait: a JSON list of their names.
LATER = "vault.search_later"

_SETTING = "setting"

# The tables whose rows the search index holds (as vault migrations 0001/0004 index
# them): table -> (k of a document's rowid ``rowid * 8 + k``, the candidate id column,
# the text columns, joined by a space).
SOURCES: dict[str, tuple[int, str, tuple[str, ...]]] = {
    "candidate": (
        1,
        "id",
        ("first_name", "last_name", "municipality", "skills", "interests", "motivation", "notes"),
    ),
    "note": (2, "candidate_id", ("text",)),
    "visit": (3, "candidate_id", ("topics", "agreements", "notes")),
    "intake": (4, "candidate_id", ("background", "motivation", "wishes", "obstacles")),
}


def _body(cols: tuple[str, ...]) -> str:
    return " || ' ' || ".join(f"coalesce(new.{c}, '')" for c in cols)


def trigger_sql(table: str) -> dict[str, str]:
    """The two INSERT triggers of ``table`` that fill the search index, name -> SQL,
    as the vault's migrations made them (``sqlite_master``'s text)."""
    k, cand, cols = SOURCES[table]
    return {
        f"{table}_fts_ai": (
            f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO search_fts(rowid, candidate_id, body) "
            f"SELECT new.rowid * 8 + {k}, new.{cand}, {_body(cols)} WHERE NOT new.deleted; END"
        ),
        f"{table}_owner_ai": (
            f"CREATE TRIGGER {table}_owner_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO search_owner(doc, candidate_id) "
            f"SELECT new.rowid * 8 + {k}, new.{cand} WHERE NOT new.deleted; END"
        ),
    }


def _fill_sql(table: str) -> tuple[str, str]:
    """The documents (and their owners) of ``table``'s rows that have none, as the
    triggers would have put them in."""
    k, cand, cols = SOURCES[table]
    rows = f"FROM {table} AS new WHERE NOT new.deleted"
    return (
        f"INSERT INTO search_fts(rowid, candidate_id, body) "
        f"SELECT new.rowid * 8 + {k}, new.{cand}, {_body(cols)} {rows} "
        f"AND NOT EXISTS (SELECT 1 FROM search_fts AS f WHERE f.rowid = new.rowid * 8 + {k}) "
        f"ORDER BY new.rowid",
        f"INSERT INTO search_owner(doc, candidate_id) "
        f"SELECT new.rowid * 8 + {k}, new.{cand} {rows} "
        f"AND NOT EXISTS (SELECT 1 FROM search_owner AS o WHERE o.doc = new.rowid * 8 + {k}) "
        f"ORDER BY new.rowid",
    )


def _record(conn: sa.Connection) -> str | None:
    row = conn.exec_driver_sql(f"SELECT value FROM {_SETTING} WHERE key = ?", (LATER,)).first()
    return None if row is None else str(row[0])


def _parsed(record: str | None) -> list[str]:
    """The record's tables; anything else in it is left out (a damaged record names no
    other table and runs nothing but this module's statements)."""
    if record is None:
        return []
    try:
        held = json.loads(record)
    except ValueError:
        return []
    if not isinstance(held, list):
        return []
    return sorted({t for t in held if isinstance(t, str) and t in SOURCES})


def pending(conn: sa.Connection) -> list[str]:
    """The tables whose rows may lack their documents."""
    return _parsed(_record(conn))


def drop_for_pull(conn: sa.Connection, tables: Iterable[str]) -> list[str]:
    """Drop the index's INSERT triggers of ``tables`` for the rest of a pull, the tables
    recorded first under ``LATER`` (in the caller's transaction: the drop and its record
    commit together); the tables whose triggers were dropped."""
    names = sorted(t for t in set(tables) if t in SOURCES)
    if not names:
        return []
    held = pending(conn)
    marks = ", ".join("?" * (2 * len(names)))
    there: dict[str, str] = dict(
        conn.exec_driver_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
            tuple(n for t in names for n in trigger_sql(t)),
        ).all()
    )
    # Only where the vault holds both triggers exactly as this module makes them.
    found = [t for t in names if all(there.get(n) == s for n, s in trigger_sql(t).items())]
    if not found:
        return []
    # The record is written first: a write, so the driver has opened the transaction
    # before the DROP TRIGGER statements (before DDL it opens none: each would commit on
    # its own, and a kill between two would leave a trigger dropped and not recorded).
    conn.exec_driver_sql(
        f"INSERT OR REPLACE INTO {_SETTING} (key, value) VALUES (?, ?)",
        (LATER, json.dumps(sorted({*held, *found}))),
    )
    for table in found:
        for name in trigger_sql(table):
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
    return found


def build_later(conn: sa.Connection) -> list[str]:
    """Put in the documents a pull left out (``LATER``), make the triggers again and
    remove the record, in the caller's transaction; the tables done (none: nothing was
    pending)."""
    record = _record(conn)
    if record is None:
        return []
    # The record's removal first: a write, so the driver opens the transaction before
    # the CREATE TRIGGER statements (see ``drop_for_pull``).
    conn.exec_driver_sql(f"DELETE FROM {_SETTING} WHERE key = ?", (LATER,))
    held = _parsed(record)
    if not held:
        return []
    present = {
        r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    for table in held:
        for sql in _fill_sql(table):
            conn.exec_driver_sql(sql)
        for name, sql in trigger_sql(table).items():
            if name not in present:
                conn.exec_driver_sql(sql)
    return held
