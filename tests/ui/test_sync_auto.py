"""Sync on its own: every few minutes and when the network comes back, quietly (the
status bar tells, no message bar); with the server gone the work is said to be safe."""

from __future__ import annotations

import pytest

from tests.ui.conftest import linked_window, settle

pytest.importorskip("uvicorn")


def test_timer_and_network_return_sync_quietly(build_window, qtbot, server):  # type: ignore[no-untyped-def]
    from PySide6.QtNetwork import QNetworkInformation

    from spt_desktop.ui.window import SYNC_EVERY_MS

    window, ops = linked_window(build_window, qtbot, server.url)
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
