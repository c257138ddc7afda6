"""The window's sync (in steps, ``services.session.SyncRun``) keeps two push batches on
the wire, as ``spt-desktop sync`` does: a coach's first sync after a big import sends
each next batch while the vault thread applies the answer before. Real window, real
vault, real server on loopback; the coach presses F5."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from spt_common import protocol as p
from spt_desktop.sync import engine
from tests.ui.conftest import linked_window, register_kim, settle
from tests.ui.test_sync_steps import press

pytest.importorskip("uvicorn")
from tests.support.server_kit import add_notes, count, unheard
from tests.sync.test_push_pipeline import Watching

# Notes, each with its audit entry: a first batch of p.MAX_BATCH, two of
# p.MAX_BATCH_TAKEN, and a last one.
NOTES = (p.MAX_BATCH + 2 * p.MAX_BATCH_TAKEN) // 2 + 150


def test_the_windows_sync_sends_the_next_batch_before_it_applies_the_answer(  # type: ignore[no-untyped-def]
    build_window, qtbot, server, monkeypatch
):
    window, ops = linked_window(build_window, qtbot, server.url)
    vault = unheard(ops.session._vault)  # the second waits to hear the batch size
    kim = register_kim(ops)
    add_notes(vault, kim.id, NOTES)
    waiting = count(vault, "outbox")
    watching: list[Watching] = []

    def transport(url: str) -> Watching:  # the real one, noting what went when
        watching.append(Watching(url, vault))
        return watching[-1]

    monkeypatch.setattr(engine, "Transport", transport)
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not window._syncing, timeout=60000)
    settle(qtbot, ops)
    assert "Laatst gesynchroniseerd" in window.sync_label.text()
    assert count(vault, "outbox") == 0
    sent = watching[0].sent
    ids = [c for s in sent for c in s["changes"]]
    assert len(ids) == len(set(ids)) == waiting
    assert len(sent) == 4
    # From the third batch on (the second waits to hear the server's batch size), each
    # went out while the one before was still the vault's pending batch, stored behind
    # it (failed before: the window's sync sent every batch after applying the answer
    # before, one request at a time).
    behind = sent[2:]
    assert [s["pending"] for s in behind] == [s["id"] for s in sent[1:-1]]
    assert all(s["next"] == s["id"] for s in behind)


def test_the_windows_first_sync_after_the_login_sends_the_second_batch_behind_the_first(  # type: ignore[no-untyped-def]
    build_window, qtbot, server, monkeypatch
):
    """The login kept the server's push limits (its answer says them): the window's first
    sync builds its first batch as big as the server takes, asks no page with it, and
    sends the second behind it at once. Failed before: a first batch of p.MAX_BATCH with
    a page, alone; the second after its answer (issue 13, gap16)."""
    window, ops = linked_window(build_window, qtbot, server.url)
    vault = ops.session._vault
    kim = register_kim(ops)
    add_notes(vault, kim.id, NOTES)
    waiting = count(vault, "outbox")
    watching: list[Watching] = []

    def transport(url: str) -> Watching:
        watching.append(Watching(url, vault))
        return watching[-1]

    monkeypatch.setattr(engine, "Transport", transport)
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not window._syncing, timeout=60000)
    settle(qtbot, ops)
    assert "Laatst gesynchroniseerd" in window.sync_label.text()
    assert count(vault, "outbox") == 0
    sent = watching[0].sent
    ids = [c for s in sent for c in s["changes"]]
    assert len(ids) == len(set(ids)) == waiting
    assert len(sent) == -(-waiting // p.MAX_BATCH_TAKEN)
    assert len(sent[0]["changes"]) == p.MAX_BATCH_TAKEN and sent[0]["limit"] == 0
    behind = sent[1:]
    assert [s["pending"] for s in behind] == [s["id"] for s in sent[:-1]]
    assert all(s["next"] == s["id"] for s in behind)
