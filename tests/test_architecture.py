"""The layering rules of DESIGN.md §3, as a test rather than a hope.

Imports point downward: app → ui → services → sync | print → models. Nothing below ui
imports Qt; ui never imports SQLAlchemy (it talks to services); spt_server imports only
spt_common.protocol of the desktop package, and that module imports nothing heavy.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ("models", "services", "sync", "print", "cli", "demo")


def imports_of(path: Path) -> set[str]:
    """Every module name a file imports (absolute), at any depth, incl. lazy imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def violations(paths: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in paths:
        for name in imports_of(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


@pytest.mark.parametrize("layer", CORE)
def test_core_never_imports_qt(layer):
    assert violations(files(f"spt_desktop/{layer}"), ("PySide6", "spt_desktop.ui")) == []


def test_ui_never_imports_sqlalchemy_or_models_persistence():
    forbidden = ("sqlalchemy", "sqlcipher3", "spt_desktop.models.vault", "alembic")
    assert violations(files("spt_desktop/ui"), forbidden) == []


def test_lower_layers_do_not_import_upper_ones():
    assert (
        violations(
            files("spt_desktop/models"),
            (
                "spt_desktop.services",
                "spt_desktop.sync",
                "spt_desktop.print",
                "spt_desktop.cli",
                "spt_desktop.app",
            ),
        )
        == []
    )
    assert (
        violations(
            files("spt_desktop/print"),
            ("spt_desktop.services", "spt_desktop.sync", "spt_desktop.cli", "sqlalchemy"),
        )
        == []
    )


SERVER_MAY_IMPORT = (
    "spt_common.protocol",
    "spt_common.monitor_figures",
    "spt_common.enums",
    "spt_common.bsn",
)


def test_server_imports_only_the_protocol_from_the_desktop():
    """...and the pure monitor figures, so the server's per-SPT monitor computes exactly
    what the desktop computes, and the one BSN detector, so both sides refuse the same."""
    bad = [
        f"{p.relative_to(ROOT)} imports {name}"
        for p in files("spt_server")
        for name in imports_of(p)
        if name.startswith("spt_desktop")
        and not name.startswith(SERVER_MAY_IMPORT)
        and name not in {"spt_desktop", "spt_desktop.sync"}
    ]
    assert bad == []


@pytest.mark.parametrize("module", ["enums", "monitor_figures", "bsn"])
def test_what_the_server_shares_imports_only_the_standard_library(module: str) -> None:
    """The server may import them: their imports are stdlib modules and each other."""
    path = ROOT / "spt_desktop" / f"{module}.py"
    names = {n for n in imports_of(path) if not n.startswith("spt_common.enums")}
    top = {name.split(".")[0] for name in names}
    assert top <= set(sys.stdlib_module_names) | {"__future__"}, top
    code = (
        "import sys\n"
        f"import spt_desktop.{module}\n"
        "print(sorted(m for m in sys.modules if m.startswith('spt_desktop')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = {"spt_desktop", f"spt_desktop.{module}"}
    loaded |= {"spt_common.enums"} if module != "bsn" else set()  # bsn needs not even enums
    assert out.stdout.strip() == str(sorted(loaded))


def test_protocol_imports_nothing_heavy():
    """Importing the protocol must not drag in Qt, SQLAlchemy or the vault."""
    code = (
        "import sys, importlib.util\n"
        "if importlib.util.find_spec('spt_common.protocol') is None: sys.exit(0)\n"
        "import spt_common.protocol\n"
        "heavy = [m for m in ('PySide6', 'sqlalchemy', 'sqlcipher3', 'reportlab', 'alembic')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_models_services_and_print_import_without_qt():
    code = (
        "import sys\n"
        "import spt_desktop.models, spt_desktop.services, spt_desktop.cli\n"
        "from spt_desktop.services import Services\n"
        "print('PySide6' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_bench_imports_nothing_from_tests() -> None:
    """Benchmarks import the app and its demo data, never the tests (a bench must keep
    running when a test helper changes shape)."""
    assert violations(files("bench"), ("tests",)) == []


def test_ui_never_reaches_into_the_services_context() -> None:
    """The UI calls use cases; the context under them (vault, clock, transactions) is
    the services' own: ``Services._ctx``, never ``.ctx`` or ``._ctx`` from ui/."""
    bad = [
        f"{path.relative_to(ROOT)}:{node.lineno} uses .{node.attr}"
        for path in files("spt_desktop/ui")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr in ("ctx", "_ctx")
    ]
    assert bad == []
