"""A form dialog that keeps its contents as an encrypted draft until it is saved."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from spt_desktop.services import Services
from spt_desktop.ui.fit import FitScroll
from spt_desktop.ui.forms import DraftKeeper, Field, Form
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops

R = TypeVar("R")


def unsaved_drafts(dialogs: Iterable[DraftDialog[Any]]) -> dict[str, dict[str, Any]]:
    """What is typed in ``dialogs`` and not saved, by form id (for a lock): each
    dialog's pending draft save is cancelled, as the lock saves them all at once."""
    out: dict[str, dict[str, Any]] = {}
    for dialog in dialogs:
        dialog.drafts.cancel()
        values = dialog.draft()
        if values is not None:
            out[dialog.form_id] = values
    return out


def draft_owners(dialogs: Iterable[DraftDialog[Any]]) -> dict[str, str]:
    """The candidate each of ``dialogs`` is about, by form id (for a lock)."""
    return {d.form_id: d.about for d in dialogs if d.about is not None}


class DraftDialog(QDialog, Generic[R]):
    """Subclasses give the fields and ``save(svc, values)``; the rest is shared:
    field errors at the field, nothing saved half, the draft dropped once saved. What
    the save changed is the use case's to say (``Ops.write``)."""

    form_id = "form"
    # The candidate the form is about (None: no one yet, or an employer): its draft is
    # kept under her, so a purge of her and her access export find it.
    about: str | None = None
    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Opslaan")

    def __init__(
        self,
        ops: Ops,
        title: str,
        fields: Iterable[Field],
        draft: dict[str, Any] | None = None,
        intro: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(title)
        self.setMinimumWidth(min(560, self.screen().availableGeometry().width() - 80))
        layout = QVBoxLayout(self)
        # The form scrolls when it is taller or wider than the screen (200 % text); its
        # buttons stay in view below it. ``body``: where subclasses add to the form.
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(FitScroll(body), 1)
        if intro:
            label = named(QLabel(intro), "dialogIntro")
            label.setWordWrap(True)
            self.body.addWidget(label)
        self.form = Form(fields, self)
        self.body.addWidget(self.form)
        self.general_error = named(QLabel(), "generalError")
        self.general_error.setProperty("role", "field-error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.body.addWidget(self.general_error)
        self.body.addStretch()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("DraftDialog", str(self.ok_text))
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        for button in self.buttons.buttons():
            button.setIcon(QIcon())  # plain text buttons: calmer than the style's icons
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.drafts = DraftKeeper(self.form_id, self.form, self._save_draft)
        if draft:
            self.form.set_values(draft)
        self.saved_result: R | None = None
        self.on_saved: Callable[[R], None] | None = None

    def done_text(self) -> str:
        """What the status bar confirms once saved ("" for nothing)."""
        return self.tr("Opgeslagen.")

    def save(self, svc: Services, values: dict[str, Any]) -> R:  # pragma: no cover - abstract
        raise NotImplementedError

    def submit(self) -> None:
        values = self.form.values()
        if values is None:
            return
        self.general_error.hide()
        self.buttons.setEnabled(False)
        # No draft saved behind the save: the write drops the draft in its transaction,
        # and a draft the timer kept after it would leave what was saved (a name, a
        # question) behind in the vault. A failed save keeps the form as a draft again.
        self.drafts.cancel()
        (
            self.ops.write(lambda svc: self.save(svc, values), drop_draft=self.form_id)
            .confirm(self.done_text())
            .success(self._saved)
            .failure(self._failed)
            .owned_by(self)
            .run()
        )

    def _saved(self, result: R) -> None:
        self.drafts.cancel()
        self.saved_result = result
        if self.on_saved is not None:
            self.on_saved(result)
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        from spt_desktop.ui.ops import describe

        self.buttons.setEnabled(True)
        self.drafts.flush()
        if self.form.show_validation(exc):
            return True
        self.general_error.setText(describe(exc))
        self.general_error.show()
        return True

    def _save_draft(self, form_id: str, values: dict[str, Any]) -> None:
        about = self.about
        self.ops.vault(lambda s: s.save_draft(form_id, values, about=about)).run()

    def draft(self) -> dict[str, Any] | None:
        """The unsaved contents (for a lock), or None when there is nothing typed."""
        return None if self.form.is_blank() else self.form.raw()

    def reject(self) -> None:
        if not self.form.is_blank() and self.isVisible():
            answer = QMessageBox.question(
                self,
                self.tr("Niet opgeslagen"),
                self.tr("Wat u hebt ingevuld is nog niet opgeslagen. Weggooien?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.drafts.cancel()
        form_id = self.form_id
        self.ops.vault(lambda s: s.drop_draft(form_id)).run()
        super().reject()
