"""Migration 0018 on a vault of schema 0017 with data (tests/fixtures/vaults/v0017): the
triggers that feed the search index leave alone the rows a transaction adds past a mark
(``searchindex.defer``), which ``searchindex.fill`` indexes once before the commit; rows
at or below the mark, and every row outside such a transaction, go through the triggers
as before. Nothing else of the schema or the data changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import sqlalchemy as sa

from spt_desktop.models import keyfile
from spt_desktop.models.migrate import SCHEMA_HEAD, current_revision
from spt_desktop.models.vault import Vault
from spt_desktop.sync.searchindex import defer, fill
from tests.fixtures.make_vault_fixture import PASSPHRASE

V0017 = Path(__file__).resolve().parents[1] / "fixtures" / "vaults" / "v0017"
INDEXED = "sql LIKE '%search_fts%' OR sql LIKE '%search_owner%'"


def _open_0017(tmp_path: Path) -> Vault:
    shutil.copytree(V0017, tmp_path / "v")
    vault = Vault(tmp_path / "v" / "demo.sptvault")
    vault._open_engine(keyfile.unwrap(vault._read_header(), PASSPHRASE), verify=True)
    assert current_revision(vault.engine) == "0017"
    return vault


def _index(c: sa.Connection) -> tuple[list[tuple], list[tuple]]:
    docs = c.exec_driver_sql("SELECT rowid, candidate_id, body FROM search_fts ORDER BY 1")
    owners = c.exec_driver_sql("SELECT doc, candidate_id FROM search_owner ORDER BY 1")
    return [tuple(r) for r in docs], [tuple(r) for r in owners]


def _found(c: sa.Connection, word: str) -> list[str]:
    return [
        r[0]
        for r in c.exec_driver_sql(
            "SELECT candidate_id FROM search_fts WHERE search_fts MATCH ?", (f'"{word}"',)
        )
    ]


def _checked(c: sa.Connection) -> None:
    """FTS5's check of its index against its content, and every document has its owner."""
    c.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
    docs, owners = _index(c)
    assert [(d[0], d[1]) for d in docs] == owners


def _add_note(c: sa.Connection, note_id: str, text: str) -> None:
    """A copy of the vault's first note with its own id and text (raw SQL, as a pull)."""
    cols = [r[1] for r in c.exec_driver_sql("PRAGMA table_info(note)") if r[1] not in ("id",)]
    picked = ", ".join("?" if col == "text" else col for col in cols)
    c.exec_driver_sql(
        f"INSERT INTO note (id, {', '.join(cols)}) SELECT ?, {picked} FROM note "
        "WHERE NOT deleted ORDER BY rowid LIMIT 1",
        (note_id, text),
    )


def test_0018_gates_the_index_triggers_and_changes_nothing_else(tmp_path: Path) -> None:
    vault = _open_0017(tmp_path)
    with vault.engine.connect() as c:
        others = c.exec_driver_sql(
            f"SELECT type, name, sql FROM sqlite_master WHERE NOT ({INDEXED}) "
            "AND name != 'alembic_version' ORDER BY name"
        ).all()
        gated = c.exec_driver_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND ({INDEXED})"
        ).all()
        index = _index(c)
    assert len(gated) == 24  # insert, delete, update; search_fts and search_owner; 4 tables
    vault.lock()

    vault.unlock(PASSPHRASE)  # upgrades
    try:
        assert current_revision(vault.engine) == SCHEMA_HEAD
        with vault.engine.connect() as c:
            now = dict(
                c.exec_driver_sql(
                    f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND ({INDEXED})"
                ).all()
            )
            # The same triggers, each with a WHEN clause before its unchanged body.
            assert set(now) == {name for name, _ in gated}
            for name, sql in gated:
                head, body = sql.split(" BEGIN ", 1)
                assert now[name].startswith(head + " WHEN NOT EXISTS (SELECT 1 FROM search_fill")
                assert now[name].endswith(" BEGIN " + body)
            after = c.exec_driver_sql(
                f"SELECT type, name, sql FROM sqlite_master WHERE NOT ({INDEXED}) "
                "AND name != 'alembic_version' ORDER BY name"
            ).all()
            assert [r for r in after if r[1] != "search_fill"] == others
            assert _index(c) == index
            _checked(c)
        assert vault.integrity_problems() == []
    finally:
        vault.lock()


def test_rows_past_the_mark_enter_the_index_once_at_fill(tmp_path: Path) -> None:
    """Inside one transaction: a note added after ``defer`` is not in the index until
    ``fill``, then once; a note added and deleted in it never is; a note held before
    is re-indexed by its trigger at once (secure-delete as ever). After the commit no
    mark is left and a note added later is indexed by its trigger."""
    vault = _open_0017(tmp_path)
    vault.lock()
    vault.unlock(PASSPHRASE)
    try:
        with vault.engine.connect() as c:
            held = c.exec_driver_sql(
                "SELECT id, candidate_id FROM note WHERE NOT deleted ORDER BY rowid LIMIT 1"
            ).one()
            secure = c.exec_driver_sql(
                "SELECT v FROM search_fts_config WHERE k = 'secure-delete'"
            ).scalar()
        assert secure == 1
        with vault.engine.begin() as c:
            defer(c)
            _add_note(c, "n-new", "Qwertykraan")
            _add_note(c, "n-gone", "Qwertyheftruck")
            c.exec_driver_sql("UPDATE note SET text = 'Qwertybijgewerkt' WHERE id = 'n-new'")
            c.exec_driver_sql("UPDATE note SET deleted = 1 WHERE id = 'n-gone'")
            c.exec_driver_sql("UPDATE note SET text = 'Qwertylasser' WHERE id = ?", (held[0],))
            assert _found(c, "Qwertybijgewerkt") == []  # past the mark: not yet
            assert _found(c, "Qwertylasser") == [held[1]]  # held before: its trigger, at once
            fill(c)
            assert _found(c, "Qwertybijgewerkt") == [held[1]]
            assert _found(c, "Qwertykraan") == []
            assert _found(c, "Qwertyheftruck") == []
            assert c.exec_driver_sql("SELECT count(*) FROM search_fill").scalar() == 0
            _checked(c)
        with vault.engine.begin() as c:
            _add_note(c, "n-later", "Qwertystraat")
            assert _found(c, "Qwertystraat") == [held[1]]  # no mark: the trigger
            _checked(c)
    finally:
        vault.lock()


def test_a_rollback_takes_the_marks_with_it(tmp_path: Path) -> None:
    vault = _open_0017(tmp_path)
    vault.lock()
    vault.unlock(PASSPHRASE)
    try:
        with vault.engine.connect() as c:
            index = _index(c)
            c.rollback()
            tx = c.begin()
            defer(c)
            _add_note(c, "n-new", "Qwertykraan")
            tx.rollback()
            assert c.exec_driver_sql("SELECT count(*) FROM search_fill").scalar() == 0
            assert _index(c) == index
            c.rollback()
            with c.begin():
                _add_note(c, "n-new", "Qwertykraan")
            assert len(_found(c, "Qwertykraan")) == 1
            _checked(c)
    finally:
        vault.lock()
