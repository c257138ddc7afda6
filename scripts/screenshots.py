"""Regenerate docs/screenshots/*.png: every page of the app on a demo vault.

    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshots.py [PREFIX ...]

With prefixes (e.g. ``19-``), only the screenshots whose names start with one are written.

Uses a fresh demo vault in a temp folder (made-up people only) and a fixed date.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
TODAY = date(2026, 11, 30)


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from spt_desktop.app import build, load_style
    from spt_desktop.models.keyfile import KdfParams
    from spt_desktop.services.session import DEMO_PASSPHRASE

    app = QApplication(sys.argv)
    load_style(app)
    tmp = Path(tempfile.mkdtemp(prefix="spt-shots-"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp))
    kdf = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
    OUT.mkdir(parents=True, exist_ok=True)

    def settle(ops, extra: float = 0.3) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + 60
        while (ops.pending or time.monotonic() < end - 60 + extra) and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)
        app.processEvents()

    only = tuple(a for a in sys.argv[1:] if not a.startswith("-"))

    def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        if only and not name.startswith(only):
            return
        app.processEvents()
        widget.grab().save(str(OUT / f"{name}.png"))
        print("wrote", name)

    # First run, on an empty folder.
    first, _first_ops = build(tmp / "new" / "coach.sptvault", kdf=kdf)
    first.resize(1280, 800)
    first.show()
    first.start_first_run()
    first.wizard.name.setText("Sanne Bakker")
    first.wizard.passphrase.setText("tulp fiets molen kaas")
    first.wizard.repeat.setText("tulp fiets molen kaas")
    shot(first, "01-eerste-start")
    first.close()

    window, ops = build(
        tmp / "demo" / "coach.sptvault",
        demo=True,
        kdf=kdf,
        today=lambda: TODAY,
        now=lambda: datetime(2026, 11, 30, 9, 15),
    )
    window.resize(1366, 768)  # the most common laptop screen in the field (issue 14 §2)
    window.show()
    ops.vault(lambda s: s.ensure_demo(TODAY)).run()
    settle(ops)
    window.show_unlock()
    shot(window, "02-ontgrendelen")
    window.unlock_screen.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_screen.submit()
    settle(ops, 1.0)
    ws = window.workspace
    shot(window, "03-vandaag")
    ws.show_page("caseload")
    settle(ops)
    shot(window, "04-caseload")
    ws.caseload.search.setText("lasser")
    settle(ops, 0.6)
    shot(window, "05-caseload-zoeken")
    # A common word: a first page of 100 (services walk the caseload), the count after.
    ws.caseload.search.setText("de")
    settle(ops, 0.6)
    shot(window, "05-caseload-zoeken-veel")
    ws.caseload.search.clear()
    ws.caseload.status.setCurrentIndex(ws.caseload.status.findText("Geplaatst"))
    settle(ops, 0.6)
    row = ws.caseload.model.rows[0]
    ws.open_candidate(row.id)
    settle(ops, 0.6)
    cp = ws.candidate_page
    for i, (name, tab) in enumerate(
        (
            ("profiel", cp.profile),
            ("plan", cp.plan),
            ("reis", cp.journey),
            ("activiteiten", cp.lists["activities"]),
            ("matches", cp.lists["matches"]),
            ("bezoeken", cp.lists["visits"]),
            ("overdrachten", cp.lists["handovers"]),
            ("historie", cp.lists["history"]),
        )
    ):
        cp.tabs.setCurrentWidget(tab)
        shot(window, f"{6 + i:02d}-kandidaat-{name}")
    ws.candidate_page._visit()
    settle(ops)
    dialog = ws.dialogs[-1]
    dialog.form.editors["topics"].setPlainText("Eerste weken besproken; werktijden bevallen goed.")
    shot(dialog, "14-bezoek-vastleggen")
    dialog.done(0)
    ws.candidate_page._handover()
    settle(ops)
    shot(ws.dialogs[-1], "15-warme-overdracht")
    ws.dialogs[-1].done(0)
    ws.show_page("employers")
    settle(ops, 0.6)
    shot(window, "16-werkgevers")
    employer_shots(window, ws, settle, shot, ops)
    ws.show_page("conflicts")
    settle(ops)
    shot(window, "17-conflicten")
    ws.show_page("settings")
    settle(ops)
    shot(window, "18-instellingen")
    ws.settings_page.memory_security.click()  # kept in memory only: build() has no file
    settle(ops)
    shot(window, "18-instellingen-geheugenbeveiliging")
    ws.settings_page.memory_security.click()
    settle(ops)
    ws.show_page("monitor")
    settle(ops, 1.0)
    shot(window, "19-monitor")
    for key in ("flows", "dropouts", "time_in_phase", "retention"):
        ws.monitor.tabs.setCurrentWidget(ws.monitor.figures[key])
        shot(window, f"19-monitor-{key.replace('_', '-')}")
    ws.monitor.by.setCurrentIndex(ws.monitor.by.findText("Persona"))
    ws.monitor.suppress.setChecked(True)
    ws.monitor.tabs.setCurrentWidget(ws.monitor.figures["phases"])
    settle(ops, 1.0)
    shot(window, "19-monitor-persona-afgeschermd")
    ws.open_candidate(row.id)
    settle(ops, 0.6)
    ws.candidate_page.print_actions["dossier_preview"].trigger()
    settle(ops, 1.0)
    preview = ws.candidate_page.printing.preview_dialog
    if preview is not None:
        preview.resize(1000, 820)
        settle(ops, 0.5)
        shot(preview, "19-afdrukvoorbeeld")
        preview.reject()
    dossier_work(app, window, ops, row.id, settle, shot)
    behoud_and_uitval(window, ops, row.id, shot, settle)
    matching_shots(window, ops, settle, shot)
    field_messages(window, ops, settle, shot)
    wide_pages(window, ops, row.id, settle, shot)
    referral_shots(window, ops, settle, shot)
    window.close()
    ops.wait_idle()
    if not only or any(name.startswith("4") for name in only):
        _coordination(tmp, kdf, settle, shot)
    if not only or any(name.startswith("5") for name in only):
        _loket(tmp, kdf, settle, shot)
        large_text(app, tmp, kdf, row.id, settle, shot)
    if not only or any(name.startswith("6") for name in only):
        _network(tmp, kdf, settle, shot)
    if not only or any(name.startswith("7") for name in only):
        _outside(tmp, kdf, settle, shot)
    return 0


def field_messages(window, ops, settle, shot) -> None:  # type: ignore[no-untyped-def]
    """A new candidate with bad input, in the Dutch and the English app: each field's
    message beside it, in the app's language (the use cases give codes, not Dutch)."""
    for language in ("nl", "en"):
        window.change_language(language)
        settle(ops, 0.6)
        ws = window.workspace
        ws.new_candidate()
        settle(ops)
        dialog = ws.dialogs[-1]
        dialog.form.editors["email"].setText("geen-adres")
        dialog.form.editors["phone"].setText("12")
        dialog.submit()
        settle(ops, 0.6)
        shot(dialog, f"36-veldmeldingen-{language}")
        dialog.drafts.cancel()
        dialog.done(0)
    window.change_language("nl")
    settle(ops, 0.6)


