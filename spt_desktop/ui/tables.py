"""Tables over lists of DTOs: one generic QAbstractTableModel, columns declared as
(header, how to show, how to sort), and a proxy that sorts on the sort key."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from spt_desktop.ui.elide import FULL_TEXT_ROLES, elided_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
HEADER_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
)


@dataclass(frozen=True)
class Column:
    header: str
    show: Callable[[Any], Any]
    sort: Callable[[Any], Any] | None = None
    width: int | None = None


def text_of(value: Any) -> str:
    """How a value reads in a table cell."""
    if value is None:
        return ""
    if hasattr(value, "label"):
        return str(value.label)
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def _sortable(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if hasattr(value, "label"):
        return str(value.label).lower()
    if isinstance(value, str):
        return value.lower()
    return value


class DtoTableModel(QAbstractTableModel):
    """Rows are frozen DTOs; ``append`` adds a fetched page without a reset.

    Paged: set ``fetch_more(offset)`` and pass ``total`` to ``replace``; the view then
    asks for the next page when the coach scrolls near the end (Qt's canFetchMore /
    fetchMore), and the callback answers with ``append`` (or ``fetch_done`` on failure).
    """

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.total = 0
        self.fetch_more: Callable[[int], None] | None = None
        self.view: QAbstractItemView | None = None  # the table showing it (``make_table``)
        self._fetching = False

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and self.fetch_more is not None
            and not self._fetching
            and len(self.rows) < self.total
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.claim_fetch(parent) and self.fetch_more is not None:
            self.fetch_more(len(self.rows))

    def claim_fetch(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """True (and a fetch counts as running) when more rows may be fetched now."""
        if not self.canFetchMore(parent):
            return False
        self._fetching = True
        return True

    def fetch_done(self) -> None:
        """The page asked for will not come (failed, or the query changed)."""
        self._fetching = False

    @property
    def complete(self) -> bool:
        return len(self.rows) >= self.total

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text_of(col.show(row))
        if role == SORT_ROLE:
            return _sortable((col.sort or col.show)(row))
        if role == ROW_ROLE:
            return row
        if role in FULL_TEXT_ROLES:
            return self._full_text(index)
        return None

    def _full_text(self, index: Index) -> str | None:
        """A cell its view shows elided: its whole text, as tooltip and accessible
        description (``ui/elide.py``; here rather than in a proxy, which would add a
        Python call to every cell's every role at each paint)."""
        view = self.view
        if view is None:
            return None
        proxy = view.model()
        shown = proxy.mapFromSource(index) if isinstance(proxy, QSortFilterProxyModel) else index
        return elided_text(view, shown)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in HEADER_ROLES:
            # The whole header as tooltip and for screen readers: a narrow column (200 %
            # text) shows it elided.
            return self.columns[section].header
        return None

    def replace(self, rows: Sequence[Any], total: int | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.total = len(self.rows) if total is None else total
        self._fetching = False
        self.endResetModel()

    def append(self, rows: Sequence[Any]) -> None:
        self._fetching = False
        if not rows:
            self.total = len(self.rows)  # fewer than counted (deleted meanwhile)
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def clear(self) -> None:
        self.replace([])


def make_table(
    model: DtoTableModel, parent: QWidget | None = None, *, name: str = ""
) -> QTableView:
    """A calm, keyboard-friendly table view with a sorting proxy in front of ``model``;
    ``name`` is what a screen reader calls it (the title above it, say)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView(parent)
    model.view = view
    view.setAccessibleName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the order the vault gives
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    # Tab leaves the table for the page's next control (arrows choose the row): with
    # Qt's default, Tab walked the cells and a keyboard user never reached the buttons.
    view.setTabKeyNavigation(False)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)  # not cut off mid-letter
    for i, col in enumerate(model.columns):
        if col.width:
            header.resizeSection(i, col.width)
        else:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
    return view


def row_at(view: QTableView, index: QModelIndex | None = None) -> Any:
    """The DTO of the current (or given) row of a view made by ``make_table``."""
    index = index if index is not None else view.currentIndex()
    return index.data(ROW_ROLE) if index.isValid() else None
