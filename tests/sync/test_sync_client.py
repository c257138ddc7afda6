"""The sync client against a real server on loopback: binding, push and pull between
vaults, conflicts, purge, wipe, faults."""

from __future__ import annotations

from pathlib import Path

import pytest

from spt_desktop.cli import messages as cli
from spt_desktop.models.vault import Vault
from spt_desktop.sync import engine
from spt_desktop.sync.conflicts import open_conflicts, resolve
from spt_desktop.sync.transport import AuthFailed, Transport, Unreachable
from tests.support.server_kit import (
    PASSWORD,
    Admin,
    FaultProxy,
    LiveServer,
    add_candidate,
    add_handover,
    add_note,
    count,
    delete,
    edit,
    local_rows,
    make_vault,
)


def bound(tmp_path: Path, name: str, admin: Admin, url: str, email: str) -> Vault:
    vault = make_vault(tmp_path / f"{name}.sptvault")
    engine.login(vault, url, email, PASSWORD, device_name=name)
    return vault


def sync(vault: Vault, url: str, **kw: object) -> engine.SyncReport:
    with Transport(url, retries=kw.pop("retries", 3), backoff=0.01) as t:  # type: ignore[arg-type]
        return engine.sync(vault, transport=t, **kw)  # type: ignore[arg-type]


