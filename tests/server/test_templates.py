"""The test kit's server databases from templates (``tests.support.templates``) are what
``setup.upgrade`` makes alone: the same tables, columns, indexes, keys and rows, each
with a signing key of its own; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tests.support import templates
from tests.support.server_kit import PgCluster


def _text(item: Any) -> str:
    """An index or key as the inspector says it, its clauses (partial indexes) as SQL."""
    return json.dumps(item, default=str, sort_keys=True)


def _server_state(url: str) -> dict[str, Any]:
    from spt_server.db import make_engine
    from spt_server.setup import SIGNING_KEY

    engine = make_engine(url)
    state: dict[str, Any] = {}
    try:
        with engine.connect() as c:
            inspector = sa.inspect(c)
            for t in sorted(inspector.get_table_names()):
                state[f"columns {t}"] = [
                    (col["name"], str(col["type"]), col["nullable"], str(col["default"]))
                    for col in inspector.get_columns(t)
                ]
                state[f"indexes {t}"] = sorted(_text(i) for i in inspector.get_indexes(t))
                state[f"keys {t}"] = sorted(_text(k) for k in inspector.get_foreign_keys(t))
                state[f"unique {t}"] = sorted(_text(k) for k in inspector.get_unique_constraints(t))
                rows = c.execute(sa.text(f'SELECT * FROM "{t}"')).all()
                state[f"rows {t}"] = sorted(
                    repr(r) for r in rows if not (t == "server_setting" and r[0] == SIGNING_KEY)
                )
            state["signing key"] = c.execute(
                sa.text("SELECT value FROM server_setting WHERE key = :k"), {"k": SIGNING_KEY}
            ).scalar_one()
    finally:
        engine.dispose()
    return state


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_a_server_database_from_the_template_is_the_one_upgrade_makes(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spt_server import security
    from spt_server.db import make_engine
    from spt_server.setup import upgrade

    for name in (security.KEY_FILE_ENV, security.KEY_ENV):  # each makes a key of its own
        monkeypatch.setenv(name, "")  # recorded, so the end of the test restores it
        monkeypatch.delenv(name)
    pg: PgCluster | None = None
    if kind == "postgresql":
        from tests.server.conftest import postgres_required

        pg = request.getfixturevalue("pg_cluster")
        if not pg.url:
            if postgres_required():
                pytest.fail("SPT_REQUIRE_POSTGRES=1 maar " + (pg.reason or "geen PostgreSQL"))
            pytest.skip(pg.reason)
        alone = pg.new_database()
    else:
        alone = f"sqlite:///{tmp_path / 'alone.db'}"
    engine = make_engine(alone)
    upgrade(engine)
    engine.dispose()
    copies = []
    for i in (1, 2):
        (tmp_path / str(i)).mkdir()
        url = templates.server_db(kind, tmp_path / str(i), pg)
        copies.append(_server_state(url))
        if kind == "sqlite":  # owner only, as the server made it (it refuses another)
            mode = (tmp_path / str(i) / "server.db").stat().st_mode
            assert mode == (tmp_path / "alone.db").stat().st_mode
    expected = _server_state(alone)
    keys = {expected.pop("signing key")} | {copy.pop("signing key") for copy in copies}
    assert len(keys) == 3  # each its own signing key
    for copy in copies:
        assert {k: v for k, v in copy.items() if v != expected.get(k)} == {}
        assert copy == expected
