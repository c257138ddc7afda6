"""The layering rules, as a test rather than a hope. This file is where they are written;
prose elsewhere points here.

Imports point downward: app → ui → services → sync | print → models → spt_common.

- ``spt_common`` (protocol, enums, monitor figures, names) is the core both sides share:
  standard library and the base distribution's dependencies (pydantic) only, and nothing
  of ``spt_desktop`` or ``spt_server``.
- ``spt_server`` imports ``spt_common`` and the packages of its own extra, nothing of
  ``spt_desktop``: it installs without Qt, SQLCipher or ReportLab (.ci/run checks the
  install itself).
- Nothing below ``ui`` imports Qt or ``ui``.
- ``ui`` talks to services only: no SQLAlchemy, SQLCipher, Alembic; no ORM entities (only
  the plain modules of ``models`` in UI_MAY_IMPORT_FROM_MODELS, which import only the
  error vocabulary ``spt_desktop.errors``: standard library only); no ``sync``, ``print`` or
  ``cli``; never the services' context.
- ``sync`` and ``print`` never import ``services`` (nor anything above); ``print`` is pure:
  no ``models``, no SQLAlchemy; ``models`` imports nothing above it.
- ``bench`` never imports ``tests``.

Imports are read from the source (``ast``), lazy ones inside functions included; relative
imports are resolved against the file's package, so ``from ..models import x`` counts as
``spt_desktop.models.x``.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ("models", "services", "sync", "print", "cli", "demo")
FIRST_PARTY = ("spt_common", "spt_desktop", "spt_server", "tests", "bench")

# Modules of spt_desktop.models the UI may import: plain values and rules, no entities and
# no SQLAlchemy (test_what_the_ui_may_import_from_models_is_plain holds them to that).
UI_MAY_IMPORT_FROM_MODELS = (
    "spt_desktop.models.errors",
    "spt_desktop.models.passphrase",
    "spt_desktop.models.regions",
)

# Distribution name -> import name, where they differ (pyproject.toml names distributions).
IMPORT_NAME = {
    "argon2-cffi": "argon2",
    "psycopg": "psycopg",
    "pyside6-essentials": "PySide6",
    "pyside6-addons": "PySide6",
}
# Packages that come with one of a distribution's dependencies and are imported directly.
COMES_WITH = {"fastapi": {"starlette"}}


# --- reading imports ------------------------------------------------------------------


def module_name(path: Path) -> str:
    """``spt_desktop.sync.engine`` for ROOT/spt_desktop/sync/engine.py (``__init__`` is
    its package)."""
    parts = list(path.resolve().relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_in(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every module name ``source`` (the text of ``module``) imports, at any depth (lazy
    imports too), relative imports resolved to absolute names. ``from a import b`` yields
    both ``a`` and ``a.b`` (b may be a module)."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                if node.level - 1 >= len(base) or not package:
                    raise ValueError(f"{module}: relative import above the top package")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def imports_of(path: Path) -> set[str]:
    """The modules a file imports (see imports_in)."""
    return imports_in(
        path.read_text(encoding="utf-8"),
        module_name(path),
        is_package=path.name == "__init__.py",
    )


def files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def matches(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def violations(
    paths: list[Path], forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()
) -> list[str]:
    """``"file imports name"`` for each import of a forbidden module (or below one) that
    is not an allowed one (or below one)."""
    return [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in paths
        for name in sorted(imports_of(path))
        if matches(name, forbidden) and not matches(name, allowed)
    ]


def third_party(paths: list[Path]) -> set[str]:
    """The top-level names of what ``paths`` import that is neither stdlib nor ours."""
    tops = {name.split(".")[0] for path in paths for name in imports_of(path)}
    return tops - set(sys.stdlib_module_names) - set(FIRST_PARTY) - {"__future__"}


def extra_imports(*extras: str) -> set[str]:
    """Import names of the base dependencies and the given extras of pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    names: set[str] = set()
    for requirement in requirements:
        dist = re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower()
        name = IMPORT_NAME.get(dist, dist.replace("-", "_"))
        names |= {name, *COMES_WITH.get(name, set())}
    return names


def loaded_after_import(modules: list[str]) -> set[str]:
    """Top-level packages in sys.modules after importing ``modules`` in a fresh Python."""
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(out.stdout.split())


# --- how imports are read -----------------------------------------------------------------


def test_relative_imports_are_resolved() -> None:
    """A relative import cannot slip past the rules below."""
    source = (
        "from . import transport\n"
        "from ..models import vault\n"
        "def later():\n"
        "    from ..services.errors import Refused\n"
    )
    found = imports_in(source, "spt_desktop.sync.engine")
    assert {
        "spt_desktop.sync.transport",
        "spt_desktop.models.vault",
        "spt_desktop.services.errors.Refused",
    } <= found
    in_package = imports_in("from . import x", "spt_desktop.sync", is_package=True)
    assert "spt_desktop.sync.x" in in_package
    with pytest.raises(ValueError):
        imports_in("from ... import x", "spt_desktop.sync.engine")


def first_party_module_exists(name: str) -> bool:
    """``spt_desktop.sync.engine`` is ROOT/spt_desktop/sync/engine.py or a package."""
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


@pytest.mark.parametrize("package", ["spt_common", "spt_desktop", "spt_server", "bench", "tests"])
def test_first_party_imports_name_modules_that_exist(package: str) -> None:
    """After a module moves (spt_desktop.sync.protocol → spt_common.protocol) no import
    still names the old place: that would pass every other rule here and fail only when
    the importing code runs."""
    bad = []
    for path in files(package):
        if path == ROOT / "tests" / "fixtures" / "make_vault_fixture.py":
            continue  # runs on checkouts of older versions: tries their module paths too
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]  # what is imported from it may be an attribute
            else:
                continue
            bad += [
                f"{path.relative_to(ROOT)}:{node.lineno} imports {name}"
                for name in names
                if matches(name, ("spt_common", "spt_desktop", "spt_server"))
                and not first_party_module_exists(name)
            ]
    assert bad == []


