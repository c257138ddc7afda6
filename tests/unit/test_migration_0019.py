"""Migration 0019 on a vault of schema 0018 with data (tests/fixtures/vaults/v0018):
search_owner gets its index by candidate; its rows, the full-text index, the triggers and
every other object stay as they were; after it the caseload's search walks with it, finds
what the index finds, and a note written after the upgrade is found."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from spt_desktop.models import keyfile
from spt_desktop.models.migrate import SCHEMA_HEAD, current_revision
from spt_desktop.models.vault import Vault
from spt_desktop.services import Services
from spt_desktop.services.dto import CaseloadFilter
from tests.fixtures.make_vault_fixture import PASSPHRASE

V0018 = Path(__file__).resolve().parents[1] / "fixtures" / "vaults" / "v0018"


def _open_0018(tmp_path: Path) -> Vault:
    shutil.copytree(V0018, tmp_path / "v")
    vault = Vault(tmp_path / "v" / "demo.sptvault")
    vault._open_engine(keyfile.unwrap(vault._read_header(), PASSPHRASE), verify=True)
    assert current_revision(vault.engine) == "0018"
    return vault


def _state(c: sa.Connection) -> dict[str, Any]:
    return {
        "owner": sorted(tuple(r) for r in c.exec_driver_sql("SELECT * FROM search_owner")),
        "docs": sorted(
            tuple(r) for r in c.exec_driver_sql("SELECT rowid, candidate_id, body FROM search_fts")
        ),
        "schema": sorted(
            tuple(r)
            for r in c.exec_driver_sql(
                # 0020's held changes come with the upgrade to head.
                "SELECT type, name, tbl_name, sql FROM sqlite_master "
                "WHERE name != 'ix_search_owner_candidate' AND tbl_name != 'held_change'"
            )
        ),
    }


def test_0019_indexes_search_owner_by_candidate_and_changes_nothing_else(tmp_path: Path) -> None:
    vault = _open_0018(tmp_path)
    with vault.engine.connect() as c:
        before = _state(c)
    vault.lock()
    vault.unlock(PASSPHRASE)  # upgrades
    assert current_revision(vault.engine) == SCHEMA_HEAD
    with vault.engine.connect() as c:
        after = _state(c)
        plan = " ".join(
            str(r[-1])
            for r in c.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT doc FROM search_owner WHERE candidate_id = 'x'"
            )
        )
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert after["schema"] == before["schema"]
    assert after["owner"] == before["owner"] and len(after["owner"]) > 20
    assert after["docs"] == before["docs"]
    assert "COVERING INDEX ix_search_owner_candidate" in plan

    services = Services(vault)
    with vault.engine.connect() as c:
        words = [
            w for (body,) in c.exec_driver_sql("SELECT body FROM search_fts") for w in body.split()
        ]
    for word in sorted({w for w in words if w.isalpha() and len(w) >= 4})[::5]:
        for n in (2, 3, len(word)):
            text = word[:n]
            walked = [r.id for r in services.queries.search(text, limit=5)]
            whole = [r.id for r in services.queries.caseload(CaseloadFilter(text=text))]
            assert walked == whole[:5], text
    first = services.queries.caseload(CaseloadFilter(limit=1))[0]
    services.candidates.add_note(first.id, "Na de upgrade: heftruckzebra")
    assert [r.id for r in services.queries.search("heftruckz", limit=5)] == [first.id]
    vault.lock()
