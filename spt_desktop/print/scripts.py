"""Names in every script on paper: right-to-left order, Arabic joining, and a font per run.

ReportLab draws code points left to right, one glyph each, in one font per text run. For
Arabic that gives reversed, unjoined letters, and DejaVu Sans (the document font) has no
Ethiopic or CJK glyphs. So before text becomes paragraph markup, each line is

1. shaped: Arabic letters become their joined forms (initial, medial, final, the lam-alef
   ligatures) as Arabic Presentation Forms, with ``arabic_reshaper``; the forms are real
   code points in the shipped Noto Sans Arabic, so a PDF reader still extracts the text;
2. cut into runs, each in the first shipped font that has its glyphs (``fonts.font_for``):
   DejaVu Sans for Latin (Turkish too), Cyrillic, Greek and Hebrew; Noto Sans Arabic;
   Noto Sans Ethiopic (Tigrinya, Amharic); Droid Sans Fallback for Chinese and Japanese.
   Text in a script none of them has (Tamil, Devanagari, Korean, Thai, ...: they would
   print as empty boxes, and most also need a shaping engine for their vowel signs and
   conjuncts) is printed legibly instead, marked and in grey: the script's name and a
   romanisation (``anyascii``), "[Tamil: tmilcelvi]"; the vault keeps the name as typed;
3. left in the order it was typed, so ReportLab breaks a paragraph into lines in reading
   order; each line is put in visual order only when it is drawn (``visual_frags``, called
   by ``layout.BidiParagraph``): the Unicode Bidirectional Algorithm's levels
   (``python-bidi``'s reference implementation, rules X1-I2) and its line rules L1-L2 and
   mirroring, applied to the line's runs. Right-to-left runs are reversed, numbers in them
   stay left to right, and each typed line's direction follows its first strong letter
   (P1-P3), so an Arabic note reads from the right, line after line, and is set flush right
   when it takes more than one line.

Why not ReportLab's own shaping (``uharfbuzz``, ``ParagraphStyle.shaping``): its
right-to-left ordering needs ``rlbidi``, which is not on PyPI, and it shapes each
space-separated word with the font of the word's first letter, so a word that mixes
scripts ("王(Wang)") gets glyphs of the wrong font. Limits of this way, fine for names and
notes: the vowel marks (harakat) are kept but not positioned by the font's anchors; the
levels are those of python-bidi's reference implementation (UAX #9 before the isolates of
Unicode 6.3: no LRI/RLI/FSI); a text's alignment follows its first typed line (ReportLab
aligns a paragraph as a whole).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from spt_desktop.print.fonts import REGULAR, covers, font_for

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


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (and so needs ``BidiParagraph``)."""
    return _RTL.search(text) is not None


def shaped_line(line: str) -> str:
    """One line with its Arabic letters joined, still in the order it was typed."""
    return _reshaper().reshape(line) if _ARABIC.search(line) else line


def base_rtl(text: str, default: bool = False) -> bool:
    """The paragraph direction of ``text``: right to left when its first strong letter is
    (UAX #9 P2-P3); ``default`` when it has none (digits, punctuation only)."""
    from unicodedata import bidirectional

    isolated = 0  # letters inside an isolate (LRI, RLI, FSI ... PDI) do not count
    for ch in text:
        kind = bidirectional(ch)
        if kind in ("LRI", "RLI", "FSI"):
            isolated += 1
        elif kind == "PDI":
            isolated = max(isolated - 1, 0)
        elif isolated:
            continue
        elif kind in ("R", "AL"):
            return True
        elif kind == "L":
            return False
    return default


def _levels(text: str, rtl: bool) -> list[int]:
    """The resolved embedding level of each character of one line (UAX #9 X1-I2 with
    the paragraph direction given, then L1: trailing white space at the paragraph's)."""
    from bidi import algorithm as uba

    storage = uba.get_empty_storage()
    storage["base_level"] = int(rtl)
    storage["base_dir"] = "R" if rtl else "L"
    uba.get_embedding_levels(text, storage)
    for i, ch in enumerate(storage["chars"]):
        ch["index"] = i
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    levels = [int(rtl)] * len(text)
    for ch in storage["chars"]:
        levels[ch["index"]] = ch["level"]
    # Characters X9 removed (controls, zero-width joiners) take their neighbour's level.
    kept = {ch["index"] for ch in storage["chars"]}
    for i in range(1, len(text)):
        if i not in kept:
            levels[i] = levels[i - 1]
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
        levels[end] = int(rtl)
    return levels


