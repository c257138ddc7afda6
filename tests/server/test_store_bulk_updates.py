"""Updates on the push's bulk path (store._Bulk._fast_update) against the careful path,
on SQLite and PostgreSQL.

Each batch is applied both ways to the same database state (``_written``: careful first,
rolled back, then bulk): the results and the whole server state (records, revisions,
scopes, conflict rows in their order, closing dates, the counter) must be identical. The
batches mix edits with new records, as a laptop's outbox does (an edit of a candidate and
its audit entry), conflicting edits, deletes, records named twice, and edits of records
with side effects (assignments, handovers, a candidate's closing, a referral) that move
scope in the middle of the batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from spt_server import store
from tests.server.test_referrals import referral
from tests.server.test_store_bulk import (
    World,
    _written,
    assignment,
    batch,
    delete,
    employer,
    handover,
    note,
    plan,
    update,
    vacancy,
    writes_records,
)
from tests.support.server_kit import Admin, candidate_change, uid


@pytest.fixture
def world(admin: Admin) -> Iterator[World]:
    yield World(admin)


def audit(cand: str, actor: str, rid: str) -> dict[str, Any]:
    """What the desktop writes beside every edit of a candidate."""
    fields = {
        "at": "2026-11-05T10:00:00",
        "actor_id": actor,
        "action": "update",
        "entity": "candidate",
        "record_id": rid,
        "candidate_id": cand,
        "fields": '["phone"]',
    }
    return {"entity": "audit_entry", "id": uid(), "op": "upsert", "fields": fields}


def stored(world: World, *changes: dict[str, Any]) -> dict[str, int]:
    """Push ``changes`` as Anna (all applied); each record's revision by id."""
    results = world.push(world.anna, batch(*changes))
    assert {r.status for r in results} == {"applied"}, [r.status for r in results]
    return {r.id: r.rev for r in results}


def record_updates(statements: list[str]) -> list[str]:
    return [s for s in statements if s.startswith("UPDATE RECORD SET")]


def test_edits_among_new_records_are_written_together(world: World) -> None:
    """A laptop's 1 % changed: each candidate's edit with its audit entry, and edits of
    plans, an employer and a vacancy. Both paths leave the same state; the bulk path
    writes the edits in one UPDATE (an executemany) and the new records in one INSERT,
    where the careful path wrote what was pending before each edit and updated the
    records through the ORM one flush at a time."""
    a = world.anna_id
    cands = [uid() for _ in range(8)]
    plans = {c: uid() for c in cands}
    emp = uid()
    vac = vacancy(emp)
    revs = stored(
        world,
        employer(emp),
        vac,
        *(ch for c in cands for ch in (candidate_change(c), plan(c, plans[c]))),
    )
    changes: list[dict[str, Any]] = []
    for i, c in enumerate(cands):
        changes += [
            update("candidate", c, revs[c], phone=f"06{i:08d}"),
            audit(c, a, c),
            update("plan", plans[c], revs[plans[c]], summary=f"Plan {i}", status="agreed"),
        ]
    changes += [
        update("employer", emp, revs[emp], name="Kok Installaties", praktijkopleiders=3),
        update("vacancy", vac["id"], revs[vac["id"]], positions=1),
        update("plan", plans[cands[0]], None, summary="Zonder basis"),  # named twice
    ]
    results, after, statements = _written(world, batch(*changes))
    assert [r.status for r in results[:-1]] == ["applied"] * (len(changes) - 1)
    assert results[-1].status == "conflict"  # its base: none; the batch changed it
    phones = {r[0]: r[7].get("phone") for r in after["records"] if r[1] == "candidate"}
    assert phones[cands[3]] == "0600000003"
    # Every edit in one statement (the second one of that plan, careful, conflicts in
    # every field and writes no record).
    assert len(record_updates(statements)) == 1
    assert 1 <= len([s for s in statements if writes_records(s)]) <= 4


def test_conflicting_edits_keep_the_first_write_on_both_paths(world: World) -> None:
    """Fields another device changed since this one's copy: the first write stays, the
    device gets both values, the conflict rows come in the batch's order (bulk and
    careful ones mixed); the fields no one else changed go in; the record is not marked
    as the device's copy."""
    other = store.Caller(world.anna_id, world.anna.spt, uid())  # her other laptop
    c1, c2, p1 = uid(), uid(), uid()
    revs = stored(world, candidate_change(c1), candidate_change(c2), plan(c1, p1))
    world.push(other, batch(update("candidate", c1, revs[c1], phone="0611111111",
                                   municipality="Purmerend")))  # fmt: skip
    world.push(other, batch(update("plan", p1, revs[p1], summary="Van de ander")))
    b = batch(
        update("candidate", c1, revs[c1], phone="0622222222", email="kim@example.nl"),
        audit(c1, world.anna_id, c1),
        update("plan", p1, revs[p1], summary="Van mij"),  # every field a conflict
        update("candidate", c2, revs[c2], phone="0633333333"),
        # A careful one between them (an assignment: effects), then a bulk conflict again.
        assignment(c2, world.anna_id, "jobcoach", True),
        update("candidate", c1, revs[c1], municipality="Hoorn"),  # named twice: careful
        update("plan", p1, None, status="agreed", summary="Nog eens"),
    )
    results, after, _ = _written(world, b)
    assert [r.status for r in results] == [
        "conflict", "applied", "conflict", "applied", "applied", "conflict", "conflict",
    ]  # fmt: skip
    assert [c.field for c in results[0].conflicts] == ["phone"]
    assert [(c[0], c[2]) for c in after["conflicts"]] == [
        (c1, "phone"), (p1, "summary"), (c1, "municipality"), (p1, "status"), (p1, "summary"),
    ]  # fmt: skip
    by_id = {r[0]: r for r in after["records"]}
    assert by_id[c1][7]["phone"] == "0611111111" and by_id[c1][7]["email"] == "kim@example.nl"
    assert by_id[c1][9] is None  # not the device's copy: it pulls the record back
    assert (by_id[p1][7]["summary"], by_id[p1][7]["status"]) == ("Van de ander", "draft")


