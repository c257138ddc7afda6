"""A filter left on says so beside the count, and one click clears every filter: before,
a status filter silently hid later search results."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from tests.ui.conftest import settle, unlocked_demo


def test_active_filters_are_shown_and_cleared_in_one_click(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = unlocked_demo(build_window, qtbot, 60)
    ws = window.workspace
    ws.show_page("caseload")
    page = ws.caseload
    settle(qtbot, ops)
    assert page.count.text() == "60 kandidaten" and not page.clear_filters.isVisible()

    page.status.setCurrentIndex(page.status.findText("Geplaatst"))
    page.phase.setCurrentIndex(page.phase.findText("Eerste oriëntatie"))
    settle(qtbot, ops)
    assert page.count.text().endswith("filters staan aan")
    assert page.clear_filters.isVisible()
    spoken = QAccessible.queryAccessibleInterface(page.clear_filters).text(QAccessible.Text.Name)
    assert spoken == "Filters wissen"  # what a screen reader says

    qtbot.mouseClick(page.clear_filters, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert page.count.text() == "60 kandidaten"
    assert page.status.currentIndex() == page.phase.currentIndex() == 0
    assert not page.clear_filters.isVisible() and page.search.hasFocus()
