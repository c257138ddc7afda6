"""A bulk page's inserts skip the ``*_scrub_ai`` triggers (issue 13, round 8): SQLite ran
each one's program for every pulled row to find it had nothing to do (the pull clears
a tombstone's content itself). They are dropped for the page's transaction only and
made again right before it commits: the rows stored are exactly those the triggers'
way stores, and no commit, rollback or other connection ever sees the vault without
them. Real vaults."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from spt_common import protocol as p
from spt_desktop import demo
from spt_desktop.models.vault import Vault
from spt_desktop.sync import apply, engine
from tests.support.server_kit import make_vault

SCRUBBED = sorted(apply.TOMBSTONE_SCRUB)


def _page(source: Vault) -> list[dict[str, Any]]:
    """Every synced row of ``source`` as pulled records; every fifth one of each table a
    tombstone that still carries its content (as an older server sent them)."""
    records: list[dict[str, Any]] = []
    with source.engine.connect() as conn:
        for entity, table in apply.TABLES.items():
            for i, row in enumerate(conn.execute(sa.select(table)).mappings()):
                data = {n: apply.to_wire(row[n]) for n in p.ENTITY_FIELDS[entity]}
                gone = entity in apply.TOMBSTONE_SCRUB and i % 5 == 0
                records.append(
                    {"entity": entity, "id": row["id"], "rev": 7, "deleted": gone, "data": data}
                )
    return records


def _stored(vault: Vault, page: list[dict[str, Any]]) -> dict[str, Any]:
    """The page's rows in every synced table (but the time of the pull) and the search
    index."""
    ids = sorted({r["id"] for r in page})
    out: dict[str, Any] = {}
    with vault.engine.connect() as conn:
        for table in apply.TABLES.values():
            cols = [c.name for c in table.columns if c.name != "modified_at"]
            q = sa.select(*[table.c[c] for c in cols]).order_by(table.c.id)
            q = q.where(table.c.id.in_(ids))
            out[table.name] = [tuple(r) for r in conn.execute(q)]
        out["fts"] = conn.exec_driver_sql("SELECT rowid, * FROM search_fts ORDER BY 1").all()
        out["owner"] = conn.exec_driver_sql("SELECT * FROM search_owner ORDER BY 1").all()
    return out


def _triggers(vault: Vault) -> set[tuple[str, str]]:
    with vault.engine.connect() as conn:
        return set(
            conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all()
        )  # type: ignore[arg-type]


@pytest.fixture
def page(tmp_path: Path) -> list[dict[str, Any]]:
    source = make_vault(tmp_path / "bron.sptvault")
    demo.fill_vault(source, 6, 7, date(2026, 11, 30))
    try:
        return _page(source)
    finally:
        source.lock()


def test_a_bulk_page_stores_what_the_triggers_way_stores(
    tmp_path: Path, page: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: ``apply_page`` took no ``bulk`` and dropped nothing. Now the scrub
    triggers of the tables the page fills are dropped while it is applied, and the
    vault holds row for row, search document for document, what the plain way (the
    triggers there) stores, tombstones scrubbed; the triggers are all back after."""
    monkeypatch.setattr(apply, "QUIET_FROM", 5)
    plain, bulk = make_vault(tmp_path / "gewoon.sptvault"), make_vault(tmp_path / "bulk.sptvault")
    triggers = _triggers(plain)
    with engine.remote_connection(plain) as conn:
        apply.apply_page(conn, page)
    dropped: list[str] = []
    with engine.remote_connection(bulk) as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.set_trace_callback(
            lambda sql: dropped.append(sql) if sql.startswith("DROP TRIGGER") else None
        )
        apply.apply_page(conn, page, bulk=True)
        raw.set_trace_callback(None)
    assert {s.split('"')[1] for s in dropped} >= {"candidate_scrub_ai", "note_scrub_ai"}
    assert _stored(bulk, page) == _stored(plain, page)
    gone = [r for r in page if r["deleted"] and r["entity"] == "note"]
    with bulk.engine.connect() as conn:
        texts = (
            conn.exec_driver_sql("SELECT text FROM note WHERE deleted ORDER BY id").scalars().all()
        )
    assert len(texts) == len(gone) > 0 and set(texts) == {""}
    assert _triggers(bulk) == triggers
    plain.lock()
    bulk.lock()


def test_a_rolled_back_page_and_other_connections_never_see_them_gone(
    tmp_path: Path, page: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the page's transaction is open another connection sees every trigger; a
    page that fails is rolled back with its drops; the next bulk page commits with them
    back, and a row inserted as deleted afterwards is scrubbed by its trigger."""
    monkeypatch.setattr(apply, "QUIET_FROM", 5)
    vault = make_vault(tmp_path / "kluis.sptvault")
    triggers = _triggers(vault)
    with pytest.raises(RuntimeError), engine.remote_connection(vault) as conn:
        apply.apply_page(conn, page, bulk=True)
        assert _triggers(vault) == triggers  # another connection, meanwhile
        raise RuntimeError("afgebroken")
    assert _triggers(vault) == triggers
    with vault.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM note").scalar() == 0
    with engine.remote_connection(vault) as conn:
        apply.apply_page(conn, page, bulk=True)
    assert _triggers(vault) == triggers
    new = "00000000-0000-4000-8000-000000000001"
    cols = [c.name for c in apply.TABLES["note"].columns]
    made = {"id": "?", "text": "'geheim'", "deleted": "1"}
    with vault.engine.begin() as conn:
        conn.exec_driver_sql(
            f"INSERT INTO note ({', '.join(cols)}) "
            f"SELECT {', '.join(made.get(c, c) for c in cols)} FROM note LIMIT 1",
            (new,),
        )
        text = conn.exec_driver_sql("SELECT text FROM note WHERE id = ?", (new,)).scalar()
    assert text == ""
    vault.lock()
