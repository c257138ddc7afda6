"""Aanmeldingen: the referrals given to this coach (issue 16) — who referred whom, with
what question and what is already known. She accepts one into a candidate (the form
filled from it), plans its intake, or says it did not start; she can record one herself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from spt_desktop.services.changes import Changes
from spt_desktop.services.referrals import ReferralDTO
from spt_desktop.ui.elide import FullTextItem
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops


def _day(d: Any) -> str:
    return d.strftime("%d-%m-%Y") if d else "—"


class ReferralsPage(QWidget):
    """The coach's open referrals, oldest first; the selected one in full below."""

    accept_referral = Signal(str)  # referral id: the workspace opens the filled form
    plan_intake = Signal(str, str)  # referral id, name
    not_started = Signal(str, str)
    new_referral = Signal()
    loaded = Signal()  # the list was read (tests wait on it)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.referrals: list[ReferralDTO] = []
        self.title = named(QLabel(self.tr("Aanmeldingen")), "pageTitle")
        self.summary = named(QLabel(), "referralsSummary")
        self.summary.setProperty("role", "muted")
        self.table = named(QTableWidget(0, 5), "referralsTable")
        self.table.setAccessibleName(self.tr("Aanmeldingen die op u wachten"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Naam"), self.tr("Verwezen door"), self.tr("Aangemeld op"),
             self.tr("Status"), self.tr("Intake")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemActivated.connect(lambda _i: self._accept())
        self.details = named(QPlainTextEdit(), "referralDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("De gekozen aanmelding"))
        self.details.setMaximumHeight(180)
        self.details.setPlaceholderText(self.tr("Kies een aanmelding om alles te lezen."))
        self.accept_button = named(
            QPushButton(self.tr("Accepteren en inschrijven…")), "referralAccept"
        )
        self.accept_button.setToolTip(self.tr("Enter"))
        self.intake_button = named(QPushButton(self.tr("Intake plannen…")), "referralIntake")
        self.not_started_button = named(QPushButton(self.tr("Niet gestart…")), "referralNotStarted")
        self.new_button = named(QPushButton(self.tr("Nieuwe aanmelding…")), "referralNew")
        self.accept_button.clicked.connect(self._accept)
        self.intake_button.clicked.connect(lambda: self._emit(self.plan_intake))
        self.not_started_button.clicked.connect(lambda: self._emit(self.not_started))
        self.new_button.clicked.connect(self.new_referral)
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.intake_button, self.not_started_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self._selected()
        ops.changed.connect(self._on_changed)

    def refresh(self) -> None:
        self.ops.read(lambda svc: svc.referrals.waiting()).success(self._show).owned_by(self).run()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.handovers or changes.candidates or changes.sync:
            self.refresh()

    def _show(self, referrals: list[ReferralDTO]) -> None:
        keep = self.current()
        self.referrals = referrals
        self.table.setRowCount(len(referrals))
        for r, ref in enumerate(referrals):
            cells = [ref.full_name, ref.referrer, _day(ref.referred_on), ref.status.label,
                     _day(ref.intake_on)]  # fmt: skip
            for c, text in enumerate(cells):
                item = FullTextItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.summary.setText(
            self.tr("Geen aanmeldingen die op u wachten.") if not referrals
            else self.tr("{0} aanmeldingen wachten op u. Enter: accepteren en de kandidaat "
                         "inschrijven met wat al bekend is.").format(len(referrals))
        )  # fmt: skip
        row = next((i for i, x in enumerate(referrals) if keep and x.id == keep.id), 0)
        if referrals:
            self.table.selectRow(row)
        self._selected()
        self.loaded.emit()

    def current(self) -> ReferralDTO | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.referrals):
            return None
        return self.referrals[rows[0].row()]

    def _selected(self) -> None:
        ref = self.current()
        for b in (self.accept_button, self.intake_button, self.not_started_button):
            b.setEnabled(ref is not None)
        if ref is None:
            self.details.clear()
            return
        lines = [
            self.tr("Verwezen door: {0}").format(ref.referrer),
            self.tr("Verwijzer: {0}").format(
                ", ".join(x for x in (ref.referrer_person, ref.referrer_contact) if x) or "—"
            ),
            self.tr("Contact kandidaat: {0}").format(
                ", ".join(x for x in (ref.email, ref.phone, ref.municipality) if x) or "—"
            ),
            self.tr("Vraag: {0}").format(ref.question or "—"),
            self.tr("Al bekend: {0}").format(ref.known or "—"),
            self.tr("Terugkoppeling aan de verwijzer: {0}").format(
                self.tr("ja") if ref.consent_report_back else self.tr("nee")
            ),
        ]
        self.details.setPlainText("\n".join(lines))

    def _accept(self) -> None:
        ref = self.current()
        if ref is not None:
            self.accept_referral.emit(ref.id)

    def _emit(self, signal: Any) -> None:
        ref = self.current()
        if ref is not None:
            signal.emit(ref.id, ref.full_name)
