"""The UI's presenter: every error code (``spt_desktop.errors``) as a sentence for the
coach, through Qt's translator. The source texts are Dutch (the app's source language,
and the same words as the CLI's ``cli/messages.py``: a test holds them equal); the English
``.ts``/``.qm`` in resources/translations give the English UI its words.

Kept as ``QT_TRANSLATE_NOOP`` literals so ``pyside6-lupdate`` finds them (context
``Errors``); translated when shown, so a language switch takes effect at once."""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
from spt_desktop.models.passphrase import MIN_PASSPHRASE, Level, Strength

CONTEXT = "Errors"

# code → Dutch source text with {params}. (The casts: PySide6's stub types
# QT_TRANSLATE_NOOP as returning object; it returns the str it gets.)
MESSAGES = cast(
    "dict[Code, str]",
    {
        Code.WRONG_PASSPHRASE: QT_TRANSLATE_NOOP(
            "Errors",
            "De wachtwoordzin klopt niet. Controleer hoofdletters en Caps Lock en probeer het "
            "opnieuw; bent u de wachtwoordzin kwijt, ontgrendel dan met uw herstelsleutel.",
        ),
        Code.INVALID_RECOVERY_KEY: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze herstelsleutel is niet geldig: er is waarschijnlijk een teken verkeerd "
            "overgenomen. Controleer de sleutel (groepen van vier tekens) en probeer opnieuw.",
        ),
        Code.WRONG_RECOVERY_KEY: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze herstelsleutel hoort niet bij deze kluis. Controleer of u de herstelsleutel van "
            "precies deze kluis gebruikt; past geen enkele sleutel, zet de kluis dan terug uit uw "
            "back-up.",
        ),
        Code.KEY_HEADER_MISSING: QT_TRANSLATE_NOOP(
            "Errors",
            "Het sleutelbestand van de kluis ontbreekt ({path}). Zet het terug uit uw back-up, of "
            "ontgrendel met uw herstelsleutel: dan wordt het opnieuw gemaakt.",
        ),
        Code.KEY_HEADER_DAMAGED: QT_TRANSLATE_NOOP(
            "Errors",
            "Het sleutelbestand van de kluis is beschadigd ({path}). Zet het terug uit uw back-up, "
            "of ontgrendel met uw herstelsleutel: dan wordt het opnieuw gemaakt.",
        ),
        Code.VAULT_MISSING: QT_TRANSLATE_NOOP(
            "Errors",
            "Er is geen kluis op {path}. Kies het juiste bestand of maak een nieuwe kluis.",
        ),
        Code.VAULT_EXISTS: QT_TRANSLATE_NOOP(
            "Errors",
            "Er staat al een kluis op {path}. Kies een andere plek; een bestaande kluis wordt "
            "nooit overschreven.",
        ),
        Code.NOT_A_VAULT: QT_TRANSLATE_NOOP(
            "Errors",
            "{path} is geen SPT-kluis die bij dit sleutelbestand hoort ({reason}). Kies het juiste "
            "kluisbestand, of zet het terug uit uw back-up.",
        ),
        Code.VAULT_DAMAGED: QT_TRANSLATE_NOOP(
            "Errors",
            "De kluis {path} is beschadigd of er is mee geknoeid: een deel ervan is niet meer te "
            "ontsleutelen. Er is niets gewijzigd. Zet de kluis terug uit uw back-up en "
            "synchroniseer; neem contact op met de IT van uw SPT.",
        ),
        Code.VAULT_IO: QT_TRANSLATE_NOOP(
            "Errors",
            "De kluis kan niet worden gelezen of opgeslagen ({path}: {reason}). Er is niets half "
            "opgeslagen. Maak ruimte vrij of controleer de map en uw rechten, en probeer het "
            "opnieuw.",
        ),
        Code.VAULT_TOO_NEW: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze kluis is gemaakt met een nieuwere versie van SPT Desktop; werk de app bij en "
            "open de kluis daarna opnieuw. Er is niets gewijzigd.",
        ),
        Code.VAULT_LOCKED: QT_TRANSLATE_NOOP(
            "Errors",
            "De kluis is vergrendeld. Ontgrendel hem eerst.",
        ),
        Code.NO_SQLCIPHER: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze installatie heeft geen werkende SQLCipher 4 (de SQLite-bibliotheek heeft geen "
            "versleuteling). Zonder versleuteling start SPT Desktop niet: installeer het pakket "
            "opnieuw.",
        ),
        Code.SQLCIPHER_TOO_OLD: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze installatie heeft geen werkende SQLCipher 4 (versie {version} is te oud). Zonder "
            "versleuteling start SPT Desktop niet: installeer het pakket opnieuw.",
        ),
        Code.WEAK_PASSPHRASE: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze wachtwoordzin is te zwak ({reason}). Kies er een van minstens {minimum} tekens; "
            "een paar losse woorden zijn sterk en goed te onthouden.",
        ),
        Code.INVALID_INPUT: QT_TRANSLATE_NOOP(
            "Errors",
            "Controleer de invoer — {fields}. Er is niets opgeslagen.",
        ),
        Code.NOT_FOUND: QT_TRANSLATE_NOOP(
            "Errors",
            "{what} bestaat niet (meer) in deze kluis. Misschien is het verwijderd of "
            "overgedragen; synchroniseer en probeer het opnieuw.",
        ),
        Code.PLACEMENT_OF_OTHER_CANDIDATE: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze plaatsing hoort bij een andere kandidaat. Kies een plaatsing van deze kandidaat.",
        ),
        Code.VISIT_SIGNED_OFF: QT_TRANSLATE_NOOP(
            "Errors",
            "Dit bezoekverslag is afgetekend en wordt niet meer gewijzigd; leg een aanvulling "
            "vast als nieuw bezoek.",
        ),
        Code.CANDIDATE_NOT_IN_JOURNEY: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze kandidaat is {candidate_status}; meld hem of haar eerst opnieuw aan voordat de "
            "fase verandert.",
        ),
        Code.ALREADY_IN_PHASE: QT_TRANSLATE_NOOP(
            "Errors",
            "De kandidaat staat al in de fase {phase}.",
        ),
        Code.ALREADY_DROPPED_OUT: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze kandidaat is al als uitgevallen geregistreerd.",
        ),
        Code.ALREADY_TAKING_PART: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze kandidaat doet al mee; opnieuw aanmelden is niet nodig.",
        ),
        Code.VACANCY_OF_OTHER_EMPLOYER: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze vacature hoort bij een andere werkgever. Kies een vacature van deze werkgever.",
        ),
        Code.MATCH_STEP_NOT_ALLOWED: QT_TRANSLATE_NOOP(
            "Errors",
            "Een match met status '{match_status}' kan niet naar '{to_status}'.",
        ),
        Code.MATCH_CANNOT_BE_PLACED: QT_TRANSLATE_NOOP(
            "Errors",
            "Een match met status '{match_status}' kan geen plaatsing meer worden.",
        ),
        Code.CHECKPOINT_DONE: QT_TRANSLATE_NOOP(
            "Errors",
            "Dit meetmoment is al vastgelegd.",
        ),
        Code.PLACEMENT_ENDED: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze plaatsing is al beëindigd.",
        ),
        Code.PLAN_NOT_DRAFT: QT_TRANSLATE_NOOP(
            "Errors",
            "Alleen een concept kan worden afgesproken. Begin een nieuwe versie om het plan van "
            "aanpak aan te passen.",
        ),
        Code.PLAN_WITHOUT_GOALS: QT_TRANSLATE_NOOP(
            "Errors",
            "Een plan van aanpak heeft minstens één doel nodig. Voeg eerst een doel toe.",
        ),
        Code.PROCESSING_CONSENT_WITHDRAWN: QT_TRANSLATE_NOOP(
            "Errors",
            "Toestemming voor registratie intrekken betekent het dossier sluiten: sluit de "
            "kandidaat af via de kandidaatreis.",
        ),
        Code.LOKET_NOT_YOURS: QT_TRANSLATE_NOOP(
            "Errors",
            "Alleen het loket en de coördinator leggen loketvragen vast. U ziet de vragen "
            "die aan u zijn doorgezet.",
        ),
        Code.ROLE_NOT_HELD: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze collega heeft de rol {role} niet. Kies een andere rol of een andere collega.",
        ),
        Code.HANDOVER_PENDING: QT_TRANSLATE_NOOP(
            "Errors",
            "Voor deze kandidaat wacht al een overdracht op acceptatie.",
        ),
        Code.HANDOVER_NOT_YOURS: QT_TRANSLATE_NOOP(
            "Errors",
            "Alleen de ontvangende coach kan deze overdracht accepteren.",
        ),
        Code.HANDOVER_ACCEPTED: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze overdracht is al geaccepteerd.",
        ),
        Code.CONFLICT_CHOICE: QT_TRANSLATE_NOOP(
            "Errors",
            "Kies 'Mijn versie houden' of 'Versie van de server houden'.",
        ),
        Code.DEMO_NOT_LINKED: QT_TRANSLATE_NOOP(
            "Errors",
            "Dit is een oefenkluis met verzonnen gegevens; die wordt niet aan een server "
            "gekoppeld. Maak een eigen kluis aan om te synchroniseren.",
        ),
        Code.DEMO_INTO_LINKED: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze kluis is gekoppeld aan een server; daar komen geen verzonnen demogegevens "
            "in. Gebruik een nieuwe kluis voor de demo.",
        ),
        Code.EXPORT_IS_A_FOLDER: QT_TRANSLATE_NOOP(
            "Errors",
            "Dat is een map; kies een bestandsnaam.",
        ),
        Code.EXPORT_DISK_FULL: QT_TRANSLATE_NOOP(
            "Errors",
            "De schijf is vol; het bestand is niet opgeslagen. Maak ruimte vrij of kies een "
            "andere plek.",
        ),
        Code.EXPORT_NOT_ALLOWED: QT_TRANSLATE_NOOP(
            "Errors",
            "In die map mag niet worden geschreven; het bestand is niet opgeslagen. Kies een "
            "andere map.",
        ),
        Code.EXPORT_FOLDER_GONE: QT_TRANSLATE_NOOP(
            "Errors",
            "Die map bestaat niet (meer); het bestand is niet opgeslagen. Kies een andere map.",
        ),
        Code.EXPORT_FAILED: QT_TRANSLATE_NOOP(
            "Errors",
            "Het bestand kon niet worden opgeslagen. Kies een andere plek en probeer het opnieuw.",
        ),
        Code.FUND_NEEDS_WORK: QT_TRANSLATE_NOOP(
            "Errors",
            "Geld uit een opleidingsfonds (Wij Techniek, OOM, A+O Metalektro) is er alleen "
            "voor wie werkt, en deze kandidaat is nog niet geplaatst. Kies een andere "
            "financiering, zoals een scholingsvoucher of gemeente / UWV, of leg eerst de "
            "plaatsing vast. Er is niets opgeslagen.",
        ),
        Code.VISIT_NOT_SIGNED: QT_TRANSLATE_NOOP(
            "Errors",
            "Dit bezoekverslag is nog niet afgetekend: pas het verslag zelf aan in plaats van "
            "een aanvulling te schrijven. Er is niets opgeslagen.",
        ),
        Code.PLAN_VERSION_OLD: QT_TRANSLATE_NOOP(
            "Errors",
            "Dit is een oudere versie van het plan van aanpak; pas de nieuwste versie aan. Er "
            "is niets gewijzigd.",
        ),
        Code.ACTIVITY_NOT_HELD_YET: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze activiteit is nog niet geweest: een uitkomst kan pas op of na de datum van "
            "de activiteit. Er is niets opgeslagen.",
        ),
        Code.REFERRER_CONSENT_MISSING: QT_TRANSLATE_NOOP(
            "Errors",
            "De kandidaat heeft geen toestemming (meer) gegeven om met de verwijzer te delen: "
            "er is geen terugkoppeling gemaakt. Leg eerst de toestemming vast in het dossier.",
        ),
        Code.REFERRAL_ACCEPTED: QT_TRANSLATE_NOOP(
            "Errors",
            "Van deze aanmelding is al een kandidaat ingeschreven. Er is niets opgeslagen.",
        ),
        Code.REFERRAL_NOT_YOURS: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze aanmelding is aan een collega toegewezen: alleen zij kan haar accepteren.",
        ),
        Code.UNREACHABLE: QT_TRANSLATE_NOOP(
            "Errors",
            "De SPT-server is niet bereikbaar: {reason}. Er is niets verloren: uw wijzigingen "
            "staan veilig in de kluis en gaan mee bij de volgende synchronisatie.",
        ),
        Code.DEVICE_REVOKED: QT_TRANSLATE_NOOP(
            "Errors",
            "Dit apparaat is ingetrokken door de beheerder.",
        ),
        Code.VAULT_WIPED: QT_TRANSLATE_NOOP(
            "Errors",
            "Dit apparaat is ingetrokken door de beheerder: alle dossiers zijn uit deze kluis "
            "gewist, en deze kluis kan niet meer aanmelden. Neem contact op met uw beheerder; met "
            "een nieuwe kluis kunt u weer aanmelden als uw account actief is.",
        ),
        Code.ACCOUNT_INACTIVE: QT_TRANSLATE_NOOP(
            "Errors",
            "Uw account bij de SPT-server is uitgeschakeld door de beheerder, dus aanmelden kan "
            "niet. Neem contact op met uw beheerder.",
        ),
        Code.TOKEN_REUSED: QT_TRANSLATE_NOOP(
            "Errors",
            "Uw aanmelding bij de SPT-server is om veiligheidsredenen beëindigd: een oudere "
            "aanmeldsleutel van dit apparaat werd nog eens gebruikt. Meld opnieuw aan (in de app "
            "bij Instellingen, of met 'spt-desktop login'). Er is niets verloren: uw wijzigingen "
            "staan veilig in de kluis en gaan mee bij de volgende synchronisatie. Gebeurt dit "
            "vaker, meld het dan bij de beheerder.",
        ),
        Code.TOKEN_EXPIRED: QT_TRANSLATE_NOOP(
            "Errors",
            "De aanmelding is verlopen.",
        ),
        Code.BAD_CREDENTIALS: QT_TRANSLATE_NOOP(
            "Errors",
            "E-mailadres of wachtwoord klopt niet. Probeer het opnieuw.",
        ),
        Code.RATE_LIMITED: QT_TRANSLATE_NOOP(
            "Errors",
            "Te veel mislukte aanmeldpogingen. Wacht {reason} en probeer het opnieuw.",
        ),
        Code.SIGNED_OUT: QT_TRANSLATE_NOOP(
            "Errors",
            "U bent niet (meer) aangemeld bij de SPT-server. Meld opnieuw aan met 'spt-desktop "
            "login'.",
        ),
        Code.SERVER_REFUSED: QT_TRANSLATE_NOOP(
            "Errors",
            "De SPT-server weigerde het verzoek (HTTP {status}). Er is niets verloren; neem "
            "contact op met de beheerder als dit blijft gebeuren.",
        ),
        Code.OTHER_ACCOUNT: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze kluis hoort bij een ander account. Meld aan met het account van de eigenaar, of "
            "maak een nieuwe kluis voor dit account.",
        ),
        Code.NOT_COORDINATOR: QT_TRANSLATE_NOOP(
            "Errors",
            "Dit is er alleen voor coördinatoren en beheerders, en een coördinator alleen voor "
            "haar eigen SPT. Er is niets gewijzigd.",
        ),
        Code.NOT_ON_SERVER: QT_TRANSLATE_NOOP(
            "Errors",
            "De server kent deze kandidaat niet (meer), of niet in dit SPT. Er is niets gewijzigd.",
        ),
        Code.BAD_COACH: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze coach is niet actief in dit SPT of heeft deze rol niet. Er is niets gewijzigd.",
        ),
        Code.CERTIFICATE: QT_TRANSLATE_NOOP(
            "Errors",
            "De verbinding met de SPT-server is niet veilig op te zetten: deze laptop vertrouwt "
            "het certificaat van de server niet ({reason}). Er is niets verstuurd. Werkt uw "
            "organisatie met een eigen certificaatautoriteit of een proxy die verkeer "
            "controleert, dan moet de IT-afdeling dat certificaat op deze laptop installeren. "
            "Er is niets verloren: uw wijzigingen staan veilig in de kluis en gaan mee bij de "
            "volgende synchronisatie.",
        ),
        Code.UPDATE_REQUIRED: QT_TRANSLATE_NOOP(
            "Errors",
            "De SPT-server vraagt een nieuwere versie van SPT Desktop: minstens {minimum}, deze "
            "laptop heeft {version}. Werk de app bij (of vraag het uw IT-afdeling); tot dan "
            "synchroniseert deze laptop niet, en kunt u gewoon doorwerken. Er is niets "
            "verloren: uw wijzigingen staan veilig in de kluis en gaan mee bij de volgende "
            "synchronisatie.",
        ),
        Code.NOT_LINKED: QT_TRANSLATE_NOOP(
            "Errors",
            "Deze kluis is nog niet gekoppeld aan de SPT-server. Meld eerst aan met 'spt-desktop "
            "login --vault PAD --server URL --email E'.",
        ),
    },
)

