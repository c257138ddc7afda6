"""Names in every script on paper (issue 14 §6): printed, read back with pypdf in logical
order, and every character drawn in a font that has a glyph for it."""

from __future__ import annotations

import dataclasses
import unicodedata
from functools import cache
from typing import Any

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from spt_desktop.print import dossier_pdf
from spt_desktop.print.fonts import FILES, fonts_dir
from spt_desktop.print.layout import data_table, para
from spt_desktop.print.scripts import is_plain, markup
from tests.print import print_samples as samples
from tests.print.pdf_text import reader, text
from tests.print.test_rtl_wrap import drawn_lines

# The Netherlands' largest groups with a non-Latin script, and Turkish (Latin with ğ ı ş).
NAMES = {
    "Arabic": "محمد العلي",
    "Persian": "پریسا کریمی",
    "Tigrinya": "ሰላም ተስፋይ",
    "Chinese": "王小明",
    "Traditional Chinese": "李小龍",
    "Japanese": "さくら 山田",
    "Russian": "Наталья Иванова",
    "Ukrainian": "Олена Ковальчук",
    "Turkish": "Gülşen Yılmaz",
    "Arabic with vowel marks": "مُحَمَّد عَلِيّ",
}


def dossier_named(name: str) -> bytes:
    data = samples.dossier()
    data = dataclasses.replace(data, candidate=dataclasses.replace(data.candidate, full_name=name))
    return dossier_pdf(data)


def logical(pdf: bytes) -> str:
    """The text as pypdf reads it, with Arabic's joined forms (presentation forms, which
    the PDF draws) folded back to the letters a coach typed."""
    return unicodedata.normalize("NFKC", text(pdf))


@cache
def shipped_cmap(base_font: str) -> frozenset[int]:
    """The code points of the shipped font file behind a PDF font name (subset tag off)."""
    face = base_font.lstrip("/").split("+", 1)[-1]
    for filename in set(FILES.values()):
        font = TTFont("probe", str(fonts_dir() / filename))
        if font.face.name.decode() == face:
            return frozenset(font.face.charToGlyph)
    raise AssertionError(f"{face} is not a shipped font")


def drawn_per_font(pdf: bytes) -> dict[str, set[str]]:
    """Every character the PDF draws, by the font it is drawn in (pypdf's text visitor
    sees each text-showing operation with its font)."""
    drawn: dict[str, set[str]] = {}

    def visit(shown: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if font is not None and shown.strip():
            drawn.setdefault(str(font["/BaseFont"]), set()).update("".join(shown.split()))

    for page in reader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return drawn


@pytest.mark.parametrize("script", NAMES)
def test_name_reads_back_in_logical_order(script: str) -> None:
    name = NAMES[script]
    assert name in logical(dossier_named(name))


@pytest.mark.parametrize("script", NAMES)
def test_every_character_is_drawn_in_a_font_that_has_it(script: str) -> None:
    drawn = drawn_per_font(dossier_named(NAMES[script]))
    folded = unicodedata.normalize("NFKC", "".join(ch for chars in drawn.values() for ch in chars))
    for letter in NAMES[script].replace(" ", ""):
        assert letter in folded, f"{letter!r} is not drawn"
    for base_font, chars in drawn.items():
        missing = {ch for ch in chars if ord(ch) not in shipped_cmap(base_font)}
        assert not missing, f"{base_font} has no glyph for {sorted(missing)}"


def test_arabic_is_joined_and_drawn_right_to_left() -> None:
    """The PDF draws the joined forms (initial, medial, final), last letter first."""
    # م ح م د: initial meem, medial hah, medial meem, final dal, as typed ...
    joined = "\ufee3\ufea4\ufee4\ufeaa"
    assert joined in text(dossier_named(NAMES["Arabic"]))
    # ... kept in typed order for line breaking, and drawn from the left: final dal first.
    assert joined in markup("محمد")
    assert drawn_lines(para("محمد"))[0][2] == "دمحم"


def test_mixed_line_keeps_dutch_left_to_right_and_the_name_right_to_left() -> None:
    line = "Gesprek met محمد علي over werk"
    pdf = dossier_named(line)
    assert line in logical(pdf)
    # The two Arabic words swap places on paper (right to left), the Dutch ones do not.
    assert markup(line).startswith("Gesprek met <font")
    assert "over werk" in markup(line)


def test_dutch_text_is_left_as_it_was() -> None:
    assert is_plain("Joëlle Verhoeven, één dag — Yılmaz € 12")
    assert markup("a < b\nc & d") == "a &lt; b<br/>c &amp; d"
    assert not is_plain(NAMES["Arabic"]) and not is_plain(NAMES["Chinese"])


def test_bold_follows_into_the_fallback_font() -> None:
    assert markup("王小明", bold=True) == '<font name="SPTCJK"><b>王小明</b></font>'
    fonts = drawn_per_font(dossier_named(NAMES["Arabic"]))
    assert any("NotoSansArabic-Bold" in f for f in fonts)  # the name under the title
    assert any("NotoSansArabic-Regular" in f for f in fonts)  # in the table


def test_plain_column_with_another_script_becomes_a_paragraph() -> None:
    from reportlab.platypus import Paragraph

    table = data_table(("Naam",), [(NAMES["Arabic"],)], (1.0,), plain=(0,))
    assert isinstance(table._cellvalues[1][0], Paragraph)


def test_fonts_for_every_script_and_their_licences_are_shipped() -> None:
    folder = fonts_dir()
    for filename in FILES.values():
        assert (folder / filename).is_file(), filename
    assert "Open Font License" in (folder / "LICENSE-Noto.txt").read_text(encoding="utf-8")
    assert "Apache License" in (folder / "LICENSE-DroidSansFallback.txt").read_text(
        encoding="utf-8"
    )


# Scripts none of the shipped fonts has (they also need a shaping engine to be drawn right:
# vowel signs before their consonant, conjuncts). Seen at an SPT, rarely: Sri Lankan and
# Indian Tamil, Hindi, Korean, Thai. What the paper shows is legible instead of boxes.
UNSHIPPED = {
    "Tamil": ("தமிழ்செல்வி ராஜன்", "[Tamil: tmilcelvi rajn]"),
    "Hindi": ("प्रिया शर्मा", "[Devanagari: priya srma]"),
    "Korean": ("김민준", "[Koreaans: GimMinJun]"),
    "Thai": ("สมชาย", "[Thai: smchay]"),
}


@pytest.mark.parametrize("script", UNSHIPPED)
def test_a_script_without_a_font_prints_legibly_instead_of_boxes(script: str) -> None:
    name, shown = UNSHIPPED[script]
    pdf = dossier_named(f"Anbu {name} Kumar")
    assert f"Anbu {shown} Kumar" in text(pdf)
    for base_font, chars in drawn_per_font(pdf).items():
        missing = {ch for ch in chars if ord(ch) not in shipped_cmap(base_font)}
        assert not missing, f"{base_font} has no glyph for {sorted(missing)}"
