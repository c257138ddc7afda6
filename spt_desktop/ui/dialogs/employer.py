"""Create and edit an employer: the registry's facts, the guidance the company can give,
its branch and training fund, and its transitiebereidheid (whitepaper lesson 8). A
second employer of one name in one gemeente is saved only after an explicit yes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from spt_common.enums import BranchOrganisation, Sector, TrainingFund, TransitionReadiness
from spt_desktop.services import Services
from spt_desktop.services.dto import EmployerDTO
from spt_desktop.services.employers import DuplicateEmployer
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.forms import QT_TRANSLATE_NOOP, Field, choices_of, field_text
from spt_desktop.ui.ops import Ops

FIELDS = (
    Field("name", QT_TRANSLATE_NOOP("Field", "Naam"), required=True),
    Field(
        "sector", QT_TRANSLATE_NOOP("Field", "Sector"), "choice", choices_of(Sector), required=True
    ),
    Field(
        "municipality",
        QT_TRANSLATE_NOOP("Field", "Gemeente"),
        required=True,
        placeholder=QT_TRANSLATE_NOOP("Field", "bijvoorbeeld Zaanstad"),
    ),
    Field("address", QT_TRANSLATE_NOOP("Field", "Adres")),
    Field(
        "branch",
        QT_TRANSLATE_NOOP("Field", "Brancheorganisatie"),
        "choice",
        choices_of(BranchOrganisation),
    ),
    Field(
        "training_fund",
        QT_TRANSLATE_NOOP("Field", "Opleidingsfonds"),
        "choice",
        choices_of(TrainingFund),
    ),
    Field(
        "praktijkopleiders",
        QT_TRANSLATE_NOOP("Field", "Praktijkopleiders"),
        "number",
        low=0,
        high=500,
    ),
    Field(
        "middenkader",
        QT_TRANSLATE_NOOP("Field", "Middenkader (begeleiders)"),
        "number",
        low=0,
        high=500,
    ),
    Field("guidance_notes", QT_TRANSLATE_NOOP("Field", "Begeleiding in het bedrijf"), "text"),
    Field(
        "transition_readiness",
        QT_TRANSLATE_NOOP("Field", "Transitiebereidheid"),
        "choice",
        choices_of(TransitionReadiness),
    ),
    Field(
        "transition_notes", QT_TRANSLATE_NOOP("Field", "Toelichting transitiebereidheid"), "text"
    ),
)
# Filled from an employer for editing (the form's names are the DTO's).
EDITABLE = tuple(f.name for f in FIELDS)


def name_editors(dialog: DraftDialog[Any]) -> None:
    """Each editor's accessible name is its label (screen readers; tests find it too)."""
    for name, editor in dialog.form.editors.items():
        editor.setAccessibleName(field_text(dialog.form.specs[name].label))


class EmployerDialog(DraftDialog[EmployerDTO]):
    """New employer (``employer`` None) or edit one."""

    def __init__(
        self,
        ops: Ops,
        employer: EmployerDTO | None = None,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.employer_id = employer.id if employer else None
        self.form_id = f"employer.{employer.id}" if employer else "employer"
        title = (
            self.tr("Werkgever bewerken — {0}").format(employer.name)
            if employer
            else self.tr("Nieuwe werkgever")
        )
        start = draft
        if start is None and employer is not None:
            start = {name: getattr(employer, name) for name in EDITABLE}
        super().__init__(
            ops,
            title,
            FIELDS,
            start,
            intro=self.tr(
                "Transitiebereidheid: kijkt het bedrijf anders naar talent, met ruimte voor "
                "taal, niveau, begeleiding en ontwikkeling?"
            ),
            parent=parent,
        )
        self.setObjectName("employerDialog")
        name_editors(self)
        fund = self.form.editors["training_fund"]
        fund.setItemText(0, self.tr("Geen opleidingsfonds"))  # type: ignore[attr-defined]
        self._twin_ok: tuple[str, str] | None = None  # the name and gemeente confirmed
        self.form.edited.connect(self._maybe_unconfirm)
        self.form.editors["name"].setFocus()

    def _key(self) -> tuple[str, str]:
        raw = self.form.raw()
        return (str(raw.get("name", "")).strip().casefold(), str(raw.get("municipality", "")))

    def save(self, svc: Services, values: dict[str, Any]) -> EmployerDTO:
        allow = self._twin_ok == self._key()
        if self.employer_id is None:
            return svc.employers.create(values, allow_duplicate=allow)
        return svc.employers.update(self.employer_id, values, allow_duplicate=allow)

    def _failed(self, exc: BaseException) -> bool:
        if isinstance(exc, DuplicateEmployer):
            self.buttons.setEnabled(True)
            twin = exc.existing
            self.form.show_errors(
                {
                    "name": self.tr(
                        "Er staat al een werkgever “{0}” in {1}{2}. Is dit echt een andere "
                        "werkgever? Kies dan ‘Toch opslaan’."
                    ).format(
                        twin.name, twin.municipality, f" ({twin.address})" if twin.address else ""
                    )
                }
            )
            self._twin_ok = self._key()
            self._ok().setText(self.tr("Toch opslaan"))
            return True
        return super()._failed(exc)

    def _maybe_unconfirm(self) -> None:
        if self._twin_ok is not None and self._twin_ok != self._key():
            self._twin_ok = None
            self._ok().setText(QCoreApplication.translate("DraftDialog", str(self.ok_text)))

    def _ok(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)
