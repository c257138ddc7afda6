"""Printing from the dossier, through the real widgets over a demo vault: save-as writes a
valid PDF at exactly the chosen path and nothing else; printing to a QPrinter in PDF
output mode gives one sheet per page; the preview shows every page."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from spt_desktop.services.documents import documents_of
from spt_desktop.ui.print_actions import PageImage, a4_printer, paint_pages, rasterise
from tests.ui.conftest import settle, unlocked_demo


def open_dossier(build_window, qtbot):  # type: ignore[no-untyped-def]
    """A demo candidate with a plan and visits, open in the dossier."""
    window, ops = unlocked_demo(build_window, qtbot, 40)
    ws = window.workspace
    ids = [r.id for r in ws.caseload.model.rows]
    found: list[str] = []

    def pick(svc):  # type: ignore[no-untyped-def]
        return next(
            c for c in ids if svc.plans.current(c) is not None and svc.visits.for_candidate(c)
        )

    ops.read(pick).success(found.append).run()
    settle(qtbot, ops)
    ws.open_candidate(found[0])
    settle(qtbot, ops)
    page = ws.candidate_page
    assert page.dossier is not None and page.dossier.candidate.id == found[0]
    return window, ops, page


def pdf_text(path) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def test_save_as_pdf_writes_only_the_chosen_file(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    window, ops, page = open_dossier(build_window, qtbot)
    folder = tmp_path / "afdrukken"
    folder.mkdir()
    name = page.dossier.candidate.full_name
    for kind, expect in (("dossier", "Dossiersamenvatting"), ("plan", "Plan van aanpak")):
        target = folder / f"{kind}.pdf"
        asked: list[str] = []

        def choose(_parent, _title, suggested, _filter, target=target, asked=asked):  # type: ignore[no-untyped-def]
            asked.append(suggested)
            return str(target)

        page.printing.choose_path = choose
        page.print_actions[f"{kind}_save"].trigger()
        settle(qtbot, ops)
        assert asked and asked[0].endswith(".pdf")
        text = pdf_text(target)
        assert expect in text and name in text
        assert target.stat().st_mode & 0o077 == 0  # readable by the coach only
    assert window.statusBar().currentMessage() == "PDF opgeslagen."  # fades, not kept

    # The Bezoekverslag of the selected visit.
    page.tabs.setCurrentWidget(page.lists["visits"])
    page.lists["visits"].views["visits"].selectRow(0)
    target = folder / "bezoek.pdf"
    page.printing.choose_path = lambda *_: str(target)
    page.print_actions["visit_save"].trigger()
    settle(qtbot, ops)
    assert "Bezoekverslag" in pdf_text(target)
    assert sorted(p.name for p in folder.iterdir()) == ["bezoek.pdf", "dossier.pdf", "plan.pdf"]


def test_cancelled_save_writes_nothing(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    _window, ops, page = open_dossier(build_window, qtbot)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    page.printing.choose_path = lambda *_: None
    page.print_actions["dossier_save"].trigger()
    settle(qtbot, ops)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_print_to_a_pdf_printer(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    _window, ops, page = open_dossier(build_window, qtbot)
    out = tmp_path / "printer-output.pdf"
    used: list[QPrinter] = []

    def to_file(printer: QPrinter, _parent) -> bool:  # type: ignore[no-untyped-def]
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        used.append(printer)
        return True

    page.printing.ask_printer = to_file
    page.print_actions["dossier_print"].trigger()
    settle(qtbot, ops)
    assert used
    expected: list[bytes] = []
    ops.read(lambda svc: documents_of(svc).dossier_pdf(page.candidate_id)).success(
        expected.append
    ).run()
    settle(qtbot, ops)
    printed = PdfReader(str(out))
    assert len(printed.pages) == len(PdfReader(io.BytesIO(expected[0])).pages) >= 1
    box = printed.pages[0].mediabox  # A4 in points
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2


def test_printer_declined_prints_nothing(build_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    _window, ops, page = open_dossier(build_window, qtbot)
    page.printing.ask_printer = lambda *_: False
    page.print_actions["plan_print"].trigger()
    settle(qtbot, ops)
    assert not list(tmp_path.glob("*.pdf"))


def test_preview_shows_every_page(build_window, qtbot):  # type: ignore[no-untyped-def]
    _window, ops, page = open_dossier(build_window, qtbot)
    page.print_actions["dossier_preview"].trigger()
    settle(qtbot, ops)
    dialog = page.printing.preview_dialog
    assert dialog is not None and dialog.isVisible()
    widget = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() >= 1, timeout=10000)
    expected: list[bytes] = []
    ops.read(lambda svc: documents_of(svc).dossier_pdf(page.candidate_id)).success(
        expected.append
    ).run()
    settle(qtbot, ops)
    assert widget.pageCount() == len(PdfReader(io.BytesIO(expected[0])).pages)
    dialog.reject()


def test_paint_pages_on_a_pdf_printer(tmp_path):  # type: ignore[no-untyped-def]
    """The drawing part alone: two rendered pages become two sheets."""
    from spt_desktop.print import plan_pdf
    from tests.print.print_samples import plan as plan_sample

    pages = rasterise(plan_pdf(plan_sample()), 50)
    assert all(isinstance(p, PageImage) and p.width > 0 for p in pages)
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "two.pdf"))
    paint_pages(printer, pages + pages)
    assert len(PdfReader(str(tmp_path / "two.pdf")).pages) == 2 * len(pages)
