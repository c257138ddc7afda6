"""A pulled change this version of the app cannot store stops no sync (``sync.held``).

The realistic case: a colleague on a newer version stores a code this one does not know
(the server is upgraded first). Here the server's stored record is edited with SQL to
such a code, standing in for that newer app; the colleague's laptop (B) syncs through a
real server on loopback: its sync completes, it has the rest, the change is held (and
counted, never shown), a newer change of the record replaces it, and after "an update"
(the app's version moved, the code known) it applies. A purge takes held changes of
the candidate with it; a held change older than what the vault holds is dropped."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

import spt_desktop
from spt_common import protocol as p
from spt_common.enums import Labelled, Sector
from spt_desktop.services import Services
from spt_desktop.sync import engine, held
from spt_desktop.sync.apply import apply_page, to_wire
from spt_desktop.sync.engine import remote_connection
from spt_desktop.sync.purge import purge_candidates
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import (
    PASSWORD,
    Admin,
    LiveServer,
    add_candidate,
    local_rows,
    make_vault,
)

TODAY = date(2026, 12, 6)
NEW_SECTOR = "ruimtevaart"  # a sector a newer version of the app knows


def bound(tmp_path: Path, name: str, url: str, email: str):  # type: ignore[no-untyped-def]
    vault = make_vault(tmp_path / f"{name}.sptvault")
    engine.login(vault, url, email, PASSWORD, device_name=name)
    return vault


def sync(vault, url: str) -> engine.SyncReport:  # type: ignore[no-untyped-def]
    with Transport(url, retries=3, backoff=0.01) as t:
        return engine.sync(vault, transport=t)


def colleagues_sharing_an_employer(  # type: ignore[no-untyped-def]
    tmp_path: Path, admin: Admin, live: LiveServer, edit: dict[str, Any]
):
    """Anna and Bram (arbeidsmarktcoaches), each with a vault that holds Anna's
    employer, and Anna's ``edit`` of it on the server: (Bram's vault, the employer)."""
    admin.add_coach("anna@spt.nl", roles="arbeidsmarktcoach")
    admin.add_coach("bram@spt.nl", roles="arbeidsmarktcoach")
    a = bound(tmp_path, "a", live.url, "anna@spt.nl")
    b = bound(tmp_path, "b", live.url, "bram@spt.nl")
    emp = Services(a, today=lambda: TODAY).employers.create(
        {"name": "Zaanwarmte", "sector": "installatie", "municipality": "Zaanstad"}
    )
    sync(a, live.url)
    sync(b, live.url)
    Services(a, today=lambda: TODAY).employers.update(emp.id, edit)
    sync(a, live.url)
    return b, emp


def held_rows(vault) -> list[tuple[Any, ...]]:  # type: ignore[no-untyped-def]
    with vault.engine.connect() as c:
        return [
            tuple(r)
            for r in c.exec_driver_sql(
                "SELECT record_id, entity, rev, app_version FROM held_change ORDER BY rev"
            )
        ]


def newer_app(monkeypatch: pytest.MonkeyPatch, version: str = "99.0.0") -> None:
    """An update: another version, which knows NEW_SECTOR."""
    monkeypatch.setattr(spt_desktop, "__version__", version)
    parse = Sector.parse

    def knows(cls: type[Labelled], code: str) -> Any:
        if code == NEW_SECTOR:
            return type("Known", (), {"value": code})()
        return parse(code)

    monkeypatch.setattr(Sector, "parse", classmethod(knows))


def server_sector(admin: Admin, rid: str, code: str) -> int:
    """The server's stored record of employer ``rid`` with ``code`` as its sector (what
    a newer app, with a newer server, stores); its revision."""
    with admin.engine.begin() as c:
        c.execute(
            sa.text("UPDATE record SET data = json_set(data, '$.sector', :code) WHERE id = :id"),
            {"code": code, "id": rid},
        )
        return int(
            c.execute(sa.text("SELECT rev FROM record WHERE id = :id"), {"id": rid}).scalar()
        )


def test_an_unknown_code_is_held_the_sync_completes_and_an_update_applies_it(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin.add_coach("anna@spt.nl", roles="arbeidsmarktcoach")
    admin.add_coach("bram@spt.nl", roles="arbeidsmarktcoach")
    a = bound(tmp_path, "a", live.url, "anna@spt.nl")
    b = bound(tmp_path, "b", live.url, "bram@spt.nl")
    svc = Services(a, today=lambda: TODAY)
    first = svc.employers.create(
        {"name": "Zaanwarmte", "sector": "installatie", "municipality": "Zaanstad"}
    )
    second = svc.employers.create(
        {"name": "Hoorn Elektro", "sector": "elektrotechniek", "municipality": "Hoorn"}
    )
    sync(a, live.url)
    assert sync(b, live.url).held == 0
    assert set(local_rows(b, "employer")) >= {first.id, second.id}

    # A newer app changes the first employer with a sector this version does not know;
    # the second gets a vacancy and a third employer comes, on the same pages.
    svc.employers.update(first.id, {"name": "Zaanwarmte Noord"})
    sync(a, live.url)
    rev = server_sector(admin, first.id, NEW_SECTOR)
    vac = svc.employers.add_vacancy(second.id, {"title": "Monteur"})
    third = svc.employers.create(
        {"name": "Velsen Klimaat", "sector": "installatie", "municipality": "Velsen"}
    )
    sync(a, live.url)

    report = sync(b, live.url)  # completes: before, ValueError and a stuck pull
    assert report.held == 1
    rows = local_rows(b, "employer")
    assert third.id in rows and vac.id in local_rows(b, "vacancy")
    assert (rows[first.id]["name"], rows[first.id]["sector"]) == ("Zaanwarmte", "installatie")
    assert held_rows(b) == [(first.id, "employer", rev, spt_desktop.__version__)]
    assert sync(b, live.url).held == 1  # nothing new: still held, not tried again

    # A newer change of the same record: it replaces the held one (still unknown here).
    svc.employers.update(first.id, {"name": "Zaanwarmte Noord-Holland"})
    sync(a, live.url)
    newer = int(admin.records()[first.id]["rev"])
    assert newer > rev and admin.records()[first.id]["sector"] == NEW_SECTOR
    assert sync(b, live.url).held == 1
    assert [r[2] for r in held_rows(b)] == [newer]
    assert local_rows(b, "employer")[first.id]["name"] == "Zaanwarmte"

    # The update: the next sync applies it, as any pulled record.
    newer_app(monkeypatch)
    report = sync(b, live.url)
    assert report.held == 0 and held_rows(b) == []
    with b.engine.connect() as c:
        name, sector, server_rev = c.exec_driver_sql(
            "SELECT name, sector, server_rev FROM employer WHERE id = ?", (first.id,)
        ).one()
    assert (name, sector, server_rev) == ("Zaanwarmte Noord-Holland", NEW_SECTOR, newer)


def _employer_data(vault) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Every field of an employer as the wire has it (one made here, through the app)."""
    made = Services(vault, today=lambda: TODAY).employers.create(
        {"name": "Werkgever", "sector": "installatie", "municipality": "Hoorn"}
    )
    row = local_rows(vault, "employer")[made.id]
    return {name: to_wire(row[name]) for name in p.ENTITY_FIELDS["employer"]}


