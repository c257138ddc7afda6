"""A page of records none of which the vault holds (a first pull's every page) is planned
column by column (``apply._Shape.new_rows``) and without looking its ids up when they all
sort after the table's last id (``apply._all_past``). Both give the vault what the record
by record way gives it: the same rows, values of the same types, the same errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import sqlcipher3.dbapi2 as sqlcipher

from spt_common import protocol as p
from spt_desktop.models import later_indexes, later_search
from spt_desktop.models.vault import Vault
from spt_desktop.sync import apply, engine
from spt_desktop.sync.transport import WireRecord
from tests.support.server_kit import make_vault
from tests.sync.test_sync_apply_fast import (
    apply_careful,
    changed,
    copy_of,
    new_id,
    state,
    synced_vault,
    wire_records,
)

STAMP = "2026-12-06 12:00:00.000000"


def by_record(shape: apply._Shape, recs: dict[str, WireRecord]) -> list[tuple[Any, ...]]:
    """The INSERT rows as ``_plan_rows`` made them for new records before."""
    return [
        (rid, s[0], s[1], STAMP, *s[2:]) for rid, rec in recs.items() for s in (shape.stored(rec),)
    ]


def plain(records: list[p.Record]) -> dict[str, dict[str, WireRecord]]:
    out: dict[str, dict[str, WireRecord]] = {}
    for rec in records:
        out.setdefault(rec.entity, {})[rec.id] = apply.wire_record(rec)
    return out


def assert_same_rows(old: list[tuple[Any, ...]], new: list[tuple[Any, ...]] | None) -> None:
    assert new is not None
    assert new == old
    # The same types too: True and 1 compare equal, and SQLite stores what it is given.
    assert [tuple(map(type, row)) for row in new] == [tuple(map(type, row)) for row in old]


def test_new_rows_are_the_rows_record_by_record(tmp_path: Path) -> None:
    """Every synced entity of a demo caseload, and values each conversion treats apart:
    timestamps with and without microseconds or with an offset, a date in another ISO
    form, booleans, nulls, a field the record leaves out."""
    source = synced_vault(tmp_path)
    recs = wire_records(source)
    visit, note, cand = recs["visit"][0], recs["note"][0], recs["candidate"][0]
    odd = [
        changed(visit, 7, visited_at="2026-11-30T09:00:00", signed_off_at=None, dropout_risk=True),
        changed(visit, 7, visited_at="2026-11-30T09:00:00+01:00", dropout_risk=False),
        changed(note, 8, written_at="2026-11-30T09:00:00.123456"),
        changed(cand, 9, registered_on="20261130", next_follow_up=None),
        p.Record(
            entity="candidate",
            id=cand.id,
            rev=9,
            data={k: v for k, v in cand.data.items() if k != "email"},
        ),
    ]
    odd = [p.Record(**{**r.model_dump(), "id": new_id(100 + i)}) for i, r in enumerate(odd)]
    every = [r for rs in recs.values() for r in rs] + odd
    with source.engine.connect() as conn:
        for entity, by_id in plain(every).items():
            shape = apply._shape(conn, entity)
            rows = shape.new_rows(list(by_id), by_id.values(), STAMP)
            assert_same_rows(by_record(shape, by_id), rows)
    source.lock()


def test_a_first_page_leaves_the_vault_the_careful_path_leaves(tmp_path: Path) -> None:
    """A whole caseload into an empty vault, as one page: the same state as record by
    record through SQLAlchemy (rows, search documents and owners)."""
    source = synced_vault(tmp_path)
    records = [r for rs in wire_records(source).values() for r in rs]
    source.lock()
    empty = make_vault(tmp_path / "leeg.sptvault")
    fast, careful = copy_of(empty, tmp_path, "snel"), copy_of(empty, tmp_path, "zorg")
    empty.lock()
    with engine.remote_connection(fast) as conn:
        assert apply.apply_page(conn, records) == len(records)
    with engine.remote_connection(careful) as conn:
        apply_careful(conn, records)
    assert state(fast) == state(careful)
    fast.lock()
    careful.lock()


def statements(conn: sa.Connection) -> list[str]:
    """The SQL the connection runs from now on (SQLite's trace callback)."""
    seen: list[str] = []
    conn.connection.dbapi_connection.set_trace_callback(seen.append)  # type: ignore[union-attr]
    return seen


def test_ids_past_the_last_are_not_looked_up_and_others_are(tmp_path: Path) -> None:
    """A page whose ids all sort after the table's last id asks nothing about them; a
    page with one that does not is looked up, and the record held is updated, not
    inserted a second time."""
    source = synced_vault(tmp_path)
    notes = wire_records(source)["note"]
    source.lock()
    vault = make_vault(tmp_path / "doel.sptvault")
    first = [p.Record(**{**n.model_dump(), "id": new_id(10 + i)}) for i, n in enumerate(notes[:3])]
    later = [p.Record(**{**n.model_dump(), "id": new_id(20 + i)}) for i, n in enumerate(notes[3:5])]
    with engine.remote_connection(vault) as conn:
        seen = statements(conn)
        apply.apply_page(conn, first)  # an empty table
        apply.apply_page(conn, later)  # every id past the last
        looked_up = [s for s in seen if "json_each" in s and s.startswith("SELECT id")]
        assert looked_up == []
        seen.clear()
        again = [changed(first[0], 99, text="Nieuwe tekst"), changed(later[0], 98)]
        apply.apply_page(conn, [*again, p.Record(**{**notes[5].model_dump(), "id": new_id(30)})])
        assert [s for s in seen if "json_each" in s and s.startswith("SELECT id")] != []
        conn.connection.dbapi_connection.set_trace_callback(None)  # type: ignore[union-attr]
    table = apply.TABLES["note"]
    with vault.engine.connect() as conn:
        rows: dict[str, int] = dict(conn.execute(sa.select(table.c.id, table.c.server_rev)).all())
        text = conn.execute(sa.select(table.c.text).where(table.c.id == first[0].id)).scalar()
    assert len(rows) == 6
    assert rows[first[0].id] == 99 and rows[later[0].id] == 98 and rows[new_id(30)] == notes[5].rev
    assert text == "Nieuwe tekst"
    vault.lock()


def test_a_tombstone_among_new_records_is_stored_cleared(tmp_path: Path) -> None:
    """A tombstone that still carries content, among new records: the record by record
    way takes the page (``new_rows`` gives none) and clears its content."""
    source = synced_vault(tmp_path)
    notes = wire_records(source)["note"]
    source.lock()
    page = [
        p.Record(**{**notes[0].model_dump(), "id": new_id(1)}),
        p.Record(**{**notes[1].model_dump(), "id": new_id(2), "deleted": True}),
    ]
    vault = make_vault(tmp_path / "doel.sptvault")
    with engine.remote_connection(vault) as conn:
        shape = apply._shape(conn, "note")
        assert shape.new_rows([r.id for r in page], plain(page)["note"].values(), STAMP) is None
        apply.apply_page(conn, page)
    table = apply.TABLES["note"]
    with vault.engine.connect() as conn:
        rows: dict[str, str] = dict(conn.execute(sa.select(table.c.id, table.c.text)).all())
    assert rows == {new_id(1): notes[0].data["text"], new_id(2): ""}
    vault.lock()


def outcome(vault: Vault, page: list[WireRecord]) -> Any:
    """What ``apply_page`` makes of ``page`` in ``vault``: the error it raises, or the
    vault's state and held changes (``sync.held``; but when they were held) after it."""
    try:
        with engine.remote_connection(vault) as conn:
            apply.apply_page(conn, page)
    except Exception as exc:  # compared by its type
        return type(exc)
    with vault.engine.connect() as conn:
        held = conn.exec_driver_sql(
            "SELECT record_id, entity, candidate_id, rev, record, app_version "
            "FROM held_change ORDER BY record_id"
        ).all()
    return state(vault), held


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("written_at", "gisteren"),  # not a timestamp
        ("written_at", 20261130),  # a number where text belongs
        ("visit_id", ["a list"]),  # a value SQLite cannot take
    ],
)
def test_a_value_that_cannot_be_stored_goes_as_record_by_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, field: str, value: Any
) -> None:
    """A page with a value the record by record way cannot store ends as it does
    without ``new_rows``: the same error, or the same rows stored and held."""
    source = synced_vault(tmp_path)
    notes = wire_records(source)["note"]
    source.lock()
    good = p.Record(**{**notes[0].model_dump(), "id": new_id(1)})
    bad = p.Record(**{**notes[1].model_dump(), "id": new_id(2)})
    wire: list[WireRecord] = [
        apply.wire_record(good),
        {**apply.wire_record(bad), "data": {**bad.data, field: value}},
    ]
    empty = make_vault(tmp_path / "leeg.sptvault")
    fast, careful = copy_of(empty, tmp_path, "snel"), copy_of(empty, tmp_path, "zorg")
    empty.lock()
    new_way = outcome(fast, wire)
    monkeypatch.setattr(apply._Shape, "new_rows", lambda *_args: None)
    assert outcome(careful, wire) == new_way
    fast.lock()
    careful.lock()


