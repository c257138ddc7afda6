"""The Windows and macOS release recipes, read here because they cannot run here.

Windows (version resources, signing, the MSI) and macOS (notarising and stapling) build
only on their own systems, and .github/workflows/release.yml runs only on GitHub's hosted
runners. What can be checked on Linux is checked: the version file PyInstaller embeds is
generated from the package version and parses the way PyInstaller reads it; the Inno Setup
script, the WiX source and the build scripts name the same version, executables, signing
and upgrade identity; the workflow parses, names every step and calls files that exist
with the switches docs/installers.md documents.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

import spt_desktop
from tests.installers.test_bundle import INSTALLERS, ISS, MACOS, ROOT, iss_defines, spec_namespace

WINDOWS = INSTALLERS / "windows"
WXS = WINDOWS / "spt-desktop.wxs"
BUILD_PS1 = WINDOWS / "build-windows.ps1"
SIGN_PS1 = WINDOWS / "sign.ps1"
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
DOCS = ROOT / "docs" / "installers.md"
WIX_NS = "{http://wixtoolset.org/schemas/v4/wxs}"
UTIL_NS = "{http://wixtoolset.org/schemas/v4/wxs/util}"


# --- helpers ---------------------------------------------------------------------------


def version_info_module() -> ModuleType:
    """installers/windows/version_info.py, loaded the way the spec loads it."""
    loader_spec = importlib.util.spec_from_file_location(
        "spt_version_info", WINDOWS / "version_info.py"
    )
    assert loader_spec is not None and loader_spec.loader is not None
    module = importlib.util.module_from_spec(loader_spec)
    loader_spec.loader.exec_module(module)
    return module


def parse_version_file(text: str) -> dict[str, Any]:
    """The fields of a PyInstaller version file, read as the Python expression it is
    (PyInstaller evaluates it with its VSVersionInfo classes)."""
    tree = ast.parse(text, mode="eval")
    found: dict[str, Any] = {"strings": {}, "tables": [], "translation": None}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        name = node.func.id
        if name == "FixedFileInfo":
            found["ffi"] = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
        elif name == "StringStruct":
            key, value = (ast.literal_eval(a) for a in node.args)
            found["strings"][key] = value
        elif name == "StringTable":
            found["tables"].append(ast.literal_eval(node.args[0]))
        elif name == "VarStruct":
            found["translation"] = ast.literal_eval(node.args[1])
    assert isinstance(tree.body, ast.Call) and getattr(tree.body.func, "id", "") == "VSVersionInfo"
    return found


def wxs_root() -> ET.Element:
    return ET.parse(WXS).getroot()


def wxs_defines() -> dict[str, str]:
    """``<?define Name = "value"?>`` of the WiX source (first one wins)."""
    found: dict[str, str] = {}
    for m in re.finditer(r'<\?define\s+(\w+)\s*=\s*"([^"]*)"\s*\?>', WXS.read_text("utf-8")):
        found.setdefault(m.group(1), m.group(2))
    return found


def wxs_expand(value: str) -> str:
    return re.sub(r"\$\((\w+)\)", lambda m: wxs_defines()[m.group(1)], value)


def workflow() -> dict[Any, Any]:
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def runs(job: str) -> str:
    """All ``run:`` scripts of one job of the workflow, in order."""
    return "\n".join(step.get("run", "") for step in workflow()["jobs"][job]["steps"])


# --- version resources of the executables ---------------------------------------------


@pytest.mark.parametrize("exe_key", ["APP_NAME", "CLI_NAME"])
def test_spec_writes_a_version_file_of_the_package_version(exe_key: str, tmp_path: Path) -> None:
    """The spec's own version_file() (as on Windows) writes, for each executable, a file
    whose numbers and strings are spt_desktop.__version__ and whose names are the exe's."""
    spec = spec_namespace(workpath=tmp_path)
    assert spec["version_file"](f"{spec[exe_key]}.exe") is None  # not Windows: nothing
    spec["IS_WINDOWS"] = True
    exe_name = f"{spec[exe_key]}.exe"
    path = Path(spec["version_file"](exe_name))
    assert path.parent == tmp_path and path.is_file()

    info = parse_version_file(path.read_text(encoding="utf-8"))
    numbers = tuple(([int(n) for n in spt_desktop.__version__.split(".")] + [0, 0, 0])[:4])
    assert info["ffi"]["filevers"] == numbers
    assert info["ffi"]["prodvers"] == numbers
    assert info["strings"]["ProductVersion"] == spt_desktop.__version__
    assert info["strings"]["FileVersion"] == ".".join(str(n) for n in numbers)
    assert info["strings"]["OriginalFilename"] == exe_name
    assert info["strings"]["ProductName"] == spec["APP_NAME"]
    assert info["strings"]["CompanyName"] == iss_defines()["AppPublisher"]
    # The string table's language/codepage is the one the Translation entry announces.
    language, codepage = info["translation"]
    assert info["tables"] == [f"{language:04X}{codepage:04X}"]


