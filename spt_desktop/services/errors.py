"""Errors the use cases raise on purpose: a code and params each (``spt_desktop.errors``),
worded by the presenters. Each refusal has a code of its own; the params are never ids
or personal data (they reach dialogs, logs and support tickets), only what is safe to
show: a field name, a number, a kind of record (``Thing``), a phase or status code.

The one sentence still written here is a ValidationError's field message (what a form
shows at the field): see ``services/validation.py``."""

from __future__ import annotations

from collections.abc import Mapping

from spt_desktop.errors import Code, Param, SptError, Thing


class ServiceError(SptError):
    """A use case could not do what was asked (e.g. write an export): ``code`` says why."""

    def __init__(self, code: Code, **params: Param) -> None:
        super().__init__(code, **params)


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
    """``what`` names the kind of record that is gone (no data of it)."""

    default_code = Code.NOT_FOUND

    def __init__(self, what: Thing) -> None:
        SptError.__init__(self, what=what.value)


class RuleViolation(ServiceError):
    """The input is well-formed but the action is not allowed in this state: ``code``
    says which rule."""
