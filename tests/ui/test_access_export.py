"""Inzageverzoek (AVG) from the dossier, through the real widgets over a real vault: the
coach picks the menu entry, chooses where, and gets one JSON file with everything the
vault holds about the candidate (drafts included) and nothing deleted."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QMenu

from tests.ui.conftest import settle, unlocked_window

PROFILE = {
    "first_name": "Fatma",
    "last_name": "Yılmaz",
    "municipality": "zaanstad",
    "referral_source": "uwv",
    "persona": "no_work_benefit_nontechnical",
    "benefit_status": "ww",
}


def _fill(ops: Any, ids: dict[str, str]) -> None:
    from spt_common.enums import ConsentPurpose

    def work(session: Any) -> None:
        svc = session.services
        cand = svc.candidates.register(PROFILE, {ConsentPurpose.PROCESSING: True})
        svc.candidates.add_note(cand.id, "Gesprek over werktijden")
        gone = svc.visits.log(cand.id, {"topics": "Kwartelkoning, daarna verwijderd"})
        svc.visits.delete(gone.id)
        session.save_draft(
            f"visit:{cand.id}", {"topics": "Grutto, nog niet opgeslagen"}, about=cand.id
        )
        ids["cand"] = cand.id

    ops.vault(work).run()


def open_dossier(build_window: Any, qtbot: Any) -> tuple[Any, Any, Any, str]:
    ids: dict[str, str] = {}
    window, ops = unlocked_window(build_window, qtbot, lambda ops: _fill(ops, ids))
    for dialog in list(window.workspace.dialogs):  # the restored visit draft: not needed
        dialog.drafts.cancel()
        dialog.done(0)
    window.workspace.open_candidate(ids["cand"])
    settle(qtbot, ops)
    page = window.workspace.candidate_page
    assert page.dossier is not None
    return window, ops, page, ids["cand"]


def test_the_coach_exports_the_access_request_from_the_dossier(
    build_window: Any, qtbot: Any, tmp_path: Any
) -> None:
    _window, ops, page, cid = open_dossier(build_window, qtbot)
    menu = page.print_button.menu()
    assert isinstance(menu, QMenu)
    [action] = [a for a in menu.actions() if a.objectName() == "dossierAccessExport"]
    assert action.text() == "Inzageverzoek (AVG) exporteren…" and action.isEnabled()

    target = tmp_path / "export" / "inzage.json"
    target.parent.mkdir()
    asked: list[tuple[str, str]] = []

    def choose(_parent: Any, title: str, suggested: str, _filter: str) -> str:
        asked.append((title, suggested))
        return str(target)

    page.access_export.choose_path = choose
    action.trigger()
    settle(qtbot, ops)
    assert asked == [("Inzageverzoek (AVG) exporteren", "inzageverzoek-Yılmaz.json")]
    doc = json.loads(target.read_text(encoding="utf-8"))
    [cand] = doc["candidates"]
    assert (cand["id"], cand["first_name"]) == (cid, "Fatma")
    assert [n["text"] for n in cand["notes"]] == ["Gesprek over werktijden"]
    assert cand["drafts"] == [
        {"form": "visit", "values": {"topics": "Grutto, nog niet opgeslagen"}}
    ]
    assert cand["visits"] == [] and "Kwartelkoning" not in target.read_text(encoding="utf-8")
    assert target.stat().st_mode & 0o077 == 0  # readable by the coach only
    assert sorted(p.name for p in target.parent.iterdir()) == ["inzage.json"]
    assert page.notice.text().startswith("Inzageverzoek opgeslagen.")


def test_a_cancelled_access_export_writes_nothing(
    build_window: Any, qtbot: Any, tmp_path: Any
) -> None:
    _window, ops, page, _cid = open_dossier(build_window, qtbot)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    page.access_export.choose_path = lambda *_: None
    page.access_action.trigger()
    settle(qtbot, ops)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert page.notice.text() == ""
