"""A run that pulls commits several pages in one transaction, with the cursor past
the last of them (issue 13, round 5): a commit encrypts every database page it writes,
and a first pull's pages dirty the same index pages again and again. A run cut off in
the middle keeps every committed page with its cursor and nothing else: the next sync
brings the vault, the search index included, to what one uncut pull makes. Real vaults,
a real server on loopback, a real proxy that drops the connection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from spt_desktop.models.vault import Vault
from spt_desktop.sync import apply, engine
from spt_desktop.sync.transport import SyncError, Transport
from tests.support.server_kit import Admin, FaultProxy, LiveServer
from tests.sync.test_pull_client_cpu import bound, served_caseload

# Every synced table but the audit trail, which holds each laptop's own login too.
TABLES = sorted(t.name for t in apply.TABLES.values() if t.name != "audit_entry")


def _commits(vault: Vault) -> list[int]:
    """A list that counts the commits made on ``vault``'s connections from now on."""
    seen: list[int] = []
    sa.event.listen(vault.engine, "commit", lambda conn: seen.append(1))
    return seen


def _state(vault: Vault) -> dict[str, Any]:
    """What a pull leaves: every table's rows, the search index's documents and owners,
    and what a search finds."""
    state: dict[str, Any] = {}
    with vault.engine.connect() as conn:
        for table in TABLES:
            rows = conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id").all()
            # modified_at is the time of the pull: everything else is the server's.
            cols = list(conn.exec_driver_sql(f"SELECT * FROM {table} LIMIT 0").keys())
            keep = [i for i, c in enumerate(cols) if c != "modified_at"]
            state[table] = [tuple(r[i] for i in keep) for r in rows]
        state["fts"] = [
            tuple(r)
            for r in conn.exec_driver_sql(
                "SELECT rowid, candidate_id, body FROM search_fts ORDER BY rowid"
            )
        ]
        state["owner"] = conn.exec_driver_sql("SELECT * FROM search_owner ORDER BY doc").all()
        word = state["fts"][0][2].split()[0] if state["fts"] else "x"
        state["found"] = conn.exec_driver_sql(
            "SELECT candidate_id FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid",
            (f'"{word}"',),
        ).all()
        # FTS5's own check of its index against its content.
        conn.exec_driver_sql(
            "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)"
        )
        state["cursor"] = conn.exec_driver_sql(
            "SELECT value FROM setting WHERE key = ?", (engine.S_CURSOR,)
        ).scalar()
    return state


def test_a_first_pull_commits_several_pages_at_once(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """Before: one commit per page and the run's own few (20 for 16 requests); now the
    pages asked for with no batch share one."""
    served_caseload(tmp_path, admin, live, 8)
    laptop = bound(tmp_path, "laptop", live.url)
    commits = _commits(laptop)
    with Transport(live.url) as t:
        report = engine.sync(laptop, transport=t, page=20)
    assert report.pulled > 250 and report.requests >= 12
    # The run's own (its settings, the batch it stores, the switch of foreign keys, the
    # closing flush), the pages that answer a push batch (a fresh vault pushes what its
    # login wrote), and one for the rest of the pages.
    assert len(commits) <= 8 < report.requests
    laptop.lock()


@pytest.mark.parametrize("cut_after", [3, 5])
def test_a_pull_cut_off_keeps_whole_pages_with_their_cursor(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch, cut_after: int
) -> None:
    """Pages committed three at a time; the connection dropped after ``cut_after``
    requests: what the vault holds is a part of what the whole pull brings, row for row,
    with a search index that passes FTS5's integrity check, and the next sync ends where
    one uncut pull ends (the pages of the transaction left open are pulled again)."""
    monkeypatch.setattr(engine, "PULL_TX_RECORDS", 150)  # three pages of 50 a commit
    served_caseload(tmp_path, admin, live, 8)
    whole = bound(tmp_path, "whole", live.url)
    with Transport(live.url) as t:
        engine.sync(whole, transport=t, page=50)
    expected = _state(whole)
    whole.lock()

    laptop = bound(tmp_path, "laptop", live.url)
    proxy = FaultProxy(live.port)
    try:
        proxy.faults = [None] * cut_after + ["drop_before"] * 10
        with Transport(proxy.url) as t, pytest.raises(SyncError):
            engine.sync(laptop, transport=t, page=50)
    finally:
        proxy.close()
    cut = _state(laptop)
    assert cut["cursor"] is not None
    for table in TABLES:
        assert set(cut[table]) <= set(expected[table])
    held = sum(len(cut[table]) for table in TABLES)
    assert 0 < held < sum(len(expected[table]) for table in TABLES)
    assert {(c, b) for _, c, b in cut["fts"]} <= {(c, b) for _, c, b in expected["fts"]}
    with Transport(live.url) as t:
        engine.sync(laptop, transport=t, page=50)
    # Every row, document and hit the same; the cursors differ by what each laptop's
    # own first push (its login's records) added on the server.
    assert {**_state(laptop), "cursor": None} == {**expected, "cursor": None}
    laptop.lock()
