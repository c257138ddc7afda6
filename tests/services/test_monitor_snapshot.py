"""The monitor's prepared facts kept in the vault (monitor_snapshot) and the candidates
changed since (monitor_dirty, kept by triggers of migration 0006).

The one property that matters: a report from the snapshot plus the changed candidates
equals a report from reading the whole vault, whatever was changed and however. Each
test changes the vault through the services (or the sync's own paths), then compares a
fresh MonitorService (a new session: nothing in memory) with a full read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
import sqlalchemy as sa

from spt_common.enums import CheckpointOutcome, DropoutReason, Persona, Phase
from spt_common.monitor_figures import DIMENSIONS, Period, compute
from spt_desktop.demo import fill_vault
from spt_desktop.services import Services
from spt_desktop.services import monitor as monitor_module
from spt_desktop.services.monitor import SNAPSHOT_FORMAT, MonitorService, read_prepared
from spt_desktop.sync.purge import purge_candidates

YEAR = Period(date(2025, 12, 1), date(2026, 11, 30))


@pytest.fixture
def filled(vault, services):  # type: ignore[no-untyped-def]
    """A demo caseload of 60 candidates (journeys, dropouts, placements, checkpoints),
    a first view (which writes nothing) and the housekeeping after it, which writes
    the snapshot."""
    fill_vault(vault, 60, 7, date(2026, 11, 30), n_visits=30)
    services.monitor.report(YEAR.start, YEAR.end)
    assert _snapshot_format(vault) is None
    assert services.monitor.keep_current() is True
    assert _snapshot_format(vault) == SNAPSHOT_FORMAT and _dirty(vault) == set()
    return services


def _dirty(vault) -> set[str]:  # type: ignore[no-untyped-def]
    with vault.engine.connect() as conn:
        return {r[0] for r in conn.exec_driver_sql("SELECT candidate_id FROM monitor_dirty")}


def _snapshot_format(vault) -> str | None:  # type: ignore[no-untyped-def]
    with vault.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT format FROM monitor_snapshot").scalar()


def _assert_fresh_service_matches_full_read(services: Services) -> None:
    """A new session's report (snapshot + changed candidates) == a whole-vault read."""
    fresh = MonitorService(services._ctx)
    with services._ctx.tx() as s:
        truth = read_prepared(s.connection())
    kept = fresh.prepared()
    assert kept.candidates == truth.candidates
    assert kept.moves == truth.moves
    assert sorted(kept.dropouts) == sorted(truth.dropouts)
    assert sorted(kept.placements) == sorted(truth.placements)
    for by in (None, *DIMENSIONS):
        assert fresh.report(YEAR.start, YEAR.end, by) == compute(truth, YEAR, by)


def _some(services: Services, n: int = 3) -> list[str]:
    """``n`` candidates in orientation (a closed one cannot move or drop out, and the
    move below is to Matching)."""
    from spt_common.enums import CandidateStatus
    from spt_desktop.services.dto import CaseloadFilter

    active = CaseloadFilter(
        statuses=frozenset({CandidateStatus.ACTIVE}),
        phases=frozenset({Phase.ORIENTATION}),
        limit=n,
    )
    return [c.id for c in services.queries.caseload(active)]


def test_a_new_session_reads_the_snapshot_not_the_journeys(filled, vault):  # type: ignore[no-untyped-def]
    """Nothing changed: the fresh service's facts are the snapshot's, equal to a full read."""
    _assert_fresh_service_matches_full_read(filled)
    with vault.engine.begin() as conn:  # prove it reads the snapshot: remove the journeys
        conn.exec_driver_sql("DROP TRIGGER monitor_journey_event_del")
        conn.exec_driver_sql("DELETE FROM journey_event")
    assert MonitorService(filled._ctx).prepared().move_count() > 0


CHANGES: dict[str, Callable[[Services, list[str]], None]] = {
    "move": lambda sv, ids: sv.journey.move(ids[0], Phase.MATCHING, "klaar", on=date(2026, 11, 30)),
    "dropout": lambda sv, ids: sv.journey.drop_out(
        ids[1], DropoutReason.LANGUAGE_GAP, on=date(2026, 11, 30)
    ),
    "persona": lambda sv, ids: sv.candidates.update(
        ids[2], {"persona": Persona.EMPLOYED_IN_TECH.value}
    ),
    "coach renamed": lambda sv, ids: sv.coaches.update_me(name="Sanne de Vries-Bakker"),
    "register": lambda sv, ids: _register(sv),
}


