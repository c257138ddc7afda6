"""Referrals (issue 16 §1) in the vault: recording one, taking it up into a candidate with
everything known carried over, and the terugkoppeling only with consent."""

from __future__ import annotations

from typing import Any

import pytest

from spt_common.enums import ConsentPurpose, LetterMoment, ReferralSource, ReferralStatus
from spt_desktop.errors import Code, FieldError, Problem
from spt_desktop.services.errors import RuleViolation, ValidationError
from tests.conftest import TODAY


def referral(**over: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "referrer_kind": "werkcentrum",
        "referrer_region": "Zaanstreek-Waterland",
        "referrer_organisation": "Werkcentrum Zaanstad",
        "referrer_person": "Mieke de Boer",
        "referrer_contact": "m.deboer@werkcentrum.example",
        "first_name": "Samira",
        "last_name": "El Amrani",
        "email": "samira@example.org",
        "phone": "06 12345678",
        "municipality": "zaanstad",
        "question": "Wil de techniek in, liefst installatietechniek.",
        "known": "Werkte 8 jaar in de logistiek; rijbewijs B.",
        "consent_spt": True,
        "consent_report_back": True,
    }
    values.update(over)
    return values


def test_a_referral_needs_a_name_a_referrer_and_consent_and_saves_nothing_else(
    services,
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.referrals.record(referral(first_name="", referrer_kind="", consent_spt=False))
    assert set(caught.value.errors) == {"first_name", "referrer_kind", "consent_spt"}
    with pytest.raises(ValidationError) as caught:
        services.referrals.record(referral(referrer_kind="campaign"))
    assert set(caught.value.errors) == {"campaign"}
    assert services.referrals.every() == []


def test_accepting_a_referral_registers_her_with_what_was_known_and_keeps_the_link(
    services,
) -> None:
    me = services.actor_id
    made = services.referrals.record(referral(coach_id=me))
    assert made.status is ReferralStatus.RECEIVED and made.municipality == "Zaanstad"
    assert [r.id for r in services.referrals.mine()] == [made.id]
    values = services.referrals.prefill(made.id)
    assert values["first_name"] == "Samira" and values["referral_source"] == "werkcentrum"
    values.update(persona="no_work_benefit_nontechnical", benefit_status="ww", birth_date=None)
    consents = {
        ConsentPurpose.PROCESSING: values.pop("consent"),
        ConsentPurpose.SHARE_REFERRER_FUNDER: values.pop("share_referrer_funder"),
    }
    cand = services.referrals.accept(made.id, values, consents)
    assert (cand.first_name, cand.email, cand.referral_source) == (
        "Samira",
        "samira@example.org",
        ReferralSource.WERKCENTRUM,
    )
    linked = services.referrals.get(made.id)
    assert linked.candidate_id == cand.id and linked.status is ReferralStatus.IN_GUIDANCE
    assert services.referrals.mine() == []
    assert services.referrals.for_candidate(cand.id) == linked
    assert "installatietechniek" in services.candidates.notes(cand.id)[0].text
    with pytest.raises(RuleViolation) as again:
        services.referrals.accept(made.id, values, consents)
    assert again.value.code is Code.REFERRAL_ACCEPTED

    # Before the intake is recorded there is no letter saying it took place: refused at
    # the moment's field, nothing kept (issue 16, left over).
    with pytest.raises(ValidationError) as early:
        services.referrals.send_letter(cand.id, LetterMoment.INTAKE)
    assert early.value.errors == {"moment": FieldError(Problem.INTAKE_NOT_RECORDED)}
    for moment, problem in (
        (LetterMoment.PLACEMENT, Problem.PLACEMENT_NOT_RECORDED),
        (LetterMoment.DROPOUT, Problem.DROPOUT_NOT_RECORDED),
        (LetterMoment.CLOSING, Problem.CLOSING_NOT_RECORDED),
    ):
        with pytest.raises(ValidationError) as none:
            services.referrals.letter(cand.id, moment)
        assert none.value.errors == {"moment": FieldError(problem)}
    assert services.referrals.letters(cand.id) == []
    services.intake.record(cand.id, {"background": "Acht jaar logistiek."})
    letter = services.referrals.send_letter(cand.id, LetterMoment.INTAKE)
    assert letter.recipient_organisation == "Werkcentrum Zaanstad"
    assert ("Intake gehouden op", TODAY) in letter.facts
    assert [(x.moment, x.sent_on) for x in services.referrals.letters(cand.id)] == [
        (LetterMoment.INTAKE, TODAY)
    ]
    services.candidates.set_consent(cand.id, ConsentPurpose.SHARE_REFERRER_FUNDER, False)
    with pytest.raises(RuleViolation) as refused:
        services.referrals.send_letter(cand.id, LetterMoment.PLACEMENT)
    assert refused.value.code is Code.REFERRER_CONSENT_MISSING
    assert len(services.referrals.letters(cand.id)) == 1  # nothing kept


# --- minimal personal data: a done referral keeps none of its candidate's ---------------

PERSONAL_VALUES = (
    "Samira", "El Amrani", "samira@example.org", "06 12345678", "installatietechniek",
    "logistiek",
)  # fmt: skip


def referral_row(services, referral_id: str) -> tuple[Any, ...]:  # type: ignore[no-untyped-def]
    with services._ctx.vault.engine.connect() as conn:
        return tuple(
            conn.exec_driver_sql(
                "SELECT first_name, last_name, email, phone, question, known, municipality,"
                " referrer_organisation, referrer_kind, referrer_region, status,"
                " not_started_reason FROM referral WHERE id = ?",
                (referral_id,),
            ).one()
        )


def test_niet_gestart_clears_her_personal_data_and_leaves_no_trace_in_the_vault(
    services,
) -> None:
    import json

    from spt_desktop.models import Setting
    from spt_desktop.models.drafts import draft_key
    from tests.services.test_privacy_vault import raw_dump

    made = services.referrals.record(referral(coach_id=services.actor_id))
    # An unsaved candidate form about her (a draft) and a conflict about her phone.
    with services._ctx.vault.transaction(services.actor_id) as s:
        s.add(
            Setting(
                key=draft_key(f"accept_referral:{made.id}"),
                value=json.dumps({"first_name": "Samira", "last_name": "El Amrani"}),
            )
        )
    with services._ctx.vault.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO sync_conflict (id, entity, record_id, kind, field, local_value,"
            " server_value, detected_at) VALUES ('c1', 'referral', ?, 'field', 'phone', ?,"
            " '\"06 87654321\"', '2026-11-30 10:00:00')",
            (made.id, json.dumps("06 12345678")),
        )
    done = services.referrals.not_started(made.id, "unreachable")
    assert (done.first_name, done.last_name, done.email, done.phone, done.question) == (
        "", "", None, None, "",
    )  # fmt: skip
    # Who referred, from where, and what became of it stay for the monitor.
    # Her municipality goes too: no figure reads it (DESIGN.md, vault 0016).
    assert referral_row(services, made.id) == (
        "", "", None, None, "", "", "", "Werkcentrum Zaanstad", "werkcentrum",
        "Zaanstreek-Waterland", "not_started", "unreachable",
    )  # fmt: skip
    assert done.municipality == "" and done.not_started_note is None
    everything = raw_dump(services._ctx.vault)
    for value in (*PERSONAL_VALUES, "06 87654321"):
        assert value not in everything


def test_an_accepted_referral_leaves_her_data_to_the_candidate(services) -> None:
    made = services.referrals.record(referral(coach_id=services.actor_id))
    values = services.referrals.prefill(made.id)
    values.update(persona="no_work_benefit_nontechnical", benefit_status="ww", birth_date=None)
    consents = {
        ConsentPurpose.PROCESSING: values.pop("consent"),
        ConsentPurpose.SHARE_REFERRER_FUNDER: values.pop("share_referrer_funder"),
    }
    cand = services.referrals.accept(made.id, values, consents)
    assert referral_row(services, made.id)[:6] == ("", "", None, None, "", "")
    linked = services.referrals.for_candidate(cand.id)
    assert linked is not None and linked.referrer == "Werkcentrum Zaanstad (Zaanstreek-Waterland)"
    # The dossier keeps what she asked (the note written at acceptance); the letter names
    # her from her own record.
    assert "installatietechniek" in services.candidates.notes(cand.id)[0].text
    services.intake.record(cand.id, {"background": "Acht jaar logistiek."})
    letter = services.referrals.letter(cand.id, LetterMoment.INTAKE)
    assert letter.candidate_name == "Samira El Amrani"


def test_a_niet_gestart_referral_pulled_from_the_server_keeps_no_name_either(
    services,
) -> None:
    from spt_common import protocol as p
    from spt_desktop.models.base import new_id
    from spt_desktop.sync.apply import apply_page

    data = {
        "spt": "spt_noord_holland", "referred_on": "2026-11-20", "referrer_kind": "uwv",
        "referrer_region": None, "campaign": None, "referrer_organisation": "UWV",
        "referrer_person": "", "referrer_contact": "", "first_name": "Samira",
        "last_name": "El Amrani", "email": "samira@example.org", "phone": "06 12345678",
        "municipality": "Zaanstad", "question": "installatietechniek", "known": "logistiek",
        "consent_spt": True, "consent_report_back": False, "status": "not_started",
        "intake_on": None, "not_started_reason": "unreachable", "not_started_note": None,
        "coach_id": None, "candidate_id": None, "recorded_by": services.actor_id,
    }  # fmt: skip
    rid = new_id()
    waiting = dict(data, status="received", not_started_reason=None)
    with services._ctx.vault.engine.begin() as conn:
        apply_page(conn, [p.Record(entity="referral", id=rid, rev=5, data=waiting)])
    assert referral_row(services, rid)[0] == "Samira"  # waiting: kept
    with services._ctx.vault.engine.begin() as conn:
        apply_page(conn, [p.Record(entity="referral", id=rid, rev=6, data=data)])
    assert referral_row(services, rid)[:6] == ("", "", None, None, "", "")


def test_the_cleared_fields_are_the_same_in_the_vault_migration_and_on_the_server() -> None:
    import importlib

    from spt_common.protocol import ENTITY_FIELDS
    from spt_desktop.models.referrals import PERSONAL
    from spt_server.store import REFERRAL_PERSONAL

    frozen = importlib.import_module(
        "spt_desktop.models.migrations.versions.0016_referral_retention_more"
    ).PERSONAL
    assert PERSONAL == frozen == REFERRAL_PERSONAL
    # Each is cleared to what the wire takes: null only where the field may be null.
    for name, empty in PERSONAL.items():
        assert ENTITY_FIELDS["referral"][name].endswith("?") == (empty is None), name
