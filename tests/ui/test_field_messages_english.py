"""A field's message in the coach's language. The use cases' field messages were Dutch
sentences written in services/ (``c.fail(field, "verplicht veld")``), shown as they were,
so the English app said "verplicht veld" beside an English label. Now a field error is a
code with params (``Problem``), worded beside the field by the UI's presenter: English in
the English app, the same Dutch as before in the Dutch one. Still beside the field, the
form scrolled to it and the focus in it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QScrollArea

from tests.ui.conftest import register_kim, settle, unlocked_window

LEFT = Qt.MouseButton.LeftButton

# language → what the form says beside each field
WORDS = {
    "en": {
        "required": "required field",
        "email": "not a valid email address (such as name@example.nl)",
        "consent": "without consent to registration and guidance the SPT cannot enrol anyone",
        "typed_date": "not a valid date (dd-mm-yyyy)",
        "too_long": "too long (at most 100 characters)",
    },
    "nl": {
        "required": "verplicht veld",
        "email": "geen geldig e-mailadres (zoals naam@voorbeeld.nl)",
        "consent": "zonder toestemming voor registratie en begeleiding kan het SPT niemand "
        "inschrijven",
        "typed_date": "geen geldige datum (dd-mm-jjjj)",
        "too_long": "te lang (hoogstens 100 tekens)",
    },
}


def error_at(parent, name: str) -> str:  # type: ignore[no-untyped-def]
    label = parent.findChild(QLabel, f"error_{name}")
    return label.text() if label.isVisible() else ""


def in_language(build_window, qtbot, language: str, before=None):  # type: ignore[no-untyped-def]
    window, ops = unlocked_window(build_window, qtbot, before)
    window.change_language(language)  # as Instellingen does; a no-op for Dutch
    settle(qtbot, ops)
    window.resize(1366, 768)
    return window, ops


def press_new_candidate(qtbot, window) -> Any:  # type: ignore[no-untyped-def]
    """Ctrl+Shift+N, as the coach presses it; the new candidate dialog it opens."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(
        QApplication.focusWidget() or window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    return next(d for d in window.workspace.dialogs if d.objectName() == "candidateDialog")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_new_candidate_with_bad_input_is_told_at_the_field_in_her_language(  # type: ignore[no-untyped-def]
    build_window, qtbot, language: str
):
    words = WORDS[language]
    window, ops = in_language(build_window, qtbot, language)
    try:
        dialog = press_new_candidate(qtbot, window)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
        email = dialog.form.editors["email"]
        birth = dialog.form.editors["birth_date"]
        qtbot.keyClicks(email, "geen-adres")
        qtbot.keyClicks(birth, "31-02-1988")  # no such day
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

        # The form's own check: a date it cannot read, before anything is sent.
        qtbot.mouseClick(ok, LEFT)
        settle(qtbot, ops)
        assert error_at(dialog, "birth_date") == words["typed_date"]
        assert birth.hasFocus()

        # The use case's checks: each field's problem, worded beside it.
        birth.clear()
        qtbot.keyClicks(birth, "28-02-1988")
        qtbot.mouseClick(ok, LEFT)
        settle(qtbot, ops)
        assert error_at(dialog, "first_name") == words["required"]
        assert error_at(dialog, "last_name") == words["required"]
        assert error_at(dialog, "email") == words["email"]
        assert error_at(dialog, "consent") == words["consent"]
        assert error_at(dialog, "birth_date") == ""  # mended: its message is gone
        assert dialog.form.editors["first_name"].hasFocus()  # the first wrong field
        # read with the field by a screen reader, in the same words
        assert email.accessibleDescription() == words["email"]
        assert dialog.isVisible()
        assert ops.session.services.queries.count() == 0  # nothing saved
    finally:
        window.change_language("nl")


def _visible_in(area: QScrollArea, widget) -> bool:  # type: ignore[no-untyped-def]
    top = widget.mapTo(area.viewport(), QPoint(0, 0)).y()
    return top >= 0 and top + widget.height() <= area.viewport().height()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_dossier_scrolls_to_a_wrong_field_and_says_why_in_her_language(  # type: ignore[no-untyped-def]
    build_window, qtbot, language: str
):
    """The profile in the dossier (a long form in a scroll area): a name too long at the
    top, "Profiel opslaan" clicked at the bottom."""
    kim: list[Any] = []
    window, ops = in_language(build_window, qtbot, language, lambda o: kim.append(register_kim(o)))
    try:
        window.resize(1366, 600)  # the save button far below the name
        ws = window.workspace
        ws.open_candidate(kim[0].id)
        settle(qtbot, ops)
        page = ws.candidate_page
        form = page.profile.profile
        area = next(a for a in page.findChildren(QScrollArea) if a.isAncestorOf(form))
        first = form.findChild(QLineEdit, "field_first_name")
        first.setFocus()
        first.selectAll()
        qtbot.keyClicks(first, "K" * 101)
        area.ensureWidgetVisible(page.profile.save_profile)  # she scrolled down to save
        assert not _visible_in(area, first)
        qtbot.mouseClick(page.profile.save_profile, LEFT)
        settle(qtbot, ops)

        assert error_at(form, "first_name") == WORDS[language]["too_long"]
        assert first.hasFocus()
        assert _visible_in(area, first) and _visible_in(area, form.errors["first_name"])
        assert ops.session.services.candidates.get(kim[0].id).first_name == "Kim"
    finally:
        window.change_language("nl")
