"""The start-up GC freeze (app.freeze_startup_objects) happens before any unlock only:
frozen objects are never collected, so none may hold a vault's data."""

from __future__ import annotations

import gc

from spt_desktop.app import freeze_startup_objects
from spt_desktop.services.session import Owner
from tests.conftest import PASSPHRASE
from tests.ui.conftest import settle


def test_freezes_once_and_never_after_an_unlock(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = build_window()
    try:
        assert freeze_startup_objects(window)
        assert gc.get_freeze_count() > 0
        assert not freeze_startup_objects(window)  # once per process
        gc.unfreeze()

        ops.vault(lambda s: s.create(PASSPHRASE, Owner("Sanne Bakker"))).run()
        settle(qtbot, ops)
        assert not freeze_startup_objects(window)  # the vault is open: nothing frozen
        window._unlocked()
        settle(qtbot, ops)
        window.lock()
        settle(qtbot, ops)
        ops.vault(lambda s: s.unlock(PASSPHRASE)).run()
        settle(qtbot, ops)
        window._unlocked()
        settle(qtbot, ops)
        assert not freeze_startup_objects(window)
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
