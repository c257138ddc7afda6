"""Composition root: builds the vault session, the background ops, the translations and
the window. The only place that wires them together.

    spt-desktop            the coach's own vault in the per-user data folder
    spt-desktop --demo     a demo vault with made-up people (passphrase on the screen)
"""

from __future__ import annotations

import gc
import sys
from datetime import date
from pathlib import Path
from typing import Any

APP_NAME = "SPT Desktop"
ORG = "Servicepunten Techniek"
RESOURCES = Path(__file__).resolve().parents[1] / "resources"
FREEZE_AFTER_MS = 200  # after the unlock screen's first paint, before the spare workspace


def data_dir(demo: bool) -> Path:
    """Per-user folder for the vault (``demo`` subfolder for the demo vault)."""
    from platformdirs import user_data_dir

    base = Path(user_data_dir("spt-desktop", appauthor=False))
    return base / "demo" if demo else base


def install_translation(app: Any, code: str) -> None:
    """Load Qt's and our own translation for ``code``; Dutch is the source language."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    for old in getattr(app, "_spt_translators", []):
        app.removeTranslator(old)
    app._spt_translators = []
    locale = QLocale(code)
    QLocale.setDefault(locale)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        app._spt_translators.append(qt)
    extra = QTranslator(app)  # what qtbase_nl leaves in English (installed last: asked first)
    if extra.load(str(RESOURCES / "translations" / f"qt_extra_{code}.qm")):
        app.installTranslator(extra)
        app._spt_translators.append(extra)
    ours = QTranslator(app)
    if ours.load(str(RESOURCES / "translations" / f"spt_desktop_{code}.qm")):
        app.installTranslator(ours)
        app._spt_translators.append(ours)


DESIGN_PT = 10.0  # the stylesheet's sizes are written for body text of 10 points
TEXT_SCALE_ENV = "SPT_TEXT_SCALE"  # e.g. 200 (or "200%"): all text twice its size
INDICATOR_PX = 13  # a check box's side at 100 % (Fusion, Windows)


def text_percent(stored: Any = None) -> int:
    """The text size the coach asked for, in percent of normal: ``SPT_TEXT_SCALE`` if set,
    else ``stored`` (Instellingen' choice), else 100. Out-of-range values are clamped to
    100-300 %; what cannot be read counts as 100."""
    import os

    for raw in (os.environ.get(TEXT_SCALE_ENV), stored):
        if raw in (None, ""):
            continue
        try:
            value = float(str(raw).strip().rstrip("%"))
        except ValueError:
            continue
        if value <= 4:  # a factor ("2") rather than a percentage
            value *= 100
        return int(min(300, max(100, round(value))))
    return 100


def _scaled_sheet(text: str, factor: float) -> str:
    """Every point size in ``text`` times ``factor`` (pixels, borders and paddings stay)."""
    import re

    return re.sub(r"(\d+(?:\.\d+)?)pt\b", lambda m: f"{float(m.group(1)) * factor:.4g}pt", text)


def apply_text_scale(app: Any, percent: int) -> float:
    """Set the application's font to the system's times ``percent``; returns the factor
    the stylesheet's point sizes are scaled by (its 10 pt body text, or the system's size
    if that is larger, times ``percent``).

    200 % text (WCAG 1.4.4) is font size, not zoom: Windows' "Tekst groter maken" makes
    the system font larger, which Qt passes on as the application font; GNOME's "Grote
    tekst" raises the font DPI, so points are larger already. Our own setting multiplies
    on top of either. The window and its pixel sizes stay as they are."""
    from PySide6.QtGui import QFont

    if not hasattr(app, "_spt_system_font"):  # the OS's font, before we change it
        app._spt_system_font = QFont(app.font())
    system = QFont(app._spt_system_font)
    size = system.pointSizeF() if system.pointSizeF() > 0 else DESIGN_PT
    system.setPointSizeF(size * percent / 100)
    if system != app.font():
        app.setFont(system)
    app._spt_text_percent = percent
    return max(DESIGN_PT, size) * percent / 100 / DESIGN_PT


def indicator_rule(factor: float) -> str:
    """Check boxes and radio buttons as much larger as the text (a 13 px box beside
    27 px letters is hard to see and to hit): a stylesheet rule, "" at normal size."""
    if factor <= 1:
        return ""
    side = round(INDICATOR_PX * factor)
    return (
        f"\nQCheckBox::indicator, QRadioButton::indicator "
        f"{{ width: {side}px; height: {side}px; }}\n"
    )


def load_style(app: Any, high_contrast: bool | None = None, text_scale: int | None = None) -> None:
    """Our calm colours, unless the operating system asks for high contrast (Windows'
    contrast themes, GNOME's high-contrast setting): then its own palette rules and our
    stylesheet steps aside, now and whenever the setting changes while the app runs.
    ``text_scale``: percent of normal text size (None: the last one, or ``text_percent()``);
    the stylesheet's point sizes follow it."""
    from PySide6.QtCore import Qt

    # Held on the app: PySide6 frees the hints' wrapper with a temporary parent.
    app._spt_style_hints = app.styleHints()
    hints = app._spt_style_hints.accessibility()
    if high_contrast is None:
        high_contrast = hints.contrastPreference() == Qt.ContrastPreference.HighContrast
        if not getattr(app, "_spt_follows_contrast", False):
            app._spt_follows_contrast = True
            hints.contrastPreferenceChanged.connect(lambda _pref: load_style(app))
    if text_scale is None:
        text_scale = getattr(app, "_spt_text_percent", None) or text_percent()
    factor = apply_text_scale(app, text_scale)
    app.setProperty("sptHighContrast", high_contrast)  # ui/contrast.py reads it
    sheet = RESOURCES / "style" / "spt.qss"
    if high_contrast:
        # The system's colours rule; only the check boxes' and radio buttons' size is
        # ours, so that they grow with the text (the style's stay 13 px).
        app.setStyleSheet(indicator_rule(factor))
    elif sheet.exists():
        icons = (RESOURCES / "icons").as_posix()
        text = sheet.read_text(encoding="utf-8").replace("@ICONS@", icons)
        app.setStyleSheet(_scaled_sheet(text + indicator_rule(factor), factor))
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "spt.svg")))


