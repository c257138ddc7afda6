"""Work: matches during the matching phases, the placement with its retention
checkpoints, and training with its funding."""

from __future__ import annotations

import random
from datetime import date, timedelta

from spt_common.enums import (
    CandidateStatus,
    CheckpointOutcome,
    ContractKind,
    DropoutReason,
    FundingKind,
    MatchParty,
    MatchStatus,
    Persona,
    Phase,
    Role,
    Sector,
    Spt,
    TrainingFund,
    TrainingStatus,
)
from spt_desktop.demo.draw import add_months, day_between, weighted
from spt_desktop.demo.employers import SECTOR_WEIGHTS, SECTOR_WORK, pick_employer
from spt_desktop.demo.scenarios import Life, Scenario, phase_spans
from spt_desktop.demo.state import PlacementFacts, Row, State, sync_columns

_SECTOR_FUNDS = {
    Sector.INSTALLATIE: (TrainingFund.WIJ_TECHNIEK,),
    Sector.ELEKTROTECHNIEK: (TrainingFund.WIJ_TECHNIEK,),
    Sector.METAAL: (TrainingFund.OOM, TrainingFund.AO_METALEKTRO),
    Sector.ENERGIE: (TrainingFund.WIJ_TECHNIEK, TrainingFund.AO_METALEKTRO),
    Sector.BOUW: (),
}
_PUBLIC_PROVIDERS = ("ROC Nova College", "Horizon College", "ROC van Amsterdam", "Regio College",
                     "ROC TOP", "MBO College Hilversum")  # fmt: skip
_PRIVATE_PROVIDERS = (
    "Opleidingscentrum Techniek Noord-Holland",
    "Laswerk Academie West",
    "Vakschool Duurzame Energie",
    "Installatie Leerbedrijf Kennemerland",
)


def matches_and_placement(
    st: State,
    cid: str,
    sc: Scenario,
    life: Life,
    holders: dict[Role, str],
    spt: Spt,
    persona: Persona,
) -> Row | None:
    """Matches during the matching phases; the placement and its checkpoints. Returns
    the employer the candidate was placed with, if any."""
    rng = st.rng
    spans = [(s, e) for p, s, e in phase_spans(life) if p == Phase.MATCHING]
    if not spans:
        return None
    amc = holders.get(Role.ARBEIDSMARKTCOACH, holders[Role.LOOPBAANCOACH])
    placed = life.placement_start is not None
    n = rng.randint(1, 3)
    last_match: tuple[str, Row, Row | None] | None = None
    for i in range(n):
        start, end = spans[min(i, len(spans) - 1)]
        employer = pick_employer(st, spt)
        vacancies = st.vacancies.get(employer["id"]) or []
        vacancy = rng.choice(vacancies) if vacancies and rng.random() < 0.7 else None
        final = i == n - 1
        if final and placed:
            klik: int | None
            status, klik = MatchStatus.PLACED, rng.choice((4, 4, 5, 5, 3))
        elif final and sc.status == CandidateStatus.ACTIVE and sc.phase == Phase.MATCHING:
            status = weighted(
                rng, {MatchStatus.PROPOSED: 4, MatchStatus.INTRODUCED: 3, MatchStatus.TRIAL: 2}
            )
            klik = rng.choice((None, 3, 4, 5))
        else:
            status, klik = MatchStatus.DECLINED, rng.choice((1, 2, 2, 3))
        match_id = st.ids()
        st.rows["match"].append(
            {
                **sync_columns(st, match_id),
                "candidate_id": cid,
                "employer_id": employer["id"],
                "vacancy_id": vacancy["id"] if vacancy else None,
                "coach_id": amc,
                "status": status,
                "klik": klik,
                "proposed_on": day_between(rng, start, end),
                "notes": rng.choice(
                    (
                        "Klik met de praktijkopleider was er meteen.",
                        "Werkgever kijkt naar potentie, niet alleen naar het cv.",
                        "Verwachtingen over werktijden liepen uiteen.",
                        "Kandidaat vond het bedrijf te ver weg.",
                        "",
                    )
                ),
            }
        )
        row = st.rows["match"][-1]
        row.update(_steps(match_id, status, row["proposed_on"], life.placement_start, st.today))
        if status == MatchStatus.PROPOSED:
            row["klik"] = None  # the klik follows the kennismaking
        last_match = (match_id, employer, vacancy)
    if not placed or last_match is None:
        return None
    _placement(st, cid, sc, life, holders, persona, last_match)
    return last_match[1]


