"""Werkgevers: employers of the region, their contact persons, open vacancies and
future needs, and the guidance they can give in the company."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from spt_desktop.services.dto import ContactPersonDTO, EmployerDTO, VacancyDTO
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.tables import Column, DtoTableModel, make_table, row_at

EMPLOYERS = (
    Column("Naam", lambda e: e.name, width=210),
    Column("Sector", lambda e: e.sector, width=120),
    Column("Gemeente", lambda e: e.municipality, width=110),
    Column("Opleiders", lambda e: e.praktijkopleiders, width=70),
    Column("Middenkader", lambda e: e.middenkader),
)
CONTACTS = (
    Column("Naam", lambda c: c.name, width=180),
    Column("Functie", lambda c: c.function, width=130),
    Column("E-mail", lambda c: c.email, width=190),
    Column("Telefoon", lambda c: c.phone),
)
VACANCIES = (
    Column("Soort", lambda v: v.kind, width=150),
    Column("Functie", lambda v: v.title, width=170),
    Column("Plekken", lambda v: v.positions, width=60),
    Column("Uren", lambda v: v.hours_per_week, width=50),
    Column("Verwacht", lambda v: v.expected_on, width=90),
    Column("Status", lambda v: v.status),
)


class EmployersPage(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.search = named(QLineEdit(), "employerSearch")
        self.search.setPlaceholderText(self.tr("Zoek werkgever op naam…"))
        self.search.setClearButtonEnabled(True)
        self.employers = DtoTableModel(EMPLOYERS, self)
        self.view = make_table(self.employers, self)
        self.view.setObjectName("employerTable")
        self.contacts = DtoTableModel(CONTACTS, self)
        self.vacancies = DtoTableModel(VACANCIES, self)
        self.guidance = named(QLabel(), "guidance")
        self.guidance.setWordWrap(True)
        self.heading = named(QLabel(), "employerHeading")

        detail = QWidget()
        d = QVBoxLayout(detail)
        d.addWidget(self.heading)
        d.addWidget(self.guidance)
        d.addWidget(QLabel(self.tr("<b>Contactpersonen</b>")))
        contacts = make_table(self.contacts, detail)
        contacts.setObjectName("contactTable")
        d.addWidget(contacts, 1)
        d.addWidget(QLabel(self.tr("<b>Vacatures en toekomstige behoefte</b>")))
        vacancies = make_table(self.vacancies, detail)
        vacancies.setObjectName("vacancyTable")
        d.addWidget(vacancies, 2)

        split = QSplitter()
        left = QWidget()
        lcol = QVBoxLayout(left)
        lcol.setContentsMargins(0, 0, 0, 0)
        lcol.addWidget(self.search)
        lcol.addWidget(self.view, 1)
        split.addWidget(left)
        split.addWidget(detail)
        split.setSizes([520, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(named(QLabel(self.tr("Werkgevers")), "pageTitle"))
        layout.addWidget(split, 1)

        # No debounce: each key asks at once, and only the newest answer counts.
        self._query_key = f"werkgevers.{id(self)}"
        self.search.textChanged.connect(self.refresh)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        ops.changed.connect(lambda c: self.refresh() if c.employers or c.sync else None)

    def refresh(self) -> None:
        text = self.search.text()
        self.ops.read(lambda svc: svc.employers.find(text)).newest(self._query_key).success(
            self._show
        ).owned_by(self).run()

    def _show(self, rows: list[EmployerDTO]) -> None:
        self.employers.replace(rows)
        if rows:
            self.view.selectRow(0)
        else:
            self.heading.setText(self.tr("Geen werkgevers gevonden."))

    def _selected(self, *_: QItemSelection) -> None:
        emp = row_at(self.view)
        if emp is None:
            return
        self.heading.setText(
            f"<h3>{emp.name}</h3>{emp.sector.label} · {emp.municipality} · {emp.address}"
        )
        capacity = self.tr(
            "Begeleiding in het bedrijf: {0} praktijkopleider(s), {1} middenkader."
        ).format(emp.praktijkopleiders, emp.middenkader)
        self.guidance.setText(
            capacity + (f"<br>{emp.guidance_notes}" if emp.guidance_notes else "")
        )
        eid = emp.id
        self.ops.read(
            lambda svc: (svc.employers.contacts(eid), svc.employers.vacancies(eid, status=None))
        ).success(self._detail).owned_by(self).run()

    def _detail(self, parts: tuple[list[ContactPersonDTO], list[VacancyDTO]]) -> None:
        self.contacts.replace(parts[0])
        self.vacancies.replace(parts[1])


__all__ = ["EmployersPage"]
