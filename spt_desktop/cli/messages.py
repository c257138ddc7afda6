"""The CLI's presenter: every error code (``spt_desktop.errors``) as one Dutch line and an
exit code. The CLI speaks Dutch only; the UI words the same codes through Qt's
translator (``ui/messages.py``)."""

from __future__ import annotations

from datetime import date

from spt_common.enums import CandidateStatus, Labelled, MatchStatus, Phase, Role
from spt_desktop.errors import (
    DAY_PARAMS,
    LABELLED_PARAMS,
    Code,
    FieldError,
    InvalidInput,
    Param,
    Problem,
    Reason,
    SptError,
    Thing,
)

OK, ERROR, USAGE, AUTH, UNREACHABLE, TOO_NEW, CERTIFICATE = 0, 1, 2, 3, 4, 5, 6
# TOO_NEW: this SPT Desktop is too old for what it met: a vault made by a newer version,
# or a server that asks for a newer version (update the app; nothing was changed or lost).
# CERTIFICATE: the server's certificate is not trusted by this laptop (TLS).

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
    Code.PLACEMENT_OF_OTHER_CANDIDATE: (
        "Deze plaatsing hoort bij een andere kandidaat. Kies een plaatsing van deze kandidaat.",
        ERROR,
    ),
    Code.VISIT_SIGNED_OFF: (
        "Dit bezoekverslag is afgetekend en wordt niet meer gewijzigd; leg een aanvulling "
        "vast als nieuw bezoek.",
        ERROR,
    ),
    Code.CANDIDATE_NOT_IN_JOURNEY: (
        "Deze kandidaat is {candidate_status}; meld hem of haar eerst opnieuw aan voordat "
        "de fase verandert.",
        ERROR,
    ),
    Code.ALREADY_IN_PHASE: ("De kandidaat staat al in de fase {phase}.", ERROR),
    Code.ALREADY_DROPPED_OUT: ("Deze kandidaat is al als uitgevallen geregistreerd.", ERROR),
    Code.ALREADY_TAKING_PART: (
        "Deze kandidaat doet al mee; opnieuw aanmelden is niet nodig.",
        ERROR,
    ),
    Code.VACANCY_OF_OTHER_EMPLOYER: (
        "Deze vacature hoort bij een andere werkgever. Kies een vacature van deze werkgever.",
        ERROR,
    ),
    Code.MATCH_STEP_NOT_ALLOWED: (
        "Een match met status '{match_status}' kan niet naar '{to_status}'.",
        ERROR,
    ),
    Code.MATCH_CANNOT_BE_PLACED: (
        "Een match met status '{match_status}' kan geen plaatsing meer worden.",
        ERROR,
    ),
    Code.CHECKPOINT_DONE: ("Dit meetmoment is al vastgelegd.", ERROR),
    Code.PLACEMENT_ENDED: ("Deze plaatsing is al beëindigd.", ERROR),
    Code.PLAN_NOT_DRAFT: (
        "Alleen een concept kan worden afgesproken. Begin een nieuwe versie om het plan van "
        "aanpak aan te passen.",
        ERROR,
    ),
    Code.PLAN_WITHOUT_GOALS: (
        "Een plan van aanpak heeft minstens één doel nodig. Voeg eerst een doel toe.",
        ERROR,
    ),
    Code.PROCESSING_CONSENT_WITHDRAWN: (
        "Toestemming voor registratie intrekken betekent het dossier sluiten: sluit de "
        "kandidaat af via de kandidaatreis.",
        ERROR,
    ),
    Code.LOKET_NOT_YOURS: (
        "Alleen het loket en de coördinator leggen loketvragen vast. U ziet de vragen "
        "die aan u zijn doorgezet.",
        ERROR,
    ),
    Code.ROLE_NOT_HELD: (
        "Deze collega heeft de rol {role} niet. Kies een andere rol of een andere collega.",
        ERROR,
    ),
    Code.HANDOVER_PENDING: (
        "Voor deze kandidaat wacht al een overdracht op acceptatie.",
        ERROR,
    ),
    Code.HANDOVER_NOT_YOURS: (
        "Alleen de ontvangende coach kan deze overdracht accepteren.",
        ERROR,
    ),
    Code.HANDOVER_ACCEPTED: ("Deze overdracht is al geaccepteerd.", ERROR),
    Code.CONFLICT_CHOICE: (
        "Kies 'Mijn versie houden' of 'Versie van de server houden'.",
        USAGE,
    ),
    Code.DEMO_NOT_LINKED: (
        "Dit is een oefenkluis met verzonnen gegevens; die wordt niet aan een server "
        "gekoppeld. Maak een eigen kluis aan om te synchroniseren.",
        ERROR,
    ),
    Code.DEMO_INTO_LINKED: (
        "Deze kluis is gekoppeld aan een server; daar komen geen verzonnen demogegevens in. "
        "Gebruik een nieuwe kluis voor de demo.",
        ERROR,
    ),
    Code.EXPORT_IS_A_FOLDER: ("Dat is een map; kies een bestandsnaam.", USAGE),
    Code.EXPORT_DISK_FULL: (
        "De schijf is vol; het bestand is niet opgeslagen. Maak ruimte vrij of kies een "
        "andere plek.",
        ERROR,
    ),
    Code.EXPORT_NOT_ALLOWED: (
        "In die map mag niet worden geschreven; het bestand is niet opgeslagen. Kies een "
        "andere map.",
        ERROR,
    ),
    Code.EXPORT_FOLDER_GONE: (
        "Die map bestaat niet (meer); het bestand is niet opgeslagen. Kies een andere map.",
        ERROR,
    ),
    Code.EXPORT_FAILED: (
        "Het bestand kon niet worden opgeslagen. Kies een andere plek en probeer het opnieuw.",
        ERROR,
    ),
    Code.FUND_NEEDS_WORK: (
        "Geld uit een opleidingsfonds (Wij Techniek, OOM, A+O Metalektro) is er alleen "
        "voor wie werkt, en deze kandidaat is nog niet geplaatst. Kies een andere "
        "financiering, zoals een scholingsvoucher of gemeente / UWV, of leg eerst de "
        "plaatsing vast. Er is niets opgeslagen.",
        ERROR,
    ),
    Code.VISIT_NOT_SIGNED: (
        "Dit bezoekverslag is nog niet afgetekend: pas het verslag zelf aan in plaats van "
        "een aanvulling te schrijven. Er is niets opgeslagen.",
        ERROR,
    ),
    Code.PLAN_VERSION_OLD: (
        "Dit is een oudere versie van het plan van aanpak; pas de nieuwste versie aan. Er "
        "is niets gewijzigd.",
        ERROR,
    ),
    Code.ACTIVITY_NOT_HELD_YET: (
        "Deze activiteit is nog niet geweest: een uitkomst kan pas op of na de datum van "
        "de activiteit. Er is niets opgeslagen.",
        ERROR,
    ),
    Code.REFERRER_CONSENT_MISSING: (
        "De kandidaat heeft geen toestemming (meer) gegeven om met de verwijzer te delen: "
        "er is geen terugkoppeling gemaakt. Leg eerst de toestemming vast in het dossier.",
        ERROR,
    ),
    Code.REFERRAL_ACCEPTED: (
        "Van deze aanmelding is al een kandidaat ingeschreven. Er is niets opgeslagen.",
        ERROR,
    ),
    Code.REFERRAL_NOT_YOURS: (
        "Deze aanmelding is aan een collega toegewezen: alleen zij kan haar accepteren.",
        ERROR,
    ),
    Code.UNREACHABLE: (
        "De SPT-server is niet bereikbaar: {reason}. " + _NOTHING_LOST,
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
    Code.NOT_COORDINATOR: (
        "Dit is er alleen voor coördinatoren en beheerders, en een coördinator alleen voor "
        "haar eigen SPT. Er is niets gewijzigd.",
        ERROR,
    ),
    Code.NOT_ON_SERVER: (
        "De server kent deze kandidaat niet (meer), of niet in dit SPT. Er is niets gewijzigd.",
        ERROR,
    ),
    Code.BAD_COACH: (
        "Deze coach is niet actief in dit SPT of heeft deze rol niet. Er is niets gewijzigd.",
        ERROR,
    ),
    Code.CERTIFICATE: (
        "De verbinding met de SPT-server is niet veilig op te zetten: deze laptop vertrouwt "
        "het certificaat van de server niet ({reason}). Er is niets verstuurd. Werkt uw "
        "organisatie met een eigen certificaatautoriteit of een proxy die verkeer "
        "controleert, dan moet de IT-afdeling dat certificaat op deze laptop installeren. "
        + _NOTHING_LOST,
        CERTIFICATE,
    ),
    Code.UPDATE_REQUIRED: (
        "De SPT-server vraagt een nieuwere versie van SPT Desktop: minstens {minimum}, deze "
        "laptop heeft {version}. Werk de app bij (of vraag het uw IT-afdeling); tot dan "
        "synchroniseert deze laptop niet, en kunt u gewoon doorwerken. " + _NOTHING_LOST,
        TOO_NEW,
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
    Reason.NO_CONNECTION: "er is geen verbinding (geen netwerk, of een verkeerd serveradres)",
    Reason.NO_ANSWER: "de server antwoordt niet op tijd (trage of haperende verbinding)",
    Reason.CONNECTION_BROKE: "de verbinding viel halverwege weg",
    Reason.SERVER_FAULT: "de server heeft een storing; de beheerder kan zien wat er mis is",
    Reason.CERT_UNKNOWN_ISSUER: "het is uitgegeven door een certificaatautoriteit die deze "
    "laptop niet kent",
    Reason.CERT_EXPIRED: "het is verlopen of nog niet geldig; staan datum en tijd van deze "
    "laptop goed?",
    Reason.CERT_WRONG_HOST: "het hoort bij een andere naam dan het serveradres",
    Reason.CERT_OTHER: "het is niet geldig",
}

# The ``what`` param of NOT_FOUND, worded: the kind of record that is gone.
THINGS: dict[Thing, str] = {
    Thing.CANDIDATE: "Deze kandidaat",
    Thing.COACH_PROFILE: "Uw coachprofiel",
    Thing.COACH: "Deze coach",
    Thing.COLLEAGUE: "Deze collega",
    Thing.JOBCOACH: "Deze jobcoach",
    Thing.ACTIVITY: "Deze activiteit",
    Thing.TRAINING: "Deze opleiding",
    Thing.INTAKE: "Dit intakeverslag",
    Thing.PLAN: "Dit plan van aanpak",
    Thing.CANDIDATE_PLAN: "Een plan van aanpak van deze kandidaat",
    Thing.GOAL: "Dit doel",
    Thing.ACTION: "Deze actie",
    Thing.VISIT: "Dit bezoek",
    Thing.VISIT_EMPLOYER: "De werkgever van dit bezoek",
    Thing.EMPLOYER: "Deze werkgever",
    Thing.CONTACT: "Deze contactpersoon",
    Thing.VACANCY: "Deze vacature",
    Thing.EMPLOYER_CONTACT: "Dit werkgeverscontact",
    Thing.LOKET_QUESTION: "Deze loketvraag",
    Thing.MATCH: "Deze match",
    Thing.PLACEMENT: "Deze plaatsing",
    Thing.CHECKPOINT: "Dit meetmoment",
    Thing.HANDOVER: "Deze overdracht",
    Thing.REFERRAL: "Deze aanmelding",
}

# A field's problem (a ValidationError's ``errors``), worded after the field's name.
PROBLEMS: dict[Problem, str] = {
    Problem.REQUIRED: "verplicht veld",
    Problem.TOO_LONG: "te lang (hoogstens {maximum} tekens)",
    Problem.HAS_BSN: "bevat een BSN; het SPT mag geen BSN vastleggen",
    Problem.BAD_EMAIL: "geen geldig e-mailadres (zoals naam@voorbeeld.nl)",
    Problem.BAD_PHONE: "geen geldig telefoonnummer (zoals 06 12345678)",
    Problem.UNKNOWN_VALUE: "onbekende waarde; kies uit {choices}",
    Problem.BAD_DATE: "geen geldige datum (jjjj-mm-dd)",
    Problem.BAD_TIME: "geen geldig tijdstip (jjjj-mm-dd uu:mm)",
    Problem.NOT_A_WHOLE_NUMBER: "geen geheel getal",
    Problem.OUT_OF_RANGE: "moet tussen {low} en {high} liggen",
    Problem.UNKNOWN_FIELD: "dit veld bestaat niet",
    Problem.FIELD_CHANGED_ELSEWHERE: "dit veld bestaat niet of wordt elders gewijzigd",
    Problem.IN_FUTURE: "ligt in de toekomst",
    Problem.TIME_IN_FUTURE: "dit tijdstip ligt in de toekomst",
    Problem.MUNICIPALITY_OUTSIDE_AREA: "geen gemeente in het werkgebied van de SPT's",
    Problem.BIRTH_DATE_UNLIKELY: "geboortedatum ligt buiten de verwachte jaren",
    Problem.CONSENT_NEEDED: (
        "zonder toestemming voor registratie en begeleiding kan het SPT niemand inschrijven"
    ),
    Problem.REFERRAL_CONSENT_NEEDED: (
        "zonder toestemming om gegevens met het SPT te delen wordt de aanmelding niet vastgelegd"
    ),
    Problem.CHOOSE_A_ROLE: "kies minstens één rol",
    Problem.WEAK_PASSPHRASE: "kies een sterkere wachtwoordzin (minstens {minimum} tekens)",
    Problem.MINUTES_OUT_OF_RANGE: "kies tussen {low} en {high} minuten",
    Problem.BAD_SERVER_ADDRESS: "geen geldig serveradres (zoals https://spt.example.nl)",
    Problem.CHOOSE_A_COLLEAGUE: "kies een collega",
    Problem.NOT_TO_YOURSELF: "kies een collega; u kunt niet aan uzelf overdragen",
    Problem.VISIT_EMPTY: "noteer minstens de besproken onderwerpen, afspraken of een notitie",
    Problem.INTAKE_EMPTY: "vul minstens één onderdeel van het intakeverslag in",
    Problem.CHOOSE_FUND: "kies het opleidingsfonds",
    Problem.FUND_WITHOUT_FUND_FUNDING: (
        "een fonds hoort alleen bij financiering door een opleidingsfonds"
    ),
    Problem.ENDS_BEFORE_START: "de einddatum ligt voor de begindatum",
    Problem.EXPLAIN_OTHER: "licht 'anders' kort toe",
    Problem.BEFORE_REGISTRATION: "ligt vóór de aanmelding",
    Problem.CHOOSE_DROPOUT_CAUSE: "kies de oorzaak (lek) van deze uitval",
    Problem.BEFORE_PLACEMENT_START: "ligt vóór de start van de plaatsing",
    Problem.KLIK_AFTER_INTRODUCTION: "de klik geeft u na de kennismaking",
    Problem.BEFORE_PREVIOUS_STEP: "ligt vóór de vorige stap ({day})",
    Problem.EMPLOYER_EXISTS: "er staat al een werkgever met deze naam in deze gemeente",
    Problem.MAX_BELOW_MIN: "het maximum ligt onder het minimum",
    Problem.SAY_WHEN_NEEDED: "geef aan wanneer de toekomstige behoefte ontstaat",
    Problem.CONTACT_IN_FUTURE: "dit contact ligt in de toekomst; plan het als vervolgafspraak",
    Problem.FOLLOW_UP_BEFORE_CONTACT: "de vervolgafspraak ligt vóór de datum van het contact",
    Problem.NOT_A_CONTACT_OF_EMPLOYER: "geen contactpersoon van deze werkgever",
    Problem.FOLLOW_UP_BEFORE_QUESTION: "de opvolgdatum ligt vóór de datum van de vraag",
    Problem.LINK_UNKNOWN: "dit gegeven is niet (meer) bekend",
    Problem.LINK_MISMATCH: "de koppeling past niet bij wat de vraag werd",
    Problem.INTAKE_NOT_RECORDED: (
        "er is nog geen intake vastgelegd: leg eerst de intake vast in het dossier "
        "(Profiel), dan kunt u terugkoppelen"
    ),
    Problem.PLACEMENT_NOT_RECORDED: (
        "er is nog geen plaatsing vastgelegd: leg eerst de plaatsing vast in het dossier, "
        "dan kunt u terugkoppelen"
    ),
    Problem.DROPOUT_NOT_RECORDED: (
        "er is geen uitval vastgelegd: leg eerst de uitval vast in het dossier, dan kunt "
        "u terugkoppelen"
    ),
    Problem.CLOSING_NOT_RECORDED: (
        "het dossier is nog niet afgesloten: sluit het eerst af, dan kunt u terugkoppelen"
    ),
}

# The params that hold a domain code (``LABELLED_PARAMS``): which enum, and whether its
# label is lower-cased in the middle of a sentence ("Deze kandidaat is uitgevallen").
LABELS: dict[str, tuple[type[Labelled], bool]] = {
    "phase": (Phase, False),
    "candidate_status": (CandidateStatus, True),
    "match_status": (MatchStatus, False),
    "to_status": (MatchStatus, False),
    "role": (Role, True),
}


def label(name: str, value: Param) -> str:
    """A domain code param as its label (the same Dutch label in every language, as the
    rest of the app shows it)."""
    enum, lower = LABELS[name]
    words = str(enum(str(value)).label)
    return words.lower() if lower else words


def _words(params: dict[str, Param]) -> dict[str, Param]:
    """The params with ``reason``, ``what`` and the domain codes worded."""
    out = dict(params)
    if "reason" in params:
        out["reason"] = REASONS[Reason(str(params["reason"]))].format(**params)
    if "what" in params:
        out["what"] = THINGS[Thing(str(params["what"]))]
    for name in LABELLED_PARAMS & params.keys():
        out[name] = label(name, params[name])
    return out


def field_text(error: FieldError) -> str:
    """What is wrong with one field, in Dutch ("verplicht veld")."""
    params = {
        k: date.fromisoformat(str(v)).strftime("%d-%m-%Y") if k in DAY_PARAMS else v
        for k, v in error.params.items()
    }
    return PROBLEMS[error.problem].format(**params)


def field_texts(exc: InvalidInput) -> dict[str, str]:
    """Each field of ``exc`` with what is wrong with it, in Dutch."""
    return {name: field_text(error) for name, error in exc.errors.items()}


def text(exc: SptError) -> str:
    """What to tell the person at the terminal, in Dutch."""
    template, _exit = MESSAGES[exc.code]
    params = _words(exc.params)
    if isinstance(exc, InvalidInput):
        params["fields"] = "; ".join(f"{k}: {v}" for k, v in field_texts(exc).items())
    return template.format(**params)


def exit_code(exc: SptError) -> int:
    """The exit code of the command that failed with ``exc``."""
    return MESSAGES[exc.code][1]
