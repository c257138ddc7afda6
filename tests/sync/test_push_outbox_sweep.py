"""The outbox emptied whole at the end of a push frees its pages without zeroing them
(issue 13, round 9): its entries hold record ids, ops and field names, never a value.
The vault's ``secure_delete`` stays on for everything else."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from spt_desktop.demo import generate
from spt_desktop.models import bulk
from spt_desktop.models.keyfile import KdfParams
from spt_desktop.models.vault import Vault
from spt_desktop.sync.apply import acknowledge, driver_cursor, sweep_outbox

FAST_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
FRAME = 4096 + 24  # a WAL frame: its header and one page


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[Vault]:
    vault, _ = Vault.create(tmp_path / "v.sptvault", "veeg wachtwoordzin 2026", kdf=FAST_KDF)
    assert vault.owner_id is not None
    bulk.load(vault, generate(60, 3, date(2026, 11, 30), vault.owner_id).rows)
    yield vault
    vault.lock()


def _wal(vault: Vault) -> int:
    wal = Path(f"{vault.path}-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_the_outbox_swept_whole_leaves_its_pages_unwritten_and_secure_delete_on(
    filled: Vault,
) -> None:
    with filled.engine.connect() as conn:
        raw = driver_cursor(conn)
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        last = raw.execute("SELECT max(seq) FROM outbox").fetchone()[0]
        with conn.begin():
            acknowledge(conn, last)
        free, before = raw.execute("PRAGMA freelist_count").fetchone()[0], _wal(filled)
        with conn.begin():
            sweep_outbox(conn)
        freed = raw.execute("PRAGMA freelist_count").fetchone()[0] - free
        written = (_wal(filled) - before) // FRAME
        assert raw.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
        assert freed > 40  # the outbox's pages
        # Not zeroed (failed before: every freed page was read, zeroed and written).
        assert written < freed / 4
        assert raw.execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_a_sweep_of_part_of_the_outbox_still_zeroes_what_it_frees(filled: Vault) -> None:
    with filled.engine.connect() as conn:
        raw = driver_cursor(conn)
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        last = raw.execute("SELECT max(seq) FROM outbox").fetchone()[0]
        with conn.begin():
            acknowledge(conn, last - 10)  # ten entries left: row by row, secure_delete on
        free, before = raw.execute("PRAGMA freelist_count").fetchone()[0], _wal(filled)
        with conn.begin():
            sweep_outbox(conn)
        freed = raw.execute("PRAGMA freelist_count").fetchone()[0] - free
        written = (_wal(filled) - before) // FRAME
        assert raw.execute("SELECT count(*) FROM outbox").fetchone()[0] == 10
        assert freed > 40 and written >= freed
        assert raw.execute("PRAGMA secure_delete").fetchone()[0] == 1
