"""Stable codes of the SPT domain, with their Dutch labels.

Codes are English and never change: they are stored in the vault and sent over the wire.
Labels are what coaches read. The names of phases, personas, roles and dropout reasons
follow the whitepaper "Leeropbrengsten 5 jaar SPT" (shared/domain).

Standard library only (spt_common): the server's monitor uses these too and does not
install the vault stack (SQLAlchemy, SQLCipher).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Self


class Labelled(StrEnum):
    """A string enum whose members carry a Dutch label: ``Role("jobcoach").label``."""

    label: str

    if TYPE_CHECKING:
        # What type checkers should see: a lookup by code, like any enum call.
        def __new__(cls, code: str) -> Self: ...

    else:

        def __new__(cls, code: str, label: str) -> Labelled:
            member = str.__new__(cls, code)
            member._value_ = code
            member.label = label
            return member

    @classmethod
    def parse(cls, code: str) -> Labelled:
        """The member for ``code``; a ValueError naming the allowed codes otherwise."""
        try:
            return cls(code)
        except ValueError:
            allowed = ", ".join(m.value for m in cls)
            raise ValueError(f"onbekende waarde {code!r}; kies uit: {allowed}") from None


class Role(Labelled):
    LOOPBAANCOACH = "loopbaancoach", "Loopbaancoach"
    ARBEIDSMARKTCOACH = "arbeidsmarktcoach", "Arbeidsmarktcoach"
    JOBCOACH = "jobcoach", "Jobcoach"
    COORDINATOR = "coordinator", "Operationeel coördinator"
    ADMIN = "admin", "Beheerder"
    LOKET = "loket", "Loket / communicatie"  # whitepaper role 6: the independent desk


COACH_ROLES = (Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH, Role.JOBCOACH)


class Spt(Labelled):
    NOORD_HOLLAND = "spt_noord_holland", "SPT Noord-Holland"
    GROOT_AMSTERDAM = "spt_groot_amsterdam", "SPT Groot-Amsterdam"
    MIDDEN = "spt_midden", "SPT Midden"


class Phase(Labelled):
    """The five steps of the independent candidate journey (whitepaper §3)."""

    ORIENTATION = "orientation", "Eerste oriëntatie"
    DEEP_ORIENTATION = "deep_orientation", "Verdiepende oriëntatie"
    MATCHING = "matching", "Matching"
    TRAINING = "training", "Scholing"
    RETENTION = "retention", "Begeleiding en behoud"


class Persona(Labelled):
    """The five personas of the zij-instromer (whitepaper §2)."""

    NO_WORK_NO_BENEFIT = "no_work_no_benefit", "Zonder werk, zonder uitkering"
    NO_WORK_BENEFIT_NONTECHNICAL = (
        "no_work_benefit_nontechnical",
        "Zonder werk, met uitkering, geen technische achtergrond",
    )
    NO_WORK_BENEFIT_TECHNICAL = (
        "no_work_benefit_technical",
        "Zonder werk, met uitkering, met technische achtergrond",
    )
    EMPLOYED_OUTSIDE_TECH = "employed_outside_tech", "Met werk buiten de techniek"
    EMPLOYED_IN_TECH = "employed_in_tech", "Met werk binnen de techniek"


class ReferralSource(Labelled):
    WERKCENTRUM = "werkcentrum", "Werkcentrum"
    UWV = "uwv", "UWV"
    GEMEENTE = "gemeente", "Gemeente"
    WSP = "wsp", "Werkgeversservicepunt (WSP)"
    SCHOOL = "school", "School"
    UITZENDBUREAU = "uitzendbureau", "Uitzendbureau"
    EMPLOYER = "employer", "Werkgever"
    CAMPAIGN = "campaign", "Campagne"
    SELF = "self", "Eigen initiatief"
    # Issue 16: the referrers of a warme overdracht the whitepaper names besides these.
    RMT = "rmt", "Regionaal Mobiliteitsteam (RMT)"
    RECRUITER = "recruiter", "Recruiter"


class BenefitStatus(Labelled):
    NONE = "none", "Geen uitkering"
    WW = "ww", "WW"
    BIJSTAND = "bijstand", "Bijstand (Participatiewet)"
    WIA_WAJONG = "wia_wajong", "WIA / Wajong"
    OTHER = "other", "Andere uitkering"


class LanguageLevel(Labelled):
    """Dutch language level on the CEFR scale."""

    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2 / moedertaal"


class CandidateStatus(Labelled):
    ACTIVE = "active", "Actief"
    PLACED = "placed", "Geplaatst"
    RETAINED = "retained", "Duurzaam geplaatst"
    DROPPED_OUT = "dropped_out", "Uitgevallen"
    CLOSED = "closed", "Afgesloten"


class DropoutReason(Labelled):
    """The leaks of the pipeline (whitepaper §1, 'Knelpunten / lekken'), and the other
    reasons a candidate leaves. Codes stay once stored: new leaks are added, none renamed."""

    LANGUAGE_GAP = "language_gap", "Taalniveau (gap met de eisen van werkgevers)"
    SALARY_GAP = "salary_gap", "Salarisgap"
    AVAILABILITY_EXPECTATIONS = (
        "availability_expectations",
        "Beschikbaarheid (verwachtingen over werktijden)",
    )
    TOO_LITTLE_GUIDANCE = "too_little_guidance", "Te weinig begeleiding in het bedrijf"
    TOO_FEW_PRAKTIJKOPLEIDERS = "too_few_praktijkopleiders", "Te weinig praktijkopleiders"
    TOO_LITTLE_MIDDENKADER = "too_little_middenkader", "Te weinig middenkader"
    TRANSITION_READINESS = "transition_readiness", "Transitiebereidheid van het bedrijf"
    FUNDING = "funding", "Financiering scholing (scholingsvoucher)"
    NO_CERTIFIABLE_TRAINING = (
        "no_certifiable_training",
        "Geen certificeerbare eenheden, weinig modulair",
    )
    NO_SUITABLE_VACANCIES = "no_suitable_vacancies", "Geen passende vacatures"
    PERSONAL_CIRCUMSTANCES = "personal_circumstances", "Persoonlijke omstandigheden"
    FOUND_WORK_ELSEWHERE = "found_work_elsewhere", "Elders werk gevonden"
    OTHER = "other", "Anders"


class ClosingOutcome(Labelled):
    """How a dossier ends (DESIGN.md §2, 'Closing'); retention periods count from the
    closing date."""

    RETAINED = "retained", "Duurzaam geplaatst"
    WORKING_ELSEWHERE = "working_elsewhere", "Elders aan het werk"
    STOPPED = "stopped", "Gestopt"
    MOVED = "moved", "Verhuisd"
    REFERRED_BACK = "referred_back", "Terugverwezen naar de verwijzer"
    OTHER = "other", "Anders"


# Closing a candidate who is still in the journey with one of these outcomes is an
# uitval too: the closing records it, with its leak (services/journey.py).
EXIT_OUTCOMES = frozenset(
    {
        ClosingOutcome.WORKING_ELSEWHERE,
        ClosingOutcome.STOPPED,
        ClosingOutcome.MOVED,
        ClosingOutcome.REFERRED_BACK,
        ClosingOutcome.OTHER,
    }
)


class ConsentPurpose(Labelled):
    """Purposes a candidate can consent to (AVG), each recorded separately."""

    PROCESSING = "processing", "Registratie en begeleiding door het SPT"
    SHARE_EMPLOYER = "share_employer", "Delen met werkgever (bezoekverslagen)"
    SHARE_REFERRER_FUNDER = (
        "share_referrer_funder",
        "Delen met verwijzer en financier (UWV, gemeente, werkcentrum, fonds)",
    )
    SHARE_TRAINING_PROVIDER = "share_training_provider", "Delen met opleider"
    AANBODKRANT = "aanbodkrant", "Geanonimiseerd in de aanbodkrant"


class ActivityKind(Labelled):
    TECHCOURT = "techcourt", "Techcourt"
    TECHNIEKTUIN = "techniektuin", "Techniektuin"
    BEROEPENTUIN = "beroepentuin", "Beroepentuin"
    BTO_VTO = "bto_vto", "BTO/VTO"
    ONLINE_ORIENTATION = "online_orientation", "Online oriëntatie"
    MEET_AND_MATCH = "meet_and_match", "Meet & match"
    MATCHTAFEL = "matchtafel", "Matchtafel"
    SPEEDDATE = "speeddate", "Speeddate"
    COMPANY_VISIT = "company_visit", "Bedrijfsbezoek"
    BANENMARKT = "banenmarkt", "Banenmarkt"


class ActivityOutcome(Labelled):
    PLANNED = "planned", "Gepland"
    POSITIVE = "positive", "Positief"
    NEUTRAL = "neutral", "Neutraal"
    NEGATIVE = "negative", "Negatief"
    NO_SHOW = "no_show", "Niet verschenen"
    CANCELLED = "cancelled", "Geannuleerd"


class FundingKind(Labelled):
    NONE = "none", "Geen"
    SCHOLINGSVOUCHER = "scholingsvoucher", "Scholingsvoucher"
    FUND = "fund", "Opleidingsfonds"
    EMPLOYER = "employer", "Werkgever"
    GEMEENTE_UWV = "gemeente_uwv", "Gemeente / UWV"
    SELF = "self", "Eigen middelen"


class TrainingFund(Labelled):
    WIJ_TECHNIEK = "wij_techniek", "Wij Techniek"
    OOM = "oom", "OOM"
    AO_METALEKTRO = "ao_metalektro", "A+O Metalektro"


class TrainingStatus(Labelled):
    PLANNED = "planned", "Gepland"
    IN_PROGRESS = "in_progress", "Bezig"
    COMPLETED = "completed", "Afgerond"
    STOPPED = "stopped", "Gestopt"


class Sector(Labelled):
    INSTALLATIE = "installatie", "Installatietechniek"
    METAAL = "metaal", "Metaal"
    BOUW = "bouw", "Bouw"
    ENERGIE = "energie", "Energie"
    ELEKTROTECHNIEK = "elektrotechniek", "Elektrotechniek"


class BranchOrganisation(Labelled):
    """The employer's branch organisation (the sector bodies of the TCNH)."""

    METAALUNIE = "metaalunie", "Koninklijke Metaalunie"
    TECHNIEK_NEDERLAND = "techniek_nederland", "Techniek Nederland"
    BOUWEND_NEDERLAND = "bouwend_nederland", "Bouwend Nederland"
    FME = "fme", "FME"
    OTHER = "other", "Andere branche"


