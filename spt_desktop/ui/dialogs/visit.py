"""The jobcoach's quick visit log: one keyboard-first dialog, filled with sensible
defaults (now, the placement's employer, on site), done in seconds."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from spt_common.enums import VisitMode
from spt_desktop.services import Services
from spt_desktop.services.dto import VisitDTO
from spt_desktop.services.visits import VisitDefaults
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.forms import Field, choices_of
from spt_desktop.ui.ops import Ops

FIELDS = (
    Field("visited_at", "Tijdstip", "datetime", required=True),
    Field("site", "Locatie"),
    Field("mode", "Vorm", "choice", choices_of(VisitMode), required=True),
    Field("attendees", "Aanwezig"),
    Field("topics", "Besproken", "text"),
    Field("progress_score", "Voortgang (1–5)", "number", low=1, high=5),
    Field("wellbeing_score", "Welbevinden (1–5)", "number", low=1, high=5),
    Field("agreements", "Afspraken", "text"),
    Field("follow_up_on", "Vervolgbezoek", "date"),
    Field("dropout_risk", "Risico op uitval", "check"),
)


class VisitDialog(DraftDialog[VisitDTO]):
    """Log a workplace visit for one candidate."""

    ok_text = "Bezoek vastleggen"

    def __init__(
        self,
        ops: Ops,
        candidate_id: str,
        candidate_name: str,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.form_id = f"visit:{candidate_id}"
        self.candidate_id = candidate_id
        super().__init__(
            ops,
            self.tr("Bezoek vastleggen — {0}").format(candidate_name),
            FIELDS,
            draft,
            intro=self.tr("Tab naar het volgende veld, Ctrl+Enter legt vast."),
            parent=parent,
        )
        self.setObjectName("visitDialog")
        if draft is None:
            ops.read(lambda svc: svc.visits.defaults(candidate_id)).success(
                self._defaults
            ).owned_by(self).run()
        self.form.editors["topics"].setFocus()

    def _defaults(self, d: VisitDefaults) -> None:
        if self.form.is_blank() or not self.form.raw().get("visited_at"):
            self.form.set_values({"visited_at": d.visited_at, "site": d.site, "mode": d.mode.value})
            self.form.editors["topics"].setFocus()

    def done_text(self) -> str:
        return self.tr("Bezoek vastgelegd.")

    def save(self, svc: Services, values: dict[str, Any]) -> VisitDTO:
        return svc.visits.log(self.candidate_id, values)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submit()
            return
        super().keyPressEvent(event)
