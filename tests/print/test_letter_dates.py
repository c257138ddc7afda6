"""Dates in letters and reports read one way: the Dutch long form ("30 november 2026")
wherever a date stands in a sentence or beside a label, never the numeric 30-11-2026 next
to it. (The documents are Dutch whatever the app's language: the print layer has no
translations, and the letters go to Dutch organisations.) Compact table columns of the
dossier keep the short form."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime

from spt_common.enums import LetterMoment
from spt_desktop.print import plan_pdf, referral_letter_pdf, visit_report_pdf
from spt_desktop.print.layout import long_date
from tests.conftest import TODAY
from tests.print import print_samples as samples
from tests.print.pdf_text import text
from tests.services.factories import ALL_CONSENTS, profile

NUMERIC = re.compile(r"\b\d{1,2}-\d{1,2}-\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")


def test_referral_letter_says_every_date_in_long_form(services) -> None:  # type: ignore[no-untyped-def]
    cand = services.candidates.register(profile(), ALL_CONSENTS)
    services.intake.record(cand.id, {"background": "Acht jaar logistiek."})
    pdf = text(referral_letter_pdf(services.referrals.letter(cand.id, LetterMoment.INTAKE)))
    assert f"Intake gehouden op {long_date(TODAY)}" in pdf
    assert not NUMERIC.findall(pdf)


def test_plan_says_its_dates_in_long_form() -> None:
    plan = samples.plan()
    pdf = text(plan_pdf(plan))
    assert plan.plan.reviewed_on is not None
    assert f"Laatst besproken {long_date(plan.plan.reviewed_on)}" in pdf
    assert plan.plan.reviewed_on.strftime("%d-%m-%Y") not in pdf


def test_visit_report_says_its_date_and_time_in_long_form() -> None:
    report = dataclasses.replace(
        samples.visit_report(shared=True), visited_at=datetime(2026, 11, 30, 14, 5)
    )
    pdf = text(visit_report_pdf(report))
    assert "30 november 2026, 14:05 uur" in pdf
    assert not NUMERIC.findall(pdf)
