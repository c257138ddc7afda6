"""Monitor figures against a caseload small enough to compute by hand (period Q1 2026).

A  no_work_no_benefit   reg 01-05: orient 01-05, deep 01-20, matching 02-10,
                        back to orient 02-20, matching 03-15
B  employed_in_tech     reg 2025-12-01: orient 12-01, matching 01-10; dropout in
                        matching 02-05, salary gap
C  employed_in_tech     reg 02-01: orient 02-01, retention 02-15; placed 02-15,
                        checkpoints 1 and 3 months: retained
E  no_work_benefit_tech reg 01-02: orient 01-02, retention 01-03; placed 01-03,
                        1 month retained, 3 months left
D  (registered 04-10, after the period: in no figure)
"""

from __future__ import annotations

from datetime import date

import pytest

from spt_common.enums import (
    CheckpointOutcome as CO,
)
from spt_common.enums import (
    DropoutReason,
    Persona,
    Phase,
    ReferralSource,
    Spt,
)
from spt_common.monitor_figures import (
    SUPPRESSED,
    CandidateFact,
    DropoutFact,
    Facts,
    MoveFact,
    Period,
    PlacementFact,
    compute,
)

O, DO, M, T, R = (  # noqa: E741  (short names keep the hand-computed tables readable)
    Phase.ORIENTATION,
    Phase.DEEP_ORIENTATION,
    Phase.MATCHING,
    Phase.TRAINING,
    Phase.RETENTION,
)
Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


def cand(cid: str, persona: Persona, registered: date) -> CandidateFact:
    return CandidateFact(
        cid, persona, Spt.NOORD_HOLLAND, "Noord-Holland Noord", ReferralSource.UWV, "Sanne",
        registered,
    )  # fmt: skip


def moves(cid: str, *steps: tuple[Phase, date]) -> list[MoveFact]:
    out, prev = [], None
    for phase, on in steps:
        out.append(MoveFact(cid, prev, phase, on))
        prev = phase
    return out


FACTS = Facts(
    candidates=[
        cand("A", Persona.NO_WORK_NO_BENEFIT, d(1, 5)),
        cand("B", Persona.EMPLOYED_IN_TECH, d(12, 1, 2025)),
        cand("C", Persona.EMPLOYED_IN_TECH, d(2, 1)),
        cand("D", Persona.EMPLOYED_IN_TECH, d(4, 10)),
        cand("E", Persona.NO_WORK_BENEFIT_TECHNICAL, d(1, 2)),
    ],
    moves=[
        *moves("A", (O, d(1, 5)), (DO, d(1, 20)), (M, d(2, 10)), (O, d(2, 20)), (M, d(3, 15))),
        *moves("B", (O, d(12, 1, 2025)), (M, d(1, 10))),
        *moves("C", (O, d(2, 1)), (R, d(2, 15))),
        *moves("D", (O, d(4, 10))),
        *moves("E", (O, d(1, 2)), (R, d(1, 3))),
    ],
    dropouts=[DropoutFact("B", M, DropoutReason.SALARY_GAP, d(2, 5))],
    placements=[
        PlacementFact("C", d(2, 15), ((1, CO.RETAINED), (3, CO.RETAINED))),
        PlacementFact("E", d(1, 3), ((1, CO.RETAINED), (3, CO.LEFT))),
    ],
)


def phase_counts(row):
    return dict(zip(list(Phase), row[2:], strict=True))


def test_candidates_per_phase_at_each_month_end():
    table = compute(FACTS, Q1).table("phases")
    rows = {r[0]: phase_counts(r) for r in table.rows}
    assert set(rows) == {"2026-01-31", "2026-02-28", "2026-03-31"}
    assert rows["2026-01-31"] == {O: 0, DO: 1, M: 1, T: 0, R: 1}  # A deep, B matching, E
    assert rows["2026-02-28"] == {O: 1, DO: 0, M: 0, T: 0, R: 2}  # A back; B dropped out
    assert rows["2026-03-31"] == {O: 0, DO: 0, M: 1, T: 0, R: 2}


def test_flows_including_moves_back():
    table = compute(FACTS, Q1).table("flows")
    flows = {(r[1], r[2], r[3]): r[4] for r in table.rows}
    assert flows == {
        (O.label, DO.label, "verder"): 1,
        (O.label, M.label, "verder"): 2,
        (O.label, R.label, "verder"): 2,
        (DO.label, M.label, "verder"): 1,
        (M.label, O.label, "terug"): 1,
    }


def test_dropout_by_phase_and_leak():
    table = compute(FACTS, Q1, by="persona").table("dropouts")
    nonzero = [r for r in table.rows if r[-1]]
    assert nonzero == [
        (Persona.EMPLOYED_IN_TECH.label, DropoutReason.SALARY_GAP.label, 0, 0, 1, 0, 0, 1)
    ]


