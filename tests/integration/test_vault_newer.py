"""A vault written by a newer SPT Desktop (a schema revision this app does not know) is
refused before anything is written: no backup copy, no migration, every file byte for
byte as it was, the vault locked again, one clear message and its own exit code.
(It used to write a misleading `.bak`, say "Er ging iets onverwachts mis" and stay open.)"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from spt_desktop.cli import messages as cli
from spt_desktop.models.errors import VaultTooNew
from spt_desktop.models.migrate import SCHEMA_HEAD
from spt_desktop.models.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.integration.conftest import folder_state

RunCli = Callable[..., subprocess.CompletedProcess[str]]
NEWER = f"{int(SCHEMA_HEAD) + 3:04d}"


@pytest.fixture
def newer_vault(tmp_path: Path) -> Path:
    """A vault whose schema revision is three steps past this app's head."""
    vault, _ = Vault.create(tmp_path / "kluis.sptvault", PASSPHRASE, kdf=FAST_KDF)
    with vault.engine.begin() as c:
        c.exec_driver_sql("UPDATE alembic_version SET version_num = ?", (NEWER,))
    vault.lock()
    return tmp_path / "kluis.sptvault"


def test_the_core_refuses_and_locks_again(newer_vault: Path) -> None:
    before = folder_state(newer_vault.parent)
    vault = Vault(newer_vault)
    with pytest.raises(VaultTooNew) as err:
        vault.unlock(PASSPHRASE)
    assert not vault.is_unlocked
    assert "nieuwere versie van SPT Desktop" in cli.text(err.value)
    assert folder_state(newer_vault.parent) == before  # no .bak, no byte changed


def test_the_cli_says_so_with_its_own_exit_code(newer_vault: Path, run_cli: RunCli) -> None:
    before = folder_state(newer_vault.parent)
    result = run_cli(
        "vault", "check", "--vault", str(newer_vault), env={"SPT_PASSPHRASE": PASSPHRASE}
    )
    assert result.returncode == 5, result.stderr
    assert "Traceback" not in result.stderr
    assert "werk de app bij" in result.stderr
    assert folder_state(newer_vault.parent) == before


def test_an_older_vault_is_still_upgraded(tmp_path: Path) -> None:
    from spt_desktop.models.migrate import is_newer

    assert not is_newer(None) and not is_newer("0001") and not is_newer(SCHEMA_HEAD)
    assert is_newer(NEWER) and is_newer("ffee1234abcd")
