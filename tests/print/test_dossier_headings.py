"""A section heading never stands alone at the foot of a page: "Plaatsing en behoud" was
left there when its first placement (kept together with its behoudmomenten) did not fit
under it."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from spt_desktop.print import dossier_pdf
from spt_desktop.print.data import NoteLine
from spt_desktop.print.layout import MARGIN_BOTTOM
from tests.print import print_samples as samples
from tests.print.pdf_text import reader

HEADING = "Plaatsing en behoud"


def below_heading(pdf: bytes) -> list[int]:
    """For each page with the heading: how many text pieces of the body are under it."""
    counts = []
    for page in reader(pdf).pages:
        pieces: list[tuple[float, str]] = []

        def visit(shown: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
            if shown.strip():
                pieces.append((tm[5] + cm[5], shown.strip()))  # noqa: B023

        page.extract_text(visitor_text=visit)
        heads = [y for y, text in pieces if text == HEADING]
        if heads:
            counts.append(sum(1 for y, _ in pieces if MARGIN_BOTTOM < y < heads[0] - 1))
    return counts


def test_placement_heading_is_never_alone_at_the_foot_of_a_page() -> None:
    base = samples.dossier()
    assert base.placements and base.placements[0].checkpoints
    for n in range(0, 24, 3):  # moves the heading down the page, a few lines at a time
        notes = tuple(
            NoteLine(datetime(2026, 11, 1, 10), "Karin de Wit", "Kort gesprek.") for _ in range(n)
        )
        counts = below_heading(dossier_pdf(dataclasses.replace(base, notes=notes)))
        assert counts and all(counts), f"{n} notes: heading alone at the foot of a page"
