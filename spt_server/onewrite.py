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


def sync_entry(app: Any) -> Any:
    """The ``app.SyncEntry`` of the app uvicorn serves (behind its own wrappers: the
    proxy headers' middleware), or None."""
    for _ in range(8):
        entry = getattr(app, "sync_entry", None)
        if entry is not None or not hasattr(app, "app"):
            return entry
        app = app.app
    return None


try:
    from uvicorn.protocols.http.httptools_impl import (
        STATUS_LINE,
        HttpToolsProtocol,
        RequestResponseCycle,
    )
    from uvicorn.protocols.utils import get_client_addr, get_path_with_query_string
except ImportError:  # pragma: no cover (see protocol)
    pass
else:

    class OneWriteHttp(HttpToolsProtocol):
        """uvicorn's httptools protocol writing each answer once (``OneWrite``), and
        answering ``POST /sync`` itself (the app's ``SyncEntry``: no ASGI task, layers or
        messages; issue 18, round 11). Such a request still has its uvicorn
        ``RequestResponseCycle``: pipelining, keep-alive, a disconnect and a graceful
        shutdown see it as any other; what the entry leaves to ASGI (a body that does not
        validate) starts its task then, with the body read."""

        entry: Any = None
        fast: Any = None  # the cycle of the request answered here, while its body comes
        admitted: Any = None  # what the entry took of its headers (``SyncEntry.admit``)

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(OneWrite(transport))  # type: ignore[arg-type]
            self.entry = sync_entry(self.app)

        def on_response_complete(self) -> None:
            self.transport.flush()  # type: ignore[attr-defined]
            super().on_response_complete()

        def on_headers_complete(self) -> None:
            entry = self.entry
            if (
                entry is None
                or self.url != entry.path
                or self.parser.get_method() != b"POST"
                or self.expect_100_continue
                or (self.cycle is not None and not self.cycle.response_complete)
                or self.parser.should_upgrade()
                or self.limit_concurrency is not None
            ):
                super().on_headers_complete()
                return
            admitted = entry.admit(self.headers)
            if admitted is None:
                super().on_headers_complete()
                return
            # uvicorn's on_headers_complete for a plain path, without starting the task.
            http_version = self.parser.get_http_version()
            scope = self.scope
            scope["method"] = "POST"
            if http_version != "1.1":
                scope["http_version"] = http_version
            path = entry.path.decode("ascii")
            scope["path"] = self.root_path + path
            scope["raw_path"] = self.root_path.encode("ascii") + entry.path
            scope["query_string"] = b""
            self.cycle = cycle = RequestResponseCycle(
                scope=scope,
                transport=self.transport,
                flow=self.flow,
                logger=self.logger,
                access_logger=self.access_logger,
                access_log=self.access_log,
                default_headers=self.server_state.default_headers,
                message_event=asyncio.Event(),
                expect_100_continue=False,
                keep_alive=http_version != "1.0" and self.parser.should_keep_alive(),
                on_response=self.on_response_complete,
            )
            self.fast, self.admitted = cycle, admitted

        def on_body(self, body: bytes) -> None:
            if self.fast is None or self.cycle is not self.fast:
                super().on_body(body)
                return
            # Bounded by its Content-Length (the entry took it within the body limit);
            # not paused: nothing here reads it before the whole body is in.
            self.cycle.body += body

        def on_message_complete(self) -> None:
            cycle = self.fast
            if cycle is None or self.cycle is not cycle:
                super().on_message_complete()
                return
            cycle.more_body = False
            admitted, self.fast, self.admitted = self.admitted, None, None

            def done(result: Any, exc: BaseException | None) -> None:
                self._answered(cycle, admitted, result, exc)

            self.entry.start(self.loop, bytes(cycle.body), admitted, done)

        def _answered(
            self, cycle: Any, admitted: Any, result: Any, exc: BaseException | None
        ) -> None:
            """The sync's answer written (one write), or its request handed to ASGI."""
            if cycle.disconnected or self.transport.is_closing():
                return  # the client left: nobody to answer (the work is done, as before)
            answer = self.entry.answer(admitted, result, exc)
            if answer is None:  # the route answers (its 422), the body read as it came
                cycle.message_event.set()
                self._start_asgi_task(cycle, self.app)
                return
            status, headers, body = answer
            content = [STATUS_LINE[status]]
            for name, value in cycle.default_headers:
                content += (name, b": ", value, b"\r\n")
            for name, value in headers:
                content += (name, b": ", value, b"\r\n")
            if not cycle.keep_alive:
                content.append(b"connection: close\r\n")
            content += (b"\r\n", body)
            if cycle.access_log:
                cycle.access_logger.info(
                    '%s - "%s %s HTTP/%s" %d', get_client_addr(cycle.scope), "POST",
                    get_path_with_query_string(cycle.scope), cycle.scope["http_version"],
                    status,
                )  # fmt: skip
            cycle.response_started = True
            cycle.response_complete = True
            self.transport.write(b"".join(content))
            cycle.message_event.set()
            if not cycle.keep_alive:
                self.transport.close()
            cycle.on_response()
