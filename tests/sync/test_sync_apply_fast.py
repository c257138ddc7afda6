"""The sync engine's set-based apply gives the vault the same state as applying record by
record through SQLAlchemy (the careful path, written out here as the reference): mixed
pages of new records, updates, unchanged records, tombstones, repeats and records with
local changes not yet pushed; and a push's results (acknowledged, conflicting, refused).
"""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from spt_common import protocol as p
from spt_desktop import demo
from spt_desktop.models import SYNCED_ENTITIES
from spt_desktop.models.base import utcnow
from spt_desktop.models.vault import Vault
from spt_desktop.sync import apply, engine
from spt_desktop.sync.transport import (
    PushAnswer,
    Transport,
    Unreachable,
    WireResult,
    read_answer,
)
from tests.support.server_kit import (
    PASSPHRASE,
    PASSWORD,
    Admin,
    LiveServer,
    add_candidate,
    add_note,
    count,
    edit,
    make_vault,
)

TODAY = date(2026, 11, 30)


# --- a vault whose rows came from the server ------------------------------------------


def synced_vault(tmp_path: Path) -> Vault:
    """A small demo caseload, as if pulled: every row has a server revision, the outbox
    is empty."""
    vault: Vault = make_vault(tmp_path / "bron.sptvault")
    demo.fill_vault(vault, 12, 7, TODAY)
    with engine.remote_connection(vault) as conn:
        conn.exec_driver_sql("DELETE FROM outbox")
        for i, table in enumerate(apply.TABLES.values()):
            conn.execute(sa.update(table).values(server_rev=100 + i))
    return vault


def copy_of(vault: Vault, tmp_path: Path, name: str) -> Vault:
    vault.lock()
    target = tmp_path / f"{name}.sptvault"
    for src, dst in ((vault.path, target), (vault.key_path, Path(str(target) + ".key"))):
        shutil.copy(src, dst)
    vault.unlock(PASSPHRASE)
    copy = Vault(target)
    copy.unlock(PASSPHRASE)
    return copy


def wire_records(vault: Vault) -> dict[str, list[p.Record]]:
    """Every synced row of ``vault`` as the server would send it."""
    out: dict[str, list[p.Record]] = {}
    with vault.engine.connect() as conn:
        for entity, table in apply.TABLES.items():
            for row in conn.execute(sa.select(table).order_by(table.c.id)):
                m = row._mapping
                data = {n: apply.to_wire(m[n]) for n in p.ENTITY_FIELDS[entity]}
                out.setdefault(entity, []).append(
                    p.Record(
                        entity=entity,  # type: ignore[arg-type]
                        id=m["id"],
                        rev=m["server_rev"] or 0,
                        deleted=m["deleted"],
                        data=data,
                    )
                )
    return out


def changed(rec: p.Record, rev: int, deleted: bool | None = None, **data: Any) -> p.Record:
    return p.Record(
        entity=rec.entity,
        id=rec.id,
        rev=rev,
        deleted=rec.deleted if deleted is None else deleted,
        data={**rec.data, **data},
    )


