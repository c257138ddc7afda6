"""Activiteiten en scholing: orientation and matching activities (planned, their
outcome, cancelled) and trainings with their funding, each worked from its table."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from spt_common.enums import ActivityOutcome
from spt_desktop.services.dto import ActivityDTO, Dossier, TrainingDTO
from spt_desktop.ui.dialogs.activity import ActivityDialog
from spt_desktop.ui.dialogs.training import TrainingDialog
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.pages.work_tab import WorkTab
from spt_desktop.ui.tables import Column


def _funding(t: TrainingDTO) -> str:
    return t.fund.label if t.fund else t.funding.label


class ActivitiesTab(WorkTab):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, [
            ("activities", self.tr("Activiteiten"), (
                Column(self.tr("Datum"), lambda a: a.held_on, width=100),
                Column(self.tr("Activiteit"), lambda a: a.kind, width=150),
                Column(self.tr("Locatie"), lambda a: a.location, width=180),
                Column(self.tr("Uitkomst"), lambda a: a.outcome, width=120),
                Column(self.tr("Notities"), lambda a: a.notes))),
            ("trainings", self.tr("Scholing"), (
                Column(self.tr("Opleider"), lambda t: t.provider, width=170),
                Column(self.tr("Opleiding"), lambda t: t.programme, width=200),
                Column(self.tr("Rijksbekostigd"), lambda t: t.publicly_funded, width=125),
                Column(self.tr("Financiering"), _funding, width=140),
                Column(self.tr("Van"), lambda t: t.starts_on, width=95),
                Column(self.tr("Tot"), lambda t: t.ends_on, width=95),
                Column(self.tr("Stand"), lambda t: t.status, width=90),
                Column(self.tr("Certificaat"), lambda t: t.certificate)))
        ], parent)  # fmt: skip
        self.views["activities"].setAccessibleName(self.tr("Activiteiten"))
        self.views["trainings"].setAccessibleName(self.tr("Scholing"))
        a = self.row_under("activities")
        self.plan_button = self.button(
            self.tr("Activiteit plannen…"), "activityNew", self.plan_activity, row=a
        )
        self.outcome_button = self.button(
            self.tr("Uitkomst vastleggen…"), "activityOutcome", self.record_outcome,
            self.tr("Hoe ging de gekozen activiteit?"), row=a,
        )  # fmt: skip
        self.edit_button = self.button(
            self.tr("Wijzigen…"), "activityEdit", self.edit_activity,
            self.tr("Datum, locatie of soort van de gekozen activiteit wijzigen"), row=a,
        )  # fmt: skip
        self.cancel_button = self.button(
            self.tr("Afzeggen"), "activityCancel", self.cancel_activity,
            self.tr("De gekozen activiteit gaat niet door (blijft zichtbaar als geannuleerd)"),
            row=a,
        )  # fmt: skip
        t = self.row_under("trainings")
        self.training_button = self.button(
            self.tr("Scholing toevoegen…"), "trainingNew", self.add_training, row=t
        )
        self.training_edit = self.button(
            self.tr("Scholing wijzigen…"), "trainingEdit", self.edit_training, row=t
        )
        self.views["activities"].activated.connect(lambda _i: self.record_outcome())
        self.views["trainings"].activated.connect(lambda _i: self.edit_training())

    def show_dossier(self, d: Dossier) -> None:
        super().show_dossier(d)
        self.say("")

    # --- activities ------------------------------------------------------------------

    def _activity(self) -> ActivityDTO | None:
        a: ActivityDTO | None = self.selected("activities")
        if a is None:
            self.say(self.tr("Kies eerst een activiteit in de lijst."))
        return a

    def plan_activity(self) -> None:
        if self.dossier is not None:
            self.opener(ActivityDialog(self.ops, self.cid, self.name, parent=self))

    def record_outcome(self) -> None:
        a = self._activity()
        if a is not None:
            self.opener(ActivityDialog(self.ops, self.cid, self.name, a, outcome=True, parent=self))

    def edit_activity(self) -> None:
        a = self._activity()
        if a is not None:
            self.opener(ActivityDialog(self.ops, self.cid, self.name, a, parent=self))

    def cancel_activity(self) -> None:
        a = self._activity()
        if a is None or a.outcome == ActivityOutcome.CANCELLED:
            return
        aid = a.id
        self.ask(
            self.tr("Activiteit afzeggen"),
            self.tr("{0} op {1} gaat niet door? Hij blijft in de lijst als geannuleerd.").format(
                a.kind.label, a.held_on.strftime("%d-%m-%Y")
            ),
            self.tr("Afzeggen"),
            lambda: self.run(lambda svc: svc.activities.cancel(aid)),
            "cancelActivityQuestion",
        )

    # --- trainings -------------------------------------------------------------------

    def add_training(self) -> None:
        if self.dossier is not None:
            self.opener(TrainingDialog(self.ops, self.cid, self.name, parent=self))

    def edit_training(self) -> None:
        t = self.selected("trainings")
        if t is None:
            self.say(self.tr("Kies eerst een scholing in de lijst."))
            return
        self.opener(TrainingDialog(self.ops, self.cid, self.name, t, parent=self))

    # --- drafts ----------------------------------------------------------------------

    def reopen(self, form_id: str, values: dict[str, Any]) -> bool:
        """Open the dialog of ``form_id`` (activity:…, training:…) with a kept draft."""
        # "kind[:record]:candidate" (the candidate last: models/drafts.py)
        kind, _, rest = form_id.partition(":")
        rid = rest.rpartition(":")[0]
        if kind == "activity":
            act = next((a for a in self._rows("activities") if a.id == rid), None)
            if rid and act is None:
                return False
            self.opener(ActivityDialog(self.ops, self.cid, self.name, act, values, parent=self))
            return True
        if kind == "training":
            tr = next((t for t in self._rows("trainings") if t.id == rid), None)
            if rid and tr is None:
                return False
            self.opener(TrainingDialog(self.ops, self.cid, self.name, tr, values, parent=self))
            return True
        return False

    def _rows(self, table: str) -> list[Any]:
        return list(self.models[table].rows)
