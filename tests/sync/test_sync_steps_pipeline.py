"""The window's sync in steps (``services.session.SyncRun``) with two push batches on the
wire: a lock while both are out ends the run, and the next sync sends both again with
their ids, then the rest; every change arrives once. Real vault, real server."""

from __future__ import annotations

from pathlib import Path

from spt_common import protocol as p
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import (
    PASSPHRASE,
    Admin,
    LiveServer,
    add_candidate,
    add_notes,
    bound,
    count,
    local_rows,
    window_session,
)
from tests.sync.test_push_pipeline import Watching, _stored

# Notes, each with its audit entry: four batches of p.MAX_BATCH_TAKEN or less.
NOTES = (3 * p.MAX_BATCH_TAKEN) // 2 + 200


def test_a_lock_with_two_batches_out_then_the_next_sync_sends_both_with_their_ids(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    path = tmp_path / "anna.sptvault"
    session = window_session(path, live.url)
    session.sync()  # the server says its batch size, which the vault keeps
    vault = session._vault
    add_notes(vault, add_candidate(vault), NOTES)
    waiting = count(vault, "outbox")

    run = session.sync_start()  # the first batch on the wire, the second behind it
    first = run._exchange.body["batch"]["batch_id"] if run._exchange else None
    assert run._on_the_wire is not None
    run.send()  # the first one's answer is in; the second is with the server
    second = _stored(vault, engine.S_PENDING_NEXT)
    assert _stored(vault, engine.S_PENDING) == first and second not in (None, first)
    session.lock()  # before the vault step applies the answer

    session.unlock(PASSPHRASE)
    assert count(session._vault, "outbox") == waiting  # nothing acknowledged here
    sent: list[str] = []

    class Noting(Watching):
        def sync_bytes(self, token: str, request: dict | bytes) -> bytes:  # type: ignore[type-arg]
            answer = super().sync_bytes(token, request)
            sent.extend(s["id"] for s in self.sent[len(sent) :])
            return answer

    t = Noting(live.url, session._vault)
    report = engine.sync(session._vault, transport=t)
    assert sent[:2] == [first, second]
    assert count(session._vault, "outbox") == 0
    assert report.conflicts == 0 and report.refused == 0
    b = bound(tmp_path, "b", live.url)
    with Transport(live.url) as tb:
        engine.sync(b, transport=tb)
    assert local_rows(b, "note").keys() == local_rows(session._vault, "note").keys()
    assert len(local_rows(b, "note")) == NOTES
    session.lock()
