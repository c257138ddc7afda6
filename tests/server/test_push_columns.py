"""A first push's new records by columns (issue 13, round 14, helper "newrec14"): a run of
new records of one entity without corrections or effects (``store._Bulk._columns``) is
checked and written column by column, where ``_Bulk._fast`` took one change at a time.
The same batch both ways (``store.BY_COLUMNS`` on and off) leaves the same state
(records, revisions, scopes, counter) and gives the same results and the same answer,
refusals and their reasons included: the demo's first push, batch by batch, and mixed
batches that hypothesis makes (stored, duplicate and deleted records, a BSN, a missing
field, someone else's candidate or employer, an employer of this batch, a text
with a control character), on SQLite and PostgreSQL. The checks asked of a batch at once
(``protocol.refused_new``, ``bsn.nine_digits``) answer as their one-by-one versions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from types import MappingProxyType
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from spt_common import bsn
from spt_common import protocol as p
from spt_server import store, wire
from spt_server.db import Counter, RevLease
from tests.server.test_store_bulk import (
    World,
    assignment,
    employer,
    handover,
    known_ids,
    note,
    state,
    vacancy,
)
from tests.support.server_kit import NH, Admin, candidate_change, make_vault, uid
from tests.unit.test_sync_body import whole

TODAY = date(2026, 11, 30)


def parsed(changes: list[dict[str, Any]]) -> p.AnyBatch:
    """A batch as the server reads it off the wire (``wire.parse_sync``)."""
    raw = json.dumps({"batch": {"batch_id": uid(), "changes": changes}}).encode()
    body = wire.parse_sync(raw)
    assert body.batch is not None
    return body.batch


def pushed(
    engine: sa.Engine, caller: store.Caller, b: p.AnyBatch, *, columns: bool, keep: bool
) -> tuple[list[Any], str, dict[str, Any]]:
    """``b`` pushed by ``caller`` with ``store.BY_COLUMNS`` = ``columns``: its results,
    its answer and the state after it, rolled back (the revisions too) unless ``keep``."""
    with Session(engine) as s:
        top = s.execute(sa.select(Counter.value).where(Counter.name == store.REV)).scalar_one()
    before = store.BY_COLUMNS
    store.BY_COLUMNS = columns
    try:
        with Session(engine) as s:
            s.begin()
            fixed = known_ids(s, b)  # type: ignore[arg-type]
            out = store.push_answer(s, caller, b)
            after = state(s, fixed)
            if keep:
                s.commit()
            else:
                s.rollback()
    finally:
        store.BY_COLUMNS = before
    if not keep:
        with engine.begin() as c:
            c.execute(sa.update(Counter).where(Counter.name == store.REV).values(value=top))
            c.execute(sa.delete(RevLease))
    return [repr(r) for r in out.results], out.json, after


def same_both_ways(engine: sa.Engine, caller: store.Caller, b: p.AnyBatch, keep: bool) -> Any:
    """The batch change by change (rolled back), then by columns (kept if ``keep``): the
    same results, answer and state. Returns the results."""
    one_by_one = pushed(engine, caller, b, columns=False, keep=False)
    by_columns = pushed(engine, caller, b, columns=True, keep=keep)
    assert by_columns[0] == one_by_one[0]
    assert by_columns[1] == one_by_one[1]
    assert by_columns[2] == one_by_one[2]
    return json.loads(by_columns[1])["results"]


# --- the demo's first push ------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_bodies(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    """The batches of a demo vault's first push (12 candidates), 300 changes each, as
    the desktop sends them."""
    from spt_desktop import demo
    from spt_desktop.sync import apply

    vault = make_vault(tmp_path_factory.mktemp("demo") / "bron.sptvault")
    demo.fill_vault(vault, 12, 7, TODAY)
    bodies: list[bytes] = []
    with vault.engine.connect() as conn:
        after = 0
        while (batch := apply.build_batch(conn, 300, after=after)) is not None:
            sent = json.loads(getattr(batch, "wire"))  # noqa: B009
            bodies.append(json.dumps({"batch": sent}).encode())
            after = batch["max_seq"]
    vault.lock()
    return bodies


def test_the_demos_first_push_by_columns_is_the_push_change_by_change(
    admin: Admin, demo_bodies: list[bytes]
) -> None:
    coach = admin.add_coach("anna@spt.nl", roles="loopbaancoach,jobcoach")
    caller = store.Caller(coach, NH, uid())
    statuses: dict[str, int] = {}
    for raw in demo_bodies:
        body = wire.parse_sync(raw)
        assert body.batch is not None
        assert not any(isinstance(ch, p.Change) for ch in body.batch.changes)
        for r in same_both_ways(admin.engine, caller, body.batch, keep=True):
            statuses[r["status"]] = statuses.get(r["status"], 0) + 1
    # Refusals among them (assignments to coaches this server does not know, the demo's
    # other SPTs' employers), and most of the push by columns.
    assert statuses["applied"] > 300 and statuses.get("rejected", 0) > 0


def test_a_first_push_takes_the_columns(
    admin: Admin, demo_bodies: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Most of the demo's new records go by columns, not through ``_fast``."""
    coach = admin.add_coach("anna@spt.nl", roles="loopbaancoach,jobcoach")
    caller = store.Caller(coach, NH, uid())
    counted = {"fast": 0, "columns": 0}
    fast, columns = store._Bulk._fast, store._Bulk._add_columns

    def one(self: store._Bulk, ch: Any) -> Any:
        counted["fast"] += 1
        return fast(self, ch)

    def many(self: store._Bulk, entity: str, ids: list[str], *args: Any) -> Any:
        counted["columns"] += len(ids)
        return columns(self, entity, ids, *args)

    monkeypatch.setattr(store._Bulk, "_fast", one)
    monkeypatch.setattr(store._Bulk, "_add_columns", many)
    for raw in demo_bodies:
        body = wire.parse_sync(raw)
        assert body.batch is not None
        with Session(admin.engine) as s, s.begin():
            store.push_answer(s, caller, body.batch)
    assert counted["columns"] > 3 * counted["fast"]


