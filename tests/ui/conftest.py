"""UI fixtures: the real window over a real vault in tmp_path (fast KDF, fixed clock)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QSettings

from tests.conftest import FAST_KDF

TODAY = date(2026, 11, 30)
NOW = datetime(2026, 11, 30, 9, 15)


@pytest.fixture
def build_window(tmp_path, qtbot):  # type: ignore[no-untyped-def]
    """Builds the app's window for a vault file in tmp_path; waits for the worker after."""
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings")
    )
    made = []

    def make(name: str = "coach.sptvault", demo: bool = False):  # type: ignore[no-untyped-def]
        from spt_desktop.app import build

        window, ops = build(
            tmp_path / name, demo=demo, kdf=FAST_KDF, today=lambda: TODAY, now=lambda: NOW
        )
        qtbot.addWidget(window)
        window.show()
        made.append((window, ops))
        return window, ops

    yield make
    for window, ops in made:
        window.lock()
        ops.wait_idle()


def settle(qtbot, ops) -> None:  # type: ignore[no-untyped-def]
    """Wait until the background worker has nothing left and its results arrived."""
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=20000)