# The ``reason`` param, worded (with the same params as the code it belongs to).
REASONS = cast(
    "dict[Reason, str]",
    {
        Reason.NO_VAULT_DATA: QT_TRANSLATE_NOOP("Errors", "het bestand heeft geen kluisgegevens"),
        Reason.OTHER_VAULTS_HEADER: QT_TRANSLATE_NOOP(
            "Errors", "het sleutelbestand hoort bij een andere kluis"
        ),
        Reason.PLAIN_SQLITE: QT_TRANSLATE_NOOP("Errors", "het is een onversleuteld SQLite-bestand"),
        Reason.EMPTY_OR_SHORT: QT_TRANSLATE_NOOP("Errors", "het bestand is leeg of te kort"),
        Reason.KEY_DOES_NOT_FIT: QT_TRANSLATE_NOOP(
            "Errors", "de sleutel past niet op dit bestand, of het is beschadigd"
        ),
        Reason.DISK_FULL: QT_TRANSLATE_NOOP("Errors", "de schijf is vol"),
        Reason.NO_PERMISSION: QT_TRANSLATE_NOOP(
            "Errors", "u hebt geen rechten op dit bestand of deze map"
        ),
        Reason.READ_ONLY_DISK: QT_TRANSLATE_NOOP("Errors", "de schijf is alleen-lezen"),
        Reason.IS_A_FOLDER: QT_TRANSLATE_NOOP("Errors", "dit is een map, geen bestand"),
        Reason.PATH_PART_IS_FILE: QT_TRANSLATE_NOOP(
            "Errors", "een deel van het pad is een bestand, geen map"
        ),
        Reason.DISK_IO: QT_TRANSLATE_NOOP("Errors", "lees- of schrijffout van de schijf"),
        Reason.IN_USE: QT_TRANSLATE_NOOP(
            "Errors", "de kluis is in gebruik door een ander programma"
        ),
        Reason.READ_ONLY_VAULT: QT_TRANSLATE_NOOP("Errors", "de kluis of de map is alleen-lezen"),
        Reason.CANNOT_OPEN: QT_TRANSLATE_NOOP(
            "Errors", "het bestand of de map kan niet worden geopend"
        ),
        Reason.OS_SAYS: QT_TRANSLATE_NOOP("Errors", "{detail}"),
        Reason.UNKNOWN: QT_TRANSLATE_NOOP("Errors", "onbekende fout"),
        Reason.TOO_SHORT: QT_TRANSLATE_NOOP("Errors", "gebruik minstens {minimum} tekens"),
        Reason.REPEATED: QT_TRANSLATE_NOOP(
            "Errors", "vermijd herhaalde tekens; kies een paar losse woorden"
        ),
        Reason.WAIT_ONE_SECOND: QT_TRANSLATE_NOOP("Errors", "1 seconde"),
        Reason.WAIT_SECONDS: QT_TRANSLATE_NOOP("Errors", "{seconds} seconden"),
        Reason.WAIT_MINUTES: QT_TRANSLATE_NOOP("Errors", "{minutes} minuten"),
        Reason.WAIT_AT_MOST_A_QUARTER: QT_TRANSLATE_NOOP("Errors", "hoogstens een kwartier"),
        Reason.NO_CONNECTION: QT_TRANSLATE_NOOP(
            "Errors", "er is geen verbinding (geen netwerk, of een verkeerd serveradres)"
        ),
        Reason.NO_ANSWER: QT_TRANSLATE_NOOP(
            "Errors", "de server antwoordt niet op tijd (trage of haperende verbinding)"
        ),
        Reason.CONNECTION_BROKE: QT_TRANSLATE_NOOP("Errors", "de verbinding viel halverwege weg"),
        Reason.SERVER_FAULT: QT_TRANSLATE_NOOP(
            "Errors", "de server heeft een storing; de beheerder kan zien wat er mis is"
        ),
        Reason.CERT_UNKNOWN_ISSUER: QT_TRANSLATE_NOOP(
            "Errors", "het is uitgegeven door een certificaatautoriteit die deze laptop niet kent"
        ),
        Reason.CERT_EXPIRED: QT_TRANSLATE_NOOP(
            "Errors",
            "het is verlopen of nog niet geldig; staan datum en tijd van deze laptop goed?",
        ),
        Reason.CERT_WRONG_HOST: QT_TRANSLATE_NOOP(
            "Errors", "het hoort bij een andere naam dan het serveradres"
        ),
        Reason.CERT_OTHER: QT_TRANSLATE_NOOP("Errors", "het is niet geldig"),
    },
)

