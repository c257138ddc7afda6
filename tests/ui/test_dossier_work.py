"""The dossier's working tabs through the real widgets (issue 12 §4, issue 14 §5): an
activity planned and its outcome recorded; a training with a refused fund and a wrong
end date, each at its field; a gespreksverslag found through the Caseload search; a
visit edited, signed off, then refused an edit and given an aanvulling; goals and
actions of the plan edited, cancelled and taken out, and an action that asks its goal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit

from spt_common.enums import ActionStatus, ActivityOutcome
from tests.ui.conftest import register_kim, settle, unlocked_window


def dossier(build_window, qtbot):  # type: ignore[no-untyped-def]
    """Kim de Vries's dossier, opened from the Caseload search as a coach does."""

    def fill(ops):  # type: ignore[no-untyped-def]
        register_kim(ops)
        register_kim(ops, first_name="Ruud", last_name="Jansen")

    window, ops = unlocked_window(build_window, qtbot, before=fill)
    ws = window.workspace
    ws.show_page("caseload")
    qtbot.keyClicks(ws.caseload.search, "Kim de Vries")
    settle(qtbot, ops)
    qtbot.keyClick(ws.caseload.search, Qt.Key.Key_Return)
    settle(qtbot, ops)
    page = ws.candidate_page
    assert page.name.text() == "Kim de Vries"
    return window, ops, page


def dialog(window, name):  # type: ignore[no-untyped-def]
    return next(d for d in window.workspace.dialogs if d.objectName() == name)


def has_dialog(window, name) -> bool:  # type: ignore[no-untyped-def]
    return any(d.objectName() == name for d in window.workspace.dialogs)


def type_in(qtbot, dlg, name, text) -> None:  # type: ignore[no-untyped-def]
    editor = dlg.form.editors[name]
    if isinstance(editor, QLineEdit | QPlainTextEdit):
        editor.clear() if isinstance(editor, QLineEdit) else editor.setPlainText("")
    qtbot.keyClicks(editor, text)


def choose(combo, text) -> None:  # type: ignore[no-untyped-def]
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def ok(qtbot, ops, dlg) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    settle(qtbot, ops)


def click(qtbot, ops, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)


