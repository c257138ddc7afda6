"""How fast the leaky-pipeline monitor is over 20,000 candidates (issue 5 §3: <= 200 ms).

    .venv/bin/python bench/bench_monitor.py [--runs 7] [--cache DIR]

Measures, each as the median of its runs after one warm-up (wall and CPU seconds), on a
private copy of the cached vault:
  first view, no snapshot   a fresh MonitorService(...).report(): every fact read from the
                            vault (an upgraded vault, or after a purge dropped the snapshot)
  rebuild snapshot          MonitorService.keep_current() without a snapshot: what the
                            app's worker does after unlock or sync in that case
  new session               a fresh MonitorService(...).report(): the snapshot loaded, the
                            candidates changed since (none, 10, REWRITE_AT - 1) read again
  warm                      Services.monitor.report() with the facts kept in memory (the
                            vault unchanged): another period or split
  parts                     reading every fact, loading the snapshot, the pure figures,
                            Report.suppressed() (as the server answers)
Period: the twelve months up to the bench's today (the page's default).
Target: every report <= 200 ms. Exit code 1 when a median misses it.

The 20,000-candidate vault is bench_vault's (demo generator + bulk loader), built once
into --cache and shared with it. Results: bench/MONITOR.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import sqlalchemy as sa  # noqa: E402
from bench_vault import PASSPHRASE, TODAY, Timing, big_vault, machine, row, timed  # noqa: E402

from spt_common.enums import Phase  # noqa: E402
from spt_common.monitor_figures import Period, compute  # noqa: E402
from spt_desktop.models import MonitorSnapshot  # noqa: E402
from spt_desktop.models.vault import Vault  # noqa: E402
from spt_desktop.services import Services, monitor  # noqa: E402
from spt_desktop.services.errors import RuleViolation  # noqa: E402
from spt_desktop.services.monitor import MonitorService  # noqa: E402

TARGET = 0.200
START = date(TODAY.year - 1, TODAY.month + 1, 1) if TODAY.month < 12 else date(TODAY.year, 1, 1)
SPLITS = (None, "persona", "region", "coach", "referral_source")


def timed_after(setup: Callable[[], object], fn: Callable[[], object], runs: int) -> Timing:
    """As ``timed``, with ``setup`` run untimed before every call (and the warm-up)."""
    setup()
    fn()
    wall, cpu = [], []
    for _ in range(runs):
        setup()
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), max(wall), statistics.median(cpu)


def private_copy(path: Path, into: Path) -> Path:
    """A copy of the cached vault to change (the cache is shared with bench_vault)."""
    copy = into / path.name
    for suffix in ("", ".key"):
        shutil.copyfile(f"{path}{suffix}", f"{copy}{suffix}")
    return copy


def change(svc: Services, ids: Iterator[str], n: int, day: date) -> None:
    """One journey move for each of ``n`` more candidates, through the services as the
    app makes it (candidates the journey rules refuse to move are passed over)."""
    while n:
        cid = next(ids)
        for phase in (Phase.MATCHING, Phase.ORIENTATION):
            try:
                svc.journey.move(cid, phase, "bench", on=day)
            except RuleViolation:
                continue
            n -= 1
            break


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per timing (median)")
    parser.add_argument("--candidates", type=int, default=20_000)
    parser.add_argument("--visits", type=int, default=200_000)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "spt-bench-vault"
    )
    args = parser.parse_args(argv)

    print(machine(), flush=True)
    cached = big_vault(args.cache, args.candidates, args.visits)
    with tempfile.TemporaryDirectory(prefix="spt-bench-monitor-") as tmp:
        vault = Vault(private_copy(cached, Path(tmp)))
        vault.unlock(PASSPHRASE)
        try:
            return 0 if measure(Services(vault, today=lambda: TODAY), args.runs) else 1
        finally:
            vault.lock()


def measure(svc: Services, runs: int) -> bool:
    ok = True
    ctx = svc._ctx

    def no_snapshot() -> None:
        with ctx.tx() as s:
            s.execute(sa.delete(MonitorSnapshot))

    def new_session(by: str | None = None) -> Callable[[], object]:
        return lambda: MonitorService(ctx).report(START, TODAY, by)

    print(f"\nperiod {START} .. {TODAY}")
    print("\n| what | median ms | max ms | cpu ms | target | |")
    print("|---|---:|---:|---:|---:|---|")
    t = timed_after(no_snapshot, new_session(), runs)
    ok &= row("first view, no snapshot", t, TARGET)
    rebuild = timed_after(no_snapshot, lambda: MonitorService(ctx).keep_current(), runs)
    row("rebuild snapshot (worker)", rebuild, None)
    for by in (None, "coach"):
        ok &= row(f"new session, {by or 'no split'}", timed(new_session(by), runs), TARGET)
    ids = iter([c.id for c in svc.queries.caseload()])
    done = 0
    for changed in (10, monitor.REWRITE_AT - 1):
        change(svc, ids, changed - done, TODAY)
        done = changed
        t = timed(new_session(), runs)
        ok &= row(f"new session, {changed} changed", t, TARGET)
    for by in SPLITS:
        t = timed(lambda by=by: svc.monitor.report(START, TODAY, by), runs)
        ok &= row(f"warm, {by or 'no split'}", t, TARGET)
    with ctx.tx() as s:
        conn = s.connection()
        row("read whole vault", timed(lambda: monitor.read_prepared(conn), runs), None)
        row("read snapshot", timed(lambda: monitor._load_snapshot(conn), runs), None)
        ready = monitor.read_prepared(conn)
    period = Period(START, TODAY)
    row("figures (pure)", timed(lambda: compute(ready, period), runs), None)
    report = compute(ready, period, "persona")
    row("suppressed (persona)", timed(report.suppressed, runs), None)
    with ctx.tx() as s:
        size = s.execute(sa.select(sa.func.length(MonitorSnapshot.data))).scalar_one()
    print(
        f"\nfacts: {len(ready.candidates):,} candidates, {ready.move_count():,} moves, "
        f"{len(ready.dropouts):,} dropouts, {len(ready.placements):,} placements; "
        f"snapshot {size / 1e6:.1f} MB"
    )
    return ok


if __name__ == "__main__":
    sys.exit(main())
