"""Employers of the technical sectors, their contact persons, vacancies and
future needs (lesson 10)."""

from __future__ import annotations

from datetime import timedelta

from spt_common.enums import Sector, Spt, VacancyKind, VacancyStatus
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
# Which sector fund pays for training once someone works there ("alleen voor werkenden").


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
    for _ in range(n):
        place = pick_place(st)
        sector = weighted(rng, SECTOR_WEIGHTS)
        surname = rng.choice(DUTCH_LAST).split(" ")[-1]
        name = rng.choice(_EMPLOYER_PATTERNS[sector]).format(s=surname, p=place.municipality)
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
        st.rows["employer"].append(employer)
        st.employers.setdefault(place.spt, []).append(employer)
        _make_contacts(st, employer)
        _make_vacancies(st, employer)


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
        }
        vacancies.append(vacancy)
        st.rows["vacancy"].append(vacancy)
    st.vacancies[employer["id"]] = vacancies


def pick_employer(st: State, spt: Spt) -> Row:
    """An employer of the SPT, or of any SPT when it has none."""
    pool = st.employers.get(spt) or [e for es in st.employers.values() for e in es]
    return st.rng.choice(pool)
