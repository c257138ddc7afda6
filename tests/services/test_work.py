"""Employers, vacancies, matching, placement, retention, visits, handovers, training."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from spt_common.enums import (
    ActivityKind,
    CandidateStatus,
    CheckpointOutcome,
    FundingKind,
    HandoverStatus,
    MatchStatus,
    Phase,
    Role,
    Spt,
    TrainingFund,
    VacancyKind,
)
from spt_desktop.errors import Code
from spt_desktop.services.errors import RuleViolation, ValidationError
from spt_desktop.services.matching import add_months
from tests.services.factories import ONLY_PROCESSING, employer, profile


@pytest.fixture
def cand(services):
    return services.candidates.register(profile(), ONLY_PROCESSING)


@pytest.fixture
def emp(services):
    return services.employers.create(employer())


@pytest.fixture
def jobcoach(services):
    return services.coaches.add(
        "Joris de Wit", "joris@sptnoord-holland.nl", [Role.JOBCOACH], Spt.NOORD_HOLLAND
    )


def test_employer_with_contacts_vacancies_and_future_needs(services, emp):
    assert emp.spt == Spt.NOORD_HOLLAND and emp.praktijkopleiders == 2
    services.employers.add_contact(emp.id, {"name": "Henk Zwart", "email": "h@zaanwarmte.nl"})
    services.employers.add_vacancy(emp.id, {"title": "Monteur W", "hours_per_week": 38})
    services.employers.add_vacancy(
        emp.id, {"title": "Warmtepompmonteur", "kind": "future_need", "expected_on": "2027-03-01"}
    )
    with pytest.raises(ValidationError) as err:
        services.employers.add_vacancy(emp.id, {"title": "Later", "kind": "future_need"})
    assert "expected_on" in err.value.errors
    kinds = sorted(v.kind for v in services.employers.vacancies(emp.id))
    assert kinds == [VacancyKind.FUTURE_NEED, VacancyKind.OPEN]
    assert [c.name for c in services.employers.contacts(emp.id)] == ["Henk Zwart"]
    assert [e.id for e in services.employers.find("zaanw")] == [emp.id]
    with pytest.raises(ValidationError):
        services.employers.create(employer(municipality="Eindhoven"))


def test_match_on_potential_then_place_schedules_retention(services, cand, emp, jobcoach):
    match = services.matching.propose(cand.id, emp.id, klik=4, notes="Goede klik met de chef")
    assert match.vacancy_id is None and match.status == MatchStatus.PROPOSED
    services.matching.advance(match.id, MatchStatus.INTRODUCED)
    services.matching.advance(match.id, MatchStatus.TRIAL, klik=5)
    with pytest.raises(RuleViolation, match=Code.MATCH_STEP_NOT_ALLOWED):
        services.matching.advance(match.id, MatchStatus.PROPOSED)

    placement = services.matching.place(
        match.id,
        {"job_title": "Monteur W", "contract": "bbl", "starts_on": "2026-01-31",
         "jobcoach_id": jobcoach.id},
    )  # fmt: skip
    due = [(c.months, c.due_on) for c in placement.checkpoints]
    assert due == [
        (1, date(2026, 2, 28)),
        (3, date(2026, 4, 30)),
        (6, date(2026, 7, 31)),
        (12, date(2027, 1, 31)),
    ]
    after = services.candidates.get(cand.id)
    assert (after.status, after.phase) == (CandidateStatus.PLACED, Phase.RETENTION)
    assert (jobcoach.id, Role.JOBCOACH) in {(a.coach_id, a.role) for a in after.assignments}
    assert services.matching.for_candidate(cand.id)[0].status == MatchStatus.PLACED

    for point in placement.checkpoints:
        services.matching.record_checkpoint(point.id, CheckpointOutcome.RETAINED)
    assert services.candidates.get(cand.id).status == CandidateStatus.RETAINED
    with pytest.raises(RuleViolation, match=Code.CHECKPOINT_DONE):
        services.matching.record_checkpoint(placement.checkpoints[0].id, CheckpointOutcome.LEFT)


def test_leaving_ends_the_placement(services, cand, emp):
    match = services.matching.propose(cand.id, emp.id)
    placement = services.matching.place(
        match.id, {"job_title": "Lasser", "contract": "regular", "starts_on": "2026-05-01"}
    )
    after = services.matching.record_checkpoint(placement.checkpoints[1].id, CheckpointOutcome.LEFT)
    assert after.ended_on is not None
    assert services.candidates.get(cand.id).status == CandidateStatus.ACTIVE


def test_add_months_clamps():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)


def test_visits_use_placement_defaults_and_freeze_after_sign_off(services, cand, emp):
    match = services.matching.propose(cand.id, emp.id)
    services.matching.place(
        match.id, {"job_title": "Monteur", "contract": "leerwerkbaan", "starts_on": "2026-10-01"}
    )
    defaults = services.visits.defaults(cand.id)
    assert defaults.employer_id == emp.id and "Zaanwarmte" in defaults.site

    visit = services.visits.log(
        cand.id,
        {"topics": "Inwerken", "progress_score": 4, "wellbeing_score": 3,
         "follow_up_on": "2026-12-14", "visited_at": datetime(2026, 11, 30, 10, 0)},
    )  # fmt: skip
    assert visit.employer_id == emp.id and visit.placement_id == defaults.placement_id
    services.visits.update(visit.id, {"agreements": "Elke vrijdag evaluatie"})
    signed = services.visits.sign_off(visit.id)
    assert signed.signed_off_at is not None
    with pytest.raises(RuleViolation, match=Code.VISIT_SIGNED_OFF):
        services.visits.update(visit.id, {"agreements": "gewijzigd"})
    with pytest.raises(RuleViolation, match=Code.VISIT_SIGNED_OFF):
        services.visits.delete(visit.id)
    assert services.visits.get(visit.id).agreements == "Elke vrijdag evaluatie"

    with pytest.raises(ValidationError) as err:
        services.visits.log(cand.id, {"progress_score": 9})
    assert {"progress_score", "topics"} <= set(err.value.errors)


def test_warm_handover_pending_until_the_receiver_accepts(services, vault, cand, jobcoach):
    h = services.handovers.start(
        cand.id, jobcoach.id, Role.JOBCOACH, "Start maandag bij Zaanwarmte"
    )
    assert h.status == HandoverStatus.PENDING and h.from_role == Role.LOOPBAANCOACH
    with pytest.raises(RuleViolation, match=Code.HANDOVER_PENDING):
        services.handovers.start(cand.id, jobcoach.id, Role.JOBCOACH, "nog een")
    with pytest.raises(RuleViolation, match=Code.HANDOVER_NOT_YOURS):
        services.handovers.accept(h.id)
    with pytest.raises(RuleViolation, match=Code.ROLE_NOT_HELD):
        services.handovers.start(cand.id, jobcoach.id, Role.COORDINATOR, "verkeerde rol")

    from spt_desktop.services import Services

    as_jobcoach = Services(vault, acting_as=jobcoach.id)
    assert [x.id for x in as_jobcoach.handovers.waiting_for_me()] == [h.id]
    assert services.handovers.waiting_for_me() == []
    accepted = as_jobcoach.handovers.accept(h.id)
    assert accepted.status == HandoverStatus.ACCEPTED and accepted.accepted_at is not None
    active = {
        (a.coach_id, a.role) for a in services.candidates.get(cand.id).assignments if a.active
    }
    assert active == {(jobcoach.id, Role.JOBCOACH)}


def test_activities_and_training_with_funding(services, cand):
    a = services.activities.add(
        cand.id, {"kind": ActivityKind.TECHCOURT, "held_on": "2026-11-02", "location": "Hoorn"}
    )
    services.activities.update(a.id, {"outcome": "positive"})
    assert services.activities.for_candidate(cand.id)[0].outcome == "positive"

    # Fund money is only for someone in work (whitepaper): this candidate works in tech.
    services.candidates.update(cand.id, {"persona": "employed_in_tech"})
    t = services.training.add(
        cand.id,
        {"provider": "Installatiewerk NHN", "programme": "Monteur W (BBL niveau 2)",
         "publicly_funded": True, "funding": FundingKind.FUND, "fund": TrainingFund.WIJ_TECHNIEK,
         "starts_on": "2027-01-05", "ends_on": "2028-07-01"},
    )  # fmt: skip
    assert t.fund == TrainingFund.WIJ_TECHNIEK
    with pytest.raises(ValidationError) as err:
        services.training.add(cand.id, {"provider": "X", "programme": "Y", "funding": "fund"})
    assert "fund" in err.value.errors
    with pytest.raises(ValidationError) as err:
        services.training.add(
            cand.id,
            {"provider": "X", "programme": "Y", "starts_on": "2027-02-01", "ends_on": "2027-01-01"},
        )
    assert "ends_on" in err.value.errors
    updated = services.training.update(t.id, {"funding": "scholingsvoucher"})
    assert updated.fund is None
