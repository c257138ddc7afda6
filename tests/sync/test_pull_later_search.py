"""A big pull fills the search index once at its end, not row by row (issue 13,
"pullcli"): the tables a run's pages begin to fill from (nearly) nothing lose their
index INSERT triggers for the rest of the pull, recorded in the vault in the same
transaction, and the documents of the rows that lack one go in at the run's end.
A pull cut off (the process killed between pages) leaves its rows; the next unlock,
sync or wipe puts their documents in. The search finds exactly what a pull that kept
its triggers finds. Real vaults, a real server on loopback, a real SIGKILL."""

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

from spt_desktop.models import later_indexes, later_search
from spt_desktop.models.vault import Vault
from spt_desktop.services import Services
from spt_desktop.sync import apply, engine, purge
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import PASSPHRASE, Admin, LiveServer, make_vault
from tests.sync.test_pull_client_cpu import bound, served_caseload
from tests.sync.test_pull_later_indexes import _pulled_whole, _queries, killed_pull
from tests.sync.test_pull_pages_per_commit import _state

ROOT = Path(__file__).resolve().parents[2]


def _triggers(vault: Vault) -> dict[str, str]:
    with vault.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).all()
    return dict(rows)


@pytest.fixture
def head_triggers(tmp_path: Path) -> dict[str, str]:
    """The triggers of a new vault of this version."""
    fresh = make_vault(tmp_path / "nieuw.sptvault")
    try:
        return _triggers(fresh)
    finally:
        fresh.lock()


def _dropped(vault: Vault) -> list[str]:
    """A list that collects the triggers dropped on ``vault``'s connections from now on."""
    seen: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.startswith("DROP TRIGGER "):
            seen.append(statement.split()[2].strip('"'))

    sa.event.listen(vault.engine, "before_cursor_execute", note)
    return seen


def _documents_of_rows(vault: Vault) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
    """The search index's documents and owners, and what the vault's triggers would
    make of the rows held (every row not deleted of each indexed table)."""
    with vault.engine.connect() as conn:
        docs = conn.exec_driver_sql(
            "SELECT rowid, candidate_id, body FROM search_fts ORDER BY rowid"
        ).all()
        owners = conn.exec_driver_sql(
            "SELECT doc, candidate_id FROM search_owner ORDER BY doc"
        ).all()
        want: list[Any] = []
        for table, (k, cand, cols) in later_search.SOURCES.items():
            body = " || ' ' || ".join(f"coalesce({c}, '')" for c in cols)
            want += conn.exec_driver_sql(
                f"SELECT rowid * 8 + {k}, {cand}, {body} FROM {table} WHERE NOT deleted"
            ).all()
        conn.exec_driver_sql(
            "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)"
        )
    want.sort()
    return (
        [tuple(d) for d in docs],
        [tuple(o) for o in owners],
        [tuple(w) for w in want],
        [(w[0], w[1]) for w in want],
    )


def test_the_module_makes_the_triggers_the_migrations_made(
    head_triggers: dict[str, str],
) -> None:
    """What ``build_later`` makes again is, SQL text for SQL text, what a new vault has
    (a migration that changes these triggers must change the module too: else a pull
    would never drop them, see the next test)."""
    for table in later_search.SOURCES:
        for name, sql in later_search.trigger_sql(table).items():
            assert head_triggers[name] == sql


def test_a_trigger_not_as_the_module_makes_it_is_not_dropped(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "kluis.sptvault")
    other = "CREATE TRIGGER note_fts_ai AFTER INSERT ON note BEGIN SELECT 1; END"
    with vault.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM setting WHERE 0")
        conn.exec_driver_sql("DROP TRIGGER note_fts_ai")
        conn.exec_driver_sql(other)
    with engine.remote_connection(vault) as conn:
        assert later_search.drop_for_pull(conn, ["note", "visit"]) == ["visit"]
        assert later_search.pending(conn) == ["visit"]
    triggers = _triggers(vault)
    assert triggers["note_fts_ai"] == other and "note_owner_ai" in triggers
    assert "visit_fts_ai" not in triggers and "visit_owner_ai" not in triggers
    vault.lock()


