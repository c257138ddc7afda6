"""Fitting the screen at any text size (WCAG 1.4.4, issue 14 §2 and §7): at 200 % text a
page or a form needs more room than a 1366x768 laptop has. Rather than let the window
grow past the screen (and cut off what lies beyond it), what does not fit scrolls.

- ``PageStack``: a stack of pages whose size is that of the page in view, not of the
  largest page (a QStackedWidget asks room for every page, shown or not).
- ``FitScroll``: a frameless scroll area as large as what it holds while that fits the
  screen; beyond that it scrolls. At normal text size it never shows a scroll bar.
- ``text_width``: a width in characters of the widget's font, for the caps on a column's
  width that must grow with the text.
- ``Reflow`` (WCAG 1.4.10): at large text a page that would need more width than the
  window has is laid out again in one column (side-by-side panes one under the other,
  rows of controls stacked, tables' columns elided into their width), so it scrolls only
  up and down. When the window is made wider again, what it stacked stands side by side
  again as far as the room allows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QBoxLayout,
    QFrame,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)

from spt_desktop.ui.columns import KeptColumns, kept_widths

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

    def heightForWidth(self, width: int) -> int:
        """The page in view's height at ``width``: the page scroll asks this (the stacked
        layout answered the tallest page's, so Conflicten scrolled as far as a linked
        Instellingen reaches, its buttons below the window)."""
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        own = page.heightForWidth(width) if page.hasHeightForWidth() else -1
        return max(own, page.minimumSizeHint().height(), page.minimumHeight())


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


# --- Reflow (WCAG 1.4.10) ---------------------------------------------------------------

# The narrowest a table's column becomes when the columns are shrunk into the view: a
# few characters and the ellipsis, so every column still says what it is.
MIN_COLUMN_CHARS = 4
# The least height of a pane stacked under another, in lines of text.
PANE_LINES = 10
# The widest a column is made for its contents; a longer text elides (tooltip whole).
MAX_COLUMN_CHARS = 40
# The letters an elided header label keeps at the least, before its "…".
LABEL_CHARS = 1


def _depth(obj: QObject, root: QObject) -> int:
    """How deep ``obj`` lies under ``root`` (its ancestor)."""
    depth, at = 0, obj
    while at is not root and depth < 100:
        # Stop at root, never ask past it: PySide6 6.12 drops a reference to None each
        # time a call returns None (a top-level parent()).
        parent = at.parent()
        if parent is None:
            break
        at, depth = parent, depth + 1
    return depth


def _views(root: QWidget) -> list[QAbstractScrollArea]:
    """The tables, lists and charts under ``root`` (not text boxes or scroll areas, nor a
    table's header: it is an item view too, and ten lines high it hid the rows)."""
    return [
        each
        for each in root.findChildren(QAbstractScrollArea)
        if isinstance(each, QAbstractItemView | QGraphicsView) and not isinstance(each, QHeaderView)
    ]


# What the reflow changed, each as the way back: (the widget to lay out again, the call
# that puts it back as it was).
Undo = list[tuple[QWidget, Callable[[], None]]]


# The least width of a pane beside another, in characters: narrower, its table's
# columns would be elided to a few letters (a table's own least width does not say so).
PANE_CHARS = 60


def _side_by_side(splitter: QSplitter, width: int) -> bool:
    """Whether ``splitter``'s panes fit beside each other in ``width``: each has
    ``PANE_CHARS`` characters and the splitter its least width."""
    panes = max(1, splitter.count())
    least = max(splitter.minimumSizeHint().width(), panes * text_width(splitter, PANE_CHARS))
    return least <= width


def _stack_panes(root: QWidget, undo: Undo, width: int) -> bool:
    """Side-by-side panes (a horizontal splitter) one under the other where they do not
    fit beside each other in ``width``."""
    changed = False
    for splitter in root.findChildren(QSplitter):
        if splitter.orientation() == Qt.Orientation.Horizontal and not _side_by_side(
            splitter, width
        ):
            undo.append((splitter, _pane_restorer(splitter)))
            splitter.setOrientation(Qt.Orientation.Vertical)
            splitter.setChildrenCollapsible(False)
            # Lists and charts in the panes at least PANE_LINES lines high: one above
            # the other, a list would otherwise get what the details leave over (its
            # header, say); the page scrolls down instead. (Their own least height does
            # not grow with what they show, so setting it hides nothing.)
            least = splitter.fontMetrics().lineSpacing() * PANE_LINES
            for view in _views(splitter):
                if view.minimumHeight() < least:
                    view.setMinimumHeight(least)
            changed = True
    return changed


def _pane_restorer(splitter: QSplitter) -> Callable[[], None]:
    """The way back to ``splitter`` as it is now: side by side, its views' least heights
    and its collapsing."""
    collapsible = splitter.childrenCollapsible()
    heights = [(view, view.minimumHeight()) for view in _views(splitter)]
    orientation = splitter.orientation()

    def restore() -> None:
        for view, height in heights:
            view.setMinimumHeight(height)
        splitter.setChildrenCollapsible(collapsible)
        splitter.setOrientation(orientation)

    return restore


def _stack_rows(root: QWidget, budget: int, undo: Undo) -> QWidget | None:
    """A row of widgets wider than ``budget`` in a column, the outermost row first (its
    parts then have the whole width, so the rows inside them often fit as they are).
    Returns the widget whose row it was, or None when none is too wide."""
    rows = [
        layout
        for layout in root.findChildren(QBoxLayout)
        if layout.direction()
        in (QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.RightToLeft)
    ]
    for layout in sorted(rows, key=lambda each: _depth(each, root)):
        if layout.minimumSize().width() > budget:
            owner = layout.parentWidget()
            direction = layout.direction()
            layout.setDirection(QBoxLayout.Direction.TopToBottom)
            if owner is not None:
                undo.append((owner, partial(layout.setDirection, direction)))
            return owner
    return None


def _wrap_label(root: QWidget, budget: int, undo: Undo) -> QWidget | None:
    """A label wider than ``budget`` wraps (a long status line, say); returns it."""
    for label in root.findChildren(QLabel):
        if not label.wordWrap() and label.minimumSizeHint().width() > budget:
            label.setWordWrap(True)
            undo.append((label, partial(label.setWordWrap, False)))
            return label
    return None


def unstack(root: QWidget, undo: Undo) -> bool:
    """Put back what ``reflow`` changed in ``root`` (listed in ``undo``, emptied), last
    change first. True when there was anything to put back."""
    if not undo:
        return False
    while undo:
        widget, restore = undo.pop()
        restore()
        _relayout(widget, root)
    return True


def _relayout(changed: QWidget, root: QWidget) -> None:
    """Forget the sizes the layouts from ``changed`` up to ``root`` worked out: a hidden
    page (a tab not in view) does not pass a change on to its parents by itself.
    (Walks by parentWidget, never past ``root``, and calls as little as it can: PySide6
    6.12 drops a reference to None on every call that returns nothing.)"""
    widget: QWidget | None = changed
    while widget is not None:
        layout = widget.layout()
        if layout is not None:
            layout.invalidate()
        widget.updateGeometry()  # the size its parent's layout keeps of it, too
        if widget is root:
            break
        widget = widget.parentWidget()


def _cap(wanted: list[int], room: int, least: int) -> int:
    """The width to cap the widest columns at so that all fit in ``room``: narrow
    columns (a date, a count) stay whole, only the widest elide (not below ``least``)."""
    rest, left = room, len(wanted)
    for size in sorted(wanted):
        share = rest // left
        if size > share:
            return max(least, share)
        rest, left = rest - size, left - 1
    return max(wanted)


def least_label(header: QHeaderView) -> int:
    """The narrowest a section of ``header`` may be: room for its padding, the first
    ``LABEL_CHARS`` letters of its label and "…" (in the header's own, bold, font), so
    that an elided label still says how it begins."""
    option = QStyleOptionHeader()
    header.initStyleOption(option)
    option.rect = QRect(0, 0, 400, max(header.height(), 30))
    label = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
    padding = max(0, option.rect.width() - label.width())
    # A wide letter and the ellipsis, and the pixel or two the elision leaves over (else
    # "M…" would become "…").
    return padding + header.fontMetrics().horizontalAdvance("M" * LABEL_CHARS + "…") + 4


# A cell that is a date ("24-11-2026"), or a date and a time: shown whole or not at all
# ("24-11-2…" says no date).
DATE_TEXT = re.compile(r"\d{1,2}-\d{1,2}-\d{4}( \d{1,2}:\d{2})?")
# The rows looked at to tell a column of dates (the first ones: a column holds one kind).
DATE_ROWS = 50


def date_columns(view: QTableView, shown: list[int]) -> set[int]:
    """The columns of ``shown`` whose cells are dates (the empty ones aside), judged by
    the first ``DATE_ROWS`` rows as the view shows them."""
    model = view.model()
    if model is None:
        return set()
    rows = min(model.rowCount(), DATE_ROWS)
    out = set()
    for col in shown:
        texts = [model.index(row, col).data() for row in range(rows)]
        filled = [t for t in texts if isinstance(t, str) and t]
        if filled and all(DATE_TEXT.fullmatch(t) for t in filled):
            out.add(col)
    return out


def _column_widths(view: QTableView, shown: list[int], room: int) -> dict[int, int]:
    """Widths for the columns ``shown`` of ``view`` within ``room``: what the cells
    need comes first (a date or a count whole), then what the headers need; a header
    that does not fit elides (its tooltip says it whole). Only when the cells alone do
    not fit are the widest columns' cells shortened too, never a column of dates, and
    the first column (the row's name) last: the others give way (down to a few letters;
    beyond that the table scrolls sideways)."""
    header = view.horizontalHeader()
    least, most = header.minimumSectionSize(), text_width(view, MAX_COLUMN_CHARS)
    cells = {i: min(most, max(least, view.sizeHintForColumn(i))) for i in shown}
    full = {i: min(most, max(cells[i], header.sectionSizeHint(i))) for i in shown}
    if sum(full.values()) <= room:
        return full
    if sum(cells.values()) <= room:
        extra = {i: full[i] - cells[i] for i in shown}
        cap = _cap(list(extra.values()), room - sum(cells.values()), 0)
        return {i: cells[i] + min(extra[i], cap) for i in shown}
    dates = date_columns(view, shown)
    rest = [i for i in shown if i not in dates]
    if not rest:
        return cells
    left = room - sum(cells[i] for i in dates)
    out = {i: cells[i] for i in dates}
    # The first column names the row (a candidate, an employer): it gives way last, once
    # the others are down to their least ("Hanan …" in every row said nothing).
    first = min(rest, key=header.visualIndex)
    others = [i for i in rest if i != first]
    if others:
        out[first] = max(least, min(cells[first], left - least * len(others)))
        left -= out[first]
        rest = others
    cap = _cap([cells[i] for i in rest], max(left, least * len(rest)), least)
    out.update({i: min(cells[i], cap) for i in rest})
    return {i: out[i] for i in shown}


def _soon(owner: QObject, then: Callable[[], None]) -> QTimer:
    """A single-shot timer owned by ``owner`` (so it dies with it): many requests in one
    turn of the event loop, one call of ``then`` after it."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(then)
    return timer


class FitColumns(QObject):
    """Keeps a table's columns within its width (at large text): each column as wide
    as its contents, and when they add up to more, the widest shrink and their
    text, header too, elides with "…"; the full text is the cell's and the header's
    tooltip (``DtoTableModel``). Sized again whenever the view's width or rows change.
    Cells keep their width before headers do; the widest are shortened first."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        header = view.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setMinimumSectionSize(max(text_width(view, MIN_COLUMN_CHARS), least_label(header)))
        # The columns are kept within the width; a bar would only flicker in and out as
        # the vertical one comes and goes.
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.viewport().installEventFilter(self)
        model = view.model()
        if model is not None:
            model.modelReset.connect(self.later)
            model.layoutChanged.connect(self.later)
        self.timer = _soon(self, self.fit)
        keeper = view.findChild(KeptColumns)
        if keeper is not None:  # she sized a column: the others share what is left
            keeper.chosen.connect(self.later)
        self.later()

    def later(self) -> None:
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.later()
        return False

    def fit(self) -> None:
        """Each column as wide as its header and its widest cell (up to
        ``MAX_COLUMN_CHARS``), within the view's width (``_column_widths``)."""
        header = self.view.horizontalHeader()
        room = self.view.viewport().width()
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        if not shown or room <= 0:
            return
        want = self._widths(shown, room)
        if all(header.sectionSize(i) == want[i] for i in shown[:-1]):
            return  # as it should be (the last one stretches)
        header.blockSignals(True)  # one pass, not one fit per column
        try:
            for i in shown:
                if header.sectionResizeMode(i) != QHeaderView.ResizeMode.Interactive:
                    header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(i, want[i])
        finally:
            header.blockSignals(False)
        header.viewport().update()

    def _widths(self, shown: list[int], room: int) -> dict[int, int]:
        """``_column_widths`` for the columns the coach did not size herself; those she
        dragged keep her width (``ui/columns.py``), the others share what is left. When
        her widths leave too little, the table scrolls sideways: her choice."""
        chosen = {i: w for i, w in kept_widths(self.view).items() if i in shown[:-1]}
        free = [i for i in shown if i not in chosen]
        least = self.view.horizontalHeader().minimumSectionSize()
        left = room - sum(chosen.values())
        want = _column_widths(self.view, free, max(left, least * len(free))) if free else {}
        # Her widths, or whole dates with the other columns at their least, may leave
        # too little: then the table scrolls sideways.
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if left < least * len(free) or sum(want.values()) > max(left, 0)
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.view.setHorizontalScrollBarPolicy(policy)
        return {**want, **chosen}


def fit_columns(view: QTableView) -> None:
    """Give ``view`` a ``FitColumns`` (once)."""
    if view.findChild(FitColumns) is None:
        FitColumns(view)


def _needs(root: QWidget) -> int:
    """The width ``root`` needs at least."""
    return root.minimumSizeHint().expandedTo(root.minimumSize()).width()


def reflow(root: QWidget, width: int, undo: Undo | None = None) -> bool:
    """Lay ``root`` out again until it needs no more than ``width`` pixels across (or
    nothing more can be stacked). Only stacks: ``unstack`` with the ``undo`` it fills
    puts it back (``Reflow`` does when the window grows). True when anything changed."""
    undo = [] if undo is None else undo
    changed = _reflow_one(root, width, undo)
    # What a scroll area inside the page holds (the dossier's profile and intake): the
    # page's own width does not show it, so it is fitted to the area's room in turn.
    for area in root.findChildren(QScrollArea):
        body = area.widget()
        if body is not None:
            changed = _reflow_one(body, width - NESTED_MARGIN, undo) or changed
    return changed


# What a scroll area inside a page has less than the page: the margins of the tabs or
# boxes around it.
NESTED_MARGIN = 48


def _reflow_one(root: QWidget, width: int, undo: Undo) -> bool:
    """``reflow`` of ``root`` itself (not of the scroll areas in it)."""
    # Panes first (the rows in them then have the whole width), and only those that do
    # not fit: on a wide screen they stay side by side at 200 % too.
    changed = _stack_panes(root, undo, width)
    if changed:
        for splitter in root.findChildren(QSplitter):
            _relayout(splitter, root)
    for view in root.findChildren(QTableView):
        fit_columns(view)
    for attempt in range(40):
        if _needs(root) <= width:
            break
        # The room of a row deep in the page is the page's less the margins around it:
        # ask a little less each round until the page fits.
        budget = width - 16 * (attempt // 2)
        stacked = _wrap_label(root, budget, undo) or _stack_rows(root, budget, undo)
        if stacked is not None:
            _relayout(stacked, root)
            changed = True
        elif budget < width // 2:
            break
    return changed


class Reflow(QObject):
    """On a page scroll area: whenever its page asks for more width than the area has,
    ``reflow`` it; when the area has grown wider, first put back what was stacked (it
    may fit now) and stack again only what still does not. Only at large text (from
    150 %): the normal layout fits the screen."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self.area = area
        self.undo: dict[QWidget, Undo] = {}  # per page
        self.last_width = 0  # the width it last ran at
        self.timer = _soon(self, self.run)
        page = area.widget()
        if page is not None:
            page.installEventFilter(self)
        area.installEventFilter(self)
        self.later()

    def later(self) -> None:
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self.later()
        return False

    def width(self) -> int:
        """The width a page may take: the area's, less a vertical scroll bar."""
        bar = self.area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return self.area.width() - bar - 2 * self.area.frameWidth()

    def run(self) -> None:
        page = self.area.widget()
        if page is None or self.area.width() <= 0:
            return
        pages = (
            [page.widget(i) for i in range(page.count())]
            if isinstance(page, QStackedWidget)
            else [page]
        )
        width = self.width()
        wider = width > self.last_width
        self.last_width = width
        for each in pages:
            if each is None:
                continue
            undo = self.undo.setdefault(each, [])
            if wider:  # a layout request at the same width only stacks further
                unstack(each, undo)
            reflow(each, width, undo)


def reflow_when_large(area: QScrollArea) -> None:
    """``Reflow`` on ``area`` when the text is large."""
    if large_text():
        Reflow(area)
