"""Names in every script on paper: right-to-left order, Arabic joining, and a font per run.

ReportLab draws code points left to right, one glyph each, in one font per text run. For
Arabic that gives reversed, unjoined letters, and DejaVu Sans (the document font) has no
Ethiopic or CJK glyphs. So before text becomes paragraph markup, each line is

1. shaped: Arabic letters become their joined forms (initial, medial, final, the lam-alef
   ligatures) as Arabic Presentation Forms, with ``arabic_reshaper``; the forms are real
   code points in the shipped Noto Sans Arabic, so a PDF reader still extracts the text;
2. put in visual order by the Unicode Bidirectional Algorithm (``python-bidi``, the Rust
   ``unicode-bidi`` crate): right-to-left runs reversed, numbers in them kept left to
   right, mirrored brackets; the paragraph direction follows the line's first strong
   letter (UAX #9 P2-P3), so an Arabic name stands as it is written;
3. cut into runs, each in the first shipped font that has its glyphs (``fonts.font_for``):
   DejaVu Sans for Latin (Turkish too), Cyrillic, Greek and Hebrew; Noto Sans Arabic;
   Noto Sans Ethiopic (Tigrinya, Amharic); Droid Sans Fallback for Chinese and Japanese.

Why not ReportLab's own shaping (``uharfbuzz``, ``ParagraphStyle.shaping``): its
right-to-left ordering needs ``rlbidi``, which is not on PyPI, and it shapes each
space-separated word with the font of the word's first letter, so a word that mixes
scripts ("王(Wang)") gets glyphs of the wrong font. Limits of this way, fine for names and
short texts: reordering is per source line, before ReportLab wraps it (a right-to-left
paragraph longer than one line wraps with its first words on the last line); the vowel
marks (harakat) are kept but not positioned by the font's anchors.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from spt_desktop.print.fonts import REGULAR, font_for

# Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic,
# Arabic Extended, and the presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
# Text the document font draws as it is: no run to split, no order to change.
# (General Punctuation without its invisible format and bidi control characters.)
_PLAIN = re.compile(
    "[\u0000-\u058f\u1e00-\u1fff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf\u2100-\u214f]*"
)

if TYPE_CHECKING:
    from arabic_reshaper import ArabicReshaper


@lru_cache(maxsize=1)
def _reshaper() -> ArabicReshaper:
    """Made on first use: the app imports this module at start (services.documents), and
    most documents never need it."""
    from arabic_reshaper import ArabicReshaper

    return ArabicReshaper(
        configuration={
            # Vowel marks are part of a name as written; keep them.
            "delete_harakat": False,
            # Keep the marks after their letter in logical order, so the bidi reversal
            # puts them where a left-to-right renderer expects them: before it, drawn
            # over it.
            "shift_harakat_position": False,
        }
    )


def is_plain(text: str) -> bool:
    """True when the document font draws ``text`` as it is (the fast, common case)."""
    return _PLAIN.fullmatch(text) is not None


def visual_line(line: str) -> str:
    """One line in the order it is drawn, Arabic joined; other lines unchanged."""
    if not _RTL.search(line):
        return line
    from bidi import get_display

    if _ARABIC.search(line):
        line = _reshaper().reshape(line)
    return str(get_display(line))


@lru_cache(maxsize=4096)
def runs(line: str) -> tuple[tuple[str, str], ...]:
    """``line`` (already in visual order) as (font name, text) runs. A space between two
    letters of one font stays in their run (a name of two Arabic words is one run); other
    spaces are the document font's."""
    fonts = [font_for(ch) for ch in line]
    for i, ch in enumerate(line):
        if ch == " ":
            after = next((f for c, f in zip(line[i:], fonts[i:], strict=True) if c != " "), "")
            if i and fonts[i - 1] == after:
                fonts[i] = after
    out: list[tuple[str, str]] = []
    start = 0
    for i in range(1, len(line) + 1):
        if i == len(line) or fonts[i] != fonts[start]:
            out.append((fonts[start], line[start:i]))
            start = i
    return tuple(out)


def markup(text: object, bold: bool = False) -> str:
    """Plain text as paragraph markup: escaped, line breaks kept, each line in visual order
    and every run that the document font cannot draw in a ``<font>`` of one that can.
    ``bold``: the text is bold (a bold style, or inside ``<b>``); ReportLab's ``<font>``
    resets the weight, so the run says it again inside (``fonts.FAMILIES``)."""
    value = str(text)
    if is_plain(value):
        return escape(value).replace("\n", "<br/>")
    lines = []
    for line in value.split("\n"):
        parts = []
        for font, part in runs(visual_line(line)):
            if font == REGULAR:
                parts.append(escape(part))
            else:
                inner = f"<b>{escape(part)}</b>" if bold else escape(part)
                parts.append(f'<font name="{font}">{inner}</font>')
        lines.append("".join(parts))
    return "<br/>".join(lines)
