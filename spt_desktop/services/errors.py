"""Errors the use cases raise on purpose. Messages are Dutch, name the field or the rule,
and never quote personal data back (they reach dialogs, logs and support tickets)."""

from __future__ import annotations

from collections.abc import Mapping


class ServiceError(Exception):
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(ServiceError):
    """Bad input. ``errors`` maps each field to what is wrong with it, so a form can show
    the message at the field; nothing has been saved."""

    exit_code = 2

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        listed = "; ".join(f"{field}: {msg}" for field, msg in self.errors.items())
        super().__init__(f"Controleer de invoer — {listed}. Er is niets opgeslagen.")


class NotFound(ServiceError):
    def __init__(self, what: str) -> None:
        super().__init__(
            f"{what} bestaat niet (meer) in deze kluis. Misschien is het verwijderd of "
            "overgedragen; synchroniseer en probeer het opnieuw."
        )


class RuleViolation(ServiceError):
    """The input is well-formed but the action is not allowed in this state."""
