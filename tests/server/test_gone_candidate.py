"""A handover accepted after its candidate was deleted (found by the sync state machine,
seed 271360917691284641283460531278941358935): the acceptance raised ``CandidateGone``
out of the push, the server answered 500 to every retry, and the receiving laptop could
never sync again. A deleted candidate is no one's to receive: the acceptance is stored
(the handover is hers to answer) and assigns nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_server.db import Record, Scope
from tests.server.test_write_races import _caller, handover, push, register, upsert
from tests.support.server_kit import Admin, make_db


@pytest.fixture
def admin(tmp_path: Path) -> Iterator[Admin]:
    a = Admin(make_db("sqlite", tmp_path, None))
    yield a
    a.close()


def test_accepting_a_handover_of_a_deleted_candidate_assigns_nothing(admin: Admin) -> None:
    engine = admin.engine
    anna = _caller(admin, "anna@spt.nl")
    bob = _caller(admin, "bob@spt.nl")
    cand, _ = register(engine, anna)
    h = handover(cand, anna.account_id, bob.account_id, "pending")
    [sent] = push(engine, anna, h)
    with Session(engine) as s:
        cand_rev = s.get(Record, cand).rev  # type: ignore[union-attr]
    [gone] = push(engine, anna, {"entity": "candidate", "id": cand, "op": "delete",
                                 "base_rev": cand_rev, "fields": {}})  # fmt: skip
    assert gone.status == "applied"

    [res] = push(engine, bob, upsert("handover", h["id"], sent.rev, status="accepted"))

    assert res.status in ("applied", "gone", "rejected", "forbidden")
    with Session(engine) as s:
        live = s.scalars(
            sa.select(Record).where(
                Record.entity == "assignment",
                Record.candidate_id == cand,
                Record.addressee == bob.account_id,
                Record.deleted.is_(False),
            )
        ).all()
        scope = s.get(Scope, (bob.account_id, cand))
    assert live == []
    assert scope is None or scope.revoked_rev is not None
