"""HTTP to the SPT server (httpx): timeouts, retries with backoff, coded errors.

Every request the client makes is safe to repeat: a push batch carries its id and the
server answers a replay from its record, so a retry after a lost reply changes nothing.

The network of a coach's laptop (issue 17):

- Certificates are checked against the operating system's trust store (``truststore``:
  Windows' certificate store, macOS' keychain, on Linux OpenSSL's system locations, which
  ``SSL_CERT_FILE`` and ``SSL_CERT_DIR`` override), not a CA list bundled with the app, so
  an organisation's own CA or a TLS-inspecting proxy it has rolled out is trusted as the
  browser trusts it. A certificate the laptop does not trust is its own error
  (``Code.CERTIFICATE``), not "unreachable", and is not retried.
- The proxy is the system's: ``HTTPS_PROXY`` / ``HTTP_PROXY`` / ``ALL_PROXY`` /
  ``NO_PROXY``, and on Windows and macOS also the proxy of the system settings (httpx's
  ``trust_env`` reads them through ``urllib.request.getproxies``). README, "The network".
- Every request names this app's version and protocol (the version handshake,
  ``spt_common.protocol``); a server that requires a newer app refuses with
  ``Code.UPDATE_REQUIRED``, and one that recommends it says so in a header that
  ``Transport.update`` keeps.
"""

from __future__ import annotations

import json
import random
import ssl
import sys
import threading
import time
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, NamedTuple, NotRequired, TypedDict


