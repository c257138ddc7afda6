"""Inzageverzoek (AVG): everything this vault holds about one candidate, as a JSON file
at the path the coach chose and nowhere else (the same as ``spt-desktop export
--candidate``). Collecting and writing both run on the worker; the window only asks
where the file goes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from spt_desktop.services.documents import save_export
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.print_files import choose_save_path, safe_file_name


class AccessExport(QObject):
    """The access export of the candidate in view."""

    def __init__(self, ops: Ops, parent: QWidget) -> None:
        super().__init__(parent)
        self.ops = ops
        self.widget = parent
        self.choose_path = choose_save_path  # tests put a chosen path here
        self.on_saved: Callable[[str], None] | None = None

    def export(self, candidate_id: str, last_name: str) -> None:
        """Ask where, then collect and write the JSON on the worker."""
        suggested = safe_file_name(f"inzageverzoek-{last_name}") + ".json"
        path = self.choose_path(
            self.widget, self.tr("Inzageverzoek (AVG) exporteren"), suggested, "JSON (*.json)"
        )
        if not path:
            return
        # Collected on the vault's worker, written by the work pool: a slow disk does not
        # hold up the vault.
        self.ops.read(lambda svc: svc.export.as_json(candidate_id)).success(
            lambda data: self._write(path, data)
        ).owned_by(self).run()

    def _write(self, path: str, data: bytes) -> None:
        self.ops.work(lambda: save_export(path, data)).success(
            lambda _: self._saved(path)
        ).owned_by(self).run()

    def _saved(self, path: str) -> None:
        if self.on_saved is not None:
            self.on_saved(path)
