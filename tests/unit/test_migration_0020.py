"""Migration 0020 on a vault of schema 0019 with data (tests/fixtures/vaults/v0019): the
table of held changes comes, empty, with its index by candidate; every other object and
every row stay as they were; after it a pulled change this version cannot store is held
there and the rest of its page applies."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from spt_desktop.models import keyfile
from spt_desktop.models.migrate import SCHEMA_HEAD, current_revision
from spt_desktop.models.vault import Vault
from spt_desktop.sync import held
from spt_desktop.sync.apply import apply_page
from spt_desktop.sync.engine import remote_connection
from tests.fixtures.make_vault_fixture import PASSPHRASE

V0019 = Path(__file__).resolve().parents[1] / "fixtures" / "vaults" / "v0019"


def _open_0019(tmp_path: Path) -> Vault:
    shutil.copytree(V0019, tmp_path / "v")
    vault = Vault(tmp_path / "v" / "demo.sptvault")
    vault._open_engine(keyfile.unwrap(vault._read_header(), PASSPHRASE), verify=True)
    assert current_revision(vault.engine) == "0019"
    return vault


def _state(c: sa.Connection) -> dict[str, Any]:
    tables = [
        r[0]
        for r in c.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts%' "
            "AND name NOT IN ('alembic_version', 'held_change')"
        )
    ]
    return {
        "rows": {
            t: sorted(map(tuple, c.exec_driver_sql(f'SELECT * FROM "{t}"')), key=repr)
            for t in tables
        },
        "schema": sorted(
            (
                tuple(r)
                for r in c.exec_driver_sql(
                    "SELECT type, name, tbl_name, sql FROM sqlite_master "
                    "WHERE tbl_name != 'held_change'"
                )
            ),
            key=repr,
        ),
    }


def test_0020_adds_the_held_changes_and_changes_nothing_else(tmp_path: Path) -> None:
    vault = _open_0019(tmp_path)
    with vault.engine.connect() as c:
        before = _state(c)
    vault.lock()
    vault.unlock(PASSPHRASE)  # upgrades
    assert current_revision(vault.engine) == "0020" == SCHEMA_HEAD
    with vault.engine.connect() as c:
        after = _state(c)
        assert c.exec_driver_sql("SELECT count(*) FROM held_change").scalar() == 0
        plan = " ".join(
            str(r[-1])
            for r in c.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT record_id FROM held_change WHERE candidate_id = 'x'"
            )
        )
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        employer = c.exec_driver_sql("SELECT id, server_rev FROM employer LIMIT 1").one()
    assert after == before
    assert "ix_held_change_candidate_id" in plan

    # An employer with a sector this version does not know, and another employer beside it.
    with vault.engine.connect() as c:
        data = dict(
            zip(
                [d[1] for d in c.exec_driver_sql("PRAGMA table_info(employer)")],
                c.exec_driver_sql("SELECT * FROM employer WHERE id = ?", (employer[0],)).one(),
                strict=True,
            )
        )
    fields = {
        k: v for k, v in data.items() if k not in ("id", "server_rev", "deleted", "modified_at")
    }
    newer = {"entity": "employer", "id": employer[0], "rev": 10_000, "deleted": False}
    other = {"entity": "employer", "id": "019b76da-0000-7000-8000-00000000e001", "rev": 10_001}
    with remote_connection(vault) as c:
        apply_page(
            c,
            [
                {**newer, "data": {**fields, "sector": "ruimtevaart", "name": "Nieuwe naam"}},
                {**other, "deleted": False, "data": {**fields, "name": "Naast de nieuwe"}},
            ],
        )
    with vault.engine.connect() as c:
        assert held.count(c) == 1
        assert (
            c.exec_driver_sql("SELECT name FROM employer WHERE id = ?", (employer[0],)).scalar()
            == data["name"]
        )
        assert (
            c.exec_driver_sql("SELECT name FROM employer WHERE id = ?", (other["id"],)).scalar()
            == "Naast de nieuwe"
        )
    vault.lock()
