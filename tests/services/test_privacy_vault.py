"""Privacy in the vault (issue 10 §4), on real SQLCipher vault files: a purge takes the
candidate's form drafts along; a deleted record keeps no text, in its row or in the
search index; the access export holds everything still held and nothing deleted; a
draft never keeps a BSN."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from spt_desktop.models.vault import Vault
from spt_desktop.services.session import Owner, VaultSession
from spt_desktop.sync.purge import purge_candidates
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.services.factories import ONLY_PROCESSING, employer, profile


@pytest.fixture
def session(tmp_path: Path) -> Iterator[VaultSession]:
    s = VaultSession(
        tmp_path / "coach.sptvault",
        kdf=FAST_KDF,
        now=lambda: datetime(2026, 11, 30, 9, 15),
    )
    s.create(PASSPHRASE, Owner("Sanne Bakker", "sanne@example.nl"))
    yield s
    s.lock()


def vault_of(session: VaultSession) -> Vault:
    return session._vault  # the test reads the file's rows itself


def raw_dump(vault: Vault) -> str:
    """Every value of every table in the decrypted vault (the FTS shadow tables too,
    blobs decoded), as one text to search."""
    out: list[str] = []
    with vault.engine.connect() as conn:
        tables = [
            name
            for (name,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        ]
        for name in tables:
            for row in conn.exec_driver_sql(f'SELECT * FROM "{name}"'):
                for value in row:
                    if isinstance(value, bytes):
                        out.append(value.decode("utf-8", "replace"))
                    elif value is not None:
                        out.append(str(value))
    return "\n".join(out)


# --- a purge takes the drafts along ---------------------------------------------------


def test_a_purge_removes_the_drafts_about_that_candidate_and_no_others(
    session: VaultSession,
) -> None:
    svc = session.services
    x = svc.candidates.register(profile(first_name="Xandra"), ONLY_PROCESSING)
    y = svc.candidates.register(profile(first_name="Yusuf"), ONLY_PROCESSING)
    session.save_draft(f"visit:{x.id}", {"topics": "Xandra-geheim werkplek"}, about=x.id)
    session.save_draft(f"intake:{x.id}", {"background": "Xandra-geheim achtergrond"}, about=x.id)
    session.save_draft(f"handover:{x.id}", {"summary": "Xandra-geheim overdracht"}, about=x.id)
    session.save_draft(f"visit:{y.id}", {"topics": "Yusuf werkplek"}, about=y.id)
    session.save_draft("register", {"first_name": "Nog niemand"}, about=None)
    vault = vault_of(session)
    with vault.engine.begin() as conn:
        purge_candidates(conn, [x.id])
    assert set(session.drafts()) == {f"visit:{y.id}", "register"}
    assert "Xandra-geheim" not in raw_dump(vault)
    assert "Yusuf werkplek" in raw_dump(vault)


def test_a_draft_about_a_candidate_no_longer_in_the_vault_is_not_kept(
    session: VaultSession,
) -> None:
    """A form left open while a sync purged its candidate: locking saves the open
    forms as drafts, but not one about someone who has left the vault."""
    x = session.services.candidates.register(profile(), ONLY_PROCESSING)
    with vault_of(session).engine.begin() as conn:
        purge_candidates(conn, [x.id])
    session.save_draft(f"visit:{x.id}", {"topics": "na de purge"}, about=x.id)
    assert session.drafts() == {}


def test_a_draft_is_about_the_candidate_its_form_names_whatever_the_form_id(
    session: VaultSession,
) -> None:
    """The candidate of a draft was read from the last ':' segment of its form id. A form
    id ending with another record's id (an employer's) was taken for a candidate not in
    the vault, and its draft was dropped as it was saved, without a word; a form id
    naming her elsewhere was missed by a purge. Now the form says whom it is about."""
    svc = session.services
    x = svc.candidates.register(profile(first_name="Xandra"), ONLY_PROCESSING)
    emp = svc.employers.create(employer())
    session.save_draft(f"vacancy:{emp.id}", {"title": "Monteur"}, about=None)
    session.save_draft(f"placement:{x.id}:{emp.id}", {"job_title": "Xandra-geheim"}, about=x.id)
    assert session.load_draft(f"vacancy:{emp.id}") == {"title": "Monteur"}  # kept
    assert session.draft_owners() == {f"placement:{x.id}:{emp.id}": x.id}
    vault = vault_of(session)
    with vault.engine.begin() as conn:
        purge_candidates(conn, [x.id])
    assert set(session.drafts()) == {f"vacancy:{emp.id}"}
    assert "Xandra-geheim" not in raw_dump(vault)


# --- no BSN in a draft ------------------------------------------------------------------


def test_a_draft_is_stored_without_the_fields_that_hold_a_bsn(session: VaultSession) -> None:
    x = session.services.candidates.register(profile(), ONLY_PROCESSING)
    refused = session.save_draft(
        f"visit:{x.id}",
        {"topics": "Pasnummer 1112.22.333", "agreements": "Start maandag", "notes": "06-12345678"},
        about=x.id,
    )
    assert refused == ["topics"]
    assert session.load_draft(f"visit:{x.id}") == {
        "agreements": "Start maandag",
        "notes": "06-12345678",
    }
    assert "1112.22.333" not in raw_dump(vault_of(session))


def _json_rows(vault: Vault, sql: str) -> list[Any]:
    with vault.engine.connect() as conn:
        return [json.loads(v) for (v,) in conn.exec_driver_sql(sql)]


# --- a deleted record keeps no text -----------------------------------------------------

# Words that occur nowhere else: a hit in the raw rows is residue of deleted text.
MARKERS = ("kwartelkoning", "reigerbekje", "zwaluwstaart", "grutto", "wulpenroep")


def hits(vault: Vault) -> list[str]:
    dump = raw_dump(vault).lower()
    return [m for m in MARKERS if m in dump]


def test_deleting_through_the_services_clears_the_rows_and_the_index(
    session: VaultSession,
) -> None:
    svc = session.services
    cand = svc.candidates.register(profile(), ONLY_PROCESSING)
    visit = svc.visits.log(cand.id, {"topics": "Kwartelkoning op de werkvloer"})
    goal = svc.plans.add_goal(cand.id, "Reigerbekje leren lassen")
    svc.plans.add_action(goal.id, "Zwaluwstaart oefenen", "Kandidaat")
    vault = vault_of(session)
    assert hits(vault) == ["kwartelkoning", "reigerbekje", "zwaluwstaart"]
    assert len(svc.queries.search("kwartelkoning")) == 1

    svc.visits.delete(visit.id)
    svc.plans.remove_goal(goal.id)

    assert hits(vault) == []
    assert svc.queries.search("kwartelkoning") == []
    # What sync needs stays: the tombstone, its references, the delete in the outbox.
    with vault.engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT deleted, candidate_id, topics, coach_id FROM visit WHERE id = ?", (visit.id,)
        ).one()
        assert tuple(row) == (1, cand.id, "", vault.owner_id)
        ops = conn.exec_driver_sql(
            "SELECT op FROM outbox WHERE record_id = ? ORDER BY seq", (visit.id,)
        ).all()
        assert [o for (o,) in ops] == ["insert", "delete"]


def _tombstone(entity: str, rid: str, data: dict[str, Any], rev: int = 50) -> Any:
    from spt_common import protocol as p

    return p.Record(entity=entity, id=rid, rev=rev, deleted=True, data=data)


def test_a_pulled_tombstone_clears_the_rows_and_the_index(session: VaultSession) -> None:
    """The server erases a candidate: her record, a note and a visit arrive as
    tombstones (today still with their content); one visit has an unpushed local edit,
    and one note was never in this vault. None of their text stays."""
    from spt_desktop.sync.apply import apply_page, to_wire

    svc = session.services
    cand = svc.candidates.register(
        profile(first_name="Grutto", notes="Wulpenroep in het dossier"), ONLY_PROCESSING
    )
    note = svc.candidates.add_note(cand.id, "Kwartelkoning genoteerd")
    visit = svc.visits.log(cand.id, {"topics": "Reigerbekje"})
    edited = svc.visits.log(cand.id, {"topics": "eerste versie"})
    svc.visits.update(edited.id, {"topics": "Zwaluwstaart bijgewerkt"})  # still unpushed
    vault = vault_of(session)
    assert hits(vault) == list(MARKERS)

    def wire(table: str, rid: str) -> dict[str, Any]:
        with vault.engine.connect() as conn:
            row = conn.exec_driver_sql(f"SELECT * FROM {table} WHERE id = ?", (rid,)).one()
        return {k: to_wire(v) for k, v in row._mapping.items()}

    records = [
        _tombstone("candidate", cand.id, wire("candidate", cand.id)),
        _tombstone("note", note.id, wire("note", note.id)),
        _tombstone("visit", visit.id, wire("visit", visit.id)),
        _tombstone("visit", edited.id, wire("visit", edited.id)),
        _tombstone("note", "00000000-0000-4000-8000-000000000001", wire("note", note.id)),
    ]
    with vault.engine.begin() as conn:
        apply_page(conn, records)
    assert hits(vault) == []
    assert svc.queries.search("grutto") == [] and svc.queries.search("kwartel") == []
    with vault.engine.connect() as conn:
        kept = conn.exec_driver_sql("SELECT id, candidate_id, deleted FROM note ORDER BY id").all()
    assert {tuple(r) for r in kept} == {
        (note.id, cand.id, 1),
        ("00000000-0000-4000-8000-000000000001", cand.id, 1),
    }
    # The same tombstones pulled again (with content) write nothing and store nothing.
    with vault.engine.begin() as conn:
        apply_page(conn, records)
    assert hits(vault) == []


def test_the_scrub_of_sync_and_of_the_vault_triggers_is_the_same() -> None:
    """apply.py clears a pulled tombstone's fields itself; migration 0007's triggers do
    it for every other write path, and each later migration that defines a ``SCRUB``
    makes the triggers of its tables anew: the same columns, the same values."""
    import importlib.util

    from spt_desktop.models.migrate import MIGRATIONS
    from spt_desktop.sync.apply import TOMBSTONE_SCRUB

    merged: dict[str, dict[str, object]] = {}
    for path in sorted((MIGRATIONS / "versions").glob("0*.py")):
        if path.name < "0007":
            continue
        spec = importlib.util.spec_from_file_location(f"m{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        merged.update(getattr(module, "SCRUB", {}))
    assert merged == TOMBSTONE_SCRUB


def test_the_upgrade_clears_rows_deleted_before_and_their_words_in_the_index(
    vault: Vault,
) -> None:
    """A vault of the previous version, with text deleted the old way (the row kept it,
    the index kept its words): opening it in this version leaves none of it."""
    from spt_desktop.models.migrate import upgrade_to
    from spt_desktop.services import Services

    svc = Services(vault)
    cand = svc.candidates.register(profile(), ONLY_PROCESSING)
    note = svc.candidates.add_note(cand.id, "Kwartelkoning en grutto")
    _as_version_0006(vault)
    with vault.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE note SET deleted = 1 WHERE id = ?", (note.id,))
    assert hits(vault) == ["kwartelkoning", "grutto"]  # the old way: all of it stays
    # To 0007 only: the stand-in already has every later schema change but 0007's.
    upgrade_to(vault.engine, "0007")
    assert hits(vault) == []
    with vault.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT deleted, candidate_id FROM note WHERE id = ?", (note.id,)
        ).one() == (1, cand.id)


def _as_version_0006(vault: Vault) -> None:
    """Make ``vault`` what version 0006 made: without 0007's triggers and secure-delete
    (vault migrations are one-way, so this stands in for an old vault file)."""
    from spt_desktop.sync.apply import TOMBSTONE_SCRUB

    with vault.engine.begin() as conn:
        for table in TOMBSTONE_SCRUB:
            conn.exec_driver_sql(f"DROP TRIGGER {table}_scrub_ai")
            conn.exec_driver_sql(f"DROP TRIGGER {table}_scrub_au")
        conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES ('secure-delete', 0)")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0006'")


# --- the access export ------------------------------------------------------------------


def _conflict_on_phone(vault: Vault, candidate_id: str) -> None:
    """A real conflict: the phone edited here, the server kept another value."""
    from spt_common import protocol as p
    from spt_desktop.sync.apply import apply_results, build_batch

    with vault.engine.begin() as conn:
        batch = build_batch(conn)
        assert batch is not None
        results = [
            p.ChangeResult(id=c["id"], status="applied", rev=i + 1)
            for i, c in enumerate(batch["batch"]["changes"])
            if c["id"] != candidate_id
        ]
        results.append(
            p.ChangeResult(
                id=candidate_id,
                status="conflict",
                rev=99,
                conflicts=[p.FieldConflict(field="phone", yours="06 11111111", theirs="06 22")],
            )
        )
        apply_results(conn, batch, p.PushResult(batch_id="b", results=results))


def test_the_access_export_holds_drafts_and_conflicts_and_nothing_deleted(
    session: VaultSession, tmp_path: Path
) -> None:
    svc = session.services
    x = svc.candidates.register(profile(phone="06 11111111"), ONLY_PROCESSING)
    y = svc.candidates.register(profile(first_name="Yusuf"), ONLY_PROCESSING)
    svc.candidates.add_note(x.id, "Blijft bewaard")
    gone = svc.visits.log(x.id, {"topics": "Kwartelkoning, later verwijderd"})
    svc.visits.delete(gone.id)
    vault = vault_of(session)
    _conflict_on_phone(vault, x.id)
    session.save_draft(f"visit:{x.id}", {"topics": "Grutto, nog niet opgeslagen"}, about=x.id)
    session.save_draft(f"visit:{y.id}", {"topics": "Wulpenroep over een ander"}, about=y.id)

    doc = svc.export.export(x.id)
    [cand] = doc["candidates"]
    assert cand["drafts"] == [
        {"form": "visit", "values": {"topics": "Grutto, nog niet opgeslagen"}}
    ]
    [conflict] = cand["conflicts"]
    assert (conflict["field"], conflict["mine"], conflict["theirs"]) == (
        "phone",
        "06 11111111",
        "06 22",
    )
    assert [n["text"] for n in cand["notes"]] == ["Blijft bewaard"]
    assert cand["visits"] == []
    text = json.dumps(doc).lower()
    assert "kwartelkoning" not in text and "wulpenroep" not in text
    assert gone.id not in json.dumps(cand["visits"])

    # The same from the command line, as a privacy officer runs it.
    import os
    import subprocess
    import sys

    session.lock()
    out = subprocess.run(
        [sys.executable, "-m", "spt_desktop", "export", "--vault", str(vault.path),
         "--candidate", x.id],
        capture_output=True, text=True, check=True,
        env={**os.environ, "SPT_PASSPHRASE": PASSPHRASE},
    )  # fmt: skip
    cli = json.loads(out.stdout)
    assert cli["candidates"][0]["drafts"] == cand["drafts"]
    assert cli["candidates"][0]["conflicts"] == cand["conflicts"]
    session.unlock(PASSPHRASE)


def test_a_conflict_with_a_deleted_record_keeps_only_the_coachs_own_values(
    session: VaultSession,
) -> None:
    """Edited here, erased on the server: the conflict keeps what she typed (hers, she
    sees it in Conflicten), not the erased record's content."""
    from spt_common import protocol as p
    from spt_desktop.sync.apply import apply_results, build_batch

    svc = session.services
    x = svc.candidates.register(profile(first_name="Grutto"), ONLY_PROCESSING)
    vault = vault_of(session)
    with vault.engine.begin() as conn:
        batch = build_batch(conn)
        assert batch is not None
        erased = p.Record(
            entity="candidate", id=x.id, rev=7, deleted=True, data={"first_name": "Grutto"}
        )
        results = [
            p.ChangeResult(id=c["id"], status="gone", rev=7, record=erased)
            if c["id"] == x.id
            else p.ChangeResult(id=c["id"], status="applied", rev=1)
            for c in batch["batch"]["changes"]
        ]
        apply_results(conn, batch, p.PushResult(batch_id="b", results=results))
    rows = _json_rows(vault, "SELECT server_value FROM sync_conflict")
    assert rows == [None]


