"""Erasure (AVG art. 17) and deletion on the server, SQLite and PostgreSQL: what is
erased or deleted keeps no content in any table; every coach who held the candidate gets
the purge; erased records cannot be written again. Also what a new candidate is filed
under (her registrar's SPT) and how many assignments she gets (one per role), on both
push paths."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common import protocol as p
from spt_server import audit, cli, monitor, setup, store
from spt_server.db import Record, Scope
from tests.support.server_kit import GA, NH, PASSWORD, Admin, LiveServer, candidate_change, uid

API = "/api/v1"
# ASCII on purpose: JSON stores non-ASCII letters escaped, and a scan must see them.
SECRETS = ("Zoelinde", "Erasmusveld", "zoe.q7@example.org", "Geheim-gesprek-Q7")
CONFLICTING = ("Purmerend-Q7", "Zaandam-Q7")


class Api:
    """One logged-in device on the live server."""

    def __init__(self, base: str, email: str) -> None:
        self.http = httpx.Client(base_url=base + API, timeout=30)
        r = self.http.post("/auth/login", json={"email": email, "password": PASSWORD})
        assert r.status_code == 200, r.text
        self.tokens = r.json()
        self.id: str = self.tokens["coach"]["id"]
        self.cursor: str | None = None

    @property
    def auth(self) -> dict[str, str]:
        return {"authorization": "Bearer " + self.tokens["access_token"]}

    def push(self, *changes: dict[str, Any]) -> list[dict[str, Any]]:
        batch = {"batch_id": uid(), "changes": list(changes)}
        r = self.http.post("/sync", json={"batch": batch, "cursor": None}, headers=self.auth)
        assert r.status_code == 200, r.text
        return list(r.json()["push"]["results"])

    def pull(self) -> tuple[dict[str, dict[str, Any]], list[str]]:
        """Everything past this device's cursor: (records by id, purged candidates)."""
        records: dict[str, dict[str, Any]] = {}
        purge: list[str] = []
        while True:
            body = {"cursor": self.cursor, "limit": 50}
            r = self.http.post("/sync", json=body, headers=self.auth)
            assert r.status_code == 200, r.text
            page = r.json()["pull"]
            records.update({rec["id"]: rec for rec in page["records"]})
            purge += page["purge"]
            self.cursor = page["cursor"]
            if not page["more"]:
                return records, purge

    def erase(self, candidate_id: str) -> httpx.Response:
        return self.http.post(f"/candidates/{candidate_id}/erase", headers=self.auth)


def upsert(entity: str, rid: str, base: int | None = None, **fields: Any) -> dict[str, Any]:
    return {"entity": entity, "id": rid, "op": "upsert", "base_rev": base, "fields": fields}


def note(cand: str, author: str, rid: str | None = None, text: str = "Gesprek") -> dict[str, Any]:
    return upsert(
        "note", rid or uid(), candidate_id=cand, author_id=author,
        written_at="2026-11-03T10:00:00", text=text,
    )  # fmt: skip


def journey(cand: str, coach: str) -> dict[str, Any]:
    return upsert(
        "journey_event", uid(), candidate_id=cand, from_phase=None, to_phase="orientation",
        occurred_on="2026-11-02", coach_id=coach, reason="Aangemeld bij het SPT",
    )  # fmt: skip


def assignment(cand: str, coach: str, role: str = "loopbaancoach") -> dict[str, Any]:
    return upsert("assignment", uid(), candidate_id=cand, coach_id=coach, role=role, active=True)


def scan(engine: sa.Engine, needles: tuple[str, ...]) -> list[str]:
    """(table, needle) of every needle found in any column of any row of any table,
    read with raw SQL."""
    found = []
    with engine.connect() as c:
        tables = sa.inspect(c).get_table_names()
        for table in tables:
            for row in c.exec_driver_sql(f'SELECT * FROM "{table}"'):
                text = " ".join(str(v) for v in row)
                found += [f"{table}: {n}" for n in needles if n in text]
    return found