# The ``what`` param of NOT_FOUND, worded: the kind of record that is gone.
THINGS = cast(
    "dict[Thing, str]",
    {
        Thing.CANDIDATE: QT_TRANSLATE_NOOP("Errors", "Deze kandidaat"),
        Thing.COACH_PROFILE: QT_TRANSLATE_NOOP("Errors", "Uw coachprofiel"),
        Thing.COACH: QT_TRANSLATE_NOOP("Errors", "Deze coach"),
        Thing.COLLEAGUE: QT_TRANSLATE_NOOP("Errors", "Deze collega"),
        Thing.JOBCOACH: QT_TRANSLATE_NOOP("Errors", "Deze jobcoach"),
        Thing.ACTIVITY: QT_TRANSLATE_NOOP("Errors", "Deze activiteit"),
        Thing.TRAINING: QT_TRANSLATE_NOOP("Errors", "Deze opleiding"),
        Thing.INTAKE: QT_TRANSLATE_NOOP("Errors", "Dit intakeverslag"),
        Thing.PLAN: QT_TRANSLATE_NOOP("Errors", "Dit plan van aanpak"),
        Thing.CANDIDATE_PLAN: QT_TRANSLATE_NOOP("Errors", "Een plan van aanpak van deze kandidaat"),
        Thing.GOAL: QT_TRANSLATE_NOOP("Errors", "Dit doel"),
        Thing.ACTION: QT_TRANSLATE_NOOP("Errors", "Deze actie"),
        Thing.VISIT: QT_TRANSLATE_NOOP("Errors", "Dit bezoek"),
        Thing.VISIT_EMPLOYER: QT_TRANSLATE_NOOP("Errors", "De werkgever van dit bezoek"),
        Thing.EMPLOYER: QT_TRANSLATE_NOOP("Errors", "Deze werkgever"),
        Thing.CONTACT: QT_TRANSLATE_NOOP("Errors", "Deze contactpersoon"),
        Thing.VACANCY: QT_TRANSLATE_NOOP("Errors", "Deze vacature"),
        Thing.EMPLOYER_CONTACT: QT_TRANSLATE_NOOP("Errors", "Dit werkgeverscontact"),
        Thing.LOKET_QUESTION: QT_TRANSLATE_NOOP("Errors", "Deze loketvraag"),
        Thing.MATCH: QT_TRANSLATE_NOOP("Errors", "Deze match"),
        Thing.PLACEMENT: QT_TRANSLATE_NOOP("Errors", "Deze plaatsing"),
        Thing.CHECKPOINT: QT_TRANSLATE_NOOP("Errors", "Dit meetmoment"),
        Thing.HANDOVER: QT_TRANSLATE_NOOP("Errors", "Deze overdracht"),
        Thing.REFERRAL: QT_TRANSLATE_NOOP("Errors", "Deze aanmelding"),
    },
)

