"""The candidate journey: phase moves with their reasons, the orientation and
matching activities along the way, and the warm handovers between coaches."""

from __future__ import annotations

from datetime import date, timedelta

from spt_common.enums import (
    ActivityKind,
    ActivityOutcome,
    CandidateStatus,
    HandoverStatus,
    Phase,
    Role,
)
from spt_desktop.demo.draw import day_between, span_days, time_on, weighted
from spt_desktop.demo.scenarios import Life, Scenario, phase_index, phase_spans
from spt_desktop.demo.state import State, sync_columns

_FORWARD_REASONS = {
    (Phase.ORIENTATION, Phase.DEEP_ORIENTATION): (
        "Interesse bevestigd in het oriëntatiegesprek; door naar verdieping.",
        "Wil installatietechniek in de praktijk ervaren in de Techniektuin.",
        "Online oriëntatie doorlopen; kiest voor een dag op de Techcourt.",
    ),
    (Phase.ORIENTATION, Phase.MATCHING): (
        "Technische achtergrond en ervaring: direct naar matching.",
        "Weet precies welke richting; werkgever uit eigen netwerk toont interesse.",
    ),
    (Phase.DEEP_ORIENTATION, Phase.MATCHING): (
        "Richting gekozen na de Techcourt: elektrotechniek.",
        "Praktijktest goed doorlopen; klaar voor matching.",
        "Beroepentuin bevestigt de keuze voor metaal; warme overdracht aan arbeidsmarktcoach.",
    ),
    (Phase.DEEP_ORIENTATION, Phase.TRAINING): (
        "Voorschakeltraject gestart met een scholingsvoucher.",
        "Eerst VCA en NEN 3140 halen voordat matching zin heeft.",
    ),
    (Phase.MATCHING, Phase.TRAINING): (
        "Match gevonden; start BBL-opleiding bij de werkgever.",
        "Werkgever vraagt eerst een vakcertificaat; opleiding gestart.",
    ),
    (Phase.TRAINING, Phase.MATCHING): (
        "Opleiding afgerond; op zoek naar een leerwerkplek.",
        "Certificaat behaald; terug naar matching voor een passende werkgever.",
    ),
    (Phase.MATCHING, Phase.RETENTION): (
        "Gestart bij de werkgever; de jobcoach neemt de begeleiding over.",
        "Arbeidscontract getekend; begeleiding op de werkvloer begint.",
    ),
    (Phase.TRAINING, Phase.RETENTION): (
        "Leerwerkbaan gestart naast de opleiding; jobcoach begeleidt.",
        "Na de opleiding in dienst getreden; jobcoach neemt over.",
    ),
}
_BACK_REASONS = {
    Phase.ORIENTATION: (
        "Techniektuin viel tegen; opnieuw kijken welke richting past.",
        "Kandidaat twijfelt of techniek bij hem of haar past; terug naar oriëntatie.",
    ),
    Phase.DEEP_ORIENTATION: (
        "Twijfel tussen metaal en installatie; extra meeloopdag gepland.",
        "Match ging niet door; eerst verdieping in een andere richting.",
        "Opleiding past niet; nieuwe oriëntatie op de Techcourt.",
    ),
    Phase.MATCHING: (
        "Proefplaatsing beëindigd; nieuwe match zoeken.",
        "Werkgever kon de begeleiding niet waarmaken; terug naar matching.",
    ),
    Phase.TRAINING: ("Aanvullende module nodig voordat de plaatsing verder kan.",),
}


def journey_events(st: State, cid: str, life: Life, holders: dict[Role, str]) -> None:
    """A journey event for every move of the route, with a reason that fits it."""
    rng = st.rng
    previous: Phase | None = None
    for phase, on in zip(life.route, life.move_dates, strict=True):
        if previous is None:
            reason = "Aangemeld bij het SPT"
        elif (
            phase_index(phase) < phase_index(previous) and (previous, phase) not in _FORWARD_REASONS
        ):
            reason = rng.choice(_BACK_REASONS[phase])
        else:
            reason = rng.choice(
                _FORWARD_REASONS.get((previous, phase), ("Volgende stap in de kandidaatreis.",))
            )
        role = Role.ARBEIDSMARKTCOACH if phase == Phase.MATCHING else Role.LOOPBAANCOACH
        st.rows["journey_event"].append(
            {
                **sync_columns(st),
                "candidate_id": cid,
                "from_phase": previous,
                "to_phase": phase,
                "occurred_on": on,
                "coach_id": holders.get(role, holders[Role.LOOPBAANCOACH]),
                "reason": reason,
            }
        )
        previous = phase


_ORIENTATION_KINDS = (
    ActivityKind.TECHCOURT,
    ActivityKind.TECHNIEKTUIN,
    ActivityKind.BEROEPENTUIN,
    ActivityKind.BTO_VTO,
)
_MATCHING_KINDS = (
    ActivityKind.MEET_AND_MATCH,
    ActivityKind.MATCHTAFEL,
    ActivityKind.SPEEDDATE,
    ActivityKind.COMPANY_VISIT,
    ActivityKind.BANENMARKT,
)
_ACTIVITY_NOTES = (
    "Enthousiast over het werken met installaties.",
    "Vond de praktijkopdracht lastig maar leerzaam.",
    "Goed gesprek met twee werkgevers.",
    "Kwam erachter dat metaal minder past.",
    "",
)
# Sector -> (job titles, training programmes)


