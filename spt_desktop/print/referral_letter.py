"""Terugkoppeling: a short letter to the organisation that referred a candidate to the
SPT, at intake, placement, uitval or closing (issue 16 §1).

Prints a ``ReferralLetterData``, which the services fill only when the candidate consented
to sharing with referrers and funders (``share_referrer_funder``): without that consent no
letter is made at all. What it says is kept to what the referrer needs to know: the step
and its date, never notes, reasons of uitval or anything from the dossier's texts.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, Spacer

from spt_common.enums import LetterMoment
from spt_desktop.print.layout import field_table, long_date, para, render
from spt_desktop.print.letter_data import ReferralLetterData

TITLE = "Terugkoppeling aan de verwijzer"
OPENING: dict[LetterMoment, str] = {
    LetterMoment.INTAKE: (
        "Dank voor uw aanmelding. De intake bij het Servicepunt Techniek heeft "
        "plaatsgevonden; de kandidaat is gestart met oriëntatie op werk in de techniek."
    ),
    LetterMoment.PLACEMENT: "Goed nieuws: de kandidaat die u aanmeldde, is aan het werk.",
    LetterMoment.DROPOUT: (
        "De kandidaat die u aanmeldde, is gestopt met het traject bij het Servicepunt Techniek."
    ),
    LetterMoment.CLOSING: "Het traject van de kandidaat die u aanmeldde, is afgesloten.",
}
CONSENT_LINE = (
    "De kandidaat heeft toestemming gegeven om deze terugkoppeling met u te delen. Wilt u "
    "meer weten, neem dan contact op met de loopbaancoach; de kandidaat beslist zelf wat "
    "verder gedeeld wordt."
)


def referral_letter_pdf(data: ReferralLetterData) -> bytes:
    """The letter of ``data`` as PDF bytes."""
    return render(referral_letter_story(data), data.letterhead, TITLE)


def _value(value: str | date) -> str:
    """A fact's value; a date in the long form, as the letter's other dates."""
    return long_date(value) if isinstance(value, date) else value


def referral_letter_story(data: ReferralLetterData) -> list[Flowable]:
    to = data.recipient_person or data.recipient_organisation or "de verwijzer"
    story: list[Flowable] = [
        para(TITLE, "title"),
        para(f"{data.moment.label} · {long_date(data.letterhead.printed_on)}", "subtitle"),
        Spacer(1, 6),
        para(f"Aan: {data.recipient_organisation}" if data.recipient_organisation else "Aan:"),
        *([para(f"T.a.v. {data.recipient_person}")] if data.recipient_person else []),
        Spacer(1, 10),
        para(f"Beste {to},"),
        Spacer(1, 4),
        para(OPENING[data.moment]),
        Spacer(1, 8),
        field_table(
            [
                ("Kandidaat", data.candidate_name),
                *([("Aangemeld op", long_date(data.referred_on))] if data.referred_on else []),
                *((label, _value(value)) for label, value in data.facts),
            ]
        ),
        Spacer(1, 10),
        para(CONSENT_LINE),
        Spacer(1, 12),
        para("Met vriendelijke groet,"),
        para(data.coach_name),
        para(f"Loopbaancoach, {data.letterhead.spt.label}"),
    ]
    return story
