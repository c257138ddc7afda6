"""Registering a candidate: the profile's required fields and consent (AVG)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from spt_common.enums import BenefitStatus, ConsentPurpose, Persona, ReferralSource
from spt_desktop.services import Services
from spt_desktop.services.dto import CandidateDTO
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.forms import QT_TRANSLATE_NOOP, Field, choices_of
from spt_desktop.ui.ops import Ops

# Who she is: the new-candidate form and the dossier's profile ask the same.
PERSON = (
    Field("first_name", QT_TRANSLATE_NOOP("Field", "Voornaam"), required=True),
    Field("last_name", QT_TRANSLATE_NOOP("Field", "Achternaam"), required=True),
    Field("birth_date", QT_TRANSLATE_NOOP("Field", "Geboortedatum"), "date"),
    Field("email", QT_TRANSLATE_NOOP("Field", "E-mail")),
    Field("phone", QT_TRANSLATE_NOOP("Field", "Telefoon")),
    Field("municipality", QT_TRANSLATE_NOOP("Field", "Gemeente"), required=True),
    Field(
        "referral_source",
        QT_TRANSLATE_NOOP("Field", "Verwezen door"),
        "choice",
        choices_of(ReferralSource),
        required=True,
    ),
    Field(
        "persona",
        QT_TRANSLATE_NOOP("Field", "Persona"),
        "choice",
        choices_of(Persona),
        required=True,
    ),
    Field(
        "benefit_status",
        QT_TRANSLATE_NOOP("Field", "Uitkering"),
        "choice",
        choices_of(BenefitStatus),
        required=True,
    ),
)

FIELDS = (
    *PERSON,
    Field(
        "consent",
        QT_TRANSLATE_NOOP("Field", "Toestemming registratie en begeleiding (AVG)"),
        "check",
        required=True,
    ),
    Field(
        "share_employer",
        QT_TRANSLATE_NOOP("Field", "Delen met werkgever (bezoekverslagen)"),
        "check",
    ),
    Field(
        "share_referrer_funder",
        QT_TRANSLATE_NOOP(
            "Field", "Delen met verwijzer en financier (UWV, gemeente, werkcentrum, fonds)"
        ),
        "check",
    ),
    Field("share_training_provider", QT_TRANSLATE_NOOP("Field", "Delen met opleider"), "check"),
    Field("aanbodkrant", QT_TRANSLATE_NOOP("Field", "Geanonimiseerd in de aanbodkrant"), "check"),
)
CONSENTS = {
    "consent": ConsentPurpose.PROCESSING,
    "share_employer": ConsentPurpose.SHARE_EMPLOYER,
    "share_referrer_funder": ConsentPurpose.SHARE_REFERRER_FUNDER,
    "share_training_provider": ConsentPurpose.SHARE_TRAINING_PROVIDER,
    "aanbodkrant": ConsentPurpose.AANBODKRANT,
}


class CandidateDialog(DraftDialog[CandidateDTO]):
    form_id = "register"
    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Inschrijven")

    def __init__(
        self, ops: Ops, draft: dict[str, Any] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ops,
            self.tr("Nieuwe kandidaat inschrijven"),
            FIELDS,
            draft,
            intro=self.tr("Leg geen BSN vast: het SPT heeft daar geen grondslag voor."),
            parent=parent,
        )
        self.setObjectName("candidateDialog")

    def done_text(self) -> str:
        return self.tr("Kandidaat ingeschreven.")

    def save(self, svc: Services, values: dict[str, Any]) -> CandidateDTO:
        consents = {purpose: bool(values.pop(name)) for name, purpose in CONSENTS.items()}
        return svc.candidates.register(values, consents)
