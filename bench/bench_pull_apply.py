"""A first pull's pages applied to a vault with no network: where the client's CPU goes
per commit as the vault grows (issue 13, round 6).

    .venv/bin/python bench/bench_pull_apply.py capture --server-dir DIR --out PAGES
    .venv/bin/python bench/bench_pull_apply.py replay PAGES [--variant NAME ...] \
        [--rounds 2] [--workdir /tmp/NAME-bench]

``capture``: `spt-server serve` on a database ``bench_pull.py --workdir`` filled (its
``big`` folder), a new vault logs in, and every page of its first pull is kept as the
bytes the server sent (``PAGES``: one file, length-prefixed).

``replay``: per variant and round, a fresh vault takes those pages as a ``run()`` does
(foreign keys off, the run's page cache, synchronous NORMAL, the garbage collector
paused, ``engine.PULL_TX_RECORDS`` records per commit): parse (``transport.read_answer``;
variant ``models``: ``model_validate_json``), apply (``apply_page`` and the cursor),
commit. The process's CPU seconds of each part, per commit, so the cost per record at
the start and at the end of the pull can be read side by side. Variants are what the
vault does around the same code (``VARIANTS``).
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import struct
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import bench_sync as bs  # noqa: E402
import pydantic_core  # noqa: E402

from spt_common import protocol as p  # noqa: E402
from spt_desktop.sync import apply, engine, transport  # noqa: E402
from spt_desktop.sync.transport import Transport  # noqa: E402


def _cpu() -> float:
    return time.process_time()


def capture(server_dir: Path, out: Path) -> None:

    server = bs.SptServer(server_dir, existing=True)
    work = out.parent / (out.name + ".vault")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        v = bs.fresh_vault(work, "v.sptvault")
        with Transport(server.url) as t:
            engine.login(v, server.url, bs.EMAIL, bs.PASSWORD, transport=t, device_name="c")
            with v.engine.connect() as conn:
                token = engine._settings(conn)[engine.S_ACCESS]
            cursor: str | None = None
            n = records = 0
            with out.open("wb") as f:
                while True:
                    body = t.post_bytes("/sync", {"cursor": cursor, "limit": p.MAX_PAGE}, token)
                    f.write(struct.pack("<I", len(body)) + body)
                    page = p.SyncResponse.model_validate_json(body).pull
                    n += 1
                    records += len(page.records)
                    cursor = page.cursor
                    if not page.more:
                        break
        print(f"# {n} pages, {records} records -> {out}")
        v.lock()
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


def _parse(body: bytes) -> Any:
    """A page as the client reads it (``Transport.sync``); older trees: the model."""
    read = getattr(transport, "read_answer", None)
    return read(body) if read is not None else p.SyncResponse.model_validate_json(body)


def _later_indexes() -> Any:
    """``models.later_indexes`` of a tree that has it (round 8), else None."""
    try:
        from spt_desktop.models import later_indexes
    except ImportError:
        return None
    return later_indexes


def _pages(path: Path) -> list[bytes]:
    data = path.read_bytes()
    out, at = [], 0
    while at < len(data):
        (size,) = struct.unpack_from("<I", data, at)
        out.append(data[at + 4 : at + 4 + size])
        at += 4 + size
    return out


def _sql(*statements: str) -> Callable[[Any], None]:
    def run(raw: Any) -> None:
        for s in statements:
            raw.execute(s)

    return run


def _prefix(prefix: str | None) -> Callable[[Any], None]:
    """The search index as now but with ``prefix`` indexes only, or none (None); a fresh
    vault: empty."""
    option = f", prefix = '{prefix}'" if prefix else ""

    def run(raw: Any) -> None:
        raw.execute("DROP TABLE search_fts")
        raw.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(candidate_id UNINDEXED, body, "
            f"tokenize = 'unicode61 remove_diacritics 2'{option})"
        )
        raw.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('secure-delete', 1)")

    return run


def _variant(name: str) -> dict[str, Any]:
    """A variant by name; ``a+b``: both (setups, patches and finishes in that order)."""
    parts = [VARIANTS[n] for n in name.split("+")]
    out: dict[str, Any] = {}
    for key in ("setup", "finish"):
        steps = [v[key] for v in parts if key in v]
        if steps:
            out[key] = lambda raw, steps=steps: [f(raw) for f in steps]
    patches = [v["patch"] for v in parts if "patch" in v]
    if patches:

        def patch(patches: list[Any] = patches) -> Callable[[], None]:
            undos = [f() for f in patches]
            return lambda: [u() for u in reversed(undos)]  # type: ignore[func-returns-value]

        out["patch"] = patch
    for v in parts:  # plain values ("records", "parse", "indexes-now"): the last one's
        out.update({k: x for k, x in v.items() if k not in ("setup", "finish", "patch")})
    return out


def _no_secondary(raw: Any) -> None:
    """Every ``ix_`` index of the synced tables dropped (the ceiling of filling them
    after the pull)."""
    names = [
        r[0]
        for r in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'"
        ).fetchall()
    ]
    for n in names:
        raw.execute(f"DROP INDEX {n}")


def _patched(real: Any, execute: Callable[..., None]) -> Callable[[], None]:
    """``apply._execute`` replaced by ``execute`` (which may call ``real``); the call that
    puts it back."""
    apply._execute = execute

    def undo() -> None:
        apply._execute = real

    return undo


def _setting(module: Any, name: str, value: Any) -> Callable[[], None]:
    """``module.name`` set to ``value``; the call that puts it back."""
    before = getattr(module, name)
    setattr(module, name, value)
    return lambda: setattr(module, name, before)


def _json_all() -> Callable[[], None]:
    """Every table's new rows as one INSERT ... SELECT from a JSON array (as the
    search-indexed tables' already): one statement, one statement journal, a page."""
    real = apply._execute

    def execute(cursor: Any, shape: Any, plan: Any, **kw: Any) -> None:
        if plan.inserts and not shape.indexed:
            cursor.execute(shape.insert_json, (apply.json.dumps(plan.inserts),))
            plan = apply._Plan([], plan.updates, plan.reindexed)
        real(cursor, shape, plan, **kw)

    return _patched(real, execute)


