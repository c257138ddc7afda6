"""A sync that grew the vault's WAL past the connection's own bound leaves no WAL file of
that size behind (issue 13, round 18). A run lets the WAL grow to ``RUN_WAL_PAGES`` and
checkpoints it at its end (``test_pull_checkpoint``); SQLite then reuses the file from
its start but never makes it smaller, so the window's 10k first pull left 205 MB beside
a vault of 183 MB until the vault locked: all day, in a window left open. Now the
window's sync cuts it back once its last commit has checkpointed it; a small sync's WAL,
under the bound, is left for a later commit's checkpoint, as before; `spt-desktop sync`
leaves it to the lock that follows. Real vaults, a real server on loopback."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from spt_desktop.models.vault import Vault
from spt_desktop.services.session import VaultSession
from spt_desktop.sync import engine
from spt_desktop.sync.apply import driver_cursor
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import (
    PASSPHRASE,
    Admin,
    LiveServer,
    count,
    window_session,
)
from tests.sync.test_pull_checkpoint import SMALL_WAL, _small_wal, _wal_restarts
from tests.sync.test_pull_client_cpu import bound, served_caseload

# A WAL frame: its header and one page of the vault.
FRAME = engine.WAL_PAGE + engine.WAL_FRAME_HEADER


def _wal_size(vault: Vault) -> int:
    try:
        return os.stat(f"{vault.path}-wal").st_size
    except FileNotFoundError:
        return 0


def _wal_frames(vault: Vault) -> tuple[int, int]:
    """The WAL's frames and how many of them are copied into the vault (the WAL index's
    ``mxFrame`` and ``nBackfill``: the ``-shm`` file's header, sqlite.org/walformat.html)."""
    head = Path(f"{vault.path}-shm").read_bytes()[:136]
    (frames,) = struct.unpack("=I", head[16:20])
    (copied,) = struct.unpack("=I", head[96:100])
    return frames, copied


def _whole(vault: Vault) -> None:
    """The vault's pages and indexes as they should be after the checkpoint and cut."""
    with vault.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == SMALL_WAL


def _window(tmp_path: Path, live: LiveServer) -> VaultSession:
    return window_session(tmp_path / "window.sptvault", live.url)


def _paged_window(
    tmp_path: Path,
    admin: Admin,
    live: LiveServer,
    monkeypatch: pytest.MonkeyPatch,
    candidates: int = 8,
) -> VaultSession:
    """A window's session of a coach with ``candidates`` on the server, its vault's WAL
    bound small (``_small_wal``), its pull in pages of 50."""
    served_caseload(tmp_path, admin, live, candidates)
    session = _window(tmp_path, live)
    _small_wal(session._vault)
    syncer = engine.Syncer
    monkeypatch.setattr(engine, "Syncer", lambda vault: syncer(vault, page=50))  # pages
    return session


def test_the_windows_sync_cuts_its_wal_back_once_its_end_has_checkpointed_it(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = _paged_window(tmp_path, admin, live, monkeypatch)
    vault = session._vault
    run = session.sync_start()
    grew = 0
    while not run.finished:
        run.send()
        session.sync_step(run)
        grew = max(grew, _wal_size(vault))
    assert run.report["pulled"] > 250
    assert grew > 4 * SMALL_WAL * FRAME  # one commit a page: past the bound
    assert _wal_size(vault) == 0  # failed before: left at its largest
    assert count(vault, "candidate") == 8
    _whole(vault)
    session.lock()


def test_a_small_syncs_wal_is_not_checkpointed_by_its_end(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """A WAL the window's sync left under the connection's own bound is neither
    checkpointed nor cut by its end: a few changes cost no copy and no sync of the vault
    file."""
    served_caseload(tmp_path, admin, live, 1)
    session = _window(tmp_path, live)
    vault = session._vault
    restarts = _wal_restarts(vault)
    run = session.sync_start()
    while not run.finished:
        run.send()
        session.sync_step(run)
    assert run.report["pulled"] > 0
    assert 0 < _wal_size(vault) <= 1000 * FRAME  # SQLite's own bound, the connections'
    assert _wal_restarts(vault) == restarts
    frames, copied = _wal_frames(vault)
    assert copied < frames  # the run's frames wait for a later commit's checkpoint
    session.lock()


def test_engine_sync_leaves_its_wal_to_the_lock_that_follows_it(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """``run()`` (`spt-desktop sync`, which locks the vault right after) does not cut
    the WAL: its end would wait for the file system; the lock removes it."""
    served_caseload(tmp_path, admin, live, 8)
    laptop = bound(tmp_path, "laptop", live.url)
    _small_wal(laptop)
    with Transport(live.url) as t:
        report = engine.sync(laptop, transport=t)
    assert report.pulled > 250
    assert _wal_size(laptop) > 4 * SMALL_WAL * FRAME
    laptop.lock()
    assert not Path(f"{laptop.path}-wal").exists()
    again = Vault(laptop.path)
    again.unlock(PASSPHRASE)
    assert count(again, "candidate") == 8
    again.lock()


def test_the_windows_sync_checkpoints_its_wal_at_the_steps_own_bound(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's steps let the WAL grow to ``STEPS_WAL_PAGES`` (64 MiB), not to a
    run's ``RUN_WAL_PAGES`` (256 MiB): past it, SQLite checkpoints it after the next
    commit and the WAL starts again from its beginning, while the sync goes on (its
    10k first pull: 205 -> 75 MB at most)."""
    # (not raising: before, the steps took the run's bound, which this test shows)
    monkeypatch.setattr(engine, "STEPS_WAL_PAGES", 4 * SMALL_WAL, raising=False)
    # 24 candidates: the pull's frames pass the bound several times (8 passed it about
    # once, and in one run of five the WAL had not started again by the last step).
    session = _paged_window(tmp_path, admin, live, monkeypatch, candidates=24)
    vault = session._vault
    restarts = _wal_restarts(vault)
    run = session.sync_start()
    bounds: set[int] = set()
    started_again = 0
    while not run.finished:
        run.send()
        session.sync_step(run)
        conn = run._syncer._conn
        if conn is not None:  # the steps' connection, between two steps
            raw = driver_cursor(conn)  # no transaction left open between the steps
            bounds.add(raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
            started_again = max(started_again, _wal_restarts(vault) - restarts)
    assert run.report["pulled"] > 250
    assert bounds == {4 * SMALL_WAL}  # failed before: RUN_WAL_PAGES
    assert started_again >= 1  # checkpointed and started again before the end
    assert count(vault, "candidate") == 24
    _whole(vault)
    session.lock()
