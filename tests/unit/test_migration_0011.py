"""Migration 0011 on a vault of schema 0007 with data (tests/fixtures/vaults/v0007): every
match and placement keeps its values; the new step dates, 'no' and placement terms start
empty; a deleted match or placement keeps none of the new content (the remade triggers)."""

from __future__ import annotations

import shutil
from pathlib import Path

from spt_desktop.models import keyfile
from spt_desktop.models.migrate import current_revision
from spt_desktop.models.vault import Vault
from tests.fixtures.make_vault_fixture import PASSPHRASE

V0007 = Path(__file__).resolve().parents[1] / "fixtures" / "vaults" / "v0007"
OLD = {
    "match": "SELECT id, candidate_id, employer_id, vacancy_id, status, klik, proposed_on, "
    "notes FROM match ORDER BY id",
    "placement": "SELECT id, candidate_id, match_id, job_title, contract, starts_on, ended_on "
    "FROM placement ORDER BY id",
}
NEW = {
    "match": ("introduced_on", "trial_on", "hired_on", "declined_on", "declined_by",
              "declined_reason"),
    "placement": ("hours_per_week", "fund"),
}  # fmt: skip


def rows(vault: Vault) -> dict[str, list[tuple[object, ...]]]:
    with vault.engine.connect() as c:
        return {t: [tuple(r) for r in c.exec_driver_sql(q)] for t, q in OLD.items()}


def test_0011_keeps_every_match_and_placement_and_adds_empty_fields(tmp_path: Path) -> None:
    shutil.copytree(V0007, tmp_path / "v")
    vault = Vault(tmp_path / "v" / "demo.sptvault")
    # Read the rows as version 0007 wrote them: the engine alone, no upgrade.
    vault._open_engine(keyfile.unwrap(vault._read_header(), PASSPHRASE), verify=True)
    assert current_revision(vault.engine) == "0007"
    before = rows(vault)
    vault.lock()
    assert before["match"] and before["placement"]  # the fixture has data to keep

    vault.unlock(PASSPHRASE)  # upgrades
    try:
        assert current_revision(vault.engine) >= "0011"  # (later ones run too)
        assert rows(vault) == before
        with vault.engine.begin() as c:
            for table, cols in NEW.items():
                listed = ", ".join(cols)
                values = c.exec_driver_sql(f"SELECT DISTINCT {listed} FROM {table}").all()
                assert [tuple(v) for v in values] == [(None,) * len(cols)]
            # A tombstone keeps no new content: the remade 0007 triggers know the columns.
            mid = before["match"][0][0]
            c.exec_driver_sql(
                "UPDATE match SET declined_reason = 'Reistijd te lang', declined_by = 'candidate',"
                " declined_on = '2026-11-01' WHERE id = ?",
                (mid,),
            )
            c.exec_driver_sql("UPDATE match SET deleted = 1 WHERE id = ?", (mid,))
            kept = c.exec_driver_sql(
                "SELECT declined_reason, declined_by, declined_on, notes FROM match WHERE id = ?",
                (mid,),
            ).one()
            assert tuple(kept) == (None, None, None, "")
            pid = before["placement"][0][0]
            c.exec_driver_sql(
                "UPDATE placement SET fund = 'oom', hours_per_week = 32 WHERE id = ?", (pid,)
            )
            c.exec_driver_sql("UPDATE placement SET deleted = 1 WHERE id = ?", (pid,))
            gone = c.exec_driver_sql(
                "SELECT fund, hours_per_week, job_title FROM placement WHERE id = ?", (pid,)
            ).one()
            assert tuple(gone) == (None, None, "")
    finally:
        vault.lock()
