"""The synced entities: the one list of what travels between a vault and the server.

``EntityName`` is that list, in sync order; everything else that names the entities
derives from it or is checked against it by tests/unit/test_synced_entities.py: the
protocol's field kinds (``protocol.ENTITY_FIELDS``), the vault's classes
(``models.SYNCED_ENTITIES``), the demo's tables (``demo.TABLES``, parents first), and the
words below (Conflicten, ``spt-desktop demo``, ``spt-server stats``).

Standard library only.
"""

from __future__ import annotations

from typing import Literal, NamedTuple, get_args

EntityName = Literal[
    "coach",
    "candidate",
    "consent",
    "assignment",
    "intake",
    "note",
    "journey_event",
    "plan",
    "goal",
    "action",
    "activity",
    "training",
    "handover",
    "dropout",
    "employer",
    "contact_person",
    "vacancy",
    "employer_contact",
    "match",
    "placement",
    "retention_checkpoint",
    "visit",
    "referral",
    "referral_letter",
    "loket_question",
    "audit_entry",
]
SYNCED_ENTITIES: tuple[EntityName, ...] = get_args(EntityName)


class Words(NamedTuple):
    """How people and tools name an entity."""

    label: str  # one record, Dutch: the Conflicten page's "Onderdeel"
    counted: str  # many records, Dutch: the counts `spt-desktop demo` prints
    key: str  # many records, English: the key in `spt-server stats` (its JSON)


WORDS: dict[EntityName, Words] = {
    "coach": Words("Collega", "collega's", "coaches"),
    "candidate": Words("Kandidaat", "kandidaten", "candidates"),
    "consent": Words("Toestemming", "toestemmingen", "consents"),
    "assignment": Words("Toewijzing", "toewijzingen", "assignments"),
    "intake": Words("Intake", "intakes", "intakes"),
    "note": Words("Notitie", "notities", "notes"),
    "journey_event": Words("Fasewissel", "stappen in de kandidaatreis", "journey_events"),
    "plan": Words("Plan van aanpak", "versies van plannen van aanpak", "plans"),
    "goal": Words("Doel", "doelen", "goals"),
    "action": Words("Actie", "acties", "actions"),
    "activity": Words("Activiteit", "activiteiten", "activities"),
    "training": Words("Scholing", "scholingen", "trainings"),
    "handover": Words("Overdracht", "warme overdrachten", "handovers"),
    "dropout": Words("Uitval", "uitvallers", "dropouts"),
    "employer": Words("Werkgever", "werkgevers", "employers"),
    "contact_person": Words("Contactpersoon", "contactpersonen", "contact_persons"),
    "vacancy": Words("Vacature", "vacatures en toekomstige behoeften", "vacancies"),
    "employer_contact": Words("Werkgeverscontact", "werkgeverscontacten", "employer_contacts"),
    "match": Words("Match", "matches", "matches"),
    "placement": Words("Plaatsing", "plaatsingen", "placements"),
    "retention_checkpoint": Words("Behoudmoment", "behoudmomenten", "retention_checkpoints"),
    "visit": Words("Bezoek", "werkplekbezoeken", "visits"),
    "referral": Words("Aanmelding", "aanmeldingen", "referrals"),
    "referral_letter": Words("Terugkoppeling", "terugkoppelingen", "referral_letters"),
    "loket_question": Words("Loketvraag", "loketvragen", "loket_questions"),
    "audit_entry": Words("Logregel", "logregels", "audit_entries"),
}


def entity_label(entity: str) -> str:
    """The Dutch name of one record of ``entity`` (a name from a vault or the wire); a
    neutral word for one this version does not know, never the internal name."""
    words = WORDS.get(entity)  # type: ignore[call-overload]  # any str, not only an EntityName
    return words.label if words else "Onderdeel"