class TransitionReadiness(Labelled):
    """How far an employer looks at talent differently (whitepaper lesson 8, the leak
    'Transitiebereidheid bedrijven'): room for newcomers' language and level, guidance,
    development. A scale from low to high, in this order."""

    LOW = "low", "Laag: zoekt kant-en-klare vakmensen"
    LIMITED = "limited", "Beperkt: instromers alleen met ervaring"
    OPEN = "open", "Open: ruimte voor instromers met begeleiding"
    HIGH = "high", "Hoog: ruimte voor taal, niveau en ontwikkeling"


class WorkPattern(Labelled):
    """A vacancy's working-time pattern (the leak 'verwachtingen t.a.v. beschikbaarheid')."""

    DAY = "day", "Dagdienst"
    SHIFTS = "shifts", "Ploegendienst"
    AROUND_THE_CLOCK = "around_the_clock", "24/7"
    FLEXIBLE = "flexible", "Flexibel"


class WorkLevel(Labelled):
    """The level of the work, as MBO levels name it."""

    ENTRY = "entry", "mbo 1 (entree)"
    MBO2 = "mbo2", "mbo 2"
    MBO3 = "mbo3", "mbo 3"
    MBO4 = "mbo4", "mbo 4"
    HBO = "hbo", "hbo"


