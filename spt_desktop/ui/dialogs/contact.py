"""An employer's contact person (add, edit), and the employer approach's contact log:
a visit, call, matchtafel, session or banenmarkt, what was agreed, and the follow-up
date that shows on the arbeidsmarktcoach's Vandaag (lesson 7)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from spt_common.enums import EmployerContactKind
from spt_desktop.services import Services
from spt_desktop.services.dto import ContactPersonDTO, EmployerContactDTO
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.dialogs.employer import name_editors
from spt_desktop.ui.forms import QT_TRANSLATE_NOOP, Field, choices_of
from spt_desktop.ui.ops import Ops

PERSON_FIELDS = (
    Field("name", QT_TRANSLATE_NOOP("Field", "Naam"), required=True),
    Field("function", QT_TRANSLATE_NOOP("Field", "Functie")),
    Field("email", QT_TRANSLATE_NOOP("Field", "E-mail")),
    Field("phone", QT_TRANSLATE_NOOP("Field", "Telefoon")),
)


class ContactPersonDialog(DraftDialog[ContactPersonDTO]):
    """Add a contact person to ``employer_id``, or edit ``person``."""

    def __init__(
        self,
        ops: Ops,
        employer_id: str,
        employer_name: str,
        person: ContactPersonDTO | None = None,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.employer_id = employer_id
        self.person_id = person.id if person else None
        self.form_id = (
            f"contactperson-edit.{person.id}" if person else f"contactperson.{employer_id}"
        )
        start = draft
        if start is None and person is not None:
            start = {f.name: getattr(person, f.name) for f in PERSON_FIELDS}
        title = (
            self.tr("Contactpersoon bewerken — {0}")
            if person
            else self.tr("Nieuwe contactpersoon — {0}")
        ).format(employer_name)
        super().__init__(ops, title, PERSON_FIELDS, start, parent=parent)
        self.setObjectName("contactPersonDialog")
        name_editors(self)
        self.form.editors["name"].setFocus()

    def save(self, svc: Services, values: dict[str, Any]) -> ContactPersonDTO:
        if self.person_id is None:
            return svc.employers.add_contact(self.employer_id, values)
        return svc.employers.update_contact(self.person_id, values)


def log_fields(people: list[ContactPersonDTO]) -> tuple[Field, ...]:
    return (
        Field("held_on", QT_TRANSLATE_NOOP("Field", "Datum"), "date", required=True),
        Field(
            "kind",
            QT_TRANSLATE_NOOP("Field", "Soort contact"),
            "choice",
            choices_of(EmployerContactKind),
            required=True,
        ),
        Field(
            "contact_person_id",
            QT_TRANSLATE_NOOP("Field", "Met wie"),
            "choice",
            tuple((p.id, p.name) for p in people),
        ),
        Field("agreements", QT_TRANSLATE_NOOP("Field", "Afspraken"), "text"),
        Field("follow_up_on", QT_TRANSLATE_NOOP("Field", "Vervolgafspraak"), "date"),
    )


class EmployerContactDialog(DraftDialog[EmployerContactDTO]):
    """Log a contact with the employer (``logged`` None) or edit one."""

    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Contact vastleggen")

    def __init__(
        self,
        ops: Ops,
        employer_id: str,
        employer_name: str,
        people: list[ContactPersonDTO],
        logged: EmployerContactDTO | None = None,
        draft: dict[str, Any] | None = None,
        today: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        self.employer_id = employer_id
        self.logged_id = logged.id if logged else None
        self.form_id = (
            f"employercontact-edit.{logged.id}" if logged else f"employercontact.{employer_id}"
        )
        # Who left is offered only when this contact already names them.
        here = [p for p in people if p.active or (logged and p.id == logged.contact_person_id)]
        start = draft
        if start is None and logged is not None:
            start = {
                "held_on": logged.held_on,
                "kind": logged.kind.value,
                "contact_person_id": logged.contact_person_id or "",
                "agreements": logged.agreements,
                "follow_up_on": logged.follow_up_on,
            }
        elif start is None and today is not None:
            start = {"held_on": today}
        title = (
            self.tr("Werkgeverscontact bewerken — {0}")
            if logged
            else self.tr("Contact vastleggen — {0}")
        ).format(employer_name)
        super().__init__(
            ops,
            title,
            log_fields(here),
            start,
            intro=self.tr("De vervolgafspraak komt op uw Vandaag op die datum."),
            parent=parent,
        )
        self.setObjectName("employerContactDialog")
        name_editors(self)
        self.form.editors["kind"].setFocus()

    def save(self, svc: Services, values: dict[str, Any]) -> EmployerContactDTO:
        if self.logged_id is None:
            return svc.employers.log_contact(self.employer_id, values)
        return svc.employers.update_logged_contact(self.logged_id, values)
