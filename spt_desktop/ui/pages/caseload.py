"""Caseload: every candidate, search-as-you-type, filters, sort; Enter opens the dossier.

The vault does the filtering (FTS5 for text) and hands rows over in pages, so the first
page shows at once and 20,000 candidates never block the window."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spt_common.enums import CandidateStatus, Persona, Phase, Role
from spt_common.names import sort_name
from spt_desktop.services.changes import Changes
from spt_desktop.services.dto import CaseloadFilter, CaseloadRow
from spt_desktop.ui.flow import FlowLayout
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.tables import Column, DtoTableModel, make_table, row_at

PAGE = 1000
# A text search's first page: the vault finds it by walking the caseload in name order
# until the page is full (services/queries.py), so its cost follows the page; 100 rows
# fill the table several times over, the rest comes as the coach scrolls (fetchMore).
SEARCH_PAGE = 100


def dutch_name_key(row: CaseloadRow) -> str:
    """'van Dijk' sorts under D, as the vault's own order (spt_common.names)."""
    return sort_name(row.last_name, row.first_name)


COLUMNS = (
    Column("Naam", lambda r: r.full_name, dutch_name_key, 220),
    Column("Gemeente", lambda r: r.municipality, width=150),
    Column("Fase", lambda r: r.phase, lambda r: list(Phase).index(r.phase), 170),
    Column("Persona", lambda r: r.persona, width=260),
    Column("Status", lambda r: r.status, width=130),
    Column("Vervolgafspraak", lambda r: r.next_follow_up, width=140),
    Column("Aangemeld", lambda r: r.registered_on),
)


def _combo(name: str, everyone: str, members: list[Any]) -> QComboBox:
    """A filter: as wide as a short label, its list as wide as its longest item (a
    persona's label is ~50 characters: sized to content, the row pushed the window
    past a 1366-pixel screen)."""
    box = named(QComboBox(), name)
    box.addItem(everyone, None)
    for m in members:
        box.addItem(m.label, m)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)
    box.view().setMinimumWidth(box.view().sizeHintForColumn(0) + 24)
    return box


