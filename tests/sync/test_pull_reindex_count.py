"""A pulled page counts as rewritten in the search index only the rows whose indexed
columns it changes (issue 13, round 16): the page after a first push sets every pushed
candidate's ``spt`` (the server's), which no search trigger watches, and counting those
rows made ``searchindex.removing`` rebuild the whole index for none rewritten. A page
that does change indexed text still takes its old words out (in bulk when many) and
search finds the new. Real SQLCipher vaults, the engine's own apply."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from spt_common import protocol as p
from spt_common.enums import Spt
from spt_desktop import demo
from spt_desktop.models import later_search
from spt_desktop.models.vault import Vault
from spt_desktop.sync import apply, engine, searchindex
from tests.support.server_kit import make_vault
from tests.sync.test_sync_apply_fast import changed, wire_records

TODAY = date(2026, 11, 30)
# More candidates than a bulk removal's least, and enough that as many rewritten rows
# outnumber the documents held by ``REBUILD_PER_REMOVAL``'s share: counted as rewritten,
# a page of all of them is removed in bulk (the index rebuilt).
CANDIDATES = 60


def synced_vault(tmp_path: Path) -> Vault:
    """A demo caseload as if pulled: every row has a server revision, no outbox."""
    vault: Vault = make_vault(tmp_path / "kluis.sptvault")
    demo.fill_vault(vault, CANDIDATES, 7, TODAY)
    with engine.remote_connection(vault) as conn:
        conn.exec_driver_sql("DELETE FROM outbox")
        for i, table in enumerate(apply.TABLES.values()):
            conn.execute(sa.update(table).values(server_rev=100 + i))
    return vault


def _statements(vault: Vault) -> list[str]:
    """A list that collects the statements run through ``vault``'s engine from now on
    (``searchindex``'s are: the bulk removal's secure-delete switch and ``rebuild``)."""
    seen: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    sa.event.listen(vault.engine, "before_cursor_execute", note)
    return seen


def _index(vault: Vault) -> tuple[list[Any], list[Any], list[Any]]:
    """The index as stored (FTS5's own blocks), its documents and their owners."""
    with vault.engine.connect() as conn:
        return (
            conn.exec_driver_sql("SELECT id, block FROM search_fts_data ORDER BY id").all(),
            conn.exec_driver_sql(
                "SELECT rowid, candidate_id, body FROM search_fts ORDER BY rowid"
            ).all(),
            conn.exec_driver_sql("SELECT doc, candidate_id FROM search_owner ORDER BY doc").all(),
        )


def _found(vault: Vault, word: str) -> set[str]:
    with vault.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT DISTINCT candidate_id FROM search_fts WHERE search_fts MATCH ?", (word,)
        ).all()
    return {r[0] for r in rows}


def _other_spt(value: str) -> str:
    return Spt.MIDDEN.value if value != Spt.MIDDEN.value else Spt.NOORD_HOLLAND.value


def test_a_page_that_changes_only_unindexed_columns_leaves_the_index_untouched(
    tmp_path: Path,
) -> None:
    vault = synced_vault(tmp_path)
    cands = wire_records(vault)["candidate"]
    assert len(cands) == CANDIDATES
    page = [changed(c, 900 + i, spt=_other_spt(c.data["spt"])) for i, c in enumerate(cands)]
    name = cands[0].data["last_name"]
    before = _index(vault)
    assert cands[0].id in _found(vault, f'"{name}"')
    seen = _statements(vault)
    with engine.remote_connection(vault) as conn:
        assert apply.apply_page(conn, page) == CANDIDATES
    # The page went in: every candidate has the server's spt and revision.
    table = apply.TABLES["candidate"]
    with vault.engine.connect() as conn:
        rows = dict(conn.execute(sa.select(table.c.id, table.c.spt)).all())
        revs = set(conn.execute(sa.select(table.c.server_rev)).scalars())
    assert {rid: str(getattr(v, "value", v)) for rid, v in rows.items()} == {
        r.id: r.data["spt"] for r in page
    }
    assert revs == set(range(900, 900 + CANDIDATES))
    # Nothing of the index was rewritten, not even rebuilt the same.
    assert not [s for s in seen if s.startswith("INSERT INTO search_fts")]
    assert _index(vault) == before
    assert cands[0].id in _found(vault, f'"{name}"')
    vault.lock()


