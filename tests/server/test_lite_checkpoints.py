"""A SQLite server's WAL is checkpointed by a thread of the process, not by the request
whose commit took it past its size (issue 13, round 17, helper "ckpt17"); the WAL stays
bounded by the requests' own autocheckpoint, with the thread or without it."""

from __future__ import annotations

import os
import select
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from spt_server import checkpoint, db
from spt_server.checkpoint import Checkpointer, _wal_state

PAGE = db.SQLITE_PAGE_SIZE
ROW = 15_000  # bytes: a row of its own page (16 KiB pages)
PAGES_A_COMMIT = 20


@pytest.fixture
def small_wal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The requests' bound 200 frames, the thread's start 40: a test's few MB; every
    request's end wakes the thread."""
    monkeypatch.setattr(db, "SQLITE_WAL_PAGES", 200)
    monkeypatch.setattr(checkpoint, "START_AT", 40)
    monkeypatch.setattr(checkpoint, "PACE", 0.0)  # a test's commits follow each other fast


@pytest.fixture
def engine(tmp_path: Path, small_wal: None) -> Iterator[sa.Engine]:
    engine = db.make_engine(f"sqlite:///{tmp_path / 's.db'}")
    with engine.begin() as c:
        c.exec_driver_sql("CREATE TABLE scratch (x BLOB)")
    try:
        yield engine
    finally:
        engine.dispose()


def _commit(engine: sa.Engine, pages: int = PAGES_A_COMMIT) -> None:
    with engine.begin() as c:
        c.exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
            f"WHERE i < {pages}) INSERT INTO scratch SELECT randomblob({ROW}) FROM n"
        )


def _state(path: Path) -> tuple[int, int]:
    fd = os.open(f"{path}-shm", os.O_RDONLY)
    try:
        return _wal_state(fd)
    finally:
        os.close(fd)


def _settled(ckpt: Checkpointer) -> None:
    """Until the thread took its last poke (it clears the event first, then works)."""
    deadline = time.monotonic() + 30
    while ckpt._wake.is_set() and ckpt.running and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(0.05)
    with ckpt._lock:  # taken by the thread around its wait only
        pass


