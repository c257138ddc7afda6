"""Field checks shared by the use cases. Each check adds a Dutch message to ``errors``
under the field's name; the use case raises one ValidationError with all of them."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, TypeVar

from spt_desktop.models.enums import Labelled
from spt_desktop.services.errors import ValidationError

E = TypeVar("E", bound=Labelled)

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{7,18}[0-9]$")
# A BSN is nine digits; an SPT has no legal basis to hold one, so text that looks like
# one is refused rather than stored (DESIGN.md §2, "No BSN").
BSN_LIKE = re.compile(r"(?<!\d)\d{3}[ .]?\d{2}[ .]?\d{2}[ .]?\d{2}(?!\d)")


def contains_bsn(text: str) -> bool:
    """True when ``text`` holds a nine-digit number that passes the BSN eleven-test."""
    for match in BSN_LIKE.finditer(text):
        digits = [int(ch) for ch in match.group() if ch.isdigit()]
        weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
        if any(digits) and sum(d * w for d, w in zip(digits, weights, strict=True)) % 11 == 0:
            return True
    return False


class Checker:
    """Collects field errors; ``done()`` raises them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def text(self, field: str, value: Any, *, required: bool = False, max_len: int = 200) -> str:
        text = "" if value is None else str(value).strip()
        if required and not text:
            self.fail(field, "verplicht veld")
        elif len(text) > max_len:
            self.fail(field, f"te lang (hoogstens {max_len} tekens)")
        elif contains_bsn(text):
            self.fail(field, "lijkt een BSN te bevatten; het SPT mag geen BSN vastleggen")
        return text

    def optional_text(self, field: str, value: Any, *, max_len: int = 200) -> str | None:
        text = self.text(field, value, max_len=max_len)
        return text or None

    def email(self, field: str, value: Any) -> str | None:
        text = "" if value is None else str(value).strip()
        if text and not EMAIL.match(text):
            self.fail(field, "geen geldig e-mailadres (zoals naam@voorbeeld.nl)")
        return text or None

    def phone(self, field: str, value: Any) -> str | None:
        text = "" if value is None else str(value).strip()
        if text and not PHONE.match(text):
            self.fail(field, "geen geldig telefoonnummer (zoals 06 12345678)")
        return text or None

    def code(self, field: str, enum: type[E], value: Any, *, required: bool = True) -> E | None:
        if value is None or value == "":
            if required:
                self.fail(field, "verplicht veld")
            return None
        try:
            return enum(value)
        except ValueError:
            self.fail(field, f"onbekende waarde; kies uit {', '.join(m.value for m in enum)}")
            return None

    def day(self, field: str, value: Any, *, required: bool = False) -> date | None:
        if value is None or value == "":
            if required:
                self.fail(field, "verplicht veld")
            return None
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(field, "geen geldige datum (jjjj-mm-dd)")
            return None

    def number(
        self, field: str, value: Any, *, low: int, high: int, required: bool = False
    ) -> int | None:
        if value is None or value == "":
            if required:
                self.fail(field, "verplicht veld")
            return None
        try:
            n = int(value)
        except (TypeError, ValueError):
            self.fail(field, "geen geheel getal")
            return None
        if not low <= n <= high:
            self.fail(field, f"moet tussen {low} en {high} liggen")
        return n

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