@pytest.fixture
def team(admin: Admin, live: LiveServer) -> Iterator[dict[str, Api]]:
    admin.add_coach("anna@spt.nl")
    admin.add_coach("bob@spt.nl", roles="jobcoach")
    admin.add_coach("cora@spt.nl", roles="coordinator")
    admin.add_coach("gijs@spt.nl", spt=GA, roles="loopbaancoach,coordinator")
    apis = {n: Api(live.url, f"{n}@spt.nl") for n in ("anna", "bob", "cora", "gijs")}
    yield apis
    for a in apis.values():
        a.http.close()


def _her_dossier(team: dict[str, Api], admin: Admin) -> tuple[str, str]:
    """Anna's candidate with a note, Bob assigned too, a conflict and a refused edit:
    content in records, conflict rows and stored batch results. (candidate, note)."""
    anna, bob = team["anna"], team["bob"]
    cand, n = uid(), uid()
    first, last, email, text = SECRETS
    res = anna.push(
        candidate_change(cand, first_name=first, last_name=last, email=email),
        note(cand, anna.id, n, text=text),
        journey(cand, anna.id),
    )
    assert [r["status"] for r in res] == ["applied"] * 3
    admin.assign(cand, "bob@spt.nl")
    records, _ = bob.pull()
    assert cand in records and n in records
    base = records[cand]["rev"]
    mine, theirs = CONFLICTING
    assert anna.push(upsert("candidate", cand, base, municipality=mine))[0]["status"] == "applied"
    [conflict] = bob.push(upsert("candidate", cand, base, municipality=theirs))
    assert conflict["status"] == "conflict"
    [refused] = bob.push(upsert("note", n, records[n]["rev"], text="Anders"))
    assert refused["status"] == "rejected" and refused["record"]["data"]["text"] == text
    return cand, n


def test_a_coordinator_erases_a_candidate_and_nothing_of_her_remains(
    admin: Admin, team: dict[str, Api]
) -> None:
    anna, bob, cora, gijs = (team[n] for n in ("anna", "bob", "cora", "gijs"))
    anna.pull()
    cand, n = _her_dossier(team, admin)
    assert scan(admin.engine, SECRETS + CONFLICTING)  # the scan sees them while she is here
    assert gijs.erase(cand).status_code == 403  # a coordinator of another SPT
    assert anna.erase(cand).status_code == 403  # a coach
    r = cora.erase(cand)
    assert r.status_code == 204, r.text
    # No table holds her names, texts or the values of the conflict about her.
    assert scan(admin.engine, SECRETS + CONFLICTING) == []
    hers = {
        k: v for k, v in admin.records(include_deleted=True).items() if v["candidate_id"] == cand
    }
    assert len(hers) >= 5  # candidate, note, journey event, two assignments
    for rec in hers.values():
        assert rec["deleted"] is True
        assert set(rec) == {"entity", "rev", "deleted", "candidate_id"}  # data: {}
    with Session(admin.engine) as s:
        scopes = s.scalars(sa.select(Scope).where(Scope.candidate_id == cand)).all()
        assert len(scopes) == 2 and all(sc.revoked_rev is not None for sc in scopes)
        [row] = [a for a in audit.entries(s) if a.action == "erase"]
        assert (row.target_id, row.actor_id) == (cand, cora.id)
    # Both coaches who had her purge her at their next sync; nothing of her comes along.
    for coach in (anna, bob):
        records, purge = coach.pull()
        assert cand in purge
        assert not [r for r in records.values() if r.get("data", {}).get("candidate_id") == cand]
        assert cand not in records or records[cand]["data"] == {}
    # Erased records cannot be written again, nor re-created, nor assigned.
    again = anna.push(
        upsert("note", n, None, text="Terug"),
        candidate_change(cand, first_name=SECRETS[0]),
        note(cand, anna.id),
    )
    assert [x["status"] for x in again] == ["forbidden"] * 3
    with pytest.raises(setup.AdminError, match="gewist"):
        admin.assign(cand, "anna@spt.nl")
    assert scan(admin.engine, SECRETS) == []
    # Erasing again is harmless.
    assert cora.erase(cand).status_code == 204
    assert cora.erase(uid()).status_code == 404


