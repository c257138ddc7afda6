"""What a coach saw reading the printed documents page by page (Dec 2026): each thing said
once, a visit's row whole on one page, refusals and empty sections in sentences."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from spt_common.enums import CheckpointOutcome, MatchParty, MatchStatus, VisitMode
from spt_desktop.print import dossier_pdf, visit_report_pdf
from spt_desktop.print.data import (
    CheckpointLine,
    DossierData,
    MatchLine,
    NoteLine,
    VisitRecord,
    VisitReportData,
)
from tests.print import print_samples as samples
from tests.print.pdf_text import pages_text, text
from tests.print.test_table_words import drawn_lines

EMPLOYER = "Zon & Dak Installaties B.V."


def visits_section(pdf: bytes) -> str:
    t = text(pdf)
    return t[t.index("Bezoeken van de jobcoach") : t.index("Warme overdrachten")]


def with_visits(visits: tuple[VisitRecord, ...]) -> DossierData:
    return dataclasses.replace(samples.dossier(), visits=visits)


def test_visits_at_one_employer_name_it_once_and_sites_say_only_the_rest() -> None:
    """The column "Waar en wie" said "Blokker Laadinfra / Blokker Laadinfra, Uitgeest" in
    every row, and "Telefonisch" under the form "Telefonisch"."""
    visits = tuple(
        dataclasses.replace(
            v, site="Telefonisch" if v.mode is VisitMode.PHONE else f"{EMPLOYER}, Uitgeest"
        )
        for v in samples.visits(6)
    )
    phone = sum(v.mode is VisitMode.PHONE for v in visits)
    assert 0 < phone < len(visits)
    section = visits_section(dossier_pdf(with_visits(visits)))
    assert section.count(EMPLOYER) == 1
    assert f"6 bezoeken bij {EMPLOYER}, waarvan 1 met risico op uitval" in section
    assert section.count("Uitgeest") == len(visits) - phone
    assert section.count("Telefonisch") == phone  # the form, not the site again


def test_visits_at_several_employers_name_each_in_its_row() -> None:
    visits = tuple(
        dataclasses.replace(v, employer=("Elektro Kooiman", EMPLOYER)[i % 2], site="")
        for i, v in enumerate(samples.visits(4))
    )
    section = visits_section(dossier_pdf(with_visits(visits)))
    assert "4 bezoeken, waarvan" in section
    assert section.count(EMPLOYER) == 2 and section.count("Elektro Kooiman") == 2


def report(mode: VisitMode, site: str) -> VisitReportData:
    visit = dataclasses.replace(samples.visits(1)[0], mode=mode, site=site)
    return VisitReportData.for_employer(
        visit,
        letterhead=samples.LETTERHEAD,
        employer=EMPLOYER,
        candidate_name=samples.NAME,
        share_with_employer=True,
    )


def test_the_bezoekverslag_says_the_employer_and_the_form_once() -> None:
    on_site = text(visit_report_pdf(report(VisitMode.ON_SITE, f"{EMPLOYER}, Purmerend")))
    assert "Locatie Purmerend" in on_site
    assert on_site.count(EMPLOYER) == 2  # under the title and as the employer
    by_phone = text(visit_report_pdf(report(VisitMode.PHONE, "Telefonisch")))
    assert "Vorm Telefonisch" in by_phone and "Locatie" not in by_phone


def test_a_visit_row_is_never_cut_over_two_pages() -> None:
    """A row that fits on a page goes whole to the next page; ReportLab cut it at the
    foot of a page, under a repeated header row."""
    visits = tuple(
        dataclasses.replace(
            v,
            topics=f"Begin{i:02d} werken op hoogte, planning BBL-lesdag.",
            notes=f"Veilig werken besproken met de praktijkopleider. Einde{i:02d}",
        )
        for i, v in enumerate(samples.visits(14))
    )
    for n in range(0, 30, 2):  # moves the table down the page, a few lines at a time
        notes = tuple(
            NoteLine(datetime(2026, 11, 1, 10), "Karin de Wit", "Kort gesprek.") for _ in range(n)
        )
        data = dataclasses.replace(with_visits(visits), notes=notes)
        pages = pages_text(dossier_pdf(data))
        for i in range(len(visits)):
            begin = next(k for k, page in enumerate(pages) if f"Begin{i:02d}" in page)
            end = next(k for k, page in enumerate(pages) if f"Einde{i:02d}" in page)
            assert begin == end, f"{n} notes: visit {i} over pages {begin + 1}–{end + 1}"


def test_a_long_row_is_still_cut_when_it_cannot_fit_on_a_page() -> None:
    long_note = " ".join(["Lang verslag van het gesprek met de werkgever."] * 160)
    data = dataclasses.replace(
        samples.dossier(),
        notes=(NoteLine(datetime(2026, 11, 1, 10), "Karin de Wit", long_note + " Slotwoord"),),
    )
    pages = pages_text(dossier_pdf(data))  # no LayoutError
    assert any("Slotwoord" in page for page in pages)


def test_a_refusal_reads_as_a_sentence() -> None:
    """The match table said "Afgewezen door: Kandidaat: reistijd": two labels in a row."""
    matches = tuple(
        MatchLine(
            date(2026, 4, 1), "Elektro Kooiman", None, MatchStatus.DECLINED, 2, "Mehmet",
            declined_by=party, declined_reason="Reistijd te lang",
        )
        for party in MatchParty
    )  # fmt: skip
    t = text(dossier_pdf(dataclasses.replace(samples.dossier(), matches=matches)))
    for who in ("de kandidaat", "de werkgever", "het SPT"):
        assert f"Afgewezen door {who}: Reistijd te lang" in t
    assert "Afgewezen door:" not in t


def test_a_checkpoint_note_that_says_the_outcome_is_not_preceded_by_it() -> None:
    base = samples.dossier()
    placement = base.placements[0]
    points = (
        CheckpointLine(1, date(2026, 6, 4), date(2026, 6, 5), CheckpointOutcome.RETAINED,
                       f"{CheckpointOutcome.RETAINED.label}, wil de BBL-opleiding afmaken."),
        CheckpointLine(3, date(2026, 8, 4), date(2026, 8, 4), CheckpointOutcome.RETAINED,
                       "Loopt goed."),
    )  # fmt: skip
    data = dataclasses.replace(
        base, placements=(dataclasses.replace(placement, checkpoints=points),)
    )
    lines = drawn_lines(dossier_pdf(data))
    label = CheckpointOutcome.RETAINED.label
    assert lines.count(label) == 1  # only above "Loopt goed."
    assert any(line.startswith(f"{label}, wil de") for line in lines)


def test_an_aanvulling_says_aanvulling_once() -> None:
    visit = dataclasses.replace(
        samples.visits(1)[0],
        amendments=(
            NoteLine(
                datetime(2026, 5, 5, 9), "Peter Smit", "Aanvulling: de BHV-cursus is gepland."
            ),
        ),
    )
    t = text(dossier_pdf(with_visits((visit,))))
    assert "(Peter Smit): de BHV-cursus is gepland." in t
    assert t.count("Aanvulling") == 1


def test_no_coach_yet_is_said_in_a_sentence() -> None:
    """The Begeleiding section showed a row "Coaches –"."""
    t = text(dossier_pdf(dataclasses.replace(samples.dossier(), coaches=())))
    assert "Begeleiding Er is nog geen coach toegewezen." in t
    assert "Coaches" not in t


def test_a_date_is_never_cut_over_two_lines() -> None:
    """The dossier's subtitle left "2024" alone under "ingeschreven op 6 oktober"."""
    from spt_desktop.print.layout import CONTENT_W, long_date, para

    words = "Fase: Begeleiding en behoud · Status: Duurzaam geplaatst · ingeschreven op"
    subtitle = para(f"{words} {long_date(date(2024, 10, 6))}", "subtitle")
    subtitle.wrap(CONTENT_W, 1000)
    lines = [" ".join(line[1]) for line in subtitle.blPara.lines]
    assert len(lines) == 2 and lines[1].split() == ["6", "oktober", "2024"], lines