def test_a_vault_filled_so_is_a_vault_filled_record_by_record(tmp_path: Path) -> None:
    """The stored values' SQLite types, table by table, are those of the careful path's
    (text for dates and timestamps, integers for booleans)."""
    source = synced_vault(tmp_path)
    records = [r for rs in wire_records(source).values() for r in rs]
    source.lock()
    empty = make_vault(tmp_path / "leeg.sptvault")
    vaults: list[Vault] = []
    for name, way in (("snel", apply.apply_page), ("zorg", apply_careful)):
        vault = copy_of(empty, tmp_path, name)
        with engine.remote_connection(vault) as conn:
            way(conn, records)
        vaults.append(vault)
    empty.lock()
    types: list[dict[str, Any]] = []
    for vault in vaults:
        with vault.engine.connect() as conn:
            out = {}
            for entity, table in apply.TABLES.items():
                cols = ", ".join(f'typeof("{c}")' for c in p.ENTITY_FIELDS[entity])
                out[entity] = conn.exec_driver_sql(
                    f'SELECT id, {cols} FROM "{table.name}" ORDER BY id'
                ).all()
            types.append(out)
        vault.lock()
    assert types[0] == types[1]


def test_a_null_is_bound_by_an_adapter_and_stored_as_null(tmp_path: Path) -> None:
    """The driver finds an adapter for None (``apply``: no AttributeError made and dropped
    per null bound), and a null goes into the vault as NULL, by the pull and the ORM."""
    assert sqlcipher.adapters[(type(None), sqlcipher.PrepareProtocol)](None) is None
    source = synced_vault(tmp_path)
    note = wire_records(source)["note"][0]
    source.lock()
    vault = make_vault(tmp_path / "doel.sptvault")
    rec = p.Record(entity="note", id=new_id(1), rev=3, data={**note.data, "visit_id": None})
    with engine.remote_connection(vault) as conn:
        apply.apply_page(conn, [rec])
    with vault.engine.connect() as conn:
        sql = "SELECT typeof(visit_id), visit_id IS NULL FROM note WHERE id = ?"
        assert conn.exec_driver_sql(sql, (rec.id,)).one() == ("null", 1)
        conn.exec_driver_sql("UPDATE note SET visit_id = ? WHERE id = ?", (None, rec.id))
        assert conn.exec_driver_sql(sql, (rec.id,)).one() == ("null", 1)
    vault.lock()


