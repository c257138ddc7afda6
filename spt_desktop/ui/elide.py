"""A table cell too narrow for its text shows it cut short with "…" (at 200 % text, or in
a column the coach made narrow): its whole text is then its tooltip and its accessible
description. Decided here, for every table, from what the view shows: a cell whose text
fits has neither (a screen reader already reads the cell's whole text as its name)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

Index = QModelIndex | QPersistentModelIndex


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