def test_a_page_that_changes_indexed_text_still_rewrites_the_index(tmp_path: Path) -> None:
    vault = synced_vault(tmp_path)
    cands = wire_records(vault)["candidate"]
    old = cands[0].data["last_name"]
    page = [
        changed(c, 900 + i, spt=_other_spt(c.data["spt"]), last_name=f"Zwaluwstaart{i}")
        for i, c in enumerate(cands)
    ]
    seen = _statements(vault)
    with engine.remote_connection(vault) as conn:
        assert apply.apply_page(conn, page) == CANDIDATES
    # As many rewritten rows are taken out in bulk: the index made anew.
    assert any("'rebuild'" in s for s in seen)
    _, docs, owners = _index(vault)
    assert len(docs) == len(owners)
    assert _found(vault, "Zwaluwstaart7") == {cands[7].id}
    # Each candidate's document reads its row as it is now: the old name is gone.
    with vault.engine.connect() as conn:
        body = conn.exec_driver_sql(
            "SELECT f.body FROM candidate AS c JOIN search_fts AS f "
            "ON f.rowid = c.rowid * 8 + 1 WHERE c.id = ?",
            (cands[0].id,),
        ).scalar()
    assert "Zwaluwstaart0" in body and old not in body
    with vault.engine.connect() as conn:
        conn.exec_driver_sql(
            "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)"
        )
    vault.lock()


def test_a_few_rows_of_indexed_text_are_rewritten_one_by_one(tmp_path: Path) -> None:
    """Below a bulk removal's least the rows go through the triggers with secure-delete:
    the count still sees them (a change of the candidate of a note, of a deleted flag)."""
    vault = synced_vault(tmp_path)
    recs = wire_records(vault)
    note, other = recs["note"][0], recs["candidate"][1]
    page = [
        changed(recs["candidate"][0], 900, first_name="Wilhelmina"),
        changed(note, 901, candidate_id=other.id),
    ]
    seen = _statements(vault)
    with engine.remote_connection(vault) as conn:
        assert apply.apply_page(conn, page) == 2
    assert not any("'rebuild'" in s for s in seen)
    assert _found(vault, "Wilhelmina") == {recs["candidate"][0].id}
    with vault.engine.connect() as conn:
        owner = conn.exec_driver_sql(
            "SELECT o.candidate_id FROM note JOIN search_owner AS o "
            "ON o.doc = note.rowid * 8 + 2 WHERE note.id = ?",
            (note.id,),
        ).scalar()
    assert owner == other.id
    vault.lock()


def _plan(vault: Vault, page: list[p.Record]) -> int:
    """What the page's plan counts as rewritten in the index (nothing written)."""
    with engine.remote_connection(vault) as conn:
        cursor = apply.driver_cursor(conn)
        total = 0
        for entity in {r.entity for r in page}:
            shape = apply._shape(conn, entity)
            recs = {r.id: apply.wire_record(r) for r in page if r.entity == entity}
            total += apply._plan_rows(cursor, shape, recs, "2026-12-07 00:00:00").reindexed
        conn.rollback()
    return total


def test_the_count_takes_exactly_the_changes_the_triggers_fire_on(tmp_path: Path) -> None:
    vault = synced_vault(tmp_path)
    recs = wire_records(vault)
    cand, note, visit = recs["candidate"][0], recs["note"][0], recs["visit"][0]
    assert _plan(vault, [changed(cand, 900)]) == 0  # a revision alone
    assert _plan(vault, [changed(cand, 900, spt=_other_spt(cand.data["spt"]))]) == 0
    assert _plan(vault, [changed(cand, 900, phone="0611111111")]) == 0
    assert _plan(vault, [changed(cand, 900, municipality="Urk")]) == 1
    assert _plan(vault, [changed(cand, 900, deleted=True)]) == 1
    assert _plan(vault, [changed(note, 900, text="Nieuw")]) == 1
    assert _plan(vault, [changed(note, 900, candidate_id=recs["candidate"][1].id)]) == 1
    assert _plan(vault, [changed(visit, 900, dropout_risk=not visit.data["dropout_risk"])]) == 0
    assert _plan(vault, [changed(visit, 900, topics="Anders")]) == 1
    vault.lock()


_UPDATE_OF = re.compile(r"AFTER UPDATE OF (.+?) ON (\w+)", re.S)


def test_the_counted_columns_are_those_of_the_vaults_update_triggers(tmp_path: Path) -> None:
    """``_Shape.searched`` names, per table, the columns of the vault's own UPDATE
    triggers that write the index (a migration that changes them changes the count)."""
    vault = make_vault(tmp_path / "nieuw.sptvault")
    watched: dict[str, set[str]] = {}
    with vault.engine.connect() as conn:
        for (sql,) in conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' "
            "AND (sql LIKE '%search_fts%' OR sql LIKE '%search_owner%')"
        ):
            m = _UPDATE_OF.search(sql)
            if m:
                cols = {c.strip() for c in m.group(1).split(",")}
                watched.setdefault(m.group(2), set()).update(cols)
        assert set(watched) == set(later_search.SOURCES)
        for entity, table in apply.TABLES.items():
            shape = apply._shape(conn, entity)
            assert shape.indexed == (table.name in watched)
            names = ("server_rev", "deleted", *shape.fields)
            counted = {names[i] for i in shape.searched}
            # The table's id never changes (a candidate's document names it by ``id``).
            assert counted == watched.get(table.name, set()) - {"id"}, entity
    assert searchindex.BULK_REMOVAL < CANDIDATES
    vault.lock()
