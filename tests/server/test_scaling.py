"""The server under concurrency (issue 18): pushes on PostgreSQL run side by side and a
pull never skips a revision that commits later; an idle sync is one statement; the
cached device check still refuses a revoked device at its next request; the pull's
queries walk indexes, never the whole record table; ``serve --workers``."""

from __future__ import annotations

import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common import protocol as p
from spt_server import pull, store
from spt_server.db import Watermark, make_engine
from tests.support.server_kit import (
    NH,
    PASSWORD,
    Admin,
    LiveServer,
    PgCluster,
    candidate_change,
    free_port,
    make_db,
    uid,
    wait_healthy,
)

GA = "spt_groot_amsterdam"


@pytest.fixture
def pg_url(pg_cluster: PgCluster, tmp_path: Path) -> str:
    from tests.server.conftest import postgres_required

    if not pg_cluster.url and postgres_required():
        pytest.fail("SPT_REQUIRE_POSTGRES=1 maar " + (pg_cluster.reason or "geen PostgreSQL"))
    return make_db("postgresql", tmp_path, pg_cluster)


@pytest.fixture
def pg_admin(pg_url: str) -> Iterator[Admin]:
    a = Admin(pg_url)
    yield a
    a.close()


def employer(spt: str = NH, name: str = "Bouwbedrijf") -> dict[str, Any]:
    return {
        "entity": "employer",
        "id": uid(),
        "op": "upsert",
        "fields": {
            "name": name, "sector": "installatie", "municipality": "Alkmaar", "spt": spt,
            "address": "Straat 1", "praktijkopleiders": 1, "middenkader": 0,
            "guidance_notes": "",
        },
    }  # fmt: skip


def batch(*changes: dict[str, Any]) -> p.PushBatch:
    return p.PushBatch.model_validate({"batch_id": uid(), "changes": list(changes)})


def caller(admin: Admin, email: str, spt: str = NH) -> store.Caller:
    return store.Caller(admin.add_coach(email, spt), spt, uid())


def pulled(engine: sa.Engine, who: store.Caller, cursor: str | None) -> tuple[set[str], str]:
    """Everything ``who`` pulls past ``cursor``, to the end; the ids and the cursor."""
    ids: set[str] = set()
    while True:
        with Session(engine) as s:
            page = pull.read_page(s, who, cursor, 1000)
        ids |= {r.id for r in page.rows}
        cursor = page.cursor
        if not page.more:
            return ids, cursor


# --- pushes side by side; nothing skipped ------------------------------------------------


def test_a_push_in_flight_is_never_passed_by_a_pulls_cursor(pg_admin: Admin) -> None:
    """Anna's push has taken its revisions but not committed; Bob's push, later and with
    higher revisions, commits meanwhile (it does not wait for Anna's). A colleague's
    pull stops below Anna's revisions (Bob's employer waits with them): once Anna
    commits, the next pull from that cursor brings both. (A plain sequence would have
    sent Bob's and moved the cursor past her revisions: her employer skipped for good.)"""
    anna, bob, cora = (caller(pg_admin, f"{n}@spt.nl") for n in ("anna", "bob", "cora"))
    engine = pg_admin.engine
    hers, his = employer(name="Van Anna"), employer(name="Van Bob")
    with Session(engine) as first:
        first.begin()
        store.push(first, anna, batch(hers))  # revisions taken, not committed
        with Session(engine) as second, second.begin():
            # Would wait for Anna's transaction if pushes queued on one row: bounded, so
            # that queue fails this test instead of hanging it.
            second.execute(sa.text("SET LOCAL lock_timeout = '20s'"))
            store.push(second, bob, batch(his))
        seen, cursor = pulled(engine, cora, None)
        assert hers["id"] not in seen and his["id"] not in seen
        with Session(engine) as s:
            theirs = s.execute(sa.text("SELECT count(*) FROM record WHERE entity = 'employer'"))
            assert theirs.scalar() == 1  # Bob's is in, Anna's not yet
        first.commit()
    later, _ = pulled(engine, cora, cursor)
    assert {hers["id"], his["id"]} <= later


