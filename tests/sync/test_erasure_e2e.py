"""Erasure end to end: a real server on loopback, two coaches' real vaults. After a
coordinator erases a candidate and both devices sync, neither vault holds any row about
her and no table of the server's database holds her names or texts. A deletion travels
as a tombstone without content and still deletes the other device's copy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx
import sqlalchemy as sa

from spt_desktop.models import SYNCED_ENTITIES, Assignment
from spt_desktop.models.vault import Vault
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import (
    PASSWORD,
    Admin,
    LiveServer,
    add_candidate,
    add_note,
    count,
    delete,
    local_rows,
    make_vault,
)

SECRETS = ("Zoelinde", "Erasmusveld", "Geheim-gesprek-E2E", "Andere-notitie-E2E")


def bound(tmp_path: Path, name: str, url: str, email: str) -> Vault:
    vault = make_vault(tmp_path / f"{name}.sptvault")
    engine.login(vault, url, email, PASSWORD, device_name=name)
    return vault


def sync(vault: Vault, url: str) -> engine.SyncReport:
    with Transport(url, retries=1, backoff=0.01) as t:
        return engine.sync(vault, transport=t)


def register(vault: Vault) -> str:
    """A candidate as the desktop registers her: with her registrar's own assignment."""
    cand = add_candidate(vault, first_name=SECRETS[0], last_name=SECRETS[1])
    with vault.transaction() as s:
        s.add(Assignment(candidate_id=cand, coach_id=vault.owner_id, role="loopbaancoach"))
    return cand


def add_activity(vault: Vault, cand: str, notes: str) -> str:
    from spt_desktop.models import Activity

    with vault.transaction() as s:
        act = Activity(
            candidate_id=cand, kind="techcourt", held_on=date(2026, 11, 4),
            location="Techcourt", outcome="positive", notes=notes,
        )  # fmt: skip
        s.add(act)
        s.flush()
        return act.id


def about(vault: Vault, cand: str) -> dict[str, int]:
    """Rows about ``cand`` per table (deleted ones too)."""
    out = {}
    for name, cls in SYNCED_ENTITIES.items():
        table = cls.__table__  # type: ignore[attr-defined]
        col = "id" if name == "candidate" else "candidate_id"
        if col in table.c:
            n = count(vault, table.name, f"{col} = '{cand}'")
            if n:
                out[name] = n
    return out


def vault_scan(vault: Vault, needles: tuple[str, ...]) -> list[str]:
    found = []
    with vault.engine.connect() as c:
        names = c.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
        for (table,) in names.all():
            for row in c.exec_driver_sql(f'SELECT * FROM "{table}"'):
                text = " ".join(str(v) for v in row)
                found += [f"{table}: {n}" for n in needles if n in text]
    return found


def server_scan(db: sa.Engine, needles: tuple[str, ...]) -> list[str]:
    found = []
    with db.connect() as c:
        for table in sa.inspect(c).get_table_names():
            for row in c.exec_driver_sql(f'SELECT * FROM "{table}"'):
                text = " ".join(str(v) for v in row)
                found += [f"{table}: {n}" for n in needles if n in text]
    return found


