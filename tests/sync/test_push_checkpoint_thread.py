"""The WAL of a run that pushes is copied into the vault by a thread of its own while the
push goes on (issue 13, round 19, helper "end19"): before, the whole push's WAL (a 10k
first push: ~38,500 frames, ~150 MB) was copied on the vault thread after the last
answer, with the server idle (~0.3 s of the push's end on a quiet machine). Real vaults,
a real server on loopback."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import (
    Admin,
    LiveServer,
    add_candidate,
    add_notes,
    bound,
    count,
    local_rows,
)

BATCH = 100  # changes a batch: a dozen batches of the notes below
NOTES = 600  # each with its audit entry
COPY_BEFORE = 8  # the batch whose request waits for the thread's first copy


class Small(Transport):
    """The real transport, with batches of ``BATCH`` changes; the ``COPY_BEFORE``-th
    batch goes out only once the checkpoint thread has copied (or after a minute without
    a copy: the test then fails on ``waited``)."""

    def __init__(self, url: str, copied: threading.Event) -> None:
        super().__init__(url)
        self.copied = copied
        self.batches = 0
        self.waited: bool | None = None  # the copy came before that batch went out

    def batch_limits(self) -> tuple[int, int]:
        return BATCH, super().batch_limits()[1]

    def sync_bytes(self, token: str, request: dict[str, Any] | bytes) -> bytes:
        body = json.loads(request) if isinstance(request, bytes) else request
        if body.get("batch") is not None:
            self.batches += 1
            if self.batches == COPY_BEFORE:
                self.waited = self.copied.wait(60)
        return super().sync_bytes(token, request)


def test_a_push_copies_its_wal_into_the_vault_while_it_goes_on(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Failed before: no copy was made before the push's last answer (``waited`` False
    after a minute), and none on a thread of its own."""
    monkeypatch.setattr(engine, "CHECKPOINT_EVERY", 2, raising=False)  # before: none
    admin.add_coach("anna@spt.nl")
    laptop, other = bound(tmp_path, "laptop", live.url), bound(tmp_path, "other", live.url)
    add_notes(laptop, add_candidate(laptop), NOTES)
    waiting = count(laptop, "outbox")
    copied = threading.Event()
    copies: list[tuple[str, tuple[int, int, int]]] = []
    checkpoint = getattr(engine, "Checkpointer", None)
    if checkpoint is not None:
        copy = checkpoint._checkpoint

        def noted(self: Any, raw: Any) -> Any:
            row = copy(self, raw)
            copies.append((threading.current_thread().name, tuple(row)))
            copied.set()
            return row

        monkeypatch.setattr(checkpoint, "_checkpoint", noted)
    t = Small(live.url, copied)
    with t:
        report = engine.sync(laptop, transport=t)
    assert report.pushed == waiting and report.conflicts == 0
    assert t.batches > COPY_BEFORE
    assert t.waited is True
    # Copied on the thread, with frames of the push in the vault file.
    assert {name for name, _ in copies} == {"spt-vault-checkpoint"}
    assert any(done > 0 for _, (_, _, done) in copies)
    # The thread is gone, its connection back in the pool; the run's last commit
    # copied the rest: nothing left in the WAL to copy.
    assert not [th for th in threading.enumerate() if th.name == "spt-vault-checkpoint"]
    with laptop.engine.connect() as conn:
        busy, frames, done = conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
    assert busy == 0 and done == frames
    assert count(laptop, "outbox") == 0
    assert not laptop.integrity_problems()
    laptop.lock()
    # Everything pushed reached the server (another device pulls it).
    with Transport(live.url) as t2:
        engine.sync(other, transport=t2)
    assert len(local_rows(other, "note")) == NOTES
    other.lock()


def test_a_small_push_makes_no_checkpoint_thread(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync of a few changes (the common case) answers in fewer commits than
    ``CHECKPOINT_EVERY``: no thread, no second connection."""
    made: list[object] = []
    if hasattr(engine, "Checkpointer"):
        real = engine.Checkpointer

        def making(vault: Any) -> Any:
            made.append(vault)
            return real(vault)

        monkeypatch.setattr(engine, "Checkpointer", making)
    admin.add_coach("anna@spt.nl")
    laptop = bound(tmp_path, "laptop", live.url)
    add_notes(laptop, add_candidate(laptop), 10)
    waiting = count(laptop, "outbox")
    with Transport(live.url) as t:
        report = engine.sync(laptop, transport=t)
    assert report.pushed == waiting
    assert made == []
    assert count(laptop, "outbox") == 0
    laptop.lock()
