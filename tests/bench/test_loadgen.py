"""The raw load generator of ``bench/load_server.py`` (``bench/loadgen.py``): its HTTP
answer parser, its request bytes, and a short run against the real server on PostgreSQL
with the database check of its pushes (issue 18)."""

from __future__ import annotations

import gzip
import json
import socket
import threading
import uuid
from collections.abc import Callable, Iterator

import pytest
import sqlalchemy as sa

from bench import load_server as ls
from spt_common import encoding
from spt_common import protocol as p
from tests.support.server_kit import Admin, LiveServer

lg = ls.lg  # the module as load_server imports it (one copy of its classes)

PAGE = (
    b'{"protocol":1,"coach_id":"c","push":null,"pull":{"records":[{"entity":"note","id":"n",'
    b'"rev":7,"deleted":false,"data":{"text":"\\"cursor\\":\\"9\\" en \\"more\\":true}}"}}],'
    b'"purge":[],"cursor":"7","more":false}}'
)


def answer(body: bytes, *headers: bytes, status: bytes = b"200 OK") -> bytes:
    head = [b"HTTP/1.1 " + status, b"content-type: application/json", *headers]
    return b"\r\n".join(head) + b"\r\n\r\n" + body


def chunked(body: bytes, size: int) -> bytes:
    parts = [b"%x;ext=1\r\n%s\r\n" % (len(body[i : i + size]), body[i : i + size])
             for i in range(0, len(body), size)]  # fmt: skip
    return b"".join(parts) + b"0\r\nx-trailer: 1\r\n\r\n"


@pytest.mark.parametrize(
    "wire",
    [
        answer(PAGE, b"content-length: %d" % len(PAGE)),
        answer(chunked(PAGE, 37), b"Transfer-Encoding: chunked"),
        b"HTTP/1.1 100 Continue\r\n\r\n" + answer(PAGE, b"Content-Length: %d" % len(PAGE)),
    ],
    ids=["content-length", "chunked", "after 100"],
)
def test_an_answer_cut_anywhere_is_read_only_when_whole(wire: bytes) -> None:
    for cut in range(len(wire)):
        assert lg.parse_answer(wire[:cut]) is None, cut
    got = lg.parse_answer(bytearray(wire))
    assert got is not None
    assert (got.head.status, got.body, got.end) == (200, PAGE, len(wire))
    assert not got.head.close


def test_a_body_without_length_ends_when_the_server_closes() -> None:
    wire = answer(PAGE, b"Connection: close")
    assert lg.parse_answer(wire) is None
    got = lg.parse_answer(wire, closed=True)
    assert got is not None and got.body == PAGE and got.head.close
    # Cut short by the close: not an answer.
    short = answer(PAGE[:20], b"content-length: %d" % len(PAGE))
    with pytest.raises(lg.ProtocolError):
        lg.parse_answer(short, closed=True)


@pytest.mark.parametrize(
    ("head", "close"),
    [
        (b"HTTP/1.1 200 OK\r\ncontent-length: 0", False),
        (b"HTTP/1.1 200 OK\r\nConnection: close\r\ncontent-length: 0", True),
        (b"HTTP/1.0 200 OK\r\ncontent-length: 0", True),
        (b"HTTP/1.0 200 OK\r\nconnection: keep-alive\r\ncontent-length: 0", False),
        (b"HTTP/1.1 204 No Content", False),
    ],
)
def test_whether_the_server_keeps_the_connection(head: bytes, close: bool) -> None:
    got = lg.parse_head(head)
    assert (got.close, got.length) == (close, 0)


