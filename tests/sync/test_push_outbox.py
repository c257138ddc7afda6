"""The outbox of a push (issue 13, the client's CPU on a first push): the entries the
server acknowledged are marked done in the transaction of its answer and deleted once, at
the end of the sync, not batch by batch (each batch's deletions were spread over the
whole of the outbox's ``record_id`` index, every touched page of it decrypted, encrypted
and written again: most of the growth of a first push's cost with its size). Real
vaults, a real server on loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from spt_common import protocol as p
from spt_desktop.cli import vault_commands
from spt_desktop.models.idsets import IN_IDS
from spt_desktop.models.vault import Vault
from spt_desktop.sync import apply, engine
from spt_desktop.sync.transport import SyncError, Transport
from tests.support.server_kit import (
    Admin,
    FaultProxy,
    LiveServer,
    add_candidate,
    count,
    local_rows,
    unheard,
)
from tests.sync.test_sync_pipeline import NOTES, add_notes, bound


@contextmanager
def statements(vault: Vault) -> Iterator[list[str]]:
    """Every SQL statement the vault's connections run meanwhile (SQLite's own trace:
    the sync sends most of its statements past SQLAlchemy, to the driver)."""
    seen: list[str] = []

    def trace(dbapi_conn: Any, *_: Any) -> None:
        dbapi_conn.set_trace_callback(seen.append)

    sa.event.listen(vault.engine, "checkout", trace)
    try:
        yield seen
    finally:
        sa.event.remove(vault.engine, "checkout", trace)
        with vault.engine.connect() as conn:  # the pool's connections stop tracing
            conn.connection.dbapi_connection.set_trace_callback(None)  # type: ignore[union-attr]


def _outbox_deletes(seen: list[str]) -> list[str]:
    return [s for s in seen if s.lstrip().upper().startswith("DELETE FROM OUTBOX")]


def test_a_push_of_several_batches_deletes_its_outbox_entries_once(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    # Two batches: p.MAX_BATCH, then the rest (a vault that has not heard the limits).
    a, b = unheard(bound(tmp_path, "a", live.url)), bound(tmp_path, "b", live.url)
    add_notes(a, add_candidate(a), NOTES)
    waiting = count(a, "outbox")
    with statements(a) as seen, Transport(live.url) as t:
        report = engine.sync(a, transport=t)
    assert report.pushed == waiting and report.requests == 2  # two batches
    # Before: one DELETE per batch (2); now one for the whole sync, at its end.
    assert len(_outbox_deletes(seen)) == 1
    assert count(a, "outbox") == 0
    assert count(a, "setting", f"key = '{apply.S_ACKED}'") == 0
    with Transport(live.url) as t:
        engine.sync(b, transport=t)
    assert len(local_rows(b, "note")) == NOTES


def test_a_sync_cut_off_after_a_batch_never_sends_that_batch_again(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    # Two batches: p.MAX_BATCH, then the rest (a vault that has not heard the limits).
    a, b = unheard(bound(tmp_path, "a", live.url)), bound(tmp_path, "b", live.url)
    add_notes(a, add_candidate(a), NOTES)
    waiting = count(a, "outbox")
    proxy = FaultProxy(live.port)
    # The first batch is answered; every try of the second never reaches the server.
    proxy.faults = [None] + ["drop_before"] * 10
    try:
        with Transport(proxy.url, backoff=0) as t:
            try:
                engine.sync(a, transport=t)
            except SyncError:
                pass
            else:
                raise AssertionError("the second batch should not have gone through")
    finally:
        proxy.close()
    # The first batch's entries are done but still here: marked by S_ACKED, not sent
    # again, not counted as waiting by the next sync.
    assert count(a, "outbox") == waiting
    with a.engine.connect() as conn:
        acked = apply.acked_through(conn)
        assert acked > 0 and count(a, "outbox", f"seq <= {acked}") == p.MAX_BATCH
        assert apply.has_outbox(conn, acked)
        rest = apply.build_batch(conn, p.MAX_BATCH_TAKEN, after=0)
        assert rest is not None and min_seq(conn, rest) > acked
        # What the coach is told waits (status bar, `spt-desktop vault check`): not the
        # entries the server already has.
        assert apply.pending_count(conn) == waiting - p.MAX_BATCH
    assert vault_commands._counts(a)[1] == waiting - p.MAX_BATCH
    with Transport(live.url) as t:
        report = engine.sync(a, transport=t)
    assert report.pushed == waiting - p.MAX_BATCH  # the rest only
    assert count(a, "outbox") == 0
    assert count(a, "setting", f"key = '{apply.S_ACKED}'") == 0
    with Transport(live.url) as t:
        engine.sync(b, transport=t)
    assert len(local_rows(b, "note")) == NOTES


def min_seq(conn: sa.Connection, batch: dict[str, Any]) -> int:
    """The first outbox entry of ``batch``'s records."""
    ids = [c["id"] for c in batch["batch"]["changes"]]
    cursor = apply.driver_cursor(conn)
    sql = f"SELECT min(seq) FROM outbox WHERE record_id {IN_IDS}"
    return int(cursor.execute(sql, (json.dumps(ids),)).fetchone()[0])


