"""Bulk loading: many new records in one transaction, fast, and still ready to sync.

The ORM's after_flush hook (``tracking``) writes the outbox for every ORM change, but it
costs a Python object per row: ~6× slower than Core on 100k rows. This loader uses Core
``insert()`` executemany per table instead and writes the outbox rows itself, in the same
transaction, so a bulk-loaded record travels to the server like any other new record.
There is one path only: a demo vault is loaded exactly as an import would be.

The FTS5 index is kept by SQL triggers. Fired once per row they cost ~1 ms each (FTS5
flushes its pending terms at every trigger sub-statement), 10-20x the insert itself. So
within the transaction the loader lifts each AFTER INSERT trigger of the form
``INSERT INTO x(...) SELECT ... WHERE ...``, runs the same statement once for all the new
rows, and puts the trigger back: same index, same transaction, a fraction of the time.
Triggers of another shape are left in place and simply fire.

No audit entries are written here: a bulk load is one act, not one per record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from itertools import islice
from typing import Any

import sqlalchemy as sa

from spt_desktop.models import SYNCED_ENTITIES
from spt_desktop.models.base import Base, new_id, utcnow
from spt_desktop.models.bookkeeping import OutboxEntry

Rows = Mapping[str, Sequence[Mapping[str, Any]]]

# Table name -> sync entity name, for every table whose rows travel to the server.
_ENTITY_OF_TABLE: dict[str, str] = {
    cls.__table__.name: entity  # type: ignore[attr-defined]
    for entity, cls in SYNCED_ENTITIES.items()
}
# executemany in slices: bounds the memory SQLAlchemy needs for processed parameters.
CHUNK = 50_000


def table_order(names: Sequence[str]) -> list[str]:
    """``names`` in foreign-key order (parents first); ValueError on a non-synced table."""
    unknown = sorted(n for n in names if n not in _ENTITY_OF_TABLE)
    if unknown:
        raise ValueError(f"geen synchroniseerbare tabel: {', '.join(unknown)}")
    wanted = frozenset(names)
    return [t.name for t in Base.metadata.sorted_tables if t.name in wanted]


def insert_rows(conn: sa.Connection, rows: Rows, *, now: datetime | None = None) -> dict[str, int]:
    """Insert ``rows`` (table name -> list of row dicts) on ``conn``, plus one outbox entry
    (op ``insert``, all fields) per record. The caller owns the transaction.

    Rows of one table must all have the same keys. Sync columns a row leaves out get
    their defaults (a new id, no server revision, modified now, not deleted).
    Returns the number of records inserted per table.
    """
    stamp = now or utcnow()
    _begin(conn)
    counts: dict[str, int] = {}
    loaded: dict[str, Sequence[Mapping[str, Any]]] = {}
    for name in table_order(list(rows)):
        batch = rows[name]
        if not batch:
            continue
        batch = loaded[name] = _with_sync_defaults(batch, stamp)
        table = Base.metadata.tables[name]
        with _triggers_lifted(conn, name):
            for start in range(0, len(batch), CHUNK):
                conn.execute(table.insert(), batch[start : start + CHUNK])
        counts[name] = len(batch)
    entries = _outbox_rows_in_travel_order(loaded, stamp)
    while chunk := list(islice(entries, CHUNK)):
        conn.execute(sa.insert(OutboxEntry), chunk)
    return counts


# The tables whose records go right behind their candidate's in the outbox (see
# ``_outbox_rows_in_travel_order``).
_WITH_THEIR_CANDIDATE = ("assignment",)


def _outbox_rows_in_travel_order(
    loaded: Mapping[str, Sequence[Mapping[str, Any]]], stamp: datetime
) -> Iterator[dict[str, Any]]:
    """The outbox entries of a load in the order they are pushed: tables parents first,
    but a candidate's assignments right behind her. A push batch takes the outbox in
    order, and a new candidate whose batch does not hold her coach's assignment gets
    one from the server (scope needs one), which it tombstones when the device's own
    arrives in a later batch: with the outbox in table order, that was every candidate
    of a load (issue 13: 1,000 server assignments made and taken back, and most of the
    records a first push of 1,000 candidates pulled back)."""
    behind: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    if "candidate" in loaded:
        for name in _WITH_THEIR_CANDIDATE:
            for row in loaded.get(name, ()):
                behind.setdefault(row["candidate_id"], []).append((name, row))
    placed: set[str] = set()
    for name, batch in loaded.items():
        entity = _ENTITY_OF_TABLE[name]
        if name == "candidate" and behind:
            for row in batch:
                yield from _outbox_rows(entity, [row], stamp)
                for child_table, child in behind.get(row["id"], ()):
                    yield from _outbox_rows(_ENTITY_OF_TABLE[child_table], [child], stamp)
                    placed.add(child["id"])
        elif name in _WITH_THEIR_CANDIDATE and placed:
            yield from _outbox_rows(entity, [r for r in batch if r["id"] not in placed], stamp)
        else:
            for start in range(0, len(batch), CHUNK):
                yield from _outbox_rows(entity, batch[start : start + CHUNK], stamp)


def _begin(conn: sa.Connection) -> None:
    """Make sure SQLite itself is in a transaction. The driver's legacy mode only opens one
    before INSERT/UPDATE/DELETE, so a DROP TRIGGER issued first would run in autocommit
    and survive a rollback."""
    raw = conn.connection.dbapi_connection
    if raw is not None and not raw.in_transaction:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


_SET_BASED = re.compile(
    r"^CREATE\s+TRIGGER\s+(\S+)\s+AFTER\s+INSERT\s+ON\s+(\S+)\s+BEGIN\s+"
    r"(INSERT\s+INTO\s+.+?\s+SELECT\s+.+?)\s+WHERE\s+(.+?);\s*END$",
    re.IGNORECASE | re.DOTALL,
)


@contextmanager
def _triggers_lifted(conn: sa.Connection, table: str) -> Iterator[None]:
    """Run the body with the table's set-based AFTER INSERT triggers dropped, then apply
    each trigger's statement once to every row inserted meanwhile and restore it."""
    lifted = []
    for name, sql in conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
        (table,),
    ):
        m = _SET_BASED.match(sql.strip())
        if m and m.group(2).strip('"') == table:
            lifted.append((name, sql, m.group(3), m.group(4)))
    if not lifted:
        yield
        return
    before = conn.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').scalar()
    for name, *_ in lifted:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    for _name, sql, action, condition in lifted:
        rows = f'"{table}"'
        statement = _NEW.sub(f"{rows}.", f"{action} FROM {rows} WHERE ({condition})")
        conn.exec_driver_sql(f"{statement} AND {rows}.rowid > ?", (before,))
        conn.exec_driver_sql(sql)