def _copied(ckpt: Checkpointer, path: Path) -> None:
    """Until the thread's checkpoint has run and copied the whole WAL, or 30 s: on a
    loaded machine its copy and fdatasyncs may take longer than ``_settled``'s pause
    (the assertions after it then say what was missing)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        frames, done = _state(path)
        if ckpt.runs >= 1 and done == frames:
            return
        time.sleep(0.01)


def _restarts(path: Path) -> int:  # the WAL header's checkpoint sequence number
    return int.from_bytes(Path(f"{path}-wal").read_bytes()[12:16], "big")


def test_the_wal_is_checkpointed_by_the_thread_before_any_request_does(
    engine: sa.Engine, tmp_path: Path
) -> None:
    """Past the thread's start and below the requests' bound, the WAL's frames are
    copied into the database (no request's autocheckpoint ran: below its size), by a
    thread named ``spt-checkpoint``. Failed before: no thread, nothing copied until a
    request's commit took the WAL past SQLITE_WAL_PAGES."""
    ckpt = engine.checkpoints  # type: ignore[attr-defined]
    assert ckpt.bound == 200 and ckpt.start_at == 40
    before = _restarts(tmp_path / "s.db")
    _commit(engine)
    _commit(engine)  # 40 frames and more, below 200
    _settled(ckpt)
    _copied(ckpt, tmp_path / "s.db")
    frames, done = _state(tmp_path / "s.db")
    assert 40 <= frames < 200 and done == frames and ckpt.runs >= 1
    # Nothing left to copy, no request between: the next write starts the WAL again.
    _commit(engine)
    assert _restarts(tmp_path / "s.db") == before + 1
    assert _state(tmp_path / "s.db")[0] < 40
    assert any(t.name == "spt-checkpoint" for t in threading.enumerate())
    with engine.connect() as c:  # what the requests' connections do, as before
        assert c.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 200
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    own = ckpt.connect()  # and the thread's, whose checkpoints sync the database
    try:
        assert own.execute("PRAGMA synchronous").fetchone()[0] == 2
    finally:
        own.close()


def test_below_its_start_the_thread_copies_nothing(engine: sa.Engine, tmp_path: Path) -> None:
    """A WAL the thread would copy after each commit started again from its beginning
    at nearly every commit (one fdatasync more each time): below START_AT it waits."""
    _commit(engine)
    ckpt = engine.checkpoints  # type: ignore[attr-defined]
    _settled(ckpt)
    frames, done = _state(tmp_path / "s.db")
    assert 20 <= frames < 40 and done == 0


def test_the_wal_stays_bounded_under_a_long_push(engine: sa.Engine, tmp_path: Path) -> None:
    """Sixty commits of 20 pages back to back (1,200 frames, six times the bound): the
    WAL file never holds twice the bound, and starts again from its beginning. The
    thread's checkpoints run beside the commits all along. (A request's autocheckpoint
    past the bound is turned away busy while a checkpoint of the thread, begun below it,
    still runs: the WAL can pass the bound by the commits of that while, one or two in a
    10k first push, 145 against 128 MB.)"""
    most = 0
    before = _restarts(tmp_path / "s.db")
    for _ in range(60):
        _commit(engine)
        most = max(most, (tmp_path / "s.db-wal").stat().st_size)
    assert most < 2 * 200 * PAGE
    assert _restarts(tmp_path / "s.db") - before >= 4
    with engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert c.exec_driver_sql("SELECT count(*) FROM scratch").scalar() == 1200


def test_the_wal_stays_bounded_without_the_thread(engine: sa.Engine, tmp_path: Path) -> None:
    """The bound is the requests' own autocheckpoint: with the thread gone (stopped, or
    failed) the WAL still starts again at its size."""
    ckpt = engine.checkpoints  # type: ignore[attr-defined]
    ckpt.poke = lambda: None  # type: ignore[method-assign]  # never started again
    ckpt.stop()
    most = 0
    for _ in range(30):
        _commit(engine)
        most = max(most, (tmp_path / "s.db-wal").stat().st_size)
    assert not ckpt.running
    assert most <= (200 + PAGES_A_COMMIT + 4) * (PAGE + 24) + 32


def test_past_the_bound_the_thread_leaves_the_checkpoint_to_the_request(
    tmp_path: Path,
) -> None:
    """At or past the requests' bound the thread starts no checkpoint: one of its own,
    still running at the request's commit, would turn the request's autocheckpoint away
    busy, again and again if each took longer than a request, and the WAL would grow."""
    path = tmp_path / "p.db"
    conn = _sqlite(path)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE scratch (x BLOB)")
    for _ in range(12):  # 240 frames
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20) "
            f"INSERT INTO scratch SELECT randomblob({ROW}) FROM n"
        )
    ckpt = Checkpointer(str(path), 200, "FULL", start_at=40)
    try:
        ckpt.poke()
        _settled(ckpt)
        frames, done = _state(path)
        assert frames >= 240 and done == 0 and ckpt.runs == 0
    finally:
        ckpt.stop()
        conn.close()


def test_the_thread_stops_with_the_engine_and_ends_when_idle(
    tmp_path: Path, small_wal: None
) -> None:
    """``engine.dispose()`` (the app's lifespan, the command line) ends the thread and
    closes its connection: the last connection gone, SQLite removes the WAL. A thread
    that had nothing to do for ``idle`` seconds ends by itself; a request starts it
    again."""
    engine = db.make_engine(f"sqlite:///{tmp_path / 's.db'}")
    ckpt = engine.checkpoints  # type: ignore[attr-defined]
    ckpt.idle = 0.2
    with engine.begin() as c:
        c.exec_driver_sql("CREATE TABLE scratch (x BLOB)")
    assert ckpt.started == 1  # by the first transaction's end
    deadline = time.monotonic() + 30
    while ckpt.running and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not ckpt.running  # idle: ended by itself
    for _ in range(3):
        _commit(engine)
    assert ckpt.started == 2  # started again by the requests
    while ckpt.runs == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert ckpt.runs >= 1
    ckpt.idle = 60
    _commit(engine)
    thread = ckpt._thread
    assert thread is not None and thread.is_alive()
    engine.dispose()
    assert not thread.is_alive() and not ckpt.running
    assert not (tmp_path / "s.db-wal").exists()  # every connection closed, the thread's too


