"""Every endpoint, called by one coach with another coach's ids, gives nothing away and
changes nothing (SQLite and PostgreSQL).

The cases are keyed by the app's route table: a new endpoint without a case here fails
``test_every_route_has_an_authorisation_case``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute

from tests.support.server_kit import GA, NH, PASSWORD, Admin, LiveServer, candidate_change, uid

API = "/api/v1"


@dataclass
class Coach:
    """A logged-in device of one coach."""

    http: httpx.Client
    tokens: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.tokens["coach"]["id"])

    @property
    def auth(self) -> dict[str, str]:
        return {"authorization": "Bearer " + self.tokens["access_token"]}

    def sync(self, body: dict[str, Any]) -> httpx.Response:
        return self.http.post("/sync", json=body, headers=self.auth)

    def push(self, *changes: dict[str, Any], batch_id: str | None = None) -> httpx.Response:
        batch = {"batch_id": batch_id or uid(), "changes": list(changes)}
        return self.sync({"batch": batch})


@dataclass
class World:
    """Anna (NH) owns a dossier; Bob (NH, jobcoach) and Gijs (GA coordinator) attack it."""

    live: LiveServer
    admin: Admin
    anna: Coach
    bob: Coach
    gijs: Coach
    ids: dict[str, str]  # name -> id of Anna's records
    batch_id: str  # one of Anna's push batches

    def private(self) -> dict[str, str]:
        """Anna's records that Bob may not see (everything but the shared registries)."""
        return {k: v for k, v in self.ids.items() if k not in ("employer", "anna")}

    def records(self) -> dict[str, Any]:
        return self.admin.records(include_deleted=True)


def _login(base: str, email: str, **extra: Any) -> httpx.Response:
    with httpx.Client(base_url=base + API, timeout=30) as http:
        return http.post("/auth/login", json={"email": email, "password": PASSWORD, **extra})


def _coach(base: str, email: str) -> Coach:
    r = _login(base, email)
    assert r.status_code == 200, r.text
    return Coach(httpx.Client(base_url=base + API, timeout=30), r.json())


_candidate = candidate_change


def _upsert(entity: str, rid: str, base: int | None = None, **fields: Any) -> dict[str, Any]:
    return {"entity": entity, "id": rid, "op": "upsert", "base_rev": base, "fields": fields}


def _note(cand: str, author: str, rid: str) -> dict[str, Any]:
    return _upsert(
        "note", rid, candidate_id=cand, author_id=author, written_at="2026-11-03T10:00", text="x"
    )


def _employer(rid: str, spt: str) -> dict[str, Any]:
    return _upsert(
        "employer",
        rid,
        name="Kok",
        sector="installatie",
        municipality="Alkmaar",
        spt=spt,
        address="",
        praktijkopleiders=1,
        middenkader=0,
        guidance_notes="",
    )


@pytest.fixture(scope="module")
def world(module_db_url: str) -> Iterator[World]:
    admin = Admin(module_db_url)
    admin.add_coach("anna@spt.nl")
    admin.add_coach("bob@spt.nl", roles="jobcoach")
    admin.add_coach("gijs@spt.nl", spt=GA, roles="loopbaancoach,coordinator")
    live = LiveServer(module_db_url).start()
    anna, bob, gijs = (_coach(live.url, f"{n}@spt.nl") for n in ("anna", "bob", "gijs"))
    ids = {name: uid() for name in ("candidate", "note", "handover", "employer", "visit")}
    handover = _upsert(
        "handover",
        ids["handover"],
        candidate_id=ids["candidate"],
        from_coach_id=anna.id,
        from_role="loopbaancoach",
        to_coach_id=gijs.id,  # addressed to someone else than the attacker
        to_role="jobcoach",
        summary="Overdracht",
        status="pending",
        created_at="2026-11-04T09:00",
    )
    batch_id = uid()
    r = anna.push(
        _candidate(ids["candidate"]),
        _note(ids["candidate"], anna.id, ids["note"]),
        handover,
        _employer(ids["employer"], NH),
        batch_id=batch_id,
    )
    assert [x["status"] for x in r.json()["push"]["results"]] == ["applied"] * 4, r.text
    records = admin.records()
    ids["assignment"] = next(k for k, v in records.items() if v["entity"] == "assignment")
    ids["anna"] = anna.id
    ids["device"] = anna.tokens["device_id"]
    gijs_employer = uid()
    assert gijs.push(_employer(gijs_employer, GA)).status_code == 200
    ids["other_spt_employer"] = gijs_employer
    del ids["visit"]  # never made: an id nobody has
    yield World(live, admin, anna, bob, gijs, ids, batch_id)
    for c in (anna, bob, gijs):
        c.http.close()
    live.stop()
    admin.close()


