"""The rare writers (erasure, coordination) against pushes in flight on PostgreSQL, where
pushes run side by side (issue 18): each comes out as if one ran wholly before the other.
An erasure takes the writers' lock before it reads what to erase, so a push that commits
while the erasure waits is erased with the rest; a push after the erasure is refused and
brings nothing back. A coach's push that waits for a colleague's acceptance of her
handover is refused as it would be after it (the dossier has left her); a coordinator's
reassignment decides on the assignments as they are once it holds the lock."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common import protocol as p
from spt_server import coordination, privacy, pull, store
from spt_server.db import Record, Scope
from tests.support.server_kit import NH, Admin, candidate_change, make_db, uid

T = TypeVar("T")
SECRET = "Geheim-gesprek-R9"  # ASCII: found as it is in the stored JSON


def batch(*changes: dict[str, Any]) -> p.PushBatch:
    return p.PushBatch.model_validate({"batch_id": uid(), "changes": list(changes)})


def upsert(entity: str, rid: str, base: int | None = None, **fields: Any) -> dict[str, Any]:
    return {"entity": entity, "id": rid, "op": "upsert", "base_rev": base, "fields": fields}


def note(cand: str, author: str, text: str = "Gesprek", rid: str | None = None) -> dict[str, Any]:
    return upsert(
        "note", rid or uid(), candidate_id=cand, author_id=author,
        written_at="2026-11-03T10:00:00", text=text,
    )  # fmt: skip


def handover(cand: str, frm: str, to: str, status: str) -> dict[str, Any]:
    return upsert(
        "handover", uid(), candidate_id=cand, from_coach_id=frm, from_role="loopbaancoach",
        to_coach_id=to, to_role="loopbaancoach", summary="Overdracht", status=status,
        created_at="2026-11-04T09:00:00",
    )  # fmt: skip


def push(engine: sa.Engine, who: store.Caller, *changes: dict[str, Any]) -> list[p.ChangeResult]:
    with Session(engine) as s, s.begin():
        return store.push(s, who, batch(*changes)).results


def register(engine: sa.Engine, who: store.Caller) -> tuple[str, str]:
    """A candidate of ``who`` with a note: (candidate, note)."""
    cand, n = uid(), uid()
    res = push(engine, who, candidate_change(cand), note(cand, who.account_id, rid=n))
    assert [r.status for r in res] == ["applied", "applied"]
    return cand, n


def while_held(engine: sa.Engine, hold: Callable[[Session], object], then: Callable[[], T]) -> T:
    """Run ``hold`` in a transaction left open; start ``then`` in a thread; once that
    thread waits for a lock (PostgreSQL's view of its backend), commit ``hold``'s
    transaction and return what ``then`` returned."""
    out: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            out.append(then())
        except BaseException as exc:
            errors.append(exc)

    with Session(engine) as first:
        first.begin()
        hold(first)
        t = threading.Thread(target=run)
        t.start()
        while t.is_alive() and not _someone_waits(engine):
            time.sleep(0.01)
        first.commit()
        t.join()
    assert errors == []
    return out[0]


def _someone_waits(engine: sa.Engine) -> bool:
    with engine.connect() as c:
        q = (
            "SELECT count(*) FROM pg_locks WHERE NOT granted AND database = "
            "(SELECT oid FROM pg_database WHERE datname = current_database())"
        )
        return bool(c.execute(sa.text(q)).scalar_one())


def _caller(admin: Admin, email: str, roles: str = "loopbaancoach") -> store.Caller:
    return store.Caller(admin.add_coach(email, NH, roles), NH, uid())


def _secret_rows(engine: sa.Engine) -> int:
    with engine.connect() as c:
        q = "SELECT count(*) FROM record WHERE data LIKE :s"
        return int(c.execute(sa.text(q), {"s": f"%{SECRET}%"}).scalar_one())


# --- erasure ---------------------------------------------------------------------------


def _erase(engine: sa.Engine, eraser: str, cand: str) -> privacy.Erased:
    with Session(engine) as s, s.begin():
        privacy.check_eraser(s, eraser, cand)
        return privacy.erase(s, cand, actor=eraser)


def test_a_note_pushed_while_the_erasure_waits_is_erased_too(pg_admin: Admin) -> None:
    """Anna's push of a note about Kim has not committed when the coordinator erases Kim:
    the erasure waits for it, then erases it with the rest. (Before, the erasure read
    Kim's records first and took the lock at its first write: the note came in between
    and stayed, with its text.)"""
    engine = pg_admin.engine
    anna = _caller(pg_admin, "anna@spt.nl")
    cora = _caller(pg_admin, "cora@spt.nl", "coordinator")
    cand, _ = register(engine, anna)
    late = note(cand, anna.account_id, SECRET)

    def hold(s: Session) -> None:
        [res] = store.push(s, anna, batch(late)).results
        assert res.status == "applied"

    done = while_held(engine, hold, lambda: _erase(engine, cora.account_id, cand))
    assert done.records == 4  # kim, 2 notes, assignment
    assert _secret_rows(engine) == 0
    with Session(engine) as s:
        rec = s.get(Record, late["id"])
        assert rec is not None and rec.deleted and rec.data == "{}"


WRITES = ("INSERT", "UPDATE", "DELETE")


def test_on_sqlite_too_the_erasure_reads_after_the_push_it_waits_for(tmp_path: Path) -> None:
    """SQLite has one writer at a time: the same race with the push holding the database's
    write lock. The erasure's connection tells when it asks for the lock (its first
    write starts); before the fix it had read Kim's records by then."""
    admin = Admin(make_db("sqlite", tmp_path, None))
    engine = admin.engine
    anna = _caller(admin, "anna@spt.nl")
    cora = _caller(admin, "cora@spt.nl", "coordinator")
    cand, _ = register(engine, anna)
    late = note(cand, anna.account_id, SECRET)
    asks = threading.Event()
    out: list[privacy.Erased] = []

    def erase() -> None:
        with Session(engine) as s, s.begin():
            raw = s.connection().connection.driver_connection
            assert raw is not None
            raw.set_trace_callback(
                lambda sql: asks.set() if sql.lstrip().upper().startswith(WRITES) else None
            )
            privacy.check_eraser(s, cora.account_id, cand)
            out.append(privacy.erase(s, cand, actor=cora.account_id))
            raw.set_trace_callback(None)

    try:
        with Session(engine) as first:
            first.begin()
            [res] = store.push(first, anna, batch(late)).results
            assert res.status == "applied"
            t = threading.Thread(target=erase)
            t.start()
            while t.is_alive() and not asks.wait(0.01):
                pass
            first.commit()
            t.join()
        assert [e.records for e in out] == [4]
        assert _secret_rows(engine) == 0
    finally:
        admin.close()


