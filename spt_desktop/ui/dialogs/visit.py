"""The jobcoach's quick visit log: one keyboard-first dialog, filled with sensible
defaults (now, the placement's employer, on site), done in seconds. The same dialog
edits a visit report that is not signed off yet (a signed one takes an aanvulling:
dialogs/note.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from spt_common.enums import VisitMode
from spt_desktop.services import Services
from spt_desktop.services.dto import VisitDTO
from spt_desktop.services.visits import VisitDefaults
from spt_desktop.ui.dialogs.dossier_form import DossierDialog
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
NAMES = tuple(f.name for f in FIELDS)


class VisitDialog(DossierDialog[VisitDTO]):
    """Log a workplace visit for one candidate, or (``visit`` given) edit its report
    while it is not signed off."""

    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Bezoek vastleggen")

    def __init__(
        self,
        ops: Ops,
        candidate_id: str,
        candidate_name: str,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
        visit: VisitDTO | None = None,
    ) -> None:
        self.candidate_id = self.about = candidate_id
        self.visit_id = visit.id if visit else None
        if visit is None:
            self.form_id = f"visit:{candidate_id}"
            title = self.tr("Bezoek vastleggen — {0}")
        else:
            self.form_id = f"visitedit:{visit.id}:{candidate_id}"
            self.ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Wijzigingen opslaan")
            title = self.tr("Bezoekverslag wijzigen — {0}")
        super().__init__(
            ops,
            title.format(candidate_name),
            FIELDS,
            draft,
            intro=self.tr("Tab naar het volgende veld, Ctrl+Enter legt vast."),
            parent=parent,
        )
        self.setObjectName("visitDialog" if visit is None else "visitEditDialog")
        self.ok_says(
            self.tr("Bezoek vastleggen") if visit is None else self.tr("Wijzigingen opslaan")
        )
        if visit is not None and draft is None:
            self.form.set_values(self.values_of(visit, NAMES))
        elif draft is None:
            ops.read(lambda svc: svc.visits.defaults(candidate_id)).success(
                self._defaults
            ).owned_by(self).run()
        self.focus_end("topics")

    def _defaults(self, d: VisitDefaults) -> None:
        if self.form.is_blank() or not self.form.raw().get("visited_at"):
            self.form.set_values({"visited_at": d.visited_at, "site": d.site, "mode": d.mode.value})
            self.form.editors["topics"].setFocus()

    def done_text(self) -> str:
        return self.tr("Bezoek vastgelegd.")

    def save(self, svc: Services, values: dict[str, Any]) -> VisitDTO:
        if self.visit_id is not None:
            return svc.visits.update(self.visit_id, values)
        return svc.visits.log(self.candidate_id, values)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submit()
            return
        super().keyPressEvent(event)
