"""The server's CPU per pushed record: a first push replayed against `spt-server`.

    .venv/bin/python bench/bench_push_server.py prepare --size 1000 [--dir /tmp/pushbench]
    .venv/bin/python bench/bench_push_server.py replay --size 1000 [--pg URL] \\
        [--tree /path/to/other/checkout] [--runs 3] [--py-spy out.txt] [--analyze]
    .venv/bin/python bench/bench_push_server.py inproc --size 1000 [--pg URL] \\
        [--pg-data DIR] [--profile out.prof]

``prepare`` (once per size): a fresh SQLite server with one coach, a vault logged in to
it and filled by the demo generator (seed 2026, as `bench_sync.py`), the server's
database copied as a template *before* the push, then the vault's first push through the
real sync engine with every `/sync` request recorded as sent (body compressed as the
client sent it, its headers).

``replay``: per run, a copy of the template (SQLite file; with ``--pg``, a new database
on that cluster, brought to the schema by `spt-server init` of the tree measured, with
the template's rows copied in), `spt-server serve` of the tree measured (``--tree``, a
checkout of other code; default this one) as its own process, and the recorded requests
POSTed to it one after the other, each with a fresh access token of the same device.
Every answer must be 200; the statuses of the changes are counted (the demo's outbox
has forbidden and rejected ones, the same in every run). Reported: the server process's
CPU seconds for the requests (/proc), us per record, requests, the machine's load, and
with ``--pg-data`` the PostgreSQL cluster's CPU seconds too.
The client's cost is not in it (the bodies are sent as recorded): the server alone.

``inproc``: the same requests answered by this tree's ``sync_answer`` in this process's
own thread (no HTTP, no event loop, no idle threads in a profile), its CPU split into
the body's validation, ``store.push`` and the rest of the answer.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

import bench_sync as bs  # noqa: E402

PYTHON = sys.executable


def prepare(size: int, workdir: Path) -> None:
    from spt_desktop import demo
    from spt_desktop.sync import engine
    from spt_desktop.sync.transport import Transport

    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    server = bs.SptServer(workdir)
    sent: list[tuple[dict[str, str], bytes]] = []
    try:
        vault = bs.fresh_vault(workdir, "a.sptvault")
        t = Transport(server.url)
        engine.login(vault, server.url, bs.EMAIL, bs.PASSWORD, transport=t, device_name="laptop")
        counts = demo.fill_vault(vault, size, bs.SEED, bs.TODAY)
        records = sum(v for k, v in counts.items() if k != "coach")
        src = sqlite3.connect(workdir / "server.db")
        dst = sqlite3.connect(workdir / "template.db")
        src.backup(dst)
        src.close()
        dst.close()

        def on_request(request: httpx.Request) -> None:
            if request.url.path.endswith("/sync"):
                # The push answer's form asked for too (round 19: ``spt-push-answer``);
                # a tree that does not know the header answers the long form.
                keep = ("content-type", "content-encoding", "accept-encoding", "spt-push-answer")
                headers = {k: request.headers[k] for k in keep if k in request.headers}
                sent.append((headers, request.content))

        statuses: dict[str, int] = {}

        def on_response(response: httpx.Response) -> None:
            if response.request.url.path.endswith("/sync"):
                response.read()
                _counted(json.loads(response.content).get("push"), statuses)

        t._client.event_hooks = {"request": [on_request], "response": [on_response]}
        cpu = server.cpu()
        report = engine.sync(vault, transport=t)
        print(f"prepared {size:,} candidates: {records:,} records, {report.requests} requests, "
              f"server cpu {server.cpu() - cpu:.2f} s, {statuses}")  # fmt: skip
    finally:
        server.stop()
    with open(workdir / "requests.pkl", "wb") as f:
        pickle.dump({"size": size, "records": records, "requests": sent}, f)


def _counted(push: dict[str, Any] | None, statuses: dict[str, int]) -> int:
    """The changes a push answer gives results of, counted into ``statuses`` by status:
    those in full, and those of its runs (the compact form, round 19) as "applied"."""
    if push is None:
        return 0
    for x in push["results"]:
        statuses[x["status"]] = statuses.get(x["status"], 0) + 1
    runs = push.get("applied") or []
    in_runs = sum(runs[2::3])
    if in_runs:
        statuses["applied"] = statuses.get("applied", 0) + in_runs
    return len(push["results"]) + in_runs


def _template_rows(template: Path) -> dict[str, list[dict[str, Any]]]:
    eng = sa.create_engine(f"sqlite:///{template}")
    meta = sa.MetaData()
    meta.reflect(eng)
    out: dict[str, list[dict[str, Any]]] = {}
    with eng.connect() as c:
        for table in meta.sorted_tables:
            if table.name == "alembic_version":
                continue
            rows = [dict(r._mapping) for r in c.execute(sa.select(table))]
            if rows:
                out[table.name] = rows
    eng.dispose()
    return out


def _pg_copy(template: Path, url: str, tree: Path) -> None:
    """The template's rows into a fresh database at ``url`` of the schema of ``tree``."""
    subprocess.run(
        [PYTHON, "-m", "spt_server.cli", "init", "--db", url], check=True,
        env={**os.environ, "PYTHONPATH": str(tree)}, stdout=subprocess.DEVNULL, cwd=tree,
    )  # fmt: skip
    rows = _template_rows(template)
    eng = sa.create_engine(url)
    meta = sa.MetaData()
    meta.reflect(eng)
    with eng.begin() as c:
        for table in reversed(meta.sorted_tables):
            if table.name in rows:
                c.execute(sa.delete(table))
        for table in meta.sorted_tables:
            if table.name in rows:
                cols = set(table.c.keys())
                c.execute(sa.insert(table), [{k: v for k, v in r.items() if k in cols}
                                             for r in rows[table.name]])  # fmt: skip
    eng.dispose()


