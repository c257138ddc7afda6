"""UI fixtures: the real window over a real vault in tmp_path (fast KDF, fixed clock)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.support.templates import schemas_from_template

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
            tmp_path / name,
            demo=demo,
            kdf=FAST_KDF,
            today=lambda: TODAY,
            now=lambda: NOW,
            preferences=tmp_path / "config" / "preferences.json",
        )
        qtbot.addWidget(window)
        window.show()
        made.append((window, ops))
        return window, ops

    # The app makes its vault (the worker thread, Vault.create) with the schema of the
    # test process's template, as the test kit's vaults (tests.support.templates).
    with schemas_from_template():
        yield make
        for window, ops in made:
            window.lock()
            ops.wait_idle()


def settle(qtbot, ops) -> None:  # type: ignore[no-untyped-def]
    """Wait until the background worker has nothing left and its results arrived."""
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=20000)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Any]:
    """A live SPT server on loopback (SQLite) with one coach account, anna@spt.nl."""
    pytest.importorskip("uvicorn")
    from tests.support.server_kit import Admin, LiveServer, make_db

    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("anna@spt.nl")
    live = LiveServer(url).start()
    yield live
    live.stop()
    admin.close()


def unlocked_window(build_window, qtbot, before=None):  # type: ignore[no-untyped-def]
    """A window over Sanne Bakker's new vault, unlocked; ``before(ops)`` runs between
    creating the vault and the unlock (to fill it, say). The worker is idle after."""
    from spt_desktop.services.session import Owner

    window, ops = build_window()
    ops.vault(lambda s: s.create(PASSPHRASE, Owner("Sanne Bakker"))).run()
    settle(qtbot, ops)
    if before is not None:
        before(ops)
    window._unlocked()
    settle(qtbot, ops)
    return window, ops


def unlocked_demo(build_window, qtbot, candidates: int):  # type: ignore[no-untyped-def]
    """A window over a demo vault of ``candidates``, unlocked as the coach does it (the
    demo passphrase typed, Enter), with the worker idle after."""
    from PySide6.QtCore import Qt

    from spt_desktop.services.session import DEMO_PASSPHRASE

    window, ops = build_window("demo.sptvault", demo=True)
    ops.vault(lambda s: s.ensure_demo(TODAY, candidates)).run()
    settle(qtbot, ops)
    qtbot.keyClicks(window.unlock_screen.passphrase, DEMO_PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    settle(qtbot, ops)
    return window, ops


def linked_window(build_window, qtbot, url: str):  # type: ignore[no-untyped-def]
    """A window over Anna's new vault, linked to the server at ``url`` and unlocked."""
    from spt_desktop.services.session import Owner
    from tests.support.server_kit import PASSWORD

    window, ops = build_window()
    ops.vault(lambda s: s.create(PASSPHRASE, Owner("Anna"))).run()
    settle(qtbot, ops)
    ops.vault(lambda s: s.login(url, "anna@spt.nl", PASSWORD)).run()
    settle(qtbot, ops)
    window._unlocked()
    settle(qtbot, ops)
    return window, ops


def register_kim(ops, **profile: Any):  # type: ignore[no-untyped-def]
    """Register Kim de Vries (consent for processing) straight through the services."""
    from spt_common.enums import ConsentPurpose

    return ops.session.services.candidates.register(
        {"first_name": "Kim", "last_name": "de Vries", "municipality": "Alkmaar",
         "referral_source": "uwv", "persona": "no_work_benefit_technical",
         "benefit_status": "ww"} | profile,
        {ConsentPurpose.PROCESSING: True},
    )  # fmt: skip


def unlock_again(window, ops, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Type the passphrase on the unlock screen and press Enter, as the coach does after
    a lock; the worker is idle after."""
    from PySide6.QtCore import Qt

    qtbot.keyClicks(window.unlock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    settle(qtbot, ops)