# A field's problem (a ValidationError's ``errors``), worded beside the field.
PROBLEMS = cast(
    "dict[Problem, str]",
    {
        Problem.REQUIRED: QT_TRANSLATE_NOOP("Errors", "verplicht veld"),
        Problem.TOO_LONG: QT_TRANSLATE_NOOP("Errors", "te lang (hoogstens {maximum} tekens)"),
        Problem.HAS_BSN: QT_TRANSLATE_NOOP(
            "Errors", "bevat een BSN; het SPT mag geen BSN vastleggen"
        ),
        Problem.BAD_EMAIL: QT_TRANSLATE_NOOP(
            "Errors", "geen geldig e-mailadres (zoals naam@voorbeeld.nl)"
        ),
        Problem.BAD_PHONE: QT_TRANSLATE_NOOP(
            "Errors", "geen geldig telefoonnummer (zoals 06 12345678)"
        ),
        Problem.UNKNOWN_VALUE: QT_TRANSLATE_NOOP("Errors", "onbekende waarde; kies uit {choices}"),
        Problem.BAD_DATE: QT_TRANSLATE_NOOP("Errors", "geen geldige datum (jjjj-mm-dd)"),
        Problem.BAD_TIME: QT_TRANSLATE_NOOP("Errors", "geen geldig tijdstip (jjjj-mm-dd uu:mm)"),
        Problem.NOT_A_WHOLE_NUMBER: QT_TRANSLATE_NOOP("Errors", "geen geheel getal"),
        Problem.OUT_OF_RANGE: QT_TRANSLATE_NOOP("Errors", "moet tussen {low} en {high} liggen"),
        Problem.UNKNOWN_FIELD: QT_TRANSLATE_NOOP("Errors", "dit veld bestaat niet"),
        Problem.FIELD_CHANGED_ELSEWHERE: QT_TRANSLATE_NOOP(
            "Errors", "dit veld bestaat niet of wordt elders gewijzigd"
        ),
        Problem.IN_FUTURE: QT_TRANSLATE_NOOP("Errors", "ligt in de toekomst"),
        Problem.TIME_IN_FUTURE: QT_TRANSLATE_NOOP("Errors", "dit tijdstip ligt in de toekomst"),
        Problem.MUNICIPALITY_OUTSIDE_AREA: QT_TRANSLATE_NOOP(
            "Errors", "geen gemeente in het werkgebied van de SPT's"
        ),
        Problem.BIRTH_DATE_UNLIKELY: QT_TRANSLATE_NOOP(
            "Errors", "geboortedatum ligt buiten de verwachte jaren"
        ),
        Problem.CONSENT_NEEDED: QT_TRANSLATE_NOOP(
            "Errors",
            "zonder toestemming voor registratie en begeleiding kan het SPT niemand inschrijven",
        ),
        Problem.REFERRAL_CONSENT_NEEDED: QT_TRANSLATE_NOOP(
            "Errors",
            "zonder toestemming om gegevens met het SPT te delen wordt de aanmelding niet "
            "vastgelegd",
        ),
        Problem.CHOOSE_A_ROLE: QT_TRANSLATE_NOOP("Errors", "kies minstens één rol"),
        Problem.WEAK_PASSPHRASE: QT_TRANSLATE_NOOP(
            "Errors", "kies een sterkere wachtwoordzin (minstens {minimum} tekens)"
        ),
        Problem.MINUTES_OUT_OF_RANGE: QT_TRANSLATE_NOOP(
            "Errors", "kies tussen {low} en {high} minuten"
        ),
        Problem.BAD_SERVER_ADDRESS: QT_TRANSLATE_NOOP(
            "Errors", "geen geldig serveradres (zoals https://spt.example.nl)"
        ),
        Problem.CHOOSE_A_COLLEAGUE: QT_TRANSLATE_NOOP("Errors", "kies een collega"),
        Problem.NOT_TO_YOURSELF: QT_TRANSLATE_NOOP(
            "Errors", "kies een collega; u kunt niet aan uzelf overdragen"
        ),
        Problem.VISIT_EMPTY: QT_TRANSLATE_NOOP(
            "Errors", "noteer minstens de besproken onderwerpen, afspraken of een notitie"
        ),
        Problem.INTAKE_EMPTY: QT_TRANSLATE_NOOP(
            "Errors", "vul minstens één onderdeel van het intakeverslag in"
        ),
        Problem.CHOOSE_FUND: QT_TRANSLATE_NOOP("Errors", "kies het opleidingsfonds"),
        Problem.FUND_WITHOUT_FUND_FUNDING: QT_TRANSLATE_NOOP(
            "Errors", "een fonds hoort alleen bij financiering door een opleidingsfonds"
        ),
        Problem.ENDS_BEFORE_START: QT_TRANSLATE_NOOP(
            "Errors", "de einddatum ligt voor de begindatum"
        ),
        Problem.EXPLAIN_OTHER: QT_TRANSLATE_NOOP("Errors", "licht 'anders' kort toe"),
        Problem.BEFORE_REGISTRATION: QT_TRANSLATE_NOOP("Errors", "ligt vóór de aanmelding"),
        Problem.CHOOSE_DROPOUT_CAUSE: QT_TRANSLATE_NOOP(
            "Errors", "kies de oorzaak (lek) van deze uitval"
        ),
        Problem.BEFORE_PLACEMENT_START: QT_TRANSLATE_NOOP(
            "Errors", "ligt vóór de start van de plaatsing"
        ),
        Problem.KLIK_AFTER_INTRODUCTION: QT_TRANSLATE_NOOP(
            "Errors", "de klik geeft u na de kennismaking"
        ),
        Problem.BEFORE_PREVIOUS_STEP: QT_TRANSLATE_NOOP(
            "Errors", "ligt vóór de vorige stap ({day})"
        ),
        Problem.EMPLOYER_EXISTS: QT_TRANSLATE_NOOP(
            "Errors", "er staat al een werkgever met deze naam in deze gemeente"
        ),
        Problem.MAX_BELOW_MIN: QT_TRANSLATE_NOOP("Errors", "het maximum ligt onder het minimum"),
        Problem.SAY_WHEN_NEEDED: QT_TRANSLATE_NOOP(
            "Errors", "geef aan wanneer de toekomstige behoefte ontstaat"
        ),
        Problem.CONTACT_IN_FUTURE: QT_TRANSLATE_NOOP(
            "Errors", "dit contact ligt in de toekomst; plan het als vervolgafspraak"
        ),
        Problem.FOLLOW_UP_BEFORE_CONTACT: QT_TRANSLATE_NOOP(
            "Errors", "de vervolgafspraak ligt vóór de datum van het contact"
        ),
        Problem.FOLLOW_UP_BEFORE_QUESTION: QT_TRANSLATE_NOOP(
            "Errors", "de opvolgdatum ligt vóór de datum van de vraag"
        ),
        Problem.LINK_UNKNOWN: QT_TRANSLATE_NOOP("Errors", "dit gegeven is niet (meer) bekend"),
        Problem.LINK_MISMATCH: QT_TRANSLATE_NOOP(
            "Errors", "de koppeling past niet bij wat de vraag werd"
        ),
        Problem.INTAKE_NOT_RECORDED: QT_TRANSLATE_NOOP(
            "Errors",
            "er is nog geen intake vastgelegd: leg eerst de intake vast in het dossier "
            "(Profiel), dan kunt u terugkoppelen",
        ),
        Problem.PLACEMENT_NOT_RECORDED: QT_TRANSLATE_NOOP(
            "Errors",
            "er is nog geen plaatsing vastgelegd: leg eerst de plaatsing vast in het dossier, "
            "dan kunt u terugkoppelen",
        ),
        Problem.DROPOUT_NOT_RECORDED: QT_TRANSLATE_NOOP(
            "Errors",
            "er is geen uitval vastgelegd: leg eerst de uitval vast in het dossier, dan kunt "
            "u terugkoppelen",
        ),
        Problem.CLOSING_NOT_RECORDED: QT_TRANSLATE_NOOP(
            "Errors",
            "het dossier is nog niet afgesloten: sluit het eerst af, dan kunt u terugkoppelen",
        ),
        Problem.NOT_A_CONTACT_OF_EMPLOYER: QT_TRANSLATE_NOOP(
            "Errors", "geen contactpersoon van deze werkgever"
        ),
    },
)

