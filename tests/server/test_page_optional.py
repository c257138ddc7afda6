"""A push may ask for no pull page (``limit`` 0), and the server says in every sync
answer that it takes that (issue 13, round 5: a pipelined push's pages are dropped by the
client, and reading one walked everything the device had pushed past its cursor). The
answer's page is empty, its cursor the one sent, ``more`` true: a client that applied it
would go on pulling from where it was. Real server on loopback, SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx

from spt_common import protocol as p
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import PASSWORD, Admin, LiveServer, add_candidate, make_vault


def _token(live: LiveServer, device: str) -> str:
    r = httpx.post(
        f"{live.url}{p.API_PREFIX}/auth/login",
        json={"email": "anna@spt.nl", "password": PASSWORD, "device_name": device},
    )
    assert r.status_code == 200, r.text
    return str(r.json()["access_token"])


def test_a_push_without_a_page_reads_none_and_keeps_the_cursor(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    # Something past the cursor for the second device: a candidate the first one pushed.
    a = make_vault(tmp_path / "a.sptvault")
    engine.login(a, live.url, "anna@spt.nl", PASSWORD, device_name="a")
    add_candidate(a)
    with Transport(live.url) as t:
        engine.sync(a, transport=t)
    a.lock()
    token = _token(live, "b")
    auth = {"authorization": f"Bearer {token}"}
    url = f"{live.url}{p.API_PREFIX}/sync"
    batch = {"batch_id": str(uuid.uuid4()), "changes": []}
    one = httpx.post(url, json={"cursor": None, "limit": 1, "batch": batch}, headers=auth)
    assert one.status_code == 200, one.text
    assert one.headers[p.HEADER_PAGE_OPTIONAL] == "1"
    assert len(one.json()["pull"]["records"]) == 1  # there is something to pull
    for cursor in (None, "0"):
        batch = {"batch_id": str(uuid.uuid4()), "changes": []}
        none = httpx.post(url, json={"cursor": cursor, "limit": 0, "batch": batch}, headers=auth)
        assert none.status_code == 200, none.text
        assert none.json()["pull"] == {
            "records": [], "purge": [], "cursor": cursor or "0", "more": True,
        }  # fmt: skip
        assert none.json()["push"] is not None
        assert none.headers[p.HEADER_PAGE_OPTIONAL] == "1"
