"""A first push's batches built and answered by C loops (issue 13, round 12, helper
"pushcli4"): the outbox's inserts taken as one list, a batch's rows of an entity read by
a range of the id index when its ids ascend, the revisions of results applied as sent
gathered by ``map``/``compress``, plain results type-checked together. Each fast way
gives exactly what the step-by-step way gave, and hands over to it for anything else."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest
import sqlalchemy as sa

from spt_desktop import demo
from spt_desktop.models.vault import Vault
from spt_desktop.sync import apply
from spt_desktop.sync.transport import MalformedAnswer, WireResult, read_answer
from tests.support.server_kit import edit, make_vault

TODAY = date(2026, 11, 30)


def _reference_groups(conn: sa.Connection, limit: int, after: int) -> tuple[dict[Any, Any], int]:
    """``_outbox_groups`` as it was before: one Python step per entry."""
    groups: dict[tuple[str, str], Any] = {}
    max_seq = 0
    rows = apply.driver_cursor(conn).execute(
        "SELECT seq, entity, record_id, CASE WHEN op = 'delete' THEN 2 "
        "WHEN op = 'insert' OR fields IS NULL THEN 1 ELSE fields END "
        "FROM outbox WHERE seq > ? ORDER BY seq",
        (after,),
    )
    for seq, entity, rid, asks in rows:
        key = (entity, rid)
        g = groups.get(key)
        state = asks if type(asks) is int else set(json.loads(asks))
        if g is None:
            if len(groups) >= limit:
                break
            groups[key] = state
        elif isinstance(g, set) and isinstance(state, set):
            g.update(state)
        elif g != 2 and (isinstance(g, set) or state == 2):
            groups[key] = state
        max_seq = seq
    return groups, max_seq


def _reference_rows(conn: sa.Connection, entity: str, ids: list[str]) -> dict[str, Any]:
    """The rows of ``ids`` read by id, as every batch read them before."""
    shape = apply._shape(conn, entity)
    cursor = apply.driver_cursor(conn)
    return {r[0]: r for r in cursor.execute(shape.select_wire, (apply.json_text(ids),))}


def _filled(tmp_path: Path) -> Vault:
    vault: Vault = make_vault(tmp_path / "bron.sptvault")
    demo.fill_vault(vault, 12, 7, TODAY)
    return vault


def _all_batches(conn: sa.Connection, limit: int) -> list[tuple[dict[Any, Any], int]]:
    out: list[tuple[dict[Any, Any], int]] = []
    after = 0
    while True:
        groups, max_seq = apply._outbox_groups(conn, limit, after)
        if not groups:
            return out
        out.append((groups, max_seq))
        after = max_seq


@pytest.mark.parametrize("limit", [1, 7, 64, 500, 10_000])
def test_the_outbox_is_grouped_as_before_inserts_edits_and_deletes(
    tmp_path: Path, limit: int
) -> None:
    vault = _filled(tmp_path)
    with vault.engine.connect() as conn:
        notes = [r[0] for r in conn.exec_driver_sql("SELECT id FROM note LIMIT 3")]
        visit = conn.exec_driver_sql("SELECT id FROM visit LIMIT 1").scalar_one()
    # Records with several entries (among the first inserts and after them), a delete.
    edit(vault, "note", notes[0], text="een")
    edit(vault, "note", notes[1], text="twee")
    edit(vault, "note", notes[0], text="drie")
    edit(vault, "visit", visit, deleted=True)
    with vault.engine.connect() as conn:
        got = _all_batches(conn, limit)
        after, expected = 0, []
        while True:
            groups, max_seq = _reference_groups(conn, limit, after)
            if not groups:
                break
            expected.append((groups, max_seq))
            after = max_seq
    assert got == expected
    assert [list(g) for g, _ in got] == [list(g) for g, _ in expected]  # in order
    vault.lock()


def test_entries_right_after_a_batchs_first_inserts_fold_into_them(tmp_path: Path) -> None:
    """The batch's first ``limit`` entries are all inserts (read as one row:
    ``_outbox_head``), and the entries right behind them name records among them: an
    edit and a delete fold into their groups and the batch goes on to take them, as
    the step per entry did; the first entry of another record ends it."""
    vault = _filled(tmp_path)
    with vault.engine.connect() as conn:
        inserts = conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar_one()
        notes = [r[0] for r in conn.exec_driver_sql("SELECT id FROM note LIMIT 2")]
        visit = conn.exec_driver_sql("SELECT id FROM visit LIMIT 1").scalar_one()
    edit(vault, "note", notes[0], text="een")
    edit(vault, "visit", visit, deleted=True)
    edit(vault, "note", notes[1], text="twee")
    with vault.engine.connect() as conn:
        for limit in (inserts, inserts - 1, inserts + 1):
            got = apply._outbox_groups(conn, limit, 0)
            assert got == _reference_groups(conn, limit, 0)
            assert list(got[0]) == list(_reference_groups(conn, limit, 0)[0])
        _, max_seq = apply._outbox_groups(conn, inserts, 0)
        assert max_seq > inserts  # the edits behind the inserts went with them
        assert apply._outbox_head(apply.driver_cursor(conn), inserts, 0) is not None
        # Not all inserts, or a record twice: no head, the step per entry.
        assert apply._outbox_head(apply.driver_cursor(conn), inserts + 2, 0) is None
        assert apply._outbox_head(apply.driver_cursor(conn), 5, max_seq + 5) is None
    vault.lock()


def test_a_batchs_rows_read_by_a_range_are_those_read_by_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apply, "_RANGE_SLACK", 4)  # a demo of 12 has some 70 actions
    vault = _filled(tmp_path)
    with vault.engine.connect() as conn:
        cursor = apply.driver_cursor(conn)
        every = [r[0] for r in cursor.execute("SELECT id FROM action ORDER BY id")]
        assert len(every) > 3 * apply._RANGE_SLACK
        shape = apply._shape(conn, "action")
        cases = {
            "all": every,
            "a run": every[10:50],
            "every other": every[::2],
            "gaps past the slack": every[:: apply._RANGE_SLACK + 7],
            "ends only": [every[0], every[-1]],
            "one": every[5:6],
            "descending": every[40:10:-1],
            "with ids not here": sorted([*every[:20], "00000000-dead", "ffffffff-dead"]),
        }
        for name, ids in cases.items():
            got = apply._wire_rows(cursor, shape, ids)
            assert got == _reference_rows(conn, "action", ids), name
            assert set(got) <= set(ids), name
    vault.lock()


def test_a_first_push_batch_is_the_same_changes_in_the_same_order(tmp_path: Path) -> None:
    vault = _filled(tmp_path)
    with vault.engine.connect() as conn:
        note = conn.exec_driver_sql("SELECT id FROM note LIMIT 1").scalar_one()
    edit(vault, "note", note, text="later")  # a second entry: the step-by-step way
    joined = 0
    with vault.engine.connect() as conn:
        for limit in (3, 100, 10_000):
            after = 0
            while True:
                batch = apply.build_batch(conn, limit, after=after)
                if batch is None:
                    break
                groups, max_seq = _reference_groups(conn, limit, after)
                assert batch["max_seq"] == max_seq
                keys, pieces = apply._change_pieces(conn, groups)
                joined += isinstance(pieces, apply.Joined)
                changes = batch["batch"]["changes"]
                assert changes.entity_ids == keys
                assert [json.loads(c) for c in pieces] == list(changes)
                # Every new record's change is the one SQLite writes for it row by row.
                for (entity, rid), piece in zip(keys, pieces, strict=True):
                    if groups[(entity, rid)] == 1:
                        assert piece == _reference_rows(conn, entity, [rid])[rid][3]
                sent = json.loads(getattr(batch, "wire"))  # noqa: B009
                assert sent == {"batch_id": batch["batch"]["batch_id"], "changes": list(changes)}
                after = max_seq
    assert joined  # batches of one table's new records: joined by SQLite
    vault.lock()


def _result(rid: str, status: str = "applied", rev: int | None = 7, **more: Any) -> Any:
    """A result as ``read_answer`` gives it (a ``WireResult``) of its JSON."""
    res: dict[str, Any] = {"id": rid, "status": status, **more}
    if rev is not None:
        res["rev"] = rev
    return msgspec.convert(res, WireResult)


def test_plain_results_give_their_revisions_by_entity_and_the_rest_goes_one_by_one() -> None:
    keys = [("candidate", "c1"), ("assignment", "a1"), ("candidate", "c2"), ("assignment", "a2")]
    keys += [("note", "n1"), ("note", "n2")]
    ids = [rid for _, rid in keys]
    refused = _result("a2", "forbidden", None, reason="scope")
    conflict = _result("n1", "conflict", 9, conflicts=[{"field": "text", "theirs": "x"}])
    results = [
        _result("c1", rev=1),
        _result("a1", rev=2),
        _result("c2", rev=3),
        refused,
        conflict,
        _result("n2", rev=4),
    ]
    revs, rest = apply._plain_revs(keys, ids, results, {})
    assert revs == {"candidate": {"c1": 1, "c2": 3}, "assignment": {"a1": 2}, "note": {"n2": 4}}
    assert rest == [refused, conflict]
    # A record changed since its batch: one by one.
    revs, rest = apply._plain_revs(keys, ids, results, {"c2": {"first_name"}})
    assert revs["candidate"] == {"c1": 1} and rest == [results[2], refused, conflict]
    # Results in another order than the batch's: all of them one by one, as before.
    assert apply._plain_revs(keys, ids, results[::-1], {}) == ({}, results[::-1])
    # Applied without a revision (made and deleted offline), or with conflicts: one by
    # one (the first gives no revision there either).
    odd = [*results[:5], _result("n2", rev=None, reason="x")]
    revs, rest = apply._plain_revs(keys, ids, odd, {})
    assert revs == {"candidate": {"c1": 1, "c2": 3}, "assignment": {"a1": 2}}
    assert rest == [refused, conflict, odd[5]]
    mixed = _result("c2", rev=3, conflicts=[{"field": "phone", "yours": "06"}])
    revs, rest = apply._plain_revs(keys, ids, [results[0], results[1], mixed, *results[3:]], {})
    assert revs == {"candidate": {"c1": 1}, "assignment": {"a1": 2}, "note": {"n2": 4}}
    assert rest == [mixed, refused, conflict]


def _answer(results: list[Any]) -> bytes:
    page = {"records": [], "purge": [], "cursor": "c", "more": False}
    push = {"batch_id": "b", "results": results}
    return json.dumps({"coach_id": "x", "push": push, "pull": page}).encode()


@pytest.mark.parametrize(
    "bad",
    [
        {"id": "r2", "status": "applied", "rev": True},
        {"id": "r2", "status": "applied", "rev": "7"},
        {"id": "r2", "status": "taken", "rev": 7},
        {"id": 2, "status": "applied", "rev": 7},
        {"status": "applied", "rev": 7},
        {"id": "r2", "status": ["applied"], "rev": 7},
        {"id": "r2", "status": "applied", "rev": 7, "extra": 1},
        {"id": "r2", "status": "applied", "surprise": 7},
        {"id": "r2", "status": "forbidden", "record": {"id": "r2"}},
        ["r2", "applied", 7],
    ],
)
def test_a_push_answer_with_any_odd_result_is_no_answer(bad: Any) -> None:
    good = {"id": "r1", "status": "applied", "rev": 6}
    assert read_answer(_answer([good, good])).push is not None
    with pytest.raises(MalformedAnswer):
        read_answer(_answer([good, bad, good]))


def test_refusals_stamps_are_those_of_the_columns_processor() -> None:
    engine = sa.create_engine("sqlite://")
    with engine.connect() as conn:
        stamp = apply._conflict_stamp(conn)
        for now in (
            datetime(2026, 12, 6, 15, 0, 0, 999_990),  # crosses a second
            datetime(2026, 12, 31, 23, 59, 59, 999_999),  # a year
            datetime(2026, 12, 6, 15, 0, 0, 0),
            datetime(2026, 12, 6, 15, 0, 0, 12),
        ):
            expected = [stamp(now + timedelta(microseconds=i)) for i in range(25)]
            assert apply._conflict_stamps(conn, now, 25) == expected


@pytest.mark.parametrize(
    "value",
    [
        {"first_name": "Zoë", "hours_per_week": 32, "notes": 'een "citaat"\n', "x": None},
        {"granted": False, "score": 7.5, "tags": ["a", "b"], "big": 2**62},
        "Ĳsselmonde",
        None,
        0,
    ],
)
def test_a_conflicts_value_reads_back_as_json_dumps_wrote_it(value: Any) -> None:
    # The stored text may differ (compact, UTF-8), what json.loads makes of it may not.
    assert json.loads(apply._json_value(value)) == json.loads(json.dumps(value)) == value


def test_a_conflicts_value_that_is_not_json_is_refused_as_json_dumps_refused_it() -> None:
    with pytest.raises(TypeError):
        apply._json_value({"a": object()})
