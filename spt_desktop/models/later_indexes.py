"""A table's value indexes built once after a big pull instead of row by row during it.

A first pull inserts hundreds of thousands of rows into tables that held (nearly)
nothing, and every row went into each of its table's ``ix_`` indexes. An index led by a
date, a name or a code takes its rows anywhere in its B-tree, so every commit of the
pull wrote most of its pages again; built after the pull it is one sort of the loaded
table (``CREATE INDEX``). Indexes led by a reference stay (``waits``). The 10k first
pull's replay: -0.4 s of the client's CPU (bench/SYNC.md, round 8).

The pull (``sync.apply.apply_page``) drops a table's value indexes in the transaction
of the page that begins to fill it (``drop_for_pull``), and the same transaction
records each index's own ``CREATE INDEX`` text under ``LATER`` in the vault's settings;
``build_later`` makes them again and removes the record, in one transaction. So every
commit in between holds the record of exactly the indexes it lacks. A pull cut off
anywhere (the process killed between pages, the connection dropped, the vault locked)
leaves a vault that works: its ``ix_`` indexes are plain (never UNIQUE) indexes, ways
to find rows faster and never a rule, so every query still answers the same, only
slower (lists sorted or filtered by those values). They are made again at the latest
by the next unlock (``migrate.upgrade_if_needed``, before any migration could need
them) or at the end of the next sync (``sync.engine``); a wipe makes them before it
empties the settings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

import sqlalchemy as sa

from spt_desktop.models import later_search

# The setting that holds the indexes a pull dropped: {name: its CREATE INDEX text}.
LATER = "vault.indexes_later"

_SETTING = "setting"
# What ``build_later`` accepts to run: a plain index of one table by columns, as the
# vault's migrations make them (e.g. ``CREATE INDEX ix_match_candidate_id ON "match"
# (candidate_id)``). Anything else in the record is not run (nothing but this module
# writes it; a damaged record must not execute what it holds).
_CREATE = re.compile(
    r'CREATE INDEX (ix_[a-z0-9_]+) ON "?[a-z_][a-z0-9_]*"? \(([a-z0-9_]+)[a-z0-9_, ]*\)\Z'
)


def waits(sql: str) -> bool:
    """Whether the index ``sql`` makes waits for the end of a pull: a plain index led by
    a value (a date, a name, a code). One led by a reference (``*_id``) stays: the
    records' ids are time-ordered (v7), so a pull brings them in about their order and
    each goes in at the end of its index, as cheap as a place in a sort; a value lands
    anywhere in its index, and every commit wrote its pages again. Measured (the 10k
    first pull's replay, round 8): the value indexes built after it -0.4 s of CPU for
    0.16 s of building; the reference indexes built after it cost 0.6 s to save as
    much."""
    found = _CREATE.match(sql)
    return found is not None and not found.group(2).endswith("_id")


def _record(conn: sa.Connection) -> str | None:
    row = conn.exec_driver_sql(f"SELECT value FROM {_SETTING} WHERE key = ?", (LATER,)).first()
    return None if row is None else str(row[0])


def _parsed(record: str | None) -> dict[str, str]:
    if record is None:
        return {}
    try:
        held = json.loads(record)
    except ValueError:
        return {}
    if not isinstance(held, dict):
        return {}
    return {str(k): str(v) for k, v in held.items()}


def pending(conn: sa.Connection) -> dict[str, str]:
    """The indexes a pull dropped and that are still to be built (name -> SQL)."""
    return _parsed(_record(conn))


def drop_for_pull(conn: sa.Connection, tables: Iterable[str]) -> list[str]:
    """Drop the value indexes (``waits``) of ``tables`` for the rest of a pull,
    recorded first under ``LATER`` (in the caller's transaction: the drop and its
    record commit together); the names of those dropped."""
    names = sorted(set(tables))
    if not names:
        return []
    marks = ", ".join("?" * len(names))
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
        rf"AND name LIKE 'ix\_%' ESCAPE '\' AND tbl_name IN ({marks}) ORDER BY name",
        tuple(names),
    ).all()
    found = {name: sql for name, sql in rows if sql is not None and waits(sql)}
    if not found:
        return []
    record = {**pending(conn), **found}
    # The record is written first: a write, so the driver has opened the transaction
    # before the DROP INDEX statements (before DDL it opens none: each would commit on
    # its own, and a kill between two would leave an index dropped and not recorded).
    conn.exec_driver_sql(
        f"INSERT OR REPLACE INTO {_SETTING} (key, value) VALUES (?, ?)",
        (LATER, json.dumps(record, sort_keys=True)),
    )
    for name in found:
        conn.exec_driver_sql(f"DROP INDEX {name}")
    return list(found)


def build_later(conn: sa.Connection) -> list[str]:
    """Make again every index a pull dropped (``LATER``) and remove the record, in the
    caller's transaction; the names of those built (none: nothing was pending). The
    search index's documents a pull left for its end (``later_search``) go in first,
    in the same transaction."""
    later_search.build_later(conn)
    record = _record(conn)
    if record is None:
        return []
    # The record's removal first: a write, so the driver opens the transaction before
    # the CREATE INDEX statements (it opens none before DDL, which would then each
    # commit on their own), and they and the removal commit together.
    conn.exec_driver_sql(f"DELETE FROM {_SETTING} WHERE key = ?", (LATER,))
    present = {
        r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    built = []
    for name, sql in sorted(_parsed(record).items()):
        found = _CREATE.match(sql)
        if name in present or found is None or found.group(1) != name:
            continue
        conn.exec_driver_sql(sql)
        built.append(name)
    return built


def repair(engine: sa.Engine) -> list[str]:
    """On unlock: the indexes and search documents a pull cut off left to build, built
    (one transaction)."""
    with engine.begin() as conn:
        return build_later(conn)