def test_a_first_pull_fills_the_search_index_at_its_end(
    tmp_path: Path,
    admin: Admin,
    live: LiveServer,
    monkeypatch: pytest.MonkeyPatch,
    head_triggers: dict[str, str],
) -> None:
    """Before: no trigger was dropped (every document went into the index as its row
    came). Now the indexed tables the pull fills lose their INSERT triggers while it
    runs, and it ends with exactly the triggers of a new vault, no record left, and the
    same rows, search documents, owners and hits as a pull that kept them."""
    monkeypatch.setattr(apply, "SEARCH_LATER_FROM", 5)  # pages of 40 records
    served_caseload(tmp_path, admin, live, 8)
    with monkeypatch.context() as m:
        m.setattr(apply, "SEARCH_LATER_FROM", 10**9)  # never: the way before
        expected, problems = _pulled_whole(tmp_path, "kept", live.url)

    laptop = bound(tmp_path, "laptop", live.url)
    dropped = _dropped(laptop)
    with Transport(live.url) as t:
        report = engine.sync(laptop, transport=t, page=40)
    assert report.requests > 4
    assert {"candidate_fts_ai", "candidate_owner_ai", "note_fts_ai", "note_owner_ai"} <= set(
        dropped
    )
    assert _triggers(laptop) == head_triggers
    with laptop.engine.connect() as conn:
        assert later_search.pending(conn) == []
    assert {**_state(laptop), "cursor": None} == {**expected, "cursor": None}
    docs, owners, want, want_owners = _documents_of_rows(laptop)
    assert docs == want and owners == want_owners
    word = expected["fts"][0][2].split()[0]
    assert _queries(laptop, word)[2]  # found
    assert sorted(laptop.integrity_problems()) == problems
    laptop.lock()


KILLED = killed_pull("SEARCH_LATER_FROM")


def test_a_pull_killed_between_pages_leaves_its_rows_and_unlock_fills_their_documents(
    tmp_path: Path,
    admin: Admin,
    live: LiveServer,
    monkeypatch: pytest.MonkeyPatch,
    head_triggers: dict[str, str],
) -> None:
    """The process killed after its third page: the vault holds the rows of the pages
    committed, the triggers its record names are gone and the index passes FTS5's own
    check; the next unlock puts in exactly the documents of the rows held and makes the
    triggers again, and the next sync ends where an uncut pull ends."""
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
            record = later_search.pending(conn)
            held = conn.exec_driver_sql("SELECT count(*) FROM candidate").scalar()
        assert "candidate" in record and held
        triggers = _triggers(laptop)
        for table in record:
            assert not set(later_search.trigger_sql(table)) & set(triggers)
        docs, _, want, _ = _documents_of_rows(laptop)  # FTS5's integrity-check passes
        assert set(docs) < set(want)  # the rows pulled since lack their documents
        laptop.lock()

    laptop.unlock(PASSPHRASE)
    assert _triggers(laptop) == head_triggers
    with laptop.engine.connect() as conn:
        assert later_search.pending(conn) == []
    docs, owners, want, want_owners = _documents_of_rows(laptop)
    assert docs == want and owners == want_owners
    with Transport(live.url) as t:
        engine.sync(laptop, transport=t, page=40)
    assert {**_state(laptop), "cursor": None} == {**expected, "cursor": None}
    assert _triggers(laptop) == head_triggers
    assert sorted(laptop.integrity_problems()) == problems
    laptop.lock()


def _filled(tmp_path: Path) -> Vault:
    """A vault with a few demo candidates, its notes' and visits' triggers then dropped
    as a pull cut off leaves them."""
    from datetime import date

    from spt_desktop import demo

    vault = make_vault(tmp_path / "kluis.sptvault")
    demo.fill_vault(vault, 3, 7, date(2026, 11, 30))
    with engine.remote_connection(vault) as conn:
        assert later_search.drop_for_pull(conn, ["note", "visit"]) == ["note", "visit"]
    return vault


def test_rows_written_while_the_triggers_wait_get_each_their_one_document(
    tmp_path: Path, head_triggers: dict[str, str]
) -> None:
    """New notes get no document while their trigger waits; one of them edited gets
    it from the UPDATE trigger, another deleted none: the end puts in the missing ones
    once (no document twice, none of a deleted row), as the triggers would have."""
    vault = _filled(tmp_path)
    _new_notes(vault, *(f"woordje{i} gesprek" for i in range(3)))
    before = _documents_of_rows(vault)[0]
    with vault.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE note SET text = 'bijgewerkt gesprek' WHERE id = 'n1'")
        conn.exec_driver_sql("UPDATE note SET deleted = 1 WHERE id = 'n2'")
    docs, _, want, _ = _documents_of_rows(vault)
    assert len(docs) == len(before) + 1  # n1's, by its UPDATE trigger
    with vault.engine.begin() as conn:
        assert later_indexes.build_later(conn) == []
        assert later_search.pending(conn) == []
    docs, owners, want, want_owners = _documents_of_rows(vault)
    assert docs == want and owners == want_owners
    assert _triggers(vault) == head_triggers
    found = Services(vault).queries.search("woordje0")
    assert len(found) == 1
    vault.lock()


