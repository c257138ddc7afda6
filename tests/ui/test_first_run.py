"""First run: the recovery key is shown once, can be printed, and the coach only starts
after confirming she stored it; the key does not stay on screen afterwards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from spt_common.enums import Role
from tests.conftest import PASSPHRASE
from tests.ui.conftest import settle


def alnum(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def test_recovery_key_print_and_confirm(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    import pypdf
    from PySide6.QtPrintSupport import QPrinter

    window, ops = build_window()
    window.start_first_run()
    wiz = window.wizard
    qtbot.keyClicks(wiz.name, "Sanne Bakker")
    wiz.roles[Role.JOBCOACH].setChecked(True)
    qtbot.keyClicks(wiz.passphrase, PASSPHRASE)
    qtbot.keyClicks(wiz.repeat, PASSPHRASE + " anders")
    qtbot.mouseClick(wiz.create_button, Qt.MouseButton.LeftButton)
    assert "niet gelijk" in wiz.error.text()
    assert not ops.session.exists  # nothing made from a mistyped passphrase
    wiz.repeat.clear()
    qtbot.keyClicks(wiz.repeat, PASSPHRASE)
    qtbot.keyClick(wiz.repeat, Qt.Key.Key_Return)
    settle(qtbot, ops)
    key = wiz.key.text()
    assert len(key) > 20 and wiz.steps.currentIndex() == 1
    assert wiz.key.sizeHint().width() <= wiz.key.width()  # all of it on screen
    assert not wiz.passphrase.text() and not wiz.repeat.text()

    # "Afdrukken…" opens the print dialog; what it prints, here into a PDF printer:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "sleutel.pdf"))
    wiz.print_key(printer)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "sleutel.pdf").pages)
    assert alnum(key) in alnum(text) and "herstelsleutel" in text

    # Only "I have stored it" lets her start; then the key is gone from the screen.
    assert not wiz.done_button.isEnabled()
    qtbot.keyClick(wiz.stored, Qt.Key.Key_Space)
    assert wiz.done_button.isEnabled()
    qtbot.keyClick(wiz.stored, Qt.Key.Key_Space)
    assert not wiz.done_button.isEnabled()
    qtbot.keyClick(wiz.stored, Qt.Key.Key_Space)
    qtbot.mouseClick(wiz.done_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ops)
    assert window.wizard is None and window.workspace is not None
    assert not [w for w in window.findChildren(QLabel) if alnum(key) in alnum(w.text())]

    # The key opens the vault (with a new passphrase) after a lock.
    window.lock()
    settle(qtbot, ops)
    screen = window.unlock_screen
    qtbot.mouseClick(screen.toggle, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.recovery_key, key.replace("\n", "-"))
    qtbot.keyClicks(screen.new_passphrase, "nieuwe zin na herstel")
    qtbot.keyClick(screen.new_passphrase, Qt.Key.Key_Return)
    settle(qtbot, ops)
    assert window.workspace is not None
    window.lock()
    settle(qtbot, ops)
    qtbot.mouseClick(screen.toggle, Qt.MouseButton.LeftButton)  # back to the passphrase
    qtbot.keyClicks(screen.passphrase, "nieuwe zin na herstel")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    settle(qtbot, ops)
    assert window.workspace is not None


def test_link_the_server_in_the_wizard(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    """Optional linking at first run: a wrong password is said at the fields and she can
    still start offline; the right one links the vault before the workspace opens."""

    import pytest

    pytest.importorskip("uvicorn")
    from tests.support.server_kit import PASSWORD, Admin, LiveServer, make_db

    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("sanne@spt.nl")
    server = LiveServer(url).start()
    try:
        window, ops = build_window()
        window.start_first_run()
        wiz = window.wizard
        qtbot.keyClicks(wiz.name, "Sanne Bakker")
        wiz.roles[Role.LOOPBAANCOACH].setChecked(True)
        qtbot.keyClicks(wiz.passphrase, PASSPHRASE)
        qtbot.keyClicks(wiz.repeat, PASSPHRASE)
        qtbot.keyClick(wiz.repeat, Qt.Key.Key_Return)
        settle(qtbot, ops)
        qtbot.keyClick(wiz.stored, Qt.Key.Key_Space)
        wiz.link.setChecked(True)
        qtbot.keyClicks(wiz.server_url, server.url)
        qtbot.keyClicks(wiz.server_email, "sanne@spt.nl")
        qtbot.keyClicks(wiz.server_password, "niet het wachtwoord")
        qtbot.keyClick(wiz.server_password, Qt.Key.Key_Return)
        settle(qtbot, ops)
        assert window.wizard is wiz and wiz.link_error.isVisible()
        assert "klopt niet" in wiz.link_error.text()
        wiz.server_password.clear()
        qtbot.keyClicks(wiz.server_password, PASSWORD)
        qtbot.mouseClick(wiz.done_button, Qt.MouseButton.LeftButton)
        settle(qtbot, ops)
        assert window.wizard is None and window.workspace is not None
        assert "Nog niet gesynchroniseerd" in window.sync_label.text()
        window.a_sync.trigger()
        settle(qtbot, ops)
        assert "Laatst gesynchroniseerd" in window.sync_label.text()
    finally:
        server.stop()
        admin.close()