class CaseloadPage(QWidget):
    """The table of candidates. ``open_candidate(id)`` when the coach opens one."""

    open_candidate = Signal(str)
    new_candidate = Signal()

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._generation = 0  # of the filter: pages of an older one are not wanted
        self._query_key = f"caseload.{id(self)}"
        self.page_size = PAGE
        self.search_page = SEARCH_PAGE
        self._filter = CaseloadFilter()
        self.search = named(QLineEdit(), "search")
        self.search.setPlaceholderText(
            self.tr("Zoek op naam, gemeente, vaardigheden, notities…  (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Zoeken in de caseload"))
        self.phase = _combo("filterPhase", self.tr("Alle fasen"), list(Phase))
        self.persona = _combo("filterPersona", self.tr("Alle persona's"), list(Persona))
        self.status = _combo("filterStatus", self.tr("Alle statussen"), list(CandidateStatus))
        self.role = _combo(
            "filterRole",
            self.tr("Elke rol"),
            [Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH, Role.JOBCOACH],
        )
        self.mine = named(QCheckBox(self.tr("Alleen mijn kandidaten")), "filterMine")
        self.count = named(QLabel(), "count")
        self.clear_filters = named(QPushButton(self.tr("Filters wissen")), "clearFilters")
        self.clear_filters.setToolTip(self.tr("Alle filters uit: weer elke kandidaat tonen"))
        self.clear_filters.clicked.connect(self._clear_filters)
        self.clear_filters.hide()
        add = named(QPushButton(self.tr("Nieuwe kandidaat…")), "newCandidate")
        add.clicked.connect(self.new_candidate)

        self.model = DtoTableModel(COLUMNS, self)
        self.model.fetch_more = self._fetch
        self.view = make_table(self.model, self, name=self.tr("Kandidaten"))
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._sort_all)
        self.view.setObjectName("caseloadTable")
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.count)
        top.addWidget(add)
        # A flow: one line at normal text size, two at 200 % (not one filter per line).
        filters = FlowLayout(spacing=6)
        for w in (self.phase, self.persona, self.status, self.role, self.mine):
            filters.addWidget(w)
        filters.addWidget(self.clear_filters)
        filters.addStretch()
        layout = QVBoxLayout(self)
        title = named(QLabel(self.tr("Caseload")), "pageTitle")
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

        # No fixed debounce (it would add its delay to every keystroke): a keystroke
        # queries at once, and keys typed while a query runs coalesce into one more.
        self.search.textChanged.connect(self.refresh)
        for box in (self.phase, self.persona, self.status, self.role):
            box.currentIndexChanged.connect(self.refresh)
        self.mine.toggled.connect(self.refresh)
        ops.changed.connect(self._on_changed)
        self.search.returnPressed.connect(self._open_first)

    # --- loading -------------------------------------------------------------------

    def current_filter(self) -> CaseloadFilter:
        def one(box: QComboBox) -> frozenset[Any]:
            value = box.currentData()
            return frozenset({value}) if value is not None else frozenset()

        role = self.role.currentData()
        return CaseloadFilter(
            text=self.search.text(),
            phases=one(self.phase),
            personas=one(self.persona),
            statuses=one(self.status),
            role=role,
            mine=self.mine.isChecked() or role is not None,
            limit=min(self.search_page, self.page_size) if self._searching() else self.page_size,
        )

    def _searching(self) -> bool:
        """Text to search for: more than one letter (one letter is the last-name index)."""
        text = self.search.text().strip()
        return len(text) > 1

    def refresh(self) -> None:
        """Query again with the current search and filters: the first page, then (only
        when the page is full) the count; later pages when the table needs them. The
        newest query wins (``Op.newest``): keys typed while a query runs coalesce into
        one more query, for the newest text; typing never queues a query per key."""
        self._generation += 1
        generation, f = self._generation, self.current_filter()
        self.clear_filters.setVisible(self._filtered())
        self.ops.read(lambda svc: svc.queries.caseload(f)).newest(self._query_key).success(
            lambda rows: self._first_page(generation, f, rows)
        ).owned_by(self).run()

    def _first_page(self, generation: int, f: CaseloadFilter, rows: list[CaseloadRow]) -> None:
        self._filter = f
        self._total = len(rows)
        self.model.replace(rows)
        if f.limit is None or len(rows) < f.limit:
            self._show_count()
            return
        # A full page: the table shows now, the count (a second pass) follows. Under the
        # same key: a key typed meanwhile makes it moot.
        self.count.setText(self.tr("{0} kandidaten").format(f"{len(rows):,}+".replace(",", ".")))

        def counted(total: int) -> None:
            if generation == self._generation:
                self._total = self.model.total = max(total, len(self.model.rows))
                self._show_count()

        self.ops.read(lambda svc: svc.queries.count(f)).newest(self._query_key).success(
            counted
        ).owned_by(self).run()

    def _fetch(self, offset: int, limit: int = -1) -> None:
        """The next rows of the current query, when the view asks (the coach scrolled
        near the end) or all of them before a column sort. Not streamed eagerly: a broad
        search would keep the one worker busy with pages nobody looks at."""
        limit = self.page_size if limit == -1 else limit
        generation, f = self._generation, replace(self._filter, offset=offset, limit=limit)

        def done(rows: list[CaseloadRow]) -> None:
            if generation != self._generation:
                self.model.fetch_done()  # a newer query replaces the rows anyway
                return
            self.model.append(rows)

        def failed(_exc: BaseException) -> bool:
            self.model.fetch_done()
            return False

        self.ops.read(lambda svc: svc.queries.caseload(f)).success(done).failure(failed).owned_by(
            self
        ).run()

    def _sort_all(self, column: int, _order: object) -> None:
        """A column sort is over every row, not only the pages seen so far."""
        if column >= 0 and self.model.claim_fetch():
            # A limit, not None: without one the query applies no offset either.
            self._fetch(len(self.model.rows), self.model.total)

    def _show_count(self) -> None:
        total = getattr(self, "_total", 0)
        text = self.tr("{0} kandidaten").format(f"{total:,}".replace(",", "."))
        if total == 1:
            text = self.tr("1 kandidaat")
        if self._filtered():
            # A filter left on hides later search results: say so, next to the count.
            text = self.tr("{0} — filters staan aan").format(text)
        self.count.setText(text)

    def _filtered(self) -> bool:
        return any(b.currentIndex() > 0 for b in self._boxes()) or self.mine.isChecked()

    def _boxes(self) -> tuple[QComboBox, ...]:
        return (self.phase, self.persona, self.status, self.role)

    def _clear_filters(self) -> None:
        """Every filter off in one click, one query after (not one per filter)."""
        for widget in (*self._boxes(), self.mine):
            widget.blockSignals(True)
        for box in self._boxes():
            box.setCurrentIndex(0)
        self.mine.setChecked(False)
        for widget in (*self._boxes(), self.mine):
            widget.blockSignals(False)
        self.refresh()
        self.search.setFocus()

    def _on_changed(self, changes: Changes) -> None:
        if changes.candidates or changes.sync or changes.dossier:
            self.refresh()

    # --- opening -------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _activated(self, index: QModelIndex) -> None:
        row = row_at(self.view, index)
        if row is not None:
            self.open_candidate.emit(row.id)

    def _open_first(self) -> None:
        """Enter in the search box moves into the table (and opens a single hit)."""
        if self.model.rowCount() == 1:
            self.open_candidate.emit(self.model.rows[0].id)
        elif self.model.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)
