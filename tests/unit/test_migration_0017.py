"""Migration 0017 on a vault of schema 0016 with data (tests/fixtures/vaults/v0016): visit,
match and placement lose their foreign keys to employer and vacancy and keep everything
else (columns, other foreign keys, indexes, triggers, rows and their rowids, which the
search index keys on); after it a visit, match and placement can name an employer and
vacancy the vault does not hold, and the triggers still work."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from spt_desktop.models import keyfile
from spt_desktop.models.migrate import SCHEMA_HEAD, current_revision
from spt_desktop.models.vault import Vault
from tests.fixtures.make_vault_fixture import PASSPHRASE

V0016 = Path(__file__).resolve().parents[1] / "fixtures" / "vaults" / "v0016"
TABLES = ("visit", "match", "placement")
GONE = {
    ("visit", "employer"),
    ("match", "employer"),
    ("match", "vacancy"),
    ("placement", "employer"),
    ("placement", "vacancy"),
}
OUTSIDE = "00000000-0000-4000-8000-0000000000ee"


def schema(c: sa.Connection) -> dict[str, Any]:
    """What must survive: every index and trigger (name, table, text), the columns and
    the foreign keys of the three tables, and their rows with rowids."""
    out: dict[str, Any] = {
        "objects": sorted(
            tuple(r)
            for r in c.exec_driver_sql(
                # 0019's index of search_owner and 0020's held changes come with the
                # upgrade to head.
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type != 'table' "
                "AND name != 'ix_search_owner_candidate' AND tbl_name != 'held_change'"
            )
        ),
        "tables": sorted(
            r[0]
            for r in c.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'held_change'"
            )
        ),
    }
    for t in TABLES:
        out[f"{t}.cols"] = [tuple(r) for r in c.exec_driver_sql(f"PRAGMA table_xinfo({t})")]
        out[f"{t}.fks"] = sorted(
            (r[2], r[3], r[4], r[6]) for r in c.exec_driver_sql(f"PRAGMA foreign_key_list({t})")
        )
        out[f"{t}.rows"] = sorted(
            tuple(r) for r in c.exec_driver_sql(f'SELECT rowid, * FROM "{t}"')
        )
    return out


def _open_0016(tmp_path: Path) -> Vault:
    shutil.copytree(V0016, tmp_path / "v")
    vault = Vault(tmp_path / "v" / "demo.sptvault")
    vault._open_engine(keyfile.unwrap(vault._read_header(), PASSPHRASE), verify=True)
    assert current_revision(vault.engine) == "0016"
    return vault


def test_0017_drops_only_the_registry_foreign_keys(tmp_path: Path) -> None:
    vault = _open_0016(tmp_path)
    with vault.engine.connect() as c:
        before = schema(c)
        counts = {t: len(before[f"{t}.rows"]) for t in TABLES}
        searched = c.exec_driver_sql("SELECT count(*) FROM search_fts").scalar()
    assert all(counts.values()), counts  # the fixture has rows in all three
    assert all(
        (t, parent) in {(t, fk[0]) for fk in before[f"{t}.fks"]} for t, parent in GONE
    )  # the fixture still has the foreign keys that go
    vault.lock()

    vault.unlock(PASSPHRASE)  # upgrades
    try:
        assert current_revision(vault.engine) == SCHEMA_HEAD
        with vault.engine.connect() as c:
            after = schema(c)
            assert c.exec_driver_sql("SELECT count(*) FROM search_fts").scalar() == searched
            assert [r[0] for r in c.exec_driver_sql("PRAGMA integrity_check")] == ["ok"]
        for t in TABLES:
            assert after[f"{t}.cols"] == before[f"{t}.cols"], t
            assert after[f"{t}.rows"] == before[f"{t}.rows"], t
            kept = [fk for fk in before[f"{t}.fks"] if (t, fk[0]) not in GONE]
            assert after[f"{t}.fks"] == kept, t
        assert after["objects"] == before["objects"]
        assert after["tables"] == before["tables"]
        assert vault.integrity_problems() == []
    finally:
        vault.lock()


def test_after_0017_rows_name_an_employer_the_vault_lacks(tmp_path: Path) -> None:
    """A local write of a match, placement and visit at an employer and vacancy that are
    not here; the other foreign keys still hold, and the triggers (search, scrub) fire."""
    vault = _open_0016(tmp_path)
    vault.lock()
    vault.unlock(PASSPHRASE)
    try:
        with vault.engine.begin() as c:
            cand, coach = c.exec_driver_sql(
                "SELECT candidate_id, coach_id FROM visit WHERE NOT deleted LIMIT 1"
            ).one()
            c.exec_driver_sql(
                "INSERT INTO match (id, candidate_id, employer_id, vacancy_id, coach_id,"
                " status, proposed_on, notes, modified_at, deleted) VALUES ('m-out', ?, ?, ?,"
                " ?, 'proposed', '2026-12-01', '', '2026-12-01 10:00:00', 0)",
                (cand, OUTSIDE, OUTSIDE, coach),
            )
            c.exec_driver_sql(
                "INSERT INTO placement (id, candidate_id, employer_id, vacancy_id, match_id,"
                " job_title, contract, starts_on, modified_at, deleted) VALUES ('p-out', ?,"
                " ?, ?, 'm-out', 'Magazijn', 'regular', '2026-12-01',"
                " '2026-12-01 10:00:00', 0)",
                (cand, OUTSIDE, OUTSIDE),
            )
            c.exec_driver_sql(
                "INSERT INTO visit (id, candidate_id, placement_id, employer_id, coach_id,"
                " visited_at, site, mode, attendees, topics, agreements, notes, dropout_risk,"
                " modified_at, deleted) VALUES ('v-out', ?, 'p-out', ?, ?,"
                " '2026-12-02 09:00:00', '', 'on_site', '', 'Zeldzaamwoord', '', '', 0,"
                " '2026-12-02 10:00:00', 0)",
                (cand, OUTSIDE, coach),
            )
        with vault.engine.connect() as c:
            hits = c.exec_driver_sql(
                "SELECT candidate_id FROM search_fts WHERE search_fts MATCH 'Zeldzaamwoord'"
            ).all()
            assert [h[0] for h in hits] == [cand]
        assert vault.integrity_problems() == []
        # A foreign key that stays: a placement at a match that does not exist.
        with pytest.raises(sa.exc.IntegrityError), vault.engine.begin() as c:
            c.exec_driver_sql("UPDATE placement SET match_id = 'geen' WHERE id = 'p-out'")
        with vault.engine.begin() as c:  # the scrub trigger of 0007 still fires
            c.exec_driver_sql("UPDATE visit SET deleted = 1 WHERE id = 'v-out'")
            assert c.exec_driver_sql("SELECT topics FROM visit WHERE id = 'v-out'").scalar() == ""
    finally:
        vault.lock()
