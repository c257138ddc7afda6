"""Issue 12's "Done when", through the real widgets only: one candidate through the whole
whitepaper journey (register to closed as duurzaam geplaatst, with an uitval and a
reactivation on the way), read back on the Monitor page and in the printed dossier; and
an arbeidsmarktcoach's day on Werkgevers (an employer, a contact, a vacancy, two
candidates proposed to it, one hired and placed, the other declined with who and why).

Only the vault itself is made through the services (as the first-run wizard would);
every step of the journey is keys and clicks. Results are read back through the models
the widgets show, the services (read only) and the saved PDF."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit

from spt_common.enums import ActivityOutcome, MatchStatus
from tests.ui.conftest import register_kim, settle, unlocked_window
from tests.ui.test_employers_day import cells, fill, open_tab, pick_row
from tests.ui.test_retention_ui import go_to, pick

LEFT = Qt.MouseButton.LeftButton


def dialog(window, name):  # type: ignore[no-untyped-def]
    """The open dialog called ``name`` (the newest, if there are more)."""
    found = [d for d in window.workspace.dialogs if d.objectName() == name]
    assert found, name
    return found[-1]


def has_dialog(window, name) -> bool:  # type: ignore[no-untyped-def]
    return any(d.objectName() == name for d in window.workspace.dialogs)


def click(qtbot, ops, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, LEFT)
    settle(qtbot, ops)


def ok(qtbot, ops, dlg) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, ops, dlg.buttons.button(QDialogButtonBox.StandardButton.Ok))


def error_at(dlg, name: str) -> str:  # type: ignore[no-untyped-def]
    label = dlg.findChild(QLabel, f"error_{name}")
    return label.text() if label is not None and label.isVisible() else ""


def saved(qtbot, ops, window, dlg, name: str) -> None:  # type: ignore[no-untyped-def]
    """OK on ``dlg``: it must save and close (no error left at any field)."""
    ok(qtbot, ops, dlg)
    if has_dialog(window, name):
        errors = {
            label.objectName(): label.text()
            for label in dlg.findChildren(QLabel)
            if label.objectName().startswith("error_") and label.isVisible()
        }
        raise AssertionError(f"{name} not saved: {errors}")


def choose(combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick the item that contains ``text`` (a coach's click in the list)."""
    index = combo.findText(text, Qt.MatchFlag.MatchContains)
    assert index >= 0, (text, [combo.itemText(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def select_row(qtbot, view, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())


def move_phase(qtbot, ops, page, phase: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    journey = page.journey
    page.tabs.setCurrentWidget(journey)
    choose(journey.phase, phase)
    qtbot.keyClicks(journey.reason, reason)
    qtbot.keyClick(journey.reason, Qt.Key.Key_Return)
    settle(qtbot, ops)
    assert phase in page.facts.text()


def match_through_to_hired(qtbot, ops, window, tab, employer: str, vacancy: str | None, klik: str):  # type: ignore[no-untyped-def]
    """From the dossier's matches tab: propose, kennismaking with its klik, aangenomen.
    The new match is the selected row after."""
    before = {m.id for m in tab.models["matches"].rows}
    click(qtbot, ops, tab.propose)
    propose = dialog(window, "proposeMatchDialog")
    choose(propose.employer_box, employer)
    settle(qtbot, ops)
    if vacancy is not None:
        choose(propose.vacancy_box, vacancy)
        settle(qtbot, ops)
    saved(qtbot, ops, window, propose, "proposeMatchDialog")
    rows = tab.models["matches"].rows
    [new_row] = [r for r, m in enumerate(rows) if m.id not in before]
    select_row(qtbot, tab.views["matches"], new_row)
    assert tab.selected().status is MatchStatus.PROPOSED

    click(qtbot, ops, tab.step)
    step = dialog(window, "matchStepDialog")
    choose(step.form.editors["status"], "Kennismaking")
    qtbot.keyClicks(step.form.editors["klik"], klik)
    saved(qtbot, ops, window, step, "matchStepDialog")
    assert (tab.selected().status, tab.selected().klik) == (MatchStatus.INTRODUCED, int(klik))
    click(qtbot, ops, tab.step)
    step = dialog(window, "matchStepDialog")
    assert step.form.editors["status"].currentText() == "Aangenomen"
    saved(qtbot, ops, window, step, "matchStepDialog")
    assert tab.selected().status is MatchStatus.HIRED


def place(qtbot, ops, window, tab, starts_on: str, job_title: str) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, ops, tab.place)
    placing = dialog(window, "placementDialog")
    fill(qtbot, placing, job_title=job_title, starts_on=starts_on)
    choose(placing.form.editors["contract"], "BBL")
    saved(qtbot, ops, window, placing, "placementDialog")
    assert tab.selected().status is MatchStatus.PLACED


def pdf_text(path) -> str:  # type: ignore[no-untyped-def]
    import re

    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(str(path)).pages))


def test_one_candidate_through_the_whole_whitepaper_journey(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    window, ops = unlocked_window(build_window, qtbot)
    ws = window.workspace
    svc = ops.session.services  # read back only

    # --- register
    window.a_new.trigger()
    settle(qtbot, ops)
    reg = dialog(window, "candidateDialog")
    fill(qtbot, reg, first_name="Fatima", last_name="el Amrani", birth_date="14-03-1988",
         municipality="Alkmaar")  # fmt: skip
    for name, label in (("referral_source", "UWV"), ("persona", "Met werk buiten de techniek"),
                        ("benefit_status", "Geen uitkering")):  # fmt: skip
        choose(reg.form.editors[name], label)
    fill(qtbot, reg, consent=True)
    saved(qtbot, ops, window, reg, "candidateDialog")
    page = ws.candidate_page
    assert ws.stack.currentWidget() is page and page.name.text() == "Fatima el Amrani"
    cid = page.dossier.candidate.id

    # --- intake
    background = page.profile.intake.findChild(QPlainTextEdit, "field_background")
    qtbot.keyClicks(background, "Tien jaar logistiek, wil de installatietechniek in.")
    click(qtbot, ops, page.profile.save_intake)
    assert page.dossier.intakes[0].background.startswith("Tien jaar")

    # --- plan: a goal, an action, agreed
    plan = page.plan
    page.tabs.setCurrentWidget(plan)
    qtbot.keyClicks(plan.goal, "Kennismaken met installatietechniek")
    qtbot.keyClick(plan.goal, Qt.Key.Key_Return)
    settle(qtbot, ops)
    qtbot.keyClicks(plan.action, "Techcourt bezoeken")
    qtbot.keyClicks(plan.owner, "Fatima")
    qtbot.keyClicks(plan.due, "15-12-2026")
    qtbot.keyClick(plan.action, Qt.Key.Key_Return)
    settle(qtbot, ops)
    click(qtbot, ops, plan.agree)
    assert "Afgesproken" in plan.status.text()

    # --- a Techcourt activity: planned, then how it went
    acts = page.activities
    page.tabs.setCurrentWidget(acts)
    click(qtbot, ops, acts.plan_button)
    act = dialog(window, "activityDialog")
    choose(act.form.editors["kind"], "Techcourt")
    qtbot.keyClicks(act.form.editors["held_on"], "27-11-2026")
    qtbot.keyClicks(act.form.editors["location"], "Techcourt Hoorn")
    saved(qtbot, ops, window, act, "activityDialog")
    select_row(qtbot, acts.views["activities"], 0)
    click(qtbot, ops, acts.outcome_button)
    act = dialog(window, "activityDialog")
    choose(act.form.editors["outcome"], "Positief")
    qtbot.keyClicks(act.form.editors["notes"], "Lassen ging goed")
    saved(qtbot, ops, window, act, "activityDialog")
    assert acts.models["activities"].rows[0].outcome is ActivityOutcome.POSITIVE

    # --- verdiepende oriëntatie
    move_phase(qtbot, ops, page, "Verdiepende oriëntatie", "Techcourt positief")

    # --- a training
    page.tabs.setCurrentWidget(acts)
    click(qtbot, ops, acts.training_button)
    tr = dialog(window, "trainingDialog")
    qtbot.keyClicks(tr.form.editors["provider"], "ROC Nova")
    qtbot.keyClicks(tr.form.editors["programme"], "Monteur W (BBL niveau 2)")
    qtbot.keyClick(tr.form.editors["certifiable"], Qt.Key.Key_Space)
    qtbot.keyClicks(tr.form.editors["starts_on"], "05-01-2027")
    qtbot.keyClicks(tr.form.editors["ends_on"], "01-07-2028")
    choose(tr.form.editors["funding"], "Scholingsvoucher")
    saved(qtbot, ops, window, tr, "trainingDialog")
    assert [t.provider for t in acts.models["trainings"].rows] == ["ROC Nova"]

    # --- matching
    move_phase(qtbot, ops, page, "Matching", "Klaar voor een werkgever")

    # --- Werkgevers: a new employer and its future need
    go_to(qtbot, ws, "Werkgevers")
    settle(qtbot, ops)
    emp_page = ws.employers
    click(qtbot, ops, emp_page.new_button)
    emp = emp_page.dialogs[-1]
    fill(qtbot, emp, name="Installatiebedrijf Zaanwarmte", sector="Installatietechniek",
         municipality="Zaanstad")  # fmt: skip
    ok(qtbot, ops, emp)
    assert emp not in emp_page.dialogs
    open_tab(qtbot, emp_page, 0)
    click(qtbot, ops, emp_page.add_need_button)
    need = emp_page.dialogs[-1]
    fill(qtbot, need, title="Monteur warmtepompen", expected_on="15-12-2026", positions=2)
    ok(qtbot, ops, need)
    assert cells(emp_page.vacancy_view, 1) == ["Toekomst"]

    # --- back to her dossier (Caseload, Enter): a match on the future need, klik 4
    go_to(qtbot, ws, "Caseload")
    settle(qtbot, ops)
    ws.caseload.view.setFocus()
    ws.caseload.view.setCurrentIndex(ws.caseload.view.model().index(0, 0))
    qtbot.keyClick(ws.caseload.view, Qt.Key.Key_Return)
    settle(qtbot, ops)
    page = ws.candidate_page
    matches = page.lists["matches"]
    page.tabs.setCurrentWidget(matches)
    match_through_to_hired(
        qtbot, ops, window, matches, "Zaanwarmte", "Monteur warmtepompen", "4"
    )  # fmt: skip
    place(qtbot, ops, window, matches, "15-10-2026", "Monteur warmtepompen")
    assert "Begeleiding en behoud" in page.facts.text()

    # --- a visit, logged (Ctrl+Enter) and signed off
    window.a_visit.trigger()
    settle(qtbot, ops)
    visit = dialog(window, "visitDialog")
    qtbot.keyClicks(visit.form.editors["topics"], "Eerste weken besproken met de ploegleider")
    qtbot.keyClick(visit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, ops)
    assert not has_dialog(window, "visitDialog")
    visits = page.visits
    page.tabs.setCurrentWidget(visits)
    select_row(qtbot, visits.views["visits"], 0)
    click(qtbot, ops, visits.sign_button)
    click(qtbot, ops, visits.question.findChild(type(visits.sign_button), "signOffQuestionYes"))
    assert visits.models["visits"].rows[0].signed_off_at is not None

    # --- Vandaag: the 1-month checkpoint is due; "niet meer in dienst", then the uitval
    go_to(qtbot, ws, "Vandaag")
    settle(qtbot, ops)
    today = ws.today
    tree = today.tree
    items = [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ] + [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    for item in items:
        tree.setCurrentItem(item)
        if today.current() is not None and today.current().kind == "checkpoint":
            break
    assert today.current().kind == "checkpoint"
    assert today.current().candidate_name == "Fatima el Amrani"
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    settle(qtbot, ops)
    point = dialog(window, "checkpointDialog")
    pick(qtbot, point.form.editors["in_service"], "Niet meer in dienst")
    fill(qtbot, point, done_on="28-11-2026")
    qtbot.keyClicks(point.form.editors["note"], "Uit dienst na een conflict met de ploegleider")
    saved(qtbot, ops, window, point, "checkpointDialog")
    dropout = dialog(window, "dropoutDialog")
    pick(qtbot, dropout.form.editors["reason"], "Te weinig praktijkopleiders")
    qtbot.keyClicks(dropout.form.editors["explanation"], "Geen praktijkopleider op de ploeg")
    saved(qtbot, ops, window, dropout, "dropoutDialog")

    # --- reactivated (from the dossier), into Matching
    go_to(qtbot, ws, "Caseload")
    settle(qtbot, ops)
    ws.caseload.view.setFocus()
    ws.caseload.view.setCurrentIndex(ws.caseload.view.model().index(0, 0))
    qtbot.keyClick(ws.caseload.view, Qt.Key.Key_Return)
    settle(qtbot, ops)
    page = ws.candidate_page
    journey = page.journey
    page.tabs.setCurrentWidget(journey)
    assert journey.state.text().startswith("Uitgevallen op 28-11-2026")
    click(qtbot, ops, journey.reactivate_button)
    again = dialog(window, "reactivateDialog")
    pick(qtbot, again.form.editors["phase"], "Matching")
    qtbot.keyClicks(again.form.editors["reason"], "Wil verder in de techniek")
    saved(qtbot, ops, window, again, "reactivateDialog")
    assert "Matching" in page.facts.text() and "Actief" in page.facts.text()

    # --- placed again: a new match at the same employer, then closed as duurzaam
    matches = page.lists["matches"]
    page.tabs.setCurrentWidget(matches)
    match_through_to_hired(qtbot, ops, window, matches, "Zaanwarmte", None, "5")
    place(qtbot, ops, window, matches, "30-11-2026", "Servicemonteur")
    assert matches.models["placements"].rowCount() == 2
    page.tabs.setCurrentWidget(journey)
    click(qtbot, ops, journey.close_button)
    closing = dialog(window, "closureDialog")
    assert closing.form.editors["closing_outcome"].currentText() == "Duurzaam geplaatst"
    fill(qtbot, closing, closed_on="30-11-2026")
    saved(qtbot, ops, window, closing, "closureDialog")
    assert journey.state.text() == "Dossier afgesloten op 30-11-2026: Duurzaam geplaatst."

    # --- read back: everything on record
    d = svc.dossier(cid)
    assert sorted((m.klik, m.status) for m in d.matches) == [
        (4, MatchStatus.PLACED),
        (5, MatchStatus.PLACED),
    ]
    assert len(d.placements) == 2

    # --- the Monitor page: her uitval (leak, phase) and her duurzame plaatsing
    go_to(qtbot, ws, "Monitor")
    monitor = ws.monitor
    qtbot.waitUntil(lambda: monitor.report is not None, timeout=20000)
    settle(qtbot, ops)
    uitval = monitor.figures["dropouts"].shown_rows()
    [leak] = [r for r in uitval[1:] if r[1] == "Te weinig praktijkopleiders"]
    assert leak[uitval[0].index("Begeleiding en behoud")] == "1" and leak[-1] == "1"
    behoud = monitor.figures["retention"].shown_rows()
    # Her two placements; the first ended within 3 months (measured, not retained); her
    # closing as duurzaam geplaatst.
    figures = dict(zip(behoud[0], behoud[1], strict=True))
    assert {k: figures[k] for k in ("Geplaatst", "Gemeten 3 mnd", "Behouden 3 mnd")} == {
        "Geplaatst": "2",
        "Gemeten 3 mnd": "1",
        "Behouden 3 mnd": "0",
    }
    assert figures["Afgesloten: duurzaam geplaatst"] == "1" and len(behoud) == 2

    # --- the dossier PDF, saved through the dossier's print menu
    go_to(qtbot, ws, "Caseload")
    settle(qtbot, ops)
    ws.caseload.view.setFocus()
    ws.caseload.view.setCurrentIndex(ws.caseload.view.model().index(0, 0))
    qtbot.keyClick(ws.caseload.view, Qt.Key.Key_Return)
    settle(qtbot, ops)
    page = ws.candidate_page
    target = tmp_path / "dossier.pdf"
    page.printing.choose_path = lambda *_: str(target)
    page.print_actions["dossier_save"].trigger()
    settle(qtbot, ops)
    text = pdf_text(target)
    for expected in (
        "Fatima el Amrani",
        "Techcourt",  # the activity
        "Techcourt Hoorn",
        "Lassen ging goed",
        "Monteur W (BBL niveau 2)",  # the training
        "ROC Nova",
        "Certificeerbare eenheden",
        "Verdiepende oriëntatie",
        "4 van 5",  # the match with its klik
        "5 van 5",
        "Monteur warmtepompen",  # both placements
        "Servicemonteur",
        "Eerste weken besproken met de ploegleider",  # the visit
        "Afgetekend.",
        "Uit dienst na een conflict met de ploegleider",  # the checkpoint's note
        "Te weinig praktijkopleiders",  # the uitval and its leak
        "Geen praktijkopleider op de ploeg",
        "Opnieuw aangemeld: Wil verder in de techniek",  # the reactivation
        "Dossier afgesloten op 30 november 2026: Duurzaam geplaatst.",  # the closing
    ):
        assert expected in text, expected


def open_dossier_of(qtbot, ops, ws, name: str):  # type: ignore[no-untyped-def]
    """The dossier of ``name``, found with the Caseload search and opened with Enter."""
    go_to(qtbot, ws, "Caseload")
    settle(qtbot, ops)
    ws.caseload.search.clear()
    qtbot.keyClicks(ws.caseload.search, name)
    settle(qtbot, ops)
    assert [r.full_name for r in ws.caseload.model.rows] == [name]
    qtbot.keyClick(ws.caseload.search, Qt.Key.Key_Return)
    settle(qtbot, ops)
    page = ws.candidate_page
    assert page.name.text() == name
    return page


def test_an_arbeidsmarktcoachs_day(build_window, qtbot):  # type: ignore[no-untyped-def]
    def two_candidates(ops):  # type: ignore[no-untyped-def]
        register_kim(ops)
        register_kim(ops, first_name="Ruud", last_name="Jansen")

    window, ops = unlocked_window(build_window, qtbot, before=two_candidates)
    ws = window.workspace
    svc = ops.session.services  # read back only

    # --- an employer, a contact logged, a vacancy
    go_to(qtbot, ws, "Werkgevers")
    settle(qtbot, ops)
    page = ws.employers
    click(qtbot, ops, page.new_button)
    emp = page.dialogs[-1]
    fill(qtbot, emp, name="Metaalwerk Spaarne", sector="Metaal", municipality="Haarlem")
    ok(qtbot, ops, emp)
    assert emp not in page.dialogs and cells(page.view, 0) == ["Metaalwerk Spaarne"]
    open_tab(qtbot, page, 1)
    click(qtbot, ops, page.log_button)
    log = page.dialogs[-1]
    assert log.objectName() == "employerContactDialog"
    fill(qtbot, log, kind="Telefoon", agreements="Zoekt twee lassers; kandidaten voorstellen.")
    ok(qtbot, ops, log)
    assert log not in page.dialogs and cells(page.log_view, 1) == ["Telefoon"]
    open_tab(qtbot, page, 0)
    click(qtbot, ops, page.add_vacancy_button)
    vac = page.dialogs[-1]
    fill(qtbot, vac, title="Lasser MIG/MAG", positions=2, hours_per_week=38)
    ok(qtbot, ops, vac)
    assert vac not in page.dialogs and cells(page.vacancy_view, 0) == ["Lasser MIG/MAG"]

    # --- two candidates proposed to the vacancy, from Werkgevers
    for name in ("Kim de Vries", "Ruud Jansen"):
        pick_row(qtbot, page.vacancy_view, "Lasser MIG/MAG")
        click(qtbot, ops, page.propose_button)
        propose = dialog(window, "proposeMatchDialog")
        assert propose.vacancy_box.currentText() == "Lasser MIG/MAG"
        assert propose.employer_box.currentText() == "Metaalwerk Spaarne (Haarlem)"
        choose(propose.candidate_box, name)
        settle(qtbot, ops)
        saved(qtbot, ops, window, propose, "proposeMatchDialog")
    [vacancy] = page.vacancies.rows
    assert vacancy.title == "Lasser MIG/MAG"

    # --- Kim: kennismaking, aangenomen, placed (from her dossier's matches tab)
    kim = open_dossier_of(qtbot, ops, ws, "Kim de Vries")
    kim_id = kim.dossier.candidate.id
    tab = kim.lists["matches"]
    kim.tabs.setCurrentWidget(tab)
    [m] = tab.models["matches"].rows
    assert (m.vacancy_id, m.status) == (vacancy.id, MatchStatus.PROPOSED)
    select_row(qtbot, tab.views["matches"], 0)
    click(qtbot, ops, tab.step)
    step = dialog(window, "matchStepDialog")
    choose(step.form.editors["status"], "Kennismaking")
    qtbot.keyClicks(step.form.editors["klik"], "4")
    saved(qtbot, ops, window, step, "matchStepDialog")
    click(qtbot, ops, tab.step)
    step = dialog(window, "matchStepDialog")
    assert step.form.editors["status"].currentText() == "Aangenomen"
    saved(qtbot, ops, window, step, "matchStepDialog")
    place(qtbot, ops, window, tab, "04-01-2027", "Lasser MIG/MAG")
    assert tab.models["placements"].rowCount() == 1
    assert "Begeleiding en behoud" in kim.facts.text()

    # --- Ruud: declined, by whom and why (both asked at the field first)
    ruud = open_dossier_of(qtbot, ops, ws, "Ruud Jansen")
    ruud_id = ruud.dossier.candidate.id
    tab = ruud.lists["matches"]
    ruud.tabs.setCurrentWidget(tab)
    select_row(qtbot, tab.views["matches"], 0)
    click(qtbot, ops, tab.step)
    step = dialog(window, "matchStepDialog")
    choose(step.form.editors["status"], "Afgewezen")
    assert step.form.editors["by"].isEnabled() and step.form.editors["reason"].isEnabled()
    choose(step.form.editors["by"], "Werkgever")
    qtbot.keyClicks(step.form.editors["reason"], "Geen lascertificaat")
    saved(qtbot, ops, window, step, "matchStepDialog")
    [declined] = tab.models["matches"].rows
    assert declined.status is MatchStatus.DECLINED
    assert (declined.declined_by.label, declined.declined_reason) == (
        "Werkgever",
        "Geen lascertificaat",
    )
    assert tab.models["placements"].rowCount() == 0

    # On record: two proposed to the vacancy, one placed, one declined.
    by_candidate = {
        name: [(m.vacancy_id, m.status) for m in svc.matching.for_candidate(cid)]
        for name, cid in (("Kim de Vries", kim_id), ("Ruud Jansen", ruud_id))
    }
    assert by_candidate == {
        "Kim de Vries": [(vacancy.id, MatchStatus.PLACED)],
        "Ruud Jansen": [(vacancy.id, MatchStatus.DECLINED)],
    }
