"""The plans of a push's statements under custom and generic plans (``SPT_PUSH_PLANS``),
on the load seed or on a skewed world (``--skew``: one coach given thousands more
candidates, her SPT's employer registry thousands more employers), and PostgreSQL's CPU
of each push shape in both modes (issue 18, round 12 of bench/SERVER.md).

    url=$(scripts/start-test-postgres.sh)
    PYTHONPATH=. .venv/bin/python bench/push_plans.py --pg-url "$url" [--skew] [--rounds 7]

Ten push shapes (the load's push, a new candidate, a stale update, a plan made and deleted,
an employer new and updated, a handover pending and accepted, a candidate closed, six
notes), each by the big coach and by a small one of her SPT, ``--rounds`` times on one
connection; every executed plan caught by ``auto_explain`` (as notices). Prints the
statements whose scans of the large tables differ between the modes (``--out``: every
plan, JSON) and the backends' CPU a push of each shape, two runs a mode.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import re
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))
import load_server as ls  # noqa: E402

from spt_common import protocol as p  # noqa: E402
from spt_server import store  # noqa: E402
from spt_server.db import make_engine  # noqa: E402


def uid() -> str:
    return str(uuid.uuid4())


def batch(*changes: dict[str, Any]) -> p.PushBatch:
    return p.PushBatch.model_validate({"batch_id": uid(), "changes": list(changes)})


def note(cand: str, author: str) -> dict[str, Any]:
    return ls.note_change(cand, author, "Gesprek")


def employer(rid: str, spt: str, name: str = "Werkgever x") -> dict[str, Any]:
    return {"entity": "employer", "id": rid, "op": "upsert",
            "fields": {"name": name, "sector": "installatie", "municipality": "Alkmaar",
                       "spt": spt, "address": "Straat 1", "praktijkopleiders": 1,
                       "middenkader": 0, "guidance_notes": ""}}  # fmt: skip


def update(entity: str, rid: str, base: int | None, **fields: Any) -> dict[str, Any]:
    return {"entity": entity, "id": rid, "op": "upsert", "base_rev": base, "fields": fields}


def delete(entity: str, rid: str, base: int | None) -> dict[str, Any]:
    return {"entity": entity, "id": rid, "op": "delete", "base_rev": base}


def handover(cand: str, frm: str, to: str, status: str) -> dict[str, Any]:
    return {"entity": "handover", "id": uid(), "op": "upsert",
            "fields": {"candidate_id": cand, "from_coach_id": frm,
                       "from_role": "loopbaancoach", "to_coach_id": to,
                       "to_role": "loopbaancoach", "summary": "Overdracht", "status": status,
                       "created_at": "2026-11-04T09:00:00"}}  # fmt: skip


def skew(url: str, big: store.Caller, n_cands: int, n_employers: int) -> None:
    """The big coach: n_cands more candidates (each with a note); her SPT: n_employers
    more employers."""
    engine = make_engine(url)
    changes: list[dict[str, Any]] = []
    for k in range(n_cands):
        cid = uid()
        changes.append({"entity": "candidate", "id": cid, "op": "upsert",
                        "fields": ls.candidate_fields(big.spt, k)})  # fmt: skip
        changes.append(note(cid, big.account_id))
    changes += [employer(uid(), big.spt, f"Werkgever {e}") for e in range(n_employers)]
    for start in range(0, len(changes), p.MAX_BATCH):
        with Session(engine) as s, s.begin():
            store.push(s, big, batch(*changes[start : start + p.MAX_BATCH]))
    with engine.connect() as c:
        c = c.execution_options(isolation_level="AUTOCOMMIT")
        c.exec_driver_sql("VACUUM ANALYZE")
    engine.dispose()


def callers(url: str) -> tuple[store.Caller, store.Caller, store.Caller]:
    """coach0 (big after skew), coach1 (another SPT), coach3 (coach0's SPT)."""
    engine = make_engine(url)
    out = []
    with engine.connect() as c:
        for email in ("coach0@spt.test", "coach1@spt.test", "coach3@spt.test"):
            aid, spt = c.execute(
                sa.text("SELECT a.id, a.spt FROM account a WHERE a.email = :e"), {"e": email}
            ).one()
            dev = c.execute(sa.text("SELECT id FROM device WHERE account_id = :a LIMIT 1"),
                            {"a": aid}).scalar_one()  # fmt: skip
            out.append(store.Caller(aid, spt, dev))
    engine.dispose()
    return out[0], out[1], out[2]


def stored(engine: sa.Engine, sql: str, **kw: Any) -> Any:
    with engine.connect() as c:
        return c.execute(sa.text(sql), kw).first()


def shapes(engine: sa.Engine, me: store.Caller, other: store.Caller) -> dict[str, Any]:
    """Push shapes for ``me`` (fresh records each call where needed): name -> batch maker."""

    def own_candidate() -> tuple[str, int]:
        r = stored(
            engine,
            "SELECT r.id, r.rev FROM record r JOIN scope s ON s.candidate_id = r.id"
            " AND s.account_id = :a AND s.revoked_rev IS NULL WHERE r.entity = 'candidate'"
            " AND NOT r.deleted AND r.data NOT LIKE '%%closed%%' ORDER BY random() LIMIT 1",
            a=me.account_id,
        )
        return r[0], r[1]

    def load_push() -> p.PushBatch:  # the load bench's: motivation + a note
        cid, rev = own_candidate()
        return batch(update("candidate", cid, rev, motivation=f"m {uid()}"),
                     note(cid, me.account_id))  # fmt: skip

    def new_candidate() -> p.PushBatch:
        cid = uid()
        return batch(
            {
                "entity": "candidate",
                "id": cid,
                "op": "upsert",
                "fields": ls.candidate_fields(me.spt, 1),
            },
            note(cid, me.account_id),
        )

    def stale_update() -> p.PushBatch:  # a conflict (stale base)
        cid, rev = own_candidate()
        return batch(
            update("candidate", cid, max(rev - 1, 1), phone=f"06{uuid.uuid4().int % 10**8:08d}")
        )

    def note_delete() -> p.PushBatch:
        r = stored(
            engine,
            "SELECT id, rev FROM record WHERE entity = 'note' AND "
            "updated_by = :a AND NOT deleted ORDER BY random() LIMIT 1",
            a=me.account_id,
        )
        return batch(delete("note", r[0], r[1]))

    def employer_new() -> p.PushBatch:
        return batch(employer(uid(), me.spt))

    def employer_update() -> p.PushBatch:
        r = stored(
            engine,
            "SELECT id, rev FROM record WHERE entity = 'employer' AND spt = :s "
            "AND NOT deleted ORDER BY random() LIMIT 1",
            s=me.spt,
        )
        return batch(update("employer", r[0], r[1], address=f"Straat {uuid.uuid4().int % 999}"))

    def handover_pending() -> p.PushBatch:
        cid, _ = own_candidate()
        return batch(handover(cid, me.account_id, other.account_id, "pending"))

    def handover_accepted() -> p.PushBatch:  # the careful path: scope moves
        cid, _ = own_candidate()
        return batch(handover(cid, me.account_id, other.account_id, "accepted"))

    def close() -> p.PushBatch:  # a candidate closed (the careful path: her closure)
        cid, rev = own_candidate()
        return batch(update("candidate", cid, rev, status="closed"))

    def plan_delete() -> p.PushBatch:  # a plan made, then deleted
        cid, _ = own_candidate()
        rid = uid()
        with Session(engine) as s, s.begin():
            res = store.push(s, me, batch({"entity": "plan", "id": rid, "op": "upsert",
                "fields": {"candidate_id": cid, "version": 1, "status": "draft",
                           "summary": "Plan"}})).results  # fmt: skip
        return batch(delete("plan", rid, res[0].rev))

    def many_notes() -> p.PushBatch:  # not folded: more than FOLD_MAX rows
        cid, _ = own_candidate()
        return batch(*[note(cid, me.account_id) for _ in range(store.FOLD_MAX + 2)])

    return {"load": load_push, "new_candidate": new_candidate, "conflict": stale_update,
            "plan_delete": plan_delete, "employer_new": employer_new,
            "employer_update": employer_update, "handover_pending": handover_pending,
            "handover_accepted": handover_accepted, "close": close,
            "many_notes": many_notes}  # fmt: skip


_GENERIC_MODE = (
    "set_config('plan_cache_mode', 'force_generic_plan', true)"
    " || set_config('enable_seqscan', 'off', true)"
)
_CUSTOM_MODE = "set_config('plan_cache_mode', 'force_custom_plan', true)"
_PARAM = re.compile(r"\$\d+")


_LARGE = ("record", "scope", "watermark", "candidate_closure", "conflict")
_SCAN = re.compile(
    r"(Seq Scan|Index Only Scan|Index Scan|Bitmap Index Scan|Bitmap Heap Scan)(?: Backward)?"
    r"(?: using (\S+))?(?: on (\S+))?"
)


def large_scans(plans: Any) -> set[str]:
    """The scans of the large tables (and their indexes) in ``plans`` (``plan_key``s)."""
    out = set()
    for plan in plans:
        for node in plan:
            m = _SCAN.match(node)
            if not m:
                continue
            index, table = m.group(2), m.group(3)
            if m.group(1) == "Bitmap Index Scan":  # "Bitmap Index Scan on <index>"
                index, table = table, None
            name = index or table or ""
            if table in _LARGE or any(name.startswith(x) for x in ("pk_record", "uq_record",
                    "ix_record", "pk_scope", "ix_scope", "pk_watermark",
                    "pk_candidate_closure", "ix_conflict")):  # fmt: skip
                out.add(f"{m.group(1)} {name}")
    return out


def plan_key(plan: str) -> list[str]:
    """The plan's nodes with their relation / index, in order."""
    out = []
    for line in plan.splitlines():
        m = re.search(r"(?:->\s*)?((?:Parallel )?(?:Seq Scan|Index Only Scan|Index Scan|Bitmap "
                      r"Heap Scan|Bitmap Index Scan|Nested Loop|Hash Join|Merge Join|Sort|"
                      r"Hash|Materialize|Aggregate|HashAggregate|Unique|Append|"
                      r"Function Scan|CTE Scan|Subquery Scan|Insert|Update|Delete|Limit|"
                      r"Result|ProjectSet|GroupAggregate|SetOp|LockRows|Values Scan)"
                      r"(?: Backward)?)(?: using (\S+))?(?: on (\S+))?", line)  # fmt: skip
        if m and line.strip().startswith(("->", m.group(1))):
            out.append(" ".join(x for x in (m.group(1), m.group(2) and "using " + m.group(2),
                                            m.group(3) and "on " + m.group(3)) if x))  # fmt: skip
    return out


def run_plans(
    url: str, mode: str, who: dict[str, tuple[store.Caller, store.Caller]], rounds: int
) -> dict[tuple[str, str], dict[str, Any]]:
    """Each shape ``rounds`` times per coach on one connection, auto_explain's plans
    caught as notices: (coach, shape) -> {statement text: set of plan keys, generic?}."""
    store._GENERIC_PUSH_PLANS = mode == "generic"
    engine = sa.create_engine(url, pool_size=1, max_overflow=0)
    notices: list[str] = []

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi: Any, _rec: Any) -> None:
        dbapi.add_notice_handler(lambda d: notices.append(d.message_primary or ""))
        with dbapi.cursor() as cur:
            cur.execute("LOAD 'auto_explain'")
            cur.execute("SET auto_explain.log_min_duration = 0")
            cur.execute("SET auto_explain.log_level = notice")
            cur.execute("SET auto_explain.log_nested_statements = off")
            cur.execute("SET auto_explain.log_verbose = off")
        dbapi.commit()

    out: dict[tuple[str, str], dict[str, Any]] = {}
    statuses: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(
        collections.Counter
    )
    try:
        for coach, (me, other) in who.items():
            for name, make in shapes(engine, me, other).items():
                for i in range(rounds):
                    b = make()
                    notices.clear()
                    with Session(engine) as s, s.begin():
                        res = store.push(s, me, b).results
                    statuses[(coach, name)].update(
                        r.status + (":" + (r.reason or "")[:40] if r.status == "rejected" else "")
                        for r in res
                    )
                    if i < rounds - 2:
                        continue  # the last two: prepared by then (psycopg: 5 runs)
                    for msg in notices:
                        m = re.match(r"duration: [\d.]+ ms\s+plan:\s*\nQuery Text: (.*)", msg, re.S)
                        if not m:
                            continue
                        lines = m.group(1).split("\n")
                        at = next(i for i, ln in enumerate(lines) if "(cost=" in ln)
                        text, plan = "\n".join(lines[:at]), "\n".join(lines[at:])
                        # The first statement's two texts, as one.
                        text = text.replace(_GENERIC_MODE, _CUSTOM_MODE)
                        if text.strip().upper() in ("BEGIN", "COMMIT"):
                            continue
                        key = (coach, name)
                        d = out.setdefault(key, {})
                        e = d.setdefault(
                            " ".join(text.split())[:160],
                            {"plans": set(), "generic": False, "raw": ""},
                        )
                        e["plans"].add(tuple(plan_key(plan)))
                        e["generic"] = e["generic"] or bool(_PARAM.search(plan))
                        e["raw"] = plan
    finally:
        store.dispose_leases(engine)
        engine.dispose()
        store._GENERIC_PUSH_PLANS = None
    for k, v in statuses.items():
        print(mode, k, dict(v), flush=True)
    return out


