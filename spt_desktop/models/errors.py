"""The vault's errors. Each says, in Dutch, what is wrong and what to do about it, and
never contains personal data: they end up in dialogs, logs and support tickets."""

from __future__ import annotations

import errno


class VaultError(Exception):
    """Base of every error the vault raises on purpose."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WrongPassphrase(VaultError):
    exit_code = 3

    def __init__(self, what: str = "wachtwoordzin") -> None:
        super().__init__(
            f"De {what} klopt niet. Controleer hoofdletters en Caps Lock en probeer het "
            "opnieuw; bent u de wachtwoordzin kwijt, ontgrendel dan met uw herstelsleutel."
        )


class InvalidRecoveryKey(VaultError):
    exit_code = 3

    def __init__(self) -> None:
        super().__init__(
            "Deze herstelsleutel is niet geldig: er is waarschijnlijk een teken verkeerd "
            "overgenomen. Controleer de sleutel (groepen van vier tekens) en probeer opnieuw."
        )


class WrongRecoveryKey(VaultError):
    """A well-formed recovery key that does not open this vault (another vault's key)."""

    exit_code = 3

    def __init__(self) -> None:
        super().__init__(
            "Deze herstelsleutel hoort niet bij deze kluis. Controleer of u de herstelsleutel "
            "van precies deze kluis gebruikt; past geen enkele sleutel, zet de kluis dan terug "
            "uit uw back-up."
        )


class KeyHeaderMissing(VaultError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"Het sleutelbestand van de kluis ontbreekt ({path}). Zet het terug uit uw "
            "back-up, of ontgrendel met uw herstelsleutel: dan wordt het opnieuw gemaakt."
        )


class KeyHeaderDamaged(VaultError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"Het sleutelbestand van de kluis is beschadigd ({path}). Zet het terug uit uw "
            "back-up, of ontgrendel met uw herstelsleutel: dan wordt het opnieuw gemaakt."
        )


class VaultMissing(VaultError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"Er is geen kluis op {path}. Kies het juiste bestand of maak een nieuwe kluis."
        )


class VaultExists(VaultError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"Er staat al een kluis op {path}. Kies een andere plek; een bestaande kluis "
            "wordt nooit overschreven."
        )


class NotAVault(VaultError):
    """The file is not this header's vault: not a vault at all, or another one."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            f"{path} is geen SPT-kluis die bij dit sleutelbestand hoort ({detail}). "
            "Kies het juiste kluisbestand, of zet het terug uit uw back-up."
        )


class KeyDoesNotFit(NotAVault):
    """The (authentic) data key does not decrypt the file's first page: another vault's
    file, something that is not a vault, or a damaged first page — SQLCipher cannot
    tell these apart."""

    def __init__(self, path: str) -> None:
        super().__init__(path, "de sleutel past niet op dit bestand, of het is beschadigd")


class VaultDamaged(VaultError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"De kluis {path} is beschadigd of er is mee geknoeid: een deel ervan is niet "
            "meer te ontsleutelen. Er is niets gewijzigd. Zet de kluis terug uit uw "
            "back-up en synchroniseer; neem contact op met de IT van uw SPT."
        )


# What a coach can do something about, in her words; anything else as the OS says it.
_OS_REASONS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijf is vol",
    errno.EACCES: "u hebt geen rechten op dit bestand of deze map",
    errno.EPERM: "u hebt geen rechten op dit bestand of deze map",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EEXIST: "een deel van het pad is een bestand, geen map",  # from mkdir
    errno.EIO: "lees- of schrijffout van de schijf",
}
_SQLITE_REASONS = {
    3: "u hebt geen rechten op dit bestand of deze map",  # SQLITE_PERM
    5: "de kluis is in gebruik door een ander programma",  # SQLITE_BUSY
    6: "de kluis is in gebruik door een ander programma",  # SQLITE_LOCKED
    8: "de kluis of de map is alleen-lezen",  # SQLITE_READONLY
    10: "lees- of schrijffout van de schijf",  # SQLITE_IOERR
    13: "de schijf is vol",  # SQLITE_FULL
    14: "het bestand of de map kan niet worden geopend",  # SQLITE_CANTOPEN
}
SQLITE_IO_CODES = frozenset(_SQLITE_REASONS)


class VaultIOError(VaultError):
    """The disk, not the vault: full, read-only, no rights, a folder where a file
    should be. Nothing was half written: a failed write is rolled back."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(
            f"De kluis kan niet worden gelezen of opgeslagen ({path}: {reason}). Er is niets "
            "half opgeslagen. Maak ruimte vrij of controleer de map en uw rechten, en probeer "
            "het opnieuw."
        )

    @classmethod
    def from_os(cls, path: str, exc: OSError) -> VaultIOError:
        return cls(path, _OS_REASONS.get(exc.errno or 0, exc.strerror or "onbekende fout"))

    @classmethod
    def from_sqlite(cls, path: str, code: int) -> VaultIOError:
        return cls(path, _SQLITE_REASONS.get(code & 0xFF, "onbekende fout"))


class VaultTooNew(VaultError):
    """The vault's schema is newer than this app knows: a newer SPT Desktop wrote it.
    Refused before anything is written (no backup copy, no migration)."""

    exit_code = 5

    def __init__(self) -> None:
        super().__init__(
            "Deze kluis is gemaakt met een nieuwere versie van SPT Desktop; werk de app bij "
            "en open de kluis daarna opnieuw. Er is niets gewijzigd."
        )


class VaultLocked(VaultError):
    def __init__(self) -> None:
        super().__init__("De kluis is vergrendeld. Ontgrendel hem eerst.")


class NoSqlCipher(VaultError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            "Deze installatie heeft geen werkende SQLCipher 4 (" + detail + "). Zonder "
            "versleuteling start SPT Desktop niet: installeer het pakket opnieuw."
        )


class WeakPassphrase(VaultError):
    exit_code = 2
