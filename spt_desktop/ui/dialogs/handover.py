"""Warm handover: choose the colleague and her role, write the summary she starts from."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from spt_common.enums import Role
from spt_desktop.services import Services
from spt_desktop.services.dto import HandoverDTO, HandoverTarget
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.forms import Field
from spt_desktop.ui.ops import Ops


class HandoverDialog(DraftDialog[HandoverDTO]):
    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Overdragen")

    def __init__(
        self,
        ops: Ops,
        candidate_id: str,
        candidate_name: str,
        targets: list[HandoverTarget],
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.form_id = f"handover:{candidate_id}"
        self.candidate_id = self.about = candidate_id
        # One choice of colleague and role together: only pairs that can be chosen,
        # the likeliest first (services/handovers.py ``targets``).
        pairs = tuple(
            (_key(t.coach_id, t.role), f"{t.coach_name} — {t.role.label}") for t in targets
        )
        fields = (
            Field("to", "Aan collega, in de rol van", "choice", pairs, required=True),
            Field("summary", "Samenvatting", "text", required=True),
        )
        if draft and "to_coach_id" in draft:  # a draft kept by an earlier version
            draft = {"to": _key(draft["to_coach_id"], draft.get("to_role", ""))} | draft
        super().__init__(
            ops,
            self.tr("Warme overdracht — {0}").format(candidate_name),
            fields,
            draft,
            intro=self.tr(
                "De collega accepteert de overdracht op haar eigen apparaat; tot dan blijft u "
                "de coach."
            ),
            parent=parent,
        )
        self.setObjectName("handoverDialog")

    def done_text(self) -> str:
        return self.tr("Overdracht klaargezet; uw collega accepteert die op haar eigen apparaat.")

    def save(self, svc: Services, values: dict[str, Any]) -> HandoverDTO:
        coach_id, _, role = (values["to"] or "").partition("|")
        if not coach_id or not role:
            from spt_desktop.errors import FieldError, Problem
            from spt_desktop.services.errors import ValidationError

            raise ValidationError({"to": FieldError(Problem.CHOOSE_A_COLLEAGUE)})
        return svc.handovers.start(self.candidate_id, coach_id, Role(role), values["summary"])


def _key(coach_id: str, role: str) -> str:
    return f"{coach_id}|{role}"
