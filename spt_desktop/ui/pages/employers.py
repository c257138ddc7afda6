"""Werkgevers, the arbeidsmarktcoach's workspace: the employers of the region (search,
filters), and per employer its facts, transitiebereidheid, contact persons, vacancies
and future needs (lesson 10) and the contact log of the employer approach (lesson 7).
Every action is a button with a mnemonic, and Enter on a row edits it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spt_common.enums import Sector, VacancyKind, VacancyStatus
from spt_desktop.services.changes import Changes
from spt_desktop.services.dto import (
    ContactPersonDTO,
    EmployerContactDTO,
    EmployerDTO,
    EmployerRow,
    VacancyDTO,
)
from spt_desktop.ui.dialogs.base import DraftDialog, unsaved_drafts
from spt_desktop.ui.dialogs.contact import ContactPersonDialog, EmployerContactDialog
from spt_desktop.ui.dialogs.employer import EmployerDialog
from spt_desktop.ui.dialogs.vacancy import VacancyDialog
from spt_desktop.ui.flow import FlowLayout
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.tables import Column, DtoTableModel, make_table, row_at, text_of


def _money(v: VacancyDTO) -> str:
    if v.salary_min is None and v.salary_max is None:
        return ""
    low = f"€ {v.salary_min}" if v.salary_min is not None else ""
    high = f"€ {v.salary_max}" if v.salary_max is not None else ""
    return f"{low}–{high}" if low and high else low or f"tot {high}"


EMPLOYERS = (
    Column("Naam", lambda r: r.employer.name),
    Column("Gemeente", lambda r: r.employer.municipality),
    Column("Vac.", lambda r: r.open_vacancies or ""),
    Column("Toek.", lambda r: r.future_needs or ""),
)
# Header tooltips of the short headers.
HEADER_TIPS = {
    "Vac.": "Open vacatures",
    "Toek.": "Toekomstige behoeften",
    "Vervolg": "Vervolgafspraak (✓: afgerond)",
}
CONTACTS = (
    Column("Naam", lambda c: c.name),
    Column("Functie", lambda c: c.function),
    Column("E-mail", lambda c: c.email),
    Column("Telefoon", lambda c: c.phone),
    Column("Vertrokken", lambda c: c.left_on),
)
VACANCIES = (
    Column("Functie", lambda v: v.title),
    Column("Soort", lambda v: "Toekomst" if v.kind == VacancyKind.FUTURE_NEED else "Vacature"),
    Column("Status", lambda v: v.status),
    Column("Plekken", lambda v: v.positions),
    Column("Uren", lambda v: v.hours_per_week),
    Column("Salaris", _money, sort=lambda v: v.salary_min or 0),
    Column("Verwacht", lambda v: v.expected_on),
)
CONTACT_LOG = (
    Column("Datum", lambda c: c.held_on),
    Column("Soort", lambda c: c.kind),
    Column("Met wie", lambda c: c.contact_person_name),
    Column("Afspraken", lambda c: c.agreements.replace("\n", " ")),
    Column(
        "Vervolg",
        lambda c: (
            (text_of(c.follow_up_on) + (" ✓" if c.follow_up_done_on else ""))
            if c.follow_up_on
            else ""
        ),
        sort=lambda c: c.follow_up_on,
    ),
    Column("Door", lambda c: c.coach_name),
)


class FullTextModel(DtoTableModel):
    """A table whose cells show their whole text as a tooltip (a narrow column may
    elide a long name; the coach can still read it)."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return text_of(self.columns[index.column()].show(self.rows[index.row()])) or None
        return super().data(index, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return HEADER_TIPS.get(self.columns[section].header)
        return super().headerData(section, orientation, role)


def _fit(view: QTableView, stretch: int, narrow: tuple[int, ...] = ()) -> None:
    """Every column as wide as its contents (``narrow`` ones: small numbers, as wide as
    their header without room for a sort arrow), ``stretch`` taking the rest: nothing is cut off at
    1366×768 (the stretched column elides, with its text as a tooltip)."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for i in range(header.count()):
        if i == stretch:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        elif i in narrow:
            title = str(view.model().headerData(i, Qt.Orientation.Horizontal))
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(i, max(48, header.fontMetrics().horizontalAdvance(title) + 22))
        else:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)


def _button(text: str, name: str, slot: Callable[[], object]) -> QPushButton:
    button = named(QPushButton(text), name)
    button.clicked.connect(lambda: slot())  # not clicked(bool) into the slot's first argument
    return button


class EmployersPage(QWidget):
    """The employer list (left) and the selected employer (right)."""

    # employer id, vacancy id: "Kandidaat voorstellen…" (the matching dialog, wired by
    # the workspace through ``connect_proposals``).
    propose_candidate = Signal(str, str)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.dialogs: list[DraftDialog[Any]] = []
        self.current: EmployerDTO | None = None
        self._people: list[ContactPersonDTO] = []
        self._select_after: str | None = None  # an employer to select once the list is in
        self._query_key = f"werkgevers.{id(self)}"
        self._detail_key = f"werkgever.{id(self)}"

        # --- the list and its filters
        self.search = named(QLineEdit(), "employerSearch")
        self.search.setPlaceholderText(self.tr("Zoek naam, sector, gemeente…"))
        self.search.setAccessibleName(self.tr("Zoek werkgever"))
        self.search.setClearButtonEnabled(True)
        self.sector = named(QComboBox(), "employerSector")
        self.sector.setAccessibleName(self.tr("Filter op sector"))
        self.sector.addItem(self.tr("Alle sectoren"), None)
        for s in Sector:
            self.sector.addItem(s.label, s.value)
        self.municipality = named(QComboBox(), "employerMunicipality")
        self.municipality.setAccessibleName(self.tr("Filter op gemeente"))
        self.municipality.addItem(self.tr("Alle gemeenten"), None)
        self.open_only = named(
            QCheckBox(self.tr("Met &open vacatures of toekomstige behoefte")), "employerOpenOnly"
        )
        self.count = named(QLabel(), "count")
        self.new_button = _button(self.tr("&Nieuwe werkgever…"), "newEmployer", self.new_employer)
        self.employers = FullTextModel(EMPLOYERS, self)
        self.view = make_table(self.employers, self)
        self.view.setObjectName("employerTable")
        self.view.setAccessibleName(self.tr("Werkgevers"))
        _fit(self.view, 0, narrow=(2, 3))

        left = QWidget()
        lcol = QVBoxLayout(left)
        lcol.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        lcol.addLayout(top)
        # A flow: the filters as many to a line as fit (at 200 % not one per line).
        filters = FlowLayout(spacing=6)
        filters.addWidget(self.sector)
        filters.addWidget(self.municipality)
        filters.addWidget(self.open_only)
        filters.addStretch()
        filters.addWidget(self.count)
        lcol.addLayout(filters)
        lcol.addWidget(self.view, 1)

        # --- the selected employer
        self.heading = named(QLabel(), "employerHeading")
        self.heading.setWordWrap(True)
        self.facts = named(QLabel(), "employerFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.guidance = named(QLabel(), "guidance")
        self.guidance.setWordWrap(True)
        self.edit_button = _button(
            self.tr("&Werkgever bewerken…"), "editEmployer", self.edit_employer
        )
        self.tabs = named(QTabWidget(), "employerTabs")
        self.tabs.setAccessibleName(self.tr("Onderdelen van de werkgever"))

        self.vacancies = FullTextModel(VACANCIES, self)
        self.vacancy_view = self._table(self.vacancies, "vacancyTable", self.tr("Vacatures"))
        self.vacancy_view.activated.connect(lambda *_: self.edit_vacancy())
        _fit(self.vacancy_view, 0, narrow=(3, 4))
        self.add_vacancy_button = _button(self.tr("&Vacature…"), "addVacancy", self.add_vacancy)
        self.add_need_button = _button(
            self.tr("&Toekomstige behoefte…"), "addFutureNeed", self.add_future_need
        )
        self.edit_vacancy_button = _button(self.tr("B&ewerken…"), "editVacancy", self.edit_vacancy)
        self.fill_button = _button(self.tr("Vervu&ld"), "fillVacancy", self.fill_vacancy)
        self.close_vacancy_button = _button(self.tr("&Sluiten"), "closeVacancy", self.close_vacancy)
        self.reopen_button = _button(self.tr("&Heropenen"), "reopenVacancy", self.reopen_vacancy)
        # Matching's dialog proposes candidates to a vacancy: the workspace wires it.
        self.propose_button = _button(
            self.tr("&Kandidaat voorstellen…"), "proposeCandidate", self._propose
        )
        self.propose_button.hide()
        self.vacancy_detail = named(QLabel(), "vacancyDetail")
        self.vacancy_detail.setWordWrap(True)
        self.vacancy_detail.setProperty("role", "muted")
        vacancy_tab = self._tab(self.vacancy_view, self.add_vacancy_button, self.add_need_button)
        actions = QHBoxLayout()
        for b in (self.edit_vacancy_button, self.fill_button, self.close_vacancy_button,
                  self.reopen_button, self.propose_button):  # fmt: skip
            actions.addWidget(b)
        actions.addStretch()
        vacancy_tab.layout().addWidget(self.vacancy_detail)  # type: ignore[union-attr]
        vacancy_tab.layout().addLayout(actions)  # type: ignore[union-attr]
        self.tabs.addTab(vacancy_tab, self.tr("Vacatures en toekomstige behoefte"))

        self.log = FullTextModel(CONTACT_LOG, self)
        self.log_view = self._table(self.log, "contactLogTable", self.tr("Contacten"))
        self.log_view.activated.connect(lambda *_: self.edit_logged())
        _fit(self.log_view, 3)
        self.log_button = _button(self.tr("Contact &vastleggen…"), "logContact", self.log_contact)
        self.edit_log_button = _button(self.tr("B&ewerken…"), "editLogged", self.edit_logged)
        self.done_button = _button(
            self.tr("Vervolg a&fgerond"), "followUpDone", self.follow_up_done
        )
        self.tabs.addTab(
            self._tab(self.log_view, self.log_button, self.edit_log_button, self.done_button),
            self.tr("Contacten"),
        )

        self.contacts = FullTextModel(CONTACTS, self)
        self.contact_view = self._table(self.contacts, "contactTable", self.tr("Contactpersonen"))
        self.contact_view.activated.connect(lambda *_: self.edit_person())
        _fit(self.contact_view, 2)
        self.add_person_button = _button(
            self.tr("&Toevoegen…"), "addContactPerson", self.add_person
        )
        self.edit_person_button = _button(
            self.tr("B&ewerken…"), "editContactPerson", self.edit_person
        )
        self.left_button = _button(self.tr("Ve&rtrokken"), "contactLeft", self.toggle_left)
        self.tabs.addTab(
            self._tab(
                self.contact_view, self.add_person_button, self.edit_person_button, self.left_button
            ),
            self.tr("Contactpersonen"),
        )

        detail = QWidget()
        d = QVBoxLayout(detail)
        d.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        d.addLayout(head)
        d.addWidget(self.facts)
        d.addWidget(self.guidance)
        d.addWidget(self.tabs, 1)

        split = named(QSplitter(), "employerSplit")
        split.addWidget(left)
        split.addWidget(detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setSizes([480, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(named(QLabel(self.tr("Werkgevers")), "pageTitle"))
        layout.addWidget(split, 1)

        # No debounce: each key asks at once, and only the newest answer counts.
        self.search.textChanged.connect(self.refresh)
        self.sector.currentIndexChanged.connect(self.refresh)
        self.municipality.currentIndexChanged.connect(self.refresh)
        self.open_only.toggled.connect(self.refresh)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        for view in (self.vacancy_view, self.log_view, self.contact_view):
            view.selectionModel().selectionChanged.connect(self._update_buttons)
        ops.changed.connect(self._on_changed)
        self._show_nothing(self.tr("Kies een werkgever."))

    def _table(self, model: DtoTableModel, name: str, label: str) -> QTableView:
        view = make_table(model, self)
        view.setObjectName(name)
        view.setAccessibleName(label)
        return view

    def _tab(self, view: QTableView, *buttons: QPushButton) -> QWidget:
        tab = QWidget()
        col = QVBoxLayout(tab)
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch()
        col.addLayout(row)
        col.addWidget(view, 1)
        return tab

    # --- the list ------------------------------------------------------------------

    def refresh(self) -> None:
        text = self.search.text()
        sector = Sector(self.sector.currentData()) if self.sector.currentData() else None
        place = self.municipality.currentData()
        open_only = self.open_only.isChecked()
        self.ops.read(
            lambda svc: (
                svc.employers.overview(text, sector, place, open_only),
                svc.employers.municipalities(),
            )
        ).newest(self._query_key).success(self._show).owned_by(self).run()

    def _on_changed(self, changes: Changes) -> None:
        if changes.employers or changes.sync:
            self.refresh()

    def _show(self, result: tuple[list[EmployerRow], list[str]]) -> None:
        rows, places = result
        self._fill_places(places)
        keep = self._select_after or (self.current.id if self.current else None)
        self._select_after = None
        self.employers.replace(rows)
        self.count.setText(self.tr("{0} werkgever(s)").format(len(rows)))
        if not rows:
            # Nothing matches: the employer shown before must not stay on screen.
            self._show_nothing(self.tr("Geen werkgevers gevonden."))
            return
        at = next((i for i, r in enumerate(rows) if r.id == keep), 0)
        self._select_row(at)

    def _select_row(self, source_row: int) -> None:
        proxy = self.view.model()
        index = proxy.mapFromSource(self.employers.index(source_row, 0))  # type: ignore[attr-defined]
        self.view.setCurrentIndex(index)
        self.view.selectRow(index.row())
        self._selected()

    def _fill_places(self, places: list[str]) -> None:
        chosen = self.municipality.currentData()
        known = [self.municipality.itemData(i) for i in range(1, self.municipality.count())]
        if known == places:
            return
        self.municipality.blockSignals(True)
        self.municipality.clear()
        self.municipality.addItem(self.tr("Alle gemeenten"), None)
        for place in places:
            self.municipality.addItem(place, place)
        self.municipality.setCurrentIndex(
            max(self.municipality.findData(chosen), 0) if chosen else 0
        )
        self.municipality.blockSignals(False)

    def _show_nothing(self, message: str) -> None:
        self.current = None
        self._people = []
        self.heading.setText(f"<h3>{message}</h3>")
        self.facts.clear()
        self.guidance.clear()
        for model in (self.contacts, self.vacancies, self.log):
            model.clear()
        self._update_buttons()

    def _selected(self, *_: QItemSelection) -> None:
        row: EmployerRow | None = row_at(self.view)
        if row is None:
            self._show_nothing(self.tr("Kies een werkgever."))
            return
        self._show_employer(row.employer)
        eid = row.id
        self.ops.read(
            lambda svc: (
                svc.employers.contacts(eid),
                svc.employers.vacancies(eid, status=None),
                svc.employers.contact_log(eid),
            )
        ).newest(self._detail_key).success(lambda parts: self._detail(eid, parts)).owned_by(
            self
        ).run()

    def _show_employer(self, emp: EmployerDTO) -> None:
        self.current = emp
        self.heading.setText(
            f"<h3>{_esc(emp.name)}</h3>{emp.sector.label} · {_esc(emp.municipality)}"
            + (f" · {_esc(emp.address)}" if emp.address else "")
        )
        none = self.tr("onbekend")
        facts = [
            self.tr("Branche: {0}").format(emp.branch.label if emp.branch else none),
            self.tr("Opleidingsfonds: {0}").format(
                emp.training_fund.label if emp.training_fund else self.tr("geen")
            ),
            self.tr("Transitiebereidheid: {0}").format(
                emp.transition_readiness.label if emp.transition_readiness else none
            ),
        ]
        text = " · ".join(facts)
        if emp.transition_notes:
            text += f"<br><i>{_esc(emp.transition_notes)}</i>"
        self.facts.setText(text)
        capacity = self.tr(
            "Begeleiding in het bedrijf: {0} praktijkopleider(s), {1} middenkader."
        ).format(emp.praktijkopleiders, emp.middenkader)
        self.guidance.setText(
            _esc(capacity) + (f"<br>{_esc(emp.guidance_notes)}" if emp.guidance_notes else "")
        )
        self._update_buttons()

    def _detail(
        self,
        employer_id: str,
        parts: tuple[list[ContactPersonDTO], list[VacancyDTO], list[EmployerContactDTO]],
    ) -> None:
        if self.current is None or self.current.id != employer_id:
            return  # another employer was chosen meanwhile
        self._people = parts[0]
        self.contacts.replace(parts[0])
        self.vacancies.replace(parts[1])
        self.log.replace(parts[2])
        self._update_buttons()

    def _update_buttons(self, *_: Any) -> None:
        have = self.current is not None
        for b in (self.edit_button, self.add_vacancy_button, self.add_need_button,
                  self.log_button, self.add_person_button):  # fmt: skip
            b.setEnabled(have)
        vac: VacancyDTO | None = row_at(self.vacancy_view) if have else None
        is_open = vac is not None and vac.status == VacancyStatus.OPEN
        self.edit_vacancy_button.setEnabled(vac is not None)
        self.fill_button.setEnabled(is_open)
        self.close_vacancy_button.setEnabled(is_open)
        self.reopen_button.setEnabled(vac is not None and not is_open)
        self.propose_button.setEnabled(is_open)
        self.vacancy_detail.setText(self._gaps(vac) if vac is not None else "")
        logged: EmployerContactDTO | None = row_at(self.log_view) if have else None
        self.edit_log_button.setEnabled(logged is not None)
        self.done_button.setEnabled(logged is not None and logged.follow_up_open)
        person: ContactPersonDTO | None = row_at(self.contact_view) if have else None
        self.edit_person_button.setEnabled(person is not None)
        self.left_button.setEnabled(person is not None)
        self.left_button.setText(
            self.tr("Toch nog in &dienst") if person is not None and not person.active
            else self.tr("Ve&rtrokken")
        )  # fmt: skip

    def _gaps(self, v: VacancyDTO) -> str:
        """The selected vacancy's gaps in one line (whitepaper: hours, availability,
        salary, Dutch, level), then its description."""
        parts = []
        if v.hours_per_week or v.work_pattern:
            hours = self.tr("{0} uur per week").format(v.hours_per_week) if v.hours_per_week else ""
            pattern = v.work_pattern.label.lower() if v.work_pattern else ""
            parts.append(", ".join(p for p in (hours, pattern) if p))
        if _money(v):
            parts.append(self.tr("{0} bruto per maand").format(_money(v)))
        if v.language_level:
            parts.append(self.tr("Nederlands {0}").format(v.language_level.value))
        if v.work_level:
            parts.append(v.work_level.label)
        if v.bbl_possible:
            parts.append(self.tr("BBL/leerwerkplek mogelijk"))
        if v.source:
            parts.append(self.tr("bron: {0}").format(v.source.label))
        text = _esc(" · ".join(parts))
        return text + (f"<br>{_esc(v.description)}" if v.description else "")

    def show_employer(self, employer_id: str, tab: int | None = None) -> None:
        """Show ``employer_id`` (from Vandaag, say): filters cleared, the employer
        selected once the list is in, ``tab`` (0 vacancies, 1 contacts, 2 persons)."""
        self._select_after = employer_id
        for w in (self.search, self.sector, self.municipality, self.open_only):
            w.blockSignals(True)
        self.search.clear()
        self.sector.setCurrentIndex(0)
        self.municipality.setCurrentIndex(0)
        self.open_only.setChecked(False)
        for w in (self.search, self.sector, self.municipality, self.open_only):
            w.blockSignals(False)
        if tab is not None:
            self.tabs.setCurrentIndex(tab)
        self.refresh()

    # --- dialogs -------------------------------------------------------------------

    def _open(self, dialog: DraftDialog[Any]) -> DraftDialog[Any]:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _=0, d=dialog: self._closed(d))
        dialog.open()
        return dialog

    def _closed(self, dialog: DraftDialog[Any]) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    def new_employer(self, draft: dict[str, Any] | None = None) -> DraftDialog[Any]:
        dialog = EmployerDialog(self.ops, None, draft, parent=self)
        dialog.on_saved = lambda emp: self._after_save(emp.id)
        return self._open(dialog)

    def edit_employer(self, draft: dict[str, Any] | None = None) -> None:
        if self.current is not None:
            dialog = EmployerDialog(self.ops, self.current, draft, parent=self)
            dialog.on_saved = lambda emp: self._after_save(emp.id)
            self._open(dialog)

    def _after_save(self, employer_id: str) -> None:
        self._select_after = employer_id  # the refresh that follows the save selects it

    def add_vacancy(self, kind: VacancyKind = VacancyKind.OPEN) -> None:
        if self.current is not None:
            self.tabs.setCurrentIndex(0)
            self._open(
                VacancyDialog(self.ops, self.current.id, self.current.name, kind=kind, parent=self)
            )

    def add_future_need(self) -> None:
        self.add_vacancy(VacancyKind.FUTURE_NEED)

    def edit_vacancy(self) -> None:
        vac: VacancyDTO | None = row_at(self.vacancy_view)
        if self.current is not None and vac is not None:
            self._open(
                VacancyDialog(self.ops, self.current.id, self.current.name, vac, parent=self)
            )

    def _set_status(self, status: VacancyStatus) -> None:
        vac: VacancyDTO | None = row_at(self.vacancy_view)
        if vac is not None:
            vid = vac.id
            self.ops.write(lambda svc: svc.employers.set_vacancy_status(vid, status)).owned_by(
                self
            ).run()

    def fill_vacancy(self) -> None:
        self._set_status(VacancyStatus.FILLED)

    def close_vacancy(self) -> None:
        self._set_status(VacancyStatus.CLOSED)

    def reopen_vacancy(self) -> None:
        self._set_status(VacancyStatus.OPEN)

    def connect_proposals(self, handler: Callable[[str, str], None]) -> None:
        """Show "Kandidaat voorstellen…" on the vacancies; it calls ``handler(employer
        id, vacancy id)`` (the matching dialog)."""
        self.propose_candidate.connect(handler)
        self.propose_button.show()

    def _propose(self) -> None:
        vac: VacancyDTO | None = row_at(self.vacancy_view)
        if vac is not None:
            self.propose_candidate.emit(vac.employer_id, vac.id)

    def log_contact(self, draft: dict[str, Any] | None = None) -> None:
        if self.current is None:
            return
        emp, people = self.current, list(self._people)
        self.tabs.setCurrentIndex(1)

        def opened(today: date) -> None:
            self._open(
                EmployerContactDialog(
                    self.ops, emp.id, emp.name, people, draft=draft, today=today, parent=self
                )
            )

        self.ops.read(lambda svc: svc.employers.today()).success(opened).owned_by(self).run()

    def edit_logged(self) -> None:
        logged: EmployerContactDTO | None = row_at(self.log_view)
        if self.current is not None and logged is not None:
            self._open(
                EmployerContactDialog(
                    self.ops, self.current.id, self.current.name, self._people, logged, parent=self
                )
            )

    def follow_up_done(self) -> None:
        logged: EmployerContactDTO | None = row_at(self.log_view)
        if logged is not None and logged.follow_up_open:
            self.complete_follow_up(logged.id)

    def complete_follow_up(self, contact_id: str) -> None:
        """Mark a logged contact's follow-up as done (also Vandaag's action)."""
        self.ops.write(lambda svc: svc.employers.complete_follow_up(contact_id)).owned_by(
            self
        ).run()

    def add_person(self) -> None:
        if self.current is not None:
            self._open(
                ContactPersonDialog(self.ops, self.current.id, self.current.name, parent=self)
            )

    def edit_person(self) -> None:
        person: ContactPersonDTO | None = row_at(self.contact_view)
        if self.current is not None and person is not None:
            self._open(
                ContactPersonDialog(
                    self.ops, self.current.id, self.current.name, person, parent=self
                )
            )

    def toggle_left(self) -> None:
        person: ContactPersonDTO | None = row_at(self.contact_view)
        if person is not None:
            pid, left = person.id, person.active
            self.ops.write(lambda svc: svc.employers.mark_contact_left(pid, left)).owned_by(
                self
            ).run()

    # --- drafts (the workspace collects and restores them) ----------------------------

    def drafts(self) -> dict[str, dict[str, Any]]:
        """What is typed in this page's open dialogs and not saved, by form id."""
        return unsaved_drafts(self.dialogs)

    def restore_draft(self, form_id: str, values: dict[str, Any]) -> bool:
        """Reopen the dialog a kept draft belongs to; False: not one of this page's."""
        kind, _, rid = form_id.partition(".")
        if kind == "employer" and not rid:
            self.new_employer(values)
            return True
        if kind not in ("employer", "contactperson", "contactperson-edit", "vacancy",
                        "vacancy-edit", "employercontact", "employercontact-edit"):  # fmt: skip
            return False
        self.ops.read(lambda svc: _draft_context(svc, kind, rid)).success(
            lambda ctx: self._reopen(kind, ctx, values)
        ).owned_by(self).run()
        return True

    def _reopen(self, kind: str, ctx: Any, values: dict[str, Any]) -> None:
        emp, people, record = ctx
        if emp is None:
            return
        name = emp.name
        if kind == "employer":
            dialog: DraftDialog[Any] = EmployerDialog(self.ops, emp, values, parent=self)
        elif kind.startswith("contactperson"):
            dialog = ContactPersonDialog(self.ops, emp.id, name, record, values, parent=self)
        elif kind.startswith("vacancy"):
            dialog = VacancyDialog(self.ops, emp.id, name, record, draft=values, parent=self)
        else:
            dialog = EmployerContactDialog(
                self.ops, emp.id, name, people, record, values, parent=self
            )
        self._open(dialog)


def _draft_context(svc: Any, kind: str, rid: str) -> tuple[Any, list[ContactPersonDTO], Any]:
    """(employer, its contact persons, the record edited or None) of a kept draft."""
    from spt_desktop.services.errors import NotFound

    try:
        if kind in ("employer", "contactperson", "vacancy", "employercontact"):
            emp = svc.employers.get(rid)
            return emp, svc.employers.contacts(emp.id), None
        finder = {
            "contactperson-edit": svc.employers.contact_person,
            "vacancy-edit": svc.employers.vacancy,
            "employercontact-edit": svc.employers.logged_contact,
        }[kind]
        record = finder(rid)
        emp = svc.employers.get(record.employer_id)
        return emp, svc.employers.contacts(emp.id), record
    except NotFound:
        return None, [], None  # deleted meanwhile (a sync): the draft has nothing to go to


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["EmployersPage"]
