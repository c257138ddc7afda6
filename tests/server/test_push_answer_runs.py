"""A push answer in the compact form (issue 13, round 19: ``p.HEADER_PUSH_ANSWER``): the
changes applied as sent as runs of positions in the batch (``p.PushResult.applied``),
every other change's ``ChangeResult`` as before. It stands for the long answer exactly
(``p.expanded``), is kept so for a replay with the digest of the batch's ids, and a
replay answers in the form asked, the same results, whichever form was kept; a batch
sent again with other changes under an id kept compact is refused. Asked through every
way into ``/sync`` (the protocol's own ``SyncEntry``, ``SyncFastPath``, the route); a
client that does not ask gets the long form (tests/server/test_push_answer.py pins its
bytes). On SQLite and PostgreSQL."""

from __future__ import annotations

import json
import uuid
from itertools import pairwise
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from spt_common import encoding
from spt_common import protocol as p
from spt_server import store
from spt_server.db import Batch, Record
from tests.server.test_push_answer import RESULT
from tests.server.test_store_bulk import World, batch, mixed_batch, note
from tests.support.server_kit import PASSWORD, Admin, LiveServer, candidate_change, uid

SYNC = f"{p.API_PREFIX}/sync"


def ids_of(b: p.PushBatch) -> list[str]:
    return [ch.id for ch in b.changes]


def kept_of(w: World, batch_id: str) -> str:
    with Session(w.engine) as s:
        return str(s.scalars(sa.select(Batch.result).where(Batch.id == batch_id)).one())


def replayed(result: p.PushResult) -> p.PushResult:
    return result.model_copy(update={"replayed": True})


def test_a_compact_answer_stands_for_the_long_one_and_is_kept_so(admin: Admin) -> None:
    w = World(admin)
    b, expected = mixed_batch(w)
    with Session(w.engine) as s, s.begin():
        pushed = store.push_answer(s, w.anna, b, runs=True)
    long = pushed.result()
    assert [r.status for r in long.results] == expected
    compact = p.PushResult.model_validate_json(pushed.json)
    assert compact.applied and compact.results  # runs, and the changes not applied as sent
    assert p.expanded(compact, ids_of(b)) == long
    assert pushed.json == compact.model_dump_json(exclude_defaults=True)
    # Every change applied as sent with a revision is in a run, none is listed in full.
    assert not [r for r in compact.results
                if r.status == "applied" and r.rev is not None and not r.conflicts]  # fmt: skip
    # Kept compact, with the digest of the ids; content-free as the long form is kept.
    kept = json.loads(kept_of(w, b.batch_id))
    assert kept["applied"] == compact.applied and len(kept["ids"]) == 32
    assert len(kept["results"]) == len(compact.results)
    assert all(r.get("record", {"data": {}})["data"] == {} for r in kept["results"])
    assert all(c.get("yours") is None for r in kept["results"] for c in r.get("conflicts", []))
    # A replay in the form asked: compact, or long (the long answer's every byte).
    with Session(w.engine) as s, s.begin():
        again = store.push_answer(s, w.anna, b, runs=True)
    assert again.replayed
    assert json.loads(again.json) == {**json.loads(pushed.json), "replayed": True}
    with Session(w.engine) as s, s.begin():
        again_long = store.push_answer(s, w.anna, b)
    assert again_long.json == replayed(long).model_dump_json(exclude_defaults=True)


def test_a_batch_applied_as_sent_is_one_run(admin: Admin) -> None:
    """Consecutive revisions in the batch's order: one run. A new candidate's own
    assignment and scope take the two revisions after hers: the run begins anew."""
    w = World(admin)
    b = batch(*(note(w.x, w.anna_id) for _ in range(40)))
    with Session(w.engine) as s, s.begin():
        pushed = store.push_answer(s, w.anna, b, runs=True)
    assert all(isinstance(r, tuple) for r in pushed.results)
    first = pushed.results[0][1]  # type: ignore[index]
    assert json.loads(pushed.json) == {
        "batch_id": b.batch_id, "results": [], "applied": [0, first, 40],
    }  # fmt: skip
    assert json.loads(kept_of(w, b.batch_id))["applied"] == [0, first, 40]
    assert len(kept_of(w, b.batch_id)) < 200  # where the long form kept 40 ids
    cand = uid()
    b = batch(candidate_change(cand), *(note(cand, w.anna_id) for _ in range(5)))
    with Session(w.engine) as s, s.begin():
        pushed = store.push_answer(s, w.anna, b, runs=True)
    first = pushed.results[0][1]  # type: ignore[index]
    assert json.loads(pushed.json)["applied"] == [0, first, 1, 1, first + 3, 5]


