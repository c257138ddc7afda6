"""``POST /sync`` taken by the HTTP protocol itself (``onewrite.OneWriteHttp`` with the
app's ``SyncEntry``; issue 18, round 11), on the raw socket: the answers the ASGI layers
give, keep-alive, pipelining, HTTP/1.0, and what it leaves to those layers (a chunked or
compressed body, a body over the limit, a client the handshake refuses, a body that does
not validate) answered there as before. LiveServer serves with the protocol of
``spt-server serve``."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from spt_common import encoding
from spt_common import protocol as p
from spt_server import onewrite, wire
from tests.support.server_kit import PASSWORD, Admin, LiveServer, candidate_change, uid

SYNC = f"{p.API_PREFIX}/sync"


@pytest.fixture
def token(live: LiveServer, admin: Admin) -> str:
    admin.add_coach("anna@spt.nl")
    r = httpx.post(
        f"{live.url}{p.API_PREFIX}/auth/login",
        json={"email": "anna@spt.nl", "password": PASSWORD},
        headers={p.CLIENT_VERSION_HEADER: "1.0.0"},  # let in by the strict handshake below
    )
    return str(r.json()["access_token"])


class Taken:
    """How many requests the live server's SyncEntry took (``start``)."""

    def __init__(self, live: LiveServer) -> None:
        self.entry = onewrite.sync_entry(live._server.config.loaded_app)
        assert self.entry is not None
        self.count = 0
        start = self.entry.start

        def counted(*args: Any) -> None:
            self.count += 1
            start(*args)

        self.entry.start = counted


@pytest.fixture
def taken(live: LiveServer) -> Iterator[Taken]:
    t = Taken(live)
    yield t
    del t.entry.start


def request(token: str, body: bytes, *extra: str, version: str = "1.1") -> bytes:
    head = [
        f"POST {SYNC} HTTP/{version}",
        "Host: x",
        f"Authorization: Bearer {token}",
        "Content-Type: application/json",
        *extra,
    ]
    if not any(h.lower().startswith("transfer-encoding") for h in extra):
        head.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def answers(conn: socket.socket, n: int) -> list[tuple[int, dict[str, str], bytes]]:
    """``n`` answers off ``conn`` (each with a Content-Length)."""
    data = b""
    out: list[tuple[int, dict[str, str], bytes]] = []
    while len(out) < n:
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            assert chunk, (out, data)
            data += chunk
        head, _, data = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines[1:]:
            k, _, v = line.partition(":")
            headers[k.strip().lower()] = v.strip()
        length = int(headers["content-length"])
        while len(data) < length:
            chunk = conn.recv(65536)
            assert chunk
            data += chunk
        out.append((int(lines[0].split()[1]), headers, data[:length]))
        data = data[length:]
    return out


def closed(conn: socket.socket) -> bool:
    conn.settimeout(10)
    return conn.recv(1) == b""


def test_idle_syncs_and_a_push_are_taken_by_the_protocol_and_answered_as_the_route(
    live: LiveServer, token: str, taken: Taken
) -> None:
    push = json.dumps(
        {"cursor": None, "batch": {"batch_id": uid(), "changes": [candidate_change()]}}
    ).encode()
    with socket.create_connection(("127.0.0.1", live.port), timeout=30) as conn:
        conn.sendall(request(token, b'{"cursor":null}'))
        [(status, headers, body)] = answers(conn, 1)
        assert status == 200 and json.loads(body)["push"] is None
        assert headers["content-type"] == "application/json"
        assert headers[p.HEADER_MAX_BATCH.lower()] == str(p.MAX_BATCH_TAKEN)
        assert headers[p.HEADER_PAGE_OPTIONAL.lower()] == "1"
        assert headers["accept-encoding"] == encoding.ACCEPT
        assert "server" in headers and "date" in headers  # uvicorn's, as on every answer
        conn.sendall(request(token, push))  # the same keep-alive connection
        [(status, _, body)] = answers(conn, 1)
        assert status == 200 and json.loads(body)["push"]["results"][0]["status"] == "applied"
    assert taken.count == 2
    # The route (a JSON content type the entry does not take) answers the same idle sync
    # with the same bytes.
    cursor = json.loads(body)["pull"]["cursor"]
    idle = json.dumps({"cursor": cursor}).encode()
    auth = {"authorization": f"Bearer {token}"}
    fast = httpx.post(f"{live.url}{SYNC}", content=idle,
                      headers={**auth, "content-type": "application/json"})  # fmt: skip
    route = httpx.post(f"{live.url}{SYNC}", content=idle,
                       headers={**auth, "content-type": "application/x-spt+json"})  # fmt: skip
    assert (
        (fast.status_code, fast.content)
        == (route.status_code, route.content)
        == (200, fast.content)
    )
    assert taken.count == 3


