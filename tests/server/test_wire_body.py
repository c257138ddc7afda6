"""``spt_server.wire.parse_sync`` (msgspec, round 11 of issue 13) reads every body as
``protocol.parse_sync`` does: the bodies it takes itself are exactly those the one pass
of pydantic-core takes as they are, with the same values (each change's fields in the
entity's order); every other body it hands to ``protocol.parse_sync``. So the same bodies
are refused, and per change the same fields, refusals and normalised values come out,
whichever way a body went (tests/unit/test_sync_body.py holds ``protocol.parse_sync`` to
the two-pass way)."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from spt_common import protocol as p
from spt_server import wire
from tests.unit.test_sync_body import body, fields_outcome, fitting_change, whole


def read(fn: Any, raw: bytes) -> Any:
    """What the server takes from ``raw`` read by ``fn``: refused, or the request's
    values and per change its values and both outcomes of its fields (insert, update),
    its fields checked as the server checks them (``store._valid``)."""
    try:
        got = fn(raw)
    except ValidationError:
        return "422"
    head = (type(got).__name__, got.cursor, got.limit)
    if got.batch is None:
        return head, None
    changes = [
        (ch.entity, ch.id, ch.op, ch.base_rev, list(ch.fields.items()), checked,
         *(fields_outcome(ch.entity, ch.fields, full, checked) for full in (True, False)))
        for ch in got.batch.changes
        for checked in [not isinstance(ch, p.Change)]
    ]  # fmt: skip
    return head, got.batch.batch_id, changes


def read_here(raw: bytes) -> p.AnySync:
    """``wire.parse_sync``, failing the test when it hands the body on."""
    original = p.parse_sync

    def handed_on(_raw: bytes | str) -> p.AnySync:
        raise AssertionError("handed on")

    p.parse_sync = handed_on
    try:
        return wire.parse_sync(raw)
    finally:
        p.parse_sync = original


def taken_here(raw: bytes) -> bool:
    try:
        read_here(raw)
    except AssertionError:
        return False
    except ValidationError:  # pragma: no cover - handed on and refused
        return False
    return True


def as_wire(changes: list[dict[str, Any]], **extra: Any) -> bytes:
    sent = {"batch": {"batch_id": str(uuid.uuid4()), "changes": changes}, **extra}
    return json.dumps(sent).encode()


@settings(max_examples=400, deadline=None)
@given(body())
def test_a_body_reads_as_the_one_pass_reads_it(sent: dict[str, Any]) -> None:
    raw = json.dumps(sent).encode()
    assert read(wire.parse_sync, raw) == read(p.parse_sync, raw)


@settings(max_examples=400, deadline=None)
@given(st.lists(fitting_change(), min_size=1, max_size=3), st.randoms(use_true_random=False))
def test_fitting_changes_read_as_the_one_pass_reads_them(
    changes: list[dict[str, Any]], rnd: Any
) -> None:
    """Fields of the wire's forms (sometimes another value among them), sent in any
    order: taken here exactly when the one pass takes them, with the same values."""
    for change in changes:
        names = list(change["fields"])
        rnd.shuffle(names)
        change["fields"] = {n: change["fields"][n] for n in names}
    raw = as_wire(changes)
    assert read(wire.parse_sync, raw) == read(p.parse_sync, raw)
    assert taken_here(raw) == isinstance(p.parse_sync(raw), p.CheckedSync)


def test_whole_records_of_every_entity_are_read_here() -> None:
    raw = as_wire([whole(entity) for entity in p.ENTITY_FIELDS], cursor="12", limit=0)
    got = read_here(raw)
    assert isinstance(got, p.CheckedSync) and got.batch is not None
    assert all(isinstance(ch, wire.WireChange) for ch in got.batch.changes)
    assert [ch.entity for ch in got.batch.changes] == list(p.ENTITY_FIELDS)
    assert read(wire.parse_sync, raw) == read(p.parse_sync, raw)


ID = "6ba18a22-e4f6-4311-bbd9-2fd0d0b3376e"


@pytest.mark.parametrize(
    ("value", "here"),
    [
        (ID, True),
        (ID.upper(), False),  # the pattern's digits are lower case
        (ID.replace("-", "x", 1), False),
        (ID[:8] + ID[9:] + "-", False),  # a dash out of place, four in all
        (ID[:35] + "g", False),
        (ID[:35] + "é", False),  # not ASCII
        (ID[:35] + "\n", False),  # 36 long with a line end
        (ID[:35], False),
        (ID + "0", False),
        ("-" * 36, False),
    ],
)
def test_an_id_or_reference(value: str, here: bool) -> None:
    """An id of the pattern's form only is read here; the one pass judges the others
    (refused or not, the same outcome either way)."""
    for change in (
        whole("goal", plan_id=value),  # a reference
        {**whole("goal"), "id": value},  # the record's own id
    ):
        raw = as_wire([whole("goal"), change])
        assert taken_here(raw) is here
        assert read(wire.parse_sync, raw) == read(p.parse_sync, raw)
    raw = json.dumps({"batch": {"batch_id": value, "changes": []}}).encode()
    assert taken_here(raw) is here
    assert read(wire.parse_sync, raw) == read(p.parse_sync, raw)


@pytest.mark.parametrize(
    ("value", "here"),
    [
        ("2024-02-29", True),  # a leap day
        ("2026-02-29", False),  # no such day: two passes, refused as before
        ("0000-01-01", False),  # no year 0
        ("2000-02-29", True),
        ("1900-02-29", False),
        ("2026-10-14\n", False),
        ("2026-10-1\n", False),  # 10 long, a line end
        ("2026-W42-3", False),  # 10 long, an ISO week day
        ("2026-10-14T00:00:00", False),  # another form: two passes
        (1_760_400_000, False),
        (None, False),  # not null: refused as before
    ],
)
def test_a_date(value: Any, here: bool) -> None:
    for _ in range(2):  # the second time its day is known (wire._DAYS)
        raw = as_wire([whole("consent", recorded_on=value), whole("consent")])
        assert taken_here(raw) is here
        assert read(wire.parse_sync, raw) == read(p.parse_sync, raw)
    raw = as_wire([whole("consent", withdrawn_on=None)])  # nullable
    assert taken_here(raw)


@pytest.mark.parametrize(
    "value",
    ["2026-10-14T08:00:00", "2026-10-14T08:00:00.123456", "2026-10-14T08:00:00.000000",
     "2026-10-14T24:00:00", "2026-10-14T08:00:00Z", "2026-10-14T08:00:00.5",
     "2026-10-14T08:00:00\n"],
)  # fmt: skip
def test_a_timestamp(value: str) -> None:
    raw = as_wire([whole("note", written_at=value)])
    assert taken_here(raw) == isinstance(p.parse_sync(raw), p.CheckedSync)
    assert read(wire.parse_sync, raw) == read(p.parse_sync, raw)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"cursor":"12\\n"}',
        b'{"cursor":"12:ab-12"}',
        b'{"cursor":"\\ud800"}',
        b'{"cursor":"1","cursor":"2"}',
        b'{"limit":-0}',
        b'{"limit":1E2}',
        b'{"limit":10} x',
        b'\xef\xbb\xbf{"limit":10}',
        b'{"limit":NaN}',
        b"{}",
        b"[]",
        b"null",
        b'{"batch":null}',
        b'{"batch":{"batch_id":"%s","changes":[]}}' % ID.encode(),
        b'{"batch":{"batch_id":"%s","changes":[{"entity":"goal","id":"%s","op":"upsert",'
        b'"fields":{"position":1,"position":2,"description":"a","description":"b"}}]}}'
        % (ID.encode(), ID.encode()),
        b'{"batch":{"batch_id":"%s","changes":[{"entity":"goal","entity":"plan","id":"%s",'
        b'"op":"upsert"}]}}' % (ID.encode(), ID.encode()),
        b'{"batch":{"batch_id":"%s","changes":[{"id":"%s","op":"delete","entity":"goal",'
        b'"base_rev":9007199254740991}]}}' % (ID.encode(), ID.encode()),
        b'{"batch":{"batch_id":"%s","changes":[{"id":"%s","op":"delete","entity":"goal",'
        b'"base_rev":9007199254740992}]}}' % (ID.encode(), ID.encode()),
        b'{"batch":{"batch_id":"%s","changes":[{"id":"%s","op":"delete","entity":"goal",'
        b'"base_rev":1.0}]}}' % (ID.encode(), ID.encode()),
        b'{"batch":{"batch_id":"%s","changes":[{"id":"%s","op":"upsert","entity":"goal",'
        b'"fields":{"description":"x\\u0000y\\ud800"}}]}}' % (ID.encode(), ID.encode()),
        b'{"batch":{"batch_id":"%s","changes":[{"id":"%s","op":"upsert","entity":"goal",'
        b'"fields":null}]}}' % (ID.encode(), ID.encode()),
        b'{"batch":{"batch_id":"%s","changes":[{"id":"%s","op":"upsert","entity":"goal",'
        b'"fields":{"wat":1}}]}}' % (ID.encode(), ID.encode()),
        b'{"batch":{"batch_id":"%s","changes":[{"id":"%s","op":"upsert","entity":"nope"}]}}'
        % (ID.encode(), ID.encode()),
    ],
)
def test_bodies_at_the_edges(raw: bytes) -> None:
    """Duplicate keys (the last counts, in both), escapes, numbers, what is no body."""
    assert read(wire.parse_sync, raw) == read(p.parse_sync, raw)


def test_a_batch_of_the_largest_size_and_one_more() -> None:
    changes = [whole("goal") for _ in range(p.MAX_BATCH_TAKEN)]
    assert taken_here(as_wire(changes))
    raw = as_wire([*changes, whole("goal")])
    assert read(wire.parse_sync, raw) == read(p.parse_sync, raw) == "422"


def test_text_lengths_count_characters() -> None:
    """``str200`` is 200 characters, however many bytes (as pydantic-core counts)."""
    for text, here in (("é" * 200, True), ("😀" * 200, True), ("é" * 201, False)):
        raw = as_wire([whole("action", owner=text)])
        assert taken_here(raw) is here
        assert read(wire.parse_sync, raw) == read(p.parse_sync, raw)


TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=20) | st.sampled_from(
    ["\u2028\u2029", "\x7f\x00\x1f", "😀", "<>&'/\\\"", "\ufeff"]
)
VALUE = st.none() | st.booleans() | st.integers(-(2**31), 2**31) | TEXT


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(TEXT, VALUE, max_size=8))
def test_a_records_data_is_written_as_pydantic_core_wrote_it(data: dict[str, Any]) -> None:
    """``store.data_json`` (msgspec's writer since round 11): the text ``to_json`` wrote,
    so the stored records' JSON does not change with the writer."""
    from pydantic_core import to_json

    from spt_server import store

    assert store.data_json(data) == to_json(data).decode()


def test_a_lone_surrogate_is_written_by_json() -> None:
    from spt_server import store

    assert store.data_json({"a": "\ud800"}) == json.dumps({"a": "\ud800"})


ID_TEXT = st.text(alphabet="0123456789abcdefABG-\n é", min_size=36, max_size=36)


@settings(max_examples=500, deadline=None)
@given(st.lists(ID_TEXT | st.uuids().map(str), min_size=1, max_size=5))
def test_ids_are_checked_at_once_as_the_pattern_checks_each(ids: list[str]) -> None:
    import re

    each = all(re.fullmatch(p.UUID_PATTERN[1:-1], i) for i in ids)
    assert wire._ids_ok(ids) is each


@settings(max_examples=300, deadline=None)
@given(st.sets(st.text(alphabet="0123456789-W\n", min_size=10, max_size=10) | st.none()))
def test_days_are_checked_once_as_the_pattern_checks_each(days: set[str | None]) -> None:
    import re

    each = all(d is None or re.fullmatch(p._WIRE_DATE[1:-1], d) for d in days)
    wire._DAYS.clear()
    assert wire._days_ok(set(days)) is each
    assert wire._days_ok(set(days)) is each  # known the second time


MOMENT_TEXT = st.text(alphabet="0123456789-T:.\nZ", min_size=19, max_size=26)


@settings(max_examples=500, deadline=None)
@given(st.lists(MOMENT_TEXT | st.datetimes().map(lambda d: d.isoformat()) | st.none(), max_size=5))
def test_timestamps_are_checked_at_once_as_the_pattern_checks_each(
    moments: list[str | None],
) -> None:
    """Round 15: the batch's timestamps by one match of them joined, as msgspec's pattern
    checked each (a line end in one cannot make two)."""
    import re

    each = all(m is None or re.match(wire._anchored(p._WIRE_DATETIME), m) for m in moments)
    assert wire._moments_ok(moments) is each


def written(raw: bytes) -> list[tuple[str, str, str] | None]:
    """Per change read here, its data column as written from the struct its fields were
    read into (``store.data_jsons`` of its ``shape``), as ``data_json`` writes its dict,
    and which reading took it (``new``: every field required, ``change``: any left out);
    None for a body handed on."""
    from spt_server import store

    got = wire.parse_sync(raw)
    if not isinstance(got, p.CheckedSync) or got.batch is None:
        return [None]
    changes = got.batch.changes
    assert all(isinstance(ch, wire.WireChange) for ch in changes)
    fields = [ch.fields for ch in changes]
    shapes = [ch.shape for ch in changes]  # type: ignore[attr-defined]
    one_by_one = [store.data_jsons([s], [f])[0] for s, f in zip(shapes, fields, strict=True)]
    assert store.data_jsons(shapes, fields) == one_by_one
    return [
        (text, store.data_json(ch.fields), type(ch).__name__.rsplit("_", 1)[1])
        for text, ch in zip(one_by_one, changes, strict=True)
    ]


@settings(max_examples=400, deadline=None)
@given(st.lists(fitting_change(), min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_the_data_written_of_the_struct_is_the_dicts(
    changes: list[dict[str, Any]], rnd: Any
) -> None:
    """Round 15: a new record's data column is written of the struct its fields were
    read into, the same text byte for byte as ``data_json`` of the dict ``parse_sync``
    hands on; whichever reading took the body (all fields sent or some left out), with
    its fields sent in any order, spaced, escaped, with any text."""
    for change in changes:
        names = list(change["fields"])
        rnd.shuffle(names)
        change["fields"] = {n: change["fields"][n] for n in names}
    sent = {"batch": {"batch_id": str(uuid.uuid4()), "changes": changes}}
    for raw in (
        json.dumps(sent).encode(),
        json.dumps(sent, ensure_ascii=False, indent=1).encode("utf-8", "surrogatepass"),
    ):
        for each in written(raw):
            assert each is None or each[0] == each[1]


def test_whole_records_are_read_with_every_field_required() -> None:
    """Records that name every field of their entity (a first push's) are read the
    first way; a body with one that leaves one out, the second; the same values and
    the same data text either way."""
    texts = ["tekst", "é😀", 'a"b\\c\n\x00\x7f\u2028', "\ufeff/", " spaced "]
    every = [whole(entity) for entity in p.ENTITY_FIELDS]
    every += [whole("note", text=t) for t in texts]
    raw = as_wire(every)
    got = written(raw)
    assert {w[2] for w in got if w} == {"new"} and all(w and w[0] == w[1] for w in got)
    assert read(wire.parse_sync, raw) == read(p.parse_sync, raw)
    some = {**whole("goal"), "fields": {"position": 1}}
    for changes in ([*every, some], [some, *every]):
        raw = as_wire(changes)
        got = written(raw)
        assert {w[2] for w in got if w} == {"change"} and all(w and w[0] == w[1] for w in got)
        assert read(wire.parse_sync, raw) == read(p.parse_sync, raw)
    # A lone surrogate (no body brings one: both readings refuse it): msgspec cannot
    # write it, every one goes through data_json (json.dumps for that one).
    import msgspec

    from spt_server import store

    got_sync = wire.parse_sync(as_wire([whole("note")]))
    assert isinstance(got_sync, p.CheckedSync) and got_sync.batch is not None
    fine = got_sync.batch.changes[0].shape  # type: ignore[attr-defined]
    odd = msgspec.structs.replace(fine, text="\ud800")
    dicts = [msgspec.structs.asdict(odd), msgspec.structs.asdict(fine)]
    assert store.data_jsons([odd, fine], dicts) == [json.dumps(dicts[0]), store.data_json(dicts[1])]


def test_a_fields_key_of_the_servers_own_is_handed_on() -> None:
    """``_fields`` (the name the struct keeps the dict under) sent is no field here."""
    raw = as_wire([{**whole("goal"), "_fields": {}}])
    assert not taken_here(raw)
    assert read(wire.parse_sync, raw) == read(p.parse_sync, raw)
