"""The server's migrations build exactly the models' schema (SQLite and PostgreSQL), a
database made before migration 0002 upgrades, and a pull's scope queries walk the indexes
on (account_id, granted_rev) and (account_id, revoked_rev) instead of every scope row of
the coach (the cost of a sync must not grow with her caseload)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import event

from spt_server import pull
from spt_server.db import Base, make_engine
from spt_server.setup import MIGRATIONS, upgrade


def test_migrations_build_exactly_the_models_schema(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        with engine.connect() as c:
            diff = compare_metadata(MigrationContext.configure(c), Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_a_database_of_the_first_schema_upgrades(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    upgrade(engine)  # what `spt-server init` does
    indexes = {ix["name"] for ix in sa.inspect(engine).get_indexes("scope")}
    engine.dispose()
    assert {"ix_scope_account_id_granted_rev", "ix_scope_account_id_revoked_rev"} <= indexes


def _plan(engine: sa.Engine, query: sa.Select[str] | sa.Select[int, str, int | None]) -> str:
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as c:
        return " | ".join(str(row[-1]) for row in c.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))


def test_a_pulls_scope_queries_use_the_cursor_indexes(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    upgrade(engine)
    coach = "00000000-0000-4000-8000-000000000001"
    try:
        granted = _plan(engine, pull.granted_scopes(coach, 120, 130))
        revoked = _plan(engine, pull.revoked_scopes(coach, 120, 130))
    finally:
        engine.dispose()
    assert "ix_scope_account_id_granted_rev (account_id=? AND granted_rev>? AND" in granted
    assert "ix_scope_account_id_revoked_rev (account_id=? AND revoked_rev>? AND" in revoked


def test_scopes_granted_before_0011_send_their_devices_own_records_up_to_the_grant(
    tmp_path: Path,
) -> None:
    """A scope of schema 0010 may have been revoked and granted again without a trace:
    its grant counts as its last revoke, so a device that purged the dossier gets its own
    records back with that grant, as before 0011 (a scope still revoked gets its revoke
    when it is granted again)."""
    from alembic import command
    from alembic.config import Config

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0010")
    with engine.begin() as c:
        c.exec_driver_sql(
            "INSERT INTO scope (account_id, candidate_id, granted_rev, revoked_rev) "
            "VALUES ('a', 'granted', 40, NULL), ('a', 'revoked', 12, 30)"
        )
    upgrade(engine)
    with engine.connect() as c:
        rows = dict(c.exec_driver_sql("SELECT candidate_id, last_revoked_rev FROM scope").all())
    engine.dispose()
    assert rows == {"granted": 40, "revoked": 12}


def test_an_sqlite_upgrade_cut_off_at_its_last_statement_leaves_the_database_as_it_was(
    tmp_path: Path,
) -> None:
    """The upgrade is one transaction on SQLite too: the driver begins one only before a
    write, so without it the DDL of every migration before its first write stayed behind
    when the upgrade failed later (a half-migrated database at its old revision)."""
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")

    def schema() -> list[tuple[str, ...]]:
        with engine.connect() as c:
            return sorted(tuple(r) for r in c.exec_driver_sql("SELECT * FROM sqlite_master"))

    before = schema()
    cut: list[str] = []

    def fire(_conn: object, _cur: object, statement: str, params: object, *_: object) -> None:
        stamp = statement.lstrip().upper().startswith("UPDATE ALEMBIC_VERSION")
        if stamp and head in f"{statement} {params}":
            cut.append(statement)
            raise RuntimeError("cut off")

    event.listen(engine, "before_cursor_execute", fire)
    try:
        with pytest.raises(RuntimeError, match="cut off"):
            upgrade(engine)
        assert cut, "the upgrade never stamped head"
        assert schema() == before
    finally:
        event.remove(engine, "before_cursor_execute", fire)
        engine.dispose()
