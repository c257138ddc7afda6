"""The arbeidsmarktcoach's day on Werkgevers, through the real widgets only (issue 12 §1):
a new employer (a twin in the same gemeente is caught first), a contact person, a
contact logged with a follow-up, a vacancy and a future need, the vacancy filled and
another closed, a contact person who left; then the list's search and filters, with
nothing of the previous employer left on screen when nothing matches, and no column cut
off at 1366×768. Bad input is refused at the field, in Dutch, and saves nothing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from tests.ui.conftest import TODAY, settle, unlock_again, unlocked_window

LEFT = Qt.MouseButton.LeftButton


def click(qtbot, widget: QWidget, pos: QPoint | None = None) -> None:  # type: ignore[no-untyped-def]
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, LEFT, pos=pos) if pos is not None else qtbot.mouseClick(widget, LEFT)


def ok(qtbot, ops, dialog) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    settle(qtbot, ops)


def fill(qtbot, dialog, **values) -> None:  # type: ignore[no-untyped-def]
    """Type into the dialog's fields as a coach does: text typed, choices picked by their
    label, numbers typed over what is there, boxes clicked."""
    for name, value in values.items():
        editor = dialog.form.editors[name]
        editor.setFocus()
        if isinstance(editor, QComboBox):
            index = editor.findText(value)
            assert index >= 0, (name, value)
            editor.setCurrentIndex(index)
        elif isinstance(editor, QCheckBox):
            if editor.isChecked() != value:
                qtbot.keyClick(editor, Qt.Key.Key_Space)
        elif isinstance(editor, QAbstractSpinBox):
            editor.selectAll()
            qtbot.keyClicks(editor, str(value))
        elif isinstance(editor, QLineEdit):
            editor.selectAll()
            qtbot.keyClick(editor, Qt.Key.Key_Delete)
            qtbot.keyClicks(editor, value)
        elif isinstance(editor, QPlainTextEdit):
            qtbot.keyClicks(editor, value)


def error(dialog, name: str) -> str:  # type: ignore[no-untyped-def]
    label = dialog.findChild(QLabel, f"error_{name}")
    return label.text() if label.isVisible() else ""


def pick_row(qtbot, view: QTableView, text: str, column: int = 0) -> None:  # type: ignore[no-untyped-def]
    model = view.model()
    for r in range(model.rowCount()):
        index = model.index(r, column)
        if index.data() == text:
            click(qtbot, view.viewport(), view.visualRect(index).center())
            return
    raise AssertionError(f"no row {text!r}")


def cells(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.AltModifier) -> None:  # type: ignore[no-untyped-def]
    """A key as the coach presses it, to the focus widget of the active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def open_tab(qtbot, page, index: int) -> None:  # type: ignore[no-untyped-def]
    bar = page.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(index).center())
    assert page.tabs.currentIndex() == index


