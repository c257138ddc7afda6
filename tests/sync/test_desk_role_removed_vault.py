"""The loket role taken away takes the SPT's loket register and referrals off her laptop
at her next sync (real server on loopback, real SQLCipher vault): their rows, the drafts
of their forms, their conflicts and the outbox entries of her unsent edits. What was
passed on to her stays, with its draft."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

from spt_desktop.models.bookkeeping import OutboxEntry, Setting
from spt_desktop.models.syncstate import SyncConflict
from spt_desktop.services.session import VaultSession
from spt_server import cli
from tests.server.test_loket import _login, question
from tests.server.test_referrals import referral
from tests.support.server_kit import (
    Admin,
    LiveServer,
    edit,
    local_rows,
    window_session,
)


def _rev(admin: Admin, rid: str) -> int:
    return int(admin.records()[rid]["rev"])


def _sync_editing(session: VaultSession, rid: str, **values: Any) -> dict[str, Any]:
    """A sync during which she edits ``rid`` (after its batch was built, before the
    answer came): the edit waits in the outbox when the answer is applied."""
    run = session.sync_start()
    edit(session._vault, "referral", rid, **values)
    while not run.finished:
        run.send()
        run = session.sync_step(run)
    return run.report


def test_the_loket_role_taken_away_empties_her_laptop_of_the_register(
    tmp_path: Path, admin: Admin, live: LiveServer, db_url: str
) -> None:
    admin.add_coach("lotte@spt.nl", roles="loket")
    admin.add_coach("anna@spt.nl", roles="loopbaancoach,loket")
    lotte = _login(live, "lotte@spt.nl")
    anna_id = next(i for i, r in admin.records().items() if r.get("email") == "anna@spt.nl")
    asked = question(lotte.id, name="Sanne Geheim", topic="Omscholen naar lassen")
    passed = question(lotte.id, to_coach_id=anna_id, name="Piet Blijft")
    ref = referral(lotte.id, first_name="Samira", last_name="Geheim")
    lotte.sync(asked, passed, ref)

    path = tmp_path / "anna.sptvault"
    session = window_session(path, live.url)
    vault = session._vault
    session.sync()
    assert {asked["id"], passed["id"]} <= set(local_rows(vault, "loket_question"))
    assert ref["id"] in local_rows(vault, "referral")
    # Her edit of the question's answer and Lotte's meet: a conflict on her laptop.
    edit(vault, "loket_question", asked["id"], answer="Anna belt Sanne Geheim terug")
    lotte.sync({**asked, "fields": {"answer": "Lotte mailt"}, "base_rev": _rev(admin, asked["id"])})
    session.sync()
    assert [c.record_id for c in session.conflicts()] == [asked["id"]]
    session.save_draft(f"loket:{asked['id']}", {"answer": "Sanne Geheim: terugbellen"}, about=None)
    session.save_draft(f"accept_referral:{ref['id']}", {"first_name": "Samira"}, about=None)
    session.save_draft(f"loket:{passed['id']}", {"answer": "Piet: bellen"}, about=None)

    args = ["set-roles", "--db", db_url, "--email", "anna@spt.nl", "--role", "loopbaancoach"]
    assert cli.main(args) == 0
    report = _sync_editing(session, ref["id"], known="Samira Geheim heeft een mbo-2")

    assert report["purged"] >= 2
    assert set(local_rows(vault, "loket_question", include_deleted=True)) == {passed["id"]}
    assert ref["id"] not in local_rows(vault, "referral", include_deleted=True)
    assert set(session.drafts()) == {f"loket:{passed['id']}"}
    assert session.conflicts() == []
    gone = [asked["id"], ref["id"]]
    with vault.engine.connect() as conn:
        outbox = conn.execute(
            sa.select(OutboxEntry.record_id).where(OutboxEntry.record_id.in_(gone))
        )
        assert outbox.all() == []
        conflicts = conn.execute(sa.select(SyncConflict.record_id)).all()
        assert conflicts == []
        settings = [v for (v,) in conn.execute(sa.select(Setting.value))]
    assert not any("Geheim" in (v or "") for v in settings)
    session.lock()
    lotte.http.close()