def test_erase_on_the_command_line(admin: Admin, db_url: str, capsys: Any) -> None:
    a = admin.add_coach("anna@spt.nl")
    caller = store.Caller(a, NH, uid())
    cand = uid()
    with Session(admin.engine) as s, s.begin():
        store.push(s, caller, p.PushBatch.model_validate(
            {"batch_id": uid(), "changes": [candidate_change(cand, first_name=SECRETS[0])]}
        ))  # fmt: skip
    assert cli.main(["erase", "--candidate", cand, "--db", db_url]) == cli.OK
    assert "gewist" in capsys.readouterr().out
    assert scan(admin.engine, SECRETS) == []
    with Session(admin.engine) as s:
        [row] = [x for x in audit.entries(s) if x.action == "erase"]
        assert (row.target_id, row.actor_id) == (cand, None)
    assert cli.main(["erase", "--candidate", uid(), "--db", db_url]) == cli.USAGE


def test_a_deleted_record_keeps_no_content_and_travels_without_it(
    admin: Admin, team: dict[str, Api]
) -> None:
    anna, bob = team["anna"], team["bob"]
    cand = uid()
    anna.push(candidate_change(cand))
    admin.assign(cand, "bob@spt.nl")
    n, v = uid(), uid()
    visit = upsert(
        "visit", v, candidate_id=cand, coach_id=anna.id, visited_at="2026-11-05T09:00:00",
        site="Werkplaats", mode="on_site", attendees="", topics="Geheim-bezoek-Q7",
        agreements="", notes="", dropout_risk=False,
    )  # fmt: skip
    res = anna.push(note(cand, anna.id, n, text=SECRETS[3]), visit)
    bob.pull()
    # A conflict on the visit: its values sit in a conflict row and in a stored result.
    anna.push(upsert("visit", v, res[1]["rev"], topics="Purmerend-Q7"))
    [c] = bob.push(upsert("visit", v, res[1]["rev"], topics="Zaandam-Q7"))
    assert c["status"] == "conflict"
    got = anna.push(
        {"entity": "note", "id": n, "op": "delete", "base_rev": res[0]["rev"]},
        {"entity": "visit", "id": v, "op": "delete", "base_rev": None},
    )
    assert [x["status"] for x in got] == ["rejected", "applied"]  # a note is append-only
    assert scan(admin.engine, ("Geheim-bezoek-Q7", "Purmerend-Q7", "Zaandam-Q7")) == []
    records, _ = bob.pull()
    assert records[v]["deleted"] is True and records[v]["data"] == {}
    # A "gone" answer carries the tombstone, without content too.
    [gone] = bob.push(upsert("visit", v, res[1]["rev"], topics="Nog eens"))
    assert gone["status"] == "gone" and gone["record"]["data"] == {}


def test_stored_batch_results_hold_no_content_and_a_replay_answers_the_same(
    admin: Admin, team: dict[str, Api]
) -> None:
    bob = team["bob"]
    cand, n = _her_dossier(team, admin)
    with Session(admin.engine) as s:
        stored = " ".join(s.scalars(sa.text("SELECT result FROM batch")))
    assert not [x for x in SECRETS + CONFLICTING if x in stored]
    # A replay answers with the values, as the first time: a conflict and a refused edit.
    changes = [
        upsert("candidate", cand, 1, municipality="Edam-Q7"),
        upsert("note", n, 1, text="Anders"),
    ]
    body = {"batch": {"batch_id": uid(), "changes": changes}}
    first = bob.http.post("/sync", json=body, headers=bob.auth).json()["push"]
    again = bob.http.post("/sync", json=body, headers=bob.auth).json()["push"]
    assert again["replayed"] and again["results"] == first["results"]
    assert first["results"][0]["conflicts"][0]["yours"] == "Edam-Q7"
    assert first["results"][1]["record"]["data"]["text"] == SECRETS[3]


# --- what a new candidate is filed under, and her assignments ---------------------------


def _push(admin: Admin, caller: store.Caller, *changes: dict[str, Any], bulk: bool) -> Any:
    with Session(admin.engine) as s, s.begin():
        b = p.PushBatch.model_validate({"batch_id": uid(), "changes": list(changes)})
        return store.push(s, caller, b, bulk=bulk).results