# --- mixed batches --------------------------------------------------------------------


@pytest.fixture
def world(admin: Admin) -> Iterator[World]:
    yield World(admin)


BSN = "111222333"  # passes the eleven-test
TEXTS = st.sampled_from(
    [
        "Gesprek", "", "bel 06-12345678", f"BSN {BSN}", f"piet{BSN}@example.nl",
        "1112.22.333", "nr 123456789 0612345678", "tel\x01 111 22 2333",
        "datum 2026-11-03 om 10:00, kamer 12",
    ]
)  # fmt: skip


def _odd(
    draw: Any, w: World, ch: dict[str, Any], changes: list[dict[str, Any]], odd: int
) -> dict[str, Any]:
    """``ch`` made odd as ``odd`` (0-3) says, the cases both strategies draw: a required
    field missing, an id the batch named before, made and deleted offline, a stored
    record's id (of another entity: forbidden; a plan: gone). Any other ``odd``: as is."""
    if odd == 0:
        ch["fields"].pop(draw(st.sampled_from(sorted(ch["fields"]))))
    elif odd == 1 and changes:
        ch["id"] = draw(st.sampled_from([c["id"] for c in changes]))
    elif odd == 2:
        ch = {"entity": ch["entity"], "id": uid(), "op": "delete"}
    elif odd == 3:
        ch["id"] = draw(st.sampled_from([w.plan, w.x, w.employer]))
    return ch


@st.composite
def mixed_batch(draw: Any, w: World) -> list[dict[str, Any]]:
    """Runs of changes of one entity each (as an outbox in table order sends them), of
    every kind the columns must hand on or refuse as ``_fast`` does."""
    a = w.anna_id
    new_cand, new_employer = uid(), uid()
    cands = st.sampled_from([w.x, w.x, w.x, w.y, new_cand, uid()])
    employers = st.sampled_from([w.employer, w.employer, new_employer, uid(), w.x])
    changes: list[dict[str, Any]] = []
    if draw(st.booleans()):
        changes.append(candidate_change(new_cand))
    if draw(st.booleans()):
        changes.append(employer(new_employer))
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["note", "note", "employer", "vacancy", "contact_person"]))
        for _ in range(draw(st.integers(1, 9))):
            if kind == "note":
                ch = note(draw(cands), a, text=draw(TEXTS))
                if draw(st.integers(0, 9)) == 0:
                    ch["fields"]["visit_id"] = None  # every field named
            elif kind == "employer":
                ch = employer(uid())
                ch["fields"]["guidance_notes"] = draw(TEXTS)
                if draw(st.integers(0, 5)) == 0:
                    ch["fields"]["spt"] = "spt_groot_amsterdam"
            elif kind == "vacancy":
                ch = vacancy(draw(employers))
                ch["fields"]["description"] = draw(TEXTS)
            else:
                ch = {
                    "entity": "contact_person", "id": uid(), "op": "upsert",
                    "fields": {"employer_id": draw(employers), "name": draw(TEXTS),
                               "function": "baas"},
                }  # fmt: skip
            odd = draw(st.integers(0, 14))
            ch = _odd(draw, w, ch, changes, odd)
            changes.append(ch)
    return changes


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_mixed_batches_by_columns_are_the_push_change_by_change(
    world: World, data: st.DataObject
) -> None:
    changes = data.draw(mixed_batch(world))
    same_both_ways(world.engine, world.anna, parsed(changes), keep=False)


