"""Errors the use cases raise on purpose: a code and params each (``spt_desktop.errors``),
worded by the presenters. They never quote personal data back (they reach dialogs, logs
and support tickets).

``ServiceError(text)`` and ``RuleViolation(text)`` still carry a sentence written at the
raise site (code SERVICE_FAILED / RULE_VIOLATED, param ``text``): the presenters show it
as it is. Each such raise site is to get a code of its own, as the vault's errors have."""

from __future__ import annotations

from collections.abc import Mapping

from spt_desktop.errors import Code, SptError


class ServiceError(SptError):
    default_code = Code.SERVICE_FAILED

    def __init__(self, text: str) -> None:
        super().__init__(text=text)


class ValidationError(ServiceError):
    """Bad input. ``errors`` maps each field to what is wrong with it, so a form can show
    the message at the field; nothing has been saved. The field messages are the
    validators' own sentences (``services/validation.py``): a form shows them as they are,
    and the presenters list them as ``field: message`` in the ``fields`` param."""

    default_code = Code.INVALID_INPUT

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        fields = "; ".join(f"{field}: {msg}" for field, msg in self.errors.items())
        SptError.__init__(self, fields=fields)


class NotFound(ServiceError):
    """``what`` names the kind of record (no data of it), e.g. "De werkgever van dit
    bezoek"."""

    default_code = Code.NOT_FOUND

    def __init__(self, what: str) -> None:
        SptError.__init__(self, what=what)


class RuleViolation(ServiceError):
    """The input is well-formed but the action is not allowed in this state."""

    default_code = Code.RULE_VIOLATED
