"""A sync run works ahead of the server (issue 13): the next batch is built while one is
on the wire, the next page asked for while one is applied, and the run's commits are
flushed to disk once, at its end. Real vaults, a real server on loopback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

from spt_common import protocol as p
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import (
    Admin,
    LiveServer,
    add_candidate,
    add_notes,
    bound,
    count,
    edit,
    local_rows,
    unheard,
)

# Notes (each with its audit entry) for several push batches.
NOTES = p.MAX_BATCH + 100
FULL = 2


def test_a_run_pushes_and_pulls_everything_with_no_request_wasted(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    a, b = unheard(bound(tmp_path, "a", live.url)), bound(tmp_path, "b", live.url)
    add_notes(a, add_candidate(a), NOTES)
    waiting = count(a, "outbox")  # the notes, the candidate, her assignment, the audit
    with Transport(live.url) as t:
        pushed = engine.sync(a, transport=t)
    assert count(a, "outbox") == 0
    assert pushed.pushed == waiting
    # One request per batch (each built while the one before was on the wire; the first
    # as any server takes it, the rest as big as this one said it takes); the pages came
    # with them.
    assert pushed.requests == 1 + -(-(waiting - p.MAX_BATCH) // p.MAX_BATCH_TAKEN)
    with Transport(live.url) as t:
        pulled = engine.sync(b, transport=t, page=250)
    assert len(local_rows(b, "note")) == NOTES
    # Every page asked for ahead was the page wanted: one request per page.
    assert pulled.requests == -(-pulled.pulled // 250)
    assert not b.integrity_problems()


def _note_changes(exchange: engine.Exchange) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in exchange.body["batch"]["changes"] if c["entity"] == "note"}


def _second_batch(
    tmp_path: Path, live: LiveServer, *, edit_meanwhile: bool
) -> tuple[dict[str, Any], engine.Exchange, engine.Exchange, str]:
    """The steps of ``run()`` for a vault with several batches to push, up to the second
    request: (the batch built ahead, the first request, the second, a note of the batch
    built ahead), the note edited by the coach while the first batch was on the wire
    when ``edit_meanwhile``."""
    vault = bound(tmp_path, "a", live.url)
    transport = Transport(live.url)
    engine.sync(vault, transport=transport)  # the server says how big a batch it takes
    add_notes(vault, add_candidate(vault), p.MAX_BATCH_TAKEN + 100)
    syncer = engine.Syncer(vault, transport)
    try:
        with syncer._holding():  # run()'s one connection
            first = syncer.begin()
            assert first is not None
            syncer._prebuild(first)  # while the first batch is on the wire
            assert syncer._next is not None and syncer._next.batch is not None
            ahead = syncer._next.batch
            target = next(iter(_note_changes(engine.Exchange(ahead))))
            if edit_meanwhile:
                edit(vault, "note", target, text="Bijgewerkt tijdens de sync")
            second = syncer.apply(syncer.send(first))
    finally:
        syncer.close()
    assert second is not None
    return ahead, first, second, target


def test_the_batch_built_ahead_is_sent_when_nothing_changed_meanwhile(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    ahead, first, second, _ = _second_batch(tmp_path, live, edit_meanwhile=False)
    assert second.body["batch"]["batch_id"] == ahead["batch"]["batch_id"]
    assert not set(_note_changes(first)) & set(_note_changes(second))


def test_the_batch_built_ahead_is_dropped_when_the_vault_changed_meanwhile(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    ahead, _, second, target = _second_batch(tmp_path, live, edit_meanwhile=True)
    assert second.body["batch"]["batch_id"] != ahead["batch"]["batch_id"]
    assert _note_changes(second)[target]["fields"]["text"] == "Bijgewerkt tijdens de sync"


def test_a_run_leaves_every_connection_in_the_vaults_durable_mode(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", live.url)
    add_notes(a, add_candidate(a), 10)
    modes: list[int] = []

    @sa.event.listens_for(a.engine, "checkin")
    def _mode(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        modes.append(int(cur.execute("PRAGMA synchronous").fetchone()[0]))
        cur.close()

    with Transport(live.url) as t:
        report = engine.sync(a, transport=t)
    assert report.pushed > 10 and count(a, "outbox") == 0
    assert modes and set(modes) == {FULL}
    with a.engine.connect() as conn:
        last = conn.exec_driver_sql(
            "SELECT value FROM setting WHERE key = ?", (engine.S_LAST_SYNC,)
        ).scalar()
    assert last is not None