def _create_pg_database(pg_url: str, name: str) -> str:
    eng = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with eng.connect() as c:
        c.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        c.exec_driver_sql(f"CREATE DATABASE {name}")
    eng.dispose()
    return str(sa.engine.make_url(pg_url).set(database=name).render_as_string(False))


def _token(db_url: str) -> str:
    from sqlalchemy.orm import Session

    from spt_server import security
    from spt_server.db import Device
    from spt_server.setup import signing_keys

    eng = sa.create_engine(db_url)
    with Session(eng) as s:
        device = s.scalars(sa.select(Device)).one()
        token = security.issue_access(signing_keys(s), device.account_id, device.id)
    eng.dispose()
    return token


def _cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pg_cpu(data: Path | None) -> float:
    """CPU seconds of the PostgreSQL cluster's running processes (the postmaster's
    children: the server's backends among them); 0 without ``data``."""
    if data is None:
        return 0.0
    postmaster = (data / "postmaster.pid").read_text().split()[0]
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == postmaster:
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def replay_once(
    workdir: Path,
    tree: Path,
    pg: str | None,
    spy: str | None,
    pg_data: Path | None = None,
    analyze: bool = False,
) -> dict[str, Any]:
    with open(workdir / "requests.pkl", "rb") as f:
        recorded = pickle.load(f)
    url = _fresh_copy(workdir, tree, pg, analyze)
    port = bs.free_port()
    proc = subprocess.Popen(
        [PYTHON, "-m", "spt_server.cli", "serve", "--db", url, "--port", str(port),
         "--no-retention", "--log-level", "error"],
        # In the tree's folder: `python -m` puts the working folder before PYTHONPATH.
        env={**os.environ, "PYTHONPATH": str(tree)}, cwd=tree,
    )  # fmt: skip
    spy_proc = None
    try:
        bs.wait_port(port, proc, "spt-server")
        token = _token(url)
        applied = 0
        statuses: dict[str, int] = {}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600) as http:
            if spy:
                spy_proc = subprocess.Popen(
                    [str(Path(PYTHON).parent / "py-spy"), "record", "-r", "200", "-f", "raw",
                     "-o", spy, "--pid", str(proc.pid)],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                )  # fmt: skip
                time.sleep(1.0)
            load = os.getloadavg()[0]
            cpu0, wall0, pg0 = _cpu(proc.pid), time.perf_counter(), _pg_cpu(pg_data)
            for headers, body in recorded["requests"]:
                r = http.post(
                    "/api/v1/sync", content=body,
                    headers={**headers, "authorization": f"Bearer {token}"},
                )  # fmt: skip
                r.raise_for_status()
                applied += _counted(r.json()["push"], statuses)
            cpu, wall = _cpu(proc.pid) - cpu0, time.perf_counter() - wall0
            pg_cpu = _pg_cpu(pg_data) - pg0
            load2 = os.getloadavg()[0]
    finally:
        if spy_proc is not None:
            spy_proc.send_signal(2)
            spy_proc.wait(60)
        proc.terminate()
        proc.wait(30)
    return {
        "records": applied, "requests": len(recorded["requests"]), "cpu": cpu, "wall": wall,
        **({"pg_cpu": pg_cpu} if pg_data else {}),
        "us_per_record": cpu / applied * 1e6, "load": (load, load2), "statuses": statuses,
    }  # fmt: skip


