"""Sync on its own: every few minutes and when the network comes back, quietly (the
status bar tells, no message bar); with the server gone the work is said to be safe."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from spt_desktop.services.session import Owner
from tests.conftest import PASSPHRASE
from tests.ui.conftest import settle

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
pytest.importorskip("uvicorn")
from spt_server_kit import PASSWORD, Admin, LiveServer, make_db


@pytest.fixture
def server(tmp_path):  # type: ignore[no-untyped-def]
    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("anna@spt.nl")
    live = LiveServer(url).start()
    yield live
    live.stop()
    admin.close()


def test_timer_and_network_return_sync_quietly(build_window, qtbot, server):  # type: ignore[no-untyped-def]
    from PySide6.QtNetwork import QNetworkInformation

    from spt_desktop.ui.window import SYNC_EVERY_MS

    window, ops = build_window()
    ops.vault(lambda s: s.create(PASSPHRASE, Owner("Anna"))).run()
    settle(qtbot, ops)
    ops.vault(lambda s: s.login(server.url, "anna@spt.nl", PASSWORD)).run()
    settle(qtbot, ops)
    window._unlocked()
    settle(qtbot, ops)
    assert "Nog niet gesynchroniseerd" in window.sync_label.text()
    assert window.sync_timer.isActive() and window.sync_timer.interval() == SYNC_EVERY_MS

    window.sync_timer.timeout.emit()  # as if five minutes passed
    settle(qtbot, ops)
    assert "Laatst gesynchroniseerd" in window.sync_label.text()

    server.stop()
    window.sync_timer.timeout.emit()
    settle(qtbot, ops)
    assert "Offline" in window.sync_label.text() and "veilig" in window.sync_label.text()
    assert not window.message.isVisible()  # quiet: the status bar says it

    server.start()
    window._reachability(QNetworkInformation.Reachability.Online)  # the network is back
    settle(qtbot, ops)
    assert "Laatst gesynchroniseerd" in window.sync_label.text()

    window.lock()
    settle(qtbot, ops)
    assert not window.sync_timer.isActive()  # no sync attempts while locked
