"""What a pushed record costs the indexes of ``record`` (issue 13, round 8; server
migration 0017): every record goes into the full indexes and is checked against each
partial index's condition. Full indexes only where every record is read by them, and
conditions SQLite evaluates by plain comparisons; the reads still walk them on both
databases."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import sqlalchemy as sa

from spt_server import pull, store
from spt_server.db import Record
from tests.support.server_kit import NH, Admin

NOBODY = "00000000-0000-4000-8000-000000000001"


def _indexes(engine: sa.Engine) -> dict[str, str]:
    """The definitions (SQL) of the indexes of ``record``, by name."""
    with engine.connect() as c:
        if engine.dialect.name == "postgresql":
            rows = c.exec_driver_sql(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'record'"
            )
        else:
            rows = c.exec_driver_sql(
                "SELECT name, coalesce(sql, '') FROM sqlite_master "
                "WHERE type = 'index' AND tbl_name = 'record'"
            )
        return {str(name): str(sql) for name, sql in rows}


def test_a_record_without_an_addressee_goes_into_no_addressee_index(admin: Admin) -> None:
    """The addressee index holds only records addressed to someone (most records have
    no addressee: each was a B-tree insert for nothing); the other full indexes are
    the ones every record is read by (its id, its revision, its candidate)."""
    found = _indexes(admin.engine)
    partial = {n for n, sql in found.items() if " WHERE " in sql.upper()}
    assert "ix_record_addressee" in partial
    assert re.search(r"WHERE \(?addressee IS NOT NULL\)?$", found["ix_record_addressee"])
    full = {n for n in found if n not in partial}
    assert {n for n in full if "addressee" in n} == set()
    assert len(full) == 3, full  # the primary key, the unique revision, the candidate


def test_no_partial_index_of_record_has_a_condition_in_of_more_than_two_values(
    admin: Admin,
) -> None:
    """SQLite builds a small table for ``x IN (a, b, c, ...)`` (more than two values)
    each time it evaluates one: a partial index's condition is evaluated for every
    record inserted (2 us of each pushed record, for the registries' index)."""
    for name, sql in _indexes(admin.engine).items():
        for values in re.findall(r" IN \(([^)]*)\)", sql, flags=re.IGNORECASE):
            assert values.count(",") <= 1, (name, sql)
        for values in re.findall(r"ANY \(\(?ARRAY\[([^\]]*)\]", sql):
            assert values.count(",") <= 1, (name, sql)


def _plan(engine: sa.Engine, query: sa.Select[tuple[str]]) -> str:
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as c:
        if engine.dialect.name == "postgresql":
            c.exec_driver_sql("SET enable_seqscan = off")
            return "\n".join(str(r[0]) for r in c.exec_driver_sql("EXPLAIN " + sql))
        return "\n".join(str(r[-1]) for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))


def test_reads_by_addressee_and_the_registry_stream_walk_their_indexes(admin: Admin) -> None:
    """``addressee = ...`` implies the partial addressee index's condition, and the
    registry stream's equalities its index's, on both databases (each read walks its
    index, no other one and no scan)."""
    anna = store.Caller(admin.add_coach("anna@spt.nl", NH), NH, str(uuid.uuid4()))
    by_addressee = sa.select(Record.id).where(Record.addressee == NOBODY)
    assert "ix_record_addressee" in _plan(admin.engine, by_addressee)
    registries = pull._others_changes_query(anna, 10, 500, 1000, pull.shared_streams(anna)[1])
    plan = _plan(admin.engine, registries)
    assert "'vacancy'" in str(
        registries.compile(admin.engine, compile_kwargs={"literal_binds": True})
    )
    assert "ix_record_registry_spt_rev" in plan, plan


def test_a_new_sqlite_database_has_pages_of_16_kib_and_an_old_one_keeps_its_own(
    tmp_path: Path,
) -> None:
    """A push dirties fewer, larger pages (written to the WAL at commit and again by the
    checkpoint): a new database gets 16 KiB pages; one made before keeps its 4 KiB (its
    page size cannot change in WAL mode) and works as before."""
    import sqlite3

    from spt_server.db import make_engine
    from spt_server.setup import upgrade

    old = tmp_path / "old.db"
    sqlite3.connect(old).execute("CREATE TABLE t (x)").connection.close()
    old.chmod(0o600)
    for path, size in ((tmp_path / "new.db", 16384), (old, 4096)):
        engine = make_engine(f"sqlite:///{path}")
        try:
            upgrade(engine)
            with engine.connect() as c:
                assert c.exec_driver_sql("PRAGMA page_size").scalar() == size
                assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        finally:
            engine.dispose()


