"""The vault: create, unlock, lock, recovery key, passphrase change, pinned settings."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from spt_common.enums import Role, Spt
from spt_desktop.cli import messages as cli
from spt_desktop.models import Coach, Setting, keyfile
from spt_desktop.models.errors import (
    InvalidRecoveryKey,
    KeyHeaderDamaged,
    KeyHeaderMissing,
    NoSqlCipher,
    VaultExists,
    VaultIOError,
    VaultLocked,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from spt_desktop.models.keyfile import KdfParams
from spt_desktop.models.vault import Vault, check_sqlcipher

MakeVault = Callable[..., tuple[Vault, str]]
FAST_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
NEW_PASSPHRASE = "nieuwe zomer in Den Helder"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _open_vault_fds(vault: Vault) -> list[str]:
    """Paths of this process's open file descriptors on the vault or its side files."""
    names = {str(vault.path), *(str(p) for p in vault.side_files())}
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue  # closed while listing
        if target.removesuffix(" (deleted)") in names:
            found.append(target)
    return found


def _owner_name(vault: Vault) -> str:
    with vault.transaction() as s:
        return s.get_one(Coach, vault.owner_id).name


# --- SQLCipher itself -----------------------------------------------------------------


def test_sqlcipher_4_is_the_driver() -> None:
    version = check_sqlcipher()
    assert int(version.split(".")[0]) >= 4


def test_plain_sqlite_is_refused() -> None:
    # The stdlib module is a real SQLite without encryption: exactly what must be refused.
    with pytest.raises(NoSqlCipher) as err:
        check_sqlcipher(sqlite3)
    assert "SQLCipher 4" in cli.text(err.value)
    assert "installeer" in cli.text(err.value)


def test_pinned_settings_on_every_connection(fresh_vault: Vault) -> None:
    vault = fresh_vault
    expected = {
        "cipher_page_size": "4096",
        "cipher_hmac_algorithm": "HMAC_SHA512",
        "cipher_kdf_algorithm": "PBKDF2_HMAC_SHA512",
        "kdf_iter": "256000",
        "cipher_memory_security": "0",  # SQLCipher's default (models.preferences)
        "journal_mode": "wal",
        "synchronous": "2",  # FULL
        "foreign_keys": "1",
        "temp_store": "2",  # MEMORY
        "secure_delete": "1",
    }
    with vault.engine.connect() as c:
        got = {name: str(c.exec_driver_sql(f"PRAGMA {name}").scalar()) for name in expected}
    assert got == expected


def test_stdlib_sqlite_cannot_read_a_vault(fresh_vault: Vault) -> None:
    vault = fresh_vault
    vault.lock()
    conn = sqlite3.connect(vault.path)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


# --- create ---------------------------------------------------------------------------


def test_create_makes_an_owner_only_vault_with_its_owner(tmp_path: Path) -> None:
    vault, recovery = Vault.create(
        tmp_path / "anna.spt",
        "paarse vlinder boven Hoorn",
        owner_name="Anna de Vries",
        owner_email="anna@example.org",
        owner_roles=(Role.JOBCOACH, Role.ARBEIDSMARKTCOACH),
        owner_spt=Spt.MIDDEN,
        kdf=FAST_KDF,
    )
    try:
        assert vault.is_unlocked
        assert len(recovery.split("-")) == 14
        with vault.transaction() as s:
            owner = s.get_one(Coach, vault.owner_id)
            assert owner.role_set() == {Role.JOBCOACH, Role.ARBEIDSMARKTCOACH}
            assert (owner.name, owner.spt) == ("Anna de Vries", Spt.MIDDEN)
            stored_id = s.get_one(Setting, "vault_id").value
        assert stored_id == vault.vault_id == keyfile.read_header(vault.key_path).vault_id
        for p in tmp_path.iterdir():
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p.name
    finally:
        vault.lock()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["anna.spt", "anna.spt.key"]


