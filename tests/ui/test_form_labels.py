"""The forms speak the coach's language and show all they say (issue 11 "the English UI
is English", issue 14 "feedback where the eye is").

The labels, placeholders and choices of the forms were plain Dutch strings in the field
specs, so the English app asked for "Voornaam" with an English message under it. Now
they are ``QT_TRANSLATE_NOOP("Field", ...)`` source texts, translated where the form is
built. And a message under a field that wraps to two lines showed only its first half:
the form's rows now take the wrapped message's height."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from spt_common import enums
from spt_desktop.ui.forms import Form
from tests.ui.conftest import register_kim, settle, unlocked_window

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "spt_desktop" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"

# Words that only Dutch has (not "per", "week", "door"), as the forms used them: any of
# them in the English app is a label left untranslated. (Domain names, the labels of the
# enums' codes, stay Dutch in both languages, as in the tables; they are not checked.)
DUTCH = frozenset(
    [
        "voornaam",
        "achternaam",
        "geboortedatum",
        "gemeente",
        "telefoon",
        "verwezen",
        "uitkering",
        "toestemming",
        "registratie",
        "begeleiding",
        "delen",
        "werkgever",
        "bezoekverslagen",
        "verwijzer",
        "financier",
        "opleider",
        "geanonimiseerd",
        "aanbodkrant",
        "jjjj",
        "taalniveau",
        "nederlands",
        "uren",
        "beschikbaarheid",
        "salarisverwachting",
        "mnd",
        "vaardigheden",
        "interesses",
        "vervolgafspraak",
        "gehouden",
        "achtergrond",
        "motivatie",
        "wensen",
        "belemmeringen",
        "waarom",
        "deze",
        "tijdstip",
        "locatie",
        "vorm",
        "aanwezig",
        "besproken",
        "voortgang",
        "welbevinden",
        "afspraken",
        "vervolgbezoek",
        "risico",
        "uitval",
        "bijv",
        "bijvoorbeeld",
    ]
)
LEFT = __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton


def english_sources() -> dict[str, str]:
    """Context "Field" of the English .ts: Dutch source → its finished English."""
    tree = ET.parse(TRANSLATIONS / "spt_desktop_en.ts")
    out: dict[str, str] = {}
    for context in tree.getroot().iter("context"):
        if context.findtext("name") != "Field":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") not in {
                "unfinished",
                "obsolete",
                "vanished",
            }:
                out[message.findtext("source") or ""] = translation.text or ""
    return out


DOMAIN_LABELS = {
    str(member.label)
    for enum in vars(enums).values()
    if isinstance(enum, type) and issubclass(enum, enums.Labelled) and enum is not enums.Labelled
    for member in enum
}


def dutch_in(text: str, sources: dict[str, str]) -> bool:
    """Whether ``text`` (as the form shows it) is a Dutch field text: a source whose
    English differs, or holding a word only Dutch has."""
    bare = " ".join(text.removesuffix(" *").split())  # a wrapped check box: one line
    if bare in sources and sources[bare] != bare:
        return True
    if not bare or bare == "—" or bare in DOMAIN_LABELS:
        return False
    return bool(DUTCH & set(re.findall(r"[a-zë]+", bare.lower())))


def form_texts(form: Form) -> list[str]:
    """Every text the form shows for its fields: labels, placeholders, choices, and the
    names a screen reader says."""
    layout = form.layout()
    assert isinstance(layout, QFormLayout)
    out: list[str] = []
    for row in range(layout.rowCount()):
        item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if item is not None and isinstance(item.widget(), QLabel):
            out.append(item.widget().text())  # type: ignore[attr-defined]
    for editor in form.editors.values():
        out.append(editor.accessibleName())
        if isinstance(editor, QLineEdit):
            out.append(editor.placeholderText())
        if isinstance(editor, QComboBox):
            out += [editor.itemText(i) for i in range(editor.count())]
    return out


def in_english(build_window, qtbot, before=None):  # type: ignore[no-untyped-def]
    window, ops = unlocked_window(build_window, qtbot, before)
    window.change_language("en")  # as Instellingen does
    settle(qtbot, ops)
    window.resize(1366, 768)
    return window, ops


def press_new_candidate(qtbot, window) -> Any:  # type: ignore[no-untyped-def]
    """Ctrl+Shift+N, as the coach presses it; the new candidate dialog it opens."""
    from PySide6.QtCore import Qt

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(
        QApplication.focusWidget() or window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    return next(d for d in window.workspace.dialogs if d.objectName() == "candidateDialog")


def test_the_english_forms_say_nothing_in_dutch(build_window, qtbot):  # type: ignore[no-untyped-def]
    """The new candidate dialog, the dossier's profile and intake, a visit: in the
    English app, not one label, placeholder or choice of theirs is Dutch."""
    sources = english_sources()
    kim: list[Any] = []
    window, ops = in_english(build_window, qtbot, lambda o: kim.append(register_kim(o)))
    try:
        found: dict[str, list[str]] = {}
        dialog = press_new_candidate(qtbot, window)
        found["new candidate"] = form_texts(dialog.form)
        dialog.drafts.cancel()
        dialog.done(0)
        ws = window.workspace
        ws.open_candidate(kim[0].id)
        settle(qtbot, ops)
        profile = ws.candidate_page.profile
        found["profile"] = form_texts(profile.profile)
        found["intake"] = form_texts(profile.intake)
        found["consents"] = [
            t for c in profile.consents.values() for t in (c.text(), c.accessibleName())
        ]
        ws.candidate_page._visit()
        settle(qtbot, ops)
        visit = ws.dialogs[-1]
        found["visit"] = form_texts(visit.form)
        visit.drafts.cancel()
        visit.done(0)
        assert sum(len(v) for v in found.values()) > 60  # the walk saw the forms
        dutch = {k: sorted({t for t in v if dutch_in(t, sources)}) for k, v in found.items()}
        assert not {k: v for k, v in dutch.items() if v}
        assert "First name *" in found["new candidate"]
        assert "Share with training provider" in found["consents"]
        # the consent purposes are domain labels, which dutch_in lets pass: none is Dutch
        dutch_purposes = {p.label for p in enums.ConsentPurpose}
        assert not {" ".join(t.split()) for t in found["consents"]} & dutch_purposes
    finally:
        window.change_language("nl")


def test_the_consent_words_are_the_domain_labels() -> None:
    """The dossier's consent boxes say in Dutch what the domain calls each purpose."""
    from spt_desktop.ui.pages.dossier_tabs import CONSENT_WORDS

    assert {p: p.label for p in enums.ConsentPurpose} == CONSENT_WORDS


