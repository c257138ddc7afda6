"""Drafts of the referral dialogs come back after a lock (issue 16, left over): the
intake planning and "niet gestart" of an aanmelding, and the terugkoppeling letter of a
dossier. The coach types, the app locks (Ctrl+L, or the idle timer), she unlocks, and the
dialog is open again with what she typed, as every other form does. Before, the drafts
were kept in the vault but no dialog reopened them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog

from tests.ui.conftest import TODAY, settle, unlock_again, unlocked_window
from tests.ui.test_employers_day import click, fill


def _referral(**over: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "referrer_kind": "werkcentrum",
        "referrer_organisation": "Werkcentrum Zaanstad",
        "first_name": "Samira",
        "last_name": "El Amrani",
        "municipality": "zaanstad",
        "consent_spt": True,
        "consent_report_back": True,
    }
    values.update(over)
    return values


def _with_a_referral(ops) -> None:  # type: ignore[no-untyped-def]
    """Test data: a referral Sanne took up herself, and one accepted into a candidate."""
    svc = ops.session.services
    svc.referrals.record(_referral(coach_id=svc.actor_id))
    other = svc.referrals.record(_referral(first_name="Joris", last_name="Visser",
                                           coach_id=svc.actor_id))  # fmt: skip
    from spt_common.enums import ConsentPurpose

    values = svc.referrals.prefill(other.id)
    values.update(persona="no_work_benefit_nontechnical", benefit_status="ww", birth_date=None)
    consents = {
        ConsentPurpose.PROCESSING: values.pop("consent"),
        ConsentPurpose.SHARE_REFERRER_FUNDER: values.pop("share_referrer_funder"),
    }
    svc.referrals.accept(other.id, values, consents)


def _open(window, name: str) -> QDialog:  # type: ignore[no-untyped-def]
    """The dialog with object name ``name`` that the workspace has open."""
    shown = [d for d in window.workspace.dialogs if d.objectName() == name and d.isVisible()]
    assert len(shown) == 1, [d.objectName() for d in window.workspace.dialogs]
    return shown[0]


def _lock_and_unlock(window, ops, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The coach walks away from the open dialog: the idle timer locks (its minutes cut
    to a millisecond); then she types her passphrase on the unlock screen."""
    window.idle.start(1)
    qtbot.waitUntil(lambda: window.workspace is None)  # locked: the forms are gone
    settle(qtbot, ops)
    assert not [d for d in window.findChildren(QDialog) if d.isVisible()]
    unlock_again(window, ops, qtbot)


def _pick_samira(window, ops, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws = window.workspace
    ws.show_page("referrals")
    settle(qtbot, ops)
    table = ws.referrals.table
    [row] = [r for r in range(table.rowCount()) if "Samira" in table.item(r, 0).text()]
    click(qtbot, table.viewport(), table.visualRect(table.model().index(row, 0)).center())
    settle(qtbot, ops)


def test_the_intake_planning_and_niet_gestart_come_back_after_a_lock(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = unlocked_window(build_window, qtbot, _with_a_referral)
    _pick_samira(window, ops, qtbot)
    click(qtbot, window.workspace.referrals.intake_button)
    settle(qtbot, ops)
    intake = _open(window, "planIntakeDialog")
    fill(qtbot, intake, intake_on="14-12-2026")
    typed_intake = intake.form.raw()
    _pick_samira(window, ops, qtbot)
    click(qtbot, window.workspace.referrals.not_started_button)
    settle(qtbot, ops)
    stop = _open(window, "notStartedDialog")
    fill(qtbot, stop, not_started_reason="Niet bereikbaar")
    typed_stop = stop.form.raw()

    _lock_and_unlock(window, ops, qtbot)
    qtbot.waitUntil(lambda: len(window.workspace.dialogs) == 2)
    settle(qtbot, ops)
    intake, stop = _open(window, "planIntakeDialog"), _open(window, "notStartedDialog")
    assert intake.form.raw() == typed_intake
    assert intake.form.raw()["intake_on"] != TODAY.strftime("%d-%m-%Y")  # what she typed
    assert stop.form.raw() == typed_stop
    assert "Samira El Amrani" in intake.windowTitle() and "Samira" in stop.windowTitle()
    # And they still save: the intake planned from the reopened form.
    click(qtbot, intake.buttons.button(intake.buttons.StandardButton.Ok))
    settle(qtbot, ops)
    assert [d.objectName() for d in window.workspace.dialogs] == ["notStartedDialog"]


def test_the_terugkoppeling_comes_back_after_a_lock(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = unlocked_window(build_window, qtbot, _with_a_referral)
    ws = window.workspace
    ws.show_page("caseload")
    settle(qtbot, ops)
    [joris] = [r for r in ops.session.services.queries.caseload() if r.first_name == "Joris"]
    ws.open_candidate(joris.id)
    settle(qtbot, ops)
    cp = ws.candidate_page
    cp.tabs.setCurrentWidget(cp.referral)
    settle(qtbot, ops)
    click(qtbot, cp.referral.letter_button)
    settle(qtbot, ops)
    letter = _open(window, "referralLetterDialog")
    choice = letter.form.editors["moment"]
    fill(qtbot, letter, moment=choice.itemText(choice.count() - 1))
    typed = letter.form.raw()

    _lock_and_unlock(window, ops, qtbot)
    qtbot.waitUntil(lambda: bool(window.workspace.dialogs))
    settle(qtbot, ops)
    again = _open(window, "referralLetterDialog")
    assert again.form.raw() == typed
    assert "Joris Visser" in again.windowTitle()
    assert window.workspace.candidate_page.dossier.candidate.id == joris.id
