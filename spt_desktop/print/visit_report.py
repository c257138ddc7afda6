"""Bezoekverslag for the employer: one jobcoach visit, its agreements and the follow-up.

Prints a ``VisitReportData``, which can only hold what the candidate consented to share
with the employer (see ``VisitReportData.for_employer``).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from spt_desktop.print.data import VisitReportData
from spt_desktop.print.layout import (
    field_table,
    heading,
    long_date,
    long_date_time,
    no_data,
    notice,
    para,
    render,
    site_beyond,
    text_or_dash,
)

TITLE = "Bezoekverslag"
NOT_SHARED = (
    "De kandidaat heeft geen toestemming gegeven om de inhoud van bezoeken met de werkgever "
    "te delen. Dit verslag bevat daarom alleen de gegevens van de afspraak zelf. Heeft u "
    "vragen, neem dan contact op met de jobcoach."
)


def visit_report_pdf(data: VisitReportData) -> bytes:
    """The Bezoekverslag of ``data`` as PDF bytes."""
    return render(visit_report_story(data), data.letterhead, TITLE)


def visit_report_story(data: VisitReportData) -> list[Flowable]:
    story: list[Flowable] = [
        para(TITLE, "title"),
        para(f"Voor {data.employer} · bezoek van {long_date(data.visited_at.date())}", "subtitle"),
    ]
    if not data.signed_off:
        story.append(notice("Dit verslag is nog niet afgerond door de jobcoach."))
    # The employer and the form have rows of their own: the site says only what is left.
    site = site_beyond(data.site, data.employer, data.mode.label)
    story += [
        Spacer(1, 6),
        field_table(
            [
                ("Werkgever", data.employer),
                ("Medewerker", data.candidate_name),
                ("Datum en tijd", long_date_time(data.visited_at)),
                ("Vorm", data.mode.label),
                *([("Locatie", site)] if site else []),
                *([("Aanwezig", data.attendees)] if data.shared else []),
                ("Jobcoach", data.coach_name),
            ]
        ),
    ]
    if not data.shared:
        story += [Spacer(1, 10), notice(NOT_SHARED)]
    else:
        story += heading("Besproken")
        story.append(para(data.topics) if data.topics else no_data("Geen onderwerpen vastgelegd."))
        story += heading("Afspraken")
        story.append(
            para(data.agreements) if data.agreements else no_data("Er zijn geen afspraken gemaakt.")
        )
        if data.progress_score is not None:
            story += heading("Voortgang")
            story.append(para(f"Voortgang op het werk: {data.progress_score} van 5."))
    story += heading("Vervolg")
    follow = (
        f"Het volgende bezoek is gepland rond {long_date(data.follow_up_on)}."
        if data.follow_up_on
        else "Er is nog geen vervolgbezoek gepland."
    )
    story += [
        para(follow),
        Spacer(1, 14),
        para(
            f"Met vriendelijke groet,\n{text_or_dash(data.coach_name)}\n"
            f"Jobcoach, {data.letterhead.spt.label}"
        ),
    ]
    return story
