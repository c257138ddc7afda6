"""A dossier is never handed or assigned to a deactivated coach: her laptops are revoked
and would never receive it, so it would leave the sender's scope for nobody's."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common import protocol as p
from spt_server import cli, setup, store
from spt_server.db import Record
from tests.support.server_kit import Admin, candidate_change, uid


def _push(admin: Admin, caller: store.Caller, *changes: dict[str, object]) -> list[p.ChangeResult]:
    batch = p.PushBatch.model_validate({"batch_id": uid(), "changes": list(changes)})
    with Session(admin.engine) as s, s.begin():
        return store.push(s, caller, batch).results


@pytest.mark.parametrize("bulk", [True, False])
def test_a_handover_to_a_deactivated_coach_is_refused(admin: Admin, bulk: bool) -> None:
    anna = admin.add_coach("anna@spt.nl")
    bob = admin.add_coach("bob@spt.nl", roles="jobcoach")
    with admin.session() as s, s.begin():
        setup.deactivate(s, email="bob@spt.nl")
    me = store.Caller(anna, "spt_noord_holland", uid())
    cand = candidate_change()
    _push(admin, me, cand)
    handover = {
        "entity": "handover",
        "id": uid(),
        "op": "upsert",
        "fields": {
            "candidate_id": cand["id"],
            "from_coach_id": anna,
            "from_role": "loopbaancoach",
            "to_coach_id": bob,
            "to_role": "jobcoach",
            "summary": "Warme overdracht",
            "status": "pending",
            "created_at": "2026-11-04T09:00:00",
        },
    }
    batch = p.PushBatch.model_validate({"batch_id": uid(), "changes": [handover]})
    with Session(admin.engine) as s, s.begin():
        [result] = store.push(s, me, batch, bulk=bulk).results
    assert result.status == "rejected"
    assert "geen actief account" in (result.reason or "")


def test_the_admin_cannot_assign_to_a_deactivated_coach(
    db_url: str, admin: Admin, capsys: pytest.CaptureFixture[str]
) -> None:
    anna = admin.add_coach("anna@spt.nl")
    admin.add_coach("bob@spt.nl", roles="jobcoach")
    cand = candidate_change()
    _push(admin, store.Caller(anna, "spt_noord_holland", uid()), cand)
    assert cli.main(["deactivate", "--db", db_url, "--email", "bob@spt.nl"]) == 0
    capsys.readouterr()
    code = cli.main(
        ["assign", "--db", db_url, "--candidate", str(cand["id"]), "--coach", "bob@spt.nl"]
    )
    assert code == 2
    assert "uitgeschakeld" in capsys.readouterr().err


def _handover(cand: str, frm: str, to: str) -> dict[str, object]:
    fields = {
        "candidate_id": cand,
        "from_coach_id": frm,
        "from_role": "loopbaancoach",
        "to_coach_id": to,
        "to_role": "jobcoach",
        "summary": "Warme overdracht",
        "status": "pending",
        "created_at": "2026-11-04T09:00:00",
    }
    return {"entity": "handover", "id": uid(), "op": "upsert", "fields": fields}


@pytest.mark.parametrize("bulk", [True, False])
def test_a_batch_addressed_to_many_coaches_is_answered_per_receiver(
    admin: Admin, bulk: bool
) -> None:
    """The bulk path reads a batch's addressees (and the registrar's first role) at once
    (store._Bulk._know_accounts): the same refusal for each receiver as one by one
    (store.can_receive), whatever the order in which they come; an active receiver
    named after a refused one still receives, and the new candidate's assignment has the
    registrar's first role."""
    anna = admin.add_coach("anna@spt.nl", roles="jobcoach,loopbaancoach")
    bob = admin.add_coach("bob@spt.nl", roles="jobcoach")
    carl = admin.add_coach("carl@spt.nl", roles="jobcoach")
    dirk = admin.add_coach("dirk@spt.nl", roles="jobcoach")
    with admin.session() as s, s.begin():
        setup.deactivate(s, email="carl@spt.nl")
    me = store.Caller(anna, "spt_noord_holland", uid())
    first, second = candidate_change(), candidate_change()
    _push(admin, me, first, second)
    nobody = uid()
    receivers = [carl, bob, nobody, dirk, carl, anna, bob]
    new = candidate_change()
    changes = [new] + [_handover(str(c["id"]), anna, to)
                       for to in receivers for c in (first, second)]  # fmt: skip
    batch = p.PushBatch.model_validate({"batch_id": uid(), "changes": changes})
    with Session(admin.engine) as s, s.begin():
        results = store.push(s, me, batch, bulk=bulk).results
    assert results[0].status == "applied"
    expected = [to in (bob, dirk, anna) for to in receivers for _c in (first, second)]
    assert [r.status == "applied" for r in results[1:]] == expected
    for r, ok in zip(results[1:], expected, strict=True):
        assert ok or (r.status == "rejected" and r.reason == store.NO_RECEIVER)
    with Session(admin.engine) as s:
        roles = [
            json.loads(data)["role"]
            for data in s.scalars(
                sa.select(Record.data).where(
                    Record.entity == "assignment", Record.candidate_id == new["id"]
                )
            )
        ]
    assert roles == ["jobcoach"]