def _employer(data: dict[str, Any], rid: str, rev: int, sector: str, name: str) -> dict[str, Any]:
    return {
        "entity": "employer",
        "id": rid,
        "rev": rev,
        "deleted": False,
        "data": {**data, "name": name, "sector": sector},
    }


def test_a_held_change_older_than_what_is_stored_is_dropped_not_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = make_vault(tmp_path / "v.sptvault")
    data = _employer_data(vault)
    rid = "019b76da-0000-7000-8000-0000000000e1"
    with remote_connection(vault) as c:
        apply_page(c, [_employer(data, rid, 5, NEW_SECTOR, "Nieuw")])
        assert held.count(c) == 1
        # A newer one that this version stores, by another way (a refused push's
        # server record): the held one is not newer, so it goes at once.
        apply_page(c, [_employer(data, rid, 7, "installatie", "Zeven")])
        assert held.count(c) == 0
        apply_page(c, [_employer(data, rid, 6, NEW_SECTOR, "Zes")])  # an older one, held
        assert held.count(c) == 1
    newer_app(monkeypatch)
    with remote_connection(vault) as c:
        assert held.due(c)
        held.retry(c)
        assert held.count(c) == 0
    assert local_rows(vault, "employer")[rid]["name"] == "Zeven"


def test_an_update_that_still_cannot_store_it_holds_it_again_by_the_new_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = make_vault(tmp_path / "v.sptvault")
    data = _employer_data(vault)
    rid = "019b76da-0000-7000-8000-0000000000e2"
    with remote_connection(vault) as c:
        apply_page(c, [_employer(data, rid, 5, "bosbouw", "Bos")])
    monkeypatch.setattr(spt_desktop, "__version__", "99.0.0")
    with remote_connection(vault) as c:
        held.retry(c)
        assert not held.due(c)
        rows = c.exec_driver_sql("SELECT record_id, rev, app_version FROM held_change").all()
    assert [tuple(r) for r in rows] == [(rid, 5, "99.0.0")]
    assert rid not in local_rows(vault, "employer")