def _register(services: Services) -> None:
    from tests.services.factories import ONLY_PROCESSING, profile

    services.candidates.register(profile(), ONLY_PROCESSING)


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_every_kind_of_change_reaches_the_next_session(filled, vault, change):  # type: ignore[no-untyped-def]
    CHANGES[change](filled, _some(filled))
    assert _dirty(vault), "the change marked no candidate"
    _assert_fresh_service_matches_full_read(filled)


def test_a_recorded_checkpoint_reaches_the_next_session(filled, vault):  # type: ignore[no-untyped-def]
    with vault.engine.connect() as conn:
        point, cid = conn.exec_driver_sql(
            "SELECT id, candidate_id FROM retention_checkpoint WHERE outcome IS NULL LIMIT 1"
        ).one()
    filled.matching.record_checkpoint(point, CheckpointOutcome.RETAINED, on=date(2026, 11, 30))
    assert cid in _dirty(vault)
    _assert_fresh_service_matches_full_read(filled)


def test_edits_the_monitor_does_not_read_mark_nothing(filled, vault):  # type: ignore[no-untyped-def]
    """A phone number, a note or the sync's server revision leave the snapshot whole."""
    (cid,) = _some(filled, 1)
    filled.candidates.update(cid, {"phone": "06 12345678"})
    filled.candidates.add_note(cid, "Belde terug over de opleiding.")
    with vault.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE journey_event SET server_rev = 7")
    assert _dirty(vault) == set()


def test_a_purge_drops_the_snapshot(filled, vault):  # type: ignore[no-untyped-def]
    """No fact of a purged candidate may stay in the vault, not even in the snapshot."""
    gone = _some(filled, 2)
    with vault.engine.begin() as conn:
        purge_candidates(conn, gone)
    assert _snapshot_format(vault) is None
    _assert_fresh_service_matches_full_read(filled)
    assert not set(gone) & set(MonitorService(filled._ctx).prepared().candidates)


def test_views_never_write_the_housekeeping_does(filled, vault, monkeypatch):  # type: ignore[no-untyped-def]
    """A view only reads (it never waits for a write); keep_current writes once
    REWRITE_AT candidates changed, from the facts the last view read."""
    monkeypatch.setattr(monitor_module, "REWRITE_AT", 2)
    ids = _some(filled, 3)
    CHANGES["move"](filled, ids)
    assert filled.monitor.keep_current() is False  # one changed: a view reads it
    CHANGES["dropout"](filled, ids)
    before = _snapshot_data(vault)
    _assert_fresh_service_matches_full_read(filled)  # views, past REWRITE_AT
    filled.monitor.report(YEAR.start, YEAR.end)
    assert _snapshot_data(vault) == before and _dirty(vault) == {ids[0], ids[1]}

    def no_reading(*args):  # type: ignore[no-untyped-def]
        raise AssertionError("the view's facts were current: nothing to read again")

    monkeypatch.setattr(monitor_module, "read_prepared", no_reading)
    assert filled.monitor.keep_current() is True
    assert _dirty(vault) == set() and _snapshot_data(vault) != before
    monkeypatch.undo()
    _assert_fresh_service_matches_full_read(filled)


def _snapshot_data(vault) -> bytes | None:  # type: ignore[no-untyped-def]
    with vault.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT data FROM monitor_snapshot").scalar()


@pytest.mark.parametrize("damage", ["format", "data"])
def test_a_snapshot_of_another_format_or_damaged_is_read_anew(filled, vault, damage):  # type: ignore[no-untyped-def]
    with vault.engine.begin() as conn:
        if damage == "format":
            conn.exec_driver_sql("UPDATE monitor_snapshot SET format = 'monitor-0 py3.9'")
        else:
            conn.exec_driver_sql("UPDATE monitor_snapshot SET data = x'00ff'")
    _assert_fresh_service_matches_full_read(filled)
    filled.monitor.report(YEAR.start, YEAR.end)  # the app's view, then its housekeeping:
    assert filled.monitor.keep_current() is True  # written anew
    assert _snapshot_format(vault) == SNAPSHOT_FORMAT