def test_a_sqlite_server_keeps_its_own_page_cache(tmp_path: Path) -> None:
    """Each connection of a SQLite server caches SQLITE_CACHE_KIB of pages, not SQLite's
    2,000 KiB (125 pages of 16 KiB): a push's inserts then find the index leaves they
    touched in the cache, not read again from the file or the WAL (issue 13, helper
    "pushsrv4"); failed before: -2000."""
    from spt_server.db import SQLITE_CACHE_KIB, make_engine

    assert SQLITE_CACHE_KIB >= 32_768
    engine = make_engine(f"sqlite:///{tmp_path / 's.db'}")
    try:
        with engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA cache_size").scalar() == -SQLITE_CACHE_KIB
    finally:
        engine.dispose()


def test_a_sqlite_server_checkpoints_its_wal_at_its_own_size(tmp_path: Path) -> None:
    """A SQLite server's commits checkpoint the WAL once it is past SQLITE_WAL_PAGES, not
    SQLite's 1,000 pages: each checkpoint waits for two fdatasyncs in a request (issue
    13, helper "pushgap"). Commits that write 1,800 pages leave them all in the WAL (the
    WAL never started again from its beginning); failed before: it did, once."""
    import struct

    from spt_server.db import SQLITE_WAL_PAGES, make_engine

    def restarts() -> int:  # the WAL header's checkpoint sequence number
        return int(struct.unpack(">I", (tmp_path / "s.db-wal").read_bytes()[12:16])[0])

    engine = make_engine(f"sqlite:///{tmp_path / 's.db'}")
    try:
        with engine.begin() as c:
            c.exec_driver_sql("CREATE TABLE scratch (x BLOB)")
            assert c.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == SQLITE_WAL_PAGES
        before = restarts()
        for _ in range(3):  # 600 pages of 16 KiB each
            with engine.begin() as c:
                c.exec_driver_sql(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                    "WHERE i < 600) INSERT INTO scratch SELECT randomblob(15000) FROM n"
                )
        assert restarts() == before
        assert (tmp_path / "s.db-wal").stat().st_size > 1_000 * 16384
    finally:
        engine.dispose()


def test_going_back_before_migration_0017_puts_the_indexes_back(admin: Admin) -> None:
    """Taken back to 0016, the addressee index holds every record again and the
    registries' condition is the ``IN`` it was; 0017 again makes them as above."""
    from alembic import command
    from alembic.config import Config

    from spt_server.setup import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    for target in ("0016", "head"):
        with admin.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if target == "0016" else command.upgrade)(cfg, target)
        found = _indexes(admin.engine)
        back = target == "0016"
        assert (" WHERE " in found["ix_record_addressee"].upper()) is not back
        registries = found["ix_record_registry_spt_rev"].upper()
        assert (" IN " in registries or "ANY" in registries) is back  # PostgreSQL: = ANY


def test_her_page_past_her_own_pushes_and_a_push_s_assignments_walk_their_indexes(
    admin: Admin,
) -> None:
    """The page past revisions her own pushes wrote (``pull.changed_query``'s ``own``,
    SQLite) walks the index of the records no device holds as stored; a push's reads of
    its candidates' assignments (``store._Bulk._know_assigned``, ``_fresh_candidates``)
    the index of assignments (migration 0019), not every record of each candidate."""
    anna = store.Caller(admin.add_coach("anna@spt.nl", NH), NH, str(uuid.uuid4()))
    if admin.engine.dialect.name == "postgresql":
        by_candidate = sa.select(Record.id).where(
            Record.entity == "assignment", Record.candidate_id.in_([NOBODY, anna.account_id])
        )
        assert "ix_record_assignment_candidate" in _plan(admin.engine, by_candidate)
        return
    own = pull.changed_query("sqlite", anna, 10, 500, 1000, False, own=True)
    assert "ix_record_unsynced_rev" in _plan(admin.engine, own)
    with admin.engine.connect() as c:
        for sql in (store._ASSIGNED_LITE, store._ANY_ASSIGNED_LITE):
            plan = " ".join(
                str(r[-1])
                for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, (f'["{NOBODY}"]',))
            )
            assert "ix_record_assignment_candidate" in plan, plan


def test_going_back_before_migration_0019_takes_its_indexes_away(admin: Admin) -> None:
    from alembic import command
    from alembic.config import Config

    from spt_server.setup import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    new = {"ix_record_unsynced_rev", "ix_record_assignment_candidate"}
    for target in ("0018", "head"):
        with admin.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if target == "0018" else command.upgrade)(cfg, target)
        found = _indexes(admin.engine)
        assert (new & set(found)) == (set() if target == "0018" else new)
    found = _indexes(admin.engine)
    assert re.search(r"WHERE \(?synced_device IS NULL\)?$", found["ix_record_unsynced_rev"])
    assert "'assignment'" in found["ix_record_assignment_candidate"]


