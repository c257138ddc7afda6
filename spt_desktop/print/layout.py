"""The common frame of every document: A4, Dutch, the embedded font, a header with the
SPT's name and region, and a footer with "Vertrouwelijk", the print date and
"pagina x van y". Plus the building blocks the documents share: styles, Dutch dates,
headings, label/value tables and data tables.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from functools import lru_cache
from html import unescape
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from spt_desktop.print.data import Letterhead
from spt_desktop.print.fonts import BOLD, REGULAR, register_fonts
from spt_desktop.print.scripts import base_rtl, has_rtl, is_plain, markup, visual_frags

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 30 * mm
MARGIN_BOTTOM = 22 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X

# A calm palette: one dark blue for structure, greys for everything else.
INK = colors.HexColor("#1A1A1A")
ACCENT = colors.HexColor("#1F4E79")
MUTED = colors.HexColor("#5F6B76")
RULE = colors.HexColor("#B8C4CE")
HEADER_BG = colors.HexColor("#E4ECF3")
BAND_BG = colors.HexColor("#F5F7F9")
NOTICE_BG = colors.HexColor("#FFF6DB")

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
NO_DATA = "Geen gegevens vastgelegd."
CELL_PAD = 4
# A row taller than what is left of a page (a long intake text, a long note) is split
# inside the row, as long as both parts are at least this high; without it ReportLab
# gives up with a LayoutError on a row taller than a whole page.
SPLIT_IN_ROW = 36
HYPHENATED_MIN = 8  # letters and hyphens of the shortest word broken at its hyphen


# --- Dutch formatting --------------------------------------------------------------


def long_date(d: date) -> str:
    """29 november 2026."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def long_date_time(dt: datetime) -> str:
    """29 november 2026, 14:05 uur."""
    return f"{long_date(dt.date())}, {dt:%H:%M} uur"


def short_date(d: date | None) -> str:
    """29-11-2026, or a dash."""
    return d.strftime("%d-%m-%Y") if d else "–"


def date_time(dt: datetime | None) -> str:
    """29-11-2026 14:05, or a dash."""
    return dt.strftime("%d-%m-%Y %H:%M") if dt else "–"


def month_year(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


NBSP = "\u00a0"
_LONG_DATE = re.compile(rf"\b(?:(\d{{1,2}}) )?({'|'.join(MONTHS)}) (\d{{4}})\b")


def unbroken_dates(text: str) -> str:
    """``text`` with no-break spaces inside its long dates ("6 oktober 2024", "november
    2026"): a date is never cut over two lines (the dossier's subtitle left "2024" alone
    under "ingeschreven op 6 oktober")."""
    return _LONG_DATE.sub(lambda m: NBSP.join(g for g in m.groups() if g), text)


def euro(amount: int | None) -> str:
    """€ 2.850 (Dutch thousands separator)."""
    return "–" if amount is None else "€ " + f"{amount:,}".replace(",", ".")


def text_or_dash(value: object) -> str:
    return "–" if value is None or value == "" else str(value)


def site_beyond(site: str, employer: str | None, mode_label: str) -> str:
    """What a visit's site says that its employer and its form do not: "Uitgeest" of
    "Blokker Laadinfra, Uitgeest" at Blokker Laadinfra, nothing for "Telefonisch" by
    phone. A document names the employer and the form already; each is said once."""
    rest = site.strip()
    if employer and rest.casefold().startswith(employer.strip().casefold()):
        rest = rest[len(employer.strip()) :].lstrip(" ,;:-–·")
    return "" if rest.casefold() == mode_label.casefold() else rest


# --- styles ------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    # A word with a hyphen in it ("Leerling-installatiemonteur") may break after the
    # hyphen; any other word moves whole to the next line, and is only cut where it is
    # wider than its column on its own (``data_table`` makes columns wide enough). Level 2:
    # a hyphenated word that fits neither whole nor in part at a line's end is broken at
    # its hyphen on the next line (level 1 cut it letter by letter: "Schuurman s-Vermeulen").
    # A short word ("zon-PV") is not broken at all: "zon-" and "PV" on two lines.
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=9.5,
        leading=13.5,
        textColor=INK,
        embeddedHyphenation=2,
        hyphenationMinWordLength=HYPHENATED_MIN,
    )
    return {
        "body": body,
        "title": ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=19, leading=24, textColor=ACCENT
        ),
        "name": ParagraphStyle("name", parent=body, fontName=BOLD, fontSize=12, leading=16),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=10.5, leading=15, textColor=MUTED, spaceAfter=4
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=14,
            spaceAfter=3,
        ),
        # A subheading goes to the next page with what follows it, never alone at a foot.
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=10,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11),
        "cell_head": ParagraphStyle(
            "cell_head", parent=body, fontName=BOLD, fontSize=8.5, leading=11, textColor=ACCENT
        ),
        # Headers of wide figure tables (eight columns on portrait A4).
        "cell_head_small": ParagraphStyle(
            "cell_head_small",
            parent=body,
            fontName=BOLD,
            fontSize=SMALL_HEAD,
            leading=9.5,
            textColor=ACCENT,
        ),
        "label": ParagraphStyle("label", parent=body, textColor=MUTED),
        "muted": ParagraphStyle("muted", parent=body, textColor=MUTED),
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, textColor=MUTED),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
    }


