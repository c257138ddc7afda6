"""Load on the server: many devices syncing at once, on PostgreSQL (issue 18).

    url=$(scripts/start-test-postgres.sh)      # or any PostgreSQL you may create databases on
    .venv/bin/python bench/load_server.py --pg-url "$url" [--workers 1,2] [--devices 10,50,200]

The seed is the issue's shape: --coaches coaches (spread over the three SPTs) with
--candidates candidates each, every candidate with her server-made assignment and
--notes notes (37 records a candidate with the defaults), plus a few employers per SPT.
It is made once per shape in a template database (``spt_seed_...``) and copied for every
run (``CREATE DATABASE ... TEMPLATE``), then brought to the code's schema (``upgrade``).

Devices are made directly in the database (a device row and a signed access token, as a
login makes them: 250 Argon2 logins would measure the password hash, not sync). Each
device first pulls to the end (not timed), then, for --seconds, syncs back to back:
with probability --push a small push (its candidate's motivation edited and one new
note), else a sync with nothing to send. Per worker count (``spt-server serve
--workers N``; a server without the flag runs as one process) and per load generator
(--generator):

  idle CPU     10 devices, idle syncs only: the server's CPU seconds (all its processes,
               /proc) per request
  devices D    requests/s, p50/p99 of no-change syncs and of pushes, errors; CPU ms per
               request of the server, of PostgreSQL and of the load generator itself;
               the pushes checked in the database (every acknowledged one stored once)
  open D/S     (--every S, extra) D devices each syncing every S seconds (open loop:
               latency from when the sync was due)
  burst        --burst new devices of different coaches pull their caseload from scratch
               at once: wall time until the last one has all pages
  connections  new PostgreSQL sessions during the run (pg_stat_database.sessions)

``--pairs N`` instead: a server per worker count, all up at once, and N rounds of one
phase (the first --devices count) on each in turn: worker counts compared seconds apart.

``--ab LABEL[:ROOT=path][,NAME=value...]`` (two or more) instead: a server per variant, a
code tree (its ``spt_server`` first on the path; e.g. ``git archive main spt_server``
unpacked in /tmp) and/or environment variables of its own (``SPT_DB_POOL_SIZE=8``), all up
at once, and --rounds rounds of one phase (the first --devices count, --push, the first
--workers count; open-loop with --every) on each in turn, the order alternating: code or
settings compared seconds apart on a shared machine, with every round's load, latencies
and CPU and the medians per variant::

    .venv/bin/python bench/load_server.py --pg-url "$url" --devices 200 --workers 1 \
        --ab main:ROOT=/tmp/main --ab this --rounds 6

Load generators: ``raw`` (``bench/loadgen.py``: asyncio/uvloop protocols on raw HTTP/1.1,
requests made once as bytes, answers parsed minimally; one process, ~0.05 ms of CPU a
request) and ``httpx`` (the first one: httpx.AsyncClient in --clients processes, 2-4 ms
a request). ``--generator httpx,raw`` runs every phase with each, one after the other,
on the same server: the two in the same minutes.

On two machines (the generator off the server's cores): on the server's machine

    .venv/bin/python bench/load_server.py --pg-url "$url" --serve-only --host 0.0.0.0 \\
        --port 8080 --workers 2

makes the seed and a copy of it, starts ``spt-server serve`` on it and a CPU meter (the
server's and PostgreSQL's CPU seconds, on --port + 1), and prints the command for the
other machine:

    .venv/bin/python bench/load_server.py --server-url http://SERVER:8080 \\
        --pg-url postgresql+psycopg://...@SERVER:PORT/spt_load_serve --meter SERVER:8081

which makes its devices (and checks the pushes) in that database and loads that server.

Prints one table (markdown) and a JSON line; the machine's load (``uptime``) before and
after, since other processes share the cores.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import math
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import sqlalchemy as sa

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

import loadgen as lg  # noqa: E402
from loadgen import Dev, Load, Push  # noqa: E402

from spt_common import encoding  # noqa: E402
from spt_common import protocol as p  # noqa: E402

SPTS = ("spt_noord_holland", "spt_groot_amsterdam", "spt_midden")
API = p.API_PREFIX


# --- seed ------------------------------------------------------------------------------


def seed_name(coaches: int, candidates: int, notes: int) -> str:
    return f"spt_seed_{coaches}_{candidates}_{notes}"


def admin_url(pg_url: str, db: str) -> str:
    return pg_url.rsplit("/", 1)[0] + "/" + db


def database_exists(pg_url: str, name: str) -> bool:
    engine = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        found = c.execute(
            sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
        ).first()
    engine.dispose()
    return found is not None


def create_database(pg_url: str, name: str, template: str | None = None) -> str:
    engine = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        c.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        extra = f" TEMPLATE {template}" if template else ""
        c.exec_driver_sql(f"CREATE DATABASE {name}{extra}")
    engine.dispose()
    return admin_url(pg_url, name)


def candidate_fields(spt: str, i: int) -> dict[str, Any]:
    return {
        "first_name": f"Kandidaat{i}",
        "last_name": "de Vries",
        "municipality": "Alkmaar",
        "spt": spt,
        "labour_market_region": "Noord-Holland Noord",
        "referral_source": "uwv",
        "persona": "no_work_benefit_technical",
        "benefit_status": "ww",
        "phase": "orientation",
        "status": "active",
        "registered_on": "2026-11-02",
    }


def note_change(candidate_id: str, author: str, text: str) -> dict[str, Any]:
    return {
        "entity": "note",
        "id": str(uuid.uuid4()),
        "op": "upsert",
        "fields": {
            "candidate_id": candidate_id,
            "author_id": author,
            "written_at": "2026-11-03T10:00:00",
            "text": text,
        },
    }


def make_seed(pg_url: str, coaches: int, candidates: int, notes: int) -> str:
    """The template database of this shape (made now if missing); its name."""
    from sqlalchemy.orm import Session

    from spt_server import setup, store
    from spt_server.db import make_engine

    name = seed_name(coaches, candidates, notes)
    if database_exists(pg_url, name):
        return name
    started = time.perf_counter()
    url = create_database(pg_url, name + "_tmp")
    engine = make_engine(url)
    setup.upgrade(engine)
    text = "Gesprek over werk, scholing en wat er nodig is om te beginnen. " * 4
    for c in range(coaches):
        spt = SPTS[c % len(SPTS)]
        with Session(engine) as s, s.begin():
            account = setup.add_coach(
                s, email=f"coach{c}@spt.test", name=f"Coach {c}", roles=["loopbaancoach"],
                spt=spt, password="wachtwoord-van-de-bench",
            )  # fmt: skip
            s.add(_device(account, "seed"))
        caller = store.Caller(account, spt, f"seed-{c}")
        changes: list[dict[str, Any]] = []
        if c < len(SPTS):
            for e in range(20):  # the SPT's employer registry
                changes.append(
                    {"entity": "employer", "id": str(uuid.uuid4()), "op": "upsert",
                     "fields": {"name": f"Werkgever {e}", "sector": "installatie",
                                "municipality": "Alkmaar", "spt": spt, "address": "Straat 1",
                                "praktijkopleiders": 1, "middenkader": 0,
                                "guidance_notes": ""}}
                )  # fmt: skip
        for k in range(candidates):
            cid = str(uuid.uuid4())
            changes.append(
                {"entity": "candidate", "id": cid, "op": "upsert",
                 "fields": candidate_fields(spt, k)}
            )  # fmt: skip
            changes += [note_change(cid, account, text) for _ in range(notes)]
        for start in range(0, len(changes), p.MAX_BATCH):
            batch = p.PushBatch.model_validate(
                {"batch_id": str(uuid.uuid4()), "changes": changes[start : start + p.MAX_BATCH]}
            )
            with Session(engine) as s, s.begin():
                store.push(s, caller, batch)
    with engine.connect() as c:
        total = c.execute(sa.text("SELECT count(*) FROM record")).scalar_one()
    engine.dispose()
    admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f"ALTER DATABASE {name}_tmp RENAME TO {name}")
    admin.dispose()
    print(f"seed {name}: {total} records in {time.perf_counter() - started:.0f} s", flush=True)
    return name


def _device(account_id: str, name: str) -> Any:
    from spt_server.db import Device

    return Device(id=str(uuid.uuid4()), account_id=account_id, name=name,
                  family_id=str(uuid.uuid4()))  # fmt: skip


# --- devices ---------------------------------------------------------------------------


def make_devices(url: str, n: int, offset: int, synced: bool = True) -> list[Dev]:
    """``n`` devices round-robin over the coaches, each with an access token; ``synced``:
    one that has synced before (its cursor at the newest revision), else a new one."""
    from sqlalchemy.orm import Session

    from spt_server import security
    from spt_server.db import Account, Record, make_engine
    from spt_server.setup import signing_keys

    engine = make_engine(url)
    out = []
    with Session(engine) as s, s.begin():
        keys = signing_keys(s)
        accounts = [a for (a,) in s.execute(sa.select(Account.id).order_by(Account.email))]
        for i in range(n):
            account = accounts[(offset + i) % len(accounts)]
            dev = _device(account, f"bench-{offset + i}")
            s.add(dev)
            # Devices of one coach edit different candidates (the same one would make
            # them queue on its lock: one coach's laptops do not all edit one dossier).
            cand, cand_rev = s.execute(
                sa.select(Record.id, Record.rev)
                .where(Record.entity == "candidate", Record.updated_by == account)
                .order_by(Record.id)
                .offset(((offset + i) // len(accounts)) % 50)
                .limit(1)
            ).one()
            cursor = str(s.execute(sa.select(sa.func.max(Record.rev))).scalar_one())
            out.append(
                Dev(security.issue_access(keys, account, dev.id), account, cand, cand_rev,
                    cursor if synced else None)
            )  # fmt: skip
    engine.dispose()
    return out


# --- the httpx load generator (the first one; kept to compare with) ------------------------

# Idle connections are dropped by the client before uvicorn's keep-alive timeout (5 s)
# closes them: at the same 5 s (httpx's default) a request sent on a connection the
# server was closing failed as a ReadError (seen in the burst, where a device that
# finished leaves its connection idle for another).
KEEPALIVE = 2.0
# The desktop's headers (spt_desktop.sync.transport), as the raw generator sends them.
HEADERS = {
    "user-agent": f"spt-desktop/{lg.CLIENT_VERSION}",
    p.CLIENT_VERSION_HEADER: lg.CLIENT_VERSION,
    p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION),
    "accept-encoding": encoding.ACCEPT,
}


async def sync(client: httpx.AsyncClient, dev: Dev, push: Push | None) -> int:
    """One sync; returns the HTTP status (-1: a push not acknowledged). Follows the
    cursor (one page per call)."""
    body: dict[str, Any] = {"cursor": dev.cursor}
    if push is not None:
        body["batch"] = push_batch(dev, push)
    r = await client.post(
        f"{API}/sync", json=body, headers={"authorization": f"Bearer {dev.token}"}
    )
    if push is not None:
        push.status = r.status_code
    if r.status_code == 200:
        answer = r.json()
        page = answer["pull"]
        dev.cursor = page["cursor"]
        if push is not None:
            push.acked = lg.acknowledged(push, answer)
            if not push.acked:
                return -1
            dev.candidate_rev = push.candidate_rev or 0
        if page["more"]:
            return 299  # more to fetch
    return r.status_code


async def catch_up(client: httpx.AsyncClient, dev: Dev) -> None:
    while (status := await sync(client, dev, None)) == 299:
        pass
    if status != 200:
        raise RuntimeError(f"catch-up: {status}")


def push_batch(dev: Dev, push: Push) -> dict[str, Any]:
    return {
        "batch_id": push.batch_id,
        "changes": [
            {"entity": "candidate", "id": dev.candidate, "op": "upsert",
             "base_rev": dev.candidate_rev,
             "fields": {"motivation": f"bijgewerkt {push.seq}"}},
            {"entity": "note", "id": push.note_id, "op": "upsert",
             "fields": {"candidate_id": dev.candidate, "author_id": dev.account,
                        "written_at": "2026-11-03T10:00:00", "text": f"notitie {push.seq}"}},
        ],
    }  # fmt: skip


async def run_load(
    base: str, devs: list[Dev], seconds: float, push_p: float, meter: Meter | None = None
) -> Load:
    load = Load()
    limits = httpx.Limits(max_connections=len(devs), max_keepalive_connections=len(devs),
                          keepalive_expiry=KEEPALIVE)  # fmt: skip
    async with httpx.AsyncClient(
        base_url=base, limits=limits, timeout=60, headers=HEADERS
    ) as client:
        await asyncio.gather(*(catch_up(client, d) for d in devs))
        end = time.perf_counter() + seconds
        rng = random.Random(18)

        async def device(dev: Dev) -> None:
            n = 0
            while time.perf_counter() < end:
                push = None
                if rng.random() < push_p:
                    n += 1
                    push = Push(dev.candidate, n, str(uuid.uuid4()), str(uuid.uuid4()))
                    load.pushes.append(push)
                t0 = time.perf_counter()
                try:
                    status = await sync(client, dev, push)
                except httpx.HTTPError as exc:  # counted by kind (a status of its own)
                    status = 0
                    load.count(type(exc).__name__)
                took = time.perf_counter() - t0
                load.requests += 1
                if status not in (200, 299):
                    load.errors += 1
                    if status:
                        load.count("push not applied" if status == -1 else str(status))
                (load.push if push is not None else load.idle).append(took)

        load.window_open(meter)
        await asyncio.gather(*(device(d) for d in devs))
        load.window_close(meter)
    return load


async def burst(base: str, devs: list[Dev]) -> float:
    limits = httpx.Limits(max_connections=len(devs), keepalive_expiry=KEEPALIVE)
    async with httpx.AsyncClient(
        base_url=base, limits=limits, timeout=120, headers=HEADERS
    ) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(catch_up(client, d) for d in devs))
        return time.perf_counter() - t0


# --- running a generator -------------------------------------------------------------------


@dataclass
class Job:
    generator: str  # "raw" or "httpx"
    base: str  # http://host:port
    devs: list[Dev]
    seconds: float
    push_p: float
    every: float | None = None  # open loop (raw only)
    meter: Meter | None = None


def run_job(job: Job) -> Load:
    if job.generator == "httpx":
        return asyncio.run(run_load(job.base, job.devs, job.seconds, job.push_p, job.meter))
    where = urlsplit(job.base)
    return lg.drive(where.hostname or "127.0.0.1", where.port or 80, job.devs, job.seconds,
                    job.push_p, job.every, job.meter)  # fmt: skip


def load_from(job: Job, clients: int) -> Load:
    """``job`` spread over ``clients`` processes, results merged."""
    if clients <= 1 or len(job.devs) < 2 * clients:
        return run_job(job)
    import dataclasses
    import multiprocessing

    jobs = [dataclasses.replace(job, devs=job.devs[i::clients]) for i in range(clients)]
    with multiprocessing.get_context("fork").Pool(clients) as pool:
        parts = pool.map(run_job, jobs)
    out = Load()
    for part in parts:
        out.merge(part)
    return out


def first_pulls(generator: str, base: str, devs: list[Dev]) -> tuple[float, float]:
    """The burst: wall seconds, and the generator's CPU seconds."""
    if generator == "httpx":
        cpu0 = time.process_time()
        took = asyncio.run(burst(base, devs))
        return took, time.process_time() - cpu0
    where = urlsplit(base)
    return lg.first_pulls(where.hostname or "127.0.0.1", where.port or 80, devs)


