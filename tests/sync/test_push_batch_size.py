"""Fewer, bigger push batches (issue 13): the server says in every sync answer how big a
batch it takes, and the client fills its batches up to it, in changes and in bytes.
Real vaults, a real server on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pydantic_core

from spt_common import protocol as p
from spt_desktop.sync import engine
from spt_desktop.sync.apply import build_batch
from spt_desktop.sync.transport import BODY_ROOM, Transport
from spt_server.app import MAX_BODY
from tests.support.server_kit import (
    Admin,
    LiveServer,
    add_candidate,
    add_notes,
    bound,
    count,
    local_rows,
)


def test_a_run_fills_its_batches_up_to_what_the_server_takes(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    a, b = bound(tmp_path, "a", live.url), bound(tmp_path, "b", live.url)
    add_notes(a, add_candidate(a), p.MAX_BATCH_TAKEN)
    waiting = count(a, "outbox")  # the notes and their audit entries, the candidate, ...
    assert waiting > p.MAX_BATCH + p.MAX_BATCH_TAKEN
    with Transport(live.url) as t:
        assert t.batch_limits() == (p.MAX_BATCH, t.max_body - BODY_ROOM)  # not said yet
        pushed = engine.sync(a, transport=t)
        # The server said what it takes in its first answer.
        assert t.batch_limits() == (p.MAX_BATCH_TAKEN, MAX_BODY - BODY_ROOM)
    assert count(a, "outbox") == 0
    assert pushed.pushed == waiting
    # The first batch as any server takes it, then batches as big as this one takes.
    assert pushed.requests == 1 + -(-(waiting - p.MAX_BATCH) // p.MAX_BATCH_TAKEN)
    with Transport(live.url) as t:
        engine.sync(b, transport=t)
    assert len(local_rows(b, "note")) == p.MAX_BATCH_TAKEN
    assert not b.integrity_problems()


def test_a_batch_of_large_records_stays_within_the_bytes_the_server_takes(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    a, b = bound(tmp_path, "a", live.url), bound(tmp_path, "b", live.url)
    long_text = "Uitgebreid verslag van het gesprek. " * 300  # ~11 KB a note
    add_notes(a, add_candidate(a), 60, long_text)
    budget = 100_000
    seen: list[str] = []
    after = 0
    with a.engine.connect() as conn:
        while batch := build_batch(conn, p.MAX_BATCH_TAKEN, after=after, max_bytes=budget):
            changes = batch["batch"]["changes"]
            assert changes
            assert len(pydantic_core.to_json(list(changes))) <= budget
            seen += [c["id"] for c in changes]
            after = batch["max_seq"]
        unbounded = build_batch(conn, p.MAX_BATCH_TAKEN)
    assert unbounded is not None
    whole = [c["id"] for c in unbounded["batch"]["changes"]]
    # Split by size into several batches, in the outbox's order, nothing lost or twice.
    assert len(json.dumps(list(unbounded["batch"]["changes"]))) > 5 * budget
    assert sorted(seen) == sorted(whole) and len(seen) == len(set(seen))
    # One record larger than the budget still goes, alone.
    with a.engine.connect() as conn:
        alone = build_batch(conn, p.MAX_BATCH_TAKEN, max_bytes=10)
    assert alone is not None and len(alone["batch"]["changes"]) == 1
    # And the whole outbox still reaches the other device through the server.
    with Transport(live.url) as t:
        engine.sync(a, transport=t)
    with Transport(live.url) as t:
        engine.sync(b, transport=t)
    assert len(local_rows(b, "note")) == 60
