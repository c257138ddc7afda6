"""How long printing takes: the Dossiersamenvatting of a candidate with 100 visits.

    .venv/bin/python bench/bench_print.py [--runs 7]

Measures, each as the median of --runs after one warm-up:
  first call   font registration + layout of a 100-visit dossier (a fresh process)
  render       DossierData (hand-made, 100 visits) -> PDF bytes
  vault+render dossier_data() from a real SQLCipher vault + PDF, 100 visits
  plan, bezoekverslag, aanbodkrant (50 profiles): render only
Target (issue 5): dossier with 100 visits <= 0.5 s. Results: bench/PRINT.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spt_desktop.models.keyfile import KdfParams  # noqa: E402
from spt_desktop.models.vault import Vault  # noqa: E402
from spt_desktop.print import (  # noqa: E402
    aanbodkrant_pdf,
    dossier_pdf,
    plan_pdf,
    visit_report_pdf,
)
from spt_desktop.services.documents import dossier_data  # noqa: E402
from tests.print import print_samples as samples  # noqa: E402
from tests.print.print_seed import full_dossier  # noqa: E402

TARGET_S = 0.5
FAST_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    data = samples.dossier(n_visits=100)
    start, start_cpu = time.perf_counter(), time.process_time()
    pdf = dossier_pdf(data)  # the first call in this process registers the fonts
    first, first_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    pages = pdf.count(b"/Type /Page\n")

    rows: list[tuple[str, float, float, float]] = [
        ("dossier, first call (fonts)", first, first, first_cpu)
    ]
    rows.append(("dossier, 100 visits, render", *timed(lambda: dossier_pdf(data), args.runs)))

    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = Vault.create(Path(tmp) / "bench.sptvault", "bench passphrase", kdf=FAST_KDF)
        seeded = full_dossier(vault, n_visits=100)
        rows.append(
            (
                "dossier, 100 visits, vault read",
                *timed(lambda: dossier_data(vault, seeded.candidate_id), args.runs),
            )
        )
        rows.append(
            (
                "dossier, 100 visits, vault read + render",
                *timed(lambda: dossier_pdf(dossier_data(vault, seeded.candidate_id)), args.runs),
            )
        )
        vault.lock()

    plan, report, krant = samples.plan(), samples.visit_report(shared=True), samples.aanbodkrant(50)
    rows.append(("plan van aanpak, render", *timed(lambda: plan_pdf(plan), args.runs)))
    rows.append(("bezoekverslag, render", *timed(lambda: visit_report_pdf(report), args.runs)))
    rows.append(
        ("aanbodkrant, 50 profiles, render", *timed(lambda: aanbodkrant_pdf(krant), args.runs))
    )

    print(f"dossier with 100 visits: {pages} pages, {len(pdf) // 1024} KiB")
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