# What a jobcoach writes at a retention checkpoint.
_CHECKPOINT_NOTES = {
    CheckpointOutcome.RETAINED: (
        "Gaat goed; de ploeg is tevreden.",
        "Nog in dienst, wil de BBL-opleiding afmaken.",
        "Loopt goed, praktijkopleider is positief.",
        "In dienst; salaris besproken, krijgt een verhoging na de proeftijd.",
    ),
    CheckpointOutcome.LEFT: (
        "Uit dienst; zie de registratie van de uitval.",
        "Contract niet verlengd.",
    ),
}


# Why a match ended, by whom (whitepaper leaks: salary, hours, travel, the klik).
_DECLINED = (
    (MatchParty.EMPLOYER, "Zoekt iemand die ook in ploegendienst kan werken."),
    (MatchParty.EMPLOYER, "Taalniveau nog te laag voor de veiligheidsinstructies."),
    (MatchParty.CANDIDATE, "Startsalaris ligt ver onder het huidige inkomen."),
    (MatchParty.CANDIDATE, "Reistijd naar het bedrijf te lang."),
    (MatchParty.SPT, "Geen klik bij de kennismaking; ander bedrijf gezocht."),
)


def _steps(
    match_id: str, status: MatchStatus, proposed: date, placed: date | None, today: date
) -> Row:
    """The dates of a match's steps and, for a 'no', who and why. Drawn from the match's
    own random stream, so the rest of the demo stays as it was."""
    rng = random.Random(match_id)
    out: Row = dict.fromkeys(("introduced_on", "trial_on", "hired_on", "declined_on",
                              "declined_by", "declined_reason"))  # fmt: skip
    day = proposed
    order = [MatchStatus.INTRODUCED, MatchStatus.TRIAL, MatchStatus.HIRED]
    reach = {MatchStatus.PROPOSED: 0, MatchStatus.INTRODUCED: 1, MatchStatus.TRIAL: 2,
             MatchStatus.PLACED: 3, MatchStatus.DECLINED: rng.randint(0, 2)}[status]  # fmt: skip
    for step in order[:reach]:
        if step == MatchStatus.TRIAL and status == MatchStatus.PLACED and rng.random() < 0.6:
            continue  # most placements skip the proefplaatsing
        day = min(day + timedelta(days=rng.randint(3, 14)), placed or today, today)
        out[{MatchStatus.INTRODUCED: "introduced_on", MatchStatus.TRIAL: "trial_on",
             MatchStatus.HIRED: "hired_on"}[step]] = max(day, proposed)  # fmt: skip
    if status == MatchStatus.DECLINED:
        by, why = rng.choice(_DECLINED)
        out |= {
            "declined_on": min(day + timedelta(days=rng.randint(2, 10)), today),
            "declined_by": by,
            "declined_reason": why,
        }
    return out


def _terms(placement_id: str, employer: Row, vacancy: Row | None, contract: ContractKind) -> Row:
    """Hours a week and the employer's fund; one placement in eight starts as a
    proefplaatsing. Drawn from the placement's own random stream."""
    rng = random.Random(placement_id)
    hours = (vacancy or {}).get("hours_per_week") or rng.choice((24, 32, 36, 38, 40))
    funds = _SECTOR_FUNDS.get(employer["sector"], ())
    return {
        "hours_per_week": hours,
        "fund": rng.choice(funds) if funds else None,
        "contract": ContractKind.TRIAL if rng.random() < 0.125 else contract,
    }


