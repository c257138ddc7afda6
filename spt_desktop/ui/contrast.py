"""Colours of our own next to the system's high-contrast palette (WCAG 1.4.3, 1.4.11;
issue 14 §7). When the operating system asks for high contrast, our stylesheet steps aside
(``app.load_style``) and the palette the coach chose rules; a colour the code picks itself
(a row that needs attention, a chart) must then follow that palette too, or be left out
where it would not be readable.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

TEXT_RATIO = 4.5  # WCAG 1.4.3: text against its background
GRAPHIC_RATIO = 3.0  # WCAG 1.4.11: bars, edges, focus rings against what is around them


def luminance(colour: QColor) -> float:
    """Relative luminance as WCAG 2.1 defines it."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def high_contrast() -> bool:
    """Whether the system's high-contrast colours rule (``app.load_style`` says so)."""
    app = QApplication.instance()
    return bool(app is not None and app.property("sptHighContrast"))


def readable_background(colour: QColor, palette: QPalette) -> QColor | None:
    """``colour`` as a background for the palette's text, or None where it would not do:
    in high contrast (the coach's own colours rule) or when the text on it is too faint."""
    text = palette.color(QPalette.ColorRole.Text)
    if high_contrast() or contrast_ratio(colour, text) < TEXT_RATIO:
        return None
    return colour