def test_concurrent_pushes_and_a_pull_lose_nothing(pg_admin: Admin) -> None:
    """Four coaches push employers of one SPT at once, batch after batch, while a
    colleague pulls all the time: at the end she has every one of them, each record
    was stored once with a revision of its own."""
    engine = pg_admin.engine
    pushers = [caller(pg_admin, f"coach{i}@spt.nl") for i in range(4)]
    reader = caller(pg_admin, "lezer@spt.nl")
    sent: list[str] = []
    done = threading.Event()
    errors: list[BaseException] = []

    def push_many(who: store.Caller) -> None:
        try:
            for _ in range(15):
                changes = [employer() for _ in range(3)]
                with Session(engine) as s, s.begin():
                    store.push(s, who, batch(*changes))
                sent.extend(c["id"] for c in changes)
        except BaseException as exc:
            errors.append(exc)

    seen: set[str] = set()
    cursor: str | None = None

    def read() -> None:
        nonlocal cursor
        try:
            while not done.is_set():
                got, cursor = pulled(engine, reader, cursor)
                seen.update(got)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=push_many, args=(w,)) for w in pushers]
    reader_thread = threading.Thread(target=read)
    reader_thread.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader_thread.join()
    assert errors == []
    got, _ = pulled(engine, reader, cursor)
    seen |= got
    assert len(sent) == 4 * 15 * 3
    assert set(sent) <= seen
    with engine.connect() as c:
        revs = c.execute(sa.text("SELECT rev FROM record WHERE entity = 'employer'")).scalars()
        revs_list = list(revs)
        leases = c.execute(sa.text("SELECT count(*) FROM rev_lease")).scalar_one()
    assert len(revs_list) == len(set(revs_list)) == len(sent)
    assert leases == 0  # every push released its blocks as it committed


def test_a_replayed_batch_racing_its_first_run_is_applied_once(pg_admin: Admin) -> None:
    """The same batch sent twice at once (a retry while the first is still running):
    the second waits for the first and answers from its results."""
    anna = caller(pg_admin, "anna@spt.nl")
    engine = pg_admin.engine
    same = batch(employer())
    results: list[p.PushResult] = []
    with Session(engine) as first:
        first.begin()
        results.append(store.push(first, anna, same))

        def again() -> None:
            with Session(engine) as s, s.begin():
                results.append(store.push(s, anna, same))

        t = threading.Thread(target=again)
        t.start()
        first.commit()
        t.join()
    assert [r.replayed for r in results] == [False, True]
    assert results[1].results[0].rev == results[0].results[0].rev
    with engine.connect() as c:
        assert (
            c.execute(sa.text("SELECT count(*) FROM record WHERE entity='employer'")).scalar() == 1
        )


# --- idle syncs --------------------------------------------------------------------------


