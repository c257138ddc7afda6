"""How fast sync is: a real server on loopback, vaults of 1k, 10k and 50k candidates.

    .venv/bin/python bench/bench_sync.py [--sizes 1000,10000,50000] [--runs 20]

Per size, with the demo generator's caseload (about 38 related rows per candidate:
consents, assignments, plans, goals, actions, activities, visits, ...):
  first push      a filled vault (bulk-loaded, everything in its outbox) syncs to an empty
                  server: every record travels up in batches of 500
  first pull      a second, empty vault of the same coach (another device) syncs: every
                  record in her scope travels down in pages of 1,000
  no change       a sync with nothing to send or fetch (median of --runs), and its requests
  10 changed      a sync pushing 10 edited candidates, then the other device pulling them
                  (several rounds with other candidates; the median round)
  1 % changed     the same with 1 % of all records (edited candidates)
Baselines, in the same run, from the bytes the real sync sent (captured on the wire):
  push baseline   the same request bodies POSTed over loopback HTTP to a bare ASGI app
                  (uvicorn) that json-decodes them and inserts the records with sqlcipher3's
                  executemany into a SQLCipher file of the vault schema, one commit per batch
  pull baseline   the same response bodies served by a bare ASGI app, fetched with httpx,
                  json-decoded and inserted with executemany into a fresh SQLCipher vault,
                  one commit per page
Targets (issue 3 §5): first pull and first push <= 1.5x their baseline; no-change sync
< 10 ms in <= 2 requests; the cost of a sync grows with the changes, not with the vault
(here: the 10-change sync at the largest size within 2x of the smallest size).
Exit code 1 when a target is missed. Server: SQLite file, uvicorn in a thread of this
process. Figures and machine: bench/SYNC.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_vault import machine  # noqa: E402  (same machine line in every bench)

from spt_common.enums import Role  # noqa: E402
from spt_desktop import demo  # noqa: E402
from spt_desktop.models import SYNCED_ENTITIES, Candidate  # noqa: E402
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
RATIO_TARGET = 1.5
NO_CHANGE_MS = 10.0
NO_CHANGE_REQUESTS = 2
GROWTH_TARGET = 2.0
STAMP = "2026-11-30 07:30:00.000000"  # modified_at of baseline rows
TABLE_OF = {e: cls.__table__.name for e, cls in SYNCED_ENTITIES.items()}  # type: ignore[attr-defined]


# --- servers on loopback ---------------------------------------------------------------


class Uvicorn:
    """An ASGI app under uvicorn on 127.0.0.1, in a thread."""

    def __init__(self, app: Any) -> None:
        import socket

        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
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


def spt_server(workdir: Path) -> tuple[Uvicorn, Any]:
    """The real SPT server on a fresh SQLite database with one coach."""
    from sqlalchemy.orm import Session

    from spt_server import setup
    from spt_server.app import create_app
    from spt_server.db import make_engine
    from spt_server.setup import upgrade

    url = f"sqlite:///{workdir / 'server.db'}"
    eng = make_engine(url)
    upgrade(eng)
    with Session(eng) as s, s.begin():
        setup.add_coach(
            s, email=EMAIL, name="Anna", roles=[r.value for r in OWNER_ROLES],
            spt="spt_noord_holland", password=PASSWORD,
        )  # fmt: skip
    eng.dispose()
    app = create_app(url)
    return Uvicorn(app), app


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
        # In a worker thread, as FastAPI runs the real server's handlers.
        reply = await asyncio.to_thread(self.handler, body)
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(reply))]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": reply})


# --- the wire, recorded ------------------------------------------------------------------


@dataclass
class Wire:
    """Every request and response body of a Transport, in order."""

    sent: list[bytes] = field(default_factory=list)
    received: list[bytes] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    recording: bool = False

    def transport(self, url: str) -> Transport:
        def on_request(request: httpx.Request) -> None:
            if self.recording:
                self.sent.append(request.content)
                self.paths.append(request.url.path)

        def on_response(response: httpx.Response) -> None:
            if self.recording:
                response.read()
                self.received.append(response.content)

        client = httpx.Client(
            timeout=httpx.Timeout(120.0, connect=10.0),
            headers={"user-agent": "spt-desktop"},
            event_hooks={"request": [on_request], "response": [on_response]},
        )
        return Transport(url, client=client)

    def reset(self) -> None:
        self.sent, self.received, self.paths = [], [], []

    def bytes(self) -> tuple[int, int]:
        return sum(map(len, self.sent)), sum(map(len, self.received))


# --- baselines -----------------------------------------------------------------------


def _columns(vault: Vault) -> dict[str, list[str]]:
    return {e: [c.name for c in t.columns if c.computed is None] for e, t in apply.TABLES.items()}


class RawInserter:
    """Records (entity, id, rev, deleted, data) into a SQLCipher vault with executemany."""

    def __init__(self, vault: Vault) -> None:
        self.cols = _columns(vault)
        self.raw = vault.engine.raw_connection()
        # As the sync engine applies pages: references complete over several pages.
        self.raw.cursor().execute("PRAGMA foreign_keys = OFF")
        self.sql = {
            e: f'INSERT OR REPLACE INTO "{TABLE_OF[e]}" ({", ".join(c)}) '
            f"VALUES ({', '.join('?' * len(c))})"
            for e, c in self.cols.items()
        }

    def insert(self, records: list[tuple[str, str, Any, bool, dict[str, Any]]]) -> None:
        by: dict[str, list[tuple[Any, ...]]] = {}
        for entity, rid, rev, deleted, data in records:
            if entity not in self.cols:
                continue
            extra = {"id": rid, "server_rev": rev, "deleted": deleted, "modified_at": STAMP}
            by.setdefault(entity, []).append(
                tuple(extra[c] if c in extra else data.get(c) for c in self.cols[entity])
            )
        cur = self.raw.cursor()
        cur.execute("BEGIN IMMEDIATE")
        for entity, rows in by.items():
            cur.executemany(self.sql[entity], rows)
        self.raw.commit()

    def close(self) -> None:
        self.raw.close()


def pull_baseline(workdir: Path, wire: Wire) -> Run:
    """The recorded pull's response bodies over loopback, decoded, inserted raw."""
    pages = iter(wire.received)
    server = Uvicorn(Replay(lambda _body: next(pages)))
    vault = fresh_vault(workdir, "baseline-pull.sptvault")
    sink = RawInserter(vault)
    try:
        with httpx.Client(timeout=120) as http:
            start, cpu = time.perf_counter(), time.process_time()
            for body in wire.sent:
                page = json.loads(http.post(server.url + "/sync", content=body).content)["pull"]
                sink.insert(
                    [(r["entity"], r["id"], r["rev"], r["deleted"], r["data"])
                     for r in page["records"]]
                )  # fmt: skip
            return Run(
                time.perf_counter() - start, len(wire.sent), 0, cpu=time.process_time() - cpu
            )
    finally:
        sink.close()
        vault.lock()
        server.stop()


