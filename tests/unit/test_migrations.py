"""Vaults made by earlier versions open in this one, upgraded with their data intact."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from spt_desktop.models import Candidate, Intake, Visit
from spt_desktop.models.migrate import SCHEMA_HEAD, alembic_config, current_revision
from spt_desktop.models.vault import Vault
from spt_desktop.services import Services

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "vaults"
FIXTURE_PASSPHRASE = "oude kluis uit versie een"


def test_schema_head_constant_matches_alembic():
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_heads() == [SCHEMA_HEAD]


@pytest.mark.parametrize("version", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()))
def test_old_vault_upgrades_to_head_with_data_intact(tmp_path, version):
    shutil.copytree(FIXTURES / version, tmp_path / version)
    vault = Vault(tmp_path / version / "coach.sptvault")
    vault.unlock(FIXTURE_PASSPHRASE)
    try:
        assert current_revision(vault.engine) == SCHEMA_HEAD
        with vault.transaction() as s:
            names = sorted(s.scalars(sa.select(Candidate.last_name)))
            assert names == ["Kaya", "Kovalenko", "de Groot"]
            assert s.scalar(sa.select(sa.func.count()).select_from(Intake)) == 3
            assert s.scalar(sa.select(sa.func.count()).select_from(Visit)) == 3
        # Search (FTS triggers) and writes keep working on the upgraded vault.
        svc = Services(vault)
        assert len(svc.queries.search("kovalen")) == 1
        cand = svc.queries.search("kaya")[0]
        svc.candidates.add_note(cand.id, "Na de upgrade")
        assert integrity_ok(vault)
    finally:
        vault.lock()
    backups = list((tmp_path / version).glob("*.bak"))
    upgraded = version != f"v{SCHEMA_HEAD}"
    assert bool(backups) == upgraded  # an encrypted copy is kept before migrating


def integrity_ok(vault: Vault) -> bool:
    return vault.integrity_problems() == []


def test_migrations_build_exactly_the_models_schema(vault):  # type: ignore[no-untyped-def]
    """A vault made by the migrations has every table, column and index the models declare
    and nothing else (the search index — FTS5 tables of 0001, search_owner of 0004 — is raw
    SQL kept by triggers, not models)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from spt_desktop.models.base import Base

    with vault.engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), Base.metadata)
    drift = [d for d in diff if not _search_index(d)]
    assert drift == []


def _search_index(d: tuple) -> bool:  # type: ignore[type-arg]
    """Alembic's word for the search index's raw SQL: its tables (FTS5 of 0001,
    search_owner of 0004) and search_owner's index by candidate (0019)."""
    if d[0] == "remove_table":
        return bool(d[1].name.startswith(("search_fts", "search_owner")))
    return d[0] == "remove_index" and d[1].table.name == "search_owner"
