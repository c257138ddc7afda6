"""A sync's cost by kind, in process (issue 18): the server's CPU and PostgreSQL's per
request, and the statements each sends, for the three kinds the load bench mixes.

    url=$(scripts/start-test-postgres.sh)
    .venv/bin/python bench/profile_sync.py --pg-url "$url" [--rounds 200] [--profile push]

On a copy of the load bench's seed (``bench/load_server.py``: 50 coaches × 100
candidates), the work the sync's fast path hands its thread (``app._read_and_answer``:
the body read, the token through the server's cache, ``sync_answer``) called straight
(no HTTP, one thread), as the server's thread pool calls it; the answer is read and
checked after the meters (before round 9 the bench's own token check, the body's
pydantic model and the answer's JSON were counted as the server's: a quarter of an
idle sync's figure):

  push    a device pushes 2 records (its candidate's motivation, a new note), as the
          load bench's devices do, answered with the page past its cursor
  pulled  another device of the same coach syncs and receives those 2 records
  idle    a device of a coach nobody writes for syncs with nothing to send

CPU: this process (``getrusage(RUSAGE_THREAD)``, user and system: the calling thread,
where every statement is made) and PostgreSQL's backends of the database (``/proc/PID/schedstat``,
nanoseconds; the pool's and the lease connection's). Statements: every one SQLAlchemy
sends (``before_cursor_execute``, all engines; those ``spt_server.raw`` sends on the
psycopg connection itself too; in older code ``pull.RAW_LISTENERS``, or before that
the idle probe, counted by its call).
``--profile KIND`` prints cProfile's top of
that kind. Prints a table and a JSON line; ``uptime`` before and after.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import cProfile
import importlib.util
import json
import pstats
import resource
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import load_server as ls  # noqa: E402
import loadgen as lg  # noqa: E402

from spt_common import protocol as p  # noqa: E402
from spt_server import app as server_app  # noqa: E402
from spt_server import pull, security  # noqa: E402

KINDS = ("push", "pulled", "idle")


class Counter:
    """Statements sent through SQLAlchemy (any engine), by their first words."""

    def __init__(self) -> None:
        self.total = 0
        self.by_kind: collections.Counter[str] = collections.Counter()
        sa.event.listen(sa.engine.Engine, "before_cursor_execute", self._seen)
        # Statements sent on psycopg's connection itself: SQLAlchemy's events see those of
        # spt_server.raw; in older code, pull.RAW_LISTENERS did.
        self.raw = importlib.util.find_spec("spt_server.raw") is not None
        if not self.raw and hasattr(pull, "RAW_LISTENERS"):
            pull.RAW_LISTENERS.append(lambda sql: self._seen(None, None, sql.decode()))
            self.raw = True

    def _seen(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith(_METER):
            return
        self.total += 1
        self.by_kind[" ".join(statement.split()[:4])[:60]] += 1


_METER = "SELECT pid FROM pg_stat_activity"


def backend_ns(url: str, db: str) -> int:
    """CPU nanoseconds of every backend connected to ``db`` now (not this meter's)."""
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    with engine.connect() as c:
        pids = [
            int(x)
            for (x,) in c.execute(
                sa.text(_METER + " WHERE datname = :d AND pid <> pg_backend_pid()"),
                {"d": db},
            )
        ]
    engine.dispose()
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError, ValueError, IndexError):
            total += int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])
    return total


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pg-url", required=True)
    ap.add_argument("--rounds", type=int, default=200)
    ap.add_argument("--profile", choices=KINDS, help="cProfile this kind (CPU then inflated)")
    ap.add_argument("--db", default="spt_profile_sync")
    args = ap.parse_args(argv)
    before = uptime()
    seed = ls.make_seed(args.pg_url, 50, 100, 35)
    _drop(args.pg_url, args.db)
    url = ls.fresh_copy(args.pg_url, seed, args.db)
    # Four devices per coach (as 200 devices over 50 coaches): 0 pushes, 1 receives;
    # coaches 25-49 only sync idle (device 2).
    devs = ls.make_devices(url, 200, 0)
    # Each device's check stays trusted for the run (a slow run on a loaded machine
    # would otherwise re-read devices whose syncs lie over 30 s apart: not a kind).
    server_app.CHECK_TTL = 3600.0
    server = server_app.Server(url)
    if hasattr(server_app, "settle_heap"):
        server_app.settle_heap()  # as `spt-server serve` does (its collector's settings)
    try:
        result = run(args, server, url, devs)
    finally:
        server.threads.shutdown(wait=False)
        server.engine.dispose()
        _drop(args.pg_url, args.db)
    result["uptime"] = [before, uptime()]
    print(json.dumps(result))
    return 0


