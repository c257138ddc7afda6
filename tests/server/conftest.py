"""Fixtures of the server tests: every test runs on SQLite and on PostgreSQL.

With SPT_REQUIRE_POSTGRES=1 (set by .ci/run) a PostgreSQL that cannot be started is a
failure, not a skip: CI must never pass with the production database untested.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server_kit import Admin, LiveServer, PgCluster, make_db, pg_cluster  # noqa: F401


def postgres_required() -> bool:
    """True when the environment says PostgreSQL tests may not be skipped."""
    return os.environ.get("SPT_REQUIRE_POSTGRES", "").strip() not in ("", "0")


DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def database_url(request: pytest.FixtureRequest, where: Path) -> str:
    pg: PgCluster | None = None
    if request.param == "postgresql":
        pg = request.getfixturevalue("pg_cluster")
        if not pg.url and postgres_required():
            pytest.fail("SPT_REQUIRE_POSTGRES=1 maar " + (pg.reason or "geen PostgreSQL"))
    return make_db(request.param, where, pg)


@pytest.fixture(params=DATABASES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return database_url(request, tmp_path)


@pytest.fixture(scope="module", params=DATABASES)
def module_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database for all tests of a module (tests that only read, or refuse, share one)."""
    return database_url(request, tmp_path_factory.mktemp("db"))


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


@pytest.fixture
def pg_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database on PostgreSQL only: a failure, not a skip, without one where
    postgres_required."""
    pg: PgCluster = request.getfixturevalue("pg_cluster")
    if not pg.url and postgres_required():
        pytest.fail("SPT_REQUIRE_POSTGRES=1 maar " + (pg.reason or "geen PostgreSQL"))
    if not pg.url:
        pytest.skip(pg.reason or "geen PostgreSQL")
    return make_db("postgresql", tmp_path, pg)


@pytest.fixture
def pg_admin(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Admin]:
    """An Admin on PostgreSQL only (a test of what SQLite does not have); a failure, not
    a skip, without one where postgres_required."""
    pg: PgCluster = request.getfixturevalue("pg_cluster")
    if not pg.url and postgres_required():
        pytest.fail("SPT_REQUIRE_POSTGRES=1 maar " + (pg.reason or "geen PostgreSQL"))
    a = Admin(make_db("postgresql", tmp_path, pg))
    yield a
    a.close()


@pytest.fixture
def no_signing_key_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No signing key configured, before and after: ``init --signing-key-file`` sets the
    variable (it stayed set for every later test of the process: deleting a variable
    that is not there records nothing to put back)."""
    for name in ("SPT_SIGNING_KEY_FILE", "SPT_SIGNING_KEY"):
        monkeypatch.setenv(name, "")  # recorded, so the end of the test restores it
        monkeypatch.delenv(name)
