"""A demo vault is never linked to a server (product decision, 2026-12-05). Linked, the
demo pushed thousands of made-up candidates into the real register and the
coordinator's monitor. The vault ``--demo`` makes carries a mark; Koppelen in
Instellingen refuses it with a Dutch message at the button and stores nothing: no token,
no server address, no device on the server. Before, the demo vault linked and its first
sync pushed the made-up caseload."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import settle, unlocked_demo
from tests.ui.test_refusals_not_conflicts import live_anna  # noqa: F401  (fixture)

REFUSED = "Dit is een oefenkluis met verzonnen gegevens; die wordt niet aan een server gekoppeld."


def _settings(ops) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The vault's sync settings (keys only what a link writes)."""
    from spt_desktop.services.demo_mark import LINK_KEYS

    status = ops.session.sync_status()
    return {"linked": str(status.linked), "server": str(status.server_url)} | {
        key: "set" for key in LINK_KEYS if ops.session._get(key) is not None
    }


def test_koppelen_refuses_the_demo_vault_and_stores_nothing(build_window, qtbot, live_anna):  # type: ignore[no-untyped-def]  # noqa: F811
    admin, live = live_anna
    before = admin.records()  # Anna's own coach record
    window, ops = unlocked_demo(build_window, qtbot, 8)
    window.resize(1366, 768)
    ws = window.workspace
    ws.show_page("settings")
    settle(qtbot, ops)
    page = ws.settings_page
    # Said before she types: this vault is not for a server (not "koppelen kan later").
    assert "Oefenkluis" in page.server_state.text(), page.server_state.text()
    assert "later" not in page.server_state.text()
    qtbot.keyClicks(page.server_url, live.url)
    qtbot.keyClicks(page.email, "anna@spt.nl")
    from tests.support.server_kit import PASSWORD

    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)

    # The message at the button, in Dutch, and the button ready again.
    assert page.login_error.isVisible()
    assert REFUSED in page.login_error.text(), page.login_error.text()
    assert "eigen kluis" in page.login_error.text()
    assert page.login_button.isEnabled()
    assert "Gekoppeld aan" not in page.server_state.text(), page.server_state.text()
    # Nothing stored in the vault: not linked, no server address, no token, no account.
    assert _settings(ops) == {"linked": "False", "server": "None"}
    # Nothing reached the server: Anna's account has no device, no record came in.
    with admin.session() as s:
        import sqlalchemy as sa

        devices = s.execute(sa.text("select count(*) from device")).scalar_one()
    assert devices == 0
    assert admin.records() == before

    # Conflicten does not send her to Instellingen to link it.
    ws.show_page("conflicts")
    settle(qtbot, ops)
    assert "oefenkluis" in ws.conflicts.summary.text(), ws.conflicts.summary.text()
    assert "Koppelen kan" not in ws.conflicts.summary.text()

    # Synchroniseren (the toolbar's) on the demo vault sends nothing either.
    assert "Oefenkluis" in window.sync_label.text(), window.sync_label.text()
    window.a_sync.trigger()
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: not window._syncing, timeout=10000)
    said = window.message.text.text()  # the bar above the pages
    assert window.message.isVisible() and REFUSED in said, said
    assert admin.records() == before
