"""Every table of every document wraps its cells between words (and after a hyphen), never
inside a word that fits its column: the dossier's matches table printed
"Leerling-installati emonteur". The documents are printed from the demo caseload in a real
vault, with long Dutch words in every table's columns, and read back line by line."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import date
from enum import Enum
from typing import Any

import pytest
import sqlalchemy as sa

from spt_common import protocol as p
from spt_common.enums import (
    DropoutReason,
    FundingKind,
    LetterMoment,
    Phase,
    Role,
    TrainingStatus,
)
from spt_common.monitor_figures import Period, Report, Table
from spt_desktop.demo import fill_vault
from spt_desktop.models.vault import Vault
from spt_desktop.print import (
    aanbodkrant_pdf,
    dossier_pdf,
    plan_pdf,
    referral_letter_pdf,
    visit_report_pdf,
)
from spt_desktop.print.data import DossierData, DropoutLine, TrainingLine
from spt_desktop.print.letter_data import ReferralLetterData
from spt_desktop.print.stuurgroep import Quarter, StuurgroepData, stuurgroep_pdf
from spt_desktop.services.documents import (
    aanbodkrant_data,
    dossier_data,
    plan_data,
    visit_report_data,
)
from tests.conftest import FAST_KDF
from tests.print.pdf_text import reader

TODAY = date(2026, 11, 30)
COACH = "Marieke Schuurmans-Vermeulen"
# A Dutch word and a word with a hyphen per column, each printed once (so finding its
# parts on some line means they are on that line whole).
VACANCY = "Leerling-installatiemonteur"
EMPLOYER = "Duurzaamheidsinstallateurs Westzaan"


# The candidate with the most visits among those with every table of the dossier filled.
BUSIEST = """
    SELECT v.candidate_id FROM visit v
    WHERE v.candidate_id IN (SELECT candidate_id FROM "match")
      AND v.candidate_id IN (SELECT candidate_id FROM activity)
      AND v.candidate_id IN (SELECT candidate_id FROM note)
      AND v.candidate_id IN (SELECT candidate_id FROM handover)
    GROUP BY v.candidate_id ORDER BY count(*) DESC, v.candidate_id LIMIT 1
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Vault, str]]:
    """A demo caseload in a real vault, and its candidate with the most visits."""
    v, _ = Vault.create(
        tmp_path_factory.mktemp("demo") / "demo.sptvault",
        "demo passphrase",
        owner_name="Karin de Wit",
        owner_roles=(Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH, Role.JOBCOACH),
        kdf=FAST_KDF,
    )
    fill_vault(v, 20, 2026, TODAY, n_visits=40)
    with v.engine.connect() as c:
        busiest = c.scalar(sa.text(BUSIEST))
    yield v, busiest
    v.lock()


def drawn_lines(pdf: bytes) -> list[str]:
    """Every line of text as drawn (a cell's wrapped lines each on their own)."""
    lines: list[str] = []
    for page in reader(pdf).pages:
        page.extract_text(visitor_text=lambda s, *_: lines.append(s.strip()) if s.strip() else None)
    return lines


_WORD = re.compile(r"[A-Za-zÀ-ɏ]+(?:-[A-Za-zÀ-ɏ]+)*")


def words_of(value: Any) -> set[str]:
    """The Latin words of ten letters or more in every text of ``value`` (a dataclass,
    a pydantic model, or tuples and lists of them)."""
    if isinstance(value, Enum):  # a code: what prints is its Dutch label
        return words_of(getattr(value, "label", ""))
    if isinstance(value, str):
        return {w for w in _WORD.findall(value) if len(w) >= 10}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [getattr(value, f.name) for f in dataclasses.fields(value)]
    elif isinstance(value, p.BaseModel):
        fields = list(value.__dict__.values())
    elif isinstance(value, tuple | list):
        fields = list(value)
    else:
        return set()
    return set().union(*(words_of(f) for f in fields)) if fields else set()


def broken_words(pdf: bytes, words: set[str]) -> list[str]:
    """The words of which a part is on no line whole: cut inside (a word may break only
    after its hyphens)."""
    lines = drawn_lines(pdf)
    return sorted(
        w for w in words if not all(any(part in line for line in lines) for part in _parts(w))
    )


def _parts(word: str) -> list[str]:
    return re.split(r"(?<=-)", word)


def _first(items: tuple[Any, ...], **changes: Any) -> tuple[Any, ...]:
    return (dataclasses.replace(items[0], **changes), *items[1:]) if items else items


