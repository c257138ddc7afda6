"""Fixtures of the sync tests: a live server on SQLite (the server tests cover
PostgreSQL), vaults bound to accounts on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server_kit import Admin, LiveServer, make_db


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return make_db("sqlite", tmp_path, None)


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
