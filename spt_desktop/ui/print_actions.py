"""Afdrukvoorbeeld, Afdrukken and Opslaan als PDF for the ReportLab documents.

The document's data is read on the vault worker; building the PDF and turning its pages
into images run on the pool without the vault (``Ops.work``): the window never waits on
ReportLab or PDFium, and neither does a search. The preview and the printer then only draw
those page images, so what is printed is exactly the PDF the CLI would save. Save-as
writes the PDF bytes, atomically, at the path the coach chose and nowhere else: no temp
copy of a dossier is left anywhere else on disk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from spt_desktop.services import Services
from spt_desktop.services.documents import PrintData, render, save_export
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.print_files import choose_save_path, safe_file_name

T = TypeVar("T")
PREVIEW_DPI = 110  # sharp on screen, ~3.5 MB a page
PRINT_DPI = 200  # clean text on paper, ~12 MB a page while printing


@dataclass(frozen=True)
class Document:
    """A printable document: its title, a suggested file name, and how the vault worker
    reads its data (``read(svc)``); the PDF is rendered from that data off the vault."""

    title: str
    file_name: str
    read: Callable[[Services], PrintData]


@dataclass(frozen=True)
class PageImage:
    """One rendered page: RGB888 pixels, plain bytes so it crosses threads safely."""

    width: int
    height: int
    stride: int
    pixels: bytes

    def qimage(self) -> QImage:
        image = QImage(
            self.pixels, self.width, self.height, self.stride, QImage.Format.Format_RGB888
        )
        return image.copy()  # own the pixels: the bytes object may go away


def rasterise(pdf: bytes, dpi: int) -> tuple[PageImage, ...]:
    """Every page of ``pdf`` as an image at ``dpi`` (PDFium; runs on the worker)."""
    import pypdfium2 as pdfium  # loaded on first print, not at start-up

    doc = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for page in doc:
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            pages.append(
                PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            )
            bitmap.close()
            page.close()
        return tuple(pages)
    finally:
        doc.close()


def paint_pages(printer: QPrinter, pages: Sequence[PageImage]) -> None:
    """Draw the page images onto ``printer``, one per sheet, filling the paper the way
    the PDF does (its own margins are in the images)."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed()
    try:
        for i, page in enumerate(pages):
            if i:
                printer.newPage()
            area = painter.viewport()
            image = page.qimage()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x(), area.y(), size.width(), size.height())
            painter.drawImage(target, image)
    finally:
        painter.end()


def a4_printer(mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF pages carry their own margins
    return printer


class PrintFailed(Exception):
    message = (
        "De printer kon niet worden gestart. Controleer de printer (aan, papier, "
        "verbinding) of sla het document op als PDF."
    )


def ask_printer(printer: QPrinter, parent: QWidget) -> bool:
    """The system's print dialog; True when the coach pressed Afdrukken."""
    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


class Printing(QObject):
    """The three print actions for one page's documents."""

    def __init__(self, ops: Ops, parent: QWidget) -> None:
        super().__init__(parent)
        self.ops = ops
        self.widget = parent
        self.choose_path = choose_save_path  # tests put a chosen path here
        self.ask_printer = ask_printer  # ... and a configured printer here
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.on_saved: Callable[[str], None] | None = None

    def preview(self, doc: Document) -> None:
        """Afdrukvoorbeeld: the pages as they will print, with the dialog's own print
        button (it prints the preview's images)."""
        self._rendered(doc, lambda pdf: rasterise(pdf, PREVIEW_DPI), self._show_preview)

    def _rendered(
        self, doc: Document, then: Callable[[bytes], T], show: Callable[[Document, T], None]
    ) -> None:
        """Read ``doc``'s data on the vault worker, render it and ``then`` on the other
        pool, ``show`` the outcome on the UI thread."""

        def read(data: PrintData) -> None:
            self.ops.work(lambda: then(render(data))).success(lambda out: show(doc, out)).owned_by(
                self
            ).run()

        self.ops.read(doc.read).success(read).owned_by(self).run()

    def _show_preview(self, doc: Document, pages: tuple[PageImage, ...]) -> None:
        printer = a4_printer(QPrinter.PrinterMode.ScreenResolution)
        printer.setDocName(doc.title)
        dialog = QPrintPreviewDialog(printer, self.widget)
        dialog.setObjectName("printPreview")
        dialog.setWindowTitle(self.tr("Afdrukvoorbeeld: {0}").format(doc.title))
        dialog.paintRequested.connect(lambda p: paint_pages(p, pages))
        dialog.resize(900, 1000)
        dialog.finished.connect(lambda _=0: self._preview_closed(dialog))
        self.preview_dialog = dialog
        dialog._printer = printer  # type: ignore[attr-defined]  # keep it alive with it
        dialog.open()

    def _preview_closed(self, dialog: QPrintPreviewDialog) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None
        dialog.deleteLater()

    def print(self, doc: Document) -> None:
        """Afdrukken: render on the worker, then the print dialog, then draw."""
        self._rendered(doc, lambda pdf: rasterise(pdf, PRINT_DPI), self._print)

    def _print(self, doc: Document, pages: tuple[PageImage, ...]) -> None:
        printer = a4_printer()
        printer.setDocName(doc.title)
        if not self.ask_printer(printer, self.widget):
            return
        try:
            paint_pages(printer, pages)
        except PrintFailed as exc:
            self.ops.present(exc)

    def save_pdf(self, doc: Document) -> None:
        """Opslaan als PDF: only at the chosen path, atomically."""
        suggested = safe_file_name(doc.file_name) + ".pdf"
        path = self.choose_path(self.widget, self.tr("Opslaan als PDF"), suggested, "PDF (*.pdf)")
        if not path:
            return
        self._rendered(doc, lambda pdf: save_export(path, pdf), lambda _doc, _: self._saved(path))

    def _saved(self, path: str) -> None:
        if self.on_saved is not None:
            self.on_saved(path)
