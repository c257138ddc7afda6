"""A training (scholing): provider and programme, rijksbekostigd or not, dates,
certificate, and how it is paid. Money from an opleidingsfonds is only for someone in
work (whitepaper): the service refuses it otherwise, and the form says so at the field."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from spt_common.enums import FundingKind, TrainingFund, TrainingStatus
from spt_desktop.services import Services
from spt_desktop.services.dto import TrainingDTO
from spt_desktop.ui.dialogs.dossier_form import DossierDialog
from spt_desktop.ui.forms import Field, choices_of
from spt_desktop.ui.ops import Ops

FIELDS = (
    Field("provider", "Opleider", required=True, placeholder="bijv. ROC Nova, Installatiewerk"),
    Field("programme", "Opleiding", required=True, placeholder="bijv. Monteur W (BBL niveau 2)"),
    Field("publicly_funded", "Rijksbekostigd (mbo)", "check"),
    Field("certifiable", "Certificeerbare eenheden", "check"),
    Field("status", "Stand", "choice", choices_of(TrainingStatus), required=True),
    Field("starts_on", "Begint op", "date"),
    Field("ends_on", "Eindigt op", "date"),
    Field("funding", "Financiering", "choice", choices_of(FundingKind), required=True),
    Field("fund", "Opleidingsfonds", "choice", choices_of(TrainingFund)),
    Field("certificate", "Behaald certificaat of diploma"),
)
NAMES = tuple(f.name for f in FIELDS)


class TrainingDialog(DossierDialog[TrainingDTO]):
    """New (``training`` None) or edit an existing training."""

    def __init__(
        self,
        ops: Ops,
        candidate_id: str,
        candidate_name: str,
        training: TrainingDTO | None = None,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.candidate_id = self.about = candidate_id
        self.training_id = training.id if training else None
        self.form_id = (
            f"training:{training.id}:{candidate_id}" if training else f"training:{candidate_id}"
        )
        title = (
            self.tr("Scholing toevoegen — {0}")
            if training is None
            else self.tr("Scholing wijzigen — {0}")
        )
        super().__init__(
            ops,
            title.format(candidate_name),
            FIELDS,
            draft,
            intro=self.tr(
                "Een opleidingsfonds (Wij Techniek, OOM, A+O Metalektro) betaalt alleen "
                "voor wie werkt: kies het pas als de kandidaat geplaatst is."
            ),
            parent=parent,
        )
        self.setObjectName("trainingDialog")
        self.ok_says(self.tr("Opslaan"))
        self.setMinimumWidth(620)
        self.form.editors["certifiable"].setToolTip(
            self.tr("Levert een erkend certificaat of certificeerbare eenheden op")
        )
        if draft is None:
            if training is not None:
                self.form.set_values(self.values_of(training, NAMES))
            else:
                self.form.set_values(
                    {"status": TrainingStatus.PLANNED.value, "funding": FundingKind.NONE.value}
                )
        self.form.editors["provider"].setFocus()

    def save(self, svc: Services, values: dict[str, Any]) -> TrainingDTO:
        values = {**values, "fund": values.get("fund") or None}
        if self.training_id is None:
            return svc.training.add(self.candidate_id, values)
        return svc.training.update(self.training_id, values)
