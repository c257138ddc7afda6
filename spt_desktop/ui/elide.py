"""A table cell too narrow for its text shows it cut short with "…" (at 200 % text, or in
a column the coach made narrow): its whole text is then its tooltip and its accessible
description. Decided here, for every table, from what the view shows: a cell whose text
fits has neither (a screen reader already reads the cell's whole text as its name).

Tables over our models get both from ``DtoTableModel``; the tables on Qt's own item
models (QTableWidget, QTreeWidget) from their items: ``FullTextItem`` and
``FullTextTreeItem`` (a screen reader asks the model, never the delegate)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidgetItem,
    QToolTip,
    QTreeWidgetItem,
)

Index = QModelIndex | QPersistentModelIndex
FULL_TEXT_ROLES = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole)


def elided_text(view: QAbstractItemView, index: Index) -> str | None:
    """The whole text of ``index`` (of ``view``'s model) when ``view`` shows it elided,
    else None."""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if not isinstance(text, str) or not text:
        return None
    rect = view.visualRect(index)
    if rect.width() <= 0:
        return None  # not in view (a hidden column): nothing is cut short
    font = index.data(Qt.ItemDataRole.FontRole)
    metrics = QFontMetrics(font) if isinstance(font, QFont) else view.fontMetrics()
    # What Qt's item delegate leaves for the text: the cell less a margin at each side.
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    room = rect.width() - 2 * margin
    if index.data(Qt.ItemDataRole.DecorationRole) is not None:
        room -= view.iconSize().width() + 2 * margin
    line = text.split("\n", 1)[0]
    if line != text or metrics.horizontalAdvance(text) > room:
        return text
    return None


class FullTextTips(QStyledItemDelegate):
    """For the tables whose model is Qt's own (QTableWidget, QTreeWidget): the tooltip of
    an elided cell is its whole text (the tables over our models get it from the model,
    ``DtoTableModel``, with the accessible description)."""

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if (
            event is not None
            and view is not None
            and event.type() == QEvent.Type.ToolTip
            and index.isValid()
            and index.data(Qt.ItemDataRole.ToolTipRole) is None
        ):
            text = elided_text(view, index)
            if text is not None:
                QToolTip.showText(event.globalPos(), text, view, view.visualRect(index))
                return True
        return super().helpEvent(event, view, option, index)


def tips_for_elided(views: list[QAbstractItemView], owner: QObject | None = None) -> None:
    """``FullTextTips`` on each of ``views`` that still has Qt's plain delegate."""
    for view in views:
        delegate = view.itemDelegate()
        if type(delegate) is QStyledItemDelegate:
            view.setItemDelegate(FullTextTips(owner or view))


class FullTextItem(QTableWidgetItem):
    """A QTableWidget's cell whose tooltip and accessible description are its whole
    text while its table shows it elided (a tooltip set on it wins)."""

    def data(self, role: int) -> Any:
        value = super().data(role)
        if value is None and role in FULL_TEXT_ROLES:
            table = self.tableWidget()
            if table is not None:
                return elided_text(table, table.indexFromItem(self))
        return value


class FullTextTreeItem(QTreeWidgetItem):
    """A QTreeWidget's row whose cells' tooltip and accessible description are their
    whole text while the tree shows them elided (a tooltip set on one wins)."""

    def data(self, column: int, role: int) -> Any:
        value = super().data(column, role)
        if value is None and role in FULL_TEXT_ROLES:
            tree = self.treeWidget()
            if tree is not None:
                return elided_text(tree, tree.indexFromItem(self, column))
        return value
