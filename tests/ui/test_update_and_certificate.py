"""The window on the network of a coach's laptop (issue 17 §1), against the real SPT
server on loopback: a server that requires a newer app (the version handshake), one that
recommends it, and a server certificate the laptop does not trust. Calm every time: the
status bar says why, the message bar says what to do once, her work stays on the laptop
and she works on; the sync that can, sends it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

import spt_desktop
from spt_common import protocol as p
from tests.ui.conftest import linked_window, register_kim, settle

pytest.importorskip("uvicorn")
trustme = pytest.importorskip("trustme")
from tests.support.server_kit import Admin, LiveServer, make_db  # noqa: E402
from tests.support.tls_kit import ca_file, server_cert  # noqa: E402

OLD = "0.0.9"
CURRENT = spt_desktop.__version__


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The server's database with Anna's account, and its administration; no version
    settings and no extra CA on this laptop to begin with."""
    for name in (
        p.MIN_CLIENT_VERSION_ENV,
        p.RECOMMENDED_CLIENT_VERSION_ENV,
        "SSL_CERT_FILE",
        "SSL_CERT_DIR",
    ):
        monkeypatch.delenv(name, raising=False)
    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("anna@spt.nl")
    yield url, admin
    admin.close()


def press_sync(qtbot, window, ops) -> None:  # type: ignore[no-untyped-def]
    """F5, as the coach presses it, and wait for the sync to end."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_F5)
    settle(qtbot, ops)


def edit_municipality(qtbot, window, ops, candidate_id: str, value: str) -> None:  # type: ignore[no-untyped-def]
    """Her work: the municipality in the profile, typed and saved."""
    ws = window.workspace
    ws.open_candidate(candidate_id)
    settle(qtbot, ops)
    form = ws.candidate_page.profile.profile
    form.editors["municipality"].clear()
    qtbot.keyClicks(form.editors["municipality"], value)
    qtbot.mouseClick(ws.candidate_page.profile.save_profile, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)


def server_municipality(admin: Admin, candidate_id: str) -> str | None:
    record = admin.records().get(candidate_id)
    return None if record is None else str(record["municipality"])


def test_an_old_app_is_told_to_update_calmly_and_loses_nothing(  # type: ignore[no-untyped-def]
    build_window, qtbot, site, monkeypatch
) -> None:
    url, admin = site
    live = LiveServer(url).start()
    try:
        window, ops = linked_window(build_window, qtbot, live.url)
        # IT requires this release from now on; this laptop still runs an older build.
        monkeypatch.setenv(p.MIN_CLIENT_VERSION_ENV, CURRENT)
        live.restart()
        monkeypatch.setattr(spt_desktop, "__version__", OLD)
        kim = register_kim(ops)
        settle(qtbot, ops)

        press_sync(qtbot, window, ops)
        state = window.sync_label.text()
        assert "Nieuwe versie nodig om te synchroniseren" in state
        assert "uw werk is veilig op deze laptop" in state
        told = window.message.text.text()
        assert window.message.isVisible()
        assert f"minstens {CURRENT}, deze laptop heeft {OLD}" in told
        assert "Er is niets verloren" in told
        assert server_municipality(admin, kim.id) is None

        # She closes the message and works on, offline; the next sync (F5, or the timer)
        # says it in the status bar again, not in her face.
        qtbot.mouseClick(
            window.message.findChild(QPushButton, "messageClose"), Qt.MouseButton.LeftButton
        )
        edit_municipality(qtbot, window, ops, kim.id, "Den Helder")
        assert ops.session.sync_status().unsynced > 0
        press_sync(qtbot, window, ops)
        assert "Nieuwe versie nodig" in window.sync_label.text()
        assert not window.message.isVisible()
        assert ops.session.services.candidates.get(kim.id).municipality == "Den Helder"

        # The app is updated (the same vault; the current build): the sync sends it all.
        monkeypatch.setattr(spt_desktop, "__version__", CURRENT)
        press_sync(qtbot, window, ops)
        assert "conflict" not in window.sync_label.text()  # not with her own push
        assert "Laatst gesynchroniseerd" in window.sync_label.text()
        assert "niets te versturen" in window.sync_label.text()
        assert "bijwerken aanbevolen" not in window.sync_label.text()
        assert server_municipality(admin, kim.id) == "Den Helder"
    finally:
        live.stop()


def test_an_update_recommended_is_a_note_in_the_status_bar(  # type: ignore[no-untyped-def]
    build_window, qtbot, site, monkeypatch
) -> None:
    url, admin = site
    monkeypatch.setenv(p.RECOMMENDED_CLIENT_VERSION_ENV, "99.0")
    live = LiveServer(url).start()
    try:
        window, ops = linked_window(build_window, qtbot, live.url)
        kim = register_kim(ops)
        press_sync(qtbot, window, ops)
        state = window.sync_label.text()
        assert "Laatst gesynchroniseerd" in state
        assert "nieuwe versie van SPT Desktop beschikbaar (bijwerken aanbevolen)" in state
        assert not window.message.isVisible()  # nothing to do now: no message in her face
        assert server_municipality(admin, kim.id) == "Alkmaar"
    finally:
        live.stop()


def test_a_certificate_the_laptop_does_not_trust_is_said_as_such(  # type: ignore[no-untyped-def]
    build_window, qtbot, site, monkeypatch, tmp_path
) -> None:
    url, admin = site
    ca = trustme.CA(organization_name="Gemeente Voorbeeld intern")
    live = LiveServer(url, tls=server_cert(ca, tmp_path, "127.0.0.1")).start()
    trusted = str(ca_file(ca, tmp_path))
    try:
        monkeypatch.setenv("SSL_CERT_FILE", trusted)  # linked while the CA was installed
        window, ops = linked_window(build_window, qtbot, live.url)
        monkeypatch.delenv("SSL_CERT_FILE")  # a laptop without it
        kim = register_kim(ops)

        press_sync(qtbot, window, ops)
        assert "Certificaat van de server niet vertrouwd" in window.sync_label.text()
        told = window.message.text.text()
        assert "vertrouwt het certificaat van de server niet" in told
        assert "IT-afdeling" in told and "niet bereikbaar" not in told
        assert server_municipality(admin, kim.id) is None

        monkeypatch.setenv("SSL_CERT_FILE", trusted)  # IT installed the CA
        press_sync(qtbot, window, ops)
        assert "Laatst gesynchroniseerd" in window.sync_label.text()
        assert server_municipality(admin, kim.id) == "Alkmaar"
    finally:
        live.stop()


def test_linking_to_a_server_with_an_untrusted_certificate_says_so_at_the_field(  # type: ignore[no-untyped-def]
    build_window, qtbot, site, tmp_path
) -> None:
    """Linking in Instellingen, as IT's first try on a laptop without the CA: the error
    at the login button names the certificate, not the network."""
    from spt_desktop.services.session import Owner
    from tests.conftest import PASSPHRASE
    from tests.support.server_kit import PASSWORD

    url, _admin = site
    ca = trustme.CA(organization_name="Gemeente Voorbeeld intern")
    live = LiveServer(url, tls=server_cert(ca, tmp_path, "127.0.0.1")).start()
    try:
        window, ops = build_window()
        ops.vault(lambda s: s.create(PASSPHRASE, Owner("Anna"))).run()
        settle(qtbot, ops)
        window._unlocked()
        settle(qtbot, ops)
        ws = window.workspace
        ws.show_page("settings")
        page = ws.settings_page
        qtbot.keyClicks(page.server_url, live.url)
        qtbot.keyClicks(page.email, "anna@spt.nl")
        qtbot.keyClicks(page.password, PASSWORD)
        qtbot.mouseClick(page.login_button, Qt.MouseButton.LeftButton)
        settle(qtbot, ops)
        assert page.login_error.isVisible()
        assert "vertrouwt het certificaat van de server niet" in page.login_error.text()
        assert "niet bereikbaar" not in page.login_error.text()
        assert "Gekoppeld aan" not in page.server_state.text()
    finally:
        live.stop()
