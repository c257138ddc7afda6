"""Aanmelding: the referral a candidate came in with (who referred her, when, with what
question) and the terugkoppeling letters sent to the referrer, with the button that makes
the next one (issue 16). A letter is only made with her consent to share with referrers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from spt_common.enums import ConsentPurpose
from spt_desktop.services.dto import Dossier
from spt_desktop.services.referrals import ReferralDTO, ReferralLetterDTO
from spt_desktop.ui.elide import FullTextItem
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops


class ReferralTab(QWidget):
    """The dossier's Aanmelding tab."""

    make_letter = Signal()  # the page opens the letter dialog
    loaded = Signal()

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.candidate_id: str | None = None
        self.referral: ReferralDTO | None = None
        self.letters: list[ReferralLetterDTO] = []
        self.about = named(QLabel(), "referralAbout")
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.consent = named(QLabel(), "referralConsent")
        self.consent.setWordWrap(True)
        self.table = named(QTableWidget(0, 3), "referralLetters")
        self.table.setAccessibleName(self.tr("Verstuurde terugkoppelingen"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Moment"), self.tr("Verstuurd op"), self.tr("Aan")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.letter_button = named(
            QPushButton(self.tr("Terugkoppeling aan de verwijzer…")), "referralLetterNew"
        )
        self.letter_button.clicked.connect(self.make_letter)
        heading = named(QLabel(self.tr("Terugkoppelingen aan de verwijzer")), "sectionTitle")
        buttons = QHBoxLayout()
        buttons.addWidget(self.letter_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.consent)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def show_dossier(self, d: Dossier) -> None:
        self.candidate_id = cid = d.candidate.id
        shared = d.candidate.has_consent(ConsentPurpose.SHARE_REFERRER_FUNDER)
        self.consent.setText(
            self.tr("Toestemming om met de verwijzer te delen: ja.")
            if shared
            else self.tr(
                "Geen toestemming om met de verwijzer te delen: er kan geen terugkoppeling "
                "worden gemaakt."
            )
        )
        self.ops.read(
            lambda svc: (svc.referrals.for_candidate(cid), svc.referrals.letters(cid))
        ).success(self._show).owned_by(self).run()

    def _show(self, found: tuple[ReferralDTO | None, list[ReferralLetterDTO]]) -> None:
        ref, letters = found
        if letters and letters[0].candidate_id != self.candidate_id:
            return
        self.referral, self.letters = ref, letters
        if ref is None:
            self.about.setText(
                self.tr("Geen aanmelding vastgelegd: de kandidaat kwam binnen zonder "
                        "warme overdracht.")
            )  # fmt: skip
        else:
            parts = [
                self.tr("Aangemeld door {0} op {1}.").format(
                    ref.referrer, ref.referred_on.strftime("%d-%m-%Y")
                ),
                self.tr("Verwijzer: {0}.").format(
                    ", ".join(x for x in (ref.referrer_person, ref.referrer_contact) if x) or "—"
                ),
                self.tr("Status van de aanmelding: {0}.").format(ref.status.label),
            ]
            if ref.question:  # an accepted one keeps none: it is in the first note
                parts.insert(2, self.tr("Vraag: {0}").format(ref.question))
            self.about.setText("\n".join(parts))
        self.table.setRowCount(len(letters))
        for r, letter in enumerate(letters):
            cells = [letter.moment.label, letter.sent_on.strftime("%d-%m-%Y"), letter.recipient]
            for c, text in enumerate(cells):
                item = FullTextItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.loaded.emit()

    def reopen(self, form_id: str, values: dict[str, Any]) -> bool:
        return False