def test_the_served_app_stops_its_thread_at_shutdown(tmp_path: Path) -> None:
    """The app's lifespan disposes of its engine: the thread ends with the app."""
    from fastapi.testclient import TestClient

    from spt_common.protocol import API_PREFIX
    from spt_server.app import create_app
    from tests.support.server_kit import make_db

    url = make_db("sqlite", tmp_path, None)
    app = create_app(url)
    ckpt = app.state.server.engine.checkpoints
    with TestClient(app) as client:
        assert client.get(f"{API_PREFIX}/health").status_code == 200
        assert ckpt.started == 1  # the app's start read the signing keys: a transaction
    assert not ckpt.running


_OTHER_PROCESS = textwrap.dedent(
    """
    import sys, time
    from spt_server.checkpoint import Checkpointer
    ckpt = Checkpointer(sys.argv[1], 200, "FULL", start_at=1)
    end = time.monotonic() + float(sys.argv[2])
    while time.monotonic() < end:
        ckpt.poke()
        time.sleep(0.002)
    ckpt.stop()
    print(ckpt.runs)
    """
)


def test_two_processes_checkpoint_one_file_safely(engine: sa.Engine, tmp_path: Path) -> None:
    """``spt-server serve --workers N``: each process has its own thread. Another
    process checkpointing the same file all the time (as fast as it can) while this one
    commits and checkpoints: SQLite runs one checkpoint at a time (the other's PASSIVE
    is busy and copies nothing), nothing is lost, the WAL stays bounded."""
    other = subprocess.Popen(
        [sys.executable, "-c", _OTHER_PROCESS, str(tmp_path / "s.db"), "3"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    most = 0
    try:
        time.sleep(0.3)  # the other process's first checkpoints under way
        for _ in range(60):
            _commit(engine)
            most = max(most, (tmp_path / "s.db-wal").stat().st_size)
    finally:
        out, _ = other.communicate(timeout=60)
    assert other.returncode == 0 and int(out.split()[-1]) >= 1
    assert engine.checkpoints.runs >= 1  # type: ignore[attr-defined]
    assert most < 2 * 200 * PAGE
    with engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert c.exec_driver_sql("SELECT count(*) FROM scratch").scalar() == 1200


def _sqlite(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA page_size = {PAGE}")
    conn.execute("PRAGMA journal_mode = WAL")
    return conn


def test_a_process_forked_after_the_thread_started_starts_its_own(engine: sa.Engine) -> None:
    """A server forked after its checkpoint thread started (a process manager that
    forks its workers; uvicorn's start fresh) has the thread's object but not the
    thread: its first request starts one of its own."""
    _commit(engine)
    ckpt = engine.checkpoints  # type: ignore[attr-defined]
    assert ckpt.running
    _settled(ckpt)  # waiting for a poke: no lock of it held at the fork
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: only this thread
        code = 1
        try:
            os.close(read)
            before = ckpt.started
            ckpt.poke()
            code = 0 if ckpt.started == before + 1 and ckpt.running else 2
        finally:
            os.write(write, bytes([code]))
            os._exit(0)
    os.close(write)
    try:
        assert select.select([read], [], [], 60)[0], "the child did not answer"
        assert os.read(read, 1) == b"\x00"
    finally:
        os.close(read)
        os.waitpid(pid, 0)


def test_requests_close_together_wake_the_thread_once(tmp_path: Path) -> None:
    """A wake costs the process ~30 us (the thread and the GIL handed over): requests'
    ends within PACE of a wake do not wake it again (an idle sync would pay it each
    time); the next one after PACE does."""
    path = tmp_path / "w.db"
    _sqlite(path).close()
    ckpt = Checkpointer(str(path), 200, "FULL")
    try:
        start = time.monotonic()
        for _ in range(200):
            ckpt.poke()
        took = time.monotonic() - start
        assert 1 <= ckpt.wakes <= 1 + int(took / checkpoint.PACE) + 1
        before = ckpt.wakes
        time.sleep(checkpoint.PACE * 1.5)
        ckpt.poke()
        assert ckpt.wakes == before + 1
    finally:
        ckpt.stop()