def test_time_in_phase_counts_stays_that_ended_in_the_period():
    table = compute(FACTS, Q1).table("time_in_phase")
    got = {r[1]: r[2:] for r in table.rows}
    # orientation stays: A 15 and 23, B 40, C 14, E 1 days
    assert got[O.label] == (5, 18.6, 15.0)
    assert got[DO.label] == (1, 21.0, 21.0)
    assert got[M.label] == (2, 18.0, 18.0)  # A 10, B 26 (until the dropout)
    assert got[R.label] == (0, None, None)


def test_duurzame_plaatsing_at_3_6_12_months():
    (row,) = compute(FACTS, Q1).table("retention").rows
    assert row == ("Totaal", 2, 2, 1, 50.0, 1, 0, 0.0, 1, 0, 0.0, 0, 0)


def test_split_by_each_dimension_sums_to_the_total():
    total = compute(FACTS, Q1).table("flows")
    for by in ("persona", "spt", "region", "coach", "referral_source"):
        split = compute(FACTS, Q1, by=by).table("flows")
        assert sum(r[4] for r in split.rows) == sum(r[4] for r in total.rows)
    with pytest.raises(ValueError):
        compute(FACTS, Q1, by="bsn")


def test_small_counts_are_suppressed_and_their_shares_blanked():
    report = compute(FACTS, Q1).suppressed()
    (row,) = report.table("retention").rows
    assert row[1] == SUPPRESSED and row[4] is None  # 2 placements: no percentage either
    zero_row = next(r for r in report.table("time_in_phase").rows if r[1] == R.label)
    assert zero_row[2] == 0  # zero is not identifying and stays
    csv_text = report.table("retention").to_csv()
    assert csv_text.splitlines()[1].startswith("Totaal;<5;")


def test_monitor_service_over_a_real_vault(services):
    """The service loads the same kind of facts from the vault."""
    from tests.services.factories import ONLY_PROCESSING, profile

    a = services.candidates.register(profile(), ONLY_PROCESSING)  # registered 2026-11-30
    services.journey.move(a.id, Phase.MATCHING, "klaar", on=date(2026, 12, 3))
    services.journey.move(a.id, Phase.ORIENTATION, "toch nog niet", on=date(2026, 12, 10))
    services.journey.drop_out(a.id, DropoutReason.LANGUAGE_GAP, on=date(2026, 12, 20))
    report = services.monitor.report(date(2026, 12, 1), date(2026, 12, 31), by="persona")
    flows = {(r[1], r[2], r[3]): r[4] for r in report.table("flows").rows}
    assert flows == {(O.label, M.label, "verder"): 1, (M.label, O.label, "terug"): 1}
    (drop,) = [r for r in report.table("dropouts").rows if r[-1]]
    assert drop[1] == DropoutReason.LANGUAGE_GAP.label and drop[2] == 1  # in orientation
    stays = {r[1]: r[2] for r in report.table("time_in_phase").rows}
    assert stays[O.label] == 2 and stays[M.label] == 1


def _stop_after(move, drops):  # type: ignore[no-untyped-def]
    """The dropout that ends the stay ``move`` starts: the first after its day, or on its
    day unless the move leaves the dropout's phase (the re-entry after it)."""
    return next(
        (d.on for d in sorted(drops, key=lambda d: d.on)
         if d.on > move.on or (d.on == move.on and d.phase != move.from_phase)),
        None,
    )  # fmt: skip


def _phases_by_brute_force(facts, period):  # type: ignore[no-untyped-def]
    """The definition, literally: at each month end, each candidate's phase (last move
    on or before it), unless not yet registered or the stay in it ended by a dropout by
    then (a move after a dropout re-enters)."""
    from collections import Counter

    counts: Counter = Counter()
    for c in facts.candidates:
        mine = sorted((m for m in facts.moves if m.candidate_id == c.id), key=lambda m: m.on)
        drops = [d for d in facts.dropouts if d.candidate_id == c.id]
        for day in period.month_ends():
            before = [m for m in mine if m.on <= day]
            if not before or c.registered_on > day:
                continue
            out = _stop_after(before[-1], drops)
            if out is not None and out <= day:
                continue
            counts[(day.isoformat(), before[-1].to_phase)] += 1
    return [
        (day.isoformat(), "Totaal", *(counts[(day.isoformat(), p)] for p in Phase))
        for day in period.month_ends()
    ]


