"""Locking when the OS says so: logind's PrepareForSleep and Session.Lock, and the
desktop screen savers' ActiveChanged, sent over a real (private) D-Bus daemon."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from spt_desktop.services.session import Owner
from tests.conftest import PASSPHRASE
from tests.ui.conftest import settle

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("dbus-daemon") is None,
    reason="needs dbus-daemon (Linux)",
)


@pytest.fixture
def bus(tmp_path):  # type: ignore[no-untyped-def]
    """A private bus daemon; yields (listening connection, sending connection)."""
    from PySide6.QtDBus import QDBusConnection

    proc = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    address = proc.stdout.readline().strip()  # type: ignore[union-attr]
    name = tmp_path.name
    listen = QDBusConnection.connectToBus(address, f"listen-{name}")
    send = QDBusConnection.connectToBus(address, f"send-{name}")
    assert listen.isConnected() and send.isConnected()
    yield listen, send
    QDBusConnection.disconnectFromBus(f"listen-{name}")
    QDBusConnection.disconnectFromBus(f"send-{name}")
    proc.terminate()
    proc.wait()


def emit(send, service, path, interface, name, *args) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtDBus import QDBusMessage

    assert send.registerService(service)  # the watcher only trusts the real sender
    message = QDBusMessage.createSignal(path, interface, name)
    message.setArguments(list(args))
    assert send.send(message)


def delivered(qtbot, bus) -> None:  # type: ignore[no-untyped-def]
    """Until every signal sent so far has been handled: D-Bus keeps the order of one
    sender's messages, so a last ping arriving means the ones before it did."""
    from PySide6.QtCore import SLOT, QObject, Slot

    class Ping(QObject):
        seen = False

        @Slot()
        def ping(self) -> None:
            self.seen = True

    listen, send = bus
    ping = Ping()
    assert listen.connect("", "/test", "org.example.Test", "Ping", ping, SLOT("ping()"))
    emit(send, "org.example.Test", "/test", "org.example.Test", "Ping")
    qtbot.waitUntil(lambda: ping.seen, timeout=5000)
    listen.disconnect("", "/test", "org.example.Test", "Ping", ping, SLOT("ping()"))


def unlocked_window(build_window, qtbot, bus):  # type: ignore[no-untyped-def]
    from spt_desktop.ui.os_lock import OsLockWatcher

    window, ops = build_window()
    listen, _ = bus
    watcher = window.watch_os_lock(OsLockWatcher(window, system_bus=listen, session_bus=listen))
    assert len(watcher.watching) == 4
    ops.vault(lambda s: s.create(PASSPHRASE, Owner("Sanne Bakker"))).run()
    settle(qtbot, ops)
    window._unlocked()
    settle(qtbot, ops)
    return window, ops


def test_suspend_locks_and_keeps_the_open_form(build_window, qtbot, bus):  # type: ignore[no-untyped-def]
    window, ops = unlocked_window(build_window, qtbot, bus)
    _, send = bus
    window.a_new.trigger()
    dialog = window.workspace.dialogs[0]
    qtbot.keyClicks(dialog.form.editors["first_name"], "Fatima")
    login1 = ("org.freedesktop.login1", "/org/freedesktop/login1")
    emit(send, *login1, "org.freedesktop.login1.Manager", "PrepareForSleep", False)
    delivered(qtbot, bus)  # a wake-up is no reason to lock
    assert window.workspace is not None
    emit(send, *login1, "org.freedesktop.login1.Manager", "PrepareForSleep", True)
    qtbot.waitUntil(lambda: window.workspace is None, timeout=5000)
    settle(qtbot, ops)
    assert not ops.session.is_unlocked
    assert "slaapstand" in window.unlock_screen.intro.text()
    qtbot.keyClicks(window.unlock_screen.passphrase, PASSPHRASE)
    window.unlock_screen.submit()
    settle(qtbot, ops)
    restored = window.workspace.dialogs[0]
    assert restored.form.editors["first_name"].text() == "Fatima"
    restored.reject = restored.done  # type: ignore[method-assign]  # skip the confirm box


@pytest.mark.parametrize(
    "signal",
    [
        ("org.freedesktop.login1", "/org/freedesktop/login1/session/_32",
         "org.freedesktop.login1.Session", "Lock"),
        ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
         "org.freedesktop.ScreenSaver", "ActiveChanged", True),
        ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
         "ActiveChanged", True),
    ],
    ids=["logind-session-lock", "freedesktop-screensaver", "gnome-screensaver"],
)  # fmt: skip
def test_session_lock_locks_the_vault(build_window, qtbot, bus, signal):  # type: ignore[no-untyped-def]
    window, ops = unlocked_window(build_window, qtbot, bus)
    _, send = bus
    emit(send, *signal)
    qtbot.waitUntil(lambda: window.workspace is None, timeout=5000)
    settle(qtbot, ops)
    assert not ops.session.is_unlocked
    assert "computer werd vergrendeld" in window.unlock_screen.intro.text()


def test_screen_saver_going_off_does_not_lock(build_window, qtbot, bus):  # type: ignore[no-untyped-def]
    window, _ops = unlocked_window(build_window, qtbot, bus)
    _, send = bus
    emit(send, "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver",
         "ActiveChanged", False)  # fmt: skip
    delivered(qtbot, bus)
    assert window.workspace is not None
