"""``spt-desktop --selftest``: is this installation complete and working?

Run by IT after installing, by support on a coach's laptop and by CI on the frozen bundle.
Prints one line per check, ``OK  <check>: detail`` or ``FOUT <check>: detail``, and returns
non-zero when any check failed. It touches no real vault and no personal data: every vault
is made in a temporary folder with a throwaway passphrase and removed afterwards.

The checks that need no Qt run first: if Qt cannot load a platform plugin it aborts the
whole process (qFatal), and the lines printed before that still tell what did work.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

# A throwaway passphrase: the self-test vaults hold no data and are deleted at once.
PASSPHRASE = "zelftest zonder geheimen"
# The language the UI's texts are written in (app translations to it may be empty).
SOURCE_LANGUAGE = "nl"
# Where a check says it did not run, and why (still an OK line: nothing is wrong).
SKIPPED = "overgeslagen"
# Platform plugin file names (stem without "lib" prefix) per Qt platform name.
_PLATFORM_PLUGINS = {
    "offscreen": "qoffscreen",
    "xcb": "qxcb",
    "wayland": "qwayland",
    "windows": "qwindows",
    "cocoa": "qcocoa",
    "minimal": "qminimal",
}


# The application object: it must outlive the check that made it (the next ones use it).
_app: Any = None


class CheckFailed(Exception):
    """A check found something wrong; the message is the Dutch detail of its line."""


@dataclass(frozen=True)
class Result:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'OK  ' if self.ok else 'FOUT '}{self.name}: {self.detail}"


# --- where things are -----------------------------------------------------------------


def resources_dir() -> Path:
    """``resources/`` of the source tree, or of a PyInstaller bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


@contextmanager
def scratch_dir() -> Iterator[Path]:
    """A private temporary folder, removed afterwards even when a check failed."""
    with tempfile.TemporaryDirectory(prefix="spt-selftest-", ignore_cleanup_errors=True) as d:
        yield Path(d)


@contextmanager
def temp_vault(folder: Path, name: str) -> Iterator[Any]:
    """A new, unlocked vault in ``folder`` with the cheapest KDF a header may carry."""
    from spt_desktop.models.keyfile import MIN_MEMORY_KIB, MIN_TIME_COST, KdfParams
    from spt_desktop.models.vault import Vault

    fast = KdfParams(time_cost=MIN_TIME_COST, memory_kib=MIN_MEMORY_KIB, parallelism=1)
    vault, _recovery = Vault.create(folder / f"{name}.sptvault", PASSPHRASE, kdf=fast)
    try:
        yield vault
    finally:
        vault.lock()  # closes every file handle, so the folder can go (Windows)


# --- the checks -----------------------------------------------------------------------


def check_sqlcipher() -> str:
    """SQLCipher 4 or newer, and a new vault really gets our pinned settings."""
    from spt_desktop.models.vault import PAGE_SIZE, check_sqlcipher

    version = check_sqlcipher()  # raises NoSqlCipher for plain SQLite or SQLCipher 3
    with scratch_dir() as folder, temp_vault(folder, "instellingen") as vault:
        found = _pragmas(vault.engine)
    expected = {
        "cipher_version": version,
        "cipher_page_size": str(PAGE_SIZE),
        "journal_mode": "wal",
        "foreign_keys": "1",
    }
    wrong = [f"{k}={found[k]} (verwacht {v})" for k, v in expected.items() if found[k] != v]
    if wrong:
        raise CheckFailed("instellingen wijken af: " + ", ".join(wrong))
    return (
        f"SQLCipher {version} (SQLite {found['sqlite']}, {found['provider']}); "
        f"page size {PAGE_SIZE}, WAL, foreign keys aan"
    )


def _pragmas(engine: Any) -> dict[str, str]:
    """The settings a keyed connection of the vault really has."""
    with engine.connect() as c:

        def pragma(name: str) -> str:
            return str(c.exec_driver_sql(f"PRAGMA {name}").scalar())

        return {
            "cipher_version": pragma("cipher_version"),
            "cipher_page_size": pragma("cipher_page_size"),
            "journal_mode": pragma("journal_mode").lower(),
            "foreign_keys": pragma("foreign_keys"),
            "provider": f"{pragma('cipher_provider')} {pragma('cipher_provider_version')}",
            "sqlite": str(c.exec_driver_sql("SELECT sqlite_version()").scalar()),
        }


