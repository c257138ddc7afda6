"""Fitting the screen at any text size (WCAG 1.4.4, issue 14 §2 and §7): at 200 % text a
page or a form needs more room than a 1366x768 laptop has. Rather than let the window
grow past the screen (and cut off what lies beyond it), what does not fit scrolls.

- ``PageStack``: a stack of pages whose size is that of the page in view, not of the
  largest page (a QStackedWidget asks room for every page, shown or not).
- ``FitScroll``: a frameless scroll area as large as what it holds while that fits the
  screen; beyond that it scrolls. At normal text size it never shows a scroll bar.
- ``text_width``: a width in characters of the widget's font, for the caps on a column's
  width that must grow with the text.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QWidget,
)

# From 150 % text on (of Windows' 9-point system font; 10 pt elsewhere is more), forms
# put their labels above the fields.
LARGE_PT = 13.5

# What a dialog needs besides its scrolling body: its title bar, its buttons, its margins.
DIALOG_CHROME = QSize(80, 170)


class PageStack(QStackedWidget):
    """Pages on top of each other; only the page in view counts for the size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().sizeHint()
        return page.sizeHint().expandedTo(page.minimumSize())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())


class FitScroll(QScrollArea):
    """Holds ``body``; as large as it needs up to ``room()``, scrolling beyond it.
    ``chrome``: what the window needs around it (a dialog's buttons and title bar)."""

    def __init__(
        self, body: QWidget, chrome: QSize = DIALOG_CHROME, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fitScroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields (and scrolls)
        self.chrome = chrome
        self.setWidget(body)

    def room(self) -> QSize:
        """The most this area may ask: the screen's free area less the window's chrome."""
        screen = self.screen()
        if screen is None:
            return QSize(1366, 768) - self.chrome
        return screen.availableGeometry().size() - self.chrome

    def _needed(self, hint: QSize) -> QSize:
        body = self.widget()
        if body is None:
            return hint
        width = max(hint.width(), body.minimumSizeHint().width())
        height = hint.height()
        if body.hasHeightForWidth():
            height = max(height, body.heightForWidth(width))
        room = self.room()
        out = QSize(width, height).boundedTo(room)
        # A scroll bar in one direction takes room from the other: ask for it too.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        if height > room.height():
            out.setWidth(out.width() + bar)
        if width > room.width():
            out.setHeight(out.height() + bar)
        return out

    def sizeHint(self) -> QSize:
        body = self.widget()
        return self._needed(body.sizeHint()) if body is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        body = self.widget()
        return (
            self._needed(body.minimumSizeHint()) if body is not None else super().minimumSizeHint()
        )


def text_width(widget: QWidget, characters: int) -> int:
    """``characters`` average characters of ``widget``'s font, in pixels."""
    return widget.fontMetrics().averageCharWidth() * characters


def large_text() -> bool:
    """Whether the application's text is large: 150 % of normal or more."""
    return QApplication.font().pointSizeF() >= LARGE_PT