# --- CPU meters ----------------------------------------------------------------------------


@dataclass
class Meter:
    """The server's and PostgreSQL's CPU seconds so far: read from /proc here (their
    process ids), or from the meter of ``--serve-only`` on another machine (``remote``,
    host:port). Picklable: the generator's processes read it at their window's ends."""

    server_pid: int | None = None
    pg_pid: int | None = None
    remote: str | None = None

    def __call__(self) -> tuple[float, float]:
        if self.remote:
            host, _, port = self.remote.rpartition(":")
            with socket.create_connection((host, int(port)), timeout=10) as s:
                data = b""
                while chunk := s.recv(4096):
                    data += chunk
            got = json.loads(data)
            return float(got["server_cpu"]), float(got["pg_cpu"])
        server = tree_cpu(self.server_pid) if self.server_pid else math.nan
        pg = tree_cpu(self.pg_pid, reaped=True) if self.pg_pid else math.nan
        return server, pg


def serve_meter(host: str, port: int, meter: Meter) -> None:
    """Answers every connection on host:port with the meter's reading (one JSON line)."""
    listener = socket.create_server((host, port))

    def loop() -> None:
        while True:
            conn, _ = listener.accept()
            with conn:
                server, pg = meter()
                conn.sendall(json.dumps({"server_cpu": server, "pg_cpu": pg}).encode() + b"\n")

    threading.Thread(target=loop, daemon=True).start()


