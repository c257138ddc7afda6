"""The four documents, printed from hand-made data and read back with pypdf."""

from __future__ import annotations

import ast
import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest

from spt_common.enums import PlanStatus
from spt_desktop.print import aanbodkrant_pdf, dossier_pdf, plan_pdf, visit_report_pdf
from spt_desktop.print.data import (
    REDACTED,
    AanbodkrantProfile,
    VisitReportData,
    age_band,
    scrub,
)
from spt_desktop.print.fonts import fonts_dir
from tests.print import print_samples as samples
from tests.print.pdf_text import fonts, pages_text, reader, text

PRINT_DIR = Path(__file__).resolve().parents[2] / "spt_desktop" / "print"


def assert_frame(pdf: bytes, title: str) -> None:
    """The common frame on every page: SPT, region, title, confidentiality, date, x van y."""
    pages = pages_text(pdf)
    for number, page in enumerate(pages, start=1):
        flat = " ".join(page.split())
        assert "SPT Noord-Holland" in flat
        assert "Zaanstreek-Waterland" in flat
        assert title in flat
        assert "Vertrouwelijk" in flat
        assert "Afgedrukt op 29 november 2026" in flat
        assert f"pagina {number} van {len(pages)}" in flat


def assert_font_embedded(pdf: bytes) -> None:
    found = fonts(pdf)
    assert found, "no fonts in the document"
    for name, descriptor in found.items():
        assert "DejaVuSans" in name, f"unexpected font {name}"
        assert descriptor is not None and "/FontFile2" in descriptor, f"{name} not embedded"


# --- dossier -----------------------------------------------------------------------


def test_dossier_has_every_section_and_its_values() -> None:
    pdf = dossier_pdf(samples.dossier())
    assert pdf.startswith(b"%PDF")
    t = text(pdf)
    for section in (
        "Dossiersamenvatting",
        "Persoonsgegevens en profiel",
        "Toestemming (AVG)",
        "Intake",
        "Plan van aanpak",
        "Kandidaatreis",
        "Oriëntatie- en matchingsactiviteiten",
        "Scholing",
        "Matches",
        "Plaatsing en behoud",
        "Bezoeken van de jobcoach",
        "Warme overdrachten",
        "Uitval",
    ):
        assert section in t, section
    for value in (
        "Joëlle Verhoeven",
        samples.EMAIL,
        samples.PHONE,
        "14 maart 1988",
        "Met werk buiten de techniek",  # persona label
        "€ 2.850 bruto per maand",
        "Ingetrokken op 01-06-2026",  # withdrawn aanbodkrant consent
        "Doel 2: Een BBL-plek als monteur zonnepanelen",
        "Scholingsvoucher aanvragen",
        "Vervallen",
        "Twijfel na Techcourt; terug naar brede oriëntatie",  # a move back, with its reason
        "Wij Techniek",
        "Na 12 maanden",
        "Nog in dienst",
        "Mehmet Yılmaz",
        "Let op: risico op uitval.",
        "Persoonlijke omstandigheden",
    ):
        assert value in t, value
    assert_frame(pdf, "Dossiersamenvatting")
    assert_font_embedded(pdf)


def test_long_dossier_numbers_every_page() -> None:
    pdf = dossier_pdf(samples.dossier(n_visits=100))
    pages = pages_text(pdf)
    assert len(pages) > 5
    assert_frame(pdf, "Dossiersamenvatting")
    t = text(pdf)
    assert "100 bezoeken bij Zon & Dak Installaties B.V., waarvan 1 met risico op uitval" in t
    assert "Voortgang week 100" in t


def test_empty_dossier_says_so_instead_of_blank_sections() -> None:
    data = dataclasses.replace(
        samples.dossier(),
        consents=(), intake=None, plan=None, journey=(), activities=(), trainings=(),
        matches=(), placements=(), visits=(), handovers=(), dropouts=(),
    )  # fmt: skip
    t = text(dossier_pdf(data))
    assert "Er is geen toestemming vastgelegd" in t
    assert "Er is nog geen plan van aanpak opgesteld" in t
    assert "Nog niet geplaatst" in t
    assert "Uitval" not in t


def test_pdf_metadata_names_no_one() -> None:
    meta = reader(dossier_pdf(samples.dossier())).metadata
    assert meta is not None
    assert "Verhoeven" not in " ".join(str(v) for v in meta.values())


# --- plan van aanpak ----------------------------------------------------------------


