"""How a coach names the fields of the synced records (Historie, Conflicten).

Internal names (``agreed_on``, ``journey_event``) never reach a coach: the labels below
are the Dutch words of the forms. tests/unit/test_synced_entities.py checks that every
field of ``protocol.ENTITY_FIELDS`` has one, so a new field cannot show up raw.

Standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable

# By field name: the same name means the same thing in every entity...
FIELD_LABELS: dict[str, str] = {
    "name": "naam",
    "email": "e-mailadres",
    "roles": "rollen",
    "spt": "SPT",
    "first_name": "voornaam",
    "last_name": "achternaam",
    "birth_date": "geboortedatum",
    "phone": "telefoon",
    "municipality": "gemeente",
    "labour_market_region": "arbeidsmarktregio",
    "referral_source": "verwijzer",
    "persona": "persona",
    "benefit_status": "uitkering",
    "language_level": "taalniveau Nederlands",
    "hours_per_week": "uren per week",
    "availability": "beschikbaarheid",
    "salary_expectation": "salarisverwachting",
    "skills": "vaardigheden",
    "interests": "interesses",
    "motivation": "motivatie",
    "notes": "notities",
    "phase": "fase",
    "status": "status",
    "registered_on": "ingeschreven op",
    "next_follow_up": "volgende opvolging",
    "candidate_id": "kandidaat",
    "purpose": "doel",
    "granted": "gegeven",
    "recorded_on": "vastgelegd op",
    "recorded_by": "vastgelegd door",
    "withdrawn_on": "ingetrokken op",
    "coach_id": "coach",
    "role": "rol",
    "active": "actief",
    "held_on": "datum",
    "background": "achtergrond",
    "wishes": "wensen",
    "obstacles": "belemmeringen",
    "persona_rationale": "onderbouwing persona",
    "author_id": "schrijver",
    "written_at": "geschreven op",
    "text": "tekst",
    "from_phase": "van fase",
    "to_phase": "naar fase",
    "occurred_on": "datum",
    "reason": "reden",
    "version": "versie",
    "summary": "samenvatting",
    "reviewed_on": "besproken op",
    "agreed_on": "akkoord op",
    "agreed_by": "akkoord door",
    "plan_id": "plan van aanpak",
    "position": "volgorde",
    "description": "omschrijving",
    "goal_id": "doel",
    "owner": "wie",
    "due_on": "uiterlijk op",
    "kind": "soort",
    "location": "locatie",
    "outcome": "uitkomst",
    "provider": "opleider",
    "programme": "opleiding",
    "publicly_funded": "rijksbekostigd",
    "funding": "financiering",
    "fund": "fonds",
    "starts_on": "startdatum",
    "ends_on": "einddatum",
    "certificate": "certificaat",
    "certifiable": "certificeerbare eenheden",
    "from_coach_id": "van coach",
    "from_role": "van rol",
    "to_coach_id": "naar coach",
    "to_role": "naar rol",
    "created_at": "gemaakt op",
    "accepted_at": "aangenomen op",
    "explanation": "toelichting",
    "sector": "sector",
    "address": "adres",
    "praktijkopleiders": "praktijkopleiders",
    "middenkader": "middenkader",
    "guidance_notes": "begeleiding in het bedrijf",
    "employer_id": "werkgever",
    "function": "functie",
    "title": "functie",
    "positions": "aantal plaatsen",
    "expected_on": "verwacht per",
    "vacancy_id": "vacature",
    "klik": "klik",
    "proposed_on": "voorgesteld op",
    "match_id": "match",
    "jobcoach_id": "jobcoach",
    "job_title": "functie",
    "contract": "contract",
    "ended_on": "einddatum",
    "placement_id": "plaatsing",
    "months": "maanden",
    "done_on": "gedaan op",
    "closed_on": "afgesloten op",
    "closing_outcome": "uitkomst bij afsluiten",
    "visited_at": "tijdstip",
    "site": "locatie",
    "mode": "vorm",
    "attendees": "aanwezigen",
    "topics": "besproken",
    "progress_score": "voortgang",
    "wellbeing_score": "welbevinden",
    "agreements": "afspraken",
    "follow_up_on": "vervolg op",
    "dropout_risk": "uitvalrisico",
    "signed_off_at": "afgetekend op",
    "visit_id": "aanvulling op bezoek",
    "at": "tijdstip",
    "actor_id": "wie",
    "action": "actie",
    "entity": "onderdeel",
    "record_id": "record",
    "fields": "velden",
}
# ...except where an entity means something else by it.
ENTITY_FIELD_LABELS: dict[tuple[str, str], str] = {
    ("visit", "notes"): "notities (intern)",
    ("plan", "status"): "status van het plan",
    ("consent", "purpose"): "toestemming voor",
    ("activity", "held_on"): "datum van de activiteit",
    ("intake", "held_on"): "datum van de intake",
    ("retention_checkpoint", "note"): "notitie bij het behoudmoment",
}
UNKNOWN_FIELD = "een veld"  # from a newer version of the app: still no internal name


def field_label(entity: str, field: str) -> str:
    """The Dutch word for ``field`` of ``entity``."""
    return ENTITY_FIELD_LABELS.get((entity, field)) or FIELD_LABELS.get(field, UNKNOWN_FIELD)


def fields_text(entity: str, fields: str | Iterable[str]) -> str:
    """Comma-separated internal names (as the audit log keeps them) as the coach reads them."""
    names = fields.split(",") if isinstance(fields, str) else list(fields)
    return ", ".join(field_label(entity, f.strip()) for f in names if f.strip())
