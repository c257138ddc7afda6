"""Migration 0016 on a vault of schema 0015 with data (tests/fixtures/vaults/v0015): a
done referral (niet gestart, or accepted) loses its candidate's municipality and the
coach's note on why it did not start as well; a waiting one keeps them; from then on the
triggers clear them on every write path, and the conflict store keeps none of them."""

from __future__ import annotations

import shutil
from pathlib import Path

from spt_desktop.models import keyfile
from spt_desktop.models.migrate import SCHEMA_HEAD, current_revision
from spt_desktop.models.vault import Vault
from tests.fixtures.make_vault_fixture import PASSPHRASE

V0015 = Path(__file__).resolve().parents[1] / "fixtures" / "vaults" / "v0015"
COLS = "municipality, not_started_note"
EMPTY = ("", None)


def rows(vault: Vault) -> dict[str, tuple[object, ...]]:
    with vault.engine.connect() as c:
        return {
            r[0]: tuple(r[1:])
            for r in c.exec_driver_sql(
                f"SELECT id, status, candidate_id, referrer_kind, {COLS} FROM referral"
            )
        }


def _conflicts(vault: Vault, rid: str) -> list[str]:
    with vault.engine.connect() as c:
        return [
            r[0]
            for r in c.exec_driver_sql(
                "SELECT field FROM sync_conflict WHERE record_id = ? ORDER BY field", (rid,)
            )
        ]


def _conflict(c: object, rid: str, field: str) -> None:
    c.exec_driver_sql(  # type: ignore[attr-defined]
        "INSERT INTO sync_conflict (id, entity, record_id, kind, field, local_value,"
        " server_value, detected_at) VALUES (?, 'referral', ?, 'field', ?, '\"a\"', '\"b\"',"
        " '2026-12-01 10:00:00')",
        (f"c-{rid}-{field}", rid, field),
    )


def test_0016_clears_municipality_and_note_of_done_referrals(tmp_path: Path) -> None:
    shutil.copytree(V0015, tmp_path / "v")
    vault = Vault(tmp_path / "v" / "demo.sptvault")
    vault._open_engine(keyfile.unwrap(vault._read_header(), PASSPHRASE), verify=True)
    assert current_revision(vault.engine) == "0015"
    with vault.engine.begin() as c:
        ids = [r[0] for r in c.exec_driver_sql("SELECT id FROM referral ORDER BY id")]
        waiting, stopped = ids[0], ids[1]
        c.exec_driver_sql(
            "UPDATE referral SET status = 'received', candidate_id = NULL,"
            " municipality = 'Uitgeest' WHERE id = ?",
            (waiting,),
        )
        # Done before this version: it kept her municipality and the coach's note.
        c.exec_driver_sql(
            "UPDATE referral SET status = 'not_started', not_started_reason = 'other',"
            " municipality = 'Uitgeest', not_started_note = 'Verhuist; mantelzorg'"
            " WHERE id = ?",
            (stopped,),
        )
        for rid in (waiting, stopped):
            _conflict(c, rid, "municipality")
    before = rows(vault)
    vault.lock()
    done = {k for k, r in before.items() if r[0] == "not_started" or r[1] is not None}
    assert stopped in done and waiting not in done
    assert before[stopped][3:] == ("Uitgeest", "Verhuist; mantelzorg")

    vault.unlock(PASSPHRASE)  # upgrades
    try:
        assert current_revision(vault.engine) == SCHEMA_HEAD
        after = rows(vault)
        assert set(after) == set(before)
        for k in done:  # who referred and what became of it stay
            assert after[k][:3] == before[k][:3] and after[k][3:] == EMPTY, k
        assert after[waiting] == before[waiting]
        assert _conflicts(vault, stopped) == [] and _conflicts(vault, waiting) == ["municipality"]
        # From now on every write path: a waiting one set to niet gestart with a note.
        with vault.engine.begin() as c:
            c.exec_driver_sql(
                "UPDATE referral SET status = 'not_started', not_started_note = 'Ziek'"
                " WHERE id = ?",
                (waiting,),
            )
        assert rows(vault)[waiting][3:] == EMPTY
        assert _conflicts(vault, waiting) == []
        with vault.engine.begin() as c:
            c.exec_driver_sql("UPDATE referral SET municipality = 'Castricum' WHERE id = ?",
                              (waiting,))  # fmt: skip
        assert rows(vault)[waiting][3:] == EMPTY
    finally:
        vault.lock()
