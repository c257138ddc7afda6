"""A first pull on PostgreSQL of a coach among many (a *sparse* long span: her records a
small share of the revisions past her cursor, ``pull._dense`` says no) reads, per page,
her candidates' records of the page's window only (``pull.windowed``, the index on
``record (candidate_id, rev)`` of migration 0018), never all of them past the cursor
on every page: a coach with 1,000 candidates among 150 coaches read 37,000 records a
page (issue 13). The pages hold the same records as the revision index walked."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common import protocol as p
from spt_server import pull, store
from tests.support.server_kit import Admin, candidate_change, uid

LIMIT = 7


def _batch(*changes: dict[str, Any]) -> p.PushBatch:
    return p.PushBatch.model_validate({"batch_id": uid(), "changes": list(changes)})


def _note(candidate_id: str, author: str) -> dict[str, Any]:
    return {
        "entity": "note",
        "id": uid(),
        "op": "upsert",
        "fields": {"candidate_id": candidate_id, "author_id": author,
                   "written_at": "2026-11-03T10:00:00", "text": "Gesprek."},
    }  # fmt: skip


@pytest.fixture
def sparse(pg_admin: Admin, monkeypatch: pytest.MonkeyPatch) -> tuple[Admin, store.Caller]:
    """Anna's 8 candidates, each with a note in each of 6 rounds, between which another
    coach registers 40 candidates: her changes spread over a span mostly of his. Any span
    of more than 5 revisions is long, and never dense. Analyzed, as autovacuum keeps a
    server's tables."""
    admin = pg_admin
    anna = store.Caller(admin.add_coach("anna@spt.nl"), "spt_noord_holland", uid())
    bert = store.Caller(admin.add_coach("bert@spt.nl"), "spt_noord_holland", uid())
    hers = [candidate_change() for _ in range(8)]
    with admin.session() as s, s.begin():
        store.push(s, anna, _batch(*hers))
    for _ in range(6):
        with admin.session() as s, s.begin():
            store.push(s, bert, _batch(*(candidate_change() for _ in range(40))))
        with admin.session() as s, s.begin():
            store.push(s, anna, _batch(*(_note(c["id"], anna.account_id) for c in hers)))
    with admin.engine.connect() as c:
        c.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    monkeypatch.setattr(pull, "LONG_SPAN", 5)
    monkeypatch.setattr(pull, "_dense", lambda *_args: False)
    return admin, anna


def _first_pull(admin: Admin, who: store.Caller) -> tuple[list[list[str]], list[str]]:
    """A new device's first pull in pages of LIMIT: each page's ids, and the cursors."""
    pages: list[list[str]] = []
    cursors: list[str] = []
    cursor = None
    while True:
        with Session(admin.engine) as s:
            page = pull.read_page(s, who, cursor, LIMIT)
        pages.append([r.id for r in page.rows])
        cursor = page.cursor
        cursors.append(cursor)
        if not page.more:
            return pages, cursors


