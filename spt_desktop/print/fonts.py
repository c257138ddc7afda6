"""The embedded font: DejaVu Sans, shipped in ``resources/fonts`` (Bitstream Vera licence).

ReportLab's built-in Helvetica is never embedded, so a PDF printed elsewhere could
substitute it; a registered TTF is embedded as a subset in every document.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "SPTSans"
BOLD = "SPTSans-Bold"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    """``resources/fonts`` of the source tree, or of a PyInstaller bundle when frozen
    (its data lives under ``sys._MEIPASS``, added as ``resources/fonts``)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources" / "fonts"
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


class FontMissing(RuntimeError):
    """The shipped font files are not where they should be (a broken installation)."""


def register_fonts() -> None:
    """Register the document font family once per process (parsing the TTF costs ~50 ms)."""
    global _registered
    with _lock:
        if _registered:
            return
        folder = fonts_dir()
        for name, filename in FILES.items():
            path = folder / filename
            if not path.is_file():
                raise FontMissing(
                    f"Het lettertype {filename} ontbreekt in {folder}. Installeer SPT Desktop "
                    "opnieuw; tot dan kunnen er geen documenten worden gemaakt."
                )
            pdfmetrics.registerFont(TTFont(name, str(path)))
        # Lets <b> in paragraphs pick the bold face; there is no italic face, so italic
        # falls back to the upright one rather than to a non-embedded Helvetica.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
        _registered = True