STYLES: dict[str, ParagraphStyle] = {}


def style(name: str) -> ParagraphStyle:
    if not STYLES:
        register_fonts()
        STYLES.update(_styles())
    return STYLES[name]


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle whose plain-string cells (even empty ones) use the embedded font:
    ReportLab's default for them is Helvetica, which would appear in the PDF unembedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


# --- flowables ---------------------------------------------------------------------


class BidiParagraph(Paragraph):  # type: ignore[misc]  # ReportLab has no type hints
    """A paragraph with right-to-left text (``scripts``): ReportLab breaks it into lines
    in the order it was typed, and each line is put in visual order as it is drawn, so a
    wrapped Arabic note keeps its first words on its first line. A right-to-left
    paragraph (its first strong letter) of more than one line is set flush right where its
    style says left, so its lines start on one edge; a single line (a name beside its
    label, under a title) stays where the column's other values are."""

    blPara: Any  # the wrapped lines (ReportLab sets them in wrap)
    style: ParagraphStyle

    def __init__(
        self, text: str | None, style: ParagraphStyle, rtl: bool | None = None, **kw: Any
    ) -> None:
        if rtl is None:
            plain = _TAG.sub("", text) if text is not None else ""
            frags = kw.get("frags") or ()
            rtl = base_rtl(unescape(plain) + "".join(getattr(f, "text", "") for f in frags))
        self._rtl = rtl
        super().__init__(text, style, **kw)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for part in parts:
            part._rtl = self._rtl  # the remainder of a paragraph keeps its direction
        return parts

    def drawPara(self, debug: int = 0) -> None:
        logical, style = self.blPara, self.style
        self.blPara = _visual_lines(logical, self._rtl)
        if self._rtl and len(logical.lines) > 1 and style.alignment == TA_LEFT:
            self.style = _flush_right(style)
        try:
            super().drawPara(debug)
        finally:
            # A later split or re-wrap works on the typed order, in its own style.
            self.blPara, self.style = logical, style


_TAG = re.compile(r"<[^>]*>")
_FLUSH_RIGHT: dict[str, ParagraphStyle] = {}


def _flush_right(base: ParagraphStyle) -> ParagraphStyle:
    """``base`` set flush right, made once per style."""
    if base.name not in _FLUSH_RIGHT:
        _FLUSH_RIGHT[base.name] = ParagraphStyle(
            f"{base.name}-rtl", parent=base, alignment=TA_RIGHT
        )
    return _FLUSH_RIGHT[base.name]