def test_a_push_waiting_for_an_erasure_is_refused_and_brings_nothing_back(
    pg_admin: Admin,
) -> None:
    """The erasure holds the lock; Anna's push waits, then finds Kim erased: her new note,
    her edit of the old one and her re-sent registration are refused (Kim is in no one's
    scope), nothing comes back in the answer, nothing of Kim is written again."""
    engine = pg_admin.engine
    anna = _caller(pg_admin, "anna@spt.nl")
    cora = _caller(pg_admin, "cora@spt.nl", "coordinator")
    cand, n = register(engine, anna)
    with Session(engine) as s:
        old = s.get(Record, n)
        assert old is not None
        base = old.rev

    def hold(s: Session) -> None:
        privacy.check_eraser(s, cora.account_id, cand)
        privacy.erase(s, cand, actor=cora.account_id)

    changes = (
        note(cand, anna.account_id, SECRET),
        upsert("note", n, base, text=SECRET),
        candidate_change(cand, first_name=SECRET),
    )
    results = while_held(engine, hold, lambda: push(engine, anna, *changes))
    # As after an erasure one after the other: no one has Kim in scope any more.
    assert [r.status for r in results] == ["forbidden"] * 3
    assert all(r.record is None for r in results)
    assert _secret_rows(engine) == 0
    with Session(engine) as s:
        assert s.get(Record, changes[0]["id"]) is None
        live = s.scalars(
            sa.select(Scope).where(Scope.candidate_id == cand, Scope.revoked_rev.is_(None))
        )
        assert list(live) == []


# --- a handover accepted while the sender pushes ------------------------------------------