# The params that hold a domain code (``LABELLED_PARAMS``): which enum, and whether its
# label is lower-cased in the middle of a sentence. The labels are the domain's Dutch
# names, shown untranslated as everywhere in the app (tables, pickers).
LABELS: dict[str, tuple[type[Labelled], bool]] = {
    "phase": (Phase, False),
    "candidate_status": (CandidateStatus, True),
    "match_status": (MatchStatus, False),
    "to_status": (MatchStatus, False),
    "role": (Role, True),
}

# The strength meter's words per level: a label and a hint (``{minimum}``: the shortest
# passphrase allowed).
STRENGTH = cast(
    "dict[Level, tuple[str, str]]",
    {
        Level.TOO_SHORT: (
            QT_TRANSLATE_NOOP("Strength", "Te kort"),
            QT_TRANSLATE_NOOP("Strength", "Gebruik minstens {minimum} tekens."),
        ),
        Level.REPEATED: (
            QT_TRANSLATE_NOOP("Strength", "Zwak"),
            QT_TRANSLATE_NOOP("Strength", "Vermijd herhaalde tekens; kies een paar losse woorden."),
        ),
        Level.FAIR: (
            QT_TRANSLATE_NOOP("Strength", "Redelijk"),
            QT_TRANSLATE_NOOP("Strength", "Bruikbaar; een extra woord maakt hem sterker."),
        ),
        Level.STRONG: (
            QT_TRANSLATE_NOOP("Strength", "Sterk"),
            QT_TRANSLATE_NOOP("Strength", "Goed; nog een woord maakt hem zeer sterk."),
        ),
        Level.VERY_STRONG: (
            QT_TRANSLATE_NOOP("Strength", "Zeer sterk"),
            QT_TRANSLATE_NOOP(
                "Strength", "Moeilijk te raden en met losse woorden goed te onthouden."
            ),
        ),
    },
)


