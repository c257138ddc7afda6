"""The search index's share of a first pull, without the network (issue 13, round 5).

    .venv/bin/python bench/bench_searchfill.py VAULT [--rounds 3] [--group 16000] \
        [--workdir /tmp/NAME-bench/micro]

VAULT: a filled vault (bench_pull.py's ``--workdir DIR/big/a.sptvault``, 10k candidates;
its passphrase is bench_sync's), copied into ``--workdir`` first. The copy's rows of the
four tables that feed the search index are moved aside and the index emptied; then,
round after round, the same rows go back 2,000 a statement (a page), the modes
alternating, each in a transaction rolled back after it:

  triggers   row by row through the vault's index triggers (what a first pull does)
  fill       no index triggers; after every ``--group`` rows (a first pull's transaction
             holds 16,000 records) one INSERT ... SELECT of the group's documents into
             search_fts and one into search_owner: the index filled once a transaction
  none       no index at all: the rows alone (the ceiling of any gain)

and last, once the index is made again without its prefix indexes (``prefix = '2 3 4'``
dropped), ``triggers`` as ``no-prefix``: what search-as-you-type's prefixes cost.

CPU seconds of this process per mode (getrusage), medians and ratios; load beside them.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import bench_sync as bs  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from spt_desktop.models.vault import Vault  # noqa: E402

INDEXED = "type = 'trigger' AND (sql LIKE '%search_fts%' OR sql LIKE '%search_owner%')"
# table: (k of the document's rowid ``rowid * 8 + k``, candidate id column, text columns),
# as the vault's triggers (migrations 0001, 0004) index them.
SOURCES: dict[str, tuple[int, str, tuple[str, ...]]] = {
    "candidate": (
        1,
        "id",
        ("first_name", "last_name", "municipality", "skills", "interests", "motivation", "notes"),
    ),
    "note": (2, "candidate_id", ("text",)),
    "visit": (3, "candidate_id", ("topics", "agreements", "notes")),
    "intake": (4, "candidate_id", ("background", "motivation", "wishes", "obstacles")),
}
PAGE = 2000


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def _fill(c: sa.Connection, table: str, after: int) -> None:
    """The documents of ``table``'s rows past rowid ``after``, and their owners."""
    k, cand, cols = SOURCES[table]
    body = " || ' ' || ".join(f"coalesce({col}, '')" for col in cols)
    rows = f"FROM {table} WHERE rowid > {after:d} AND NOT deleted"
    c.exec_driver_sql(
        f"INSERT INTO search_fts (rowid, candidate_id, body) "
        f"SELECT rowid * 8 + {k}, {cand}, {body} {rows}"
    )
    c.exec_driver_sql(
        f"INSERT INTO search_owner (doc, candidate_id) SELECT rowid * 8 + {k}, {cand} {rows}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("vault", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--group", type=int, default=16_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/searchfill-bench"))
    args = parser.parse_args()
    bs.memsec.off()
    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    copy = args.workdir / "v.sptvault"
    shutil.copy(args.vault, copy)
    shutil.copy(str(args.vault) + ".key", str(copy) + ".key")
    vault = Vault(copy)
    vault.unlock(bs.PASSPHRASE)  # to this tree's schema
    spent: dict[str, list[float]] = {}
    with vault.engine.connect() as c:
        c.exec_driver_sql("PRAGMA foreign_keys = OFF")
        c.commit()
        triggers = c.exec_driver_sql(f"SELECT name, sql FROM sqlite_master WHERE {INDEXED}").all()
        c.rollback()
        # DDL runs outside the driver's transaction (pysqlite begins one before DML only).
        for name, _ in triggers:
            c.exec_driver_sql(f"DROP TRIGGER {name}")
        c.commit()
        cols: dict[str, str] = {}
        with c.begin():
            for t in SOURCES:
                names = [r[1] for r in c.exec_driver_sql(f"PRAGMA table_info({t})")]
                cols[t] = ", ".join(f'"{n}"' for n in names)
                c.exec_driver_sql(f"CREATE TABLE src_{t} AS SELECT {cols[t]} FROM {t}")
                c.exec_driver_sql(f"DELETE FROM {t}")
            c.exec_driver_sql(
                "INSERT INTO search_fts(search_fts, rank) VALUES ('secure-delete', 0)"
            )
            c.exec_driver_sql("DELETE FROM search_fts")
            c.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
            c.exec_driver_sql(
                "INSERT INTO search_fts(search_fts, rank) VALUES ('secure-delete', 1)"
            )
            c.exec_driver_sql("DELETE FROM search_owner")
        rows = {
            t: int(c.exec_driver_sql(f"SELECT count(*) FROM src_{t}").scalar() or 0)
            for t in SOURCES
        }
        c.rollback()
        print(f"# rows {rows} load {_load()}", flush=True)

        def run(mode: str) -> float:
            if mode in ("triggers", "no-prefix"):
                for _, sql in triggers:
                    c.exec_driver_sql(sql)
                c.commit()
            with c.begin() as tx:
                start = _cpu()
                done, marks = 0, {t: 0 for t in SOURCES}
                for t in SOURCES:
                    for lo in range(0, rows[t], PAGE):
                        c.exec_driver_sql(
                            f"INSERT INTO {t} ({cols[t]}) SELECT {cols[t]} FROM src_{t} "
                            f"WHERE rowid > {lo:d} AND rowid <= {lo + PAGE:d}"
                        )
                        done += min(PAGE, rows[t] - lo)
                        if mode == "fill" and (done >= args.group or lo + PAGE >= rows[t]):
                            _fill(c, t, marks[t])
                            marks[t] = int(
                                c.exec_driver_sql(f"SELECT max(rowid) FROM {t}").scalar() or 0
                            )
                            done = 0 if done >= args.group else done
                cpu = _cpu() - start
                if mode != "none":
                    c.exec_driver_sql(
                        "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)"
                    )
                    docs = c.exec_driver_sql("SELECT count(*) FROM search_owner").scalar()
                    held = sum(
                        c.exec_driver_sql(f"SELECT count(*) FROM {t} WHERE NOT deleted").scalar()
                        or 0
                        for t in SOURCES
                    )
                    assert docs == held, (mode, docs, held)
                tx.rollback()
            if mode in ("triggers", "no-prefix"):
                for name, _ in triggers:
                    c.exec_driver_sql(f"DROP TRIGGER {name}")
                c.commit()
            spent.setdefault(mode, []).append(cpu)
            print(f"{mode} cpu {cpu:.2f} s load {_load()}", flush=True)
            return cpu

        for _ in range(args.rounds):
            for mode in ("triggers", "fill", "none"):
                run(mode)
        fts = c.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").scalar()
        c.rollback()
        c.exec_driver_sql("DROP TABLE search_fts")
        c.exec_driver_sql(
            str(fts)
            .replace(", prefix = '2 3 4'", "")
            .replace("CREATE VIRTUAL TABLE", "CREATE VIRTUAL TABLE IF NOT EXISTS")
        )
        c.commit()
        for _ in range(args.rounds):
            run("no-prefix")
    vault.lock()
    base = statistics.median(spent["triggers"])
    print("\n| mode | median cpu s | vs triggers |")
    print("|---|---:|---:|")
    for mode, xs in spent.items():
        med = statistics.median(xs)
        print(f"| {mode} | {med:.2f} | {med / base:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
