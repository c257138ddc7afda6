"""The loket register in the vault (issue 16 §2): who keeps it, what a coach sees, and the
retention rule: a closed question keeps no name or contact — not in its row, not in the
drafts, the outbox, the audit trail or the freed pages — whichever path closes it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from spt_common.enums import LoketOutcome, LoketStatus, Role, Spt
from spt_desktop.models import Coach, Setting
from spt_desktop.models.base import new_id
from spt_desktop.models.drafts import draft_key
from spt_desktop.models.vault import Vault
from spt_desktop.services import Services
from spt_desktop.services.errors import NotFound, RuleViolation, ValidationError
from spt_desktop.sync.apply import apply_page
from tests.conftest import FAST_KDF, PASSPHRASE, TODAY
from tests.services.test_privacy_vault import raw_dump

NAME, PHONE = "Sanne de Wit", "06 12345678"


@pytest.fixture
def desk(tmp_path: Path):  # type: ignore[no-untyped-def]
    v, _ = Vault.create(
        tmp_path / "loket.sptvault", PASSPHRASE, owner_name="Lotte Loket",
        owner_email="lotte@spt.nl", owner_roles=(Role.LOKET,), owner_spt=Spt.NOORD_HOLLAND,
        kdf=FAST_KDF,
    )  # fmt: skip
    with v.transaction(v.owner_id) as s:
        s.add(Coach(id=ANNA, name="Anna Coach", email="anna@spt.nl", roles="loopbaancoach",
                    spt=Spt.NOORD_HOLLAND, server_rev=1))  # fmt: skip
    yield Services(v, today=lambda: TODAY)
    v.lock()


ANNA = new_id()


def values(**over: object) -> dict[str, object]:
    base: dict[str, object] = {
        "received_on": TODAY, "channel": "phone", "asker": "job_seeker",
        "topic": "Omscholen naar installatietechniek", "name": NAME, "contact": PHONE,
        "follow_up_on": date(2026, 12, 3), "to_coach_id": ANNA,
    }  # fmt: skip
    base.update(over)
    return base


def raw(svc: Services, sql: str) -> list[tuple[object, ...]]:
    with svc._ctx.vault.engine.connect() as c:
        return [tuple(r) for r in c.exec_driver_sql(sql)]


def test_the_loket_records_a_question_and_closing_it_clears_name_and_contact(
    desk: Services,
) -> None:
    q = desk.loket.register(values())
    assert (q.name, q.contact, q.status, q.to_coach_name) == (
        NAME,
        PHONE,
        LoketStatus.OPEN,
        "Anna Coach",
    )
    # An unsaved edit of it, kept as a draft (the form id names the question).
    with desk._ctx.vault.transaction(desk._ctx.actor_id) as s:
        s.add(Setting(key=draft_key(f"loket:{q.id}"), value=json.dumps({"name": NAME})))
    # A conflict about her contact, kept in the conflict store (both values).
    with desk._ctx.vault.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO sync_conflict (id, entity, record_id, kind, field, local_value,"
            " server_value, detected_at) VALUES ('c1', 'loket_question', ?, 'field',"
            " 'contact', ?, ?, '2026-11-30 10:00:00')",
            (q.id, json.dumps(PHONE), json.dumps("06 87654321")),
        )
    closed = desk.loket.close(q.id, {"answer": "Doorverwezen naar intake", "outcome": "nothing"})
    assert closed.status is LoketStatus.CLOSED and closed.closed_on == TODAY
    assert (closed.name, closed.contact) == (None, None)
    assert raw(desk, "SELECT name, contact FROM loket_question") == [(None, None)]
    # No trace anywhere in the vault: drafts, conflicts, outbox, audit (field names
    # only), the search index's shadow tables: every value of every table.
    everything = raw_dump(desk._ctx.vault)
    assert NAME not in everything and PHONE not in everything
    assert "06 87654321" not in everything and "Sanne" not in everything
    # A closed question takes no name again.
    again = desk.loket.update(q.id, {"name": NAME, "answer": "Gebeld"})
    assert again.name is None and again.answer == "Gebeld"


def test_a_closed_question_pulled_from_the_server_keeps_no_name_either(
    desk: Services,
) -> None:
    from spt_common import protocol as p

    q = desk.loket.register(values())
    with desk._ctx.vault.engine.begin() as conn:  # as after a push: the server has it
        conn.exec_driver_sql("DELETE FROM outbox")
        conn.exec_driver_sql("UPDATE loket_question SET server_rev = 5")
    data = {
        "spt": "spt_noord_holland", "received_on": "2026-11-30", "channel": "phone",
        "asker": "job_seeker", "topic": "Omscholen", "answer": "", "to_coach_id": ANNA,
        "follow_up_on": None, "status": "closed", "closed_on": "2026-11-30", "outcome": None,
        "outcome_id": None, "name": NAME, "contact": PHONE, "recorded_by": desk._ctx.actor_id,
    }  # fmt: skip
    rec = p.Record(entity="loket_question", id=q.id, rev=9, data=data)
    other = p.Record(entity="loket_question", id=new_id(), rev=10, data=data)
    with desk._ctx.vault.engine.begin() as conn:
        apply_page(conn, [rec, other])
    assert raw(desk, "SELECT name, contact FROM loket_question") == [(None, None)] * 2


def test_a_coach_sees_only_what_was_passed_on_to_her(desk: Services) -> None:
    mine = desk.loket.register(values())
    desk.loket.register(values(to_coach_id=None, topic="Vacature voor monteurs"))
    anna = Services(desk._ctx.vault, today=lambda: TODAY, acting_as=ANNA)
    assert [q.id for q in anna.loket.questions()] == [mine.id]
    assert len(desk.loket.questions()) == 2
    with pytest.raises(RuleViolation):
        anna.loket.register(values())
    # She answers and closes it; passing it on again is the loket's.
    done = anna.loket.update(mine.id, {"answer": "Intake gepland", "to_coach_id": None})
    assert done.answer == "Intake gepland" and done.to_coach_id == ANNA
    anna.loket.close(mine.id)
    assert anna.loket.questions(open_only=True) == []


def test_bad_input_is_refused_at_the_field(desk: Services) -> None:
    with pytest.raises(ValidationError) as exc:
        desk.loket.register(values(topic="", contact="geen nummer", follow_up_on="2026-11-01"))
    assert set(exc.value.errors) == {"topic", "contact", "follow_up_on"}
    assert desk.loket.questions() == []
    with pytest.raises(NotFound):
        desk.loket.get(new_id())


def test_follow_ups_show_on_vandaag(desk: Services) -> None:
    desk.loket.register(values(to_coach_id=None, follow_up_on=TODAY))
    desk.loket.register(values(follow_up_on=TODAY))  # Anna's to follow up
    groups = {g.key: g for g in desk.queries.today().groups}
    assert [i.detail for i in groups["loket"].items] == ["Omscholen naar installatietechniek"]
    anna = Services(desk._ctx.vault, today=lambda: TODAY, acting_as=ANNA)
    assert len({g.key: g for g in anna.queries.today().groups}["loket"].items) == 1


def test_a_question_becomes_a_referral_with_its_data_and_keeps_the_link(
    desk: Services,
) -> None:
    q = desk.loket.register(values(contact="sanne@voorbeeld.nl"))
    form = desk.loket.referral_prefill(q.id)
    assert (form["first_name"], form["last_name"], form["email"], form["question"]) == (
        "Sanne", "de Wit", "sanne@voorbeeld.nl", "Omscholen naar installatietechniek"
    )  # fmt: skip
    # Without her consent to share with the SPT nothing is recorded, not even the link.
    with pytest.raises(ValidationError):
        desk.loket.refer(q.id, form)
    assert desk.referrals.every() == [] and desk.loket.get(q.id).outcome_id is None
    done = desk.loket.refer(q.id, form | {"consent_spt": True})
    (referral,) = desk.referrals.every()
    assert (referral.first_name, referral.last_name, referral.email) == (
        "Sanne", "de Wit", "sanne@voorbeeld.nl"
    )  # fmt: skip
    assert referral.coach_id is None and referral.referred_on == TODAY  # waits in Toewijzen
    assert (done.outcome_id, done.status, done.name, done.contact) == (
        referral.id, LoketStatus.CLOSED, None, None
    )  # fmt: skip


def test_a_closed_question_links_to_the_vacancy_it_became(desk: Services) -> None:
    from tests.services.factories import employer

    firm = desk.employers.create(employer())
    vacancy = desk.employers.add_vacancy(
        firm.id, {"kind": "open", "title": "Servicemonteur", "positions": 2, "status": "open"}
    )
    q = desk.loket.register(values(asker="employer", to_coach_id=None))
    (link,) = [t for t in desk.loket.link_targets() if t.id == vacancy.id]
    assert link.label == "Vacature: Servicemonteur — Installatiebedrijf Zaanwarmte B.V."
    with pytest.raises(ValidationError) as exc:  # a vacancy is not an employer contact
        desk.loket.close(q.id, {"outcome": "employer_contact", "outcome_id": vacancy.id})
    assert set(exc.value.errors) == {"outcome_id"}
    assert desk.loket.get(q.id).status is LoketStatus.OPEN  # nothing saved
    done = desk.loket.close(q.id, {"outcome_id": vacancy.id})
    assert (done.outcome, done.outcome_id) == (LoketOutcome.VACANCY, vacancy.id)