def _spec_calls() -> Iterator[tuple[str, int, str, ast.expr]]:
    """(file, line, what, expression) of every label and placeholder a ``Field(...)`` in
    the UI's code is given."""
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Field"
            ):
                continue
            where = str(path.relative_to(ROOT))
            if len(node.args) > 1:
                yield where, node.lineno, "label", node.args[1]
            for kw in node.keywords:
                if kw.arg in {"label", "placeholder"}:
                    yield where, node.lineno, kw.arg, kw.value


def _noop_source(expr: ast.expr) -> str | None:
    """The source text of ``QT_TRANSLATE_NOOP("Field", "...")``; None for anything else."""
    if (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Name)
        and expr.func.id == "QT_TRANSLATE_NOOP"
        and len(expr.args) == 2
        and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in expr.args)
    ):
        context, source = (a.value for a in expr.args)  # type: ignore[attr-defined]
        return str(source) if context == "Field" else None
    return None


def test_every_field_label_and_placeholder_is_translatable_and_translated() -> None:
    """Every ``Field`` in the UI (every dialog and form, the ones still to come too)
    names its label and placeholder as ``QT_TRANSLATE_NOOP("Field", "...")``, so
    lupdate finds it, and the compiled English .qm has its English."""
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "spt_desktop_en.qm"))
    plain: list[str] = []
    untranslated: list[str] = []
    seen = 0
    for where, line, what, expr in _spec_calls():
        seen += 1
        source = _noop_source(expr)
        if source is None:
            plain.append(f"{where}:{line} {what}: {ast.unparse(expr)}")
        elif not translator.translate("Field", source):
            untranslated.append(f"{where}:{line} {source!r}")
    assert seen > 100  # the walk found the specs
    assert not plain, "not translatable:\n" + "\n".join(plain)
    assert not untranslated, "no English:\n" + "\n".join(untranslated)