def large_text(app, tmp, kdf, candidate_id: str, settle, shot) -> None:  # type: ignore[no-untyped-def]
    """50-…: the main screens at 200 % text on 1366x768 (WCAG 1.4.4; SPT_TEXT_SCALE=200
    or Instellingen ▸ Tekstgrootte): nothing cut off, what does not fit scrolls."""
    from spt_desktop.app import build, load_style
    from spt_desktop.services.session import DEMO_PASSPHRASE
    from spt_desktop.ui.fit import FitScroll

    load_style(app, text_scale=200)
    window, ops = build(
        tmp / "demo" / "coach.sptvault",
        demo=True,
        kdf=kdf,
        today=lambda: TODAY,
        now=lambda: datetime(2026, 11, 30, 9, 15),
    )
    window.resize(1366, 768)
    window.show()
    window.show_unlock()
    settle(ops)
    shot(window, "50-tekst-200-ontgrendelen")
    window.unlock_screen.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_screen.submit()
    settle(ops, 1.0)
    ws = window.workspace
    for key, name in (("today", "vandaag"), ("caseload", "caseload"),
                      ("employers", "werkgevers"), ("monitor", "monitor"),
                      ("settings", "instellingen")):  # fmt: skip
        ws.show_page(key)
        settle(ops, 0.6)
        shot(window, f"50-tekst-200-{name}")
    # Reflow (WCAG 1.4.10): the wide pages stand in one column; their lower half.
    bar = ws.page_scroll.verticalScrollBar()
    ws.show_page("employers")
    ws.employers.view.selectRow(0)
    settle(ops, 0.6)
    bar.setValue(bar.maximum() // 2)
    shot(window, "50-tekst-200-werkgevers-details")
    ws.show_page("monitor")
    settle(ops, 0.6)
    bar.setValue(bar.maximum())
    shot(window, "50-tekst-200-monitor-onder")
    tables_at_200(app, window, ops, settle, shot)
    ws.open_candidate(candidate_id)
    settle(ops, 0.6)
    cp = ws.candidate_page
    for tab, name in ((cp.profile, "profiel"), (cp.plan, "plan"), (cp.journey, "reis"),
                      (cp.activities, "activiteiten")):  # fmt: skip
        cp.tabs.setCurrentWidget(tab)
        settle(ops, 0.3)
        bar.setValue(0)
        shot(window, f"50-tekst-200-dossier-{name}")
    cp.tabs.setCurrentWidget(cp.profile)
    settle(ops, 0.3)
    bar.setValue(bar.maximum() * 2 // 3)
    shot(window, "50-tekst-200-dossier-profiel-onder")
    bar.setValue(0)
    ws.new_candidate()
    settle(ops, 0.4)
    dialog = ws.dialogs[-1]
    dialog.resize(dialog.width(), 700)  # as on a 1366x768 screen (less its task bar)
    settle(ops, 0.3)
    shot(dialog, "50-tekst-200-dialoog-nieuwe-kandidaat")
    area = dialog.findChild(FitScroll)
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    shot(dialog, "50-tekst-200-dialoog-nieuwe-kandidaat-onder")
    dialog.drafts.cancel()
    dialog.done(0)
    cp._visit()
    settle(ops, 0.4)
    dialog = ws.dialogs[-1]
    dialog.resize(dialog.width(), 700)
    settle(ops, 0.3)
    shot(dialog, "50-tekst-200-dialoog-bezoek")
    dialog.drafts.cancel()
    dialog.done(0)
    window.close()
    ops.wait_idle()
    load_style(app, text_scale=100)


class _OnScreen:
    """What the screen shows over ``widget`` (its tooltip too, which ``grab`` leaves out)."""

    def __init__(self, app, widget) -> None:  # type: ignore[no-untyped-def]
        self.app, self.widget = app, widget

    def grab(self):  # type: ignore[no-untyped-def]
        frame = self.widget.frameGeometry()
        return self.app.primaryScreen().grabWindow(
            0, frame.x(), frame.y(), frame.width(), frame.height()
        )


def tables_at_200(app, window, ops, settle, shot) -> None:  # type: ignore[no-untyped-def]
    """50-tekst-200-…: the monitor's widest table (Duurzame plaatsing, 13 columns), an
    elided caseload cell with its whole text as tooltip, and a column the coach dragged
    wider kept through a resize of the window."""
    from PySide6.QtCore import QEvent, QPoint, Qt
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtTest import QTest

    from spt_desktop.ui.columns import KeptColumns

    ws = window.workspace
    ws.page_scroll.verticalScrollBar().setValue(0)
    ws.monitor.tabs.setCurrentWidget(ws.monitor.figures["retention"])
    settle(ops, 0.4)
    shot(window, "50-tekst-200-monitor-behoud")
    ws.monitor.tabs.setCurrentWidget(ws.monitor.figures["phases"])
    ws.show_page("caseload")
    settle(ops, 0.6)
    window.raise_()  # above the windows the shots before left open: the screen is grabbed
    settle(ops, 0.2)
    view = ws.caseload.view
    index = view.model().index(0, 3)  # Persona: elided (the name, first, stays whole)
    at = view.visualRect(index).center()
    port = view.viewport()
    app.sendEvent(port, QHelpEvent(QEvent.Type.ToolTip, at, port.mapToGlobal(at)))
    settle(ops, 0.6)
    shot(_OnScreen(app, window), "50-tekst-200-caseload-tooltip")
    header = view.horizontalHeader()
    edge = header.sectionViewportPosition(1) + header.sectionSize(1) - 1
    y = header.height() // 2
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    for step in range(1, 5):
        QTest.mouseMove(header.viewport(), QPoint(edge + 30 * step, y))
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 120, y))
    window.resize(1300, 768)
    settle(ops, 0.3)
    window.resize(1366, 768)
    settle(ops, 0.6)
    shot(window, "50-tekst-200-caseload-kolom-breder")
    key = view.findChild(KeptColumns).key  # the later screenshots at their own widths
    ops.vault(lambda s: s.set_column_widths(key, {})).run()
    settle(ops, 0.1)