def test_create_uses_the_default_kdf(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "k.spt", "paarse vlinder boven Hoorn")
    vault.lock()
    kdf = keyfile.read_header(vault.key_path).kdf
    assert kdf == keyfile.DEFAULT_KDF
    assert kdf.memory_kib >= 19 * 1024 and kdf.time_cost >= 2


@pytest.mark.parametrize("existing", ["kluis.spt", "kluis.spt.key", "kluis.spt-wal"])
def test_create_never_overwrites(tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).write_bytes(b"van iemand anders")
    with pytest.raises(VaultExists) as err:
        Vault.create(tmp_path / "kluis.spt", "paarse vlinder boven Hoorn", kdf=FAST_KDF)
    assert "nooit overschreven" in cli.text(err.value)
    assert [p.name for p in tmp_path.iterdir()] == [existing]
    assert (tmp_path / existing).read_bytes() == b"van iemand anders"


@pytest.mark.parametrize("weak", ["kort", "aaaaaaaaaaaa", "abababababab"])
def test_create_refuses_a_weak_passphrase_and_leaves_nothing(tmp_path: Path, weak: str) -> None:
    """The rule of the wizard's strength meter: the GUI, the CLI and the core agree."""
    from spt_desktop.models.passphrase import passphrase_strength

    assert not passphrase_strength(weak).acceptable
    with pytest.raises(WeakPassphrase) as err:
        Vault.create(tmp_path / "kluis.spt", weak, kdf=FAST_KDF)
    assert cli.exit_code(err.value) == 2
    assert list(tmp_path.iterdir()) == []


# --- unlock and lock ------------------------------------------------------------------


def test_unlock_lock_unlock(fresh_vault: Vault, passphrase: str) -> None:
    vault = fresh_vault
    owner = _owner_name(vault)
    vault.lock()
    assert not vault.is_unlocked
    with pytest.raises(VaultLocked), vault.transaction():
        pass
    with pytest.raises(VaultLocked):
        vault.integrity_problems()
    again = Vault(vault.path)
    again.unlock(passphrase)
    try:
        assert _owner_name(again) == owner
        assert again.integrity_problems() == []
    finally:
        again.lock()
    vault.unlock(passphrase)
    assert _owner_name(vault) == owner


def test_wrong_passphrase(fresh_vault: Vault, passphrase: str) -> None:
    vault = fresh_vault
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault(vault.path).unlock(passphrase.upper())


def test_lock_closes_every_file_descriptor(fresh_vault: Vault, passphrase: str) -> None:
    vault = fresh_vault
    with vault.transaction() as s:
        s.get_one(Coach, vault.owner_id).name = "Bram"
    assert _open_vault_fds(vault), "the check must see the vault's descriptors while open"
    vault.lock()
    assert _open_vault_fds(vault) == []
    vault.unlock(passphrase)
    assert _owner_name(vault) == "Bram"
    vault.lock()
    assert _open_vault_fds(vault) == []


def test_lock_closes_what_a_caller_left_open(fresh_vault: Vault) -> None:
    vault = fresh_vault
    # A transaction whose block never ended (a suspended generator, a crashed worker),
    # and a connection checked out of the pool and never returned.
    tx = vault.transaction()
    session = tx.__enter__()
    owner = session.get_one(Coach, vault.owner_id)  # held, as a widget would hold it
    assert owner in session
    conn = vault.engine.connect()
    conn.exec_driver_sql("SELECT count(*) FROM coach").scalar()

    vault.lock()

    assert _open_vault_fds(vault) == []
    assert owner not in session and len(session.identity_map) == 0  # cached rows dropped
    conn.invalidate()


def test_a_session_kept_past_lock_cannot_reopen_the_file(fresh_vault: Vault) -> None:
    vault = fresh_vault
    with vault.transaction() as kept:
        kept.get_one(Coach, vault.owner_id)
    vault.lock()
    # The old engine is still reachable through the session, but the key is gone.
    with pytest.raises(VaultLocked):
        kept.execute(sa.select(Coach)).all()
    assert _open_vault_fds(vault) == []


