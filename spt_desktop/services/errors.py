"""Errors the use cases raise on purpose: a code and params each (``spt_desktop.errors``),
worded by the presenters. Each refusal has a code of its own; the params are never ids
or personal data (they reach dialogs, logs and support tickets), only what is safe to
show: a field name, a number, a kind of record (``Thing``), a phase or status code. A
ValidationError's field errors are codes too (``Problem``), worded beside the field."""

from __future__ import annotations

from spt_desktop.errors import Code, InvalidInput, Param, SptError, Thing


class ServiceError(SptError):
    """A use case could not do what was asked (e.g. write an export): ``code`` says why."""

    def __init__(self, code: Code, **params: Param) -> None:
        super().__init__(code, **params)


class ValidationError(InvalidInput, ServiceError):
    """Bad input. ``errors`` maps each field to its ``FieldError`` (a ``Problem`` and
    params, ``services/validation.py``), so a form can show it at the field; nothing has
    been saved. The presenters word each (``ui/messages.py``, ``cli/messages.py``)."""


class NotFound(ServiceError):
    """``what`` names the kind of record that is gone (no data of it)."""

    default_code = Code.NOT_FOUND

    def __init__(self, what: Thing) -> None:
        SptError.__init__(self, what=what.value)


class RuleViolation(ServiceError):
    """The input is well-formed but the action is not allowed in this state: ``code``
    says which rule."""
