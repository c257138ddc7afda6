"""A pulled value the vault refuses when it is written is held, as an unknown code is.

A newer app can make a field optional (its server then stores a null where this
version's column is NOT NULL), or send what SQLite cannot bind: an integer beyond 64
bits, an object where text is expected. Before, the statement of the page raised there
(``IntegrityError: NOT NULL constraint failed``, ``OverflowError``, ``InterfaceError``),
the page's transaction rolled back and every later sync stopped on the same page. Now
such a record is held (``sync.held``) and the rest of the page applies with its cursor.

(Foreign keys are off while a page applies, and the vault has no CHECK constraint and no
STRICT table: those refuse nothing here; SQLite stores text in an INTEGER column.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from spt_common import protocol as p
from spt_desktop.services import Services
from spt_desktop.sync import held
from spt_desktop.sync.apply import apply_page
from spt_desktop.sync.engine import remote_connection
from tests.support.server_kit import Admin, LiveServer, count, local_rows, make_vault
from tests.sync.test_held_changes import (
    TODAY,
    _employer,
    _employer_data,
    bound,
    colleagues_sharing_an_employer,
    held_rows,
    sync,
)

# What a newer app's server may hold that this version cannot write: (field, JSON).
# And a value of that field this version stores, set later by a colleague.
REFUSED = {
    "null": ("municipality", "null", "Enkhuizen"),  # NOT NULL here, optional in a newer app
    "big": ("praktijkopleiders", "1180591620717411303424", 3),  # 2**70: no 64-bit integer
    "object": ("address", '{"straat": "Dam", "nr": 1}', "Dam 1"),  # no value a column binds
}


def server_field(admin: Admin, rid: str, field: str, value: str) -> int:
    """The server's stored record ``rid`` with ``field`` set to the JSON ``value`` (as a
    newer app, with a newer server, stores it); its revision."""
    with admin.engine.begin() as c:
        c.execute(
            sa.text(
                f"UPDATE record SET data = json_set(data, '$.{field}', json(:v)) WHERE id = :id"
            ),
            {"v": value, "id": rid},
        )
        return int(
            c.execute(sa.text("SELECT rev FROM record WHERE id = :id"), {"id": rid}).scalar()
        )


@pytest.mark.parametrize("kind", sorted(REFUSED))
def test_a_value_the_vault_refuses_is_held_and_the_rest_of_the_page_applies(
    tmp_path: Path, admin: Admin, live: LiveServer, kind: str
) -> None:
    field, value, fixed = REFUSED[kind]
    admin.add_coach("anna@spt.nl", roles="arbeidsmarktcoach")
    admin.add_coach("bram@spt.nl", roles="arbeidsmarktcoach")
    a = bound(tmp_path, "a", live.url, "anna@spt.nl")
    b = bound(tmp_path, "b", live.url, "bram@spt.nl")
    svc = Services(a, today=lambda: TODAY)
    known = svc.employers.create(
        {"name": "Zaanwarmte", "sector": "installatie", "municipality": "Zaanstad"}
    )
    sync(a, live.url)
    assert sync(b, live.url).held == 0

    # On the same page: an update of a record B holds (an UPDATE), a new record (an
    # INSERT) both refused here, and records B can store before and after them.
    before = svc.employers.create(
        {"name": "Alkmaar Staal", "sector": "metaal", "municipality": "Alkmaar"}
    )
    svc.employers.update(known.id, {"name": "Zaanwarmte Noord"})
    fresh = svc.employers.create(
        {"name": "Hoorn Elektro", "sector": "elektrotechniek", "municipality": "Hoorn"}
    )
    after = svc.employers.create(
        {"name": "Velsen Klimaat", "sector": "installatie", "municipality": "Velsen"}
    )
    vac = svc.employers.add_vacancy(before.id, {"title": "Monteur"})
    sync(a, live.url)
    revs = {rid: server_field(admin, rid, field, value) for rid in (known.id, fresh.id)}

    report = sync(b, live.url)  # before: the page's statement raised, the pull stuck
    assert report.held == 2
    rows = local_rows(b, "employer")
    assert {before.id, after.id} <= set(rows) and vac.id in local_rows(b, "vacancy")
    assert fresh.id not in rows
    assert (rows[known.id]["name"], rows[known.id]["municipality"]) == ("Zaanwarmte", "Zaanstad")
    assert sorted(held_rows(b)) == sorted(
        (rid, "employer", rev, held.app_version()) for rid, rev in revs.items()
    )
    assert sync(b, live.url).held == 2  # the cursor moved on: nothing pulled again

    # A newer change this version can store replaces the held one.
    svc.employers.update(fresh.id, {"name": "Hoorn Elektro BV", field: fixed})
    sync(a, live.url)
    assert sync(b, live.url).held == 1
    assert local_rows(b, "employer")[fresh.id]["name"] == "Hoorn Elektro BV"
    assert local_rows(b, "employer")[fresh.id][field] == fixed


def test_a_first_pulls_bulk_page_holds_a_refused_row_and_keeps_its_triggers(
    tmp_path: Path,
) -> None:
    """A big page in a pull of many (``bulk``: value indexes and scrub triggers left for
    the end): one row refused in its multi-row INSERT; the others are in, the triggers
    come back with the commit."""
    vault = make_vault(tmp_path / "v.sptvault")
    data = _employer_data(vault)
    ids = [f"019b76da-0000-7000-8000-{i:012x}" for i in range(1, 1201)]
    page: list[dict[str, Any]] = [
        _employer(data, rid, 10 + i, "installatie", f"W{i}") for i, rid in enumerate(ids)
    ]
    page[700]["data"]["name"] = None
    with remote_connection(vault) as c:
        apply_page(c, page, bulk=True)
        assert held.count(c) == 1
    assert count(vault, "employer", f"id IN ({', '.join(repr(i) for i in ids)})") == 1199
    with vault.engine.connect() as c:
        triggers = {
            r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
    assert "employer_scrub_ai" in triggers


def test_a_refused_value_in_a_record_with_unsent_edits_is_held(tmp_path: Path) -> None:
    """A record with edits not pushed yet takes its own way (``_apply_over_local``)."""
    vault = make_vault(tmp_path / "v.sptvault")
    data = _employer_data(vault)
    rid = "019b76da-0000-7000-8000-0000000000e7"
    with remote_connection(vault) as c:
        apply_page(c, [_employer(data, rid, 3, "installatie", "Van de server")])
    Services(vault, today=lambda: TODAY).employers.update(rid, {"name": "Eigen naam"})
    rec = _employer(data, rid, 4, "installatie", "Nieuwer")
    rec["data"]["municipality"] = None
    with remote_connection(vault) as c:
        apply_page(c, [rec])
        assert held.count(c) == 1
    row = local_rows(vault, "employer")[rid]
    assert (row["name"], row["municipality"]) == ("Eigen naam", "Hoorn")


def test_a_conflict_whose_server_value_is_a_null_this_version_refuses_stops_no_push(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """Her edit meets a newer app's null on the same field: the conflict is recorded,
    the record held, the push and the pull complete (before: the UPDATE of the server's
    value raised in the push's answer, every time)."""
    b, emp = colleagues_sharing_an_employer(tmp_path, admin, live, {"municipality": "Hoorn"})
    server_field(admin, emp.id, "municipality", "null")  # what a newer app stored
    Services(b, today=lambda: TODAY).employers.update(emp.id, {"municipality": "Alkmaar"})

    report = sync(b, live.url)
    assert report.pushed >= 1 and (report.conflicts, report.held) == (1, 1)
    assert sync(b, live.url).pushed == 0  # nothing left to send
    assert local_rows(b, "employer")[emp.id]["municipality"] == "Alkmaar"


def test_her_value_kept_over_a_held_change_is_pushed_and_the_servers_record_made_here(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """A field conflict whose server value is a newer app's code, resolved "mine": her
    value goes to the server even though her row holds it already (the server's was
    never written here), and the held change goes once the server has taken hers: the
    server's record at that revision is the held one with her change over it, which
    the server sends her no more (she pushed it on its revision). Before: "mine" sent
    nothing, the server kept the newer code, and the change stayed held and counted."""
    from spt_desktop.sync.conflicts import open_conflicts, resolve
    from tests.sync.test_held_changes import NEW_SECTOR, server_sector

    b, emp = colleagues_sharing_an_employer(tmp_path, admin, live, {"sector": "metaal"})
    server_sector(admin, emp.id, NEW_SECTOR)
    Services(b, today=lambda: TODAY).employers.update(emp.id, {"sector": "bouw"})
    assert (sync(b, live.url).conflicts, len(held_rows(b))) == (1, 1)

    (conflict,) = open_conflicts(b)
    resolve(b, conflict.id, "mine")
    report = sync(b, live.url)
    assert report.pushed >= 1 and report.held == 0 and held_rows(b) == []
    server = admin.records()[emp.id]
    assert server["sector"] == "bouw"
    with b.engine.connect() as c:
        sector, rev = c.exec_driver_sql(
            "SELECT sector, server_rev FROM employer WHERE id = ?", (emp.id,)
        ).one()
    assert (sector, rev) == ("bouw", server["rev"])


def test_a_change_pushed_over_a_held_one_keeps_the_newer_apps_values_for_the_update(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``held.rebase`` at the push's answer: her change to another field, applied by the
    server over the record it holds (the held one), leaves the newer app's value held,
    at the new revision, with her change in it; the update applies both. Before, the
    held change stayed at its older revision, and the update dropped it as older than
    the row: the newer app's value never came."""
    from spt_desktop.sync.apply import apply_results
    from tests.sync.test_held_changes import NEW_SECTOR, newer_app

    vault = make_vault(tmp_path / "v.sptvault")
    data = _employer_data(vault)
    rid = "019b76da-0000-7000-8000-0000000000e8"
    with remote_connection(vault) as c:
        apply_page(c, [_employer(data, rid, 3, "installatie", "Zaanwarmte")])
        apply_page(c, [_employer(data, rid, 5, NEW_SECTOR, "Zaanwarmte")])
        assert held.count(c) == 1
    change = {"entity": "employer", "id": rid, "op": "upsert", "base_rev": 5,
              "fields": {"name": "Zaanwarmte Noord"}}  # fmt: skip
    batch = {"batch_id": "b1", "max_seq": 1, "batch": {"changes": [change]}}
    answer = p.PushResult(batch_id="b1", results=[{"id": rid, "status": "applied", "rev": 6}])
    with remote_connection(vault) as c:
        apply_results(c, batch, answer)
        rows = c.exec_driver_sql("SELECT rev, record FROM held_change").all()
    assert [r[0] for r in rows] == [6] and "Zaanwarmte Noord" in rows[0][1]
    newer_app(monkeypatch)
    with remote_connection(vault) as c:
        held.retry(c)
        assert held.count(c) == 0
    with vault.engine.connect() as c:
        row = c.exec_driver_sql(
            "SELECT name, sector, server_rev FROM employer WHERE id = ?", (rid,)
        ).one()
    assert tuple(row) == ("Zaanwarmte Noord", NEW_SECTOR, 6)
