"""The window's sync (in steps, ``services.session.SyncRun``) asks for a pull's pages
ahead, as ``spt-desktop sync`` does (``engine.PagesAhead``; issue 13, round 14): the
request for page n + 1 goes out while the vault thread still applies page n, so on a
field link a page no longer waits a round trip after the page before it. Each page is
still applied by its own vault step, in one transaction with its cursor, so a lock in
the middle of the pull (the window's way to stop a sync) leaves the vault with exactly
the pages applied and their cursor, and ends the run's network thread and connection.
Real window, real vaults, a real server on loopback; the vault steps slowed so that the
order is certain; the coach presses F5."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.ui.conftest import linked_window, settle, unlock_again
from tests.ui.test_sync_steps import press

pytest.importorskip("uvicorn")
from tests.support.server_kit import add_candidate, add_notes, bound, count

NOTES = 600
PAGE = 100


class _Watch:
    """What went when: the requests of the window's sync ("sent", n) and its vault steps'
    applies ("begin" / "end", n), with each applied page's notes and cursor."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, slow: float) -> None:
        self.events: list[tuple[str, int]] = []
        self.notes: list[int] = []  # notes in each page applied, in order
        self.cursors: list[str] = []  # the cursor each applied page set
        self.syncers: list[engine.Syncer] = []
        self._lock = threading.Lock()
        watch = self
        sync, apply = Transport.sync, engine.Syncer.apply

        class Small(engine.Syncer):  # the window's Syncer, in small pages
            def __init__(self, vault: Any, transport: Any = None, *, page: int = PAGE) -> None:
                super().__init__(vault, transport, page=page)
                watch.syncers.append(self)

        def sending(self: Transport, *args: Any, **kwargs: Any) -> Any:
            watch._note("sent")
            return sync(self, *args, **kwargs)

        def applying(self: engine.Syncer, answer: engine.Answer) -> engine.Exchange | None:
            n = watch._note("begin")
            time.sleep(slow)  # a slow vault: the server's next pages are ready meanwhile
            following = apply(self, answer)
            resp = answer.response
            if resp is not None and resp.pull.records:
                watch.notes.append(sum(r["entity"] == "note" for r in resp.pull.records))
                watch.cursors.append(resp.pull.cursor)
            with watch._lock:
                watch.events.append(("end", n))
            return following

        monkeypatch.setattr(engine, "Syncer", Small)
        monkeypatch.setattr(Transport, "sync", sending)
        monkeypatch.setattr(engine.Syncer, "apply", applying)

    def _note(self, what: str) -> int:
        with self._lock:
            n = sum(1 for w, _ in self.events if w == what) + 1
            self.events.append((what, n))
            return n

    def at(self, what: str) -> dict[int, int]:
        with self._lock:
            return {n: i for i, (w, n) in enumerate(self.events) if w == what}


def _colleague(tmp_path: Path, url: str) -> None:
    """Anna's other laptop puts a candidate with NOTES notes on the server."""
    other = bound(tmp_path, "other", url)
    add_notes(other, add_candidate(other), NOTES)
    with Transport(url) as t:
        engine.sync(other, transport=t)
    other.lock()


def _net_threads(before: set[threading.Thread]) -> list[threading.Thread]:
    """The client's network threads started since ``before`` (the server on loopback
    has threads of its own of that name)."""
    return [t for t in threading.enumerate() if t.name.startswith("spt-sync") and t not in before]


def _setting(vault: Any, key: str) -> str | None:
    with vault.engine.connect() as c:
        row = c.exec_driver_sql("SELECT value FROM setting WHERE key = ?", (key,)).first()
    return None if row is None else str(row[0])


def test_the_windows_sync_asks_for_the_next_page_while_it_applies_a_page(  # type: ignore[no-untyped-def]
    build_window, qtbot, server, tmp_path, monkeypatch
):
    _colleague(tmp_path, server.url)
    window, ops = linked_window(build_window, qtbot, server.url)
    vault = ops.session._vault
    watch = _Watch(monkeypatch, slow=0.05)
    before = set(threading.enumerate())
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not window._syncing, timeout=60000)
    settle(qtbot, ops)
    assert "Laatst gesynchroniseerd" in window.sync_label.text()
    assert count(vault, "note") == NOTES == sum(watch.notes)
    asked, began, ended = watch.at("sent"), watch.at("begin"), watch.at("end")
    pages = len(ended)
    assert pages >= 6
    assert len(asked) == pages  # one request a page: every page asked for was wanted
    # The request for page n + 1 went out before page n's vault step ended (failed
    # before: the window asked for a page only after the step before it), and for page
    # n + 2 too, for some n: pages ahead, not only the one after.
    assert any(asked[n + 1] < ended[n] for n in range(1, pages))
    assert any(asked[n + 2] < ended[n] for n in range(1, pages - 1))
    assert all(began[n] < ended[n] < began[n + 1] for n in range(1, pages))  # in order
    assert not vault.integrity_problems()
    qtbot.waitUntil(lambda: not _net_threads(before), timeout=20000)  # the run's, ended


def test_a_lock_in_the_middle_of_the_pull_leaves_its_pages_and_their_cursor(  # type: ignore[no-untyped-def]
    build_window, qtbot, server, tmp_path, monkeypatch
):
    _colleague(tmp_path, server.url)
    window, ops = linked_window(build_window, qtbot, server.url)
    watch = _Watch(monkeypatch, slow=0.1)
    before = set(threading.enumerate())
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(watch.at("end")) >= 2, timeout=60000)
    window.lock()  # the coach locks (or the laptop sleeps) while the pull goes on
    settle(qtbot, ops)
    assert not window._syncing and not ops.session.is_unlocked
    # The run is over: no request of it goes out any more, its network thread ended
    # (after the request on the wire), its transport closed, its connection given back.
    qtbot.waitUntil(lambda: not _net_threads(before), timeout=20000)
    (syncer,) = watch.syncers
    assert syncer.transport is not None and syncer.transport._client.is_closed
    sent = len(watch.at("sent"))
    applied = len(watch.at("end"))
    assert 2 <= applied < sent + 1 and applied < 7  # stopped in the middle

    unlock_again(window, ops, qtbot)
    vault = ops.session._vault
    # Exactly the pages applied, each with its cursor: the last one's is the vault's.
    assert count(vault, "note") == sum(watch.notes)
    assert _setting(vault, engine.S_CURSOR) == watch.cursors[-1]
    assert not vault.integrity_problems()
    assert len(watch.at("sent")) == sent  # nothing went out after the lock

    # The next sync goes on from that cursor and ends with every note, once.
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not window._syncing, timeout=60000)
    settle(qtbot, ops)
    assert "Laatst gesynchroniseerd" in window.sync_label.text()
    assert count(vault, "note") == NOTES == sum(watch.notes)
    assert not vault.integrity_problems()
