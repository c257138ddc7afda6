"""Close a dossier with its outcome and closing date (issue 12 §3). The retention period
counts from that day; closing a candidate still in the journey as gestopt, verhuisd, ...
records the uitval with its leak."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from spt_common.enums import ClosingOutcome, DropoutReason
from spt_desktop.services import Services
from spt_desktop.services.dto import CandidateDTO
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.forms import Field, choices_of
from spt_desktop.ui.ops import Ops

FIELDS = (
    Field("closing_outcome", "Uitkomst", "choice", choices_of(ClosingOutcome), required=True),
    Field("closed_on", "Afgesloten op", "date", required=True),
    Field("reason", "Oorzaak (lek) bij uitval", "choice", choices_of(DropoutReason)),
    Field("explanation", "Toelichting", "text"),
)


class ClosureDialog(DraftDialog[CandidateDTO]):
    """Close the dossier: the outcome, the day, and for an uitval its leak."""

    ok_text = "Dossier afsluiten"

    def __init__(
        self,
        ops: Ops,
        candidate_id: str,
        candidate_name: str,
        on: date,
        in_journey: bool,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.form_id = f"closure:{candidate_id}"
        self.candidate_id = self.about = candidate_id
        intro = self.tr("De bewaartermijn van het dossier gaat in op de afsluitdatum.")
        if in_journey:
            intro += " " + self.tr(
                "Sluit u af als gestopt, verhuisd, terugverwezen of anders, dan is dat "
                "uitval: kies dan ook het lek."
            )
        super().__init__(
            ops,
            self.tr("Dossier afsluiten — {0}").format(candidate_name),
            FIELDS,
            draft,
            intro=intro,
            parent=parent,
        )
        self.setObjectName("closureDialog")
        if draft is None:
            self.form.set_values({"closed_on": on})
        self.form.editors["closing_outcome"].setFocus()

    def save(self, svc: Services, values: dict[str, Any]) -> CandidateDTO:
        return svc.journey.close(
            self.candidate_id,
            values["closing_outcome"],
            values["closed_on"],
            values["reason"] or None,
            values["explanation"],
        )
