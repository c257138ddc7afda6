"""Rapportage stuurgroep: the SPT's pipeline per quarter, for its steering group (issue 15
§2). Aggregates only, as the server sends them: no name, e-mail or id, and every count
from 1 to 4 already shown as "<5" by the server.

Per quarter: instroom by referrer and by campaign (each with how many were placed) and by
persona, flows between phases (back moves too), uitval by phase and leak, time in phase,
duurzame plaatsing at 3/6/12 months; then the year's targets against what is realised, and
a page of charts.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from spt_common import protocol as p
from spt_common.monitor_figures import ALL, Cell, Report, Table
from spt_desktop.print.data import Letterhead
from spt_desktop.print.fonts import BOLD, REGULAR, register_fonts
from spt_desktop.print.layout import (
    ACCENT,
    CELL_PAD,
    CELL_SIZE,
    CONTENT_W,
    MUTED,
    SMALL_HEAD,
    data_table,
    heading,
    long_date,
    no_data,
    para,
    render,
    subheading,
)

TITLE = "Rapportage stuurgroep"
NOTE = "· alleen geaggregeerde cijfers"
SECTIONS = (
    ("flows", "Stromen tussen fasen (ook terug)"),
    ("dropouts", "Uitval per fase en lek"),
    ("time_in_phase", "Verblijfsduur per fase"),
    ("retention", "Duurzame plaatsing na 3, 6 en 12 maanden"),
)
# What an empty figure means, in words (not "Geen gegevens vastgelegd": nothing is
# missing, there was nothing to count).
EMPTY = {
    "flows": "Geen overgangen tussen fasen in dit kwartaal.",
    "dropouts": "Geen uitval in dit kwartaal.",
    "time_in_phase": "Geen afgeronde periodes in een fase in dit kwartaal.",
    "retention": "Geen plaatsingen of behoudmomenten in dit kwartaal.",
}


@dataclass(frozen=True)
class Quarter:
    """One quarter's figures: the instroom and the monitor's tables (suppressed)."""

    label: str  # "2026 K1"
    start: date
    end: date
    intake: p.IntakeReport
    monitor: Report


@dataclass(frozen=True)
class StuurgroepData:
    letterhead: Letterhead
    start: date
    end: date
    quarters: tuple[Quarter, ...]
    targets: tuple[p.TargetsReport, ...]


def text_of(cell: Cell | int | str | float | None) -> str:
    """A figure as printed: Dutch decimal comma, empty for none."""
    if cell is None:
        return ""
    if isinstance(cell, float):
        return f"{cell:.1f}".replace(".", ",")
    return str(cell)


def number(cell: Cell | int | str | float | None) -> float:
    """A figure as a bar: "<5" and empty draw nothing."""
    return float(cell) if isinstance(cell, int | float) else 0.0


def stuurgroep_pdf(data: StuurgroepData) -> bytes:
    """The report of ``data`` as PDF bytes."""
    return render(stuurgroep_story(data), data.letterhead, TITLE, NOTE)


def stuurgroep_story(data: StuurgroepData) -> list[Flowable]:
    story: list[Flowable] = [
        para(TITLE, "title"),
        para(
            f"{data.letterhead.spt.label} · {long_date(data.start)} tot en met "
            f"{long_date(data.end)}",
            "subtitle",
        ),
        para(
            "Cijfers over alle kandidaten van het SPT, per kwartaal. Er staan geen namen of "
            "andere persoonsgegevens in; aantallen van 1 tot 4 staan er als <5, en "
            "gemiddelden over zulke aantallen zijn weggelaten."
        ),
        Spacer(1, 6),
    ]
    if not data.quarters:
        story.append(no_data("Geen kwartaal in deze periode."))
    for q in data.quarters:
        story += _quarter(q)
    story += _targets(data.targets)
    story += [PageBreak(), *heading("Grafieken"), _chart(data.quarters)]
    return story


def _quarter(q: Quarter) -> list[Flowable]:
    out: list[Flowable] = [
        *heading(f"{q.label} ({long_date(q.start)} – {long_date(q.end)})"),
        subheading(f"Instroom: {text_of(q.intake.total)} kandidaten"),
    ]
    # Per referrer and per campaign also how many of them were placed by now: which
    # referrers and campaigns bring people who get to work (issue 16).
    for title, rows, placed in (
        ("Verwijzer", q.intake.by_referrer, True),
        ("Campagne", q.intake.by_campaign, True),
        ("Persona", q.intake.by_persona, False),
    ):
        if rows:
            head = [title, "Aantal", "Geplaatst"] if placed else [title, "Aantal"]
            out.append(
                data_table(
                    head,
                    [
                        [r.group, text_of(r.count), *([text_of(r.placed)] if placed else [])]
                        for r in rows
                    ],
                    [0.6, 0.2, 0.2] if placed else [0.8, 0.2],
                    plain=(1, 2) if placed else (1,),
                )
            )
            out.append(Spacer(1, 4))
    tables = {t.key: t for t in q.monitor.tables}
    for key, title in SECTIONS:
        table = tables.get(key)
        body = _table(table) if table is not None and table.rows else no_data(EMPTY[key])
        out += [CondPageBreak(35 * mm), subheading(title), body, Spacer(1, 4)]
    return out


def _is_text(table: Table, col: int) -> bool:
    return any(isinstance(row[col], str) and row[col] != "<5" for row in table.rows)


def _floors(table: Table) -> list[float]:
    """Each column's least width: its longest header word, and its longest word (a text
    column, which wraps between words) or its widest figure."""
    register_fonts()
    n = len(table.columns)
    text_cols = [i for i in range(n) if _is_text(table, i)]

    def need(i: int) -> float:
        """The longest word of the header, and of a text column's cells, or the widest figure."""
        cells = [text_of(r[i]) for r in table.rows]
        widths = [float(stringWidth(w, BOLD, SMALL_HEAD)) for w in table.columns[i].split()]
        if i in text_cols:  # a text cell wraps between words, never inside one
            widths += [float(stringWidth(w, REGULAR, CELL_SIZE)) for c in cells for w in c.split()]
        else:
            widths += [float(stringWidth(c, REGULAR, CELL_SIZE)) for c in cells]
        return max(widths, default=0.0) + 2 * CELL_PAD + 1

    return [need(i) for i in range(n)]


