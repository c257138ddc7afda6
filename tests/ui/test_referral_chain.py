"""Issue 16's "Done when", through the real widgets against a real SPT server on
loopback: the loket records the question of a werkzoekende sent by the Werkcentrum and
puts it through as a referral (§2), which waits in the coordinator's Toewijzen; she gives
it to the loopbaancoach; his next sync brings it to his Aanmeldingen; he accepts it into a
candidate with the form filled from the referral (nothing typed again), holds the intake,
prints the terugkoppeling for the Werkcentrum, and cannot once the candidate withdrew her
consent; the SPT-monitor splits the instroom by referrer. Minimal personal data: the
accepted referral leaves her data to the candidate, and one he sets to "niet gestart"
keeps none of them, on his laptop and on the server."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from spt_common.enums import LetterMoment, ReferralStatus
from tests.ui.conftest import settle
from tests.ui.test_coordination_page import _choose, _click_nav, _click_row, _click_tab, _window
from tests.ui.test_employers_day import fill
from tests.ui.test_whole_journey import choose, click, dialog, has_dialog, ok, saved

pytest.importorskip("uvicorn")
from tests.support.server_kit import Admin, LiveServer, make_db

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def spt(tmp_path: Path):  # type: ignore[no-untyped-def]
    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("cora@spt.nl", roles="coordinator")
    admin.add_coach("lotte@spt.nl", roles="loket")
    admin.add_coach("lars@spt.nl", roles="loopbaancoach")
    live = LiveServer(url).start()
    yield admin, live
    live.stop()
    admin.close()


def _sync(qtbot, window, ops) -> None:  # type: ignore[no-untyped-def]
    window.a_sync.trigger()
    settle(qtbot, ops)


def _pdf_text(path: Path) -> str:
    from tests.print.pdf_text import text

    return " ".join(text(path.read_bytes()).split())


def test_a_referral_goes_from_toewijzen_to_a_candidate_and_hears_back(
    build_window, qtbot, spt, tmp_path
):  # type: ignore[no-untyped-def]
    admin, live = spt
    cora, _cora_ops = _window(build_window, qtbot, live.url, "cora@spt.nl", "cora")
    lars, lars_ops = _window(build_window, qtbot, live.url, "lars@spt.nl", "lars")

    # --- the loket: Samira walks in with her question; it becomes a referral
    lotte, lotte_ops = _window(build_window, qtbot, live.url, "lotte@spt.nl", "lotte")
    desk = lotte.workspace.loket
    _click_nav(qtbot, lotte.workspace, "loket")
    settle(qtbot, lotte_ops)
    click(qtbot, lotte_ops, desk.new_button)
    asked = desk.dialogs[-1]
    fill(qtbot, asked, channel="Inloop", asker="Werkzoekende",
         topic="Wil de installatietechniek in.", name="Samira El Amrani",
         contact="samira@example.org")  # fmt: skip
    ok(qtbot, lotte_ops, asked)
    assert desk.dialogs == [] and desk.model.rowCount() == 1
    desk.table.selectRow(0)
    click(qtbot, lotte_ops, desk.refer_button)
    new = desk.dialogs[-1]
    assert new.objectName() == "referQuestionDialog"
    carried = new.form.raw()  # what the loket heard is not typed again
    assert (carried["first_name"], carried["last_name"], carried["email"]) == (
        "Samira", "El Amrani", "samira@example.org"
    )  # fmt: skip
    assert carried["question"] == "Wil de installatietechniek in."
    fill(qtbot, new, referrer_kind="Werkcentrum", referrer_region="Zaanstreek-Waterland",
         referrer_organisation="Werkcentrum Zaanstad", referrer_person="Mieke de Boer",
         referrer_contact="m.deboer@werkcentrum.example", phone="06 12345678",
         municipality="Zaanstad", known="Acht jaar logistiek; rijbewijs B.",
         consent_report_back=True)  # fmt: skip
    # Without her consent to share with the SPT nothing is recorded: said at the field.
    ok(qtbot, lotte_ops, new)
    assert desk.dialogs == [new]
    assert "toestemming" in new.form.errors["consent_spt"].text()
    fill(qtbot, new, consent_spt=True)
    ok(qtbot, lotte_ops, new)
    assert desk.dialogs == []
    # The question keeps the link to the referral and is closed, without her name.
    [asked_q] = lotte_ops.session.services.loket.questions()  # read back only
    assert asked_q.outcome_id is not None and (asked_q.name, asked_q.contact) == (None, None)
    _sync(qtbot, lotte, lotte_ops)
    ws = cora.workspace

    # --- Toewijzen: the new referral waits without a coach; Cora gives it to Lars
    page = ws.coordination
    with qtbot.waitSignal(page.loaded, timeout=20000):
        _click_nav(qtbot, ws, "coordination")
    tab = page.assign
    with qtbot.waitSignal(page.loaded, check_params_cb=lambda k: k == "assign", timeout=20000):
        _click_tab(qtbot, page.tabs, 1)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=20000)
    assert tab.show_which.currentText() == "Nieuwe aanmeldingen zonder coach"
    assert "Werkcentrum" in tab.table.item(0, 2).text()
    assert not tab.role.isEnabled()  # a referral goes to a loopbaancoach
    _click_row(qtbot, tab.table, "Samira El Amrani")
    _choose(qtbot, tab.coach, "Lars")
    with qtbot.waitSignal(page.loaded, check_params_cb=lambda k: k == "assign", timeout=20000):
        qtbot.mouseClick(tab.go, LEFT)
    assert "1 aanmeldingen toegewezen" in tab.result.text()
    assert tab.table.rowCount() == 0

    # --- Lars's next sync brings it: on Vandaag and in his Aanmeldingen
    lws = lars.workspace
    _sync(qtbot, lars, lars_ops)
    _click_nav(qtbot, lws, "today")
    settle(qtbot, lars_ops)
    today = [lws.today.tree.topLevelItem(i).text(0)
             for i in range(lws.today.tree.topLevelItemCount())]  # fmt: skip
    assert "Nieuwe aanmeldingen (1)" in today and "Samira El Amrani" in today
    _click_nav(qtbot, lws, "referrals")
    settle(qtbot, lars_ops)
    mine = lws.referrals
    assert mine.table.rowCount() == 1
    assert "Wil de installatietechniek in." in mine.details.toPlainText()

    # --- he accepts it: the candidate form comes filled from the referral
    click(qtbot, lars_ops, mine.accept_button)
    reg = dialog(lars, "acceptReferralDialog")
    editors = reg.form.editors
    assert (editors["first_name"].text(), editors["last_name"].text()) == ("Samira", "El Amrani")
    assert (editors["email"].text(), editors["phone"].text()) == (
        "samira@example.org",
        "06 12345678",
    )
    assert editors["municipality"].text() == "Zaanstad"
    assert editors["referral_source"].currentText() == "Werkcentrum"
    assert editors["consent"].isChecked() and editors["share_referrer_funder"].isChecked()
    choose(editors["persona"], "Zonder werk, met uitkering")
    choose(editors["benefit_status"], "WW")
    saved(qtbot, lars_ops, lars, reg, "acceptReferralDialog")
    dossier = lws.candidate_page
    assert lws.stack.currentWidget() is dossier and dossier.name.text() == "Samira El Amrani"
    cid = dossier.dossier.candidate.id
    svc = lars_ops.session.services  # read back only
    [referral] = svc.referrals.every()
    assert referral.candidate_id == cid and referral.status is ReferralStatus.IN_GUIDANCE
    # Her data now live in her own record: the referral keeps who referred her only.
    assert (referral.full_name, referral.email, referral.question) == ("", None, "")
    assert mine.table.rowCount() == 0

    # --- intake
    background = dossier.profile.intake.findChild(QPlainTextEdit, "field_background")
    qtbot.keyClicks(background, "Acht jaar logistiek, wil met de handen werken.")
    click(qtbot, lars_ops, dossier.profile.save_intake)
    assert dossier.dossier.intakes

    # --- the terugkoppeling for the Werkcentrum, saved as PDF where he chose
    dossier.tabs.setCurrentWidget(dossier.referral)
    settle(qtbot, lars_ops)
    assert "Werkcentrum" in dossier.referral.about.text()
    target = tmp_path / "terugkoppeling.pdf"
    dossier.printing.choose_path = lambda *_a: str(target)
    click(qtbot, lars_ops, dossier.referral.letter_button)
    letter = dialog(lars, "referralLetterDialog")
    choose(letter.form.editors["moment"], LetterMoment.INTAKE.label)
    saved(qtbot, lars_ops, lars, letter, "referralLetterDialog")
    qtbot.waitUntil(target.exists, timeout=20000)
    settle(qtbot, lars_ops)
    text = _pdf_text(target)
    assert "Terugkoppeling aan de verwijzer" in text and "Werkcentrum Zaanstad" in text
    assert "Samira El Amrani" in text and "Mieke de Boer" in text
    assert "logistiek" not in text  # the intake's words stay in the dossier
    assert dossier.referral.table.rowCount() == 1
    assert dossier.referral.table.item(0, 0).text() == LetterMoment.INTAKE.label

    # --- she withdraws her consent to share with the referrer: no letter any more
    dossier.tabs.setCurrentWidget(dossier.profile)
    box = dossier.profile.consents[next(p for p in dossier.profile.consents
                                        if p.value == "share_referrer_funder")]  # fmt: skip
    assert box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    settle(qtbot, lars_ops)
    assert not box.isChecked()
    dossier.tabs.setCurrentWidget(dossier.referral)
    settle(qtbot, lars_ops)
    assert "Geen toestemming" in dossier.referral.consent.text()
    target.unlink()
    click(qtbot, lars_ops, dossier.referral.letter_button)
    letter = dialog(lars, "referralLetterDialog")
    choose(letter.form.editors["moment"], LetterMoment.PLACEMENT.label)
    ok(qtbot, lars_ops, letter)
    assert has_dialog(lars, "referralLetterDialog")
    assert "geen toestemming" in letter.general_error.text()
    assert not target.exists() and dossier.referral.table.rowCount() == 1
    _sync(qtbot, lars, lars_ops)

    # --- the SPT-monitor splits the instroom by referrer
    with qtbot.waitSignal(page.loaded, check_params_cb=lambda k: k == "monitor", timeout=20000):
        _click_tab(qtbot, page.tabs, 2)
    monitor = page.monitor
    _choose(qtbot, monitor.by, "Verwijzer")
    with qtbot.waitSignal(page.loaded, check_params_cb=lambda k: k == "monitor", timeout=20000):
        qtbot.mouseClick(monitor.show_button, LEFT)
    rows = monitor.figures["phases"].shown_rows()
    groups = {r[1] for r in rows[1:]}
    assert "Werkcentrum" in groups, groups
    assert "Samira" not in str(rows)

    # --- another referral comes to Lars; she cannot be reached: "niet gestart"
    _click_nav(qtbot, lws, "referrals")
    settle(qtbot, lars_ops)
    click(qtbot, lars_ops, mine.new_button)
    other = dialog(lars, "referralDialog")
    fill(qtbot, other, referrer_kind="UWV", referrer_organisation="UWV Werkbedrijf",
         first_name="Priya", last_name="Jansen", email="priya@example.org",
         phone="06 55554444", question="Wil lasser worden.", known="Vmbo metaal.",
         consent_spt=True)  # fmt: skip
    saved(qtbot, lars_ops, lars, other, "referralDialog")
    assert mine.table.rowCount() == 1
    _click_row(qtbot, mine.table, "Priya Jansen")
    click(qtbot, lars_ops, mine.not_started_button)
    stop = dialog(lars, "notStartedDialog")
    fill(qtbot, stop, not_started_reason="Niet bereikbaar")
    saved(qtbot, lars_ops, lars, stop, "notStartedDialog")
    assert mine.table.rowCount() == 0
    from tests.services.test_privacy_vault import raw_dump

    gone = [r for r in svc.referrals.every() if r.status is ReferralStatus.NOT_STARTED]
    assert [(r.full_name, r.referrer_organisation) for r in gone] == [("", "UWV Werkbedrijf")]
    everything = raw_dump(svc._ctx.vault)
    for value in ("Priya", "Jansen", "priya@example.org", "06 55554444", "lasser", "Vmbo"):
        assert value not in everything, value
    _sync(qtbot, lars, lars_ops)
    stored = admin.records()[gone[0].id]
    assert (stored["status"], stored["first_name"], stored["phone"], stored["question"]) == (
        "not_started", "", None, "",
    )  # fmt: skip
