"""``protocol.parse_sync`` (round 7 of issue 13: the body and each change's fields in one
pass of pydantic-core) reads every body as the two-pass way did: ``SyncRequest`` first,
``validate_fields`` per change after. The same bodies refused (a 422), the same values,
and per change the same fields, refusals and normalised values, whichever way a body
went."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from spt_common import protocol as p
from spt_common.codes import ENTITY_CODES
from tests.unit.test_validate_fields import ANY_VALUE, FITTING, change_fields


def fields_outcome(entity: str, values: dict[str, Any], full: bool, checked: bool) -> Any:
    try:
        out = p.validate_fields(entity, values, full=full, checked=checked)
    except p.InvalidFields as exc:
        return ("refused", str(exc))
    return ("ok", list(out.items()))  # the order counts too


def read(fn: Any, raw: bytes) -> Any:
    """What the server takes from ``raw`` read by ``fn``: refused, or the request's
    values and per change its values and both outcomes of its fields (insert, update)."""
    try:
        body = fn(raw)
    except ValidationError:
        return "422"
    head = (body.cursor, body.limit)
    if body.batch is None:
        return head, None
    changes = [
        (ch.entity, ch.id, ch.op, ch.base_rev, dict(ch.fields),
         *(fields_outcome(ch.entity, ch.fields, full, isinstance(ch, p.CheckedChange))
           for full in (True, False)))
        for ch in body.batch.changes
    ]  # fmt: skip
    return head, body.batch.batch_id, changes


def two_pass(raw: bytes) -> p.SyncRequest:
    return p.SyncRequest.model_validate_json(raw)


ID = st.one_of(st.uuids().map(str), st.sampled_from(["x", str(uuid.UUID(int=1)).upper(), 5]))
REVISION = st.one_of(
    st.none(), st.integers(0, 2**53), st.sampled_from([5.0, -1, True, 2**53, 5.5, "5"])
)


@st.composite
def change(draw: Any) -> dict[str, Any]:
    entity, values, _full = draw(change_fields())
    out: dict[str, Any] = {
        "entity": draw(st.one_of(st.just(entity), st.sampled_from(["nope", "coach"]))),
        "id": draw(ID),
        "op": draw(st.sampled_from(["upsert", "upsert", "delete", "remove"])),
    }
    if draw(st.booleans()):
        out["base_rev"] = draw(REVISION)
    if values or draw(st.booleans()):
        out["fields"] = values
    if draw(st.integers(0, 19)) == 0:
        out["extra"] = 1
    return out


@st.composite
def body(draw: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if draw(st.integers(0, 5)):
        out["batch"] = {"batch_id": draw(ID), "changes": draw(st.lists(change(), max_size=4))}
    elif draw(st.booleans()):
        out["batch"] = None
    if draw(st.booleans()):
        out["cursor"] = draw(st.sampled_from([None, "0", "12:ab-12", "x", "1" * 19]))
    if draw(st.booleans()):
        out["limit"] = draw(st.sampled_from([0, 1, 2000, 2001, 5.0, -1, True]))
    return out


@settings(max_examples=300, deadline=None)
@given(body())
def test_a_body_reads_as_in_two_passes(sent: dict[str, Any]) -> None:
    raw = json.dumps(sent).encode()
    assert read(p.parse_sync, raw) == read(two_pass, raw)


# Fields that fit, the wire's dates and timestamps among them: the one pass takes them.
WIRE = {
    **FITTING,
    "date": st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
    "datetime": st.one_of(st.none(), st.datetimes().map(lambda d: d.isoformat())),
}


@st.composite
def fitting_change(draw: Any) -> dict[str, Any]:
    entity = draw(st.sampled_from(sorted(p.ENTITY_FIELDS)))
    fields = p.ENTITY_FIELDS[entity]
    names = draw(st.lists(st.sampled_from(list(fields)), unique=True))
    values = {n: draw(st.one_of(WIRE[p.field_kind(fields[n])[0]], ANY_VALUE))
              if draw(st.integers(0, 9)) == 0 else draw(WIRE[p.field_kind(fields[n])[0]])
              for n in names}  # fmt: skip
    return {"entity": entity, "id": str(draw(st.uuids())), "op": "upsert", "fields": values}


@settings(max_examples=300, deadline=None)
@given(st.lists(fitting_change(), min_size=1, max_size=3))
def test_fitting_changes_read_as_in_two_passes(changes: list[dict[str, Any]]) -> None:
    raw = json.dumps({"batch": {"batch_id": str(uuid.uuid4()), "changes": changes}}).encode()
    assert read(p.parse_sync, raw) == read(two_pass, raw)


def whole(entity: str, **given: Any) -> dict[str, Any]:
    samples = {"date": "2026-10-14", "datetime": "2026-10-14T08:00:00", "int": 3,
               "bool": False, "ref": "6ba18a22-e4f6-4311-bbd9-2fd0d0b3376e", "code": "open",
               "text": "tekst"}  # fmt: skip
    values = {n: samples.get(p.field_kind(s)[0], "x") for n, s in p.ENTITY_FIELDS[entity].items()}
    for name, codes in ENTITY_CODES.get(entity, {}).items():  # one of its enum's codes
        values[name] = next(iter(codes)).value
    return {"entity": entity, "id": str(uuid.uuid4()), "op": "upsert", "fields": values | given}


def test_whole_records_of_every_entity_take_the_one_pass() -> None:
    changes = [whole(entity) for entity in p.ENTITY_FIELDS]
    raw = json.dumps({"batch": {"batch_id": str(uuid.uuid4()), "changes": changes}}).encode()
    got = p.parse_sync(raw)
    assert isinstance(got, p.CheckedSync) and got.batch is not None
    assert all(isinstance(ch, p.CheckedChange) for ch in got.batch.changes)
    assert read(p.parse_sync, raw) == read(two_pass, raw)


@pytest.mark.parametrize(
    ("field", "value", "checked"),
    [
        ("recorded_on", "2024-02-29", True),  # a leap day
        ("recorded_on", "2026-02-29", False),  # no such day: two passes, refused as before
        ("recorded_on", "0000-01-01", False),  # no year 0
        ("recorded_on", "2000-02-29", True),  # divisible by 400: a leap year
        ("recorded_on", "1900-02-29", False),  # by 100, not by 400: none
        ("recorded_on", "2026-10-14T00:00:00", False),  # another form: two passes
        ("recorded_on", 1_760_400_000, False),
    ],
)
def test_a_consents_date(field: str, value: Any, checked: bool) -> None:
    """Real days of the wire's form the one pass takes as text, as they are; no such
    day and other forms are read the two-pass way: the same outcome either way."""
    raw = json.dumps(
        {"batch": {"batch_id": str(uuid.uuid4()), "changes": [whole("consent", **{field: value})]}}
    ).encode()
    got = p.parse_sync(raw)
    assert got.batch is not None
    assert isinstance(got.batch.changes[0], p.CheckedChange) is checked
    assert read(p.parse_sync, raw) == read(two_pass, raw)


@pytest.mark.parametrize(
    "value",
    ["2026-10-14T08:00:00.000000", "2026-10-14T08:00:00.123456", "2026-10-14T24:00:00",
     "2026-10-14T08:00:00Z", "2026-10-14T08:00:00.5"],
)  # fmt: skip
def test_a_notes_timestamp(value: str) -> None:
    """A timestamp written otherwise than ``_naive_utc`` writes it is corrected, as
    before (the device is sent the stored form): the same outcome either way."""
    raw = json.dumps(
        {"batch": {"batch_id": str(uuid.uuid4()), "changes": [whole("note", written_at=value)]}}
    ).encode()
    assert read(p.parse_sync, raw) == read(two_pass, raw)


def test_the_one_pass_takes_exactly_the_real_days_and_times_of_the_wires_form() -> None:
    """Its date pattern admits a text of the wire's form exactly when it is a real day
    (every year, month 00-13 and day 00-32 of them), its timestamp pattern the times
    ``datetime.fromisoformat(...).isoformat()`` gives back unchanged: ``validate_fields``
    then takes them as they are, without looking at them again."""
    import re
    from datetime import date, datetime

    day, moment = re.compile(p._WIRE_DATE), re.compile(p._WIRE_DATETIME)

    def real(text: str) -> bool:
        try:
            date.fromisoformat(text)
        except ValueError:
            return False
        return True

    wrong = [
        text
        for y in range(10_000)
        for m in range(14)
        for d in (0, 1, 28, 29, 30, 31, 32)
        if real(text := f"{y:04d}-{m:02d}-{d:02d}") != bool(day.match(text))
    ]
    assert wrong == []

    def as_is(text: str) -> bool:
        try:
            return datetime.fromisoformat(text).isoformat() == text
        except ValueError:
            return False

    times = [f"2024-02-29T{h:02d}:{mi:02d}:{s:02d}{f}" for h in (0, 9, 23, 24)
             for mi in (0, 59, 60) for s in (0, 59, 60)
             for f in ("", ".000000", ".000001", ".100000", ".999999", ".5")]  # fmt: skip
    times += ["2026-02-29T08:00:00", "0000-01-01T08:00:00"]
    assert [t for t in times if as_is(t) != bool(moment.match(t))] == []
