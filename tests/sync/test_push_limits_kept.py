"""The batch size the server said last is kept in the vault (``engine.S_LIMITS``): the
next sync (a new process, a new transport) builds its first batch that big and sends the
second behind it at once. Real vaults, a real server on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest

from spt_common import protocol as p
from spt_desktop.sync import engine
from spt_desktop.sync.transport import SyncError, Transport
from tests.support.server_kit import (
    Admin,
    LiveServer,
    add_candidate,
    add_notes,
    bound,
    count,
    local_rows,
)
from tests.sync.test_push_pipeline import Watching

# Notes, each with its audit entry: more than one full batch of p.MAX_BATCH_TAKEN.
NOTES = p.MAX_BATCH_TAKEN // 2 + 300


def _kept(vault: object) -> str | None:
    with vault.engine.connect() as conn:  # type: ignore[attr-defined]
        row = conn.exec_driver_sql(
            "SELECT value FROM setting WHERE key = ?", (engine.S_LIMITS,)
        ).scalar()
    return None if row is None else str(row)


def test_the_next_sync_starts_with_the_batch_size_the_server_said(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", live.url)
    assert _kept(a) is None
    with Transport(live.url) as t:
        engine.sync(a, transport=t)  # nothing to push: the answer says the limits
        said = t.batch_limits()
    assert _kept(a) == f"{p.MAX_BATCH_TAKEN} {said[1] + 16 * 1024} 1"
    add_notes(a, add_candidate(a), NOTES)
    waiting = count(a, "outbox")
    t = Watching(live.url, a)  # as a new process: a transport that heard nothing yet
    with t:
        report = engine.sync(a, transport=t)
    assert report.pushed == waiting and report.refused == 0
    # The first batch as big as the server takes, the second sent while the first was
    # still pending, stored behind it, with no page (failed before: a first batch of
    # p.MAX_BATCH, sent alone; the second went after its answer).
    assert len(t.sent[0]["changes"]) == p.MAX_BATCH_TAKEN
    assert t.sent[1]["pending"] == t.sent[0]["id"] and t.sent[1]["next"] == t.sent[1]["id"]
    assert t.sent[0]["limit"] == 0 or len(t.sent) == 2
    assert report.requests == len(t.sent) == -(-waiting // p.MAX_BATCH_TAKEN)
    b = bound(tmp_path, "b", live.url)
    with Transport(live.url) as tb:
        engine.sync(b, transport=tb)
    assert local_rows(b, "note").keys() == local_rows(a, "note").keys()


def test_a_vault_that_never_heard_the_limits_sends_the_size_every_server_takes(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", live.url)
    add_notes(a, add_candidate(a), NOTES)
    t = Watching(live.url, a)
    with t:
        engine.sync(a, transport=t)
    assert len(t.sent[0]["changes"]) == p.MAX_BATCH
    # Sent after the first was answered: the pending batch itself, not one behind it.
    assert t.sent[1]["pending"] == t.sent[1]["id"]
    assert _kept(a) is not None


def test_kept_limits_the_server_no_longer_takes_cost_one_sync_then_it_goes(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """Limits kept from a server that took more than this one: the first batch is
    refused whole (nothing of it applied); it is dropped with the limits, and the next
    sync builds by what the server says and pushes everything."""
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", live.url)
    add_notes(a, add_candidate(a), NOTES)
    waiting = count(a, "outbox")
    with engine.remote_connection(a) as conn:
        engine._put(conn, {engine.S_LIMITS: f"{p.MAX_BATCH_TAKEN + 500} 8388608 1"})
    with Transport(live.url) as t, pytest.raises(SyncError):
        engine.sync(a, transport=t)
    assert _kept(a) is None and count(a, "outbox") == waiting
    with Transport(live.url) as t:
        report = engine.sync(a, transport=t)
    assert report.pushed == waiting and count(a, "outbox") == 0
    assert _kept(a) is not None
