"""The CLI's presenter: every error code (``spt_desktop.errors``) as one Dutch line and an
exit code. The CLI speaks Dutch only; the UI words the same codes through Qt's
translator (``ui/messages.py``)."""

from __future__ import annotations

from spt_desktop.errors import Code, Param, Reason, SptError

OK, ERROR, USAGE, AUTH, UNREACHABLE, TOO_NEW = 0, 1, 2, 3, 4, 5

_UNLOCK_AGAIN = (
    "Zet het terug uit uw back-up, of ontgrendel met uw herstelsleutel: dan wordt het "
    "opnieuw gemaakt."
)
_NOTHING_LOST = (
    "Er is niets verloren: uw wijzigingen staan veilig in de kluis en gaan mee bij de "
    "volgende synchronisatie."
)

# code → (text with {params}, exit code)
MESSAGES: dict[Code, tuple[str, int]] = {
    Code.WRONG_PASSPHRASE: (
        "De wachtwoordzin klopt niet. Controleer hoofdletters en Caps Lock en probeer het "
        "opnieuw; bent u de wachtwoordzin kwijt, ontgrendel dan met uw herstelsleutel.",
        AUTH,
    ),
    Code.INVALID_RECOVERY_KEY: (
        "Deze herstelsleutel is niet geldig: er is waarschijnlijk een teken verkeerd "
        "overgenomen. Controleer de sleutel (groepen van vier tekens) en probeer opnieuw.",
        AUTH,
    ),
    Code.WRONG_RECOVERY_KEY: (
        "Deze herstelsleutel hoort niet bij deze kluis. Controleer of u de herstelsleutel "
        "van precies deze kluis gebruikt; past geen enkele sleutel, zet de kluis dan terug "
        "uit uw back-up.",
        AUTH,
    ),
    Code.KEY_HEADER_MISSING: (
        "Het sleutelbestand van de kluis ontbreekt ({path}). " + _UNLOCK_AGAIN,
        ERROR,
    ),
    Code.KEY_HEADER_DAMAGED: (
        "Het sleutelbestand van de kluis is beschadigd ({path}). " + _UNLOCK_AGAIN,
        ERROR,
    ),
    Code.VAULT_MISSING: (
        "Er is geen kluis op {path}. Kies het juiste bestand of maak een nieuwe kluis.",
        ERROR,
    ),
    Code.VAULT_EXISTS: (
        "Er staat al een kluis op {path}. Kies een andere plek; een bestaande kluis wordt "
        "nooit overschreven.",
        ERROR,
    ),
    Code.NOT_A_VAULT: (
        "{path} is geen SPT-kluis die bij dit sleutelbestand hoort ({reason}). Kies het "
        "juiste kluisbestand, of zet het terug uit uw back-up.",
        ERROR,
    ),
    Code.VAULT_DAMAGED: (
        "De kluis {path} is beschadigd of er is mee geknoeid: een deel ervan is niet meer "
        "te ontsleutelen. Er is niets gewijzigd. Zet de kluis terug uit uw back-up en "
        "synchroniseer; neem contact op met de IT van uw SPT.",
        ERROR,
    ),
    Code.VAULT_IO: (
        "De kluis kan niet worden gelezen of opgeslagen ({path}: {reason}). Er is niets "
        "half opgeslagen. Maak ruimte vrij of controleer de map en uw rechten, en probeer "
        "het opnieuw.",
        ERROR,
    ),
    Code.VAULT_TOO_NEW: (
        "Deze kluis is gemaakt met een nieuwere versie van SPT Desktop; werk de app bij en "
        "open de kluis daarna opnieuw. Er is niets gewijzigd.",
        TOO_NEW,
    ),
    Code.VAULT_LOCKED: ("De kluis is vergrendeld. Ontgrendel hem eerst.", ERROR),
    Code.NO_SQLCIPHER: (
        "Deze installatie heeft geen werkende SQLCipher 4 (de SQLite-bibliotheek heeft "
        "geen versleuteling). Zonder versleuteling start SPT Desktop niet: installeer het "
        "pakket opnieuw.",
        ERROR,
    ),
    Code.SQLCIPHER_TOO_OLD: (
        "Deze installatie heeft geen werkende SQLCipher 4 (versie {version} is te oud). "
        "Zonder versleuteling start SPT Desktop niet: installeer het pakket opnieuw.",
        ERROR,
    ),
    Code.WEAK_PASSPHRASE: (
        "Deze wachtwoordzin is te zwak ({reason}). Kies er een van minstens {minimum} "
        "tekens; een paar losse woorden zijn sterk en goed te onthouden.",
        USAGE,
    ),
    Code.INVALID_INPUT: (
        "Controleer de invoer — {fields}. Er is niets opgeslagen.",
        USAGE,
    ),
    Code.NOT_FOUND: (
        "{what} bestaat niet (meer) in deze kluis. Misschien is het verwijderd of "
        "overgedragen; synchroniseer en probeer het opnieuw.",
        ERROR,
    ),
    Code.SERVICE_FAILED: ("{text}", ERROR),
    Code.RULE_VIOLATED: ("{text}", ERROR),
    Code.UNREACHABLE: (
        "De SPT-server is niet bereikbaar ({detail}). " + _NOTHING_LOST,
        UNREACHABLE,
    ),
    Code.DEVICE_REVOKED: ("Dit apparaat is ingetrokken door de beheerder.", AUTH),
    Code.VAULT_WIPED: (
        "Dit apparaat is ingetrokken door de beheerder: alle dossiers zijn uit deze kluis "
        "gewist, en deze kluis kan niet meer aanmelden. Neem contact op met uw beheerder; "
        "met een nieuwe kluis kunt u weer aanmelden als uw account actief is.",
        AUTH,
    ),
    Code.ACCOUNT_INACTIVE: (
        "Uw account bij de SPT-server is uitgeschakeld door de beheerder, dus aanmelden "
        "kan niet. Neem contact op met uw beheerder.",
        AUTH,
    ),
    Code.TOKEN_REUSED: (
        "Uw aanmelding bij de SPT-server is om veiligheidsredenen beëindigd: een oudere "
        "aanmeldsleutel van dit apparaat werd nog eens gebruikt. Meld opnieuw aan (in de "
        "app bij Instellingen, of met 'spt-desktop login'). " + _NOTHING_LOST + " Gebeurt "
        "dit vaker, meld het dan bij de beheerder.",
        AUTH,
    ),
    Code.TOKEN_EXPIRED: ("De aanmelding is verlopen.", AUTH),
    Code.BAD_CREDENTIALS: ("E-mailadres of wachtwoord klopt niet. Probeer het opnieuw.", AUTH),
    Code.RATE_LIMITED: (
        "Te veel mislukte aanmeldpogingen. Wacht {reason} en probeer het opnieuw.",
        AUTH,
    ),
    Code.SIGNED_OUT: (
        "U bent niet (meer) aangemeld bij de SPT-server. Meld opnieuw aan met 'spt-desktop login'.",
        AUTH,
    ),
    Code.SERVER_REFUSED: (
        "De SPT-server weigerde het verzoek (HTTP {status}). Er is niets verloren; neem "
        "contact op met de beheerder als dit blijft gebeuren.",
        ERROR,
    ),
    Code.OTHER_ACCOUNT: (
        "Deze kluis hoort bij een ander account. Meld aan met het account van de eigenaar, "
        "of maak een nieuwe kluis voor dit account.",
        ERROR,
    ),
    Code.NOT_LINKED: (
        "Deze kluis is nog niet gekoppeld aan de SPT-server. Meld eerst aan met "
        "'spt-desktop login --vault PAD --server URL --email E'.",
        AUTH,
    ),
}

