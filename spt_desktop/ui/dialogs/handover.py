"""Warm handover: choose the colleague and her role, write the summary she starts from."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from spt_common.enums import COACH_ROLES
from spt_desktop.services import Services
from spt_desktop.services.dto import CoachDTO, HandoverDTO
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.forms import Field, choices_of
from spt_desktop.ui.ops import Ops


class HandoverDialog(DraftDialog[HandoverDTO]):
    ok_text = "Overdragen"

    def __init__(
        self,
        ops: Ops,
        candidate_id: str,
        candidate_name: str,
        colleagues: list[CoachDTO],
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.form_id = f"handover:{candidate_id}"
        self.candidate_id = candidate_id
        people = tuple(
            (c.id, f"{c.name} ({', '.join(r.label for r in c.role_list)})") for c in colleagues
        )
        fields = (
            Field("to_coach_id", "Aan collega", "choice", people, required=True),
            Field("to_role", "In de rol van", "choice", choices_of(COACH_ROLES), required=True),
            Field("summary", "Samenvatting", "text", required=True),
        )
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

    def save(self, svc: Services, values: dict[str, Any]) -> HandoverDTO:
        if not values["to_coach_id"]:
            from spt_desktop.services.errors import ValidationError

            raise ValidationError({"to_coach_id": "kies een collega"})
        return svc.handovers.start(
            self.candidate_id, values["to_coach_id"], values["to_role"], values["summary"]
        )
