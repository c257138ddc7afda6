"""Conflicten says what happened to each record the server would not take, in the
coach's words. The demo's first push to a real server (Anna, SPT Noord-Holland) is
refused its Amsterdam employer register, its loket questions (Anna has no loket role),
referrals recorded for colleagues, and handovers and assignments to colleagues who have
no account there. Conflicten said "niet afgeleverd: dossier niet meer van u" of all of
them (there is no dossier to an employer) and showed a referral as "spt_noord_holland ·
2026-06-17 · gemeente · ... · in_guidance · <uuid>": internal names and ids. Now each
kind of refusal is worded for what it is, a record shows only what a coach wrote, and
"Gezien, melding sluiten" still closes each of them."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from spt_desktop.ui.tables import ROW_ROLE, row_at
from tests.ui.conftest import settle
from tests.ui.test_refusals_not_conflicts import demo_linked, live_anna  # noqa: F401

WORDS = {
    "employer": "register van een ander SPT",
    "vacancy": "register van een ander SPT",
    "contact_person": "register van een ander SPT",
    "employer_contact": "register van een ander SPT",
    "loket_question": "loketvraag, u hebt geen rol loket",
    "referral": "aanmelding",
    "handover": "collega zonder account op de server",
    "assignment": "collega zonder account op de server",
}
# What no coach should read: an enum code, an id, an ISO date.
INTERNAL = re.compile(
    r"spt_[a-z_]+|in_guidance|[0-9a-f]{8}-[0-9a-f]{4}-|\b\d{4}-\d{2}-\d{2}\b|\bpending\b"
)


def cells(page, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    m = page.model
    return [m.index(row, col).data() for col in range(m.columnCount())]


def test_each_refusal_says_what_it_was_and_closes(build_window, qtbot, live_anna):  # type: ignore[no-untyped-def]  # noqa: F811
    _admin, live = live_anna
    window, ops = demo_linked(build_window, qtbot, live.url)
    window.resize(1366, 768)
    window.show()
    window.a_sync.trigger()  # the toolbar's Synchroniseren
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: not window._syncing, timeout=30000)
    settle(qtbot, ops)
    ws = window.workspace
    ws.show_page("conflicts")
    settle(qtbot, ops)
    page = ws.conflicts
    # At 1366x768, with the message about the refusals above the pages, her buttons are
    # in view: the stack took the height Instellingen (linked) needs at this width.
    settle(qtbot, ops)
    view = ws.page_scroll.viewport()
    at = page.theirs.mapTo(view, page.theirs.rect().bottomRight())
    assert view.rect().contains(at), (at, view.rect(), ws.stack.height())

    rows = {page.model.rows[r].entity: r for r in range(page.model.rowCount())}
    assert set(WORDS) <= set(rows), sorted(rows)
    for entity, words in WORDS.items():
        shown = cells(page, rows[entity])
        assert words in shown[2], (entity, shown)
        assert "dossier" not in shown[2], (entity, shown)
        found = INTERNAL.search(" | ".join(shown[1:]))
        assert found is None, (entity, found, shown)

    # Every row, not one of each: no codes, ids or ISO dates; a referral by its SPT's
    # name, when and by whom; one of another SPT says so, one of hers whose work it is.
    spts = set()
    for row in range(page.model.rowCount()):
        shown = cells(page, row)
        assert INTERNAL.search(" | ".join(shown[1:])) is None, shown
        if page.model.rows[row].entity != "referral":
            continue
        found = re.match(r"(SPT [\w-]+): aangemeld op \d\d-\d\d-20\d\d door \w", shown[3])
        assert found is not None, shown
        spts.add(found[1])
        ours = found[1] == "SPT Noord-Holland"
        assert shown[2] == (
            "niet afgeleverd: aanmelding is werk van het loket"
            if ours
            else "niet afgeleverd: aanmelding van een ander SPT"
        ), shown
    assert "SPT Noord-Holland" in spts, spts

    # Each kind is closed by its own button, by mouse: the row goes, the others stay.
    for entity in WORDS:
        before = page.model.rowCount()
        shown = page.view.model()  # sorted by the view
        index = next(
            shown.index(r, 2)
            for r in range(before)
            if shown.index(r, 2).data(ROW_ROLE).entity == entity
        )
        page.view.scrollTo(index)
        rect = page.view.visualRect(index)
        qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert row_at(page.view).entity == entity
        assert not page.mine.isEnabled()
        assert page.theirs.text() == "Gezien, melding sluiten"
        qtbot.mouseClick(page.theirs, Qt.MouseButton.LeftButton)
        settle(qtbot, ops)
        assert page.model.rowCount() == before - 1, entity


def test_a_refusal_is_closed_with_keys_alone(build_window, qtbot, live_anna):  # type: ignore[no-untyped-def]  # noqa: F811
    """The same page by keyboard: arrows choose a row, Tab reaches the button, Space
    closes the notice; the row goes."""
    from PySide6.QtWidgets import QApplication

    _admin, live = live_anna
    window, ops = demo_linked(build_window, qtbot, live.url)
    window.resize(1366, 768)
    window.show()
    window.a_sync.trigger()
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: not window._syncing, timeout=30000)
    ws = window.workspace
    ws.show_page("conflicts")
    settle(qtbot, ops)
    page = ws.conflicts
    before = page.model.rowCount()
    assert before > 1
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Home)
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    chosen = row_at(page.view)
    assert chosen is not None
    for _ in range(10):  # Tab along the page's controls to the enabled button
        if QApplication.focusWidget() is page.theirs:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.theirs
    qtbot.keyClick(page.theirs, Qt.Key.Key_Space)
    settle(qtbot, ops)
    assert page.model.rowCount() == before - 1
    remaining = [page.model.rows[r].record_id for r in range(page.model.rowCount())]
    assert chosen.record_id not in remaining


def test_a_refused_assignment_says_whose_it_was(build_window, qtbot, live_anna):  # type: ignore[no-untyped-def]  # noqa: F811
    """A refused assignment ("toewijzing") said only the role ("Arbeidsmarktcoach"): the
    coach could not tell which of her candidates it was about. Now it begins with the
    candidate's name as her caseload shows it and names the colleague with the role; a
    refused handover too. No ids, codes or ISO dates."""
    _admin, live = live_anna
    window, ops = demo_linked(build_window, qtbot, live.url)
    window.resize(1366, 768)
    window.a_sync.trigger()
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: not window._syncing, timeout=30000)
    settle(qtbot, ops)
    ws = window.workspace
    # The names in her caseload, as its table shows them (by the row's candidate).
    ws.show_page("caseload")
    settle(qtbot, ops)
    caseload = ws.caseload
    qtbot.waitUntil(lambda: caseload.model.complete and caseload.model.rowCount() > 0)
    names = {
        caseload.model.rows[r].id: caseload.model.index(r, 0).data()
        for r in range(caseload.model.rowCount())
    }
    ws.show_page("conflicts")
    settle(qtbot, ops)
    page = ws.conflicts
    view = page.view
    shown_model = view.model()
    checked = set()
    for r in range(shown_model.rowCount()):
        row = shown_model.index(r, 0).data(ROW_ROLE)
        if row.entity not in ("assignment", "handover"):
            continue
        # She clicks the row and reads it: who the record was about comes first.
        index = shown_model.index(r, 3)
        view.scrollTo(index)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualRect(index).center())  # fmt: skip
        assert row_at(view) is row
        mine = index.data()
        assert mine.split(" · ")[0] == names[row.candidate_id], (mine, row.entity)
        assert INTERNAL.search(mine) is None, mine
        # The colleague it was for, by name with the role (not the role alone).
        role = re.search(r"([\w .'-]+) \((Loopbaancoach|Arbeidsmarktcoach|Jobcoach)\)", mine)
        assert role is not None and role[1].strip(), mine
        checked.add(row.entity)
    assert checked == {"assignment", "handover"}, checked
