"""The tables at 200 % text on 1366x768 and when a coach changes them: headers that keep
their first letter, the monitor's filters wrapping as a flow, a column the coach dragged
wider staying that wide, and every elided cell saying itself whole."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader

from tests.ui.conftest import settle, unlocked_demo
from tests.ui.test_text_scale import SCREEN, large_text  # noqa: F401  (fixture)


def _label_rect(header: QHeaderView, section: int) -> QRect:
    """Where the style draws ``section``'s label (inside the section's padding), in the
    header's viewport."""
    option = QStyleOptionHeader()
    header.initStyleOption(option)
    option.section = section
    option.text = str(header.model().headerData(section, Qt.Orientation.Horizontal))
    option.rect = QRect(
        header.sectionViewportPosition(section), 0, header.sectionSize(section), header.height()
    )
    return header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)


def cut_labels(header: QHeaderView) -> list[str]:
    """Sections of ``header`` whose label is drawn into the first or last pixel column of
    its room: wider than the room, it is cut off there ("atching")."""
    image = header.grab().toImage()
    out = []
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
            continue
        room = _label_rect(header, section)
        if room.right() >= image.width():
            continue  # past the view's edge (test_text_scale says the columns fit)
        for x in (room.left(), room.right()):
            column = [image.pixelColor(x, y).lightness() for y in range(room.top(), room.bottom())]
            if min(column, default=255) < 170:
                text = header.model().headerData(section, Qt.Orientation.Horizontal)
                out.append(f"{text!r} drawn to its edge at x={x} in {room.getRect()}")
                break
    return out


@pytest.mark.usefixtures("large_text")
def test_monitor_headers_keep_their_first_letter_at_200_percent(build_window, qtbot):  # type: ignore[no-untyped-def]
    """Every monitor table's header at 200 %: an elided label ends in "…" and begins with
    its first letter; nothing is cut off at a section's edge. Before, the labels were
    elided for the normal font but drawn bold, so "Matching" showed as "atching" and
    "Eerste …" lost half its E."""
    window, ops = unlocked_demo(build_window, qtbot, 40)
    window.resize(*SCREEN)
    ws = window.workspace
    ws.show_page("monitor")
    settle(qtbot, ops)
    found: dict[str, list[str]] = {}
    for i in range(ws.monitor.tabs.count()):
        ws.monitor.tabs.setCurrentIndex(i)
        settle(qtbot, ops)
        qtbot.wait(1)  # the columns are fitted a turn later
        header = ws.monitor.tabs.currentWidget().view.horizontalHeader()
        if cut := cut_labels(header):
            found[ws.monitor.tabs.tabText(i)] = cut
    assert not found, found


def _lines(widgets: list[Any], page: Any) -> list[list[str]]:
    """``widgets`` grouped by the line they stand on in ``page`` (their vertical middles
    within each other's height), top to bottom."""
    lines: list[tuple[int, int, list[str]]] = []
    for w in sorted(widgets, key=lambda w: w.mapTo(page, w.rect().topLeft()).y()):
        top = w.mapTo(page, w.rect().topLeft()).y()
        middle = top + w.height() // 2
        for first, last, names in lines:
            if first <= middle <= last:
                names.append(w.objectName() or w.text())
                break
        else:
            lines.append((top, top + w.height(), [w.objectName() or w.text()]))
    return [names for _first, _last, names in lines]