@contextmanager
def _statements(engine: sa.Engine) -> Iterator[list[str]]:
    """Every statement sent on ``engine`` meanwhile, as SQLAlchemy's statement events see
    them (those ``raw.run`` sends on psycopg's connection itself too)."""
    seen: list[str] = []

    def note(_conn: Any, _cur: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    sa.event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        sa.event.remove(engine, "before_cursor_execute", note)


def test_an_idle_pull_is_one_statement_whatever_others_write(db_url: str) -> None:
    """Anna is up to date; coaches of another SPT register candidates and employers. Her
    next pull costs one statement (her three watermarks), not the pull's queries; a
    change in her SPT's registry is one she receives."""
    admin = Admin(db_url)
    try:
        anna, gijs = caller(admin, "anna@spt.nl"), caller(admin, "gijs@spt.nl", GA)
        bob = caller(admin, "bob@spt.nl")
        engine = make_engine(db_url)
        with Session(engine) as s, s.begin():
            store.push(s, anna, batch(candidate_change(), employer()))
        _, cursor = pulled(engine, anna, None)
        for _ in range(3):
            with Session(engine) as s, s.begin():
                store.push(s, gijs, batch(candidate_change(spt=GA), employer(GA)))
        with _statements(engine) as statements, Session(engine) as s:
            page = pull.read_page(s, anna, cursor, 1000)
        assert page.rows == [] and page.cursor == cursor
        # One statement (on PostgreSQL the page's prelude: her watermarks with what a
        # page would need next, pull.prelude), whatever kind it is.
        assert len(statements) == 1
        assert "watermark" in statements[-1]
        # Her SPT's registry moves: the next pull has it.
        news = employer(name="Nieuw")
        with Session(engine) as s, s.begin():
            store.push(s, bob, batch(news))
        got, _ = pulled(engine, anna, cursor)
        assert got == {news["id"]}
        engine.dispose()
    finally:
        admin.close()


def test_watermark_rows_are_pruned_to_the_newest(db_url: str) -> None:
    admin = Admin(db_url)
    try:
        anna = caller(admin, "anna@spt.nl")
        for _ in range(3):
            with admin.session() as s, s.begin():
                store.push(s, anna, batch(employer()))
        with admin.engine.begin() as c:
            before = c.execute(sa.select(sa.func.count()).select_from(Watermark)).scalar_one()
            store.prune_marks(c)
            keys = c.execute(sa.select(Watermark.key, Watermark.rev)).all()
        assert before > len(keys)
        assert len({k for k, _ in keys}) == len(keys)  # one row per key: the newest
    finally:
        admin.close()


# --- the cached device check ---------------------------------------------------------


def _login(base: str, email: str) -> str:
    r = httpx.post(
        f"{base}{p.API_PREFIX}/auth/login",
        json={"email": email, "password": PASSWORD, "device_name": "laptop"},
    )
    assert r.status_code == 200, r.text
    return str(r.json()["access_token"])


def _sync(base: str, token: str) -> httpx.Response:
    return httpx.post(
        f"{base}{p.API_PREFIX}/sync", json={}, headers={"authorization": f"Bearer {token}"}
    )


@pytest.mark.parametrize("how", ["revoke", "deactivate"])
def test_a_revoked_device_is_refused_at_its_next_sync_despite_the_cache(
    db_url: str, how: str
) -> None:
    admin = Admin(db_url)
    server = LiveServer(db_url).start()
    try:
        admin.add_coach("anna@spt.nl")
        token = _login(server.url, "anna@spt.nl")
        assert _sync(server.url, token).status_code == 200
        assert _sync(server.url, token).status_code == 200  # from the process's check
        if how == "revoke":
            admin.revoke("anna@spt.nl")
        else:
            from spt_server import setup

            with admin.session() as s, s.begin():
                setup.deactivate(s, email="anna@spt.nl")
        r = _sync(server.url, token)
        assert r.status_code == 403 and r.json()["detail"]["code"] == p.ERR_DEVICE_REVOKED
    finally:
        server.stop()
        admin.close()


# --- plans -------------------------------------------------------------------------------


def test_no_pull_query_scans_the_record_table_on_postgresql(pg_admin: Admin) -> None:
    """Every query of a pull (and of the watermarks a write keeps), explained on
    PostgreSQL with sequential scans priced out: each has an index to walk. (With
    ``enable_seqscan`` off the planner still scans when no index can serve.)"""
    anna = caller(pg_admin, "anna@spt.nl")
    with pg_admin.session() as s, s.begin():
        store.push(s, anna, batch(candidate_change(), employer()))
    dev = str(uuid.uuid4())
    with pg_admin.session() as s:
        queries: list[Any] = [
            *(
                pull._others_changes_query(anna, 10, 500, 1000, which)
                for which in pull.shared_streams(anna, desk=True) + pull.loket_streams(anna)
            ),
            pull._others_changes_query(anna, 10, 500, 1000, pull.in_scope_clause(anna)),
            pull.granted_query(s, anna, 10, "", 500, 1000),
            pull.granted_query(s, anna, 10, dev, 500, 1000),
            # The page's one statement: the streams above, merged.
            pull.page_query(s, anna, 10, "", 500, 1000),
            pull.page_query(s, anna, 0, "", 500, 1000),
            # A first pull's span: her candidates' records, per candidate.
            pull.changed_query(s, anna, 10, 10 + pull.LONG_SPAN + 1, 1000, long_span=True),
            pull.page_query(s, anna, 0, "", pull.LONG_SPAN + 1, 1000),
            pull.revoked_scopes(anna.account_id, 10, 500),
            sa.select(pull.watermark_query(anna)),
        ]
    engine = pg_admin.engine
    with engine.connect() as c:
        c.exec_driver_sql("SET enable_seqscan = off")
        for q in queries:
            sql = str(q.compile(engine, compile_kwargs={"literal_binds": True}))
            plan = "\n".join(str(r[0]) for r in c.exec_driver_sql("EXPLAIN " + sql))
            assert "Seq Scan on record" not in plan, plan
            assert "Seq Scan on scope" not in plan, plan
            assert "Seq Scan on watermark" not in plan, plan


def test_each_shared_stream_walks_its_own_index_in_revision_order_on_sqlite(
    tmp_path: Path,
) -> None:
    """The staff directory, the registries, what is addressed to her and her referrals:
    each stream is read in revision order from a partial index of its own (SHARED_INDEXES),
    never found through another index and sorted. The referrals given to a coach were
    found through every record addressed to her (each of her assignments) and sorted: a
    pull's cost grew with her caseload (115 ms a pull at 10,000 candidates)."""
    from spt_server.db import SHARED_INDEXES

    admin = Admin(make_db("sqlite", tmp_path, None))
    try:
        anna = caller(admin, "anna@spt.nl")
        with admin.session() as s, s.begin():
            store.push(s, anna, batch(candidate_change(), employer()))
        own = {name for name, _cols, _where in SHARED_INDEXES}
        with admin.engine.connect() as c:
            for which in pull.shared_streams(anna, desk=True):
                q = pull._others_changes_query(anna, 10, 500, 1000, which)
                sql = str(q.compile(admin.engine, compile_kwargs={"literal_binds": True}))
                plan = [str(r[3]) for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
                assert len(plan) == 1, plan
                assert plan[0].startswith("SEARCH record USING INDEX "), plan
                assert plan[0].split()[4] in own and "rev>? AND rev<?" in plan[0], plan
    finally:
        admin.close()


# --- serve --workers -------------------------------------------------------------------


def test_serve_with_two_workers_answers_syncs(pg_url: str, tmp_path: Path) -> None:
    admin = Admin(pg_url)
    admin.add_coach("anna@spt.nl")
    admin.close()
    port = free_port()
    cmd = [sys.executable, "-m", "spt_server.cli", "serve", "--db", pg_url, "--port", str(port),
           "--workers", "2", "--pool-size", "3", "--no-retention"]  # fmt: skip
    proc = subprocess.Popen(cmd)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(proc, port)
        token = _login(base, "anna@spt.nl")
        statuses = {_sync(base, token).status_code for _ in range(10)}
        assert statuses == {200}
        children = subprocess.run(
            ["pgrep", "-P", str(proc.pid)], capture_output=True, text=True, check=False
        ).stdout.split()
        assert len(children) >= 2  # the workers (and uvicorn's own helper, if any)
    finally:
        proc.terminate()
        proc.wait()


def test_the_changed_stream_walks_the_revision_index_on_sqlite(tmp_path: Path) -> None:
    """A device's changed stream on SQLite walks the revision index from its cursor and
    checks each record's scope by a probe: never every record of her candidates. The
    set form PostgreSQL hashes (``in_scope_clause`` with a cursor) made SQLite search
    record by candidate for each of them and sort: a first pull's page at 10,000
    candidates took 0.14 s of server CPU more, a 10-change pull 5 -> 23 ms at 1,000."""
    admin = Admin(make_db("sqlite", tmp_path, None))
    try:
        anna = caller(admin, "anna@spt.nl")
        with admin.session() as s, s.begin():
            store.push(s, anna, batch(candidate_change(), employer()))
        with admin.session() as s:
            q = pull.changed_query(s, anna, 10, 500, 1000, False)
            sql = str(q.compile(admin.engine, compile_kwargs={"literal_binds": True}))
        with admin.engine.connect() as c:
            plan = [str(r[3]) for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
        assert plan[0].startswith("SEARCH record USING INDEX "), plan
        assert "rev>? AND rev<?" in plan[0], plan
        assert not any("USE TEMP B-TREE" in line for line in plan), plan
        assert not any(line.startswith("SCAN record") for line in plan), plan
    finally:
        admin.close()


def test_a_long_span_where_her_records_are_dense_walks_the_revision_index(
    pg_admin: Admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long span on PostgreSQL (a first pull) where her candidates' records are most of
    the revisions in it (``pull._dense``, by her candidates the prelude counts) is read as
    a short one: the revision index walked from the cursor, not every record of her
    candidates per candidate on every page (a coach with 10,000 candidates: 1.4 s of
    PostgreSQL's CPU a page, 192 pages). The same records either way."""
    anna = caller(pg_admin, "anna@spt.nl")
    candidates = [candidate_change() for _ in range(30)]
    with pg_admin.session() as s, s.begin():
        store.push(s, anna, batch(*candidates))
    monkeypatch.setattr(pull, "LONG_SPAN", 5)
    pages: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "stream" in statement:
            pages.append(statement)

    def first_pull() -> set[str]:
        who = store.Caller(anna.account_id, anna.spt, uid())
        ids: set[str] = set()
        cursor = None
        while True:
            with Session(pg_admin.engine) as s:
                page = pull.read_page(s, who, cursor, 7)
            ids |= {r.id for r in page.rows}
            cursor = page.cursor
            if not page.more:
                return ids

    sa.event.listen(pg_admin.engine, "before_cursor_execute", seen)
    try:
        walked = first_pull()
        assert len(pages) > 3 and not any("LATERAL" in sql for sql in pages)
        pages.clear()
        monkeypatch.setattr(pull, "_dense", lambda *_args: False)
        per_candidate = first_pull()
        assert len(pages) > 3 and all("LATERAL" in sql for sql in pages[:-1])
    finally:
        sa.event.remove(pg_admin.engine, "before_cursor_execute", seen)
    assert walked == per_candidate
    assert {c["id"] for c in candidates} <= walked
