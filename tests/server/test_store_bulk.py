"""The push's bulk path (store._Bulk) against the careful path, on SQLite and PostgreSQL.

One mixed batch (new records with and without side effects, updates, a conflict, a
tombstone, forbidden, invalid and server-owned records, a record named twice, an accepted
handover that moves scope in the middle of the batch) is applied both ways to the same
database state: the server state (records, revisions, scopes, conflicts, the counter) and
the results must be identical. A replay changes nothing; a forbidden record among many new
ones is refused alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common import protocol as p
from spt_server import store
from spt_server.db import CandidateClosure, Conflict, Counter, Record, RevLease, Scope
from tests.support.server_kit import NH, Admin, candidate_change, uid

DEVICE, OTHER_DEVICE = uid(), uid()


def note(cand: str, author: str, rid: str | None = None, **fields: Any) -> dict[str, Any]:
    values = {
        "candidate_id": cand,
        "author_id": author,
        "written_at": "2026-11-03T10:00:00",
        "text": "Gesprek",
    } | fields
    return {"entity": "note", "id": rid or uid(), "op": "upsert", "fields": values}


def employer(rid: str) -> dict[str, Any]:
    fields = {
        "name": "Installatiebedrijf Kok",
        "sector": "installatie",
        "municipality": "Alkmaar",
        "spt": NH,
        "address": "",
        "praktijkopleiders": 2,
        "middenkader": 1,
        "guidance_notes": "",
    }
    return {"entity": "employer", "id": rid, "op": "upsert", "fields": fields}


def vacancy(employer_id: str) -> dict[str, Any]:
    fields = {
        "employer_id": employer_id,
        "kind": "open",
        "title": "Monteur",
        "description": "",
        "positions": 2,
        "status": "open",
    }
    return {"entity": "vacancy", "id": uid(), "op": "upsert", "fields": fields}


def plan(cand: str, rid: str) -> dict[str, Any]:
    fields = {"candidate_id": cand, "version": 1, "status": "draft", "summary": "Plan"}
    return {"entity": "plan", "id": rid, "op": "upsert", "fields": fields}


def assignment(cand: str, coach: str, role: str, active: bool) -> dict[str, Any]:
    fields = {"candidate_id": cand, "coach_id": coach, "role": role, "active": active}
    return {"entity": "assignment", "id": uid(), "op": "upsert", "fields": fields}


def handover(
    cand: str, frm: str, to: str, status: str, to_role: str = "jobcoach"
) -> dict[str, Any]:
    fields = {
        "candidate_id": cand,
        "from_coach_id": frm,
        "from_role": "loopbaancoach",
        "to_coach_id": to,
        "to_role": to_role,
        "summary": "Overdracht",
        "status": status,
        "created_at": "2026-11-04T09:00:00",
    }
    return {"entity": "handover", "id": uid(), "op": "upsert", "fields": fields}


def update(entity: str, rid: str, base: int | None, **fields: Any) -> dict[str, Any]:
    return {"entity": entity, "id": rid, "op": "upsert", "base_rev": base, "fields": fields}


def delete(entity: str, rid: str, base: int | None) -> dict[str, Any]:
    return {"entity": entity, "id": rid, "op": "delete", "base_rev": base}


def writes_records(statement: str) -> bool:
    """An INSERT of records, or their COPY (PostgreSQL, from store.COPY_FROM rows)."""
    return statement.lstrip().upper().startswith(("INSERT INTO RECORD", "COPY RECORD "))


def batch(*changes: dict[str, Any]) -> p.PushBatch:
    return p.PushBatch.model_validate({"batch_id": uid(), "changes": list(changes)})


class World:
    """Two coaches of one SPT with some history, and a way to push as either."""

    def __init__(self, admin: Admin) -> None:
        self.engine = admin.engine
        self.anna_id = admin.add_coach("anna@spt.nl", roles="loopbaancoach,jobcoach")
        self.bram_id = admin.add_coach("bram@spt.nl")
        self.anna = store.Caller(self.anna_id, NH, DEVICE)
        self.bram = store.Caller(self.bram_id, NH, uid())
        self.x, self.y, self.plan, self.employer = uid(), uid(), uid(), uid()
        res = self.push(self.anna, batch(candidate_change(self.x), plan(self.x, self.plan)))
        self.x_rev, plan_rev = res[0].rev, res[1].rev
        self.push(self.anna, batch(employer(self.employer), delete("plan", self.plan, plan_rev)))
        # Another device of hers changed X's phone since this device's copy.
        other = store.Caller(self.anna_id, NH, OTHER_DEVICE)
        self.push(other, batch(update("candidate", self.x, self.x_rev, phone="0611111111")))
        self.push(self.bram, batch(candidate_change(self.y)))

    def push(self, caller: store.Caller, b: p.PushBatch, bulk: bool = True) -> list[Any]:
        with Session(self.engine) as s, s.begin():
            return store.push(s, caller, b, bulk=bulk).results


@pytest.fixture
def world(admin: Admin) -> Iterator[World]:
    yield World(admin)


def mixed_batch(w: World) -> tuple[p.PushBatch, list[str]]:
    """A batch with every kind of change, and the status each one must get."""
    c1, c2, c3, c4, c5, e2 = uid(), uid(), uid(), uid(), uid(), uid()
    a, b = w.anna_id, w.bram_id
    steps: list[tuple[dict[str, Any], str]] = [
        (candidate_change(c1), "applied"),  # bulk, with its assignment and scope
        (note(c1, a), "applied"),
        (assignment(c1, a, "jobcoach", False), "applied"),  # bulk: her active one stays
        (assignment(c1, b, "loopbaancoach", True), "applied"),  # careful: grants Bram
        (update("candidate", w.x, w.x_rev, municipality="Hoorn"), "applied"),
        (update("candidate", w.x, w.x_rev, phone="0622222222"), "conflict"),
        (note(w.x, a), "applied"),
        (note(w.y, a), "forbidden"),  # Bram's candidate
        (
            {
                "entity": "contact_person",
                "id": uid(),
                "op": "upsert",
                "fields": {"employer_id": w.employer, "name": "Jan", "function": "baas"},
            },
            "applied",
        ),
        (employer(e2), "applied"),
        (vacancy(e2), "applied"),  # its employer not written yet
        (vacancy(uid()), "forbidden"),  # no such employer
        (note(c1, a, text=None), "rejected"),
        (candidate_change(c2), "applied"),
        (candidate_change(c2), "applied"),  # named twice: the second is an update
        (update("candidate", c2, None, municipality="Edam"), "conflict"),
        (delete("note", uid(), None), "applied"),  # made and deleted offline
        (update("plan", w.plan, 1, summary="Terug?"), "gone"),
        (assignment(c1, uid(), "jobcoach", True), "rejected"),  # no such account
        (assignment(c1, a, "loopbaancoach", False), "applied"),  # careful: set was cleared
        (handover(c1, a, b, "accepted"), "applied"),  # moves C1 to Bram, mid-batch
        (note(c1, a), "forbidden"),  # no longer hers
        (update("coach", a, None, name="Anna"), "forbidden"),  # server-owned
        (candidate_change(c3), "applied"),
        (handover(c3, a, b, "pending"), "applied"),
        (plan(c3, uid()), "applied"),
        # Accepted handovers to Anna from someone with no part in C3: bulk, the first adds
        # her jobcoach assignment, the second finds it.
        (handover(c3, uid(), a, "accepted"), "applied"),
        (handover(c3, uid(), a, "accepted"), "applied"),
        # One that switches an inactive assignment of hers on: bulk too.
        (assignment(c3, a, "arbeidsmarktcoach", False), "applied"),
        (handover(c3, uid(), a, "accepted", to_role="arbeidsmarktcoach"), "applied"),
        # One from Bram, who has C3's pending handover but no assignment: bulk.
        (handover(c3, b, a, "accepted", to_role="arbeidsmarktcoach"), "applied"),
        # One to Bram from a stranger: grants Bram the dossier, careful.
        (handover(c3, uid(), b, "accepted"), "applied"),
        (note(c3, a), "applied"),
        # Filed under another SPT: stored under hers. Registered with her own assignment,
        # as the desktop does: no second one from the server. A closed one: careful.
        (candidate_change(c4, spt="spt_groot_amsterdam"), "applied"),
        (candidate_change(c5), "applied"),
        (assignment(c5, a, "jobcoach", True), "applied"),
        (candidate_change(uid(), status="closed"), "applied"),
    ]
    return batch(*(ch for ch, _ in steps)), [status for _, status in steps]


def state(s: Session, fixed: set[str]) -> dict[str, Any]:
    """Everything a push can change; ids the server made itself numbered by revision."""
    made: dict[str, str] = {}

    def name(rid: str) -> str:
        return rid if rid in fixed else made.setdefault(rid, f"server-made-{len(made)}")

    records = [_row(r, name(r.id)) for r in s.scalars(sa.select(Record).order_by(Record.rev))]
    scopes = s.execute(
        sa.select(
            Scope.account_id, Scope.candidate_id, Scope.granted_rev, Scope.revoked_rev
        ).order_by(Scope.account_id, Scope.candidate_id)
    ).all()
    conflicts = s.execute(
        sa.select(
            Conflict.record_id, Conflict.entity, Conflict.field, Conflict.kept,
            Conflict.other, Conflict.account_id, Conflict.device_id,
        ).order_by(Conflict.id)
    ).all()  # fmt: skip
    counter = s.scalar(sa.select(Counter.value).where(Counter.name == store.REV))
    closures = s.execute(sa.select(CandidateClosure.candidate_id, CandidateClosure.closed_on))
    return {
        "closures": sorted(tuple(r) for r in closures),
        "records": records,
        "scopes": [tuple(r) for r in scopes],
        "conflicts": [tuple(r) for r in conflicts],
        "counter": counter,
    }


def _row(r: Record, rid: str) -> tuple[Any, ...]:
    """A record's columns (all but the time it was written)."""
    data = json.loads(r.data)
    revs = store.stored_revs(r.field_revs, data, r.rev)
    kept = (r.entity, r.candidate_id, r.spt, r.addressee, r.rev, r.deleted)
    return (rid, *kept, data, revs, r.synced_device, r.updated_by)