def inproc_once(
    workdir: Path,
    pg: str | None,
    profile: str | None,
    analyze: bool = False,
    pg_data: Path | None = None,
) -> dict[str, Any]:
    """The recorded requests answered in this process, one thread, by this tree's
    ``sync_answer`` (the fast path's call, after its body check): no HTTP, no event loop,
    no idle threads in a profile. CPU: this thread's (``time.thread_time``), split into
    the body's validation, ``store.push`` and the rest of the answer (its pull page)."""
    import cProfile

    from spt_common import encoding
    from spt_common import protocol as p
    from spt_server import app as app_mod
    from spt_server import security, store

    with open(workdir / "requests.pkl", "rb") as f:
        recorded = pickle.load(f)
    url = _fresh_copy(workdir, ROOT, pg, analyze)
    if not pg:  # as `spt-server serve` does: a template of an older schema is brought up
        from spt_server.setup import upgrade

        engine = sa.create_engine(url)
        upgrade(engine)
        engine.dispose()
    server = app_mod.Server(url)
    if hasattr(p, "build_validators"):
        # As `create_app` does at a server's start: not inside the first push (the 1k's
        # instructions since round 10 held ~110 M of it; round 16, cols16).
        p.build_validators()
    if hasattr(app_mod, "settle_heap"):
        app_mod.settle_heap()  # as `spt-server serve` does (round 5)
    claims = security.read_access(server.key, _token(url))
    # The body as the fast path reads it: one pass with the changes' fields from round 7,
    # msgspec's (spt_server.wire) from round 11.
    parse = getattr(p, "parse_sync", p.SyncRequest.model_validate_json)
    try:
        from spt_server import wire

        wire.build()
        parse = wire.parse_sync
    except ImportError:
        pass
    push_cpu = 0.0
    # The push as the app calls it: push_answer from round 6 on, push before.
    name = "push_answer" if hasattr(store, "push_answer") else "push"
    real_push = getattr(store, name)

    def timed_push(*args: Any, **kwargs: Any) -> Any:
        nonlocal push_cpu
        t0 = time.thread_time()
        try:
            return real_push(*args, **kwargs)
        finally:
            push_cpu += time.thread_time() - t0

    setattr(store, name, timed_push)
    # CPU time, not wall (the machine is shared: wall time follows the load).
    prof = cProfile.Profile(time.thread_time) if profile else None
    applied = 0
    validate = total = 0.0
    pg0 = _pg_cpu(pg_data)
    push_before = 0.0
    dearest: list[tuple[float, int, int]] = []  # (rest s, request, its page limit)
    try:
        for headers, raw in recorded["requests"]:
            sent_as = headers.get("content-encoding")  # none: a body sent as it is
            body_raw = encoding.decode(sent_as, raw, 1 << 30) if sent_as else raw
            t0 = time.thread_time()
            if prof:
                prof.enable()
            body = parse(body_raw)
            t1 = time.thread_time()
            if headers.get("spt-push-answer") == "runs" and hasattr(p, "HEADER_PUSH_ANSWER"):
                answer = app_mod.sync_answer(server, body, claims, True)  # the compact form
            else:
                answer = app_mod.sync_answer(server, body, claims)
            if prof:
                prof.disable()
            t2 = time.thread_time()
            validate += t1 - t0
            total += t2 - t0
            rest = t2 - t1 - (push_cpu - push_before)
            push_before = push_cpu
            dearest.append((round(rest, 3), len(dearest), body.limit))
            applied += _counted(json.loads(answer)["push"], {})
        pg_cpu = _pg_cpu(pg_data) - pg0
    finally:
        setattr(store, name, real_push)
        server.engine.dispose()
        store.dispose_leases(server.engine)
    if prof and profile:
        prof.dump_stats(profile)
    return {
        "records": applied, "requests": len(recorded["requests"]), "cpu": total,
        "validate": validate, "push": push_cpu, "rest": total - validate - push_cpu,
        "us_per_record": total / applied * 1e6, "push_us_per_record": push_cpu / applied * 1e6,
        **({"pg_cpu": pg_cpu} if pg_data else {}), "load": os.getloadavg()[0],
        "dearest_rest": sorted(dearest, reverse=True)[:6],
    }  # fmt: skip