def test_refusals_by_columns_are_those_change_by_change(world: World) -> None:
    """A run with every refusal among new notes: the same results, in their places."""
    a = world.anna_id
    changes = [note(world.x, a, text=f"nr {i}") for i in range(12)]
    changes[2] = note(world.y, a)  # Bram's candidate
    changes[4] = note(world.x, a, text=f"BSN {BSN}")
    changes[5]["fields"].pop("author_id")
    changes[7] = {"entity": "note", "id": uid(), "op": "delete"}
    changes[9] = note(world.x, a, rid=changes[8]["id"])  # named twice: a note is frozen
    results = same_both_ways(world.engine, world.anna, parsed(changes), keep=True)
    assert [r["status"] for r in results] == [
        "applied", "applied", "forbidden", "applied", "rejected", "rejected", "applied",
        "applied", "applied", "rejected", "applied", "applied",
    ]  # fmt: skip
    assert "BSN" in results[4]["reason"] and "author_id" in results[5]["reason"]
    assert "gewijzigd" in results[9]["reason"]
    revs = [r["rev"] for r in results if r["status"] == "applied" and "rev" in r]
    assert revs == sorted(revs)


# --- candidates, assignments and handovers (issue 13, round 16, helper "cols16") ------
#
# A run of them (a candidate, then her assignments, as an outbox in table order sends
# them) goes by ``_Bulk._coaching``: the registration of each new candidate (her
# registrar's assignment deferred to her own, her scope), the assignments' and accepted
# handovers' effects (a server-made duplicate replaced, a receiver's assignment added or
# switched on), and every refusal as ``_fast`` makes it.

ROLES = st.sampled_from(["loopbaancoach", "jobcoach"])


@st.composite
def coaching_batch(draw: Any, w: World) -> list[dict[str, Any]]:
    """Candidates new and stored, each followed by assignments and handovers to Anna
    (the caller), Bram (an account) and a colleague without one; closed candidates,
    another SPT's, a BSN in a text, a field missing, ids named twice, deletes, stored
    records and Bram's candidate; now and then a note between them (a run ends)."""
    a, b, nobody = w.anna_id, w.bram_id, uid()
    coaches = st.sampled_from([a, a, b, nobody])
    changes: list[dict[str, Any]] = []
    fresh: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["new", "new", "new", "stored", "bram"]))
        if kind == "new":
            cand = uid()
            extra: dict[str, Any] = {}
            if draw(st.integers(0, 4)) == 0:
                extra["status"] = "closed"
                extra["closed_on"] = "2026-11-20"
            if draw(st.integers(0, 6)) == 0:
                extra["spt"] = "spt_groot_amsterdam"  # corrected: apply
            extra["notes"] = draw(TEXTS)
            ch = candidate_change(cand, **extra)
            if draw(st.integers(0, 8)) == 0:
                ch["fields"].pop("last_name")
            changes.append(ch)
            fresh.append(cand)
        else:
            cand = w.x if kind == "stored" else w.y
        for _ in range(draw(st.integers(0, 3))):
            if draw(st.integers(0, 2)) < 2:
                ch = assignment(cand, draw(coaches), draw(ROLES), draw(st.booleans()))
            else:
                frm, to = draw(coaches), draw(coaches)
                status = draw(st.sampled_from(["accepted", "accepted", "pending"]))
                ch = handover(cand, frm, to, status, to_role=draw(ROLES))
                ch["fields"]["summary"] = draw(TEXTS)
            odd = draw(st.integers(0, 19))
            ch = _odd(draw, w, ch, changes, odd)
            if odd == 4 and fresh:  # a candidate this batch registers, not hers yet
                ch["fields"]["candidate_id"] = draw(st.sampled_from(fresh))
            changes.append(ch)
        if draw(st.integers(0, 5)) == 0:
            changes.append(note(cand, a, text=draw(TEXTS)))
    return changes


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_candidates_assignments_and_handovers_by_columns_are_the_push_change_by_change(
    world: World, data: st.DataObject
) -> None:
    changes = data.draw(coaching_batch(world))
    same_both_ways(world.engine, world.anna, parsed(changes), keep=False)


