"""Refusals with a code of their own (``spt_desktop.errors.Code``), worded by the
presenters. ``field`` names the form field the refusal is about, so a dialog can show
it there; it is a field name, never a value."""

from __future__ import annotations

from spt_desktop.errors import Code, Param
from spt_desktop.services.errors import RuleViolation


class Refused(RuleViolation):
    """The input is well-formed but the rule ``code`` forbids it; nothing was saved."""

    def __init__(self, code: Code, *, field: str | None = None, **params: Param) -> None:
        super().__init__(code, **params)
        self.field = field


__all__ = ["Refused"]