class VacancySource(Labelled):
    """How a vacancy came into view (whitepaper §3, step 3)."""

    OWN_NETWORK = "own_network", "Eigen netwerk"
    AANBODKRANT = "aanbodkrant", "Aanbodkrant"
    WSP = "wsp", "Werkgeversservicepunt (WSP)"
    MATCHING_PLATFORM = "matching_platform", "Matchingsplatform"


class EmployerContactKind(Labelled):
    """The employer approach's instruments (lesson 7)."""

    VISIT = "visit", "Bezoek"
    PHONE = "phone", "Telefoon"
    MATCHTAFEL = "matchtafel", "Matchtafel"
    SESSION = "session", "Inspiratie-/ontbijtsessie"
    BANENMARKT = "banenmarkt", "Banenmarkt"


class VacancyKind(Labelled):
    OPEN = "open", "Openstaande vacature"
    FUTURE_NEED = "future_need", "Toekomstige behoefte"


class VacancyStatus(Labelled):
    OPEN = "open", "Open"
    FILLED = "filled", "Vervuld"
    CLOSED = "closed", "Gesloten"


class MatchStatus(Labelled):
    PROPOSED = "proposed", "Voorgesteld"
    INTRODUCED = "introduced", "Kennismaking"
    TRIAL = "trial", "Proefplaatsing"
    HIRED = "hired", "Aangenomen"
    PLACED = "placed", "Geplaatst"
    DECLINED = "declined", "Afgewezen"


class MatchParty(Labelled):
    """Who said no to a match (whitepaper lesson 11: the klik is mutual)."""

    CANDIDATE = "candidate", "Kandidaat"
    EMPLOYER = "employer", "Werkgever"
    SPT = "spt", "SPT"


class ContractKind(Labelled):
    BBL = "bbl", "BBL"
    LEERWERKBAAN = "leerwerkbaan", "Leerwerkbaan"
    REGULAR = "regular", "Regulier"
    TRIAL = "trial", "Proefplaatsing"


class CheckpointOutcome(Labelled):
    RETAINED = "retained", "Nog in dienst"
    LEFT = "left", "Uit dienst"


