"""A match at another SPT's employer, made by a colleague of that SPT and pulled by a real
sync, is placed by the coach with keys and mouse. Her laptop never holds that employer
(the server sends a coach her own SPT's employers; vault migration 0017): before, "Naast
elkaar…" and "Plaatsen…" were refused ("niet gevonden": the side-by-side loaded the
employer), the dossier's Werkgever columns and the checkpoint dialog showed an empty name.
The screens now say what the laptop knows: "een werkgever van een ander SPT".

Real parts: a live server on loopback, two real vaults (Anna's in the window, Kerem's of
SPT Groot-Amsterdam), the real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from tests.ui.conftest import linked_window, register_kim, settle

pytest.importorskip("uvicorn")
from tests.support.server_kit import PASSWORD, Admin, LiveServer, make_db, make_vault

ELSEWHERE = "een werkgever van een ander SPT"


@dataclass
class Setting:
    window: Any
    ops: Any
    kim: str
    admin: Admin
    url: str


@pytest.fixture
def two_spts(tmp_path: Path) -> Iterator[tuple[Admin, LiveServer]]:
    """A server with Anna (Noord-Holland, the three coach roles) and Kerem (Groot-
    Amsterdam, arbeidsmarktcoach)."""
    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("anna@spt.nl", roles="loopbaancoach,arbeidsmarktcoach,jobcoach")
    admin.add_coach("kerem@spt.nl", spt="spt_groot_amsterdam", roles="arbeidsmarktcoach")
    live = LiveServer(url).start()
    yield admin, live
    live.stop()
    admin.close()


def sync_in_window(window, ops, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.a_sync.trigger()
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: not window._syncing, timeout=20000)
    settle(qtbot, ops)


def matched_elsewhere(build_window, qtbot, tmp_path: Path, two_spts, hired: bool) -> Setting:  # type: ignore[no-untyped-def]
    """Anna's window after the sync that brought Kim's match at Kerem's Amsterdam
    employer (proposed, or already hired: ``hired``)."""
    from spt_common.enums import MatchStatus, Spt
    from spt_desktop.services import Services
    from spt_desktop.sync import engine
    from spt_desktop.sync.transport import Transport

    admin, live = two_spts
    window, ops = linked_window(build_window, qtbot, live.url)
    kim = register_kim(ops).id
    sync_in_window(window, ops, qtbot)
    # Kerem guides her too (the matching of another SPT): his laptop gets her dossier.
    admin.assign(kim, "kerem@spt.nl")
    kerem = make_vault(tmp_path / "kerem.sptvault", spt=Spt.GROOT_AMSTERDAM)
    with Transport(live.url) as t:
        engine.login(kerem, live.url, "kerem@spt.nl", PASSWORD, device_name="kerem",
                     transport=t)  # fmt: skip
        engine.sync(kerem, transport=t)
        svc = Services(kerem, today=lambda: date(2026, 11, 20))
        emp = svc.employers.create(
            {"name": "Scheepswerf Noordzeekanaal", "sector": "metaal", "municipality": "Amsterdam"}
        )
        vac = svc.employers.add_vacancy(emp.id, {"title": "Scheepsbouwer", "hours_per_week": 36})
        match = svc.matching.propose(kim, emp.id, vac.id, notes="Wil graag buiten werken")
        if hired:
            svc.matching.advance(match.id, MatchStatus.INTRODUCED, 4)
            svc.matching.advance(match.id, MatchStatus.HIRED)
        report = engine.sync(kerem, transport=t)
        assert report.conflicts == 0
    kerem.lock()
    sync_in_window(window, ops, qtbot)
    with ops.session._vault.engine.connect() as c:  # the setting: her match, not its employer
        assert c.exec_driver_sql("SELECT count(*) FROM match").scalar() == 1
        assert c.exec_driver_sql("SELECT count(*) FROM employer").scalar() == 0
    return Setting(window, ops, kim, admin, live.url)


def open_matches(qtbot, s: Setting):  # type: ignore[no-untyped-def]
    ws = s.window.workspace
    ws.open_candidate(s.kim)
    settle(qtbot, s.ops)
    page = ws.candidate_page
    tab = page.lists["matches"]
    page.tabs.setCurrentWidget(tab)
    view = tab.views["matches"]
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return page, tab


def dialog_named(window, name):  # type: ignore[no-untyped-def]
    return next((d for d in window.workspace.dialogs if d.objectName() == name), None)


def ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def row_texts(model, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_a_match_at_another_spts_employer_is_compared_and_placed(  # type: ignore[no-untyped-def]
    build_window, qtbot, tmp_path, two_spts
):
    s = matched_elsewhere(build_window, qtbot, tmp_path, two_spts, hired=False)
    _page, tab = open_matches(qtbot, s)
    row = row_texts(tab.models["matches"], 0)
    assert row[1] == ELSEWHERE  # Werkgever: before, an empty cell
    assert row[2] == "vacature van een ander SPT"
    assert tab.compare.isEnabled() and tab.place.isEnabled()

    # --- Naast elkaar…: the candidate beside what the laptop knows of the other side
    qtbot.mouseClick(tab.compare, Qt.MouseButton.LeftButton)
    settle(qtbot, s.ops)
    compare = s.window.findChild(QDialog, "sideBySideDialog")
    assert compare is not None and compare.isVisible()
    assert compare.view.heads[2].text() == "Een werkgever van een ander SPT"
    assert compare.findChild(QLabel, "gapVacancy_hours").text() == "niet ingevuld"
    assert "Kim" in compare.view.heads[1].text()
    assert s.window.message.isHidden()  # no "niet gevonden"
    qtbot.keyClick(compare, Qt.Key.Key_Escape)
    settle(qtbot, s.ops)

    # --- Plaatsen…: the dialog opens, the placement is saved
    qtbot.mouseClick(tab.place, Qt.MouseButton.LeftButton)
    settle(qtbot, s.ops)
    assert s.window.message.isHidden(), s.window.message.text.text()
    place = dialog_named(s.window, "placementDialog")
    assert place is not None, "Plaatsen… was refused"
    assert place.windowTitle() == f"Plaatsen — Kim de Vries bij {ELSEWHERE}"
    qtbot.keyClicks(place.form.editors["job_title"], "Scheepsbouwer")
    qtbot.keyClicks(place.form.editors["starts_on"], "01-12-2026")
    ok(qtbot, place)
    settle(qtbot, s.ops)
    assert place not in s.window.workspace.dialogs
    placements = tab.models["placements"]
    assert placements.rowCount() == 1
    assert row_texts(placements, 0)[:3] == ["01-12-2026", ELSEWHERE, "Scheepsbouwer"]
    assert tab.selected().status.label == "Geplaatst"

    # --- the placement reaches the server: no refusal, no conflict
    sync_in_window(s.window, s.ops, qtbot)
    label = s.window.sync_label.text()
    assert "niets te versturen" in label and "conflict" not in label
    placed = [r for r in s.admin.records().values() if r.get("entity") == "placement"]
    assert len(placed) == 1


def test_the_checkpoint_of_a_placement_at_another_spts_employer_names_it(  # type: ignore[no-untyped-def]
    build_window, qtbot, tmp_path, two_spts
):
    """Her placement at the other SPT's employer, made on this laptop: the journey tab's
    Behoudmomenten and the checkpoint dialog said "Scheepsbouwer bij , gestart op ..."."""
    s = matched_elsewhere(build_window, qtbot, tmp_path, two_spts, hired=True)
    match = s.ops.session.services.matching.for_candidate(s.kim)[0]
    s.ops.session.services.matching.place(
        match.id, {"job_title": "Scheepsbouwer", "contract": "bbl", "starts_on": date(2026, 10, 15)}
    )
    s.window.workspace.open_candidate(s.kim)
    settle(qtbot, s.ops)
    page = s.window.workspace.candidate_page
    page.tabs.setCurrentWidget(page.journey)
    points = page.journey.points_view
    assert points.model().index(0, 0).data() == ELSEWHERE
    rect = points.visualRect(points.model().index(0, 0))
    qtbot.mouseClick(points.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(page.journey.checkpoint_button, Qt.MouseButton.LeftButton)
    settle(qtbot, s.ops)
    dialog = dialog_named(s.window, "checkpointDialog")
    assert dialog is not None
    intro = dialog.findChild(QLabel, "dialogIntro") or next(
        label for label in dialog.findChildren(QLabel) if "gestart op" in label.text()
    )
    assert f"Scheepsbouwer bij {ELSEWHERE}, gestart op 15-10-2026" in intro.text()
