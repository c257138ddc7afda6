"""200 % text on a 1366x768 laptop (WCAG 2.1 AA 1.4.4 Resize text; issue 14 §7): every
page, every dossier tab and every dialog, with the text twice its size (the app font and
the stylesheet's point sizes, as Windows' "Tekst groter maken" or SPT_TEXT_SCALE=200 do
it). Nothing is cut off (a label's text fits its box or wraps; a button's text fits),
what does not fit on the screen is reached by scrolling, and the window never grows past
the screen. Before, the window widened itself to 2094x1069 and the dialogs' labels were
cut off."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QTabBar,
    QWidget,
)

from tests.ui.conftest import settle, unlocked_demo

SCREEN = (1366, 768)


@pytest.fixture
def large_text(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The app at 200 % text with its stylesheet, as a coach would see it; undone after."""
    from spt_desktop.app import load_style

    load_style(qapp, high_contrast=False, text_scale=200)
    yield
    normal(qapp)


@pytest.fixture(params=[100, 200], ids=lambda p: f"{p}%")
def text_size(request, qapp) -> Iterator[int]:  # type: ignore[no-untyped-def]
    """The app at normal and at 200 % text with its stylesheet; undone after."""
    from spt_desktop.app import load_style

    load_style(qapp, high_contrast=False, text_scale=request.param)
    yield request.param
    normal(qapp)


def normal(qapp) -> None:  # type: ignore[no-untyped-def]
    """The app's plain font, style and no stylesheet again (for the tests after)."""
    from spt_desktop.app import apply_text_scale

    qapp.setStyleSheet("")
    apply_text_scale(qapp, 100)
    qapp._spt_text_percent = None


def _viewport(widget: QWidget) -> bool:
    """Whether ``widget`` is a scroll area's viewport: what is in it is reached by
    scrolling, however large."""
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractScrollArea) and widget is parent.viewport()


def cut_off(root: QWidget) -> list[str]:
    """Visible labels and buttons under ``root`` whose text does not fit their box, or
    that stick out of a parent (other than a scroll area's contents, which scroll)."""
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, QLabel | QAbstractButton) or not w.isVisibleTo(root):
            continue
        if isinstance(w.parentWidget(), QTabBar):  # its scroll arrows: Qt's own
            continue
        name = f"{type(w).__name__} {w.objectName()!r} {getattr(w, 'text', str)()[:40]!r}"
        if isinstance(w, QLabel) and w.wordWrap():
            if w.text() and w.heightForWidth(w.width()) > w.height() + 1:
                out.append(f"{name}: {w.height()} px high, needs {w.heightForWidth(w.width())}")
        elif isinstance(w, QLabel) and not w.text().strip():
            continue
        else:
            hint = w.sizeHint()
            if hint.width() > w.width() + 1 or hint.height() > w.height() + 1:
                out.append(f"{name}: {w.size().toTuple()}, needs {hint.toTuple()}")
        child, parent = w, w.parentWidget()
        while parent is not None and child is not root and not _viewport(parent):
            if not QRect(parent.rect()).contains(child.geometry()):
                out.append(
                    f"{name}: sticks out of {type(parent).__name__} {parent.objectName()!r}"
                    f" {child.geometry().getRect()} in {parent.rect().getRect()}"
                )
                break
            child, parent = parent, parent.parentWidget()
    return out


def fits_the_screen(window: QWidget) -> list[str]:
    """The window (or dialog) is no larger than the screen, nor must it be."""
    out = []
    size, least = window.size(), window.minimumSizeHint()
    if size.width() > SCREEN[0] or size.height() > SCREEN[1]:
        out.append(f"{size.toTuple()} is larger than the screen")
    if least.width() > SCREEN[0] or least.height() > SCREEN[1]:
        out.append(f"needs at least {least.toTuple()}")
    return out


