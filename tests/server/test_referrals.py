"""Referrals (issue 16) on a live server, SQLite and PostgreSQL: who may record, see and
change one; the coordinator's Toewijzen gives it to a loopbaancoach, whose next pull
brings it; linking it to a candidate only to one in the coach's scope; the stuurgroep's
instroom per campaign with those placed."""

from __future__ import annotations

from typing import Any

from tests.server.test_coordination import C, Login, Spt, spt  # noqa: F401  (the fixture)
from tests.support.server_kit import GA, NH, candidate_change, uid


def referral(recorded_by: str, coach_id: str | None = None, **over: Any) -> dict[str, Any]:
    fields = {
        "spt": NH, "referred_on": "2026-11-02", "referrer_kind": "werkcentrum",
        "referrer_region": "Zaanstreek-Waterland", "campaign": None,
        "referrer_organisation": "Werkcentrum Zaanstad", "referrer_person": "Mieke",
        "referrer_contact": "m@werkcentrum.example", "first_name": "Samira",
        "last_name": "El Amrani", "email": None, "phone": None, "municipality": "Zaanstad",
        "question": "Wil de techniek in", "known": "", "consent_spt": True,
        "consent_report_back": True, "status": "received", "intake_on": None,
        "not_started_reason": None, "not_started_note": None, "coach_id": coach_id,
        "candidate_id": None, "recorded_by": recorded_by,
    } | over  # fmt: skip
    return {"entity": "referral", "id": uid(), "op": "upsert", "fields": fields}


def status(reply: dict[str, Any]) -> str:
    return str(reply["push"]["results"][0]["status"])


def pulled(who: Login, rid: str) -> bool:
    return rev_of(who, rid) is not None


def rev_of(who: Login, rid: str) -> int | None:
    """The revision of ``rid`` in ``who``'s pull (None: not in it)."""
    found = [r["rev"] for r in who.sync(None)["pull"]["records"] if r["id"] == rid]
    return found[0] if found else None


def test_who_records_sees_and_assigns_a_referral(spt: Spt) -> None:  # noqa: F811
    cora, anna, bob = spt.cora, spt.anna, spt.bob
    # A coach records one for herself only; nobody's would leave it with no one.
    assert status(anna.sync(None, referral(anna.id))) == "forbidden"
    own = referral(anna.id, anna.id)
    assert status(anna.sync(None, own)) == "applied"
    assert not pulled(bob, own["id"])  # (a device never pulls back its own writes)
    # Another SPT's referral: refused, whoever asks.
    assert status(cora.sync(None, referral(cora.id, spt=GA))) == "forbidden"

    # The desk (coordinator) records one for no one: in Toewijzen, seen by no coach yet.
    new = referral(cora.id)
    assert status(cora.sync(None, new)) == "applied"
    assert pulled(cora, own["id"])  # the desk sees every referral of the SPT
    assert not pulled(anna, new["id"])
    waiting = cora.get(f"{C}/referrals").json()["referrals"]
    assert new["id"] in {r["id"] for r in waiting} and own["id"] not in {r["id"] for r in waiting}
    assert anna.get(f"{C}/referrals").status_code == 403
    body = {"referral_ids": [new["id"]], "coach_id": anna.id}
    assert anna.post(f"{C}/referrals/assign", body).status_code == 403
    # Bob is loopbaancoach too; Gijs's SPT is another: not found.
    assert cora.post(f"{C}/referrals/assign", body | {"coach_id": spt.gijs.id}).status_code == 404
    r = cora.post(f"{C}/referrals/assign", body)
    assert r.status_code == 200 and r.json() == {"assigned": 1}
    assert new["id"] not in {r["id"] for r in cora.get(f"{C}/referrals").json()["referrals"]}
    # Anna's next pull brings it; Bob's does not, and Bob cannot change it.
    assert pulled(anna, new["id"]) and not pulled(bob, new["id"])
    base = rev_of(anna, new["id"])
    change = {"entity": "referral", "id": new["id"], "op": "upsert", "base_rev": base,
              "fields": {"status": "intake_planned"}}  # fmt: skip
    assert status(bob.sync(None, change)) == "forbidden"
    assert status(anna.sync(None, change)) == "applied"
    # Her coach is the coordinator's to change, her SPT no one's.
    for fields in ({"coach_id": bob.id}, {"spt": GA}):
        moved = change | {"fields": fields, "base_rev": None}
        assert status(anna.sync(None, moved)) == "rejected"