def last_lines(pdf: bytes) -> list[str]:
    """The last line of the body of each page (above the footer)."""
    from spt_desktop.print.layout import MARGIN_BOTTOM
    from tests.print.pdf_text import reader

    out = []
    for page in reader(pdf).pages:
        pieces: list[tuple[float, str]] = []

        def visit(shown: str, cm: Any, tm: Any, *_: Any) -> None:
            if shown.strip():
                pieces.append((tm[5] + cm[5], shown.strip()))  # noqa: B023

        page.extract_text(visitor_text=visit)
        body = [(y, s) for y, s in pieces if y > MARGIN_BOTTOM]
        out.append(min(body)[1] if body else "")
    return out


def test_a_subheading_is_never_alone_at_the_foot_of_a_page() -> None:
    """The subheading "Begeleiding" could end page 1 with its coaches on page 2."""
    base = samples.dossier()
    for n in range(0, 30, 2):  # a longer motivation moves the subheadings down page 1
        motivation = " ".join(["Wil werk met zichtbaar resultaat in de energietransitie."] * n)
        data = dataclasses.replace(
            base, candidate=dataclasses.replace(base.candidate, motivation=motivation)
        )
        ends = last_lines(dossier_pdf(data))
        assert not {"Profiel", "Begeleiding"} & set(ends), f"{n}: {ends}"
