"""An idle sync answered from the watermarks and the auth epoch in memory
(``marks.Marks``, PostgreSQL, issue 18): no statement while the last poll is fresh, the
poll in place of the probe when it is not; the same answer as the database gives.

Safe when stale: another process's push reaches an idle sync of this one by its next
sync after the poll (before it, "nothing new" with the cursor where it was); this
process's own writes, an administrator's on the same database included, reach the very
next sync; a revocation holds at the next sync here, within ``marks.FRESH`` from another
process; a poll that stalls leaves the cache trusted ``marks.LIVE`` at most. And the
poll's bound: a push that commits after a later one, with lower revisions, is not
missed. Each process is an ``app.Server`` in this one, on its own engine; "another
process" connects with another URL (``application_name``): nothing of this process tells
it about the first one's writes but its poll. Time is the caches' clock, set by the
test (no wall time)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from spt_common import protocol as p
from spt_server import app, marks, pull, store
from spt_server.db import WROTE
from spt_server.raw import On
from tests.server.test_probe_page import Statements, World, push
from tests.server.test_store_bulk import note
from tests.support.server_kit import Admin, candidate_change, uid

POLL = " ".join(marks._POLL.text.split())[:80]
HEAD = " ".join(pull._HEAD.split())[:80]


# A step of the clock that is past marks.FRESH whatever the floats' rounding.
STALE = marks.FRESH + 1e-6


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def world(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    # Device checks trusted and sync times noted for the whole test: an idle sync is one
    # that this cache may answer.
    monkeypatch.setattr(app, "CHECK_TTL", 3600.0)
    monkeypatch.setattr(app, "NOTE_EVERY", 3600.0)
    w = World(pg_url)
    assert w.server.marks is not None
    w.server.marks.clock = Clock()
    w.server.marks.fed = float("-inf")  # no poll by this clock yet
    yield w
    w.close()


def elsewhere(url: str) -> str:
    """``url`` as another process would name it (its caches are not this one's)."""
    return url + ("&" if "?" in url else "?") + "application_name=spt_elsewhere"


def clock(server: app.Server) -> Clock:
    assert server.marks is not None and isinstance(server.marks.clock, Clock)
    return server.marks.clock


def idle(w: World, dev: str, server: app.Server | None = None) -> tuple[bytes, list[str]]:
    """A sync of ``dev`` with nothing to send (on ``server``, else the world's): its
    answer and the statements it sent; the device's cursor moved as the answer says."""
    body = p.SyncRequest(cursor=w.cursors[dev], limit=1000)
    with Statements() as statements:
        answer = app.sync_answer(server or w.server, body, w.claims[dev])
    w.cursors[dev] = json.loads(answer)["pull"]["cursor"]
    return answer, statements.seen


def nothing_new(answer: bytes, cursor: str | None) -> bool:
    pulled = json.loads(answer)["pull"]
    return pulled == {"records": [], "purge": [], "cursor": cursor, "more": False}


def test_an_idle_sync_is_answered_from_memory_as_the_database_answers(world: World) -> None:
    w = world
    cursor = w.cursors["anna2"]
    # Never polled: this sync polls, in place of its probe (one statement).
    answer, seen = idle(w, "anna2")
    assert nothing_new(answer, cursor) and seen == [POLL]
    # Fresh: no statement at all, the same bytes as the database's answer.
    answer, seen = idle(w, "anna2")
    assert seen == []
    cache, w.server.marks = w.server.marks, None
    from_db, seen = idle(w, "anna2")
    w.server.marks = cache
    assert seen == [HEAD] and answer == from_db
    # Another device, another account: the same poll answers them.
    answer, seen = idle(w, "lotte1")
    assert nothing_new(answer, w.cursors["lotte1"]) and seen == []
    # marks.FRESH later: polled again by the first sync, then none.
    clock(w.server).now += STALE
    assert idle(w, "anna2")[1] == [POLL]
    assert idle(w, "anna1")[1] == []
    # Switched off (SPT_IDLE_MARKS=0): the epoch and her watermark, as before.
    w.server.marks = None
    assert idle(w, "anna2")[1] == [HEAD]


def test_another_process_push_reaches_the_next_sync_after_the_poll(
    world: World, pg_url: str
) -> None:
    """A push on one process, an idle sync on another: answered "nothing new" (the
    cursor unmoved) until that process polls, then the push's records."""
    w, anna = world, world.accounts["anna"]
    other = app.Server(elsewhere(pg_url))
    try:
        assert other.marks is not None
        other.marks.clock = Clock()
        while json.loads(idle(w, "anna2", other)[0])["pull"]["more"]:  # checked there
            pass
        before = w.cursors["anna2"]
        assert nothing_new(idle(w, "anna2", other)[0], before)
        c1 = uid()
        pushed = push(w, "anna1", candidate_change(c1), note(c1, anna))
        pull._MARKS.clear()  # what the pushing process saw: not the other's
        answer, seen = idle(w, "anna2", other)
        assert nothing_new(answer, before) and seen == []  # stale: early, the cursor kept
        other.marks.clock.now += STALE
        answer, seen = idle(w, "anna2", other)
        got = json.loads(answer)["pull"]
        assert {r["id"] for r in pushed} <= {r["id"] for r in got["records"]}
        assert sorted(r["entity"] for r in got["records"]) == ["assignment", "candidate", "note"]
        assert seen[0] == POLL and w.cursors["anna2"] != before
        assert nothing_new(idle(w, "anna2", other)[0], w.cursors["anna2"])
    finally:
        other.threads.shutdown(wait=False)
        other.engine.dispose()


def test_this_process_writes_reach_its_next_idle_sync_at_once(world: World) -> None:
    """A push of this process (its watermark rows taken as written), and an
    administrator's write on the same database (another engine of this process: the
    next idle sync polls) reach the next idle sync: no stale answer, however fresh the
    poll before."""
    w = world
    idle(w, "anna2")
    assert idle(w, "anna2")[1] == []  # fresh
    c1 = uid()
    pushed = push(w, "anna1", candidate_change(c1))
    # The push's watermark rows as its statement returned them: in the cache at its
    # commit, no poll. (Not what this process expects of her next page: the cache tells.)
    cache = w.server.marks
    assert cache is not None
    assert cache.marks[store.account_mark(w.accounts["anna"])] >= pushed[0]["rev"]
    pull._MARKS.clear()
    answer, seen = idle(w, "anna2")
    assert len(seen) == 1 and seen[0] != POLL  # the probe with its page
    assert {r["id"] for r in pushed} <= {r["id"] for r in json.loads(answer)["pull"]["records"]}
    assert idle(w, "anna2")[1] == []
    w.admin.add_coach("carl@spt.nl")
    answer, seen = idle(w, "anna2")
    assert seen[0] == POLL
    assert [r["entity"] for r in json.loads(answer)["pull"]["records"]] == ["coach"]
    # A transaction that took revisions and rolled back: nothing to poll for.
    with w.admin.session() as s:
        s.begin()
        store.Sequence(s).next()
        assert s.info[WROTE]
        s.rollback()
        assert WROTE not in s.info
    assert idle(w, "anna2")[1] == []


def test_a_revocation_holds_at_once_here_and_within_fresh_elsewhere(
    world: World, pg_url: str
) -> None:
    w = world
    idle(w, "anna2")
    idle(w, "lotte1")
    assert idle(w, "anna2")[1] == [] and idle(w, "lotte1")[1] == []
    # Revoked by an administrator of this process's database: refused at the next sync.
    w.admin.revoke("anna@spt.nl")
    with pytest.raises(app.ApiError) as refused:
        idle(w, "anna2")
    assert refused.value.status_code == 403
    # (The epoch moved: every device is checked again once, by the database.)
    cursor = w.cursors["lotte1"]
    answer, seen = idle(w, "lotte1")
    assert nothing_new(answer, cursor) and any("account.roles" in s for s in seen), seen
    # By another process: answered from the poll before it (marks.FRESH at most), then
    # refused.
    elsewhere_admin = Admin(elsewhere(pg_url))
    try:
        assert idle(w, "lotte1")[1] == []
        elsewhere_admin.revoke("lotte@spt.nl")
        cursor = w.cursors["lotte1"]
        answer, seen = idle(w, "lotte1")
        assert nothing_new(answer, cursor) and seen == []
        clock(w.server).now += STALE
        with pytest.raises(app.ApiError) as refused:
            idle(w, "lotte1")
        assert refused.value.status_code == 403
    finally:
        elsewhere_admin.close()


def test_a_stalled_poll_leaves_the_cache_trusted_live_seconds_at_most(world: World) -> None:
    """Older than FRESH the first sync polls; while another thread's poll is under way
    (here: never ends) the poll before answers, up to LIVE old; then the database."""
    w = world
    idle(w, "anna2")
    cache = w.server.marks
    assert cache is not None
    fed = cache.fed
    assert cache._polling.acquire(blocking=False)
    try:
        clock(w.server).now = fed + STALE
        assert idle(w, "anna2")[1] == []
        clock(w.server).now = fed + marks.LIVE - 0.001
        assert idle(w, "anna2")[1] == []
        clock(w.server).now = fed + marks.LIVE
        assert idle(w, "anna2")[1] == [HEAD]
    finally:
        cache._polling.release()
    assert idle(w, "anna2")[1] == [POLL]
    assert idle(w, "anna2")[1] == []


def test_a_poll_on_a_lost_connection_leaves_the_answer_to_the_usual_path(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = world
    idle(w, "anna2")
    clock(w.server).now += STALE
    cursor = w.cursors["anna2"]

    def lost(*_a: Any) -> bool:
        raise sa.exc.OperationalError("poll", {}, Exception("connection lost"))

    cache = w.server.marks
    assert cache is not None
    monkeypatch.setattr(cache, "poll", lost)
    answer, seen = idle(w, "anna2")
    assert nothing_new(answer, cursor) and seen  # the usual path read it
    monkeypatch.undo()


def test_the_poll_takes_a_push_that_commits_late_with_lower_revisions(world: World) -> None:
    """Pushes lease revisions and commit in any order. The poll reads past its last
    bound (``pull.safe_upto``'s, in its snapshot), not past the newest row it saw: a
    push holding lower revisions that commits after a later one is read by the poll
    after its commit."""
    w = world
    cache = w.server.marks
    assert cache is not None
    engine = w.server.engine

    def poll() -> None:
        raw = engine.raw_connection()
        try:
            driver: Any = raw.driver_connection
            driver.autocommit = True
            assert cache.poll(On(driver, engine)) is not None
        finally:
            driver.autocommit = False
            raw.close()

    poll()
    leases = store.Leases(engine)
    early, late = engine.connect(), engine.connect()
    try:
        tops = {}
        for conn, key in ((early, "a:early"), (late, "a:late")):
            conn.begin()
            xid = int(conn.execute(sa.text("SELECT pg_current_xact_id()::text")).scalar_one())
            first, last = leases.take(8, xid)
            conn.execute(sa.text("INSERT INTO watermark (key, rev) VALUES (:k, :r)"),
                         {"k": key, "r": last})  # fmt: skip
            tops[key] = (first, last, xid)
        # The later lease commits first.
        late.execute(sa.text("DELETE FROM rev_lease WHERE xid = :x"), {"x": tops["a:late"][2]})
        late.commit()
        poll()
        assert cache.marks.get("a:late") == tops["a:late"][1]
        assert "a:early" not in cache.marks
        assert cache.since < tops["a:early"][0]  # below the lease still in flight
        early.execute(sa.text("DELETE FROM rev_lease WHERE xid = :x"),
                      {"x": tops["a:early"][2]})  # fmt: skip
        early.commit()
        poll()
        assert cache.marks.get("a:early") == tops["a:early"][1]
        assert cache.since >= tops["a:late"][1]
    finally:
        early.close()
        late.close()
        leases.dispose()


def test_a_poll_overtaken_by_a_write_answers_its_sync_but_not_the_next(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write of this process that commits while a poll is under way may be newer than
    the poll's snapshot: the sync that polled answers by it (the two were at once), the
    next sync polls again."""
    w = world
    cache = w.server.marks
    assert cache is not None
    real = marks.run

    def overtaken(*args: Any, **kwargs: Any) -> list[Any]:
        rows = real(*args, **kwargs)
        cache.wrote()  # as a revocation's commit would, meanwhile
        return rows

    monkeypatch.setattr(marks, "run", overtaken)
    cursor = w.cursors["anna2"]
    answer, seen = idle(w, "anna2")
    assert nothing_new(answer, cursor) and seen == [POLL]
    assert cache.fed == float("-inf")
    monkeypatch.setattr(marks, "run", real)
    assert idle(w, "anna2")[1] == [POLL]
    assert idle(w, "anna2")[1] == []