def _check(found: dict[str, list[str]], name: str, window: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    layout = window.layout()
    if layout is not None:
        layout.activate()

    def problems() -> list[str]:
        return fits_the_screen(window) + cut_off(window)

    try:  # texts filled in late (a side-by-side view) are laid out a turn later
        qtbot.waitUntil(lambda: not problems(), timeout=1000)
    except qtbot.TimeoutError:
        found[name] = problems()


def _open_dialog(opener: Callable[[], Any], ops, qtbot) -> QDialog | None:  # type: ignore[no-untyped-def]
    """Run ``opener`` (a page's action) and return the dialog it showed."""
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    opener()
    settle(qtbot, ops)
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and w.isVisible() and id(w) not in before
    ]
    return shown[-1] if shown else None


def _close(dialog: QDialog, ops, qtbot) -> None:  # type: ignore[no-untyped-def]
    drafts = getattr(dialog, "drafts", None)
    if drafts is not None:
        drafts.cancel()
    dialog.done(0)
    settle(qtbot, ops)


def _candidate_with_matches(ops) -> str:  # type: ignore[no-untyped-def]
    """A demo candidate with open matches to vacancies and a plan (test data only)."""
    svc = ops.session.services
    for row in svc.queries.caseload():
        matches = svc.matching.for_candidate(row.id)
        if any(m.open and m.vacancy_id for m in matches):
            return str(row.id)
    raise AssertionError("the demo has no open match")