def wide_pages(window, ops, candidate_id: str, settle, shot) -> None:  # type: ignore[no-untyped-def]
    """The main pages again at 1920x1080 ("-1920"): nothing may stretch oddly or clip."""
    ws = window.workspace
    before = window.size()
    window.resize(1920, 1080)
    for key, name in (("today", "03-vandaag"), ("caseload", "04-caseload"),
                      ("employers", "16-werkgevers"), ("conflicts", "17-conflicten"),
                      ("settings", "18-instellingen"), ("monitor", "19-monitor")):  # fmt: skip
        ws.show_page(key)
        settle(ops, 0.6)
        shot(window, f"{name}-1920")
    ws.open_candidate(candidate_id)
    settle(ops, 0.6)
    cp = ws.candidate_page
    for i in range(cp.tabs.count()):
        cp.tabs.setCurrentIndex(i)
        settle(ops, 0.3)
        shot(window, f"06-kandidaat-tab{i + 1}-1920")
    window.resize(before)
    settle(ops, 0.3)


def dossier_work(app, window, ops, placed_id, settle, shot) -> None:  # type: ignore[no-untyped-def]
    """20-…: the dossier's working tabs and their dialogs (issue 12 §4), at 1366x768 and
    1920x1080: activiteiten en scholing, gespreksverslagen, bezoeken, plan van aanpak."""
    from PySide6.QtWidgets import QDialogButtonBox

    ws = window.workspace
    cp = ws.candidate_page

    def last_dialog():  # type: ignore[no-untyped-def]
        settle(ops)
        return ws.dialogs[-1]

    for w, h in ((1366, 768), (1920, 1080)):
        window.resize(w, h)
        ws.open_candidate(placed_id)
        settle(ops, 0.6)
        for name, tab in (
            ("activiteiten", cp.activities),
            ("notities", cp.notes),
            ("bezoeken", cp.visits),
            ("plan", cp.plan),
        ):
            cp.tabs.setCurrentWidget(tab)
            if tab is cp.visits or tab is cp.notes:
                view = tab.views["visits" if tab is cp.visits else "notes"]
                view.selectRow(0)
            if tab is cp.plan and cp.plan.tree.topLevelItemCount():
                cp.plan.tree.setCurrentItem(cp.plan.tree.topLevelItem(0))
            settle(ops, 0.2)
            shot(window, f"20-dossier-{name}-{w}")
    window.resize(1366, 768)
    settle(ops)

    # Dialogs, each at its own size (they fit 1366x768).
    cp.tabs.setCurrentWidget(cp.activities)
    cp.activities.views["activities"].selectRow(0)
    cp.activities.record_outcome()
    shot(last_dialog(), "20-dialoog-uitkomst-activiteit")
    last_dialog().done(0)
    cp.activities.plan_activity()
    shot(last_dialog(), "20-dialoog-activiteit-plannen")
    last_dialog().done(0)
    cp.tabs.setCurrentWidget(cp.notes)
    cp.notes.add_note()
    dialog = last_dialog()
    dialog.form.editors["text"].setPlainText("Gesprek over de BBL-opleiding; wil graag door.")
    shot(dialog, "20-dialoog-gespreksverslag")
    dialog.done(0)
    cp.tabs.setCurrentWidget(cp.visits)
    signed = next(
        (i for i, v in enumerate(cp.visits.models["visits"].rows) if v.signed_off_at), None
    )
    if signed is not None:
        cp.visits.views["visits"].selectRow(signed)
        cp.visits.edit_visit()
        settle(ops)
        if cp.visits.question is not None:
            shot(cp.visits.question, "20-vraag-afgetekend-bezoek")
            cp.visits.question.done(0)
        cp.visits.amend()
        shot(last_dialog(), "20-dialoog-aanvulling")
        last_dialog().done(0)
    cp.tabs.setCurrentWidget(cp.plan)
    if cp.plan.tree.topLevelItemCount():
        cp.plan.tree.setCurrentItem(cp.plan.tree.topLevelItem(0))
        cp.plan.edit_selected()
        shot(last_dialog(), "20-dialoog-doel-wijzigen")
        last_dialog().done(0)

    # Scholing with a fund for someone not in work: refused at the field.
    unplaced = next(r for r in ws.caseload.model.rows if r.id != placed_id)
    ws.show_page("caseload")
    ws.caseload.status.setCurrentIndex(ws.caseload.status.findText("Actief"))
    settle(ops, 0.6)
    unplaced = ws.caseload.model.rows[0] if ws.caseload.model.rows else unplaced
    ws.open_candidate(unplaced.id)
    settle(ops, 0.6)
    cp.tabs.setCurrentWidget(cp.activities)
    cp.activities.add_training()
    dialog = last_dialog()
    dialog.form.set_values(
        {"provider": "ROC Nova", "programme": "Monteur W (BBL niveau 2)",
         "publicly_funded": True, "starts_on": "05-01-2027", "ends_on": "01-07-2028",
         "funding": "fund", "fund": "oom"}
    )  # fmt: skip
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    settle(ops, 0.4)
    shot(dialog, "20-dialoog-scholing-fonds-geweigerd")
    dialog.done(0)
    app.processEvents()


