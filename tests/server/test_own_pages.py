"""A device's page past revisions its own pushes wrote (SQLite, issue 13, round 15):
``app.note_own`` keeps, per device, the revisions (lo, hi] its pushes wrote, every one
of them, and its page up to ``hi`` reads her candidates' changes past ``lo`` from the
records no device holds as stored (``pull.changed_query``'s ``own``, the index of
migration 0019), not every record it pushed, walked and skipped.

Each page below is answered twice with the same cursor, with the device's run and with
none (as a server that never saw its pushes): the same bytes. The cases: a push whose
candidates get the server's assignments (records the device does not have), pages of
one record, a cursor before the run (the coach's record of before), her other laptop
pushing between two of hers (a gap: its records come), an admin's change past her run,
a push of hers answered again (its batch replayed)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from spt_common import protocol as p
from spt_server import app, pull
from tests.server.test_probe_page import World, push
from tests.server.test_store_bulk import note
from tests.support.server_kit import candidate_change, make_db, uid


@pytest.fixture
def world(tmp_path: Any) -> Iterator[World]:
    w = World(make_db("sqlite", tmp_path, None))
    yield w
    w.close()


class Reads:
    """Whether a page's statement took the records no device holds by their index."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.own: list[bool] = []
        real = pull.page_shape

        def shape(*args: Any, **kwargs: Any) -> Any:
            found = real(*args, **kwargs)
            self.own.append("own" in found[1])
            return found

        monkeypatch.setattr(pull, "page_shape", shape)


def page(w: World, dev: str, reads: Reads, limit: int = 1000) -> tuple[Any, bool]:
    """The page of ``dev`` past its cursor, answered with its run and without (the same
    bytes); the answer, and whether the run was used."""
    answers: list[bytes] = []
    kept = dict(w.server.own)
    reads.own.clear()
    for own in (True, False):
        w.server.own.clear()
        if own:
            w.server.own.update(kept)
        body = p.SyncRequest(cursor=w.cursors[dev], limit=limit)
        answers.append(app.sync_answer(w.server, body, w.claims[dev]))
    w.server.own.clear()
    w.server.own.update(kept)
    assert answers[0] == answers[1]
    answer = json.loads(answers[0])
    w.cursors[dev] = answer["pull"]["cursor"]
    assert not reads.own or not reads.own[-1]  # without her run
    return answer, bool(reads.own) and reads.own[0]  # nothing read: nothing new


def test_a_page_past_her_own_pushes_reads_what_the_server_made(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    w, anna = world, world.accounts["anna"]
    reads = Reads(monkeypatch)
    start = w.cursors["anna1"]
    c1, c2 = uid(), uid()
    # Two candidates: the server assigns each to her (records her laptop does not have).
    push(w, "anna1", candidate_change(c1), note(c1, anna), candidate_change(c2))
    lo, hi = w.server.own[w.claims["anna1"].device_id]
    push(w, "anna1", note(c1, anna), note(c2, anna))
    assert w.server.own[w.claims["anna1"].device_id][0] == lo  # one run
    w.cursors["anna1"] = start
    got: list[str] = []
    while True:  # a record a page: every cursor inside the run
        answer, used = page(w, "anna1", reads, limit=1)
        assert used
        got += [r["entity"] for r in answer["pull"]["records"]]
        if not answer["pull"]["more"]:
            break
    assert sorted(got) == ["assignment", "assignment"]
    # From before the run (the first sync's cursor, before the coaches' records): the
    # part before the run read as always.
    w.cursors["anna1"] = None
    answer, used = page(w, "anna1", reads)
    got = [r["entity"] for r in answer["pull"]["records"]]
    assert used and got.count("assignment") == 2 and "coach" in got
    assert hi < w.server.own[w.claims["anna1"].device_id][1]


def test_a_push_of_her_other_laptop_between_hers_is_a_gap(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    w, anna = world, world.accounts["anna"]
    reads = Reads(monkeypatch)
    c1 = uid()
    push(w, "anna1", candidate_change(c1))
    before = w.cursors["anna1"]
    lo, _hi = w.server.own[w.claims["anna1"].device_id]
    theirs = push(w, "anna2", note(c1, anna))
    mine = push(w, "anna1", note(c1, anna))
    # Her run began anew after the other laptop's push: the page past the old cursor
    # reads as always, and brings the other laptop's note, not her own.
    assert w.server.own[w.claims["anna1"].device_id][0] > lo
    w.cursors["anna1"] = before
    answer, used = page(w, "anna1", reads)
    ids = {r["id"] for r in answer["pull"]["records"]}
    assert used and theirs[0]["id"] in ids and mine[0]["id"] not in ids
    # Past the other laptop's push: her run covers it, from her cursor inside it.
    push(w, "anna1", note(c1, anna))
    w.cursors["anna1"] = str(w.server.own[w.claims["anna1"].device_id][0] + 1)
    answer, used = page(w, "anna1", reads)
    assert used and answer["pull"]["records"] == []


def test_an_admins_change_past_her_run_comes(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """A change no push of hers made (an admin's assignment of her candidate to a
    colleague) moves the counter past her run: the page reads as always, and once she
    pushes again her new run begins past it."""
    w, anna = world, world.accounts["anna"]
    reads = Reads(monkeypatch)
    c1 = uid()
    push(w, "anna1", candidate_change(c1), note(c1, anna))
    before = w.cursors["anna1"]
    w.admin.assign(c1, "bob@spt.nl")
    answer, used = page(w, "anna1", reads)
    assert not used and "assignment" in [r["entity"] for r in answer["pull"]["records"]]
    push(w, "anna1", note(c1, anna))  # her run begins anew past the admin's change
    w.cursors["anna1"] = before
    answer, used = page(w, "anna1", reads)
    assert used and "assignment" in [r["entity"] for r in answer["pull"]["records"]]


def test_a_batch_answered_again_keeps_her_run(world: World) -> None:
    w, anna = world, world.accounts["anna"]
    c1 = uid()
    batch = p.PushBatch.model_validate(
        {"batch_id": uid(), "changes": [candidate_change(c1), note(c1, anna)]}
    )
    w.sync("anna1", batch)
    run = w.server.own[w.claims["anna1"].device_id]
    again = w.sync("anna1", batch)
    assert {r["status"] for r in again["push"]["results"]} == {"applied"}
    assert w.server.own[w.claims["anna1"].device_id] == run


def test_a_run_grows_only_from_where_it_ends(world: World) -> None:
    server = world.server
    app.note_own(server, "d", (10, 20))
    app.note_own(server, "d", (20, 25))
    assert server.own["d"] == (10, 25)
    app.note_own(server, "d", (30, 31))  # a gap: begun anew
    assert server.own["d"] == (30, 31)
    app.note_own(server, "d", (25, 29))  # an older push noted late: no false run
    assert server.own["d"] == (25, 29)
    app.note_own(server, "e", None)
    assert "e" not in server.own