_NEW = re.compile(r"\bnew\.", re.IGNORECASE)


def load(vault: Any, rows: Rows, *, now: datetime | None = None) -> dict[str, int]:
    """Insert ``rows`` into an unlocked vault in one transaction (all or nothing)."""
    with vault.engine.begin() as conn:
        return insert_rows(conn, rows, now=now)


def _outbox_rows(
    entity: str, batch: Sequence[Mapping[str, Any]], stamp: datetime
) -> list[dict[str, Any]]:
    return [
        {
            "entity": entity,
            "record_id": row["id"],
            "op": "insert",
            "fields": None,
            "base_rev": None,
            "created_at": stamp,
        }
        for row in batch
    ]


def _with_sync_defaults(
    batch: Sequence[Mapping[str, Any]], stamp: datetime
) -> Sequence[Mapping[str, Any]]:
    # executemany takes its column list from the first row, so only a batch whose first
    # row lacks a sync column needs completing (and then every row does).
    first = batch[0]
    defaults: dict[str, Any] = {"server_rev": None, "modified_at": stamp, "deleted": False}
    missing = [k for k in ("id", *defaults) if k not in first]
    if not missing:
        return batch
    completed = []
    for row in batch:
        full = dict(row)
        for key in missing:
            if key not in full:
                full[key] = new_id() if key == "id" else defaults[key]
        completed.append(full)
    return completed