def known_ids(s: Session, b: p.PushBatch) -> set[str]:
    return set(s.scalars(sa.select(Record.id))) | {ch.id for ch in b.changes}


def run(w: World, b: p.PushBatch, *, bulk: bool, keep: bool) -> tuple[list[Any], dict[str, Any]]:
    """Push ``b`` as Anna; the results and the state after it (rolled back unless keep).

    Rolled back, the revisions it took are given back too: on PostgreSQL a push leases
    them outside its transaction (store.Sequence), so a rollback alone leaves a gap and
    the next run's revisions would differ from this one's."""
    with Session(w.engine) as s:
        top = s.execute(sa.select(Counter.value).where(Counter.name == store.REV)).scalar_one()
    with Session(w.engine) as s:
        s.begin()
        fixed = known_ids(s, b)
        results = store.push(s, w.anna, b, bulk=bulk).results
        after = state(s, fixed)
        if keep:
            s.commit()
        else:
            s.rollback()
    if not keep:
        with w.engine.begin() as c:
            c.execute(sa.update(Counter).where(Counter.name == store.REV).values(value=top))
            c.execute(sa.delete(RevLease))
    return results, after


def test_the_bulk_path_leaves_the_same_state_as_the_careful_path(world: World) -> None:
    b, expected = mixed_batch(world)
    careful, careful_state = run(world, b, bulk=False, keep=False)
    assert [r.status for r in careful] == expected
    bulk, bulk_state = run(world, b, bulk=True, keep=True)
    assert [r.model_dump() for r in bulk] == [r.model_dump() for r in careful]
    assert bulk_state == careful_state
    # Bram got C1 (and only he); Anna keeps X and C3; C1's note after the handover is absent.
    in_scope = {(a, c) for a, c, _g, revoked in bulk_state["scopes"] if revoked is None}
    c1, c3 = b.changes[0].id, b.changes[23].id
    assert (world.bram_id, c1) in in_scope and (world.anna_id, c1) not in in_scope
    assert {(world.anna_id, world.x), (world.anna_id, c3)} <= in_scope
    assert b.changes[21].id not in {r[0] for r in bulk_state["records"]}


