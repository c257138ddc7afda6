"""Compressed sync bodies (issue 13 §3), against a real uvicorn on loopback.

- Answers are compressed for a client that asks (``Accept-Encoding``) and plain for one
  that does not; every answer lists the encodings the server takes in request bodies.
- The desktop's transport compresses its request bodies once the server has listed an
  encoding, and a sync through it stores what it sent.
- A compressed request body is bounded by its UNPACKED size too: a zip bomb (a few KiB
  that unpack to 64 MiB) and a valid batch padded past 8 MiB once unpacked get 413 and
  nothing is stored; an encoding the server lacks gets 415, bytes that are not one 422.
"""

from __future__ import annotations

import json
import uuid
import zlib
from typing import Any

import httpx
import pytest

from spt_common import encoding
from spt_common import protocol as p
from spt_desktop.sync.transport import Transport
from spt_server.app import MAX_BODY
from tests.support.server_kit import PASSWORD, Admin, LiveServer, candidate_change

API = "/api/v1"
EMAIL = "anna@spt.nl"


def gzip(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()


@pytest.fixture
def token(live: LiveServer, admin: Admin) -> str:
    admin.add_coach(EMAIL)
    with httpx.Client(base_url=live.url + API) as http:
        r = http.post("/auth/login", json={"email": EMAIL, "password": PASSWORD})
    return str(r.json()["access_token"])


def candidates(admin: Admin) -> list[dict[str, Any]]:
    return [rec for rec in admin.records().values() if rec["entity"] == "candidate"]


def sync_body(n: int) -> bytes:
    changes = [candidate_change() for _ in range(n)]
    request = {"batch": {"batch_id": str(uuid.uuid4()), "changes": changes}}
    return p.SyncRequest.model_validate(request).model_dump_json(exclude_none=True).encode()


def post(live: LiveServer, token: str, body: bytes, **headers: str) -> httpx.Response:
    with httpx.Client(base_url=live.url + API, timeout=60) as http:
        return http.post(
            "/sync",
            content=body,
            headers={"authorization": f"Bearer {token}", "content-type": "application/json"}
            | headers,
        )


@pytest.mark.parametrize("name", encoding.ENCODINGS)
def test_a_compressed_batch_is_stored_and_the_answer_comes_compressed(
    live: LiveServer, admin: Admin, token: str, name: str
) -> None:
    body = sync_body(20)
    r = post(live, token, encoding.encode(name, body), **{
        "content-encoding": name, "accept-encoding": name})  # fmt: skip
    assert r.status_code == 200
    assert r.headers["content-encoding"] == name  # httpx unpacked it for us
    answer = p.SyncResponse.model_validate_json(r.content)
    assert answer.push is not None and {x.status for x in answer.push.results} == {"applied"}
    assert len(candidates(admin)) == 20


def test_a_client_that_does_not_ask_gets_plain_json(live: LiveServer, token: str) -> None:
    assert post(live, token, sync_body(20)).status_code == 200
    with httpx.Client(base_url=live.url + API) as http:
        r = http.post(
            "/sync",
            json={},
            headers={"authorization": f"Bearer {token}", "accept-encoding": "identity"},
        )
    assert r.status_code == 200
    assert "content-encoding" not in r.headers
    assert len(p.SyncResponse.model_validate_json(r.content).pull.records) > 20
    # What the server takes in request bodies, said in every answer (RFC 7694).
    assert encoding.pick(r.headers["accept-encoding"]) == encoding.ENCODINGS[0]


def test_the_desktop_transport_compresses_both_ways(live: LiveServer, admin: Admin) -> None:
    admin.add_coach(EMAIL)
    sent: list[tuple[str | None, int]] = []
    received: list[str | None] = []
    transport = Transport(live.url)
    transport._client.event_hooks = {
        "request": [lambda rq: sent.append((rq.headers.get("content-encoding"), len(rq.content)))],
        "response": [lambda rs: received.append(rs.headers.get("content-encoding"))],
    }
    with transport:
        pair = transport.login(p.LoginRequest(email=EMAIL, password=PASSWORD, device_name="laptop"))
        body = sync_body(100)
        answer = transport.sync(pair.access_token, json.loads(body))
    # The desktop asks for the compact form (p.HEADER_PUSH_ANSWER): the 100 applied as
    # sent are in the answer's runs, none listed.
    assert answer.push is not None and answer.push.applied is not None
    assert answer.push.results == [] and sum(answer.push.applied[2::3]) == 100
    assert len(candidates(admin)) == 100
    # The login went plain (the server had not said what it takes yet); the batch packed.
    assert sent[0][0] is None
    assert sent[1][0] == encoding.ENCODINGS[0] and sent[1][1] < len(body) / 3
    assert received[-1] == encoding.ENCODINGS[0]


@pytest.mark.parametrize("name", encoding.ENCODINGS)
def test_a_zip_bomb_is_refused_and_nothing_is_stored(
    live: LiveServer, admin: Admin, token: str, name: str
) -> None:
    bomb = encoding.encode(name, b" " * (64 * 1024 * 1024))
    assert len(bomb) < 200 * 1024
    r = post(live, token, bomb, **{"content-encoding": name})
    assert r.status_code == 413
    assert r.json()["detail"]["code"] == "too_large"
    # A valid batch that unpacks past the limit (JSON whitespace after it): refused
    # whole, though its packed size is far below it and its batch alone would fit.
    body = sync_body(20)
    padded = body[:-1] + b" " * MAX_BODY + b"}"
    assert json.loads(padded) and len(encoding.encode(name, padded)) < MAX_BODY // 50
    r = post(live, token, encoding.encode(name, padded), **{"content-encoding": name})
    assert r.status_code == 413
    assert candidates(admin) == []
    # The same batch, unpadded: stored.
    r = post(live, token, encoding.encode(name, body), **{"content-encoding": name})
    assert r.status_code == 200
    assert len(candidates(admin)) == 20


def test_unknown_or_broken_encodings_are_refused(
    live: LiveServer, admin: Admin, token: str
) -> None:
    body = sync_body(5)
    r = post(live, token, body, **{"content-encoding": "br"})
    assert r.status_code == 415
    assert r.json()["detail"]["code"] == "unsupported_encoding"
    r = post(live, token, gzip(body)[:-20], **{"content-encoding": "gzip"})
    assert r.status_code == 422
    r = post(live, token, body, **{"content-encoding": "gzip"})  # says gzip, is not
    assert r.status_code == 422
    assert candidates(admin) == []
