"""Instellingen → "Extra geheugenbeveiliging": the coach's click is stored outside the
vault (read before the next unlock), the page says a restart is needed, and the next
start of the app opens its vault with it. Off by default."""

from __future__ import annotations

import json

from PySide6.QtCore import QPoint, Qt

from tests.ui.conftest import settle, unlocked_window


def on_the_box(box) -> QPoint:  # type: ignore[no-untyped-def]
    """Where the coach clicks: the box itself (the row is wider than box and text)."""
    return QPoint(8, box.height() // 2)


def test_the_setting_is_kept_for_the_next_start(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    stored = tmp_path / "config" / "preferences.json"
    window, ops = unlocked_window(build_window, qtbot)
    page = window.workspace.settings_page
    window.workspace.show_page("settings")
    settle(qtbot, ops)
    assert not page.memory_security.isChecked()  # SQLCipher's own default
    assert not page.memory_note.isVisible()
    assert not stored.exists()

    qtbot.mouseClick(
        page.memory_security, Qt.MouseButton.LeftButton, pos=on_the_box(page.memory_security)
    )
    settle(qtbot, ops)
    assert json.loads(stored.read_text(encoding="utf-8"))["extra_memory_security"] is True
    assert page.memory_security.isChecked()
    assert page.memory_note.isVisible()
    assert "Opnieuw starten nodig" in page.memory_note.text()
    assert "gaat aan" in page.memory_note.text()
    assert not page.memory_error.isVisible()

    # The next start reads it before any unlock, and opens the vault with it.
    _restarted, later = build_window()
    assert later.session.memory_security().chosen
    assert later.session._vault.memory_security

    # Off again, by keyboard: back to what this running app has, nothing to restart for.
    page.memory_security.setFocus()
    qtbot.keyClick(page.memory_security, Qt.Key.Key_Space)
    settle(qtbot, ops)
    assert json.loads(stored.read_text(encoding="utf-8"))["extra_memory_security"] is False
    assert not page.memory_security.isChecked()
    assert not page.memory_note.isVisible()


def test_a_folder_that_cannot_be_written_says_so_at_the_setting(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    (tmp_path / "config").write_text("een bestand waar de map hoort", encoding="utf-8")
    window, ops = unlocked_window(build_window, qtbot)
    page = window.workspace.settings_page
    window.workspace.show_page("settings")
    settle(qtbot, ops)

    qtbot.mouseClick(
        page.memory_security, Qt.MouseButton.LeftButton, pos=on_the_box(page.memory_security)
    )
    settle(qtbot, ops)
    assert page.memory_error.isVisible()
    assert "kon niet worden bewaard" in page.memory_error.text()
    assert not page.memory_security.isChecked()  # nothing was stored
    assert not ops.session.memory_security().chosen
    assert not window.message.isVisible()  # said at the field, not in the message bar
