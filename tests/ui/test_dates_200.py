"""A date keeps room for itself at 200 % text on 1366x768 (WCAG 1.4.4): every table cell
that holds a date ("24-11-2026", or a date and time) shows it whole, measured with the
font metrics its view draws it with; the other columns give way (elide). Before, the
caseload cut its date columns to "24-11-2…", and so did the tables of the monitor,
Werkgevers, the dossier's tabs and Conflicten."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyle, QTableView, QWidget

from tests.ui.conftest import settle
from tests.ui.test_refusals_not_conflicts import demo_linked, live_anna  # noqa: F401
from tests.ui.test_text_scale import SCREEN, large_text  # noqa: F401  (fixture)

DATE = re.compile(r"\d{2}-\d{2}-\d{4}( \d{2}:\d{2})?")


def cut_dates(root: QWidget) -> list[str]:
    """Date cells of the visible tables under ``root`` whose text is wider than the room
    Qt's item delegate leaves for it (the cell less a margin at each side)."""
    out = []
    for view in root.findChildren(QTableView):
        if not view.isVisibleTo(root) or view.width() <= 0:
            continue
        model, header = view.model(), view.horizontalHeader()
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        for col in range(model.columnCount()):
            if header.isSectionHidden(col):
                continue
            room = header.sectionSize(col) - 2 * margin
            for row in range(min(model.rowCount(), 200)):
                index = model.index(row, col)
                text = index.data(Qt.ItemDataRole.DisplayRole)
                if not isinstance(text, str) or not DATE.fullmatch(text):
                    continue
                font = index.data(Qt.ItemDataRole.FontRole)
                metrics = QFontMetrics(font) if isinstance(font, QFont) else view.fontMetrics()
                if metrics.horizontalAdvance(text) > room:
                    name = model.headerData(col, Qt.Orientation.Horizontal)
                    out.append(
                        f"{view.objectName() or view.accessibleName()!r} {name!r}: {text!r} "
                        f"needs {metrics.horizontalAdvance(text)} px in {room}"
                    )
                    break
    return out


def _check(found: dict[str, list[str]], name: str, window: Any, qtbot: Any) -> None:
    try:  # the columns are fitted a turn after a page shows
        qtbot.waitUntil(lambda: not cut_dates(window), timeout=1000)
    except qtbot.TimeoutError:
        found[name] = cut_dates(window)


@pytest.mark.usefixtures("large_text")
def test_every_date_cell_fits_its_column_at_200_percent(build_window, qtbot, live_anna):  # type: ignore[no-untyped-def]  # noqa: F811
    _admin, live = live_anna
    window, ops = demo_linked(build_window, qtbot, live.url)
    window.resize(*SCREEN)
    window.a_sync.trigger()  # her first push: Conflicten fills with refusals
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: not window._syncing, timeout=30000)
    settle(qtbot, ops)
    ws = window.workspace
    found: dict[str, list[str]] = {}
    dates = 0
    for key in ("caseload", "employers", "monitor", "conflicts", "today", "loket",
                "coordination", "referrals"):  # fmt: skip
        ws.show_page(key)
        ws.stack.setCurrentWidget(ws.pages[key])
        settle(qtbot, ops)
        _check(found, key, window, qtbot)
        if key == "monitor":
            for i in range(ws.monitor.tabs.count()):
                ws.monitor.tabs.setCurrentIndex(i)
                settle(qtbot, ops)
                _check(found, f"monitor: {ws.monitor.tabs.tabText(i)}", window, qtbot)
        if key == "employers":  # one chosen: its contacts, vacancies and log
            page = ws.employers
            for row in range(min(3, page.view.model().rowCount())):
                page.view.selectRow(row)
                settle(qtbot, ops)
                _check(found, f"employers, row {row}", window, qtbot)
    for row in range(min(4, ws.caseload.model.rowCount())):
        ws.open_candidate(ws.caseload.model.rows[row].id)
        settle(qtbot, ops)
        cp = ws.candidate_page
        for i in range(cp.tabs.count()):
            cp.tabs.setCurrentIndex(i)
            settle(qtbot, ops)
            _check(found, f"dossier {row}: {cp.tabs.tabText(i)}", window, qtbot)
            dates += sum(
                1
                for view in window.findChildren(QTableView)
                if view.isVisibleTo(window)
                for r in range(view.model().rowCount())
                for c in range(view.model().columnCount())
                if DATE.fullmatch(str(view.model().index(r, c).data() or ""))
            )
    assert dates > 0  # the dossiers' tables held dates to measure
    assert ws.conflicts.model.rowCount() > 0
    assert not found, found