class _Words:
    """The words of a one-style line (ReportLab's ``kind`` 0) as one frag-like text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def clone(self, text: str) -> _Words:
        return _Words(text)


def _hard_paragraphs(bl: Any) -> list[list[Any]]:
    """The wrapped lines of ``bl`` grouped by the typed lines they come from: a line that
    ends in a ``<br/>`` (a frag with ``lineBreak``) closes its group."""
    groups: list[list[Any]] = [[]]
    for line in bl.lines:
        groups[-1].append(line)
        words = line[1] if isinstance(line, tuple) else line.words
        if words and getattr(words[-1], "lineBreak", False):
            groups.append([])
    return [g for g in groups if g]


def _line_text(line: Any) -> str:
    if isinstance(line, tuple):
        return " ".join(line[1])
    return "".join(getattr(f, "text", "") for f in line.words)


def _visual_lines(bl: Any, rtl: bool) -> Any:
    """A copy of the wrapped paragraph ``bl`` with each line's text in drawing order. Each
    typed line (between ``<br/>``s) is a bidi paragraph of its own with its own direction
    (UAX #9 P1); one without a strong letter takes the whole text's."""
    lines = []
    for group in _hard_paragraphs(bl):
        direction = base_rtl("".join(_line_text(line) for line in group), rtl)
        for line in group:
            if isinstance(line, tuple):  # kind 0: (extra space, words), one font
                extra, words = line
                drawn = "".join(f.text for f in visual_frags([_Words(" ".join(words))], direction))
                lines.append((extra, drawn.split(" ")))
            else:
                text = [f for f in line.words if getattr(f, "text", "")]
                other = [f for f in line.words if not getattr(f, "text", "")]
                lines.append(line.clone(words=visual_frags(text, direction) + other))
    return bl.clone(lines=lines)


class CellParagraph(Paragraph):  # type: ignore[misc]  # ReportLab has no type hints
    """A paragraph in a table cell. A long table is measured again at every page break
    (each remainder is a new Table that wraps all its cells), so the line breaks for a
    width are kept: this makes a 100-visit dossier ~2× faster to lay out."""

    blPara: Any

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        memo = self.__dict__.get("_memo")
        if memo is not None and memo[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = memo
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        self._memo = (availWidth, width, height, self.blPara, self._wrapWidths)
        return width, height


class BidiCellParagraph(CellParagraph, BidiParagraph):
    """A table cell with right-to-left text."""


def paragraph(text: str, style_: ParagraphStyle, cell: bool = False) -> Paragraph:
    """Paragraph markup (from ``markup``) as the paragraph class it needs: a
    ``BidiParagraph`` only when it holds right-to-left text."""
    text = unbroken_dates(text)
    if has_rtl(text):
        return BidiCellParagraph(text, style_) if cell else BidiParagraph(text, style_)
    return CellParagraph(text, style_) if cell else Paragraph(text, style_)


def _bold(style_name: str) -> bool:
    return bool(style(style_name).fontName == BOLD)


def para(text: object, style_name: str = "body") -> Paragraph:
    return paragraph(markup(text, _bold(style_name)), style(style_name))


def cell(text: object, style_name: str = "cell") -> Paragraph:
    return paragraph(markup(text_or_dash(text), _bold(style_name)), style(style_name), cell=True)


def bold_para(text: object, style_name: str = "body") -> Paragraph:
    return paragraph(f"<b>{markup(text, bold=True)}</b>", style(style_name))


def heading(text: str) -> list[Flowable]:
    """A section heading with a thin rule under it; never left alone at a page's foot."""
    rule = Table([[""]], colWidths=[CONTENT_W], rowHeights=[2])
    rule.setStyle(table_style([("LINEABOVE", (0, 0), (-1, -1), 0.8, ACCENT)]))
    return [
        CondPageBreak(45 * mm),
        paragraph(markup(text, bold=True), style("h1")),
        rule,
        Spacer(1, 4),
    ]


def subheading(text: str) -> Paragraph:
    return paragraph(markup(text, bold=True), style("h2"))


def no_data(text: str = NO_DATA) -> Paragraph:
    return para(text, "muted")


def notice(text: str) -> Table:
    """A highlighted remark (a missing consent, a draft)."""
    t = Table([[para(text)]], colWidths=[CONTENT_W])
    t.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), NOTICE_BG),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#E0C36A")),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return t


def field_table(
    pairs: Sequence[tuple[str, object]], label_width: float = 48 * mm, width: float = CONTENT_W
) -> Table:
    """Label/value rows, labels muted on the left: the form of a profile."""
    rows = [[para(label, "label"), para(text_or_dash(value))] for label, value in pairs]
    t = RowTable(
        rows, colWidths=[label_width, width - label_width], hAlign="LEFT", splitInRow=SPLIT_IN_ROW
    )
    t.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return t


FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM


