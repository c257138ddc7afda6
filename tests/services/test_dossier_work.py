"""The dossier's own work (issue 12 §4, issue 14 §5): activities planned, held and
cancelled; training funding by the whitepaper's rule; notes and aanvullingen on a
signed-off visit; the plan of approach corrected, agreed versions left as agreed."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from spt_common.enums import ActionStatus, ActivityOutcome, FundingKind, PlanStatus
from spt_desktop.errors import Code
from spt_desktop.services.errors import RuleViolation, ValidationError
from spt_desktop.services.refusals import Refused
from tests.services.factories import ONLY_PROCESSING, employer, profile


@pytest.fixture
def cand(services):  # type: ignore[no-untyped-def]
    return services.candidates.register(profile(), ONLY_PROCESSING)


def test_an_activity_is_planned_held_and_cancelled(services, cand):
    planned = services.activities.add(
        cand.id, {"kind": "techcourt", "held_on": "2026-12-10", "location": "Hoorn"}
    )
    assert planned.outcome == ActivityOutcome.PLANNED
    # How it went can only be said once it was held.
    with pytest.raises(Refused) as err:
        services.activities.update(planned.id, {"outcome": "positive"})
    assert (err.value.code, err.value.field) == (Code.ACTIVITY_NOT_HELD_YET, "outcome")
    held = services.activities.update(
        planned.id, {"held_on": "2026-11-28", "outcome": "positive", "notes": "Lassen ging goed"}
    )
    assert (held.outcome, held.notes) == (ActivityOutcome.POSITIVE, "Lassen ging goed")
    other = services.activities.add(cand.id, {"kind": "company_visit", "held_on": "2026-12-03"})
    assert services.activities.cancel(other.id).outcome == ActivityOutcome.CANCELLED
    kinds = [a.kind.label for a in services.activities.for_candidate(cand.id)]
    assert kinds == ["Techcourt", "Bedrijfsbezoek"]


def test_fund_money_only_for_someone_in_work(services, cand):
    values = {
        "provider": "Installatiewerk NHN", "programme": "Monteur W", "funding": "fund",
        "fund": "wij_techniek", "certifiable": True,
    }  # fmt: skip
    with pytest.raises(Refused) as err:
        services.training.add(cand.id, values)
    assert (err.value.code, err.value.field) == (Code.FUND_NEEDS_WORK, "funding")
    assert services.training.for_candidate(cand.id) == []
    # Another funding is fine; moving it to a fund later is refused the same way.
    t = services.training.add(cand.id, {**values, "funding": "scholingsvoucher", "fund": None})
    assert t.certifiable and t.funding == FundingKind.SCHOLINGSVOUCHER
    with pytest.raises(Refused):
        services.training.update(t.id, {"funding": "fund", "fund": "oom"})
    # Placed: now the fund pays.
    emp = services.employers.create(employer())
    match = services.matching.propose(cand.id, emp.id)
    services.matching.place(
        match.id, {"job_title": "Monteur", "contract": "bbl", "starts_on": date(2026, 12, 1)}
    )
    assert services.training.update(t.id, {"funding": "fund", "fund": "oom"}).fund == "oom"
    with pytest.raises(ValidationError) as verr:
        services.training.update(t.id, {"ends_on": "2026-01-01", "starts_on": "2026-02-01"})
    assert "ends_on" in verr.value.errors


def test_notes_in_date_order_and_an_aanvulling_only_on_a_signed_visit(services, cand):
    services.candidates.add_note(cand.id, "Tweede gesprek", datetime(2026, 11, 20, 10, 0))
    services.candidates.add_note(cand.id, "Eerste gesprek", datetime(2026, 11, 2, 10, 0))
    assert [n.text for n in services.candidates.notes(cand.id)] == [
        "Eerste gesprek",
        "Tweede gesprek",
    ]
    with pytest.raises(ValidationError) as err:
        services.candidates.add_note(cand.id, "Later", datetime(2027, 6, 1, 10, 0))
    assert "written_at" in err.value.errors
    visit = services.visits.log(cand.id, {"topics": "Eerste week"})
    with pytest.raises(Refused) as refused:
        services.visits.amend(visit.id, "Nog iets")
    assert refused.value.code == Code.VISIT_NOT_SIGNED
    services.visits.update(visit.id, {"topics": "Eerste week, goed begonnen"})
    services.visits.sign_off(visit.id)
    with pytest.raises(RuleViolation):
        services.visits.update(visit.id, {"topics": "Anders"})
    note = services.visits.amend(visit.id, "Werkgever belde: ook BHV-cursus")
    assert note.visit_id == visit.id
    assert services.visits.get(visit.id).topics == "Eerste week, goed begonnen"
    assert services.dossier(cand.id).notes[-1].visit_id == visit.id


def test_the_plan_is_corrected_and_the_agreed_version_stays(services, cand):
    g1 = services.plans.add_goal(cand.id, "Oriënteren op installatietechniek")
    g2 = services.plans.add_goal(cand.id, "Taal naar B2")
    a1 = services.plans.add_action(g1.id, "Techcourt bezoeken", "kandidaat", "2026-12-15")
    # A draft is edited in place.
    services.plans.update_goal(g2.id, "Taalniveau naar B2")
    services.plans.update_action(a1.id, "Techcourt Hoorn bezoeken", "coach", "2026-12-20")
    services.plans.set_summary(cand.id, "Eerst oriëntatie, dan taal")
    draft = services.plans.current(cand.id)
    assert [g.description for g in draft.goals] == [
        "Oriënteren op installatietechniek",
        "Taalniveau naar B2",
    ]
    assert draft.goals[0].actions[0].owner == "coach"
    agreed = services.plans.agree(draft.id)
    # Editing the agreed plan edits a new draft version; the agreed one stays.
    services.plans.remove_goal(agreed.goals[1].id)
    services.plans.update_action(
        agreed.goals[0].actions[0].id, "Techcourt Alkmaar", "coach", "2026-12-22"
    )
    v1, v2 = services.plans.versions(cand.id)
    assert (v1.status, len(v1.goals)) == (PlanStatus.AGREED, 2)
    assert v1.goals[0].actions[0].description == "Techcourt Hoorn bezoeken"
    assert (v2.status, len(v2.goals)) == (PlanStatus.DRAFT, 1)
    assert v2.goals[0].actions[0].description == "Techcourt Alkmaar"
    assert v2.summary == "Eerst oriëntatie, dan taal"
    # An older version is history.
    services.plans.agree(v2.id)
    with pytest.raises(Refused) as err:
        services.plans.update_goal(v1.goals[0].id, "Anders")
    assert err.value.code == Code.PLAN_VERSION_OLD
    # A new goal after a removal does not take a used position.
    g3 = services.plans.add_goal(cand.id, "Werkervaring opdoen")
    services.plans.set_action_status(
        services.plans.current(cand.id).goals[0].actions[0].id, ActionStatus.CANCELLED
    )
    current = services.plans.current(cand.id)
    assert [g.id for g in current.goals][-1] == g3.id
    assert current.goals[0].actions[0].status == ActionStatus.CANCELLED
    services.plans.remove_action(current.goals[0].actions[0].id)
    assert services.plans.current(cand.id).goals[0].actions == ()
