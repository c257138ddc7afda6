"""A record the server would not take is not a conflict. The demo caseload's first push
(a demo vault linked to a real server) had the server refuse its handovers and
assignments to colleagues who have no account there and the registries of other SPTs;
the coach then read "226 wijzigingen botsten met die van een collega" and "226
conflicten" in the status bar, while no colleague had changed anything and the server
kept no conflict. What she sees now says what happened: so many changes not taken, to be
read at Conflicten, and "conflict" only for fields changed on both sides."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import settle

pytest.importorskip("uvicorn")
from tests.support.server_kit import PASSWORD, Admin, LiveServer, make_db


@pytest.fixture
def live_anna(tmp_path: Path) -> Iterator[tuple[Admin, LiveServer]]:
    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("anna@spt.nl", roles="loopbaancoach,arbeidsmarktcoach,jobcoach")
    live = LiveServer(url).start()
    yield admin, live
    live.stop()
    admin.close()


def demo_linked(build_window, qtbot, url: str):  # type: ignore[no-untyped-def]
    """The demo vault (8 candidates), unlocked by keys, then linked to ``url`` as Anna."""
    from spt_desktop.services.session import DEMO_PASSPHRASE
    from tests.ui.conftest import TODAY

    window, ops = build_window("demo.sptvault", demo=True)
    # Filled by the demo generator but not marked a demo vault (the benches' way): a
    # marked one is never linked (test_demo_not_linked.py).
    ops.vault(lambda s: s.ensure_demo(TODAY, 8, mark=False)).run()
    settle(qtbot, ops)
    qtbot.keyClicks(window.unlock_screen.passphrase, DEMO_PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    settle(qtbot, ops)
    # Linked in Instellingen, as the coach does it.
    ws = window.workspace
    ws.show_page("settings")
    page = ws.settings_page
    qtbot.keyClicks(page.server_url, url)
    qtbot.keyClicks(page.email, "anna@spt.nl")
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert "Gekoppeld aan" in page.server_state.text(), page.login_error.text()
    return window, ops


def kinds(ops) -> dict[str, int]:  # type: ignore[no-untyped-def]
    found: dict[str, int] = {}
    for c in ops.session.conflicts():
        found[c.kind] = found.get(c.kind, 0) + 1
    return found


def test_the_demos_first_push_says_refused_not_conflict(build_window, qtbot, live_anna):  # type: ignore[no-untyped-def]
    _admin, live = live_anna
    window, ops = demo_linked(build_window, qtbot, live.url)
    window.a_sync.trigger()  # the toolbar's Synchroniseren (Ctrl+S)
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: not window._syncing, timeout=30000)
    settle(qtbot, ops)

    found = kinds(ops)
    refused = found.get("forbidden", 0) + found.get("rejected", 0)
    assert refused > 0 and found.get("field", 0) == 0, found
    label = window.sync_label.text()
    assert "conflict" not in label, label
    assert f"{refused} wijzigingen niet aangenomen" in label, label
    said = window.message.text.text()  # the bar above the pages
    assert window.message.isVisible() and "botsten" not in said, said
    assert f"De server nam {refused} wijzigingen niet aan" in said, said

    # Conflicten lists them, as records not taken, not as two versions of a field.
    ws = window.workspace
    ws.show_page("conflicts")
    settle(qtbot, ops)
    summary = ws.conflicts.summary.text()
    assert summary.startswith(f"{refused} keer kwam uw werk niet (meer) aan"), summary
    assert "velden" not in summary