def _drop(pg_url: str, db: str) -> None:
    engine = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        c.exec_driver_sql(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
    engine.dispose()


def answer(server: server_app.Server, dev: lg.Dev, body: bytes) -> bytes:
    """The answer to ``body`` from ``dev`` as the server's sync thread makes it
    (``_read_and_answer``; in older code, ``sync_answer`` after the token check)."""
    fast = getattr(server_app, "_read_and_answer", None)
    if fast is not None:
        out = fast(server, body, f"Bearer {dev.token}")
        assert out is not None, "not a valid SyncRequest"
        return bytes(out)
    claims = security.read_access(server.key, dev.token)
    return server_app.sync_answer(server, p.SyncRequest.model_validate_json(body), claims)


def read(dev: lg.Dev, answer: bytes) -> dict[str, Any]:
    """``answer`` parsed, ``dev``'s cursor moved to its page's end."""
    out: dict[str, Any] = json.loads(answer)
    dev.cursor = out["pull"]["cursor"]
    return out


def call(server: server_app.Server, dev: lg.Dev, body: bytes) -> dict[str, Any]:
    return read(dev, answer(server, dev, body))


def run(
    args: argparse.Namespace, server: server_app.Server, url: str, devs: list[lg.Dev]
) -> dict[str, Any]:
    writers = devs[0:25]  # coach i's device 0 (make_devices: round-robin over 50 coaches)
    readers = devs[50:75]  # the same coaches' device 1
    idlers = devs[75:100]  # coaches 25-49's device 1: nobody writes for them
    templates = {id(d): lg.push_template(d.account, d.candidate) for d in writers}
    seq = 0

    # Each kind: its request's body (made before the meters), then its answer checked
    # (after them).
    def push_body(dev: lg.Dev) -> bytes:
        nonlocal seq
        seq += 1
        return lg.push_body(templates[id(dev)], dev.cursor, str(uuid.uuid4()),
                            dev.candidate_rev, seq, str(uuid.uuid4()))  # fmt: skip

    def pushed(dev: lg.Dev, got: bytes) -> None:
        results = read(dev, got)["push"]["results"]
        assert [r["status"] for r in results] == ["applied", "applied"], results
        dev.candidate_rev = results[0]["rev"]

    def pulled(dev: lg.Dev, got: bytes) -> None:
        out = read(dev, got)
        assert len(out["pull"]["records"]) == 2, out["pull"]

    def idled(dev: lg.Dev, got: bytes) -> None:
        out = read(dev, got)
        assert not out["pull"]["records"], out["pull"]

    def idle_body(dev: lg.Dev) -> bytes:
        return lg.idle_body(dev.cursor)

    def push(dev: lg.Dev) -> None:
        pushed(dev, answer(server, dev, push_body(dev)))

    def pull(dev: lg.Dev) -> None:
        pulled(dev, answer(server, dev, idle_body(dev)))

    def idle(dev: lg.Dev) -> None:
        idled(dev, answer(server, dev, idle_body(dev)))

    # Warm up: every device checked by this process and at the end; every statement shape
    # made once.
    for d in devs[:100]:
        while call(server, d, lg.idle_body(d.cursor))["pull"]["more"]:
            pass
    for w, r in zip(writers[:5], readers[:5], strict=True):
        push(w)
        pull(r)
        idle(idlers[0])
    counter = Counter()
    figures: dict[str, Any] = {}
    db = args.db
    for kind in KINDS:
        figures[kind] = {"py_ms": 0.0, "sys_ms": 0.0, "pg_ms": 0.0, "statements": 0, "n": 0}
    profiler = cProfile.Profile(time.thread_time) if args.profile else None
    kinds_seen: dict[str, collections.Counter[str]] = {k: collections.Counter() for k in KINDS}
    for i in range(args.rounds):
        w, r, q = writers[i % 25], readers[i % 25], idlers[i % 25]
        for kind, make, check, dev in (
            ("push", push_body, pushed, w),
            ("pulled", idle_body, pulled, r),
            ("idle", idle_body, idled, q),
        ):
            body = make(dev)
            stmts = counter.total
            snap = collections.Counter(counter.by_kind)
            pg0 = backend_ns(url, db)
            r0 = resource.getrusage(resource.RUSAGE_THREAD)
            if profiler is not None and kind == args.profile:
                profiler.enable()
                got = answer(server, dev, body)
                profiler.disable()
            else:
                got = answer(server, dev, body)
            r1 = resource.getrusage(resource.RUSAGE_THREAD)
            pg1 = backend_ns(url, db)
            check(dev, got)
            f = figures[kind]
            f["py_ms"] += (r1.ru_utime - r0.ru_utime) * 1000
            f["sys_ms"] += (r1.ru_stime - r0.ru_stime) * 1000
            f["pg_ms"] += (pg1 - pg0) / 1e6
            # Before RAW_LISTENERS and raw.run, the idle probe (raw) of a sync without a push: one.
            raw_probe = 0 if counter.raw or kind == "push" else 1
            f["statements"] += counter.total - stmts + raw_probe
            f["n"] += 1
            kinds_seen[kind] += collections.Counter(counter.by_kind) - snap
    rows = {}
    print(
        f"{'kind':8} {'server CPU ms':>14} {'of it sys':>10} {'PG CPU ms':>10} {'statements':>11}"
    )
    for kind in KINDS:
        f = figures[kind]
        n = f["n"]
        rows[kind] = {
            "server_ms": round((f["py_ms"] + f["sys_ms"]) / n, 3),
            "server_user_ms": round(f["py_ms"] / n, 3),
            "server_sys_ms": round(f["sys_ms"] / n, 3),
            "pg_ms": round(f["pg_ms"] / n, 3),
            "statements": round(f["statements"] / n, 2),
            "n": n,
        }
        print(f"{kind:8} {rows[kind]['server_ms']:14.3f} {rows[kind]['server_sys_ms']:10.3f} "
              f"{rows[kind]['pg_ms']:10.3f} "
              f"{rows[kind]['statements']:11.2f}")  # fmt: skip
    for kind in KINDS:
        print(f"\n{kind}: statements per request by their first words")
        for text, count in kinds_seen[kind].most_common():
            print(f"  {count / args.rounds:6.2f}  {text}")
    if profiler is not None:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(30)
    return {"kinds": rows}


if __name__ == "__main__":
    raise SystemExit(main())