def test_an_erased_candidate_leaves_both_vaults_and_the_server(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    admin.add_coach("bob@spt.nl", roles="jobcoach")
    admin.add_coach("cora@spt.nl", roles="coordinator")
    a = bound(tmp_path, "a", live.url, "anna@spt.nl")
    b = bound(tmp_path, "b", live.url, "bob@spt.nl")
    cand = register(a)
    add_note(a, cand, SECRETS[2])
    other = add_candidate(a, first_name="Blijft")
    kept, gone = add_note(a, other, "Blijft staan"), add_activity(a, other, SECRETS[3])
    sync(a, live.url)
    # One assignment per role: the server added none beside the device's.
    live_assignments = [
        v for v in admin.records().values()
        if v["entity"] == "assignment" and v["candidate_id"] == cand
    ]  # fmt: skip
    assert len(live_assignments) == 1
    admin.assign(cand, "bob@spt.nl")
    admin.assign(other, "bob@spt.nl")
    sync(b, live.url)
    assert about(b, cand) and vault_scan(b, SECRETS[:3])
    # A deletion: Bob's copy is deleted by a tombstone that carries no content.
    assert local_rows(b, "activity")[gone]["notes"] == SECRETS[3]
    delete(a, "activity", gone)
    sync(a, live.url)
    sync(b, live.url)
    assert local_rows(b, "activity", include_deleted=True)[gone]["deleted"] is True
    assert local_rows(b, "note")[kept]["deleted"] is False
    # A new laptop of Anna's pulls the tombstone of a record it never had: no row.
    fresh = bound(tmp_path, "c", live.url, "anna@spt.nl")
    sync(fresh, live.url)
    assert gone not in local_rows(fresh, "activity", include_deleted=True)
    assert kept in local_rows(fresh, "note") and not fresh.integrity_problems()
    assert server_scan(admin.engine, SECRETS[3:]) == []
    # The coordinator erases her; both devices sync.
    with httpx.Client(base_url=live.url + "/api/v1", timeout=30) as http:
        login = http.post("/auth/login", json={"email": "cora@spt.nl", "password": PASSWORD})
        token = login.json()["access_token"]
        r = http.post(f"/candidates/{cand}/erase", headers={"authorization": "Bearer " + token})
        assert r.status_code == 204, r.text
    for v in (a, b):
        report = sync(v, live.url)
        assert report.purged >= 1
        assert about(v, cand) == {}
        assert vault_scan(v, SECRETS[:3]) == []
        assert count(v, "candidate", f"id = '{other}'") == 1  # the other one stays
        assert not v.integrity_problems()
    assert server_scan(admin.engine, SECRETS[:3]) == []
    # A later sync brings nothing of her back.
    for v in (a, b):
        sync(v, live.url)
        assert about(v, cand) == {}


def test_a_candidate_registered_under_another_spt_comes_back_under_the_coachs(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    # A Groot-Amsterdam coach registers someone from Alkmaar: the app says Noord-Holland
    # (from the municipality); the server files her under Groot-Amsterdam, and the
    # laptop's copy follows at the next sync.
    admin.add_coach("gijs@spt.nl", spt="spt_groot_amsterdam")
    g = bound(tmp_path, "g", live.url, "gijs@spt.nl")
    cand = register(g)
    assert local_rows(g, "candidate")[cand]["spt"] == "spt_noord_holland"
    sync(g, live.url)
    sync(g, live.url)
    assert local_rows(g, "candidate")[cand]["spt"] == "spt_groot_amsterdam"
    assert admin.records()[cand]["spt"] == "spt_groot_amsterdam"
    assert count(g, "outbox") == 0 and not g.integrity_problems()


def test_writing_refused_because_she_was_erased_leaves_the_laptop_too(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """Anna writes a note offline while the coordinator erases the candidate. The server
    refuses the note; unlike after a handover (the note stays in Conflicten for her to pass
    on), nothing of it stays: the person is gone for everyone."""
    from spt_desktop.sync.conflicts import open_conflicts

    admin.add_coach("anna@spt.nl")
    admin.add_coach("cora@spt.nl", roles="coordinator")
    a = bound(tmp_path, "a", live.url, "anna@spt.nl")
    cand = register(a)
    sync(a, live.url)
    late = "Laat-geschreven-E2E"
    add_note(a, cand, late)
    with httpx.Client(base_url=live.url + "/api/v1", timeout=30) as http:
        login = http.post("/auth/login", json={"email": "cora@spt.nl", "password": PASSWORD})
        token = login.json()["access_token"]
        r = http.post(f"/candidates/{cand}/erase", headers={"authorization": "Bearer " + token})
        assert r.status_code == 204, r.text
    report = sync(a, live.url)
    assert report.purged == 1
    assert open_conflicts(a) == []
    assert vault_scan(a, (late, SECRETS[0], SECRETS[1])) == []
    assert about(a, cand) == {} and not a.integrity_problems()