def test_arbeidsmarktcoach_day_on_werkgevers(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = unlocked_window(build_window, qtbot)
    window.resize(1366, 768)
    ws = window.workspace
    press(qtbot, window, Qt.Key.Key_3)  # Alt+3: Werkgevers
    settle(qtbot, ops)
    page = ws.employers
    assert ws.stack.currentWidget() is page
    assert page.employers.rowCount() == 0 and not page.edit_button.isEnabled()

    # --- a new employer, by keyboard: Alt+N opens the form; a required field is named
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: bool(page.dialogs))  # a mnemonic clicks after a short flash
    dialog = page.dialogs[-1]
    assert dialog.objectName() == "employerDialog" and dialog.isVisible()
    assert dialog.form.editors["name"].accessibleName() == "Naam"
    ok(qtbot, ops, dialog)
    assert error(dialog, "name") == "verplicht veld"
    assert error(dialog, "municipality") == "verplicht veld"
    assert page.employers.rowCount() == 0
    fill(
        qtbot,
        dialog,
        name="Installatiebedrijf Zaanwarmte",
        sector="Installatietechniek",
        municipality="Zaanstad",
        address="Industrieweg 12",
        branch="Techniek Nederland",
        training_fund="Wij Techniek",
        praktijkopleiders=2,
        middenkader=1,
        guidance_notes="Vaste praktijkopleider per zij-instromer.",
        transition_readiness="Open: ruimte voor instromers met begeleiding",
        transition_notes="Wil taalondersteuning op de werkvloer proberen.",
    )
    ok(qtbot, ops, dialog)
    assert dialog not in page.dialogs  # saved and closed
    assert cells(page.view, 0) == ["Installatiebedrijf Zaanwarmte"]
    assert "Installatiebedrijf Zaanwarmte" in page.heading.text()
    facts = page.facts.text()
    assert "Techniek Nederland" in facts and "Wij Techniek" in facts
    assert "Open: ruimte voor instromers met begeleiding" in facts
    assert "2 praktijkopleider(s), 1 middenkader" in page.guidance.text()

    # --- the same name in the same gemeente: a warning at the field, nothing saved ...
    click(qtbot, page.new_button)
    twin = page.dialogs[-1]
    fill(
        qtbot,
        twin,
        name="installatiebedrijf zaanwarmte",
        sector="Installatietechniek",
        municipality="Zaanstad",
    )
    ok(qtbot, ops, twin)
    assert "Er staat al een werkgever" in error(twin, "name")
    save = twin.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert save.text() == "Toch opslaan"
    assert page.employers.rowCount() == 1
    # ... another name is another employer: the confirmation is gone with the twin
    fill(qtbot, twin, name="Zaanwarmte Service")
    assert save.text() == "Opslaan"
    ok(qtbot, ops, twin)
    assert sorted(cells(page.view, 0)) == ["Installatiebedrijf Zaanwarmte", "Zaanwarmte Service"]

    pick_row(qtbot, page.view, "Installatiebedrijf Zaanwarmte")
    settle(qtbot, ops)

    # --- a contact person
    open_tab(qtbot, page, 2)
    click(qtbot, page.add_person_button)
    person = page.dialogs[-1]
    fill(qtbot, person, name="Anna de Boer", function="HR-adviseur", email="geen-adres")
    ok(qtbot, ops, person)
    assert "e-mailadres" in error(person, "email")
    fill(qtbot, person, email="a.deboer@zaanwarmte.example", phone="075 1234567")
    ok(qtbot, ops, person)
    assert cells(page.contact_view, 0) == ["Anna de Boer"]

    # --- a contact logged, with a follow-up (a follow-up before the contact is refused)
    open_tab(qtbot, page, 1)
    click(qtbot, page.log_button)
    settle(qtbot, ops)
    log = page.dialogs[-1]
    assert log.objectName() == "employerContactDialog"
    assert log.form.raw()["held_on"] == TODAY.strftime("%d-%m-%Y")  # today by default
    fill(
        qtbot,
        log,
        held_on="23-11-2026",
        kind="Bezoek",
        contact_person_id="Anna de Boer",
        agreements="Werkplaats bekeken; twee kandidaten voorstellen.",
        follow_up_on="20-11-2026",
    )
    ok(qtbot, ops, log)
    assert "vóór" in error(log, "follow_up_on")
    assert page.log.rowCount() == 0
    fill(qtbot, log, follow_up_on="30-11-2026")
    ok(qtbot, ops, log)
    assert cells(page.log_view, 1) == ["Bezoek"]
    assert cells(page.log_view, 2) == ["Anna de Boer"]
    assert cells(page.log_view, 4) == ["30-11-2026"]

    # --- a vacancy with its gaps (a salary range upside down is refused)
    open_tab(qtbot, page, 0)
    press(qtbot, window, Qt.Key.Key_V)
    qtbot.waitUntil(lambda: bool(page.dialogs) and page.dialogs[-1].objectName() == "vacancyDialog")
    vacancy = page.dialogs[-1]
    assert vacancy.objectName() == "vacancyDialog"
    fill(
        qtbot,
        vacancy,
        title="Servicemonteur warmtepompen",
        positions=2,
        hours_per_week=38,
        work_pattern="Ploegendienst",
        salary_min=3000,
        salary_max=2600,
        language_level="B1",
        work_level="mbo 2",
        bbl_possible=True,
        source="Aanbodkrant",
    )
    ok(qtbot, ops, vacancy)
    assert error(vacancy, "salary_max") == "het maximum ligt onder het minimum"
    assert page.vacancies.rowCount() == 0
    fill(qtbot, vacancy, salary_min=2600, salary_max=3100)
    ok(qtbot, ops, vacancy)
    assert cells(page.vacancy_view, 0) == ["Servicemonteur warmtepompen"]
    pick_row(qtbot, page.vacancy_view, "Servicemonteur warmtepompen")
    gaps = page.vacancy_detail.text()
    assert "38 uur per week, ploegendienst" in gaps and "Nederlands B1" in gaps
    assert "BBL/leerwerkplek mogelijk" in gaps and "Aanbodkrant" in gaps

    # --- a future need: it needs its expected date
    click(qtbot, page.add_need_button)
    need = page.dialogs[-1]
    fill(qtbot, need, title="Monteur zonnepanelen")
    ok(qtbot, ops, need)
    assert "toekomstige behoefte" in error(need, "expected_on")
    fill(qtbot, need, expected_on="15-12-2026", positions=3)
    ok(qtbot, ops, need)
    assert sorted(cells(page.vacancy_view, 1)) == ["Toekomst", "Vacature"]

    # --- the vacancy filled; another one added and closed
    pick_row(qtbot, page.vacancy_view, "Servicemonteur warmtepompen")
    click(qtbot, page.fill_button)
    settle(qtbot, ops)
    pick_row(qtbot, page.vacancy_view, "Servicemonteur warmtepompen")
    row = cells(page.vacancy_view, 0).index("Servicemonteur warmtepompen")
    assert cells(page.vacancy_view, 2)[row] == "Vervuld"
    assert not page.fill_button.isEnabled() and page.reopen_button.isEnabled()
    click(qtbot, page.add_vacancy_button)
    other = page.dialogs[-1]
    fill(qtbot, other, title="Leerling-installatiemonteur")
    ok(qtbot, ops, other)
    pick_row(qtbot, page.vacancy_view, "Leerling-installatiemonteur")
    click(qtbot, page.close_vacancy_button)
    settle(qtbot, ops)
    row = cells(page.vacancy_view, 0).index("Leerling-installatiemonteur")
    assert cells(page.vacancy_view, 2)[row] == "Gesloten"
    # The place for matching's dialog is there, shown once the workspace wires it.
    assert page.propose_button.text() == "&Kandidaat voorstellen…"

    # --- the contact person left the company: kept, marked, and undone again
    open_tab(qtbot, page, 2)
    pick_row(qtbot, page.contact_view, "Anna de Boer")
    click(qtbot, page.left_button)
    settle(qtbot, ops)
    assert cells(page.contact_view, 4) == [TODAY.strftime("%d-%m-%Y")]

    # Her Vandaag (the retention helper's page will show it): the follow-up due today
    # and the future need coming due.
    agenda = ops.session.services.employers.agenda()
    assert [i.employer_name for i in agenda.follow_ups] == ["Installatiebedrijf Zaanwarmte"]
    assert [i.title for i in agenda.future_needs] == ["Monteur zonnepanelen"]

    # --- nothing cut off at 1366×768
    assert window.width() == 1366
    for view in (page.view, page.contact_view):
        assert not view.horizontalScrollBar().isVisible(), view.objectName()
        header = view.horizontalHeader()
        assert sum(header.sectionSize(i) for i in range(header.count())) <= (
            view.viewport().width()
        )
    open_tab(qtbot, page, 0)
    for view in (page.vacancy_view,):
        assert not view.horizontalScrollBar().isVisible()

    # --- the list: search on name, gemeente and sector; filters
    qtbot.keyClicks(page.search, "service")
    settle(qtbot, ops)
    assert cells(page.view, 0) == ["Zaanwarmte Service"]
    assert "Zaanwarmte Service" in page.heading.text()
    page.search.clear()
    qtbot.keyClicks(page.search, "installatietech")  # the sector's name
    settle(qtbot, ops)
    assert len(cells(page.view, 0)) == 2
    page.search.clear()
    qtbot.keyClicks(page.search, "zaanst")  # the gemeente
    settle(qtbot, ops)
    assert len(cells(page.view, 0)) == 2
    page.search.clear()
    settle(qtbot, ops)
    click(qtbot, page.open_only)
    settle(qtbot, ops)
    assert cells(page.view, 0) == ["Installatiebedrijf Zaanwarmte"]  # its future need
    assert cells(page.view, 2) == [""] and cells(page.view, 3) == ["1"]
    click(qtbot, page.open_only)
    settle(qtbot, ops)
    page.municipality.setCurrentIndex(page.municipality.findText("Zaanstad"))
    settle(qtbot, ops)
    assert len(cells(page.view, 0)) == 2
    pick_row(qtbot, page.view, "Installatiebedrijf Zaanwarmte")
    settle(qtbot, ops)
    assert page.vacancies.rowCount() == 3

    # Nothing matches: the employer seen before leaves the screen with its tables.
    page.sector.setCurrentIndex(page.sector.findText("Metaal"))
    settle(qtbot, ops)
    assert page.employers.rowCount() == 0
    assert "Geen werkgevers gevonden" in page.heading.text()
    assert "Zaanwarmte" not in page.heading.text() + page.facts.text() + page.guidance.text()
    assert page.vacancies.rowCount() == page.contacts.rowCount() == page.log.rowCount() == 0
    assert not page.add_vacancy_button.isEnabled() and not page.edit_button.isEnabled()
    page.sector.setCurrentIndex(0)
    settle(qtbot, ops)
    assert page.employers.rowCount() == 2


