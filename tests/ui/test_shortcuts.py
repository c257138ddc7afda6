"""The keyboard shortcuts of issue 4 (search, new visit, sync, lock, new candidate,
pages), pressed as keys on the real window, not triggered as actions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import register_kim, settle, unlocked_window

CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key as the coach presses it: to whichever widget has the focus."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def activate(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def close_dialogs(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    for dialog in list(window.workspace.dialogs):
        dialog.drafts.cancel()
        dialog.done(0)
    activate(qtbot, window)


def test_shortcuts_reach_every_main_action(build_window, qtbot):  # type: ignore[no-untyped-def]
    kim: list[Any] = []
    window, ops = unlocked_window(build_window, qtbot, lambda ops: kim.append(register_kim(ops)))
    (cand,) = kim
    activate(qtbot, window)
    ws = window.workspace

    # Alt+2 and Alt+1: pages
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert ws.current_key() == "caseload"
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert ws.current_key() == "today"

    # Ctrl+F: the caseload's search box, from any page
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert ws.current_key() == "caseload" and ws.caseload.search.hasFocus()
    settle(qtbot, ops)
    assert ws.caseload.model.rowCount() == 1

    # Ctrl+N: a visit for the selected candidate
    ws.caseload.view.setFocus()
    ws.caseload.view.selectRow(0)
    press(qtbot, Qt.Key.Key_N, CTRL)
    settle(qtbot, ops)
    assert [d.objectName() for d in ws.dialogs] == ["visitDialog"]
    assert ws.dialogs[0].candidate_id == cand.id
    close_dialogs(qtbot, window)

    # Ctrl+Shift+N: register a new candidate
    press(qtbot, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert [d.objectName() for d in ws.dialogs] == ["candidateDialog"]
    close_dialogs(qtbot, window)

    # Ctrl+S and F5: sync now (this vault is not linked: it says so)
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert "niet gekoppeld" in window.message.text.text()
    window.message.hide()
    press(qtbot, Qt.Key.Key_F5)
    assert "niet gekoppeld" in window.message.text.text()

    # Ctrl+L: lock
    press(qtbot, Qt.Key.Key_L, CTRL)
    settle(qtbot, ops)
    assert window.workspace is None and not ops.session.is_unlocked
    assert window.unlock_screen.passphrase.hasFocus()


def test_menus_show_the_shortcuts(build_window):  # type: ignore[no-untyped-def]
    window, _ops = build_window()
    keys = {a.text(): a.shortcut().toString() for a in window.findChildren(type(window.a_lock))}
    assert keys["Zoeken in caseload"] == "Ctrl+F"
    assert keys["Bezoek vastleggen…"] == "Ctrl+N"
    assert keys["Nu synchroniseren"] == "Ctrl+S"
    assert keys["Vergrendelen"] == "Ctrl+L"


def test_typing_restarts_the_idle_countdown(build_window, qtbot):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    class CountingTimer(QTimer):
        starts = 0

        def start(self, *args) -> None:  # type: ignore[no-untyped-def]
            self.starts += 1
            super().start(*args)

    window, _ops = unlocked_window(build_window, qtbot)
    activate(qtbot, window)
    window.idle.stop()
    window.idle = CountingTimer(window, singleShot=True, interval=600_000)
    window.idle.start()
    window.idle.timeout.connect(window.lock)
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.idle.starts == 2  # ours, then the key press (input restarts it)