def test_a_referral_links_only_to_a_candidate_of_the_coach(spt: Spt) -> None:  # noqa: F811
    cora, anna, bob = spt.cora, spt.anna, spt.bob
    ref = referral(anna.id, anna.id, campaign="Techniek doe je zo", referrer_kind="campaign")
    made = anna.sync(None, ref)["push"]["results"][0]
    assert made["status"] == "applied"
    theirs = candidate_change(registered_on="2026-11-03")
    assert status(bob.sync(None, theirs)) == "applied"
    link = {"entity": "referral", "id": ref["id"], "op": "upsert", "base_rev": made["rev"],
            "fields": {"candidate_id": theirs["id"], "status": "in_guidance"}}  # fmt: skip
    assert status(anna.sync(None, link)) == "rejected"  # Bob's candidate, not hers
    # Her own new candidate, in the same batch as the link: the referral follows her.
    mine = candidate_change(registered_on="2026-11-03", referral_source="campaign")
    link["fields"]["candidate_id"] = mine["id"]
    reply = anna.sync(None, mine, link)
    assert [x["status"] for x in reply["push"]["results"]] == ["applied", "applied"]
    again = link | {"fields": {"candidate_id": theirs["id"]}}
    assert status(anna.sync(None, again)) == "rejected"  # linked once, for good
    placement = {"entity": "placement", "id": uid(), "op": "upsert", "fields": {
        "candidate_id": mine["id"], "employer_id": _employer(cora), "job_title": "Monteur",
        "contract": "bbl", "starts_on": "2026-11-20"}}  # fmt: skip
    assert status(anna.sync(None, placement)) == "applied"
    report = cora.get(f"{C}/intake", start="2026-11-01", end="2026-11-30").json()
    [row] = [r for r in report["by_campaign"] if r["group"] == "Techniek doe je zo"]
    assert row == {"group": "Techniek doe je zo", "count": "<5", "placed": "<5"}


def _employer(who: Login) -> str:
    eid = uid()
    change = {"entity": "employer", "id": eid, "op": "upsert", "fields": {
        "name": "Zaanwarmte", "sector": "installatie", "municipality": "Zaanstad", "spt": NH,
        "address": "", "praktijkopleiders": 1, "middenkader": 0, "guidance_notes": ""}}  # fmt: skip
    assert status(who.sync(None, change)) == "applied"
    return eid


def _raw(spt: Spt, rid: str) -> str:  # noqa: F811
    import sqlalchemy as sa

    with spt.admin.session() as s:
        return str(
            s.execute(sa.text("SELECT data FROM record WHERE id = :i"), {"i": rid}).scalar_one()
        )


def _conflict_rows(spt: Spt, rid: str) -> int:  # noqa: F811
    import sqlalchemy as sa

    from spt_server.db import Conflict

    with spt.admin.session() as s:
        q = sa.select(sa.func.count()).select_from(Conflict).where(Conflict.record_id == rid)
        return int(s.execute(q).scalar_one())


PERSONAL = {"first_name": "", "last_name": "", "email": None, "phone": None, "question": "",
            "known": "", "municipality": "", "not_started_note": None}  # fmt: skip


