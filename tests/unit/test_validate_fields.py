"""``protocol.validate_fields`` gives what the entity model's JSON dump gave (round 6 of
issue 13 dropped the dump): the same values, the same key order, the same refusals."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from spt_common import protocol as p
from spt_common.codes import ENTITY_CODES


def reference(entity: str, values: dict[str, Any], *, full: bool) -> dict[str, Any]:
    """validate_fields as it was before (main 99cf4ed): the model's dump of the fields."""
    model = p.entity_models().get(entity)
    if model is None:
        raise p.InvalidFields(f"onbekende soort gegevens: {entity}")
    try:
        parsed = model.model_validate(values)
    except ValidationError as exc:
        where = sorted({".".join(str(x) for x in e["loc"]) for e in exc.errors()})
        raise p.InvalidFields("ongeldige velden: " + ", ".join(where)) from None
    if full and not p.REQUIRED_SETS[entity].issubset(values):
        missing = [name for name in p.REQUIRED_FIELDS[entity] if name not in values]
        raise p.InvalidFields("ontbrekende velden: " + ", ".join(missing))
    out = parsed.model_dump(mode="json", include=set(values))
    p.refuse_bsn(entity, out)
    for name in p.DATETIME_FIELDS[entity].intersection(out):
        if isinstance(out[name], str):
            out[name] = p._naive_utc(getattr(parsed, name))
    return out


def outcome(fn: Any, entity: str, values: dict[str, Any], full: bool) -> Any:
    try:
        out = fn(entity, values, full=full)
    except p.InvalidFields as exc:
        return ("refused", str(exc))
    return ("ok", list(out.items()))  # the order counts too


ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**33), max_value=2**33),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["111222333", "06-12345678", "tel 111 22 2333", "\x00", "abc_DEF"]),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(
        [
            "2026-10-14T08:00:00+02:00",
            "2026-10-14T08:00:00.5Z",
            "2026-10-14T00:00:00",
            "2026-10-14",
            "2026-1-4",
            "20261014",
            "0099-01-01",
            "2026-10-14 08:00",
        ]
    ),
    st.uuids().map(str),
    st.uuids().map(lambda u: str(u).upper()),
    st.integers(min_value=0, max_value=2_000_000_000),  # unix times for a date
    st.lists(st.integers(), max_size=2),
)


# Values that fit a kind (most of a real push), so the examples are not all refused.
FITTING = {
    "date": st.dates().map(lambda d: d.isoformat()),
    "datetime": st.one_of(
        st.datetimes().map(lambda d: d.isoformat()),
        st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    ),
    "int": st.integers(min_value=-(2**31), max_value=2**31),
    "bool": st.booleans(),
    "ref": st.uuids().map(str),
    "code": st.from_regex(r"[A-Za-z0-9_]{1,40}", fullmatch=True),
    "text": st.text(max_size=30),
}
FITTING.update({f"str{n}": st.text(max_size=n + 2) for n in (20, 40, 100, 150, 200, 300, 320)})
FITTING = {k: st.one_of(v, st.none()) for k, v in FITTING.items()}


@st.composite
def change_fields(draw: Any) -> tuple[str, dict[str, Any], bool]:
    entity = draw(st.sampled_from(sorted(p.ENTITY_FIELDS)))
    names = list(p.ENTITY_FIELDS[entity])
    chosen = draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names)))
    if draw(st.booleans()):
        chosen.sort(key=names.index)  # as a device sends them, mostly
    if draw(st.integers(0, 9)) == 0:
        chosen.append("not_a_field")
    values = {n: draw(st.one_of(FITTING[p.field_kind(fields[n])[0]], ANY_VALUE))
              if (fields := p.ENTITY_FIELDS[entity]).get(n) else draw(ANY_VALUE)
              for n in chosen}  # fmt: skip
    return entity, values, draw(st.booleans())


@settings(max_examples=1500, deadline=None)
@given(change_fields())
def test_validate_fields_is_the_models_json_dump(case: tuple[str, dict[str, Any], bool]) -> None:
    entity, values, full = case
    assert outcome(p.validate_fields, entity, values, full) == outcome(
        reference, entity, values, full
    )


def test_validate_fields_on_whole_records_of_every_entity() -> None:
    """A valid record of each entity in its fields' order and reversed: the same values in
    the model's order, its date and timestamp normalised."""
    samples = {"date": "2026-10-14T00:00:00", "datetime": "2026-10-14T08:00:00+01:00",
               "int": 3, "bool": False, "ref": "6ba18a22-e4f6-4311-bbd9-2fd0d0b3376e",
               "code": "open", "text": "tekst"}  # fmt: skip
    for entity, fields in p.ENTITY_FIELDS.items():
        values = {}
        for name, spec in fields.items():
            kind, _nullable = p.field_kind(spec)
            values[name] = samples.get(kind, "x")
            if kind == "code":  # one of its enum's codes (spt_common.codes)
                values[name] = next(iter(ENTITY_CODES[entity][name])).value
        for order in (values, dict(reversed(list(values.items())))):
            got = outcome(p.validate_fields, entity, order, True)
            assert got == outcome(reference, entity, order, True), entity
            assert got[0] == "ok" and [k for k, _v in got[1]] == list(fields), entity