@pytest.mark.parametrize(
    "wire",
    [b"HTP/1.1 200 OK\r\n\r\n", b"HTTP/1.1 2x0 OK\r\n\r\n", b"HTTP/1.1 200 OK\r\nbroken\r\n\r\n",
     b"HTTP/1.1 200 OK\r\ncontent-length: -1\r\n\r\n",
     b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n"],
)  # fmt: skip
def test_what_is_not_http_is_refused(wire: bytes) -> None:
    with pytest.raises(lg.ProtocolError):
        lg.parse_answer(wire)


@pytest.mark.parametrize("name", encoding.ENCODINGS)
def test_compressed_answers_are_unpacked(name: str) -> None:
    assert lg.decoded(name.encode(), encoding.encode(name, PAGE)) == PAGE
    assert lg.decoded(b"", PAGE) == PAGE
    assert lg.decoded(b"gzip", gzip.compress(PAGE)) == PAGE
    with pytest.raises(lg.ProtocolError):
        lg.decoded(b"br", PAGE)


def test_the_cursor_is_read_from_the_end_or_from_the_whole_answer() -> None:
    # A record whose text says "cursor" and "more" does not mislead the tail read.
    assert lg.page_end(PAGE) == ("7", False)
    more = PAGE.replace(b'"more":false}}', b'"more":true}}')
    assert lg.page_end(more) == ("7", True)
    # Any other layout of the same JSON: read whole.
    spaced = json.dumps(json.loads(PAGE), indent=1).encode()
    assert lg.page_end(spaced) == ("7", False)
    with pytest.raises(lg.ProtocolError):
        lg.page_end(b'{"detail":{"code":"x"}}')


def test_the_request_bytes_are_a_sync_the_server_takes() -> None:
    dev = lg.Dev("tok", str(uuid.uuid4()), str(uuid.uuid4()), 41, "12")
    head = lg.request_head("127.0.0.1:8080", dev.token)
    note, batch = str(uuid.uuid4()), str(uuid.uuid4())
    body = lg.push_body(lg.push_template(dev.account, dev.candidate), dev.cursor, batch, 41, 3,
                        note)  # fmt: skip
    sync = p.SyncRequest.model_validate_json(body)
    assert sync.cursor == "12" and sync.batch is not None
    assert str(sync.batch.batch_id) == batch
    cand, added = sync.batch.changes
    assert (cand.id, cand.base_rev) == (dev.candidate, 41)
    assert cand.fields == {"motivation": "bijgewerkt 3"}
    assert (added.id, added.fields["text"]) == (note, "notitie 3")
    assert added.fields["author_id"] == dev.account
    assert p.SyncRequest.model_validate_json(lg.idle_body(None)).cursor is None
    wire = lg.request(head, lg.idle_body("12"))
    top, _, sent = wire.partition(b"\r\n\r\n")
    assert sent == b'{"cursor":"12"}'
    lines = top.split(b"\r\n")
    assert lines[0] == b"POST /api/v1/sync HTTP/1.1"
    headers = dict(line.split(b": ", 1) for line in lines[1:])
    assert headers[b"content-length"] == b"%d" % len(sent)
    assert headers[b"authorization"] == b"Bearer tok"
    assert headers[b"accept-encoding"] == encoding.ACCEPT.encode()


# --- a run against the real server ------------------------------------------------------


@pytest.fixture
def server(pg_db: str) -> Iterator[LiveServer]:
    from sqlalchemy.orm import Session

    from spt_server import store
    from spt_server.db import make_engine

    admin = Admin(pg_db)
    coach = admin.add_coach("kim@spt.test")
    admin.close()
    engine = make_engine(pg_db)
    changes = [{"entity": "candidate", "id": str(uuid.uuid4()), "op": "upsert",
                "fields": ls.candidate_fields(ls.SPTS[0], i)} for i in range(3)]  # fmt: skip
    batch = p.PushBatch.model_validate({"batch_id": str(uuid.uuid4()), "changes": changes})
    with Session(engine) as s, s.begin():
        store.push(s, store.Caller(coach, ls.SPTS[0], "seed"), batch)
    engine.dispose()
    live = LiveServer(pg_db).start()
    yield live
    live.stop()


def test_a_run_counts_every_answer_and_finds_its_pushes_stored_once(server: LiveServer) -> None:
    devs = ls.make_devices(server.db_url, 3, 0)
    since = ls.max_rev(server.db_url)
    load = lg.drive("127.0.0.1", server.port, devs, 1.0, 0.5)
    assert load.errors == 0 and load.statuses == {}
    assert load.requests == len(load.idle) + len(load.push) > 0
    assert load.bytes_out > 0 and load.bytes_in > 0
    acked = [x for x in load.pushes if x.acked]
    assert acked and all(x.applied for x in acked)
    assert lg.verify(server.db_url, load.pushes, since) == {
        "acked": len(acked), "lost": 0, "unacked_kept": 0, "stray": 0,
    }  # fmt: skip
    # The check finds an acknowledged note that is not there, and a note no push sent.
    engine = sa.create_engine(server.db_url)
    with engine.begin() as c:
        c.execute(sa.text("UPDATE record SET id = :new WHERE id = :old"),
                  {"new": str(uuid.uuid4()), "old": acked[0].note_id})  # fmt: skip
    engine.dispose()
    got = lg.verify(server.db_url, load.pushes, since)
    assert (got["lost"], got["stray"]) == (1, 1)


class FakeServer:
    """A socket server on 127.0.0.1 that answers every request with ``reply(n)`` (n:
    the request's number) and closes the connection when the reply says so."""

    def __init__(self, reply: Callable[[int], bytes]) -> None:
        self.reply = reply
        self.requests = 0
        self.connections = 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        data = b""
        with conn:
            while True:
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                head, _, data = data.partition(b"\r\n\r\n")
                length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
                while len(data) < length:
                    data += conn.recv(65536)
                data = data[length:]
                self.requests += 1
                reply = self.reply(self.requests)
                conn.sendall(reply)
                if b"connection: close" in reply.lower():
                    return

    def close(self) -> None:
        self.sock.close()


@pytest.mark.parametrize("closing", [True, False], ids=["connection-close", "chunked"])
def test_a_device_goes_on_after_the_server_closes_or_chunks(closing: bool) -> None:
    def reply(n: int) -> bytes:
        body = PAGE.replace(b'"cursor":"7"', b'"cursor":"%d"' % n)
        if closing:
            return answer(body, b"content-length: %d" % len(body), b"Connection: close")
        return answer(chunked(body, 50), b"transfer-encoding: chunked")

    fake = FakeServer(reply)
    try:
        dev = lg.Dev("tok", str(uuid.uuid4()), str(uuid.uuid4()), 1, "0")
        load = lg.drive("127.0.0.1", fake.port, [dev], 0.3, 0.0)
    finally:
        fake.close()
    assert load.errors == 0 and load.statuses == {}
    assert load.requests == fake.requests - 1 > 0  # the first one caught up, untimed
    assert fake.connections == (fake.requests if closing else 1)
    assert dev.cursor == str(fake.requests)  # each answer's cursor followed