def test_the_snapshot_holds_no_names(filled, vault):  # type: ignore[no-untyped-def]
    """Coach names are in it (the coach split), candidates' names and contacts are not."""
    with vault.engine.connect() as conn:
        data = conn.exec_driver_sql("SELECT data FROM monitor_snapshot").scalar_one()
        people = conn.execute(
            sa.text("SELECT first_name || ' ' || last_name, email, phone FROM candidate")
        ).all()
    assert people
    for name, email, phone in people:
        for value in (name, email, phone):
            if value:
                assert value.encode() not in data


def test_keep_current_writes_only_when_a_view_would_pay(filled, vault, monkeypatch):  # type: ignore[no-untyped-def]
    """What the app runs after unlock and sync: nothing when the snapshot is current;
    written anew when missing (a purge) or when REWRITE_AT candidates changed."""
    monkeypatch.setattr(monitor_module, "REWRITE_AT", 2)
    assert MonitorService(filled._ctx).keep_current() is False  # current
    ids = _some(filled, 3)
    CHANGES["move"](filled, ids)
    assert MonitorService(filled._ctx).keep_current() is False  # one: a view reads it
    assert _dirty(vault) == {ids[0]}
    CHANGES["dropout"](filled, ids)
    assert MonitorService(filled._ctx).keep_current() is True
    assert _dirty(vault) == set()
    with vault.engine.begin() as conn:
        purge_candidates(conn, ids[2:])
    assert _snapshot_format(vault) is None
    assert MonitorService(filled._ctx).keep_current() is True
    assert _snapshot_format(vault) == SNAPSHOT_FORMAT
    _assert_fresh_service_matches_full_read(filled)


def test_a_write_by_another_connection_meanwhile_is_not_lost(filled, vault, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """Another opening of the vault (another process, say) commits a new candidate while
    the snapshot is being rebuilt: the write is refused (SQLite will not write from an
    outdated view), nothing breaks, and the next view sees the new candidate."""
    from spt_desktop.models.vault import Vault
    from tests.conftest import PASSPHRASE
    from tests.services.factories import ONLY_PROCESSING, profile

    with vault.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM monitor_snapshot")  # to be written anew
    read_everything = monitor_module.read_prepared
    added: list[str] = []

    def read_while_another_writes(conn, ids=None):  # type: ignore[no-untyped-def]
        other = Vault(vault.path)
        other.unlock(PASSPHRASE)
        try:
            sv = Services(other, today=lambda: date(2026, 11, 30))
            added.append(sv.candidates.register(profile(), ONLY_PROCESSING).id)
        finally:
            other.lock()
        return read_everything(conn, ids)

    monkeypatch.setattr(monitor_module, "read_prepared", read_while_another_writes)
    service = MonitorService(filled._ctx)
    assert service.keep_current() is False  # refused, not half done
    monkeypatch.setattr(monitor_module, "read_prepared", read_everything)
    assert added and added[0] not in service._kept.ready.candidates  # read before it
    assert _snapshot_format(vault) is None
    assert added[0] in _dirty(vault)
    assert added[0] in MonitorService(filled._ctx).prepared().candidates
    assert MonitorService(filled._ctx).keep_current() is True
    _assert_fresh_service_matches_full_read(filled)


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO journey_event SELECT * FROM journey_event WHERE candidate_id = :c "
        "ON CONFLICT (id) DO UPDATE SET to_phase = excluded.to_phase",
        "INSERT OR REPLACE INTO journey_event SELECT * FROM journey_event WHERE candidate_id = :c",
        "UPDATE coach SET name = name || ' (2)'",
    ],
)
def test_marking_survives_an_outer_conflict_clause(filled, vault, statement):  # type: ignore[no-untyped-def]
    """An UPSERT or INSERT OR REPLACE overrides the conflict clause of statements in its
    triggers: marking a candidate that is already listed must not fail the write."""
    (cid,) = _some(filled, 1)
    CHANGES["move"](filled, [cid])  # listed once already
    with vault.engine.begin() as conn:
        conn.execute(sa.text(statement), {"c": cid})
    assert cid in _dirty(vault)
    _assert_fresh_service_matches_full_read(filled)