# --- recovery key ---------------------------------------------------------------------


@pytest.fixture
def locked(make_vault: MakeVault) -> tuple[Vault, str]:
    vault, recovery = make_vault()
    vault.lock()
    return vault, recovery


@pytest.mark.parametrize(
    "retype",
    [
        lambda k: k,
        lambda k: k.lower(),
        lambda k: k.replace("-", " "),
        lambda k: " " + k.replace("-", "").lower() + " ",
    ],
)
def test_recovery_key_opens_tolerantly(
    locked: tuple[Vault, str], retype: Callable[..., str]
) -> None:
    vault, recovery = locked
    header = vault.key_path.read_bytes()
    vault.unlock_with_recovery_key(retype(recovery))
    assert vault.is_unlocked and vault.owner_id
    vault.lock()
    assert vault.key_path.read_bytes() == header  # no new passphrase: header untouched


def test_recovery_key_typo_is_caught(locked: tuple[Vault, str]) -> None:
    vault, recovery = locked
    i = 7
    typo = recovery[:i] + ("A" if recovery[i] != "A" else "B") + recovery[i + 1 :]
    with pytest.raises(InvalidRecoveryKey):
        vault.unlock_with_recovery_key(typo)
    assert not vault.is_unlocked


def test_another_vaults_recovery_key(make_vault: MakeVault) -> None:
    mine, _ = make_vault("mijn.spt")
    _, theirs = make_vault("andere.spt")
    mine.lock()
    with pytest.raises(WrongRecoveryKey) as err:
        mine.unlock_with_recovery_key(theirs, NEW_PASSPHRASE)
    assert cli.exit_code(err.value) == 3
    assert "hoort niet bij deze kluis" in cli.text(err.value)


def test_recovery_sets_a_new_passphrase(locked: tuple[Vault, str], passphrase: str) -> None:
    vault, recovery = locked
    vault.unlock_with_recovery_key(recovery, NEW_PASSPHRASE)
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault(vault.path).unlock(passphrase)
    Vault(vault.path).unlock(NEW_PASSPHRASE)


@pytest.mark.parametrize("damage", ["missing", "damaged"])
def test_recovery_writes_a_fresh_header(
    locked: tuple[Vault, str], damage: str, passphrase: str
) -> None:
    vault, recovery = locked
    vault_id = keyfile.read_header(vault.key_path).vault_id
    if damage == "missing":
        vault.key_path.unlink()
        expected: type[Exception] = KeyHeaderMissing
    else:
        vault.key_path.write_bytes(vault.key_path.read_bytes()[:100])
        expected = KeyHeaderDamaged
    with pytest.raises(expected):
        Vault(vault.path).unlock(passphrase)
    with pytest.raises(expected):  # without a new passphrase there is nothing to write
        vault.unlock_with_recovery_key(recovery)

    vault.unlock_with_recovery_key(recovery, NEW_PASSPHRASE)
    assert vault.is_unlocked
    vault.lock()
    header = keyfile.read_header(vault.key_path)
    assert header.vault_id == vault_id
    assert header.kdf == keyfile.DEFAULT_KDF
    again = Vault(vault.path)
    again.unlock(NEW_PASSPHRASE)
    again.lock()
    assert sorted(p.name for p in vault.path.parent.iterdir()) == ["kluis.spt", "kluis.spt.key"]


def test_recovery_refuses_a_weak_new_passphrase(locked: tuple[Vault, str]) -> None:
    vault, recovery = locked
    vault.key_path.unlink()
    with pytest.raises(WeakPassphrase):
        vault.unlock_with_recovery_key(recovery, "kort")
    assert not vault.key_path.exists()


# --- passphrase change ----------------------------------------------------------------