def check_vault_round_trip() -> str:
    """Create → lock → unlock → write → lock → unlock → read, in a temporary folder."""
    import sqlalchemy as sa

    from spt_desktop.models.bookkeeping import Setting
    from spt_desktop.models.vault import Vault

    token = secrets.token_hex(8)
    started = time.perf_counter()
    with scratch_dir() as folder:
        with temp_vault(folder, "rondgang") as made:
            path = made.path
        vault = Vault(path)
        try:
            vault.unlock(PASSPHRASE)
            with vault.transaction() as s:
                s.add(Setting(key="selftest", value=token))
            vault.lock()
            if vault.is_unlocked:
                raise CheckFailed("de kluis bleef open na vergrendelen")
            vault.unlock(PASSPHRASE)
            with vault.transaction() as s:
                back = s.execute(
                    sa.select(Setting.value).where(Setting.key == "selftest")
                ).scalar_one_or_none()
            if back != token:
                raise CheckFailed("de geschreven waarde kwam niet terug na opnieuw openen")
            problems = vault.integrity_problems()
            if problems:
                raise CheckFailed(f"integriteitscontrole meldt {len(problems)} probleem/problemen")
        finally:
            vault.lock()
    ms = (time.perf_counter() - started) * 1000
    return f"aanmaken, ontgrendelen, schrijven, vergrendelen, ontgrendelen, lezen ({ms:.0f} ms)"


def check_pdf() -> str:
    """A document renders with the shipped, embedded font."""
    started = time.perf_counter()
    pdf, what = _render_document()
    ms = (time.perf_counter() - started) * 1000
    if not pdf.startswith(b"%PDF-"):
        raise CheckFailed(f"{what}: de uitvoer is geen PDF")
    if b"/FontFile2" not in pdf:
        raise CheckFailed(f"{what}: het lettertype is niet ingesloten")
    return f"{what}, {len(pdf) // 1024} kB, lettertype ingesloten ({ms:.0f} ms)"


def check_tls() -> str:
    """The sync's TLS uses the operating system's trust store (issue 17): truststore is
    in the build, and on Linux the system has certificates for it to use."""
    import ssl

    import truststore

    from spt_desktop.sync.transport import tls_context

    context = tls_context()
    if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
        raise CheckFailed("certificaten worden niet volledig gecontroleerd")
    where = {"win32": "Windows-certificaatarchief", "darwin": "macOS-sleutelhanger"}
    if sys.platform in where:
        return f"systeemcertificaten: {where[sys.platform]} (truststore {truststore.__version__})"
    paths = ssl.get_default_verify_paths()
    found = paths.cafile or (
        paths.capath if paths.capath and any(Path(paths.capath).glob("*.0")) else None
    )
    if found is None:
        from truststore._openssl import _CA_FILE_CANDIDATES

        found = next((f for f in _CA_FILE_CANDIDATES if Path(f).is_file()), None)
    if found is None:
        raise CheckFailed(
            "geen certificaten van het systeem gevonden: installeer het pakket "
            "ca-certificates (of zet SSL_CERT_FILE)"
        )
    return f"systeemcertificaten: {found} (truststore {truststore.__version__})"


def _render_document() -> tuple[bytes, str]:
    """An (empty) aanbodkrant, the simplest real document. The print package is part of
    every build: should it be missing, the import fails and the self-test says so."""
    from spt_common.enums import Spt
    from spt_desktop.print import aanbodkrant_pdf
    from spt_desktop.print.data import AanbodkrantData, Letterhead

    data = AanbodkrantData(
        letterhead=Letterhead(spt=Spt.NOORD_HOLLAND, region="Zelftest", printed_on=date.today()),
        contact_name="Zelftest",
        contact_email="zelftest@example.org",
    )
    return aanbodkrant_pdf(data), "aanbodkrant"


def _wanted_platform() -> tuple[str | None, str]:
    """The Qt platform to use and a note on why. Without a display on Linux, Qt would
    abort on xcb; offscreen still proves the Qt libraries and plugin loading work."""
    explicit = os.environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if explicit:
        return explicit, "QT_QPA_PLATFORM"
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return "offscreen", "geen beeldscherm"
    return None, "standaard"


def _platform_plugin(name: str) -> Path | None:
    """The plugin file for platform ``name``, or None when it is not installed."""
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    stem = _PLATFORM_PLUGINS.get(name, f"q{name}")
    for candidate in sorted(folder.glob(f"*{stem}*")):
        if candidate.stem.removeprefix("lib") == stem:
            return candidate
    return None


def _plugin_load_error(plugin: Path) -> str | None:
    """Why the system cannot load ``plugin`` (a missing system library), or None."""
    from PySide6.QtCore import QPluginLoader

    loader = QPluginLoader(str(plugin))
    if loader.load():
        loader.unload()
        return None
    return loader.errorString()