def push_baseline(workdir: Path, wire: Wire) -> Run:
    """The recorded push's request bodies over loopback, decoded and inserted raw by the
    receiving end."""
    vault = fresh_vault(workdir, "baseline-push.sptvault")
    sink = RawInserter(vault)

    def receive(body: bytes) -> bytes:
        batch = json.loads(body).get("batch") or {"changes": []}
        sink.insert(
            [(c["entity"], c["id"], 1, c["op"] == "delete", c.get("fields") or {})
             for c in batch["changes"]]
        )  # fmt: skip
        return b'{"ok": true}'

    server = Uvicorn(Replay(receive))
    try:
        with httpx.Client(timeout=120) as http:
            start, cpu = time.perf_counter(), time.process_time()
            for body in wire.sent:
                http.post(server.url + "/sync", content=body).raise_for_status()
            return Run(
                time.perf_counter() - start, len(wire.sent), 0, cpu=time.process_time() - cpu
            )
    finally:
        server.stop()
        sink.close()
        vault.lock()


# --- the measured syncs -------------------------------------------------------------------


def fresh_vault(workdir: Path, name: str) -> Vault:
    for p in workdir.glob(name + "*"):
        p.unlink()
    vault, _ = Vault.create(workdir / name, PASSPHRASE, owner_roles=OWNER_ROLES, kdf=FAST_KDF)
    return vault


