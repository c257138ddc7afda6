"""Employers of the technical sectors, their contact persons, vacancies and
future needs (lesson 10)."""

from __future__ import annotations

import random
from datetime import timedelta

from spt_common.enums import (
    BranchOrganisation,
    EmployerContactKind,
    LanguageLevel,
    Role,
    Sector,
    Spt,
    TrainingFund,
    TransitionReadiness,
    VacancyKind,
    VacancySource,
    VacancyStatus,
    WorkLevel,
    WorkPattern,
)
from spt_desktop.demo.draw import weighted
from spt_desktop.demo.people import DUTCH_LAST, ascii_slug, person_name
from spt_desktop.demo.places import pick_place
from spt_desktop.demo.state import Row, State, sync_columns

SECTOR_WORK = {
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
SECTOR_WEIGHTS = {
    Sector.INSTALLATIE: 32,
    Sector.METAAL: 26,
    Sector.BOUW: 20,
    Sector.ENERGIE: 14,
    Sector.ELEKTROTECHNIEK: 8,
}
# The branch organisations of each sector (TCNH) and the fund that goes with each.
SECTOR_BRANCHES = {
    Sector.INSTALLATIE: {BranchOrganisation.TECHNIEK_NEDERLAND: 8, BranchOrganisation.OTHER: 1},
    Sector.METAAL: {BranchOrganisation.METAALUNIE: 6, BranchOrganisation.FME: 3,
                    BranchOrganisation.OTHER: 1},
    Sector.BOUW: {BranchOrganisation.BOUWEND_NEDERLAND: 8, BranchOrganisation.OTHER: 1},
    Sector.ENERGIE: {BranchOrganisation.TECHNIEK_NEDERLAND: 5, BranchOrganisation.FME: 2,
                     BranchOrganisation.OTHER: 2},
    Sector.ELEKTROTECHNIEK: {BranchOrganisation.TECHNIEK_NEDERLAND: 6,
                             BranchOrganisation.FME: 2},
}  # fmt: skip
BRANCH_FUND = {
    BranchOrganisation.TECHNIEK_NEDERLAND: TrainingFund.WIJ_TECHNIEK,
    BranchOrganisation.METAALUNIE: TrainingFund.OOM,
    BranchOrganisation.FME: TrainingFund.AO_METALEKTRO,
}
_READINESS_NOTES = {
    TransitionReadiness.LOW: "Zoekt vooral ervaren monteurs; zij-instromers nog onbekend terrein.",
    TransitionReadiness.LIMITED: "Wil zij-instromers met technische ervaring; taaleis B1.",
    TransitionReadiness.OPEN: "Neemt zij-instromers aan als het SPT de eerste maanden meekijkt.",
    TransitionReadiness.HIGH: "Leidt zelf op, past werktijden aan en biedt taalondersteuning.",
}
_LEVEL_LANGUAGE = {
    WorkLevel.ENTRY: LanguageLevel.A2,
    WorkLevel.MBO2: LanguageLevel.A2,
    WorkLevel.MBO3: LanguageLevel.B1,
    WorkLevel.MBO4: LanguageLevel.B2,
    WorkLevel.HBO: LanguageLevel.B2,
}
_AGREEMENTS = {
    EmployerContactKind.VISIT: ("Werkplaats bekeken; praktijkopleider wil twee kandidaten "
                                "spreken.", "Inwerkplan doorgenomen; BBL-plek mogelijk na "
                                "de zomer."),
    EmployerContactKind.PHONE: ("Vacature besproken; stuurt functieomschrijving na.",
                                "Terugkoppeling kennismaking gevraagd."),
    EmployerContactKind.MATCHTAFEL: ("Drie profielen uit de aanbodkrant besproken.",
                                     "Interesse in kandidaat met ervaring in de logistiek."),
    EmployerContactKind.SESSION: ("Ontbijtsessie over anders kijken naar talent bijgewoond.",
                                  "Wil meedoen aan een inspiratiesessie over begeleiding."),
    EmployerContactKind.BANENMARKT: ("Stand op de banenmarkt; vijf gesprekken gevoerd.",
                                     "Zoekt leerling-monteurs voor het najaar."),
}  # fmt: skip


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


def make_employers(st: State, n: int) -> None:
    """``n`` employers, with their contact persons and vacancies."""
    rng = st.rng
    taken: set[tuple[str, str]] = set()
    for _ in range(n):
        place = pick_place(st)
        sector = weighted(rng, SECTOR_WEIGHTS)
        surname = rng.choice(DUTCH_LAST).split(" ")[-1]
        name = rng.choice(_EMPLOYER_PATTERNS[sector]).format(s=surname, p=place.municipality)
        name = _unique(taken, name, place.municipality)
        size = rng.choice((4, 8, 12, 25, 40, 80, 150))
        employer = {
            **sync_columns(st),
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
        employer.update(_approach(employer))
        st.rows["employer"].append(employer)
        st.employers.setdefault(place.spt, []).append(employer)
        _make_contacts(st, employer)
        _make_vacancies(st, employer)


_BRANCHES = ("Noord", "Zuid", "Oost", "West", "Service", "Projecten")


def _unique(taken: set[tuple[str, str]], name: str, municipality: str) -> str:
    """``name``, or a branch office's name if the gemeente has one of that name already
    (the app asks before it keeps two of one name in one gemeente). No draw from the
    stream: the rows after stay what they were."""
    candidates = [name] + [f"{name} {b}" for b in _BRANCHES]
    chosen = next((c for c in candidates if (c.casefold(), municipality) not in taken), name)
    taken.add((chosen.casefold(), municipality))
    return chosen


def _make_contacts(st: State, employer: Row) -> None:
    domain = ascii_slug(employer["name"].replace(" ", "").replace("&", "en"))[:24] + ".example"
    for _ in range(st.rng.randint(1, 3)):
        _, first, last = person_name(st.rng)
        function = st.rng.choice(_CONTACT_FUNCTIONS)
        name = f"{first} {last}"
        if function == "Praktijkopleider" or employer["id"] not in st.mentors:
            st.mentors[employer["id"]] = name
        st.rows["contact_person"].append(
            {
                **sync_columns(st),
                "employer_id": employer["id"],
                "name": name,
                "function": function,
                "email": f"{ascii_slug(first)[:1]}.{ascii_slug(last)}@{domain}",
                "phone": f"0{st.rng.randint(20, 75)}-{st.rng.randint(1000000, 9999999)}",
                "left_on": None,
            }
        )


def _make_vacancies(st: State, employer: Row) -> None:
    rng = st.rng
    titles = SECTOR_WORK[employer["sector"]][0]
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
            status = weighted(
                rng, {VacancyStatus.OPEN: 6, VacancyStatus.FILLED: 3, VacancyStatus.CLOSED: 1}
            )
            expected = None
            description = f"{title} gezocht; zij-instromers welkom, opleiding op de werkvloer."
        vacancy = {
            **sync_columns(st),
            "employer_id": employer["id"],
            "kind": kind,
            "title": title,
            "description": description,
            "hours_per_week": rng.choice((32, 36, 38, 40, 40)),
            "positions": rng.choice((1, 1, 1, 2, 3)),
            "expected_on": expected,
            "status": status,
            **_gaps(employer, title),
        }
        vacancies.append(vacancy)
        st.rows["vacancy"].append(vacancy)
    st.vacancies[employer["id"]] = vacancies


def pick_employer(st: State, spt: Spt) -> Row:
    """An employer of the SPT, or of any SPT when it has none."""
    pool = st.employers.get(spt) or [e for es in st.employers.values() for e in es]
    return st.rng.choice(pool)


def _side_rng(*parts: object) -> random.Random:
    """A stream of its own for the fields of vault 0009, seeded by a record's content:
    the rows drawn from the main stream stay what they were."""
    return random.Random("/".join(str(p) for p in parts))


def _approach(employer: Row) -> Row:
    """Branch organisation, training fund and transitiebereidheid (lesson 8)."""
    rng = _side_rng(employer["name"], employer["municipality"], employer["sector"])
    branch = weighted(rng, SECTOR_BRANCHES[employer["sector"]])
    readiness = weighted(
        rng,
        {
            TransitionReadiness.LOW: 2,
            TransitionReadiness.LIMITED: 4,
            TransitionReadiness.OPEN: 5,
            TransitionReadiness.HIGH: 2,
        },
    )
    # Bouwend Nederland's own fund is not one of the three the SPT works with.
    fund = BRANCH_FUND.get(branch) if rng.random() < 0.85 else None
    return {
        "branch": branch,
        "training_fund": fund,
        "transition_readiness": readiness if rng.random() < 0.8 else None,
        "transition_notes": _READINESS_NOTES[readiness] if rng.random() < 0.7 else None,
    }


def _gaps(employer: Row, title: str) -> Row:
    """What shows a vacancy's gaps beside a candidate: pattern, salary, Dutch, level."""
    rng = _side_rng(employer["name"], title, employer["sector"])
    level = weighted(
        rng, {WorkLevel.ENTRY: 1, WorkLevel.MBO2: 5, WorkLevel.MBO3: 4, WorkLevel.MBO4: 2}
    )
    low = {WorkLevel.ENTRY: 2300, WorkLevel.MBO2: 2500, WorkLevel.MBO3: 2800}.get(level, 3200)
    low += 100 * rng.randint(0, 4)
    pattern = weighted(
        rng,
        {
            WorkPattern.DAY: 8,
            WorkPattern.SHIFTS: 2 if employer["sector"] == Sector.METAAL else 1,
            WorkPattern.AROUND_THE_CLOCK: 2 if employer["sector"] == Sector.ENERGIE else 1,
            WorkPattern.FLEXIBLE: 2,
        },
    )
    source = weighted(
        rng,
        {
            VacancySource.OWN_NETWORK: 6,
            VacancySource.AANBODKRANT: 2,
            VacancySource.WSP: 2,
            VacancySource.MATCHING_PLATFORM: 1,
        },
    )
    return {
        "work_pattern": pattern,
        "salary_min": low,
        "salary_max": low + 100 * rng.randint(3, 9),
        "language_level": _LEVEL_LANGUAGE[level] if rng.random() < 0.8 else None,
        "work_level": level,
        "bbl_possible": level in (WorkLevel.ENTRY, WorkLevel.MBO2, WorkLevel.MBO3)
        and rng.random() < 0.6,
        "source": source,
    }


def make_employer_contacts(st: State) -> None:
    """The employer approach's contact log (lesson 7): a few contacts per employer by the
    SPT's arbeidsmarktcoaches (the owner among them when that is her role), the latest
    with a follow-up around today. Made last: its ids come after every other row's."""
    people: dict[str, list[str]] = {}
    for person in st.rows["contact_person"]:
        rng = _side_rng("left", person["name"], person["function"])
        if rng.random() < 0.06:  # a few have left the company since
            person["left_on"] = st.today - timedelta(days=rng.randint(10, 300))
        else:
            people.setdefault(person["employer_id"], []).append(person["id"])
    for employers in st.employers.values():
        for employer in employers:
            _contacts_of(st, employer, people.get(employer["id"], []))


def _contacts_of(st: State, employer: Row, people: list[str]) -> None:
    rng = _side_rng("contact", employer["name"], employer["municipality"], st.today)
    coaches = list(st.coaches.get((Role.ARBEIDSMARKTCOACH, employer["spt"])) or [])
    if Role.ARBEIDSMARKTCOACH in st.owner_roles and employer["spt"] == st.owner_spt:
        coaches += [st.owner_id] * 2
    if not coaches:
        return
    n = rng.randint(0, 4)
    days = sorted((rng.randint(3, 400) for _ in range(n)), reverse=True)
    for i, ago in enumerate(days):
        kind = weighted(
            rng,
            {
                EmployerContactKind.VISIT: 4,
                EmployerContactKind.PHONE: 5,
                EmployerContactKind.MATCHTAFEL: 2,
                EmployerContactKind.SESSION: 1,
                EmployerContactKind.BANENMARKT: 1,
            },
        )
        held = st.today - timedelta(days=ago)
        latest = i == n - 1
        follow = (
            held + timedelta(days=rng.choice((7, 14, 21, 30)))
            if latest or rng.random() < 0.5
            else None
        )
        done = (
            None
            if follow is None or (latest and follow >= st.today - timedelta(days=10))
            else follow
        )
        st.rows["employer_contact"].append(
            {
                **sync_columns(st),
                "employer_id": employer["id"],
                "contact_person_id": rng.choice(people) if people and rng.random() < 0.85 else None,
                "coach_id": rng.choice(coaches),
                "held_on": held,
                "kind": kind,
                "agreements": rng.choice(_AGREEMENTS[kind]),
                "follow_up_on": follow,
                "follow_up_done_on": done,
            }
        )
