"""The HTTP API (FastAPI). Versioned under /api/v1 and described by its OpenAPI schema.

Handlers are plain ``def``: FastAPI runs them in its thread pool, and each opens its own
database session for exactly as long as it needs.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import queue
import re
import threading
import time
import traceback
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Annotated, Any

import anyio.to_thread
import sqlalchemy as sa
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from spt_common import encoding
from spt_common import protocol as p
from spt_common.entities import EntityName
from spt_server import (
    __version__,
    audit,
    coordination,
    marks,
    monitor,
    pull,
    ratelimit,
    security,
    store,
    wire,
)
from spt_server.clients import ClientPolicy, ClientVersions
from spt_server.db import (
    Account,
    Counter,
    Device,
    RefreshToken,
    bump_auth_epoch,
    make_engine,
    pool_config,
    session_factory,
    utcnow,
)
from spt_server.raw import On, lite
from spt_server.setup import signing_keys
from spt_server.workers import Workers, lanes_from_env

MAX_BODY = 8 * 1024 * 1024  # bytes: a full batch of large texts fits, a flood does not
log = logging.getLogger("spt_server")


class ApiError(HTTPException):
    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status, detail={"code": code, "message": message}, headers=headers)


class BodyTooLarge(ApiError):
    def __init__(self) -> None:
        super().__init__(413, "too_large", "Het verzoek is te groot (hoogstens 8 MiB).")


# Starlette's own refusals (unknown path, wrong method) in our shape. FastAPI's 400 for a
# body it cannot decode (not UTF-8) becomes the 422 of any other unreadable body: one
# documented answer for "this is not the JSON the schema describes".
_PLAIN_ERRORS = {
    400: ("invalid", "ongeldig verzoek: body"),
    404: ("not_found", "Niet gevonden."),
    405: ("method_not_allowed", "Deze methode is hier niet toegestaan."),
}
_ID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}")


class Guard:
    """Pure ASGI middleware around the whole app (BaseHTTPMiddleware cost 11-15 % of the
    server's time under load; this is a counter and two closures per request).

    - Request bodies: over MAX_BODY is refused with 413 *while the body streams in*: a
      chunked body has no Content-Length to check, so the bytes are counted as
      ``receive()`` delivers them, and the request is answered as soon as the count
      passes the limit. The rest is never read into memory, and the handler never ran.
    - Compressed request bodies (``Content-Encoding``: the encodings of
      ``spt_common.encoding``, listed in every answer's ``Accept-Encoding``): unpacked
      here, and the *unpacked* size is bounded by MAX_BODY too: a zip bomb is answered
      413 once MAX_BODY bytes of it are out, and the handler never runs. An encoding we
      do not have gets 415.
    - Answers: compressed when the client's ``Accept-Encoding`` takes one of ours and the
      body is worth it; a client that does not ask gets them as before.
    - Unexpected errors: answered 500 in the usual shape, logged by kind and place only.
      The traceback would carry the SQL parameters (account and device ids) and paths
      with record ids: neither may reach the log.
    """

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        content_encoding = accept = ""
        for name, value in scope["headers"]:
            if name == b"content-length" and (not value.isdigit() or int(value) > self.max_body):
                await _send_error(send, BodyTooLarge())
                return
            if name == b"content-encoding":
                content_encoding = value.decode("latin-1").strip().lower()
            elif name == b"accept-encoding":
                accept = value.decode("latin-1")
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge()
            return message

        inner: Receive = counted
        if content_encoding not in ("", "identity"):
            try:
                scope, inner = await self._unpacked(scope, content_encoding, counted, receive)
            except HTTPException as exc:
                await _send_error(send, exc)
                return

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        outer = _compressing(watched, encoding.pick(accept) if accept else None)
        try:
            await self.app(scope, inner, outer)
        except Exception as exc:
            if isinstance(exc, sa.exc.TimeoutError):
                # No pooled connection came free within the pool's timeout: the server is
                # busy, nothing went wrong. The client retries a 5xx (after Retry-After).
                log.warning("Server bezet: geen databaseverbinding vrij (%s)", scope.get("method"))
            elif not isinstance(exc, BodyTooLarge):  # raised outside a route
                _log_unexpected(scope, exc)
            if not started:
                await _send_error(send, _unexpected(exc))

    async def _unpacked(
        self, scope: Scope, name: str, counted: Receive, receive: Receive
    ) -> tuple[Scope, Receive]:
        """The request with its body read (bounded), unpacked (bounded), and handed on as
        one plain message; its headers say so."""
        if name not in encoding.ENCODINGS:
            raise ApiError(415, "unsupported_encoding", "Deze compressie kent de server niet.")
        chunks = []
        while True:
            message = await counted()
            if message["type"] != "http.request":
                raise ApiError(400, "invalid", "ongeldig verzoek: body")
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        try:
            body = encoding.decode(name, b"".join(chunks), self.max_body)
        except encoding.TooLarge:
            raise BodyTooLarge() from None
        except ValueError:
            raise ApiError(422, "invalid", "ongeldig verzoek: body") from None
        headers = [
            (k, v) for k, v in scope["headers"] if k not in (b"content-encoding", b"content-length")
        ]
        headers.append((b"content-length", b"%d" % len(body)))
        delivered = False

        async def plain() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()  # a disconnect, when it comes
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        return {**scope, "headers": headers}, plain


def _packed(
    name: str | None, headers: list[tuple[bytes, bytes]], body: bytes
) -> tuple[list[tuple[bytes, bytes]], bytes]:
    """An answer's headers and body packed with ``name`` (the client's choice of ours)
    when it is worth it (``encoding.MIN_SIZE``), as they were otherwise."""
    if name is None or len(body) < encoding.MIN_SIZE:
        return headers, body
    body = encoding.encode(name, body)
    headers = [(k, v) for k, v in headers if k != b"content-length"] + [
        (b"content-encoding", name.encode()),
        (b"content-length", b"%d" % len(body)),
        (b"vary", b"accept-encoding"),
    ]
    return headers, body


def _compressing(send: Send, name: str | None) -> Send:
    """``send`` for an answer: says which request encodings the server takes, and packs
    the body with ``name`` (the client's choice of ours) when it is worth it."""
    start: Message | None = None
    parts: list[bytes] = []

    async def packed(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            headers.append((b"accept-encoding", encoding.ACCEPT.encode()))
            message = {**message, "headers": headers}
            if name is None or any(k == b"content-encoding" for k, _ in headers):
                await send(message)
                return
            start = message  # held until the body is whole
            return
        if start is None or message["type"] != "http.response.body":
            await send(message)
            return
        parts.append(message.get("body", b""))
        if message.get("more_body"):
            return
        headers, body = _packed(name, start["headers"], b"".join(parts))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return packed


async def _send_error(send: Send, exc: HTTPException) -> None:
    status, headers, body = _error_parts(exc)
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _error_parts(exc: HTTPException) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """An error answer's status, headers and body, written as Starlette's JSONResponse
    writes the routes' errors: the same bytes."""
    body = json.dumps(
        {"detail": exc.detail}, ensure_ascii=False, allow_nan=False, separators=(",", ":")
    ).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    headers += [(k.lower().encode(), v.encode()) for k, v in (exc.headers or {}).items()]
    return exc.status_code, headers, body


def _unexpected(exc: Exception) -> HTTPException:
    """The answer to an error no route answered: a body too large (413), no pooled
    connection free (503), anything else (500, nothing said of it)."""
    if isinstance(exc, BodyTooLarge):
        return exc
    if isinstance(exc, sa.exc.TimeoutError):
        return _busy()
    return ApiError(
        500,
        "server_error",
        "Er ging iets mis op de server. Er is niets verloren; probeer het later opnieuw.",
    )


# The code of a 503: every pooled connection stayed taken for the pool's timeout.
SERVER_BUSY = "server_busy"
BUSY_RETRY_AFTER = 2  # seconds


def _busy() -> ApiError:
    return ApiError(
        503,
        SERVER_BUSY,
        "De server is even druk. Er is niets verloren; probeer het zo opnieuw.",
        headers={"Retry-After": str(BUSY_RETRY_AFTER)},
    )


def _log_unexpected(scope: Scope, exc: Exception) -> None:
    """One line: the request's route, the exception's kind and where it was raised. Not
    its message or traceback (SQL parameters, values), not the path's record ids."""
    route = getattr(scope.get("route"), "path", None) or _ID.sub("-", scope.get("path", ""))
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "spt_server" in f.filename or "spt_desktop" in f.filename]
    where = ours[-1] if ours else (frames[-1] if frames else None)
    place = f"{where.filename.rsplit('/', 1)[-1]}:{where.lineno}" if where else "?"
    log.error(
        "Onverwachte fout bij %s %s: %s in %s",
        scope.get("method"),
        route,
        type(exc).__name__,
        place,
    )


class ErrorAnswer(BaseModel):
    """An error answer as sent: ``{"detail": {"code": ..., "message": ...}}``."""

    detail: p.ErrorBody


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorAnswer, "description": description}


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: _error("niet (meer) aangemeld"),
    403: _error("apparaat ingetrokken"),
}
# Answered by the middleware and the validation handler on any route: documented on all,
# in our shape (FastAPI would otherwise document its own 422 body, which we never send).
COMMON_ERRORS: dict[int | str, dict[str, Any]] = {
    413: _error("verzoek te groot"),
    415: _error("onbekende compressie (Content-Encoding)"),
    422: _error("ongeldig verzoek"),
    426: _error("deze versie van SPT Desktop is te oud voor de server: werk de app bij"),
    503: _error("server bezet (geen databaseverbinding vrij): opnieuw na Retry-After"),
}


