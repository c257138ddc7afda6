"""The server's per-SPT monitor on a live server: coordinators get the figures of their own
SPT with counts under 5 suppressed; a coach gets 403; no name, e-mail or id leaves."""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any

import httpx
import pytest

from spt_common.monitor_figures import (
    CandidateFact,
    Facts,
    MoveFact,
    Period,
    PlacementFact,
    compute,
)
from tests.support.server_kit import GA, NH, PASSWORD, Admin, LiveServer

API = "/api/v1"
YEAR = {"start": "2026-01-01", "end": "2026-12-31"}


def uid() -> str:
    return str(uuid.uuid4())


def login(live: LiveServer, email: str) -> tuple[httpx.Client, dict[str, str], str]:
    http = httpx.Client(base_url=live.url + API, timeout=30)
    r = http.post("/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    tokens = r.json()
    return http, {"authorization": "Bearer " + tokens["access_token"]}, tokens["coach"]["id"]


def change(entity: str, fields: dict[str, Any], rid: str | None = None) -> dict[str, Any]:
    return {"entity": entity, "id": rid or uid(), "op": "upsert", "fields": fields}


def candidate(spt: str, persona: str, n: int) -> dict[str, Any]:
    return change("candidate", {
        "first_name": f"Kim{n}", "last_name": "de Vries", "municipality": "Alkmaar",
        "spt": spt, "labour_market_region": "Noord-Holland Noord", "referral_source": "uwv",
        "persona": persona, "benefit_status": "ww", "phase": "orientation", "status": "active",
        "registered_on": "2026-01-05", "email": f"kim{n}@example.nl",
    })  # fmt: skip


def move(cid: str, coach: str, frm: str | None, to: str, on: str) -> dict[str, Any]:
    return change("journey_event", {
        "candidate_id": cid, "from_phase": frm, "to_phase": to, "occurred_on": on,
        "coach_id": coach, "reason": "Gesprek met Kim de Vries",
    })  # fmt: skip


def push(http: httpx.Client, auth: dict[str, str], changes: list[dict[str, Any]]) -> None:
    body = {"cursor": None, "batch": {"batch_id": uid(), "changes": changes}}
    r = http.post("/sync", json=body, headers=auth)
    assert r.status_code == 200, r.text
    assert all(x["status"] == "applied" for x in r.json()["push"]["results"]), r.text


@pytest.fixture
def spt_data(admin: Admin, live: LiveServer) -> dict[str, Any]:
    """NH: 7 candidates of one persona, 2 of another; 2 move on to matching in March.
    GA: one candidate (in no NH figure)."""
    admin.add_coach("anna@spt.nl")
    admin.add_coach("gijs@spt.nl", spt=GA)
    http, auth, anna = login(live, "anna@spt.nl")
    changes, ids = [], []
    for n in range(9):
        c = candidate(NH, "no_work_benefit_technical" if n < 7 else "employed_in_tech", n)
        ids.append(c["id"])
        changes += [c, move(c["id"], anna, None, "orientation", "2026-01-05")]
    changes += [move(ids[i], anna, "orientation", "matching", "2026-03-01") for i in (0, 1)]
    push(http, auth, changes)
    ghttp, gauth, gijs = login(live, "gijs@spt.nl")
    other = candidate(GA, "employed_in_tech", 99)
    push(ghttp, gauth, [other, move(other["id"], gijs, None, "orientation", "2026-02-01")])
    return {"ids": [*ids, other["id"]], "coaches": [anna, gijs]}


def expected(by: str | None) -> dict[str, Any]:
    """The same caseload through the pure figures, suppressed: what the API must say."""
    cands = [
        CandidateFact(str(n), "no_work_benefit_technical" if n < 7 else "employed_in_tech",
                      NH, "Noord-Holland Noord", "uwv", "", date(2026, 1, 5))
        for n in range(9)
    ]  # fmt: skip
    moves = [MoveFact(str(n), None, "orientation", date(2026, 1, 5)) for n in range(9)]
    moves += [MoveFact(str(n), "orientation", "matching", date(2026, 3, 1)) for n in (0, 1)]
    facts = Facts(cands, moves, [], list[PlacementFact]())
    report = compute(facts, Period(date(2026, 1, 1), date(2026, 12, 31)), by).suppressed()
    return {t.key: [list(r) for r in t.rows] for t in report.tables}


def test_coordinator_gets_suppressed_aggregates(admin: Admin, live: LiveServer, spt_data) -> None:  # type: ignore[no-untyped-def]
    admin.add_coach("cora@spt.nl", roles="coordinator")
    http, auth, cora = login(live, "cora@spt.nl")
    r = http.get("/monitor", params=YEAR, headers=auth)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["spt"] == NH and body["candidates"] == 9 and body["by"] is None
    tables = {t["key"]: t for t in body["tables"]}
    assert {k: t["rows"] for k, t in tables.items()} == expected(None)
    # By hand: at the end of June, 7 in orientation and 2 ("<5") in matching.
    june = next(r for r in tables["phases"]["rows"] if r[0] == "2026-06-30")
    assert june[2:] == [7, 0, "<5", 0, 0]
    assert tables["flows"]["rows"] == [["Totaal", "Eerste oriëntatie", "Matching", "verder", "<5"]]

    by_persona = http.get("/monitor", params=YEAR | {"by": "persona"}, headers=auth).json()
    rows = {t["key"]: t["rows"] for t in by_persona["tables"]}
    assert rows == expected("persona")
    june = [r for r in rows["phases"] if r[0] == "2026-06-30"]
    assert sorted(r[1:] for r in june) == [
        ["Met werk binnen de techniek", "<5", 0, 0, 0, 0],
        ["Zonder werk, met uitkering, met technische achtergrond", 5, 0, "<5", 0, 0],
    ]
    # Nothing personal: no name, e-mail, candidate or coach id anywhere in the answers.
    text = json.dumps(body) + json.dumps(by_persona)
    for secret in ("Kim", "Vries", "example.nl", "anna", "Anna", *spt_data["ids"],
                   *spt_data["coaches"], cora):  # fmt: skip
        assert secret not in text


def test_only_coordinators_and_admins(admin: Admin, live: LiveServer, spt_data) -> None:  # type: ignore[no-untyped-def]
    http, auth, _ = login(live, "anna@spt.nl")  # a loopbaancoach
    r = http.get("/monitor", params=YEAR, headers=auth)
    assert r.status_code == 403 and r.json()["detail"]["code"] == "forbidden"
    assert "Kim" not in r.text
    assert httpx.get(live.url + API + "/monitor", params=YEAR).status_code == 401

    admin.add_coach("cora@spt.nl", roles="coordinator")
    http, auth, _ = login(live, "cora@spt.nl")
    other = http.get("/monitor", params=YEAR | {"spt": GA}, headers=auth)
    assert other.status_code == 403  # a coordinator sees her own SPT only
    for bad in ({"by": "coach"}, {"start": "2026-12-31", "end": "2026-01-01"},
                {"start": "2020-01-01"}):  # fmt: skip
        r = http.get("/monitor", params=YEAR | bad, headers=auth)
        assert r.status_code == 422, bad

    admin.add_coach("ad@spt.nl", roles="admin")
    http, auth, _ = login(live, "ad@spt.nl")
    ga = http.get("/monitor", params=YEAR | {"spt": GA}, headers=auth)
    assert ga.status_code == 200 and ga.json()["candidates"] == "<5"
    assert "Kim" not in ga.text
