"""Conflicten: fields both this laptop and the server changed. Side by side; the coach
keeps her own value or the server's. Nothing disappears unseen: a conflict stays here
until she decides."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from spt_common.codes import ENTITY_CODES
from spt_common.entities import entity_label
from spt_common.enums import Labelled, Role, Spt
from spt_common.field_words import field_label
from spt_common.protocol import ENTITY_FIELDS
from spt_desktop.services.changes import Changes
from spt_desktop.services.session import Conflict, ConflictNames, SyncStatus, VaultSession
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.tables import Column, DtoTableModel, make_table, row_at

# Not two versions of a field, but her whole record the server would not take, worded
# for what it is (sync.conflicts.refusal_of), or a record a colleague deleted.
KINDS = {
    "register": QT_TRANSLATE_NOOP("ConflictsPage", "niet afgeleverd: register van een ander SPT"),
    "loket": QT_TRANSLATE_NOOP(
        "ConflictsPage", "niet afgeleverd: loketvraag, u hebt geen rol loket"
    ),
    "referral": QT_TRANSLATE_NOOP(
        "ConflictsPage", "niet afgeleverd: aanmelding is werk van het loket"
    ),
    "spt_referral": QT_TRANSLATE_NOOP(
        "ConflictsPage", "niet afgeleverd: aanmelding van een ander SPT"
    ),
    "colleague": QT_TRANSLATE_NOOP(
        "ConflictsPage", "niet afgeleverd: collega zonder account op de server"
    ),
    "dossier": QT_TRANSLATE_NOOP("ConflictsPage", "niet afgeleverd: dossier niet meer van u"),
    "rule": QT_TRANSLATE_NOOP("ConflictsPage", "geweigerd door de server"),
    "deleted": QT_TRANSLATE_NOOP("ConflictsPage", "elders verwijderd"),
}
WHOLE = QT_TRANSLATE_NOOP("ConflictsPage", "hele record")
REFERRAL = QT_TRANSLATE_NOOP("ConflictsPage", "{0}: aangemeld op {1} door {2}")
# A field changed on both sides: which field, and whose dossier or which employer it is of.
FIELD_OF = QT_TRANSLATE_NOOP("ConflictsPage", "{0} van {1}")
# The server's value of a choice field is a choice a newer version of the app added (a
# new sector, say): the record waits for an update (``sync.held``), its code means
# nothing to her and is not shown.
NEWER_CHOICE = QT_TRANSLATE_NOOP("ConflictsPage", "nieuwe keuze: werk de app bij")
NO_NAMES = ConflictNames({}, {})


def tr(text: object) -> str:
    """A text marked with QT_TRANSLATE_NOOP, translated (PySide6's stub types the mark as
    returning object; it returns the str it gets)."""
    return QCoreApplication.translate("ConflictsPage", str(text))


def what(c: Conflict, names: ConflictNames = NO_NAMES) -> str:
    """The field, and whose dossier (or which employer) it is in; or, for a whole
    record, what happened."""
    if c.field:
        label = field_label(c.entity, c.field)
        whose = of_whom(c, names)
        return tr(FIELD_OF).format(label, whose) if whose else label
    kind = KINDS.get(c.refusal or c.kind)
    return tr(kind or WHOLE)


def of_whom(c: Conflict, names: ConflictNames) -> str:
    """Whom a conflict's record is about: the candidate whose dossier it is in, or the
    employer of a record of the employer register; "" when neither is known."""
    return names.candidates.get(c.candidate_id or "") or names.employers.get(c.record_id, "")


# Codes a coach knows by a Dutch name; other codes and every id stay out of her sight.
LABELLED: dict[str, type[Labelled]] = {
    "spt": Spt,
    "role": Role,
    "from_role": Role,
    "to_role": Role,
}
# A role and the field naming the coach who holds it: "Bram Jansen (Jobcoach)", so she
# can tell which colleague a refused assignment or handover was for.
ROLE_HOLDER = {"role": "coach_id", "from_role": "from_coach_id", "to_role": "to_coach_id"}


def _day(value: str) -> str:
    """A wire date or timestamp as the coach writes it: 17-06-2026 (12:45)."""
    try:
        if "T" in value:
            return datetime.fromisoformat(value).strftime("%d-%m-%Y %H:%M")
        return date.fromisoformat(value).strftime("%d-%m-%Y")
    except ValueError:
        return value


def _words(
    entity: str,
    name: str,
    value: Any,
    record: dict[str, Any] | None = None,
    names: ConflictNames = NO_NAMES,
) -> str | None:
    """One field of a whole record in words, or None when it says nothing to a coach;
    a role with the name of the coach who holds it in ``record`` (when known)."""
    kind = ENTITY_FIELDS.get(entity, {}).get(name, "").rstrip("?")
    if (
        value is None
        or value == ""
        or kind in ("ref", "bool", "int")
        or name == "id"
        or name.endswith("_id")
    ):
        return None
    if kind == "code":
        enum = LABELLED.get(name)
        label = enum(value).label if enum is not None and value in set(enum) else None
        holder = names.coaches.get(str((record or {}).get(ROLE_HOLDER.get(name, ""), "")))
        return f"{holder} ({label})" if label and holder else label
    if kind in ("date", "datetime") and isinstance(value, str):
        return _day(value)
    if isinstance(value, str):
        return value
    return None


def shown(value: Any, entity: str = "", names: ConflictNames = NO_NAMES, whose: str = "") -> str:
    """A value as the coach reads it. A whole record (her refused note, say) shows what
    she wrote, not its internal ids, keys and codes, after the name of the candidate
    whose dossier it is in (``whose``, as her caseload names him), and a role with the
    colleague who holds it; a referral says its SPT, when and by whom, and whom and what
    it is about."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        if entity == "referral":
            return _referral(value, whose)
        written = [w for k, v in value.items() if (w := _words(entity, k, v, value, names))]
        if whose and whose not in " ".join(written):
            written.insert(0, whose)
        return " · ".join(written) or "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _referral(value: dict[str, Any], whose: str = "") -> str:
    spt = _words("referral", "spt", value.get("spt")) or "—"
    on = _words("referral", "referred_on", value.get("referred_on")) or "—"
    by = " ".join(
        w for w in (value.get("referrer_organisation"), value.get("referrer_person")) if w
    )
    parts = [tr(REFERRAL).format(spt, on, by or "—")]
    person = " ".join(w for w in (value.get("first_name"), value.get("last_name")) if w)
    person = person or whose  # taken into guidance: the name is the candidate's
    parts += [w for w in (person, value.get("municipality"), value.get("question")) if w]
    return " · ".join(parts)