def matching_shots(window, ops, settle, shot) -> None:  # type: ignore[no-untyped-def]
    """Matching (issue 12 §2): the dossier's tab and its dialogs, at 1366x768 and
    1920x1080. The sizes of the dialogs are printed: each must fit 1366x768."""
    from PySide6.QtWidgets import QDialog

    from spt_common.enums import MatchStatus, Phase
    from spt_desktop.ui.tables import row_at

    ws = window.workspace
    svc = ops.session.services
    # A candidate in matching with an open match to a vacancy, and more than one match.
    rows = svc.queries.caseload()
    pick = None
    for row in rows:
        if row.phase != Phase.MATCHING:
            continue
        matches = svc.matching.for_candidate(row.id)
        if len(matches) > 1 and any(m.open and m.vacancy_id for m in matches):
            pick = row
            break
    if pick is None:
        return
    for size, tag in (((1366, 768), "1366"), ((1920, 1080), "1920")):
        window.resize(*size)
        ws.open_candidate(pick.id)
        settle(ops, 0.6)
        page = ws.candidate_page
        tab = page.lists["matches"]
        page.tabs.setCurrentWidget(tab)
        view = tab.views["matches"]
        model = view.model()
        for r in range(model.rowCount()):
            m = row_at(view, model.index(r, 0))
            if m is not None and m.open:
                view.setCurrentIndex(model.index(r, 0))
                break
        settle(ops)
        shot(window, f"21-matching-tab-{tag}")
        tab.propose_match()
        settle(ops, 0.6)
        dialog = ws.dialogs[-1]
        box = dialog.vacancy_box
        if box.count() < 2:  # an employer with a vacancy
            for i in range(dialog.employer_box.count()):
                dialog.employer_box.setCurrentIndex(i)
                settle(ops)
                if box.count() > 1:
                    break
        box.setCurrentIndex(min(1, box.count() - 1))
        settle(ops, 0.6)
        print("propose dialog", dialog.size().width(), "x", dialog.size().height())
        shot(dialog, f"21-matching-voorstellen-{tag}")
        dialog.done(0)
        tab.side_by_side()
        settle(ops, 0.6)
        side = next(d for d in window.findChildren(QDialog, "sideBySideDialog") if d.isVisible())
        print("side-by-side dialog", side.size().width(), "x", side.size().height())
        shot(side, f"21-matching-naast-elkaar-{tag}")
        side.done(0)
        tab.next_step()
        settle(ops)
        step = ws.dialogs[-1]
        step.form.editors["klik"].setText("7")
        step.submit()
        settle(ops)
        print("step dialog", step.size().width(), "x", step.size().height())
        shot(step, f"21-matching-stap-klik-fout-{tag}")
        step.form.set_values({"klik": ""})
        step.done(0)
        m = tab.selected()
        if m is not None and m.status != MatchStatus.PLACED:
            tab.place_match()
            settle(ops, 0.6)
            place = ws.dialogs[-1]
            place.submit()  # no start date: the error at the field
            settle(ops)
            print("placement dialog", place.size().width(), "x", place.size().height())
            shot(place, f"21-matching-plaatsen-{tag}")
            place.done(0)


