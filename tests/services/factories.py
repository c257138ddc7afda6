"""Valid inputs for the use cases, to be varied per test."""

from __future__ import annotations

from typing import Any

from spt_common.enums import ConsentPurpose


def profile(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "first_name": "Fatma",
        "last_name": "Yılmaz",
        "municipality": "zaanstad",
        "referral_source": "uwv",
        "persona": "no_work_benefit_nontechnical",
        "benefit_status": "ww",
        "language_level": "B1",
        "email": "fatma@example.nl",
        "phone": "06 12345678",
        "skills": "Klantcontact, plannen, rijbewijs B",
        "motivation": "Wil met de handen werken in de installatietechniek",
    }
    base.update(over)
    return base


ALL_CONSENTS = {p: True for p in ConsentPurpose}
ONLY_PROCESSING = {ConsentPurpose.PROCESSING: True}


def employer(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": "Installatiebedrijf Zaanwarmte B.V.",
        "sector": "installatie",
        "municipality": "Zaanstad",
        "praktijkopleiders": 2,
        "middenkader": 1,
    }
    base.update(over)
    return base