def schedstat(pids: list[int]) -> int:
    t = 0
    for pid in pids:
        with contextlib.suppress(OSError):  # a backend gone
            t += int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])
    return t


def run_cpu(
    url: str, mode: str, who: dict[str, tuple[store.Caller, store.Caller]], rounds: int
) -> dict[tuple[str, str], float]:
    """PostgreSQL CPU (ms, backends of the push's and the lease's connection) a push of
    each shape; the first 6 runs not counted (prepared by then)."""
    store._GENERIC_PUSH_PLANS = mode == "generic"
    engine = sa.create_engine(url, pool_size=1, max_overflow=0)
    probe = sa.create_engine(url, pool_size=1, max_overflow=0)
    out: dict[tuple[str, str], float] = {}
    try:
        for coach, (me, other) in who.items():
            for name, make in shapes(probe, me, other).items():
                spent = 0
                for i in range(rounds + 6):
                    b = make()
                    with probe.connect() as c:
                        pids = [r[0] for r in c.execute(sa.text(
                            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                            " AND pid <> pg_backend_pid()"))]  # fmt: skip
                    before = schedstat(pids)
                    with Session(engine) as s, s.begin():
                        store.push(s, me, b)
                    after = schedstat(pids)
                    if i >= 6:
                        spent += after - before
                out[(coach, name)] = spent / rounds / 1e6
    finally:
        store.dispose_leases(engine)
        engine.dispose()
        probe.dispose()
        store._GENERIC_PUSH_PLANS = None
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pg-url", required=True)
    ap.add_argument("--skew", action="store_true")
    ap.add_argument("--cands", type=int, default=5000)
    ap.add_argument("--employers", type=int, default=20000)
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--cpu-rounds", type=int, default=30)
    ap.add_argument("--out", default="push_plans.json")
    args = ap.parse_args()
    seed = ls.make_seed(args.pg_url, 50, 100, 35)
    db = "push18_skew" if args.skew else "push18_seed"
    url = ls.create_database(args.pg_url, db, seed)
    big, _other_spt, same_spt = callers(url)
    if args.skew:
        t = time.perf_counter()
        skew(url, big, args.cands, args.employers)
        print(f"skewed in {time.perf_counter() - t:.0f} s", flush=True)
    else:
        with make_engine(url).connect() as c:
            c.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    who = {"big": (big, same_spt), "small": (same_spt, big)}
    plans = {m: run_plans(url, m, who, args.rounds) for m in ("custom", "generic")}
    report: dict[str, Any] = {}
    # By statement (its text's start), over every shape: the scans of the large tables.
    stmts: dict[str, dict[str, Any]] = {}
    for key in plans["generic"]:
        for text, g in plans["generic"][key].items():
            c = plans["custom"].get(key, {}).get(text)
            report.setdefault("/".join(key), {})[text] = {
                "generic": sorted(g["plans"]), "custom": sorted(c["plans"]) if c else None,
                "generic_raw": g["raw"], "custom_raw": c["raw"] if c else None}  # fmt: skip
            st = stmts.setdefault(text[:90], {"shapes": set(), "g": set(), "c": set()})
            st["shapes"].add("/".join(key))
            st["g"] |= large_scans(g["plans"])
            st["c"] |= large_scans(c["plans"] if c else set())
    Path(args.out).write_text(json.dumps(report, indent=1, default=list))
    differ = {t: st for t, st in stmts.items() if st["g"] != st["c"]}
    print(f"{len(stmts)} statements; {len(differ)} scan the large tables otherwise when generic:")
    for text, st in differ.items():
        print(f"  {text}\n    shapes: {sorted(st['shapes'])[:4]}")
        print(f"    generic: {sorted(st['g'])}\n    custom:  {sorted(st['c'])}")
    cpu: dict[str, dict[str, list[float]]] = {}
    for m in ("custom", "generic", "custom", "generic"):
        r = run_cpu(url, m, who, args.cpu_rounds)
        for k, v in r.items():
            cpu.setdefault("/".join(k), {}).setdefault(m, []).append(round(v, 3))
    print("PG CPU ms a push (backends), two runs each mode:")
    for k, v in cpu.items():
        print(f"  {k:26s} custom {v['custom']}  generic {v['generic']}")
    print(json.dumps({"cpu": cpu}))


if __name__ == "__main__":
    main()
