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
