"""A sync answer read as plain data (``transport.read_answer``, issue 13 round 7): the
same records, purge, cursor and push results as the ``p.SyncResponse`` model gives, and
an answer that is not one is refused as a coded sync error, not stored."""

from __future__ import annotations

import json
from typing import Any

import pytest

from spt_common import protocol as p
from spt_desktop.sync.transport import MalformedAnswer, SyncError, read_answer

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


def test_an_answer_reads_as_the_model_does() -> None:
    body = json.dumps(_answer()).encode()
    model = p.SyncResponse.model_validate_json(body)
    answer = read_answer(body)
    assert answer.coach_id == model.coach_id
    assert answer.push == model.push
    assert len(answer.pull.records) == len(model.pull.records) == 3
    for raw, rec in zip(answer.pull.records, model.pull.records, strict=True):
        assert raw.get("deleted", False) == rec.deleted
        assert (raw["entity"], raw["id"], raw["rev"], raw["data"]) == (
            rec.entity, rec.id, rec.rev, rec.data,
        )  # fmt: skip
    assert (answer.pull.purge, answer.pull.cursor, answer.pull.more) == (
        model.pull.purge, model.pull.cursor, model.pull.more,
    )  # fmt: skip


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