def _values_multi(rows_per: int = 400, indexed_too: bool = True) -> Callable[[], None]:
    """New rows as multi-row INSERT ... VALUES statements of ``rows_per`` rows."""
    real = apply._execute
    stmts: dict[tuple[str, int], str] = {}

    def execute(cursor: Any, shape: Any, plan: Any, **kw: Any) -> None:
        rows = plan.inserts
        if rows and (indexed_too or not shape.indexed):
            width = len(rows[0])
            head = shape.insert.split(" VALUES ")[0]
            one = "(" + ", ".join("?" * width) + ")"
            for at in range(0, len(rows), rows_per):
                chunk = rows[at : at + rows_per]
                key = (shape.table, len(chunk))
                sql = stmts.get(key)
                if sql is None:
                    sql = stmts[key] = head + " VALUES " + ", ".join([one] * len(chunk))
                cursor.execute(sql, [v for row in chunk for v in row])
            plan = apply._Plan([], plan.updates, plan.reindexed)
        real(cursor, shape, plan, **kw)

    return _patched(real, execute)


def _jsonb() -> Callable[[], None]:
    """The search-indexed tables' new rows as now (one INSERT ... SELECT a page), read
    through ``jsonb_each(jsonb(?))``: each column taken from the binary form, not the
    row's JSON text parsed again per column."""
    real = apply._execute

    def execute(cursor: Any, shape: Any, plan: Any, **kw: Any) -> None:
        if plan.inserts and shape.indexed:
            sql = shape.insert_json.replace("FROM json_each(?)", "FROM jsonb_each(jsonb(?))")
            cursor.execute(sql, (apply.json.dumps(plan.inserts),))
            plan = apply._Plan([], plan.updates, plan.reindexed)
        real(cursor, shape, plan, **kw)

    return _patched(real, execute)


def _sorted() -> Callable[[], None]:
    """A page's new rows inserted in the order of their ids."""
    real = apply._execute

    def execute(cursor: Any, shape: Any, plan: Any, **kw: Any) -> None:
        plan.inserts.sort()
        real(cursor, shape, plan, **kw)

    return _patched(real, execute)


# The search index's triggers, by name.
SEARCH_TRIGGERS = "name LIKE '%fts%' OR name LIKE '%owner%'"


