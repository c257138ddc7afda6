"""Vandaag: each role's own work first, in one grouped list (issue 12 §5) — the
loopbaancoach's intakes and follow-ups, the arbeidsmarktcoach's open matches and needs
coming due, the jobcoach's checkpoints and visits, and handovers waiting for the coach.
Enter does the item's action: a checkpoint opens the checkpoint dialog, a visit follow-up
the visit log, an employer's item the employer, anything else the dossier."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
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
from spt_desktop.services.dto import TodayGroup, TodayItem, TodayList
from spt_desktop.ui.dialogs.checkpoint import record_checkpoint
from spt_desktop.ui.elide import FullTextTreeItem
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops

ITEM_ROLE = Qt.ItemDataRole.UserRole + 10
# The heading of each group (services/today.py's SOURCES); a group not listed here shows
# its key until it gets one.
HEADINGS = {
    "handovers": QT_TRANSLATE_NOOP("TodayPage", "Overdrachten die op u wachten"),
    "referrals": QT_TRANSLATE_NOOP("TodayPage", "Nieuwe aanmeldingen"),
    "loket": QT_TRANSLATE_NOOP("TodayPage", "Loketvragen om op te volgen"),
    "intakes": QT_TRANSLATE_NOOP("TodayPage", "Intakes te doen"),
    "follow_ups": QT_TRANSLATE_NOOP("TodayPage", "Vervolgafspraken"),
    "employer_follow_ups": QT_TRANSLATE_NOOP("TodayPage", "Werkgevers: vervolgafspraken"),
    "matches": QT_TRANSLATE_NOOP("TodayPage", "Matches die op antwoord wachten"),
    "future_needs": QT_TRANSLATE_NOOP("TodayPage", "Vacatures en toekomstige behoeften"),
    "checkpoints": QT_TRANSLATE_NOOP("TodayPage", "Behoudmomenten na plaatsing"),
    "visit_follow_ups": QT_TRANSLATE_NOOP("TodayPage", "Vervolgbezoeken"),
}
# What Enter does, by item kind (the button says it too).
ACTIONS = {
    "checkpoint": QT_TRANSLATE_NOOP("TodayPage", "Behoudmoment vastleggen…"),
    "visit_follow_up": QT_TRANSLATE_NOOP("TodayPage", "Bezoek vastleggen…"),
    "future_need": QT_TRANSLATE_NOOP("TodayPage", "Werkgever openen"),
    "employer_follow_up": QT_TRANSLATE_NOOP("TodayPage", "Werkgever openen"),
    "referral": QT_TRANSLATE_NOOP("TodayPage", "Accepteren en inschrijven…"),
    "loket_follow_up": QT_TRANSLATE_NOOP("TodayPage", "Loketvraag openen"),
}
OPEN_DOSSIER = QT_TRANSLATE_NOOP("TodayPage", "Dossier openen")


def lateness(item: TodayItem, today: date) -> str:
    days = (today - item.due_on).days
    if days < 0:
        return f"over {-days} dagen" if days < -1 else "morgen"
    if days == 0:
        return "vandaag"
    return "1 dag te laat" if days == 1 else f"{days} dagen te laat"


def _tr(text: object) -> str:
    """A text marked with QT_TRANSLATE_NOOP, translated (the stub types it as object)."""
    return QCoreApplication.translate("TodayPage", str(text))


class TodayPage(QWidget):
    open_candidate = Signal(str)
    open_employer = Signal(str)  # employer id
    open_loket = Signal(str)  # loket question id
    log_visit = Signal(str, str)  # candidate id, name
    accept_referral = Signal(str)  # referral id

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today: TodayList | None = None
        self.title = named(QLabel(self.tr("Vandaag")), "pageTitle")
        self.summary = named(QLabel(), "todaySummary")
        self.tree = named(QTreeWidget(), "todayTree")
        self.tree.setAccessibleName(self.tr("Wat vandaag op u wacht"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Wie"), self.tr("Wat"), self.tr("Wanneer")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().resizeSection(0, 280)
        self.tree.header().resizeSection(1, 380)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(self._selection)

        self.action_button = named(QPushButton(_tr(OPEN_DOSSIER)), "todayAction")
        self.action_button.setToolTip(self.tr("Enter"))
        self.open_button = named(QPushButton(self.tr("Dossier openen")), "openDossier")
        self.visit_button = named(
            QPushButton(self.tr("Bezoek vastleggen…  (Ctrl+N)")), "todayVisit"
        )
        self.accept_button = named(QPushButton(self.tr("Overdracht accepteren")), "acceptHandover")
        self.action_button.clicked.connect(lambda: self._activated(self.tree.currentItem()))
        self.open_button.clicked.connect(self._open_dossier)
        self.visit_button.clicked.connect(self.visit_selected)
        self.accept_button.clicked.connect(self._accept)
        buttons = QHBoxLayout()
        for b in (self.action_button, self.open_button, self.visit_button, self.accept_button):
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
            or changes.employers
            or changes.sync
            or changes.loket
        ):
            self.refresh()

    def _show(self, today: TodayList) -> None:
        current = self.current()
        self.today = today
        self.tree.clear()
        self.title.setText(self.tr("Vandaag — {0}").format(today.on.strftime("%d-%m-%Y")))
        if today.count == 0:
            self.summary.setText(self.tr("Niets dat vandaag op u wacht."))
        else:
            self.summary.setText(
                self.tr("{0} punten vragen vandaag uw aandacht.").format(today.count)
            )
        for group in today.groups:
            self._add_group(group, today.on)
        self._select(current)

    def _add_group(self, group: TodayGroup, on: date) -> None:
        heading = _tr(HEADINGS[group.key]) if group.key in HEADINGS else group.key
        whose = f"  ·  {group.role.label}" if group.role is not None else ""
        top = FullTextTreeItem([f"{heading} ({len(group.items)}){whose}"])
        top.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        self.tree.addTopLevelItem(top)
        top.setFirstColumnSpanned(True)  # (only once the item is in the tree)
        for item in group.items:
            detail = item.detail
            if item.elsewhere:  # the employer is another SPT's: its name is not here
                detail = self.tr("{0} bij een werkgever van een ander SPT").format(detail)
            row = FullTextTreeItem([item.candidate_name, detail, lateness(item, on)])
            row.setData(0, ITEM_ROLE, item)
            self.tree.addTopLevelItem(row)

    def _select(self, wanted: TodayItem | None) -> None:
        """The same item as before the refresh, if it is still there; else the first."""
        first = None
        for i in range(self.tree.topLevelItemCount()):
            tree_item = self.tree.topLevelItem(i)
            item = tree_item.data(0, ITEM_ROLE) if tree_item is not None else None
            if item is None:
                continue
            if first is None:
                first = tree_item
            same = wanted is not None and (item.kind, item.record_id) == (
                wanted.kind,
                wanted.record_id,
            )
            if same and tree_item is not None:
                self.tree.setCurrentItem(tree_item)
                return
        if first is not None:
            self.tree.setCurrentItem(first)

    def current(self) -> TodayItem | None:
        item = self.tree.currentItem()
        return item.data(0, ITEM_ROLE) if item is not None else None

    def _selection(self, *_: Any) -> None:
        item = self.current()
        self.action_button.setEnabled(item is not None)
        action = ACTIONS.get(item.kind, OPEN_DOSSIER) if item else OPEN_DOSSIER
        self.action_button.setText(_tr(action))
        about_candidate = item is not None and bool(item.candidate_id)
        self.open_button.setVisible(about_candidate and item is not None and item.kind in ACTIONS)
        self.visit_button.setEnabled(about_candidate)
        self.accept_button.setVisible(item is not None and item.kind == "handover")

    def _activated(self, tree_item: QTreeWidgetItem | None, *_: Any) -> None:
        item = tree_item.data(0, ITEM_ROLE) if tree_item is not None else None
        if item is None:
            return
        if item.kind == "checkpoint":
            record_checkpoint(self.ops, item.record_id, self)
        elif item.kind == "visit_follow_up":
            self.log_visit.emit(item.candidate_id, item.candidate_name)
        elif item.kind == "referral":
            self.accept_referral.emit(item.record_id)
        elif item.kind == "loket_follow_up":
            self.open_loket.emit(item.record_id)
        elif not item.candidate_id:
            self.open_employer.emit(item.employer_id)
        else:
            self.open_candidate.emit(item.candidate_id)

    def _open_dossier(self) -> None:
        item = self.current()
        if item is not None and item.candidate_id:
            self.open_candidate.emit(item.candidate_id)

    def visit_selected(self) -> None:
        item = self.current()
        if item is not None and item.candidate_id:
            self.log_visit.emit(item.candidate_id, item.candidate_name)

    def _accept(self) -> None:
        item = self.current()
        if item is None or item.kind != "handover":
            return
        hid = item.record_id
        self.ops.write(lambda svc: svc.handovers.accept(hid)).run()
