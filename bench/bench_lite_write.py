"""A SQLite server's write path alone: a first push's record rows replayed bare.

    .venv/bin/python bench/bench_lite_write.py --source /tmp/x/server.db \\
        [--dir /tmp/litewrite] [--rows 0] [--batch 1950] [--runs 1] \\
        [--drop-index NAME ...] [--order rev|candidate|id] [--push-order candidate] [--pages]

The rows of ``record`` of ``--source`` (a SQLite server's file after a push, e.g. the
``run.db`` that `bench_push_server.py inproc` leaves) are read in revision order (untimed),
then written into a new database of this tree's schema (``Base.metadata``, the engine of
``spt_server.db.make_engine``: its PRAGMAs) by ``store.insert_values``, as a push writes
them: ``--batch`` rows a transaction, one commit each. Reported per run: the process's
CPU (user and system, every thread: a checkpointer's too), the bytes it handed to the
kernel to write and read (``/proc/self/io`` wchar / rchar: deterministic, unlike the
CPU on a shared machine) and its write calls, the frames left in the WAL at the end,
the wall (the commits' and checkpoints' fdatasyncs in it: ``strace -c -e fdatasync``
counts them).

Compare trees by running each tree's copy of this script (the script is the same; the
``spt_server`` imported is the tree's). ``--drop-index``: that index of ``record`` is
not made (the cost of each index a row); ``--order``: each batch's rows sorted before
they go in (what an insert order would save). ``--push-order candidate``: the whole push's
rows sorted by candidate (then revision) and their revisions numbered again in that order,
before they are cut into batches: what the server would write if a first push sent a
candidate's records together rather than entity by entity (the outbox's order).
``--pages``: the pages each b-tree of the new database holds at the end (``dbstat``).
Only indexes that back no constraint can be dropped (the id's and the revision's unique
indexes cannot: SQLite refuses).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def read_rows(source: Path, limit: int) -> list[list[Any]]:
    from spt_server import store

    c = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        sql = f"SELECT {', '.join(store.RECORD_KEYS)} FROM record ORDER BY rev"
        if limit:
            sql += f" LIMIT {limit:d}"
        rows = [list(r) for r in c.execute(sql)]
    finally:
        c.close()
    deleted, at = store.RECORD_KEYS.index("deleted"), store.RECORD_KEYS.index("updated_at")
    for r in rows:  # as the push holds them: a bool and a datetime
        r[deleted] = bool(r[deleted])
        r[at] = datetime.fromisoformat(r[at])
    return rows


def by_candidate(rows: list[list[Any]]) -> list[list[Any]]:
    """``rows`` in candidate order (then revision), revisions numbered again from 1."""
    from spt_server import store

    cand = store.RECORD_KEYS.index("candidate_id")
    rows = sorted(rows, key=lambda r: (r[cand] or "", r[store.R_REV]))
    for n, r in enumerate(rows, 1):
        r[store.R_REV] = n
    return rows


def pages(path: Path) -> dict[str, int]:
    """The pages of each b-tree of ``path`` with more than five."""
    c = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = c.execute("SELECT name, count(*) FROM dbstat GROUP BY name").fetchall()
    finally:
        c.close()
    return {str(name): int(n) for name, n in found if n > 5}


def io() -> dict[str, int]:
    with open("/proc/self/io") as f:
        return {k: int(v) for k, v in (line.split(": ") for line in f)}


def run_once(rows: list[list[Any]], workdir: Path, args: argparse.Namespace) -> dict[str, Any]:
    from spt_server import db, store

    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    path = workdir / "w.db"
    engine = db.make_engine(f"sqlite:///{path}")
    db.Base.metadata.create_all(engine)
    if args.drop_index:
        with engine.begin() as c:
            for name in args.drop_index:
                c.exec_driver_sql(f"DROP INDEX {name}")
    key = {"candidate": store.RECORD_KEYS.index("candidate_id"), "id": 0}.get(args.order)
    batches = [rows[i : i + args.batch] for i in range(0, len(rows), args.batch)]
    if key is not None:
        batches = [sorted(b, key=lambda r: (r[key] or "", r[5])) for b in batches]
    frames = 0
    before, usage, t0 = io(), resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    for b in batches:
        with engine.begin() as c:
            store.insert_values(c, store.RECORD, store.RECORD_KEYS, b)
    wall = time.perf_counter() - t0
    after, usage2 = io(), resource.getrusage(resource.RUSAGE_SELF)
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        frames = (wal.stat().st_size - 32) // (db.SQLITE_PAGE_SIZE + 24)
    engine.dispose()
    held = pages(path) if args.pages else {}
    n = len(rows)
    user, system = usage2.ru_utime - usage.ru_utime, usage2.ru_stime - usage.ru_stime
    return {
        "rows": n, "batches": len(batches), "wall": wall, "user": user, "sys": system,
        "us_row": (user + system) / n * 1e6, "wchar_mb": (after["wchar"] - before["wchar"]) / 1e6,
        "rchar_mb": (after["rchar"] - before["rchar"]) / 1e6,
        "writes": after["syscw"] - before["syscw"], "wal_frames_left": frames,
        "load": os.getloadavg()[0], **({"pages": held} if held else {}),
    }  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", required=True, type=Path)
    ap.add_argument("--dir", default="/tmp/litewrite", type=Path)
    ap.add_argument("--rows", type=int, default=0, help="the first N rows only (0: all)")
    ap.add_argument("--batch", type=int, default=1950)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--drop-index", action="append", default=[])
    ap.add_argument("--order", choices=["rev", "candidate", "id"], default="rev")
    ap.add_argument("--push-order", choices=["rev", "candidate"], default="rev")
    ap.add_argument("--pages", action="store_true")
    args = ap.parse_args()
    rows = read_rows(args.source, args.rows)
    if args.push_order == "candidate":
        rows = by_candidate(rows)
    for _ in range(args.runs):
        out = run_once(rows, args.dir, args)
        print(json.dumps({"utc": time.strftime("%H:%M:%S", time.gmtime()), "tree": str(ROOT),
                          "order": args.order, "push_order": args.push_order,
                          "dropped": args.drop_index,
                          **{k: round(v, 3) if isinstance(v, float) else v
                             for k, v in out.items()}}), flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
