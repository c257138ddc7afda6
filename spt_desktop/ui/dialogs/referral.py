"""Referrals (aanmeldingen, issue 16): recording one, taking it up into a candidate with
the form filled from it, planning its intake, saying it did not start, and the
terugkoppeling to the referrer."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from spt_common.enums import LetterMoment, ReferralNotStarted, ReferralSource, Role
from spt_desktop.services import Services
from spt_desktop.services.dto import CandidateDTO
from spt_desktop.services.referrals import ReferralDTO, ReferralLetterData
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.dialogs.candidate import CONSENTS, CandidateDialog
from spt_desktop.ui.forms import QT_TRANSLATE_NOOP, Field, choices_of
from spt_desktop.ui.ops import Ops

REFERRAL_FIELDS = (
    Field(
        "referrer_kind",
        QT_TRANSLATE_NOOP("Field", "Verwezen door"),
        "choice",
        choices_of(ReferralSource),
        required=True,
    ),
    Field("referrer_region", QT_TRANSLATE_NOOP("Field", "Regio (werkcentrum)")),
    Field("campaign", QT_TRANSLATE_NOOP("Field", "Campagne")),
    Field("referrer_organisation", QT_TRANSLATE_NOOP("Field", "Organisatie van de verwijzer")),
    Field("referrer_person", QT_TRANSLATE_NOOP("Field", "Verwijzer (persoon)")),
    Field(
        "referrer_contact",
        QT_TRANSLATE_NOOP("Field", "Contact van de verwijzer"),
        placeholder=QT_TRANSLATE_NOOP("Field", "e-mail of telefoon"),
    ),
    Field("referred_on", QT_TRANSLATE_NOOP("Field", "Aangemeld op"), "date"),
    Field("first_name", QT_TRANSLATE_NOOP("Field", "Voornaam"), required=True),
    Field("last_name", QT_TRANSLATE_NOOP("Field", "Achternaam"), required=True),
    Field("email", QT_TRANSLATE_NOOP("Field", "E-mail")),
    Field("phone", QT_TRANSLATE_NOOP("Field", "Telefoon")),
    Field("municipality", QT_TRANSLATE_NOOP("Field", "Gemeente")),
    Field("question", QT_TRANSLATE_NOOP("Field", "Vraag"), "text"),
    Field("known", QT_TRANSLATE_NOOP("Field", "Wat al bekend is"), "text"),
    Field(
        "consent_spt",
        QT_TRANSLATE_NOOP("Field", "Toestemming om gegevens met het SPT te delen"),
        "check",
        required=True,
    ),
    Field(
        "consent_report_back",
        QT_TRANSLATE_NOOP("Field", "Toestemming voor terugkoppeling aan de verwijzer"),
        "check",
    ),
)


class ReferralDialog(DraftDialog[ReferralDTO]):
    """A referral recorded by hand: a loopbaancoach's is hers at once; the loket's and
    the coordinator's wait for a coach in Toewijzen."""

    form_id = "referral"
    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Vastleggen")

    def __init__(
        self, ops: Ops, draft: dict[str, Any] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ops,
            self.tr("Nieuwe aanmelding"),
            REFERRAL_FIELDS,
            draft,
            intro=self.tr("Leg geen BSN vast: het SPT heeft daar geen grondslag voor."),
            parent=parent,
        )
        self.setObjectName("referralDialog")

    def done_text(self) -> str:
        return self.tr("Aanmelding vastgelegd.")

    def save(self, svc: Services, values: dict[str, Any]) -> ReferralDTO:
        # A loopbaancoach takes up what she records; the loket's and the coordinator's
        # wait in Toewijzen for a coach.
        mine = Role.LOOPBAANCOACH in svc.coaches.me().role_list
        return svc.referrals.record({**values, "coach_id": svc.actor_id if mine else None})


