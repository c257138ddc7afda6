"""Right-to-left text that wraps (issue: Arabic and Farsi notes): a paragraph is broken
into lines in the order it was typed and only then is each line put in visual order, so
the first words stay on the first line; a right-to-left paragraph of more than one line is
set flush right."""

from __future__ import annotations

import io
import unicodedata

import pypdfium2 as pdfium
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from spt_desktop.print.layout import cell, para
from spt_desktop.print.scripts import base_rtl

ARABIC_NOTE = (
    "محمد العلي يبحث عن عمل في التقنية ويريد أن يتعلم اللحام في أمستردام ويتحدث الهولندية جيدا"
)
MIXED = "Gesprek met محمد العلي over werk in de techniek"
WIDTH = 60.0  # points: a few words a line


def drawn_lines(flowable: Flowable, width: float = WIDTH) -> list[tuple[float, float, str]]:
    """(x where the line starts and ends, its characters from left to right) per line, from the
    glyph positions that pdfium reads (pypdf's text puts right-to-left runs back in typed
    order itself, so it cannot show the order on paper)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    _, height = flowable.wrapOn(canvas, width, 800)
    flowable.drawOn(canvas, 100, 700 - height)
    canvas.save()
    page = pdfium.PdfDocument(buffer.getvalue())[0].get_textpage()
    glyphs = []
    for i in range(page.count_chars()):
        ch = page.get_text_range(i, 1)
        if ch not in "\r\n":
            left, bottom, right, top = page.get_charbox(i, loose=True)
            glyphs.append(((bottom + top) / 2, left, right, ch))
    lines: list[list[tuple[float, float, float, str]]] = []
    for glyph in sorted(glyphs, reverse=True):  # top line first
        if lines and lines[-1][0][0] - glyph[0] < 6:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return [
        (
            min(g[1] for g in line),
            max(g[2] for g in line),
            "".join(g[3] for g in sorted(line, key=lambda g: g[1])),
        )
        for line in lines
    ]


def typed(visual_rtl: str) -> str:
    """Right-to-left text as drawn (joined forms, last letter first) back as typed."""
    return unicodedata.normalize("NFKC", visual_rtl[::-1]).strip()


def test_arabic_paragraph_wraps_in_reading_order() -> None:
    lines = drawn_lines(para(ARABIC_NOTE))
    assert len(lines) >= 3
    # Each line drawn right to left; read back in order they are the note as typed.
    assert " ".join(typed(text) for *_, text in lines) == ARABIC_NOTE
    assert typed(lines[0][2]).startswith("محمد العلي")


def test_arabic_paragraph_is_set_flush_right() -> None:
    lines = drawn_lines(para(ARABIC_NOTE))
    # Every line ends at the right edge; the left edge is ragged.
    rights = [right for _, right, _ in lines]
    lefts = [left for left, _, _ in lines]
    assert max(rights) - min(rights) < 1
    assert max(rights) > 100 + WIDTH - 2
    assert max(lefts) - min(lefts) > 5


def test_a_one_line_arabic_name_stays_where_the_column_starts() -> None:
    [(left, _, text)] = drawn_lines(para("محمد العلي"), width=300)
    assert abs(left - 100) < 1 and typed(text) == "محمد العلي"


def test_arabic_in_a_table_cell_wraps_in_reading_order() -> None:
    lines = drawn_lines(cell(ARABIC_NOTE))
    assert " ".join(typed(text) for *_, text in lines) == ARABIC_NOTE


def test_mixed_dutch_arabic_paragraph_keeps_both_orders_across_lines() -> None:
    lines = [text for *_, text in drawn_lines(para(MIXED), width=90)]
    # Dutch reads left to right on every line ...
    assert lines[0].startswith("Gesprek met")
    assert lines[-1].endswith("techniek")
    # ... and the Arabic name keeps its typed order across the break: محمد, typed first,
    # ends the first line (drawn right to left, so as دمحم), العلي starts the next.
    assert "دمحم" in lines[0]
    assert lines[1].startswith("يلعلا")


def test_each_typed_line_takes_its_own_direction() -> None:
    """A Dutch line, then an Arabic one (a message pasted into a note): the Arabic line is
    a right-to-left paragraph of its own, so its closing full stop is on its left end."""
    note = "Afspraak gemaakt.\nسيأتي محمد يوم الخميس."
    lines = [text for *_, text in drawn_lines(para(note), width=300)]
    assert lines[0] == "Afspraak gemaakt."
    assert lines[1][0] == "." and typed(lines[1][1:]) == "سيأتي محمد يوم الخميس"


def test_the_direction_is_the_first_strong_letter_outside_isolates() -> None:
    assert base_rtl("محمد zei ja") and not base_rtl("Zei محمد")
    assert not base_rtl("\u2067محمد\u2069 zei: ja")  # a name isolated by RLI ... PDI
    assert not base_rtl("06-123") and base_rtl("06-123", default=True)
