"""A load generator for ``POST /sync`` that costs little CPU itself (issue 18).

The measuring equipment shares the machine with the server and PostgreSQL (2 cores here):
httpx's client took 2-4 ms of CPU per request, as much as the server, so at 200 devices
the generator had more of the cores than the server. This one is raw HTTP/1.1 on asyncio
(uvloop when there):

- one keep-alive connection per device, one request at a time on it (a device syncs back
  to back, or every ``every`` seconds in the open-loop mode);
- each device is an ``asyncio.Protocol``: an answer is parsed in ``data_received`` and the
  next request written from there (no task, future or stream per request);
- requests are bytes made once: the head (path, host, the device's token, the desktop's
  headers) per device, an idle sync's whole request per cursor (rebuilt only when the
  cursor moves), a push's body from a template with its ids and values filled in;
- answers are parsed as little as the check needs: the status line and the three headers
  that frame and encode the body (Content-Length or chunked, Content-Encoding,
  Connection); of a 200 only the cursor and ``more`` at its end (the server writes the
  pull page last; anything else falls back to ``json.loads``); a push's answer whole, to
  check its acknowledgement.

What it checks, as the httpx generator did: every answer's status (counted by status; a
connection failure by its kind, a request over ``timeout`` as ``Timeout``), and each push
(sent, answered, acknowledged with both changes ``applied`` and their revisions) for
``verify``: after the run, every acknowledged change is in the database exactly once at
the revision it was acknowledged with.
"""

from __future__ import annotations

import asyncio
import json
import math
import random
import time
import uuid
import zlib
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, cast

import sqlalchemy as sa

import spt_desktop
from spt_common import encoding
from spt_common import protocol as p

try:
    import uvloop
except ImportError:  # pragma: no cover - Windows, PyPy: the standard loop
    uvloop = None
try:
    import zstandard
except ImportError:  # pragma: no cover - then the server answers gzip
    zstandard = None

SYNC_PATH = f"{p.API_PREFIX}/sync"
# The server's and PostgreSQL's CPU seconds so far (bench/load_server.py's Meter).
Meter = Callable[[], tuple[float, float]]
CLIENT_VERSION = spt_desktop.__version__  # the handshake: as this tree's desktop says
TIMEOUT = 60.0  # seconds a request may take before it counts as failed (``Timeout``)


class ProtocolError(ValueError):
    """An answer that is not HTTP/1.1 as this parser reads it."""


# --- requests ----------------------------------------------------------------------------


def request_head(host: str, token: str) -> bytes:
    """A device's request head up to the Content-Length's value: the desktop's headers
    (``spt_desktop.sync.transport``: handshake, encodings), its token."""
    return (
        f"POST {SYNC_PATH} HTTP/1.1\r\n"
        f"host: {host}\r\n"
        f"user-agent: spt-desktop/{CLIENT_VERSION}\r\n"
        f"{p.CLIENT_VERSION_HEADER.lower()}: {CLIENT_VERSION}\r\n"
        f"{p.PROTOCOL_HEADER.lower()}: {p.PROTOCOL_VERSION}\r\n"
        f"authorization: Bearer {token}\r\n"
        "content-type: application/json\r\n"
        f"accept-encoding: {encoding.ACCEPT}\r\n"
        "content-length: "
    ).encode("latin-1")


def request(head: bytes, body: bytes) -> bytes:
    return b"%s%d\r\n\r\n%s" % (head, len(body), body)


def idle_body(cursor: str | None) -> bytes:
    """``{"cursor": ...}``: a sync with nothing to send."""
    return b'{"cursor":null}' if cursor is None else b'{"cursor":"%s"}' % cursor.encode()


