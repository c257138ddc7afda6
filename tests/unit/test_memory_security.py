"""SQLCipher's cipher_memory_security: off by default (SQLCipher's own default since
4.5.0), on when the preference outside the vault says so, and once on it stays on in
the process (why the setting needs a restart). The "on" cases run in a process of their
own: the switch is process-wide and would stay on for every later test here."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from spt_desktop.models.preferences import (
    DevicePreferences,
    load_preferences,
    save_preferences,
)
from spt_desktop.models.vault import Vault, memory_security_active
from tests.conftest import FAST_KDF, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def _pragma(vault: Vault) -> str:
    with vault.engine.connect() as c:
        return str(c.exec_driver_sql("PRAGMA cipher_memory_security").scalar())


def test_a_vault_opened_by_default_runs_without_it(tmp_path: Path) -> None:
    assert not memory_security_active()  # no earlier test of this process turned it on
    vault, _ = Vault.create(tmp_path / "v.sptvault", PASSPHRASE, kdf=FAST_KDF)
    vault.lock()
    again = Vault(tmp_path / "v.sptvault")
    again.unlock(PASSPHRASE)
    try:
        assert _pragma(again) == "0"
        assert not memory_security_active()
    finally:
        again.lock()


def test_with_the_setting_on_the_vault_runs_with_it_for_good(tmp_path: Path) -> None:
    prefs = tmp_path / "config" / "preferences.json"
    save_preferences(prefs, DevicePreferences(extra_memory_security=True))
    script = textwrap.dedent(
        f"""
        import json, sys
        from pathlib import Path
        from spt_desktop.models.vault import Vault, memory_security_active
        from spt_desktop.services.session import Owner, VaultSession
        from tests.conftest import FAST_KDF, PASSPHRASE

        before = memory_security_active()
        session = VaultSession(Path({str(tmp_path / "v.sptvault")!r}), kdf=FAST_KDF,
                               preferences=Path({str(prefs)!r}))
        session.create(PASSPHRASE, Owner("Sanne Bakker"))
        with session._vault.engine.connect() as c:
            on = c.exec_driver_sql("PRAGMA cipher_memory_security").scalar()
        chosen = session.memory_security()
        session.lock()
        # Another vault of this process, opened without it: still on (SQLCipher keeps
        # it on for the process once on).
        other, _ = Vault.create(Path({str(tmp_path / "w.sptvault")!r}), PASSPHRASE, kdf=FAST_KDF)
        with other.engine.connect() as c:
            c.exec_driver_sql("PRAGMA cipher_memory_security = OFF")
            still = c.exec_driver_sql("PRAGMA cipher_memory_security").scalar()
        other.lock()
        print(json.dumps([before, str(on), chosen.chosen, chosen.active, str(still)]))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    before, on, chosen, active, still = json.loads(out.stdout.strip().splitlines()[-1])
    assert before is False
    assert on == "1" and chosen and active
    assert still == "1"


def test_preferences_file_round_trip_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "preferences.json"
    assert load_preferences(path) == DevicePreferences()  # no file: the defaults
    save_preferences(path, DevicePreferences(extra_memory_security=True))
    assert load_preferences(path).extra_memory_security
    assert not list(path.parent.glob(".preferences-*"))  # no temp file left behind
    for junk in ("niet json", "[1, 2]", '{"extra_memory_security": "ja"}'):
        path.write_text(junk, encoding="utf-8")
        assert load_preferences(path) == DevicePreferences()  # never keeps the app from starting
    path.write_text('{"extra_memory_security": true, "later": 1}', encoding="utf-8")
    assert load_preferences(path).extra_memory_security


def test_the_headless_commands_honour_the_choice(tmp_path: Path, monkeypatch: Any) -> None:
    """`spt-desktop vault check`, `print`, `export` … open the vault as the app does."""
    from spt_desktop.cli.common import vault_at
    from spt_desktop.models.preferences import (
        DevicePreferences,
        preferences_path,
        save_preferences,
    )

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert vault_at(str(tmp_path / "v.sptvault")).memory_security is False
    save_preferences(preferences_path(), DevicePreferences(extra_memory_security=True))
    assert vault_at(str(tmp_path / "v.sptvault")).memory_security is True
