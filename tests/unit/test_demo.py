"""The demo caseload generator: deterministic, complete (every persona, phase, leak,
activity and fund at ~200 candidates), consistent, and loadable into a real vault."""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise

import pytest
import sqlalchemy as sa

from spt_common.enums import (
    EXIT_OUTCOMES,
    ActivityKind,
    ActivityOutcome,
    BenefitStatus,
    CandidateStatus,
    CheckpointOutcome,
    ContractKind,
    DropoutReason,
    FundingKind,
    HandoverStatus,
    Persona,
    Phase,
    PlanStatus,
    Role,
    Sector,
    Spt,
    TrainingFund,
    VacancyKind,
)
from spt_desktop.demo import DemoData, fill_vault, generate
from spt_desktop.demo.fill import COACH_COLUMNS
from spt_desktop.demo.people import ORIGINS
from spt_desktop.demo.places import PLACES
from spt_desktop.demo.state import TABLES
from spt_desktop.models.base import Base
from spt_desktop.models.keyfile import KdfParams
from spt_desktop.models.regions import MUNICIPALITIES
from spt_desktop.models.vault import Vault

FAST_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
TODAY = date(2026, 11, 30)
OWNER = "00000000-0000-4000-8000-000000000001"
ALL_ROLES = (Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH, Role.JOBCOACH)


@pytest.fixture(scope="module", params=[1, 2, 3])
def data(request: pytest.FixtureRequest) -> DemoData:
    return generate(200, request.param, TODAY, OWNER, owner_roles=ALL_ROLES)


