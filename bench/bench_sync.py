"""How fast sync is, side by side with PouchDB 9 and with the physical floor.

    bash bench/peers/setup.sh                       # once: node's pouchdb-node, express-pouchdb
    .venv/bin/python bench/bench_sync.py [--sizes 1000,10000] [--caseload 200] [--pct-at 50000] \
        [--pairs 3]

Per size (demo candidates, about 38 records each), three systems do the same work:
  SPT       a filled vault (bulk-loaded, everything in its outbox) syncs to an empty
            `spt-server` (a process, SQLite file): first push; then a second, empty vault
            of the same coach syncs: first pull. Vaults: SQLCipher, memory security as
            --memory-security says (default off, SQLCipher's own default).
  PouchDB   the same candidates exported (`ExportService`, what `spt-desktop export`
            writes) as one JSON document per candidate, replicated with batch_size 1000
            from a local pouchdb-node into express-pouchdb on 127.0.0.1 (first push) and
            from there into a new local pouchdb-node (first pull). Node processes.
  floor     the same request and response bytes the SPT sync had on the wire, over
            loopback HTTP, decoded and written with executemany into a plain SQLite file
            (WAL, synchronous=NORMAL, no triggers, primary key only), one commit per
            request/page: the physical limit of moving these bytes into a database.
The first push and the first pull run as --pairs pairs (default 3), SPT's and PouchDB's
one right after the other, which goes first in turn; the median pair is the figure
(this host's speed moves within minutes by more than a change of ours).
Then, in the same run:
  no change     a sync with nothing to send or fetch: median of --runs, and its requests
  10 changed    10 edited candidates pushed, pulled by the other vault (median round)
  1 % changed   at --pct-at candidates (0: skipped): 1 % of the records edited, pushed,
                pulled; beside a first push of the same number of new records
  caseload      a coach with --caseload candidates; a new vault's first pull end to end as
                an `spt-desktop sync` process (start to exit), on loopback and through a
                shaping proxy (10 Mbit/s, 60 ms round trip); bytes on the wire per record,
                compressed and raw.
Targets (issue 13): first push/pull faster than PouchDB (< 1x, aim 0.5x) and <= 3x the
floor; caseload pull <= 1 s on loopback, <= 3 s over the field link with wire bytes <= 1/4
of raw JSON; no change < 10 ms in 1 request; 10 changed < 100 ms; 1 % changed within 3x of
the same number of new records. Exit 1 when a target is missed. Figures: bench/SYNC.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

import memsec  # noqa: E402
from bench_vault import machine  # noqa: E402  (same machine line in every bench)
from shaper import Shaper  # noqa: E402

from spt_common.enums import Role  # noqa: E402
from spt_desktop import demo  # noqa: E402
from spt_desktop.models import Candidate  # noqa: E402
from spt_desktop.models.keyfile import KdfParams  # noqa: E402
from spt_desktop.models.vault import Vault  # noqa: E402
from spt_desktop.sync import apply, engine  # noqa: E402
from spt_desktop.sync.transport import Transport  # noqa: E402

PASSPHRASE = "bench wachtwoordzin voor de sync"
PASSWORD = "wachtwoord-van-de-bench-server"
EMAIL = "anna@spt.nl"
TODAY = date(2026, 11, 30)
SEED = 2026
FAST_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
OWNER_ROLES = (Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH, Role.JOBCOACH)
PEERS = BENCH / "peers"
PYTHON = sys.executable

PEER_RATIO, PEER_AIM, FLOOR_RATIO = 1.0, 0.5, 3.0
CASELOAD_S, FIELD_S, FIELD_BYTES = 1.0, 3.0, 0.25
NO_CHANGE_MS, TEN_MS, PCT_RATIO = 10.0, 100.0, 3.0
PEER_UP_TO = 10_000  # PouchDB at larger sizes costs many minutes and proves nothing new


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "SPT_PASSPHRASE": PASSPHRASE}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_port(port: int, proc: subprocess.Popen[Any], what: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} stopped: {proc.returncode}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not start")


# --- servers -------------------------------------------------------------------------


class SptServer:
    """`spt-server serve` as a process on a fresh SQLite file with one coach; or, with
    ``existing``, on the database already in ``workdir`` (a copy of one: a pair's push)."""

    def __init__(self, workdir: Path, *, existing: bool = False, port: int | None = None) -> None:
        from sqlalchemy.orm import Session

        from spt_server import setup
        from spt_server.db import make_engine
        from spt_server.setup import upgrade

        self.db = f"sqlite:///{workdir / 'server.db'}"
        if not existing:
            eng = make_engine(self.db)
            upgrade(eng)
            with Session(eng) as s, s.begin():
                setup.add_coach(
                    s, email=EMAIL, name="Anna", roles=[r.value for r in OWNER_ROLES],
                    spt="spt_noord_holland", password=PASSWORD,
                )  # fmt: skip
            eng.dispose()
        self.port = port or free_port()
        self.proc = subprocess.Popen(
            [PYTHON, "-m", "spt_server.cli", "serve", "--db", self.db, "--port",
             str(self.port), "--no-retention", "--log-level", "error"],
            env=env(),
        )  # fmt: skip
        wait_port(self.port, self.proc, "spt-server")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cpu(self) -> float:
        """CPU seconds the server process has used so far."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


class Uvicorn:
    """A bare ASGI app under uvicorn on 127.0.0.1, in a thread (the floor's other end)."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = free_port()
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="error", access_log=False,
            lifespan="off",
        )  # fmt: skip
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.01)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join()