def test_login_binds_the_vault_owner_to_the_server_account(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    coach_id = admin.add_coach("anna@spt.nl")
    vault = make_vault(tmp_path / "a.sptvault")
    old = vault.owner_id
    cand = add_candidate(vault)
    add_note(vault, cand)
    engine.login(vault, live.url, "anna@spt.nl", PASSWORD)
    assert vault.owner_id == coach_id != old
    notes = local_rows(vault, "note")
    assert {n["author_id"] for n in notes.values()} == {coach_id}
    assert count(vault, "coach", f"id = '{old}'") == 0
    assert count(vault, "audit_entry", f"actor_id = '{old}'") == 0
    assert count(vault, "setting", "key = 'sync.refresh_token'") == 1
    vault.lock()
    reopened = Vault(vault.path)
    from tests.support.server_kit import PASSPHRASE

    reopened.unlock(PASSPHRASE)
    assert reopened.owner_id == coach_id
    assert not reopened.integrity_problems()


def test_wrong_password_is_an_auth_error(tmp_path: Path, admin: Admin, live: LiveServer) -> None:
    admin.add_coach("anna@spt.nl")
    vault = make_vault(tmp_path / "a.sptvault")
    with pytest.raises(AuthFailed):
        engine.login(vault, live.url, "anna@spt.nl", "verkeerd-wachtwoord")


def test_two_devices_exchange_records_and_a_no_change_sync_is_one_request(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", admin, live.url, "anna@spt.nl")
    b = bound(tmp_path, "b", admin, live.url, "anna@spt.nl")
    cand = add_candidate(a)
    add_note(a, cand)
    report = sync(a, live.url)
    assert report.pushed >= 3 and report.conflicts == 0
    assert count(a, "outbox") == 0
    sync(b, live.url)
    assert set(local_rows(b, "candidate")) == {cand}
    assert len(local_rows(b, "note")) == 1
    assert len(local_rows(b, "assignment")) == 1  # registered by her: assigned to her
    again = sync(b, live.url)
    assert again.requests == 1 and again.pulled == 0 and again.pushed == 0
    assert not b.integrity_problems()


def test_edits_merge_field_by_field_and_same_field_edits_conflict(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", admin, live.url, "anna@spt.nl")
    b = bound(tmp_path, "b", admin, live.url, "anna@spt.nl")
    cand = add_candidate(a)
    sync(a, live.url)
    sync(b, live.url)
    edit(a, "candidate", cand, phone="0611111111", municipality="Hoorn")
    edit(b, "candidate", cand, email="kim@example.org", municipality="Den Helder")
    assert sync(a, live.url).conflicts == 0
    report = sync(b, live.url)
    assert report.conflicts == 1
    sync(a, live.url)
    for v in (a, b):
        row = local_rows(v, "candidate")[cand]
        assert (row["phone"], row["email"], row["municipality"]) == (
            "0611111111",
            "kim@example.org",
            "Hoorn",
        )
    [conflict] = open_conflicts(b)
    assert (conflict.field, conflict.mine, conflict.theirs) == (
        "municipality",
        "Den Helder",
        "Hoorn",
    )
    resolve(b, conflict.id, "mine")
    assert sync(b, live.url).conflicts == 0
    sync(a, live.url)
    assert local_rows(a, "candidate")[cand]["municipality"] == "Den Helder"
    assert open_conflicts(b) == []


def test_a_tombstone_is_never_resurrected_by_an_old_device(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", admin, live.url, "anna@spt.nl")
    b = bound(tmp_path, "b", admin, live.url, "anna@spt.nl")
    cand = add_candidate(a)
    sync(a, live.url)
    sync(b, live.url)
    delete(a, "candidate", cand)
    sync(a, live.url)
    edit(b, "candidate", cand, phone="0622222222")  # offline, on the old copy
    report = sync(b, live.url)
    assert report.conflicts == 1  # the edit is not silently dropped: it is a conflict
    assert cand not in local_rows(b, "candidate")
    assert admin.records(include_deleted=True)[cand]["deleted"]
    [c] = open_conflicts(b)
    assert c.kind == "deleted" and c.mine == {"phone": "0622222222"}


def test_unassign_purges_the_candidate_and_its_audit_from_the_vault(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", admin, live.url, "anna@spt.nl")
    keep = add_candidate(a, "Blijft")
    gone = add_candidate(a, "Gaat")
    add_note(a, gone)
    sync(a, live.url)
    admin.assign(gone, "anna@spt.nl", active=False)
    report = sync(a, live.url)
    assert report.purged == 1
    assert set(local_rows(a, "candidate", include_deleted=True)) == {keep}
    assert count(a, "note") == 0
    assert count(a, "audit_entry", f"candidate_id = '{gone}'") == 0
    assert count(a, "outbox") == 0
    assert admin.records()[gone]["first_name"] == "Gaat"  # the server keeps it
    admin.assign(gone, "anna@spt.nl", active=True)
    sync(a, live.url)
    assert gone in local_rows(a, "candidate") and count(a, "note") == 1


def test_accepted_handover_moves_the_dossier(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    bob_id = admin.add_coach("bob@spt.nl", roles="jobcoach")
    a = bound(tmp_path, "a", admin, live.url, "anna@spt.nl")
    b = bound(tmp_path, "b", admin, live.url, "bob@spt.nl")
    cand = add_candidate(a)
    add_note(a, cand)
    sync(a, live.url)  # the staff directory: now she can pick Bob
    hand = add_handover(a, cand, bob_id)
    sync(a, live.url)
    sync(b, live.url)
    assert cand not in local_rows(b, "candidate")  # not hers until she accepts
    assert hand in local_rows(b, "handover")
    from datetime import datetime

    edit(b, "handover", hand, status="accepted", accepted_at=datetime(2026, 11, 5, 9))
    sync(b, live.url)
    assert cand in local_rows(b, "candidate") and count(b, "note") == 1
    assert sync(a, live.url).purged == 1
    assert count(a, "candidate") == 0 and count(a, "note") == 0


def test_a_note_written_offline_after_the_handover_is_not_lost(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """Anna hands Kim over; offline, before Bob's acceptance reaches her laptop, she
    writes one more note. The server refuses it (no longer her dossier) and the dossier
    leaves her vault, but her note stays visible in Conflicten until she closes it."""
    from datetime import datetime

    admin.add_coach("anna@spt.nl")
    bob_id = admin.add_coach("bob@spt.nl", roles="jobcoach")
    a = bound(tmp_path, "a", admin, live.url, "anna@spt.nl")
    b = bound(tmp_path, "b", admin, live.url, "bob@spt.nl")
    cand = add_candidate(a)
    sync(a, live.url)
    hand = add_handover(a, cand, bob_id)
    sync(a, live.url)
    sync(b, live.url)
    edit(b, "handover", hand, status="accepted", accepted_at=datetime(2026, 11, 5, 9))
    sync(b, live.url)
    late = add_note(a, cand, text="Nog even doorgeven: start maandag om 7 uur")
    report = sync(a, live.url)
    assert report.purged == 1 and count(a, "candidate") == 0 and count(a, "note") == 0
    [kept] = open_conflicts(a)
    assert (kept.kind, kept.record_id) == ("forbidden", late)
    assert kept.mine["text"] == "Nog even doorgeven: start maandag om 7 uur"
    resolve(a, kept.id, "theirs")  # she passed it on; closing it removes nothing else
    assert open_conflicts(a) == []


def test_revoked_device_wipes_its_vault(tmp_path: Path, admin: Admin, live: LiveServer) -> None:
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", admin, live.url, "anna@spt.nl")
    add_candidate(a)
    sync(a, live.url)
    admin.revoke("anna@spt.nl")
    # Force the next request to meet the server (an unexpired access token would too).
    report = sync(a, live.url)
    assert report.wiped
    assert count(a, "candidate") == 0 and count(a, "audit_entry") == 0
    assert count(a, "setting", "key LIKE 'sync.%'") == 0


def test_unreachable_server_loses_nothing(tmp_path: Path, admin: Admin, live: LiveServer) -> None:
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", admin, live.url, "anna@spt.nl")
    cand = add_candidate(a)
    live.stop()
    with pytest.raises(Unreachable) as err:
        sync(a, live.url, retries=1)
    assert cli.exit_code(err.value) == 4
    # What happened, in words a coach can act on, not the exception's name (ConnectError).
    said = cli.text(err.value)
    assert "er is geen verbinding (geen netwerk, of een verkeerd serveradres)" in said
    assert "Error" not in said
    assert count(a, "outbox") > 0
    live.start()
    sync(a, live.url)
    assert cand in admin.records()


@pytest.mark.parametrize("fault", ["drop_before", "drop_after", "duplicate"])
def test_faults_on_the_wire_change_nothing(
    tmp_path: Path, admin: Admin, live: LiveServer, fault: str
) -> None:
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", admin, live.url, "anna@spt.nl")
    b = bound(tmp_path, "b", admin, live.url, "anna@spt.nl")
    cand = add_candidate(a)
    add_note(a, cand)
    proxy = FaultProxy(live.port)
    try:
        proxy.faults = [fault]
        sync(a, proxy.url)
        assert count(a, "outbox") == 0
    finally:
        proxy.close()
    sync(b, live.url)
    assert len(local_rows(b, "note")) == 1
    stats = admin.stats()
    assert stats["candidates"] == 1 and stats["notes"] == 1 and stats["assignments"] == 1
