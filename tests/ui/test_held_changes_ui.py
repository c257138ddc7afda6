"""The coach sees, in Dutch and without anyone's data, that colleagues' changes wait for
an update of her app (``sync.held``): the status bar says how many for as long as they
wait, the message bar says it once after the sync that finds them (again only when more
come), and both say what to do: update the app."""

from __future__ import annotations

import pytest

from tests.ui.conftest import linked_window, settle

pytest.importorskip("uvicorn")


def hold_one(ops, rid: str) -> None:  # type: ignore[no-untyped-def]
    """A change held as a pull of this version holds it (a sector of a newer app's)."""
    record = {
        "entity": "employer",
        "id": rid,
        "rev": 4,
        "deleted": False,
        "data": {"name": "Ruimtevaart BV", "sector": "ruimtevaart"},
    }

    def write(session) -> None:  # type: ignore[no-untyped-def]
        from spt_desktop.sync import held
        from spt_desktop.sync.engine import remote_connection

        with remote_connection(session._vault) as conn:
            held.hold(conn, [record])

    ops.vault(write).run()


def test_the_coach_reads_that_changes_wait_for_an_update(build_window, qtbot, server):  # type: ignore[no-untyped-def]
    window, ops = linked_window(build_window, qtbot, server.url)
    hold_one(ops, "019b76da-0000-7000-8000-0000000000f1")
    settle(qtbot, ops)
    window.a_sync.trigger()
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: not window._syncing, timeout=30000)
    settle(qtbot, ops)

    one = "1 wijziging kan deze versie van de app nog niet verwerken; werk de app bij"
    assert one in window.sync_label.text()
    assert window.message.isVisible() and one in window.message.text.text()
    assert "Ruimtevaart" not in window.sync_label.text() + window.message.text.text()

    # The next sync finds no more: the status bar still says it, the message bar not again.
    window.message.hide()
    window.a_sync.trigger()
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: not window._syncing, timeout=30000)
    settle(qtbot, ops)
    assert one in window.sync_label.text()
    assert not window.message.isVisible()

    hold_one(ops, "019b76da-0000-7000-8000-0000000000f2")
    settle(qtbot, ops)
    window.a_sync.trigger()
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: not window._syncing, timeout=30000)
    settle(qtbot, ops)
    two = "2 wijzigingen kan deze versie van de app nog niet verwerken; werk de app bij"
    assert two in window.sync_label.text()
    assert window.message.isVisible() and two in window.message.text.text()
