"""Vandaag: what needs the coach today — follow-ups, retention checkpoints, handovers
waiting for her, visit follow-ups. Enter opens the dossier; Ctrl+N logs a visit."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spt_desktop.services.changes import Changes
from spt_desktop.services.dto import TodayItem, TodayList
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops

ITEM_ROLE = Qt.ItemDataRole.UserRole + 10
GROUPS = (
    ("follow_ups", QT_TRANSLATE_NOOP("TodayPage", "Vervolgafspraken")),
    ("checkpoints", QT_TRANSLATE_NOOP("TodayPage", "Behoudmomenten na plaatsing")),
    ("handovers", QT_TRANSLATE_NOOP("TodayPage", "Overdrachten die op u wachten")),
    ("visit_follow_ups", QT_TRANSLATE_NOOP("TodayPage", "Vervolgbezoeken")),
)


def lateness(item: TodayItem, today: date) -> str:
    days = (today - item.due_on).days
    if days <= 0:
        return "today"
    return "1 dag te laat" if days == 1 else f"{days} dagen te laat"


class TodayPage(QWidget):
    open_candidate = Signal(str)
    log_visit = Signal(str, str)  # candidate id, name

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.title = named(QLabel(self.tr("Vandaag")), "pageTitle")
        self.summary = named(QLabel(), "todaySummary")
        self.tree = named(QTreeWidget(), "todayTree")
        self.tree.setAccessibleName(self.tr("Wat vandaag op u wacht"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Kandidaat"), self.tr("Wat"), self.tr("Wanneer")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().resizeSection(0, 260)
        self.tree.header().resizeSection(1, 320)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(self._selection)

        self.open_button = named(QPushButton(self.tr("Dossier openen")), "openDossier")
        self.visit_button = named(
            QPushButton(self.tr("Bezoek vastleggen…  (Ctrl+N)")), "todayVisit"
        )
        self.accept_button = named(QPushButton(self.tr("Overdracht accepteren")), "acceptHandover")
        self.open_button.clicked.connect(lambda: self._activated(self.tree.currentItem()))
        self.visit_button.clicked.connect(self.visit_selected)
        self.accept_button.clicked.connect(self._accept)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.visit_button, self.accept_button):
            buttons.addWidget(b)
        buttons.addStretch()

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._selection(None)
        ops.changed.connect(self._on_changed)

    def refresh(self) -> None:
        self.ops.read(lambda svc: svc.queries.today()).success(self._show).owned_by(self).run()

    def _on_changed(self, changes: Changes) -> None:
        if (
            changes.candidates
            or changes.visits
            or changes.handovers
            or changes.dossier
            or changes.sync
        ):
            self.refresh()

    def _show(self, today: TodayList) -> None:
        self.tree.clear()
        self.title.setText(self.tr("Vandaag — {0}").format(today.on.strftime("%d-%m-%Y")))
        if today.count == 0:
            self.summary.setText(self.tr("Niets dat vandaag op u wacht."))
        else:
            self.summary.setText(
                self.tr("{0} punten vragen vandaag uw aandacht.").format(today.count)
            )
        for attr, heading in GROUPS:
            items: tuple[TodayItem, ...] = getattr(today, attr)
            if not items:
                continue
            group = QTreeWidgetItem([f"{self.tr(heading)} ({len(items)})"])  # type: ignore[arg-type]  # PySide6 stub: QT_TRANSLATE_NOOP returns the str it gets
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(group)
            for item in items:
                row = QTreeWidgetItem([item.candidate_name, item.detail, lateness(item, today.on)])
                row.setData(0, ITEM_ROLE, item)
                self.tree.addTopLevelItem(row)
        self._select_first()

    def _select_first(self) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, ITEM_ROLE) is not None:
                self.tree.setCurrentItem(item)
                return

    def current(self) -> TodayItem | None:
        item = self.tree.currentItem()
        return item.data(0, ITEM_ROLE) if item is not None else None

    def _selection(self, *_: Any) -> None:
        item = self.current()
        self.open_button.setEnabled(item is not None)
        self.visit_button.setEnabled(item is not None)
        self.accept_button.setVisible(item is not None and item.kind == "handover")

    def _activated(self, tree_item: QTreeWidgetItem | None, *_: Any) -> None:
        item = tree_item.data(0, ITEM_ROLE) if tree_item is not None else None
        if item is not None:
            self.open_candidate.emit(item.candidate_id)

    def visit_selected(self) -> None:
        item = self.current()
        if item is not None:
            self.log_visit.emit(item.candidate_id, item.candidate_name)

    def _accept(self) -> None:
        item = self.current()
        if item is None or item.kind != "handover":
            return
        hid = item.record_id
        self.ops.write(lambda svc: svc.handovers.accept(hid)).run()
