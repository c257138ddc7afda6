"""A referral the coordinator gives to another coach before it is linked leaves the first
coach's laptop at her next sync (issue 16, left over): the Aanmeldingen page no longer
lists it, and nothing of it stays in her vault: not the row, not the draft of the form
she had begun about it, not the search index. Real server on loopback, real vaults; she
works through the widgets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import settle, unlock_again
from tests.ui.test_coordination_page import _click_nav, _click_row, _window
from tests.ui.test_employers_day import fill
from tests.ui.test_whole_journey import click, dialog

pytest.importorskip("uvicorn")
from tests.server.test_coordination import C, _login
from tests.server.test_referrals import referral
from tests.support.server_kit import Admin, LiveServer, make_db


@pytest.fixture
def spt(tmp_path: Path):  # type: ignore[no-untyped-def]
    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("cora@spt.nl", roles="coordinator")
    lars = admin.add_coach("lars@spt.nl", roles="loopbaancoach")
    bob = admin.add_coach("bob@spt.nl", roles="loopbaancoach")
    live = LiveServer(url).start()
    cora = _login(live, "cora@spt.nl")
    yield live, cora, lars, bob
    cora.http.close()
    live.stop()
    admin.close()


def _sync(qtbot, window, ops) -> None:  # type: ignore[no-untyped-def]
    window.a_sync.trigger()
    settle(qtbot, ops)


def test_a_referral_given_to_another_coach_leaves_her_laptop(build_window, qtbot, spt):  # type: ignore[no-untyped-def]
    from tests.services.test_privacy_vault import raw_dump

    live, cora, lars_id, bob_id = spt
    ref = referral(cora.id, question="Wil elektromonteur worden.",
                   known="Tien jaar in de zorg gewerkt.")  # fmt: skip
    rid = ref["id"]
    assert cora.sync(None, ref)["push"]["results"][0]["status"] == "applied"
    body = {"referral_ids": [rid], "coach_id": lars_id}
    assert cora.post(f"{C}/referrals/assign", body).status_code == 200

    lars, ops = _window(build_window, qtbot, live.url, "lars@spt.nl", "lars")
    ws = lars.workspace
    _sync(qtbot, lars, ops)
    _click_nav(qtbot, ws, "referrals")
    settle(qtbot, ops)
    mine = ws.referrals
    assert mine.table.rowCount() == 1
    # She begins "niet gestart", and the laptop locks before she saves it.
    _click_row(qtbot, mine.table, "Samira El Amrani")
    click(qtbot, ops, mine.not_started_button)
    stop = dialog(lars, "notStartedDialog")
    fill(qtbot, stop, not_started_reason="Niet bereikbaar")
    lars.lock()
    settle(qtbot, ops)
    unlock_again(lars, ops, qtbot)
    vault = ops.session.services._ctx.vault  # read back only
    before = raw_dump(vault)
    assert "Samira" in before and f"referral_not_started:{rid}" in before  # row, draft

    # The coordinator gives it to Bob; Lars's next sync takes it off his laptop.
    assert cora.post(f"{C}/referrals/assign", body | {"coach_id": bob_id}).status_code == 200
    ws = lars.workspace  # made anew at the unlock
    _click_nav(qtbot, ws, "referrals")
    settle(qtbot, ops)
    assert ws.referrals.table.rowCount() == 1
    _sync(qtbot, lars, ops)
    assert ws.referrals.table.rowCount() == 0
    after = raw_dump(vault)
    for value in ("Samira", "El Amrani", "elektromonteur", "in de zorg", rid):
        assert value not in after, value