def test_a_purge_and_a_candidates_tombstone_delete_her_held_changes(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "v.sptvault")
    kim = add_candidate(vault, "Kim")
    lot = add_candidate(vault, "Lotte")
    ids = [f"019b76da-0000-7000-8000-00000000000{i}" for i in range(3)]
    plan = {"entity": "plan", "rev": 9, "deleted": False}
    with remote_connection(vault) as c:
        apply_page(
            c,
            [
                {**plan, "id": ids[0], "data": {"candidate_id": kim, "status": "x_nieuw"}},
                {**plan, "id": ids[1], "data": {"candidate_id": lot, "status": "x_nieuw"}},
                {**plan, "id": ids[2], "data": {"candidate_id": lot, "status": "x_nieuw"}},
            ],
        )
        assert held.count(c) == 3
        purge_candidates(c, [kim])
        assert held.count(c) == 2
        apply_page(c, [{"entity": "candidate", "id": lot, "rev": 12, "deleted": True, "data": {}}])
        assert held.count(c) == 0


def test_a_revoked_devices_wipe_deletes_held_changes(tmp_path: Path) -> None:
    from spt_desktop.sync.purge import wipe

    vault = make_vault(tmp_path / "v.sptvault")
    kim = add_candidate(vault, "Kim")
    with remote_connection(vault) as c:
        held.hold(
            c,
            [
                {
                    "entity": "plan",
                    "id": "019b76da-0000-7000-8000-0000000000a1",
                    "rev": 3,
                    "deleted": False,
                    "data": {"candidate_id": kim, "status": "x_nieuw", "title": "Kim's plan"},
                }
            ],
        )
    wipe(vault)
    with vault.engine.connect() as c:
        assert held.count(c) == 0


def test_a_change_with_local_edits_not_pushed_is_held_too(tmp_path: Path) -> None:
    """The records with unsent edits take another way through the page
    (``_apply_over_local``): an unknown code there is held as well, the edits stay."""
    vault = make_vault(tmp_path / "v.sptvault")
    kim = add_candidate(vault, "Kim")  # in the outbox: not pushed
    with remote_connection(vault) as c:
        apply_page(
            c,
            [
                {
                    "entity": "candidate",
                    "id": kim,
                    "rev": 3,
                    "deleted": False,
                    "data": {"first_name": "Kim", "phase": "x_nieuwe_fase"},
                }
            ],
        )
        assert held.count(c) == 1
    assert local_rows(vault, "candidate")[kim]["phase"] != "x_nieuwe_fase"


def test_a_conflict_whose_server_value_this_version_cannot_store_stops_no_push(
    tmp_path: Path, admin: Admin, live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Her edit meets a newer app's code on the same field: the conflict is recorded,
    the answer's page holds the server's record, the push and the pull complete."""
    b, emp = colleagues_sharing_an_employer(tmp_path, admin, live, {"sector": "metaal"})
    rev = server_sector(admin, emp.id, NEW_SECTOR)  # what a newer app stored
    Services(b, today=lambda: TODAY).employers.update(emp.id, {"sector": "bouw"})

    report = sync(b, live.url)  # before: ValueError applying the answer, every time
    assert report.pushed >= 1 and (report.conflicts, report.held) == (1, 1)
    (held_row,) = held_rows(b)
    assert held_row[:2] == (emp.id, "employer") and held_row[2] >= rev
    assert sync(b, live.url).pushed == 0  # nothing left to send

    newer_app(monkeypatch)
    assert sync(b, live.url).held == 0
    with b.engine.connect() as c:
        sector = c.exec_driver_sql("SELECT sector FROM employer WHERE id = ?", (emp.id,)).scalar()
    assert sector == NEW_SECTOR


def test_spt_desktop_sync_says_how_many_wait_for_an_update() -> None:
    from spt_desktop.cli.sync_commands import held_notice

    assert held_notice(1) == (
        "1 wijziging kan deze versie van de app nog niet verwerken; werk de app bij."
    )
    assert held_notice(3).startswith("3 wijzigingen kan deze versie")
