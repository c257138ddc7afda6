"""The unlocked workspace: navigation, the pages, and the dialogs they open. Built on
unlock and thrown away on lock, so no model or form outlives the key."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QWidget,
)

from spt_desktop.services.dto import CandidateDTO, HandoverTarget, VisitDTO
from spt_desktop.ui.columns import ColumnWidths, tables_under
from spt_desktop.ui.dialogs.base import DraftDialog, R, draft_owners, unsaved_drafts
from spt_desktop.ui.dialogs.candidate import CandidateDialog
from spt_desktop.ui.dialogs.checkpoint import record_checkpoint
from spt_desktop.ui.dialogs.handover import HandoverDialog
from spt_desktop.ui.dialogs.visit import VisitDialog
from spt_desktop.ui.elide import tips_for_elided
from spt_desktop.ui.fit import PageStack, reflow_when_large
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.pages.candidate import CandidatePage
from spt_desktop.ui.pages.caseload import CaseloadPage
from spt_desktop.ui.pages.conflicts import ConflictsPage
from spt_desktop.ui.pages.coordination import CoordinationPage
from spt_desktop.ui.pages.employers import EmployersPage
from spt_desktop.ui.pages.loket import LoketPage
from spt_desktop.ui.pages.monitor import MonitorPage
from spt_desktop.ui.pages.referrals import ReferralsPage
from spt_desktop.ui.pages.settings import SettingsPage
from spt_desktop.ui.pages.today import TodayPage

NAV = (
    ("today", QT_TRANSLATE_NOOP("Workspace", "Vandaag"), "Alt+1"),
    ("caseload", QT_TRANSLATE_NOOP("Workspace", "Caseload"), "Alt+2"),
    ("employers", QT_TRANSLATE_NOOP("Workspace", "Werkgevers"), "Alt+3"),
    ("monitor", QT_TRANSLATE_NOOP("Workspace", "Monitor"), "Alt+4"),
    ("conflicts", QT_TRANSLATE_NOOP("Workspace", "Conflicten"), "Alt+5"),
    ("settings", QT_TRANSLATE_NOOP("Workspace", "Instellingen"), "Alt+6"),
    ("coordination", QT_TRANSLATE_NOOP("Workspace", "Coördinatie"), "Alt+7"),
    ("referrals", QT_TRANSLATE_NOOP("Workspace", "Aanmeldingen"), "Alt+8"),
    ("loket", QT_TRANSLATE_NOOP("Workspace", "Loket"), "Alt+9"),
)


class Workspace(QWidget):
    language_changed = Signal(str)
    text_scale_changed = Signal(int)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.dialogs: list[DraftDialog[Any]] = []
        self.nav = named(QListWidget(), "nav")
        self.nav.setAccessibleName(self.tr("Pagina's"))
        self.stack = named(PageStack(), "pages")
        self.today = TodayPage(ops)
        self.caseload = CaseloadPage(ops)
        self.employers = EmployersPage(ops)
        self.monitor = MonitorPage(ops)
        self.conflicts = ConflictsPage(ops)
        self.settings_page = SettingsPage(ops)
        self.candidate_page = CandidatePage(ops)
        self.coordination = CoordinationPage(ops)
        self.referrals = ReferralsPage(ops)
        self.loket = LoketPage(ops)
        self.pages: dict[str, QWidget] = {
            "today": self.today,
            "caseload": self.caseload,
            "employers": self.employers,
            "monitor": self.monitor,
            "conflicts": self.conflicts,
            "settings": self.settings_page,
            "candidate": self.candidate_page,
            "coordination": self.coordination,
            "referrals": self.referrals,
            "loket": self.loket,
        }
        for key, label, shortcut in NAV:
            item = QListWidgetItem(self.tr(label))  # type: ignore[arg-type]  # PySide6 stub: QT_TRANSLATE_NOOP returns the str it gets
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(shortcut)
            self.nav.addItem(item)
        # As wide as its longest name at the text size in use (190 px at 100 %).
        self.nav.setFixedWidth(max(190, self.nav.sizeHintForColumn(0) + 48))
        for page in self.pages.values():
            self.stack.addWidget(page)
        self.columns = ColumnWidths(ops, self)  # widths the coach dragged stay
        self.columns.watch(self.pages)
        for page in self.pages.values():  # an elided cell's whole text on hover
            tips_for_elided(tables_under(page), self)
        # A page larger than the window (at 200 % text, say) scrolls instead of widening
        # the window past the screen; at normal text size no scroll bar shows.
        self.page_scroll = named(QScrollArea(), "pageScroll")
        self.page_scroll.setAccessibleName(self.tr("Pagina"))
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes into the page
        self.page_scroll.setWidget(self.stack)
        reflow_when_large(self.page_scroll)  # at 200 %: one column, no sideways scrolling
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.page_scroll, 1)
        self.coordination.hide_unless_coordinator(self.nav)  # coordinators only

        self.nav.currentItemChanged.connect(self._nav_changed)
        self.caseload.open_candidate.connect(self.open_candidate)
        self.caseload.new_candidate.connect(lambda: self.new_candidate())
        self.today.open_candidate.connect(self.open_candidate)
        self.today.log_visit.connect(self.log_visit)
        self.today.open_employer.connect(self.open_employer)
        self.today.accept_referral.connect(lambda rid: self.accept_referral(rid))
        self.today.open_loket.connect(self.open_loket)
        self.employers.connect_proposals(self.propose_for_vacancy)
        self.candidate_page.back.connect(lambda: self.show_page("caseload"))
        self.candidate_page.log_visit.connect(self.log_visit)
        self.candidate_page.hand_over.connect(self.hand_over)
        self.candidate_page.dialog_host = self._open  # its dialogs' drafts kept on a lock
        self.settings_page.language_changed.connect(self.language_changed)
        self.referrals.accept_referral.connect(lambda rid: self.accept_referral(rid))
        self.referrals.plan_intake.connect(self._plan_intake)
        self.referrals.not_started.connect(self._not_started)
        self.referrals.new_referral.connect(lambda: self.new_referral())
        self.settings_page.text_scale_changed.connect(self.text_scale_changed)

    def start(self) -> None:
        """First data. The caseload's first page (tens of ms) is queued before Vandaag
        (seconds on a big vault): on the one worker, the short job first costs Vandaag
        little and spares the caseload the wait."""
        self.caseload.refresh()
        self.columns.load()
        self.nav.setCurrentRow(0)
        self.employers.refresh()
        self.conflicts.refresh()

    # --- navigation ----------------------------------------------------------------

    def show_page(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                if self.nav.currentRow() == row:
                    self._nav_changed(self.nav.item(row))
                self.nav.setCurrentRow(row)
                return
        self.stack.setCurrentWidget(self.pages[key])

    def _nav_changed(self, item: QListWidgetItem | None, *_: Any) -> None:
        if item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        if self.stack.currentWidget() is self.candidate_page and self.candidate_page.has_unsaved():
            self._select_nav(1)  # still in the dossier (under Caseload) until she decides
            self.candidate_page.leave(lambda: self._go(key))
            return
        self._go(key)

    def _select_nav(self, row: int) -> None:
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)

    def _go(self, key: str) -> None:
        row = next(
            r for r in range(self.nav.count())
            if self.nav.item(r).data(Qt.ItemDataRole.UserRole) == key
        )  # fmt: skip
        self._select_nav(row)
        self.stack.setCurrentWidget(self.pages[key])
        if key == "today":
            self.today.refresh()
        elif key == "settings":
            self.settings_page.refresh()
        elif key == "loket":
            self.loket.refresh()
        elif key == "monitor" and self.monitor.report is None:
            self.monitor.refresh()  # computed when first opened, not at unlock

    def current_key(self) -> str:
        widget = self.stack.currentWidget()
        return next(k for k, w in self.pages.items() if w is widget)

    def open_candidate(self, candidate_id: str) -> None:
        page = self.candidate_page
        if self.stack.currentWidget() is page and page.candidate_id != candidate_id:
            page.leave(lambda: self._open_candidate(candidate_id))
        else:
            self._open_candidate(candidate_id)

    def _open_candidate(self, candidate_id: str) -> None:
        self._select_nav(1)  # the dossier lives under Caseload
        self.stack.setCurrentWidget(self.candidate_page)
        self.candidate_page.show_candidate(candidate_id)

    def has_unsaved(self) -> bool:
        """An edit on a page (not a dialog: those keep drafts) that leaving would lose."""
        return (
            self.stack.currentWidget() is self.candidate_page and self.candidate_page.has_unsaved()
        )

    def leave(self, proceed: Any) -> None:
        """``proceed()`` once the page in view has nothing unsaved, asking if it has."""
        if self.stack.currentWidget() is self.candidate_page:
            self.candidate_page.leave(proceed)
        else:
            proceed()

    def open_employer(self, employer_id: str) -> None:
        """Werkgevers with this employer selected, its contact log in view (from an
        employer follow-up on Vandaag)."""
        self.leave(lambda: self._open_employer(employer_id))

    def propose_for_vacancy(self, employer_id: str, vacancy_id: str) -> None:
        """ "Kandidaat voorstellen…" on Werkgevers: the matching dialog with the vacancy
        chosen and a candidate to pick (with what was typed before, if kept)."""
        from spt_desktop.ui.dialogs.match import ProposeMatchDialog, proposal_form

        form_id = proposal_form(None, vacancy_id, employer_id)

        def opened(draft: dict[str, Any] | None) -> None:
            self._open(
                ProposeMatchDialog(
                    self.ops,
                    vacancy_id=vacancy_id,
                    employer_id=employer_id,
                    draft=draft,
                    parent=self,
                )
            )

        self.ops.vault(lambda s: s.load_draft(form_id)).success(opened).owned_by(self).run()

    def open_loket(self, question_id: str) -> None:
        """The Loket page with this question selected (from a follow-up on Vandaag)."""
        self.leave(lambda: self._open_loket(question_id))

    def _open_loket(self, question_id: str) -> None:
        self._go("loket")
        self.loket.show_question(question_id)

    def _open_employer(self, employer_id: str) -> None:
        self._go("employers")
        self.employers.show_employer(employer_id, 1)

    def focus_search(self) -> None:
        self.show_page("caseload")
        self.caseload.focus_search()

    # --- dialogs -------------------------------------------------------------------

    def _open(self, dialog: DraftDialog[R]) -> DraftDialog[R]:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _=0, d=dialog: self._closed(d))
        dialog.open()
        return dialog

    def _closed(self, dialog: DraftDialog[Any]) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    def new_candidate(self, draft: dict[str, Any] | None = None) -> DraftDialog[CandidateDTO]:
        dialog = CandidateDialog(self.ops, draft, parent=self)
        dialog.on_saved = lambda cand: self.open_candidate(cand.id)
        return self._open(dialog)

    # --- referrals (issue 16) ------------------------------------------------------------

    def accept_referral(self, referral_id: str, draft: dict[str, Any] | None = None) -> None:
        """The candidate form filled from the referral; once registered, her dossier."""
        from spt_desktop.ui.dialogs.referral import AcceptReferralDialog

        def opened(values: dict[str, Any]) -> None:
            dialog = AcceptReferralDialog(self.ops, referral_id, values, parent=self)
            dialog.on_saved = lambda cand: self.open_candidate(cand.id)
            self._open(dialog)

        if draft is not None:
            opened(draft)
            return
        self.ops.read(lambda svc: svc.referrals.prefill(referral_id)).success(opened).owned_by(
            self
        ).run()

    def new_referral(self, draft: dict[str, Any] | None = None) -> None:
        from spt_desktop.ui.dialogs.referral import ReferralDialog

        self._open(ReferralDialog(self.ops, draft, parent=self))

    def _plan_intake(
        self, referral_id: str, name: str, draft: dict[str, Any] | None = None
    ) -> None:
        from spt_desktop.ui.dialogs.referral import PlanIntakeDialog

        self._open(PlanIntakeDialog(self.ops, referral_id, name, draft, parent=self))

    def _not_started(
        self, referral_id: str, name: str, draft: dict[str, Any] | None = None
    ) -> None:
        from spt_desktop.ui.dialogs.referral import NotStartedDialog

        self._open(NotStartedDialog(self.ops, referral_id, name, draft, parent=self))

    def _reopen_referral(self, kind: str, referral_id: str, draft: dict[str, Any]) -> None:
        """A referral's intake planning or "niet gestart" left unsaved at a lock, open
        again with what was typed; its title names the candidate, read from the referral
        (its form id names only the referral)."""
        opener = self._plan_intake if kind == "referral_intake" else self._not_started
        self.ops.read(lambda svc: svc.referrals.get(referral_id)).success(
            lambda ref: opener(referral_id, ref.full_name, draft)
        ).owned_by(self).run()

    def log_visit(
        self, candidate_id: str, name: str, draft: dict[str, Any] | None = None
    ) -> DraftDialog[VisitDTO]:
        return self._open(VisitDialog(self.ops, candidate_id, name, draft, parent=self))

    def new_visit_here(self) -> None:
        """Ctrl+N: a visit for the candidate in view (dossier or Vandaag selection)."""
        if self.stack.currentWidget() is self.candidate_page and self.candidate_page.dossier:
            self.candidate_page._visit()
        elif self.stack.currentWidget() is self.today:
            self.today.visit_selected()
        elif self.stack.currentWidget() is self.caseload:
            from spt_desktop.ui.tables import row_at

            row = row_at(self.caseload.view)
            if row is not None:
                self.log_visit(row.id, row.full_name)

    def hand_over(self, candidate_id: str, name: str, draft: dict[str, Any] | None = None) -> None:
        def opened(targets: list[HandoverTarget]) -> None:
            self._open(HandoverDialog(self.ops, candidate_id, name, targets, draft, parent=self))

        self.ops.read(lambda svc: svc.handovers.targets(candidate_id)).success(opened).owned_by(
            self
        ).run()

    # --- drafts --------------------------------------------------------------------

    def collect_drafts(self) -> dict[str, dict[str, Any]]:
        """Everything typed and not yet saved, by form id (for a lock)."""
        out = unsaved_drafts(self.dialogs)
        out.update(unsaved_drafts(self.loket.dialogs))
        out.update(self.candidate_page.drafts())
        out.update(self.employers.drafts())
        return out

    def draft_owners(self) -> dict[str, str]:
        """The candidate each draft of ``collect_drafts`` is about, by form id (drafts
        about no one are not in it)."""
        out = draft_owners(self.dialogs)
        out.update(self.candidate_page.draft_owners())
        return out

    def restore_drafts(self, drafts: dict[str, dict[str, Any]], names: dict[str, str]) -> None:
        """Reopen every form that was left unsaved, with what was typed."""
        for form_id, values in sorted(drafts.items()):
            if self.employers.restore_draft(form_id, values):
                continue  # the Werkgevers dialogs (their ids name no candidate)
            if self.loket.restore_draft(form_id, values):
                continue  # the Loket dialogs (their ids name a question, no candidate)
            kind, _, cid = form_id.partition(":")
            name = names.get(cid, "")
            if kind == "register":
                self.new_candidate(values)
            elif kind == "referral" and not cid:
                self.new_referral(values)
            elif kind == "accept_referral" and cid:
                self.accept_referral(cid, values)
            elif kind in ("referral_intake", "referral_not_started") and cid:
                self._reopen_referral(kind, cid, values)
            elif kind == "visit" and cid:
                self.log_visit(cid, name, values)
            elif kind == "handover" and cid:
                self.hand_over(cid, name, values)
            elif kind == "intake" and cid:
                self.candidate_page.restore_intake(values)
                self.open_candidate(cid)
            elif kind == "profile" and cid:
                self.candidate_page.restore_profile(values)
                self.open_candidate(cid)
            elif kind == "checkpoint" and cid:
                # "checkpoint:<checkpoint>:<candidate>": the dialog loads its draft itself
                record_checkpoint(self.ops, cid.partition(":")[0], self)
            elif kind in CandidatePage.DIALOG_KINDS and cid:
                # form id "kind[:record]:candidate": the dossier's own dialogs
                self.candidate_page.restore_dialog(form_id, values)
                self.open_candidate(cid.rpartition(":")[2])