# The shared streams' indexes whose stream reads by ``spt = ...`` or ``addressee = ...``
# (migration 0020), with the column their condition tests first.
_NULL_FIRST = {
    "ix_record_registry_spt_rev": "spt",
    "ix_record_addressed_rev": "addressee",
    "ix_record_referral_spt_rev": "spt",
    "ix_record_referral_addressee_rev": "addressee",
}


def _condition(sql: str) -> str:
    """An index definition's condition, as the database shows it (PostgreSQL puts it in
    parentheses and writes ``entity = ANY`` for ``IN``)."""
    return sql.split(" WHERE ", 1)[1].strip().lstrip("(").upper()


def test_the_shared_streams_indexes_test_their_column_for_null_first(admin: Admin) -> None:
    """SQLite evaluates each partial index's condition for every record a push inserts:
    the four whose streams read by SPT or addressee test that column first (one test,
    false for most records: the comparisons of ``entity`` behind it are skipped)."""
    found = _indexes(admin.engine)
    for name, column in _NULL_FIRST.items():
        assert _condition(found[name]).startswith(f"{column.upper()} IS NOT NULL"), found[name]


def test_each_shared_stream_walks_its_own_index(admin: Admin) -> None:
    """Each stream's equality (``spt = ...``, ``addressee = ...``) implies its index's
    ``IS NOT NULL`` on both databases: every stream, the loket's and coordinator's
    referrals too, reads its own index in revision order, no other one and no scan."""
    anna = store.Caller(admin.add_coach("anna@spt.nl", NH), NH, str(uuid.uuid4()))
    streams = pull.shared_streams(anna, desk=True)
    expected = [
        "ix_record_coach_rev",
        "ix_record_registry_spt_rev",
        "ix_record_addressed_rev",
        "ix_record_referral_addressee_rev",
        "ix_record_referral_spt_rev",
    ]
    assert len(streams) == len(expected)
    for stream, name in zip(streams, expected, strict=True):
        plan = _plan(admin.engine, pull._others_changes_query(anna, 10, 500, 1000, stream))
        assert name in plan, (name, plan)
        others = set(_indexes(admin.engine)) - {name}
        assert not [o for o in others if o in plan], (name, plan)


def test_going_back_before_migration_0020_puts_the_conditions_back(admin: Admin) -> None:
    """Taken back to 0019 the four conditions are the entity's alone again (the streams
    still walk them); 0020 again puts the column's test first."""
    from alembic import command
    from alembic.config import Config

    from spt_server.setup import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    for target in ("0019", "head"):
        with admin.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if target == "0019" else command.upgrade)(cfg, target)
        found = _indexes(admin.engine)
        for name, column in _NULL_FIRST.items():
            first = _condition(found[name]).startswith(f"{column.upper()} IS NOT NULL")
            assert first is (target == "head"), (target, found[name])


def test_a_filled_database_upgraded_to_0020_gives_each_stream_the_same_records(
    admin: Admin,
) -> None:
    """Records stored at 0019 (each stream's kind, with and without an SPT or an
    addressee, and records of no stream): after 0020 every shared stream reads the same
    records as before, by its index."""
    from alembic import command
    from alembic.config import Config

    from spt_server.setup import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with admin.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0019")
    anna = store.Caller(admin.add_coach("anna@spt.nl", NH), NH, str(uuid.uuid4()))
    kinds = [
        ("coach", None, None),
        ("vacancy", NH, None),
        ("employer", NH, None),
        ("employer", None, None),
        ("handover", None, anna.account_id),
        ("audit_entry", None, anna.account_id),
        ("handover", None, None),
        ("referral", NH, anna.account_id),
        ("referral", NH, None),
        ("referral", None, anna.account_id),
        ("note", None, None),
        ("assignment", None, anna.account_id),
    ]
    rows = [
        store.record_row(entity, str(uuid.uuid4()), {}, 100 + n, None, None, None, spt, to)
        for n, (entity, spt, to) in enumerate(kinds)
    ]
    with admin.engine.begin() as c:
        c.execute(sa.insert(Record), rows)

    def streams() -> list[list[str]]:
        with admin.engine.connect() as c:
            return [
                sorted(r.id for r in c.execute(pull._others_changes_query(anna, 10, 500, 100, s)))
                for s in pull.shared_streams(anna, desk=True)
            ]

    before = streams()
    with admin.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    assert streams() == before
    assert [len(ids) for ids in before] == [1, 2, 2, 2, 2]
