"""Every vault fixture (one per schema version from 0002 on, cut by
tests/fixtures/make_vault_fixture.py from the version that wrote it) upgrades to head
with its data intact, and ends with exactly the schema a new vault of head has.

Nothing here names a version: a new migration needs only its fixture (cut from the commit
that adds it) in tests/fixtures/vaults/v<revision>/.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from spt_desktop.models.base import Base
from spt_desktop.models.migrate import alembic_config, current_revision
from spt_desktop.models.vault import Vault
from tests.conftest import FAST_KDF
from tests.fixtures.make_vault_fixture import PASSPHRASE, read_facts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "vaults"
MAKER = "tests/fixtures/make_vault_fixture.py"
CUT = sorted(p.parent.name for p in FIXTURES.glob("v*/manifest.json"))
HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


def manifest(version: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / version / "manifest.json").read_text("utf-8"))
    return data


CASES = [(version, name) for version in CUT for name in sorted(manifest(version))]


def test_every_schema_version_from_0002_has_a_fixture() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    wanted = sorted(f"v{r.revision}" for r in script.walk_revisions() if r.revision >= "0002")
    missing = [v for v in wanted if v not in CUT]
    assert missing == [], (
        f"no fixture for {missing}: run {MAKER} from the commit that adds the migration "
        "(its docstring says how) and commit tests/fixtures/vaults/<version>/"
    )


def test_each_fixture_is_the_version_its_folder_names() -> None:
    for version in CUT:
        assert {m["revision"] for m in manifest(version).values()} == {version[1:]}


def schema(engine: sa.Engine) -> set[tuple[str, str, str, str | None]]:
    """Every table, index, trigger and view as SQLite keeps it (the SQL text included)."""
    with engine.connect() as c:
        rows = c.exec_driver_sql(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name != 'alembic_version'"
        ).all()
    return {(t, n, tbl, sql) for t, n, tbl, sql in rows}


@pytest.fixture(scope="module")
def head_schema(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str, str, str | None]]:
    vault, _ = Vault.create(
        tmp_path_factory.mktemp("head") / "head.sptvault", PASSPHRASE, kdf=FAST_KDF
    )
    try:
        return schema(vault.engine)
    finally:
        vault.lock()


@pytest.fixture(scope="module", params=CASES, ids=[f"{v}-{n}" for v, n in CASES])
def upgraded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Vault, dict]]:
    """A copy of one fixture vault, unlocked (and so upgraded) once for the tests below."""
    version, name = request.param
    folder = tmp_path_factory.mktemp(version) / version
    shutil.copytree(FIXTURES / version, folder)
    vault = Vault(folder / f"{name}.sptvault")
    vault.unlock(PASSPHRASE)  # upgrades to head
    try:
        yield vault, manifest(version)[name]
    finally:
        vault.lock()


def test_fixture_upgrades_to_head(upgraded: tuple[Vault, dict]) -> None:
    vault, _ = upgraded
    assert current_revision(vault.engine) == HEAD


def test_every_row_survives_the_upgrade(upgraded: tuple[Vault, dict]) -> None:
    vault, before = upgraded
    after = read_facts(vault.engine)
    assert {t: after["counts"].get(t) for t in before["counts"]} == before["counts"]
    assert after["values"] == before["values"]
    assert vault.integrity_problems() == []


def test_upgraded_schema_is_heads_schema(
    upgraded: tuple[Vault, dict], head_schema: set[tuple[str, str, str, str | None]]
) -> None:
    vault, _ = upgraded
    upgraded_schema = schema(vault.engine)
    assert sorted(upgraded_schema - head_schema, key=str) == []
    assert sorted(head_schema - upgraded_schema, key=str) == []
    with vault.engine.connect() as c:
        drift = compare_metadata(MigrationContext.configure(c), Base.metadata)
    # The search index (FTS5 of 0001, search_owner of 0004) is raw SQL, not models.
    assert [d for d in drift if not _search_index(d)] == []


REVISIONS = sorted(
    r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()
)


@pytest.mark.parametrize("revision", REVISIONS)
def test_vault_migrations_are_one_way(revision: str) -> None:
    """No vault is ever downgraded (a newer vault is refused, a failed upgrade rolls back
    and leaves the .bak copy), so a downgrade is not untested code that could run: it
    refuses, before touching anything."""
    module = ScriptDirectory.from_config(alembic_config()).get_revision(revision).module
    with pytest.raises(NotImplementedError, match="one-way"):
        module.downgrade()


def _search_index(d: tuple) -> bool:  # type: ignore[type-arg]
    """Alembic's word for the search index's raw SQL: its tables (FTS5 of 0001,
    search_owner of 0004) and search_owner's index by candidate (0019)."""
    if d[0] == "remove_table":
        return bool(d[1].name.startswith(("search_fts", "search_owner")))
    return d[0] == "remove_index" and d[1].table.name == "search_owner"