# --- the server process ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(
        self,
        url: str,
        workers: int,
        host: str = "127.0.0.1",
        port: int | None = None,
        root: Path = ROOT,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.host = host
        self.port = port or free_port()
        cmd = [str(ROOT / ".venv/bin/spt-server"), "serve", "--db", url, "--host", host,
               "--port", str(self.port), "--no-retention"]  # fmt: skip
        if workers > 1:
            cmd += ["--workers", str(workers)]
        # ``root``'s tree first (``.venv/bin/spt-server`` may be another checkout's
        # install): this one's, or a variant's (--ab).
        env = {
            **os.environ,
            **(extra_env or {}),
            "PYTHONPATH": os.pathsep.join(
                [
                    str(root),
                    *(extra_env or {}).get("PYTHONPATH", "").split(os.pathsep),
                    os.environ.get("PYTHONPATH", ""),
                ]
            ),
        }
        self.proc = subprocess.Popen(cmd, env=env)
        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(f"{self.local}{API}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.2)
        time.sleep(1 if workers > 1 else 0)  # every worker up

    @property
    def local(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://{host}:{self.port}"

    def cpu(self) -> float:
        """CPU seconds of the server and all its processes (workers)."""
        return tree_cpu(self.proc.pid)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _stat(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def tree_cpu(pid: int, reaped: bool = False) -> float:
    """CPU seconds of ``pid`` and its living children; ``reaped``: and of the children
    that ended (the parent's cutime/cstime: PostgreSQL's backends, which come and go)."""
    pids = [pid]
    try:
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True,
                             text=True, check=False).stdout  # fmt: skip
        pids += [int(x) for x in out.split()]
    except OSError:
        pass
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for each in pids:
        try:
            fields = _stat(each)
            total += (int(fields[11]) + int(fields[12])) / tick
            if reaped and each == pid:
                total += (int(fields[13]) + int(fields[14])) / tick
        except (OSError, IndexError, ValueError):
            pass
    return total


def postmaster(url: str) -> int | None:
    """The PostgreSQL server's main process, if it runs on this machine (its CPU is then
    measured with the server's: a first pull's work is half in the database)."""
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        backend = int(c.execute(sa.text("SELECT pg_backend_pid()")).scalar_one())
        try:
            parent = int(_stat(backend)[1])
        except (OSError, IndexError, ValueError):
            parent = None
    engine.dispose()
    return parent


def sessions(url: str, db: str) -> int:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        n = c.execute(
            sa.text("SELECT sessions FROM pg_stat_database WHERE datname = :d"), {"d": db}
        ).scalar_one()
    engine.dispose()
    return int(n)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] * 1000


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def max_rev(url: str) -> int:
    engine = sa.create_engine(url)
    with engine.connect() as c:
        n = c.execute(sa.text("SELECT coalesce(max(rev), 0) FROM record")).scalar_one()
    engine.dispose()
    return int(n)


def fresh_copy(pg_url: str, seed: str, db: str) -> str:
    """A copy of the seed named ``db``, at the code's schema, ANALYZEd; its URL."""
    from spt_server.db import make_engine
    from spt_server.setup import upgrade

    url = create_database(pg_url, db, seed)
    engine = make_engine(url)
    upgrade(engine)
    with engine.connect() as c:
        # Planner statistics as a running server has them (autovacuum keeps them; a
        # fresh copy may have none, and the planner's choices then differ).
        c.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    engine.dispose()
    return url


@dataclass
class Target:
    """The server under load: its address, its database (devices are made there, pushes
    checked there), and how to read its CPU."""

    label: str
    base: str
    db_url: str
    meter: Meter
    server: Server | None = None

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()


def per_request(seconds: float, requests: int) -> float:
    return seconds / requests * 1000 if requests else math.nan


def measure(
    args: argparse.Namespace,
    target: Target,
    generator: str,
    devs: list[Dev],
    push_p: float,
    every: float | None = None,
) -> dict[str, Any]:
    """One phase: ``devs`` on the target for --seconds with ``generator``; its figures."""
    since = max_rev(target.db_url)
    clients = args.clients if generator == "httpx" else args.raw_clients
    job = Job(generator, target.base, devs, args.seconds, push_p, every, target.meter)
    t0 = time.perf_counter()
    load = load_from(job, clients)
    wall = time.perf_counter() - t0
    checked = lg.verify(target.db_url, load.pushes, since)
    window = load.closed - load.opened
    n = load.requests
    server_cpu = load.meter_close[0] - load.meter_open[0]
    pg_cpu = load.meter_close[1] - load.meter_open[1]
    return {
        "generator": generator,
        "devices": len(devs),
        "every": every,
        "requests": n,
        "rps": n / window if window > 0 else math.nan,
        "idle_p50": pct(load.idle, 0.5),
        "idle_p99": pct(load.idle, 0.99),
        "push_p50": pct(load.push, 0.5),
        "push_p99": pct(load.push, 0.99),
        "errors": load.errors,
        "statuses": load.statuses,
        "server_cpu_ms_per_req": per_request(server_cpu, n),
        "pg_cpu_ms_per_req": per_request(pg_cpu, n),
        "client_cpu_ms_per_req": per_request(load.client_cpu, n),
        "client_cores": load.client_cpu / window if window > 0 else math.nan,
        "server_cores": server_cpu / window if window > 0 else math.nan,
        "pg_cores": pg_cpu / window if window > 0 else math.nan,
        "bytes_out_per_req": load.bytes_out / n if n else math.nan,
        "bytes_in_per_req": load.bytes_in / n if n else math.nan,
        "pushes": checked,
        "window": window,
        "wall": wall,
    }


def bench_target(args: argparse.Namespace, target: Target) -> dict[str, Any]:
    out: dict[str, Any] = {"target": target.label, "phases": []}
    sessions0 = sessions(target.db_url, db_name(target.db_url))
    offset = 0
    # Every phase has devices of its own (a device's first sync to a worker checks it in
    # the database: new devices in every phase, as before).
    for gen in args.generator:
        devs = make_devices(target.db_url, 10, offset)
        offset += 10
        warm = Job(gen, target.base, devs, 1, 0.0)
        run_job(warm)
        row = measure(args, target, gen, devs, 0.0)
        row["phase"] = "idle"
        out["phases"].append(row)
        print(f"{target.label} {gen} idle: {brief(row)}", flush=True)
    plan = [(d, None) for d in args.devices] + [(d, args.every) for d in args.open_devices]
    for d, every in plan:
        for gen in args.generator:
            if every and gen != "raw":
                continue  # the open loop is the raw generator's
            devs = make_devices(target.db_url, d, offset)
            offset += d
            row = measure(args, target, gen, devs, args.push, every)
            row["phase"] = f"open {d}/{every}s" if every else f"{d}"
            out["phases"].append(row)
            print(f"{target.label} {gen} {row['phase']}: {brief(row)}", flush=True)
    if args.burst:
        from spt_server.db import Account

        engine = sa.create_engine(target.db_url)
        with engine.connect() as c:
            n_acc = c.execute(sa.select(sa.func.count()).select_from(Account)).scalar_one()
        engine.dispose()
        for gen in args.generator:
            devs = make_devices(
                target.db_url, min(args.burst, n_acc), offset - offset % n_acc, False
            )
            offset += n_acc
            m0 = target.meter()
            took, client_cpu = first_pulls(gen, target.base, devs)
            m1 = target.meter()
            out[f"burst_{gen}"] = {
                "s": took,
                "devices": len(devs),
                "server_cpu_s": m1[0] - m0[0],
                "pg_cpu_s": m1[1] - m0[1],
                "client_cpu_s": client_cpu,
            }
            print(f"{target.label} {gen} burst: {out[f'burst_{gen}']}", flush=True)
    out["pg_sessions"] = sessions(target.db_url, db_name(target.db_url)) - sessions0
    return out


def brief(row: dict[str, Any]) -> str:
    keys = ("rps", "idle_p50", "idle_p99", "push_p50", "push_p99", "errors",
            "server_cpu_ms_per_req", "pg_cpu_ms_per_req", "client_cpu_ms_per_req",
            "client_cores", "pushes", "statuses")  # fmt: skip
    return ", ".join(
        f"{k} {row[k]:.3g}" if isinstance(row[k], float) else f"{k} {row[k]}" for k in keys
    )


def db_name(url: str) -> str:
    return url.rsplit("/", 1)[1].split("?", 1)[0]


def run_local(args: argparse.Namespace, seed: str, workers: int, db: str) -> dict[str, Any]:
    url = fresh_copy(args.pg_url, seed, db)
    server = Server(url, workers)
    pm = postmaster(args.pg_url)
    target = Target(
        f"{workers} worker{'s' if workers > 1 else ''}",
        server.local,
        url,
        Meter(server.proc.pid, pm),
        server,
    )
    try:
        return bench_target(args, target)
    finally:
        target.stop()


def alternate(args: argparse.Namespace, seed: str) -> int:
    """--pairs N: a server per worker count, all started at once (an idle one costs
    nothing), then N rounds of one phase on each in turn (the first --devices count, the
    first --generator): the worker counts compared within seconds of each other, not
    minutes apart as the load of the machine moves."""
    workers = [int(w) for w in args.workers.split(",") if w]
    d, gen = args.devices[0], args.generator[0]
    pm = postmaster(args.pg_url)
    targets = []
    for w in workers:
        url = fresh_copy(args.pg_url, seed, f"spt_load_{w}")
        server = Server(url, w)
        targets.append(Target(f"{w}", server.local, url, Meter(server.proc.pid, pm), server))
    rows: list[dict[str, Any]] = []
    try:
        offset = 0
        for n in range(args.pairs):
            for t in targets:
                devs = make_devices(t.db_url, d, offset)
                row = measure(args, t, gen, devs, args.push)
                row.update(workers=t.label, round=n, uptime=uptime())
                rows.append(row)
                print(f"round {n} workers {t.label}: {brief(row)}", flush=True)
            offset += d
    finally:
        for t in targets:
            t.stop()
    print(f"\n{d} devices, {gen} generator, {args.seconds:.0f} s a phase, workers in turn\n")
    print("| round | uptime | " + " | ".join(f"{w} worker(s): req/s" for w in workers)
          + " | ratio | server CPU ms/req | errors, lost, stray |")  # fmt: skip
    print("|---" * (len(workers) + 5) + "|")
    ratios = []
    for n in range(args.pairs):
        got = [r for r in rows if r["round"] == n]
        ratio = got[-1]["rps"] / got[0]["rps"]
        ratios.append(ratio)
        print(
            f"| {n} | {got[0]['uptime'].split('load average: ')[-1]} | "
            + " | ".join(fmt(r["rps"]) for r in got)
            + f" | {ratio:.2f}x | " + ", ".join(fmt(r["server_cpu_ms_per_req"], 2) for r in got)
            + " | " + ", ".join(
                f"{r['errors']}/{r['pushes']['lost']}/{r['pushes']['stray']}" for r in got
            ) + " |"
        )  # fmt: skip
    ratios.sort()
    print(f"\nmedian ratio {ratios[len(ratios) // 2]:.2f}x (of {len(ratios)} rounds)")
    print(json.dumps({"pairs": rows}))
    return 0


@dataclass
class Variant:
    """One side of an A/B (--ab): a label, the code tree the server runs (its
    ``spt_server`` first on PYTHONPATH) and environment variables of its own."""

    label: str
    root: Path
    env: dict[str, str]


def parse_variant(spec: str) -> Variant:
    """``LABEL[:ROOT=path][,NAME=value...]``: e.g. ``main:ROOT=/tmp/main`` or
    ``pool4:SPT_DB_POOL_SIZE=4`` (without ROOT: this tree)."""
    label, _, rest = spec.partition(":")
    root, env = ROOT, {}
    for item in filter(None, rest.split(",")):
        name, eq, value = item.partition("=")
        if not eq:
            raise ValueError(f"--ab {spec!r}: NAME=value expected, got {item!r}")
        if name == "ROOT":
            root = Path(value).resolve()
        else:
            env[name] = value
    return Variant(label or "?", root, env)


def abtest(args: argparse.Namespace, seed: str) -> int:
    """--ab A --ab B [...]: a server per variant (code tree, environment), each on a
    copy of the seed, all started at once, then --rounds rounds of one phase (the first
    --devices count, the first --generator, the first --workers count) on each in turn:
    code or settings compared within seconds of each other on a shared machine. The
    order within a round alternates (A B, B A, ...), so neither side always follows
    the other's load."""
    variants = [parse_variant(v) for v in args.ab]
    workers = int(args.workers.split(",")[0])
    d, gen = args.devices[0], args.generator[0]
    pm = postmaster(args.pg_url)
    targets: list[Target] = []
    try:
        for i, v in enumerate(variants):
            url = fresh_copy(args.pg_url, seed, f"spt_load_ab{i}")
            server = Server(url, workers, root=v.root, extra_env=v.env)
            targets.append(Target(v.label, server.local, url, Meter(server.proc.pid, pm), server))
        for t in targets:  # warm: every device of the first round checked, plans made
            devs = make_devices(t.db_url, d, 0)
            run_job(Job(gen, t.base, devs, 2, args.push))
        rows: list[dict[str, Any]] = []
        offset = d
        for n in range(args.rounds):
            order = targets if n % 2 == 0 else targets[::-1]
            for t in order:
                devs = make_devices(t.db_url, d, offset)
                before = uptime().split("load average: ")[-1].split(",")[0]
                row = measure(args, t, gen, devs, args.push, args.every or None)
                row.update(variant=t.label, round=n, load=before)
                rows.append(row)
                print(f"round {n} {t.label}: {brief(row)}", flush=True)
            offset += d
    finally:
        for t in targets:
            t.stop()
    loop = f", open loop: a sync every {args.every} s a device" if args.every else ""
    print(f"\n{d} devices, {workers} worker(s), {gen} generator, {args.seconds:.0f} s a phase,"
          f" push {args.push}{loop}, variants in turn\n")  # fmt: skip
    print("| round | variant | load | req/s | idle p50/p99 ms | push p50/p99 ms |"
          " server / PG CPU ms/req | errors, lost, stray |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['round']} | {r['variant']} | {r['load']} | {fmt(r['rps'])} | "
            f"{fmt(r['idle_p50'])}/{fmt(r['idle_p99'])} | {fmt(r['push_p50'])}/"
            f"{fmt(r['push_p99'])} | {fmt(r['server_cpu_ms_per_req'], 3)} / "
            f"{fmt(r['pg_cpu_ms_per_req'], 3)} | {r['errors']}/{r['pushes']['lost']}/"
            f"{r['pushes']['stray']} |"
        )
    print("\n| variant | median req/s | median idle p99 | median server / PG CPU ms/req |")
    print("|---|---|---|---|")
    for t in targets:
        got = [r for r in rows if r["variant"] == t.label]
        row = [statistics.median(r[k] for r in got) for k in
               ("rps", "idle_p99", "server_cpu_ms_per_req", "pg_cpu_ms_per_req")]  # fmt: skip
        print(f"| {t.label} | {fmt(row[0])} | {fmt(row[1])} | {fmt(row[2], 3)} / "
              f"{fmt(row[3], 3)} |")  # fmt: skip
    print(json.dumps({"ab": rows}))
    return 0


def run_remote(args: argparse.Namespace) -> dict[str, Any]:
    meter = Meter(remote=args.meter) if args.meter else Meter()
    target = Target(f"remote {args.server_url}", args.server_url.rstrip("/"), args.pg_url, meter)
    return bench_target(args, target)


def serve_only(args: argparse.Namespace) -> int:
    """The seed, a copy, the server on it and its CPU meter, until interrupted."""
    seed = make_seed(args.pg_url, args.coaches, args.candidates, args.notes)
    workers = int(args.workers.split(",")[0])
    url = fresh_copy(args.pg_url, seed, "spt_load_serve")
    server = Server(url, workers, host=args.host, port=args.port)
    meter_port = args.meter_port or server.port + 1
    serve_meter(args.host, meter_port, Meter(server.proc.pid, postmaster(args.pg_url)))
    shown = sa.make_url(url).render_as_string(hide_password=False)
    print(
        f"server: http://{args.host}:{server.port} ({workers} worker(s)), database {shown},"
        f" CPU meter on port {meter_port}. From the generator's machine (SERVER: this one):\n"
        f"  .venv/bin/python bench/load_server.py --server-url http://SERVER:{server.port}"
        f" --pg-url {shown.replace('127.0.0.1', 'SERVER')} --meter SERVER:{meter_port}\n"
        "Ctrl-C stops it.",
        flush=True,
    )
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(1) and server.proc.poll() is None:
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def fmt(x: float, digits: int = 0) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def table(results: list[dict[str, Any]]) -> None:
    print(
        "| server | generator | phase | req/s | idle p50/p99 ms | push p50/p99 ms | errors"
        " | CPU ms/req: server, PG, generator | generator cores | pushes acked/lost/stray |"
    )
    print("|---" * 10 + "|")
    for r in results:
        for ph in r["phases"]:
            checked = ph["pushes"]
            print(
                f"| {r['target']} | {ph['generator']} | {ph['phase']} | {fmt(ph['rps'])}"
                f" | {fmt(ph['idle_p50'])}/{fmt(ph['idle_p99'])}"
                f" | {fmt(ph['push_p50'])}/{fmt(ph['push_p99'])} | {ph['errors']}"
                f" | {fmt(ph['server_cpu_ms_per_req'], 2)}, {fmt(ph['pg_cpu_ms_per_req'], 2)}"
                f", {fmt(ph['client_cpu_ms_per_req'], 3)} | {fmt(ph['client_cores'], 2)}"
                f" | {checked['acked']}/{checked['lost']}/{checked['stray']} |"
            )
    for r in results:
        for key, b in r.items():
            if key.startswith("burst_"):
                print(
                    f"{r['target']}, {key[6:]}: burst of {b['devices']} first pulls"
                    f" {b['s']:.1f} s, CPU s: server {fmt(b['server_cpu_s'], 2)},"
                    f" PG {fmt(b['pg_cpu_s'], 2)}, generator {b['client_cpu_s']:.2f}"
                )
        print(f"{r['target']}: new PostgreSQL sessions {r['pg_sessions']}")
    # Throughput from one worker count to the next, per phase and generator.
    by = {(r["target"], ph["generator"], ph["phase"]): ph["rps"] for r in results
          for ph in r["phases"]}  # fmt: skip
    labels = [r["target"] for r in results]
    for a, b in itertools.pairwise(labels):
        for (t, gen, phase), rps in by.items():
            if t == a and (b, gen, phase) in by and phase != "idle":
                print(f"{a} -> {b}, {gen}, {phase}: {by[(b, gen, phase)] / rps:.2f}x")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pg-url", required=True,
                    help="PostgreSQL to make the seed and copies on; with --server-url:"
                    " the server's database itself")  # fmt: skip
    ap.add_argument("--coaches", type=int, default=50)
    ap.add_argument("--candidates", type=int, default=100)
    ap.add_argument("--notes", type=int, default=35)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--devices", default="10,50,200")
    ap.add_argument("--seconds", type=float, default=8)
    ap.add_argument("--push", type=float, default=0.1, help="share of syncs that push")
    ap.add_argument("--burst", type=int, default=50)
    ap.add_argument("--generator", default="raw",
                    help="raw, httpx, or both (httpx,raw): each phase with each")  # fmt: skip
    ap.add_argument("--clients", type=int, default=4, help="httpx generator processes")
    ap.add_argument("--raw-clients", type=int, default=1, help="raw generator processes")
    ap.add_argument("--every", type=float, default=0,
                    help="extra: open-loop phases, each device syncing every this many"
                    " seconds (raw generator)")  # fmt: skip
    ap.add_argument(
        "--open-devices",
        default="",
        help="device counts of the open-loop phases (default: --devices)",
    )
    ap.add_argument("--pairs", type=int, default=0,
                    help="instead of the phases: N rounds of the first --devices count on"
                    " each worker count in turn (all servers up at once)")  # fmt: skip
    ap.add_argument("--ab", action="append", default=[], metavar="LABEL[:ROOT=path][,ENV=v]",
                    help="instead of the phases: A/B of two or more variants (a code tree,"
                    " environment variables), --rounds rounds of the first --devices count"
                    " on each in turn")  # fmt: skip
    ap.add_argument("--rounds", type=int, default=4, help="--ab: rounds")
    ap.add_argument("--server-url", help="load this server (elsewhere) instead of starting one")
    ap.add_argument("--meter", help="host:port of the --serve-only CPU meter")
    ap.add_argument(
        "--serve-only",
        action="store_true",
        help="only start the server (first of --workers) on a copy of the seed",
    )
    ap.add_argument("--host", default="127.0.0.1", help="--serve-only: address to listen on")
    ap.add_argument("--port", type=int, default=8080, help="--serve-only: port")
    ap.add_argument("--meter-port", type=int, help="--serve-only: the meter's (--port + 1)")
    args = ap.parse_args(argv)
    args.devices = [int(x) for x in args.devices.split(",") if x]
    args.generator = [g.strip() for g in args.generator.split(",") if g.strip()]
    if not set(args.generator) <= {"raw", "httpx"}:
        ap.error("--generator: raw, httpx or both")
    open_devices = args.open_devices or ",".join(map(str, args.devices))
    args.open_devices = [int(x) for x in open_devices.split(",") if x] if args.every else []
    if args.serve_only:
        return serve_only(args)
    if args.ab:
        return abtest(args, make_seed(args.pg_url, args.coaches, args.candidates, args.notes))
    if args.pairs:
        return alternate(args, make_seed(args.pg_url, args.coaches, args.candidates, args.notes))
    before = uptime()
    if args.server_url:
        results = [run_remote(args)]
    else:
        seed = make_seed(args.pg_url, args.coaches, args.candidates, args.notes)
        before = uptime()
        workers = [int(w) for w in args.workers.split(",") if w]
        results = [run_local(args, seed, w, f"spt_load_{w}") for w in workers]
    after = uptime()
    print(f"\nuptime before: {before}\nuptime after:  {after}\n")
    table(results)
    print(json.dumps({"results": results, "uptime": [before, after]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
