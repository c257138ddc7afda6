"""Reading generated PDFs back with pypdf."""

from __future__ import annotations

import io
import re
from typing import Any

from pypdf import PdfReader


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def text(pdf: bytes) -> str:
    """All text, with whitespace runs folded so wrapped lines still match."""
    return re.sub(r"\s+", " ", "\n".join(pages_text(pdf)))


def fonts(pdf: bytes) -> dict[str, Any]:
    """Every font resource by its base name, with its descriptor (if any)."""
    found: dict[str, Any] = {}
    for page in reader(pdf).pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        for ref in (resources.get_object().get("/Font") or {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descendant = font["/DescendantFonts"][0].get_object()
                descriptor = descendant.get("/FontDescriptor")
            found[str(font["/BaseFont"])] = descriptor.get_object() if descriptor else None
    return found