def by_candidate(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[r["candidate_id"]].append(r)
    return out


# --- determinism ---------------------------------------------------------------------------


def test_same_seed_same_data() -> None:
    a = generate(120, 7, TODAY, OWNER)
    b = generate(120, 7, TODAY, OWNER)
    assert a.rows == b.rows


def test_a_seed_makes_the_caseload_it_always_made() -> None:
    """Bench figures, screenshots and training material rest on what a seed makes. A
    change to the generator that changes its rows must change this digest on purpose
    (the move out of services/ into spt_desktop.demo kept it; vault 0008 changed it: notes
    carry visit_id and a few aanvullingen, trainings certifiable, no fund unless in work,
    bedrijfsbezoek and cancelled activities; vault 0009 the employers' branch, fund and
    transitiebereidheid, the vacancies' gaps and the employer contact log; vault 0010
    behoud and uitval: closings, checkpoint notes, the new leaks; vault 0013 the referrals
    and their terugkoppelingen, drawn last: every other table's rows are as they were;
    vault 0014 the loket register, after them, from a stream of its own; vault 0015 the
    accepted referrals without their candidate's personal data, no draw changed; the record
        ids time-ordered (version 7, spt_common.ids) from their own stream: nothing else)."""
    data = generate(60, 3, date(2023, 3, 15), OWNER, n_visits=200)
    text = json.dumps(data.rows, default=str, sort_keys=True)
    assert hashlib.sha256(text.encode()).hexdigest() == (
        "9715794e2a9062be0bb015232256a681957ef0576b79e29a411733498373931f"
    )


def test_other_seed_other_data() -> None:
    a = generate(50, 7, TODAY, OWNER)
    b = generate(50, 8, TODAY, OWNER)
    names = [(c["first_name"], c["last_name"]) for c in a.rows["candidate"]]
    assert names != [(c["first_name"], c["last_name"]) for c in b.rows["candidate"]]


def test_ids_depend_on_owner_and_salt_but_content_does_not() -> None:
    a = generate(30, 7, TODAY, OWNER)
    b = generate(30, 7, TODAY, "another-owner")
    c = generate(30, 7, TODAY, OWNER, id_salt="second fill")
    names = [(x["first_name"], x["last_name"]) for x in a.rows["candidate"]]
    for other in (b, c):
        assert names == [(x["first_name"], x["last_name"]) for x in other.rows["candidate"]]
        ids = {r["id"] for rows in other.rows.values() for r in rows}
        assert ids.isdisjoint(r["id"] for rows in a.rows.values() for r in rows)


def test_ids_are_unique_uuids(data: DemoData) -> None:
    ids = [r["id"] for rows in data.rows.values() for r in rows]
    assert len(ids) == len(set(ids))
    assert all(len(i) == 36 and i[14] == "7" and i[19] in "89ab" for i in ids)


# --- coverage ------------------------------------------------------------------------------


def test_every_persona_phase_and_status_occurs(data: DemoData) -> None:
    cands = data.rows["candidate"]
    assert {c["persona"] for c in cands} == set(Persona)
    assert {c["phase"] for c in cands} == set(Phase)
    assert {c["status"] for c in cands} == set(CandidateStatus)
    assert {c["spt"] for c in cands} == set(Spt)


def test_every_leak_occurs_as_dropout_reason_in_every_phase(data: DemoData) -> None:
    drops = data.rows["dropout"]
    assert {d["reason"] for d in drops} == set(DropoutReason)
    assert {d["phase"] for d in drops} == set(Phase)
    assert all(d["explanation"] for d in drops)


def test_every_activity_fund_contract_and_sector_occurs(data: DemoData) -> None:
    rows = data.rows
    assert {a["kind"] for a in rows["activity"]} == set(ActivityKind)
    assert {a["outcome"] for a in rows["activity"]} == set(ActivityOutcome)
    assert {t["certifiable"] for t in rows["training"]} == {True, False}
    assert {t["fund"] for t in rows["training"]} >= set(TrainingFund)
    assert {p["contract"] for p in rows["placement"]} == set(ContractKind)
    sectors = {e["sector"] for e in rows["employer"]}
    assert {Sector.INSTALLATIE, Sector.METAAL, Sector.BOUW, Sector.ENERGIE} <= sectors
    assert {v["kind"] for v in rows["vacancy"]} == set(VacancyKind)
    assert {h["status"] for h in rows["handover"]} == set(HandoverStatus)
    assert {p["status"] for p in rows["plan"]} == set(PlanStatus)
    assert {c["outcome"] for c in rows["retention_checkpoint"]} == {
        None,
        *CheckpointOutcome,
    }


def test_names_of_noord_holland_today(data: DemoData) -> None:
    cands = data.rows["candidate"]
    last = [c["last_name"] for c in cands]
    assert any(n.split(" ")[0] in ("de", "van", "ter", "in") for n in last)  # tussenvoegsels
    origins = {
        origin
        for c in cands
        for origin, (_, _, lasts) in ORIGINS.items()
        if c["last_name"] in lasts or c["last_name"][:-1] + "i" in lasts
    }
    assert len(origins) >= 5, origins


# --- consistency ---------------------------------------------------------------------------


def test_places_are_the_municipalities_of_the_three_spts() -> None:
    """The demo's places are models.regions' list (itself checked against regions.csv in
    tests/unit/test_regions.py), in its order: the order is part of the seed's output."""
    assert [(p.municipality, p.region, p.spt) for p in PLACES] == [
        (name, r.labour_market_region, r.spt) for name, r in MUNICIPALITIES.items()
    ]


def test_candidate_place_and_benefit_fit(data: DemoData) -> None:
    places = {p.municipality: p for p in PLACES}
    for c in data.rows["candidate"]:
        place = places[c["municipality"]]
        assert (c["labour_market_region"], c["spt"]) == (place.region, place.spt)
        with_benefit = c["persona"] in (
            Persona.NO_WORK_BENEFIT_NONTECHNICAL,
            Persona.NO_WORK_BENEFIT_TECHNICAL,
        )
        assert (c["benefit_status"] != BenefitStatus.NONE) == with_benefit


def test_journey_is_a_chain_ending_in_the_current_phase(data: DemoData) -> None:
    events = by_candidate(data.rows["journey_event"])
    backwards = 0
    order = list(Phase)
    for c in data.rows["candidate"]:
        evs = events[c["id"]]
        assert evs[0]["from_phase"] is None and evs[0]["to_phase"] == Phase.ORIENTATION
        assert evs[0]["occurred_on"] == c["registered_on"]
        for prev, ev in pairwise(evs):
            assert ev["from_phase"] == prev["to_phase"] != ev["to_phase"]
            assert prev["occurred_on"] <= ev["occurred_on"] <= TODAY
            assert ev["reason"]
            backwards += order.index(ev["to_phase"]) < order.index(ev["from_phase"])
        assert evs[-1]["to_phase"] == c["phase"]
    assert backwards >= 20  # the route goes back and forth


def test_status_matches_dropouts_placements_and_checkpoints(data: DemoData) -> None:
    rows = data.rows
    drops = {d["candidate_id"]: d for d in rows["dropout"]}
    placements = {p["candidate_id"]: p for p in rows["placement"]}
    checkpoints = by_candidate(rows["retention_checkpoint"])
    for c in rows["candidate"]:
        status = c["status"]
        # A dropout for each uitval: dropped out, or closed early (gestopt, verhuisd, ...).
        early = c["closing_outcome"] in EXIT_OUTCOMES
        assert (c["id"] in drops) == (status == CandidateStatus.DROPPED_OUT or early)
        assert (c["closed_on"] is not None) == (status == CandidateStatus.CLOSED)
        assert (c["closing_outcome"] is not None) == (status == CandidateStatus.CLOSED)
        if c["id"] in drops:
            assert drops[c["id"]]["phase"] == c["phase"]
        if status in (CandidateStatus.PLACED, CandidateStatus.RETAINED):
            assert c["phase"] == Phase.RETENTION and c["id"] in placements
        if c["id"] in placements:
            cps = sorted(checkpoints[c["id"]], key=lambda x: x["months"])
            assert [x["months"] for x in cps] == [1, 3, 6, 12]
            if status == CandidateStatus.RETAINED:
                assert all(x["outcome"] == CheckpointOutcome.RETAINED for x in cps)
            for x in cps:
                assert (x["done_on"] is None) == (x["outcome"] is None)
        if status in (CandidateStatus.ACTIVE, CandidateStatus.PLACED):
            assert c["next_follow_up"] is None or abs((c["next_follow_up"] - TODAY).days) <= 30
        else:
            assert c["next_follow_up"] is None


def test_visits_fall_within_their_placement(data: DemoData) -> None:
    placements = {p["id"]: p for p in data.rows["placement"]}
    for v in data.rows["visit"]:
        p = placements[v["placement_id"]]
        assert v["candidate_id"] == p["candidate_id"] and v["employer_id"] == p["employer_id"]
        assert p["starts_on"] <= v["visited_at"].date() <= (p["ended_on"] or TODAY)
        assert 1 <= v["progress_score"] <= 5 and 1 <= v["wellbeing_score"] <= 5


def test_handovers_go_loopbaan_to_arbeidsmarkt_to_jobcoach(data: DemoData) -> None:
    steps = {(h["from_role"], h["to_role"]) for h in data.rows["handover"]}
    assert steps == {
        (Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH),
        (Role.ARBEIDSMARKTCOACH, Role.JOBCOACH),
    }
    for h in data.rows["handover"]:
        assert (h["accepted_at"] is None) == (h["status"] == HandoverStatus.PENDING)
        assert h["from_coach_id"] != h["to_coach_id"]


def test_every_candidate_is_in_the_owners_caseload(data: DemoData) -> None:
    mine = {a["candidate_id"] for a in data.rows["assignment"] if a["coach_id"] == OWNER}
    assert mine == {c["id"] for c in data.rows["candidate"]}
    assert OWNER not in {c["id"] for c in data.rows["coach"]}


def test_consents_per_purpose_some_withdrawn(data: DemoData) -> None:
    consents = data.rows["consent"]
    assert len(consents) == 5 * len(data.rows["candidate"])
    assert any(c["withdrawn_on"] is not None for c in consents)
    assert all(c["granted"] for c in consents if c["purpose"] == "processing")


def test_plans_have_agreed_versions_and_newer_drafts(data: DemoData) -> None:
    plans = by_candidate(data.rows["plan"])
    newer_draft = 0
    for versions in plans.values():
        versions.sort(key=lambda p: p["version"])
        assert [p["version"] for p in versions] == list(range(1, len(versions) + 1))
        assert all(p["status"] == PlanStatus.SUPERSEDED for p in versions[:-1])
        newer_draft += len(versions) > 1 and versions[-1]["status"] == PlanStatus.DRAFT
        for p in versions:
            assert (p["agreed_on"] is None) == (p["status"] == PlanStatus.DRAFT)
    assert newer_draft > 0


def test_reference_date_is_the_only_clock() -> None:
    past = date(2023, 3, 15)
    data = generate(60, 3, past, OWNER)
    for c in data.rows["candidate"]:
        assert c["registered_on"] <= past
    assert max(v["visited_at"].date() for v in data.rows["visit"]) <= past
    assert max(e["occurred_on"] for e in data.rows["journey_event"]) <= past
    assert data.rows == generate(60, 3, past, OWNER).rows


def test_visit_volume_is_a_parameter() -> None:
    exact = generate(100, 5, TODAY, OWNER, n_visits=1234)
    assert len(exact.rows["visit"]) == 1234
    scaled = generate(100, 5, TODAY, OWNER, visits_per_placement=20)
    assert len(scaled.rows["visit"]) == 20 * len(scaled.rows["placement"])
    assert generate(0, 5, TODAY, OWNER).counts()["candidate"] == 0


def test_coach_columns_cover_every_reference_to_a_coach() -> None:
    refs = {
        (t.name, fk.parent.name)
        for t in Base.metadata.sorted_tables
        if t.name in TABLES
        for fk in t.foreign_keys
        if fk.column.table.name == "coach"
    }
    listed = {(t, c) for t, cols in COACH_COLUMNS.items() for c in cols}
    assert refs == listed


# --- in a real vault -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Vault, dict]]:
    path = tmp_path_factory.mktemp("demo") / "demo.sptvault"
    vault, _ = Vault.create(path, "demo wachtwoordzin 2026", owner_roles=ALL_ROLES, kdf=FAST_KDF)
    counts = fill_vault(vault, 200, 11, TODAY)
    yield vault, counts
    vault.lock()


def test_filled_vault_is_consistent(demo_vault: tuple[Vault, dict]) -> None:
    vault, counts = demo_vault
    assert counts["candidate"] == 200 and counts["visit"] > 0
    assert vault.integrity_problems() == []
    with vault.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA foreign_key_check").all() == []


def test_filled_vault_has_a_today_list_and_finds_names(demo_vault: tuple[Vault, dict]) -> None:
    from spt_desktop.services import Services

    vault, _ = demo_vault
    svc = Services(vault, today=lambda: TODAY)
    today = svc.queries.today(TODAY)
    # Each role's own work: the owner holds one role per candidate (a colleague the
    # others), so the jobcoach's checkpoints are those where she is the jobcoach.
    assert today.follow_ups and today.visit_follow_ups
    assert {g.key for g in today.groups} >= {"handovers", "follow_ups", "visit_follow_ups"}
    with vault.engine.connect() as c:
        first, last = c.execute(
            sa.text("SELECT first_name, last_name FROM candidate ORDER BY rowid LIMIT 1")
        ).one()
    found = svc.queries.search(f"{first} {last}")
    assert any((r.first_name, r.last_name) == (first, last) for r in found)


def test_second_fill_adds_candidates_not_colleagues(demo_vault: tuple[Vault, dict]) -> None:
    vault, first = demo_vault
    with vault.engine.connect() as c:
        coaches = c.exec_driver_sql("SELECT count(*) FROM coach").scalar()
    again = fill_vault(vault, 20, 11, TODAY + timedelta(days=1))
    assert again.get("coach", 0) == 0 and again["candidate"] == 20
    with vault.engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM coach").scalar() == coaches
        assert c.exec_driver_sql("SELECT count(*) FROM candidate").scalar() == 220
    assert vault.integrity_problems() == []
    assert Counter(first)  # the first fill's counts are untouched


def test_fund_money_only_for_someone_in_work_and_aanvullingen_on_signed_visits(
    data: DemoData,
) -> None:
    """The demo keeps the services' rules: an opleidingsfonds pays only for someone in
    work (placed, or at work in the techniek); an aanvulling points at a signed visit."""
    rows = data.rows
    placed = {p["candidate_id"] for p in rows["placement"]}
    in_tech = {c["id"] for c in rows["candidate"] if c["persona"] == Persona.EMPLOYED_IN_TECH}
    funded = {t["candidate_id"] for t in rows["training"] if t["funding"] == FundingKind.FUND}
    assert funded and funded <= placed | in_tech
    signed = {v["id"] for v in rows["visit"] if v["signed_off_at"] is not None}
    amended = {n["visit_id"] for n in rows["note"] if n["visit_id"]}
    assert amended and amended <= signed
