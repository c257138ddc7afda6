"""What the dossier's dialogs share beyond ``DraftDialog``: a coded refusal about one
field (``Refused(code, field=...)``: a fund for someone not in work, an outcome before
the activity was held) is worded by the presenter and shown AT that field; and a form
filled only with its defaults or the record as saved is nothing to keep or to ask
about — only what the coach typed is (a draft, and "Weggooien?" on Annuleren)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPlainTextEdit

from spt_desktop.ui.dialogs.base import DraftDialog, R


class DossierDialog(DraftDialog[R]):
    """A draft-keeping dialog whose service refusals about a field land at the field."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        draft = args[3] if len(args) > 3 else kwargs.get("draft")
        self.typed = bool(draft)  # restored from a draft: that was typed
        self.form.edited.connect(self._typed)

    def _typed(self) -> None:
        self.typed = True

    def draft(self) -> dict[str, Any] | None:
        return super().draft() if self.typed else None

    def reject(self) -> None:
        if not self.typed:
            self.drafts.cancel()
            form_id = self.form_id
            self.ops.vault(lambda s: s.drop_draft(form_id)).run()
            QDialog.reject(self)
            return
        super().reject()

    def _failed(self, exc: BaseException) -> bool:
        from spt_desktop.ui.ops import describe

        field = getattr(exc, "field", None)
        if isinstance(field, str) and field in self.form.editors:
            self.buttons.setEnabled(True)
            self.form.show_errors({field: describe(exc)})
            handled = True
        else:
            handled = super()._failed(exc)
        # Grow to show the messages whole (a shown dialog keeps its size otherwise, and
        # squeezes the fields); never past the screen: the form scrolls then.
        self.adjustSize()
        return handled

    def field_error(self, name: str) -> str:
        """The message shown under field ``name`` ('' when none): for tests and the
        accessibility walk."""
        label = self.form.errors[name]
        return label.text() if label.isVisibleTo(self) else ""

    def ok_says(self, text: str) -> None:
        """The OK button's text, translated where it is written (``self.tr("…")`` at the
        call, which lupdate finds; ``ok_text`` alone is not found)."""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text)

    def focus_end(self, name: str) -> None:
        """Focus field ``name`` with the cursor after its text (to add to it)."""
        editor = self.form.editors[name]
        editor.setFocus()
        if isinstance(editor, QPlainTextEdit):
            editor.moveCursor(QTextCursor.MoveOperation.End)
        elif isinstance(editor, QLineEdit):
            editor.end(False)

    @staticmethod
    def values_of(record: Any, names: tuple[str, ...]) -> dict[str, Any]:
        """A record's values for the form (enum members as their codes)."""
        out: dict[str, Any] = {}
        for name in names:
            value: Any = getattr(record, name, None)
            out[name] = getattr(value, "value", value) if hasattr(value, "label") else value
        return out


__all__ = ["DossierDialog"]
