"""A vacancy or a future need (lesson 10), with what shows the whitepaper's gaps beside
a candidate: hours and working-time pattern, salary range, required Dutch level, level
of the work, BBL/leerwerkplek, and where it came from."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from spt_common.enums import (
    LanguageLevel,
    VacancyKind,
    VacancySource,
    WorkLevel,
    WorkPattern,
)
from spt_desktop.services import Services
from spt_desktop.services.dto import VacancyDTO
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.dialogs.employer import name_editors
from spt_desktop.ui.forms import QT_TRANSLATE_NOOP, Field, choices_of
from spt_desktop.ui.ops import Ops

FIELDS = (
    Field(
        "kind",
        QT_TRANSLATE_NOOP("Field", "Soort"),
        "choice",
        choices_of(VacancyKind),
        required=True,
    ),
    Field("title", QT_TRANSLATE_NOOP("Field", "Functie"), required=True),
    Field("expected_on", QT_TRANSLATE_NOOP("Field", "Verwacht per (toekomstige behoefte)"), "date"),
    Field("positions", QT_TRANSLATE_NOOP("Field", "Aantal plekken"), "number", low=1, high=500),
    Field("hours_per_week", QT_TRANSLATE_NOOP("Field", "Uren per week"), "number", low=1, high=60),
    Field(
        "work_pattern", QT_TRANSLATE_NOOP("Field", "Werktijden"), "choice", choices_of(WorkPattern)
    ),
    Field(
        "salary_min",
        QT_TRANSLATE_NOOP("Field", "Salaris vanaf (€ bruto p/m)"),
        "number",
        low=500,
        high=20000,
    ),
    Field(
        "salary_max",
        QT_TRANSLATE_NOOP("Field", "Salaris tot (€ bruto p/m)"),
        "number",
        low=500,
        high=20000,
    ),
    Field(
        "language_level",
        QT_TRANSLATE_NOOP("Field", "Vereist niveau Nederlands"),
        "choice",
        choices_of(LanguageLevel),
    ),
    Field(
        "work_level",
        QT_TRANSLATE_NOOP("Field", "Niveau van het werk"),
        "choice",
        choices_of(WorkLevel),
    ),
    Field("bbl_possible", QT_TRANSLATE_NOOP("Field", "BBL / leerwerkplek mogelijk"), "check"),
    Field("source", QT_TRANSLATE_NOOP("Field", "Bron"), "choice", choices_of(VacancySource)),
    Field("description", QT_TRANSLATE_NOOP("Field", "Toelichting"), "text"),
)
EDITABLE = tuple(f.name for f in FIELDS)


class VacancyDialog(DraftDialog[VacancyDTO]):
    """Add a vacancy or future need (``kind``) to an employer, or edit ``vacancy``."""

    def __init__(
        self,
        ops: Ops,
        employer_id: str,
        employer_name: str,
        vacancy: VacancyDTO | None = None,
        kind: VacancyKind = VacancyKind.OPEN,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.employer_id = employer_id
        self.vacancy_id = vacancy.id if vacancy else None
        self.form_id = f"vacancy-edit.{vacancy.id}" if vacancy else f"vacancy.{employer_id}"
        start = draft
        if start is None and vacancy is not None:
            start = {name: getattr(vacancy, name) for name in EDITABLE}
            start = {k: (v.value if hasattr(v, "label") else v) for k, v in start.items()}
        elif start is None:
            start = {"kind": kind.value}
        if vacancy is not None:
            title = self.tr("Bewerken — {0}, {1}").format(vacancy.title, employer_name)
        elif kind == VacancyKind.FUTURE_NEED:
            title = self.tr("Nieuwe toekomstige behoefte — {0}").format(employer_name)
        else:
            title = self.tr("Nieuwe vacature — {0}").format(employer_name)
        super().__init__(
            ops,
            title,
            FIELDS,
            start,
            intro=self.tr(
                "Een toekomstige behoefte (les 10) krijgt een verwachte datum; zij komt "
                "op Vandaag een maand ervoor."
            ),
            parent=parent,
        )
        self.setObjectName("vacancyDialog")
        name_editors(self)
        self.form.editors["title"].setFocus()

    def save(self, svc: Services, values: dict[str, Any]) -> VacancyDTO:
        if self.vacancy_id is None:
            return svc.employers.add_vacancy(self.employer_id, values)
        return svc.employers.update_vacancy(self.vacancy_id, values)