def long_words_dossier(data: DossierData) -> DossierData:
    """``data`` with long Dutch words in every table's columns."""
    assert data.matches and data.visits and data.placements and data.plan
    assert data.journey and data.activities and data.notes and data.consents
    placement = data.placements[0]
    goal = data.plan.goals[0]
    return dataclasses.replace(
        data,
        consents=_first(data.consents, recorded_by=COACH),
        plan=dataclasses.replace(
            data.plan,
            goals=(
                dataclasses.replace(
                    goal,
                    actions=_first(
                        goal.actions,
                        description="Beroepskeuzetestresultaten bespreken",
                        owner="praktijkbegeleider",
                    ),
                ),
                *data.plan.goals[1:],
            ),
        ),
        journey=_first(data.journey, coach=COACH, reason="Loopbaanoriëntatiegesprek afgerond."),
        activities=_first(
            data.activities,
            location="Praktijkopleidingscentrum Zaandam",
            notes="Bedrijfsrondleiding bij een netbeheerder.",
        ),
        trainings=(
            TrainingLine(
                "Opleidingsbedrijf Metaalbewerking",
                "Elektrotechnisch installatiemonteur",
                True,
                next(iter(FundingKind)),
                None,
                date(2026, 1, 5),
                date(2026, 12, 18),
                next(iter(TrainingStatus)),
                "Vakbekwaamheidsbewijs",
                True,
            ),
        ),
        notes=_first(data.notes, author=COACH, text="Arbeidsongeschiktheidsverzekering besproken."),
        matches=_first(
            data.matches,
            employer=EMPLOYER,
            vacancy=VACANCY,
            notes="Arbeidsvoorwaarden doorgenomen.",
        ),
        placements=(
            dataclasses.replace(
                placement,
                job_title="Servicemonteur-warmtepompen",
                checkpoints=_first(placement.checkpoints, note="Werkplekaanpassingen geregeld."),
            ),
            *data.placements[1:],
        ),
        visits=_first(
            data.visits,
            coach=COACH,
            site="Bedrijventerrein Westerspoor-Noord",
            topics="Arbeidsomstandigheden",
        ),
        handovers=_first(data.handovers, summary="Overdrachtsdocumentatie bijgewerkt."),
        dropouts=(
            DropoutLine(
                date(2026, 2, 1),
                Phase.DEEP_ORIENTATION,
                next(iter(DropoutReason)),
                "Gezondheidsomstandigheden",
            ),
        ),
    )


def stuurgroep() -> StuurgroepData:
    """A quarter with long group names in every figure table."""
    rows = [
        p.IntakeRow(group="Werkgeversdienstverlening", count=12, placed=5),
        p.IntakeRow(group="Maatschappelijke dienstverlening", count="<5", placed=0),
    ]
    intake = p.IntakeReport(
        spt="noord_holland",
        start=date(2026, 7, 1),
        end=date(2026, 9, 30),
        total=17,
        by_referrer=rows,
        by_persona=[p.IntakeRow(group="Herintreders-zonder-uitkering", count=17)],
        by_campaign=[p.IntakeRow(group="Voorlichtingsbijeenkomsten", count=6, placed="<5")],
    )
    tables = (
        Table(
            "flows",
            "Stromen",
            ("Van", "Naar", "Aantal"),
            (("Verdiepende oriëntatie", "Begeleidingstraject", 9),),
        ),
        Table(
            "dropouts",
            "Uitval",
            ("Fase", "Oorzaak", "Aantal"),
            (("Matching", "Gezondheidsomstandigheden", "<5"),),
        ),
        Table("time_in_phase", "Duur", ("Fase", "Gemiddeld"), (("Kennismakingsfase", 31.5),)),
        Table("retention", "Behoud", ("Behoudmoment", "Aantal"), (("Na twaalf maanden", 7),)),
    )
    monitor = Report(Period(date(2026, 7, 1), date(2026, 9, 30)), None, tables)
    quarter = Quarter("2026 K3", date(2026, 7, 1), date(2026, 9, 30), intake, monitor)
    from tests.print.print_samples import LETTERHEAD

    return StuurgroepData(LETTERHEAD, date(2026, 7, 1), date(2026, 9, 30), (quarter,), ())


