"""Statements sent straight on the driver's connection, past SQLAlchemy's execution
layer: on psycopg's, prepared (``run``, PostgreSQL; issue 18), and on sqlite3's
(``lite``: a push's fixed reads and writes on SQLite; issue 13).

Through SQLAlchemy each fixed statement of a push or a pull cost its coercion, cache
key, compiled-statement lookup, execution context and result set-up anew, and psycopg's
conversion of a long statement's placeholders (it caches only short ones): a third of
a small push's server CPU, most of a page's. ``run`` sends one itself and still looks
like any other statement from outside: SQLAlchemy's ``before_cursor_execute`` and
``after_cursor_execute`` see it (the statement-count tests and bench/profile_sync.py
listen there), and a database error is raised as SQLAlchemy's, its parameters hidden
(no personal data in an error message or a log).

Named prepared statements (psycopg's ``prepare``): a PgBouncer in front must be in
session mode, or 1.21+ with ``max_prepared_statements`` (docs/deploy.md)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

import sqlalchemy as sa


class Raw(NamedTuple):
    """A statement compiled once for ``run`` (``compile_raw``): numbered placeholders
    (psycopg sends them as they are, without parsing the text again), its parameters'
    names in their order, the values SQLAlchemy gave its own (``limit + 1``), and
    whether PostgreSQL keeps it prepared. ``run`` gives its rows as named tuples."""

    sql: bytes
    text: str  # ``sql`` as SQLAlchemy's statement events and error messages show it
    names: tuple[str, ...]
    consts: dict[str, Any]
    prepare: bool


class On(NamedTuple):
    """A psycopg connection outside any SQLAlchemy connection (one taken from the pool
    as psycopg has it), with the engine whose statement events see what runs on it."""

    driver: Any  # psycopg.Connection
    engine: sa.Engine


_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def compile_raw(
    statement: sa.Executable, dialect: sa.Dialect, params: dict[str, Any], *, prepare: bool
) -> Raw:
    """``statement`` (with ``params``' names) compiled once for ``run``."""
    text, consts = pyformat(statement, dialect, params)
    return numbered(text, consts, prepare=prepare)


def pyformat(
    statement: sa.Executable, dialect: sa.Dialect, params: dict[str, Any]
) -> tuple[str, dict[str, Any]]:
    """``statement`` (with ``params``' names) as the dialect writes it (``%(name)s``
    placeholders), and the values SQLAlchemy gave its own parameters: to be written into
    a larger statement and then ``numbered``."""
    state = statement.compile(dialect=dialect).construct_expanded_state(params)  # type: ignore[attr-defined]
    return state.statement, dict(state.parameters)


def numbered(text: str, consts: dict[str, Any], *, prepare: bool) -> Raw:
    """``text`` with ``%(name)s`` placeholders (``%%`` for a percent sign) as a ``Raw``."""
    names: list[str] = []

    def number(match: re.Match[str]) -> str:
        if match.group(1) not in names:
            names.append(match.group(1))
        return f"${names.index(match.group(1)) + 1}"

    sql = _PLACEHOLDER.sub(number, text).replace("%%", "%")
    return Raw(sql.encode(), sql, tuple(names), consts, prepare)


def run(
    conn: sa.Connection | On,
    statement: str | Raw,
    params: Any = None,
    *,
    rows: bool = True,
) -> list[Any]:
    """The rows of ``statement`` run on ``conn``'s psycopg connection, in its
    transaction (or autocommit), prepared.

    ``statement``: text with psycopg's placeholders (``%s``, ``%(name)s``; rows as
    tuples), or a ``Raw`` with ``params`` the values by name (rows as named tuples;
    prepared or not as it says). ``rows``: the statement returns rows (else none are
    read: asking psycopg whether it did describes the columns)."""
    from psycopg import RawCursor
    from psycopg.rows import namedtuple_row

    events: sa.Connection | sa.Engine
    if isinstance(conn, On):
        driver, events = conn.driver, conn.engine
    else:
        driver, events = conn.connection.driver_connection, conn
    if isinstance(statement, Raw):
        merged = statement.consts | params
        sql: Any = statement.sql
        shown = statement.text
        values: Any = [merged[n] for n in statement.names]
        cursor: Any = RawCursor(driver, row_factory=namedtuple_row)
        prepare = statement.prepare
    else:
        sql = shown = statement
        values, cursor, prepare = params, driver.cursor(), True

    def execute() -> list[Any]:
        cursor.execute(sql, values, prepare=prepare)
        return cursor.fetchall() if rows else []

    with cursor:
        return _seen(events, cursor, shown, values, execute)


def lite(conn: sa.Connection, sql: str, params: Any = (), row_factory: Any = None) -> list[Any]:
    """The rows of ``sql`` (SQLite's ``?`` placeholders) as plain tuples, run on the
    sqlite3 connection of ``conn``, in its transaction: a push's fixed reads of a batch's
    ids (one JSON parameter) without SQLAlchemy building, compiling and looking up the
    statement and wrapping each row anew (a tenth of a first push's server CPU went to
    that around five reads a batch). Seen by SQLAlchemy's statement events as any other
    statement; a database error is raised as SQLAlchemy's, its parameters hidden.
    ``row_factory``: the sqlite3 cursor's (a page's rows as named tuples, pull.py)."""
    driver = conn.connection.driver_connection
    assert driver is not None
    cursor = driver.cursor()
    if row_factory is not None:
        cursor.row_factory = row_factory
    try:
        return _seen(conn, cursor, sql, params, lambda: cursor.execute(sql, params).fetchall())
    finally:
        cursor.close()


def _seen(
    events: sa.Connection | sa.Engine,
    cursor: Any,
    shown: str,
    values: Any,
    execute: Callable[[], list[Any]],
) -> list[Any]:
    """``execute()`` on a driver's cursor as SQLAlchemy would run it: its statement events
    before and after, a driver's error raised as SQLAlchemy's with the parameters hidden
    (records' content and ids never reach an exception's text or a log line)."""
    events.dispatch.before_cursor_execute(events, cursor, shown, values, None, False)
    try:
        out = execute()
    except Exception as exc:
        error = events.dialect.loaded_dbapi.Error
        if isinstance(exc, error):
            raise sa.exc.DBAPIError.instance(
                shown, values, exc, error, hide_parameters=True
            ) from exc
        raise
    events.dispatch.after_cursor_execute(events, cursor, shown, values, None, False)
    return out