def test_a_push_waiting_for_the_acceptance_of_its_handover_is_refused(pg_admin: Admin) -> None:
    """Anna hands Kim over to Bob; Bob's acceptance has not committed when Anna's device
    pushes a note about Kim. Her push waits for his and is then refused, as it is after
    the acceptance one after the other: the dossier left her (her device keeps the note in
    Conflicten). Bob's scope has Kim, Anna's not; the note is nowhere."""
    engine = pg_admin.engine
    anna = _caller(pg_admin, "anna@spt.nl")
    bob = _caller(pg_admin, "bob@spt.nl")
    cand, _ = register(engine, anna)
    h = handover(cand, anna.account_id, bob.account_id, "pending")
    [sent] = push(engine, anna, h)
    assert sent.status == "applied"

    def hold(s: Session) -> None:
        accept = upsert("handover", h["id"], sent.rev, status="accepted")
        [res] = store.push(s, bob, batch(accept)).results
        assert res.status == "applied"

    late = note(cand, anna.account_id, SECRET)
    [res] = while_held(engine, hold, lambda: push(engine, anna, late))
    assert res.status == "forbidden"
    assert _secret_rows(engine) == 0
    after = note(cand, anna.account_id, SECRET)
    assert [r.status for r in push(engine, anna, after)] == ["forbidden"]  # the sequential case
    with Session(engine) as s:
        assert store.in_scope(s, bob.account_id, cand)
        assert not store.in_scope(s, anna.account_id, cand)


def test_a_push_the_acceptance_waits_for_goes_with_the_dossier(pg_admin: Admin) -> None:
    """The other order: Anna's note is in flight when Bob accepts her handover of Kim. His
    acceptance waits for her push, then moves Kim with the note to him, as when she had
    pushed just before: his next pull brings the note, hers purges Kim."""
    engine = pg_admin.engine
    anna = _caller(pg_admin, "anna@spt.nl")
    bob = _caller(pg_admin, "bob@spt.nl")
    cand, _ = register(engine, anna)
    h = handover(cand, anna.account_id, bob.account_id, "pending")
    [sent] = push(engine, anna, h)
    anna_cursor = _pulled(engine, anna, None)[1]
    bob_cursor = _pulled(engine, bob, None)[1]
    late = note(cand, anna.account_id, SECRET)

    def hold(s: Session) -> None:
        [res] = store.push(s, anna, batch(late)).results
        assert res.status == "applied"

    accept = upsert("handover", h["id"], sent.rev, status="accepted")
    [res] = while_held(engine, hold, lambda: push(engine, bob, accept))
    assert res.status == "applied"
    bobs, _ = _pulled(engine, bob, bob_cursor)
    assert {cand, late["id"]} <= bobs
    with Session(engine) as s:
        page = pull.read_page(s, anna, anna_cursor, 1000)
    assert page.purge == [cand]


def _pulled(engine: sa.Engine, who: store.Caller, cursor: str | None) -> tuple[set[str], str]:
    """Everything ``who`` pulls past ``cursor``, to the end: the ids and the cursor."""
    ids: set[str] = set()
    while True:
        with Session(engine) as s:
            page = pull.read_page(s, who, cursor, 1000)
        ids |= {r.id for r in page.rows}
        cursor = page.cursor
        if not page.more:
            return ids, cursor


# --- coordination ----------------------------------------------------------------------


def test_a_reassignment_waiting_for_an_acceptance_ends_the_receivers_role(
    pg_admin: Admin,
) -> None:
    """The coordinator assigns Kim's loopbaancoach role to Cas while Bob's acceptance of
    Anna's handover (the same role) has not committed. The reassignment waits for it and
    then ends Bob's role too: as one after the other, Kim has one loopbaancoach, Cas.
    (Before, it read the assignments before the lock: Bob kept the role beside Cas.)"""
    engine = pg_admin.engine
    anna = _caller(pg_admin, "anna@spt.nl")
    bob = _caller(pg_admin, "bob@spt.nl")
    cas = _caller(pg_admin, "cas@spt.nl")
    cora = _caller(pg_admin, "cora@spt.nl", "coordinator")
    cand, _ = register(engine, anna)
    h = handover(cand, anna.account_id, bob.account_id, "pending")
    [sent] = push(engine, anna, h)

    def hold(s: Session) -> None:
        accept = upsert("handover", h["id"], sent.rev, status="accepted")
        [res] = store.push(s, bob, batch(accept)).results
        assert res.status == "applied"

    def reassign() -> p.AssignResult:
        req = p.AssignRequest(candidate_ids=[cand], coach_id=cas.account_id, role="loopbaancoach")
        with Session(engine) as s, s.begin():
            return coordination.assign(s, cora, req)

    while_held(engine, hold, reassign)
    with Session(engine) as s:
        holders = {c for c in (anna, bob, cas) if store.in_scope(s, c.account_id, cand)}
    assert holders == {cas}