def test_change_passphrase_rewraps_only_the_header(
    locked: tuple[Vault, str], passphrase: str
) -> None:
    vault, recovery = locked
    before = keyfile.read_header(vault.key_path)
    vault_bytes = _sha(vault.path)

    vault.change_passphrase(passphrase, NEW_PASSPHRASE)

    after = keyfile.read_header(vault.key_path)
    assert (after.vault_id, after.kdf) == (before.vault_id, before.kdf)
    assert after.salt != before.salt
    assert _sha(vault.path) == vault_bytes
    assert sorted(p.name for p in vault.path.parent.iterdir()) == ["kluis.spt", "kluis.spt.key"]
    with pytest.raises(WrongPassphrase):
        Vault(vault.path).unlock(passphrase)
    fresh = Vault(vault.path)
    fresh.unlock(NEW_PASSPHRASE)
    fresh.lock()
    vault.unlock_with_recovery_key(recovery)  # the recovery key is the data key: still valid
    vault.lock()


def test_change_passphrase_while_unlocked(fresh_vault: Vault, passphrase: str) -> None:
    vault = fresh_vault
    vault.change_passphrase(passphrase, NEW_PASSPHRASE)
    assert _owner_name(vault)  # the open vault is not disturbed
    vault.lock()
    vault.unlock(NEW_PASSPHRASE)


@pytest.mark.parametrize(
    ("old", "new", "error"),
    [
        ("fout fout fout", NEW_PASSPHRASE, WrongPassphrase),
        ("paarse vlinder boven Hoorn", "kort", WeakPassphrase),
    ],
)
def test_failed_passphrase_change_touches_nothing(
    locked: tuple[Vault, str], old: str, new: str, error: type[Exception]
) -> None:
    vault, _ = locked
    before = {p.name: _sha(p) for p in vault.path.parent.iterdir()}
    with pytest.raises(error):
        vault.change_passphrase(old, new)
    assert {p.name: _sha(p) for p in vault.path.parent.iterdir()} == before


# --- the disk, not the vault ----------------------------------------------------------


def test_a_folder_where_the_vault_should_be(locked: tuple[Vault, str], passphrase: str) -> None:
    vault, _ = locked
    vault.path.unlink()
    vault.path.mkdir()
    with pytest.raises(VaultIOError) as err:
        vault.unlock(passphrase)
    assert "map, geen bestand" in cli.text(err.value)


def test_a_folder_where_the_header_should_be(locked: tuple[Vault, str], passphrase: str) -> None:
    vault, _ = locked
    vault.key_path.unlink()
    vault.key_path.mkdir()
    with pytest.raises(VaultIOError) as err:
        vault.unlock(passphrase)
    assert "map, geen bestand" in cli.text(err.value)


def test_create_below_a_file(tmp_path: Path, passphrase: str) -> None:
    (tmp_path / "bestand").write_bytes(b"")
    with pytest.raises(VaultIOError) as err:
        Vault.create(tmp_path / "bestand" / "kluis.spt", passphrase, kdf=FAST_KDF)
    assert "geen map" in cli.text(err.value)


def test_a_full_disk_rolls_back_and_says_so(fresh_vault: Vault, passphrase: str) -> None:
    vault = fresh_vault
    with vault.engine.connect() as c:
        pages = c.exec_driver_sql("PRAGMA page_count").scalar()
    with pytest.raises(VaultIOError) as err, vault.transaction() as s:
        # SQLite's own limit, reached for real: SQLITE_FULL, as on a full disk.
        s.connection().exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        s.add(Coach(name="x" * 200_000, email="", roles="jobcoach", spt=Spt.MIDDEN))
        s.flush()
    assert "schijf is vol" in cli.text(err.value)
    assert "niets half opgeslagen" in cli.text(err.value)
    vault.lock()  # drops the connection that carries the limit
    vault.unlock(passphrase)
    with vault.transaction() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Coach)) == 1
    assert vault.integrity_problems() == []