def _drop_triggers(where: str, *params: str) -> Callable[[Any], None]:
    """The triggers whose name matches ``where`` (SQL on ``name``) dropped (a ceiling:
    what they cost)."""

    def run(raw: Any) -> None:
        found = raw.execute(
            f"SELECT name FROM sqlite_master WHERE type = 'trigger' AND ({where})", params
        ).fetchall()
        for (n,) in found:
            raw.execute(f"DROP TRIGGER {n}")

    return run


# A variant: what is done on the run's raw DB-API cursor before the first page and
# after the last commit, and the records per commit.
VARIANTS: dict[str, dict[str, Any]] = {
    "as-is": {},
    # Round 8's levers of a bulk page (``apply_page(bulk=True)``), each alone / none.
    "not-bulk": {"indexes-now": True},
    "later-only": {"patch": lambda: _setting(apply, "QUIET_FROM", 10**9)},
    # The search index filled by its triggers as rows come (before "pullcli").
    "search-now": {"patch": lambda: _setting(apply, "SEARCH_LATER_FROM", 10**9)},
    "quiet-only": {"patch": lambda: _setting(apply, "LATER_FROM", 10**9)},
    # The pages read by pydantic-core's from_json (before "pullcli4": msgspec).
    "pydantic-parse": {
        "patch": lambda: _setting(
            transport, "_decode", lambda b: pydantic_core.from_json(b, cache_strings="keys")
        )
    },
    # The search-indexed tables' new rows in one statement a page even while their index
    # triggers wait (before "pullcli4").
    "indexed-whole": {
        "patch": lambda: _setting(apply, "_search_waiting", lambda conn, plans: frozenset())
    },
    "ckpt-end": {
        "setup": _sql("PRAGMA wal_autocheckpoint = 0"),
        "finish": _sql("PRAGMA wal_checkpoint(PASSIVE)"),
    },
    "no-secure-delete": {"setup": _sql("PRAGMA secure_delete = OFF")},
    "cache256": {"setup": _sql("PRAGMA cache_size = -262144")},
    "tx64k": {"records": 64_000},
    "no-prefix": {"setup": _prefix(None)},
    "no-secondary": {"setup": _no_secondary},
    "json-all": {"patch": _json_all},
    "sorted": {"patch": _sorted},
    "values-multi": {"patch": _values_multi},
    "values-plain": {"patch": lambda: _values_multi(400, False)},
    "many-all": {"patch": lambda: _values_multi(1, True)},
    "jsonb": {"patch": _jsonb},
    "values1000": {"patch": lambda: _values_multi(1000, True)},
    "values200": {"patch": lambda: _values_multi(200, True)},
    "automerge8": {
        "setup": _sql("INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 8)")
    },
    "automerge16": {
        "setup": _sql("INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 16)")
    },
    "no-fts": {"setup": _drop_triggers(SEARCH_TRIGGERS)},
    "models": {"parse": p.SyncResponse.model_validate_json},
    "no-scrub-ai": {"setup": _drop_triggers("name LIKE ?", "%_scrub_ai")},
    "no-monitor": {"setup": _drop_triggers("name LIKE ?", "monitor_%")},
    "no-prefix34": {"setup": _prefix("2")},
    "fts-triggers-only": {"setup": _drop_triggers(f"NOT ({SEARCH_TRIGGERS})")},
}