def push_template(account: str, candidate: str) -> bytes:
    """A device's push body with holes for the cursor, the batch id, the candidate's
    revision the edit is based on, the motivation's number, the note's id and number:
    its candidate's motivation edited and one new note, the changes
    ``bench/load_server.py``'s httpx generator sends."""
    return (
        b'{"cursor":%s,"batch":{"batch_id":"%s","changes":['
        b'{"entity":"candidate","id":"' + candidate.encode() + b'","op":"upsert",'
        b'"base_rev":%d,"fields":{"motivation":"bijgewerkt %d"}},'
        b'{"entity":"note","id":"%s","op":"upsert","fields":{"candidate_id":"'
        + candidate.encode()
        + b'","author_id":"'
        + account.encode()
        + b'","written_at":"2026-11-03T10:00:00","text":"notitie %d"}}]}}'
    )


def push_body(
    template: bytes, cursor: str | None, batch_id: str, base_rev: int, seq: int, note: str
) -> bytes:
    cur = b"null" if cursor is None else b'"%s"' % cursor.encode()
    return template % (cur, batch_id.encode(), base_rev, seq, note.encode(), seq)


# --- answers -----------------------------------------------------------------------------


@dataclass
class Head:
    """What of an answer's head the generator uses."""

    status: int
    length: int | None  # Content-Length; None: chunked, or until the server closes
    chunked: bool
    encoding: bytes  # Content-Encoding, lower case ("" for none)
    close: bool  # the server closes the connection after this answer


def parse_head(head: bytes | bytearray) -> Head:
    """The status line and headers (without the blank line that ends them)."""
    lines = bytes(head).split(b"\r\n")
    line = lines[0]
    if not line.startswith(b"HTTP/1.") or len(line) < 12 or not line[9:12].isdigit():
        raise ProtocolError("status line")
    status = int(line[9:12])
    length = None
    chunked = False
    enc = b""
    close = line.startswith(b"HTTP/1.0")
    for h in lines[1:]:
        name, sep, value = h.partition(b":")
        if not sep:
            raise ProtocolError("header")
        name = name.strip().lower()
        if name == b"content-length":
            value = value.strip()
            if not value.isdigit():
                raise ProtocolError("content-length")
            length = int(value)
        elif name == b"transfer-encoding":
            chunked = value.strip().lower().endswith(b"chunked")
        elif name == b"content-encoding":
            enc = value.strip().lower()
        elif name == b"connection":
            v = value.strip().lower()
            close = b"close" in v or (close and b"keep-alive" not in v)
    if chunked:
        length = None  # RFC 9112 6.3: Transfer-Encoding overrides Content-Length
    elif length is None and (status < 200 or status in (204, 304)):
        length = 0
    return Head(status, length, chunked, enc, close)


def dechunk(buf: bytes | bytearray, pos: int) -> tuple[bytes, int] | None:
    """A chunked body starting at ``pos``: (the body, where it ends), or None if ``buf``
    does not hold all of it yet."""
    parts = []
    while True:
        eol = buf.find(b"\r\n", pos)
        if eol < 0:
            return None
        size_text = bytes(buf[pos:eol]).split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            raise ProtocolError("chunk size") from None
        if size == 0:
            end = buf.find(b"\r\n\r\n", eol)  # after the trailers, if any
            if end < 0:
                return None
            return b"".join(parts), end + 4
        start = eol + 2
        stop = start + size
        if len(buf) < stop + 2:
            return None
        if buf[stop : stop + 2] != b"\r\n":
            raise ProtocolError("chunk end")
        parts.append(bytes(buf[start:stop]))
        pos = stop + 2


_ZSTD = zstandard.ZstdDecompressor() if zstandard is not None else None


def decoded(enc: bytes, body: bytes) -> bytes:
    """The body unpacked as its Content-Encoding says."""
    if not enc or enc == b"identity":
        return body
    if enc == b"zstd" and _ZSTD is not None:
        with _ZSTD.stream_reader(body, read_across_frames=True) as reader:
            return bytes(reader.read())
    if enc == b"gzip":
        return zlib.decompress(body, 31)
    raise ProtocolError("content-encoding")


_CURSOR = b'"cursor":"'
_MORE = b'"more":true}}'
_DONE = b'"more":false}}'