def test_the_two_executables_describe_themselves_differently(tmp_path: Path) -> None:
    spec = spec_namespace(workpath=tmp_path)
    spec["IS_WINDOWS"] = True
    descriptions = {
        parse_version_file(Path(spec["version_file"](f"{spec[k]}.exe")).read_text("utf-8"))[
            "strings"
        ]["FileDescription"]
        for k in ("APP_NAME", "CLI_NAME")
    }
    assert len(descriptions) == 2


def test_spec_passes_the_version_file_to_every_executable() -> None:
    tree = ast.parse((INSTALLERS / "spt_desktop.spec").read_text(encoding="utf-8"))
    exe_calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "EXE"
    ]
    assert len(exe_calls) == 1  # the one executable() helper makes both
    version_kw = {k.arg: k.value for k in exe_calls[0].keywords}["version"]
    assert isinstance(version_kw, ast.Call) and getattr(version_kw.func, "id", "") == "version_file"


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("2.3", (2, 3, 0, 0)),
        ("1.2.3.4", (1, 2, 3, 4)),
        ("1.4.0rc2", (1, 4, 0, 0)),
    ],
)
def test_version_tuple_of_release_versions(version: str, numbers: tuple[int, ...]) -> None:
    assert version_info_module().version_tuple(version) == numbers


@pytest.mark.parametrize("version", ["", "one.two", "1.70000.0", "1.2.3.4.5"])
def test_version_tuple_refuses_what_windows_cannot_hold(version: str) -> None:
    with pytest.raises(ValueError):
        version_info_module().version_tuple(version)


# --- Inno Setup: version resource and signing -----------------------------------------


def test_inno_setup_version_resource_is_the_packages() -> None:
    text = ISS.read_text(encoding="utf-8")
    for key in (
        "VersionInfoVersion",
        "VersionInfoProductVersion",
        "VersionInfoTextVersion",
        "VersionInfoProductTextVersion",
    ):
        assert re.search(rf"^{key}=\{{#AppVersion\}}$", text, re.M), key
    assert re.search(r"^VersionInfoCompany=\{#AppPublisher\}$", text, re.M)
    assert re.search(r"^VersionInfoProductName=\{#AppName\}$", text, re.M)


def test_inno_setup_signs_setup_and_uninstaller_with_the_tool_the_build_defines() -> None:
    """``#ifdef Sign``: SignTool=<name> ... $f and SignedUninstaller=yes; build-windows.ps1
    passes /DSign and defines the same sign tool name with /S<name>=$p."""
    text = ISS.read_text(encoding="utf-8")
    block = re.search(r"^#ifdef Sign\n(.*?)^#endif", text, re.M | re.S)
    assert block, "no #ifdef Sign block in the .iss"
    sign_tool = re.search(r"^SignTool=(\w+) (.*)$", block.group(1), re.M)
    assert sign_tool and "$f" in sign_tool.group(2)
    assert "{#SignScript}" in sign_tool.group(2)
    assert re.search(r"^SignedUninstaller=yes$", block.group(1), re.M)
    m = re.search(r'#define SignScript AddBackslash\(SourcePath\) \+ "([^"]+)"', text)
    assert m and (ISS.parent / m.group(1)) == SIGN_PS1 and SIGN_PS1.is_file()
    build = BUILD_PS1.read_text(encoding="utf-8")
    assert "'/DSign'" in build
    assert f"'/S{sign_tool.group(1)}=$p'" in build


