from __future__ import annotations

from datetime import date

import pytest

from spt_common.enums import (
    ActionStatus,
    CandidateStatus,
    DropoutReason,
    Phase,
    PlanStatus,
)
from spt_desktop.errors import Code
from spt_desktop.services.errors import RuleViolation, ValidationError
from tests.services.factories import ONLY_PROCESSING, profile


@pytest.fixture
def cand(services):
    return services.candidates.register(profile(), ONLY_PROCESSING)


def test_moves_go_back_and_forth_with_an_event_each(services, cand):
    path = [Phase.DEEP_ORIENTATION, Phase.MATCHING, Phase.ORIENTATION, Phase.TRAINING]
    for i, phase in enumerate(path):
        services.journey.move(cand.id, phase, f"reden {i}", on=date(2026, 12, 1 + i))
    events = services.journey.timeline(cand.id)
    assert [e.to_phase for e in events] == [Phase.ORIENTATION, *path]
    assert [e.from_phase for e in events[1:]] == [Phase.ORIENTATION, *path[:-1]]
    assert [e.is_move_back for e in events[1:]] == [False, False, True, False]
    assert services.candidates.get(cand.id).phase == Phase.TRAINING


def test_a_move_needs_a_reason_and_a_new_phase(services, cand):
    with pytest.raises(ValidationError) as err:
        services.journey.move(cand.id, Phase.MATCHING, "  ")
    assert "reason" in err.value.errors
    with pytest.raises(RuleViolation, match=Code.ALREADY_IN_PHASE):
        services.journey.move(cand.id, Phase.ORIENTATION, "al daar")
    assert len(services.journey.timeline(cand.id)) == 1


def test_dropout_records_phase_and_leak_and_blocks_moves_until_reactivated(services, cand):
    services.journey.move(cand.id, Phase.MATCHING, "Klaar voor matching")
    d = services.journey.drop_out(cand.id, DropoutReason.SALARY_GAP, "Startsalaris te laag")
    assert (d.phase, d.reason) == (Phase.MATCHING, DropoutReason.SALARY_GAP)
    assert services.candidates.get(cand.id).status == CandidateStatus.DROPPED_OUT
    with pytest.raises(RuleViolation, match=Code.CANDIDATE_NOT_IN_JOURNEY):
        services.journey.move(cand.id, Phase.TRAINING, "toch")
    with pytest.raises(RuleViolation, match=Code.ALREADY_DROPPED_OUT):
        services.journey.drop_out(cand.id, DropoutReason.FUNDING)
    services.journey.reactivate(cand.id, "Nieuwe kans met BBL", phase=Phase.DEEP_ORIENTATION)
    again = services.candidates.get(cand.id)
    assert (again.status, again.phase) == (CandidateStatus.ACTIVE, Phase.DEEP_ORIENTATION)


def test_dropout_reason_other_needs_an_explanation(services, cand):
    with pytest.raises(ValidationError):
        services.journey.drop_out(cand.id, DropoutReason.OTHER, "")
    with pytest.raises(ValidationError):
        services.journey.drop_out(cand.id, "verveeld")  # type: ignore[arg-type]


def test_intake_is_recorded_and_edited(services, cand):
    intake = services.intake.record(
        cand.id, {"background": "Tien jaar in de horeca", "obstacles": "Geen rijbewijs"}
    )
    services.intake.update(intake.id, {"wishes": "Dagdienst"})
    (got,) = services.intake.for_candidate(cand.id)
    assert (got.background, got.wishes, got.obstacles) == (
        "Tien jaar in de horeca",
        "Dagdienst",
        "Geen rijbewijs",
    )
    with pytest.raises(ValidationError):
        services.intake.record(cand.id, {})


def test_agreed_plan_is_never_rewritten(services, cand):
    goal = services.plans.add_goal(cand.id, "Starten als monteur W in een BBL-traject")
    services.plans.add_action(goal.id, "Oriëntatie bij Techcourt", "kandidaat", "2026-12-15")
    draft = services.plans.current(cand.id)
    agreed = services.plans.agree(draft.id)
    assert agreed.status == PlanStatus.AGREED and agreed.version == 1

    # Progress on an action is allowed on the agreed plan.
    action = agreed.goals[0].actions[0]
    assert (
        services.plans.set_action_status(action.id, ActionStatus.DONE).status == ActionStatus.DONE
    )

    # Editing starts version 2 as a copy; version 1 stays as agreed.
    services.plans.add_goal(cand.id, "Taalniveau naar B2")
    v2 = services.plans.current(cand.id)
    assert (v2.version, v2.status, len(v2.goals)) == (2, PlanStatus.DRAFT, 2)
    assert v2.goals[0].actions[0].status == ActionStatus.DONE
    v1 = services.plans.versions(cand.id)[0]
    assert [g.description for g in v1.goals] == ["Starten als monteur W in een BBL-traject"]

    services.plans.agree(v2.id)
    statuses = [p.status for p in services.plans.versions(cand.id)]
    assert statuses == [PlanStatus.SUPERSEDED, PlanStatus.AGREED]


def test_a_plan_without_goals_cannot_be_agreed(services, cand):
    draft = services.plans.draft(cand.id)
    with pytest.raises(RuleViolation, match=Code.PLAN_WITHOUT_GOALS):
        services.plans.agree(draft.id)
    with pytest.raises(ValidationError):
        services.plans.add_action(
            services.plans.add_goal(cand.id, "Doel").id, "", "coach", "morgen"
        )