def page_end(body: bytes) -> tuple[str, bool]:
    """A sync answer's cursor and ``more``. The server writes the pull page last and its
    cursor and ``more`` last in it (``SyncResponse``, ``pull.page_json``): read from the
    end; any other shape is read whole."""
    if body.endswith(_DONE) or body.endswith(_MORE):
        i = body.rfind(_CURSOR)
        if i >= 0:
            start = i + len(_CURSOR)
            end = body.find(b'"', start)
            if end > start:
                return body[start:end].decode("ascii"), body.endswith(_MORE)
    try:
        page = json.loads(body)["pull"]
        return str(page["cursor"]), bool(page["more"])
    except (ValueError, KeyError, TypeError):
        raise ProtocolError("sync answer") from None


@dataclass
class Answer:
    head: Head
    body: bytes  # as sent (still encoded)
    end: int  # where in the buffer it ended


def parse_answer(buf: bytes | bytearray, closed: bool = False) -> Answer | None:
    """One whole answer from the start of ``buf``; None if it is not all there yet.
    ``closed``: the server closed the connection (ends a body without a length)."""
    split = buf.find(b"\r\n\r\n")
    if split < 0:
        if closed:
            raise ProtocolError("closed in the head")
        return None
    head = parse_head(buf[:split])
    start = split + 4
    if 100 <= head.status < 200:  # an interim answer: the real one follows
        rest = parse_answer(buf[start:], closed)
        if rest is not None:
            rest.end += start
        return rest
    if head.length is not None:
        end = start + head.length
        if len(buf) < end:
            if closed:
                raise ProtocolError("closed in the body")
            return None
        return Answer(head, bytes(buf[start:end]), end)
    if head.chunked:
        got = dechunk(buf, start)
        if got is None:
            if closed:
                raise ProtocolError("closed in the body")
            return None
        return Answer(head, got[0], got[1])
    if not closed:  # until the server closes
        return None
    head.close = True
    return Answer(head, bytes(buf[start:]), len(buf))


# --- devices and a run -------------------------------------------------------------------


@dataclass
class Dev:
    """A device made for the bench: its access token, coach, the candidate it edits and
    the revision of its copy of her (the ``base_rev`` of its edits, as the desktop sends
    it), its cursor (None: it has never synced)."""

    token: str
    account: str
    candidate: str
    candidate_rev: int
    cursor: str | None = None


@dataclass
class Push:
    """A push sent, and what came of it."""

    candidate: str
    seq: int  # the device's push number: "bijgewerkt <seq>", "notitie <seq>"
    batch_id: str
    note_id: str
    status: int = 0  # the HTTP status; 0: no answer
    acked: bool = False  # 200, the note applied, the edit applied or a field conflict
    applied: bool = False  # the motivation edit applied (not a conflict)
    candidate_rev: int | None = None
    note_rev: int | None = None


@dataclass
class Load:
    """What a run saw: latencies (s) of syncs that sent nothing and of pushes, answers by
    status, errors, the pushes, the generator's own CPU seconds while it ran."""

    idle: list[float] = field(default_factory=list)
    push: list[float] = field(default_factory=list)
    errors: int = 0
    requests: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    client_cpu: float = 0.0
    bytes_out: int = 0
    bytes_in: int = 0
    pushes: list[Push] = field(default_factory=list)
    # The timed window: opened and closed (perf_counter: one clock for the processes of
    # a machine), and a meter's readings then (the server's and PostgreSQL's CPU s).
    opened: float = math.inf
    closed: float = 0.0
    meter_open: tuple[float, float] = (math.nan, math.nan)
    meter_close: tuple[float, float] = (math.nan, math.nan)
    _cpu0: float = 0.0

    def count(self, kind: str) -> None:
        self.statuses[kind] = self.statuses.get(kind, 0) + 1

    def window_open(self, meter: Meter | None) -> None:
        """The timed part starts: the meter read (outside this process's CPU count)."""
        if meter is not None:
            self.meter_open = meter()
        self.opened = time.perf_counter()
        self._cpu0 = time.process_time()

    def window_close(self, meter: Meter | None) -> None:
        self.client_cpu = time.process_time() - self._cpu0
        self.closed = time.perf_counter()
        if meter is not None:
            self.meter_close = meter()

    def merge(self, other: Load) -> None:
        self.idle += other.idle
        self.push += other.push
        self.errors += other.errors
        self.requests += other.requests
        self.client_cpu += other.client_cpu
        self.bytes_out += other.bytes_out
        self.bytes_in += other.bytes_in
        self.pushes += other.pushes
        # Several processes: from the first one's start to the last one's end.
        self.opened = min(self.opened, other.opened)
        self.closed = max(self.closed, other.closed)
        self.meter_open = _pairwise(min, self.meter_open, other.meter_open)
        self.meter_close = _pairwise(max, self.meter_close, other.meter_close)
        for k, v in other.statuses.items():
            self.statuses[k] = self.statuses.get(k, 0) + v


