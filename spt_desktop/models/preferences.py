"""Preferences of this computer's user that are needed before a vault is unlocked, kept
outside every vault: one small JSON file in the user's configuration folder (platformdirs:
``~/.config/spt-desktop`` on Linux, ``%LOCALAPPDATA%\\spt-desktop`` on Windows,
``~/Library/Application Support/spt-desktop`` on macOS).

Why there: how a vault's connections are set up (``cipher_memory_security``) has to be
known before the key opens the vault, so the vault cannot hold it; the headless commands
read it as well as the window, so it is not in Qt's settings; and an organisation that
wants a setting on every laptop can hand out this one file. It holds no personal data.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from spt_desktop.models.errors import VaultIOError

PREFERENCES_FILE = "preferences.json"


@dataclass(frozen=True)
class DevicePreferences:
    """What the file holds; a missing file or key means the default."""

    # SQLCipher's cipher_memory_security (off by default since SQLCipher 4.5.0): every
    # allocation of the vault's SQLite locked in RAM and wiped when freed. Process-wide
    # and for good once on, so it takes effect when the app starts.
    extra_memory_security: bool = False


def preferences_path(folder: Path | None = None) -> Path:
    """The preferences file in ``folder``, by default the user's configuration folder."""
    if folder is None:
        from platformdirs import user_config_dir

        folder = Path(user_config_dir("spt-desktop", appauthor=False))
    return folder / PREFERENCES_FILE


def load_preferences(path: Path) -> DevicePreferences:
    """The preferences in ``path``; the defaults where the file is missing, unreadable or
    not what this version wrote (a preference must never keep the app from starting)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return DevicePreferences()
    if not isinstance(data, dict):
        return DevicePreferences()
    known = {f.name: f.type for f in fields(DevicePreferences)}
    return DevicePreferences(
        **{k: v for k, v in data.items() if k in known and isinstance(v, bool)}
    )


def save_preferences(path: Path, prefs: DevicePreferences) -> None:
    """Write ``prefs`` to ``path``: temp file beside it, fsync, rename (a crash leaves the
    old file or the new one). VaultIOError when the disk refuses."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".preferences-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(asdict(prefs), f, indent=2)
                f.write("\n")
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise VaultIOError.from_os(str(path), exc) from None
