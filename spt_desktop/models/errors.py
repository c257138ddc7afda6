"""The vault's errors. Each says, in Dutch, what is wrong and what to do about it, and
never contains personal data: they end up in dialogs, logs and support tickets."""

from __future__ import annotations


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
