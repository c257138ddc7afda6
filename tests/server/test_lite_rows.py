"""A push's new rows on SQLite by multi-row ``INSERT ... VALUES`` (``store.LITE_ROWS``
rows a statement, the rest by one executemany), and nulls bound through an adapter
(``db.bind_nulls_lite``): the same rows stored as one executemany of the single row
stores, every value of its type, a constraint error raised as SQLAlchemy's with the
parameters hidden, nothing stored of a failed batch (issue 13, round 13)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spt_server import db, store


def _engine(path: Path) -> sa.Engine:
    engine = db.make_engine(f"sqlite:///{path}")
    db.Base.metadata.create_all(engine)
    return engine


def _rows(n: int) -> list[list[Any]]:
    """``n`` new records' values (``store.RECORD_KEYS`` order) of every column's kinds:
    nulls, texts with quotes and non-ASCII, integers, booleans, times."""
    out = []
    for i in range(n):
        kind = i % 4
        out.append(
            [
                f"00000000-0000-7000-8000-{i:012d}",
                ("note", "employer", "assignment", "candidate")[kind],
                None if kind == 1 else f"00000000-0000-7000-9000-{i % 7:012d}",
                "spt-a" if kind == 1 else None,
                f"00000000-0000-7000-a000-{i % 3:012d}" if kind == 2 else None,
                1000 + i,
                False,
                f'{{"text":"Zoë \\"{i}\\" — ok","n":{i}}}',
                "",
                None if kind == 3 else "00000000-0000-7000-b000-000000000001",
                "00000000-0000-7000-c000-000000000001",
                datetime(2026, 12, 6, 17, i % 60, 0, i),
            ]
        )
    return out


def _stored(engine: sa.Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.exec_driver_sql(
                "SELECT *, typeof(candidate_id), typeof(addressee), typeof(synced_device) "
                "FROM record ORDER BY rev"
            )
        ]


@pytest.mark.parametrize("extra", [0, 1, store.LITE_ROWS - 1])
def test_multi_row_inserts_store_what_one_executemany_stores(tmp_path: Path, extra: int) -> None:
    n = 2 * store.LITE_ROWS + extra
    rows = _rows(n)
    many, multi = _engine(tmp_path / "many.db"), _engine(tmp_path / "multi.db")
    seen: list[tuple[str, bool]] = []

    @sa.event.listens_for(multi, "before_cursor_execute")
    def _seen(_c: Any, _cur: Any, statement: str, _p: Any, _ctx: Any, executemany: bool) -> None:
        if statement.startswith("INSERT"):
            seen.append((statement, executemany))

    with many.begin() as conn:
        plan = store._insert_plan(conn.dialect, store.RECORD, store.RECORD_KEYS)
        params = [
            tuple(v if b is None or v is None else b(v) for v, b in zip(r, plan.binds, strict=True))
            for r in rows
        ]
        conn.exec_driver_sql(plan.sql, params)  # the single row's statement, as before
    with multi.begin() as conn:
        store.insert_values(conn, store.RECORD, store.RECORD_KEYS, [list(r) for r in rows])
    assert _stored(multi) == _stored(many)
    assert len(_stored(multi)) == n
    # Two statements of LITE_ROWS rows, the rest (if any) by one executemany.
    assert len(seen) == 2 + (extra > 0)
    # (the rows of a statement: each a parenthesis after VALUES; its values are bound)
    rows_of = [s.partition(" VALUES ")[2].count("(") for s, _many in seen]
    assert rows_of == [store.LITE_ROWS] * 2 + [1] * (extra > 0)
    assert seen[-1][1] == (extra > 1)  # an executemany of the rest (of one: an execute)


# How a column's values run through one statement's rows (store._lite_shape): one value
# for all, None for all, a value per row, equal values of other types (1, 1.0, True:
# equal in Python, bound as INTEGER, REAL, INTEGER), some None.
_NULLABLE = {2, 3, 4, 9, 10}  # candidate_id, spt, addressee, synced_device, updated_by
_KINDS = ("one", "null", "row", "mixed", "some_null")


def _column(j: int, kind: str, start: int, n: int) -> list[Any]:
    if j == 0:  # the id: unique
        return [f"00000000-0000-7000-8000-{start + i:012d}" for i in range(n)]
    if j == 5:  # the revision: unique
        return [1000 + start + i for i in range(n)]
    if j == 6:  # deleted
        return [False] * n if kind != "row" else [i % 2 == 0 for i in range(n)]
    if j == 11:  # updated_at
        at = datetime(2026, 12, 7, 5, 30)
        return [at] * n if kind != "row" else [at.replace(second=i % 60) for i in range(n)]
    if kind == "null":
        return [None] * n
    if kind == "one":
        return [f"v{j} Zoë"] * n
    if kind == "mixed":
        return [(1, 1.0, True)[i % 3] for i in range(n)]
    if kind == "some_null":
        return [None if i % 5 == 0 else f"v{j}" for i in range(n)]
    return [f"v{j}-{start + i}" for i in range(n)]


def _typed(engine: sa.Engine) -> list[tuple[Any, ...]]:
    cols = ", ".join(f"{k}, typeof({k})" for k in store.RECORD_KEYS)
    with engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(f"SELECT {cols} FROM record ORDER BY rev")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kinds=st.lists(
        st.lists(st.sampled_from(_KINDS), min_size=12, max_size=12), min_size=2, max_size=2
    ),
    extra=st.integers(0, 3),
)
def test_a_column_shared_by_a_statements_rows_is_stored_as_bound_per_row(
    tmp_path_factory: pytest.TempPathFactory, kinds: list[list[str]], extra: int
) -> None:
    """Two statements of LITE_ROWS rows whose columns each hold one value, one null, a
    value per row, equal values of other types or some nulls (the shared ones bound
    once or written NULL, store._lite_shape), and a rest: every value stored as one
    executemany of the single row stores it, of the same type."""
    n = store.LITE_ROWS
    parts = []
    for c, chunk in enumerate(kinds):
        size = n + (extra if c == 1 else 0)
        cols = [
            _column(j, "row" if "null" in kind and j not in _NULLABLE else kind, c * n, size)
            for j, kind in enumerate(chunk)
        ]
        parts += [list(r) for r in zip(*cols, strict=True)]
    tmp = tmp_path_factory.mktemp("shared")
    many, multi = _engine(tmp / "many.db"), _engine(tmp / "multi.db")
    with many.begin() as conn:
        plan = store._insert_plan(conn.dialect, store.RECORD, store.RECORD_KEYS)
        params = [
            tuple(v if b is None or v is None else b(v) for v, b in zip(r, plan.binds, strict=True))
            for r in parts
        ]
        conn.exec_driver_sql(plan.sql, params)
    with multi.begin() as conn:
        store.insert_values(conn, store.RECORD, store.RECORD_KEYS, [list(r) for r in parts])
    assert _typed(multi) == _typed(many)
    assert len(_typed(multi)) == 2 * n + extra
    many.dispose()
    multi.dispose()


def test_a_statements_shared_columns_are_bound_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first push's rows share their time, author, device, ``deleted`` and
    ``field_revs``, and leave the SPT and addressee empty: bound once a statement, the
    nulls written NULL; the rows' own values bound per row. (A process that made
    ``LITE_SHAPES`` shapes already uses the best of those: none made here.)"""
    monkeypatch.setattr(store, "_LITE_MANY", {})
    monkeypatch.setattr(store, "_LITE_SHAPES", {})
    engine = _engine(tmp_path / "once.db")
    seen: list[tuple[str, Any]] = []

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _seen(_c: Any, _cur: Any, statement: str, params: Any, _ctx: Any, _many: bool) -> None:
        if statement.startswith("INSERT"):
            seen.append((statement, params))

    rows = [
        _column(j, kind, 0, store.LITE_ROWS)
        for j, kind in enumerate(
            ["row", "one", "row", "null", "null", "row", "one", "row", "one", "one", "one", "one"]
        )
    ]
    with engine.begin() as conn:
        store.insert_values(
            conn, store.RECORD, store.RECORD_KEYS, [list(r) for r in zip(*rows, strict=True)]
        )
    [(statement, params)] = seen
    # Six shared (entity, deleted, field_revs, device, author, time), four per row.
    assert len(params) == 6 + 4 * store.LITE_ROWS
    first = statement.partition(" VALUES ")[2].partition(")")[0]
    assert first == "(?7, ?1, ?8, NULL, NULL, ?9, ?2, ?10, ?3, ?4, ?5, ?6"
    assert len(_stored(engine)) == store.LITE_ROWS


