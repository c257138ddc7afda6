"""Each answer in one write to the socket (``spt-server serve``; issue 18).

uvicorn writes an answer's status line and headers when the app sends
``http.response.start`` and the body when it sends ``http.response.body``: two
``transport.write`` calls, and uvloop sends each at once, so every answer cost two
``send()`` system calls and two TCP segments (with TCP_NODELAY), and the client two
wake-ups. Under load (py-spy, 200 devices, 1 worker) the first of those writes was the
largest single item of the server's time holding the GIL (10 %; the second 2.5 %).

``OneWriteHttp`` is uvicorn's httptools protocol on a transport (``OneWrite``) that holds
an answer's head back until the body's first write and sends both together. A head
whose body never comes (the answer to ``HEAD``) goes out when uvicorn completes the
answer (``on_response_complete``), or when the connection is closed; an interim answer
(``100 Continue``) is never held. Nothing else changes: every other call goes to the
real transport.
"""

from __future__ import annotations

import asyncio
from typing import Any

# A final answer's head as uvicorn writes it: the status line (never 1xx: an interim
# answer goes out at once) through the blank line after the headers.
_HEAD = b"HTTP/1.1 "
_END = b"\r\n\r\n"


class OneWrite:
    """A transport that holds an answer's head (``_HEAD`` ... ``_END``, in one write)
    until the next write, and sends the two as one."""

    __slots__ = ("head", "transport")

    def __init__(self, transport: asyncio.Transport) -> None:
        self.transport = transport
        self.head = b""

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self.head:
            data, self.head = self.head + bytes(data), b""
        elif data[:9] == _HEAD and data[9:10] != b"1" and data[-4:] == _END:
            self.head = bytes(data)
            return
        self.transport.write(data)

    def flush(self) -> None:
        """Send a head still held (an answer without a body)."""
        if self.head:
            head, self.head = self.head, b""
            self.transport.write(head)

    def close(self) -> None:
        self.flush()
        self.transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.transport, name)


def protocol() -> str:
    """uvicorn's ``http`` setting for ``serve``: ``OneWriteHttp`` where httptools is
    installed (the server extra has it), else uvicorn's own choice."""
    try:
        import httptools  # noqa: F401
    except ImportError:  # pragma: no cover (the server extra installs it)
        return "auto"
    return "spt_server.onewrite:OneWriteHttp"


try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # pragma: no cover (see protocol)
    pass
else:

    class OneWriteHttp(HttpToolsProtocol):
        """uvicorn's httptools protocol writing each answer once (``OneWrite``)."""

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(OneWrite(transport))  # type: ignore[arg-type]

        def on_response_complete(self) -> None:
            self.transport.flush()  # type: ignore[attr-defined]
            super().on_response_complete()
