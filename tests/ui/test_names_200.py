"""A row's name keeps room for itself at 200 % text on 1366x768 (WCAG 1.4.4): when a
table's cells do not fit, the dates stay whole (test_dates_200.py) and the first column,
the row's name, gives way last. Before, every column shrank alike and the caseload showed
"Hanan …", "Youssef…", "Soufian…" for every candidate: no coach could tell who was who."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QTableView

from tests.ui.conftest import settle, unlocked_demo
from tests.ui.test_text_scale import SCREEN, large_text  # noqa: F401  (fixture)


def _cut_names(view: QTableView, column: int, rows: int) -> list[str]:
    """The cells of ``column`` (the first ``rows``) wider than the room the delegate
    leaves them."""
    header, model = view.horizontalHeader(), view.model()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    room = header.sectionSize(column) - 2 * margin
    metrics = view.fontMetrics()
    texts = [model.index(r, column).data(Qt.ItemDataRole.DisplayRole) for r in range(rows)]
    return [t for t in texts if metrics.horizontalAdvance(t) > room]


@pytest.mark.usefixtures("large_text")
def test_caseload_names_are_whole_at_200_percent(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = unlocked_demo(build_window, qtbot, 40)
    window.resize(*SCREEN)
    ws = window.workspace
    ws.show_page("caseload")
    settle(qtbot, ops)
    view = ws.caseload.view
    header = view.horizontalHeader()
    first = header.logicalIndex(0)
    assert view.model().headerData(first, Qt.Orientation.Horizontal) == "Naam"
    rows = min(30, view.model().rowCount())
    assert rows >= 20
    qtbot.waitUntil(lambda: not _cut_names(view, first, rows), timeout=2000)
    # The other columns gave way, and the table still fits its width: nothing scrolls.
    shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
    assert sum(header.sectionSize(i) for i in shown[:-1]) < view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0
