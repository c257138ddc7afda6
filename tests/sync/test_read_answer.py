"""A sync answer read as plain data (``transport.read_answer``, issue 13 rounds 7 and 8):
the same records, purge, cursor and push results as the ``p.SyncResponse`` model gives
(push results with their default fields written, as older servers do, or left out, as
the server does since round 8), and an answer that is not one is refused as a coded sync
error, not stored."""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest

from spt_common import protocol as p
from spt_desktop.sync.transport import MalformedAnswer, SyncError, WireResult, read_answer

ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"


def _answer(**pull: Any) -> dict[str, Any]:
    page = {
        "records": [
            {"entity": "note", "id": ID, "rev": 3, "deleted": False, "data": {"text": "é"}},
            {"entity": "candidate", "id": ID[:-1] + "c", "rev": 4, "deleted": True, "data": {}},
            {"entity": "visit", "id": ID[:-1] + "d", "rev": 5, "data": {"notes": None}},
        ],
        "purge": [ID[:-1] + "c"],
        "cursor": "17",
        "more": True,
    }
    page.update(pull)
    push = {
        "batch_id": ID,
        "results": [{"id": ID, "status": "conflict", "rev": 3,
                     "conflicts": [{"field": "text", "yours": "a", "theirs": "b"}]}],
    }  # fmt: skip
    return {"protocol": p.PROTOCOL_VERSION, "coach_id": ID, "push": push, "pull": page}


def _results() -> list[p.ChangeResult]:
    """A result of every kind, as a server holds them."""
    record = p.Record(entity="note", id=ID, rev=9, data={"text": "x", "visit_id": None})
    gone = p.Record(entity="note", id=ID[:-1] + "e", rev=10, deleted=True, data={})
    return [
        p.ChangeResult(id=ID[:-1] + "1", status="applied", rev=4),
        p.ChangeResult(id=ID[:-1] + "2", status="applied"),  # made and deleted offline
        p.ChangeResult(id=ID[:-1] + "3", status="conflict", rev=5, conflicts=[
            p.FieldConflict(field="phone", yours="06", theirs=None),
            p.FieldConflict(field="city", yours=None, theirs="Hoorn"),
        ]),
        p.ChangeResult(id=ID, status="rejected", rev=9, reason="ongeldige velden: x",
                       record=record),
        p.ChangeResult(id=ID[:-1] + "e", status="gone", rev=10, record=gone),
        p.ChangeResult(id=ID[:-1] + "f", status="forbidden"),
    ]  # fmt: skip


_RESULT_DEFAULTS = {"rev": None, "conflicts": [], "reason": None, "record": None}


def _model(result: WireResult) -> p.ChangeResult:
    """A result as read, as the model the server wrote it from."""
    return p.ChangeResult.model_validate(msgspec.to_builtins(result))


def _with_push(push: dict[str, Any]) -> bytes:
    return json.dumps({**_answer(), "push": push}).encode()


def test_an_answer_reads_as_the_model_does() -> None:
    body = json.dumps(_answer()).encode()
    model = p.SyncResponse.model_validate_json(body)
    answer = read_answer(body)
    assert answer.coach_id == model.coach_id
    assert answer.push is not None and model.push is not None
    assert answer.push.batch_id == model.push.batch_id
    assert [_model(r) for r in answer.push.results] == model.push.results
    assert len(answer.pull.records) == len(model.pull.records) == 3
    for raw, rec in zip(answer.pull.records, model.pull.records, strict=True):
        assert raw.get("deleted", False) == rec.deleted
        assert (raw["entity"], raw["id"], raw["rev"], raw["data"]) == (
            rec.entity, rec.id, rec.rev, rec.data,
        )  # fmt: skip
    assert (answer.pull.purge, answer.pull.cursor, answer.pull.more) == (
        model.pull.purge, model.pull.cursor, model.pull.more,
    )  # fmt: skip


