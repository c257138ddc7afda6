"""Notities: the dossier's gespreksverslagen and aanvullingen, oldest first (read in the
order they happened), the selected one in full below; a filter over their text. The
caseload search finds a candidate by the words of these notes too (the vault's index)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from spt_desktop.services.dto import Dossier, NoteDTO
from spt_desktop.ui.dialogs.note import NoteDialog
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.pages.work_tab import WorkTab
from spt_desktop.ui.tables import Column


def local(when: datetime) -> datetime:
    """A vault time (naive UTC) as this computer's clock reads it."""
    return when.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


class NotesTab(WorkTab):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        self.visit_times: dict[str, datetime] = {}
        self.names: dict[str, str] = {}
        super().__init__(ops, [
            ("notes", self.tr("Gespreksverslagen"), (
                Column(self.tr("Datum"), lambda n: local(n.written_at), width=130),
                Column(self.tr("Door"), lambda n: self.names.get(n.author_id, ""), width=150),
                Column(self.tr("Soort"), self._kind, width=235),
                Column(self.tr("Verslag"), lambda n: " ".join(n.text.split())))),
        ], parent)  # fmt: skip
        view = self.views["notes"]
        view.setAccessibleName(self.tr("Gespreksverslagen"))
        proxy = view.model()
        proxy.setFilterKeyColumn(-1)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = named(QLineEdit(), "noteFilter")
        self.filter.setPlaceholderText(self.tr("Zoeken in de verslagen…"))
        self.filter.setAccessibleName(self.tr("Zoeken in de verslagen"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(proxy.setFilterFixedString)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        self.layout_.insertLayout(0, top)
        self.reader = named(QPlainTextEdit(), "noteText")
        self.reader.setReadOnly(True)
        self.reader.setAccessibleName(self.tr("Het gekozen verslag"))
        self.reader.setMaximumHeight(160)
        self.reader.setPlaceholderText(self.tr("Kies een verslag om het helemaal te lezen."))
        self.layout_.insertWidget(self.layout_.indexOf(view) + 1, self.reader)
        self.add = self.button(self.tr("Gespreksverslag toevoegen…"), "noteNew", self.add_note)
        view.selectionModel().currentRowChanged.connect(lambda *_: self._read())

    def _kind(self, n: NoteDTO) -> str:
        if n.visit_id is None:
            return self.tr("Gespreksverslag")
        when = self.visit_times.get(n.visit_id)
        return (
            self.tr("Aanvulling op bezoek {0}")
            .format(when.strftime("%d-%m-%Y") if when else "")
            .strip()
        )

    def show_dossier(self, d: Dossier) -> None:
        self.names = d.coaches
        self.visit_times = {v.id: v.visited_at for v in d.visits}
        super().show_dossier(d)
        view = self.views["notes"]
        if not view.currentIndex().isValid() and view.model().rowCount():
            view.scrollToBottom()
        self._read()

    def _read(self) -> None:
        n = self.selected("notes")
        self.reader.setPlainText(
            ""
            if n is None
            else f"{local(n.written_at):%d-%m-%Y %H:%M} — {self._kind(n)}\n\n{n.text}"
        )

    def add_note(self) -> None:
        if self.dossier is not None:
            now = datetime.now().replace(second=0, microsecond=0)
            self.opener(NoteDialog(self.ops, self.cid, self.name, now=now, parent=self))

    def reopen(self, form_id: str, values: dict[str, Any]) -> bool:
        if form_id.startswith("note:"):
            self.opener(NoteDialog(self.ops, self.cid, self.name, values, parent=self))
            return True
        return False
