"""A big pull builds a table's indexes once at its end, not row by row (issue 13, round
8): the tables a run's pages begin to fill from (nearly) nothing lose their ``ix_``
indexes for the rest of the pull, recorded in the vault in the same transaction, and
get them back at the run's end. A pull cut off (the process killed between pages)
leaves a vault whose queries answer as before and whose next unlock builds them again.
Real vaults, a real server on loopback, a real SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from spt_desktop.models import later_indexes
from spt_desktop.models.vault import Vault
from spt_desktop.services import Services
from spt_desktop.sync import apply, engine, purge
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import PASSPHRASE, Admin, LiveServer, make_vault
from tests.sync.test_pull_client_cpu import bound, served_caseload
from tests.sync.test_pull_pages_per_commit import _state

ROOT = Path(__file__).resolve().parents[2]


def _indexes(vault: Vault) -> dict[str, str]:
    """Every index of the vault with its SQL (SQLite's own primary-key indexes too)."""
    with vault.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index'"
        ).all()
    return dict(rows)


def _index_list(vault: Vault, table: str) -> set[str]:
    with vault.engine.connect() as conn:
        return {r[1] for r in conn.exec_driver_sql(f'PRAGMA index_list("{table}")')}


@pytest.fixture
def head_indexes(tmp_path: Path) -> dict[str, str]:
    """The indexes of a new vault of this version."""
    fresh = make_vault(tmp_path / "nieuw.sptvault")
    try:
        return _indexes(fresh)
    finally:
        fresh.lock()


def _dropped(vault: Vault) -> list[str]:
    """A list that collects the indexes dropped on ``vault``'s connections from now on."""
    seen: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.startswith("DROP INDEX "):
            seen.append(statement.split()[2])

    sa.event.listen(vault.engine, "before_cursor_execute", note)
    return seen


def _queries(vault: Vault, word: str) -> tuple[Any, ...]:
    """What the app shows: the caseload, its count, and a search."""
    svc = Services(vault)
    rows = svc.queries.caseload()
    return (
        sorted(r.id for r in rows),
        svc.queries.count(),
        sorted(r.id for r in svc.queries.search(word)),
    )


def test_a_first_pull_builds_its_indexes_at_its_end(
    tmp_path: Path,
    admin: Admin,
    live: LiveServer,
    monkeypatch: pytest.MonkeyPatch,
    head_indexes: dict[str, str],
) -> None:
    """Before: no index was dropped (every row went into every index as it came). Now
    the tables the pull fills lose theirs while it runs, and it ends with exactly the
    indexes of a new vault, no record left, and the same rows, search documents and
    hits as a pull that kept its indexes; a search answers right after the pull."""
    monkeypatch.setattr(apply, "LATER_FROM", 5)  # pages of 40 records
    served_caseload(tmp_path, admin, live, 8)
    with monkeypatch.context() as m:
        m.setattr(apply, "LATER_FROM", 10**9)  # never: the way before
        expected, problems = _pulled_whole(tmp_path, "kept", live.url)

    laptop = bound(tmp_path, "laptop", live.url)
    dropped = _dropped(laptop)
    with Transport(live.url) as t:
        report = engine.sync(laptop, transport=t, page=40)
    assert report.requests > 4
    assert {"ix_candidate_sort_name", "ix_candidate_status"} <= set(dropped)
    assert not [name for name in dropped if name.endswith("_id")]  # references stay
    assert _indexes(laptop) == head_indexes
    with laptop.engine.connect() as conn:
        assert later_indexes.pending(conn) == {}
    assert {**_state(laptop), "cursor": None} == {**expected, "cursor": None}
    word = expected["fts"][0][2].split()[0]
    assert _queries(laptop, word)[2]  # found
    assert sorted(laptop.integrity_problems()) == problems
    laptop.lock()


def killed_pull(threshold: str) -> str:
    """A process that pulls with every page committed alone and ``apply.<threshold>``
    at 5 rows, killed (SIGKILL) right after its Nth page with records (argv: vault,
    passphrase, server url, N)."""
    return KILLED.replace("apply.LATER_FROM", f"apply.{threshold}")


KILLED = r"""
import os, signal, sys
from spt_desktop.models.vault import Vault
from spt_desktop.sync import apply, engine
from spt_desktop.sync.transport import Transport

engine.PULL_TX_RECORDS = 1  # every page commits with its cursor
apply.LATER_FROM = 5
vault = Vault(sys.argv[1])
vault.unlock(sys.argv[2])
real, pages = engine.Syncer._apply, []

def applied(self, resp, *args, **kwargs):
    following = real(self, resp, *args, **kwargs)
    if resp.pull.records:
        pages.append(len(resp.pull.records))
        if len(pages) == int(sys.argv[4]):
            os.kill(os.getpid(), signal.SIGKILL)  # between this page and the next
    return following

engine.Syncer._apply = applied
with Transport(sys.argv[3]) as t:
    engine.sync(vault, transport=t, page=40)
"""


