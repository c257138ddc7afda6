"""A push does not download its own records (issue 13): the server never sends a device a
record whose stored state is exactly what that device pushed, by the changed stream or
with a new grant; what the server changed (a merge, a correction), what others wrote, a
handover's whole dossier and a dossier granted again after the device purged it still
come. Real vaults, a real server on loopback, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from spt_common import protocol as p
from spt_desktop.models import Handover
from spt_desktop.models.vault import Vault
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from spt_server.db import Record
from tests.server.conftest import DATABASES, database_url
from tests.support.server_kit import (  # noqa: F401 (pg_cluster: a fixture)
    PASSWORD,
    Admin,
    LiveServer,
    PgCluster,
    add_candidate,
    add_note,
    add_notes,
    bound,
    count,
    edit,
    local_rows,
    make_db,
    make_vault,
    pg_cluster,
    unheard,
)

ANNA, BOB = "anna@spt.nl", "bob@spt.nl"


@pytest.fixture(params=DATABASES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Both databases (the server tests' own), for the sync conftest's admin and live."""
    return database_url(request, tmp_path)


def sync(vault: Vault, url: str) -> engine.SyncReport:
    with Transport(url, retries=3, backoff=0.01) as t:
        return engine.sync(vault, transport=t)


def device_of(vault: Vault) -> str:
    with vault.engine.connect() as c:
        return str(
            c.exec_driver_sql("SELECT value FROM setting WHERE key = 'sync.device_id'").scalar()
        )


def not_written_by(admin: Admin, device: str) -> int:
    """Server records whose stored state is not exactly what ``device`` pushed: what others
    (or the server itself) wrote, and what the server changed of its writes."""
    with admin.session() as s:
        return int(
            s.execute(
                sa.select(sa.func.count()).where(
                    sa.or_(Record.synced_device.is_(None), Record.synced_device != device)
                )
            ).scalar_one()
        )


def hand_over(vault: Vault, cand: str, to: str, roles: tuple[str, str]) -> str:
    with vault.transaction() as s:
        h = Handover(
            candidate_id=cand,
            from_coach_id=vault.owner_id,
            from_role=roles[0],
            to_coach_id=to,
            to_role=roles[1],
            summary="Warme overdracht",
            status="pending",
            created_at=datetime(2026, 11, 4, 9, 0),
        )
        s.add(h)
        s.flush()
        return h.id


def accept(vault: Vault, handover: str) -> None:
    edit(vault, "handover", handover, status="accepted", accepted_at=datetime(2026, 11, 5, 9))


def ids(vault: Vault, entity: str) -> set[str]:
    return set(local_rows(vault, entity))