def test_pipelined_syncs_are_answered_in_order(live: LiveServer, token: str, taken: Taken) -> None:
    bodies = [b'{"cursor":null}', b'{"cursor":null,"limit":1}', b'{"cursor":"0"}']
    with socket.create_connection(("127.0.0.1", live.port), timeout=30) as conn:
        conn.sendall(b"".join(request(token, b) for b in bodies))  # one write: pipelined
        got = answers(conn, 3)
    assert [s for s, _, _ in got] == [200, 200, 200]
    assert [json.loads(b)["pull"]["more"] for _, _, b in got] == [False, False, False]


def test_http_1_0_and_connection_close_are_answered_and_closed(
    live: LiveServer, token: str, taken: Taken
) -> None:
    for extra, version in (((), "1.0"), (("Connection: close",), "1.1")):
        with socket.create_connection(("127.0.0.1", live.port), timeout=30) as conn:
            conn.sendall(request(token, b'{"cursor":null}', *extra, version=version))
            [(status, headers, _)] = answers(conn, 1)
            assert status == 200 and headers["connection"] == "close"
            assert closed(conn)
    assert taken.count == 2


def test_what_the_protocol_leaves_is_answered_by_the_layers(
    live: LiveServer, token: str, taken: Taken
) -> None:
    with socket.create_connection(("127.0.0.1", live.port), timeout=30) as conn:
        # Chunked: counted by the Guard as it streams in, answered by SyncFastPath.
        body = b'{"cursor":null}'
        chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
        conn.sendall(request(token, chunked, "Transfer-Encoding: chunked"))
        [(status, _, got)] = answers(conn, 1)
        assert status == 200 and json.loads(got)["push"] is None
        # Compressed: unpacked by the Guard.
        packed = encoding.encode("gzip", body)
        conn.sendall(request(token, packed, "Content-Encoding: gzip"))
        [(status, _, got)] = answers(conn, 1)
        assert status == 200 and json.loads(got)["push"] is None
        # Not a valid SyncRequest: the entry reads it, the route words the 422.
        conn.sendall(request(token, b'{"cursor":5}'))
        [(status, _, got)] = answers(conn, 1)
        assert status == 422 and json.loads(got)["detail"]["code"] == "invalid"
        # And the connection goes on.
        conn.sendall(request(token, body))
        assert answers(conn, 1)[0][0] == 200
    assert taken.count == 2  # the 422's body and the last one
    # Over the body limit by its Content-Length: the Guard's 413, nothing read.
    with socket.create_connection(("127.0.0.1", live.port), timeout=30) as conn:
        head = request(token, b"").replace(b"Content-Length: 0", b"Content-Length: 9999999999")
        conn.sendall(head)
        [(status, _, got)] = answers(conn, 1)
        assert status == 413 and json.loads(got)["detail"]["code"] == "too_large"
    assert taken.count == 2


