"""The unlock screen: passphrase, or the recovery key (with a new passphrase)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spt_desktop.ui.fit import text_width
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops


class UnlockScreen(QWidget):
    """Shown at start and after every lock. Emits ``unlocked`` once the vault is open."""

    unlocked = Signal()

    def __init__(
        self, ops: Ops, demo_passphrase: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("unlockScreen")
        card = named(QFrame(), "card")
        card.setMaximumWidth(max(460, text_width(card, 66)))  # grows with the text
        col = QVBoxLayout(card)
        col.setSpacing(12)
        title = named(QLabel(self.tr("SPT Desktop")), "title")
        col.addWidget(title)
        self.intro = QLabel(self.tr("Uw kluis is vergrendeld. Voer uw wachtwoordzin in."))
        self.intro.setWordWrap(True)
        col.addWidget(self.intro)

        self.passphrase = named(QLineEdit(), "passphrase")
        self.passphrase.setAccessibleName(self.tr("Wachtwoordzin"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Wachtwoordzin"))
        self.passphrase.returnPressed.connect(self.submit)
        col.addWidget(self.passphrase)

        self.recovery_box = QWidget()
        form = QFormLayout(self.recovery_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.recovery_key = named(QLineEdit(), "recoveryKey")
        self.recovery_key.setPlaceholderText("XXXX-XXXX-…")
        self.new_passphrase = named(QLineEdit(), "newPassphrase")
        self.new_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_passphrase.setPlaceholderText(self.tr("Laat leeg om de oude te houden"))
        self.new_passphrase.returnPressed.connect(self.submit)
        form.addRow(self.tr("Herstelsleutel"), self.recovery_key)
        form.addRow(self.tr("Nieuwe wachtwoordzin"), self.new_passphrase)
        self.recovery_box.hide()
        col.addWidget(self.recovery_box)

        self.error = named(QLabel(), "unlockError")
        self.error.setProperty("role", "field-error")
        self.error.setWordWrap(True)
        self.error.hide()
        col.addWidget(self.error)

        buttons = QHBoxLayout()
        self.toggle = named(QPushButton(self.tr("Herstelsleutel gebruiken")), "toggleRecovery")
        self.toggle.setFlat(True)
        self.toggle.clicked.connect(self._toggle_recovery)
        self.button = named(QPushButton(self.tr("Ontgrendelen")), "unlockButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        buttons.addWidget(self.toggle)
        buttons.addStretch()
        buttons.addWidget(self.button)
        col.addLayout(buttons)

        if demo_passphrase:
            hint = named(
                QLabel(
                    self.tr("Demokluis met verzonnen gegevens. Wachtwoordzin: <b>{0}</b>").format(
                        demo_passphrase
                    )
                ),
                "demoHint",
            )
            hint.setWordWrap(True)
            hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            col.addWidget(hint)

        outer = QVBoxLayout(self)
        outer.addStretch()
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(card)
        row.addStretch()
        outer.addLayout(row)
        outer.addStretch(2)

    def set_busy(self, busy: bool, message: str | None = None) -> None:
        self.button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        if message:
            self.intro.setText(message)

    def reset(self, message: str | None = None) -> None:
        """Back to an empty screen (after a lock); ``message`` says why it locked."""
        for w in (self.passphrase, self.recovery_key, self.new_passphrase):
            w.clear()
        self.error.hide()
        self.set_busy(False)
        self.intro.setText(message or self.tr("Uw kluis is vergrendeld. Voer uw wachtwoordzin in."))
        self.passphrase.setFocus()

    def _toggle_recovery(self) -> None:
        recovering = not self.recovery_box.isVisible()
        self.recovery_box.setVisible(recovering)
        self.passphrase.setVisible(not recovering)
        self.toggle.setText(
            self.tr("Wachtwoordzin gebruiken")
            if recovering
            else self.tr("Herstelsleutel gebruiken")
        )
        (self.recovery_key if recovering else self.passphrase).setFocus()

    def submit(self) -> None:
        if not self.button.isEnabled():
            return
        self.error.hide()
        if self.recovery_box.isVisible():
            key, new = self.recovery_key.text().strip(), self.new_passphrase.text()
            if not key:
                return self._fail_text(self.tr("Voer uw herstelsleutel in."))
            op = self.ops.vault(lambda s: s.unlock_with_recovery_key(key, new or None))
        else:
            secret = self.passphrase.text()
            if not secret:
                return self._fail_text(self.tr("Voer uw wachtwoordzin in."))
            op = self.ops.vault(lambda s: s.unlock(secret))
        self.set_busy(True)
        op.success(lambda _: self._done()).failure(self._fail).owned_by(self).run()

    def _done(self) -> None:
        self.passphrase.clear()
        self.recovery_key.clear()
        self.new_passphrase.clear()
        self.set_busy(False)
        self.unlocked.emit()

    def _fail(self, exc: BaseException) -> bool:
        from spt_desktop.ui.ops import describe

        self.set_busy(False)
        self._fail_text(describe(exc))
        self.passphrase.selectAll()
        return True

    def _fail_text(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