def _pairwise(
    pick: Callable[[float, float], float], a: tuple[float, float], b: tuple[float, float]
) -> tuple[float, float]:
    """Per reading, ``pick`` of the two, a missing one (nan) left out."""
    return (
        a[0] if math.isnan(b[0]) else b[0] if math.isnan(a[0]) else pick(a[0], b[0]),
        a[1] if math.isnan(b[1]) else b[1] if math.isnan(a[1]) else pick(a[1], b[1]),
    )


def acknowledged(push: Push, answer: Any) -> bool:
    """Whether a push's answer (the parsed JSON) acknowledges both its changes: the note
    applied, the edit applied or stored as a field conflict (the server kept another
    device's newer value: a push based on an old copy). Notes their revisions on
    ``push``."""
    results = {r.get("id"): r for r in (answer.get("push") or {}).get("results", [])}
    cand, note = results.get(push.candidate), results.get(push.note_id)
    if not cand or not note or note.get("status") != "applied":
        return False
    if cand.get("status") not in ("applied", "conflict"):
        return False
    push.applied = cand.get("status") == "applied"
    push.candidate_rev, push.note_rev = cand.get("rev"), note.get("rev")
    return isinstance(push.candidate_rev, int) and isinstance(push.note_rev, int)


class Device(asyncio.Protocol):
    """One device on its own keep-alive connection: sends a sync, reads the answer in
    ``data_received``, sends the next (``Run`` says whether and when)."""

    def __init__(self, run: Run, dev: Dev) -> None:
        self.run = run
        self.dev = dev
        self.head = request_head(run.host_header, dev.token)
        self.template = push_template(dev.account, dev.candidate)
        self.idle_cursor: str | None = "\0"  # the cursor ``idle_request`` was made for
        self.idle_request = b""
        self.transport: asyncio.Transport | None = None
        self.buf = bytearray()
        self.sent_at = 0.0  # when the request in flight was (meant to be) sent; 0: none
        self.pushing: Push | None = None
        self.seq = 0
        self.timed_out = False
        self.dropped = 0  # connections closed here whose connection_lost is still to come
        self.waiter: asyncio.Future[None] | None = None  # resolved when the phase is over
        self.next_at = 0.0  # open loop: when the next sync is due
        self.until = 0.0  # the phase ends (no new request after)
        self.catching_up = False

    # -- asyncio.Protocol

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is not a subclass

    def data_received(self, data: bytes) -> None:
        now = time.perf_counter()
        self.run.load.bytes_in += len(data)
        if self.buf:
            self.buf += data
            buf: bytes | bytearray = self.buf
        else:
            buf = data
        try:
            answer = parse_answer(buf)
        except ProtocolError:
            self._failed(now, "ProtocolError")
            return
        if answer is None:
            if not self.buf:
                self.buf += data
            return
        if answer.end != len(buf):  # nothing was asked for after this one
            self._failed(now, "ProtocolError")
            return
        self.buf.clear()
        self._answered(now, answer)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.dropped:  # one this device let go of (its successor may be up already)
            self.dropped -= 1
            return
        self.transport = None
        if self.sent_at:
            now = time.perf_counter()
            try:
                answer = parse_answer(self.buf, closed=True) if self.buf else None
            except ProtocolError:
                answer = None
            self.buf.clear()
            if answer is not None:
                self._answered(now, answer)
                return
            kind = "Timeout" if self.timed_out else type(exc).__name__ if exc else "Closed"
            self._failed(now, kind, reset=False)

    # -- requests

    def send(self) -> None:
        """The next sync now: a push with the run's probability, else nothing to send."""
        if self.transport is None:
            self.run.reconnect(self)
            return
        run = self.run
        now = time.perf_counter()
        # Open loop: latency from when the sync was due (a late send is the server's
        # doing, not a gap in the load); closed loop: from now.
        self.sent_at = self.next_at if run.every and not self.catching_up else now
        cursor = self.dev.cursor
        if not self.catching_up and run.rng.random() < run.push_p:
            self.seq += 1
            push = Push(self.dev.candidate, self.seq, str(uuid.uuid4()), str(uuid.uuid4()))
            self.pushing = push
            run.load.pushes.append(push)
            body = push_body(self.template, cursor, push.batch_id, self.dev.candidate_rev,
                             push.seq, push.note_id)  # fmt: skip
            data = request(self.head, body)
        else:
            self.pushing = None
            if cursor != self.idle_cursor:
                self.idle_cursor = cursor
                self.idle_request = request(self.head, idle_body(cursor))
            data = self.idle_request
        run.load.bytes_out += len(data)
        self.transport.write(data)

    def _answered(self, now: float, answer: Answer) -> None:
        load = self.run.load
        took = now - self.sent_at
        self.sent_at = 0.0
        status = answer.head.status
        push = self.pushing
        more = False
        if status == 200:
            try:
                body = decoded(answer.head.encoding, answer.body)
                if push is not None:
                    whole = json.loads(body)
                    if acknowledged(push, whole):
                        push.acked = True
                        self.dev.candidate_rev = push.candidate_rev or 0
                        if not push.applied:
                            load.count("conflict")  # acknowledged; not an error
                    else:
                        status = -1
                    self.dev.cursor = str(whole["pull"]["cursor"])
                    more = bool(whole["pull"]["more"])
                else:
                    self.dev.cursor, more = page_end(body)
            except (ProtocolError, ValueError, KeyError, TypeError, zlib.error):
                status = -2
        if push is not None:
            push.status = answer.head.status
        if not self.catching_up:
            load.requests += 1
            (load.push if push is not None else load.idle).append(took)
            if status != 200:
                load.errors += 1
                load.count({-1: "push not applied", -2: "bad answer"}.get(status, str(status)))
        elif status != 200:
            self._finish(RuntimeError(f"catch-up: {status}"))
            return
        if answer.head.close and self.transport is not None:
            self._drop(self.transport.close)
        self._next(now, caught_up=not more)

    def _failed(self, now: float, kind: str, reset: bool = True) -> None:
        """The request in flight got no (readable) answer: counted by kind, the
        connection dropped, the device goes on with a new one."""
        load = self.run.load
        took = now - self.sent_at
        self.sent_at = 0.0
        self.timed_out = False
        self.buf.clear()
        if self.catching_up:
            self._finish(RuntimeError(f"catch-up: {kind}"))
        else:
            load.requests += 1
            load.errors += 1
            load.count(kind)
            (load.push if self.pushing is not None else load.idle).append(took)
        if reset and self.transport is not None:
            self._drop(self.transport.abort)
        if not self.catching_up:
            self._next(now, caught_up=True)

    def _drop(self, close: Callable[[], None]) -> None:
        """The connection closed from this end; the next request opens another."""
        self.dropped += 1
        self.transport = None
        close()

    def _next(self, now: float, caught_up: bool) -> None:
        if self.catching_up:
            if caught_up:
                self._finish(None)
            else:
                self.send()
            return
        every = self.run.every
        if every:
            self.next_at += every
            while self.next_at < now - every:  # far behind: skip the syncs missed
                self.next_at += every
            if self.next_at >= self.until:
                self._finish(None)
            elif self.next_at > now:
                self.run.loop.call_later(self.next_at - now, self.send)
            else:
                self.send()
        elif now >= self.until:
            self._finish(None)
        else:
            self.send()

    def _finish(self, error: Exception | None) -> None:
        if self.waiter is not None and not self.waiter.done():
            if error is None:
                self.waiter.set_result(None)
            else:
                self.waiter.set_exception(error)

    def start(self, until: float, catching_up: bool, first_at: float) -> asyncio.Future[None]:
        self.until = until
        self.catching_up = catching_up
        self.waiter = self.run.loop.create_future()
        self.next_at = first_at
        if catching_up or not self.run.every:
            self.send()
        else:
            self.run.loop.call_later(max(0.0, first_at - time.perf_counter()), self.send)
        return self.waiter


