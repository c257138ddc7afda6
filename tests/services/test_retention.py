"""Behoud and uitval (issue 12 §3): retention checkpoints with a note, uitval in any phase
through any leak, reactivation into any phase, closing with an outcome and a date; and
Vandaag per role (§5)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from spt_common.enums import (
    CandidateStatus,
    CheckpointOutcome,
    ClosingOutcome,
    DropoutReason,
    Phase,
    Role,
    Spt,
    VacancyKind,
)
from spt_desktop.cli import messages as cli
from spt_desktop.services.errors import RuleViolation, ValidationError
from tests.conftest import TODAY
from tests.services.factories import ONLY_PROCESSING, employer, profile


def _placed(services, first="Anna", starts=date(2026, 10, 15)):
    cand = services.candidates.register(profile(first_name=first), ONLY_PROCESSING)
    emp = services.employers.create(employer())
    match = services.matching.propose(cand.id, emp.id)
    placement = services.matching.place(
        match.id, {"job_title": "Monteur", "contract": "bbl", "starts_on": starts.isoformat()}
    )
    return cand, placement


def test_checkpoint_in_service_keeps_a_note_and_not_in_service_ends_the_placement(services):
    cand, placement = _placed(services)
    first = placement.checkpoints[0]
    point = services.journey.checkpoint(first.id, True, "Gaat goed, blij met de ploeg")
    assert point.outcome == CheckpointOutcome.RETAINED
    assert point.note == "Gaat goed, blij met de ploeg" and point.done_on == TODAY
    with pytest.raises(RuleViolation):
        services.journey.checkpoint(first.id, True)
    # The next one cannot be in the future or before the start.
    second = placement.checkpoints[1]
    with pytest.raises(ValidationError) as bad:
        services.journey.checkpoint(second.id, False, on=TODAY + timedelta(days=1))
    assert cli.field_texts(bad.value) == {"done_on": "ligt in de toekomst"}
    with pytest.raises(ValidationError) as bad:
        services.journey.checkpoint(second.id, False, on=date(2026, 10, 1))
    assert cli.field_texts(bad.value) == {"done_on": "ligt vóór de start van de plaatsing"}
    services.journey.checkpoint(second.id, False, "Uit dienst getreden")
    [after] = services.matching.placements(cand.id)
    assert after.ended_on == TODAY
    assert services.candidates.get(cand.id).status == CandidateStatus.ACTIVE


def test_every_leak_of_the_whitepaper_is_a_dropout_reason() -> None:
    codes = {r.value for r in DropoutReason}
    # The old codes stay readable, and the whitepaper's leaks are all there.
    assert {
        "language_gap", "salary_gap", "availability_expectations", "too_little_guidance",
        "too_few_praktijkopleiders", "too_little_middenkader", "transition_readiness",
        "funding", "no_certifiable_training", "no_suitable_vacancies",
        "personal_circumstances", "found_work_elsewhere", "other",
    } == codes  # fmt: skip


def test_dropout_in_a_chosen_phase_then_reactivate_into_any_phase(services):
    cand, _ = _placed(services)
    drop = services.journey.drop_out(
        cand.id, DropoutReason.TOO_FEW_PRAKTIJKOPLEIDERS, "Geen begeleider", phase=Phase.RETENTION
    )
    assert (drop.phase, drop.reason) == (Phase.RETENTION, DropoutReason.TOO_FEW_PRAKTIJKOPLEIDERS)
    assert services.matching.placements(cand.id)[0].ended_on == TODAY  # ends with it
    with pytest.raises(ValidationError) as bad:
        services.journey.reactivate(cand.id, "")
    assert set(bad.value.errors) == {"reason"}
    event = services.journey.reactivate(cand.id, "Wil het opnieuw proberen", Phase.MATCHING)
    assert (event.from_phase, event.to_phase) == (Phase.RETENTION, Phase.MATCHING)
    assert event.reason == "Opnieuw aangemeld: Wil het opnieuw proberen"
    got = services.candidates.get(cand.id)
    assert (got.status, got.phase) == (CandidateStatus.ACTIVE, Phase.MATCHING)


def test_close_with_outcome_and_date(services):
    cand, _ = _placed(services)
    with pytest.raises(ValidationError) as bad:
        services.journey.close(cand.id, None, None)
    assert set(bad.value.errors) == {"closing_outcome", "closed_on"}
    with pytest.raises(ValidationError) as bad:
        services.journey.close(cand.id, ClosingOutcome.RETAINED, TODAY + timedelta(days=3))
    assert cli.field_texts(bad.value) == {"closed_on": "ligt in de toekomst"}
    with pytest.raises(ValidationError) as bad:  # registered on TODAY
        services.journey.close(cand.id, ClosingOutcome.RETAINED, TODAY - timedelta(days=1))
    assert cli.field_texts(bad.value) == {"closed_on": "ligt vóór de aanmelding"}
    closed = services.journey.close(cand.id, ClosingOutcome.RETAINED, TODAY)
    assert (closed.status, closed.closed_on, closed.closing_outcome) == (
        CandidateStatus.CLOSED, TODAY, ClosingOutcome.RETAINED,
    )  # fmt: skip
    assert services.queries.dropouts(cand.id) == []  # a durable placement is no uitval
    with pytest.raises(RuleViolation):
        services.journey.close(cand.id, ClosingOutcome.RETAINED, TODAY)
    # Reactivating clears the closing.
    services.journey.reactivate(cand.id, "Nieuwe vraag", Phase.ORIENTATION)
    again = services.candidates.get(cand.id)
    assert (again.closed_on, again.closing_outcome) == (None, None)


def test_closing_an_open_candidate_as_stopped_is_an_uitval_with_its_leak(services):
    cand = services.candidates.register(profile(), ONLY_PROCESSING)
    services.journey.move(cand.id, Phase.DEEP_ORIENTATION, "Techcourt")
    with pytest.raises(ValidationError) as bad:
        services.journey.close(cand.id, ClosingOutcome.STOPPED, TODAY)
    assert cli.field_texts(bad.value) == {"reason": "kies de oorzaak (lek) van deze uitval"}
    services.journey.close(cand.id, ClosingOutcome.STOPPED, TODAY, DropoutReason.FUNDING)
    [drop] = services.queries.dropouts(cand.id)
    assert (drop.phase, drop.reason, drop.occurred_on) == (
        Phase.DEEP_ORIENTATION, DropoutReason.FUNDING, TODAY,
    )  # fmt: skip
    other = services.candidates.register(profile(first_name="Bo"), ONLY_PROCESSING)
    services.journey.close(other.id, ClosingOutcome.WORKING_ELSEWHERE, TODAY)
    assert [d.reason for d in services.queries.dropouts(other.id)] == [
        DropoutReason.FOUND_WORK_ELSEWHERE
    ]


def test_today_groups_each_roles_work(services):
    jobcoach = services.coaches.add("Jet Bos", "jet@spt.nl", [Role.JOBCOACH], Spt.NOORD_HOLLAND)
    _anna, placement = _placed(services, "Anna")
    theirs = services.candidates.register(profile(first_name="Bram"), ONLY_PROCESSING)
    services.candidates.assign(theirs.id, jobcoach.id, Role.JOBCOACH)
    emp = services.employers.create(employer(name="Installatiebedrijf Noord"))
    services.matching.propose(theirs.id, emp.id)
    services.employers.add_vacancy(
        emp.id,
        {"kind": VacancyKind.FUTURE_NEED, "title": "Monteur warmtepompen",
         "expected_on": (TODAY + timedelta(days=20)).isoformat()},
    )  # fmt: skip
    today = services.queries.today()
    keys = [g.key for g in today.groups]
    # The owner is loopbaancoach and arbeidsmarktcoach: her groups in journey order; the
    # checkpoint of her candidate without a jobcoach falls to her after them.
    assert keys == ["intakes", "matches", "future_needs", "checkpoints"]
    assert [i.candidate_id for i in today.group("intakes")] == [theirs.id]  # (Anna: placed)
    assert [i.detail for i in today.group("matches")] == [
        "Voorgesteld bij Installatiebedrijf Noord"
    ]
    [need] = today.group("future_needs")
    assert (need.candidate_id, need.employer_id) == ("", emp.id)
    assert [i.record_id for i in today.checkpoints] == [placement.checkpoints[0].id]


def test_monitor_counts_the_uitval_and_the_closing_also_from_a_kept_snapshot(services):
    """The whole loop at the monitor: placed, not in service at a checkpoint, uitval
    through a leak, reactivated into Matching, closed as duurzaam geplaatst. The closing
    reaches the figures also when the monitor kept a snapshot before it (the vault's
    triggers see the new columns)."""
    cand, placement = _placed(services)
    assert services.monitor.keep_current()  # a snapshot before any of it
    services.journey.checkpoint(placement.checkpoints[0].id, False, "Gestopt na ruzie")
    services.journey.drop_out(cand.id, DropoutReason.TOO_LITTLE_MIDDENKADER, "Niemand had tijd")
    services.journey.reactivate(cand.id, "Nieuwe kans", Phase.MATCHING)
    # A view in between keeps what it read; the reactivated candidate is in Matching.
    [(_, _, *counts)] = services.monitor.report(TODAY, TODAY).table("phases").rows
    assert counts == [1 if p == Phase.MATCHING else 0 for p in Phase]
    services.journey.close(cand.id, ClosingOutcome.RETAINED, TODAY)

    report = services.monitor.report(date(2026, 1, 1), TODAY)
    [drop] = [r for r in report.table("dropouts").rows if r[-1]]
    assert drop[1] == DropoutReason.TOO_LITTLE_MIDDENKADER.label
    phases = report.table("dropouts").columns
    assert drop[phases.index(Phase.RETENTION.label)] == 1
    [row] = report.table("retention").rows
    cols = report.table("retention").columns
    assert row[cols.index("Geplaatst")] == 1
    assert row[cols.index("Afgesloten: duurzaam geplaatst")] == 1
    assert row[cols.index("Afgesloten: elders aan het werk")] == 0
    # The closing ends the stay: no candidate in a phase at the month's end any more.
    assert services.monitor.report(TODAY, TODAY).table("phases").rows == ()
