"""The synced entities are listed once (spt_common.entities.EntityName); every other list
of them is derived from it or checked against it here."""

from __future__ import annotations

from spt_common import protocol
from spt_common.entities import SYNCED_ENTITIES, WORDS
from spt_desktop.demo import TABLES
from spt_desktop.models import SYNCED_ENTITIES as VAULT_CLASSES
from spt_desktop.services.changes import TABLE_CHANGES


def test_every_list_of_the_synced_entities_is_the_one_list() -> None:
    one = list(SYNCED_ENTITIES)
    assert len(set(one)) == len(one)
    assert list(protocol.ENTITY_FIELDS) == one  # field kinds, same order
    assert list(VAULT_CLASSES) == one  # the vault's classes (their __sync_entity__)
    assert list(WORDS) == one  # labels, demo counts, server stats keys
    # The demo fills every synced table but the audit log, parents first.
    assert sorted(TABLES) == sorted(set(one) - {"audit_entry"})
    # A record arriving by sync refreshes the pages that show it (the audit log: none).
    assert set(one) - {"audit_entry"} <= set(TABLE_CHANGES)


def test_the_words_are_distinct() -> None:
    """Two entities with one label would be indistinguishable in Conflicten or a count."""
    for field in ("label", "counted", "key"):
        values = [getattr(w, field) for w in WORDS.values()]
        assert len(set(values)) == len(values), field


def test_every_synced_field_has_a_dutch_label() -> None:
    """Historie and Conflicten name fields as the forms do, never by internal name."""
    from spt_common.field_words import UNKNOWN_FIELD, field_label, fields_text

    missing = [
        f"{entity}.{name}"
        for entity, fields in protocol.ENTITY_FIELDS.items()
        for name in fields
        if field_label(entity, name) == UNKNOWN_FIELD
    ]
    assert not missing, missing
    assert fields_text("plan", "agreed_on,agreed_by") == "akkoord op, akkoord door"
    assert field_label("plan", "from_a_newer_app") == UNKNOWN_FIELD
