"""The server's connection pool on PostgreSQL (issue 18): no request holds two pooled
connections at once. One that did would, with every connection of the pool held by
requests like it, wait for a second connection none of them gives back: a deadlock that
ends in errors after the pool's timeout. A real server on loopback with a small pool set
through the real configuration (``SPT_DB_POOL_SIZE`` / ``SPT_DB_MAX_OVERFLOW``, what
``spt-server serve --pool-size/--max-overflow`` sets), real PostgreSQL.

- Every route, one request at a time, with a pool of ONE connection and no overflow: a
  route that took a second connection while holding its first would wait for itself.
- Pushes of several coaches' devices at once, more than the pool has connections,
  through the fast path and the FastAPI route (each has its own threads: together
  twice the pool), beside pulls: all answered, every record stored once, every coach's
  pull brings all of hers.
- ``spt-server serve`` refuses a number of workers and a pool that would open more
  connections than PostgreSQL allows: under load the ones past the limit would fail.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute

from spt_common import protocol as p
from spt_server import cli
from spt_server.app import SERVE_DB_ENV
from spt_server.db import MAX_OVERFLOW_ENV, POOL_SIZE_ENV
from tests.support.server_kit import (
    NH,
    PASSWORD,
    Admin,
    LiveServer,
    PgCluster,
    candidate_change,
    make_db,
    uid,
)

API = p.API_PREFIX
FAST = "application/json"  # app.SyncFastPath takes it
ROUTE = "application/x-spt+json"  # JSON to FastAPI's route, not to the fast path


def _pg_url(pg_cluster: PgCluster, tmp_path: Path) -> str:
    from tests.server.conftest import postgres_required

    if not pg_cluster.url and postgres_required():
        pytest.fail("SPT_REQUIRE_POSTGRES=1 maar " + (pg_cluster.reason or "geen PostgreSQL"))
    return make_db("postgresql", tmp_path, pg_cluster)


def _server(url: str, monkeypatch: pytest.MonkeyPatch, size: int) -> LiveServer:
    monkeypatch.setenv(POOL_SIZE_ENV, str(size))
    monkeypatch.setenv(MAX_OVERFLOW_ENV, "0")
    live = LiveServer(url).start()
    engine = live._server.config.app.state.server.engine
    assert (engine.pool.size(), engine.pool._max_overflow) == (size, 0)  # as configured
    return live


class Device:
    """One logged-in laptop."""

    def __init__(self, live: LiveServer, email: str, kind: str = FAST) -> None:
        self.http = httpx.Client(base_url=live.url + API, timeout=120)
        r = self.http.post("/auth/login", json={"email": email, "password": PASSWORD})
        assert r.status_code == 200, r.text
        self.tokens: dict[str, Any] = r.json()
        self.kind = kind

    @property
    def coach(self) -> str:
        return str(self.tokens["coach"]["id"])

    @property
    def auth(self) -> dict[str, str]:
        return {"authorization": "Bearer " + self.tokens["access_token"]}

    def sync(self, cursor: str | None, changes: list[dict[str, Any]] | None = None,
             limit: int = 2000) -> httpx.Response:  # fmt: skip
        body: dict[str, Any] = {"cursor": cursor, "limit": limit}
        if changes is not None:
            body["batch"] = {"batch_id": uid(), "changes": changes}
        return self.http.post(
            "/sync",
            content=p.SyncRequest.model_validate(body).model_dump_json(exclude_unset=True),
            headers={**self.auth, "content-type": self.kind},
        )

    def pull_all(self) -> set[str]:
        seen: set[str] = set()
        cursor = None
        while True:
            r = self.sync(cursor, limit=50)
            assert r.status_code == 200, r.text
            page = r.json()["pull"]
            seen.update(rec["id"] for rec in page["records"])
            cursor = page["cursor"]
            if not page["more"]:
                return seen


def note(cand: str, author: str) -> dict[str, Any]:
    fields = {"candidate_id": cand, "author_id": author, "written_at": "2026-11-03T10:00:00",
              "text": "Gesprek"}  # fmt: skip
    return {"entity": "note", "id": uid(), "op": "upsert", "fields": fields}


@pytest.fixture
def pg(pg_cluster: PgCluster, tmp_path: Path) -> Iterator[tuple[str, Admin]]:
    url = _pg_url(pg_cluster, tmp_path)
    admin = Admin(url)
    yield url, admin
    admin.close()


def test_every_route_answers_with_a_pool_of_one_connection(
    pg: tuple[str, Admin], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, admin = pg
    live = _server(url, monkeypatch, size=1)
    try:
        admin.add_coach("cora@spt.nl", roles="coordinator")
        admin.add_coach("anna@spt.nl", roles="loopbaancoach,jobcoach")
        cora, anna = Device(live, "cora@spt.nl", ROUTE), Device(live, "anna@spt.nl")
        http = anna.http
        called: list[tuple[str, str, httpx.Response]] = []

        def call(method: str, route: str, path: str, who: Device | None, **kw: Any) -> Any:
            headers = who.auth if who else {}
            r = http.request(
                method, path.removeprefix(API), headers={**headers, **kw.pop("headers", {})}, **kw
            )
            called.append((method, route, r))
            return r

        cand = uid()
        # Sync: a push and a pull through the fast path, an idle sync (its one-statement
        # answer on a raw connection), then the same through the route.
        for kind in (FAST, ROUTE):
            anna.kind = kind
            r = anna.sync(
                None, [candidate_change(cand) if kind == FAST else note(cand, anna.coach)]
            )
            assert r.status_code == 200, r.text
            cursor = r.json()["pull"]["cursor"]
            for _ in range(2):
                r = anna.sync(cursor)
                assert r.status_code == 200, r.text
            called.append(("POST", "/sync", r))
        refresh = {"refresh_token": anna.tokens["refresh_token"]}
        call("GET", "/health", f"{API}/health", None)
        call("GET", "/me", f"{API}/me", anna)
        call("GET", "/records/{entity}/{record_id}", f"{API}/records/candidate/{cand}", anna)
        m = {"start": "2026-01-01", "end": "2026-12-31"}
        call("GET", "/monitor", f"{API}/monitor", cora, params=m)
        c = "/coordination"
        call("GET", f"{c}/team", f"{API}{c}/team", cora)
        call("GET", f"{c}/candidates", f"{API}{c}/candidates", cora)
        call("GET", f"{c}/referrals", f"{API}{c}/referrals", cora)
        call("GET", f"{c}/targets", f"{API}{c}/targets", cora, params={"year": 2026})
        call("GET", f"{c}/intake", f"{API}{c}/intake", cora, params=m)
        call("PUT", f"{c}/targets", f"{API}{c}/targets", cora, json={"year": 2026, "instroom": 4})
        assign = {"candidate_ids": [cand], "coach_id": anna.coach, "role": "jobcoach"}
        call("POST", f"{c}/assignments", f"{API}{c}/assignments", cora, json=assign)
        given = {"referral_ids": [uid()], "coach_id": anna.coach}  # none such: 404
        call("POST", f"{c}/referrals/assign", f"{API}{c}/referrals/assign", cora, json=given)
        call("POST", "/candidates/{candidate_id}/erase", f"{API}/candidates/{cand}/erase", cora)
        call("POST", "/auth/refresh", f"{API}/auth/refresh", None, json=refresh)
        call("POST", "/auth/login", f"{API}/auth/login", None,
             json={"email": "anna@spt.nl", "password": PASSWORD})  # fmt: skip

        answers = {(m_, r_): resp.status_code for m_, r_, resp in called}
        assert answers == {
            ("POST", "/sync"): 200,
            ("GET", "/health"): 200,
            ("GET", "/me"): 200,
            ("GET", "/records/{entity}/{record_id}"): 200,
            ("GET", "/monitor"): 200,
            ("GET", f"{c}/team"): 200,
            ("GET", f"{c}/candidates"): 200,
            ("GET", f"{c}/referrals"): 200,
            ("GET", f"{c}/targets"): 200,
            ("GET", f"{c}/intake"): 200,
            ("PUT", f"{c}/targets"): 200,
            ("POST", f"{c}/assignments"): 200,
            ("POST", f"{c}/referrals/assign"): 404,
            ("POST", "/candidates/{candidate_id}/erase"): 204,
            ("POST", "/auth/refresh"): 200,
            ("POST", "/auth/login"): 200,
        }
        # Every route of the API was called (a new one joins this test).
        app = live._server.config.app
        routes = {
            (method, r.path.removeprefix(API))
            for r in app.routes
            if isinstance(r, APIRoute)
            for method in r.methods
        }
        assert routes == set(answers)
    finally:
        live.stop()


def test_more_pushes_at_once_than_the_pool_has_connections(
    pg: tuple[str, Admin], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, admin = pg
    size = 2
    live = _server(url, monkeypatch, size=size)
    try:
        emails = [f"coach{i}@spt.nl" for i in range(4)]
        for e in emails:
            admin.add_coach(e, spt=NH)
        # Two laptops per coach, one through each way in: up to twice the pool's
        # connections in handlers at once (the fast path's threads and FastAPI's).
        devices = [Device(live, e, kind) for e in emails for kind in (FAST, ROUTE)]
        pushed: dict[int, set[str]] = {id(d): set() for d in devices}
        failures: list[str] = []
        go = threading.Barrier(len(devices) + 1)
        lock = threading.Lock()

        def work(d: Device) -> None:
            go.wait()
            cursor = None
            for _ in range(4):
                cand = uid()
                changes = [candidate_change(cand), note(cand, d.coach), note(cand, d.coach)]
                r = d.sync(cursor, changes, limit=20)
                if r.status_code != 200:
                    failures.append(f"{r.status_code} {r.text[:200]}")
                    return
                statuses = {x["status"] for x in r.json()["push"]["results"]}
                if statuses != {"applied"}:
                    failures.append(str(statuses))
                with lock:
                    pushed[id(d)].update(ch["id"] for ch in changes)
                cursor = r.json()["pull"]["cursor"]

        threads = [threading.Thread(target=work, args=(d,)) for d in devices]
        for t in threads:
            t.start()
        go.wait()
        for t in threads:
            t.join()
        assert failures == []
        stored = admin.records()
        everything = set().union(*pushed.values())
        assert everything <= set(stored)
        revs = [stored[i]["rev"] for i in everything]
        assert len(set(revs)) == len(revs) == 4 * 2 * 4 * 3
        # Each laptop's pull from the start brings all its sibling pushed (its own
        # changes are not sent back to it).
        for one, other in zip(devices[::2], devices[1::2], strict=True):
            assert pushed[id(other)] <= one.pull_all()
            assert pushed[id(one)] <= other.pull_all()
    finally:
        live.stop()


def test_serve_refuses_more_connections_than_postgresql_allows(
    pg: tuple[str, Admin], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url, admin = pg
    # serve writes these for its workers: put back after the test.
    for name in (POOL_SIZE_ENV, MAX_OVERFLOW_ENV, SERVE_DB_ENV):
        monkeypatch.setenv(name, "")
    monkeypatch.delenv(POOL_SIZE_ENV)
    monkeypatch.delenv(MAX_OVERFLOW_ENV)
    with admin.engine.connect() as c:  # PostgreSQL's default: 100, 3 of them reserved
        most, reserved = c.exec_driver_sql(
            "SELECT current_setting('max_connections')::int, "
            "current_setting('superuser_reserved_connections')::int"
        ).one()
    allowed = most - reserved
    fit = allowed // 21  # each process: a pool of 16, 4 overflow, the leases' one
    with socket.socket() as taken:
        # A port in use: a serve that gets past its checks stops at once (uvicorn cannot
        # listen there) instead of serving.
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        serve = ["serve", "--db", url, "--port", port, "--no-retention"]
        assert cli.main([*serve, "--workers", str(fit + 1)]) == cli.USAGE
        said = capsys.readouterr().err
        assert (
            f"{fit + 1} proces(sen) × 21 (pool 16 + overflow 4 + 1 voor de revisies) = "
            f"{21 * (fit + 1)}, en PostgreSQL staat er {allowed} toe (max_connections {most}"
        ) in said
        # What fits is not refused: as many workers as fit, or one more with smaller pools.
        smaller = str(allowed // (fit + 1) - 5)  # pool + 4 + 1 per process
        for fits in (["--workers", str(fit)], ["--workers", str(fit + 1), "--pool-size", smaller]):
            with pytest.raises(SystemExit):
                cli.main([*serve, *fits])
            assert "Te veel databaseverbindingen" not in capsys.readouterr().err


def test_serve_sets_the_pool_timeout(
    pg: tuple[str, Admin], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--pool-timeout`` is how long a request waits for a pooled connection before its
    503 (it was SPT_DB_POOL_TIMEOUT only): the serving process's pool waits that long."""
    from spt_server.db import POOL_TIMEOUT_ENV, make_engine, pool_timeout

    url, _admin = pg
    monkeypatch.setenv(POOL_TIMEOUT_ENV, "")  # serve writes it for its workers: put back
    monkeypatch.delenv(POOL_TIMEOUT_ENV)
    with socket.socket() as taken:  # serve gets past its checks, then cannot listen: stops
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        with pytest.raises(SystemExit):
            cli.main(["serve", "--db", url, "--port", port, "--no-retention",
                      "--pool-timeout", "2.5"])  # fmt: skip
    assert "unrecognized arguments" not in capsys.readouterr().err
    assert pool_timeout() == 2.5
    engine = make_engine(url)
    try:
        assert engine.pool.timeout() == 2.5  # type: ignore[attr-defined]
    finally:
        engine.dispose()
    # Nonsense is a usage error, not a pool that never waits.
    for bad in ("0", "-1", "soms"):
        with pytest.raises(SystemExit):
            cli.main(["serve", "--db", url, "--pool-timeout", bad])
        assert "--pool-timeout" in capsys.readouterr().err
