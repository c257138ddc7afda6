"""Which candidate ends where (status and phase), and the route and dates of each
candidate's journey, decided before any row is written."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from spt_common.enums import CandidateStatus, DropoutReason, Persona, Phase
from spt_desktop.demo.draw import add_months, span_days, weighted
from spt_desktop.demo.state import State


@dataclass(frozen=True)
class Scenario:
    """Where one candidate ends: status and phase (persona and leak when fixed)."""

    status: CandidateStatus
    phase: Phase
    persona: Persona | None = None
    reason: DropoutReason | None = None
    recent: bool = False  # last move within the last days: pending handovers, new work


_STATUS_WEIGHTS = {
    CandidateStatus.ACTIVE: 46,
    CandidateStatus.PLACED: 18,
    CandidateStatus.RETAINED: 10,
    CandidateStatus.DROPPED_OUT: 18,
    CandidateStatus.CLOSED: 8,
}
_ACTIVE_PHASES = {
    Phase.ORIENTATION: 22,
    Phase.DEEP_ORIENTATION: 25,
    Phase.MATCHING: 30,
    Phase.TRAINING: 23,
}
_DROPOUT_PHASES = {
    Phase.ORIENTATION: 15,
    Phase.DEEP_ORIENTATION: 20,
    Phase.MATCHING: 30,
    Phase.TRAINING: 15,
    Phase.RETENTION: 20,
}
# A few fixed scenarios so that even a small caseload shows every persona, phase and leak.
_COVERAGE = (
    *(Scenario(CandidateStatus.ACTIVE, Phase.MATCHING, persona=p) for p in Persona),
    Scenario(CandidateStatus.ACTIVE, Phase.ORIENTATION, recent=True),
    Scenario(CandidateStatus.ACTIVE, Phase.DEEP_ORIENTATION),
    Scenario(CandidateStatus.ACTIVE, Phase.MATCHING, recent=True),
    Scenario(CandidateStatus.ACTIVE, Phase.TRAINING),
    Scenario(CandidateStatus.PLACED, Phase.RETENTION, recent=True),
    Scenario(CandidateStatus.PLACED, Phase.RETENTION),
    Scenario(CandidateStatus.RETAINED, Phase.RETENTION),
    Scenario(CandidateStatus.CLOSED, Phase.RETENTION),
    Scenario(CandidateStatus.CLOSED, Phase.DEEP_ORIENTATION),
    *(
        Scenario(CandidateStatus.DROPPED_OUT, phase, reason=reason)
        for reason, phase in (
            (DropoutReason.LANGUAGE_GAP, Phase.MATCHING),
            (DropoutReason.SALARY_GAP, Phase.MATCHING),
            (DropoutReason.AVAILABILITY_EXPECTATIONS, Phase.RETENTION),
            (DropoutReason.TOO_LITTLE_GUIDANCE, Phase.RETENTION),
            (DropoutReason.NO_SUITABLE_VACANCIES, Phase.MATCHING),
            (DropoutReason.NO_CERTIFIABLE_TRAINING, Phase.DEEP_ORIENTATION),
            (DropoutReason.FUNDING, Phase.TRAINING),
            (DropoutReason.PERSONAL_CIRCUMSTANCES, Phase.ORIENTATION),
            (DropoutReason.OTHER, Phase.DEEP_ORIENTATION),
            (DropoutReason.TOO_FEW_PRAKTIJKOPLEIDERS, Phase.RETENTION),
            (DropoutReason.TOO_LITTLE_MIDDENKADER, Phase.RETENTION),
            (DropoutReason.TRANSITION_READINESS, Phase.MATCHING),
            (DropoutReason.FOUND_WORK_ELSEWHERE, Phase.TRAINING),
        )
    ),
)


def draw_scenarios(rng: random.Random, n: int) -> list[Scenario]:
    """``n`` scenarios: the fixed coverage ones first, then drawn, shuffled."""
    chosen = list(_COVERAGE[:n])
    while len(chosen) < n:
        status = weighted(rng, _STATUS_WEIGHTS)
        if status == CandidateStatus.ACTIVE:
            phase = weighted(rng, _ACTIVE_PHASES)
        elif status in (CandidateStatus.PLACED, CandidateStatus.RETAINED):
            phase = Phase.RETENTION
        elif status == CandidateStatus.DROPPED_OUT:
            phase = weighted(rng, _DROPOUT_PHASES)
        else:  # closed: half after a full year of retention, half early
            phase = Phase.RETENTION if rng.random() < 0.5 else weighted(rng, _ACTIVE_PHASES)
        chosen.append(Scenario(status, phase, recent=rng.random() < 0.06))
    rng.shuffle(chosen)
    return chosen


@dataclass
class Life:
    """The dates and route of one candidate, decided before any row is written."""

    registered: date
    end: date  # today, or the day of dropout / closure
    route: list[Phase]
    move_dates: list[date]
    placement_start: date | None = None
    placement_end: date | None = None


def _route(rng: random.Random, final: Phase, persona: Persona) -> list[Phase]:
    o, d, m, t, r = Phase
    direct = persona in (Persona.EMPLOYED_IN_TECH, Persona.NO_WORK_BENEFIT_TECHNICAL)
    options = {
        o: [[o]],
        d: [[o, d]],
        m: [[o, m]] if direct and rng.random() < 0.5 else [[o, d, m]],
        t: [[o, d, t], [o, d, m, t], [o, m, t] if direct else [o, d, m, t]],
        r: [[o, d, m, r], [o, d, m, t, r], [o, m, r] if direct else [o, d, m, r], [o, d, t, m, r]],
    }[final]
    route = list(rng.choice(options))
    # The route is iterative (whitepaper §3): some go back before they go on.
    for _ in range(rng.choices((0, 1, 2), weights=(62, 30, 8))[0]):
        if len(route) < 2:
            break
        k = rng.randint(1, len(route) - 1)
        here = route[k]
        back = [p for p in Phase if phase_index(p) < phase_index(here)]
        if not back:
            continue
        route[k + 1 : k + 1] = [rng.choice(back[-2:]), here]
    return route


_PHASE_INDEX = {phase: i for i, phase in enumerate(Phase)}


def phase_index(phase: Phase) -> int:
    """The phase's place in the forward order of the journey."""
    return _PHASE_INDEX[phase]


