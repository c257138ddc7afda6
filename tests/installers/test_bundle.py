"""Static consistency of the installer recipes (no build; the build itself is checked by
installers/ci-bundle-check.sh).

The recipes repeat names the app also uses: the vault folder the Windows uninstaller keeps
or deletes, the executables the Start menu, the Dock and the Linux menu start, the icons,
the version. These tests read the recipes as files and compare them with what the app
really does, so a rename on one side fails here instead of on a coach's laptop.
"""

from __future__ import annotations

import ast
import configparser
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import spt_desktop
from spt_desktop import app

ROOT = Path(__file__).resolve().parents[2]
INSTALLERS = ROOT / "installers"
SPEC = INSTALLERS / "spt_desktop.spec"
ISS = INSTALLERS / "windows" / "spt-desktop.iss"
DESKTOP = INSTALLERS / "linux" / "spt-desktop.desktop"
TARBALL = INSTALLERS / "linux" / "build-tarball.sh"
MACOS = INSTALLERS / "macos" / "build-macos.sh"
RESOURCES = ROOT / "resources"
# Files under resources/ that rightly stay out of the bundle: translation sources (the
# compiled .qm ship) and the macOS icon (BUNDLE puts it into the .app by itself).
NOT_SHIPPED = ("*.ts", "*.icns")
# Assignments and functions of the spec that are plain Python (no PyInstaller needed).
SPEC_NAMES = {
    "ROOT",
    "APP_NAME",
    "CLI_NAME",
    "VERSION",
    "ICON_ICO",
    "ICON_ICNS",
    "IS_WINDOWS",
    "VERSION_INFO_DIR",
    "datas",
    "version",
    "tree",
    "version_file",
}


# --- reading the recipes --------------------------------------------------------------