class Run:
    """Devices against one server from this process."""

    def __init__(
        self,
        host: str,
        port: int,
        push_p: float,
        every: float | None = None,
        timeout: float = TIMEOUT,
        seed: int = 18,
    ) -> None:
        self.host, self.port = host, port
        self.host_header = host if port == 80 else f"{host}:{port}"
        self.push_p = push_p
        self.every = every
        self.timeout = timeout
        self.rng = random.Random(seed)
        self.load = Load()
        self.loop = asyncio.get_running_loop()
        self.devices: list[Device] = []

    async def connect(self, devs: list[Dev]) -> None:
        for dev in devs:
            device = Device(self, dev)
            await self.loop.create_connection(lambda d=device: d, self.host, self.port)
            self.devices.append(device)

    def reconnect(self, device: Device) -> None:
        async def again() -> None:
            try:
                await self.loop.create_connection(lambda: device, self.host, self.port)
            except OSError as exc:
                now = time.perf_counter()
                device.sent_at = device.sent_at or now
                device.pushing = None
                await asyncio.sleep(0.1)  # a refused connect, counted, then tried again
                device._failed(now, type(exc).__name__, reset=False)
                return
            device.send()

        self.loop.create_task(again())

    async def _watch(self) -> None:
        """Requests past ``timeout``: their connection aborted (counted as Timeout)."""
        while True:
            await asyncio.sleep(1)
            now = time.perf_counter()
            for d in self.devices:
                if d.sent_at and now - d.sent_at > self.timeout and d.transport is not None:
                    d.timed_out = True
                    d.transport.abort()

    async def phase(self, seconds: float | None, catching_up: bool) -> None:
        """Every device syncs for ``seconds`` (None: until each has caught up)."""
        now = time.perf_counter()
        until = now + (seconds or 0)
        every = self.every or 0
        waits = [
            d.start(until, catching_up, now + (self.rng.random() * every if every else 0))
            for d in self.devices
        ]
        watch = self.loop.create_task(self._watch())
        try:
            await asyncio.gather(*waits)
        finally:
            watch.cancel()

    def close(self) -> None:
        for d in self.devices:
            if d.transport is not None:
                d.transport.close()