def test_a_replayed_batch_changes_nothing(world: World) -> None:
    b, _ = mixed_batch(world)
    first, _ = run(world, b, bulk=True, keep=True)

    def snapshot() -> dict[str, Any]:
        with Session(world.engine) as s:
            return state(s, set(s.scalars(sa.select(Record.id))))

    before = snapshot()
    with Session(world.engine) as s, s.begin():
        again = store.push(s, world.anna, b)
    assert again.replayed
    assert [r.model_dump() for r in again.results] == [r.model_dump() for r in first]
    assert snapshot() == before


def test_a_forbidden_record_among_many_new_ones_is_refused_alone(world: World) -> None:
    cand = uid()
    changes = [candidate_change(cand)] + [note(cand, world.anna_id) for _ in range(120)]
    changes.insert(60, note(world.y, world.anna_id))  # Bram's candidate
    changes.insert(90, vacancy(uid()))  # an employer that does not exist
    results = world.push(world.anna, batch(*changes))
    refused = [i for i, r in enumerate(results) if r.status != "applied"]
    assert refused == [60, 90]
    assert {results[i].status for i in refused} == {"forbidden"}
    with Session(world.engine) as s:
        stored = set(s.scalars(sa.select(Record.id).where(Record.candidate_id == cand)))
        revs = list(s.scalars(sa.select(Record.rev).order_by(Record.rev)))
    assert {changes[i]["id"] for i in range(len(changes)) if i not in refused} <= stored
    assert changes[60]["id"] not in stored and changes[90]["id"] not in stored
    assert revs == sorted(set(revs))
    # Revisions follow the batch's order: the candidate first, then its assignment's, the
    # scope grant, then each note.
    applied = [r.rev for r in results if r.rev is not None]
    assert applied == sorted(applied) and applied[1] == applied[0] + 3