def _placement(
    st: State,
    cid: str,
    sc: Scenario,
    life: Life,
    holders: dict[Role, str],
    persona: Persona,
    match: tuple[str, Row, Row | None],
) -> None:
    rng, today = st.rng, st.today
    match_id, employer, vacancy = match
    assert life.placement_start is not None
    start, ended = life.placement_start, life.placement_end
    failing = sc.status == CandidateStatus.DROPPED_OUT
    contract = weighted(
        rng, {ContractKind.BBL: 40, ContractKind.LEERWERKBAAN: 25, ContractKind.REGULAR: 35}
    )
    if persona == Persona.EMPLOYED_IN_TECH:
        contract = rng.choice((ContractKind.BBL, ContractKind.REGULAR))
    placement_id = st.ids()
    jobcoach = holders[Role.JOBCOACH]
    st.rows["placement"].append(
        {
            **sync_columns(st, placement_id),
            "candidate_id": cid,
            "employer_id": employer["id"],
            "vacancy_id": vacancy["id"] if vacancy else None,
            "match_id": match_id,
            "jobcoach_id": jobcoach,
            "job_title": vacancy["title"]
            if vacancy
            else rng.choice(SECTOR_WORK[employer["sector"]][0]),
            "contract": contract,
            "starts_on": start,
            "ended_on": ended if failing else None,
            **_terms(placement_id, employer, vacancy, contract),
        }
    )
    for months in (1, 3, 6, 12):
        due = add_months(start, months)
        done, outcome = None, None
        if failing and ended is not None and due > ended:
            done, outcome = ended, CheckpointOutcome.LEFT
        elif due <= today - timedelta(days=14) or (due <= today and rng.random() < 0.5):
            done = min(due + timedelta(days=rng.randint(-3, 10)), today)
            outcome = CheckpointOutcome.RETAINED
        st.rows["retention_checkpoint"].append(
            {
                **sync_columns(st),
                "candidate_id": cid,
                "placement_id": placement_id,
                "months": months,
                "due_on": due,
                "done_on": done,
                "outcome": outcome,
                "note": rng.choice(_CHECKPOINT_NOTES[outcome]) if outcome else None,
            }
        )
    st.placements.append(
        PlacementFacts(
            id=placement_id,
            candidate_id=cid,
            employer_id=employer["id"],
            site=f"{employer['name']}, {employer['municipality']}",
            jobcoach_id=jobcoach,
            starts_on=start,
            last_day=min(today, ended or today),
            ongoing=sc.status == CandidateStatus.PLACED,
            failing=failing,
        )
    )


def trainings(
    st: State,
    cid: str,
    sc: Scenario,
    life: Life,
    persona: Persona,
    employer: Row | None,
) -> None:
    """A training in the training phase, funded as the whitepaper's rules allow."""
    rng, today = st.rng, st.today
    spans = [(s, e) for p, s, e in phase_spans(life) if p == Phase.TRAINING]
    if not spans:
        return
    start = spans[-1][0]
    employed = employer is not None or persona in (
        Persona.EMPLOYED_IN_TECH,
        Persona.EMPLOYED_OUTSIDE_TECH,
    )
    public = rng.random() < 0.55
    sector = employer["sector"] if employer else weighted(rng, SECTOR_WEIGHTS)
    funds = _SECTOR_FUNDS[sector]
    # Sector funds pay only for people who work in the sector (whitepaper: "alleen voor
    # werkenden"); before that it is a scholingsvoucher, the gemeente/UWV, or own money.
    fund: TrainingFund | None
    if employed and funds and rng.random() < 0.6:
        funding, fund = FundingKind.FUND, rng.choice(funds)
        if employer is None and persona != Persona.EMPLOYED_IN_TECH:
            # At work outside the techniek: a sector fund does not pay (the service's
            # rule); the employer of today does. (Same draws: the demo stays the same.)
            funding, fund = FundingKind.EMPLOYER, None
    elif employer is not None:
        funding, fund = FundingKind.EMPLOYER, None
    else:
        funding = weighted(
            rng,
            {FundingKind.SCHOLINGSVOUCHER: 50, FundingKind.GEMEENTE_UWV: 30,
             FundingKind.SELF: 10, FundingKind.NONE: 10},
        )  # fmt: skip
        fund = None
    if sc.reason == DropoutReason.FUNDING:
        funding, fund = FundingKind.NONE, None
    ends = start + timedelta(days=rng.choice((30, 60, 120, 300, 365)))
    if sc.status == CandidateStatus.DROPPED_OUT and life.route[-1] == Phase.TRAINING:
        status = TrainingStatus.STOPPED
    elif ends <= today:
        status = TrainingStatus.COMPLETED
    elif start <= today:
        status = TrainingStatus.IN_PROGRESS
    else:
        status = TrainingStatus.PLANNED
    programme = rng.choice(SECTOR_WORK[sector][1])
    st.rows["training"].append(
        {
            **sync_columns(st),
            "candidate_id": cid,
            "provider": rng.choice(_PUBLIC_PROVIDERS if public else _PRIVATE_PROVIDERS),
            "programme": programme,
            "publicly_funded": public,
            "funding": funding,
            "fund": fund,
            "starts_on": start,
            "ends_on": ends,
            "status": status,
            "certificate": programme if status == TrainingStatus.COMPLETED else None,
            # Rijksbekostigd mbo gives recognised certificates; private courses often do
            # not (the whitepaper's leak "geen certificeerbare eenheden").
            "certifiable": public,
        }
    )