class Replay:
    """A bare ASGI app: ``handler(request body) -> response body``, nothing else."""

    def __init__(self, handler: Callable[[bytes], bytes]) -> None:
        self.handler = handler

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            msg = await receive()
            body += msg.get("body", b"")
            if not msg.get("more_body"):
                break
        reply = await asyncio.to_thread(self.handler, body)
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(reply))]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": reply})


# --- the wire, recorded ------------------------------------------------------------------


@dataclass
class Wire:
    """Every request and response body of a Transport (as JSON, decompressed), in order;
    and the bytes that crossed the wire (compressed where negotiated)."""

    # Request bodies as they went (their Content-Encoding, the bytes): decoded only when
    # read (``sent``), after the timed sync. The hook runs on the client's network thread
    # before the request goes out: decoding there (~1 ms a push batch) held each request
    # back while the server waited, inside the timed push (issue 13, helper "pushgap").
    packed: list[tuple[str | None, bytes]] = field(default_factory=list)
    received: list[bytes] = field(default_factory=list)
    wire_up: int = 0
    wire_down: int = 0
    recording: bool = False

    @property
    def sent(self) -> list[bytes]:
        """Every request body as JSON (decompressed)."""
        return [body if name is None else _decode(name, body) for name, body in self.packed]

    def transport(self, url: str) -> Transport:
        def on_request(request: httpx.Request) -> None:
            # Sync round trips only: a token refresh on the way is no part of the data.
            if self.recording and request.url.path.endswith("/sync"):
                body = request.content
                self.wire_up += len(body)
                self.packed.append((request.headers.get("content-encoding") or None, body))

        def on_response(response: httpx.Response) -> None:
            if self.recording and response.request.url.path.endswith("/sync"):
                response.read()
                self.received.append(response.content)
                self.wire_down += response.num_bytes_downloaded

        t = Transport(url)
        t._client.event_hooks = {"request": [on_request], "response": [on_response]}
        return t

    def reset(self) -> None:
        self.packed, self.received, self.wire_up, self.wire_down = [], [], 0, 0

    def raw(self) -> tuple[int, int]:
        return sum(map(len, self.sent)), sum(map(len, self.received))


def _decode(name: str, body: bytes) -> bytes:
    """A body as its Content-Encoding says; a push request's zstd is several frames (the
    batch's as the vault keeps it between its head's and tail's: round 8)."""
    from spt_common import encoding

    return encoding.decode(name, body, 1 << 31) if name in encoding.ENCODINGS else body


# --- the floor ---------------------------------------------------------------------------