def test_sign_script_modes_are_the_documented_ones() -> None:
    """Hardware token (/sha1, or /csp with /kc), Azure Trusted Signing (dlib), jsign: the
    modes sign.ps1 accepts are the ones docs/installers.md explains, and each passes the
    signtool/jsign options that make it that mode."""
    script = SIGN_PS1.read_text(encoding="utf-8")
    modes = set(re.findall(r"^\s+'([\w-]+)' \{", script, re.M)) | {"jsign"}
    assert modes == {"thumbprint", "csp", "trusted-signing", "jsign"}
    assert "$Mode -eq 'jsign'" in script
    docs = DOCS.read_text(encoding="utf-8")
    for mode in modes:
        assert f"SPT_SIGN_MODE={mode}" in docs, mode
    for option in ("'/sha1'", "'/csp'", "'/kc'", "'/dlib'", "'/dmdf'", "'--storetype'", "'/tr'"):
        assert option in script, option
    # Every file the build signs is checked afterwards, timestamp included.
    assert "Get-AuthenticodeSignature" in script and "TimeStamperCertificate" in script


def test_build_script_signs_both_executables_before_packing_and_the_msi_after() -> None:
    build = BUILD_PS1.read_text(encoding="utf-8")
    spec = spec_namespace()
    sign_exes = build.index(
        f"Invoke-Sign @((Join-Path $Bundle '{spec['APP_NAME']}.exe'), "
        f"(Join-Path $Bundle '{spec['CLI_NAME']}.exe'))"
    )
    assert sign_exes < build.index("installers\\windows\\spt-desktop.iss")
    assert build.index("'installers\\windows\\spt-desktop.wxs'") < build.index(
        "Invoke-Sign @($msi)"
    )


# --- the MSI ---------------------------------------------------------------------------


def test_wix_default_version_is_the_packages_and_the_build_passes_it() -> None:
    assert wxs_defines()["Version"] == spt_desktop.__version__
    package = wxs_root().find(f"{WIX_NS}Package")
    assert package is not None and package.get("Version") == "$(Version)"
    build = BUILD_PS1.read_text(encoding="utf-8")
    assert "'-d', \"Version=$MsiVersion\"" in build
    assert "if (-not $MsiVersion) { $MsiVersion = $Version }" in build


def test_msi_is_per_user_by_default_with_a_per_machine_option() -> None:
    package = wxs_root().find(f"{WIX_NS}Package")
    assert package is not None
    assert package.get("Scope") == "perUserOrMachine"
    assert int(package.get("InstallerVersion", "500")) >= 500  # dual-purpose needs MSI 5.0
    folder = wxs_root().find(f".//{WIX_NS}StandardDirectory[@Id='ProgramFiles64Folder']")
    assert folder is not None
    install = folder.find(f"{WIX_NS}Directory[@Id='INSTALLFOLDER']")
    # The same folder name the Inno Setup setup installs into.
    assert install is not None and wxs_expand(install.get("Name", "")) == iss_defines()["AppName"]
    docs = DOCS.read_text(encoding="utf-8")
    assert "ALLUSERS=1" in docs and "/qn" in docs


def test_msi_upgrades_by_a_fixed_upgrade_code_the_workflow_knows() -> None:
    package = wxs_root().find(f"{WIX_NS}Package")
    assert package is not None
    code = package.get("UpgradeCode", "")
    assert re.fullmatch(r"[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}", code)
    assert package.find(f"{WIX_NS}MajorUpgrade") is not None
    env = workflow()["jobs"]["windows"]["env"]
    assert env["MSI_UPGRADE_CODE"] == "{" + code + "}"
    # Not the Inno Setup AppId: two installers must never claim the same identity.
    assert code not in ISS.read_text(encoding="utf-8")


def test_msi_closes_the_running_app_or_refuses_before_touching_files() -> None:
    root = wxs_root()
    spec = spec_namespace()
    closers = {wxs_expand(c.get("Target", "")): c for c in root.iter(f"{UTIL_NS}CloseApplication")}
    assert set(closers) == {f"{spec['APP_NAME']}.exe", f"{spec['CLI_NAME']}.exe"}
    window_app = closers[f"{spec['APP_NAME']}.exe"]
    assert window_app.get("CloseMessage") == "yes"  # what the close button does: WM_CLOSE
    for closer in closers.values():
        assert closer.get("RebootPrompt") == "no"  # never "replace at the next reboot"
    refuse = root.find(f".//{WIX_NS}Custom[@Action='RefuseWhileRunning']")
    assert refuse is not None
    assert refuse.get("After") == "Wix4CloseApplications_$(sys.BUILDARCHSHORT)"
    condition = refuse.get("Condition", "")
    for closer in closers.values():
        assert closer.get("Property") in condition
    error = root.find(f".//{WIX_NS}CustomAction[@Id='RefuseWhileRunning']")
    assert error is not None and error.get("Error")
    rm = root.find(f".//{WIX_NS}Property[@Id='MSIRESTARTMANAGERCONTROL']")
    assert rm is not None and rm.get("Value") == "Disable"


