"""WCAG 2.1 AA as a desktop app can be tested for it (issue 14 §7): every control a
keyboard reaches has a name a screen reader says, the page can be walked by Tab, and the
stylesheet's colours have enough contrast — computed from spt.qss, not guessed."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAccessible, QKeyEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QWidget

from tests.ui.conftest import settle, unlocked_demo

STYLE = Path(__file__).resolve().parents[2] / "resources" / "style" / "spt.qss"
PAGES = (
    "today", "caseload", "employers", "monitor", "conflicts", "settings", "coordination",
    "referrals",
)  # fmt: skip


def unnamed(root: QWidget) -> list[str]:
    """Focusable, visible widgets under ``root`` without an accessible name. A spin box's
    line edit and a scroll area's viewport are parts of one control, named by it."""
    out = []
    for w in root.findChildren(QWidget):
        if w.focusPolicy() == Qt.FocusPolicy.NoFocus or not w.isVisibleTo(root):
            continue
        parent = w.parentWidget()
        if isinstance(parent, QAbstractSpinBox):
            continue
        if isinstance(parent, QAbstractScrollArea) and w is parent.viewport():
            continue
        face = QAccessible.queryAccessibleInterface(w)
        if face is None or not face.text(QAccessible.Text.Name).strip():
            out.append(f"{type(w).__name__} {w.objectName()!r}")
    return sorted(set(out))


