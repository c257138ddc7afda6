"""Field checks shared by the use cases. Each check adds a ``FieldError`` (a ``Problem``
and its params, worded by the presenters) to ``errors`` under the field's name; the use
case raises one ValidationError with all of them.

No BSN (DESIGN.md §2): the text checks refuse one at the field, and a flush hook
refuses one in every free-text field of every synced record, whichever use case
writes it (the detector: ``spt_common.bsn``)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, UOWTransaction

from spt_common.bsn import contains_bsn
from spt_common.enums import Labelled
from spt_desktop.errors import FieldError, Param, Problem
from spt_desktop.models.base import Synced
from spt_desktop.models.tracking import APPLYING_REMOTE
from spt_desktop.services.errors import ValidationError

E = TypeVar("E", bound=Labelled)

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{7,18}[0-9]$")
# Field kinds of the sync protocol that hold text a person typed: every one of them is
# checked for a BSN, whatever the entity (DESIGN.md §2, "No BSN").
FREE_TEXT_KINDS = ("str", "text")


def free_text_fields(entity: str) -> frozenset[str]:
    """The fields of ``entity`` (a sync entity name) that hold free text, read from the
    protocol's field kinds, which tests keep equal to the vault's columns."""
    return _free_text().get(entity, frozenset())


@functools.cache
def _free_text() -> dict[str, frozenset[str]]:
    # Imported when first needed (the first save), not at start: the protocol brings
    # pydantic, ~130 ms of the window's cold start (bench/UI.md).
    from spt_common.protocol import ENTITY_FIELDS, field_kind

    return {
        entity: frozenset(
            n for n, spec in fields.items() if field_kind(spec)[0].startswith(FREE_TEXT_KINDS)
        )
        for entity, fields in ENTITY_FIELDS.items()
    }


def bsn_fields(values: Mapping[str, Any], fields: Iterable[str] | None = None) -> list[str]:
    """The names of ``values``' text values (of ``fields``, default all) that hold a BSN."""
    names = values.keys() if fields is None else fields
    return [
        name for name in names if isinstance(value := values.get(name), str) and contains_bsn(value)
    ]


class Checker:
    """Collects field errors; ``done()`` raises them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, FieldError] = {}

    def fail(self, field: str, problem: Problem, **params: Param) -> None:
        """``field`` is wrong: ``problem`` (the first one found for it stays)."""
        self.errors.setdefault(field, FieldError(problem, **params))

    def text(self, field: str, value: Any, *, required: bool = False, max_len: int = 200) -> str:
        text = "" if value is None else str(value).strip()
        if required and not text:
            self.fail(field, Problem.REQUIRED)
        elif len(text) > max_len:
            self.fail(field, Problem.TOO_LONG, maximum=max_len)
        elif contains_bsn(text):
            self.fail(field, Problem.HAS_BSN)
        return text

    def ref(self, field: str, value: Any, *, required: bool = False) -> str:
        """The id of a record picked from a list: required, but not free text. An id is
        not searched for a BSN (a random UUID can hold nine digits that pass the
        elfproef, as in ``…-123456782abc``); the record it names is loaded after."""
        text = "" if value is None else str(value).strip()
        if required and not text:
            self.fail(field, Problem.REQUIRED)
        return text

    def optional_text(self, field: str, value: Any, *, max_len: int = 200) -> str | None:
        text = self.text(field, value, max_len=max_len)
        return text or None

    def email(self, field: str, value: Any) -> str | None:
        text = "" if value is None else str(value).strip()
        if contains_bsn(text):
            self.fail(field, Problem.HAS_BSN)
        elif text and not EMAIL.match(text):
            self.fail(field, Problem.BAD_EMAIL)
        return text or None

    def phone(self, field: str, value: Any) -> str | None:
        text = "" if value is None else str(value).strip()
        if contains_bsn(text):
            self.fail(field, Problem.HAS_BSN)
        elif text and not PHONE.match(text):
            self.fail(field, Problem.BAD_PHONE)
        return text or None

    def code(self, field: str, enum: type[E], value: Any, *, required: bool = True) -> E | None:
        if value is None or value == "":
            if required:
                self.fail(field, Problem.REQUIRED)
            return None
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(m.value for m in enum)
            self.fail(field, Problem.UNKNOWN_VALUE, choices=allowed)
            return None

    def day(self, field: str, value: Any, *, required: bool = False) -> date | None:
        if value is None or value == "":
            if required:
                self.fail(field, Problem.REQUIRED)
            return None
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(field, Problem.BAD_DATE)
            return None

    def number(
        self, field: str, value: Any, *, low: int, high: int, required: bool = False
    ) -> int | None:
        if value is None or value == "":
            if required:
                self.fail(field, Problem.REQUIRED)
            return None
        try:
            n = int(value)
        except (TypeError, ValueError):
            self.fail(field, Problem.NOT_A_WHOLE_NUMBER)
            return None
        if not low <= n <= high:
            self.fail(field, Problem.OUT_OF_RANGE, low=low, high=high)
        return n

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


@event.listens_for(Session, "before_flush")
def _refuse_a_bsn_anywhere(session: Session, _ctx: UOWTransaction, _instances: Any) -> None:
    """Every write of every synced record, whichever use case made it: no free-text
    field may hold a BSN. The checks above say so at the form's field; this one holds
    for the fields a use case fills without a Checker too. Records pulled from the
    server are not written through a session (and the server refuses a BSN itself)."""
    if session.info.get(APPLYING_REMOTE):
        return
    errors: dict[str, FieldError] = {}
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Synced):
            for name in _written_text(obj):
                errors.setdefault(name, FieldError(Problem.HAS_BSN))
    if errors:
        raise ValidationError(errors)


def _written_text(obj: Synced) -> list[str]:
    """The free-text fields of ``obj`` that this flush writes and that hold a BSN."""
    fields = free_text_fields(obj.__sync_entity__)
    if not fields:
        return []
    state = sa.inspect(obj)
    if state.persistent:
        fields = frozenset(n for n in fields if state.attrs[n].history.has_changes())
    return bsn_fields({n: state.dict.get(n) for n in fields})
