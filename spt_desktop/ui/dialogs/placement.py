"""Place a candidate through a match: start date, contract kind (BBL, leerwerkbaan,
regulier, proefplaatsing), hours and the employer's opleidingsfonds. The service
schedules the retention checkpoints at 1, 3, 6 and 12 months and moves the journey to
'Begeleiding en behoud'."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from spt_common.enums import ContractKind, MatchStatus, TrainingFund
from spt_desktop.services import Services
from spt_desktop.services.dto import MatchDTO, PlacementDTO
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.forms import Field, choices_of
from spt_desktop.ui.ops import Ops

FIELDS = (
    Field("job_title", "Functie", required=True),
    Field("contract", "Soort contract", "choice", choices_of(ContractKind), required=True),
    Field("starts_on", "Startdatum", "date", required=True),
    Field("hours_per_week", "Uren per week", "number", low=1, high=60),
    Field("fund", "Opleidingsfonds van de werkgever", "choice", choices_of(TrainingFund)),
)


class PlacementDialog(DraftDialog[PlacementDTO]):
    """Place the candidate of ``match``; ``defaults`` fill the form (the vacancy's title
    and hours, the employer's fund) unless a draft is given."""

    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Plaatsen")

    def __init__(
        self,
        ops: Ops,
        match: MatchDTO,
        title: str,
        defaults: dict[str, Any] | None = None,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.form_id = f"placement:{match.id}:{match.candidate_id}"
        self.about = match.candidate_id
        self.match = match
        super().__init__(
            ops,
            self.tr("Plaatsen — {0}").format(title),
            FIELDS,
            None,
            intro=self.tr(
                "Na het plaatsen staan de behoudmomenten na 1, 3, 6 en 12 maanden klaar en "
                "gaat de kandidaat naar de fase 'Begeleiding en behoud'."
            ),
            parent=parent,
        )
        self.setObjectName("placementDialog")
        start = dict(defaults or {})
        if match.status == MatchStatus.TRIAL:
            start.setdefault("contract", ContractKind.TRIAL.value)
        self.form.set_values({**start, **(draft or {})})
        self.form.editors["starts_on"].setFocus()

    def save(self, svc: Services, values: dict[str, Any]) -> PlacementDTO:
        return svc.matching.place(self.match.id, values)


__all__ = ["PlacementDialog"]
