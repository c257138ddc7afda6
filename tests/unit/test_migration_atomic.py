"""A vault upgrade is one transaction: cut off anywhere (an exception, a power cut before
the commit), the vault is exactly as it was, its old revision included, and the next
unlock upgrades it as if nothing had happened.

Before, the driver began a transaction only before the first INSERT, UPDATE or DELETE, so
a migration that started with DDL committed it on its own: a v0017 vault cut off inside
0018 (after its ``DROP TABLE search_fts``) kept the empty new index and lost every search
document, silently. Every fixture version (tests/fixtures/vaults) is cut off at two
points: after its first migration's stamp and at head's stamp (the last statement).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from spt_desktop.models import keyfile
from spt_desktop.models.migrate import SCHEMA_HEAD, current_revision
from spt_desktop.models.vault import Vault
from tests.fixtures.make_vault_fixture import PASSPHRASE, read_facts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "vaults"
OLDER = sorted(
    p.parent.name for p in FIXTURES.glob("v*/manifest.json") if p.parent.name != f"v{SCHEMA_HEAD}"
)


class PowerCut(RuntimeError):
    pass


def _state(vault: Vault) -> dict[str, Any]:
    """What the vault holds, read without upgrading it: schema (SQL text included), the
    revision, every table's rows that matter (read_facts) and the search documents."""
    vault._open_engine(keyfile.unwrap(vault._read_header(), PASSPHRASE), verify=True)
    try:
        with vault.engine.connect() as c:
            schema = sorted(
                tuple(r)
                for r in c.exec_driver_sql("SELECT type, name, tbl_name, sql FROM sqlite_master")
            )
            docs = sorted(
                tuple(r)
                for r in c.exec_driver_sql("SELECT rowid, candidate_id, body FROM search_fts")
            )
        return {"schema": schema, "docs": docs, "facts": read_facts(vault.engine)}
    finally:
        vault.lock()


def _copy(version: str, tmp_path: Path, name: str) -> Vault:
    folder = tmp_path / name
    shutil.copytree(FIXTURES / version, folder)
    return Vault(folder / "coach.sptvault")


@contextmanager
def _cut_at(wanted: Callable[[str, Any], bool]) -> Iterator[list[str]]:
    """Raises PowerCut instead of running the first statement ``wanted`` picks."""
    seen: list[str] = []

    def fire(_conn: Any, _cur: Any, statement: str, params: Any, *_rest: Any) -> None:
        if not seen and wanted(statement, params):
            seen.append(statement)
            raise PowerCut("cut off")

    event.listen(sa.Engine, "before_cursor_execute", fire)
    try:
        yield seen
    finally:
        event.remove(sa.Engine, "before_cursor_execute", fire)


def _stamp(statement: str) -> bool:
    return statement.lstrip().upper().startswith("UPDATE ALEMBIC_VERSION")


CUTS = {
    "first-stamp": lambda statement, _params: _stamp(statement),
    "head-stamp": lambda statement, params: (
        _stamp(statement) and SCHEMA_HEAD in f"{statement} {params}"
    ),
}


@pytest.mark.parametrize("cut", sorted(CUTS))
@pytest.mark.parametrize("version", OLDER)
def test_an_upgrade_cut_off_leaves_the_vault_as_it_was(
    version: str, cut: str, tmp_path: Path
) -> None:
    vault = _copy(version, tmp_path, "cut")
    before = _state(vault)
    assert before["facts"]["revision"] == version[1:]
    with _cut_at(CUTS[cut]) as seen, pytest.raises(PowerCut):
        vault.unlock(PASSPHRASE)
    assert seen, "the upgrade never reached the statement to cut at"
    assert _state(vault) == before

    vault.unlock(PASSPHRASE)  # and now it upgrades, as a vault never cut off does
    try:
        assert current_revision(vault.engine) == SCHEMA_HEAD
    finally:
        vault.lock()
    clean = _copy(version, tmp_path, "clean")
    clean.unlock(PASSPHRASE)
    clean.lock()
    assert _state(vault) == _state(clean)