def build(
    vault_path: Path,
    *,
    demo: bool = False,
    kdf: Any = None,
    today: Any = None,
    now: Any = None,
    preferences: Path | None = None,
) -> tuple[Any, Any]:
    """The window and its ops for ``vault_path`` (tests and screenshots call this too).
    ``preferences``: the file of the preferences read before an unlock (the app passes
    the user's, ``models.preferences``); None keeps their defaults in memory."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from spt_desktop.services.session import DEMO_PASSPHRASE, VaultSession
    from spt_desktop.ui import wheel_guard
    from spt_desktop.ui.ops import Ops
    from spt_desktop.ui.window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    wheel_guard.install(app)
    settings = QSettings(ORG, APP_NAME)
    language = str(settings.value("language", "nl"))

    def set_language(code: str) -> None:
        settings.setValue("language", code)
        install_translation(app, code)

    install_translation(app, language)

    def set_text_scale(percent: int) -> None:
        settings.setValue("text_scale", percent)
        load_style(app, text_scale=percent)

    session = VaultSession(vault_path, kdf=kdf, today=today, now=now, preferences=preferences)
    ops = Ops(session)
    window = MainWindow(
        ops,
        demo_passphrase=DEMO_PASSPHRASE if demo else None,
        set_language=set_language,
        language=language,
        set_text_scale=set_text_scale,
        text_scale=getattr(app, "_spt_text_percent", None) or text_percent(),
    )
    ops.setParent(window)
    window.watch_os_lock()
    return window, ops


def freeze_startup_objects(window: Any) -> bool:
    """Take what the start made (modules, classes, the shell's Qt wrappers: ~120,000
    objects) out of the cyclic garbage collector's reach. A full collection walks every
    tracked object while holding the GIL, in whichever thread allocates: during a sync
    that is the vault worker, and at 170,000 objects it stalled the window 85-100 ms.
    Frozen, a full collection walks only what unlocking made (bench/UI.md).

    Only before any unlock, and once: frozen objects are never collected, so nothing
    that could hold a vault's data may be frozen. Returns whether it froze."""
    if window.workspace is not None or window.ops.session.is_unlocked or gc.get_freeze_count():
        return False
    gc.collect()
    gc.freeze()
    return True


def start_gui(demo: bool, vault_path: str | None) -> tuple[Any, Any]:
    """Create the application and show the window (wizard, unlock screen or demo
    preparation); returns ``(app, window)`` before the event loop runs."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from spt_desktop.models.preferences import preferences_path
    from spt_desktop.services.session import vault_in

    if QApplication.instance() is None:  # the policy must be set before the app exists
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG)
    from PySide6.QtCore import QSettings

    load_style(app, text_scale=text_percent(QSettings(ORG, APP_NAME).value("text_scale")))
    path = Path(vault_path) if vault_path else vault_in(data_dir(demo))
    window, ops = build(path, demo=demo, preferences=preferences_path())
    window.show()
    if demo and not path.exists():
        window.unlock_screen.set_busy(True, window.tr("Demokluis wordt aangemaakt…"))
        ops.vault(lambda s: s.ensure_demo(date.today())).success(
            lambda _: window.show_unlock()
        ).run()
    elif not path.exists():
        window.start_first_run()
    else:
        window.show_unlock()
    QTimer.singleShot(FREEZE_AFTER_MS, lambda: freeze_startup_objects(window))
    return app, window


def run_gui(demo: bool, vault_path: str | None) -> int:
    """Start the desktop app; returns the exit code."""
    app, _window = start_gui(demo, vault_path)
    return int(app.exec())
