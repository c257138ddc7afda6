"""Plan an orientation or matching activity (Techcourt, Techniektuin, Beroepentuin,
BTO/VTO, online oriëntatie, meet & match, matchtafel, speeddate, bedrijfsbezoek,
banenmarkt), change it, or record how it went."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from spt_common.enums import ActivityKind, ActivityOutcome
from spt_desktop.services import Services
from spt_desktop.services.dto import ActivityDTO
from spt_desktop.ui.dialogs.dossier_form import DossierDialog
from spt_desktop.ui.forms import Field, choices_of
from spt_desktop.ui.ops import Ops

FIELDS = (
    Field("kind", "Activiteit", "choice", choices_of(ActivityKind), required=True),
    Field("held_on", "Datum", "date", required=True),
    Field("location", "Locatie", placeholder="bijv. Techcourt Hoorn"),
    Field("outcome", "Uitkomst", "choice", choices_of(ActivityOutcome), required=True),
    Field("notes", "Hoe ging het / notities", "text"),
)
NAMES = tuple(f.name for f in FIELDS)


class ActivityDialog(DossierDialog[ActivityDTO]):
    """New (``activity`` None): planned. Existing: edit it; ``outcome=True`` opens it to
    record how it went, with the focus on the outcome."""

    def __init__(
        self,
        ops: Ops,
        candidate_id: str,
        candidate_name: str,
        activity: ActivityDTO | None = None,
        draft: dict[str, Any] | None = None,
        outcome: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        self.candidate_id = self.about = candidate_id
        self.activity_id = activity.id if activity else None
        self.form_id = (
            f"activity:{activity.id}:{candidate_id}" if activity else f"activity:{candidate_id}"
        )
        if activity is None:
            title = self.tr("Activiteit plannen — {0}")
            self.ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Plannen")
        elif outcome:
            title = self.tr("Uitkomst vastleggen — {0}")
        else:
            title = self.tr("Activiteit wijzigen — {0}")
        super().__init__(
            ops,
            title.format(candidate_name),
            FIELDS,
            draft,
            intro=self.tr(
                "Oriëntatie (Techcourt, Techniektuin, Beroepentuin, BTO/VTO) of "
                "werkgeversactiviteit (meet & match, matchtafel, speeddate, banenmarkt). "
                "De uitkomst legt u vast als de activiteit geweest is."
            ),
            parent=parent,
        )
        self.setObjectName("activityDialog")
        self.ok_says(self.tr("Plannen") if activity is None else self.tr("Opslaan"))
        if draft is None:
            if activity is not None:
                self.form.set_values(self.values_of(activity, NAMES))
            else:
                self.form.set_values({"outcome": ActivityOutcome.PLANNED.value})
        focus = "outcome" if outcome else "kind"
        self.focus_end(focus)

    def save(self, svc: Services, values: dict[str, Any]) -> ActivityDTO:
        if self.activity_id is None:
            return svc.activities.add(self.candidate_id, values)
        return svc.activities.update(self.activity_id, values)
