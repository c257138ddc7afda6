"""What a screen says of an employer or vacancy this laptop does not hold: another SPT's,
named by a colleague's match, placement or visit of one of her candidates (the server
sends a coach her own SPT's registries only; vault migration 0017). Its name never
reaches this laptop, so the screens say whose it is instead of an empty cell."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def employer_text(name: str | None) -> str:
    """``name``, or "een werkgever van een ander SPT" when the laptop does not hold it."""
    if name is not None:
        return name
    return QCoreApplication.translate("Elsewhere", "een werkgever van een ander SPT")


def vacancy_text(title: str | None) -> str:
    """``title``, or "vacature van een ander SPT" when the laptop does not hold it."""
    if title is not None:
        return title
    return QCoreApplication.translate("Elsewhere", "vacature van een ander SPT")


def capitalised(text: str) -> str:
    """The text as a heading starts it (the first letter only: names keep their case)."""
    return text[:1].upper() + text[1:]


__all__ = ["capitalised", "employer_text", "vacancy_text"]
