"""A push's answer written by ``store.results_json`` (round 6 of issue 13: a change
applied as sent is kept as its id and revision, not as a ``ChangeResult``): the same
JSON as pydantic writes for the ``PushResult``, and the same result kept for a replay
(without content), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common import protocol as p
from spt_server import store
from spt_server.db import Batch
from tests.server.test_store_bulk import World, batch, mixed_batch, note
from tests.support.server_kit import Admin, candidate_change, uid


def content_free(result: p.PushResult) -> dict[str, Any]:
    """The result as the server kept it before round 6 (``_without_content`` of main
    12f3504): a refused record's stub without data, conflicts by field name only."""
    out = result.model_dump(mode="json")
    for r in out["results"]:
        if r["record"] is not None:
            r["record"]["data"] = {}
        r["conflicts"] = [{"field": c["field"], "yours": None, "theirs": None}
                          for c in r["conflicts"]]  # fmt: skip
    return out


def test_the_answer_is_the_push_results_json_and_the_replay_keeps_it(admin: Admin) -> None:
    w = World(admin)
    b, expected = mixed_batch(w)
    with Session(w.engine) as s, s.begin():
        pushed = store.push_answer(s, w.anna, b)
    result = pushed.result()
    assert [r.status for r in result.results] == expected
    assert any(isinstance(r, tuple) for r in pushed.results)  # most went the short way
    assert pushed.json == result.model_dump_json()
    assert p.PushResult.model_validate_json(pushed.json) == result
    with Session(w.engine) as s:
        kept = s.scalars(sa.select(Batch.result).where(Batch.id == b.batch_id)).one()
    assert json.loads(kept) == content_free(result)
    assert any(r["conflicts"] for r in json.loads(kept)["results"])  # stripped, kept
    with Session(w.engine) as s, s.begin():
        again = store.push_answer(s, w.anna, b)
    assert again.replayed and again.json == again.result().model_dump_json()
    assert [r.model_dump() for r in again.result().results] == [
        r.model_dump() for r in result.results
    ]


def test_a_batch_applied_as_sent_is_kept_as_its_answer(admin: Admin) -> None:
    w = World(admin)
    cand = uid()
    b = batch(candidate_change(cand), *(note(cand, w.anna_id) for _ in range(5)))
    with Session(w.engine) as s, s.begin():
        pushed = store.push_answer(s, w.anna, b)
    assert all(isinstance(r, tuple) for r in pushed.results)
    with Session(w.engine) as s:
        kept = s.scalars(sa.select(Batch.result).where(Batch.id == b.batch_id)).one()
    assert kept == pushed.json == pushed.result().model_dump_json()


def test_results_json_writes_what_pydantic_writes() -> None:
    record = p.Record(entity="note", id=uid(), rev=7, data={"text": 'a "quote" \u00e9\n'})
    results: list[store.Outcome] = [
        (uid(), 12),
        (uid(), None),
        p.ChangeResult(id=uid(), status="forbidden"),
        p.ChangeResult(
            id='odd"id\\', status="rejected", reason="ongeldige velden: x", record=record
        ),
        p.ChangeResult(
            id=uid(),
            status="conflict",
            rev=3,
            conflicts=[p.FieldConflict(field="phone", yours="06", theirs=None)],
        ),
    ]
    for replayed in (False, True):
        for batch_id in (uid(), 'odd "batch"'):
            written = store.results_json(batch_id, results, replayed)
            model = store.Pushed(batch_id, results, written, replayed).result()
            assert written == model.model_dump_json()
