"""The Rapportage stuurgroep as a reader sees it, from the monitor's own figures: no group
column that says "Totaal" in every row, the twelve figures of duurzame plaatsing a row
each (squeezed side by side their headers broke inside words: "Gemet en 3 mnd"), and the
chart in the embedded font."""

from __future__ import annotations

from datetime import date, timedelta

from spt_common import protocol as p
from spt_common.enums import CheckpointOutcome, Persona, Phase, ReferralSource, Spt
from spt_common.monitor_figures import (
    CandidateFact,
    Facts,
    MoveFact,
    Period,
    PlacementFact,
    compute,
)
from spt_desktop.print.stuurgroep import Quarter, StuurgroepData, stuurgroep_pdf
from tests.print.pdf_text import fonts
from tests.print.print_samples import LETTERHEAD
from tests.print.test_table_words import broken_words, drawn_lines

START, END = date(2026, 1, 1), date(2026, 3, 31)


def facts(n: int = 12) -> Facts:
    """``n`` candidates registered in January, most of them placed, all retained."""
    day = date(2026, 1, 5)
    ids = [f"c{i}" for i in range(n)]
    candidates = [
        CandidateFact(cid, Persona.NO_WORK_BENEFIT_TECHNICAL, Spt.NOORD_HOLLAND,
                      "Zaanstreek-Waterland", ReferralSource.UWV, "Karin de Wit", day)
        for cid in ids
    ]  # fmt: skip
    moves = [MoveFact(cid, None, Phase.ORIENTATION, day) for cid in ids]
    moves += [
        MoveFact(cid, Phase.ORIENTATION, Phase.RETENTION, day + timedelta(days=20))
        for cid in ids[:-2]
    ]
    placements = [
        PlacementFact(cid, day + timedelta(days=20), ((3, CheckpointOutcome.RETAINED),))
        for cid in ids[:-2]
    ]
    return Facts(candidates, moves, [], placements)


def report() -> StuurgroepData:
    monitor = compute(facts(), Period(START, END)).suppressed()
    intake = p.IntakeReport(
        spt="noord_holland", start=START, end=END, total=12,
        by_referrer=[p.IntakeRow(group="UWV", count=12, placed=10)], by_persona=[],
    )  # fmt: skip
    return StuurgroepData(
        LETTERHEAD, START, END, (Quarter("2026 K1", START, END, intake, monitor),), ()
    )


def test_no_column_says_totaal_in_every_row() -> None:
    data = report()
    tables = data.quarters[0].monitor.tables
    assert any(t.columns[0] == "Groep" for t in tables)  # the monitor's own tables have it
    lines = drawn_lines(stuurgroep_pdf(data))
    assert "Groep" not in lines
    # At most the uitval table's own column "Totaal" (the sum of its phases) is left.
    assert lines.count("Totaal") <= 1


def test_the_figures_of_duurzame_plaatsing_keep_their_headers_whole() -> None:
    data = report()
    retention = data.quarters[0].monitor.table("retention")
    assert len(retention.columns) > 10
    pdf = stuurgroep_pdf(data)
    lines = drawn_lines(pdf)
    for title in retention.columns[1:]:
        assert title in lines, title  # a row of its own, the header whole on one line
    words = {w for title in retention.columns[1:] for w in title.split()}
    assert broken_words(pdf, words) == []


def test_the_chart_is_drawn_in_the_embedded_font() -> None:
    used = fonts(stuurgroep_pdf(report()))
    assert not [name for name in used if "Helvetica" in name], used


def test_an_empty_figure_says_what_did_not_happen() -> None:
    """Under Uitval, "Geen gegevens vastgelegd" read as if something was missing."""
    data = report()
    assert not data.quarters[0].monitor.table("dropouts").rows  # nobody dropped out
    lines = drawn_lines(stuurgroep_pdf(data))
    assert "Geen uitval in dit kwartaal." in lines
    assert "Geen gegevens vastgelegd." not in lines