def check_qt_platform() -> str:
    """A QGuiApplication starts on the real platform (or offscreen without a display)."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QGuiApplication

    name, why = _wanted_platform()
    if name is not None:
        plugin = _platform_plugin(name)
        if plugin is None:
            raise CheckFailed(f"het Qt-platformplugin '{name}' ontbreekt in de installatie")
        if name != "offscreen":
            error = _plugin_load_error(plugin)
            if error:
                raise CheckFailed(
                    f"het Qt-platformplugin '{name}' laadt niet: {error} — installeer de "
                    "ontbrekende systeembibliotheek (zie docs/installers.md)"
                )
    global _app
    _app = QGuiApplication.instance() or QGuiApplication(["spt-desktop", "--selftest"])
    platform = QGuiApplication.platformName()
    if not platform:
        raise CheckFailed("Qt startte zonder platform")
    screens = len(QGuiApplication.screens())
    return f"platform {platform} ({why}), Qt {pyside_version}, {screens} scherm(en)"


def check_qt_modules() -> str:
    """The Qt parts the app uses are in the installation: charts, printing, SVG icons."""
    import importlib

    from PySide6.QtGui import QImageReader

    modules = ("QtWidgets", "QtCharts", "QtPrintSupport", "QtSvg")
    missing = []
    for module in modules:
        try:
            importlib.import_module(f"PySide6.{module}")
        except ImportError:
            missing.append(module)
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing += [f"beeldformaat {f}" for f in ("png", "svg", "ico") if f not in formats]
    if missing:
        raise CheckFailed("ontbreekt: " + ", ".join(missing))
    return ", ".join(modules) + "; beeldformaten png, svg, ico"


def check_translations() -> str:
    """Qt's own Dutch texts (standard buttons, file dialogs) and the app's .qm files load."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_nl = QTranslator()
    if not qt_nl.load("qtbase_nl", qt_dir) or qt_nl.isEmpty():
        raise CheckFailed(f"Qt's Nederlandse vertaling (qtbase_nl.qm) ontbreekt in {qt_dir}")
    app_dir = resources_dir() / "translations"
    files = sorted(app_dir.glob("*.qm"))
    if not files:
        return (
            f"qtbase_nl geladen; app-vertalingen {SKIPPED}: geen .qm-bestanden in {_shown(app_dir)}"
        )
    broken = []
    for qm in files:
        translator = QTranslator()
        if not translator.load(str(qm)):
            broken.append(qm.name)
        # Dutch is the source language: its .qm may rightly hold no translations at all.
        elif translator.isEmpty() and not qm.stem.endswith(f"_{SOURCE_LANGUAGE}"):
            broken.append(f"{qm.name} (leeg)")
    if broken:
        raise CheckFailed("laden mislukt of leeg: " + ", ".join(broken))
    return f"qtbase_nl geladen; app: {', '.join(f.name for f in files)}"


def _shown(path: Path) -> str:
    """A path as support needs to see it: relative to the installation when it is in it."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


# Non-Qt checks first (see the module docstring).
CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("sqlcipher", check_sqlcipher),
    ("kluis", check_vault_round_trip),
    ("pdf", check_pdf),
    ("tls", check_tls),
    ("qt-platform", check_qt_platform),
    ("qt-modules", check_qt_modules),
    ("vertalingen", check_translations),
)


def run_check(name: str, check: Callable[[], str]) -> Result:
    """Run one check; any exception is a failure, told in one line without a traceback."""
    try:
        return Result(name, True, check())
    except CheckFailed as exc:
        return Result(name, False, str(exc))
    except Exception as exc:
        # Errors raised on purpose are worded by the CLI's presenter; anything else names
        # its type.
        from spt_desktop.cli import messages
        from spt_desktop.errors import SptError

        text = messages.text(exc) if isinstance(exc, SptError) else str(exc)
        first = text.splitlines()[0] if text else ""
        kind = type(exc).__name__
        return Result(name, False, f"{kind}: {first}" if first else kind)


def run_selftest(checks: tuple[tuple[str, Callable[[], str]], ...] = CHECKS) -> int:
    """Run every check, print one line each; 0 when all passed, 1 otherwise."""
    failed = 0
    started = time.perf_counter()
    for name, check in checks:
        result = run_check(name, check)
        print(result.line(), flush=True)
        failed += not result.ok
    seconds = time.perf_counter() - started
    verdict = "alles in orde" if not failed else f"{failed} controle(s) mislukt"
    print(f"zelftest: {verdict} ({seconds:.1f} s)", file=sys.stderr, flush=True)
    return 1 if failed else 0
