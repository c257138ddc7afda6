"""The coordinator's endpoints on a live server (SQLite and PostgreSQL): who may ask, what
an assignment does to the coaches' scopes, the server's own sync times, targets, audit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from spt_server import audit, setup
from spt_server.db import Device
from tests.support.server_kit import GA, NH, PASSWORD, Admin, LiveServer, candidate_change, uid

API = "/api/v1"
C = f"{API}/coordination"


def test_unassigning_one_role_keeps_the_coachs_other_roles(admin: Admin) -> None:
    # Anna is loopbaancoach and jobcoach of Kim; ending her jobcoach role must leave her
    # loopbaancoach role (and Kim in her scope). It used to end every role of hers.
    admin.add_coach("anna@spt.nl", roles="loopbaancoach,jobcoach")
    admin.add_coach("bob@spt.nl")
    with admin.session() as s, s.begin():
        seq_cand = uid()
        from spt_server import store

        seq = store.Sequence(s)
        store._new_record(
            s, "candidate", seq_cand, candidate_change(seq_cand)["fields"], seq.next(), None,
            None, candidate_id=seq_cand, spt=NH,
        )  # fmt: skip
        seq.flush()
        setup.assign(s, seq_cand, "anna@spt.nl", "loopbaancoach", True)
        setup.assign(s, seq_cand, "anna@spt.nl", "jobcoach", True)
        setup.assign(s, seq_cand, "anna@spt.nl", "jobcoach", False)
    live = {
        (v["role"], v["active"])
        for v in admin.records().values()
        if v["entity"] == "assignment" and v["candidate_id"] == seq_cand
    }
    assert live == {("loopbaancoach", True), ("jobcoach", False)}
    with admin.session() as s:
        from spt_server.db import Scope

        scope = s.get(Scope, (setup.account_by_email(s, "anna@spt.nl").id, seq_cand))
        assert scope is not None and scope.revoked_rev is None


# --- a live SPT ------------------------------------------------------------------------


@dataclass
class Login:
    http: httpx.Client
    tokens: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.tokens["coach"]["id"])

    @property
    def auth(self) -> dict[str, str]:
        return {"authorization": "Bearer " + self.tokens["access_token"]}

    def get(self, path: str, **params: Any) -> httpx.Response:
        return self.http.get(path, params=params, headers=self.auth)

    def post(self, path: str, body: Any) -> httpx.Response:
        return self.http.post(path, json=body, headers=self.auth)

    def put(self, path: str, body: Any) -> httpx.Response:
        return self.http.put(path, json=body, headers=self.auth)

    def sync(self, cursor: str | None = None, *changes: dict[str, Any]) -> dict[str, Any]:
        body: dict[str, Any] = {"cursor": cursor, "limit": 2000}
        if changes:
            body["batch"] = {"batch_id": uid(), "changes": list(changes)}
        r = self.post(f"{API}/sync", body)
        assert r.status_code == 200, r.text
        return dict(r.json())


def _login(live: LiveServer, email: str) -> Login:
    http = httpx.Client(base_url=live.url, timeout=30)
    r = http.post(f"{API}/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return Login(http, r.json())


@dataclass
class Spt:
    admin: Admin
    live: LiveServer
    cora: Login  # coordinator of NH
    anna: Login  # loopbaancoach NH
    bob: Login  # loopbaancoach NH
    gijs: Login  # coordinator of GA
    root: Login  # admin of GA


@pytest.fixture(scope="module")
def spt(module_db_url: str) -> Iterator[Spt]:
    # One SPT for the module (logins cost a password hash each): each test makes its own
    # candidates and looks only at them.
    admin = Admin(module_db_url)
    live = LiveServer(module_db_url).start()
    admin.add_coach("cora@spt.nl", roles="coordinator")
    admin.add_coach("anna@spt.nl")
    admin.add_coach("bob@spt.nl", roles="loopbaancoach,jobcoach")
    admin.add_coach("gijs@spt.nl", spt=GA, roles="coordinator")
    admin.add_coach("root@spt.nl", spt=GA, roles="admin")
    logins = [_login(live, f"{n}@spt.nl") for n in ("cora", "anna", "bob", "gijs", "root")]
    yield Spt(admin, live, *logins)
    for x in logins:
        x.http.close()
    live.stop()
    admin.close()


ENDPOINTS: list[tuple[str, str, dict[str, Any]]] = [
    ("GET", f"{C}/team", {}),
    ("GET", f"{C}/candidates", {}),
    ("GET", f"{C}/targets", {"year": 2026}),
    ("GET", f"{C}/intake", {"start": "2026-01-01", "end": "2026-12-31"}),
    ("PUT", f"{C}/targets", {"year": 2026, "instroom": 40}),
    ("POST", f"{C}/assignments", {"candidate_ids": [uid()], "coach_id": uid(), "role": "jobcoach"}),
]


def _call(who: Login, method: str, path: str, args: dict[str, Any]) -> httpx.Response:
    if method == "GET":
        return who.get(path, **args)
    return who.post(path, args) if method == "POST" else who.put(path, args)


@pytest.mark.parametrize(("method", "path", "args"), ENDPOINTS)
def test_who_may_ask(spt: Spt, method: str, path: str, args: dict[str, Any]) -> None:
    before = spt.admin.records(include_deleted=True)
    # A coach: 403 on every coordinator endpoint, her own SPT named or not.
    for extra in ({}, {"spt": NH}):
        r = _call(spt.anna, method, path, {**args, **extra})
        assert r.status_code == 403 and r.json()["detail"]["code"] == "forbidden", r.text
    # A coordinator of GA asking for NH: 403.
    r = _call(spt.gijs, method, path, {**args, "spt": NH})
    assert r.status_code == 403, r.text
    assert spt.admin.records(include_deleted=True) == before
    # No token: 401.
    r = spt.anna.http.request(method, path, params=args if method == "GET" else None)
    assert r.status_code == 401


def test_team_shows_coaches_caseload_handovers_and_the_servers_sync_times(
    spt: Spt, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [1_000.0]  # the server process's (Server.clock): seconds
    monkeypatch.setattr(spt.live.server, "clock", lambda: clock[0])
    cand = uid()
    hand = {
        "entity": "handover", "id": uid(), "op": "upsert", "fields": {
            "candidate_id": cand, "from_coach_id": spt.anna.id, "from_role": "loopbaancoach",
            "to_coach_id": spt.bob.id, "to_role": "jobcoach", "summary": "Over",
            "status": "pending", "created_at": "2026-11-04T09:00:00",
        },
    }  # fmt: skip
    spt.anna.sync(None, candidate_change(cand, phase="matching"), hand)
    # The time is the server's, noted at a sync to within 30 s (app.NOTE_EVERY): a sync
    # less than 30 s after the last note (her push) leaves it, one 30 s after notes it.
    first = _last_sync(spt)
    clock[0] += 29.999
    spt.anna.sync(None)
    assert first is not None and _last_sync(spt) == first
    clock[0] += 0.001
    spt.anna.sync(None)
    later = _last_sync(spt)
    assert later is not None and later > first
    r = spt.cora.get(f"{C}/team")
    assert r.status_code == 200, r.text
    coaches = {c["name"]: c for c in r.json()["coaches"]}
    assert set(coaches) == {"Cora", "Anna", "Bob"}  # NH only
    anna = coaches["Anna"]
    assert anna["roles"] == ["loopbaancoach"] and anna["caseload"] == {"matching": 1}
    assert anna["open_handovers"] == 1 and anna["oldest_handover"] == "2026-11-04T09:00:00Z"
    assert [d["id"] for d in anna["devices"]] == [spt.anna.tokens["device_id"]]
    # She synced: the server noted it, and the team shows the time it noted last.
    shown = datetime.fromisoformat(anna["devices"][0]["last_sync"].replace("Z", "+00:00"))
    assert shown == later.replace(tzinfo=UTC)
    assert coaches["Cora"]["devices"][0]["last_sync"] is None  # logged in, never synced
    # Audited: the read, by Cora, of her SPT; no content.
    with spt.admin.session() as s:
        rows = [x for x in audit.entries(s) if x.action == "coord_read_team"]
    assert [(x.actor_id, x.target_kind, x.target_id) for x in rows] == [(spt.cora.id, "spt", NH)]
    # An admin may pick any SPT; a coordinator's own SPT needs no name.
    r = spt.root.get(f"{C}/team", spt=NH)
    assert r.status_code == 200 and {c["name"] for c in r.json()["coaches"]} == set(coaches)
    assert {c["name"] for c in spt.gijs.get(f"{C}/team").json()["coaches"]} == {"Gijs", "Root"}


def _last_sync(spt: Spt) -> datetime | None:
    """Anna's device's sync time as the server stored it (naive UTC)."""
    with spt.admin.session() as s:
        return s.get(Device, spt.anna.tokens["device_id"]).last_sync  # type: ignore[union-attr]


def _scope(login: Login, cursor: str | None) -> tuple[set[str], set[str], str]:
    page = login.sync(cursor)["pull"]
    return {r["id"] for r in page["records"]}, set(page["purge"]), page["cursor"]


def test_assign_and_reassign_move_the_candidate_between_coaches(spt: Spt) -> None:
    # A candidate whose registrar left her: Anna registers, Cora then hands her over.
    cand = uid()
    spt.anna.sync(None, candidate_change(cand))
    _, _, bob_cursor = _scope(spt.bob, None)
    r = spt.cora.get(f"{C}/candidates", role="jobcoach")
    found = {c["id"]: c for c in r.json()["candidates"]}
    assert found[cand]["assignments"] == [{"coach_id": spt.anna.id, "role": "loopbaancoach"}]
    # Assign Bob as jobcoach: his next sync brings the dossier.
    body = {"candidate_ids": [cand], "coach_id": spt.bob.id, "role": "jobcoach"}
    r = spt.cora.post(f"{C}/assignments", body)
    assert r.status_code == 200 and r.json() == {"assigned": 1, "ended": 0}, r.text
    got, _, bob_cursor = _scope(spt.bob, bob_cursor)
    assert cand in got
    without = spt.cora.get(f"{C}/candidates", role="jobcoach").json()["candidates"]
    assert cand not in {c["id"] for c in without}
    mine = spt.cora.get(f"{C}/candidates", coach=spt.bob.id).json()["candidates"]
    assert cand in {c["id"] for c in mine}
    # Reassign the loopbaancoach role from Anna to Bob: Anna's next sync purges her.
    _, _, anna_cursor = _scope(spt.anna, None)
    body = {"candidate_ids": [cand], "coach_id": spt.bob.id, "role": "loopbaancoach"}
    r = spt.cora.post(f"{C}/assignments", body)
    assert r.json() == {"assigned": 1, "ended": 1}, r.text
    _, purged, _ = _scope(spt.anna, anna_cursor)
    assert purged == {cand}
    # Bob keeps both roles; the same request again changes nothing.
    assert spt.cora.post(f"{C}/assignments", body).json() == {"assigned": 0, "ended": 0}
    with spt.admin.session() as s:
        acts = [(x.action, x.target_id, x.actor_id) for x in audit.entries(s)]
    changes = [a for a in acts if a[0] in ("assign", "unassign") and a[1] == cand]
    by_cora = ("assign", cand, spt.cora.id)
    assert changes == [by_cora, by_cora, ("unassign", cand, spt.cora.id)]


def test_assignment_refusals_change_nothing(spt: Spt) -> None:
    cand, other = uid(), uid()
    spt.anna.sync(None, candidate_change(cand))
    spt.gijs.sync(None, candidate_change(other, spt=GA))  # a GA candidate
    before = spt.admin.records(include_deleted=True)
    bad = [
        # Not a coach of the role; a coach of another SPT; unknown coach.
        ({"coach_id": spt.anna.id, "role": "jobcoach"}, 404, "bad_coach"),
        ({"coach_id": spt.gijs.id, "role": "loopbaancoach"}, 404, "bad_coach"),
        ({"coach_id": uid(), "role": "jobcoach"}, 404, "bad_coach"),
    ]
    for extra, status, code in bad:
        r = spt.cora.post(f"{C}/assignments", {"candidate_ids": [cand], **extra})
        assert (r.status_code, r.json()["detail"]["code"]) == (status, code), r.text
    # One candidate of another SPT (or unknown) among hers: all refused.
    for stranger in (other, uid()):
        body = {"candidate_ids": [cand, stranger], "coach_id": spt.bob.id, "role": "jobcoach"}
        r = spt.cora.post(f"{C}/assignments", body)
        assert r.status_code == 404 and other not in r.text
    assert spt.admin.records(include_deleted=True) == before


def test_targets_against_what_is_realised(spt: Spt) -> None:
    # 2024: no other test registers candidates then.
    r = spt.cora.get(f"{C}/targets", year=2024)
    assert r.status_code == 200
    assert r.json()["targets"] == {
        "instroom": None, "placements": None, "sustained": None, "dropout_rate": None
    }  # fmt: skip
    # Six candidates registered in 2024 (one in 2023), two of them dropped out.
    ids = [uid() for _ in range(7)]
    changes = [candidate_change(c, registered_on="2024-02-01") for c in ids[:6]]
    changes.append(candidate_change(ids[6], registered_on="2023-03-01"))
    for c in ids[:2]:
        changes.append({"entity": "dropout", "id": uid(), "op": "upsert", "fields": {
            "candidate_id": c, "phase": "orientation", "reason": "language_gap",
            "occurred_on": "2024-11-20", "coach_id": spt.anna.id, "explanation": "",
        }})  # fmt: skip
    result = spt.anna.sync(None, *changes)
    assert {x["status"] for x in result["push"]["results"]} == {"applied"}, result
    body = {"year": 2024, "instroom": 40, "placements": 20, "sustained": 10, "dropout_rate": 25}
    r = spt.cora.put(f"{C}/targets", body)
    assert r.status_code == 200, r.text
    got = spt.cora.get(f"{C}/targets", year=2024).json()
    assert got["targets"] == {k: v for k, v in body.items() if k != "year"}
    # 6 registered, 2 of them dropped out (a count under 5: no rate), no placements.
    assert got["realised"] == {
        "instroom": 6, "placements": 0, "sustained": 0, "dropout_rate": None
    }  # fmt: skip
    assert spt.gijs.get(f"{C}/targets", year=2024).json()["targets"]["instroom"] is None
    with spt.admin.session() as s:
        acts = [(x.action, x.target_id) for x in audit.entries(s)]
        assert ("targets_set", NH) in acts
        assert s.execute(sa.text("select count(*) from spt_target")).scalar() == 1


def test_intake_per_referrer_and_persona(spt: Spt) -> None:
    # 2022: no other test registers candidates then. Six via UWV (five of one persona).
    changes = [candidate_change(registered_on="2022-05-01") for _ in range(5)]
    changes.append(candidate_change(registered_on="2022-06-01", persona="no_work_no_benefit"))
    changes.append(candidate_change(registered_on="2023-01-01"))  # after the period
    spt.anna.sync(None, *changes)
    r = spt.cora.get(f"{C}/intake", start="2022-01-01", end="2022-12-31")
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["total"] == 6
    assert got["by_referrer"] == [{"group": "UWV", "count": 6, "placed": 0}]  # none placed
    personas = {x["count"] for x in got["by_persona"]}
    assert personas == {5, "<5"} and "Kim" not in r.text
    empty = spt.cora.get(f"{C}/intake", start="2022-12-31", end="2022-01-01").json()
    assert empty["total"] == 0 and empty["by_referrer"] == []
