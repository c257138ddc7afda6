"""The monitor's charts: what each figure's chart draws, read from the table the page
shows (so a chart never shows more than its table), and the QtCharts widgets for it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QBrush, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication

from spt_common.monitor_figures import Cell, Table
from spt_desktop.ui.contrast import GRAPHIC_RATIO, contrast_ratio, high_contrast


@dataclass(frozen=True)
class ChartData:
    """Bars: one set per series name, one value per category."""

    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    stacked: bool = False
    horizontal: bool = False
    value_title: str = "Aantal"


def number(cell: Cell) -> float:
    """A cell as a bar height: suppressed ("<5") and empty cells draw nothing."""
    return float(cell) if isinstance(cell, int | float) else 0.0


def _summed(
    table: Table, key_cols: tuple[int, ...], value_cols: range
) -> dict[tuple[Cell, ...], list[float]]:
    """Rows summed over the groups (the dimension column), keyed by ``key_cols``."""
    out: dict[tuple[Cell, ...], list[float]] = defaultdict(lambda: [0.0] * len(value_cols))
    for row in table.rows:
        acc = out[tuple(row[i] for i in key_cols)]
        for j, col in enumerate(value_cols):
            acc[j] += number(row[col])
    return out


def chart_data(table: Table) -> ChartData:
    """What the chart beside ``table`` draws."""
    cols = table.columns
    if table.key == "phases":  # stacked bars: candidates per phase at each month end
        sums = _summed(table, (0,), range(2, len(cols)))
        days = tuple(sorted((k[0] for k in sums), key=str))
        series = tuple(
            (cols[2 + j], tuple(sums[(d,)][j] for d in days)) for j in range(len(cols) - 2)
        )
        return ChartData(table.title, tuple(_short_date(d) for d in days), series, stacked=True)
    if table.key == "flows":
        sums = _summed(table, (1, 2), range(4, 5))
        cats = tuple(f"{a} → {b}" for a, b in sums)
        return ChartData(
            table.title, cats, (("Aantal", tuple(v[0] for v in sums.values())),), horizontal=True
        )
    if table.key == "dropouts":  # per leak, stacked by the phase it happened in
        sums = _summed(table, (1,), range(2, len(cols) - 1))
        reasons = tuple(k[0] for k in sums)
        series = tuple(
            (cols[2 + j], tuple(sums[(r,)][j] for r in reasons)) for j in range(len(cols) - 3)
        )
        labels = tuple(str(r) for r in reasons)
        return ChartData(table.title, labels, series, stacked=True, horizontal=True)
    if table.key == "time_in_phase":  # mean days per phase, one set per group
        groups: dict[str, dict[str, float]] = defaultdict(dict)
        phases: list[str] = []
        for row in table.rows:
            groups[str(row[0])][str(row[1])] = number(row[3])
            if row[1] not in phases:
                phases.append(str(row[1]))
        series = tuple((g, tuple(v.get(p, 0.0) for p in phases)) for g, v in groups.items())
        return ChartData(table.title, tuple(phases), series, value_title="Dagen (gemiddeld)")
    if table.key == "retention":  # share still in service at 3, 6, 12 months, per group
        cats = tuple(str(row[0]) for row in table.rows)
        series = tuple(
            (label, tuple(number(row[col]) for row in table.rows))
            for label, col in (("3 maanden", 4), ("6 maanden", 7), ("12 maanden", 10))
        )
        return ChartData(table.title, cats, series, value_title="% nog in dienst")
    raise ValueError(f"geen grafiek voor {table.key!r}")


def _short_date(iso: Cell) -> str:
    """A month end as "mm-jj": twelve of them fit under narrow bars."""
    y, m, _d = str(iso).split("-")
    return f"{m}-{y[2:]}"


def build_chart(data: ChartData) -> QChart:
    """A QChart of bars for ``data``."""
    series: QAbstractBarSeries
    if data.horizontal:
        series = QHorizontalStackedBarSeries() if data.stacked else QHorizontalBarSeries()
    else:
        series = QStackedBarSeries() if data.stacked else QBarSeries()
    top = 0.0
    for name, values in data.series:
        bar = QBarSet(name)
        bar.append(list(values))
        series.append(bar)
        top = max(top, *values, 0.0) if not data.stacked else top
    if data.stacked and data.series:
        top = max((sum(v) for v in zip(*(s[1] for s in data.series), strict=True)), default=0)
    chart = QChart()
    chart.addSeries(series)
    empty = not any(v for _, values in data.series for v in values)
    chart.setTitle(data.title + ("<br><i>niets te tekenen: geen aantallen van 5 of meer</i>"
                                 if empty else ""))  # fmt: skip
    small = QFont(chart.font())
    small.setPointSizeF(max(6.5, small.pointSizeF() * 0.85))
    chart.legend().setFont(small)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(len(data.series) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    cats = QBarCategoryAxis()
    cats.append(list(data.categories))
    axis = QValueAxis()
    axis.setRange(0, max(4.0, top * 1.05))
    axis.applyNiceNumbers()
    axis.setLabelFormat("%.0f")
    cats.setLabelsFont(small)
    axis.setLabelsFont(small)
    axis.setTitleText(data.value_title)
    cat_side, value_side = (
        (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
        if data.horizontal
        else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
    )
    chart.addAxis(cats, cat_side)
    chart.addAxis(axis, value_side)
    series.attachAxis(cats)
    series.attachAxis(axis)
    if high_contrast():
        follow_palette(chart, series)
    return chart


# Series told apart by pattern as well as colour (WCAG 1.4.1; in high contrast there are
# few colours to choose from).
PATTERNS = (
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.Dense5Pattern,
    Qt.BrushStyle.FDiagPattern,
    Qt.BrushStyle.HorPattern,
)


def follow_palette(chart: QChart, series: QAbstractBarSeries) -> None:
    """The chart in the system's high-contrast colours instead of QtCharts' own light
    theme: its background, texts, axes and bars from the palette the coach chose."""
    palette = QApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    chart.setBackgroundBrush(QBrush(base))
    chart.setPlotAreaBackgroundVisible(False)
    chart.setTitleBrush(QBrush(text))
    chart.legend().setLabelColor(text)
    for axis in chart.axes():
        axis.setLabelsBrush(QBrush(text))
        axis.setTitleBrush(QBrush(text))
        axis.setLinePen(QPen(text))
        axis.setGridLineColor(palette.color(QPalette.ColorRole.Mid))
    inks = [
        palette.color(role)
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.Text, QPalette.ColorRole.Link)
    ]
    inks = [c for c in inks if contrast_ratio(c, base) >= GRAPHIC_RATIO] or [text]
    for i, bar in enumerate(series.barSets()):
        ink = inks[i % len(inks)]
        bar.setBrush(QBrush(ink, PATTERNS[i % len(PATTERNS)]))
        bar.setPen(QPen(ink))
        bar.setLabelColor(text)


def chart_view(data: ChartData) -> QChartView:
    view = QChartView(build_chart(data))
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumWidth(320)
    return view