def _live_assignments(admin: Admin, cand: str) -> list[tuple[str, str]]:
    return sorted(
        (v["coach_id"], v["role"])
        for v in admin.records().values()
        if v["entity"] == "assignment" and v["candidate_id"] == cand and v["active"]
    )


@pytest.mark.parametrize("bulk", [True, False], ids=["bulk", "careful"])
def test_a_candidate_counts_for_her_registrars_spt(admin: Admin, bulk: bool) -> None:
    gijs = admin.add_coach("gijs@spt.nl", spt=GA)
    caller = store.Caller(gijs, GA, uid())
    cand = uid()
    [r] = _push(admin, caller, candidate_change(cand, spt=NH), bulk=bulk)
    assert r.status == "applied"
    with Session(admin.engine) as s:
        rec = s.get(Record, cand)
        assert rec is not None
        assert json.loads(rec.data)["spt"] == GA and rec.spt == GA
        # Her device gets the server's version back (its copy said NH).
        assert rec.synced_device is None
    # Moving her to another SPT later does not take (the desktop derives one from her
    # municipality again when that changes): the rest of the change goes in, and her
    # device gets the server's version back.
    [u] = _push(admin, caller, upsert("candidate", cand, r.rev, spt=NH), bulk=bulk)
    [m] = _push(admin, caller, upsert("candidate", cand, u.rev, spt=NH, municipality="Hoorn"),
                bulk=bulk)  # fmt: skip
    assert (u.status, m.status) == ("applied", "applied") and r.rev < u.rev < m.rev
    with Session(admin.engine) as s:
        rec = s.get(Record, cand)
        assert rec is not None and rec.synced_device is None and rec.spt == GA
        assert json.loads(rec.data)["spt"] == GA
        assert json.loads(rec.data)["municipality"] == "Hoorn"
    # The NH monitor counts none of his candidates.
    with Session(admin.engine) as s:
        assert monitor.load_facts(s, NH).candidates == []
        assert len(monitor.load_facts(s, GA).candidates) == 1


@pytest.mark.parametrize("bulk", [True, False], ids=["bulk", "careful"])
def test_a_new_candidate_gets_one_assignment_per_role(admin: Admin, bulk: bool) -> None:
    anna = admin.add_coach("anna@spt.nl", roles="coordinator,loopbaancoach")
    caller = store.Caller(anna, NH, uid())
    # As the desktop registers: the candidate with her registrar's own assignment.
    one, two, three = uid(), uid(), uid()
    res = _push(
        admin, caller,
        candidate_change(one), assignment(one, anna),
        candidate_change(two), assignment(two, anna, role="jobcoach"),
        candidate_change(three), note(three, anna),
        bulk=bulk,
    )  # fmt: skip
    assert {r.status for r in res} == {"applied"}
    assert _live_assignments(admin, one) == [(anna, "loopbaancoach")]
    assert _live_assignments(admin, two) == [(anna, "jobcoach")]
    # A candidate pushed without one (an older client) still gets the server's.
    assert _live_assignments(admin, three) == [(anna, "coordinator")]
    # The assignment in a later batch than its candidate replaces the server's own.
    four = uid()
    _push(admin, caller, candidate_change(four), bulk=bulk)
    _push(admin, caller, assignment(four, anna, role="coordinator"), bulk=bulk)
    assert _live_assignments(admin, four) == [(anna, "coordinator")]
    # Scope held throughout: her note on each is accepted.
    later = _push(admin, caller, *(note(c, anna) for c in (one, two, three, four)), bulk=bulk)
    assert [r.status for r in later] == ["applied"] * 4


