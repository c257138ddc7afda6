"""What the coach did is confirmed where the eye is, without blocking: a short line in the
status bar that fades. A notice about one candidate does not stay on the next one's page
(before, "PDF opgeslagen." stayed on screen on other candidates' dossiers)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from spt_desktop.ui.window import CONFIRM_MS
from tests.ui.conftest import register_kim, settle, unlocked_window


def test_registering_and_saving_are_confirmed_and_fade(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = unlocked_window(build_window, qtbot)
    ws = window.workspace
    window.a_new.trigger()
    settle(qtbot, ops)
    dialog = next(d for d in ws.dialogs if d.objectName() == "candidateDialog")
    for name, text in (("first_name", "Noor"), ("last_name", "Bakker"), ("municipality", "Hoorn")):
        qtbot.keyClicks(dialog.findChild(QLineEdit, f"field_{name}"), text)
    for name, text in (
        ("referral_source", "UWV"),
        ("persona", "Met werk buiten de techniek"),
        ("benefit_status", "Geen uitkering"),
    ):
        combo = dialog.form.editors[name]
        combo.setCurrentIndex(combo.findText(text))
    dialog.form.editors["consent"].setChecked(True)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    settle(qtbot, ops)
    assert window.statusBar().currentMessage() == "Kandidaat ingeschreven."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=CONFIRM_MS + 3000)

    page = ws.candidate_page
    assert ws.stack.currentWidget() is page  # registering opens her dossier
    town = page.profile.profile.findChild(QLineEdit, "field_municipality")
    town.clear()
    qtbot.keyClicks(town, "Enkhuizen")
    qtbot.mouseClick(page.profile.save_profile, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert window.statusBar().currentMessage() == "Profiel opgeslagen."


def test_a_notice_leaves_with_its_candidate(build_window, qtbot):  # type: ignore[no-untyped-def]
    ids = []
    window, ops = unlocked_window(
        build_window,
        qtbot,
        lambda o: ids.extend(
            [register_kim(o).id, register_kim(o, first_name="Jan", last_name="Smit").id]
        ),
    )
    ws = window.workspace
    ws.open_candidate(ids[0])
    settle(qtbot, ops)
    page = ws.candidate_page
    page.notice.setText("Inzageverzoek opgeslagen.")  # what an export leaves for her
    ws.open_candidate(ids[1])
    settle(qtbot, ops)
    assert page.notice.text() == ""
