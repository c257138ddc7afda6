"""The vault's errors: a code and params each (``spt_desktop.errors``), never words. The
presenters (``cli/messages.py``, ``ui/messages.py``) say what is wrong and what to do; no
error carries personal data (they end up in dialogs, logs and support tickets)."""

from __future__ import annotations

import errno

from spt_desktop.errors import Code, Reason, SptError


class VaultError(SptError):
    """Base of every error the vault raises on purpose."""

    default_code = Code.VAULT_IO


class WrongPassphrase(VaultError):
    default_code = Code.WRONG_PASSPHRASE

    def __init__(self) -> None:
        super().__init__()


class InvalidRecoveryKey(VaultError):
    default_code = Code.INVALID_RECOVERY_KEY

    def __init__(self) -> None:
        super().__init__()


class WrongRecoveryKey(VaultError):
    """A well-formed recovery key that does not open this vault (another vault's key)."""

    default_code = Code.WRONG_RECOVERY_KEY

    def __init__(self) -> None:
        super().__init__()


class KeyHeaderMissing(VaultError):
    default_code = Code.KEY_HEADER_MISSING

    def __init__(self, path: str) -> None:
        super().__init__(path=path)


class KeyHeaderDamaged(VaultError):
    default_code = Code.KEY_HEADER_DAMAGED

    def __init__(self, path: str) -> None:
        super().__init__(path=path)


class VaultMissing(VaultError):
    default_code = Code.VAULT_MISSING

    def __init__(self, path: str) -> None:
        super().__init__(path=path)


class VaultExists(VaultError):
    default_code = Code.VAULT_EXISTS

    def __init__(self, path: str) -> None:
        super().__init__(path=path)


class NotAVault(VaultError):
    """The file is not this header's vault: not a vault at all, or another one."""

    default_code = Code.NOT_A_VAULT

    def __init__(self, path: str, reason: Reason) -> None:
        super().__init__(path=path, reason=reason.value)


class KeyDoesNotFit(NotAVault):
    """The (authentic) data key does not decrypt the file's first page: another vault's
    file, something that is not a vault, or a damaged first page — SQLCipher cannot
    tell these apart."""

    def __init__(self, path: str) -> None:
        super().__init__(path, Reason.KEY_DOES_NOT_FIT)


class VaultDamaged(VaultError):
    default_code = Code.VAULT_DAMAGED

    def __init__(self, path: str) -> None:
        super().__init__(path=path)


# What a coach can do something about; anything else as the OS says it.
_OS_REASONS = {
    errno.ENOSPC: Reason.DISK_FULL,
    errno.EDQUOT: Reason.DISK_FULL,
    errno.EACCES: Reason.NO_PERMISSION,
    errno.EPERM: Reason.NO_PERMISSION,
    errno.EROFS: Reason.READ_ONLY_DISK,
    errno.EISDIR: Reason.IS_A_FOLDER,
    errno.ENOTDIR: Reason.PATH_PART_IS_FILE,
    errno.EEXIST: Reason.PATH_PART_IS_FILE,  # from mkdir
    errno.EIO: Reason.DISK_IO,
}
_SQLITE_REASONS = {
    3: Reason.NO_PERMISSION,  # SQLITE_PERM
    5: Reason.IN_USE,  # SQLITE_BUSY
    6: Reason.IN_USE,  # SQLITE_LOCKED
    8: Reason.READ_ONLY_VAULT,  # SQLITE_READONLY
    10: Reason.DISK_IO,  # SQLITE_IOERR
    13: Reason.DISK_FULL,  # SQLITE_FULL
    14: Reason.CANNOT_OPEN,  # SQLITE_CANTOPEN
}
SQLITE_IO_CODES = frozenset(_SQLITE_REASONS)


class VaultIOError(VaultError):
    """The disk, not the vault: full, read-only, no rights, a folder where a file
    should be. Nothing was half written: a failed write is rolled back. ``detail`` is
    the OS's own words, for reasons the app does not name itself."""

    default_code = Code.VAULT_IO

    def __init__(self, path: str, reason: Reason, detail: str = "") -> None:
        super().__init__(path=path, reason=reason.value, detail=detail)

    @classmethod
    def from_os(cls, path: str, exc: OSError) -> VaultIOError:
        reason = _OS_REASONS.get(exc.errno or 0)
        if reason is not None:
            return cls(path, reason)
        if exc.strerror:
            return cls(path, Reason.OS_SAYS, exc.strerror)
        return cls(path, Reason.UNKNOWN)

    @classmethod
    def from_sqlite(cls, path: str, code: int) -> VaultIOError:
        return cls(path, _SQLITE_REASONS.get(code & 0xFF, Reason.UNKNOWN))


class VaultTooNew(VaultError):
    """The vault's schema is newer than this app knows: a newer SPT Desktop wrote it.
    Refused before anything is written (no backup copy, no migration)."""

    default_code = Code.VAULT_TOO_NEW

    def __init__(self) -> None:
        super().__init__()


class VaultLocked(VaultError):
    default_code = Code.VAULT_LOCKED

    def __init__(self) -> None:
        super().__init__()


class NoSqlCipher(VaultError):
    """No working SQLCipher 4: none at all, or (with ``version``) too old a one."""

    default_code = Code.NO_SQLCIPHER

    def __init__(self, version: str | None = None) -> None:
        if version is None:
            super().__init__()
        else:
            super().__init__(Code.SQLCIPHER_TOO_OLD, version=version)


class WeakPassphrase(VaultError):
    """A new passphrase the one rule (``models.passphrase``) refuses; ``reason`` is
    TOO_SHORT or REPEATED, ``minimum`` the length it asks for."""

    default_code = Code.WEAK_PASSPHRASE

    def __init__(self, reason: Reason, minimum: int) -> None:
        super().__init__(reason=reason.value, minimum=minimum)