class RowTable(Table):  # type: ignore[misc]  # ReportLab has no type hints
    """A table that breaks between rows. A row is cut in two only when it cannot fit on a
    page of its own (a long intake text or note, ``SPLIT_IN_ROW``), never to fill the foot
    of a page: ReportLab would otherwise put a repeated header row and a visit's first
    lines there and the rest of that visit on the next page."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._calc(availWidth, availHeight)
        parts: list[Flowable] = self._splitRows(availHeight, doInRowSplit=False)
        if parts or not self.splitInRow:
            return parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
        if sum(self._rowHeights[: head + 1]) <= FRAME_H:
            return []  # the row fits on the next page: it goes there whole
        cut: list[Flowable] = self._splitRows(availHeight, doInRowSplit=True)
        return cut


# A word and where it may break: after a hyphen between letters (as ReportLab's
# ``embeddedHyphenation`` does), nowhere else.
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_AFTER_HYPHEN = re.compile(r"(?<=-)")


@lru_cache(maxsize=8192)
def _word_width(word: str, font: str, size: float) -> float:
    """The width of the widest piece of ``word`` that cannot be broken."""
    core = word.strip("'\"([{.,;:!?)]}")
    breaks = len(core) >= HYPHENATED_MIN and _HYPHENATED.fullmatch(core)
    pieces = _AFTER_HYPHEN.split(word) if breaks else [word]
    return max(float(stringWidth(p, font, size)) for p in pieces)


def _longest_word(text: str, font: str, size: float, room: float) -> float:
    """The width of the widest unbreakable piece of ``text``; words short enough to fit
    ``room`` however wide their letters are not measured (most of a long table)."""
    longest = 0.0
    for word in text.split():
        if len(word) * size * 1.2 > room:  # no letter of the fonts is 1.2 em wide
            longest = max(longest, _word_width(word, font, size))
    return longest


def fitted_widths(
    head: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    head_style: str = "cell_head",
) -> list[float]:
    """``widths`` (fractions of the text width) changed only where a column is narrower
    than its longest word (header or cell): that column gets the room the word needs, taken
    from the columns that have room to spare, in proportion to it. A word is then cut only
    when it is wider than a column could be ("Leerling-installati emonteur" was cut in a
    column of 18%)."""
    head_font = style(head_style)
    want = [w * CONTENT_W for w in widths]
    need = []
    for i, w in enumerate(want):
        room = w - 2 * CELL_PAD
        longest = _longest_word(head[i], head_font.fontName, head_font.fontSize, room)
        for r in rows:
            value = r[i] if i < len(r) else None
            if isinstance(value, str) and value:
                longest = max(longest, _longest_word(value, REGULAR, CELL_SIZE, room))
        need.append(longest + 2 * CELL_PAD + 1 if longest else 0.0)
    short = sum(max(0.0, n - w) for n, w in zip(need, want, strict=True))
    if not short:
        return list(widths)
    spare = {i: w - n for i, (n, w) in enumerate(zip(need, want, strict=True)) if w > n}
    total_spare = sum(spare.values())
    if total_spare >= short:  # every column gets its words, the roomy ones give
        give = short / total_spare
        out = [
            max(n, w) - spare.get(i, 0.0) * give
            for i, (n, w) in enumerate(zip(need, want, strict=True))
        ]
    else:  # the columns with room keep just their words; the rest is shared by the others
        out = [
            n if i in spare else w + total_spare * (n - w) / short
            for i, (n, w) in enumerate(zip(need, want, strict=True))
        ]
    return [w / CONTENT_W for w in out]


CELL_SIZE, CELL_LEADING = 8.5, 11
SMALL_HEAD = 7.5  # the size of "cell_head_small"


def _plain_or_cell(value: object, width: float) -> str | Paragraph:
    """The value as plain lines when every line fits ``width``, else a wrapped cell (also
    for text in a script that needs another font or right-to-left order: ``markup``)."""
    text = text_or_dash(value)
    if is_plain(text) and all(
        stringWidth(line, REGULAR, CELL_SIZE) <= width for line in text.split("\n")
    ):
        return text
    return cell(text)


def data_table(
    head: Sequence[str],
    rows: Iterable[Sequence[object]],
    widths: Sequence[float],
    plain: Sequence[int] = (),
    head_style: str = "cell_head",
) -> Table:
    """A table with a repeated header row and banded rows; widths are fractions of the
    text width, widened where a column's longest word would not fit (``fitted_widths``).
    Cells are wrapped paragraphs, so long text never runs off the page; columns in
    ``plain`` hold short fixed values (dates, scores) drawn as plain lines, which is much
    cheaper for long tables."""
    register_fonts()  # plain cells are measured before any paragraph style is made
    rows = [list(r) for r in rows]
    widths = fitted_widths(head, rows, widths, head_style)
    inner = [w * CONTENT_W - 2 * CELL_PAD for w in widths]
    body = [
        [
            c if isinstance(c, Flowable) else _plain_or_cell(c, inner[i]) if i in plain else cell(c)
            for i, c in enumerate(r)
        ]
        for r in rows
    ]
    header = [paragraph(markup(h, bold=True), style(head_style)) for h in head]
    t = RowTable(
        [header, *body],
        colWidths=[w * CONTENT_W for w in widths],
        repeatRows=1,
        splitInRow=SPLIT_IN_ROW,
    )
    commands: list[tuple[Any, ...]] = [
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    commands += [("BACKGROUND", (0, i), (-1, i), BAND_BG) for i in range(2, len(body) + 1, 2)]
    t.setStyle(table_style(commands))
    return t


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))


# --- the page frame ----------------------------------------------------------------


def _fitted(text: str, width: float, size: float, smallest: float = 6.5) -> tuple[str, float]:
    """``text`` at the largest size down to ``smallest`` that fits ``width``; shortened
    with an ellipsis if even that is too wide (an aanbodkrant of all an SPT's regions)."""
    fit = width / max(stringWidth(text, REGULAR, size), 1) * size
    if fit >= size:
        return text, size
    if fit >= smallest:
        return text, fit
    while text and stringWidth(text + "…", REGULAR, smallest) > width:
        text = text[:-1]
    return text.rstrip(" ,·") + "…", smallest


@lru_cache(maxsize=64)
def _region_line(region: str) -> tuple[str, float]:
    """The header's second line and its size, fitted once per region (every page has it)."""
    room = CONTENT_W - 4 * mm - stringWidth("Vertrouwelijk", REGULAR, 8.5) - 6 * mm
    return _fitted(f"Servicepunt Techniek · {region}", room, 8.5)


def _draw_header(canvas: Canvas, letterhead: Letterhead, title: str) -> None:
    top = PAGE_H - 14 * mm
    canvas.setFillColor(ACCENT)
    canvas.rect(MARGIN_X, top - 9.5 * mm, 1.6 * mm, 11 * mm, stroke=0, fill=1)
    canvas.setFont(BOLD, 11)
    canvas.drawString(MARGIN_X + 4 * mm, top - 1 * mm, letterhead.spt.label)
    canvas.setFillColor(MUTED)
    line, size = _region_line(letterhead.region)
    canvas.setFont(REGULAR, size)
    canvas.drawString(MARGIN_X + 4 * mm, top - 6.5 * mm, line)
    canvas.setFont(BOLD, 9)
    canvas.setFillColor(INK)
    canvas.drawRightString(PAGE_W - MARGIN_X, top - 1 * mm, title)
    canvas.setFont(REGULAR, 8.5)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(PAGE_W - MARGIN_X, top - 6.5 * mm, "Vertrouwelijk")
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, top - 12 * mm, PAGE_W - MARGIN_X, top - 12 * mm)


