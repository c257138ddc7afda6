"""How fast the vault is on a big caseload: 20,000 candidates and 200,000 visits.

    .venv/bin/python bench/bench_vault.py [--runs 5] [--bulk-runs 3] [--cache DIR]

Measures, each as the median of its runs (wall and CPU seconds):
  argon2id         the raw key derivation with the default parameters (no vault)
  unlock           Vault(path).unlock(passphrase) + the first caseload page: Argon2id,
                   unwrap, open SQLCipher, identity and schema check, first query
  search keystroke Services.queries.search() for each prefix of a name, as typed
  save one visit   Services.visits.log(): one visit with its outbox and audit entries
  edit profile     Services.candidates.update() of one indexed field (the search document
                   removed and written again; FTS5 secure-delete since vault 0007), and the
                   same with secure-delete switched off for the run, for comparison
  bulk load        spt_desktop.models.bulk.load() of the generated rows into a fresh vault
  raw executemany  the same rows, already in their stored form, with sqlcipher3's own
                   cursor.executemany() into a fresh vault of the same schema, doing the
                   same steps (outbox rows, FTS triggers lifted and the index filled in
                   one statement per table); runs alternate with bulk load
Targets (issue 2 §5): unlock <= 0.5 s; search <= 30 ms per keystroke; save one visit
<= 5 ms; bulk load <= 1.5x raw executemany. Exit code 1 when a median misses one.

The big vault is built once (demo generator + bulk loader, default Argon2id cost) into
--cache and reused; its name carries the schema head and GENERATOR so a change rebuilds
it. Results and the machine they ran on: bench/VAULT.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


from spt_common.enums import Role  # noqa: E402
from spt_desktop import demo  # noqa: E402
from spt_desktop.models import bulk  # noqa: E402
from spt_desktop.models.base import Base  # noqa: E402
from spt_desktop.models.keyfile import DEFAULT_KDF, KdfParams  # noqa: E402
from spt_desktop.models.migrate import SCHEMA_HEAD  # noqa: E402
from spt_desktop.models.vault import Vault  # noqa: E402

PASSPHRASE = "bench wachtwoordzin voor de grote kluis"
TODAY = date(2026, 11, 30)
SEED = 2026
GENERATOR = "g1"  # bump when the demo generator's output changes
FAST_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
OWNER_ROLES = (Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH, Role.JOBCOACH)
TARGETS = {"unlock": 0.5, "search keystroke": 0.030, "save one visit": 0.005}
RATIO_TARGET = 1.5

Timing = tuple[float, float, float]  # median wall, max wall, median cpu


def timed(fn: Callable[[], object], runs: int, warmup: bool = True) -> Timing:
    """Median wall, max wall and median CPU seconds of ``runs`` calls (after a warm-up).
    CPU time is the work itself when other processes share the cores."""
    if warmup:
        fn()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), max(wall), statistics.median(cpu)


# --- the big vault, built once --------------------------------------------------------------


def big_vault(cache: Path, candidates: int, visits: int) -> Path:
    """The cached vault with ``candidates`` and ``visits`` (default Argon2id cost)."""
    path = cache / f"demo-{candidates}c-{visits}v-s{SEED}-{SCHEMA_HEAD}-{GENERATOR}.sptvault"
    if path.exists():
        return path
    cache.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    for p in building.parent.glob(building.name + "*"):
        p.unlink()
    print(f"building {path.name} (once) ...", flush=True)
    start = time.perf_counter()
    vault, _ = Vault.create(building, PASSPHRASE, owner_roles=OWNER_ROLES, kdf=DEFAULT_KDF)
    counts = demo.fill_vault(vault, candidates, SEED, TODAY, n_visits=visits)
    with vault.engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    vault.lock()
    for suffix in ("", ".key"):
        os.replace(building.with_name(building.name + suffix), path.with_name(path.name + suffix))
    print(f"  {sum(counts.values()):,} records in {time.perf_counter() - start:.1f} s", flush=True)
    return path


def vault_counts(vault: Vault) -> dict[str, int]:
    with vault.engine.connect() as c:
        return {
            t: c.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar() or 0
            for t in ("candidate", "visit", "outbox", "search_fts")
        }


# --- unlock ---------------------------------------------------------------------------------


def argon2id_once() -> None:
    from argon2.low_level import Type, hash_secret_raw

    hash_secret_raw(
        PASSPHRASE.encode(),
        os.urandom(16),
        time_cost=DEFAULT_KDF.time_cost,
        memory_cost=DEFAULT_KDF.memory_kib,
        parallelism=DEFAULT_KDF.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def unlock_once(path: Path) -> None:
    """Unlock and show the first caseload page, as the app does after the password."""
    from spt_desktop.services import Services
    from spt_desktop.services.dto import CaseloadFilter

    vault = Vault(path)
    vault.unlock(PASSPHRASE)
    try:
        rows = Services(vault).queries.caseload(CaseloadFilter(limit=50))
        assert rows
    finally:
        vault.lock()


# --- hooks for the services (the lead may refine these) -------------------------------------


def search_keystroke(vault: Vault, word: str) -> Callable[[], object]:
    """A function that searches for each prefix of ``word`` in turn (one per keystroke);
    time it and divide by len(word)."""
    from spt_desktop.services import Services

    queries = Services(vault).queries

    def type_word() -> None:
        for n in range(1, len(word) + 1):
            queries.search(word[:n], limit=50)

    return type_word


def save_one_visit(vault: Vault) -> Callable[[], object]:
    """A function that logs one jobcoach visit for a placed candidate of the owner."""
    from spt_desktop.services import Services

    with vault.engine.connect() as c:
        cid = c.exec_driver_sql(
            "SELECT candidate_id FROM placement WHERE ended_on IS NULL ORDER BY rowid LIMIT 1"
        ).scalar()
    visits = Services(vault).visits
    values = {
        "mode": "on_site",
        "topics": "inwerken; veiligheid op de werkplek",
        "progress_score": 4,
        "wellbeing_score": 4,
        "agreements": "Praktijkopleider plant wekelijks een kort evaluatiemoment.",
        "notes": "Benchmarkbezoek",
    }
    return lambda: visits.log(cid, values)


def edit_profile_text(vault: Vault) -> Callable[[], object]:
    """A function that changes one indexed profile field of a candidate (skills), so the
    candidate's search document is removed and written again: since vault 0007 the
    removal is an FTS5 secure-delete, which rewrites the words' index pages."""
    from spt_desktop.services import Services

    with vault.engine.connect() as c:
        cid = c.exec_driver_sql("SELECT id FROM candidate ORDER BY rowid LIMIT 1").scalar()
    candidates = Services(vault).candidates
    texts = iter(
        f"lassen (MIG/MAG), heftruckcertificaat, tekeningen lezen, ronde {n}"
        for n in range(1_000_000)
    )
    return lambda: candidates.update(cid, {"skills": next(texts)})


