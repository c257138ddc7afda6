"""A push answer in the compact form (issue 13, round 19: ``p.HEADER_PUSH_ANSWER``, the
changes applied as sent as runs of positions in the batch) leaves the vault as the long
form does: the same answer written both ways by the server's own writer
(``store.results_json``), as models and as read off the wire, with conflicts, refusals,
a record gone, an applied change without a revision, a record changed again since its
batch, runs across entities and a gap, and a held change of a pushed record. Runs that do
not fit the batch are refused and change nothing. The desktop asks for the compact form
of every sync; a server that answers the long form is read as before."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from spt_common import protocol as p
from spt_desktop.models.vault import Vault
from spt_desktop.sync import apply, engine, held
from spt_desktop.sync.transport import MalformedAnswer, PushAnswer, Transport, read_answer
from spt_server import store
from tests.support.server_kit import Admin, LiveServer, add_note, edit
from tests.sync.test_sync_apply_fast import changed, copy_of, state, synced_vault, wire_records


def answers(vault: Vault) -> tuple[dict[str, Any], list[store.Outcome], dict[str, int]]:
    """A batch of ``vault``'s (edits across entities, new notes) and the server's
    outcomes for it in its order; the revision each change applied as sent got."""
    recs = wire_records(vault)
    cand, goal, note, visit = (recs[e][0] for e in ("candidate", "goal", "note", "visit"))
    edit(vault, "candidate", cand.id, phone="0611111111")
    edit(vault, "goal", goal.id, description="Eigen doel")
    edit(vault, "note", note.id, text="Mijn tekst")
    edit(vault, "visit", visit.id, deleted=True)
    action = recs["action"][0]
    edit(vault, "action", action.id, description="Nieuwe stap")
    for rec in recs["candidate"][1:4]:
        edit(vault, "candidate", rec.id, municipality="Edam")
    for rec in recs["goal"][1:3]:
        edit(vault, "goal", rec.id, description="Ander doel")
    new = [add_note(vault, cand.id, f"Gesprek {i}") for i in range(6)]
    with vault.engine.begin() as conn:
        batch = apply.build_batch(conn)
    assert batch is not None
    edit(vault, "action", action.id, owner="Kandidaat")  # after the batch: still pending
    special: dict[str, store.Outcome] = {
        cand.id: p.ChangeResult(
            id=cand.id, status="conflict", rev=601,
            conflicts=[p.FieldConflict(field="phone", yours="0611111111", theirs="0622")],
        ),
        goal.id: p.ChangeResult(id=goal.id, status="rejected", rev=700,
                                record=changed(goal, 700, description="Doel van de server")),
        note.id: p.ChangeResult(id=note.id, status="gone", rev=602),
        new[3]: (new[3], None),  # made and deleted offline, say
    }  # fmt: skip
    outcomes: list[store.Outcome] = []
    acked: dict[str, int] = {}
    rev = 800
    for i, (_entity, rid) in enumerate(apply.change_keys(batch["batch"]["changes"])):
        if rid in special:
            outcomes.append(special[rid])
            continue
        rev += 2 if i == 5 else 1  # a revision another push took: a second run
        outcomes.append((rid, rev))
        acked[rid] = rev
    assert len(outcomes) == len(batch["batch"]["changes"]) > 12
    return batch, outcomes, acked


def body(push: str) -> bytes:
    return (
        f'{{"protocol":1,"coach_id":"c","push":{push},'
        f'"pull":{{"records":[],"cursor":"1","more":false}}}}'
    ).encode()


@pytest.mark.parametrize("held_one", [False, True])
def test_a_compact_answer_leaves_the_vault_as_the_long_one(tmp_path: Path, held_one: bool) -> None:
    vault = synced_vault(tmp_path)
    batch, outcomes, acked = answers(vault)
    bid = batch["batch"]["batch_id"]
    long_json = store.results_json(bid, outcomes)
    compact_json = store.results_json(bid, outcomes, runs=True)
    compact = p.PushResult.model_validate_json(compact_json)
    assert compact.applied is not None and len(compact.applied) == 3 * 4  # gap, refusals
    assert len(compact.results) == 4
    forms: dict[str, p.PushResult | PushAnswer] = {
        "long model": p.PushResult.model_validate_json(long_json),
        "compact model": compact,
    }
    for name, text in (("long wire", long_json), ("compact wire", compact_json)):
        read = read_answer(body(text)).push
        assert read is not None
        forms[name] = read
    assert forms["compact wire"].applied == compact.applied  # type: ignore[union-attr]
    assert forms["long wire"].applied is None  # type: ignore[union-attr]
    if held_one:  # a newer app's record held here, of a record the batch changes
        with engine.remote_connection(vault) as conn:
            visit = wire_records(vault)["visit"][0]
            record = visit.model_dump(mode="json")
            held.hold(conn, [{**record, "rev": visit.rev}])
    states = {}
    for name, answer in forms.items():
        copy = copy_of(vault, tmp_path, name.replace(" ", "-"))
        with engine.remote_connection(copy) as conn:
            assert held.any_held(conn) is held_one
            conn.exec_driver_sql("DELETE FROM outbox WHERE seq <= ?", (batch["max_seq"],))
            assert apply.apply_results(conn, batch, answer) == (2, 1)
        states[name] = state(copy)
        with copy.engine.connect() as conn:  # each applied as sent has its revision
            for entity, table in apply.TABLES.items():
                for rid, rev in conn.execute(sa.select(table.c.id, table.c.server_rev)):
                    if rid in acked and entity != "action":
                        assert rev == acked[rid], (name, entity)
        copy.lock()
    first = states.pop("long model")
    for name, got in states.items():
        assert got == first, name
    vault.lock()


def test_runs_that_do_not_fit_the_batch_are_refused_and_change_nothing(tmp_path: Path) -> None:
    vault = synced_vault(tmp_path)
    batch, outcomes, _ = answers(vault)
    bid = batch["batch"]["batch_id"]
    compact = json.loads(store.results_json(bid, outcomes, runs=True))
    before = state(vault)
    n = len(outcomes)
    for applied in ([0, 800, n], [0, 800, 1, 0, 900, 1], compact["applied"][:-3], []):
        read = read_answer(body(json.dumps({**compact, "applied": applied}))).push
        assert read is not None
        with pytest.raises(MalformedAnswer), engine.remote_connection(vault) as conn:
            apply.apply_results(conn, batch, read)
    with pytest.raises(MalformedAnswer):  # a boolean is no position: refused as read
        read_answer(body(json.dumps({**compact, "applied": [0, 8, True]})))
    assert state(vault) == before
    vault.lock()


def test_the_desktop_asks_for_the_compact_form_and_reads_the_long_one(
    live: LiveServer, admin: Admin, tmp_path: Path
) -> None:
    """A real push both ways, through ``Transport`` (its ``compact`` off: the long form,
    as from a server that does not know the header): every record has the server's
    revision of it."""
    from spt_server.db import Record
    from tests.support.server_kit import PASSWORD, add_candidate, make_vault

    seen: dict[bool, list[bytes]] = {True: [], False: []}
    for compact in (True, False):
        email = f"{'ab'[compact]}@spt.nl"
        admin.add_coach(email)
        vault = make_vault(tmp_path / f"v{compact}.sptvault")
        engine.login(vault, live.url, email, PASSWORD)
        cand = add_candidate(vault)
        for i in range(30):
            add_note(vault, cand, f"Gesprek {i}")

        class Kept(Transport):
            def sync_bytes(self, token: str, request: Any) -> bytes:
                out = super().sync_bytes(token, request)
                seen[self.compact].append(out)
                return out

        with Kept(live.url) as t:
            t.compact = compact
            assert engine.sync(vault, transport=t).pushed >= 31
        with vault.engine.connect() as conn:
            revs = {
                rid: rev for table in apply.TABLES.values()
                for rid, rev in conn.execute(sa.select(table.c.id, table.c.server_rev))
            }  # fmt: skip
        vault.lock()
        with admin.session() as s:
            found = s.execute(sa.select(Record.id, Record.rev).where(Record.id.in_(revs)))
            stored = {rid: rev for rid, rev in found.all()}
        assert len(revs) >= 31 and revs == stored
    pushes = {c: [json.loads(b)["push"] for b in bodies if b'"push":{' in b]
              for c, bodies in seen.items()}  # fmt: skip
    assert pushes[True] and all("applied" in push for push in pushes[True])
    assert pushes[False] and not any("applied" in push for push in pushes[False])
    assert sum(len(push["results"]) for push in pushes[True]) == 0