# --- the shared core ------------------------------------------------------------------


def test_spt_common_imports_only_stdlib_its_dependencies_and_itself() -> None:
    paths = files("spt_common")
    assert paths, "spt_common has no modules"
    assert violations(paths, ("spt_desktop", "spt_server", "tests", "bench")) == []
    assert third_party(paths) <= extra_imports(), third_party(paths) - extra_imports()


def test_importing_spt_common_loads_nothing_of_either_side() -> None:
    modules = [module_name(p) for p in files("spt_common") if p.name != "__init__.py"]
    loaded = loaded_after_import(modules)
    heavy = {"spt_desktop", "spt_server", "PySide6", "sqlalchemy", "sqlcipher3", "reportlab"}
    assert loaded & heavy == set()


# --- the server -----------------------------------------------------------------------


def test_the_server_imports_nothing_of_the_desktop() -> None:
    """Only spt_common is shared: the server computes the monitor's figures and speaks the
    protocol from the same code as the desktop, and installs without the desktop."""
    assert violations(files("spt_server"), ("spt_desktop",)) == []


def test_the_server_imports_only_what_its_extra_installs() -> None:
    """`pip install '….whl[server]'` (docs/deploy.md §1) brings all the server imports."""
    used = third_party(files("spt_server"))
    assert used <= extra_imports("server"), used - extra_imports("server")
    assert {"PySide6", "sqlcipher3", "reportlab"}.isdisjoint(extra_imports("server"))


# --- the desktop ------------------------------------------------------------------------


@pytest.mark.parametrize("layer", CORE)
def test_core_never_imports_qt(layer: str) -> None:
    assert violations(files(f"spt_desktop/{layer}"), ("PySide6", "spt_desktop.ui")) == []


def test_ui_talks_to_services_only() -> None:
    """No persistence, no ORM entities, no sync client or PDF code behind the services'
    back: the UI gets DTOs from use cases."""
    forbidden = (
        "sqlalchemy",
        "sqlcipher3",
        "alembic",
        "reportlab",
        "spt_desktop.models",
        "spt_desktop.sync",
        "spt_desktop.print",
        "spt_desktop.cli",
    )
    assert violations(files("spt_desktop/ui"), forbidden, UI_MAY_IMPORT_FROM_MODELS) == []


def test_what_the_ui_may_import_from_models_is_plain() -> None:
    for module in UI_MAY_IMPORT_FROM_MODELS:
        path = ROOT / (module.replace(".", "/") + ".py")
        others = ("spt_desktop", "sqlalchemy", "sqlcipher3", "alembic")
        plain = (*UI_MAY_IMPORT_FROM_MODELS, "spt_desktop.errors")
        assert violations([path], others, plain) == []


def test_the_error_vocabulary_imports_only_the_standard_library() -> None:
    """``spt_desktop/errors.py`` (codes and params, no words): every layer raises its
    errors and the UI tells them apart, so it imports nothing of the project."""
    others = ("spt_desktop", "spt_common", "spt_server", "sqlalchemy", "pydantic", "PySide6")
    assert violations([ROOT / "spt_desktop" / "errors.py"], others) == []


def test_sync_never_imports_services_or_above() -> None:
    """The services drive sync (session.py); sync calls back through what it is given."""
    forbidden = ("spt_desktop.services", "spt_desktop.print", "spt_desktop.cli", "spt_desktop.app")
    assert violations(files("spt_desktop/sync"), forbidden) == []


def test_lower_layers_do_not_import_upper_ones() -> None:
    above_models = (
        "spt_desktop.services",
        "spt_desktop.sync",
        "spt_desktop.print",
        "spt_desktop.cli",
        "spt_desktop.demo",
        "spt_desktop.app",
    )
    assert violations(files("spt_desktop/models"), above_models) == []
    print_forbidden = (
        "spt_desktop.models",
        "spt_desktop.services",
        "spt_desktop.sync",
        "spt_desktop.cli",
        "spt_desktop.demo",
        "sqlalchemy",
    )
    assert violations(files("spt_desktop/print"), print_forbidden) == []


def test_models_services_and_cli_import_without_qt() -> None:
    loaded = loaded_after_import(
        ["spt_desktop.models", "spt_desktop.services", "spt_desktop.cli", "spt_desktop.sync.engine"]
    )
    assert "PySide6" not in loaded


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


def _bound_twice(path: Path) -> list[str]:
    """Names a module binds more than once at its top level (a def, a class, an
    assignment): the later silently replaces the earlier for every caller above it."""
    seen: dict[str, int] = {}
    twice: list[str] = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        else:
            continue
        for name in names:
            if name in seen and name != "__all__":
                twice.append(
                    f"{path.relative_to(ROOT)}:{node.lineno} {name} (first at {seen[name]})"
                )
            seen.setdefault(name, node.lineno)
    return twice


def test_no_module_binds_a_name_twice_at_its_top_level() -> None:
    """Two branches once each defined ``_ID`` in spt_desktop/sync/apply.py: the later
    replaced the earlier's getter without a word from ruff or mypy."""
    twice = [
        hit
        for package in ("spt_common", "spt_desktop", "spt_server")
        for path in files(package)
        for hit in _bound_twice(path)
    ]
    assert twice == []