def test_employer_drafts_survive_a_lock(build_window, qtbot):  # type: ignore[no-untyped-def]
    """What is typed in a new employer is kept as an encrypted draft and comes back."""
    window, ops = unlocked_window(build_window, qtbot)
    page = window.workspace.employers
    page.new_employer()
    dialog = page.dialogs[-1]
    fill(qtbot, dialog, name="Laswerken Kok", municipality="Purmerend")
    drafts = page.drafts()
    assert drafts == {"employer": dialog.form.raw()}
    # Reopened from the draft, as the workspace does after an unlock.
    dialog.done(0)
    settle(qtbot, ops)
    assert page.restore_draft("employer", drafts["employer"])
    again = page.dialogs[-1]
    assert again.form.raw()["name"] == "Laswerken Kok"
    assert not page.restore_draft("visit:x", {})


def test_werkgevers_and_its_dialogs_name_every_control(build_window, qtbot):  # type: ignore[no-untyped-def]
    """Every control a keyboard reaches on Werkgevers (each tab) and in each of its
    dialogs has a name a screen reader says."""
    from tests.ui.conftest import unlocked_demo
    from tests.ui.test_accessibility import unnamed

    window, ops = unlocked_demo(build_window, qtbot, 20)
    ws = window.workspace
    ws.show_page("employers")
    settle(qtbot, ops)
    page = ws.employers
    page.connect_proposals(lambda _e, _v: None)
    missing: dict[str, list[str]] = {}
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        settle(qtbot, ops)
        missing[page.tabs.tabText(i)] = unnamed(page)
    page.vacancy_view.selectRow(0)
    page.log_view.selectRow(0)
    for opener in (page.new_employer, page.edit_employer, page.add_vacancy, page.log_contact,
                   page.add_person):  # fmt: skip
        opener()
        settle(qtbot, ops)
        dialog = page.dialogs[-1]
        missing[dialog.objectName()] = unnamed(dialog)
        dialog.drafts.cancel()
        dialog.done(0)
    assert not {k: v for k, v in missing.items() if v}


