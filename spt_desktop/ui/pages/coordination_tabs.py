"""The Coördinatie page's SPT-monitor and Doelen tabs (see ``coordination.py``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
)

from spt_common.monitor_figures import Report, Table
from spt_desktop.services.monitor import save_csv
from spt_desktop.ui.named import named
from spt_desktop.ui.pages.coordination import CoordinationPage, CoordinationTab, _item, _table
from spt_desktop.ui.pages.monitor import TAB_TITLES, FigureTab
from spt_desktop.ui.print_files import choose_save_path, safe_file_name

if TYPE_CHECKING:
    from spt_common import protocol as p  # imported when first used (cold start)

# The server splits by these only: a split by coach would name a colleague's caseload.
SERVER_DIMENSIONS = (
    (QT_TRANSLATE_NOOP("SptMonitorTab", "Geen indeling"), None),
    (QT_TRANSLATE_NOOP("SptMonitorTab", "Persona"), "persona"),
    (QT_TRANSLATE_NOOP("SptMonitorTab", "Regio"), "region"),
    (QT_TRANSLATE_NOOP("SptMonitorTab", "Verwijzer"), "referral_source"),
)


class SptMonitorTab(CoordinationTab):
    """The Monitor page's figures over the whole SPT, from the server's /monitor."""

    def __init__(self, page: CoordinationPage) -> None:
        super().__init__(page)
        self.report: Report | None = None
        self.choose_path = choose_save_path  # tests put a chosen path here
        self.start = named(QDateEdit(), "sptMonitorFrom")
        self.end = named(QDateEdit(), "sptMonitorTo")
        self.start.setAccessibleName(self.tr("Periode vanaf"))
        self.end.setAccessibleName(self.tr("Periode tot en met"))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.by = named(QComboBox(), "sptMonitorBy")
        self.by.setAccessibleName(self.tr("Indeling"))
        for label, code in SERVER_DIMENSIONS:
            self.by.addItem(self.tr(label), code)  # type: ignore[arg-type]  # PySide6 stub: QT_TRANSLATE_NOOP returns the str it gets
        self.show_button = named(QPushButton(self.tr("Tonen")), "sptMonitorShow")
        self.show_button.clicked.connect(self.load)
        self.report_button = named(
            QPushButton(self.tr("Rapportage stuurgroep (PDF)…")), "sptMonitorStuurgroep"
        )
        self.report_button.setToolTip(
            self.tr("Per kwartaal van de gekozen periode: instroom, stromen, uitval, "
                    "verblijfsduur, duurzame plaatsing en de doelen; alleen totalen.")
        )  # fmt: skip
        self.report_button.clicked.connect(self._stuurgroep)
        self.period_error = named(QLabel(), "sptMonitorPeriodError")
        self.period_error.setProperty("role", "error")
        self.note = named(QLabel(), "sptMonitorNote")
        self.note.setProperty("role", "muted")
        self.tabs = named(QTabWidget(), "sptMonitorTabs")
        self.tabs.setAccessibleName(self.tr("Onderdelen van de SPT-monitor"))
        self.figures: dict[str, FigureTab] = {}
        for key, title in TAB_TITLES.items():
            tab = FigureTab(key, self._save_csv)
            tab.view.setObjectName(f"sptMonitorTable_{key}")
            tab.export.setObjectName(f"sptMonitorCsv_{key}")
            self.figures[key] = tab
            self.tabs.addTab(tab, self.tr(title))  # type: ignore[arg-type]  # PySide6 stub: QT_TRANSLATE_NOOP returns the str it gets
        controls = QHBoxLayout()
        for text, widget in (
            (self.tr("Van"), self.start),
            (self.tr("tot en met"), self.end),
            (self.tr("Indeling"), self.by),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            controls.addWidget(label)
            controls.addWidget(widget)
        controls.addWidget(self.show_button)
        controls.addStretch(1)
        controls.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.period_error)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)
        self._period_set = False

    def set_period(self, start: date, end: date) -> None:
        self._period_set = True
        for edit, day in ((self.start, start), (self.end, end)):
            edit.setDate(QDate(day.year, day.month, day.day))

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]  # stub: toPython() gives a date

    def load(self) -> None:
        if not self._period_set:
            today = date.today() if self.page.ready is None else self.page.ready.today
            self.set_period(date(today.year, 1, 1), today)
        start, end = self.period()
        by = self.by.currentData()
        if end < start:
            self.period_error.setText(self.tr("De einddatum ligt vóór de begindatum."))
            self.end.setFocus()
            return
        self.period_error.clear()
        self.page.ask("monitor", lambda c: c.monitor(start, end, by), self._show)

    def _show(self, report: Report) -> None:
        self.report = report
        self.has_data = True
        for table in report.tables:
            if table.key in self.figures:
                self.figures[table.key].show_table(table)
        self.note.setText(
            self.tr("Het hele SPT, {0} t/m {1}. Aantallen van 1 tot 4 staan er als <5.").format(
                report.period.start.strftime("%d-%m-%Y"), report.period.end.strftime("%d-%m-%Y")
            )
        )

    def _stuurgroep(self) -> None:
        """The stuurgroep's report of the chosen period, saved as PDF where she chooses."""
        start, end = self.period()
        if end < start:
            self.period_error.setText(self.tr("De einddatum ligt vóór de begindatum."))
            self.end.setFocus()
            return
        self.period_error.clear()
        suggested = safe_file_name(f"rapportage-stuurgroep-{start:%Y%m%d}-{end:%Y%m%d}")
        path = self.choose_path(
            self, self.tr("Rapportage stuurgroep opslaan"), suggested + ".pdf", "PDF (*.pdf)"
        )
        if not path:
            return
        today = self.page.ready.today if self.page.ready is not None else date.today()
        from spt_desktop.services.coordination import save_stuurgroep

        self.page.ask(
            "stuurgroep",
            lambda c: save_stuurgroep(c, start, end, today, path),
            lambda _: self.note.setText(self.tr("Rapportage stuurgroep opgeslagen.")),
        )

    def _save_csv(self, table: Table) -> None:
        start, end = self.period()
        suggested = safe_file_name(f"spt-monitor-{table.key}-{start:%Y%m%d}-{end:%Y%m%d}")
        path = self.choose_path(
            self, self.tr("Tabel opslaan als CSV"), suggested + ".csv", "CSV (*.csv)"
        )
        if not path:
            return
        text = table.to_csv()
        self.page.ops.work(lambda: save_csv(path, text)).success(
            lambda _: self.note.setText(self.tr("Tabel opgeslagen als CSV."))
        ).owned_by(self).run()


