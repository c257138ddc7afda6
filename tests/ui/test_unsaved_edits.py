"""Nothing typed is lost unseen: leaving a dossier with an unsaved profile or intake edit
("← Caseload", another page, another candidate, Ctrl+Q) asks Opslaan / Niet opslaan /
Annuleren. Before, the edit was thrown away without a word and Ctrl+Q quit at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton

from tests.ui.conftest import register_kim, settle, unlock_again, unlocked_window


def _setup(build_window, qtbot):  # type: ignore[no-untyped-def]
    ids: list[str] = []
    window, ops = unlocked_window(
        build_window,
        qtbot,
        lambda o: ids.extend(
            [register_kim(o).id, register_kim(o, first_name="Jan", last_name="Smit").id]
        ),
    )
    ws = window.workspace
    ws.open_candidate(ids[0])
    settle(qtbot, ops)
    return window, ops, ws, ids


def _type_town(qtbot, ws, town: str) -> QLineEdit:  # type: ignore[no-untyped-def]
    field = ws.candidate_page.profile.profile.findChild(QLineEdit, "field_municipality")
    field.clear()
    qtbot.keyClicks(field, town)
    return field


def _question(window):  # type: ignore[no-untyped-def]
    boxes = [b for b in window.findChildren(QMessageBox, "unsavedQuestion") if b.isVisible()]
    return boxes[0] if boxes else None


def _answer(qtbot, window, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: _question(window) is not None)
    box = _question(window)
    assert "het profiel" in box.text()
    [button] = [b for b in box.findChildren(QPushButton) if b.text() == text]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _town(ops, cid: str) -> str:  # type: ignore[no-untyped-def]
    return ops.session.services.candidates.get(cid).municipality


def test_back_to_caseload_asks_and_each_answer_does_what_it_says(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops, ws, ids = _setup(build_window, qtbot)
    page = ws.candidate_page
    field = _type_town(qtbot, ws, "Hoorn")
    back = page.findChild(QPushButton, "backButton")

    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    _answer(qtbot, window, "Annuleren")
    settle(qtbot, ops)
    assert ws.stack.currentWidget() is page and field.text() == "Hoorn"

    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    _answer(qtbot, window, "Niet opslaan")
    settle(qtbot, ops)
    assert ws.stack.currentWidget() is ws.caseload
    assert _town(ops, ids[0]) == "Alkmaar" and field.text() == "Alkmaar"

    ws.open_candidate(ids[0])
    settle(qtbot, ops)
    _type_town(qtbot, ws, "Enkhuizen")
    field = ws.candidate_page.profile.profile.findChild(QLineEdit, "field_municipality")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # Werkgevers
    _answer(qtbot, window, "Opslaan")
    settle(qtbot, ops)
    assert ws.stack.currentWidget() is ws.employers
    assert _town(ops, ids[0]) == "Enkhuizen"


def test_another_candidate_and_a_wrong_field_keep_her_on_the_page(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops, ws, ids = _setup(build_window, qtbot)
    page = ws.candidate_page
    _type_town(qtbot, ws, "Hoorn")
    birth = page.profile.profile.findChild(QLineEdit, "field_birth_date")
    qtbot.keyClicks(birth, "01-01-2090")
    ws.open_candidate(ids[1])  # as Vandaag or the caseload would
    _answer(qtbot, window, "Opslaan")
    settle(qtbot, ops)
    assert page.candidate_id == ids[0]  # a wrong field: saved nothing, stayed
    assert page.profile.profile.errors["birth_date"].isVisible()
    assert _town(ops, ids[0]) == "Alkmaar"


def test_quitting_with_an_edit_asks(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops, ws, _ids = _setup(build_window, qtbot)
    _type_town(qtbot, ws, "Hoorn")
    window.close()  # what Ctrl+Q does
    _answer(qtbot, window, "Annuleren")
    settle(qtbot, ops)
    assert window.isVisible() and window.workspace is ws


def test_a_reload_keeps_what_she_typed(build_window, qtbot):  # type: ignore[no-untyped-def]
    _window, ops, ws, ids = _setup(build_window, qtbot)
    field = _type_town(qtbot, ws, "Hoorn")
    ops.write(lambda svc: svc.candidates.add_note(ids[0], "Belde terug")).run()  # any change
    settle(qtbot, ops)
    assert field.text() == "Hoorn" and ws.candidate_page.has_unsaved()


def test_a_lock_keeps_the_profile_edit_and_unlock_restores_it(build_window, qtbot):  # type: ignore[no-untyped-def]

    window, ops, ws, ids = _setup(build_window, qtbot)
    _type_town(qtbot, ws, "Hoorn")
    window.lock()
    settle(qtbot, ops)
    unlock_again(window, ops, qtbot)
    page = window.workspace.candidate_page
    qtbot.waitUntil(lambda: page.candidate_id == ids[0])
    settle(qtbot, ops)
    field = page.profile.profile.findChild(QLineEdit, "field_municipality")
    assert field.text() == "Hoorn" and _town(ops, ids[0]) == "Alkmaar"