def test_new_records_without_side_effects_are_written_together(world: World) -> None:
    cand = uid()
    changes = [candidate_change(cand)] + [note(cand, world.anna_id) for _ in range(200)]
    inserts: list[str] = []

    def count(_conn: Any, _cur: Any, statement: str, *_args: Any) -> None:
        if writes_records(statement):
            inserts.append(statement)

    sa.event.listen(world.engine, "before_cursor_execute", count)
    try:
        results = world.push(world.anna, batch(*changes))
    finally:
        sa.event.remove(world.engine, "before_cursor_execute", count)
    assert {r.status for r in results} == {"applied"}
    # One executemany (a driver may split it into a few multi-row statements).
    assert 1 <= len(inserts) <= 4


def test_a_device_assignment_replacing_the_servers_own_takes_the_bulk_path(
    world: World,
) -> None:
    """Candidates registered in one batch, their device's assignments in the next (an
    outbox in table order): the server assigned each to Anna itself, and each device
    assignment replaces the server's. Both paths leave the same state; the bulk path
    writes the server's duplicates' tombstones in one statement, not one by one."""
    cands = [uid() for _ in range(5)]
    world.push(world.anna, batch(*(candidate_change(c) for c in cands)))
    own = [assignment(c, world.anna_id, "loopbaancoach", True) for c in cands]
    # One with a device-made live duplicate beside the server's: careful, also in bulk.
    b = batch(
        *own,
        assignment(cands[0], world.anna_id, "loopbaancoach", True),
        note(cands[1], world.anna_id),
    )
    careful, careful_state = run(world, b, bulk=False, keep=False)
    assert {r.status for r in careful} == {"applied"}
    statements: list[str] = []

    def seen(_conn: Any, _cur: Any, statement: str, *_args: Any) -> None:
        statements.append(" ".join(statement.split()).upper())

    sa.event.listen(world.engine, "before_cursor_execute", seen)
    try:
        bulk, bulk_state = run(world, b, bulk=True, keep=True)
    finally:
        sa.event.remove(world.engine, "before_cursor_execute", seen)
    assert [r.model_dump() for r in bulk] == [r.model_dump() for r in careful]
    assert bulk_state == careful_state
    live = [
        r for r in bulk_state["records"]
        if r[1] == "assignment" and not r[6] and r[2] in cands
    ]  # fmt: skip
    # Each candidate: the device's own assignment(s) only; the server's are tombstones.
    assert sorted(r[0] for r in live) == sorted(ch.id for ch in b.changes[:6])
    tombstoned = [
        r for r in bulk_state["records"] if r[1] == "assignment" and r[6] and r[2] in cands
    ]
    assert len(tombstoned) == 5
    # The first five replaced theirs in one UPDATE (an executemany); the sixth, a second
    # live one of the device's, went the careful way (which finds none left to drop).
    updates = [s for s in statements if s.startswith("UPDATE RECORD SET") and "DELETED" in s]
    assert len(updates) == 1