def select_row(qtbot, view, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_techcourt_activity_is_planned_and_its_outcome_recorded(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops, page = dossier(build_window, qtbot)
    tab = page.activities
    page.tabs.setCurrentWidget(tab)
    click(qtbot, ops, tab.plan_button)
    dlg = dialog(window, "activityDialog")
    choose(dlg.form.editors["kind"], "Techcourt")
    qtbot.keyClicks(dlg.form.editors["held_on"], "10-12-2026")
    qtbot.keyClicks(dlg.form.editors["location"], "Techcourt Hoorn")
    assert dlg.form.editors["outcome"].currentText() == "Gepland"
    ok(qtbot, ops, dlg)
    assert not has_dialog(window, "activityDialog")
    rows = tab.models["activities"].rows
    assert [(a.kind.label, a.location, a.outcome) for a in rows] == [
        ("Techcourt", "Techcourt Hoorn", ActivityOutcome.PLANNED)
    ]

    # How it went, by keyboard from the table: Enter on the row opens the outcome.
    select_row(qtbot, tab.views["activities"], 0)
    click(qtbot, ops, tab.outcome_button)
    dlg = dialog(window, "activityDialog")
    assert dlg.form.editors["outcome"].hasFocus() or dlg.isVisible()
    choose(dlg.form.editors["outcome"], "Positief")
    qtbot.keyClicks(dlg.form.editors["notes"], "Lassen ging goed, wil verder in de metaal")
    ok(qtbot, ops, dlg)
    # Not held yet (10 december, today is 30 november): refused at the field, not saved.
    assert "nog niet geweest" in dlg.field_error("outcome")
    assert tab.models["activities"].rows[0].outcome == ActivityOutcome.PLANNED
    type_in(qtbot, dlg, "held_on", "27-11-2026")
    ok(qtbot, ops, dlg)
    assert not has_dialog(window, "activityDialog")
    held = tab.models["activities"].rows[0]
    assert (held.outcome, held.notes) == (
        ActivityOutcome.POSITIVE,
        "Lassen ging goed, wil verder in de metaal",
    )

    # A second one is cancelled: kept, as geannuleerd.
    click(qtbot, ops, tab.plan_button)
    dlg = dialog(window, "activityDialog")
    choose(dlg.form.editors["kind"], "Bedrijfsbezoek")
    qtbot.keyClicks(dlg.form.editors["held_on"], "04-12-2026")
    ok(qtbot, ops, dlg)
    select_row(qtbot, tab.views["activities"], 1)
    click(qtbot, ops, tab.cancel_button)
    box = tab.question
    assert box is not None and "Bedrijfsbezoek" in box.text()
    click(qtbot, ops, box.findChild(type(tab.cancel_button), "cancelActivityQuestionYes"))
    outcomes = [a.outcome for a in tab.models["activities"].rows]
    assert outcomes == [ActivityOutcome.POSITIVE, ActivityOutcome.CANCELLED]


def test_a_training_refuses_a_fund_for_someone_not_in_work_at_the_field(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops, page = dossier(build_window, qtbot)
    tab = page.activities
    page.tabs.setCurrentWidget(tab)
    click(qtbot, ops, tab.training_button)
    dlg = dialog(window, "trainingDialog")
    qtbot.keyClicks(dlg.form.editors["provider"], "ROC Nova")
    qtbot.keyClicks(dlg.form.editors["programme"], "Monteur W (BBL niveau 2)")
    qtbot.keyClick(dlg.form.editors["publicly_funded"], Qt.Key.Key_Space)
    qtbot.keyClick(dlg.form.editors["certifiable"], Qt.Key.Key_Space)
    qtbot.keyClicks(dlg.form.editors["starts_on"], "05-01-2027")
    qtbot.keyClicks(dlg.form.editors["ends_on"], "01-12-2026")
    choose(dlg.form.editors["funding"], "Opleidingsfonds")
    choose(dlg.form.editors["fund"], "OOM")
    ok(qtbot, ops, dlg)
    assert dlg.field_error("ends_on") == "de einddatum ligt voor de begindatum"
    type_in(qtbot, dlg, "ends_on", "01-07-2028")
    ok(qtbot, ops, dlg)
    # The whitepaper's rule: fund money only for someone in work. At the field, in Dutch.
    message = dlg.field_error("funding")
    assert "alleen voor wie werkt" in message and "niet geplaatst" in message
    assert dlg.form.editors["funding"].hasFocus()
    assert tab.models["trainings"].rows == []  # nothing saved
    choose(dlg.form.editors["funding"], "Scholingsvoucher")
    choose(dlg.form.editors["fund"], "—")
    ok(qtbot, ops, dlg)
    assert not has_dialog(window, "trainingDialog")
    (t,) = tab.models["trainings"].rows
    assert (t.provider, t.publicly_funded, t.certifiable, t.funding.label) == (
        "ROC Nova",
        True,
        True,
        "Scholingsvoucher",
    )


def test_a_note_is_added_read_in_date_order_and_found_by_the_caseload_search(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops, page = dossier(build_window, qtbot)
    tab = page.notes
    page.tabs.setCurrentWidget(tab)
    for when, text in (
        ("20-11-2026 10:00", "Tweede gesprek: wil naar de Techniektuin"),
        ("02-11-2026 14:30", "Eerste gesprek: vogelaar, noemt de kwartelkoning als hobby"),
    ):
        click(qtbot, ops, tab.add)
        dlg = dialog(window, "noteDialog")
        type_in(qtbot, dlg, "written_at", when)
        qtbot.keyClicks(dlg.form.editors["text"], text)
        ok(qtbot, ops, dlg)
        assert not has_dialog(window, "noteDialog")
    view = tab.views["notes"]
    shown = [view.model().index(r, 3).data() for r in range(view.model().rowCount())]
    assert [s.split(":")[0] for s in shown] == ["Eerste gesprek", "Tweede gesprek"]
    select_row(qtbot, view, 0)
    assert "kwartelkoning" in tab.reader.toPlainText()
    qtbot.keyClicks(tab.filter, "techniektuin")
    assert view.model().rowCount() == 1

    # The Caseload search box finds Kim by a word of the new note, and only her.
    qtbot.mouseClick(page.findChild(type(tab.add), "backButton"), Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    caseload = window.workspace.caseload
    caseload.search.clear()
    settle(qtbot, ops)
    assert caseload.model.rowCount() == 2
    qtbot.keyClicks(caseload.search, "kwartelkoning")
    settle(qtbot, ops)
    assert [r.full_name for r in caseload.model.rows] == ["Kim de Vries"]


def test_a_signed_off_visit_refuses_an_edit_and_takes_an_aanvulling(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops, page = dossier(build_window, qtbot)
    tab = page.visits
    page.tabs.setCurrentWidget(tab)
    click(qtbot, ops, page.findChild(type(tab.edit_button), "visitsNew"))
    dlg = dialog(window, "visitDialog")
    qtbot.keyClicks(dlg.form.editors["topics"], "Eerste week")
    ok(qtbot, ops, dlg)
    select_row(qtbot, tab.views["visits"], 0)
    assert tab.sign_button.isEnabled() and not tab.amend_button.isEnabled()

    # Unsigned: edited in place.
    click(qtbot, ops, tab.edit_button)
    dlg = dialog(window, "visitEditDialog")
    assert dlg.form.editors["topics"].toPlainText() == "Eerste week"
    qtbot.keyClicks(dlg.form.editors["topics"], ", goed begonnen")
    ok(qtbot, ops, dlg)
    assert not has_dialog(window, "visitEditDialog")
    assert tab.models["visits"].rows[0].topics == "Eerste week, goed begonnen"

    # Signed off (after a question), then append-only.
    click(qtbot, ops, tab.sign_button)
    box = tab.question
    assert box is not None and box.objectName() == "signOffQuestion"
    click(qtbot, ops, box.findChild(type(tab.sign_button), "signOffQuestionYes"))
    assert tab.models["visits"].rows[0].signed_off_at is not None
    assert "Afgetekend op" in tab.report.toPlainText()
    assert not tab.sign_button.isEnabled() and tab.amend_button.isEnabled()

    click(qtbot, ops, tab.edit_button)
    assert not has_dialog(window, "visitEditDialog")  # no edit: the tab says why
    box = tab.question
    assert box is not None and "niet meer gewijzigd" in box.text()
    click(qtbot, ops, box.findChild(type(tab.sign_button), "signedVisitQuestionYes"))
    dlg = dialog(window, "amendDialog")
    qtbot.keyClicks(dlg.form.editors["text"], "Werkgever belde: BHV-cursus ingepland")
    ok(qtbot, ops, dlg)
    assert not has_dialog(window, "amendDialog")
    assert tab.models["visits"].rows[0].topics == "Eerste week, goed begonnen"
    assert "Aanvulling van" in tab.report.toPlainText()
    assert "BHV-cursus" in tab.report.toPlainText()
    assert "+1 aanv." in tab.views["visits"].model().index(0, 6).data()


def test_goals_and_actions_are_edited_cancelled_and_removed(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops, page = dossier(build_window, qtbot)
    plan = page.plan
    page.tabs.setCurrentWidget(plan)
    for goal in ("Kennismaken met installatietechniek", "Taal naar B1"):
        qtbot.keyClicks(plan.goal, goal)
        qtbot.keyClick(plan.goal, Qt.Key.Key_Return)
        settle(qtbot, ops)
    plan.tree.setCurrentItem(None)
    plan.tree.clearSelection()

    # No goal chosen and two goals: the tab asks which, it does not pick the last one.
    qtbot.keyClicks(plan.action, "Techcourt Hoorn bezoeken")
    qtbot.keyClicks(plan.owner, "Kim")
    qtbot.keyClick(plan.action, Qt.Key.Key_Return)
    settle(qtbot, ops)
    ask = plan.goal_question
    assert ask is not None and ask.comboBoxItems() == [
        "Kennismaken met installatietechniek",
        "Taal naar B1",
    ]
    ask.setTextValue("Kennismaken met installatietechniek")
    ask.accept()
    settle(qtbot, ops)
    first = plan.tree.topLevelItem(0)
    assert first.childCount() == 1 and first.child(0).text(0) == "Techcourt Hoorn bezoeken"
    assert plan.tree.topLevelItem(1).childCount() == 0

    # Edit the goal (F2 on the tree) and the action.
    plan.tree.setCurrentItem(plan.tree.topLevelItem(1))
    plan.tree.setFocus()
    qtbot.keyClick(plan.tree, Qt.Key.Key_F2)
    dlg = dialog(window, "goalDialog")
    type_in(qtbot, dlg, "description", "Taalniveau naar B2")
    ok(qtbot, ops, dlg)
    assert plan.tree.topLevelItem(1).text(0) == "Taalniveau naar B2"
    plan.tree.setCurrentItem(plan.tree.topLevelItem(0).child(0))
    click(qtbot, ops, plan.edit)
    dlg = dialog(window, "actionDialog")
    type_in(qtbot, dlg, "owner", "")
    ok(qtbot, ops, dlg)
    assert dlg.field_error("owner") == "verplicht veld"
    qtbot.keyClicks(dlg.form.editors["owner"], "coach Sanne")
    type_in(qtbot, dlg, "due_on", "18-12-2026")
    ok(qtbot, ops, dlg)
    action = plan.tree.topLevelItem(0).child(0)
    assert (action.text(1), action.text(2)) == ("coach Sanne", "18-12-2026")

    # Cancel the action (vervalt: stays visible), then agree the plan.
    plan.tree.setCurrentItem(action)
    click(qtbot, ops, plan.drop)
    assert plan.tree.topLevelItem(0).child(0).text(3) == ActionStatus.CANCELLED.label
    click(qtbot, ops, plan.agree)
    assert "Afgesproken" in plan.status.text()

    # Taking a goal out of the agreed plan makes version 2; version 1 stays as agreed.
    plan.tree.setCurrentItem(plan.tree.topLevelItem(1))
    click(qtbot, ops, plan.remove)
    box = plan.question
    assert box is not None and "Taalniveau naar B2" in box.text()
    click(qtbot, ops, box.findChild(type(plan.remove), "removeQuestionYes"))
    assert plan.tree.topLevelItemCount() == 1
    assert plan.status.text().startswith("Versie 2")
    versions = page.dossier.plan_versions
    assert [len(v.goals) for v in versions] == [2, 1]

    # The summary is edited too.
    qtbot.keyClicks(plan.summary, "Eerst kennismaken, dan taal")
    click(qtbot, ops, plan.save_summary)
    assert page.dossier.plan.summary == "Eerst kennismaken, dan taal"


def test_the_working_tabs_and_their_dialogs_name_every_control(build_window, qtbot):  # type: ignore[no-untyped-def]
    """A screen reader says a name for every control a keyboard reaches (the walk of
    tests/ui/test_accessibility.py), on the four tabs and in their dialogs."""
    from tests.ui.test_accessibility import unnamed

    window, ops, page = dossier(build_window, qtbot)
    page.tabs.setCurrentWidget(page.plan)
    qtbot.keyClicks(page.plan.goal, "Een doel")
    qtbot.keyClick(page.plan.goal, Qt.Key.Key_Return)
    settle(qtbot, ops)
    missing: dict[str, list[str]] = {}
    for tab in (page.activities, page.notes, page.visits, page.plan):
        page.tabs.setCurrentWidget(tab)
        settle(qtbot, ops)
        missing[type(tab).__name__] = unnamed(page)
    page.plan.tree.setCurrentItem(page.plan.tree.topLevelItem(0))
    for tab, button, name in (
        (page.activities, page.activities.plan_button, "activityDialog"),
        (page.activities, page.activities.training_button, "trainingDialog"),
        (page.notes, page.notes.add, "noteDialog"),
        (page.plan, page.plan.edit, "goalDialog"),
    ):
        page.tabs.setCurrentWidget(tab)
        click(qtbot, ops, button)
        dlg = dialog(window, name)
        missing[name] = unnamed(dlg)
        dlg.reject()
        settle(qtbot, ops)
        assert not has_dialog(window, name)  # nothing typed: closes without a question
    assert not {k: v for k, v in missing.items() if v}


def test_an_unsaved_training_and_amendment_come_back_after_a_lock(build_window, qtbot):  # type: ignore[no-untyped-def]
    """The dossier's dialogs keep an encrypted draft like the others: lock with them open
    and half typed; after unlocking they are open again, with what was typed."""
    from tests.conftest import PASSPHRASE

    window, ops, page = dossier(build_window, qtbot)
    page.tabs.setCurrentWidget(page.activities)
    click(qtbot, ops, page.activities.training_button)
    qtbot.keyClicks(dialog(window, "trainingDialog").form.editors["provider"], "Halve opleider")
    page.tabs.setCurrentWidget(page.plan)
    qtbot.keyClicks(page.plan.goal, "Een doel")
    qtbot.keyClick(page.plan.goal, Qt.Key.Key_Return)
    settle(qtbot, ops)
    page.plan.tree.setCurrentItem(page.plan.tree.topLevelItem(0))
    click(qtbot, ops, page.plan.edit)
    type_in(qtbot, dialog(window, "goalDialog"), "description", "Half herschreven doel")
    window.a_lock.trigger()
    settle(qtbot, ops)
    assert window.workspace is None
    qtbot.keyClicks(window.unlock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    settle(qtbot, ops)
    training = dialog(window, "trainingDialog")
    assert training.form.editors["provider"].text() == "Halve opleider"
    goal = dialog(window, "goalDialog")
    assert goal.form.editors["description"].toPlainText() == "Half herschreven doel"
    for d in (training, goal):
        d.reject = d.done  # type: ignore[method-assign]  # skip the confirm box