def column_widths(table: Table) -> list[float]:
    """Fractions of the text width: every column at least as wide as its longest header
    word and its widest figure (a header never breaks inside a word: "Matchi/ng"), the
    room left shared by the text columns (group, phase, leak) in proportion to their text."""
    n = len(table.columns)
    text_cols = [i for i in range(n) if _is_text(table, i)]
    floor = _floors(table)
    spare = CONTENT_W - sum(floor)
    if spare <= 0 or not text_cols:
        total = sum(floor)
        return [f / total for f in floor]
    # Text columns grow towards their longest cell; what is still left goes to them evenly.
    longest = {
        i: max(stringWidth(text_of(r[i]), REGULAR, CELL_SIZE) for r in table.rows) + 2 * CELL_PAD
        for i in text_cols
    }
    wish = {i: max(0.0, longest[i] - floor[i]) for i in text_cols}
    grow = min(1.0, spare / sum(wish.values())) if sum(wish.values()) else 0.0
    widths = [floor[i] + (wish[i] * grow if i in wish else 0.0) for i in range(n)]
    rest = (CONTENT_W - sum(widths)) / len(text_cols)
    return [(w + (rest if i in wish else 0.0)) / CONTENT_W for i, w in enumerate(widths)]


def without_all_group(table: Table) -> Table:
    """``table`` without its group column when that only says "Totaal" (the report is not
    split by a group: every row said "Totaal", as if each were a sum)."""
    if not table.rows or not all(row[0] == ALL for row in table.rows):
        return table
    return dataclasses.replace(
        table, columns=table.columns[1:], rows=tuple(row[1:] for row in table.rows)
    )