def _without_httpx_cli() -> types.ModuleType | None:
    """Before ``import httpx``: a stand-in for its command-line tool. Its package imports
    ``httpx._main`` (click, rich and pygments, when they are installed): four fifths of
    its import time and a tenth of an ``spt-desktop sync`` process's. The app never runs
    that tool; ``httpx.main`` says so if anything calls it. None: httpx is imported."""
    if "httpx" in sys.modules:
        return None
    stub = types.ModuleType("httpx._main")

    def main(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("the httpx command-line tool is not loaded in spt-desktop")

    stub.main = main  # type: ignore[attr-defined]
    sys.modules["httpx._main"] = stub
    return stub


_STUB = _without_httpx_cli()
import httpx  # noqa: E402
import truststore  # noqa: E402

if _STUB is not None and sys.modules.get("httpx._main") is _STUB:
    del sys.modules["httpx._main"]  # a later ``import httpx._main`` finds the real one
import msgspec  # noqa: E402
from pydantic import TypeAdapter  # noqa: E402

import spt_desktop  # noqa: E402
from spt_common import encoding  # noqa: E402
from spt_common import protocol as p  # noqa: E402
from spt_desktop.errors import Code, Param, Reason, SptError  # noqa: E402

_JSON: TypeAdapter[Any] = TypeAdapter(Any)  # any JSON value, written by pydantic-core

# Whom a thread's requests tell once their body is written (``on_sent``).
_sent = threading.local()


@contextmanager
def on_sent(callback: Callable[[], None]) -> Iterator[None]:
    """While in it, each request this thread sends calls ``callback`` as soon as its
    body is written to the connection, before its answer is waited for (httpcore's
    trace of the request; a transport that traces nothing never calls it).

    The engine's network thread sends the push batch queued behind one as soon as that
    one's answer is in, and the vault thread waits for this before it reads and applies
    that answer: two threads of one process share the GIL, and a thread that wants it
    while the other runs Python waits the interpreter's switch interval (5 ms) for it.
    Before, the vault thread took the GIL from the network thread between the request's
    head and its body, and the server waited for the body (issue 13, helper "gaps14")."""
    before = getattr(_sent, "callback", None)
    _sent.callback = callback
    try:
        yield
    finally:
        _sent.callback = before


def _tracing(callback: Callable[[], None]) -> Callable[[str, dict[str, Any]], None]:
    """httpcore's ``trace`` extension: ``callback`` once the request body is out."""

    def trace(event: str, _info: dict[str, Any]) -> None:
        if event.endswith(".send_request_body.complete"):
            callback()

    return trace


def _unbind(resp: httpx.Response) -> None:
    """``resp``, read, no longer in a reference cycle with its stream (httpx binds the
    two to each other): freed as soon as it is dropped, with its request, the request's
    body and what the request's trace holds (``on_sent``: the engine's answer before,
    and its batch), not at the cyclic collector's next run. A sync run pauses that
    collector (``engine.Syncer.run``): each push batch's request and answer stayed in
    memory until the run ended (10k first push: ~3.8 MB a batch, the client's memory
    100 -> 870 MB; issue 13, round 17)."""
    resp.stream = httpx.ByteStream(b"")


class SyncError(SptError):
    """A sync failure to show the coach: a code (``spt_desktop.errors``) the presenters
    word, no personal data."""

    default_code = Code.SERVER_REFUSED


class Unreachable(SyncError):
    default_code = Code.UNREACHABLE


def _reason(exc: httpx.TransportError) -> Reason:
    """What a coach can do something about, not the exception's class name."""
    if isinstance(exc, httpx.TimeoutException):
        return Reason.NO_ANSWER
    if isinstance(exc, httpx.ConnectError):
        return Reason.NO_CONNECTION
    return Reason.CONNECTION_BROKE


class CertificateRefused(SyncError):
    """The server's certificate is not trusted by this laptop: an unknown CA (an internal
    one, or a proxy that inspects TLS), expired, or made out to another name."""

    default_code = Code.CERTIFICATE


class UpdateRequired(SyncError):
    """The server asks for a newer SPT Desktop (params ``version``, ``minimum``)."""

    default_code = Code.UPDATE_REQUIRED


# OpenSSL's verify results (X509_V_ERR_*) a coach or her IT can act on.
_EXPIRED = frozenset({9, 10})  # not yet valid, expired
_WRONG_HOST = frozenset({62, 64})  # hostname, IP address mismatch
_UNKNOWN_ISSUER = frozenset({2, 18, 19, 20, 21})  # issuer unknown, self-signed (in chain)


def _certificate_reason(exc: BaseException) -> Reason | None:
    """Why the server's certificate was refused, when ``exc`` (or what it was raised
    from) is a certificate check that failed; None for any other network failure."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            code = getattr(current, "verify_code", None)
            if code in _EXPIRED:
                return Reason.CERT_EXPIRED
            if code in _WRONG_HOST:
                return Reason.CERT_WRONG_HOST
            if code in _UNKNOWN_ISSUER:
                return Reason.CERT_UNKNOWN_ISSUER
            return Reason.CERT_OTHER
        current = current.__cause__ or current.__context__
    return None


def _refuse_certificate(exc: httpx.TransportError) -> None:
    """Raise ``CertificateRefused`` for a failed certificate check: asking again would
    only get the same certificate."""
    reason = _certificate_reason(exc)
    if reason is not None:
        raise CertificateRefused(reason=reason.value) from None


def tls_context() -> ssl.SSLContext:
    """TLS as the operating system trusts it (see the module doc)."""
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def client_headers(version: str) -> dict[str, str]:
    """The headers of the version handshake, sent with every request."""
    return {
        "user-agent": f"spt-desktop/{version}",
        p.CLIENT_VERSION_HEADER: version,
        p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION),
    }


class AuthFailed(SyncError):
    default_code = Code.SIGNED_OUT


class DeviceRevoked(SyncError):
    default_code = Code.DEVICE_REVOKED


class TokenExpired(SyncError):
    default_code = Code.TOKEN_EXPIRED


class TokenInvalid(AuthFailed):
    """The server did not accept a token (signed with a key it retired, say): worth one
    refresh before the coach is asked to log in again."""


def _wait(resp: httpx.Response) -> dict[str, Param]:
    """How long the server says to wait (Retry-After, in seconds), as the ``reason``
    (and its number) of RATE_LIMITED."""
    value = resp.headers.get("retry-after", "")
    if not value.isdigit():
        return {"reason": Reason.WAIT_AT_MOST_A_QUARTER.value}  # the server's longest wait
    seconds = int(value)
    if seconds == 1:
        return {"reason": Reason.WAIT_ONE_SECOND.value}
    if seconds <= 90:
        return {"reason": Reason.WAIT_SECONDS.value, "seconds": seconds}
    return {"reason": Reason.WAIT_MINUTES.value, "minutes": -(-seconds // 60)}


# The longest a busy server's Retry-After (a 503: no database connection came free in
# time) holds a retry back; a longer one is the server's mistake, not a reason to hang.
BUSY_WAIT_MAX = 10.0


def _busy_wait(resp: httpx.Response) -> float:
    """Seconds a 503 asks to wait before the retry (Retry-After in seconds); 0 when it
    asks nothing (then the backoff alone spaces the retries)."""
    value = resp.headers.get("retry-after", "")
    if resp.status_code != 503 or not value.isdigit():
        return 0.0
    return min(float(value), BUSY_WAIT_MAX)


def _pause(backoff: float, attempt: int, asked: float) -> None:
    """Before retry ``attempt``: exponential backoff with jitter (devices coming back
    online together, a whole team after a training day, do not retry in lockstep), and
    at least what the server asked."""
    time.sleep(max(asked, backoff * 2 ** (attempt - 1) * (0.5 + random.random())))


# The server's refusals (``p.ERR_*``) the client words itself, as what it raises.
_REFUSALS: dict[str, tuple[type[SyncError], Code]] = {
    p.ERR_DEVICE_REVOKED: (DeviceRevoked, Code.DEVICE_REVOKED),
    p.ERR_ACCOUNT_INACTIVE: (AuthFailed, Code.ACCOUNT_INACTIVE),
    p.ERR_TOKEN_REUSED: (AuthFailed, Code.TOKEN_REUSED),
    p.ERR_TOKEN_EXPIRED: (TokenExpired, Code.TOKEN_EXPIRED),
    p.ERR_BAD_CREDENTIALS: (AuthFailed, Code.BAD_CREDENTIALS),
    p.ERR_RATE_LIMITED: (AuthFailed, Code.RATE_LIMITED),
    p.ERR_FORBIDDEN: (SyncError, Code.NOT_COORDINATOR),
    p.ERR_NOT_FOUND: (SyncError, Code.NOT_ON_SERVER),
    p.ERR_BAD_COACH: (SyncError, Code.BAD_COACH),
}


# --- a sync answer as the engine reads it ----------------------------------------------


class WireRecord(TypedDict):
    """A pulled record as the answer's JSON holds it (``p.Record``'s fields): plain data,
    checked by ``read_answer``."""

    entity: str
    id: str
    rev: int
    deleted: NotRequired[bool]
    data: dict[str, Any]
    # Never on the wire: a held record's mark, the id of the held record it waits for
    # (``sync.held.WAITS_FOR``).
    waits_for: NotRequired[str]


@dataclass(frozen=True, slots=True)
class PulledPage:
    """``p.PullPage`` with its records as plain data (``WireRecord``)."""

    records: list[WireRecord]
    purge: list[str]
    cursor: str
    more: bool


class WireConflict(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """``p.FieldConflict`` as the answer's JSON holds it; an absent value is None."""

    field: str
    yours: Any = None
    theirs: Any = None


