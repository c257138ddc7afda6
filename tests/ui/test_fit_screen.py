"""Every page fits a 1366x768 laptop (and 1280x720 with scrolling) and the window never
grows past it: before, the Caseload's filter row (a persona's label is ~50 characters),
a filter change, a long sync status and a long name widened it to ~1450 pixels."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from tests.ui.conftest import register_kim, settle, unlocked_demo

SMALLEST = 1280  # the smallest laptop screen the app must work on (with scrolling)


def _fits(window) -> None:  # type: ignore[no-untyped-def]
    assert window.width() <= 1366, window.width()
    assert window.minimumSizeHint().width() <= SMALLEST, window.minimumSizeHint().width()


def test_no_page_or_filter_widens_the_window(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = unlocked_demo(build_window, qtbot, 60)
    window.resize(1366, 768)
    ws = window.workspace
    for key in (
        "today",
        "caseload",
        "employers",
        "monitor",
        "conflicts",
        "settings",
        "coordination",
        "referrals",
    ):
        ws.show_page(key)
        settle(qtbot, ops)
        _fits(window)
    ws.show_page("caseload")
    for box in ws.caseload.findChildren(QComboBox):
        for i in range(box.count()):
            box.setCurrentIndex(i)
            settle(qtbot, ops)
            _fits(window)
    ws.caseload.mine.setChecked(True)
    settle(qtbot, ops)
    _fits(window)
    window._show_sync(
        __import__("spt_desktop.services.session", fromlist=["SyncStatus"]).SyncStatus(
            True, "https://spt.example", None, 14648, 12
        )
    )
    _fits(window)


def test_a_long_name_does_not_widen_the_dossier(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = unlocked_demo(build_window, qtbot, 5)
    window.resize(1366, 768)
    long = register_kim(ops, first_name="Maria-Magdalena " * 6, last_name="van den Berg-" * 10)
    ws = window.workspace
    ws.open_candidate(long.id)
    settle(qtbot, ops)
    page = ws.candidate_page
    assert "Maria-Magdalena" in page.name.text()
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        settle(qtbot, ops)
        _fits(window)


def test_the_dossiers_two_columns_fit_without_sideways_scrolling(build_window, qtbot):  # type: ignore[no-untyped-def]
    """At 1366x768 the profile and the intake side by side were cut off ("Intake opsl")."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    from spt_desktop.app import load_style

    app = QApplication.instance()
    load_style(app, high_contrast=False)  # the padding and borders the coach sees
    window, ops = unlocked_demo(build_window, qtbot, 5)
    window.resize(1366, 768)
    ws = window.workspace
    ws.open_candidate(ws.caseload.model.rows[0].id)
    settle(qtbot, ops)
    page = ws.candidate_page
    area = next(
        a for a in page.profile.findChildren(QScrollArea) if a.isAncestorOf(page.profile.intake)
    )
    qtbot.waitUntil(lambda: area.viewport().width() > 0)
    right = page.profile.save_intake
    try:
        assert area.horizontalScrollBar().maximum() == 0
        assert right.mapTo(area.viewport(), right.rect().topRight()).x() <= area.viewport().width()
    finally:
        app.setStyleSheet("")
