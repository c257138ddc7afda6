"""Rapportage stuurgroep: the SPT's pipeline per quarter, for its steering group (issue 15
§2). Aggregates only, as the server sends them: no name, e-mail or id, and every count
from 1 to 4 already shown as "<5" by the server.

Per quarter: instroom by referrer and by campaign (each with how many were placed) and by
persona, flows between phases (back moves too), uitval by phase and leak, time in phase,
duurzame plaatsing at 3/6/12 months; then the year's targets against what is realised, and
a page of charts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from spt_common import protocol as p
from spt_common.monitor_figures import Cell, Report, Table
from spt_desktop.print.data import Letterhead
from spt_desktop.print.layout import (
    ACCENT,
    CONTENT_W,
    MUTED,
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
        body = _table(table) if table is not None and table.rows else no_data()
        out += [CondPageBreak(35 * mm), subheading(title), body, Spacer(1, 4)]
    return out


def _is_text(table: Table, col: int) -> bool:
    return any(isinstance(row[col], str) and row[col] != "<5" for row in table.rows)


def _table(table: Table) -> Flowable:
    """A monitor table: text columns (group, phase, leak) wide, figures narrow."""
    weights = [3.0 if _is_text(table, i) else 1.3 for i in range(len(table.columns))]
    widths = [w / sum(weights) for w in weights]
    rows = [[text_of(c) for c in row] for row in table.rows]
    figures = [i for i, w in enumerate(weights) if w < 3]
    return data_table(list(table.columns), rows, widths, plain=figures)


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
    drawing = Drawing(width, height)
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
    chart.bars[0].fillColor = ACCENT
    chart.bars[1].fillColor = MUTED
    drawing.add(chart)
    drawing.add(String(40, height - 20, "Instroom (donker) en uitval (grijs) per kwartaal",
                       fontSize=10))  # fmt: skip
    return drawing
