"""A referral the loopbaancoach sets to "niet gestart" through the widgets keeps neither
her municipality nor a note on why (issue 16, left over; DESIGN.md's privacy part): the
form asks only for the reason, and neither the vault nor the server keeps the town. Real
server on loopback, real vault."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import settle
from tests.ui.test_coordination_page import _click_nav, _click_row, _window
from tests.ui.test_employers_day import fill
from tests.ui.test_whole_journey import click, dialog, saved

pytest.importorskip("uvicorn")
from tests.support.server_kit import Admin, LiveServer, make_db


@pytest.fixture
def spt(tmp_path: Path):  # type: ignore[no-untyped-def]
    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("lars@spt.nl", roles="loopbaancoach")
    live = LiveServer(url).start()
    yield admin, live
    live.stop()
    admin.close()


def test_niet_gestart_keeps_no_town_and_asks_no_note(build_window, qtbot, spt):  # type: ignore[no-untyped-def]
    from spt_common.enums import ReferralStatus
    from tests.services.test_privacy_vault import raw_dump

    admin, live = spt
    lars, ops = _window(build_window, qtbot, live.url, "lars@spt.nl", "lars")
    ws = lars.workspace
    _click_nav(qtbot, ws, "referrals")
    settle(qtbot, ops)
    mine = ws.referrals
    click(qtbot, ops, mine.new_button)
    new = dialog(lars, "referralDialog")
    fill(qtbot, new, referrer_kind="UWV", referrer_organisation="UWV Werkbedrijf",
         first_name="Priya", last_name="Jansen", municipality="Uitgeest",
         question="Wil lasser worden.", consent_spt=True)  # fmt: skip
    saved(qtbot, ops, lars, new, "referralDialog")
    lars.a_sync.trigger()
    settle(qtbot, ops)
    _click_row(qtbot, mine.table, "Priya Jansen")
    assert "Uitgeest" in mine.details.toPlainText()  # while it waits

    click(qtbot, ops, mine.not_started_button)
    stop = dialog(lars, "notStartedDialog")
    assert set(stop.form.editors) == {"not_started_reason"}  # no note to write
    fill(qtbot, stop, not_started_reason="Andere reden")
    saved(qtbot, ops, lars, stop, "notStartedDialog")
    assert mine.table.rowCount() == 0
    svc = ops.session.services  # read back only
    [gone] = [r for r in svc.referrals.every() if r.status is ReferralStatus.NOT_STARTED]
    assert (gone.municipality, gone.not_started_note, gone.referrer_organisation) == (
        "", None, "UWV Werkbedrijf",
    )  # fmt: skip
    assert "Uitgeest" not in raw_dump(svc._ctx.vault)
    lars.a_sync.trigger()
    settle(qtbot, ops)
    stored = admin.records()[gone.id]
    assert (stored["status"], stored["not_started_reason"]) == ("not_started", "other")
    assert (stored["municipality"], stored["not_started_note"]) == ("", None)
