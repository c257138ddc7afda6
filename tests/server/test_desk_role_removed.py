"""A desk role taken away takes the SPT's desk records off her devices (SQLite and
PostgreSQL, live server): a coach who was the loket (or a coordinator) kept the SPT's whole
loket register and every referral on her laptop after ``spt-server set-roles`` took the
role away. Her next pull now names them in its purge list, as a handover's does for a
dossier; what she still sees another way stays (a question passed on to her, a referral
given to her or linked to her own candidate). Given back, the role brings them again, her
own included.

And a loket question the server clears (closed: no name or contact) goes back to the
device that wrote it, which kept the name before."""

from __future__ import annotations

from typing import Any

import httpx

from spt_server import audit, cli
from tests.server.test_loket import API, Desk, Login, _rev, desk, question  # noqa: F401
from tests.server.test_referrals import referral
from tests.support.server_kit import PASSWORD, candidate_change


def _pull(who: Login, cursor: str | None, limit: int = 2) -> tuple[dict[str, Any], set[str], str]:
    """Every record (id -> data) and purged id a device pulls from ``cursor``, page by
    page of ``limit`` (small pages: the purge is found on whichever page reaches it)."""
    auth = {"authorization": "Bearer " + who.tokens["access_token"]}
    records: dict[str, Any] = {}
    purge: set[str] = set()
    while True:
        body = {"cursor": cursor, "limit": limit}
        r = who.http.post(f"{API}/sync", json=body, headers=auth)
        assert r.status_code == 200, r.text
        page = r.json()["pull"]
        records.update({rec["id"]: rec["data"] for rec in page["records"]})
        purge.update(page["purge"])
        cursor = page["cursor"]
        if not page["more"]:
            assert cursor is not None
            return records, purge, cursor


def _set_roles(db_url: str, roles: str) -> None:
    args = ["set-roles", "--db", db_url, "--email", "anna@spt.nl", "--role", roles]
    assert cli.main(args) == 0


def _applied(out: dict[str, Any]) -> None:
    assert all(r["status"] == "applied" for r in out["push"]["results"]), out["push"]


def test_a_desk_role_taken_away_takes_the_desk_records_off_her_devices(
    desk: Desk,  # noqa: F811
    db_url: str,
) -> None:
    lotte, anna = desk.lotte, desk.anna
    others = [question(lotte.id, topic=f"Vraag {i}") for i in range(2)]
    passed_on = question(lotte.id, to_coach_id=anna.id, topic="Voor Anna")
    ref_desk = referral(lotte.id)  # the desk's, no coach yet
    ref_hers = referral(lotte.id, anna.id)  # given to her
    ref_linked = referral(lotte.id)  # she links it to her own candidate below
    _applied(lotte.sync(*others, passed_on, ref_desk, ref_hers, ref_linked))
    mine = candidate_change()
    _applied(anna.sync(mine))

    _set_roles(db_url, "loopbaancoach,loket")
    laptop, _, start = _pull(anna, anna.cursor)
    anna.cursor = start
    own = question(anna.id, topic="Haar eigen vraag")  # her device holds it as pushed
    link = {"entity": "referral", "id": ref_linked["id"], "op": "upsert",
            "base_rev": _rev(desk, ref_linked["id"]),
            "fields": {"candidate_id": mine["id"]}}  # fmt: skip
    _applied(anna.sync(own, link))
    second = _login_again(desk, "anna@spt.nl")  # a second laptop of hers
    held, _, second_cursor = _pull(second, None)
    desk_only = {q["id"] for q in others} | {own["id"], ref_desk["id"]}
    stays = {passed_on["id"], ref_hers["id"], ref_linked["id"]}
    assert desk_only - {own["id"]} <= set(laptop) and desk_only | stays <= set(held)
    bob_cursor = _pull(desk.bob, None)[2]

    _set_roles(db_url, "loopbaancoach")
    records, purge, after = _pull(anna, anna.cursor)
    assert desk_only <= purge  # her own question too: it is the SPT's register
    assert not stays & purge
    assert not desk_only & set(records)
    assert records[anna.id]["roles"] == "loopbaancoach"  # her staff record follows
    assert desk_only <= _pull(second, second_cursor)[1]  # every laptop of hers
    # Once: a later pull purges nothing more; Bob's pull never names them.
    assert _pull(anna, after)[1] == set()
    assert not desk_only & _pull(desk.bob, bob_cursor)[1]
    # A laptop she links now gets what she still sees, and none of the desk's.
    third = _login_again(desk, "anna@spt.nl")
    fresh, fresh_purge, _ = _pull(third, None)
    assert stays <= set(fresh) and not desk_only & set(fresh) and not fresh_purge & stays
    # What she writes about them now is refused.
    late = {**others[0], "fields": {"answer": "Gebeld"}, "base_rev": _rev(desk, others[0]["id"])}
    assert anna.sync(late)["push"]["results"][0]["status"] == "forbidden"

    # Given back, the role brings them again, her own question too (her device purged
    # it), and purges nothing.
    _set_roles(db_url, "loopbaancoach,loket")
    again, purge_again, _ = _pull(anna, after)
    assert desk_only <= set(again) and purge_again == set()
    with desk.admin.session() as s:
        rows = [(r.action, r.target_kind, r.target_id) for r in audit.entries(s)]
    assert rows == [("set_roles", "account", anna.id)] * 3
    second.http.close()
    third.http.close()


