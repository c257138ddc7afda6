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

The write itself (``OneWrite.send``): uvloop's ``transport.write`` makes its ``send()``
system call holding the GIL. On loopback (and on any machine whose cores are all busy)
the call wakes the reader, whose wake-up may take the sender's core at once: the event
loop's thread then waits for a core *holding the GIL*, and every thread of the process
waits with it. At 200 devices on one worker (bench/SERVER.md, round 9) the answers'
writes took 18 % of the loop's wall time (p99 2.3 ms, worst 53 ms for a ~30 µs call),
and the loop's thread spent 73 % of the window runnable but off a core. So an answer
goes out by ``os.write`` on the socket's descriptor, which lets the GIL go during the
system call, when the transport has nothing queued (else its order would break) and
is a plain TCP (or Unix) socket: under TLS the bytes must go through the transport.
What the socket does not take at once (a slow client's full buffer) goes to the
transport, which queues it and watches the socket as before, and so does an error
(the transport meets it again and closes as it does).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

# A final answer's head as uvicorn writes it: the status line (never 1xx: an interim
# answer goes out at once) through the blank line after the headers.
_HEAD = b"HTTP/1.1 "
_END = b"\r\n\r\n"


class OneWrite:
    """A transport that holds an answer's head (``_HEAD`` ... ``_END``, in one write)
    until the next write, and sends the two as one."""

    __slots__ = ("fd", "head", "transport")

    def __init__(self, transport: asyncio.Transport) -> None:
        self.transport = transport
        self.head = b""
        self.fd = _descriptor(transport)

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self.head:
            data, self.head = self.head + bytes(data), b""
        elif data[:9] == _HEAD and data[9:10] != b"1" and data[-4:] == _END:
            self.head = bytes(data)
            return
        self.send(data)

    def send(self, data: bytes | bytearray | memoryview) -> None:
        """``data`` on the socket without the GIL when it takes it (see the module's
        doc); what it does not take, through the transport."""
        transport = self.transport
        if self.fd >= 0 and not transport.get_write_buffer_size() and not transport.is_closing():
            try:
                sent = os.write(self.fd, data)
            except OSError:  # full (BlockingIOError), reset, closed: the transport's to say
                sent = 0
            if sent == len(data):
                return
            data = memoryview(data)[sent:]
        transport.write(data)

    def flush(self) -> None:
        """Send a head still held (an answer without a body)."""
        if self.head:
            head, self.head = self.head, b""
            self.send(head)

    def close(self) -> None:
        self.flush()
        self.transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.transport, name)


def _descriptor(transport: asyncio.Transport) -> int:
    """The descriptor of ``transport``'s socket when bytes may be written to it past the
    transport (a plain stream socket, no TLS); else -1."""
    if transport.get_extra_info("sslcontext") is not None:
        return -1
    if transport.get_extra_info("ssl_object") is not None:
        return -1
    sock = transport.get_extra_info("socket")
    try:
        fd = sock.fileno() if sock is not None else -1
    except (AttributeError, OSError):
        return -1
    return fd if isinstance(fd, int) else -1


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