def test_a_lock_and_unlock_bring_the_employer_dialog_back(build_window, qtbot):  # type: ignore[no-untyped-def]
    """Through the window: Ctrl+L with a half-typed employer, the passphrase, and the
    dialog is open again with what was typed (the workspace collects and restores it)."""

    window, ops = unlocked_window(build_window, qtbot)
    page = window.workspace.employers
    page.new_employer()
    fill(qtbot, page.dialogs[-1], name="Laswerken Kok", municipality="Purmerend")
    window.lock()
    settle(qtbot, ops)
    unlock_again(window, ops, qtbot)
    again = window.workspace.employers
    qtbot.waitUntil(lambda: bool(again.dialogs))
    assert again.dialogs[-1].form.raw()["name"] == "Laswerken Kok"


def test_an_employer_follow_up_on_vandaag_opens_the_employer(build_window, qtbot):  # type: ignore[no-untyped-def]
    """The arbeidsmarktcoach's employer follow-up is on Vandaag, in her group; Enter on it
    opens Werkgevers with that employer selected (issue 12 §1 and §5)."""
    from datetime import timedelta

    from PySide6.QtCore import Qt

    from tests.services.factories import employer
    from tests.ui.conftest import TODAY

    made = []

    def before(ops):  # type: ignore[no-untyped-def]
        svc = ops.session.services
        emp = svc.employers.create(employer(name="Zaanwarmte"))
        svc.employers.log_contact(
            emp.id,
            {"held_on": TODAY - timedelta(days=7), "kind": "visit",
             "agreements": "Terugbellen over BBL", "follow_up_on": TODAY},
        )  # fmt: skip
        made.append(emp)

    window, ops = unlocked_window(build_window, qtbot, before)
    ws = window.workspace
    ws.show_page("today")
    settle(qtbot, ops)
    tree = ws.today.tree
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    [row] = [r for r in rows if r.text(0) == "Zaanwarmte"]
    tree.setCurrentItem(row)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    settle(qtbot, ops)
    assert ws.stack.currentWidget() is ws.employers
    qtbot.waitUntil(lambda: "Zaanwarmte" in ws.employers.heading.text())