def new_id(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


# --- the careful path ----------------------------------------------------------------


def apply_careful(conn: sa.Connection, records: list[p.Record]) -> None:
    """Record by record through SQLAlchemy Core: every field written, as the engine did
    before it wrote set-based."""
    pending = apply._pending_fields(conn, [r.id for r in records])
    now = utcnow()
    for rec in records:
        if rec.id in pending:
            apply._apply_over_local(conn, apply.wire_record(rec), pending[rec.id], now)
            continue
        table = apply.TABLES[rec.entity]
        values = apply.from_wire(rec.entity, rec.data)
        values.update(server_rev=rec.rev, deleted=rec.deleted, modified_at=now)
        if conn.execute(sa.select(table.c.id).where(table.c.id == rec.id)).first():
            conn.execute(sa.update(table).where(table.c.id == rec.id).values(values))
        else:
            conn.execute(sa.insert(table).values(id=rec.id, **values))


def state(vault: Vault) -> dict[str, Any]:
    """Everything sync and search keep in the vault, but the local modification times."""
    out: dict[str, Any] = {}
    with vault.engine.connect() as conn:
        for entity, table in apply.TABLES.items():
            cols = [c for c in table.columns if c.name != "modified_at"]
            out[entity] = conn.execute(sa.select(*cols).order_by(table.c.id)).all()
        for sql in (
            "SELECT rowid, candidate_id, body FROM search_fts ORDER BY rowid",
            "SELECT doc, candidate_id FROM search_owner ORDER BY doc",
            "SELECT entity, record_id, op, fields FROM outbox ORDER BY seq",
            "SELECT entity, record_id, candidate_id, kind, field, local_value, server_value, "
            "server_rev FROM sync_conflict ORDER BY detected_at",
        ):
            out[sql] = conn.exec_driver_sql(sql).all()
    return out


def modified(vault: Vault, entity: str, rid: str) -> datetime:
    table = apply.TABLES[entity]
    with vault.engine.connect() as conn:
        value = conn.execute(sa.select(table.c.modified_at).where(table.c.id == rid)).scalar()
    assert isinstance(value, datetime)
    return value


# --- pages ---------------------------------------------------------------------------


def test_a_mixed_page_leaves_the_same_vault_as_the_careful_path(tmp_path: Path) -> None:
    source = synced_vault(tmp_path)
    recs = wire_records(source)
    cand, other, third = recs["candidate"][0], recs["candidate"][1], recs["candidate"][2]
    visit, note = recs["visit"][0], recs["note"][0]
    # Local work not yet pushed, the same in both vaults: an edit of one field of
    # ``other`` and a deleted note.
    edit(source, "candidate", other.id, phone="0612345678")
    edit(source, "note", recs["note"][1].id, deleted=True)
    fast, careful = copy_of(source, tmp_path, "snel"), copy_of(source, tmp_path, "zorgvuldig")
    brand_new_cand = changed(cand, 900, first_name="Noor", last_name="Bakker")
    brand_new_cand = p.Record(**{**brand_new_cand.model_dump(), "id": new_id(1)})
    page = [
        # unchanged (the server re-sends a granted dossier): nothing to write
        recs["consent"][0],
        # only a new revision
        changed(recs["goal"][0], 500),
        # indexed text and plain fields changed
        changed(cand, 501, first_name="Fatima", next_follow_up="2026-12-24"),
        changed(visit, 502, topics="Zeppelinhangaar bezocht", dropout_risk=True),
        # a tombstone of a known record and of one the vault never had
        changed(note, 503, deleted=True),
        p.Record(entity="note", id=new_id(2), rev=504, deleted=True, data=dict(note.data)),
        # new records of several kinds, one sent twice (the later one counts)
        brand_new_cand,
        changed(brand_new_cand, 905, first_name="Xandrijntje"),
        p.Record(
            entity="note",
            id=new_id(3),
            rev=506,
            data={**note.data, "candidate_id": new_id(1), "text": "Kennismaking op locatie"},
        ),
        # records with local changes: the edited field stays, the rest comes in
        changed(other, 507, phone="0699999999", municipality="Hoorn"),
        changed(recs["note"][1], 508, text="Tekst van de server"),
        # a timestamp without microseconds, a nullable field cleared
        changed(third, 509, email=None, registered_on="2026-01-05"),
        changed(recs["journey_event"][0], 510, reason="Door naar bemiddeling"),
    ]
    before = modified(fast, "consent", recs["consent"][0].id)
    with engine.remote_connection(fast) as conn:
        assert apply.apply_page(conn, page) == len(page)
    with engine.remote_connection(careful) as conn:
        apply_careful(conn, page)
    assert state(fast) == state(careful)
    # Unchanged and revision-only records keep their local time; changed ones do not.
    assert modified(fast, "consent", recs["consent"][0].id) == before
    assert modified(fast, "goal", recs["goal"][0].id) < modified(fast, "candidate", cand.id)
    # Search finds the new text, and no longer the old.
    with fast.engine.connect() as conn:
        hits = conn.exec_driver_sql(
            "SELECT candidate_id FROM search_fts WHERE search_fts MATCH 'Zeppelinhangaar'"
        ).all()
        assert hits == [(visit.data["candidate_id"],)]
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'Xandrijntje'"
            ).scalar()
            == 1
        )
    fast.lock()
    careful.lock()
    source.lock()


def test_a_whole_caseload_twice_is_written_once(tmp_path: Path) -> None:
    """A first pull into an empty vault gets every record (and in the server's granted
    stream some twice): the result equals the careful path's, and the second time
    round nothing changes at all."""
    source = synced_vault(tmp_path)
    records = [r for rs in wire_records(source).values() for r in rs]
    fast = make_vault(tmp_path / "leeg-snel.sptvault")
    careful = copy_of(fast, tmp_path, "leeg-zorgvuldig")
    for i in range(0, len(records), 97):
        with engine.remote_connection(fast) as conn:
            apply.apply_page(conn, records[i : i + 97])
        with engine.remote_connection(careful) as conn:
            apply_careful(conn, records[i : i + 97])
    first = state(fast)
    assert first == state(careful)
    with fast.engine.connect() as conn:
        writes = conn.exec_driver_sql("SELECT total_changes()").scalar()
        apply.apply_page(conn, records)
        conn.commit()
        assert conn.exec_driver_sql("SELECT total_changes()").scalar() == writes
    assert state(fast) == first
    for v in (fast, careful, source):
        v.lock()