class PlainSqlite:
    """Records (entity, id, rev, deleted, data) into a plain SQLite file: WAL,
    synchronous=NORMAL, a table per entity with the vault's columns, primary key only,
    no triggers; executemany, one commit per call."""

    def __init__(self, path: Path) -> None:
        for p in path.parent.glob(path.name + "*"):
            p.unlink()
        self.cols = {
            e: [c.name for c in t.columns if c.computed is None] for e, t in apply.TABLES.items()
        }
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        for e, cols in self.cols.items():
            rest = ", ".join(f'"{c}"' for c in cols if c != "id")
            self.db.execute(f'CREATE TABLE "t_{e}" (id TEXT PRIMARY KEY, {rest})')
        self.sql = {
            e: f'INSERT OR REPLACE INTO "t_{e}" ({", ".join(chr(34) + c + chr(34) for c in c_)}) '
            f"VALUES ({', '.join('?' * len(c_))})"
            for e, c_ in self.cols.items()
        }

    def insert(self, records: list[tuple[str, str, Any, bool, dict[str, Any]]]) -> None:
        by: dict[str, list[tuple[Any, ...]]] = {}
        for entity, rid, rev, deleted, data in records:
            if entity not in self.cols:
                continue
            extra = {"id": rid, "server_rev": rev, "deleted": deleted}
            by.setdefault(entity, []).append(
                tuple(extra[c] if c in extra else _plain(data.get(c)) for c in self.cols[entity])
            )
        self.db.execute("BEGIN")
        for entity, rows in by.items():
            self.db.executemany(self.sql[entity], rows)
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()


def _plain(v: Any) -> Any:
    return json.dumps(v) if isinstance(v, (list, dict)) else v


def floor_pull(workdir: Path, wire: Wire) -> Run:
    """The recorded pull's response bodies over loopback, decoded, inserted raw."""
    pages = iter(wire.received)
    server = Uvicorn(Replay(lambda _body: next(pages)))
    sink = PlainSqlite(workdir / "floor-pull.db")
    bodies = wire.sent
    try:
        with httpx.Client(timeout=120) as http:
            start, cpu = time.perf_counter(), time.process_time()
            for body in bodies:
                page = json.loads(http.post(server.url + "/sync", content=body).content)["pull"]
                sink.insert(
                    [(r["entity"], r["id"], r["rev"], r["deleted"], r["data"])
                     for r in page["records"]]
                )  # fmt: skip
            return Run(time.perf_counter() - start, len(bodies), cpu=time.process_time() - cpu)
    finally:
        sink.close()
        server.stop()


def floor_push(workdir: Path, wire: Wire) -> Run:
    """The recorded push's request bodies over loopback, decoded and inserted raw by the
    receiving end."""
    sink = PlainSqlite(workdir / "floor-push.db")

    def receive(body: bytes) -> bytes:
        batch = json.loads(body).get("batch") or {"changes": []}
        sink.insert(
            [(c["entity"], c["id"], 1, c["op"] == "delete", c.get("fields") or {})
             for c in batch["changes"]]
        )  # fmt: skip
        return b'{"ok": true}'

    server = Uvicorn(Replay(receive))
    bodies = wire.sent
    try:
        with httpx.Client(timeout=120) as http:
            start, cpu = time.perf_counter(), time.process_time()
            for body in bodies:
                http.post(server.url + "/sync", content=body).raise_for_status()
            return Run(time.perf_counter() - start, len(bodies), cpu=time.process_time() - cpu)
    finally:
        server.stop()
        sink.close()


# --- the peer: PouchDB 9 -----------------------------------------------------------------


def peer_ready() -> bool:
    return (PEERS / "node_modules" / "pouchdb-node").is_dir() and shutil.which("node") is not None


