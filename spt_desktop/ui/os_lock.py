"""Lock the vault when the operating system says the session locks or the machine is
about to sleep, where it tells a Qt application so.

What is listened to (Linux, over D-Bus with QtDBus):
  system bus   org.freedesktop.login1.Manager.PrepareForSleep(true): systemd-logind
               announces suspend or hibernate
  system bus   org.freedesktop.login1.Session.Lock: logind asks this session to lock
               (``loginctl lock-session``, and desktops that lock through logind)
  session bus  org.freedesktop.ScreenSaver.ActiveChanged(true) (KDE, Xfce, LXQt, ...)
               and org.gnome.ScreenSaver.ActiveChanged(true) (GNOME): the screen locker
               came on

What is not reported, so there only the idle timer locks:
  Windows      session lock (WM_WTSSESSION_CHANGE needs WTSRegisterSessionNotification)
               and sleep (WM_POWERBROADCAST) reach native window procedures, not Qt
  macOS        screen lock and sleep are NSWorkspace / distributed notifications
  Linux        without logind or a screen saver service on the bus (some minimal window
               managers): nothing arrives
Qt's ``applicationStateChanged`` is no substitute on desktops: ``ApplicationInactive``
only means another window has the focus.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import SLOT, QObject, Signal, Slot

SLEEP, SESSION = "sleep", "session"


@dataclass(frozen=True)
class _Watch:
    bus: str  # "system" or "session"
    service: str
    path: str  # "" matches every object path
    interface: str
    signal: str
    slot: str


WATCHES = (
    _Watch("system", "org.freedesktop.login1", "/org/freedesktop/login1",
           "org.freedesktop.login1.Manager", "PrepareForSleep", "_sleep(bool)"),
    _Watch("system", "org.freedesktop.login1", "", "org.freedesktop.login1.Session", "Lock",
           "_session_lock()"),
    _Watch("session", "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
           "org.freedesktop.ScreenSaver", "ActiveChanged", "_screensaver(bool)"),
    _Watch("session", "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver",
           "org.gnome.ScreenSaver", "ActiveChanged", "_screensaver(bool)"),
)  # fmt: skip


class OsLockWatcher(QObject):
    """Emits ``lock_requested(reason)`` (``SLEEP`` or ``SESSION``) when the OS reports it.

    ``system_bus`` and ``session_bus`` default to the real ones; tests pass connections
    to a private bus. ``watching`` lists the signals that could be subscribed."""

    lock_requested = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        system_bus: Any = None,
        session_bus: Any = None,
    ) -> None:
        super().__init__(parent)
        self.watching: list[str] = []
        buses = {"system": system_bus, "session": session_bus}
        if system_bus is None and session_bus is None:
            buses = _default_buses()
        for watch in WATCHES:
            bus = buses.get(watch.bus)
            if bus is None or not bus.isConnected():
                continue
            # Session.Lock: every session's signal counts; a lock too many is safe.
            if bus.connect(watch.service, watch.path, watch.interface, watch.signal, self,
                           SLOT(watch.slot)):  # fmt: skip
                self.watching.append(f"{watch.interface}.{watch.signal}")

    @Slot(bool)
    def _sleep(self, going: bool) -> None:
        if going:  # False is the wake-up after the sleep
            self.lock_requested.emit(SLEEP)

    @Slot()
    def _session_lock(self) -> None:
        self.lock_requested.emit(SESSION)

    @Slot(bool)
    def _screensaver(self, active: bool) -> None:
        if active:
            self.lock_requested.emit(SESSION)


def _default_buses() -> dict[str, Any]:
    """The real system and session bus on Linux; nothing elsewhere. The session bus only
    when the desktop announced one: without it libdbus may try to start a bus itself."""
    if not sys.platform.startswith("linux"):
        return {}
    try:
        from PySide6.QtDBus import QDBusConnection
    except ImportError:  # a build without QtDBus: only the idle timer locks
        return {}
    buses: dict[str, Any] = {"system": QDBusConnection.systemBus()}
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        buses["session"] = QDBusConnection.sessionBus()
    return buses