class WireResult(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """``p.ChangeResult`` as the client reads it: read from the answer's JSON straight
    into this (``read_answer``), each field checked by type as it is read, an unknown
    one refused. A field the server left out (at its default: since round 8 of issue 13;
    an older one writes them all) reads as its default.

    A struct, not the dict of its JSON: a first push reads 391k results, nearly all
    ``{id, status, rev}``; as dicts they were checked again by Python afterwards
    (``_check_results``: a dict's keys, each value's type) and each was a hash table
    made and freed. Decoded so, in C, without a place in the collector's lists
    (``gc=False``: a result holds plain data, never a cycle), the 10k first push's 197
    answers were read, gathered (``apply._plain_revs``) and freed in 0.34 s of CPU
    against 0.53-0.59 s (issue 13, round 16)."""

    id: str
    status: p.ChangeStatus
    rev: int | None = None
    conflicts: list[WireConflict] = []
    reason: str | None = None
    # The server's version of a refused record: a ``WireRecord``, checked as a pulled
    # one is (``_check_records``: a TypedDict here would drop an unknown key unseen).
    record: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class PushAnswer:
    """``p.PushResult`` with its results as ``WireResult``; ``applied``: the runs of the
    changes applied as sent, in the compact form (``p.HEADER_PUSH_ANSWER``; None: the
    long form, every change in ``results``). The runs are checked against the batch
    where it is known (``apply.apply_results``)."""

    batch_id: str
    results: list[WireResult]
    replayed: bool = False
    applied: list[int] | None = None


@dataclass(frozen=True, slots=True)
class SyncAnswer:
    """``p.SyncResponse`` as the client reads it: the push results (``WireResult``)
    and the page's records as plain data, each checked by type (``read_answer``)."""

    coach_id: str
    push: PushAnswer | None
    pull: PulledPage


# The answer's envelope as ``p.SyncResponse`` has it (no field unknown, none of another
# type: msgspec's strict reading, where pydantic's lax one took ``"5"`` for an integer
# or ``1`` for true, which no server writes).
class _PageHead(msgspec.Struct, forbid_unknown_fields=True):
    records: list[Any]  # each checked by ``_check_records``, not copied
    cursor: str
    more: bool
    purge: list[str] = []


class _PushHead(msgspec.Struct, forbid_unknown_fields=True):
    batch_id: str
    results: list[WireResult]
    replayed: bool = False
    applied: list[int] | None = None


class _AnswerHead(msgspec.Struct, forbid_unknown_fields=True):
    coach_id: str
    pull: _PageHead
    protocol: int = p.PROTOCOL_VERSION
    push: _PushHead | None = None


class MalformedAnswer(SyncError):
    """The server's answer is not a sync answer (``p.SyncResponse``)."""

    default_code = Code.SERVER_REFUSED


_RECORD_KEYS = frozenset({"entity", "id", "rev", "deleted", "data"})


def _check_records(records: list[Any]) -> None:
    """Each pulled record has ``WireRecord``'s shape: what ``p.Record`` checked (no field
    missing or unknown, each of its type; ``data`` values are the entity's converters'
    to check, as before)."""
    for rec in records:
        if (
            type(rec) is not dict
            or type(rec.get("entity")) is not str
            or type(rec.get("id")) is not str
            or type(rec.get("rev")) is not int
            or type(rec.get("data")) is not dict
            or type(rec.get("deleted", False)) is not bool
            or not rec.keys() <= _RECORD_KEYS
        ):
            raise MalformedAnswer()


_RECORD = attrgetter("record")


def _check_results(results: list[WireResult]) -> None:
    """The records of the push results (a refused change's server version) have
    ``WireRecord``'s shape; everything else of a result was checked as it was read
    (``WireResult``). Taken by C loops: a first push's answers hold 2,000 results each,
    few of them with a record."""
    records = list(map(_RECORD, results))
    if records.count(None) != len(records):
        _check_records([r for r in records if r is not None])


# A sync answer's JSON read into ``_AnswerHead`` by msgspec (BSD; the server's reader
# too): the push results into ``WireResult``, the records as plain data (dicts, lists,
# str, int, float, bool, None), as pydantic-core's ``from_json`` gives it: a sixth fewer
# instructions for a first pull's pages (issue 13, round 12: callgrind).
_decode = msgspec.json.Decoder(_AnswerHead).decode


def read_answer(body: bytes) -> SyncAnswer:
    """A sync answer's JSON as ``SyncAnswer``. The records and push results are parsed
    in one pass of a JSON reader (``_decode``) and checked by type, not validated into
    a ``p.Record`` or ``p.ChangeResult`` model each: a first pull's 375k records cost
    1.3-1.6 s of CPU that way (the models made and freed), ~0.7 s read so (issue 13,
    round 7); a first push's 391k results ~0.6 us each (round 8) as dicts, less as
    ``WireResult`` (round 16). The reader keeps each short key once: every record
    repeats the same few field names."""
    try:
        head = _decode(body)
        _check_records(head.pull.records)
        if head.push is not None:
            _check_results(head.push.results)
    except (ValueError, TypeError, AttributeError, msgspec.DecodeError):
        raise MalformedAnswer() from None  # (msgspec's ValidationError is a DecodeError)
    page, push = head.pull, head.push
    return SyncAnswer(
        coach_id=head.coach_id,
        push=None
        if push is None
        else PushAnswer(push.batch_id, push.results, push.replayed, push.applied),
        pull=PulledPage(page.records, page.purge, page.cursor, page.more),
    )


# The header of a sync that asks for the compact push answer (``Transport.sync_bytes``).
_RUNS = (p.HEADER_PUSH_ANSWER, p.PUSH_ANSWER_RUNS)


# Push batch limits (``Transport.batch_limits``): the body size assumed of a server that
# has not said (every server so far takes 8 MiB), the room kept in a body for the request
# around the batch's changes (ids, cursor: a few hundred bytes), the smallest body limit
# believed, and the most changes this client puts in one batch whatever a server says.
DEFAULT_MAX_BODY = 4 * 1024 * 1024
BODY_ROOM = 16 * 1024
MIN_BODY = 64 * 1024
CLIENT_MAX_BATCH = 10_000


class Limits(NamedTuple):
    """What a server takes in a push, as far as this client knows (``Transport.limits``):
    replaced whole, never changed in place, so a thread that reads it gets one answer's
    limits together."""

    said: bool  # a sync answer said how big a push batch the server takes
    max_batch: int  # changes in a batch
    max_body: int  # bytes in a request body
    page_optional: bool  # a push without a pull page (``limit`` 0) is taken

    def batch_limits(self) -> tuple[int, int]:
        """At most this many changes, and this many bytes of them as JSON."""
        return self.max_batch, self.max_body - BODY_ROOM


class Transport:
    """A small JSON client for the API; counts its requests (tests and bench use it).

    Bodies travel compressed where both ends can (``compress``, on by default): answers
    are asked for with ``Accept-Encoding`` (httpx decodes them); a request body is
    compressed only with an encoding the server has listed in the ``Accept-Encoding`` of
    one of its answers (RFC 7694), so a server that does not list one gets plain JSON.
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.2,
        client: httpx.Client | None = None,
        compress: bool = True,
        version: str | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.retries = retries
        self.backoff = backoff
        self.requests = 0
        self.compress = compress
        # A push's results asked for as runs of the changes applied as sent (the
        # compact form, ``p.HEADER_PUSH_ANSWER``); a server that does not know it
        # answers the long form, read all the same. False: always the long form (tests).
        self.compact = True
        # This app's version as the server is told it (the build's, read now).
        self.version = version or spt_desktop.__version__
        # The server's advice on the last answer: None or p.UPDATE_RECOMMENDED.
        self.update: str | None = None
        # What the server said it takes in request bodies; nothing until it says so.
        self._server_takes: str | None = None
        # ``_server_takes`` is what the vault kept (``remember_takes``): the first
        # answer's listing replaces it.
        self._takes_kept = False
        # What the server said it takes in a push (``Limits``): what every server takes
        # until it says more in a sync answer's headers. One value, replaced whole.
        self.limits = Limits(False, p.MAX_BATCH, DEFAULT_MAX_BODY, False)
        self._client = client or httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers=client_headers(self.version),
            verify=tls_context(),
            # The system's proxy settings (and NO_PROXY); see the module doc.
            trust_env=True,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def post(self, path: str, body: Any, token: str | None = None) -> Any:
        """POST JSON, return the JSON answer; retried on network errors and 5xx."""
        return json.loads(self.post_bytes(path, body, token))

    def post_bytes(
        self, path: str, body: Any, token: str | None = None, asks: tuple[str, str] | None = None
    ) -> bytes:
        """POST JSON, return the answer's bytes (for pydantic to parse and check in one
        pass); retried on network errors and 5xx. ``asks``: one more header."""
        # pydantic-core's writer: the same JSON (UTF-8, compact) at 2-3x json.dumps's
        # speed; a push batch of 500 records is most of what the client writes.
        content = body if isinstance(body, bytes) else _JSON.dump_json(body)
        headers = {"content-type": "application/json"}
        if token:
            headers["authorization"] = f"Bearer {token}"
        headers["accept-encoding"] = encoding.ACCEPT if self.compress else "identity"
        if asks is not None:
            headers[asks[0]] = asks[1]
        if self.compress and self._server_takes and len(content) >= encoding.MIN_SIZE:
            # A push batch comes packed already (``encoding.Packed``: the frames the
            # vault keeps); anything else, or for a server that takes only gzip, here.
            packed = getattr(content, "zstd", None)
            if packed is None or self._server_takes != encoding.ZSTD:
                packed = encoding.encode(self._server_takes, content)
            content = packed
            headers["content-encoding"] = self._server_takes
        url = f"{self.base_url}{p.API_PREFIX}{path}"
        sent = getattr(_sent, "callback", None)
        extensions = None if sent is None else {"trace": _tracing(sent)}
        last = Reason.NO_CONNECTION
        asked = 0.0
        for attempt in range(self.retries + 1):
            if attempt:
                _pause(self.backoff, attempt, asked)
            asked = 0.0
            self.requests += 1
            try:
                resp = self._client.post(
                    url, content=content, headers=headers, extensions=extensions
                )
            except httpx.TransportError as exc:
                _refuse_certificate(exc)
                last = _reason(exc)
                continue
            if self.compress and (self._server_takes is None or self._takes_kept):
                self._server_takes = encoding.pick(resp.headers.get("accept-encoding", ""))
                self._takes_kept = False
            if resp.status_code >= 500:
                last = Reason.SERVER_FAULT
                asked = _busy_wait(resp)
                continue
            self._note_limits(resp.headers)
            return self._answer(resp)
        raise Unreachable(reason=last.value)

    @property
    def server_takes(self) -> str | None:
        """The encoding the server said it takes in request bodies (None: none heard)."""
        return self._server_takes

    def remember_takes(self, name: str) -> None:
        """The encoding the server said it takes, as the vault kept it from an earlier
        answer (``engine.S_LIMITS``): a transport that has heard none yet packs request
        bodies with it from its first request on (a first push's first batch of 2,000
        changes went plain: ~1 MB, 0.8 s on the field link). The first answer's
        ``Accept-Encoding`` replaces it. An encoding it does not know is ignored."""
        if self.compress and self._server_takes is None and name in encoding.ENCODINGS:
            self._server_takes = name
            self._takes_kept = True  # until an answer lists what the server takes now

    def _note_limits(self, headers: httpx.Headers) -> None:
        """The push batch size the server said it takes (a sync answer's headers); an
        answer that says nothing, or nonsense, leaves what was known.

        Called on the network thread while the sync thread may build the next batch
        (``engine``: ``_send_and_build_ahead``): the new limits are made first and put
        in place by one assignment, so no reader ever sees "said" with the body limit
        of before (a batch built to the default 4 MiB for a server that takes less)."""
        batch, body = headers.get(p.HEADER_MAX_BATCH), headers.get(p.HEADER_MAX_BODY)
        now = self.limits
        if batch is not None and batch.isdigit() and int(batch) >= 1:
            now = now._replace(
                said=True,
                max_batch=min(int(batch), CLIENT_MAX_BATCH),
                page_optional=headers.get(p.HEADER_PAGE_OPTIONAL) == "1",
            )
        if body is not None and body.isdigit() and int(body) >= MIN_BODY:
            now = now._replace(max_body=int(body))
        if now is not self.limits:
            self.limits = now

    # The parts of ``limits``, each read from one snapshot (a test sets them).
    @property
    def limits_said(self) -> bool:
        return self.limits.said

    @limits_said.setter
    def limits_said(self, value: bool) -> None:
        self.limits = self.limits._replace(said=value)

    @property
    def max_batch(self) -> int:
        return self.limits.max_batch

    @max_batch.setter
    def max_batch(self, value: int) -> None:
        self.limits = self.limits._replace(max_batch=value)

    @property
    def max_body(self) -> int:
        return self.limits.max_body

    @max_body.setter
    def max_body(self, value: int) -> None:
        self.limits = self.limits._replace(max_body=value)

    @property
    def page_optional(self) -> bool:
        return self.limits.page_optional

    @page_optional.setter
    def page_optional(self, value: bool) -> None:
        self.limits = self.limits._replace(page_optional=value)

    def batch_limits(self) -> tuple[int, int]:
        """A push batch's limits: at most this many changes, and this many bytes of its
        changes as JSON (the server's body limit less room for the rest of the request)."""
        return self.limits.batch_limits()

    def _answer(self, resp: httpx.Response) -> bytes:
        advice = resp.headers.get(p.UPDATE_HEADER)
        if resp.status_code == p.UPDATE_REQUIRED_STATUS or advice == p.UPDATE_REQUIRED:
            # Refused before the server did anything: the batch stays pending, the
            # outbox with it, and goes with the first sync after the update.
            minimum = resp.headers.get(p.MIN_VERSION_HEADER, "")
            raise UpdateRequired(
                version=self.version, minimum=minimum if p.parse_version(minimum) else "?"
            )
        self.update = p.UPDATE_RECOMMENDED if advice == p.UPDATE_RECOMMENDED else None
        if resp.status_code < 400:
            content = resp.content
            _unbind(resp)
            return content
        try:
            detail = resp.json().get("detail") or {}
        except ValueError:
            detail = {}
        code = detail.get("code") if isinstance(detail, dict) else None
        refusal = _REFUSALS.get(code) if isinstance(code, str) else None
        if refusal is not None:
            kind, what = refusal
            raise kind(what, **(_wait(resp) if code == p.ERR_RATE_LIMITED else {}))
        if resp.status_code == 401:
            raise (TokenInvalid if code == p.ERR_TOKEN_INVALID else AuthFailed)()
        raise SyncError(status=resp.status_code)

    # --- the API -------------------------------------------------------------------

    def login(self, body: p.LoginRequest) -> p.TokenPair:
        return p.TokenPair.model_validate(self.post("/auth/login", body.model_dump()))

    def refresh(self, refresh_token: str) -> p.TokenPair:
        return p.TokenPair.model_validate(
            self.post("/auth/refresh", {"refresh_token": refresh_token})
        )

    def sync(self, token: str, request: dict[str, Any] | bytes) -> SyncAnswer:
        """One sync request: a ``SyncRequest`` as a dict, or as its JSON already written
        (a push batch is written once: ``apply.request_body``); the answer as the engine
        reads it (``read_answer``)."""
        return read_answer(self.sync_bytes(token, request))

    def sync_bytes(self, token: str, request: dict[str, Any] | bytes) -> bytes:
        """``sync``'s request, its answer's JSON as it came (a 2xx; a refusal raises as
        in ``sync``), not read yet: the engine sends the batch queued behind a push batch
        as soon as this comes back, and reads it after (``engine.Syncer.send``). Every
        sync request goes out here, asking for its push's results in the compact form
        unless ``compact`` was turned off (``p.HEADER_PUSH_ANSWER``)."""
        return self.post_bytes("/sync", request, token, _RUNS if self.compact else None)

    # --- the coordinator's API (issue 15): GET/PUT/POST beside the sync's POST ---------

    def call(
        self,
        method: str,
        path: str,
        token: str,
        *,
        params: dict[str, Any] | None = None,
        body: Any = None,
    ) -> bytes:
        """One request of any method, the answer's bytes; retried like ``post_bytes`` (every
        coordination request is safe to repeat: reads, a PUT, an assignment that is
        already so changes nothing)."""
        headers = {"authorization": f"Bearer {token}"}
        content = None
        if body is not None:
            content = json.dumps(body).encode()
            headers["content-type"] = "application/json"
        url = f"{self.base_url}{p.API_PREFIX}{path}"
        query = {k: v for k, v in (params or {}).items() if v is not None}
        last = ""
        asked = 0.0
        for attempt in range(self.retries + 1):
            if attempt:
                _pause(self.backoff, attempt, asked)
            asked = 0.0
            self.requests += 1
            try:
                resp = self._client.request(
                    method, url, params=query, content=content, headers=headers
                )
            except httpx.TransportError as exc:
                _refuse_certificate(exc)
                last = type(exc).__name__
                continue
            if resp.status_code >= 500:
                last = f"HTTP {resp.status_code}"
                asked = _busy_wait(resp)
                continue
            return self._answer(resp)
        raise Unreachable(detail=last)
