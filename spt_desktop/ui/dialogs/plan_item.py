"""Correct a goal or an action of the plan of approach. On an agreed plan the change
goes into the next draft version (services/plans.py); the agreed one stays."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from spt_desktop.services import Services
from spt_desktop.services.dto import ActionDTO, GoalDTO
from spt_desktop.ui.dialogs.dossier_form import DossierDialog
from spt_desktop.ui.forms import Field
from spt_desktop.ui.ops import Ops

GOAL_FIELDS = (Field("description", "Doel", "text", required=True),)
ACTION_FIELDS = (
    Field("description", "Actie", "text", required=True),
    Field("owner", "Wie", required=True),
    Field("due_on", "Uiterlijk", "date"),
)


def agreed_note() -> str:
    """Said above the form when the plan in view is agreed."""
    return QCoreApplication.translate(
        "PlanItem",
        "Dit plan is afgesproken: uw wijziging komt in een nieuwe conceptversie, die u "
        "daarna opnieuw afspreekt. De afgesproken versie blijft bewaard.",
    )


class GoalDialog(DossierDialog[GoalDTO]):
    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Doel opslaan")

    def __init__(
        self,
        ops: Ops,
        candidate_id: str,
        goal: GoalDTO,
        agreed: bool,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.goal_id = goal.id
        self.form_id = f"goal:{goal.id}:{candidate_id}"
        self.about = candidate_id
        super().__init__(
            ops,
            self.tr("Doel wijzigen"),
            GOAL_FIELDS,
            draft,
            intro=agreed_note() if agreed else "",
            parent=parent,
        )
        self.setObjectName("goalDialog")
        self.ok_says(self.tr("Doel opslaan"))
        if draft is None:
            self.form.set_values({"description": goal.description})
        self.focus_end("description")

    def save(self, svc: Services, values: dict[str, Any]) -> GoalDTO:
        return svc.plans.update_goal(self.goal_id, values["description"])


class ActionDialog(DossierDialog[ActionDTO]):
    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Actie opslaan")

    def __init__(
        self,
        ops: Ops,
        candidate_id: str,
        action: ActionDTO,
        agreed: bool,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.action_id = action.id
        self.form_id = f"action:{action.id}:{candidate_id}"
        self.about = candidate_id
        super().__init__(
            ops,
            self.tr("Actie wijzigen"),
            ACTION_FIELDS,
            draft,
            intro=agreed_note() if agreed else "",
            parent=parent,
        )
        self.setObjectName("actionDialog")
        self.ok_says(self.tr("Actie opslaan"))
        if draft is None:
            self.form.set_values(
                {"description": action.description, "owner": action.owner, "due_on": action.due_on}
            )
        self.focus_end("description")

    def save(self, svc: Services, values: dict[str, Any]) -> ActionDTO:
        return svc.plans.update_action(
            self.action_id, values["description"], values["owner"], values["due_on"]
        )