def test_candidates_registered_closed_take_the_bulk_path(world: World) -> None:
    """New candidates registered closed (a coach enters a finished dossier; the demo has
    many), with their notes: both paths keep the same closing dates, scopes and
    revisions; the bulk path writes the candidates in one statement, not one by one
    (the careful path flushed each)."""
    cands = [uid() for _ in range(6)]
    changes: list[dict[str, Any]] = []
    for i, c in enumerate(cands):
        closed = {"status": "closed", "closed_on": "2026-11-20"} if i % 2 == 0 else {}
        if i == 4:
            closed = {"status": "closed"}  # an older device: no closing date sent
        changes += [candidate_change(c, **closed), note(c, world.anna_id)]
    b = batch(*changes)
    careful, careful_state = run(world, b, bulk=False, keep=False)
    assert {r.status for r in careful} == {"applied"}
    statements: list[str] = []

    def seen(_conn: Any, _cur: Any, statement: str, *_args: Any) -> None:
        statements.append(" ".join(statement.split()).upper())

    sa.event.listen(world.engine, "before_cursor_execute", seen)
    try:
        bulk, bulk_state = run(world, b, bulk=True, keep=True)
    finally:
        sa.event.remove(world.engine, "before_cursor_execute", seen)
    assert [r.model_dump() for r in bulk] == [r.model_dump() for r in careful]
    assert bulk_state == careful_state
    assert {c for c, _day in bulk_state["closures"]} == {cands[0], cands[2], cands[4]}
    record_inserts = [x for x in statements if writes_records(x)]
    assert 1 <= len(record_inserts) <= 4


def _written(world: World, b: p.PushBatch) -> tuple[list[Any], dict[str, Any], list[str]]:
    """Careful first (rolled back), then bulk (kept): bulk's results, its state, and the
    statements it ran; both paths' results and states must be equal."""
    careful, careful_state = run(world, b, bulk=False, keep=False)
    statements: list[str] = []

    def seen(_conn: Any, _cur: Any, statement: str, *_args: Any) -> None:
        statements.append(" ".join(statement.split()).upper())

    sa.event.listen(world.engine, "before_cursor_execute", seen)
    try:
        bulk, bulk_state = run(world, b, bulk=True, keep=True)
    finally:
        sa.event.remove(world.engine, "before_cursor_execute", seen)
    assert [r.model_dump() for r in bulk] == [r.model_dump() for r in careful]
    assert bulk_state == careful_state
    return bulk, bulk_state, statements


def test_handovers_back_to_a_coach_who_had_the_dossier_take_the_bulk_path(
    world: World,
) -> None:
    """Dossiers handed (back) to Anna in a role she held before (her assignment of that
    role inactive; the demo has one in six): her assignment is switched on, as
    set_assignment does, the same state and revisions on both paths. In bulk, for
    candidates whose records are in the batch as for one stored before, and without a
    statement per handover (the careful path wrote what was pending, re-read the
    assignments and flushed twice for each)."""
    a = world.anna_id
    stored = uid()
    world.push(world.anna, batch(candidate_change(stored),
                                 assignment(stored, a, "jobcoach", False)))  # fmt: skip
    cands = [uid() for _ in range(6)]
    changes: list[dict[str, Any]] = []
    for c in cands:
        changes += [
            candidate_change(c),
            assignment(c, a, "loopbaancoach", True),
            assignment(c, a, "jobcoach", False),
            note(c, a),
            handover(c, uid(), a, "accepted"),
            note(c, a),
        ]
    changes.append(handover(stored, uid(), a, "accepted"))
    results, after, statements = _written(world, batch(*changes))
    assert {r.status for r in results} == {"applied"}
    live = {
        (r[2], r[7]["role"])
        for r in after["records"]
        if r[1] == "assignment" and not r[6] and r[7]["active"]
    }
    assert {(c, "jobcoach") for c in [*cands, stored]} <= live
    record_inserts = [x for x in statements if writes_records(x)]
    assert 1 <= len(record_inserts) <= 4