@pytest.mark.parametrize("seed", range(6))
def test_phases_over_time_match_the_definition_on_random_caseloads(seed):  # type: ignore[no-untyped-def]
    """The fast interval count equals the literal definition: same-day moves, moves
    before registration, dropouts mid-journey and re-entry after a dropout included."""
    import random
    from datetime import timedelta

    rng = random.Random(seed)
    phases, cands, moves, drops = list(Phase), [], [], []
    for i in range(60):
        cid = f"k{i}"
        reg = date(2025, 1, 1) + timedelta(days=rng.randrange(500))
        cands.append(CandidateFact(cid, Persona.EMPLOYED_IN_TECH, Spt.MIDDEN, "Gooi",
                                   ReferralSource.UWV, "c", reg))  # fmt: skip
        day, prev = reg - timedelta(days=rng.randrange(20)), None
        for _ in range(rng.randrange(6)):
            to = rng.choice(phases)
            moves.append(MoveFact(cid, prev, to, day))
            prev = to
            day += timedelta(days=rng.choice([0, 0, 3, 31, 90]))
            if prev is not None and rng.random() < 0.15:
                drops.append(DropoutFact(cid, prev, DropoutReason.OTHER, day))
    rng.shuffle(moves)
    facts = Facts(cands, moves, drops, [])
    for period in (
        Period(date(2025, 3, 10), date(2026, 6, 30)),
        Period(date(2025, 5, 1), date(2025, 5, 1)),
    ):
        report = compute(facts, period)
        got = report.table("phases").rows
        want = [r for r in _phases_by_brute_force(facts, period) if any(r[2:])]
        assert [r for r in got if any(r[2:])] == want
        stays = {r[1]: r[2] for r in report.table("time_in_phase").rows}
        assert stays == _stays_by_brute_force(facts, period) or not any(stays.values())
        flows = sum(r[4] for r in report.table("flows").rows)
        assert flows == sum(1 for m in moves if m.from_phase is not None and m.on in period)


def _stays_by_brute_force(facts, period):  # type: ignore[no-untyped-def]
    """Stays (per phase) that ended in the period: at the next move, or at the dropout
    that ended it before."""
    from collections import Counter

    ended: Counter = Counter()
    for c in facts.candidates:
        mine = sorted((m for m in facts.moves if m.candidate_id == c.id), key=lambda m: m.on)
        drops = [d for d in facts.dropouts if d.candidate_id == c.id]
        for i, m in enumerate(mine):
            end = mine[i + 1].on if i + 1 < len(mine) else date.max
            out = _stop_after(m, drops)
            if out is not None and out < end:
                end = out
            if end in period:
                ended[m.to_phase.label] += 1
    return {p.label: ended[p.label] for p in Phase}


def test_monitor_service_by_coach_names_the_coach(services):  # type: ignore[no-untyped-def]
    from tests.services.factories import ONLY_PROCESSING, profile

    a = services.candidates.register(profile(), ONLY_PROCESSING)
    services.journey.move(a.id, Phase.MATCHING, "klaar", on=date(2026, 12, 3))
    me = next(c for c in services.coaches.all() if c.id == services.actor_id)
    report = services.monitor.report(date(2026, 12, 1), date(2026, 12, 31), by="coach")
    assert {r[0] for r in report.table("flows").rows} == {me.name}
    plain = services.monitor.report(date(2026, 12, 1), date(2026, 12, 31))
    assert {r[0] for r in plain.table("flows").rows} == {"Totaal"}


def test_facts_are_kept_until_the_vault_changes(services):  # type: ignore[no-untyped-def]
    """Another period or split reuses the facts read; any write makes them read again."""
    from tests.services.factories import ONLY_PROCESSING, profile

    a = services.candidates.register(profile(), ONLY_PROCESSING)
    first = services.monitor.prepared()
    assert services.monitor.prepared() is first  # nothing changed: not read again
    services.monitor.report(date(2026, 1, 1), date(2026, 12, 31), by="persona")
    services.monitor.report(date(2026, 1, 1), date(2026, 12, 31), by="coach")
    assert services.monitor.prepared() is first
    services.journey.move(a.id, Phase.MATCHING, "klaar", on=date(2026, 12, 3))
    after = services.monitor.prepared()
    assert after is not first
    assert after.move_count() == first.move_count() + 1
    report = services.monitor.report(date(2026, 12, 1), date(2026, 12, 31))
    assert [r[4] for r in report.table("flows").rows] == [1]


def test_a_change_by_another_connection_is_seen(vault, services, tmp_path):  # type: ignore[no-untyped-def]
    """A write through another opening of the same vault file (another process, say)
    moves SQLite's data_version: the kept facts are read again."""
    from spt_desktop.models.vault import Vault
    from spt_desktop.services import Services
    from tests.conftest import PASSPHRASE
    from tests.services.factories import ONLY_PROCESSING, profile

    first = services.monitor.prepared()
    other = Vault(tmp_path / "coach.sptvault")
    other.unlock(PASSPHRASE)
    try:
        Services(other, today=lambda: date(2026, 11, 30)).candidates.register(
            profile(), ONLY_PROCESSING
        )
    finally:
        other.lock()
    assert len(services.monitor.prepared().candidates) == len(first.candidates) + 1
