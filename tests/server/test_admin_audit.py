"""The server's audit log of administration: every assign, unassign and device revocation
leaves one row (who, what, which id, when) in the same transaction, readable with
``spt-server audit``; the rows hold ids and codes, never a name or an e-mail address."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.orm import Session

from spt_common import protocol as p
from spt_server import audit, cli, store
from tests.support.server_kit import Admin, candidate_change, uid

EMAIL = "sanne.de.vries@spt.nl"


def _candidate(admin: Admin, coach_id: str) -> str:
    change = candidate_change()
    batch = p.PushBatch.model_validate({"batch_id": uid(), "changes": [change]})
    with Session(admin.engine) as s, s.begin():
        store.push(s, store.Caller(coach_id, "spt_noord_holland", uid()), batch)
    return str(change["id"])


def test_admin_acts_are_logged_with_ids_only(
    db_url: str, admin: Admin, capsys: pytest.CaptureFixture[str]
) -> None:
    coach = admin.add_coach(EMAIL)
    colleague = admin.add_coach("jan.bakker@spt.nl")
    cand = _candidate(admin, coach)
    capsys.readouterr()

    assert (
        cli.main(["assign", "--db", db_url, "--candidate", cand, "--coach", "jan.bakker@spt.nl"])
        == 0
    )
    assert (
        cli.main(["unassign", "--db", db_url, "--candidate", cand, "--coach", "jan.bakker@spt.nl"])
        == 0
    )
    assert cli.main(["revoke-device", "--db", db_url, "--email", EMAIL]) == 0
    capsys.readouterr()

    assert cli.main(["audit", "--db", db_url]) == 0
    out = capsys.readouterr().out
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["action"], r["target_kind"], r["target_id"], r["actor_id"]) for r in rows] == [
        ("assign", "candidate", cand, None),
        ("unassign", "candidate", cand, None),
    ]  # the coach had no device yet: nothing to revoke, nothing logged
    for secret in (EMAIL, "jan.bakker", "Sanne", colleague):
        assert secret.lower() not in out.lower()


def test_a_revoked_device_is_logged(admin: Admin) -> None:
    from spt_server import setup
    from spt_server.db import Device

    coach = admin.add_coach(EMAIL)
    device = uid()
    with admin.session() as s, s.begin():
        s.add(Device(id=device, account_id=coach, name="laptop"))
    with admin.session() as s, s.begin():
        assert setup.revoke_device(s, device_id=device, email=None) == 1
    with admin.session() as s:
        rows = audit.entries(s)
    assert [(r.action, r.target_kind, r.target_id) for r in rows] == [
        ("revoke_device", "device", device)
    ]


def test_a_refused_act_leaves_no_row(db_url: str, admin: Admin) -> None:
    admin.add_coach(EMAIL)
    assert cli.main(["assign", "--db", db_url, "--candidate", uid(), "--coach", EMAIL]) != 0
    with admin.session() as s:
        assert audit.entries(s) == []
