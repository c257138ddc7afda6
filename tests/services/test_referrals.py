"""Referrals (issue 16 §1) in the vault: recording one, taking it up into a candidate with
everything known carried over, and the terugkoppeling only with consent."""

from __future__ import annotations

from typing import Any

import pytest

from spt_common.enums import ConsentPurpose, LetterMoment, ReferralSource, ReferralStatus
from spt_desktop.errors import Code
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

    letter = services.referrals.send_letter(cand.id, LetterMoment.INTAKE)
    assert letter.recipient_organisation == "Werkcentrum Zaanstad"
    assert [(x.moment, x.sent_on) for x in services.referrals.letters(cand.id)] == [
        (LetterMoment.INTAKE, TODAY)
    ]
    services.candidates.set_consent(cand.id, ConsentPurpose.SHARE_REFERRER_FUNDER, False)
    with pytest.raises(RuleViolation) as refused:
        services.referrals.send_letter(cand.id, LetterMoment.PLACEMENT)
    assert refused.value.code is Code.REFERRER_CONSENT_MISSING
    assert len(services.referrals.letters(cand.id)) == 1  # nothing kept