def secure_delete(vault: Vault, on: bool) -> None:
    with vault.engine.begin() as c:
        c.exec_driver_sql(
            f"INSERT INTO search_fts(search_fts, rank) VALUES ('secure-delete', {int(on)})"
        )


# --- bulk load versus raw executemany ---------------------------------------------------------


def stored_form(vault: Vault, rows: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The rows as the database stores them (SQLAlchemy's own bind processors), so the
    raw run inserts byte-for-byte what the bulk run inserts. Prepared before timing."""
    dialect = vault.engine.dialect
    out: dict[str, Any] = {}
    stamp = datetime.combine(TODAY, datetime.min.time())
    stamp_processor = Base.metadata.tables["outbox"].c.created_at.type.bind_processor(dialect)
    stamp_text = stamp_processor(stamp) if stamp_processor else stamp
    for name in bulk.table_order(list(rows)):
        table = Base.metadata.tables[name]
        cols = [c.name for c in table.columns if c.computed is None]  # not sort_name
        procs = [table.c[c].type.bind_processor(dialect) for c in cols]
        data = [
            tuple(p(r[c]) if p else r[c] for c, p in zip(cols, procs, strict=True))
            for r in rows[name]
        ]
        outbox = [(name, r["id"], "insert", None, None, stamp_text) for r in rows[name]]
        out[name] = (cols, data, outbox)
    return out


def raw_load(vault: Vault, prepared: dict[str, Any]) -> None:
    """The baseline: sqlcipher3's cursor.executemany on the vault's own connection."""
    raw = vault.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("BEGIN IMMEDIATE")
        for name, (cols, data, outbox) in prepared.items():
            lifted = _lift(cur, name)
            marks = ", ".join("?" * len(cols))
            cur.executemany(f'INSERT INTO "{name}" ({", ".join(cols)}) VALUES ({marks})', data)
            cur.executemany(
                "INSERT INTO outbox (entity, record_id, op, fields, base_rev, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                outbox,
            )
            for statement, before, create in lifted:
                cur.execute(statement, (before,))
                cur.execute(create)
        raw.commit()
    finally:
        raw.close()


def _lift(cur: Any, table: str) -> list[tuple[str, int, str]]:
    lifted = []
    before = cur.execute(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').fetchone()[0]
    triggers = cur.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
    ).fetchall()
    for name, sql in triggers:
        m = bulk._SET_BASED.match(sql.strip())
        if not m:
            continue
        rows = f'"{table}"'
        statement = bulk._NEW.sub(f"{rows}.", f"{m.group(3)} FROM {rows} WHERE ({m.group(4)})")
        cur.execute(f'DROP TRIGGER "{name}"')
        lifted.append((f"{statement} AND {rows}.rowid > ?", before, sql))
    return lifted


def durable_commit(vault: Vault) -> tuple[Callable[[], object], Callable[[], None]]:
    """Baseline for 'save one visit': one small row and a commit on the vault's own
    connection (same SQLCipher, WAL, synchronous=FULL), nothing else. What the disk's
    fsync costs on this machine; the visit's own work is the difference. Returns the
    timed function and what closes its connection."""
    raw = vault.engine.raw_connection()

    def once() -> None:
        cur = raw.cursor()
        cur.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('bench', 'x')")
        raw.commit()

    return once, raw.close


def fresh_vault(workdir: Path, name: str) -> Vault:
    for p in workdir.glob(name + "*"):
        p.unlink()
    vault, _ = Vault.create(workdir / name, PASSPHRASE, owner_roles=OWNER_ROLES, kdf=FAST_KDF)
    return vault


def bulk_vs_raw(
    candidates: int, visits: int, runs: int, workdir: Path
) -> tuple[list[float], list[float], list[float], list[float], int, float]:
    """Alternating runs of bulk.load and raw executemany on the same rows, each into a
    fresh vault. Returns wall and CPU seconds of both, the records per run, and the
    generation time."""
    probe = fresh_vault(workdir, "probe.sptvault")
    assert probe.owner_id is not None
    start = time.perf_counter()
    rows = demo.generate(
        candidates, SEED, TODAY, probe.owner_id, owner_roles=OWNER_ROLES, n_visits=visits
    ).rows
    generation = time.perf_counter() - start
    prepared = stored_form(probe, rows)
    probe.lock()
    records = sum(len(r) for r in rows.values())
    bulk_wall, bulk_cpu, raw_wall, raw_cpu = [], [], [], []
    for i in range(runs):
        for kind in ("bulk", "raw") if i % 2 == 0 else ("raw", "bulk"):
            # Same owner id in both, so the loaded rows are the very same rows.
            vault = fresh_vault(workdir, f"{kind}.sptvault")
            _set_owner(vault, rows)
            t, c = time.perf_counter(), time.process_time()
            if kind == "bulk":
                bulk.load(vault, rows)
            else:
                raw_load(vault, prepared)
            wall, cpu = time.perf_counter() - t, time.process_time() - c
            (bulk_wall if kind == "bulk" else raw_wall).append(wall)
            (bulk_cpu if kind == "bulk" else raw_cpu).append(cpu)
            _check_loaded(vault, rows)
            vault.lock()
            print(f"  run {i + 1} {kind:4s} {wall:7.2f} s wall {cpu:7.2f} s cpu", flush=True)
    return bulk_wall, bulk_cpu, raw_wall, raw_cpu, records, generation


def _set_owner(vault: Vault, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Give the fresh vault the owner id the rows were generated for (so FKs hold)."""
    owners = {a["coach_id"] for a in rows["assignment"]} - {c["id"] for c in rows["coach"]}
    (owner,) = owners
    with vault.engine.begin() as c:
        for sql in (
            "UPDATE coach SET id = ? WHERE id = ?",
            "UPDATE setting SET value = ? WHERE key = 'owner_coach_id' AND value = ?",
        ):
            c.exec_driver_sql(sql, (owner, vault.owner_id))
    vault.owner_id = owner


def _check_loaded(vault: Vault, rows: dict[str, list[dict[str, Any]]]) -> None:
    with vault.engine.connect() as c:
        for name in ("candidate", "visit"):
            n = c.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar()
            assert n == len(rows[name]), (name, n)
        fts = c.exec_driver_sql("SELECT count(*) FROM search_fts").scalar()
    expected = sum(len(rows[t]) for t in ("candidate", "note", "visit", "intake"))
    assert fts == expected, (fts, expected)


# --- report ---------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return (
        f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, load average " + " ".join(f"{x:.1f}" for x in load)
    )


def row(label: str, t: Timing, target: float | None) -> bool:
    ok = target is None or t[0] <= target
    goal = f"<= {target * 1000:g} ms" if target is not None else ""
    print(
        f"| {label:32s} | {t[0] * 1000:9.1f} | {t[1] * 1000:9.1f} | {t[2] * 1000:9.1f} "
        f"| {goal:>11s} | {'ok' if ok else 'MISSED' if target else '':6s} |"
    )
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (median)")
    parser.add_argument("--bulk-runs", type=int, default=3, help="bulk/raw pairs (0: skip)")
    parser.add_argument("--candidates", type=int, default=20_000)
    parser.add_argument("--visits", type=int, default=200_000)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "spt-bench-vault"
    )
    parser.add_argument("--word", default="Bakker", help="the name typed in the search")
    args = parser.parse_args(argv)

    print(machine(), flush=True)
    path = big_vault(args.cache, args.candidates, args.visits)
    ok = True
    print("\n| what | median ms | max ms | cpu ms | target | |")
    print("|---|---:|---:|---:|---:|---|")
    ok &= row("argon2id (default cost)", timed(argon2id_once, args.runs), None)
    ok &= row("unlock + first caseload page", timed(lambda: unlock_once(path), args.runs), 0.5)

    vault = Vault(path)
    vault.unlock(PASSPHRASE)
    try:
        counts = vault_counts(vault)
        typing = search_keystroke(vault, args.word)
        per_key = tuple(x / len(args.word) for x in timed(typing, args.runs))
        ok &= row(f"search keystroke ('{args.word}')", per_key, 0.030)  # type: ignore[arg-type]
        ok &= row("save one visit", timed(save_one_visit(vault), max(args.runs, 20)), 0.005)
        commit_once, close = durable_commit(vault)
        row("baseline: durable commit of one row", timed(commit_once, 20), None)
        close()
        edit = edit_profile_text(vault)
        row("edit one profile text (indexed)", timed(edit, max(args.runs, 20)), None)
        secure_delete(vault, False)
        try:
            row("  the same, secure-delete off", timed(edit, max(args.runs, 20)), None)
        finally:
            secure_delete(vault, True)
    finally:
        vault.lock()
    print(f"\nvault: {counts} ({path.stat().st_size / 2**20:.0f} MiB)")

    if args.bulk_runs > 0:
        workdir = args.cache / "bulk"
        workdir.mkdir(parents=True, exist_ok=True)
        print(f"\nbulk load vs raw executemany, {args.bulk_runs} alternating pairs:")
        bw, bc, rw, rc, records, generation = bulk_vs_raw(
            args.candidates, args.visits, args.bulk_runs, workdir
        )
        shutil.rmtree(workdir, ignore_errors=True)
        b, r = statistics.median(bw), statistics.median(rw)
        ratio, cpu_ratio = b / r, statistics.median(bc) / statistics.median(rc)
        print(
            f"  {records:,} records (+ as many outbox rows); generation {generation:.1f} s\n"
            f"  bulk load  median {b:.2f} s wall, {statistics.median(bc):.2f} s cpu\n"
            f"  raw        median {r:.2f} s wall, {statistics.median(rc):.2f} s cpu\n"
            f"  ratio      {ratio:.2f}x wall, {cpu_ratio:.2f}x cpu (target <= {RATIO_TARGET}x)"
        )
        ok &= ratio <= RATIO_TARGET
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
