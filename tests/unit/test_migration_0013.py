"""Migration 0013 on a vault of schema 0012 with data (tests/fixtures/vaults/v0012): every
table keeps its rows; the new referral tables start empty and take referrals and letters;
a deleted referral or letter keeps none of its content (its scrub triggers)."""

from __future__ import annotations

import shutil
from pathlib import Path

from spt_desktop.models import keyfile
from spt_desktop.models.migrate import SCHEMA_HEAD, current_revision
from spt_desktop.models.vault import Vault
from tests.fixtures.make_vault_fixture import PASSPHRASE

V0012 = Path(__file__).resolve().parents[1] / "fixtures" / "vaults" / "v0012"
TABLES = ("candidate", "intake", "visit", "journey_event", "employer", "placement", "match")


def counts(vault: Vault) -> dict[str, list[tuple[object, ...]]]:
    with vault.engine.connect() as c:
        return {t: [tuple(r) for r in c.exec_driver_sql(f"SELECT * FROM {t} ORDER BY id")]
                for t in TABLES}  # fmt: skip


def test_0013_keeps_every_row_and_adds_the_referral_tables(tmp_path: Path) -> None:
    shutil.copytree(V0012, tmp_path / "v")
    vault = Vault(tmp_path / "v" / "demo.sptvault")
    vault._open_engine(keyfile.unwrap(vault._read_header(), PASSPHRASE), verify=True)
    assert current_revision(vault.engine) == "0012"
    before = counts(vault)
    vault.lock()
    assert before["candidate"] and before["placement"]  # the fixture has data to keep

    vault.unlock(PASSPHRASE)  # upgrades
    try:
        assert current_revision(vault.engine) == SCHEMA_HEAD
        assert counts(vault) == before
        with vault.engine.begin() as c:
            assert c.exec_driver_sql("SELECT count(*) FROM referral").scalar() == 0
            cand, coach = c.exec_driver_sql(
                "SELECT candidate_id, coach_id FROM intake LIMIT 1"
            ).one()
            c.exec_driver_sql(
                "INSERT INTO referral (id, modified_at, deleted, spt, referred_on, "
                "referrer_kind, referrer_region, campaign, referrer_organisation, "
                "referrer_person, referrer_contact, first_name, last_name, email, phone, "
                "municipality, question, known, consent_spt, consent_report_back, status, "
                "recorded_by, candidate_id, coach_id) VALUES ('r1', '2026-11-30', 0, "
                "'spt_noord_holland', '2026-11-20', 'werkcentrum', 'Zaanstreek-Waterland', "
                "NULL, 'Werkcentrum Zaanstad', 'Mieke', 'm@x.nl', 'Samira', 'El Amrani', "
                "'s@x.nl', '0612345678', 'Zaanstad', 'Vraag', 'Bekend', 1, 1, 'in_guidance', "
                "?, ?, ?)",
                (coach, cand, coach),
            )
            c.exec_driver_sql(
                "INSERT INTO referral_letter (id, modified_at, deleted, candidate_id, "
                "referral_id, moment, sent_on, coach_id, recipient) VALUES ('l1', "
                "'2026-11-30', 0, ?, 'r1', 'intake', '2026-11-30', ?, 'Werkcentrum Zaanstad')",
                (cand, coach),
            )
            c.exec_driver_sql("UPDATE referral SET deleted = 1 WHERE id = 'r1'")
            c.exec_driver_sql("UPDATE referral_letter SET deleted = 1 WHERE id = 'l1'")
            kept = c.exec_driver_sql(
                "SELECT first_name, last_name, email, phone, question, known, "
                "referrer_person, referrer_contact, referrer_region FROM referral"
            ).one()
            assert tuple(kept) == ("", "", None, None, "", "", "", "", None)
            assert c.exec_driver_sql("SELECT recipient FROM referral_letter").scalar() == ""
    finally:
        vault.lock()