def test_msi_refuses_beside_the_inno_setup_installation() -> None:
    inno_app_id = re.search(r"^AppId=\{(\{[0-9A-F-]+\})$", ISS.read_text("utf-8"), re.M)
    assert inno_app_id
    key = wxs_defines()["InnoUninstallKey"]
    assert key.endswith(f"\\Uninstall\\{inno_app_id.group(1)}_is1")
    root = wxs_root()
    search = root.find(f".//{WIX_NS}Property[@Id='INNO_SETUP_INSTALLATION']/{WIX_NS}RegistrySearch")
    assert search is not None and search.get("Root") == "HKCU"
    launch = root.find(f".//{WIX_NS}Launch")
    assert launch is not None and "NOT INNO_SETUP_INSTALLATION" in launch.get("Condition", "")


def test_msi_packs_the_bundle_and_starts_the_windowed_executable() -> None:
    root = wxs_root()
    spec = spec_namespace()
    main = root.find(f".//{WIX_NS}File[@Id='MainExe']")
    assert main is not None
    assert wxs_expand(main.get("Source", "")) == f"!(bindpath.app)\\{spec['APP_NAME']}.exe"
    assert wxs_expand(main.get("Source", "")).endswith(iss_defines()["AppExe"])
    files = root.find(f".//{WIX_NS}Files")
    assert files is not None and files.get("Include") == "!(bindpath.app)\\**"
    exclude = files.find(f"{WIX_NS}Exclude")
    assert exclude is not None and exclude.get("Files") == main.get("Source")
    shortcut = root.find(f".//{WIX_NS}Shortcut")
    assert shortcut is not None and shortcut.get("Target") == "[#MainExe]"
    icon = root.find(f".//{WIX_NS}Icon")
    assert icon is not None
    source = icon.get("SourceFile", "")
    assert source.startswith("$(sys.SOURCEFILEDIR)")  # not relative to wix's working folder
    relative = source.removeprefix("$(sys.SOURCEFILEDIR)").replace("\\", "/")
    assert (WXS.parent / relative).resolve() == spec["ICON_ICO"].resolve()
    assert '"app=$Bundle"' in BUILD_PS1.read_text(encoding="utf-8")
    assert "$Bundle = Join-Path $Root 'dist\\spt-desktop'" in BUILD_PS1.read_text("utf-8")


def test_msi_texts_fit_its_codepage() -> None:
    """Codepage 1252: a Dutch text with a character outside it would show as '?'."""
    package = wxs_root().find(f"{WIX_NS}Package")
    assert package is not None and package.get("Codepage") == "1252"
    texts = [
        wxs_expand(e.get(attr, ""))
        for e in wxs_root().iter()
        for attr in ("Error", "Message", "DowngradeErrorMessage", "Description", "Name")
    ]
    assert any("geïnstalleerd" in t for t in texts)
    for text in texts:
        text.encode("cp1252")


# --- macOS: the app and the dmg both stapled -------------------------------------------


def test_macos_staples_the_app_before_it_goes_into_the_dmg_and_the_dmg_after() -> None:
    script = MACOS.read_text(encoding="utf-8")
    notarize_app = script.index('notarize "$ZIP_DIR/app.zip"')
    staple_app = script.index('xcrun stapler staple "$APP"')
    make_dmg = script.index("hdiutil create")
    notarize_dmg = script.index('notarize "$DMG"')
    staple_dmg = script.index('xcrun stapler staple "$DMG"')
    assert script.index('ditto -c -k --keepParent "$APP"') < notarize_app
    assert notarize_app < staple_app < make_dmg < notarize_dmg < staple_dmg
    # The DMG is made from the stapled app (the staging copy is taken after stapling).
    assert staple_app < script.index('cp -R "$APP" "$STAGE/"')


