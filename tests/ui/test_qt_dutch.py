"""Qt's own dialogs (the save dialog behind every "Opslaan als…", the standard buttons)
speak Dutch: qtbase_nl.qm leaves a few texts in English, resources/translations/qt_extra_nl
fills them in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QTreeView,
    QWidget,
)

from spt_desktop.app import install_translation

ENGLISH = {
    "look in",
    "files of",
    "file name",
    "save",
    "cancel",
    "open",
    "name",
    "size",
}  # "Type" is Dutch too


def _texts(dialog: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, QAbstractButton | QLabel):
            texts.append(widget.text())
        texts += [widget.toolTip(), widget.accessibleName()]
    for view in dialog.findChildren(QTreeView):
        model = view.model()
        texts += [
            str(model.headerData(i, Qt.Orientation.Horizontal)) for i in range(model.columnCount())
        ]
    return [t.replace("&", "").strip().rstrip(":").lower() for t in texts if t]


def test_save_dialog_is_dutch(qapp: QApplication) -> None:
    install_translation(qapp, "nl")
    try:
        dialog = QFileDialog(None, "Opslaan als")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters(["PDF (*.pdf)"])
        texts = _texts(dialog)
        assert "zoeken in" in texts and "bestandstype" in texts and "opslaan" in texts
        assert not ENGLISH & set(texts), sorted(ENGLISH & set(texts))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Discard
            | QDialogButtonBox.StandardButton.Cancel
        )
        assert {b.text() for b in buttons.buttons()} == {"Opslaan", "Verwerpen", "Annuleren"}
    finally:
        install_translation(qapp, "nl")