# --- push results --------------------------------------------------------------------


@pytest.mark.parametrize("form", ["model", "older server", "defaults left out"])
def test_push_results_ack_record_conflicts_and_take_the_servers_versions(
    tmp_path: Path, form: str
) -> None:
    """The same answer as a ``p.PushResult`` (a test's), as plain data with every field
    written (an older server) and with the fields at their defaults left out (the server
    since round 8 of issue 13): the same vault after it."""
    vault = synced_vault(tmp_path)
    recs = wire_records(vault)
    cand, goal, note, visit = (recs[e][0] for e in ("candidate", "goal", "note", "visit"))
    edit(vault, "candidate", cand.id, phone="0611111111", notes="Belt terug")
    edit(vault, "goal", goal.id, description="Eigen doel")
    edit(vault, "note", note.id, text="Mijn tekst")
    edit(vault, "visit", visit.id, deleted=True)
    action = recs["action"][0]
    edit(vault, "action", action.id, description="Nieuwe stap")
    with vault.engine.begin() as conn:
        batch = apply.build_batch(conn)
    assert batch is not None
    # Edited again after the batch was made: stays pending, keeps its old revision.
    edit(vault, "action", action.id, owner="Kandidaat")
    server_goal = changed(goal, 700, description="Doel van de server")
    result = p.PushResult(
        batch_id=batch["batch"]["batch_id"],
        results=[
            p.ChangeResult(
                id=cand.id,
                status="conflict",
                rev=601,
                conflicts=[p.FieldConflict(field="phone", yours="0611111111", theirs="0622")],
            ),
            p.ChangeResult(id=goal.id, status="rejected", rev=700, record=server_goal),
            p.ChangeResult(id=note.id, status="gone", rev=602),
            p.ChangeResult(id=visit.id, status="applied", rev=603),
            p.ChangeResult(id=action.id, status="applied", rev=604),
        ],
    )
    answer: p.PushResult | PushAnswer = result
    if form != "model":
        body = {"protocol": p.PROTOCOL_VERSION, "coach_id": cand.id, "pull": {
            "records": [], "cursor": "1", "more": False}}  # fmt: skip
        body["push"] = result.model_dump(mode="json", exclude_defaults=form != "older server")
        read = read_answer(json.dumps(body).encode()).push
        assert read is not None and type(read.results[0]) is WireResult
        assert ("reason" in body["push"]["results"][0]) is (form == "older server")
        answer = read
    with engine.remote_connection(vault) as conn:
        conn.exec_driver_sql("DELETE FROM outbox WHERE seq <= ?", (batch["max_seq"],))
        # The phone: a conflict; the note deleted elsewhere: a conflict; the goal: refused.
        assert apply.apply_results(conn, batch, answer) == (2, 1)
    with vault.engine.connect() as conn:

        def row(entity: str, rid: str) -> Any:
            t = apply.TABLES[entity]
            return conn.execute(sa.select(t).where(t.c.id == rid)).one()

        c = row("candidate", cand.id)
        assert (c.server_rev, c.phone, c.notes) == (601, "0622", "Belt terug")
        g = row("goal", goal.id)
        assert (g.server_rev, g.description) == (700, "Doel van de server")
        assert row("note", note.id).text == "Mijn tekst"  # gone: nothing changed here
        assert row("visit", visit.id).server_rev == 603
        assert row("action", action.id).server_rev == action.rev  # still pending
        conflicts = conn.exec_driver_sql(
            "SELECT entity, record_id, candidate_id, kind, field FROM sync_conflict "
            "ORDER BY detected_at"
        ).all()
    assert conflicts == [
        ("candidate", cand.id, cand.id, "field", "phone"),
        ("goal", goal.id, goal.data["candidate_id"], "rejected", None),
        ("note", note.id, note.data["candidate_id"], "deleted", None),
    ]
    vault.lock()


def test_the_stored_values_match_the_orms(tmp_path: Path) -> None:
    """Dates, timestamps (with and without microseconds), booleans and codes are stored
    by the set-based apply exactly as the ORM stores them."""
    source = synced_vault(tmp_path)
    recs = wire_records(source)
    target = make_vault(tmp_path / "doel.sptvault")
    visit = changed(recs["visit"][0], 5, visited_at="2026-11-30T09:00:00", signed_off_at=None)
    note = changed(recs["note"][0], 6, written_at="2026-11-30T09:00:00.123456")
    with engine.remote_connection(target) as conn:
        apply.apply_page(conn, [visit, note])
    with target.transaction() as s:
        v = s.get(SYNCED_ENTITIES["visit"], visit.id)
        n = s.get(SYNCED_ENTITIES["note"], note.id)
        assert v is not None and n is not None
        assert v.visited_at == datetime(2026, 11, 30, 9, 0)
        assert n.written_at == datetime(2026, 11, 30, 9, 0, 0, 123456)
        assert v.dropout_risk is visit.data["dropout_risk"]
        assert v.mode == visit.data["mode"]
    with source.engine.connect() as a, target.engine.connect() as b:
        sql = "SELECT typeof(visited_at), typeof(dropout_risk), typeof(follow_up_on) FROM visit"
        assert b.exec_driver_sql(sql).first() in a.exec_driver_sql(sql).all()
    source.lock()
    target.lock()


