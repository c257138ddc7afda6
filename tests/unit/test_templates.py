"""The test kit's vaults from a template (``tests.support.templates``) are what the app
makes: the same schema, pragmas and rows as a vault ``Vault.create`` makes alone, each
with its own keys (tests/server/test_templates.py: the server's databases)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spt_common.enums import Role, Spt
from spt_desktop.models.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.support import templates

OWNER: dict[str, Any] = dict(
    owner_name="Sanne Bakker",
    owner_email="sanne@sptnoord-holland.nl",
    owner_roles=(Role.LOOPBAANCOACH, Role.JOBCOACH),
    owner_spt=Spt.GROOT_AMSTERDAM,
    kdf=FAST_KDF,
)
# Rows that differ between any two vaults: made new by every Vault.create.
OWN = {"coach", "setting", "audit_entry", "outbox"}


def _vault_state(vault: Vault) -> dict[str, Any]:
    state: dict[str, Any] = {}
    with vault.engine.connect() as c:
        raw = c.connection.driver_connection
        assert raw is not None
        state["schema"] = sorted(
            raw.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall(),
            key=repr,
        )
        for pragma in (
            "user_version", "application_id", "auto_vacuum", "page_size", "journal_mode",
            "encoding", "foreign_keys", "secure_delete", "cipher_page_size",
        ):  # fmt: skip
            state[pragma] = raw.execute(f"PRAGMA {pragma}").fetchall()
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for t in tables:
            rows = raw.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            state[f"rows {t}"] = (
                rows if t in OWN else raw.execute(f'SELECT * FROM "{t}"').fetchall()
            )
        state["owner"] = raw.execute(
            "SELECT name, email, roles, spt FROM coach WHERE id = "
            "(SELECT value FROM setting WHERE key = 'owner_coach_id')"
        ).fetchall()
        state["settings"] = sorted(r[0] for r in raw.execute("SELECT key FROM setting"))
        state["integrity"] = raw.execute("PRAGMA integrity_check").fetchall()
        state["foreign keys"] = raw.execute("PRAGMA foreign_key_check").fetchall()
        state["search"] = raw.execute("SELECT count(*) FROM search_fts").fetchall()
    state["modes"] = [oct(p.stat().st_mode) for p in (vault.path, vault.key_path)]
    return state


def test_a_vault_from_the_template_is_the_vault_create_makes(tmp_path: Path) -> None:
    made = [
        templates.create_vault(tmp_path / f"t{i}.sptvault", PASSPHRASE, **OWNER) for i in (1, 2)
    ]
    alone, recovery = Vault.create(tmp_path / "alone.sptvault", PASSPHRASE, **OWNER)
    try:
        expected = _vault_state(alone)
        for vault, _ in made:  # the first may have made the template (the process's first)
            assert _vault_state(vault) == expected
        # Each its own vault: its id, data key (recovery key) and owner.
        ids = {v.vault_id for v, _ in made} | {alone.vault_id}
        owners = {v.owner_id for v, _ in made} | {alone.owner_id}
        keys = {r for _, r in made} | {recovery}
        assert len(ids) == len(owners) == len(keys) == 3
    finally:
        alone.lock()
        for vault, _ in made:
            vault.lock()
    # Opened again as the app opens one: the passphrase, then the recovery key.
    vault, recovery = made[1]
    again = Vault(vault.path)
    again.unlock(PASSPHRASE)
    assert again.vault_id == vault.vault_id and _vault_state(again) == expected
    again.lock()
    again.unlock_with_recovery_key(recovery)
    again.lock()