# --- Doelen ----------------------------------------------------------------------------

NO_TARGET = -1  # the spin boxes' "—": no target set

TARGETS = (
    ("instroom", QT_TRANSLATE_NOOP("TargetsTab", "Instroom (aangemelde kandidaten)")),
    ("placements", QT_TRANSLATE_NOOP("TargetsTab", "Plaatsingen")),
    ("sustained", QT_TRANSLATE_NOOP("TargetsTab", "Duurzame plaatsingen (na 12 maanden)")),
    ("dropout_rate", QT_TRANSLATE_NOOP("TargetsTab", "Uitval (% van de instroom, hoogstens)")),
)


class TargetsTab(CoordinationTab):
    """The year's targets of the SPT, set here, against what is realised so far."""

    def __init__(self, page: CoordinationPage) -> None:
        super().__init__(page)
        self.report: p.TargetsReport | None = None
        self.year = named(QSpinBox(), "targetsYear")
        self.year.setRange(2000, 2099)
        self.year.setValue(date.today().year)
        self.year.setAccessibleName(self.tr("Jaar"))
        self.year.valueChanged.connect(lambda _v: self.load())
        self.fields: dict[str, QSpinBox] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.year.setMinimumWidth(160)
        form.addRow(self.tr("Jaar"), self.year)
        for key, label in TARGETS:
            box = named(QSpinBox(), f"target_{key}")
            box.setRange(NO_TARGET, 100 if key == "dropout_rate" else 1_000_000)
            box.setSpecialValueText(self.tr("geen doel"))
            box.setValue(NO_TARGET)
            box.setMinimumWidth(160)
            box.setAccessibleName(self.tr(str(label)))
            if key == "dropout_rate":
                box.setSuffix(" %")
            self.fields[key] = box
            form.addRow(self.tr(str(label)), box)
        self.save = named(QPushButton(self.tr("Doelen opslaan")), "targetsSave")
        self.save.clicked.connect(self._save)
        self.saved = named(QLabel(), "targetsSaved")
        self.table: QTableWidget = _table(
            "targetsTable",
            self.tr("Doelen en realisatie"),
            [self.tr("Doel"), self.tr("Streefwaarde"), self.tr("Gerealiseerd"), self.tr("Stand")],
        )
        self.table.setMinimumHeight(160)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.saved, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def load(self) -> None:
        if self.page.ready is not None and not self.has_data:
            self.year.blockSignals(True)
            self.year.setValue(self.page.ready.today.year)
            self.year.blockSignals(False)
        year = self.year.value()
        self.page.ask("targets", lambda c: c.targets(year), self._show)

    def _save(self) -> None:
        from spt_common import protocol as p

        values: dict[str, Any] = {
            k: (None if box.value() == NO_TARGET else box.value()) for k, box in self.fields.items()
        }
        request = p.TargetsRequest(year=self.year.value(), **values)
        self.page.ask("targets.saved", lambda c: c.set_targets(request), self._saved)

    def _saved(self, report: p.TargetsReport) -> None:
        self.saved.setText(self.tr("Doelen voor {0} opgeslagen.").format(report.year))
        self._show(report)

    def _show(self, report: p.TargetsReport) -> None:
        self.report = report
        self.has_data = True
        targets, realised = report.targets, report.realised
        for key, box in self.fields.items():
            value = getattr(targets, key)
            box.setValue(NO_TARGET if value is None else int(value))
        self.table.setRowCount(len(TARGETS))
        for r, (key, label) in enumerate(TARGETS):
            goal, got = getattr(targets, key), getattr(realised, key)
            goal_text = (
                "—" if goal is None else (f"{goal} %" if key == "dropout_rate" else str(goal))
            )
            if key == "dropout_rate":
                got_text = "—" if got is None else f"{got:.1f} %".replace(".", ",")
            else:
                got_text = str(got)
            cells = [self.tr(str(label)), goal_text, got_text, self._progress(key, goal, got)]
            for c, text in enumerate(cells):
                item = _item(text)
                if c > 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

    def _progress(self, key: str, goal: int | None, got: Any) -> str:
        if goal is None or got is None or isinstance(got, str):
            return ""
        if key == "dropout_rate":
            return self.tr("binnen het doel") if got <= goal else self.tr("boven het doel")
        if goal == 0:
            return ""
        return self.tr("{0} % van het doel").format(round(100 * got / goal))