def _candidates_in(ops, phase: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The demo's candidates in ``phase`` (test data only)."""
    return [str(r.id) for r in ops.session.services.queries.caseload() if r.phase == phase]


def test_every_page_and_dialog_fits_at_200_percent_text(text_size, build_window, qtbot):  # type: ignore[no-untyped-def]
    """And at normal size: the scrolling that makes room at 200 % squeezes nothing at 100 %."""
    window, ops = unlocked_demo(build_window, qtbot, 40)
    window.resize(*SCREEN)
    ws = window.workspace
    found: dict[str, list[str]] = {}
    for key in ("today", "caseload", "employers", "monitor", "conflicts", "settings"):
        ws.show_page(key)
        settle(qtbot, ops)
        _check(found, key, window, qtbot)
    ws.show_page("coordination")  # the page itself, whether or not the nav shows it
    ws.stack.setCurrentWidget(ws.coordination)
    settle(qtbot, ops)
    _check(found, "coordination", window, qtbot)

    dialogs: list[tuple[str, Callable[[], Any]]] = [("new candidate", ws.new_candidate)]
    ws.show_page("employers")
    settle(qtbot, ops)
    page = ws.employers
    page.open_only.setChecked(True)
    settle(qtbot, ops)
    page.view.selectRow(0)
    settle(qtbot, ops)
    dialogs += [
        ("new employer", page.new_employer),
        ("edit employer", page.edit_employer),
        ("vacancy", page.add_vacancy),
        ("future need", page.add_future_need),
        ("employer contact", page.log_contact),
        ("contact person", page.add_person),
    ]
    for name, opener in dialogs:
        dialog = _open_dialog(opener, ops, qtbot)
        assert dialog is not None, name
        _check(found, name, dialog, qtbot)
        _close(dialog, ops, qtbot)

    ws.open_candidate(_candidate_with_matches(ops))
    settle(qtbot, ops)
    cp = ws.candidate_page
    for i in range(cp.tabs.count()):
        cp.tabs.setCurrentIndex(i)
        settle(qtbot, ops)
        _check(found, f"dossier: {cp.tabs.tabText(i)}", window, qtbot)
    matches = cp.lists["matches"]
    cp.tabs.setCurrentWidget(matches)
    view = matches.views["matches"]
    from spt_desktop.ui.tables import row_at

    for r in range(view.model().rowCount()):
        m = row_at(view, view.model().index(r, 0))
        if m is not None and m.open and m.vacancy_id:
            view.setCurrentIndex(view.model().index(r, 0))
            break
    settle(qtbot, ops)
    cp.tabs.setCurrentWidget(cp.activities)
    cp.activities.views["activities"].selectRow(0)
    settle(qtbot, ops)
    dossier_dialogs: list[tuple[str, Callable[[], Any]]] = [
        ("visit", cp._visit),
        ("handover", cp._handover),
        ("plan activity", cp.activities.plan_activity),
        ("training", cp.activities.add_training),
        ("note", cp.notes.add_note),
        ("dropout", cp.journey.register_dropout),
        ("close dossier", cp.journey.close_dossier),
        ("propose match", matches.propose_match),
        ("side by side", matches.side_by_side),
        ("match step", matches.next_step),
        ("placement", matches.place_match),
    ]
    for name, opener in dossier_dialogs:
        dialog = _open_dialog(opener, ops, qtbot)
        assert dialog is not None, name
        _check(found, name, dialog, qtbot)
        _close(dialog, ops, qtbot)
    cp.tabs.setCurrentWidget(cp.journey)
    for cid in _candidates_in(ops, "retention"):  # one with a retention moment due
        ws.open_candidate(cid)
        settle(qtbot, ops)
        if cp.journey._open_point() is not None:
            break
    dialog = _open_dialog(cp.journey.record_checkpoint, ops, qtbot)
    assert dialog is not None, "checkpoint"
    _check(found, "checkpoint", dialog, qtbot)
    _close(dialog, ops, qtbot)
    assert not found, found


def test_tab_scrolls_a_long_form_to_the_field(large_text, build_window, qtbot):  # type: ignore[no-untyped-def]
    """At 200 % the new-candidate form is taller than the screen: Tab down to its last
    consent and the form scrolls so that it is in view."""
    from spt_desktop.ui.fit import FitScroll

    window, ops = unlocked_demo(build_window, qtbot, 5)
    window.resize(*SCREEN)
    dialog = _open_dialog(window.workspace.new_candidate, ops, qtbot)
    assert dialog is not None
    area = dialog.findChild(FitScroll)
    last = list(dialog.form.editors.values())[-1]
    first = next(iter(dialog.form.editors.values()))
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    viewport = area.viewport()
    assert not viewport.rect().contains(last.mapTo(viewport, last.rect().center()))
    for _ in range(len(dialog.form.editors) * 2):
        if last.hasFocus():
            break
        tab = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(QApplication.focusWidget(), tab)
        QApplication.processEvents()
    assert last.hasFocus()
    assert viewport.rect().contains(last.mapTo(viewport, last.rect().center()))
    _close(dialog, ops, qtbot)


@pytest.fixture
def restore_style(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Whatever the test sets, the app's plain style and font after it."""
    yield
    normal(qapp)


def test_the_coach_sets_200_percent_in_instellingen(restore_style, build_window, qtbot):  # type: ignore[no-untyped-def]
    """Instellingen ▸ Tekstgrootte, by keyboard: the text doubles at once, the window
    stays on the screen, and the choice is kept for the next start."""
    from PySide6.QtCore import QSettings

    from spt_desktop.app import APP_NAME, ORG, text_percent

    window, ops = unlocked_demo(build_window, qtbot, 5)
    window.resize(*SCREEN)
    ws = window.workspace
    ws.show_page("settings")
    settle(qtbot, ops)
    before = QApplication.font().pointSizeF()
    box = ws.settings_page.text_scale
    assert box.currentText() == "100 %"
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_End)  # the last choice: 200 %
    settle(qtbot, ops)
    assert window.workspace is not ws  # laid out again for the larger text
    page = window.workspace.settings_page
    assert page.isVisible() and page.text_scale.currentText() == "200 %"
    assert QApplication.font().pointSizeF() == pytest.approx(before * 2)
    assert "20pt" in QApplication.instance().styleSheet()  # type: ignore[union-attr]
    assert not fits_the_screen(window)
    assert text_percent(QSettings(ORG, APP_NAME).value("text_scale")) == 200


def test_the_first_run_and_the_unlock_screen_fit_at_200_percent(large_text, build_window, qtbot):  # type: ignore[no-untyped-def]
    """The screens before the workspace: the first-run wizard's two steps (the recovery
    key in its large monospace box) and the unlock screen with its recovery button."""
    from spt_desktop.services.session import DEMO_PASSPHRASE

    found: dict[str, list[str]] = {}
    window, ops = build_window("new.sptvault")
    window.resize(*SCREEN)
    window.start_first_run()
    settle(qtbot, ops)
    wizard = window.wizard
    _check(found, "wizard: create", window, qtbot)
    wizard._created("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH-IJKL-MNOP")
    _check(found, "wizard: recovery key", window, qtbot)
    demo, demo_ops = build_window("demo.sptvault", demo=True)
    demo.resize(*SCREEN)
    demo_ops.vault(lambda s: s.ensure_demo(__import__("datetime").date(2026, 11, 30), 1)).run()
    settle(qtbot, demo_ops)
    demo.show_unlock()
    _check(found, "unlock", demo, qtbot)
    assert DEMO_PASSPHRASE in " ".join(w.text() for w in demo.findChildren(QLabel))
    assert not found, found


def test_spt_text_scale_goes_before_the_stored_choice(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """SPT_TEXT_SCALE as a percentage or a factor; what cannot be read falls back to the
    choice in Instellingen, then to 100; out of range is clamped to 100-300 %."""
    from spt_desktop.app import TEXT_SCALE_ENV, text_percent

    monkeypatch.delenv(TEXT_SCALE_ENV, raising=False)
    assert text_percent() == 100
    assert text_percent("150") == 150
    for raw, percent in (("200", 200), ("200%", 200), ("2", 200), ("1.25", 125),
                         ("50", 100), ("900", 300), ("groot", 175)):  # fmt: skip
        monkeypatch.setenv(TEXT_SCALE_ENV, raw)
        assert text_percent("175") == percent, raw


# --- Reflow (WCAG 2.1 AA 1.4.10): at 200 % nothing scrolls sideways ----------------------


def sideways(root: QWidget) -> list[str]:
    """Visible scroll areas under ``root`` that scroll sideways, or would: their
    horizontal bar shows, or what they hold needs more width than they have. A table
    counts too: its columns must elide or wrap into its width (1.4.10 reflow)."""
    from PySide6.QtWidgets import QAbstractItemView, QScrollArea

    out = []
    for area in root.findChildren(QAbstractScrollArea):
        if not area.isVisibleTo(root) or area.width() <= 0:
            continue
        name = f"{type(area).__name__} {area.objectName()!r}"
        bar = area.horizontalScrollBar()
        if bar.isVisibleTo(root) and bar.maximum() > 0:
            out.append(f"{name}: scrolls sideways by {bar.maximum()} px")
            continue
        inner = area.widget() if isinstance(area, QScrollArea) else None
        if inner is not None and inner.minimumSizeHint().width() > area.viewport().width() + 1:
            out.append(
                f"{name}: holds {inner.minimumSizeHint().width()} px in {area.viewport().width()}"
            )
        if isinstance(area, QAbstractItemView) and hasattr(area, "horizontalHeader"):
            header = area.horizontalHeader()
            needed = header.length()
            if header.count() and needed > area.viewport().width() + 1:
                out.append(f"{name}: its columns need {needed} px in {area.viewport().width()}")
    return out


def tall_headers(root: QWidget) -> list[str]:
    """Visible tables whose header is more than three lines high: the reflow once gave
    headers the ten lines it keeps for a stacked list, and they hid the rows."""
    from PySide6.QtWidgets import QAbstractItemView

    out = []
    for view in root.findChildren(QAbstractItemView):
        header = getattr(view, "horizontalHeader", lambda: None)()
        if header is None or not header.isVisibleTo(root) or not view.isVisibleTo(root):
            continue
        if header.height() > 3 * header.fontMetrics().lineSpacing():
            out.append(f"{type(view).__name__} {view.objectName()!r}: header {header.height()} px")
    return out


def _reflows(found: dict[str, list[str]], name: str, window: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    try:
        qtbot.waitUntil(lambda: not sideways(window), timeout=1000)
    except qtbot.TimeoutError:
        found[name] = sideways(window)
    if tall := tall_headers(window):
        found.setdefault(name, []).extend(tall)


def test_no_page_scrolls_sideways_at_200_percent_text(large_text, build_window, qtbot):  # type: ignore[no-untyped-def]
    """At 200 % on 1366x768 the wide pages reflow: Werkgevers' list stands above its
    details, the monitor's table above its chart, the dossier's columns one under the
    other, and tables elide into their width. Before, Werkgevers, Monitor and the dossier
    scrolled sideways (the page 1.3-2 times the window's width)."""
    window, ops = unlocked_demo(build_window, qtbot, 40)
    window.resize(*SCREEN)
    ws = window.workspace
    found: dict[str, list[str]] = {}
    keys = ("today", "caseload", "employers", "monitor", "conflicts", "settings",
            "coordination", "referrals", "loket")  # fmt: skip
    for key in keys:
        ws.show_page(key)
        ws.stack.setCurrentWidget(ws.pages[key])  # pages the nav hides for this role too
        settle(qtbot, ops)
        _reflows(found, key, window, qtbot)
        if key == "monitor":
            for i in range(ws.monitor.tabs.count()):
                ws.monitor.tabs.setCurrentIndex(i)
                settle(qtbot, ops)
                _reflows(found, f"monitor: {ws.monitor.tabs.tabText(i)}", window, qtbot)
    ws.employers.view.selectRow(0)
    settle(qtbot, ops)
    _reflows(found, "employers, one chosen", window, qtbot)
    ws.open_candidate(_candidate_with_matches(ops))
    settle(qtbot, ops)
    cp = ws.candidate_page
    for i in range(cp.tabs.count()):
        cp.tabs.setCurrentIndex(i)
        settle(qtbot, ops)
        _reflows(found, f"dossier: {cp.tabs.tabText(i)}", window, qtbot)
    assert not found, found


def clipped_headers(view: Any) -> list[str]:
    """Header sections of ``view`` whose text is wider than the section and is not
    elided, or whose whole text is not there as tooltip and for a screen reader."""
    from PySide6.QtGui import QAccessible

    header = view.horizontalHeader()
    model = view.model()
    metrics = header.fontMetrics()
    padding = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin)
    described = {}
    table = QAccessible.queryAccessibleInterface(view)
    for i in range(table.childCount()):
        cell = table.child(i)
        if cell is not None and cell.role() == QAccessible.Role.ColumnHeader:
            described[cell.text(QAccessible.Text.Name)] = cell.text(QAccessible.Text.Description)
    out = []
    for section in range(header.count()):
        text = str(model.headerData(section, Qt.Orientation.Horizontal))
        if metrics.horizontalAdvance(text) + padding <= header.sectionSize(section):
            continue  # fits
        if header.textElideMode() == Qt.TextElideMode.ElideNone:
            out.append(f"{text!r} is cut off in {header.sectionSize(section)} px")
        tip = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        if tip != text:
            out.append(f"{text!r} elided without its text as tooltip ({tip!r})")
        if described.get(text) != text:
            out.append(f"{text!r} elided; a screen reader hears {described.get(text)!r}")
    return out


def test_monitor_headers_elide_with_the_whole_text_at_200_percent(large_text, build_window, qtbot):  # type: ignore[no-untyped-def]
    """The monitor's tables at 200 % on 1366x768: a header too long for its column ends
    in "…" and says itself whole as tooltip and as accessible description. Before, the
    headers were cut off at both ends ("erste oriënta") with no tooltip."""
    window, ops = unlocked_demo(build_window, qtbot, 40)
    window.resize(*SCREEN)
    ws = window.workspace
    ws.show_page("monitor")
    settle(qtbot, ops)
    found: dict[str, list[str]] = {}
    narrow = 0
    for i in range(ws.monitor.tabs.count()):
        ws.monitor.tabs.setCurrentIndex(i)
        settle(qtbot, ops)
        qtbot.wait(1)  # the columns are fitted a turn later
        view = ws.monitor.tabs.currentWidget().view
        header = view.horizontalHeader()
        narrow += sum(
            header.fontMetrics().horizontalAdvance(
                str(view.model().headerData(s, Qt.Orientation.Horizontal))
            )
            > header.sectionSize(s)
            for s in range(header.count())
        )
        problems = clipped_headers(view)
        if problems:
            found[ws.monitor.tabs.tabText(i)] = problems
    assert narrow, "no header too long for its column: the test shows nothing"
    assert not found, found


def _indicator_side(button: QAbstractButton) -> int:
    """The side of ``button``'s check box or radio indicator as the style lays it out."""
    from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if isinstance(button, QCheckBox)
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    return button.style().subElementRect(element, option, button).width()


def test_check_boxes_grow_with_the_text_in_high_contrast(restore_style, build_window, qtbot):  # type: ignore[no-untyped-def]
    """With the system's high-contrast theme and 200 % text, the check boxes on the
    pages and a radio button are about twice their normal size, and none of our colours is
    applied. Before, our stylesheet stepped aside whole and they stayed 13 px."""
    from PySide6.QtWidgets import QCheckBox, QRadioButton

    from spt_desktop.app import load_style

    qapp = QApplication.instance()
    load_style(qapp, high_contrast=True, text_scale=100)
    radio = QRadioButton("Ja")
    qtbot.addWidget(radio)
    normal_side = _indicator_side(radio)
    load_style(qapp, high_contrast=True, text_scale=200)
    assert "#" not in qapp.styleSheet()  # type: ignore[union-attr]  # no colour of ours
    window, ops = unlocked_demo(build_window, qtbot, 5)
    window.resize(*SCREEN)
    ws = window.workspace
    sides: dict[str, int] = {"radio": _indicator_side(radio)}
    for key in ("employers", "monitor"):
        ws.show_page(key)
        settle(qtbot, ops)
        for box in ws.pages[key].findChildren(QCheckBox):
            if box.isVisibleTo(window):
                sides[box.objectName() or box.text()] = _indicator_side(box)
    assert len(sides) >= 3, sides
    # About twice: the rule is 13 px (Windows' box) times the text factor; Fusion's
    # own box, measured here at 100 %, is 14.
    small = {name: side for name, side in sides.items() if side < 1.8 * normal_side}
    assert not small, (normal_side, small)
    found: dict[str, list[str]] = {}
    _check(found, "employers", window, qtbot)  # the larger boxes cut off no text
    assert not found, found


def test_tab_goes_down_the_reflowed_pages(large_text, build_window, qtbot):  # type: ignore[no-untyped-def]
    """2.4.3 with 1.4.10: once a page stands in one column at 200 %, Tab goes down it
    (list, then its details; the dossier's profile, then consent and intake), never back
    up, and every stop is in view of the page's scroll area when it has focus."""
    from tests.ui.test_accessibility import reading_order, tab_chain

    window, ops = unlocked_demo(build_window, qtbot, 20)
    window.resize(*SCREEN)
    window.activateWindow()
    ws = window.workspace
    ws.show_page("employers")
    settle(qtbot, ops)
    ws.employers.view.selectRow(0)
    settle(qtbot, ops)
    starts: list[tuple[str, QWidget, QWidget]] = [
        ("employers", ws.employers, ws.employers.search),
    ]
    ws.open_candidate(_candidate_with_matches(ops))
    settle(qtbot, ops)
    cp = ws.candidate_page
    cp.tabs.setCurrentWidget(cp.profile)
    settle(qtbot, ops)
    first = next(iter(cp.profile.profile.editors.values()))
    starts.append(("dossier", cp.profile, first))
    wrong = {}
    for name, page, start in starts:
        if name == "dossier":
            ws.stack.setCurrentWidget(cp)
        else:
            ws.show_page(name)
        settle(qtbot, ops)
        qtbot.wait(1)
        chain = [w for w in tab_chain(window, start, limit=80) if page.isAncestorOf(w)]
        assert len(chain) >= 5, (name, [w.objectName() for w in chain])
        if not reading_order(chain, page):
            wrong[name] = [
                (w.objectName(), w.mapTo(page, w.rect().topLeft()).toTuple()) for w in chain
            ]
    assert not wrong, wrong
