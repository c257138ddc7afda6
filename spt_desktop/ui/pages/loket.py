"""Loket: the register of questions to the SPT's independent loket (issue 16 §2).

The loket and the coordinator record, change and close every question of the SPT; a
coach sees the questions passed on to her and answers and closes them. Enter changes
the selected question; the follow-up dates come on Vandaag."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from spt_common.enums import LoketAsker
from spt_desktop.services.changes import Changes
from spt_desktop.services.loket import LoketColleague, LoketLink, LoketQuestionDTO
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.dialogs.loket import (
    CloseQuestionDialog,
    LoketQuestionDialog,
    ReferQuestionDialog,
)
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.tables import Column, DtoTableModel, make_table, row_at


@dataclass(frozen=True)
class LoketView:
    """What the page shows: the questions, whether the coach keeps the register, the
    colleagues a question can be passed on to, and today."""

    questions: list[LoketQuestionDTO]
    keeps: bool
    colleagues: list[LoketColleague]
    links: list[LoketLink]  # what a closed question can link to
    today: date


def _read(svc: Any, open_only: bool) -> LoketView:
    return LoketView(
        svc.loket.questions(open_only=open_only),
        svc.loket.keeps_register(),
        svc.loket.colleagues(),
        svc.loket.link_targets(),
        svc.loket.today(),
    )


class LoketPage(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.view_data: LoketView | None = None
        self.dialogs: list[DraftDialog[Any]] = []
        self._wanted: str | None = None  # a question to select once shown (Vandaag)
        self._drafts: dict[str, dict[str, Any]] = {}  # kept forms to reopen once shown
        self.title = named(QLabel(self.tr("Loket")), "pageTitle")
        self.summary = named(QLabel(), "loketSummary")
        self.summary.setWordWrap(True)
        self.open_only = named(QCheckBox(self.tr("Alleen &open vragen")), "loketOpenOnly")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _=False: self.refresh())
        self.model = DtoTableModel(self._columns(), self)
        self.table = named(make_table(self.model, self, name=self.tr("Loketvragen")), "loketTable")
        self.table.activated.connect(self._activated)
        self.new_button = named(QPushButton(self.tr("&Nieuwe vraag…")), "loketNew")
        self.edit_button = named(QPushButton(self.tr("&Wijzigen…")), "loketEdit")
        self.close_button = named(QPushButton(self.tr("&Afsluiten…")), "loketClose")
        self.refer_button = named(QPushButton(self.tr("Doorzetten als aan&melding…")), "loketRefer")
        self.refer_button.setToolTip(
            self.tr("Een werkzoekende of werkende aanmelden bij het SPT, met wat al bekend is")
        )
        self.refer_button.clicked.connect(self.refer_selected)
        self.edit_button.setToolTip(self.tr("Enter"))
        self.new_button.clicked.connect(self.new_question)
        self.edit_button.clicked.connect(self.edit_selected)
        self.close_button.clicked.connect(self.close_selected)
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, self.new_question)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.close_button, self.refer_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(self.open_only)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        self._buttons()
        ops.changed.connect(self._on_changed)

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Ontvangen"), lambda q: q.received_on, width=95),
            Column(self.tr("Kanaal"), lambda q: q.channel, width=100),
            Column(self.tr("Van wie"), lambda q: q.asker, width=110),
            Column(self.tr("Naam"), lambda q: q.name or "", width=150),
            Column(self.tr("Onderwerp"), lambda q: q.topic, width=250),
            Column(self.tr("Doorgezet naar"), lambda q: q.to_coach_name, width=140),
            Column(self.tr("Opvolgen"), lambda q: q.follow_up_on, width=95),
            Column(self.tr("Status"), lambda q: q.status, width=90),
            Column(self.tr("Werd"), lambda q: q.outcome),
        ]

    # --- data ----------------------------------------------------------------------

    def refresh(self) -> None:
        open_only = self.open_only.isChecked()
        (
            self.ops.read(lambda svc: _read(svc, open_only))
            .success(self._show)
            .owned_by(self)
            .newest("loket")
            .run()
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.loket or changes.sync or changes.candidates:
            self.refresh()

    def _show(self, data: LoketView) -> None:
        current = self.current()
        self.view_data = data
        self.model.replace(data.questions)
        self.new_button.setVisible(data.keeps)
        if data.keeps:
            text = self.tr(
                "Vragen aan het loket van werkgevers, werkzoekenden, werkenden, "
                "intermediairs en onderwijs: {0} getoond."
            )
        else:
            text = self.tr("Loketvragen die aan u zijn doorgezet: {0} getoond.")
        self.summary.setText(text.format(len(data.questions)))
        self._select(self._wanted or (current.id if current else None))
        self._wanted = None
        self._buttons()
        self._reopen_drafts(data)

    def restore_draft(self, form_id: str, values: dict[str, Any]) -> bool:
        """Reopen a Loket form left unsaved at a lock (once the page has its data)."""
        kind = form_id.partition(":")[0]
        if kind not in ("loket", "loket-close", "loket-refer"):
            return False
        self._drafts[form_id] = values
        self.refresh()
        return True

    def _reopen_drafts(self, data: LoketView) -> None:
        drafts, self._drafts = self._drafts, {}
        by_id = {q.id: q for q in data.questions}
        for form_id, values in drafts.items():
            kind, _, qid = form_id.partition(":")
            q = by_id.get(qid)
            if form_id == "loket":
                self.new_question(values)
            elif kind == "loket" and q is not None:
                self._open(LoketQuestionDialog(self.ops, data.colleagues, data.keeps, q,
                                               values, parent=self))  # fmt: skip
            elif kind == "loket-close" and q is not None and q.open:
                self._open(CloseQuestionDialog(self.ops, q, data.links, values, parent=self))
            elif kind == "loket-refer" and q is not None and q.open:
                self._open(ReferQuestionDialog(self.ops, q, values, parent=self))

    def _select(self, question_id: str | None) -> None:
        proxy = self.table.model()
        for r in range(proxy.rowCount()):
            index = proxy.index(r, 0)
            row = row_at(self.table, index)
            if question_id is None or (row is not None and row.id == question_id):
                self.table.setCurrentIndex(index)
                return

    def show_question(self, question_id: str) -> None:
        """Select ``question_id`` (from Vandaag): all questions shown if it is closed."""
        self._wanted = question_id
        self.refresh()
        self.table.setFocus()

    def current(self) -> LoketQuestionDTO | None:
        row = row_at(self.table)
        return row if isinstance(row, LoketQuestionDTO) else None

    def _buttons(self) -> None:
        q = self.current()
        self.edit_button.setEnabled(q is not None)
        self.close_button.setEnabled(q is not None and q.open)
        keeps = self.view_data is not None and self.view_data.keeps
        self.refer_button.setVisible(keeps)
        self.refer_button.setEnabled(
            q is not None and q.open and q.asker in (LoketAsker.JOB_SEEKER, LoketAsker.WORKER)
        )

    # --- actions -------------------------------------------------------------------

    def _activated(self, _index: QModelIndex) -> None:
        self.edit_selected()

    def new_question(self, draft: dict[str, Any] | None = None) -> None:
        data = self.view_data
        if data is None or not data.keeps:
            return
        self._open(
            LoketQuestionDialog(self.ops, data.colleagues, True, None, draft or None,
                                today=data.today, parent=self)
        )  # fmt: skip

    def edit_selected(self) -> None:
        q, data = self.current(), self.view_data
        if q is None or data is None:
            return
        self._open(LoketQuestionDialog(self.ops, data.colleagues, data.keeps, q, parent=self))

    def close_selected(self) -> None:
        q, data = self.current(), self.view_data
        if q is None or not q.open or data is None:
            return
        self._open(CloseQuestionDialog(self.ops, q, data.links, parent=self))

    def refer_selected(self) -> None:
        q = self.current()
        if q is None or not q.open:
            return
        qid = q.id

        def opened(start: dict[str, Any]) -> None:
            self._open(ReferQuestionDialog(self.ops, q, start, parent=self))

        self.ops.read(lambda svc: svc.loket.referral_prefill(qid)).success(opened).owned_by(
            self
        ).run()

    def _open(self, dialog: DraftDialog[Any]) -> None:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _=0, d=dialog: self._closed(d))
        dialog.open()

    def _closed(self, dialog: DraftDialog[Any]) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()