def test_a_sparse_long_span_pulls_the_same_records_as_the_walk(
    sparse: tuple[Admin, store.Caller], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Page by page in its windows, each record once, the same as the revision index
    walked from the cursor (``_dense``'s way) and every record of her candidates."""
    admin, anna = sparse
    who = store.Caller(anna.account_id, anna.spt, uid())
    seen: list[str] = []

    def statement(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        seen.append(sql)

    sa.event.listen(admin.engine, "before_cursor_execute", statement)
    try:
        windowed, _ = _first_pull(admin, who)
    finally:
        sa.event.remove(admin.engine, "before_cursor_execute", statement)
    assert len(windowed) > 3 and sum("AS bound" in sql for sql in seen) == len(windowed)
    with monkeypatch.context() as m:
        m.setattr(pull, "_dense", lambda *_args: True)
        walked, _ = _first_pull(admin, who)
    ids = [i for page in windowed for i in page]
    assert len(ids) == len(set(ids))  # each record once
    assert set(ids) == {i for page in walked for i in page}
    with admin.session() as s:
        theirs = set(
            s.scalars(
                sa.select(store.Record.id).where(
                    store.Record.candidate_id.in_(
                        sa.select(store.Scope.candidate_id).where(
                            store.Scope.account_id == anna.account_id
                        )
                    )
                )
            )
        )
    assert len(theirs) == 8 * 8 and theirs <= set(ids)  # a candidate, its assignment, 6 notes


def _explain(admin: Admin, sql: str) -> dict[str, Any]:
    with admin.engine.connect() as c:
        c.exec_driver_sql("SET enable_seqscan = off")
        [[plan]] = c.exec_driver_sql("EXPLAIN (ANALYZE, FORMAT JSON) " + sql).all()
    return dict((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"])


def _scans(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", []):
        yield from _scans(child)


def test_a_page_of_a_sparse_long_span_reads_her_records_of_its_window_only(
    sparse: tuple[Admin, store.Caller],
) -> None:
    """Explained and run on PostgreSQL (sequential scans priced out), a page past a cursor
    in the middle of her first pull: the window and the page's per-candidate read each
    walk one range of ``ix_record_candidate_id_rev`` per candidate (the revisions in the
    index condition, not a filter on every record of hers); the window reads revisions
    from the index alone, and the page (its statement, with the window in it) no more
    than its LIMIT + 1 of her records, fewer than there are past the cursor."""
    admin, anna = sparse
    who = store.Caller(anna.account_id, anna.spt, uid())
    _pages, cursors = _first_pull(admin, who)
    cursor = cursors[2]
    cur_rev, cur_id = pull.parse_cursor(cursor)
    with Session(admin.engine) as s:
        upto = pull.safe_upto(s)
        hers_past = s.execute(
            sa.select(sa.func.count())
            .select_from(store.Record)
            .join(store.Scope, store.Scope.candidate_id == store.Record.candidate_id)
            .where(
                store.Scope.account_id == anna.account_id,
                store.Record.rev > sa.func.greatest(cur_rev, store.Scope.granted_rev),
            )
        ).scalar_one()
        shape, params = pull._shape(
            "postgresql", who, cur_rev, cur_id, upto, LIMIT, pull.desk_state(s, who),
            long_span=True,
        )  # fmt: skip
    assert hers_past > 2 * (LIMIT + 1)
    raw = pull.windowed(shape, admin.engine.dialect, params)
    values = {**raw.consts, **params}
    page = raw.text
    for i, name in reversed(list(enumerate(raw.names, 1))):
        value = values[name]
        page = page.replace(f"${i}", f"'{value}'" if isinstance(value, str) else str(value))
    window = pull._WINDOW % {
        "cur_rev": cur_rev, "upto": upto, "limit": LIMIT, "account": f"'{anna.account_id}'"
    }  # fmt: skip
    for sql, only in ((window, True), (page, False)):
        nodes = list(_scans(_explain(admin, sql)))
        assert not any(
            n["Node Type"] == "Seq Scan" and n.get("Relation Name") == "record" for n in nodes
        )
        by_candidate = [n for n in nodes if n.get("Index Name") == "ix_record_candidate_id_rev"]
        ranged = [n for n in by_candidate if "rev > " in n.get("Index Cond", "")]
        assert ranged, [(n["Node Type"], n.get("Index Cond")) for n in by_candidate]
        read = sum(n["Actual Rows"] * n["Actual Loops"] for n in ranged)
        if only:
            # The window: revisions from the index alone, up to LIMIT + 1 a candidate.
            assert all(n["Node Type"] == "Index Only Scan" for n in ranged), ranged
        else:
            # The page: her records in the window, no more than the page (the window's
            # own index-only read in it aside).
            ranged = [n for n in ranged if n["Node Type"] != "Index Only Scan"]
            read = sum(n["Actual Rows"] * n["Actual Loops"] for n in ranged)
            assert ranged and read <= LIMIT + 1 < hers_past, (read, hers_past)
