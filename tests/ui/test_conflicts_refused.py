"""Conflicten shows a whole record the server refused: a note Anna wrote offline after
her dossier was handed over (tests/sync/test_sync_client.py promises it "stays visible in
Conflicten"). The page crashed on such a row (the DTO dropped the conflict's kind)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE
from tests.ui.conftest import settle

pytest.importorskip("uvicorn")
from tests.support.server_kit import (
    PASSWORD,
    Admin,
    LiveServer,
    add_candidate,
    add_handover,
    add_note,
    edit,
    make_db,
    make_vault,
)

LATE = "Nog even doorgeven: start maandag om 7 uur"


def _refused_note(tmp_path: Path) -> Path:
    """Anna's vault after the sync that refused her late note (a real server)."""
    from spt_desktop.sync import engine
    from spt_desktop.sync.transport import Transport

    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("anna@spt.nl")
    bob = admin.add_coach("bob@spt.nl", roles="jobcoach")
    live = LiveServer(url).start()
    try:
        vaults = {}
        for name in ("anna", "bob"):
            v = make_vault(tmp_path / f"{name}.sptvault")
            engine.login(v, live.url, f"{name}@spt.nl", PASSWORD, device_name=name)
            vaults[name] = v
        a, b = vaults["anna"], vaults["bob"]
        with Transport(live.url) as t:
            cand = add_candidate(a)
            engine.sync(a, transport=t)
            hand = add_handover(a, cand, bob)
            engine.sync(a, transport=t)
            engine.sync(b, transport=t)
            edit(b, "handover", hand, status="accepted", accepted_at=datetime(2026, 11, 5, 9))
            engine.sync(b, transport=t)
            add_note(a, cand, text=LATE)
            report = engine.sync(a, transport=t)
        assert report.purged == 1
        a.lock()
        b.lock()
    finally:
        live.stop()
        admin.close()
    return tmp_path / "anna.sptvault"


def test_a_refused_note_is_shown_and_can_be_closed(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    _refused_note(tmp_path)
    window, ops = build_window("anna.sptvault")
    settle(qtbot, ops)
    qtbot.keyClicks(window.unlock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    settle(qtbot, ops)

    ws = window.workspace
    ws.show_page("conflicts")
    settle(qtbot, ops)
    page = ws.conflicts
    assert page.model.rowCount() == 1
    index = page.model.index(0, 2)
    assert page.model.data(index, Qt.ItemDataRole.DisplayRole) == (
        "niet afgeleverd: dossier niet meer van u"
    )
    mine = page.model.data(page.model.index(0, 3), Qt.ItemDataRole.DisplayRole)
    assert LATE in mine
    assert "candidate_id" not in mine and "{" not in mine  # her text, not the record's keys
    # Nothing of hers can be written back (the dossier is not hers): close, not "keep mine".
    assert not page.mine.isEnabled() and page.theirs.isEnabled()
    assert page.theirs.text() == "Gezien, melding sluiten"
    assert "niet (meer) aan op de server" in page.summary.text()
    # She passed it on by phone: she closes it; nothing else goes.
    qtbot.mouseClick(page.theirs, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert page.model.rowCount() == 0
