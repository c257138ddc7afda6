"""`spt-server serve` builds what a first sync would build before it takes requests
(issue 13, helper "gap16"): the device check's statements compiled by SQLAlchemy, so
the first push of a laptop does not wait for them."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine.interfaces import CacheStats

from spt_server import app as app_mod
from spt_server import cli, security


def _check_misses(server: app_mod.Server) -> list[str]:
    """The statements a device's first check (``_checked``) compiled anew: SQLAlchemy's
    cache misses while it ran (for a device that does not exist: the same statements)."""
    misses: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: Any) -> None:
        if getattr(context, "cache_hit", None) is CacheStats.CACHE_MISS:
            misses.append(statement)

    claims = security.AccessClaims(str(uuid.uuid4()), str(uuid.uuid4()), 0)
    sa.event.listen(server.engine, "before_cursor_execute", seen)
    try:
        with server.reader() as s, pytest.raises(app_mod.ApiError):
            app_mod._checked(server, s, claims)
    finally:
        sa.event.remove(server.engine, "before_cursor_execute", seen)
    return misses


def test_serve_compiles_the_device_check_before_it_takes_requests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[Any] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: served.append(app))
    monkeypatch.setattr(app_mod, "settle_heap", lambda: None)  # not in a test process
    url = f"sqlite:///{tmp_path / 'server.db'}"
    assert cli.main(["serve", "--db", url, "--no-retention", "--port", "0"]) == 0
    server = served[0].state.server
    try:
        # Failed before: both statements of the check were compiled by the first sync.
        assert _check_misses(server) == []
    finally:
        server.threads.shutdown(wait=False)
        server.engine.dispose()


def test_an_app_not_warmed_compiles_the_check_at_its_first_use(tmp_path: Path) -> None:
    """What ``warm`` spares: an app made without it (a test's) compiles the statements at
    the first check, and not at the second."""
    from spt_server.db import make_engine
    from spt_server.setup import upgrade

    url = f"sqlite:///{tmp_path / 'server.db'}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    server = app_mod.Server(url)
    try:
        assert len(_check_misses(server)) == 2
        assert _check_misses(server) == []
    finally:
        server.threads.shutdown(wait=False)
        server.engine.dispose()
