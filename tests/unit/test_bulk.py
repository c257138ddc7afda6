"""The bulk loader: Core executemany plus one outbox entry per record, in one transaction,
with the full-text index kept right while its triggers are lifted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
import sqlalchemy as sa

from spt_desktop.demo import DemoData, generate
from spt_desktop.models import Candidate, Note, bulk
from spt_desktop.models.base import Base
from spt_desktop.models.keyfile import KdfParams
from spt_desktop.models.vault import Vault

FAST_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
TODAY = date(2026, 11, 30)


@pytest.fixture
def empty_vault(tmp_path) -> Iterator[Vault]:  # type: ignore[no-untyped-def]
    vault, _ = Vault.create(tmp_path / "bulk.sptvault", "bulk wachtwoordzin 2026", kdf=FAST_KDF)
    yield vault
    vault.lock()


@pytest.fixture
def loaded(empty_vault: Vault) -> tuple[Vault, DemoData, dict[str, int]]:
    assert empty_vault.owner_id is not None
    data = generate(40, 5, TODAY, empty_vault.owner_id)
    counts = bulk.load(empty_vault, data.rows)
    return empty_vault, data, counts


def fts_triggers(vault: Vault) -> list[str]:
    with vault.engine.connect() as c:
        return sorted(
            c.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE '%fts%'"
            ).scalars()
        )


def test_rows_read_back_equal_the_generated_rows(loaded) -> None:  # type: ignore[no-untyped-def]
    vault, data, counts = loaded
    assert counts == {t: len(rows) for t, rows in data.rows.items() if rows}
    with vault.engine.connect() as c:
        for name, rows in data.rows.items():
            table = Base.metadata.tables[name]
            ids = [r["id"] for r in rows]
            written = [col for col in table.columns if col.computed is None]  # not sort_name
            stored = {
                r["id"]: dict(r)
                for r in c.execute(sa.select(*written).where(table.c.id.in_(ids))).mappings()
            }
            assert len(stored) == len(rows), name
            for row in rows:
                assert stored[row["id"]] == row, name


def test_one_outbox_entry_per_record(loaded) -> None:  # type: ignore[no-untyped-def]
    vault, data, counts = loaded
    with vault.engine.connect() as c:
        entries = c.exec_driver_sql(
            "SELECT entity, record_id, op, fields, base_rev FROM outbox WHERE op = 'insert' "
            "AND record_id IN (SELECT id FROM candidate UNION ALL SELECT id FROM visit "
            "UNION ALL SELECT id FROM consent UNION ALL SELECT id FROM employer)"
        ).all()
        per_entity = dict(
            c.exec_driver_sql("SELECT entity, count(*) FROM outbox GROUP BY entity").all()
        )
    for entity in ("candidate", "visit", "consent", "employer"):
        ids = sorted(r["id"] for r in data.rows[entity])
        assert sorted(e.record_id for e in entries if e.entity == entity) == ids
    assert all(e.fields is None and e.base_rev is None for e in entries)
    # The vault's own creation wrote one outbox entry for the owner's coach row (plus its
    # audit entry); everything else comes from the load, exactly once per record.
    for entity, n in counts.items():
        assert per_entity[entity] == n + (1 if entity == "coach" else 0), entity


def test_full_text_index_covers_bulk_rows_and_triggers_come_back(loaded) -> None:  # type: ignore[no-untyped-def]
    vault, data, _ = loaded
    before = fts_triggers(vault)
    assert len(before) == 12  # candidate, note, visit, intake x insert/update/delete
    cand = data.rows["candidate"][3]
    with vault.engine.connect() as c:
        hits = c.exec_driver_sql(
            "SELECT candidate_id FROM search_fts WHERE search_fts MATCH ?",
            (f'"{cand["last_name"]}" AND "{cand["first_name"]}"',),
        ).scalars()
        assert cand["id"] in set(hits)
        indexed = c.exec_driver_sql("SELECT count(*) FROM search_fts").scalar()
    live = sum(len(data.rows[t]) for t in ("candidate", "note", "visit", "intake"))
    assert indexed == live
    # After the load the triggers fire again for ordinary writes.
    with vault.transaction() as s:
        s.add(Note(candidate_id=cand["id"], author_id=vault.owner_id, written_at=TODAY,
                   text="Zonnepanelenproefdag geregeld"))  # fmt: skip
    with vault.engine.connect() as c:
        assert c.exec_driver_sql(
            "SELECT candidate_id FROM search_fts WHERE search_fts MATCH 'zonnepanelenproef*'"
        ).scalars().all() == [cand["id"]]


def test_a_failed_load_leaves_nothing_behind(empty_vault: Vault) -> None:
    assert empty_vault.owner_id is not None
    data = generate(10, 5, TODAY, empty_vault.owner_id)
    rows = dict(data.rows)
    rows["note"] = [*rows["note"], {**rows["note"][0], "id": "x", "candidate_id": "nobody"}]
    before = fts_triggers(empty_vault)
    with pytest.raises(sa.exc.IntegrityError):
        bulk.load(empty_vault, rows)
    with empty_vault.engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM candidate").scalar() == 0
        assert c.exec_driver_sql("SELECT count(*) FROM search_fts").scalar() == 0
        assert c.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 2  # owner only
    assert fts_triggers(empty_vault) == before
    assert empty_vault.integrity_problems() == []


def test_sync_columns_get_defaults(empty_vault: Vault) -> None:
    row = {
        "first_name": "Fatima", "last_name": "El Idrissi", "municipality": "Zaanstad",
        "spt": "spt_noord_holland", "labour_market_region": "Zaanstreek-Waterland",
        "referral_source": "uwv", "persona": "no_work_benefit_nontechnical",
        "benefit_status": "ww", "phase": "orientation", "status": "active",
        "registered_on": TODAY,
    }  # fmt: skip
    assert bulk.load(empty_vault, {"candidate": [row, dict(row, first_name="Salma")]}) == {
        "candidate": 2
    }
    with empty_vault.transaction() as s:
        cands = s.scalars(sa.select(Candidate)).all()
        assert {c.first_name for c in cands} == {"Fatima", "Salma"}
        assert all(len(c.id) == 36 and not c.deleted and c.server_rev is None for c in cands)


def test_only_synced_tables_in_foreign_key_order() -> None:
    order = bulk.table_order(["visit", "placement", "candidate", "coach"])
    assert sorted(order) == ["candidate", "coach", "placement", "visit"]
    assert order.index("visit") > max(order.index(t) for t in ("candidate", "coach", "placement"))
    with pytest.raises(ValueError, match="outbox"):
        bulk.table_order(["outbox"])


def test_search_owner_maps_every_indexed_document(loaded) -> None:  # type: ignore[no-untyped-def]
    """The bulk loader fills the owner table set-based, like the FTS index itself."""
    vault, _data, _counts = loaded
    with vault.engine.connect() as c:
        fts = set(c.exec_driver_sql("SELECT rowid, candidate_id FROM search_fts"))
        owner = set(c.exec_driver_sql("SELECT doc, candidate_id FROM search_owner"))
    assert fts and fts == owner