def test_a_long_kept_result_answers_a_compact_replay(admin: Admin) -> None:
    """Kept long (by an older server, or a push that did not ask): a replay that asks
    for runs gets them, of the same results."""
    w = World(admin)
    b, _ = mixed_batch(w)
    with Session(w.engine) as s, s.begin():
        long = store.push_answer(s, w.anna, b).result()
    assert "applied" not in json.loads(kept_of(w, b.batch_id))
    with Session(w.engine) as s, s.begin():
        again = store.push_answer(s, w.anna, b, runs=True)
    compact = p.PushResult.model_validate_json(again.json)
    assert compact.applied and compact.replayed
    assert p.expanded(compact, ids_of(b)) == replayed(long)


def test_a_batch_sent_again_with_other_changes_under_a_compact_kept_id_is_refused(
    admin: Admin,
) -> None:
    """Its runs name positions of the batch as first sent: other changes under its id
    cannot be told which of theirs those were, so the id is refused as in use, and
    nothing is written. (Kept long, such a replay is answered by the results' ids.)"""
    w = World(admin)
    cand = uid()
    b = batch(candidate_change(cand), note(cand, w.anna_id), note(cand, w.anna_id))
    with Session(w.engine) as s, s.begin():
        store.push_answer(s, w.anna, b, runs=True)
    other = p.PushBatch(batch_id=b.batch_id, changes=[b.changes[0], b.changes[2], b.changes[1]])
    fewer = p.PushBatch(batch_id=b.batch_id, changes=b.changes[:2])
    new = p.PushBatch(batch_id=b.batch_id, changes=[*b.changes, p.Change(**note(cand, w.anna_id))])
    with Session(w.engine) as s:
        before = s.scalar(sa.select(sa.func.count()).select_from(Record))
    for sent in (other, fewer, new):
        for runs in (True, False):
            with Session(w.engine) as s, s.begin(), pytest.raises(store.BatchIdInUse):
                store.push_answer(s, w.anna, sent, runs=runs)
    with Session(w.engine) as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Record)) == before
    with Session(w.engine) as s, s.begin():  # the same batch again: answered
        assert store.push_answer(s, w.anna, b, runs=True).replayed


def as_sent(r: store.Outcome) -> int | None:
    """The revision of a result applied as sent, None for any other."""
    if isinstance(r, tuple):
        return r[1]
    plain = r.status == "applied" and not r.conflicts and r.reason is None and r.record is None
    return r.rev if plain else None


# Outcomes of a batch in its order: applied as sent at a revision a few past the one
# before (often the next: runs) or without one, or any other result.
STEP = st.tuples(st.just("applied"), st.integers(0, 3)) | st.tuples(st.just("none"), st.none())


@settings(max_examples=300, deadline=None)
@given(st.lists(STEP | RESULT, max_size=12), st.integers(0, p.REV_MAX - 100), st.booleans())
@example([("applied", 0)] * 5 + [("none", None)] + [("applied", 0)] * 2, 7, False)
@example([("applied", 1)], p.REV_MAX - 101, True)
def test_results_json_runs_stand_for_the_results(
    steps: list[Any], start: int, replayed_: bool
) -> None:
    results: list[store.Outcome] = []
    rev = start
    for i, step in enumerate(steps):
        rid = str(uuid.UUID(int=i))
        if isinstance(step, p.ChangeResult):
            results.append(step.model_copy(update={"id": rid}))
        elif step[0] == "applied":
            rev += 1 + step[1]
            results.append((rid, rev))
        else:
            results.append((rid, None))
    ids = [str(uuid.UUID(int=i)) for i in range(len(results))]
    written = store.results_json("b", results, replayed_, runs=True)
    model = p.PushResult.model_validate_json(written)
    assert written == model.model_dump_json(exclude_defaults=True)
    assert p.expanded(model, ids) == store.Pushed("b", results, "", replayed_).result()
    applied = model.applied
    assert applied is not None
    assert len(model.results) == sum(1 for r in results if as_sent(r) is None)
    triples = [applied[k : k + 3] for k in range(0, len(applied), 3)]
    for (at, rev_, n), (at2, rev2, _n2) in pairwise(triples):
        assert not (at2 == at + n and rev2 == rev_ + n)  # runs as long as they go


