"""Uitval and reactivation, from the dossier (issue 12 §3): the phase the candidate left
in and the leak (every leak the whitepaper names); back into any phase, with a reason."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from spt_common.enums import DropoutReason, Phase
from spt_desktop.services import Services
from spt_desktop.services.dto import DropoutDTO, JourneyEventDTO
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.forms import Field, choices_of
from spt_desktop.ui.ops import Ops

DROPOUT_FIELDS = (
    Field("phase", "In de fase", "choice", choices_of(Phase), required=True),
    Field("reason", "Oorzaak (lek)", "choice", choices_of(DropoutReason), required=True),
    Field("occurred_on", "Datum", "date", required=True),
    Field("explanation", "Toelichting", "text"),
)
REACTIVATE_FIELDS = (
    Field("phase", "Verder in de fase", "choice", choices_of(Phase), required=True),
    Field("reason", "Waarom opnieuw", "text", required=True),
)


class DropoutDialog(DraftDialog[DropoutDTO]):
    """Register an uitval: the phase, the leak, the day and what happened."""

    ok_text = "Uitval registreren"

    def __init__(
        self,
        ops: Ops,
        candidate_id: str,
        candidate_name: str,
        phase: Phase,
        on: date,
        draft: dict[str, Any] | None = None,
        intro: str = "",
        parent: QWidget | None = None,
    ) -> None:
        self.form_id = f"dropout:{candidate_id}"
        self.candidate_id = self.about = candidate_id
        super().__init__(
            ops,
            self.tr("Uitval registreren — {0}").format(candidate_name),
            DROPOUT_FIELDS,
            draft,
            intro=intro
            or self.tr("In welke fase haakte de kandidaat af, en door welk lek in de pijplijn?"),
            parent=parent,
        )
        self.setObjectName("dropoutDialog")
        if draft is None:
            self.form.set_values({"phase": phase.value, "occurred_on": on})
        self.form.editors["reason"].setFocus()

    def save(self, svc: Services, values: dict[str, Any]) -> DropoutDTO:
        return svc.journey.drop_out(
            self.candidate_id,
            values["reason"],
            values["explanation"],
            values["occurred_on"],
            values["phase"],
        )


class ReactivateDialog(DraftDialog[JourneyEventDTO]):
    """Take a dropped-out (or closed) candidate back into the journey, in any phase."""

    ok_text = "Opnieuw activeren"

    def __init__(
        self,
        ops: Ops,
        candidate_id: str,
        candidate_name: str,
        phase: Phase,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.form_id = f"reactivate:{candidate_id}"
        self.candidate_id = self.about = candidate_id
        super().__init__(
            ops,
            self.tr("Opnieuw activeren — {0}").format(candidate_name),
            REACTIVATE_FIELDS,
            draft,
            intro=self.tr(
                "De kandidaat doet weer mee. De kandidaatreis krijgt een stap met de reden."
            ),
            parent=parent,
        )
        self.setObjectName("reactivateDialog")
        if draft is None:
            self.form.set_values({"phase": phase.value})
        self.form.editors["phase"].setFocus()

    def save(self, svc: Services, values: dict[str, Any]) -> JourneyEventDTO:
        return svc.journey.reactivate(self.candidate_id, values["reason"], values["phase"])