def visual_frags(frags: Sequence[Any], rtl: bool) -> list[Any]:
    """One wrapped line's frags (logical order) as new frags in the order they are drawn
    from the left (UAX #9 L2, and L4 mirroring of brackets in right-to-left runs)."""
    from bidi.mirror import MIRRORED

    text = "".join(f.text for f in frags)
    if not has_rtl(text) and not rtl:
        return list(frags)
    levels = _levels(text, rtl)
    # Runs of one frag at one level: (level, frag index, start, end).
    runs: list[tuple[int, int, int, int]] = []
    pos = 0
    for index, frag in enumerate(frags):
        for i in range(pos, pos + len(frag.text)):
            if runs and runs[-1][1] == index and runs[-1][0] == levels[i]:
                level, _, start, _ = runs[-1]
                runs[-1] = (level, index, start, i + 1)
            else:
                runs.append((levels[i], index, i, i + 1))
        pos += len(frag.text)
    odd = [level for level, *_ in runs if level % 2]
    if odd:
        for level in range(max(level for level, *_ in runs), min(odd) - 1, -1):
            i = 0
            while i < len(runs):
                if runs[i][0] >= level:
                    j = i
                    while j < len(runs) and runs[j][0] >= level:
                        j += 1
                    runs[i:j] = runs[i:j][::-1]
                    i = j
                else:
                    i += 1
    out = []
    for level, index, start, end in runs:
        part = text[start:end]
        if level % 2:
            part = "".join(MIRRORED.get(ch, ch) for ch in reversed(part))
        out.append(frags[index].clone(text=part))
    return out


# The "font" of a run that no shipped font can draw (``runs``).
NO_FONT = ""
# Dutch names of the scripts without a shipped font that an SPT may meet, by the first
# word of their characters' Unicode names; others print as that word, capitalised.
SCRIPT_NAMES = {
    "HANGUL": "Koreaans",
    "BENGALI": "Bengaals",
    "SINHALA": "Singalees",
    "MYANMAR": "Birmaans",
    "SYRIAC": "Syrisch",
    "LAO": "Laotiaans",
    "TIBETAN": "Tibetaans",
    "CJK": "Chinees",
}
MISSING_COLOUR = "#5F6B76"  # layout.MUTED: marked as not the text as typed


def _font_or_none(ch: str) -> str:
    family = font_for(ch)
    return family if family != REGULAR or covers(REGULAR, ch) else NO_FONT


def script_name(text: str) -> str:
    """The Dutch name of the script of ``text``'s first letter ("Tamil", "Koreaans")."""
    import unicodedata

    for ch in text:
        if unicodedata.category(ch)[0] in "LM":
            word = unicodedata.name(ch, "").split(" ", 1)[0]
            if word:
                return SCRIPT_NAMES.get(word, word.capitalize())
    return "teken"


def stand_in(text: str) -> str:
    """What is printed for ``text`` that no shipped font draws: its script and its
    romanisation, "[Tamil: tmilcelvi]" (``anyascii``, ISC licence: any script to ASCII)."""
    import unicodedata

    from anyascii import anyascii

    if all(unicodedata.category(ch) in ("Cf", "Zs") for ch in text):
        return ""  # invisible format characters (joiners, marks of direction)
    return f"[{script_name(text)}: {anyascii(text).strip() or '?'}]"


@lru_cache(maxsize=4096)
def runs(line: str) -> tuple[tuple[str, str], ...]:
    """``line`` as (font name, text) runs; ``NO_FONT`` for text that no shipped font has.
    A space between two letters of one font stays in their run (a name of two Arabic
    words is one run); other spaces are the document font's."""
    fonts = [_font_or_none(ch) for ch in line]
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
    """Plain text as paragraph markup: escaped, line breaks kept, Arabic joined, and every
    run that the document font cannot draw in a ``<font>`` of one that can. The order stays
    as typed: a paragraph with right-to-left text is a ``layout.BidiParagraph``.
    ``bold``: the text is bold (a bold style, or inside ``<b>``); ReportLab's ``<font>``
    resets the weight, so the run says it again inside (``fonts.FAMILIES``)."""
    value = str(text)
    if is_plain(value):
        return escape(value).replace("\n", "<br/>")
    lines = []
    for line in value.split("\n"):
        parts = []
        for font, part in runs(shaped_line(line)):
            if font == REGULAR:
                parts.append(escape(part))
            elif font == NO_FONT:
                parts.append(f'<font color="{MISSING_COLOUR}">{escape(stand_in(part))}</font>')
            else:
                inner = f"<b>{escape(part)}</b>" if bold else escape(part)
                parts.append(f'<font name="{font}">{inner}</font>')
        lines.append("".join(parts))
    return "<br/>".join(lines)
