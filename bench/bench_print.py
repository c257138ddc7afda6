"""How long printing takes: the Dossiersamenvatting of a candidate with 100 visits.

    .venv/bin/python bench/bench_print.py [--runs 7]

The data are the demo caseload (spt_desktop.demo: 120 candidates, seed 2026, 30 Nov
2026, 2,460 jobcoach visits) in a real SQLCipher vault; the dossier is the candidate with
the most visits (100). Measures, each as the median of --runs after one warm-up:
  first call   font registration + layout of a 100-visit dossier (a fresh process)
  render       DossierData (read once, 100 visits) -> PDF bytes
  vault+render dossier_data() from the vault + PDF, 100 visits
  plan, bezoekverslag, aanbodkrant (50 profiles): render only
Target (issue 5): dossier with 100 visits <= 0.5 s. Results: bench/PRINT.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from spt_common.enums import Role  # noqa: E402
from spt_desktop.demo import fill_vault  # noqa: E402
from spt_desktop.models.keyfile import KdfParams  # noqa: E402
from spt_desktop.models.vault import Vault  # noqa: E402
from spt_desktop.print import (  # noqa: E402
    aanbodkrant_pdf,
    dossier_pdf,
    plan_pdf,
    visit_report_pdf,
)
from spt_desktop.services.documents import (  # noqa: E402
    aanbodkrant_data,
    dossier_data,
    plan_data,
    visit_report_data,
)

TARGET_S = 0.5
FAST_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
SEED, TODAY, CANDIDATES, VISITS = 2026, date(2026, 11, 30), 120, 2460
ALL_ROLES = (Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH, Role.JOBCOACH)


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Median wall seconds, max wall seconds and median CPU seconds of ``runs`` calls
    after one warm-up call. CPU time shows the work itself when other processes share
    the cores (wall time then includes waiting for them)."""
    fn()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), max(wall), statistics.median(cpu)


def busiest_candidate(vault: Vault) -> tuple[str, int, str]:
    """The candidate with the most visits, how many, and the latest of those visits."""
    with vault.engine.connect() as c:
        visits = c.execute(sa.text("SELECT candidate_id, id FROM visit ORDER BY rowid")).all()
    counts = Counter(cid for cid, _ in visits)
    cid, n = counts.most_common(1)[0]
    return cid, n, next(vid for c, vid in reversed(visits) if c == cid)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = Vault.create(
            Path(tmp) / "bench.sptvault", "bench passphrase", owner_roles=ALL_ROLES, kdf=FAST_KDF
        )
        fill_vault(vault, CANDIDATES, SEED, TODAY, n_visits=VISITS)
        cid, n_visits, visit_id = busiest_candidate(vault)
        data = dossier_data(vault, cid, TODAY)
        plan = plan_data(vault, cid, today=TODAY)
        report = visit_report_data(vault, visit_id, TODAY)
        with vault.engine.connect() as c:
            everyone = list(c.scalars(sa.text("SELECT id FROM candidate ORDER BY rowid")))
        krant = aanbodkrant_data(vault, everyone, TODAY)  # those with aanbodkrant consent
        krant = dataclasses.replace(krant, profiles=krant.profiles[:50])

        start, start_cpu = time.perf_counter(), time.process_time()
        pdf = dossier_pdf(data)  # the first call in this process registers the fonts
        first, first_cpu = time.perf_counter() - start, time.process_time() - start_cpu
        pages = pdf.count(b"/Type /Page\n")

        rows: list[tuple[str, float, float, float]] = [
            ("dossier, first call (fonts)", first, first, first_cpu)
        ]
        rows.append(("dossier, 100 visits, render", *timed(lambda: dossier_pdf(data), args.runs)))
        rows.append(
            (
                "dossier, 100 visits, vault read",
                *timed(lambda: dossier_data(vault, cid, TODAY), args.runs),
            )
        )
        rows.append(
            (
                "dossier, 100 visits, vault read + render",
                *timed(lambda: dossier_pdf(dossier_data(vault, cid, TODAY)), args.runs),
            )
        )
        vault.lock()

    rows.append(("plan van aanpak, render", *timed(lambda: plan_pdf(plan), args.runs)))
    rows.append(("bezoekverslag, render", *timed(lambda: visit_report_pdf(report), args.runs)))
    rows.append(
        (
            f"aanbodkrant, {len(krant.profiles)} profiles, render",
            *timed(lambda: aanbodkrant_pdf(krant), args.runs),
        )
    )

    print(f"dossier with {n_visits} visits: {pages} pages, {len(pdf) // 1024} KiB")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores, {args.runs} runs")
    print(f"{'what':42} {'median s':>9} {'max s':>7} {'cpu s':>7}")
    for what, median, worst, cpu in rows:
        print(f"{what:42} {median:9.3f} {worst:7.3f} {cpu:7.3f}")
    median = next(r[1] for r in rows if r[0] == "dossier, 100 visits, vault read + render")
    verdict = "OK" if median <= TARGET_S else "TOO SLOW"
    print(
        f"target: dossier with 100 visits <= {TARGET_S} s (vault read + render, median): {verdict}"
    )
    return 0 if median <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