def test_a_pull_killed_between_pages_leaves_a_working_vault_and_unlock_builds_its_indexes(
    tmp_path: Path,
    admin: Admin,
    live: LiveServer,
    monkeypatch: pytest.MonkeyPatch,
    head_indexes: dict[str, str],
) -> None:
    """The process killed after its third page: the vault holds the indexes it dropped
    as its record says (``PRAGMA index_list``), its queries answer as they do once the
    indexes are back, and the next unlock makes every index of a new vault again; the
    next sync ends where an uncut pull ends."""
    served_caseload(tmp_path, admin, live, 8)
    expected, problems = _pulled_whole(tmp_path, "whole", live.url)

    laptop = bound(tmp_path, "laptop", live.url)
    laptop.lock()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", KILLED, str(laptop.path), PASSPHRASE, live.url, "3"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr

    # Opened as it was left (the repair on unlock held back to look at it first).
    with monkeypatch.context() as m:
        m.setattr(later_indexes, "repair", lambda engine: [])
        laptop.unlock(PASSPHRASE)
        with laptop.engine.connect() as conn:
            record = later_indexes.pending(conn)
            cursor = conn.exec_driver_sql(
                "SELECT value FROM setting WHERE key = ?", (engine.S_CURSOR,)
            ).scalar()
        assert cursor is not None and "ix_candidate_sort_name" in record
        for name, sql in record.items():
            table = sql.split(" ON ")[1].split(" (")[0].strip('"')
            assert name not in _index_list(laptop, table)
        assert set(_indexes(laptop)) == set(head_indexes) - set(record)
        word = expected["fts"][0][2].split()[0]
        without = _queries(laptop, word)
        assert without[0] and without[2]  # the caseload and a search answer
        laptop.lock()

    laptop.unlock(PASSPHRASE)
    assert _indexes(laptop) == head_indexes
    with laptop.engine.connect() as conn:
        assert later_indexes.pending(conn) == {}
    assert _queries(laptop, word) == without
    assert not [p for p in laptop.integrity_problems() if not p.startswith("foreign key")]
    with Transport(live.url) as t:
        engine.sync(laptop, transport=t, page=40)
    assert {**_state(laptop), "cursor": None} == {**expected, "cursor": None}
    assert _indexes(laptop) == head_indexes
    assert sorted(laptop.integrity_problems()) == problems
    laptop.lock()


def _pulled_without_indexes(vault: Vault) -> dict[str, str]:
    """What a pull cut off leaves: the visit table's value indexes dropped, recorded."""
    with engine.remote_connection(vault) as conn:
        later_indexes.drop_for_pull(conn, ["note", "visit"])
        return later_indexes.pending(conn)


def test_the_next_sync_builds_what_a_pull_cut_off_left(
    tmp_path: Path, admin: Admin, live: LiveServer, head_indexes: dict[str, str]
) -> None:
    """No unlock in between (the app still open): the next sync, even one with nothing
    to pull, ends with every index back and no record."""
    served_caseload(tmp_path, admin, live, 2)
    laptop = bound(tmp_path, "laptop", live.url)
    with Transport(live.url) as t:
        engine.sync(laptop, transport=t)
    assert set(_pulled_without_indexes(laptop)) == {"ix_visit_follow_up_on", "ix_visit_visited_at"}
    assert "ix_visit_visited_at" not in _index_list(laptop, "visit")
    with Transport(live.url) as t:
        report = engine.sync(laptop, transport=t)
    assert report.pulled == 0
    assert _indexes(laptop) == head_indexes
    laptop.lock()


def test_a_wipe_builds_them_before_it_empties_the_settings(
    tmp_path: Path, head_indexes: dict[str, str]
) -> None:
    vault = make_vault(tmp_path / "kluis.sptvault")
    assert _pulled_without_indexes(vault)
    purge.wipe(vault)
    assert _indexes(vault) == head_indexes
    vault.lock()


def test_a_record_that_is_not_an_index_of_the_vault_is_not_run(tmp_path: Path) -> None:
    """The record holds SQL; only a plain CREATE INDEX of an ``ix_`` name is run from
    it (a damaged or planted record runs nothing), and it goes either way."""
    vault = make_vault(tmp_path / "kluis.sptvault")
    planted = {
        "ix_x": "DROP TABLE candidate",
        "ix_note_candidate_id": "CREATE INDEX ix_other ON note (candidate_id)",
        "ix_y": "CREATE INDEX ix_y ON note (text); DROP TABLE note",
    }
    with vault.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO setting (key, value) VALUES (?, ?)",
            (later_indexes.LATER, json.dumps(planted)),
        )
    before = _indexes(vault)
    vault.lock()
    vault.unlock(PASSPHRASE)
    assert _indexes(vault) == before
    with vault.engine.connect() as conn:
        assert later_indexes.pending(conn) == {}
        assert conn.exec_driver_sql("SELECT count(*) FROM candidate").scalar() >= 0
    vault.lock()


def _pulled_whole(tmp_path: Path, name: str, url: str) -> tuple[Any, list[str]]:
    """A vault that pulled the caseload uncut: its state (``_state``) and its integrity
    problems (references outside this scope), locked after."""
    vault = bound(tmp_path, name, url)
    with Transport(url) as t:
        engine.sync(vault, transport=t, page=40)
    state, problems = _state(vault), sorted(vault.integrity_problems())
    vault.lock()
    return state, problems