def _page_size_of(tree: Path, db: Path) -> None:
    """The copy in the page size a new server of ``tree`` makes (``db.SQLITE_PAGE_SIZE``,
    round 8; SQLite's 4 KiB before): the template was made by whichever tree prepared it."""
    found = subprocess.run(
        [PYTHON, "-c", "from spt_server import db; print(getattr(db, 'SQLITE_PAGE_SIZE', 4096))"],
        env={**os.environ, "PYTHONPATH": str(tree)}, cwd=tree, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    size = int(found.stdout.split()[-1])
    c = sqlite3.connect(db, isolation_level=None)
    try:
        if c.execute("PRAGMA page_size").fetchone()[0] != size:
            c.execute("PRAGMA journal_mode = DELETE")
            c.execute(f"PRAGMA page_size = {size}")
            c.execute("VACUUM")
            c.execute("PRAGMA journal_mode = WAL")
    finally:
        c.close()


def _fresh_copy(workdir: Path, tree: Path, pg: str | None, analyze: bool) -> str:
    """A copy of the template for one run. ``analyze``: its statistics taken first.

    Not by default: the template is the server before the push (one coach, no records),
    so its statistics say every table is empty while the push fills them. On SQLite
    that made the push's pull pages 4x dearer (1.1 against 0.28 s per 1k push, in
    process): a SQLite server never analyses (no statistics at all, as without). On
    PostgreSQL autovacuum analyses while the push runs, whatever was there; the push
    plans each statement for its own ids (``store.push``), so no stale generic plan."""
    if pg:
        url = _create_pg_database(pg, "pushbench")
        _pg_copy(workdir / "template.db", url, tree)
    else:
        db = workdir / "run.db"
        for extra in ("", "-wal", "-shm"):
            Path(f"{db}{extra}").unlink(missing_ok=True)
        shutil.copy(workdir / "template.db", db)
        db.chmod(0o600)
        url = f"sqlite:///{db}"
        _page_size_of(tree, db)
    if analyze:
        eng = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with eng.connect() as c:
            c.exec_driver_sql("ANALYZE")
        eng.dispose()
    return url


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["prepare", "replay", "inproc"])
    ap.add_argument("--size", type=int, default=1000)
    ap.add_argument("--dir", default="/tmp/pushbench")
    ap.add_argument("--tree", default=str(ROOT), help="the checkout whose server runs")
    ap.add_argument("--pg", default=None, help="a PostgreSQL URL that may create databases")
    ap.add_argument("--pg-data", default=None, help="the cluster's data folder: its CPU too")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--py-spy", default=None)
    ap.add_argument("--profile", default=None, help="inproc: cProfile stats to this file")
    ap.add_argument(
        "--analyze", action="store_true",
        help="ANALYZE the copy before the push (statistics of the near-empty template)",
    )  # fmt: skip
    args = ap.parse_args()
    workdir = Path(args.dir) / str(args.size)
    if args.what == "prepare":
        prepare(args.size, workdir)
        return
    for i in range(args.runs):
        spy = args.py_spy if i == 0 else None
        data = Path(args.pg_data) if args.pg_data else None
        if args.what == "inproc":
            out = inproc_once(workdir, args.pg, args.profile if i == 0 else None,
                              args.analyze, data)  # fmt: skip
        else:
            out = replay_once(workdir, Path(args.tree), args.pg, spy, data, args.analyze)
        print(json.dumps({"utc": time.strftime("%H:%M:%S", time.gmtime()), "tree": args.tree,
                          "db": "pg" if args.pg else "sqlite", "size": args.size,
                          **{k: round(v, 3) if isinstance(v, float) else v
                             for k, v in out.items()}}), flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
