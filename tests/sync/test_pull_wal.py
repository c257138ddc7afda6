"""A sync that grew the vault's WAL past the connection's own bound leaves no WAL file of
that size behind (issue 13, round 18). A run lets the WAL grow to ``RUN_WAL_PAGES`` and
checkpoints it at its end (``test_pull_checkpoint``); SQLite then reuses the file from
its start but never makes it smaller, so a 10k first pull left 187 MB beside a vault of
183 MB (the window's steps 205 MB) until the vault locked: all day, in a window left
open. Now the run's end cuts it back once its last commit has checkpointed it; a small
sync's WAL, under the bound, is left for a later commit's checkpoint, as before. Real
vaults, a real server on loopback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from spt_desktop.models.vault import Vault
from spt_desktop.services.session import VaultSession
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import PASSPHRASE, PASSWORD, Admin, LiveServer, count, make_vault
from tests.sync.test_pull_checkpoint import SMALL_WAL, _small_wal, _wal_frames, _wal_restarts
from tests.sync.test_pull_client_cpu import bound, served_caseload

# A WAL frame: its header and one page of the vault.
FRAME = engine.WAL_PAGE + engine.WAL_FRAME_HEADER


def _wal_size(vault: Vault) -> int:
    try:
        return os.stat(f"{vault.path}-wal").st_size
    except FileNotFoundError:
        return 0


def _whole(vault: Vault) -> None:
    """The vault's pages and indexes as they should be after the checkpoint and cut."""
    with vault.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == SMALL_WAL


def test_a_runs_wal_is_cut_back_once_its_end_has_checkpointed_it(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "PULL_TX_RECORDS", 50)  # a commit per page of 50
    served_caseload(tmp_path, admin, live, 8)
    laptop = bound(tmp_path, "laptop", live.url)
    _small_wal(laptop)
    largest = 0
    commit = engine.Syncer._commit_open

    def noting(self: engine.Syncer) -> None:
        nonlocal largest
        commit(self)
        largest = max(largest, _wal_size(laptop))

    monkeypatch.setattr(engine.Syncer, "_commit_open", noting)
    with Transport(live.url) as t:
        report = engine.sync(laptop, transport=t, page=50)
    assert report.pulled > 250 and report.requests >= 6
    # The run's WAL grew past the connection's own bound (none checkpointed it before
    # the end) ...
    assert largest > 4 * SMALL_WAL * FRAME
    # ... and is gone once the end checkpointed it (failed before: left at its largest).
    assert _wal_size(laptop) == 0
    pulled = count(laptop, "candidate")
    _whole(laptop)
    laptop.lock()
    again = Vault(laptop.path)
    again.unlock(PASSPHRASE)
    assert count(again, "candidate") == pulled == 8
    again.lock()


def test_the_windows_steps_leave_no_big_wal_either(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's sync in steps (``SyncRun``) ends by the same ``_flush``."""
    served_caseload(tmp_path, admin, live, 8)
    path = tmp_path / "window.sptvault"
    make_vault(path).lock()
    session = VaultSession(path)
    session.unlock(PASSPHRASE)
    session.login(live.url, "anna@spt.nl", PASSWORD)
    vault = session._vault
    _small_wal(vault)
    syncer = engine.Syncer
    monkeypatch.setattr(engine, "Syncer", lambda vault: syncer(vault, page=50))  # pages
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
    """A WAL the run left under the connection's own bound is neither checkpointed nor
    cut by the run's end: a few changes cost no copy and no sync of the vault file."""
    served_caseload(tmp_path, admin, live, 1)
    laptop = bound(tmp_path, "laptop", live.url)
    restarts = _wal_restarts(laptop)
    with Transport(live.url) as t:
        report = engine.sync(laptop, transport=t)
    assert 0 < report.pulled
    assert 0 < _wal_size(laptop) <= 1000 * FRAME  # SQLite's own bound, the connections'
    assert _wal_restarts(laptop) == restarts
    frames, copied = _wal_frames(laptop)
    assert copied < frames  # the run's frames wait for a later commit's checkpoint
    laptop.lock()
