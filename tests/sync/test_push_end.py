"""A push's end overlaps the pages still to come (issue 13, helper "pushgap"): once the
last batch is answered, its outbox entries are swept in that answer's transaction and the
WAL the run wrote is checkpointed while the next page is on the wire, not after the last
page (a 10k first push: ~0.6 s after its last answer, with the server idle). Real vaults,
a real server on loopback."""

from __future__ import annotations

import json
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from spt_common import protocol as p
from spt_desktop import demo
from spt_desktop.models.vault import Vault
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import Admin, LiveServer, add_candidate, add_notes, count
from tests.sync.test_pull_checkpoint import _wal_restarts
from tests.sync.test_pull_client_cpu import bound

NOTES = p.MAX_BATCH_TAKEN // 2 + 300  # two batches, with their audit entries


class Noting(Transport):
    """The real transport; notes, as each request goes out, whether it carries a batch,
    the outbox entries the vault has committed and how often its WAL has started again
    after a checkpoint."""

    def __init__(self, url: str, vault: Vault) -> None:
        super().__init__(url)
        self.vault = vault
        self.seen: list[tuple[bool, int, int]] = []
        # Held while it reads the vault (``alone``).
        self.reading = threading.Lock()

    def sync_bytes(self, token: str, request: dict[str, Any] | bytes) -> bytes:
        body = json.loads(request) if isinstance(request, bytes) else request
        with self.reading:
            outbox = count(self.vault, "outbox")
            self.seen.append((body.get("batch") is not None, outbox, _wal_restarts(self.vault)))
        return super().sync_bytes(token, request)


def alone(t: Noting, monkeypatch: pytest.MonkeyPatch) -> None:
    """The run's early checkpoint (``Syncer._checkpoint_early``) never overlaps the
    test's own read of the vault (``Noting``, on the network thread): a reader in the
    WAL keeps a PASSIVE checkpoint from copying all of it (as it should), and under load
    the read came at that moment now and then, so that the WAL did not start again (the
    test failed at ``after[-1][2] > pushes[-1][2]``). When the test reads is not what it
    tests."""
    checkpoint = engine.Syncer._checkpoint_early

    def checkpoint_alone(self: engine.Syncer) -> None:
        with t.reading:
            checkpoint(self)

    monkeypatch.setattr(engine.Syncer, "_checkpoint_early", checkpoint_alone)


def test_a_push_is_swept_and_checkpointed_while_the_last_pages_come(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Failed before: the outbox held every pushed entry, and the WAL every page the run
    wrote, until the run's last page was applied."""
    monkeypatch.setattr(engine, "PULL_TX_RECORDS", 50)  # a commit per page of 50
    admin.add_coach("anna@spt.nl", roles="loopbaancoach,arbeidsmarktcoach,jobcoach")
    laptop = bound(tmp_path, "laptop", live.url)
    with Transport(live.url) as t:
        engine.sync(laptop, transport=t)  # the server says its batch size
    source = bound(tmp_path, "bron", live.url)  # pages for the laptop to pull after it
    # Enough pages that the last ones are asked for well after the push's end, also
    # with the pages the network thread asks for ahead of the vault (round 13).
    demo.fill_vault(source, 12, 7, date(2026, 11, 30))
    with Transport(live.url) as t:
        engine.sync(source, transport=t)
    source.lock()
    add_notes(laptop, add_candidate(laptop), NOTES)
    waiting = count(laptop, "outbox")
    t = Noting(live.url, laptop)
    alone(t, monkeypatch)
    with t:
        report = engine.sync(laptop, transport=t, page=50)
    assert report.pushed == waiting and report.conflicts == 0
    pushes = [seen for seen in t.seen if seen[0]]
    after = t.seen[len(pushes) :]
    assert len(pushes) >= 2 and not any(seen[0] for seen in after)
    # Pages asked for once the push was done: more than the run asks ahead, so some go
    # out after the last batch's answer was applied.
    ahead = engine.PAGES_AHEAD
    assert len(after) >= ahead + 2
    assert all(outbox == waiting for _, outbox, _ in pushes)  # swept once, not per batch
    # Swept with the last batch's results: before the page after the ones the network
    # thread asks for ahead of the vault (round 13: two; the second page after the push
    # went out while its answer was still being applied) was asked.
    assert [outbox for _, outbox, _ in after[ahead:]] == [0] * (len(after) - ahead)
    # Checkpointed then: the next page's commit started the WAL again, before the last
    # page was asked (the run checkpoints nothing else before its end).
    assert after[-1][2] > pushes[-1][2]
    assert count(laptop, "outbox") == 0
    with laptop.engine.connect() as conn:
        busy, frames, done = conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
    assert busy == 0 and done == frames  # the run's end checkpointed the rest
    laptop.lock()