def _tr(source: str, context: str = CONTEXT) -> str:
    return QCoreApplication.translate(context, source)


def label(name: str, value: Param) -> str:
    """A domain code param as its label."""
    enum, lower = LABELS[name]
    words = str(enum(str(value)).label)
    return words.lower() if lower else words


def _words(params: dict[str, Param]) -> dict[str, Param]:
    """The params with ``reason``, ``what`` and the domain codes worded in the UI's
    language."""
    out = dict(params)
    if "reason" in params:
        out["reason"] = _tr(REASONS[Reason(str(params["reason"]))]).format(**params)
    if "what" in params:
        out["what"] = _tr(THINGS[Thing(str(params["what"]))])
    for name in LABELLED_PARAMS & params.keys():
        out[name] = label(name, params[name])
    return out


def strength_text(strength: Strength) -> str:
    """The strength meter's words for ``strength``: "Te kort. Gebruik minstens 10 tekens."."""
    name, hint = STRENGTH[strength.level]
    return f"{_tr(name, 'Strength')}. {_tr(hint, 'Strength').format(minimum=MIN_PASSPHRASE)}"


def field_text(error: FieldError) -> str:
    """What is wrong with one field, in the UI's language: what a form shows beside the
    field. A date param as the app shows dates (31-12-2026)."""
    params = {
        k: date.fromisoformat(str(v)).strftime("%d-%m-%Y") if k in DAY_PARAMS else v
        for k, v in error.params.items()
    }
    return _tr(PROBLEMS[error.problem]).format(**params)


def field_texts(exc: BaseException) -> dict[str, str]:
    """Each field of bad input (``InvalidInput``) with what is wrong with it, in the UI's
    language; empty for any other error."""
    if not isinstance(exc, InvalidInput):
        return {}
    return {name: field_text(error) for name, error in exc.errors.items()}


def text(exc: SptError) -> str:
    """What to tell the coach, in the UI's language."""
    params = _words(exc.params)
    if isinstance(exc, InvalidInput):
        params["fields"] = "; ".join(f"{k}: {v}" for k, v in field_texts(exc).items())
    return _tr(MESSAGES[exc.code]).format(**params)


def unexpected() -> str:
    """What to say about a bug (an error not raised on purpose): nothing was lost."""
    return _tr(
        QT_TRANSLATE_NOOP(  # type: ignore[arg-type]  # PySide6 stub: QT_TRANSLATE_NOOP returns the str it gets
            "Errors",
            "Er ging iets onverwachts mis. Uw ingevoerde gegevens zijn bewaard; probeer het "
            "opnieuw of start de app opnieuw. Blijft het gebeuren, meld het bij de beheerder.",
        )
    )