class AcceptReferralDialog(CandidateDialog):
    """The candidate form, filled from the referral: she checks it, adds persona and
    uitkering, and registers; the referral keeps the link."""

    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Inschrijven")

    def __init__(
        self,
        ops: Ops,
        referral_id: str,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.referral_id = referral_id
        self.form_id = f"accept_referral:{referral_id}"
        super().__init__(ops, draft, parent)
        self.setWindowTitle(self.tr("Aanmelding accepteren: kandidaat inschrijven"))
        self.setObjectName("acceptReferralDialog")

    def done_text(self) -> str:
        return self.tr("Aanmelding geaccepteerd: kandidaat ingeschreven.")

    def save(self, svc: Services, values: dict[str, Any]) -> CandidateDTO:
        consents = {purpose: bool(values.pop(name)) for name, purpose in CONSENTS.items()}
        return svc.referrals.accept(self.referral_id, values, consents)


class ReferralStepDialog(DraftDialog[ReferralDTO]):
    """One step on a referral that asks one thing (the intake's date, why it did not
    start): its form is ``field`` alone, its draft is kept per referral under
    ``{form_prefix}:{referral_id}``, and saving hands the value to ``step``."""

    form_prefix = ""
    field: Field
    object_name = ""

    def __init__(
        self,
        ops: Ops,
        referral_id: str,
        name: str,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.referral_id = referral_id
        self.form_id = f"{self.form_prefix}:{referral_id}"
        super().__init__(ops, self.title(name), (self.field,), draft, parent=parent)
        self.setObjectName(self.object_name)

    def title(self, name: str) -> str:
        """The window's title for the referral of ``name``."""
        raise NotImplementedError

    def step(self, svc: Services, value: Any) -> ReferralDTO:
        """Record ``value`` (the field's) on the referral."""
        raise NotImplementedError

    def save(self, svc: Services, values: dict[str, Any]) -> ReferralDTO:
        return self.step(svc, values[self.field.name])


class PlanIntakeDialog(ReferralStepDialog):
    """The intake's date for a referral taken up."""

    form_prefix = "referral_intake"
    object_name = "planIntakeDialog"
    field = Field(
        "intake_on", QT_TRANSLATE_NOOP("Field", "Datum van de intake"), "date", required=True
    )

    def title(self, name: str) -> str:
        return self.tr("Intake plannen: {0}").format(name)

    def step(self, svc: Services, value: Any) -> ReferralDTO:
        return svc.referrals.plan_intake(self.referral_id, value)


class NotStartedDialog(ReferralStepDialog):
    """Why a referral did not start."""

    form_prefix = "referral_not_started"
    object_name = "notStartedDialog"
    field = Field(
        "not_started_reason",
        QT_TRANSLATE_NOOP("Field", "Reden"),
        "choice",
        choices_of(ReferralNotStarted),
        required=True,
    )

    def title(self, name: str) -> str:
        return self.tr("Niet gestart: {0}").format(name)

    def step(self, svc: Services, value: Any) -> ReferralDTO:
        return svc.referrals.not_started(self.referral_id, value)


class ReferralLetterDialog(DraftDialog[ReferralLetterData]):
    """Terugkoppeling: pick the moment; saving keeps that it was sent and hands the
    letter to be saved as PDF (refused, with nothing kept, without consent)."""

    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Maken en opslaan als PDF…")

    def __init__(
        self,
        ops: Ops,
        candidate_id: str,
        name: str,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.candidate_id = candidate_id
        self.form_id = f"referral_letter:{candidate_id}"
        self.about = candidate_id  # her draft: purged and exported with her
        super().__init__(
            ops,
            self.tr("Terugkoppeling aan de verwijzer: {0}").format(name),
            (
                Field(
                    "moment",
                    QT_TRANSLATE_NOOP("Field", "Moment"),
                    "choice",
                    choices_of(LetterMoment),
                    required=True,
                ),
            ),
            draft,
            intro=self.tr(
                "Alleen met toestemming van de kandidaat om met de verwijzer te delen. De "
                "brief noemt de stap en de datum, geen notities of redenen."
            ),
            parent=parent,
        )
        self.setObjectName("referralLetterDialog")

    def done_text(self) -> str:
        return self.tr("Terugkoppeling vastgelegd.")

    def save(self, svc: Services, values: dict[str, Any]) -> ReferralLetterData:
        return svc.referrals.send_letter(self.candidate_id, values["moment"])
