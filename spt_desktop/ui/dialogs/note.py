"""A gespreksverslag or note in the dossier; or an aanvulling on a signed-off visit
report. Both are append-only once saved: a correction is a new note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from spt_desktop.services import Services
from spt_desktop.services.dto import NoteDTO, VisitDTO
from spt_desktop.ui.dialogs.dossier_form import DossierDialog
from spt_desktop.ui.forms import Field
from spt_desktop.ui.ops import Ops

FIELDS = (
    Field("written_at", "Gesprek op", "datetime", required=True),
    Field("text", "Verslag", "text", required=True),
)
AMEND_FIELDS = (Field("text", "Aanvulling", "text", required=True),)


class NoteDialog(DossierDialog[NoteDTO]):
    """A new gespreksverslag, at the time of the conversation (now, unless changed)."""

    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Verslag opslaan")

    def __init__(
        self,
        ops: Ops,
        candidate_id: str,
        candidate_name: str,
        draft: dict[str, Any] | None = None,
        now: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        self.candidate_id = self.about = candidate_id
        self.form_id = f"note:{candidate_id}"
        super().__init__(
            ops,
            self.tr("Gespreksverslag — {0}").format(candidate_name),
            FIELDS,
            draft,
            intro=self.tr(
                "Een verslag wordt niet meer gewijzigd na opslaan; een correctie is een "
                "nieuw verslag. Leg geen BSN vast."
            ),
            parent=parent,
        )
        self.setObjectName("noteDialog")
        self.ok_says(self.tr("Verslag opslaan"))
        if draft is None and now is not None:
            self.form.set_values({"written_at": now})
        self.form.editors["text"].setFocus()

    def save(self, svc: Services, values: dict[str, Any]) -> NoteDTO:
        return svc.candidates.add_note(self.candidate_id, values["text"], values["written_at"])


class AmendDialog(DossierDialog[NoteDTO]):
    """An aanvulling on a signed-off visit report: the report stays as signed."""

    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Aanvulling vastleggen")

    def __init__(
        self,
        ops: Ops,
        candidate_id: str,
        candidate_name: str,
        visit: VisitDTO,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.candidate_id = self.about = candidate_id
        self.visit_id = visit.id
        self.form_id = f"amend:{visit.id}:{candidate_id}"
        super().__init__(
            ops,
            self.tr("Aanvulling op bezoek van {0} — {1}").format(
                visit.visited_at.strftime("%d-%m-%Y %H:%M"), candidate_name
            ),
            AMEND_FIELDS,
            draft,
            intro=self.tr(
                "Dit bezoekverslag is afgetekend en blijft zoals het is. Wat u hier schrijft "
                "komt er als aanvulling bij, met de datum van vandaag."
            ),
            parent=parent,
        )
        self.setObjectName("amendDialog")
        self.ok_says(self.tr("Aanvulling vastleggen"))
        self.form.editors["text"].setFocus()

    def save(self, svc: Services, values: dict[str, Any]) -> NoteDTO:
        return svc.visits.amend(self.visit_id, values["text"])
