"""Monitor: the leaky pipeline over the coach's own vault (whitepaper §1, lesson 9).

A period and a split (persona, regio, coach, verwijzer), then one tab per figure: the table
beside its chart, and "Opslaan als CSV…" that writes exactly what the table shows.

Small counts: this is the coach's own caseload, people she already sees by name in the
dossier, so counts are exact by default. "Aantallen onder 5 afschermen" shows them as
"<5" (and blanks the averages of such rows) before a table or a screenshot leaves the
desk, as the server's per-SPT monitor always does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spt_common.monitor_figures import SUPPRESSED, Cell, Report, Table
from spt_desktop.services.changes import Changes
from spt_desktop.services.monitor import save_csv
from spt_desktop.ui.flow import FlowLayout, pair
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops, without_gc_pauses
from spt_desktop.ui.pages.monitor_charts import chart_data, chart_view
from spt_desktop.ui.print_actions import Document, Printing
from spt_desktop.ui.print_files import choose_save_path, safe_file_name
from spt_desktop.ui.tables import Column, DtoTableModel, make_table

log = logging.getLogger(__name__)

DIMENSIONS = (
    (QT_TRANSLATE_NOOP("MonitorPage", "Geen indeling"), None),
    (QT_TRANSLATE_NOOP("MonitorPage", "Persona"), "persona"),
    (QT_TRANSLATE_NOOP("MonitorPage", "Regio"), "region"),
    (QT_TRANSLATE_NOOP("MonitorPage", "Coach"), "coach"),
    (QT_TRANSLATE_NOOP("MonitorPage", "Verwijzer"), "referral_source"),
)
MAX_COLUMN = 190  # px
TAB_TITLES = {
    "phases": QT_TRANSLATE_NOOP("MonitorPage", "Fasen"),
    "flows": QT_TRANSLATE_NOOP("MonitorPage", "Stromen"),
    "dropouts": QT_TRANSLATE_NOOP("MonitorPage", "Uitval"),
    "time_in_phase": QT_TRANSLATE_NOOP("MonitorPage", "Verblijfsduur"),
    "retention": QT_TRANSLATE_NOOP("MonitorPage", "Duurzame plaatsing"),
}


def cell_text(cell: Cell) -> str:
    """How a figure reads in the table and in its CSV: Dutch decimal comma."""
    if cell is None:
        return ""
    if isinstance(cell, float):
        return f"{cell:.1f}".replace(".", ",")
    return str(cell)


def displayed(table: Table) -> Table:
    """The table as shown: every cell as its text. The CSV is written from this, so the
    file holds exactly what the coach saw."""
    rows = tuple(tuple(cell_text(c) for c in row) for row in table.rows)
    return Table(table.key, table.title, table.columns, rows, table.count_columns)


def _sort_key(text: str) -> tuple[int, float, str]:
    try:
        return (0, float(text.replace(",", ".")), "")
    except ValueError:
        return (1, 0.0, text.lower())


def _columns(table: Table) -> tuple[Column, ...]:
    def column(i: int, name: str) -> Column:
        return Column(name, lambda r: r[i], sort=lambda r: _sort_key(r[i]))

    return tuple(column(i, name) for i, name in enumerate(table.columns))


class FigureModel(DtoTableModel):
    """A figure's rows (display texts), counts right-aligned so they line up (where a
    narrow column elides a text, the table says it whole: ``DtoTableModel``)."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.TextAlignmentRole:
            text: str = self.rows[index.row()][index.column()]
            numeric = text == SUPPRESSED or _sort_key(text)[0] == 0
            side = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class FigureTab(QWidget):
    """One figure: its table, its chart, and the CSV button."""

    def __init__(self, key: str, save: Callable[[Table], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.table: Table | None = None
        self.model = FigureModel((), self)
        self.view: QTableView = make_table(self.model, self, name=self.tr("Tabel"))
        self.view.setObjectName(f"monitorTable_{key}")
        self.view.setSortingEnabled(True)
        self.chart_host = QVBoxLayout()
        self.chart_host.setContentsMargins(0, 0, 0, 0)
        self.export = named(QPushButton(self.tr("Opslaan als CSV…")), f"monitorCsv_{key}")
        self._save = save
        self.export.clicked.connect(self._export)
        self.export.setEnabled(False)
        left = QWidget()
        lcol = QVBoxLayout(left)
        lcol.setContentsMargins(0, 0, 0, 0)
        lcol.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export)
        lcol.addLayout(buttons)
        right = QWidget()
        right.setLayout(self.chart_host)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([560, 520])  # proportions; the chart needs room for its labels
        self.split = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(split)
        self.chart: QChartView | None = None

    def _export(self) -> None:
        if self.table is not None:
            self._save(self.table)

    def show_table(self, table: Table) -> None:
        self.table = displayed(table)
        self.model.columns = list(_columns(table))
        self.model.replace(self.table.rows)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        self.view.resizeColumnsToContents()
        for col in range(len(table.columns)):  # long labels elide; the splitter can widen
            header.resizeSection(col, min(header.sectionSize(col), MAX_COLUMN))
        header.setStretchLastSection(True)
        if self.chart is not None:
            self.chart_host.removeWidget(self.chart)
            self.chart.deleteLater()
        self.chart = chart_view(chart_data(table))
        self.chart.setObjectName(f"monitorChart_{self.key}")
        self.chart.setAccessibleName(self.tr("Grafiek"))
        self.chart.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do with keys in it
        self.chart.setAccessibleDescription(self.tr("De tabel ernaast bevat dezelfde cijfers."))
        self.chart_host.addWidget(self.chart)
        self.export.setEnabled(True)

    def shown_rows(self) -> list[list[str]]:
        """What the table view shows, header first, in the view's order."""
        proxy = self.view.model()
        out = [[str(proxy.headerData(c, Qt.Orientation.Horizontal)) for c in
                range(proxy.columnCount())]]  # fmt: skip
        for r in range(proxy.rowCount()):
            out.append([str(proxy.index(r, c).data() or "") for c in range(proxy.columnCount())])
        return out


class MonitorPage(QWidget):
    """The leaky-pipeline monitor over the vault."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.report: Report | None = None
        self.choose_path = choose_save_path  # tests put a chosen path here
        self.start = named(QDateEdit(), "monitorFrom")
        self.end = named(QDateEdit(), "monitorTo")
        self.start.setAccessibleName(self.tr("Periode vanaf"))
        self.end.setAccessibleName(self.tr("Periode tot en met"))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.by = named(QComboBox(), "monitorBy")
        for label, code in DIMENSIONS:
            self.by.addItem(self.tr(label), code)  # type: ignore[arg-type]  # PySide6 stub: QT_TRANSLATE_NOOP returns the str it gets
        self.suppress = named(QCheckBox(self.tr("Aantallen onder 5 afschermen")), "monitorSmall")
        self.suppress.setToolTip(
            self.tr("Toont aantallen van 1 tot 4 als <5, zoals in de monitor van het hele SPT.")
        )
        self.status = named(QLabel(), "monitorStatus")
        self.status.setProperty("role", "muted")
        self.tabs = named(QTabWidget(), "monitorTabs")
        self.tabs.setAccessibleName(self.tr("Onderdelen van de monitor"))
        self.figures: dict[str, FigureTab] = {}
        for key, title in TAB_TITLES.items():
            tab = FigureTab(key, self._save_csv)
            self.figures[key] = tab
            self.tabs.addTab(tab, self.tr(title))  # type: ignore[arg-type]  # PySide6 stub: QT_TRANSLATE_NOOP returns the str it gets

        # A flow: on one line at normal text size, two or three to a line at 200 %
        # (each label beside its field) rather than one control per line.
        controls = FlowLayout()
        controls.addWidget(pair(QLabel(self.tr("Van")), self.start))
        controls.addWidget(pair(QLabel(self.tr("tot en met")), self.end))
        controls.addWidget(pair(QLabel(self.tr("Indeling")), self.by))
        controls.addWidget(self.suppress)
        controls.addStretch()
        controls.addWidget(self._aanbodkrant_button())
        layout = QVBoxLayout(self)
        layout.addWidget(named(QLabel(self.tr("Monitor: de lekkende pijplijn")), "pageTitle"))
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)

        # No debounce: each change asks at once, and only the newest answer counts.
        self.start.dateChanged.connect(self.refresh)
        self.end.dateChanged.connect(self.refresh)
        self.by.currentIndexChanged.connect(self.refresh)
        self.suppress.toggled.connect(self._show_report)
        ops.changed.connect(self._on_changed)
        self._period_set = False
        self._stale = False

    def _aanbodkrant_button(self) -> QPushButton:
        """The aanbodkrant for employers: anonymised profiles of the candidates who
        consented to appear in it (the service decides who)."""
        self.printing = Printing(self.ops, self)
        self.printing.on_saved = lambda _p: self.status.setText(self.tr("Aanbodkrant opgeslagen."))
        button = named(QPushButton(self.tr("Aanbodkrant")), "aanbodkrant")
        menu = QMenu(button)
        doc = Document("Aanbodkrant", "aanbodkrant", lambda svc: svc.documents.aanbodkrant())
        self.aanbodkrant_actions = {}
        for verb, label, run in (
            ("preview", self.tr("Afdrukvoorbeeld…"), self.printing.preview),
            ("print", self.tr("Afdrukken…"), self.printing.print),
            ("save", self.tr("Opslaan als PDF…"), self.printing.save_pdf),
        ):
            action = menu.addAction(label)
            action.setObjectName(f"aanbodkrant_{verb}")
            action.triggered.connect(lambda _=False, run=run: run(doc))
            self.aanbodkrant_actions[verb] = action
        button.setMenu(menu)
        return button

    # --- loading ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Compute the figures for the chosen period on the worker; the first time, the
        period is the last twelve months up to the vault's today."""
        if not self._period_set:
            self.ops.read(lambda svc: svc.today()).success(self._set_default).owned_by(self).run()
            return
        start, end, by = self.period()[0], self.period()[1], self.by.currentData()
        if end < start:
            self.status.setText(self.tr("De einddatum ligt vóór de begindatum."))
            return
        self.status.setText(self.tr("Cijfers berekenen…"))
        self.ops.read(lambda svc: svc.monitor.report(start, end, by)).newest(
            "monitor.report"
        ).success(self._loaded).owned_by(self).run()
        keep_monitor_current(self.ops, self)  # queued after the report: off its path

    def _set_default(self, today: date) -> None:
        year, month = (today.year, 1) if today.month == 12 else (today.year - 1, today.month + 1)
        self.set_period(date(year, month, 1), today)

    def set_period(self, start: date, end: date) -> None:
        """Choose the period (and compute)."""
        self._period_set = True
        for edit, day in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.refresh()

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]  # stub: toPython() gives a date

    def _loaded(self, report: Report) -> None:
        self.report = report
        self._show_report()

    def _show_report(self) -> None:
        report = self.report
        if report is None:
            return
        if self.suppress.isChecked():
            report = report.suppressed()
        for table in report.tables:
            self.figures[table.key].show_table(table)
        small = self.tr(" Aantallen onder 5 zijn afgeschermd.") if self.suppress.isChecked() else ""
        self.status.setText(
            self.tr("Periode {0} t/m {1}.").format(
                report.period.start.strftime("%d-%m-%Y"), report.period.end.strftime("%d-%m-%Y")
            )
            + small
        )

    def _on_changed(self, changes: Changes) -> None:
        """New data: recompute now when in view, else when next shown (a save in the
        dossier should not cost a 20,000-candidate recount on the worker)."""
        if self.report is not None and (changes.candidates or changes.dossier or changes.sync):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    # --- export ----------------------------------------------------------------------

    def _save_csv(self, table: Table) -> None:
        start, end = self.period()
        suggested = safe_file_name(f"monitor-{table.key}-{start:%Y%m%d}-{end:%Y%m%d}") + ".csv"
        path = self.choose_path(self, self.tr("Tabel opslaan als CSV"), suggested, "CSV (*.csv)")
        if not path:
            return
        text = table.to_csv()
        self.ops.work(lambda: save_csv(path, text)).success(
            lambda _: self.status.setText(self.tr("Tabel opgeslagen als CSV."))
        ).owned_by(self).run()


def keep_monitor_current(ops: Ops, owner: QObject) -> None:
    """Queue the Monitor's housekeeping on the worker: its kept facts written anew when
    a view would otherwise pay for what they lack (MonitorService.keep_current). Runs
    after unlock, after a sync and after each view. A failure here is not the coach's
    business: the next view then simply reads more of the vault itself."""

    def failed(exc: BaseException) -> bool:
        log.warning("monitor: bijwerken bewaarde cijfers mislukt (%s)", type(exc).__name__)
        return True

    ops.write(lambda svc: without_gc_pauses(svc.monitor.keep_current)).newest(
        "monitor.keep_current"
    ).failure(failed).owned_by(owner).run()