def test_a_run_of_registrations_by_columns_is_the_push_change_by_change(world: World) -> None:
    """Every case of a run at once, kept, then the same kinds again on what it left (the
    candidates and assignments stored): results in their places, revisions in order."""
    a, b, nobody = world.anna_id, world.bram_id, uid()
    c1, c2, c3 = uid(), uid(), uid()
    changes = [
        candidate_change(c1),
        assignment(c1, a, "loopbaancoach", True),  # hers: the registration's own
        assignment(c1, nobody, "jobcoach", True),  # no account: rejected
        assignment(c1, b, "jobcoach", True),  # grants Bram: careful
        candidate_change(c2, status="closed", closed_on="2026-11-20"),
        handover(c2, nobody, a, "accepted"),  # Anna receives as jobcoach: assigned
        handover(c2, a, nobody, "accepted"),  # to no account: rejected
        handover(c2, b, a, "pending"),
        candidate_change(c3, spt="spt_groot_amsterdam"),  # corrected: apply
        assignment(world.y, a, "jobcoach", True),  # Bram's candidate: forbidden
        candidate_change(uid(), notes=f"BSN {BSN}"),  # rejected
        {"entity": "assignment", "id": uid(), "op": "delete"},
        assignment(world.x, a, "loopbaancoach", True),  # repeats the server's own
    ]
    results = same_both_ways(world.engine, world.anna, parsed(changes), keep=True)
    assert [r["status"] for r in results] == [
        "applied", "applied", "rejected", "applied", "applied", "applied", "rejected",
        "applied", "applied", "forbidden", "rejected", "applied", "applied",
    ]  # fmt: skip
    again = [
        assignment(c1, a, "jobcoach", False),
        handover(c1, a, a, "accepted", to_role="jobcoach"),  # switches hers on
        handover(c2, b, a, "accepted"),
        candidate_change(uid()),
        assignment(c3, a, "jobcoach", True),
    ]
    same_both_ways(world.engine, world.anna, parsed(again), keep=True)


