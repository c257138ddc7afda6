"""A loopbaancoach given the loket role later finds the SPT's whole loket register on her
Loket page after her next sync, the questions asked before her role included (as a
handover brings a whole dossier), not only those that come after. Real server on
loopback, real vault; she works through the widgets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import linked_window, settle
from tests.ui.test_coordination_page import _click_nav

pytest.importorskip("uvicorn")
from spt_server import cli
from tests.server.test_loket import _login, question
from tests.support.server_kit import Admin, LiveServer, make_db


@pytest.fixture
def spt(tmp_path: Path):  # type: ignore[no-untyped-def]
    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("lotte@spt.nl", roles="loket")
    admin.add_coach("anna@spt.nl", roles="loopbaancoach")
    live = LiveServer(url).start()
    lotte = _login(live, "lotte@spt.nl")
    yield url, live, lotte
    lotte.http.close()
    live.stop()
    admin.close()


def _sync(qtbot, window, ops) -> None:  # type: ignore[no-untyped-def]
    window.a_sync.trigger()
    settle(qtbot, ops)


def test_the_loket_role_given_later_brings_the_older_questions(build_window, qtbot, spt):  # type: ignore[no-untyped-def]
    url, live, lotte = spt
    asked = [question(lotte.id, topic=t) for t in ("Omscholen naar lassen", "BBL installatie")]
    lotte.sync(*asked)
    window, ops = linked_window(build_window, qtbot, live.url)
    ws = window.workspace
    _sync(qtbot, window, ops)
    _click_nav(qtbot, ws, "loket")
    settle(qtbot, ops)
    assert ws.loket.model.rowCount() == 0  # a loopbaancoach: none passed on to her

    assert cli.main(["set-roles", "--db", url, "--email", "anna@spt.nl",
                     "--role", "loopbaancoach,loket"]) == 0  # fmt: skip
    lotte.sync(question(lotte.id, topic="Open dag techniek"))
    _sync(qtbot, window, ops)
    ws = window.workspace
    _click_nav(qtbot, ws, "loket")
    settle(qtbot, ops)
    page = ws.loket
    shown = {
        page.model.index(r, c).data()
        for r in range(page.model.rowCount())
        for c in range(page.model.columnCount())
    }
    assert page.model.rowCount() == 3
    assert {"Omscholen naar lassen", "BBL installatie", "Open dag techniek"} <= shown