def run_loop(coro: Coroutine[Any, Any, Any]) -> Any:
    """``coro`` on uvloop when it is there (the server's loop too), else asyncio's."""
    if uvloop is not None:
        return uvloop.run(coro)
    return asyncio.run(coro)


async def _drive(
    host: str,
    port: int,
    devs: list[Dev],
    seconds: float,
    push_p: float,
    every: float | None,
    meter: Meter | None,
) -> Load:
    run = Run(host, port, push_p, every)
    try:
        await run.connect(devs)
        await run.phase(None, catching_up=True)  # not counted, not timed
        run.load = Load()
        run.load.window_open(meter)
        await run.phase(seconds, catching_up=False)
        run.load.window_close(meter)
    finally:
        run.close()
    return run.load


def drive(
    host: str,
    port: int,
    devs: list[Dev],
    seconds: float,
    push_p: float,
    every: float | None = None,
    meter: Meter | None = None,
) -> Load:
    """``devs`` catch up, then sync for ``seconds``: back to back, or (``every``) each
    every ``every`` seconds from a random start. What they saw; ``meter`` read when the
    timed part opens and closes."""
    load: Load = run_loop(_drive(host, port, devs, seconds, push_p, every, meter))
    return load


async def _first_pulls(host: str, port: int, devs: list[Dev]) -> tuple[float, float]:
    run = Run(host, port, 0.0, timeout=120)
    try:
        await run.connect(devs)
        t0, cpu0 = time.perf_counter(), time.process_time()
        await run.phase(None, catching_up=True)
        return time.perf_counter() - t0, time.process_time() - cpu0
    finally:
        run.close()


