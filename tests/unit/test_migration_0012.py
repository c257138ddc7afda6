"""Migration 0012 on a vault of schema 0011 with data (tests/fixtures/vaults/v0011): the
drafts kept before it get the candidate their form id names, wherever in the id she is;
a draft about no one (or naming another record's id) and every other setting get none."""

from __future__ import annotations

import shutil
from pathlib import Path

from spt_desktop.models import keyfile
from spt_desktop.models.migrate import current_revision
from spt_desktop.models.vault import Vault
from tests.fixtures.make_vault_fixture import PASSPHRASE

V0011 = Path(__file__).resolve().parents[1] / "fixtures" / "vaults" / "v0011"


def test_0012_gives_the_kept_drafts_their_candidate(tmp_path: Path) -> None:
    shutil.copytree(V0011, tmp_path / "v")
    vault = Vault(tmp_path / "v" / "demo.sptvault")
    # Write drafts as version 0011 kept them: the engine alone, no upgrade.
    vault._open_engine(keyfile.unwrap(vault._read_header(), PASSPHRASE), verify=True)
    assert current_revision(vault.engine) == "0011"
    with vault.engine.begin() as c:
        cand = c.exec_driver_sql("SELECT id FROM candidate ORDER BY id LIMIT 1").scalar_one()
        emp = c.exec_driver_sql("SELECT id FROM employer ORDER BY id LIMIT 1").scalar_one()
        settings = c.exec_driver_sql("SELECT key, value FROM setting ORDER BY key").all()
        kept = {
            f"draft:visit:{cand}": cand,
            f"draft:goal:g1:{cand}": cand,
            f"draft:placement:{cand}:{emp}": cand,  # 0011 took the employer for her
            f"draft:vacancy:{emp}": None,  # an employer's id is no candidate's
            f"draft:contactperson.{emp}": None,
            "draft:register": None,
        }
        for key in kept:
            c.exec_driver_sql("INSERT INTO setting (key, value) VALUES (?, '{}')", (key,))
    vault.lock()
    assert settings  # the fixture has settings of its own to leave alone

    vault.unlock(PASSPHRASE)  # upgrades
    try:
        assert current_revision(vault.engine) >= "0012"
        with vault.engine.connect() as c:
            rows = dict(c.exec_driver_sql("SELECT key, candidate_id FROM setting").all())
            after = c.exec_driver_sql("SELECT key, value FROM setting ORDER BY key").all()
        assert {k: rows[k] for k in kept} == kept
        others = {k: v for k, v in rows.items() if k not in kept}
        assert others == dict.fromkeys(others) and len(others) == len(settings)
        assert [r for r in after if r[0] not in kept] == settings  # values untouched
    finally:
        vault.lock()
