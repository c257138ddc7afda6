"""TLS for the network tests (issue 17): an organisation's own CA (trustme), server
certificates it issues, the CLI run with a chosen trust environment, and an HTTP CONNECT
proxy on loopback (the proxy of a coach's office network)."""

from __future__ import annotations

import contextlib
import os
import select
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import trustme

from tests.support.server_kit import PASSPHRASE, PASSWORD

BIN = Path(sys.executable).parent
# What decides which CAs and which proxy a process trusts: cleared for every CLI run, so
# the test says exactly what the laptop has.
NETWORK_ENV = (
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "HTTPS_PROXY",
    "HTTP_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "https_proxy",
    "http_proxy",
    "all_proxy",
    "no_proxy",
)


def ca_file(ca: trustme.CA, folder: Path) -> Path:
    """The CA's certificate as a PEM file (what IT rolls out to the laptops)."""
    path = folder / "organisatie-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


def server_cert(ca: trustme.CA, folder: Path, *names: str, **kw: Any) -> tuple[Path, Path]:
    """A server certificate for ``names`` issued by ``ca``: (chain, key) PEM files."""
    leaf = ca.issue_cert(*names, **kw)
    chain, key = folder / "server-chain.pem", folder / "server-key.pem"
    chain.write_bytes(b"".join(blob.bytes() for blob in leaf.cert_chain_pems))
    leaf.private_key_pem.write_to_path(str(key))
    return chain, key


def desktop(
    *args: str, env: dict[str, str] | None = None, version: str | None = None
) -> subprocess.CompletedProcess[str]:
    """``spt-desktop ARGS`` in its own process, with only the network settings of ``env``
    (none: no extra CA, no proxy). ``version``: the build is stamped with that version
    instead (an older SPT Desktop still on a laptop)."""
    base = {k: v for k, v in os.environ.items() if k not in NETWORK_ENV}
    full = base | {"SPT_PASSWORD": PASSWORD, "SPT_PASSPHRASE": PASSPHRASE} | (env or {})
    if version is None:
        command = [str(BIN / "spt-desktop"), *args]
    else:
        stamp = (
            "import sys, spt_desktop; spt_desktop.__version__ = sys.argv.pop(1); "
            "from spt_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
        )
        command = [sys.executable, "-c", stamp, version, *args]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=full,
        stdin=subprocess.DEVNULL,
        check=False,
    )


class ConnectProxy:
    """An HTTP proxy on loopback that tunnels ``CONNECT host:port`` (as an office proxy
    does for https) and notes every tunnel it opened in ``tunnels``."""

    def __init__(self) -> None:
        self.tunnels: list[str] = []
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(8)
        self.port = int(self._sock.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop = True
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        self._thread.join(timeout=5)
        self._sock.close()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._tunnel, args=(conn,), daemon=True).start()

    def _tunnel(self, conn: socket.socket) -> None:
        with conn:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                head += chunk
            method, target, _ = head.split(b"\r\n", 1)[0].decode("ascii").split(" ", 2)
            host, _, port = target.rpartition(":")
            if method != "CONNECT" or host != "127.0.0.1":  # loopback only
                conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                return
            self.tunnels.append(target)
            with socket.create_connection((host, int(port))) as up:
                conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                _relay(conn, up)


def _relay(a: socket.socket, b: socket.socket) -> None:
    """Bytes both ways until one side closes."""
    while True:
        ready, _, _ = select.select([a, b], [], [])
        for sock in ready:
            data = sock.recv(65536)
            if not data:
                return
            (b if sock is a else a).sendall(data)