@pytest.mark.parametrize("defaults", [True, False], ids=["older server", "defaults left out"])
def test_push_results_read_as_the_model_does(defaults: bool) -> None:
    """Each push result comes back as a ``WireResult`` (no model made) holding what
    its JSON holds, the fields left out at their defaults, and means what the model
    means, whether the server wrote its default fields or not."""
    result = p.PushResult(batch_id=ID, results=_results(), replayed=True)
    written = result.model_dump(mode="json", exclude_defaults=not defaults)
    assert ("reason" in written["results"][0]) is defaults
    answer = read_answer(_with_push(written))
    assert answer.push is not None and answer.push.replayed is True
    assert all(type(r) is WireResult for r in answer.push.results)
    # What was written, what was left out at its default; a record as it was written.
    held = [
        {
            **_RESULT_DEFAULTS,
            **w,
            "conflicts": [{"yours": None, "theirs": None, **c} for c in w.get("conflicts", [])],
        }
        for w in written["results"]
    ]
    assert msgspec.to_builtins(answer.push.results) == held
    assert [_model(r) for r in answer.push.results] == result.results
    no_push = read_answer(json.dumps({**_answer(), "push": None}).encode())
    assert no_push.push is None


@pytest.mark.parametrize(
    "bad",
    [
        {"records": [{"entity": "note", "id": ID, "rev": "3", "data": {}}]},  # rev a string
        {"records": [{"entity": "note", "id": ID, "rev": 3, "data": []}]},  # data a list
        {"records": [{"entity": "note", "id": 7, "rev": 3, "data": {}}]},  # id a number
        {"records": [{"entity": "note", "rev": 3, "data": {}}]},  # no id
        {"records": [{"entity": "note", "id": ID, "rev": 3, "data": {}, "x": 1}]},  # unknown
        {"records": [{"entity": "note", "id": ID, "rev": 3, "deleted": 1, "data": {}}]},
        {"records": ["note"]},
        {"cursor": None},
        {"records": {}},
    ],
)
def test_an_answer_that_is_not_one_is_a_sync_error(bad: dict[str, Any]) -> None:
    with pytest.raises(MalformedAnswer) as caught:
        read_answer(json.dumps(_answer(**bad)).encode())
    assert isinstance(caught.value, SyncError)
    with pytest.raises(MalformedAnswer):
        read_answer(b'{"coach_id": "x", "pull": ')  # not JSON at all


_OK = {"id": ID, "status": "applied", "rev": 3}


@pytest.mark.parametrize(
    "bad",
    [
        {"batch_id": ID, "results": [{**_OK, "rev": "3"}]},  # rev a string
        {"batch_id": ID, "results": [{**_OK, "rev": 3.0}]},  # rev a float
        {"batch_id": ID, "results": [{**_OK, "rev": True}]},  # rev a bool
        {"batch_id": ID, "results": [{**_OK, "status": "done"}]},  # no such status
        {"batch_id": ID, "results": [{**_OK, "status": ["applied"]}]},  # unhashable
        {"batch_id": ID, "results": [{"status": "applied", "rev": 3}]},  # no id
        {"batch_id": ID, "results": [{**_OK, "id": 7}]},  # id a number
        {"batch_id": ID, "results": [{**_OK, "x": 1}]},  # unknown field
        {"batch_id": ID, "results": [{**_OK, "conflicts": {}}]},  # conflicts not a list
        {"batch_id": ID, "results": [{**_OK, "conflicts": [{"yours": 1}]}]},  # no field
        {"batch_id": ID, "results": [{**_OK, "conflicts": [{"field": "a", "x": 1}]}]},
        {"batch_id": ID, "results": [{**_OK, "conflicts": ["a"]}]},
        {"batch_id": ID, "results": [{**_OK, "reason": 5}]},  # reason not text
        {"batch_id": ID, "results": [{**_OK, "record": {"entity": "note", "id": ID}}]},
        {"batch_id": ID, "results": [{**_OK, "record": []}]},
        {"batch_id": ID, "results": ["applied"]},
        {"batch_id": ID, "results": {}},
        {"results": [_OK]},  # no batch id
        {"batch_id": ID, "results": [_OK], "extra": 1},
    ],
)
def test_push_results_that_are_not_ones_are_a_sync_error(bad: dict[str, Any]) -> None:
    """Each malformed push result is the coded ``MalformedAnswer`` (a ``SyncError``):
    what the ``p.ChangeResult`` model refused, the type checks refuse."""
    with pytest.raises(MalformedAnswer) as caught:
        read_answer(_with_push(bad))
    assert isinstance(caught.value, SyncError)
    assert read_answer(_with_push({"batch_id": ID, "results": [_OK]})).push is not None
