"""``raw.lite``: a push's fixed statements on SQLite, past SQLAlchemy's execution layer
(issue 13), still seen by its statement events and never showing parameters (record
content) in an error."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from spt_server import raw


def test_lite_runs_in_the_transaction_seen_by_the_statement_events() -> None:
    engine = sa.create_engine("sqlite://")
    seen: list[tuple[str, Any]] = []

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _seen(_c: Any, _cur: Any, statement: str, params: Any, _ctx: Any, _many: Any) -> None:
        seen.append((statement, params))

    with engine.connect() as conn:
        with conn.begin():
            conn.exec_driver_sql("CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER)")
        with conn.begin():
            raw.lite(conn, "INSERT INTO t VALUES (?, ?)", ("a", 1))
            sql = "SELECT id, n FROM t WHERE id IN (SELECT value FROM json_each(?))"
            assert raw.lite(conn, sql, ('["a", "b"]',)) == [("a", 1)]
            assert (sql, ('["a", "b"]',)) in seen
            conn.rollback()  # the insert was in the transaction: gone with it
        with conn.begin():
            assert raw.lite(conn, "SELECT count(*) FROM t") == [(0,)]


def test_a_database_error_is_sqlalchemys_with_its_parameters_hidden() -> None:
    engine = sa.create_engine("sqlite://")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (id TEXT PRIMARY KEY)")
        raw.lite(conn, "INSERT INTO t VALUES (?)", ("Jansen, 06-12345678",))
        with pytest.raises(sa.exc.IntegrityError) as caught:
            raw.lite(conn, "INSERT INTO t VALUES (?)", ("Jansen, 06-12345678",))
        assert "Jansen" not in str(caught.value)
        assert "hidden" in str(caught.value)


def test_the_fixed_sqlite_statements_are_what_sqlalchemy_writes() -> None:
    """The watermark prune and the sync time on SQLite (``raw.lite``) are the statements
    their SQLAlchemy forms compile to, word for word."""
    from sqlalchemy.dialects import sqlite

    from spt_server import store
    from spt_server.db import Device, Watermark

    def compiled(statement: Any) -> str:
        return " ".join(str(statement.compile(dialect=sqlite.dialect())).split())

    newer = store._W2
    prune = sa.delete(Watermark).where(
        Watermark.rev
        < sa.select(sa.func.max(newer.c.rev)).where(newer.c.key == Watermark.key).scalar_subquery()
    )
    assert compiled(prune) == store._PRUNE_LITE
    note = sa.update(Device).where(Device.id == "d").values(last_sync=None)
    assert compiled(note).replace("last_sync=?", "last_sync = ?") == store._NOTE_SYNC_LITE
