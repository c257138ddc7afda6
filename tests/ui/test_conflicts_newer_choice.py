"""Conflicten, when the server's value is a choice this version of the app does not know
(a sector a colleague's newer app added): the coach reads, in Dutch, that it is a new
choice she sees after an update, never its code; her own choice by its Dutch name; and
either way of resolving works. A real server on loopback, her vault in the app's window,
a colleague's vault beside it; the coach's steps through widgets only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from tests.ui.conftest import TODAY, linked_window, settle

pytest.importorskip("uvicorn")
from tests.support.server_kit import Admin, LiveServer, bound, local_rows, make_db

NEW_SECTOR = "ruimtevaart"  # a sector of a newer app's
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def sync_in_window(window, ops, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.a_sync.trigger()
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: not window._syncing, timeout=30000)
    settle(qtbot, ops)


def cells(page, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    model = page.model
    return [
        str(model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole))
        for col in range(model.columnCount())
    ]


def test_a_new_choice_of_the_server_is_shown_in_plain_dutch_and_resolves(
    build_window, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from spt_desktop.services import Services
    from spt_desktop.sync import engine
    from spt_desktop.sync.transport import Transport

    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("anna@spt.nl", roles="arbeidsmarktcoach")
    admin.add_coach("bram@spt.nl", roles="arbeidsmarktcoach")
    live = LiveServer(url).start()
    try:
        window, ops = linked_window(build_window, qtbot, live.url)
        window.resize(1366, 768)
        employers = ops.session.services.employers
        first = employers.create(
            {"name": "Zaanwarmte", "sector": "installatie", "municipality": "Zaanstad"}
        )
        second = employers.create(
            {"name": "Hoorn Elektro", "sector": "installatie", "municipality": "Hoorn"}
        )
        sync_in_window(window, ops, qtbot)

        # Bram, on a newer app, gives both a sector this version does not know.
        bram = bound(tmp_path, "bram", live.url, "bram@spt.nl")
        with Transport(live.url) as t:
            engine.sync(bram, transport=t)
            for emp in (first, second):
                Services(bram, today=lambda: TODAY).employers.update(emp.id, {"sector": "metaal"})
            engine.sync(bram, transport=t)
        with admin.engine.begin() as c:
            c.execute(
                sa.text(
                    "UPDATE record SET data = json_set(data, '$.sector', :s) WHERE id IN (:a, :b)"
                ),
                {"s": NEW_SECTOR, "a": first.id, "b": second.id},
            )
        # Anna, offline meanwhile, chose another sector for both.
        for emp in (first, second):
            employers.update(emp.id, {"sector": "bouw"})
        sync_in_window(window, ops, qtbot)

        qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)  # Conflicten
        settle(qtbot, ops)
        page = window.workspace.conflicts
        assert window.workspace.stack.currentWidget() is page
        assert page.model.rowCount() == 2
        # Each row names its employer: two rows of "sector" alone cannot be told apart.
        assert {cells(page, row)[2] for row in range(2)} == {
            "sector van Zaanwarmte",
            "sector van Hoorn Elektro",
        }
        for row in range(2):
            found = cells(page, row)
            assert found[3] == "Bouw"  # her choice by its name
            assert found[4] == "nieuwe keuze: werk de app bij"
            assert NEW_SECTOR not in " ".join(found) and "metaal" not in " ".join(found)
        summary = page.summary.text()
        assert "Bij 2 daarvan is de versie van de server een nieuwe keuze" in summary
        assert NEW_SECTOR not in summary
        assert page.theirs.accessibleName() and page.mine.accessibleName()
        if os.environ.get("SPT_SCREENSHOTS"):
            window.grab().save(str(SHOTS / "17-conflicten-nieuwe-keuze-1366.png"))

        # The first: the server's version. Closed; her value stays until the update.
        page.view.selectRow(0)
        qtbot.mouseClick(page.theirs, Qt.MouseButton.LeftButton)
        settle(qtbot, ops)
        assert page.model.rowCount() == 1
        # The second: hers, written back as an edit and pushed at the next sync; the
        # change held for it is then superseded and goes.
        page.view.selectRow(0)
        qtbot.mouseClick(page.mine, Qt.MouseButton.LeftButton)
        settle(qtbot, ops)
        assert page.model.rowCount() == 0
        sync_in_window(window, ops, qtbot)
        assert "1 wijziging kan deze versie van de app nog niet verwerken" in (
            window.sync_label.text()
        )
        assert admin.records()[second.id]["sector"] == "bouw"
        assert admin.records()[first.id]["sector"] == NEW_SECTOR
        vault = ops.session._vault
        assert local_rows(vault, "employer")[second.id]["sector"] == "bouw"
        assert local_rows(vault, "employer")[first.id]["sector"] == "bouw"  # until the update
    finally:
        live.stop()
        admin.close()
