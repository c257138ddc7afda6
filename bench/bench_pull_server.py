"""The server's CPU of a first pull, two server trees side by side on one database (issue 13).

    .venv/bin/python bench/bench_pull_server.py [--size 10000] [--rounds 2] \
        [--tree before=/tmp/old-checkout] [--tree after=.] [--pg-url URL] \
        [--identity] [--spy DIR] [--workdir /tmp/NAME-bench] [--others 150x100]

One database holds a coach's ``--size`` demo candidates (SQLite, kept in ``--workdir``
and used again by the next run of the same size; or with ``--pg-url`` a PostgreSQL
database ``spt_pullsrv_SIZE`` on that server, kept there too). Round after round, with
the trees alternating (A, B, A, B), each tree's `spt-server serve` is started on it and
a new device of the coach pulls everything, page by page (``limit`` 2000, as the app
asks), with a bare httpx client that only finds each answer's cursor: the client does
not apply anything, so the server is never waiting for it. Per pull: the server
process's CPU seconds (``/proc/PID/stat``, user + system, from the first page's request
to the last answer), the wall, the pages and the bytes on the wire (the answers'
bodies as sent: compressed, or not with ``--identity``, a client that does not ask for
compression), and on PostgreSQL the CPU of its processes (on this machine).
``--spy DIR``: py-spy records each tree's server during its first pull (its sampling
costs the server CPU: measure without it).

``--others CxK`` (PostgreSQL): the coach among C other coaches with K candidates each
(as ``load_server``'s seed: a candidate and 35 notes, 37 records with her assignment),
her ``--size`` candidates (the same kind, not the demo's) pushed in C parts, one after
each other coach's (database ``spt_pullsrv_SIZE_among_CxK``, made once): her first pull
is a *sparse* long span, her records a small share of ``record`` spread over all of it
(``pull._dense`` says no).

On PostgreSQL each tree pulls from a copy of the filled database brought to that tree's
newest migration (a tree without this tree's newest is downgraded to its own), so a
tree is measured with the indexes it makes; on SQLite, with two trees or more, a copy
of the file per tree, the same way. Per pull also PostgreSQL's CPU a page.

The client is the same for every tree, so the difference is the server's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import bench_sync as bs  # noqa: E402

from spt_common import encoding  # noqa: E402
from spt_common import protocol as p  # noqa: E402
from spt_desktop import demo  # noqa: E402
from spt_desktop.sync import engine  # noqa: E402
from spt_desktop.sync.transport import Transport, client_headers  # noqa: E402

PAGE = p.DEFAULT_PAGE
PY_SPY = os.environ.get("PY_SPY", str(Path(bs.PYTHON).parent / "py-spy"))


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def _cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Served:
    """`spt-server serve` of ``tree`` on ``db``."""

    def __init__(self, tree: Path, db: str) -> None:
        self.port = bs.free_port()
        env = {**os.environ, "PYTHONPATH": str(tree), "SPT_PASSPHRASE": bs.PASSPHRASE}
        self.proc = subprocess.Popen(
            [bs.PYTHON, "-m", "spt_server.cli", "serve", "--db", db, "--port",
             str(self.port), "--no-retention", "--log-level", "error"],
            env=env, cwd=str(tree),
        )  # fmt: skip
        bs.wait_port(self.port, self.proc, "spt-server")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


def _prepare_db(db: str) -> None:
    from sqlalchemy.orm import Session

    from spt_server import setup
    from spt_server.db import make_engine

    eng = make_engine(db)
    setup.upgrade(eng)
    with Session(eng) as s, s.begin():
        setup.add_coach(
            s, email=bs.EMAIL, name="Anna", roles=[r.value for r in bs.OWNER_ROLES],
            spt="spt_noord_holland", password=bs.PASSWORD,
        )  # fmt: skip
    eng.dispose()


def _tree_head(tree: Path) -> str:
    """The newest migration of ``tree`` (its revision: the file name's number)."""
    versions = tree / "spt_server" / "migrations" / "versions"
    return max(f.name.split("_", 1)[0] for f in versions.glob("0*_*.py"))


def _schema_copy(pg_url: str, filled: str, tree: Path, name: str) -> str:
    """A copy of the database ``filled`` (this tree's schema) named ``name``, at the
    schema of ``tree``'s newest migration, ANALYZEd; its URL."""
    import load_server as ls
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    from spt_server.db import make_engine
    from spt_server.setup import MIGRATIONS

    url = ls.create_database(pg_url, name, filled)
    head = _tree_head(tree)
    eng = make_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with eng.begin() as conn:
        cfg.attributes["connection"] = conn
        current = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
        if current != head:
            command.downgrade(cfg, head)
    with eng.connect() as c:
        c.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    eng.dispose()
    return url


def _among(pg_url: str, name: str, size: int, coaches: int, candidates: int) -> str:
    """A database ``name`` of ``coaches`` coaches with ``candidates`` candidates each (as
    ``load_server``'s seed: a candidate and 35 notes, with her assignment) and the
    coach with ``size`` of her own, pushed in ``coaches`` parts, one after each other
    coach's: her records spread over the whole revision span, a small share of it."""
    import uuid

    import load_server as ls
    from sqlalchemy.orm import Session

    from spt_server import setup, store
    from spt_server.db import make_engine

    url = ls.create_database(pg_url, name)
    eng = make_engine(url)
    setup.upgrade(eng)
    text = "Gesprek over werk, scholing en wat er nodig is om te beginnen. " * 4
    nh = ls.SPTS[0]
    with Session(eng) as s, s.begin():
        anna = setup.add_coach(
            s, email=bs.EMAIL, name="Anna", roles=["loopbaancoach"], spt=nh,
            password=bs.PASSWORD,
        )  # fmt: skip
        s.add(ls._device(anna, "seed"))

    def push(caller: store.Caller, spt: str, n: int) -> None:
        changes: list[dict[str, Any]] = []
        for k in range(n):
            cid = str(uuid.uuid4())
            changes.append({"entity": "candidate", "id": cid, "op": "upsert",
                            "fields": ls.candidate_fields(spt, k)})  # fmt: skip
            changes += [ls.note_change(cid, caller.account_id, text) for _ in range(35)]
        for start in range(0, len(changes), p.MAX_BATCH):
            batch = p.PushBatch.model_validate(
                {"batch_id": str(uuid.uuid4()), "changes": changes[start : start + p.MAX_BATCH]}
            )
            with Session(eng) as s, s.begin():
                store.push(s, caller, batch)

    hers = store.Caller(anna, nh, "seed-anna")
    for c in range(coaches):
        spt = ls.SPTS[c % len(ls.SPTS)]
        with Session(eng) as s, s.begin():
            account = setup.add_coach(
                s, email=f"coach{c}@spt.test", name=f"Coach {c}", roles=["loopbaancoach"],
                spt=spt, password="wachtwoord-van-de-bench",
            )  # fmt: skip
            s.add(ls._device(account, "seed"))
        push(store.Caller(account, spt, f"seed-{c}"), spt, candidates)
        push(hers, nh, size * (c + 1) // coaches - size * c // coaches)
    with eng.connect() as c:
        c.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    eng.dispose()
    return url


def _sqlite_copy(db: str, tree: Path, path: Path) -> str:
    """A copy of the SQLite database ``db`` (this tree's schema) at ``path``, at the
    schema of ``tree``'s newest migration (its server would refuse a newer one); its URL."""
    import shutil

    from alembic import command
    from alembic.config import Config

    from spt_server.db import make_engine
    from spt_server.setup import MIGRATIONS

    source = Path(db.removeprefix("sqlite:///"))
    eng = make_engine(db)
    with eng.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    eng.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copy(source, path)
    url = f"sqlite:///{path}"
    eng = make_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with eng.begin() as conn:
        cfg.attributes["connection"] = conn
        current = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one()
        if current != _tree_head(tree):
            command.downgrade(cfg, _tree_head(tree))
    eng.dispose()
    return url


def _filled(workdir: Path, db: str, size: int, fresh: bool) -> None:
    """``db`` with ``size`` candidates pushed by a vault of the coach (once)."""
    done = workdir / "filled"
    if done.exists() and not fresh:
        return
    _prepare_db(db)
    server = Served(BENCH.parent, db)
    try:
        a = bs.fresh_vault(workdir, "a.sptvault")
        with Transport(server.url) as t:
            engine.login(a, server.url, bs.EMAIL, bs.PASSWORD, transport=t, device_name="a")
            demo.fill_vault(a, size, bs.SEED, bs.TODAY)
            engine.sync(a, transport=t)
        a.lock()
    finally:
        server.stop()
    done.touch()


def _token(url: str) -> str:
    with Transport(url) as t:
        pair = t.login(p.LoginRequest(email=bs.EMAIL, password=bs.PASSWORD, device_name="bench"))
    return pair.access_token


def pull_all(server: Served, identity: bool, pg: int | None = None) -> dict[str, Any]:
    """A new device's first pull, every page; the server's CPU over it, and with ``pg``
    (PostgreSQL's main process on this machine) the CPU of its processes."""
    import load_server as ls

    token = _token(server.url)
    headers = {
        **client_headers("9.9.9"),
        "authorization": f"Bearer {token}",
        "content-type": "application/json",
        "accept-encoding": "identity" if identity else encoding.ACCEPT,
    }
    cursor: str | None = None
    pages = records = wire = raw = 0
    url = f"{server.url}{p.API_PREFIX}/sync"
    with httpx.Client(timeout=120) as client:
        c0, start = _cpu(server.proc.pid), time.perf_counter()
        p0 = ls.tree_cpu(pg, reaped=True) if pg else 0.0
        while True:
            body = json.dumps({"cursor": cursor, "limit": PAGE}).encode()
            with client.stream("POST", url, content=body, headers=headers) as resp:
                resp.raise_for_status()
                packed = b"".join(resp.iter_raw())
            name = resp.headers.get("content-encoding")
            plain = encoding.decode(name, packed, 1 << 30) if name else packed
            pages += 1
            wire += len(packed)
            raw += len(plain)
            # The page's tail: "cursor":"...","more":bool}}
            tail = plain[-200:].decode()
            cursor = tail.rsplit('"cursor":"', 1)[1].split('"', 1)[0]
            records += plain.count(b'{"entity":')
            if tail.endswith('"more":false}}'):
                break
        wall, cpu = time.perf_counter() - start, _cpu(server.proc.pid) - c0
        pg_cpu = ls.tree_cpu(pg, reaped=True) - p0 if pg else None
    out = {"server_cpu": cpu, "wall": wall, "pages": pages, "records": records,
           "wire_mb": wire / 1e6, "raw_mb": raw / 1e6}  # fmt: skip
    if pg_cpu is not None:
        out["pg_cpu"] = pg_cpu
        out["pg_ms_page"] = 1000 * pg_cpu / pages
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--tree", action="append", default=[], help="NAME=PATH")
    parser.add_argument("--pg-url", default=None)
    parser.add_argument("--identity", action="store_true", help="a client without compression")
    parser.add_argument("--spy", type=Path, default=None)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--others", default=None, help="CxK: C other coaches, K candidates each")
    args = parser.parse_args()
    trees = {n: Path(t).resolve() for n, t in (x.split("=", 1) for x in args.tree)}
    trees = trees or {"this": BENCH.parent}
    bs.memsec.off()
    work = (args.workdir or Path(tempfile.gettempdir()) / "pullsrv-bench").resolve()
    kind = "pg" if args.pg_url else "sqlite"
    work = work / f"{kind}-{args.size}"
    work.mkdir(parents=True, exist_ok=True)
    fresh = False
    pg = None
    if args.others and not args.pg_url:
        parser.error("--others needs --pg-url")
    if args.pg_url:
        import load_server as ls

        name = f"spt_pullsrv_{args.size}"
        among = None
        if args.others:
            among = tuple(int(x) for x in args.others.split("x"))
            name += f"_among_{among[0]}x{among[1]}"
            work = work.with_name(work.name + f"-among-{among[0]}x{among[1]}")
            work.mkdir(parents=True, exist_ok=True)
        fresh = not ls.database_exists(args.pg_url, name)
        if among is not None:
            if fresh:
                _among(args.pg_url, name, args.size, *among)
            db = ls.admin_url(args.pg_url, name)
            fresh = False
            (work / "filled").touch()
        elif fresh:
            db = ls.create_database(args.pg_url, name)
        else:
            db = ls.admin_url(args.pg_url, name)
        pg = ls.postmaster(args.pg_url)
    else:
        db = f"sqlite:///{work / 'server.db'}"
    t0 = time.perf_counter()
    _filled(work, db, args.size, fresh)
    print(f"# {kind}: {args.size} candidates ready in {time.perf_counter() - t0:.0f} s", flush=True)
    dbs = {n: db for n in trees}
    if args.pg_url:
        dbs = {
            n: _schema_copy(args.pg_url, db.rsplit("/", 1)[1], tree, f"spt_pullsrv_copy_{i}")
            for i, (n, tree) in enumerate(trees.items())
        }
    elif len(trees) > 1:
        dbs = {
            n: _sqlite_copy(db, tree, work / f"copy_{i}.db")
            for i, (n, tree) in enumerate(trees.items())
        }
    if len(dbs) > 1 or args.pg_url:
        print(f"# copies: {', '.join(f'{n} {_tree_head(t)}' for n, t in trees.items())}")
    rows: dict[str, list[dict[str, Any]]] = {}
    for r in range(args.rounds):
        for name, tree in trees.items():
            server = Served(tree, dbs[name])
            spy = None
            try:
                if args.spy is not None and r == 0:
                    args.spy.mkdir(parents=True, exist_ok=True)
                    spy = subprocess.Popen(
                        [PY_SPY, "record", "-r", "200", "-f", "raw",
                         "-o", str(args.spy / f"server-{kind}-{name}.txt"),
                         "--pid", str(server.proc.pid)],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    )  # fmt: skip
                    time.sleep(1.0)
                load0 = _load()
                out = pull_all(server, args.identity, pg)
                out["load"] = f"{load0} .. {_load()}"
            finally:
                server.stop()
                if spy is not None:
                    spy.wait(60)
            rows.setdefault(name, []).append(out)
            print(kind, name, r, json.dumps(out), flush=True)
    print(f"\n| {kind} | tree | n | median server cpu s | median wall s | other |")
    print("|---|---|---:|---:|---:|---|")
    for name, outs in rows.items():
        med = {k: statistics.median(o[k] for o in outs) for k in outs[0] if k != "load"}
        other = ", ".join(f"{k} {v:.4g}" for k, v in med.items() if k not in ("server_cpu", "wall"))
        cpus = " ".join(f"{o['server_cpu']:.2f}" for o in outs)
        print(f"| {args.size} | {name} | {len(outs)} | {med['server_cpu']:.2f} ({cpus}) | "
              f"{med['wall']:.2f} | {other} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
