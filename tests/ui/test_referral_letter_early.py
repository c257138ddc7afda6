"""The terugkoppeling "Na de intake" cannot be made before the intake is recorded (issue
16, left over): the letter said the intake took place and then "nog niet vastgelegd".
The coach picks the moment, presses OK, and reads why at the moment's field, in Dutch;
no PDF, no letter in the list. Once she has recorded the intake, the letter is made and
names its date. Through the widgets, on a real vault."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPlainTextEdit

from spt_common.enums import ConsentPurpose, LetterMoment
from spt_desktop.print.layout import long_date
from tests.conftest import TODAY
from tests.services.test_referrals import referral
from tests.ui.conftest import settle, unlocked_window
from tests.ui.test_whole_journey import choose, click, dialog, has_dialog, ok, saved


def _accepted(ops) -> None:  # type: ignore[no-untyped-def]
    """A referral from the Werkcentrum, accepted into a candidate who consented to
    sharing with the referrer (setup: as the chain test does it through the widgets)."""
    svc = ops.session.services
    made = svc.referrals.record(referral(coach_id=svc._ctx.actor_id))
    values = svc.referrals.prefill(made.id)
    values.update(persona="no_work_benefit_nontechnical", benefit_status="ww", birth_date=None)
    consents = {
        ConsentPurpose.PROCESSING: values.pop("consent"),
        ConsentPurpose.SHARE_REFERRER_FUNDER: values.pop("share_referrer_funder"),
    }
    svc.referrals.accept(made.id, values, consents)


def _pdf_text(path: Path) -> str:
    from tests.print.pdf_text import text

    return " ".join(text(path.read_bytes()).split())


def test_no_intake_letter_before_the_intake_is_recorded(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    window, ops = unlocked_window(build_window, qtbot, before=_accepted)
    ws = window.workspace
    [cand] = ops.session.services.queries.caseload()  # read back only
    ws.open_candidate(cand.id)
    settle(qtbot, ops)
    dossier = ws.candidate_page
    dossier.tabs.setCurrentWidget(dossier.referral)
    settle(qtbot, ops)
    target = tmp_path / "terugkoppeling.pdf"
    dossier.printing.choose_path = lambda *_a: str(target)

    click(qtbot, ops, dossier.referral.letter_button)
    letter = dialog(window, "referralLetterDialog")
    choose(letter.form.editors["moment"], LetterMoment.INTAKE.label)
    ok(qtbot, ops, letter)
    assert has_dialog(window, "referralLetterDialog")  # refused, the dialog stays
    said = letter.form.errors["moment"].text()
    assert "nog geen intake vastgelegd" in said and "leg eerst de intake vast" in said
    assert letter.form.errors["moment"].isVisible()
    settle(qtbot, ops)
    assert not target.exists() and dossier.referral.table.rowCount() == 0

    # She records the intake (the letter's dialog stays open beside the dossier); now
    # the letter is made and says when it was held.
    dossier.tabs.setCurrentWidget(dossier.profile)
    background = dossier.profile.intake.findChild(QPlainTextEdit, "field_background")
    qtbot.keyClicks(background, "Acht jaar logistiek, wil met de handen werken.")
    click(qtbot, ops, dossier.profile.save_intake)
    dossier.tabs.setCurrentWidget(dossier.referral)
    settle(qtbot, ops)
    saved(qtbot, ops, window, letter, "referralLetterDialog")
    qtbot.waitUntil(target.exists, timeout=20000)
    settle(qtbot, ops)
    text = _pdf_text(target)
    assert "De intake bij het Servicepunt Techniek heeft plaatsgevonden" in text
    assert f"Intake gehouden op {long_date(TODAY)}" in text
    assert "nog niet vastgelegd" not in text
    assert dossier.referral.table.rowCount() == 1