def spec_namespace(workpath: Path | None = None) -> dict[str, Any]:
    """The spec's names and data list, computed by running only its plain-Python part
    (``workpath``: PyInstaller's build folder, where the Windows version files go)."""
    module = ast.parse(SPEC.read_text(encoding="utf-8"))
    keep: list[ast.stmt] = []
    for node in module.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            if not any(a.name.startswith("PyInstaller") for a in node.names) and not (
                isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PyInstaller")
            ):
                keep.append(node)
        elif isinstance(node, ast.FunctionDef) and node.name in SPEC_NAMES:
            keep.append(node)
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id in SPEC_NAMES for t in targets):
                keep.append(node)
    namespace: dict[str, Any] = {
        "SPECPATH": str(INSTALLERS),
        "workpath": str(workpath or ROOT / "build" / "pyinstaller"),
        "__name__": "spec",
    }
    exec(compile(ast.Module(body=keep, type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace


def iss_defines() -> dict[str, str]:
    """The ``#define Name "value"`` lines of the Inno Setup script (first one wins)."""
    found: dict[str, str] = {}
    for m in re.finditer(r'^\s*#define\s+(\w+)\s+"([^"]*)"', ISS.read_text("utf-8"), re.M):
        found.setdefault(m.group(1), m.group(2))
    return found


def iss_value(key: str) -> str:
    """A ``Key=value`` line of the script's [Setup] section, with {#Define}s filled in."""
    text = ISS.read_text(encoding="utf-8")
    m = re.search(rf"^{key}=(.*)$", text, re.M)
    assert m, f"{key}= ontbreekt in {ISS.name}"
    return re.sub(r"\{#(\w+)\}", lambda d: iss_defines()[d.group(1)], m.group(1).strip())


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def shipped(datas: list[tuple[str, str]]) -> set[str]:
    """Paths inside the bundle (relative to _internal) of the spec's data files."""
    return {(Path(dest) / Path(src).name).as_posix() for src, dest in datas}


def in_tree(folder: Path, *, exclude: tuple[str, ...] = ()) -> set[str]:
    """Files under ``folder`` as paths relative to the repository, minus caches."""
    return {
        p.relative_to(ROOT).as_posix()
        for p in folder.rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and not any(p.match(pattern) for pattern in exclude)
    }


# --- the vault folder -----------------------------------------------------------------


def test_windows_uninstaller_keeps_or_deletes_the_folder_the_app_uses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """{localappdata}\\<VaultDirName> in the .iss is what data_dir() gives on Windows:
    platformdirs' own Windows rules, fed the arguments data_dir() passes."""
    import platformdirs
    from platformdirs import windows

    folders = {
        "CSIDL_LOCAL_APPDATA": r"C:\Users\coach\AppData\Local",
        "CSIDL_APPDATA": r"C:\Users\coach\AppData\Roaming",
    }
    # Only the OS call is replaced (it needs Windows); the path rules are platformdirs'.
    monkeypatch.setattr(windows, "get_win_folder", folders.__getitem__)
    monkeypatch.setattr(
        platformdirs,
        "user_data_dir",
        lambda *args, **kwargs: windows.Windows(*args, **kwargs).user_data_dir,
    )
    app_folder = str(app.data_dir(demo=False)).replace("/", "\\")

    text = ISS.read_text(encoding="utf-8")
    m = re.search(r"ExpandConstant\('\{(\w+)\}\\\{#VaultDirName\}'\)", text)
    assert m, "VaultDir() in the .iss is not {<constant>}\\{#VaultDirName}"
    constant = {"localappdata": "CSIDL_LOCAL_APPDATA", "userappdata": "CSIDL_APPDATA"}[m.group(1)]
    uninstaller_folder = folders[constant] + "\\" + iss_defines()["VaultDirName"]
    assert app_folder == uninstaller_folder


def test_demo_vault_lies_inside_the_folder_the_uninstaller_handles() -> None:
    assert app.data_dir(demo=True).parent == app.data_dir(demo=False)


def test_settings_key_the_uninstaller_deletes_is_the_apps_qsettings() -> None:
    """QSettings(ORG, APP_NAME) lives in HKCU\\Software\\<org>\\<application> on Windows."""
    assert iss_defines()["SettingsKey"] == rf"Software\{app.ORG}\{app.APP_NAME}"


def test_linux_uninstall_never_removes_the_vault(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """install.sh --remove deletes the program, menu entry and icons, not the data folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    vault_folder = app.data_dir(demo=False)
    assert vault_folder == tmp_path / "share" / "spt-desktop"
    script = TARBALL.read_text(encoding="utf-8")
    remove = script.split('if [ "${1:-}" = "--remove" ]; then', 1)[1].split("fi", 1)[0]
    for line in remove.splitlines():
        words = shlex.split(line.strip(), comments=True)
        if words[:1] in (["rm"], ["find"]):
            for word in words[1:]:
                assert word.rstrip("/") not in ('"$PREFIX/spt-desktop"', "$PREFIX/spt-desktop")
                assert not word.startswith("$PREFIX/spt-desktop"), line
    assert f"~/.local/share/{vault_folder.name}" in script  # the comment names the right one


# --- executables, icons, .desktop -----------------------------------------------------


def test_spec_makes_the_executables_the_recipes_start() -> None:
    spec = spec_namespace()
    text = SPEC.read_text(encoding="utf-8")
    # Windowed app (Start menu, Dock) on Windows and macOS, console CLI everywhere.
    assert "executable(APP_NAME, console=False)" in text
    assert "executable(CLI_NAME, console=True)" in text
    assert re.search(r"COLLECT\([^)]*name=CLI_NAME", text, re.S)
    assert iss_defines()["AppExe"] == f"{spec['APP_NAME']}.exe"
    assert iss_defines()["SourceDir"].replace("\\", "/").endswith(f"/dist/{spec['CLI_NAME']}")
    macos = MACOS.read_text(encoding="utf-8")
    assert f'APP="dist/{spec["APP_NAME"]}.app"' in macos
    assert f'"$APP/Contents/MacOS/{spec["CLI_NAME"]}" --selftest' in macos
    assert f'BUNDLE="dist/{spec["CLI_NAME"]}"' in TARBALL.read_text(encoding="utf-8")


def test_macos_app_is_a_foreground_app() -> None:
    """BUNDLE copies COLLECT's console flag (the last executable's: the console CLI) into
    LSBackgroundOnly=True unless the spec's Info.plist says otherwise: no Dock icon."""
    text = SPEC.read_text(encoding="utf-8")
    order = [m.group(1) for m in re.finditer(r"executable\((\w+), console=(?:True|False)\)", text)]
    assert order == ["APP_NAME", "CLI_NAME"]  # the first is CFBundleExecutable
    assert re.search(r'"LSBackgroundOnly":\s*False', text)


def test_macos_entitlements_are_a_valid_plist() -> None:
    import plistlib

    spec = SPEC.read_text(encoding="utf-8")
    assert '"installers" / "macos" / "entitlements.plist"' in spec
    with (INSTALLERS / "macos" / "entitlements.plist").open("rb") as f:
        entitlements = plistlib.load(f)
    # Hardened runtime stays hardened: nothing that lets foreign code in.
    assert not entitlements.get("com.apple.security.cs.disable-library-validation")
    assert not entitlements.get("com.apple.security.get-task-allow")


def test_icons_the_recipes_name_exist() -> None:
    spec = spec_namespace()
    assert spec["ICON_ICO"].is_file() and spec["ICON_ICNS"].is_file()
    setup_icon = iss_value("SetupIconFile").replace("\\", "/")
    assert (ISS.parent / setup_icon).resolve() == spec["ICON_ICO"].resolve()


def test_icon_files_hold_the_sizes_make_icons_promises() -> None:
    from PIL import Image

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_icons
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    for size in make_icons.PNG_SIZES:
        with Image.open(RESOURCES / "icons" / f"spt-desktop-{size}.png") as png:
            assert png.size == (size, size)
    with Image.open(RESOURCES / "icons" / "spt-desktop.ico") as ico:
        assert {w for w, _h in ico.info["sizes"]} == set(make_icons.ICO_SIZES)
    with Image.open(RESOURCES / "icons" / "spt-desktop.icns") as icns:
        assert max(icns.info["sizes"])[0] * max(icns.info["sizes"])[2] >= 512


def test_desktop_file_passes_desktop_file_validate() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate ontbreekt (apt: desktop-file-utils)")
    done = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_desktop_file_has_the_required_keys_and_starts_the_bundle() -> None:
    entry = desktop_entry()
    spec = spec_namespace()
    for key in ("Type", "Name", "Exec", "Icon", "Categories"):
        assert entry.get(key), f"{key} ontbreekt"
    assert entry["Type"] == "Application"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    exec_words = shlex.split(entry["Exec"])
    # No %f/%u field codes: the CLI would take a file name for a command.
    assert exec_words == [spec["CLI_NAME"]]
    assert entry["TryExec"] == spec["CLI_NAME"]
    # install.sh rewrites Exec/TryExec to the installed path: its patterns must match.
    tarball = TARBALL.read_text(encoding="utf-8")
    assert f"s|^Exec={spec['CLI_NAME']}|" in tarball
    assert f"s|^TryExec={spec['CLI_NAME']}|" in tarball


def test_desktop_icon_name_is_the_icon_the_tarball_installs() -> None:
    entry = desktop_entry()
    tarball = TARBALL.read_text(encoding="utf-8")
    m = re.search(r"^for size in ([\d ]+); do$", tarball, re.M)
    assert m, "build-tarball.sh has no 'for size in ...' loop"
    sizes = [int(s) for s in m.group(1).split()]
    assert sizes
    for size in sizes:
        assert (RESOURCES / "icons" / f"spt-desktop-{size}.png").is_file()
    assert f"apps/{entry['Icon']}.png" in tarball
    assert f"resources/icons/{entry['Icon']}.svg" in tarball
    assert (RESOURCES / "icons" / f"{entry['Icon']}.svg").is_file()


# --- data files in the bundle ---------------------------------------------------------


def test_spec_ships_every_resource_file() -> None:
    """Fonts, translations (.qm), icons, the stylesheet: all of resources/ but sources."""
    files = shipped(spec_namespace()["datas"])
    wanted = in_tree(RESOURCES, exclude=NOT_SHIPPED)
    assert wanted, "resources/ is empty?"
    assert wanted - files == set()
    for kind in ("fonts/*.ttf", "translations/*.qm", "icons/*.svg", "style/*.qss"):
        assert list(RESOURCES.glob(kind)), f"resources/{kind}: nothing to check"


def test_spec_ships_the_vault_migrations_as_files() -> None:
    files = shipped(spec_namespace()["datas"])
    migrations = ROOT / "spt_desktop" / "models" / "migrations"
    wanted = in_tree(migrations, exclude=("*.pyc",))
    assert {"env.py", "script.py.mako"} <= {Path(f).name for f in wanted}
    assert any("/versions/" in f for f in wanted)
    assert wanted - files == set()


def test_spec_ships_no_sources_tests_or_vaults() -> None:
    files = shipped(spec_namespace()["datas"])
    assert not [f for f in files if f.endswith((".ts", ".sptvault")) or "/tests/" in f]
    assert not [f for f in files if f.startswith("spt_server")]


def test_spec_collects_every_package_the_app_is_made_of() -> None:
    """Each first-party package of the distribution but the server is frozen in whole
    (``collect_submodules``): spt_common (protocol, enums, names) as much as spt_desktop."""
    import tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = {
        p.rstrip("*") for p in pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    }
    collected = {
        node.args[0].value
        for node in ast.walk(ast.parse(SPEC.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "collect_submodules"
        and isinstance(node.args[0], ast.Constant)
    }
    assert packages - {"spt_server"} <= collected
    assert "spt_server" not in collected


# --- version --------------------------------------------------------------------------


def test_spec_version_is_the_packages() -> None:
    assert spec_namespace()["VERSION"] == spt_desktop.__version__


def test_inno_setup_default_version_is_the_packages() -> None:
    assert iss_defines()["AppVersion"] == spt_desktop.__version__
    assert iss_value("AppVersion") == spt_desktop.__version__
    assert iss_value("OutputBaseFilename") == f"SPT-Desktop-{spt_desktop.__version__}-setup"


@pytest.mark.parametrize("script", [TARBALL, MACOS], ids=lambda p: p.parent.name)
def test_shell_recipes_derive_the_packages_version(script: Path) -> None:
    """The sed expression each shell recipe uses, run on the real __init__.py."""
    m = re.search(r"VERSION=\$\(sed -n '([^']+)' spt_desktop/__init__\.py\)", script.read_text())
    assert m, f"{script.name} derives no VERSION from spt_desktop/__init__.py"
    sed = shutil.which("sed")
    if sed is None:
        pytest.skip("sed ontbreekt")
    done = subprocess.run(
        [sed, "-n", m.group(1), "spt_desktop/__init__.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == spt_desktop.__version__


def test_pyproject_version_is_the_packages() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == spt_desktop.__version__