def too_wide(table: Table) -> bool:
    """Whether the columns' longest words do not fit beside each other on the page."""
    return bool(sum(_floors(table)) > CONTENT_W)


def transposed(table: Table) -> Table:
    """``table`` turned a quarter: a row per column, a column per row. Named by its text
    cells (a phase, a leak), or "Waarde" for the one row of a table without them."""
    text_cols = [i for i in range(len(table.columns)) if _is_text(table, i)]
    names = [" · ".join(text_of(r[i]) for i in text_cols) for r in table.rows]
    if len(names) == 1 and not names[0]:
        names = ["Waarde"]
    figures = [i for i in range(len(table.columns)) if i not in text_cols]
    rows = tuple((table.columns[i], *(r[i] for r in table.rows)) for i in figures)
    return Table(table.key, table.title, ("Cijfer", *names), rows)


def _table(table: Table) -> Flowable:
    """A monitor table: text columns (group, phase, leak) wide, figures narrow. A table
    with more figures than fit beside each other (duurzame plaatsing: twelve) is printed
    with a row per figure: squeezed, its headers broke inside words ("Gemet en 3 mnd")."""
    table = without_all_group(table)
    if too_wide(table):
        table = transposed(table)
    widths = column_widths(table)
    rows = [[text_of(c) for c in row] for row in table.rows]
    figures = [i for i in range(len(table.columns)) if not _is_text(table, i)]
    return data_table(
        list(table.columns), rows, widths, plain=figures, head_style="cell_head_small"
    )


def _targets(reports: tuple[p.TargetsReport, ...]) -> list[Flowable]:
    out: list[Flowable] = [*heading("Doelen en realisatie")]
    if not reports:
        return [*out, no_data("Geen doelen voor deze jaren.")]
    for r in reports:
        rows = []
        for key, label in (
            ("instroom", "Instroom"),
            ("placements", "Plaatsingen"),
            ("sustained", "Duurzame plaatsingen (12 maanden)"),
            ("dropout_rate", "Uitval (% van de instroom)"),
        ):
            goal, got = getattr(r.targets, key), getattr(r.realised, key)
            rows.append([label, "—" if goal is None else text_of(goal), text_of(got)])
        out += [
            subheading(str(r.year)),
            data_table(["Doel", "Streefwaarde", "Gerealiseerd"], rows, [0.5, 0.25, 0.25]),
            Spacer(1, 4),
        ]
    return out


def _chart(quarters: tuple[Quarter, ...]) -> Drawing:
    """Instroom and uitval per quarter, side by side (suppressed counts draw nothing)."""
    width, height = CONTENT_W, 220
    # Its initial font is set on the page even where nothing is drawn in it: ReportLab's
    # default, Helvetica, would be referenced by the PDF and never embedded.
    drawing = Drawing(width, height, initialFontName=REGULAR)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 40, width - 60, height - 80
    intake = [number(q.intake.total) for q in quarters] or [0.0]
    dropouts = [
        sum(number(row[-1]) for row in q.monitor.table("dropouts").rows)
        if any(t.key == "dropouts" for t in q.monitor.tables)
        else 0.0
        for q in quarters
    ] or [0.0]
    chart.data = [intake, dropouts]
    chart.categoryAxis.categoryNames = [q.label for q in quarters] or [""]
    chart.valueAxis.valueMin = 0
    # The embedded font, not ReportLab's default Helvetica (never embedded in the PDF).
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels):
        labels.fontName = REGULAR
    chart.bars[0].fillColor = ACCENT
    chart.bars[1].fillColor = MUTED
    drawing.add(chart)
    drawing.add(String(40, height - 20, "Instroom (donker) en uitval (grijs) per kwartaal",
                       fontName=REGULAR, fontSize=10))  # fmt: skip
    return drawing
