"""Matching step by step (issue 12 §2): each step dated, the klik after the kennismaking,
a 'no' with who and why, a step out of order refused at its field; placing with
contract kind, hours and fund; the side-by-side view's gaps."""

from __future__ import annotations

from datetime import date

import pytest

from spt_common.enums import (
    CandidateStatus,
    ConsentPurpose,
    ContractKind,
    MatchParty,
    MatchStatus,
    Phase,
    TrainingFund,
)
from spt_desktop.cli import messages as cli
from spt_desktop.errors import Code
from spt_desktop.services.errors import RuleViolation, ValidationError
from spt_desktop.services.match_gaps import Level, Topic
from tests.conftest import TODAY
from tests.services.factories import ONLY_PROCESSING, employer, profile


@pytest.fixture
def cand(services):
    return services.candidates.register(
        profile(hours_per_week=24, salary_expectation=3400, availability="Alleen dagdiensten"),
        ONLY_PROCESSING,
    )


@pytest.fixture
def emp(services):
    return services.employers.create(employer(municipality="Haarlem"))


def errors_of(fn) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err:
        fn()
    return cli.field_texts(err.value)


def test_each_step_is_dated_and_the_klik_follows_the_kennismaking(services, cand, emp):
    m = services.matching.propose(cand.id, emp.id)
    assert m.proposed_on == TODAY and m.vacancy_id is None
    with pytest.raises(RuleViolation, match=Code.MATCH_STEP_NOT_ALLOWED) as refused:
        services.matching.advance(m.id, MatchStatus.HIRED)  # no kennismaking yet
    assert refused.value.params == {"match_status": "proposed", "to_status": "hired"}
    assert set(errors_of(lambda: services.matching.advance(m.id, MatchStatus.INTRODUCED, 7))) == {
        "klik"
    }
    m = services.matching.advance(m.id, MatchStatus.INTRODUCED, 4, on=TODAY)
    assert (m.status, m.klik, m.introduced_on) == (MatchStatus.INTRODUCED, 4, TODAY)
    assert "on" in errors_of(
        lambda: services.matching.advance(m.id, MatchStatus.TRIAL, on=date(2026, 1, 1))
    )
    m = services.matching.advance(m.id, MatchStatus.HIRED)
    assert m.hired_on == TODAY and m.status == MatchStatus.HIRED
    stored = services.matching.for_candidate(cand.id)[0]
    assert (stored.status, stored.klik, stored.hired_on) == (MatchStatus.HIRED, 4, TODAY)


def test_a_no_says_by_whom_and_why_and_can_be_proposed_again(services, cand, emp):
    m = services.matching.propose(cand.id, emp.id)
    assert set(errors_of(lambda: services.matching.advance(m.id, MatchStatus.DECLINED))) == {
        "by",
        "reason",
    }
    m = services.matching.advance(
        m.id, MatchStatus.DECLINED, by=MatchParty.EMPLOYER, reason="Zoekt iemand met VCA"
    )
    assert (m.declined_by, m.declined_reason, m.declined_on) == (
        MatchParty.EMPLOYER,
        "Zoekt iemand met VCA",
        TODAY,
    )
    assert "klik" in errors_of(lambda: services.matching.advance(m.id, MatchStatus.PROPOSED, 3))
    # Declined before a kennismaking: no klik to give; after one, a low klik says why.
    assert "klik" in errors_of(
        lambda: services.matching.advance(
            services.matching.propose(cand.id, emp.id).id,
            MatchStatus.DECLINED,
            1,
            by=MatchParty.SPT,
            reason="Past niet",
        )
    )
    other = services.matching.propose(cand.id, emp.id)
    services.matching.advance(other.id, MatchStatus.INTRODUCED)
    done = services.matching.advance(
        other.id, MatchStatus.DECLINED, 1, by=MatchParty.CANDIDATE, reason="Geen klik"
    )
    assert (done.klik, done.declined_by) == (1, MatchParty.CANDIDATE)
    m = services.matching.advance(m.id, MatchStatus.PROPOSED)
    assert (m.status, m.declined_by, m.declined_reason, m.declined_on) == (
        MatchStatus.PROPOSED,
        None,
        None,
        None,
    )


def test_placing_keeps_contract_hours_and_fund_and_moves_the_journey(services, cand, emp):
    m = services.matching.propose(cand.id, emp.id)
    services.matching.advance(m.id, MatchStatus.INTRODUCED, 5)
    errors = errors_of(
        lambda: services.matching.place(m.id, {"job_title": "Monteur", "contract": "bbl"})
    )
    assert errors == {"starts_on": "verplicht veld"}
    p = services.matching.place(
        m.id,
        {
            "job_title": "Monteur",
            "contract": "trial",
            "starts_on": "2026-12-14",
            "hours_per_week": 32,
            "fund": "wij_techniek",
        },
    )
    assert (p.contract, p.hours_per_week, p.fund) == (
        ContractKind.TRIAL,
        32,
        TrainingFund.WIJ_TECHNIEK,
    )
    assert [c.due_on for c in p.checkpoints] == [
        date(2027, 1, 14),
        date(2027, 3, 14),
        date(2027, 6, 14),
        date(2027, 12, 14),
    ]
    c = services.candidates.get(cand.id)
    assert (c.phase, c.status) == (Phase.RETENTION, CandidateStatus.PLACED)
    assert services.journey.timeline(cand.id)[-1].to_phase == Phase.RETENTION
    with pytest.raises(RuleViolation, match=Code.MATCH_CANNOT_BE_PLACED):
        services.matching.place(
            m.id, {"job_title": "x", "contract": "bbl", "starts_on": "2026-12-14"}
        )


def test_side_by_side_shows_every_gap_and_hides_no_candidate(services, cand, emp):
    vac = services.employers.add_vacancy(emp.id, {"title": "Monteur installatietechniek",
                                                  "hours_per_week": 38})  # fmt: skip
    view = services.matching.side_by_side(cand.id, emp.id, vac.id)
    by = {g.topic: g for g in view.gaps}
    assert list(by) == list(Topic)
    assert by[Topic.HOURS].level == Level.GAP and by[Topic.HOURS].detail["diff"] == -14
    assert by[Topic.TRAVEL].level == Level.GAP  # Zaanstad → Haarlem: another region
    assert by[Topic.TRAVEL].detail["how"] == "spt"
    assert by[Topic.CONSENT].level == Level.GAP  # only processing consented
    services.candidates.set_consent(cand.id, ConsentPurpose.SHARE_EMPLOYER, True)
    view = services.matching.side_by_side(cand.id, emp.id, None)
    by = {g.topic: g for g in view.gaps}
    assert by[Topic.CONSENT].level == Level.FITS
    assert by[Topic.HOURS].level == Level.UNKNOWN and view.vacancy is None
