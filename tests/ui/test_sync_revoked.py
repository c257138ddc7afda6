"""A revoked laptop in the window: the sync that meets the revocation wipes the vault, and
the window says so in Dutch and closes the wiped dossiers (nothing of them kept as a draft)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from spt_desktop.models.vault import Vault
from tests.conftest import PASSPHRASE
from tests.ui.conftest import linked_window, register_kim, settle

pytest.importorskip("uvicorn")
from tests.support.server_kit import Admin, count


def server_vault_path(window):  # type: ignore[no-untyped-def]
    return window.ops.session.path


def test_a_revoked_laptop_is_told_its_vault_was_wiped(build_window, qtbot, server):  # type: ignore[no-untyped-def]
    window, ops = linked_window(build_window, qtbot, server.url)
    cand = register_kim(ops)
    window.a_sync.trigger()
    settle(qtbot, ops)
    assert "Laatst gesynchroniseerd" in window.sync_label.text()
    ws = window.workspace
    ws.open_candidate(cand.id)
    settle(qtbot, ops)
    form = ws.candidate_page.profile.profile
    qtbot.keyClicks(form.editors["municipality"], " Noord")  # typed, not saved: a draft
    admin = Admin(server.db_url)
    admin.revoke("anna@spt.nl")
    admin.close()

    window.a_sync.trigger()
    settle(qtbot, ops)
    assert window.workspace is None  # the wiped dossiers are closed
    said = window.unlock_screen.intro.text()
    assert "ingetrokken" in said and "gewist" in said, said
    assert "ingetrokken" in window.sync_label.text()
    assert "onverwachts" not in window.message.text.text()
    # Unlocked again later, the status bar still says why the vault is empty.
    qtbot.keyClicks(window.unlock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    settle(qtbot, ops)
    assert window.workspace is not None
    assert "ingetrokken" in window.sync_label.text(), window.sync_label.text()
    window.lock()
    settle(qtbot, ops)
    vault = Vault(server_vault_path(window))
    vault.unlock(PASSPHRASE)
    try:
        assert count(vault, "candidate") == 0
        assert count(vault, "setting", "key LIKE 'draft:%'") == 0  # the typed text is gone
    finally:
        vault.lock()