PERSONAL_DATA = "· bevat persoonsgegevens"


def _draw_footer(canvas: Canvas, letterhead: Letterhead, note: str, page: int, pages: int) -> None:
    y = 12 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, y + 5 * mm, PAGE_W - MARGIN_X, y + 5 * mm)
    label = "Vertrouwelijk"
    canvas.setFont(BOLD, 8)
    canvas.setFillColor(INK)
    canvas.drawString(MARGIN_X, y, label)
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    canvas.drawString(
        MARGIN_X + canvas.stringWidth(label + " ", BOLD, 8),
        y,
        note,
    )
    canvas.drawRightString(
        PAGE_W - MARGIN_X,
        y,
        f"Afgedrukt op {long_date(letterhead.printed_on)}  ·  pagina {page} van {pages}",
    )


def _numbered_canvas(letterhead: Letterhead, title: str, note: str) -> Callable[..., Canvas]:
    """A canvas that holds its pages back until the end, so every footer can say how
    many pages there are (ReportLab's documented two-pass alternative, in one pass)."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Not the default Helvetica: it would be referenced (never embedded) by
            # every page, even with no glyph drawn in it.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
            kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 9.5
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _draw_header(self, letterhead, title)
                _draw_footer(self, letterhead, note, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def render(
    story: list[Flowable], letterhead: Letterhead, title: str, note: str = PERSONAL_DATA
) -> bytes:
    """The story laid out on A4 in the common frame, as PDF bytes (nothing touches disk).
    ``note`` follows "Vertrouwelijk" in the footer."""
    register_fonts()
    buffer = io.BytesIO()
    # A frame without padding, so tables of CONTENT_W line up with the text and the rules.
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        CONTENT_W,
        PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        pageTemplates=[PageTemplate(id="page", frames=[frame])],
        # Generic metadata only: file properties are shown in places the page is not.
        title=title,
        author=letterhead.spt.label,
        subject=f"{title} — vertrouwelijk",
        creator="SPT Desktop",
        lang="nl-NL",
    )
    doc.build(story, canvasmaker=_numbered_canvas(letterhead, title, note))
    return buffer.getvalue()