def first_pulls(host: str, port: int, devs: list[Dev]) -> tuple[float, float]:
    """All ``devs`` pull to the end at once (connections open before the clock): wall
    seconds until the last has all pages, and this process's CPU seconds meanwhile."""
    got: tuple[float, float] = run_loop(_first_pulls(host, port, devs))
    return got


# --- the check: every acknowledged change stored, once -----------------------------------


def verify(url: str, pushes: list[Push], since: int) -> dict[str, int]:
    """What the database holds of ``pushes`` (made after revision ``since``):

    acked         pushes acknowledged (200, both changes applied)
    lost          acknowledged, but the note or the batch is missing, or the note is at
                  another revision than acknowledged, or the candidate behind it
    unacked_kept  not acknowledged (no answer, or an error) but stored all the same (a
                  connection that failed after the commit): allowed
    stray         notes on these candidates since ``since`` that no push sent, or a
                  candidate whose motivation is none a push may have left there
    """
    out = {"acked": 0, "lost": 0, "unacked_kept": 0, "stray": 0}
    if not pushes:
        return out
    engine = sa.create_engine(url)
    try:
        with engine.connect() as c:
            notes: dict[str, int] = {}
            batches: set[str] = set()
            for i in range(0, len(pushes), 1000):
                part = pushes[i : i + 1000]
                notes.update(
                    (rid, rev)
                    for rid, rev in c.execute(
                        sa.text("SELECT id, rev FROM record WHERE id = ANY(:ids)"),
                        {"ids": [x.note_id for x in part]},
                    )
                )
                batches.update(
                    bid
                    for (bid,) in c.execute(
                        sa.text("SELECT id FROM batch WHERE id = ANY(:ids)"),
                        {"ids": [x.batch_id for x in part]},
                    )
                )
            candidates = sorted({x.candidate for x in pushes})
            cand_rows = {
                rid: (rev, json.loads(data).get("motivation"))
                for rid, rev, data in c.execute(
                    sa.text("SELECT id, rev, data FROM record WHERE id = ANY(:ids)"),
                    {"ids": candidates},
                )
            }
            new_notes = c.execute(
                sa.text(
                    "SELECT count(*) FROM record WHERE entity = 'note' AND rev > :since"
                    " AND candidate_id = ANY(:ids)"
                ),
                {"since": since, "ids": candidates},
            ).scalar_one()
    finally:
        engine.dispose()
    last_acked: dict[str, Push] = {}  # per candidate, the last push whose edit applied
    for x in pushes:
        if x.acked:
            out["acked"] += 1
            if (
                notes.get(x.note_id) != x.note_rev
                or x.batch_id not in batches
                or cand_rows.get(x.candidate, (0, None))[0] < (x.candidate_rev or 0)
            ):
                out["lost"] += 1
            prev = last_acked.get(x.candidate)
            if x.applied and (prev is None or x.seq > prev.seq):
                last_acked[x.candidate] = x
        elif x.note_id in notes:
            out["unacked_kept"] += 1
    out["stray"] += max(0, int(new_notes) - len(notes))
    for cand, last in last_acked.items():
        may = {f"bijgewerkt {last.seq}"} | {
            f"bijgewerkt {x.seq}"
            for x in pushes
            if x.candidate == cand and x.seq > last.seq and not x.acked
        }
        if cand_rows.get(cand, (0, None))[1] not in may:
            out["stray"] += 1
    return out
