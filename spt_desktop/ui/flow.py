"""A row of controls that wraps like words in a line (Qt's flow layout example, with
stretch): as many per line as fit, the rest on the next. At normal text size a filter
row stands on one line as a QHBoxLayout would; at 200 % text on a laptop it takes two or
three lines instead of one control per line (WCAG 1.4.10, reflow without a column of
single fields). ``Reflow`` (ui/fit.py) leaves it alone: it needs only its widest part."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new line where the next does not fit. A
    stretch (``addStretch``) takes what is left of its line, so the items after it stand
    at the line's right end, as in a QHBoxLayout. Each line as high as its tallest item;
    items are centred in it."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 16, line_spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = line_spacing
        self._height = 0  # what the lines needed at the width last laid out in
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # --- QLayout ---------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addStretch(self) -> None:
        """Room that takes what is left of its line."""
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._place(rect, move=True)
        if height != self._height:
            # Taller or lower than the parents were told: tell them (a layout request
            # next turn). Not height-for-width: a scroll area would then size the whole
            # page by its size hints and scroll at normal text size too.
            self._height = height
            self.invalidate()

    def sizeHint(self) -> QSize:
        """All on one line (as high as the lines need at the width it has)."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown)
        width += self._spacing * max(0, len(shown) - 1)
        return self._with_margins(QSize(width, 0)).expandedTo(QSize(0, self._least_height()))

    def minimumSize(self) -> QSize:
        """The widest item across (everything else can go on lines of its own), as high
        as the lines need at the width the layout has."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return self._with_margins(QSize(size.width(), 0)).expandedTo(QSize(0, self._least_height()))

    def _least_height(self) -> int:
        """The height at the width last laid out in (one line before the first time)."""
        if self._height:
            return self._height
        one = max((item.sizeHint().height() for item in self._shown()), default=0)
        m = self.contentsMargins()
        return one + m.top() + m.bottom()

    # --- laying out ------------------------------------------------------------------

    def _with_margins(self, size: QSize) -> QSize:
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _shown(self) -> list[QLayoutItem]:
        """The items that take room: not hidden widgets, not stretches."""
        return [i for i in self._items if i.spacerItem() is None and not i.isEmpty()]

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        """The items (stretches too) line by line within ``width``."""
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._items:
            if item.spacerItem() is None and item.isEmpty():
                continue
            wide = 0 if item.spacerItem() is not None else item.sizeHint().width()
            placed = [i for i in lines[-1] if i.spacerItem() is None]
            if placed and used + self._spacing + wide > width and item.spacerItem() is None:
                lines.append([])
                used = 0
                placed = []
            used += (self._spacing if placed else 0) + wide
            lines[-1].append(item)
        return [line for line in lines if any(i.spacerItem() is None for i in line)]

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in ``rect`` (only measure unless ``move``); the height used."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = area.y()
        for number, line in enumerate(self._lines(area.width())):
            if number:
                y += self._line_spacing
            y += self._place_line(line, area, y, move=move)
        return y - rect.y() + m.bottom()

    def _place_line(self, line: list[QLayoutItem], area: QRect, y: int, *, move: bool) -> int:
        """One line at ``y``; its height."""
        items = [i for i in line if i.spacerItem() is None]
        stretches = len(line) - len(items)
        height = max(i.sizeHint().height() for i in items)
        if not move:
            return height
        used = sum(min(i.sizeHint().width(), area.width()) for i in items)
        used += self._spacing * (len(items) - 1)
        extra = max(0, area.width() - used) // stretches if stretches else 0
        x, first = area.x(), True
        for item in line:
            if item.spacerItem() is not None:
                x += extra
                continue
            x += 0 if first else self._spacing
            first = False
            hint = item.sizeHint()
            wide = min(hint.width(), area.width())
            high = min(height, max(hint.height(), item.minimumSize().height()))
            item.setGeometry(QRect(QPoint(x, y + (height - high) // 2), QSize(wide, high)))
            x += wide
        return height


def pair(*widgets: QWidget, spacing: int = 6) -> QWidget:
    """``widgets`` side by side that a flow keeps together (a label and its field)."""
    host = QWidget()
    row = QHBoxLayout(host)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(spacing)
    for widget in widgets:
        row.addWidget(widget)
    return host
