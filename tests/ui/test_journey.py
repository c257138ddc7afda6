"""The coach's day, through the real widgets: create the vault, register a candidate,
intake, plan, handover, visit, lock with an unsaved form, unlock: the form is back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from spt_common.enums import Role, Spt
from tests.conftest import PASSPHRASE
from tests.ui.conftest import settle


def field(parent, name):  # type: ignore[no-untyped-def]
    return parent.findChild(QLineEdit, f"field_{name}") or parent.findChild(
        QPlainTextEdit, f"field_{name}"
    )


def error_text(parent, name) -> str:  # type: ignore[no-untyped-def]
    label = parent.findChild(QLabel, f"error_{name}")
    return label.text() if label.isVisible() else ""


def choose(combo, text) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findText(text))


def open_dialog(window, name):  # type: ignore[no-untyped-def]
    return next(d for d in window.workspace.dialogs if d.objectName() == name)


def test_whole_journey(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = build_window()
    window.start_first_run()
    wiz = window.wizard

    # --- first run: a weak passphrase is refused at once, a good one makes the vault
    qtbot.keyClicks(wiz.name, "Sanne Bakker")
    wiz.roles[Role.LOOPBAANCOACH].setChecked(True)
    qtbot.keyClicks(wiz.passphrase, "kort")
    assert wiz.meter_text.text().startswith("Te kort")
    wiz.passphrase.clear()
    qtbot.keyClicks(wiz.passphrase, PASSPHRASE)
    qtbot.keyClicks(wiz.repeat, PASSPHRASE)
    qtbot.mouseClick(wiz.create_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert len(wiz.key.text()) > 20  # the recovery key, shown once
    assert not wiz.done_button.isEnabled()
    wiz.stored.setChecked(True)
    qtbot.mouseClick(wiz.done_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    ws = window.workspace
    assert ws is not None and window.stack.currentWidget() is ws
    assert "Niets dat vandaag" in ws.today.summary.text()

    # --- register: required fields are named at the field, nothing saved half
    window.a_new.trigger()
    dialog = open_dialog(window, "candidateDialog")
    qtbot.keyClicks(field(dialog, "email"), "geen-adres")
    dialog.submit()
    settle(qtbot, ops)
    assert error_text(dialog, "first_name") == "verplicht veld"
    assert "e-mailadres" in error_text(dialog, "email")
    assert error_text(dialog, "consent")
    field(dialog, "email").clear()
    qtbot.keyClicks(field(dialog, "first_name"), "Fatima")
    qtbot.keyClicks(field(dialog, "last_name"), "el Amrani")
    qtbot.keyClicks(field(dialog, "birth_date"), "14-03-1988")
    qtbot.keyClicks(field(dialog, "municipality"), "Alkmaar")
    choose(dialog.form.editors["referral_source"], "UWV")
    choose(dialog.form.editors["persona"], "Met werk buiten de techniek")
    choose(dialog.form.editors["benefit_status"], "Geen uitkering")
    dialog.form.editors["consent"].setChecked(True)
    dialog.submit()
    settle(qtbot, ops)
    assert ws.stack.currentWidget() is ws.candidate_page
    assert ws.candidate_page.name.text() == "Fatima el Amrani"
    assert "Eerste oriëntatie" in ws.candidate_page.facts.text()

    # --- intake
    intake = ws.candidate_page.profile.intake
    qtbot.keyClicks(
        field(intake, "background"), "Tien jaar logistiek, wil de installatietechniek in."
    )
    qtbot.mouseClick(ws.candidate_page.profile.save_intake, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert ws.candidate_page.dossier.intakes[0].background.startswith("Tien jaar")

    # --- plan: goal, action, agree (a new version, frozen)
    plan = ws.candidate_page.plan
    ws.candidate_page.tabs.setCurrentWidget(plan)
    qtbot.keyClicks(plan.goal, "Kennismaken met installatietechniek")
    qtbot.keyClick(plan.goal, Qt.Key.Key_Return)
    settle(qtbot, ops)
    qtbot.keyClicks(plan.action, "Meeloopdag bij installateur")
    qtbot.keyClicks(plan.owner, "Fatima")
    qtbot.keyClicks(plan.due, "15-12-2026")
    qtbot.keyClick(plan.action, Qt.Key.Key_Return)
    settle(qtbot, ops)
    assert plan.tree.topLevelItem(0).child(0).text(0) == "Meeloopdag bij installateur"
    qtbot.mouseClick(plan.agree, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert "Afgesproken" in plan.status.text()

    # --- journey: a move needs a reason
    journey = ws.candidate_page.journey
    ws.candidate_page.tabs.setCurrentWidget(journey)
    choose(journey.phase, "Matching")
    qtbot.keyClick(journey.reason, Qt.Key.Key_Return)
    settle(qtbot, ops)
    assert journey.error.isVisible()
    qtbot.keyClicks(journey.reason, "Eerste stap afgerond")
    qtbot.keyClick(journey.reason, Qt.Key.Key_Return)
    settle(qtbot, ops)
    assert "Matching" in ws.candidate_page.facts.text()
    assert journey.model.rowCount() == 2

    # --- handover to a colleague (colleagues normally arrive by sync)
    ops.session.services.coaches.add(
        "Ahmed Yilmaz", "ahmed@example.nl", [Role.JOBCOACH], Spt.NOORD_HOLLAND
    )
    ws.candidate_page._handover()
    settle(qtbot, ops)
    handover = open_dialog(window, "handoverDialog")
    choose(handover.form.editors["to"], "Ahmed Yilmaz — Jobcoach")
    handover.submit()
    settle(qtbot, ops)
    assert error_text(handover, "summary") == "verplicht veld"
    qtbot.keyClicks(field(handover, "summary"), "Gemotiveerd, zoekt BBL-plek.")
    handover.submit()
    settle(qtbot, ops)
    ws.candidate_page.tabs.setCurrentIndex(6)
    assert ws.candidate_page.lists["handovers"].models["handovers"].rowCount() == 1

    # --- a visit, keyboard only: Ctrl+N, type, Ctrl+Enter
    window.a_visit.trigger()
    settle(qtbot, ops)
    visit = open_dialog(window, "visitDialog")
    assert field(visit, "visited_at").text()  # defaults: now
    qtbot.keyClicks(field(visit, "topics"), "Eerste werkdag besproken")
    qtbot.keyClick(visit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, ops)
    assert ws.candidate_page.lists["visits"].models["visits"].rowCount() == 1

    # --- lock with an unsaved visit; unlock: the draft is back, nothing typed is lost
    window.a_visit.trigger()
    settle(qtbot, ops)
    visit = open_dialog(window, "visitDialog")
    qtbot.keyClicks(field(visit, "topics"), "Half getypt verslag")
    window.a_lock.trigger()
    settle(qtbot, ops)
    assert window.workspace is None and window.stack.currentWidget() is window.unlock_screen
    assert not ops.session.is_unlocked
    qtbot.keyClicks(window.unlock_screen.passphrase, "fout wachtwoord")
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    settle(qtbot, ops)
    assert "klopt niet" in window.unlock_screen.error.text()
    window.unlock_screen.passphrase.clear()
    qtbot.keyClicks(window.unlock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    settle(qtbot, ops)
    restored = open_dialog(window, "visitDialog")
    assert field(restored, "topics").toPlainText() == "Half getypt verslag"
    restored.reject = restored.done  # type: ignore[method-assign]  # skip the confirm box
    QApplication.processEvents()


def test_caseload_search_and_filters(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = build_window("demo.sptvault", demo=True)
    ops.vault(lambda s: s.ensure_demo(__import__("datetime").date(2026, 11, 30), 60)).run()
    settle(qtbot, ops)
    from spt_desktop.services.session import DEMO_PASSPHRASE

    assert DEMO_PASSPHRASE in window.unlock_screen.findChild(QLabel, "demoHint").text()
    qtbot.keyClicks(window.unlock_screen.passphrase, DEMO_PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    settle(qtbot, ops)
    ws = window.workspace
    window.a_search.trigger()
    page = ws.caseload
    assert ws.stack.currentWidget() is page and page.search.hasFocus()
    settle(qtbot, ops)
    assert page.model.rowCount() == 60 and page.count.text() == "60 kandidaten"
    first = page.model.rows[0]
    qtbot.keyClicks(page.search, first.last_name)
    qtbot.waitUntil(lambda: page.model.rowCount() < 60, timeout=5000)
    settle(qtbot, ops)
    assert first.id in {r.id for r in page.model.rows}
    page.search.clear()
    settle(qtbot, ops)
    choose(page.status, "Geplaatst")
    settle(qtbot, ops)
    assert page.model.rows and all(r.status.label == "Geplaatst" for r in page.model.rows)
    page.view.selectRow(0)
    chosen = page.model.rows[0].full_name
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    settle(qtbot, ops)
    assert ws.stack.currentWidget() is ws.candidate_page
    assert ws.candidate_page.name.text() == chosen
