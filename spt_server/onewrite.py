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

    def is_closing(self) -> bool:
        # Asked twice an answer: through ``__getattr__`` each was a failed lookup first
        # (an AttributeError made and dropped, ~4k instructions).
        return self.transport.is_closing()

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

    class _Event:
        """What uvicorn's protocol does with a cycle's ``message_event``: ``set``. Nothing
        waits on a sync's (its body is read here, not by ``receive``)."""

        __slots__ = ()

        def set(self) -> None:
            pass

    _NO_EVENT = _Event()

    class _Cycle:
        """A request taken by the protocol itself, as uvicorn's protocol sees its cycle
        (a ``RequestResponseCycle`` and its ``asyncio.Event`` cost a tenth of the loop's
        work of a sync): whether its answer is complete, whether the client left, whether
        the connection stays open, its body. Made a ``RequestResponseCycle`` when ASGI
        answers it after all (``OneWriteHttp._to_asgi``)."""

        __slots__ = (
            "admitted",
            "body",
            "default_headers",
            "disconnected",
            "keep_alive",
            "more_body",
            "response_complete",
            "scope",
        )  # fmt: skip
        message_event = _NO_EVENT

        def __init__(self, scope: Any, keep_alive: bool, default_headers: Any, admitted: Any):
            self.scope = scope
            self.body = bytearray()
            self.more_body = True
            self.keep_alive = keep_alive
            self.response_complete = False
            self.disconnected = False
            self.default_headers = default_headers
            self.admitted = admitted

    class OneWriteHttp(HttpToolsProtocol):
        """uvicorn's httptools protocol writing each answer once (``OneWrite``), and
        answering ``POST /sync`` itself (the app's ``SyncEntry``: no ASGI task, layers or
        messages; issue 18, round 11). Such a request is the protocol's ``cycle`` as any
        other (``_Cycle``): pipelining, keep-alive, a disconnect and a graceful shutdown
        see it as uvicorn's; what the entry leaves to ASGI (a body that does not validate)
        gets its ``RequestResponseCycle`` and task then, with the body read."""

        entry: Any = None
        fast: Any = None  # the request taken here (``_Cycle``), while its body comes
        heads: tuple[Any, bytes] = (None, b"")  # default headers -> the 200's fixed head

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(OneWrite(transport))  # type: ignore[arg-type]
            self.entry = sync_entry(self.app)

        def on_response_complete(self) -> None:
            self.transport.flush()  # type: ignore[attr-defined]
            super().on_response_complete()

        def on_headers_complete(self) -> None:
            entry = self.entry
            parser = self.parser
            if (
                entry is None
                or self.url != entry.path
                or parser.get_method() != b"POST"
                or self.expect_100_continue
                or (self.cycle is not None and not self.cycle.response_complete)
                or parser.should_upgrade()
                or self.limit_concurrency is not None
            ):
                super().on_headers_complete()
                return
            admitted = entry.admit(self.headers)
            if admitted is None:
                super().on_headers_complete()
                return
            # uvicorn's on_headers_complete for a plain path, without a task.
            http_version = parser.get_http_version()
            scope = self.scope
            scope["method"] = "POST"
            if http_version != "1.1":
                scope["http_version"] = http_version
            scope["path"] = self.root_path + entry.route
            scope["raw_path"] = self.root_path.encode("ascii") + entry.path
            scope["query_string"] = b""
            keep = http_version != "1.0" and parser.should_keep_alive()
            self.fast = _Cycle(scope, keep, self.server_state.default_headers, admitted)
            self.cycle = self.fast

        def on_body(self, body: bytes) -> None:
            if self.fast is None or self.cycle is not self.fast:
                super().on_body(body)
                return
            # Bounded by its Content-Length (the entry took it within the body limit);
            # not paused: nothing here reads it before the whole body is in.
            self.fast.body += body

        def on_message_complete(self) -> None:
            fast: Any = self.fast
            if fast is None or self.cycle is not fast:
                super().on_message_complete()
                return
            cycle: _Cycle = fast  # type: ignore[assignment]
            cycle.more_body = False
            self.fast = None

            def done(result: Any, exc: BaseException | None) -> None:
                self._answered(cycle, result, exc)

            self.entry.start(self.loop, bytes(cycle.body), cycle.admitted, done)

        def _answered(self, cycle: Any, result: Any, exc: BaseException | None) -> None:
            """The sync's answer written (one write), or its request handed to ASGI."""
            if cycle.disconnected or self.transport.is_closing():
                return  # the client left: nobody to answer (the work is done, as before)
            admitted = cycle.admitted
            if exc is None and result is not None and not admitted[1] and not admitted[2]:
                # The usual answer: the 200's fixed head (its default headers change
                # once a second), then its length.
                defaults, fixed = self.heads
                if defaults is not cycle.default_headers:
                    defaults = cycle.default_headers
                    fixed = self._head(200, defaults, self.entry.ok_headers)
                    self.heads = (defaults, fixed)
                content = [fixed, b"content-length: %d\r\n" % len(result), self.entry.ok_tail]
                status = 200
            else:
                answer = self.entry.answer(admitted, result, exc)
                if answer is None:  # the route answers (its 422), the body read as it came
                    self._to_asgi(cycle)
                    return
                status, headers, result = answer
                content = [self._head(status, cycle.default_headers, headers)]
            if not cycle.keep_alive:
                content.append(b"connection: close\r\n")
            content += (b"\r\n", result)
            if self.access_log:
                self.access_logger.info(
                    '%s - "%s %s HTTP/%s" %d', get_client_addr(cycle.scope), "POST",
                    get_path_with_query_string(cycle.scope), cycle.scope["http_version"],
                    status,
                )  # fmt: skip
            cycle.response_complete = True
            self.transport.write(b"".join(content))
            if not cycle.keep_alive:
                self.transport.close()
            self.on_response_complete()

        @staticmethod
        def _head(status: int, defaults: Any, headers: Any) -> bytes:
            """The status line and headers (without the blank line), as uvicorn writes
            them: its default headers (server, date) first."""
            content = [STATUS_LINE[status]]
            for name, value in (*defaults, *headers):
                content += (name, b": ", value, b"\r\n")
            return b"".join(content)

        def _to_asgi(self, cycle: Any) -> None:
            """The request of ``cycle`` answered by the app (ASGI), its body as it came."""
            real = RequestResponseCycle(
                scope=cycle.scope,
                transport=self.transport,
                flow=self.flow,
                logger=self.logger,
                access_logger=self.access_logger,
                access_log=self.access_log,
                default_headers=cycle.default_headers,
                message_event=asyncio.Event(),
                expect_100_continue=False,
                keep_alive=cycle.keep_alive,
                on_response=self.on_response_complete,
            )
            real.body, real.more_body = cycle.body, False
            real.message_event.set()
            if self.cycle is cycle:  # else a request pipelined behind it is the current one
                self.cycle = real
            self._start_asgi_task(real, self.app)