def test_runs_that_do_not_fit_the_batch_are_refused() -> None:
    one = p.ChangeResult(id=uid(), status="forbidden")
    ids = [uid() for _ in range(4)]
    fits = [([0, 5, 3], [one]), ([0, 5, 1, 2, 9, 2], [one]), ([], [one] * 4), ([1, 0, 3], [one])]
    for applied, results in fits:
        assert p.runs_fit(applied, len(ids), len(results))
        result = p.PushResult(batch_id="b", results=results, applied=applied)
        assert len(p.expanded(result, ids).results) == 4
    bad = [
        ([0, 5, 3], []),  # a change without a result
        ([0, 5, 4], [one]),  # one too many
        ([0, 5, 2, 1, 9, 1], [one]),  # overlapping
        ([2, 5, 1, 0, 9, 1], [one, one]),  # out of order
        ([0, 5, 0], [one] * 4),  # an empty run
        ([0, -1, 3], [one]),  # no revision
        ([0, p.REV_MAX, 3], [one]),  # past the last revision
        ([0, 5], [one] * 3),  # not triples
        ([0, 5, True], [one] * 3),  # not an integer
        ([3, 5, 3], []),  # past the batch's end
    ]
    for applied, results in bad:
        assert not p.runs_fit(applied, len(ids), len(results)), applied
        made = p.PushResult.model_construct(
            batch_id="b", results=results, applied=applied, replayed=False
        )
        with pytest.raises(ValueError):
            p.expanded(made, ids)


@pytest.fixture
def token(live: LiveServer, admin: Admin) -> str:
    admin.add_coach("anna@spt.nl")
    r = httpx.post(
        f"{live.url}{p.API_PREFIX}/auth/login", json={"email": "anna@spt.nl", "password": PASSWORD}
    )
    return str(r.json()["access_token"])


def test_every_way_into_sync_answers_the_form_asked(live: LiveServer, token: str) -> None:
    """The protocol's own entry (JSON), SyncFastPath (a packed body: the Guard unpacks
    it) and the route (a JSON type the others leave) answer a compact replay with the
    same bytes; without the header, or with another value, the long form."""
    changes = [candidate_change()]
    body = json.dumps({"cursor": None, "batch": {"batch_id": uid(), "changes": changes}})
    auth = {"authorization": f"Bearer {token}"}

    def post(kind: str, **headers: str) -> httpx.Response:
        content = body.encode()
        if kind == "packed":
            content = encoding.encode("gzip", content)
            headers = {**headers, "content-encoding": "gzip"}
        ctype = "application/x-spt+json" if kind == "route" else "application/json"
        r = httpx.post(f"{live.url}{SYNC}", content=content,
                       headers={**auth, "content-type": ctype, **headers})  # fmt: skip
        assert r.status_code == 200, r.text
        return r

    ask = {p.HEADER_PUSH_ANSWER: p.PUSH_ANSWER_RUNS}
    first = post("entry", **ask).json()["push"]
    assert first["results"] == [] and first["applied"][0::2] == [0, 1]
    answers = {kind: post(kind, **ask) for kind in ("entry", "packed", "route")}
    assert len({r.content for r in answers.values()}) == 1
    assert answers["entry"].json()["push"] == {**first, "replayed": True}
    for kind in ("entry", "packed", "route"):
        for headers in ({}, {p.HEADER_PUSH_ANSWER: "long"}):
            push = post(kind, **headers).json()["push"]
            assert "applied" not in push
            assert [r["status"] for r in push["results"]] == ["applied"]
