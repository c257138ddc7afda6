"""Fixtures for the vault's unit tests: real SQLCipher vaults in tmp_path, with fast KDF
parameters (the defaults are tested once, in test_keyfile.py). Named so as not to shadow
the suite-wide ``vault`` fixture of tests/conftest.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from spt_desktop.models.keyfile import KdfParams
from spt_desktop.models.vault import Vault

# OWASP's floor: the cheapest parameters a header may carry.
FAST_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
PASSPHRASE = "paarse vlinder boven Hoorn"


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def make_vault(tmp_path: Path) -> Iterator[Callable[..., tuple[Vault, str]]]:
    """Create vaults (unlocked) in tmp_path; every one is locked after the test."""
    made: list[Vault] = []

    def make(name: str = "kluis.spt", passphrase: str = PASSPHRASE) -> tuple[Vault, str]:
        vault, recovery = Vault.create(tmp_path / name, passphrase, kdf=FAST_KDF)
        made.append(vault)
        return vault, recovery

    yield make
    for vault in made:
        vault.lock()


@pytest.fixture
def fresh_vault(make_vault: Callable[..., tuple[Vault, str]]) -> Vault:
    """An unlocked vault holding only its owner's profile."""
    return make_vault()[0]
