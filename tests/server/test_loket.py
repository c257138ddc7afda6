"""The loket register on a live server (SQLite and PostgreSQL), issue 16 §2: who records
questions, who sees them, passing one on moves it between coaches' devices, and a closed
question keeps no name or contact on the server (its record, its conflict rows)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from spt_server.db import Conflict
from tests.support.server_kit import GA, NH, PASSWORD, Admin, LiveServer, uid

API = "/api/v1"


@dataclass
class Login:
    http: httpx.Client
    tokens: dict[str, Any]
    cursor: str | None = None

    @property
    def id(self) -> str:
        return str(self.tokens["coach"]["id"])

    def sync(self, *changes: dict[str, Any]) -> dict[str, Any]:
        """Push ``changes`` and pull everything new (all pages)."""
        body: dict[str, Any] = {"cursor": self.cursor, "limit": 2000}
        if changes:
            body["batch"] = {"batch_id": uid(), "changes": list(changes)}
        auth = {"authorization": "Bearer " + self.tokens["access_token"]}
        r = self.http.post(f"{API}/sync", json=body, headers=auth)
        assert r.status_code == 200, r.text
        out = dict(r.json())
        self.cursor = out["pull"]["cursor"]
        return out

    def questions(self) -> tuple[dict[str, dict[str, Any]], list[str]]:
        """The loket questions a sync brings (by id, with their data) and the purge."""
        pull = self.sync()["pull"]
        found = {r["id"]: r["data"] for r in pull["records"] if r["entity"] == "loket_question"}
        return found, pull["purge"]


def _login(live: LiveServer, email: str) -> Login:
    http = httpx.Client(base_url=live.url, timeout=30)
    r = http.post(f"{API}/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return Login(http, r.json())


@dataclass
class Desk:
    admin: Admin
    lotte: Login  # loket of NH
    cora: Login  # coordinator of NH
    anna: Login  # loopbaancoach of NH
    bob: Login  # loopbaancoach of NH
    gijs: Login  # loket of GA


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    admin = Admin(db_url)
    live = LiveServer(db_url).start()
    admin.add_coach("lotte@spt.nl", roles="loket")
    admin.add_coach("cora@spt.nl", roles="coordinator")
    admin.add_coach("anna@spt.nl")
    admin.add_coach("bob@spt.nl")
    admin.add_coach("gijs@spt.nl", spt=GA, roles="loket")
    logins = [_login(live, f"{n}@spt.nl") for n in ("lotte", "cora", "anna", "bob", "gijs")]
    for x in logins:
        x.sync()  # past the coaches
    yield Desk(admin, *logins)
    for x in logins:
        x.http.close()
    live.stop()
    admin.close()


def question(by: str, **fields: Any) -> dict[str, Any]:
    values = {
        "spt": NH, "received_on": "2026-12-05", "channel": "phone", "asker": "job_seeker",
        "topic": "Omscholen naar installatietechniek", "answer": "", "to_coach_id": None,
        "follow_up_on": "2026-12-08", "status": "open", "closed_on": None, "outcome": None,
        "outcome_id": None, "name": "Sanne de Wit", "contact": "06 12345678",
        "recorded_by": by,
    }  # fmt: skip
    values.update(fields)
    return {"entity": "loket_question", "id": uid(), "op": "upsert", "fields": values}


def _result(out: dict[str, Any]) -> dict[str, Any]:
    return dict(out["push"]["results"][0])


def test_only_the_loket_and_coordinators_record_questions(desk: Desk) -> None:
    assert _result(desk.anna.sync(question(desk.anna.id)))["status"] == "forbidden"
    assert _result(desk.lotte.sync(question(desk.lotte.id)))["status"] == "applied"
    assert _result(desk.cora.sync(question(desk.cora.id)))["status"] == "applied"


def test_the_register_is_the_spts_and_a_coach_sees_what_was_passed_on_to_her(
    desk: Desk,
) -> None:
    ch = question(desk.lotte.id, to_coach_id=desk.anna.id)
    assert _result(desk.lotte.sync(ch))["status"] == "applied"
    other = question(desk.lotte.id)
    desk.lotte.sync(other)

    cora, _ = desk.cora.questions()
    assert {ch["id"], other["id"]} <= set(cora)  # the coordinator keeps the register too
    anna, _ = desk.anna.questions()
    assert set(anna) == {ch["id"]} and anna[ch["id"]]["name"] == "Sanne de Wit"
    assert desk.bob.questions()[0] == {}
    assert desk.gijs.questions()[0] == {}  # another SPT's loket

    # Passed on to Bob: he gets it, Anna's device is told to purge it.
    desk.lotte.sync({**ch, "fields": {"to_coach_id": desk.bob.id},
                     "base_rev": _rev(desk, ch["id"])})  # fmt: skip
    bob, _ = desk.bob.questions()
    assert set(bob) == {ch["id"]}
    anna, purge = desk.anna.questions()
    assert ch["id"] in purge
    # ... and what she writes about it now is refused.
    late = {**ch, "fields": {"answer": "Gebeld"}, "base_rev": _rev(desk, ch["id"])}
    assert _result(desk.anna.sync(late))["status"] == "forbidden"


def test_a_coach_closes_a_question_passed_on_to_her(desk: Desk) -> None:
    ch = question(desk.lotte.id, to_coach_id=desk.anna.id)
    desk.lotte.sync(ch)
    desk.anna.questions()
    close = {
        **ch,
        "fields": {"status": "closed", "closed_on": "2026-12-06", "answer": "Intake gepland",
                   "outcome": "nothing"},
        "base_rev": _rev(desk, ch["id"]),
    }  # fmt: skip
    assert _result(desk.anna.sync(close))["status"] == "applied"
    stored = desk.admin.records()[ch["id"]]
    assert stored["status"] == "closed" and stored["answer"] == "Intake gepland"
    # The server clears the name and contact itself: the device did not send them.
    assert stored["name"] is None and stored["contact"] is None
    lotte, _ = desk.lotte.questions()
    assert lotte[ch["id"]]["name"] is None and lotte[ch["id"]]["contact"] is None


def test_closed_means_no_name_or_contact_anywhere_on_the_server(desk: Desk) -> None:
    ch = question(desk.lotte.id, to_coach_id=desk.anna.id)
    desk.lotte.sync(ch)
    base = _rev(desk, ch["id"])
    # Cora corrects the contact; Anna's offline edit of it, from the old base, conflicts:
    # the server keeps both values in a conflict row.
    desk.cora.sync({**ch, "fields": {"contact": "sanne@voorbeeld.nl"}, "base_rev": base})
    out = desk.anna.sync({**ch, "fields": {"contact": "06 87654321"}, "base_rev": base})
    assert _result(out)["status"] == "conflict"
    assert _conflict_rows(desk, ch["id"]) == 1
    # Lotte closes it, sending the name along: it is not kept.
    closing = {"status": "closed", "closed_on": "2026-12-06", "name": "Sanne de Wit"}
    desk.lotte.sync({**ch, "fields": closing, "base_rev": _rev(desk, ch["id"])})
    stored = desk.admin.records()[ch["id"]]
    assert (stored["name"], stored["contact"]) == (None, None)
    assert _conflict_rows(desk, ch["id"]) == 0
    # A device that still had it open sends a name again: refused silently, kept cleared.
    desk.anna.sync({**ch, "fields": {"name": "Sanne"}, "base_rev": base})
    assert desk.admin.records()[ch["id"]]["name"] is None
    assert _conflict_rows(desk, ch["id"]) == 0
    with desk.admin.session() as s:
        raw = s.execute(sa.text("SELECT data, field_revs FROM record WHERE id = :i"),
                        {"i": ch["id"]}).one()  # fmt: skip
    assert "Sanne" not in raw[0] and "06 " not in raw[0] and "@" not in raw[0]

    # Recorded closed at once (an answered phone call): kept without name and contact.
    done = question(desk.lotte.id, status="closed", closed_on="2026-12-05")
    desk.lotte.sync(done)
    assert desk.admin.records()[done["id"]]["name"] is None


def test_a_question_cannot_be_passed_on_to_someone_without_an_account(desk: Desk) -> None:
    out = desk.lotte.sync(question(desk.lotte.id, to_coach_id=uid()))
    assert _result(out)["status"] == "rejected"


def _rev(desk: Desk, rid: str) -> int:
    return int(desk.admin.records()[rid]["rev"])


def _conflict_rows(desk: Desk, rid: str) -> int:
    with desk.admin.session() as s:
        q = sa.select(sa.func.count()).select_from(Conflict).where(Conflict.record_id == rid)
        return int(s.execute(q).scalar_one())


def _pull_all(who: Login, cursor: str | None, limit: int) -> list[str]:
    """Every record id a device pulls from ``cursor``, page by page of ``limit``."""
    auth = {"authorization": "Bearer " + who.tokens["access_token"]}
    ids: list[str] = []
    while True:
        r = who.http.post(f"{API}/sync", json={"cursor": cursor, "limit": limit}, headers=auth)
        assert r.status_code == 200, r.text
        pull = r.json()["pull"]
        ids += [rec["id"] for rec in pull["records"]]
        cursor = pull["cursor"]
        if not pull["more"]:
            return ids


def test_a_loket_role_given_later_brings_the_older_questions_and_referrals(
    desk: Desk, db_url: str
) -> None:
    """As a handover brings a whole dossier: the register her SPT kept before she had the
    role comes at her next sync, once, on every device, a page at a time; the staff
    record shows her new role; the act is in the audit log."""
    from spt_server import audit, cli
    from tests.server.test_referrals import referral

    older = [question(desk.lotte.id, topic=f"Vraag {i}") for i in range(3)]
    ref = referral(desk.lotte.id)
    assert all(r["status"] == "applied" for r in desk.lotte.sync(*older, ref)["push"]["results"])
    assert desk.anna.questions() == ({}, [])  # not hers: a loopbaancoach
    mark = desk.anna.cursor

    args = ["set-roles", "--db", db_url, "--email", "anna@spt.nl", "--role"]
    assert cli.main([*args, "loopbaancoach,loket"]) == 0
    newer = question(desk.lotte.id, topic="Na de rol")
    desk.lotte.sync(newer)
    wanted = {q["id"] for q in older} | {ref["id"], newer["id"]}
    pulled = _pull_all(desk.anna, mark, 2)  # small pages: the grant's cursor inside it
    assert wanted <= set(pulled)
    assert sorted(i for i in pulled if i in wanted) == sorted(wanted)  # each once
    assert desk.anna.id in pulled  # her staff record, with the new role
    records = desk.admin.records()
    assert records[desk.anna.id]["roles"] == "loopbaancoach,loket"
    # A device of hers from the start gets each once too; Bob gets none of them.
    fresh = _pull_all(desk.anna, None, 3)
    assert sorted(i for i in fresh if i in wanted) == sorted(wanted)
    assert not wanted & set(_pull_all(desk.bob, mark, 50))
    # Giving the same roles again changes nothing and logs nothing.
    assert cli.main([*args, "loket,loopbaancoach"]) == 0
    with desk.admin.session() as s:
        rows = [(r.action, r.target_kind, r.target_id) for r in audit.entries(s)]
    assert rows == [("set_roles", "account", desk.anna.id)]
