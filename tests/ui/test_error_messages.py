"""The UI's presenter: every error code (and every worded param: reasons, kinds of
record) has a text, the same Dutch words as the CLI's, an English translation compiled
into the .qm, and the English UI shows it; so do the strength meter's words. The UI tells
errors apart by code, never by class name."""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from spt_desktop.app import RESOURCES, install_translation
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
from spt_desktop.models.errors import NotAVault, VaultIOError, VaultTooNew, WrongPassphrase
from spt_desktop.models.passphrase import Level, Strength, passphrase_strength
from spt_desktop.services.errors import NotFound, RuleViolation, ServiceError, ValidationError
from spt_desktop.sync.transport import Unreachable
from spt_desktop.ui import messages
from spt_desktop.ui.ops import describe
from tests.support.error_params import sample_field_error, sample_params

ROOT = Path(__file__).resolve().parents[2]
# Texts that are only a param (a sentence written elsewhere, the OS's words): the same
# in every language.
ONLY_A_PARAM = {"{detail}"}


def sources() -> list[tuple[str, str]]:
    """Every text of the presenter, with its translation context."""
    errors = [
        *messages.MESSAGES.values(),
        *messages.REASONS.values(),
        *messages.THINGS.values(),
        *messages.PROBLEMS.values(),
    ]
    strength = [text for pair in messages.STRENGTH.values() for text in pair]
    return [*(("Errors", t) for t in errors), *(("Strength", t) for t in strength)]


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The app in English, as after choosing English in Instellingen; Dutch again after."""
    install_translation(qapp, "en")
    try:
        yield
    finally:
        install_translation(qapp, "nl")


def test_every_code_and_reason_has_a_ui_text() -> None:
    assert set(messages.MESSAGES) == set(Code)
    assert set(messages.REASONS) == set(Reason)
    assert set(messages.THINGS) == set(Thing)
    assert set(messages.PROBLEMS) == set(Problem)
    assert set(messages.STRENGTH) == set(Level)
    assert set(messages.LABELS) == LABELLED_PARAMS


def test_the_ui_speaks_the_same_dutch_as_the_cli() -> None:
    """Two presenters, one wording: lupdate needs the UI's texts as literals in ui/, so
    they are written twice and held equal here."""
    for code in Code:
        assert messages.MESSAGES[code] == cli.MESSAGES[code][0], code
    for reason in Reason:
        assert messages.REASONS[reason] == cli.REASONS[reason], reason
    for thing in Thing:
        assert messages.THINGS[thing] == cli.THINGS[thing], thing
    for problem in Problem:
        assert messages.PROBLEMS[problem] == cli.PROBLEMS[problem], problem
    assert messages.LABELS == cli.LABELS


@pytest.mark.parametrize("code", list(Code))
def test_ui_texts_use_only_the_params_their_code_carries(code: Code) -> None:
    used = {n for _, n, _, _ in string.Formatter().parse(messages.MESSAGES[code]) if n}
    assert used <= PARAMS[code]


@pytest.mark.parametrize("problem", list(Problem))
def test_ui_field_texts_use_only_the_params_their_problem_carries(problem: Problem) -> None:
    used = {n for _, n, _, _ in string.Formatter().parse(messages.PROBLEMS[problem]) if n}
    assert used <= PROBLEM_PARAMS[problem]


def test_the_english_qm_translates_every_error_text_with_the_same_params() -> None:
    translator = QTranslator()
    assert translator.load(str(RESOURCES / "translations" / "spt_desktop_en.qm"))
    for context, source in sources():
        english = translator.translate(context, source)
        assert english, f"no English for {source!r}: run scripts/translations.sh"
        if source not in ONLY_A_PARAM:
            assert english != source, source

        def params(text: str) -> set[str]:
            return {n for _, n, _, _ in string.Formatter().parse(text) if n}

        assert params(english) == params(source), source


def test_the_english_ui_shows_english(english: None) -> None:
    assert describe(VaultTooNew()).startswith(
        "This vault was made with a newer version of SPT Desktop"
    )
    assert describe(WrongPassphrase()).startswith("The passphrase is not correct")
    assert "(/tmp/x.sptvault: the disk is full)" in describe(
        VaultIOError.from_os("/tmp/x.sptvault", OSError(28, "No space left on device"))
    )
    assert "(it is an unencrypted SQLite file)" in describe(
        NotAVault("/tmp/x", Reason.PLAIN_SQLITE)
    )
    assert describe(Unreachable(reason=Reason.NO_CONNECTION.value)).startswith(
        "The SPT server cannot be reached: there is no connection (no network, or a wrong "
        "server address)."
    )
    assert (
        describe(ValidationError({"email": FieldError(Problem.BAD_EMAIL)}))
        == "Check the input — email: not a valid email address (such as name@example.nl). "
        "Nothing was saved."
    )
    # a field's problem, as a form shows it beside the field
    assert messages.field_text(FieldError(Problem.REQUIRED)) == "required field"
    assert messages.field_text(FieldError(Problem.MINUTES_OUT_OF_RANGE, low=1, high=240)) == (
        "choose between 1 and 240 minutes"
    )
    assert messages.field_text(FieldError(Problem.BEFORE_PREVIOUS_STEP, day="2026-11-30")) == (
        "is before the previous step (30-11-2026)"
    )
    assert describe(KeyError("bug")).startswith("Something unexpected went wrong")
    waited = SptError(Code.RATE_LIMITED, reason=Reason.WAIT_SECONDS.value, seconds=15)
    assert "Wait 15 seconds and try again" in describe(waited)
    # the use cases' refusals: their own words; a domain code as the app's label
    assert describe(RuleViolation(Code.PLAN_WITHOUT_GOALS)).startswith(
        "A plan of approach needs at least one goal."
    )
    assert describe(RuleViolation(Code.ROLE_NOT_HELD, role="jobcoach")).startswith(
        "This colleague does not have the role jobcoach."
    )
    assert describe(NotFound(Thing.VISIT_EMPLOYER)).startswith(
        "The employer of this visit no longer exists in this vault."
    )
    assert describe(ServiceError(Code.EXPORT_DISK_FULL)).startswith("The disk is full;")
    assert messages.strength_text(passphrase_strength("kort")) == (
        "Too short. Use at least 10 characters."
    )


def test_the_dutch_ui_shows_dutch(qapp: QApplication) -> None:
    install_translation(qapp, "nl")
    assert describe(VaultTooNew()).startswith("Deze kluis is gemaakt met een nieuwere versie")
    assert "(/tmp/x.sptvault: de schijf is vol)" in describe(
        VaultIOError.from_os("/tmp/x.sptvault", OSError(28, "No space left on device"))
    )
    assert describe(KeyError("bug")).startswith("Er ging iets onverwachts mis")
    assert describe(RuleViolation(Code.CANDIDATE_NOT_IN_JOURNEY, candidate_status="closed")) == (
        "Deze kandidaat is afgesloten; meld hem of haar eerst opnieuw aan voordat de fase "
        "verandert."
    )
    assert messages.strength_text(passphrase_strength("kort")) == (
        "Te kort. Gebruik minstens 10 tekens."
    )
    assert messages.field_text(FieldError(Problem.REQUIRED)) == "verplicht veld"
    assert messages.field_texts(
        ValidationError({"auto_lock": FieldError(Problem.MINUTES_OUT_OF_RANGE, low=1, high=240)})
    ) == {"auto_lock": "kies tussen 1 en 240 minuten"}


def test_every_error_has_words_in_both_languages(english: None) -> None:
    """Walk the vocabulary through the presenter with the params each code carries."""
    for code in Code:
        text = messages.text(SptError(code, **sample_params(code)))
        assert text and "{" not in text, code
        assert text != cli.text(SptError(code, **sample_params(code))), code
    for thing in Thing:
        worded = messages.text(NotFound(thing))
        assert worded != cli.text(NotFound(thing)), thing
    for problem in Problem:
        error = sample_field_error(problem)
        worded = messages.field_text(error)
        assert worded and "{" not in worded, problem
        assert worded != cli.field_text(error), problem
    for level in Level:
        dutch_name, _hint = messages.STRENGTH[level]
        assert not messages.strength_text(Strength(level)).startswith(dutch_name + "."), level


def test_the_ui_never_matches_class_names() -> None:
    """``type(exc).__name__ == "Unreachable"`` breaks silently when a class is renamed
    or subclassed: the UI compares codes. (Logging a class name is fine.)"""
    names = {"VaultLocked", "Unreachable", "AuthFailed", "NotLoggedIn", "DeviceRevoked"}
    found = []
    for path in sorted((ROOT / "spt_desktop" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Compare):
                continue
            for part in [node.left, *node.comparators]:
                elts = part.elts if isinstance(part, (ast.Tuple, ast.List, ast.Set)) else [part]
                for e in elts:
                    if (isinstance(e, ast.Attribute) and e.attr == "__name__") or (
                        isinstance(e, ast.Constant) and e.value in names
                    ):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_the_english_window_says_update_the_app_in_english(  # type: ignore[no-untyped-def]
    build_window, qtbot, tmp_path
):
    """The unlock screen of the English app, unlocking a vault of a newer version."""
    from PySide6.QtCore import Qt

    from spt_desktop.models.migrate import SCHEMA_HEAD
    from spt_desktop.models.vault import Vault
    from tests.conftest import FAST_KDF, PASSPHRASE
    from tests.ui.conftest import settle

    vault, _ = Vault.create(tmp_path / "coach.sptvault", PASSPHRASE, kdf=FAST_KDF)
    with vault.engine.begin() as c:
        c.exec_driver_sql(
            "UPDATE alembic_version SET version_num = ?", (f"{int(SCHEMA_HEAD) + 1:04d}",)
        )
    vault.lock()
    window, ops = build_window()
    try:
        window.change_language("en")
        settle(qtbot, ops)
        screen = window.unlock_screen
        qtbot.keyClicks(screen.passphrase, PASSPHRASE)
        qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
        settle(qtbot, ops)
        assert screen.error.isVisible()
        assert "newer version of SPT Desktop" in screen.error.text()
        assert not ops.session.is_unlocked
    finally:
        window.change_language("nl")


def test_the_english_window_words_a_refusal_in_english(  # type: ignore[no-untyped-def]
    build_window, qtbot
):
    """A use case's refusal in the English app: moving Kim to the phase she is in. It
    was a Dutch sentence written in services/journey.py; now it is a code with the phase
    as a param, worded here in English (the phase by its label, as the picker shows it)."""
    from PySide6.QtCore import Qt

    from tests.ui.conftest import register_kim, settle, unlocked_window

    kim: list[Any] = []
    window, ops = unlocked_window(build_window, qtbot, lambda ops: kim.append(register_kim(ops)))
    try:
        window.change_language("en")
        settle(qtbot, ops)
        ws = window.workspace
        ws.open_candidate(kim[0].id)
        settle(qtbot, ops)
        journey = ws.candidate_page.journey
        ws.candidate_page.tabs.setCurrentWidget(journey)
        assert journey.phase.currentText() == "Eerste oriëntatie"  # where Kim is now
        qtbot.keyClicks(journey.reason, "Nog een keer")
        qtbot.keyClick(journey.reason, Qt.Key.Key_Return)
        settle(qtbot, ops)
        assert journey.error.isVisible()
        assert journey.error.text() == "The candidate is already in the phase Eerste oriëntatie."
        assert journey.model.rowCount() == 1  # nothing was written
    finally:
        window.change_language("nl")


def test_the_english_wizard_words_the_strength_meter_in_english(  # type: ignore[no-untyped-def]
    build_window, qtbot
):
    """The meter's words came from models/passphrase.py, in Dutch only; the model now
    gives a level and the wizard words it in the UI's language."""
    window, _ops = build_window()
    try:
        window.change_language("en")
        window.start_first_run()
        wiz = window.wizard
        qtbot.keyClicks(wiz.passphrase, "kort")
        assert wiz.meter_text.text() == "Too short. Use at least 10 characters."
        qtbot.keyClicks(wiz.passphrase, " en nog wat woorden erbij")
        assert wiz.meter_text.text().startswith("Very strong. Hard to guess")
    finally:
        window.change_language("nl")
