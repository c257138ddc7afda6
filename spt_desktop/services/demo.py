"""Demo data: a deterministic, realistic caseload of SPT coaches in Noord-Holland.

    data = generate(200, seed=7, today=date(2026, 11, 30), owner_id=vault.owner_id)
    fill_vault(vault, 200, seed=7, today=date.today())

Everything comes from one ``random.Random(seed)``: the same arguments give the same rows,
on every machine. Record ids come from a second stream seeded with the seed *and* the
vault owner, so two coaches' demo vaults never share ids when they sync.

The people are made up; their names are the names of Noord-Holland today. The journeys
follow the whitepaper "Leeropbrengsten 5 jaar SPT": five personas, five phases that go
back and forth, the orientation and matching activities, the funds, and every leak of
the pipeline as a dropout reason. Rows are plain dicts per table, parents first, ready
for ``spt_desktop.models.bulk``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from spt_desktop.models.enums import (
    ActionStatus,
    ActivityKind,
    ActivityOutcome,
    BenefitStatus,
    CandidateStatus,
    CheckpointOutcome,
    ConsentPurpose,
    ContractKind,
    DropoutReason,
    FundingKind,
    HandoverStatus,
    LanguageLevel,
    MatchStatus,
    Persona,
    Phase,
    PlanStatus,
    ReferralSource,
    Role,
    Sector,
    Spt,
    TrainingFund,
    TrainingStatus,
    VacancyKind,
    VacancyStatus,
    VisitMode,
)

if TYPE_CHECKING:
    from spt_desktop.models.vault import Vault

T = TypeVar("T")
Row = dict[str, Any]

# Parents before children: the order the bulk loader inserts them in.
TABLES = (
    "coach",
    "employer",
    "contact_person",
    "vacancy",
    "candidate",
    "consent",
    "assignment",
    "intake",
    "note",
    "journey_event",
    "plan",
    "goal",
    "action",
    "activity",
    "training",
    "match",
    "placement",
    "retention_checkpoint",
    "visit",
    "handover",
    "dropout",
)

# --- places (shared/domain/regions.csv, the three SPTs of 2026) ----------------------------

_REGIONS = {
    Spt.GROOT_AMSTERDAM: {
        "Groot-Amsterdam": "Aalsmeer Amstelveen Amsterdam Diemen Haarlemmermeer "
        "Ouder-Amstel Uithoorn",
    },
    Spt.NOORD_HOLLAND: {
        "Zaanstreek-Waterland": "Zaanstad Purmerend Edam-Volendam Landsmeer Oostzaan "
        "Waterland Wormerland",
        "Zuid-Kennemerland en IJmond": "Haarlem Zandvoort Bloemendaal Heemstede Velsen "
        "Beverwijk Heemskerk",
        "Noord-Holland Noord": "Alkmaar Bergen Castricum Den_Helder Dijk_en_Waard "
        "Drechterland Enkhuizen Heiloo Hollands_Kroon Hoorn Koggenland Medemblik Opmeer "
        "Schagen Stede_Broec Texel Uitgeest",
    },
    Spt.MIDDEN: {
        "Gooi en Vechtstreek": "Blaricum Eemnes Gooise_Meren Hilversum Huizen Laren Wijdemeren",
    },
}
# Inhabitants in thousands (rounded), so Amsterdam has more candidates than Opmeer.
_POPULATION = {
    "Aalsmeer": 33, "Amstelveen": 95, "Amsterdam": 930, "Diemen": 32, "Haarlemmermeer": 160,
    "Ouder-Amstel": 15, "Uithoorn": 31, "Zaanstad": 160, "Purmerend": 93,
    "Edam-Volendam": 37, "Landsmeer": 12, "Oostzaan": 10, "Waterland": 18,
    "Wormerland": 17, "Haarlem": 165, "Zandvoort": 17, "Bloemendaal": 24, "Heemstede": 28,
    "Velsen": 69, "Beverwijk": 42, "Heemskerk": 40, "Alkmaar": 111, "Bergen": 30,
    "Castricum": 37, "Den Helder": 56, "Dijk en Waard": 90, "Drechterland": 20,
    "Enkhuizen": 19, "Heiloo": 25, "Hollands Kroon": 49, "Hoorn": 75, "Koggenland": 24,
    "Medemblik": 48, "Opmeer": 12, "Schagen": 47, "Stede Broec": 22, "Texel": 14,
    "Uitgeest": 14, "Blaricum": 12, "Eemnes": 9, "Gooise Meren": 59, "Hilversum": 92,
    "Huizen": 41, "Laren": 11, "Wijdemeren": 24,
}  # fmt: skip


@dataclass(frozen=True)
class Place:
    municipality: str
    region: str
    spt: Spt


PLACES: tuple[Place, ...] = tuple(
    Place(m.replace("_", " "), region, spt)
    for spt, regions in _REGIONS.items()
    for region, names in regions.items()
    for m in names.split()
)

# --- names of the people of Noord-Holland today -------------------------------------------


def _names(text: str) -> tuple[str, ...]:
    """Names from one string: split on "|" when present (names with spaces), else on blanks."""
    return tuple(text.split("|") if "|" in text else text.split())


_DUTCH_M = _names(
    "Jeroen Bas Tim Mark Sander Ruben Daan Thijs Kevin Dennis Niels Jasper Joost Rick "
    "Stefan Martijn Wouter Lars Sem Luuk Pieter Erik Jan Kees Sven Milan Bram Jesse"
)
_DUTCH_F = _names(
    "Sanne Lisa Anouk Femke Iris Marieke Esther Laura Eva Naomi Linda Kim Fleur Ilse "
    "Manon Romy Joyce Sabine Petra Marloes Lotte Emma Julia Tessa"
)
_DUTCH_LAST = _names(
    "de Vries|van Dijk|Bakker|Jansen|de Jong|van den Berg|Visser|Smit|Meijer|de Boer|"
    "Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|"
    "Smits|de Graaf|van der Meer|van der Linden|Kok|Jacobs|de Haan|Vermeulen|"
    "van den Heuvel|van der Veen|van den Broek|de Bruijn|Schouten|van Beek|Willems|"
    "van Vliet|Hoekstra|Koster|Prins|in 't Veld|ter Horst|van 't Hof|Schipper|Kramer|Blom|"
    "Zwart|Schermerhorn|Kaandorp|Tesselaar|Beemsterboer|Koning|Molenaar|Groot|Blokker|"
    "Kuijper|Zijp|Tuip|Schilder|Kwakman|Veerman|van der Plas|de Ruiter|Kooiman|Ooms"
)
_ORIGINS: dict[str, tuple[Sequence[str], Sequence[str], Sequence[str]]] = {
    "nl": (_DUTCH_M, _DUTCH_F, _DUTCH_LAST),
    "tr": (
        _names("Mehmet Emre Burak Yusuf Can Kerem Murat Ali Serkan Onur"),
        _names("Elif Zeynep Ayşe Esra Merve Hatice Büşra Derya Selin"),
        _names("Yılmaz Kaya Demir Çelik Şahin Yıldız Aydın Öztürk Arslan Doğan Koç Kurt Polat"),
    ),
    "ma": (
        _names("Mohamed Youssef Ayoub Bilal Hamza Anouar Soufiane Mustafa Karim Ilias"),
        _names("Fatima Khadija Salma Imane Naima Samira Hanan Nadia Siham"),
        _names(
            "El Amrani|Bouzid|Ouali|El Idrissi|Benali|Ait Taleb|Azzouzi|El Khatib|Bakkali|Ziani|"
            "Haddouchi|Aarab|El Ouardi|Boukhari"
        ),
    ),
    "sr": (
        _names("Ravi Rishi Dinesh Jermaine Romano Gregory Sunil Jurgen Stanley Dwight"),
        _names("Shanti Priya Sharon Naomi Rachna Sandhya Chantal Gaitrie Melissa"),
        _names(
            "Ramdin|Sewnath|Jagessar|Ramlal|Pinas|Doelwijt|Kromosoeto|Sabajo|Wijngaarde|"
            "Lachman|Sitaldin|Karijopawiro|Mangal|Amatstam"
        ),
    ),
    "pl": (
        _names("Piotr Krzysztof Tomasz Paweł Marek Łukasz Michał Grzegorz Kamil Jakub"),
        _names("Agnieszka Katarzyna Magdalena Joanna Anna Monika Karolina Ewa"),
        _names(
            "Nowak Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański Woźniak Kowalski "
            "Dąbrowski Mazur Krawczyk"
        ),
    ),
    "sy": (
        _names("Ahmad Omar Khaled Mahmoud Rami Tarek Fadi Samer Hassan Bashar"),
        _names("Hiba Rasha Lina Nour Rana Dima Ruba Yasmin Lama"),
        _names(
            "Al-Hassan|Haddad|Khalil|Al-Ahmad|Darwish|Hamwi|Najjar|Sabbagh|Al-Khatib|Ibrahim|"
            "Mansour|Al-Hamoud"
        ),
    ),
    "ua": (
        _names("Oleksandr Andrii Dmytro Serhii Mykola Vasyl Bohdan Yurii Taras Ihor"),
        _names("Olena Iryna Kateryna Oksana Yuliia Nataliia Tetiana Svitlana Anastasiia"),
        _names(
            "Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Boiko Koval Polishchuk "
            "Lysenko Marchenko Savchenko"
        ),
    ),
}
_ORIGIN_WEIGHTS = {"nl": 58, "tr": 9, "ma": 10, "sr": 7, "pl": 7, "sy": 4, "ua": 5}
# Dutch language level by background: newcomers are often still learning Dutch.
_LANGUAGE_BY_ORIGIN = {
    "nl": ("C2",) * 8 + ("C1", "B2"),
    "tr": ("C2", "C2", "C1", "C1", "B2", "B2", "B1", "A2"),
    "ma": ("C2", "C2", "C1", "C1", "B2", "B2", "B1", "A2"),
    "sr": ("C2",) * 6 + ("C1", "C1"),
    "pl": ("B2", "B1", "B1", "A2", "A2", "A1", "B1", "C1"),
    "sy": ("B2", "B1", "B1", "A2", "A2", "A1", "B1", "C1"),
    "ua": ("B1", "A2", "A2", "A1", "B1", "A2", "B2", "A1"),
}

# Colleagues known to the vault (the owner is the vault's own coach row).
_COLLEAGUES = (
    ("Marloes Kaandorp", Spt.NOORD_HOLLAND, "loopbaancoach"),
    ("Youssef El Amrani", Spt.NOORD_HOLLAND, "arbeidsmarktcoach"),
    ("Petra Schermerhorn", Spt.NOORD_HOLLAND, "jobcoach"),
    ("Dennis Beemsterboer", Spt.NOORD_HOLLAND, "arbeidsmarktcoach,jobcoach"),
    ("Anouk Tesselaar", Spt.NOORD_HOLLAND, "coordinator"),
    ("Esther van Leeuwen", Spt.GROOT_AMSTERDAM, "loopbaancoach"),
    ("Kerem Yıldız", Spt.GROOT_AMSTERDAM, "arbeidsmarktcoach"),
    ("Shanti Ramdin", Spt.GROOT_AMSTERDAM, "jobcoach"),
    ("Joost de Graaf", Spt.MIDDEN, "loopbaancoach,arbeidsmarktcoach"),
    ("Iryna Kovalenko", Spt.MIDDEN, "jobcoach"),
)
_SPT_DOMAIN = {
    Spt.NOORD_HOLLAND: "sptnoord-holland.example",
    Spt.GROOT_AMSTERDAM: "sptga.example",
    Spt.MIDDEN: "sptmidden.example",
}

# --- personas ------------------------------------------------------------------------------

_PERSONA_WEIGHTS = {
    Persona.NO_WORK_NO_BENEFIT: 18,
    Persona.NO_WORK_BENEFIT_NONTECHNICAL: 30,
    Persona.NO_WORK_BENEFIT_TECHNICAL: 14,
    Persona.EMPLOYED_OUTSIDE_TECH: 28,
    Persona.EMPLOYED_IN_TECH: 10,
}
# Who they meet first (whitepaper §2, the touchpoints of each persona).
_REFERRALS = {
    Persona.NO_WORK_NO_BENEFIT: "gemeente school campaign self werkcentrum",
    Persona.NO_WORK_BENEFIT_NONTECHNICAL: "uwv wsp uitzendbureau gemeente werkcentrum uwv",
    Persona.NO_WORK_BENEFIT_TECHNICAL: "uwv werkcentrum uitzendbureau employer uwv",
    Persona.EMPLOYED_OUTSIDE_TECH: "employer uitzendbureau campaign self werkcentrum",
    Persona.EMPLOYED_IN_TECH: "employer uitzendbureau self campaign",
}
_BENEFITS = {
    Persona.NO_WORK_NO_BENEFIT: ("none",),
    Persona.NO_WORK_BENEFIT_NONTECHNICAL: ("ww", "ww", "bijstand", "bijstand", "wia_wajong"),
    Persona.NO_WORK_BENEFIT_TECHNICAL: ("ww", "ww", "ww", "bijstand", "other"),
    Persona.EMPLOYED_OUTSIDE_TECH: ("none",),
    Persona.EMPLOYED_IN_TECH: ("none",),
}
_AGES = {
    Persona.NO_WORK_NO_BENEFIT: (18, 34),
    Persona.NO_WORK_BENEFIT_NONTECHNICAL: (23, 58),
    Persona.NO_WORK_BENEFIT_TECHNICAL: (25, 60),
    Persona.EMPLOYED_OUTSIDE_TECH: (22, 55),
    Persona.EMPLOYED_IN_TECH: (21, 50),
}
_BACKGROUNDS = {
    Persona.NO_WORK_NO_BENEFIT: (
        "Net van school (havo) zonder diploma, woont bij ouders en zoekt richting.",
        "Mbo-opleiding zorg afgebroken; wil iets met de handen doen.",
        "Was jaren thuis voor de kinderen; partner werkt, geen uitkering.",
        "Statushouder, inburgering bijna afgerond, nog geen werk.",
    ),
    Persona.NO_WORK_BENEFIT_NONTECHNICAL: (
        "Tien jaar in de retail gewerkt; winkel failliet, nu WW.",
        "Voormalig horecamedewerker, bijstand sinds de coronaperiode.",
        "Werkte in de logistiek (orderpicker), contract niet verlengd.",
        "Administratief medewerker, baan vervallen bij reorganisatie.",
    ),
    Persona.NO_WORK_BENEFIT_TECHNICAL: (
        "Elektromonteur in het land van herkomst; diploma nog niet gewaardeerd.",
        "Jaren als lasser gewerkt, na een faillissement in de WW.",
        "Monteur in de autobranche geweest, wil naar installatietechniek.",
        "Oud-militair met technische opleiding, zoekt werk in de energie.",
    ),
    Persona.EMPLOYED_OUTSIDE_TECH: (
        "Werkt als buschauffeur, zoekt werk met meer toekomst.",
        "Verpleegkundige die overstapt naar de techniek; werkt nog in de zorg.",
        "Bezorger in vaste dienst, wil een vak leren.",
        "Beveiliger met nachtdiensten, zoekt werk overdag in de techniek.",
    ),
    Persona.EMPLOYED_IN_TECH: (
        "Werkt als productiemedewerker in de metaal, wil doorgroeien naar monteur.",
        "Assistent-monteur bij een installateur, wil BBL niveau 3 halen.",
        "Werkt bij een reorganiserend bedrijf; behoud van vakmanschap.",
        "Onderhoudsmonteur die wil overstappen naar warmtepompen.",
    ),
}

# --- text fragments ------------------------------------------------------------------------

_SKILLS = (
    "handig met gereedschap",
    "technisch inzicht",
    "rijbewijs B",
    "VCA basis",
    "ervaring met klantcontact",
    "nauwkeurig",
    "werkt graag in teamverband",
    "tekeninglezen",
    "ervaring met lassen (MIG/MAG)",
    "zelfstandig",
    "computervaardig",
    "fysiek sterk",
    "oplossingsgericht",
    "heftruckcertificaat",
)
_INTERESTS = (
    "installatietechniek",
    "elektrotechniek",
    "warmtepompen en duurzame energie",
    "zonnepanelen",
    "metaalbewerking",
    "lassen",
    "bouw en timmeren",
    "onderhoud van machines",
    "CNC-verspanen",
    "netbeheer en laadpalen",
    "werkvoorbereiding",
)
_MOTIVATIONS = (
    "Wil een vak leren met toekomst en bijdragen aan de energietransitie.",
    "Zoekt zekerheid: een vaste baan en een salaris waar het gezin van kan leven.",
    "Wil met de handen werken en aan het eind van de dag zien wat er gedaan is.",
    "Heeft altijd al van techniek gehouden, maar kwam er nooit aan toe.",
    "Wil weer aan het werk na een moeilijke periode, en dan graag buiten.",
    "Vader was installateur; wil het vak alsnog leren.",
)
_AVAILABILITY = (
    "Ma t/m vr overdag",
    "Ma t/m do, vrijdag zorgdag",
    "Niet in het weekend; brengt de kinderen naar school",
    "Ploegendienst is mogelijk",
    "Alleen dagdiensten",
    "Direct beschikbaar, fulltime",
    "Na opzegtermijn van een maand",
)
_WISHES = (
    "Werk in de buurt, maximaal een half uur reizen.",
    "Een leerwerkbaan met BBL-opleiding.",
    "Vast contract na de proeftijd.",
    "Afwisselend werk, niet elke dag hetzelfde.",
    "Binnenwerk, liever niet op hoogte.",
)
_OBSTACLES = (
    "Taalniveau Nederlands nog onvoldoende voor de theorie.",
    "Salaris mag niet veel lager zijn dan nu.",
    "Kinderopvang moet geregeld zijn.",
    "Geen rijbewijs.",
    "Schulden; hulp van de gemeente loopt.",
    "Geen erkend diploma.",
    "Geen bijzonderheden.",
)
_NOTES = (
    "Gebeld over de voortgang; kandidaat is positief.",
    "Kandidaat twijfelt over de reistijd; samen alternatieven bekeken.",
    "Afspraak verzet wegens ziekte van een kind.",
    "Cv bijgewerkt en doorgestuurd naar de arbeidsmarktcoach.",
    "Kandidaat heeft de VCA-cursus aangevraagd.",
    "Overleg met werkcentrum over de scholingsvoucher.",
    "Taalcursus Nederlands op B1-niveau gestart.",
    "Kandidaat vraagt of parttime werken mogelijk is.",
)
_FORWARD_REASONS = {
    (Phase.ORIENTATION, Phase.DEEP_ORIENTATION): (
        "Interesse bevestigd in het oriëntatiegesprek; door naar verdieping.",
        "Wil installatietechniek in de praktijk ervaren in de Techniektuin.",
        "Online oriëntatie doorlopen; kiest voor een dag op de Techcourt.",
    ),
    (Phase.ORIENTATION, Phase.MATCHING): (
        "Technische achtergrond en ervaring: direct naar matching.",
        "Weet precies welke richting; werkgever uit eigen netwerk toont interesse.",
    ),
    (Phase.DEEP_ORIENTATION, Phase.MATCHING): (
        "Richting gekozen na de Techcourt: elektrotechniek.",
        "Praktijktest goed doorlopen; klaar voor matching.",
        "Beroepentuin bevestigt de keuze voor metaal; warme overdracht aan arbeidsmarktcoach.",
    ),
    (Phase.DEEP_ORIENTATION, Phase.TRAINING): (
        "Voorschakeltraject gestart met een scholingsvoucher.",
        "Eerst VCA en NEN 3140 halen voordat matching zin heeft.",
    ),
    (Phase.MATCHING, Phase.TRAINING): (
        "Match gevonden; start BBL-opleiding bij de werkgever.",
        "Werkgever vraagt eerst een vakcertificaat; opleiding gestart.",
    ),
    (Phase.TRAINING, Phase.MATCHING): (
        "Opleiding afgerond; op zoek naar een leerwerkplek.",
        "Certificaat behaald; terug naar matching voor een passende werkgever.",
    ),
    (Phase.MATCHING, Phase.RETENTION): (
        "Gestart bij de werkgever; de jobcoach neemt de begeleiding over.",
        "Arbeidscontract getekend; begeleiding op de werkvloer begint.",
    ),
    (Phase.TRAINING, Phase.RETENTION): (
        "Leerwerkbaan gestart naast de opleiding; jobcoach begeleidt.",
        "Na de opleiding in dienst getreden; jobcoach neemt over.",
    ),
}
_BACK_REASONS = {
    Phase.ORIENTATION: (
        "Techniektuin viel tegen; opnieuw kijken welke richting past.",
        "Kandidaat twijfelt of techniek bij hem of haar past; terug naar oriëntatie.",
    ),
    Phase.DEEP_ORIENTATION: (
        "Twijfel tussen metaal en installatie; extra meeloopdag gepland.",
        "Match ging niet door; eerst verdieping in een andere richting.",
        "Opleiding past niet; nieuwe oriëntatie op de Techcourt.",
    ),
    Phase.MATCHING: (
        "Proefplaatsing beëindigd; nieuwe match zoeken.",
        "Werkgever kon de begeleiding niet waarmaken; terug naar matching.",
    ),
    Phase.TRAINING: ("Aanvullende module nodig voordat de plaatsing verder kan.",),
}
_DROPOUT_TEXT = {
    DropoutReason.LANGUAGE_GAP: "Werkgevers vragen minimaal B1; taaltraject duurt te lang.",
    DropoutReason.SALARY_GAP: "Startsalaris ligt ver onder het huidige inkomen.",
    DropoutReason.AVAILABILITY_EXPECTATIONS: (
        "Werkgever verwacht storingsdiensten en weekendwerk; past niet bij de thuissituatie."
    ),
    DropoutReason.TOO_LITTLE_GUIDANCE: (
        "Geen praktijkopleider beschikbaar; kandidaat stond er alleen voor."
    ),
    DropoutReason.NO_SUITABLE_VACANCIES: "Vacatures vragen een hoger niveau dan haalbaar is.",
    DropoutReason.NO_CERTIFIABLE_TRAINING: (
        "Geen erkend, modulair aanbod; zonder certificaat geen vervolg."
    ),
    DropoutReason.FUNDING: "Scholingsvoucher niet toegekend; opleiding niet te betalen.",
    DropoutReason.PERSONAL_CIRCUMSTANCES: "Persoonlijke omstandigheden (gezondheid, gezin).",
    DropoutReason.OTHER: "Kandidaat reageert niet meer op berichten.",
}
_DROPOUT_WEIGHTS = {
    Phase.ORIENTATION: {
        "personal_circumstances": 35, "availability_expectations": 10, "salary_gap": 15,
        "other": 20, "language_gap": 20,
    },
    Phase.DEEP_ORIENTATION: {
        "no_certifiable_training": 25, "funding": 20, "personal_circumstances": 25,
        "language_gap": 15, "other": 15,
    },
    Phase.MATCHING: {
        "language_gap": 20, "salary_gap": 20, "no_suitable_vacancies": 25,
        "availability_expectations": 20, "personal_circumstances": 10, "other": 5,
    },
    Phase.TRAINING: {
        "funding": 30, "no_certifiable_training": 25, "personal_circumstances": 25,
        "language_gap": 10, "too_little_guidance": 10,
    },
    Phase.RETENTION: {
        "too_little_guidance": 35, "availability_expectations": 25, "salary_gap": 15,
        "personal_circumstances": 20, "other": 5,
    },
}  # fmt: skip
_GOALS = (
    "Een beeld krijgen van werken in de techniek",
    "Een richting kiezen: installatie, metaal, bouw of energie",
    "Taalniveau Nederlands naar B1",
    "Een erkend vakcertificaat halen (VCA, NEN 3140)",
    "Een leerwerkplek vinden bij een werkgever in de regio",
    "Financiering van de opleiding regelen",
    "Duurzaam aan het werk: proeftijd goed doorkomen",
)
_ACTIONS = (
    "Meeloopdag plannen bij een installatiebedrijf",
    "Aanmelden voor de Techniektuin",
    "Cv bijwerken met technische vaardigheden",
    "Scholingsvoucher aanvragen bij het werkcentrum",
    "Taalcursus zoeken en inschrijven",
    "Gesprek met de arbeidsmarktcoach over vacatures",
    "VCA-examen plannen",
    "Kinderopvang regelen voor de werkdagen",
    "Afspraak met praktijkopleider over inwerkplan",
)
_ACTION_OWNERS = ("kandidaat", "loopbaancoach", "arbeidsmarktcoach", "jobcoach", "werkgever")
_ORIENTATION_KINDS = (
    ActivityKind.TECHCOURT,
    ActivityKind.TECHNIEKTUIN,
    ActivityKind.BEROEPENTUIN,
    ActivityKind.BTO_VTO,
)
_MATCHING_KINDS = (
    ActivityKind.MEET_AND_MATCH,
    ActivityKind.MATCHTAFEL,
    ActivityKind.SPEEDDATE,
    ActivityKind.BANENMARKT,
)
_ACTIVITY_NOTES = (
    "Enthousiast over het werken met installaties.",
    "Vond de praktijkopdracht lastig maar leerzaam.",
    "Goed gesprek met twee werkgevers.",
    "Kwam erachter dat metaal minder past.",
    "",
)
# Sector -> (job titles, training programmes)
_SECTOR_WORK = {
    Sector.INSTALLATIE: (
        ("Monteur werktuigkundige installaties", "Servicemonteur warmtepompen",
         "Leerling-installatiemonteur", "Monteur sanitair en verwarming"),
        ("Monteur werktuigkundige installaties (BBL niveau 2)", "Warmtepompmonteur",
         "Eerste monteur installatietechniek (BBL niveau 3)", "F-gassen certificaat"),
    ),
    Sector.METAAL: (
        ("Constructiebankwerker", "Lasser MIG/MAG", "CNC-verspaner",
         "Plaatwerker", "Productiemedewerker metaal"),
        ("Lasser MIG/MAG (certificaat)", "Basisopleiding CNC-verspanen",
         "Constructiewerker (BBL niveau 2)", "Plaatwerken en kanten"),
    ),
    Sector.BOUW: (
        ("Timmerman", "Allround bouwvakker", "Leerling-timmerman", "Isolatiemonteur"),
        ("Timmerman (BBL niveau 2)", "Allround timmerman (BBL niveau 3)",
         "VCA basis", "Isoleren van bestaande woningen"),
    ),
    Sector.ENERGIE: (
        ("Zonnepanelenmonteur", "Monteur laadinfrastructuur", "Monteur netbeheer",
         "Monteur elektrotechnische installaties"),
        ("Zonnepanelenmonteur", "NEN 3140 Voldoende Onderricht Persoon",
         "Monteur laadpalen", "Eerste monteur elektrotechniek (BBL niveau 3)"),
    ),
    Sector.ELEKTROTECHNIEK: (
        ("Elektromonteur", "Monteur elektrotechnische installaties",
         "Leerling-elektromonteur"),
        ("Monteur elektrotechnische installaties (BBL niveau 2)",
         "NEN 3140 Voldoende Onderricht Persoon", "Allround monteur elektrotechniek"),
    ),
}  # fmt: skip
_SECTOR_WEIGHTS = {
    Sector.INSTALLATIE: 32,
    Sector.METAAL: 26,
    Sector.BOUW: 20,
    Sector.ENERGIE: 14,
    Sector.ELEKTROTECHNIEK: 8,
}
# Which sector fund pays for training once someone works there ("alleen voor werkenden").
_SECTOR_FUNDS = {
    Sector.INSTALLATIE: (TrainingFund.WIJ_TECHNIEK,),
    Sector.ELEKTROTECHNIEK: (TrainingFund.WIJ_TECHNIEK,),
    Sector.METAAL: (TrainingFund.OOM, TrainingFund.AO_METALEKTRO),
    Sector.ENERGIE: (TrainingFund.WIJ_TECHNIEK, TrainingFund.AO_METALEKTRO),
    Sector.BOUW: (),
}
_PUBLIC_PROVIDERS = ("ROC Nova College", "Horizon College", "ROC van Amsterdam", "Regio College",
                     "ROC TOP", "MBO College Hilversum")  # fmt: skip
_PRIVATE_PROVIDERS = (
    "Opleidingscentrum Techniek Noord-Holland",
    "Laswerk Academie West",
    "Vakschool Duurzame Energie",
    "Installatie Leerbedrijf Kennemerland",
)
_EMPLOYER_PATTERNS = {
    Sector.INSTALLATIE: ("{s} Installatietechniek", "Installatiebedrijf {s}",
                         "{p} Installatiegroep", "{s} Klimaattechniek"),
    Sector.METAAL: ("{s} Metaalbewerking", "Metaalwerken {p}", "{s} & Zn. Constructie",
                    "Laswerken {s}", "{p} Precisietechniek"),
    Sector.BOUW: ("Bouwbedrijf {s}", "{s} Bouw & Onderhoud", "Aannemersbedrijf {s}",
                  "{p} Bouwgroep"),
    Sector.ENERGIE: ("{p} Energietechniek", "Zon & Warmte {p}", "{s} Laadinfra",
                     "Netwerkbedrijf {p}"),
    Sector.ELEKTROTECHNIEK: ("Elektrotechniek {s}", "{s} Elektro", "{p} Elektrotechnisch "
                             "Bureau"),
}  # fmt: skip
_CONTACT_FUNCTIONS = ("HR-adviseur", "Bedrijfsleider", "Praktijkopleider", "Werkvoorbereider",
                      "Directeur-eigenaar", "Uitvoerder")  # fmt: skip
_STREETS = ("Industrieweg", "Ambachtsweg", "Havenstraat", "Nijverheidsweg", "Kanaaldijk",
            "Bedrijvenpark", "Koperweg", "Dijkweg")  # fmt: skip
_VISIT_TOPICS = (
    "inwerken",
    "veiligheid op de werkplek",
    "samenwerking met collega's",
    "voortgang BBL-opleiding",
    "werktijden",
    "reistijd",
    "begeleiding door praktijkopleider",
    "taal op de werkvloer",
    "salaris en contract",
    "vakinhoudelijke groei",
    "werkdruk",
    "thuissituatie",
)
_VISIT_AGREEMENTS = (
    "Praktijkopleider plant wekelijks een kort evaluatiemoment.",
    "Kandidaat houdt een logboek bij van nieuwe taken.",
    "Volgende maand samen de voortgang met de leidinggevende bespreken.",
    "Werkgever regelt een tweede werkplekbegeleider.",
    "Kandidaat meldt zich bij vragen eerst bij de meewerkend voorman.",
    "Rooster aangepast: vrijdagmiddag vrij voor de opleiding.",
)
_VISIT_NOTES = (
    "Gaat goed; kandidaat voelt zich op zijn of haar plek.",
    "Eerste weken zwaar, maar de motivatie is hoog.",
    "Collega's positief over de inzet.",
    "Zorgen over de reistijd; alternatief besproken.",
    "Werkgever tevreden, wil meer zij-instromers aannemen.",
    "Spanning rond de werktijden; vervolgafspraak gemaakt.",
)
_RISK_NOTES = (
    "Kandidaat overweegt te stoppen; begeleiding op de werkvloer schiet tekort.",
    "Praktijkopleider vaak afwezig; kandidaat voelt zich niet gezien.",
)


# --- the generator -------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoData:
    """Generated rows per table (``TABLES`` order), plus the owner they were made for."""

    owner_id: str
    rows: dict[str, list[Row]]

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.rows.items()}


@dataclass(frozen=True)
class _Scenario:
    status: CandidateStatus
    phase: Phase
    persona: Persona | None = None
    reason: DropoutReason | None = None
    recent: bool = False  # last move within the last days: pending handovers, new work


@dataclass
class _Placement:
    id: str
    candidate_id: str
    employer_id: str
    site: str
    jobcoach_id: str
    starts_on: date
    last_day: date  # the last day visits can happen
    ongoing: bool
    failing: bool


@dataclass
class _State:
    rng: random.Random
    ids: Callable[[], str]
    today: date
    stamp: datetime
    owner_id: str
    owner_roles: tuple[Role, ...]
    owner_spt: Spt
    rows: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t in TABLES})
    coaches: dict[tuple[Role, Spt], list[str]] = field(default_factory=dict)
    coach_names: dict[str, str] = field(default_factory=dict)
    employers: dict[Spt, list[Row]] = field(default_factory=dict)
    vacancies: dict[str, list[Row]] = field(default_factory=dict)
    mentors: dict[str, str] = field(default_factory=dict)  # employer id -> praktijkopleider
    placements: list[_Placement] = field(default_factory=list)


def generate(
    n_candidates: int,
    seed: int,
    today: date,
    owner_id: str,
    *,
    owner_roles: Sequence[Role] = (Role.LOOPBAANCOACH,),
    owner_spt: Spt = Spt.NOORD_HOLLAND,
    visits_per_placement: float = 10.0,
    n_visits: int | None = None,
    id_salt: str = "",
) -> DemoData:
    """A caseload of ``n_candidates`` for the coach ``owner_id``, as of ``today``.

    Every candidate is assigned to the owner in one of ``owner_roles``; colleagues hold
    the other roles. Placements get ``visits_per_placement`` jobcoach visits on average,
    or ``n_visits`` in total when given. ``id_salt`` varies the record ids only (to fill
    one vault twice); the content depends on ``seed`` and ``today`` alone.
    """
    if n_candidates < 0:
        raise ValueError("n_candidates must be >= 0")
    st = _State(
        rng=_Random(seed),
        ids=_id_stream(f"{seed}/{owner_id}/{id_salt}"),
        today=today,
        stamp=datetime.combine(today, time(7, 30)),
        owner_id=owner_id,
        owner_roles=tuple(owner_roles) or (Role.LOOPBAANCOACH,),
        owner_spt=owner_spt,
    )
    _make_coaches(st)
    _make_employers(st, max(12, n_candidates // 12))
    for scenario in _scenarios(st.rng, n_candidates):
        _make_candidate(st, scenario)
    total = n_visits if n_visits is not None else round(visits_per_placement * len(st.placements))
    _make_visits(st, total)
    return DemoData(owner_id=owner_id, rows=st.rows)


def fill_vault(
    vault: Vault,
    n_candidates: int,
    seed: int,
    today: date,
    *,
    visits_per_placement: float = 10.0,
    n_visits: int | None = None,
) -> dict[str, int]:
    """Generate a caseload for the vault's owner and bulk-load it (one transaction, with
    outbox entries). Returns the number of records per table."""
    import sqlalchemy as sa

    from spt_desktop.models import bulk
    from spt_desktop.models.people import Candidate, Coach

    owner_id = vault.owner_id
    if owner_id is None:
        raise ValueError("de kluis heeft geen eigenaar")
    with vault.transaction() as s:
        owner = s.get(Coach, owner_id)
        existing = s.scalar(sa.select(sa.func.count()).select_from(Candidate)) or 0
        known = {name: cid for name, cid in s.execute(sa.select(Coach.name, Coach.id))}
        roles = tuple(sorted(owner.role_set())) if owner is not None else ()
        spt = owner.spt if owner is not None else Spt.NOORD_HOLLAND
    data = generate(
        n_candidates,
        seed,
        today,
        owner_id,
        owner_roles=roles,
        owner_spt=spt,
        visits_per_placement=visits_per_placement,
        n_visits=n_visits,
        # A second fill of the same vault must not reuse the first fill's ids.
        id_salt=str(existing) if existing else "",
    )
    return bulk.load(vault, reuse_colleagues(data.rows, known))


# Columns that point at a coach, per table (for reusing colleagues already in a vault).
_COACH_COLUMNS = {
    "consent": ("recorded_by",),
    "assignment": ("coach_id",),
    "intake": ("coach_id",),
    "note": ("author_id",),
    "journey_event": ("coach_id",),
    "plan": ("agreed_by",),
    "match": ("coach_id",),
    "placement": ("jobcoach_id",),
    "visit": ("coach_id",),
    "handover": ("from_coach_id", "to_coach_id"),
    "dropout": ("coach_id",),
}


def reuse_colleagues(rows: dict[str, list[Row]], known: dict[str, str]) -> dict[str, list[Row]]:
    """``rows`` with generated colleagues that a vault already has (by name) left out and
    every reference to them pointed at the existing coach: filling twice adds no twins."""
    same = {c["id"]: known[c["name"]] for c in rows["coach"] if c["name"] in known}
    if not same:
        return rows
    out = dict(rows)
    out["coach"] = [c for c in rows["coach"] if c["id"] not in same]
    for table, columns in _COACH_COLUMNS.items():
        for row in out[table]:
            for col in columns:
                if row[col] in same:
                    row[col] = same[row[col]]
    return out


# --- small helpers -------------------------------------------------------------------------


class _Random(random.Random):
    """``random.Random`` with a cheaper integer draw, used by choice/randint/sample.

    The stdlib draws bits until the value fits, in Python; one float per draw is about
    three times faster, and its bias (< 2**-40 for our small ranges) is irrelevant here.
    Still fully determined by the seed.
    """

    def _randbelow(self, n: int) -> int:
        return int(self.random() * n)


def _id_stream(seed: str) -> Callable[[], str]:
    """Deterministic version-4 UUIDs (as text) from their own random stream."""
    bits = random.Random(seed).getrandbits
    variant = "89ab"

    def next_id() -> str:
        h = f"{bits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"

    return next_id


def _weighted(rng: random.Random, weights: dict[T, int]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _days(start: date, end: date) -> int:
    return max(0, (end - start).days)


def _between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, _days(start, end)))


def _at(rng: random.Random, day: date, first_hour: int = 8, last_hour: int = 16) -> datetime:
    return datetime.combine(
        day, time(rng.randint(first_hour, last_hour), rng.choice((0, 15, 30, 45)))
    )


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _sync(st: _State, row_id: str | None = None) -> Row:
    return {
        "id": row_id or st.ids(),
        "server_rev": None,
        "modified_at": st.stamp,
        "deleted": False,
    }


def _ascii(text: str) -> str:
    table = str.maketrans("çğışöüéëïáàłńśźżąęćó'", "cgisoueeiaalnszzaeco ")
    return "".join(ch for ch in text.lower().translate(table) if ch.isalnum() or ch == "-")


# --- coaches and employers ---------------------------------------------------------------


def _make_coaches(st: _State) -> None:
    st.coach_names[st.owner_id] = "de coach"
    for name, spt, roles in _COLLEAGUES:
        coach_id = st.ids()
        first, _, last = name.partition(" ")
        st.rows["coach"].append(
            {
                **_sync(st, coach_id),
                "name": name,
                "email": f"{_ascii(first)}.{_ascii(last)}@{_SPT_DOMAIN[spt]}",
                "roles": roles,
                "spt": spt,
            }
        )
        st.coach_names[coach_id] = name
        for role in roles.split(","):
            st.coaches.setdefault((Role(role), spt), []).append(coach_id)


def _colleague(st: _State, role: Role, spt: Spt) -> str:
    local = st.coaches.get((role, spt)) or []
    if local:
        return st.rng.choice(local)
    anywhere = [c for (r, _), ids in st.coaches.items() if r == role for c in ids]
    return st.rng.choice(anywhere) if anywhere else st.owner_id


def _place(st: _State) -> Place:
    weights = [_POPULATION[p.municipality] * (3 if p.spt == st.owner_spt else 1) for p in PLACES]
    return st.rng.choices(PLACES, weights=weights)[0]


def _make_employers(st: _State, n: int) -> None:
    rng = st.rng
    for _ in range(n):
        place = _place(st)
        sector = _weighted(rng, _SECTOR_WEIGHTS)
        surname = rng.choice(_DUTCH_LAST).split(" ")[-1]
        name = rng.choice(_EMPLOYER_PATTERNS[sector]).format(s=surname, p=place.municipality)
        size = rng.choice((4, 8, 12, 25, 40, 80, 150))
        employer = {
            **_sync(st),
            "name": name,
            "sector": sector,
            "municipality": place.municipality,
            "spt": place.spt,
            "address": f"{rng.choice(_STREETS)} {rng.randint(1, 120)}, {place.municipality}",
            "praktijkopleiders": rng.randint(0, max(1, size // 15)),
            "middenkader": rng.randint(0, max(1, size // 8)),
            "guidance_notes": rng.choice(
                (
                    "Vaste praktijkopleider per zij-instromer; inwerkplan van zes weken.",
                    "Middenkader zit vol met lopend werk; begeleiding is krap.",
                    "Werkt met een buddy-systeem; ruimte voor BBL-leerlingen.",
                    "Wil eigen monteurs opleiden tot praktijkopleider.",
                    "",
                )
            ),
        }
        st.rows["employer"].append(employer)
        st.employers.setdefault(place.spt, []).append(employer)
        _make_contacts(st, employer)
        _make_vacancies(st, employer)


def _person_name(rng: random.Random) -> tuple[str, str, str]:
    origin = _weighted(rng, _ORIGIN_WEIGHTS)
    males, females, lasts = _ORIGINS[origin]
    female = rng.random() < 0.3  # technical career switchers are still mostly men
    first = rng.choice(females if female else males)
    last = rng.choice(lasts)
    if female and origin == "pl" and last.endswith("ki"):
        last = last[:-1] + "a"  # Kowalski -> Kowalska
    return origin, first, last


def _make_contacts(st: _State, employer: Row) -> None:
    domain = _ascii(employer["name"].replace(" ", "").replace("&", "en"))[:24] + ".example"
    for _ in range(st.rng.randint(1, 3)):
        _, first, last = _person_name(st.rng)
        function = st.rng.choice(_CONTACT_FUNCTIONS)
        name = f"{first} {last}"
        if function == "Praktijkopleider" or employer["id"] not in st.mentors:
            st.mentors[employer["id"]] = name
        st.rows["contact_person"].append(
            {
                **_sync(st),
                "employer_id": employer["id"],
                "name": name,
                "function": function,
                "email": f"{_ascii(first)[:1]}.{_ascii(last)}@{domain}",
                "phone": f"0{st.rng.randint(20, 75)}-{st.rng.randint(1000000, 9999999)}",
            }
        )


def _make_vacancies(st: _State, employer: Row) -> None:
    rng = st.rng
    titles = _SECTOR_WORK[employer["sector"]][0]
    vacancies: list[Row] = []
    for _ in range(rng.randint(0, 4)):
        future = rng.random() < 0.3  # lesson 10: talk about future needs, not only vacancies
        title = rng.choice(titles)
        if future:
            kind, status = VacancyKind.FUTURE_NEED, VacancyStatus.OPEN
            expected = st.today + timedelta(days=rng.randint(30, 300))
            description = rng.choice(
                (
                    "Verwacht uitbreiding door warmtepompprojecten volgend jaar.",
                    "Twee monteurs gaan met pensioen; wil tijdig zij-instromers opleiden.",
                    "Nieuwe opdracht netverzwaring; behoefte aan extra handen.",
                )
            )
        else:
            kind = VacancyKind.OPEN
            status = _weighted(
                rng, {VacancyStatus.OPEN: 6, VacancyStatus.FILLED: 3, VacancyStatus.CLOSED: 1}
            )
            expected = None
            description = f"{title} gezocht; zij-instromers welkom, opleiding op de werkvloer."
        vacancy = {
            **_sync(st),
            "employer_id": employer["id"],
            "kind": kind,
            "title": title,
            "description": description,
            "hours_per_week": rng.choice((32, 36, 38, 40, 40)),
            "positions": rng.choice((1, 1, 1, 2, 3)),
            "expected_on": expected,
            "status": status,
        }
        vacancies.append(vacancy)
        st.rows["vacancy"].append(vacancy)
    st.vacancies[employer["id"]] = vacancies


# --- scenarios: which candidate ends where ------------------------------------------------

_STATUS_WEIGHTS = {
    CandidateStatus.ACTIVE: 46,
    CandidateStatus.PLACED: 18,
    CandidateStatus.RETAINED: 10,
    CandidateStatus.DROPPED_OUT: 18,
    CandidateStatus.CLOSED: 8,
}
_ACTIVE_PHASES = {
    Phase.ORIENTATION: 22,
    Phase.DEEP_ORIENTATION: 25,
    Phase.MATCHING: 30,
    Phase.TRAINING: 23,
}
_DROPOUT_PHASES = {
    Phase.ORIENTATION: 15,
    Phase.DEEP_ORIENTATION: 20,
    Phase.MATCHING: 30,
    Phase.TRAINING: 15,
    Phase.RETENTION: 20,
}
# A few fixed scenarios so that even a small caseload shows every persona, phase and leak.
_COVERAGE = (
    *(_Scenario(CandidateStatus.ACTIVE, Phase.MATCHING, persona=p) for p in Persona),
    _Scenario(CandidateStatus.ACTIVE, Phase.ORIENTATION, recent=True),
    _Scenario(CandidateStatus.ACTIVE, Phase.DEEP_ORIENTATION),
    _Scenario(CandidateStatus.ACTIVE, Phase.MATCHING, recent=True),
    _Scenario(CandidateStatus.ACTIVE, Phase.TRAINING),
    _Scenario(CandidateStatus.PLACED, Phase.RETENTION, recent=True),
    _Scenario(CandidateStatus.PLACED, Phase.RETENTION),
    _Scenario(CandidateStatus.RETAINED, Phase.RETENTION),
    _Scenario(CandidateStatus.CLOSED, Phase.RETENTION),
    _Scenario(CandidateStatus.CLOSED, Phase.DEEP_ORIENTATION),
    *(
        _Scenario(CandidateStatus.DROPPED_OUT, phase, reason=reason)
        for reason, phase in (
            (DropoutReason.LANGUAGE_GAP, Phase.MATCHING),
            (DropoutReason.SALARY_GAP, Phase.MATCHING),
            (DropoutReason.AVAILABILITY_EXPECTATIONS, Phase.RETENTION),
            (DropoutReason.TOO_LITTLE_GUIDANCE, Phase.RETENTION),
            (DropoutReason.NO_SUITABLE_VACANCIES, Phase.MATCHING),
            (DropoutReason.NO_CERTIFIABLE_TRAINING, Phase.DEEP_ORIENTATION),
            (DropoutReason.FUNDING, Phase.TRAINING),
            (DropoutReason.PERSONAL_CIRCUMSTANCES, Phase.ORIENTATION),
            (DropoutReason.OTHER, Phase.DEEP_ORIENTATION),
        )
    ),
)


def _scenarios(rng: random.Random, n: int) -> list[_Scenario]:
    chosen = list(_COVERAGE[:n])
    while len(chosen) < n:
        status = _weighted(rng, _STATUS_WEIGHTS)
        if status == CandidateStatus.ACTIVE:
            phase = _weighted(rng, _ACTIVE_PHASES)
        elif status in (CandidateStatus.PLACED, CandidateStatus.RETAINED):
            phase = Phase.RETENTION
        elif status == CandidateStatus.DROPPED_OUT:
            phase = _weighted(rng, _DROPOUT_PHASES)
        else:  # closed: half after a full year of retention, half early
            phase = Phase.RETENTION if rng.random() < 0.5 else _weighted(rng, _ACTIVE_PHASES)
        chosen.append(_Scenario(status, phase, recent=rng.random() < 0.06))
    rng.shuffle(chosen)
    return chosen


# --- one candidate -------------------------------------------------------------------------


@dataclass
class _Life:
    """The dates and route of one candidate, decided before any row is written."""

    registered: date
    end: date  # today, or the day of dropout / closure
    route: list[Phase]
    move_dates: list[date]
    placement_start: date | None = None
    placement_end: date | None = None


def _route(rng: random.Random, final: Phase, persona: Persona) -> list[Phase]:
    o, d, m, t, r = Phase
    direct = persona in (Persona.EMPLOYED_IN_TECH, Persona.NO_WORK_BENEFIT_TECHNICAL)
    options = {
        o: [[o]],
        d: [[o, d]],
        m: [[o, m]] if direct and rng.random() < 0.5 else [[o, d, m]],
        t: [[o, d, t], [o, d, m, t], [o, m, t] if direct else [o, d, m, t]],
        r: [[o, d, m, r], [o, d, m, t, r], [o, m, r] if direct else [o, d, m, r], [o, d, t, m, r]],
    }[final]
    route = list(rng.choice(options))
    # The route is iterative (whitepaper §3): some go back before they go on.
    for _ in range(rng.choices((0, 1, 2), weights=(62, 30, 8))[0]):
        if len(route) < 2:
            break
        k = rng.randint(1, len(route) - 1)
        here = route[k]
        back = [p for p in Phase if _index(p) < _index(here)]
        if not back:
            continue
        route[k + 1 : k + 1] = [rng.choice(back[-2:]), here]
    return route


_PHASE_INDEX = {phase: i for i, phase in enumerate(Phase)}


def _index(phase: Phase) -> int:
    return _PHASE_INDEX[phase]


def _life(st: _State, sc: _Scenario, persona: Persona) -> _Life:
    rng, today = st.rng, st.today
    route = _route(rng, sc.phase, persona)
    start = end = None
    if sc.phase == Phase.RETENTION:
        if sc.status == CandidateStatus.PLACED:
            start = today - timedelta(days=rng.randint(2, 9) if sc.recent else rng.randint(7, 340))
            last_move, stop = start, today
        elif sc.status == CandidateStatus.RETAINED:
            start = today - timedelta(days=rng.randint(390, 720))
            last_move, stop = start, today
        elif sc.status == CandidateStatus.CLOSED:
            start = today - timedelta(days=rng.randint(420, 900))
            last_move = start
            stop = end = min(today, _add_months(start, 12) + timedelta(days=rng.randint(5, 40)))
        else:  # dropped out after placement
            start = today - timedelta(days=rng.randint(40, 600))
            last_move = start
            stop = end = start + timedelta(days=rng.randint(14, min(340, _days(start, today))))
        registered = start - timedelta(days=rng.randint(45, 300))
    else:
        if sc.status == CandidateStatus.ACTIVE:
            span = {Phase.ORIENTATION: 90, Phase.DEEP_ORIENTATION: 220}.get(sc.phase, 480)
            registered = today - timedelta(days=rng.randint(2 if sc.recent else 10, span))
            stop = today
            last_move = today - timedelta(days=rng.randint(0, 8)) if sc.recent else today
        else:
            registered = today - timedelta(days=rng.randint(40, 900))
            stop = registered + timedelta(days=rng.randint(20, min(320, _days(registered, today))))
            last_move = stop
    fixed = sc.recent or sc.phase == Phase.RETENTION
    moves = _move_dates(rng, registered, max(registered, last_move), len(route), fixed)
    return _Life(registered, stop, route, moves, start, end)


def _move_dates(rng: random.Random, first: date, last: date, n: int, fixed: bool) -> list[date]:
    """``n`` phase-move dates from ``first`` (registration) up to ``last``; with ``fixed``
    the last move falls on ``last`` itself (the start of a placement, a recent move)."""
    span = _days(first, last)
    k = n - 2 if fixed else n - 1
    offsets = sorted(rng.randint(min(1, span), span) for _ in range(max(k, 0)))
    if fixed and n > 1:
        offsets.append(span)
    return [first, *(first + timedelta(days=d) for d in offsets)]


def _make_candidate(st: _State, sc: _Scenario) -> None:
    rng, today = st.rng, st.today
    persona = sc.persona or _weighted(rng, _PERSONA_WEIGHTS)
    origin, first, last = _person_name(rng)
    place = _place(st)
    life = _life(st, sc, persona)
    cid = st.ids()
    lo, hi = _AGES[persona]
    language = rng.choice(_LANGUAGE_BY_ORIGIN[origin])
    if sc.reason == DropoutReason.LANGUAGE_GAP:
        language = rng.choice(("A1", "A2", "B1"))
    ongoing = sc.status in (CandidateStatus.ACTIVE, CandidateStatus.PLACED)
    st.rows["candidate"].append(
        {
            **_sync(st, cid),
            "first_name": first,
            "last_name": last,
            "birth_date": today - timedelta(days=rng.randint(lo * 365, hi * 365 + 300)),
            "email": f"{_ascii(first)}.{_ascii(last)}{rng.randint(1, 99)}@mail.example",
            "phone": f"06-{rng.randint(10000000, 99999999)}",
            "municipality": place.municipality,
            "spt": place.spt,
            "labour_market_region": place.region,
            "referral_source": ReferralSource(rng.choice(_REFERRALS[persona].split())),
            "persona": persona,
            "benefit_status": BenefitStatus(rng.choice(_BENEFITS[persona])),
            "language_level": LanguageLevel(language),
            "hours_per_week": rng.choice((24, 32, 32, 36, 40, 40, 40)),
            "availability": rng.choice(_AVAILABILITY),
            "salary_expectation": rng.randrange(2300, 3800, 50)
            + (400 if persona == Persona.EMPLOYED_OUTSIDE_TECH else 0),
            "skills": ", ".join(rng.sample(_SKILLS, 3)),
            "interests": ", ".join(rng.sample(_INTERESTS, 2)),
            "motivation": rng.choice(_MOTIVATIONS),
            "notes": rng.choice(
                (None, None, "Voorkeur voor contact via WhatsApp.", "Bereikbaar na 16.00 uur.")
            ),
            "phase": sc.phase,
            "status": sc.status,
            "registered_on": life.registered,
            "next_follow_up": (
                today + timedelta(days=rng.randint(-6, 21))
                if ongoing and rng.random() < 0.9
                else None
            ),
        }
    )
    holders = _assign(st, cid, sc, life, place.spt)
    _consents(st, cid, life, holders[Role.LOOPBAANCOACH])
    _intake_and_notes(st, cid, persona, life, holders[Role.LOOPBAANCOACH])
    _journey(st, cid, life, holders)
    _plans(st, cid, life, holders[Role.LOOPBAANCOACH])
    _activities(st, cid, life, ongoing)
    employer = _matches_and_placement(st, cid, sc, life, holders, place.spt, persona)
    _trainings(st, cid, sc, life, persona, employer)
    _handovers(st, cid, sc, life, holders)
    if sc.status == CandidateStatus.DROPPED_OUT:
        reason = sc.reason or DropoutReason(_weighted(rng, _DROPOUT_WEIGHTS[sc.phase]))
        st.rows["dropout"].append(
            {
                **_sync(st),
                "candidate_id": cid,
                "phase": sc.phase,
                "reason": reason,
                "occurred_on": life.end,
                "coach_id": holders.get(Role.JOBCOACH) or holders[Role.LOOPBAANCOACH],
                "explanation": _DROPOUT_TEXT[reason],
            }
        )


def _roles_needed(life: _Life) -> list[Role]:
    roles = [Role.LOOPBAANCOACH]
    if Phase.MATCHING in life.route or life.placement_start:
        roles.append(Role.ARBEIDSMARKTCOACH)
    if life.placement_start:
        roles.append(Role.JOBCOACH)
    return roles


def _assign(st: _State, cid: str, sc: _Scenario, life: _Life, spt: Spt) -> dict[Role, str]:
    """Who guides the candidate in which role; the owner always holds one of them."""
    needed = _roles_needed(life)
    mine = [r for r in needed if r in st.owner_roles] or [st.owner_roles[0]]
    owner_role = st.rng.choice(mine)
    holders = {r: _colleague(st, r, spt) for r in needed if r != owner_role}
    holders[owner_role] = st.owner_id
    active = sc.status in (CandidateStatus.ACTIVE, CandidateStatus.PLACED)
    for role in (*needed, *([owner_role] if owner_role not in needed else [])):
        st.rows["assignment"].append(
            {
                **_sync(st),
                "candidate_id": cid,
                "coach_id": holders[role],
                "role": role,
                "active": active,
            }
        )
    holders.setdefault(Role.LOOPBAANCOACH, st.owner_id)
    return holders


def _consents(st: _State, cid: str, life: _Life, recorder: str) -> None:
    rng = st.rng
    chances = {
        ConsentPurpose.PROCESSING: 1.0,
        ConsentPurpose.SHARE_EMPLOYER: 0.85,
        ConsentPurpose.SHARE_REFERRER_FUNDER: 0.75,
        ConsentPurpose.SHARE_TRAINING_PROVIDER: 0.7,
        ConsentPurpose.AANBODKRANT: 0.5,
    }
    for purpose, chance in chances.items():
        granted = rng.random() < chance
        withdrawn = None
        if granted and purpose != ConsentPurpose.PROCESSING and rng.random() < 0.07:
            withdrawn = _between(rng, life.registered, life.end)
        st.rows["consent"].append(
            {
                **_sync(st),
                "candidate_id": cid,
                "purpose": purpose,
                "granted": granted,
                "recorded_on": life.registered,
                "recorded_by": recorder,
                "withdrawn_on": withdrawn,
            }
        )


def _intake_and_notes(st: _State, cid: str, persona: Persona, life: _Life, coach: str) -> None:
    rng = st.rng
    held = min(life.registered + timedelta(days=rng.randint(0, 10)), life.end, st.today)
    st.rows["intake"].append(
        {
            **_sync(st),
            "candidate_id": cid,
            "held_on": held,
            "coach_id": coach,
            "background": rng.choice(_BACKGROUNDS[persona]),
            "motivation": rng.choice(_MOTIVATIONS),
            "wishes": " ".join(rng.sample(_WISHES, 2)),
            "obstacles": rng.choice(_OBSTACLES),
            "persona_rationale": f"Ingedeeld als '{persona.label}' op grond van werk- en "
            "uitkeringssituatie bij aanmelding.",
        }
    )
    for _ in range(rng.randint(0, 3)):
        st.rows["note"].append(
            {
                **_sync(st),
                "candidate_id": cid,
                "author_id": coach,
                "written_at": _at(rng, _between(rng, life.registered, life.end)),
                "text": rng.choice(_NOTES),
            }
        )


def _journey(st: _State, cid: str, life: _Life, holders: dict[Role, str]) -> None:
    rng = st.rng
    previous: Phase | None = None
    for phase, on in zip(life.route, life.move_dates, strict=True):
        if previous is None:
            reason = "Aangemeld bij het SPT"
        elif _index(phase) < _index(previous) and (previous, phase) not in _FORWARD_REASONS:
            reason = rng.choice(_BACK_REASONS[phase])
        else:
            reason = rng.choice(
                _FORWARD_REASONS.get((previous, phase), ("Volgende stap in de kandidaatreis.",))
            )
        role = Role.ARBEIDSMARKTCOACH if phase == Phase.MATCHING else Role.LOOPBAANCOACH
        st.rows["journey_event"].append(
            {
                **_sync(st),
                "candidate_id": cid,
                "from_phase": previous,
                "to_phase": phase,
                "occurred_on": on,
                "coach_id": holders.get(role, holders[Role.LOOPBAANCOACH]),
                "reason": reason,
            }
        )
        previous = phase


def _plans(st: _State, cid: str, life: _Life, coach: str) -> None:
    rng, today = st.rng, st.today
    intake = life.registered
    if _days(intake, life.end) < 5:
        return
    reviewed = intake + timedelta(days=rng.randint(3, 14))
    fresh = _days(intake, today) < 21
    versions = 1 if fresh else rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
    for v in range(1, versions + 1):
        last = v == versions
        if fresh:
            status = PlanStatus.DRAFT
        elif not last:
            status = PlanStatus.SUPERSEDED
        else:
            # A newer draft waits for agreement for some (an agreed plan is not rewritten).
            status = PlanStatus.DRAFT if v > 1 and rng.random() < 0.5 else PlanStatus.AGREED
        reviewed = min(reviewed, today)
        agreed = (
            None
            if status == PlanStatus.DRAFT
            else min(reviewed + timedelta(days=rng.randint(0, 7)), today)
        )
        plan_id = st.ids()
        st.rows["plan"].append(
            {
                **_sync(st, plan_id),
                "candidate_id": cid,
                "version": v,
                "status": status,
                "summary": rng.choice(
                    (
                        "Oriënteren op installatietechniek en toewerken naar een leerwerkbaan.",
                        "Eerst taal en certificaten, daarna matching met werkgevers in de regio.",
                        "Via de Techniektuin naar een BBL-plek in de metaal.",
                        "Directe bemiddeling naar werk met opleiding op de werkvloer.",
                    )
                ),
                "reviewed_on": reviewed,
                "agreed_on": agreed,
                "agreed_by": coach if agreed else None,
            }
        )
        _goals(st, cid, plan_id, reviewed, status)
        reviewed = reviewed + timedelta(days=rng.randint(30, 120))


def _goals(st: _State, cid: str, plan_id: str, start: date, status: PlanStatus) -> None:
    rng, today = st.rng, st.today
    for g, text in enumerate(rng.sample(_GOALS, rng.randint(2, 3)), start=1):
        goal_id = st.ids()
        st.rows["goal"].append(
            {
                **_sync(st, goal_id),
                "candidate_id": cid,
                "plan_id": plan_id,
                "position": g,
                "description": text,
            }
        )
        for a, action in enumerate(rng.sample(_ACTIONS, rng.randint(1, 2)), start=1):
            due = start + timedelta(days=rng.randint(7, 90))
            if status == PlanStatus.SUPERSEDED:
                state = rng.choice((ActionStatus.DONE, ActionStatus.CANCELLED))
            elif due < today:
                state = ActionStatus.DONE if rng.random() < 0.8 else ActionStatus.OPEN
            else:
                state = ActionStatus.OPEN
            st.rows["action"].append(
                {
                    **_sync(st),
                    "candidate_id": cid,
                    "goal_id": goal_id,
                    "position": a,
                    "description": action,
                    "owner": rng.choice(_ACTION_OWNERS),
                    "due_on": due,
                    "status": state,
                }
            )


def _phase_spans(life: _Life) -> list[tuple[Phase, date, date]]:
    ends = [*life.move_dates[1:], life.end]
    return list(zip(life.route, life.move_dates, ends, strict=True))


def _activities(st: _State, cid: str, life: _Life, ongoing: bool) -> None:
    rng = st.rng
    for phase, start, end in _phase_spans(life):
        if phase == Phase.ORIENTATION:
            kinds = [ActivityKind.ONLINE_ORIENTATION] if rng.random() < 0.5 else []
        elif phase == Phase.DEEP_ORIENTATION:
            kinds = rng.sample(_ORIENTATION_KINDS, rng.randint(1, 2))
        elif phase == Phase.MATCHING:
            kinds = rng.sample(_MATCHING_KINDS, rng.randint(1, 3))
        else:
            continue
        for kind in kinds:
            _activity(st, cid, kind, _between(rng, start, end), ActivityOutcome.NEUTRAL)
    if (
        ongoing
        and life.route[-1] in (Phase.DEEP_ORIENTATION, Phase.MATCHING)
        and rng.random() < 0.4
    ):
        pool = _ORIENTATION_KINDS if life.route[-1] == Phase.DEEP_ORIENTATION else _MATCHING_KINDS
        later = st.today + timedelta(days=rng.randint(2, 30))
        _activity(st, cid, rng.choice(pool), later, ActivityOutcome.PLANNED)


def _activity(st: _State, cid: str, kind: ActivityKind, on: date, outcome: ActivityOutcome) -> None:
    rng = st.rng
    if outcome != ActivityOutcome.PLANNED:
        outcome = _weighted(
            rng,
            {ActivityOutcome.POSITIVE: 50, ActivityOutcome.NEUTRAL: 25,
             ActivityOutcome.NEGATIVE: 15, ActivityOutcome.NO_SHOW: 10},
        )  # fmt: skip
    where = {
        ActivityKind.ONLINE_ORIENTATION: "Online",
        ActivityKind.TECHCOURT: "Techcourt",
        ActivityKind.TECHNIEKTUIN: "Techniektuin",
        ActivityKind.BEROEPENTUIN: "Beroepentuin",
        ActivityKind.BTO_VTO: "Opleidingslocatie",
    }.get(kind, "SPT-loket")
    town = rng.choice(("Amsterdam", "Haarlem", "Alkmaar", "Zaandam", "Hilversum", "Hoorn"))
    st.rows["activity"].append(
        {
            **_sync(st),
            "candidate_id": cid,
            "kind": kind,
            "held_on": on,
            "location": where if where == "Online" else f"{where} {town}",
            "outcome": outcome,
            "notes": "" if outcome == ActivityOutcome.PLANNED else rng.choice(_ACTIVITY_NOTES),
        }
    )


def _pick_employer(st: _State, spt: Spt) -> Row:
    pool = st.employers.get(spt) or [e for es in st.employers.values() for e in es]
    return st.rng.choice(pool)


def _matches_and_placement(
    st: _State,
    cid: str,
    sc: _Scenario,
    life: _Life,
    holders: dict[Role, str],
    spt: Spt,
    persona: Persona,
) -> Row | None:
    """Matches during the matching phases; the placement and its checkpoints. Returns
    the employer the candidate was placed with, if any."""
    rng = st.rng
    spans = [(s, e) for p, s, e in _phase_spans(life) if p == Phase.MATCHING]
    if not spans:
        return None
    amc = holders.get(Role.ARBEIDSMARKTCOACH, holders[Role.LOOPBAANCOACH])
    placed = life.placement_start is not None
    n = rng.randint(1, 3)
    last_match: tuple[str, Row, Row | None] | None = None
    for i in range(n):
        start, end = spans[min(i, len(spans) - 1)]
        employer = _pick_employer(st, spt)
        vacancies = st.vacancies.get(employer["id"]) or []
        vacancy = rng.choice(vacancies) if vacancies and rng.random() < 0.7 else None
        final = i == n - 1
        if final and placed:
            klik: int | None
            status, klik = MatchStatus.PLACED, rng.choice((4, 4, 5, 5, 3))
        elif final and sc.status == CandidateStatus.ACTIVE and sc.phase == Phase.MATCHING:
            status = _weighted(
                rng, {MatchStatus.PROPOSED: 4, MatchStatus.INTRODUCED: 3, MatchStatus.TRIAL: 2}
            )
            klik = rng.choice((None, 3, 4, 5))
        else:
            status, klik = MatchStatus.DECLINED, rng.choice((1, 2, 2, 3))
        match_id = st.ids()
        st.rows["match"].append(
            {
                **_sync(st, match_id),
                "candidate_id": cid,
                "employer_id": employer["id"],
                "vacancy_id": vacancy["id"] if vacancy else None,
                "coach_id": amc,
                "status": status,
                "klik": klik,
                "proposed_on": _between(rng, start, end),
                "notes": rng.choice(
                    (
                        "Klik met de praktijkopleider was er meteen.",
                        "Werkgever kijkt naar potentie, niet alleen naar het cv.",
                        "Verwachtingen over werktijden liepen uiteen.",
                        "Kandidaat vond het bedrijf te ver weg.",
                        "",
                    )
                ),
            }
        )
        last_match = (match_id, employer, vacancy)
    if not placed or last_match is None:
        return None
    _placement(st, cid, sc, life, holders, persona, last_match)
    return last_match[1]


def _placement(
    st: _State,
    cid: str,
    sc: _Scenario,
    life: _Life,
    holders: dict[Role, str],
    persona: Persona,
    match: tuple[str, Row, Row | None],
) -> None:
    rng, today = st.rng, st.today
    match_id, employer, vacancy = match
    assert life.placement_start is not None
    start, ended = life.placement_start, life.placement_end
    failing = sc.status == CandidateStatus.DROPPED_OUT
    contract = _weighted(
        rng, {ContractKind.BBL: 40, ContractKind.LEERWERKBAAN: 25, ContractKind.REGULAR: 35}
    )
    if persona == Persona.EMPLOYED_IN_TECH:
        contract = rng.choice((ContractKind.BBL, ContractKind.REGULAR))
    placement_id = st.ids()
    jobcoach = holders[Role.JOBCOACH]
    st.rows["placement"].append(
        {
            **_sync(st, placement_id),
            "candidate_id": cid,
            "employer_id": employer["id"],
            "vacancy_id": vacancy["id"] if vacancy else None,
            "match_id": match_id,
            "jobcoach_id": jobcoach,
            "job_title": vacancy["title"]
            if vacancy
            else rng.choice(_SECTOR_WORK[employer["sector"]][0]),
            "contract": contract,
            "starts_on": start,
            "ended_on": ended if failing else None,
        }
    )
    for months in (1, 3, 6, 12):
        due = _add_months(start, months)
        done, outcome = None, None
        if failing and ended is not None and due > ended:
            done, outcome = ended, CheckpointOutcome.LEFT
        elif due <= today - timedelta(days=14) or (due <= today and rng.random() < 0.5):
            done = min(due + timedelta(days=rng.randint(-3, 10)), today)
            outcome = CheckpointOutcome.RETAINED
        st.rows["retention_checkpoint"].append(
            {
                **_sync(st),
                "candidate_id": cid,
                "placement_id": placement_id,
                "months": months,
                "due_on": due,
                "done_on": done,
                "outcome": outcome,
            }
        )
    st.placements.append(
        _Placement(
            id=placement_id,
            candidate_id=cid,
            employer_id=employer["id"],
            site=f"{employer['name']}, {employer['municipality']}",
            jobcoach_id=jobcoach,
            starts_on=start,
            last_day=min(today, ended or today),
            ongoing=sc.status == CandidateStatus.PLACED,
            failing=failing,
        )
    )


def _trainings(
    st: _State,
    cid: str,
    sc: _Scenario,
    life: _Life,
    persona: Persona,
    employer: Row | None,
) -> None:
    rng, today = st.rng, st.today
    spans = [(s, e) for p, s, e in _phase_spans(life) if p == Phase.TRAINING]
    if not spans:
        return
    start = spans[-1][0]
    employed = employer is not None or persona in (
        Persona.EMPLOYED_IN_TECH,
        Persona.EMPLOYED_OUTSIDE_TECH,
    )
    public = rng.random() < 0.55
    sector = employer["sector"] if employer else _weighted(rng, _SECTOR_WEIGHTS)
    funds = _SECTOR_FUNDS[sector]
    # Sector funds pay only for people who work in the sector (whitepaper: "alleen voor
    # werkenden"); before that it is a scholingsvoucher, the gemeente/UWV, or own money.
    if employed and funds and rng.random() < 0.6:
        funding, fund = FundingKind.FUND, rng.choice(funds)
    elif employer is not None:
        funding, fund = FundingKind.EMPLOYER, None
    else:
        funding = _weighted(
            rng,
            {FundingKind.SCHOLINGSVOUCHER: 50, FundingKind.GEMEENTE_UWV: 30,
             FundingKind.SELF: 10, FundingKind.NONE: 10},
        )  # fmt: skip
        fund = None
    if sc.reason == DropoutReason.FUNDING:
        funding, fund = FundingKind.NONE, None
    ends = start + timedelta(days=rng.choice((30, 60, 120, 300, 365)))
    if sc.status == CandidateStatus.DROPPED_OUT and life.route[-1] == Phase.TRAINING:
        status = TrainingStatus.STOPPED
    elif ends <= today:
        status = TrainingStatus.COMPLETED
    elif start <= today:
        status = TrainingStatus.IN_PROGRESS
    else:
        status = TrainingStatus.PLANNED
    programme = rng.choice(_SECTOR_WORK[sector][1])
    st.rows["training"].append(
        {
            **_sync(st),
            "candidate_id": cid,
            "provider": rng.choice(_PUBLIC_PROVIDERS if public else _PRIVATE_PROVIDERS),
            "programme": programme,
            "publicly_funded": public,
            "funding": funding,
            "fund": fund,
            "starts_on": start,
            "ends_on": ends,
            "status": status,
            "certificate": programme if status == TrainingStatus.COMPLETED else None,
        }
    )


def _handovers(st: _State, cid: str, sc: _Scenario, life: _Life, holders: dict[Role, str]) -> None:
    rng, today = st.rng, st.today
    steps = []
    matching = [d for p, d in zip(life.route, life.move_dates, strict=True) if p == Phase.MATCHING]
    if matching and Role.ARBEIDSMARKTCOACH in holders:
        steps.append((Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH, matching[0]))
    if life.placement_start and Role.JOBCOACH in holders:
        steps.append((Role.ARBEIDSMARKTCOACH, Role.JOBCOACH, life.placement_start))
    open_case = sc.status in (CandidateStatus.ACTIVE, CandidateStatus.PLACED)
    for i, (from_role, to_role, on) in enumerate(steps):
        giver, taker = holders[from_role], holders[to_role]
        if giver == taker:
            continue  # roles combined in one person: nothing to hand over
        created = _at(rng, on)
        latest = i == len(steps) - 1
        pending = open_case and latest and _days(on, today) <= 14 and rng.random() < 0.7
        st.rows["handover"].append(
            {
                **_sync(st),
                "candidate_id": cid,
                "from_coach_id": giver,
                "from_role": from_role,
                "to_coach_id": taker,
                "to_role": to_role,
                "summary": (
                    "Kandidaat heeft richting gekozen en is klaar voor matching; profiel, "
                    "plan van aanpak en afspraken staan in het dossier."
                    if to_role == Role.ARBEIDSMARKTCOACH
                    else "Geplaatst; afspraken met werkgever en praktijkopleider staan in het "
                    "dossier. Graag eerste bezoek binnen twee weken."
                ),
                "status": HandoverStatus.PENDING if pending else HandoverStatus.ACCEPTED,
                "created_at": created,
                "accepted_at": None
                if pending
                else min(created + timedelta(hours=rng.randint(2, 72)), st.stamp),
            }
        )


# --- visits --------------------------------------------------------------------------------


def _allocate(rng: random.Random, placements: list[_Placement], total: int) -> list[int]:
    """``total`` visits over the placements, by how long each has run (at least one)."""
    if not placements:
        return []
    weights = [min(400, _days(p.starts_on, p.last_day)) + 14 for p in placements]
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    short = total - sum(counts)
    for i in rng.sample(range(len(placements)), min(max(short, 0), len(placements))):
        counts[i] += 1
    while sum(counts) < total:  # only when total > 2x the placements' weight
        counts[rng.randrange(len(counts))] += 1
    return counts


def _make_visits(st: _State, total: int) -> None:
    rng = st.rng
    rows = st.rows["visit"]
    modes = (VisitMode.ON_SITE,) * 7 + (VisitMode.PHONE,) * 2 + (VisitMode.VIDEO,)
    for p, n in zip(st.placements, _allocate(rng, st.placements, total), strict=True):
        if n == 0:
            continue
        span = _days(p.starts_on, p.last_day)
        # Most visits in the first weeks, fewer as the candidate settles in.
        days = sorted(int(span * rng.random() ** 1.6) for _ in range(n))
        base = 2 if p.failing else rng.choice((3, 4, 4, 5))
        mentor = st.mentors.get(p.employer_id, "praktijkopleider")
        for k, offset in enumerate(days):
            day = p.starts_on + timedelta(days=offset)
            last = k == n - 1
            at_risk = p.failing and span - offset < 45
            mode = rng.choice(modes)
            visited = datetime.combine(day, time(8 + offset % 9, (offset * 15) % 60))
            if last:
                follow = st.today + timedelta(days=rng.randint(-4, 14)) if p.ongoing else None
            else:
                follow = p.starts_on + timedelta(days=days[k + 1])
            unsigned = last and p.ongoing and _days(day, st.today) <= 3 and rng.random() < 0.5
            rows.append(
                {
                    "id": st.ids(),
                    "server_rev": None,
                    "modified_at": st.stamp,
                    "deleted": False,
                    "candidate_id": p.candidate_id,
                    "placement_id": p.id,
                    "employer_id": p.employer_id,
                    "coach_id": p.jobcoach_id,
                    "visited_at": visited,
                    "site": "Telefonisch" if mode == VisitMode.PHONE else p.site,
                    "mode": mode,
                    "attendees": f"kandidaat, {mentor} (praktijkopleider)",
                    "topics": "; ".join(rng.sample(_VISIT_TOPICS, 2)),
                    "progress_score": max(1, min(5, base + rng.choice((-1, 0, 0, 1)))),
                    "wellbeing_score": max(1, min(5, base + rng.choice((-1, 0, 0, 1)) - at_risk)),
                    "agreements": rng.choice(_VISIT_AGREEMENTS),
                    "notes": rng.choice(_RISK_NOTES if at_risk else _VISIT_NOTES),
                    "follow_up_on": follow,
                    "dropout_risk": at_risk or rng.random() < 0.03,
                    "signed_off_at": None if unsigned else visited + timedelta(hours=2),
                }
            )
