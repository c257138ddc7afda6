"""Limits that hold under a real client (issue 10 §2), against a real uvicorn on loopback.

- The body limit holds while the body streams in: a chunked body (no Content-Length) over
  8 MiB is refused with 413 after 8 MiB, without the server reading the rest into memory,
  and nothing of it is stored.
- The login rate limit is atomic (an attempt is reserved before the password is checked),
  counts per source address, per account and per (account, address), backs off instead of
  locking the owner out, tells how long to wait, and forgets old rows.
- Numbers and dates in requests are bounded: 4xx in the usual error shape, never a 500 with
  account or device ids in the server's log.
- The server refuses what its OpenAPI schema does not allow (strict types) and answers
  non-JSON bodies in its documented error shape.
"""

from __future__ import annotations

import logging
import math
import os
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from spt_common import protocol as p
from spt_desktop.cli import messages as cli
from spt_desktop.sync.transport import AuthFailed, Transport
from spt_server import ratelimit
from spt_server.app import MAX_BODY
from spt_server.db import make_engine
from tests.support.server_kit import PASSWORD, Admin, LiveServer, candidate_change, free_port

API = "/api/v1"
CHUNK = 64 * 1024


def chunks(data: bytes | None = None, total: int = 0) -> Iterator[bytes]:
    """``data`` in pieces, or ``total`` bytes made up as they are sent: httpx sends a
    generator chunked, with no Content-Length."""
    if data is not None:
        for i in range(0, len(data), CHUNK):
            yield data[i : i + CHUNK]
        return
    piece = b"x" * CHUNK
    for _ in range(total // CHUNK):
        yield piece


def login(url: str, email: str, password: str = PASSWORD, address: str = "127.0.0.1") -> Any:
    """A login from the loopback ``address`` (the server sees it as the peer address)."""
    transport = httpx.HTTPTransport(local_address=address)
    with httpx.Client(base_url=url + API, transport=transport, timeout=60) as http:
        return http.post("/auth/login", json={"email": email, "password": password})


# --- a server in its own process: its memory and its stderr are its own -----------------


class ServerProcess:
    """``create_app`` under uvicorn in a child process (so /proc shows its own RSS)."""

    def __init__(self, db_url: str, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        code = (
            "import sys, uvicorn\n"
            "from spt_server.app import create_app\n"
            "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]),"
            " log_level='warning', access_log=False)\n"
        )
        self._log = log.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code, db_url, str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=self._log,
            env=os.environ | {"PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        )
        while True:
            try:
                if httpx.get(self.url + API + "/health").status_code == 200:
                    break
            except httpx.TransportError:
                if self.proc.poll() is not None:
                    raise RuntimeError(log.read_text()) from None

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait()
        self._log.close()


@pytest.fixture
def server_process(db_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(db_url, tmp_path / "server.log")
    yield proc
    proc.stop()


# --- the body limit ----------------------------------------------------------------------


def test_a_chunked_100_mb_body_is_refused_while_it_streams_in(
    server_process: ServerProcess,
) -> None:
    with httpx.Client(base_url=server_process.url + API, timeout=120) as http:
        assert http.post("/sync", json={}).status_code == 401  # warm: first request paid
        before = server_process.rss_kib()
        r = http.post(
            "/auth/login",
            content=chunks(total=100 * 1024 * 1024),
            headers={"content-type": "application/json"},
        )
        after = server_process.rss_kib()
    assert "content-length" not in r.request.headers  # really sent chunked
    growth_mib = (after - before) / 1024
    print(f"server RSS {before / 1024:.0f} MiB -> {after / 1024:.0f} MiB (+{growth_mib:.1f})")
    assert r.status_code == 413
    assert r.json()["detail"]["code"] == "too_large"
    # The old middleware read and parsed all of it (82 -> 383 MB); at most the 8 MiB it
    # may read, and the allocator's slack, may stay.
    assert growth_mib < 40


def test_a_valid_19_mb_batch_sent_chunked_is_refused_and_nothing_stored(
    live: LiveServer, admin: Admin
) -> None:
    admin.add_coach("anna@spt.nl")
    token = login(live.url, "anna@spt.nl").json()["access_token"]
    changes = [candidate_change(notes="n" * 38_000) for _ in range(500)]
    body = p.SyncRequest.model_validate(
        {"batch": {"batch_id": str(uuid.uuid4()), "changes": changes}}
    ).model_dump_json(exclude_none=True)
    assert len(body) > 19_000_000
    headers = {"authorization": f"Bearer {token}", "content-type": "application/json"}
    with httpx.Client(base_url=live.url + API, timeout=120) as http:
        r = http.post("/sync", content=chunks(body.encode()), headers=headers)
        assert r.status_code == 413
        assert r.json()["detail"]["code"] == "too_large"
        assert not [rec for rec in admin.records().values() if rec["entity"] == "candidate"]
        # Under the limit, chunked is as good as a Content-Length.
        small = {"batch": {"batch_id": str(uuid.uuid4()), "changes": changes[:10]}}
        data = p.SyncRequest.model_validate(small).model_dump_json(exclude_none=True).encode()
        assert len(data) < MAX_BODY
        assert http.post("/sync", content=chunks(data), headers=headers).status_code == 200
    assert len([rec for rec in admin.records().values() if rec["entity"] == "candidate"]) == 10


# --- the login rate limit ------------------------------------------------------------------


def test_concurrent_wrong_passwords_are_checked_at_most_the_allowed_number(
    live: LiveServer, admin: Admin
) -> None:
    admin.add_coach("anna@spt.nl")
    start = threading.Barrier(20)
    answers: list[httpx.Response] = []

    def guess(i: int) -> None:
        transport = httpx.HTTPTransport(local_address="127.0.0.2")
        with httpx.Client(base_url=live.url + API, transport=transport, timeout=60) as http:
            start.wait()
            answers.append(
                http.post("/auth/login", json={"email": "anna@spt.nl", "password": f"fout{i}"})
            )

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seen = Counter(r.status_code for r in answers)
    # A 401 is a password checked and found wrong; a 429 was refused before the check.
    assert seen[401] == ratelimit.PAIR.free, seen
    assert seen[429] == 20 - ratelimit.PAIR.free, seen
    refused = [r for r in answers if r.status_code == 429]
    assert all(int(r.headers["retry-after"]) >= 1 for r in refused)
    assert all(r.json()["detail"]["code"] == p.ERR_RATE_LIMITED for r in refused)
    # The failures recorded are the passwords checked, not the requests made.
    with admin.session() as s:
        failures = ratelimit.failures(s, "anna@spt.nl", "127.0.0.2")
    assert failures == {"pair": ratelimit.PAIR.free, "account": ratelimit.PAIR.free,
                        "address": ratelimit.PAIR.free}  # fmt: skip


def test_one_address_guessing_across_many_accounts_is_slowed_down(live: LiveServer) -> None:
    statuses = [
        login(live.url, f"iemand{i}@spt.nl", "fout", address="127.0.0.3").status_code
        for i in range(ratelimit.ADDRESS.free + 3)
    ]
    assert statuses[: ratelimit.ADDRESS.free] == [401] * ratelimit.ADDRESS.free
    assert statuses[ratelimit.ADDRESS.free :] == [429] * 3
    # Another address is not held up by it.
    assert login(live.url, "iemand0@spt.nl", "fout", address="127.0.0.4").status_code == 401


def test_the_owner_gets_in_from_her_address_after_an_attack_from_elsewhere(
    live: LiveServer, admin: Admin
) -> None:
    admin.add_coach("anna@spt.nl")
    assert login(live.url, "anna@spt.nl", address="127.0.0.5").status_code == 200
    # Wrong passwords for her account from several other addresses, until the account
    # itself backs off.
    attackers = [f"127.0.1.{i}" for i in range(1, 6)]
    statuses = Counter(
        login(live.url, "anna@spt.nl", "fout", address=a).status_code
        for a in attackers
        for _ in range(ratelimit.PAIR.free)
    )
    assert statuses[401] == ratelimit.ACCOUNT.free, statuses
    assert statuses[429] == len(attackers) * ratelimit.PAIR.free - ratelimit.ACCOUNT.free
    # Right password from an address never seen for her: the account's backoff holds
    # (that is what slows a guesser with many addresses down) ...
    r = login(live.url, "anna@spt.nl", address="127.0.0.6")
    assert r.status_code == 429
    assert 1 <= int(r.headers["retry-after"]) <= ratelimit.ACCOUNT.cap
    # ... but not for her own address, where she logged in before.
    assert login(live.url, "anna@spt.nl", address="127.0.0.5").status_code == 200


def test_the_client_says_how_long_to_wait(live: LiveServer, admin: Admin) -> None:
    admin.add_coach("anna@spt.nl")
    with Transport(live.url, retries=0) as transport:
        wrong = p.LoginRequest(email="anna@spt.nl", password="fout")
        for attempt in range(ratelimit.PAIR.free):
            if attempt == ratelimit.PAIR.free - 1:
                started = time.monotonic()  # the server stamps the last failure after this
            with pytest.raises(AuthFailed) as wrong_password:
                transport.login(wrong)
            assert "klopt niet" in cli.text(wrong_password.value)
        with pytest.raises(AuthFailed) as refused:
            transport.login(wrong)
        elapsed = time.monotonic() - started
    # The first wait is 15 s from the last failure, less the time that passed before the
    # refusal (an Argon2 check takes a second on a busy machine): the client says exactly
    # the whole seconds the server sent, in seconds, never "a quarter".
    seconds = refused.value.params["seconds"]
    assert isinstance(seconds, int)
    assert math.ceil(ratelimit.PAIR.base - elapsed) <= seconds <= ratelimit.PAIR.base
    message = cli.text(refused.value)
    assert "kwartier" not in message
    assert f"Wacht {seconds} seconden" in message, message


def test_the_wait_grows_with_failures_up_to_a_cap_and_old_rows_are_removed(
    db_url: str,
) -> None:
    engine = make_engine(db_url)
    t = 1_000_000_000_000  # ms: the limiter's clock

    def count() -> int:
        with engine.connect() as c:
            return int(c.execute(sa.text("SELECT count(*) FROM login_limit")).scalar_one())

    try:
        passed, waits = 0, []
        while len(waits) < 9:
            try:
                ratelimit.reserve(engine, "anna@spt.nl", "127.0.0.9", now_ms=t)
                passed += 1
            except ratelimit.Refused as exc:
                waits.append(exc.retry_after)
                t += exc.retry_after * 1000  # waits as told, then tries again
        assert passed == ratelimit.PAIR.free + 9 - 1
        assert waits == [15, 30, 60, 120, 240, 480, 900, 900, 900]
        assert ratelimit.PAIR.cap == 900
        # Concurrent requests read the clock in any order: one that read it a moment
        # before another committed is not refused while no wait is due.
        ratelimit.reserve(engine, "kim@spt.nl", "127.0.0.8", now_ms=t + 10)
        ratelimit.reserve(engine, "kim@spt.nl", "127.0.0.8", now_ms=t)
        # Many addresses, one attempt each: three rows each. A day later the next
        # attempts remove them, a bounded number per attempt.
        for i in range(250):
            ratelimit.reserve(engine, f"x{i}@spt.nl", f"10.0.{i // 200}.{i % 200}", now_ms=t)
        before = count()
        t += ratelimit.FORGET_MS + 1000
        ratelimit.reserve(engine, "bob0@spt.nl", "10.9.9.0", now_ms=t)
        middle = count()
        for j in range(1, 11):
            ratelimit.reserve(engine, f"bob{j}@spt.nl", f"10.9.9.{j}", now_ms=t)
        after = count()
    finally:
        engine.dispose()
    assert before == 3 * 250 + 3 + 3  # and anna's and kim's
    assert before - middle == ratelimit.CLEANUP_BATCH - 3  # bounded; bob0's three are new
    assert after == 3 * 11  # only the eleven recent attempts' rows remain


# --- bounded numbers and dates, and no ids in the log ------------------------------------


def test_out_of_range_numbers_and_dates_are_refused_and_log_no_ids(
    db_url: str, tmp_path: Path
) -> None:
    admin = Admin(db_url)
    admin.add_coach("anna@spt.nl", roles="loopbaancoach,coordinator")
    admin.close()
    log = tmp_path / "server.log"
    server = ServerProcess(db_url, log)
    try:
        tokens = login(server.url, "anna@spt.nl").json()
        auth = {"authorization": "Bearer " + tokens["access_token"]}
        with httpx.Client(base_url=server.url + API, headers=auth, timeout=60) as http:
            answers = [
                http.post("/sync", json={"cursor": "9223372036854775808:ab"}),
                http.post("/sync", json={"cursor": "9223372036854775807"}),
                http.post("/sync", json={"cursor": "99999999999999999999999"}),
                http.post("/sync", json={"cursor": "-1"}),
                http.post("/sync", json={"cursor": "١٢"}),  # digits, but not ASCII ones
                http.post("/sync", json={"cursor": "1_000"}),
                http.get("/monitor", params={"start": "9999-01-01", "end": "9999-12-31"}),
                http.get("/monitor", params={"start": "0001-01-01", "end": "0001-12-31"}),
                http.get("/monitor", params={"start": "2026-01-01", "end": "9999-12-31"}),
            ]
            assert http.post("/sync", json={"cursor": "5"}).status_code == 200
    finally:
        server.stop()
    for r in answers:
        assert r.status_code == 422, (r.request.url, r.request.content, r.text)
        assert set(r.json()["detail"]) == {"code", "message"}
    text = log.read_text()
    assert tokens["coach"]["id"] not in text
    assert tokens["device_id"] not in text
    assert "Traceback" not in text


# --- strict types and the documented error shape -------------------------------------------


@pytest.fixture
def anna(live: LiveServer, admin: Admin) -> Iterator[httpx.Client]:
    admin.add_coach("anna@spt.nl")
    token = login(live.url, "anna@spt.nl").json()["access_token"]
    headers = {"authorization": f"Bearer {token}"}
    with httpx.Client(base_url=live.url + API, headers=headers, timeout=60) as http:
        yield http


def _batch(**change: Any) -> dict[str, Any]:
    return {"batch": {"batch_id": str(uuid.uuid4()), "changes": [candidate_change() | change]}}


def test_loose_types_are_refused(anna: httpx.Client) -> None:
    for body in (
        _batch(base_rev=False),
        _batch(base_rev="3"),
        _batch(base_rev=1.5),
        _batch(base_rev=2**53),  # past what every JSON parser reads exactly
        {"limit": "5"},
        {"limit": True},
        {"limit": 5.5},
        {"cursor": 5},
    ):
        r = anna.post("/sync", json=body)
        assert r.status_code == 422, (body, r.text)
        assert r.json()["detail"]["code"] == "invalid"
    # An integer as JSON Schema means it: 5.0 is one.
    assert anna.post("/sync", json={"limit": 5}).status_code == 200
    assert anna.post("/sync", json={"limit": 5.0}).status_code == 200


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"\xff\xfe", "application/json"),  # a byte order mark, and nothing
        (b"p\xff\xffS", "application/json"),  # not UTF-8 (was a 400 in another shape)
        (b"{", "application/json"),
        (b"limit=5", "application/x-www-form-urlencoded"),
        (b"hallo", "text/plain"),
        (b"[]", "application/json"),
    ],
)
def test_non_json_bodies_get_the_documented_error_shape(
    anna: httpx.Client, content: bytes, content_type: str
) -> None:
    r = anna.post("/sync", content=content, headers={"content-type": content_type})
    assert r.status_code == 422, r.text
    assert set(r.json()["detail"]) == {"code", "message"}


def test_wrong_methods_and_paths_get_the_error_shape(anna: httpx.Client) -> None:
    r = anna.put("/sync", json={})
    assert r.status_code == 405
    assert r.json()["detail"]["code"] == "method_not_allowed"
    assert "POST" in r.headers["allow"]
    r = anna.get("/nergens")
    assert r.status_code == 404
    assert r.json()["detail"]["code"] == "not_found"


def test_the_schema_names_the_cursor_format_and_the_monitor_groupings(live: LiveServer) -> None:
    schema = httpx.get(live.url + API + "/openapi.json").json()
    sync = schema["components"]["schemas"]["SyncRequest"]["properties"]
    cursor = sync["cursor"]["anyOf"][0]
    assert cursor["pattern"] == p.CURSOR_PATTERN
    params = {q["name"]: q for q in schema["paths"][API + "/monitor"]["get"]["parameters"]}
    by = params["by"]["schema"]["anyOf"][0]
    assert set(by["enum"]) == {"persona", "region", "referral_source"}
    for name in ("start", "end"):
        assert params[name]["schema"]["format"] == "date"


def test_an_unexpected_error_is_a_500_in_the_error_shape_and_logs_no_ids(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Whatever still fails unexpectedly: the exception's message and traceback (SQL
    parameters, values) and the path's record id stay out of the log."""
    import asyncio

    from spt_server.app import Guard

    secret = "0f1e2d3c-4b5a-4697-8887-766554433221"

    async def failing(scope: Any, receive: Any, send: Any) -> None:
        raise RuntimeError(f"[parameters: {{'account_id_1': '{secret}'}}]")

    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=Guard(failing))
        async with httpx.AsyncClient(transport=transport, base_url="http://server") as http:
            return await http.get(f"{API}/records/candidate/{secret}")

    with caplog.at_level(logging.ERROR, logger="spt_server"):
        r = asyncio.run(call())
    assert r.status_code == 500
    assert r.json()["detail"]["code"] == "server_error"
    assert secret not in r.text
    logged = [rec.getMessage() for rec in caplog.records]
    assert len(logged) == 1
    assert "RuntimeError" in logged[0]
    assert "/records/candidate/-" in logged[0]
    assert secret not in logged[0]
    assert all(rec.exc_info is None for rec in caplog.records)


def test_sql_errors_never_carry_their_parameters(db_url: str) -> None:
    """A failing statement's text must not quote its values (ids, names): an exception
    that reaches a log line or an error report carries the SQL only."""
    import sqlalchemy as sa

    from spt_server.db import make_engine

    engine = make_engine(db_url)
    try:
        with engine.connect() as c, pytest.raises(sa.exc.DBAPIError) as err:
            c.execute(
                sa.text("SELECT * FROM record WHERE id = :x AND nonsense"), {"x": "Kim de Vries"}
            )
    finally:
        engine.dispose()
    assert "Kim de Vries" not in str(err.value)
