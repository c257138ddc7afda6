"""The handover dialog offers only colleague/role pairs that can be chosen, the likeliest
first: before, it listed every colleague (the coördinator first) and a separate role, and
the first try failed with "Deze collega heeft de rol Loopbaancoach niet"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from spt_common.enums import Role, Spt
from tests.ui.conftest import register_kim, settle, unlocked_window


def test_only_possible_pairs_likeliest_first(build_window, qtbot):  # type: ignore[no-untyped-def]
    kim = []

    def before(ops):  # type: ignore[no-untyped-def]
        coaches = ops.session.services.coaches
        coaches.add("Carla Coördinator", "carla@example.nl", [Role.COORDINATOR], Spt.NOORD_HOLLAND)
        coaches.add("Ahmed Yilmaz", "ahmed@example.nl", [Role.JOBCOACH], Spt.NOORD_HOLLAND)
        coaches.add(
            "Bram Visser", "bram@example.nl",
            [Role.ARBEIDSMARKTCOACH, Role.JOBCOACH], Spt.NOORD_HOLLAND,
        )  # fmt: skip
        kim.append(register_kim(ops))

    window, ops = unlocked_window(build_window, qtbot, before)
    ws = window.workspace
    ws.open_candidate(kim[0].id)
    settle(qtbot, ops)
    button = ws.candidate_page.findChild(QPushButton, "dossierHandover")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    dialog = next(d for d in ws.dialogs if d.objectName() == "handoverDialog")
    combo = dialog.form.editors["to"]
    offered = [combo.itemText(i) for i in range(combo.count()) if combo.itemText(i)]
    # Kim is in her first orientation: the next step is matching, the arbeidsmarktcoach's.
    assert offered == ["Bram Visser — Arbeidsmarktcoach", "Ahmed Yilmaz — Jobcoach",
                       "Bram Visser — Jobcoach"]  # fmt: skip
    assert combo.currentText() == "Bram Visser — Arbeidsmarktcoach"  # the likeliest, chosen

    qtbot.keyClicks(dialog.form.editors["summary"], "Klaar voor matching.")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    handovers = ops.session.services.handovers.for_candidate(kim[0].id)
    assert [(h.to_role, h.status.value) for h in handovers] == [(Role.ARBEIDSMARKTCOACH, "pending")]
