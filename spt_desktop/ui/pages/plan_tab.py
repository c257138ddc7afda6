"""Plan van aanpak: goals with their actions, the summary, and agreeing the plan. Goals
and actions are corrected (Wijzigen…, F2) and taken out (Schrappen, Delete); on an
agreed plan that happens in a new draft version (services/plans.py). A new action goes
to the chosen goal; with several goals and none chosen, the tab asks which."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from spt_common.enums import ActionStatus, PlanStatus
from spt_desktop.services import Services
from spt_desktop.services.dto import ActionDTO, Dossier, GoalDTO
from spt_desktop.ui import messages
from spt_desktop.ui.dialogs.plan_item import ActionDialog, GoalDialog
from spt_desktop.ui.elide import FullTextTreeItem
from spt_desktop.ui.forms import parse_day, show_day
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.pages.dossier_tabs import Tab
from spt_desktop.ui.pages.work_tab import Opener, open_here

ROLE = Qt.ItemDataRole.UserRole


class PlanTab(Tab):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.opener: Opener = open_here
        self.question: QMessageBox | None = None
        self.goal_question: QInputDialog | None = None
        self._keep: str | None = None  # the id to select again after a reload
        self.status = named(QLabel(), "planStatus")
        self.status.setWordWrap(True)
        self.tree = named(QTreeWidget(), "planTree")
        self.tree.setAccessibleName(self.tr("Doelen en acties"))
        self.tree.setHeaderLabels(
            [self.tr("Doel / actie"), self.tr("Wie"), self.tr("Uiterlijk"), self.tr("Status")]
        )
        self.tree.header().resizeSection(0, 420)
        self.tree.header().resizeSection(1, 160)
        self.tree.itemActivated.connect(lambda *_: self.edit_selected())
        self.goal = self._line("newGoal", self.tr("Nieuw doel…"), self.tr("Nieuw doel"))
        self.goal.returnPressed.connect(self._add_goal)
        self.action = self._line(
            "newAction",
            self.tr("Nieuwe actie bij het gekozen doel…"),
            self.tr("Nieuwe actie"),
        )
        self.owner = self._line("actionOwner", self.tr("Wie"), self.tr("Wie doet de actie"))
        self.due = self._line("actionDue", "dd-mm-jjjj", self.tr("Uiterlijk (datum)"))
        self.action.returnPressed.connect(self._add_action)
        add_goal = self._button(self.tr("Doel toevoegen"), "addGoal", self._add_goal)
        add_action = self._button(self.tr("Actie toevoegen"), "addAction", self._add_action)
        self.edit = self._button(self.tr("Wijzigen…"), "planEdit", self.edit_selected)
        self.edit.setToolTip(self.tr("Het gekozen doel of de gekozen actie wijzigen (F2)"))
        self.remove = self._button(self.tr("Schrappen"), "planRemove", self.remove_selected)
        self.remove.setToolTip(self.tr("Het gekozen doel of de gekozen actie schrappen (Delete)"))
        self.done = self._button(self.tr("Actie gedaan"), "actionDone", self._action_done)
        self.drop = self._button(self.tr("Actie vervalt"), "actionCancel", self._action_cancel)
        self.drop.setToolTip(self.tr("De gekozen actie is niet meer nodig (blijft zichtbaar)"))
        self.agree = self._button(self.tr("Plan afspreken"), "agreePlan", self._agree)
        self.summary = named(QPlainTextEdit(), "planSummary")
        self.summary.setAccessibleName(self.tr("Samenvatting van het plan"))
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(70)
        self.summary.setPlaceholderText(self.tr("Samenvatting: de route in een paar zinnen…"))
        self.save_summary = self._button(
            self.tr("Samenvatting opslaan"), "saveSummary", self._save_summary
        )
        self.error = named(QLabel(), "planError")
        self.error.setProperty("role", "field-error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.tree.installEventFilter(self)  # F2 edits, Delete takes out
        self._lay_out(add_goal, add_action)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_F2:
                self.edit_selected()
                return True
            if key == Qt.Key.Key_Delete:
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    def _line(self, name: str, placeholder: str, accessible: str) -> QLineEdit:
        line = named(QLineEdit(), name)
        line.setPlaceholderText(placeholder)
        line.setAccessibleName(accessible)
        return line

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        b = named(QPushButton(text), name)
        b.clicked.connect(slot)
        return b

    def _lay_out(self, add_goal: QPushButton, add_action: QPushButton) -> None:
        s = QHBoxLayout()
        s.addWidget(self.summary, 1)
        s.addWidget(self.save_summary, 0, Qt.AlignmentFlag.AlignTop)
        g = QHBoxLayout()
        g.addWidget(self.goal, 1)
        g.addWidget(add_goal)
        a = QHBoxLayout()
        a.addWidget(self.action, 3)
        a.addWidget(self.owner, 1)
        a.addWidget(self.due, 1)
        a.addWidget(add_action)
        b = QHBoxLayout()
        for w in (self.edit, self.remove, self.done, self.drop):
            b.addWidget(w)
        b.addStretch()
        b.addWidget(self.agree)
        new = QGroupBox(self.tr("Toevoegen"))
        nl = QVBoxLayout(new)
        nl.addLayout(g)
        nl.addLayout(a)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(s)
        layout.addWidget(self.tree, 1)
        layout.addLayout(b)
        layout.addWidget(self.error)
        layout.addWidget(new)

    # --- showing ---------------------------------------------------------------------

    def show_dossier(self, d: Dossier) -> None:
        keep = self._keep or self._current_id()
        self._keep = None
        same = self.dossier is not None and self.dossier.candidate.id == d.candidate.id
        super().show_dossier(d)
        self.tree.clear()
        plan = d.plan
        if not same or not self.summary.hasFocus():
            self.summary.setPlainText(plan.summary if plan else "")
        if plan is None:
            self.status.setText(self.tr("Nog geen plan van aanpak. Voeg een eerste doel toe."))
            self.agree.setEnabled(False)
            return
        agreed = f", afgesproken op {show_day(plan.agreed_on)}" if plan.agreed_on else ""
        self.status.setText(
            self.tr("Versie {0} — {1}{2}").format(plan.version, plan.status.label, agreed)
        )
        self.agree.setEnabled(plan.status == PlanStatus.DRAFT)
        for goal in plan.goals:
            top = FullTextTreeItem([goal.description, "", "", ""])
            top.setData(0, ROLE, ("goal", goal.id))
            self.tree.addTopLevelItem(top)
            for act in goal.actions:
                child = FullTextTreeItem(
                    [act.description, act.owner, show_day(act.due_on), act.status.label]
                )
                child.setData(0, ROLE, ("action", act.id))
                top.addChild(child)
                if act.id == keep:
                    self.tree.setCurrentItem(child)
            top.setExpanded(True)
            if goal.id == keep:
                self.tree.setCurrentItem(top)

    def _current_id(self) -> str | None:
        item = self.tree.currentItem()
        data = item.data(0, ROLE) if item is not None else None
        return str(data[1]) if data else None

    def _selected(self, kind: str) -> str | None:
        item = self.tree.currentItem()
        while item is not None:
            data = item.data(0, ROLE)
            if data and data[0] == kind:
                return str(data[1])
            item = item.parent() if kind == "goal" else None
        return None

    def _goal(self, goal_id: str) -> GoalDTO | None:
        plan = self.dossier.plan if self.dossier else None
        return next((g for g in plan.goals if g.id == goal_id), None) if plan else None

    def _action(self, action_id: str) -> ActionDTO | None:
        plan = self.dossier.plan if self.dossier else None
        for g in plan.goals if plan else ():
            for a in g.actions:
                if a.id == action_id:
                    return a
        return None

    @property
    def agreed(self) -> bool:
        plan = self.dossier.plan if self.dossier else None
        return plan is not None and plan.status == PlanStatus.AGREED

    # --- writes ----------------------------------------------------------------------

    def _fail(self, exc: BaseException) -> bool:
        from spt_desktop.ui.ops import describe

        errors = messages.field_texts(exc)
        self.say("; ".join(errors.values()) if errors else describe(exc))
        return True

    def say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _run(self, fn: Callable[[Services], object]) -> None:
        self.say("")
        self.ops.write(fn).failure(self._fail).owned_by(self).run()

    def _add_goal(self) -> None:
        text, cid = self.goal.text(), self.cid
        self._run(lambda svc: svc.plans.add_goal(cid, text))
        self.goal.clear()

    def _add_action(self) -> None:
        """To the chosen goal; with one goal, that one; with several and none chosen,
        ask which (never silently the last one)."""
        due_text = self.due.text().strip()
        due = parse_day(due_text) if due_text else None
        if due_text and due is None:
            self.say(self.tr("Uiterlijk: geen geldige datum (dd-mm-jjjj)"))
            self.due.setFocus()
            return
        goals = list(self.dossier.plan.goals) if self.dossier and self.dossier.plan else []
        goal = self._selected("goal") or (goals[0].id if len(goals) == 1 else None)
        if goal is not None:
            self._save_action(goal, due)
        elif not goals:
            self.say(self.tr("Voeg eerst een doel toe; een actie hoort altijd bij een doel."))
            self.goal.setFocus()
        else:
            self._ask_goal(goals, due)

    def _ask_goal(self, goals: list[GoalDTO], due: Any) -> None:
        dialog = QInputDialog(self)
        dialog.setObjectName("whichGoal")
        dialog.setWindowTitle(self.tr("Bij welk doel?"))
        dialog.setLabelText(self.tr("Bij welk doel hoort de actie “{0}”?").format(
            self.action.text().strip()
        ))  # fmt: skip
        dialog.setComboBoxItems([g.description for g in goals])
        dialog.setComboBoxEditable(False)
        dialog.setOkButtonText(self.tr("Actie toevoegen"))
        dialog.setCancelButtonText(self.tr("Annuleren"))

        def chosen(text: str) -> None:
            match = next((g for g in goals if g.description == text), None)
            if match is not None:
                self._save_action(match.id, due)

        dialog.textValueSelected.connect(chosen)
        dialog.finished.connect(lambda _=0: setattr(self, "goal_question", None))
        self.goal_question = dialog
        dialog.open()

    def _save_action(self, goal_id: str, due: Any) -> None:
        text, owner = self.action.text(), self.owner.text()
        self._run(lambda svc: svc.plans.add_action(goal_id, text, owner, due))
        self.action.clear()
        self.due.clear()

    def edit_selected(self) -> None:
        if self.dossier is None:
            return
        action_id = self._selected("action")
        if action_id is not None:
            action = self._action(action_id)
            if action is not None:
                self.opener(ActionDialog(self.ops, self.cid, action, self.agreed, parent=self))
            return
        goal_id = self._selected("goal")
        goal = self._goal(goal_id) if goal_id else None
        if goal is None:
            self.say(self.tr("Kies eerst een doel of actie in de lijst."))
            return
        self.opener(GoalDialog(self.ops, self.cid, goal, self.agreed, parent=self))

    def remove_selected(self) -> None:
        action_id = self._selected("action")
        if action_id is not None:
            action = self._action(action_id)
            what = self.tr("de actie “{0}”").format(action.description if action else "")
            aid = action_id

            def work(svc: Services) -> object:
                svc.plans.remove_action(aid)
                return None
        else:
            goal_id = self._selected("goal")
            goal = self._goal(goal_id) if goal_id else None
            if goal is None:
                self.say(self.tr("Kies eerst een doel of actie in de lijst."))
                return
            gid = goal.id
            what = self.tr("het doel “{0}” met zijn acties").format(goal.description)

            def work(svc: Services) -> object:
                svc.plans.remove_goal(gid)
                return None

        text = self.tr("Wilt u {0} uit het plan schrappen?").format(what)
        if self.agreed:
            text += " " + self.tr(
                "Het plan is afgesproken: dit gebeurt in een nieuwe conceptversie; de "
                "afgesproken versie blijft bewaard."
            )
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Schrappen"), text,
            QMessageBox.StandardButton.NoButton, self,
        )  # fmt: skip
        box.setObjectName("removeQuestion")
        yes = box.addButton(self.tr("Schrappen"), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("removeQuestionYes")
        no = box.addButton(self.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)

        def done() -> None:
            if box.clickedButton() is yes:
                self._run(work)
            self.question = None

        box.finished.connect(lambda _=0: done())
        self.question = box
        box.open()

    def _action_done(self) -> None:
        self._set_status(ActionStatus.DONE)

    def _action_cancel(self) -> None:
        self._set_status(ActionStatus.CANCELLED)

    def _set_status(self, status: ActionStatus) -> None:
        action = self._selected("action")
        if action is None:
            self.say(self.tr("Kies eerst een actie in de lijst."))
            return
        self._keep = action
        self._run(lambda svc: svc.plans.set_action_status(action, status))

    def _save_summary(self) -> None:
        text, cid = self.summary.toPlainText(), self.cid
        self._run(lambda svc: svc.plans.set_summary(cid, text))

    def _agree(self) -> None:
        if self.dossier and self.dossier.plan:
            pid = self.dossier.plan.id
            self._run(lambda svc: svc.plans.agree(pid))

    # --- drafts ----------------------------------------------------------------------

    def reopen(self, form_id: str, values: dict[str, Any]) -> bool:
        # "kind[:record]:candidate" (the candidate last: models/drafts.py)
        kind, _, rest = form_id.partition(":")
        rid = rest.rpartition(":")[0]
        if kind == "goal" and (goal := self._goal(rid)) is not None:
            self.opener(GoalDialog(self.ops, self.cid, goal, self.agreed, values, parent=self))
            return True
        if kind == "action" and (action := self._action(rid)) is not None:
            self.opener(ActionDialog(self.ops, self.cid, action, self.agreed, values, self))
            return True
        return False
