"""The mouse wheel scrolls the page; it changes a field only when that field has focus.

Qt's combo boxes, spin boxes and date fields take wheel events whenever the pointer is
over them, so scrolling down a long form changed whatever passed under the pointer
(Taalniveau silently became "C2 / moedertaal" and was saved). Firefox, LibreOffice and
KeePassXC change a field by wheel only once it has focus; so do we, for every window and
dialog, from one application-wide filter.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QSlider,
    QWidget,
)

GUARDED = (QComboBox, QAbstractSpinBox, QSlider)  # date/time edits are spin boxes;
# scroll bars are not guarded: they are what a wheel is for.


class WheelGuard(QObject):
    """Hands a wheel event over an unfocused field on to the field's parents."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The cheap test first: most events go to widgets that are not guarded.
        if not isinstance(watched, GUARDED) or event.type() != QEvent.Type.Wheel:
            return False
        field = watched
        if isinstance(field, QWidget) and field.hasFocus():
            return False
        # The scroll area around the field scrolls, as the user meant. Handed over by
        # hand: Qt propagates only spontaneous wheel events to the parents, and this way
        # an event that was propagated never reaches the area twice.
        area = _scroll_area_around(field)
        if area is not None:
            QApplication.sendEvent(area.viewport(), event)
        event.accept()
        return True


def _scroll_area_around(widget: QObject) -> QAbstractScrollArea | None:
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parent()
    return None


def install(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` once; returns it (kept alive by its parent)."""
    existing = app.findChild(WheelGuard)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
