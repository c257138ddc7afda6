"""Unlocking a vault written by a newer SPT Desktop in the app: the coach reads that she
should update the app, and the vault stays locked (it used to say "Er ging iets
onverwachts mis" and leave the vault open)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from spt_desktop.models.migrate import SCHEMA_HEAD
from spt_desktop.models.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.conftest import settle


def test_a_newer_vault_says_update_the_app(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    vault, _ = Vault.create(tmp_path / "coach.sptvault", PASSPHRASE, kdf=FAST_KDF)
    with vault.engine.begin() as c:
        c.exec_driver_sql(
            "UPDATE alembic_version SET version_num = ?", (f"{int(SCHEMA_HEAD) + 1:04d}",)
        )
    vault.lock()

    window, ops = build_window()
    settle(qtbot, ops)
    screen = window.unlock_screen
    qtbot.keyClicks(screen.passphrase, PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    settle(qtbot, ops)
    assert screen.error.isVisible()
    assert "nieuwere versie van SPT Desktop" in screen.error.text()
    assert window.stack.currentWidget() is screen
    assert not ops.session.is_unlocked
    assert sorted(p.name for p in tmp_path.glob("coach.sptvault*")) == [
        "coach.sptvault",
        "coach.sptvault.key",
    ]
