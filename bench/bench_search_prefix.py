"""Search per keystroke on the 20k vault with and without the search index's prefix
indexes (issue 13, round 7): do two- to four-letter prefixes need them?

    .venv/bin/python bench/bench_search_prefix.py [--cache /tmp/NAME-bench/vault] \
        [--runs 5] [--prefix "2 3 4" --prefix 2 --prefix ""]
    .venv/bin/python bench/bench_search_prefix.py --cache DIR --keys [--limit 50]

``--keys``: the vault's index as it is, and each keystroke on its own: the CPU of
``queries.search(prefix, limit)`` for every prefix of every word (median of ``--runs``),
then per word the median and the largest of its keystrokes (bench/VAULT.md, "Search per
keystroke: common words and particles"). Run it from the tree whose code is measured
(the vault of that tree's schema is taken from --cache).

The 20k vault ``bench_vault.py`` builds (20,000 candidates, 200,000 visits) is copied per
prefix setting, its ``search_fts`` made again with that ``prefix`` option from the same
documents, and ``queries.search()`` timed per keystroke (each prefix of each word as
typed, as bench_vault's "search keystroke"), wall and CPU, median of ``--runs``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_vault as bv  # noqa: E402

from spt_desktop.models.vault import Vault  # noqa: E402

WORDS = ("Bakker", "Jansen", "Eindhoven", "las", "werkplek", "de Vries", "van der")


def keys(vault: Vault, runs: int, limit: int) -> dict[str, list[tuple[str, float]]]:
    """Per word, each keystroke's prefix and its median CPU seconds."""
    from spt_desktop.services import Services

    queries = Services(vault).queries
    out: dict[str, list[tuple[str, float]]] = {}
    for word in WORDS:
        for n in range(1, len(word) + 1):
            prefix = word[:n]
            t = bv.timed(lambda p=prefix: queries.search(p, limit=limit), runs)  # type: ignore[misc]
            out.setdefault(word, []).append((prefix, t[2]))
    return out


def report_keys(found: dict[str, list[tuple[str, float]]]) -> None:
    import statistics

    print("\n| word | keys | median cpu ms | max cpu ms (key) |")
    print("|---|---:|---:|---:|")
    every = []
    for word, per in found.items():
        cpu = [c for _, c in per]
        every += cpu
        worst = max(per, key=lambda x: x[1])
        print(f"| {word} | {len(per)} | {statistics.median(cpu) * 1e3:.1f} | "
              f"{worst[1] * 1e3:.1f} ('{worst[0]}') |")  # fmt: skip
    print(f"| all | {len(every)} | {statistics.median(every) * 1e3:.1f} | "
          f"{max(every) * 1e3:.1f} |")  # fmt: skip
    print("\nper key (cpu ms): " + "; ".join(
        f"{p!r} {c * 1e3:.1f}" for per in found.values() for p, c in per))  # fmt: skip


def remake_index(vault: Vault, prefix: str) -> float:
    """``search_fts`` made again from its own documents with ``prefix``; CPU seconds."""
    option = f", prefix = '{prefix}'" if prefix else ""
    start = time.process_time()
    with vault.engine.begin() as c:
        c.exec_driver_sql(
            "CREATE TEMP TABLE kept AS SELECT rowid AS doc, candidate_id, body FROM search_fts"
        )
        c.exec_driver_sql("DROP TABLE search_fts")
        c.exec_driver_sql(
            "CREATE VIRTUAL TABLE search_fts USING fts5(candidate_id UNINDEXED, body, "
            f"tokenize = 'unicode61 remove_diacritics 2'{option})"
        )
        c.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES ('secure-delete', 1)")
        c.exec_driver_sql(
            "INSERT INTO search_fts(rowid, candidate_id, body) "
            "SELECT doc, candidate_id, body FROM temp.kept"
        )
        c.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        c.exec_driver_sql("DROP TABLE temp.kept")
    with vault.engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--prefix", action="append", default=None)
    parser.add_argument("--keys", action="store_true", help="each keystroke, index as it is")
    parser.add_argument("--limit", type=int, default=50)
    args = parser.parse_args()
    if args.keys:
        source = bv.big_vault(args.cache, 20_000, 200_000)
        print(bv.machine(), f"limit {args.limit}", flush=True)
        vault = Vault(source)
        vault.unlock(bv.PASSPHRASE)
        try:
            start = time.process_time()
            report_keys(keys(vault, args.runs, args.limit))
        finally:
            vault.lock()
        print(f"\nprocess cpu {time.process_time() - start:.1f} s, load {os.getloadavg()}")
        return 0
    prefixes = args.prefix if args.prefix is not None else ["2 3 4", "2", ""]
    source = bv.big_vault(args.cache, 20_000, 200_000)
    print(bv.machine(), flush=True)
    results: dict[str, dict[str, tuple[float, float, float]]] = {}
    for prefix in prefixes:
        path = args.cache / f"prefix-{prefix.replace(' ', '') or 'none'}.sptvault"
        for suffix in ("", ".key"):
            shutil.copyfile(str(source) + suffix, str(path) + suffix)
        vault = Vault(path)
        vault.unlock(bv.PASSPHRASE)
        try:
            made = remake_index(vault, prefix) if prefix != "2 3 4" else 0.0
            with vault.engine.connect() as c:
                pages = c.exec_driver_sql("SELECT count(*) FROM search_fts_data").scalar()
            print(f"prefix '{prefix}': index made in {made:.1f} s cpu, {pages} FTS blocks "
                  f"(load {os.getloadavg()[0]:.1f})", flush=True)  # fmt: skip
            for word in WORDS:
                t = bv.timed(bv.search_keystroke(vault, word), args.runs)
                results.setdefault(word, {})[prefix] = tuple(x / len(word) for x in t)  # type: ignore[assignment]
        finally:
            vault.lock()
            for suffix in ("", ".key", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
    head = " | ".join(f"prefix '{x}' ms (max, cpu)" for x in prefixes)
    print(f"\n| word | {head} |")
    print("|---|" + "---:|" * len(prefixes))
    for word, by in results.items():
        cells = " | ".join(
            f"{by[x][0] * 1e3:.1f} ({by[x][1] * 1e3:.1f}, {by[x][2] * 1e3:.1f})" for x in prefixes
        )
        print(f"| {word} | {cells} |")
    print(f"\nload {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
