"""Fixtures of the server tests: every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spt_server_kit import Admin, LiveServer, make_db, pg_cluster  # noqa: F401


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    pg = request.getfixturevalue("pg_cluster") if request.param == "postgresql" else None
    return make_db(request.param, tmp_path, pg)


@pytest.fixture
def admin(db_url: str) -> Iterator[Admin]:
    a = Admin(db_url)
    yield a
    a.close()


@pytest.fixture
def live(db_url: str) -> Iterator[LiveServer]:
    server = LiveServer(db_url).start()
    yield server
    server.stop()
