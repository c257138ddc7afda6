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
--workers N``; a server without the flag runs as one process):

  idle CPU     10 devices, idle syncs only: the server's CPU seconds (all its processes,
               /proc) per request
  devices D    requests/s, p50/p99 of no-change syncs and of pushes, errors
  burst        --burst new devices of different coaches pull their caseload from scratch
               at once: wall time until the last one has all pages
  connections  new PostgreSQL sessions during the run (pg_stat_database.sessions)

Prints one table (markdown) and a JSON line; the machine's load (``uptime``) before and
after, since other processes share the cores.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

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
                     "fields": {"name": f"Werkgever {e}", "sector": "techniek",
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


@dataclass
class Dev:
    token: str
    account: str
    candidate: str
    cursor: str | None = None


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
            cand = s.execute(
                sa.select(Record.id)
                .where(Record.entity == "candidate", Record.updated_by == account)
                .order_by(Record.id)
                .offset(((offset + i) // len(accounts)) % 50)
                .limit(1)
            ).scalar_one()
            cursor = str(s.execute(sa.select(sa.func.max(Record.rev))).scalar_one())
            out.append(
                Dev(security.issue_access(keys, account, dev.id), account, cand,
                    cursor if synced else None)
            )  # fmt: skip
    engine.dispose()
    return out


# Idle connections are dropped by the client before uvicorn's keep-alive timeout (5 s)
# closes them: at the same 5 s (httpx's default) a request sent on a connection the
# server was closing failed as a ReadError (seen in the burst, where a device that
# finished leaves its connection idle for another).
KEEPALIVE = 2.0


async def sync(client: httpx.AsyncClient, dev: Dev, batch: dict[str, Any] | None) -> int:
    """One sync; returns the HTTP status. Follows the cursor (one page per call)."""
    body: dict[str, Any] = {"cursor": dev.cursor}
    if batch is not None:
        body["batch"] = batch
    r = await client.post(
        f"{API}/sync", json=body, headers={"authorization": f"Bearer {dev.token}"}
    )
    if r.status_code == 200:
        page = r.json()["pull"]
        dev.cursor = page["cursor"]
        if page["more"]:
            return 299  # more to fetch
    return r.status_code


async def catch_up(client: httpx.AsyncClient, dev: Dev) -> None:
    while (status := await sync(client, dev, None)) == 299:
        pass
    if status != 200:
        raise RuntimeError(f"catch-up: {status}")


def push_batch(dev: Dev, n: int) -> dict[str, Any]:
    return {
        "batch_id": str(uuid.uuid4()),
        "changes": [
            {"entity": "candidate", "id": dev.candidate, "op": "upsert",
             "fields": {"motivation": f"bijgewerkt {n}"}},
            note_change(dev.candidate, dev.account, f"notitie {n}"),
        ],
    }  # fmt: skip


@dataclass
class Load:
    idle: list[float] = field(default_factory=list)
    push: list[float] = field(default_factory=list)
    errors: int = 0
    requests: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    client_cpu: float = 0.0  # this process's CPU seconds: the load generator's own cost


async def run_load(base: str, devs: list[Dev], seconds: float, push_p: float) -> Load:
    load = Load()
    limits = httpx.Limits(max_connections=len(devs), max_keepalive_connections=len(devs),
                          keepalive_expiry=KEEPALIVE)  # fmt: skip
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        await asyncio.gather(*(catch_up(client, d) for d in devs))
        end = time.perf_counter() + seconds
        rng = random.Random(18)

        async def device(dev: Dev) -> None:
            n = 0
            while time.perf_counter() < end:
                n += 1
                pushing = rng.random() < push_p
                t0 = time.perf_counter()
                try:
                    status = await sync(client, dev, push_batch(dev, n) if pushing else None)
                except httpx.HTTPError as exc:  # counted by kind (a status of its own)
                    status = 0
                    kind = type(exc).__name__
                    load.statuses[kind] = load.statuses.get(kind, 0) + 1
                took = time.perf_counter() - t0
                load.requests += 1
                if status not in (200, 299):
                    load.errors += 1
                    if status:
                        load.statuses[str(status)] = load.statuses.get(str(status), 0) + 1
                (load.push if pushing else load.idle).append(took)

        cpu0 = time.process_time()
        await asyncio.gather(*(device(d) for d in devs))
        load.client_cpu = time.process_time() - cpu0
    return load


def _one_client(job: tuple[str, list[Dev], float, float]) -> Load:
    base, devs, seconds, push_p = job
    return asyncio.run(run_load(base, devs, seconds, push_p))


def load_from(base: str, devs: list[Dev], seconds: float, push_p: float, clients: int) -> Load:
    """``run_load`` spread over ``clients`` processes (one Python process cannot drive
    hundreds of devices without becoming the bottleneck itself); results merged."""
    if clients <= 1 or len(devs) < 2 * clients:
        return asyncio.run(run_load(base, devs, seconds, push_p))
    import multiprocessing

    jobs = [(base, devs[i::clients], seconds, push_p) for i in range(clients)]
    with multiprocessing.get_context("fork").Pool(clients) as pool:
        parts = pool.map(_one_client, jobs)
    out = Load()
    for part in parts:
        out.idle += part.idle
        out.push += part.push
        out.errors += part.errors
        out.requests += part.requests
        out.client_cpu += part.client_cpu
        for k, v in part.statuses.items():
            out.statuses[k] = out.statuses.get(k, 0) + v
    return out


async def burst(base: str, devs: list[Dev]) -> float:
    limits = httpx.Limits(max_connections=len(devs), keepalive_expiry=KEEPALIVE)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(catch_up(client, d) for d in devs))
        return time.perf_counter() - t0


# --- the server process ------------------------------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, url: str, workers: int) -> None:
        self.port = free_port()
        cmd = [str(ROOT / ".venv/bin/spt-server"), "serve", "--db", url, "--port",
               str(self.port), "--no-retention"]  # fmt: skip
        if workers > 1:
            cmd += ["--workers", str(workers)]
        # This tree first (``.venv/bin/spt-server`` may be another checkout's install).
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        }
        self.proc = subprocess.Popen(cmd, env=env)
        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(f"{self.base}{API}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.2)
        time.sleep(1 if workers > 1 else 0)  # every worker up

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

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


def bench_workers(args: argparse.Namespace, seed: str, workers: int) -> dict[str, Any]:
    from spt_server.db import make_engine
    from spt_server.setup import upgrade

    db = f"spt_load_{workers}"
    url = create_database(args.pg_url, db, seed)
    engine = make_engine(url)
    upgrade(engine)
    with engine.connect() as c:
        # Planner statistics as a running server has them (autovacuum keeps them; a
        # fresh copy may have none, and the planner's choices then differ).
        c.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    engine.dispose()
    out: dict[str, Any] = {"workers": workers}
    server = Server(url, workers)
    try:
        sessions0 = sessions(args.pg_url, db)
        offset = 0
        devs = make_devices(url, 10, offset)
        offset += 10
        # Idle CPU: the catch-up happens inside run_load before the clock; measure after.
        asyncio.run(run_load(server.base, devs, 1, 0.0))
        cpu0 = server.cpu()
        idle = asyncio.run(run_load(server.base, devs, args.seconds, 0.0))
        cpu1 = server.cpu()
        out["idle_cpu_ms"] = (cpu1 - cpu0) / max(1, idle.requests) * 1000
        out["idle_p50"] = pct(idle.idle, 0.5)
        for d in args.devices:
            devs = make_devices(url, d, offset)
            offset += d
            cpu0, t0 = server.cpu(), time.perf_counter()
            load = load_from(server.base, devs, args.seconds, args.push, args.clients)
            wall = time.perf_counter() - t0
            cpu = server.cpu() - cpu0
            out[f"d{d}"] = {
                "rps": load.requests / args.seconds,
                "idle_p50": pct(load.idle, 0.5),
                "idle_p99": pct(load.idle, 0.99),
                "push_p50": pct(load.push, 0.5),
                "push_p99": pct(load.push, 0.99),
                "errors": load.errors,
                "requests": load.requests,
                "cpu_ms_per_req": cpu / max(1, load.requests) * 1000,
                "client_cpu_share": load.client_cpu / args.seconds,
                "statuses": load.statuses,
                "wall": wall,
            }
            print(f"workers {workers} devices {d}: {out[f'd{d}']}", flush=True)
        if args.burst:
            from spt_server.db import Account

            engine = make_engine(url)
            with engine.connect() as c:
                n_acc = c.execute(sa.select(sa.func.count()).select_from(Account)).scalar_one()
            engine.dispose()
            devs = make_devices(url, min(args.burst, n_acc), offset - offset % n_acc, False)
            pm = postmaster(args.pg_url)
            cpu0, pg0 = server.cpu(), tree_cpu(pm, reaped=True) if pm else 0.0
            client0 = time.process_time()
            out["burst_s"] = asyncio.run(burst(server.base, devs))
            out["burst_client_cpu_s"] = time.process_time() - client0
            out["burst_devices"] = len(devs)
            out["burst_server_cpu_s"] = server.cpu() - cpu0
            if pm:
                out["burst_pg_cpu_s"] = tree_cpu(pm, reaped=True) - pg0
        out["pg_sessions"] = sessions(args.pg_url, db) - sessions0
    finally:
        server.stop()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pg-url", required=True)
    ap.add_argument("--coaches", type=int, default=50)
    ap.add_argument("--candidates", type=int, default=100)
    ap.add_argument("--notes", type=int, default=35)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--devices", default="10,50,200")
    ap.add_argument("--seconds", type=float, default=8)
    ap.add_argument("--push", type=float, default=0.1, help="share of syncs that push")
    ap.add_argument("--burst", type=int, default=50)
    ap.add_argument("--clients", type=int, default=4, help="load generator processes")
    args = ap.parse_args(argv)
    args.devices = [int(x) for x in args.devices.split(",") if x]
    seed = make_seed(args.pg_url, args.coaches, args.candidates, args.notes)
    before = uptime()
    results = [bench_workers(args, seed, int(w)) for w in args.workers.split(",")]
    after = uptime()
    print(f"\nuptime before: {before}\nuptime after:  {after}\n")
    print("| workers | idle CPU ms/req | " + " | ".join(
        f"{d} dev: req/s, idle p50/p99, push p50/p99 ms, err" for d in args.devices
    ) + " | burst s | burst CPU s: server, PG | new PG sessions |")  # fmt: skip
    print("|---" * (5 + len(args.devices)) + "|")
    for r in results:
        cells = [
            f"{r[f'd{d}']['rps']:.0f}, {r[f'd{d}']['idle_p50']:.0f}/{r[f'd{d}']['idle_p99']:.0f}"
            f", {r[f'd{d}']['push_p50']:.0f}/{r[f'd{d}']['push_p99']:.0f}, {r[f'd{d}']['errors']}"
            for d in args.devices
        ]
        print(
            f"| {r['workers']} | {r['idle_cpu_ms']:.2f} | " + " | ".join(cells)
            + f" | {r.get('burst_s', float('nan')):.1f}"
            + f" | {r.get('burst_server_cpu_s', float('nan')):.1f}"
            + f", {r.get('burst_pg_cpu_s', float('nan')):.1f} | {r['pg_sessions']} |"
        )  # fmt: skip
    print(json.dumps({"results": results, "uptime": [before, after]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
