"""A push's answer written by ``store.results_json`` (round 6 of issue 13: a change
applied as sent is kept as its id and revision, not as a ``ChangeResult``): the same
JSON as pydantic writes for the ``PushResult`` without its default fields (round 8: an
absent field is its default), and the same result kept for a replay (without content),
on SQLite and PostgreSQL; a result kept by an older server (every field written) still
answers a replay."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from spt_common import protocol as p
from spt_server import app, security, store
from spt_server.db import Batch, Device
from tests.server.test_store_bulk import World, batch, mixed_batch, note
from tests.support.server_kit import Admin, candidate_change, make_db, uid


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
    assert pushed.json == result.model_dump_json(exclude_defaults=True)
    assert p.PushResult.model_validate_json(pushed.json) == result
    with Session(w.engine) as s:
        kept = s.scalars(sa.select(Batch.result).where(Batch.id == b.batch_id)).one()
    assert p.PushResult.model_validate_json(kept).model_dump(mode="json") == content_free(result)
    assert any(r.get("conflicts") for r in json.loads(kept)["results"])  # stripped, kept
    with Session(w.engine) as s, s.begin():
        again = store.push_answer(s, w.anna, b)
    assert again.replayed
    assert again.json == again.result().model_dump_json(exclude_defaults=True)
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
    assert kept == pushed.json == pushed.result().model_dump_json(exclude_defaults=True)


def test_an_answer_leaves_out_the_fields_at_their_defaults(admin: Admin) -> None:
    """A change applied as sent is its id, status and revision and nothing more; a
    conflict writes its conflicts but no reason or record; ``replayed`` only when true."""
    w = World(admin)
    b, _ = mixed_batch(w)
    with Session(w.engine) as s, s.begin():
        answer = json.loads(store.push_answer(s, w.anna, b).json)
    assert "replayed" not in answer
    applied = [r for r in answer["results"] if r["status"] == "applied"]
    assert applied and all(r.keys() <= {"id", "status", "rev"} for r in applied)
    assert any("rev" not in r for r in applied)  # a record made and deleted offline
    for r in answer["results"]:
        assert r.get("conflicts", ["x"]) != [] and r.get("reason", "x") is not None
        assert r.get("record", "x") is not None
    with Session(w.engine) as s, s.begin():
        again = json.loads(store.push_answer(s, w.anna, b).json)
    assert again["replayed"] is True


def test_a_result_kept_by_an_older_server_answers_its_replay(admin: Admin) -> None:
    """A database written before round 8 kept every result's every field (defaults
    included): a replay of such a batch reads it and answers as the first time."""
    w = World(admin)
    b, _ = mixed_batch(w)
    with Session(w.engine) as s, s.begin():
        first = store.push_answer(s, w.anna, b).result()
    old = json.dumps(content_free(first))  # as the older server wrote it
    assert '"reason":' in old.replace(" ", "") and '"record":null' in old.replace(" ", "")
    with Session(w.engine) as s, s.begin():
        s.execute(sa.update(Batch).where(Batch.id == b.batch_id).values(result=old))
    with Session(w.engine) as s, s.begin():
        again = store.push_answer(s, w.anna, b)
    assert again.replayed
    assert [r.model_dump() for r in again.result().results] == [
        r.model_dump() for r in first.results
    ]
    assert again.json == again.result().model_dump_json(exclude_defaults=True)


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
            assert written == model.model_dump_json(exclude_defaults=True)
            assert p.PushResult.model_validate_json(written) == model


# Any text but lone surrogates, and texts of what JSON escapes or might (quotes,
# backslashes, control characters, DEL, a slash) among plain characters.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12) | st.text(
    '0a-" \\/\x00\x1f\x7f\u00e9', max_size=6
)
REV = st.none() | st.integers(0, p.REV_MAX)
RESULT = st.builds(
    p.ChangeResult,
    id=st.uuids().map(str) | TEXT,
    status=st.sampled_from(["applied", "conflict", "gone", "rejected", "forbidden"]),
    rev=REV,
    reason=st.none() | TEXT | st.just("ongeldige velden: x"),
    record=st.none()
    | st.builds(p.Record, entity=st.just("note"), id=st.uuids().map(str), rev=st.integers(0, 9),
                data=st.dictionaries(TEXT, TEXT, max_size=2)),
    conflicts=st.lists(st.builds(p.FieldConflict, field=TEXT, yours=TEXT), max_size=1),
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.uuids().map(str), REV) | RESULT, max_size=6),
    st.uuids().map(str) | TEXT,
    st.booleans(),
)
@example(
    [p.ChangeResult(id=text, status="rejected", rev=4, reason=text)
     for text in ("a\\b", "a/b", "\x7f", "a\x1fb", "\u00e9", 'say "no"', "", "\u2028")],
    "a\\b",
    False,
)  # fmt: skip
@example(  # a batch's results: applied ones around refusals, in order (round 17)
    [*[(str(uuid.UUID(int=i)), 100 + i) for i in range(40)],
     p.ChangeResult(id=str(uuid.UUID(int=99)), status="forbidden"),
     *[(str(uuid.UUID(int=200 + i)), 200 + i) for i in range(3)],
     p.ChangeResult(id=str(uuid.UUID(int=98)), status="rejected", reason="ongeldige velden: x"),
     (str(uuid.UUID(int=97)), None)],
    "b",
    True,
)  # fmt: skip
def test_results_json_writes_what_pydantic_writes_of_any_results(
    results: list[store.Outcome], batch_id: str, replayed: bool
) -> None:
    """Whichever way a result is written (a batch of applied changes only; a refused
    change without record or conflicts; its model), and any text of an id or reason."""
    written = store.results_json(batch_id, results, replayed)
    model = store.Pushed(batch_id, results, written, replayed).result()
    assert written == model.model_dump_json(exclude_defaults=True)


def test_a_push_on_sqlite_notes_the_sync_time_in_its_own_transaction(tmp_path: Path) -> None:
    """SQLite: a sync with a batch commits twice (the push with its sync time, the page's
    read), not three times (the time had a transaction of its own), and once when it asks
    no page (``limit`` 0: nothing to read); without a batch the time is noted after the
    page, in a transaction of its own, when due (30 s or more after the last note,
    ``app.NOTE_EVERY``), else not written."""
    url = make_db("sqlite", tmp_path, None)
    Admin(url).close()  # the schema
    admin = Admin(url)
    anna = admin.add_coach("anna@spt.nl")
    device = uid()
    with admin.session() as s, s.begin():
        s.add(Device(id=device, account_id=anna, name="laptop", family_id=uid()))
    server = app.Server(url)
    clock = [1_000.0]
    server.clock = lambda: clock[0]
    try:
        claims = security.read_access(server.key, security.issue_access(server.key, anna, device))
        commits: list[str] = []
        sa.event.listen(server.engine, "commit", lambda _conn: commits.append("commit"))

        def last_sync() -> Any:
            with admin.session() as s:
                return s.get(Device, device).last_sync  # type: ignore[union-attr]

        cand = uid()
        push = p.SyncRequest(batch=batch(candidate_change(cand), note(cand, anna)), limit=0)
        answer = json.loads(app.sync_answer(server, push, claims))
        assert [r["status"] for r in answer["push"]["results"]] == ["applied", "applied"]
        assert len(commits) == 1  # the push and its sync time; no page asked, none read
        assert answer["pull"] == {"records": [], "purge": [], "cursor": "0", "more": True}
        first = last_sync()
        assert first is not None
        commits.clear()
        again = p.SyncRequest(batch=batch(note(cand, anna)), cursor="0", limit=100)
        paged = json.loads(app.sync_answer(server, again, claims))
        assert [r["status"] for r in paged["push"]["results"]] == ["applied"]
        assert len(commits) == 2  # the push (and its sync time), the page's read
        assert paged["pull"]["more"] is False
        pushed = last_sync()
        assert pushed > first
        commits.clear()
        clock[0] += 29.999
        app.sync_answer(server, p.SyncRequest(cursor=paged["pull"]["cursor"]), claims)
        assert len(commits) == 1  # the page's read: her push noted the time < 30 s ago
        assert last_sync() == pushed
        commits.clear()
        clock[0] += 0.001
        app.sync_answer(server, p.SyncRequest(cursor=paged["pull"]["cursor"]), claims)
        assert len(commits) == 2  # the page's read, the sync time
        assert last_sync() > pushed
    finally:
        server.engine.dispose()
        admin.close()


def test_a_push_on_postgresql_notes_the_sync_time_in_its_first_statement(
    pg_admin: Admin,
) -> None:
    """PostgreSQL: a sync with a batch notes the device's sync time in the push's own
    transaction, by its first statement (after the writers' lock), as SQLite does in its
    push's transaction; the page after it is read by one statement that writes nothing
    (it was an autocommitted write of its own: a second commit a push). A replay of the
    batch notes it too; a push with a cursor the server refuses (422) notes nothing."""
    admin = pg_admin
    anna = admin.add_coach("anna@spt.nl")
    device = uid()
    with admin.session() as s, s.begin():
        s.add(Device(id=device, account_id=anna, name="laptop", family_id=uid()))
    server = app.Server(str(admin.engine.url.render_as_string(hide_password=False)))
    seen: list[str] = []

    def listen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(" ".join(statement.split()))

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", listen)
    try:
        claims = security.read_access(server.key, security.issue_access(server.key, anna, device))

        def last_sync() -> Any:
            with admin.session() as s:
                return s.get(Device, device).last_sync  # type: ignore[union-attr]

        cursor = json.loads(app.sync_answer(server, p.SyncRequest(), claims))["pull"]["cursor"]
        first = last_sync()
        assert first is not None
        cand = uid()
        sent = batch(candidate_change(cand), note(cand, anna))
        seen.clear()
        answer = json.loads(
            app.sync_answer(server, p.SyncRequest(batch=sent, cursor=cursor), claims)
        )
        assert [r["status"] for r in answer["push"]["results"]] == ["applied", "applied"]
        assert answer["pull"]["more"] is False
        noted = [s for s in seen if "UPDATE device" in s]
        assert len(noted) == 1 and "pg_advisory_xact_lock_shared" in noted[0], seen
        assert seen[0] == noted[0], seen  # the push's first statement
        writes = ("UPDATE", "INSERT", "DELETE")
        after = seen[[i for i, s in enumerate(seen) if s.startswith("WITH b AS")][-1] + 1 :]
        assert after and not any(w in s for s in after for w in writes), after
        pushed = last_sync()
        assert pushed > first
        replayed = json.loads(
            app.sync_answer(server, p.SyncRequest(batch=sent, cursor=cursor), claims)
        )
        assert replayed["push"]["replayed"] is True
        assert replayed["push"]["results"] == answer["push"]["results"]
        assert last_sync() > pushed
        again = last_sync()
        bad = p.SyncRequest.model_construct(batch=batch(note(cand, anna)), cursor="x", limit=100)
        try:
            app.sync_answer(server, bad, claims)
        except app.ApiError as exc:
            assert exc.status_code == 422
        else:
            raise AssertionError("a bad cursor is refused")
        assert last_sync() == again
    finally:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", listen)
        server.threads.shutdown(wait=False)
        server.engine.dispose()
