"""The dossier's "Matches en plaatsing" tab: the candidate's matches with their steps and
klik, and the placements with their retention checkpoints. From here the coach proposes
a match (with or without a vacancy), sees candidate and vacancy side by side, records
the next step, and places the candidate."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QWidget

from spt_common.enums import MatchStatus
from spt_desktop.services.dto import Dossier, MatchDTO
from spt_desktop.services.match_gaps import SideBySide
from spt_desktop.ui.elsewhere import employer_text, vacancy_text
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.pages.dossier_tabs import ListsTab, checkpoints_text
from spt_desktop.ui.tables import Column, row_at


def last_step(m: MatchDTO) -> Any:
    days = [m.proposed_on, m.introduced_on, m.trial_on, m.hired_on, m.declined_on]
    return max(d for d in days if d is not None)


def declined_text(m: MatchDTO) -> str:
    if m.status != MatchStatus.DECLINED or m.declined_by is None:
        return ""
    return f"{m.declined_by.label}: {m.declined_reason or ''}".strip()


class MatchesTab(ListsTab):
    """Matches and placements, with the actions of matching."""

    def __init__(
        self, ops: Ops, names: Callable[[], Dossier | None], parent: QWidget | None = None
    ) -> None:
        # An employer or vacancy the dossier has no name for is another SPT's: a
        # colleague's match or placement names it, this laptop never receives it.
        def employer(employer_id: str) -> str:
            d = names()
            return employer_text(d.employers.get(employer_id)) if d else ""

        def vacancy(vacancy_id: str | None) -> str:
            d = names()
            if vacancy_id is None:
                return "— (op potentie)"
            return vacancy_text(d.vacancies.get(vacancy_id)) if d else ""

        super().__init__(ops, [
            ("matches", "Matches", (
                Column("Voorgesteld", lambda m: m.proposed_on, width=105),
                Column("Werkgever", lambda m: employer(m.employer_id), width=200),
                Column("Vacature", lambda m: vacancy(m.vacancy_id), width=170),
                Column("Status", lambda m: m.status, width=115),
                Column("Klik (1–5)", lambda m: m.klik, width=85),
                Column("Laatste stap", last_step, width=105),
                Column("Afgewezen door", declined_text, width=190),
                Column("Notities", lambda m: m.notes))),
            ("placements", "Plaatsingen en behoudmomenten", (
                Column("Start", lambda p: p.starts_on, width=100),
                Column("Werkgever", lambda p: employer(p.employer_id), width=200),
                Column("Functie", lambda p: p.job_title, width=160),
                Column("Contract", lambda p: p.contract, width=115),
                Column("Uren", lambda p: p.hours_per_week, width=60),
                Column("Fonds", lambda p: p.fund, width=120),
                Column("Behoud", checkpoints_text))),
        ], parent)  # fmt: skip
        self.setObjectName("matchesTab")
        self.propose = self._button(
            self.tr("Match voorstellen…"), "matchPropose", self.propose_match
        )
        self.compare = self._button(self.tr("Naast elkaar…"), "matchCompare", self.side_by_side)
        self.step = self._button(self.tr("Volgende stap…"), "matchStep", self.next_step)
        self.place = self._button(self.tr("Plaatsen…"), "matchPlace", self.place_match)
        row = QHBoxLayout()
        for b in (self.propose, self.compare, self.step, self.place):
            row.addWidget(b)
        row.addStretch()
        # Under the matches table, above the placements.
        self.layout_.insertLayout(self.layout_.indexOf(self.views["matches"]) + 1, row)
        self.views["matches"].selectionModel().currentRowChanged.connect(self._enable)
        self.views["matches"].doubleClicked.connect(lambda _i: self.next_step())
        self._selected: str | None = None
        self._enable()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        b = named(QPushButton(text), name)
        b.clicked.connect(lambda _=False: slot())
        return b

    def selected(self) -> MatchDTO | None:
        m = row_at(self.views["matches"])
        return m if isinstance(m, MatchDTO) else None

    def _enable(self, *_: object) -> None:
        m = self.selected()
        self._selected = m.id if m else self._selected
        self.compare.setEnabled(m is not None)
        self.step.setEnabled(m is not None and m.status != MatchStatus.PLACED)
        self.place.setEnabled(m is not None and m.open)
        self.propose.setEnabled(self.dossier is not None)

    def show_dossier(self, d: Dossier) -> None:
        keep = self._selected
        super().show_dossier(d)
        view = self.views["matches"]
        model = view.model()
        for row in range(model.rowCount()):
            m = row_at(view, model.index(row, 0))
            if m is not None and m.id == keep:
                view.setCurrentIndex(model.index(row, 0))
                break
        self._enable()

    # --- actions ---------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        """Open through the workspace when there is one, so a lock keeps the draft."""
        host: Any = self.parent()
        while host is not None and not hasattr(host, "dialogs"):
            host = host.parent()
        if host is not None and callable(getattr(host, "_open", None)):
            host._open(dialog)
        else:
            dialog.open()

    def _with_draft(self, form_id: str, make: Callable[[dict[str, Any] | None], QDialog]) -> None:
        """Open the dialog ``make`` builds, with its encrypted draft when one was left
        (a lock, a crash): what was typed is back."""
        self.ops.vault(lambda s: s.load_draft(form_id)).success(
            lambda draft: self._open(make(draft))
        ).owned_by(self).run()

    def propose_match(self) -> None:
        from spt_desktop.ui.dialogs.match import ProposeMatchDialog

        if self.dossier is None:
            return
        cid, window = self.cid, self.window()
        self._with_draft(
            f"match:{cid}",
            lambda draft: ProposeMatchDialog(
                self.ops, candidate_id=cid, draft=draft, parent=window
            ),
        )

    def side_by_side(self) -> None:
        from spt_desktop.ui.dialogs.match import SideBySideDialog

        m = self.selected()
        if m is not None:
            dialog = SideBySideDialog(self.ops, m, parent=self.window())
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

    def next_step(self) -> None:
        from spt_desktop.ui.dialogs.match import MatchStepDialog

        m = self.selected()
        if m is None or m.status == MatchStatus.PLACED or self.dossier is None:
            return
        name = employer_text(self.dossier.employers.get(m.employer_id))
        window = self.window()
        self._with_draft(
            f"matchstep:{m.id}:{m.candidate_id}",  # ends with her id: kept, purged with her
            lambda draft: MatchStepDialog(self.ops, m, name, draft, parent=window),
        )

    def place_match(self) -> None:
        m = self.selected()
        if m is None or not m.open:
            return
        mid = m
        self.ops.read(
            lambda svc: svc.matching.side_by_side(mid.candidate_id, mid.employer_id, mid.vacancy_id)
        ).success(lambda view: self._place(mid, view)).owned_by(self).run()

    def _place(self, m: MatchDTO, view: SideBySide) -> None:
        from spt_desktop.ui.dialogs.placement import PlacementDialog

        vac, emp = view.vacancy, view.employer  # None: another SPT's, not on this laptop
        fund = getattr(emp, "fund", None) or getattr(emp, "training_fund", None)
        defaults = {
            "job_title": vac.title if vac else "",
            "hours_per_week": (vac.hours_per_week if vac else None)
            or view.candidate.hours_per_week,
            "fund": getattr(fund, "value", fund) or "",
        }
        where = employer_text(emp.name if emp is not None else None)
        title = self.tr("{0} bij {1}").format(view.candidate.full_name, where)
        window = self.window()
        self._with_draft(
            f"placement:{m.id}:{m.candidate_id}",
            lambda draft: PlacementDialog(self.ops, m, title, defaults, draft, parent=window),
        )


__all__ = ["MatchesTab"]