# --- the lock set of a push ----------------------------------------------------------------


def test_an_update_of_a_record_created_meanwhile_locks_its_candidate(pg_admin: Admin) -> None:
    """Anna's laptop creates a note about Kim; before that commits, her other laptop
    pushes an edit of the note without naming Kim (a partial update). The edit waits for
    the note, then holds Kim's lock too, as every push about Kim does: a handover or an
    erasure of Kim cannot run beside it. (Before, its lock set was read before it waited:
    the note was not there yet, so it locked the note alone and wrote about Kim
    unlocked.)"""
    engine = pg_admin.engine
    anna = _caller(pg_admin, "anna@spt.nl")
    other = store.Caller(anna.account_id, NH, uid())
    cand, _ = register(engine, anna)
    nid = uid()

    def hold(s: Session) -> None:
        [res] = store.push(s, anna, batch(note(cand, anna.account_id, rid=nid))).results
        assert res.status == "applied"

    def edit_then_try_kims_lock() -> bool:
        with Session(engine) as s, s.begin():
            store.push(s, other, batch(upsert("note", nid, None, text="Aangevuld")))
            with engine.connect() as c:
                free = c.execute(
                    sa.select(sa.func.pg_try_advisory_xact_lock(store._lock_id(cand)))
                ).scalar_one()
                c.rollback()
            return bool(free)

    assert while_held(engine, hold, edit_then_try_kims_lock) is False


# --- deactivation and revocation against pushes --------------------------------------------


def _new_device(engine: sa.Engine, who: store.Caller) -> store.Caller:
    from spt_server.db import Device

    with Session(engine) as s, s.begin():
        s.add(Device(id=uid(), account_id=who.account_id, name="laptop"))
        dev = s.execute(sa.select(Device.id).where(Device.account_id == who.account_id)).scalar()
    assert dev is not None
    return store.Caller(who.account_id, who.spt, dev)


def _end(s: Session, how: str, who: store.Caller) -> None:
    from spt_server import setup

    if how == "deactivate":
        setup.deactivate(s, email="anna@spt.nl")
    else:
        setup.revoke_device(s, device_id=who.device_id, email=None)


def _push_or_refused(engine: sa.Engine, who: store.Caller, change: dict[str, Any]) -> str:
    try:
        [res] = push(engine, who, change)
    except store.DeviceRevoked:
        return "refused"
    return res.status


@pytest.mark.parametrize("how", ["deactivate", "revoke"])
def test_a_push_checked_before_the_deactivation_committed_is_refused_after_it(
    pg_admin: Admin, how: str
) -> None:
    """A sync checks Anna's device, then the administrator deactivates her (or revokes
    the device) and commits, then the sync's push runs: it is refused, and stores
    nothing. (Before, the check before it was all: the push of a deactivated coach was
    accepted after her deactivation.)"""
    engine = pg_admin.engine
    anna = _new_device(engine, _caller(pg_admin, "anna@spt.nl"))
    cand, _ = register(engine, anna)
    with Session(engine) as s, s.begin():
        _end(s, how, anna)
    late = note(cand, anna.account_id, SECRET)
    assert _push_or_refused(engine, anna, late) == "refused"
    assert _secret_rows(engine) == 0


@pytest.mark.parametrize("how", ["deactivate", "revoke"])
def test_a_push_during_the_deactivation_waits_for_it_and_is_refused(
    pg_admin: Admin, how: str
) -> None:
    """The administrator's deactivation (or revocation) has not committed when Anna's
    push comes in: the push waits for it (the writers' lock), then is refused. As one
    after the other: nothing of hers is accepted after she left."""
    engine = pg_admin.engine
    anna = _new_device(engine, _caller(pg_admin, "anna@spt.nl"))
    cand, _ = register(engine, anna)
    late = note(cand, anna.account_id, SECRET)
    got = while_held(
        engine, lambda s: _end(s, how, anna), lambda: _push_or_refused(engine, anna, late)
    )
    assert got == "refused"
    assert _secret_rows(engine) == 0