def test_dedupe_assignments_removes_existing_exact_duplicates(admin: Admin, db_url: str) -> None:
    anna = admin.add_coach("anna@spt.nl")
    caller = store.Caller(anna, NH, uid())
    cands = [uid() for _ in range(3)]
    _push(admin, caller, *(candidate_change(c) for c in cands), bulk=True)
    # What the old server did: the device's own assignment beside the server's.
    _push(admin, caller, *(assignment(c, anna) for c in cands[:2]), bulk=True)
    with Session(admin.engine) as s, s.begin():
        seq = store.Sequence(s)
        for c in cands[:2]:
            data = {"candidate_id": c, "coach_id": anna, "role": "loopbaancoach", "active": True}
            store._new_record(s, "assignment", uid(), data, seq.next(), None, None,
                              candidate_id=c, addressee=anna)  # fmt: skip
        seq.flush()
    assert [len(_live_assignments(admin, c)) for c in cands] == [2, 2, 1]
    assert cli.main(["dedupe-assignments", "--db", db_url]) == cli.OK
    assert [len(_live_assignments(admin, c)) for c in cands] == [1, 1, 1]
    with Session(admin.engine) as s:  # the device's own ones stay
        kept = s.scalars(
            sa.select(Record).where(Record.entity == "assignment", Record.deleted.is_(False))
        ).all()
        assert sum(1 for r in kept if r.synced_device is not None) == 2
    assert cli.main(["dedupe-assignments", "--db", db_url]) == cli.OK  # nothing left to do
    assert [len(_live_assignments(admin, c)) for c in cands] == [1, 1, 1]


def test_migration_0005_drops_the_content_older_servers_kept(tmp_path: Any) -> None:
    """A database of schema 0003 with a deleted note (text, conflict row), a stored result
    with a record's content and conflicting values, a closed candidate: after the upgrade
    no text is left, the closing day and her SPT are known."""
    from alembic import command
    from alembic.config import Config

    from spt_server.db import make_engine
    from spt_server.setup import MIGRATIONS, upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    cand, n = uid(), uid()
    data = candidate_change(cand, first_name=SECRETS[0], status="closed")["fields"]
    result = {
        "batch_id": uid(),
        "results": [
            {"id": n, "status": "rejected", "rev": 2, "conflicts": [], "reason": "x",
             "record": {"entity": "note", "id": n, "rev": 2, "deleted": False,
                        "data": {"text": SECRETS[3]}}},
            {"id": cand, "status": "conflict", "rev": 1, "reason": None, "record": None,
             "conflicts": [{"field": "municipality", "yours": CONFLICTING[0],
                            "theirs": CONFLICTING[1]}]},
        ],
        "replayed": False,
    }  # fmt: skip
    with engine.begin() as c:
        insert = sa.text(
            "INSERT INTO record (id, entity, candidate_id, rev, deleted, data, field_revs, "
            "updated_at) VALUES (:id, :e, :c, :rev, :d, :data, '{}', '2026-03-04 10:00:00')"
        )
        c.execute(insert, {"id": cand, "e": "candidate", "c": cand, "rev": 1, "d": False,
                           "data": json.dumps(data)})  # fmt: skip
        c.execute(insert, {"id": n, "e": "note", "c": cand, "rev": 2, "d": True,
                           "data": json.dumps({"text": SECRETS[3]})})  # fmt: skip
        c.execute(
            sa.text(
                "INSERT INTO conflict (record_id, entity, field, kept, other, account_id, "
                "device_id, at) VALUES (:r, 'note', 'text', :k, :o, 'a', 'd', '2026-03-04')"
            ),
            {"r": n, "k": json.dumps(SECRETS[3]), "o": json.dumps("x")},
        )
        c.execute(
            sa.text("INSERT INTO batch (id, account_id, device_id, result, created_at) "
                    "VALUES (:id, 'a', 'd', :r, '2026-03-04')"),
            {"id": uid(), "r": json.dumps(result)},
        )  # fmt: skip
    upgrade(engine)
    try:
        assert scan(engine, (SECRETS[3], *CONFLICTING)) == []
        with engine.connect() as c:
            assert (
                c.execute(sa.text("SELECT spt FROM record WHERE id = :i"), {"i": cand}).scalar()
                == NH
            )
            closed = c.execute(sa.text("SELECT closed_on FROM candidate_closure")).scalars().all()
            assert [str(d) for d in closed] == ["2026-03-04"]
    finally:
        engine.dispose()
