"""How fast the leaky-pipeline monitor is over 20,000 candidates (issue 5 §3: <= 200 ms).

    .venv/bin/python bench/bench_monitor.py [--runs 7] [--cache DIR]

Measures, each as the median of its runs after one warm-up (wall and CPU seconds):
  report, cold      a fresh MonitorService(...).report(start, end, by): read the facts from
                    the SQLCipher vault and compute every figure (the page's first view)
  report, warm      Services.monitor.report(start, end, by) with the facts kept from the
                    previous report (the vault unchanged): another period or split
  load facts        the vault read alone (monitor.load_facts)
  figures           the pure figures alone (monitor_figures.compute) on those facts
  suppressed        Report.suppressed(), as the server answers
Period: the twelve months up to the bench's today (the page's default).
Target: every report <= 200 ms. Exit code 1 when a median misses it.

The 20,000-candidate vault is bench_vault's (demo generator + bulk loader), built once
into --cache and shared with it. Results: bench/MONITOR.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_vault import PASSPHRASE, TODAY, big_vault, machine, row, timed  # noqa: E402

from spt_desktop.models.vault import Vault  # noqa: E402
from spt_desktop.monitor_figures import Period, compute  # noqa: E402
from spt_desktop.services import Services  # noqa: E402
from spt_desktop.services.monitor import MonitorService, load_facts  # noqa: E402

TARGET = 0.200
START = date(TODAY.year - 1, TODAY.month + 1, 1) if TODAY.month < 12 else date(TODAY.year, 1, 1)
SPLITS = (None, "persona", "region", "coach", "referral_source")


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
    path = big_vault(args.cache, args.candidates, args.visits)
    vault = Vault(path)
    vault.unlock(PASSPHRASE)
    ok = True
    try:
        svc = Services(vault, today=lambda: TODAY)
        print(f"\nperiod {START} .. {TODAY}")
        print("\n| what | median ms | max ms | cpu ms | target | |")
        print("|---|---:|---:|---:|---:|---|")
        for by in (None, "coach"):
            cold = timed(lambda by=by: MonitorService(svc.ctx).report(START, TODAY, by), args.runs)
            ok &= row(f"report, cold, {by or 'no split'}", cold, TARGET)
        for by in SPLITS:
            t = timed(lambda by=by: svc.monitor.report(START, TODAY, by), args.runs)
            ok &= row(f"report, warm, {by or 'no split'}", t, TARGET)
        with svc.ctx.tx() as s:
            facts = load_facts(s)
            row("load facts (vault read)", timed(lambda: load_facts(s), args.runs), None)
        period = Period(START, TODAY)
        row("figures (pure, incl. prepare)", timed(lambda: compute(facts, period), args.runs), None)
        report = compute(facts, period, "persona")
        row("suppressed (persona)", timed(report.suppressed, args.runs), None)
        print(
            f"\nfacts: {len(facts.candidates):,} candidates, {len(facts.moves):,} moves, "
            f"{len(facts.dropouts):,} dropouts, {len(facts.placements):,} placements"
        )
    finally:
        vault.lock()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
