"""Forms built from a list of fields: every field named as the service names it, errors
shown under the field, values read and restored as plain JSON (so a draft is just the
dict ``values()`` returns)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spt_common.bsn import contains_bsn
from spt_common.enums import Labelled
from spt_desktop.errors import InvalidInput
from spt_desktop.ui import messages
from spt_desktop.ui.fit import large_text

DATE_FORMATS = ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%y")


def parse_day(text: str) -> date | None:
    """A date the way Dutch coaches type it (31-12-2026) or ISO; None if not a date."""
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def show_day(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


@dataclass(frozen=True)
class Field:
    """One field: ``kind`` is line, text, date, datetime, choice, number or check."""

    name: str
    label: str
    kind: str = "line"
    choices: tuple[tuple[str, str], ...] = ()  # (code, label)
    required: bool = False
    low: int = 0
    high: int = 100
    placeholder: str = ""


def choices_of(enum: Iterable[Labelled]) -> tuple[tuple[str, str], ...]:
    return tuple((m.value, m.label) for m in enum)


class Form(QWidget):
    """A column of labelled fields with their error lines."""

    edited = Signal()

    def __init__(self, specs: Iterable[Field], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = {f.name: f for f in specs}
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._loading = False
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        above = large_text()  # labels above their fields: side by side leaves no room
        for spec in self.specs.values():
            editor = self._editor(spec)
            editor.setObjectName(f"field_{spec.name}")
            # What a screen reader says: the label is a sibling's child here, so Qt's
            # own buddy lookup does not find it.
            editor.setAccessibleName(spec.label)
            error = QLabel()
            error.setObjectName(f"error_{spec.name}")
            error.setProperty("role", "field-error")
            error.setWordWrap(True)
            error.hide()
            box = QWidget()
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(2)
            col.addWidget(editor)
            col.addWidget(error)
            label = QLabel(spec.label + (" *" if spec.required else ""))
            label.setBuddy(editor)
            if above:  # each a row of its own, the label wrapped (a consent's is long)
                label.setWordWrap(True)
                layout.addRow(label)
                layout.addRow(box)
            else:
                layout.addRow(label, box)
            self.editors[spec.name] = editor
            self.errors[spec.name] = error

    def _editor(self, spec: Field) -> QWidget:
        if spec.kind == "text":
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setMinimumHeight(60)
            text.setMaximumHeight(110)
            text.textChanged.connect(self._edited)
            w: QWidget = text
        elif spec.kind == "choice":
            w = QComboBox()
            if not spec.required:
                w.addItem("—", "")
            for code, label in spec.choices:
                w.addItem(label, code)
            # As wide as the column gives, not as its longest label (a persona is ~50
            # characters): the form fits a 1366-pixel screen; the open list shows all.
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(16)
            w.view().setMinimumWidth(w.view().sizeHintForColumn(0) + 24)
            w.currentIndexChanged.connect(self._edited)
        elif spec.kind == "number":
            w = QSpinBox()
            w.setRange(spec.low - 1, spec.high)
            w.setSpecialValueText("—")  # shown at the minimum: no value
            w.setValue(spec.low - 1)
            w.valueChanged.connect(self._edited)
        elif spec.kind == "check":
            w = QCheckBox()
            w.toggled.connect(self._edited)
        else:
            w = QLineEdit()
            placeholder = {"date": "dd-mm-jjjj", "datetime": "dd-mm-jjjj uu:mm"}
            w.setPlaceholderText(spec.placeholder or placeholder.get(spec.kind, ""))
            w.textEdited.connect(self._edited)
        return w

    def _edited(self, *_: object) -> None:
        if not self._loading:  # filling the form from the vault is not an edit
            self.edited.emit()

    # --- values --------------------------------------------------------------------

    def raw(self) -> dict[str, Any]:
        """What is on screen, as JSON-able values (for drafts)."""
        out: dict[str, Any] = {}
        for name, w in self.editors.items():
            if isinstance(w, QPlainTextEdit):
                out[name] = w.toPlainText()
            elif isinstance(w, QComboBox):
                out[name] = w.currentData() or ""
            elif isinstance(w, QSpinBox):
                out[name] = None if w.value() < w.minimum() + 1 else w.value()
            elif isinstance(w, QCheckBox):
                out[name] = w.isChecked()
            elif isinstance(w, QLineEdit):
                out[name] = w.text()
        return out

    def values(self) -> dict[str, Any] | None:
        """The values for the service, dates parsed; None (with errors shown) when a
        date or time cannot be read — nothing is sent half."""
        out = self.raw()
        bad: dict[str, str] = {}
        for name, spec in self.specs.items():
            text = str(out.get(name) or "").strip()
            if spec.kind == "date":
                day = parse_day(text) if text else None
                if text and day is None:
                    bad[name] = self.tr("geen geldige datum (dd-mm-jjjj)")
                out[name] = day
            elif spec.kind == "datetime":
                when = _parse_when(text) if text else None
                if text and when is None:
                    bad[name] = self.tr("geen geldig tijdstip (dd-mm-jjjj uu:mm)")
                out[name] = when
        self.show_errors(bad)
        return None if bad else out

    def set_values(self, values: Mapping[str, Any]) -> None:
        self._loading = True
        try:
            self._set_values(values)
        finally:
            self._loading = False

    def _set_values(self, values: Mapping[str, Any]) -> None:
        for name, value in values.items():
            w = self.editors.get(name)
            if w is None:
                continue
            if isinstance(value, datetime):
                value = value.strftime("%d-%m-%Y %H:%M")
            elif isinstance(value, date):
                value = show_day(value)
            elif isinstance(value, str) and self.specs[name].kind == "date" and value:
                day = parse_day(value)
                value = show_day(day) if day else value
            if isinstance(w, QPlainTextEdit):
                w.setPlainText(value or "")
            elif isinstance(w, QComboBox):
                index = w.findData(str(value) if value is not None else "")
                w.setCurrentIndex(max(index, 0))
            elif isinstance(w, QSpinBox):
                w.setValue(int(value) if value not in (None, "") else w.minimum())
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QLineEdit):
                w.setText("" if value is None else str(value))

    def is_blank(self) -> bool:
        return not any(v for v in self.raw().values() if v not in ("", None, False))

    # --- errors --------------------------------------------------------------------

    def show_errors(self, errors: Mapping[str, str], *, focus: bool = True) -> None:
        """Each field's message under it (none: cleared); the first one gets the focus
        unless ``focus`` is false (a check while the coach types elsewhere)."""
        first: QWidget | None = None
        for name, label in self.errors.items():
            message = errors.get(name)
            label.setText(message or "")
            label.setVisible(bool(message))
            self.editors[name].setProperty("invalid", bool(message))
            self.editors[name].setAccessibleDescription(message or "")  # read with the field
            self.editors[name].style().polish(self.editors[name])
            if message and first is None:
                first = self.editors[name]
        if first is not None and focus:
            first.setFocus()
            _scroll_into_view(first.parentWidget() or first)

    def show_validation(self, exc: BaseException) -> bool:
        """A failure callback for ops: field errors go under the fields, worded in the
        UI's language (``ui/messages.py``). Errors about fields this form does not show
        are left to the caller (returns False)."""
        if not isinstance(exc, InvalidInput):
            return False
        worded = messages.field_texts(exc)
        mine = {k: v for k, v in worded.items() if k in self.editors}
        self.show_errors(mine)
        return len(mine) == len(worded)


def _scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget`` so it shows (a field with its error line
    under it), as Tab does: a focused field below the fold looked as if nothing happened."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 16, 16)
        parent = parent.parentWidget()


def _parse_when(text: str) -> datetime | None:
    for fmt in ("%d-%m-%Y %H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y"):
        try:
            return datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
    return None


class DraftKeeper(QObject):
    """Saves a form's contents as an encrypted draft a moment after each edit, so nothing
    typed is lost to a crash, a lock or a closed lid."""

    def __init__(self, form_id: str, form: Form, save: Any, delay_ms: int = 1500) -> None:
        super().__init__(form)
        self.form_id, self.form, self._save = form_id, form, save
        self._refused: list[str] = []  # fields whose BSN message is shown
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.flush)
        form.edited.connect(self._timer.start)

    def flush(self) -> None:
        self._timer.stop()
        if self.form.is_blank():
            return
        values = self.form.raw()
        # No BSN, not even in a draft: such a field is left out, and the form says why.
        # A choice holds the id of what was picked, not typed text: not searched.
        refused = [
            n
            for n, v in values.items()
            if isinstance(v, str)
            and not isinstance(self.form.editors.get(n), QComboBox)
            and contains_bsn(v)
        ]
        if refused or self._refused:
            # Under a field whose text holds a BSN: why that field is left out.
            why = self.tr(
                "Bevat een BSN; het SPT mag geen BSN vastleggen. Dit veld wordt niet als "
                "concept bewaard."
            )
            self.form.show_errors(dict.fromkeys(refused, why), focus=False)
        self._refused = refused
        self._save(self.form_id, {n: v for n, v in values.items() if n not in refused})

    def cancel(self) -> None:
        self._timer.stop()