def _new_notes(vault: Vault, *texts: str) -> None:
    """Notes written with plain SQL (as a pull writes rows): no trigger of the ORM."""
    with vault.engine.begin() as conn:
        cand = conn.exec_driver_sql("SELECT id FROM candidate LIMIT 1").scalar()
        author = conn.exec_driver_sql("SELECT id FROM coach LIMIT 1").scalar()
        for i, text in enumerate(texts):
            conn.exec_driver_sql(
                "INSERT INTO note (id, candidate_id, author_id, written_at, text, deleted, "
                "modified_at) VALUES (?, ?, ?, '2026-12-06 07:00:00.000000', ?, 0, "
                "'2026-12-06 07:00:00.000000')",
                (f"n{i}", cand, author, text),
            )


def test_a_row_that_takes_a_rowid_the_table_had_gets_its_document(
    tmp_path: Path, head_triggers: dict[str, str]
) -> None:
    """SQLite gives a new row the highest rowid plus one: after the last notes are
    deleted (a purge in the pull), a note inserted while the trigger waits takes a rowid
    the table had when the trigger was dropped, and still gets its document."""
    vault = _filled(tmp_path)
    with vault.engine.begin() as conn:
        last = conn.exec_driver_sql("SELECT max(rowid) FROM note").scalar()
        conn.exec_driver_sql("DELETE FROM note WHERE rowid >= ?", (last - 1,))
    _new_notes(vault, "woordje0 gesprek")
    with vault.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT rowid FROM note WHERE id = 'n0'").scalar() < last
    with vault.engine.begin() as conn:
        later_indexes.build_later(conn)
    docs, owners, want, want_owners = _documents_of_rows(vault)
    assert docs == want and owners == want_owners
    assert len(Services(vault).queries.search("woordje0")) == 1
    assert _triggers(vault) == head_triggers
    vault.lock()


def test_the_next_sync_fills_what_a_pull_cut_off_left(
    tmp_path: Path, admin: Admin, live: LiveServer, head_triggers: dict[str, str]
) -> None:
    """No unlock in between (the app still open): the next sync, even one with nothing
    to pull, ends with every trigger back and the documents in."""
    served_caseload(tmp_path, admin, live, 2)
    laptop = bound(tmp_path, "laptop", live.url)
    with Transport(live.url) as t:
        engine.sync(laptop, transport=t)
    with engine.remote_connection(laptop) as conn:
        assert later_search.drop_for_pull(conn, ["note", "visit"]) == ["note", "visit"]
    _new_notes(laptop, "woordje0 gesprek", "woordje1 gesprek")
    docs, _, want, _ = _documents_of_rows(laptop)
    assert len(docs) == len(want) - 2
    with Transport(live.url) as t:
        report = engine.sync(laptop, transport=t)
    assert report.pulled == 0
    assert _triggers(laptop) == head_triggers
    docs, owners, want, want_owners = _documents_of_rows(laptop)
    assert docs == want and owners == want_owners
    laptop.lock()


def test_a_wipe_makes_the_triggers_before_it_empties_the_settings(
    tmp_path: Path, head_triggers: dict[str, str]
) -> None:
    vault = _filled(tmp_path)
    purge.wipe(vault)
    assert _triggers(vault) == head_triggers
    with vault.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM search_fts").scalar() == 0
    vault.lock()


def test_a_damaged_record_runs_nothing_but_the_modules_statements(
    tmp_path: Path, head_triggers: dict[str, str]
) -> None:
    """The record names tables; a name that is not an indexed table, or anything but a
    name, is left out, and the record goes either way."""
    vault = make_vault(tmp_path / "kluis.sptvault")
    planted = ["candidate; DROP TABLE note", "x", 5, ["note"], "visit"]
    with vault.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO setting (key, value) VALUES (?, ?)",
            (later_search.LATER, json.dumps(planted)),
        )
    vault.lock()
    vault.unlock(PASSPHRASE)
    assert _triggers(vault) == head_triggers
    with vault.engine.connect() as conn:
        assert later_search.pending(conn) == []
        assert conn.exec_driver_sql("SELECT count(*) FROM note").scalar() >= 0
    vault.lock()