def test_deletes_refusals_and_records_named_twice(world: World) -> None:
    """Deletes (careful) between bulk edits, an edit of what a delete in the same batch
    removed, of a tombstone, of someone else's candidate, a frozen note, invalid fields,
    a move to another candidate and an edit that changes nothing: the same answers and
    state on both paths."""
    a = world.anna_id
    c1, c2, p1, p2, p3, n1 = uid(), uid(), uid(), uid(), uid(), uid()
    revs = stored(
        world, candidate_change(c1), candidate_change(c2), plan(c1, p1), plan(c1, p2),
        plan(c2, p3), note(c1, a, n1),
    )  # fmt: skip
    stored(world, delete("plan", p3, revs[p3]))
    b = batch(
        update("plan", p1, revs[p1], summary="Eerst"),
        delete("plan", p1, revs[p1]),  # after its bulk edit in this batch
        update("plan", p1, revs[p1], summary="Weg"),  # gone now
        update("plan", p3, revs[p3], summary="Al weg"),  # a tombstone
        update("note", n1, revs[n1], text="Anders"),  # frozen
        update("plan", p2, revs[p2], version="twee"),  # invalid
        update("plan", p2, revs[p2], candidate_id=c2),  # another dossier
        update("plan", p2, revs[p2], summary="Plan"),  # the stored value
        update("candidate", world.y, None, phone="0644444444"),  # Bram's
        update("note", uid(), None, text="Nooit gezien"),  # unknown, partial
        delete("candidate", c2, revs[c2]),
        update("candidate", c1, revs[c1], phone="0655555555"),
    )
    results, after, _ = _written(world, b)
    assert [r.status for r in results] == [
        "applied", "applied", "gone", "gone", "rejected", "rejected", "rejected", "applied",
        "forbidden", "rejected", "applied", "applied",
    ]  # fmt: skip
    deleted = {r[0] for r in after["records"] if r[6]}
    assert {p1, p3, c2} <= deleted


def test_edits_of_records_with_effects_among_bulk_edits(world: World) -> None:
    """Edits with side effects take the careful path in the middle of bulk ones: an
    accepted handover that gives a dossier to Bram (Anna's later edits of it are
    refused, her earlier ones stand), her one assignment of another switched off (the
    same), a candidate closed (her closing date) after a bulk edit of her, a referral
    given a candidate. Both paths agree."""
    a, b_ = world.anna_id, world.bram_id
    c1, c2, c3, p1, p2 = uid(), uid(), uid(), uid(), uid()
    jc = assignment(c2, a, "jobcoach", True)
    ho = handover(c1, a, b_, "pending")
    ref = referral(a, a)
    revs = stored(
        world, candidate_change(c1), candidate_change(c2), candidate_change(c3),
        plan(c1, p1), plan(c2, p2), jc, ho, ref,
    )  # fmt: skip
    b = batch(
        update("candidate", c1, revs[c1], phone="0610000001"),
        update("plan", p1, revs[p1], summary="Voor de overdracht"),
        update("handover", ho["id"], revs[ho["id"]], status="accepted"),  # C1 to Bram
        update("plan", p1, revs[p1], summary="Na de overdracht"),  # careful: named twice
        update("candidate", c1, None, phone="0610000002"),  # no longer hers
        # Her only live assignment of C2 (it replaced the server's): C2 leaves her scope.
        update("assignment", jc["id"], revs[jc["id"]], active=False),
        update("plan", p2, revs[p2], summary="Niet meer van Anna"),
        update("candidate", c2, revs[c2], status="closed", closed_on="2026-11-20"),
        update("candidate", c3, revs[c3], phone="0610000003"),
        update("referral", ref["id"], revs[ref["id"]], candidate_id=c3, status="in_guidance"),
        update("candidate", c3, None, status="active"),  # the stored value: nothing
        update("candidate", c3, revs[c3], status="closed", closed_on="2026-11-20"),
    )
    results, after, _ = _written(world, b)
    assert [r.status for r in results] == [
        "applied", "applied", "applied", "forbidden", "forbidden", "applied", "forbidden",
        "forbidden", "applied", "applied", "applied", "applied",
    ]  # fmt: skip
    in_scope = {(acc, c) for acc, c, _g, revoked in after["scopes"] if revoked is None}
    assert (b_, c1) in in_scope and (a, c1) not in in_scope and (a, c2) not in in_scope
    assert [c for c, _day in after["closures"]] == [c3]
