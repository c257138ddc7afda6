"""The Monitor page over a real demo vault: what it shows is what the service computes,
split and suppressed as chosen, and "Opslaan als CSV" writes exactly the table shown,
where the coach chose and nowhere else."""

from __future__ import annotations

import csv
from datetime import date

from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt

from spt_common.monitor_figures import SUPPRESSED, Report
from spt_desktop.ui.pages.monitor import cell_text
from tests.ui.conftest import TODAY, settle, unlocked_demo


def open_monitor(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = unlocked_demo(build_window, qtbot, 80)
    ws = window.workspace
    monitor_row = next(i for i in range(ws.nav.count()) if ws.nav.item(i).text() == "Monitor")
    ws.nav.setCurrentRow(monitor_row)  # as a click in the navigation does
    assert ws.stack.currentWidget() is ws.monitor
    page = ws.monitor
    qtbot.waitUntil(lambda: page.report is not None, timeout=20000)
    settle(qtbot, ops)
    return window, ops, page


def service_report(qtbot, ops, start: date, end: date, by: str | None) -> Report:  # type: ignore[no-untyped-def]
    got: list[Report] = []
    ops.read(lambda svc: svc.monitor.report(start, end, by)).success(got.append).run()
    qtbot.waitUntil(lambda: bool(got), timeout=20000)
    return got[0]


def expected_rows(report: Report, key: str) -> list[list[str]]:
    table = report.table(key)
    return [list(table.columns)] + [[cell_text(c) for c in row] for row in table.rows]


def assert_page_shows(page, report: Report) -> None:  # type: ignore[no-untyped-def]
    for table in report.tables:
        assert page.figures[table.key].shown_rows() == expected_rows(report, table.key), table.key


def test_monitor_shows_the_service_figures(build_window, qtbot):  # type: ignore[no-untyped-def]
    _window, ops, page = open_monitor(build_window, qtbot)
    start, end = page.period()
    assert end == TODAY and start == date(2025, 12, 1)  # the last twelve months
    expected = service_report(qtbot, ops, start, end, None)
    assert_page_shows(page, expected)
    assert any(len(r) > 1 for r in expected.table("phases").rows)  # the demo has a pipeline
    assert sum(int(r[-1]) for r in expected.table("dropouts").rows) > 0  # and leaks
    for tab in page.figures.values():
        assert isinstance(tab.chart, QChartView) and tab.chart.chart().series()

    # Split by persona: the page asks again and shows the split figures.
    page.by.setCurrentIndex(page.by.findText("Persona"))
    qtbot.waitUntil(lambda: page.report is not None and page.report.by == "persona", timeout=20000)
    settle(qtbot, ops)
    by_persona = service_report(qtbot, ops, start, end, "persona")
    assert_page_shows(page, by_persona)
    assert page.figures["phases"].model.columns[1].header == "Persona"

    # Small counts shielded: "<5" where the figures say so, and nothing else changes.
    qtbot.mouseClick(page.suppress, Qt.MouseButton.LeftButton)
    assert page.suppress.isChecked()
    assert_page_shows(page, by_persona.suppressed())
    shown = [c for t in page.figures.values() for r in t.shown_rows()[1:] for c in r]
    assert SUPPRESSED in shown
    assert not any(c in {"1", "2", "3", "4"} for t in ("flows", "dropouts")
                   for r in page.figures[t].shown_rows()[1:] for c in r[2:])  # fmt: skip

    # A shorter period.
    page.set_period(date(2026, 6, 1), date(2026, 8, 31))
    qtbot.waitUntil(lambda: page.report.period.start == date(2026, 6, 1), timeout=20000)
    settle(qtbot, ops)
    summer = service_report(qtbot, ops, date(2026, 6, 1), date(2026, 8, 31), "persona")
    assert_page_shows(page, summer.suppressed())


def test_csv_is_what_the_table_shows(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    _window, ops, page = open_monitor(build_window, qtbot)
    folder = tmp_path / "exports"
    folder.mkdir()
    for key in ("dropouts", "time_in_phase", "retention"):
        tab = page.figures[key]
        page.tabs.setCurrentWidget(tab)
        target = folder / f"{key}.csv"
        asked: list[str] = []

        def choose(_parent, _title, suggested, _filter, target=target, asked=asked):  # type: ignore[no-untyped-def]
            asked.append(suggested)
            return str(target)

        page.choose_path = choose
        qtbot.mouseClick(tab.export, Qt.MouseButton.LeftButton)
        settle(qtbot, ops)
        assert asked and asked[0].endswith(".csv") and key in asked[0]
        with target.open(encoding="utf-8-sig", newline="") as f:
            written = list(csv.reader(f, delimiter=";"))
        assert written == tab.shown_rows()
        assert len(written) > 1
    # Only the chosen files, no temp files left beside them.
    assert sorted(p.name for p in folder.iterdir()) == [
        "dropouts.csv",
        "retention.csv",
        "time_in_phase.csv",
    ]
    assert "opgeslagen" in page.status.text()


def test_csv_cancelled_writes_nothing(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    _window, ops, page = open_monitor(build_window, qtbot)
    page.choose_path = lambda *_: None
    before = sorted(p.name for p in tmp_path.rglob("*"))
    qtbot.mouseClick(page.figures["flows"].export, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_csv_into_a_folder_that_cannot_be_written(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    _window, ops, page = open_monitor(build_window, qtbot)
    page.choose_path = lambda *_: str(tmp_path / "missing" / "x.csv")
    messages: list[str] = []
    ops.error.connect(messages.append)
    qtbot.mouseClick(page.figures["flows"].export, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert messages and "niet opgeslagen" in messages[0]
    assert not (tmp_path / "missing").exists()


def test_aanbodkrant_saved_from_the_monitor(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    _window, ops, page = open_monitor(build_window, qtbot)
    target = tmp_path / "krant" / "aanbodkrant.pdf"
    target.parent.mkdir()
    page.printing.choose_path = lambda *_: str(target)
    page.aanbodkrant_actions["save"].trigger()
    settle(qtbot, ops)
    text = "\n".join(p.extract_text() for p in PdfReader(str(target)).pages)
    assert "Aanbodkrant" in text
    assert [p.name for p in target.parent.iterdir()] == ["aanbodkrant.pdf"]
    assert page.status.text() == "Aanbodkrant opgeslagen."


def test_recomputed_when_shown_after_a_change(build_window, qtbot):  # type: ignore[no-untyped-def]
    from spt_common.enums import CandidateStatus, Phase

    window, ops, page = open_monitor(build_window, qtbot)
    ws = window.workspace
    before = page.report
    start, end = page.period()
    ws.show_page("caseload")
    settle(qtbot, ops)
    row = next(
        r
        for r in ws.caseload.model.rows
        if r.phase == Phase.ORIENTATION and r.status == CandidateStatus.ACTIVE
    )
    ops.write(
        lambda svc: svc.journey.move(row.id, Phase.DEEP_ORIENTATION, "Verder oriënteren")
    ).run()
    settle(qtbot, ops)
    assert page.report is before  # hidden: no recount on every save
    ws.show_page("monitor")
    qtbot.waitUntil(lambda: page.report is not before, timeout=20000)
    settle(qtbot, ops)
    now = service_report(qtbot, ops, start, end, None)
    assert_page_shows(page, now)
    assert now.table("phases").rows[-1] != before.table("phases").rows[-1]


def test_unlock_leaves_the_monitor_snapshot_current(build_window, qtbot):  # type: ignore[no-untyped-def]
    """After unlock the worker writes the Monitor's kept facts (the demo vault has none
    yet) before the page is ever opened, so its first view reads them instead of every
    journey event."""
    window, ops = unlocked_demo(build_window, qtbot, 80)
    assert window.workspace.stack.currentWidget() is not window.workspace.monitor
    assert window.workspace.monitor.report is None  # the page was never opened
    assert rows_in(qtbot, ops, "monitor_snapshot") == 1


def test_a_view_past_rewrite_at_leaves_the_snapshot_current(build_window, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    """After a view that re-read REWRITE_AT changed candidates, the page's housekeeping
    writes the snapshot anew (off the view's path), so the next view re-reads none."""
    from spt_common.enums import Persona
    from spt_desktop.services import monitor

    monkeypatch.setattr(monitor, "REWRITE_AT", 1)
    window, ops, page = open_monitor(build_window, qtbot)
    ws = window.workspace
    ws.show_page("caseload")  # hidden, the monitor does not recount on every save
    settle(qtbot, ops)
    other = Persona.NO_WORK_BENEFIT_TECHNICAL
    cid = next(r.id for r in ws.caseload.model.rows if r.persona != other)
    ops.write(lambda svc: svc.candidates.update(cid, {"persona": other.value})).run()
    settle(qtbot, ops)
    assert rows_in(qtbot, ops, "monitor_dirty") == 1
    before = page.report
    ws.show_page("monitor")
    qtbot.waitUntil(lambda: page.report is not before, timeout=20000)
    settle(qtbot, ops)
    assert rows_in(qtbot, ops, "monitor_dirty") == 0


def rows_in(qtbot, ops, table: str) -> int:  # type: ignore[no-untyped-def]
    """The rows of a vault table, counted on the worker like every vault read."""

    def count(svc):  # type: ignore[no-untyped-def]
        with svc._ctx.vault.engine.connect() as conn:
            return conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()

    got: list[int] = []
    ops.read(count).success(got.append).run()
    qtbot.waitUntil(lambda: bool(got), timeout=20000)
    return got[0]