class Server:
    """The app's state: the database and the token signing keys."""

    def __init__(self, db_url: str) -> None:
        self.engine = make_engine(db_url)  # refuses a database file others can read
        self.sessions: sessionmaker[Session] = session_factory(self.engine)
        # The keys of SPT_SIGNING_KEY_FILE / SPT_SIGNING_KEY, else the database's (made
        # and committed here if missing). A key file is watched (``key_watch`` below); the
        # environment's and the database's keys are read once (a change needs a restart).
        with self.sessions() as s, s.begin():
            self.key: security.KeyRing = signing_keys(s)
        self.clock: Callable[[], float] = time.monotonic
        # A key file is looked at again every second (``keys``): a key retired there
        # stops verifying in this process, its cached tokens with it, without a restart.
        self.key_watch = (
            security.KeyFileWatch(self.key, self.clock()) if self.key.path is not None else None
        )
        self.postgres = self.engine.dialect.name == "postgresql"
        # Device checks this process made for syncs: (account, device) -> (auth epoch,
        # caller, when). Trusted while the epoch, a counter every revocation moves
        # (db.bump_auth_epoch), is where it was, which each sync reads in the statement it
        # needs anyway (with its watermark): a revocation holds at the next request, in
        # every process, without a per-request query of account and device.
        self.checked: dict[tuple[str, str], tuple[int, store.Caller, float]] = {}
        # Access tokens this process verified (signature, claims): a device sends the same
        # token with every sync for up to ACCESS_TTL. Its expiry is still checked at every
        # use. Kept with the keys that verified them, the two replaced together when the
        # keys change (``keys``): a retired key's tokens are refused from then on, and
        # no thread can put a token verified by the keys of before among those of now.
        self.verified: tuple[security.KeyRing, dict[str, security.AccessClaims]] = (
            self.key,
            {},
        )
        # The sync times this process noted (``device.last_sync``): device -> its clock
        # when it did. A sync of a device noted less than NOTE_EVERY ago notes nothing
        # (``_note_due``): an idle sync then writes nothing at all. ``clock``: seconds,
        # monotonic (a test moves it).
        self.noted: dict[str, float] = {}
        # SQLite: per device, revisions (lo, hi] that its own pushes wrote, every one of
        # them, as this process saw them commit (``note_own``): its page past a cursor
        # in there reads only the records no device holds as stored (``pull.read_page``).
        self.own: dict[str, tuple[int, int]] = {}
        # The threads of the sync fast path (SyncFastPath): as many as the pool has
        # connections, like FastAPI's thread pool (_lifespan). Handing a sync to one costs
        # a third of what anyio's to_thread does (its limiter and cancel scope: 0.2 ms
        # of CPU per request, a fifth of an idle sync), and less than run_in_executor
        # (``Workers``).
        # Two lanes (``Workers``): a sync with nothing to send does not wait in line
        # behind the pushes, which hold a thread ~20 times as long (issue 18, round 10).
        n = pool_config()[0] if self.postgres else 40
        credit, long_max = lanes_from_env(n)
        self.threads = Workers(n, "spt-sync", credit=credit, long_max=long_max)
        # The watermarks and the auth epoch as of a poll at most marks.FRESH old: an idle
        # sync of a checked device answered without a statement (``_probed_answer``;
        # PostgreSQL; SPT_IDLE_MARKS=0: each idle sync reads them, as before).
        self.marks = (
            marks.Marks(self.engine)
            if self.postgres and os.environ.get(IDLE_MARKS_ENV, "1") != "0"
            else None
        )

    def keys(self) -> security.KeyRing:
        """The signing keys now: a key file's as it is (``security.KeyFileWatch``, one
        stat a second at most); when they changed, the tokens verified by the keys of
        before are forgotten (each is verified again, by the keys of now, at its next
        use). Keys of the environment or the database are those read at the start."""
        watch = self.key_watch
        if watch is None:
            return self.key
        ring = watch.current(self.clock())
        if ring is not self.key:
            self.verified = (ring, {})
            self.key = ring
        return ring

    @property
    def tokens(self) -> dict[str, security.AccessClaims]:
        """The access tokens verified by the keys of now (``verified``)."""
        return self.verified[1]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.sessions() as s, s.begin():
            yield s

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for a sync's pull. On PostgreSQL in autocommit: every statement
        reads its own snapshot, as under READ COMMITTED inside a transaction (the pull
        was built for that: ``pull.safe_upto``), without the BEGIN and COMMIT round
        trips. An idle sync is then one statement. On SQLite: a transaction."""
        if not self.postgres:
            with self.transaction() as s:
                yield s
            return
        with self.engine.connect() as conn:
            auto = conn.execution_options(isolation_level="AUTOCOMMIT")
            with Session(bind=auto, expire_on_commit=False) as s:
                yield s


# "0": no watermark cache (``Server.marks``): every idle sync reads them (for A/Bs).
IDLE_MARKS_ENV = "SPT_IDLE_MARKS"


# ``spt-server serve --workers N``: the database URL every worker process reads.
SERVE_DB_ENV = "SPT_SERVE_DB"


def app_from_env() -> FastAPI:
    """The app of one worker process (uvicorn's factory): the database of SPT_SERVE_DB."""
    app = create_app(os.environ[SERVE_DB_ENV])
    warm(app.state.server)
    settle_heap()
    return app


def warm(server: Server) -> None:
    """What the first sync of a serving process built while its laptop waited, built as
    the process starts, before it takes requests: SQLAlchemy's compiled statements of
    the device check (``_checked``), which every first sync of a device runs (the
    compiler's first use: the first check took 6.4-7.2 ms of CPU, the next 0.9-2.0 ms;
    issue 13, helper "gap16"). The protocol's validators are built by ``create_app``
    (the pydantic models of a cProfile of ``bench_push_server.py inproc`` are not the
    served app's). A read for a device that does not exist: nothing is written.
    For ``spt-server serve`` only, as ``settle_heap``: tests make apps over and over."""
    nobody = security.AccessClaims(str(uuid.uuid4()), str(uuid.uuid4()), 0)
    # Refused as any token of no device is: the statements are compiled all the same.
    with server.reader() as s, suppress(ApiError):
        _checked(server, s, nobody)


# The cyclic collector's youngest generation is collected once this many more objects
# (containers) were made than freed since its last collection; CPython's default is 700.
# A serving process's objects nearly all die young by their reference counts (a
# request's), so the count mostly swings with the requests in flight: at 200 devices
# on one worker the default collected ~23 times a second, 5 % of the server's CPU, and
# each collection holds the GIL (0.6-1.0 s of 8 s stalled, on a busy machine). At 10,000
# it collects when garbage with cycles has built up: a few times a minute, a few ms each
# (bench/SERVER.md, round 9). 100,000 since round 19: a push batch of
# ``p.MAX_BATCH_TAKEN`` (5,000) changes holds several containers a change while it is
# applied, so at 10,000 each batch went through young collections whose survivors (the
# batch itself) the older generations walked again: 76 M instructions of a 1k push at
# 5,000 a batch (36 M at 2,000), 26 M at 100,000 (22 M at 2,000; callgrind, bench/SYNC.md
# round 19).
# Garbage with cycles is rare here (a request's objects die by their reference counts):
# at most ~100,000 containers wait for a collection.
GC_YOUNG = 100_000


def settle_heap() -> None:
    """What a serving process made to start (its modules, the app, SQLAlchemy's and
    pydantic's tables: ~130,000 objects) lives as long as the process: frozen, so the
    cyclic collector's full collections no longer walk it. A push makes many objects, and
    each full collection walked them all: a fifth of a first push's server CPU (0.40 s
    per 1k candidates), 0.07 s after. The youngest generation is collected at GC_YOUNG.
    For ``spt-server serve`` only: a test process makes apps over and over."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Handlers run in a thread pool: no more at once than the database pool has
    connections (more would only wait for one, holding a thread)."""
    if app.state.server.postgres:
        anyio.to_thread.current_default_thread_limiter().total_tokens = pool_config()[0]
    yield
    app.state.server.threads.shutdown(wait=False)
    app.state.server.engine.dispose()


class Api(FastAPI):
    """FastAPI behind the server's own pure-ASGI layers (``front``: the Guard, the version
    handshake, the sync's fast path), in front of FastAPI's middleware stack rather than
    inside it: a sync the fast path answers no longer passes FastAPI's error, telemetry
    and body-limit layers (each a call and a wrapped ``send``; the telemetry's asks the
    environment three times a request). Every other request passes all of them, as
    before; an unexpected error is answered by the handler FastAPI's error layer calls
    (``_unexpected``: the Guard's answers) and logged by the Guard."""

    front: ASGIApp | None = None
    # ``POST /sync`` as the HTTP protocol takes it itself (``onewrite.OneWriteHttp``).
    sync_entry: SyncEntry | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.front is None:
            await super().__call__(scope, receive, send)
        else:
            await self.front(scope, receive, send)

    async def stack(self, scope: Scope, receive: Receive, send: Send) -> None:
        """FastAPI's own middleware stack and routes (behind ``front``)."""
        await super().__call__(scope, receive, send)


def create_app(db_url: str) -> FastAPI:
    """The API on the database at ``db_url`` (made with ``spt-server init``)."""
    server = Server(db_url)
    p.build_validators()  # built at import before: now by the server, not by its first push
    wire.build()
    app = Api(
        lifespan=_lifespan,
        title="SPT-server",
        version=__version__,
        description="Centrale server van SPT Desktop: accounts, apparaten en synchronisatie.",
        openapi_url=f"{p.API_PREFIX}/openapi.json",
        docs_url=f"{p.API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.server = server

    # The version handshake (spt_server/clients.py), inside the Guard: a refusal is
    # answered before the body is read and before any handler runs.
    # The fast path of a sync (SyncFastPath) inside both; FastAPI's stack inside it.
    versions = ClientVersions(SyncFastPath(app.stack, server=server))
    app.front = Guard(versions)
    # The same request, taken by ``spt-server serve``'s HTTP protocol itself (SyncEntry).
    app.sync_entry = SyncEntry(server, versions.policy)

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        # FastAPI's error layer answers with this, then raises the error on to the Guard,
        # which logs it (the answer is sent: it sends nothing more).
        error = _unexpected(exc)
        return JSONResponse({"detail": error.detail}, error.status_code, headers=error.headers)

    @app.exception_handler(StarletteHTTPException)
    async def refused(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail: Any = exc.detail
        status = exc.status_code
        if not isinstance(detail, dict):
            code, message = _PLAIN_ERRORS.get(status, ("error", "Verzoek geweigerd."))
            detail, status = {"code": code, "message": message}, 422 if status == 400 else status
        return JSONResponse({"detail": detail}, status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Name the fields, never echo the values (they may be personal data).
        where = sorted({".".join(str(x) for x in e.get("loc", ())) for e in exc.errors()})
        return JSONResponse(
            {"detail": {"code": "invalid", "message": "ongeldig verzoek: " + ", ".join(where)}},
            422,
        )

    _routes(app, server)
    _erasure_routes(app, server)
    from spt_server import coordination_api  # it imports this module's Auth and errors

    coordination_api.register(app, server)
    _document_common_errors(app)
    return app


def _document_common_errors(app: FastAPI) -> None:
    for route in app.routes:
        if isinstance(route, APIRoute):
            route.responses = {**COMMON_ERRORS, **route.responses}


def _caller(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> store.Caller:
    return _authenticate(request.app.state.server, authorization)


def _claims(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> security.AccessClaims:
    """The access token's claims, checked by its signature and expiry only: the device's
    state is checked in the request's transaction (``_checked``)."""
    return _token_claims(authorization, request.app.state.server.keys())


# Said in every sync answer and the login's: how big a push batch this server takes
# (changes, and the request body's bytes), so a client fills its batches up to it
# (spt_common.protocol).
# And that it takes a push without a pull page (``limit`` 0: ``pull.read_page``).
_BATCH_LIMITS = {
    p.HEADER_MAX_BATCH: str(p.MAX_BATCH_TAKEN),
    p.HEADER_MAX_BODY: str(MAX_BODY),
    p.HEADER_PAGE_OPTIONAL: "1",
}

# Module level: FastAPI resolves the (string) annotations of handlers in module globals.
Auth = Annotated[store.Caller, Depends(_caller)]
Claimed = Annotated[security.AccessClaims, Depends(_claims)]
# The push answer's form a sync asks for (p.HEADER_PUSH_ANSWER: "runs", the compact one).
PushAnswerForm = Annotated[str | None, Header(alias=p.HEADER_PUSH_ANSWER)]


def _routes(app: FastAPI, server: Server) -> None:
    @app.get(f"{p.API_PREFIX}/health", response_model=p.Health)
    def health() -> p.Health:
        return p.Health(status="ok", protocol=p.PROTOCOL_VERSION, version=__version__)

    @app.post(
        f"{p.API_PREFIX}/auth/login",
        response_model=p.TokenPair,
        responses={
            401: _error("onjuiste gegevens"),
            403: _error("apparaat ingetrokken of account uitgeschakeld"),
            429: _error("te veel pogingen"),
        },
    )
    def login(body: p.LoginRequest, request: Request, response: Response) -> p.TokenPair:
        # The peer address; behind nginx uvicorn has already put the client's address
        # there (--forwarded-allow-ips, docs/deploy.md): never X-Forwarded-For ourselves.
        address = request.client.host if request.client else ""
        pair = _login(server, body, address, _app_version(request))
        # The push limits, as a sync answer says them: a laptop that just logged in
        # builds its first push batch as big as this server takes and sends the second
        # behind it at once, not a first batch of p.MAX_BATCH alone (issue 13, gap16).
        response.headers.update(_BATCH_LIMITS)
        return pair

    @app.post(f"{p.API_PREFIX}/auth/refresh", response_model=p.TokenPair, responses=ERROR_RESPONSES)
    def refresh(body: p.RefreshRequest, request: Request) -> p.TokenPair:
        return _refresh(server, body.refresh_token, _app_version(request))

    @app.get(f"{p.API_PREFIX}/me", response_model=p.CoachInfo, responses=ERROR_RESPONSES)
    def me(who: Auth) -> p.CoachInfo:
        with server.transaction() as s:
            account = s.get(Account, who.account_id)
            assert account is not None
            return _coach_info(account)

    @app.post(
        f"{p.API_PREFIX}/sync",
        response_model=p.SyncResponse,
        responses={**ERROR_RESPONSES, 409: _error("batch-id van een ander")},
    )
    def sync(body: p.SyncRequest, claims: Claimed, answer: PushAnswerForm = None) -> Response:
        # The usual way in: what the fast path (SyncFastPath) leaves to FastAPI, and the
        # schema of the request and answer.
        runs = answer == p.PUSH_ANSWER_RUNS
        return Response(sync_answer(server, body, claims, runs), media_type="application/json",
                        headers=_BATCH_LIMITS)  # fmt: skip

    @app.get(
        f"{p.API_PREFIX}/records/{{entity}}/{{record_id}}",
        response_model=p.Record,
        responses={**ERROR_RESPONSES, 404: _error("niet gevonden")},
    )
    def record(entity: EntityName, record_id: p.Uuid, who: Auth) -> p.Record:
        with server.transaction() as s:
            found = pull.get_record(s, who, entity, record_id)
        if found is None:
            raise ApiError(404, "not_found", "Niet gevonden.")
        return found

    @app.get(
        f"{p.API_PREFIX}/monitor",
        response_model=monitor.MonitorReport,
        responses={**ERROR_RESPONSES, 422: _error("ongeldige periode of indeling")},
    )
    def spt_monitor(
        who: Auth,
        start: Annotated[date, Query(description=monitor.DATE_RANGE)],
        end: Annotated[date, Query(description=monitor.DATE_RANGE)],
        by: monitor.Dimension | None = None,
        spt: p.CodeStr | None = None,
    ) -> monitor.MonitorReport:
        """De lekkende pijplijn van het SPT (coördinator, beheerder); aantallen onder 5: "<5"."""
        try:
            with server.transaction() as s:
                return monitor.answer(s, who.account_id, who.spt, start, end, by, spt)
        except monitor.MonitorRefused as exc:
            raise ApiError(exc.status, exc.code, exc.message) from None


def sync_answer(
    server: Server, body: p.AnySync, claims: security.AccessClaims, runs: bool = False
) -> bytes:
    """The JSON of a sync's answer (a ``SyncResponse``): push ``body.batch`` if any, then
    a page past the cursor. Blocking (the database): run in a worker thread. ``runs``:
    the push's results in the compact form (``p.HEADER_PUSH_ANSWER``).

    The sync's time is noted on the device (``device.last_sync``) by every push, and by
    a sync without one only when this process has not noted one of the device for
    NOTE_EVERY seconds (``_note_due``): the coordinator's view is right to within that,
    and an idle sync writes nothing."""
    when = server.clock()
    due = body.batch is not None or _note_due(server, claims.device_id, when)
    probed = _idle_answer(server, body, claims, due, when)
    if isinstance(probed, bytes):
        return probed
    result = None
    stamped = False
    page = None
    if body.batch is not None:
        good = _good_cursor(body.cursor)
        try:
            with server.transaction() as s:
                # The sync's time is noted in the push's own transaction (a transaction
                # of its own was a second commit for every batch): on PostgreSQL by the
                # push's first statement (``noted``), on SQLite here, as a fixed
                # statement (coordination.note_sync's, past the ORM). A push that
                # committed is a sync the server answered for the device's data,
                # whatever becomes of the page after it.
                now = utcnow() if server.postgres and good else None
                who, result = _push(server, s, claims, body.batch, now, runs)
                if good:
                    if not server.postgres:
                        store.note_sync_lite(s, who.device_id)
                    stamped = True
                    if not body.limit:
                        # No page asked (a first push's batches but the last): it reads
                        # nothing, so no reader's transaction and second check of the
                        # caller after the push's (store.admitted, after the lock).
                        page = pull.pull_json(s, who, body.cursor, 0)
                # Pushed: its changes are freed by another thread while this one waits
                # for the commit (``let_go``).
                let_go(body.batch)
            if stamped:
                _noted(server, who.device_id, when)
            if server.postgres:
                store.housekeep(server.engine)
                # Her other devices will receive this: their syncs probe with the page.
                pull.note_mark(who.account_id, _newest(result))
                if page is None and stamped:
                    # The page past her cursor as an idle sync's: one read-only
                    # statement on a pooled connection (the probe with the page), where
                    # the reader's session sent two (its prelude, then its rows).
                    after = _after_push(server, who, body)
                    if isinstance(after, bytes):
                        page = after
                    elif after is not None:
                        probed = after
            else:
                note_own(server, who.device_id, result.span)  # committed
        except store.BatchIdInUse:
            raise ApiError(409, p.ERR_BATCH_CONFLICT, "Deze batch-id is al gebruikt.") from None
        except store.DeviceRevoked:
            # Revoked (or her account deactivated) after the check: told as at the check,
            # and checked again next time.
            server.checked.pop((claims.account_id, claims.device_id), None)
            raise ApiError(403, p.ERR_DEVICE_REVOKED, "Dit apparaat is ingetrokken.") from None
    if page is not None:
        return _sync_json(who, result, page)
    try:
        pull.parse_cursor(body.cursor)  # a bad one is refused before anything is noted
        with server.reader() as s:
            if probed is not None:
                # The idle probe checked the device, stamped the sync if due and found
                # something new for her: not asked again.
                who, mark = probed
            elif result is not None and server.postgres:
                # Checked in the push's transaction, after its lock (store.admitted),
                # and the sync's time noted there: the page reads her watermark.
                mark = None
            else:
                who, mark = _checked(server, s, claims, stamp=server.postgres and due)
            own = None if server.postgres else server.own.get(who.device_id)
            page = pull.pull_json(s, who, body.cursor, body.limit, mark, own=own)
            if server.postgres and due and mark is None and not stamped:
                # Not stamped with the check (see _checked): stamped now, not waited
                # for on disk (a lost stamp after a crash is a sync time a bit older).
                s.execute(sa.select(sa.func.set_config("synchronous_commit", "off", True)))
                coordination.note_sync(s, who.device_id)
        if server.postgres and due and probed is None and not stamped:
            _noted(server, who.device_id, when)  # by one of the two above, committed
        if not server.postgres and not stamped and due:
            # Stamped after the page is read, in a transaction of its own: the page's
            # read stays a reader (SQLite lets a reader run beside a writer, and a
            # duplicated request no longer makes two writers), and a failed sync
            # still leaves the old time.
            with server.transaction() as s:
                coordination.note_sync(s, who.device_id)
            _noted(server, who.device_id, when)
    except pull.BadCursor:
        raise ApiError(422, p.ERR_BAD_CURSOR, "Ongeldige cursor.") from None
    # Written once, here: FastAPI would dump, validate again and dump again a page of
    # up to 1,000 records, and the page's records are stored as the JSON they travel
    # as (pull.pull_json). The schema is still the response_model's (SyncResponse,
    # its fields in its order; tests/server check the two agree).
    return _sync_json(who, result, page)


# How late ``device.last_sync`` may be, in seconds: a coordinator reads it as "laatst
# gesynchroniseerd" of a laptop, and half a minute late changes nothing for her (the
# product's decision, issue 18). A sync of a device this process noted less than this
# ago does not write it again; a first sync (of this process), one this long or longer
# after the last note, and every push do. The same order as CHECK_TTL.
NOTE_EVERY = 30.0


def _note_due(server: Server, device_id: str, when: float) -> bool:
    """Whether a sync of ``device_id`` at ``when`` (``server.clock``) is to be noted:
    this process has not noted one of hers for NOTE_EVERY seconds."""
    last = server.noted.get(device_id)
    return last is None or when - last >= NOTE_EVERY


def note_own(server: Server, device_id: str, span: tuple[int, int] | None) -> None:
    """A push of ``device_id`` committed on SQLite, having written every revision in
    ``span`` (first, last]: the counter when it took the writers' lock, and as it left
    it. Every record stored at one of them is as that device pushed it
    (``synced_device``) or as no device holds it (NULL: made, merged or corrected by
    the server): ``synced_device`` names a device only when a push of that device
    writes the record, at a revision of its own. ``Server.own`` keeps one run a device:
    extended when the push starts where the run ends (no one took a revision between:
    SQLite has one writer, and every writer takes its revisions from the counter), else
    begun anew. A push this process did not see (another worker, an admin's change,
    another device) leaves a gap, and the page reads as before; a run once passed by
    the counter covers no page again (a page reads up to the counter). Two notes of one
    device at once can only lose a run, not make a false one: each is extended only
    from the end it read."""
    if span is None:
        return
    first, last = span
    if len(server.own) > 100_000:  # bounded, as the checks: a miss only reads more
        server.own.clear()
    lo, hi = server.own.get(device_id, (first, first))
    server.own[device_id] = (lo if hi == first else first, last)


def _noted(server: Server, device_id: str, when: float) -> None:
    """A sync of ``device_id`` was noted (committed) by a decision taken at ``when``.
    (Two syncs of one device at once: the later to finish wins; an earlier ``when`` only
    makes the next note come sooner.)"""
    if len(server.noted) > 100_000:  # bounded, as the checks: a miss only writes
        server.noted.clear()
    server.noted[device_id] = when


class Litter:
    """A thread that frees what the sync threads let go of (``let_go``), started with
    the first. Freeing takes the GIL whichever thread does it; here it runs while the
    sync thread waits for its commit without it (SQLite's WAL write and fdatasync,
    PostgreSQL's answer: the driver lets go of the GIL), where that thread did it after
    its answer was made, with the client waiting for that answer."""

    def __init__(self) -> None:
        self.queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.thread: threading.Thread | None = None
        self.lock = threading.Lock()

    def drop(self, thing: Any) -> None:
        """``thing`` freed by the thread (the caller keeps no reference to it)."""
        if self.thread is None:
            with self.lock:
                if self.thread is None:
                    self.thread = threading.Thread(
                        target=self._free, name="spt-litter", daemon=True
                    )
                    self.thread.start()
        self.queue.put(thing)

    def _free(self) -> None:
        get = self.queue.get
        while True:
            thing = get()
            del thing  # the last reference: freed here


LITTER = Litter()
# A batch with fewer changes is freed where it is (a wake-up of the litter thread costs
# more than a few changes).
LITTER_MIN = 64


def let_go(batch: p.AnyBatch | None) -> None:
    """A pushed batch's changes (their structs or models, field dicts and values) handed
    to ``LITTER`` and taken from ``batch``: called in the push's transaction before its
    commit, after the last use of them. Freed at the end of the sync thread's call, a
    first push's batch of 2,000 changes (~35,000 objects) took 1.3-1.5 ms of that
    thread's CPU a batch between its answer being made and the event loop having it,
    with the client waiting (10k first push: ~0.28 s on the serial path; issue 13,
    round 18, helper "hand18"). Now they are freed while this thread waits for the
    commit's fdatasync (a few ms on SQLite, synchronous FULL); a commit that returns
    sooner waits at most for the rest of that freeing, as it waited for all of it
    before."""
    if batch is None:
        return
    changes = batch.changes
    if not isinstance(changes, list) or len(changes) < LITTER_MIN:
        return
    batch.changes = []
    LITTER.drop(changes)


def _sync_json(who: store.Caller, result: store.Pushed | None, page: bytes) -> bytes:
    """A ``SyncResponse``'s JSON of its parts (see ``sync_answer``)."""
    push = result.json.encode() if result is not None else b"null"
    head = f'{{"protocol":{p.PROTOCOL_VERSION},"coach_id":{json.dumps(who.account_id)},'
    return b"".join((head.encode(), b'"push":', push, b',"pull":', page, b"}"))


def _push(
    server: Server,
    s: Session,
    claims: security.AccessClaims,
    batch: p.AnyBatch,
    noted: datetime | None = None,
    runs: bool = False,
) -> tuple[store.Caller, store.Pushed]:
    """The caller checked and her batch pushed, in the transaction of ``s``. On
    PostgreSQL a device this process checked is trusted at the auth epoch the push's
    first statement reads (``push_answer``'s ``epoch``): one statement less a push. If
    it moved, that push wrote nothing (it took the writers' shared lock, which it keeps)
    and the caller is checked as any other (``_checked``), in the same transaction.
    ``noted`` (PostgreSQL): the sync's time, noted on the device by the push's first
    statement (``push_answer``)."""
    known = server.checked.get((claims.account_id, claims.device_id))
    if server.postgres and known is not None and time.monotonic() - known[2] < CHECK_TTL:
        try:
            return known[1], store.push_answer(
                s, known[1], batch, epoch=known[0], noted=noted, runs=runs
            )
        except store.StaleCheck:
            pass
    who, _mark = _checked(server, s, claims)
    return who, store.push_answer(s, who, batch, noted=noted, runs=runs)


def _newest(result: store.Pushed) -> int:
    """The newest revision a push wrote (0: none)."""
    revs = (r.rev if isinstance(r, p.ChangeResult) else r[1] for r in result.results)
    return max((r for r in revs if r is not None), default=0)


def _good_cursor(cursor: str | None) -> bool:
    """The cursor parses (a bad one is answered 422, nothing noted)."""
    try:
        pull.parse_cursor(cursor)
    except pull.BadCursor:
        return False
    return True


def _idle_answer(
    server: Server, body: p.AnySync, claims: security.AccessClaims, due: bool, when: float
) -> bytes | tuple[store.Caller, int] | None:
    """The answer of a sync with nothing to send (PostgreSQL) whose device this process
    checked, when the auth epoch is where it was: one statement (``pull.probe_page``:
    epoch, watermark, the sync's time if ``due`` (``_note_due``; else the statement
    writes nothing: no transaction id, no WAL, no commit), and when the watermark is
    past the cursor the page's prelude and, if they are all it needs, the page's rows;
    a page of another shape than guessed is one more, ``pull.quick_page``), on one
    pooled connection as psycopg has it, in autocommit: through SQLAlchemy's session
    the same statements cost twice the CPU. None: not such a sync, or not sure;
    ``sync_answer``'s usual path answers it (and says why it refuses, if it does).

    (caller, watermark): the probe passed (device checked, epoch unmoved, sync stamped
    if due) but the page needs more than its rows (a purge): the usual path reads it without
    asking again (the probe's statement once more was a fifth of such a sync's CPU)."""
    if body.batch is not None or not server.postgres:
        return None
    known = server.checked.get((claims.account_id, claims.device_id))
    if known is None or time.monotonic() - known[2] >= CHECK_TTL:
        return None
    answer = _probed_answer(server, known[1], known[0], body, utcnow() if due else None)
    if answer is not None and due:
        _noted(server, known[1].device_id, when)
    return answer


def _after_push(
    server: Server, who: store.Caller, body: p.AnySync
) -> bytes | tuple[store.Caller, int] | None:
    """The page after a push (PostgreSQL, its sync's time noted in the push's
    transaction), read as an idle sync's (``_probed_answer``, nothing noted): the page's
    JSON, or (caller, watermark) for the usual path to read the page with, or None (the
    usual path answers). ``who`` was checked in the push's transaction, after its lock
    (``store.admitted``); the probe reads the epoch again all the same."""
    known = server.checked.get((who.account_id, who.device_id))
    if known is None or known[1] != who:
        return None
    return _probed_answer(server, who, known[0], body, None, page_only=True)


def _probed_answer(
    server: Server,
    caller: store.Caller,
    epoch: int,
    body: p.AnySync,
    now: datetime | None,
    *,
    page_only: bool = False,
) -> bytes | tuple[store.Caller, int] | None:
    """``_idle_answer``'s statements for ``caller`` checked at ``epoch``, the sync's time
    ``now`` noted (None: nothing written): the answer's JSON (``page_only``: the page's
    alone), (caller, watermark) or None (see ``_idle_answer``)."""
    try:
        rev, rid = pull.parse_cursor(body.cursor)
    except pull.BadCursor:
        return None
    if rid:
        return None
    expects = bool(body.limit) and pull.expects_page(caller.account_id, rev)
    # Nothing to note and no page expected: the watermarks in memory (``Server.marks``)
    # answer "nothing new" without a statement while their poll is fresh.
    cache = server.marks if now is None and not page_only and not expects else None
    seen = None if cache is None else cache.seen(store.marks_of(caller), epoch, rev)
    if seen:
        return _nothing_new(caller, rev)
    raw = server.engine.raw_connection()
    try:
        conn = On(raw.driver_connection, server.engine)  # psycopg's (PostgreSQL only)
        conn.driver.autocommit = True  # no BEGIN/COMMIT round trips; as Server.reader
        try:
            if cache is not None and seen is None:
                # Too old: this sync polls (in place of its probe; not if another thread
                # is polling), then reads what the poll, or one less than LIVE old, says.
                polled = cache.poll(conn)
                keys = store.marks_of(caller)
                seen = (
                    cache.seen(keys, epoch, rev, marks.LIVE)
                    if polled is None
                    else cache.answer(polled, keys, epoch, rev)
                )
            found: pull.Probe | None
            page: pull.Page | None
            if seen:
                found, page = None, pull.Page(rows=[], purge=[], cursor=str(rev), more=False)
            elif body.limit and (expects or seen is False):
                # The probe and, when its rows are all the page needs, the page.
                found, page = pull.probe_page(conn, caller, epoch, rev, now, body.limit)
            else:
                found, page = pull.probe(conn, caller, epoch, rev, now), None
            if found is None:
                pass  # the poll answered: nothing new, the epoch where it was
            elif found.epoch != epoch or not found.stamped:
                return None  # not checked, or not stamped (the device row is gone): ask again
            elif found.before is None:  # her watermark is at or below the cursor
                page = pull.Page(rows=[], purge=[], cursor=str(rev), more=False)
            elif body.limit and page is None:
                page = pull.quick_page(conn, caller, rev, body.limit, found.before)
        finally:
            conn.driver.autocommit = False
    except Exception:  # what a lost connection raises depends on the moment
        raw.invalidate()
        return None  # the usual path runs on a fresh connection
    finally:
        raw.close()
    if page is None:
        assert found is not None
        return caller, found.mark
    if page_only:
        return pull.page_json(page)
    head = f'{{"protocol":{p.PROTOCOL_VERSION},"coach_id":{json.dumps(caller.account_id)},'
    return b"".join((head.encode(), b'"push":null,"pull":', pull.page_json(page), b"}"))


def _nothing_new(caller: store.Caller, rev: int) -> bytes:
    """An idle sync's answer: nothing past her plain cursor ``rev``, the cursor where it
    was (as ``_probed_answer`` writes it)."""
    head = f'{{"protocol":{p.PROTOCOL_VERSION},"coach_id":{json.dumps(caller.account_id)},'
    tail = f'"push":null,"pull":{{"records":[],"purge":[],"cursor":"{rev}","more":false}}}}'
    return (head + tail).encode()


_SYNC_PATH = f"{p.API_PREFIX}/sync"
_SYNC_HEADERS = [(b"content-type", b"application/json")] + [
    (k.lower().encode(), v.encode()) for k, v in _BATCH_LIMITS.items()
]


# A sync body up to this many bytes is taken for one with nothing to send (the short
# lane of the sync threads, ``Workers``): ``{"cursor":"…","limit":…}`` is ~50 bytes, a
# push of one change some hundreds. Only the order in which the threads take syncs
# depends on it; a guess wrong either way is answered the same.
SHORT_BODY = 200


class SyncFastPath:
    """Pure ASGI: ``POST /sync`` with a JSON body that is a valid ``SyncRequest`` and a
    token that is, answered without FastAPI's routing, dependencies and models (about
    half of an idle sync's CPU went there; issue 18). The same ``sync_answer`` as the
    route, in the same thread pool, behind the same Guard and version handshake.

    Anything else goes to FastAPI as it came (the body handed on unread or replayed): a
    body that does not validate gets the route's 422, a missing or foreign content type
    its usual answer, so the answers and the OpenAPI schema are the route's."""

    def __init__(self, app: ASGIApp, server: Server) -> None:
        self.app = app
        self.server = server

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != _SYNC_PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        authorization = content_type = None
        runs = False
        for name, value in scope["headers"]:
            if name == b"authorization":
                authorization = value.decode("latin-1")
            elif name == b"content-type":
                content_type = value
            elif name == _PUSH_ANSWER_HEADER:
                runs = value == _RUNS
        if content_type is None or not content_type.startswith(b"application/json"):
            await self.app(scope, receive, send)
            return
        raw, message = await _whole_body(receive)
        if message is not None:  # the client left mid-body: FastAPI sees it as it was
            await self.app(scope, _replay(raw, receive, message), send)
            return
        threads = self.server.threads
        run = threads.run if len(raw) <= SHORT_BODY else threads.run_long
        try:
            answer = await run(_read_and_answer, self.server, raw, authorization, runs)
        except ApiError as exc:
            await _send_error(send, exc)
            return
        if answer is None:  # not a valid body: the route words the 422
            await self.app(scope, _replay(raw, receive), send)
            return
        headers = [*_SYNC_HEADERS, (b"content-length", b"%d" % len(answer))]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": answer})


# What a request to the protocol's own sync path (``SyncEntry``) carries, of its headers:
# its token (the Authorization header's value), the encoding its answer is packed with
# (``encoding.pick`` of its Accept-Encoding; None: plain), whether the handshake
# recommends an update (``clients.ClientVersions``: ``X-SPT-Update: recommended``), and
# whether it asks for its push's results in the compact form (``p.HEADER_PUSH_ANSWER``).
Admitted = tuple[str | None, str | None, bool, bool]
_PUSH_ANSWER_HEADER = p.HEADER_PUSH_ANSWER.encode()
_RUNS = p.PUSH_ANSWER_RUNS.encode()
_CLIENT_HEADER = p.CLIENT_VERSION_HEADER.lower().encode()
_PROTOCOL_HEADER = p.PROTOCOL_HEADER.lower().encode()
_ADVISED = (p.UPDATE_HEADER.lower().encode(), p.UPDATE_RECOMMENDED.encode())
_ACCEPT = (b"accept-encoding", encoding.ACCEPT.encode())
_SYNC_ROUTE = {"method": "POST", "path": _SYNC_PATH}  # for _log_unexpected
# The headers SyncEntry.admit reads, by name (one lookup a header).
_ADMIT = {
    b"authorization": 0,
    b"content-type": 1,
    b"content-length": 2,
    b"content-encoding": 3,
    b"accept-encoding": 4,
    _CLIENT_HEADER: 5,
    _PROTOCOL_HEADER: 6,
    b"transfer-encoding": 7,
    _PUSH_ANSWER_HEADER: 8,
}


class SyncEntry:
    """``POST /sync`` taken by the HTTP protocol itself (``onewrite.OneWriteHttp``), not
    through ASGI: the request's task, the layers' coroutines and closures (the proxy
    headers', the Guard's, the handshake's, ``SyncFastPath``'s), their messages and the
    answer's checks by regular expression were half of an idle sync's instructions on
    the event loop (issue 18, round 11). The same ``_read_and_answer`` in the same
    threads; the same answers, byte for byte, as the Guard, the handshake and
    ``SyncFastPath`` give.

    Only a request those layers would pass on as it is: a JSON content type, a
    Content-Length (one) within the body limit, no Transfer-Encoding (a chunked body is
    counted by the Guard as it streams in), no Content-Encoding but identity (the Guard
    unpacks, bounded), a client the handshake lets through (one it refuses gets its 426
    there); the protocol also leaves it ``Expect: 100-continue``, an upgrade and a request
    pipelined behind an unanswered one. Anything else, and a body that is no valid
    ``SyncRequest`` (the route words its 422), goes the ASGI way as it came."""

    route = _SYNC_PATH
    path = _SYNC_PATH.encode()
    # The usual answer's headers but its length (a 200 in JSON, plain: ``answer``'s), and
    # what follows its length: the Guard's Accept-Encoding, as the headers' lines.
    ok_headers = _SYNC_HEADERS
    ok_tail = b"%s: %s\r\n" % _ACCEPT

    def __init__(self, server: Server, policy: ClientPolicy, max_body: int = MAX_BODY) -> None:
        self.server = server
        self.policy = policy
        self.max_body = max_body
        # The handshake's advice by (version, protocol) header values, and the answer's
        # encoding by Accept-Encoding value: a few distinct values (bounded all the same).
        self.advice: dict[tuple[bytes | None, bytes | None], str | None] = {}
        self.picks: dict[bytes, str | None] = {}

    def admit(self, headers: list[tuple[bytes, bytes]]) -> Admitted | None:
        """What the protocol needs of a ``POST /sync``'s (lower-cased) headers to answer it
        itself, or None: the ASGI way answers it."""
        authorization = content_type = length = version = proto = accept = None
        runs = False
        for name, value in headers:
            kind = _ADMIT.get(name)
            if kind is None:
                continue
            if kind == 0:
                authorization = value
            elif kind == 1:
                content_type = value
            elif kind == 2:
                if length is not None or not value.isdigit() or int(value) > self.max_body:
                    return None
                length = value
            elif kind == 3:
                if value.strip().lower() not in (b"", b"identity"):
                    return None
            elif kind == 4:
                accept = value
            elif kind == 5:
                version = value
            elif kind == 6:
                proto = value
            elif kind == 8:
                runs = value == _RUNS
            else:  # Transfer-Encoding
                return None
        if length is None or content_type is None:
            return None
        if not content_type.startswith(b"application/json"):
            return None
        advice = None
        if proto is not None or self.policy.active:
            key = (version, proto)
            if key in self.advice:
                advice = self.advice[key]
            else:
                advice = p.update_advice(
                    version.decode("latin-1") if version is not None else None,
                    proto.decode("latin-1") if proto is not None else None,
                    minimum=self.policy.minimum,
                    recommended=self.policy.recommended,
                )
                if len(self.advice) > 1000:
                    self.advice.clear()
                self.advice[key] = advice
            if advice == p.UPDATE_REQUIRED:
                return None
        packed = None
        if accept:
            if accept in self.picks:
                packed = self.picks[accept]
            else:
                packed = encoding.pick(accept.decode("latin-1"))
                if len(self.picks) > 1000:
                    self.picks.clear()
                self.picks[accept] = packed
        token = authorization.decode("latin-1") if authorization is not None else None
        return token, packed, advice == p.UPDATE_RECOMMENDED, runs

    def start(
        self,
        loop: Any,
        raw: bytes,
        admitted: Admitted,
        done: Callable[[Any, BaseException | None], None],
    ) -> None:
        """The sync's work (``_read_and_answer``) handed to the sync threads, in the lane
        its body's length says (as ``SyncFastPath``); ``done`` called on ``loop`` after."""
        try:
            self.server.threads.call(
                loop, len(raw) > SHORT_BODY, done, _read_and_answer, self.server, raw,
                admitted[0], admitted[3],
            )  # fmt: skip
        except RuntimeError as exc:  # the threads shut down (the server stops): its 500
            done(None, exc)

    def answer(
        self, admitted: Admitted, result: bytes | None, exc: BaseException | None
    ) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        """The answer's status, headers and body for ``_read_and_answer``'s result or
        exception, as the ASGI layers write it; None: a body that is no valid
        ``SyncRequest`` (the ASGI way answers it: the route's 422)."""
        if exc is None:
            if result is None:
                return None
            status, headers, body = (
                200,
                [*_SYNC_HEADERS, (b"content-length", b"%d" % len(result))],
                result,
            )
        elif isinstance(exc, ApiError):  # as SyncFastPath sends it, through the layers
            status, headers, body = _error_parts(exc)
        elif isinstance(exc, Exception):  # as the Guard: logged by kind and place only
            if isinstance(exc, sa.exc.TimeoutError):
                log.warning("Server bezet: geen databaseverbinding vrij (%s)", "POST")
            else:
                _log_unexpected(_SYNC_ROUTE, exc)
            return _error_parts(_unexpected(exc))  # without the layers' headers, as there
        else:
            raise exc  # not an error to answer (KeyboardInterrupt, SystemExit)
        # The handshake's advice, then what the Guard's _compressing does to every answer.
        if admitted[2]:
            headers.append(_ADVISED)
        headers.append(_ACCEPT)
        headers, body = _packed(admitted[1], headers, body)
        return status, headers, body


def _read_and_answer(
    server: Server, raw: bytes, authorization: str | None, runs: bool = False
) -> bytes | None:
    """``SyncFastPath``'s work in its thread: the body read (``wire.parse_sync``), the
    token checked, the answer (``sync_answer``, its push's results compact if ``runs``);
    None for a body that is not a valid
    ``SyncRequest``. The body is read here, not on the event loop: with one GIL the loop's
    parse of the next batch and this thread's push took turns, and the push waited for
    its hand-over after the parse (bench/SYNC.md, round 10, pushgap)."""
    try:
        body = wire.parse_sync(raw)
    except ValueError:  # pydantic's ValidationError
        return None
    return sync_answer(server, body, _sync_claims(server, authorization), runs)


async def _whole_body(receive: Receive) -> tuple[bytes, Message | None]:
    """The request's body (the Guard outside bounds it), and the message that ended it
    early (a disconnect), if one did."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks), message
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks), None


def _replay(body: bytes, receive: Receive, last: Message | None = None) -> Receive:
    """``receive`` for a request whose body was read already: the body once (then the
    message that ended it, if any), then whatever the client sends next."""
    pending: list[Message] = [{"type": "http.request", "body": body, "more_body": last is not None}]
    if last is not None:
        pending.append(last)

    async def replayed() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replayed


# --- erasure (AVG art. 17): spt_server.privacy --------------------------------------


def _erasure_routes(app: FastAPI, server: Server) -> None:
    @app.post(
        f"{p.API_PREFIX}/candidates/{{candidate_id}}/erase",
        status_code=204,
        response_class=Response,
        responses={
            **ERROR_RESPONSES,
            403: _error("geen coördinator of beheerder van het SPT van de kandidaat"),
            404: _error("niet gevonden"),
        },
    )
    def erase_candidate(candidate_id: p.Uuid, who: Auth) -> Response:
        """Wis een kandidaat (AVG art. 17): alles over haar wordt een grafsteen zonder
        inhoud, en elk apparaat dat haar heeft wist haar bij de volgende synchronisatie.
        Voor coördinatoren en beheerders van haar SPT."""
        from spt_server import privacy

        try:
            with server.transaction() as s:
                privacy.check_eraser(s, who.account_id, candidate_id)
                privacy.erase(s, candidate_id, actor=who.account_id)
        except privacy.NotAllowed:
            raise ApiError(
                403, "forbidden", "Alleen een coördinator of beheerder van haar SPT kan wissen."
            ) from None
        except privacy.NotFound:
            raise ApiError(404, "not_found", "Niet gevonden.") from None
        return Response(status_code=204)


def _coach_info(account: Account) -> p.CoachInfo:
    return p.CoachInfo(
        id=account.id,
        name=account.name,
        email=account.email,
        roles=[r for r in account.roles.split(",") if r],
        spt=account.spt,
    )


def _authenticate(server: Server, authorization: str | None) -> store.Caller:
    claims = _token_claims(authorization, server.keys())
    with server.transaction() as s:
        return _check_device(s, claims)


def _token_claims(
    authorization: str | None, key: security.KeyRing | None = None
) -> security.AccessClaims:
    if not authorization or not authorization.startswith("Bearer "):
        raise ApiError(401, p.ERR_TOKEN_INVALID, "Niet aangemeld.")
    if key is None:
        raise AssertionError  # pragma: no cover (the dependency passes the server's)
    try:
        return security.read_access(key, authorization[7:])
    except security.TokenError as exc:
        raise ApiError(401, exc.code, "Niet (meer) aangemeld.") from None


def _sync_claims(server: Server, authorization: str | None) -> security.AccessClaims:
    """``_token_claims`` of a sync's token, from this process's earlier check of the same
    token while it has not expired (the HMAC, base64 and JSON of every request, a tenth
    of an idle sync's CPU in the event loop)."""
    token = authorization[7:] if authorization and authorization.startswith("Bearer ") else ""
    server.keys()  # first: keys that changed forget the tokens verified before
    keys, tokens = server.verified  # the tokens and the keys that verified them, together
    known = tokens.get(token)
    if known is not None and known.expires >= time.time():
        return known
    claims = _token_claims(authorization, keys)
    if len(tokens) > 50_000:  # bounded: a token is renewed every ACCESS_TTL
        tokens.clear()
    tokens[token] = claims
    return claims


def _check_device(s: Session, claims: security.AccessClaims) -> store.Caller:
    """The account and device of a valid token, still allowed (one query)."""
    row = s.execute(
        sa.select(Account, Device)
        .join(Device, Device.account_id == Account.id)
        .where(Device.id == claims.device_id, Account.id == claims.account_id)
    ).first()
    if row is None:
        raise ApiError(401, p.ERR_TOKEN_INVALID, "Niet aangemeld.")
    account, device = row
    _refuse_revoked(account, device)
    if device.family_id is None:
        # Its session ended (a refresh token was reused): log in again.
        raise ApiError(401, p.ERR_TOKEN_INVALID, "Niet (meer) aangemeld.")
    return store.Caller(account.id, account.spt, device.id)


# The probe of a sync whose device check is cached: the auth epoch and the newest of the
# caller's three watermarks (pull.watermark_query, written out: built and keyed anew for
# every request it cost more than the query). _PROBE_STAMP also notes the sync's time
# (PostgreSQL, see _checked).
_MARK = "coalesce((SELECT max(rev) FROM watermark WHERE key = :{}), 0)"
_MARKS = ", ".join(_MARK.format(k) for k in ("k1", "k2", "k3"))
_EPOCH = "(SELECT value FROM counter WHERE name = 'auth')"
_PROBE_PG = sa.text(f"SELECT {_EPOCH}, greatest({_MARKS})")
_PROBE_LITE = f"SELECT {_EPOCH}, max({_MARKS})"
_PROBE_STAMP = sa.text(
    "WITH noted AS (UPDATE device SET last_sync = :now WHERE id = :device AND "
    f"{_EPOCH} = :epoch RETURNING id) SELECT {_EPOCH}, greatest({_MARKS}), "
    "(SELECT count(*) FROM noted), set_config('synchronous_commit', 'off', true)"
)

# Seconds a device check is trusted even while the epoch stays: a bound for a change
# that refuses a device without moving the epoch (none is known; see bump_auth_epoch).
CHECK_TTL = 30.0


def _checked(
    server: Server, s: Session, claims: security.AccessClaims, *, stamp: bool = False
) -> tuple[store.Caller, int | None]:
    """The caller of a sync, checked in its transaction: from this process's check of
    the device when the auth epoch has not moved since (the epoch and the caller's
    watermark in one statement, which the pull needs anyway), else from the database.
    Returns the caller and her watermark (None: not read).

    ``stamp`` (PostgreSQL): the same statement notes the sync's time on the device (what
    ``coordination.note_sync`` does), only if the epoch is the cached one, and without
    waiting for the disk; done when the watermark comes back (not None)."""
    key = (claims.account_id, claims.device_id)
    known = server.checked.get(key)
    now = time.monotonic()
    if known is not None and now - known[2] < CHECK_TTL:
        epoch, caller = known[0], known[1]
        keys = store.marks_of(caller)
        params: dict[str, Any] = {"k1": keys[0], "k2": keys[1], "k3": keys[2]}
        if stamp:
            params |= {"device": caller.device_id, "epoch": epoch, "now": utcnow()}
        if server.postgres or stamp:
            probe = _PROBE_STAMP if stamp else _PROBE_PG
            current, mark, *_ = s.execute(probe, params).one()
        else:  # a fixed statement on the sqlite3 connection (raw.lite): no SQLAlchemy text
            current, mark = lite(s.connection(), _PROBE_LITE, params)[0]
        if current == epoch:
            return caller, int(mark)
    epoch_q = sa.select(Counter.value).where(Counter.name == store.AUTH).scalar_subquery()
    epoch = s.execute(sa.select(epoch_q)).scalar_one()
    caller = _check_device(s, claims)
    if len(server.checked) > 100_000:  # bounded: devices of a large SPT fit many times
        server.checked.clear()
    server.checked[key] = (int(epoch), caller, now)
    return caller, None


def _refuse_revoked(account: Account, device: Device) -> None:
    """A revoked device, or any device of a deactivated account (deactivation revokes
    them all), is told so whatever it presents: the answer makes the client wipe."""
    if device.revoked_at is not None or not account.active:
        raise ApiError(403, p.ERR_DEVICE_REVOKED, "Dit apparaat is ingetrokken.")


# What a version header may hold to be noted with the device: a version as SPT Desktop
# names its builds (pre-releases included), nothing longer or stranger (the listing shows
# it as it came).
_APP_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+-]{0,39}")


def _app_version(request: Request) -> str | None:
    """The app version the request names (``X-SPT-Client-Version``), or None."""
    text = request.headers.get(p.CLIENT_VERSION_HEADER, "").strip()
    return text if _APP_VERSION.fullmatch(text) else None


def _reserve_login(server: Server, email: str, address: str) -> ratelimit.Attempt:
    """Reserve the password check (before it is made), or answer 429 with Retry-After."""
    try:
        return ratelimit.reserve(server.engine, email, address)
    except ratelimit.Refused as exc:
        raise ApiError(
            429,
            p.ERR_RATE_LIMITED,
            f"Te veel mislukte aanmeldpogingen; probeer het over {exc.retry_after} "
            "seconden opnieuw.",
            headers={"Retry-After": str(exc.retry_after)},
        ) from None


@dataclass(frozen=True)
class _Read:
    """An account as a login read it before the password check: what must still hold
    when the tokens are issued."""

    id: str
    password_hash: str
    active: bool


def _login(
    server: Server, body: p.LoginRequest, address: str, version: str | None = None
) -> p.TokenPair:
    """Check the password holding no pooled connection: Argon2 is ~0.1-0.2 s of CPU, and
    a burst of logins inside their transactions held the whole pool while syncs waited
    for it. The account is read (and the connection given back), the password checked,
    and the tokens issued in a second short transaction that finds the account (and the
    device) still as read: a deactivation, revocation or new password that landed
    during the check refuses the login."""
    email = body.email.strip().lower()
    attempt = _reserve_login(server, email, address)
    with server.reader() as s:
        _refuse_revoked_device(s, body.device_id)
        row = s.execute(
            sa.select(Account.id, Account.password_hash, Account.active).where(
                Account.email == email
            )
        ).first()
        read = _Read(*row) if row is not None else None
    # The same check for an unknown address (a dummy hash): no one learns who has an
    # account by timing (the reservation stays: it was a failure).
    if not security.verify_password(read.password_hash if read else None, body.password):
        raise _bad_credentials()
    assert read is not None  # verify_password is never true without a stored hash
    with server.transaction() as s:
        # Locked, the account first (as a deactivation goes: account, then devices): a
        # deactivation or revocation waits for this transaction and then revokes what
        # it made too; one that came before is seen here.
        account = s.execute(
            sa.select(Account).where(Account.id == read.id).with_for_update(read=True)
        ).scalar_one_or_none()
        _refuse_revoked_device(s, body.device_id, lock=True)
        if account is None or account.password_hash != read.password_hash:
            raise _bad_credentials()  # a new password: the one checked is no longer hers
        if not account.active:
            # Only after the right password: no one learns an account's state by guessing.
            raise ApiError(
                403, p.ERR_ACCOUNT_INACTIVE, "Dit account is uitgeschakeld door de beheerder."
            )
        ratelimit.succeeded(s, attempt)
        device = _device_for(s, account, body)
        return _issue(server, s, account, device, version)


def _bad_credentials() -> ApiError:
    return ApiError(401, p.ERR_BAD_CREDENTIALS, "E-mailadres of wachtwoord klopt niet.")


def _refuse_revoked_device(s: Session, device_id: str | None, *, lock: bool = False) -> None:
    """A login that presents a revoked device is refused before anything else, whatever
    else it sends: the vault that holds the id is wiped on the answer, and a wiped vault
    (which keeps the id for this) cannot log in again and download everything.
    ``lock``: the device row is locked (FOR UPDATE) until the transaction ends."""
    device = s.get(Device, device_id, with_for_update=lock or None) if device_id else None
    if device is not None and device.revoked_at is not None:
        raise ApiError(403, p.ERR_DEVICE_REVOKED, "Dit apparaat is ingetrokken.")


def _device_for(s: Session, account: Account, body: p.LoginRequest) -> Device:
    """The device the login presents if it is this account's (a re-login), else a new
    one; either way with a new token family: the device's earlier tokens end here."""
    device = s.get(Device, body.device_id) if body.device_id else None
    if device is not None and device.revoked_at is not None:  # refused before; never reborn
        raise ApiError(403, p.ERR_DEVICE_REVOKED, "Dit apparaat is ingetrokken.")
    if device is None or device.account_id != account.id:
        device = Device(id=str(uuid.uuid4()), account_id=account.id, name=body.device_name)
        s.add(device)
        s.flush()
    else:
        s.execute(sa.delete(RefreshToken).where(RefreshToken.device_id == device.id))
    device.family_id = str(uuid.uuid4())
    return device


def _issue(
    server: Server, s: Session, account: Account, device: Device, version: str | None = None
) -> p.TokenPair:
    """A new refresh token in the device's live family, and an access token; notes the
    app ``version`` the device named (kept as it was when it named none)."""
    assert device.family_id is not None
    now = utcnow()
    token = security.new_refresh_token()
    s.add(
        RefreshToken(
            hash=security.token_hash(token),
            device_id=device.id,
            family_id=device.family_id,
            issued_at=now,
        )
    )
    # Tokens older than any may live are no use for spotting reuse: bounded storage.
    lifetime = timedelta(days=security.REFRESH_TTL_DAYS)
    s.execute(
        sa.delete(RefreshToken).where(
            RefreshToken.device_id == device.id, RefreshToken.issued_at < now - lifetime
        )
    )
    device.refresh_expires = now + lifetime
    device.last_seen = now
    if version is not None:
        device.app_version = version
    s.flush()
    return p.TokenPair(
        access_token=security.issue_access(server.keys(), account.id, device.id),
        refresh_token=token,
        expires_in=security.ACCESS_TTL,
        device_id=device.id,
        coach=_coach_info(account),
    )


def _refresh(server: Server, token: str, version: str | None = None) -> p.TokenPair:
    """Rotate a refresh token (RFC 9700 §4.14.2: rotation with reuse detection).

    There is no grace for the token just rotated away, though a reply lost on the way
    back then costs the coach a new login (nothing else: her work waits in the vault's
    outbox). The server cannot tell that retry from a copy of the token replayed by
    someone else, nor from a replay racing the device; answering it again, as before,
    handed the replayer a live session and silently killed the device's. Any token
    presented after its rotation is treated as stolen: its family ends, for both.
    """
    digest = security.token_hash(token)
    with server.transaction() as s:
        # Taking the token is the transaction's first statement, one conditional UPDATE:
        # of requests racing with one token, exactly one changes the row (the others
        # wait for its lock and then find it taken), on SQLite and on PostgreSQL.
        taken = s.execute(
            sa.update(RefreshToken)
            .where(RefreshToken.hash == digest, RefreshToken.rotated_at.is_(None))
            .values(rotated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        won = taken.rowcount == 1  # type: ignore[attr-defined]
        row = s.execute(
            sa.select(RefreshToken.family_id, Device, Account)
            .join(Device, Device.id == RefreshToken.device_id)
            .join(Account, Account.id == Device.account_id)
            .where(RefreshToken.hash == digest)
        ).first()
        if row is None:
            raise ApiError(401, p.ERR_TOKEN_INVALID, "Meld u opnieuw aan.")
        family, device, account = row
        _refuse_revoked(account, device)
        expired = device.refresh_expires is not None and device.refresh_expires < utcnow()
        live = family == device.family_id
        if won and live and not expired:
            return _issue(server, s, account, device, version)
        if won or expired:  # not the reuse of a live family: change nothing
            raise ApiError(401, p.ERR_TOKEN_INVALID, "Meld u opnieuw aan.")
        if live:
            _end_family(s, device)
    raise ApiError(401, p.ERR_TOKEN_REUSED, "Deze aanmelding is beëindigd; meld u opnieuw aan.")


def _end_family(s: Session, device: Device) -> None:
    """Reuse: every token of the device's family is spent, its access tokens refused
    (``_authenticate``), and the act logged once (by the server itself: no actor)."""
    s.execute(
        sa.update(RefreshToken)
        .where(RefreshToken.device_id == device.id, RefreshToken.rotated_at.is_(None))
        .values(rotated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    device.family_id = None
    bump_auth_epoch(s)
    audit.log(s, "refresh_reuse", "device", device.id, actor=None)