def test_plan_has_goals_actions_and_signature_lines() -> None:
    pdf = plan_pdf(samples.plan())
    t = text(pdf)
    for value in (
        "Plan van aanpak",
        "Joëlle Verhoeven",
        "Karin de Wit",
        "Loopbaancoach",
        "Doel 1: Een realistisch beeld van werk in de elektrotechniek",
        "Meelopen bij installateur (één dag)",
        "15-04-2026",
        "Afgesproken op 3 maart 2026",
        "Ondertekening",
    ):
        assert value in t, value
    assert t.count("Handtekening") == 2
    assert t.count("Datum:") == 2
    assert "concept" not in t.lower()
    assert_frame(pdf, "Plan van aanpak")
    assert_font_embedded(pdf)


def test_draft_plan_is_marked_as_concept() -> None:
    data = samples.plan()
    draft = dataclasses.replace(
        data, plan=dataclasses.replace(data.plan, status=PlanStatus.DRAFT, agreed_on=None)
    )
    assert "Dit is een concept" in text(plan_pdf(draft))


# --- bezoekverslag -------------------------------------------------------------------

INTERNAL = ("Vertelde over zorgen thuis", "Welzijn", "risico op uitval")


def test_visit_report_with_consent_shows_agreements_and_follow_up() -> None:
    pdf = visit_report_pdf(samples.visit_report(shared=True))
    t = text(pdf)
    for value in (
        "Bezoekverslag",
        "Zon & Dak Installaties B.V.",
        "Joëlle Verhoeven",
        "4 mei 2026, 09:30 uur",
        "Voortgang week 1",
        "Volgende week zelfstandig omvormer aansluiten onder toezicht.",
        "praktijkopleider Ruud",
        "18 mei 2026",
        "Peter Smit",
    ):
        assert value in t, value
    for internal in INTERNAL:
        assert internal not in t, internal
    assert_frame(pdf, "Bezoekverslag")
    assert_font_embedded(pdf)


def test_visit_report_without_consent_drops_the_content() -> None:
    data = samples.visit_report(shared=False)
    assert (data.topics, data.agreements, data.attendees, data.progress_score) == ("", "", "", None)
    t = text(visit_report_pdf(data))
    assert "geen toestemming gegeven" in t
    assert "18 mei 2026" in t  # the next appointment is not content
    for content in ("Voortgang week 1", "omvormer", "praktijkopleider Ruud", *INTERNAL):
        assert content not in t, content


def test_visit_report_type_has_no_place_for_internal_fields() -> None:
    names = {f.name for f in dataclasses.fields(VisitReportData)}
    assert not names & {"notes", "wellbeing_score", "dropout_risk", "birth_date", "email"}


# --- aanbodkrant ---------------------------------------------------------------------


def test_aanbodkrant_is_anonymous() -> None:
    data = samples.aanbodkrant(3)
    pdf = aanbodkrant_pdf(data)
    t = text(pdf)
    for forbidden in (
        "Joëlle", "Verhoeven", "Mohamed", "Amrani", "Anouk", "Bakker",
        samples.EMAIL, "06-12345678", "Kerkstraat", "1441 AB", "Purmerend",
        "14-03-1988", "14 maart 1988", "1988", "1999", "1969",
    ):  # fmt: skip
        assert forbidden not in t, forbidden
    for value in (
        "Aanbodkrant november 2026",
        "3 kandidaten",
        "35–44 jaar",
        "25–34 jaar",
        "55 jaar en ouder",
        "C2 / moedertaal",
        "Ervaring als lasser in Marokko (MIG/MAG)",
        "Techniektuin, Techcourt",
        "VCA Basis",
        "Mehmet Yılmaz",  # the SPT's contact person, not a candidate
        *(p.reference for p in data.profiles),
    ):
        assert value in t, value
    assert_frame(pdf, "Aanbodkrant")
    assert_font_embedded(pdf)


def test_aanbodkrant_profile_type_has_no_place_for_identity() -> None:
    names = {f.name for f in dataclasses.fields(AanbodkrantProfile)}
    assert not names & {
        "first_name", "last_name", "full_name", "email", "phone", "address",
        "municipality", "birth_date", "candidate_id",
    }  # fmt: skip


def test_empty_aanbodkrant_says_so() -> None:
    data = dataclasses.replace(samples.aanbodkrant(0), profiles=())
    assert "geen kandidaten voor de aanbodkrant" in text(aanbodkrant_pdf(data))


@pytest.mark.parametrize(
    ("raw", "gone"),
    [
        ("mail naar j.de-vries+spt@example.co.uk graag", "example"),
        ("bel 06-12345678", "12345678"),
        ("bel 06 1234 5678", "5678"),
        ("bel +31 6 12345678", "12345678"),
        ("bel 020-1234567", "1234567"),
        ("postcode 1441AB", "1441"),
        ("woont Dorpsstraat 12a in", "Dorpsstraat"),
        ("adres: Lindenlaan 3-5", "Lindenlaan"),
        ("Joëlle is handig", "Joëlle"),
        ("JOËLLE is handig", "JOËLLE"),
    ],
)
def test_scrub_removes_what_identifies(raw: str, gone: str) -> None:
    out = scrub(raw, ("Joëlle", "Verhoeven"))
    assert gone not in out
    assert REDACTED in out