def activities(st: State, cid: str, life: Life, ongoing: bool) -> None:
    """Orientation and matching activities in their phases; some planned ahead."""
    rng = st.rng
    for phase, start, end in phase_spans(life):
        if phase == Phase.ORIENTATION:
            kinds = [ActivityKind.ONLINE_ORIENTATION] if rng.random() < 0.5 else []
        elif phase == Phase.DEEP_ORIENTATION:
            kinds = rng.sample(_ORIENTATION_KINDS, rng.randint(1, 2))
        elif phase == Phase.MATCHING:
            kinds = rng.sample(_MATCHING_KINDS, rng.randint(1, 3))
        else:
            continue
        for kind in kinds:
            _activity(st, cid, kind, day_between(rng, start, end), ActivityOutcome.NEUTRAL)
    if (
        ongoing
        and life.route[-1] in (Phase.DEEP_ORIENTATION, Phase.MATCHING)
        and rng.random() < 0.4
    ):
        pool = _ORIENTATION_KINDS if life.route[-1] == Phase.DEEP_ORIENTATION else _MATCHING_KINDS
        later = st.today + timedelta(days=rng.randint(2, 30))
        _activity(st, cid, rng.choice(pool), later, ActivityOutcome.PLANNED)


def _activity(st: State, cid: str, kind: ActivityKind, on: date, outcome: ActivityOutcome) -> None:
    rng = st.rng
    if outcome != ActivityOutcome.PLANNED:
        outcome = weighted(
            rng,
            {ActivityOutcome.POSITIVE: 50, ActivityOutcome.NEUTRAL: 25,
             ActivityOutcome.NEGATIVE: 15, ActivityOutcome.NO_SHOW: 10,
             ActivityOutcome.CANCELLED: 4},
        )  # fmt: skip
    where = {
        ActivityKind.ONLINE_ORIENTATION: "Online",
        ActivityKind.TECHCOURT: "Techcourt",
        ActivityKind.TECHNIEKTUIN: "Techniektuin",
        ActivityKind.BEROEPENTUIN: "Beroepentuin",
        ActivityKind.BTO_VTO: "Opleidingslocatie",
        ActivityKind.COMPANY_VISIT: "Werkgever",
    }.get(kind, "SPT-loket")
    town = rng.choice(("Amsterdam", "Haarlem", "Alkmaar", "Zaandam", "Hilversum", "Hoorn"))
    st.rows["activity"].append(
        {
            **sync_columns(st),
            "candidate_id": cid,
            "kind": kind,
            "held_on": on,
            "location": where if where == "Online" else f"{where} {town}",
            "outcome": outcome,
            "notes": "" if outcome == ActivityOutcome.PLANNED else rng.choice(_ACTIVITY_NOTES),
        }
    )


def handovers(st: State, cid: str, sc: Scenario, life: Life, holders: dict[Role, str]) -> None:
    """Warm handovers loopbaan- to arbeidsmarktcoach, and on to the jobcoach when placed."""
    rng, today = st.rng, st.today
    steps = []
    matching = [d for p, d in zip(life.route, life.move_dates, strict=True) if p == Phase.MATCHING]
    if matching and Role.ARBEIDSMARKTCOACH in holders:
        steps.append((Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH, matching[0]))
    if life.placement_start and Role.JOBCOACH in holders:
        steps.append((Role.ARBEIDSMARKTCOACH, Role.JOBCOACH, life.placement_start))
    open_case = sc.status in (CandidateStatus.ACTIVE, CandidateStatus.PLACED)
    for i, (from_role, to_role, on) in enumerate(steps):
        giver, taker = holders[from_role], holders[to_role]
        if giver == taker:
            continue  # roles combined in one person: nothing to hand over
        created = time_on(rng, on)
        latest = i == len(steps) - 1
        pending = open_case and latest and span_days(on, today) <= 14 and rng.random() < 0.7
        st.rows["handover"].append(
            {
                **sync_columns(st),
                "candidate_id": cid,
                "from_coach_id": giver,
                "from_role": from_role,
                "to_coach_id": taker,
                "to_role": to_role,
                "summary": (
                    "Kandidaat heeft richting gekozen en is klaar voor matching; profiel, "
                    "plan van aanpak en afspraken staan in het dossier."
                    if to_role == Role.ARBEIDSMARKTCOACH
                    else "Geplaatst; afspraken met werkgever en praktijkopleider staan in het "
                    "dossier. Graag eerste bezoek binnen twee weken."
                ),
                "status": HandoverStatus.PENDING if pending else HandoverStatus.ACCEPTED,
                "created_at": created,
                "accepted_at": None
                if pending
                else min(created + timedelta(hours=rng.randint(2, 72)), st.stamp),
            }
        )