def documents(vault: Vault, cid: str) -> dict[str, tuple[bytes, set[str]]]:
    """Every document, as PDF and the long words it should print whole."""
    dossier = long_words_dossier(dossier_data(vault, cid, TODAY))
    plan = plan_data(vault, cid, today=TODAY)
    with vault.engine.connect() as c:
        visit = c.scalar(
            sa.text("SELECT id FROM visit WHERE candidate_id = :c ORDER BY visited_at DESC"),
            {"c": cid},
        )
        everyone = list(c.scalars(sa.text("SELECT id FROM candidate ORDER BY rowid")))
    report = dataclasses.replace(
        visit_report_data(vault, visit, TODAY), site="Bedrijfsverzamelgebouw Poelenburg"
    )
    krant = aanbodkrant_data(vault, everyone, TODAY)
    assert krant.profiles
    krant = dataclasses.replace(
        krant,
        profiles=_first(
            krant.profiles,
            skills="Installatietekeningen lezen, storingsanalyse",
            ambitions="Servicemonteur-klimaattechniek",
        ),
    )
    letter = ReferralLetterData(
        letterhead=dossier.letterhead,
        moment=LetterMoment.PLACEMENT,
        recipient_organisation="Werkgeversservicepunt Zaanstreek",
        recipient_person="Fatima El Idrissi",
        candidate_name="Joëlle Verhoeven",
        referred_on=date(2026, 9, 14),
        facts=(("Werkgever", EMPLOYER), ("Functie", "Onderhoudsmonteur-werktuigbouwkunde")),
        coach_name=COACH,
    )
    sg = stuurgroep()
    return {
        "dossier": (dossier_pdf(dossier), words_of(dossier)),
        "plan": (plan_pdf(plan), words_of(plan)),
        "bezoekverslag": (visit_report_pdf(report), words_of(report)),
        "aanbodkrant": (aanbodkrant_pdf(krant), words_of(krant)),
        "brief": (referral_letter_pdf(letter), words_of(letter)),
        "stuurgroep": (
            stuurgroep_pdf(sg),
            words_of([*sg.quarters[0].intake.by_referrer, *sg.quarters[0].intake.by_persona])
            | words_of(sg.quarters[0].intake.by_campaign)
            | words_of([list(r) for t in sg.quarters[0].monitor.tables for r in t.rows]),
        ),
    }


def test_no_table_cuts_a_word_that_fits_its_column(demo: tuple[Vault, str]) -> None:
    vault, cid = demo
    docs = documents(vault, cid)
    dossier_words = docs["dossier"][1]
    assert {"Leerling-installatiemonteur", "Praktijkopleidingscentrum"} <= dossier_words
    for name, (pdf, words) in docs.items():
        assert words, name
        assert broken_words(pdf, words) == [], (name, drawn_lines(pdf))


def test_a_hyphenated_word_breaks_after_its_hyphen_when_it_must(demo: tuple[Vault, str]) -> None:
    """The vacancy column of the matches table is narrow: the word goes over two lines at
    its hyphen, each part whole."""
    vault, cid = demo
    pdf = dossier_pdf(long_words_dossier(dossier_data(vault, cid, TODAY)))
    lines = drawn_lines(pdf)
    assert VACANCY in lines or ("Leerling-" in lines and "installatiemonteur" in lines)


def test_the_check_finds_a_cut_word() -> None:
    """The reader of this test sees a word cut in a column narrower than the word."""
    from spt_desktop.print.layout import data_table, render
    from tests.print.print_samples import LETTERHEAD

    pdf = render(
        [data_table(("A", "B"), [("Arbeidsongeschiktheidsverzekeringen", "x")], (0.5, 0.5))],
        LETTERHEAD,
        "Proef",
    )
    assert broken_words(pdf, {"Arbeidsongeschiktheidsverzekeringen"}) == []
    # A column that cannot hold it even at the whole width: cut, and found cut.
    word = "Arbeidsongeschiktheidsverzekeringen" * 4
    pdf = render([data_table(("A",), [(word,)], (1.0,))], LETTERHEAD, "Proef")
    assert broken_words(pdf, {word}) == [word]


def test_a_short_column_gets_the_room_of_its_longest_word() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from spt_desktop.print.fonts import REGULAR
    from spt_desktop.print.layout import CELL_PAD, CELL_SIZE, CONTENT_W, fitted_widths

    widths = fitted_widths(
        ("Datum", "Vacature", "Toelichting"),
        [("01-01-2026", "Praktijkopleidingscentrum", "kort")],
        (0.2, 0.1, 0.7),
    )
    assert abs(sum(widths) - 1) < 1e-9
    need = stringWidth("Praktijkopleidingscentrum", REGULAR, CELL_SIZE) + 2 * CELL_PAD
    assert widths[1] * CONTENT_W >= need
    assert widths[2] == max(widths)  # the room came from the columns that had it
    # Columns whose words fit keep the widths they were given.
    assert fitted_widths(("A", "B"), [("kort", "ook kort")], (0.3, 0.7)) == [0.3, 0.7]


ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-")
ENGLISH = re.compile(r"\b(None|True|False|null|Unknown)\b")


def test_no_code_id_or_iso_date_on_paper(demo: tuple[Vault, str]) -> None:
    """What a coach reads is Dutch: no enum code ("deep_orientation"), no id, no ISO date,
    no Python value, in any document printed from the demo caseload."""
    from spt_common import enums

    codes = {
        str(member.value)
        for kind in vars(enums).values()
        if isinstance(kind, type) and issubclass(kind, Enum)
        for member in kind
        if "_" in str(member.value)
    }
    vault, cid = demo
    for name, (pdf, _) in documents(vault, cid).items():
        lines = drawn_lines(pdf)
        found = [line for line in lines if ISO_DATE.search(line) or UUID.search(line)]
        found += [line for line in lines if ENGLISH.search(line)]
        found += [line for line in lines for word in re.findall(r"[\w]+", line) if word in codes]
        assert found == [], name
