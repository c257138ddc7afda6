"""Shared fixtures. Qt runs offscreen; every test gets its own real SQLCipher vault."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from spt_common.enums import Role, Spt
from spt_desktop.models.keyfile import KdfParams
from spt_desktop.models.vault import Vault

# Property tests draw the same cases on every run ("ci", the default): a test run must not
# pass or fail by luck. `HYPOTHESIS_PROFILE=explore` draws new cases, more of them (the
# nightly workflow, .github/workflows/nightly.yml); a failure prints how to reproduce it.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True, max_examples=400)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# OWASP's floor: tests create many vaults; the default cost is tested on its own.
FAST_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
PASSPHRASE = "correct paard batterij nietje"
TODAY = date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _no_frozen_objects_left() -> Iterator[None]:
    """A command run in the test process (``spt-desktop sync``'s ``imports_settled``)
    freezes the garbage collector's objects for the process's life, as a real process
    may; the next test starts without (the app's own freeze refuses to run after one)."""
    yield
    if gc.get_freeze_count():
        gc.unfreeze()


@pytest.fixture(autouse=True)
def _fast_password_hashes(request: pytest.FixtureRequest) -> Iterator[None]:
    """The server's account passwords hashed (Argon2id) with FAST_KDF's cost, as the
    vaults' passphrases are: the suite makes and checks ~1,000 of them, and argon2-cffi's
    default cost (the server's: t=3, 64 MiB, 4 lanes) is ~0.2 s of CPU each. The same
    algorithm and code path (``security.hash_password`` / ``verify_password``); a test
    marked ``real_password_cost`` (where the cost is what it tests: a login holds no
    pooled connection while it hashes) keeps the real one, and
    tests/server/test_password_cost.py holds the server to argon2-cffi's defaults."""
    if request.node.get_closest_marker("real_password_cost") is not None:
        yield
        return
    try:
        from argon2 import PasswordHasher

        from spt_server import security
    except ImportError:  # the desktop alone: no server here
        yield
        return
    real = security._hasher
    security._hasher = PasswordHasher(
        time_cost=FAST_KDF.time_cost, memory_cost=FAST_KDF.memory_kib, parallelism=1
    )
    security._dummy_hash.cache_clear()  # made with the hasher of the test
    try:
        yield
    finally:
        security._hasher = real
        security._dummy_hash.cache_clear()


@pytest.fixture
def fast_kdf() -> KdfParams:
    return FAST_KDF


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    """A real vault, made by ``Vault.create`` with its schema from the process's
    template (``tests.support.templates``)."""
    from tests.support.templates import create_vault

    v, _ = create_vault(
        tmp_path / "coach.sptvault",
        PASSPHRASE,
        owner_name="Sanne Bakker",
        owner_email="sanne@sptnoord-holland.nl",
        owner_roles=(Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH),
        owner_spt=Spt.NOORD_HOLLAND,
        kdf=FAST_KDF,
    )
    yield v
    v.lock()


@pytest.fixture
def services(vault: Vault):  # type: ignore[no-untyped-def]
    from spt_desktop.services import Services

    return Services(
        vault,
        today=lambda: TODAY,
        now=lambda: datetime(2026, 11, 30, 9, 15),
    )
