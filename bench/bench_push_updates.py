"""The server's CPU per pushed edit against per new record: ``store.push`` in process.

    .venv/bin/python bench/bench_push_updates.py [--candidates 2000] [--batch 500] \\
        [--tree /path/to/other/checkout] [--rounds 3]

A fresh SQLite server (one coach) gets ``--candidates`` candidates, each with a plan, by
``store.push`` in this process (untimed). Then, per round, three kinds of batches of
``--batch`` changes are pushed in one transaction each, and their CPU seconds counted
(``time.process_time``; no HTTP, no event loop: the store alone):

- ``new``: new notes, one per candidate;
- ``edit``: a candidate's phone number changed (what bench_sync's "1 % changed" edits);
- ``mixed``: an edit with a new audit entry beside it, in that order, as a laptop's
  outbox holds them (the desktop writes an audit entry per edit): bench_sync's 1 % push.

Reported: microseconds of CPU per change, the median over the rounds, and the ratio of
each to ``new``. ``--tree``: measure another checkout's ``spt_server`` (main, say) with
the same data, in its own process, in the same minutes.
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
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NH = "spt_noord_holland"


def new_id() -> str:
    """A record id as the desktop makes them (time-ordered, ``spt_common.ids``; a random
    one in a tree from before those)."""
    try:
        from spt_common.ids import uuid7
    except ImportError:
        return str(uuid.uuid4())
    return uuid7()


def candidate(rid: str) -> dict[str, Any]:
    fields = {
        "first_name": "Kim", "last_name": "de Vries", "municipality": "Alkmaar", "spt": NH,
        "labour_market_region": "Noord-Holland Noord", "referral_source": "uwv",
        "persona": "no_work_benefit_technical", "benefit_status": "ww",
        "phase": "orientation", "status": "active", "registered_on": "2026-11-02",
        "phone": "0612345678", "email": "kim@example.nl",
    }  # fmt: skip
    return {"entity": "candidate", "id": rid, "op": "upsert", "fields": fields}


def plan(cand: str) -> dict[str, Any]:
    fields = {"candidate_id": cand, "version": 1, "status": "draft", "summary": "Plan"}
    return {"entity": "plan", "id": new_id(), "op": "upsert", "fields": fields}


def note(cand: str, author: str) -> dict[str, Any]:
    fields = {"candidate_id": cand, "author_id": author,
              "written_at": "2026-11-03T10:00:00", "text": "Gesprek"}  # fmt: skip
    return {"entity": "note", "id": new_id(), "op": "upsert", "fields": fields}


def audit(cand: str, actor: str) -> dict[str, Any]:
    fields = {"at": "2026-11-05T10:00:00", "actor_id": actor, "action": "update",
              "entity": "candidate", "record_id": cand, "candidate_id": cand,
              "fields": '["phone"]'}  # fmt: skip
    return {"entity": "audit_entry", "id": new_id(), "op": "upsert", "fields": fields}


def edit(cand: str, rev: int, n: int) -> dict[str, Any]:
    return {"entity": "candidate", "id": cand, "op": "upsert", "base_rev": rev,
            "fields": {"phone": f"06{n:08d}"}}  # fmt: skip


def measure(candidates: int, size: int, rounds: int) -> dict[str, list[float]]:
    """This process's spt_server (PYTHONPATH decides which tree)."""
    import sqlalchemy as sa
    from sqlalchemy.orm import Session

    from spt_common import protocol as p
    from spt_server import setup, store
    from spt_server.db import Record, make_engine
    from spt_server.setup import upgrade

    work = Path(tempfile.mkdtemp(prefix="push-updates-"))
    engine = make_engine(f"sqlite:///{work / 'server.db'}")
    upgrade(engine)
    with Session(engine) as s, s.begin():
        coach = setup.add_coach(s, email="anna@spt.nl", name="Anna", roles=["loopbaancoach"],
                                spt=NH, password="correct horse battery")  # fmt: skip
    caller = store.Caller(coach, NH, str(uuid.uuid4()))

    def push(changes: list[dict[str, Any]]) -> tuple[float, list[Any]]:
        b = p.PushBatch.model_validate({"batch_id": str(uuid.uuid4()), "changes": changes})
        start = time.process_time()
        with Session(engine) as s, s.begin():
            results = store.push(s, caller, b).results
        return time.process_time() - start, results

    cands = [new_id() for _ in range(candidates)]
    for i in range(0, candidates, 250):
        push([ch for c in cands[i : i + 250] for ch in (candidate(c), plan(c))])
    out: dict[str, list[float]] = {"new": [], "edit": [], "mixed": []}
    n = 0
    for r in range(rounds):
        for kind in out:
            with Session(engine) as s:
                rev = dict(
                    s.execute(sa.select(Record.id, Record.rev).where(Record.entity == "candidate"))
                    .tuples()
                    .all()
                )
            start = (r * 3 * size + len(out[kind]) * size) % max(1, candidates - size)
            part = cands[start : start + size]
            if kind == "new":
                changes = [note(c, coach) for c in part]
            elif kind == "edit":
                changes = [edit(c, rev[c], n + i) for i, c in enumerate(part)]
            else:
                half = part[: size // 2]
                changes = [x for i, c in enumerate(half) for x in (edit(c, rev[c], n + i),
                                                                   audit(c, coach))]  # fmt: skip
            n += size
            cpu, results = push(changes)
            statuses = {res.status for res in results}
            assert statuses == {"applied"}, statuses
            out[kind].append(cpu / len(changes) * 1e6)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--candidates", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tree", type=Path, help="another checkout to measure as well")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.json:  # a child measuring its own tree
        print(json.dumps(measure(args.candidates, args.batch, args.rounds)))
        return 0
    trees = [ROOT] + ([args.tree.resolve()] if args.tree else [])
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; {args.candidates} "
          f"candidates, batches of {args.batch}, {args.rounds} rounds")  # fmt: skip
    print("\n| tree | new us/change | edit us/change | mixed us/change | edit / new "
          "| mixed / new |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|")
    for tree in trees:
        cmd = [sys.executable, __file__, "--json", "--candidates", str(args.candidates),
               "--batch", str(args.batch), "--rounds", str(args.rounds)]  # fmt: skip
        env = os.environ | {"PYTHONPATH": str(tree)}
        got = json.loads(subprocess.run(cmd, env=env, check=True, capture_output=True).stdout)
        med = {k: statistics.median(v) for k, v in got.items()}
        new = med["new"]
        print(f"| {tree} | {new:.0f} | {med['edit']:.0f} | {med['mixed']:.0f} "
              f"| {med['edit'] / new:.2f}x | {med['mixed'] / new:.2f}x |")  # fmt: skip
    load = os.getloadavg()
    print(f"\nload average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
