"""A SQLite server's commits are on disk when it answers (issue 13, round 16): every
connection runs WAL with ``synchronous = FULL``. With NORMAL a commit does not sync the
WAL: after a power cut or an OS crash the last pushes the server answered "applied" can
be gone, while the laptops have dropped those changes from their outboxes."""

from __future__ import annotations

import threading
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_server import app, db, store
from tests.server.test_store_bulk import World, mixed_batch
from tests.support.server_kit import Admin, make_db

FULL = 2  # PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
MEMORY = 2  # PRAGMA temp_store: 0 the build's default (a file), 1 FILE, 2 MEMORY


def _settings_of_connections(engine: sa.Engine, n: int) -> list[tuple[int, str, int]]:
    """(synchronous, journal_mode, temp_store) of ``n`` connections held at once: the
    pool's and, past what it holds, new ones (each thread of a server takes one)."""
    held = [engine.connect() for _ in range(n)]
    try:
        return [
            (
                int(c.exec_driver_sql("PRAGMA synchronous").scalar_one()),
                str(c.exec_driver_sql("PRAGMA journal_mode").scalar_one()),
                int(c.exec_driver_sql("PRAGMA temp_store").scalar_one()),
            )
            for c in held
        ]
    finally:
        for c in held:
            c.close()


def test_every_connection_of_a_sqlite_server_syncs_its_commits(tmp_path: Path) -> None:
    """The app's engine (``spt-server serve``) and the admin's (the command line), after
    a push went through them: each connection, those in the pool and new ones, runs
    FULL in WAL mode, its temp files (sorts, statement journals: records' content) in
    memory. Failed before: NORMAL (1) on every one, temp_store 0."""
    url = make_db("sqlite", tmp_path, None)
    assert db.SQLITE_SYNCHRONOUS == "FULL"
    admin = Admin(url)
    server = app.Server(url)
    try:
        w = World(admin)
        b, _ = mixed_batch(w)
        with Session(server.engine) as s, s.begin():
            store.push_answer(s, w.anna, b)
        for engine in (server.engine, admin.engine):
            assert _settings_of_connections(engine, 8) == [(FULL, "wal", MEMORY)] * 8
    finally:
        server.engine.dispose()
        admin.close()


def test_connections_opened_by_other_threads_sync_their_commits_too(tmp_path: Path) -> None:
    """A request thread's first connection is opened in that thread (the pool grows as
    threads ask): it runs FULL as well."""
    url = make_db("sqlite", tmp_path, None)
    engine = db.make_engine(url)
    seen: list[int] = []
    gate = threading.Barrier(4)

    def one() -> None:
        with engine.connect() as c:
            gate.wait(timeout=30)  # all four held at once: four connections
            seen.append(int(c.exec_driver_sql("PRAGMA synchronous").scalar_one()))
            gate.wait(timeout=30)

    try:
        threads = [threading.Thread(target=one) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert seen == [FULL] * 4
    finally:
        engine.dispose()
