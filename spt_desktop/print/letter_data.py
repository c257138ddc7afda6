"""The data of a terugkoppeling (``print.referral_letter``): plain values, no ReportLab,
so the services fill it without loading the printing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spt_common.enums import LetterMoment
from spt_desktop.print.data import Letterhead


@dataclass(frozen=True)
class ReferralLetterData:
    """What one terugkoppeling says (only made with the candidate's consent)."""

    letterhead: Letterhead
    moment: LetterMoment
    recipient_organisation: str
    recipient_person: str
    candidate_name: str
    referred_on: date | None
    # (label, value): the step and its date (a date prints in the Dutch long form)
    facts: tuple[tuple[str, str | date], ...]
    coach_name: str
