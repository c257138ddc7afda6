"""Fixtures of the bench tests: a PostgreSQL database (the load generator's push check
reads PostgreSQL; SPT_REQUIRE_POSTGRES=1 makes a missing one a failure)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.server.conftest import postgres_required
from tests.support.server_kit import PgCluster, make_db, pg_cluster  # noqa: F401


@pytest.fixture
def pg_db(pg_cluster: PgCluster, tmp_path: Path) -> str:  # noqa: F811
    if not pg_cluster.url and postgres_required():
        pytest.fail("SPT_REQUIRE_POSTGRES=1 maar " + (pg_cluster.reason or "geen PostgreSQL"))
    return make_db("postgresql", tmp_path, pg_cluster)
