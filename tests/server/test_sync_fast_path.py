"""``POST /sync`` answered by the fast path (``app.SyncFastPath``: a JSON body that
validates, a token) and by the FastAPI route (what the fast path leaves to it) alike:
the same bytes, status and headers, for pushes, replays, pulls, idle syncs and refusals
(issue 18). The route is reached here by a JSON content type the fast path does not
take (``application/x-spt+json``, which FastAPI reads as JSON)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from spt_common import protocol as p
from tests.support.server_kit import PASSWORD, Admin, LiveServer, candidate_change, uid

FAST = "application/json"
ROUTE = "application/x-spt+json"
LIMITS = (p.HEADER_MAX_BATCH.lower(), p.HEADER_MAX_BODY.lower())


@pytest.fixture
def anna(live: LiveServer, admin: Admin) -> Iterator[httpx.Client]:
    admin.add_coach("anna@spt.nl")
    r = httpx.post(
        f"{live.url}{p.API_PREFIX}/auth/login", json={"email": "anna@spt.nl", "password": PASSWORD}
    )
    token = r.json()["access_token"]
    headers = {"authorization": f"Bearer {token}"}
    with httpx.Client(base_url=live.url + p.API_PREFIX, headers=headers, timeout=60) as http:
        yield http


def both(http: httpx.Client, body: Any, **headers: str) -> tuple[httpx.Response, httpx.Response]:
    """The same request through the fast path, then through the route."""
    content = json.dumps(body).encode()
    out = [
        http.post("/sync", content=content, headers={"content-type": kind, **headers})
        for kind in (FAST, ROUTE)
    ]
    return out[0], out[1]


def alike(fast: httpx.Response, route: httpx.Response) -> dict[str, Any]:
    assert (fast.status_code, fast.content) == (route.status_code, route.content)
    assert fast.headers["content-type"] == route.headers["content-type"] == "application/json"
    assert [fast.headers.get(h) for h in LIMITS] == [route.headers.get(h) for h in LIMITS]
    return dict(fast.json())


def test_the_fast_path_answers_as_the_route(anna: httpx.Client) -> None:
    batch = {"batch_id": uid(), "changes": [candidate_change(), candidate_change()]}
    # A push, then its replay by the route: answered from the batch's record, the same
    # but for saying it is a replay.
    first, replay = both(anna, {"cursor": None, "batch": batch})
    assert (first.status_code, replay.status_code) == (200, 200)
    pushed, replayed = first.json(), replay.json()
    assert "replayed" not in pushed["push"]  # written only when true: absent is false
    assert replayed["push"].pop("replayed") is True
    assert pushed == replayed
    assert [r["status"] for r in pushed["push"]["results"]] == ["applied", "applied"]
    assert all(first.headers.get(h) for h in LIMITS)
    assert [first.headers.get(h) for h in LIMITS] == [replay.headers.get(h) for h in LIMITS]
    # A first pull, page by page: the same pages.
    cursor = None
    while True:
        page = alike(*both(anna, {"cursor": cursor, "limit": 1}))["pull"]
        cursor = page["cursor"]
        if not page["more"]:
            break
    # An idle sync (the fast path's one-statement answer), twice more.
    idle = alike(*both(anna, {"cursor": cursor}))
    assert idle["pull"] == {"records": [], "purge": [], "cursor": cursor, "more": False}
    assert alike(*both(anna, {"cursor": cursor}))["push"] is None
    # Refusals: a bad cursor, a body that does not validate, no token, a bad token.
    assert alike(*both(anna, {"cursor": "x:y"}))["detail"]["code"] == "invalid"
    assert alike(*both(anna, {"cursor": cursor, "limit": "5"}))["detail"]["code"] == "invalid"
    assert alike(*both(anna, {"cursor": cursor, "extra": 1}))["detail"]["code"] == "invalid"
    del anna.headers["authorization"]
    assert alike(*both(anna, {"cursor": cursor}))["detail"]["code"] == p.ERR_TOKEN_INVALID
    bad = alike(*both(anna, {"cursor": cursor}, authorization="Bearer a.b.c"))
    assert bad["detail"]["code"] == p.ERR_TOKEN_INVALID


def test_a_token_the_server_verified_before_is_still_refused_once_expired(
    live: LiveServer, admin: Admin
) -> None:
    """The fast path keeps the tokens it verified (``app._sync_claims``), not their
    validity: a token that expires after its first sync is refused at the next."""
    from spt_server import security

    admin.add_coach("anna@spt.nl")
    r = httpx.post(
        f"{live.url}{p.API_PREFIX}/auth/login", json={"email": "anna@spt.nl", "password": PASSWORD}
    )
    login = r.json()
    server = live._server.config.app.state.server
    url = f"{live.url}{p.API_PREFIX}/sync"
    # A short-lived token the server verifies once while it is valid; on a loaded machine
    # the first sync may come after a one-second token's end, then a longer one is made.
    for ttl in (1, 2, 4, 8, 16, 32):
        token = security.issue_access(server.key, login["coach"]["id"], login["device_id"], ttl=ttl)
        expires = security.read_access(server.key, token).expires
        headers = {"authorization": f"Bearer {token}", "content-type": FAST}
        first = httpx.post(url, content=b'{"cursor": null, "limit": 1}', headers=headers)
        if first.status_code == 200:
            break
        assert first.json()["detail"]["code"] == "token_expired", first.text
    assert first.status_code == 200, first.text
    while time.time() <= expires:  # the token's last valid second passes
        time.sleep(0.05)
    again = httpx.post(url, content=b'{"cursor": null, "limit": 1}', headers=headers)
    assert again.status_code == 401
    assert again.json()["detail"]["code"] == "token_expired"
