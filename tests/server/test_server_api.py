"""The server's API on SQLite and PostgreSQL: accounts, push and pull, merge, scope, and
authorisation of every endpoint against another coach's ids."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from spt_common import protocol as p
from tests.support.server_kit import GA, NH, PASSWORD, Admin, LiveServer, candidate_change, uid

API = "/api/v1"


class Api:
    """One logged-in device."""

    def __init__(self, base: str, email: str) -> None:
        self.http = httpx.Client(base_url=base + API, timeout=30)
        r = self.http.post("/auth/login", json={"email": email, "password": PASSWORD})
        assert r.status_code == 200, r.text
        self.tokens = r.json()
        self.coach_id = self.tokens["coach"]["id"]
        self.cursor: str | None = None

    @property
    def auth(self) -> dict[str, str]:
        return {"authorization": "Bearer " + self.tokens["access_token"]}

    def sync(self, changes: list[dict[str, Any]] | None = None, **kw: Any) -> httpx.Response:
        body: dict[str, Any] = {"cursor": self.cursor, **kw}
        if changes is not None:
            body["batch"] = {"batch_id": kw.pop("batch_id", None) or uid(), "changes": changes}
            body.pop("batch_id", None)
        return self.http.post("/sync", json=body, headers=self.auth)

    def push(self, *changes: dict[str, Any]) -> list[dict[str, Any]]:
        r = self.sync(list(changes))
        assert r.status_code == 200, r.text
        return r.json()["push"]["results"]

    def pull_all(self) -> dict[str, dict[str, Any]]:
        """Everything in scope, from the start; also returns purges under '__purge__'."""
        out: dict[str, Any] = {"__purge__": []}
        cursor = None
        while True:
            r = self.http.post("/sync", json={"cursor": cursor, "limit": 3}, headers=self.auth)
            assert r.status_code == 200, r.text
            page = r.json()["pull"]
            for rec in page["records"]:
                out[rec["id"]] = rec
            out["__purge__"] += page["purge"]
            cursor = page["cursor"]
            if not page["more"]:
                return out

    def get(self, entity: str, rid: str) -> httpx.Response:
        return self.http.get(f"/records/{entity}/{rid}", headers=self.auth)


candidate = candidate_change


def note(cand: str, author: str, rid: str | None = None, text: str = "Gesprek") -> dict[str, Any]:
    return {
        "entity": "note",
        "id": rid or uid(),
        "op": "upsert",
        "fields": {
            "candidate_id": cand,
            "author_id": author,
            "written_at": "2026-11-03T10:00:00",
            "text": text,
        },
    }


def employer(spt: str = NH, rid: str | None = None) -> dict[str, Any]:
    return {
        "entity": "employer",
        "id": rid or uid(),
        "op": "upsert",
        "fields": {
            "name": "Installatiebedrijf Kok",
            "sector": "installatie",
            "municipality": "Alkmaar",
            "spt": spt,
            "address": "",
            "praktijkopleiders": 2,
            "middenkader": 1,
            "guidance_notes": "",
        },
    }


def update(entity: str, rid: str, base: int | None, **fields: Any) -> dict[str, Any]:
    return {"entity": entity, "id": rid, "op": "upsert", "base_rev": base, "fields": fields}


@pytest.fixture
def anna(admin: Admin, live: LiveServer) -> Api:
    admin.add_coach("anna@spt.nl")
    return Api(live.url, "anna@spt.nl")


@pytest.fixture
def bob(admin: Admin, live: LiveServer) -> Api:
    admin.add_coach("bob@spt.nl", roles="jobcoach")
    return Api(live.url, "bob@spt.nl")


# --- accounts ------------------------------------------------------------------------


def test_login_refresh_and_rate_limit(admin: Admin, live: LiveServer) -> None:
    admin.add_coach("anna@spt.nl")
    http = httpx.Client(base_url=live.url + API)
    ok = http.post("/auth/login", json={"email": "ANNA@spt.nl", "password": PASSWORD})
    assert ok.status_code == 200
    tokens = ok.json()
    r = http.post("/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert r.status_code == 200 and r.json()["device_id"] == tokens["device_id"]
    fresh = r.json()
    assert fresh["refresh_token"] != tokens["refresh_token"]
    # After the new token is used, the old one is dead.
    assert http.post("/auth/refresh", json={"refresh_token": fresh["refresh_token"]}).is_success
    old = http.post("/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert old.status_code == 401
    for _ in range(5):
        bad = http.post("/auth/login", json={"email": "anna@spt.nl", "password": "fout-fout"})
        assert bad.status_code == 401 and bad.json()["detail"]["code"] == "bad_credentials"
    limited = http.post("/auth/login", json={"email": "anna@spt.nl", "password": PASSWORD})
    assert limited.status_code == 429
    unknown = http.post("/auth/login", json={"email": "niemand@spt.nl", "password": PASSWORD})
    assert unknown.status_code == 401


def test_a_revoked_device_is_refused_everywhere(admin: Admin, live: LiveServer) -> None:
    admin.add_coach("anna@spt.nl")
    api = Api(live.url, "anna@spt.nl")
    admin.revoke("anna@spt.nl")
    r = api.sync()
    assert r.status_code == 403 and r.json()["detail"]["code"] == "device_revoked"
    refresh = api.http.post("/auth/refresh", json={"refresh_token": api.tokens["refresh_token"]})
    assert refresh.status_code in (401, 403)


def test_every_endpoint_needs_a_valid_token(live: LiveServer) -> None:
    http = httpx.Client(base_url=live.url + API)
    forged = {"authorization": "Bearer eyJhIjoieCJ9.AAAA"}
    for headers in ({}, forged):
        assert http.post("/sync", json={}, headers=headers).status_code == 401
        assert http.get("/me", headers=headers).status_code == 401
        assert http.get(f"/records/candidate/{uid()}", headers=headers).status_code == 401


# --- push and pull -------------------------------------------------------------------


def test_push_then_pull_and_a_replayed_batch_changes_nothing(
    anna: Api, admin: Admin, live: LiveServer
) -> None:
    cand = uid()
    batch = uid()
    changes = [candidate(cand), note(cand, anna.coach_id)]
    first = anna.sync(changes, batch_id=batch).json()
    assert [r["status"] for r in first["push"]["results"]] == ["applied", "applied"]
    revs = {k: v["rev"] for k, v in admin.records().items()}
    again = anna.sync(changes, batch_id=batch).json()
    assert again["push"]["replayed"] is True
    assert again["push"]["results"] == first["push"]["results"]
    assert {k: v["rev"] for k, v in admin.records().items()} == revs
    # Her other device gets everything; this one only what it did not push itself
    # (the server's assignment, the staff directory: issue 13).
    everything = Api(live.url, "anna@spt.nl").pull_all()
    kinds = sorted(r["entity"] for k, r in everything.items() if k != "__purge__")
    assert kinds == ["assignment", "candidate", "coach", "note"]
    back = anna.pull_all()
    assert sorted(r["entity"] for k, r in back.items() if k != "__purge__") == [
        "assignment",
        "coach",
    ]


def test_concurrent_edits_merge_by_field_and_conflict_on_the_same_field(anna: Api) -> None:
    cand = uid()
    [res] = anna.push(candidate(cand))
    base = res["rev"]
    [r1] = anna.push(update("candidate", cand, base, phone="0611", municipality="Hoorn"))
    assert r1["status"] == "applied"
    [r2] = anna.push(update("candidate", cand, base, email="k@x.nl", municipality="Edam"))
    assert r2["status"] == "conflict"
    assert r2["conflicts"] == [{"field": "municipality", "yours": "Edam", "theirs": "Hoorn"}]
    data = anna.get("candidate", cand).json()["data"]
    assert (data["phone"], data["email"], data["municipality"]) == ("0611", "k@x.nl", "Hoorn")
    # The same value on both sides is no conflict.
    [r3] = anna.push(update("candidate", cand, base, municipality="Hoorn"))
    assert r3["status"] == "applied"


def test_tombstones_stay_and_append_only_records_stay_as_written(anna: Api) -> None:
    cand, n = uid(), uid()
    res = anna.push(candidate(cand), note(cand, anna.coach_id, n))
    base = res[0]["rev"]
    [d] = anna.push({"entity": "candidate", "id": cand, "op": "delete", "base_rev": base})
    assert d["status"] == "applied"
    [old] = anna.push(update("candidate", cand, base, phone="0622"))
    assert old["status"] == "gone" and old["record"]["deleted"] is True
    [again] = anna.push(candidate(cand))
    assert again["status"] == "gone"
    [edit] = anna.push(update("note", n, res[1]["rev"], text="anders"))
    assert edit["status"] == "rejected" and edit["record"]["data"]["text"] == "Gesprek"
    [same] = anna.push(note(cand, anna.coach_id, n))  # a replayed insert: harmless
    assert same["status"] == "applied"


def test_invalid_values_are_rejected_with_field_names_only(anna: Api) -> None:
    bad = candidate(first_name="x" * 101, hours_per_week="veertig")
    [r] = anna.push(bad)
    assert r["status"] == "rejected"
    assert "first_name" in r["reason"] and "hours_per_week" in r["reason"]
    assert "veertig" not in r["reason"]
    missing = candidate()
    del missing["fields"]["last_name"]
    assert anna.push(missing)[0]["status"] == "rejected"
    bsn = candidate(bsn="123456782")
    assert anna.push(bsn)[0]["status"] == "rejected"  # no field holds a BSN
    r = anna.sync([{"entity": "bsn", "id": uid(), "op": "upsert", "fields": {}}])
    assert r.status_code == 422


# --- scope and authorisation ----------------------------------------------------------


def test_another_coachs_candidate_can_be_neither_read_nor_written(
    anna: Api, bob: Api, admin: Admin
) -> None:
    cand, n = uid(), uid()
    res = anna.push(candidate(cand), note(cand, anna.coach_id, n))
    base = res[0]["rev"]
    assign_id = next(k for k, v in admin.records().items() if v["entity"] == "assignment")
    # Reading: not through pull, not by id (same answer as for an id that does not exist).
    pulled = bob.pull_all()
    assert cand not in pulled and n not in pulled and assign_id not in pulled
    assert bob.get("candidate", cand).status_code == 404
    assert bob.get("note", n).status_code == 404
    assert bob.get("assignment", assign_id).status_code == 404
    assert bob.get("candidate", uid()).status_code == 404
    # Writing: edit, delete, a child under her candidate, an insert over her ids, an
    # assignment of himself to her candidate, the same id under another entity.
    attempts = [
        update("candidate", cand, base, first_name="Bob was hier"),
        {"entity": "candidate", "id": cand, "op": "delete", "base_rev": base},
        note(cand, bob.coach_id),
        candidate(cand),
        note(cand, bob.coach_id, n),
        {
            "entity": "assignment",
            "id": uid(),
            "op": "upsert",
            "fields": {
                "candidate_id": cand,
                "coach_id": bob.coach_id,
                "role": "jobcoach",
                "active": True,
            },
        },
        update("assignment", assign_id, None, coach_id=bob.coach_id),
        {"entity": "intake", "id": n, "op": "delete"},
    ]
    results = bob.push(*attempts)
    assert [r["status"] for r in results] == ["forbidden"] * len(attempts)
    assert all(r.get("record") is None for r in results)  # absent: its default, None
    assert admin.records()[cand]["first_name"] == "Kim"
    assert not admin.records(include_deleted=True)[cand]["deleted"]
    # A batch id of hers cannot be used to read her results.
    batch = uid()
    anna.sync([candidate()], batch_id=batch)
    r = bob.sync([candidate()], batch_id=batch)
    assert r.status_code == 409


def test_registries_are_shared_within_an_spt_only(admin: Admin, live: LiveServer) -> None:
    admin.add_coach("anna@spt.nl", spt=NH)
    admin.add_coach("nora@spt.nl", spt=NH)
    admin.add_coach("gijs@spt.nl", spt=GA)
    anna, nora, gijs = (Api(live.url, f"{n}@spt.nl") for n in ("anna", "nora", "gijs"))
    emp = uid()
    anna.push(employer(NH, emp))
    assert emp in nora.pull_all() and emp not in gijs.pull_all()
    assert gijs.get("employer", emp).status_code == 404
    contact = {
        "entity": "contact_person",
        "id": uid(),
        "op": "upsert",
        "fields": {"employer_id": emp, "name": "Jan", "function": "", "email": None},
    }
    assert [r["status"] for r in gijs.push(contact, employer(NH))] == ["forbidden"] * 2
    assert gijs.push(update("employer", emp, None, name="Overgenomen"))[0]["status"] == (
        "forbidden"
    )
    assert nora.push(contact)[0]["status"] == "applied"
    assert nora.push(update("employer", emp, None, spt=GA))[0]["status"] == "rejected"


def test_assignment_and_unassignment_move_scope_with_purge(
    anna: Api, bob: Api, admin: Admin
) -> None:
    cand, n = uid(), uid()
    anna.push(candidate(cand), note(cand, anna.coach_id, n))
    bob.cursor = bob.sync().json()["pull"]["cursor"]  # he is up to date
    admin.assign(cand, "bob@spt.nl")
    page = bob.sync().json()["pull"]
    got = {rec["id"] for rec in page["records"]}
    assert {cand, n} <= got  # the whole dossier, records older than his cursor too
    bob.cursor = page["cursor"]
    assert bob.get("note", n).status_code == 200
    admin.assign(cand, "bob@spt.nl", active=False)
    page = bob.sync().json()["pull"]
    assert page["purge"] == [cand]
    assert bob.get("note", n).status_code == 404


def test_a_handover_addressee_may_accept_but_not_edit_before_accepting(
    anna: Api, bob: Api, admin: Admin
) -> None:
    cand, h = uid(), uid()
    handover = {
        "entity": "handover",
        "id": h,
        "op": "upsert",
        "fields": {
            "candidate_id": cand,
            "from_coach_id": anna.coach_id,
            "from_role": "loopbaancoach",
            "to_coach_id": bob.coach_id,
            "to_role": "jobcoach",
            "summary": "Overdracht",
            "status": "pending",
            "created_at": "2026-11-04T09:00:00",
        },
    }
    res = anna.push(candidate(cand), handover)
    assert bob.get("handover", h).status_code == 200
    assert bob.get("candidate", cand).status_code == 404
    base = res[1]["rev"]
    assert bob.push(update("handover", h, base, summary="anders"))[0]["status"] == "forbidden"
    accept = update("handover", h, base, status="accepted", accepted_at="2026-11-05T09:00:00")
    assert bob.push(accept)[0]["status"] == "applied"
    assert bob.get("candidate", cand).status_code == 200
    assert anna.get("candidate", cand).status_code == 404


def test_a_handover_or_assignment_to_a_coach_without_an_account_is_refused(anna: Api) -> None:
    """Else the dossier would leave her scope for nobody's."""
    cand, nobody = uid(), uid()
    handover = {
        "entity": "handover",
        "id": uid(),
        "op": "upsert",
        "fields": {
            "candidate_id": cand,
            "from_coach_id": anna.coach_id,
            "from_role": "loopbaancoach",
            "to_coach_id": nobody,
            "to_role": "jobcoach",
            "summary": "Overdracht",
            "status": "accepted",
            "created_at": "2026-11-04T09:00:00",
            "accepted_at": "2026-11-04T10:00:00",
        },
    }
    assignment = {
        "entity": "assignment",
        "id": uid(),
        "op": "upsert",
        "fields": {"candidate_id": cand, "coach_id": nobody, "role": "jobcoach", "active": True},
    }
    res = anna.push(candidate(cand), handover, assignment)
    assert [r["status"] for r in res] == ["applied", "rejected", "rejected"]
    assert all(nobody not in (r.get("reason") or "") for r in res)
    assert anna.get("candidate", cand).status_code == 200  # still hers


def test_bad_cursor_and_oversized_requests_are_client_errors(anna: Api) -> None:
    assert anna.sync(cursor="x:y").status_code == 422
    r = anna.http.post(
        "/sync",
        content=b"{" + b" " * (9 * 1024 * 1024) + b"}",
        headers={**anna.auth, "content-type": "application/json"},
    )
    assert r.status_code == 413
    too_many = [candidate() for _ in range(p.MAX_BATCH_TAKEN + 1)]
    assert anna.sync(too_many).status_code == 422


def test_stats_counts_live_records_per_entity(anna: Api, admin: Admin) -> None:
    cand = uid()
    anna.push(candidate(cand), note(cand, anna.coach_id), employer())
    stats = admin.stats()
    assert stats["candidates"] == 1 and stats["notes"] == 1 and stats["employers"] == 1
    assert stats["coaches"] == 1 and stats["assignments"] == 1 and stats["visits"] == 0