@pytest.mark.usefixtures("large_text")
def test_monitor_filters_wrap_as_a_flow_at_200_percent(build_window, qtbot):  # type: ignore[no-untyped-def]
    """At 200 % on 1366x768 the monitor's period, split, check box and Aanbodkrant wrap
    two or three to a line, each label beside its field, within the page's width. Before,
    the reflow stood the row in one column: eight lines, every filter on its own."""
    from PySide6.QtWidgets import QLabel, QPushButton

    window, ops = unlocked_demo(build_window, qtbot, 5)
    window.resize(*SCREEN)
    ws = window.workspace
    ws.show_page("monitor")
    settle(qtbot, ops)
    page = ws.monitor
    qtbot.wait(1)  # the reflow runs a turn later
    fields = [
        page.start,
        page.end,
        page.by,
        page.suppress,
        page.findChild(QPushButton, "aanbodkrant"),
    ]
    labels = {
        text: next(w for w in page.findChildren(QLabel) if w.text() == text)
        for text in ("Van", "tot en met", "Indeling")
    }
    lines = _lines(fields, page)
    assert 2 <= len(lines) <= 3, lines
    for text, field in zip(labels, (page.start, page.end, page.by), strict=True):
        label = labels[text]
        middle = label.mapTo(page, label.rect().center())
        where = field.mapTo(page, field.rect().topLeft())
        beside = where.y() <= middle.y() <= where.y() + field.height() and middle.x() < where.x()
        assert beside, (text, middle.toTuple(), where.toTuple())
    for w in [*fields, *labels.values()]:
        corner = w.mapTo(page, w.rect().bottomRight())
        assert corner.x() < page.width(), (w.objectName(), corner.x(), page.width())