def test_a_coordinator_made_loket_keeps_every_record(desk: Desk, db_url: str) -> None:  # noqa: F811
    """From coordinator to loket: both keep the register and every referral, so nothing
    is purged."""
    from spt_server import setup

    ask = question(desk.lotte.id)
    _applied(desk.lotte.sync(ask, referral(desk.lotte.id)))
    cora = desk.cora
    _, _, cursor = _pull(cora, None)
    with desk.admin.session() as s, s.begin():
        setup.set_roles(s, email="cora@spt.nl", roles=["loket"])
    assert _pull(cora, cursor)[1] == set()


def _login_again(on: Desk, email: str) -> Login:
    """A new device of the same coach, on the server the fixture's logins use."""
    http = httpx.Client(base_url=on.lotte.http.base_url, timeout=30)
    r = http.post(f"{API}/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return Login(http, r.json())


def test_a_question_the_server_clears_goes_back_to_the_device_that_wrote_it(
    desk: Desk,  # noqa: F811
) -> None:
    """Written closed with a name (a client without the vault's own clearing), the
    question is stored without it: the writing device gets the stored version back in
    its next pull; so does the device that closes an open one without clearing it. An
    open question is not sent back (the device has it as it pushed it)."""
    lotte, cora = desk.lotte, desk.cora
    done = question(lotte.id, status="closed", closed_on="2026-12-05")
    kept = question(lotte.id)
    pulled = _sent_back(lotte, done, kept)
    assert kept["id"] not in pulled
    assert pulled[done["id"]]["name"] is None and pulled[done["id"]]["contact"] is None

    # Cora closes the open one, sending only its status: the server clears the name.
    _pull(cora, None)
    close = {**kept, "fields": {"status": "closed", "closed_on": "2026-12-06"},
             "base_rev": _rev(desk, kept["id"])}  # fmt: skip
    back = _sent_back(cora, close)
    assert back[kept["id"]]["status"] == "closed" and back[kept["id"]]["name"] is None
    # Closing one already cleared (the desktop's vault clears it itself) is not echoed.
    clean = question(lotte.id)
    _applied(lotte.sync(clean))
    lotte.sync()
    closing = {"status": "closed", "closed_on": "2026-12-06", "name": None, "contact": None}
    assert clean["id"] not in _sent_back(
        lotte, {**clean, "fields": closing, "base_rev": _rev(desk, clean["id"])}
    )


def _sent_back(who: Login, *changes: dict[str, Any]) -> dict[str, Any]:
    """The records (id -> data) the device gets in the answer to pushing ``changes`` and
    in its next pull."""
    out = who.sync(*changes)
    _applied(out)
    records = out["pull"]["records"] + who.sync()["pull"]["records"]
    return {r["id"]: r["data"] for r in records}


def test_a_question_passed_on_from_a_keeper_stays_on_her_laptop(
    desk: Desk,  # noqa: F811
) -> None:
    """Passed on to the coordinator, then on to a coach: the coordinator keeps the
    register, so her device is not told to purge it (nor the loket's, who passed it)."""
    lotte, cora, anna = desk.lotte, desk.cora, desk.anna
    ask = question(lotte.id, to_coach_id=cora.id)
    _applied(lotte.sync(ask))
    _, _, cursor = _pull(cora, None)
    _, _, lotte_cursor = _pull(lotte, None)
    on = {**ask, "fields": {"to_coach_id": anna.id}, "base_rev": _rev(desk, ask["id"])}
    _applied(cora.sync(on))
    assert ask["id"] not in _pull(cora, cursor)[1]  # (her device wrote the change)
    records, purge, _ = _pull(lotte, lotte_cursor)
    assert ask["id"] not in purge and records[ask["id"]]["to_coach_id"] == anna.id
    assert ask["id"] in _pull(anna, None)[0]