def test_the_pending_changes_of_a_page_are_found_by_the_record_id_index(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """``_pending_fields`` runs for every answer: a scan of the outbox there would make a
    first push quadratic."""
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", live.url)
    add_candidate(a)
    with statements(a) as seen, a.engine.connect() as conn:
        apply._pending_fields(conn, ["x"])
    query = next(s for s in seen if "FROM outbox WHERE record_id" in s)
    with a.engine.connect() as conn:
        cursor = apply.driver_cursor(conn)
        plan = " ".join(r[3] for r in cursor.execute("EXPLAIN QUERY PLAN " + query))
    assert "USING INDEX ix_outbox_record_id" in plan, plan


def test_a_run_gives_every_connection_back_with_its_own_page_cache(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """The run works with a big page cache (``RUN_CACHE_KIB``); the pool gets each of
    its connections back with the vault's own."""
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", live.url)
    add_notes(a, add_candidate(a), 10)
    with a.engine.connect() as conn:
        own = int(apply.driver_cursor(conn).execute("PRAGMA cache_size").fetchone()[0])
    assert -own < apply.RUN_CACHE_KIB
    sizes: list[int] = []
    during: list[int] = []

    def checkin(dbapi_conn: Any, _record: Any) -> None:
        sizes.append(int(dbapi_conn.execute("PRAGMA cache_size").fetchone()[0]))

    def cursor(conn: Any, raw: Any, statement: str, *_: Any) -> None:
        if "FROM setting" in statement and not during:  # the run's, on its connection
            during.append(int(raw.connection.execute("PRAGMA cache_size").fetchone()[0]))

    sa.event.listen(a.engine, "checkin", checkin)
    sa.event.listen(a.engine, "before_cursor_execute", cursor)
    try:
        with Transport(live.url) as t:
            report = engine.sync(a, transport=t)
    finally:
        sa.event.remove(a.engine, "checkin", checkin)
        sa.event.remove(a.engine, "before_cursor_execute", cursor)
    assert report.pushed > 10 and count(a, "outbox") == 0
    assert sizes and set(sizes) == {own}
    assert during == [-apply.RUN_CACHE_KIB]


def test_a_push_keeps_what_it_reads_in_a_page_cache_given_back_when_it_is_done(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: Any
) -> None:
    """While it pushes, the run's connection has a page cache that holds what a push
    reads (``PUSH_CACHE_KIB``): the truncate that empties the outbox at the push's end
    finds its pages there instead of reading and decrypting each again. Once the outbox
    is swept the run's own cache (``RUN_CACHE_KIB``) is back, and the pool gets the
    connection back with the vault's own."""
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", live.url)
    add_notes(a, add_candidate(a), 10)
    assert apply.PUSH_CACHE_KIB > apply.RUN_CACHE_KIB
    with a.engine.connect() as conn:
        own = int(apply.driver_cursor(conn).execute("PRAGMA cache_size").fetchone()[0])
    swept: list[tuple[bool, int]] = []
    real = engine.sweep_outbox

    def sweep(conn: sa.Connection, through: int | None = None) -> None:
        cursor = apply.driver_cursor(conn)
        full = cursor.execute("SELECT count(*) FROM outbox").fetchone()[0] > 0
        swept.append((full, int(cursor.execute("PRAGMA cache_size").fetchone()[0])))
        real(conn, through)

    monkeypatch.setattr(engine, "sweep_outbox", sweep)
    with Transport(live.url) as t:
        report = engine.sync(a, transport=t)
    assert report.pushed > 10 and count(a, "outbox") == 0
    # The sweep that empties it, with the push's cache; the run's end, with the run's.
    assert swept == [(True, -apply.PUSH_CACHE_KIB), (False, -apply.RUN_CACHE_KIB)]
    with a.engine.connect() as conn:
        assert int(apply.driver_cursor(conn).execute("PRAGMA cache_size").fetchone()[0]) == own

    # A sync with nothing to push keeps the run's cache all through.
    sized: list[int] = []
    monkeypatch.setattr(engine, "_cache_kib", lambda _conn, kib: sized.append(kib))
    with Transport(live.url) as t:
        engine.sync(a, transport=t)
    assert sized == []
