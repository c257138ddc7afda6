"""The page header fits its line: a long region (an aanbodkrant of all of an SPT's
labour-market regions) no longer runs into "Vertrouwelijk" and past the margin."""

from __future__ import annotations

from datetime import date

import pypdfium2 as pdfium

from spt_common.enums import Spt
from spt_desktop.print.data import Letterhead
from spt_desktop.print.layout import MARGIN_X, PAGE_H, PAGE_W, para, render

ALL_REGIONS = (
    "Groot-Amsterdam, Noord-Holland Noord, Zaanstreek-Waterland, Zuid-Kennemerland en IJmond"
)


def header_glyphs(pdf: bytes) -> list[tuple[float, float, float, str]]:
    """(middle height, left, right, character) of each glyph in the header band."""
    page = pdfium.PdfDocument(pdf)[0].get_textpage()
    glyphs = []
    for i in range(page.count_chars()):
        ch = page.get_text_range(i, 1)
        left, bottom, right, top = page.get_charbox(i)
        if ch.strip() and bottom > PAGE_H - 30 * 72 / 25.4:
            glyphs.append(((bottom + top) / 2, left, right, ch))
    return glyphs


def test_a_long_region_fits_beside_vertrouwelijk_within_the_margin() -> None:
    letterhead = Letterhead(Spt.NOORD_HOLLAND, ALL_REGIONS, date(2026, 11, 30))
    glyphs = header_glyphs(render([para("Tekst")], letterhead, "Aanbodkrant"))
    assert "".join(g[3] for g in glyphs).count("IJmond") == 1  # still says which regions
    assert max(right for _, _, right, _ in glyphs) <= PAGE_W - MARGIN_X + 0.5
    assert min(left for _, left, _, _ in glyphs) >= MARGIN_X - 0.5
    # No two glyphs on one line overlap.
    by_left = sorted(glyphs, key=lambda g: g[1])
    for i, a in enumerate(by_left):
        for b in by_left[i + 1 :]:
            if b[1] >= a[2] - 0.3:
                break
            assert abs(a[0] - b[0]) > 4, f"{a[3]!r} and {b[3]!r} overlap"
