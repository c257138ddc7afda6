"""The names of the people of Noord-Holland today, by background, and the Dutch
level that goes with a background."""

from __future__ import annotations

import random
from collections.abc import Sequence

from spt_desktop.demo.draw import weighted


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
DUTCH_LAST = _names(
    "de Vries|van Dijk|Bakker|Jansen|de Jong|van den Berg|Visser|Smit|Meijer|de Boer|"
    "Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|"
    "Smits|de Graaf|van der Meer|van der Linden|Kok|Jacobs|de Haan|Vermeulen|"
    "van den Heuvel|van der Veen|van den Broek|de Bruijn|Schouten|van Beek|Willems|"
    "van Vliet|Hoekstra|Koster|Prins|in 't Veld|ter Horst|van 't Hof|Schipper|Kramer|Blom|"
    "Zwart|Schermerhorn|Kaandorp|Tesselaar|Beemsterboer|Koning|Molenaar|Groot|Blokker|"
    "Kuijper|Zijp|Tuip|Schilder|Kwakman|Veerman|van der Plas|de Ruiter|Kooiman|Ooms"
)
ORIGINS: dict[str, tuple[Sequence[str], Sequence[str], Sequence[str]]] = {
    "nl": (_DUTCH_M, _DUTCH_F, DUTCH_LAST),
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
LANGUAGE_BY_ORIGIN = {
    "nl": ("C2",) * 8 + ("C1", "B2"),
    "tr": ("C2", "C2", "C1", "C1", "B2", "B2", "B1", "A2"),
    "ma": ("C2", "C2", "C1", "C1", "B2", "B2", "B1", "A2"),
    "sr": ("C2",) * 6 + ("C1", "C1"),
    "pl": ("B2", "B1", "B1", "A2", "A2", "A1", "B1", "C1"),
    "sy": ("B2", "B1", "B1", "A2", "A2", "A1", "B1", "C1"),
    "ua": ("B1", "A2", "A2", "A1", "B1", "A2", "B2", "A1"),
}


def person_name(rng: random.Random) -> tuple[str, str, str]:
    """Background, first name and last name of a made-up inhabitant."""
    origin = weighted(rng, _ORIGIN_WEIGHTS)
    males, females, lasts = ORIGINS[origin]
    female = rng.random() < 0.3  # technical career switchers are still mostly men
    first = rng.choice(females if female else males)
    last = rng.choice(lasts)
    if female and origin == "pl" and last.endswith("ki"):
        last = last[:-1] + "a"  # Kowalski -> Kowalska
    return origin, first, last


def ascii_slug(text: str) -> str:
    """``text`` in lower-case ASCII letters, digits and hyphens (for e-mail addresses)."""
    table = str.maketrans("çğışöüéëïáàłńśźżąęćó'", "cgisoueeiaalnszzaeco ")
    return "".join(ch for ch in text.lower().translate(table) if ch.isalnum() or ch == "-")