def node(*args: str) -> dict[str, Any]:
    out = subprocess.run(
        ["node", *args], cwd=PEERS, capture_output=True, text=True, check=True, timeout=3600
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def export_docs(vault: Vault, path: Path) -> int:
    """One JSON document per candidate, as `spt-desktop export` writes them."""
    from spt_desktop.services import Services

    docs = Services(vault).export.export()["candidates"]
    for d in docs:
        d["_id"] = d["id"]
    text = json.dumps(docs, ensure_ascii=False, default=str)
    path.write_text(text, encoding="utf-8")
    return len(text.encode())


class Peer:
    """express-pouchdb on 127.0.0.1 and a local pouchdb-node filled with the documents
    (untimed); each timed replication goes to or from a database of its own name."""

    def __init__(self, workdir: Path, docs: Path) -> None:
        self.workdir = workdir
        self.port = free_port()
        data = workdir / "couch"
        data.mkdir()
        self.proc = subprocess.Popen(
            ["node", "server.js", str(data), str(self.port)], cwd=PEERS,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            wait_port(self.port, self.proc, "express-pouchdb")
            node("replicate.js", "load", str(workdir / "pouch-a"), str(docs))
        except BaseException:
            self.stop()
            raise

    def remote(self, n: int) -> str:
        return f"http://127.0.0.1:{self.port}/bench{n}"

    def push(self, n: int) -> Run:
        """The local documents replicated into a new remote database ``n``."""
        up = node("replicate.js", "push", str(self.workdir / "pouch-a"), self.remote(n))
        return Run(up["seconds"], 0, up["docs"])

    def pull(self, n: int, into: int) -> Run:
        """Remote database ``n`` replicated into a new local database."""
        down = node("replicate.js", "pull", str(self.workdir / f"pouch-b{into}"), self.remote(n))
        return Run(down["seconds"], 0, down["docs"])

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


# --- the measured syncs -------------------------------------------------------------------


def settled(*paths: Path) -> None:
    """Files just written (a vault filled, a copy of one) flushed to disk before a timed
    sync: else the sync's first fsync of the file (its checkpoint's, at its end) also
    wrote out every page the fill or the copy left in the page cache (250 MB at 10k), a
    wait no laptop's sync has (issue 13, helper "pushgap"). A path that is not there is
    skipped."""
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            continue
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fresh_vault(workdir: Path, name: str) -> Vault:
    for p in workdir.glob(name + "*"):
        p.unlink()
    vault, _ = Vault.create(workdir / name, PASSPHRASE, owner_roles=OWNER_ROLES, kdf=FAST_KDF)
    return vault


@dataclass
class Run:
    seconds: float
    requests: int = 0
    records: int = 0
    up: int = 0  # bytes on the wire
    down: int = 0
    cpu: float = 0.0  # client (this process)
    server_cpu: float = 0.0
    raw: int = 0  # JSON bytes before compression, both ways
    pulled: int = 0  # records the sync's answers brought (a push's: its echo)


def timed_sync(
    vault: Vault, transport: Transport, wire: Wire | None = None, server: SptServer | None = None
) -> Run:
    if wire is not None:
        wire.reset()
        wire.recording = True
    scpu = server.cpu() if server else 0.0
    start, cpu = time.perf_counter(), time.process_time()
    report = engine.sync(vault, transport=transport)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    scpu = server.cpu() - scpu if server else 0.0
    run = Run(seconds, report.requests, report.pushed + report.pulled, cpu=cpu, server_cpu=scpu,
              pulled=report.pulled)  # fmt: skip
    if wire is not None:
        wire.recording = False
        run.up, run.down, run.raw = wire.wire_up, wire.wire_down, sum(wire.raw())
    return run


def edit_candidates(vault: Vault, n: int, tag: str, skip: int = 0) -> None:
    """Change the phone number of ``n`` candidates, after the first ``skip`` in id order
    (through the ORM: outbox as usual)."""
    with vault.transaction() as s:
        ids = s.scalars(sa.select(Candidate.id).order_by(Candidate.id).offset(skip).limit(n)).all()
        for i, cid in enumerate(ids):
            c = s.get(Candidate, cid)
            assert c is not None
            c.phone = f"06{tag}{i:06d}"[:12]


@dataclass
class SizeResult:
    size: int
    records: int
    push: Run  # the median pair's (by SPT/PouchDB; by seconds without the peer)
    pull: Run
    floor_push: Run
    floor_pull: Run
    peer_push: Run | None
    peer_pull: Run | None
    json_bytes: int
    no_change: Run
    no_change_max: float
    ten_push: Run
    ten_pull: Run
    pct_push: Run | None = None
    pct_pull: Run | None = None
    # Every pair, in the order run: (SPT, PouchDB or None).
    push_pairs: list[tuple[Run, Run | None]] = field(default_factory=list)
    pull_pairs: list[tuple[Run, Run | None]] = field(default_factory=list)


def median_pair(pairs: list[tuple[Run, Run | None]]) -> tuple[Run, Run | None]:
    """The pair whose ratio SPT/PouchDB is the median (the lower of the two middle ones
    for an even count); by SPT's seconds without the peer."""

    def key(pair: tuple[Run, Run | None]) -> float:
        spt, peer = pair
        return spt.seconds / peer.seconds if peer else spt.seconds

    return sorted(pairs, key=key)[(len(pairs) - 1) // 2]


def in_turn(
    what: str, n: int, spt: Callable[[int], Run], peer: Callable[[int], Run] | None
) -> tuple[Run, Run | None]:
    """Pair ``n`` of the first ``what``: SPT's run and PouchDB's back to back, SPT's
    first in the even pairs (see ``bench_size``)."""
    other = peer(n) if peer and n % 2 else None
    run = spt(n)
    if peer and not n % 2:
        other = peer(n)
    vs = f", PouchDB {other.seconds:.2f} s ({run.seconds / other.seconds:.2f}x)" if other else ""
    print(f"  first {what} {run.seconds:.2f} s, {run.requests} requests{vs}", flush=True)
    return run, other


def copy_files(src: Path, dst: Path, *names: str) -> None:
    """Each file ``name*`` of ``src`` (a database and its WAL, a vault and its key) into
    ``dst``, flushed to disk (``settled``): a closed vault or a stopped server's database,
    copied whole."""
    dst.mkdir(parents=True, exist_ok=True)
    for name in names:
        for path in src.glob(name + "*"):
            if path.is_file():
                shutil.copy2(path, dst / path.name)  # its mode too: 0600
                settled(dst / path.name)


def bench_size(
    size: int, runs: int, workdir: Path, peer: bool, pct: bool, memory: str, pairs: int = 1
) -> SizeResult:
    """One size. The first push and the first pull run as ``pairs`` pairs, SPT's and
    PouchDB's one right after the other, in turn which goes first (SPT first in the first
    pair): this host's speed moves by more than any change within minutes (bench/SYNC.md
    round 17: the floor's own run 4.4-6.7 s, PouchDB's 7.0-9.6 s within the hour), and a
    ratio of two runs minutes apart measured the host as much as the sync. Each SPT
    push is the same filled vault, copied, into a copy of the same empty server, on
    the same port (the vault keeps the server's address); each PouchDB push goes into a
    new remote database. Each SPT pull is a new device's vault (its login untimed), each
    PouchDB pull a new local database. Every run's bytes are counted; the floor replays
    the first pair's."""
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    start_dir, snapshot = workdir / "start", workdir / "snapshot"
    start_dir.mkdir()
    server = SptServer(start_dir)
    port = server.port
    wire = Wire()
    couch: Peer | None = None
    a = b = None
    ta = tb = None
    try:
        started = time.perf_counter()
        a = fresh_vault(start_dir, "a.sptvault")
        assert memsec.state(a) == memory, memsec.state(a)
        ta = wire.transport(server.url)
        engine.login(a, server.url, EMAIL, PASSWORD, transport=ta, device_name="laptop")
        counts = demo.fill_vault(a, size, SEED, TODAY)
        records = sum(v for k, v in counts.items() if k != "coach")
        print(f"  {size:,} candidates: {records:,} records, filled in "
              f"{time.perf_counter() - started:.1f} s", flush=True)  # fmt: skip
        docs = workdir / "docs.json"
        json_bytes = export_docs(a, docs)
        ta.close()
        a.lock()
        server.stop()
        copy_files(start_dir, snapshot, "a.sptvault", "server.db")
        shutil.rmtree(start_dir)
        if peer:
            couch = Peer(workdir, docs)  # its documents loaded, untimed

        floors: dict[str, Run] = {}  # the first pair's bytes replayed

        def first_push(n: int) -> Run:
            nonlocal server, a, ta
            if ta is not None:
                ta.close()
            if a is not None:
                a.lock()
            server.stop()
            here = workdir / f"push{n}"
            copy_files(snapshot, here, "a.sptvault", "server.db")
            for old in workdir.glob("push*"):  # the pair before's copies: not needed
                if old != here:
                    shutil.rmtree(old)
            server = SptServer(here, existing=True, port=port)
            a = Vault(here / "a.sptvault", memory_security=memory == "on")
            a.unlock(PASSPHRASE)
            ta = wire.transport(server.url)
            push = timed_sync(a, ta, wire, server)
            if n == 0:
                floors["push"] = floor_push(workdir, wire)
            return push

        def first_pull(n: int) -> Run:
            nonlocal b, tb
            if tb is not None:
                tb.close()
            if b is not None:
                b.lock()
            b = fresh_vault(workdir, f"b{n}.sptvault")
            tb = wire.transport(server.url)
            engine.login(b, server.url, EMAIL, PASSWORD, transport=tb, device_name=f"tweede {n}")
            pull = timed_sync(b, tb, wire, server)
            if n == 0:
                floors["pull"] = floor_pull(workdir, wire)
            return pull

        push_pairs = [
            in_turn("push", n, first_push, couch.push if couch else None) for n in range(pairs)
        ]
        print(f"  floor push {floors['push'].seconds:.2f} s", flush=True)
        from_last = partial(couch.pull, pairs - 1) if couch else None  # the last push's
        pull_pairs = [in_turn("pull", n, first_pull, from_last) for n in range(pairs)]
        print(f"  floor pull {floors['pull'].seconds:.2f} s", flush=True)
        fpush, fpull = floors["push"], floors["pull"]
        if couch:
            couch.stop()
            couch = None
        assert a is not None and b is not None and ta is not None and tb is not None

        timed_sync(a, ta)  # a's own echo: nothing, but settles its cursor
        quiet = [timed_sync(b, tb, wire, server) for _ in range(runs + 1)][1:]
        quiet.sort(key=lambda r: r.seconds)
        tens = []
        for i in range(max(3, runs // 4)):
            edit_candidates(a, 10, f"1{i}", skip=10 * i)
            tens.append((timed_sync(a, ta, wire, server), timed_sync(b, tb, wire, server)))
        tens.sort(key=lambda pair: pair[0].seconds + pair[1].seconds)
        push, ppush = median_pair(push_pairs)
        pull, ppull = median_pair(pull_pairs)
        result = SizeResult(
            size, records, push, pull, fpush, fpull, ppush, ppull, json_bytes,
            quiet[len(quiet) // 2], quiet[-1].seconds, *tens[len(tens) // 2],
            push_pairs=push_pairs, pull_pairs=pull_pairs,
        )  # fmt: skip
        if pct:
            n_pct = max(1, round(records / 100))
            edit_candidates(a, n_pct, "77")
            result.pct_push = timed_sync(a, ta, wire, server)
            result.pct_pull = timed_sync(b, tb, wire, server)
        return result
    finally:
        for t in (ta, tb):
            if t is not None:
                t.close()
        for v in (a, b):
            if v is not None:
                v.lock()
        if couch:
            couch.stop()
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


@dataclass
class Caseload:
    size: int
    records: int
    loopback: float
    field: float
    field_up: int
    field_down: int
    raw_field: Run
    json_bytes: int


CHILD_CPU: list[float] = []  # CPU seconds of each `spt-desktop` process


def spt_desktop(*args: str) -> float:
    """`spt-desktop ARGS` as a process (memory security as this bench runs it): seconds
    from start to exit (its CPU seconds go to CHILD_CPU)."""
    import resource

    cmd = [PYTHON, str(BENCH / "memsec.py"), *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=env() | {"SPT_BENCH_MEMSEC": MEMORY}, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CHILD_CPU.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return seconds


def bench_caseload(size: int, workdir: Path) -> Caseload:
    """A coach's caseload: its first pull on a new laptop, as the coach runs it."""
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    server = SptServer(workdir)
    shaper = Shaper(server.port)
    try:
        a = fresh_vault(workdir, "a.sptvault")
        with Transport(server.url) as t:
            engine.login(a, server.url, EMAIL, PASSWORD, transport=t, device_name="laptop")
            counts = demo.fill_vault(a, size, SEED, TODAY)
            engine.sync(a, transport=t)
        records = sum(v for k, v in counts.items() if k != "coach")
        json_bytes = export_docs(a, workdir / "docs.json")
        a.lock()
        times = []
        for i in range(3):
            v = fresh_vault(workdir, f"b{i}.sptvault")
            with Transport(server.url) as t:
                engine.login(v, server.url, EMAIL, PASSWORD, transport=t, device_name=f"b{i}")
            v.lock()
            times.append(spt_desktop("sync", "--vault", str(workdir / f"b{i}.sptvault")))
        field_times, ups, downs = [], [], []
        for i in range(3):
            v = fresh_vault(workdir, f"c{i}.sptvault")
            with Transport(shaper.url) as t:
                engine.login(v, shaper.url, EMAIL, PASSWORD, transport=t, device_name=f"c{i}")
            v.lock()
            shaper.reset()
            field_times.append(spt_desktop("sync", "--vault", str(workdir / f"c{i}.sptvault")))
            ups.append(shaper.up)
            downs.append(shaper.down)
        # The same pull without compression, in this process, for the raw JSON bytes.
        v = fresh_vault(workdir, "raw.sptvault")
        try:
            plain = Transport(shaper.url, compress=False)  # type: ignore[call-arg]
        except TypeError:  # a client from before compression (the bench's "before" runs)
            plain = Transport(shaper.url)
        with plain as t:
            engine.login(v, shaper.url, EMAIL, PASSWORD, transport=t, device_name="raw")
            shaper.reset()
            start = time.perf_counter()
            report = engine.sync(v, transport=t)
            raw = Run(time.perf_counter() - start, report.requests, report.pulled,
                      shaper.up, shaper.down)  # fmt: skip
        v.lock()
        k = sorted(range(3), key=lambda j: field_times[j])[1]
        return Caseload(
            size, records, statistics.median(times), field_times[k], ups[k], downs[k], raw,
            json_bytes,
        )  # fmt: skip
    finally:
        shaper.close()
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


# --- report ---------------------------------------------------------------------------

MEMORY = "off"


def report(results: list[SizeResult], caseload: Caseload | None) -> bool:
    ok = True
    mib = 2**20

    def mark(good: bool) -> str:
        nonlocal ok
        ok &= good
        return "ok" if good else "MISSED"

    print(f"\nvault memory security: {MEMORY}")
    print("\n| candidates | records | what | SPT s | client cpu s | server cpu s | PouchDB s "
          "| floor s | SPT/PouchDB | SPT/floor | requests | MiB up | MiB down | |")  # fmt: skip
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in results:
        for what, run, peer, floor in (
            ("first push", r.push, r.peer_push, r.floor_push),
            ("first pull", r.pull, r.peer_pull, r.floor_pull),
        ):
            vs_peer = run.seconds / peer.seconds if peer else None
            vs_floor = run.seconds / floor.seconds
            good = vs_floor <= FLOOR_RATIO and (vs_peer is None or vs_peer < PEER_RATIO)
            print(
                f"| {r.size:,} | {r.records:,} | {what} | {run.seconds:.2f} | {run.cpu:.2f} "
                f"| {run.server_cpu:.2f} | {peer.seconds if peer else float('nan'):.2f} "
                f"| {floor.seconds:.2f} | {vs_peer or float('nan'):.2f}x | {vs_floor:.2f}x "
                f"| {run.requests} | {run.up / mib:.1f} | {run.down / mib:.1f} | {mark(good)} |"
            )
        for what, pairs in (("first push", r.push_pairs), ("first pull", r.pull_pairs)):
            if len(pairs) > 1 and all(peer for _, peer in pairs):
                each = ", ".join(
                    f"{spt.seconds / peer.seconds:.2f}x ({spt.seconds:.2f} / {peer.seconds:.2f} s)"
                    for spt, peer in pairs
                    if peer
                )
                print(f"| {r.size:,} | | {what}, {len(pairs)} pairs in turn (the median pair "
                      f"above): {each} | | | | | | | | | | | |")  # fmt: skip
        print(f"| {r.size:,} | | (PouchDB's documents: {r.json_bytes / mib:.1f} MiB of JSON) "
              "| | | | | | | | | | | |")  # fmt: skip
        print(f"| {r.size:,} | | first push: {r.push.records - r.push.pulled:,} pushed, "
              f"{r.push.pulled:,} pulled back, {r.push.raw / mib:.1f} MiB raw JSON both ways "
              "| | | | | | | | | | | |")  # fmt: skip
    print("\n| candidates | what | ms | client cpu ms | server cpu ms | requests | target | |")
    print("|---:|---|---:|---:|---:|---:|---|---|")
    for r in results:
        q = r.no_change
        good = q.seconds * 1000 < NO_CHANGE_MS and q.requests == 1
        print(f"| {r.size:,} | no change (median; max {r.no_change_max * 1000:.1f} ms) "
              f"| {q.seconds * 1000:.1f} | {q.cpu * 1000:.1f} | {q.server_cpu * 1000:.1f} "
              f"| {q.requests} | < {NO_CHANGE_MS:g} ms, 1 request | {mark(good)} |")  # fmt: skip
        ten = r.ten_push.seconds + r.ten_pull.seconds
        for what, run in (("10 changed: push", r.ten_push), ("10 changed: pull", r.ten_pull)):
            print(f"| {r.size:,} | {what} | {run.seconds * 1000:.1f} | {run.cpu * 1000:.1f} "
                  f"| {run.server_cpu * 1000:.1f} | {run.requests} | | |")  # fmt: skip
        print(f"| {r.size:,} | 10 changed: push + pull | {ten * 1000:.1f} | | | "
              f"| < {TEN_MS:g} ms | {mark(ten * 1000 < TEN_MS)} |")  # fmt: skip
        if r.pct_push and r.pct_pull:
            for what, run in (("1 % changed: push", r.pct_push), ("1 % changed: pull", r.pct_pull)):
                print(f"| {r.size:,} | {what} ({run.records:,} records) | "
                      f"{run.seconds * 1000:.0f} | {run.cpu * 1000:.0f} "
                      f"| {run.server_cpu * 1000:.0f} | {run.requests} | | |")  # fmt: skip
            # The same number of new records, at the first push's rate.
            per_new = r.push.seconds / max(1, r.push.records)
            ratio = r.pct_push.seconds / (per_new * max(1, r.pct_push.records))
            print(f"| {r.size:,} | 1 % changed push vs as many new records | {ratio:.2f}x "
                  f"| | | | <= {PCT_RATIO:g}x | {mark(ratio <= PCT_RATIO)} |")  # fmt: skip
    if caseload:
        c = caseload
        wire = c.field_up + c.field_down
        raw = c.raw_field.up + c.raw_field.down
        print(f"\ncaseload: {c.size} candidates, {c.records:,} records "
              f"({c.json_bytes / 1024:,.0f} KiB as exported JSON)")  # fmt: skip
        cpu = statistics.median(CHILD_CPU[:3]), statistics.median(CHILD_CPU[3:6])
        print(f"`spt-desktop sync` process CPU (median): {cpu[0]:.2f} s loopback, "
              f"{cpu[1]:.2f} s field link")  # fmt: skip
        print("\n| what | s | bytes on the wire | per record | target | |")
        print("|---|---:|---:|---:|---|---|")
        print(f"| `spt-desktop sync`, first pull, loopback (median of 3) | {c.loopback:.2f} "
              f"| | | <= {CASELOAD_S:g} s | {mark(c.loopback <= CASELOAD_S)} |")  # fmt: skip
        print(f"| `spt-desktop sync`, first pull, 10 Mbit/s 60 ms RTT (median of 3) "
              f"| {c.field:.2f} | {wire:,} | {wire / c.records:.0f} | <= {FIELD_S:g} s "
              f"| {mark(c.field <= FIELD_S)} |")  # fmt: skip
        print(
            f"| same link, no compression (raw JSON; in-process client) "
            f"| {c.raw_field.seconds:.2f} | {raw:,} | {raw / c.records:.0f} | | |"
        )
        print(
            f"| compressed / raw bytes | {wire / raw:.3f} | | | <= {FIELD_BYTES:g} "
            f"| {mark(wire <= FIELD_BYTES * raw)} |"
        )
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    global MEMORY
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="candidates per run")
    parser.add_argument("--runs", type=int, default=20, help="no-change syncs (median)")
    parser.add_argument("--caseload", type=int, default=200, help="0: skip")
    parser.add_argument("--pct-at", type=int, default=0, help="1 %% changed at this size")
    parser.add_argument("--no-peer", action="store_true", help="skip PouchDB")
    parser.add_argument(
        "--pairs", type=int, default=3,
        help="first push and pull: SPT and PouchDB this many times in turn (median pair)",
    )  # fmt: skip
    parser.add_argument("--memory-security", choices=("on", "off"), default="off")
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "spt-bench-sync"
    )
    args = parser.parse_args(argv)
    MEMORY = args.memory_security
    memsec.force(MEMORY == "on")
    peer = not args.no_peer
    if peer and not peer_ready():
        print("PouchDB peer missing: run `bash bench/peers/setup.sh` (or --no-peer)")
        return 2
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    if args.pct_at and args.pct_at not in sizes:
        sizes.append(args.pct_at)
    print(time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "-", machine(), flush=True)
    results = []
    for size in sizes:
        results.append(bench_size(
            size, args.runs, args.workdir / str(size), peer and size <= PEER_UP_TO,
            size == args.pct_at, MEMORY, max(1, args.pairs) if peer and size <= PEER_UP_TO else 1,
        ))  # fmt: skip
    caseload = None
    if args.caseload:
        caseload = bench_caseload(args.caseload, args.workdir / "caseload")
    ok = report(results, caseload)
    print("\n" + time.strftime("%H:%M UTC", time.gmtime()), "-", machine())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
