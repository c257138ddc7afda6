from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from spt_common.enums import (
    CandidateStatus,
    ConsentPurpose,
    Phase,
    Role,
    Spt,
)
from spt_desktop.cli import messages as cli
from spt_desktop.errors import Code
from spt_desktop.models import AuditEntry, Candidate, Consent, OutboxEntry
from spt_desktop.services.errors import NotFound, RuleViolation, ValidationError
from tests.conftest import TODAY
from tests.services.factories import ALL_CONSENTS, ONLY_PROCESSING, profile


def test_register_records_consent_assignment_and_first_phase(services, vault):
    cand = services.candidates.register(profile(), ALL_CONSENTS)

    assert cand.municipality == "Zaanstad"  # official spelling
    assert cand.spt == Spt.NOORD_HOLLAND
    assert cand.labour_market_region == "Zaanstreek-Waterland"
    assert cand.phase == Phase.ORIENTATION and cand.status == CandidateStatus.ACTIVE
    assert cand.registered_on == TODAY
    assert {c.purpose for c in cand.consents} == set(ConsentPurpose)
    assert all(c.recorded_on == TODAY and c.recorded_by == vault.owner_id for c in cand.consents)
    assert [(a.coach_id, a.role) for a in cand.assignments] == [
        (vault.owner_id, Role.LOOPBAANCOACH)
    ]
    timeline = services.journey.timeline(cand.id)
    assert [(e.from_phase, e.to_phase) for e in timeline] == [(None, Phase.ORIENTATION)]


def test_register_without_processing_consent_is_refused_and_saves_nothing(services, vault):
    with pytest.raises(ValidationError) as err:
        services.candidates.register(profile(), {ConsentPurpose.PROCESSING: False})
    assert "consent" in err.value.errors
    with vault.transaction() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Candidate)) == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("first_name", ""),
        ("last_name", "   "),
        ("municipality", "Utrecht"),
        ("email", "niet-een-adres"),
        ("phone", "0612-xyz"),
        ("persona", "studentxyz"),
        ("birth_date", "31-02-1990"),
        ("hours_per_week", 90),
        ("notes", "BSN 111222333 staat op de pas"),
    ],
)
def test_register_reports_bad_fields_at_the_field(services, field, value):
    with pytest.raises(ValidationError) as err:
        services.candidates.register(profile(**{field: value}), ONLY_PROCESSING)
    assert field in err.value.errors
    # The message must not echo what was typed (it may be personal data).
    assert str(value).strip() not in cli.text(err.value) or str(value).strip() == ""


def test_update_changes_only_given_fields_and_audits_field_names_not_values(services, vault):
    cand = services.candidates.register(profile(), ONLY_PROCESSING)
    updated = services.candidates.update(cand.id, {"skills": "Lassen MIG/MAG", "phone": ""})
    assert updated.skills == "Lassen MIG/MAG" and updated.phone is None
    assert updated.first_name == "Fatma"

    with vault.transaction() as s:
        audit = s.scalars(
            sa.select(AuditEntry).where(
                AuditEntry.record_id == cand.id, AuditEntry.action == "update"
            )
        ).one()
        assert set(audit.fields.split(",")) == {"skills", "phone"}
        assert audit.actor_id == vault.owner_id
        assert "Lassen" not in json.dumps([audit.fields, audit.entity, audit.action])
        outbox = s.scalars(
            sa.select(OutboxEntry).where(
                OutboxEntry.record_id == cand.id, OutboxEntry.op == "update"
            )
        ).one()
        assert set(json.loads(outbox.fields)) == {"skills", "phone"}


def test_update_refuses_phase_and_status(services):
    cand = services.candidates.register(profile(), ONLY_PROCESSING)
    with pytest.raises(ValidationError) as err:
        services.candidates.update(cand.id, {"phase": "matching", "status": "placed"})
    assert set(err.value.errors) == {"phase", "status"}
    assert services.candidates.get(cand.id).phase == Phase.ORIENTATION


def test_withdrawing_consent_keeps_the_earlier_record(services, vault):
    cand = services.candidates.register(profile(), ALL_CONSENTS)
    after = services.candidates.set_consent(cand.id, ConsentPurpose.SHARE_EMPLOYER, False)
    assert not after.has_consent(ConsentPurpose.SHARE_EMPLOYER)
    again = services.candidates.set_consent(cand.id, ConsentPurpose.SHARE_EMPLOYER, True)
    assert again.has_consent(ConsentPurpose.SHARE_EMPLOYER)
    with vault.transaction() as s:
        rows = s.scalars(
            sa.select(Consent).where(Consent.purpose == ConsentPurpose.SHARE_EMPLOYER)
        ).all()
    assert len(rows) == 2 and sum(r.withdrawn_on is not None for r in rows) == 1
    with pytest.raises(RuleViolation, match=Code.PROCESSING_CONSENT_WITHDRAWN):
        services.candidates.set_consent(cand.id, ConsentPurpose.PROCESSING, False)


def test_notes_are_searchable_and_unknown_ids_are_not_found(services):
    cand = services.candidates.register(profile(), ONLY_PROCESSING)
    services.candidates.add_note(cand.id, "Heeft interesse in warmtepompen")
    assert [r.id for r in services.queries.search("warmtepo")] == [cand.id]
    with pytest.raises(NotFound):
        services.candidates.get("00000000-0000-0000-0000-000000000000")
    with pytest.raises(NotFound):
        services.candidates.add_note("nope", "tekst")


def test_colleagues_and_assignment(services):
    colleague = services.coaches.add(
        "Joris de Wit", "joris@sptnoord-holland.nl", [Role.JOBCOACH], Spt.NOORD_HOLLAND
    )
    cand = services.candidates.register(profile(), ONLY_PROCESSING)
    after = services.candidates.assign(cand.id, colleague.id, Role.JOBCOACH)
    assert (colleague.id, Role.JOBCOACH) in {(a.coach_id, a.role) for a in after.assignments}
    with pytest.raises(ValidationError):
        services.coaches.add("", "geen-mail", [], Spt.MIDDEN)
