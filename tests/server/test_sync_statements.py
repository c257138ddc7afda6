"""Statements per sync on PostgreSQL (issue 18): at 200 devices most syncs are not idle
(four laptops per coach, one sync in ten pushes), and the server's CPU per request is
mostly the statements it builds, sends and waits for. A real server on loopback, real
PostgreSQL, one coach with two laptops; every statement sent (SQLAlchemy's on any
engine: the pool's and the revision leases', those sent on psycopg's connection
itself by ``raw.run`` included) counted per request, as the load bench's kinds:

- a push of two records (her candidate's motivation, a new note) and its page: was 25,
  then 16, then 10, 9; now 6 (the push's own 5: the writers' lock with the auth epoch
  and the sync's time, the claim with the admission and the candidates' locks, the
  records with their scopes, the lease on its own connection, and the insert and the
  update with the result, the watermarks and the lease's release; then the page's 1, on
  psycopg's connection);
- a sync of the other laptop that receives those two records: was 6, then 3 (the idle
  probe, the page's prelude, the page), then 2 (the probe reads the prelude too), now 1
  (``pull.probe_page``: the page's rows in the probe's statement, the server having
  seen her push);
- an idle sync: was the probe only; now none while this process's watermarks in memory
  are fresh (``marks.Marks``, polled at most ``marks.FRESH`` ago), else the poll alone
  (the clock of the cache set by the test).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from spt_common import protocol as p
from spt_server import app as server_app
from spt_server import marks
from tests.support.server_kit import NH, PASSWORD, Admin, LiveServer, PgCluster, make_db, uid
from tests.support.server_kit import candidate_change as candidate

API = p.API_PREFIX


@pytest.fixture
def live(pg_cluster: PgCluster, tmp_path: Path) -> Iterator[tuple[LiveServer, Admin]]:
    from tests.server.conftest import postgres_required

    if not pg_cluster.url and postgres_required():
        pytest.fail("SPT_REQUIRE_POSTGRES=1 maar " + (pg_cluster.reason or "geen PostgreSQL"))
    if not pg_cluster.url:
        pytest.skip(pg_cluster.reason or "geen PostgreSQL")
    url = make_db("postgresql", tmp_path, pg_cluster)
    admin = Admin(url)
    server = LiveServer(url).start()
    yield server, admin
    server.stop()
    admin.close()


class Laptop:
    def __init__(self, server: LiveServer, email: str) -> None:
        self.http = httpx.Client(base_url=server.url + API, timeout=60)
        r = self.http.post("/auth/login", json={"email": email, "password": PASSWORD})
        assert r.status_code == 200, r.text
        self.token = r.json()["access_token"]
        self.coach = str(r.json()["coach"]["id"])
        self.cursor: str | None = None

    def sync(self, changes: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"cursor": self.cursor}
        if changes is not None:
            body["batch"] = {"batch_id": uid(), "changes": changes}
        r = self.http.post("/sync", json=body, headers={"authorization": f"Bearer {self.token}"})
        assert r.status_code == 200, r.text
        answer: dict[str, Any] = r.json()
        self.cursor = answer["pull"]["cursor"]
        return answer

    def catch_up(self) -> None:
        while self.sync()["pull"]["more"]:
            pass


class Statements:
    """Every statement this process sends while counting, as SQLAlchemy's statement
    events see them (those ``raw.run`` sends on psycopg's connection itself too: the
    probe of a sync, a page, a push's fixed statements)."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.full: list[str] = []

    def __enter__(self) -> Statements:
        sa.event.listen(sa.engine.Engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *_exc: object) -> None:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.full.append(" ".join(statement.split()))
        self.seen.append(self.full[-1][:80])


def test_statements_per_sync_kind(
    live: tuple[LiveServer, Admin], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, admin = live
    # A device check the process made stays trusted for the test (not re-read from the
    # database half-way on a slow machine: that is two statements more, now and then).
    monkeypatch.setattr(server_app, "CHECK_TTL", 3600.0)
    now = [1000.0]  # the clock of the watermarks in memory, from before their first poll
    server.server.marks.clock = lambda: now[0]
    admin.add_coach("anna@spt.nl", spt=NH)
    laptop, desktop = Laptop(server, "anna@spt.nl"), Laptop(server, "anna@spt.nl")
    cand = uid()
    pushed = laptop.sync([candidate(cand)])
    rev = pushed["push"]["results"][0]["rev"]
    laptop.catch_up()
    desktop.catch_up()
    assert desktop.sync()["pull"]["records"] == []  # checked by the server: idle now

    def two(n: int) -> list[dict[str, Any]]:
        note = {"candidate_id": cand, "author_id": laptop.coach,
                "written_at": "2026-11-03T10:00:00", "text": f"notitie {n}"}  # fmt: skip
        return [
            {"entity": "candidate", "id": cand, "op": "upsert", "base_rev": rev,
             "fields": {"motivation": f"bijgewerkt {n}"}},
            {"entity": "note", "id": uid(), "op": "upsert", "fields": note},
        ]  # fmt: skip

    counts: dict[str, list[int]] = {"push": [], "pulled": [], "idle": [], "polled": []}
    for n in range(3):
        with Statements() as push:
            answer = laptop.sync(two(n))
        assert [r["status"] for r in answer["push"]["results"]] == ["applied", "applied"]
        rev = answer["push"]["results"][0]["rev"]
        with Statements() as pulled:
            got = desktop.sync()["pull"]["records"]
        assert {r["entity"] for r in got} == {"candidate", "note"} and len(got) == 2
        now[0] += 2 * marks.FRESH
        with Statements() as polled:
            assert desktop.sync()["pull"]["records"] == []
        with Statements() as idle:
            assert desktop.sync()["pull"]["records"] == []
        counts["push"].append(len(push.seen))
        counts["pulled"].append(len(pulled.seen))
        counts["idle"].append(len(idle.seen))
        counts["polled"].append(len(polled.seen))
    assert max(counts["push"]) <= 6, (counts, push.seen)
    assert max(counts["pulled"]) == 1, (counts, pulled.seen)
    assert max(counts["idle"]) == 0, (counts, idle.seen)
    assert min(counts["polled"]) == max(counts["polled"]) == 1, (counts, polled.seen)
    assert polled.full[0].startswith("SELECT (SELECT value FROM counter WHERE name = 'auth')")
    assert "watermark WHERE rev >" in polled.full[0], polled.full


def test_a_push_after_the_auth_epoch_moved_checks_the_device_again(
    live: tuple[LiveServer, Admin], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The push's first statement reads the auth epoch in place of the device check of a
    device this process checked. Another coach's device revoked (the epoch moves): the
    next push is checked against the database again and goes in; her own device revoked
    after its check: the push is refused as at the check (403) and stores nothing."""
    server, admin = live
    monkeypatch.setattr(server_app, "CHECK_TTL", 3600.0)
    admin.add_coach("anna@spt.nl", spt=NH)
    admin.add_coach("bob@spt.nl", spt=NH)
    anna, bob = Laptop(server, "anna@spt.nl"), Laptop(server, "bob@spt.nl")
    anna.catch_up()
    bob.catch_up()
    first = uid()
    assert anna.sync([candidate(first)])["push"]["results"][0]["status"] == "applied"
    with Statements() as trusted:
        assert anna.sync([candidate(uid())])["push"]["results"][0]["status"] == "applied"
    admin.revoke("bob@spt.nl")
    with Statements() as checked:
        assert anna.sync([candidate(uid())])["push"]["results"][0]["status"] == "applied"
    # The check read the device and its account: more statements than the trusted push.
    assert len(checked.seen) > len(trusted.seen), (trusted.seen, checked.seen)
    assert any("JOIN device" in s for s in checked.full), checked.seen
    assert not any("JOIN device" in s for s in trusted.full), trusted.seen
    # Her own device now: revoked after this process checked it.
    admin.revoke("anna@spt.nl")
    late = uid()
    r = anna.http.post(
        "/sync",
        json={"cursor": anna.cursor, "batch": {"batch_id": uid(), "changes": [candidate(late)]}},
        headers={"authorization": f"Bearer {anna.token}"},
    )
    assert r.status_code == 403 and r.json()["detail"]["code"] == p.ERR_DEVICE_REVOKED, r.text
    stored = admin.records()
    assert first in stored and late not in stored
