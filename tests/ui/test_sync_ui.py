"""Sync in the window against the real SPT server on loopback: link in Instellingen,
Ctrl+S, the status bar, a same-field edit on two devices, the coach resolves it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from spt_desktop.services.session import Owner
from tests.conftest import PASSPHRASE
from tests.ui.conftest import linked_window, register_kim, settle

pytest.importorskip("uvicorn")
from tests.support.server_kit import PASSWORD, make_vault


def test_link_sync_and_resolve_a_conflict(build_window, qtbot, server, tmp_path):  # type: ignore[no-untyped-def]
    from spt_desktop.sync import engine
    from spt_desktop.sync.transport import Transport

    window, ops = build_window()
    ops.vault(lambda s: s.create(PASSPHRASE, Owner("Anna"))).run()
    settle(qtbot, ops)
    window._unlocked()
    settle(qtbot, ops)
    assert "niet gekoppeld" in window.sync_label.text()

    # Link the vault in Instellingen.
    ws = window.workspace
    ws.show_page("settings")
    page = ws.settings_page
    qtbot.keyClicks(page.server_url, server.url)
    qtbot.keyClicks(page.email, "anna@spt.nl")
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert "Gekoppeld aan" in page.server_state.text(), page.login_error.text()

    cand = register_kim(ops)
    window.a_sync.trigger()
    settle(qtbot, ops)
    assert "Laatst gesynchroniseerd" in window.sync_label.text()
    assert "niets te versturen" in window.sync_label.text()

    # Her second laptop changes the municipality, and so does she here, offline.
    other = make_vault(tmp_path / "tweede.sptvault")
    engine.login(other, server.url, "anna@spt.nl", PASSWORD, device_name="tweede")
    with Transport(server.url) as t:
        engine.sync(other, transport=t)
    from spt_desktop.services import Services

    Services(other).candidates.update(cand.id, {"municipality": "Hoorn"})
    with Transport(server.url) as t:
        engine.sync(other, transport=t)

    ws.open_candidate(cand.id)
    settle(qtbot, ops)
    form = ws.candidate_page.profile.profile
    form.editors["municipality"].clear()
    qtbot.keyClicks(form.editors["municipality"], "Den Helder")
    qtbot.mouseClick(ws.candidate_page.profile.save_profile, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    window.a_sync.trigger()
    settle(qtbot, ops)
    assert "Conflicten" in window.message.text.text()
    assert "1 conflict  ·" in window.sync_label.text()  # singular

    # Both values side by side; she keeps her own.
    ws.show_page("conflicts")
    settle(qtbot, ops)
    conflicts = ws.conflicts
    assert conflicts.model.rowCount() == 1
    row = conflicts.model.rows[0]
    assert (row.field, row.mine, row.theirs) == ("municipality", "Den Helder", "Hoorn")
    # Which field, and in whose dossier (as her caseload names him).
    assert conflicts.model.index(0, 2).data() == "gemeente van Kim de Vries"
    assert ws.candidate_page.dossier.candidate.municipality == "Hoorn"  # the server's, for now
    qtbot.mouseClick(conflicts.mine, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert conflicts.model.rowCount() == 0
    window.a_sync.trigger()
    settle(qtbot, ops)
    with Transport(server.url) as t:
        engine.sync(other, transport=t)
    assert Services(other).candidates.get(cand.id).municipality == "Den Helder"
    other.lock()


def test_server_gone_says_work_is_safe(build_window, qtbot, server):  # type: ignore[no-untyped-def]
    window, ops = linked_window(build_window, qtbot, server.url)
    server.stop()
    window.a_sync.trigger()
    settle(qtbot, ops)
    assert "Offline" in window.sync_label.text() and "veilig" in window.sync_label.text()
    server.start()