def draw_life(st: State, sc: Scenario, persona: Persona) -> Life:
    """The dates and route of a candidate who ends as the scenario says."""
    rng, today = st.rng, st.today
    route = _route(rng, sc.phase, persona)
    start = end = None
    if sc.phase == Phase.RETENTION:
        if sc.status == CandidateStatus.PLACED:
            start = today - timedelta(days=rng.randint(2, 9) if sc.recent else rng.randint(7, 340))
            last_move, stop = start, today
        elif sc.status == CandidateStatus.RETAINED:
            start = today - timedelta(days=rng.randint(390, 720))
            last_move, stop = start, today
        elif sc.status == CandidateStatus.CLOSED:
            start = today - timedelta(days=rng.randint(420, 900))
            last_move = start
            stop = end = min(today, add_months(start, 12) + timedelta(days=rng.randint(5, 40)))
        else:  # dropped out after placement
            start = today - timedelta(days=rng.randint(40, 600))
            last_move = start
            stop = end = start + timedelta(days=rng.randint(14, min(340, span_days(start, today))))
        registered = start - timedelta(days=rng.randint(45, 300))
    else:
        if sc.status == CandidateStatus.ACTIVE:
            span = {Phase.ORIENTATION: 90, Phase.DEEP_ORIENTATION: 220}.get(sc.phase, 480)
            registered = today - timedelta(days=rng.randint(2 if sc.recent else 10, span))
            stop = today
            last_move = today - timedelta(days=rng.randint(0, 8)) if sc.recent else today
        else:
            registered = today - timedelta(days=rng.randint(40, 900))
            stop = registered + timedelta(
                days=rng.randint(20, min(320, span_days(registered, today)))
            )
            last_move = stop
    fixed = sc.recent or sc.phase == Phase.RETENTION
    moves = _move_dates(rng, registered, max(registered, last_move), len(route), fixed)
    return Life(registered, stop, route, moves, start, end)


def _move_dates(rng: random.Random, first: date, last: date, n: int, fixed: bool) -> list[date]:
    """``n`` phase-move dates from ``first`` (registration) up to ``last``; with ``fixed``
    the last move falls on ``last`` itself (the start of a placement, a recent move)."""
    span = span_days(first, last)
    k = n - 2 if fixed else n - 1
    offsets = sorted(rng.randint(min(1, span), span) for _ in range(max(k, 0)))
    if fixed and n > 1:
        offsets.append(span)
    return [first, *(first + timedelta(days=d) for d in offsets)]


def phase_spans(life: Life) -> list[tuple[Phase, date, date]]:
    """Each phase of the route with the day it started and ended."""
    ends = [*life.move_dates[1:], life.end]
    return list(zip(life.route, life.move_dates, ends, strict=True))
