"""One error model: every error raised on purpose has a code and params, and the CLI's
presenter words every code (Dutch text and exit code). The models and services packages
hold no words (a service raises a code, never a sentence) and models no exit codes. (The
UI's presenter: tests/ui/test_error_messages.py.)"""

from __future__ import annotations

import ast
import importlib
import re
import string
from pathlib import Path

import pytest

from spt_desktop.cli import messages as cli
from spt_desktop.errors import (
    LABELLED_PARAMS,
    PARAMS,
    PROBLEM_PARAMS,
    Code,
    FieldError,
    Problem,
    Reason,
    SptError,
    Thing,
)
from tests.support.error_params import LABELLED_SAMPLES, sample_field_error, sample_params

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
    assert set(cli.THINGS) == set(Thing)
    assert set(cli.PROBLEMS) == set(Problem)
    assert set(cli.LABELS) == LABELLED_PARAMS == set(LABELLED_SAMPLES)
    for code, (text, exit_code) in cli.MESSAGES.items():
        assert text.strip() and exit_code in (
            cli.ERROR,
            cli.USAGE,
            cli.AUTH,
            cli.UNREACHABLE,
            cli.TOO_NEW,
            cli.CERTIFICATE,
        ), code


@pytest.mark.parametrize("code", list(Code))
def test_cli_texts_use_only_the_params_their_code_carries(code: Code) -> None:
    assert placeholders(cli.MESSAGES[code][0]) <= PARAMS[code]


@pytest.mark.parametrize("code", list(Code))
def test_the_cli_words_every_code_with_its_params(code: Code) -> None:
    text = cli.text(SptError(code, **sample_params(code)))
    assert text.strip() and "{" not in text, code


def test_the_cli_words_service_refusals_with_their_params() -> None:
    """A refusal of a use case: its own words, the domain codes as their labels."""
    from spt_desktop.services.errors import NotFound, RuleViolation

    moved = RuleViolation(Code.ALREADY_IN_PHASE, phase="matching")
    assert cli.text(moved) == "De kandidaat staat al in de fase Matching."
    left = RuleViolation(Code.CANDIDATE_NOT_IN_JOURNEY, candidate_status="dropped_out")
    assert cli.text(left).startswith("Deze kandidaat is uitgevallen; meld hem of haar")
    assert cli.text(NotFound(Thing.CANDIDATE_PLAN)).startswith(
        "Een plan van aanpak van deze kandidaat bestaat niet (meer)"
    )
    assert cli.exit_code(moved) == cli.ERROR


@pytest.mark.parametrize("problem", list(Problem))
def test_the_cli_words_every_field_problem_with_its_params(problem: Problem) -> None:
    assert placeholders(cli.PROBLEMS[problem]) <= PROBLEM_PARAMS[problem]
    text = cli.field_text(sample_field_error(problem))
    assert text.strip() and "{" not in text, problem


def test_the_cli_words_bad_input_field_by_field() -> None:
    """A ValidationError: each field's problem in words after the field's name (the
    ``fields`` param itself holds only the names, for logs)."""
    from spt_common.bsn import BSN_REFUSED
    from spt_desktop.services.errors import ValidationError

    bad = ValidationError(
        {
            "first_name": FieldError(Problem.REQUIRED),
            "notes": FieldError(Problem.TOO_LONG, maximum=4000),
            "on": FieldError(Problem.BEFORE_PREVIOUS_STEP, day="2026-11-30"),
        }
    )
    assert bad.params == {"fields": "first_name, notes, on"}
    assert cli.text(bad) == (
        "Controleer de invoer — first_name: verplicht veld; notes: te lang (hoogstens 4000 "
        "tekens); on: ligt vóór de vorige stap (30-11-2026). Er is niets opgeslagen."
    )
    assert cli.exit_code(bad) == cli.USAGE
    # The server refuses a BSN in the same words (spt_common.bsn).
    assert cli.field_text(FieldError(Problem.HAS_BSN)) == BSN_REFUSED


def test_reason_words_use_only_params_of_their_codes() -> None:
    for reason, words in cli.REASONS.items():
        assert placeholders(words) <= REASON_PARAMS, reason


def test_every_error_class_has_a_code_of_the_vocabulary() -> None:
    """A class has a default code, or is given one at each raise site (ServiceError and
    RuleViolation: one code per refusal)."""
    import inspect

    classes = error_classes()
    assert len(classes) >= 20  # the walk found the modules' classes
    for cls in classes:
        given = inspect.signature(cls.__init__).parameters.get("code")
        if given is not None and given.default is inspect.Parameter.empty:
            continue
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


# --- the models and services packages: no words ---------------------------------------

# Common Dutch words of a sentence; a string literal with two of them (outside docstrings)
# is prose. Identifiers, SQL, formats and single words (tussenvoegsels like "van de" in
# migration 0003's sort key have no sentence around them) do not match.
DUTCH = re.compile(
    r"\b(de|het|een|is|niet|geen|van|en|op|uw|u|er|deze|dit|kan|wordt|met|voor|kluis|"
    r"bestand|probeer|opnieuw|kies)\b",
    re.IGNORECASE,
)
# Where a service may still write Dutch: a log line (``log.info(...)``), for the operator,
# never shown to a coach. A field message is a code too (``Problem``, worded beside the
# field by the presenters), so its literals are searched like any other.
LOG_CALLS = {"debug", "info", "warning", "error", "exception", "critical"}


def docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def exempt_nodes(tree: ast.AST) -> set[int]:
    """The string literals of log lines (see above)."""
    roots: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            is_log = name in LOG_CALLS and _name(getattr(node.func, "value", node)) in {
                "log",
                "logger",
                "logging",
            }
            if is_log:
                roots.extend([*node.args, *(k.value for k in node.keywords)])
    return {id(n) for root in roots for n in ast.walk(root)}


def prose_in(path: Path) -> list[str]:
    """The string literals of ``path`` (docstrings and log lines aside) that read as
    Dutch sentences."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = docstring_nodes(tree) | exempt_nodes(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
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
        'F = RuleViolation(f"De kandidaat staat al in de fase {x}.")\n'
        'c.fail("fund", "kies het fonds van de opleiding")\n'
        'errors["name"] = "kies een naam voor de kluis"\n'
        'log.info("monitor: de cijfers zijn er niet")\n'
        'print("deze regel is geen logregel")\n'
    )
    assert sorted(prose_in(sample)) == [
        "De kandidaat staat al in de fase ",
        "Er is geen kluis op {path}.",
        "de schijf is vol",
        "deze regel is geen logregel",
        "kies een naam voor de kluis",
        "kies het fonds van de opleiding",
    ]


@pytest.mark.parametrize("package", ["models", "services"])
def test_models_and_services_hold_no_dutch_prose(package: str) -> None:
    files = sorted((ROOT / "spt_desktop" / package).rglob("*.py"))
    assert files
    found = {f"{f.relative_to(ROOT)}: {text[:60]!r}" for f in files for text in prose_in(f)}
    assert found == set()


# The raise sites of the services' refusals and the record lookups that raise NotFound.
REFUSALS = {"RuleViolation", "ServiceError", "NotFound", "FieldError"}
# Where a field gets its error: the field's name (a string: it names the form's field)
# comes first, then the error, which is a ``Problem`` and params, never words.
FIELD_ERRORS = {"fail", "setdefault"}


def _given(node: ast.AST) -> list[ast.expr] | None:
    """What a refusal or a field error is handed, None for any other node."""
    if isinstance(node, ast.Assign) and any(
        isinstance(t, ast.Subscript) and _name(t.value) == "errors" for t in node.targets
    ):
        return [node.value]  # errors[field] = ...
    if not isinstance(node, ast.Call):
        return None
    name = _name(node.func)
    if name in REFUSALS:
        return [*node.args, *(k.value for k in node.keywords)]
    if name == "ValidationError":  # {field: error}: the keys name fields
        return [v for a in node.args for v in (a.values if isinstance(a, ast.Dict) else [a])]
    if name in FIELD_ERRORS and len(node.args) >= 2:
        return node.args[1:]
    if name == "load" and len(node.args) >= 4:
        return node.args[3:]
    return None


def worded_raise_sites(path: Path) -> list[str]:
    """Where a service hands a refusal or a field error a string (a sentence, or words of
    any language) instead of a code: ``RuleViolation("...")``, ``NotFound("...")``,
    ``load(s, M, id, "...")``, ``c.fail(field, "...")``, ``ValidationError({field:
    "..."})``, ``errors[field] = "..."``. Strings are how prose got in; a refusal's and a
    field error's params are codes and numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    found = []
    for node in ast.walk(tree):
        given = _given(node)
        if given is None:
            continue
        for arg in given:
            if any(
                isinstance(n, ast.JoinedStr)
                or (isinstance(n, ast.Constant) and isinstance(n.value, str))
                for n in ast.walk(arg)
            ):
                found.append((node.lineno, f"{where}:{node.lineno}"))
                break
    return [site for _, site in sorted(found)]


def test_the_raise_site_detector_finds_words_and_only_those(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'c.fail("fund", "kies het fonds")\n'
        'c.fail("fund", Problem.FUND_MISSING)\n'
        'c.fail(name, f"te lang ({n})")\n'
        'raise ValidationError({"auto_lock": "kies tussen 1 en 240 minuten"})\n'
        'raise ValidationError({"auto_lock": FieldError(Problem.OUT_OF_RANGE, low=1)})\n'
        'errors["name"] = "verplicht veld"\n'
        'errors["name"] = FieldError(Problem.REQUIRED)\n'
        'errors.setdefault(name, "bevat een BSN")\n'
        "raise RuleViolation(Code.CHECKPOINT_DONE)\n"
        'raise NotFound("kandidaat")\n'
    )
    assert worded_raise_sites(sample) == [
        "sample.py:1",
        "sample.py:3",
        "sample.py:4",
        "sample.py:6",
        "sample.py:8",
        "sample.py:10",
    ]


@pytest.mark.parametrize("package", ["models", "services"])
def test_service_refusals_and_field_errors_carry_codes_not_words(package: str) -> None:
    files = sorted((ROOT / "spt_desktop" / package).rglob("*.py"))
    assert files
    assert [site for f in files for site in worded_raise_sites(f)] == []


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
    # Worded with its params (this app's version, the one the server asks for) by the
    # transport's answer step, from the 426 and its headers: tests/sync/test_version_handshake.py.
    handled.add(p.ERR_UPDATE_REQUIRED)
    assert server == set(_REFUSALS) | handled
