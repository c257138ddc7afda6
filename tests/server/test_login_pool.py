"""A login does not hold a pooled connection while Argon2 checks the password (issue 18,
found by helper "pool"): the hash is ~0.1-0.2 s of CPU, and a burst of logins (Monday
morning: every coach opening her laptop) held the whole pool while syncs waited for it.
The login reads the account, gives the connection back, checks the password, and then, in
a second short transaction, checks again that the account and device are as read
before it issues the tokens.

Real uvicorn on loopback, real PostgreSQL, a pool of ONE connection and no overflow, the
real Argon2 parameters. ``security.verify_password`` is wrapped (the real check still
runs) to look, from inside the hash, at what the login's thread holds of the pool, and to
let the database change between the read and the issue.

A request that finds every connection of the pool taken for longer than the pool's
timeout is answered 503 with Retry-After (the client retries it), not 500.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy import event

from spt_common import protocol as p
from spt_server import security, setup
from spt_server.app import SERVER_BUSY
from spt_server.db import MAX_OVERFLOW_ENV, POOL_SIZE_ENV, POOL_TIMEOUT_ENV
from tests.server.test_pool import FAST, Device, _pg_url
from tests.support.server_kit import PASSWORD, Admin, LiveServer, PgCluster

API = p.API_PREFIX
# The real Argon2 parameters: a login's hash is long enough to hold the pool (conftest.py).
pytestmark = pytest.mark.real_password_cost


@pytest.fixture
def pg(pg_cluster: PgCluster, tmp_path: Path) -> Iterator[tuple[str, Admin]]:
    url = _pg_url(pg_cluster, tmp_path)
    admin = Admin(url)
    yield url, admin
    admin.close()


@pytest.fixture
def live(pg: tuple[str, Admin], monkeypatch: pytest.MonkeyPatch) -> Iterator[LiveServer]:
    """The server with a pool of one connection, no overflow."""
    monkeypatch.setenv(POOL_SIZE_ENV, "1")
    monkeypatch.setenv(MAX_OVERFLOW_ENV, "0")
    server = LiveServer(pg[0]).start()
    yield server
    server.stop()


class Held:
    """Pooled connections each thread holds now (the pool's checkout/checkin events)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.now: Counter[int] = Counter()
        event.listen(engine.pool, "checkout", self._out)
        event.listen(engine.pool, "checkin", self._in)

    def _out(self, *_: Any) -> None:
        self.now[threading.get_ident()] += 1

    def _in(self, *_: Any) -> None:
        self.now[threading.get_ident()] -= 1

    def mine(self) -> int:
        return self.now[threading.get_ident()]


def _during_hash(
    monkeypatch: pytest.MonkeyPatch, then: Callable[[], None], held: Held | None = None
) -> list[int]:
    """Run ``then`` inside every password check (after the real one); returns the
    connections the checking thread held (``held``), one entry per check."""
    real = security.verify_password
    held_by_login: list[int] = []

    def checked(stored: str | None, password: str) -> bool:
        ok = real(stored, password)
        held_by_login.append(held.mine() if held else -1)
        then()
        return ok

    monkeypatch.setattr(security, "verify_password", checked)
    return held_by_login


def _engine(live: LiveServer) -> sa.Engine:
    return live._server.config.app.state.server.engine  # type: ignore[no-any-return]


def _login(live: LiveServer, email: str, device_id: str | None = None) -> httpx.Response:
    body: dict[str, Any] = {"email": email, "password": PASSWORD}
    if device_id:
        body["device_id"] = device_id
    with httpx.Client(base_url=live.url + API, timeout=120) as http:
        return http.post("/auth/login", json=body)


def test_logins_at_once_leave_the_pool_to_syncs_while_they_hash(
    pg: tuple[str, Admin], live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _url, admin = pg
    emails = [f"coach{i}@spt.nl" for i in range(6)]
    for e in emails:
        admin.add_coach(e)
    admin.add_coach("sara@spt.nl")
    syncer = Device(live, "sara@spt.nl", FAST)
    first = syncer.sync(None)
    assert first.status_code == 200, first.text
    cursor = first.json()["pull"]["cursor"]
    held = Held(_engine(live))
    in_hash: list[int] = []  # the status of a sync made from inside a login's hash
    lock = threading.Lock()

    def sync_while_hashing() -> None:
        # Only when this login holds no connection: one that holds the pool's only one
        # would wait for itself (30 s, then 500), which the held count already shows.
        if held.mine() == 0:
            status = syncer.sync(cursor).status_code
            with lock:
                in_hash.append(status)

    held_by_login = _during_hash(monkeypatch, sync_while_hashing, held)
    answers: list[int] = []
    background: list[int] = []
    go = threading.Barrier(len(emails) + 2)

    def log_in(email: str) -> None:
        go.wait()
        r = _login(live, email)
        with lock:
            answers.append(r.status_code)

    def keep_syncing() -> None:
        go.wait()
        for _ in range(10):
            background.append(syncer.sync(cursor).status_code)

    threads = [threading.Thread(target=log_in, args=(e,)) for e in emails]
    threads.append(threading.Thread(target=keep_syncing))
    for t in threads:
        t.start()
    go.wait()
    for t in threads:
        t.join()
    # Every login checked its password (and the unknown-account path is the same call)
    # holding no pooled connection; the syncs made meanwhile were answered.
    assert held_by_login == [0] * len(emails)
    assert answers == [200] * len(emails)
    assert background == [200] * 10
    assert in_hash == [200] * len(emails)


def test_unknown_account_still_checks_a_hash_without_a_connection(
    live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(_engine(live))
    seen: list[str | None] = []
    real = security.verify_password

    def checked(stored: str | None, password: str) -> bool:
        seen.append(stored)
        assert held.mine() == 0
        return real(stored, password)

    monkeypatch.setattr(security, "verify_password", checked)
    r = _login(live, "niemand@spt.nl")
    assert r.status_code == 401 and r.json()["detail"]["code"] == p.ERR_BAD_CREDENTIALS
    assert seen == [None]  # verify_password checks its dummy hash for None


def _change_once(monkeypatch: pytest.MonkeyPatch, change: Callable[[], None]) -> list[int]:
    """Make ``change`` (in the database, committed) while the first login hashes;
    returns a list that holds 1 once it was made."""
    done: list[int] = []

    def once() -> None:
        if not done:
            change()
            done.append(1)

    _during_hash(monkeypatch, once)
    return done


def test_a_deactivation_between_the_read_and_the_issue_refuses_the_login(
    pg: tuple[str, Admin], live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _url, admin = pg
    admin.add_coach("anna@spt.nl")

    def deactivate() -> None:
        with admin.session() as s, s.begin():
            setup.deactivate(s, email="anna@spt.nl")

    done = _change_once(monkeypatch, deactivate)
    r = _login(live, "anna@spt.nl")
    assert done == [1]
    assert r.status_code == 403, r.text
    assert r.json()["detail"]["code"] == p.ERR_ACCOUNT_INACTIVE
    with admin.session() as s:  # no device was made for her
        assert setup.devices(s, email="anna@spt.nl") == []


def test_a_revocation_between_the_read_and_the_issue_refuses_the_login(
    pg: tuple[str, Admin], live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _url, admin = pg
    admin.add_coach("anna@spt.nl")
    first = _login(live, "anna@spt.nl")
    assert first.status_code == 200, first.text
    device = first.json()["device_id"]
    done = _change_once(monkeypatch, lambda: admin.revoke("anna@spt.nl"))
    r = _login(live, "anna@spt.nl", device)  # the same laptop logs in again
    assert done == [1]
    assert r.status_code == 403, r.text
    assert r.json()["detail"]["code"] == p.ERR_DEVICE_REVOKED
    with admin.session() as s:
        (listed,) = setup.devices(s, email="anna@spt.nl")
        assert listed["revoked_at"] is not None


def test_a_password_changed_between_the_read_and_the_issue_refuses_the_login(
    pg: tuple[str, Admin], live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _url, admin = pg
    admin.add_coach("anna@spt.nl")

    def new_password() -> None:
        with admin.engine.begin() as c:
            c.execute(
                sa.text("UPDATE account SET password_hash = :h WHERE email = 'anna@spt.nl'"),
                {"h": security.hash_password("een heel ander wachtwoord")},
            )

    done = _change_once(monkeypatch, new_password)
    r = _login(live, "anna@spt.nl")
    assert done == [1]
    assert r.status_code == 401, r.text
    assert r.json()["detail"]["code"] == p.ERR_BAD_CREDENTIALS


def test_a_request_that_finds_the_pool_taken_is_answered_503_with_retry_after(
    pg: tuple[str, Admin], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, admin = pg
    monkeypatch.setenv(POOL_SIZE_ENV, "1")
    monkeypatch.setenv(MAX_OVERFLOW_ENV, "0")
    monkeypatch.setenv(POOL_TIMEOUT_ENV, "0.5")
    live = LiveServer(url).start()
    try:
        admin.add_coach("anna@spt.nl")
        anna = Device(live, "anna@spt.nl", FAST)
        answers: list[httpx.Response] = []
        with admin.engine.connect() as c:
            tx = c.begin()
            # Every request reads the auth epoch (table counter): a sync waits here
            # holding the pool's only connection.
            c.exec_driver_sql("LOCK TABLE counter IN ACCESS EXCLUSIVE MODE")
            stuck = threading.Thread(target=lambda: answers.append(anna.sync(None)))
            stuck.start()
            waiting = 0
            while waiting == 0:  # until the sync waits for the lock (no time limit)
                waiting = c.exec_driver_sql(
                    "SELECT count(*) FROM pg_locks WHERE NOT granted"
                ).scalar_one()
            r = anna.http.get("/me", headers=anna.auth)
            tx.rollback()
        stuck.join()
        assert r.status_code == 503, r.text
        assert r.json()["detail"]["code"] == SERVER_BUSY
        assert r.headers["retry-after"].isdigit()
        assert answers[0].status_code == 200  # the one that held the connection went on
        assert anna.http.get("/me", headers=anna.auth).status_code == 200
        schema = anna.http.get("/openapi.json").json()  # every route documents it
        for path in schema["paths"].values():
            for operation in path.values():
                assert "503" in operation["responses"]
    finally:
        live.stop()
