"""What the dossier's working tabs share (activities and scholing, notes, visits, plan):
a table or two of the dossier's records, buttons that act on the selected one, dialogs
opened through the workspace (so a lock keeps their drafts), a question asked without
blocking, and a line for what went wrong, on the tab itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from spt_desktop.services import Services
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.pages.dossier_tabs import ListsTab
from spt_desktop.ui.tables import ROW_ROLE, Column, row_at

Opener = Callable[[DraftDialog[Any]], object]


def open_here(dialog: DraftDialog[Any]) -> object:
    """Without a workspace (a page on its own): just show the dialog."""
    dialog.open()
    return dialog


class WorkTab(ListsTab):
    """A ListsTab whose rows can be acted on. ``opener`` shows a dialog (the workspace
    sets it, to keep the dialog's draft on a lock)."""

    def __init__(
        self,
        ops: Ops,
        tables: list[tuple[str, str, tuple[Column, ...]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, tables, parent)
        self.opener: Opener = open_here
        self.question: QMessageBox | None = None  # the open question, if any
        self.error = named(
            QLabel(), f"{type(self).__name__[0].lower()}{type(self).__name__[1:]}Error"
        )
        self.error.setProperty("role", "field-error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.layout_.insertWidget(self.layout_.count() - 1, self.error)

    @property
    def name(self) -> str:
        return self.dossier.candidate.full_name if self.dossier else ""

    def button(
        self, text: str, name: str, slot: Any, tip: str = "", row: QHBoxLayout | None = None
    ) -> QPushButton:
        """A button in the tab's bottom row, or in ``row`` (under a table)."""
        if row is None:
            b = self.add_button(text, name, slot)
        else:
            b = named(QPushButton(text), name)
            b.clicked.connect(slot)
            row.insertWidget(row.count() - 1, b)
        if tip:
            b.setToolTip(tip)
            b.setAccessibleDescription(tip)
        return b

    def row_under(self, table: str) -> QHBoxLayout:
        """A row of buttons right under ``table``'s view."""
        row = QHBoxLayout()
        row.addStretch()
        at = self.layout_.indexOf(self.views[table])
        self.layout_.insertLayout(at + 1, row)
        return row

    def selected(self, table: str) -> Any:
        """The record of the current row of ``table`` (None: nothing selected)."""
        return row_at(self.views[table])

    def show_dossier(self, d: Any) -> None:
        keep = {t: getattr(self.selected(t), "id", None) for t in self.views}
        super().show_dossier(d)
        for table, rid in keep.items():
            if rid is not None:
                select_id(self.views[table], rid)

    def say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def run(self, fn: Callable[[Services], object]) -> None:
        """A write whose refusal is said on this tab."""
        self.say("")

        def fail(exc: BaseException) -> bool:
            from spt_desktop.ui.ops import describe

            self.say(describe(exc))
            return True

        self.ops.write(fn).failure(fail).owned_by(self).run()

    def ask(
        self, title: str, text: str, yes: str, on_yes: Callable[[], None], name: str
    ) -> QMessageBox:
        """A question that does not block the window (tests and screen readers see it as
        any dialog); ``on_yes`` runs when the coach confirms."""
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, self
        )
        box.setObjectName(name)
        ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        ok.setObjectName(f"{name}Yes")
        no = box.addButton(self.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
        no.setObjectName(f"{name}No")
        box.setDefaultButton(no)
        box.setEscapeButton(no)

        def done() -> None:
            if box.clickedButton() is ok:
                on_yes()
            self.question = None

        box.finished.connect(lambda _=0: done())
        self.question = box
        box.open()
        return box


def select_id(view: QTableView, record_id: str) -> bool:
    """Make the row of ``record_id`` current again (after a reload), if it is there."""
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if getattr(index.data(ROW_ROLE), "id", None) == record_id:
            view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            return True
    return False


__all__ = ["Opener", "WorkTab", "open_here", "select_id"]
