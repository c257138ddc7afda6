"""Vault migration 0010 on the v0009 fixture with data (the previous schema): the closing
and the checkpoint note are there and empty for the old rows; the monitor's trigger sees
a closing, and a deleted candidate or checkpoint keeps no closing day, outcome or note
(the scrub triggers)."""

from __future__ import annotations

import shutil
from pathlib import Path

from spt_desktop.models.migrate import current_revision
from spt_desktop.models.vault import Vault
from tests.fixtures.make_vault_fixture import PASSPHRASE

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "vaults" / "v0009"


def test_0010_on_a_0009_vault_with_data(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "v0009")
    vault = Vault(tmp_path / "v0009" / "demo.sptvault")
    vault.unlock(PASSPHRASE)
    try:
        assert current_revision(vault.engine) >= "0010"  # (later ones run too)
        with vault.engine.begin() as c:
            sql = c.exec_driver_sql
            closed = sql(
                "SELECT count(*) FROM candidate WHERE closed_on IS NOT NULL "
                "OR closing_outcome IS NOT NULL"
            ).scalar()
            notes = sql("SELECT count(*) FROM retention_checkpoint WHERE note IS NOT NULL")
            assert closed == 0 and notes.scalar() == 0
            assert sql("SELECT count(*) FROM retention_checkpoint").scalar() > 0
            cid = sql("SELECT id FROM candidate WHERE NOT deleted LIMIT 1").scalar()
            sql("DELETE FROM monitor_dirty")
            sql(
                "UPDATE candidate SET closed_on = '2026-11-30', closing_outcome = 'retained' "
                "WHERE id = ?",
                (cid,),
            )
            assert sql("SELECT candidate_id FROM monitor_dirty").scalars().all() == [cid]
            point = sql("SELECT id FROM retention_checkpoint LIMIT 1").scalar()
            sql("UPDATE retention_checkpoint SET note = 'Gaat goed' WHERE id = ?", (point,))
            sql("UPDATE retention_checkpoint SET deleted = 1 WHERE id = ?", (point,))
            sql("UPDATE candidate SET deleted = 1 WHERE id = ?", (cid,))
            assert sql(
                "SELECT closed_on, closing_outcome FROM candidate WHERE id = ?", (cid,)
            ).one() == (None, None)
            assert (
                sql("SELECT note FROM retention_checkpoint WHERE id = ?", (point,)).scalar() is None
            )
    finally:
        vault.lock()
