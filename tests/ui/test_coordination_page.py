"""The Coördinatie page against a real SPT server on loopback: the coordinator assigns a
new candidate to a coach, his next sync brings the dossier; she reassigns it, his next sync
purges it; the Team view shows a laptop that has not synced as overdue. A coach does not
see the page."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from spt_common.enums import DropoutReason
from spt_desktop.services.session import Owner
from tests.conftest import PASSPHRASE
from tests.ui.conftest import settle

pytest.importorskip("uvicorn")
from tests.support.server_kit import (
    NH,
    PASSWORD,
    Admin,
    LiveServer,
    candidate_change,
    make_db,
    uid,
)


def _window(build_window, qtbot, url: str, email: str, name: str):  # type: ignore[no-untyped-def]
    window, ops = build_window(f"{name}.sptvault")
    ops.vault(lambda s: s.create(PASSPHRASE, Owner(name.title()))).run()
    settle(qtbot, ops)
    ops.vault(lambda s: s.login(url, email, PASSWORD)).run()
    settle(qtbot, ops)
    window._unlocked()
    settle(qtbot, ops)
    return window, ops


def _referral(admin: Admin) -> str:
    """A candidate the SPT received without a coach (a new referral)."""
    from spt_server import store

    cid = uid()
    with admin.session() as s, s.begin():
        seq = store.Sequence(s)
        fields = candidate_change(cid, first_name="Kim", last_name="de Vries")["fields"]
        store._new_record(s, "candidate", cid, fields, seq.next(), None, None,
                          candidate_id=cid, spt=NH)  # fmt: skip
        seq.flush()
    return cid


def _click_nav(qtbot, ws, key: str) -> None:  # type: ignore[no-untyped-def]
    item = next(
        ws.nav.item(r) for r in range(ws.nav.count())
        if ws.nav.item(r).data(Qt.ItemDataRole.UserRole) == key
    )  # fmt: skip
    assert not item.isHidden()
    qtbot.mouseClick(ws.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=ws.nav.visualItemRect(item).center())  # fmt: skip


def _click_tab(qtbot, tabs, index: int) -> None:  # type: ignore[no-untyped-def]
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def _click_row(qtbot, table, text: str) -> None:  # type: ignore[no-untyped-def]
    item = next(
        table.item(r, 0) for r in range(table.rowCount()) if table.item(r, 0).text() == text
    )
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualItemRect(item).center())  # fmt: skip


def _choose(qtbot, combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an entry by keyboard: focus the box, Home, then Down until it shows."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText().startswith(text):
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText().startswith(text), combo.currentText()


def _has(ops: Any, cid: str) -> bool:
    try:
        ops.session.services.candidates.get(cid)
    except Exception:
        return False
    return True


@pytest.fixture
def spt(tmp_path: Path):  # type: ignore[no-untyped-def]
    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("cora@spt.nl", roles="coordinator")
    admin.add_coach("bob@spt.nl", roles="jobcoach")
    admin.add_coach("carl@spt.nl", roles="jobcoach")
    live = LiveServer(url).start()
    yield admin, live
    live.stop()
    admin.close()


def test_coordinator_assigns_reassigns_and_sees_late_laptops(build_window, qtbot, spt):  # type: ignore[no-untyped-def]
    admin, live = spt
    kim = _referral(admin)
    cora, cora_ops = _window(build_window, qtbot, live.url, "cora@spt.nl", "cora")
    bob, bob_ops = _window(build_window, qtbot, live.url, "bob@spt.nl", "bob")
    bob.a_sync.trigger()
    settle(qtbot, bob_ops)
    assert not _has(bob_ops, kim)
    # Bob is a coach: no Coördinatie for him.
    bob_ws = bob.workspace
    item = next(bob_ws.nav.item(r) for r in range(bob_ws.nav.count())
                if bob_ws.nav.item(r).data(Qt.ItemDataRole.UserRole) == "coordination")  # fmt: skip
    assert item.isHidden()

    ws = cora.workspace
    page = ws.coordination
    with qtbot.waitSignal(page.loaded, timeout=20000):
        _click_nav(qtbot, ws, "coordination")
    assert ws.stack.currentWidget() is page

    # Toewijzen: Kim has no coach; Cora picks her, Bob, jobcoach.
    tab = page.assign
    with qtbot.waitSignal(page.loaded, check_params_cb=lambda k: k == "assign", timeout=20000):
        _click_tab(qtbot, page.tabs, 1)
    _choose(qtbot, tab.show_which, "Zonder job")
    settle(qtbot, cora_ops)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=20000)
    # Nobody picked: said at the list, nothing sent.
    qtbot.mouseClick(tab.go, Qt.MouseButton.LeftButton)
    assert "Kies eerst" in tab.pick_error.text() and tab.result.text() == ""
    _click_row(qtbot, tab.table, "Kim de Vries")
    assert tab.pick_error.text() == ""
    _choose(qtbot, tab.coach, "Bob")
    # Bob is no loopbaancoach: said at the role, nothing sent.
    _choose(qtbot, tab.role, "Loopbaan")
    qtbot.mouseClick(tab.go, Qt.MouseButton.LeftButton)
    assert "heeft de rol loopbaancoach niet" in tab.role_error.text()
    _choose(qtbot, tab.role, "Job")
    assert tab.role_error.text() == ""
    with qtbot.waitSignal(page.loaded, check_params_cb=lambda k: k == "assign", timeout=20000):
        qtbot.mouseClick(tab.go, Qt.MouseButton.LeftButton)
    assert "1 toegewezen" in tab.result.text()
    assert tab.table.rowCount() == 0  # she has a jobcoach now

    bob.a_sync.trigger()
    settle(qtbot, bob_ops)
    assert _has(bob_ops, kim)  # his next sync brought the dossier

    # Reassign: Bob's caseload to Carl.
    _choose(qtbot, tab.show_which, "Caseload van Bob")
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=20000)
    _click_row(qtbot, tab.table, "Kim de Vries")
    _choose(qtbot, tab.coach, "Carl")
    with qtbot.waitSignal(page.loaded, check_params_cb=lambda k: k == "assign", timeout=20000):
        qtbot.mouseClick(tab.go, Qt.MouseButton.LeftButton)
    assert "1 toegewezen; 1 eerdere" in tab.result.text()
    bob.a_sync.trigger()
    settle(qtbot, bob_ops)
    assert not _has(bob_ops, kim)  # purged at his next sync

    # Team: Carl logged in on a laptop that never synced; Bob's laptop last synced 20
    # days before the vault's today (the server's time, set back here).
    with httpx.Client(base_url=live.url) as http:
        r = http.post("/api/v1/auth/login", json={"email": "carl@spt.nl", "password": PASSWORD,
                                                    "device_name": "Carl-laptop"})  # fmt: skip
        assert r.status_code == 200
    with admin.session() as s, s.begin():
        bob_id = "(select id from account where email = 'bob@spt.nl')"
        s.execute(
            sa.text(f"update device set last_sync = '2026-11-10 08:00' where account_id = {bob_id}")
        )
    team = page.team
    _click_tab(qtbot, page.tabs, 0)
    with qtbot.waitSignal(page.loaded, check_params_cb=lambda k: k == "team", timeout=20000):
        qtbot.mouseClick(page.reload, Qt.MouseButton.LeftButton)
    notes = {
        team.table.item(r, 0).text(): (team.note_text(r), r in team.flagged)
        for r in range(team.table.rowCount())
    }
    assert notes["Carl"] == ("Nog nooit gesynchroniseerd", True)
    assert notes["Bob"] == ("20 dagen niet gesynchroniseerd", True)
    assert notes["Cora"][1] is False or "Nog nooit" in notes["Cora"][0]
    # Lower the limit to 30 days: Bob's laptop no longer stands out; the setting stays.
    team.overdue.setFocus()
    team.overdue.selectAll()
    qtbot.keyClicks(team.overdue, "30")
    settle(qtbot, cora_ops)
    notes = {team.table.item(r, 0).text(): r in team.flagged for r in range(team.table.rowCount())}
    assert notes["Bob"] is False and notes["Carl"] is True

    assert cora_ops.session.services.coordination.overdue_days() == 30


def test_spt_monitor_shows_the_coachs_uitval_and_targets_are_set(
    build_window, qtbot, spt, tmp_path
):  # type: ignore[no-untyped-def]
    admin, live = spt
    admin.add_coach("anna@spt.nl")
    # Anna, a coach, registers six candidates and records that each dropped out.
    with httpx.Client(base_url=live.url + "/api/v1") as http:
        tokens = http.post("/auth/login", json={"email": "anna@spt.nl", "password": PASSWORD})
        auth = {"authorization": "Bearer " + tokens.json()["access_token"]}
        anna = tokens.json()["coach"]["id"]
        changes = []
        for i in range(6):
            cid = uid()
            changes.append(candidate_change(cid, first_name=f"Kim{i}"))
            changes.append({"entity": "dropout", "id": uid(), "op": "upsert", "fields": {
                "candidate_id": cid, "phase": "orientation", "reason": "language_gap",
                "occurred_on": "2026-11-20", "coach_id": anna, "explanation": "",
            }})  # fmt: skip
        r = http.post("/sync", headers=auth,
                      json={"batch": {"batch_id": uid(), "changes": changes}})  # fmt: skip
        assert {x["status"] for x in r.json()["push"]["results"]} == {"applied"}
    cora, _ops = _window(build_window, qtbot, live.url, "cora@spt.nl", "cora")
    ws = cora.workspace
    page = ws.coordination
    with qtbot.waitSignal(page.loaded, timeout=20000):
        _click_nav(qtbot, ws, "coordination")
    with qtbot.waitSignal(page.loaded, check_params_cb=lambda k: k == "monitor", timeout=20000):
        _click_tab(qtbot, page.tabs, 2)
    monitor = page.monitor
    assert monitor.period() == (date(2026, 1, 1), date(2026, 11, 30))
    _click_tab(qtbot, monitor.tabs, 2)
    rows = monitor.figures["dropouts"].shown_rows()
    header, body = rows[0], rows[1:]
    leak = next(r for r in body if r[1] == DropoutReason.LANGUAGE_GAP.label)
    assert leak[header.index("Eerste oriëntatie")] == "6"
    assert "Kim" not in str(rows) and "anna" not in str(rows)

    # The stuurgroep's report of the period, saved where she chose.
    target = tmp_path / "stuurgroep.pdf"
    monitor.choose_path = lambda *_a: str(target)
    with qtbot.waitSignal(page.loaded, check_params_cb=lambda k: k == "stuurgroep",
                          timeout=20000):  # fmt: skip
        qtbot.mouseClick(monitor.report_button, Qt.MouseButton.LeftButton)
    from tests.print.pdf_text import text

    report = text(target.read_bytes())
    assert "Rapportage stuurgroep" in report and "Instroom: 6 kandidaten" in report
    assert "Kim" not in report

    # Doelen: an instroom target of 40, typed and saved; realised: 6 of them.
    targets = page.targets
    with qtbot.waitSignal(page.loaded, check_params_cb=lambda k: k == "targets", timeout=20000):
        _click_tab(qtbot, page.tabs, 3)
    box = targets.fields["instroom"]
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "40")
    with qtbot.waitSignal(page.loaded, check_params_cb=lambda k: k == "targets.saved",
                          timeout=20000):  # fmt: skip
        qtbot.mouseClick(targets.save, Qt.MouseButton.LeftButton)
    cells = [targets.table.item(0, c).text() for c in range(4)]
    assert cells[1:] == ["40", "6", "15 % van het doel"], cells
    assert "opgeslagen" in targets.saved.text()
