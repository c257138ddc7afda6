"""The Loket page against a real SPT server on loopback (issue 16 §2): the loket records
a question from a werkzoekende by keyboard and passes it on to a loopbaancoach; her next
sync brings it (on Loket and on Vandaag); she closes it, and the asker's name and contact
are gone on her laptop, on the server and, after its next sync, on the loket's laptop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from spt_desktop.services.session import Owner
from tests.conftest import PASSPHRASE
from tests.ui.conftest import settle

pytest.importorskip("uvicorn")
from tests.support.server_kit import PASSWORD, Admin, LiveServer, make_db

NAME, PHONE = "Sanne de Wit", "06 12345678"
TOPIC = "Omscholen naar installatietechniek"


@pytest.fixture
def spt(tmp_path: Path) -> Iterator[tuple[Admin, LiveServer]]:
    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("lotte@spt.nl", roles="loket")
    admin.add_coach("anna@spt.nl")
    live = LiveServer(url).start()
    yield admin, live
    live.stop()
    admin.close()


def _window(build_window, qtbot, url: str, email: str, name: str):  # type: ignore[no-untyped-def]
    window, ops = build_window(f"{name}.sptvault")
    ops.vault(lambda s: s.create(PASSPHRASE, Owner(name.title()))).run()
    settle(qtbot, ops)
    ops.vault(lambda s: s.login(url, email, PASSWORD)).run()
    settle(qtbot, ops)
    window._unlocked()
    settle(qtbot, ops)
    _sync(window, ops, qtbot)  # the colleagues
    return window, ops


def _sync(window, ops, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.a_sync.trigger()  # Ctrl+S, the menu's "Nu synchroniseren"
    settle(qtbot, ops)


def _click_nav(qtbot, ws, key: str) -> None:  # type: ignore[no-untyped-def]
    item = next(
        ws.nav.item(r) for r in range(ws.nav.count())
        if ws.nav.item(r).data(Qt.ItemDataRole.UserRole) == key
    )  # fmt: skip
    assert not item.isHidden()
    qtbot.mouseClick(ws.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=ws.nav.visualItemRect(item).center())  # fmt: skip


def _dialog(name: str) -> Any:
    found = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QDialog) and w.objectName() == name and w.isVisible()]  # fmt: skip
    assert len(found) == 1, name
    return found[0]


def _type(qtbot, dialog, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    editor = dialog.form.editors[field]
    editor.setFocus()
    qtbot.keyClicks(editor, text)


def _raw(ops, sql: str) -> list[tuple[Any, ...]]:  # type: ignore[no-untyped-def]
    with ops.session._vault.engine.connect() as c:
        return [tuple(r) for r in c.exec_driver_sql(sql)]


def test_loket_passes_a_question_on_and_closing_clears_the_person(  # type: ignore[no-untyped-def]
    build_window, qtbot, spt
) -> None:
    admin, live = spt
    lotte, lops = _window(build_window, qtbot, live.url, "lotte@spt.nl", "lotte")
    anna, aops = _window(build_window, qtbot, live.url, "anna@spt.nl", "anna")

    # The loket records a phone call from a werkzoekende and passes it on to Anna.
    ws = lotte.workspace
    _click_nav(qtbot, ws, "loket")
    settle(qtbot, lops)
    page = ws.loket
    assert page.new_button.isVisible()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = _dialog("loketQuestionDialog")
    _type(qtbot, dialog, "channel", "Telefoon")
    _type(qtbot, dialog, "asker", "Werkz")
    _type(qtbot, dialog, "topic", TOPIC)
    _type(qtbot, dialog, "name", NAME)
    _type(qtbot, dialog, "contact", PHONE)
    _type(qtbot, dialog, "to_coach_id", "Anna")
    _type(qtbot, dialog, "follow_up_on", "30-11-2026")
    assert dialog.form.raw()["asker"] == "job_seeker"
    assert dialog.form.raw()["to_coach_id"] == aops.session._vault.owner_id
    qtbot.keyClick(dialog.form.editors["follow_up_on"], Qt.Key.Key_Return)
    settle(qtbot, lops)
    assert page.dialogs == []  # saved and closed
    assert page.model.rowCount() == 1 and page.model.rows[0].name == NAME
    _sync(lotte, lops, qtbot)

    # Anna's next sync brings it: on Vandaag (its follow-up) and on Loket.
    _sync(anna, aops, qtbot)
    aws = anna.workspace
    _click_nav(qtbot, aws, "today")
    settle(qtbot, aops)
    texts = [aws.today.tree.topLevelItem(i).text(1)
             for i in range(aws.today.tree.topLevelItemCount())]  # fmt: skip
    assert TOPIC in texts
    _click_nav(qtbot, aws, "loket")
    settle(qtbot, aops)
    apage = aws.loket
    assert not apage.new_button.isVisible()  # she keeps no register
    assert [(q.topic, q.name, q.contact) for q in apage.model.rows] == [(TOPIC, NAME, PHONE)]

    # She closes it with her answer.
    apage.table.setFocus()
    qtbot.mouseClick(apage.close_button, Qt.MouseButton.LeftButton)
    closing = _dialog("closeQuestionDialog")
    _type(qtbot, closing, "answer", "Gebeld, intake gepland")
    _type(qtbot, closing, "outcome", "Niets")
    ok = closing.buttons.buttons()[0]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    settle(qtbot, aops)
    assert apage.dialogs == []
    assert apage.model.rowCount() == 0  # only open questions shown
    qtbot.mouseClick(apage.open_only, Qt.MouseButton.LeftButton)
    settle(qtbot, aops)
    assert [(q.name, q.contact, q.answer) for q in apage.model.rows] == [
        (None, None, "Gebeld, intake gepland")
    ]
    assert _raw(aops, "SELECT name, contact FROM loket_question") == [(None, None)]
    _sync(anna, aops, qtbot)
    (stored,) = [r for r in admin.records().values() if r["entity"] == "loket_question"]
    assert (stored["status"], stored["name"], stored["contact"]) == ("closed", None, None)

    # The loket's laptop learns it at its next sync: nothing of the person left there.
    _sync(lotte, lops, qtbot)
    assert _raw(lops, "SELECT name, contact, status FROM loket_question") == [
        (None, None, "closed")
    ]
    settle(qtbot, lops)
    assert page.model.rowCount() == 0


def test_a_question_from_a_werkzoekende_becomes_a_referral(  # type: ignore[no-untyped-def]
    build_window, qtbot, spt
) -> None:
    """The chain's first step (issue 16, done when): the loket records a walk-in's
    question and puts it through as a referral, everything she said carried over; it
    reaches the server waiting for the coordinator (no coach yet), and the question keeps
    the link, closed, without the person's name or contact."""
    admin, live = spt
    lotte, lops = _window(build_window, qtbot, live.url, "lotte@spt.nl", "lotte")
    ws = lotte.workspace
    _click_nav(qtbot, ws, "loket")
    settle(qtbot, lops)
    page = ws.loket
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = _dialog("loketQuestionDialog")
    _type(qtbot, dialog, "channel", "Inloop")
    _type(qtbot, dialog, "asker", "Werkz")
    _type(qtbot, dialog, "topic", TOPIC)
    _type(qtbot, dialog, "name", NAME)
    _type(qtbot, dialog, "contact", "sanne@voorbeeld.nl")
    _type(qtbot, dialog, "answer", "Wil graag een eerste gesprek")
    qtbot.keyClick(dialog.form.editors["topic"], Qt.Key.Key_Return)
    settle(qtbot, lops)
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    assert page.refer_button.isVisible() and page.refer_button.isEnabled()

    qtbot.mouseClick(page.refer_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lops)
    refer = _dialog("referQuestionDialog")
    carried = refer.form.raw()
    assert (carried["first_name"], carried["last_name"], carried["email"]) == (
        "Sanne", "de Wit", "sanne@voorbeeld.nl"
    )  # fmt: skip
    assert (carried["question"], carried["known"]) == (TOPIC, "Wil graag een eerste gesprek")
    _type(qtbot, refer, "municipality", "Alkmaar")
    # Without her consent to share with the SPT it is refused at the field.
    ok = refer.buttons.buttons()[0]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    settle(qtbot, lops)
    assert refer.form.errors["consent_spt"].isVisibleTo(refer)
    for box in ("consent_spt", "consent_report_back"):  # by keyboard: focus, Space
        refer.form.editors[box].setFocus()
        qtbot.keyClick(refer.form.editors[box], Qt.Key.Key_Space)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    settle(qtbot, lops)
    assert page.dialogs == []
    assert page.model.rowCount() == 0  # closed: no longer among the open questions
    window_sync = lotte.a_sync
    window_sync.trigger()
    settle(qtbot, lops)

    records = admin.records()
    (referral,) = [r for r in records.values() if r["entity"] == "referral"]
    (question,) = [r for r in records.values() if r["entity"] == "loket_question"]
    assert (referral["first_name"], referral["last_name"], referral["email"]) == (
        "Sanne", "de Wit", "sanne@voorbeeld.nl"
    )  # fmt: skip
    assert referral["coach_id"] is None and referral["status"] == "received"  # Toewijzen
    assert referral["consent_spt"] is True and referral["consent_report_back"] is True
    rid = next(k for k, r in records.items() if r["entity"] == "referral")
    assert (question["outcome"], question["outcome_id"], question["status"]) == (
        "referral", rid, "closed"
    )  # fmt: skip
    assert (question["name"], question["contact"]) == (None, None)
