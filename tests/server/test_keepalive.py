"""`spt-server serve` keeps an idle connection open for longer than a client keeps it in
its pool (issue 18).

httpx (the desktop's client, and the load bench's) reuses a pooled connection for up to
5 s of idle; uvicorn closed idle connections after 5 s too. A request sent on a connection
just under 5 s old then raced the server closing it and failed without an answer (the
ReadErrors of bench/load_server.py at 200 devices). With the server's limit above the
client's, the client always lets go of an idle connection first.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from spt_common import protocol as p
from tests.support.server_kit import free_port, wait_healthy

REQUEST = f"GET {p.API_PREFIX}/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()


def _answer(conn: socket.socket) -> bytes:
    """One HTTP answer read off ``conn`` (headers and a body of its Content-Length);
    what came before the server closed, if it did."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":", 1)[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    while len(body) < length:
        chunk = conn.recv(4096)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def test_an_idle_connection_outlives_the_clients_pool(tmp_path: Path) -> None:
    port = free_port()
    db = f"sqlite:///{tmp_path / 'server.db'}"
    cmd = [sys.executable, "-m", "spt_server.cli", "serve", "--db", db, "--port", str(port),
           "--no-retention"]  # fmt: skip
    proc = subprocess.Popen(cmd)
    try:
        wait_healthy(proc, port)
        with socket.create_connection(("127.0.0.1", port)) as conn:
            conn.sendall(REQUEST)
            assert _answer(conn).startswith(b"HTTP/1.1 200")
            # Idle for longer than httpx keeps a pooled connection: a client that had
            # reused it just before its expiry would have sent its request about now.
            time.sleep(httpx.Limits().keepalive_expiry + 0.5)
            try:
                conn.sendall(REQUEST)
                again = _answer(conn)
            except OSError as exc:  # reset: the server had closed it
                again = repr(exc).encode()
        assert again.startswith(b"HTTP/1.1 200"), again
    finally:
        proc.terminate()
        proc.wait()
