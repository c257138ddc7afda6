"""One error model: every error raised on purpose has a code and params, and the CLI's
presenter words every code (Dutch text and exit code). The models package holds no
words and no exit codes. (The UI's presenter: tests/ui/test_error_messages.py.)"""

from __future__ import annotations

import ast
import importlib
import re
import string
from pathlib import Path

import pytest

from spt_desktop.cli import messages as cli
from spt_desktop.errors import PARAMS, Code, Reason, SptError

ROOT = Path(__file__).resolve().parents[2]
# Every module that defines errors raised on purpose (imported so the walk sees them).
ERROR_MODULES = (
    "spt_desktop.models.errors",
    "spt_desktop.services.errors",
    "spt_desktop.sync.transport",
    "spt_desktop.sync.engine",
)
# The params a reason's words may use: those of the code it belongs to.
REASON_PARAMS = {"minimum", "detail", "seconds", "minutes"}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def error_classes() -> list[type[SptError]]:
    for module in ERROR_MODULES:
        importlib.import_module(module)
    found: list[type[SptError]] = []
    todo = list(SptError.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_code_has_a_cli_text_and_exit_code_and_nothing_else_does() -> None:
    assert set(cli.MESSAGES) == set(Code)
    assert set(cli.REASONS) == set(Reason)
    for code, (text, exit_code) in cli.MESSAGES.items():
        assert text.strip() and exit_code in (
            cli.ERROR,
            cli.USAGE,
            cli.AUTH,
            cli.UNREACHABLE,
            cli.TOO_NEW,
        ), code


@pytest.mark.parametrize("code", list(Code))
def test_cli_texts_use_only_the_params_their_code_carries(code: Code) -> None:
    assert placeholders(cli.MESSAGES[code][0]) <= PARAMS[code]


def test_reason_words_use_only_params_of_their_codes() -> None:
    for reason, words in cli.REASONS.items():
        assert placeholders(words) <= REASON_PARAMS, reason


def test_every_error_class_has_a_code_of_the_vocabulary() -> None:
    classes = error_classes()
    assert len(classes) >= 20  # the walk found the modules' classes
    for cls in classes:
        assert isinstance(cls.default_code, Code), cls.__name__


@pytest.mark.parametrize(
    ("make", "words", "exit_code"),
    [
        ("VaultTooNew()", "nieuwere versie van SPT Desktop", 5),
        ("WrongPassphrase()", "herstelsleutel", 3),
        ("VaultIOError.from_os('/k/a.sptvault', OSError(28, 'x'))", "schijf is vol", 1),
        (
            "VaultIOError.from_os('/k/a.sptvault', OSError(999, 'Vreemd'))",
            "(/k/a.sptvault: Vreemd)",
            1,
        ),
        ("NotAVault('/k/a', Reason.PLAIN_SQLITE)", "/k/a is geen SPT-kluis", 1),
        ("WeakPassphrase(Reason.TOO_SHORT, 10)", "te zwak (gebruik minstens 10 tekens)", 2),
        ("NoSqlCipher('3.4.1')", "versie 3.4.1 is te oud", 1),
    ],
)
def test_the_cli_words_vault_errors_with_their_params(
    make: str, words: str, exit_code: int
) -> None:
    from spt_desktop.models import errors

    exc = eval(make, {**vars(errors), "Reason": Reason})
    assert words in cli.text(exc)
    assert cli.exit_code(exc) == exit_code


def test_str_of_an_error_is_its_code_not_its_path() -> None:
    """Logs get ``str(exc)``: the path (a coach's home folder) stays out of it."""
    from spt_desktop.models.errors import VaultMissing

    exc = VaultMissing("/home/anna.jansen/kluis.sptvault")
    assert str(exc) == "vault.missing"
    assert "anna" in cli.text(exc)  # the person at the terminal still sees where


# --- the models package: no words, no exit codes ---------------------------------------

# Common Dutch words of a sentence; a string literal with two of them (outside docstrings)
# is prose. Identifiers, SQL, formats and single words (tussenvoegsels like "van de" in
# migration 0003's sort key have no sentence around them) do not match.
DUTCH = re.compile(
    r"\b(de|het|een|is|niet|geen|van|en|op|uw|u|er|deze|dit|kan|wordt|met|voor|kluis|"
    r"bestand|probeer|opnieuw|kies)\b",
    re.IGNORECASE,
)
# Known exceptions, each with the reason it is not prose of an error.
ALLOWED = {
    # The strength meter's labels and hints (the wizard shows them); to be worded in the
    # UI like the errors: see the report.
    "passphrase.py",
}


def docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def prose_in(path: Path) -> list[str]:
    """The string literals of ``path`` (docstrings aside) that read as Dutch sentences."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = docstring_nodes(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and len(node.value.split()) >= 3
        and len(DUTCH.findall(node.value)) >= 2
    ]


def test_the_detector_finds_dutch_prose_and_only_that(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Een docstring mag Nederlands zijn, en dit is er een."""\n'
        "# een commentaar ook: de kluis is dicht\n"
        'A = "de schijf is vol"\n'
        'B = "Er is geen kluis op {path}."\n'
        'C = "van de"\n'
        'D = "SELECT a FROM b WHERE c = ?"\n'
        'E = "the disk is full"\n'
    )
    assert prose_in(sample) == ["de schijf is vol", "Er is geen kluis op {path}."]


def test_models_hold_no_dutch_prose() -> None:
    files = sorted((ROOT / "spt_desktop" / "models").rglob("*.py"))
    assert files
    found = {
        f"{f.relative_to(ROOT)}: {text[:60]!r}"
        for f in files
        if f.name not in ALLOWED
        for text in prose_in(f)
    }
    assert found == set()


def test_models_hold_no_exit_codes() -> None:
    for path in (ROOT / "spt_desktop" / "models").rglob("*.py"):
        assert "exit_code" not in path.read_text(encoding="utf-8"), path.name


def test_every_server_error_code_is_known_to_the_transport() -> None:
    """A refusal the server words with a p.ERR_* code gets a client code of its own, or
    is one the client handles itself (a token to refresh) or never shows (a batch id or
    cursor the client made: a bug, worded as the generic refusal with its HTTP status)."""
    from spt_common import protocol as p
    from spt_desktop.sync.transport import _REFUSALS

    server = {v for k, v in vars(p).items() if k.startswith("ERR_")}
    handled = {p.ERR_TOKEN_INVALID, p.ERR_BATCH_CONFLICT, p.ERR_BAD_CURSOR}
    assert server == set(_REFUSALS) | handled
