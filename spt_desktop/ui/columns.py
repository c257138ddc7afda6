"""Column widths a coach chose: a column she dragged wider (or narrower) stays so when the
table is filled again, the window is resized or the page reflows at large text, and at
the next unlock (kept in the vault's settings, ``VaultSession.column_widths``).

Only a drag on the header (or a double click on a section's edge) counts as a choice;
widths set by code (``resizeColumnsToContents``, ``FitColumns``) do not, and a kept width
is put back whenever code changes it. Widths are kept in average characters of the
table's font, so one chosen at normal text size is as many letters wide at 200 %."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QTableView,
    QTreeView,
    QWidget,
)

if TYPE_CHECKING:
    from spt_desktop.ui.ops import Ops


def header_of(view: QAbstractItemView) -> QHeaderView | None:
    """The horizontal header of a table or a tree."""
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    if isinstance(view, QTreeView):
        return view.header()
    return None


def kept_widths(view: QAbstractItemView) -> dict[int, int]:
    """The widths in pixels the coach chose for ``view``'s columns (none when she did
    not, or when its widths are not kept)."""
    keeper = view.findChild(KeptColumns)
    return keeper.pixels() if keeper is not None else {}


class KeptColumns(QObject):
    """On one table: records the widths the coach drags its columns to and keeps them."""

    chosen = Signal()  # she let go of a column she sized

    def __init__(self, view: QAbstractItemView, key: str, store: ColumnWidths) -> None:
        super().__init__(view)
        self.view = view
        self.key = key
        self.store = store
        header = header_of(view)
        assert header is not None
        self.header = header
        self._dragging = False
        self._changed = False
        self._applying = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.apply)
        header.viewport().installEventFilter(self)
        header.sectionResized.connect(self._resized)

    def chars(self) -> dict[int, float]:
        return self.store.chosen.get(self.key, {})

    def _char(self) -> float:
        return float(max(1, self.view.fontMetrics().averageCharWidth()))

    def pixels(self) -> dict[int, int]:
        """The chosen widths in pixels at the table's font."""
        return {col: round(chars * self._char()) for col, chars in self.chars().items()}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            # On a section's edge: a drag (or, twice, Qt's fit to contents); a click
            # elsewhere sorts, and what that resizes is not her choice.
            self._dragging = self._on_edge(event.position().toPoint().x())  # type: ignore[attr-defined]
        elif kind == QEvent.Type.MouseButtonRelease:
            self._dragging = False
            if self._changed:
                self._changed = False
                self.store.save(self.key)
                self.chosen.emit()
        return False

    def _on_edge(self, x: int) -> bool:
        """Whether ``x`` (in the header's viewport) is where a section's edge is grabbed."""
        header = self.header
        grip = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderGripMargin, None, header)
        for near in (x - grip, x + grip):
            section = header.logicalIndexAt(near)
            if section < 0:
                continue
            left = header.sectionViewportPosition(section)
            for edge in (left, left + header.sectionSize(section)):
                if abs(x - edge) <= grip:
                    return True
        return False

    def _resized(self, section: int, _old: int, new: int) -> None:
        if self._applying:
            return
        if self._dragging:
            widths = dict(self.chars())
            widths[section] = new / self._char()
            self.store.chosen[self.key] = widths
            self._changed = True
        elif section in self.chars():
            self.timer.start()  # code changed a width she chose: put it back

    def apply(self) -> None:
        """Every chosen width back on its column (not the last, stretched one)."""
        header = self.header
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        stretched = shown[-1] if shown and header.stretchLastSection() else None
        self._applying = True
        try:
            for col, width in self.pixels().items():
                if col in shown and col != stretched and header.sectionSize(col) != width:
                    header.resizeSection(col, width)
        finally:
            self._applying = False


class ColumnWidths(QObject):
    """The chosen widths of every table of a workspace: read from the vault once, saved
    there after each drag."""

    def __init__(self, ops: Ops, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.chosen: dict[str, dict[int, float]] = {}
        self.keepers: list[KeptColumns] = []

    def watch(self, pages: dict[str, QWidget]) -> None:
        """Keep the widths of every table and tree on ``pages`` (by page key), each known
        by its page and its object name (or its place among the page's tables)."""
        for page_key, page in pages.items():
            for number, view in enumerate(tables_under(page)):
                key = f"{page_key}/{view.objectName() or number}"
                if view.findChild(KeptColumns) is None:
                    self.keepers.append(KeptColumns(view, key, self))

    def load(self) -> None:
        """Read the kept widths from the vault and put them on the tables."""
        self.ops.vault(lambda s: s.column_widths()).success(self._loaded).owned_by(self).run()

    def _loaded(self, widths: dict[str, dict[int, float]]) -> None:
        self.chosen = {**widths, **self.chosen}  # a drag before the answer wins
        for keeper in self.keepers:
            if keeper.key in self.chosen:
                keeper.apply()
                keeper.view.viewport().update()

    def save(self, key: str) -> None:
        widths = dict(self.chosen.get(key, {}))
        self.ops.vault(lambda s: s.set_column_widths(key, widths)).run()


def tables_under(widget: QWidget) -> list[QAbstractItemView]:
    """The tables and trees under ``widget`` (a header is an item view too)."""
    views = widget.findChildren(QAbstractItemView)
    return [v for v in views if not isinstance(v, QHeaderView) and header_of(v) is not None]
