"""A sync's probe with its page in one statement (``pull.probe_page``, PostgreSQL, issue
18): the same answer as the probe followed by the page (``pull.quick_page``, or
``read_page`` when the page purges), whatever the page needs, and one statement when its
rows are all it needs and its shape is the one guessed.

Each sync below is answered twice with the same cursor: once with the server expecting
a page (``pull.expects_page``: the probe carries the page) and once not (the probe, then
the page), in process on a real PostgreSQL, and the two answers must be the same bytes.
The cases: records of her own coach's other device (a short page, and a page of one
record with more behind it), a staff record everyone receives, a desk keeper's page (a
shape other than a coach's: guessed wrong the first time), an unassignment (her
scope revoked: a purge), a desk role taken away and given back (a desk purge, then the
desk's records at the grant), and a span past ``LONG_SPAN`` (another shape)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from spt_common import protocol as p
from spt_server import app, pull, security, setup
from spt_server.db import Device
from tests.server.test_store_bulk import note
from tests.support.server_kit import Admin, candidate_change, uid


class World:
    """Accounts and devices made in the database, one server in process."""

    def __init__(self, url: str) -> None:
        self.admin = Admin(url)
        self.accounts = {
            name: self.admin.add_coach(f"{name}@spt.nl", roles=roles)
            for name, roles in (("anna", "loopbaancoach"), ("bob", "loopbaancoach"),
                                ("lotte", "loket"))
        }  # fmt: skip
        self.server = app.Server(url)
        self.claims: dict[str, security.AccessClaims] = {}
        self.cursors: dict[str, str | None] = {}
        for dev, who in (("anna1", "anna"), ("anna2", "anna"), ("lotte1", "lotte")):
            device = uid()
            with self.admin.session() as s, s.begin():
                s.add(Device(id=device, account_id=self.accounts[who], name=dev,
                             family_id=uid()))  # fmt: skip
            key = self.server.key
            token = security.issue_access(key, self.accounts[who], device)
            self.claims[dev] = security.read_access(key, token)
            self.cursors[dev] = None
            while self.sync(dev)["pull"]["more"]:  # checked by this process, at the end
                pass

    def sync(self, dev: str, batch: p.PushBatch | None = None, limit: int = 1000) -> Any:
        body = p.SyncRequest(cursor=self.cursors[dev], batch=batch, limit=limit)
        answer = json.loads(app.sync_answer(self.server, body, self.claims[dev]))
        self.cursors[dev] = answer["pull"]["cursor"]
        return answer

    def close(self) -> None:
        self.server.threads.shutdown(wait=False)
        self.server.engine.dispose()
        self.admin.close()


@pytest.fixture
def world(pg_url: str) -> Iterator[World]:
    w = World(pg_url)
    yield w
    w.close()


class Statements:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def __enter__(self) -> Statements:
        sa.event.listen(sa.engine.Engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *_exc: object) -> None:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.seen.append(" ".join(statement.split())[:80])


def both(w: World, dev: str, monkeypatch: pytest.MonkeyPatch, limit: int = 1000) -> tuple[Any, int]:
    """The sync of ``dev`` answered with the probe carrying the page and without; the
    answer (the same both times) and the statements the first sent."""
    answers: list[bytes] = []
    counted = 0
    for expected in (True, False):
        monkeypatch.setattr(pull, "expects_page", lambda *_a, e=expected: e)
        body = p.SyncRequest(cursor=w.cursors[dev], limit=limit)
        with Statements() as statements:
            answers.append(app.sync_answer(w.server, body, w.claims[dev]))
        counted = counted or len(statements.seen)
    assert answers[0] == answers[1]
    answer = json.loads(answers[0])
    w.cursors[dev] = answer["pull"]["cursor"]
    return answer, counted


def push(w: World, dev: str, *changes: dict[str, Any]) -> list[dict[str, Any]]:
    batch = p.PushBatch.model_validate({"batch_id": uid(), "changes": list(changes)})
    results: list[dict[str, Any]] = w.sync(dev, batch)["push"]["results"]
    assert {r["status"] for r in results} == {"applied"}, results
    return results


@pytest.mark.parametrize("noted", ["recently", "due"])
def test_the_probe_with_its_page_answers_as_the_probe_then_the_page(
    world: World, monkeypatch: pytest.MonkeyPatch, noted: str
) -> None:
    w, anna = world, world.accounts["anna"]
    monkeypatch.setattr(app, "CHECK_TTL", 3600.0)  # no re-check half-way on a slow machine
    # Each sync's time noted (the probe's statements with their UPDATE), or not (syncs
    # seconds apart: app.NOTE_EVERY; the statements without it).
    monkeypatch.setattr(app, "NOTE_EVERY", 0.0 if noted == "due" else 3600.0)
    c1, c2 = uid(), uid()
    pushed = push(w, "anna1", candidate_change(c1), note(c1, anna), candidate_change(c2))
    # Her other laptop: the three records and the server's assignments of the two
    # candidates, in one statement; then nothing (the probe alone).
    answer, statements = both(w, "anna2", monkeypatch)
    got = [r["entity"] for r in answer["pull"]["records"]]
    assert {r["id"] for r in pushed} <= {r["id"] for r in answer["pull"]["records"]}
    assert sorted(got) == ["assignment", "assignment", "candidate", "candidate", "note"]
    assert statements == 1
    answer, statements = both(w, "anna2", monkeypatch)
    assert answer["pull"]["records"] == [] and statements == 1
    # A page of one record with more behind it (the cursor then points inside: the rest
    # comes by the usual path).
    push(w, "anna1", note(c1, anna), note(c2, anna))
    answer, statements = both(w, "anna2", monkeypatch, limit=1)
    assert len(answer["pull"]["records"]) == 1 and answer["pull"]["more"] and statements == 1
    while w.sync("anna2")["pull"]["more"]:
        pass
    # A staff record everyone receives; the desk keeper's page has another shape than a
    # coach's: guessed wrong the first time (the page read again), right the next.
    w.admin.add_coach("carl@spt.nl")
    assert [r["entity"] for r in both(w, "anna2", monkeypatch)[0]["pull"]["records"]] == ["coach"]
    answer, statements = both(w, "lotte1", monkeypatch)
    assert [r["entity"] for r in answer["pull"]["records"]] == ["coach"] and statements == 2
    w.admin.add_coach("dora@spt.nl")
    answer, statements = both(w, "lotte1", monkeypatch)
    assert [r["entity"] for r in answer["pull"]["records"]] == ["coach"] and statements == 1
    # Unassigned: her scope of c1 revoked, her devices purge it (read_page's way).
    w.admin.assign(c1, "anna@spt.nl", active=False)
    answer, statements = both(w, "anna2", monkeypatch)
    assert answer["pull"]["purge"] == [c1] and statements > 1
    # A desk role taken away (a desk purge), then given back (the desk's records at the
    # grant: another shape).
    for roles in (["loopbaancoach"], ["loket"]):
        with w.admin.session() as s, s.begin():
            setup.set_roles(s, email="lotte@spt.nl", roles=roles)
        answer, statements = both(w, "lotte1", monkeypatch)
        assert [r["entity"] for r in answer["pull"]["records"]] == ["coach"] and statements > 1
    # A span past LONG_SPAN: the long span's shape, read after the probe.
    monkeypatch.setattr(pull, "LONG_SPAN", 1)
    monkeypatch.setattr(pull, "_RAW_PROBE_PAGES", {})
    pushed = push(w, "anna1", note(c2, anna), note(c2, anna))
    answer, statements = both(w, "anna2", monkeypatch)
    got = [r["entity"] for r in answer["pull"]["records"]]
    assert {r["id"] for r in pushed} <= {r["id"] for r in answer["pull"]["records"]}
    assert sorted(got) == ["coach", "note", "note"] and statements == 2  # lotte's roles


def test_an_idle_sync_not_due_reads_the_epoch_and_her_watermark_alone(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync with nothing to send, noted recently and expecting no page
    (``pull.expects_page``): one statement, the auth epoch and her watermark
    (``pull._HEAD``), not the probe's prelude. When her watermark moved unseen by this
    process (another worker's push), the probe follows and the page is the one
    ``probe_page`` gives. (Without the watermarks in memory, ``SPT_IDLE_MARKS=0``: with
    them such a sync sends no statement while their poll is fresh, or the poll:
    tests/server/test_idle_marks.py.)"""
    w, anna = world, world.accounts["anna"]
    w.server.marks = None
    monkeypatch.setattr(app, "CHECK_TTL", 3600.0)
    monkeypatch.setattr(app, "NOTE_EVERY", 3600.0)
    monkeypatch.setattr(pull, "expects_page", lambda *_a: False)
    body = p.SyncRequest(cursor=w.cursors["anna2"], limit=1000)
    with Statements() as statements:
        answer = json.loads(app.sync_answer(w.server, body, w.claims["anna2"]))
    assert answer["pull"]["records"] == [] and answer["pull"]["cursor"] == w.cursors["anna2"]
    assert statements.seen == [" ".join(pull._HEAD.split())[:80]]
    c1 = uid()
    push(w, "anna1", candidate_change(c1), note(c1, anna))
    answer, _count = both(w, "anna2", monkeypatch)
    got = sorted(r["entity"] for r in answer["pull"]["records"])
    assert got == ["assignment", "candidate", "note"]
    with Statements() as statements:
        app.sync_answer(w.server, p.SyncRequest(cursor=w.cursors["anna2"], limit=1000),
                        w.claims["anna2"])  # fmt: skip
    assert len(statements.seen) == 1