def test_a_first_push_gets_none_of_its_own_records_back(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """New candidates over several batches (each batch's answer a pull page past the
    grants of the batch before): the pages carry only what the device did not write
    exactly so; a second device of the same coach still gets everything."""
    admin.add_coach(ANNA)
    # Several batches: p.MAX_BATCH, then the rest (a vault that has not heard the limits).
    a = unheard(bound(tmp_path, "a", live.url))
    for i in range(4):
        add_notes(a, add_candidate(a, f"Kim{i}"), 150)
    waiting = count(a, "outbox")
    assert waiting > p.MAX_BATCH  # more than one batch
    report = sync(a, live.url)
    assert report.pushed == waiting and report.requests > 1
    others = not_written_by(admin, device_of(a))
    assert others < 10  # her staff record, the server's own assignments: not 600 notes
    assert report.pulled == others
    # Nothing was lost to the device: its vault holds what the server holds.
    server = admin.records()
    for entity in ("candidate", "note", "assignment"):
        assert ids(a, entity) == {k for k, r in server.items() if r["entity"] == entity}
    # A second device of the same coach gets every record, hers included.
    b = bound(tmp_path, "b", live.url)
    sync(b, live.url)
    for entity in ("candidate", "note", "assignment"):
        assert ids(b, entity) == ids(a, entity), entity
    audit = {k for k, r in server.items() if r["entity"] == "audit_entry"}
    assert len(audit) > 4 and audit <= ids(b, "audit_entry")
    assert count(b, "note") == 600 and not b.integrity_problems()


def test_a_later_push_to_a_dossier_in_scope_gets_nothing_back(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach(ANNA)
    a = bound(tmp_path, "a", live.url)
    cand = add_candidate(a)
    sync(a, live.url)
    add_notes(a, cand, 3)
    edit(a, "candidate", cand, phone="0612345678")
    report = sync(a, live.url)
    assert report.pushed > 4 and report.pulled == 0


def test_a_field_merged_on_the_server_comes_back_to_the_pusher(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """The laptop edits the e-mail address from an old copy while the desktop changed the
    phone: the server merges both; the laptop gets the merged record (not its own)."""
    admin.add_coach(ANNA)
    a, b = bound(tmp_path, "a", live.url), bound(tmp_path, "b", live.url)
    cand = add_candidate(a)
    sync(a, live.url)
    sync(b, live.url)
    edit(b, "candidate", cand, phone="0611111111")
    sync(b, live.url)
    edit(a, "candidate", cand, email="kim@example.org")
    report = sync(a, live.url)
    assert report.pulled >= 1
    mine = local_rows(a, "candidate")[cand]
    assert (mine["phone"], mine["email"]) == ("0611111111", "kim@example.org")
    assert mine["server_rev"] == admin.records()[cand]["rev"]
    sync(b, live.url)
    assert local_rows(b, "candidate")[cand]["email"] == "kim@example.org"


def test_a_candidate_filed_under_another_spt_comes_back_corrected(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach(ANNA)
    a = bound(tmp_path, "a", live.url)
    cand = add_candidate(a, spt="spt_groot_amsterdam")
    report = sync(a, live.url)
    assert report.pulled >= 1
    assert local_rows(a, "candidate")[cand]["spt"] == "spt_noord_holland"


def test_a_handover_brings_the_whole_dossier_and_a_hand_back_brings_her_own_again(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """Bob accepts Kim: he gets her whole dossier, Anna's notes he never had. Anna's laptop
    purges her. Bob writes a note and hands her back: Anna's laptop gets the whole dossier
    again, her own notes (which she purged) included, and Bob's."""
    anna = admin.add_coach(ANNA)
    bob = admin.add_coach(BOB, roles="jobcoach")
    a, b = bound(tmp_path, "a", live.url), bound(tmp_path, "b", live.url, BOB)
    cand = add_candidate(a)
    hers = {add_note(a, cand, f"Notitie {i}") for i in range(3)}
    sync(a, live.url)
    there = hand_over(a, cand, bob, ("loopbaancoach", "jobcoach"))
    sync(a, live.url)
    sync(b, live.url)
    accept(b, there)
    sync(b, live.url)
    assert cand in ids(b, "candidate") and ids(b, "note") == hers
    assert sync(a, live.url).purged == 1
    assert count(a, "candidate") == 0 and count(a, "note") == 0
    his = add_note(b, cand, "Van Bob")
    back = hand_over(b, cand, anna, ("jobcoach", "loopbaancoach"))
    sync(b, live.url)
    sync(a, live.url)
    accept(a, back)
    sync(a, live.url)
    assert cand in ids(a, "candidate") and ids(a, "note") == hers | {his}
    assert sync(b, live.url).purged == 1 and count(b, "note") == 0
    assert not a.integrity_problems()


def test_a_dossier_granted_again_after_the_purge_comes_back_whole(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach(ANNA)
    a = bound(tmp_path, "a", live.url)
    cand = add_candidate(a)
    notes = {add_note(a, cand, f"Notitie {i}") for i in range(2)}
    sync(a, live.url)
    admin.assign(cand, ANNA, active=False)
    assert sync(a, live.url).purged == 1 and count(a, "note") == 0
    admin.assign(cand, ANNA, active=True)
    sync(a, live.url)
    assert cand in ids(a, "candidate") and ids(a, "note") == notes
