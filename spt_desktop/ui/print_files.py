"""Asking where an export goes. One function, so every "Opslaan als…" asks the same way
(and tests replace the page's ``choose_path`` instead of a native dialog)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget


def choose_save_path(parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
    """The path the user chose, or None when they cancelled. Nothing is written here."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if not path:
        return None
    suffix = filters.rsplit("*", 1)[-1].rstrip(")").strip()  # "PDF (*.pdf)" -> ".pdf"
    if suffix.startswith(".") and not path.lower().endswith(suffix):
        path += suffix
    return path


def safe_file_name(text: str) -> str:
    """A suggested file name: letters, digits, dashes; no path separators."""
    kept = "".join(c if c.isalnum() or c in "-_ " else "-" for c in text).strip()
    return "-".join(kept.split()) or "export"