def drag_edge(qtbot, view: Any, column: int, dx: int) -> None:  # type: ignore[no-untyped-def]
    """Drag the right edge of ``view``'s ``column`` header by ``dx`` pixels, as the coach
    does with the mouse."""
    from PySide6.QtCore import QPoint

    header = view.horizontalHeader()
    edge = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    y = header.height() // 2
    port = header.viewport()
    qtbot.mousePress(port, Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    for step in range(1, 5):
        qtbot.mouseMove(port, QPoint(edge + dx * step // 4, y))
    qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, pos=QPoint(edge + dx, y))


@pytest.mark.usefixtures("large_text")
def test_a_dragged_column_keeps_its_width_when_the_page_reflows(build_window, qtbot):  # type: ignore[no-untyped-def]
    """At 200 % the caseload's columns are fitted into the table's width at every resize.
    The coach drags Gemeente wider; the window is made narrower and wide again: Gemeente
    keeps her width and the other columns share what is left (no sideways scrolling).
    Before, the next fit undid her drag."""
    window, ops = unlocked_demo(build_window, qtbot, 40)
    window.resize(*SCREEN)
    ws = window.workspace
    ws.show_page("caseload")
    settle(qtbot, ops)
    qtbot.wait(1)
    view = ws.caseload.view
    header = view.horizontalHeader()
    before = header.sectionSize(1)
    drag_edge(qtbot, view, 1, 120)
    chosen = header.sectionSize(1)
    assert chosen >= before + 100, (before, chosen)
    for width in (SCREEN[0] - 120, SCREEN[0]):
        window.resize(width, SCREEN[1])
        settle(qtbot, ops)
        qtbot.wait(1)  # fitted a turn later
        assert abs(header.sectionSize(1) - chosen) <= 1, (width, chosen, header.sectionSize(1))
    assert header.length() <= view.viewport().width() + 1


def test_a_dragged_column_stays_after_new_figures_and_a_new_unlock(build_window, qtbot):  # type: ignore[no-untyped-def]
    """The monitor sizes its columns to the figures each time they come. The coach drags
    "Eerste oriëntatie" narrower, picks another split with the keyboard (new figures),
    and locks and unlocks: the column is as she left it, kept in the vault. Before, every
    new report sized it again."""
    from spt_desktop.services.session import DEMO_PASSPHRASE

    window, ops = unlocked_demo(build_window, qtbot, 20)
    window.resize(*SCREEN)
    ws = window.workspace
    ws.show_page("monitor")
    settle(qtbot, ops)
    view = ws.monitor.figures["phases"].view
    header = view.horizontalHeader()
    before = header.sectionSize(2)
    drag_edge(qtbot, view, 2, -60)
    chosen = header.sectionSize(2)
    assert chosen <= before - 50, (before, chosen)
    ws.monitor.by.setFocus()
    qtbot.keyClick(ws.monitor.by, Qt.Key.Key_Down)  # Persona: new figures, new columns
    settle(qtbot, ops)
    qtbot.wait(1)
    assert ws.monitor.by.currentData() == "persona"
    assert header.sectionSize(2) == chosen
    window.lock()
    settle(qtbot, ops)
    qtbot.keyClicks(window.unlock_screen.passphrase, DEMO_PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    settle(qtbot, ops)
    ws = window.workspace
    ws.show_page("monitor")
    settle(qtbot, ops)
    qtbot.wait(1)
    again = ws.monitor.figures["phases"].view.horizontalHeader().sectionSize(2)
    assert abs(again - chosen) <= 1, (chosen, again)


def _hover_tip(qtbot, view: Any, index: Any) -> str:  # type: ignore[no-untyped-def]
    """The tooltip ``view`` shows when the mouse rests on ``index`` (Qt's own help event,
    as the platform sends it after the pause)."""
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())  # Qt hides it after a pause
    at = view.visualRect(index).center()
    port = view.viewport()
    QApplication.sendEvent(port, QHelpEvent(QEvent.Type.ToolTip, at, port.mapToGlobal(at)))
    return QToolTip.text() if QToolTip.isVisible() else ""


def _descriptions(view: Any, name: str) -> set[str]:
    """What a screen reader is told, beyond their name, of the cells named ``name``."""
    from PySide6.QtGui import QAccessible

    table = QAccessible.queryAccessibleInterface(view)
    cells = (table.child(i) for i in range(table.childCount()))
    return {
        cell.text(QAccessible.Text.Description)
        for cell in cells
        if cell is not None
        and cell.role() == QAccessible.Role.Cell
        and cell.text(QAccessible.Text.Name) == name
    }


@pytest.mark.usefixtures("large_text")
def test_an_elided_cell_says_itself_whole(build_window, qtbot):  # type: ignore[no-untyped-def]
    """At 200 % the caseload's names and places end in "…": resting the mouse on one
    shows the whole text, and a screen reader gets it as the cell's description; a cell
    whose text fits has neither. Before, only the monitor's cells had a tooltip."""
    window, ops = unlocked_demo(build_window, qtbot, 40)
    window.resize(*SCREEN)
    ws = window.workspace
    ws.show_page("caseload")
    settle(qtbot, ops)
    qtbot.wait(1)
    view = ws.caseload.view
    model = view.model()
    metrics = view.fontMetrics()
    elided = fits = None
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            text = index.data() or ""
            if not text:
                continue
            if metrics.horizontalAdvance(text) > view.columnWidth(column) and elided is None:
                elided = index
            elif metrics.horizontalAdvance(text) + 20 < view.columnWidth(column) and fits is None:
                fits = index
    assert elided is not None and fits is not None
    view.scrollTo(elided)
    assert _hover_tip(qtbot, view, elided) == elided.data()
    assert _descriptions(view, elided.data()) == {elided.data()}
    view.scrollTo(fits)
    assert _hover_tip(qtbot, view, fits) == ""
    assert _descriptions(view, fits.data()) == {""}


def test_qt_item_tables_show_an_elided_cell_whole(build_window, qtbot):  # type: ignore[no-untyped-def]
    """The tables on Qt's own item model (Aanmeldingen, the Team view) get the same
    tooltip from the delegate the workspace gives them: whole when elided, none when
    the text fits."""
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

    from spt_desktop.ui.elide import FullTextTips

    window, _ops = unlocked_demo(build_window, qtbot, 5)
    referrals = window.workspace.referrals.table
    assert isinstance(referrals.itemDelegate(), FullTextTips)
    table = QTableWidget(1, 2)
    qtbot.addWidget(table)
    long = "Gemeente Súdwest-Fryslân, afdeling werk en inkomen"
    table.setItem(0, 0, QTableWidgetItem(long))
    table.setItem(0, 1, QTableWidgetItem("Ja"))
    table.setColumnWidth(0, 80)
    table.setColumnWidth(1, 120)
    table.setItemDelegate(FullTextTips(table))
    table.show()
    qtbot.waitExposed(table)
    assert _hover_tip(qtbot, table, table.model().index(0, 0)) == long
    assert _hover_tip(qtbot, table, table.model().index(0, 1)) == ""