# The ``reason`` param, worded (with the same params as the code it belongs to).
REASONS: dict[Reason, str] = {
    Reason.NO_VAULT_DATA: "het bestand heeft geen kluisgegevens",
    Reason.OTHER_VAULTS_HEADER: "het sleutelbestand hoort bij een andere kluis",
    Reason.PLAIN_SQLITE: "het is een onversleuteld SQLite-bestand",
    Reason.EMPTY_OR_SHORT: "het bestand is leeg of te kort",
    Reason.KEY_DOES_NOT_FIT: "de sleutel past niet op dit bestand, of het is beschadigd",
    Reason.DISK_FULL: "de schijf is vol",
    Reason.NO_PERMISSION: "u hebt geen rechten op dit bestand of deze map",
    Reason.READ_ONLY_DISK: "de schijf is alleen-lezen",
    Reason.IS_A_FOLDER: "dit is een map, geen bestand",
    Reason.PATH_PART_IS_FILE: "een deel van het pad is een bestand, geen map",
    Reason.DISK_IO: "lees- of schrijffout van de schijf",
    Reason.IN_USE: "de kluis is in gebruik door een ander programma",
    Reason.READ_ONLY_VAULT: "de kluis of de map is alleen-lezen",
    Reason.CANNOT_OPEN: "het bestand of de map kan niet worden geopend",
    Reason.OS_SAYS: "{detail}",
    Reason.UNKNOWN: "onbekende fout",
    Reason.TOO_SHORT: "gebruik minstens {minimum} tekens",
    Reason.REPEATED: "vermijd herhaalde tekens; kies een paar losse woorden",
    Reason.WAIT_ONE_SECOND: "1 seconde",
    Reason.WAIT_SECONDS: "{seconds} seconden",
    Reason.WAIT_MINUTES: "{minutes} minuten",
    Reason.WAIT_AT_MOST_A_QUARTER: "hoogstens een kwartier",
}


def _words(params: dict[str, Param]) -> dict[str, Param]:
    """The params with ``reason`` worded."""
    reason = params.get("reason")
    if reason is None:
        return params
    return {**params, "reason": REASONS[Reason(str(reason))].format(**params)}


def text(exc: SptError) -> str:
    """What to tell the person at the terminal, in Dutch."""
    template, _exit = MESSAGES[exc.code]
    return template.format(**_words(exc.params))


def exit_code(exc: SptError) -> int:
    """The exit code of the command that failed with ``exc``."""
    return MESSAGES[exc.code][1]
