"""The dossier's "Kandidaatreis" tab: the journey's phase moves, and behoud en uitval —
retention checkpoints, uitval, reactivation and closing (issue 12 §3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from spt_common.enums import CandidateStatus, Phase
from spt_desktop.services.dto import CheckpointDTO, Dossier
from spt_desktop.services.today import months_text
from spt_desktop.ui import messages
from spt_desktop.ui.dialogs.checkpoint import open_dialog, record_checkpoint
from spt_desktop.ui.dialogs.closure import ClosureDialog
from spt_desktop.ui.dialogs.dropout import DropoutDialog, ReactivateDialog
from spt_desktop.ui.elsewhere import employer_text
from spt_desktop.ui.forms import show_day
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops, describe
from spt_desktop.ui.tables import Column, DtoTableModel, make_table, row_at

OPEN = (CandidateStatus.ACTIVE, CandidateStatus.PLACED, CandidateStatus.RETAINED)


@dataclass(frozen=True)
class CheckpointRow:
    """One checkpoint line: the checkpoint and the employer of its placement."""

    point: CheckpointDTO
    employer: str
    ended_on: date | None


class JourneyTab(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.dossier: Dossier | None = None
        self.names: dict[str, str] = {}
        self.model = DtoTableModel(
            (
                Column("Datum", lambda e: e.occurred_on, width=100),
                Column("Van", lambda e: e.from_phase or "—", width=180),
                Column("Naar", lambda e: e.to_phase, width=180),
                Column("Richting", lambda e: "terug" if e.is_move_back else "", width=80),
                Column("Coach", lambda e: self.names.get(e.coach_id, ""), width=150),
                Column("Reden", lambda e: e.reason),
            ),
            self,
        )
        self.view = make_table(self.model, self)
        self.view.setObjectName("journeyTable")
        self.view.setAccessibleName(self.tr("Kandidaatreis"))
        self.phase = named(QComboBox(), "movePhase")
        self.phase.setAccessibleName(self.tr("Naar fase"))
        for p in Phase:
            self.phase.addItem(p.label, p)
        self.reason = named(QLineEdit(), "moveReason")
        self.reason.setAccessibleName(self.tr("Reden van de faseverandering"))
        self.reason.setPlaceholderText(self.tr("Reden (verplicht)"))
        self.reason.returnPressed.connect(self._move)
        self.move_button = named(QPushButton(self.tr("Fase wijzigen")), "movePhaseButton")
        self.move_button.clicked.connect(self._move)
        self.error = named(QLabel(), "moveError")
        self.error.setProperty("role", "field-error")
        self.error.hide()
        label = QLabel(self.tr("Naar &fase"))
        label.setBuddy(self.phase)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.phase)
        row.addWidget(self.reason, 1)
        row.addWidget(self.move_button)
        top = QWidget()
        upper = QVBoxLayout(top)
        upper.setContentsMargins(0, 0, 0, 0)
        upper.addWidget(self.view, 1)
        upper.addLayout(row)
        upper.addWidget(self.error)

        splitter = named(QSplitter(Qt.Orientation.Vertical), "journeySplit")
        splitter.addWidget(top)
        splitter.addWidget(self._behoud())
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _behoud(self) -> QGroupBox:
        box = named(QGroupBox(self.tr("Behoud en uitval")), "behoudBox")
        self.state = named(QLabel(), "behoudState")
        self.state.setWordWrap(True)
        self.points = DtoTableModel(
            (
                Column("Werkgever", lambda r: r.employer, width=220),
                Column("Na", lambda r: f"{r.point.months} mnd", sort=lambda r: r.point.months,
                       width=70),
                Column("Gepland", lambda r: r.point.due_on, width=100),
                Column("Vastgelegd", lambda r: r.point.done_on, width=100),
                Column("Uitkomst", lambda r: _outcome(r), width=150),
                Column("Notitie", lambda r: r.point.note or ""),
            ),
            self,
        )  # fmt: skip
        self.points_view = make_table(self.points, self)
        self.points_view.setObjectName("checkpointTable")
        self.points_view.setAccessibleName(self.tr("Behoudmomenten"))
        self.points_view.activated.connect(lambda *_: self.record_checkpoint())
        self.checkpoint_button = named(
            QPushButton(self.tr("&Behoudmoment vastleggen…")), "checkpointButton"
        )
        self.dropout_button = named(QPushButton(self.tr("&Uitval registreren…")), "dropoutButton")
        self.reactivate_button = named(
            QPushButton(self.tr("Opnieuw &activeren…")), "reactivateButton"
        )
        self.close_button = named(QPushButton(self.tr("Dossier af&sluiten…")), "closeButton")
        self.checkpoint_button.clicked.connect(self.record_checkpoint)
        self.dropout_button.clicked.connect(self.register_dropout)
        self.reactivate_button.clicked.connect(self.reactivate)
        self.close_button.clicked.connect(self.close_dossier)
        buttons = QHBoxLayout()
        for b in (
            self.checkpoint_button,
            self.dropout_button,
            self.reactivate_button,
            self.close_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch()
        col = QVBoxLayout(box)
        col.addWidget(self.state)
        col.addWidget(self.points_view, 1)
        col.addLayout(buttons)
        return box

    @property
    def cid(self) -> str:
        assert self.dossier is not None
        return str(self.dossier.candidate.id)

    def show_dossier(self, d: Dossier) -> None:
        self.dossier = d
        self.names = d.coaches
        self.model.replace(list(reversed(d.timeline)))
        self.phase.setCurrentIndex(self.phase.findData(d.candidate.phase))
        rows = [
            # No name in the dossier: another SPT's employer, not on this laptop.
            CheckpointRow(point, employer_text(d.employers.get(p.employer_id)), p.ended_on)
            for p in d.placements
            for point in p.checkpoints
        ]
        self.points.replace(rows)
        self.state.setText(self._state_text(d))
        status = d.candidate.status
        in_journey = status in OPEN
        self.checkpoint_button.setEnabled(in_journey and self._open_point() is not None)
        self.dropout_button.setEnabled(in_journey)
        self.reactivate_button.setEnabled(not in_journey)
        self.close_button.setEnabled(status != CandidateStatus.CLOSED)
        self.move_button.setEnabled(in_journey)

    def _state_text(self, d: Dossier) -> str:
        c = d.candidate
        if c.status == CandidateStatus.CLOSED:
            outcome = c.closing_outcome.label if c.closing_outcome else self.tr("zonder uitkomst")
            day = show_day(c.closed_on) or self.tr("datum onbekend")
            return self.tr("Dossier afgesloten op {0}: {1}.").format(day, outcome)
        if c.status == CandidateStatus.DROPPED_OUT and d.dropouts:
            last = d.dropouts[-1]
            return self.tr("Uitgevallen op {0} in de fase {1}: {2}.").format(
                show_day(last.occurred_on), last.phase.label, last.reason.label
            )
        due = [r for r in self.points.rows if r.point.done_on is None and r.ended_on is None]
        if due:
            nxt = min(due, key=lambda r: r.point.due_on).point
            return self.tr("Volgend behoudmoment: na {0}, op {1}.").format(
                months_text(nxt.months), show_day(nxt.due_on)
            )
        return self.tr("{0} · geen open behoudmomenten.").format(c.status.label)

    def _open_point(self) -> CheckpointDTO | None:
        """The selected checkpoint when it is open, else the first open one due."""
        chosen = row_at(self.points_view)
        if chosen is not None and chosen.point.done_on is None and chosen.ended_on is None:
            return chosen.point  # type: ignore[no-any-return]
        open_rows = [r for r in self.points.rows if r.point.done_on is None and r.ended_on is None]
        return min(open_rows, key=lambda r: r.point.due_on).point if open_rows else None

    # --- actions ---------------------------------------------------------------------

    def record_checkpoint(self) -> None:
        point = self._open_point()
        if self.dossier is None or point is None:
            return
        record_checkpoint(self.ops, point.id, self)

    def register_dropout(self) -> None:
        if self.dossier is None:
            return
        c, today = self.dossier.candidate, self._today()
        open_dialog(
            self.ops,
            f"dropout:{c.id}",
            self,
            lambda d: DropoutDialog(self.ops, c.id, c.full_name, c.phase, today, d, parent=self),
        )

    def reactivate(self) -> None:
        if self.dossier is None:
            return
        c = self.dossier.candidate
        open_dialog(
            self.ops,
            f"reactivate:{c.id}",
            self,
            lambda d: ReactivateDialog(self.ops, c.id, c.full_name, c.phase, d, parent=self),
        )

    def close_dossier(self) -> None:
        if self.dossier is None:
            return
        c, today = self.dossier.candidate, self._today()
        in_journey = c.status in OPEN
        open_dialog(
            self.ops,
            f"closure:{c.id}",
            self,
            lambda d: ClosureDialog(self.ops, c.id, c.full_name, today, in_journey, d, parent=self),
        )

    def _today(self) -> date:
        return self.ops.session.services.today()

    def _move(self) -> None:
        phase, reason, cid = self.phase.currentData(), self.reason.text(), self.cid
        self.error.hide()

        def fail(exc: BaseException) -> bool:
            errors = messages.field_texts(exc)
            self.error.setText(
                self.tr("Reden: {0}").format(errors["reason"])
                if "reason" in errors
                else describe(exc)
            )
            self.error.show()
            return True

        self.ops.write(lambda svc: svc.journey.move(cid, phase, reason)).success(
            lambda _: self.reason.clear()
        ).failure(fail).owned_by(self).run()

    def reopen(self, form_id: str) -> bool:
        """Reopen the uitval, reactivation or closing form left unsaved at a lock (each
        loads its kept draft itself)."""
        kind = form_id.partition(":")[0]
        opener = {
            "dropout": self.register_dropout,
            "reactivate": self.reactivate,
            "closure": self.close_dossier,
        }.get(kind)
        if opener is None or self.dossier is None:
            return False
        opener()
        return True

    def drafts(self) -> dict[str, dict[str, Any]]:
        return {}


def _outcome(row: CheckpointRow) -> str:
    if row.point.outcome is not None:
        return row.point.outcome.label
    if row.ended_on is not None:
        return "vervallen"
    return "open"


__all__ = ["CheckpointRow", "JourneyTab"]
