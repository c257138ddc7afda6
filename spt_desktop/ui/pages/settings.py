"""Instellingen: server link, auto-lock, language, extra memory security, passphrase."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spt_desktop.services.changes import Changes
from spt_desktop.services.session import MemorySecurity, SyncStatus
from spt_desktop.ui import messages
from spt_desktop.ui.fit import text_width
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops

LANGUAGES = (("nl", "Nederlands"), ("en", "English"))
TEXT_SCALES = (100, 125, 150, 175, 200)  # percent of normal (WCAG 1.4.4 asks 200)


def _error_label(name: str) -> QLabel:
    label = named(QLabel(), name)
    label.setProperty("role", "field-error")
    label.setWordWrap(True)
    label.hide()
    return label


class SettingsPage(QWidget):
    language_changed = Signal(str)
    text_scale_changed = Signal(int)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        outer = QVBoxLayout(self)
        outer.addWidget(named(QLabel(self.tr("Instellingen")), "pageTitle"))
        column = QWidget()
        column.setMaximumWidth(max(760, text_width(column, 108)))  # grows with the text
        # In a row with room beside it, not straight in the page's column: a box layout
        # asks a child's height for the width it would give without its maximum, and
        # the wrapped texts then got too little height (the buttons were squeezed).
        row = QHBoxLayout()
        row.addWidget(column, 1)
        row.addStretch(0)
        outer.addLayout(row)
        outer.addStretch()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)

        server = QGroupBox(self.tr("SPT-server"))
        f = QFormLayout(server)
        self.server_state = named(QLabel(), "serverState")
        self.server_state.setWordWrap(True)  # a demo vault's explanation is long
        self.server_url = named(QLineEdit(), "serverUrl")
        self.server_url.setPlaceholderText("https://spt.example.nl")
        self.email = named(QLineEdit(), "serverEmail")
        self.password = named(QLineEdit(), "serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_button = named(QPushButton(self.tr("Koppelen")), "loginButton")
        self.login_button.clicked.connect(self._login)
        self.login_error = _error_label("loginError")
        f.addRow(self.server_state)
        f.addRow(self.tr("Serveradres"), self.server_url)
        f.addRow(self.tr("E-mail"), self.email)
        f.addRow(self.tr("Wachtwoord"), self.password)
        f.addRow(self.login_error)
        f.addRow(self.login_button)
        layout.addWidget(server)

        general = QGroupBox(self.tr("Algemeen"))
        g = QFormLayout(general)
        self.auto_lock = named(QSpinBox(), "autoLock")
        self.auto_lock.setRange(1, 240)
        self.auto_lock.setSuffix(self.tr(" minuten"))
        self.auto_lock.editingFinished.connect(self._save_auto_lock)
        self.language = named(QComboBox(), "language")
        for code, label in LANGUAGES:
            self.language.addItem(label, code)
        self.language.activated.connect(
            lambda _: self.language_changed.emit(self.language.currentData())
        )
        self.text_scale = named(QComboBox(), "textScale")
        for percent in TEXT_SCALES:
            self.text_scale.addItem(f"{percent} %", percent)
        self.text_scale.setAccessibleDescription(
            self.tr("Alle tekst van SPT Desktop groter; ook Windows' Tekst groter maken telt mee.")
        )
        self.text_scale.activated.connect(
            lambda _: self.text_scale_changed.emit(int(self.text_scale.currentData()))
        )
        g.addRow(self.tr("Automatisch vergrendelen na"), self.auto_lock)
        g.addRow(self.tr("Taal"), self.language)
        g.addRow(self.tr("Tekstgrootte"), self.text_scale)
        layout.addWidget(general)

        # Its own box, laid out in a column: a wrapped text in a form row is cut short.
        security = QGroupBox(self.tr("Beveiliging"))
        m = QVBoxLayout(security)
        self.memory_security = named(
            QCheckBox(self.tr("Extra geheugenbeveiliging")), "memorySecurity"
        )
        # clicked, not toggled: showing the stored choice must not store it again.
        self.memory_security.clicked.connect(self._save_memory_security)
        about = named(
            QLabel(
                self.tr(
                    "Houdt de gegevens van de kluis vast in het werkgeheugen (nooit in het wisselbestand op schijf) en wist ze na gebruik. Synchroniseren wordt daardoor enkele malen trager. Voor organisaties die dit vereisen; geldt na het opnieuw starten van SPT Desktop."  # noqa: E501
                )
            ),
            "memorySecurityAbout",
        )
        about.setWordWrap(True)
        about.setProperty("role", "muted")
        self.memory_note = named(QLabel(), "memorySecurityNote")
        self.memory_note.setWordWrap(True)
        self.memory_note.hide()
        self.memory_error = _error_label("memorySecurityError")
        for part in (self.memory_security, about, self.memory_note, self.memory_error):
            m.addWidget(part)
        layout.addWidget(security)

        secret = QGroupBox(self.tr("Wachtwoordzin wijzigen"))
        s = QFormLayout(secret)
        self.old = named(QLineEdit(), "oldPassphrase")
        self.new = named(QLineEdit(), "newPassphraseSetting")
        self.repeat = named(QLineEdit(), "repeatPassphrase")
        for w in (self.old, self.new, self.repeat):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_error = _error_label("passphraseError")
        self.pass_done = named(QLabel(), "passphraseDone")
        change = named(QPushButton(self.tr("Wachtwoordzin wijzigen")), "changePassphrase")
        change.clicked.connect(self._change)
        s.addRow(self.tr("Huidige"), self.old)
        s.addRow(self.tr("Nieuwe"), self.new)
        s.addRow(self.tr("Nieuwe (herhaal)"), self.repeat)
        s.addRow(self.pass_error)
        s.addRow(self.pass_done)
        s.addRow(change)
        layout.addWidget(secret)
        layout.addStretch()

    def set_language(self, code: str) -> None:
        self.language.setCurrentIndex(max(self.language.findData(code), 0))

    def set_text_scale(self, percent: int) -> None:
        """Show ``percent`` (the nearest choice, for a value set by SPT_TEXT_SCALE)."""
        nearest = min(TEXT_SCALES, key=lambda p: abs(p - percent))
        self.text_scale.setCurrentIndex(TEXT_SCALES.index(nearest))

    def refresh(self) -> None:
        self.ops.vault(
            lambda s: (s.auto_lock_minutes(), s.sync_status(), s.memory_security())
        ).success(self._show).owned_by(self).run()

    def _show(self, data: tuple[int, SyncStatus, MemorySecurity]) -> None:
        minutes, status, memory = data
        self.auto_lock.setValue(minutes)
        self._show_memory_security(memory)
        if status.linked:
            self.server_state.setText(self.tr("Gekoppeld aan {0}.").format(status.server_url))
            self.server_url.setText(status.server_url or "")
        elif status.demo:  # never linked: say so before she types her password
            self.server_state.setText(
                self.tr(
                    "Oefenkluis met verzonnen gegevens: deze kluis wordt niet aan een server "
                    "gekoppeld. Om te synchroniseren maakt u een eigen kluis aan."
                )
            )
        else:
            self.server_state.setText(
                self.tr("Niet gekoppeld: u werkt alleen op deze laptop. Koppelen kan altijd later.")
            )

    def _save_auto_lock(self) -> None:
        minutes = self.auto_lock.value()
        self.ops.vault(lambda s: s.set_auto_lock_minutes(minutes), Changes(settings=True)).run()

    def _show_memory_security(self, memory: MemorySecurity) -> None:
        self.memory_security.setChecked(memory.chosen)
        if memory.chosen == memory.active:
            self.memory_note.hide()
            return
        if memory.chosen:
            note = self.tr(
                "Opnieuw starten nodig: de extra geheugenbeveiliging gaat aan zodra SPT Desktop opnieuw is gestart."  # noqa: E501
            )
        else:
            note = self.tr(
                "Opnieuw starten nodig: de extra geheugenbeveiliging blijft aan tot SPT Desktop opnieuw is gestart (in een lopende app kan ze niet uit)."  # noqa: E501
            )
        self.memory_note.setText(note)
        self.memory_note.show()

    def _save_memory_security(self, on: bool) -> None:
        self.memory_error.hide()

        def fail(_exc: BaseException) -> bool:
            self.memory_security.setChecked(not on)  # nothing was stored
            self.memory_error.setText(
                self.tr(
                    "Deze instelling kon niet worden bewaard: de map met instellingen van SPT Desktop is niet beschrijfbaar. Controleer de schijf en uw rechten, en probeer het opnieuw."  # noqa: E501
                )
            )
            self.memory_error.show()
            return True

        self.ops.vault(lambda s: s.set_memory_security(on)).success(
            self._show_memory_security
        ).failure(fail).owned_by(self).run()

    def _login(self) -> None:
        url, email, pw = self.server_url.text(), self.email.text(), self.password.text()
        self.login_error.hide()
        self.login_button.setEnabled(False)

        def fail(exc: BaseException) -> bool:
            from spt_desktop.ui.ops import describe

            self.login_button.setEnabled(True)
            errors = messages.field_texts(exc)
            self.login_error.setText("; ".join(errors.values()) if errors else describe(exc))
            self.login_error.show()
            return True

        def done(_: Any) -> None:
            self.login_button.setEnabled(True)
            self.password.clear()
            self.refresh()

        self.ops.vault(
            lambda s: s.login(url, email, pw), Changes(sync=True, settings=True)
        ).success(done).failure(fail).owned_by(self).run()

    def _change(self) -> None:
        old, new = self.old.text(), self.new.text()
        self.pass_error.hide()
        self.pass_done.clear()
        if new != self.repeat.text():
            self.pass_error.setText(self.tr("De twee nieuwe wachtwoordzinnen zijn niet gelijk."))
            self.pass_error.show()
            return

        def fail(exc: BaseException) -> bool:
            from spt_desktop.ui.ops import describe

            errors = messages.field_texts(exc)
            self.pass_error.setText("; ".join(errors.values()) if errors else describe(exc))
            self.pass_error.show()
            return True

        def done(_: Any) -> None:
            for w in (self.old, self.new, self.repeat):
                w.clear()
            self.pass_done.setText(self.tr("Wachtwoordzin gewijzigd."))

        self.ops.vault(lambda s: s.change_passphrase(old, new)).success(done).failure(
            fail
        ).owned_by(self).run()