def test_every_control_on_every_page_has_a_spoken_name(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = unlocked_demo(build_window, qtbot, 20)
    ws = window.workspace
    missing: dict[str, list[str]] = {}
    for key in PAGES:
        ws.show_page(key)
        settle(qtbot, ops)
        missing[key] = unnamed(ws.stack.currentWidget())
    missing["shell"] = unnamed(window)
    ws.open_candidate(ws.caseload.model.rows[0].id)
    settle(qtbot, ops)
    page = ws.candidate_page
    for i in (0, 3, 4, 5, 6, 7, 8):  # profile, lists, Aanmelding (plan, journey: see below)
        page.tabs.setCurrentIndex(i)
        settle(qtbot, ops)
        missing[page.tabs.tabText(i)] = unnamed(page)
    for dialog_of in (ws.new_candidate, lambda: page._visit(), ws.new_referral,
                      page.make_letter):  # fmt: skip
        dialog_of()
        settle(qtbot, ops)
        dialog = ws.dialogs[-1]
        missing[dialog.objectName()] = unnamed(dialog)
        dialog.drafts.cancel()
        dialog.done(0)
    assert not {k: v for k, v in missing.items() if v}


def test_the_unlock_screen_names_its_controls(build_window, qtbot):  # type: ignore[no-untyped-def]
    window, ops = build_window("demo.sptvault", demo=True)
    ops.vault(lambda s: s.ensure_demo(__import__("datetime").date(2026, 11, 30), 1)).run()
    settle(qtbot, ops)
    assert unnamed(window) == []


# --- contrast (WCAG 1.4.3 text 4.5:1; 1.4.11 component edges and focus 3:1) -----------


def _luminance(colour: str) -> float:
    h = colour.lstrip("#")
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _rules() -> dict[str, dict[str, str]]:
    """selector -> property -> value, from the stylesheet the app loads."""
    text = re.sub(r"/\*.*?\*/", "", STYLE.read_text(encoding="utf-8"), flags=re.S)
    out: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", text):
        props = dict(
            (k.strip(), v.strip()) for k, v in
            (p.split(":", 1) for p in body.split(";") if ":" in p)
        )  # fmt: skip
        for sel in selectors.split(","):
            out.setdefault(" ".join(sel.split()), {}).update(props)
    return out


def _colour(rules: dict[str, dict[str, str]], selector: str, prop: str) -> str:
    value = rules[selector][prop]
    if value == "white":
        return "#ffffff"
    found = re.search(r"#[0-9a-fA-F]{6}", value)
    assert found, (selector, prop, value)
    return found.group(0)


def test_text_and_controls_have_enough_contrast() -> None:
    r = _rules()
    text = _colour(r, "QWidget", "color")
    page = _colour(r, "QMainWindow", "background")
    field = _colour(r, "QLineEdit", "background")
    header = _colour(r, "QStatusBar", "background")
    texts = {  # (foreground, background): where a coach reads it
        "body on page": (text, page),
        "body in a field": (text, field),
        "nav": (_colour(r, "#nav", "color"), _colour(r, "#nav", "background")),
        "nav selected": (
            _colour(r, "#nav::item:selected", "color"),
            _colour(r, "#nav::item:selected", "background"),
        ),
        "page title": (_colour(r, "#pageTitle", "color"), page),
        "muted on page": (_colour(r, 'QLabel[role="muted"]', "color"), page),
        "muted in a card": (_colour(r, 'QLabel[role="muted"]', "color"), field),
        "field error": (_colour(r, 'QLabel[role="field-error"]', "color"), field),
        "field error on page": (_colour(r, 'QLabel[role="field-error"]', "color"), page),
        "message bar": (
            _colour(r, "#messageText", "color"),
            _colour(r, "#messageBar", "background"),
        ),
        "status bar": (_colour(r, "QStatusBar", "color"), header),
        "flat button": (_colour(r, "QPushButton:flat", "color"), page),
        "selected row": (
            _colour(r, "QTableView", "selection-color"),
            _colour(r, "QTableView", "selection-background-color"),
        ),
    }
    low = {k: round(contrast(*v), 2) for k, v in texts.items() if contrast(*v) < 4.5}
    assert not low, low
    edges = {  # a field's and a button's edge, and the focus ring, against what is around
        "field edge": (_colour(r, "QLineEdit", "border"), field),
        "button edge": (_colour(r, "QPushButton", "border"), field),
        "focus ring on a field": (_colour(r, "QLineEdit:focus", "border"), field),
        "focus ring on a button": (_colour(r, "QPushButton:focus", "border"), field),
    }
    weak = {k: round(contrast(*v), 2) for k, v in edges.items() if contrast(*v) < 3}
    assert not weak, weak


def test_the_focus_ring_is_thicker_than_an_edge() -> None:
    """A visible focus indicator (2.4.7): the focused control's border is wider than an
    unfocused one's, not only another colour."""
    r = _rules()
    for control in ("QLineEdit", "QPushButton"):
        plain = int(re.search(r"(\d+)px", r[control]["border"]).group(1))  # type: ignore[union-attr]
        focused = int(re.search(r"(\d+)px", r[f"{control}:focus"]["border"]).group(1))  # type: ignore[union-attr]
        assert focused > plain, control


def test_high_contrast_leaves_the_colours_to_the_system(qapp) -> None:  # type: ignore[no-untyped-def]
    """With the OS asking for high contrast, none of our colours is applied."""
    from spt_desktop.app import load_style

    try:
        load_style(qapp, high_contrast=True)
        assert qapp.styleSheet() == ""
        load_style(qapp, high_contrast=False)
        assert "#1f2933" in qapp.styleSheet()
    finally:
        qapp.setStyleSheet("")


def tab_chain(window, start: QWidget, limit: int = 60) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """The widgets Tab visits from ``start`` until it comes back round (or ``limit``)."""
    start.setFocus()
    QApplication.processEvents()
    seen: list[QWidget] = []
    for _ in range(limit):
        w = QApplication.focusWidget()
        if w is None or w in seen:
            break
        seen.append(w)
        tab = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(w, tab)
        QApplication.processEvents()
    return seen


def reading_order(widgets: list[QWidget], top: QWidget) -> bool:
    """Top to bottom, and left to right within a row (a label's height apart is a row)."""
    spots = [w.mapTo(top, w.rect().topLeft()) for w in widgets]
    return all(
        (b.y() > a.y() + 8) or (abs(b.y() - a.y()) <= 8 and b.x() >= a.x())
        for a, b in itertools.pairwise(spots)
    )


def test_dialogs_tab_in_reading_order(build_window, qtbot):  # type: ignore[no-untyped-def]
    """2.4.3 Focus order: Tab through each dialog goes down its form, field after field,
    then to its buttons; it never jumps back up."""
    window, ops = unlocked_demo(build_window, qtbot, 5)
    ws = window.workspace
    window.activateWindow()
    ws.open_candidate(ws.caseload.model.rows[0].id)
    settle(qtbot, ops)
    for open_dialog in (ws.new_candidate, lambda: ws.candidate_page._visit()):
        open_dialog()
        settle(qtbot, ops)
        dialog = ws.dialogs[-1]
        qtbot.waitUntil(dialog.isVisible)
        first = next(iter(dialog.form.editors.values()))
        chain = tab_chain(window, first)
        inside = [w for w in chain if dialog.isAncestorOf(w)]
        assert len(inside) >= len(dialog.form.editors), dialog.objectName()
        assert reading_order(inside, dialog), [w.objectName() for w in inside]
        dialog.drafts.cancel()
        dialog.done(0)


# --- high contrast (issue 14 §7): the system's palette rules, and what we colour follows it


# Windows' contrast themes "Nachtlucht" (white on black) and "Woestijn" (black on white),
# as a palette: what Qt hands the app when the coach turns one on.
HIGH_CONTRAST = {
    "black": {"Window": "#000000", "WindowText": "#ffffff", "Base": "#000000",
              "Text": "#ffffff", "Button": "#000000", "ButtonText": "#ffffff",
              "Highlight": "#1aebff", "HighlightedText": "#000000", "Link": "#ffff00",
              "Mid": "#ffffff", "AlternateBase": "#000000", "ToolTipBase": "#000000",
              "ToolTipText": "#ffffff", "PlaceholderText": "#ffffff"},
    "white": {"Window": "#ffffff", "WindowText": "#000000", "Base": "#ffffff",
              "Text": "#000000", "Button": "#ffffff", "ButtonText": "#000000",
              "Highlight": "#37006e", "HighlightedText": "#ffffff", "Link": "#00009f",
              "Mid": "#000000", "AlternateBase": "#ffffff", "ToolTipBase": "#ffffff",
              "ToolTipText": "#000000", "PlaceholderText": "#000000"},
}  # fmt: skip
PAIRS = (  # (text, background) roles a widget draws with
    ("WindowText", "Window"),
    ("Text", "Base"),
    ("ButtonText", "Button"),
    ("HighlightedText", "Highlight"),
    ("ToolTipText", "ToolTipBase"),
    ("Text", "AlternateBase"),
)


def _palette(colours: dict[str, str]):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return palette


def off_palette(root: QWidget) -> list[str]:
    """What under ``root`` is not drawn in the palette's colours, or with too little
    contrast: a widget's own stylesheet or palette, an item view's cell colour, a chart."""
    from PySide6.QtCharts import QChartView
    from PySide6.QtCore import Qt as _Qt
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QAbstractItemView

    app = QApplication.instance()
    out = []
    pal = app.palette()  # type: ignore[union-attr]
    text, base = pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base)
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        name = f"{type(w).__name__} {w.objectName()!r}"
        if re.search(r"color|background", w.styleSheet()):
            out.append(f"{name}: colours of its own")
        for role in ("Text", "Base", "WindowText", "Window", "ButtonText", "Button"):
            r = getattr(QPalette.ColorRole, role)
            if w.palette().color(r) != pal.color(r):
                out.append(f"{name}: {role} is not the system's")
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            cells = ((r, c) for r in range(200) for c in range(40) if model.hasIndex(r, c))
            for row, col in cells:
                index = model.index(row, col)
                bg = model.data(index, _Qt.ItemDataRole.BackgroundRole)
                fg = model.data(index, _Qt.ItemDataRole.ForegroundRole)
                if bg is None and fg is None:
                    continue
                bg_c = bg.color() if hasattr(bg, "color") else (bg or base)
                fg_c = fg.color() if hasattr(fg, "color") else (fg or text)
                ratio = contrast(fg_c.name(), bg_c.name())
                if ratio < 4.5:
                    out.append(f"{name} cell {row},{col}: {ratio:.2f}:1")
        if isinstance(w, QChartView):
            chart = w.chart()
            back = chart.backgroundBrush().color()
            if back != base:
                out.append(f"{name}: chart background {back.name()}, not the palette's")
            inks = [("title", chart.titleBrush().color(), 4.5)]
            inks += [("axis", a.labelsBrush().color(), 4.5) for a in chart.axes()]
            for series in chart.series():
                inks += [(s.label(), s.brush().color(), 3.0) for s in series.barSets()]
            for what, ink, least in inks:
                if contrast(ink.name(), back.name()) < least:
                    out.append(f"{name}: {what} {contrast(ink.name(), back.name()):.2f}:1")
    return sorted(set(out))