def replay(pages: list[bytes], workdir: Path, variant: str) -> dict[str, Any]:
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    vault = bs.fresh_vault(workdir, "v.sptvault")
    conn = vault.engine.connect()
    raw = apply.driver_cursor(conn)
    conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
    conn.commit()
    raw.execute(f"PRAGMA cache_size = {-apply.RUN_CACHE_KIB:d}")
    raw.execute("PRAGMA synchronous = NORMAL")
    spec = _variant(variant)
    if "setup" in spec:
        spec["setup"](raw)
        conn.commit()
    per_tx = spec.get("records", engine.PULL_TX_RECORDS)
    # Pages applied as bulk, indexes built after the pull (round 8), unless the variant
    # says not (or the tree has neither).
    later = None if spec.get("indexes-now") else _later_indexes()
    parse = spec.get("parse", _parse)
    undo = spec["patch"]() if "patch" in spec else None
    wall0 = time.perf_counter()
    parsing = work = commit = 0.0
    per_commit: list[tuple[int, float, float, float]] = []  # records, parse, apply, commit
    held = 0
    p0 = w0 = 0.0
    gc.disable()
    tx = conn.begin()
    try:
        for i, body in enumerate(pages):
            t0 = _cpu()
            resp = parse(body)
            t1 = _cpu()
            if later is None:
                apply.apply_page(conn, resp.pull.records)
            else:  # as run() does: tables filled from nothing get their indexes at the end
                apply.apply_page(conn, resp.pull.records, bulk=resp.pull.more)
            engine._put(conn, {engine.S_CURSOR: resp.pull.cursor})
            t2 = _cpu()
            parsing += t1 - t0
            work += t2 - t1
            p0 += t1 - t0
            w0 += t2 - t1
            held += len(resp.pull.records)
            last = i == len(pages) - 1
            if held >= per_tx or last:
                t3 = _cpu()
                tx.commit()
                c = _cpu() - t3
                commit += c
                per_commit.append((held, p0, w0, c))
                held, p0, w0 = 0, 0.0, 0.0
                if not last:
                    tx = conn.begin()
        t4 = _cpu()
        if later is not None:  # the end of the run (engine.Syncer._flush)
            with conn.begin():
                later.build_later(conn)
        if "finish" in spec:
            spec["finish"](raw)
        finish = _cpu() - t4
        wall = time.perf_counter() - wall0
    finally:
        gc.enable()
        conn.close()
        if undo is not None:
            undo()
    size = sum(f.stat().st_size for f in workdir.iterdir() if f.name.startswith("v.sptvault"))
    vault.lock()
    shutil.rmtree(workdir, ignore_errors=True)
    return {
        "parse": parsing,
        "apply": work,
        "commit": commit,
        "finish": finish,
        "total": parsing + work + commit + finish,
        "wall": wall,
        "per_commit": per_commit,
        "bytes": size,
    }


def _us(seconds: float, records: int) -> str:
    return f"{1e6 * seconds / max(records, 1):.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("capture")
    c.add_argument("--server-dir", type=Path, required=True)
    c.add_argument("--out", type=Path, required=True)
    r = sub.add_parser("replay")
    r.add_argument("pages", type=Path)
    r.add_argument("--variant", action="append", default=[])
    r.add_argument("--rounds", type=int, default=2)
    r.add_argument("--workdir", type=Path, required=True)
    r.add_argument("--curve", action="store_true", help="per commit: us a record")
    args = parser.parse_args()
    bs.memsec.off()
    if args.cmd == "capture":
        capture(args.server_dir.resolve(), args.out.resolve())
        return 0
    pages = _pages(args.pages)
    variants = args.variant or ["as-is"]
    results: dict[str, list[dict[str, Any]]] = {}
    for rnd in range(args.rounds):
        for name in variants:
            load = "/".join(f"{x:.1f}" for x in os.getloadavg())
            out = replay(pages, args.workdir / f"{name}-{rnd}", name)
            out["load"] = load
            results.setdefault(name, []).append(out)
            print(
                f"{name} {rnd}: total {out['total']:.2f} parse {out['parse']:.2f} "
                f"apply {out['apply']:.2f} commit {out['commit']:.2f} "
                f"finish {out['finish']:.2f} cpu s, wall {out['wall']:.2f} s, "
                f"vault {out['bytes'] / 2**20:.0f} MiB, load {load}",
                flush=True,
            )
            if args.curve:
                for held, pc, wc, cc in out["per_commit"]:
                    print(
                        f"    {held:6d} rec: parse {_us(pc, held)} apply {_us(wc, held)} "
                        f"commit {_us(cc, held)} us/rec"
                    )
    print("\n| variant | n | total cpu s | parse | apply | commit | finish | wall s | loads |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, outs in results.items():

        def med(key: str, outs: list[dict[str, Any]] = outs) -> float:
            return statistics.median(o[key] for o in outs)

        loads = " ".join(o["load"] for o in outs)
        print(
            f"| {name} | {len(outs)} | {med('total'):.2f} | {med('parse'):.2f} | "
            f"{med('apply'):.2f} | {med('commit'):.2f} | {med('finish'):.2f} | "
            f"{med('wall'):.2f} | {loads} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
