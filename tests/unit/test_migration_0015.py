"""Migration 0015 on a vault of schema 0014 with data (tests/fixtures/vaults/v0014): every
row stays; a referral already done (niet gestart, or accepted) loses its candidate's
personal data, a waiting one keeps them; from then on the triggers clear them on every
write path."""

from __future__ import annotations

import shutil
from pathlib import Path

from spt_desktop.models import keyfile
from spt_desktop.models.migrate import SCHEMA_HEAD, current_revision
from spt_desktop.models.referrals import PERSONAL
from spt_desktop.models.vault import Vault
from tests.fixtures.make_vault_fixture import PASSPHRASE

V0014 = Path(__file__).resolve().parents[1] / "fixtures" / "vaults" / "v0014"
COLS = ", ".join(PERSONAL)
EMPTY = tuple(PERSONAL.values())


def rows(vault: Vault) -> dict[str, tuple[object, ...]]:
    with vault.engine.connect() as c:
        return {
            r[0]: tuple(r[1:])
            for r in c.exec_driver_sql(
                f"SELECT id, status, candidate_id, referrer_kind, {COLS} FROM referral"
            )
        }


def test_0015_clears_done_referrals_and_keeps_waiting_ones(tmp_path: Path) -> None:
    shutil.copytree(V0014, tmp_path / "v")
    vault = Vault(tmp_path / "v" / "demo.sptvault")
    vault._open_engine(keyfile.unwrap(vault._read_header(), PASSPHRASE), verify=True)
    assert current_revision(vault.engine) == "0014"
    with vault.engine.begin() as c:  # one waits still (the demo's are all done)
        c.exec_driver_sql(
            "UPDATE referral SET status = 'received', candidate_id = NULL WHERE id ="
            " (SELECT min(id) FROM referral)"
        )
    before = rows(vault)
    vault.lock()
    done = {k for k, r in before.items() if r[0] == "not_started" or r[1] is not None}
    waiting = set(before) - done
    assert len(done) >= 2 and len(waiting) == 1
    assert all(before[k][3:] != EMPTY for k in done)  # data to clear

    vault.unlock(PASSPHRASE)  # upgrades
    try:
        assert current_revision(vault.engine) == SCHEMA_HEAD  # 0015, and 0016 after it
        after = rows(vault)
        assert set(after) == set(before)
        for k in done:  # who referred and what became of it stay
            assert after[k][:3] == before[k][:3] and after[k][3:] == EMPTY
        for k in waiting:
            assert after[k] == before[k]
        one = sorted(waiting)[0]
        with vault.engine.begin() as c:
            c.exec_driver_sql("UPDATE referral SET status = 'not_started' WHERE id = ?", (one,))
            c.exec_driver_sql("UPDATE referral SET first_name = 'X' WHERE id = ?", (one,))
        assert rows(vault)[one][3:] == EMPTY
    finally:
        vault.lock()