def test_macos_recipe_is_valid_bash() -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash ontbreekt")
    done = subprocess.run([bash, "-n", str(MACOS)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# --- the release workflow --------------------------------------------------------------


def test_workflow_parses_and_runs_on_windows_and_macos() -> None:
    flow = workflow()
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "workflow_dispatch" in triggers
    assert {job: flow["jobs"][job]["runs-on"] for job in flow["jobs"]} == {
        "windows": "windows-latest",
        "macos": "macos-latest",
    }


@pytest.mark.parametrize("job", ["windows", "macos"])
def test_every_workflow_step_has_its_own_name(job: str) -> None:
    steps = workflow()["jobs"][job]["steps"]
    names = [step.get("name", "") for step in steps]
    assert all(name.strip() for name in names), names
    assert len(set(names)) == len(names), names
    assert all(("run" in step) != ("uses" in step) for step in steps)


@pytest.mark.parametrize("job", ["windows", "macos"])
def test_workflow_builds_self_tests_installs_and_uninstalls(job: str) -> None:
    names = [step["name"].lower() for step in workflow()["jobs"][job]["steps"]]
    order = [
        next(i for i, n in enumerate(names) if n.startswith("build")),
        next(i for i, n in enumerate(names) if n.startswith("self-test")),
        next(i for i, n in enumerate(names) if re.search(r"(^|- )install (silently|from)", n)),
        max(i for i, n in enumerate(names) if "uninstall" in n),
    ]
    assert order == sorted(order), names
    assert runs(job).count("--selftest") >= 2  # the built bundle and the installed app


def test_workflow_calls_scripts_that_exist() -> None:
    text = runs("windows") + runs("macos")
    called = set(re.findall(r"installers[\\/][\w./\\-]+\.(?:ps1|sh)", text))
    assert called == {"installers\\windows\\build-windows.ps1", "installers/macos/build-macos.sh"}
    for path in called:
        assert (ROOT / path.replace("\\", "/")).is_file(), path


def test_workflow_uses_the_documented_silent_switches_and_file_names() -> None:
    windows = runs("windows")
    docs = DOCS.read_text(encoding="utf-8")
    for switch in ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/qn", "ALLUSERS=1"):
        assert switch in windows and switch in docs, switch
    # The file names the workflow installs are the ones the recipes write.
    assert "dist\\SPT-Desktop-$env:APP_VERSION-setup.exe" in windows
    assert re.search(
        r"^OutputBaseFilename=SPT-Desktop-\{#AppVersion\}-setup$", ISS.read_text("utf-8"), re.M
    )
    assert "dist\\SPT-Desktop-$env:NEXT_VERSION-x64.msi" in windows
    assert '$msi = "dist\\SPT-Desktop-$MsiVersion-x64.msi"' in BUILD_PS1.read_text("utf-8")
    assert 'dist/SPT-Desktop-"$version"-macos-*.dmg' in runs("macos")
    assert 'DMG="dist/SPT-Desktop-$VERSION-macos-$ARCH.dmg"' in MACOS.read_text("utf-8")


def test_workflow_pins_the_tool_versions_the_sources_need() -> None:
    env = workflow()["env"]
    inno = tuple(int(n) for n in env["INNO_SETUP_VERSION"].split("."))
    needed = re.search(r"#if Ver < EncodeVer\((\d+), (\d+), (\d+)\)", ISS.read_text("utf-8"))
    assert needed and inno >= tuple(int(n) for n in needed.groups())
    assert inno[0] == 6  # ISCC 6's command line (/D, /S) and install folder "Inno Setup 6"
    assert "Inno Setup 6" in workflow()["jobs"]["windows"]["env"]["ISCC"]
    wix = env["WIX_VERSION"]
    assert wix.split(".")[0] == "5"  # the <Files> harvesting element came with WiX v5
    for source in (WXS, BUILD_PS1):
        assert f"WixToolset.Util.wixext/{wix}" in source.read_text("utf-8"), source.name


def test_actionlint_finds_nothing() -> None:
    """Only where actionlint is installed (docs/installers.md says how); CI has none."""
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.skip("actionlint niet geïnstalleerd")
    done = subprocess.run([actionlint, str(WORKFLOW)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
