"""Settings, language, auto-lock and the one-worker rule, through the real window."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE
from tests.ui.conftest import settle, unlocked_window


def test_vault_work_runs_on_one_worker_thread(build_window, qtbot):  # type: ignore[no-untyped-def]
    _window, ops = unlocked_window(build_window, qtbot)
    seen: list[int] = []
    for _ in range(3):
        ops.read(lambda svc: threading.get_ident()).success(seen.append).run()
    settle(qtbot, ops)
    assert len(set(seen)) == 1 and seen[0] != threading.get_ident()


def test_language_switch_to_english_and_back(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = unlocked_window(build_window, qtbot)
    ws = window.workspace
    assert ws.nav.item(0).text() == "Vandaag"
    window.change_language("en")
    settle(qtbot, ops)
    ws = window.workspace
    assert ws.nav.item(0).text() == "Today"
    assert ws.stack.currentWidget() is ws.settings_page
    assert window.menuBar().actions()[0].text() == "&File"
    window.change_language("nl")
    settle(qtbot, ops)
    assert window.workspace.nav.item(0).text() == "Vandaag"


def test_idle_locks_and_auto_lock_minutes_are_kept(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = unlocked_window(build_window, qtbot)
    page = window.workspace.settings_page
    window.workspace.show_page("settings")
    settle(qtbot, ops)
    assert page.auto_lock.value() == 10
    page.auto_lock.setValue(25)
    page.auto_lock.editingFinished.emit()
    settle(qtbot, ops)
    assert ops.session.auto_lock_minutes() == 25
    window.idle.start(50)  # as if 25 minutes passed without input
    qtbot.waitUntil(lambda: window.workspace is None, timeout=5000)
    settle(qtbot, ops)
    assert not ops.session.is_unlocked
    assert "Automatisch vergrendeld" in window.unlock_screen.intro.text()


def test_change_passphrase_shows_errors_at_the_form(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = unlocked_window(build_window, qtbot)
    page = window.workspace.settings_page
    window.workspace.show_page("settings")
    qtbot.keyClicks(page.old, "verkeerd wachtwoord")
    qtbot.keyClicks(page.new, "nieuwe zin voor later")
    qtbot.keyClicks(page.repeat, "nieuwe zin voor later")
    qtbot.mouseClick(
        page.findChild(type(page.login_button), "changePassphrase"), Qt.MouseButton.LeftButton
    )
    settle(qtbot, ops)
    assert "klopt niet" in page.pass_error.text()
    page.old.clear()
    qtbot.keyClicks(page.old, PASSPHRASE)
    qtbot.mouseClick(
        page.findChild(type(page.login_button), "changePassphrase"), Qt.MouseButton.LeftButton
    )
    settle(qtbot, ops)
    assert page.pass_done.text() == "Wachtwoordzin gewijzigd."
    window.lock()
    settle(qtbot, ops)
    qtbot.keyClicks(window.unlock_screen.passphrase, "nieuwe zin voor later")
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    settle(qtbot, ops)
    assert window.workspace is not None


def test_login_with_bad_address_is_refused_at_the_field(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = unlocked_window(build_window, qtbot)
    page = window.workspace.settings_page
    window.workspace.show_page("settings")
    qtbot.keyClicks(page.server_url, "geen adres")
    qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert "serveradres" in page.login_error.text()
    window.sync_now()
    assert "niet gekoppeld" in window.message.text.text()