def test_a_tables_new_rows_go_in_statements_of_powers_of_two(tmp_path: Path) -> None:
    """New rows of a table the search index does not hold go in multi-row statements of
    2^k rows (one per row opened a statement journal per row where the table has an
    INSERT trigger), and leave what one statement per row leaves, the triggers' rows
    (``monitor_dirty``) included."""
    source = synced_vault(tmp_path)
    events = wire_records(source)["journey_event"]
    source.lock()
    assert len(events) >= 13
    page = [
        p.Record(**{**e.model_dump(), "id": new_id(100 + i)}) for i, e in enumerate(events[:13])
    ]
    empty = make_vault(tmp_path / "leeg.sptvault")
    fast, careful = copy_of(empty, tmp_path, "snel"), copy_of(empty, tmp_path, "zorg")
    empty.lock()
    with engine.remote_connection(fast) as conn:
        seen = statements(conn)
        apply.apply_page(conn, page)
        conn.connection.dbapi_connection.set_trace_callback(None)  # type: ignore[union-attr]
    inserts = [s for s in seen if s.replace('"', "").startswith("INSERT INTO journey_event ")]
    # (SQLite traces the statement again as each of its triggers runs: each text once.)
    assert [s.count("), (") + 1 for s in dict.fromkeys(inserts)] == [8, 4, 1]
    with engine.remote_connection(careful) as conn:
        apply_careful(conn, page)
    assert state(fast) == state(careful)
    dirty = "SELECT candidate_id FROM monitor_dirty ORDER BY candidate_id"
    with fast.engine.connect() as a, careful.engine.connect() as b:
        assert a.exec_driver_sql(dirty).all() == b.exec_driver_sql(dirty).all() != []
    fast.lock()
    careful.lock()


