"""A run's commits are checkpointed into the vault once, at the run's end (issue 13,
round 6): SQLite checkpoints the WAL after every commit that leaves it over its limit,
with an fsync of the WAL and one of the database each time, and the next commit starts
the WAL again from its beginning. A 10k first pull made 157 fsyncs (2.7 s of waiting);
with one checkpoint at the end, 88 (0.9 s). Real vaults, a real server on loopback."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from spt_desktop.models.vault import Vault
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import Admin, LiveServer
from tests.sync.test_pull_client_cpu import bound, served_caseload

# The autocheckpoint of the vault's connections in these tests (pages): far below
# SQLite's 1,000, so that a small pull's commits each pass it.
SMALL_WAL = 20


def _wal_restarts(vault: Vault) -> int:
    """How many times the vault's WAL has started again from its beginning after a
    checkpoint: the WAL header's checkpoint sequence number (big-endian, bytes 12-15;
    SQLCipher encrypts the frames' pages, not the header). No WAL yet: none."""
    wal = Path(f"{vault.path}-wal")
    header = wal.read_bytes()[:32] if wal.exists() else b""
    if len(header) < 32:
        return 0
    magic, _version, _page, restarts = struct.unpack(">IIII", header[:16])
    assert magic in (0x377F0682, 0x377F0683)
    return int(restarts)


def _small_wal(vault: Vault) -> None:
    """Every new connection of ``vault`` checkpoints at ``SMALL_WAL`` pages (the pool's
    connections are made anew)."""

    def small(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA wal_autocheckpoint = {SMALL_WAL}")

    sa.event.listen(vault.engine, "connect", small)
    vault.engine.dispose()


def test_a_run_checkpoints_once_at_its_end(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the WAL started again after each of the run's commits (a checkpoint after
    each); now it grows for the whole run, the run's last commit checkpoints it all,
    and the connection goes back to the pool with its own autocheckpoint."""
    monkeypatch.setattr(engine, "PULL_TX_RECORDS", 50)  # a commit per page of 50
    served_caseload(tmp_path, admin, live, 8)
    laptop = bound(tmp_path, "laptop", live.url)
    _small_wal(laptop)  # its last connection closed: the WAL checkpointed and gone
    before = _wal_restarts(laptop)
    with Transport(live.url) as t:
        report = engine.sync(laptop, transport=t, page=50)
    assert report.pulled > 250 and report.requests >= 6
    # At most the one restart the run's first write makes of a WAL checkpointed before.
    assert _wal_restarts(laptop) - before <= 1
    with laptop.engine.connect() as conn:
        busy, frames, done = conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
        assert busy == 0 and frames > SMALL_WAL and done == frames  # all of it, at the end
        own = conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
    assert own == SMALL_WAL
    laptop.lock()


def test_a_run_cut_off_leaves_the_autocheckpoint_as_it_was(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """A run that ends in an error gives its connection back with the autocheckpoint
    it came with (the next commit checkpoints what the run left)."""
    served_caseload(tmp_path, admin, live, 2)
    laptop = bound(tmp_path, "laptop", live.url)
    _small_wal(laptop)
    syncer = engine.Syncer(laptop, Transport(live.url), page=50)
    try:
        with pytest.raises(RuntimeError), syncer._holding():
            with syncer._local() as conn:
                value = conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
                assert value == engine.RUN_WAL_PAGES
            raise RuntimeError("cut off")
    finally:
        syncer.close()
        assert syncer.transport is not None
        syncer.transport.close()
    with laptop.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == SMALL_WAL
    laptop.lock()
