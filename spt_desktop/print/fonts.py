"""The embedded fonts, shipped in ``resources/fonts`` (licences beside them).

- DejaVu Sans (Bitstream Vera licence): the document font; Latin with Turkish, Cyrillic,
  Greek, Hebrew.
- Noto Sans Arabic and Noto Sans Ethiopic, regular and bold (SIL OFL 1.1): Arabic, Persian,
  Urdu; Tigrinya and Amharic (Ge'ez).
- Droid Sans Fallback (Apache 2.0): Chinese (simplified and traditional) and Japanese, one
  weight. Not Noto Sans CJK: that is CFF-outlined OpenType, which ReportLab's TTFont cannot
  read ("postscript outlines are not supported"); Droid Sans Fallback is its TrueType
  predecessor from the same project, 4 MB for all 20,902 unified ideographs.

ReportLab's built-in Helvetica is never embedded, so a PDF printed elsewhere could
substitute it; a registered TTF is embedded as a subset in every document that uses it.
The fallback fonts are parsed only when a text needs them (``font_for``), so a document
in Latin script costs what it did.
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
ARABIC = "SPTArabic"
ETHIOPIC = "SPTEthiopic"
CJK = "SPTCJK"
FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC + "-Bold": "NotoSansArabic-Bold.ttf",
    ETHIOPIC: "NotoSansEthiopic-Regular.ttf",
    ETHIOPIC + "-Bold": "NotoSansEthiopic-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}
# Each family's regular face and the face <b> picks (the CJK font has one weight).
FAMILIES = {
    REGULAR: BOLD,
    ARABIC: ARABIC + "-Bold",
    ETHIOPIC: ETHIOPIC + "-Bold",
    CJK: CJK,
}
# Blocks that go to a script's own font even where DejaVu Sans has glyphs for them
# (it has basic Arabic, in a different design and without the Persian forms).
SCRIPT_BLOCKS = (
    (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC),
    (0x08A0, 0x08FF, ARABIC),
    (0xFB50, 0xFDFF, ARABIC),
    (0xFE70, 0xFEFF, ARABIC),
    (0x1200, 0x139F, ETHIOPIC),
    (0x2D80, 0x2DDF, ETHIOPIC),
    (0xAB00, 0xAB2F, ETHIOPIC),
)
# Where an unknown character is looked for, in this order.
FALLBACK_ORDER = (REGULAR, CJK, ARABIC, ETHIOPIC)

_lock = threading.RLock()
_registered: set[str] = set()


def fonts_dir() -> Path:
    """``resources/fonts`` of the source tree, or of a PyInstaller bundle when frozen
    (its data lives under ``sys._MEIPASS``, added as ``resources/fonts``)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources" / "fonts"
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


class FontMissing(RuntimeError):
    """The shipped font files are not where they should be (a broken installation)."""


def _register(family: str) -> None:
    """Register one family (regular and bold) once per process (parsing a TTF costs
    ~50 ms, the CJK font more). Callers hold ``_lock``."""
    if family in _registered:
        return
    folder = fonts_dir()
    for name in dict.fromkeys((family, FAMILIES[family])):
        filename = FILES[name]
        path = folder / filename
        if not path.is_file():
            raise FontMissing(
                f"Het lettertype {filename} ontbreekt in {folder}. Installeer SPT Desktop "
                "opnieuw; tot dan kunnen er geen documenten worden gemaakt."
            )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # Lets <b> in paragraphs pick the bold face; there is no italic face, so italic
    # falls back to the upright one rather than to a non-embedded Helvetica.
    bold = FAMILIES[family]
    addMapping(family, 0, 0, family)
    addMapping(family, 1, 0, bold)
    addMapping(family, 0, 1, family)
    addMapping(family, 1, 1, bold)
    _registered.add(family)


def register_fonts() -> None:
    """Register the document font family (the others follow when a text needs them)."""
    with _lock:
        _register(REGULAR)


def font(family: str) -> TTFont:
    """The registered regular face of ``family``, registering it first if need be."""
    with _lock:
        _register(family)
    return pdfmetrics.getFont(family)


def covers(family: str, ch: str) -> bool:
    """Whether ``family``'s regular face has a glyph for the character ``ch``."""
    return ord(ch) in font(family).face.charToGlyph


def font_for(ch: str) -> str:
    """The family that draws ``ch``: its script's own font, else the first in
    ``FALLBACK_ORDER`` that has it, else the document font (which shows a missing glyph;
    emoji, for one, are in none of the shipped fonts)."""
    cp = ord(ch)
    for low, high, family in SCRIPT_BLOCKS:
        if low <= cp <= high:
            font(family)  # registered before a paragraph names it
            return family
    for family in FALLBACK_ORDER:
        if covers(family, ch):
            return family
    return REGULAR