def test_a_search_indexed_tables_rows_go_in_sized_statements_while_its_triggers_wait(
    tmp_path: Path,
) -> None:
    """While a pull holds a search-indexed table's index triggers back (``later_search``),
    its new rows go in statements of 2^k rows, at most ``_SIZED_ROWS``, each text made
    once, as the other tables' (a page's one statement of all its rows was a new text to
    parse every page); with its triggers there, in one statement a page (FTS5 writes a
    segment per statement). Either way the pull's end leaves the careful path's vault:
    rows, search documents and owners."""
    source = synced_vault(tmp_path)
    notes = wire_records(source)["note"]
    source.lock()

    def page(start: int, n: int) -> list[p.Record]:
        return [
            p.Record(**{**notes[i % len(notes)].model_dump(), "id": new_id(start + i)})
            for i in range(n)
        ]

    # 192 + 16 + 4 + 1 rows: the first bulk page drops the note's index triggers.
    first, second = page(1000, apply.SEARCH_LATER_FROM + 13), page(5000, 13)
    empty = make_vault(tmp_path / "leeg.sptvault")
    fast, careful = copy_of(empty, tmp_path, "snel"), copy_of(empty, tmp_path, "zorg")
    empty.lock()

    def note_inserts(seen: list[str]) -> list[int]:
        """The rows of each statement (traced with its values, and again as each of its
        triggers runs for a row: each text once)."""
        inserts = [s for s in seen if s.startswith("INSERT INTO note (id")]
        return [s.count("), (") + 1 for s in dict.fromkeys(inserts)]

    with engine.remote_connection(fast) as conn:
        seen = statements(conn)
        apply.apply_page(conn, first, bulk=True)
        assert later_search.pending(conn) == ["note"]
        assert note_inserts(seen) == [64, 64, 64, 16, 4, 1]
        seen.clear()
        apply.apply_page(conn, second, bulk=True)
        assert note_inserts(seen) == [8, 4, 1]
        later_indexes.build_later(conn)
        assert later_search.pending(conn) == []
        seen.clear()
        apply.apply_page(conn, page(9000, 13))  # the triggers are back: one statement
        assert note_inserts(seen) == [13]
        conn.connection.dbapi_connection.set_trace_callback(None)  # type: ignore[union-attr]
    with engine.remote_connection(careful) as conn:
        apply_careful(conn, [*first, *second, *page(9000, 13)])
    assert state(fast) == state(careful)
    fast.lock()
    careful.lock()
