"""A wrong field is where the eye goes: its message beside it, the form scrolled to it and
the focus in it. Before, a future birth date or a 500-character name at the top of the
profile left "Profiel opslaan" at the bottom looking as if it did nothing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QScrollArea

from tests.ui.conftest import register_kim, settle, unlocked_window


def _visible_in(area: QScrollArea, widget) -> bool:  # type: ignore[no-untyped-def]
    top = widget.mapTo(area.viewport(), QPoint(0, 0)).y()
    return top >= 0 and top + widget.height() <= area.viewport().height()


def test_a_wrong_field_is_scrolled_to_focused_and_named(build_window, qtbot):  # type: ignore[no-untyped-def]
    kim = []
    window, ops = unlocked_window(build_window, qtbot, lambda o: kim.append(register_kim(o)))
    window.resize(1366, 600)  # the save button far below the name
    ws = window.workspace
    ws.open_candidate(kim[0].id)
    settle(qtbot, ops)
    page = ws.candidate_page
    form = page.profile.profile
    area = next(a for a in page.findChildren(QScrollArea) if a.isAncestorOf(form))
    first = form.findChild(QLineEdit, "field_first_name")
    birth = form.findChild(QLineEdit, "field_birth_date")
    first.setText("K" * 500)
    birth.setText("01-01-2090")
    area.ensureWidgetVisible(page.profile.save_profile)  # she scrolled down to save
    assert not _visible_in(area, first)
    qtbot.mouseClick(page.profile.save_profile, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)

    error = form.findChild(QLabel, "error_first_name")
    assert error.isVisible() and error.text()
    assert form.findChild(QLabel, "error_birth_date").text()
    assert first.hasFocus()
    assert _visible_in(area, first) and _visible_in(area, error)
    assert ops.session.services.candidates.get(kim[0].id).first_name == "Kim"  # nothing saved