@pytest.fixture(params=sorted(HIGH_CONTRAST))
def high_contrast(request, qapp):  # type: ignore[no-untyped-def]
    """The app as Windows' contrast theme leaves it: the system's palette, our stylesheet
    aside (``load_style`` with the OS asking for high contrast)."""
    from spt_desktop.app import load_style

    before, before_font = qapp.palette(), qapp.font()
    qapp.setPalette(_palette(HIGH_CONTRAST[request.param]))
    load_style(qapp, high_contrast=True)
    yield request.param
    qapp.setPalette(before)
    qapp.setProperty("sptHighContrast", False)
    qapp.setStyleSheet("")
    qapp.setFont(getattr(qapp, "_spt_system_font", before_font))


def test_the_high_contrast_palettes_pairs_have_enough_contrast(high_contrast) -> None:  # type: ignore[no-untyped-def]
    """The colour pairs the app draws with in high contrast: the system's, each ≥ 4.5:1."""
    colours = HIGH_CONTRAST[high_contrast]
    low = {
        f"{t} on {b}": round(contrast(colours[t], colours[b]), 2)
        for t, b in PAIRS
        if contrast(colours[t], colours[b]) < 4.5
    }
    assert not low, low


def test_in_high_contrast_every_page_keeps_to_the_palette(
    high_contrast, build_window, qtbot, tmp_path
):  # type: ignore[no-untyped-def]
    """Every page (the coördinator's Team table with a laptop that never synced, the
    monitor's charts among them) draws in the system's colours, nothing of our own
    below 4.5:1. Before, the Team table's calm red behind a flagged row stayed under the
    palette's white text (1.1:1) and the charts stayed black on white."""
    import httpx

    from spt_desktop.services.session import Owner
    from tests.conftest import PASSPHRASE
    from tests.support.server_kit import PASSWORD, Admin, LiveServer, make_db

    pytest.importorskip("uvicorn")
    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("cora@spt.nl", roles="coordinator,loopbaancoach")
    admin.add_coach("carl@spt.nl", roles="jobcoach")
    live = LiveServer(url).start()
    try:
        with httpx.Client(base_url=live.url) as http:  # Carl's laptop: never synced
            r = http.post("/api/v1/auth/login", json={"email": "carl@spt.nl",
                          "password": PASSWORD, "device_name": "Carl-laptop"})  # fmt: skip
            assert r.status_code == 200
        window, ops = build_window()
        ops.vault(lambda s: s.create(PASSPHRASE, Owner("Cora"))).run()
        settle(qtbot, ops)
        ops.vault(lambda s: s.login(live.url, "cora@spt.nl", PASSWORD)).run()
        settle(qtbot, ops)
        window._unlocked()
        settle(qtbot, ops)
        ws = window.workspace
        found: dict[str, list[str]] = {}
        for key in PAGES:
            ws.show_page(key)
            settle(qtbot, ops)
            if key == "coordination":
                qtbot.waitUntil(lambda: bool(ws.coordination.team.flagged), timeout=20000)
            if key == "monitor":
                qtbot.waitUntil(lambda: ws.monitor.report is not None, timeout=20000)
                settle(qtbot, ops)
                for name, figure in ws.monitor.figures.items():  # each tab's chart
                    ws.monitor.tabs.setCurrentWidget(figure)
                    found[f"monitor {name}"] = off_palette(figure)
            found[key] = off_palette(ws.stack.currentWidget())
        found["shell"] = off_palette(window)
        assert not {k: v for k, v in found.items() if v}
    finally:
        live.stop()
        admin.close()
