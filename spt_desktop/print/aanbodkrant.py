"""Aanbodkrant: anonymised candidate profiles for employers, one document per batch.

Prints ``AanbodkrantProfile``s, which hold no name, contact details, address or birth
date (see ``AanbodkrantProfile.anonymise``). Employers respond by quoting a profile's
reference to the SPT contact person.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from spt_desktop.print.data import AanbodkrantData, AanbodkrantProfile
from spt_desktop.print.layout import (
    ACCENT,
    BAND_BG,
    CONTENT_W,
    RULE,
    SPLIT_IN_ROW,
    month_year,
    no_data,
    para,
    paragraph,
    render,
    style,
    table_style,
)
from spt_desktop.print.scripts import markup

TITLE = "Aanbodkrant"
NOTE = "· geanonimiseerde profielen"


def aanbodkrant_pdf(data: AanbodkrantData) -> bytes:
    """The aanbodkrant of ``data`` as PDF bytes."""
    return render(aanbodkrant_story(data), data.letterhead, TITLE, NOTE)


def aanbodkrant_story(data: AanbodkrantData) -> list[Flowable]:
    lh = data.letterhead
    n = len(data.profiles)
    story: list[Flowable] = [
        para(f"{TITLE} {month_year(lh.printed_on)}", "title"),
        para(
            f"{n} {'kandidaat' if n == 1 else 'kandidaten'} op weg naar werk in de techniek · "
            f"{lh.spt.label}",
            "subtitle",
        ),
        para(
            "De kandidaten in deze aanbodkrant worden begeleid door het Servicepunt Techniek. "
            "Zij hebben zich georiënteerd op werk in de techniek en zoeken een werkgever die "
            "ze de kans geeft het vak te leren. De profielen zijn anoniem: in plaats van een "
            "naam heeft ieder profiel een nummer."
        ),
        Spacer(1, 5),
        _contact(data),
        Spacer(1, 10),
    ]
    if not data.profiles:
        story.append(no_data("Er zijn op dit moment geen kandidaten voor de aanbodkrant."))
    for profile in data.profiles:
        story += [KeepTogether(profile_card(profile)), Spacer(1, 8)]
    return story


def _contact(data: AanbodkrantData) -> Table:
    contact = f"<b>Interesse in een kandidaat?</b> Neem contact op met {markup(data.contact_name)}"
    if data.contact_email:
        contact += f" ({markup(data.contact_email)})"
    contact += " en noem het profielnummer. Wij maken graag een kennismaking."
    t = Table([[paragraph(contact, style("body"))]], colWidths=[CONTENT_W])
    t.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BAND_BG),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return t


def _fact(label: str, value: str | None) -> Paragraph:
    return paragraph(
        f'<font size="7.5" color="#5F6B76">{markup(label.upper())}</font><br/>'
        f"<b>{markup(value or '–', bold=True)}</b>",
        style("cell"),
    )


def _facts(p: AanbodkrantProfile) -> Table:
    facts = [
        _fact("Regio", p.labour_market_region),
        _fact("Leeftijd", p.age_band),
        _fact("Nederlands", p.language_level.label if p.language_level else None),
        _fact("Uren per week", str(p.hours_per_week) if p.hours_per_week else None),
    ]
    inner = CONTENT_W - 14
    t = Table([facts], colWidths=[inner * w for w in (0.36, 0.24, 0.22, 0.18)])
    t.setStyle(
        table_style(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return t


def profile_card(p: AanbodkrantProfile) -> list[Flowable]:
    """One profile as a card: a header bar, four key facts, then the descriptions."""
    head = paragraph(
        f'<font color="white"><b>Profiel {markup(p.reference, bold=True)}</b></font>', style("body")
    )
    details = [
        ("Vaardigheden", p.skills),
        ("Ambities", p.ambitions),
        ("Beschikbaarheid", p.availability),
        ("Oriëntatie", ", ".join(k.label for k in p.orientation)),
        ("Certificaten", ", ".join(p.certificates)),
    ]
    shown = [[para(label, "label"), para(value)] for label, value in details if value]
    rows: list[list[Any]] = [[head, ""], [_facts(p), ""]]
    rows += shown or [[para("Nog geen profieltekst.", "muted"), ""]]
    t = Table(rows, colWidths=[CONTENT_W * 0.24, CONTENT_W * 0.76], splitInRow=SPLIT_IN_ROW)
    commands: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (-1, 0)),
        ("SPAN", (0, 1), (-1, 1)),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("BACKGROUND", (0, 1), (-1, 1), BAND_BG),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("RIGHTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 1), (-1, 1), 0.4, RULE),
    ]
    if not shown:
        commands.append(("SPAN", (0, 2), (-1, 2)))
    t.setStyle(table_style(commands))
    return [t]
