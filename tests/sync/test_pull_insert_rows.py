"""New rows of the search-indexed tables go in by multi-row INSERT statements of as
many rows as SQLite's limit of values allows (issue 13, round 6): a page cut into
several such statements stores every row and indexes every document, as one statement
does. Real vaults, a real server on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest

from spt_desktop.sync import apply, engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import Admin, LiveServer
from tests.sync.test_pull_client_cpu import bound, served_caseload
from tests.sync.test_pull_pages_per_commit import _state


def test_a_page_in_several_insert_statements_is_stored_whole(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same pull with statements of 3 rows and with statements of a whole page:
    every table, search document, owner and hit the same, FTS5's integrity check
    passes (in ``_state``)."""
    served_caseload(tmp_path, admin, live, 4)
    whole = bound(tmp_path, "whole", live.url)
    with Transport(live.url) as t:
        engine.sync(whole, transport=t)
    expected = _state(whole)
    whole.lock()
    assert len(expected["fts"]) > 10
    # Three rows of the widest indexed table (candidate) a statement, or fewer columns'.
    monkeypatch.setattr(apply, "_MARKS", 3 * len(apply.TABLES["candidate"].c))
    apply._ROW_SQL.clear()
    laptop = bound(tmp_path, "laptop", live.url)
    with Transport(live.url) as t:
        engine.sync(laptop, transport=t)
    apply._ROW_SQL.clear()
    assert {**_state(laptop), "cursor": None} == {**expected, "cursor": None}
    laptop.lock()
