"""`spt-server serve` writes each answer to the socket once (spt_server/onewrite.py,
issue 18): uvicorn wrote the head and the body apart, two send() calls and two TCP
segments per answer. The head waits for the body; an answer without one, an interim
``100 Continue`` and a closed connection still get theirs."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from spt_common import protocol as p
from spt_server import onewrite
from tests.support.server_kit import free_port, wait_healthy

HEAD = b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n"


class Transport:
    """What the real transport was asked to do."""

    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        assert not self.closed
        self.writes.append(bytes(data))

    def close(self) -> None:
        self.closed = True

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return ("127.0.0.1", 8080) if name == "sockname" else default


def test_a_head_goes_out_with_its_body_in_one_write() -> None:
    real = Transport()
    t = onewrite.OneWrite(real)  # type: ignore[arg-type]
    t.write(HEAD)
    assert real.writes == []
    t.write(b"{}")
    assert real.writes == [HEAD + b"{}"]
    t.write(b"more")  # the body's next chunks as they come
    assert real.writes == [HEAD + b"{}", b"more"]
    assert t.get_extra_info("sockname") == ("127.0.0.1", 8080)  # the rest: the real one's


def test_an_interim_answer_is_not_held() -> None:
    real = Transport()
    t = onewrite.OneWrite(real)  # type: ignore[arg-type]
    t.write(b"HTTP/1.1 100 Continue\r\n\r\n")
    assert real.writes == [b"HTTP/1.1 100 Continue\r\n\r\n"]


@pytest.mark.parametrize("end", ["flush", "close"])
def test_a_head_without_a_body_goes_out_at_the_answers_end(end: str) -> None:
    """HEAD's answer (uvicorn writes no body): sent when the answer completes
    (``on_response_complete`` flushes), or before the connection is closed."""
    real = Transport()
    t = onewrite.OneWrite(real)  # type: ignore[arg-type]
    t.write(HEAD)
    getattr(t, end)()
    assert real.writes == [HEAD]
    assert real.closed == (end == "close")


def _answer(conn: socket.socket, *, body: bool = True) -> bytes:
    """One answer off ``conn``: its head and, if ``body``, a body of its Content-Length
    (HEAD's answer names the length of a body it does not send)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        assert chunk, data
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = next(
        (int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
         if line.lower().startswith(b"content-length:")),
        0,
    )  # fmt: skip
    while body and len(rest) < length:
        chunk = conn.recv(65536)
        assert chunk, data
        rest += chunk
    return head + b"\r\n\r\n" + rest


def test_serve_answers_get_head_and_an_expected_continue(tmp_path: Path) -> None:
    """Through `spt-server serve` on one keep-alive connection: a GET, a HEAD (no body:
    its head must not wait for one), a POST that waits for ``100 Continue`` before its
    body, and a GET again."""
    assert onewrite.protocol() == "spt_server.onewrite:OneWriteHttp"
    port = free_port()
    db = f"sqlite:///{tmp_path / 'server.db'}"
    cmd = [sys.executable, "-m", "spt_server.cli", "serve", "--db", db, "--port", str(port),
           "--no-retention"]  # fmt: skip
    proc = subprocess.Popen(cmd)
    health = f"{p.API_PREFIX}/health"
    try:
        wait_healthy(proc, port)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            conn.sendall(f"GET {health} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            got = _answer(conn)
            assert got.startswith(b"HTTP/1.1 200") and b'"status"' in got, got
            conn.sendall(f"HEAD {health} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            got = _answer(conn, body=False)  # times out if the head waited for a body
            assert got.startswith(b"HTTP/1.1 ") and got.endswith(b"\r\n\r\n"), got
            body = b'{"email": "a@b.nl", "password": "x"}'
            conn.sendall(
                f"POST {p.API_PREFIX}/auth/login HTTP/1.1\r\nHost: x\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
                "Expect: 100-continue\r\n\r\n".encode()
            )
            assert _answer(conn, body=False) == b"HTTP/1.1 100 Continue\r\n\r\n"
            conn.sendall(body)
            got = _answer(conn)
            assert got.startswith(b"HTTP/1.1 4") and got.endswith(b"}"), got  # no account
            conn.sendall(f"GET {health} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            assert _answer(conn).startswith(b"HTTP/1.1 200")
    finally:
        proc.terminate()
        proc.wait()
