"""Sync in steps: while the server takes its time to answer (a slow 4G link), the vault
thread is free, so the coach's search answers at once; and a lock while a token refresh
is on the wire keeps her signed in. Real server on loopback behind a proxy that holds
its replies until the test lets them go (real sockets, no clock)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from spt_common import protocol as p
from tests.conftest import PASSPHRASE
from tests.ui.conftest import linked_window, register_kim, settle

pytest.importorskip("uvicorn")
from tests.support.server_kit import FaultProxy

SYNC = p.API_PREFIX + "/sync"
REFRESH = p.API_PREFIX + "/auth/refresh"
LOGIN = p.API_PREFIX + "/auth/login"
CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key as the coach presses it: to whichever widget of the window has the focus."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


@pytest.fixture
def proxy(server) -> Iterator[FaultProxy]:  # type: ignore[no-untyped-def]
    proxy = FaultProxy(server.port)
    yield proxy
    proxy.close()  # lets a held reply go, whatever the test did


def test_a_search_answers_while_a_sync_waits_for_the_server(build_window, qtbot, proxy):  # type: ignore[no-untyped-def]
    window, ops = linked_window(build_window, qtbot, proxy.url)
    register_kim(ops)
    register_kim(ops, first_name="Kees", last_name="Bakker")
    page = window.workspace.caseload
    page.refresh()  # registered behind its back
    press(qtbot, window, Qt.Key.Key_F, CTRL)  # the caseload's search box
    settle(qtbot, ops)
    assert page.search.hasFocus() and page.model.rowCount() == 2

    proxy.faults = ["hold"]  # the server gets the push and answers; the answer waits
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: proxy.held == 1, timeout=20000)
    assert proxy.paths[-1] == SYNC
    assert window.sync_label.text() == "Synchroniseren…"

    # She searches meanwhile: the answer comes while the sync's request is in flight.
    qtbot.keyClicks(page.search, "Bakker")
    qtbot.waitUntil(lambda: [r.first_name for r in page.model.rows] == ["Kees"], timeout=20000)
    assert page.count.text() == "1 kandidaat"
    assert proxy.held == 1 and window.sync_label.text() == "Synchroniseren…"

    proxy.release.set()
    settle(qtbot, ops)
    assert "Laatst gesynchroniseerd" in window.sync_label.text()
    assert "niets te versturen" in window.sync_label.text()  # both went, in that request
    assert proxy.paths == [LOGIN, SYNC]


def test_locking_while_a_refresh_is_on_the_wire_keeps_her_signed_in(  # type: ignore[no-untyped-def]
    build_window, qtbot, proxy
):
    window, ops = linked_window(build_window, qtbot, proxy.url)
    register_kim(ops)

    # Her access token has run out: the sync starts with a refresh, which the server
    # rotates (the old refresh token is spent) while its answer is held on the way.
    def expire(session):  # type: ignore[no-untyped-def]
        with session._vault.engine.begin() as c:
            c.exec_driver_sql("UPDATE setting SET value = '0' WHERE key = 'sync.access_expires'")

    ops.vault(expire).run()
    settle(qtbot, ops)
    proxy.faults = ["hold"]
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: proxy.held == 1, timeout=20000)
    assert proxy.paths[-1] == REFRESH

    press(qtbot, window, Qt.Key.Key_L, CTRL)
    assert window.workspace is None  # locked on screen at once
    proxy.release.set()
    settle(qtbot, ops)
    assert window.sync_label.text() == "Vergrendeld"
    assert not window.message.isVisible()

    # Her next sync (unlocked again) goes with the tokens that answer brought: had they
    # been dropped with the lock, the server would take the spent refresh token for a
    # stolen one and end her session. (Checked without the window's unlock screen: the
    # pages of a closed workspace still get Ops.changed through their lambdas, in
    # employers.py and conflicts.py, and fail on their deleted widgets.)
    ops.vault(lambda s: s.unlock(PASSPHRASE)).run()
    reports: list[dict] = []  # type: ignore[type-arg]
    ops.vault(lambda s: s.sync()).success(reports.append).run()
    settle(qtbot, ops)
    assert not window.message.isVisible(), window.message.text.text()
    assert reports and reports[0]["pushed"] > 0
    assert proxy.paths == [LOGIN, REFRESH, SYNC]
