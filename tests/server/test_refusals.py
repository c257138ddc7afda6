"""A refusal without a record (``store._forbidden``, ``store._rejected``) is made without
pydantic's validation of each (issue 13, round 15: a first push refuses thousands): the
same ``ChangeResult`` as the validated model, equal, with the same fields set, written
the same (its JSON, its dump, the push's answer); an id that is no text goes by the
model as before."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from spt_common import protocol as p
from spt_server import store

_IDS = st.one_of(st.uuids().map(str), st.text(max_size=40))
_REASONS = st.one_of(st.sampled_from([store.NO_RECEIVER, p.BSN_REFUSED]), st.text(max_size=80))


class _Change:
    """What the refusals read of a change: its id."""

    def __init__(self, rid: object) -> None:
        self.id = rid


def _same(made: p.ChangeResult, validated: p.ChangeResult) -> None:
    assert type(made) is type(validated)
    assert made == validated
    assert made.__dict__ == validated.__dict__
    assert made.model_fields_set == validated.model_fields_set
    assert made.__pydantic_extra__ == validated.__pydantic_extra__
    assert made.__pydantic_private__ == validated.__pydantic_private__
    assert made.model_dump() == validated.model_dump()
    assert made.model_dump(exclude_unset=True) == validated.model_dump(exclude_unset=True)
    for defaults in (True, False):
        dumped = made.model_dump_json(exclude_defaults=defaults)
        assert dumped == validated.model_dump_json(exclude_defaults=defaults)
    assert repr(made) == repr(validated)
    assert store.results_json("b", [made]) == store.results_json("b", [validated])
    assert made.conflicts is not validated.conflicts  # a list of its own, as the default's


@given(_IDS, _REASONS)
def test_a_refusal_is_the_validated_model(rid: str, reason: str) -> None:
    ch = _Change(rid)
    _same(store._forbidden(ch), p.ChangeResult(id=rid, status="forbidden"))  # type: ignore[arg-type]
    _same(
        store._rejected(ch, reason),  # type: ignore[arg-type]
        p.ChangeResult(id=rid, status="rejected", reason=reason, rev=None, record=None),
    )
    # Each its own: a change to one (a result's fields are set after, as a replay's are)
    # does not reach another.
    one, two = store._forbidden(ch), store._forbidden(ch)  # type: ignore[arg-type]
    one.conflicts.append(p.FieldConflict(field="x", yours=None, theirs=None))
    assert two.conflicts == [] and one.model_fields_set is not two.model_fields_set


def _outcome(make: object) -> object:
    try:
        return make()  # type: ignore[operator]
    except ValidationError as exc:
        return type(exc), exc.error_count()


@pytest.mark.parametrize("rid", [7, None, b"id", 1.5])
def test_an_id_that_is_no_text_goes_by_the_model(rid: object) -> None:
    """What the model makes of it (a refusal of the value, or the value as it takes it)."""
    ch = _Change(rid)
    assert _outcome(lambda: store._forbidden(ch)) == _outcome(
        lambda: p.ChangeResult(id=rid, status="forbidden")
    )
    assert _outcome(lambda: store._rejected(ch, "x")) == _outcome(
        lambda: p.ChangeResult(id=rid, status="rejected", reason="x", rev=None, record=None)
    )
