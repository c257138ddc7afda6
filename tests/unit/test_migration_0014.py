"""Migration 0014 on a vault of schema 0013 with data (tests/fixtures/vaults/v0013): every
row stays; the loket register starts empty; a question written closed keeps no name or
contact, and a deleted one keeps no content (the new triggers)."""

from __future__ import annotations

import shutil
from pathlib import Path

from spt_desktop.models import keyfile
from spt_desktop.models.migrate import current_revision
from spt_desktop.models.vault import Vault
from tests.fixtures.make_vault_fixture import PASSPHRASE

V0013 = Path(__file__).resolve().parents[1] / "fixtures" / "vaults" / "v0013"
TABLES = ("candidate", "visit", "employer", "employer_contact", "match", "placement")
INSERT = (
    "INSERT INTO loket_question (id, spt, received_on, channel, asker, topic, answer, status,"
    " name, contact, recorded_by, modified_at, deleted) VALUES (?, 'spt_noord_holland',"
    " '2026-12-01', 'phone', 'job_seeker', 'Omscholen', '', ?, 'Sanne de Wit', '06 12345678',"
    " ?, '2026-12-01 10:00:00', 0)"
)


def counts(vault: Vault) -> dict[str, int]:
    with vault.engine.connect() as c:
        return {t: c.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one() for t in TABLES}


def test_0014_keeps_every_row_and_adds_the_loket_register(tmp_path: Path) -> None:
    shutil.copytree(V0013, tmp_path / "v")
    vault = Vault(tmp_path / "v" / "demo.sptvault")
    vault._open_engine(keyfile.unwrap(vault._read_header(), PASSPHRASE), verify=True)
    assert current_revision(vault.engine) == "0013"
    before = counts(vault)
    vault.lock()
    assert before["candidate"] and before["employer_contact"]  # data to keep

    vault.unlock(PASSPHRASE)  # upgrades
    try:
        assert int(current_revision(vault.engine) or 0) >= 14
        assert counts(vault) == before
        with vault.engine.begin() as c:
            assert c.exec_driver_sql("SELECT count(*) FROM loket_question").scalar_one() == 0
            owner = vault.owner_id
            c.exec_driver_sql(INSERT, ("q-open", "open", owner))
            c.exec_driver_sql(INSERT, ("q-closed", "closed", owner))
            kept = dict(
                (r[0], (r[1], r[2]))
                for r in c.exec_driver_sql("SELECT id, name, contact FROM loket_question")
            )
            assert kept == {"q-open": ("Sanne de Wit", "06 12345678"), "q-closed": (None, None)}
            c.exec_driver_sql("UPDATE loket_question SET status = 'closed' WHERE id = 'q-open'")
            c.exec_driver_sql("UPDATE loket_question SET name = 'X' WHERE id = 'q-open'")
            row = c.exec_driver_sql(
                "SELECT name, contact FROM loket_question WHERE id = 'q-open'"
            ).one()
            assert tuple(row) == (None, None)
            c.exec_driver_sql("UPDATE loket_question SET deleted = 1 WHERE id = 'q-closed'")
            gone = c.exec_driver_sql(
                "SELECT topic, answer, follow_up_on FROM loket_question WHERE id = 'q-closed'"
            ).one()
            assert tuple(gone) == ("", "", None)
    finally:
        vault.lock()
