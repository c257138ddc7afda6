"""The Loket page and its dialogs by keyboard and screen reader, within 1366x768: every
control has a spoken name, the dialogs fit the screen, Enter changes the selected question
and bad input gets a Dutch error at the field with nothing saved."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt

from spt_common.enums import Role, Spt
from spt_desktop.models import Coach
from spt_desktop.services.session import Owner
from tests.conftest import PASSPHRASE, TODAY
from tests.ui.conftest import settle
from tests.ui.test_accessibility import unnamed

SANNE = "00000000-0000-4000-8000-000000000001"


def _loket_window(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = build_window("loket.sptvault")
    window.resize(1366, 768)
    ops.vault(lambda s: s.create(PASSPHRASE, Owner("Lotte Visser", roles=(Role.LOKET,)))).run()
    settle(qtbot, ops)
    vault = ops.session._vault
    with vault.transaction(vault.owner_id) as s:  # a colleague, as a sync brings her
        s.add(Coach(id=SANNE, name="Sanne Bakker", email="sanne@spt.nl",
                    roles="loopbaancoach", spt=Spt.NOORD_HOLLAND))  # fmt: skip
    ops.session.services.loket.register({
        "received_on": TODAY - timedelta(days=1), "channel": "phone", "asker": "job_seeker",
        "topic": "Omscholen naar installatietechniek", "name": "Sanne de Wit",
        "contact": "06 12345678", "to_coach_id": SANNE,
    })  # fmt: skip
    window._unlocked()
    settle(qtbot, ops)
    window.workspace.show_page("loket")
    settle(qtbot, ops)
    return window, ops


def _each_dialog(page: Any, qtbot: Any, ops: Any) -> dict[str, Any]:
    found = {}
    for open_it in (page.new_question, page.edit_selected, page.close_selected,
                    page.refer_selected):  # fmt: skip
        open_it()
        settle(qtbot, ops)
        dialog = page.dialogs[-1]
        found[dialog.objectName()] = (unnamed(dialog), dialog.sizeHint().height())
        dialog.drafts.cancel()
        dialog.done(0)
        settle(qtbot, ops)
    return found


def test_every_control_is_named_and_every_dialog_fits(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = _loket_window(build_window, qtbot)
    page = window.workspace.loket
    assert page.model.rowCount() == 1
    assert unnamed(page) == []
    assert window.width() <= 1366 and window.minimumSizeHint().width() <= 1280
    dialogs = _each_dialog(page, qtbot, ops)
    assert set(dialogs) == {"loketQuestionDialog", "closeQuestionDialog", "referQuestionDialog"}
    for name, (missing, height) in dialogs.items():
        assert missing == [], name
        assert height <= 700, (name, height)  # below the title bar and the task bar


def test_enter_opens_the_question_and_bad_input_stays_at_the_field(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = _loket_window(build_window, qtbot)
    page = window.workspace.loket
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    settle(qtbot, ops)
    (dialog,) = page.dialogs
    assert dialog.objectName() == "loketQuestionDialog"
    topic = dialog.form.editors["topic"]
    topic.setFocus()
    topic.selectAll()
    qtbot.keyClick(topic, Qt.Key.Key_Delete)
    contact = dialog.form.editors["contact"]
    contact.setFocus()
    contact.selectAll()
    qtbot.keyClicks(contact, "bel me")
    qtbot.keyClick(contact, Qt.Key.Key_Return)
    settle(qtbot, ops)
    assert dialog.form.errors["topic"].text() == "verplicht veld"
    assert "telefoonnummer" in dialog.form.errors["contact"].text()
    (kept,) = ops.session.services.loket.questions()
    assert (kept.topic, kept.contact) == ("Omscholen naar installatietechniek", "06 12345678")