@dataclass
class Run:
    seconds: float
    requests: int
    records: int
    up: int = 0
    down: int = 0
    cpu: float = 0.0  # this process: client and server (a thread here) together


def timed_sync(vault: Vault, transport: Transport, wire: Wire | None = None) -> Run:
    if wire is not None:
        wire.reset()
        wire.recording = True
    start, cpu = time.perf_counter(), time.process_time()
    report = engine.sync(vault, transport=transport)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    up, down = wire.bytes() if wire is not None else (0, 0)
    if wire is not None:
        wire.recording = False
    return Run(seconds, report.requests, report.pushed + report.pulled, up, down, cpu)


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
    push: Run
    pull: Run
    push_base: Run | None  # None: not measured at this size (--baselines-up-to)
    pull_base: Run | None
    no_change: float
    no_change_max: float
    no_change_requests: int
    no_change_cpu: float
    ten_push: Run
    ten_pull: Run
    pct_push: Run
    pct_pull: Run
    setup: float


def bench_size(size: int, runs: int, workdir: Path, baselines: bool = True) -> SizeResult:
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    server, _app = spt_server(workdir)
    wire = Wire()
    try:
        started = time.perf_counter()
        a, b = fresh_vault(workdir, "a.sptvault"), fresh_vault(workdir, "b.sptvault")
        ta, tb = wire.transport(server.url), Transport(server.url)
        engine.login(a, server.url, EMAIL, PASSWORD, transport=ta, device_name="laptop")
        engine.login(b, server.url, EMAIL, PASSWORD, transport=tb, device_name="tweede")
        counts = demo.fill_vault(a, size, SEED, TODAY)
        records = sum(v for k, v in counts.items() if k != "coach")
        setup = time.perf_counter() - started
        print(f"  {size:,} candidates: {records:,} records, filled in {setup:.1f} s", flush=True)

        push = timed_sync(a, ta, wire)
        print(f"  first push {push.seconds:.1f} s, {push.requests} requests", flush=True)
        push_base = push_baseline(workdir, wire) if baselines else None

        tb.close()
        tb = wire.transport(server.url)
        pull = timed_sync(b, tb, wire)
        print(f"  first pull {pull.seconds:.1f} s, {pull.requests} requests", flush=True)
        pull_base = pull_baseline(workdir, wire) if baselines else None

        timed_sync(a, ta)  # a's own echo: nothing, but settles its cursor
        quiet = [timed_sync(b, tb) for _ in range(runs + 1)][1:]
        no_change = statistics.median(r.seconds for r in quiet)
        no_change_cpu = statistics.median(r.cpu for r in quiet)

        # 10 changed: several rounds (other candidates each time), the median round by
        # push + pull wall time; one round alone moves with the machine's other work.
        tens = []
        for i in range(max(3, runs // 4)):
            edit_candidates(a, 10, f"1{i}", skip=10 * i)
            tens.append((timed_sync(a, ta, wire), timed_sync(b, tb, wire)))
        tens.sort(key=lambda pair: pair[0].seconds + pair[1].seconds)
        ten_push, ten_pull = tens[len(tens) // 2]
        n_pct = max(1, round(records / 100))
        edit_candidates(a, n_pct, "77")
        pct_push, pct_pull = timed_sync(a, ta, wire), timed_sync(b, tb, wire)
        ta.close()
        tb.close()
        a.lock()
        b.lock()
        return SizeResult(
            size, records, push, pull, push_base, pull_base, no_change,
            max(r.seconds for r in quiet), max(r.requests for r in quiet), no_change_cpu,
            ten_push, ten_pull, pct_push, pct_pull, setup,
        )  # fmt: skip
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


# --- report ---------------------------------------------------------------------------


def report(results: list[SizeResult]) -> bool:
    ok = True
    print("\n| candidates | records | what | s | cpu s | requests | KiB up | KiB down | target | |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---|---|")
    kib = 2**10

    def line(r: SizeResult, what: str, run: Run, target: str, good: bool | None) -> None:
        mark = "" if good is None else ("ok" if good else "MISSED")
        print(
            f"| {r.size:,} | {r.records:,} | {what} | {run.seconds:.3f} | {run.cpu:.3f} "
            f"| {run.requests} | {run.up / kib:,.0f} | {run.down / kib:,.0f} | {target} | {mark} |"
        )

    def first(r: SizeResult, what: str, run: Run, base: Run | None) -> bool:
        if base is None:
            line(r, what, run, "(baseline not measured at this size)", None)
            return True
        good = run.seconds <= RATIO_TARGET * base.seconds
        line(r, what, run, f"<= {RATIO_TARGET}x baseline ({run.seconds / base.seconds:.2f}x)",
             good)  # fmt: skip
        line(r, what.replace("first ", "") + " baseline", base, "", None)
        return good

    for r in results:
        push_ok = first(r, "first push", r.push, r.push_base)
        pull_ok = first(r, "first pull", r.pull, r.pull_base)
        quiet_ok = r.no_change * 1000 < NO_CHANGE_MS and r.no_change_requests <= NO_CHANGE_REQUESTS
        ok &= push_ok and pull_ok and quiet_ok
        line(
            r, f"no change (median of runs; max {r.no_change_max * 1000:.1f} ms)",
            Run(r.no_change, r.no_change_requests, 0, cpu=r.no_change_cpu),
            f"< {NO_CHANGE_MS:g} ms, <= {NO_CHANGE_REQUESTS} requests", quiet_ok,
        )  # fmt: skip
        line(r, "10 changed: push (median round)", r.ten_push, "", None)
        line(r, "10 changed: pull (median round)", r.ten_pull, "", None)
        line(r, "1 % changed: push", r.pct_push, "", None)
        line(r, "1 % changed: pull", r.pct_pull, "", None)
    if len(results) > 1:
        small, big = results[0], results[-1]
        for what, s, b in (
            ("no change", small.no_change, big.no_change),
            ("10 changed (push + pull)",
             small.ten_push.seconds + small.ten_pull.seconds,
             big.ten_push.seconds + big.ten_pull.seconds),
        ):  # fmt: skip
            growth = b / s
            good = growth <= GROWTH_TARGET
            ok &= good
            print(
                f"\n{what}: {s * 1000:.1f} ms at {small.size:,} -> {b * 1000:.1f} ms at "
                f"{big.size:,} candidates: {growth:.2f}x (target <= {GROWTH_TARGET}x) "
                + ("ok" if good else "MISSED")
            )
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="candidates per run")
    parser.add_argument("--runs", type=int, default=20, help="no-change syncs (median)")
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "spt-bench-sync"
    )
    parser.add_argument(
        "--baselines-up-to",
        type=int,
        default=None,
        help="measure the push/pull baselines only at sizes up to this (default: all); the "
        "growth targets need no baseline, and at 50k each baseline costs many minutes",
    )
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    print(time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "-", machine(), flush=True)
    results = []
    for size in sizes:
        baselines = args.baselines_up_to is None or size <= args.baselines_up_to
        results.append(bench_size(size, args.runs, args.workdir / str(size), baselines))
    ok = report(results)
    print("\n" + machine())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