def field_value(entity: str, field: str, value: Any) -> str | None:
    """One field's value of a field conflict in words, where the field is a choice (a
    code): its Dutch name, or, for a code this version does not know, that it is a new
    choice (never the code). None: not a choice field, shown as it is."""
    enum = ENTITY_CODES.get(entity, {}).get(field)
    if enum is None or not isinstance(value, str):
        return None
    member = enum._value2member_map_.get(value)
    return member.label if isinstance(member, Labelled) else tr(NEWER_CHOICE)


def columns(names: Callable[[], ConflictNames]) -> tuple[Column, ...]:
    """The table's columns; ``names`` gives the names of the candidates and coaches of
    the rows shown."""

    def side(value: Any, c: Conflict) -> str:
        if c.field and (words := field_value(c.entity, c.field, value)) is not None:
            return words
        known = names()
        return shown(value, c.entity, known, of_whom(c, known))

    return (
        Column("Gevonden", lambda c: c.detected_at, width=130),
        Column("Onderdeel", lambda c: entity_label(c.entity), width=130),
        Column("Veld", lambda c: what(c, names()), width=370),
        Column("Mijn versie", lambda c: side(c.mine, c), width=260),
        Column("Versie van de server", lambda c: side(c.theirs, c)),
    )


class ConflictsPage(QWidget):
    count_changed = None  # set by the window: Callable[[int], None]

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.names = NO_NAMES  # of the rows shown
        self.model = DtoTableModel(columns(lambda: self.names), self)
        self.view = make_table(self.model, self, name=self.tr("Conflicten"))
        self.view.setObjectName("conflictTable")
        self.summary = named(QLabel(), "conflictSummary")
        self.summary.setWordWrap(True)
        self.mine = named(QPushButton(self.tr("Mijn versie houden")), "keepMine")
        self.theirs = named(QPushButton(self.tr("Versie van de server houden")), "keepTheirs")
        self.mine.setAccessibleName(self.tr("Mijn versie van het veld houden"))
        self.theirs.setAccessibleName(self.tr("Versie van de server houden of melding sluiten"))
        self.mine.clicked.connect(lambda: self._resolve("mine"))
        self.theirs.clicked.connect(lambda: self._resolve("theirs"))
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.mine)
        buttons.addWidget(self.theirs)
        layout = QVBoxLayout(self)
        layout.addWidget(named(QLabel(self.tr("Conflicten")), "pageTitle"))
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        # A bound method: Qt drops the connection with the page (a lambda kept the page
        # of a locked workspace answering, on a deleted object).
        ops.changed.connect(self._on_changed)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())

    def _on_changed(self, changes: Changes) -> None:
        if changes.sync:
            self.refresh()

    def refresh(self) -> None:
        def fetch(s: VaultSession) -> tuple[list[Conflict], SyncStatus, ConflictNames]:
            rows = s.conflicts()
            return rows, s.sync_status(), s.conflict_names(rows)

        self.ops.vault(fetch).success(lambda found: self._show(*found)).owned_by(self).run()

    def _show(
        self, rows: list[Conflict], status: SyncStatus, names: ConflictNames = NO_NAMES
    ) -> None:
        self.names = names
        self.model.replace(rows)
        fields = sum(1 for c in rows if c.field)
        records = len(rows) - fields
        parts = []
        if fields:
            parts.append(
                self.tr(
                    "{0} velden zijn hier én op de server gewijzigd. Kies per veld welke versie "
                    "blijft; beide waarden staan hieronder."
                ).format(fields)
            )
        newer = sum(
            1
            for c in rows
            if c.field and field_value(c.entity, c.field, c.theirs) == tr(NEWER_CHOICE)
        )
        if newer:
            parts.append(
                self.tr(
                    "Bij {0} daarvan is de versie van de server een nieuwe keuze die deze versie "
                    "van de app nog niet kent. Houdt u die, dan ziet u hem na het bijwerken van "
                    "de app; tot dan staat hier uw eigen waarde."
                ).format(newer)
            )
        if records:
            parts.append(
                self.tr(
                    "{0} keer kwam uw werk niet (meer) aan op de server. Uw tekst staat "
                    "hieronder: geef hem zo nodig door en sluit de melding."
                ).format(records)
            )
        self.summary.setText(" ".join(parts) or self._no_conflicts(status))
        if rows:
            self.view.selectRow(0)
        self._buttons()

    def _no_conflicts(self, status: SyncStatus) -> str:
        """No conflict, and the truth about why: a vault never linked has nothing to
        disagree with, and changes still waiting are not "in agreement" yet."""
        waiting = status.unsynced
        if status.demo:
            return self.tr(
                "Geen conflicten. Dit is een oefenkluis met verzonnen gegevens; die wordt niet "
                "aan een server gekoppeld."
            )
        if not status.linked:
            if not waiting:
                return self.tr("Geen conflicten. Deze kluis is niet gekoppeld aan een server.")
            return (
                self.tr(
                    "Geen conflicten. Deze kluis is niet gekoppeld aan een server: 1 wijziging "
                    "staat alleen op deze laptop. Koppelen kan bij Instellingen."
                )
                if waiting == 1
                else self.tr(
                    "Geen conflicten. Deze kluis is niet gekoppeld aan een server: {0} "
                    "wijzigingen staan alleen op deze laptop. Koppelen kan bij Instellingen."
                ).format(f"{waiting:,}".replace(",", "."))
            )
        if waiting == 1:
            return self.tr("Geen conflicten. 1 wijziging wacht nog op de volgende synchronisatie.")
        if waiting:
            return self.tr(
                "Geen conflicten. {0} wijzigingen wachten nog op de volgende synchronisatie."
            ).format(f"{waiting:,}".replace(",", "."))
        if status.last_sync is None:
            return self.tr("Geen conflicten. Er is nog niet gesynchroniseerd.")
        return self.tr("Geen conflicten: alles is in overeenstemming met de server.")

    def _buttons(self) -> None:
        """A field conflict: keep mine or the server's. A whole record: there is nothing
        to write back (the server will not take it); she can only close the notice."""
        current: Conflict | None = row_at(self.view)
        whole = current is not None and not current.field
        self.mine.setEnabled(current is not None and not whole)
        self.theirs.setEnabled(current is not None)
        self.theirs.setText(
            self.tr("Gezien, melding sluiten") if whole else self.tr("Versie van de server houden")
        )

    def _resolve(self, choice: Literal["mine", "theirs"]) -> None:
        conflict = row_at(self.view)
        if conflict is None:
            return
        cid = conflict.id
        self.ops.vault(
            lambda s: s.resolve_conflict(cid, choice),
            Changes(sync=True, candidates=True, dossier=True),
        ).run()