# --- building a batch ----------------------------------------------------------------


def test_a_batch_carries_the_values_the_orm_reads(tmp_path: Path) -> None:
    """The batch is built from raw rows; every value equals what the ORM reads, made
    wire values (dates, timestamps with and without microseconds, booleans, codes,
    nulls), for new records, edited fields and deletes."""
    vault: Vault = make_vault(tmp_path / "bron.sptvault")
    demo.fill_vault(vault, 12, 7, TODAY)
    recs = wire_records(vault)
    visit = recs["visit"][0]
    edit(vault, "visit", visit.id, visited_at=datetime(2026, 11, 30, 9, 0), dropout_risk=True)
    edit(vault, "note", recs["note"][0].id, deleted=True)
    with vault.engine.begin() as conn:
        batch = apply.build_batch(conn, limit=10_000)
    assert batch is not None
    changes = batch["batch"]["changes"]
    assert {c["entity"] for c in changes} >= set(p.ENTITY_FIELDS) - {"coach", "dropout"}
    with vault.transaction() as s:
        for change in changes:
            obj = s.get(SYNCED_ENTITIES[change["entity"]], change["id"])
            assert obj is not None
            assert change["base_rev"] == obj.server_rev
            if change["op"] == "delete":
                assert obj.deleted
                continue
            assert change["fields"] == {
                n: apply.to_wire(getattr(obj, n)) for n in p.ENTITY_FIELDS[change["entity"]]
            }
    visit_change = next(c for c in changes if c["id"] == visit.id)
    assert visit_change["fields"]["visited_at"] == "2026-11-30T09:00:00"
    assert visit_change["fields"]["dropout_risk"] is True
    vault.lock()


# --- the run's connection --------------------------------------------------------------


def test_a_sync_gives_its_connection_back_as_it_took_it(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """One connection serves the whole run, with foreign keys off while it applies and
    a lighter flush for a no-change sync's time stamp: both are back to the vault's
    settings once the run ends, whichever way it ended."""
    admin.add_coach("anna@spt.nl")
    vault: Vault = make_vault(tmp_path / "a.sptvault")
    engine.login(vault, live.url, "anna@spt.nl", PASSWORD)
    cand = add_candidate(vault)
    add_note(vault, cand)

    def pragmas() -> set[tuple[int, int]]:
        # Every connection of the pool: open as many as it keeps.
        with vault.engine.connect() as c1, vault.engine.connect() as c2:
            return {
                (
                    int(c.exec_driver_sql("PRAGMA foreign_keys").scalar() or 0),
                    int(c.exec_driver_sql("PRAGMA synchronous").scalar() or 0),
                )
                for c in (c1, c2)
            }

    full = pragmas()
    assert full == {(1, 2)}
    with Transport(live.url, retries=0, backoff=0.01) as t:
        assert engine.sync(vault, transport=t).pushed >= 3
        assert pragmas() == full
        assert engine.sync(vault, transport=t).requests == 1  # nothing to do
        assert pragmas() == full
    live.stop()
    with Transport(live.url, retries=0, backoff=0.01) as t, pytest.raises(Unreachable):
        add_note(vault, cand, "Nog een")
        engine.sync(vault, transport=t)
    assert pragmas() == full
    assert count(vault, "outbox") >= 1
    vault.lock()


def test_text_through_the_json_insert_arrives_whole(tmp_path: Path) -> None:
    """New searched records go to SQLite as one JSON array: every character arrives,
    a NUL and non-ASCII text included."""
    source = synced_vault(tmp_path)
    note = wire_records(source)["note"][0]
    target = make_vault(tmp_path / "doel.sptvault")
    odd = p.Record(entity="note", id=new_id(7), rev=9, data={**note.data, "text": "a\x00b"})
    plain = p.Record(entity="note", id=new_id(8), rev=9, data={**note.data, "text": "é € ✓"})
    with engine.remote_connection(target) as conn:
        apply.apply_page(conn, [odd])
        apply.apply_page(conn, [plain])
    with target.engine.connect() as conn:
        t = apply.TABLES["note"]
        texts = dict(conn.execute(sa.select(t.c.id, t.c.text)).all())
    assert texts == {odd.id: "a\x00b", plain.id: "é € ✓"}
    source.lock()
    target.lock()
