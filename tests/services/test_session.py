"""The app-facing vault session: create, unlock, lock, drafts, preferences."""

from __future__ import annotations

from datetime import date

import pytest

from spt_common.enums import Role
from spt_desktop.models.errors import VaultLocked, WrongPassphrase
from spt_desktop.services.errors import ValidationError
from spt_desktop.services.session import (
    DEMO_PASSPHRASE,
    Owner,
    VaultSession,
    passphrase_strength,
)
from tests.conftest import FAST_KDF, PASSPHRASE


def test_create_unlock_lock_and_drafts(tmp_path):
    session = VaultSession(tmp_path / "v.sptvault", kdf=FAST_KDF)
    recovery = session.create(PASSPHRASE, Owner("Sanne Bakker", roles=(Role.JOBCOACH,)))
    assert recovery and session.is_unlocked
    assert session.services.coaches.me().name == "Sanne Bakker"
    session.save_draft("visit:x", {"topics": "Werktijden", "score": 4}, about=None)
    session.lock()
    assert not session.is_unlocked
    with pytest.raises(VaultLocked):
        session.services  # noqa: B018
    with pytest.raises(WrongPassphrase):
        session.unlock("verkeerde wachtwoordzin")
    session.unlock(PASSPHRASE)
    assert session.load_draft("visit:x") == {"topics": "Werktijden", "score": 4}
    assert session.drafts() == {"visit:x": {"topics": "Werktijden", "score": 4}}
    session.drop_draft("visit:x")
    assert session.load_draft("visit:x") is None
    session.lock()
    session.unlock_with_recovery_key(recovery, "nieuwe wachtwoordzin voor later")
    session.lock()
    session.unlock("nieuwe wachtwoordzin voor later")
    session.lock()


def test_drafts_are_not_in_the_file_as_plain_text(tmp_path):
    session = VaultSession(tmp_path / "v.sptvault", kdf=FAST_KDF)
    session.create(PASSPHRASE, Owner("Sanne Bakker"))
    session.save_draft("intake:x", {"background": "Lasser-Geheimwoord"}, about=None)
    session.lock()
    for p in tmp_path.iterdir():
        assert b"Lasser-Geheimwoord" not in p.read_bytes()


def test_create_checks_fields_and_strength(tmp_path):
    session = VaultSession(tmp_path / "v.sptvault", kdf=FAST_KDF)
    with pytest.raises(ValidationError) as err:
        session.create("kort", Owner("", roles=()))
    assert set(err.value.errors) == {"name", "roles", "passphrase"}
    assert not session.exists


def test_auto_lock_setting_and_passphrase_change(tmp_path):
    session = VaultSession(tmp_path / "v.sptvault", kdf=FAST_KDF)
    session.create(PASSPHRASE, Owner("Sanne Bakker"))
    assert session.auto_lock_minutes() == 10
    session.set_auto_lock_minutes(25)
    assert session.auto_lock_minutes() == 25
    with pytest.raises(ValidationError):
        session.set_auto_lock_minutes(0)
    with pytest.raises(ValidationError):
        session.change_passphrase(PASSPHRASE, "kort")
    session.change_passphrase(PASSPHRASE, "een heel andere zin")
    session.lock()
    session.unlock("een heel andere zin")
    status = session.sync_status()
    assert not status.linked and status.unsynced > 0
    session.lock()


def test_strength_meter_orders_passphrases():
    scores = [
        passphrase_strength(p).score for p in ("abc", "aaaaaaaaaaaa", "tulp fiets", PASSPHRASE)
    ]
    assert scores[0] == 0 and scores[1] == 1 and scores[2] >= 2 and scores[3] >= 3


def test_demo_vault_is_made_once_and_left_locked(tmp_path):
    session = VaultSession(tmp_path / "demo.sptvault", kdf=FAST_KDF)
    assert session.ensure_demo(date(2026, 11, 30), n_candidates=12)
    assert not session.is_unlocked
    assert not session.ensure_demo(date(2026, 11, 30))
    services = session.unlock(DEMO_PASSPHRASE)
    assert services.queries.count() == 12
    session.lock()