def test_a_done_referral_keeps_no_personal_data_on_the_server(spt: Spt) -> None:  # noqa: F811
    cora, anna = spt.cora, spt.anna
    ref = referral(anna.id, anna.id, email="samira@example.org", phone="06 12345678",
                   known="Werkte in de logistiek", municipality="Wormerland")  # fmt: skip
    base = anna.sync(None, ref)["push"]["results"][0]["rev"]
    # Cora corrects her phone; Anna's offline edit of it, from the old base, conflicts.
    fix = {"entity": "referral", "id": ref["id"], "op": "upsert", "base_rev": base}
    assert status(cora.sync(None, fix | {"fields": {"phone": "06 87654321"}})) == "applied"
    assert status(anna.sync(None, fix | {"fields": {"phone": "06 11111111"}})) == "conflict"
    assert _conflict_rows(spt, ref["id"]) == 1
    # Niet gestart, her name sent along (an old client sends the whole record): not kept.
    stop = {"status": "not_started", "not_started_reason": "unreachable",
            "first_name": "Samira", "not_started_note": "Mantelzorg voor haar moeder"}  # fmt: skip
    now = spt.admin.records()[ref["id"]]["rev"]
    assert status(anna.sync(None, fix | {"fields": stop, "base_rev": now})) == "applied"
    stored = spt.admin.records()[ref["id"]]
    assert {k: stored[k] for k in PERSONAL} == PERSONAL
    assert (stored["referrer_organisation"], stored["not_started_reason"], stored["status"]) == (
        "Werkcentrum Zaanstad", "unreachable", "not_started",
    )  # fmt: skip
    assert _conflict_rows(spt, ref["id"]) == 0
    # Anna's device sent only her name, not the cleared fields (an old client): its next
    # pull brings the cleared record back.
    assert rev_of(anna, ref["id"]) == spt.admin.records()[ref["id"]]["rev"]
    # A device that still had her sends her name again: not kept, and sent back cleared.
    anna.sync(None, fix | {"fields": {"last_name": "El Amrani"}})
    assert rev_of(anna, ref["id"]) == spt.admin.records()[ref["id"]]["rev"]
    raw = _raw(spt, ref["id"])
    for value in ("Samira", "El Amrani", "samira@", "06 ", "techniek", "logistiek", "Wormerland",
                  "Mantelzorg"):  # fmt: skip
        assert value not in raw
    # Recorded niet gestart at once: stored without them.
    gone = referral(cora.id, status="not_started", not_started_reason="not_eligible")
    assert status(cora.sync(None, gone)) == "applied"
    assert "Samira" not in _raw(spt, gone["id"])


def test_an_accepted_referral_leaves_her_data_to_the_candidate(spt: Spt) -> None:  # noqa: F811
    anna = spt.anna
    ref = referral(anna.id, anna.id)
    made = anna.sync(None, ref)["push"]["results"][0]
    mine = candidate_change(registered_on="2026-11-03")
    link = {"entity": "referral", "id": ref["id"], "op": "upsert", "base_rev": made["rev"],
            "fields": {"candidate_id": mine["id"], "status": "in_guidance"}}  # fmt: skip
    reply = anna.sync(None, mine, link)
    assert [x["status"] for x in reply["push"]["results"]] == ["applied", "applied"]
    stored = spt.admin.records()[ref["id"]]
    assert {k: stored[k] for k in PERSONAL} == PERSONAL
    assert stored["candidate_id"] == mine["id"] and "Samira" not in _raw(spt, ref["id"])


def test_a_referral_given_to_another_coach_leaves_the_first_coachs_pull(
    spt: Spt,  # noqa: F811
) -> None:
    """Reassigned before it is linked (by Toewijzen or by the desk's own edit), the
    referral is in the first coach's next purge list: her device drops it. Given back,
    it comes again and is not purged."""
    cora, anna, bob = spt.cora, spt.anna, spt.bob
    ref = referral(cora.id)
    assert status(cora.sync(None, ref)) == "applied"
    body = {"referral_ids": [ref["id"]], "coach_id": anna.id}
    assert cora.post(f"{C}/referrals/assign", body).status_code == 200
    first = anna.sync(None)
    assert ref["id"] in {r["id"] for r in first["pull"]["records"]}
    cursor = first["pull"]["cursor"]

    assert cora.post(f"{C}/referrals/assign", body | {"coach_id": bob.id}).status_code == 200
    after = anna.sync(cursor)["pull"]
    assert ref["id"] in after["purge"]
    assert ref["id"] not in {r["id"] for r in after["records"]}
    assert pulled(bob, ref["id"])
    assert ref["id"] not in cora.sync(None)["pull"]["purge"]  # the desk keeps seeing it

    # The desk gives it back to Anna through a pushed edit: it comes again, unpurged.
    base = rev_of(cora, ref["id"])
    back = {"entity": "referral", "id": ref["id"], "op": "upsert", "base_rev": base,
            "fields": {"coach_id": anna.id}}  # fmt: skip
    assert status(cora.sync(None, back)) == "applied"
    again = anna.sync(after["cursor"])["pull"]
    assert ref["id"] in {r["id"] for r in again["records"]}
    assert ref["id"] not in again["purge"]
    # Bob, whose it was meanwhile, is told to drop it; the whole pull from the start has
    # no purge of it for Anna.
    bob_after = bob.sync(None)["pull"]
    assert ref["id"] not in {r["id"] for r in bob_after["records"]}
    assert ref["id"] not in anna.sync(None)["pull"]["purge"]