class VisitMode(Labelled):
    ON_SITE = "on_site", "Op locatie"
    PHONE = "phone", "Telefonisch"
    VIDEO = "video", "Video"


class PlanStatus(Labelled):
    DRAFT = "draft", "Concept"
    AGREED = "agreed", "Afgesproken"
    SUPERSEDED = "superseded", "Vervangen"


class ActionStatus(Labelled):
    OPEN = "open", "Open"
    DONE = "done", "Gedaan"
    CANCELLED = "cancelled", "Vervallen"


class HandoverStatus(Labelled):
    PENDING = "pending", "Wacht op acceptatie"
    ACCEPTED = "accepted", "Geaccepteerd"


class LoketChannel(Labelled):
    """How a question reached the loket (issue 16 §2)."""

    PHONE = "phone", "Telefoon"
    MAIL = "mail", "E-mail"
    WEBSITE = "website", "Website"
    EVENT = "event", "Evenement"
    WALK_IN = "walk_in", "Inloop"


class LoketAsker(Labelled):
    """Who asked the loket (whitepaper: werkgevers, werknemers, werkzoekenden en
    intermediairs, and onderwijs)."""

    EMPLOYER = "employer", "Werkgever"
    JOB_SEEKER = "job_seeker", "Werkzoekende"
    WORKER = "worker", "Werkende"
    INTERMEDIARY = "intermediary", "Intermediair"
    EDUCATION = "education", "Onderwijs"


class LoketStatus(Labelled):
    OPEN = "open", "Open"
    CLOSED = "closed", "Afgesloten"


class LoketOutcome(Labelled):
    """What a loket question became; a link to that record where there is one."""

    REFERRAL = "referral", "Aanmelding / kandidaat"
    EMPLOYER_CONTACT = "employer_contact", "Werkgeverscontact"
    VACANCY = "vacancy", "Vacature"
    NOTHING = "nothing", "Niets verder (beantwoord)"


# Who keeps the loket register: the loket itself and the operationeel coördinator (a
# coach sees only the questions passed on to her).
LOKET_ROLES = frozenset({Role.LOKET, Role.COORDINATOR})


RETENTION_MONTHS = (1, 3, 6, 12)


class ReferralStatus(Labelled):
    """Where a referral (aanmelding, the warm handover into the SPT) stands."""

    RECEIVED = "received", "Ontvangen"
    INTAKE_PLANNED = "intake_planned", "Intake gepland"
    IN_GUIDANCE = "in_guidance", "In begeleiding"
    NOT_STARTED = "not_started", "Niet gestart"


class ReferralNotStarted(Labelled):
    """Why a referral did not become a journey."""

    UNREACHABLE = "unreachable", "Niet bereikbaar"
    NOT_INTERESTED = "not_interested", "Toch geen interesse"
    NOT_TECHNICAL = "not_technical", "Geen techniek: elders verwezen"
    ELSEWHERE = "elsewhere", "Al elders aan het werk of in begeleiding"
    NOT_ELIGIBLE = "not_eligible", "Valt buiten de doelgroep of de regio"
    OTHER = "other", "Andere reden"


class LetterMoment(Labelled):
    """When the SPT reports back to the referrer (terugkoppeling)."""

    INTAKE = "intake", "Na de intake"
    PLACEMENT = "placement", "Bij plaatsing"
    DROPOUT = "dropout", "Bij uitval"
    CLOSING = "closing", "Bij afsluiten"


__all__ = [
    "COACH_ROLES",
    "EXIT_OUTCOMES",
    "LOKET_ROLES",
    "RETENTION_MONTHS",
    "ActionStatus",
    "ActivityKind",
    "ActivityOutcome",
    "BenefitStatus",
    "BranchOrganisation",
    "CandidateStatus",
    "CheckpointOutcome",
    "ClosingOutcome",
    "ConsentPurpose",
    "ContractKind",
    "DropoutReason",
    "EmployerContactKind",
    "FundingKind",
    "HandoverStatus",
    "Labelled",
    "LanguageLevel",
    "LetterMoment",
    "LoketAsker",
    "LoketChannel",
    "LoketOutcome",
    "LoketStatus",
    "MatchParty",
    "MatchStatus",
    "Persona",
    "Phase",
    "PlanStatus",
    "ReferralNotStarted",
    "ReferralSource",
    "ReferralStatus",
    "Role",
    "Sector",
    "Spt",
    "TrainingFund",
    "TrainingStatus",
    "TransitionReadiness",
    "VacancyKind",
    "VacancySource",
    "VacancyStatus",
    "VisitMode",
    "WorkLevel",
    "WorkPattern",
]
