"""Scrolling a form with the mouse wheel scrolls it: a combo or spin box under the pointer
changes only when it has focus (Taalniveau once became "C2 / moedertaal" unseen)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QWidget

from tests.ui.conftest import register_kim, settle, unlocked_window


def _wheel_down(widget: QWidget) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),  # one notch towards the user: "next item" for a combo
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_wheel_over_an_unfocused_combo_scrolls_the_form_not_the_field(build_window, qtbot):  # type: ignore[no-untyped-def]
    kim = []
    window, ops = unlocked_window(build_window, qtbot, lambda o: kim.append(register_kim(o)))
    window.resize(1366, 500)  # short: the profile form needs its scroll bar
    ws = window.workspace
    ws.open_candidate(kim[0].id)
    settle(qtbot, ops)
    combo = ws.candidate_page.findChild(QComboBox, "field_language_level")
    assert combo is not None and combo.isVisible()
    before = combo.currentIndex()
    area = next(a for a in ws.candidate_page.findChildren(QScrollArea) if a.isAncestorOf(combo))
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0
    ws.candidate_page.name.setFocus()

    _wheel_down(combo)
    assert combo.currentIndex() == before  # the field did not change
    assert bar.value() > 0  # the page scrolled instead

    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel_down(combo)
    assert combo.currentIndex() != before  # a focused field still takes the wheel