def test_the_demos_registrations_take_the_columns(
    admin: Admin, demo_bodies: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo's candidates, assignments and handovers go by ``_coaching``, not one by
    one through ``apply``: its refusals too, and its candidates of other SPTs (the
    server files them under hers, as ``_fast`` corrects them)."""
    coach = admin.add_coach("anna@spt.nl", roles="loopbaancoach,jobcoach")
    caller = store.Caller(coach, NH, uid())
    counted = {"apply": 0, "coaching": 0}
    apply, coaching = store._Bulk.apply, store._Bulk._coaching

    def one(self: store._Bulk, ch: Any) -> Any:
        counted["apply"] += ch.entity in store._COACHING
        return apply(self, ch)

    def many(self: store._Bulk, changes: list[Any]) -> Any:
        counted["coaching"] += len(changes)
        return coaching(self, changes)

    monkeypatch.setattr(store._Bulk, "apply", one)
    monkeypatch.setattr(store._Bulk, "_coaching", many)
    corrected = 0
    for raw in demo_bodies:
        body = wire.parse_sync(raw)
        assert body.batch is not None
        changes = body.batch.changes
        corrected += sum(c.entity == "candidate" and c.fields["spt"] != NH for c in changes)
        with Session(admin.engine) as s, s.begin():
            store.push_answer(s, caller, body.batch)
    assert counted["coaching"] > 30 and counted["apply"] == 0 and corrected > 0


# --- the checks asked of a batch at once ------------------------------------------------


DIGITY = st.text(alphabet="0123456789 .-()\x00\x01\u00a0\u2013ab@é", max_size=40)
# Texts no body brings (a lone surrogate is no JSON), which nine_digits takes all the same.
SURROGATES = st.text(alphabet="0123456789 -\ud800\udfff", max_size=20)


@settings(max_examples=500, deadline=None)
@given(st.lists(DIGITY | st.text(max_size=20) | TEXTS | SURROGATES, max_size=12))
def test_nine_digits_counts_each_parts_digits(parts: list[str]) -> None:
    joined = "".join(t + "\x01" for t in parts)
    got = bsn.nine_digits(joined, len(parts))
    if any("\x01" in t for t in parts):
        assert got is None
        return
    digits = [sum(c in "0123456789" for c in t) for t in parts]
    assert got == [i for i, d in enumerate(digits) if d >= 9]
    # Nine digits or more: what find_bsn looks at; fewer, it finds none.
    assert all(bsn.find_bsn(t) is None for i, t in enumerate(parts) if i not in got)


def _refused_one_by_one(entity: str, values: list[dict[str, Any]]) -> list[int]:
    out = []
    for i, v in enumerate(values):
        try:
            p.validate_fields(entity, v, full=True, checked=True)
        except p.InvalidFields:
            out.append(i)
    return out


@st.composite
def checked_fields(draw: Any) -> tuple[str, list[dict[str, Any]]]:
    """New records of one entity, read off the wire (checked), some fields left out."""
    entity = draw(st.sampled_from(sorted(store._PLAIN_NEW)))
    values = []
    for _ in range(draw(st.integers(0, 6))):
        ch = whole(entity)
        for name in p.FREE_TEXT_FIELDS[entity]:
            if draw(st.booleans()):
                ch["fields"][name] = draw(TEXTS | DIGITY)
        for name in draw(st.lists(st.sampled_from(sorted(ch["fields"])), max_size=3)):
            ch["fields"].pop(name, None)
        values.append(ch)
    if not values:
        return entity, []
    batch = parsed(values)
    assume(not any(isinstance(ch, p.Change) for ch in batch.changes))
    return entity, [ch.fields for ch in batch.changes]


@settings(max_examples=300, deadline=None)
@given(checked_fields())
def test_refused_new_is_validate_fields_of_each(case: tuple[str, list[dict[str, Any]]]) -> None:
    entity, values = case
    want = _refused_one_by_one(entity, values)
    assert p.refused_new(entity, values) == want
    assert p.refused_new(entity, values, wire.many_digits) == want


# Whole records' free texts: any text (brackets, quotes, backslashes, control characters,
# which JSON escapes with digits of its own), a lone surrogate (msgspec cannot write it),
# a value that is no text.
FREE_VALUES = (
    TEXTS | DIGITY | SURROGATES | st.text(alphabet="[]\"\\\x00\x1f0123456789 é", max_size=20)
    | st.none() | st.integers(0, 10**12)
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["candidate", "note", "visit", "referral", "action"]),
    st.lists(st.lists(FREE_VALUES, min_size=23, max_size=23), max_size=8),
)
def test_many_digits_finds_each_records_nine_digits(entity: str, drawn: list[list[Any]]) -> None:
    """``wire.many_digits``: the records whose free texts hold nine digits or more between
    them (their texts' digits, as nine_digits counts them; a value that is no text may
    add some), or None; and None only when a text holds a "[" or a lone surrogate."""
    free = p.FREE_TEXT_FIELDS[entity]
    values = [dict(zip(free, row, strict=False)) for row in drawn]
    got = wire.many_digits(free, values)
    texts = [[v for v in r.values() if isinstance(v, str)] for r in values]
    if got is None:
        assert any("[" in t or any("\ud800" <= c <= "\udfff" for c in t)
                   for ts in texts for t in ts)  # fmt: skip
        return
    digits = [sum(c in "0123456789" for t in ts for c in t) for ts in texts]
    surely = [i for i, d in enumerate(digits) if d >= 9]
    assert set(surely) <= set(got) and got == sorted(got)
    # A record it adds has a value that is no text, or a control character (escaped).
    for i in set(got) - set(surely):
        assert any(not isinstance(v, str | None) or (v is not None and min(v, default=" ") < " ")
                   for v in values[i].values())  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(store._PLAIN_NEW)), st.data())
def test_refused_new_of_whole_records_is_validate_fields_of_each(entity: str, data: Any) -> None:
    """Every field sent (the body a device sends): its texts looked at by ``many_digits``."""
    values = []
    for _ in range(data.draw(st.integers(1, 6))):
        ch = whole(entity)
        for name in p.FREE_TEXT_FIELDS[entity]:
            if data.draw(st.booleans()):
                ch["fields"][name] = data.draw(TEXTS | DIGITY)
        values.append(ch)
    batch = parsed(values)
    assume(not any(isinstance(ch, p.Change) for ch in batch.changes))
    fields = [ch.fields for ch in batch.changes]
    free = p.FREE_TEXT_FIELDS[entity]
    assert (
        not free or wire.many_digits(free, fields) is not None or any("[" in str(f) for f in fields)
    )
    want = _refused_one_by_one(entity, fields)
    assert p.refused_new(entity, fields, wire.many_digits) == want
    assert p.refused_new(entity, fields) == want


def test_refused_new_takes_values_that_are_no_dicts() -> None:
    values: list[Any] = [
        {"candidate_id": uid(), "author_id": uid(), "written_at": "2026-11-03T10:00:00",
         "text": f"BSN {BSN}"},
    ]  # fmt: skip

    values.append(MappingProxyType(values[0]))
    assert p.refused_new("note", values) == [0, 1]
    assert p.refused_new("note", values, wire.many_digits) == [0, 1]
    assert p.refused_new("unknown", values) == [0, 1]