def _leaks(world: World, body: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """Names of Anna's private ids that appear in ``body``."""
    secret = {**world.private(), "other_spt_employer": world.ids["other_spt_employer"]}
    return [k for k, v in secret.items() if v in body and k not in allowed]


# --- one case per route ------------------------------------------------------------------


def case_health(w: World) -> None:
    r = w.bob.http.get("/health")
    assert r.status_code == 200 and not _leaks(w, r.text)


def case_login(w: World) -> None:
    # Her e-mail with his password: refused; his login on her device id: a device of his own.
    r = w.bob.http.post("/auth/login", json={"email": "anna@spt.nl", "password": "fout!"})
    assert r.status_code == 401 and not _leaks(w, r.text)
    r = _login(w.live.url, "bob@spt.nl", device_id=w.ids["device"])
    assert r.status_code == 200
    assert r.json()["device_id"] != w.ids["device"] and r.json()["coach"]["id"] == w.bob.id
    assert not _leaks(w, r.text)


def case_refresh(w: World) -> None:
    # Ids are no refresh tokens; his own token renews only his own device.
    for guess in (w.ids["device"], w.ids["anna"], w.ids["candidate"]):
        r = w.bob.http.post("/auth/refresh", json={"refresh_token": guess})
        assert r.status_code == 401 and not _leaks(w, r.text)
    fresh = _login(w.live.url, "bob@spt.nl").json()
    r = w.bob.http.post("/auth/refresh", json={"refresh_token": fresh["refresh_token"]})
    assert r.status_code == 200 and r.json()["coach"]["id"] == w.bob.id


def case_me(w: World) -> None:
    r = w.bob.http.get("/me", headers=w.bob.auth)
    assert r.status_code == 200 and r.json()["id"] == w.bob.id and not _leaks(w, r.text)


def case_sync(w: World) -> None:
    before = w.records()
    # Reading: a full pull, and cursors aimed inside her candidate's records.
    for cursor in (None, "0", f"0:{w.ids['candidate']}", f"1:{w.ids['note']}"):
        r = w.bob.sync({"cursor": cursor, "limit": 2000})
        assert r.status_code == 200 and not _leaks(w, r.text), cursor
    # Writing: every kind of change on her ids; the same ids under other entities.
    cand, note, assign = w.ids["candidate"], w.ids["note"], w.ids["assignment"]
    attempts = [
        _upsert("candidate", cand, None, first_name="Bob was hier"),
        {"entity": "candidate", "id": cand, "op": "delete"},
        _candidate(cand),
        _note(cand, w.bob.id, uid()),
        _note(cand, w.bob.id, note),
        _upsert(
            "assignment", uid(), candidate_id=cand, coach_id=w.bob.id, role="jobcoach", active=True
        ),
        _upsert("assignment", assign, None, coach_id=w.bob.id, active=True),
        _upsert("handover", w.ids["handover"], None, status="accepted"),
        _employer(w.ids["other_spt_employer"], NH),
        _upsert("employer", w.ids["other_spt_employer"], None, name="Overgenomen"),
        _upsert("intake", note, None, notes="x"),
        _upsert("coach", w.ids["anna"], None, name="Bob"),
    ]
    r = w.bob.push(*attempts)
    assert r.status_code == 200
    statuses = [x["status"] for x in r.json()["push"]["results"]]
    assert statuses == ["forbidden"] * len(attempts), statuses
    # The answers name his own attempted ids only: no record, no value of hers.
    assert all(x.get("record") is None for x in r.json()["push"]["results"])
    assert "Kim" not in r.text and "Overdracht" not in r.text
    # Her batch id cannot replay her results to him.
    r = w.bob.push(_candidate(uid()), batch_id=w.batch_id)
    assert r.status_code == 409 and not _leaks(w, r.text)
    after = w.records()
    assert {k: after[k] for k in before} == before


def case_record(w: World) -> None:
    # Same answer as for an id that does not exist, under the right entity or any other.
    entities = {"candidate", "note", "handover", "assignment", "employer", "visit"}
    for name, rid in {**w.private(), "other_spt_employer": w.ids["other_spt_employer"]}.items():
        for entity in sorted(entities):
            r = w.bob.http.get(f"/records/{entity}/{rid}", headers=w.bob.auth)
            assert r.status_code == 404, (name, entity)
            assert r.json() == {"detail": {"code": "not_found", "message": "Niet gevonden."}}
    # The shared registry of his own SPT is his to read (the case is not vacuous).
    r = w.bob.http.get(f"/records/employer/{w.ids['employer']}", headers=w.bob.auth)
    assert r.status_code == 200


def case_monitor(w: World) -> None:
    # Not a coordinator: refused. A coordinator of another SPT: not Anna's SPT's figures.
    period = {"start": "2026-01-01", "end": "2026-12-31"}
    r = w.bob.http.get("/monitor", params=period, headers=w.bob.auth)
    assert r.status_code == 403 and not _leaks(w, r.text)
    r = w.gijs.http.get("/monitor", params={**period, "spt": NH}, headers=w.gijs.auth)
    assert r.status_code == 403 and not _leaks(w, r.text)
    r = w.gijs.http.get("/monitor", params=period, headers=w.gijs.auth)
    assert r.status_code == 200 and r.json()["spt"] == GA and not _leaks(w, r.text)


def case_erase(w: World) -> None:
    # A coach (not coordinator): refused before anything is looked up, her ids or none.
    # A coordinator of another SPT: refused for Anna's candidate; an unknown id: 404.
    before = w.records()
    for rid in (w.ids["candidate"], w.ids["note"], uid()):
        r = w.bob.http.post(f"/candidates/{rid}/erase", headers=w.bob.auth)
        assert r.status_code == 403 and not _leaks(w, r.text), rid
    r = w.gijs.http.post(f"/candidates/{w.ids['candidate']}/erase", headers=w.gijs.auth)
    assert r.status_code == 403 and not _leaks(w, r.text)
    assert r.json()["detail"]["code"] == "forbidden"
    for rid in (w.ids["note"], uid()):  # not a candidate, or nothing at all
        r = w.gijs.http.post(f"/candidates/{rid}/erase", headers=w.gijs.auth)
        assert r.status_code == 404 and not _leaks(w, r.text)
    r = w.bob.http.post(f"/candidates/{w.ids['candidate']}/erase")  # no token
    assert r.status_code == 401
    assert w.records() == before


def _coordination(w: World, method: str, path: str, args: dict[str, Any]) -> None:
    """A coach: 403 whatever she names; a coordinator of another SPT: 403 for Anna's SPT,
    and nothing changes either way."""
    before = w.records()
    for who, extra in ((w.bob, {}), (w.bob, {"spt": NH}), (w.gijs, {"spt": NH})):
        params = {**args, **extra}
        r = (
            who.http.get(path, params=params, headers=who.auth)
            if method == "GET"
            else who.http.request(method, path, json=params, headers=who.auth)
        )
        assert r.status_code == 403 and not _leaks(w, r.text), (who.id, extra)
        assert r.json()["detail"]["code"] == "forbidden"
    assert w.records() == before


def case_coordination_team(w: World) -> None:
    _coordination(w, "GET", "/coordination/team", {})
    r = w.gijs.http.get("/coordination/team", headers=w.gijs.auth)  # his own SPT: no NH
    assert r.status_code == 200 and r.json()["spt"] == GA and not _leaks(w, r.text)
    assert w.ids["anna"] not in r.text


def case_coordination_candidates(w: World) -> None:
    _coordination(w, "GET", "/coordination/candidates", {})
    r = w.gijs.http.get(
        "/coordination/candidates", params={"coach": w.ids["anna"]}, headers=w.gijs.auth
    )
    assert r.status_code == 200 and r.json()["candidates"] == [] and not _leaks(w, r.text)


def case_coordination_assign(w: World) -> None:
    body = {"candidate_ids": [w.ids["candidate"]], "coach_id": w.gijs.id, "role": "loopbaancoach"}
    _coordination(w, "POST", "/coordination/assignments", body)
    # His own SPT: Anna's candidate is not found there; nothing changes.
    before = w.records()
    r = w.gijs.http.post("/coordination/assignments", json=body, headers=w.gijs.auth)
    assert r.status_code == 404 and not _leaks(w, r.text)
    assert w.records() == before


def case_coordination_targets(w: World) -> None:
    _coordination(w, "GET", "/coordination/targets", {"year": 2026})
    r = w.gijs.http.get("/coordination/targets", params={"year": 2026}, headers=w.gijs.auth)
    assert r.status_code == 200 and r.json()["spt"] == GA and not _leaks(w, r.text)


def case_coordination_intake(w: World) -> None:
    period = {"start": "2026-01-01", "end": "2026-12-31"}
    _coordination(w, "GET", "/coordination/intake", period)
    r = w.gijs.http.get("/coordination/intake", params=period, headers=w.gijs.auth)
    assert r.status_code == 200 and r.json()["spt"] == GA and not _leaks(w, r.text)
    assert r.json()["total"] == 0  # Anna's candidate is NH's


def case_coordination_set_targets(w: World) -> None:
    _coordination(w, "PUT", "/coordination/targets", {"year": 2026, "instroom": 1})
    r = w.gijs.http.get(
        "/coordination/targets", params={"year": 2026, "spt": GA}, headers=w.gijs.auth
    )
    assert r.status_code == 200 and r.json()["targets"]["instroom"] is None


def case_coordination_referrals(w: World) -> None:
    _coordination(w, "GET", "/coordination/referrals", {})
    r = w.gijs.http.get("/coordination/referrals", headers=w.gijs.auth)  # his own SPT
    assert r.status_code == 200 and r.json() == {"spt": GA, "referrals": []}


def case_coordination_assign_referrals(w: World) -> None:
    body = {"referral_ids": [uid()], "coach_id": w.ids["anna"]}
    _coordination(w, "POST", "/coordination/referrals/assign", body)
    # His own SPT: neither the referral nor Anna (a coach of NH) is found there.
    before = w.records()
    r = w.gijs.http.post("/coordination/referrals/assign", json=body, headers=w.gijs.auth)
    assert r.status_code == 404 and not _leaks(w, r.text)
    assert w.records() == before


CASES: dict[str, Callable[[World], None]] = {
    "GET /api/v1/health": case_health,
    "POST /api/v1/auth/login": case_login,
    "POST /api/v1/auth/refresh": case_refresh,
    "GET /api/v1/me": case_me,
    "POST /api/v1/sync": case_sync,
    "GET /api/v1/records/{entity}/{record_id}": case_record,
    "GET /api/v1/monitor": case_monitor,
    "POST /api/v1/candidates/{candidate_id}/erase": case_erase,
    "GET /api/v1/coordination/team": case_coordination_team,
    "GET /api/v1/coordination/candidates": case_coordination_candidates,
    "POST /api/v1/coordination/assignments": case_coordination_assign,
    "GET /api/v1/coordination/targets": case_coordination_targets,
    "PUT /api/v1/coordination/targets": case_coordination_set_targets,
    "GET /api/v1/coordination/intake": case_coordination_intake,
    "GET /api/v1/coordination/referrals": case_coordination_referrals,
    "POST /api/v1/coordination/referrals/assign": case_coordination_assign_referrals,
}
# Served by FastAPI itself, with no data behind them.
DOCUMENTATION = {"GET /api/v1/openapi.json", "GET /api/v1/docs", "GET /docs/oauth2-redirect"}


def _route_table(world: World) -> set[str]:
    app = world.live._server.config.app
    out = set()
    for route in app.routes:
        methods = sorted(route.methods or ()) if isinstance(route, APIRoute) else ["GET"]
        out |= {f"{m} {route.path}" for m in methods if m != "HEAD"}
    return out


def test_every_route_has_an_authorisation_case(world: World) -> None:
    routes = _route_table(world) - DOCUMENTATION
    assert routes == set(CASES), "routes without a case: " + ", ".join(sorted(routes - set(CASES)))


@pytest.mark.parametrize("route", sorted(CASES))
def test_another_coachs_ids_give_nothing_away(world: World, route: str) -> None:
    CASES[route](world)
