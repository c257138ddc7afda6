"""What a coach reads is Dutch and true: Historie names records and fields as the forms
do, Conflicten tells an unlinked vault's truth, and counts of one are singular."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from tests.ui.conftest import register_kim, settle, unlocked_window


def _column(model, title: str) -> list[str]:  # type: ignore[no-untyped-def]
    col = next(
        c for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == title
    )  # fmt: skip
    return [str(model.data(model.index(r, col))) for r in range(model.rowCount())]


def test_historie_shows_dutch_names_not_internal_ones(build_window, qtbot):  # type: ignore[no-untyped-def]
    kim = []
    window, ops = unlocked_window(build_window, qtbot, lambda o: kim.append(register_kim(o)))
    ws = window.workspace
    ws.open_candidate(kim[0].id)
    settle(qtbot, ops)
    page = ws.candidate_page
    town = page.profile.profile.findChild(QLineEdit, "field_municipality")
    town.clear()
    qtbot.keyClicks(town, "Hoorn")
    qtbot.mouseClick(page.profile.save_profile, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    page.tabs.setCurrentWidget(page.lists["history"])
    settle(qtbot, ops)
    model = page.lists["history"].models["history"]
    assert model.rowCount() > 0
    parts = _column(model, "Onderdeel")
    fields = _column(model, "Velden")
    assert "Kandidaat" in parts and "Toestemming" in parts
    assert "gemeente" in fields, fields
    for text in parts + fields:
        assert "_" not in text, text  # no first_name, journey_event, candidate_id


def test_conflicten_and_status_bar_tell_an_unlinked_vaults_truth(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = unlocked_window(build_window, qtbot, register_kim)
    ws = window.workspace
    ws.show_page("conflicts")
    settle(qtbot, ops)
    text = ws.conflicts.summary.text()
    assert "niet gekoppeld" in text and "wijzigingen staan alleen op deze laptop" in text
    assert "overeenstemming" not in text
    # One of each is singular in the status bar.
    from spt_desktop.services.session import SyncStatus

    window._show_sync(SyncStatus(True, "https://spt.example", None, 1, 1))
    assert window.sync_label.text().endswith("1 conflict  ·  1 wijziging nog niet gesynchroniseerd")