def test_a_refused_token_is_answered_as_by_the_fast_path(
    live: LiveServer, token: str, taken: Taken
) -> None:
    with socket.create_connection(("127.0.0.1", live.port), timeout=30) as conn:
        conn.sendall(request(token + "x", b'{"cursor":null}'))
        [(status, headers, got)] = answers(conn, 1)
        assert status == 401 and json.loads(got)["detail"]["code"] == p.ERR_TOKEN_INVALID
        assert headers["accept-encoding"] == encoding.ACCEPT
        conn.sendall(request(token, b'{"cursor":null}'))
        assert answers(conn, 1)[0][0] == 200
    assert taken.count == 2


@pytest.fixture
def strict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(p.MIN_CLIENT_VERSION_ENV, "0.5")
    monkeypatch.setenv(p.RECOMMENDED_CLIENT_VERSION_ENV, "0.9")


def test_the_handshake_holds_on_the_protocols_path(
    strict: None, live: LiveServer, token: str, taken: Taken
) -> None:
    client, proto = p.CLIENT_VERSION_HEADER, p.PROTOCOL_HEADER
    with socket.create_connection(("127.0.0.1", live.port), timeout=30) as conn:
        conn.sendall(request(token, b'{"cursor":null}', f"{client}: 0.4.0"))
        [(status, headers, _)] = answers(conn, 1)
        assert status == p.UPDATE_REQUIRED_STATUS
        assert headers[p.UPDATE_HEADER.lower()] == p.UPDATE_REQUIRED
    assert taken.count == 0  # refused by the handshake's layer
    with socket.create_connection(("127.0.0.1", live.port), timeout=30) as conn:
        conn.sendall(
            request(token, b'{"cursor":null}', f"{client}: 0.6.0", f"{proto}: {p.PROTOCOL_VERSION}")
        )
        [(status, headers, _)] = answers(conn, 1)
        assert status == 200 and headers[p.UPDATE_HEADER.lower()] == p.UPDATE_RECOMMENDED
    assert taken.count == 1


@pytest.mark.parametrize("packed", [False, True], ids=["plain", "zstd"])
def test_a_pushed_batch_is_freed_by_the_litter_thread(
    live: LiveServer, token: str, taken: Taken, monkeypatch: pytest.MonkeyPatch, packed: bool
) -> None:
    """A pushed batch's changes are freed by the litter thread (``app.let_go``, while
    the sync thread waits for its commit), not by the sync thread after its answer is
    made (a first push's batch of 2,000 changes: ~1.4 ms a batch while the client
    waited; bench/SYNC.md round 18). Plain JSON: the protocol's own path
    (``SyncEntry``); zstd: the Guard and the fast path. Its answer is as before."""
    freed: list[str] = []
    real_parse = wire.parse_sync

    class Tracked(list[Any]):
        def __del__(self) -> None:
            freed.append(threading.current_thread().name)

    def parse(raw: bytes) -> Any:
        body = real_parse(raw)
        assert type(body) is p.CheckedSync and body.batch is not None  # (a first push's)
        body.batch.changes = Tracked(body.batch.changes)
        return body

    monkeypatch.setattr(wire, "parse_sync", parse)
    changes = [candidate_change() for _ in range(64)]  # app.LITTER_MIN
    push = json.dumps({"cursor": None, "batch": {"batch_id": uid(), "changes": changes}})
    sent, extra = push.encode(), tuple[str, ...]()
    if packed:
        sent, extra = encoding.encode("zstd", sent), ("Content-Encoding: zstd",)
    with socket.create_connection(("127.0.0.1", live.port), timeout=30) as conn:
        conn.sendall(request(token, sent, *extra))
        [(status, _, body)] = answers(conn, 1)
    assert status == 200
    results = json.loads(body)["push"]["results"]
    assert [r["id"] for r in results] == [c["id"] for c in changes]
    assert {r["status"] for r in results} == {"applied"}
    assert taken.count == (0 if packed else 1)
    deadline = time.monotonic() + 30
    while not freed and time.monotonic() < deadline:
        time.sleep(0.01)
    assert freed == ["spt-litter"]
