"""Plan van aanpak, for candidate and coach to sign."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from spt_common.enums import PlanStatus
from spt_desktop.print.data import PlanData
from spt_desktop.print.dossier import plan_flowables
from spt_desktop.print.layout import (
    CONTENT_W,
    MUTED,
    RULE,
    bold_para,
    field_table,
    heading,
    keep,
    long_date,
    notice,
    para,
    render,
    table_style,
)

TITLE = "Plan van aanpak"
AGREEMENT = (
    "Kandidaat en coach hebben dit plan van aanpak samen besproken. Met hun handtekening "
    "spreken zij af zich in te zetten voor de doelen en acties hierboven. Het plan wordt "
    "regelmatig samen bekeken en zo nodig bijgesteld; een nieuwe versie wordt opnieuw "
    "ondertekend."
)


def plan_pdf(data: PlanData) -> bytes:
    """The Plan van aanpak of ``data`` as PDF bytes, with signature lines."""
    return render(plan_story(data), data.letterhead, TITLE)


def plan_story(data: PlanData) -> list[Flowable]:
    p = data.plan
    story: list[Flowable] = [
        para(TITLE, "title"),
        para(data.candidate_name, "name"),
    ]
    if p.status is PlanStatus.DRAFT:
        story.append(notice("Dit is een concept: het plan is nog niet afgesproken."))
    elif p.status is PlanStatus.SUPERSEDED:
        story.append(notice("Deze versie is vervangen door een nieuwere versie van het plan."))
    story += [
        Spacer(1, 6),
        field_table(
            [
                ("Kandidaat", data.candidate_name),
                (data.coach_role.label, data.coach_name),
                ("Versie", f"{p.version} ({p.status.label})"),
                ("Laatst besproken", long_date(p.reviewed_on) if p.reviewed_on else None),
                ("Afgesproken op", long_date(p.agreed_on) if p.agreed_on else None),
            ]
        ),
        *heading("Doelen en acties"),
        *plan_flowables(p, with_status=False),
        *signature_block(data),
    ]
    return story


def _signature_column(role: str, name: str) -> list[Flowable]:
    line = Table([[""]], colWidths=[CONTENT_W / 2 - 10 * mm], rowHeights=[16 * mm])
    line.setStyle(table_style([("LINEBELOW", (0, 0), (-1, -1), 0.6, MUTED)]))
    date_line = Table(
        [[para("Datum:", "muted")]], colWidths=[CONTENT_W / 2 - 10 * mm], rowHeights=[9 * mm]
    )
    date_line.setStyle(
        table_style(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [bold_para(role), para(name), line, para("Handtekening", "small"), date_line]


def signature_block(data: PlanData) -> list[Flowable]:
    """Signature lines for candidate and coach; kept together on one page."""
    table = Table(
        [
            [
                _signature_column("Kandidaat", data.candidate_name),
                _signature_column(data.coach_role.label, data.coach_name),
            ]
        ],
        colWidths=[CONTENT_W / 2, CONTENT_W / 2],
    )
    table.setStyle(
        table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return [keep(*heading("Ondertekening"), para(AGREEMENT), Spacer(1, 8), table)]
