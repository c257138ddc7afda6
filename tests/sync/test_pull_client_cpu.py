"""The pull's client side (issue 13, round 4): a sync run sets off no garbage collection,
a pulled record's dates and timestamps are stored as the vault's columns store them
whatever form the wire gives them, and `spt-desktop sync` as a process loads neither Qt
nor ReportLab. Real vaults, a real server on loopback."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from spt_common import protocol as p
from spt_desktop import demo
from spt_desktop.gc_pause import gc_paused, paused_if_free
from spt_desktop.models.vault import Vault
from spt_desktop.sync import apply, engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import PASSPHRASE, PASSWORD, Admin, LiveServer, make_vault

ROOT = Path(__file__).resolve().parents[2]


def bound(tmp_path: Path, name: str, url: str) -> Vault:
    vault = make_vault(tmp_path / f"{name}.sptvault")
    engine.login(vault, url, "anna@spt.nl", PASSWORD, device_name=name)
    return vault


def served_caseload(tmp_path: Path, admin: Admin, live: LiveServer, candidates: int) -> None:
    """A coach with ``candidates`` demo candidates on the server, pushed by one laptop."""
    admin.add_coach("anna@spt.nl", roles="loopbaancoach,arbeidsmarktcoach,jobcoach")
    source = bound(tmp_path, "bron", live.url)
    demo.fill_vault(source, candidates, 7, date(2026, 11, 30))
    with Transport(live.url) as t:
        engine.sync(source, transport=t)
    source.lock()


def test_a_sync_run_sets_off_no_garbage_collection(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """A first pull makes thousands of objects per page and no cycles; a collection set
    off in the middle walked every object of the process (a sixth of the pull's CPU).
    Before: several collections during this pull."""
    served_caseload(tmp_path, admin, live, 8)
    laptop = bound(tmp_path, "laptop", live.url)
    started: list[int] = []

    def note(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started.append(info["generation"])

    assert gc.isenabled()
    # Every generation's count from zero, whatever the tests before this one left: a
    # young generation's count of 10 would make the pause's closing collection an old
    # one (CI saw [1] once, after another test's allocations).
    gc.collect()
    gc.callbacks.append(note)
    try:
        with Transport(live.url) as t:
            report = engine.sync(laptop, transport=t, page=100)
    finally:
        gc.callbacks.remove(note)
    assert report.pulled > 200 and report.requests >= 3
    # None while it ran: at most the one young collection the allocation counts set
    # off as the pause ends (its pages are gone by then), never an old generation.
    assert started in ([], [0])
    assert gc.isenabled()  # as it was before the run
    with laptop.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM candidate").scalar() == 8
    laptop.lock()


def test_a_pause_held_by_another_thread_is_left_alone() -> None:
    """The window's vault thread pauses the collector around its long jobs; a run on
    another thread then runs as it is (a pause is one per process), and takes its own
    once the other is over."""
    holding, release = threading.Event(), threading.Event()

    def window() -> None:
        with gc_paused():
            holding.set()
            release.wait(10)

    other = threading.Thread(target=window)
    other.start()
    try:
        assert holding.wait(10)
        with paused_if_free() as paused:
            assert paused is False
        assert not gc.isenabled()  # still the window's pause
    finally:
        release.set()
        other.join(10)
    assert gc.isenabled()
    with paused_if_free() as paused:
        assert paused is True and not gc.isenabled()
    assert gc.isenabled()


# Wire forms a server could send for a date or a timestamp, beyond its own naive UTC ISO:
# an offset (dropped by the column, as the ORM does), an ISO week date, no seconds, a
# year before 1000, microseconds.
ODD_TIMES = {
    "note": (
        "written_at",
        ["2026-11-30T09:00:00+01:00", "2026-11-30T09:00", "0987-01-02T03:04:05.000006"],
    ),
    "candidate": ("registered_on", ["2026-W48-1", "0987-01-02", "2026-11-30"]),
}  # fmt: skip


def test_dates_and_timestamps_in_any_wire_form_are_stored_as_the_columns_store_them(
    tmp_path: Path,
) -> None:
    """The set-based apply writes a date or timestamp straight from its wire text where
    that gives the column's own stored form; every other form goes the column's way.
    Either way the row holds what SQLAlchemy's own insert of the parsed value holds."""
    fast, careful = make_vault(tmp_path / "snel.sptvault"), make_vault(tmp_path / "zorg.sptvault")
    source = make_vault(tmp_path / "bron.sptvault")
    demo.fill_vault(source, 6, 7, date(2026, 11, 30))
    records: list[p.Record] = []
    with source.engine.connect() as conn:
        for entity, (name, values) in ODD_TIMES.items():
            table = apply.TABLES[entity]
            row = conn.execute(sa.select(table).limit(1)).one()._mapping
            data = {n: apply.to_wire(row[n]) for n in p.ENTITY_FIELDS[entity]}
            for i, value in enumerate(values):
                rid = f"00000000-0000-4000-8000-{len(records):012d}"
                records.append(
                    p.Record(entity=entity, id=rid, rev=i + 1, data={**data, name: value})  # type: ignore[arg-type]
                )
    source.lock()
    with engine.remote_connection(fast) as conn:
        apply.apply_page(conn, records)
    with engine.remote_connection(careful) as conn:
        for rec in records:
            values = apply.from_wire(rec.entity, rec.data)
            table = apply.TABLES[rec.entity]
            conn.execute(sa.insert(table).values(id=rec.id, server_rev=rec.rev, **values))
    for entity, (name, _values) in ODD_TIMES.items():
        sql = (
            f"SELECT id, {name}, typeof({name}) FROM {entity} "
            "WHERE id LIKE '00000000-%' ORDER BY id"
        )
        with fast.engine.connect() as a, careful.engine.connect() as b:
            got, want = a.exec_driver_sql(sql).all(), b.exec_driver_sql(sql).all()
        assert got == want and len(got) == 3
    with fast.engine.connect() as conn:
        stored = (
            conn.exec_driver_sql(
                "SELECT written_at FROM note WHERE id LIKE '00000000-%' ORDER BY id"
            )
            .scalars()
            .all()
        )
    assert stored == [
        "2026-11-30 09:00:00.000000",
        "2026-11-30 09:00:00.000000",
        "0987-01-02 03:04:05.000006",
    ]
    fast.lock()
    careful.lock()


CHILD = """
import json, sys
from spt_desktop.cli import main
code = main(["sync", "--vault", sys.argv[1], "--json"])
loaded = sorted({m.split(".")[0] for m in sys.modules} & {"PySide6", "reportlab", "shiboken6"})
print(json.dumps({"code": code, "loaded": loaded}))
"""


def test_spt_desktop_sync_as_a_process_loads_neither_qt_nor_reportlab(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """The headless sync is the sync engine and the vault: the window's toolkit and the
    PDF library would only add to every `spt-desktop sync` process's start."""
    served_caseload(tmp_path, admin, live, 2)
    laptop = bound(tmp_path, "laptop", live.url)
    laptop.lock()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPT_PASSPHRASE": PASSPHRASE}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(laptop.path)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.strip().splitlines()
    pulled = json.loads("\n".join(lines[:-1]))
    last = json.loads(lines[-1])
    assert last == {"code": 0, "loaded": []}
    assert pulled["pulled"] > 50