# --- a message under a field shows whole ---------------------------------------------


def clipped(form: Form) -> dict[str, tuple[int, int]]:
    """Each visible error line shorter than its text wrapped at its width needs:
    field → (height it has, height it needs)."""
    out = {}
    for name, label in form.errors.items():
        if not label.isVisible():
            continue
        need = label.heightForWidth(label.width())
        if label.height() < need:
            out[name] = (label.height(), need)
    return out


def squeezed(form: Form) -> dict[str, tuple[int, int]]:
    """Each line edit made lower than it needs by a message under it."""
    return {
        name: (w.height(), w.minimumSizeHint().height())
        for name, w in form.editors.items()
        if isinstance(w, QLineEdit) and w.height() < w.minimumSizeHint().height()
    }


def lines(label: QLabel) -> float:
    """How many lines ``label``'s text takes at its width."""
    return label.heightForWidth(label.width()) / label.fontMetrics().lineSpacing()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_two_line_message_under_a_field_shows_whole(build_window, qtbot, language: str):  # type: ignore[no-untyped-def]
    """At 1366×768, the new candidate dialog (Ctrl+Shift+N): a BSN typed in a field gets
    the draft's two-line message under it, and OK with a wrong e-mail address and phone
    number puts messages under six fields. Each shows whole, no field squeezed."""
    window, ops = unlocked_window(build_window, qtbot)
    window.change_language(language)
    settle(qtbot, ops)
    window.resize(1366, 768)
    try:
        dialog = press_new_candidate(qtbot, window)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
        form = dialog.form
        qtbot.keyClicks(form.editors["email"], "geen-adres")
        qtbot.keyClicks(form.editors["phone"], "12")
        qtbot.keyClicks(form.editors["municipality"], "Alkmaar 1112.22.333")
        bsn = form.errors["municipality"]
        qtbot.waitUntil(bsn.isVisible)  # the draft is kept a moment after typing
        settle(qtbot, ops)
        qtbot.wait(50)  # the layout's pass after the message showed
        assert lines(bsn) >= 2  # the wrap this test is about
        assert clipped(form) == {}
        assert squeezed(form) == {}

        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
        settle(qtbot, ops)
        qtbot.wait(50)
        shown = {n for n, label in form.errors.items() if label.isVisible()}
        assert {"first_name", "last_name", "email", "phone", "municipality", "consent"} <= shown
        assert clipped(form) == {}
        assert squeezed(form) == {}
        # the dialog grew to its messages rather than hide them below a scroll bar: a
        # 1366x768 screen has room for them
        from PySide6.QtWidgets import QScrollArea

        for area in dialog.findChildren(QScrollArea):
            assert area.verticalScrollBar().maximum() == 0, dialog.size()
        # and the dialog still fits the laptop's screen
        assert dialog.frameGeometry().height() <= 768
        assert dialog.frameGeometry().width() <= 1366
        dialog.drafts.cancel()
        dialog.done(0)
    finally:
        window.change_language("nl")


def test_a_dialog_grows_to_a_message_that_wraps(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Any dialog with a form (those still to come too): a message of several lines
    under a field makes the dialog taller, and every line shows."""
    from PySide6.QtWidgets import QDialog, QVBoxLayout

    from spt_desktop.ui.forms import Field

    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = Form([Field("a", "Voornaam", required=True), Field("b", "Achternaam")])
    QVBoxLayout(dialog).addWidget(form)
    dialog.resize(420, dialog.sizeHint().height())
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.height()
    form.show_errors({"a": "een melding die niet op één regel past " * 4})
    qtbot.wait(50)  # the layout's pass after the message showed
    assert lines(form.errors["a"]) >= 3
    assert clipped(form) == {}
    assert squeezed(form) == {}
    assert dialog.height() > before