# --- many removals at once: one rewrite of the index ---------------------------------


def _secure_delete_on(vault: Vault) -> bool:
    with vault.engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT v FROM search_fts_config WHERE k = 'secure-delete'"
        ).first()
    return row is not None and row[0] == 1


def _notes(session: VaultSession, n: int, **over: Any) -> tuple[str, list[str]]:
    svc = session.services
    cand = svc.candidates.register(profile(**over), ONLY_PROCESSING)
    ids = [svc.candidates.add_note(cand.id, f"Kwartelkoning nummer {i}").id for i in range(n)]
    return cand.id, ids


def test_a_page_of_many_tombstones_leaves_no_words_in_the_index(session: VaultSession) -> None:
    from spt_desktop.sync.apply import apply_page
    from spt_desktop.sync.searchindex import BULK_REMOVAL

    cand, notes = _notes(session, BULK_REMOVAL + 10)
    vault = vault_of(session)
    assert _secure_delete_on(vault)
    records = [_tombstone("note", n, {"candidate_id": cand, "text": "x"}) for n in notes]
    with vault.engine.begin() as conn:
        apply_page(conn, records)
    assert hits(vault) == []
    assert _secure_delete_on(vault)  # back on for the next single delete


def test_a_purge_of_many_and_a_wipe_leave_no_words_in_the_index(session: VaultSession) -> None:
    from spt_desktop.sync.purge import wipe

    vault = vault_of(session)
    gone = [_notes(session, 20, first_name=f"Grutto{'x' * i}")[0] for i in range(3)]
    _notes(session, 2, first_name="Reigerbekje")
    with vault.engine.begin() as conn:
        purge_candidates(conn, gone)
    dump = raw_dump(vault).lower()
    assert "grutto" not in dump and "reigerbekje" in dump
    assert _secure_delete_on(vault)
    assert len(session.services.queries.search("kwartelkoning")) == 1  # the kept one
    wipe(vault)
    assert hits(vault) == [] and "reigerbekje" not in raw_dump(vault).lower()
    assert _secure_delete_on(vault)
