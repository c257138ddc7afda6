"""First run: create the vault (passphrase with a strength meter), show the recovery key
once (print, and confirm it is stored), then optionally link the SPT server. A coach can
work fully offline without ever linking."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from spt_common.enums import COACH_ROLES, Role, Spt
from spt_desktop.services.session import Owner, passphrase_strength
from spt_desktop.ui import messages
from spt_desktop.ui.fit import text_width
from spt_desktop.ui.messages import strength_text
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops, describe


class FirstRunWizard(QWidget):
    """Emits ``finished`` when the vault exists, is unlocked and the key was confirmed."""

    finished = Signal()

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.steps = QStackedWidget()
        self.steps.addWidget(self._create_step())
        self.steps.addWidget(self._key_step())
        card = named(QFrame(), "card")
        card.setMaximumWidth(max(620, text_width(card, 88)))  # grows with the text
        col = QVBoxLayout(card)
        col.addWidget(named(QLabel(self.tr("Welkom bij SPT Desktop")), "title"))
        col.addWidget(self.steps)
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.addStretch()
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(card, 2)
        row.addStretch()
        outer.addLayout(row)
        outer.addStretch(2)
        # At 200 % text the recovery key's step is taller than a 1366x768 screen: it
        # scrolls rather than growing the window past the screen.
        area = named(QScrollArea(), "wizardScroll")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setWidget(content)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(area)

    # --- step 1 ------------------------------------------------------------------

    def _create_step(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Uw gegevens staan versleuteld in een kluis op deze laptop. Kies een "
                "wachtwoordzin: een paar losse woorden zijn sterk en goed te onthouden."
            )
        )
        intro.setWordWrap(True)
        col.addWidget(intro)
        form = QFormLayout()
        self.name = named(QLineEdit(), "ownerName")
        self.email = named(QLineEdit(), "ownerEmail")
        self.spt = named(QComboBox(), "ownerSpt")
        for spt in Spt:
            self.spt.addItem(spt.label, spt)
        roles = QWidget()
        grid = QGridLayout(roles)
        grid.setContentsMargins(0, 0, 0, 0)
        self.roles: dict[Role, QCheckBox] = {}
        for i, role in enumerate((*COACH_ROLES, Role.COORDINATOR)):
            box = named(QCheckBox(role.label), f"role_{role.value}")
            self.roles[role] = box
            grid.addWidget(box, i // 2, i % 2)
        self.passphrase = named(QLineEdit(), "newVaultPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = named(QLineEdit(), "repeatVaultPassphrase")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = named(QProgressBar(), "strength")
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.meter_text = named(QLabel(wordWrap=True), "strengthText")
        self.passphrase.textChanged.connect(self._strength)
        form.addRow(self.tr("Uw naam"), self.name)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Servicepunt"), self.spt)
        form.addRow(self.tr("Uw rollen"), roles)
        form.addRow(self.tr("Wachtwoordzin"), self.passphrase)
        form.addRow("", self.meter)
        form.addRow("", self.meter_text)
        form.addRow(self.tr("Herhaal"), self.repeat)
        col.addLayout(form)
        self.error = named(QLabel(), "wizardError")
        self.error.setProperty("role", "field-error")
        self.error.setWordWrap(True)
        self.error.hide()
        col.addWidget(self.error)
        self.create_button = named(QPushButton(self.tr("Kluis maken")), "createVault")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._create)
        self.repeat.returnPressed.connect(self._create)
        col.addWidget(self.create_button)
        self._strength("")
        return page

    def _strength(self, text: str) -> None:
        s = passphrase_strength(text)
        self.meter.setValue(s.score)
        self.meter.setProperty("level", s.score)
        self.meter.style().polish(self.meter)
        self.meter_text.setText(strength_text(s) if text else self.tr("Nog niets ingevuld."))

    def _create(self) -> None:
        self.error.hide()
        if self.passphrase.text() != self.repeat.text():
            self._fail_text(self.tr("De twee wachtwoordzinnen zijn niet gelijk."))
            return
        owner = Owner(
            self.name.text(),
            self.email.text(),
            tuple(r for r, box in self.roles.items() if box.isChecked()),
            self.spt.currentData(),
        )
        secret = self.passphrase.text()
        self.create_button.setEnabled(False)
        self.ops.vault(lambda s: s.create(secret, owner)).success(self._created).failure(
            self._fail
        ).owned_by(self).run()

    def _fail(self, exc: BaseException) -> bool:
        self.create_button.setEnabled(True)
        worded = messages.field_texts(exc)
        if worded:
            names = {
                "name": self.tr("Naam"),
                "roles": self.tr("Rollen"),
                "passphrase": self.tr("Wachtwoordzin"),
            }
            self._fail_text("\n".join(f"{names.get(k, k)}: {v}" for k, v in worded.items()))
        else:
            self._fail_text(describe(exc))
        return True

    def _fail_text(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # --- step 2 ------------------------------------------------------------------

    def _key_step(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        text = QLabel(
            self.tr(
                "Dit is uw herstelsleutel. Bent u uw wachtwoordzin kwijt, dan opent alleen "
                "deze sleutel de kluis nog. Hij wordt maar één keer getoond: druk hem af of "
                "schrijf hem over en bewaar hem op een veilige plek, niet op deze laptop."
            )
        )
        text.setWordWrap(True)
        col.addWidget(text)
        self.key = named(QLabel(), "recoveryKeyShown")
        self.key.setProperty("role", "key")
        col.addWidget(self.key)
        print_button = named(QPushButton(self.tr("Afdrukken…")), "printKey")
        print_button.clicked.connect(self._print)
        col.addWidget(print_button)
        self.stored = named(
            QCheckBox(self.tr("Ik heb de herstelsleutel veilig bewaard")), "keyStored"
        )
        col.addWidget(self.stored)
        col.addWidget(self._link_box())
        self.done_button = named(QPushButton(self.tr("Beginnen")), "startWorking")
        self.done_button.setEnabled(False)
        self.stored.toggled.connect(self.done_button.setEnabled)
        self.done_button.clicked.connect(self._finish)
        col.addWidget(self.done_button)
        return page

    def _link_box(self) -> QGroupBox:
        """Optional: link the SPT server now (unchecked: work offline, link later)."""
        self.link = named(QGroupBox(self.tr("Nu koppelen met de SPT-server")), "linkNow")
        self.link.setCheckable(True)
        self.link.setChecked(False)
        form = QFormLayout(self.link)
        note = QLabel(
            self.tr(
                "Kan ook later bij Instellingen; zonder koppeling werkt u gewoon op deze laptop."
            )
        )
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        form.addRow(note)
        self.server_url = named(QLineEdit(), "wizardServer")
        self.server_url.setPlaceholderText("https://spt.example.nl")
        self.server_email = named(QLineEdit(), "wizardServerEmail")
        self.server_password = named(QLineEdit(), "wizardServerPassword")
        self.server_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.server_password.returnPressed.connect(lambda: self.done_button.click())
        form.addRow(self.tr("Serveradres"), self.server_url)
        form.addRow(self.tr("E-mail"), self.server_email)
        form.addRow(self.tr("Wachtwoord"), self.server_password)
        self.link_error = named(QLabel(), "wizardLinkError")
        self.link_error.setProperty("role", "field-error")
        self.link_error.setWordWrap(True)
        self.link_error.hide()
        form.addRow(self.link_error)
        return self.link

    def _created(self, recovery: str) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.key.setText(two_lines(recovery))
        self.steps.setCurrentIndex(1)

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec():
            self.print_key(printer)

    def print_key(self, printer: Any) -> None:
        """The recovery key on one sheet, straight to ``printer`` (no file of ours)."""
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(
            "<h2>" + self.tr("SPT Desktop — herstelsleutel") + "</h2>"
            "<p style='font-size:16pt;font-family:monospace'>"
            + self.key.text().replace("\n", "<br>")
            + "</p>"
            "<p>" + self.tr("Bewaar dit blad op een veilige plek.") + "</p>"
        )
        doc.print_(printer)

    def _finish(self) -> None:
        if not self.link.isChecked():
            self._done()
            return
        url, email = self.server_url.text(), self.server_email.text()
        password = self.server_password.text()
        self.link_error.hide()
        self.done_button.setEnabled(False)
        self.ops.vault(lambda s: s.login(url, email, password)).success(
            lambda _: self._done()
        ).failure(self._link_failed).owned_by(self).run()

    def _link_failed(self, exc: BaseException) -> bool:
        """Shown at the link fields; the vault exists already, so she may also uncheck
        the box and start offline."""
        self.done_button.setEnabled(self.stored.isChecked())
        errors = messages.field_texts(exc)
        self.link_error.setText("; ".join(errors.values()) if errors else describe(exc))
        self.link_error.show()
        return True

    def _done(self) -> None:
        self.server_password.clear()
        self.key.clear()  # shown once: not kept in memory longer than needed
        self.finished.emit()


def two_lines(key: str) -> str:
    """The recovery key in two lines of groups: on one line its end fell off the card.
    Unlocking ignores everything but letters and digits, so it reads back as typed."""
    groups = key.split("-")
    half = (len(groups) + 1) // 2
    return "-".join(groups[:half]) + "\n" + "-".join(groups[half:])
