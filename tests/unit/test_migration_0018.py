"""Migration 0018 on a vault of schema 0017 with data (tests/fixtures/vaults/v0017): the
search index is made again without prefix indexes and holds the same documents; prefix
searches find the same candidates, FTS5's integrity check and secure-delete hold, every
other object of the schema stays, and the triggers write into the new index."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from spt_desktop.models import keyfile
from spt_desktop.models.migrate import SCHEMA_HEAD, current_revision
from spt_desktop.models.vault import Vault
from spt_desktop.services import Services
from tests.fixtures.make_vault_fixture import PASSPHRASE

V0017 = Path(__file__).resolve().parents[1] / "fixtures" / "vaults" / "v0017"


def _open_0017(tmp_path: Path, name: str = "demo.sptvault") -> Vault:
    shutil.copytree(V0017, tmp_path / "v")
    vault = Vault(tmp_path / "v" / name)
    vault._open_engine(keyfile.unwrap(vault._read_header(), PASSPHRASE), verify=True)
    assert current_revision(vault.engine) == "0017"
    return vault


def _index(c: sa.Connection) -> dict[str, Any]:
    """The index's documents, the schema around it, and what prefix searches find."""
    words = sorted(
        {
            w.lower()
            for (body,) in c.exec_driver_sql("SELECT body FROM search_fts")
            for w in body.split()
            if w.isalpha() and len(w) >= 4
        }
    )
    assert len(words) > 20  # the fixture's documents hold words
    found = {}
    for w in words[::3]:
        for n in (2, 3, 4, len(w)):
            q = f'"{w[:n]}"*'
            found[q] = sorted(
                r[0]
                for r in c.exec_driver_sql(
                    "SELECT o.candidate_id FROM search_fts JOIN search_owner AS o "
                    "ON o.doc = search_fts.rowid WHERE search_fts MATCH ?",
                    (q,),
                )
            )
    return {
        "docs": sorted(
            tuple(r) for r in c.exec_driver_sql("SELECT rowid, candidate_id, body FROM search_fts")
        ),
        "found": found,
        "others": sorted(
            tuple(r)
            for r in c.exec_driver_sql(
                "SELECT type, name, tbl_name, sql FROM sqlite_master "
                # 0019's index of search_owner and 0020's held changes come with the
                # upgrade to head.
                "WHERE name NOT LIKE 'search_fts%' AND name != 'ix_search_owner_candidate' "
                "AND tbl_name != 'held_change'"
            )
        ),
        "sql": c.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'search_fts'"
        ).scalar(),
        "secure_delete": c.exec_driver_sql(
            "SELECT v FROM search_fts_config WHERE k = 'secure-delete'"
        ).scalar(),
    }


def test_0018_makes_the_index_again_without_prefix_indexes(tmp_path: Path) -> None:
    vault = _open_0017(tmp_path)
    with vault.engine.connect() as c:
        before = _index(c)
        blocks = c.exec_driver_sql("SELECT count(*) FROM search_fts_data").scalar()
    assert "prefix = '2 3 4'" in before["sql"] and before["secure_delete"] == 1
    assert any(before["found"].values())
    vault.lock()

    vault.unlock(PASSPHRASE)  # upgrades
    try:
        assert current_revision(vault.engine) == SCHEMA_HEAD
        with vault.engine.connect() as c:
            after = _index(c)
            c.exec_driver_sql(
                "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)"
            )
            assert c.exec_driver_sql("SELECT count(*) FROM search_fts_data").scalar() < blocks
        assert "prefix" not in after["sql"]
        assert after["secure_delete"] == 1
        assert after["docs"] == before["docs"]
        assert after["found"] == before["found"]
        assert after["others"] == before["others"]
        assert vault.integrity_problems() == []
    finally:
        vault.lock()


def test_after_0018_the_triggers_feed_the_new_index(tmp_path: Path) -> None:
    """A coach's note is found by a prefix of its words; deleted, it is gone."""
    vault = _open_0017(tmp_path)
    vault.lock()
    vault.unlock(PASSPHRASE)
    try:
        services = Services(vault)
        with vault.engine.connect() as c:
            cand = c.exec_driver_sql(
                "SELECT id FROM candidate WHERE NOT deleted ORDER BY id LIMIT 1"
            ).scalar()
        assert services.queries.search("Zeldzaamwoord") == []
        services.candidates.add_note(cand, "Zeldzaamwoord in het verslag")
        assert [r.id for r in services.queries.search("Zeld")] == [cand]
        assert [r.id for r in services.queries.search("zeldzaamw")] == [cand]
        with vault.engine.connect() as c:
            c.exec_driver_sql(
                "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)"
            )
        assert vault.integrity_problems() == []
    finally:
        vault.lock()