def test_few_shapes_are_made_and_a_shape_made_that_fits_is_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A statement's shape is made when it shares two columns more than the best made
    one that fits it (binds per row what it shares), at most LITE_SHAPES of them (then
    the best that fits, else every column per row); the shape used never shares a
    column the rows do not."""
    monkeypatch.setattr(store, "_LITE_MANY", {})
    monkeypatch.setattr(store, "_LITE_SHAPES", {})
    row, one, null = store._ROW, store._ONE, store._NULL
    sql = "INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?)"

    def used(shape: tuple[str, ...]) -> tuple[str, ...]:
        got, text = store._lite_statement(sql, shape)
        assert text == store._lite_many_sql(sql, got)
        return got

    first = (row, row, one, null)
    assert used(first) == first  # made
    assert used((row, one, one, null)) == first  # one column more: the one made fits
    assert used((one, one, one, null)) == (one, one, one, null)  # two more: made
    assert used((row, one, one, one)) == (row, one, one, one)  # nothing fits: made
    assert used((row, null, row, row)) == (row, null, row, row)  # the fourth
    assert len(store._LITE_SHAPES[sql]) == store.LITE_SHAPES
    # none more: the best that fits (most shared), else every column per row
    assert used((one, one, one, one)) == (row, one, one, one)
    assert used((one, null, null, row)) == (row, null, row, row)
    assert used((row, row, null, one)) == (row, row, row, row)
    assert used((null, row, null, one)) == (row, row, row, row)
    assert len(store._LITE_SHAPES[sql]) == store.LITE_SHAPES + 1


def test_few_rows_go_by_one_executemany(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "few.db")
    seen: list[bool] = []

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _seen(_c: Any, _cur: Any, statement: str, _p: Any, _ctx: Any, executemany: bool) -> None:
        if statement.startswith("INSERT"):
            seen.append(executemany)

    with engine.begin() as conn:
        store.insert_values(conn, store.RECORD, store.RECORD_KEYS, _rows(store.LITE_ROWS - 1))
    assert seen == [True]
    assert len(_stored(engine)) == store.LITE_ROWS - 1


def test_a_duplicate_fails_the_batch_with_its_values_hidden(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "dup.db")
    rows = _rows(store.LITE_ROWS + 3)
    rows[store.LITE_ROWS // 2][0] = rows[3][0]  # one id twice, within the first statement
    with pytest.raises(sa.exc.IntegrityError) as caught, engine.begin() as conn:
        store.insert_values(conn, store.RECORD, store.RECORD_KEYS, rows)
    assert "Zoë" not in str(caught.value) and rows[3][0] not in str(caught.value)
    assert "hidden" in str(caught.value)
    assert _stored(engine) == []  # the transaction rolled back: nothing of the batch


def test_a_null_is_bound_through_the_adapter_and_stored_as_null(tmp_path: Path) -> None:
    _engine(tmp_path / "nulls.db")  # a SQLite server's engine registers it
    assert sqlite3.adapters[(type(None), sqlite3.PrepareProtocol)](None) is None
    c = sqlite3.connect(":memory:")
    assert c.execute("SELECT typeof(?), ? IS NULL", (None, None)).fetchone() == ("null", 1)
    c.close()


def _written() -> int:
    """The bytes this process has handed to the kernel to write (all its files)."""
    with open("/proc/self/io") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("wchar:"))


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="Linux' /proc/self/io")
def test_multi_row_inserts_keep_no_statement_journal(tmp_path: Path) -> None:
    """A multi-row INSERT that may abort halfway makes SQLite copy every page it changes
    into a statement journal, spilled to a temp file past 64 KiB: records' content in
    /var/tmp, and a 10k first push wrote 864 MB there (issue 13, round 16). With a
    constraint error resolved by ROLLBACK there is none: until the commit nothing is
    written (the page cache holds the transaction's pages). The connection keeps its
    temp files on disk here (the server's keep them in memory, ``db.make_engine``), so
    a journal would show. Failed before: 2.0 MB written by the four statements below."""
    import uuid

    engine = _engine(tmp_path / "j.db")

    def rows(n: int) -> list[list[Any]]:  # ids and candidates all over their indexes
        out = _rows(n)
        for r in out:
            r[0], r[2] = str(uuid.uuid4()), str(uuid.uuid4())
            r[7] = '{"text":"' + "x" * 1000 + '"}'
        return out

    start = 1000 * store.LITE_ROWS
    for n in range(20):  # the indexes' leaves exist before the transaction below
        batch = rows(store.LITE_ROWS)
        for i, r in enumerate(batch):
            r[5] = start + n * store.LITE_ROWS + i
        with engine.begin() as conn:
            store.insert_values(conn, store.RECORD, store.RECORD_KEYS, batch)
    batch = rows(4 * store.LITE_ROWS)
    with engine.connect() as conn:  # a statement journal would spill to a file again
        conn.exec_driver_sql("PRAGMA temp_store = FILE")
    with engine.begin() as conn:
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 1  # the same one
        before = _written()
        store.insert_values(conn, store.RECORD, store.RECORD_KEYS, batch)
        written = _written() - before
    assert written < 16384, written
    assert len(_stored(engine)) == 24 * store.LITE_ROWS