def test_scrub_keeps_ordinary_text() -> None:
    keep = "32 uur per week, VCA Basis sinds 2024, 3 jaar ervaring; Joëllestraat is geen naam"
    assert (
        scrub("32 uur per week, VCA Basis sinds 2024, 3 jaar ervaring", ("Joëlle",))
        == (keep.split(";")[0])
    )


@pytest.mark.parametrize(
    ("born", "band"),
    [
        (date(2002, 11, 30), "jonger dan 25 jaar"),  # 24, birthday tomorrow
        (date(2001, 11, 29), "25–34 jaar"),  # 25 today
        (date(1982, 1, 1), "44" and "35–44 jaar"),
        (date(1971, 11, 29), "55 jaar en ouder"),
        (None, None),
    ],
)
def test_age_band(born: date | None, band: str | None) -> None:
    assert age_band(born, date(2026, 11, 29)) == band


# --- the layer rule and the font files ------------------------------------------------

FORBIDDEN = ("sqlalchemy", "PySide6", "spt_desktop.services", "spt_desktop.ui", "spt_desktop.sync")


def test_print_imports_no_orm_qt_or_services() -> None:
    for path in PRINT_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            for module in modules:
                assert not module.startswith(FORBIDDEN), f"{path.name} imports {module}"
                if module.startswith("spt_desktop.models"):
                    assert module == "spt_common.enums", f"{path.name} imports {module}"


def test_fonts_and_licence_are_shipped() -> None:
    folder = fonts_dir()
    assert (folder / "DejaVuSans.ttf").is_file()
    assert (folder / "DejaVuSans-Bold.ttf").is_file()
    assert "Bitstream" in (folder / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")


def test_fonts_dir_follows_a_pyinstaller_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys._MEIPASS", "/opt/spt", raising=False)
    assert fonts_dir() == Path("/opt/spt/resources/fonts")


def test_diacritics_survive() -> None:
    t = text(dossier_pdf(samples.dossier()))
    assert re.search(r"Joëlle", t) and "één dag" in t and "Yılmaz" in t


def test_plain_columns_fall_back_to_wrapping_when_too_wide() -> None:
    from reportlab.platypus import Paragraph

    from spt_desktop.print.layout import data_table

    table = data_table(("Datum", "Tekst"), [("04-05-2026", "x" * 300)], (0.2, 0.8), plain=(0,))
    assert table._cellvalues[1][0] == "04-05-2026"
    table = data_table(("Datum", "Tekst"), [("een veel te lange waarde " * 3, "x")], (0.2, 0.8),
                       plain=(0,))  # fmt: skip
    assert isinstance(table._cellvalues[1][0], Paragraph)


LONG = "Een lange tekst van de coach, met veel woorden en details. " * 250


def test_texts_longer_than_a_page_flow_over_pages() -> None:
    data = samples.dossier()
    assert data.intake is not None
    data = dataclasses.replace(
        data,
        intake=dataclasses.replace(data.intake, background=LONG),
        visits=(dataclasses.replace(data.visits[0], notes=LONG),),
        candidate=dataclasses.replace(data.candidate, motivation=LONG),
    )
    assert_frame(dossier_pdf(data), "Dossiersamenvatting")

    plan = samples.plan()
    goal = dataclasses.replace(plan.plan.goals[0], description=LONG[:2000])
    plan = dataclasses.replace(
        plan, plan=dataclasses.replace(plan.plan, summary=LONG, goals=(goal,))
    )
    assert_frame(plan_pdf(plan), "Plan van aanpak")

    report = dataclasses.replace(samples.visit_report(shared=True), agreements=LONG)
    assert_frame(visit_report_pdf(report), "Bezoekverslag")

    krant = samples.aanbodkrant(1)
    profile = dataclasses.replace(krant.profiles[0], skills=LONG)
    assert_frame(aanbodkrant_pdf(dataclasses.replace(krant, profiles=(profile,))), "Aanbodkrant")


def test_data_table_works_in_a_fresh_process() -> None:
    """Plain cells are measured with the document font before any style exists."""
    code = (
        "from spt_desktop.print.layout import data_table\n"
        "data_table(('Datum',), [('04-05-2026',)], (1.0,), plain=(0,))\n"
    )
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", code], check=True, cwd=PRINT_DIR.parents[1])
