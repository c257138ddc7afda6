"""No BSN on the server (issue 10 §4): a pushed change whose free-text field holds a BSN,
in any written form, is refused with a rejected result that says why; a valid phone
number and e-mail address are stored. On SQLite and PostgreSQL, over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from spt_common.bsn import BSN_REFUSED
from spt_desktop.sync import engine
from tests.support.server_kit import PASSWORD, Admin, LiveServer, candidate_change, make_vault, uid

API = "/api/v1"
FORMS = ["111222333", "1112.22.333", "111-222-333", "111 22 2333", "123.456.782"]


@pytest.fixture(scope="module")
def server(module_db_url: str) -> Iterator[tuple[Admin, LiveServer]]:
    admin = Admin(module_db_url)
    admin.add_coach("anna@spt.nl")
    live = LiveServer(module_db_url).start()
    yield admin, live
    live.stop()
    admin.close()


@pytest.fixture(scope="module")
def anna(server: tuple[Admin, LiveServer]) -> Iterator[httpx.Client]:
    _, live = server
    http = httpx.Client(base_url=live.url + API, timeout=30)
    r = http.post("/auth/login", json={"email": "anna@spt.nl", "password": PASSWORD})
    assert r.status_code == 200, r.text
    http.headers["authorization"] = "Bearer " + r.json()["access_token"]
    yield http
    http.close()


def push(http: httpx.Client, *changes: dict[str, Any]) -> list[dict[str, Any]]:
    r = http.post("/sync", json={"batch": {"batch_id": uid(), "changes": list(changes)}})
    assert r.status_code == 200, r.text
    return list(r.json()["push"]["results"])


@pytest.mark.parametrize("written", FORMS)
@pytest.mark.parametrize(
    ("field", "template"),
    [
        ("phone", "{bsn}"),
        ("email", "piet{glued}@example.nl"),
        ("notes", "Pasnummer {bsn} genoteerd"),
        ("first_name", "Kim{glued}"),
    ],
)
def test_a_bsn_in_a_pushed_field_is_rejected_and_the_reason_says_why(
    anna: httpx.Client, server: tuple[Admin, LiveServer], field: str, template: str, written: str
) -> None:
    value = template.format(bsn=written, glued=written.replace(" ", ""))
    change = candidate_change(**{field: value})
    [result] = push(anna, change)
    assert result["status"] == "rejected"
    assert result["reason"] == f"{field} {BSN_REFUSED}"
    assert written not in result["reason"]
    admin, _ = server
    assert change["id"] not in admin.records(include_deleted=True)


def test_a_bsn_in_an_update_of_another_entity_is_rejected(anna: httpx.Client) -> None:
    cand = candidate_change()
    [ok] = push(anna, cand)
    assert ok["status"] == "applied"
    me = anna.post("/sync", json={}).json()["coach_id"]
    note = {
        "entity": "note",
        "id": uid(),
        "op": "upsert",
        "fields": {
            "candidate_id": cand["id"],
            "author_id": me,
            "written_at": "2026-11-03T10:00:00",
            "text": "BSN 1112.22.333 staat op de pas",
        },
    }
    [refused] = push(anna, note)
    assert refused["status"] == "rejected" and refused["reason"] == f"text {BSN_REFUSED}"
    edit = {
        "entity": "candidate",
        "id": cand["id"],
        "op": "upsert",
        "base_rev": ok["rev"],
        "fields": {"motivation": "zie 111-222-333"},
    }
    [edited] = push(anna, edit)
    assert edited["status"] == "rejected" and edited["reason"] == f"motivation {BSN_REFUSED}"


def test_a_valid_phone_number_and_email_are_stored(
    anna: httpx.Client, server: tuple[Admin, LiveServer]
) -> None:
    for phone in ("06 12345678", "06-12345678", "+31 6 12345678", "0612345678"):
        change = candidate_change(phone=phone, email="kim.devries@example.nl")
        [result] = push(anna, change)
        assert result["status"] == "applied", result
        admin, _ = server
        assert admin.records()[change["id"]]["phone"] == phone


def test_a_desktop_that_holds_a_bsn_from_before_gets_it_refused(
    server: tuple[Admin, LiveServer], tmp_path: Path
) -> None:
    """A vault written before the desktop checked every field pushes a BSN through the
    real sync engine: the server refuses it and the coach sees why in Conflicten."""
    from spt_desktop.models import SyncConflict

    _, live = server
    vault = make_vault(tmp_path / "oud.sptvault")
    engine.login(vault, live.url, "anna@spt.nl", PASSWORD)
    cid = uid()
    fields = candidate_change(cid)["fields"] | {"phone": "111-22-2333"}
    with vault.engine.begin() as conn:  # as an older version wrote it, past today's checks
        cols = ", ".join(fields)
        conn.exec_driver_sql(
            f"INSERT INTO candidate (id, deleted, modified_at, {cols}) "
            f"VALUES (?, 0, '2026-11-02 10:00:00', {', '.join('?' * len(fields))})",
            (cid, *fields.values()),
        )
        conn.exec_driver_sql(
            "INSERT INTO outbox (entity, record_id, op, created_at) "
            "VALUES ('candidate', ?, 'insert', '2026-11-02 10:00:00')",
            (cid,),
        )
    report = engine.sync(vault)
    # Refused by the server, not a field two people changed: counted as such (the
    # conflicts page lists both).
    assert (report.refused, report.conflicts) == (1, 0)
    with vault.transaction() as s:
        kinds = s.execute(sa.select(SyncConflict.kind, SyncConflict.record_id)).all()
    assert [tuple(k) for k in kinds] == [("rejected", cid)]
    vault.lock()