def test_an_accepted_handover_of_a_deleted_candidate_assigns_no_one_on_either_path(
    world: World,
) -> None:
    """Her acceptance is stored and assigns no one (set_assignment's CandidateGone): in
    bulk as in the careful path (bulk added the receiver's assignment before)."""
    a, gone = world.anna_id, uid()
    first = world.push(world.anna, batch(candidate_change(gone)))
    world.push(world.anna, batch(delete("candidate", gone, first[0].rev)))
    results, after, _ = _written(world, batch(handover(gone, uid(), a, "accepted")))
    assert [r.status for r in results] == ["applied"]
    roles = [r[7]["role"] for r in after["records"]
             if r[1] == "assignment" and r[2] == gone and not r[6]]  # fmt: skip
    assert roles == ["loopbaancoach"]  # the server's at registration; no jobcoach


def test_a_push_on_postgresql_plans_its_statements_for_their_own_ids(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``SPT_PUSH_PLANS=custom``: psycopg prepares a statement after its fifth run on a
    connection; PostgreSQL may then keep one generic plan for it. Made on a near-empty
    table's statistics (a new server's first pushes, before autovacuum's analyse) that
    plan was a sequential scan of `record` for `id = ANY($1)`: 13 s of PostgreSQL's CPU
    in a 1k first push. Every push's statement is planned for its ids: no generic plan
    on the push's connection, however often the same statements ran. (The default,
    generic plans with sequential scans priced out: the next test.)"""
    if world.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's plan cache")
    monkeypatch.setattr(store, "_GENERIC_PUSH_PLANS", False)
    # One connection: every push runs on it, as a busy server's pooled ones do.
    engine = sa.create_engine(world.engine.url, pool_size=1, max_overflow=0)
    try:
        for _ in range(12):
            cand = uid()
            with Session(engine) as s, s.begin():
                changes = [candidate_change(cand), note(cand, world.anna_id)]
                results = store.push(s, world.anna, batch(*changes)).results
            assert {r.status for r in results} == {"applied"}
        with engine.connect() as conn:
            prepared = conn.execute(
                sa.text(
                    # A statement without parameters has only its generic plan.
                    "SELECT count(*), coalesce(sum(generic_plans), 0) FROM pg_prepared_statements"
                    " WHERE strpos(statement, '$1') > 0"
                )
            ).one()
    finally:
        store.dispose_leases(engine)
        engine.dispose()
    assert prepared[0] > 0  # psycopg did prepare the push's statements
    assert prepared[1] == 0


def test_generic_push_plans_made_on_a_new_server_walk_indexes(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """By default (``SPT_PUSH_PLANS`` unset): each of a push's prepared statements keeps
    one generic plan, made with sequential scans priced out. Made on a new server's
    near-empty tables (the statistics that made a generic plan the 13 s sequential scan
    of the test above), no plan of a push's statement scans `record`, `scope`, `batch`
    or `watermark`: each walks an index."""
    if world.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's plan cache")
    monkeypatch.delenv(store.PUSH_PLANS_ENV, raising=False)
    monkeypatch.setattr(store, "_GENERIC_PUSH_PLANS", None)  # read from the environment
    assert store.generic_push_plans()
    engine = sa.create_engine(world.engine.url, pool_size=1, max_overflow=0)
    try:
        stored = uid()
        [made] = _push_on(engine, world.anna, batch(candidate_change(stored)))
        for i in range(12):
            cand = uid()
            changes = [candidate_change(cand), note(cand, world.anna_id)]
            if i % 3 == 0:  # an update too, and a batch of more rows (not folded)
                changes.append(update("candidate", stored, made.rev, phone=f"06{i:08d}"))
            if i % 4 == 0:
                changes += [note(cand, world.anna_id) for _ in range(store.FOLD_MAX + 1)]
            results = _push_on(engine, world.anna, batch(*changes))
            assert {r.status for r in results} == {"applied"}
            made = next(r for r in results if r.id == stored) if i % 3 == 0 else made
        with engine.connect() as conn, conn.begin():
            generic = conn.execute(
                sa.text(
                    "SELECT name, cardinality(parameter_types) FROM pg_prepared_statements"
                    " WHERE generic_plans > 0 AND strpos(statement, '$1') > 0"
                )
            ).all()
            # As the push's transaction plans (if a plan was dropped meanwhile).
            conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_generic_plan")
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            plans = [
                "\n".join(
                    str(r[0])
                    for r in conn.exec_driver_sql(
                        f"EXPLAIN EXECUTE {name}({', '.join(['NULL'] * n)})"
                    )
                )
                for name, n in generic
            ]
    finally:
        store.dispose_leases(engine)
        engine.dispose()
    assert len(plans) >= 5  # the claim, the records, the finish (folded and not), ...
    assert any("record" in plan for plan in plans)
    for plan in plans:
        for table in ("record", "scope", "batch", "watermark"):
            assert f"Seq Scan on {table}" not in plan, plan


def _push_on(engine: sa.Engine, caller: store.Caller, b: p.PushBatch) -> list[Any]:
    with Session(engine) as s, s.begin():
        return store.push(s, caller, b).results


def test_records_copied_in_twice_fail_as_an_insert_does(world: World) -> None:
    """PostgreSQL gets a batch's many new rows by COPY: a database error is SQLAlchemy's
    IntegrityError as for an INSERT (on SQLite an executemany), and nothing is written."""
    rows = [
        store.record_row("note", uid(), {"text": "x"}, 10_000 + i, None, None, None, None, None)
        for i in range(store.COPY_FROM)
    ]
    with pytest.raises(sa.exc.IntegrityError), Session(world.engine) as s, s.begin():
        store.insert_many(s.connection(), store.RECORD, rows)
        store.insert_many(s.connection(), store.RECORD, rows)
    with Session(world.engine) as s:
        assert s.scalar(sa.select(sa.func.count()).where(Record.rev >= 10_000)) == 0


@pytest.mark.parametrize("bulk", [True, False])
def test_a_new_records_field_revisions_are_implied_until_its_first_edit(
    world: World, bulk: bool
) -> None:
    """A new record is stored without its field revisions (every field at the record's
    revision: ``store.stored_revs``); its first edit merges against them as before and
    writes them out, so a device whose copy is older conflicts on the edited field only."""
    rid = uid()

    def stored() -> tuple[str, dict[str, Any]]:
        with Session(world.engine) as s:
            r = s.get(Record, rid)
            assert r is not None
            return r.field_revs, store.stored_revs(r.field_revs, json.loads(r.data), r.rev)

    [made] = world.push(world.anna, batch(plan(world.x, rid)), bulk=bulk)
    assert stored() == (store.IMPLIED_REVS, dict.fromkeys(plan(world.x, rid)["fields"], made.rev))
    edited = batch(update("plan", rid, made.rev, summary="Plan 2"))
    [edit] = world.push(world.anna, edited, bulk=bulk)
    assert edit.status == "applied" and edit.rev > made.rev
    revs = dict.fromkeys(plan(world.x, rid)["fields"], made.rev) | {"summary": edit.rev}
    assert stored()[1] == revs
    assert json.loads(stored()[0]) == revs  # written out
    other = store.Caller(world.anna_id, NH, OTHER_DEVICE)
    [late] = world.push(
        other, batch(update("plan", rid, made.rev, summary="Plan B", version=2)), bulk=bulk
    )
    assert late.status == "conflict" and [c.field for c in late.conflicts] == ["summary"]
    assert stored()[1] == revs | {"version": late.rev}


def test_going_back_before_migration_0016_writes_the_implied_revisions_out(
    world: World,
) -> None:
    """Server migration 0016 marks the implied field revisions: a build from before it
    refuses the database (Alembic does not know the revision) rather than failing at the
    first edit of such a record; taken back to 0015, every implied map is written out as
    that build reads it, and 0016 again leaves the maps as they are."""
    from alembic import command
    from alembic.config import Config

    from spt_server.setup import MIGRATIONS

    rid = uid()
    [made] = world.push(world.anna, batch(plan(world.x, rid)))
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))

    def field_revs() -> str:
        with Session(world.engine) as s:
            r = s.get(Record, rid)
            assert r is not None
            return r.field_revs

    assert field_revs() == store.IMPLIED_REVS
    for target in ("0015", "head"):
        with world.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if target == "0015" else command.upgrade)(cfg, target)
        assert json.loads(field_revs()) == dict.fromkeys(plan(world.x, rid)["fields"], made.rev)
    with world.engine.connect() as conn:
        implied = conn.execute(sa.text("SELECT count(*) FROM record WHERE field_revs = ''"))
        assert implied.scalar() == 0