def behoud_and_uitval(window, ops, candidate_id: str, shot, settle) -> None:  # type: ignore[no-untyped-def]
    """Issue 12: Vandaag per role and the dossier's Behoud en uitval at 1366x768 and
    1920x1080, and each new dialog (checkpoint, uitval, reactivation, closing) filled in."""
    ws = window.workspace
    page = ws.candidate_page
    for w, h in ((1366, 768), (1920, 1080)):
        window.resize(w, h)
        ws.show_page("today")
        settle(ops, 0.6)
        shot(window, f"30-vandaag-{w}")
        ws.open_candidate(candidate_id)
        settle(ops, 0.6)
        page.tabs.setCurrentWidget(page.journey)
        settle(ops, 0.3)
        shot(window, f"31-kandidaatreis-behoud-{w}")
    window.resize(1366, 768)
    journey = page.journey

    def dialog(open_it, name: str, values: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
        open_it()
        settle(ops, 0.4)
        d = ws.dialogs[-1]
        d.form.set_values(values)
        settle(ops, 0.2)
        shot(d, name)
        d.drafts.cancel()
        d.done(0)
        settle(ops)

    dialog(
        journey.record_checkpoint,
        "32-behoudmoment",
        {"in_service": "no", "note": "Uit dienst na een conflict met de ploegleider."},
    )
    dialog(
        journey.register_dropout,
        "33-uitval",
        {
            "reason": "too_few_praktijkopleiders",
            "explanation": "Geen praktijkopleider op de ploeg; niemand had tijd om in te werken.",
        },
    )
    dialog(journey.close_dossier, "35-dossier-afsluiten", {"closing_outcome": "retained"})
    ops.write(
        lambda svc: svc.journey.drop_out(candidate_id, "salary_gap", "Startsalaris te laag")
    ).run()
    settle(ops, 0.6)
    dialog(
        journey.reactivate,
        "34-opnieuw-activeren",
        {"phase": "matching", "reason": "Wil toch verder; andere werkgever gezocht."},
    )


def employer_shots(window, ws, settle, shot, ops) -> None:  # type: ignore[no-untyped-def]
    """Werkgevers at 1366×768 and 1920×1080: the page (each tab, a search that finds
    nothing) and each of its dialogs, filled as a coach would."""
    page = ws.employers
    before = window.size()
    # An employer with a bit of everything: the first with an open vacancy.
    page.open_only.setChecked(True)
    settle(ops, 0.6)
    for width, height in ((1366, 768), (1920, 1080)):
        window.resize(width, height)
        settle(ops, 0.3)
        assert (window.width(), window.height()) == (width, height), window.size()
        for tab, name in enumerate(("vacatures", "contacten", "contactpersonen")):
            page.tabs.setCurrentIndex(tab)
            view = (page.vacancy_view, page.log_view, page.contact_view)[tab]
            view.selectRow(0)
            settle(ops, 0.2)
            shot(window, f"16-werkgevers-{name}-{width}")
        page.search.setText("geen-werkgever-heet-zo")
        settle(ops, 0.4)
        shot(window, f"16-werkgevers-niets-gevonden-{width}")
        page.search.clear()
        settle(ops, 0.4)
        dialogs = (
            ("werkgever-bewerken", page.edit_employer),
            ("vacature", page.add_vacancy),
            ("toekomstige-behoefte", page.add_future_need),
            ("contact-vastleggen", page.log_contact),
            ("contactpersoon", page.add_person),
        )
        for name, opener in dialogs:
            opener()
            settle(ops, 0.3)
            dialog = page.dialogs[-1]
            if name == "contact-vastleggen":
                dialog.form.editors["agreements"].setPlainText(
                    "Twee kandidaten uit de aanbodkrant voorstellen; werkplaats bekijken."
                )
            settle(ops, 0.1)
            shot(dialog, f"16-werkgevers-dialoog-{name}-{width}")
            dialog.drafts.cancel()
            dialog.done(0)
            settle(ops, 0.1)
    page.new_employer()
    settle(ops, 0.2)
    dialog = page.dialogs[-1]
    first = page.employers.rows[0].employer
    dialog.form.set_values(
        {"name": first.name, "sector": first.sector.value, "municipality": first.municipality}
    )
    dialog.submit()
    settle(ops, 0.5)
    shot(dialog, "16-werkgevers-dialoog-dubbele-naam")
    dialog.drafts.cancel()
    dialog.done(0)
    page.open_only.setChecked(False)
    window.resize(before)
    settle(ops, 0.3)


REFERRALS = (
    {"referrer_kind": "werkcentrum", "referrer_region": "Zaanstreek-Waterland",
     "referrer_organisation": "Werkcentrum Zaanstad", "referrer_person": "Mieke de Boer",
     "referrer_contact": "m.deboer@werkcentrum.example", "first_name": "Samira",
     "last_name": "El Amrani", "email": "samira@example.org", "phone": "06 12345678",
     "municipality": "Zaanstad", "question": "Wil de installatietechniek in; zoekt een "
     "leerwerkbaan.", "known": "Acht jaar logistiek, rijbewijs B, WW sinds september.",
     "consent_spt": True, "consent_report_back": True},
    {"referrer_kind": "campaign", "campaign": "Techniek doe je zo", "first_name": "Joost",
     "last_name": "Verhoeven", "email": "joost@example.org", "municipality": "Purmerend",
     "question": "Reageerde op de campagne; interesse in elektrotechniek.",
     "consent_spt": True, "consent_report_back": False},
)  # fmt: skip


def referral_shots(window, ops, settle, shot) -> None:  # type: ignore[no-untyped-def]
    """Aanmeldingen (issue 16): the coach's list, the filled candidate form, the dossier's
    Aanmelding tab with a terugkoppeling and its dialog."""
    from spt_common.enums import LetterMoment

    svc = ops.session.services
    me = svc.actor_id
    made = [svc.referrals.record({**values, "coach_id": me}) for values in REFERRALS]
    ws = window.workspace
    ws.show_page("referrals")
    settle(ops, 0.6)
    shot(window, "50-aanmeldingen")
    ws.accept_referral(made[0].id)
    settle(ops, 0.6)
    dialog = ws.dialogs[-1]
    shot(dialog, "50-aanmelding-accepteren")
    dialog.form.editors["persona"].setCurrentIndex(2)
    dialog.form.editors["benefit_status"].setCurrentIndex(1)
    dialog.submit()
    settle(ops, 1.0)
    cp = ws.candidate_page
    cid = cp.dossier.candidate.id if cp.dossier else ""
    # Before the intake is recorded the letter "Na de intake" is refused at its field.
    cp.tabs.setCurrentWidget(cp.referral)
    cp.make_letter()
    settle(ops, 0.5)
    early = ws.dialogs[-1]
    moment = early.form.editors["moment"]
    moment.setCurrentIndex(moment.findText(LetterMoment.INTAKE.label))
    early.submit()
    settle(ops, 0.6)
    shot(early, "50-terugkoppeling-voor-intake")
    early.drafts.cancel()
    early.done(0)
    svc.intake.record(cid, {"background": "Acht jaar logistiek; wil met de handen werken."})
    svc.referrals.send_letter(cid, "intake")
    cp.reload()
    settle(ops, 1.0)
    shot(window, "50-kandidaat-aanmelding")
    cp.make_letter()
    settle(ops, 0.5)
    shot(ws.dialogs[-1], "50-terugkoppeling-dialoog")
    ws.dialogs[-1].done(0)
    # The letter itself, its first page as an image beside the screens.
    from spt_desktop.services.documents import render
    from spt_desktop.ui.print_actions import rasterise

    page = rasterise(render(svc.referrals.letter(cid, "intake")), 100)[0]
    page.qimage().save(str(OUT / "50-terugkoppeling-brief.png"))
    print("wrote", "50-terugkoppeling-brief")


def _coordination(tmp, kdf, settle, shot) -> None:  # type: ignore[no-untyped-def]
    """The Coördinatie page at 1366x768, over a live server on loopback filled by a demo
    vault's sync (made-up people only)."""
    import httpx
    import sqlalchemy as sa

    from spt_desktop.app import build
    from spt_desktop.services.session import DEMO_PASSPHRASE, Owner, VaultSession
    from tests.support.server_kit import PASSWORD, Admin, LiveServer, make_db

    url = make_db("sqlite", tmp, None)
    from spt_server import setup

    admin = Admin(url)
    with admin.session() as s, s.begin():
        for name, roles in (
            ("Cora de Wit", ["coordinator"]),
            ("Sanne Bakker", ["loopbaancoach", "arbeidsmarktcoach", "jobcoach"]),
            ("Bram Jansen", ["jobcoach"]),
            ("Fatima El Amrani", ["arbeidsmarktcoach"]),
        ):
            email = name.lower().replace(" ", ".").replace("de.", "de") + "@example.nl"
            setup.add_coach(s, email=email.replace("el.", "el"), name=name, roles=roles,
                            spt="spt_noord_holland", password=PASSWORD)  # fmt: skip
    live = LiveServer(url).start()
    try:
        sanne = VaultSession(tmp / "sanne.sptvault", kdf=kdf, today=lambda: TODAY)
        sanne.ensure_demo(TODAY, 150, mark=False)  # pushed to this throwaway server
        sanne.unlock(DEMO_PASSPHRASE)
        sanne.login(live.url, "sanne.bakker@example.nl", PASSWORD)
        sanne.sync()
        sanne.lock()
        with httpx.Client(base_url=live.url + "/api/v1") as http:
            for who, device in (
                ("bram.jansen", "Laptop Bram"),
                ("fatima.elamrani", "Laptop Fatima"),
            ):
                login = {"email": f"{who}@example.nl", "password": PASSWORD}
                http.post("/auth/login", json={**login, "device_name": device})
            cora = http.post("/auth/login", json={"email": "cora.dewit@example.nl",
                                                  "password": PASSWORD,
                                                  "device_name": "Laptop Cora"}).json()  # fmt: skip
            http.put("/coordination/targets",
                     headers={"authorization": "Bearer " + cora["access_token"]},
                     json={"year": 2026, "instroom": 180, "placements": 60, "sustained": 30,
                           "dropout_rate": 20})  # fmt: skip
        with admin.session() as s, s.begin():
            s.execute(sa.text(
                "update device set last_sync = '2026-11-12 16:40:00' where account_id = "
                "(select id from account where email = 'bram.jansen@example.nl')"))  # fmt: skip
        window, ops = build(tmp / "cora.sptvault", kdf=kdf, today=lambda: TODAY)
        window.resize(1366, 768)
        window.show()
        ops.vault(lambda s: s.create("tulp fiets molen kaas", Owner("Cora de Wit"))).run()
        settle(ops)
        ops.vault(lambda s: s.login(live.url, "cora.dewit@example.nl", PASSWORD)).run()
        settle(ops)
        window._unlocked()
        settle(ops, 0.5)
        ws = window.workspace
        page = ws.coordination
        ws.show_page("coordination")
        settle(ops, 1.0)
        shot(window, "40-coordinatie-team")
        for values in REFERRALS:  # two referrals the loket received, waiting for a coach
            ops.session.services.referrals.record(values)
        window.a_sync.trigger()
        settle(ops, 1.0)
        page.tabs.setCurrentWidget(page.assign)
        settle(ops, 1.0)
        page.assign.table.selectRow(0)
        page.assign.coach.setCurrentIndex(page.assign.coach.findText("Sanne Bakker"))
        shot(window, "41-coordinatie-aanmeldingen")
        page.assign.show_which.setCurrentIndex(3)  # without a jobcoach
        settle(ops, 1.0)
        for r in (1, 2, 4):
            page.assign.table.selectRow(r) if r == 1 else page.assign.table.selectionModel().select(
                page.assign.table.model().index(r, 0),
                page.assign.table.selectionModel().SelectionFlag.Select
                | page.assign.table.selectionModel().SelectionFlag.Rows,
            )
        page.assign.coach.setCurrentIndex(page.assign.coach.findText("Bram Jansen"))
        page.assign.role.setCurrentIndex(2)
        shot(window, "41-coordinatie-toewijzen")
        page.tabs.setCurrentWidget(page.monitor)
        settle(ops, 1.0)
        page.monitor.set_period(date(2025, 12, 1), TODAY)
        page.monitor.load()
        settle(ops, 1.0)
        shot(window, "42-coordinatie-spt-monitor")
        page.monitor.tabs.setCurrentWidget(page.monitor.figures["dropouts"])
        settle(ops, 0.5)
        shot(window, "42-coordinatie-spt-monitor-uitval")
        page.tabs.setCurrentWidget(page.targets)
        settle(ops, 1.0)
        shot(window, "43-coordinatie-doelen")
        window.close()
        ops.wait_idle()
    finally:
        live.stop()
        admin.close()


def _loket(tmp, kdf, settle, shot) -> None:  # type: ignore[no-untyped-def]
    """The Loket page at 1366x768 (issue 16 §2), as the loket keeps it: the register, a new
    question, closing one, and putting one through as a referral (made-up people only)."""
    from datetime import timedelta

    from spt_common.enums import Role, Spt
    from spt_desktop.app import build
    from spt_desktop.models import Coach
    from spt_desktop.services.session import Owner

    window, ops = build(tmp / "loket.sptvault", kdf=kdf, today=lambda: TODAY)
    window.resize(1366, 768)
    window.show()
    owner = Owner("Lotte Visser", roles=(Role.LOKET,))
    ops.vault(lambda s: s.create("tulp fiets molen kaas", owner)).run()
    settle(ops)
    session = ops.session
    vault = session._vault
    colleagues = {"Sanne Bakker": "loopbaancoach,arbeidsmarktcoach", "Bram Jansen": "jobcoach"}
    with vault.transaction(vault.owner_id) as s:  # as a sync brings them
        for i, (name, roles) in enumerate(colleagues.items()):
            s.add(Coach(id=f"00000000-0000-4000-8000-00000000000{i}", name=name,
                        email=f"{i}@example.nl", roles=roles, spt=Spt.NOORD_HOLLAND))  # fmt: skip
    svc = session.services
    questions = [
        ("phone", "job_seeker", "Omscholen naar installatietechniek", "Sanne de Wit",
         "06 12345678", 0, True),
        ("mail", "employer", "Hoe werven wij zij-instromers?", "Joost Visser",
         "joost@voorbeeld.nl", 2, False),
        ("walk_in", "worker", "Overstappen naar de techniek", "Mehmet Kaya", "06 87654321", 5,
         True),
        ("event", "education", "Gastles techniek", "Linda Smit", "linda@voorbeeld.nl", 9, False),
    ]  # fmt: skip
    for channel, asker, topic, name, contact, ago, passed in questions:
        svc.loket.register({
            "received_on": TODAY - timedelta(days=ago), "channel": channel, "asker": asker,
            "topic": topic, "name": name, "contact": contact,
            "follow_up_on": TODAY - timedelta(days=ago) + timedelta(days=7),
            "to_coach_id": "00000000-0000-4000-8000-000000000000" if passed else None,
        })  # fmt: skip
    done = svc.loket.register({
        "received_on": TODAY - timedelta(days=20), "channel": "website",
        "asker": "intermediary", "topic": "Samenwerking met het werkcentrum",
        "name": "Fatima El Amrani", "contact": "06 11223344",
    })  # fmt: skip
    svc.loket.close(done.id, {"answer": "Informatie gemaild", "outcome": "nothing"})
    window._unlocked()
    settle(ops, 0.5)
    ws = window.workspace
    page = ws.loket
    ws.show_page("loket")
    settle(ops, 1.0)
    page.table.selectRow(0)
    shot(window, "55-loket")
    page.new_question()
    settle(ops, 0.5)
    for dialog in list(page.dialogs):
        dialog.form.set_values({"channel": "phone", "asker": "job_seeker",
                                "topic": "Welke opleiding past bij mij?"})  # fmt: skip
        shot(dialog, "56-loket-nieuwe-vraag")
        dialog.drafts.cancel()
        dialog.done(0)
    settle(ops, 0.3)
    page.close_selected()
    settle(ops, 0.3)
    for dialog in list(page.dialogs):
        shot(dialog, "57-loket-afsluiten")
        dialog.drafts.cancel()
        dialog.done(0)
    settle(ops, 0.3)
    page.refer_selected()
    settle(ops, 0.5)
    for dialog in list(page.dialogs):
        shot(dialog, "58-loket-doorzetten-als-aanmelding")
        dialog.drafts.cancel()
        dialog.done(0)
    settle(ops, 0.3)
    page.open_only.setChecked(False)
    settle(ops, 0.5)
    shot(window, "59-loket-alle-vragen")
    window.close()
    ops.wait_idle()


def _network(tmp, kdf, settle, shot) -> None:  # type: ignore[no-untyped-def]
    """The network of a coach's laptop (issue 17) at 1366x768, over a live server on
    loopback: an old app told to update, an update recommended, a certificate this laptop
    does not trust (the organisation's own CA, not installed)."""
    import os

    import trustme

    import spt_desktop
    from spt_common import protocol as p
    from spt_desktop.app import build
    from spt_desktop.services.session import Owner
    from tests.support.server_kit import PASSWORD, Admin, LiveServer, make_db
    from tests.support.tls_kit import ca_file, server_cert

    folder = tmp / "network"
    folder.mkdir()
    url = make_db("sqlite", folder, None)
    admin = Admin(url)
    admin.add_coach("sanne.bakker@example.nl")
    ca = trustme.CA(organization_name="Gemeente Voorbeeld intern")
    saved = {k: os.environ.get(k) for k in ("SSL_CERT_FILE", "SSL_CERT_DIR")}
    version = spt_desktop.__version__

    def window_on(server_url: str, name: str):  # type: ignore[no-untyped-def]
        window, ops = build(folder / f"{name}.sptvault", kdf=kdf, today=lambda: TODAY)
        window.resize(1366, 768)
        window.show()
        ops.vault(lambda s: s.create("tulp fiets molen kaas", Owner("Sanne Bakker"))).run()
        settle(ops)
        ops.vault(lambda s: s.login(server_url, "sanne.bakker@example.nl", PASSWORD)).run()
        settle(ops)
        window._unlocked()
        settle(ops, 0.5)
        ops.session.services.candidates.register(
            {"first_name": "Kim", "last_name": "de Vries", "municipality": "Alkmaar",
             "referral_source": "uwv", "persona": "no_work_benefit_technical",
             "benefit_status": "ww"},
            {"processing": True},
        )  # fmt: skip
        settle(ops)
        return window, ops

    def sync_and_shoot(window, ops, name: str) -> None:  # type: ignore[no-untyped-def]
        window.sync_now()
        settle(ops, 0.5)
        shot(window, name)
        window.close()
        ops.wait_idle()

    live = LiveServer(url).start()
    try:
        window, ops = window_on(live.url, "oud")  # linked while every version was welcome
        os.environ[p.MIN_CLIENT_VERSION_ENV] = version
        live.restart()
        spt_desktop.__version__ = "0.0.9"  # an older build still on this laptop
        sync_and_shoot(window, ops, "60-update-nodig")
        spt_desktop.__version__ = version
        del os.environ[p.MIN_CLIENT_VERSION_ENV]
        os.environ[p.RECOMMENDED_CLIENT_VERSION_ENV] = "9.0"
        live.restart()
        window, ops = window_on(live.url, "advies")
        sync_and_shoot(window, ops, "61-update-aanbevolen")
    finally:
        spt_desktop.__version__ = version
        os.environ.pop(p.MIN_CLIENT_VERSION_ENV, None)
        os.environ.pop(p.RECOMMENDED_CLIENT_VERSION_ENV, None)
        live.stop()
    live = LiveServer(url, tls=server_cert(ca, folder, "127.0.0.1")).start()
    try:
        os.environ.pop("SSL_CERT_DIR", None)
        os.environ["SSL_CERT_FILE"] = str(ca_file(ca, folder))  # linked with the CA
        window, ops = window_on(live.url, "certificaat")
        del os.environ["SSL_CERT_FILE"]  # a laptop without it
        sync_and_shoot(window, ops, "62-certificaat-niet-vertrouwd")
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        live.stop()
        admin.close()


def _outside(tmp, kdf, settle, shot) -> None:  # type: ignore[no-untyped-def]
    """At 1366x768, over a live server on loopback: Kim's match at another SPT's
    employer (a colleague of SPT Groot-Amsterdam made it; the laptop never holds that
    employer) in the dossier, side by side, placed, its checkpoint; then the demo's
    first push, whose refusals are not conflicts."""
    from PySide6.QtWidgets import QDialog

    from spt_desktop.app import build
    from tests.support.outside import add_accounts, matched_elsewhere
    from tests.support.server_kit import Admin, LiveServer, make_db

    for name in ("demo-push", "outside"):
        (tmp / name).mkdir()
    # The demo's first push, on a server of its own (its caseload would be Anna's).
    url = make_db("sqlite", tmp / "demo-push", None)
    admin = Admin(url)
    add_accounts(admin)
    live = LiveServer(url).start()
    try:
        _demo_first_push(tmp / "demo-push", live.url, kdf, settle, shot)
    finally:
        live.stop()
        admin.close()
    folder = tmp / "outside"
    url = make_db("sqlite", folder, None)
    admin = Admin(url)
    add_accounts(admin)
    live = LiveServer(url).start()
    try:
        got = matched_elsewhere(folder, admin, live.url)
        got.anna.lock()
        from tests.conftest import PASSPHRASE  # the vault kit's passphrase

        window, ops = build(folder / "anna.sptvault", kdf=kdf, today=lambda: TODAY)
        window.resize(1366, 768)
        window.show()
        settle(ops)
        window.unlock_screen.passphrase.setText(PASSPHRASE)
        window.unlock_screen.passphrase.returnPressed.emit()
        settle(ops, 0.5)
        ws = window.workspace
        ws.open_candidate(got.kim)
        settle(ops, 0.5)
        page = ws.candidate_page
        tab = page.lists["matches"]
        page.tabs.setCurrentWidget(tab)
        tab.views["matches"].selectRow(0)
        settle(ops)
        shot(window, "70-ander-spt-matches")
        tab.compare.click()
        settle(ops, 0.5)
        side = window.findChild(QDialog, "sideBySideDialog")
        if side is not None:
            shot(side, "71-ander-spt-naast-elkaar")
            side.reject()
        tab.place.click()
        settle(ops, 0.5)
        place = next(d for d in ws.dialogs if d.objectName() == "placementDialog")
        place.form.editors["job_title"].setText("Scheepsbouwer")
        place.form.editors["starts_on"].setText("02-11-2026")
        shot(place, "72-ander-spt-plaatsen")
        place.buttons.button(place.buttons.StandardButton.Ok).click()
        settle(ops, 0.5)
        shot(window, "72-ander-spt-geplaatst")
        page.tabs.setCurrentWidget(page.journey)
        page.journey.points_view.selectRow(0)
        page.journey.checkpoint_button.click()
        settle(ops, 0.5)
        point = next(d for d in ws.dialogs if d.objectName() == "checkpointDialog")
        shot(point, "73-ander-spt-behoudmoment")
        point.reject()
        window.close()
        ops.wait_idle()

    finally:
        live.stop()
        admin.close()


def _demo_first_push(folder, url: str, kdf, settle, shot) -> None:  # type: ignore[no-untyped-def]
    """The demo caseload linked to the server as Anna: its first push, whose refusals
    are not conflicts (status bar, message, Conflicten)."""
    from spt_desktop.app import build
    from spt_desktop.services.changes import Changes
    from spt_desktop.services.session import DEMO_PASSPHRASE
    from tests.support.server_kit import PASSWORD

    window, ops = build(folder / "demo.sptvault", demo=True, kdf=kdf, today=lambda: TODAY)
    window.resize(1366, 768)
    window.show()
    ops.vault(lambda s: s.ensure_demo(TODAY, 40, mark=False)).run()  # throwaway server
    settle(ops)
    window.unlock_screen.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_screen.passphrase.returnPressed.emit()
    settle(ops, 0.5)
    ops.vault(  # as Instellingen → Koppelen does it
        lambda s: s.login(url, "anna@spt.nl", PASSWORD), Changes(sync=True, settings=True)
    ).run()
    settle(ops, 0.5)
    window.sync_now()
    settle(ops, 1.0)
    shot(window, "74-demo-eerste-sync-niet-aangenomen")
    window.workspace.show_page("conflicts")
    settle(ops, 0.5)
    shot(window, "75-demo-eerste-sync-conflicten")
    # Each refusal in its own words; a referral by its SPT's name, when and by whom.
    from spt_desktop.ui.tables import ROW_ROLE

    page = window.workspace.conflicts
    shown = page.view.model()
    rows = [shown.index(r, 2) for r in range(shown.rowCount())]
    referral = next((i for i in rows if i.data(ROW_ROLE).entity == "referral"), None)
    if referral is not None:
        page.view.setCurrentIndex(referral)
        page.view.scrollTo(referral)
    settle(ops, 0.3)
    shot(window, "76-conflicten-aanmelding-niet-afgeleverd")
    # A refused assignment says whose dossier it was about and for which colleague.
    assignment = next((i for i in rows if i.data(ROW_ROLE).entity == "assignment"), None)
    if assignment is not None:
        page.view.setCurrentIndex(assignment)
        page.view.scrollTo(assignment)
    settle(ops, 0.3)
    shot(window, "77-conflicten-toewijzing-van-wie")
    # A colleague's change with a code of a newer app (a sector this one does not know):
    # held, the sync completes; the status bar and the message bar say to update.
    ops.vault(_hold_a_newer_apps_change).run()
    settle(ops)
    window.workspace.show_page("caseload")
    window.message.hide()
    window.sync_now()
    settle(ops, 1.0)
    shot(window, "79-wijziging-wacht-op-nieuwere-app")
    window.close()
    ops.wait_idle()
    _demo_not_linked(folder, url, kdf, settle, shot)


def _hold_a_newer_apps_change(session) -> None:  # type: ignore[no-untyped-def]
    """A pulled employer with a sector of a newer app's, held as a pull holds it."""
    from spt_desktop.sync import held
    from spt_desktop.sync.engine import remote_connection

    record = {
        "entity": "employer",
        "id": "019b76da-0000-7000-8000-0000000000f1",
        "rev": 4,
        "deleted": False,
        "data": {"name": "Ruimtevaart BV", "sector": "ruimtevaart"},
    }
    with remote_connection(session._vault) as conn:
        held.hold(conn, [record])


def _demo_not_linked(folder, url: str, kdf, settle, shot) -> None:  # type: ignore[no-untyped-def]
    """A demo vault as ``--demo`` makes it (marked): Koppelen is refused at the button
    and nothing is stored."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from spt_desktop.app import build
    from spt_desktop.services.session import DEMO_PASSPHRASE
    from tests.support.server_kit import PASSWORD

    window, ops = build(folder / "oefen.sptvault", demo=True, kdf=kdf, today=lambda: TODAY)
    window.resize(1366, 768)
    window.show()
    ops.vault(lambda s: s.ensure_demo(TODAY, 40)).run()
    settle(ops)
    window.unlock_screen.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_screen.passphrase.returnPressed.emit()
    settle(ops, 0.5)
    ws = window.workspace
    ws.show_page("settings")
    settle(ops, 0.3)
    page = ws.settings_page
    page.server_url.setText(url)
    page.email.setText("anna@spt.nl")
    page.password.setText(PASSWORD)
    QTest.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    settle(ops, 0.5)
    shot(window, "78-oefenkluis-niet-koppelen")
    window.close()
    ops.wait_idle()


if __name__ == "__main__":
    sys.exit(main())
